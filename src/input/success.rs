//! What says an operation worked: a line that reports success and says nothing failed
//! (`attempt 3/5 succeeded: 200 OK`, `BUILD SUCCESSFUL in 41s`, `Apply complete!`), and a
//! counter of failures at zero (`Errors: 0`, `0 failed`, `Failed requests: 0`,
//! `http_req_failed...: 0.00%`). The words are data (`data/phrases/words.toml`); this is
//! their grammar. A log is judged by its final outcome, so what matters is where the last of
//! these stands.

use super::Evidence;
use crate::lexicon::{FAILURE, FAILURE_COUNTS, QUIET_LEVELS, RETRIED, SUCCESS};

/// A log whose every line has a level that reports no failure says nothing failed when it
/// has at least this many lines (one such line is no log).
const QUIET_LOG: usize = 2;
/// How far into a line its level is looked for (after a timestamp and a source).
pub(super) const LEVEL_WITHIN: usize = 80;

/// Lines longer than this are not read for success (a minified body says nothing here).
const MAX_LINE: usize = 4096;

/// A word list, each entry as its tokens, and whether it may end as a prefix (`fail` in
/// `failed`; never an entry written with a space after it, `not `).
struct List(Vec<(Vec<&'static str>, bool)>);

impl List {
    fn of(words: &'static [&'static str], prefix: bool) -> List {
        List(
            words
                .iter()
                .map(|w| {
                    let tokens = crate::lexicon::tokens::token_spans(w)
                        .map(|(a, b)| &w[a..b])
                        .collect();
                    (tokens, prefix && !w.ends_with(' '))
                })
                .filter(|(t, _): &(Vec<&str>, bool)| !t.is_empty())
                .collect(),
        )
    }

    /// The longest entry of the list that occurs in `tokens` from `i`: how many tokens it
    /// has.
    fn at(&self, tokens: &[&str], i: usize) -> Option<usize> {
        self.0
            .iter()
            .filter_map(|(words, prefix)| {
                let n = words.len();
                let fits = tokens.len() >= i + n
                    && words.iter().enumerate().all(|(k, w)| {
                        let t = tokens[i + k];
                        t == *w || *prefix && k == n - 1 && t.starts_with(w)
                    });
                fits.then_some(n)
            })
            .max()
    }

    fn any(&self, tokens: &[&str]) -> bool {
        (0..tokens.len()).any(|i| self.at(tokens, i).is_some())
    }
}

fn lists() -> &'static (List, List, List, List) {
    static LISTS: std::sync::OnceLock<(List, List, List, List)> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| {
        (
            List::of(SUCCESS, false),
            List::of(FAILURE, true),
            List::of(FAILURE_COUNTS, false),
            List::of(RETRIED, false),
        )
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
        let apart = |a: usize, b: usize| {
            lower[spans[a].1..spans[b].0]
                .chars()
                .all(|c| matches!(c, ' ' | '\t' | ':' | '=' | '.'))
        };
        // `0 failed`: the number right before (and no digits or point before it).
        let before = i > 0
            && zero(i - 1)
            && apart(i - 1, i)
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

/// Records the lines of `text` that say an operation worked, and whether any line speaks of
/// trying again (`will retry`, `Attempt 1 failed`, `resuming`).
pub fn scan(text: &str, ev: &mut Evidence) {
    let (success, failure, counts, retried) = lists();
    // Lines with a quiet level and no word of failure, of lines with content.
    let (mut quiet, mut content, mut last) = (0usize, 0usize, 0usize);
    for (n, line) in text.lines().enumerate() {
        if line.len() > MAX_LINE || line.trim().is_empty() {
            continue;
        }
        content += 1;
        last = n;
        let lower = line.to_lowercase();
        let spans: Vec<(usize, usize)> = crate::lexicon::tokens::token_spans(&lower).collect();
        let tokens: Vec<&str> = spans.iter().map(|&(a, b)| &lower[a..b]).collect();
        // A counter of failures at zero says success whatever else the line says; words of
        // success count where no word of failure begins.
        let worked = success.any(&tokens);
        let failed = failure.any(&tokens);
        if zero_counter(&lower, &spans, &tokens, counts) || worked && !failed {
            ev.success_line(n);
        }
        if !ev.retried && retried.any(&tokens) {
            ev.retried = true;
        }
        let level = spans
            .iter()
            .take_while(|(a, _)| *a < LEVEL_WITHIN)
            .any(|&(a, b)| QUIET_LEVELS.contains(&&lower[a..b]));
        if level && !failed {
            quiet += 1;
        }
    }
    // A log in which every line has a level that reports no failure (`INFO`, `INF`, `DEBUG`)
    // and none says anything failed: it worked.
    if content >= QUIET_LOG && quiet == content {
        ev.success_line(last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn says(line: &str) -> bool {
        let mut ev = Evidence::default();
        scan(line, &mut ev);
        ev.last_success.is_some()
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
            ("deployment \"web\" successfully rolled out", true),
            ("======= 142 passed, 3 skipped in 12.41s =======", true),
            ("Errors:                 0", true),
            ("Failed requests:        0", true),
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
        ] {
            let mut ev = Evidence::default();
            scan(log, &mut ev);
            assert_eq!(ev.retried, want, "{log}");
        }
    }

    #[test]
    fn the_last_line_of_success_is_kept() {
        let mut ev = Evidence::default();
        scan("Errors: 0\nsomething\nBUILD SUCCESSFUL\nend", &mut ev);
        assert_eq!(ev.last_success, Some(2));
    }
}
