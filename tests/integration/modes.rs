//! `--run` and `--follow` through the real binary: a fake command that prints an error
//! response and exits with a chosen status, and slow, bursty producers through a pipe and a pty.

use crate::util::{cmd, run};
use std::path::{Path, PathBuf};

/// A fake command: prints what it is told on stdout and stderr, then exits with a status.
fn fake(dir: &Path, stdout: &str, stderr: &str, status: i32) -> PathBuf {
    let p = dir.join(format!("fake-{status}"));
    let script = format!(
        "#!/bin/sh\nprintf '%s' '{}'\nprintf '%s' '{}' >&2\nexit {status}\n",
        stdout.replace('\'', "'\\''"),
        stderr.replace('\'', "'\\''")
    );
    std::fs::write(&p, script).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    p
}

const SLOWDOWN: &str = "HTTP/1.1 503 Slow Down\r\nRetry-After: 2\r\n\r\n<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>\n";

#[test]
fn run_passes_output_through_and_explains_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let f = fake(dir.path(), SLOWDOWN, "upload failed\n", 1);
    let r = run(cmd().arg("--run").arg(&f));
    assert_eq!(r.code, 2, "server class: {}", r.stderr);
    assert_eq!(r.stdout, SLOWDOWN, "stdout is the command's, unchanged");
    assert!(r.stderr.starts_with("upload failed\n"), "{}", r.stderr);
    assert!(
        r.stderr.contains("SlowDown") && r.stderr.contains("after 2 s"),
        "{}",
        r.stderr
    );
    // --json: one document, on stderr.
    let r = run(cmd().args(["--json", "--run"]).arg(&f));
    let doc: serde_json::Value =
        serde_json::from_str(r.stderr.trim_start_matches("upload failed\n")).unwrap();
    assert_eq!(doc["exit_code"], 2);
    assert_eq!(r.stdout, SLOWDOWN);
    // -q: only the command's own output, and the exit status.
    let r = run(cmd().args(["-q", "--run"]).arg(&f));
    assert_eq!((r.code, r.stderr.as_str()), (2, "upload failed\n"));
}

#[test]
fn run_of_a_succeeding_command_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let f = fake(dir.path(), "{\"id\": 1}\n", "", 0);
    let r = run(cmd().arg("--run").arg(&f));
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (0, "{\"id\": 1}\n", "")
    );
}

#[test]
fn run_reads_exit_statuses_and_reports_what_it_cannot() {
    let dir = tempfile::tempdir().unwrap();
    // Nothing recognisable: says so, names the status.
    let f = fake(dir.path(), "done?\n", "", 4);
    let r = run(cmd().arg("--run").arg(&f));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("exited with status 4"), "{}", r.stderr);
    // curl -s says nothing on a network failure: its exit status is its error code.
    let curl = dir.path().join("curl");
    std::fs::write(&curl, "#!/bin/sh\nexit 7\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&curl, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let r = run(cmd()
        .arg("--run")
        .arg(&curl)
        .args(["-s", "https://example.invalid/"]));
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("CURLE_COULDNT_CONNECT"), "{}", r.stderr);
    // A command that cannot start is errexplain's own error: one line, exit 1.
    let r = run(cmd().args(["--run", "/nonexistent/command", "-x"]));
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("command not found"), "{}", r.stderr);
    // Killed by a signal: 128 + N, and said.
    let r = run(cmd().args(["--run", "sh", "-c", "kill -TERM $$"]));
    assert_eq!(r.code, 128 + 15);
    assert!(r.stderr.contains("signal 15"), "{}", r.stderr);
    // Everything after --run is the command's, its flags included.
    let r = run(cmd().args(["--run", "sh", "-c", "echo --json -q"]));
    assert_eq!((r.code, r.stdout.as_str()), (0, "--json -q\n"));
}

/// A producer that writes in bursts with pauses, through a pipe.
fn bursty(script: &str, args: &[&str]) -> (i32, String) {
    let bin = assert_cmd::cargo::cargo_bin("errexplain");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "({script}) | '{}' {}",
            bin.display(),
            args.join(" ")
        ))
        .env_remove("ERREXPLAIN_CATALOGS")
        .env("HOME", "/nonexistent")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn follow_explains_each_error_as_it_comes_and_counts_repeats() {
    let producer = r#"
echo '2024-05-01T10:00:00Z INFO started'
echo '2024-05-01T10:00:01Z ERROR put failed: {'
echo '  "code": "NoSuchBucket",'
echo '  "message": "The specified bucket does not exist"'
echo '}'
sleep 0.5
for i in 1 2 3; do echo 'ERROR {"code":"NoSuchBucket","message":"x"}'; done
sleep 0.5
echo 'curl: (6) Could not resolve host: api.example.invalid'
"#;
    let (code, out) = bursty(producer, &["--follow"]);
    assert_eq!(code, 3, "the worst class seen: {out}");
    assert_eq!(
        out.matches("── line").count(),
        2,
        "each distinct error once: {out}"
    );
    assert!(out.contains("── line 2 ──"), "{out}");
    assert!(
        out.contains("Summary: 2 distinct errors in 9 lines"),
        "{out}"
    );
    assert!(
        out.contains("s3:NoSuchBucket") && out.contains("×4"),
        "{out}"
    );
    let (code, out) = bursty(producer, &["--follow", "--json"]);
    assert_eq!(code, 3);
    let events: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("NDJSON"))
        .collect();
    assert_eq!(events[0]["event"], "error");
    assert_eq!(events[0]["line"], 2);
    assert_eq!(
        events[0]["result"]["findings"][0]["matches"][0]["code"],
        "NoSuchBucket"
    );
    let last = events.last().unwrap();
    assert_eq!(last["event"], "summary");
    assert_eq!(last["errors"][0]["count"], 4);
    assert_eq!(last["exit_code"], 3);
}

#[test]
fn follow_does_not_hold_back_the_last_error_of_a_paused_stream() {
    // The producer writes one error and then stays silent for 3 s: the explanation must come
    // out during the pause, not at the end.
    let bin = assert_cmd::cargo::cargo_bin("errexplain");
    let mut child = std::process::Command::new("sh")
        .env("LC_ALL", "C.UTF-8")
        .arg("-c")
        .arg(format!(
            "(echo 'curl: (7) Failed to connect'; sleep 3) | '{}' --follow",
            bin.display()
        ))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let started = std::time::Instant::now();
    let mut first = [0u8; 12];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    assert!(
        started.elapsed() < std::time::Duration::from_millis(2500),
        "held back"
    );
    assert_eq!(&first, "── line".as_bytes().get(..12).unwrap_or(&first));
    let _ = child.wait();
}

#[test]
fn follow_ordinary_log_is_quiet_and_succeeds() {
    let (code, out) = bursty(
        "for i in 1 2 3 4 5; do echo \"INFO processed batch $i in 35 ms\"; done",
        &["--follow"],
    );
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn follow_through_a_pty() {
    let out = crate::util::on_a_terminal(
        "printf 'curl: (28) Operation timed out\\n' | {bin} --follow --color never",
        &[],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("CURLE_OPERATION_TIMEDOUT"), "{text}");
    assert_eq!(out.status.code(), Some(3));
}

#[cfg(unix)]
#[test]
fn follow_summarises_on_ctrl_c() {
    use std::io::Write;
    let bin = assert_cmd::cargo::cargo_bin("errexplain");
    let mut child = std::process::Command::new(bin)
        .arg("--follow")
        .env("LC_ALL", "C.UTF-8")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    writeln!(input, "curl: (7) Failed to connect").unwrap();
    input.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(600));
    // SAFETY: sending a signal to our own child process.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let out = child.wait_with_output().unwrap();
    drop(input);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Summary: 1 distinct errors"), "{text}");
    assert_eq!(out.status.code(), Some(3), "the worst class seen");
}

/// errexplain ignores SIGPIPE (a closed pipe is an error it handles); the command it runs
/// starts as it would from a shell, with SIGPIPE at its default, so that a pipeline inside
/// it ends as usual.
#[cfg(target_os = "linux")]
#[test]
fn run_starts_the_command_with_sigpipe_at_its_default() {
    let r = run(cmd().args(["--run", "grep", "^SigIgn:", "/proc/self/status"]));
    let mask = r
        .stdout
        .trim()
        .strip_prefix("SigIgn:")
        .map(|m| u64::from_str_radix(m.trim(), 16));
    let Some(Ok(mask)) = mask else {
        panic!("{} {}", r.stdout, r.stderr);
    };
    assert_eq!(mask & (1 << (libc::SIGPIPE - 1)), 0, "{mask:x}");
}
