//! A code, a name or an HTTP status, as typed (`10058`, `NoSuchKey`, `r2:10012`, `HTTP 429`):
//! the catalog entries it names, best first. What no catalog knows is said on standard error,
//! with the close codes it may have meant, and becomes an `Unknown` outcome (exit 1); an
//! argument that names no code but an existing file is that file's content.

use super::{read, Outcome};
use crate::catalog::Registry;
use crate::explain::{self, Filter};
use crate::output::{quiet, warn};
use crate::query::Query;
use crate::sanitize::Untrusted;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Unknown codes of one run that get suggestions.
const MAX_SUGGESTED: usize = 200;

/// Explains one query (the catalogs `filter` allows).
pub fn lookup(reg: &Registry, filter: &Filter, q: Query) -> Outcome {
    if let Some(report) = explain::query(reg, &q, filter) {
        return Outcome::Report(Box::new(report));
    }
    // `000`, what curl's `%{http_code}` prints when no response came back, is read as it
    // would be on standard input (`errexplain "$(curl -w '%{http_code}' ...)"`).
    if q.catalog.is_none() && q.raw.expose().trim() == "000" {
        return read::text(reg, filter, q.raw.expose());
    }
    // An argument that names an existing file (and no code) is that file's content.
    let path = std::path::Path::new(q.raw.expose());
    if q.catalog.is_none() && path.is_file() {
        return read::file(reg, filter, path);
    }
    // Suggestions are for a person reading: none under -q, and only for the first few
    // hundred unknown codes of one run (100,000 arguments stay fast).
    static ASKED: AtomicUsize = AtomicUsize::new(0);
    let asked = ASKED.fetch_add(1, Ordering::Relaxed);
    let suggestions = if quiet() || asked >= MAX_SUGGESTED {
        Vec::new()
    } else {
        reg.suggest(q.raw.expose())
    };
    let hint = if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    };
    let only = filter.0;
    let scope = match (&q.catalog, only.is_empty()) {
        (Some(c), _) => format!(" in catalog {c}"),
        (None, false) => format!(" in catalog {}", only.join(", ")),
        _ => String::new(),
    };
    let message = format!(
        "unknown code {:?}{scope}{}",
        q.raw.trim().clean(),
        Untrusted::new(hint).clean()
    );
    warn(&message);
    Outcome::Unknown {
        input: q.raw.clean(),
        suggestions,
        message,
    }
}
