//! What says an operation worked: a line that reports success and says nothing failed
//! (`attempt 3/5 succeeded: 200 OK`, `BUILD SUCCESSFUL in 41s`, `Apply complete!`), and a
//! counter of failures at zero (`Errors: 0`, `0 failed`, `Failed requests: 0`,
//! `http_req_failed...: 0.00%`). The words are data (`data/phrases/words.toml`); this is
//! their grammar. A log is judged by its final outcome, so what matters is where the last of
//! these stands.

use super::Evidence;
use crate::lexicon::{
    ECHOED_STATUS, EXIT_LABELS, FAILED_TALLIES, FAILED_VERDICTS, FAILURE_LEVELS, FAILURE_LISTS,
    PASSED, PASSED_TALLIES, QUIET_LEVELS, RETRIES_EXHAUSTED, STATUS_AFTER, STATUS_AT_END, SUCCESS,
    SUCCESS_MARKS, TALLIES, WRITE_OUT_STATUS,
};

/// A log whose every line has a level that reports no failure says nothing failed when it
/// has at least this many lines (one such line is no log).
const QUIET_LOG: usize = 2;
/// How far into a line its level is looked for (after a timestamp and a source).
pub(crate) const LEVEL_WITHIN: usize = 80;

/// Lines longer than this are not read for success (a minified body says nothing here).
const MAX_LINE: usize = 4096;

/// A word list, each entry as its tokens, and whether it may end as a prefix (`fail` in
/// `failed`; never an entry written with a space after it, `not `); sorted by the first byte
/// of the first token, with where each first byte's entries lie, so that a token is held
/// against only the entries that can begin with it (a long line has hundreds of tokens). The
/// build writes the tables (`*_TOKENS`), so nothing is built at start-up.
struct List {
    table: &'static crate::lexicon::TokenList,
    /// Whether an entry's last token may be a prefix of the text's.
    prefix: bool,
}

impl List {
    const fn of(table: &'static crate::lexicon::TokenList, prefix: bool) -> List {
        List { table, prefix }
    }

    /// The longest entry of the list that occurs in `tokens` from `i`: how many tokens it
    /// has.
    fn at(&self, tokens: &[&str], i: usize) -> Option<usize> {
        let t = self.table;
        let b = tokens.get(i)?.as_bytes().first()?;
        let (from, to) = t.by_first[usize::from(*b)];
        t.entries[usize::from(from)..usize::from(to)]
            .iter()
            .filter_map(|&(first, n, space)| {
                let prefix = self.prefix && !space;
                let (first, n) = (usize::from(first), usize::from(n));
                let fits = tokens.len() >= i + n
                    && (0..n).all(|k| {
                        let (text, w) = (tokens[i + k].as_bytes(), t.token(first + k));
                        text == w || prefix && k == n - 1 && text.starts_with(w)
                    });
                fits.then_some(n)
            })
            .max()
    }

    fn any(&self, tokens: &[&str]) -> bool {
        (0..tokens.len()).any(|i| self.at(tokens, i).is_some())
    }
}

/// The lists of data/phrases/words.toml as the scan reads them.
struct Lists {
    /// The words of success that say how it went, not only that it ended.
    success: List,
    ended: List,
    failure: List,
    counts: List,
    retried: List,
    again: List,
    summaries: List,
    keys: List,
    healthy: List,
    /// The values of a table's status column that say its thing is up, besides `healthy`.
    states: List,
    unhealthy: List,
    exits: List,
    exhausted: List,
    announced: List,
    outcomes: List,
}

fn lists() -> &'static Lists {
    use crate::lexicon::tokenised as t;
    static LISTS: Lists = Lists {
        success: List::of(&t::SUCCESS_NOT_ENDED_TOKENS, false),
        ended: List::of(&t::ENDED_TOKENS, false),
        failure: List::of(&t::FAILURE_TOKENS, true),
        counts: List::of(&t::FAILURE_COUNTS_TOKENS, false),
        retried: List::of(&t::RETRIED_TOKENS, false),
        again: List::of(&t::TRIED_AGAIN_TOKENS, false),
        summaries: List::of(&t::SUMMARIES_TOKENS, false),
        keys: List::of(&t::STATUS_KEYS_TOKENS, false),
        healthy: List::of(&t::HEALTHY_TOKENS, false),
        states: List::of(&t::HEALTHY_STATES_TOKENS, false),
        unhealthy: List::of(&t::UNHEALTHY_TOKENS, false),
        exits: List::of(&t::EXIT_LABELS_TOKENS, false),
        exhausted: List::of(&t::RETRIES_EXHAUSTED_TOKENS, false),
        announced: List::of(&t::ANNOUNCED_ATTEMPTS_TOKENS, false),
        outcomes: List::of(&t::FAILURE_OUTCOMES_TOKENS, false),
    };
    &LISTS
}

/// Where a line's message begins: after a leading level of failure (`ERROR : Attempt 2/3
/// succeeded`, rclone's; `fail:`), which is how the log was written, not what it says. The
/// level is the first word of letters, within [`LEVEL_WITHIN`].
fn message_start(lower: &str, spans: &[(usize, usize)], tokens: &[&str]) -> usize {
    let first = tokens
        .iter()
        .position(|t| t.bytes().any(|b| b.is_ascii_alphabetic()));
    match first {
        Some(i) if spans[i].0 < LEVEL_WITHIN && FAILURE_LEVELS.contains(&tokens[i]) => i + 1,
        // Or a level in brackets after a syslog prefix (`Oct 02 18:44:33 lb-1 haproxy[1184]:
        // [WARNING]  (1184) : Server be_api/api2 is UP`).
        _ => tokens
            .iter()
            .zip(spans)
            .position(|(t, &(a, b))| {
                a < LEVEL_WITHIN
                    && FAILURE_LEVELS.contains(t)
                    && lower[..a].ends_with('[')
                    && lower[b..].starts_with(']')
            })
            .map_or(0, |i| i + 1),
    }
}

/// What an outcome field on the line says (`"status": "operational"`, `state=degraded`,
/// `TcpTestSucceeded : True`): `Some(true)` passed or healthy, `Some(false)` failed or
/// degraded. Between the name and its value a colon or an equals sign, and only quotes and
/// spaces besides (`status codes: ...` is no field).
fn field_outcome(
    lower: &str,
    spans: &[(usize, usize)],
    tokens: &[&str],
    l: &Lists,
) -> Option<bool> {
    let mut said = None;
    for i in 0..tokens.len() {
        let named = l.keys.at(tokens, i).map(|n| (n, false)).or_else(|| {
            // A flag named for success: `TcpTestSucceeded`, `is_success`, `probe_success`.
            let t = tokens[i];
            let snake = lower[..spans[i].0].ends_with('_');
            SUCCESS
                .iter()
                .any(|w| {
                    !w.contains(' ') && (t.len() > w.len() && t.ends_with(w) || snake && t == *w)
                })
                .then_some((1, true))
        });
        let Some((n, flag)) = named else {
            continue;
        };
        let v = i + n;
        let between = tokens
            .get(v)
            .map_or("", |_| &lower[spans[v - 1].1..spans[v].0]);
        let field = between.contains([':', '='])
            && between
                .chars()
                .all(|c| matches!(c, ' ' | '\t' | ':' | '=' | '"' | '\''));
        // (A metric in Prometheus's exposition, a line of its name and its value:
        // `probe_success 1`.)
        // https://prometheus.io/docs/instrumenting/exposition_formats/
        let metric = flag
            && v + 1 == tokens.len()
            && !between.is_empty()
            && between.bytes().all(|b| b == b' ')
            && !lower[..spans[i].0].contains(char::is_whitespace);
        let field = field || metric;
        if !field || super::record::in_value(lower.as_bytes(), spans[i].0) {
            continue;
        }
        let outcome = if flag {
            // (A metric at 1 is a gauge that says it passed; at 0 it may as well be a
            // counter of successes that has none yet, Envoy's `upstream_rq_retry_success`.)
            match tokens[v] {
                "true" => Some(true),
                "false" => Some(false),
                "1" if metric => Some(true),
                _ => None,
            }
        } else if let Some(st) = http_status(tokens[v]).filter(|_| tokens[i] == "status") {
            // A response's status as a log's field (`status=200`, `'status': 503`).
            Some(st < 400)
        } else if l.unhealthy.at(tokens, v).is_some() || l.failure.at(tokens, v).is_some() {
            Some(false)
        } else if l.healthy.at(tokens, v).is_some() {
            Some(true)
        } else {
            None
        };
        // One field that failed outweighs any that passed.
        said = match (said, outcome) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (s, o) => o.or(s),
        };
    }
    said
}

/// A token that is an HTTP status of a response that came back (200 to 599).
fn http_status(t: &str) -> Option<u16> {
    (t.len() == 3 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
        .filter(|st| (200..=599).contains(st))
}

/// What a line says of a response's status or a process's exit, as `Some(true)` worked or
/// `Some(false)` failed: the status that ends a client's line of a response (`Received HTTP
/// response headers after 87ms - 200`), a row of a status distribution (`[200] 2000
/// responses`), a status or exit status printed alone after the line that asked for it
/// (`resp.status` then `200`; `echo $?` then `0`), or an exit status labelled (`exit code 0`).
fn status_outcome(
    lower: &str,
    prev: &str,
    asked_write_out: bool,
    ev: &mut Evidence,
) -> Option<bool> {
    let trimmed = lower.trim();
    let number = |s: &str| -> Option<u16> {
        (!s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let of_status = |st: u16| match st {
        200..=399 => Some(true),
        400..=599 => Some(false),
        _ => None,
    };
    // A status that ends a client's line of a response.
    if STATUS_AT_END
        .iter()
        .any(|p| memchr::memmem::find(lower.as_bytes(), p.as_bytes()).is_some())
    {
        let last = trimmed.rsplit([' ', '-']).next().unwrap_or("");
        if let Some(st) = number(last).filter(|st| (100..=599).contains(st)) {
            if st >= 400 {
                ev.set_status(st, "client library message");
            }
            return of_status(st);
        }
    }
    // A status right after a client's mark of a response (`<-- 200 https://x (220ms)`).
    for mark in STATUS_AFTER {
        let after = memchr::memmem::find(lower.as_bytes(), mark.as_bytes())
            .map(|i| &lower[i + mark.len()..]);
        // (The status may be closed by the mark's bracket: requests' `<Response [200]>`.)
        let first = after
            .and_then(|a| a.split_whitespace().next())
            .map_or("", |w| w.trim_end_matches([']', '>', ')', ',']));
        if let Some(st) = number(first).filter(|st| (100..=599).contains(st)) {
            if st >= 400 {
                ev.set_status(st, "client library message");
            }
            return of_status(st);
        }
    }
    // `[503]	12 responses`: a status, a count, what was counted.
    if let Some(rest) = trimmed.strip_prefix('[') {
        if let Some((st, rest)) = rest.split_once(']') {
            let mut words = rest.split_whitespace();
            let counted = words
                .next()
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
                && words
                    .next()
                    .is_some_and(|w| w.bytes().all(|b| b.is_ascii_alphabetic()))
                && words.next().is_none();
            if let Some(st) = number(st).filter(|st| *st >= 100 && counted) {
                if st >= 400 {
                    ev.set_status(st, "client library message");
                }
                return of_status(st);
            }
        }
    }
    // A record's field of a failed status (`"res":{"statusCode":404}`, `status=503`): the
    // line tells of a failure, whatever else it says (`request completed`).
    if failed_status_field(trimmed) {
        return Some(false);
    }
    // A value alone on its line, after the line that asked for it.
    if let Some(v) = number(trimmed) {
        let asked = prev.trim_end();
        if ECHOED_STATUS.iter().any(|l| asked.ends_with(l)) || asked_write_out {
            return of_status(v);
        }
    }
    None
}

/// What a line says of a process's exit: an exit status printed alone after the line that
/// asked for it (`echo $?` then `0`), as `Some(true)` for 0.
fn exit_outcome(trimmed: &str, prev: &str, asked_write_out: bool) -> Option<bool> {
    let asked = prev.trim_end();
    (!trimmed.is_empty()
        && !asked_write_out
        && !ECHOED_STATUS.iter().any(|l| asked.ends_with(l))
        && trimmed.len() <= 3
        && trimmed.bytes().all(|b| b.is_ascii_digit())
        && EXIT_LABELS
            .iter()
            .any(|l| asked.ends_with(&format!(" {l}"))))
    .then(|| trimmed.bytes().all(|b| b == b'0'))
}

/// Whether a line (lower case) has a quoted key or a logfmt key of a status (the record
/// reader's) whose value is a number of 400 to 599: `"statuscode":404`, `status=503`.
fn failed_status_field(lower: &str) -> bool {
    let b = lower.as_bytes();
    // (At most a few such keys are looked at: a line is bounded, and so is this.)
    memchr::memchr2_iter(b':', b'=', b).take(64).any(|at| {
        let key_end = if at > 0 && b[at - 1] == b'"' {
            at - 1
        } else {
            at
        };
        let key_start = b[..key_end]
            .iter()
            .rposition(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.')))
            .map_or(0, |k| k + 1);
        let quoted = key_end < at;
        if quoted && (key_start == 0 || b[key_start - 1] != b'"') {
            return false;
        }
        if super::record::in_value(b, key_start) {
            return false;
        }
        let value = lower[at + 1..].trim_start();
        let digits = value.bytes().take_while(u8::is_ascii_digit).count();
        super::record::status_key_at(b, key_start) == Some(key_end)
            && digits == 3
            && !value[3..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.')
            && value[..3]
                .parse::<u16>()
                .is_ok_and(|st| (400..=599).contains(&st))
    })
}

/// Whether the line (lower case, its token spans) holds a counter of failures at zero: the
/// counter's name, then a zero after at most a run of separators (`errors: 0`, `failed=0`,
/// `Failed requests:   0`, `http_req_failed....: 0.00%`), or a zero right before it
/// (`0 failed`, `0 errors`).
fn zero_counter(lower: &str, spans: &[(usize, usize)], tokens: &[&str], counts: &List) -> bool {
    (0..tokens.len()).any(|i| {
        let Some(n) = counts.at(tokens, i) else {
            return false;
        };
        let zero = |k: usize| tokens.get(k).is_some_and(|t| *t == "0");
        // Between a counter and its number only spaces, a colon, an equals sign or a run of
        // dots (`$Error[0]` is an index, not a count).
        // (Or the quotes of a key, before its colon: `'errors': 0`, `"failed": 0`, but not
        // a string's, `"errors": "0 of them"`.)
        let apart = |a: usize, b: usize| {
            let between = &lower[spans[a].1..spans[b].0];
            let value = between.rfind([':', '=']).map_or(between, |k| &between[k..]);
            between
                .chars()
                .all(|c| matches!(c, ' ' | '\t' | ':' | '=' | '.' | '-' | '"' | '\''))
                && !value.contains(['"', '\''])
        };
        // `0 failed`: the number right before, spaces between (and no digits or point before
        // it). (A number and a colon label what follows: anyhow's chain of causes, `0: error
        // sending request`.)
        let before = i > 0
            && zero(i - 1)
            && lower[spans[i - 1].1..spans[i].0]
                .bytes()
                .all(|b| b == b' ' || b == b'\t')
            && !lower[..spans[i - 1].0]
                .trim_end_matches(' ')
                .ends_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | '='));
        // `failed: 0`, `0.00%` after, but not `0.5`.
        let after = zero(i + n) && apart(i + n - 1, i + n) && {
            let rest = &lower[spans[i + n].1..];
            !rest.starts_with(|c: char| c.is_ascii_digit())
                && rest.strip_prefix('.').is_none_or(|r| {
                    r.trim_start_matches('0').starts_with(['%', ' ']) || r.is_empty()
                })
        };
        before || after
    })
}

/// The tokens of a line with those inside a web address (`http://` or `https://` to the
/// next space or quote) left empty. One pass: addresses are found in order, each after the
/// last one's end.
fn outside_addresses<'a>(
    lower: &str,
    spans: &[(usize, usize)],
    tokens: &[&'a str],
) -> Vec<&'a str> {
    let mut addresses: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    while let Some(k) = memchr::memmem::find(&lower.as_bytes()[from..], b"http") {
        let a = from + k;
        let rest = &lower[a..];
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let len = rest
                .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>'))
                .unwrap_or(rest.len());
            addresses.push((a, a + len));
            from = a + len.max(1);
        } else {
            from = a + 4;
        }
    }
    let mut next = addresses.iter().peekable();
    tokens
        .iter()
        .zip(spans)
        .map(|(t, &(a, _))| {
            while next.peek().is_some_and(|&&(_, e)| e <= a) {
                next.next();
            }
            if next.peek().is_some_and(|&&(s, _)| s <= a) {
                ""
            } else {
                t
            }
        })
        .collect()
}

/// Whether the line holds a counter of failures at a count above zero, right after it
/// (`Non-2xx or 3xx responses: 40`, `errors=3`).
/// Whether a line (trimmed, lower case) opens as a test runner's verdict does: one of
/// `words` alone, or before a space and a file's path (jest's `PASS src/x.test.ts`; a word
/// alone is followed by a path, not by prose: `pass the token`), or a word with a colon
/// before anything (`--- pass: TestX`).
fn opens_verdict(trimmed: &str, words: &[&str]) -> bool {
    words.iter().any(|p| {
        trimmed.strip_prefix(p).is_some_and(|rest| {
            let next = rest.split_whitespace().next().unwrap_or("");
            rest.is_empty()
                || rest.starts_with([' ', '\t']) && (p.contains(':') || next.contains(['/', '.']))
        })
    })
}

/// Whether a token of `words` follows a number that is not zero, as a summary tallies
/// (`== 6 passed in 1.87s`, `Tests: 1 failed, 57 passed`): the number opens the line or
/// follows a label's `:`, a `,` or a rule of `=`, not a word, a bracket or a time
/// (`Attempt 1 failed`, `curl: (7) Failed`, `02:03:41 ERROR` are no tallies), and the word is
/// no key (`skipped=1 failed=0`).
fn tallied(lower: &str, spans: &[(usize, usize)], tokens: &[&str], words: &[&str]) -> bool {
    (0..tokens.len().saturating_sub(1)).any(|i| {
        let before = lower[..spans[i].0].trim_end();
        words.contains(&tokens[i + 1])
            && tokens[i].bytes().all(|b| b.is_ascii_digit())
            && tokens[i].bytes().any(|b| b != b'0')
            && lower[spans[i].1..spans[i + 1].0].bytes().all(|b| b == b' ')
            && !lower[spans[i + 1].1..].starts_with(['=', ':'])
            && (before.is_empty()
                || before.ends_with(',')
                || before.ends_with("==")
                || before
                    .strip_suffix(':')
                    .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_alphabetic())))
    })
}

fn counted_failures(lower: &str, spans: &[(usize, usize)], tokens: &[&str], counts: &List) -> bool {
    (0..tokens.len()).any(|i| {
        counts.at(tokens, i).is_some_and(|n| {
            tokens.get(i + n).is_some_and(|t| {
                t.bytes().all(|b| b.is_ascii_digit())
                    && t.bytes().any(|b| b != b'0')
                    && lower[spans[i + n - 1].1..spans[i + n].0]
                        .chars()
                        .all(|c| matches!(c, ' ' | '\t' | ':' | '=' | '-'))
            })
        })
    })
}

/// Records the lines of `text` that say an operation worked, and whether any line speaks of
/// trying again (`will retry`, `Attempt 1 failed`, `resuming`).
/// Whether a line (lower case, its tokens' spans) has a level that reports no failure, within
/// [`LEVEL_WITHIN`], and no word of failure (`failed`, asked only where the level is quiet).
fn quiet_line(lower: &str, spans: &[(usize, usize)], failed: impl FnOnce() -> bool) -> bool {
    spans
        .iter()
        .take_while(|(a, _)| *a < LEVEL_WITHIN)
        .any(|&(a, b)| QUIET_LEVELS.contains(&&lower[a..b]))
        && !failed()
}

/// Whether a line announces another attempt (`Retrying in 2 seconds`, `Will retry in 1
/// second`): a word of the list, not as a part of a name, an option or a field's key
/// (`retry_after`, `--retry`, `Retry After : 5s`).
fn announces_attempt(lower: &str, spans: &[(usize, usize)], tokens: &[&str], list: &List) -> bool {
    let b = lower.as_bytes();
    (0..tokens.len()).any(|i| {
        list.at(tokens, i).is_some_and(|k| {
            let (start, end) = (spans[i].0, spans[i + k - 1].1);
            let before = start.checked_sub(1).map(|p| b[p]);
            let after = b.get(end).copied();
            let joined = |c: Option<u8>| matches!(c, Some(b'_' | b'-'));
            let key = lower[end..]
                .trim_start_matches([' ', '"', '\''])
                .starts_with([':', '=']);
            // (Nor said of one not made: botocore's `Not retrying request.`)
            let denied = i
                .checked_sub(1)
                .is_some_and(|p| matches!(tokens[p], "not" | "no" | "without" | "never"));
            !joined(before) && !joined(after) && !key && !denied && !later(&lower[end..])
        })
    })
}

/// Whether what follows a word of another attempt puts it a minute or more away (`will
/// retry in 4h`, `retrying in 10 minutes`): output after it is not that attempt's.
fn later(rest: &str) -> bool {
    let rest = rest.trim_start();
    // (The word may have ended with its `in`: `retry in`.)
    let rest = rest
        .strip_prefix("in ")
        .or_else(|| rest.strip_prefix("after "))
        .unwrap_or(rest)
        .trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let Ok(n) = rest[..digits].parse::<u64>() else {
        return false;
    };
    let unit = rest[digits..].trim_start_matches([' ', '.']);
    let unit = &unit[..unit
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(unit.len())];
    match unit {
        "h" | "hr" | "hrs" | "hour" | "hours" | "d" | "day" | "days" => true,
        "m" | "min" | "mins" | "minute" | "minutes" => true,
        "s" | "sec" | "secs" | "second" | "seconds" => n >= 60,
        _ => false,
    }
}

/// Whether a line is a record at a level that reports no failure (`INFO`, `level=debug`)
/// and has no word of failure: no start of a report that failed.
pub(crate) fn quiet_record(line: &str) -> bool {
    let lower = line.to_lowercase();
    let spans: Vec<(usize, usize)> = crate::lexicon::tokens::token_spans(&lower).collect();
    let tokens: Vec<&str> = spans.iter().map(|&(a, b)| &lower[a..b]).collect();
    quiet_line(&lower, &spans, || lists().failure.any(&tokens))
}

/// Whether a line is a record at a quiet level that says its operation is tried again
/// (dockerd's `level=info msg="Download failed, retrying (1/5): … connection reset by
/// peer"`): the logger's own word that what failed was an attempt, not the outcome.
pub(crate) fn attempt_line(line: &str) -> bool {
    let lower = line.to_lowercase();
    let spans: Vec<(usize, usize)> = crate::lexicon::tokens::token_spans(&lower).collect();
    let tokens: Vec<&str> = spans.iter().map(|&(a, b)| &lower[a..b]).collect();
    // (The level first, or as a record's field anywhere: `level=info`, `"level":"debug"`.)
    let field = spans.windows(2).any(|w| {
        let (key, value) = (&lower[w[0].0..w[0].1], &lower[w[1].0..w[1].1]);
        crate::lexicon::LEVEL_KEYS.contains(&key)
            && QUIET_LEVELS.contains(&value)
            && lower[w[0].1..w[1].0].trim_matches(['"', '\'', ' ']).len() == 1
    });
    // (Or the first word of a level on the line is a quiet one: not `ERROR … topic=info`.)
    let first_level = spans
        .iter()
        .take_while(|(a, _)| *a < LEVEL_WITHIN)
        .map(|&(a, b)| &lower[a..b])
        .find(|w| QUIET_LEVELS.contains(w) || crate::lexicon::REPORT_LEVELS.contains(w));
    (first_level.is_some_and(|w| QUIET_LEVELS.contains(&w)) || field)
        && (0..tokens.len()).any(|i| lists().again.at(&tokens, i).is_some())
}

/// The last line of a log whose every line of content has a quiet level and says nothing
/// failed (at least [`QUIET_LOG`] of them): what [`scan`] finds of such a log, found alone
/// and in one pass (for a long text the prefilter found nothing in).
pub fn quiet_log(text: &str) -> Option<usize> {
    let failure = &lists().failure;
    let (mut content, mut last) = (0usize, 0usize);
    // (One line's lower case and tokens at a time, in buffers kept from line to line.)
    let mut lower = String::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.len() > MAX_LINE {
            continue;
        }
        lower.clear();
        if line.is_ascii() {
            lower.push_str(line);
            lower.make_ascii_lowercase();
        } else {
            lower.push_str(&line.to_lowercase());
        }
        spans.clear();
        spans.extend(crate::lexicon::tokens::token_spans(&lower));
        let failed = || {
            let tokens: Vec<&str> = spans.iter().map(|&(a, b)| &lower[a..b]).collect();
            failure.any(&tokens)
        };
        if !quiet_line(&lower, &spans, failed) {
            return None;
        }
        content += 1;
        last = n;
    }
    (content >= QUIET_LOG).then_some(last)
}

/// Whether a line opens with an exception's class before a colon (`discord.errors.
/// LoginFailure: …`, `HTTPException: …`): its name ends in a word of data/phrases/words.toml's
/// `exception_suffixes`, as a hump of its own.
fn names_exception(line: &str) -> bool {
    let Some((head, _)) = line.trim_start().split_once(": ") else {
        return false;
    };
    let name = head.rsplit('.').next().unwrap_or(head);
    !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && crate::lexicon::EXCEPTION_SUFFIXES.iter().any(|suffix| {
            let at = name.len().saturating_sub(suffix.len());
            at > 0
                && name.is_char_boundary(at)
                && name[at..].eq_ignore_ascii_case(suffix)
                && name.as_bytes()[at].is_ascii_uppercase()
        })
}

/// Whether a line is a counter of failures whose kinds are tallied at zero after it
/// (wrk's `errors: connect=0 read=0 write=0 status=0 timeout=0`, from its report scripts).
fn zero_tallies(lower: &str) -> bool {
    let Some((name, rest)) = lower.split_once(':') else {
        return false;
    };
    let mut pairs = rest.split_whitespace().peekable();
    crate::lexicon::FAILURE_COUNTS.contains(&name.trim())
        && pairs.peek().is_some()
        && pairs.all(|p| {
            p.split_once('=').is_some_and(|(k, v)| {
                !k.is_empty()
                    && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                    && v == "0"
            })
        })
}

/// A Python traceback's frame: `  File "a.py", line 12, in f` (its next line is the source).
fn python_frame(line: &str) -> bool {
    line.trim_start()
        .strip_prefix("File \"")
        .is_some_and(|rest| rest.contains("\", line "))
}

/// A frame of a stack trace as the JVM, .NET and Node print it: `at x.Y.z(Y.java:12)`,
/// `at Object.<anonymous> (/app/a.js:3:9)`, or Python's marks under a call (`^^^^`).
fn call_frame(line: &str) -> bool {
    let t = line.trim();
    t.strip_prefix("at ")
        .is_some_and(|rest| !rest.contains(' ') || t.ends_with(')'))
        || t.bytes().all(|b| matches!(b, b'^' | b'~'))
}

/// Whether `rest`, what follows a word, makes it a key whose value is false, zero or null:
/// quoted (`":false`, `": 0,`) or a `key=value` pair (Ansible's recap `rescued=0`).
fn unset_field(rest: &str) -> bool {
    let Some(value) = rest
        .strip_prefix('"')
        .and_then(|r| r.trim_start().strip_prefix(':'))
        .or_else(|| rest.strip_prefix('='))
    else {
        return false;
    };
    let value = value.trim_start();
    ["false", "0", "null"].iter().any(|v| {
        value.strip_prefix(v).is_some_and(|after| {
            !after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.')
        })
    })
}

/// A column of a table of statuses, as a header names it: kubectl's `NAME  READY  STATUS
/// RESTARTS  AGE`, docker's `CONTAINER ID  IMAGE ...  STATUS  PORTS`, helm's `NAME
/// NAMESPACE  REVISION ... STATUS  CHART`. Where it starts, and where the column of how many
/// of a thing's parts are ready starts (`1/1`), if the table has one.
#[derive(Clone, Copy, Debug, PartialEq)]
struct StatusColumn {
    at: usize,
    ready: Option<usize>,
}

/// The gap between a table's columns, at least.
const COLUMN_GAP: &str = "  ";

/// The status column a line names as a table's header: a line of ASCII in capitals, of two
/// or more names apart by at least [`COLUMN_GAP`], one of them the name of an outcome field
/// (`STATUS`, `STATE`, `HEALTH`).
fn status_header(line: &str) -> Option<StatusColumn> {
    if !line.is_ascii() || line.bytes().any(|b| b.is_ascii_lowercase()) || line.len() > 512 {
        return None;
    }
    let (mut columns, mut at, mut ready) = (0usize, None, None);
    let mut rest = 0;
    while let Some(start) = line[rest..].find(|c: char| c != ' ').map(|k| rest + k) {
        let end = line[start..]
            .find(COLUMN_GAP)
            .map_or(line.len(), |k| start + k);
        let name = line[start..end].trim_end();
        if !name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b" _-/".contains(&b))
        {
            return None;
        }
        columns += 1;
        let lower = name.to_ascii_lowercase();
        if at.is_none() && crate::lexicon::STATUS_KEYS.contains(&lower.as_str()) {
            at = Some(start);
        } else if name == "READY" {
            ready = Some(start);
        }
        rest = end;
    }
    at.filter(|_| columns >= 2)
        .map(|at| StatusColumn { at, ready })
}

/// The cell of a table's row that starts where its header's column does (counted in
/// characters: a cell may hold docker's `…`), up to the next gap between columns; none where
/// the row's text does not start there.
fn cell(row: &str, at: usize) -> Option<&str> {
    let (i, c) = row.char_indices().nth(at)?;
    let starts = !c.is_whitespace() && (at == 0 || row[..i].ends_with(' '));
    // (A row's cells are apart by gaps, as its header's names are: prose is no row.)
    if !starts || at > 0 && !row[..i].contains(COLUMN_GAP) {
        return None;
    }
    let rest = &row[i..];
    Some(
        rest.find(COLUMN_GAP)
            .map_or(rest, |k| &rest[..k])
            .trim_end(),
    )
}

/// What a row of a table of statuses says of its thing: `Some(true)` healthy (`Running`,
/// `Up 3 minutes (healthy)`, `deployed`), `Some(false)` failed (`CrashLoopBackOff`, `Error`,
/// `Up 2 minutes (unhealthy)`), none where its status says neither (`Pending`) or its parts
/// are not all ready (`0/1  Running`). `None` as well where the row is not one of the table.
fn status_row(row: &str, col: StatusColumn, l: &Lists) -> Option<Option<bool>> {
    let value = cell(row, col.at)?.to_ascii_lowercase();
    let spans: Vec<(usize, usize)> = crate::lexicon::tokens::token_spans(&value).collect();
    let tokens: Vec<&str> = spans.iter().map(|&(a, b)| &value[a..b]).collect();
    if (0..tokens.len()).any(|i| l.unhealthy.at(&tokens, i).is_some()) || l.failure.any(&tokens) {
        return Some(Some(false));
    }
    // (A thing that ran to its end has no parts ready: a job's pod, `0/1  Completed`.)
    let ended = l.ended.at(&tokens, 0).is_some();
    let ready = ended
        || col.ready.and_then(|r| cell(row, r)).is_none_or(|r| {
            r.split_once('/')
                .is_none_or(|(a, b)| a.trim().parse::<u32>().ok() == b.trim().parse::<u32>().ok())
        });
    let up = l.healthy.at(&tokens, 0).is_some() || l.states.at(&tokens, 0).is_some();
    Some((up && ready).then_some(true))
}

pub fn scan(text: &str, ev: &mut Evidence) {
    let l = lists();
    // The status column of the table whose rows are being read, and whether a row of it
    // failed: the rows say how things are at one time, and a table with a failed row is not
    // well for another row that is.
    let mut table: Option<StatusColumn> = None;
    let mut table_failed = false;
    // Lines with a quiet level and no word of failure, of lines with content.
    let (mut quiet, mut content, mut last) = (0usize, 0usize, 0usize);
    // The last line of a tool's summary, and whether any line says something failed.
    let (mut summary, mut troubled) = (None, false);
    let mut prev = String::new();
    // A header of a list of failures with nothing under it yet (vegeta's `Error Set:`).
    let mut empty_list: Option<usize> = None;
    // Whether the line before was a traceback's frame, whose next line is its source.
    let mut frame = false;
    // How many lines more a command line that asked for curl's write-out of the status
    // stands above (two, one, none).
    let mut write_out = 0u8;
    for (n, line) in text.lines().enumerate() {
        if line.len() > MAX_LINE || line.trim().is_empty() {
            table = None;
            continue;
        }
        // A traceback's frames and the source lines it quotes are code, not what the
        // program said: `await self.start(token, reconnect=reconnect)` retries nothing,
        // `raise LoginFailure('Improper token has been passed.')` passed nothing.
        let source = std::mem::replace(&mut frame, python_frame(line));
        if source || frame || call_frame(line) {
            content += 1;
            last = n;
            continue;
        }
        content += 1;
        // A row of a table of statuses says how its thing is; the table ends at a line that
        // is not one of its rows.
        if let Some(col) = table {
            match status_row(line, col, l) {
                Some(outcome) => {
                    last = n;
                    match outcome {
                        Some(true) if !table_failed => ev.success_line(n),
                        Some(true) | None => {}
                        Some(false) => {
                            table_failed = true;
                            ev.failure_line(n);
                        }
                    }
                    continue;
                }
                None => table = None,
            }
        }
        if let Some(col) = status_header(line) {
            table = Some(col);
            table_failed = false;
            last = n;
            continue;
        }
        // (A comment, or a line a root shell's prompt opens, says nothing of how anything
        // went: Prometheus's `# HELP probe_success Displays whether or not the probe was a
        // success`.)
        if line.trim_start().starts_with("# ") {
            last = n;
            continue;
        }
        // (A line under the header is one of its failures; the next command's prompt ends
        // the list as it was, empty.)
        if super::text::shows_command(line) {
            if let Some(h) = empty_list.take() {
                ev.success_line(h);
            }
        }
        troubled |= empty_list.take().is_some();
        last = n;
        let lower = line.to_lowercase();
        let spans: Vec<(usize, usize)> = crate::lexicon::tokens::token_spans(&lower).collect();
        let tokens: Vec<&str> = spans.iter().map(|&(a, b)| &lower[a..b]).collect();
        // A counter of failures at zero says success whatever else the line says; words of
        // success count where no word of failure begins in the message.
        // (A word joined to others by `_` is part of a name, `run_until_complete`, and says
        // nothing of how anything went.)
        let words: Vec<&str> = spans
            .iter()
            .map(|&(a, b)| {
                let joined = lower[..a].ends_with('_') || lower[b..].starts_with('_');
                if joined {
                    ""
                } else {
                    &lower[a..b]
                }
            })
            .collect();
        // (A test runner's line of a test that passed, too.)
        let trimmed = lower.trim();
        // (A word alone is followed by a file's path, as jest's is, not by prose: `pass the
        // token`.)
        // (A summary's tally is a verdict too: tests passed, and none failed.)
        let failed_tally = tallied(&lower, &spans, &tokens, FAILED_TALLIES);
        let passed = opens_verdict(trimmed, PASSED)
            || tallied(&lower, &spans, &tokens, PASSED_TALLIES) && !failed_tally;
        if failed_tally || opens_verdict(trimmed, FAILED_VERDICTS) {
            ev.failed_verdict = true;
        }
        // (A mark that is not ASCII is in no line of ASCII alone.)
        let ascii = line.is_ascii();
        // (A tally of items that needed no work, Gradle's `4 actionable tasks: 1 executed,
        // 3 up-to-date`, is no verdict: it follows `BUILD FAILED` as it does `BUILD
        // SUCCESSFUL`.)
        let said_worked = (0..words.len()).any(|i| {
            l.success.at(&words, i).is_some()
                && !(i > 0
                    && !words[i - 1].is_empty()
                    && words[i - 1].bytes().all(|b| b.is_ascii_digit())
                    && TALLIES.iter().any(|t| lower[spans[i].0..].starts_with(t)))
        });
        let worked = passed
            || said_worked
            || SUCCESS_MARKS
                .iter()
                .any(|m| (m.is_ascii() || !ascii) && line.contains(m));
        // Words that say only that it ended: under a level of failure nothing, elsewhere a
        // success only where the text names no error (decided where the errors are known).
        // (After a `;` it is a shell's keyword, a loop's `; done`, on a command's line the
        // unescaping of its `\n` cut.)
        let ended = !worked
            && (0..words.len()).any(|i| {
                l.ended.at(&words, i).is_some() && !lower[..spans[i].0].trim_end().ends_with(';')
            });
        // (Words inside a web address name a page, not a failure: wrk's `Running 30s test @
        // https://x/api/v2/errors/catalog`.)
        let said = outside_addresses(&lower, &spans, &tokens);
        // (A test runner's line of a test that passed names the test: `--- PASS:
        // TestFetch_Timeout` says nothing failed.)
        let failed = !passed && (l.failure.any(&said) || names_exception(line));
        let failed_message = !passed
            && l.failure
                .any(&said[message_start(&lower, &spans, &tokens)..]);
        // (A zero beside a count of failures above it is one counter's of many: `4xx - 0,
        // 5xx - 12`.)
        let zero = (zero_counter(&lower, &spans, &tokens, &l.counts)
            || zero_counter(&lower, &spans, &tokens, &l.exits)
            || zero_tallies(trimmed))
            && !counted_failures(&lower, &spans, &tokens, &l.counts);
        let field = field_outcome(&lower, &spans, &tokens, l);
        let status = status_outcome(&lower, &prev, write_out > 0, ev);
        let exit = exit_outcome(trimmed, &prev, write_out > 0).filter(|_| status.is_none());
        let status = status.or(exit);
        let outcome = match (field, status) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (a, b) => a.or(b),
        };
        // Retries that ran out end the operation in failure.
        // (As written, spaces and all: `max_retries = 5` is a setting, not an outcome.)
        // (Unless the line says the operation is tried again: Celery's `retry: Retry in 30s:
        // ConnectionError(MaxRetryError(... Max retries exceeded ...))` ran out of a client's
        // retries, not of the task's.)
        let exhausted_at =
            (0..tokens.len()).find_map(|i| l.exhausted.at(&tokens, i).map(|k| (i, k)));
        if let Some((at, k)) =
            exhausted_at.filter(|_| RETRIES_EXHAUSTED.iter().any(|w| lower.contains(w)))
        {
            let again = (0..tokens.len())
                .filter(|&i| i < at || i >= at + k)
                .any(|i| l.again.at(&tokens, i).is_some());
            if !again {
                ev.retries_exhausted = true;
            }
            ev.failure_line(n);
        }
        if outcome == Some(false) {
            ev.failure_line(n);
        }
        // (A command at a prompt says what was asked, not how it went: a loop's `; done`,
        // `--wait-until healthy`.)
        let command = super::text::shows_command(line);
        if !command
            && (zero
                || (worked || outcome == Some(true)) && !failed_message && outcome != Some(false))
        {
            if exit == Some(true) && !zero && !worked {
                ev.exit_ok_line(n);
            } else {
                ev.success_line(n);
            }
            // A run's verdict after retries ran out (a counter of failures at zero, a test
            // runner's `PASS`) is the run's: what ran out was a step's, or a test's.
            if zero || passed && !failed {
                ev.retries_exhausted = false;
            }
            // (A test runner's verdict; a counter at zero may be one of several, Ansible's
            // `unreachable=1 failed=0`.)
            if passed && !failed {
                ev.last_verdict = Some(n);
            }
        }
        if ended
            && !command
            && !zero
            && outcome.is_none()
            && message_start(&lower, &spans, &tokens) == 0
            && !failed
        {
            ev.ended_line(n);
        }
        let header = trimmed
            .strip_suffix(':')
            .is_some_and(|h| FAILURE_LISTS.contains(&h.trim_end()));
        if header {
            empty_list = Some(n);
        }
        troubled |= failed && !zero && !header
            || outcome == Some(false)
            || counted_failures(&lower, &spans, &tokens, &l.counts);
        if l.summaries.any(&tokens) && !failed {
            summary = Some(n);
        }
        // (A field of a record whose value says it did not happen is no retry: Caddy's TLS
        // `"resumed":false`, `"retries": 0`.)
        if (0..tokens.len()).any(|i| {
            l.retried.at(&tokens, i).is_some_and(|k| {
                let end = spans[i + k - 1].1;
                !unset_field(&lower[end..])
            })
        }) {
            ev.retried = true;
            ev.retried_at = Some(n);
            ev.first_retried_at = ev.first_retried_at.or(Some(n));
        }
        if !command && announces_attempt(&lower, &spans, &tokens, &l.announced) {
            ev.again_at = Some(n);
        }
        if !zero && (0..tokens.len()).any(|i| l.outcomes.at(&tokens, i).is_some()) {
            ev.failure_word_at = Some(n);
        }
        if quiet_line(&lower, &spans, || failed) {
            quiet += 1;
        }
        // (The command's line may have been cut where its `\n` was unescaped: the write-out
        // is looked for in the two lines before the number.)
        write_out = if WRITE_OUT_STATUS.iter().any(|w| lower.contains(w)) {
            2
        } else {
            write_out.saturating_sub(1)
        };
        prev = lower;
    }
    // A log in which every line has a level that reports no failure (`INFO`, `INF`, `DEBUG`)
    // and none says anything failed: it worked.
    if content >= QUIET_LOG && quiet == content {
        ev.success_line(last);
    }
    // A list of failures that stayed empty to the end: none failed.
    if let Some(h) = empty_list {
        ev.success_line(h);
    }
    // A tool's summary of a finished run, in a text where nothing failed.
    if let Some(s) = summary.filter(|_| !troubled) {
        ev.success_line(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn says(line: &str) -> bool {
        let mut ev = Evidence::default();
        scan(line, &mut ev);
        // (With no error named, a line that says it ended says it worked.)
        ev.last_success.is_some() || ev.last_ended.is_some()
    }

    #[test]
    fn records_at_a_quiet_level_that_try_again_are_attempts() {
        for (line, want) in [
            (
                "time=\"x\" level=info msg=\"Download failed, retrying (1/5): reset\"",
                true,
            ),
            (
                "{\"level\":\"debug\",\"msg\":\"connect refused, will retry\"}",
                true,
            ),
            (
                "2026-01-02 10:00:00 INFO upload failed, retrying in 2s",
                true,
            ),
            // A level of failure, or no word of trying again.
            (
                "time=\"x\" level=error msg=\"Download failed, retrying (1/5): reset\"",
                false,
            ),
            (
                "time=\"x\" level=info msg=\"Download failed: reset\"",
                false,
            ),
            ("Download failed, retrying (1/5): reset", false),
            // A level's word that is no level: `info` as a field's value elsewhere.
            ("ERROR retrying topic=info", false),
        ] {
            assert_eq!(super::attempt_line(line), want, "{line}");
        }
    }

    #[test]
    fn lines_of_success_and_counters_at_zero() {
        for (line, want) in [
            (
                "2025-06-11T04:02:10Z INFO  attempt 3/5 succeeded: 200 OK",
                true,
            ),
            ("BUILD SUCCESSFUL in 41s", true),
            (
                "Apply complete! Resources: 3 added, 0 changed, 0 destroyed.",
                true,
            ),
            (
                "No changes. Your infrastructure matches the configuration.",
                true,
            ),
            ("Saved the plan to: tfplan", true),
            ("Error: the plan could not be saved to: tfplan", false),
            ("deployment \"web\" successfully rolled out", true),
            ("======= 142 passed, 3 skipped in 12.41s =======", true),
            ("Errors:                 0", true),
            ("Failed requests:        0", true),
            // A test runner's line of a test or run that passed; not a word in prose.
            ("--- PASS: TestUpstream_DialRefused (0.00s)", true),
            ("PASS", true),
            ("PASS src/client.test.ts", true),
            ("password reset sent", false),
            ("pass the token with --auth", false),
            ("--- FAIL: TestUpstream_Live (0.00s)", false),
            // Words of failure in a web address say nothing (wrk's line of what it tests).
            ("Requests/sec:   5170.35", true),
            ("Running 30s test @ https://x.example/api/v2/errors/catalog\nRequests/sec:   5170.35", true),
            ("Running 30s test failed @ https://x.example/api\nRequests/sec:   5170.35", false),
            // A code is no word of failure (HAProxy's check that passed).
            ("Server be/web1 is UP, reason: Layer7 check passed, code: 200, check duration: 2ms", true),
            ("Server be/web1 is DOWN, reason: Layer7 wrong status, code: 503, check failed", false),
            // A counter and its count apart by a dash; a zero beside a count above it.
            ("Errors - 0, Timeouts - 0", true),
            ("Errors - 0, Timeouts - 4", false),
            // testthat's summary; a client that reconnected.
            ("[ FAIL 0 | WARN 0 | SKIP 1 | PASS 42 ]", true),
            ("[ FAIL 2 | WARN 0 | SKIP 1 | PASS 40 ]", false),
            ("[G:7c1e5a2, S:0] Reconnected to Gateway", true),
            ("could not be reconnected: refused", false),
            // In a record's key, quoted.
            ("succeeded in 1.26s: {'pushed': 412, 'errors': 0}", true),
            (r#"{"failed": 0, "ok": 3}"#, true),
            (r#"{"failed": 0.5}"#, false),
            (r#"{"errors": "0 of them"}"#, false),
            ("failed=0 ok=12", true),
            ("Tests: 0 failed, 12 passed, 12 total", true),
            (
                "http_req_failed................: 0.00%  0 out of 1200",
                true,
            ),
            // Something failed, or a counter is not at zero, or nothing is said at all.
            ("upload failed after 3 attempts; 2 of 5 completed", false),
            ("Errors:                 3", false),
            ("Errors: 0.5 per second", false),
            ("failed: 10", false),
            ("ERROR: job completed with errors", false),
            ("10 failed, 2 passed", false),
            ("the success rate dropped; exception in handler", false),
            ("connected to db", false),
            ("successor node 4", false),
            ("Notice: deployment complete", true),
            ("not deployed: quota", false),
            // An index is no counter.
            ("PS C:\\> $Error[0].Exception.GetType().FullName", false),
            ("errors[0]: bad", false),
            // A number and a colon label what follows (anyhow's chain of causes).
            ("    0: error sending request for url (https://x.example/rows)", false),
            ("0 errors", true),
            // A word of failure beside words of health: one thing failed.
            (
                "[12:41:55 WRN] Health report: Unhealthy (api: Unhealthy, db: Healthy) in 0.2s",
                false,
            ),
            ("Health report: Healthy (api: Healthy, db: Healthy)", true),
            // A zero that is another counter's value (`unreachable=0 failed=1`).
            (
                "127.0.0.1 : ok=7 changed=1 unreachable=0    failed=1",
                false,
            ),
        ] {
            assert_eq!(says(line), want, "{line}");
        }
    }

    #[test]
    fn a_log_of_quiet_levels_reports_success() {
        for (log, want) in [
            ("2025-01-01 INFO start\n2025-01-01 INFO connected to gateway\n", Some(1)),
            ("06:40:02Z INF Starting tunnel\n06:40:03Z INF Registered connIndex=0\n", Some(1)),
            ("[debug] a\n[DEBUG] b\n[trace] c\n", Some(2)),
            // One line is no log; a line without a level or with a word of failure spoils it.
            ("INFO started\n", None),
            ("INFO start\nconnect to db\n", None),
            ("INFO start\nINFO request failed, retrying\n", None),
            ("INFO start\nERROR refused\n", None),
            // The word `info` deep in a line is no level.
            (
                "a line that is long enough, and then some more, to push the word beyond where a level would stand: info\nINFO b\n",
                None,
            ),
        ] {
            let mut ev = Evidence::default();
            scan(log, &mut ev);
            assert_eq!(ev.last_success, want, "{log}");
        }
    }

    #[test]
    fn announced_attempts_and_later_failures_are_recorded() {
        // (The text, the last line announcing another attempt, the last line with a word of
        // a failed outcome.)
        let table: &[(&str, Option<usize>, Option<usize>)] = &[
            ("Warning: Problem : timeout. Will retry in 1 second. 5 retries left.\nlibprotoc 25.3", Some(0), None),
            ("VERBOSE: Retrying after interval of 2 seconds. Status code for previous attempt: ServiceUnavailable", Some(0), None),
            ("botocore.retries.standard [DEBUG] Retry needed, retrying request after delay of: 0.41", Some(0), None),
            ("We are being rate limited. PUT /x responded with 429. Retrying in 0.31 seconds.\ndone", Some(0), None),
            // Names, options and fields' keys announce nothing.
            ("{\"message\": \"You are being rate limited.\", \"retry_after\": 0.386}", None, None),
            ("curl -fsS --retry 2 -o out https://x/", None, None),
            ("  Retry After    : 541403ms", None, None),
            ("order parked in RETRY_PENDING", None, None),
            // An attempt a minute or more away is not the output that follows.
            ("update check failed, will retry in 4h\nwebsocket reconnect scheduled", None, Some(0)),
            ("Retrying in 10 minutes.", None, None),
            ("Retrying in 90 seconds.", None, None),
            ("Retrying in 5 seconds.", Some(0), None),
            ("curl: (22) The requested URL returned error: 404\nTrying a mirror...", Some(1), Some(0)),
            // Nor does a word of one not made.
            ("botocore.retries.standard - DEBUG - Not retrying request.", None, None),
            // Advice to a reader announces nothing.
            ("Please try again in a few minutes.", None, None),
            // Words of a failed outcome, read whole: not `errors.proto`, not a counter at zero.
            ("Retrying (1/3)...\nmirror sync check aborted", Some(0), Some(1)),
            ("Retrying (1/3)...\nprotoc --go_out=gen proto/errors/v1/errors.proto", Some(0), None),
            ("Retrying (1/3)...\nTests: 12 passed, 0 failed", Some(0), None),
            ("Retrying (1/3)...\ntime=1 level=ERROR msg=\"list failed\"", Some(0), Some(1)),
        ];
        for (log, again, failed) in table {
            let mut ev = Evidence::default();
            scan(log, &mut ev);
            assert_eq!(
                (ev.again_at, ev.failure_word_at),
                (*again, *failed),
                "{log}"
            );
        }
    }

    #[test]
    fn words_of_trying_again_are_recorded() {
        for (log, want) in [
            ("upload failed, will retry in 2s\nupload done", true),
            ("Attempt 1 failed: timeout", true),
            ("WARN connection lost\nINFO Resuming session", true),
            ("Trying again after backoff", true),
            ("BUILD SUCCESSFUL in 41s", false),
            ("connection refused", false),
            // A word of trying again inside another word is none.
            ("retrospective notes", false),
            // A check made again until it passes is tried again.
            ("Warning  Unhealthy  Readiness probe failed: HTTP probe failed with statuscode: 503", true),
            ("Server be/web1 is UP, reason: Layer7 check passed, code: 200", true),
            ("probed the cache", false),
            ("app01 : ok=6 changed=4 unreachable=0 failed=0 rescued=1 ignored=0", true),
            ("app01 : ok=6 changed=4 unreachable=0 failed=0 rescued=0 ignored=0", false),
        ] {
            let mut ev = Evidence::default();
            scan(log, &mut ev);
            assert_eq!(ev.retried, want, "{log}");
        }
    }

    #[test]
    fn words_that_say_only_that_it_ended_are_kept_apart() {
        for (log, success, ended) in [
            ("Application finished.", None, Some(0)),
            ("Apply complete!", None, Some(0)),
            ("Command completed after 2 attempt(s).", None, Some(0)),
            ("deploy finished successfully", Some(0), None),
            // Under a level of failure, or beside a word of failure: nothing.
            (
                "[error] Total time: 212 s, completed 19 Nov 2024",
                None,
                None,
            ),
            ("download finished with errors", None, None),
        ] {
            let mut ev = Evidence::default();
            scan(log, &mut ev);
            assert_eq!((ev.last_success, ev.last_ended), (success, ended), "{log}");
        }
    }

    #[test]
    fn words_of_retries_running_out_are_recorded() {
        for (log, want) in [
            ("An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4)", true),
            ("attempt 5/5 failed, giving up", true),
            ("Max retries exceeded with url: /v1/items", true),
            ("upload failed, will retry in 2s\nupload done", false),
            ("max_retries = 5", false),
            // A client's retries ran out on an attempt the operation tries again.
            ("Task push[6b] retry: Retry in 30s: ConnectionError(MaxRetryError('Max retries exceeded with url: /v2'))", false),
            ("ERROR attempt 5/5: Max retries exceeded with url: /v2", true),
            // A run's verdict after them: what ran out was a test's.
            ("    x_test.go:9: client gave up as expected\n--- PASS: TestGiveUp (0.1s)", false),
            ("upload failed, giving up\n--- FAIL: TestUpload (0.1s)", true),
        ] {
            let mut ev = Evidence::default();
            scan(log, &mut ev);
            assert_eq!(ev.retries_exhausted, want, "{log}");
        }
    }

    /// (last line of success, last line of failure) of a text.
    fn outcome(text: &str) -> (Option<usize>, Option<usize>) {
        let mut ev = Evidence::default();
        scan(text, &mut ev);
        (ev.last_success, ev.last_failure)
    }

    #[test]
    fn a_level_of_failure_before_a_message_of_success_is_how_it_was_logged() {
        for (line, want) in [
            ("2026/01/02 03:04:05 ERROR : Attempt 2/3 succeeded", Some(0)),
            ("fail: upload succeeded", Some(0)),
            // A level in brackets after a syslog prefix.
            (
                "Oct 02 18:44:33 lb-1 haproxy[1184]: [WARNING]  (1184) : Server be/api2 is UP, reason: Layer7 check passed, code: 200",
                Some(0),
            ),
            (
                "Oct 02 18:44:33 lb-1 haproxy[1184]: [WARNING]  (1184) : Health check failed, reason: Layer7 check passed",
                None,
            ),
            ("Oct 02 18:44:33 lb-1 app[1184]: warning [x] check passed", None),
            // (A word that says only that it ended says nothing under it.)
            ("fail: upload completed", None),
            // The message itself says something failed, or the word is no level.
            (
                "2026/01/02 03:04:05 ERROR : Attempt 1/3 failed with 2 errors",
                None,
            ),
            ("ERROR: job completed with errors", None),
            ("upload error: retry succeeded partially, 3 errors", None),
        ] {
            assert_eq!(outcome(line).0, want, "{line}");
        }
    }

    #[test]
    fn a_quiet_log_is_found_alone_as_the_scan_finds_it() {
        for (text, want) in [
            ("10:00 INFO a\n10:01 INFO b\n", Some(1)),
            ("10:00 INFO a\n\n10:01 DEBUG b\n\n", Some(2)),
            ("10:00 INFO a\n", None),
            ("10:00 INFO a\n10:01 INFO upload failed\n", None),
            ("10:00 INFO a\n10:01 b\n", None),
            ("", None),
        ] {
            assert_eq!(quiet_log(text), want, "{text:?}");
            assert_eq!(outcome(text).0, want, "{text:?}");
        }
    }

    #[test]
    fn a_word_of_success_inside_a_name_says_nothing() {
        for (line, want) in [
            ("    return loop.run_until_complete(main)", None),
            ("on_upload_completed_hook registered", None),
            ("    return loop.run_until_succeeded(main)", None),
            ("upload succeeded", Some(0)),
            ("succeeded: upload", Some(0)),
        ] {
            assert_eq!(outcome(line).0, want, "{line}");
        }
    }

    #[test]
    fn check_marks_say_a_step_worked() {
        for (line, want) in [
            ("  ✓ GET /v1/items 200 (attempt 2 of 4)", Some(0)),
            ("✔ compiled in 3.2s", Some(0)),
            ("✓ upload failed", None),
            ("✗ GET /v1/items", None),
        ] {
            assert_eq!(outcome(line).0, want, "{line}");
        }
    }

    #[test]
    fn outcome_fields_say_passed_or_failed() {
        for (text, want) in [
            (
                r#"  {"name": "Search", "status": "operational"}"#,
                (Some(0), None),
            ),
            ("health: healthy", (Some(0), None)),
            ("conclusion=success", (Some(0), None)),
            ("HttpCheckSucceeded : True", (Some(0), None)),
            // Failed or degraded values, and a flag named for success at false.
            (
                r#"  {"name": "API", "status": "major_outage"}"#,
                (None, Some(0)),
            ),
            ("state: degraded", (None, Some(0))),
            (r#""status": "failed""#, (None, Some(0))),
            ("HttpCheckSucceeded : False", (None, Some(0))),
            // A word of failure beside a healthy field (a component named `Error
            // Reporting`) makes the line say neither; a field that failed on the line wins.
            (
                r#"{"name": "Error Reporting", "status": "operational"}"#,
                (None, None),
            ),
            (
                r#"{"status": "operational", "state": "down"}"#,
                (None, Some(0)),
            ),
            // No field: words beside each other in prose.
            ("status codes: 10000 2xx, 12 3xx", (None, None)),
            ("the status ok of it", (None, None)),
            // A response's status as a log's field.
            (
                "level=INFO msg=\"lookup done\" status=200 attempts=2",
                (Some(0), None),
            ),
            ("{'pushed': 412, 'status': 204}", (Some(0), None)),
            (
                "level=WARN msg=\"lookup done\" status=503 attempts=2",
                (None, Some(0)),
            ),
            ("status=100 phase", (None, None)),
            ("status=2000", (None, None)),
            ("state=404", (None, None)),
            // A flag in snake case, and a gauge in Prometheus's exposition at 1; a metric at
            // 0 may be a counter of successes, and a state that is only running is no
            // outcome of a field (an Erlang crash report's).
            ("is_success: false", (None, Some(0))),
            ("probe_success 1", (Some(0), None)),
            ("probe_success 0", (None, None)),
            ("upstream_rq_retry_success: 0", (None, None)),
            ("upstream_rq_retry_success 12", (None, None)),
            ("took probe_success 1", (None, None)),
            ("    status: running", (None, None)),
        ] {
            assert_eq!(outcome(text), want, "{text}");
        }
    }

    #[test]
    fn a_tables_status_column_says_how_each_row_is() {
        let l = lists();
        let pods = "NAME                       READY   STATUS             RESTARTS   AGE";
        let col = status_header(pods).expect("a header");
        for (row, want) in [
            (
                "checkout-7d9f8b6c5-4bq9z   1/1     Running            0          3m1s",
                Some(Some(true)),
            ),
            (
                "checkout-7d9f8b6c5-q8w2n   0/1     Running            0          4m15s",
                Some(None),
            ),
            (
                "checkout-7d9f8b6c5-z7x4r   0/1     CrashLoopBackOff   5          9m",
                Some(Some(false)),
            ),
            (
                "job-migrate-x2x9q          0/1     Completed          0          1h",
                Some(Some(true)),
            ),
            (
                "checkout-7d9f8b6c5-h2m7d   0/1     Error              1          2m",
                Some(Some(false)),
            ),
            (
                "web-0                      0/1     Pending            0          10s",
                Some(None),
            ),
            // Not a row of the table: text that does not start in the column.
            ("Events:", None),
            ("the pods are all ready, nothing to see here", None),
        ] {
            assert_eq!(status_row(row, col, l), want, "{row}");
        }
        let docker = "CONTAINER ID   IMAGE         COMMAND       CREATED       STATUS                        PORTS";
        let col = status_header(docker).expect("a header");
        assert_eq!(col.ready, None);
        for (row, want) in [
            ("3f2a1b9c8d7e   api:2.4.1     \"node s…\"     5 min ago     Up 5 minutes (healthy)        0.0.0.0:8080->8080/tcp", Some(Some(true))),
            ("9c8d7e3f2a1b   worker:2.4.1  \"node w…\"     5 min ago     Up 2 minutes (unhealthy)      ", Some(Some(false))),
            ("7e3f2a1b9c8d   db:16         \"docker…\"     5 min ago     Restarting (1) 3 seconds ago  ", Some(None)),
        ] {
            assert_eq!(status_row(row, col, l), want, "{row}");
        }
        // Headers: capitals apart by gaps, one of them an outcome field's name.
        for (line, want) in [
            (
                "NAME    NAMESPACE   REVISION   UPDATED   STATUS     CHART",
                true,
            ),
            ("LAST SEEN   TYPE      REASON    OBJECT   MESSAGE", false),
            ("STATUS", false),
            ("ERROR STATUS 503", false),
            ("Name   Status", false),
        ] {
            assert_eq!(status_header(line).is_some(), want, "{line}");
        }
    }

    #[test]
    fn a_table_and_a_comment_in_a_text() {
        // The last row of a healthy table is a line of success; a row that failed is one
        // of failure; a comment is neither.
        let text = "$ kubectl get pods\nNAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          3m\nweb-2   1/1     Running   0          3m\n";
        let mut ev = Evidence::default();
        scan(text, &mut ev);
        assert_eq!((ev.last_success, ev.last_failure), (Some(3), None));
        let text = "NAME    READY   STATUS             RESTARTS   AGE\nweb-1   1/1     Running            0          3m\nweb-2   0/1     CrashLoopBackOff   6          9m\n";
        let mut ev = Evidence::default();
        scan(text, &mut ev);
        assert_eq!(ev.last_failure, Some(2));
        // The rows say how things are at one time: a healthy row under a failed one is no
        // success after it.
        let text = "NAME    READY   STATUS             RESTARTS   AGE\nweb-2   0/1     ImagePullBackOff   0          9m\nweb-1   1/1     Running            0          2d\n";
        let mut ev = Evidence::default();
        scan(text, &mut ev);
        assert_eq!((ev.last_success, ev.last_failure), (None, Some(1)));
        // (A blank line ends the table: what follows is no row.)
        let text = "NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          3m\n\nweb-2   0/1     Error     1          3m\n";
        let mut ev = Evidence::default();
        scan(text, &mut ev);
        assert_eq!(ev.last_failure, None);
        let mut ev = Evidence::default();
        scan(
            "# HELP probe_success Displays whether or not the probe was a success",
            &mut ev,
        );
        assert_eq!(ev.last_success, None);
    }

    #[test]
    fn statuses_and_exit_statuses_a_log_prints() {
        for (text, want) in [
            // The status that ends a client's line of a response.
            (
                "      Received HTTP response headers after 12.5ms - 204",
                (Some(0), None),
            ),
            (
                "      End processing HTTP request after 40.1ms - 503",
                (None, Some(0)),
            ),
            // After a client's mark of a response (OkHttp's logging interceptor).
            ("I okhttp.OkHttpClient: <-- 200 https://x/v1 (220ms)", (Some(0), None)),
            ("I okhttp.OkHttpClient: <-- 503 https://x/v1 (20ms)", (None, Some(0))),
            ("I okhttp.OkHttpClient: <-- HTTP FAILED: java.net.SocketTimeoutException", (None, None)),
            // requests' and httpx's reprs of a response.
            ("Out[12]: <Response [200]>", (Some(0), None)),
            ("<Response [503 Service Unavailable]>", (None, Some(0))),
            ("<Response [x]>", (None, None)),
            // A distribution of statuses.
            ("  [200]\t512 responses", (Some(0), None)),
            ("  [200]\t500 responses\n  [502]\t12 responses", (Some(0), Some(1))),
            ("  [10] Get http://x: connection refused", (None, None)),
            // Printed alone after the line that asked for it.
            ("> res.status\n201", (Some(1), None)),
            (">>> r.status_code\n404", (None, Some(1))),
            ("$ echo $?\n0", (Some(1), None)),
            ("PS> $LASTEXITCODE\n1", (None, Some(1))),
            ("some line\n200", (None, None)),
            // Labelled.
            ("Process exited with code 0", (Some(0), None)),
            // curl's write-out of the status, printed alone on the next line.
            (
                "$ curl -s -o /dev/null -w '%{http_code}\\n' https://x/ping\n200",
                (Some(1), None),
            ),
            (
                "$ curl -s -o /dev/null -w '%{http_code}\\n' https://x/ping\n503",
                (None, Some(1)),
            ),
            // (Its `\n` unescaped, the command stands on two lines.)
            (
                "$ curl -s -w '%{http_code}\n' https://x/ping\n200",
                (Some(2), None),
            ),
            ("$ curl -s -w '%{http_code}'\nok\nnext\n200", (None, None)),
            ("Process exited with code 1", (None, None)),
            // A 200, then a later failure.
            (
                "End processing HTTP request after 3ms - 200\nEnd processing HTTP request after 9ms - 503",
                (Some(0), Some(1)),
            ),
        ] {
            assert_eq!(outcome(text), want, "{text}");
        }
    }

    #[test]
    fn a_summary_says_success_only_where_nothing_failed() {
        let clean = "  812 requests in 10.01s, 1.2MB read\nRequests/sec:     81.12\nTransfer/sec:     120.3KB\n";
        assert_eq!(outcome(clean).0, Some(2));
        let troubled = "  812 requests in 10.01s, 1.2MB read\n  Socket errors: connect 0, read 4, write 0, timeout 9\nRequests/sec:     81.12\n";
        assert_eq!(outcome(troubled).0, None);
        let non2xx = "  Non-2xx or 3xx responses: 40\nRequests/sec:     81.12\n";
        assert_eq!(outcome(non2xx).0, None);
        let synced = "sent 1,024 bytes  received 35 bytes  2,118.00 bytes/sec\ntotal size is 9,000  speedup is 8.50\n";
        assert_eq!(outcome(synced).0, Some(1));
        let after = "sent 1,024 bytes  received 35 bytes  2,118.00 bytes/sec\nrsync error: some files could not be transferred (code 23)\n";
        assert_eq!(outcome(after).0, None);
        // bombardier's summary.
        let bombarded = "Statistics        Avg      Stdev        Max\n  Reqs/sec      4127.58     612.33    6021.47\n  Latency       48.42ms    19.87ms   612.08ms\n";
        assert_eq!(outcome(bombarded).0, Some(1));
        let refused = "  Reqs/sec      4127.58     612.33    6021.47\n  Errors:\n    dial tcp 10.0.0.1:443: connect: connection refused - 12\n";
        assert_eq!(outcome(refused).0, None);
        // vegeta's report: its list of errors, empty at the end, or with errors under it.
        let vegeta = "Requests      [total, rate, throughput]  3000, 50.02, 49.98\nSuccess       [ratio]                    100.00%\nStatus Codes  [code:count]               201:3000\nError Set:\n";
        assert_eq!(outcome(vegeta).0, Some(3));
        let wrk = "  299693 requests in 1.00m, 71.40MB read\nRequests/sec:   4994.82\nerrors: connect=0 read=0 write=0 status=0 timeout=0\n";
        assert_eq!(outcome(wrk).0, Some(2));
        let tallied =
            "Requests/sec:   4994.82\nerrors: connect=0 read=3 write=0 status=0 timeout=0\n";
        assert_eq!(outcome(tallied).0, None);
        let prompt_after =
            format!("{vegeta}$ vegeta report -type=hist results.bin\nBucket  #  %\n");
        assert_eq!(outcome(&prompt_after).0, Some(3));
        let listed = "Success       [ratio]                    97.10%\nStatus Codes  [code:count]               0:87  201:2913\nError Set:\nPost \"https://x/v2/events\": dial tcp 10.0.0.7:443: connect: connection refused\n";
        // (The header with a failure under it says nothing of success; the ratio's line,
        // before it, is read as it always was.)
        assert_eq!(outcome(listed).0, Some(0));
    }

    #[test]
    fn a_field_that_says_no_retry_happened_is_no_retry() {
        for (text, want) in [
            (
                r#"{"tls":{"resumed":false,"version":772},"status":502}"#,
                false,
            ),
            (r#"{"retries": 0, "status": 503}"#, false),
            (r#"{"retries": 2, "status": 503}"#, true),
            (r#"{"resumed": true}"#, true),
            ("retrying in 2s", true),
            ("retries: 0.5s backoff", true),
        ] {
            let mut ev = Evidence::default();
            scan(text, &mut ev);
            assert_eq!(ev.retried, want, "{text}");
        }
    }

    #[test]
    fn a_tracebacks_frames_and_source_say_nothing() {
        let traceback = "Traceback (most recent call last):\n  File \"client.py\", line 918, in runner\n    await self.start(token, reconnect=reconnect)\n           ^^^^^^^^^^^^\n  File \"http.py\", line 851, in static_login\n    raise LoginFailure('Improper token has been passed.') from exc\ndiscord.errors.LoginFailure: Improper token has been passed.\n";
        let mut ev = Evidence::default();
        scan(traceback, &mut ev);
        assert!(!ev.retried);
        // (The exception's own line is read, and reports the failure it names.)
        assert_eq!(ev.last_success, None);
        assert!(names_exception(
            "discord.errors.LoginFailure: Improper token has been passed."
        ));
        assert!(names_exception("HTTPException: 401"));
        assert!(!names_exception("Terror: passed"));
        assert!(!names_exception("Error: x"));
        assert!(!names_exception("the upload failure: retried"));
        let java = "java.net.SocketTimeoutException: timeout\n\tat okhttp3.RetryAndFollowUpInterceptor.intercept(RetryAndFollowUpInterceptor.kt:81)\n\tat com.x.Worker.retry (Worker.java:12)\n";
        let mut ev = Evidence::default();
        scan(java, &mut ev);
        assert!(!ev.retried);
        // Prose that opens with `at` is read.
        let mut ev = Evidence::default();
        scan("at 12:00 the job was retried and succeeded", &mut ev);
        assert!(ev.retried);
        assert_eq!(ev.last_success, Some(0));
    }

    #[test]
    fn a_passed_tests_name_says_nothing_failed() {
        let go = "=== RUN   TestFetch_Timeout\n    fetch_test.go:61: got expected error: connect: connection refused\n--- PASS: TestFetch_Timeout (0.25s)\n";
        assert_eq!(outcome(go).0, Some(2));
        let jest = "PASS src/retry-on-timeout.test.ts (4.1 s)\n";
        assert_eq!(outcome(jest).0, Some(0));
        // A failed test's line is no success, whatever its name.
        let failed = "--- FAIL: TestFetch_Succeeds (0.25s)\n";
        assert_eq!(outcome(failed).0, None);
    }

    #[test]
    fn a_runners_verdicts_and_tallies_are_kept() {
        // (line, a verdict of success, a verdict of failure)
        for (line, passed, failed) in [
            (
                "============================== 6 passed in 1.87s ===============================",
                true,
                false,
            ),
            ("Tests:       24 passed, 24 total", true, false),
            ("  24 passing (2s)", true, false),
            ("Tests:       1 failed, 57 passed, 58 total", false, true),
            ("== 1 failed, 5 passed, 2 errors in 3.2s ==", false, true),
            ("=== 5 passed, 1 error in 0.4s ===", false, true),
            ("  1 failing", false, true),
            (" FAIL  src/checkout/__tests__/submit.test.ts", false, true),
            ("--- FAIL: TestUpload (0.10s)", false, true),
            ("PASS src/client.test.ts", true, false),
            // Counts that are no tallies of tests.
            ("Tests:       0 failed, 3 passed", true, false),
            (
                "Warning: Attempt 1 failed. Reason: exited with code 7",
                false,
                false,
            ),
            (
                "curl: (7) Failed to connect to localhost port 8080",
                false,
                false,
            ),
            ("uploaded 3 passed files", false, false),
            ("failover to replica 2", false, false),
            (
                "2026/11/30 02:03:41 ERROR : Failed to copy: connection reset by peer",
                false,
                false,
            ),
            (
                "batch done: received=214 skipped=1 failed=0 errors=0",
                false,
                false,
            ),
        ] {
            let mut ev = Evidence::default();
            scan(line, &mut ev);
            assert_eq!(ev.last_verdict.is_some(), passed, "{line:?}");
            assert_eq!(ev.failed_verdict, failed, "{line:?}");
        }
    }

    #[test]
    fn a_tally_of_items_is_no_verdict() {
        let gradle = "FAILURE: Build failed with an exception.\n\nBUILD FAILED in 6s\n4 actionable tasks: 1 executed, 3 up-to-date\n";
        assert_eq!(outcome(gradle).0, None);
        let pytest = "test_error_mapping FAILED in a name\ncollected 142 items\n======= 142 passed, 3 skipped in 12.41s =======\n";
        assert_eq!(outcome(pytest).0, Some(2));
        let built = "BUILD SUCCESSFUL in 41s\n4 actionable tasks: 1 executed, 3 up-to-date\n";
        assert_eq!(outcome(built).0, Some(0));
    }

    #[test]
    fn a_failed_status_field_is_no_success() {
        for (line, want) in [
            (
                r#"{"res":{"statusCode":404},"msg":"request completed"}"#,
                false,
            ),
            ("level=info msg=\"request completed\" status=503", false),
            (
                r#"{"res":{"statusCode":200},"msg":"request completed"}"#,
                true,
            ),
            ("request completed status=503ms", true),
            ("completed: retries=404", true),
            (
                r#"INF ingress deployed config="{"ingress":[{"service":"http_status:404"}]}""#,
                true,
            ),
            ("ingress deployed: service: http_status:404", true),
        ] {
            assert_eq!(says(line), want, "{line}");
        }
    }

    #[test]
    fn the_last_line_of_success_is_kept() {
        let mut ev = Evidence::default();
        scan("Errors: 0\nsomething\nBUILD SUCCESSFUL\nend", &mut ev);
        assert_eq!(ev.last_success, Some(2));
    }
}
