//! The labelled lines of text output: the documentation page (`docs`), the code another
//! catalog gives the same failure (`same as`), and the one list of what every label means,
//! shared by `--help`, the man page and README.md.

use crate::util::{args, cmd, json, root, run};

/// The value of the first `label` line of a text answer.
fn line_of<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let prefix = format!("  {label:<8} ");
    text.lines().find_map(|l| l.strip_prefix(prefix.as_str()))
}

#[test]
fn text_shows_the_page_json_gives_as_url() {
    for q in [
        "r2:10058",
        "cloudflare:522",
        "discord:50013",
        "curl:60",
        "s3:NoSuchKey",
    ] {
        let text = args(&[q]).stdout;
        let doc = json(&args(&["--json", q]));
        let url = doc["results"][0]["findings"][0]["matches"][0]["url"]
            .as_str()
            .unwrap_or_else(|| panic!("{q}: --json has a url"));
        assert_eq!(line_of(&text, "docs"), Some(url), "{q}:\n{text}");
    }
}

#[test]
fn an_entry_whose_source_has_no_address_has_no_docs_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("acme.toml");
    std::fs::write(
        &file,
        r#"
[catalog]
id = "acme"
name = "ACME API"
source = "ACME internal error list"

[[entry]]
code = "ACME-42"
name = "QuotaBlown"
class = "client"
retry = "no"
meaning = "The ACME quota for the month is used up."
cause = "A batch job that sent far more calls than usual."
fix = "Ask for a higher quota on the ACME console's Billing page."
"#,
    )
    .unwrap();
    let r = run(cmd().env("ERREXPLAIN_CATALOGS", &file).arg("acme:ACME-42"));
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("QuotaBlown"), "{}", r.stdout);
    assert_eq!(line_of(&r.stdout, "docs"), None, "{}", r.stdout);
}

#[test]
fn a_node_or_go_connection_failure_names_the_curl_code_it_maps_to() {
    for (text, entry, curl) in [
        (
            "Error: connect ECONNREFUSED 127.0.0.1:443",
            "os · ECONNREFUSED",
            "curl:7 CURLE_COULDNT_CONNECT (curl's code for this failure)",
        ),
        (
            "Get \"https://api.example.com/v1\": dial tcp: lookup api.example.com: no such host",
            "os · EAI_NONAME",
            "curl:6 CURLE_COULDNT_RESOLVE_HOST (curl's code for this failure)",
        ),
    ] {
        let r = args(&[text]);
        assert_eq!(r.code, 3, "{text}: {}", r.stdout);
        assert!(r.stdout.starts_with(entry), "{text}:\n{}", r.stdout);
        assert_eq!(
            line_of(&r.stdout, "same as"),
            Some(curl),
            "{text}:\n{}",
            r.stdout
        );
        // The connection is what failed; curl is named only as the code it maps to.
        let meaning = line_of(&r.stdout, "meaning").unwrap_or_default();
        assert!(!meaning.contains("curl"), "{text}: {meaning}");
        // The curl code has its line, not a second mention among the other matches.
        let also = line_of(&r.stdout, "also").unwrap_or_default();
        assert!(!also.contains(&curl[..6]), "{text}: {also}");
    }
    // Looked up by name, the OS error says the same.
    let r = args(&["ECONNREFUSED"]);
    assert!(
        r.stdout
            .contains("  same as  curl:7 CURLE_COULDNT_CONNECT (curl's code for this failure)"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_line_read_as_text_starts_with_its_answer() {
    let r = args(&["Error: connect ECONNREFUSED 127.0.0.1:443"]);
    let first = r.stdout.lines().next().unwrap_or_default();
    assert!(first.starts_with("os · ECONNREFUSED"), "{}", r.stdout);
    assert!(!r.stdout.contains("Evidence:"), "{}", r.stdout);
    // A response with a shape still says what it was read as.
    let page =
        "HTTP/1.1 404 Not Found\r\nServer: AmazonS3\r\n\r\n<Error><Code>NoSuchKey</Code></Error>";
    let r = run(cmd().write_stdin(page));
    assert!(r.stdout.starts_with("Evidence: raw HTTP"), "{}", r.stdout);
}

/// The label lines of `--help`: the indented lines after the `Text output:` line.
fn labels_in_help() -> String {
    let help = args(&["--help"]).stdout;
    let from = help
        .find("\nText output:")
        .expect("--help explains the output");
    let mut lines = help[from + 1..].lines();
    let head = lines.next().unwrap_or_default();
    let rest: String = lines
        .take_while(|l| l.starts_with("  "))
        .map(|l| format!("{l}\n"))
        .collect();
    format!("{head}\n{rest}")
}

#[test]
fn what_the_labels_mean_is_one_text() {
    let help = labels_in_help();
    for label in ["official \"...\"", "docs say \"...\"", "docs ", "same as"] {
        assert!(
            help.lines().any(|l| l.starts_with(&format!("  {label}"))),
            "--help explains {label}:\n{help}"
        );
    }
    assert!(
        help.contains("word for word") && help.contains("wording is not published"),
        "{help}"
    );
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("```text\n{help}```")),
        "README.md shows the --help labels:\n{help}"
    );
    let man = args(&["--generate", "man"]).stdout;
    let from = man.find(".SH OUTPUT").expect("the man page has OUTPUT");
    let section = &man[from..];
    let section = &section[..section[4..].find(".SH").map_or(section.len(), |i| i + 4)];
    // Each label of --help is a .TP entry of the section, in the same order.
    let labels: Vec<String> = help
        .lines()
        .skip(1)
        .map(|l| l[2..].split("  ").next().unwrap_or_default().to_string())
        .collect();
    let in_man: Vec<String> = section
        .lines()
        .filter_map(|l| l.strip_prefix("\\fB")?.strip_suffix("\\fR"))
        .map(|l| l.replace("\\-", "-"))
        .collect();
    assert_eq!(in_man, labels, "{section}");
}

#[test]
fn a_go_or_node_failure_explained_by_a_curl_entry_speaks_of_the_connection() {
    for (text, header, code) in [
        (
            "Get \"https://api.example.com/\": x509: certificate signed by unknown authority",
            "curl · 60 · CURLE_PEER_FAILED_VERIFICATION",
            "60 (CURLE_PEER_FAILED_VERIFICATION)",
        ),
        (
            "Error: unable to verify the first certificate",
            "curl · 60 · CURLE_PEER_FAILED_VERIFICATION",
            "60 (CURLE_PEER_FAILED_VERIFICATION)",
        ),
        (
            "Get \"https://api.example.com/\": dial tcp 10.0.0.5:443: i/o timeout",
            "curl · 28 · CURLE_OPERATION_TIMEDOUT",
            "28 (CURLE_OPERATION_TIMEDOUT)",
        ),
    ] {
        let r = args(&[text]);
        assert_eq!(r.code, 3, "{text}: {}", r.stdout);
        assert!(r.stdout.starts_with(header), "{text}:\n{}", r.stdout);
        let meaning = line_of(&r.stdout, "meaning").unwrap_or_default();
        assert!(!meaning.contains("curl"), "{text}: {meaning}");
        let note = format!("This is curl's exit code {code}");
        assert!(
            r.stdout
                .lines()
                .any(|l| l.starts_with(&format!("  note     {note}"))),
            "{text}: no note {note:?}:\n{}",
            r.stdout
        );
    }
    // The fix for a certificate names the setting of each kind of client.
    let fix = args(&["curl:60"]).stdout;
    let fix = line_of(&fix, "fix").unwrap_or_default();
    for setting in ["CURL_CA_BUNDLE", "SSL_CERT_FILE", "NODE_EXTRA_CA_CERTS"] {
        assert!(fix.contains(setting), "{setting}: {fix}");
    }
}
