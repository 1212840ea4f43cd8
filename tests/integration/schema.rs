//! Every output form of --json validates against docs/errexplain.schema.json.

use crate::util::{args, examples, json, root, stdin, Run};

fn validator() -> jsonschema::Validator {
    let text =
        std::fs::read_to_string(root().join("docs/errexplain.schema.json")).expect("schema file");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema is valid")
}

fn check(v: &jsonschema::Validator, r: &Run, what: &str) {
    let doc = json(r);
    let errors: Vec<String> = v
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
    assert_eq!(
        doc["exit_code"], r.code,
        "{what}: exit_code field equals the exit status"
    );
}

#[test]
fn every_kind_of_output_validates() {
    let v = validator();
    for a in [
        &["--json", "10058"][..],
        &["--json", "429"],
        &["--json", "10012", "InvalidPart", "nosuchcodeatall"],
        &["--json", "-c", "discord", "0"],
        &["--json", "--list", "r2"],
        &["--json", "--search", "rate", "limit"],
        &["--json", "--catalogs"],
        &["--format", "json", "200"],
        &["--json", "--search", "zzzqqqxxx"],
        &["--json", "-c", "nosuchcatalog", "404"],
        &["--json", "--check-catalog", "/nonexistent/x.toml"],
        &["--json", "--color=sometimes", "404"],
        &["--format", "json", "--list", "nosuchcatalog"],
        &["--json", "404", "NoSuchKy"],
    ] {
        check(&v, &args(a), &format!("{a:?}"));
    }
    for entry in std::fs::read_dir(examples()).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            check(
                &v,
                &stdin(&["--json"], std::fs::read(&p).unwrap()),
                &p.display().to_string(),
            );
        }
    }
    check(
        &v,
        &stdin(&["--json"], "HTTP/1.1 429 x\r\nRetry-After: -3\r\n\r\n"),
        "negative retry-after",
    );
    check(
        &v,
        &stdin(&["--json"], "{\"success\":true,\"errors\":[]}"),
        "success envelope",
    );
    check(&v, &stdin(&["--json"], ""), "empty input");
}

#[test]
fn json_stays_json_and_says_what_failed() {
    // errexplain's own failures carry an error object; an API's client error does not.
    let r = args(&["--json", "NoSuchKy"]);
    let doc = json(&r);
    assert_eq!(r.code, 1);
    assert!(doc["error"]["message"]
        .as_str()
        .unwrap()
        .contains("NoSuchKy"));
    assert_eq!(doc["error"]["input"], "NoSuchKy");
    assert!(doc["best"].is_null());
    let r = args(&["--json", "NoSuchKey"]);
    let doc = json(&r);
    assert!(doc["error"].is_null());
    assert_eq!(doc["best"]["code"], "NoSuchKey");
    assert_eq!(doc["best"]["retry"], "no");
    assert!(doc["best"]["fix"].as_str().unwrap().contains("key"));
    let r = stdin(
        &["--json"],
        "HTTP/1.1 429 Too Many Requests\nRetry-After: 7\n\n",
    );
    assert_eq!(json(&r)["best"]["retry_after_seconds"], 7.0);
    // No hit, an unknown catalog, a bad catalog file: still one document.
    let r = args(&["--json", "--search", "zzzqqqxxx"]);
    assert_eq!(json(&r)["entries"], serde_json::json!([]));
    let r = args(&["--json", "-c", "nosuchcatalog", "404"]);
    assert_eq!(r.code, 1);
    assert!(json(&r)["error"]["message"]
        .as_str()
        .unwrap()
        .contains("unknown catalog"));
    let r = args(&["--json", "--check-catalog", "/nonexistent/x.toml"]);
    assert_eq!(r.code, 1);
    assert_eq!(json(&r)["check"]["ok"], false);
}

/// `--json` is one document on every path: a bad option value, a command `--run` cannot
/// start, and errexplain's own failure in one place (the top-level `error`) whatever the mix
/// of inputs.
#[test]
fn json_is_one_document_on_every_failure() {
    let v = validator();
    for a in [
        &["--json", "--color=sometimes", "404"][..],
        &["--json", "--color", "sometimes", "404"],
        &["--format", "json", "--format-typo", "404"],
        &["--format=json", "--list", "r2", "404"],
    ] {
        let r = args(a);
        assert_eq!(r.code, 1, "{a:?}");
        let doc = json(&r);
        assert!(v.is_valid(&doc), "{a:?}: {doc}");
        assert!(
            doc["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{a:?}"
        );
        // Standard error still says it in words.
        assert!(r.stderr.contains("error:"), "{a:?}: {}", r.stderr);
    }
    let r = args(&["--json", "--color=sometimes", "404"]);
    assert!(json(&r)["error"]["message"]
        .as_str()
        .unwrap()
        .contains("sometimes"));
    // Without --json a usage error prints nothing on standard output.
    assert_eq!(args(&["--color=sometimes", "404"]).stdout, "");

    // --run's report goes to standard error; so does the document of a command that
    // cannot start, and nothing else.
    let r = args(&["--json", "--run", "/nonexistent/errexplain-no-such-command"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    let doc: serde_json::Value = serde_json::from_str(&r.stderr)
        .unwrap_or_else(|e| panic!("stderr is one JSON document ({e}): {}", r.stderr));
    assert!(v.is_valid(&doc), "{doc}");
    assert!(doc["error"]["message"]
        .as_str()
        .unwrap()
        .contains("cannot run"));
    // In text, one line.
    let r = args(&["--run", "/nonexistent/errexplain-no-such-command"]);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);

    // The error object sits at the top level whether the failure is the only input or one
    // of several; the results keep each input's place.
    for a in [&["--json", "NoSuchKy"][..], &["--json", "404", "NoSuchKy"]] {
        let doc = json(&args(a));
        assert_eq!(doc["error"]["input"], "NoSuchKy", "{a:?}");
        for r in doc["results"].as_array().unwrap() {
            assert!(
                r.get("error").is_none(),
                "{a:?}: no error under results: {r}"
            );
        }
    }
    let doc = json(&stdin(&["--json"], ""));
    assert_eq!(doc["error"]["input"], "standard input");
    assert!(doc["error"]["message"].as_str().unwrap().contains("empty"));
    let doc = json(&args(&["--json", "-c", "nosuchcatalog", "404"]));
    assert!(doc["error"]["message"]
        .as_str()
        .unwrap()
        .contains("unknown catalog"));
}

#[test]
fn the_schema_rejects_what_it_should() {
    let v = validator();
    let bad = serde_json::json!({"schema_version": 3, "exit_code": 7, "results": []});
    assert!(!v.is_valid(&bad));
    let bad =
        serde_json::json!({"schema_version": 3, "exit_code": 1, "results": [{"kind": "query"}]});
    assert!(!v.is_valid(&bad));
    let bad = serde_json::json!({"schema_version": 2, "exit_code": 0, "results": []});
    assert!(!v.is_valid(&bad), "the version is 3");
    let bad = serde_json::json!({"schema_version": 3, "exit_code": 1, "error": {}});
    assert!(!v.is_valid(&bad), "an error has a message");
    let bad = serde_json::json!({"schema_version": 3, "exit_code": 1, "results": [
        {"kind": "unknown", "input": "x", "class": "client", "exit_code": 1, "findings": [],
         "related": [], "error": {"message": "m"}}]});
    assert!(!v.is_valid(&bad), "the error object is not under results");
}

#[test]
fn every_follow_event_validates() {
    let text =
        std::fs::read_to_string(root().join("docs/errexplain.schema.json")).expect("schema file");
    let main: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    let schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": main["$defs"],
        "$ref": "#/$defs/follow_event",
    });
    let v = jsonschema::validator_for(&schema).expect("schema is valid");
    let r = stdin(
        &["--follow", "--json"],
        "INFO ok\ncurl: (6) Could not resolve host: x\n{\"code\": \"NoSuchKey\", \"message\": \"gone\"}\n",
    );
    assert_eq!(r.code, 3);
    let mut kinds = Vec::new();
    for line in r.stdout.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).expect("NDJSON");
        let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{line}: {errors:?}");
        kinds.push(doc["event"].as_str().unwrap_or("").to_string());
    }
    assert_eq!(kinds, ["error", "error", "summary"]);
}
