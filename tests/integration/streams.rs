//! Streams that end, pause or break: `--follow` whose output is closed, whose last line has
//! no newline, whose input cannot be read; `--run` whose command leaves a process holding its
//! pipes; a `Retry-After` of `-0`. Each through the real binary.

use crate::util::{cmd, run, stdin};
use std::io::{BufRead, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn follow() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_errexplain"));
    c.args(["--follow", "--format", "line"])
        .env("HOME", "/nonexistent")
        .env_remove("ERREXPLAIN_CATALOGS")
        .env("LC_ALL", "C.UTF-8");
    c
}

/// `--follow` started with `bytes` written to its input, which stays open: the process, its
/// input and its output.
fn follow_fed(
    bytes: &[u8],
) -> (
    std::process::Child,
    std::process::ChildStdin,
    std::process::ChildStdout,
) {
    let mut child = follow()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(bytes).expect("write");
    input.flush().expect("flush");
    let out = child.stdout.take().expect("stdout");
    (child, input, out)
}

/// Waits for the child to exit, at most `limit`; kills it and fails if it does not.
fn exits_within(child: &mut std::process::Child, limit: Duration, what: &str) -> i32 {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status.code().unwrap_or(-1);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn follow_ends_when_its_output_is_closed() {
    // `tail -f log | errexplain --follow | head -1`: the input stays open, the reader goes.
    let (mut child, input, out) =
        follow_fed(b"curl: (7) Failed to connect to example.com port 443\n");
    let mut out = std::io::BufReader::new(out);
    let mut first = String::new();
    out.read_line(&mut first).expect("one line");
    assert!(first.starts_with("curl\t7\t"), "{first}");
    drop(out);
    exits_within(
        &mut child,
        Duration::from_secs(10),
        "--follow with its output closed",
    );
    drop(input);
}

#[test]
fn an_unterminated_last_line_is_explained_at_the_end_of_the_stream() {
    let r = run(cmd()
        .args(["--follow", "--format", "line"])
        .write_stdin("INFO ok\ncurl: (6) Could not resolve host: example.invalid"));
    assert!(r.stdout.starts_with("curl\t6\t"), "{}", r.stdout);
    assert_eq!(r.code, 3);
}

#[test]
fn an_unterminated_last_line_is_explained_after_the_quiet_interval() {
    // The producer pauses in the middle of nowhere: no newline, no end of stream.
    let (mut child, input, out) =
        follow_fed(b"curl: (28) Operation timed out after 5000 milliseconds");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = std::io::BufReader::new(out).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("explained while the stream is still open");
    assert!(line.starts_with("curl\t28\t"), "{line}");
    drop(input);
    exits_within(
        &mut child,
        Duration::from_secs(10),
        "--follow at the end of its input",
    );
}

#[test]
fn a_read_error_under_follow_exits_non_zero_with_one_line() {
    // A directory as standard input: every read fails.
    let dir = std::fs::File::open(crate::util::root()).expect("the repository opens");
    let out = follow().stdin(Stdio::from(dir)).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("errexplain: standard input: cannot read it"),
        "{stderr}"
    );
}

#[test]
fn run_returns_when_the_command_exits_though_a_process_it_left_keeps_the_pipes() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_errexplain"))
        .args(["--run", "sh", "-c", "sleep 30 & echo started; exit 7"])
        .env("HOME", "/nonexistent")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let code = exits_within(
        &mut child,
        Duration::from_secs(10),
        "--run with a lingering process",
    );
    let mut out = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take().expect("stdout"), &mut out)
        .expect("read");
    assert_eq!(out, "started\n");
    assert_eq!(code, 1, "a failure nothing explains is a client error");
}

#[test]
fn a_retry_after_of_minus_zero_is_no_wait_with_a_sign() {
    let response = "HTTP/1.1 429 Too Many Requests\r\nRetry-After: -0\r\n\r\n";
    let r = stdin(&[], response);
    assert!(r.stdout.contains("429"), "{}", r.stdout);
    assert!(!r.stdout.contains("-0"), "{}", r.stdout);
    assert!(r.stdout.contains("after 0 s"), "{}", r.stdout);
    // (The header itself is shown as the server sent it.)
    let doc = crate::util::json(&stdin(&["--json"], response));
    let seconds = &doc["results"][0]["evidence"]["retry_after_seconds"];
    assert_eq!(seconds.as_f64(), Some(0.0), "{doc}");
    assert!(!seconds.to_string().starts_with('-'), "{doc}");
}

/// Peak resident memory (KiB) of `errexplain --follow -q` fed `total` bytes, `unit` after
/// `unit`, through a pipe as fast as it reads, and its exit code. The peak is the kernel's
/// high-water mark of the process's own memory (`VmHWM`), read once everything is written
/// and read, while its input is still open.
#[cfg(target_os = "linux")]
fn follow_peak_kib(total: usize, unit: &[u8]) -> (u64, i32) {
    let mut child = follow()
        .arg("-q")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let mut input = child.stdin.take().expect("stdin");
    let mut sent = 0;
    while sent < total {
        input.write_all(unit).expect("the follow reads all of it");
        sent += unit.len();
    }
    input.flush().expect("flush");
    // (Time to take in the last chunks; the quiet period ends the pending line.)
    std::thread::sleep(Duration::from_millis(1000));
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id()))
        .expect("the follow is still running");
    let kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/PID/status");
    drop(input);
    let code = exits_within(&mut child, Duration::from_secs(60), "--follow at its end");
    (kib, code)
}

/// The bound of docs/performance.md: what `--follow` holds is bounded in bytes, whatever the
/// lines are like. Fed far more than the bound, it stays under it.
const FOLLOW_BOUND_KIB: u64 = 64 * 1024;

#[cfg(target_os = "linux")]
#[test]
fn follow_memory_is_bounded_on_one_endless_line() {
    // 160 MiB and no newline: the line is cut, the rest skipped, nothing kept.
    let unit = b"INFO worker processed batch ".repeat(4096);
    let (kib, code) = follow_peak_kib(160 * 1024 * 1024, &unit);
    assert!(kib < FOLLOW_BOUND_KIB, "peak {kib} KiB");
    assert_eq!(code, 0, "no error in it");
}

#[cfg(target_os = "linux")]
#[test]
fn follow_memory_is_bounded_on_long_lines() {
    // 80 MiB of 256 KiB lines (more than the bound, were lines kept), then an error: it is
    // explained, so the stream was read to its end.
    let mut line = b"INFO payload ".to_vec();
    line.resize(256 * 1024 - 1, b'=');
    line.push(b'\n');
    let mut stream = line.repeat(320);
    stream.extend_from_slice(b"ERROR upload failed: NoSuchBucket\n");
    let (kib, code) = follow_peak_kib(stream.len(), &stream);
    assert!(kib < FOLLOW_BOUND_KIB, "peak {kib} KiB");
    assert_eq!(code, 1, "the error at the end is found");
}
