//! Text from the input is untrusted. Before it is shown in any output form, control characters,
//! bidi overrides and zero-width characters are made visible as escapes, and secrets are masked,
//! so that an error body can never drive the user's terminal or leak a credential.

/// Escapes C0/C1 controls (newlines too: echoed text is one line), bidi controls and zero-width
/// characters as `\u{..}` or the usual short escapes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_dangerous(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// At most `max` bytes of `s` (cut on a character boundary), then `… (N more bytes)`: an
/// echoed value stays a few lines long however long the server's was.
pub fn clip(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} more bytes)", &s[..end], s.len() - end)
}

/// Characters that must never reach a terminal raw.
pub fn is_dangerous(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
            | '\u{061c}'
            | '\u{fff9}'..='\u{fffb}')
}

/// Header names whose values are secrets.
pub fn is_secret_header(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    matches!(
        n.as_str(),
        "authorization"
            | "proxy-authorization"
            | "cookie"
            | "set-cookie"
            | "x-auth-key"
            | "x-auth-token"
            | "x-api-key"
            | "api-key"
            | "apikey"
            | "x-amz-security-token"
            | "x-goog-api-key"
    ) || n.contains("secret")
        || n.contains("password")
}

/// Masks credentials inside free text: bearer and basic tokens, presigned-URL signatures and
/// credentials, and `key=value` pairs whose key names a secret.
pub fn mask_secrets(s: &str) -> String {
    // Nearly every string has no secret: skip the searches unless a marker can be there.
    let lower = s.to_ascii_lowercase();
    if !s.contains('=')
        && !["bearer ", "basic ", "bot "]
            .iter()
            .any(|m| lower.contains(m))
    {
        return s.to_string();
    }
    let mut out = s.to_string();
    for scheme in ["Bearer ", "bearer ", "BEARER ", "Basic ", "basic ", "Bot "] {
        out = mask_after(&out, scheme, |c: char| {
            c.is_whitespace() || c == '"' || c == '\'' || c == ','
        });
    }
    for key in [
        "X-Amz-Signature=",
        "X-Amz-Credential=",
        "X-Amz-Security-Token=",
        "Signature=",
        "sig=",
        "access_token=",
        "api_key=",
        "apikey=",
        "token=",
        "password=",
        "secret=",
    ] {
        out = mask_after(&out, key, |c: char| {
            c == '&' || c.is_whitespace() || c == '"' || c == '\'' || c == '<' || c == ','
        });
    }
    out
}

/// Replaces the value that follows every occurrence of `marker` (case-insensitive) with `****`.
fn mask_after(s: &str, marker: &str, end: impl Fn(char) -> bool) -> String {
    let lower = s.to_ascii_lowercase();
    let m = marker.to_ascii_lowercase();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(pos) = lower[i..].find(&m) {
        let start = i + pos + m.len();
        // "token=" must not match inside "x-amz-security-token=" twice; any earlier mask wins.
        out.push_str(&s[i..start]);
        let rest = &s[start..];
        let len = rest.find(&end).unwrap_or(rest.len());
        if len > 0 && &rest[..len] != "****" {
            out.push_str("****");
        } else {
            out.push_str(&rest[..len]);
        }
        i = start + len;
    }
    out.push_str(&s[i..]);
    out
}

/// Escape and mask: what every echoed piece of input goes through.
pub fn clean(s: &str) -> String {
    escape(&mask_secrets(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_could_drive_a_terminal() {
        let table = [
            ("plain text", "plain text"),
            ("\u{1b}[31mred\u{1b}[0m", "\\u{1b}[31mred\\u{1b}[0m"),
            ("\u{1b}]0;title\u{7}", "\\u{1b}]0;title\\u{7}"),
            ("a\nb\r\tc", "a\\nb\\r\\tc"),
            ("evil\u{202e}txt", "evil\\u{202e}txt"),
            ("zero\u{200b}width", "zero\\u{200b}width"),
            ("c1\u{9b}31m", "c1\\u{9b}31m"),
            ("bom\u{feff}", "bom\\u{feff}"),
            ("naïve — ok", "naïve — ok"),
        ];
        for (input, want) in table {
            assert_eq!(escape(input), want, "{input:?}");
            assert!(!escape(input).chars().any(is_dangerous));
        }
    }

    #[test]
    fn masks_secrets() {
        let table = [
            (
                "Authorization: Bearer abc.def.ghi",
                "Authorization: Bearer ****",
            ),
            (
                "https://b.s3.amazonaws.com/k?X-Amz-Signature=deadbeef&x=1",
                "https://b.s3.amazonaws.com/k?X-Amz-Signature=****&x=1",
            ),
            (
                "?X-Amz-Credential=AKIA%2F2020&X-Amz-Security-Token=zzz",
                "?X-Amz-Credential=****&X-Amz-Security-Token=****",
            ),
            ("no secrets here", "no secrets here"),
            ("Bot MTIz.abc", "Bot ****"),
        ];
        for (input, want) in table {
            assert_eq!(mask_secrets(input), want, "{input:?}");
        }
    }

    #[test]
    fn secret_headers() {
        for h in [
            "Authorization",
            "cookie",
            "Set-Cookie",
            "X-Auth-Key",
            "x-api-key",
            "X-Amz-Security-Token",
        ] {
            assert!(is_secret_header(h), "{h}");
        }
        for h in ["Content-Type", "Retry-After", "x-amz-request-id", "cf-ray"] {
            assert!(!is_secret_header(h), "{h}");
        }
    }
}
