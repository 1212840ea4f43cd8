//! Raw HTTP: a status line (HTTP/1.0, 1.1, 2, 3; reason optional), headers, and `curl -v`
//! transcripts with `* `, `> ` and `< ` lines. Headers with no status line count too.

use super::{retry, Evidence};
use crate::sanitize;

/// `HTTP/1.1 404 Not Found` → (404, "Not Found").
pub fn status_line(line: &str) -> Option<(u16, &str)> {
    let line = line.trim();
    let rest = line
        .strip_prefix("HTTP/")
        .or_else(|| line.strip_prefix("http/"))?;
    let (version, rest) = rest.split_once(' ')?;
    if version.is_empty()
        || version.len() > 3
        || !version.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        return None;
    }
    let rest = rest.trim_start();
    let digits: &str = rest.get(..3)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let after = &rest[3..];
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    Some((digits.parse().ok()?, after.trim()))
}

/// `Name: value` with a token name.
fn header(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once(':')?;
    if name.is_empty()
        || name.len() > 64
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return None;
    }
    Some((name, value.trim()))
}

/// At most this many headers of one response are kept.
const MAX_HEADERS: usize = 100;

/// Headers recognised even without a status line (data/phrases/words.toml's
/// `known_headers`).
use crate::lexicon::KNOWN_HEADERS as KNOWN;

/// A response line of `curl -v` without its `< ` marker (any other line as it is).
fn strip_marker(line: &str) -> &str {
    let l = line.trim_end_matches('\r');
    // curl's progress meter can run into a verbose line: `...  0< HTTP/1.1 200 OK`.
    let l = l.find("< HTTP/").map_or(l, |i| &l[i..]);
    l.strip_prefix("< ").unwrap_or(l)
}

pub fn scan(text: &str, ev: &mut Evidence) {
    let mut status: Option<(u16, String)> = None;
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut in_headers = false;
    let mut verbose = false;
    // Whether the current answer's body has begun, and whether a command was run since.
    let (mut body_seen, mut command_since) = (false, false);
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let raw = line.trim_end_matches('\r');
        if raw.starts_with("* ") || raw.starts_with("> ") || raw == ">" {
            verbose = true;
            continue;
        }
        let l = strip_marker(raw);
        if let Some((st, reason)) = status_line(l) {
            // A status line inside the body of an answer (a message quoting one) is no new
            // answer; after an interim 1xx or a redirect, or with no body between, it is.
            // So is one after a command run again (`$ curl -i ...` a second time), or one
            // that headers follow: the paste shows a later answer, and the last one is what
            // the server says now (an `UP` health check, then a `503`).
            let headed = lines.peek().is_some_and(|next| {
                header(strip_marker(next))
                    .is_some_and(|(n, _)| KNOWN.contains(&n.to_ascii_lowercase().as_str()))
            });
            let quoted = !command_since
                && !headed
                && status.as_ref().is_some_and(|(prev, _)| {
                    body_seen && *prev >= 200 && !(300..400).contains(prev)
                });
            // Interim 1xx answers are followed by the real one: keep the last final status.
            if !quoted && (st >= 200 || status.is_none()) {
                status = Some((st, reason.to_string()));
                headers.clear();
                body_seen = false;
                command_since = false;
            }
            in_headers = !quoted;
            continue;
        }
        if !in_headers && status.is_some() && !l.trim().is_empty() && !raw.starts_with("< ") {
            body_seen = true;
            command_since |= super::text::shows_command(l);
        }
        if in_headers {
            if l.trim().is_empty() {
                in_headers = false;
                continue;
            }
            match header(l) {
                Some((n, v)) if headers.len() < MAX_HEADERS => {
                    headers.push((n.to_string(), v.to_string()))
                }
                Some(_) => {}
                None => in_headers = false,
            }
        }
    }
    if status.is_none() {
        // Headers pasted alone: only names we know, near the top.
        for line in text.lines().take(50) {
            let l = strip_marker(line);
            if let Some((n, v)) = header(l) {
                if KNOWN.contains(&n.to_ascii_lowercase().as_str()) {
                    headers.push((n.to_string(), v.to_string()));
                }
            }
        }
    }
    if verbose {
        ev.shape("curl -v transcript");
    }
    if let Some((st, reason)) = status {
        ev.shape("raw HTTP");
        ev.set_status(st, "status line");
        if !reason.is_empty() {
            ev.reason = Some(sanitize::clean(&reason));
        }
    } else if !headers.is_empty() {
        ev.shape("HTTP headers");
    }
    let date = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("date"))
        .map(|(_, v)| v.clone());
    for (name, value) in &headers {
        let lower = name.to_ascii_lowercase();
        let v = value.as_str();
        match lower.as_str() {
            "retry-after" => match retry::parse_retry_after(v, date.as_deref()) {
                Ok(s) => ev.retry_hint(s, "Retry-After header", false),
                Err(()) => ev.notes.push(format!(
                    "Retry-After: {:?} is neither seconds nor an HTTP date; ignored",
                    sanitize::clean(v)
                )),
            },
            "x-ratelimit-reset-after" => match v.trim().parse::<f64>() {
                Ok(s) => ev.retry_hint(s, "X-RateLimit-Reset-After header", false),
                Err(_) => ev.notes.push(format!(
                    "X-RateLimit-Reset-After: {:?} is not a number; ignored",
                    sanitize::clean(v)
                )),
            },
            "x-amz-request-id" => {
                ev.request_id(v);
                ev.hint("s3", "x-amz-request-id header");
            }
            "x-amz-id-2" => ev.hint("s3", "x-amz-id-2 header"),
            "cf-ray" => {
                ev.request_id(v);
                ev.hint("cloudflare", "cf-ray header");
                ev.hint("r2", "cf-ray header");
            }
            "server" => {
                let s = v.to_ascii_lowercase();
                if s.contains("amazons3") {
                    ev.hint("s3", "Server: AmazonS3");
                } else if s.contains("cloudflare") {
                    ev.hint("cloudflare", "Server: cloudflare");
                    ev.hint("r2", "Server: cloudflare");
                }
            }
            "x-ratelimit-bucket" | "x-ratelimit-scope" | "x-ratelimit-global" => {
                ev.hint("discord", "Discord rate-limit headers")
            }
            "x-request-id" | "request-id" | "x-github-request-id" | "x-amzn-requestid" => {
                ev.request_id(v)
            }
            "content-type" if v.to_ascii_lowercase().contains("problem+json") => {
                ev.shape("RFC 9457 problem+json");
            }
            _ => {}
        }
    }
    // A rate limit with nothing left (GitHub sends its 403 so): the server says when to come
    // back, at its window's reset.
    let header_of = |names: &[&str]| {
        headers
            .iter()
            .find(|(n, _)| names.iter().any(|m| n.eq_ignore_ascii_case(m)))
            .map(|(_, v)| v.trim())
    };
    if header_of(&["x-ratelimit-remaining", "ratelimit-remaining"]) == Some("0") {
        ev.rate_limited = true;
        if let Some(v) = header_of(&["x-ratelimit-reset", "ratelimit-reset"]) {
            match retry::parse_reset(v, date.as_deref()) {
                Ok(s) => ev.retry_hint(s, "rate limit reset header, none remaining", false),
                Err(()) => ev.notes.push(format!(
                    "the rate limit's reset {:?} is not a number; ignored",
                    sanitize::clean(v)
                )),
            }
        }
    }
    ev.headers = headers
        .into_iter()
        .map(|(n, v)| {
            let v = if sanitize::is_secret_header(&n) {
                "****".to_string()
            } else {
                sanitize::clean(&v)
            };
            (sanitize::clean(&n), v)
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_lines() {
        let table: &[(&str, Option<(u16, &str)>)] = &[
            ("HTTP/1.1 404 Not Found", Some((404, "Not Found"))),
            ("HTTP/1.0 200 OK", Some((200, "OK"))),
            ("HTTP/2 429", Some((429, ""))),
            ("HTTP/3 503 ", Some((503, ""))),
            ("  HTTP/2 502 Bad Gateway\r", Some((502, "Bad Gateway"))),
            ("HTTP/1.1 4040 Nope", None),
            ("HTTP/x 200 OK", None),
            ("HTTPS/1.1 200 OK", None),
            ("GET / HTTP/1.1", None),
            ("HTTP/1.1 999 Weird", Some((999, "Weird"))),
        ];
        for (line, want) in table {
            assert_eq!(status_line(line), *want, "{line:?}");
        }
    }

    #[test]
    fn curl_verbose_takes_response_lines_only() {
        let t = "* Connected\n> GET / HTTP/1.1\n> Host: x\n>\n< HTTP/1.1 100 Continue\n<\n< HTTP/1.1 400 Bad Request\n< Retry-After: 3\n< Authorization: Bearer s3cr3t\n<\n{}";
        let mut ev = Evidence::default();
        scan(t, &mut ev);
        assert_eq!(ev.status, Some(400));
        assert!(ev.shapes.iter().any(|s| s == "curl -v transcript"));
        assert_eq!(ev.retry.as_ref().map(|r| r.seconds), Some(3.0));
        assert!(ev
            .headers
            .iter()
            .any(|(n, v)| n == "Authorization" && v == "****"));
    }

    fn read(text: &str) -> Evidence {
        let mut ev = Evidence::default();
        scan(text, &mut ev);
        ev
    }

    #[test]
    fn versions_and_header_names() {
        assert_eq!(status_line("HTTP/ 200 OK"), None);
        assert_eq!(status_line("HTTP/1.11 200 OK"), None);
        assert_eq!(status_line("http/1.1 201"), Some((201, "")));
        let long = "a".repeat(64);
        let longer = "a".repeat(65);
        for (line, want) in [
            ("Retry-After: 3", Some(("Retry-After", "3"))),
            ("x_y-Z9:v ", Some(("x_y-Z9", "v"))),
            (": v", None),
            ("X Bad: v", None),
            ("no colon", None),
            (&*format!("{long}: v"), Some((long.as_str(), "v"))),
            (&*format!("{longer}: v"), None),
        ] {
            assert_eq!(header(line), want, "{line}");
        }
    }

    #[test]
    fn curl_markers_are_taken_off() {
        for (line, want) in [
            ("< HTTP/1.1 200 OK\r", "HTTP/1.1 200 OK"),
            ("100  1234    0     0< HTTP/2 503", "HTTP/2 503"),
            ("< content-type: text/plain", "content-type: text/plain"),
            ("<", "<"),
            ("plain line", "plain line"),
        ] {
            assert_eq!(strip_marker(line), want, "{line}");
        }
    }

    #[test]
    fn a_transcript_is_known_by_any_of_its_request_lines() {
        for t in [
            "* Trying 1.2.3.4\nHTTP/1.1 200 OK",
            "> GET / HTTP/1.1\nHTTP/1.1 200 OK",
            ">\nHTTP/1.1 200 OK",
        ] {
            assert!(
                read(t).shapes.iter().any(|s| s == "curl -v transcript"),
                "{t}"
            );
        }
        assert!(!read("HTTP/1.1 200 OK\n>quoted")
            .shapes
            .iter()
            .any(|s| s == "curl -v transcript"));
    }

    #[test]
    fn the_final_status_and_its_reason() {
        for (t, status, reason) in [
            ("HTTP/1.1 100 Continue\r\n\r\n", Some(100), Some("Continue")),
            (
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\n\r\n",
                Some(404),
                Some("Not Found"),
            ),
            (
                "HTTP/1.1 404 Not Found\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n",
                Some(404),
                Some("Not Found"),
            ),
            // A later answer: after the command run again, or with its headers.
            (
                "HTTP/1.1 200 OK\n\n{\"status\":\"UP\"}\n$ curl -si localhost/health\nHTTP/1.1 503 \n\n{}",
                Some(503),
                None,
            ),
            (
                "HTTP/1.1 200 OK\nDate: x\n\nok\nHTTP/1.1 404 Not Found\nContent-Type: text/plain\n\nno",
                Some(404),
                Some("Not Found"),
            ),
            // A body that quotes a status line, with prose after it, says no new answer.
            (
                "HTTP/1.1 502 Bad Gateway\n\nupstream said:\nHTTP/1.1 200 OK\nand then closed",
                Some(502),
                Some("Bad Gateway"),
            ),
            ("HTTP/2 429\r\n\r\n", Some(429), None),
        ] {
            let ev = read(t);
            assert_eq!((ev.status, ev.reason.as_deref()), (status, reason), "{t}");
        }
    }

    #[test]
    fn headers_say_who_answered() {
        let ev = read("HTTP/1.1 404 Not Found\r\nx-amz-id-2: abc\r\nx-amz-request-id: 4442587FB7D0A2F9\r\n\r\n");
        assert_eq!(ev.request_id.as_deref(), Some("4442587FB7D0A2F9"));
        let hints: Vec<_> = ev
            .hints
            .iter()
            .map(|h| (h.catalog, h.why.as_str()))
            .collect();
        assert_eq!(
            hints,
            [
                ("s3", "x-amz-id-2 header"),
                ("s3", "x-amz-request-id header")
            ]
        );
        let ev = read("HTTP/1.1 429 Too Many Requests\r\nx-ratelimit-scope: user\r\n\r\n");
        assert_eq!(
            ev.hints.iter().map(|h| h.catalog).collect::<Vec<_>>(),
            ["discord"]
        );
        for name in [
            "x-request-id",
            "request-id",
            "x-github-request-id",
            "x-amzn-requestid",
        ] {
            let ev = read(&format!(
                "HTTP/1.1 500 Internal Server Error\r\n{name}: req-42\r\n\r\n"
            ));
            assert_eq!(ev.request_id.as_deref(), Some("req-42"), "{name}");
        }
        let ev = read("HTTP/1.1 400 Bad Request\r\nContent-Type: application/Problem+JSON\r\n\r\n");
        assert!(ev.shapes.iter().any(|s| s == "RFC 9457 problem+json"));
        let ev = read("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n");
        assert!(!ev.shapes.iter().any(|s| s == "RFC 9457 problem+json"));
    }

    #[test]
    fn headers_are_capped_and_alone_only_known_ones_count() {
        let many: String = (0..MAX_HEADERS + 20)
            .map(|i| format!("x-h{i}: v\r\n"))
            .collect();
        let ev = read(&format!("HTTP/1.1 200 OK\r\n{many}\r\n"));
        assert_eq!(ev.headers.len(), MAX_HEADERS);
        let ev = read("Retry-After: 7\nX-Custom: 1\nserver: AmazonS3\n");
        assert_eq!(ev.shapes, ["HTTP headers"]);
        let names: Vec<_> = ev.headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Retry-After", "server"]);
        assert_eq!(ev.retry.map(|r| r.seconds), Some(7.0));
        // Near the top only.
        let late = format!("{}Retry-After: 7\n", "line\n".repeat(50));
        assert!(read(&late).headers.is_empty());
    }
}
