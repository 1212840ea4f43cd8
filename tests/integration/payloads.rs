//! The promises of docs/security.md held against payloads of the third review, our own, through
//! every output form (text, `--json`, `--format line`, `--follow`, `--run`, an argument) and
//! standard error.

use crate::util::{args, assert_clean, cmd, run, stdin};

/// Secrets in every form the masking rules cover: (the text, the part that must not appear).
const SECRETS: &[(&str, &str)] = &[
    ("--api-token=Tq1MaskA9", "MaskA9"),
    ("form _app_session=Tq1MaskB8&x=1", "MaskB8"),
    ("Cookie: lang=en; __Host-sid=Tq1MaskC7; prefs=1", "MaskC7"),
    ("StorageAccountKey: Tq1MaskD6", "MaskD6"),
    ("ClientPassphrase=open Tq1MaskE5 words", "MaskE5"),
    ("config => {:secret_key \"Tq1MaskF4\"}", "MaskF4"),
    ("<ApiToken>Tq1MaskG3</ApiToken>", "MaskG3"),
    ("{\"Proxy-Authorization\": [\"Basic Tq1MaskH2\"]}", "MaskH2"),
    ("Some(Creds { private_key: Some(\"Tq1MaskV8\") })", "MaskV8"),
    (
        "redirect=https:\\/\\/ci:Tq1MaskI1@git.example\\/repo",
        "MaskI1",
    ),
    ("clone https://Tq1MaskJ0abcdef@hooks.example/x", "MaskJ0"),
    ("remote https://deploy:Tq1/MaskK9@git.example/r", "MaskK9"),
    ("q=%7B%22refresh_token%22%3A%22Tq1MaskL8%22%7D", "MaskL8"),
    ("u=https%3A%2F%2Fbob%3ATq1MaskW7%40h.example", "MaskW7"),
    (
        "Authorization: Digest username=\"ops\", cnonce=\"Tq1MaskM7\"",
        "MaskM7",
    ),
    ("X-Auth-Key: Tq1MaskN6part\n\tTq1MaskN6rest", "MaskN6rest"),
    ("slack xoxp-2222-3333-Tq1MaskO5abcd", "MaskO5"),
    ("npm npm_Tq1MaskP4abcdefghijklmnopqrstuvwxyz01", "MaskP4"),
    ("hub hf_Tq1MaskQ3abcdefghijklmnopqrstuvwx", "MaskQ3"),
    ("pypi pypi-Tq1MaskR2AgEIcHlwaS5vcmc", "MaskR2"),
    ("google ya29.Tq1MaskS1a0AfH6SMBxyz", "MaskS1"),
    ("hook whsec_Tq1MaskT0abcdefghijkl", "MaskT0"),
    ("oauth GOCSPX-Tq1MaskU9abcdefgh", "MaskU9"),
];

/// A response whose message carries the payload after a marker (so that the message is seen
/// to be echoed), and whose headers carry it too.
fn response(payload: &str) -> String {
    let message = serde_json::to_string(&format!("denied SEEN {payload}")).unwrap();
    format!(
        "HTTP/1.1 403 Forbidden\nContent-Type: application/json\n\n{{\"code\": \"AccessDenied\", \"message\": {message}}}\n"
    )
}

#[test]
fn secrets_of_every_form_are_masked_in_every_output() {
    for (payload, secret) in SECRETS {
        let body = response(payload);
        for form in [&[][..], &["--json"], &["--format", "line"]] {
            let r = stdin(form, body.clone());
            assert_eq!(r.code, 1, "{payload:?} {form:?}: {}", r.stderr);
            let out = format!("{}{}", r.stdout, r.stderr);
            assert!(!out.contains(secret), "{payload:?} {form:?}: {out}");
            if form != ["--format", "line"] {
                // The message was echoed, with its secret masked.
                assert!(
                    out.contains("SEEN") && out.contains("****"),
                    "{payload:?} {form:?}: {out}"
                );
            }
            // The same text given as an argument.
            let mut a: Vec<&str> = form.to_vec();
            a.push(&body);
            let r = args(&a);
            let out = format!("{}{}", r.stdout, r.stderr);
            assert!(
                !out.contains(secret),
                "argument {payload:?} {form:?}: {out}"
            );
        }
        for form in [&["--follow"][..], &["--follow", "--json"]] {
            let r = stdin(form, body.clone());
            let out = format!("{}{}", r.stdout, r.stderr);
            assert!(!out.contains(secret), "{payload:?} {form:?}: {out}");
            assert!(out.contains("SEEN"), "{payload:?} {form:?}: {out}");
        }
        // --run: the command's own output passes through unchanged (it is the command's);
        // the explanation on standard error is masked.
        for form in [&[][..], &["--json"]] {
            let r = run(cmd().args(form).args([
                "--run",
                "sh",
                "-c",
                "printf '%s' \"$1\"; exit 1",
                "sh",
                &body,
            ]));
            assert_eq!(r.code, 1, "{payload:?}: {}", r.stderr);
            assert!(r.stdout.contains(secret), "passed through: {}", r.stdout);
            assert!(
                !r.stderr.contains(secret),
                "{payload:?} --run {form:?}: {}",
                r.stderr
            );
            assert!(r.stderr.contains("SEEN"), "{payload:?} --run: {}", r.stderr);
        }
    }
}

#[test]
fn a_token_cut_by_the_long_input_cut_is_masked_after_the_cut_too() {
    // One token of 12 MiB on one line: its start is in the first 4 MiB kept, its end in the
    // last 4 MiB; neither part may be printed.
    let mut body = "HTTP/1.1 403 Forbidden\nX-Api-Key: Tq1CutStart".to_string();
    body.push_str(&"Z".repeat(12 * 1024 * 1024));
    body.push_str("Tq1CutEnd\n{\"code\": \"AccessDenied\", \"message\": \"denied\"}\n");
    for form in [&[][..], &["--json"]] {
        let r = stdin(form, body.clone());
        assert_eq!(r.code, 1, "{form:?}: {}", r.stderr);
        for part in ["Tq1CutStart", "ZZZZ", "Tq1CutEnd"] {
            assert!(!r.stdout.contains(part), "{form:?}: {part} printed");
        }
        assert!(r.stdout.contains("AccessDenied"), "{form:?}");
    }
}

#[test]
fn the_tools_own_messages_mask_what_they_echo() {
    // An unknown code, an unknown catalog (for -c and --list): the argument is echoed masked
    // and on one line.
    for a in [
        &["password=Tq1OwnA1"][..],
        &["-c", "token=Tq1OwnB2", "404"],
        &["--list", "secret=Tq1OwnC3"],
        &["--json", "-c", "api_key=Tq1OwnD4", "404"],
    ] {
        let r = args(a);
        assert_eq!(r.code, 1, "{a:?}");
        let out = format!("{}{}", r.stdout, r.stderr);
        assert!(!out.contains("Tq1Own"), "{a:?}: {out}");
        assert!(out.contains("****"), "{a:?}: {out}");
        assert_clean(&r.stderr, &format!("{a:?}"));
    }
}

#[test]
fn no_query_runs_a_command() {
    let dir = tempfile::tempdir().unwrap();
    let flag = dir.path().join("ran");
    let touch = format!("touch '{}'", flag.display());
    // After `--`, every word is a query; the value of an option is never `--run`; a list of
    // codes from a hostile response, through xargs, is a list of queries.
    for a in [
        vec!["-q", "--", "--run", "sh", "-c", &touch],
        vec!["--", "--run", "sh", "-c", &touch],
        vec!["--json", "--", "404", "--run", "sh", "-c", &touch],
        vec!["-c", "--run", "sh", "-c", &touch],
        vec!["--format", "--run", "sh", "-c", &touch],
    ] {
        let r = args(&a);
        assert_eq!(r.code, 1, "{a:?}: {}", r.stderr);
        assert!(!flag.exists(), "{a:?} ran the command");
    }
    let r = args(&["--", "--run", "x"]);
    assert!(r.stderr.contains("unknown code \"--run\""), "{}", r.stderr);
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "printf '%s\\n' --run sh -c '{touch}' | xargs '{}' -q --",
            env!("CARGO_BIN_EXE_errexplain")
        ))
        .env("HOME", "/nonexistent")
        .status()
        .expect("sh runs");
    assert_eq!(status.code(), Some(123), "xargs: errexplain exited 1");
    assert!(!flag.exists(), "xargs ran the command");
    // Where --run stands as an option, everything after it is the command's, `--` and its
    // flags included.
    let r = args(&[
        "--format",
        "line",
        "--run",
        "sh",
        "-c",
        "printf '%s ' \"$@\"; exit 0",
        "sh",
        "--",
        "--json",
        "-q",
    ]);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (0, "-- --json -q "),
        "{}",
        r.stderr
    );
}

/// A line that errexplain did not write: `errexplain: FORGED ...` at the start of a line.
fn assert_no_forged_line(stderr: &str, context: &str) {
    assert!(
        !stderr
            .lines()
            .any(|l| l.contains("FORGED") && l.starts_with("errexplain: FORGED")),
        "{context}: a forged line on stderr:\n{stderr}"
    );
    assert_clean(stderr, context);
}

#[test]
fn outside_text_on_stderr_is_one_line() {
    // clap's messages: an unknown flag, an invalid value, a missing value, an unknown
    // catalog, an unknown code.
    for a in [
        vec!["--x\nerrexplain: FORGED one".to_string()],
        vec!["--format".into(), "te\nerrexplain: FORGED two".into()],
        vec!["--color=a\r\nerrexplain: FORGED three".into()],
        vec![
            "-c".into(),
            "a\nerrexplain: FORGED four".into(),
            "404".into(),
        ],
        vec!["--list".into(), "a\nerrexplain: FORGED five".into()],
        vec!["NoSuchKy\u{2028}errexplain: FORGED six".into()],
    ] {
        let r = run(cmd().args(&a));
        assert_eq!(r.code, 1, "{a:?}");
        assert_no_forged_line(&r.stderr, &format!("{a:?}"));
    }
    // A catalog directory anyone can write: file names, TOML keys and entry codes.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("evil\nerrexplain: FORGED name.toml"),
        "[catalog]\nid = \"x\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("keys.toml"),
        "[catalog]\nid = \"y\"\nname = \"Y\"\nsource = \"s\"\n\"k\\nerrexplain: FORGED key\" = 1\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("codes.toml"),
        "[catalog]\nid = \"z\"\nname = \"Z\"\nsource = \"s\"\n\n[[entry]]\ncode = \"C\\nerrexplain: FORGED code\"\nname = \"N\"\nclass = \"client\"\nretry = \"no\"\nmeaning = \"m\"\ncause = \"c\"\nfix = \"f\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("syntax.toml"),
        "[catalog]\nid = \"w\"\nname = 5 errexplain: FORGED syntax\n",
    )
    .unwrap();
    for a in [&["404"][..], &["--json", "404"], &["--catalogs"]] {
        let r = run(cmd().env("ERREXPLAIN_CATALOGS", dir.path()).args(a));
        assert_no_forged_line(&r.stderr, &format!("catalogs {a:?}"));
        assert!(r.stderr.contains("ignoring user catalog"), "{}", r.stderr);
    }
    for f in ["keys.toml", "codes.toml", "syntax.toml"] {
        let r = run(cmd().arg("--check-catalog").arg(dir.path().join(f)));
        assert_eq!(r.code, 1, "{f}");
        assert_no_forged_line(&r.stderr, f);
    }
}

#[test]
fn under_a_non_utf8_locale_untrusted_text_is_ascii() {
    // `ě` is C4 9B in UTF-8: a terminal that reads Latin-1 takes 0x9B for CSI.
    let body = "HTTP/1.1 404 Not Found\n\n{\"code\": \"NoSuchKey\", \"message\": \"caf\u{11b} \u{9b}31m na\u{ef}ve\"}\n";
    for locale in ["en_US.ISO-8859-1", "C", "POSIX"] {
        for form in [
            &[][..],
            &["--json"],
            &["--format", "line"],
            &["--follow"],
            &["--follow", "--json"],
        ] {
            let r = run(cmd().env("LC_ALL", locale).args(form).write_stdin(body));
            assert!(r.stdout.is_ascii(), "{locale} {form:?}: {:?}", r.stdout);
            assert!(r.stderr.is_ascii(), "{locale} {form:?}: {:?}", r.stderr);
            if form.is_empty() {
                assert!(r.stdout.contains("caf\\u{11b}"), "{:?}", r.stdout);
            }
        }
        // Tables: a user catalog's listing, and its entry as an answer.
        let dir = planted(&[(
            "acme.toml",
            &format!(
                "[catalog]\nid = \"acme\"\nname = \"Caf\u{11b}\"\nsource = \"s\"\n{}",
                entry("ACME-9", "client", "").replace("All is well.", "Caf\u{11b} na\u{ef}ve.")
            ),
        )]);
        for a in [&["--list", "acme"][..], &["--catalogs"], &["ACME-9"]] {
            let r = run(cmd()
                .env("LC_ALL", locale)
                .env("ERREXPLAIN_CATALOGS", dir.path())
                .args(a));
            assert_eq!(r.code, if a == ["ACME-9"] { 1 } else { 0 }, "{a:?}");
            assert!(r.stdout.is_ascii(), "{locale} {a:?}: {:?}", r.stdout);
            assert!(r.stdout.contains("\\u{"), "{locale} {a:?}: {:?}", r.stdout);
        }
        // Standard error too: an unknown code, clap's echo, --run's explanation.
        for a in [
            &["NoSuch\u{11b}Key"][..],
            &["--form\u{11b}t"],
            &[
                "--run",
                "sh",
                "-c",
                "printf 'HTTP/1.1 503 \\304\\233\\n\\n'; exit 1",
            ],
        ] {
            let r = run(cmd().env("LC_ALL", locale).args(a));
            assert!(r.stderr.is_ascii(), "{locale} {a:?}: {:?}", r.stderr);
        }
    }
}

#[test]
fn clap_echoes_values_masked() {
    for a in [
        &["--color=password=Tq1ClapA1"][..],
        &["--format", "token=Tq1ClapB2"],
        &["--color", "Authorization: Bearer Tq1ClapC3"],
        &["--generate", "https://u:Tq1ClapD4@h/"],
    ] {
        let r = args(a);
        assert_eq!(r.code, 1, "{a:?}");
        assert!(!r.stderr.contains("Tq1Clap"), "{a:?}: {}", r.stderr);
        assert!(r.stderr.contains("****"), "{a:?}: {}", r.stderr);
    }
}

#[cfg(unix)]
#[test]
fn nothing_of_a_file_that_is_no_catalog_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    // TOML that parses (an .env file, an ini file), and text that does not.
    for (name, text) in [
        ("env", "DB_URL = \"Tq1FileA1\"\nTOKEN = \"Tq1FileB2\"\n"),
        ("ini", "[default]\nTq1FileC3 = Tq1FileD4\n"),
        ("notes", "Tq1FileE5 Tq1FileF6\n"),
    ] {
        let target = dir.path().join(name);
        std::fs::write(&target, text).unwrap();
        let link = dir.path().join(format!("{name}.toml"));
        std::os::unix::fs::symlink(&target, &link).unwrap();
        for a in [&["404"][..], &["--json", "404"]] {
            let r = run(cmd().env("ERREXPLAIN_CATALOGS", &link).args(a));
            let out = format!("{}{}", r.stdout, r.stderr);
            assert!(!out.contains("Tq1File"), "{name} {a:?}: {out}");
            assert!(r.stderr.contains("not a catalog file"), "{}", r.stderr);
        }
        let r = run(cmd().arg("--check-catalog").arg(&link));
        assert_eq!(r.code, 1);
        let out = format!("{}{}", r.stdout, r.stderr);
        assert!(!out.contains("Tq1File"), "{name} --check-catalog: {out}");
    }
}

/// A user catalog planted in a directory that someone else can write.
fn planted(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn entry(code: &str, class: &str, extra: &str) -> String {
    format!(
        "\n[[entry]]\ncode = \"{code}\"\nname = \"Planted{code}\"\nclass = \"{class}\"\nretry = \"no\"\nmeaning = \"All is well.\"\ncause = \"Nothing.\"\nfix = \"Run the planted fix.\"\n{extra}"
    )
}

#[test]
fn a_user_catalog_never_changes_the_class_of_a_status_from_the_wire() {
    // Entries that replace the built-in ones of the status, with another class.
    let http = format!(
        "[catalog]\nid = \"http\"\nname = \"H\"\nsource = \"s\"\n{}{}",
        entry("503", "success", "status = 503\n"),
        entry("404", "server", "status = 404\n")
    );
    let s3 = format!(
        "[catalog]\nid = \"s3\"\nname = \"S\"\nsource = \"s\"\n{}",
        entry("NoSuchKey", "success", "status = 404\n")
    );
    let dir = planted(&[("http.toml", &http), ("s3.toml", &s3)]);
    for (body, want) in [
        ("HTTP/1.1 503 Service Unavailable\r\n\r\n", 2),
        ("HTTP/1.1 404 Not Found\r\n\r\n", 1),
        (
            "HTTP/1.1 404 Not Found\n\n<Error><Code>NoSuchKey</Code></Error>\n",
            1,
        ),
    ] {
        for form in [&[][..], &["--json"], &["--format", "line"], &["-q"]] {
            let r = run(cmd()
                .env("ERREXPLAIN_CATALOGS", dir.path())
                .args(form)
                .write_stdin(body));
            assert_eq!(r.code, want, "{body:?} {form:?}: {}", r.stdout);
        }
        let r = run(cmd()
            .env("ERREXPLAIN_CATALOGS", dir.path())
            .args(["--format", "line"])
            .write_stdin(body));
        let line = r.stdout.lines().next().unwrap_or_default();
        let class = ["", "client", "server"][want as usize];
        assert!(line.contains(&format!("\t{class}\t")), "{line}");
        assert!(line.ends_with("\tuser"), "{line}");
        let r = run(cmd()
            .env("ERREXPLAIN_CATALOGS", dir.path())
            .arg("--json")
            .write_stdin(body));
        let doc = crate::util::json(&r);
        assert_eq!(doc["best"]["origin"], "user", "{}", r.stdout);
        assert_eq!(doc["best"]["class"], class, "{}", r.stdout);
        // --run and --follow say the same.
        let r = run(cmd().env("ERREXPLAIN_CATALOGS", dir.path()).args([
            "--format",
            "line",
            "--run",
            "sh",
            "-c",
            "printf '%s' \"$1\"; exit 1",
            "sh",
            body,
        ]));
        assert_eq!(r.code, want, "--run {body:?}: {}", r.stderr);
        assert!(r.stderr.contains("\tuser"), "{}", r.stderr);
        let r = run(cmd()
            .env("ERREXPLAIN_CATALOGS", dir.path())
            .args(["--follow", "--format", "line"])
            .write_stdin(body));
        assert_eq!(r.code, want, "--follow {body:?}: {}", r.stdout);
    }
    // A user pattern that matches an error body under a 503 cannot make it a success.
    let pattern = format!(
        "[catalog]\nid = \"mine\"\nname = \"M\"\nsource = \"s\"\n{}",
        entry("M1", "success", "patterns = [\"nightly reindex glitch\"]\n")
    );
    let dir = planted(&[("mine.toml", &pattern)]);
    let r = run(cmd()
        .env("ERREXPLAIN_CATALOGS", dir.path())
        .args(["--format", "line"])
        .write_stdin("HTTP/1.1 503 Service Unavailable\n\nnightly reindex glitch\n"));
    assert_eq!(r.code, 2, "{}", r.stdout);
}

#[test]
fn user_answers_are_marked_in_every_form() {
    let mine = format!(
        "[catalog]\nid = \"acme\"\nname = \"A\"\nsource = \"s\"\n{}",
        entry("ACME-7", "client", "status = 409\n")
    );
    let dir = planted(&[("acme.toml", &mine)]);
    let with = |a: &[&str]| run(cmd().env("ERREXPLAIN_CATALOGS", dir.path()).args(a));
    assert!(with(&["ACME-7"]).stdout.contains("from a user catalog"));
    let doc = crate::util::json(&with(&["--json", "ACME-7"]));
    assert_eq!(doc["best"]["origin"], "user");
    assert_eq!(
        doc["results"][0]["findings"][0]["matches"][0]["origin"],
        "user"
    );
    assert!(with(&["--format", "line", "ACME-7"])
        .stdout
        .ends_with("\tuser\n"));
    assert!(with(&["--format", "line", "--list", "acme"])
        .stdout
        .ends_with("\tuser\n"));
    let table = with(&["--list", "acme"]).stdout;
    assert!(
        table
            .lines()
            .any(|l| l.contains("ACME-7") && l.contains("user")),
        "{table}"
    );
    assert!(
        table.lines().next().unwrap_or_default().contains("from"),
        "{table}"
    );
    // Built-in answers carry no mark, and their listings no such column.
    assert_eq!(doc_origin(&with(&["--json", "10058"])), "embedded");
    assert!(!with(&["--format", "line", "10058"]).stdout.contains("user"));
    assert!(!with(&["--list", "r2"])
        .stdout
        .lines()
        .next()
        .unwrap_or_default()
        .contains("from"));
}

fn doc_origin(r: &crate::util::Run) -> String {
    crate::util::json(r)["best"]["origin"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_user_pattern_needs_real_content() {
    for p in [
        "----------",
        "exception ... the",
        "error ... the request ... failed",
        "==> ... <== ... !!!!!!",
        "a b c d e f g h i j k",
    ] {
        let mine = format!(
            "[catalog]\nid = \"wide\"\nname = \"W\"\nsource = \"s\"\n{}",
            entry("W1", "success", &format!("patterns = [{p:?}]\n"))
        );
        let dir = planted(&[("wide.toml", &mine)]);
        // Refused, and so never explains an ordinary log.
        let r = run(cmd()
            .env("ERREXPLAIN_CATALOGS", dir.path())
            .args(["--format", "line"])
            .write_stdin("---------- exception in the worker: the request failed ==> <== !!!!!!\nHTTP/1.1 502 Bad Gateway\n"));
        assert_eq!(r.code, 2, "{p:?}: {}", r.stdout);
        assert!(!r.stdout.contains("W1"), "{p:?}: {}", r.stdout);
        assert!(
            r.stderr.contains("ignoring user catalog"),
            "{p:?}: {}",
            r.stderr
        );
        let r = run(cmd()
            .arg("--check-catalog")
            .arg(dir.path().join("wide.toml")));
        assert_eq!(r.code, 1, "{p:?}");
        assert!(r.stderr.contains("content"), "{p:?}: {}", r.stderr);
    }
}

#[test]
fn loading_user_catalogs_is_capped_in_all() {
    // Twelve valid files of a little under a MiB each (mostly comments, which cost little to
    // read): more than the 8 MiB loaded in all.
    let dir = tempfile::tempdir().unwrap();
    let comment = format!("# {}\n", "m".repeat(900)).repeat(1000);
    for i in 0..12 {
        let t = format!(
            "[catalog]\nid = \"big{i}\"\nname = \"B\"\nsource = \"s\"\n{comment}{}",
            entry(&format!("B{i}-1"), "client", "")
        );
        std::fs::write(dir.path().join(format!("big{i:02}.toml")), t).unwrap();
    }
    let started = std::time::Instant::now();
    let r = run(cmd()
        .env("ERREXPLAIN_CATALOGS", dir.path())
        .args(["--format", "line", "B0-1", "B11-1"]));
    let took = started.elapsed();
    assert!(
        r.stdout.starts_with("big0\tB0-1\tPlantedB0-1\t"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("big11"), "{}", r.stdout);
    assert!(
        r.stderr
            .contains("user catalog files not loaded: at most 8 MiB are loaded in all"),
        "{}",
        r.stderr
    );
    assert!(took < std::time::Duration::from_secs(30), "{took:?}");
}
