//! The safety promises against an attacker, on the paths that are not response bodies:
//! arguments, clap's echo of them, files, and secrets in every form and output.

use crate::util::{args, assert_clean, cmd, run, stdin};

const ESCAPES: &[&str] = &[
    "\u{2028}",
    "\u{e0041}\u{e0042}",
    "\u{ad}\u{fe0f}",
    "\u{1b}]52;c;aGVsbG8=\u{7}",
    "\u{1b}[2J\u{1b}[31m",
    "a\u{8}\u{8}b\r",
    "\u{202e}evil",
    "\u{9b}31m",
];

#[test]
fn arguments_never_reach_the_terminal_raw() {
    for e in ESCAPES {
        for form in [&[][..], &["--json"], &["--format", "line"]] {
            let mut a: Vec<&str> = form.to_vec();
            let q = format!("{e}NoSuchKey");
            a.push(&q);
            let r = args(&a);
            assert_clean(&r.stdout, &format!("{e:?} {form:?}"));
            assert_clean(&r.stderr, &format!("{e:?} {form:?}"));
        }
        // clap's own error echoes the bad option.
        let r = args(&[&format!("--{e}")]);
        assert_eq!(r.code, 1);
        assert_clean(&r.stderr, "clap error");
    }
    // A character the normaliser drops still never comes back raw.
    let r = args(&["100\r58"]);
    assert_clean(&r.stdout, "100\\r58");
}

#[test]
fn a_pasted_response_as_an_argument_reads_as_stdin_does() {
    let body = "HTTP/1.1 200 OK\nContent-Type: application/xml\n\n<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>\n";
    let a = args(&["--format", "line", body]);
    let s = stdin(&["--format", "line"], body);
    assert_eq!(a.code, s.code);
    assert_eq!(a.code, 2);
    // The same lines but for the last column, which names the input.
    let strip = |t: &str| -> Vec<String> {
        t.lines()
            .map(|l| l.rsplit_once('\t').map_or(l, |x| x.0).to_string())
            .collect()
    };
    assert_eq!(strip(&a.stdout), strip(&s.stdout));
    assert!(
        a.stdout.lines().all(|l| l.ends_with("\targument text")),
        "{}",
        a.stdout
    );
}

#[test]
fn files_are_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "HTTP/1.1 404 Not Found\n\n<Error><Code>NoSuchKey</Code></Error>\n",
    )
    .unwrap();
    std::fs::write(&b, "curl: (6) Could not resolve host: example.invalid\n").unwrap();
    // As a bare argument, and with -f; several files, the highest class decides.
    let r = run(cmd().arg(&a));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("NoSuchKey"));
    let r = run(cmd().args(["--json", "-f"]).arg(&a).arg("-f").arg(&b));
    assert_eq!(r.code, 3, "{}", r.stderr);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let inputs: Vec<&str> = doc["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["input"].as_str().unwrap())
        .collect();
    assert!(
        inputs[0].ends_with("a.txt") && inputs[1].ends_with("b.txt"),
        "{inputs:?}"
    );
    // `-f -` is standard input.
    let r = run(cmd()
        .args(["-f", "-", "--format", "line"])
        .write_stdin("HTTP/1.1 503 Service Unavailable\n\n"));
    assert_eq!(r.code, 2);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(ok.success());
    let r = run(cmd().arg("-f").arg(&fifo));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
}

#[test]
fn empty_piped_input_says_how_to_include_the_commands_errors() {
    let r = stdin(&[], "");
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("2>&1") && r.stderr.contains("-S"),
        "{}",
        r.stderr
    );
}

#[test]
fn quiet_prints_nothing_at_all() {
    for a in [
        &["-q", "NoSuchKy"][..],
        &["-q", "10058"],
        &["-q", "-f", "/nonexistent/x"],
    ] {
        let r = args(a);
        assert!(
            r.stdout.is_empty() && r.stderr.is_empty(),
            "{a:?}: {} {}",
            r.stdout,
            r.stderr
        );
    }
    let r = stdin(&["-q"], "");
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn secrets_are_masked_in_every_output() {
    let secrets = [
        ("X-Vault-Token: hvs.SECRETVAULT0123", "SECRETVAULT0123"),
        ("Authorization: Token SECRETTOKEN0123", "SECRETTOKEN0123"),
        (
            "url https://bob:SECRETPASS0123@example.com/",
            "SECRETPASS0123",
        ),
        (
            "https://bob:SECRETSPLIT0123@example.com/",
            "SECRETSPLIT0123",
        ),
        ("client_secret=\"SECRETCLIENT0123\"", "SECRETCLIENT0123"),
        ("ghp_SECRETGITHUB0123456789abcdef", "SECRETGITHUB0123"),
    ];
    for (line, secret) in secrets {
        let body = format!("HTTP/1.1 403 Forbidden\n{line}\n\n{{\"code\": \"AccessDenied\", \"message\": \"denied for {line}\"}}\n");
        for form in [&[][..], &["--json"], &["--format", "line"]] {
            let r = stdin(form, body.clone());
            assert!(!r.stdout.contains(secret), "{line} {form:?}: {}", r.stdout);
            assert!(!r.stderr.contains(secret), "{line} {form:?}: {}", r.stderr);
        }
        let r = args(&["--json", &body]);
        assert!(!r.stdout.contains(secret), "argument {line}: {}", r.stdout);
    }
}

/// A user catalog whose every text field carries escapes, and one entry with a wide pattern.
const HOSTILE_CATALOG: &str = "
[catalog]
id = \"evil\"
name = \"Evil \\u202e catalog \\U000E0041\"
description = \"desc \\u2028 \\u200b \\u00ad\"
source = \"src \\ufe0f token=SECRETSRC0123\"

[[entry]]
code = \"EVIL-1\"
name = \"Bad \\u2066 name\"
class = \"client\"
retry = \"no\"
meaning = \"meaning \\u180e\"
cause = \"cause \\u200b\"
fix = \"fix \\u2029 password=SECRETFIX0123\"
";

fn user_env(dir: &std::path::Path) -> assert_cmd::Command {
    let mut c = cmd();
    c.env("ERREXPLAIN_CATALOGS", dir);
    c
}

#[test]
fn user_catalog_text_is_cleaned_in_every_listing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("evil.toml"), HOSTILE_CATALOG).unwrap();
    let runs: &[&[&str]] = &[
        &["--catalogs"],
        &["--catalogs", "--json"],
        &["--list", "evil"],
        &["--list", "evil", "--json"],
        &["--search", "meaning"],
        &["--format", "line", "EVIL-1"],
        &["EVIL-1"],
        &["--json", "EVIL-1"],
    ];
    for a in runs {
        let r = run(user_env(dir.path()).args(*a));
        assert_clean(&r.stdout, &format!("{a:?}"));
        assert_clean(&r.stderr, &format!("{a:?}"));
        assert!(!r.stdout.contains("SECRETSRC0123"), "{a:?}: {}", r.stdout);
        assert!(!r.stdout.contains("SECRETFIX0123"), "{a:?}: {}", r.stdout);
        assert!(r.stderr.is_empty(), "the catalog is valid: {}", r.stderr);
    }
    let r = run(user_env(dir.path()).args(["--json", "EVIL-1"]));
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        doc["results"][0]["findings"][0]["matches"][0]["origin"],
        "user"
    );
}

#[cfg(unix)]
#[test]
fn a_catalog_that_points_at_a_secret_does_not_print_it() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("credentials");
    std::fs::write(
        &secret,
        "[default]\naws_secret_access_key = TOPSECRETVALUE0123\nmore = stuff\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("creds.toml")).unwrap();
    for a in [&["10058"][..], &["--check-catalog"]] {
        let mut c = user_env(dir.path());
        c.args(a);
        if a[0] == "--check-catalog" {
            c.arg(dir.path().join("creds.toml"));
        }
        let r = run(&mut c);
        assert!(!r.stderr.contains("TOPSECRET"), "{a:?}: {}", r.stderr);
        assert!(!r.stdout.contains("TOPSECRET"), "{a:?}: {}", r.stdout);
        assert_clean(&r.stderr, "secret catalog");
    }
}

#[test]
fn a_wide_user_pattern_is_refused_and_never_outranks_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let wide = "[catalog]\nid = \"wide\"\nname = \"W\"\nsource = \"s\"\n\n[[entry]]\ncode = \"W1\"\nname = \"W1\"\nclass = \"success\"\nretry = \"no\"\nmeaning = \"m\"\ncause = \"c\"\nfix = \"f\"\npatterns = [\"h\"]\n";
    std::fs::write(dir.path().join("wide.toml"), wide).unwrap();
    let r = run(user_env(dir.path()).write_stdin("HTTP/1.1 503 Service Unavailable\n\nhello\n"));
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.contains("too short"), "{}", r.stderr);
    // A specific user pattern is evidence after what the readers found.
    let ok = wide.replace("[\"h\"]", "[\"nightly sync exploded\"]");
    std::fs::write(dir.path().join("wide.toml"), ok).unwrap();
    let r = run(user_env(dir.path())
        .write_stdin("HTTP/1.1 503 Service Unavailable\n\nnightly sync exploded\n"));
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stdout.contains("W1"), "{}", r.stdout);
}

#[test]
fn ties_do_not_depend_on_other_catalogs() {
    let dir = tempfile::tempdir().unwrap();
    let base = run(cmd().args(["--format", "line", "cloudflare:1002"]));
    std::fs::write(dir.path().join("broken.toml"), "not [valid toml").unwrap();
    for _ in 0..3 {
        let r = run(user_env(dir.path()).args(["--format", "line", "cloudflare:1002"]));
        assert_eq!(r.stdout, base.stdout);
        assert_eq!(r.code, base.code);
    }
}

#[test]
fn many_user_catalog_files_load_once() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..2000 {
        let t = format!("[catalog]\nid = \"c{i}\"\nname = \"C\"\nsource = \"s\"\n\n[[entry]]\ncode = \"X{i}\"\nname = \"X{i}\"\nclass = \"client\"\nretry = \"no\"\nmeaning = \"m\"\ncause = \"c\"\nfix = \"f\"\n");
        std::fs::write(dir.path().join(format!("c{i:05}.toml")), t).unwrap();
    }
    let r = run(user_env(dir.path()).args(["--format", "line", "X1999", "X0"]));
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("c1999\tX1999") && r.stdout.contains("c0\tX0"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_slow_producer_is_told_about_once() {
    let bin = assert_cmd::cargo::cargo_bin("errexplain");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "(sleep 4; echo 'HTTP/1.1 404 Not Found') | '{}' --format line",
            bin.display()
        ))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.matches("still reading standard input").count(),
        1,
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("http\t404"));
}

#[test]
fn binary_input_is_refused_at_its_first_nul() {
    // An endless binary stream ends at once instead of being read to the limit.
    let bin = assert_cmd::cargo::cargo_bin("errexplain");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("head -c 100000000 /dev/zero | '{}'", bin.display()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary"));
}

#[test]
fn retry_waits_read_as_numbers() {
    let r = stdin(
        &["--format", "line"],
        "HTTP/1.1 429 Too Many Requests\nRetry-After: 0.004\n\n",
    );
    assert!(!r.stdout.contains("0."), "{}", r.stdout);
    let r = stdin(
        &["--json"],
        "HTTP/1.1 503 Service Unavailable\nDate: Wed, 21 Oct 2015 07:28:00 GMT\nRetry-After: Wed, 21 Oct 2015 07:00:00 GMT\n\n",
    );
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["results"][0]["evidence"]["retry_after_seconds"], 0.0);
}

#[test]
fn many_unknown_codes_cost_little() {
    let unknown: Vec<String> = (0..20_000).map(|i| format!("NoSuchThing{i}")).collect();
    let r = run(cmd().arg("-q").args(&unknown));
    assert_eq!(r.code, 1);
}

#[test]
fn caps_hold_on_the_worst_inputs() {
    // Many headers, many errors, deep nesting, many braces: bounded output, no hang.
    let headers: String = (0..200_000).map(|i| format!("X-H{i}: v\n")).collect();
    let errors = format!(
        "{{\"success\":false,\"errors\":[{}]}}",
        (0..50_000)
            .map(|i| format!("{{\"code\":{i},\"message\":\"m\"}}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let nested = format!(
        "{{\"code\":50035,\"errors\":{{\"a\":{{\"_errors\":[{}]}}}}}}",
        (0..100_000)
            .map(|_| "{\"code\":\"X\",\"message\":\"m\"}")
            .collect::<Vec<_>>()
            .join(",")
    );
    let braces = "{\"a\":\"".repeat(100_000);
    for (what, body) in [
        (
            "headers",
            format!("HTTP/1.1 500 Internal Server Error\n{headers}\n"),
        ),
        ("errors", errors),
        ("nested", nested),
        ("braces", braces),
    ] {
        let r = stdin(&["--json"], body);
        assert!((0..=3).contains(&r.code), "{what}");
        assert!(
            r.stdout.len() < 2_000_000,
            "{what}: {} bytes",
            r.stdout.len()
        );
    }
}

#[test]
fn a_secret_across_the_long_input_cut_is_not_printed() {
    // 8 MiB and more: the first and last 4 MiB are kept. Put a long token right across the
    // end of the first 4 MiB, and one across the start of the last 4 MiB.
    let head = 4 * 1024 * 1024;
    let token = format!("SECRETCUT{}", "x".repeat(400));
    let mut body = "HTTP/1.1 403 Forbidden\n".to_string();
    body.push_str(&"a".repeat(head - body.len() - 200));
    body.push_str(&format!("\nAuthorization: Bearer {token}\n"));
    body.push_str(&"b\n".repeat(3 * 1024 * 1024));
    body.push_str(&format!("Authorization: Bearer {token}\n"));
    body.push_str(&"c\n".repeat(2 * 1024 * 1024));
    body.push_str("{\"code\": \"AccessDenied\", \"message\": \"denied\"}\n");
    for form in [&[][..], &["--json"], &["--format", "line"]] {
        // This is about masking, not speed (the caps tests keep that): an unoptimised build
        // on a busy machine may take longer than the harness's minute over 10 MiB.
        let r = run(cmd()
            .args(form)
            .timeout(std::time::Duration::from_secs(240))
            .write_stdin(body.clone()));
        assert_eq!(r.code, 1, "{form:?}: {}", r.stderr);
        assert!(
            !r.stdout.contains("xxxxxxxxxx"),
            "{form:?}: token tail printed"
        );
        assert!(!r.stdout.contains("SECRETCUT"), "{form:?}");
    }
}

#[test]
fn hostile_files_and_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().join("evil\u{1b}]52;c;aGk=\u{7}\u{202e}.txt");
    std::fs::write(
        &name,
        "HTTP/1.1 403 Forbidden\nX-Api-Key: SECRETFILE0123\n\n{\"code\": \"AccessDenied\", \"message\": \"no \u{1b}[2J \u{e0041}\"}\n",
    )
    .unwrap();
    for form in [&[][..], &["--json"], &["--format", "line"]] {
        for how in ["arg", "-f"] {
            let mut c = cmd();
            c.args(form);
            if how == "-f" {
                c.arg("-f");
            }
            c.arg(&name);
            let r = run(&mut c);
            assert_eq!(r.code, 1, "{form:?} {how}: {}", r.stderr);
            assert_clean(&r.stdout, &format!("{form:?} {how}"));
            assert_clean(&r.stderr, &format!("{form:?} {how}"));
            assert!(!r.stdout.contains("SECRETFILE0123"), "{form:?} {how}");
        }
    }
    // And a file that cannot be read names itself safely on stderr.
    let missing = dir.path().join("gone\u{1b}[31m.txt");
    let r = run(cmd().arg("-f").arg(&missing));
    assert_eq!(r.code, 1);
    assert_clean(&r.stderr, "missing file");
}
