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

/// The words by their first byte (lower-cased): the words beginning with byte `b` are
/// `order[start[b]..start[b + 1]]`, each with its second byte for a quick rejection.
struct Index {
    words: Vec<std::borrow::Cow<'static, [u8]>>,
    start: Vec<usize>,
    order: Vec<(u8, usize)>,
    /// Empty words, which every text contains.
    empty: Vec<usize>,
    /// A bit per pair of bytes (lower-cased) that begins a word (a one-byte word: its byte
    /// followed by anything, or by nothing, 0): most bytes of a text are passed over here.
    pairs: Vec<u64>,
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
        let mut order: Vec<(u8, u8, usize)> = words
            .iter()
            .enumerate()
            .filter_map(|(i, w)| Some((*w.first()?, w.get(1).copied().unwrap_or(0), i)))
            .collect();
        order.sort_unstable();
        let mut start = vec![0usize; 257];
        for &(b, _, _) in &order {
            start[usize::from(b) + 1] += 1;
        }
        for b in 0..256 {
            start[b + 1] += start[b];
        }
        let empty = (0..words.len()).filter(|&i| words[i].is_empty()).collect();
        let mut pairs = vec![0u64; 65536 / 64];
        let mut set = |pair: usize| pairs[pair / 64] |= 1 << (pair % 64);
        for w in &words {
            match **w {
                [] => {}
                [b] => (0..256).for_each(|second| set(usize::from(b) << 8 | second)),
                [b, second, ..] => set(usize::from(b) << 8 | usize::from(second)),
            }
        }
        Index {
            pairs,
            start,
            order: order
                .into_iter()
                .map(|(_, second, i)| (second, i))
                .collect(),
            empty,
            words,
        }
    }

    /// Marks the words that occur in `text`; stops at the first when `first` is set, or once
    /// all have been seen.
    fn scan(&self, text: &[u8], first: bool) -> Vec<bool> {
        let mut seen = vec![false; self.words.len()];
        let mut left = self.words.len();
        for &i in &self.empty {
            seen[i] = true;
            left -= 1;
        }
        if first && left < self.words.len() {
            return seen;
        }
        let lower = |at: usize| text.get(at).map_or(0, u8::to_ascii_lowercase);
        let mut next = lower(0);
        for at in 0..text.len() {
            // Each byte is lower-cased once, as the second of a pair and then the first.
            let b = usize::from(next);
            next = lower(at + 1);
            let pair = b << 8 | usize::from(next);
            if self.pairs[pair / 64] & (1 << (pair % 64)) == 0 {
                continue;
            }
            for &(second, w) in &self.order[self.start[b]..self.start[b + 1]] {
                if seen[w] || (second != next && self.words[w].len() > 1) {
                    continue;
                }
                let word = &self.words[w];
                let rest = &text[at..];
                if rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word) {
                    seen[w] = true;
                    left -= 1;
                    if first || left == 0 {
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

    /// Which of the words occur in `text`, by their index: in one pass that stops once all
    /// have been seen (all true when the automaton could not be built).
    pub fn which_in(&self, text: &str) -> Vec<bool> {
        if text.len() <= LONG {
            return self.index().scan(text.as_bytes(), false);
        }
        let n = self.index().words.len();
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

    /// Words that share first bytes, overlap, repeat, are one byte long or not ASCII.
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
}
