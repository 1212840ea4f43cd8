//! Case-insensitive (ASCII) searches for a fixed set of words. A short text is read once,
//! trying at each byte only the words that begin with it (no automaton to build, which is what
//! a 2 KB body can afford); a long one is searched in one pass by a DFA, built on first use (a
//! fraction of a millisecond), whatever the number of words.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::OnceLock;

/// Texts longer than this are searched with the DFA.
const LONG: usize = 64 * 1024;

pub struct Words {
    patterns: fn() -> Vec<&'static str>,
    index: OnceLock<Index>,
    long: OnceLock<Option<AhoCorasick>>,
}

/// The words, lower-cased, and by their first byte: at each byte of a text only the words
/// that begin with it are tried.
struct Index {
    words: Vec<std::borrow::Cow<'static, [u8]>>,
    /// The words' numbers in order of first byte (and of number): those that begin with
    /// byte `b` are `by_first[starts[b]..starts[b + 1]]` (one list, built without an
    /// allocation per byte).
    by_first: Vec<usize>,
    starts: [usize; 257],
    /// Bit `a * 256 + b` is set when a word of two bytes or more begins with `a`, `b` (either
    /// case): most bytes of a text begin no word (a run of `k` in a key, where words begin
    /// with `k`), and are passed over at one look each.
    pairs: Box<[u64; 1024]>,
    /// Whether a word of one byte is that byte (either case).
    single: [bool; 256],
}

impl Index {
    fn new(patterns: Vec<&'static str>) -> Index {
        // Copied only where they have capitals.
        let words: Vec<std::borrow::Cow<'static, [u8]>> = patterns
            .iter()
            .map(|p| {
                if p.bytes().any(|b| b.is_ascii_uppercase()) {
                    p.as_bytes().to_ascii_lowercase().into()
                } else {
                    p.as_bytes().into()
                }
            })
            .collect();
        let mut starts = [0usize; 257];
        for w in &words {
            if let Some(&b) = w.first() {
                starts[usize::from(b) + 1] += 1;
            }
        }
        for b in 0..256 {
            starts[b + 1] += starts[b];
        }
        let mut by_first = vec![0usize; starts[256]];
        let mut next = starts;
        let mut pairs = Box::new([0u64; 1024]);
        let mut single = [false; 256];
        let cases = |b: u8| [b, b.to_ascii_uppercase()];
        for (i, w) in words.iter().enumerate() {
            if let Some(&b) = w.first() {
                by_first[next[usize::from(b)]] = i;
                next[usize::from(b)] += 1;
            }
            match **w {
                [a] => {
                    for a in cases(a) {
                        single[usize::from(a)] = true;
                    }
                }
                [a, b, ..] => {
                    for a in cases(a) {
                        for b in cases(b) {
                            let bit = usize::from(a) << 8 | usize::from(b);
                            pairs[bit / 64] |= 1 << (bit % 64);
                        }
                    }
                }
                [] => {}
            }
        }
        Index {
            words,
            by_first,
            starts,
            pairs,
            single,
        }
    }

    /// Whether some word may begin at byte `at` of `text`: its first two bytes begin a word,
    /// or its first is a word.
    #[inline]
    fn may_begin(&self, text: &[u8], at: usize) -> bool {
        let a = usize::from(text[at]);
        self.single[a]
            || at + 1 < text.len() && {
                let bit = a << 8 | usize::from(text[at + 1]);
                self.pairs[bit / 64] & (1 << (bit % 64)) != 0
            }
    }

    /// Marks the words that occur in `text` (an empty word occurs in every text); with
    /// `first`, stops at the first found.
    fn scan(&self, text: &[u8], first: bool) -> Vec<bool> {
        let mut seen: Vec<bool> = self.words.iter().map(|w| w.is_empty()).collect();
        if first && seen.contains(&true) {
            return seen;
        }
        for (at, b) in text.iter().enumerate() {
            if !self.may_begin(text, at) {
                continue;
            }
            let b = usize::from(b.to_ascii_lowercase());
            for &w in &self.by_first[self.starts[b]..self.starts[b + 1]] {
                let word = &self.words[w];
                let rest = &text[at..];
                if !seen[w]
                    && rest.len() >= word.len()
                    && rest[..word.len()].eq_ignore_ascii_case(word)
                {
                    seen[w] = true;
                    if first {
                        return seen;
                    }
                }
            }
        }
        seen
    }
}

impl Words {
    pub const fn new(patterns: fn() -> Vec<&'static str>) -> Words {
        Words {
            patterns,
            index: OnceLock::new(),
            long: OnceLock::new(),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::new((self.patterns)()))
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
            return self.index().scan(text.as_bytes(), true).contains(&true);
        }
        self.dfa().is_none_or(|ac| ac.is_match(text))
    }

    /// Which of the words occur in `text`, by their index, in one pass (all true when the
    /// automaton could not be built).
    pub fn which_in(&self, text: &str) -> Vec<bool> {
        if text.len() <= LONG {
            return self.index().scan(text.as_bytes(), false);
        }
        let n = self.index().words.len();
        let Some(ac) = self.dfa() else {
            return vec![true; n];
        };
        let mut seen = vec![false; n];
        for m in ac.find_overlapping_iter(text) {
            seen[m.pattern().as_usize()] = true;
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

    /// Words that share first bytes, overlap, repeat, are one byte long or not ASCII (and none
    /// is empty: see `an_empty_word_is_in_every_text`).
    static V: Words = Words::new(|| {
        vec![
            "Error",
            "err",
            "ror c",
            "x",
            "é!",
            "error code",
            "error",
            "ÉÉ",
        ]
    });

    fn plain(text: &str) -> Vec<bool> {
        let lower = text.to_ascii_lowercase();
        (V.patterns)()
            .iter()
            .map(|p| lower.contains(&p.to_ascii_lowercase()))
            .collect()
    }

    #[test]
    fn the_index_finds_what_a_plain_search_finds() {
        for text in [
            "",
            "e",
            "er",
            "ERROR CODE",
            "an error code: x",
            "terror",
            "rrr ror c",
            "é! at the end é!",
            "é",
            "ÉÉ and éé",
            "ERR",
            "xxxxx",
        ] {
            for pad in [0, super::LONG] {
                let text = format!("{}{text}", "-".repeat(pad));
                let want = plain(&text);
                assert_eq!(V.which_in(&text), want, "{:?}", &text[pad..]);
                assert_eq!(V.any_in(&text), want.contains(&true), "{:?}", &text[pad..]);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_index_agrees_with_a_plain_search(text in "[eErRoOcCdDx é!É-]{0,40}") {
            let want = plain(&text);
            proptest::prop_assert_eq!(V.which_in(&text), want.clone());
            proptest::prop_assert_eq!(V.any_in(&text), want.contains(&true));
        }
    }

    #[test]
    fn an_empty_word_is_in_every_text() {
        static E: Words = Words::new(|| vec!["zzz", "", "a"]);
        for pad in [0, super::LONG] {
            let text = format!("{}bcd", "-".repeat(pad));
            assert_eq!(E.which_in(&text), [false, true, false]);
            assert!(E.any_in(&text));
        }
    }
}
