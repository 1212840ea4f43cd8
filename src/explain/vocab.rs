//! The last reading layer: the catalogs' own vocabulary in free text. A catalog code written as
//! a symbol (`NoSuchKey`, `CURLE_OPERATION_TIMEDOUT`), a number with a label (`code 1020`,
//! `Error: 9109:`, `CloudflareCode1020`, `Error reference number: 520`) or followed by its own
//! official message (`50013: Missing Permissions`), and an official message with no code at
//! all (`Access Denied.`, `The specified key does not exist.`). All of it is weak evidence: it
//! is looked for only when the structured layers found no error a catalog knows, and it never
//! turns text into an error unless a catalog entry fits.

use crate::catalog::{Entry, Registry};
use crate::input::{Evidence, ServerError};
use crate::lexicon::normalize;
use aho_corasick::{AhoCorasick, MatchKind};

/// How a hint from a vendor's name in the text is worded (weak: it points, it does not decide).
const VENDOR: &str = crate::input::VENDOR_HINT;

/// At most this many distinct symbols are looked up.
const MAX_SYMBOLS: usize = 200;
/// At most this many errors come from the vocabulary of one input.
const MAX_FOUND: usize = 16;
/// Official messages shorter than this are too common to count alone ("Not Found").
const MIN_MESSAGE: usize = 12;

/// Words too common in any log to make a message distinctive on their own.
const COMMON: &[&str] = &[
    "a",
    "an",
    "the",
    "is",
    "was",
    "has",
    "been",
    "of",
    "to",
    "in",
    "on",
    "for",
    "with",
    "error",
    "errors",
    "unknown",
    "internal",
    "server",
    "service",
    "request",
    "failed",
    "failure",
    "invalid",
    "bad",
    "not",
    "found",
    "general",
    "unavailable",
    "timeout",
    "timed",
    "out",
    "occurred",
    "an",
    "something",
    "went",
    "wrong",
    "ok",
    "success",
    "unexpected",
    "exception",
];

/// A message worth looking for: long enough, of several words, not all of them common.
pub(super) fn distinctive(m: &str) -> Option<String> {
    let m = m.trim().trim_end_matches('.').trim();
    let lower = m.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let rare = words.iter().any(|w| !COMMON.contains(w));
    (m.len() >= MIN_MESSAGE && words.len() >= 2 && m.len() <= 120 && rare).then_some(lower)
}

fn push(ev: &mut Evidence, found: &mut usize, e: &'static Entry, text: &str, how: &'static str) {
    if *found >= MAX_FOUND {
        return;
    }
    // Where a recognised shape points to catalogs, words from other catalogs do not count
    // (a Discord rate-limit body is not Cloudflare's 1015 because the words are the same).
    let pointed: Vec<&str> = ev
        .errors
        .iter()
        .filter(|x| !x.weak)
        .flat_map(|x| x.hints.iter().copied())
        .chain(
            ev.hints
                .iter()
                .filter(|h| !h.why.starts_with(VENDOR))
                .map(|h| h.catalog),
        )
        .collect();
    if !pointed.is_empty() && !pointed.contains(&e.catalog) {
        return;
    }
    // A status is evidence of its own kind: the status rules explain it.
    if let Some(st) = e.status.filter(|st| e.code == st.to_string()) {
        ev.set_status(st, how);
        return;
    }
    *found += 1;
    // A symbolic name (`NoSuchKey`) is looked up again as written, so that the catalog whose
    // code it is ranks first, unless the evidence points elsewhere.
    let code = if e.name.contains(' ') || e.name.is_empty() {
        e.code
    } else {
        e.name
    };
    ev.found(ServerError {
        code: Some(code.to_string()),
        message: Some(text.to_string()),
        shape: how,
        // A number names its catalog; a symbol is ranked on the rest of the evidence.
        hints: if code == e.code {
            std::slice::from_ref(&e.catalog)
        } else {
            &[]
        },
        weak: true,
        context: Some(format!("{how}: \"{text}\"")),
        ..Default::default()
    });
}

/// Log levels: a message may follow one directly (`ERROR The specified key does not exist.`).
const LEVELS: &[&str] = &[
    "error", "err", "warn", "warning", "fatal", "critical", "crit", "severe",
];

/// The automaton over every distinctive official message, and the entries behind each.
struct Messages {
    ac: AhoCorasick,
    owners: Vec<Vec<&'static Entry>>,
}

fn build_messages(entries: impl Iterator<Item = &'static Entry>) -> Option<Messages> {
    let mut patterns: Vec<String> = Vec::new();
    let mut owners: Vec<Vec<&'static Entry>> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for e in entries {
        // The official message, and the API's own wording where it differs (an alias).
        let worded = e.aliases.iter().filter(|a| a.contains(' ')).copied();
        for m in e.message.into_iter().chain(worded).filter_map(distinctive) {
            match index.get(&m) {
                Some(&i) => owners[i].push(e),
                None => {
                    index.insert(m.clone(), patterns.len());
                    patterns.push(m);
                    owners.push(vec![e]);
                }
            }
        }
    }
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .ok()?;
    Some(Messages { ac, owners })
}

/// Built once per process for the embedded catalogs; with user catalogs, for that registry.
static EMBEDDED_MESSAGES: std::sync::OnceLock<Option<Messages>> = std::sync::OnceLock::new();

/// Official messages in the text, case forgiven, on word boundaries.
fn messages(reg: &Registry, text: &str, ev: &mut Evidence, found: &mut usize) {
    let own;
    let table = if reg.has_user_entries() {
        own = build_messages(reg.entries());
        own.as_ref()
    } else {
        EMBEDDED_MESSAGES
            .get_or_init(|| build_messages(reg.entries()))
            .as_ref()
    };
    let Some(Messages { ac, owners }) = table else {
        return;
    };
    let mut seen: Vec<usize> = Vec::new();
    for m in ac.find_iter(text) {
        // The message stands as a message: after a colon, a quote, a bracket or the start of
        // a line, and before the end of its clause — never as words inside a sentence.
        let before = text[..m.start()]
            .trim_end_matches([' ', '\t'])
            .chars()
            .next_back();
        let after = text[m.end()..].chars().next();
        let head = text[..m.start()].trim_end_matches([' ', '\t']);
        let level = head
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .is_some_and(|w| LEVELS.iter().any(|l| w.eq_ignore_ascii_case(l)));
        let opens = level || before.is_none_or(|c| ":\"'>([{|.-=\n\r`*".contains(c));
        let closes = after.is_none_or(|c| ".\"')]},;|\n\r`*<!".contains(c));
        if !opens || !closes {
            continue;
        }
        let i = m.pattern().as_usize();
        if seen.contains(&i) {
            continue;
        }
        seen.push(i);
        // Several catalogs may send one message: the first in catalog order speaks for all;
        // ranking then weighs each by the rest of the evidence.
        if let Some(e) = owners[i].iter().min_by_key(|e| reg.rank(e.catalog)) {
            push(
                ev,
                found,
                e,
                &text[m.start()..m.end()],
                "official message in the text",
            );
        }
        if seen.len() >= MAX_FOUND {
            break;
        }
    }
}

/// Symbols shaped like codes (`NoSuchKey`, `SIGNATURE_DOES_NOT_MATCH`), found exactly.
fn symbols(reg: &Registry, text: &str, ev: &mut Evidence, found: &mut usize) {
    let mut looked: Vec<&str> = Vec::new();
    for token in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
        if token.len() < 8 || token.len() > 64 || looked.len() >= MAX_SYMBOLS {
            continue;
        }
        let upper = token.bytes().filter(u8::is_ascii_uppercase).count();
        let camel = token.as_bytes()[0].is_ascii_uppercase()
            && upper >= 2
            && token.bytes().any(|b| b.is_ascii_lowercase())
            && !token.contains('_');
        let snake = token.contains('_')
            && token
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        if !(camel || snake) || looked.contains(&token) {
            continue;
        }
        looked.push(token);
        let hit = reg
            .lookup(&normalize(token))
            .into_iter()
            .map(|(e, _)| e)
            .filter(|e| e.code == token || e.name == token || e.aliases.contains(&token))
            .min_by_key(|e| reg.rank(e.catalog));
        if let Some(e) = hit {
            push(ev, found, e, token, "catalog code in the text");
        }
    }
}

/// Words that label a number as a code.
const LABELS: &[&str] = &[
    "code",
    "error",
    "err",
    "errno",
    "error code",
    "reference number",
    "error reference number",
];

/// Numbers with a label (`code 1020`, `Error: 9109:`, `Code1020`) or followed by their own
/// official message (`50013: Missing Permissions`).
fn numbers(reg: &Registry, text: &str, ev: &mut Evidence, found: &mut usize) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut looked = 0;
    while i < bytes.len() && looked < MAX_SYMBOLS {
        // (A number is read whole below, so `i` never stops inside one.)
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let d = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        let num = &text[i..i + d];
        let next = i + d;
        i = next;
        if !(3..=6).contains(&d) || bytes.get(next).is_some_and(|b| b.is_ascii_alphabetic()) {
            continue;
        }
        // What stands before: `Code1020`, `code 1020`, `Error: 9109`, `reference number: 520`.
        let start = i - d;
        let head = text[..start].trim_end_matches([' ', ':', '#', '=', '[', '(']);
        let labelled = LABELS.iter().any(|l| {
            let Some(at) = head.len().checked_sub(l.len()) else {
                return false;
            };
            let Some(word) = head.get(at..) else {
                return false;
            };
            // `code`, `Code` fused to a name (`CloudflareCode`), never `barcode` or `encode`.
            word.eq_ignore_ascii_case(l)
                && (word.starts_with(|c: char| c.is_ascii_uppercase())
                    || !head[..at].ends_with(|c: char| c.is_alphanumeric()))
        });
        // What follows: `: Missing Permissions`, `] Unknown Message`.
        let rest = text[next..].trim_start_matches([':', ']', ')', ' ']);
        looked += 1;
        let entries = reg.lookup(num);
        let by_message = entries.iter().map(|(e, _)| *e).find(|e| {
            let mut words = [e.message.unwrap_or(""), e.name]
                .into_iter()
                .chain(e.aliases.iter().copied());
            words.any(|m| {
                let m = m.trim_end_matches('.');
                m.len() >= 6
                    && rest.len() >= m.len()
                    && rest.is_char_boundary(m.len())
                    && rest[..m.len()].eq_ignore_ascii_case(m)
            })
        });
        let hit = by_message.or_else(|| {
            labelled
                .then(|| {
                    entries
                        .iter()
                        .map(|(e, _)| *e)
                        .min_by_key(|e| reg.rank(e.catalog))
                })
                .flatten()
        });
        if let Some(e) = hit {
            let how = if by_message.is_some() {
                "code and its official message in the text"
            } else {
                "labelled code in the text"
            };
            push(ev, found, e, num, how);
        }
    }
}

fn errorish(text: &str) -> bool {
    static WORDS: crate::words::Words =
        crate::words::Words::new(|| crate::lexicon::ERRORISH.to_vec());
    WORDS.any_in(text)
}

/// Adds the catalog vocabulary found in `text` to the evidence, as weak errors.
pub fn scan(reg: &Registry, text: &str, ev: &mut Evidence) {
    let mut found = 0;
    numbers(reg, text, ev, &mut found);
    symbols(reg, text, ev, &mut found);
    // Messages are words: looked for only where the text speaks of a failure at all.
    // (The readers' pass over the same text already knows, when the evidence is theirs.)
    if ev
        .pass
        .as_ref()
        .map_or_else(|| errorish(text), |p| p.errorish)
    {
        messages(reg, text, ev, &mut found);
    }
}
