//! The notation-agnostic record reader. Whatever a language prints an error object as — a
//! Python dict repr, Node's `util.inspect`, Rust `Debug`, Java/Kotlin/Dart `toString`, Go `%+v`,
//! Ruby inspect, EDN, logfmt, YAML-ish lines or prose such as `status code: 503` — it is a set of
//! `key <separator> value` pairs. This reader knows the spellings of the keys that matter (code,
//! status, message, request id, retry-after) in any quoting and with any separator, groups the
//! pairs into records by the brackets around them (or the paragraph, outside brackets), and
//! turns each record into evidence. A status followed by its reason phrase in prose
//! (`(403) Forbidden`, `429 (Too Many Requests)`, `0: 503: Service Unavailable`) is read here too.
//!
//! One pass over the input; every collection is capped.

use super::{Evidence, ServerError};
use crate::lexicon::tokens::ends_with_ignore_case;
use crate::sanitize::{cut, pairs};

/// At most this many pairs are kept from one input.
const MAX_PAIRS: usize = 512;
/// At most this many brackets are tracked at once; deeper ones count as their parent.
const MAX_DEPTH: usize = 64;
/// At most this many containers are remembered (for nesting).
const MAX_CONTAINERS: usize = 4096;
/// Longest value read.
const MAX_VALUE: usize = 400;
/// Longest bare code, status or id: a longer run of word characters is a hash or a path.
const MAX_TOKEN: usize = 96;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Code,
    Status,
    Message,
    RequestId,
    RetryAfter,
}

/// The keys, by their spelling with case, separators and spaces removed, and what each means;
/// `None` for keys that look like ours but are not (a process's status, a postal code). The
/// spellings are data (`data/phrases/words.toml`'s `record_*_keys`).
fn keys() -> [(&'static [&'static str], Option<Kind>); 6] {
    use crate::lexicon::record_keys as k;
    [
        (k::RECORD_CODE_KEYS, Some(Kind::Code)),
        (k::RECORD_STATUS_KEYS, Some(Kind::Status)),
        (k::RECORD_MESSAGE_KEYS, Some(Kind::Message)),
        (k::RECORD_REQUEST_ID_KEYS, Some(Kind::RequestId)),
        (k::RECORD_RETRY_AFTER_KEYS, Some(Kind::RetryAfter)),
        (k::RECORD_OTHER_KEYS, None),
    ]
}

/// The spellings of the keys of codes and statuses (as [`key_kind`] compares them).
pub(super) fn code_and_status_keys() -> impl Iterator<Item = &'static str> {
    keys()
        .into_iter()
        .filter(|(_, kind)| matches!(kind, Some(Kind::Code | Kind::Status)))
        .flat_map(|(spellings, _)| spellings.iter().copied())
}

/// Where the key of a status that starts at byte `i` ends, as the reader reads keys
/// (`statusCode`, `status_code`, `HTTP Status Code`), when one does.
pub(super) fn status_key_at(text: &[u8], i: usize) -> Option<usize> {
    read_key(text, i).and_then(|(kind, end)| (kind == Some(Kind::Status)).then_some(end))
}

/// What a key means, by its spelling with case, separators and spaces removed.
fn key_kind(norm: &[u8]) -> Option<Option<Kind>> {
    keys()
        .into_iter()
        .find(|(spellings, _)| spellings.iter().any(|s| s.as_bytes() == norm))
        .map(|(_, kind)| kind)
}

/// Every key of [`key_kind`] that means something contains one of these (`x-amz-request-id`
/// and `reqid` contain `req`, `cf-ray` contains `ray`, `awserrorcode` contains `err`).
pub(super) use crate::lexicon::record_keys::RECORD_KEY_STEMS as KEY_STEMS;

/// Whether a word begins a key written as several words (`status code`, `Http Status Code`,
/// `error.code`, `request id`, `retry after`, `exit code`): data/phrases/words.toml's
/// `record_first_words`.
fn first_word(w: &[u8]) -> bool {
    crate::lexicon::record_keys::RECORD_FIRST_WORDS
        .iter()
        .any(|f| f.as_bytes() == w)
}

/// One `key: value` found in the input.
#[derive(Debug, Clone)]
struct Pair {
    kind: Kind,
    value: String,
    container: usize,
    /// Written with a separator (`:`, `=`) rather than as prose (`status code 503`).
    separated: bool,
}

use crate::lexicon::REASONS;

/// Whether `s` starts with the phrase `r` as whole words (case forgiven).
fn starts_with_phrase(s: &str, r: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= r.len()
        && b[..r.len()].eq_ignore_ascii_case(r.as_bytes())
        && !b.get(r.len()).is_some_and(|c| c.is_ascii_alphanumeric())
}

/// The status a reason phrase names, when `s` starts with one (case forgiven).
fn reason_status(s: &str) -> Option<u16> {
    REASONS
        .iter()
        .filter(|(_, r)| starts_with_phrase(s, r))
        .max_by_key(|(_, r)| r.len())
        .map(|(st, _)| *st)
}

/// Whether `s` starts with a reason phrase of `status`. No phrase starts another of a
/// different status (a test checks), so this is [`reason_status`] `== Some(status)`, looking
/// only at that status's phrases: it runs at every three-digit number of a log.
fn names_status(s: &str, status: u16) -> bool {
    REASONS
        .iter()
        .any(|&(st, r)| st == status && starts_with_phrase(s, r))
}

fn is_word(b: u8) -> bool {
    WORD[usize::from(b)]
}

/// Of each byte, whether it is an ASCII letter, digit or `_` (a table: whole words are
/// skipped a byte at a look).
const WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

/// Reads a key of up to three words starting at `i` (`status`, `Http Status Code`,
/// `error_code`, `x-amz-request-id`, `httpStatus`): its kind and where it ends. No allocation:
/// it runs at every word of the input.
fn read_key(text: &[u8], i: usize) -> Option<(Option<Kind>, usize)> {
    // The normalised key (lower-case letters and digits) of one, two and three words.
    let mut buf = [0u8; 80];
    let mut len = 0;
    let mut ends = [(0usize, 0usize); 3]; // (normalised length, end in text) per word count
    let mut j = i;
    let mut n = 0;
    // Every word starts with a letter: the first because the caller starts at one, the
    // others because only a letter after the separator continues the key.
    while n < 3 {
        while j < text.len() && (is_word(text[j]) || text[j] == b'-') {
            if text[j].is_ascii_alphanumeric() && len < buf.len() {
                buf[len] = text[j].to_ascii_lowercase();
                len += 1;
            }
            j += 1;
        }
        ends[n] = (len, j);
        n += 1;
        // Only these words begin a key of several words; any other ends the key here.
        if n == 1 && !first_word(&buf[..len]) {
            break;
        }
        // Words of one key are separated by one space (or a '.', as in `error.code`).
        if matches!(text.get(j), Some(b' ' | b'.'))
            && text.get(j + 1).is_some_and(u8::is_ascii_alphabetic)
        {
            j += 1;
        } else {
            break;
        }
    }
    (0..n).rev().find_map(|k| {
        let (l, end) = ends[k];
        key_kind(&buf[..l]).map(|kind| (kind, end))
    })
}

/// The text inside the quotes that open at `i` (`"..."` or `'...'`, backslash escapes kept
/// as written); `None` when it does not close (the pair syntax's own rule, which the masker
/// follows too).
fn quoted(text: &str, i: usize) -> Option<&str> {
    let end = pairs::quoted_end(text.as_bytes(), i + 1, text.as_bytes()[i])?;
    text.get(i + 1..end)
}

/// Reads the value after a key (and its separator) at `i`; `None` when there is none.
fn value(text: &str, mut i: usize, kind: Kind) -> Option<String> {
    let bytes = text.as_bytes();
    // Inside `Some("x")`, `Optional[x]`; after an EDN keyword's colon (`:not-found`).
    i = pairs::value_start(text, i);
    if matches!(bytes.get(i), Some(b'"' | b'\'')) {
        if let Some(v) = quoted(text, i) {
            return Some(cut(v, MAX_VALUE).to_string());
        }
        // An unterminated string (a log line cut short): read bare, after its quote.
        i += 1;
    }
    let rest = text.get(i..)?;
    if kind == Kind::Message {
        if matches!(bytes.get(i), Some(b'{' | b'[' | b'(' | b'<')) {
            return None;
        }
        // A bare message runs to the end of its clause.
        let rest = cut(rest, MAX_VALUE);
        // (All ASCII: found byte by byte, no character decoded.)
        let end = rest
            .bytes()
            .position(|b| matches!(b, b'\n' | b'\r' | b',' | b';' | b'}' | b']' | b')' | b'|'))
            .unwrap_or(rest.len());
        // ...or where the next pair begins (`msg=slow down status=503`, Go's `Message:x
        // StatusCode:503`): a code, status, id or retry key after a space, then `:` or `=`.
        let b = rest.as_bytes();
        let end = (1..end)
            .find(|&k| {
                b[k - 1] == b' '
                    && read_key(b, k).is_some_and(|(kind, key_end)| {
                        matches!(
                            kind,
                            Some(Kind::Code | Kind::Status | Kind::RequestId | Kind::RetryAfter)
                        ) && matches!(b.get(key_end), Some(b':' | b'='))
                    })
            })
            .unwrap_or(end);
        let v = rest[..end].trim();
        return (!v.is_empty()).then(|| v.to_string());
    }
    let len = rest
        .bytes()
        .take(MAX_TOKEN + 1)
        .take_while(|&b| is_word(b) || matches!(b, b'-' | b'.'))
        .count();
    if len > MAX_TOKEN {
        return None;
    }
    let v = rest[..len].trim_end_matches(['.', '-']);
    if v.is_empty() {
        return None;
    }
    // A status in words: `Http Status Code Forbidden`, `status: Not Found`.
    if kind == Kind::Status && !v.bytes().all(|b| b.is_ascii_digit()) {
        return reason_status(rest).map(|st| st.to_string());
    }
    Some(v.to_string())
}

/// A code worth reporting: a number, or a symbol with a capital, a digit or an underscore
/// (`NoSuchKey`, `BASE_TYPE_REQUIRED`, `invalid_grant`), not a word of prose.
pub(super) fn code_like(v: &str) -> bool {
    if v.is_empty() || v.len() > 64 {
        return false;
    }
    if v.bytes().all(|b| b.is_ascii_digit()) {
        return v.len() <= 6;
    }
    let lower = v.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "none" | "null" | "nil" | "undefined" | "true" | "false" | "ok" | "success" | "error"
    ) {
        return false;
    }
    v.bytes().all(|b| is_word(b) || b == b'-' || b == b'.')
        && v.bytes().any(|b| b.is_ascii_alphabetic())
        && (v.bytes().skip(1).any(|b| b.is_ascii_uppercase())
            || v.contains('_')
            || v.bytes().all(|b| !b.is_ascii_lowercase()))
}

/// Finds every pair, tracking the brackets around each one.
fn pairs(text: &str) -> (Vec<Pair>, Vec<usize>) {
    let bytes = text.as_bytes();
    let mut out: Vec<Pair> = Vec::new();
    // parents[c] is the container around container c; 0 is the whole text.
    let mut parents: Vec<usize> = vec![0];
    let mut stack: Vec<usize> = Vec::new();
    let mut paragraph = 0usize;
    let mut in_string = false;
    let mut untracked = 0usize;
    let mut line_blank = false;
    let mut i = 0;
    while i < bytes.len() && out.len() < MAX_PAIRS {
        let b = bytes[i];
        if !matches!(b, b' ' | b'\t' | b'\r' | b'\n') {
            line_blank = false;
        }
        if is_word(b) {
            // A word: read as a key from its start, or skipped whole.
            if let Some(end) = pair_at(
                text,
                i,
                stack.last().copied().unwrap_or(paragraph),
                &mut out,
            ) {
                i = end;
            } else {
                i += bytes[i..].iter().take_while(|&&c| is_word(c)).count();
            }
            continue;
        }
        match b {
            b'"' if i == 0 || bytes[i - 1] != b'\\' => in_string = !in_string,
            b'{' | b'(' | b'[' if !in_string => {
                if stack.len() < MAX_DEPTH && parents.len() < MAX_CONTAINERS {
                    let parent = stack.last().copied().unwrap_or(paragraph);
                    parents.push(parent);
                    stack.push(parents.len() - 1);
                } else {
                    // Too deep or too many: counted, so that closing it pops nothing real.
                    untracked += 1;
                }
            }
            b'}' | b')' | b']' if !in_string => {
                if untracked > 0 {
                    untracked -= 1;
                } else {
                    stack.pop();
                }
            }
            b'\n' => {
                // A blank line ends a paragraph (the container of pairs outside brackets).
                if line_blank && stack.is_empty() && parents.len() < MAX_CONTAINERS {
                    parents.push(0);
                    paragraph = parents.len() - 1;
                }
                line_blank = true;
                in_string = false;
            }
            _ => {}
        }
        i += 1;
    }
    (out, parents)
}

/// Whether a word that starts with `b` (a letter, a digit or `_`) may be a key: every key
/// starts with one of these letters (a test checks), in either case.
fn key_letter(b: u8) -> bool {
    matches!(
        b | 0x20,
        b'a' | b'c' | b'd' | b'e' | b'h' | b'l' | b'm' | b'p' | b'r' | b's' | b't' | b'x' | b'z'
    )
}

/// Reads the key that may start at word `i` and, where it means something, its value, into
/// `out`: where the reading goes on (the end of the key: keys inside a quoted value are read
/// too, as in an SDK message that quotes a status), or `None` when no key starts here.
fn pair_at(text: &str, i: usize, container: usize, out: &mut Vec<Pair>) -> Option<usize> {
    let bytes = text.as_bytes();
    // Other words are skipped unread.
    if !key_letter(bytes[i]) {
        return None;
    }
    let (kind, end) = read_key(bytes, i)?;
    let Some(kind) = kind else {
        return Some(end);
    };
    // After the key: a closing quote, spaces, then a separator (or, in prose, none).
    let (j, separated) = pairs::after_key(bytes, end);
    if plan_attribute(bytes, i, end, j) || glued_in_value(bytes, i, end, j) {
        return Some(end);
    }
    if let Some(v) = value(text, j, kind) {
        let keep = match kind {
            Kind::Code => code_like(&v),
            Kind::Status => {
                v.len() == 3 && v.parse::<u16>().is_ok_and(|s| (100..=599).contains(&s))
            }
            Kind::Message => v.chars().any(char::is_alphabetic),
            Kind::RequestId => v.len() <= 200,
            Kind::RetryAfter => v.parse::<f64>().is_ok(),
        };
        // Without a separator only a number or a symbol counts (`status code 503`,
        // `Error Code SignatureDoesNotMatch`), never the next word of a sentence.
        if keep && (separated || matches!(kind, Kind::Code | Kind::Status)) {
            out.push(Pair {
                kind,
                value: v,
                container,
                separated,
            });
        }
    }
    Some(end)
}

/// Whether a code is one of RFC 6455's close codes (1000 to 1015).
pub(crate) fn close_code(v: &str) -> bool {
    v.parse::<u16>().is_ok_and(|n| (1000..=1015).contains(&n))
}

/// Whether a text speaks of a WebSocket's closing (data/phrases/words.toml's
/// `websocket_words`, ASCII case forgiven).
pub(crate) fn about_websocket(text: &str) -> bool {
    static WORDS: crate::words::Words =
        crate::words::Words::new(|| crate::lexicon::WEBSOCKET_WORDS.to_vec());
    WORDS.any_in(text)
}

/// Whether the key at `i..end` is glued to its value by a colon alone and stands as the
/// value of another key: a setting's token, not a record's field (cloudflared's ingress
/// `service: http_status:404`, `"service":"http_status:404"`).
fn glued_in_value(bytes: &[u8], i: usize, end: usize, j: usize) -> bool {
    j == end + 1 && bytes.get(end) == Some(&b':') && in_value(bytes, i)
}

/// Whether the key that starts at `at` (with the rest of a name it is joined to by `_`, `-`
/// or `.` before it) stands inside another key's value, after that key's separator:
/// cloudflared's `"service":"http_status:404"`, `service: http_status:404`.
pub(super) fn in_value(b: &[u8], at: usize) -> bool {
    let name = b[..at]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
        .count();
    let before = b[..at - name].trim_ascii_end();
    let before = before
        .strip_suffix(b"\"")
        .unwrap_or(before)
        .trim_ascii_end();
    before.ends_with(b":") && !before.ends_with(b"::") || before.ends_with(b"=")
}

/// A plan's attribute stands at most this far into its line (its indentation and mark).
const PLAN_INDENT: usize = 128;

/// Whether the key at `i..end` (its value at `j`) is an attribute of a plan's diff, shown as
/// configuration with the mark of its change (Terraform's and OpenTofu's `+ error_code =
/// 404`, `~ response_code = 503 -> 404`): what a change sets, not what an answer said.
fn plan_attribute(bytes: &[u8], i: usize, end: usize, j: usize) -> bool {
    // (A mark and its indentation are short: the line's start is looked for in the bytes
    // just before the key, never along a long line.)
    let from = i.saturating_sub(PLAN_INDENT);
    let line_start = match memchr::memrchr(b'\n', &bytes[from..i]) {
        Some(k) => from + k + 1,
        None if from == 0 => 0,
        None => return false,
    };
    let mark = bytes[line_start..i].trim_ascii();
    let sep = &bytes[end..j.min(bytes.len())];
    matches!(mark, b"+" | b"-" | b"~" | b"-/+" | b"+/-")
        && sep.starts_with(b" ")
        && sep.trim_ascii() == b"="
}

/// Whether the text before byte `i` ends with a word that labels `st` as a status (the words
/// of data/phrases/words.toml's `status_labels`, and for an error's status its
/// `error_status_labels` too), with at most a few separators between (`HTTP 500`, `status:
/// 503`, `HTTP/1.1 404`).
fn labelled_status(text: &str, i: usize, st: u16) -> bool {
    let head = text[..i].trim_end_matches([' ', ':', '=', '#', '(', '[']);
    if i - head.len() > 3 || i == head.len() && !head.ends_with(['/', '.']) {
        return false;
    }
    // `HTTP/1.1 404`, `HTTP/2 503`: the version after the word.
    let head = match head.rfind(|c: char| !(c.is_ascii_digit() || c == '.')) {
        Some(k) if head[k..].starts_with('/') && k + 1 < head.len() => &head[..k],
        _ => head,
    };
    let errors = if st >= 400 {
        crate::lexicon::ERROR_STATUS_LABELS
    } else {
        &[]
    };
    crate::lexicon::STATUS_LABELS
        .iter()
        .chain(errors)
        .any(|label| {
            ends_with_ignore_case(head, label)
                && !head[..head.len() - label.len()]
                    .ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        })
}

/// Whether the word after byte `j` counts something rather than naming a status.
fn unit_after(text: &str, j: usize) -> bool {
    let rest = text[j..].trim_start_matches(' ');
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphabetic() || *c == '%')
        .collect();
    word == "%"
        || crate::lexicon::UNITS
            .iter()
            .any(|u| word.eq_ignore_ascii_case(u))
}

/// A status in prose: followed by its reason phrase (`(403) Forbidden`, `429 (Too Many
/// Requests)`, `0: 503: Service Unavailable`), after a word that labels it (`got HTTP 500`,
/// `status 503`), in an access log's status column (`"GET / HTTP/1.1" 502 157`), in brackets
/// before a URL (`[429] https://...`), or in parentheses after a colon before its reason
/// phrase in any language (`: (500) Interner Serverfehler`). An access log's worst status
/// counts (its errors, else its last success); elsewhere the first.
fn prose_statuses(text: &str, ev: &mut Evidence) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut access: Option<u16> = None;
    // The last record's status.
    let mut last_record: Option<u16> = None;
    // The line of the last access record, counted as the scan goes.
    let (mut access_line, mut line_no, mut counted) = (0usize, 0usize, 0usize);
    // The first status named, and every distinct one (a text naming many is a list of
    // them, not a response: a tutorial, a table of codes).
    let mut first: Option<(u16, usize)> = None;
    let mut named: Vec<u16> = Vec::new();
    // The last status named, and where.
    let mut latest: Option<(u16, usize)> = None;
    // Where the line of the number being read starts, kept as the scan goes (finding it anew
    // at every number would read a long line once per number in it).
    let (mut line_start, mut looked_to) = (0usize, 0usize);
    while i + 3 <= bytes.len() {
        let b = bytes[i];
        if !b.is_ascii_digit() {
            // (What comes before the next digit is passed over at once.)
            i += bytes[i..]
                .iter()
                .position(u8::is_ascii_digit)
                .unwrap_or(bytes.len() - i);
            continue;
        }
        if i > 0 && (is_word(bytes[i - 1]) || bytes[i - 1] == b'.') {
            i += 1;
            continue;
        }
        let d = bytes[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let after = bytes.get(i + d);
        let whole = d == 3
            && !after.is_some_and(|c| is_word(*c))
            && !(after == Some(&b'.') && bytes.get(i + d + 1).is_some_and(u8::is_ascii_digit));
        if let Some(k) = memchr::memrchr(b'\n', &bytes[looked_to..i]) {
            line_start = looked_to + k + 1;
        }
        looked_to = i;
        if whole && named.len() < LISTED {
            let st: u16 = text[i..i + 3].parse().unwrap_or(0);
            let mut j = i + 3;
            while j < bytes.len()
                && j < i + 7
                && matches!(bytes[j], b')' | b':' | b' ' | b'(' | b'-')
            {
                j += 1;
            }
            let before = text[line_start..i].trim_start();
            // `000`, what curl's `%{http_code}` prints when no response came back: alone on
            // its line (`curl -w '%{http_code}\n'`), or labelled as a status (`HTTP 000`).
            if &text[i..i + 3] == "000" {
                let alone = before.is_empty() && {
                    let line_end = text[i..].find('\n').map_or(text.len(), |k| i + k);
                    text[i + 3..line_end].trim().is_empty()
                };
                if alone || labelled_status(text, i, 0) {
                    ev.no_response = ev.no_response.or(Some(NO_RESPONSE));
                }
            }
            if (100..=599).contains(&st) {
                // (A word joined by a hyphen is one word: `Expect: 100-continue`.)
                let reason = j > i + 3 && &text[i + 3..j] != "-" && names_status(&text[j..], st);
                let labelled = labelled_status(text, i, st) && !unit_after(text, i + 3);
                // (After a mark at most: lychee's `✗ [404] https://…`.)
                let bracketed = before.strip_suffix('[').is_some_and(|mark| {
                    !mark.chars().any(char::is_alphanumeric) && mark.chars().count() <= 3
                }) && text[i + 3..].starts_with("] ")
                    && text[i + 5..].trim_start().starts_with("http");
                let localized = st >= 400
                    && text[..i].ends_with(": (")
                    && text[i + 3..].starts_with(") ")
                    && text[i + 5..].starts_with(|c: char| c.is_alphabetic())
                    && !unit_after(text, i + 4);
                let reason_before = reason_before(before.as_bytes(), st);
                // (A client's quoted response is a record, counted below.)
                if (reason || labelled || bracketed || localized || reason_before)
                    && !quoted_response(text, i, line_start)
                    && !after_request(before, text, i)
                {
                    first = first.or(Some((st, i)));
                    latest = Some((st, i));
                    if !named.contains(&st) {
                        named.push(st);
                    }
                }
            }
        }
        // The status column of an access log: after the quoted request line. Or a client's
        // log of a response with its status line quoted at the end (httpx: `HTTP Request: GET
        // https://x "HTTP/1.1 429 Too Many Requests"`): a record of the same kind.
        let quoted = whole
            && (quoted_response(text, i, line_start) || {
                let before =
                    &text[floor_boundary(text, i.saturating_sub(MAX_REQUEST).max(line_start))..i];
                after_request(before, text, i)
            });
        // (HAProxy's HTTP log: the status after the five timers, `0/0/1/-1/60002 504 198`.)
        let quoted = quoted || whole && haproxy_timers_before(&bytes[line_start..i]);
        if whole && (text[..i].ends_with("\" ") || quoted) {
            // (A request line is short: it is looked for in the line's last bytes.)
            let line =
                &text[floor_boundary(text, i.saturating_sub(MAX_REQUEST).max(line_start))..i];
            let st: u16 = text[i..i + 3].parse().unwrap_or(0);
            if (100..=599).contains(&st)
                && (line.trim_end_matches("\" ").rsplit_once(" HTTP/").is_some() || quoted)
            {
                // (The worst class counts, and of it the last: a log of 404s that ends in
                // 502s is a server's failure.)
                let class = |st: u16| u8::from(st >= 400) + u8::from(st >= 500);
                last_record = Some(st);
                access = match access {
                    Some(a) if class(a) > class(st) => Some(a),
                    _ => Some(st),
                };
                line_no += bytes[counted..i].iter().filter(|&&b| b == b'\n').count();
                counted = i;
                access_line = line_no;
            }
        }
        i += d.max(1);
    }
    ev.statuses_listed |= named.len() >= LISTED;
    if let Some((st, at)) = first.filter(|_| named.len() < LISTED) {
        ev.set_status(st, "status in the text");
        if ev.status_from == Some("status in the text") {
            ev.status_at = Some(at);
        }
    }
    // A status of success named last (a log of an attempt that failed, then one that
    // answered `HTTP 200 in 181 ms`): where the text speaks of trying again after its
    // errors, that is the attempt that worked.
    if let Some((_, at)) =
        latest.filter(|&(st, _)| (200..400).contains(&st) && named.len() < LISTED)
    {
        let line = memchr::memchr_iter(b'\n', &bytes[..at]).count();
        ev.last_record_ok = ev.last_record_ok.max(Some(line));
    }
    if let Some(st) = access {
        ev.set_status(st, "access log");
        // Records that all answered 2xx or 3xx say the requests worked: the log is judged by
        // what follows the last of them.
        if st < 400 {
            ev.success_line(access_line);
        } else if last_record.is_some_and(|l| l < 400) {
            // (The worst is a failure, so one came before the last.)
            ev.last_record_ok = Some(access_line);
        }
    }
}

/// Whether the bytes before a number (from its line's start) end with HAProxy's five timers
/// of an HTTP log line and a space (`Tq/Tw/Tc/Tr/Tt`: `0/0/1/-1/60002 `; `-1` where a phase
/// did not end, `+` before the total where it is logged so). (Bytes, for the prefilter too.)
/// https://docs.haproxy.org/2.8/configuration.html#8.2.3
pub(crate) fn haproxy_timers_before(before: &[u8]) -> bool {
    let Some(head) = before.strip_suffix(b" ") else {
        return false;
    };
    // (Five timers of nine digits at most are short: only the last bytes are looked at.)
    let head = &head[head.len().saturating_sub(MAX_TIMERS)..];
    let start = head.iter().rposition(|&b| b == b' ').map_or(0, |k| k + 1);
    let token = &head[start..];
    token.split(|&b| b == b'/').count() == 5
        && token.split(|&b| b == b'/').all(|p| {
            let p = p.strip_prefix(b"+").unwrap_or(p);
            let p = p.strip_prefix(b"-").unwrap_or(p);
            !p.is_empty() && p.len() <= 9 && p.iter().all(u8::is_ascii_digit)
        })
}

/// The longest run of HAProxy's timers looked for before a status.
const MAX_TIMERS: usize = 64;

/// The status column of a log in the W3C extended format (IIS, Azure App Service): the
/// `#Fields:` line names the columns, `sc-status` among them, and each record after it is
/// their values apart by spaces. As an access log's, the worst class of status counts, and
/// of it the last; records that all answered 2xx or 3xx say the requests worked.
/// https://learn.microsoft.com/en-us/windows/win32/http/w3c-logging
fn w3c_statuses(text: &str, ev: &mut Evidence) {
    let Some(at) = memchr::memmem::find(text.as_bytes(), b"#Fields:") else {
        return;
    };
    let start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let mut lines = text[start..].lines();
    let Some(column) = lines.next().and_then(|fields| {
        fields
            .trim_start()
            .strip_prefix("#Fields:")?
            .split_whitespace()
            .position(|f| f == "sc-status")
    }) else {
        return;
    };
    let class = |st: u16| u8::from(st >= 400) + u8::from(st >= 500);
    let mut worst: Option<(u16, usize)> = None;
    let first_line = text[..start].matches('\n').count() + 1;
    for (n, line) in lines.enumerate().take(MAX_W3C_RECORDS) {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some(st) = line
            .split_whitespace()
            .nth(column)
            .filter(|v| v.len() == 3)
            .and_then(|v| v.parse::<u16>().ok())
            .filter(|st| (100..=599).contains(st))
        else {
            continue;
        };
        if worst.is_none_or(|(w, _)| class(st) >= class(w)) {
            worst = Some((st, first_line + n));
        }
    }
    if let Some((st, line)) = worst {
        ev.set_status(st, "access log");
        if st < 400 {
            ev.success_line(line);
        }
    }
}

/// At most this many records of a W3C log are read.
const MAX_W3C_RECORDS: usize = 100_000;

/// Whether the status at `i` stands in a status line quoted at the end of its line
/// (`... "HTTP/1.1 429 Too Many Requests"`).
/// Only bytes near the status are read: the version just before it, the reason phrase and
/// the closing quote just after.
fn quoted_response(text: &str, i: usize, line_start: usize) -> bool {
    let bytes = text.as_bytes();
    let head = &bytes[i.saturating_sub(10).max(line_start)..i];
    let version = memchr::memmem::rfind(head, b"\"HTTP/").is_some_and(|k| {
        let v = &head[k + 6..];
        v.len() >= 2
            && v.ends_with(b" ")
            && v[..v.len() - 1]
                .iter()
                .all(|b| b.is_ascii_digit() || *b == b'.')
    });
    if !version {
        return false;
    }
    let tail = &bytes[i + 3..(i + 3 + MAX_REASON).min(bytes.len())];
    let Some(q) = memchr::memchr2(b'"', b'\n', tail).filter(|&q| tail[q] == b'"') else {
        return false;
    };
    // Nothing but spaces after the quote, to the end of the line.
    bytes[i + 3 + q + 1..]
        .iter()
        .take(16)
        .find(|b| !matches!(b, b' ' | b'\t' | b'\r'))
        .is_none_or(|b| *b == b'\n')
}

/// Whether the text before a status (from its line's start) ends with the status's reason
/// phrase and a separator: pnpm's `GET https://x: Not Found - 404`, `Forbidden (403)`,
/// `Service Unavailable: 503`. (Bytes, for the prefilter too.)
pub(crate) fn reason_before(before: &[u8], st: u16) -> bool {
    let head = before.trim_ascii_end();
    let head = &head[..head.len()
        - head
            .iter()
            .rev()
            .take_while(|b| matches!(b, b' ' | b'-' | b':' | b'(' | b'['))
            .count()];
    // (A client's exception may name the reason of a kin status before the status itself:
    // DSharpPlus's `UnauthorizedException: Unauthorized: 403`, for a 401 or a 403 alike.)
    let kin = before.ends_with(b": ") && head.len() + 2 == before.len();
    head.len() < before.len()
        && REASONS.iter().any(|&(s, r)| {
            let r = r.as_bytes();
            (s == st || kin && s / 100 == st / 100 && st >= 400)
                && head.len() >= r.len()
                && head[head.len() - r.len()..].eq_ignore_ascii_case(r)
                && !head[..head.len() - r.len()]
                    .last()
                    .is_some_and(u8::is_ascii_alphanumeric)
        })
}

/// The methods a client's line of a request starts with.
const METHODS: &[&[u8]] = &[
    b"GET", b"POST", b"PUT", b"PATCH", b"DELETE", b"HEAD", b"OPTIONS",
];

/// Whether the text before a number (from its line's start, or its last bytes) ends with a
/// request, its method and its address, and separators: a client's or a server's line of a
/// response (`GET https://x/y: 502`, `POST /v1/orders -> 503`, morgan's `GET /api 500
/// 12.345 ms - 20`, a browser console's `GET https://x 404 (Not Found)`). (Bytes, for the
/// prefilter too.)
pub(crate) fn request_before(before: &[u8]) -> bool {
    let sep = |b: &u8| matches!(b, b' ' | b':' | b'-' | b'>' | b'=' | b',' | b'\t');
    // (Each look back is short or done by memchr: a line of `-100-100-...` asks at every
    // number.)
    let n = before.iter().rev().take(8).take_while(|b| sep(b)).count();
    // (Separators with no space are part of the path: `GET /products/boots-500 HTTP/1.1`.)
    if !before[before.len() - n..]
        .iter()
        .any(|b| matches!(b, b' ' | b'\t'))
    {
        return false;
    }
    let head = &before[..before.len() - n];
    let Some(k) = memchr::memrchr2(b' ', b'\t', head) else {
        return false;
    };
    let address = &head[k + 1..];
    if !(address.starts_with(b"/")
        || address.starts_with(b"http://")
        || address.starts_with(b"https://"))
    {
        return false;
    }
    // The method right before, a space or two away.
    let spaces = head[..k]
        .iter()
        .rev()
        .take(4)
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count();
    let rest = &head[..k - spaces];
    METHODS.iter().any(|m| {
        rest.ends_with(m)
            && rest[..rest.len() - m.len()]
                .last()
                .is_none_or(|b| matches!(b, b' ' | b'\t' | b'"' | b'[' | b'('))
    })
}

/// Whether the status at `i` comes right after a request ([`request_before`]; `before` is
/// its line up to it) and counts no unit (`GET /x 200 ms`).
fn after_request(before: &str, text: &str, i: usize) -> bool {
    // (A status with a reason phrase of its own: `GET /x 443` gives the port.)
    let known = text[i..i + 3]
        .parse::<u16>()
        .is_ok_and(|st| REASONS.iter().any(|&(s, _)| s == st));
    known && request_before(before.as_bytes()) && !unit_after(text, i + 3)
}

/// The longest request line and reason phrase looked for around a status.
const MAX_REQUEST: usize = 4096;
const MAX_REASON: usize = 128;

/// `at`, or the next character boundary after it.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// What a status of `000` is said to be.
const NO_RESPONSE: &str = "status 000";

/// A text that names this many different statuses in prose is a list of them.
const LISTED: usize = 4;

/// The shape of an error read from a record of keys and values.
pub const KEY_VALUE_RECORD: &str = "error record (key: value)";

/// Turns the pairs of each container into evidence.
#[cfg(test)]
pub fn scan(text: &str, ev: &mut Evidence) {
    let lower = text.to_ascii_lowercase();
    scan_with(text, ev, KEY_STEMS.iter().any(|s| lower.contains(s)));
}

/// [`scan`], told whether any key stem occurs in the text (found with the other readers'
/// markers in one pass): where none does, no key can start, and the byte-by-byte reading is
/// skipped.
pub fn scan_with(text: &str, ev: &mut Evidence, stems: bool) {
    prose_statuses(text, ev);
    w3c_statuses(text, ev);
    if !stems {
        return;
    }
    let (pairs, parents) = pairs(text);
    if pairs.is_empty() {
        return;
    }
    // Records: the pairs of one container, split where a second code or status begins.
    let mut records: Vec<Vec<&Pair>> = Vec::new();
    let mut by_container: Vec<(usize, usize)> = Vec::new(); // (container, last record index)
    for p in &pairs {
        let open = by_container.iter().rev().find(|(c, _)| *c == p.container);
        let idx = match open {
            Some(&(_, r))
                if !(matches!(p.kind, Kind::Code | Kind::Status)
                    && records[r].iter().any(|q| q.kind == p.kind)) =>
            {
                r
            }
            _ => {
                records.push(Vec::new());
                by_container.push((p.container, records.len() - 1));
                records.len() - 1
            }
        };
        records[idx].push(p);
    }
    let coded_before = ev.errors.iter().any(|e| e.code.is_some());
    // The first record with a code in each container, so that a nested record can name the
    // record around it as its parent.
    let mut coded: Vec<Option<usize>> = vec![None; parents.len()];
    for (ri, r) in records.iter().enumerate() {
        if let Some(p) = r.iter().find(|p| p.kind == Kind::Code) {
            coded[p.container] = coded[p.container].or(Some(ri));
        }
    }
    let code_of = |container: usize| -> Option<usize> {
        let mut c = parents.get(container).copied();
        for _ in 0..MAX_DEPTH {
            let cc = c.filter(|&cc| cc != 0)?;
            if let Some(r) = coded[cc] {
                return Some(r);
            }
            c = parents.get(cc).copied();
        }
        None
    };
    let mut details: Vec<(usize, (String, String, String))> = Vec::new();
    let mut errors: Vec<(usize, ServerError)> = Vec::new();
    for (ri, r) in records.iter().enumerate() {
        let get = |k: Kind| r.iter().find(|p| p.kind == k).map(|p| p.value.clone());
        let status = get(Kind::Status).and_then(|s| s.parse::<u16>().ok());
        if get(Kind::Status).as_deref() == Some("000") {
            ev.no_response = ev.no_response.or(Some(NO_RESPONSE));
        }
        if let Some(st) = status {
            ev.set_status(st, "status field in the text");
        }
        if let Some(id) = get(Kind::RequestId) {
            ev.request_id(&id);
        }
        if let Some(secs) = get(Kind::RetryAfter).and_then(|s| s.parse::<f64>().ok()) {
            ev.retry_hint(secs, "retry_after in the text", false);
        }
        let Some(code) = get(Kind::Code) else {
            continue;
        };
        // A three-digit code equal to a status is the status (`code: 404`).
        if Some(code.as_str()) == status.map(|s| s.to_string()).as_deref() {
            continue;
        }
        let pos = r.iter().position(|p| p.kind == Kind::Code).unwrap_or(0);
        // Its message: the first after the code, else the last before it.
        let message = r[pos..]
            .iter()
            .find(|p| p.kind == Kind::Message)
            .or_else(|| r[..pos].iter().rev().find(|p| p.kind == Kind::Message))
            .map(|p| p.value.clone());
        let first = r.first().map_or(0, |p| p.container);
        if let Some(parent) = code_of(first) {
            if parent != ri {
                details.push((parent, (String::new(), code, message.unwrap_or_default())));
                continue;
            }
        }
        // Alone, a code is weak: it counts only where a catalog knows it.
        let weak = message.is_none() && status.is_none() || !r[pos].separated;
        errors.push((
            ri,
            ServerError {
                code: Some(code),
                message,
                shape: KEY_VALUE_RECORD,
                status,
                weak,
                ..Default::default()
            },
        ));
    }
    if coded_before || ev.success_body {
        return;
    }
    for (ri, mut e) in errors {
        e.details = details
            .iter()
            .filter(|(p, _)| *p == ri)
            .map(|(_, d)| d.clone())
            .take(100)
            .collect();
        ev.found(e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Evidence {
        let mut ev = Evidence::default();
        scan(text, &mut ev);
        ev
    }

    fn first(text: &str) -> (Option<String>, Option<String>, Option<u16>) {
        let ev = read(text);
        let e = ev.errors.first();
        (
            e.and_then(|e| e.code.clone()),
            e.and_then(|e| e.message.clone()),
            ev.status,
        )
    }

    #[test]
    fn a_status_in_words_ends_where_its_phrase_does() {
        // Reading goes on right after the phrase: the next pair is read whole.
        for text in [
            "status: Not Found code=NoSuchKey",
            "Http Status Code Forbidden code=AccessDenied",
        ] {
            let ev = read(text);
            let code = ev.errors.first().and_then(|e| e.code.clone());
            assert!(
                code.is_some_and(|c| c == "NoSuchKey" || c == "AccessDenied"),
                "{text}: {ev:?}"
            );
        }
        assert_eq!(read("status: Not Found code=NoSuchKey").status, Some(404));
    }

    #[test]
    fn a_websockets_close_code_is_no_catalogs_code() {
        // In a record, a body or a client's error properties, where the text speaks of a
        // WebSocket; 1006 elsewhere, or a Discord close code, stays a code.
        for (text, errors) in [
            (
                "Got disconnected from WebSocket (Code 1006). Appending to reconnect queue",
                0,
            ),
            ("websocket closed, close code: 1000", 0),
            (
                "debug: WS disconnected: {\"code\":1006,\"reason\":\"\",\"status\":\"ready\"}",
                0,
            ),
            ("Got disconnected from WebSocket (Code 4014)", 1),
            ("request blocked, error code: 1006", 1),
            ("blocked: {\"code\":1006,\"message\":\"banned\"}", 1),
        ] {
            assert_eq!(crate::input::analyze(text).errors.len(), errors, "{text}");
        }
    }

    #[test]
    fn a_key_glued_to_its_value_inside_another_keys_value_is_a_setting() {
        for (text, status) in [
            ("  - service: http_status:404", None),
            (r#"{"ingress":[{"service":"http_status:404"}]}"#, None),
            // A field of its own, or one after a label with a space, is read.
            ("http_status:404", Some(404)),
            ("error: http_status: 503", Some(503)),
            ("request failed status:503", Some(503)),
        ] {
            assert_eq!(read(text).status, status, "{text}");
        }
    }

    #[test]
    fn a_plans_attributes_are_configuration() {
        for (text, errors, status) in [
            ("      + custom_error_response {\n          + error_code            = 404\n          + response_code         = 404\n        }", 0, None),
            ("  ~ response_code = 503 -> 404", 0, None),
            ("  - status_code = 500", 0, None),
            // Not a plan's mark, or not an assignment: read.
            ("  error_code = 404", 1, None),
            ("+ status: 503", 0, Some(503)),
            ("- error_code=NoSuchKey", 1, None),
        ] {
            let ev = read(text);
            assert_eq!(ev.errors.len(), errors, "{text}: {ev:?}");
            assert_eq!(ev.status, status, "{text}");
        }
    }

    #[test]
    fn only_listed_words_begin_a_key_of_several_words() {
        assert_eq!(
            read("Ray ID: 8a1b2c3d4e5f").request_id.as_deref(),
            Some("8a1b2c3d4e5f")
        );
        // `cf ray` is no key (`cf-ray`, one word, is).
        assert_eq!(read("cf ray: 8a1b2c3d4e5f").request_id, None);
        assert_eq!(
            read("cf-ray: 8a1b2c3d4e5f").request_id.as_deref(),
            Some("8a1b2c3d4e5f")
        );
    }

    #[test]
    fn every_key_that_means_something_contains_a_stem() {
        // The stems decide whether the text is read for keys at all.
        let stem = |s: &str| {
            let s = s.to_ascii_lowercase();
            KEY_STEMS.iter().any(|k| s.contains(k))
        };
        for (spellings, kind) in keys() {
            for s in spellings.iter().filter(|_| kind.is_some()) {
                assert!(stem(s), "{s} has no stem");
            }
            // Words are tried as keys only where they start with a key's letter.
            for s in spellings {
                let first = s.bytes().next().unwrap_or(0);
                assert!(key_letter(first), "{s}");
                assert!(key_letter(first.to_ascii_uppercase()), "{s}");
            }
        }
        for b in [b'0', b'9', b'_', b'k', b'K', b'q'] {
            assert!(!key_letter(b), "{}", b as char);
        }
        for s in [
            "x-amz-request-id",
            "CF-RAY",
            "Retry-After",
            "statusCode",
            "errMsg",
        ] {
            assert!(stem(s), "{s}");
        }
        assert!(!stem(
            "2024-05-01 INFO worker 7 processed batch of 200 items"
        ));
        // Without a stem the pairs are not read; with one they are.
        let mut ev = Evidence::default();
        scan_with("code=NoSuchKey", &mut ev, false);
        assert!(ev.errors.is_empty());
        scan_with("code=NoSuchKey", &mut ev, true);
        assert_eq!(ev.errors.len(), 1);
    }

    #[test]
    fn every_notation_gives_code_message_and_status() {
        let rows: &[(&str, &str, &str, Option<u16>)] = &[
            // Python dict repr
            ("{'code': 50035, 'message': 'Invalid Form Body'}", "50035", "Invalid Form Body", None),
            // Node util.inspect
            ("Err {\n  method: 'delete',\n  code: 50013,\n  httpStatus: 403\n}", "50013", "", Some(403)),
            // Rust Debug
            ("Error { code: Some(\"NoSuchKey\"), message: Some(\"gone\"), .. }", "NoSuchKey", "gone", None),
            // Java / Kotlin / Dart toString
            ("StorageException(message: Key missing, code: NoSuchKey, statusCode: 404)", "NoSuchKey", "Key missing", Some(404)),
            // Go %+v
            ("{Code:SlowDown Message:Please reduce your request rate StatusCode:503}", "SlowDown", "", Some(503)),
            // Ruby inspect
            ("#<Err code=\"AccessDenied\", message=\"Access Denied\", status=403>", "AccessDenied", "Access Denied", Some(403)),
            // Ruby hash rockets
            ("{:code => 10008, :message => \"Unknown Message\"}", "10008", "Unknown Message", None),
            // EDN
            ("{:error-code \"InvalidBucketName\" :http-status 400}", "InvalidBucketName", "", Some(400)),
            // logfmt
            ("level=error code=NoSuchBucket status=404 msg=\"bucket gone\"", "NoSuchBucket", "bucket gone", Some(404)),
            // YAML-ish lines
            ("error:\n  code: \"TooManyRequests\"\n  message: \"slow down\"\n  status: 429", "TooManyRequests", "slow down", Some(429)),
            // prose with a label and no separator
            ("Error making request with Error Code SignatureDoesNotMatch and Http Status Code Forbidden.", "SignatureDoesNotMatch", "", Some(403)),
            // the key in other spellings
            ("ERROR_CODE = 'quota_exceeded'; Error-Message = 'over quota'", "quota_exceeded", "over quota", None),
        ];
        for (text, code, message, status) in rows {
            let (c, m, s) = first(text);
            assert_eq!(c.as_deref(), Some(*code), "{text}");
            if !message.is_empty() {
                assert_eq!(m.as_deref(), Some(*message), "{text}");
            }
            assert_eq!(s, *status, "{text}");
        }
    }

    #[test]
    fn statuses_in_prose() {
        let rows: &[(&str, Option<u16>)] = &[
            ("Request failed with status code 404", Some(404)),
            ("HTTP status 400: content", Some(400)),
            ("statusCode=502 upstream", Some(502)),
            (
                "The remote server returned an error: (403) Forbidden.",
                Some(403),
            ),
            (
                "HTTP request failed with 429 (Too Many Requests):",
                Some(429),
            ),
            (
                "ErrorResponseException: 0: 503: Service Unavailable",
                Some(503),
            ),
            ("a 503 Service Unavailable error was encountered", Some(503)),
            ("response code: 201", Some(201)),
            ("Status: Not Found", Some(404)),
            // Near misses: a number that is not a status, a status word in a sentence.
            ("we processed 404 files and found nothing", None),
            ("status: active", None),
            ("the exit code: 2 of the job", None),
            ("took 500 ms", None),
            ("version 1.503 Service Unavailable", None),
            ("build x503 Service Unavailable", None),
            ("503Service Unavailable", None),
            // A reason phrase before its status, a separator between (pnpm's `Not Found -
            // 404`); a phrase that is part of a longer word, or another status's, is not.
            ("GET https://registry.example/x: Not Found - 404", Some(404)),
            ("request failed: Forbidden (403)", Some(403)),
            ("upstream said Service Unavailable: 503", Some(503)),
            ("upstream said Service Unavailable 503", Some(503)),
            ("NotFound - 404", None),
            ("Not Found - 503", None),
            // After a request, its method and address: a line of a response.
            ("Failed to download artifacts: GET https://h/v3/x?y=1: 502", Some(502)),
            ("POST https://h/v1/orders -> 503", Some(503)),
            ("GET /api/users/123 500 3.1 ms - 12", Some(500)),
            ("GET /api/users/123 200 3.1 ms - 12", Some(200)),
            ("GET /api/users/123 500 ms", None),
            ("GET /api/users/404", None),
            ("GET /api/users 404 items", None),
            ("FORGET /x: 502", None),
            ("GET https://h/x 2 retries: 502", None),
            ("GET /api/x 443 200", None),
            // Up to four characters between the status and its phrase.
            ("build 503 ): Service Unavailable", Some(503)),
            ("build 503 ):  Service Unavailable", None),
            // After a word that labels it: any status for HTTP and status, an error for
            // code, error and returned; never a count.
            ("got HTTP 500 while calling /x", Some(500)),
            ("comes back HTTP 451, the US nodes", Some(451)),
            ("HTTP/1.1 404 from the proxy", Some(404)),
            ("status: 429", Some(429)),
            ("status code 201", Some(201)),
            ("the service returned 503 twice", Some(503)),
            ("error 502 upstream", Some(502)),
            ("exit code 127", None),
            ("error 200", None),
            ("HTTP 500 ms later", None),
            ("HTTP 404 files", None),
            ("xhttp 500", None),
            // An access log's status column: its worst status.
            ("1.2.3.4 - - [x] \"GET / HTTP/1.1\" 200 12\n1.2.3.4 - - [x] \"POST /a HTTP/1.1\" 502 9\n1.2.3.4 - - [x] \"GET / HTTP/1.1\" 200 12", Some(502)),
            ("1.2.3.4 - - [x] \"GET / HTTP/1.1\" 200 12\n1.2.3.4 - - [x] \"GET /b HTTP/1.1\" 304 0", Some(304)),
            ("said \" 502 once", None),
            // A client's log of its responses, each status line quoted at the end: the worst.
            ("INFO httpx: HTTP Request: GET https://x/1 \"HTTP/1.1 200 OK\"\nINFO httpx: HTTP Request: GET https://x/2 \"HTTP/1.1 429 Too Many Requests\"", Some(429)),
            ("INFO httpx: HTTP Request: GET https://x/1 \"HTTP/2 200 OK\"", Some(200)),
            ("he said \"HTTP/1.1 503 Service Unavailable\" twice", Some(503)),
            // In brackets before a URL; in parentheses after a colon, any language.
            ("[429] https://api.example.com/x (retrying)", Some(429)),
            ("[429] retrying", None),
            // After a link checker's mark, not after words.
            ("✗ [404] https://docs.example.com/a | Network error: Not Found", Some(404)),
            ("build 7 [404] https://x/y", None),
            ("Der Remoteserver hat einen Fehler zurückgegeben: (500) Interner Serverfehler.", Some(500)),
            ("note: (500) items", None),
            ("Ошибка: (503) Сервер недоступен", Some(503)),
            ("note: (200) items", None),
            ("note (500) items", None),
            // The phrase must be the status's own; a longer phrase counts whole.
            ("the proxy said 404 Forbidden", None),
            ("a 413 Request Entity Too Large reply", Some(413)),
            ("a 504 gateway time-out", Some(504)),
            ("[WARNING] | 429 - Too Many Requests : retrying after 1173 ms", Some(429)),
            // The reason of a kin status before it, after a colon (DSharpPlus names both its
            // 401 and its 403 `Unauthorized`); of another class, or with no colon, none.
            ("UnauthorizedException: Unauthorized: 403", Some(403)),
            ("NotFoundException: Not Found: 500", None),
            ("the Unauthorized 403 list", None),
            // A list of statuses names none.
            ("- 200 OK: worked\n- 301 Moved Permanently: moved\n- 404 Not Found: gone\n- 500 Internal Server Error: broke", None),
            // Keys that are no status.
            ("status: 0404", None),
            ("vstatus=404", None),
        ];
        for (text, want) in rows {
            assert_eq!(read(text).status, *want, "{text}");
        }
    }

    #[test]
    fn access_records_that_all_answered_2xx_or_3xx_say_the_requests_worked() {
        let ok = "1.2.3.4 - - [x] \"GET /errors/help HTTP/1.1\" 200 12\n1.2.3.4 - - [x] \"GET /500 HTTP/1.1\" 301 0\n";
        assert_eq!(read(ok).last_success, Some(1));
        // (A number the path ends in is the path's: `/boots-500`, `/v2/items:503`.)
        for path in ["/products/boots-500", "/v2/items:503", "/a=404"] {
            let ok = format!("1.2.3.4 - - [x] \"GET {path} HTTP/1.1\" 301 0\n");
            assert_eq!(
                (read(&ok).status, read(&ok).last_success),
                (Some(301), Some(0)),
                "{path}"
            );
        }
        // A status after the request and a separator is the request's.
        for line in ["GET /a -> 503", "GET /a: 503 in 2ms", "GET /a - 503"] {
            assert_eq!(read(line).status, Some(503), "{line}");
        }
        // One record of failure among them: no success.
        let failed = "1.2.3.4 - - [x] \"GET / HTTP/1.1\" 200 12\n1.2.3.4 - - [x] \"POST /a HTTP/1.1\" 503 9\n1.2.3.4 - - [x] \"GET / HTTP/1.1\" 200 12\n";
        assert_eq!(read(failed).last_success, None);
        // Of the errors, the worst class counts, and of it the last.
        let log = |statuses: &[u16]| -> String {
            statuses
                .iter()
                .map(|st| format!("1.2.3.4 - - [x] \"GET /a HTTP/1.1\" {st} 9\n"))
                .collect()
        };
        for (statuses, want) in [
            (&[404, 502, 502, 200][..], 502),
            (&[502, 404, 200][..], 502),
            (&[404, 403, 200][..], 403),
            (&[500, 503][..], 503),
            (&[200, 304][..], 304),
        ] {
            assert_eq!(read(&log(statuses)).status, Some(want), "{statuses:?}");
        }
    }

    #[test]
    fn a_retried_log_whose_last_record_worked_says_so_and_haproxy_timers_give_a_status() {
        // A record that failed, then one that worked: the last record's line.
        let log =
            "h:443 \"PUT /a HTTP/1.1\" 503 None\nRetry needed\nh:443 \"PUT /a HTTP/1.1\" 200 0\n";
        let ev = read(log);
        assert_eq!((ev.status, ev.last_record_ok), (Some(503), Some(2)));
        // All worked, or the last failed: no such line.
        assert_eq!(read("h \"PUT /a HTTP/1.1\" 200 0\n").last_record_ok, None);
        assert_eq!(
            read("h \"PUT /a HTTP/1.1\" 200 0\nh \"PUT /a HTTP/1.1\" 503 0\n").last_record_ok,
            None
        );
        // A word joined by a hyphen is no reason phrase: `100-continue` names no status.
        assert_eq!(read("headers={'Expect': b'100-continue'}").status, None);
        for (line, want) in [
            (
                "haproxy[1]: 1.2.3.4:5 [x] fe be/s 0/0/1/-1/60002 504 198 - - sH--",
                Some(504),
            ),
            (
                "haproxy[1]: fe be/s 0/0/0/3/+3 200 5120 - - ----",
                Some(200),
            ),
            // Four parts, a letter, or no space before: no timers.
            ("fe be/s 0/0/1/60002 504 198", None),
            ("fe be/s 0/0/1/x/60002 504 198", None),
            ("ratio 0/0/1/-1/60002/7 504 198", None),
        ] {
            assert_eq!(read(line).status, want, "{line}");
        }
    }

    #[test]
    fn a_w3c_log_gives_its_status_column() {
        let log = |statuses: &[&str]| -> String {
            let mut t = String::from(
                "#Software: Microsoft Internet Information Services 10.0\n#Fields: date time cs-method cs-uri-stem s-port sc-status sc-substatus time-taken\n",
            );
            for st in statuses {
                t.push_str(&format!("2024-03-19 08:44:02 GET /api/x 443 {st} 0 15\n"));
            }
            t
        };
        for (statuses, want) in [
            (&["200", "500", "200"][..], Some(500)),
            (&["404", "502", "404"][..], Some(502)),
            (&["200", "304"][..], Some(304)),
            (&["-", "x5x"][..], None),
        ] {
            assert_eq!(read(&log(statuses)).status, want, "{statuses:?}");
        }
        assert_eq!(read(&log(&["200", "200"])).last_success, Some(3));
        // Without the column, or without the header, nothing.
        let no_column = "#Fields: date time cs-method cs-uri-stem s-port\n2024-03-19 08:44:02 GET /api/x 443 500\n";
        assert_eq!(read(no_column).status, None);
        assert_eq!(
            read("2024-03-19 08:44:02 GET /api/x 443 500 0 15\n").status,
            None
        );
    }

    #[test]
    fn a_status_of_000_says_no_response_came_back() {
        let rows: &[(&str, bool)] = &[
            ("000", true),
            ("000\n000\n000\n", true),
            (
                "$ curl -s -o /dev/null -w '%{http_code}' http://x\n000\n",
                true,
            ),
            ("  000  \n", true),
            ("HTTP 000", true),
            ("status: 000", true),
            ("health check got status code 000 from 10.0.0.5", true),
            ("status=000 host=x", true),
            // Near misses: a 000 among other words, or after a label of no status.
            ("offset 000 of 12", false),
            ("000 files", false),
            ("id 000", false),
            ("error 000", false),
            ("HTTP 0000", false),
            ("1.000 seconds", false),
            ("000123", false),
        ];
        for (text, want) in rows {
            assert_eq!(read(text).no_response.is_some(), *want, "{text}");
            assert_eq!(read(text).status, None, "{text}");
        }
    }

    #[test]
    fn no_reason_phrase_starts_another_of_another_status() {
        for (a, ra) in REASONS {
            for (b, rb) in REASONS {
                assert!(a == b || !starts_with_phrase(rb, ra), "{ra} / {rb}");
            }
            assert_eq!(reason_status(ra), Some(*a));
            assert!(names_status(&ra.to_uppercase(), *a), "{ra}");
        }
    }

    #[test]
    fn what_each_key_keeps() {
        let kinds = |text: &str| -> Vec<(Kind, String)> {
            pairs(text)
                .0
                .into_iter()
                .map(|p| (p.kind, p.value))
                .collect()
        };
        // A message has a letter; an id is at most 200 bytes; a retry-after is a number.
        assert_eq!(kinds("message: 1234"), []);
        let id = "i".repeat(200);
        assert_eq!(
            kinds(&format!("request_id: \"{id}\"")),
            [(Kind::RequestId, id)]
        );
        assert_eq!(kinds(&format!("request_id: \"{}\"", "i".repeat(201))), []);
        assert_eq!(
            kinds("retry_after: soon, retry_after: 5"),
            [(Kind::RetryAfter, "5".to_string())]
        );
        // A key begins a word (`kcode` is no `code`), and `::` is a path, not a separator.
        assert_eq!(kinds("kcode=ABC_1"), []);
        assert_eq!(kinds("aws_sdk_s3::error::SdkError"), []);
        assert_eq!(kinds("Code::NoSuchKey"), []);
    }

    #[test]
    fn a_record_gives_its_code_the_message_after_it_and_its_status() {
        let ev = read("msg=before code=E_1 msg=after status=409");
        let e = &ev.errors[0];
        assert_eq!(
            (e.code.as_deref(), e.message.as_deref(), e.status, e.shape),
            (
                Some("E_1"),
                Some("after"),
                Some(409),
                "error record (key: value)"
            )
        );
        assert_eq!(
            read("msg=before code=E_1").errors[0].message.as_deref(),
            Some("before")
        );
        // A bare message ends where the next pair begins, not at a word of its own.
        for (text, want) in [
            ("code=E_1 msg=slow down status=503", "slow down"),
            (
                "{Code:SlowDown Message:Please reduce your request rate StatusCode:503}",
                "Please reduce your request rate",
            ),
            ("code=E_1 msg=the status is bad", "the status is bad"),
            ("code=E_1 msg=Error: gone", "Error: gone"),
            ("code=E_1 msg=a x-status=3", "a x-status=3"),
            ("code=E_1 msg=a request_id=R1", "a"),
            ("code=E_1 msg=a retry_after=3", "a"),
            ("code=E_1 msg=a error_code: X_2", "a"),
        ] {
            assert_eq!(message_value(text).as_deref(), Some(want), "{text}");
        }
        // A code equal to the status is the status.
        assert!(read("code: 404, status: 404, message: 'gone'")
            .errors
            .is_empty());
        assert_eq!(read("code: 404, status: 403, message: 'x'").errors.len(), 1);
    }

    #[test]
    fn a_record_without_a_code_is_no_parent() {
        let ev = read("{'message': 'outer', 'inner': {'code': 'X_1', 'message': 'm'}}");
        let codes: Vec<_> = ev.errors.iter().filter_map(|e| e.code.clone()).collect();
        assert_eq!(codes, ["X_1"]);
    }

    #[test]
    fn nested_records_become_details_of_their_parent() {
        let ev = read("{'code': 50035, 'errors': {'data': {'_errors': [{'code': 'COMPONENT_VALIDATION_FAILED', 'message': 'Component validation failed'}]}}, 'message': 'Invalid Form Body'}");
        assert_eq!(ev.errors.len(), 1, "{:?}", ev.errors);
        let e = &ev.errors[0];
        assert_eq!(e.code.as_deref(), Some("50035"));
        assert_eq!(e.message.as_deref(), Some("Invalid Form Body"));
        assert_eq!(e.details[0].1, "COMPONENT_VALIDATION_FAILED");
    }

    #[test]
    fn a_second_code_starts_a_second_record() {
        let ev = read("Error details: code: 6003, error: Invalid request headers; code: 6103, error: Invalid format for X-Auth-Key header;");
        let codes: Vec<_> = ev.errors.iter().filter_map(|e| e.code.clone()).collect();
        assert_eq!(codes, ["6003", "6103"]);
        assert_eq!(
            ev.errors[1].message.as_deref(),
            Some("Invalid format for X-Auth-Key header")
        );
    }

    #[test]
    fn words_of_prose_are_not_codes() {
        for text in [
            "the code was reviewed and merged",
            "status: ok",
            "error: something went wrong",
            "exit code: 1",
            "zip code: 12345",
            "code = null",
            // A key's word inside a longer word is no key.
            "barcode: ABC_123",
            "unicode=U_2603",
        ] {
            let ev = read(text);
            assert!(
                ev.errors.iter().all(|e| e.code.is_none()),
                "{text}: {:?}",
                ev.errors
            );
        }
    }

    #[test]
    fn a_lone_code_is_weak_evidence() {
        let ev = read("CLOSE_REASON (code: 4014) : 21 bytes");
        assert_eq!(ev.errors[0].code.as_deref(), Some("4014"));
        assert!(ev.errors[0].weak);
        let ev = read("{\"code\": 4014, \"message\": \"Disallowed intent(s)\"}");
        assert!(!ev.errors[0].weak);
    }

    #[test]
    fn caps_hold_on_hostile_input() {
        let many = "code: A_B, ".repeat(100_000);
        let ev = read(&many);
        assert!(ev.errors.len() <= super::super::MAX_ERRORS);
        let deep = "{".repeat(100_000) + "code: X_Y, message: 'm'" + &"}".repeat(100_000);
        let ev = read(&deep);
        assert_eq!(ev.errors[0].code.as_deref(), Some("X_Y"));
    }

    fn message(text: &str) -> Option<String> {
        read(text).errors.first().and_then(|e| e.message.clone())
    }

    /// The value of the (first) message pair of `text`.
    fn message_value(text: &str) -> Option<String> {
        pairs(text)
            .0
            .into_iter()
            .find(|p| p.kind == Kind::Message)
            .map(|p| p.value)
    }

    #[test]
    fn what_looks_like_a_code() {
        let long = "A".repeat(64);
        let longer = "A".repeat(65);
        for (v, want) in [
            ("", false),
            ("50013", true),
            ("123456", true),
            ("1234567", false), // a number that long is an id, not a code
            ("NoSuchKey", true),
            ("BASE_TYPE_REQUIRED", true),
            ("invalid_grant", true),
            ("ACCESS", true),
            ("E42", true),
            ("no-such_key", true),
            ("x.y_z", true),
            ("x-amz-Code", true),
            ("Forbidden", false), // a capital only at the start: a word
            ("forbidden", false),
            ("not-found", false),
            ("none", false),
            ("Null", false),
            ("SUCCESS", false),
            ("Error", false),
            ("no/such_KEY", false),
            ("___", false), // no letter
            ("a b_C", false),
            (long.as_str(), true),
            (longer.as_str(), false),
        ] {
            assert_eq!(code_like(v), want, "{v:?}");
        }
    }

    #[test]
    fn quoted_values_are_read_to_their_closing_quote() {
        let pad = "x".repeat(3 * pairs::MAX_QUOTED);
        // The closing quote is looked for over four times MAX_VALUE (1600 bytes).
        let within = "A, ".repeat(520); // 1560 bytes
        let beyond = "A, ".repeat(540); // 1620 bytes
        let rows: Vec<(String, Option<String>)> = vec![
            // Escapes are kept as written; an escaped quote does not close the value.
            (
                r#"code=E_1 msg="say \"hi\" now""#.into(),
                Some(r#"say \"hi\" now"#.into()),
            ),
            (
                r"code=E_1 msg='it\'s gone'".into(),
                Some(r"it\'s gone".into()),
            ),
            // A double-quoted value may span lines; a single-quoted one ends at its line, and
            // an unterminated value is read bare, after its quote.
            (
                "code=E_1 msg=\"two\nlines\"".into(),
                Some("two\nlines".into()),
            ),
            (
                "code=E_1 msg='unterminated\nstatus: 'x'".into(),
                Some("unterminated".into()),
            ),
            ("code=E_1 msg=\"cut short".into(), Some("cut short".into())),
            // The closing quote is looked for as far as MAX_QUOTED bytes, wherever the value
            // starts; beyond, the value is read bare (to the end of its clause).
            (
                format!("{pad} code=E_1 msg=\"{within}\""),
                Some(cut(&within, MAX_VALUE).into()),
            ),
            (format!("code=E_1 msg=\"{beyond}\""), Some("A".into())),
        ];
        for (text, want) in rows {
            assert_eq!(message_value(&text), want, "{}", cut(&text, 60));
        }
    }

    #[test]
    fn symbols_and_bare_tokens() {
        // Ruby symbols and EDN keywords as values.
        assert_eq!(
            first("{code: :NoSuchKey, status: 404}").0.as_deref(),
            Some("NoSuchKey")
        );
        // A bare token is read up to MAX_TOKEN characters; a longer run is no id at all.
        let id = |n: usize| read(&format!("request-id: {}", "a".repeat(n))).request_id;
        assert_eq!(id(MAX_TOKEN), Some("a".repeat(MAX_TOKEN)));
        assert_eq!(id(MAX_TOKEN + 1), None);
        // A bare message runs to the end of its clause, at most MAX_VALUE bytes.
        assert_eq!(
            message_value(&format!("code=E_1 msg={}", "m".repeat(3 * MAX_VALUE))).map(|m| m.len()),
            Some(MAX_VALUE)
        );
        assert_eq!(
            message("code=E_1 msg=first clause; second").as_deref(),
            Some("first clause")
        );
    }

    #[test]
    fn a_key_is_words_joined_by_one_space_or_dot_before_a_letter() {
        // A long word after a key's first word overflows nothing.
        let long = format!("status {}: 404", "a".repeat(200));
        assert_eq!(read(&long).status, None);
        assert_eq!(
            read("error.code: E_1").errors[0].code.as_deref(),
            Some("E_1")
        );
        assert_eq!(read("Http Status Code 503").status, Some(503));
        // A separator not followed by a letter ends the key: no status here.
        assert_eq!(
            read("Updated the status. 404 files were processed").status,
            None
        );
    }

    #[test]
    fn brackets_inside_strings_are_text() {
        // Each object is its own record; a bracket inside a string must not nest the second
        // object into the first (which would make its code a detail of the first).
        for text in [
            r#"[{"code": "A_B", "message": "a (b"}, {"code": "C_D", "message": "x"}]"#,
            r#"[{"code": "A_B", "message": "say \"hi (x\" ok"}, {"code": "C_D", "message": "x"}]"#,
            r#"[{"code": "A_B", "message": "x) y", "status": 404}, {"code": "C_D", "message": "x"}]"#,
            "\"(\" [{\"code\": \"A_B\"}, {\"code\": \"C_D\"}]",
        ] {
            let ev = read(text);
            let codes: Vec<_> = ev.errors.iter().filter_map(|e| e.code.clone()).collect();
            assert_eq!(codes, ["A_B", "C_D"], "{text}");
        }
        // The closing bracket inside a string leaves the status in the first record.
        let ev = read(r#"[{"code": "A_B", "message": "x) y", "status": 404}]"#);
        assert_eq!(ev.errors[0].status, Some(404));
    }

    #[test]
    fn a_blank_line_ends_a_record_outside_brackets() {
        assert_eq!(message("code=E_1\nmessage=gone").as_deref(), Some("gone"));
        assert_eq!(message("code=E_1\n\nmessage=gone"), None);
        assert_eq!(message("code=E_1\n \t\nmessage=gone"), None);
        let ev = read("code=E_1\n\nmessage=gone\ncode=E_2");
        assert_eq!(ev.errors.len(), 2);
        assert_eq!(ev.errors[1].message.as_deref(), Some("gone"));
    }

    #[test]
    fn containers_and_pairs_are_capped() {
        let container =
            |text: &str| -> Vec<usize> { pairs(text).0.iter().map(|p| p.container).collect() };
        // Brackets deeper than MAX_DEPTH count as the deepest tracked one ...
        let deep = "{".repeat(MAX_DEPTH);
        let c = container(&format!("{deep} code: A_1 {} code: A_2", "{".repeat(6)));
        assert_eq!(c[0], c[1]);
        let c = container(&format!(
            "{} code: A_1 {{ code: A_2",
            "{".repeat(MAX_DEPTH - 1)
        ));
        assert_ne!(c[0], c[1]);
        // ... and closing them closes nothing tracked.
        let c = container(&format!(
            "{deep} code: A_1 {} code: A_2",
            "{".repeat(6) + &"}".repeat(6)
        ));
        assert_eq!(c[0], c[1]);
        let c = container(&format!("{deep} code: A_1 {{}}}} code: A_2"));
        assert_eq!(c[1], c[0] - 1);
        // At most MAX_CONTAINERS containers: brackets and paragraphs beyond are not tracked.
        let c = container(&format!(
            "{} {{code: A_1}}",
            "()".repeat(MAX_CONTAINERS - 1)
        ));
        assert_eq!(c, [0]);
        let c = container(&format!(
            "{} {{code: A_1}}",
            "()".repeat(MAX_CONTAINERS - 2)
        ));
        assert_eq!(c, [MAX_CONTAINERS - 1]);
        let c = container(&format!("{}code: A_1", "x\n\n".repeat(MAX_CONTAINERS + 10)));
        assert_eq!(c, [MAX_CONTAINERS - 1]);
        // At most MAX_PAIRS pairs.
        assert_eq!(
            pairs(&"code: A_1, ".repeat(MAX_PAIRS + 5)).0.len(),
            MAX_PAIRS
        );
    }
}
