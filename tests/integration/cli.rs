//! Queries, flags, exit codes and output forms.

use crate::util::{args, catalog_in, cmd, json, run, stdin, CATALOG_IDS};

#[test]
fn r2_10058_is_a_rate_limit_retried_with_backoff() {
    let r = args(&["10058"]);
    assert_eq!(r.code, 1);
    let first = r.stdout.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("r2 · 10058 · TooManyRequests · HTTP 429"),
        "{first}"
    );
    assert!(
        r.stdout.contains("retry    yes, with exponential backoff"),
        "{}",
        r.stdout
    );
}

#[test]
fn colliding_codes_show_every_catalog_best_first() {
    let r = args(&["10012"]);
    let r2 = r
        .stdout
        .find("r2 · 10012 · MetadataTooLarge")
        .expect("R2 entry");
    let discord = r
        .stdout
        .find("discord · 10012 · Unknown token")
        .expect("Discord entry");
    assert!(r2 < discord, "R2 ranks before Discord");
    let r = args(&["InvalidPart"]);
    assert!(
        r.stdout.contains("r2 · 10025 · InvalidPart")
            && r.stdout.contains("r2 · 10048 · InvalidPart")
    );
    let r = args(&["r2:10012"]);
    assert!(
        r.stdout.contains("r2 · 10012") && !r.stdout.contains("discord"),
        "{}",
        r.stdout
    );
}

#[test]
fn classes_give_exit_codes() {
    let table: &[(&[&str], i32)] = &[
        (&["500"], 2),
        (&["200"], 0),
        (&["301"], 0),
        (&["10054"], 3),
        (&["curl:6"], 3),
        (&["NoSuchKey"], 1),
        (&["s3:SlowDown"], 2),
        (&["s3:PermanentRedirect"], 1),
        // Several queries: the highest code.
        (&["404", "500"], 2),
        (&["500", "curl:7"], 3),
        (&["200", "404"], 1),
        (&["200", "nosuchcode"], 1),
    ];
    for (a, code) in table {
        assert_eq!(args(a).code, *code, "{a:?}");
    }
}

#[test]
fn forgiving_names() {
    for q in ["NoSuchKey", "nosuchkey", "no_such_key", "NO-SUCH-KEY"] {
        assert!(args(&[q]).stdout.contains("s3 · NoSuchKey"), "{q}");
    }
    for q in ["ALREADY_EXISTS", "already-exists", "AlreadyExists", "10201"] {
        assert!(
            args(&[q])
                .stdout
                .contains("cf-artifacts · 10201 · ALREADY_EXISTS"),
            "{q}"
        );
    }
    assert!(args(&["SessionSealedError"])
        .stdout
        .contains("artifacta · session_sealed"));
    assert!(args(&["artifact_not_found"])
        .stdout
        .contains("artifacta · artifact_not_found"));
}

#[test]
fn status_queries_list_entries_with_that_status() {
    for q in ["429", "HTTP 429", "429 Too Many Requests", "http/1.1 429"] {
        let r = args(&[q]);
        assert_eq!(r.code, 1, "{q}");
        assert!(
            r.stdout.starts_with("http · 429 · Too Many Requests"),
            "{q}: {}",
            r.stdout
        );
        assert!(
            r.stdout.contains("Catalog errors that use HTTP 429:"),
            "{q}"
        );
        assert!(r.stdout.contains("r2:10058"), "{q}");
        assert!(r.stdout.contains("artifacta:rate_limited"), "{q}");
    }
}

#[test]
fn catalog_filter() {
    let r = args(&["-c", "discord", "10012"]);
    assert!(
        r.stdout.contains("discord · 10012") && !r.stdout.contains("r2 ·"),
        "{}",
        r.stdout
    );
    let r = args(&["--catalog", "s3", "--catalog", "r2", "NoSuchKey"]);
    assert!(r.stdout.contains("s3 · NoSuchKey") && r.stdout.contains("r2 · 10007"));
    let r = args(&["-c", "nope", "10012"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("unknown catalog"), "{}", r.stderr);
}

/// A filter restricts which entries explain the input, never what was read from it: a 503
/// status line is a server error (exit 2) whatever catalogs are searched, in every form.
#[test]
fn a_catalog_filter_keeps_the_evidence() {
    let response = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/html\r\n\r\n\
                    <html><body><h1>upstream down</h1></body></html>\n";
    for c in ["s3", "curl", "os"] {
        let r = stdin(&["-c", c], response);
        assert_eq!(r.code, 2, "-c {c}: {}{}", r.stdout, r.stderr);
        assert!(r.stdout.contains("HTTP 503"), "-c {c}: {}", r.stdout);
        assert!(r.stdout.contains("server error"), "-c {c}: {}", r.stdout);
        assert!(!r.stderr.contains("no error code"), "-c {c}: {}", r.stderr);
        // Only entries of the catalogs searched are shown.
        assert!(!r.stdout.contains("http · 503"), "-c {c}: {}", r.stdout);
        let r = stdin(&["-c", c, "--format", "line"], response);
        assert_eq!(r.code, 2);
        assert_eq!(
            r.stdout, "-\t-\t-\t503\tserver\t-\t-\tstandard input\n",
            "-c {c}"
        );
        let r = stdin(&["-c", c, "--json"], response);
        let doc = json(&r);
        assert_eq!(doc["exit_code"], 2, "-c {c}");
        assert_eq!(doc["results"][0]["evidence"]["status"], 503);
        assert_eq!(doc["results"][0]["findings"][0]["class"], "server");
        assert!(
            doc["error"].is_null(),
            "a filter is no failure of errexplain's"
        );
    }
    // A 4xx the filtered catalogs lack is the caller's; what they have still explains.
    let r = stdin(&["-c", "curl"], "HTTP/1.1 418 I'm a teapot\r\n\r\n");
    assert_eq!(r.code, 1, "{}", r.stdout);
    // A catalog named with -c that has the status explains it, the evidence pointing there
    // or not.
    for response in [response, "HTTP/1.1 503 Service Unavailable\r\n\r\n"] {
        let r = stdin(&["-c", "discord", "--format", "line"], response);
        assert_eq!(r.code, 2);
        assert!(r.stdout.starts_with("discord\t503\t"), "{}", r.stdout);
    }
}

/// Queries the way people type them: unquoted words that together are a status and its reason
/// phrase, an official message or name, or a catalog and a code are one query.
#[test]
fn words_that_form_one_query_are_read_as_one() {
    let first = |r: &crate::util::Run| r.stdout.lines().next().unwrap_or_default().to_string();
    for (words, want, input) in [
        (
            &["429", "Too", "Many", "Requests"][..],
            "http\t429\t",
            "429 Too Many Requests",
        ),
        (
            &["Missing", "Permissions"],
            "discord\t50013\t",
            "Missing Permissions",
        ),
        (
            &["Cloudflare", "1020"],
            "cloudflare\t1020\t",
            "Cloudflare 1020",
        ),
        (
            &["Cloudflare 1020"],
            "cloudflare\t1020\t",
            "Cloudflare 1020",
        ),
        (&["HTTP", "503"], "http\t503\t", "HTTP 503"),
        (&["discord", "50013"], "discord\t50013\t", "discord 50013"),
    ] {
        let mut a = vec!["--format", "line"];
        a.extend_from_slice(words);
        let r = args(&a);
        assert!(first(&r).starts_with(want), "{words:?}: {}", r.stdout);
        assert!(
            r.stderr.is_empty(),
            "{words:?}: no unknown codes: {}",
            r.stderr
        );
        // Every line belongs to the one query.
        assert!(
            r.stdout.lines().all(|l| l.ends_with(&format!("\t{input}"))),
            "{words:?}: {}",
            r.stdout
        );
    }
    // Words that are queries of their own stay apart.
    let r = args(&["--format", "line", "404", "500"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stdout.lines().any(|l| l.ends_with("\t404")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.lines().any(|l| l.ends_with("\t500")),
        "{}",
        r.stdout
    );
    let r = args(&["--format", "line", "NoSuchKey", "AccessDenied"]);
    assert!(
        r.stdout.lines().any(|l| l.ends_with("\tNoSuchKey")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.lines().any(|l| l.ends_with("\tAccessDenied")),
        "{}",
        r.stdout
    );
    // A status with another status's phrase is two queries.
    let r = args(&["--format", "line", "429", "Not", "Found"]);
    assert!(
        r.stdout.lines().any(|l| l.ends_with("\t429")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.lines().any(|l| l.ends_with("\tNot Found")),
        "{}",
        r.stdout
    );
    // A catalog and a code it lacks is an unknown code of that catalog, not text.
    let r = args(&["discord", "99999999"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("unknown code"), "{}", r.stderr);
}

/// A hint that names an option delivers: what text leaves out of a status's catalog errors,
/// the option it names gives in full.
#[test]
fn the_more_hint_names_what_gives_them_all() {
    for status in ["404", "400", "403"] {
        let text = args(&[status]).stdout;
        let hint = text
            .lines()
            .find(|l| l.contains(" more (all of them: "))
            .unwrap_or_else(|| panic!("{status}: a hint: {text}"));
        assert_eq!(hint.trim_end(), hint);
        let more: usize = hint
            .trim()
            .strip_prefix("... and ")
            .and_then(|h| h.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{hint}"));
        assert!(
            hint.ends_with("(all of them: --json, under \"related\")"),
            "{hint}"
        );
        let shown: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.starts_with("Catalog errors that use"))
            .skip(1)
            .take_while(|l| !l.contains(" more (all of them: "))
            .map(|l| l.split_whitespace().next().unwrap_or_default())
            .collect();
        let doc = json(&args(&["--json", status]));
        let related: Vec<String> = doc["results"][0]["related"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                format!(
                    "{}:{}",
                    e["catalog"].as_str().unwrap(),
                    e["code"].as_str().unwrap()
                )
            })
            .collect();
        assert_eq!(related.len(), shown.len() + more, "{status}: {related:?}");
        for s in &shown {
            assert!(
                related.iter().any(|r| r == s),
                "{status}: {s} under related"
            );
        }
    }
}

/// Show what was received, not the documentation: a response that reports no error is one
/// line, and a rate-limited response shows the rate-limit values it carried instead of the
/// documentation of every header that might have come.
#[test]
fn a_response_shows_what_was_received() {
    for (response, want) in [
        (
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nstored\n",
            "no error: HTTP 200 OK",
        ),
        (
            "HTTP/1.1 301 Moved Permanently\r\nLocation: https://example.com/x\r\n\r\n",
            "no error: HTTP 301 Moved Permanently",
        ),
    ] {
        let r = stdin(&[], response);
        assert_eq!(r.code, 0);
        assert_eq!(r.stdout, format!("{want}\n"));
    }
    // The status asked about is still explained in full.
    assert!(args(&["200"]).stdout.lines().count() > 3);
    let discord = "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\n\
        Retry-After: 65\r\nX-RateLimit-Limit: 5\r\nX-RateLimit-Remaining: 0\r\n\
        X-RateLimit-Reset-After: 64.57\r\nX-RateLimit-Bucket: abcd1234\r\n\
        X-RateLimit-Global: true\r\nX-RateLimit-Scope: global\r\n\r\n\
        {\"message\": \"You are being rate limited.\", \"retry_after\": 64.57, \"global\": true}";
    let r = stdin(&[], discord);
    assert_eq!(r.code, 1);
    let received = r
        .stdout
        .lines()
        .find(|l| l.starts_with("  received "))
        .unwrap_or_else(|| panic!("a received line: {}", r.stdout));
    for v in [
        "X-RateLimit-Remaining: 0",
        "X-RateLimit-Reset-After: 64.57",
        "X-RateLimit-Bucket: abcd1234",
        "X-RateLimit-Global: true",
        "X-RateLimit-Scope: global",
    ] {
        assert!(received.contains(v), "{v}: {received}");
    }
    assert!(r.stdout.contains("  retry    after 65 s"), "{}", r.stdout);
    // The documentation of each header and body field is left to the query.
    assert!(!r.stdout.contains("Header X-RateLimit"), "{}", r.stdout);
    assert!(!r.stdout.contains("Body field"), "{}", r.stdout);
    assert!(args(&["discord:429"])
        .stdout
        .contains("Header X-RateLimit-Bucket"));
}

/// Several files in text are labelled with their names; an RFC-less Google-style body is
/// described by the fields it has.
#[test]
fn several_files_are_labelled_and_shapes_name_real_fields() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "HTTP/1.1 404 Not Found\r\n\r\n").unwrap();
    std::fs::write(
        &b,
        "{\"error\": {\"code\": 403, \"message\": \"denied\"}}\n",
    )
    .unwrap();
    let r = args(&[a.to_str().unwrap(), b.to_str().unwrap()]);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let at = |name: &str| {
        lines
            .iter()
            .position(|l| *l == format!("==> {name} <=="))
            .unwrap_or_else(|| panic!("{name} labelled: {}", r.stdout))
    };
    let (la, lb) = (at(a.to_str().unwrap()), at(b.to_str().unwrap()));
    assert_eq!(la, 0, "{}", r.stdout);
    assert!(lb > la && r.stdout[..].contains("HTTP 404"), "{}", r.stdout);
    // A shape names only fields the body has: this one has no status.
    assert!(
        lines[lb + 1].contains("JSON {\"error\": {\"code\", \"message\"}}"),
        "{}",
        lines[lb + 1]
    );
    // One input alone is not labelled.
    let r = args(&[a.to_str().unwrap()]);
    assert!(!r.stdout.contains("==>"), "{}", r.stdout);
}

#[test]
fn unknown_query_suggests_and_exits_1() {
    let r = args(&["NoSuchKy"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("unknown code \"NoSuchKy\"") && r.stderr.contains("NoSuchKey"),
        "{}",
        r.stderr
    );
    let r = args(&["s3:10058"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("in catalog s3"), "{}", r.stderr);
}

#[test]
fn usage_errors_exit_1_not_2() {
    for a in [
        &["--bogus"][..],
        &["--color", "sometimes"],
        &["--format", "xml", "1"],
        &["--json", "--format", "line", "1"],
    ] {
        let r = args(a);
        assert_eq!(r.code, 1, "{a:?}");
        assert!(!r.stderr.is_empty());
    }
}

#[test]
fn help_and_version_exit_0() {
    let long = args(&["--help"]);
    assert_eq!(long.code, 0);
    assert!(long.stdout.contains("Exit status:") && long.stdout.contains("3  network error"));
    assert!(long.stdout.contains("Examples:") && long.stdout.contains("errexplain r2:10012"));
    let short = args(&["-h"]);
    assert_eq!(short.code, 0);
    assert!(short.stdout.len() < long.stdout.len());
    let v = args(&["--version"]);
    assert_eq!(v.code, 0);
    assert!(v.stdout.starts_with("errexplain "));
}

#[test]
fn json_carries_every_field() {
    let r = args(&["--json", "10058"]);
    assert_eq!(r.code, 1);
    let doc = json(&r);
    assert_eq!(doc["schema_version"], 3);
    assert_eq!(doc["exit_code"], 1);
    let res = &doc["results"][0];
    assert_eq!(res["kind"], "query");
    assert_eq!(res["input"], "10058");
    let m = &res["findings"][0]["matches"][0];
    assert_eq!(m["catalog"], "r2");
    assert_eq!(m["code"], "10058");
    assert_eq!(m["name"], "TooManyRequests");
    assert_eq!(m["status"], 429);
    assert_eq!(m["class"], "client");
    assert_eq!(m["retry"]["advice"], "backoff");
    for f in ["meaning", "cause", "fix", "message", "source"] {
        assert!(m[f].as_str().is_some_and(|s| !s.is_empty()), "{f}");
    }
    let unknown = json(&args(&["--json", "nosuchcodeatall"]));
    assert_eq!(unknown["results"][0]["kind"], "unknown");
    assert_eq!(unknown["exit_code"], 1);
}

#[test]
fn quiet_prints_nothing() {
    for (a, code) in [
        (&["-q", "10058"][..], 1),
        (&["--quiet", "500"], 2),
        (&["-q", "nosuchcodeatall"], 1),
    ] {
        let r = args(a);
        assert_eq!(r.stdout, "", "{a:?}");
        assert_eq!(r.code, code, "{a:?}");
    }
}

#[test]
fn line_format_is_tab_separated() {
    let r = args(&["--format", "line", "10012"]);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines.len() >= 2);
    assert_eq!(
        lines[0],
        "r2\t10012\tMetadataTooLarge\t400\tclient\tno\t-\t10012"
    );
    assert!(lines.iter().all(|l| l.split('\t').count() == 8));
    assert!(lines.contains(&"discord\t10012\tUnknown token\t404\tclient\tno\t-\t10012"));
    // The retry advice and wait, and which input a line belongs to.
    let r = stdin(
        &["--format", "line", "r2:10058", "-"],
        "HTTP/1.1 429 Too Many Requests\nRetry-After: 7\n\n",
    );
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "r2\t10058\tTooManyRequests\t429\tclient\tbackoff\t-\tr2:10058"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with("\tafter\t7\tstandard input")),
        "{lines:?}"
    );
    // Listings keep the five columns of an entry.
    let r = args(&["--format", "line", "--list", "r2"]);
    assert!(r.stdout.lines().all(|l| l.split('\t').count() == 5));
}

#[test]
fn list_search_and_catalogs() {
    let r = args(&["--list", "r2"]);
    assert_eq!(r.code, 0);
    for code in ["10002", "10058", "100100", "10025", "10048"] {
        assert!(r.stdout.contains(code), "{code}");
    }
    let lines = args(&["--list", "r2", "--format", "line"]);
    assert_eq!(lines.stdout.lines().count(), 29);
    let all = args(&["--list", "--format", "line"]);
    assert!(all.stdout.lines().count() > 650);
    let s = args(&["--search", "metadata", "8,192"]);
    assert_eq!(s.code, 0);
    assert!(s.stdout.contains("10012"));
    let none = args(&["--search", "zzqqxxnothing"]);
    assert_eq!(none.code, 0);
    assert!(none.stderr.contains("no entry matches"));
    let c = args(&["--catalogs"]);
    for id in CATALOG_IDS {
        assert!(c.stdout.contains(id), "{id}");
    }
    let cj = json(&args(&["--catalogs", "--json"]));
    let r2 = catalog_in(&cj, "r2");
    assert_eq!(r2["entries"], 29);
    assert!(r2["origins"][0].as_str().unwrap().contains("data/r2.toml"));
}

#[test]
fn a_closed_pipe_is_quiet() {
    // The pipe needs a shell; errexplain must end quietly when head closes it.
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "'{}' --list | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}",
            env!("CARGO_BIN_EXE_errexplain")
        ))
        .env("HOME", "/nonexistent")
        .output()
        .expect("bash runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0");
    assert!(
        !stderr.contains("panicked") && stderr.is_empty(),
        "{stderr}"
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let esc = |r: &crate::util::Run| r.stdout.contains('\u{1b}');
    assert!(!esc(&args(&["10058"])), "a pipe gets no colour");
    assert!(esc(&args(&["--color", "always", "10058"])));
    assert!(!esc(&args(&["--color", "never", "10058"])));
    assert!(esc(&run(cmd().env("CLICOLOR_FORCE", "1").arg("10058"))));
    assert!(!esc(&run(cmd()
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .arg("10058"))));
    assert!(esc(&run(cmd()
        .env("NO_COLOR", "1")
        .args(["--color", "always", "10058"]))));
    assert!(
        !esc(&args(&["--color", "always", "--json", "10058"])),
        "JSON is never coloured"
    );
    // Tables follow the same decision.
    assert!(!esc(&args(&["--list", "r2"])));
    assert!(esc(&args(&["--list", "r2", "--color", "always"])));
    assert!(esc(&run(cmd()
        .env("CLICOLOR_FORCE", "1")
        .arg("--catalogs"))));
    assert!(!esc(&run(cmd()
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .arg("--catalogs"))));
}

#[test]
fn dash_reads_standard_input_next_to_queries() {
    let r = stdin(&["500", "-"], "curl: (6) Could not resolve host: x.invalid");
    assert_eq!(r.code, 3);
    assert!(r.stdout.contains("http · 500") && r.stdout.contains("curl · 6"));
}

#[test]
fn an_unreadable_input_does_not_hide_the_other_queries() {
    let r = stdin(&["500", "-"], "");
    assert_eq!(r.code, 2, "the highest of 2 (500) and 1 (empty input)");
    assert!(r.stdout.contains("http · 500"));
    assert_eq!(
        r.stderr.trim(),
        "errexplain: standard input is empty: nothing came in; to explain a failed command, \
         include its errors: `curl -sSi URL 2>&1 | errexplain` (-S shows curl's error, 2>&1 \
         sends it down the pipe)"
    );
    let r = stdin(&["-", "-"], "HTTP/1.1 503 Service Unavailable\r\n\r\n");
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stdout.matches("Evidence:").count(),
        1,
        "standard input is read once"
    );
}

/// errexplain 10058 on a real terminal, with extra environment.
fn on_a_terminal(env: &[(&str, &str)]) -> String {
    let out = crate::util::on_a_terminal("{bin} 10058", env);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn colour_on_a_terminal_follows_the_environment() {
    assert!(
        on_a_terminal(&[]).contains("\u{1b}["),
        "a terminal gets colour"
    );
    assert!(!on_a_terminal(&[("NO_COLOR", "1")]).contains("\u{1b}["));
    assert!(!on_a_terminal(&[("TERM", "dumb")]).contains("\u{1b}["));
    assert!(
        on_a_terminal(&[("NO_COLOR", "")]).contains("\u{1b}["),
        "an empty NO_COLOR counts as unset"
    );
}

#[test]
fn generate_gives_the_schema_and_a_catalog_template_that_checks() {
    let r = args(&["--generate", "json-schema"]);
    assert_eq!(r.code, 0);
    let schema: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let file: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(crate::util::root().join("docs/errexplain.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(schema, file, "the shipped schema is the documented one");
    let r = args(&["--generate", "catalog-template"]);
    assert_eq!(r.code, 0);
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("acme.toml");
    std::fs::write(&p, &r.stdout).unwrap();
    let r = run(cmd().arg("--check-catalog").arg(&p));
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (0, ""),
        "the template is a valid catalog"
    );
    let r =
        run(cmd()
            .env("ERREXPLAIN_CATALOGS", &p)
            .args(["--format", "line", "acme:QUOTA_EXCEEDED"]));
    assert!(
        r.stdout.starts_with("acme\tQUOTA_EXCEEDED\t"),
        "{}",
        r.stdout
    );
}

#[test]
fn help_names_the_catalog_places_and_the_modes() {
    let r = args(&["--help"]);
    for needle in [
        "ERREXPLAIN_CATALOGS",
        "errexplain/catalogs",
        "--run",
        "--follow",
        "2>&1",
        "jq -r .best.fix",
    ] {
        assert!(r.stdout.contains(needle), "{needle} in --help");
    }
    let man = args(&["--generate", "man"]);
    assert!(
        man.stdout.contains("SEE ALSO") && man.stdout.contains("\\-\\-run"),
        "man page"
    );
}

#[test]
fn clicolor_zero_turns_colour_off() {
    // On a terminal colour is on; CLICOLOR=0 turns it off (in auto).
    assert!(
        on_a_terminal(&[]).contains('\u{1b}'),
        "colour on a terminal"
    );
    assert!(
        !on_a_terminal(&[("CLICOLOR", "0")]).contains('\u{1b}'),
        "CLICOLOR=0"
    );
}

#[test]
fn modes_that_cannot_combine_are_usage_errors() {
    for a in [
        &["--list", "r2", "--search", "foo"][..],
        &["--list", "r2", "404"],
        &["--catalogs", "404"],
        &["--follow", "404"],
        &["--check-catalog", "x.toml", "404"],
        &["404", "--run", "true"],
    ] {
        let r = args(a);
        assert_eq!(r.code, 1, "{a:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("cannot be used with"),
            "{a:?}: {}",
            r.stderr
        );
        assert!(r.stdout.is_empty(), "{a:?}");
    }
    // An option a mode could ignore is honoured instead.
    let r = args(&["--catalogs", "--format", "line"]);
    assert!(
        r.stdout.lines().all(|l| l.split('\t').count() == 4),
        "{}",
        r.stdout
    );
    assert!(r.stdout.starts_with("cf-artifacts\t12\t"), "{}", r.stdout);
}

#[test]
fn short_answers_people_type() {
    let r = args(&[
        "--format",
        "line",
        "status 429",
        "error 503",
        "got 404",
        "ECONNREFUSED",
        "ETIMEDOUT",
        "ENOTFOUND",
    ]);
    let firsts: Vec<String> = r
        .stdout
        .lines()
        .map(|l| l.split('\t').take(2).collect::<Vec<_>>().join(":"))
        .collect();
    for want in [
        "http:429", "http:503", "http:404", "curl:7", "curl:28", "curl:6",
    ] {
        assert!(firsts.iter().any(|f| f == want), "{want} in {firsts:?}");
    }
    // A status with many catalog errors shows a few and says how to see all.
    let r = args(&["400"]);
    assert!(r.stdout.lines().count() < 40, "{}", r.stdout);
    assert!(r
        .stdout
        .contains("more (all of them: --json, under \"related\")"));
    // Search matches at word starts: "rate" is not found inside "Bitrate".
    let r = args(&["--search", "bitrate", "--format", "line"]);
    let bitrate: Vec<&str> = r.stdout.lines().collect();
    let r = args(&["--search", "rate", "--format", "line"]);
    for l in &bitrate {
        let lower = l.to_lowercase();
        if !lower.contains(" rate") && !lower.contains("\trate") {
            assert!(
                !r.stdout.contains(l),
                "{l} matched \"rate\" only inside a word"
            );
        }
    }
    // Failed free text points to --search.
    let r = args(&["something odd happened here"]);
    assert!(r.stderr.contains("--search"), "{}", r.stderr);
}

#[test]
fn a_locale_without_utf8_gets_ascii() {
    let r = run(cmd().env("LC_ALL", "C").arg("10058"));
    assert!(r.stdout.is_ascii(), "{}", r.stdout);
    assert!(
        r.stdout.starts_with("r2 - 10058 - TooManyRequests"),
        "{}",
        r.stdout
    );
    let r = run(cmd().arg("10058"));
    assert!(
        r.stdout.starts_with("r2 · 10058 · TooManyRequests"),
        "{}",
        r.stdout
    );
    // Piped tables are plain columns, in any locale.
    let r = args(&["--list", "r2"]);
    assert!(
        !r.stdout.contains(['│', '─', '┌', '|']),
        "{}",
        &r.stdout[..200.min(r.stdout.len())]
    );
}

#[test]
fn a_description_is_not_passed_off_as_the_official_message() {
    let r = args(&["discord:200"]);
    assert!(
        r.stdout
            .contains("  docs say \"The request completed successfully\""),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("official"), "{}", r.stdout);
    let r = args(&["s3:NoSuchKey"]);
    assert!(r
        .stdout
        .contains("  official \"The specified key does not exist.\""));
    let v = json(&args(&[
        "--json",
        "s3:SlowDown",
        "s3:NoSuchKey",
        "http:404",
    ]));
    let kinds: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["findings"][0]["matches"][0]["message_kind"]
                .as_str()
                .unwrap_or("null")
        })
        .collect();
    assert_eq!(kinds, ["description", "official", "official"]);
}

/// The `received` line shows the rate-limit headers of any API, in the spelling that came:
/// the IETF draft's `RateLimit-*` and the common `X-RateLimit-*`; `Retry-After` has a line
/// of its own, and headers of other kinds are not shown.
#[test]
fn the_received_line_shows_any_apis_rate_limit_headers() {
    let received = |response: &str| {
        let r = stdin(&[], response);
        let line = r
            .stdout
            .lines()
            .find(|l| l.starts_with("  received "))
            .map(str::to_string)
            .unwrap_or_else(|| panic!("a received line: {}", r.stdout));
        (r, line)
    };
    let (r, line) = received(
        "HTTP/1.1 429 Too Many Requests\r\nRateLimit-Limit: 100\r\nRateLimit-Remaining: 0\r\n\
         RateLimit-Reset: 30\r\nRetry-After: 30\r\nContent-Type: text/plain\r\n\r\nslow down\n",
    );
    assert_eq!(r.code, 1);
    assert_eq!(
        line,
        "  received RateLimit-Limit: 100 · RateLimit-Remaining: 0 · RateLimit-Reset: 30"
    );
    assert!(r.stdout.contains("  retry    after 30 s"), "{}", r.stdout);
    let (_, line) = received(
        "HTTP/2 403\r\nx-ratelimit-limit: 60\r\nx-ratelimit-remaining: 0\r\n\
         x-ratelimit-reset: 1700000000\r\nx-github-request-id: AB12:CD34\r\n\r\n\
         {\"message\":\"API rate limit exceeded for 1.2.3.4.\"}\n",
    );
    assert_eq!(
        line,
        "  received x-ratelimit-limit: 60 · x-ratelimit-remaining: 0 · x-ratelimit-reset: 1700000000"
    );
    // No rate-limit header came: no received line.
    let r = stdin(
        &[],
        "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 5\r\n\r\n",
    );
    assert!(!r.stdout.contains("received"), "{}", r.stdout);
}
