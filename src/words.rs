//! Case-insensitive searches for a fixed set of words, built on first use: an NFA for short
//! texts (it builds in microseconds, which is what a 2 KB body can afford) and a DFA for long
//! ones (it builds in a fraction of a millisecond and searches a megabyte several times faster).

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::OnceLock;

/// Texts longer than this are searched with the DFA.
const LONG: usize = 64 * 1024;

pub struct Words {
    patterns: fn() -> Vec<&'static str>,
    short: OnceLock<Option<AhoCorasick>>,
    long: OnceLock<Option<AhoCorasick>>,
}

impl Words {
    pub const fn new(patterns: fn() -> Vec<&'static str>) -> Words {
        Words {
            patterns,
            short: OnceLock::new(),
            long: OnceLock::new(),
        }
    }

    /// The automaton to search `text` with.
    pub fn for_text(&self, text: &str) -> Option<&AhoCorasick> {
        let (cell, kind) = if text.len() > LONG {
            (&self.long, AhoCorasickKind::DFA)
        } else {
            (&self.short, AhoCorasickKind::NoncontiguousNFA)
        };
        cell.get_or_init(|| {
            AhoCorasick::builder()
                .kind(Some(kind))
                .ascii_case_insensitive(true)
                .build((self.patterns)())
                .ok()
        })
        .as_ref()
    }

    /// Whether any of the words occurs in `text` (true when the automaton could not be built).
    pub fn any_in(&self, text: &str) -> bool {
        self.for_text(text).is_none_or(|ac| ac.is_match(text))
    }

    /// Which of the words occur in `text`, by their index, in one pass that stops once all
    /// have been seen (all true when the automaton could not be built).
    pub fn which_in(&self, text: &str) -> Vec<bool> {
        let n = (self.patterns)().len();
        let Some(ac) = self.for_text(text) else {
            return vec![true; n];
        };
        let mut seen = vec![false; n];
        let mut left = n;
        for m in ac.find_overlapping_iter(text) {
            let i = m.pattern().as_usize();
            if !seen[i] {
                seen[i] = true;
                left -= 1;
                if left == 0 {
                    break;
                }
            }
        }
        seen
    }
}

#[cfg(test)]
mod tests {
    use super::Words;

    static W: Words = Words::new(|| vec!["curl: (", "Error Code:", "[code: "]);

    #[test]
    fn which_words_occur_in_short_and_long_texts() {
        for pad in [0, super::LONG] {
            let filler = "x".repeat(pad);
            for (text, want) in [
                ("curl: (6) no", [true, false, false]),
                ("ERROR CODE: 5 and [code: 7]", [false, true, true]),
                ("nothing", [false, false, false]),
                (
                    "[code: 1] curl: ( error code: [code: 2]",
                    [true, true, true],
                ),
            ] {
                let text = format!("{filler}{text}");
                assert_eq!(W.which_in(&text), want, "{}", &text[pad..]);
                assert_eq!(W.any_in(&text), want.contains(&true));
            }
        }
    }
}
