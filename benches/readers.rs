//! The worst inputs per reader, 8 MiB each, through the release binary: time and peak memory
//! must stay linear (under 1 s and 256 MiB each), whatever the shape. Also the 2 KB body and a
//! 1 MB log without an error, the everyday cases. Run: `cargo bench --bench readers` (a
//! Markdown table on stdout).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SIZE: usize = 8 * 1024 * 1024;

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_errexplain"))
}

/// Repeats `unit(i)` until the text is `size` bytes long, then closes it with `tail`.
fn fill(size: usize, head: &str, unit: impl Fn(usize) -> String, tail: &str) -> Vec<u8> {
    let mut s = String::with_capacity(size + 1024);
    s.push_str(head);
    let mut i = 0;
    while s.len() + tail.len() < size {
        s.push_str(&unit(i));
        i += 1;
    }
    s.push_str(tail);
    s.into_bytes()
}

type Make = Box<dyn Fn() -> Vec<u8>>;

fn body_2k() -> Vec<u8> {
    let mut b = b"HTTP/1.1 404 Not Found\r\nx-amz-request-id: 4442587FB7D0A2F9\r\nContent-Type: application/xml\r\n\r\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>".to_vec();
    b.extend(std::iter::repeat_n(b'k', 1800));
    b.extend_from_slice(b"</Key><RequestId>4442587FB7D0A2F9</RequestId></Error>\n");
    b
}

/// Each input is made only when its turn comes, so the benchmark's own memory (which a child
/// shares until it execs) stays small.
fn cases() -> Vec<(&'static str, Make)> {
    vec![
        ("2 KB S3 XML body", Box::new(body_2k)),
        (
            "1 MB log, no error",
            Box::new(|| {
                fill(
                    1024 * 1024,
                    "",
                    |i| {
                        format!("2024-05-01T10:00:{:02}Z INFO worker {i} processed batch of 200 items in 35 ms\n", i % 60)
                    },
                    "",
                )
            }),
        ),
        (
            "8 MiB: many errors (one envelope)",
            Box::new(|| {
                fill(
                    SIZE,
                    "{\"success\":false,\"errors\":[",
                    |i| {
                        format!(
                            "{{\"code\":{},\"message\":\"Invalid request headers\"}},",
                            1000 + i % 9000
                        )
                    },
                    "{\"code\":1}]}",
                )
            }),
        ),
        (
            "8 MiB: many headers",
            Box::new(|| {
                fill(
                    SIZE,
                    "HTTP/1.1 500 Internal Server Error\r\n",
                    |i| format!("X-Header-{i}: value-{i}\r\n"),
                    "\r\n",
                )
            }),
        ),
        (
            "8 MiB: deep nesting",
            Box::new(|| fill(SIZE, "", |_| "{\"a\":[".to_string(), "]}")),
        ),
        (
            "8 MiB: many braces",
            Box::new(|| fill(SIZE, "", |_| "{\"k\":\"".to_string(), "")),
        ),
        (
            "8 MiB: nested form errors",
            Box::new(|| {
                fill(SIZE, "{\"code\":50035,\"message\":\"Invalid Form Body\",\"errors\":{\"f\":{\"_errors\":[", |_| "{\"code\":\"BASE_TYPE_REQUIRED\",\"message\":\"required\"},".to_string(), "{}]}}}")
            }),
        ),
        (
            "8 MiB: key: value records",
            Box::new(|| {
                fill(
                    SIZE,
                    "",
                    |i| format!("code: E{i} status: 500 message: 'boom {i}', "),
                    "",
                )
            }),
        ),
        (
            "8 MiB: catalog words everywhere",
            Box::new(|| {
                fill(
                    SIZE,
                    "",
                    |_| "NoSuchKey Access Denied. code 1020 Error: 9109: ".to_string(),
                    "",
                )
            }),
        ),
        (
            "8 MiB: one line, escapes",
            Box::new(|| fill(SIZE, "\"", |_| "\\n\\\"\\u0027&quot;**`".to_string(), "\"")),
        ),
    ]
}

/// Runs once with `input` on stdin: wall time and the child's peak RSS in KiB.
// The child is reaped by wait4 (which also gives its resource use), not by Child::wait.
#[allow(clippy::zombie_processes)]
fn run(input: &Path, json: bool) -> (Duration, i64) {
    let mut c = Command::new(bin());
    if json {
        c.arg("--json");
    }
    c.stdin(std::fs::File::open(input).expect("input"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .env_remove("ERREXPLAIN_CATALOGS")
        .env("HOME", "/nonexistent");
    let start = Instant::now();
    let child = c.spawn().expect("spawn");
    let mut status = 0;
    // SAFETY: plain FFI calls; the rusage struct is fully written by wait4.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let took = start.elapsed();
    assert_eq!(r, pid, "wait4");
    (took, usage.ru_maxrss)
}

fn main() {
    let dir = std::env::temp_dir().join(format!("errexplain-readers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    println!("| input | bytes | median time (text) | time (--json) | peak RSS | within 1 s and 256 MiB |");
    println!("|---|---|---|---|---|---|");
    for (name, make) in cases() {
        let path = dir.join("input");
        let len = {
            let bytes = make();
            std::fs::File::create(&path)
                .and_then(|mut f| f.write_all(&bytes))
                .expect("write input");
            bytes.len()
        };
        let runs = if len > 1024 * 1024 { 5 } else { 50 };
        let mut times: Vec<Duration> = Vec::new();
        let mut rss = 0;
        for _ in 0..runs {
            let (t, r) = run(&path, false);
            times.push(t);
            rss = rss.max(r);
        }
        times.sort();
        let (tj, rj) = run(&path, true);
        rss = rss.max(rj);
        let median = times[times.len() / 2];
        let ok = median.max(tj) < Duration::from_secs(1) && rss < 256 * 1024;
        println!(
            "| {name} | {} | {:.2} ms | {:.2} ms | {} MiB | {} |",
            len,
            median.as_secs_f64() * 1000.0,
            tj.as_secs_f64() * 1000.0,
            rss / 1024,
            if ok { "yes" } else { "NO" }
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
