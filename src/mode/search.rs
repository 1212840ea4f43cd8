//! `--search WORDS`: the entries in which every word occurs at the start of a word of their
//! code, name, aliases, message, meaning, cause or fix (of the catalogs `-c` allows). No hit
//! is said on standard error; it is no error (exit 0).

use crate::catalog::{Entry, Registry};
use crate::explain::Filter;
use crate::output::warn;

pub fn search(reg: &Registry, words: &[String], filter: &Filter) -> Vec<&'static Entry> {
    let list: Vec<_> = reg
        .search(words)
        .into_iter()
        .filter(|e| filter.allows(e))
        .collect();
    if list.is_empty() {
        warn("no entry matches every word");
    }
    list
}
