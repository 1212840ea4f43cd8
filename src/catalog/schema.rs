//! The catalog file format (`data/*.toml`) and its invariants.
//!
//! This file is compiled twice: by `build.rs`, which embeds the catalogs and refuses to build a
//! broken one, and by the binary, which reads user catalogs and answers `--check-catalog`. Both
//! therefore enforce exactly the same rules, and every problem names file, entry and field.

use crate::lexicon::normalize;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;

/// The four classes of an error; each maps to one exit code.
pub const CLASSES: &[&str] = &["success", "client", "server", "network"];
/// Retry advice: `no` (fix first), `now` (safe to retry at once), `backoff` (retry with
/// exponential backoff), `after` (wait `retry_after` seconds).
pub const RETRIES: &[&str] = &["no", "now", "backoff", "after"];

/// A catalog file as written. Every field is optional here so that a missing one is reported by
/// [`validate`] with the entry it belongs to, rather than as a bare deserialisation error.
#[derive(Debug, Deserialize)]
pub struct CatalogFile {
    pub catalog: Option<CatalogMeta>,
    #[serde(default)]
    pub entry: Vec<EntryDef>,
}

#[derive(Debug, Default, Deserialize)]
pub struct CatalogMeta {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(default)]
    pub description: String,
    pub source: Option<String>,
    /// Rank among catalogs when one code matches in several (lower first). Only the embedded
    /// catalogs are ordered by it; user catalogs rank after them.
    #[allow(dead_code)]
    #[serde(default)]
    pub order: Option<u32>,
    /// Catalogs whose entries answer for this one too (the Cloudflare API's R2 product is the
    /// `r2` catalog): `cloudflare:10007` finds `r2:10007`, and the facts are kept once.
    #[allow(dead_code)]
    #[serde(default)]
    pub includes: Vec<String>,
    /// What the entries' `message` fields are, unless an entry says otherwise: `official`
    /// (the API's verbatim wording, the default) or `description` (the source describes the
    /// error but does not give what the API sends).
    pub message_kind: Option<String>,
}

/// The kinds of `message`: verbatim API wording, or a source's description.
pub const MESSAGE_KINDS: &[&str] = &["official", "description"];

/// Whether an entry's message is a description rather than the API's wording.
pub fn described(meta: &CatalogMeta, e: &EntryDef) -> bool {
    e.message_kind.as_deref().or(meta.message_kind.as_deref()) == Some("description")
}

#[derive(Debug, Deserialize)]
pub struct EntryDef {
    pub code: Option<String>,
    pub name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub product: Option<String>,
    pub status: Option<i64>,
    pub class: Option<String>,
    pub retry: Option<String>,
    pub retry_after: Option<i64>,
    pub duplicate: Option<String>,
    pub message: Option<String>,
    /// `official` or `description`; the catalog's `message_kind` when left out.
    pub message_kind: Option<String>,
    pub meaning: Option<String>,
    pub cause: Option<String>,
    pub fix: Option<String>,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<String>,
    pub source: Option<String>,
}

/// One broken rule, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub entry: Option<String>,
    pub field: String,
    pub message: String,
}

impl Problem {
    pub fn new(file: &str, entry: Option<String>, field: &str, message: String) -> Problem {
        Problem {
            file: file.to_string(),
            entry,
            field: field.to_string(),
            message,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.entry {
            Some(e) => write!(
                f,
                "{}: entry {}: field `{}`: {}",
                self.file, e, self.field, self.message
            ),
            None => write!(f, "{}: field `{}`: {}", self.file, self.field, self.message),
        }
    }
}

/// Parses a catalog file's text: a syntax error, or the first unknown field, is one problem.
/// (For `build.rs`, which fails the build on the first problem, and the tests.)
#[cfg_attr(not(test), allow(dead_code))]
pub fn parse(file: &str, text: &str) -> Result<CatalogFile, Problem> {
    let (cat, unknown) = parse_all(file, text)?;
    match unknown.into_iter().next() {
        Some(p) => Err(p),
        None => Ok(cat),
    }
}

/// At most this many unknown fields are reported for one file.
const MAX_UNKNOWN: usize = 50;

/// Parses a catalog file's text. A syntax error is one problem naming the file, the line and
/// column, with a caret under the place; unknown fields (every one, not only the first) come
/// back beside the parsed file, so that they are reported with the other problems.
pub fn parse_all(file: &str, text: &str) -> Result<(CatalogFile, Vec<Problem>), Problem> {
    let mut unknown: Vec<String> = Vec::new();
    let de = toml::Deserializer::new(text);
    let parsed = serde_ignored::deserialize(de, |path| {
        // A field's name is the file's text: bounded, like the quoted line of a syntax error.
        if unknown.len() < MAX_UNKNOWN {
            unknown.push(path.to_string().chars().take(80).collect());
        }
    });
    let cat: CatalogFile = parsed.map_err(|e| syntax_problem(file, text, &e))?;
    let problems = unknown
        .iter()
        .map(|path| {
            // `entry.3.colour` is field `colour` of the fourth entry; `catalog.x` is `catalog.x`.
            // (`?` marks an optional value on the way: `catalog.?.colour`.)
            let parts: Vec<&str> = path.split('.').filter(|p| *p != "?").collect();
            match parts.as_slice() {
                ["entry", n, rest @ ..] if !rest.is_empty() => {
                    let index: usize = n.parse().unwrap_or(0);
                    let code = cat
                        .entry
                        .get(index)
                        .and_then(|e| e.code.clone())
                        .unwrap_or_default();
                    let label = if code.is_empty() {
                        format!("#{}", index + 1)
                    } else {
                        format!("{code} (#{})", index + 1)
                    };
                    Problem::new(file, Some(label), &rest.join("."), "unknown field".into())
                }
                _ => Problem::new(file, None, &parts.join("."), "unknown field".into()),
            }
        })
        .collect();
    Ok((cat, problems))
}

/// At most this many characters of the offending line are shown: a catalog path may point at
/// a file of secrets, so of the file itself only the start of one line is quoted.
const SHOWN: usize = 12;

fn syntax_problem(file: &str, text: &str, e: &toml::de::Error) -> Problem {
    let at = e.span().map(|sp| sp.start.min(text.len())).unwrap_or(0);
    let before = text.get(..at).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let full = text
        .get(start..)
        .and_then(|t| t.lines().next())
        .unwrap_or("");
    let mut shown: String = full.chars().take(SHOWN).collect();
    if full.chars().count() > SHOWN {
        shown.push('…');
    }
    let what: String = e
        .message()
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(120)
        .collect();
    // The caret diagram, as TOML tools draw it, on lines of its own; past the shown start of
    // the line, the caret stands after it and the column says where.
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    let caret = " ".repeat(col.min(SHOWN + 1) - 1);
    Problem {
        file: file.to_string(),
        entry: None,
        field: "(syntax)".to_string(),
        message: format!(
            "line {line}, column {col}: {what}\n {pad} |\n {number} | {shown}\n {pad} | {caret}^"
        ),
    }
}

fn has_control(s: &str) -> bool {
    s.chars().any(char::is_control)
}

/// Checks every invariant of one catalog file; an empty list means the file is good.
pub fn validate(file: &str, cat: &CatalogFile) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |entry: Option<String>, field: &str, message: String| {
        out.push(Problem::new(file, entry, field, message))
    };
    match &cat.catalog {
        None => push(None, "catalog", "missing [catalog] table".into()),
        Some(meta) => {
            match meta.id.as_deref() {
                None | Some("") => push(None, "catalog.id", "missing".into()),
                Some(id) => {
                    if !id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    {
                        push(
                            None,
                            "catalog.id",
                            format!("{id:?}: use lower-case letters, digits and '-'"),
                        );
                    }
                }
            }
            if meta.name.as_deref().is_none_or(str::is_empty) {
                push(None, "catalog.name", "missing".into());
            }
            if meta.source.as_deref().is_none_or(str::is_empty) {
                push(None, "catalog.source", "missing".into());
            }
            if let Some(k) = meta.message_kind.as_deref() {
                if !MESSAGE_KINDS.contains(&k) {
                    push(
                        None,
                        "catalog.message_kind",
                        format!("{k:?} is not one of {}", MESSAGE_KINDS.join(", ")),
                    );
                }
            }
        }
    }
    if cat.entry.is_empty() {
        push(None, "entry", "the catalog has no entries".into());
    }
    // (normalised code, product) -> entry numbers, for the uniqueness rule.
    let mut seen: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, e) in cat.entry.iter().enumerate() {
        let label = match &e.code {
            Some(c) if !c.is_empty() => format!("{c} (#{})", i + 1),
            _ => format!("#{}", i + 1),
        };
        let lab = || Some(label.clone());
        match e.code.as_deref() {
            None | Some("") => push(lab(), "code", "missing".into()),
            Some(c) => {
                if c.contains(':') || c.chars().any(char::is_whitespace) {
                    push(lab(), "code", "must not contain ':' or spaces".into());
                } else if normalize(c).is_empty() {
                    push(lab(), "code", "needs at least one letter or digit".into());
                } else {
                    seen.entry((normalize(c), e.product.clone().unwrap_or_default()))
                        .or_default()
                        .push(i);
                }
            }
        }
        for (field, value) in [
            ("name", &e.name),
            ("meaning", &e.meaning),
            ("cause", &e.cause),
            ("fix", &e.fix),
        ] {
            match value.as_deref() {
                None => push(lab(), field, "missing".into()),
                Some(v) if v.trim().is_empty() => push(lab(), field, "empty".into()),
                Some(v) if has_control(v) => {
                    push(lab(), field, "contains a control character".into())
                }
                _ => {}
            }
        }
        for (field, value) in [
            ("message", &e.message),
            ("source", &e.source),
            ("product", &e.product),
        ] {
            if let Some(v) = value.as_deref() {
                if v.trim().is_empty() {
                    push(lab(), field, "empty; leave it out instead".into());
                } else if has_control(v) {
                    push(lab(), field, "contains a control character".into());
                }
            }
        }
        match (e.message_kind.as_deref(), &e.message) {
            (Some(k), _) if !MESSAGE_KINDS.contains(&k) => push(
                lab(),
                "message_kind",
                format!("{k:?} is not one of {}", MESSAGE_KINDS.join(", ")),
            ),
            (Some(_), None) => push(lab(), "message_kind", "there is no message".into()),
            _ => {}
        }
        match e.class.as_deref() {
            None => push(lab(), "class", "missing".into()),
            Some(c) if !CLASSES.contains(&c) => push(
                lab(),
                "class",
                format!("{c:?} is not one of {}", CLASSES.join(", ")),
            ),
            _ => {}
        }
        match e.retry.as_deref() {
            None => push(lab(), "retry", "missing".into()),
            Some(r) if !RETRIES.contains(&r) => push(
                lab(),
                "retry",
                format!("{r:?} is not one of {}", RETRIES.join(", ")),
            ),
            Some("after") => match e.retry_after {
                None => push(
                    lab(),
                    "retry_after",
                    "required when retry = \"after\"".into(),
                ),
                Some(n) if !(1..=86_400).contains(&n) => push(
                    lab(),
                    "retry_after",
                    format!("{n} is not between 1 and 86400 seconds"),
                ),
                _ => {}
            },
            Some(_) => {
                if e.retry_after.is_some() {
                    push(
                        lab(),
                        "retry_after",
                        "only allowed with retry = \"after\"".into(),
                    );
                }
            }
        }
        if let Some(s) = e.status {
            if !(100..=599).contains(&s) {
                push(
                    lab(),
                    "status",
                    format!("{s} is not an HTTP status (100-599)"),
                );
            }
        }
        for a in &e.aliases {
            if normalize(a).is_empty() {
                push(
                    lab(),
                    "aliases",
                    format!("alias {a:?} has no letter or digit"),
                );
            }
        }
        for p in &e.patterns {
            // Specific enough to identify an error: ten letters or more in all, one part of
            // six or more (`h` or `error` would match ordinary text).
            let parts: Vec<&str> = p.split("...").map(str::trim).collect();
            let letters: usize = parts
                .iter()
                .map(|x| x.chars().filter(|c| !c.is_whitespace()).count())
                .sum();
            if letters < 10 || parts.iter().all(|x| x.chars().count() < 6) {
                push(
                    lab(),
                    "patterns",
                    format!("pattern {p:?} is too short to identify an error (10 characters or more, one part of 6 or more)"),
                );
            }
        }
        for n in &e.notes {
            if n.trim().is_empty() || has_control(n) {
                push(
                    lab(),
                    "notes",
                    "a note is empty or has a control character".into(),
                );
            }
        }
    }
    let mut dups: Vec<_> = seen.into_iter().collect();
    dups.sort();
    for ((_, product), idx) in dups {
        let marked = idx.iter().all(|&i| cat.entry[i].duplicate.is_some());
        let code = cat.entry[idx[0]].code.clone().unwrap_or_default();
        let product = if product.is_empty() {
            String::new()
        } else {
            format!(" (product {product})")
        };
        if idx.len() > 1 && !marked {
            let nums: Vec<String> = idx.iter().map(|i| format!("#{}", i + 1)).collect();
            push(
                Some(format!("{code} ({})", nums.join(", "))),
                "code",
                format!("code{product} repeats; mark every copy with duplicate = \"why\" if that is deliberate"),
            );
        }
        if idx.len() == 1 && cat.entry[idx[0]].duplicate.is_some() {
            push(
                Some(format!("{code} (#{})", idx[0] + 1)),
                "duplicate",
                "marked as a deliberate duplicate, but the code is unique".into(),
            );
        }
    }
    out
}

/// Words of a text, lower case, letters and digits only.
fn word_list(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How much of two texts is the same words (Dice coefficient over words, 0 to 1).
fn overlap(a: &str, b: &str) -> f64 {
    let (a, b) = (word_list(a), word_list(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut rest = b.clone();
    let mut common = 0;
    for w in &a {
        if let Some(i) = rest.iter().position(|x| x == w) {
            rest.swap_remove(i);
            common += 1;
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Words that begin with a vowel letter but a consonant sound ("a user"), and with a
/// consonant letter but a vowel sound ("an hour"); letters read one by one ("an HTTP").
fn article_wrong(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for pair in words.windows(2) {
        let art = pair[0].trim_start_matches(['(', '"', '\'']);
        let next = pair[1].trim_start_matches(['(', '"', '\'', '`', '*']);
        let Some(first) = next.chars().next() else {
            continue;
        };
        let lower = next.to_lowercase();
        let spelled = next.len() > 1
            && next
                .chars()
                .take(2)
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        // Acronyms are read as words (a NAT, a SOAP) or letter by letter (an HTTP): not judged.
        if spelled || lower.starts_with("nginx") {
            continue;
        }
        let vowel_sound = {
            let consonant_sound_vowel = [
                "uni", "use", "usa", "usu", "uti", "one", "once", "eu", "ure",
            ]
            .iter()
            .any(|p| lower.starts_with(p));
            let silent_h = ["hour", "honest", "honor", "honour", "heir"]
                .iter()
                .any(|p| lower.starts_with(p));
            ("aeiou".contains(first.to_ascii_lowercase()) && !consonant_sound_vowel) || silent_h
        };
        if !first.is_alphabetic() {
            continue;
        }
        match art {
            "a" | "A" if vowel_sound => return Some(format!("\"{} {}\"", pair[0], pair[1])),
            "an" | "An" if !vowel_sound => return Some(format!("\"{} {}\"", pair[0], pair[1])),
            _ => {}
        }
    }
    None
}

/// Style problems of a catalog (reported as warnings by `--check-catalog`, and refused in the
/// built-in catalogs by the tests): the same cause or fix for more than three entries, names
/// cut with "...", meanings that only repeat the message, a/an grammar, and sources that are
/// neither a public address nor a named document.
pub fn style(file: &str, cat: &CatalogFile) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |entry: Option<String>, field: &str, message: String| {
        out.push(Problem::new(file, entry, field, message))
    };
    #[allow(clippy::type_complexity)]
    let mut counts: std::collections::HashMap<(&str, &str), usize> =
        std::collections::HashMap::new();
    for e in &cat.entry {
        for (field, v) in [("cause", &e.cause), ("fix", &e.fix)] {
            if let Some(v) = v {
                *counts.entry((field, v.as_str())).or_default() += 1;
            }
        }
    }
    let source_ok = |s: &str| {
        s.contains("https://")
            || s.contains("http://")
            || !(s.contains(".tsv") || s.contains("seed ") || s.contains(" @ "))
                && s.split_whitespace().count() >= 2
    };
    if let Some(s) = cat.catalog.as_ref().and_then(|c| c.source.as_deref()) {
        if !source_ok(s) {
            push(
                None,
                "catalog.source",
                "name a public address or a named document".into(),
            );
        }
    }
    for e in &cat.entry {
        let lab = || e.code.clone();
        if let Some(n) = &e.name {
            if n.ends_with("...") || n.ends_with('…') {
                push(
                    lab(),
                    "name",
                    "a name is a whole short label, not a cut message".into(),
                );
            }
        }
        for (field, v) in [("cause", &e.cause), ("fix", &e.fix)] {
            if let Some(v) = v {
                let n = counts.get(&(field, v.as_str())).copied().unwrap_or(0);
                if n > 3 {
                    push(
                        lab(),
                        field,
                        format!("the same text stands in {n} entries; write it for this error"),
                    );
                }
            }
        }
        if let (Some(m), Some(msg)) = (&e.meaning, &e.message) {
            if overlap(m, msg) >= 0.85 {
                push(
                    lab(),
                    "meaning",
                    "repeats the message; say what it means".into(),
                );
            }
        }
        for (field, v) in [
            ("meaning", &e.meaning),
            ("cause", &e.cause),
            ("fix", &e.fix),
        ] {
            if let Some(bad) = v.as_deref().and_then(article_wrong) {
                push(lab(), field, format!("article: {bad}"));
            }
        }
        if let Some(s) = &e.source {
            if !source_ok(s) {
                push(
                    lab(),
                    "source",
                    "name a public address or a named document".into(),
                );
            }
        }
        // Class and retry must agree: success is never retried with a wait.
        if e.class.as_deref() == Some("success")
            && matches!(e.retry.as_deref(), Some("backoff" | "after"))
        {
            push(
                lab(),
                "retry",
                "a success is not retried with a wait".into(),
            );
        }
    }
    out
}
