//! The phrasebook: how clients, runtimes, servers and proxies print catalog entries — library
//! enum and exception names, official messages and their variants, vendors' page titles — and
//! the words that name a product (hosts, URL paths, SDK names, header names). The knowledge
//! is data (`data/phrases/*.toml`, and what each entry says of itself), compiled into static
//! tables by `build.rs`; this module only finds it in a text.
//!
//! A text is read token by token (runs of letters and digits): each token's key is looked up
//! in a sorted table of the phrasings' first tokens (a bitmap turns most tokens away first),
//! and the following tokens are compared. No automaton is built at start-up; the cost is
//! linear in the text.

use super::{embedded, embedded_entry, text, Entry};
use crate::lexicon::tokens::{token_eq, token_key, token_spans, TokenSpans, MAX_BEFORE};

/// A phrasing as the build stores it.
#[derive(Debug)]
pub struct RawPhrase {
    pub entry: u32,
    /// Its tokens, lower-cased, joined by single spaces.
    pub tokens: (u32, u32),
    /// Which of them it is found by ([`crate::lexicon::tokens::anchor`]).
    pub anchor: u8,
    /// As the source writes it.
    pub text: (u32, u32),
    /// Bit 0: a name (identifier); bit 1: weak; bit 2: the entry's own wording; bit 3: the
    /// entry's own code.
    pub flags: u8,
    /// Index into the groups (client, source); `u32::MAX` for the entry's own wording.
    pub group: u32,
}

/// A word that names a product, as the build stores it.
#[derive(Debug)]
pub struct RawContext {
    pub catalog: (u32, u32),
    pub tokens: (u32, u32),
    pub anchor: u8,
    pub text: (u32, u32),
    pub kind: u8,
}

/// One way an entry is printed.
#[derive(Debug, Clone, Copy)]
pub struct Phrase {
    pub entry: &'static Entry,
    /// As the source writes it.
    pub text: &'static str,
    /// An identifier (`MissingPermissions`, `ECONNREFUSED`) rather than human text.
    pub name: bool,
    /// Common words: evidence only beside other evidence.
    pub weak: bool,
    /// Who prints it; `None` for the entry's own code, name or official message.
    pub client: Option<&'static str>,
    /// The entry's own code (`NoSuchKey` is S3's code, and only a name in R2).
    pub code: bool,
}

/// Where a phrasing occurs in a text.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub phrase: Phrase,
    /// The embedded entry's number.
    pub index: usize,
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
}

/// A word that names a product, found in a text.
#[derive(Debug, Clone, Copy)]
pub struct ContextHit {
    pub catalog: &'static str,
    /// `host`, `path`, `name` or `header`.
    pub kind: &'static str,
    pub text: &'static str,
}

/// At most this many phrasings are reported for one text.
pub const MAX_HITS: usize = 256;
/// Between two tokens of a message, at most this many bytes of spaces and punctuation.
const MESSAGE_GAP: usize = 6;
/// Between two tokens of a name, at most this many bytes, none of them a space.
const NAME_GAP: usize = 3;

fn phrase(i: usize) -> Phrase {
    let r = &embedded::PHRASES[i];
    let group = embedded::PHRASE_GROUPS.get(r.group as usize);
    let entry = embedded_entry(r.entry as usize);
    Phrase {
        entry,
        text: text(r.text),
        name: r.flags & 1 != 0,
        weak: r.flags & 2 != 0,
        client: group.map(|g| text(g.0)),
        code: r.flags & 8 != 0,
    }
}

/// Whether the first-token key can begin any phrasing (most tokens of a text cannot).
fn may_begin(key: u64) -> bool {
    let bit = (key & 0xffff) as usize;
    embedded::PHRASE_FIRST_BITS[bit / 64] & (1 << (bit % 64)) != 0
}

/// Whether the gap between two tokens of a phrasing is one: a few spaces or punctuation
/// marks for a message, fewer and no space for a name.
fn gap_fits(gap: &str, name: bool) -> bool {
    let limit = if name { NAME_GAP } else { MESSAGE_GAP };
    gap.len() <= limit && !(name && gap.contains(char::is_whitespace))
}

/// How many tokens before the current one are remembered (a phrasing has at most
/// [`MAX_BEFORE`] before the one it is found by).
const RING: usize = MAX_BEFORE + 1;

/// Whether a token of the text equals a token of a phrasing (lower case, as stored).
fn same(token: &str, want: &[u8]) -> bool {
    if token.is_ascii() {
        token.as_bytes().eq_ignore_ascii_case(want)
    } else {
        std::str::from_utf8(want).is_ok_and(|w| token_eq(token, w))
    }
}

/// The following tokens of a phrasing, compared with the text after byte `from`; the end of
/// the last when they all match.
fn rest_matches<'w>(
    text: &str,
    from: usize,
    rest: impl Iterator<Item = &'w [u8]>,
    name: bool,
) -> Option<usize> {
    let mut end = from;
    let mut next = TokenSpans::from(text, from);
    for want in rest {
        let (a, b) = next.next()?;
        if !gap_fits(&text[end..a], name) || !same(&text[a..b], want) {
            return None;
        }
        end = b;
    }
    Some(end)
}

/// Where the phrasings of a sorted index (key of the token each is found by, phrasing)
/// occur in `text`: `longest` is the most characters of a token any is found by; `tokens`
/// gives a phrasing's lower-cased tokens (joined by single spaces), whether it is a name,
/// which token it is found by, and the key of a token beside that one (`(1, key)` the one
/// before, `(2, key)` the one after, `(0, _)` none given), checked before the others; `found`
/// is told each (phrasing, start, end) and says whether to go on. Each token of the text is
/// looked up once; the tokens around it are compared only where its key matches.
pub fn scan_index<'t>(
    text: &str,
    index: &[(u64, u32)],
    longest: usize,
    may_begin: impl Fn(u64) -> bool,
    tokens: impl Fn(u32) -> (&'t str, bool, usize, (u8, u64)),
    mut found: impl FnMut(u32, usize, usize) -> bool,
) {
    let mut ring = [(0usize, 0usize); RING];
    let mut seen = 0usize;
    for (a, b) in token_spans(text) {
        ring[seen % RING] = (a, b);
        seen += 1;
        let token = &text[a..b];
        // Lower case has no fewer characters: a token longer than every token phrasings are
        // found by is none of them.
        if token.len() > longest && token.chars().count() > longest {
            continue;
        }
        let key = token_key(token);
        if !may_begin(key) {
            continue;
        }
        let lo = index.partition_point(|(k, _)| *k < key);
        // The keys of the tokens beside this one, taken when a phrasing asks for them.
        let mut before_key: Option<u64> = None;
        let mut after_key: Option<Option<u64>> = None;
        for &(k, i) in &index[lo..] {
            if k != key {
                break;
            }
            let (words, name, at, (side, beside)) = tokens(i);
            if at >= seen {
                continue;
            }
            // Tokens that are equal have equal keys: a phrasing whose token beside this one
            // has another key than the text's does not occur here.
            let beside_fits = match side {
                1 if at > 0 => {
                    beside
                        == *before_key.get_or_insert_with(|| {
                            let (pa, pb) = ring[(seen - 2) % RING];
                            token_key(&text[pa..pb])
                        })
                }
                2 => {
                    *after_key.get_or_insert_with(|| {
                        TokenSpans::from(text, b)
                            .next()
                            .map(|(na, nb)| token_key(&text[na..nb]))
                    }) == Some(beside)
                }
                _ => true,
            };
            if !beside_fits {
                continue;
            }
            let mut all = words.as_bytes().split(|&c| c == b' ');
            let mut before: [&[u8]; RING] = [b""; RING];
            for slot in before.iter_mut().take(at) {
                *slot = all.next().unwrap_or(b"");
            }
            if !all.next().is_some_and(|t| same(token, t)) {
                continue;
            }
            // The tokens before, from the nearest back.
            let mut start = a;
            let fits = before[..at].iter().rev().enumerate().all(|(back, want)| {
                let (pa, pb) = ring[(seen - 2 - back) % RING];
                let ok = gap_fits(&text[pb..start], name) && same(&text[pa..pb], want);
                start = pa;
                ok
            });
            if !fits {
                continue;
            }
            let Some(end) = rest_matches(text, b, all, name) else {
                continue;
            };
            if !found(i, start, end) {
                return;
            }
        }
    }
}

/// Every phrasing of the built-in phrasebooks that occurs in `text`, in order of position;
/// a phrasing inside a longer one found at the same place is left out.
pub fn find(text: &str) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    scan_index(
        text,
        &embedded::PHRASE_INDEX,
        embedded::PHRASE_LONGEST_ANCHOR,
        may_begin,
        |i| {
            let raw = &embedded::PHRASES[i as usize];
            (
                super::text(raw.tokens),
                raw.flags & 1 != 0,
                usize::from(raw.anchor),
                embedded::PHRASE_NEIGHBOURS[i as usize],
            )
        },
        |i, start, end| {
            let phrase = phrase(i as usize);
            if !tail_follows(phrase.text, &text[end..])
                || in_slug(&phrase, text, start, end)
                || mid_sentence(&phrase, text, start)
            {
                return true;
            }
            hits.push(Hit {
                phrase,
                index: embedded::PHRASES[i as usize].entry as usize,
                start,
                end,
            });
            hits.len() < MAX_HITS
        },
    );
    drop_inner(&mut hits);
    hits
}

/// Whether an entry's own message, a sentence of its own (`Service is temporarily
/// unavailable.`), was found in lower case after a word of another sentence: a backend's
/// `feed service is temporarily unavailable, try again shortly` is its own message, not
/// R2's. (A client's phrasing is how that client words a part of its line; it stays.)
fn mid_sentence(phrase: &Phrase, text: &str, start: usize) -> bool {
    let capital = phrase.text.starts_with(|c: char| c.is_ascii_uppercase());
    let lower = text[start..].starts_with(|c: char| c.is_ascii_lowercase());
    let before = text[..start].strip_suffix(' ').unwrap_or("");
    let after_word = before.ends_with(|c: char| c.is_ascii_alphabetic());
    phrase.client.is_none() && !phrase.name && capital && lower && after_word
}

/// Whether a message's words were found joined by `-` or `_` inside a longer name of the
/// same spelling: a resource's `checkout-elb-502-bad-gateway` says no `502 Bad Gateway`.
fn in_slug(phrase: &Phrase, text: &str, start: usize, end: usize) -> bool {
    let joiner = |b: u8| matches!(b, b'-' | b'_');
    let span = &text.as_bytes()[start..end];
    let joined = !phrase.name
        && phrase.text.contains(' ')
        && span
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || joiner(b) || b >= 0x80)
        && span.iter().any(|&b| joiner(b));
    let glued = |a: Option<&u8>, b: Option<&u8>| {
        a.copied().is_some_and(joiner) && b.is_some_and(u8::is_ascii_alphanumeric)
    };
    let bytes = text.as_bytes();
    joined
        && (glued(
            start.checked_sub(1).and_then(|k| bytes.get(k)),
            start.checked_sub(2).and_then(|k| bytes.get(k)),
        ) || glued(bytes.get(end), bytes.get(end + 1)))
}

/// Whether what a phrasing has after its last word, but a sentence's end, follows it in
/// the text: apt's `Could not resolve '` is a host in quotes after the words (not `Could not
/// resolve package dependencies`), git-lfs's `Insufficient server storage:` a colon.
fn tail_follows(phrasing: &str, after: &str) -> bool {
    let last = phrasing
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let tail = phrasing[last..].trim_end_matches(['.', '!', '?', ' ']);
    after.starts_with(tail)
}

/// Every phrasing of the built-in phrasebooks (what the prefilter's tests plant in logs).
#[cfg(test)]
pub(crate) fn all() -> impl Iterator<Item = Phrase> {
    (0..embedded::PHRASES.len()).map(phrase)
}

/// Leaves out hits that lie inside a longer hit (`Connection refused` inside a longer wording
/// of the same failure), keeping every hit of the longest span at a place.
pub fn drop_inner(hits: &mut Vec<Hit>) {
    // In order of start, the longest first: a hit lies inside a longer one when one that
    // starts no later reaches at least as far and is longer.
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut reach: Option<(usize, usize)> = None; // (start, end) of the farthest-reaching hit
    hits.retain(|h| {
        let inside = reach.is_some_and(|(s, e)| e >= h.end && (e - s) > (h.end - h.start));
        if reach.is_none_or(|(_, e)| h.end > e) {
            reach = Some((h.start, h.end));
        }
        !inside
    });
}

/// Every word of the built-in phrasebooks that names a product, in order of position.
pub fn contexts(text: &str) -> Vec<ContextHit> {
    const KINDS: [&str; 4] = ["host", "path", "name", "header"];
    let mut out = Vec::new();
    scan_index(
        text,
        &embedded::CONTEXT_INDEX,
        embedded::CONTEXT_LONGEST_ANCHOR,
        |_| true,
        |i| {
            let raw = &embedded::CONTEXTS[i as usize];
            // (A product word of several, `mc: <ERROR>`, is matched as words are.)
            (
                super::text(raw.tokens),
                !super::text(raw.text).contains(' '),
                usize::from(raw.anchor),
                (0, 0),
            )
        },
        |i, _, _| {
            let raw = &embedded::CONTEXTS[i as usize];
            out.push(ContextHit {
                catalog: super::text(raw.catalog),
                kind: KINDS[usize::from(raw.kind).min(3)],
                text: super::text(raw.text),
            });
            out.len() < MAX_HITS
        },
    );
    out
}

/// Whether every word of `s` is a common word.
fn all_common(words: impl IntoIterator<Item = String>) -> bool {
    words
        .into_iter()
        .all(|w| crate::lexicon::COMMON.contains(&w.as_str()))
}

impl Phrase {
    /// Whether the phrasing alone says which error this is. A phrasebook says so for each
    /// group; the entry's own wording is weak when it is short or made of common words only
    /// (`Not Found`, `InternalError`).
    pub fn strong(&self) -> bool {
        if self.weak {
            return false;
        }
        // Common words alone say nothing of which error this is, whoever prints them.
        if all_common(token_spans(self.text).map(|(a, b)| self.text[a..b].to_lowercase())) {
            return false;
        }
        if self.client.is_some() {
            return true;
        }
        if self.name {
            // CamelCase and snake_case split into words: `NotFound` is `not found`.
            return !all_common(split_symbol(self.text));
        }
        let t = self.text.trim().trim_end_matches('.');
        let count = token_spans(t).count();
        let words = token_spans(t).map(|(a, b)| t[a..b].to_lowercase());
        t.len() >= 12 && t.len() <= 120 && count >= 2 && !all_common(words)
    }
}

impl Phrase {
    /// Whether this is the entry's own message and the reason phrase of the entry's own
    /// status (Discord's table gives 504 as `GATEWAY TIMEOUT`): the status's words, whatever
    /// catalog lists them.
    pub fn is_own_status_reason(&self) -> bool {
        let t = self.text.trim().trim_end_matches('.');
        self.client.is_none()
            && !self.name
            && self.entry.status.is_some_and(|st| {
                crate::lexicon::REASONS
                    .iter()
                    .any(|&(n, r)| n == st && r.eq_ignore_ascii_case(t))
            })
    }
}

/// The words of a symbol: `NoSuchKey` is `no such key`, `CURLE_COULDNT_CONNECT` is
/// `curle couldnt connect`.
pub fn split_symbol(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests;
