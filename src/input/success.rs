//! What says an operation worked: a line that reports success and says nothing failed
//! (`attempt 3/5 succeeded: 200 OK`, `BUILD SUCCESSFUL in 41s`, `Apply complete!`), and a
//! counter of failures at zero (`Errors: 0`, `0 failed`, `Failed requests: 0`,
//! `http_req_failed...: 0.00%`). The words are data (`data/phrases/words.toml`); this is
//! their grammar. A log is judged by its final outcome, so what matters is where the last of
//! these stands.

use super::Evidence;
use crate::lexicon::{FAILURE, FAILURE_COUNTS, SUCCESS};

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

fn lists() -> &'static (List, List, List) {
    static LISTS: std::sync::OnceLock<(List, List, List)> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| {
        (
            List::of(SUCCESS, false),
            List::of(FAILURE, true),
            List::of(FAILURE_COUNTS, false),
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
        // `0 failed`: the number right before (and no digits or point before it).
        let before = i > 0
            && zero(i - 1)
            && !lower[..spans[i - 1].0].ends_with(|c: char| c.is_ascii_digit() || c == '.');
        // `failed: 0`, `0.00%` after, but not `0.5`.
        let after = zero(i + n) && {
            let rest = &lower[spans[i + n].1..];
            !rest.starts_with(|c: char| c.is_ascii_digit())
                && rest.strip_prefix('.').is_none_or(|r| {
                    r.trim_start_matches('0').starts_with(['%', ' ']) || r.is_empty()
                })
        };
        before || after
    })
}

/// Records the lines of `text` that say an operation worked.
pub fn scan(text: &str, ev: &mut Evidence) {
    let (success, failure, counts) = lists();
    for (n, line) in text.lines().enumerate() {
        if line.len() > MAX_LINE || line.trim().is_empty() {
            continue;
        }
        let lower = line.to_lowercase();
        let spans: Vec<(usize, usize)> = crate::lexicon::tokens::token_spans(&lower).collect();
        let tokens: Vec<&str> = spans.iter().map(|&(a, b)| &lower[a..b]).collect();
        // A counter of failures at zero says success whatever else the line says; words of
        // success count where no word of failure begins.
        let worked = success.any(&tokens);
        if zero_counter(&lower, &spans, &tokens, counts) || worked && !failure.any(&tokens) {
            ev.success_line(n);
        }
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
