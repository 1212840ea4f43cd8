//! The plain form of a pasted text: what a log or a wrapper escaped, unescaped. Backslash
//! escapes (`\n`, `\"`, `\u0027`, `\/`, up to two levels, as in JSON inside a JSON log string),
//! HTML entities of a copied page, and markdown emphasis and code marks. The readers run on
//! this form as well as on the text itself. Linear in the input.

use std::borrow::Cow;

/// Nothing is unescaped past this many levels.
const LEVELS: usize = 2;

pub fn plain(text: &str) -> Cow<'_, str> {
    // Whether anything here is escaped at all (most logs are not), by memchr's searches.
    let b = text.as_bytes();
    if memchr::memchr3(b'\\', b'&', b'*', b).is_none() && memchr::memchr2(b'`', b'|', b).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out: Cow<str> = match gutter(text) {
        Some(s) => Cow::Owned(s),
        None => Cow::Borrowed(text),
    };
    for _ in 0..LEVELS {
        match backslashes(&out) {
            Some(s) => out = Cow::Owned(s),
            None => break,
        }
    }
    if let Some(s) = entities(&out) {
        out = Cow::Owned(s);
    }
    if out.contains("**") || out.contains('`') {
        out = Cow::Owned(out.replace("**", "").replace('`', ""));
    }
    out
}

/// The lines of an error record that PowerShell prints behind a gutter (its ConciseView:
/// `Line |`, `  41 |  Invoke-RestMethod ...`, `     | {"message": ...}`), without it, or
/// `None` where fewer than [`GUTTER_LINES`] lines have one.
/// https://github.com/PowerShell/PowerShell/blob/master/src/System.Management.Automation/FormatAndOutput/DefaultFormatters/PowerShellCore_format_ps1xml.cs
fn gutter(s: &str) -> Option<String> {
    // The text after a line's gutter: spaces, a line number or `Line`, then `|`.
    let after = |line: &str| -> Option<usize> {
        let head = line.len() - line.trim_start().len();
        let rest = &line[head..];
        let rest_at = rest
            .strip_prefix("Line")
            .unwrap_or_else(|| rest.trim_start_matches(|c: char| c.is_ascii_digit()));
        let bar = line.len() - rest_at.trim_start().len();
        let tail = line[bar..].strip_prefix('|')?;
        (tail.is_empty() || tail.starts_with(' ')).then(|| line.len() - tail.len())
    };
    if s.lines()
        .filter(|l| after(l).is_some())
        .take(GUTTER_LINES)
        .count()
        < GUTTER_LINES
    {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    for line in s.split_inclusive('\n') {
        match after(line.trim_end_matches(['\n', '\r'])) {
            Some(k) => {
                out.push_str(line[k..].strip_prefix(' ').unwrap_or(&line[k..]));
            }
            None => out.push_str(line),
        }
    }
    Some(out)
}

/// Fewer lines than this behind a gutter are a table's, not an error record's.
const GUTTER_LINES: usize = 3;

/// One level of backslash escapes, or `None` when there is none to undo.
fn backslashes(s: &str) -> Option<String> {
    let escaped = ["\\n", "\\\"", "\\u00", "\\t", "\\/", "\\r"]
        .iter()
        .any(|m| s.contains(m));
    if !escaped {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some('n') => {
                chars.next();
                out.push('\n');
            }
            Some('t') => {
                chars.next();
                out.push('\t');
            }
            Some('r') => {
                chars.next();
            }
            Some(q @ ('"' | '/' | '\\' | '\'')) => {
                chars.next();
                out.push(q);
            }
            Some('u') => {
                chars.next();
                let hex: String = chars.clone().take(4).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(ch) if hex.len() == 4 => {
                        for _ in 0..4 {
                            chars.next();
                        }
                        out.push(ch);
                    }
                    _ => out.push_str("\\u"),
                }
            }
            _ => out.push('\\'),
        }
    }
    Some(out)
}

const ENTITIES: &[(&str, &str)] = &[
    ("&quot;", "\""),
    ("&#34;", "\""),
    ("&#39;", "'"),
    ("&#x27;", "'"),
    ("&apos;", "'"),
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&nbsp;", " "),
    ("&amp;", "&"),
];

fn entities(s: &str) -> Option<String> {
    if !s.contains('&') || !ENTITIES.iter().any(|(e, _)| s.contains(e)) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, r)) => {
                out.push_str(r);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn unescapes_what_wrappers_escape() {
        let rows = [
            (r#"{\n  \"code\": 1\n}"#, "{\n  \"code\": 1\n}"),
            (r#"{\\\"code\\\": 2}"#, "{\"code\": 2}"),
            (r"it\u0027s", "it's"),
            (r"https:\/\/x", "https://x"),
            ("&lt;Error&gt;&quot;a&quot; &amp; b", "<Error>\"a\" & b"),
            ("**Web server is down**", "Web server is down"),
            ("`AccessDenied`", "AccessDenied"),
            (r"bad \q stays", r"bad \q stays"),
            (r"cut \u00", r"cut \u00"),
            (r"a\\nb", "a\nb"),
            // Two levels at most: the third stays as written.
            (r"a\\\\nb", r"a\nb"),
            ("a\\r\\nb\\tc", "a\nb\tc"),
            (r"it\'s \/ done", "it's / done"),
            (r"\u00e9t\u00E9", "été"),
            (r"\uZZZZ \ud83d", r"\uZZZZ \ud83d"),
            (
                "&#34;a&#34; &#39;b&#x27; &apos;c&apos;&nbsp;d",
                "\"a\" 'b' 'c' d",
            ),
            ("&copy; & &amp;lt; &quot;", "&copy; & &lt; \""),
            ("**bold** and a * b", "bold and a * b"),
            // PowerShell's gutter of an error record, three lines or more.
            (
                "Invoke-RestMethod: C:\\x.ps1:41\nLine |\n  41 |  Invoke-RestMethod -Uri $u\n     | {\n     |   \"message\": \"You are being rate limited.\"\n     | }\r\nPS C:\\>",
                "Invoke-RestMethod: C:\\x.ps1:41\n\n Invoke-RestMethod -Uri $u\n{\n  \"message\": \"You are being rate limited.\"\n}\r\nPS C:\\>",
            ),
            ("a | b\nc | d", "a | b\nc | d"),
            ("     | {\n     | }", "     | {\n     | }"),
        ];
        for (input, want) in rows {
            assert_eq!(plain(input), want, "{input}");
        }
    }

    #[test]
    fn plain_text_is_borrowed() {
        for text in ["nothing to do here", "a * b", "R&D", r"a \q", "a | b"] {
            assert!(
                matches!(plain(text), std::borrow::Cow::Borrowed(_)),
                "{text}"
            );
        }
    }
}
