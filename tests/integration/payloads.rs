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
