//! Credentials masked by rule: a value whose key names a credential (in every notation the
//! record reader knows: `pairs`), URL user-info, and tokens of well-known forms.

use super::pairs::{self, after_key, quote_at, quoted_end, sym, value_start, CLAUSE_END};

/// Words that make a header, field or parameter name a credential's, wherever they stand in
/// it.
const SECRET_WORDS: &[&str] = &[
    "token",
    "secret",
    "auth",
    "session",
    "cookie",
    "password",
    "passwd",
    "passphrase",
    "credential",
    "signature",
    "private",
    "csrf",
    "xsrf",
    "access-client",
];

/// Short words that count only as a whole part of a name (`sig`, `api-key`, `pwd`); parts
/// are split at `-`, `_`, `.` and where a lower-case letter meets a capital (`masterKey`).
const SECRET_PARTS: &[&str] = &["key", "sig", "pwd", "apikey", "pass", "jwt", "bearer"];

/// Whether a header (or field) named so carries a credential: by rule, any name with a word
/// such as token, key, secret, auth, session, cookie, password, credential or signature, or a
/// part that ends in `key` (`AccountKey`, `SharedAccessKey`, `hmackey`; a public key is no
/// secret). Case, leading `-`, `_` or `.` and `_` for `-` forgiven; no allocation (it runs at
/// every word of every output).
pub fn is_secret_header(name: &str) -> bool {
    let name = name.trim_start_matches(['-', '_', '.', ':']).as_bytes();
    let same = |a: &u8, b: u8| a.to_ascii_lowercase() == b || (*a == b'_' && b == b'-');
    let has = |w: &str| {
        name.windows(w.len())
            .any(|s| s.iter().zip(w.bytes()).all(|(a, b)| same(a, b)))
    };
    if error_name(name) {
        return false;
    }
    if SECRET_WORDS.iter().any(|w| has(w)) {
        return true;
    }
    let mut prev: &[u8] = b"";
    let mut secret = false;
    for_parts(name, |part| {
        let key = ends_with_ignore_case(part, "key");
        let public = key
            && (ends_with_ignore_case(part, "publickey")
                || prev.eq_ignore_ascii_case(b"public") && part.eq_ignore_ascii_case(b"key"));
        let named = key
            || SECRET_PARTS
                .iter()
                .any(|w| part.eq_ignore_ascii_case(w.as_bytes()));
        if named && !public {
            secret = true;
        }
        prev = part;
    });
    secret
}

/// Words that, first or last in a name, make it the name of an error about a credential
/// (`NoSuchKey`, `InvalidAccessKeyId`, `SignatureDoesNotMatch`, `ExpiredTokenException`), not
/// a credential's.
const ERROR_FIRST: &[&str] = &[
    "no",
    "invalid",
    "missing",
    "bad",
    "unknown",
    "wrong",
    "expired",
    "malformed",
    "incorrect",
    "unsupported",
    "unauthorized",
    "insufficient",
    "duplicate",
];
const ERROR_LAST: &[&str] = &[
    "error",
    "errors",
    "exception",
    "fault",
    "failed",
    "failure",
    "expired",
    "required",
    "mismatch",
    "match",
    "missing",
    "invalid",
    "denied",
    "found",
    "exists",
    "limit",
];

fn error_name(name: &[u8]) -> bool {
    let (mut first, mut last): (Option<&[u8]>, &[u8]) = (None, b"");
    for_parts(name, |part| {
        first.get_or_insert(part);
        last = part;
    });
    let is = |part: &[u8], words: &[&str]| {
        words
            .iter()
            .any(|w| part.eq_ignore_ascii_case(w.as_bytes()))
    };
    first.is_some_and(|f| f.len() < name.len() && (is(f, ERROR_FIRST) || is(last, ERROR_LAST)))
}

/// Calls `f` with each part of a name: split at `-`, `_`, `.`, and where a lower-case letter
/// or digit meets a capital.
fn for_parts<'a>(name: &'a [u8], mut f: impl FnMut(&'a [u8])) {
    let mut start = 0;
    for k in 0..=name.len() {
        let split = k == name.len()
            || matches!(name[k], b'-' | b'.' | b'_')
            || k > start
                && name[k].is_ascii_uppercase()
                && (name[k - 1].is_ascii_lowercase() || name[k - 1].is_ascii_digit());
        if split {
            if k > start {
                f(&name[start..k]);
            }
            start = if k < name.len() && !name[k].is_ascii_uppercase() {
                k + 1
            } else {
                k
            };
        }
    }
}

fn ends_with_ignore_case(s: &[u8], end: &str) -> bool {
    s.len() >= end.len() && s[s.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes())
}

/// Prefixes of well-known tokens, masked wherever they stand (a word of 16 bytes or more):
/// GitHub, GitLab, OpenAI and Stripe keys, Slack bot, user, app and refresh tokens, AWS key
/// ids, Google API keys, OAuth access tokens and client secrets, npm, PyPI and Hugging Face
/// tokens, webhook signing secrets, SendGrid keys, JWTs.
const TOKEN_PREFIXES: &[&str] = &[
    "ghp_",
    "gho_",
    "ghs_",
    "ghu_",
    "ghr_",
    "github_pat_",
    "glpat-",
    "glptt-",
    "gldt-",
    "sk-",
    "sk_live_",
    "sk_test_",
    "rk_live_",
    "rk_test_",
    "pk_live_",
    "whsec_",
    "xoxb-",
    "xoxp-",
    "xoxa-",
    "xoxs-",
    "xoxo-",
    "xoxr-",
    "xoxc-",
    "xoxd-",
    "xoxe-",
    "xoxe.",
    "xapp-",
    "AKIA",
    "ASIA",
    "AIza",
    "ya29.",
    "GOCSPX-",
    "npm_",
    "pypi-",
    "hf_",
    "SG.",
    "shpat_",
    "shpss_",
    "dop_v1_",
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

fn value_end(c: u8) -> bool {
    c.is_ascii_whitespace()
        || matches!(
            c,
            b'"' | b'\'' | b'&' | b',' | b';' | b'<' | b'>' | b')' | b']' | b'}'
        )
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')
}

/// The masked text, built as spans of the original and `****` where a credential stood.
struct Masked<'a> {
    s: &'a str,
    out: String,
    copied: usize,
}

impl Masked<'_> {
    /// Masks `start..end` (nothing when it is empty).
    fn mask(&mut self, start: usize, end: usize) {
        if end > start && start >= self.copied {
            self.out.push_str(&self.s[self.copied..start]);
            self.out.push_str("****");
            self.copied = end;
        }
    }
}

/// The end of the name (a run of name bytes) at `i`.
fn name_end(b: &[u8], i: usize) -> usize {
    i + b[i..].iter().take_while(|&&c| is_name_byte(c)).count()
}

/// Whether a pair starts at `i` (a name, then a separator): where a bare value stops.
fn pair_starts(b: &[u8], i: usize) -> bool {
    let n = name_end(b, i);
    n > i && b[i].is_ascii_alphabetic() && after_key(b, n).1
}

/// The end of a bare value that starts at `i`: its clause's end, a quote, `&`, `<`, or where
/// the next pair starts after a space (`password=correct horse user=bob`).
fn bare_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < b.len() {
        let c = b[j];
        if CLAUSE_END.contains(&(c as char)) || matches!(c, b'"' | b'\'' | b'&' | b'<') {
            break;
        }
        if matches!(sym(b, j), Some((b'&' | b'"', 3))) {
            break;
        }
        if c == b' ' && pair_starts(b, j + 1) {
            break;
        }
        j += 1;
    }
    // Spaces before the end are not the value's.
    while j > i && matches!(b[j - 1], b' ' | b'\t') {
        j -= 1;
    }
    j
}

/// The end of the line at `i` (before `\r\n` or `\n`).
fn line_end(b: &[u8], i: usize) -> usize {
    let j = i + b[i..].iter().take_while(|&&c| c != b'\n').count();
    if j > i && b[j - 1] == b'\r' {
        j - 1
    } else {
        j
    }
}

/// Masks the lines that continue a value ending at `end` (an HTTP header folded onto an
/// indented line, a line ended by a backslash) unless they start a pair of their own.
fn continuation(m: &mut Masked, b: &[u8], mut end: usize) {
    loop {
        let backslash = end > 0 && b[end - 1] == b'\\';
        let nl = end + b[end..].iter().take_while(|&&c| c == b'\r').count();
        if b.get(nl) != Some(&b'\n') {
            return;
        }
        let start = nl + 1;
        let text = start
            + b[start..]
                .iter()
                .take_while(|&&c| c == b' ' || c == b'\t')
                .count();
        if text == start && !backslash || text >= b.len() || b[text] == b'\n' || b[text] == b'\r' {
            return;
        }
        if pair_starts(b, text) {
            return;
        }
        end = line_end(b, text);
        m.mask(text, end);
    }
}

/// Masks the value that a secret key's separator leaves at `j`; `whole` for names whose whole
/// value is a credential (`Authorization`, `Cookie`): to the end of the line unless quoted.
/// Where masking ends.
fn mask_value(m: &mut Masked, b: &[u8], j: usize, whole: bool) -> usize {
    let s = m.s;
    let j = value_start(s, j);
    match b.get(j) {
        None | Some(b'{' | b'(') => return j,
        Some(b'[') => {
            // An array of strings: `{"X-Api-Key": ["..."]}`; of objects, nothing.
            let first = j + 1 + b[j + 1..].iter().take_while(|c| **c == b' ').count();
            if matches!(b.get(first), Some(b'{' | b'[')) {
                return j;
            }
            let end = j
                + 1
                + b[j + 1..]
                    .iter()
                    .take(pairs::MAX_QUOTED)
                    .take_while(|&&c| c != b']' && c != b'\n')
                    .count();
            m.mask(j + 1, end);
            return end;
        }
        _ => {}
    }
    if let Some((q, n)) = quote_at(b, j) {
        let close = if n == 1 {
            quoted_end(b, j + 1, q)
        } else {
            // `\"...\"` or `%22...%22`: the same spelling closes it.
            let spelled = &b[j..j + n];
            b[j + n..]
                .windows(n)
                .take(pairs::MAX_QUOTED)
                .position(|w| w == spelled)
                .map(|k| j + n + k)
        };
        if let Some(end) = close {
            let start = j + n + scheme_len(&s[j + n..end]);
            m.mask(start, end);
            return end;
        }
    }
    let start = j + scheme_len(&s[j..]);
    if s[start..].starts_with("****") {
        // Masked already (text cleaned twice).
        return start + 4;
    }
    let end = if whole {
        line_end(b, start)
    } else {
        bare_end(b, start)
    };
    m.mask(start, end);
    if end == line_end(b, start) {
        continuation(m, b, end);
    }
    end
}

/// The length of an Authorization scheme word (and the spaces after it) at the start of `v`:
/// `Bearer ****`, `AWS4-HMAC-SHA256 ****` keep it visible.
fn scheme_len(v: &str) -> usize {
    let w = v.split([' ', '\t']).next().unwrap_or("");
    if SCHEMES.iter().any(|sc| w.eq_ignore_ascii_case(sc)) && v.len() > w.len() {
        w.len() + v[w.len()..].len() - v[w.len()..].trim_start_matches([' ', '\t']).len()
    } else {
        0
    }
}

/// URL user-info at `i`, where `//` (also `\/\/`, `%2F%2F`) stands: `scheme://user:pass@host`,
/// `//token@host`, a password with `/` in it. The user-info's start, its `@`, and the end of
/// the `@`.
fn user_info(b: &[u8], i: usize) -> Option<(usize, usize, usize)> {
    let slash = |k: usize| match sym(b, k) {
        Some((b'/', n)) => Some(n),
        // `\/` as JSON escapes it, `\\/` when that is escaped again (a value quoted twice).
        Some((b'\\', 1)) => {
            let run = b[k..].iter().take(4).take_while(|&&c| c == b'\\').count();
            (b.get(k + run) == Some(&b'/')).then_some(run + 1)
        }
        _ => None,
    };
    let n1 = slash(i)?;
    let n2 = slash(i + n1)?;
    let start = i + n1 + n2;
    // Over the URL, to its first space, quote or bracket: the first `/` of its path, the
    // first `:` before it, the last `@` before it, the first `@` after it.
    let (mut first_slash, mut colon, mut at_before, mut at_after) = (None, None, None, None);
    let mut k = start;
    while k < b.len() && k < start + 2048 && !value_end(b[k]) {
        if let Some(n) = slash(k) {
            first_slash.get_or_insert(k);
            k += n;
            continue;
        }
        let (c, n) = sym(b, k)?;
        match (c, first_slash) {
            (b'@', None) => at_before = Some((k, n)),
            (b'@', Some(_)) => {
                at_after = Some((k, n));
                break;
            }
            (b':', None) => {
                colon.get_or_insert(k);
            }
            _ => {}
        }
        k += n;
    }
    let (at, n) = match (at_before, at_after, colon, first_slash) {
        (Some(a), _, _, _) => a,
        // `user:pa/ss@host`, but not `host:8080/@scope/pkg` (a port, then a path).
        (None, Some(a), Some(c), Some(sl)) if !b[c + 1..sl].iter().all(u8::is_ascii_digit) => a,
        _ => return None,
    };
    (at > start).then_some((start, at, at + n))
}

/// Masks credentials inside free text, by rule: a value whose key names a credential, in
/// every form of the record reader (`k: v`, `k=v`, `"k": "v"`, `k => v`, `Some("v")`,
/// `:k "v"`, `<k>v</k>`, `"k": ["v"]`, percent-encoded, keys after `-`, `_` or `.`), bare
/// values to the end of their clause; `Authorization` and `Cookie` values whole (every scheme,
/// every pair, a folded next line); URL user-info; Discord webhook tokens; JWTs and well-known
/// token prefixes; `Bearer <token>` in prose. One pass, linear in the text.
pub fn mask_secrets(s: &str) -> String {
    let b = s.as_bytes();
    let mut m = Masked {
        s,
        out: String::with_capacity(s.len()),
        copied: 0,
    };
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if !is_name_byte(c) || i > 0 && is_name_byte(b[i - 1]) {
            if matches!(c, b'/' | b'\\' | b'%') {
                if let Some((start, at, end)) = user_info(b, i) {
                    m.mask(start, at);
                    i = end;
                    continue;
                }
            }
            i += 1;
            continue;
        }
        let n = name_end(b, i);
        let name = &s[i..n];
        let core = name.trim_start_matches(['-', '_', '.']);
        if core.len() >= 16 && TOKEN_PREFIXES.iter().any(|p| core.starts_with(p)) {
            m.mask(i, n);
            i = n;
            continue;
        }
        // A Google refresh token: `1//` and a long token.
        if name == "1" && s[n..].starts_with("//") && name_end(b, n + 2) >= n + 2 + 20 {
            let end = name_end(b, n + 2);
            m.mask(i, end);
            i = end;
            continue;
        }
        // Discord webhook: /api/webhooks/<id>/<token>.
        if name == "webhooks" && b.get(n) == Some(&b'/') {
            let id = n + 1 + b[n + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if id > n + 1 && b.get(id) == Some(&b'/') {
                let tok = id + 1 + b[id + 1..].iter().take_while(|&&c| !value_end(c)).count();
                m.mask(id + 1, tok);
                i = tok;
                continue;
            }
        }
        if ["bearer", "basic", "bot"]
            .iter()
            .any(|w| core.eq_ignore_ascii_case(w))
        {
            // `Bearer <token>` anywhere: spaces, a tab or `%20` before the token.
            let mut gap = b[n..]
                .iter()
                .take_while(|&&c| c == b' ' || c == b'\t')
                .count();
            if gap == 0 && s[n..].starts_with("%20") {
                gap = 3;
            }
            let tok = &s[n + gap..];
            let len = tok.bytes().take_while(|&c| !value_end(c)).count();
            // A short lower-case word is prose ("invalid basic string", "bot token"), not a
            // credential: those mix cases, digits or symbols, or are long.
            let word = len < 16 && tok[..len].bytes().all(|b| b.is_ascii_lowercase());
            if gap > 0 && len >= 3 && !word && !tok.starts_with("****") && !tok.starts_with('<') {
                m.mask(n + gap, n + gap + len);
                i = n + gap + len;
                continue;
            }
            i = n;
            continue;
        }
        let whole = ends_with_ignore_case(core.as_bytes(), "authorization")
            || ends_with_ignore_case(core.as_bytes(), "cookie");
        if !(whole || is_secret_header(core)) {
            i = n;
            continue;
        }
        let before = if i > 0 { b[i - 1] } else { b' ' };
        // `<password>...</password>`: the element's text.
        if before == b'<' && b.get(n) == Some(&b'>') {
            let end = n + 1 + b[n + 1..].iter().take_while(|&&c| c != b'<').count();
            m.mask(n + 1, end);
            i = end;
            continue;
        }
        let (j, separated) = after_key(b, n);
        // EDN and Clojure maps: `:password "..."`, with no separator; the quote in any
        // spelling the record reader knows (`\"` when the map was logged inside a string).
        let keyword = before == b':'
            && (i < 2 || !is_name_byte(b[i - 2]))
            && j > n
            && quote_at(b, j).is_some_and(|(q, _)| q == b'"');
        if !(separated || keyword) {
            i = n;
            continue;
        }
        i = mask_value(&mut m, b, j, whole).max(n);
    }
    m.out.push_str(&s[m.copied..]);
    m.out
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// Every form of the third review, with payloads of our own: (input, the secret).
    #[test]
    fn masks_every_notation_the_record_reader_knows() {
        let table = [
            // Keys after `-`, `_` or `.`.
            ("run --password=Hunter2Cli now", "Hunter2Cli"),
            ("form _token=Xq7TokenVal&next=1", "Xq7TokenVal"),
            ("Set: _app_session=SessAbc123; path=/", "SessAbc123"),
            ("cfg.db.password = DbPass77", "DbPass77"),
            // Every pair of a Cookie header.
            ("Cookie: theme=dark; _app_session=CookieTwo9; csrftoken=CookieThree8", "CookieTwo9"),
            ("Cookie: theme=dark; _app_session=CookieTwo9; csrftoken=CookieThree8", "CookieThree8"),
            // Names longer than a window.
            ("AccountKey=AzureKey0123==;EndpointSuffix=core", "AzureKey0123"),
            ("SharedAccessKey=SasKeyValue99", "SasKeyValue99"),
            ("{masterKey: \"MasterK3y\"}", "MasterK3y"),
            ("passphrase: Open Sesame Phrase", "Sesame Phrase"),
            // Every separator.
            ("{:password => \"RubyPw55\"}", "RubyPw55"),
            ("Creds { api_key: Some(\"RustKey44\") }", "RustKey44"),
            ("{:password \"EdnPw33\" :user \"bob\"}", "EdnPw33"),
            // The same map logged inside a string (or quoted by a message): `\"`.
            ("\"{:secret_key \\\"EdnEsc44\\\"}\"", "EdnEsc44"),
            ("<Password>XmlPw22</Password>", "XmlPw22"),
            ("<SecretAccessKey>XmlSecret11</SecretAccessKey>", "XmlSecret11"),
            ("{\"X-Api-Key\":[\"ArrayKey00\"]}", "ArrayKey00"),
            ("token -> ArrowTok12", "ArrowTok12"),
            ("{\\\"password\\\":\\\"EscapedPw1\\\"}", "EscapedPw1"),
            // URL user-info with slashes escaped twice (a JSON value quoted again).
            ("redirect=\"https:\\\\/\\\\/ci:TwiceEsc9@git.example\"", "TwiceEsc9"),
            // Unquoted values with spaces.
            ("password: correct horse battery", "horse battery"),
            ("password=two words user=bob", "two words"),
            // URL user-info: escaped slashes, a token as the user name, `/` in the password.
            ("\"url\":\"https:\\/\\/bob:EscSlash9@h.example\\/x\"", "EscSlash9"),
            ("https://ghp_TokenAsUser0123@github.com/o/r", "TokenAsUser0123"),
            ("https://plainusertoken@git.example.com/r", "plainusertoken"),
            ("https://bob:pa/ss/Word9@h.example/x", "ss/Word9"),
            // Percent-encoded.
            ("next=%2Fcb%3Fpassword%3DPctPw42%26x%3D1", "PctPw42"),
            ("q=%22token%22%3A%22PctTok43%22", "PctTok43"),
            ("r=https%3A%2F%2Fbob%3APctUrl44%40h.example", "PctUrl44"),
            // Authorization: Digest whole, in a header and in JSON.
            ("Authorization: Digest username=\"bob\", nonce=\"n1\", response=\"DigestResp5\"", "DigestResp5"),
            ("{\"Authorization\": \"Digest username=\\\"bob\\\", response=\\\"DigestJson6\\\"\"}", "DigestJson6"),
            // A credential continued on the next line.
            ("Authorization: Bearer FirstHalf0\n  SecondHalf1\nAccept: */*", "SecondHalf1"),
            ("-H 'X-Api-Key: KeyStart2\\\nKeyRest3'", "KeyRest3"),
            // Token families.
            ("slack xoxe.xoxp-1-RefreshSlack0123456", "RefreshSlack0123456"),
            ("slack xoxs-0123456789-abcdefghijkl", "0123456789-abcdefghijkl"),
            ("npm npm_abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz"),
            ("pypi pypi-AgEIcHlwaS5vcmcCJDAwMDAwMDAw", "AgEIcHlwaS5vcmcCJDAw"),
            ("hf hf_abcdefghijklmnopqrstuvwxyzABCDEFGH", "abcdefghijklmnopqrstuvwxyz"),
            ("google ya29.a0AfH6SMBxyzxyzxyzxyzxyz", "a0AfH6SMBxyz"),
            ("refresh 1//0gLongRefreshTokenValue0123", "LongRefreshTokenValue"),
            ("client GOCSPX-ClientSecretValue0123", "ClientSecretValue"),
            ("stripe whsec_SigningSecretValue0123", "SigningSecretValue"),
        ];
        for (input, secret) in table {
            let got = mask_secrets(input);
            assert!(!got.contains(secret), "{input:?} -> {got:?}");
            assert!(got.contains("****"), "{input:?} -> {got:?}");
        }
        // What shows the form stays visible: the key, the scheme, the host.
        for (input, want) in [
            (
                "Authorization: Digest username=\"bob\", response=\"x1\"",
                "Authorization: Digest ****",
            ),
            ("<Password>x</Password>", "<Password>****</Password>"),
            ("https://bob:pw@h.example/x", "https://****@h.example/x"),
            ("password=two words user=bob", "password=**** user=bob"),
            ("{\"X-Api-Key\":[\"k\"]}", "{\"X-Api-Key\":[****]}"),
        ] {
            assert_eq!(mask_secrets(input), want, "{input:?}");
        }
        // Error names about credentials, and URLs with a port and a path, stay.
        for plain in [
            "NoSuchKey: The specified key does not exist.",
            "InvalidAccessKeyId: The AWS Access Key Id you provided does not exist",
            "SignatureDoesNotMatch: The request signature we calculated does not match",
            "https://registry.example.org:8080/@scope/pkg",
            "https://registry.npmjs.org/@scope/pkg",
            "X-PublicKey: abc",
            "Missing Authentication Token",
        ] {
            assert_eq!(mask_secrets(plain), plain);
        }
    }
}
