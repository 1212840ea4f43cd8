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
    /// Set in a phrasebook file (`data/phrases/*.toml`): phrasings of other catalogs' entries,
    /// and no entries of its own.
    pub phrasebook: Option<PhrasebookMeta>,
    #[serde(default)]
    pub entry: Vec<EntryDef>,
    /// How clients, runtimes and servers print entries: groups of phrasings, one group per
    /// source.
    #[serde(default)]
    pub phrases: Vec<PhraseGroup>,
    /// Words that name a catalog's product in the text around an error (hosts, URL paths,
    /// SDK names, header names).
    #[serde(default)]
    pub context: Vec<ContextGroup>,
    /// Named lists of words the readers weigh (built-in phrasebooks only): `common` words
    /// that make no message distinctive, `failure` words that open the free-text layers, ...
    #[serde(default)]
    pub words: std::collections::BTreeMap<String, Vec<String>>,
    /// How client libraries word the status of a failed response (`resulted in a \``,
    /// `Response status code does not indicate success: `): the status stands right after (or
    /// right before) each phrasing (built-in phrasebooks only).
    #[serde(default)]
    pub statuses: Vec<StatusGroup>,
    /// How clients say that a request got no response without saying why (a browser's
    /// `Failed to fetch`): a network failure that names no entry (built-in phrasebooks only).
    #[serde(default)]
    pub no_response: Vec<NoResponseGroup>,
}

/// The phrasings one client says "no response came back, for some reason" with, from one
/// source.
#[derive(Debug, Deserialize)]
pub struct NoResponseGroup {
    /// Who prints them (`Chrome fetch()`, `React Native`).
    pub client: Option<String>,
    /// Where they were read: a public address.
    pub source: Option<String>,
    /// The phrasings, matched as whole words, ASCII case forgiven.
    #[serde(default)]
    pub phrases: Vec<String>,
}

/// Where a status stands beside a client's phrasing: right after it (`HTTP Error 404`) or
/// right before it (`404 Client Error`).
pub const STATUS_PLACES: &[&str] = &["after", "before"];

/// What a status read beside a client's phrasing is said to come from, as the evidence names
/// it: a client's report of the status's field (`SDK message`, ranked with the status line's
/// closest witnesses), or its sentence (`client library message`, ranked with prose).
pub const STATUS_SAYS: &[&str] = &[
    "client library message",
    "SDK message",
    "boto message",
    "Guzzle message",
];

/// The phrasings one client prints a failed response's status with, from one source.
#[derive(Debug, Deserialize)]
pub struct StatusGroup {
    /// Who prints them (`Guzzle`, `requests`, `.NET HttpClient`).
    pub client: Option<String>,
    /// Where they were read: a public address.
    pub source: Option<String>,
    /// Where the status stands: `after` the phrasing (default) or `before` it.
    pub place: Option<String>,
    /// What the status is said to come from (one of [`STATUS_SAYS`]).
    pub says: Option<String>,
    /// The catalog the phrasing points to, if it names one (boto's `S3ResponseError`).
    pub hint: Option<String>,
    /// The phrasings, exactly as printed (case and the punctuation next to the status kept).
    #[serde(default)]
    pub phrases: Vec<String>,
}

/// The head of a phrasebook file.
#[derive(Debug, Default, Deserialize)]
pub struct PhrasebookMeta {
    pub name: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    pub description: String,
}

/// The kinds of phrasing: an identifier a library prints (an enum member, an exception
/// class, a constant), matched as whole tokens; or human text, matched as a phrase.
pub const PHRASE_KINDS: &[&str] = &["name", "message"];
/// How much a phrasing says alone: `strong` identifies the entry in any text; `weak` (common
/// words) counts only beside other evidence.
pub const STRENGTHS: &[&str] = &["strong", "weak"];
/// The kinds of context: a host name, a URL path part, a library or tool name, a header name.
pub const CONTEXT_KINDS: &[&str] = &["host", "path", "name", "header"];

/// Phrasings taken from one source, all of one catalog (and product).
#[derive(Debug, Deserialize)]
pub struct PhraseGroup {
    pub catalog: Option<String>,
    pub product: Option<String>,
    /// Who prints them (`discord.js`, `Go net`, `nginx`).
    pub client: Option<String>,
    /// Where they were read: a public address.
    pub source: Option<String>,
    pub kind: Option<String>,
    pub strength: Option<String>,
    /// `[code, text]` pairs: the entry's code, and how it is printed.
    #[serde(default)]
    pub phrases: Vec<Vec<String>>,
}

/// Words that point to a catalog (and product) when they occur near an error.
#[derive(Debug, Deserialize)]
pub struct ContextGroup {
    pub catalog: Option<String>,
    pub source: Option<String>,
    pub kind: Option<String>,
    #[serde(default)]
    pub phrases: Vec<String>,
}

/// The errno numbers of an `os` entry.
#[derive(Debug, Default, Deserialize, Clone, Copy)]
pub struct ErrnoDef {
    pub linux: Option<i64>,
    pub macos: Option<i64>,
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
    /// The catalog's errors happen on the caller's side (an OS error, a tool's exit code):
    /// none of them is the error a server's answer reports.
    #[allow(dead_code)]
    #[serde(default)]
    pub local: bool,
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
    /// The code is a catch-all (Discord's 0, curl's 22): it yields to the status it carries.
    pub catch_all: Option<bool>,
    /// `catalog:code` of the entry elsewhere that means the same failure (an OS error and the
    /// curl exit code for it).
    pub same_as: Option<String>,
    /// The errno numbers of an OS error.
    pub errno: Option<ErrnoDef>,
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
    validate_groups(file, cat, &mut out);
    validate_statuses(file, cat, &mut out);
    validate_no_response(file, cat, &mut out);
    if let Some(book) = &cat.phrasebook {
        let mut push =
            |field: &str, message: String| out.push(Problem::new(file, None, field, message));
        if book.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
            push("phrasebook.name", "missing".into());
        }
        if cat.catalog.is_some() {
            push(
                "phrasebook",
                "a file is a catalog ([catalog]) or a phrasebook ([phrasebook]), not both".into(),
            );
        }
        if !cat.entry.is_empty() {
            push(
                "entry",
                "a phrasebook has no entries of its own; put them in a catalog file".into(),
            );
        }
        if cat.phrases.is_empty()
            && cat.context.is_empty()
            && cat.words.is_empty()
            && cat.statuses.is_empty()
            && cat.no_response.is_empty()
        {
            push("phrases", "the phrasebook has no phrases".into());
        }
        return out;
    }
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
        if let Some(to) = e.same_as.as_deref() {
            if !qualified_code(to) {
                push(lab(), "same_as", format!("{to:?} is not catalog:code"));
            }
        }
        if let Some(errno) = e.errno {
            for (os, n) in [("linux", errno.linux), ("macos", errno.macos)] {
                if n.is_some_and(|n| !(-10_000..=100_000).contains(&n)) {
                    push(
                        lab(),
                        "errno",
                        format!("{os} = {}: not an errno number", n.unwrap_or(0)),
                    );
                }
            }
            if errno.linux.is_none() && errno.macos.is_none() {
                push(lab(), "errno", "give linux, macos or both".into());
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

/// `catalog:code`: a catalog id, a colon, a code without spaces.
fn qualified_code(s: &str) -> bool {
    s.split_once(':').is_some_and(|(c, code)| {
        valid_id(c)
            && !code.is_empty()
            && !code.contains(char::is_whitespace)
            && !code.contains(':')
    })
}

/// A catalog id: lower-case letters, digits and '-', not empty.
fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A public address (what every phrasing's source must be).
fn public_address(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() > 12
        && !s.contains(char::is_whitespace)
}

/// Longest phrasing, in bytes.
pub const MAX_PHRASE: usize = 200;

/// Whether a phrasing has content enough to identify anything: a word of three letters or
/// digits or more, and six in all (`----------` or `a b` would match ordinary text); a name
/// (an identifier such as `EPIPE`) needs a word of four and five in all.
pub fn phrase_has_content(text: &str, name: bool) -> bool {
    let words: Vec<usize> = text
        .split(|c: char| !c.is_alphanumeric())
        .map(|w| w.chars().count())
        .filter(|&n| n > 0)
        .collect();
    let total: usize = words.iter().sum();
    if name && words.iter().any(|&n| n >= 4) && total >= 5 {
        return true;
    }
    words.iter().any(|&n| n >= 3) && total >= 6
}

/// A field whose value is one of `allowed` (or, left out, `default`).
fn choice(v: Option<&str>, allowed: &[&str], default: Option<&str>) -> Result<(), String> {
    match v.or(default) {
        None => Err("missing".into()),
        Some(k) if !allowed.contains(&k) => {
            Err(format!("{k:?} is not one of {}", allowed.join(", ")))
        }
        Some(_) => Ok(()),
    }
}

/// The rules of `[[phrases]]` and `[[context]]` groups, in catalogs and phrasebooks alike.
fn validate_groups(file: &str, cat: &CatalogFile, out: &mut Vec<Problem>) {
    let mut push = |group: String, field: &str, message: String| {
        out.push(Problem::new(file, Some(group), field, message))
    };
    for (i, g) in cat.phrases.iter().enumerate() {
        let label = format!("phrases #{}", i + 1);
        match g.catalog.as_deref() {
            None => push(label.clone(), "catalog", "missing".into()),
            Some(c) if !valid_id(c) => push(
                label.clone(),
                "catalog",
                format!("{c:?}: use lower-case letters, digits and '-'"),
            ),
            _ => {}
        }
        if g.client
            .as_deref()
            .is_none_or(|c| c.trim().is_empty() || has_control(c))
        {
            push(label.clone(), "client", "missing: who prints these".into());
        }
        match g.source.as_deref() {
            Some(s) if public_address(s) => {}
            _ => push(
                label.clone(),
                "source",
                "give the public address where these phrasings were read".into(),
            ),
        }
        if let Err(m) = choice(g.kind.as_deref(), PHRASE_KINDS, None) {
            push(label.clone(), "kind", m);
        }
        if let Err(m) = choice(g.strength.as_deref(), STRENGTHS, Some("strong")) {
            push(label.clone(), "strength", m);
        }
        if g.product
            .as_deref()
            .is_some_and(|p| p.trim().is_empty() || has_control(p))
        {
            push(
                label.clone(),
                "product",
                "empty; leave it out instead".into(),
            );
        }
        if g.phrases.is_empty() {
            push(label.clone(), "phrases", "the group has no phrases".into());
        }
        let mut seen = std::collections::HashSet::new();
        for pair in &g.phrases {
            let [code, text] = pair.as_slice() else {
                push(
                    label.clone(),
                    "phrases",
                    format!("{pair:?}: each phrasing is [code, text]"),
                );
                continue;
            };
            let bad = if code.is_empty() || code.contains(char::is_whitespace) || code.contains(':')
            {
                Some(format!("code {code:?}: not empty, no spaces or ':'"))
            } else if has_control(code) || has_control(text) {
                Some(format!("{code:?}: a control character"))
            } else if text.len() > MAX_PHRASE {
                Some(format!(
                    "{code:?}: a phrasing of more than {MAX_PHRASE} bytes"
                ))
            } else if !phrase_has_content(text, g.kind.as_deref() == Some("name")) {
                Some(format!(
                    "{code:?}: {text:?} is too short to identify an error (a word of 3 letters or digits, 6 in all)"
                ))
            } else if !seen.insert((code.as_str(), text.to_lowercase())) {
                Some(format!("{code:?}: {text:?} repeats in this group"))
            } else {
                None
            };
            if let Some(m) = bad {
                push(label.clone(), "phrases", m);
            }
        }
    }
    for (i, g) in cat.context.iter().enumerate() {
        let label = format!("context #{}", i + 1);
        match g.catalog.as_deref() {
            Some(c) if valid_id(c) => {}
            _ => push(
                label.clone(),
                "catalog",
                "missing or not a catalog id".into(),
            ),
        }
        match g.source.as_deref() {
            Some(s) if public_address(s) => {}
            _ => push(
                label.clone(),
                "source",
                "give the public address that shows these names".into(),
            ),
        }
        if let Err(m) = choice(g.kind.as_deref(), CONTEXT_KINDS, None) {
            push(label.clone(), "kind", m);
        }
        if g.phrases.is_empty() {
            push(label.clone(), "phrases", "the group has no phrases".into());
        }
        for p in &g.phrases {
            if has_control(p) || p.len() > MAX_PHRASE || !phrase_has_content(p, true) {
                push(
                    label.clone(),
                    "phrases",
                    format!("{p:?}: empty, too long, too short or with a control character"),
                );
            }
        }
    }
}

/// The rules every group of a client's phrasings keeps: a client, a public source, and
/// phrasings with content and no control character.
fn validate_client_group(
    client: Option<&str>,
    source: Option<&str>,
    phrases: &[String],
    push: &mut dyn FnMut(&str, String),
) {
    if client.is_none_or(|c| c.trim().is_empty()) {
        push("client", "missing: name who prints these".into());
    }
    if !source.is_some_and(public_address) {
        push(
            "source",
            "give the public address that shows these phrasings".into(),
        );
    }
    if phrases.is_empty() {
        push("phrases", "the group has no phrases".into());
    }
    for p in phrases {
        if has_control(p) || p.len() > MAX_PHRASE || !phrase_has_content(p, false) {
            push(
                "phrases",
                format!("{p:?}: empty, too long, too short or with a control character"),
            );
        }
    }
}

/// The rules of `[[no_response]]` groups: those of every client's group.
fn validate_no_response(file: &str, cat: &CatalogFile, out: &mut Vec<Problem>) {
    for (i, g) in cat.no_response.iter().enumerate() {
        let label = Some(format!("no_response #{}", i + 1));
        let mut push = |field: &str, message: String| {
            out.push(Problem::new(file, label.clone(), field, message))
        };
        validate_client_group(
            g.client.as_deref(),
            g.source.as_deref(),
            &g.phrases,
            &mut push,
        );
    }
}

/// The rules of `[[statuses]]` groups: those of every client's group, and a known place,
/// source name and hint.
fn validate_statuses(file: &str, cat: &CatalogFile, out: &mut Vec<Problem>) {
    for (i, g) in cat.statuses.iter().enumerate() {
        let label = Some(format!("statuses #{}", i + 1));
        let mut push = |field: &str, message: String| {
            out.push(Problem::new(file, label.clone(), field, message))
        };
        validate_client_group(
            g.client.as_deref(),
            g.source.as_deref(),
            &g.phrases,
            &mut push,
        );
        if let Err(m) = choice(g.place.as_deref(), STATUS_PLACES, Some("after")) {
            push("place", m);
        }
        if let Err(m) = choice(
            g.says.as_deref(),
            STATUS_SAYS,
            Some("client library message"),
        ) {
            push("says", m);
        }
        if g.hint.as_deref().is_some_and(|h| !valid_id(h)) {
            push("hint", "not a catalog id".into());
        }
    }
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
