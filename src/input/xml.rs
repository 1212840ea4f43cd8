//! S3-style XML errors: `<Error><Code>..</Code><Message>..</Message><RequestId>..` (and other
//! roots such as `<ErrorResponse>`), also pretty-printed, malformed or cut short. quick-xml
//! expands no DTD entities, so entity bombs stay inert text.

use super::{Evidence, ServerError};
use quick_xml::events::Event;
use quick_xml::Reader;

/// At most this much text after `<Error` is read as XML.
const MAX_XML: usize = 1024 * 1024;

#[derive(Default)]
struct Fields {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
}

pub fn scan(text: &str, ev: &mut Evidence) {
    if !text.contains('<') {
        return;
    }
    // Any casing of the root (`<Error>`, `<error>`, `<ERROR>`), or a fragment whose root was
    // not copied (`<Code>..</Code><Message>..`). ASCII lower-casing keeps every offset.
    let lower = text.to_ascii_lowercase();
    let (start, rooted) = match lower.find("<error") {
        Some(i) => (i, true),
        None => match lower.find("<code>") {
            Some(i) => (i, false),
            None => return,
        },
    };
    // Masked before it is read: the element that names a secret (`<ApiToken>…</ApiToken>`)
    // is gone once a broken document's text is taken alone.
    let masked = crate::sanitize::mask_secrets(crate::sanitize::cut(&text[start..], MAX_XML));
    let xml = masked.as_str();
    let mut f = read_events(xml, rooted);
    if f.code.is_none() {
        // Broken beyond the reader's patience: take the elements by their tags.
        f.code = between(xml, "<code>", "</code>");
        f.message = f
            .message
            .or_else(|| between(xml, "<message>", "</message>"));
        f.request_id = f
            .request_id
            .or_else(|| between(xml, "<requestid>", "</requestid>"));
    }
    if f.code.is_none() && f.message.is_none() {
        return;
    }
    if let Some(id) = &f.request_id {
        if !id.trim_matches('*').is_empty() {
            ev.request_id(id);
        }
    }
    ev.found(ServerError {
        code: f.code,
        message: f.message,
        shape: "S3 XML <Error> body",
        hints: &["s3", "r2"],
        ..Default::default()
    });
}

/// The fields of the element that starts `xml` (`rooted`), or of it and the elements after it
/// up to the end of their parent (a fragment whose root was not copied).
fn read_events(xml: &str, rooted: bool) -> Fields {
    let mut f = Fields::default();
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    let mut current: Vec<u8> = Vec::new();
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                depth += 1;
                current = e.local_name().as_ref().to_ascii_lowercase();
            }
            Ok(Event::End(_)) => {
                current.clear();
                // The end of an element opened before the start: the fragment's parent.
                if depth == 0 {
                    break;
                }
                depth -= 1;
                if depth == 0 && rooted {
                    break;
                }
            }
            Ok(Event::Text(t)) => {
                let value = t
                    .unescape()
                    .map(|c| c.into_owned())
                    .unwrap_or_else(|_| String::from_utf8_lossy(&t).into_owned());
                let slot = match current.as_slice() {
                    b"code" => &mut f.code,
                    b"message" => &mut f.message,
                    b"requestid" => &mut f.request_id,
                    _ => continue,
                };
                if slot.is_none() && !value.trim().is_empty() {
                    *slot = Some(value.trim().to_string());
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    f
}

/// The text between `open` and `close` (lower case; the tags' case is forgiven); when `close`
/// is missing (a cut body), up to the next tag or 200 bytes, shortened to a character boundary.
fn between(s: &str, open: &str, close: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    let a = lower.find(open)? + open.len();
    let rest = &s[a..];
    let b = lower[a..]
        .find(close)
        .unwrap_or_else(|| rest.find('<').unwrap_or(rest.len()).min(200));
    let v = crate::sanitize::cut(rest, b).trim();
    (!v.is_empty()).then(|| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_element_that_names_a_secret_gives_nothing_of_it() {
        // A broken document (found by fuzzing) whose only text left is a secret's.
        let body = concat!(
            "<Error>\n<Code CoInvali resolve host: www.g29 Too*Many Requests\r\n",
            "  File \"/app/modules/discobUKlFShHU=</HostId>\n</rd_connector.py\", line 240, in on_raw_reaction_add\n",
            "  File \"/usr/local/lib/python3.10/site-packages/discord/http.py\", line 74source\": {\n",
            "  File \"\n<ApiToken>Zq9XmlSecret</ApiToken>"
        );
        let mut ev = Evidence::default();
        scan(body, &mut ev);
        for e in &ev.errors {
            for v in [&e.code, &e.message].into_iter().flatten() {
                assert!(!v.contains("Zq9XmlSecret"), "{v}");
            }
        }
    }

    #[test]
    fn between_tags_and_cut_bodies() {
        let table: &[(&str, Option<&str>)] = &[
            ("<Code>NoSuchKey</Code>", Some("NoSuchKey")),
            ("<Code> NoSuchKey </Code>", Some("NoSuchKey")),
            ("<Code>NoSuchKey<Message>", Some("NoSuchKey")),
            ("<Code>NoSuchK", Some("NoSuchK")),
            ("<Code></Code>", None),
            ("no tags", None),
            ("<CODE>SlowDown</CODE>", Some("SlowDown")),
        ];
        for (s, want) in table {
            assert_eq!(between(s, "<code>", "</code>").as_deref(), *want, "{s:?}");
        }
        // Found by fuzzing: the 200-byte limit of a cut value fell inside a character.
        let cut = format!("<Code>{}\u{fffd}\u{fffd}", "x".repeat(198));
        assert_eq!(
            between(&cut, "<code>", "</code>").map(|v| v.len()),
            Some(198)
        );
    }

    fn read(text: &str) -> Evidence {
        let mut ev = Evidence::default();
        scan(text, &mut ev);
        ev
    }

    fn found(text: &str) -> Option<(Option<String>, Option<String>, Option<String>)> {
        let ev = read(text);
        let e = ev.errors.first()?;
        assert_eq!(
            (e.shape, e.hints),
            ("S3 XML <Error> body", &["s3", "r2"][..])
        );
        Some((e.code.clone(), e.message.clone(), ev.request_id.clone()))
    }

    fn some(
        code: Option<&str>,
        message: Option<&str>,
        id: Option<&str>,
    ) -> Option<(Option<String>, Option<String>, Option<String>)> {
        Some((
            code.map(Into::into),
            message.map(Into::into),
            id.map(Into::into),
        ))
    }

    #[test]
    fn error_documents_in_any_form() {
        let rows = [
            (
                "<?xml version=\"1.0\"?>\n<Error>\n  <Code>NoSuchKey</Code>\n  <Message>The specified key does not exist.</Message>\n  <RequestId>4442587FB7D0A2F9</RequestId>\n</Error>",
                some(Some("NoSuchKey"), Some("The specified key does not exist."), Some("4442587FB7D0A2F9")),
            ),
            // Another root around the error, in other casing; the first value of a field wins.
            (
                "<ErrorResponse><error><code>A_1</code><Code>B_2</Code><Message>m</Message></error><RequestId>R1</RequestId></ErrorResponse>",
                some(Some("A_1"), Some("m"), Some("R1")),
            ),
            // Reading ends with the element it began with.
            (
                "<Error><Code>A_1</Code><Message>first</Message></Error><Error><Code>B_2</Code></Error>",
                some(Some("A_1"), Some("first"), None),
            ),
            // A fragment without its root; entities expanded, unknown ones kept as written.
            (
                "text <Code>SlowDown</Code><Message>a &amp; b</Message>",
                some(Some("SlowDown"), Some("a & b"), None),
            ),
            // Reading ends with the root: a field after it is not the error's.
            (
                "<Error><Code>A_1</Code></Error><Message>later</Message>",
                some(Some("A_1"), None, None),
            ),
            // A fragment ends with its parent.
            ("<Code>A_1</Code></Details><Message>outside</Message>", some(Some("A_1"), None, None)),
            ("<Error><Code>X_Y</Code><Message>a &bogus; b</Message></Error>", some(Some("X_Y"), Some("a &bogus; b"), None)),
            // A masked request id is no id.
            ("<Error><Code>X_Y</Code><RequestId>****</RequestId></Error>", some(Some("X_Y"), None, None)),
            // Broken XML: the fields by their tags.
            ("<Error><Code>AccessDenied</Code><Message>Access Den", some(Some("AccessDenied"), Some("Access Den"), None)),
            ("<Error><Message>only a message</Message></Error>", some(None, Some("only a message"), None)),
            // Nothing there.
            ("<Error><Code>  </Code></Error>", None),
            ("<Errors/>", None),
            ("no tags, Error Code NoSuchKey", None),
        ];
        for (text, want) in rows {
            assert_eq!(found(text), want, "{text}");
        }
    }

    #[test]
    fn at_most_max_xml_is_read() {
        let within = format!(
            "<Error><Message>{}</Message><Code>LATE</Code></Error>",
            "m".repeat(1_000_000) /* under MAX_XML, 1 MiB */
        );
        assert_eq!(found(&within).and_then(|f| f.0).as_deref(), Some("LATE"));
        let beyond = format!(
            "<Error><Message>{}</Message><Code>LATE</Code></Error>",
            "m".repeat(1_100_000)
        );
        assert_eq!(found(&beyond).and_then(|f| f.0), None);
    }
}
