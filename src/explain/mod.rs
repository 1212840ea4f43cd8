//! From queries and evidence to ranked matches.
//!
//! Ranking of one code found in several catalogs (documented in README.md):
//! 1. how the code met the entry: its code, then an alias, then its name;
//! 2. for a number from 100 to 599, the HTTP catalog first (it is a status);
//! 3. for a response, the evidence: the catalogs its shape and headers point to rank higher,
//!    an entry whose HTTP status agrees with the response's rises, one that disagrees falls,
//!    and a server message that shares words with the entry's official message rises;
//! 4. catalog order (`errexplain --catalogs`), then file order.
//!
//! How much each piece of evidence weighs is set in one table, [`weights`].

use crate::catalog::{Entry, MatchKind, Registry};
use crate::input::{Evidence, ServerError};
use crate::lexicon::Class;
use crate::query::Query;

mod response;
pub(crate) mod vocab;
pub mod weights;

pub use response::response;

/// One catalog entry that fits, with the reasons it was chosen.
#[derive(Debug, Clone)]
pub struct Match {
    pub entry: &'static Entry,
    pub score: i32,
    pub why: Vec<String>,
}

/// One error to explain: a query, or one error found in a response.
#[derive(Debug, Clone)]
pub struct Finding {
    /// What the server (or tool) said, when the finding comes from input.
    pub server: Option<ServerError>,
    pub matches: Vec<Match>,
    pub class: Class,
}

/// The explanation of one input (one query, or one response).
#[derive(Debug, Clone)]
pub struct Report {
    /// `query` or `response`.
    pub kind: &'static str,
    /// The query as typed; for a response, a short description.
    pub input: String,
    pub evidence: Option<Evidence>,
    pub findings: Vec<Finding>,
    /// Other entries that use the same HTTP status.
    pub related: Vec<&'static Entry>,
    pub class: Class,
}

/// The result of one argument (or of standard input).
pub enum Outcome {
    Report(Box<Report>),
    /// Nothing matched; the suggestions are close codes or names.
    Unknown {
        input: String,
        suggestions: Vec<String>,
        /// errexplain's own message (what stderr says), for `--json`'s `error` object.
        message: String,
    },
}

/// Restricts matches to some catalogs (`-c/--catalog`); empty means all.
pub struct Filter<'a>(pub &'a [String]);

impl Filter<'_> {
    pub fn allows(&self, e: &Entry) -> bool {
        self.0.is_empty() || self.0.iter().any(|c| crate::catalog::covers(c, e.catalog))
    }
}

pub(super) fn kind_score(k: MatchKind) -> i32 {
    match k {
        MatchKind::Code => weights::CODE,
        MatchKind::Alias => weights::ALIAS,
        MatchKind::Name => weights::NAME,
    }
}

pub(super) fn kind_word(k: MatchKind) -> &'static str {
    match k {
        MatchKind::Code => "code",
        MatchKind::Alias => "alias",
        MatchKind::Name => "name",
    }
}

/// A code, name or alias written exactly as the catalog writes it (`InternalError`, not
/// `internal_error`) ranks before one met only after forgiving case and separators.
pub(super) fn exact(e: &Entry, typed: &str) -> i32 {
    let typed = typed.trim();
    if e.code == typed || e.name == typed || e.aliases.contains(&typed) {
        weights::EXACT
    } else {
        0
    }
}

/// The code of a `catalog:code` query, as typed.
fn code_part(raw: &str) -> &str {
    raw.split_once(':').map_or(raw, |(_, c)| c)
}

pub(super) fn sort(reg: &Registry, matches: &mut [Match]) {
    matches.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| reg.rank(a.entry.catalog).cmp(&reg.rank(b.entry.catalog)))
    });
}

/// Explains one query; `None` when nothing in the allowed catalogs matches.
pub fn query(reg: &Registry, q: &Query, filter: &Filter) -> Option<Report> {
    let status = q.status;
    let mut matches: Vec<Match> = reg
        .lookup(&q.key)
        .into_iter()
        .filter(|(e, _)| filter.allows(e))
        .filter(|(e, _)| {
            q.catalog
                .as_deref()
                .is_none_or(|c| crate::catalog::covers(c, e.catalog))
        })
        .map(|(e, k)| {
            let mut score = kind_score(k) + exact(e, code_part(q.raw.expose()));
            if status.is_some() && e.catalog == "http" {
                score += weights::STATUS_NUMBER;
            }
            Match {
                entry: e,
                score,
                why: vec![format!("{} {}", kind_word(k), q.raw.trim().clean())],
            }
        })
        .collect();
    if matches.is_empty() {
        return None;
    }
    sort(reg, &mut matches);
    let related = match status {
        Some(st) if q.catalog.is_none() || q.catalog.as_deref() == Some("http") => reg
            .by_status(st)
            .into_iter()
            .filter(|e| filter.allows(e))
            .filter(|e| !matches.iter().any(|m| std::ptr::eq(m.entry, *e)))
            .collect(),
        _ => Vec::new(),
    };
    let class = matches[0].entry.class;
    Some(Report {
        kind: "query",
        input: q.raw.clean(),
        evidence: None,
        findings: vec![Finding {
            server: None,
            matches,
            class,
        }],
        related,
        class,
    })
}

#[cfg(test)]
mod tests;
