//! Case-insensitive (ASCII) searches for a fixed set of words. A short text is lower-cased once
//! and searched for each word (no automaton to build, which is what a 2 KB body can afford);
//! a long one is searched in one pass by a DFA, built on first use (a fraction of a
//! millisecond), whatever the number of words.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::OnceLock;

/// Texts longer than this are searched with the DFA.
const LONG: usize = 64 * 1024;

pub struct Words {
    patterns: fn() -> Vec<&'static str>,
    lowered: OnceLock<Vec<std::borrow::Cow<'static, str>>>,
    long: OnceLock<Option<AhoCorasick>>,
}

impl Words {
    pub const fn new(patterns: fn() -> Vec<&'static str>) -> Words {
        Words {
            patterns,
            lowered: OnceLock::new(),
            long: OnceLock::new(),
        }
    }

    /// The words in lower case (copied only where they have capitals).
    fn lowered(&self) -> &[std::borrow::Cow<'static, str>] {
        self.lowered
            .get_or_init(|| {
                (self.patterns)()
                    .into_iter()
                    .map(|p| {
                        if p.bytes().any(|b| b.is_ascii_uppercase()) {
                            std::borrow::Cow::Owned(p.to_ascii_lowercase())
                        } else {
                            std::borrow::Cow::Borrowed(p)
                        }
                    })
                    .collect()
            })
            .as_slice()
    }

    /// The DFA, for a long text.
    fn dfa(&self) -> Option<&AhoCorasick> {
        self.long
            .get_or_init(|| {
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::DFA))
                    .ascii_case_insensitive(true)
                    .build((self.patterns)())
                    .ok()
            })
            .as_ref()
    }

    /// Whether any of the words occurs in `text` (true when the automaton could not be built).
    pub fn any_in(&self, text: &str) -> bool {
        if text.len() <= LONG {
            let lower = text.to_ascii_lowercase();
            return self.lowered().iter().any(|p| lower.contains(p.as_ref()));
        }
        self.dfa().is_none_or(|ac| ac.is_match(text))
    }

    /// Which of the words occur in `text`, by their index: for a long text in one pass that
    /// stops once all have been seen (all true when the automaton could not be built).
    pub fn which_in(&self, text: &str) -> Vec<bool> {
        if text.len() <= LONG {
            let lower = text.to_ascii_lowercase();
            return self
                .lowered()
                .iter()
                .map(|p| lower.contains(p.as_ref()))
                .collect();
        }
        let n = self.lowered().len();
        let Some(ac) = self.dfa() else {
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
