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
}
