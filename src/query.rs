//! The one normaliser for what people type: `NoSuchKey`, `nosuchkey`, `no_such_key`,
//! `r2:10058`, `HTTP 429`, `429 Too Many Requests`. Anything else with spaces in it is taken as
//! pasted response text.

use crate::catalog::Registry;
use crate::lexicon::normalize;
use crate::sanitize::Untrusted;

/// A query for catalog entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// As typed.
    pub raw: Untrusted,
    /// `catalog:` prefix, when given and known.
    pub catalog: Option<String>,
    /// Normalised key.
    pub key: String,
    /// Set when the query names an HTTP status (`429`, `HTTP 429`, `429 Too Many Requests`).
    pub status: Option<u16>,
}

/// What one argument is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Query(Query),
    /// Pasted response text, to be read like standard input.
    Text(String),
    /// Standard input (no query, or `-`).
    Stdin,
    /// A file to read as a response (`-f PATH`, or an argument that names a file).
    File(std::path::PathBuf),
}

/// Longest argument still taken as a code rather than as pasted text.
pub const MAX_CODE: usize = 128;

fn status_of(digits: &str) -> Option<u16> {
    if digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok().filter(|s| (100..=599).contains(s))
    } else {
        None
    }
}

/// `HTTP 429`, `HTTP/1.1 429 ...`, `429 Too Many Requests`: the status, if the text is one.
fn status_form(s: &str) -> Option<u16> {
    let mut words = s.split_whitespace();
    let first = words.next()?;
    let upper = first.to_ascii_uppercase();
    // `HTTP 429`, `status 429`, `error 503`, `got 404`, `code 500`: a status as people type it.
    if upper == "HTTP"
        || upper.starts_with("HTTP/")
        || matches!(
            upper.as_str(),
            "STATUS" | "ERROR" | "GOT" | "CODE" | "STATUS:" | "ERROR:"
        )
    {
        return status_of(words.next()?.trim_end_matches(':'));
    }
    let st = status_of(first)?;
    let reason: Vec<&str> = words.collect();
    if !reason.is_empty()
        && reason.len() <= 6
        && reason.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
    {
        Some(st)
    } else {
        None
    }
}

/// The status of a line typed as a status with words after it that say more than its reason
/// phrase ([`says_more`]): such a line is read as a response, with this status.
pub fn status_with_words(s: &str, reg: &Registry) -> Option<u16> {
    status_form(s.trim()).filter(|&st| says_more(s.trim(), st, reg))
}

/// Whether the words after a status say more than its reason phrase: some entry's message
/// or name (`403 Missing Permissions`, `HTTP 404: The specified bucket does not exist`). The
/// argument is then read as a response, where the status and the message choose the entry
/// together.
fn says_more(s: &str, st: u16, reg: &Registry) -> bool {
    let digits = st.to_string();
    let Some(at) = s.find(&digits) else {
        return false;
    };
    let rest = &s[at + digits.len()..];
    let words = rest.trim_matches(|c: char| !c.is_alphanumeric());
    if crate::lexicon::REASONS
        .iter()
        .any(|&(n, r)| n == st && r.eq_ignore_ascii_case(words))
    {
        return false;
    }
    reg.phrases(rest).iter().any(|h| {
        !(h.phrase.entry.status == Some(st) && h.phrase.is_own_status_reason())
            && h.phrase.entry.catalog != "http"
    })
}

/// `Cloudflare 1020`, `discord 50013`, `Amazon S3 NoSuchKey`: a catalog's id or name, then
/// one code (with a digit in it, or one the catalog has), as `catalog:code`.
fn catalog_form(raw: &str, s: &str, reg: &Registry) -> Option<Query> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let (code, named) = words.split_last()?;
    if named.is_empty() || named.len() > 3 {
        return None;
    }
    let named = named.join(" ");
    let c = reg
        .catalogs()
        .iter()
        .find(|c| c.id.eq_ignore_ascii_case(&named) || c.name.eq_ignore_ascii_case(&named))?;
    let key = normalize(code);
    let known = reg
        .lookup(&key)
        .iter()
        .any(|(e, _)| crate::catalog::covers(c.id, e.catalog));
    if key.is_empty() || !(known || code.bytes().any(|b| b.is_ascii_digit())) {
        return None;
    }
    Some(Query {
        raw: Untrusted::new(raw),
        catalog: Some(c.id.to_string()),
        status: status_of(code).filter(|_| c.id == "http"),
        key,
    })
}

/// Unquoted words that together are one query are read as one: `429 Too Many Requests` (a
/// status and its own reason phrase), `HTTP 429`, `Missing Permissions` (a name or official
/// message, none of whose words is a code alone), `Cloudflare 1020` (a catalog and a code).
/// Other arguments stay as they are: `404 500` is two queries.
pub fn join_words(args: &[String], reg: &Registry) -> Vec<String> {
    /// The longest run of words read as one.
    const MOST: usize = 8;
    let mut out = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let longest = (i + 2..=args.len().min(i + MOST))
            .rev()
            .find(|&j| one_query(&args[i..j], reg));
        let j = longest.unwrap_or(i + 1);
        out.push(args[i..j].join(" "));
        i = j;
    }
    out
}

fn one_query(words: &[String], reg: &Registry) -> bool {
    if words
        .iter()
        .any(|w| w.trim().is_empty() || w.contains(char::is_whitespace))
    {
        return false;
    }
    let text = words.join(" ");
    if catalog_form(&text, &text, reg).is_some() {
        return true;
    }
    if let Some(st) = status_form(&text) {
        if status_of(&words[0]).is_none() {
            // `HTTP 429`, `status 429`: a label and the status, nothing after.
            return words.len() == 2;
        }
        // `429 Too Many Requests`: the words after the status are its reason phrase.
        let reason = normalize(&words[1..].join(" "));
        return reg
            .lookup(&st.to_string())
            .iter()
            .any(|(e, _)| e.catalog == "http" && normalize(e.name) == reason);
    }
    if words.iter().all(|w| !reg.lookup(&normalize(w)).is_empty()) {
        return false;
    }
    let key = normalize(&text);
    !key.is_empty() && text.len() <= 80 && !reg.lookup(&key).is_empty()
}

/// Classifies one argument.
pub fn classify(raw: &str, reg: &Registry) -> Arg {
    let s = raw.trim();
    // A pasted response is read as one, whatever its first line looks like.
    if s.contains('\n') || s.len() > MAX_CODE {
        return Arg::Text(raw.to_string());
    }
    if let Some(st) = status_form(s).filter(|&st| !says_more(s, st, reg)) {
        return Arg::Query(Query {
            raw: Untrusted::new(raw),
            catalog: None,
            key: st.to_string(),
            status: Some(st),
        });
    }
    if s.is_empty() || s.len() > MAX_CODE || s.contains('\n') || s.starts_with(['{', '<', '[']) {
        return Arg::Text(raw.to_string());
    }
    if let Some(q) = catalog_form(raw, s, reg) {
        return Arg::Query(q);
    }
    if s.contains(char::is_whitespace) {
        // A name with spaces ("Unknown token") is still a query when it names an entry.
        let key = normalize(s);
        if s.len() <= 80 && !key.is_empty() && !reg.lookup(&key).is_empty() {
            return Arg::Query(Query {
                raw: Untrusted::new(raw),
                catalog: None,
                key,
                status: None,
            });
        }
        return Arg::Text(raw.to_string());
    }
    let (catalog, code) = match s.split_once(':') {
        Some((prefix, rest)) if reg.catalog(prefix).is_some() => {
            (reg.catalog(prefix).map(|c| c.id.to_string()), rest)
        }
        _ => (None, s),
    };
    let key = normalize(code);
    let status = status_of(code.trim());
    Arg::Query(Query {
        raw: Untrusted::new(raw),
        catalog,
        key,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(raw: &str) -> Query {
        match classify(raw, &Registry::embedded()) {
            Arg::Query(q) => q,
            other => panic!("{raw:?} was taken as {other:?}"),
        }
    }

    #[test]
    fn normalises_what_people_type() {
        let table: &[(&str, Option<&str>, &str, Option<u16>)] = &[
            ("NoSuchKey", None, "nosuchkey", None),
            ("status 429", None, "429", Some(429)),
            ("error 503", None, "503", Some(503)),
            ("got 404", None, "404", Some(404)),
            ("Status: 502", None, "502", Some(502)),
            ("nosuchkey", None, "nosuchkey", None),
            ("no_such_key", None, "nosuchkey", None),
            ("NO-SUCH-KEY", None, "nosuchkey", None),
            ("ALREADY_EXISTS", None, "alreadyexists", None),
            ("already-exists", None, "alreadyexists", None),
            ("10058", None, "10058", None),
            ("r2:10058", Some("r2"), "10058", None),
            ("R2:10058", Some("r2"), "10058", None),
            (
                "cf-artifacts:ALREADY_EXISTS",
                Some("cf-artifacts"),
                "alreadyexists",
                None,
            ),
            ("429", None, "429", Some(429)),
            ("HTTP 429", None, "429", Some(429)),
            ("http/1.1 404", None, "404", Some(404)),
            ("HTTP/2 503 Service Unavailable", None, "503", Some(503)),
            ("429 Too Many Requests", None, "429", Some(429)),
            ("  500  ", None, "500", Some(500)),
            ("http:502", Some("http"), "502", Some(502)),
            ("999", None, "999", None),
            ("Unknown token", None, "unknowntoken", None),
            (
                "CURLE_COULDNT_RESOLVE_HOST",
                None,
                "curlecouldntresolvehost",
                None,
            ),
        ];
        for (raw, cat, key, status) in table {
            let got = q(raw);
            assert_eq!(got.catalog.as_deref(), *cat, "{raw}");
            assert_eq!(got.key, *key, "{raw}");
            assert_eq!(got.status, *status, "{raw}");
        }
    }

    #[test]
    fn a_status_with_a_message_is_read_with_its_status() {
        let reg = Registry::embedded();
        let table: &[(&str, Option<u16>)] = &[
            ("403 Missing Permissions", Some(403)),
            ("HTTP 404: The specified key does not exist.", Some(404)),
            ("  error 403 Missing Access  ", Some(403)),
            // The reason phrase, or words no entry has, say nothing more: a query.
            ("429 Too Many Requests", None),
            ("401 unauthorized", None),
            ("HTTP/1.1 404 Not Found", None),
            ("got 500 while calling /x", None),
            ("HTTP 503", None),
            // No status, no status's message.
            ("Missing Permissions", None),
            ("999 Missing Permissions", None),
        ];
        for (raw, want) in table {
            assert_eq!(status_with_words(raw, &reg), *want, "{raw}");
            if want.is_none() && status_form(raw.trim()).is_some() {
                assert!(matches!(classify(raw, &reg), Arg::Query(_)), "{raw}");
            }
        }
    }

    #[test]
    fn long_or_spaced_text_is_a_pasted_body() {
        let reg = Registry::embedded();
        for raw in [
            "curl: (6) Could not resolve host: example.invalid",
            "{\"code\": 50035, \"message\": \"Invalid Form Body\"}",
            "put: Your metadata headers exceed the maximum allowed metadata size. (10012)",
            "",
            // A status with a message that says more than its reason phrase.
            "403 Missing Permissions",
            "HTTP 404: The specified key does not exist.",
            "error 403 Missing Access",
        ] {
            assert!(matches!(classify(raw, &reg), Arg::Text(_)), "{raw:?}");
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        #[test]
        fn normalising_twice_is_normalising_once(s in any::<String>()) {
            let once = normalize(&s);
            prop_assert_eq!(normalize(&once), once.clone());
            prop_assert!(once.chars().all(char::is_alphanumeric));
        }

        #[test]
        fn classifying_never_panics_and_keys_are_normal(s in any::<String>()) {
            let reg = Registry::embedded();
            match classify(&s, &reg) {
                Arg::Query(q) => {
                    prop_assert_eq!(normalize(&q.key), q.key.clone());
                    if let Some(st) = q.status {
                        prop_assert!((100..=599).contains(&st));
                    }
                }
                Arg::Text(t) => prop_assert_eq!(t, s),
                Arg::Stdin | Arg::File(_) => {
                    prop_assert!(false, "classify names neither standard input nor a file")
                }
            }
        }
    }
}
