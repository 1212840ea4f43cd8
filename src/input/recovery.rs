//! What says a monitored thing recovered: a monitor's record of a state change (`[✅ Up]`,
//! `Monitor is UP:`, `Server be_api/api-2 is UP.`) after the records of its going down, and
//! an alert's notification that it was resolved (`[RESOLVED] HighErrorRate`, `Resolved in 6m
//! 12s:`, `"status":"resolved"`). A text whose last change of state is a recovery, with every
//! thing that went down up again, ends in success: its errors were the outage's. The words
//! are data (`data/phrases/words.toml`); this is their grammar.

use crate::lexicon::tokens::token_spans;
use crate::lexicon::{ALERTS_FIRING, ALERTS_RESOLVED, STATES_DOWN, STATES_UP, STATE_VERBS};

/// Lines longer than this say no change of state (a minified body is no monitor's record).
const MAX_LINE: usize = 4096;
/// At most this many things may be down at once; past it the text is not judged.
const MAX_OPEN: usize = 64;
/// At most this many names of a thing are kept from one line.
const MAX_SUBJECT: usize = 16;

/// A change of state a line records.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Change {
    Down,
    Up,
    /// An alert's notification that it was resolved: what it says after is about the alert.
    Resolved,
}

/// The line at which a text's recovery stands, where its last change of state is one and
/// everything it says went down came up again; `None` where it records no recovery.
/// (A notification of a resolved alert stands for the rest of the text: the last line.)
pub fn recovered(text: &str) -> Option<usize> {
    let mut open: Vec<Vec<String>> = Vec::new();
    let mut last: Option<(usize, Change)> = None;
    let mut end = 0;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        end = n;
        if line.len() > MAX_LINE {
            continue;
        }
        let Some(change) = change(line) else {
            continue;
        };
        let names = subject(line);
        match change {
            Change::Down => {
                if open.len() >= MAX_OPEN {
                    return None;
                }
                open.push(names);
            }
            Change::Up | Change::Resolved => {
                open.retain(|down| !down.iter().all(|d| names.contains(d)));
            }
        }
        last = Some((n, change));
    }
    match last? {
        (_, Change::Down) => None,
        _ if !open.is_empty() => None,
        (n, Change::Up) => Some(n),
        (_, Change::Resolved) => Some(end),
    }
}

/// The change of state a line records, if one, and only one kind of it.
fn change(line: &str) -> Option<Change> {
    let lower = line.to_lowercase();
    let spans: Vec<(usize, usize)> = token_spans(&lower).collect();
    let mut found: Option<Change> = None;
    for (i, &(a, b)) in spans.iter().enumerate() {
        let word = &lower[a..b];
        let raw = line.get(a..b).unwrap_or(word);
        let caps = raw.bytes().all(|c| !c.is_ascii_lowercase());
        let kind = if STATES_UP.contains(&word) {
            Change::Up
        } else if STATES_DOWN.contains(&word) {
            Change::Down
        } else if ALERTS_RESOLVED.contains(&word) {
            Change::Resolved
        } else if ALERTS_FIRING.contains(&word) {
            Change::Down
        } else {
            continue;
        };
        let before = &lower[..a];
        let after = &lower[b..];
        let state = match kind {
            Change::Up | Change::Down => {
                bracketed(before, after)
                    || after_verb(&lower, &spans, i)
                        && (kind == Change::Down || caps || ends_state(after))
            }
            Change::Resolved => {
                bracketed(before, after)
                    || field_value(before)
                    || opens(before) && (caps || after.starts_with(':') || timed(after))
            }
        };
        // (A firing alert's words say so in brackets, as a status field's value, or opening
        // its notification before a colon or `started`: Zabbix's `Problem name:` is a field
        // of a resolved problem's notice too.)
        let firing = ALERTS_FIRING.contains(&word)
            && (bracketed(before, after)
                || field_value(before)
                || opens(before)
                    && (caps || after.starts_with(':') || after.starts_with(" started")));
        let state = if ALERTS_FIRING.contains(&word) {
            firing
        } else {
            state
        };
        if !state {
            continue;
        }
        let good = kind != Change::Down;
        match found {
            Some(f) if (f != Change::Down) != good => return None,
            Some(Change::Resolved) => {}
            _ => found = Some(kind),
        }
    }
    found
}

/// `[Up]`, `[🔴 Down]`, `[FIRING:2]`: the word alone in brackets, after a mark.
fn bracketed(before: &str, after: &str) -> bool {
    let before = before.trim_end_matches(|c: char| c.is_whitespace() || !c.is_ascii());
    let after = after.strip_prefix(':').map_or(after, |r| {
        r.trim_start_matches(|c: char| c.is_ascii_digit())
    });
    before.ends_with('[') && after.trim_start().starts_with(']')
}

/// Whether the word before a state is one that says a thing is in it (`is`, `to`, `went`).
fn after_verb(lower: &str, spans: &[(usize, usize)], i: usize) -> bool {
    (1..=2).any(|k| {
        i.checked_sub(k).is_some_and(|from| {
            let (a, _) = spans[from];
            let (_, b) = spans[i - 1];
            let words: Vec<&str> = spans[from..i].iter().map(|&(x, y)| &lower[x..y]).collect();
            // (The words are one phrase, spaced as written: `is back`, not `is, back`.)
            lower[a..b].split_whitespace().count() == k
                && STATE_VERBS.contains(&words.join(" ").as_str())
        })
    })
}

/// Whether what follows a state ends the statement: the line's end, or a stop.
fn ends_state(after: &str) -> bool {
    let after = after.trim_start();
    after.is_empty() || after.starts_with(['.', ',', ':', ';', '!', ')', ']', '*'])
}

/// `status=resolved`, `"status":"resolved"`, `state: recovery`, `Notification Type: RECOVERY`.
fn field_value(before: &str) -> bool {
    let b = before.trim_end_matches([' ', '"', '\'']);
    let Some(b) = b.strip_suffix(['=', ':']) else {
        return false;
    };
    let key = b.trim_end_matches([' ', '"', '\'']);
    ["status", "state", "notification type"].iter().any(|k| {
        key.strip_suffix(k)
            .is_some_and(|rest| !rest.ends_with(|c: char| c.is_ascii_alphanumeric()))
    })
}

/// Whether the word opens the line's message: nothing but marks before it, or a mail's
/// `Subject:` (`** RECOVERY Service Alert`, `Subject: Resolved in 6m 12s:`).
fn opens(before: &str) -> bool {
    let b = before.trim_start();
    let b = b.strip_prefix("subject:").unwrap_or(b);
    b.chars().all(|c| !c.is_alphanumeric())
}

/// `Resolved in 6m 12s:` — a duration after the word.
fn timed(after: &str) -> bool {
    after
        .strip_prefix(" in ")
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// The names of the thing a line is about: its words that name something (`payments-api`,
/// `be_api/api-2`, `https://orders.example/healthz`, `HighHTTP5xxRatio`), without times and
/// the words of state. A record of a thing coming up names every name its going down did.
fn subject(line: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for word in line.split(|c: char| c.is_whitespace() || ",{}\"'()<>|".contains(c)) {
        // (A process's id in brackets, `haproxy[1432]:`, changes with its restarts.)
        let word = word.trim_start_matches('[');
        let word = word.split('[').next().unwrap_or("");
        let word = word.trim_matches(|c: char| ":.;!*]".contains(c));
        let lower = word.to_lowercase();
        let letters: Vec<char> = lower.chars().filter(char::is_ascii_alphabetic).collect();
        let digits = lower.chars().filter(char::is_ascii_digit).count();
        let joined = lower.contains(['-', '_', '.', '/', ':', '@']);
        let mixed = lower.starts_with(|c: char| c.is_ascii_alphabetic()) && digits > 0;
        let camel = word
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
        let time = letters.iter().all(|c| matches!(c, 't' | 'z')) && digits >= 4;
        // (`FIRING:1` is the state with its count.)
        let head = lower
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let state = [STATES_UP, STATES_DOWN, ALERTS_RESOLVED, ALERTS_FIRING]
            .iter()
            .any(|l| l.contains(&head));
        if word.len() >= 3
            && !letters.is_empty()
            && (joined || mixed || camel)
            && !time
            && !state
            && !names.contains(&lower)
        {
            names.push(lower);
            if names.len() >= MAX_SUBJECT {
                break;
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_that_record_a_change_of_state() {
        for (line, want) in [
            (
                "[payments-api] [🔴 Down] timeout of 48000ms exceeded",
                Some(Change::Down),
            ),
            ("[payments-api] [✅ Up] 200 - OK", Some(Change::Up)),
            (
                "Monitor is DOWN: Orders API (prod) - Reason: 502 Bad Gateway",
                Some(Change::Down),
            ),
            (
                "Monitor is UP: Orders API (prod). It was down for 17 minutes",
                Some(Change::Up),
            ),
            (
                "Server be_api/api-2 is UP. 3 active and 0 backup servers online.",
                Some(Change::Up),
            ),
            (
                "Setting status of http://172.18.0.7:8080 to DOWN serviceName=x",
                Some(Change::Down),
            ),
            (
                "[RESOLVED] HighHTTP5xxRatio checkout-api",
                Some(Change::Resolved),
            ),
            (
                "[FIRING:2] HighHTTP5xxRatio checkout-api",
                Some(Change::Down),
            ),
            (
                "POST /hooks/am (1 alert, status=resolved)",
                Some(Change::Resolved),
            ),
            ("{\"status\":\"firing\",\"alerts\":[]}", Some(Change::Down)),
            (
                "Subject: Resolved in 6m 12s: portal: HTTP response code is not 200",
                Some(Change::Resolved),
            ),
            (
                "Subject: ** RECOVERY Service Alert: web01/HTTPS is OK **",
                Some(Change::Resolved),
            ),
            ("Notification Type: RECOVERY", Some(Change::Resolved)),
            (
                "Problem: portal: HTTP response code is not 200",
                Some(Change::Down),
            ),
            (
                "Problem started at 14:21:39 on 2024.03.12",
                Some(Change::Down),
            ),
            // Words of state in prose, or in a name, are no record of a change.
            ("Problem has been resolved at 14:27:51 on 2024.03.12", None),
            ("Problem name: portal: HTTP response code is not 200", None),
            ("it is up to you to retry", None),
            ("billing-db-1  postgres:16  Up 2 minutes (healthy)", None),
            ("Still UP, no need to propagate", None),
            ("scale the deployment up to 3 replicas", None),
            ("the issue was resolved in the last release", None),
            // Both at once says nothing.
            ("[RESOLVED] web01 is DOWN", None),
        ] {
            assert_eq!(change(line), want, "{line}");
        }
    }

    #[test]
    fn a_text_recovers_where_everything_that_went_down_came_up() {
        for (text, want) in [
            // Down, then up: the last record of coming up.
            (
                "[api] [🔴 Down] timeout\n[api] [✅ Up] 200 - OK\nall green",
                Some(1),
            ),
            // Two things down; both up again, in any order.
            (
                "[a-api] [Down] x\n[b-api] [Down] y\n[b-api] [Up] ok\n[a-api] [Up] ok",
                Some(3),
            ),
            // One of two still down.
            ("[a-api] [Down] x\n[b-api] [Down] y\n[b-api] [Up] ok", None),
            // Up, then down again: the outage is the last word.
            ("[api] [Up] ok\n[api] [Down] 500", None),
            // A resolved alert's notification stands for the rest of the text.
            (
                "[RESOLVED] HighErrorRate checkout-api\nsummary: 502s from upstream\nbye",
                Some(2),
            ),
            (
                "[FIRING:1] HighErrorRate checkout-api\n[RESOLVED] HighErrorRate checkout-api\nx",
                Some(2),
            ),
            // Resolved is one alert's; another fired after it.
            (
                "[RESOLVED] HighErrorRate checkout-api\n[FIRING:1] DiskFull db-01-primary",
                None,
            ),
            // A resolved alert of another thing leaves the first down.
            (
                "[FIRING:1] HighErrorRate checkout-api\n[RESOLVED] DiskFull db-01-primary",
                None,
            ),
            // Nothing recorded.
            ("curl: (7) Failed to connect\nretrying\nok", None),
        ] {
            assert_eq!(recovered(text), want, "{text}");
        }
    }

    #[test]
    fn the_names_of_a_thing_leave_out_times_and_states() {
        assert_eq!(
            subject("traefik-1 | 2025-03-04T10:21:07Z DBG > Setting status of http://10.0.0.7:8080 to UP"),
            vec!["traefik-1", "http://10.0.0.7:8080"]
        );
        assert_eq!(subject("[api] [Up] 48000ms 200 - OK"), Vec::<String>::new());
    }
}
