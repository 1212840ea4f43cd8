//! Hostile input: whatever arrives, no panic, no hang (every run has a time limit), an exit code
//! within 0-3, and no raw control character in any output form.

use crate::util::{args, assert_clean, cmd, run, Run};
use std::time::Duration;

fn check(r: &Run, what: &str) {
    assert!((0..=3).contains(&r.code), "{what}: exit {}", r.code);
    assert!(!r.stderr.contains("panicked"), "{what}: {}", r.stderr);
    assert_clean(&r.stdout, what);
    assert_clean(&r.stderr, what);
}

fn feed(what: &str, input: Vec<u8>) {
    for form in [&[][..], &["--json"], &["--format", "line"]] {
        let out = cmd()
            .args(form)
            .write_stdin(input.clone())
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        let r = Run {
            code: out
                .status
                .code()
                .unwrap_or_else(|| panic!("{what} {form:?}: killed (timeout?)")),
            stdout: String::from_utf8(out.stdout).expect("UTF-8 out"),
            stderr: String::from_utf8(out.stderr).expect("UTF-8 err"),
        };
        check(&r, &format!("{what} {form:?}"));
        assert!(r.stderr.lines().count() <= 3, "{what}: {}", r.stderr);
    }
}

/// A small deterministic generator, so the suite is the same on every run.
fn noise(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect()
}

#[test]
fn empty_blank_random_and_invalid_utf8() {
    feed("empty", Vec::new());
    feed("blank", b"  \n\r\n\t \n".to_vec());
    feed("random bytes", noise(64 * 1024, 0x9e3779b97f4a7c15));
    let mut no_nul: Vec<u8> = noise(64 * 1024, 42).into_iter().map(|b| b.max(1)).collect();
    no_nul.extend_from_slice(b"\nHTTP/1.1 503 Service Unavailable\n");
    feed("random bytes without NUL", no_nul);
    feed(
        "invalid utf-8",
        b"HTTP/1.1 404 Not Found\r\n\r\n<Error><Code>NoSuch\xff\xfeKey</Code></Error>".to_vec(),
    );
    let r = run(cmd().write_stdin(Vec::new()));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("empty"));
    let r = run(cmd().write_stdin(noise(4096, 7)));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("binary") || r.stderr.contains("no error code"),
        "{}",
        r.stderr
    );
}

#[test]
fn deep_nesting() {
    let deep = 200_000;
    feed(
        "deep arrays",
        format!("{}{}", "[".repeat(deep), "]".repeat(deep)).into_bytes(),
    );
    feed(
        "deep objects",
        format!("{}1{}", "{\"a\":".repeat(deep), "}".repeat(deep)).into_bytes(),
    );
    feed("unclosed objects", "{\"code\":".repeat(deep).into_bytes());
    feed(
        "deep xml",
        format!(
            "<Error>{}<Code>NoSuchKey</Code>{}</Error>",
            "<a>".repeat(deep),
            "</a>".repeat(deep)
        )
        .into_bytes(),
    );
    let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n<!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n]>\n<Error><Code>&lol9;</Code><Message>&lol9;</Message></Error>";
    feed("billion laughs", laughs.as_bytes().to_vec());
}

#[test]
fn terminal_escapes_in_server_messages() {
    let evil = "HTTP/1.1 400 Bad Request\r\nX-Evil: \u{1b}[31mred\r\n\r\n{\"code\":\"\u{1b}]0;title\u{7}\",\"message\":\"\u{1b}[2J\u{1b}[H\u{9b}31m wipe \u{202e}cod.exe \u{200b}zw \u{7f}\"}";
    feed("ansi, osc, c1, bidi", evil.as_bytes().to_vec());
    feed("escapes in xml", "<Error><Code>\u{1b}[5mNoSuchKey</Code><Message>\u{1b}]8;;http://evil\u{7}x</Message></Error>".as_bytes().to_vec());
    feed(
        "escapes in a curl line",
        "curl: (6) Could not resolve host: \u{1b}[31mevil"
            .as_bytes()
            .to_vec(),
    );
    let r = args(&["\u{1b}[31mNoSuchKey"]);
    check(&r, "escape in a query argument");
}

#[test]
fn huge_inputs() {
    feed("5 MB single line", "x".repeat(5 * 1024 * 1024).into_bytes());
    let mut big = "y ".repeat(5 * 1024 * 1024).into_bytes();
    big.extend_from_slice(b"{\"code\": 50013, \"message\": \"Missing Permissions\"}");
    feed("error at the end of a long line", big);
    let many: String = (0..50_000)
        .map(|i| format!("{{\"code\":{},\"message\":\"e{i}\"}}", 1000 + i % 9000))
        .collect::<Vec<_>>()
        .join(",");
    let envelope = format!("{{\"success\":false,\"errors\":[{many}]}}");
    feed("50k errors in one envelope", envelope.into_bytes());
    // The end of a long log is read too: its last error is found, and a note says what was read.
    let mut log = "2026-11-23 INFO ok\n".repeat(600_000).into_bytes();
    log.extend_from_slice(b"2026-11-23 ERROR curl: (28) Operation timed out after 5000 ms\n");
    let r = run(cmd().arg("--json").write_stdin(log));
    assert_eq!(r.code, 3, "{}", r.stderr);
    let doc = crate::util::json(&r);
    let notes = doc["results"][0]["evidence"]["notes"].to_string();
    assert!(
        notes.contains("read its first 4 MiB and its last 4 MiB"),
        "{notes}"
    );
    let r = run(cmd()
        .write_stdin(vec![b'a'; 9 * 1024 * 1024])
        .timeout(Duration::from_secs(30)));
    check(&r, "over the cap");
}

#[test]
fn long_lines_of_numbers_and_quoted_statuses() {
    // Every number of a line is read against what stands near it, never against the whole
    // line before it (these took minutes when each number read its line from the start).
    feed(
        "4 MB of numbers on one line",
        "123 ".repeat(1 << 20).into_bytes(),
    );
    feed(
        "4 MB of quoted status lines on one line",
        "x \"HTTP/1.1 200 ".repeat(1 << 18).into_bytes(),
    );
    feed(
        "4 MB of one phrasing on one line",
        "ECONNREFUSED,".repeat(320_000).into_bytes(),
    );
    // A request before every number, web addresses on every line, curl run on every word.
    feed(
        "4 MB of numbers after an address on one line",
        format!("GET /a{}", "-100".repeat(1 << 20)).into_bytes(),
    );
    feed(
        "4 MB of web addresses in lines of 4 KB",
        format!("{} errors\n", "http://".repeat(580))
            .repeat(1000)
            .into_bytes(),
    );
    // Keys whose values are not kept, and WebSocket close codes, on one long line: each is
    // judged by what stands near it.
    feed(
        "4 MB of keys with unkept values on one line",
        "status: x ".repeat(400_000).into_bytes(),
    );
    feed(
        "4 MB of close codes on one line",
        "WebSocket closed, code 1006 ".repeat(150_000).into_bytes(),
    );
    feed(
        "1 MB of curl commands before exit statuses",
        format!("{} exit code 7\n", " curl -f".repeat(6000))
            .repeat(20)
            .into_bytes(),
    );
}

#[test]
fn huge_and_many_arguments() {
    let arg = "z".repeat(120 * 1024);
    check(&args(&[&arg]), "120 KB argument");
    let many: Vec<String> = (0..5000).map(|i| (10000 + i).to_string()).collect();
    let r = run(cmd().args(&many).arg("-q"));
    check(&r, "5000 arguments");
}

#[test]
fn odd_statuses_and_retry_values() {
    for v in [
        "-1",
        "99999999999999999999",
        "1e308",
        "NaN",
        "inf",
        "soon",
        "Thu, 01 Jan 1970 00:00:00 GMT",
        "Fri, 31 Dec 9999 23:59:59 GMT",
        "",
    ] {
        feed(
            &format!("Retry-After {v:?}"),
            format!("HTTP/1.1 429 Too Many Requests\r\nRetry-After: {v}\r\n\r\n").into_bytes(),
        );
    }
    feed("status 999", b"HTTP/1.1 999 Whatever\r\n\r\n".to_vec());
    feed("status 000", b"HTTP/1.1 000 Zero\r\n\r\n".to_vec());
    feed("curl 999", b"curl: (999) Something new".to_vec());
    feed(
        "curl overflow",
        b"curl: (99999999999999999999999) x".to_vec(),
    );
    check(&args(&["999"]), "query 999");
    check(&args(&["-1"]), "query -1");
}

#[test]
fn terminal_on_stdin_never_waits() {
    // `script` gives the process a real terminal on standard input.
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        panic!("the `script` command (util-linux) is needed for this test");
    }
    let out = std::process::Command::new("script")
        .args(["-qec", env!("CARGO_BIN_EXE_errexplain"), "/dev/null"])
        .env("HOME", "/nonexistent")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("standard input is a terminal"), "{text}");
    assert_eq!(out.status.code(), Some(1), "{text}");
}

#[test]
fn closed_stdout() {
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "'{0}' 10058 >&-; echo \"exit=$?\"; '{0}' --list >&-; echo \"exit=$?\"",
            env!("CARGO_BIN_EXE_errexplain")
        ))
        .env("HOME", "/nonexistent")
        .output()
        .expect("bash");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    for line in stdout.lines() {
        let code: i32 = line.trim_start_matches("exit=").parse().unwrap();
        assert!((0..=3).contains(&code), "{stdout}");
    }
}
