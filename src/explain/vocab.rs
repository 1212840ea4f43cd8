//! Numbers in free text that a catalog knows: a code with a label (`code 1020`, `Error: 9109:`,
//! `CloudflareCode1020`, `Error reference number: 520`) or followed by its own official
//! message (`50013: Missing Permissions`), and errno numbers as runtimes print them
//! (`[Errno 111]`, `errno = 111`, `(os error 10061)`, `(111: Connection refused)`). This is
//! the grammar of numbers; what words mean is the phrasebook's (`catalog::phrases`). A code
//! found here is weak evidence: it counts where a catalog entry fits and the rest of the
//! evidence does not point elsewhere.

use crate::catalog::{Entry, Registry};
use crate::input::{Evidence, ServerError};
use crate::lexicon::tokens::{ends_with_ignore_case, starts_with_ignore_case};

/// How a hint from a vendor's name in the text is worded (weak: it points, it does not decide).
const VENDOR: &str = crate::input::VENDOR_HINT;

/// At most this many numbers are looked up.
const MAX_SYMBOLS: usize = 200;
/// At most this many errors come from the vocabulary of one input.
const MAX_FOUND: usize = 16;
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
    // A status is evidence of its own kind: the status rules explain it (unless the text
    // names so many statuses that it is a list of them).
    if let Some(st) = e.status.filter(|st| e.code == st.to_string()) {
        if !ev.statuses_listed {
            ev.set_status(st, how);
        }
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

/// A label alone on its line is at most this long.
const MAX_LABEL_LINE: usize = 64;

/// Where the number at `start..end` stands alone on its line and the last line above with
/// anything on it is a code's label alone (`Error`, `Error code:`): the text up to that label.
fn label_line_above(text: &str, start: usize, end: usize) -> Option<&str> {
    // (Only blanks may stand between the number and its line's ends: each look is as long as
    // they are, never the line's or the text's length.)
    let blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\r');
    let bytes = text.as_bytes();
    let lead = bytes[..start].iter().rev().take_while(|b| blank(b)).count();
    let line_start = start - lead;
    if line_start == 0 || bytes[line_start - 1] != b'\n' {
        return None;
    }
    let trail = bytes[end..].iter().take_while(|b| blank(b)).count();
    if bytes.get(end + trail).is_some_and(|b| *b != b'\n') {
        return None;
    }
    let above = text[..line_start - 1].trim_end();
    // (A label is short: the line above is looked at in its last bytes.)
    let from = above.len().saturating_sub(MAX_LABEL_LINE);
    let from = (from..above.len())
        .find(|&k| above.is_char_boundary(k))
        .unwrap_or(above.len());
    let label_start = above[from..].rfind('\n').map_or(from, |k| from + k + 1);
    let label = above[label_start..].trim().trim_end_matches([':', '#']);
    crate::lexicon::CODE_LABELS
        .iter()
        .any(|l| l.eq_ignore_ascii_case(label))
        .then_some(above)
}

/// Numbers with a label (`code 1020`, `Error: 9109:`, `Code1020`) or followed by their own
/// official message (`50013: Missing Permissions`).
fn numbers(reg: &Registry, text: &str, ev: &mut Evidence, found: &mut usize) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut looked = 0;
    // Whether the text speaks of a WebSocket's closing, looked at once where needed.
    let mut about_websocket: Option<bool> = None;
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
        let mut head = text[..start].trim_end_matches([' ', ':', '#', '=', '[', '(']);
        // (Or the line before, where the number stands alone on its own and the line before
        // is a label alone: a Cloudflare page as text, `Error` over `1020`.)
        if let Some(label) = label_line_above(text, start, next) {
            head = label;
        }
        // The word the number follows, whole: an errno's label (`WinError 10061`, `[Errno
        // 111]`) makes it an OS error, which is the errno grammar's.
        let word = head
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let errno_label = crate::lexicon::ERRNO_LABELS.iter().any(|l| {
            let fused = l.len() == word.len() + usize::from(l.contains(' '))
                && l.bytes()
                    .filter(|b| *b != b' ')
                    .zip(word.bytes())
                    .all(|(a, b)| a.eq_ignore_ascii_case(&b));
            fused || ends_with_ignore_case(head, l)
        });
        // A number before `: ` and its own errno's message (`ERROR (101: Network is
        // unreachable)`, as nginx logs it) is the errno grammar's too, whatever labels it.
        let errno_worded = || {
            let rest = text[next..].strip_prefix(": ").unwrap_or("");
            num.parse::<i64>()
                .is_ok_and(|n| !worded_errnos(reg, &errno_entries(reg, n), rest).is_empty())
        };
        // (Python's OSError and its kin take the errno first: `ConnectionResetError(10054,
        // '…')`, `ConnectionRefusedError(111, 'Connection refused')`.)
        let os_error_args = text[..start].ends_with("Error(")
            && text[next..].starts_with(", ")
            && text[next + 2..].starts_with(['\'', '"']);
        if errno_label || os_error_args || errno_worded() {
            continue;
        }
        let labelled = crate::lexicon::CODE_LABELS.iter().any(|l| {
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
        // A WebSocket closed with an application's close code (RFC 6455 gives them
        // 4000-4999): `WebSocket closed with 4009`.
        let closed = crate::lexicon::CLOSE_LABELS
            .iter()
            .any(|l| ends_with_ignore_case(head, l))
            && num.len() == 4
            && num.starts_with('4');
        let labelled = labelled || closed;
        // (A WebSocket's close code of RFC 6455 is no catalog's, in a text about a WebSocket:
        // `disconnected from WebSocket (Code 1006)`, Node's `{ code: 1006 }` after it.)
        if crate::input::close_code(num)
            && *about_websocket.get_or_insert_with(|| crate::input::about_websocket(text))
        {
            continue;
        }
        // A process's exit status (`exit code: 101`, cargo's) is a tool's, not a catalog's
        // code, unless the text names the catalog it is one of (a tool's own exit codes).
        let exited = crate::lexicon::EXIT_LABELS
            .iter()
            .any(|l| ends_with_ignore_case(head, l));
        // What follows: `: Missing Permissions`, `] Unknown Message`.
        // (Or in brackets after it: `status code 10011 (Unknown Role)`.)
        let rest = text[next..].trim_start_matches([':', ']', ')', '(', ' ']);
        // Neither a label nor words after it: no entry is looked up.
        // (Or a number in brackets after its message: `non-text channel (50008)`.)
        let bracketed = text[..start].ends_with(['(', '[']);
        if !labelled && !bracketed && !rest.starts_with(|c: char| c.is_alphabetic()) {
            continue;
        }
        looked += 1;
        let mut entries = reg.lookup(num);
        if exited {
            entries.retain(|(e, _)| ev.hints.iter().any(|h| h.catalog == e.catalog));
        }
        let by_message = entries.iter().map(|(e, _)| *e).find(|e| {
            let mut words = [e.message.unwrap_or(""), e.name]
                .into_iter()
                .chain(e.aliases.iter().copied());
            words.any(|m| {
                let m = m.trim_end_matches('.');
                let after = starts_with_ignore_case(rest, m);
                let before = bracketed && ends_with_ignore_case(head, m);
                m.len() >= 6 && (after || before)
            })
        });
        let hit = by_message.or_else(|| {
            labelled
                .then(|| {
                    entries
                        .iter()
                        .map(|(e, _)| *e)
                        // A catalog the text points to (`Nostrum`, a Discord URL) first.
                        .min_by_key(|e| {
                            let hinted = ev.hints.iter().any(|h| h.catalog == e.catalog);
                            (!hinted, reg.rank(e.catalog))
                        })
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

/// Adds the numbers a catalog knows in `text` to the evidence, as weak errors.
pub fn scan(reg: &Registry, text: &str, ev: &mut Evidence) {
    let mut found = 0;
    numbers(reg, text, ev, &mut found);
}

/// An errno number in the text, with the OS errors it may be.
#[derive(Debug, Clone)]
pub struct ErrnoClue {
    pub entries: Vec<&'static Entry>,
    pub start: usize,
    pub end: usize,
    /// The number is followed by its own message (`111: Connection refused`).
    pub worded: bool,
    pub number: i64,
}

/// At most this many errno numbers are read from one text.
const MAX_ERRNOS: usize = 32;

/// The OS errors a number may be: a Windows socket error (10000 and up) by its number, else
/// an errno (its absolute value: Node prints `-111`).
pub(super) fn errno_entries(reg: &Registry, n: i64) -> Vec<&'static Entry> {
    let n = n.abs();
    if n >= 10_000 {
        return windows_entries(reg, n);
    }
    i32::try_from(n)
        .map(|n| reg.by_errno(n))
        .unwrap_or_default()
}

/// The errno labels that say the number is Windows' own (`WinError 121`,
/// `SocketException (10061)`), whatever POSIX numbers the same.
const WINDOWS_LABELS: [&str; 4] = ["winerror", "socketexception", "wsaerror", "socket error"];

/// The OS entries a Windows error number names: the sockets' aliases (10061), and the
/// system errors the catalog has (121).
fn windows_entries(reg: &Registry, n: i64) -> Vec<&'static Entry> {
    reg.lookup(&n.to_string())
        .into_iter()
        .map(|(e, _)| e)
        .filter(|e| e.catalog == "os")
        .collect()
}

/// Of the OS errors a number may be, those whose message, or a phrasing a system prints for
/// it (`Operation timed out` is musl's and macOS's wording of ETIMEDOUT), starts `rest`, the
/// text right after the number and its `: `.
pub(super) fn worded_errnos(
    reg: &Registry,
    entries: &[&'static Entry],
    rest: &str,
) -> Vec<&'static Entry> {
    if rest.is_empty() || entries.is_empty() {
        return Vec::new();
    }
    let said: Vec<&'static Entry> = reg
        .phrases(crate::sanitize::cut(rest, 120))
        .into_iter()
        .filter(|h| h.start == 0)
        .map(|h| h.phrase.entry)
        .collect();
    entries
        .iter()
        .copied()
        .filter(|e| {
            said.iter().any(|s| std::ptr::eq(*s, *e))
                || [e.message.unwrap_or(""), e.name]
                    .iter()
                    .any(|m| m.len() >= 6 && starts_with_ignore_case(rest, m))
        })
        .collect()
}

/// Errno numbers as runtimes print them: after a label (`[Errno 111]`, `errno = -111`,
/// `(os error 111)`, `WinError 10061`, `SocketException (10061)`), or before their own
/// message (`(111: Connection refused)`, as nginx logs them).
pub fn errnos(reg: &Registry, text: &str) -> Vec<ErrnoClue> {
    let mut out: Vec<ErrnoClue> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && out.len() < MAX_ERRNOS {
        if !bytes[i].is_ascii_digit() {
            // (What comes before the next digit is passed over at once.)
            i += bytes[i..]
                .iter()
                .position(u8::is_ascii_digit)
                .unwrap_or(bytes.len() - i);
            continue;
        }
        if i > 0 && bytes[i - 1].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let d = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        let (start, end) = (i, i + d);
        i = end;
        if d > 5 || bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        let Ok(mut n) = text[start..end].parse::<i64>() else {
            continue;
        };
        let mut head = text[..start].trim_end_matches([' ', '=', ':', '[', '(', '#']);
        if let Some(h) = head.strip_suffix('-') {
            n = -n;
            head = h.trim_end_matches([' ', '=', ':', '[', '(', '#']);
        }
        let gap = start - head.len();
        let label = crate::lexicon::ERRNO_LABELS
            .iter()
            .find(|l| {
                ends_with_ignore_case(head, l)
                    && !head[..head.len() - l.len()].ends_with(|c: char| c.is_ascii_alphabetic())
            })
            .filter(|_| gap <= 4);
        let labelled = label.is_some();
        // `111: Connection refused`: the number before the message its entry gives.
        let rest = text[end..].strip_prefix(": ").unwrap_or("");
        if !labelled && !rest.starts_with(|c: char| c.is_alphabetic()) {
            continue;
        }
        // (A Windows label's number is Windows', a system error's below the sockets' range:
        // `[WinError 121]` is the semaphore's timeout, not POSIX's 121.)
        let entries = if label.is_some_and(|l| WINDOWS_LABELS.contains(l)) && n.abs() < 10_000 {
            windows_entries(reg, n.abs())
        } else {
            errno_entries(reg, n)
        };
        let worded = worded_errnos(reg, &entries, rest);
        if !worded.is_empty() {
            out.push(ErrnoClue {
                entries: worded,
                start,
                end,
                worded: true,
                number: n,
            });
        } else if labelled && !entries.is_empty() {
            out.push(ErrnoClue {
                entries,
                start,
                end,
                worded: false,
                number: n,
            });
        }
    }
    out
}
