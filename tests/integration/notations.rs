//! Real pastes come in every notation. Each row is written in the shape a real tool prints
//! (values made up), and must give its catalog entry and exit code; the near misses must not
//! be read as errors.

use crate::util::{args, assert_clean, json, stdin};
use serde_json::Value;

/// (input, catalog:code of the best match, exit code)
const SHAPES: &[(&str, &str, i32)] = &[
    // 1. Object notations.
    ("discord.errors: {'code': 50001, 'message': 'Missing Access'}", "discord:50001", 1),
    ("DiscordAPIError: Missing Access\n    at RequestHandler.execute (rest.js:1:1) {\n  method: 'get',\n  code: 50001,\n  httpStatus: 403\n}", "discord:50001", 1),
    ("Err(ServiceError { code: Some(\"NoSuchBucket\"), message: Some(\"The specified bucket does not exist\"), .. })", "s3:NoSuchBucket", 1),
    ("StorageException(message: rate exceeded, code: SlowDown, statusCode: 503)", "s3:SlowDown", 2),
    ("upload failed: {Code:InvalidAccessKeyId Message:The AWS Access Key Id you provided does not exist in our records. StatusCode:403}", "s3:InvalidAccessKeyId", 1),
    ("#<Aws::S3::Errors::ServiceError code=\"BucketAlreadyOwnedByYou\", status=409>", "s3:BucketAlreadyOwnedByYou", 1),
    ("{:cognitect.anomalies/category :forbidden, :Error {:Code \"AccessDenied\", :Message \"Access Denied\"}}", "s3:AccessDenied", 1),
    ("ts=2024-01-01T00:00:00Z level=error code=NoSuchUpload status=404 msg=\"upload aborted\"", "s3:NoSuchUpload", 1),
    ("error:\n  code: \"EntityTooLarge\"\n  message: \"Your proposed upload exceeds the maximum allowed size\"\n", "s3:EntityTooLarge", 1),
    // 2. SDK renderings.
    ("net.dv8tion.jda.api.exceptions.ErrorResponseException: 10003: Unknown Channel", "discord:10003", 1),
    ("serenity error: Http(UnsuccessfulRequest(ErrorResponse { status_code: 403, error: DiscordJsonError { code: 50013, message: \"Missing Permissions\" } }))", "discord:50013", 1),
    ("operation error S3: GetObject, https response error StatusCode: 404, RequestID: X1, HostID: Y1, NoSuchKey: ", "s3:NoSuchKey", 1),
    ("S3Exception: The specified bucket does not exist (Service: S3, Status Code: 404, Request ID: Z) code NoSuchBucket", "s3:NoSuchBucket", 1),
    ("Error: failed to make http request: 403 Forbidden: {\"success\":false,\"errors\":[{\"code\":9109,\"message\":\"Invalid access token\"}]}", "cloudflare:9109", 1),
    ("X [ERROR] A request to the Cloudflare API (/accounts/x/r2/buckets) failed.\n  The specified bucket name is not valid. [code: 10005]", "r2:10005", 1),
    // 3. A status in prose.
    ("AxiosError: Request failed with status code 502", "http:502", 2),
    ("HttpRequestException: Response status code does not indicate success: 503 (Service Unavailable).", "http:503", 2),
    ("java.io.IOException: Server returned HTTP response code: 401 for URL: https://x", "http:401", 1),
    ("fetch failed: statusCode=429 retry later", "http:429", 1),
    ("The remote server returned an error: (504) Gateway Timeout.", "http:504", 2),
    // 4. A code or an official message alone.
    ("2024-05-01 ERROR sync: The specified key does not exist.", "s3:NoSuchKey", 1),
    ("[bot] DiscordAPIError: Missing Permissions", "discord:50013", 1),
    ("handler crashed with CURLE_OPERATION_TIMEDOUT after 30s", "curl:28", 3),
    ("Cloudflare error 1015 while fetching the page", "cloudflare:1015", 1),
    // 5. Fragments and wrappers.
    ("<error><code>NoSuchKey</code><message>gone</message></error>", "s3:NoSuchKey", 1),
    ("2024-05-01T10:00:00Z WARN resp=\"HTTP/1.1 503 Slow Down\\r\\n\\r\\n<Error><Code>SlowDown</Code></Error>\"", "s3:SlowDown", 2),
    ("log: \"{\\\"code\\\": 50035, \\\"message\\\": \\\"Invalid Form Body\\\"}\"", "discord:50035", 1),
    ("**Error:** `NoSuchBucket` — the bucket is gone", "s3:NoSuchBucket", 1),
    ("&lt;Error&gt;&lt;Code&gt;AccessDenied&lt;/Code&gt;&lt;/Error&gt;", "s3:AccessDenied", 1),
    // A body as a Python SDK prints it: a dict in Python's notation, after the status.
    ("cloudflare.AuthenticationError: Error code: 401 - {'success': False, 'errors': [{'code': 10001, 'message': 'Unable to authenticate request'}], 'messages': [], 'result': None}", "cloudflare:10001", 1),
    // 6. Success without a status line.
    ("{\"event\": \"upload\", \"status_code\": 200, \"result\": \"ok\"}", "", 0),
    ("{\"success\": true, \"errors\": [], \"messages\": [], \"result\": {\"id\": \"x\"}}", "", 0),
    // 7. A rate-limit body without its status.
    ("{\"message\": \"You are being rate limited.\", \"retry_after\": 64.57, \"global\": false}", "discord:429", 1),
    ("HTTP/1.1 429 Too Many Requests\n\n{\"message\": \"You are being rate limited.\", \"retry_after\": 2.5, \"global\": true, \"code\": 0}", "discord:429", 1),
];

#[test]
fn every_class_of_notation_is_read() {
    let mut failures = Vec::new();
    for (input, want, exit) in SHAPES {
        let r = stdin(&["--json"], *input);
        let doc = json(&r);
        let top = &doc["results"][0]["findings"][0]["matches"][0];
        let got = format!(
            "{}:{}",
            top["catalog"].as_str().unwrap_or(""),
            top["code"].as_str().unwrap_or("")
        );
        let ok = (want.is_empty() || got == *want) && r.code == *exit;
        if !ok {
            failures.push(format!("{input:?}: got {got} exit {}", r.code));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_rate_limit_body_gives_its_wait() {
    let r = stdin(
        &["--json"],
        "{\"message\": \"You are being rate limited.\", \"retry_after\": 64.57, \"global\": false}",
    );
    let doc = json(&r);
    assert_eq!(doc["results"][0]["evidence"]["retry_after_seconds"], 64.57);
}

/// Ordinary text that contains words or numbers a catalog knows, and is no error.
const NEAR_MISSES: &[&str] = &[
    "Processed 404 files in 503 ms; 429 were skipped.",
    "the code was reviewed and the status is fine",
    "build: 1020 tests passed, error count 0",
    "Commit message: fix not found handling in the error page",
    "user clicked Access Denied page link in the docs",
    "{\"status\": \"active\", \"code\": \"main\"}",
    "exit code: 6 (see the manual)",
    "Loaded 10008 records from the archive",
];

#[test]
fn near_misses_are_not_errors() {
    for text in NEAR_MISSES {
        let r = stdin(&["--json"], *text);
        let doc = json(&r);
        let findings = doc["results"][0]["findings"].as_array().cloned();
        let errors: Vec<_> = findings
            .into_iter()
            .flatten()
            .filter(|f| f["class"] != "success")
            .collect();
        assert!(errors.is_empty(), "{text:?} read as {errors:?}");
    }
}

#[test]
fn long_server_values_are_bounded_in_text_output() {
    let long = "x".repeat(5_000_000);
    let body = format!("{{\"code\": \"NoSuchKey\", \"message\": \"{long}\"}}");
    let r = stdin(&[], body);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.len() < 20_000,
        "{} bytes of output",
        r.stdout.len()
    );
    assert!(r.stdout.contains("more bytes)"), "{}", &r.stdout[..500]);
    assert_clean(&r.stdout, "long message");
}

#[test]
fn a_status_of_000_is_a_network_failure_of_no_entry() {
    // What `curl -w '%{http_code}'` prints when no response came back, piped or given.
    for (input, as_arg) in [
        ("000\n", false),
        ("000\n000\n000\n", false),
        ("HTTP 000 from http://10.0.5.20:8080/health\n", false),
        ("000", true),
    ] {
        let r = if as_arg {
            args(&[input])
        } else {
            stdin(&[], input)
        };
        assert_eq!(r.code, 3, "{input:?}: {}", r.stderr);
        assert!(
            r.stdout.contains("no HTTP response came back"),
            "{input:?}: {}",
            r.stdout
        );
        let doc = json(&if as_arg {
            args(&["--json", input])
        } else {
            stdin(&["--json"], input)
        });
        assert_eq!(doc["best"], Value::Null, "{input:?}");
        assert_eq!(doc["exit_code"], 3);
        assert_eq!(doc["results"][0]["class"], "network");
        assert_eq!(doc["results"][0]["evidence"]["no_response"], "status 000");
        let line = stdin(&["--format", "line"], input);
        assert_eq!(
            line.stdout,
            "-\t-\t-\t-\tnetwork\tbackoff\t-\tstandard input\n"
        );
    }
    // A 000 that is no status says nothing; a failure that names its cause is that cause.
    assert_eq!(stdin(&[], "offset 000 of 12\n").code, 1);
    let r = stdin(
        &["--format", "line"],
        "000\ncurl: (7) Failed to connect to 10.0.5.20 port 8080: Connection refused\n",
    );
    assert_eq!(r.code, 3);
    assert!(r.stdout.starts_with("curl\t7\t"), "{}", r.stdout);
}

#[test]
fn a_status_typed_with_its_message_gives_the_entry_of_both() {
    // `403 Missing Permissions`: the status and the words after it choose the entry together,
    // piped or given; the status's own reason phrase stays a lookup of the status.
    for (input, want, status, exit) in [
        ("403 Missing Permissions", "discord:50013", 403, 1),
        (
            "HTTP 404: The specified key does not exist.",
            "s3:NoSuchKey",
            404,
            1,
        ),
        ("error 404 Unknown Channel", "discord:10003", 404, 1),
    ] {
        for r in [
            args(&["--json", input]),
            stdin(&["--json"], format!("{input}\n")),
        ] {
            assert_eq!(r.code, exit, "{input}: {}", r.stderr);
            let doc = json(&r);
            let best =
                format!("{}:{}", doc["best"]["catalog"], doc["best"]["code"]).replace('"', "");
            assert_eq!(best, want, "{input}");
            assert_eq!(doc["results"][0]["evidence"]["status"], status, "{input}");
        }
    }
    let doc = json(&args(&["--json", "429 Too Many Requests"]));
    assert_eq!(doc["best"]["catalog"], "http");
    assert_eq!(
        doc["results"][0]["evidence"],
        Value::Null,
        "a lookup, not a reading"
    );
}
