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

/// Whether `word` occurs in `lower` at the start of a word and, unless `prefix`, at its end.
fn has(lower: &str, word: &str, prefix: bool) -> bool {
    lower.match_indices(word).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric())
            && (prefix || word.ends_with(' ') || after.is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// Whether `lower` holds a counter of failures at zero: the counter's name, then a zero
/// after at most a run of separators (`errors: 0`, `failed=0`, `Failed requests:   0`,
/// `http_req_failed....: 0.00%`), or a zero right before it (`0 failed`, `0 errors`).
fn zero_counter(lower: &str) -> bool {
    FAILURE_COUNTS.iter().any(|name| {
        lower.match_indices(name).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let end = i + name.len();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                || lower[end..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            {
                return false;
            }
            let after = lower[end..].trim_start_matches([' ', '\t', '.', ':', '=']);
            let zero_after = after.starts_with('0')
                && !after[1..].starts_with(|c: char| c.is_ascii_digit())
                && after[1..].strip_prefix('.').is_none_or(|r| {
                    r.trim_start_matches('0').starts_with(['%', ' ']) || r.is_empty()
                });
            let head = lower[..i].trim_end_matches(' ');
            let zero_before = head.ends_with('0')
                && !head[..head.len() - 1].ends_with(|c: char| c.is_ascii_digit() || c == '.');
            zero_after || zero_before
        })
    })
}

/// Records the lines of `text` that say an operation worked.
pub fn scan(text: &str, ev: &mut Evidence) {
    for (n, line) in text.lines().enumerate() {
        if line.len() > MAX_LINE || line.trim().is_empty() {
            continue;
        }
        let lower = line.to_lowercase();
        // A counter of failures at zero says success whatever else the line says; words of
        // success count where no word of failure begins.
        let counter = zero_counter(&lower);
        let failed = FAILURE.iter().any(|w| has(&lower, w, true));
        let worked = SUCCESS.iter().any(|w| has(&lower, w, false));
        if counter || (worked && !failed) {
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
