//! Ranking: which entry comes first for a query or a response, and which class decides.

use super::response::{rank_error, rank_error_in, words};
use super::*;
use crate::catalog::{Entry, Registry};
use crate::input::analyze;
use crate::query::{classify, Arg};

fn top(text: &str) -> (Vec<String>, Class) {
    let reg = Registry::embedded();
    let r = response(&reg, "test", text, analyze(text), &Filter(&[]));
    let tops = r
        .findings
        .iter()
        .map(|f| {
            f.matches
                .first()
                .map_or("-".to_string(), |m| m.entry.qualified())
        })
        .collect();
    (tops, r.class)
}

fn first_of_query(q: &str) -> Vec<String> {
    let reg = Registry::embedded();
    let Arg::Query(q) = classify(q, &reg) else {
        panic!("{q} is text")
    };
    let r = query(&reg, &q, &Filter(&[])).expect("found");
    r.findings[0]
        .matches
        .iter()
        .map(|m| m.entry.qualified())
        .collect()
}

#[test]
fn query_ranking_table() {
    let table: &[(&str, &[&str])] = &[
        ("10012", &["r2:10012", "discord:10012"]),
        ("10058", &["r2:10058"]),
        ("429", &["http:429", "discord:429"]),
        ("NoSuchKey", &["s3:NoSuchKey", "r2:10007"]),
        (
            "invalid_request",
            &["artifacta:invalid_request", "workspaces:invalid_request"],
        ),
        ("6", &["curl:6"]),
    ];
    for (q, want) in table {
        let got = first_of_query(q);
        assert!(got.len() >= want.len(), "{q}: {got:?}");
        assert_eq!(&got[..want.len()], *want, "{q}");
    }
}

#[test]
fn status_queries_list_the_entries_that_use_the_status() {
    let reg = Registry::embedded();
    let Arg::Query(q) = classify("HTTP 429", &reg) else {
        panic!()
    };
    let r = query(&reg, &q, &Filter(&[])).expect("found");
    let related: Vec<String> = r.related.iter().map(|e| e.qualified()).collect();
    assert!(related.contains(&"r2:10058".to_string()), "{related:?}");
    assert!(
        !related.contains(&"http:429".to_string()),
        "the match itself is not repeated"
    );
}

#[test]
fn filters_and_qualifiers_restrict() {
    let reg = Registry::embedded();
    let Arg::Query(q) = classify("10012", &reg) else {
        panic!()
    };
    let only = ["discord".to_string()];
    let r = query(&reg, &q, &Filter(&only)).expect("found");
    assert!(r.findings[0]
        .matches
        .iter()
        .all(|m| m.entry.catalog == "discord"));
    let Arg::Query(q) = classify("s3:10012", &reg) else {
        panic!()
    };
    assert!(query(&reg, &q, &Filter(&[])).is_none());
}

#[test]
fn response_ranking_table() {
    let table: &[(&str, &[&str], Class)] = &[
        // The server header and request id point to AWS: S3 before R2.
        ("HTTP/1.1 404 Not Found\r\nServer: AmazonS3\r\nx-amz-request-id: 1\r\n\r\n<Error><Code>NoSuchKey</Code></Error>", &["s3:NoSuchKey"], Class::Client),
        // Cloudflare's headers point to R2.
        ("HTTP/1.1 404 Not Found\r\nServer: cloudflare\r\ncf-ray: 8a1b2c3d4e5f6a7b-LHR\r\n\r\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>", &["r2:10007"], Class::Client),
        // The orchestrator's flat shape and 422 pick the workspaces entry over Artifacta's 400.
        ("HTTP/1.1 422 Unprocessable Entity\r\n\r\n{\"code\":\"invalid_request\",\"message\":\"storage.bucket is required\"}", &["workspaces:invalid_request"], Class::Client),
        ("HTTP/1.1 400 Bad Request\r\n\r\n{\"error\":{\"code\":\"invalid_request\",\"message\":\"missing field name\",\"status\":400}}", &["artifacta:invalid_request"], Class::Client),
        // A Discord body: Discord before R2 for 10003.
        ("{\"message\": \"Unknown Channel\", \"code\": 10003}", &["discord:10003"], Class::Client),
        // A 301 that is the caller's to fix.
        ("HTTP/1.1 301 Moved Permanently\r\n\r\n<Error><Code>PermanentRedirect</Code></Error>", &["s3:PermanentRedirect"], Class::Client),
        // A 200 with an error body is an error.
        ("HTTP/1.1 200 OK\r\n\r\n<Error><Code>InternalError</Code></Error>", &["s3:InternalError"], Class::Server),
        // Workers binding message.
        ("put: Your metadata headers exceed the maximum allowed metadata size. (10012)", &["r2:10012"], Class::Client),
        // curl's own failure.
        ("curl: (7) Failed to connect to localhost port 1: Connection refused", &["curl:7"], Class::Network),
        // Other clients' network failures.
        ("Error: getaddrinfo ENOTFOUND api.example.invalid", &["os:EAI_NONAME"], Class::Network),
        ("requests.exceptions.ConnectionError: HTTPSConnectionPool(host='x', port=443): Max retries exceeded (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection>: Failed to establish a new connection: [Errno 111] Connection refused'))", &["os:ECONNREFUSED"], Class::Network),
        ("Get \"https://api.example.com/v1\": dial tcp 10.0.0.1:443: i/o timeout", &["curl:28"], Class::Network),
        // The same timeout on the query to the name server is a failure to resolve: Go's
        // resolver, Windows' DNS client.
        ("Get \"https://registry.example/v2/\": dial tcp: lookup registry.example on 10.0.0.2:53: read udp 10.0.0.15:41022->10.0.0.2:53: i/o timeout", &["os:EAI_AGAIN"], Class::Network),
        ("1014 Warning  Name resolution for the name sso.corp.example timed out after none of the configured DNS servers responded.", &["os:EAI_AGAIN"], Class::Network),
        ("Error: read ECONNRESET", &["os:ECONNRESET"], Class::Network),
        // Java NIO's word for a connect to a name that never resolved.
        ("java.nio.channels.UnresolvedAddressException: null\n\tat java.base/sun.nio.ch.Net.checkAddress(Net.java:137)", &["curl:6"], Class::Network),
        // A status a service sends outside the registry: Anthropic's overload.
        ("POST https://api.anthropic.com/v1/messages failed with status 529 in 977ms - error; no more retries left", &["http:529"], Class::Server),
        // An AWS load balancer's own statuses.
        ("HTTP/1.1 464\r\nServer: awselb/2.0\r\n\r\n", &["http:464"], Class::Client),
        // A Windows label's number is Windows' own: WinError 121 is the semaphore's
        // timeout, errno 121 POSIX's remote I/O error.
        ("aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host discord.com:443 ssl:default [WinError 121] Le délai de temporisation de sémaphore a expiré", &["os:ERROR_SEM_TIMEOUT"], Class::Network),
        ("OSError: [Errno 121] Remote I/O error", &["os:EREMOTEIO"], Class::Client),
        // A proxy's log of the failure behind the error it answered with: the cause.
        ("time=\"2025-02-11T20:04:33Z\" level=debug msg=\"'502 Bad Gateway' caused by: dial tcp 172.19.0.6:8096: connect: connection refused\"", &["os:ECONNREFUSED"], Class::Network),
        ("upstream answered 504 Gateway Timeout due to: dial tcp 10.1.2.3:443: i/o timeout", &["curl:28"], Class::Network),
        // A client's own meaning of a code, where the text names the client: axios's
        // ECONNABORTED is its timer; Node's is the socket's.
        ("AxiosError: timeout of 8000ms exceeded\n    at RedirectableRequest.handleRequestTimeout (/app/node_modules/axios/dist/node/axios.cjs:3266:16) {\n  code: 'ECONNABORTED'\n}", &["curl:28"], Class::Network),
        ("Error: read ECONNABORTED\n    at TCP.onStreamRead (node:internal/stream_base_commons:217:20) {\n  errno: -103,\n  code: 'ECONNABORTED',\n  syscall: 'read'\n}", &["os:ECONNABORTED"], Class::Network),
        // An errno before its own message is the OS error, whatever labels the number
        // (curl's code 101 is another failure).
        ("2024-05-01T10:00:00Z ERROR (101: Network is unreachable)", &["os:ENETUNREACH"], Class::Network),
        ("connect() failed, error code (111: Connection refused) while connecting", &["os:ECONNREFUSED"], Class::Network),
        ("ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate", &["curl:60"], Class::Network),
        // In a chain of errors the cause comes last: of two entries a line supports alike,
        // the one worded later (the certificate's fault after the handshake's), either way
        // round.
        ("Faraday::SSLError: SSL_connect returned=1 errno=0 peeraddr=203.0.113.45:443 state=error: certificate verify failed (certificate has expired)", &["curl:60"], Class::Network),
        ("certificate verify failed (certificate has expired) in Faraday::SSLError: SSL_connect returned=1 errno=0 state=error", &["curl:35"], Class::Network),
        // So across catalogs: Rust's wording of the failed lookup (curl's 6), then glibc's
        // of why it failed.
        ("    2: failed to lookup address information: Temporary failure in name resolution", &["os:EAI_AGAIN"], Class::Network),
        // A gRPC gateway's status code points to no catalog: the status answers. A code that
        // is a success's, in an error that says it failed, is none.
        ("HTTP/1.1 409 Conflict\r\n\r\n{\"code\":6,\"message\":\"topic already exists\",\"details\":[]}", &["http:409"], Class::Client),
        ("HTTP/1.1 400 Bad Request\r\n\r\n{\"error_code\":100,\"error_msg\":\"One of the parameters specified was missing or invalid\"}", &["http:400"], Class::Client),
        // A server's own call that failed, before the status its access log gives: the cause.
        ("cause: Error: connect ECONNREFUSED 127.0.0.1:4000 {\n    errno: -111,\n    code: 'ECONNREFUSED',\n    syscall: 'connect'\n}\n GET /products/linen 500 in 3091ms", &["os:ECONNREFUSED"], Class::Network),
        // A status came back: the phrase is the server's page, not a network failure.
        ("HTTP/1.1 504 Gateway Timeout\r\n\r\nupstream: Connection refused", &["http:504"], Class::Server),
        // Client libraries' status phrases.
        ("requests.exceptions.HTTPError: 404 Client Error: Not Found for url: https://api.example.com/x", &["http:404"], Class::Client),
        ("java.io.IOException: Server returned HTTP response code: 503 for URL: https://x", &["http:503"], Class::Server),
        ("System.Net.Http.HttpRequestException: Response status code does not indicate success: 502 (Bad Gateway).", &["http:502"], Class::Server),
        ("AxiosError: Request failed with status code 401", &["http:401"], Class::Client),
        ("500 Server Error: INTERNAL SERVER ERROR for url", &["http:500"], Class::Server),
        // A status alone.
        ("HTTP/2 503\r\n\r\n", &["http:503"], Class::Server),
        // Discord's own take on its status, when the evidence points to Discord.
        ("HTTP/2 429\r\nx-ratelimit-scope: user\r\n\r\n{\"message\": \"You are being rate limited.\", \"retry_after\": 1.75, \"global\": true}", &["discord:429"], Class::Client),
        ("HTTP/1.1 204 No Content\r\n\r\n", &["http:204"], Class::Success),
        ("HTTP/1.1 201 Created\r\n\r\n{\"id\": 7, \"message\": \"created\"}", &["http:201"], Class::Success),
        ("HTTP/1.1 404 Not Found\r\n\r\n{\"message\": \"Not Found\", \"documentation_url\": \"https://docs.example\"}", &["http:404"], Class::Client),
        // Unknown code: the status explains.
        ("HTTP/1.1 409 Conflict\r\n\r\n{\"code\":\"XYZ_UNKNOWN\",\"message\":\"nope\"}", &["http:409"], Class::Client),
        // Workspaces symptom by message text.
        ("Error: Object storage test failed: ListObjectsV2: NoSuchBucket: The specified bucket does not exist", &["workspaces:byo_no_such_bucket"], Class::Client),
        // dio's and trimmed .NET's wordings of a rejected status.
        ("E/flutter: DioException [bad response]: This exception was thrown because the response has a status code of 422 and RequestOptions.validateStatus was configured to throw for this status code.", &["http:422"], Class::Client),
        ("Failed to load data: net_http_message_not_success_statuscode_reason, 404, Not Found", &["http:404"], Class::Client),
        // A validation body's `errors` object is no Discord body; Discord's nests `_errors`.
        ("HTTP/1.1 422 Unprocessable Entity\r\n\r\n{\"errors\":{\"email\":[\"is invalid\"]}}", &["http:422"], Class::Client),
        ("HTTP/1.1 400 Bad Request\r\n\r\n{\"errors\":{\"content\":{\"_errors\":[{\"code\":\"BASE_TYPE_REQUIRED\",\"message\":\"This field is required\"}]}}}", &["discord:400"], Class::Client),
        // The AWS SDK for Ruby names a bodyless error after its status.
        ("WARN: Aws::S3::Errors::Http503Error: \nWARN: /usr/local/bundle/gems/aws-sdk-core-3.197.0/lib/seahorse/client/plugins/raise_response_errors.rb:17:in `call'", &["http:503"], Class::Server),
        // A code many APIs spell alike (`rate_limited`), from a reader that knows no catalog's
        // shape: the status it came with says more. In a catalog's own shape, its entry.
        ("ts=2025-01-01T00:00:00Z level=error code=rate_limited status=429 msg=\"slow down\"", &["http:429"], Class::Client),
        ("HTTP/1.1 429 Too Many Requests\r\n\r\n{\"error\":{\"code\":\"rate_limited\",\"message\":\"slow down\"}}", &["artifacta:rate_limited"], Class::Client),
        // A flat body's number that is a Discord code, beside a message that is not that
        // code's: the API's own code, and the status says more. With Discord's message, or
        // where the text names Discord, Discord's.
        ("HTTP/1.1 400 Bad Request\r\n\r\n{\"code\":40012,\"message\":\"password must be at least 8 characters\"}", &["http:400"], Class::Client),
        ("HTTP/1.1 400 Bad Request\r\n\r\n{\"code\":40012,\"message\":\"Connection has been revoked\"}", &["discord:40012"], Class::Client),
        ("discord.com answered HTTP/1.1 400 Bad Request\r\n\r\n{\"code\":40012,\"message\":\"revoked by the user\"}", &["discord:40012"], Class::Client),
        // A number whose message is its errno's own is that OS error, not the status the
        // number also is (HTTP 104); with another message it stays what it was.
        ("Error: Io(Os { code: 104, kind: ConnectionReset, message: \"Connection reset by peer\" })", &["os:ECONNRESET"], Class::Network),
        ("code: 104, message: \"upload started\"", &["http:104"], Class::Success),
        // A log record at a quiet level is what the program logged, not an error; the error
        // object in a later record is the error.
        ("{\"level\":30,\"msg\":\"ready as bot#1\"}\n{\"level\":50,\"err\":{\"message\":\"Unknown Channel\",\"code\":10003,\"status\":404},\"msg\":\"lookup failed\"}", &["discord:10003"], Class::Client),
        // A record's message explained only by a status read elsewhere comes after what
        // explains itself.
        ("{\"level\":\"ERROR\",\"msg\":\"backup upload failed\",\"err\":\"https response error StatusCode: 400, api error EntityTooSmall: Your proposed upload is smaller than the minimum allowed object size.\"}", &["s3:EntityTooSmall", "http:400"], Class::Client),
        // Several errors: the first one reported decides.
        ("{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"Could not route\"},{\"code\":7000,\"message\":\"No route for that URI\"}]}", &["cloudflare:7003", "cloudflare:7000"], Class::Client),
    ];
    for (text, want, class) in table {
        let (got, c) = top(text);
        assert!(got.len() >= want.len(), "{text:?}: {got:?}");
        assert_eq!(&got[..want.len()], *want, "{text:?}");
        assert_eq!(c, *class, "{text:?}");
    }
}

#[test]
fn what_a_warnings_line_names_yields_to_an_error_elsewhere() {
    // The warning's ENOENT is no error where the push failed with a 401; alone it is what
    // the text names.
    let warned = "WARNING: local cache import at /tmp/c not found due to err: open /tmp/c/index.json: no such file or directory\n";
    let failed = "ERROR: failed to push ghcr.io/a/b:1: failed to authorize: unexpected status from GET request to https://ghcr.io/token: 401 Unauthorized\n";
    let (tops, class) = top(&format!("{warned}{failed}"));
    assert_eq!(
        (tops.first().map(String::as_str), class),
        (Some("http:401"), Class::Client)
    );
    let (tops, _) = top(warned);
    assert_eq!(tops.first().map(String::as_str), Some("os:ENOENT"));
    // Two warnings: the first is named.
    let (tops, _) = top(&format!(
        "{warned}WARN: connect ECONNREFUSED 10.0.0.1:443\n"
    ));
    assert_eq!(tops.first().map(String::as_str), Some("os:ENOENT"));
    // A line not at a warning's level is the error.
    let (tops, class) = top(&format!(
        "{warned}Error: connect ECONNREFUSED 10.0.0.1:443\n"
    ));
    assert_eq!(
        (tops.first().map(String::as_str), class),
        (Some("os:ECONNREFUSED"), Class::Network)
    );
}

#[test]
fn success_envelope_is_success() {
    let (_, c) = top("{\"result\":{\"id\":\"x\"},\"success\":true,\"errors\":[],\"messages\":[{\"code\":10000,\"message\":\"This API Token is valid and active\"}]}");
    assert_eq!(c, Class::Success);
}

#[test]
fn bare_codes_rank_exact_spelling_and_exit_statuses_first() {
    let rows: &[(&str, &str)] = &[
        ("0", "curl:0"),
        ("artifacta:0", "artifacta:exit-0"),
        ("artifacta:3", "artifacta:exit-3"),
        ("InternalError", "s3:InternalError"),
        ("INTERNAL_ERROR", "cf-artifacts:10400"),
        ("internal_error", "workspaces:internal_error"),
        ("cloudflare:10007", "r2:10007"),
    ];
    for (q, want) in rows {
        assert_eq!(first_of_query(q)[0], *want, "{q}");
    }
}

#[test]
fn an_api_error_is_never_an_edge_page() {
    let (tops, _) = top("{\"success\":false,\"errors\":[{\"code\":1003,\"message\":\"Invalid or missing zone id.\"}],\"messages\":[],\"result\":null}");
    assert_eq!(tops, ["cloudflare:1003"]);
    let reg = Registry::embedded();
    let r = response(&reg, "t", "x", analyze("{\"success\":false,\"errors\":[{\"code\":1003,\"message\":\"Invalid or missing zone id.\"}]}"), &Filter(&[]));
    assert_eq!(r.findings[0].matches[0].entry.product, Some("api"));
    let t = "HTTP status 400: content \"{\\\"success\\\":false,\\\"errors\\\":[{\\\"code\\\":1002,\\\"message\\\":\\\"Invalid dns record identifier\\\"}]}\"";
    let r = response(&reg, "t", t, analyze(t), &Filter(&[]));
    assert_eq!(r.findings[0].matches[0].entry.code, "1002");
    assert_eq!(r.findings[0].matches[0].entry.product, Some("dns"));
}

mod vocabulary {
    use super::*;
    use proptest::prelude::*;

    /// Every embedded entry whose symbol code or official message the vocabulary layer is
    /// meant to find in free text: (what to embed, the entries it may name).
    fn targets() -> Vec<(String, Vec<String>)> {
        let reg = Registry::embedded();
        let mut out = Vec::new();
        for e in reg.entries() {
            let symbol = e.code.len() >= 8
                && e.code.bytes().skip(1).any(|b| b.is_ascii_uppercase())
                && e.code
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_');
            if symbol {
                out.push((e.code.to_string(), vec![e.qualified()]));
            }
        }
        out
    }

    /// Wrappers real tools put around an error: prefixes, quotes, escapes, markdown.
    const AROUND: &[(&str, &str)] = &[
        ("", ""),
        ("2024-05-01T10:00:00Z ERROR ", ""),
        ("[12:00:01 WARN]: Exception: ", "\n\tat x.y(Z.java:1)"),
        ("error=\"", "\""),
        ("`", "`"),
        ("**", "**"),
        ("msg: '", "'"),
        ("failed: ", ". Retrying."),
        ("{\\\"detail\\\": \\\"", "\\\"}"),
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// A catalog code written as a symbol, inside any wrapper and noise, is found.
        #[test]
        fn an_embedded_code_is_found(
            pick in any::<prop::sample::Index>(),
            wrap in 0..AROUND.len(),
            noise in "[a-z ]{0,30}",
        ) {
            let all = targets();
            let (word, names) = &all[pick.index(all.len())];
            let (pre, post) = AROUND[wrap];
            let text = format!("{noise} {pre}{word}{post} {noise}");
            let (tops, _) = top(&text);
            let reg = Registry::embedded();
            // The best match names the word: as its code or its name, in whichever catalog
            // ranks first for it.
            let found = tops.iter().any(|t| {
                names.contains(t)
                    || reg
                        .lookup(&crate::lexicon::normalize(word))
                        .iter()
                        .any(|(e, _)| e.qualified() == *t)
            });
            prop_assert!(found, "{text:?} gave {tops:?}");
        }

        /// Any phrasing a phrasebook says identifies its entry alone (a library's name for
        /// it, the wording a client prints), inside any wrapper and noise, is found and
        /// ranked first: its entry, or one that a phrasing of the same words names, or the
        /// entry that means the same failure.
        #[test]
        fn an_embedded_phrasing_is_ranked_first(
            pick in any::<prop::sample::Index>(),
            wrap in 0..AROUND.len(),
            noise in "[a-z]{0,8}( [a-z]{1,8}){0,3}",
        ) {
            let all: Vec<_> = crate::catalog::phrases::all()
                .filter(|p| p.client.is_some() && p.strong())
                .collect();
            let p = all[pick.index(all.len())];
            let (pre, post) = AROUND[wrap];
            let text = format!("{noise} {pre}{}{post} {noise}", p.text);
            let (tops, _) = top(&text);
            let mut fits: Vec<String> = Vec::new();
            for o in crate::catalog::phrases::all()
                .filter(|o| o.text.eq_ignore_ascii_case(p.text))
            {
                let e: &Entry = o.entry;
                fits.push(e.qualified());
                fits.extend(e.same_as.map(str::to_string));
            }
            let reg = Registry::embedded();
            let best = tops.first().cloned().unwrap_or_default();
            let means_same = reg
                .entries()
                .any(|e| e.qualified() == best && e.same_as.is_some_and(|s| fits.iter().any(|f| f == s)));
            prop_assert!(
                fits.contains(&best) || means_same,
                "{text:?} gave {tops:?}, wants one of {fits:?}"
            );
        }

        /// An official message alone, set off as a message, is found.
        #[test]
        fn an_embedded_message_is_found(
            wrap in 0..AROUND.len(),
            which in 0usize..4,
        ) {
            let rows = [
                ("The specified key does not exist.", "NoSuchKey"),
                ("The specified bucket does not exist", "NoSuchBucket"),
                ("Missing Permissions", "50013"),
                ("Invalid access token", "9109"),
            ];
            let (msg, code) = rows[which];
            let (pre, post) = AROUND[wrap];
            let text = format!("sync job: {pre}{msg}{post}");
            let (tops, _) = top(&text);
            let reg = Registry::embedded();
            let named = |t: &String| {
                t.ends_with(&format!(":{code}"))
                    || reg
                        .entries()
                        .any(|e| e.qualified() == *t && e.name == code)
            };
            prop_assert!(tops.iter().any(named), "{text:?} gave {tops:?}");
        }
    }
}

/// An error as a reader would report it, with the given code and nothing else.
fn err(code: &str) -> ServerError {
    ServerError {
        code: Some(code.to_string()),
        shape: "JSON body",
        ..ServerError::default()
    }
}

/// The score and reasons `rank_error` gives the entry `qualified` for `e` in `ev`.
fn scored(ev: &Evidence, e: &ServerError, qualified: &str) -> (i32, Vec<String>) {
    let reg = Registry::embedded();
    let m = rank_error(&reg, ev, e, &Filter(&[]))
        .into_iter()
        .find(|m| m.entry.qualified() == qualified)
        .unwrap_or_else(|| panic!("{qualified} not ranked"));
    (m.score, m.why)
}

#[test]
fn a_line_says_failure_by_a_word_or_a_part_of_a_camel_case_name() {
    use super::response::says_failure;
    for (line, failed) in [
        ("ERROR upload stopped", true),
        ("upload failed", true),
        (
            "TypeError: NetworkError when attempting to fetch resource.",
            true,
        ),
        ("System.Net.Http.HttpRequestException: boom", true),
        ("ApiTimeout after 30 s", true),
        ("terrorism and mirrors", false),
        ("INFO worker 3 processed batch of 200 items", false),
        ("Interrupted by the user", false),
        ("KERROR", false),
    ] {
        assert_eq!(says_failure(line), failed, "{line:?}");
    }
}

#[test]
fn words_that_give_a_cause() {
    use super::response::gives_cause;
    for (between, cause) in [
        ("' caused by: ", true),
        (" due to ", true),
        (" (root cause: ", true),
        (" CAUSED BY ", true),
        ("; ", false),
        (" because ", false),
        (" caused byproducts ", false),
        (" overdue to ", false),
    ] {
        assert_eq!(gives_cause(between), cause, "{between:?}");
    }
}

#[test]
fn words_are_lower_case_and_four_letters_or_more() {
    assert_eq!(
        words("Rate limit EXCEEDED: a key, per second"),
        ["rate", "limit", "exceeded", "second"]
    );
    assert!(words("a b c").is_empty());
}

/// Each piece of evidence moves an entry by its documented weight, and says so in `why`.
#[test]
fn evidence_weights_are_pinned() {
    let plain = Evidence::default();
    // How the code met the entry, and exact spelling.
    assert_eq!(
        scored(&plain, &err("10058"), "r2:10058"),
        (150, vec!["JSON body · code 10058".to_string()])
    );
    assert_eq!(scored(&plain, &err("TooManyRequests"), "r2:10058").0, 120);
    assert_eq!(
        scored(&plain, &err("toomanyrequests"), "r2:10058"),
        (70, vec!["JSON body · name toomanyrequests".to_string()])
    );
    assert_eq!(
        scored(&plain, &err("invalid form body"), "discord:50035").1,
        ["JSON body · alias invalid form body"]
    );
    // A three-digit status-like code: HTTP's entry gets the edge, no other.
    assert_eq!(scored(&plain, &err("429"), "http:429").0, 155);
    assert_eq!(scored(&plain, &err("429"), "discord:429").0, 150);
    assert_eq!(scored(&plain, &err("1003"), "cloudflare:1003").0, 150);
    // Only three digits make a status: `+429` parses as 429 but is not written as one.
    assert_eq!(scored(&plain, &err("+429"), "http:429").0, 100);
    // The reader's shape points to a catalog: +40 for it only.
    let hinted = ServerError {
        hints: &["r2"],
        ..err("10012")
    };
    assert_eq!(scored(&plain, &hinted, "r2:10012").0, 190);
    assert_eq!(scored(&plain, &hinted, "discord:10012").0, 150);
    // A headers hint: +20 and its reason.
    let ev = Evidence {
        hints: vec![crate::input::Hint {
            catalog: "discord",
            why: "the text names discord".into(),
        }],
        ..Evidence::default()
    };
    assert_eq!(
        scored(&ev, &err("10012"), "discord:10012"),
        (
            170,
            vec![
                "JSON body · code 10012".to_string(),
                "the text names discord".to_string()
            ]
        )
    );
    assert_eq!(scored(&ev, &err("10012"), "r2:10012").0, 150);
    // A number with its errno's own message is that OS error, and no status the number was
    // taken for; a status of its own, or a number no errno words, stays.
    let worded = |status: Option<u16>| ServerError {
        message: Some("Connection reset by peer".into()),
        status,
        ..err("104")
    };
    let taken = Evidence {
        status: Some(104),
        ..Evidence::default()
    };
    let alone = scored(&taken, &worded(None), "os:ECONNRESET");
    assert!(
        !alone.1.iter().any(|w| w.contains("HTTP 104")),
        "{:?}",
        alone.1
    );
    assert_eq!(
        alone.0,
        weights::ERRNO_WORDED + weights::WORDING_BESIDE_CODE
    );
    // A code many APIs spell alike, from a reader of no catalog's shape, beside a status:
    // what agrees with it, less the catch-all's weight, below the status's own entry.
    let generic = scored(
        &Evidence {
            status: Some(429),
            ..Evidence::default()
        },
        &err("rate_limited"),
        "artifacta:rate_limited",
    );
    assert_eq!(
        generic.0,
        weights::CODE + weights::EXACT + weights::STATUS_AGREES + weights::CATCH_ALL
    );
    // Where the text names its catalog, it is that catalog's code; a text naming another
    // catalog says nothing of it.
    let named_429 = |catalog: &'static str| Evidence {
        status: Some(429),
        hints: vec![crate::input::Hint {
            catalog,
            why: format!("the text names {catalog}"),
        }],
        ..Evidence::default()
    };
    assert_eq!(
        scored(
            &named_429("artifacta"),
            &err("rate_limited"),
            "artifacta:rate_limited"
        )
        .0,
        weights::CODE + weights::EXACT + weights::STATUS_AGREES + weights::HINT
    );
    assert_eq!(
        scored(
            &named_429("discord"),
            &err("rate_limited"),
            "artifacta:rate_limited"
        )
        .0,
        generic.0
    );
    // (With a status of its own, that status's entry stays a candidate.)
    let answered = scored(&taken, &worded(Some(503)), "http:503");
    assert!(
        answered.1.iter().any(|w| w.starts_with("HTTP 503")),
        "{:?}",
        answered.1
    );
    let unworded = ServerError {
        message: Some("upload failed".into()),
        ..err("503")
    };
    let at503 = Evidence {
        status: Some(503),
        ..Evidence::default()
    };
    assert!(scored(&at503, &unworded, "http:503")
        .1
        .contains(&"HTTP 503".to_string()));
    // Hints count up to MAX_HINTS each, however many there are; their reasons all show.
    let many = Evidence {
        hints: (0..4)
            .map(|n| crate::input::Hint {
                catalog: "discord",
                why: format!("hint {n}"),
            })
            .collect(),
        ..Evidence::default()
    };
    let (score, why) = scored(&many, &err("10012"), "discord:10012");
    assert_eq!(score, 150 + 2 * weights::HINT);
    assert_eq!(why.len(), 5, "{why:?}");
    // Status agreement +15 (with its reason), disagreement -30, none 0; the error's own
    // status counts before the response's.
    let at = |st: u16| Evidence {
        status: Some(st),
        ..Evidence::default()
    };
    assert_eq!(
        scored(&at(429), &err("10058"), "r2:10058"),
        (
            165,
            vec!["JSON body · code 10058".to_string(), "HTTP 429".to_string()]
        )
    );
    assert_eq!(scored(&at(404), &err("10058"), "r2:10058").0, 120);
    let own = ServerError {
        status: Some(429),
        ..err("10058")
    };
    assert_eq!(scored(&at(404), &own, "r2:10058").0, 165);
    // An entry with no status is neither.
    let curl = ServerError {
        hints: &["curl"],
        ..err("6")
    };
    assert_eq!(scored(&at(404), &curl, "curl:6").0, 190);
    // A catalog of the caller's side (curl's exit codes, OS errors) in an answer that does
    // not point to it: -120.
    assert_eq!(scored(&at(404), &err("100"), "curl:100").0, 30);
    // One or two digits from a reader that knows no catalog's shape, in a text that names
    // none: no entry's code (any program's exit status reads so); named, they are.
    let reg = Registry::embedded();
    for code in ["6", "1", "22"] {
        assert!(
            rank_error(&reg, &plain, &err(code), &Filter(&[])).is_empty(),
            "{code}"
        );
    }
    assert_eq!(scored(&plain, &err("100"), "curl:100").0, 150);
    let named = Evidence {
        hints: vec![crate::input::Hint {
            catalog: "curl",
            why: "the text names curl".into(),
        }],
        ..Evidence::default()
    };
    assert_eq!(scored(&named, &err("6"), "curl:6").0, 170);
    // An API's error is never an edge page's: -60 for the edge entry, only from an API shape.
    let api = ServerError {
        shape: "Cloudflare API envelope",
        ..err("1003")
    };
    let edge = reg_entry("cloudflare", "1003", Some("edge"));
    let zone = reg_entry("cloudflare", "1003", Some("api"));
    let of = |e: &ServerError, want: &'static Entry| {
        let reg = Registry::embedded();
        rank_error(&reg, &plain, e, &Filter(&[]))
            .into_iter()
            .find(|m| std::ptr::eq(m.entry, want))
            .map(|m| m.score)
    };
    assert_eq!(of(&api, edge), Some(90));
    assert_eq!(of(&api, zone), Some(150));
    assert_eq!(of(&err("1003"), edge), Some(150));
    // A catch-all code beside a status: what agrees with it, less the catch-all's weight.
    let general = ServerError {
        hints: &["discord"],
        ..err("0")
    };
    assert_eq!(
        scored(&at(400), &general, "discord:0").0,
        weights::CODE + weights::EXACT + weights::SHAPE_POINTS + weights::CATCH_ALL
    );
    // The status's own entries: HTTP's, and +10 for the entry of a catalog the error's shape
    // (or the response) points to.
    let unknown = ServerError {
        hints: &["discord"],
        ..err("NoEntryHasThisCode")
    };
    assert_eq!(
        scored(&at(429), &unknown, "http:429").0,
        weights::STATUS_ENTRY
    );
    assert_eq!(
        scored(&at(429), &unknown, "discord:429").0,
        weights::STATUS_ENTRY + weights::STATUS_IN_CATALOG
    );
    // A client's own meaning of a code, where the text names the client: a little above the
    // code's own entry.
    let axios = rank_error_in(
        &reg,
        &plain,
        &err("ECONNABORTED"),
        &Filter(&[]),
        "AxiosError: timeout of 8000ms exceeded at axios.cjs",
    );
    let score_of = |q: &str| {
        axios
            .iter()
            .find(|m| m.entry.qualified() == q)
            .map(|m| m.score)
    };
    assert_eq!(
        score_of("curl:28"),
        score_of("os:ECONNABORTED").map(|s| s + weights::CLIENT_MEANING)
    );
    // Words shared with the official message: +4 each, at most +20.
    let said = |m: &str| ServerError {
        message: Some(m.to_string()),
        ..err("10058")
    };
    assert_eq!(scored(&plain, &said("rate limit"), "r2:10058").0, 158);
    assert_eq!(
        scored(&plain, &said("nothing alike here"), "r2:10058").0,
        150
    );
    assert_eq!(
        scored(
            &plain,
            &said("Rate limit exceeded. Often caused by multiple concurrent requests"),
            "r2:10058"
        )
        .0,
        170
    );
}

fn reg_entry(catalog: &str, code: &str, product: Option<&str>) -> &'static Entry {
    crate::catalog::Registry::embedded()
        .entries()
        .find(|e| e.catalog == catalog && e.code == code && e.product == product)
        .unwrap_or_else(|| panic!("{catalog}:{code} {product:?}"))
}

#[test]
fn a_forgiven_spelling_ranks_by_how_it_matched() {
    // `nosuchkey` is S3's code and R2's name: the code wins though R2 comes first.
    assert_eq!(
        first_of_query("nosuchkey")[..2],
        ["s3:NoSuchKey", "r2:10007"]
    );
    assert_eq!(first_of_query("no-such-key")[0], "s3:NoSuchKey");
    let reg = Registry::embedded();
    let Arg::Query(q) = classify("nosuchkey", &reg) else {
        panic!()
    };
    let r = query(&reg, &q, &Filter(&[])).expect("found");
    let why: Vec<&str> = r.findings[0]
        .matches
        .iter()
        .map(|m| m.why[0].as_str())
        .collect();
    assert_eq!(why[..2], ["code nosuchkey", "name nosuchkey"]);
}

#[test]
fn a_status_query_puts_http_first_by_a_small_margin() {
    let reg = Registry::embedded();
    let Arg::Query(q) = classify("429", &reg) else {
        panic!()
    };
    let r = query(&reg, &q, &Filter(&[])).expect("found");
    let scores: Vec<(String, i32)> = r.findings[0]
        .matches
        .iter()
        .map(|m| (m.entry.qualified(), m.score))
        .collect();
    assert_eq!(
        scores[..2],
        [("http:429".into(), 155), ("discord:429".into(), 150)]
    );
}

#[test]
fn related_entries_only_for_a_status_across_catalogs() {
    let reg = Registry::embedded();
    let related = |raw: &str| {
        let Arg::Query(q) = classify(raw, &reg) else {
            panic!("{raw}")
        };
        query(&reg, &q, &Filter(&[])).expect(raw).related.len()
    };
    assert!(related("429") > 3);
    assert!(related("http:429") > 3);
    assert_eq!(related("discord:429"), 0);
    assert_eq!(related("10058"), 0);
}

/// A response whose evidence is `ev` (the text is only for message patterns).
fn respond(ev: Evidence, only: &[String]) -> Report {
    let reg = Registry::embedded();
    response(&reg, "test", "", ev, &Filter(only))
}

fn tops(r: &Report) -> Vec<String> {
    r.findings
        .iter()
        .map(|f| {
            f.matches
                .first()
                .map_or("-".into(), |m| m.entry.qualified())
        })
        .collect()
}

#[test]
fn an_error_body_under_a_success_status_is_still_an_error() {
    let ev = |code: &str| Evidence {
        status: Some(200),
        errors: vec![err(code)],
        ..Evidence::default()
    };
    // No entry knows the code: a client error, not success (the status's entry explains).
    let r = respond(ev("NoEntryHasThisCode"), &[]);
    assert_eq!(
        (tops(&r), r.class),
        (vec!["http:200".to_string()], Class::Client)
    );
    assert!(r.findings[0].server.is_some());
    // An entry that knows it and is a success stays one.
    let r = respond(ev("exit-0"), &[]);
    assert_eq!(r.class, Class::Success);
}

#[test]
fn weak_evidence_no_catalog_knows_says_nothing() {
    let ev = |weak: bool| Evidence {
        status: Some(500),
        errors: vec![ServerError {
            weak,
            ..err("NoEntryHasThisCode")
        }],
        ..Evidence::default()
    };
    // Weak and unknown: dropped; the status explains.
    assert_eq!(tops(&respond(ev(true), &[])), ["http:500"]);
    // Strong and unknown: kept, and the status explains it.
    let r = respond(ev(false), &[]);
    assert_eq!(r.findings.len(), 1);
    assert!(r.findings[0].server.is_some());
    assert_eq!(tops(&r), ["http:500"]);
}

/// A candidate only the status supports is shown when it outranks the best supported one,
/// not when it ties (curl's 6, named, in an answer: 100 + 50 - 120 + 20, HTTP 404's 50).
#[test]
fn a_status_entry_tied_with_the_best_supported_one_is_left_out() {
    let ev = |st: u16| Evidence {
        status: Some(st),
        hints: vec![crate::input::Hint {
            catalog: "curl",
            why: "the text names curl".into(),
        }],
        errors: vec![err("6")],
        ..Evidence::default()
    };
    let r = respond(ev(404), &[]);
    let all: Vec<(String, i32)> = r.findings[0]
        .matches
        .iter()
        .map(|m| (m.entry.qualified(), m.score))
        .collect();
    assert_eq!(all, [("curl:6".to_string(), weights::STATUS_ENTRY)]);
}

/// A catch-all first (its status's entries left out by `-c`) takes the class of its status.
#[test]
fn a_catch_all_takes_its_statuss_class() {
    let ev = Evidence {
        status: Some(500),
        errors: vec![ServerError {
            hints: &["discord"],
            ..err("0")
        }],
        ..Evidence::default()
    };
    let r = respond(ev, &["discord".to_string()]);
    assert_eq!(
        (tops(&r), r.class),
        (vec!["discord:0".to_string()], Class::Server)
    );
}

/// An OS error names the curl code of the same failure: it comes second, just below, unless
/// `-c` leaves curl out. A worded errno's entry too is left out by `-c`.
#[test]
fn the_same_failure_comes_second_unless_filtered_out() {
    let reg = Registry::embedded();
    let text = "Error: read ECONNRESET";
    let of = |only: &[String]| -> Vec<(String, i32, Vec<String>)> {
        response(&reg, "test", text, analyze(text), &Filter(only)).findings[0]
            .matches
            .iter()
            .map(|m| (m.entry.qualified(), m.score, m.why.clone()))
            .collect()
    };
    let all = of(&[]);
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[0].0, "os:ECONNRESET");
    assert_eq!(
        all[1],
        (
            "curl:56".to_string(),
            all[0].1 - 1,
            vec!["the same failure as os:ECONNRESET".to_string()]
        )
    );
    let os = of(&["os".to_string()]);
    assert_eq!(
        os.iter().map(|m| m.0.as_str()).collect::<Vec<_>>(),
        ["os:ECONNRESET"]
    );
    let worded = ServerError {
        message: Some("Connection reset by peer".into()),
        ..err("104")
    };
    let only_http = ["http".to_string()];
    assert!(rank_error(&reg, &Evidence::default(), &worded, &Filter(&only_http)).is_empty());
}

#[test]
fn the_status_entry_comes_from_the_catalog_the_evidence_names() {
    let at = |hints: Vec<crate::input::Hint>, errors: Vec<ServerError>| Evidence {
        status: Some(429),
        hints,
        errors,
        ..Evidence::default()
    };
    assert_eq!(tops(&respond(at(vec![], vec![]), &[])), ["http:429"]);
    let named = crate::input::Hint {
        catalog: "discord",
        why: "x".into(),
    };
    assert_eq!(
        tops(&respond(at(vec![named], vec![]), &[])),
        ["discord:429"]
    );
    let shaped = ServerError {
        hints: &["discord"],
        ..err("NoEntryHasThisCode")
    };
    assert_eq!(
        tops(&respond(at(vec![], vec![shaped]), &[])),
        ["discord:429"]
    );
    // Limited to a catalog that the evidence does not name: that catalog's status entry, as if
    // the evidence named it, and none from elsewhere.
    let only = ["discord".to_string()];
    assert_eq!(tops(&respond(at(vec![], vec![]), &only)), ["discord:429"]);
    // Limited to a catalog without the status: no entry, and the status still classes it.
    let only = ["s3".to_string()];
    let r = respond(at(vec![], vec![]), &only);
    assert_eq!(tops(&r), ["-"]);
    assert_eq!(r.class, Class::Client);
}

#[test]
fn what_a_body_says_counts_unless_the_status_says_success() {
    for (status, first, listed) in [
        (200, false, false),
        (302, false, false),
        (403, true, true),
        (400, false, true),
        (500, false, true),
    ] {
        let text = format!("HTTP/1.1 {status} X\r\n\r\nDiscordAPIError: Missing Permissions\n");
        let reg = Registry::embedded();
        let r = response(&reg, "t", &text, analyze(&text), &Filter(&[]));
        let matches: Vec<String> = r
            .findings
            .iter()
            .flat_map(|f| f.matches.iter().map(|m| m.entry.qualified()))
            .collect();
        assert_eq!(
            matches.first().map(String::as_str) == Some("discord:50013"),
            first,
            "{status}: {matches:?}"
        );
        assert_eq!(
            matches.iter().any(|m| m == "discord:50013"),
            listed,
            "{status}: {matches:?}"
        );
    }
}

#[test]
fn numbers_in_free_text_are_weak_and_say_how_they_were_found() {
    let reg = Registry::embedded();
    let read = |text: &str| {
        let mut ev = Evidence::default();
        vocab::scan(&reg, text, &mut ev);
        ev.errors
    };
    // A number with its own message: the number's catalog is hinted.
    let errs = read("request failed: 50013: Missing Permissions");
    let e = &errs[0];
    assert_eq!(e.code.as_deref(), Some("50013"));
    assert_eq!(e.message.as_deref(), Some("50013"));
    assert!(e.weak);
    assert_eq!(e.hints, ["discord"]);
    assert!(!e.shape.is_empty());
    let context = e.context.as_deref().unwrap_or("");
    assert_eq!(context, format!("{}: \"50013\"", e.shape));
    // Words are the phrasebook's: this grammar reads numbers only.
    assert!(read("upload failed with NoSuchBucket").is_empty());
}

/// What the vocabulary layer alone finds in `text` (with `ev` as the other layers left it):
/// each error's code and how it was found, and the status it set.
fn vocab_of(text: &str, mut ev: Evidence) -> (Vec<(String, &'static str)>, Option<u16>) {
    let reg = Registry::embedded();
    let before = ev.errors.len();
    vocab::scan(&reg, text, &mut ev);
    let found = ev.errors[before..]
        .iter()
        .map(|e| (e.code.clone().unwrap_or_default(), e.shape))
        .collect();
    (found, ev.status)
}

#[test]
fn numbers_table() {
    const LABEL: &str = "labelled code in the text";
    const WITH_MESSAGE: &str = "code and its official message in the text";
    let table: &[(&str, &[(&str, &str)])] = &[
        // Numbers: labelled, fused to a capitalised label, or followed by their own message.
        ("edge said: error code 1020", &[("1020", LABEL)]),
        ("Error: 9109: bad token", &[("9109", LABEL)]),
        ("CloudflareCode1020 blocked", &[("1020", LABEL)]),
        (
            "request failed: 50013: Missing Permissions",
            &[("50013", WITH_MESSAGE)],
        ),
        // A symbolic name speaks for a number of its catalog.
        ("upload failed, code 10058", &[("TooManyRequests", LABEL)]),
        // A WebSocket's application close code; its message in brackets after it.
        ("Shard ID 3 WebSocket closed with 4009", &[("4009", LABEL)]),
        ("WebSocket closed with 1006", &[]),
        (
            "Got disconnected from WebSocket (Code 1006). Appending to reconnect queue",
            &[],
        ),
        ("request blocked (code 1006)", &[("1006", LABEL)]),
        // Python's OSError takes its errno first: no catalog's code.
        ("connection broken by 'ConnectionResetError(10054, 'An existing connection was forcibly closed', None, 10054, None)'", &[]),
        // A page as text: the label alone on the line above the number alone.
        (
            "Access denied\n          Error\n          1020\n          Ray ID: 9d2a",
            &[("1020", LABEL)],
        ),
        ("it failed with error\n1020 items were read", &[]),
        ("Error\nsee 1020 here", &[]),
        (
            "received Discord status code 10011 (Unknown Role)",
            &[("10011", WITH_MESSAGE)],
        ),
        (
            "Cannot send messages in a non-text channel (50008) POST /x",
            &[("50008", WITH_MESSAGE)],
        ),
        ("processed rows (50008)", &[]),
        // Not a label: inside another word; no label at all; too few or too many digits;
        // letters fused after.
        ("barcode 1020 scanned", &[]),
        ("encode 1020", &[]),
        ("processed 10058 rows", &[]),
        ("error 12 and error 1234567", &[]),
        ("error 1020abc", &[]),
        // A process's exit status is no catalog's code.
        ("did not complete successfully: exit code: 101", &[]),
        ("Process exited with code 1020", &[]),
    ];
    for (text, want) in table {
        let (got, _) = vocab_of(text, Evidence::default());
        let got: Vec<(&str, &str)> = got.iter().map(|(c, h)| (c.as_str(), *h)).collect();
        assert_eq!(got, *want, "{text}");
    }
    // Unless the text names the catalog it is one of.
    let mut ev = Evidence::default();
    ev.hint("cloudflare", "cloudflared");
    assert_eq!(
        vocab_of("Process exited with code 1020", ev).0,
        [("1020".to_string(), LABEL)]
    );
    // A labelled status is the status, not an error.
    assert_eq!(
        vocab_of("error code 404", Evidence::default()),
        (vec![], Some(404))
    );
}

/// Codes, names and official messages in free text, and the near misses that name nothing.
#[test]
fn phrasings_in_free_text_table() {
    let table: &[(&str, &[&str])] = &[
        // Symbols: codes and names as code prints them, found whole.
        ("got NoSuchKey back", &["s3:NoSuchKey"]),
        ("then SlowDown", &["s3:SlowDown"]),
        ("curl said CURLE_COULDNT_RESOLVE_HOST", &["curl:6"]),
        ("got nosuchkey back", &["s3:NoSuchKey"]),
        ("got NoSuchKeys back", &[]),
        ("got XNoSuchKey back", &[]),
        // Official messages, standing as messages (after a colon, a level, a quote), not as
        // words inside a sentence.
        ("ERROR The specified key does not exist.", &["s3:NoSuchKey"]),
        ("bot: Missing Permissions.", &["discord:50013"]),
        (
            "error: Maximum number of guilds reached (100)",
            &["discord:30001"],
        ),
        // Right after a status, the words are its message: the status and the message
        // choose the entry together.
        ("ERROR upload 403 Missing Permissions", &["discord:50013"]),
        (
            "upload failed: status=404 The specified key does not exist.",
            &["s3:NoSuchKey"],
        ),
        // A number that is no status, or a status inside a sentence, sets nothing off.
        ("we had 4031 Missing Permissions today", &[]),
        ("we had 999 Missing Permissions today", &[]),
        ("the 403 we saw was Missing Permissions today", &[]),
        // After a bracketed prefix, before details in brackets, after the entry's own code,
        // on the line of the status it is the message of.
        ("[ERROR : main @ 2025-02-02 19:51:37.402] Cannot send an empty message", &["discord:50006"]),
        ("Error sending poll: Invalid Form Body (components.0.label: Must be 80 or fewer in length.)", &["discord:50035"]),
        ("10045\tInvalid redirect source URL", &["cloudflare:10045"]),
        ("10046\tInvalid redirect source URL", &[]),
        ("REST request returned an error: 403 Forbidden  Missing Permissions null", &["discord:50013"]),
        ("REST request returned an error: 403 Forbidden  Unknown Channel null", &["http:403"]),
        // A name joined by `_` to a longer identifier is part of that one.
        ("=== RUN   TestClassify/ECONNRESET_is_retryable", &[]),
        ("read tcp 10.0.0.1:443: read: connection reset (ECONNRESET)", &["os:ECONNRESET"]),
        // Words in a web address name a page, not an error.
        ("see https://github.com/acme/edge/wiki/502-Bad-Gateway for help", &[]),
        ("got 502 Bad Gateway from https://github.com/acme/edge", &["http:502"]),
        // A line of source a traceback shows names code, not the error.
        (
            "Traceback (most recent call last):\n  File \"/x/connection.py\", line 204, in _new_conn\n    except socket.gaierror as e:\nTimeoutError: timed out",
            &["curl:28"],
        ),
        (
            "Traceback (most recent call last):\n    203 try:\n--> 204     sock = connection.create_connection()\n    205 except socket.gaierror as e:\nTimeoutError: timed out",
            &["curl:28"],
        ),
        (
            // (glibc's message after the exception's class says which failure to resolve.)
            "Traceback (most recent call last):\n  File \"/x/connection.py\", line 204, in _new_conn\n    sock = create()\nsocket.gaierror: [Errno -2] Name or service not known",
            &["os:EAI_NONAME"],
        ),
        // (Without a traceback, an indented numbered line is what it says.)
        ("job 7:\n    204 socket.gaierror raised", &["curl:6"]),
        // A field's key names the field, not an error.
        ("tick rate_limited=false queue=3", &[]),
        ("x: Read timed out. (read timeout=30)", &["curl:28"]),
        ("{\"stats\": {\"rate_limited\": false}, \"note\": \"tick\"}", &[]),
        // Words in a sentence are no message: nothing.
        ("we are Missing Permissions today", &[]),
        // Beside another error, words in a sentence add nothing.
        (
            "curl: (6) Could not resolve host: x\nwe are Missing Permissions today",
            &["curl:6"],
        ),
        // A name in common words explains a short text that holds nothing else, not a long
        // one; common words in prose explain nothing.
        ("job 7: InternalError", &["s3:InternalError"]),
        ("1\n2\n3\n4\n5\njob 7: InternalError", &[]),
        ("the request was unauthorized", &[]),
        // Weak wordings of network failures on several failed lines: the last one named.
        (
            "error: Could not resolve package dependencies:\n  failed downloading 'x.zip': downloadError(\"The request timed out.\")",
            &["curl:28"],
        ),
        (
            "failed downloading 'x.zip': downloadError(\"The request timed out.\")\nerror: Could not resolve package dependencies:\nfailed downloading 'y.zip': downloadError(\"The request timed out.\")",
            &["curl:28"],
        ),
        // Many different errors named once each: a list of them, not an error.
        (
            "retry on: ECONNRESET, ETIMEDOUT, EAI_AGAIN, ECONNREFUSED, EHOSTUNREACH",
            &[],
        ),
    ];
    for (text, want) in table {
        let (got, _) = top(text);
        assert_eq!(got, *want, "{text}");
    }
}

#[test]
fn vocabulary_respects_what_the_shape_points_to_and_its_limit() {
    // A recognised shape that points to Discord: Cloudflare's words do not count; a vendor's
    // name or a weak error points nowhere.
    let shaped = |hints: &'static [&'static str], weak: bool| Evidence {
        errors: vec![ServerError {
            hints,
            weak,
            ..err("x")
        }],
        ..Evidence::default()
    };
    assert!(vocab_of("error code 1020", shaped(&["discord"], false))
        .0
        .is_empty());
    assert_eq!(
        vocab_of("error code 1020", shaped(&["discord"], true))
            .0
            .len(),
        1
    );
    assert_eq!(
        vocab_of("error code 1020", shaped(&["cloudflare"], false))
            .0
            .len(),
        1
    );
    let named = Evidence {
        hints: vec![crate::input::Hint {
            catalog: "discord",
            why: format!("{}discord", crate::input::VENDOR_HINT),
        }],
        ..Evidence::default()
    };
    assert_eq!(vocab_of("error code 1020", named).0.len(), 1);
    let headers = Evidence {
        hints: vec![crate::input::Hint {
            catalog: "discord",
            why: "a Discord header".into(),
        }],
        ..Evidence::default()
    };
    assert!(vocab_of("error code 1020", headers).0.is_empty());
    // At most 16 findings, however many there are.
    let many: String = [
        "1020", "1015", "1012", "1006", "1009", "1010", "1011", "1013", "1014",
    ]
    .iter()
    .chain(
        [
            "1016", "1018", "1019", "1023", "1025", "1033", "1034", "1035", "1036",
        ]
        .iter(),
    )
    .map(|c| format!("error code {c}\n"))
    .collect();
    let (found, _) = vocab_of(&many, Evidence::default());
    assert_eq!(found.len(), 16, "{found:?}");
    // At most 200 numbers are looked up; a number with neither a label nor words after it is
    // not looked up at all.
    let numbers = |n: usize| (0..n).map(|_| "code 77777, ").collect::<String>() + "error code 1020";
    let bare = (0..1000).map(|_| "100 ").collect::<String>() + "error code 1020";
    assert_eq!(vocab_of(&bare, Evidence::default()).0.len(), 1);
    assert_eq!(vocab_of(&numbers(199), Evidence::default()).0.len(), 1);
    assert!(vocab_of(&numbers(200), Evidence::default()).0.is_empty());
}

#[test]
fn user_entries_are_found_by_their_symbols_and_messages() {
    let mut reg = Registry::embedded();
    let entry = |c: &str, m: &str| {
        format!(
            "[[entry]]\ncode = \"{c}\"\nname = \"{c}\"\nclass = \"server\"\nretry = \"no\"\n\
             message = \"{m}\"\nmeaning = \"m\"\ncause = \"c\"\nfix = \"f\"\n"
        )
    };
    reg.add_user_text(
        "mine.toml",
        &(format!(
            "[catalog]\nid = \"mine\"\nname = \"M\"\nsource = \"s\"\n{}{}{}{}{}",
            entry("FooBarBaz2", "The flux capacitor overheated"),
            entry("UPPER_SNAKE_2", "x"),
            entry("fooBarBaz1", "x"),
            entry("ALLCAPSCODE", "x"),
            entry("Mixed_Code_Name", "x"),
        ) + "[[phrases]]\ncatalog = \"mine\"\nclient = \"acme sdk\"\nsource = \"https://acme.example/sdk\"\nkind = \"name\"\nphrases = [[\"FooBarBaz2\", \"AcmeFluxError\"], [\"NoSuchCode\", \"AcmeOther\"]]\n"),
    );
    assert_eq!(
        reg.warnings,
        ["a user phrasing of mine:NoSuchCode names no entry; ignored"]
    );
    let found = |text: &str| {
        response(&reg, "t", text, analyze(text), &Filter(&[]))
            .findings
            .first()
            .and_then(|f| f.matches.first())
            .map(|m| m.entry.qualified())
    };
    // Shaped like a code: camel case from a capital, or upper snake case; nothing else.
    for (token, want) in [
        ("FooBarBaz2", Some("mine:FooBarBaz2")),
        ("UPPER_SNAKE_2", Some("mine:UPPER_SNAKE_2")),
        ("fooBarBaz1", None),
        ("ALLCAPSCODE", None),
        ("Mixed_Code_Name", None),
    ] {
        assert_eq!(
            found(&format!("failed: {token}")).as_deref(),
            want,
            "{token}"
        );
    }
    // Its official message, and the phrasings its file gives.
    assert_eq!(
        found("job 7: The flux capacitor overheated").as_deref(),
        Some("mine:FooBarBaz2")
    );
    assert_eq!(
        found("raised AcmeFluxError").as_deref(),
        Some("mine:FooBarBaz2")
    );
}

#[test]
fn an_entrys_own_message_is_strong_when_long_rare_and_of_several_words() {
    let entry = crate::catalog::embedded_entry(0);
    for (m, want) in [
        ("Missing Permissions", true),
        ("Missing Permissions.", true),
        ("Unknown Channel", true),
        ("Not Found", false),
        ("Internal Server Error", false),
        ("Permissions", false),
        ("Too short x", false),
        ("Verylongword Verylongword Verylongword Verylongword Verylongword Verylongword Verylongword Verylongword Verylongword Verylongword", false),
    ] {
        let own = crate::catalog::phrases::Phrase {
            entry,
            text: m,
            name: false,
            weak: false,
            client: None,
            code: false,
        };
        assert_eq!(own.strong(), want, "{m}");
    }
    // The reason phrase of the entry's own status is told apart: where the status was read
    // it only supports.
    let of_504 = reg_entry("discord", "504", Some("http"));
    for (m, want) in [
        ("GATEWAY TIMEOUT", true),
        ("Gateway Timeout.", true),
        ("Gateway down", false),
    ] {
        let own = crate::catalog::phrases::Phrase {
            entry: of_504,
            text: m,
            name: false,
            weak: false,
            client: None,
            code: false,
        };
        assert_eq!(own.is_own_status_reason(), want, "{m}");
    }
}

#[test]
fn every_layer_contributes_and_each_error_is_explained_once() {
    // A known structured error and a number with its message elsewhere: both are errors.
    let (tops, _) = top("level=error code=10058\nlater: 50013: Missing Permissions");
    assert_eq!(tops, ["r2:10058", "discord:50013"]);
    // An unknown structured code: what the rest of the text knows comes first.
    let (tops, _) = top("level=error code=NoEntryHasThis\nlater: 50013: Missing Permissions");
    assert_eq!(tops[0], "discord:50013", "{tops:?}");
    // One error written as a code, a name and its message is one finding.
    let (tops, _) = top("code=10058 name=TooManyRequests\nTooManyRequests: Rate limit exceeded");
    assert_eq!(tops, ["r2:10058"]);
}

/// A catch-all code yields to the status it came with, wherever the status was read; a code
/// that means no error yields to the failure beside it; a number read from inside a phrasing
/// that names another error is that phrasing's.
#[test]
fn codes_that_say_little_yield() {
    let rows = [
        (
            "notify: POST failed, body={\"message\": \"500: Internal Server Error\", \"code\": 0}\n\
             requests.exceptions.HTTPError: 500 Server Error: Internal Server Error for url: \
             https://discord.com/api/webhooks/1/x",
            "http:500",
            Class::Server,
        ),
        (
            "HTTP/1.1 401 Unauthorized\n\n{\"message\": \"401: Unauthorized\", \"code\": 0}",
            "discord:401",
            Class::Client,
        ),
        (
            "LogHttp: Warning: request failed, libcurl error: 6 (Couldn't resolve host name)\n\
             LogTelemetry: Error: Upload failed, code 0",
            "curl:6",
            Class::Network,
        ),
        (
            "npm error code 1\nnpm error path /srv/web/node_modules/esbuild\n\
             npm error Error: getaddrinfo EAI_AGAIN registry.npmjs.org",
            "os:EAI_AGAIN",
            Class::Network,
        ),
        (
            "[88:1203/101112.338:ERROR:ssl_client_socket_impl.cc(882)] handshake failed; \
             returned -1, SSL error code 1, net_error -202\n\
             Failed to load https://app.example.net/: ERR_CERT_AUTHORITY_INVALID",
            "curl:60",
            Class::Network,
        ),
        (
            "Task failed: Error Domain=kCFErrorDomainCFNetwork Code=1 \"(null)\"",
            "os:EAI_NONAME",
            Class::Network,
        ),
    ];
    for (text, want, class) in rows {
        let (tops, got) = top(text);
        assert_eq!((tops[0].as_str(), got), (want, class), "{text}");
    }
}

/// Where the status was read, an entry's own message that is only its status's reason phrase
/// says nothing of the catalog: the status's entry answers. Where no status was read, the
/// reason phrase of the catalog the text names still counts.
#[test]
fn a_status_reason_phrase_restates_the_status() {
    for (text, want) in [
        (
            "System.Net.Http.HttpRequestException: Response status code does not indicate \
             success: 504 (Gateway Timeout).",
            "http:504",
        ),
        (
            "RateLimitError: Too Many Requests\n    at SequentialHandler.onRateLimit \
             (/srv/bot/node_modules/@discordjs/rest/dist/index.js:1091:13) {\n  \
             url: 'https://discord.com/api/v10/channels/1/messages',\n  retryAfter: 1200\n}",
            "discord:429",
        ),
    ] {
        let (tops, _) = top(text);
        assert_eq!(
            tops.first().map(String::as_str),
            Some(want),
            "{text}: {tops:?}"
        );
    }
}

/// The best match of the first finding of a text: its entry, score and reasons.
fn best_scored(text: &str) -> (String, i32, Vec<String>) {
    let reg = Registry::embedded();
    let r = response(&reg, "test", text, analyze(text), &Filter(&[]));
    let m = r
        .findings
        .first()
        .and_then(|f| f.matches.first())
        .unwrap_or_else(|| panic!("{text:?}: nothing found"));
    (m.entry.qualified(), m.score, m.why.clone())
}

#[test]
fn further_pieces_of_text_add_a_little_each() {
    // One piece: a client's wording. The same piece again adds nothing.
    let one = best_scored("boom: Connection refused");
    assert_eq!(
        (one.0.as_str(), one.1),
        ("os:ECONNREFUSED", weights::PHRASE)
    );
    assert_eq!(
        best_scored("boom: Connection refused, again: Connection refused").1,
        weights::PHRASE
    );
    // A second piece (the errno's name, as code prints it): the best piece, and a little.
    let two = best_scored("boom: Connection refused (ECONNREFUSED)");
    let best = weights::PHRASE + weights::CODE_IN_TEXT;
    assert_eq!(two.1, best + weights::PHRASE_MORE);
    assert_eq!(two.2.len(), 2, "{:?}", two.2);
    // A third: a little more, up to the cap.
    let three = best_scored("x: No route to host; y: EHOSTUNREACH; z: Host is unreachable");
    assert_eq!(three.0, "os:EHOSTUNREACH");
    assert_eq!(
        three.1,
        best + (2 * weights::PHRASE_MORE).min(weights::PHRASE_MORE_MAX)
    );
    assert_eq!(three.2.len(), 3, "{:?}", three.2);
    // The same errno number twice on a line: a second piece, and one reason.
    let twice = best_scored("connect failed (errno 113), retry failed (errno 113)");
    assert_eq!(twice.1, weights::ERRNO + weights::PHRASE_MORE);
    assert_eq!(twice.2, ["errno 113"]);
}

#[test]
fn an_errors_message_holds_only_the_phrasings_inside_it() {
    // The error's message is "ab"; the failure named after it is no part of it.
    let text = "{\"code\": \"QX_UNLISTED\", \"message\": \"ab\"} and then: Connection refused";
    let reg = Registry::embedded();
    let r = response(&reg, "test", text, analyze(text), &Filter(&[]));
    let of_error = r
        .findings
        .iter()
        .find(|f| {
            f.server
                .as_ref()
                .is_some_and(|s| s.code.as_deref() == Some("QX_UNLISTED"))
        })
        .expect("the error is reported");
    assert!(
        of_error.matches.is_empty(),
        "{:?}",
        of_error
            .matches
            .iter()
            .map(|m| m.entry.qualified())
            .collect::<Vec<_>>()
    );
    assert!(r.findings.iter().any(|f| f
        .matches
        .first()
        .is_some_and(|m| m.entry.qualified() == "os:ECONNREFUSED")));
}

/// What an error's message says, by what else is known of the error: beside a code, its
/// wording only chooses (the code's own entries gain at most WORDING_BESIDE_CODE, others at
/// most that and a shape's weight); in an answer, a network failure yields to it.
#[test]
fn an_errors_message_is_weighed_by_what_else_is_known() {
    let said = |m: &str, code: Option<&str>| ServerError {
        message: Some(m.into()),
        code: code.map(String::from),
        shape: "JSON body",
        ..ServerError::default()
    };
    let at = |st: u16, from: Option<&'static str>| Evidence {
        status: Some(st),
        status_from: from,
        ..Evidence::default()
    };
    let plain = Evidence::default();
    let answered = |st: u16| at(st, Some("status line"));
    let rows: &[(&Evidence, ServerError, &str, i32)] = &[
        // Beside the code, the entry the code names: capped.
        (
            &plain,
            said("TooManyRequests", Some("10058")),
            "r2:10058",
            weights::CODE + weights::EXACT + weights::WORDING_BESIDE_CODE,
        ),
        // Another entry: an entry's own message, under the cap.
        (
            &plain,
            said("The specified bucket does not exist", Some("10058")),
            "s3:NoSuchBucket",
            weights::OWN_WORDING,
        ),
        // A client's wording, its errno's name and a code of the message: over it.
        (
            &plain,
            said("boom: Connection refused (ECONNREFUSED)", Some("10058")),
            "os:ECONNREFUSED",
            weights::WORDING_BESIDE_CODE + weights::SHAPE_POINTS,
        ),
        // No code: the wording in full; a network failure in an answer, less.
        (
            &at(502, None),
            said("Connection refused", None),
            "os:ECONNREFUSED",
            weights::PHRASE,
        ),
        (
            &answered(502),
            said("Connection refused", None),
            "os:ECONNREFUSED",
            weights::PHRASE + weights::NETWORK_BUT_ANSWERED,
        ),
        // (Not another failure in an answer.)
        (
            &answered(404),
            said("The specified bucket does not exist", None),
            "s3:NoSuchBucket",
            weights::OWN_WORDING + weights::STATUS_AGREES,
        ),
    ];
    for (ev, e, qualified, score) in rows {
        assert_eq!(scored(ev, e, qualified).0, *score, "{e:?} {qualified}");
    }
}

/// A code no catalog has may be a phrasing, with no message beside it (a Windows HRESULT);
/// a client's name for a code gives the client's meaning only where it is the whole code.
#[test]
fn a_code_may_be_a_phrasing_and_a_clients_name_is_the_whole_code() {
    let reg = Registry::embedded();
    let ranked = |code: &str, plain: &str| -> Vec<String> {
        rank_error_in(&reg, &Evidence::default(), &err(code), &Filter(&[]), plain)
            .into_iter()
            .map(|m| m.entry.qualified())
            .collect()
    };
    assert_eq!(ranked("0x80072EE7", ""), ["os:EAI_NONAME"]);
    let axios = "AxiosError: timeout of 8000ms exceeded at axios.cjs";
    assert_eq!(ranked("ECONNABORTED", axios)[0], "curl:28");
    // (Found by its spelling forgiven, the name is only a part of what was written.)
    for code in ["ECONNABORTED.", "-ECONNABORTED"] {
        let got = ranked(code, axios);
        assert_eq!(got, ["os:ECONNABORTED"], "{code}");
    }
    // A client's message that is the whole code is no name of it: musl's "Quota exceeded"
    // gives no meaning to Artifacta's `quota_exceeded`, though the text names musl.
    let got = ranked("quota_exceeded", "musl libc: upload stopped");
    assert!(
        got.contains(&"artifacta:quota_exceeded".to_string()),
        "{got:?}"
    );
    assert!(!got.contains(&"os:EDQUOT".to_string()), "{got:?}");
}

#[test]
fn an_announced_attempt_that_output_follows_without_failure_worked() {
    let table: &[(&str, Class)] = &[
        // curl's retry, then the job's next steps.
        ("curl -fsSL --retry 5 -o p.zip https://example.com/p.zip\nWarning: Problem : timeout. Will retry in 1 second. 5 retries left.\nlibprotoc 25.3\nRun make proto\n", Class::Success),
        // The same retry, then a failure of the next attempt.
        ("Warning: Problem : timeout. Will retry in 1 second. 5 retries left.\ncurl: (28) Operation timed out after 20001 milliseconds\nfetch failed (rc=28)\n", Class::Network),
        // The retry is the last thing shown: how it went is not.
        ("curl: (28) Operation timed out after 20001 milliseconds\nWarning: Problem : timeout. Will retry in 1 second. 5 retries left.\n", Class::Network),
        // One line after it may be the start of its failure.
        ("curl: (28) Operation timed out after 20001 milliseconds\nWarning: Problem : timeout. Will retry in 1 second. 5 retries left.\nmirror check\n", Class::Network),
        // One record at a quiet level after it is the attempt's own.
        ("2025-02-20 18:47:21 WARNING  discord.http We are being rate limited. PATCH https://discord.com/api/v10/channels/1/messages/2 responded with 429. Retrying in 1.12 seconds.\n2025-02-20 18:47:22 INFO     leaderboard edited leaderboard message (12 players)\n", Class::Success),
        // A field's key is no announcement.
        ("HTTP/1.1 429 Too Many Requests\r\n\r\n{\"message\": \"You are being rate limited.\", \"retry_after\": 0.4}\nposting part 2\nposting part 3\n", Class::Client),
    ];
    for (text, want) in table {
        assert_eq!(top(text).1, *want, "{text}");
    }
}
