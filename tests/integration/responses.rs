//! Whole responses through standard input: the shared examples (each must give the codes and
//! class its MANIFEST names) and further responses of every shape, not in that folder.

use crate::util::{args, assert_clean, codes_in, examples, json, stdin};

fn class_code(class: &str) -> i32 {
    match class {
        "success" => 0,
        "client" => 1,
        "server" => 2,
        "network" => 3,
        other => panic!("class {other}"),
    }
}

/// What the MANIFEST describes in words, as the catalog entry that explains it (an OS error
/// in the `os` catalog names the curl code that means the same, as a second match).
const DESCRIBED: &[(&str, &str)] = &[
    ("DNS resolution failure", "CURLE_COULDNT_RESOLVE_HOST"),
    ("ECONNREFUSED", "CURLE_COULDNT_CONNECT"),
];

/// "6003; 6103 (error_chain)" → ["6003", "6103"]; "CURLE_COULDNT_RESOLVE_HOST (6)" → both.
fn expected_codes(field: &str) -> Vec<Vec<String>> {
    if field.starts_with("(none") {
        return Vec::new();
    }
    // Split on ';' outside parentheses: "520 (number absent; only the title)" is one part.
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in field.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' if depth == 0 => {
                parts.push(&field[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&field[start..]);
    parts
        .into_iter()
        .map(|part| {
            let part = part.trim();
            let head = part.split(" (").next().unwrap_or(part).trim();
            let head = DESCRIBED
                .iter()
                .find(|(d, _)| *d == head)
                .map_or(head, |(_, code)| code);
            let mut alts = vec![head.to_string()];
            if let Some(inner) = part.split_once('(').map(|(_, r)| r.trim_end_matches(')')) {
                if inner.chars().all(|c| c.is_ascii_digit()) {
                    alts.push(inner.to_string());
                }
                // An RFC 9457 problem's type: a URI ending so, shown as its type, not a code.
                if inner == "type URI" {
                    alts = vec![format!("type:/{head}")];
                }
            }
            alts
        })
        .collect()
}

#[test]
fn every_shared_example_gives_its_codes_and_class() {
    let manifest = std::fs::read_to_string(examples().join("MANIFEST.tsv")).expect("manifest");
    let mut n = 0;
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, codes, status, class) = (cols[0], cols[4], cols[5], cols[6]);
        let body = std::fs::read(examples().join(file)).expect("fixture");
        let r = stdin(&["--json"], body.clone());
        assert_eq!(r.code, class_code(class), "{file}: {}", r.stdout);
        let doc = json(&r);
        assert_eq!(doc["results"][0]["class"], class, "{file}");
        let found = codes_in(&doc);
        for alts in expected_codes(codes) {
            if let Some(secs) = alts[0].strip_prefix("retry_after=") {
                let got = doc["results"][0]["evidence"]["retry_after_seconds"].as_f64();
                assert_eq!(got, secs.parse::<f64>().ok(), "{file}: retry_after");
                continue;
            }
            let types: Vec<&str> = doc["results"][0]["findings"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| f["server"]["type"].as_str())
                .collect();
            assert!(
                alts.iter().any(|a| match a.strip_prefix("type:") {
                    Some(end) => {
                        types.iter().any(|t| t.ends_with(end))
                            && !found.iter().any(|f| *f == end[1..])
                    }
                    None => found.contains(a),
                }),
                "{file}: want one of {alts:?} in {found:?} (types {types:?})"
            );
        }
        if !status.is_empty() {
            // The status the response carries, or (when it shows none) the explained error's.
            // Several errors in one paste may each carry their own ("403; 429").
            let wants: Vec<u64> = status
                .split(';')
                .map(|s| s.trim().parse().unwrap())
                .collect();
            let seen = doc["results"][0]["evidence"]["status"].as_u64();
            let top = doc["results"][0]["findings"][0]["matches"][0]["status"].as_u64();
            // A log line may show no status at all and name a code whose source gives none.
            assert!(
                seen.is_some_and(|s| wants.contains(&s))
                    || seen.is_none() && top.is_none_or(|t| wants.contains(&t)),
                "{file}: {seen:?} {top:?}"
            );
        }
        // And the human form says the same without a raw control character.
        let text = stdin(&[], body);
        assert_eq!(text.code, class_code(class), "{file}");
        assert_clean(&text.stdout, file);
        n += 1;
    }
    assert_eq!(n, 66);
}

#[test]
fn retry_after_seven_seconds() {
    let r = stdin(
        &[],
        "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\n\r\n",
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("retry    after 7 s (Retry-After header)"),
        "{}",
        r.stdout
    );
}

#[test]
fn curl_connection_refused_exits_3() {
    // A real curl failure against a closed local port.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "curl -sS --max-time 5 http://127.0.0.1:9 2>&1 | '{}' --json",
            env!("CARGO_BIN_EXE_errexplain")
        ))
        .env("HOME", "/nonexistent")
        .output()
        .expect("sh runs");
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        doc["results"][0]["findings"][0]["matches"][0]["catalog"],
        "curl"
    );
}

/// Responses of the same shapes as the examples, and shapes the examples lack.
#[test]
fn more_real_shapes() {
    let table: &[(&str, &str, i32)] = &[
        ("HTTP/1.1 403 Forbidden\r\nx-amz-request-id: 4442587FB7D0A2F9\r\nContent-Type: application/xml\r\n\r\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>", "s3:SignatureDoesNotMatch", 1),
        ("An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4): Please reduce your request rate.", "s3:SlowDown", 2),
        ("botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied", "s3:AccessDenied", 1),
        ("software.amazon.awssdk.services.s3.model.NoSuchKeyException: The specified key does not exist. (Service: S3, Status Code: 404, Request ID: X) (Service: S3; Status Code: 404; Error Code: NoSuchKey; Request ID: 8CB5C2B9)", "s3:NoSuchKey", 1),
        ("Error: get: The specified object key does not exist. (10007)", "r2:10007", 1),
        ("✘ [ERROR] A request to the Cloudflare API (/accounts/x/r2/buckets) failed.\n\n  Authentication error [code: 10000]", "cloudflare:10000", 1),
        ("discord.errors.Forbidden: 403 Forbidden (error code: 50013): Missing Permissions", "discord:50013", 1),
        ("DiscordAPIError[10062]: Unknown interaction", "discord:10062", 1),
        ("HTTP/2 429\r\ncontent-type: application/json\r\nretry-after: 2\r\nx-ratelimit-scope: user\r\n\r\n{\"message\": \"You are being rate limited.\", \"retry_after\": 1.75, \"global\": false}", "discord:429", 1),
        ("2024-01-01T00:00:00Z ERROR artifacta: {\"error\":{\"code\":\"session_sealed\",\"message\":\"Session ses_1 is sealed.\",\"status\":409}}", "artifacta:session_sealed", 1),
        ("HTTP/1.1 409 Conflict\r\n\r\n{\"code\":\"workspace_exists\",\"message\":\"workspace demo exists\",\"existing\":{\"state\":\"pending_format\"}}", "workspaces:workspace_exists", 1),
        ("Error: Object storage test failed: HeadBucket: operation error S3: SignatureDoesNotMatch", "workspaces:byo_signature_does_not_match", 1),
        ("error: internal_error: managed_provisioning_failed: iam: throttled", "workspaces:managed_provisioning_failed", 2),
        ("artifacts: path /mnt/work is already a mount point", "workspaces:already_mounted", 1),
        ("PHP Fatal error: Uncaught GuzzleHttp\\Exception\\ConnectException: cURL error 28: Operation timed out after 10001 milliseconds", "curl:28", 3),
        ("<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>", "http:504", 2),
        ("{\"success\":false,\"errors\":[{\"code\":9106,\"message\":\"Missing X-Auth-Key, X-Auth-Email or Authorization headers\"}],\"messages\":[],\"result\":null}", "cloudflare:9106", 1),
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"ok\":true}", "http:200", 0),
        // git's words for a 401 after its credentials were sent; Rails' body for a failed
        // HTTP Basic login (GitLab's), which holds S3's `Access Denied` but is not S3's.
        ("remote: Support for password authentication was removed.\nfatal: Authentication failed for 'https://github.com/o/r.git/'", "http:401", 1),
        ("Error response from daemon: Get \"https://registry.gitlab.com/v2/\": unauthorized: HTTP Basic: Access denied. The provided password or token is incorrect", "http:401", 1),
        // OkHttp's pinned public keys did not match: curl's 90, not a certificate it could
        // not verify (60).
        ("javax.net.ssl.SSLPeerUnverifiedException: Certificate pinning failure!\n  Peer certificate chain:\n    sha256/AAAA=: CN=api.example.com", "curl:90", 3),
    ];
    for (input, want, code) in table {
        let r = stdin(&["--json"], *input);
        assert_eq!(r.code, *code, "{input:?}: {}", r.stdout);
        let doc = json(&r);
        let top = &doc["results"][0]["findings"][0]["matches"][0];
        let got = format!(
            "{}:{}",
            top["catalog"].as_str().unwrap_or("-"),
            top["code"].as_str().unwrap_or("-")
        );
        assert_eq!(got, *want, "{input:?}");
    }
}

#[test]
fn pasted_as_an_argument() {
    let r = args(&["put: Your metadata headers exceed the maximum allowed metadata size. (10012)"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("r2 · 10012 · MetadataTooLarge"));
}

#[test]
fn explanations_name_their_evidence() {
    let body = std::fs::read(examples().join("01-s3-nosuchkey-rclone-raw-http.txt")).unwrap();
    let r = stdin(&[], body);
    assert!(
        r.stdout
            .contains("why      S3 XML <Error> body · code NoSuchKey"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("HTTP 404"));
    assert!(r.stdout.contains("request id 56F1855EE2332F05"));
}

#[test]
fn several_errors_are_each_explained() {
    let body =
        std::fs::read(examples().join("32-cfapi-7003-7000-two-errors-escaped-slash.txt")).unwrap();
    let doc = json(&stdin(&["--json"], body));
    let f = doc["results"][0]["findings"].as_array().unwrap();
    assert_eq!(f.len(), 2);
    assert_eq!(f[1]["matches"][0]["code"], "7000");
    let discord = "{\"code\": 50035, \"errors\": {\"embeds\": {\"0\": {\"description\": {\"_errors\": [{\"code\": \"BASE_TYPE_MAX_LENGTH\", \"message\": \"Must be 4096 or fewer in length.\"}]}}}}, \"message\": \"Invalid Form Body\"}";
    let r = stdin(&[], discord);
    assert!(
        r.stdout
            .contains("embeds.0.description: BASE_TYPE_MAX_LENGTH"),
        "{}",
        r.stdout
    );
}

#[test]
fn secrets_are_masked_and_controls_escaped() {
    let body = "HTTP/1.1 401 Unauthorized\r\nAuthorization: Bearer sk_live_abcdef\r\nCookie: sid=s3cr3t\r\n\r\n{\"code\":\"unauthorized\",\"message\":\"bad token Bearer sk_live_abcdef at https://b.example/k?X-Amz-Signature=f00d \u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J \u{202e}gnp.exe\"}";
    for a in [
        &[][..],
        &["--json"],
        &["--format", "line"],
        &["--color", "always"],
    ] {
        let r = stdin(a, body);
        for secret in ["sk_live_abcdef", "s3cr3t", "f00d"] {
            assert!(
                !r.stdout.contains(secret),
                "{a:?} leaks {secret}: {}",
                r.stdout
            );
        }
        if !a.contains(&"--color") {
            assert_clean(&r.stdout, &format!("{a:?}"));
        } else {
            assert!(
                !r.stdout.contains("\u{1b}]52")
                    && !r.stdout.contains("\u{1b}[2J")
                    && !r.stdout.contains('\u{202e}')
            );
        }
    }
}

#[test]
fn input_with_nothing_recognisable() {
    let r = stdin(&[], "hello world, nothing to see here\n");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("no error code, HTTP status or known error message"),
        "{}",
        r.stderr
    );
}

/// JSON that parses is never called malformed, whether text stands around it or not; JSON
/// that does not parse is.
#[test]
fn json_that_parses_is_labelled_json() {
    for (input, shape) in [
        (
            "2024-01-01 ERROR request failed: {\"data\": {\"code\": 50013, \"message\": \"Missing Permissions\"}}",
            "JSON inside text",
        ),
        (
            "response body: {\"errors\": [{\"code\": \"NoSuchKey\", \"message\": \"gone\"}]} (after 3 tries)",
            "JSON inside text",
        ),
        (
            "{\"errors\": [{\"code\": \"NoSuchKey\", \"message\": \"gone\"}]}",
            "JSON (code and message found by name)",
        ),
        (
            "response body: {\"errors\": [{\"code\": \"NoSuchKey\", \"message\": \"gone",
            "JSON (malformed; read tolerantly)",
        ),
    ] {
        let r = stdin(&["--json"], input);
        let doc = json(&r);
        assert_eq!(
            doc["results"][0]["evidence"]["shapes"],
            serde_json::json!([shape]),
            "{input}"
        );
        let top = &doc["results"][0]["findings"][0]["matches"][0]["code"];
        assert!(top == "50013" || top == "NoSuchKey", "{input}: {top}");
        let r = stdin(&[], input);
        assert!(
            r.stdout.starts_with(&format!("Evidence: {shape}\n")),
            "{input}: {}",
            r.stdout
        );
    }
}

/// RFC 9457 problem details (the RFC's own examples, https://www.rfc-editor.org/rfc/rfc9457#section-3):
/// title and detail apart, the type shown as a type and never as a code, and each member of
/// `errors` on its own line, as Discord's field errors are.
#[test]
fn problem_details_are_read_field_by_field() {
    let body = std::fs::read(examples().join("51-problem-json-rfc9457-out-of-credit.txt")).unwrap();
    let r = stdin(&[], body.clone());
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("Server said:"))
        .unwrap_or_else(|| panic!("{}", r.stdout));
    assert_eq!(
        &lines[at..at + 4],
        [
            "Server said: \"You do not have enough credit.\"",
            "  detail   Your current balance is 30, but that costs 50.",
            "  type     https://example.com/probs/out-of-credit",
            "  instance /account/12345/msgs/abc",
        ],
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("code out-of-credit"), "{}", r.stdout);
    let doc = json(&stdin(&["--json"], body));
    let server = &doc["results"][0]["findings"][0]["server"];
    assert_eq!(server["code"], serde_json::Value::Null);
    assert_eq!(server["message"], "You do not have enough credit.");
    assert_eq!(
        server["detail"],
        "Your current balance is 30, but that costs 50."
    );
    assert_eq!(server["type"], "https://example.com/probs/out-of-credit");
    assert_eq!(server["instance"], "/account/12345/msgs/abc");

    let invalid = "HTTP/1.1 422 Unprocessable Content\r\nContent-Type: application/problem+json\r\n\r\n{\"type\": \"https://example.net/validation-error\", \"title\": \"Your request is not valid.\", \"errors\": [{\"detail\": \"must be a positive integer\", \"pointer\": \"#/age\"}, {\"detail\": \"must be 'green', 'red' or 'blue'\", \"pointer\": \"#/profile/color\"}]}";
    let r = stdin(&[], invalid);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains(
            "Server said: \"Your request is not valid.\"\n  type     https://example.net/validation-error\n  #/age: must be a positive integer\n  #/profile/color: must be 'green', 'red' or 'blue'\n"
        ),
        "{}",
        r.stdout
    );
    let doc = json(&stdin(&["--json"], invalid));
    let details = &doc["results"][0]["findings"][0]["server"]["details"];
    assert_eq!(
        details,
        &serde_json::json!([
            {"path": "#/age", "code": "", "message": "must be a positive integer"},
            {"path": "#/profile/color", "code": "", "message": "must be 'green', 'red' or 'blue'"},
        ])
    );
    // A type of about:blank is the absence of one; a code the body sends beside it is a code.
    let r = stdin(
        &["--json"],
        "{\"type\": \"about:blank\", \"title\": \"Not Found\", \"status\": 404, \"detail\": \"no user 7\", \"code\": \"NoSuchKey\"}",
    );
    let server = &json(&r)["results"][0]["findings"][0]["server"];
    assert_eq!(server["type"], serde_json::Value::Null);
    assert_eq!(server["code"], "NoSuchKey");
}

/// A flat body's shape names only the fields it has.
#[test]
fn flat_shapes_name_only_the_fields_the_body_has() {
    for (input, shape) in [
        ("request failed: {\"code\": 50013}", "JSON {\"code\"}"),
        (
            "{\"code\": 50013, \"message\": \"Missing Permissions\"}",
            "JSON {\"code\", \"message\"}",
        ),
        (
            "HTTP/1.1 406 Not Acceptable\r\n\r\n{\"code\": \"PGRST116\", \"details\": \"The result contains 0 rows\", \"message\": \"no rows\"}",
            "JSON {\"code\", \"message\", \"details\"}",
        ),
    ] {
        let r = stdin(&[], input);
        let first = r.stdout.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("Evidence: ") && first.contains(shape),
            "{input}: {}",
            r.stdout
        );
        let doc = json(&stdin(&["--json"], input));
        assert!(
            doc["results"][0]["evidence"]["shapes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s == shape),
            "{input}: {doc}"
        );
    }
}

/// A number of one or two digits labelled only `code`, in a text that names no catalog it is
/// a code of, is no entry's code: the failure beside it is the answer, and alone it names
/// nothing (a tool's exit status, an SSL library's error number).
#[test]
fn a_bare_small_code_yields_to_what_says_which_error_it_is() {
    for (text, want, exit) in [
        (
            "npm error code 1\nnpm error path /srv/web/node_modules/sharp\n\
             npm error sharp: Installation error: getaddrinfo EAI_AGAIN github.com",
            Some("os\tEAI_AGAIN\t"),
            3,
        ),
        ("build step failed: error code 1", None, 1),
        (
            "{\"error\": {\"code\": 7, \"message\": \"request denied\"}}",
            None,
            1,
        ),
    ] {
        let r = stdin(&["--format", "line"], text);
        assert_eq!(r.code, exit, "{text}: {}{}", r.stdout, r.stderr);
        match want {
            Some(w) => assert!(r.stdout.starts_with(w), "{text}: {}", r.stdout),
            None => assert!(!r.stdout.contains("curl\t"), "{text}: {}", r.stdout),
        }
    }
}

/// A browser's fetch failure is a failure though no word of failure begins a word of it
/// (`TypeError: NetworkError when ...`): a camel-case name says it.
#[test]
fn a_browsers_fetch_failure_is_a_network_failure() {
    for text in [
        "TypeError: NetworkError when attempting to fetch resource.",
        "TypeError: Failed to fetch",
    ] {
        let r = stdin(&["--format", "line"], text);
        assert_eq!(r.code, 3, "{text}: {}{}", r.stdout, r.stderr);
    }
}

/// A client's words that say only that no response came back (a browser's fetch failure)
/// are a network failure of no entry, saying who said it; the cause printed beside them is
/// the answer; the same words inside a sentence are nothing.
#[test]
fn words_that_say_only_no_response_came_back_name_no_entry() {
    for (text, said) in [
        (
            "Uncaught (in promise) TypeError: Failed to fetch\n    at loadItems (app.js:12:9)",
            "Chrome fetch(): Failed to fetch",
        ),
        (
            " WARN  Possible Unhandled Promise Rejection (id: 3):\nTypeError: Network request failed",
            "cross-fetch / React Native: Network request failed",
        ),
    ] {
        let r = stdin(&["--json"], text);
        assert_eq!(r.code, 3, "{text}: {}", r.stderr);
        let doc = json(&r);
        assert_eq!(doc["best"], serde_json::Value::Null, "{text}");
        assert_eq!(doc["results"][0]["evidence"]["no_response"], said, "{text}");
        let r = stdin(&[], text);
        assert!(r.stdout.contains("no HTTP response came back"), "{}", r.stdout);
    }
    let r = stdin(
        &["--format", "line"],
        "TypeError: fetch failed\n  [cause]: Error: connect ECONNREFUSED 127.0.0.1:3000",
    );
    assert_eq!(r.code, 3);
    assert!(r.stdout.starts_with("os\tECONNREFUSED\t"), "{}", r.stdout);
    assert_eq!(stdin(&[], "ERROR plugin load failed: missing file").code, 1);
}

/// The code, catalog and message kind of the first match of a JSON result.
fn first_match(input: &str) -> (i32, String, String) {
    let r = stdin(&["--json"], input);
    let doc = json(&r);
    let top = &doc["results"][0]["findings"][0]["matches"][0];
    let got = format!(
        "{}:{}",
        top["catalog"].as_str().unwrap_or("-"),
        top["code"].as_str().unwrap_or("-")
    );
    let kind = top["message_kind"].as_str().unwrap_or("-").to_string();
    (r.code, got, kind)
}

#[test]
fn an_s3_wire_message_with_a_status_names_its_entry_without_the_code() {
    let line = "time=2026-03-02T10:15:04Z level=error msg=\"upload part failed\" bucket=backups status=400 message=\"Your proposed upload is smaller than the minimum allowed object size.\" request_id=17F3A1C2B9D0E4A5";
    assert_eq!(
        first_match(line),
        (1, "s3:EntityTooSmall".to_string(), "official".to_string())
    );
    let line = "time=2026-03-02T10:16:41Z level=error msg=\"get object tagging failed\" bucket=backups status=404 message=\"The TagSet does not exist\" request_id=17F3A1C2B9D0E4B7";
    assert_eq!(first_match(line).1, "s3:NoSuchTagSet");
}

#[test]
fn an_unrelated_message_with_the_same_status_stays_the_status() {
    let line = "time=2026-03-02T10:15:04Z level=error msg=\"upload part failed\" bucket=backups status=400 message=\"Your proposed upload was rejected by the gateway.\" request_id=17F3A1C2B9D0E4A5";
    assert_eq!(first_match(line).1, "http:400");
    let line = "time=2026-03-02T10:16:41Z level=error msg=\"get object tagging failed\" bucket=backups status=404 message=\"The tag you asked for does not exist\" request_id=17F3A1C2B9D0E4B7";
    assert_eq!(first_match(line).1, "http:404");
}

/// A response whose rate-limit headers say nothing is left (GitHub sends its 403 so) may be
/// sent again when the window resets, whatever its status's entry says; with some left, the
/// status's advice stands.
#[test]
fn a_spent_rate_limit_says_when_to_retry() {
    let response = |remaining: &str, reset: &str| {
        format!(
            "HTTP/2 403\r\nDate: Tue, 01 Dec 2026 23:00:00 GMT\r\n\
             content-type: application/json; charset=utf-8\r\n\
             x-ratelimit-limit: 5000\r\nx-ratelimit-remaining: {remaining}\r\n{reset}\
             \r\n{{\"message\": \"API rate limit exceeded for user ID 1.\"}}"
        )
    };
    // 1796166900 is 900 s after the Date.
    for (text, retry) in [
        (
            response("0", "x-ratelimit-reset: 1796166900\r\n"),
            "after\t900",
        ),
        (response("0", "ratelimit-reset: 30\r\n"), "after\t30"),
        (response("0", ""), "backoff\t-"),
        (
            response("4999", "x-ratelimit-reset: 1796166900\r\n"),
            "no\t-",
        ),
    ] {
        let r = stdin(&["--format", "line"], text.as_str());
        assert_eq!(r.code, 1, "{text}: {}", r.stderr);
        let first = r.stdout.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("http\t403\t") && first.contains(&format!("\tclient\t{retry}\t")),
            "{text}: {first}"
        );
    }
}

#[test]
fn a_backends_own_sentence_with_an_official_messages_words_stays_the_status() {
    // R2's `Service is temporarily unavailable.` inside another service's sentence.
    let line = "io.ktor.client.plugins.ServerResponseException: Server error(GET https://api.example.com/v3/feed: 503 Service Unavailable. Text: \"{\"error\":\"upstream_unavailable\",\"message\":\"feed service is temporarily unavailable, try again shortly\"}\"";
    assert_eq!(first_match(line).1, "http:503");
}

#[test]
fn windows_socket_errors_in_other_display_languages_are_network_failures() {
    let table: &[(&str, &str)] = &[
        ("System.Net.Sockets.SocketException (0x80004005): 由于目标计算机积极拒绝，无法连接。 127.0.0.1:443", "os:ECONNREFUSED"),
        ("<urlopen error [WinError 10060] 연결된 구성원으로부터 응답이 없어 연결하지 못했거나, 호스트로부터 응답이 없어 연결이 끊어졌습니다>", "os:ETIMEDOUT"),
        ("System.Net.Http.HttpRequestException: Aucune connexion n’a pu être établie car l’ordinateur cible l’a expressément refusée. (localhost:7081)", "os:ECONNREFUSED"),
        ("     | No se puede establecer una conexión ya que el equipo de destino denegó expresamente dicha conexión.", "os:ECONNREFUSED"),
        ("System.Net.Http.HttpRequestException: Uma tentativa de conexão falhou porque o componente conectado não respondeu corretamente após um período de tempo ou a conexão estabelecida falhou porque o", "os:ETIMEDOUT"),
        ("System.IO.IOException: Удаленный хост принудительно разорвал существующее подключение.", "os:ECONNRESET"),
        ("               > 不知道这样的主机。 (dl.google.com)", "os:WSAHOST_NOT_FOUND"),
    ];
    for (line, want) in table {
        let (code, got, _) = first_match(line);
        assert_eq!((code, got.as_str()), (3, *want), "{line}");
    }
}

#[test]
fn a_clients_common_words_name_an_entry_where_the_text_names_the_client_and_nothing_else() {
    // MinIO's client's wording of NoSuchKey, after the tag its console prints.
    let (code, got, _) =
        first_match("mc: <ERROR> Unable to download `s3/logs/app.log`. Object does not exist.");
    assert_eq!((code, got.as_str()), (1, "s3:NoSuchKey"));
    // The same words with no client named are no entry's.
    let (_, got, _) = first_match("warning: Object does not exist.");
    assert_ne!(got, "s3:NoSuchKey");
}

#[test]
fn a_snake_case_code_of_a_catalog_the_shape_does_not_guess_yields_to_the_status() {
    // GitHub's validation code is no Cloudflare product's, whatever their names share.
    let paste = "HttpError: Validation Failed: {\"resource\":\"Release\",\"code\":\"already_exists\",\"field\":\"tag_name\"}\n    at /app/node_modules/@octokit/request/dist-node/index.js:86:21 {\n  status: 422,\n}\n";
    let (code, got, _) = first_match(paste);
    assert_eq!((code, got.as_str()), (1, "http:422"));
}
