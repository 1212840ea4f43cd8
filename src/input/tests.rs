//! The readers, one table of shapes: what each input must yield as evidence.

use super::*;

struct Want {
    status: Option<u16>,
    codes: &'static [&'static str],
    shape: &'static str,
}

fn codes(ev: &Evidence) -> Vec<String> {
    ev.errors.iter().filter_map(|e| e.code.clone()).collect()
}

#[test]
fn shapes_table() {
    let table: &[(&str, Want)] = &[
        (
            "HTTP/2 404\r\ncontent-type: application/xml\r\nx-amz-request-id: ABC\r\n\r\n<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>",
            Want { status: Some(404), codes: &["NoSuchKey"], shape: "S3 XML <Error> body" },
        ),
        (
            "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>x</Message></Error></ErrorResponse>",
            Want { status: None, codes: &["SignatureDoesNotMatch"], shape: "S3 XML <Error> body" },
        ),
        (
            "<Error><Code>AccessDenied</Code><Message>Access Den",
            Want { status: None, codes: &["AccessDenied"], shape: "S3 XML <Error> body" },
        ),
        (
            "{\"error\":{\"code\":\"rate_limited\",\"message\":\"Too many requests. Try again in 5 seconds.\",\"status\":429,\"retry_after_seconds\":5}}",
            Want { status: Some(429), codes: &["rate_limited"], shape: "JSON {\"error\": {\"code\", \"message\", \"status\"}}" },
        ),
        (
            "{\"code\":\"workspace_exists\",\"message\":\"workspace demo already exists\",\"existing\":{\"state\":\"pending_format\"}}",
            Want { status: None, codes: &["workspace_exists"], shape: "JSON {\"code\", \"message\"}" },
        ),
        // A field Discord sets, left null, is any API's.
        (
            "{\"code\": 4012, \"message\": \"batch rejected\", \"retry_after\": null, \"errors\": []}",
            Want { status: None, codes: &["4012"], shape: "JSON {\"code\", \"message\"}" },
        ),
        (
            "{\"message\": \"You are being rate limited.\", \"retry_after\": 64.57, \"global\": false}",
            Want { status: Some(429), codes: &[], shape: "Discord JSON error" },
        ),
        (
            "{\"code\": 50035, \"errors\": {\"embeds\": {\"0\": {\"description\": {\"_errors\": [{\"code\": \"BASE_TYPE_MAX_LENGTH\", \"message\": \"Must be 4096 or fewer in length.\"}]}}}}, \"message\": \"Invalid Form Body\"}",
            Want { status: None, codes: &["50035"], shape: "Discord JSON error" },
        ),
        (
            "worker failed: {\"body\": \"{\\\"success\\\":false,\\\"errors\\\":[{\\\"code\\\":10000,\\\"message\\\":\\\"Authentication error\\\"}]}\"}",
            Want { status: None, codes: &["10000"], shape: "Cloudflare API v4 envelope" },
        ),
        (
            "level=error msg=\"{\\\"code\\\": 50013, \\\"message\\\": \\\"Missing Permissions\\\"}\"",
            Want { status: None, codes: &["50013"], shape: "JSON {\"code\", \"message\"}" },
        ),
        (
            "discord.errors.Forbidden: 403 Forbidden (error code: 50013): Missing Permissions",
            Want { status: Some(403), codes: &["50013"], shape: "discord.py HTTPException" },
        ),
        (
            "DiscordAPIError[50035]: Invalid Form Body\nembeds[0].description[BASE_TYPE_MAX_LENGTH]: Must be 4096 or fewer in length.",
            Want { status: None, codes: &["50035"], shape: "discord.js DiscordAPIError" },
        ),
        (
            "com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: 6B0C1B2F; S3 Extended Request ID: x=)",
            Want { status: Some(403), codes: &["AccessDenied"], shape: "AWS Java SDK error" },
        ),
        (
            "GuzzleHttp\\Exception\\ConnectException: cURL error 6: Could not resolve host: api.example.invalid (see https://curl.haxx.se/libcurl/c/libcurl-errors.html)",
            Want { status: None, codes: &["6"], shape: "curl error" },
        ),
        (
            "curl: (28) Operation timed out after 5001 milliseconds with 0 bytes received",
            Want { status: None, codes: &["28"], shape: "curl error" },
        ),
        (
            "Error: delete: The specified object key does not exist. (10007)",
            Want { status: None, codes: &["10007"], shape: "R2 Workers binding message" },
        ),
        (
            "\u{feff}```\nHTTP/1.1 503 Service Unavailable\nRetry-After: 120\n\n{\"detail\": \"down for maintenance\", \"title\": \"Service Unavailable\", \"status\": 503}\n```",
            Want { status: Some(503), codes: &[], shape: "RFC 9457 problem+json" },
        ),
        (
            "Retry-After: 30\nX-RateLimit-Bucket: abcd\nContent-Type: application/json\n",
            Want { status: None, codes: &[], shape: "HTTP headers" },
        ),
        (
            "<!DOCTYPE html><html><head><title>Access denied | example.com used Cloudflare to restrict access</title></head><body><span class=\"code-label\">Error code 1020</span> Ray ID: <strong>7d1e2f3a4b5c6d7e</strong> Cloudflare</body></html>",
            Want { status: None, codes: &["1020"], shape: "Cloudflare HTML error page" },
        ),
    ];
    for (input, want) in table {
        let ev = analyze(input);
        assert_eq!(ev.status, want.status, "status of {input:?}");
        let got = codes(&ev);
        for c in want.codes {
            assert!(
                got.iter().any(|g| g == c),
                "code {c} in {got:?} for {input:?}"
            );
        }
        assert!(
            ev.shapes.iter().any(|s| s == want.shape),
            "shape {:?} in {:?} for {input:?}",
            want.shape,
            ev.shapes
        );
    }
}

#[test]
fn odd_text_around_status_phrases_is_safe() {
    for t in [
        "é44 Client Error",
        "44 Client Error",
        " Client Error",
        "12345 Server Error",
    ] {
        assert_eq!(analyze(t).status, None, "{t}");
    }
    assert_eq!(analyze("ü404 Server Error").status, Some(404));
}

#[test]
fn discord_nested_errors_become_field_paths() {
    let ev = analyze("{\"code\": 50035, \"errors\": {\"embeds\": {\"0\": {\"description\": {\"_errors\": [{\"code\": \"BASE_TYPE_MAX_LENGTH\", \"message\": \"Must be 4096 or fewer in length.\"}]}}}}, \"message\": \"Invalid Form Body\"}");
    let d = &ev.errors[0].details;
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].0, "embeds.0.description");
    assert_eq!(d[0].1, "BASE_TYPE_MAX_LENGTH");
}

#[test]
fn cloudflare_envelope_keeps_every_error_and_the_chain() {
    let ev = analyze("{\"success\":false,\"errors\":[{\"code\":6003,\"message\":\"Invalid request headers\",\"error_chain\":[{\"code\":6111,\"message\":\"Invalid format for Authorization header\"}]},{\"code\":9106,\"message\":\"Missing X-Auth-Key, X-Auth-Email or Authorization headers\"}]}");
    assert_eq!(codes(&ev), ["6003", "6111", "9106"]);
    assert_eq!(
        ev.errors[1].context.as_deref(),
        Some("in error_chain of 6003")
    );
    assert!(!ev.success_body);
    let ok = analyze("{\"success\":true,\"errors\":[],\"messages\":[{\"code\":10000,\"message\":\"This API Token is valid and active\"}]}");
    assert!(ok.success_body);
    assert!(ok.errors.is_empty(), "messages[] codes are not errors");
}

#[test]
fn retry_hints() {
    let table: &[(&str, Option<f64>)] = &[
        ("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\n\r\n", Some(7.0)),
        ("HTTP/1.1 503 x\r\nDate: Wed, 21 Oct 2015 07:28:00 GMT\r\nRetry-After: Wed, 21 Oct 2015 07:29:00 GMT\r\n\r\n", Some(60.0)),
        ("HTTP/1.1 429 x\r\nX-RateLimit-Reset-After: 1.25\r\n\r\n", Some(1.25)),
        ("{\"message\": \"You are being rate limited.\", \"retry_after\": 64.57, \"global\": true}", Some(64.57)),
        ("{\"error\":{\"code\":\"rate_limited\",\"message\":\"m\",\"status\":429,\"retry_after_seconds\":5}}", Some(5.0)),
        ("HTTP/1.1 429 x\r\nRetry-After: -5\r\n\r\n", None),
        ("HTTP/1.1 429 x\r\nRetry-After: 99999999999\r\n\r\n", None),
        ("HTTP/1.1 429 x\r\nRetry-After: soon\r\n\r\n", None),
        ("HTTP/1.1 429 x\r\nRetry-After: NaN\r\n\r\n", None),
    ];
    for (input, want) in table {
        let ev = analyze(input);
        assert_eq!(ev.retry.as_ref().map(|r| r.seconds), *want, "{input:?}");
        if want.is_none() {
            assert!(
                !ev.notes.is_empty(),
                "an ignored value is reported: {input:?}"
            );
        }
    }
    let global = analyze("{\"message\": \"x\", \"retry_after\": 1, \"global\": true}");
    assert!(global.retry.is_some_and(|r| r.global));
}

#[test]
fn echoed_text_is_clean() {
    let ev = analyze("HTTP/1.1 401 Unauthorized\r\nAuthorization: Bearer abcdef\r\nSet-Cookie: session=xyz\r\n\r\n{\"code\":\"x\u{1b}[2J\",\"message\":\"evil \u{1b}]0;pwned\u{7} \u{202e}txt Bearer tok123\"}");
    let e = &ev.errors[0];
    let all = format!("{:?} {:?} {:?}", e.code, e.message, ev.headers);
    assert!(!e
        .message
        .as_deref()
        .unwrap_or("")
        .chars()
        .any(crate::sanitize::is_dangerous));
    assert!(!e
        .code
        .as_deref()
        .unwrap_or("")
        .chars()
        .any(crate::sanitize::is_dangerous));
    assert!(
        !all.contains("abcdef") && !all.contains("xyz") && !all.contains("tok123"),
        "{all}"
    );
}

#[test]
fn reading_is_bounded_and_refuses_binary() {
    // Short input: all of it.
    let raw = read(&b"HTTP/1.1 404 Not Found\r\n\r\n"[..]).expect("reads");
    assert!(raw.cut.is_none());
    // Exactly HEAD + TAIL: all of it, nothing said.
    let exact = vec![b'a'; HEAD + TAIL];
    let raw = read(&exact[..]).expect("reads");
    assert!(raw.cut.is_none());
    assert_eq!(raw.text.len(), HEAD + TAIL);
    // Longer: the start and the end, the end from a line start, and a note.
    let mut long = b"HTTP/1.1 503 Service Unavailable\n".to_vec();
    long.extend(std::iter::repeat_n(b"x middle line\n".iter().copied(), 1_000_000).flatten());
    long.extend_from_slice(b"last: curl: (7) Failed to connect\n");
    let raw = read(&long[..]).expect("reads");
    assert!(raw.text.starts_with("HTTP/1.1 503"));
    assert!(raw.text.ends_with("last: curl: (7) Failed to connect\n"));
    assert!(raw.text.len() <= HEAD + TAIL + 1);
    // Both ends of the cut are whole lines: the head ends at a line break, the tail starts
    // after one.
    assert!(
        raw.text.lines().all(|l| l.is_empty()
            || l == "x middle line"
            || l.starts_with("HTTP/1.1 503")
            || l.starts_with("last: ")),
        "a partial line was kept"
    );
    assert!(raw
        .cut
        .as_deref()
        .is_some_and(|c| c == "the input is 13 MiB; read its first 4 MiB and its last 4 MiB"));
    assert!(matches!(
        read(&b"\x00\x01\x02garbage"[..]),
        Err(ReadError::Binary)
    ));
    assert!(matches!(read(&b"  \n\t "[..]), Err(ReadError::Empty)));
    let lossy = read(&b"HTTP/1.1 404 Not Found\r\n\r\n\xff\xfe"[..]).expect("lossy");
    assert!(lossy.text.contains('\u{fffd}'));
}

#[test]
fn a_line_longer_than_either_end_of_the_cut_is_not_kept_in_part() {
    // One token of 12 MiB with its key at the start: neither the head's part nor the tail's
    // may be printed without its key.
    let mut long = b"HTTP/1.1 403 Forbidden\nAuthorization: Bearer ".to_vec();
    long.extend(std::iter::repeat_n(b'T', 12 * 1024 * 1024));
    long.extend_from_slice(b"\n{\"code\": \"AccessDenied\"}\n");
    let raw = read(&long[..]).expect("reads");
    assert!(raw.cut.is_some());
    assert!(!raw.text.contains("TTTT"), "a part of the token was kept");
    assert!(raw.text.ends_with("{\"code\": \"AccessDenied\"}\n"));
    // One word of 10 MiB: its start (with its key) is kept, masked when shown; its end is not.
    let mut one = b"password=".to_vec();
    one.extend(std::iter::repeat_n(b'S', 10 * 1024 * 1024));
    let raw = read(&one[..]).expect("reads");
    assert!(raw.text.len() <= HEAD + 1);
    assert!(!crate::sanitize::clean(&raw.text).contains("SSSS"));
}

/// A reader that hands out its text at most `step` bytes at a time, then, if set, an error;
/// with `interrupting`, every other call is interrupted.
struct Trickle<'a> {
    text: &'a [u8],
    step: usize,
    then: Option<std::io::ErrorKind>,
    interrupting: bool,
    interrupted: bool,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        // Every other call is interrupted, when asked: the reader must try again.
        self.interrupted = self.interrupting && !self.interrupted;
        if self.interrupted {
            return Err(std::io::ErrorKind::Interrupted.into());
        }
        if self.text.is_empty() {
            return match self.then {
                Some(kind) => Err(kind.into()),
                None => Ok(0),
            };
        }
        let n = self.step.min(buf.len()).min(self.text.len());
        buf[..n].copy_from_slice(&self.text[..n]);
        self.text = &self.text[n..];
        Ok(n)
    }
}

fn trickle(text: &[u8], step: usize) -> Trickle<'_> {
    Trickle {
        text,
        step,
        then: None,
        interrupting: false,
        interrupted: false,
    }
}

#[test]
fn reading_does_not_depend_on_the_size_of_reads() {
    // Past HEAD + 2 * TAIL: the ring of the last TAIL bytes wraps, mid-read for most sizes.
    let mut long = b"HTTP/1.1 503 Service Unavailable\n".to_vec();
    long.extend(std::iter::repeat_n(b"x middle line\n".iter().copied(), 1_000_000).flatten());
    long.extend_from_slice(b"last line\n");
    let whole = read(&long[..]).expect("reads");
    assert!(long.len() > HEAD + 2 * TAIL);
    assert!(whole.cut.is_some());
    assert!(whole.text.ends_with("x middle line\nlast line\n"));
    for step in [1000, 4096, 4097, 65_536 + 7] {
        let raw = read(trickle(&long, step)).expect("reads");
        assert_eq!(raw.cut, whole.cut, "reads of {step}");
        assert!(raw.text == whole.text, "reads of {step}");
        // Exactly HEAD + TAIL, in reads of any size: all of it.
        let exact = vec![b'a'; HEAD + TAIL];
        let raw = read(trickle(&exact, step)).expect("reads");
        assert_eq!(
            (raw.text.len(), raw.cut),
            (HEAD + TAIL, None),
            "reads of {step}"
        );
    }
}

#[test]
fn interrupted_reads_are_retried_and_errors_reported() {
    let text = b"HTTP/1.1 404 Not Found\r\n\r\n";
    let mut r = trickle(text, 5);
    r.interrupting = true;
    assert_eq!(read(r).expect("reads").text.as_bytes(), text);
    let mut r = trickle(text, 5);
    r.then = Some(std::io::ErrorKind::PermissionDenied);
    let e = read(r).err().expect("an error");
    assert!(matches!(&e, ReadError::Io(io) if io.kind() == std::io::ErrorKind::PermissionDenied));
    assert!(e.to_string().starts_with("cannot read it: "), "{e}");
    // Binary input is refused at the read that shows it, before the reading goes on.
    let mut r = trickle(b"abc\0def", 100);
    r.then = Some(std::io::ErrorKind::PermissionDenied);
    assert!(matches!(read(r), Err(ReadError::Binary)));
    assert!(ReadError::Binary.to_string().contains("binary"));
    assert!(ReadError::Empty.to_string().contains("empty"));
}

/// An input that never ends, handed out in full buffers without copying each time.
struct Endless;

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        // The buffer is reused from read to read: fill it only where it is not filled yet.
        if buf.first() != Some(&b'y') || buf.last() != Some(&b'\n') {
            for (i, b) in buf.iter_mut().enumerate() {
                *b = if i % 2 == 0 { b'y' } else { b'\n' };
            }
            if let Some(last) = buf.last_mut() {
                *last = b'\n';
            }
        }
        Ok(buf.len())
    }
}

#[test]
fn an_endless_input_stops_at_the_read_limit() {
    let raw = read(Endless).expect("reads");
    let cut = raw.cut.expect("a note");
    assert!(cut.starts_with("the input went on past 2048 MiB"), "{cut}");
    assert!(raw.text.len() <= HEAD + TAIL + 1);
}

/// Inputs the fuzzer found crashing, kept so the bugs stay fixed.
#[test]
fn fuzz_regressions() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut n = 0;
    for f in std::fs::read_dir(dir).expect("fuzz fixtures") {
        let bytes = std::fs::read(f.expect("entry").path()).expect("readable");
        if let Ok(raw) = from_bytes(&bytes, None) {
            let _ = analyze(&raw.text);
        }
        n += 1;
    }
    assert!(n >= 1);
}

mod properties {
    use super::super::*;
    use proptest::prelude::*;

    fn clean(s: &str) -> bool {
        !s.chars().any(crate::sanitize::is_dangerous)
    }

    /// Fragments of real responses, so that generated input reaches deep into the readers.
    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("HTTP/1.1 429 Too Many Requests\r\n".to_string()),
            Just("Retry-After: ".to_string()),
            Just("\r\n\r\n".to_string()),
            Just("< ".to_string()),
            Just("{\"code\":".to_string()),
            Just("\"message\":\"".to_string()),
            Just("{\"success\":false,\"errors\":[".to_string()),
            Just("{\"error\":{".to_string()),
            Just("\"_errors\":[".to_string()),
            Just("<Error><Code>".to_string()),
            Just("</Code><Message>".to_string()),
            Just("<title>".to_string()),
            Just("curl: (".to_string()),
            Just("[code: ".to_string()),
            Just("An error occurred (".to_string()),
            Just("(error code: ".to_string()),
            Just("DiscordAPIError[".to_string()),
            Just("\u{1b}[31m".to_string()),
            Just("\u{202e}".to_string()),
            "[0-9]{1,6}",
            "[ -~]{0,12}",
            any::<String>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn the_body_reader_never_panics_and_echoes_nothing_dangerous(parts in prop::collection::vec(fragment(), 0..24)) {
            let text = parts.concat();
            let ev = analyze(&text);
            for e in &ev.errors {
                prop_assert!(e.code.as_deref().is_none_or(clean));
                prop_assert!(e.message.as_deref().is_none_or(clean));
                for (p, c, m) in &e.details {
                    prop_assert!(clean(p) && clean(c) && clean(m));
                }
            }
            for (n, v) in &ev.headers {
                prop_assert!(clean(n) && clean(v));
            }
            prop_assert!(ev.request_id.as_deref().is_none_or(clean));
            if let Some(r) = &ev.retry {
                prop_assert!(r.seconds >= 0.0 && r.seconds <= 86_400.0);
            }
        }

        #[test]
        fn reading_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
            if let Ok(raw) = from_bytes(&bytes, None) {
                let _ = analyze(&raw.text);
            }
        }
    }
}

#[test]
fn the_first_status_and_request_id_stand() {
    let mut ev = Evidence::default();
    ev.set_status(99, "a");
    ev.set_status(1000, "b");
    assert_eq!(ev.status, None, "out of range");
    ev.set_status(100, "c");
    ev.set_status(404, "d");
    assert_eq!((ev.status, ev.status_from), (Some(100), Some("c")));
    let mut ev = Evidence::default();
    ev.set_status(999, "e");
    assert_eq!(ev.status, Some(999));

    let mut ev = Evidence::default();
    ev.request_id("   ");
    ev.request_id(&"x".repeat(201));
    assert_eq!(ev.request_id, None);
    ev.request_id(&"y".repeat(200));
    ev.request_id("second");
    assert_eq!(ev.request_id, Some("y".repeat(200)));
}

#[test]
fn errors_merge_by_code_and_place() {
    let err = |code: &str, message: Option<&str>, context: Option<&str>, weak: bool| ServerError {
        code: Some(code.into()),
        message: message.map(Into::into),
        context: context.map(Into::into),
        weak,
        ..Default::default()
    };
    // The same code in the same place: one error, the message filled in from the second.
    let mut ev = Evidence::default();
    ev.error(err("NoSuchKey", None, None, false));
    ev.error(err("no_such_key", Some("gone"), None, false));
    assert_eq!(ev.errors.len(), 1);
    assert_eq!(ev.errors[0].message.as_deref(), Some("gone"));
    // In another place: two.
    ev.error(err(
        "NoSuchKey",
        Some("again"),
        Some("in a log line"),
        false,
    ));
    assert_eq!(ev.errors.len(), 2);
    // Found again by weak evidence: merged, and strong if either was.
    ev.error(err("NoSuchKey", None, Some("elsewhere"), true));
    assert_eq!(ev.errors.len(), 2);
    assert!(!ev.errors[0].weak);
    let mut ev = Evidence::default();
    ev.error(err("E_1", None, Some("x"), true));
    ev.error(err("E_1", None, Some("x"), false));
    assert_eq!(ev.errors.len(), 1);
    assert!(!ev.errors[0].weak);
    ev.error(err("E_1", None, Some("y"), true));
    assert!(!ev.errors[0].weak);
    // Beyond MAX_ERRORS, errors are counted, not kept.
    let mut ev = Evidence::default();
    for i in 0..MAX_ERRORS + 3 {
        ev.error(err(&format!("E{i}"), None, None, false));
    }
    assert_eq!((ev.errors.len(), ev.errors_dropped), (MAX_ERRORS, 3));
}

#[test]
fn retry_hints_are_kept_within_a_day() {
    for (seconds, kept) in [
        (0.0, true),
        (86_400.0, true),
        (86_400.5, false),
        (-0.5, false),
        (f64::NAN, false),
        (f64::INFINITY, false),
    ] {
        let mut ev = Evidence::default();
        ev.retry_hint(seconds, "test", false);
        assert_eq!(ev.retry.is_some(), kept, "{seconds}");
        assert_eq!(ev.notes.len(), usize::from(!kept), "{seconds}");
    }
    let mut ev = Evidence::default();
    ev.retry_hint(5.0, "first", true);
    ev.retry_hint(9.0, "second", false);
    assert_eq!(ev.retry.map(|r| (r.seconds, r.global)), Some((5.0, true)));
}

#[test]
fn escaped_text_is_read_again_unescaped() {
    const SHAPE: &str = "escaped text (unescaped to read)";
    let ev = analyze("body: &lt;Error&gt;&lt;Code&gt;SlowDown&lt;/Code&gt;&lt;Message&gt;Please reduce your request rate.&lt;/Message&gt;&lt;/Error&gt;");
    assert!(ev.shapes.iter().any(|s| s == SHAPE), "{:?}", ev.shapes);
    assert_eq!(codes(&ev), ["SlowDown"]);
    // Escapes but nothing more found: not said.
    let ev = analyze(r#"level=info msg="line one\nline two""#);
    assert!(!ev.shapes.iter().any(|s| s == SHAPE), "{:?}", ev.shapes);
    // A body that says success is not searched for escaped errors.
    let ev = analyze(
        r#"{"success": true, "errors": [], "result": {"note": "{\"code\": 10000, \"message\": \"Authentication error\"}"}}"#,
    );
    assert!(ev.success_body);
    assert!(codes(&ev).is_empty(), "{:?}", ev.errors);
}

#[test]
fn the_pass_tells_the_later_layers_what_the_text_holds() {
    let pass = |text: &str| {
        let p = analyze(text).pass.expect("analyze makes the pass");
        (p.pattern_starts, p.plain.is_some())
    };
    // The start of a catalog's message pattern (case forgiven), and the unescaped text where
    // unescaping changed anything.
    assert_eq!(pass("worker 7 processed batch 12"), (false, false));
    assert_eq!(pass("log: NO SETTING KEY for x"), (true, false));
    assert_eq!(pass(r"msg: \u0046ailed to start"), (false, true));
}

#[test]
fn only_regular_files_are_opened() {
    let dir = std::env::temp_dir().join(format!("errexplain-open-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("response.txt");
    std::fs::write(&file, "HTTP/1.1 404 Not Found\r\n\r\n").expect("write");
    assert!(open_file(&file).is_ok());
    let e = open_file(&dir).expect_err("a directory is refused");
    assert_eq!(e.to_string(), "cannot read it: not a regular file");
    assert!(open_file(&dir.join("missing")).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}
