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
use crate::lexicon::{normalize, Class};
use crate::query::Query;

pub(crate) mod vocab;
pub mod weights;

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

/// Restricts matches to some catalogs (`-c/--catalog`); empty means all.
pub struct Filter<'a>(pub &'a [String]);

impl Filter<'_> {
    pub fn allows(&self, e: &Entry) -> bool {
        self.0.is_empty() || self.0.iter().any(|c| crate::catalog::covers(c, e.catalog))
    }
}

fn kind_score(k: MatchKind) -> i32 {
    match k {
        MatchKind::Code => weights::CODE,
        MatchKind::Alias => weights::ALIAS,
        MatchKind::Name => weights::NAME,
    }
}

fn kind_word(k: MatchKind) -> &'static str {
    match k {
        MatchKind::Code => "code",
        MatchKind::Alias => "alias",
        MatchKind::Name => "name",
    }
}

/// A code, name or alias written exactly as the catalog writes it (`InternalError`, not
/// `internal_error`) ranks before one met only after forgiving case and separators.
fn exact(e: &Entry, typed: &str) -> i32 {
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

fn sort(reg: &Registry, matches: &mut [Match]) {
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
            let mut score = kind_score(k) + exact(e, code_part(&q.raw));
            if status.is_some() && e.catalog == "http" {
                score += weights::STATUS_NUMBER;
            }
            Match {
                entry: e,
                score,
                why: vec![format!(
                    "{} {}",
                    kind_word(k),
                    crate::sanitize::clean(q.raw.trim())
                )],
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
        input: crate::sanitize::clean(&q.raw),
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

/// Words of four letters or more, lower case.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4)
        .map(str::to_lowercase)
        .collect()
}

fn rank_error(reg: &Registry, ev: &Evidence, err: &ServerError, filter: &Filter) -> Vec<Match> {
    let Some(code) = &err.code else {
        return Vec::new();
    };
    let key = normalize(code);
    if key.is_empty() {
        return Vec::new();
    }
    let status = err.status.or(ev.status);
    // A three-digit code from 100 to 599 is a status first (as for a query).
    let status_like =
        code.len() == 3 && code.parse::<u16>().is_ok_and(|n| (100..=599).contains(&n));
    let server_words = err.message.as_deref().map(words).unwrap_or_default();
    let mut out: Vec<Match> = reg
        .lookup(&key)
        .into_iter()
        .filter(|(e, _)| filter.allows(e))
        .map(|(e, k)| {
            let mut score = kind_score(k) + exact(e, code);
            let mut why = vec![format!("{} · {} {}", err.shape, kind_word(k), code)];
            if status_like && e.catalog == "http" {
                score += weights::STATUS_NUMBER;
            }
            if err.hints.contains(&e.catalog) {
                score += weights::SHAPE_POINTS;
            }
            // An API's error is never explained by an error page's entry of the same number.
            if err.shape.contains("API") && e.product == Some("edge") {
                score += weights::EDGE_FOR_API;
            }
            for h in ev.hints.iter().filter(|h| h.catalog == e.catalog) {
                score += weights::HINT;
                why.push(h.why.clone());
            }
            match (status, e.status) {
                (Some(a), Some(b)) if a == b => {
                    score += weights::STATUS_AGREES;
                    why.push(format!("HTTP {a}"));
                }
                (Some(_), Some(_)) => score += weights::STATUS_DISAGREES,
                _ => {}
            }
            if let (false, Some(m)) = (server_words.is_empty(), e.message) {
                let official = words(m);
                let shared = server_words.iter().filter(|w| official.contains(w)).count() as i32;
                score += (shared * weights::SHARED_WORD).min(weights::SHARED_WORDS_MAX);
            }
            Match {
                entry: e,
                score,
                why,
            }
        })
        .collect();
    sort(reg, &mut out);
    out
}

/// Findings for the errors of `ev` from index `from` on.
fn explain_errors(reg: &Registry, ev: &Evidence, from: usize, filter: &Filter) -> Vec<Finding> {
    let mut out = Vec::new();
    for err in ev.errors.iter().skip(from) {
        let matches = rank_error(reg, ev, err, filter);
        let class = match matches.first() {
            Some(m) => m.entry.class,
            None => err
                .class
                .or(err.status.or(ev.status).map(Class::of_status))
                .unwrap_or(Class::Client),
        };
        // A 2xx/3xx status with an error body is still an error.
        let class = if class == Class::Success && matches.is_empty() {
            Class::Client
        } else {
            class
        };
        out.push(Finding {
            server: Some(err.clone()),
            matches,
            class,
        });
    }
    out
}

/// Explains one response.
pub fn response(
    reg: &Registry,
    input: &str,
    text: &str,
    mut ev: Evidence,
    filter: &Filter,
) -> Report {
    let mut findings: Vec<Finding> = Vec::new();
    let mut user_patterned: Vec<Finding> = Vec::new();
    // Message patterns of the built-in catalogs (workspaces symptoms) are the most specific
    // evidence there is. A user catalog's patterns count as evidence like any other: after
    // what the readers found, never deciding the exit code over it.
    let patterned = reg.by_pattern(text, ev.pass.as_ref().map(|p| p.pattern_starts));
    for e in patterned.iter().filter(|e| filter.allows(e)) {
        let into = if e.user {
            &mut user_patterned
        } else {
            &mut findings
        };
        into.push(Finding {
            server: None,
            matches: vec![Match {
                entry: e,
                score: weights::PATTERN,
                why: vec!["message text matches the entry's pattern".to_string()],
            }],
            class: e.class,
        });
    }
    let mut errors = explain_errors(reg, &ev, 0, filter);
    // The catalogs' vocabulary in free text, where nothing structured was recognised.
    let known = findings.len() + errors.iter().filter(|f| !f.matches.is_empty()).count();
    let succeeded = ev.status.is_some_and(|st| st < 400);
    if known == 0 && !ev.success_body && !succeeded {
        let before = ev.errors.len();
        // The unescaped text, as the readers made it (or made here for other evidence).
        let plain = match ev.pass.as_mut().map(|p| p.plain.take()) {
            Some(Some(plain)) => std::borrow::Cow::Owned(plain),
            Some(None) => std::borrow::Cow::Borrowed(text),
            None => crate::input::plain(text),
        };
        vocab::scan(reg, &plain, &mut ev);
        errors.extend(explain_errors(reg, &ev, before, filter));
    }
    // Weak evidence that no catalog knows says nothing.
    errors.retain(|f| !f.matches.is_empty() || f.server.as_ref().is_none_or(|s| !s.weak));
    // Errors a catalog explains come before those none knows (the first decides the exit).
    errors.sort_by_key(|f| f.matches.is_empty());
    findings.extend(errors);
    // When the codes are unknown (or there are none), the status explains.
    // The status's own entry: in a catalog the evidence points to (Discord's 429), else HTTP's.
    let hinted = |c: &str| {
        ev.hints.iter().any(|h| h.catalog == c) || ev.errors.iter().any(|e| e.hints.contains(&c))
    };
    let status_entry = ev.status.and_then(|st| {
        let mut candidates: Vec<&'static Entry> = reg
            .lookup(&st.to_string())
            .into_iter()
            .map(|(e, _)| e)
            .filter(|e| e.status == Some(st) && filter.allows(e))
            .filter(|e| e.catalog == "http" || hinted(e.catalog))
            .collect();
        candidates.sort_by_key(|e| (e.catalog == "http", reg.rank(e.catalog)));
        candidates.first().copied()
    });
    let any_match = findings.iter().any(|f| !f.matches.is_empty());
    if let Some(e) = status_entry {
        if findings.is_empty() || !any_match {
            let m = Match {
                entry: e,
                score: weights::STATUS_ENTRY,
                why: vec![format!(
                    "HTTP {} ({})",
                    e.code,
                    ev.status_from.unwrap_or("status")
                )],
            };
            // No finding has a match here: the first (if any) gets the status's entry.
            match findings.first_mut() {
                Some(f) => f.matches.push(m),
                None => findings.push(Finding {
                    server: None,
                    matches: vec![m],
                    class: e.class,
                }),
            }
        }
    }
    findings.extend(user_patterned);
    let class = if ev.success_body && ev.errors.is_empty() {
        Class::Success
    } else {
        findings.first().map(|f| f.class).unwrap_or(Class::Client)
    };
    Report {
        kind: "response",
        input: input.to_string(),
        evidence: Some(ev),
        findings,
        related: Vec::new(),
        class,
    }
}

#[cfg(test)]
mod tests;
