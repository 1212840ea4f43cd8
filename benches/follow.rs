//! `--follow` against grep, and its memory on long lines. Run: `cargo bench --bench follow`
//! (a Markdown table on stdout).
//!
//! 1. Speed: a 256 MiB log with one error line in a thousand (errors of several kinds: an S3
//!    XML body, a curl failure, a Java exception, a JSON envelope), read from a file by
//!    `grep -c -E 'ERROR|error|fail'` (output to a file) and by `errexplain --follow -q`,
//!    alternately, three runs each: medians and their ratio.
//! 2. Memory: peak RSS (GNU time) of `--follow` on 1 GiB of 256 KiB lines, and on one 1 GiB
//!    line with no newline, both written into its standard input through a pipe as fast as
//!    it reads; the bound is 64 MiB.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const MIB: usize = 1024 * 1024;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_errexplain")
}

/// The log of the speed case: ordinary lines, and every thousandth an error.
fn write_log(path: &Path, size: usize) {
    const ERRORS: [&str; 4] = [
        "ERROR put failed: <Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>",
        "ERROR curl: (7) Failed to connect to api.example.com port 443: Connection refused",
        "ERROR java.net.UnknownHostException: storage.example.com",
        "ERROR upload failed: {\"success\":false,\"errors\":[{\"code\":10006,\"message\":\"bucket not found\"}]}",
    ];
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("log file"));
    let mut written = 0usize;
    let mut i = 0usize;
    while written < size {
        let line = if i % 1000 == 999 {
            format!(
                "2024-05-01T10:{:02}:{:02}Z {}\n",
                i / 60 % 60,
                i % 60,
                ERRORS[i / 1000 % 4]
            )
        } else {
            format!(
                "2024-05-01T10:{:02}:{:02}Z INFO worker {} processed batch of 200 items in {} ms\n",
                i / 60 % 60,
                i % 60,
                i % 97,
                i % 50
            )
        };
        f.write_all(line.as_bytes()).expect("write");
        written += line.len();
        i += 1;
    }
}

fn time(program: &str, args: &[&str], input: &Path, output: &Path) -> f64 {
    let start = Instant::now();
    let status = Command::new(program)
        .args(args)
        .stdin(std::fs::File::open(input).expect("log"))
        .stdout(std::fs::File::create(output).expect("output file"))
        .stderr(Stdio::null())
        .env_remove("ERREXPLAIN_CATALOGS")
        .env("HOME", "/nonexistent")
        .status()
        .expect("runs");
    let took = start.elapsed().as_secs_f64();
    assert!(status.code().is_some(), "{program} finished");
    took
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Peak RSS (KiB) of `errexplain --follow -q` fed `total` bytes made by `unit` through a
/// pipe, and how long it took.
fn peak(total: usize, unit: Vec<u8>) -> (Option<u64>, f64) {
    let start = Instant::now();
    let mut child = Command::new("/usr/bin/time")
        .args(["-f", "%M", bin(), "--follow", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .env("HOME", "/nonexistent")
        .spawn()
        .expect("GNU time runs");
    let mut input = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let mut sent = 0;
        while sent < total {
            if input.write_all(&unit).is_err() {
                break;
            }
            sent += unit.len();
        }
    });
    let out = child.wait_with_output().expect("finishes");
    let _ = writer.join();
    let kib = String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok());
    (kib, start.elapsed().as_secs_f64())
}

fn main() {
    let dir = std::env::temp_dir().join(format!("errexplain-follow-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    let log = dir.join("log");
    write_log(&log, 256 * MIB);
    let size = std::fs::metadata(&log).expect("size").len() as f64 / 1e6;
    let out = dir.join("out");
    let (mut grep, mut ours) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        grep.push(time("grep", &["-c", "-E", "ERROR|error|fail"], &log, &out));
        ours.push(time(bin(), &["--follow", "-q"], &log, &out));
    }
    let (g, e) = (median(grep), median(ours));
    println!("| case | figure |");
    println!("|---|---|");
    println!(
        "| `grep -c -E 'ERROR|error|fail'`, {size:.0} MB log | {g:.2} s, {:.0} MB/s |",
        size / g
    );
    println!(
        "| `errexplain --follow -q`, same log | {e:.2} s, {:.0} MB/s, {:.2}× grep |",
        size / e,
        e / g
    );
    let _ = std::fs::remove_dir_all(&dir);

    let mut line = b"INFO worker processed batch of items in ms ".repeat(256 * 1024 / 43);
    line.resize(256 * 1024 - 1, b'x');
    line.push(b'\n');
    let (kib, t) = peak(1024 * MIB, line);
    println!(
        "| `--follow`, 1 GiB of 256 KiB lines | peak RSS {} KiB, {t:.1} s |",
        kib.map_or("?".into(), |k| k.to_string())
    );
    let (kib, t) = peak(1024 * MIB, b"INFO worker processed batch ".repeat(2048));
    println!(
        "| `--follow`, one 1 GiB line, no newline | peak RSS {} KiB, {t:.1} s |",
        kib.map_or("?".into(), |k| k.to_string())
    );
}
