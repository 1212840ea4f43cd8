//! The retry recipe is one text in README.md, `--help` and the man page, and it does what it
//! says: run against a server on 127.0.0.1 (started here) that answers 429 with
//! `Retry-After: 2` and then 200, it asks twice, the second time after the wait; a 400 it
//! asks once.

use crate::util::{args, path_with_binary, root};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The recipe as `--help` prints it: the indented lines after the `Retrying:` paragraph.
fn recipe_in_help() -> String {
    let help = args(&["--help"]).stdout;
    let from = help
        .find("\nRetrying:")
        .expect("--help has the retry recipe");
    help[from + 1..]
        .lines()
        .skip_while(|l| !l.starts_with("  "))
        .take_while(|l| l.starts_with("  "))
        .map(|l| format!("{}\n", &l[2..]))
        .collect()
}

/// The recipe as the man page shows it, roff escapes undone.
fn recipe_in_man() -> String {
    let man = args(&["--generate", "man"]).stdout;
    let from = man.find(".SH RETRYING").expect("the man page has RETRYING");
    man[from..]
        .lines()
        .skip_while(|l| *l != ".RS 4")
        .skip(1)
        .take_while(|l| *l != ".RE")
        .map(|l| {
            let l = l
                .trim_start_matches("\\&")
                .replace("\\(aq", "'")
                .replace("\\-", "-")
                .replace("\\e", "\\");
            format!("{l}\n")
        })
        .collect()
}

#[test]
fn the_retry_recipe_is_one_text() {
    let help = recipe_in_help();
    assert!(help.starts_with("for attempt in"), "{help}");
    assert!(
        help.contains("cut -f6") && help.contains("cut -f7"),
        "{help}"
    );
    assert_eq!(
        recipe_in_man(),
        help,
        "the man page shows the --help recipe"
    );
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("```sh\n{help}```")),
        "README.md shows the --help recipe:\n{help}"
    );
    // The old recipe, which gave up on every exit status 1 (a 429 among them), is gone.
    for text in [readme, args(&["--help"]).stdout] {
        assert!(
            !text.contains("1) abort"),
            "an exit-status-only recipe remains"
        );
        assert!(
            !text.contains("give up"),
            "an exit-status-only recipe remains"
        );
    }
}

/// A server on 127.0.0.1 that gives `answers` in turn (the last one again after them) and
/// records when each request came.
fn serve(answers: Vec<&'static str>) -> (String, Arc<Mutex<Vec<Instant>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let url = format!("http://{}/thing", listener.local_addr().unwrap());
    let times = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&times);
    std::thread::spawn(move || {
        for (i, stream) in listener.incoming().enumerate() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            // The request's head ends with an empty line.
            while reader.read_line(&mut line).is_ok_and(|n| n > 0) && line != "\r\n" {
                line.clear();
            }
            seen.lock().unwrap().push(Instant::now());
            let answer = answers[i.min(answers.len() - 1)];
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    (url, times)
}

/// Runs the recipe (as `--help` prints it) with `url` set, errexplain first on PATH.
fn run_recipe(url: &str) -> (std::process::Output, Duration) {
    let path = path_with_binary();
    let script = format!("url={url}\n{}", recipe_in_help());
    let start = Instant::now();
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .env("PATH", path)
        .env("HOME", "/nonexistent/errexplain-recipe")
        .env_remove("ERREXPLAIN_CATALOGS")
        .env_remove("XDG_CONFIG_HOME")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("bash runs");
    (out, start.elapsed())
}

const TOO_MANY: &str = "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 2\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
const OK: &str =
    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\nConnection: close\r\n\r\nstored";
const BAD: &str = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

#[test]
fn the_recipe_retries_a_429_once_after_its_retry_after() {
    let (url, times) = serve(vec![TOO_MANY, OK]);
    let (out, _) = run_recipe(&url);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let times = times.lock().unwrap().clone();
    assert_eq!(times.len(), 2, "asked once, then once again: {stdout}");
    let gap = times[1] - times[0];
    assert!(
        gap >= Duration::from_millis(1900) && gap < Duration::from_secs(4),
        "the second request came after the 2 s the server asked for: {gap:?}"
    );
    // What the loop ends with is the answer that succeeded.
    assert!(
        stdout.contains("200 OK") && stdout.ends_with("stored\n"),
        "{stdout}"
    );
}

#[test]
fn the_recipe_does_not_retry_a_400() {
    let (url, times) = serve(vec![BAD, OK]);
    let (out, took) = run_recipe(&url);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(times.lock().unwrap().len(), 1, "asked once: {stdout}");
    assert!(stdout.contains("400 Bad Request"), "{stdout}");
    assert!(took < Duration::from_secs(2), "no wait: {took:?}");
}
