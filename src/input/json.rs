//! JSON error bodies: Artifacta `{"error":{...}}`, Google `{"error":{"code":403,"status":..}}`,
//! the orchestrator's and PostgREST's flat `{"code","message",...}`, Discord
//! `{"message","code","errors"}` and its 429 body, Cloudflare v4 envelopes with `error_chain`,
//! RFC 9457 problem+json, and other vendors' `code`/`message` pairs. Bodies are found inside
//! log lines and exception text, inside JSON strings, and when broken, read tolerantly.

use super::{Evidence, ServerError};
use serde_json::{Map, Value};

/// At most this many `{` are tried as the start of a JSON document.
const MAX_ATTEMPTS: usize = 64;
/// A JSON document longer than this is not parsed whole (the tolerant reader takes over).
const MAX_DOC: usize = 2 * 1024 * 1024;
/// At most this many documents are read from one input.
const MAX_DOCS: usize = 16;

/// How the tolerant reader labels JSON that does not parse.
const MALFORMED: &str = "JSON (malformed; read tolerantly)";
/// ... and a document that parses, alone or with text around it, whose code and message it
/// found by their names where no known shape holds them.
const VALID_WHOLE: &str = "JSON (code and message found by name)";
const VALID_INSIDE: &str = "JSON inside text";

/// Discord's JSON error codes, but for its catch-all 0, are at least this.
const DISCORD_CODES_FROM: u64 = 10_000;

/// The shape of a flat body of a code and a message: every API's, so the catalog a number
/// in it points to is a guess the message must bear out.
pub const CODE_AND_MESSAGE: &str = "JSON {\"code\", \"message\"}";

pub fn scan(text: &str, ev: &mut Evidence) {
    let count = |ev: &Evidence| ev.errors.len() + usize::from(ev.success_body);
    let before = count(ev);
    let mut label = valid_label(text, &scan_docs(text, ev));
    if count(ev) == before && text.contains("{\\\"") {
        // JSON escaped inside a string of a log line or another document.
        let unescaped = text.replace("\\\"", "\"").replace("\\\\", "\\");
        let docs = scan_docs(&unescaped, ev);
        label = label.or(valid_label(&unescaped, &docs).map(|_| VALID_INSIDE));
    }
    if count(ev) == before && text.contains("{'") {
        python_docs(text, ev);
    }
    if count(ev) == before && text.contains('{') && text.contains("\"code\"") {
        tolerant(text, ev, label.unwrap_or(MALFORMED));
    }
}

/// How the tolerant reader labels what it reads when every `"code"` of `text` stands in a
/// document that parsed (`docs`, their byte ranges): `None` when one does not.
fn valid_label(text: &str, docs: &[std::ops::Range<usize>]) -> Option<&'static str> {
    let mut codes = text.match_indices("\"code\"").map(|(i, _)| i).peekable();
    codes.peek()?;
    if !codes.all(|i| docs.iter().any(|d| d.contains(&i))) {
        return None;
    }
    let whole = docs
        .iter()
        .any(|d| text[..d.start].trim().is_empty() && text[d.end..].trim().is_empty());
    Some(if whole { VALID_WHOLE } else { VALID_INSIDE })
}

/// Reads every JSON document in `text`; returns the byte ranges of the objects that parsed.
fn scan_docs(text: &str, ev: &mut Evidence) -> Vec<std::ops::Range<usize>> {
    let mut parsed = Vec::new();
    let mut i = 0;
    let mut attempts = 0;
    let mut docs = 0;
    while let Some(off) = text[i..].find('{') {
        let start = i + off;
        attempts += 1;
        if attempts > MAX_ATTEMPTS || docs >= MAX_DOCS {
            break;
        }
        // One attempt reads at most MAX_DOC bytes, so 64 attempts cost 64 windows, never 64
        // passes over the whole input.
        let window = crate::sanitize::cut(&text[start..], MAX_DOC);
        let mut it = serde_json::Deserializer::from_str(window).into_iter::<Value>();
        match it.next() {
            Some(Ok(Value::Object(map))) => {
                docs += 1;
                i = start + it.byte_offset().max(1);
                parsed.push(start..i);
                shape(&map, ev);
            }
            _ => i = start + 1,
        }
    }
    parsed
}

/// Reads every dict in Python's notation in `text` (a Python SDK's exception prints the body
/// it got that way: `Error code: 401 - {'success': False, 'errors': [{'code': 10001, ...}]}`)
/// as the JSON it stands for.
fn python_docs(text: &str, ev: &mut Evidence) {
    let mut next = 0;
    let mut docs = 0;
    for (start, _) in text.match_indices("{'").take(MAX_ATTEMPTS) {
        if start < next {
            continue; // a dict inside one already read
        }
        if docs >= MAX_DOCS {
            break;
        }
        let Some((json, len)) = python_dict(&text[start..]) else {
            continue;
        };
        if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(&json) {
            docs += 1;
            next = start + len;
            shape(&map, ev);
        }
    }
}

/// A dict in Python's notation longer than this is not read.
const MAX_PY_DOC: usize = 64 * 1024;

/// The dict in Python's notation that `text` starts with, up to the brace that closes it,
/// rewritten as JSON — strings in either quote become double-quoted, `True`, `False` and
/// `None` become `true`, `false` and `null` — with the length it had; `None` where the braces
/// do not close within [`MAX_PY_DOC`] bytes. What else Python allows (tuples, calls) is copied
/// as it is and fails to parse as JSON.
fn python_dict(text: &str) -> Option<(String, usize)> {
    let b = text.as_bytes();
    if b.first() != Some(&b'{') {
        return None;
    }
    let end = b.len().min(MAX_PY_DOC);
    let mut out: Vec<u8> = Vec::with_capacity(end.min(512));
    let mut depth = 0usize;
    let mut i = 0;
    while i < end {
        let c = b[i];
        match c {
            b'\'' | b'"' => {
                out.push(b'"');
                i += 1;
                loop {
                    if i >= end {
                        return None;
                    }
                    let d = b[i];
                    i += 1;
                    match d {
                        _ if d == c => break,
                        b'\\' => {
                            let e = *b.get(i)?;
                            i += 1;
                            match e {
                                b'\'' => out.push(b'\''),
                                // `\xNN` is JSON's `\u00NN`; the two digits follow as they are.
                                b'x' => out.extend_from_slice(b"\\u00"),
                                _ => out.extend_from_slice(&[b'\\', e]),
                            }
                        }
                        b'"' => out.extend_from_slice(b"\\\""),
                        b'\n' | b'\r' => return None,
                        _ => out.push(d),
                    }
                }
                out.push(b'"');
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.checked_sub(1)?,
            _ if c.is_ascii_alphabetic() => {
                let word_end = b[i..end]
                    .iter()
                    .position(|x| !x.is_ascii_alphanumeric() && *x != b'_')
                    .map_or(end, |n| i + n);
                let word = &b[i..word_end];
                out.extend_from_slice(match word {
                    b"True" => b"true",
                    b"False" => b"false",
                    b"None" => b"null",
                    _ => word,
                });
                i = word_end;
                continue;
            }
            _ => {}
        }
        out.push(c);
        i += 1;
        if depth == 0 {
            return Some((String::from_utf8(out).ok()?, i));
        }
    }
    None
}

fn s(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn status(v: Option<&Value>) -> Option<u16> {
    let n = match v? {
        Value::Number(n) => n.as_u64()?,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    u16::try_from(n).ok().filter(|n| (100..=599).contains(n))
}

/// Whether Discord's nested form errors (`{"content": {"_errors": [...]}}`) are in `o`.
fn nests_discord_errors(o: &Map<String, Value>, depth: usize) -> bool {
    depth < 8
        && o.iter().any(|(k, v)| {
            k == "_errors"
                || matches!(v, Value::Object(inner) if nests_discord_errors(inner, depth + 1))
        })
}

/// Whether a record is a log record at a level that reports no failure: `"level": "INFO"`,
/// or pino's and bunyan's numbers up to 30 (`"level": 30`, info). Its message is what the
/// program logged, not an error.
fn quiet_record(m: &Map<String, Value>) -> bool {
    match get(m, &["level", "severity", "lvl", "log.level"]) {
        Some(Value::String(l)) => crate::lexicon::QUIET_LEVELS
            .iter()
            .any(|q| l.eq_ignore_ascii_case(q)),
        Some(Value::Number(n)) => n.as_u64().is_some_and(|n| (10..=30).contains(&n)),
        _ => false,
    }
}

fn get<'a>(m: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter()
        .find_map(|k| {
            m.get(*k).or_else(|| {
                m.iter()
                    .find(|(mk, _)| mk.eq_ignore_ascii_case(k))
                    .map(|(_, v)| v)
            })
        })
        .filter(|v| !v.is_null())
}

fn shape(m: &Map<String, Value>, ev: &mut Evidence) {
    // Cloudflare API v4 envelope.
    if let (Some(Value::Bool(ok)), Some(Value::Array(errors))) = (m.get("success"), m.get("errors"))
    {
        ev.shape("Cloudflare API v4 envelope");
        ev.hint("cloudflare", "Cloudflare API envelope");
        if *ok && errors.is_empty() {
            ev.success_body = true;
        }
        for e in errors {
            let Some(e) = e.as_object() else { continue };
            let code = s(e.get("code"));
            ev.error(ServerError {
                code: code.clone(),
                message: s(e.get("message")),
                shape: "Cloudflare API v4 envelope",
                hints: &["cloudflare", "r2", "cf-artifacts"],
                ..Default::default()
            });
            if let Some(Value::Array(chain)) = e.get("error_chain") {
                for c in chain.iter().filter_map(Value::as_object) {
                    ev.error(ServerError {
                        code: s(c.get("code")),
                        message: s(c.get("message")),
                        shape: "Cloudflare API v4 error_chain",
                        hints: &["cloudflare"],
                        context: Some(format!(
                            "in error_chain of {}",
                            code.clone().unwrap_or_default()
                        )),
                        ..Default::default()
                    });
                }
            }
        }
        return;
    }
    // {"error": {...}}: Artifacta, Google and many others.
    if let Some(Value::Object(inner)) = m.get("error") {
        let code = get(inner, &["code", "error_code", "type"]);
        let st_word = s(get(inner, &["status"]))
            .filter(|w| status(Some(&Value::String(w.clone()))).is_none());
        let st = status(get(inner, &["status", "http_status", "statusCode"]));
        let message = s(get(inner, &["message", "msg", "detail"]));
        if let Some(secs) =
            get(inner, &["retry_after_seconds", "retry_after"]).and_then(Value::as_f64)
        {
            ev.retry_hint(secs, "retry_after_seconds in the body", false);
        }
        match code {
            Some(Value::Number(n)) => {
                // Google style: the number is the HTTP status, the word in "status" the code.
                let as_status = n
                    .as_u64()
                    .and_then(|n| u16::try_from(n).ok())
                    .filter(|n| (100..=599).contains(n));
                if let Some(st) = as_status {
                    ev.set_status(st, "body");
                }
                ev.shape(&error_shape(inner));
                ev.error(ServerError {
                    code: st_word.or_else(|| {
                        if as_status.is_none() {
                            Some(n.to_string())
                        } else {
                            None
                        }
                    }),
                    message,
                    shape: "JSON error object",
                    status: as_status,
                    ..Default::default()
                });
            }
            _ => {
                ev.shape(&error_shape(inner));
                if let Some(st) = st {
                    ev.set_status(st, "body");
                }
                ev.error(ServerError {
                    code: s(code),
                    message,
                    shape: "JSON error object",
                    hints: &["artifacta"],
                    status: st,
                    ..Default::default()
                });
            }
        }
        return;
    }
    // {"error": "invalid_grant", "error_description": "..."} or {"error": "not found"}.
    if let Some(Value::String(err)) = m.get("error") {
        ev.shape("JSON {\"error\": \"...\"}");
        let word = !err.contains(char::is_whitespace) && err.len() <= 64;
        let desc = s(get(m, &["error_description", "message", "detail"]));
        ev.error(ServerError {
            code: if word {
                Some(err.clone())
            } else {
                s(get(m, &["code"]))
            },
            message: if word { desc } else { Some(err.clone()) },
            shape: "JSON {\"error\": \"...\"}",
            status: status(get(m, &["status", "statusCode"])),
            ..Default::default()
        });
        return;
    }
    // RFC 9457 problem details.
    let problem = m.contains_key("type") && (m.contains_key("title") || m.contains_key("detail"))
        || m.contains_key("title") && (m.contains_key("detail") || m.contains_key("instance"));
    if problem {
        ev.shape("RFC 9457 problem+json");
        let st = status(m.get("status"));
        if let Some(st) = st {
            ev.set_status(st, "body");
        }
        // The type URI names a kind of problem, defined by whoever wrote the URI: it is shown
        // as received, never read as a code. A code the body sends beside it is one.
        let type_uri = s(m.get("type")).filter(|t| t != "about:blank");
        let code = s(get(m, &["code", "error_code", "errorCode"]));
        let mut details = Vec::new();
        for key in ["errors", "invalid-params", "invalid_params", "violations"] {
            if let Some(v) = m.get(key) {
                problem_members(v, &mut details);
            }
        }
        // The title says what kind of problem; the detail, this occurrence of it.
        let (title, detail) = match (s(m.get("title")), s(m.get("detail"))) {
            (None, d) => (d, None),
            (t, d) => (t, d),
        };
        ev.error(ServerError {
            code,
            message: title,
            detail,
            type_uri,
            instance: s(m.get("instance")),
            shape: "RFC 9457 problem+json",
            status: st,
            details,
            ..Default::default()
        });
        return;
    }
    // Discord, the orchestrator, PostgREST and other flat {"code", "message"} bodies.
    let code = get(m, &["code", "error_code", "errorCode", "__type", "Code"]);
    let message = s(get(
        m,
        &[
            "message",
            "error_message",
            "errorMessage",
            "Message",
            "msg",
            "error_msg",
            "errmsg",
        ],
    ));
    // (An `errors` object is Discord's where it nests `_errors` or comes with a numeric
    // code; Rails' and Laravel's validation bodies have one too.)
    // (Set, that is: `"retry_after": null` is any API's field with nothing in it.)
    let discordish = m.get("retry_after").is_some_and(Value::is_number)
        || m.get("global").is_some_and(Value::is_boolean)
        || matches!(m.get("errors"), Some(Value::Object(o))
            if matches!(code, Some(Value::Number(_))) || nests_discord_errors(o, 0));
    if discordish {
        ev.shape("Discord JSON error");
        ev.hint("discord", "Discord-style JSON body");
        let mut code = s(code);
        if let Some(secs) = m.get("retry_after").and_then(Value::as_f64) {
            let global = m.get("global").and_then(Value::as_bool).unwrap_or(false);
            ev.retry_hint(secs, "retry_after in the body", global);
            // A rate-limit body is a 429 even where the status line was not kept, and its
            // catch-all code 0 names nothing more specific than that.
            ev.set_status(429, "Discord rate-limit body (retry_after)");
            if code.as_deref().is_none_or(|c| c == "0") {
                code = Some("429".to_string());
            }
        }
        let mut details = Vec::new();
        if let Some(Value::Object(errors)) = m.get("errors") {
            walk_discord(errors, String::new(), &mut details, 0);
        }
        ev.error(ServerError {
            code,
            message,
            shape: "Discord JSON error",
            hints: &["discord"],
            details,
            ..Default::default()
        });
        return;
    }
    // A record that says it worked: an empty or null error, `"success": true`, a status or
    // state word of success (`"status": "ok"`, `"state": "finished"`), failure counters at 0.
    if says_success(m) {
        ev.shape("JSON record of success");
        ev.success_body = true;
        return;
    }
    // A bare message is an error only where the status does not say success
    // ({"id": 1, "message": "created"} behind a 201 is not).
    let failed_status = ev.status.is_none_or(|st| st >= 400);
    // `"code": "main"` with nothing else is a field of some record, not an error code.
    let code =
        code.filter(|c| message.is_some() || c.as_str().is_none_or(super::record::code_like));
    if code.is_some() || (message.is_some() && m.len() <= 8 && failed_status && !quiet_record(m)) {
        let st = status(get(
            m,
            &["status", "statusCode", "status_code", "http_status"],
        ));
        if let Some(st) = st {
            ev.set_status(st, "body");
        }
        let postgrest = m.contains_key("hint") || m.contains_key("details");
        // (Discord's JSON codes are 0 or of five digits and more; a gRPC gateway's `"code": 6`
        // is a gRPC status, no Discord code.)
        let number = matches!(code, Some(Value::Number(_)));
        let discord_number = matches!(code, Some(Value::Number(n))
            if n.as_u64().is_some_and(|n| n == 0 || n >= DISCORD_CODES_FROM));
        // The shape names the fields the body has, of those it is known by.
        let flat = match (code.is_some(), message.is_some()) {
            (true, true) => CODE_AND_MESSAGE,
            (true, false) => "JSON {\"code\"}",
            (false, _) => "JSON {\"message\"}",
        };
        let fields: Vec<String> = [
            ("code", code.is_some()),
            ("message", message.is_some()),
            ("details", m.contains_key("details")),
            ("hint", m.contains_key("hint")),
        ]
        .iter()
        .filter(|(_, has)| *has)
        .map(|(k, _)| format!("\"{k}\""))
        .collect();
        ev.shape(&format!("JSON {{{}}}", fields.join(", ")));
        ev.error(ServerError {
            code: s(code),
            message,
            shape: flat,
            // (A message alone is every API's shape: it points nowhere.)
            hints: if discord_number {
                &["discord"]
            } else if number || postgrest || code.is_none() {
                &[]
            } else {
                &["workspaces"]
            },
            status: st,
            ..Default::default()
        });
    }
}

/// Whether a record says the operation worked, and nothing in it says otherwise.
fn says_success(m: &Map<String, Value>) -> bool {
    let words = crate::lexicon::SUCCESS;
    let empty = |v: &Value| match v {
        Value::Null | Value::Bool(false) => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Bool(true) => false,
    };
    let mut yes = false;
    for (k, v) in m {
        let key = k.to_ascii_lowercase();
        // A field of the error named by its first word (`error_code`, `error_msg`,
        // `errorMessage`): at zero or empty, no error.
        let first = key
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("");
        let camel = k
            .char_indices()
            .find(|&(i, c)| i > 0 && c.is_ascii_uppercase())
            .map_or(key.as_str(), |(i, _)| &key[..i]);
        let error_field = [first, camel]
            .iter()
            .any(|w| *w == "err" || crate::lexicon::FAILURE_COUNTS.contains(w));
        // (Notes beside the outcome are no failure: `"warnings": [{"code": …}]`.)
        if crate::lexicon::NOTICES.contains(&first) {
            continue;
        }
        match key.as_str() {
            "error" | "errors" | "err" | "failures" | "failed" | "error_count" | "errorcount" => {
                if !empty(v) {
                    return false;
                }
                yes = true;
            }
            "success" | "ok" | "succeeded" => {
                if let Value::Bool(b) = v {
                    if !b {
                        return false;
                    }
                    yes = true;
                }
            }
            "status" | "state" | "result" | "outcome" | "conclusion" => {
                if let Value::String(w) = v {
                    let w = w.to_ascii_lowercase();
                    if words.contains(&w.as_str()) || matches!(w.as_str(), "ok" | "up" | "done") {
                        yes = true;
                    } else if crate::lexicon::FAILURE.iter().any(|f| w.contains(f.trim())) {
                        return false;
                    }
                }
            }
            "message" | "code" => {}
            _ if error_field => {
                if !empty(v) {
                    return false;
                }
                yes = true;
            }
            _ => {}
        }
    }
    yes && !m.contains_key("message") && !m.contains_key("code")
}

/// A problem's list of what was wrong, as (path, code, message), at most 100: members with
/// `pointer` (or `field`, `name`, `parameter`, `path`, JSON:API's `source.pointer`) and
/// `detail` (or `message`, `reason`, `title`), and a `code` when they have one; or an object
/// of field names, each with its messages (`{"Name": ["The Name field is required."]}`).
fn problem_members(v: &Value, out: &mut Vec<(String, String, String)>) {
    const MAX: usize = 100;
    match v {
        Value::Array(list) => {
            for e in list.iter().filter_map(Value::as_object) {
                if out.len() >= MAX {
                    return;
                }
                let source = e.get("source").and_then(Value::as_object);
                let path = s(get(e, &["pointer", "field", "name", "parameter", "path"]))
                    .or_else(|| source.and_then(|src| s(get(src, &["pointer", "parameter"]))))
                    .unwrap_or_default();
                let message = s(get(e, &["detail", "message", "reason", "title"]));
                let code = s(get(e, &["code"])).unwrap_or_default();
                if message.is_some() || !code.is_empty() {
                    out.push((path, code, message.unwrap_or_default()));
                }
            }
        }
        Value::Object(fields) => {
            for (field, msgs) in fields {
                let msgs = match msgs {
                    Value::Array(a) => a.iter().filter_map(|m| s(Some(m))).collect(),
                    other => s(Some(other)).into_iter().collect::<Vec<_>>(),
                };
                for m in msgs {
                    if out.len() >= MAX {
                        return;
                    }
                    out.push((field.clone(), String::new(), m));
                }
            }
        }
        _ => {}
    }
}

/// Discord's nested form errors: `{"embeds": {"0": {"description": {"_errors": [...]}}}}`.
fn walk_discord(
    m: &Map<String, Value>,
    path: String,
    out: &mut Vec<(String, String, String)>,
    depth: usize,
) {
    if depth > 32 {
        return;
    }
    for (k, v) in m {
        if k == "_errors" {
            if let Value::Array(list) = v {
                for e in list
                    .iter()
                    .filter_map(Value::as_object)
                    .take(100 - out.len().min(100))
                {
                    out.push((
                        path.clone(),
                        s(e.get("code")).unwrap_or_default(),
                        s(e.get("message")).unwrap_or_default(),
                    ));
                }
            }
        } else if let Value::Object(inner) = v {
            let p = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            walk_discord(inner, p, out, depth + 1);
        }
    }
}

/// Reads `"code": ...` and `"message": "..."` pairs out of JSON that does not parse, or that
/// parses but holds them where no known shape does (under `"data"`, in a list).
/// `label` says whether the JSON parsed (see [`scan`]).
fn tolerant(text: &str, ev: &mut Evidence, label: &'static str) {
    let mut numeric: Option<String> = None;
    let mut words: Vec<String> = Vec::new();
    for (i, _) in text.match_indices("\"code\"").take(200) {
        let rest = text[i + 6..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start();
        if let Some(q) = rest.strip_prefix('"') {
            if let Some(end) = q.find('"') {
                words.push(q[..end].to_string());
            }
        } else {
            let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if !n.is_empty() && numeric.is_none() {
                numeric = Some(n);
            }
        }
    }
    // With nested errors the body's own message comes last.
    let message = text
        .match_indices("\"message\"")
        .filter_map(|(i, _)| {
            let rest = text[i + 9..]
                .trim_start()
                .strip_prefix(':')?
                .trim_start()
                .strip_prefix('"')?;
            Some(rest[..rest.find('"')?].to_string())
        })
        .last();
    let discord = text.contains("\"_errors\"");
    if message.is_none()
        && !numeric
            .as_deref()
            .or(words.first().map(String::as_str))
            .is_some_and(super::record::code_like)
    {
        return;
    }
    ev.shape(label);
    if discord {
        ev.hint("discord", "Discord-style _errors in the body");
    }
    let (code, details) = match numeric {
        Some(n) => (
            Some(n),
            words
                .into_iter()
                .map(|w| (String::new(), w, String::new()))
                .collect(),
        ),
        None => {
            let mut w = words.into_iter();
            (
                w.next(),
                w.map(|w| (String::new(), w, String::new())).collect(),
            )
        }
    };
    ev.error(ServerError {
        code,
        message,
        shape: label,
        hints: if discord { &["discord"] } else { &[] },
        details,
        ..Default::default()
    });
}

/// `JSON {"error": {"code", "message"}}`: the shape of an error object, naming the fields of
/// code, message and status the body has (and no other).
fn error_shape(inner: &Map<String, Value>) -> String {
    let fields: Vec<String> = ["code", "message", "status"]
        .iter()
        .filter(|k| inner.contains_key(**k))
        .map(|k| format!("\"{k}\""))
        .collect();
    format!("JSON {{\"error\": {{{}}}}}", fields.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Evidence {
        let mut ev = Evidence::default();
        scan(text, &mut ev);
        ev
    }

    fn codes(ev: &Evidence) -> Vec<&str> {
        ev.errors.iter().filter_map(|e| e.code.as_deref()).collect()
    }

    const TOLERANT: &str = MALFORMED;

    #[test]
    fn a_log_record_at_a_quiet_level_is_no_error() {
        let messages = |text: &str| -> Vec<String> {
            read(text)
                .errors
                .iter()
                .filter_map(|e| e.message.clone())
                .collect()
        };
        for quiet in [
            r#"{"level": 30, "msg": "upload started"}"#,
            r#"{"level": "INFO", "msg": "upload started"}"#,
            r#"{"severity": "debug", "message": "upload started"}"#,
        ] {
            assert!(messages(quiet).is_empty(), "{quiet}");
        }
        for loud in [
            r#"{"level": 50, "msg": "upload failed"}"#,
            r#"{"level": "ERROR", "msg": "upload failed"}"#,
            r#"{"level": 3, "msg": "upload failed"}"#,
            r#"{"message": "upload failed"}"#,
        ] {
            assert_eq!(messages(loud), ["upload failed"], "{loud}");
        }
        // A code still makes it an error, whatever the level.
        assert_eq!(
            codes(&read(r#"{"level": 30, "code": "E_X", "msg": "x"}"#)),
            ["E_X"]
        );
    }

    #[test]
    fn a_document_up_to_max_doc_is_parsed_whole() {
        let big = format!(
            r#"{{"code": "X_Y", "message": "{}"}}"#,
            "m".repeat(2_000_000) // under MAX_DOC, 2 MiB
        );
        let ev = read(&big);
        assert_eq!(codes(&ev), ["X_Y"]);
        assert!(!ev.shapes.iter().any(|s| s == TOLERANT), "{:?}", ev.shapes);
        // Longer: read tolerantly.
        let bigger = big.replace(
            "\"message\": \"",
            &format!("\"message\": \"{}", "m".repeat(200_000)),
        );
        let ev = read(&bigger);
        assert_eq!(codes(&ev), ["X_Y"]);
        assert!(ev.shapes.iter().any(|s| s == TOLERANT), "{:?}", ev.shapes);
    }

    #[test]
    fn a_problem_keeps_title_detail_type_and_members_apart() {
        let ev = read(
            r##"{"type": "https://example.net/validation-error", "title": "Your request is not valid.", "detail": "2 fields", "instance": "/r/1", "errors": [{"detail": "must be a positive integer", "pointer": "#/age"}, {"field": "color", "message": "unknown", "code": "E_ENUM"}]}"##,
        );
        let e = &ev.errors[0];
        assert_eq!(e.code, None, "the type is no code");
        assert_eq!(e.message.as_deref(), Some("Your request is not valid."));
        assert_eq!(e.detail.as_deref(), Some("2 fields"));
        assert_eq!(
            e.type_uri.as_deref(),
            Some("https://example.net/validation-error")
        );
        assert_eq!(e.instance.as_deref(), Some("/r/1"));
        let d: Vec<(&str, &str, &str)> = e
            .details
            .iter()
            .map(|(p, c, m)| (p.as_str(), c.as_str(), m.as_str()))
            .collect();
        assert_eq!(
            d,
            [
                ("#/age", "", "must be a positive integer"),
                ("color", "E_ENUM", "unknown")
            ]
        );
        // about:blank is no type worth showing; a code beside the type is the code; a detail
        // alone is the message; ASP.NET's errors are an object of fields.
        let ev = read(
            r#"{"type": "about:blank", "detail": "No user 7", "code": "USER_NOT_FOUND", "errors": {"Name": ["required"]}}"#,
        );
        let e = &ev.errors[0];
        assert_eq!(
            (e.code.as_deref(), e.message.as_deref(), e.detail.as_deref()),
            (Some("USER_NOT_FOUND"), Some("No user 7"), None)
        );
        assert_eq!(e.type_uri, None);
        assert_eq!(
            e.details,
            [("Name".to_string(), String::new(), "required".to_string())]
        );
    }

    #[test]
    fn json_that_parses_is_never_called_malformed() {
        for (text, want) in [
            (
                r#"request failed: {"data": {"code": 50013, "message": "Missing Permissions"}}"#,
                VALID_INSIDE,
            ),
            (
                r#"{"errors": [{"code": "NoSuchKey", "message": "gone"}]}"#,
                VALID_WHOLE,
            ),
            // Documents that parse, inside one that does not, or beside one that holds a code.
            (
                r#"{"code": 1, "errors": {"a": {"code": "X"}, "b": {"code": "Y"}}"#,
                MALFORMED,
            ),
            (
                r#"{"a": 1} then {"data": {"code": 50013, "message": "Missing"#,
                MALFORMED,
            ),
        ] {
            let ev = read(text);
            assert_eq!(ev.shapes, [want], "{text}");
            assert_eq!(ev.errors.len(), 1, "{text}");
            assert_eq!(ev.errors[0].shape, want, "{text}");
        }
    }

    #[test]
    fn escaped_and_broken_json_is_read_when_nothing_else_was() {
        let ev = read(r#"log: "{\"code\": 50013, \"message\": \"Missing Permissions\"}""#);
        assert_eq!(codes(&ev), ["50013"]);
        // What the evidence held before does not count as found here.
        let mut ev = Evidence::default();
        ev.error(ServerError {
            code: Some("A_1".into()),
            ..Default::default()
        });
        scan(r#"{"code": "B_2", "message": "cut sho"#, &mut ev);
        assert_eq!(codes(&ev), ["A_1", "B_2"]);
        let mut ev = Evidence {
            success_body: true,
            ..Default::default()
        };
        scan(
            r#"log: "{\"code\": 50013, \"message\": \"Missing Permissions\"}""#,
            &mut ev,
        );
        assert_eq!(codes(&ev), ["50013"]);
        // A document that wraps the error as a string of one of its fields.
        let ev = read(
            r#"{"level": "error", "body": "{\"code\": 10000, \"message\": \"Authentication error\"}"}"#,
        );
        assert_eq!(codes(&ev), ["10000"]);
        assert_eq!(
            ev.errors[0].message.as_deref(),
            Some("Authentication error")
        );
        // A body that says success is found: nothing escaped inside it is read.
        let ev = read(
            r#"{"success": true, "errors": [], "result": {"log": "{\"code\": 10000, \"message\": \"Authentication error\"}"}}"#,
        );
        assert!(ev.success_body);
        assert!(codes(&ev).is_empty(), "{:?}", ev.errors);
    }

    type Row<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        &'a str,
        &'a [&'a str],
        Option<u16>,
    );

    fn errors(ev: &Evidence) -> Vec<Row<'_>> {
        ev.errors
            .iter()
            .map(|e| {
                (
                    e.code.as_deref(),
                    e.message.as_deref(),
                    e.shape,
                    e.hints,
                    e.status,
                )
            })
            .collect()
    }

    const ENVELOPE: &str = "Cloudflare API v4 envelope";
    const OBJECT: &str = "JSON error object";
    const WORD: &str = "JSON {\"error\": \"...\"}";
    const PROBLEM: &str = "RFC 9457 problem+json";
    const DISCORD: &str = "Discord JSON error";
    const FLAT: &str = "JSON {\"code\", \"message\"}";

    #[test]
    fn every_shape_gives_code_message_shape_hints_and_status() {
        let rows: &[(&str, &str, Option<u16>, &[Row])] = &[
            (
                r#"{"success": false, "errors": [{"code": 10000, "message": "Authentication error", "error_chain": [{"code": 6003, "message": "Invalid request headers"}]}], "messages": [], "result": null}"#,
                ENVELOPE,
                None,
                &[
                    (
                        Some("10000"),
                        Some("Authentication error"),
                        ENVELOPE,
                        &["cloudflare", "r2", "cf-artifacts"],
                        None,
                    ),
                    (
                        Some("6003"),
                        Some("Invalid request headers"),
                        "Cloudflare API v4 error_chain",
                        &["cloudflare"],
                        None,
                    ),
                ],
            ),
            (
                r#"{"error": {"code": 403, "message": "The caller does not have permission", "status": "PERMISSION_DENIED"}}"#,
                "JSON {\"error\": {\"code\", \"message\", \"status\"}}",
                Some(403),
                &[(
                    Some("PERMISSION_DENIED"),
                    Some("The caller does not have permission"),
                    OBJECT,
                    &[],
                    Some(403),
                )],
            ),
            (
                r#"{"error": {"code": 1234, "message": "m"}}"#,
                "JSON {\"error\": {\"code\", \"message\"}}",
                None,
                &[(Some("1234"), Some("m"), OBJECT, &[], None)],
            ),
            (
                r#"{"error": {"code": "rate_limited", "message": "Too many", "status": "429"}}"#,
                "JSON {\"error\": {\"code\", \"message\", \"status\"}}",
                Some(429),
                &[(
                    Some("rate_limited"),
                    Some("Too many"),
                    OBJECT,
                    &["artifacta"],
                    Some(429),
                )],
            ),
            (
                r#"{"error": "invalid_grant", "error_description": "Bad code", "status": 400}"#,
                WORD,
                None,
                &[(
                    Some("invalid_grant"),
                    Some("Bad code"),
                    WORD,
                    &[],
                    Some(400),
                )],
            ),
            (
                r#"{"error": "not found here", "code": "E_1"}"#,
                WORD,
                None,
                &[(Some("E_1"), Some("not found here"), WORD, &[], None)],
            ),
            (
                r#"{"type": "https://example.com/probs/out-of-credit/", "title": "You do not have enough credit.", "detail": "Your balance is 30.", "status": 403}"#,
                PROBLEM,
                Some(403),
                // The type is a type, not a code; the detail is apart (its own test).
                &[(
                    None,
                    Some("You do not have enough credit."),
                    PROBLEM,
                    &[],
                    Some(403),
                )],
            ),
            (
                r#"{"type": "about:blank", "title": "Not Found"}"#,
                PROBLEM,
                None,
                &[(None, Some("Not Found"), PROBLEM, &[], None)],
            ),
            (
                r#"{"title": "Gone", "instance": "/x/1"}"#,
                PROBLEM,
                None,
                &[(None, Some("Gone"), PROBLEM, &[], None)],
            ),
            (
                r#"{"code": 50035, "errors": {"name": {"_errors": [{"code": "BASE_TYPE_REQUIRED", "message": "This field is required"}]}}, "message": "Invalid Form Body"}"#,
                DISCORD,
                None,
                &[(
                    Some("50035"),
                    Some("Invalid Form Body"),
                    DISCORD,
                    &["discord"],
                    None,
                )],
            ),
            (
                r#"{"message": "You are being rate limited.", "retry_after": 64.57, "global": false, "code": 0}"#,
                DISCORD,
                Some(429),
                &[(
                    Some("429"),
                    Some("You are being rate limited."),
                    DISCORD,
                    &["discord"],
                    None,
                )],
            ),
            (
                r#"{"message": "Slow down", "retry_after": 2, "code": 20016}"#,
                DISCORD,
                Some(429),
                &[(
                    Some("20016"),
                    Some("Slow down"),
                    DISCORD,
                    &["discord"],
                    None,
                )],
            ),
            (
                r#"{"message": "Missing Permissions", "code": 50013}"#,
                FLAT,
                None,
                &[(
                    Some("50013"),
                    Some("Missing Permissions"),
                    FLAT,
                    &["discord"],
                    None,
                )],
            ),
            // A gRPC gateway's status code is no Discord code.
            (
                r#"{"code": 6, "message": "topic already exists", "details": []}"#,
                "JSON {\"code\", \"message\", \"details\"}",
                None,
                &[(Some("6"), Some("topic already exists"), FLAT, &[], None)],
            ),
            (
                r#"{"code": "42501", "details": null, "hint": null, "message": "permission denied for table x"}"#,
                "JSON {\"code\", \"message\", \"details\", \"hint\"}",
                None,
                &[(
                    Some("42501"),
                    Some("permission denied for table x"),
                    FLAT,
                    &[],
                    None,
                )],
            ),
            (
                r#"{"code": "workspace_exists", "message": "m", "statusCode": 409}"#,
                FLAT,
                Some(409),
                &[(
                    Some("workspace_exists"),
                    Some("m"),
                    FLAT,
                    &["workspaces"],
                    Some(409),
                )],
            ),
            // A message alone is every API's shape: it points to no catalog.
            (
                r#"{"message": "quota exceeded"}"#,
                "JSON {\"message\"}",
                None,
                &[(
                    None,
                    Some("quota exceeded"),
                    "JSON {\"message\"}",
                    &[],
                    None,
                )],
            ),
            (
                r#"{"code": "PGRST116", "details": "The result contains 0 rows", "message": "no rows"}"#,
                "JSON {\"code\", \"message\", \"details\"}",
                None,
                &[(Some("PGRST116"), Some("no rows"), FLAT, &[], None)],
            ),
            (
                r#"{"code": "NoSuchKey"}"#,
                "JSON {\"code\"}",
                None,
                &[(
                    Some("NoSuchKey"),
                    None,
                    "JSON {\"code\"}",
                    &["workspaces"],
                    None,
                )],
            ),
        ];
        for (text, shape, status, want) in rows {
            let ev = read(text);
            assert_eq!(
                ev.shapes.first().map(String::as_str),
                Some(*shape),
                "{text}"
            );
            assert_eq!(ev.status, *status, "{text}");
            assert_eq!(errors(&ev), *want, "{text}");
        }
    }

    #[test]
    fn a_dict_in_pythons_notation_is_read_as_the_json_it_stands_for() {
        for (text, want) in [
            (
                "{'a': 'it\\'s', 'b': \"say \\\"hi\\\"\", 'c': True, 'd': None, 'e': [1, False]} tail",
                Some(r#"{"a": "it's", "b": "say \"hi\"", "c": true, "d": null, "e": [1, false]}"#),
            ),
            ("{'q': 'a \"quote\"'}", Some(r#"{"q": "a \"quote\""}"#)),
            ("{'x': '\\x41'}", Some(r#"{"x": "\u0041"}"#)),
            // Braces inside strings do not close the dict.
            ("{'m': '}{'}", Some(r#"{"m": "}{"}"#)),
            // Unclosed, or a string cut by the end of its line.
            ("{'a': 1", None),
            ("{'a': 'b\n'}", None),
            ("x{'a': 1}", None),
        ] {
            assert_eq!(python_dict(text).map(|(j, _)| j).as_deref(), want, "{text}");
        }
        let line = "cloudflare.AuthenticationError: Error code: 401 - {'success': False, \
                    'errors': [{'code': 10001, 'message': 'Unable to authenticate request'}], \
                    'messages': [], 'result': None}";
        let ev = read(line);
        assert_eq!(ev.errors.len(), 1, "{:?}", ev.errors);
        assert_eq!(ev.errors[0].code.as_deref(), Some("10001"));
        assert_eq!(
            ev.errors[0].message.as_deref(),
            Some("Unable to authenticate request")
        );
        // An apostrophe in prose is no dict.
        assert!(read("it's {'not' a dict} here").errors.is_empty());
    }

    #[test]
    fn what_is_no_error() {
        for text in [
            // Success with no errors; success with errors is an error.
            r#"{"success": true, "errors": [], "messages": [], "result": {}}"#,
            // A field named code with a word in it, alone.
            r#"{"code": "main"}"#,
            // A type or a title alone is no problem+json.
            r#"{"type": "user"}"#,
            r#"{"title": "Hello"}"#,
            // A message among many fields is a record, not an error.
            r#"{"message": "hi", "a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8}"#,
        ] {
            assert!(read(text).errors.is_empty(), "{text}");
        }
        assert!(read(r#"{"success": true, "errors": [], "result": {}}"#).success_body);
        // Fields of the error at zero or empty are no error; set, they are one.
        for (body, want) in [
            (
                r#"{"error_code": 0, "error_msg": "", "data": {"n": 1}}"#,
                true,
            ),
            (
                r#"{"errorCode": 0, "errorMessage": null, "items": []}"#,
                true,
            ),
            (
                r#"{"error_code": 100, "error_msg": "One of the parameters is invalid"}"#,
                false,
            ),
            (r#"{"errors": [{"code": 7}], "data": null}"#, false),
            (r#"{"errorMessage": "quota exceeded", "items": []}"#, false),
            // Warnings beside an empty error are notes, not failures.
            (
                r#"{"id": "inv_1", "error": null, "errors": [], "warnings": [{"code": "tax_id_missing", "message": "No tax ID"}]}"#,
                true,
            ),
            (
                r#"{"errors": [{"code": 7}], "warnings": [{"code": "w"}]}"#,
                false,
            ),
        ] {
            assert_eq!(read(body).success_body, want, "{body}");
        }
        let ev = read(r#"{"success": true, "errors": [{"code": 1000, "message": "m"}]}"#);
        assert!(!ev.success_body);
        assert_eq!(ev.errors.len(), 1);
        assert!(!read(r#"{"success": false, "errors": []}"#).success_body);
        // Behind a success status, a bare message is not an error; behind a failure it is.
        for (status, errs) in [(201, 0), (400, 1)] {
            let mut ev = Evidence::default();
            ev.set_status(status, "test");
            scan(r#"{"id": 1, "message": "created"}"#, &mut ev);
            assert_eq!(ev.errors.len(), errs, "{status}");
        }
        // An error word is one word of at most 64 characters.
        let word = "a".repeat(64);
        let ev = read(&format!(r#"{{"error": "{word}"}}"#));
        assert_eq!(ev.errors[0].code.as_deref(), Some(word.as_str()));
        let long = "a".repeat(65);
        let ev = read(&format!(r#"{{"error": "{long}"}}"#));
        assert_eq!(
            (
                ev.errors[0].code.as_deref(),
                ev.errors[0].message.as_deref()
            ),
            (None, Some(long.as_str()))
        );
    }

    #[test]
    fn documents_are_tried_at_most_max_attempts_times_and_read_at_most_max_docs() {
        let doc = r#"{"code": "X_Y", "message": "m"}"#;
        let ev = read(&format!("{}{doc}", "{ ".repeat(MAX_ATTEMPTS - 1)));
        assert_eq!(ev.shapes, [FLAT]);
        let ev = read(&format!("{}{doc}", "{ ".repeat(MAX_ATTEMPTS)));
        assert_eq!(ev.shapes, [TOLERANT], "given up: read tolerantly");
        let ev = read(&format!("{{oops}} {doc}"));
        assert_eq!(ev.shapes, [FLAT]);
        let many: String = (0..MAX_DOCS + 2)
            .map(|i| format!(r#"{{"code": "E_{i}", "message": "m"}} "#))
            .collect();
        assert_eq!(read(&many).errors.len(), MAX_DOCS);
    }

    fn details(text: &str) -> Vec<(String, String, String)> {
        read(text)
            .errors
            .first()
            .map(|e| e.details.clone())
            .unwrap_or_default()
    }

    #[test]
    fn discord_field_errors_become_paths_to_a_bounded_depth_and_count() {
        let d = details(
            r#"{"code": 50035, "errors": {"_errors": [{"code": "TOP", "message": "t"}], "embeds": {"0": {"title": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "too long"}]}}}}, "message": "Invalid Form Body"}"#,
        );
        let want = [
            ("", "TOP", "t"),
            ("embeds.0.title", "BASE_TYPE_MAX_LENGTH", "too long"),
        ];
        assert_eq!(d.len(), 2);
        for (got, want) in d.iter().zip(want) {
            assert_eq!((got.0.as_str(), got.1.as_str(), got.2.as_str()), want);
        }
        // `_errors` in the map at depth 32 counts; at depth 33 it does not.
        let nested = |depth: usize| {
            let inner = r#"{"_errors": [{"code": "DEEP", "message": "m"}]}"#;
            let body = (0..depth).fold(inner.to_string(), |acc, _| format!(r#"{{"f": {acc}}}"#));
            details(&format!(
                r#"{{"code": 50035, "message": "Invalid Form Body", "errors": {body}}}"#
            ))
        };
        assert_eq!(nested(32).len(), 1);
        assert_eq!(nested(33).len(), 0);
        // At most 100, over one list or several.
        let list = |n: usize| -> String {
            let items: Vec<String> = (0..n)
                .map(|i| format!(r#"{{"code": "C{i}", "message": "m"}}"#))
                .collect();
            format!(r#"{{"_errors": [{}]}}"#, items.join(", "))
        };
        let one = format!(
            r#"{{"code": 50035, "message": "x", "errors": {{"a": {}}}}}"#,
            list(150)
        );
        assert_eq!(details(&one).len(), 100);
        let three = format!(
            r#"{{"code": 50035, "message": "x", "errors": {{"a": {}, "b": {}, "c": {}}}}}"#,
            list(60),
            list(60),
            list(60)
        );
        let d = details(&three);
        assert_eq!(d.len(), 100);
        assert_eq!(
            (d[59].0.as_str(), d[60].0.as_str(), d[99].1.as_str()),
            ("a", "b", "C39")
        );
    }

    #[test]
    fn broken_json_is_read_for_its_codes_and_last_message() {
        let ev = read(
            r#"{"code": 50035, "errors": {"name": {"_errors": [{"code": "BASE_TYPE_REQUIRED", "message": "This field is required"}]}}, "code": 7, "message": "Invalid Form Body""#,
        );
        assert_eq!(ev.shapes, [TOLERANT]);
        assert_eq!(
            errors(&ev),
            [(
                Some("50035"),
                Some("Invalid Form Body"),
                TOLERANT,
                &["discord"][..],
                None
            )]
        );
        assert_eq!(
            ev.errors[0].details,
            [(
                String::new(),
                "BASE_TYPE_REQUIRED".to_string(),
                String::new()
            )]
        );
        assert_eq!(
            ev.hints.iter().map(|h| h.catalog).collect::<Vec<_>>(),
            ["discord"]
        );
        let ev = read(r#"{"code" : "NoSuchKey", "code"x, "code": "Other", "message": "m""#);
        assert_eq!(
            errors(&ev),
            [(Some("NoSuchKey"), Some("m"), TOLERANT, &[][..], None)]
        );
        assert_eq!(
            ev.errors[0].details,
            [(String::new(), "Other".to_string(), String::new())]
        );
        // Without a message, only a code that looks like one.
        assert!(read(r#"{"code": "main", "x": "#).errors.is_empty());
        assert_eq!(
            errors(&read(r#"{"code": "E_1", "x": "#)),
            [(Some("E_1"), None, TOLERANT, &[][..], None)]
        );
        assert_eq!(
            errors(&read(r#"{"code": 404, "x": "#)),
            [(Some("404"), None, TOLERANT, &[][..], None)]
        );
    }
}
