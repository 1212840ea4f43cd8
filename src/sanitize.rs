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

/// The longest start of `s` of at most `max` bytes that ends at a character boundary.
pub fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// At most `max` bytes of `s` (cut on a character boundary), then `… (N more bytes)`: an
/// echoed value stays a few lines long however long the server's was.
pub fn clip(s: &str, max: usize) -> String {
    let kept = cut(s, max);
    if kept.len() == s.len() {
        return s.to_string();
    }
    format!("{kept}… ({} more bytes)", s.len() - kept.len())
}

/// Like [`escape`], but keeps line breaks: for multi-line messages such as clap's.
pub fn escape_lines(s: &str) -> String {
    s.split('\n')
        .map(|l| escape(l.strip_suffix('\r').unwrap_or(l)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Characters that must never reach a terminal raw: every control character (C0, DEL, C1),
/// every format character that is not printed (Unicode general category Cf: bidi controls,
/// zero-width characters, tag characters, invisible operators), the line and paragraph
/// separators, and every other default-ignorable code point (variation selectors, Hangul
/// fillers, U+00AD, U+180E, ...): by property, from the Unicode Character Database's
/// `Default_Ignorable_Code_Point` and `Cf` ranges, not a hand-picked list of favourites.
pub fn is_dangerous(c: char) -> bool {
    c.is_control()
        || INVISIBLE
            .iter()
            .any(|&(lo, hi)| (lo..=hi).contains(&(c as u32)))
}

/// `Default_Ignorable_Code_Point` ∪ `Cf` ∪ {Zl, Zp} (Unicode 15.1), merged into ranges.
const INVISIBLE: &[(u32, u32)] = &[
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
];

/// Words that make a header, field or parameter name a credential's.
const SECRET_WORDS: &[&str] = &[
    "token",
    "secret",
    "auth",
    "session",
    "cookie",
    "password",
    "passwd",
    "credential",
    "signature",
    "private",
    "csrf",
    "xsrf",
    "access-client",
];

/// Short words that count only as a whole part of a name (`sig`, `api-key`, `pwd`).
const SECRET_PARTS: &[&str] = &["key", "sig", "pwd", "apikey", "pass"];

/// Whether a header (or field) named so carries a credential: by rule, any name with a word
/// such as token, key, secret, auth, session, cookie, password, credential or signature.
/// Case and `_` for `-` forgiven; no allocation (it runs at every word of every output).
pub fn is_secret_header(name: &str) -> bool {
    let name = name.as_bytes();
    let same = |a: &u8, b: u8| a.to_ascii_lowercase() == b || (*a == b'_' && b == b'-');
    let has = |w: &str| {
        name.windows(w.len())
            .any(|s| s.iter().zip(w.bytes()).all(|(a, b)| same(a, b)))
    };
    SECRET_WORDS.iter().any(|w| has(w))
        || name.split(|b| matches!(b, b'-' | b'.' | b'_')).any(|part| {
            SECRET_PARTS
                .iter()
                .any(|w| part.eq_ignore_ascii_case(w.as_bytes()))
                || part.len() <= 8 && ends_with_ignore_case(part, "key")
        })
}

fn ends_with_ignore_case(s: &[u8], end: &str) -> bool {
    s.len() >= end.len() && s[s.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes())
}

/// Prefixes of well-known tokens, masked wherever they stand.
const TOKEN_PREFIXES: &[&str] = &[
    "ghp_",
    "gho_",
    "ghs_",
    "ghu_",
    "ghr_",
    "github_pat_",
    "glpat-",
    "sk-",
    "sk_live_",
    "sk_test_",
    "rk_live_",
    "xoxb-",
    "xoxp-",
    "xoxa-",
    "xoxs-",
    "xapp-",
    "AKIA",
    "ASIA",
    "AIza",
    "eyJ",
];

/// Authorization schemes kept visible before the masked credential.
const SCHEMES: &[&str] = &[
    "bearer",
    "basic",
    "bot",
    "token",
    "digest",
    "negotiate",
    "aws4-hmac-sha256",
    "apikey",
];

fn value_end(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '\'' | '&' | ',' | ';' | '<' | '>' | ')' | ']' | '}'
        )
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')
}

/// Masks credentials inside free text, by rule: `Authorization` values of any scheme,
/// `key=value`, `key: value` and `"key": "value"` forms whose key names a secret, URL
/// user-info, Discord webhook tokens, JWTs, well-known token prefixes and `Bearer <token>` in
/// prose. One pass, linear in the text.
pub fn mask_secrets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let word_start =
            bytes[i].is_ascii_alphanumeric() && (i == 0 || !is_name_byte(bytes[i - 1]));
        if !word_start {
            // URL user-info: `scheme://user:pass@host`, also where a reader split the scheme
            // off (`//user:pass@host`).
            if s[i..].starts_with("//") {
                let rest = &s[i + 2..];
                let end = rest
                    .find(|c: char| value_end(c) || c == '/')
                    .unwrap_or(rest.len());
                if let Some(at) = rest[..end].rfind('@') {
                    if rest[..at].contains(':') {
                        out.push_str("//****@");
                        i += 2 + at + 1;
                        continue;
                    }
                }
            }
            let ch = s[i..].chars().next().unwrap_or(' ');
            out.push(ch);
            i += ch.len_utf8();
            continue;
        }
        let name_len = bytes[i..].iter().take_while(|&&b| is_name_byte(b)).count();
        let name = &s[i..i + name_len];
        if TOKEN_PREFIXES.iter().any(|p| name.starts_with(p)) && name_len >= 16 {
            out.push_str("****");
            i += name_len;
            continue;
        }
        // Discord webhook: /api/webhooks/<id>/<token>.
        if name == "webhooks" && s[i + name_len..].starts_with('/') {
            let rest = &s[i + name_len + 1..];
            if let Some(k) = rest
                .find('/')
                .filter(|&k| k > 0 && rest[..k].bytes().all(|b| b.is_ascii_digit()))
            {
                let tok = rest[k + 1..].find(value_end).unwrap_or(rest.len() - k - 1);
                let head = name_len + 1 + k + 1;
                out.push_str(&s[i..i + head]);
                if tok > 0 {
                    out.push_str("****");
                }
                i += head + tok;
                continue;
            }
        }
        out.push_str(name);
        i += name_len;
        let scheme = ["bearer", "basic", "bot"]
            .iter()
            .any(|w| name.eq_ignore_ascii_case(w));
        let auth = ends_with_ignore_case(name.as_bytes(), "authorization");
        if scheme {
            // `Bearer <token>` anywhere: spaces, a tab or `%20` before the token.
            let rest = &s[i..];
            let mut gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            if gap == 0 && rest.starts_with("%20") {
                gap = 3;
            }
            let tok = &rest[gap..];
            let len = tok.find(value_end).unwrap_or(tok.len());
            // A short lower-case word is prose ("invalid basic string", "bot token"), not a
            // credential: those mix cases, digits or symbols, or are long.
            let word = len < 16 && tok[..len].bytes().all(|b| b.is_ascii_lowercase());
            if gap > 0 && len >= 3 && !word && !tok.starts_with("****") && !tok.starts_with('<') {
                out.push_str(&rest[..gap]);
                out.push_str("****");
                i += gap + len;
            }
            continue;
        }
        if !(auth || is_secret_header(name)) {
            continue;
        }
        // A key followed by a separator: `k=v`, `k: v`, `"k": "v"`, `k = 'v'`.
        let rest = &s[i..];
        let sep_len = rest
            .find(|c: char| !matches!(c, '"' | '\'' | ' ' | '\t' | ':' | '='))
            .unwrap_or(rest.len());
        let sep = &rest[..sep_len];
        if sep.matches([':', '=']).count() != 1 {
            continue;
        }
        out.push_str(sep);
        i += sep_len;
        let quoted = sep.ends_with('"') || sep.ends_with('\'');
        let rest = &s[i..];
        // Keep a scheme word visible: `Bearer ****`, `AWS4-HMAC-SHA256 ****`.
        let mut keep = 0;
        if let Some(w) = rest.split(char::is_whitespace).next() {
            if SCHEMES.iter().any(|sc| w.eq_ignore_ascii_case(sc)) {
                keep = w.len();
                keep += rest[keep..].len() - rest[keep..].trim_start_matches([' ', '\t']).len();
            }
        }
        out.push_str(&rest[..keep]);
        let rest = &rest[keep..];
        let len = if auth {
            rest.find(['\n', '\r', '"', '\'']).unwrap_or(rest.len())
        } else if quoted {
            rest.find(['"', '\'', '\n']).unwrap_or(rest.len())
        } else {
            rest.find(value_end).unwrap_or(rest.len())
        };
        if len > 0 {
            out.push_str("****");
        }
        i += keep + len;
    }
    out
}

/// Escape and mask: what every echoed piece of input goes through.
pub fn clean(s: &str) -> String {
    escape(&mask_secrets(s))
}

/// [`clean`], keeping line breaks (a message of several lines, such as a caret diagram).
pub fn clean_lines(s: &str) -> String {
    escape_lines(&mask_secrets(s))
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
            ("line\u{2028}sep", "line\\u{2028}sep"),
            ("tag\u{e0041}\u{e0042}", "tag\\u{e0041}\\u{e0042}"),
            ("soft\u{ad}hyphen", "soft\\u{ad}hyphen"),
            ("vs\u{fe0f}16", "vs\\u{fe0f}16"),
            ("mongol\u{180e}", "mongol\\u{180e}"),
            ("hangul\u{3164}filler", "hangul\\u{3164}filler"),
            ("word\u{2061}joiner", "word\\u{2061}joiner"),
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
    fn masks_every_form_by_rule() {
        // (input, the secret that must not survive)
        let table = [
            ("X-Vault-Token: s.abcdef123456", "s.abcdef123456"),
            ("Private-Token: glpat-xyzxyzxyzxyzxyzx", "glpat-xyzxyz"),
            (
                "Ocp-Apim-Subscription-Key: 0123456789abcdef",
                "0123456789abcdef",
            ),
            ("DD-API-KEY: ddkey0123456789", "ddkey0123456789"),
            ("X-CSRF-Token: csrf0123456789", "csrf0123456789"),
            ("CF-Access-Client-Id: clientid0123.access", "clientid0123"),
            ("see https://alice:hunter2@example.com/x", "hunter2"),
            ("https: //bob:hunter3@example.com/", "hunter3"),
            (
                "https://discord.com/api/webhooks/123456789/AbCdEf_token-XYZ",
                "AbCdEf_token",
            ),
            (
                "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_sig_sig",
                "eyJhbGciOiJIUzI1NiJ9",
            ),
            (
                "token ghp_0123456789abcdefghij0123456789abcd",
                "ghp_0123456789",
            ),
            ("key sk-proj-0123456789abcdefghij", "sk-proj-0123"),
            ("slack xoxb-1234-5678-abcdefghij", "xoxb-1234"),
            (
                "aws_access_key_id=AKIAIOSFODNN7EXAMPLE",
                "AKIAIOSFODNN7EXAMPLE",
            ),
            (
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG",
                "wJalrXUtnFEMI",
            ),
            ("PASSWORD: 'correct horse'", "correct horse"),
            ("\"client_secret\": \"cs-0123456789\"", "cs-0123456789"),
            ("api-key=abcdef0123456789", "abcdef0123456789"),
            ("Authorization: Token tok0123456789", "tok0123456789"),
            (
                "Authorization: AWS4-HMAC-SHA256 Credential=AKID/2024/s3, Signature=abcdef",
                "Credential=AKID",
            ),
            ("Authorization: Bearer  doublespace0123", "doublespace0123"),
            ("Authorization:\tBearer\ttabbed0123456", "tabbed0123456"),
            ("header Bearer%20percent0123456", "percent0123456"),
            ("log: bearer abcdefghijklmnopq", "abcdefghijklmnopq"),
            (
                "curl -H 'Bot MTk4NjIyNDgzNDcxOTI1MjQ4'",
                "MTk4NjIyNDgzNDcxOTI1MjQ4",
            ),
            ("Cookie: session=abc0123456789; theme=dark", "abc0123456789"),
        ];
        for (input, secret) in table {
            let got = mask_secrets(input);
            assert!(!got.contains(secret), "{input:?} -> {got:?}");
            assert!(got.contains("****"), "{input:?} -> {got:?}");
        }
        // What is no secret stays.
        for plain in [
            "invalid basic string",
            "the bot token is missing",
            "Content-Type: application/json",
            "the key point is speed",
            "x-amz-request-id: ABC123",
            "Retry-After: 5",
            "keep-alive: timeout=5",
        ] {
            assert_eq!(mask_secrets(plain), plain);
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
        for h in [
            "X-Vault-Token",
            "Private-Token",
            "Ocp-Apim-Subscription-Key",
            "DD-API-KEY",
            "X-CSRF-Token",
            "CF-Access-Client-Id",
            "X-Session-Id",
            "x-amz-signature",
            // `_` for `-`; a short part that is a secret word; a short word ending in "key".
            "CF_ACCESS_CLIENT_ID",
            "db_pwd",
            "HmacKey",
        ] {
            assert!(is_secret_header(h), "{h}");
        }
        for h in [
            "Content-Type",
            "Retry-After",
            "x-amz-request-id",
            "cf-ray",
            "Keep-Alive",
            // Only `_` stands for `-`; a long word ending in "key" is no key.
            "access.client",
            "X-PublicKey",
        ] {
            assert!(!is_secret_header(h), "{h}");
        }
    }

    #[test]
    fn cut_ends_at_a_character_boundary_at_most_max_bytes_in() {
        for (s, max, want) in [
            ("abc", 5, "abc"),
            ("abc", 3, "abc"),
            ("abcdef", 3, "abc"),
            ("abcdef", 0, ""),
            ("aé", 2, "a"), // 'é' is two bytes: cutting inside it steps back
            ("aéb", 3, "aé"),
            ("日本", 4, "日"),
            ("日本", 5, "日"),
            ("日本", 6, "日本"),
        ] {
            assert_eq!(cut(s, max), want, "{s:?} at {max}");
        }
    }
}
