//! `--format line`: one tab-separated line per match — catalog, code, name, status, class — for
//! grep, cut and awk. A missing status is `-`; tabs and newlines never appear inside a field.

use super::Outcome;
use crate::catalog::Entry;

fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

pub fn entry_line(e: &Entry) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}\n",
        e.catalog,
        field(e.code),
        field(e.name),
        e.status.map_or("-".to_string(), |s| s.to_string()),
        e.class.as_str()
    )
}

pub fn render(outcomes: &[Outcome]) -> String {
    let mut out = String::new();
    for o in outcomes {
        if let Outcome::Report(r) = o {
            for f in &r.findings {
                for m in &f.matches {
                    out.push_str(&entry_line(m.entry));
                }
            }
        }
    }
    out
}

pub fn entries(list: &[&'static Entry]) -> String {
    list.iter().map(|e| entry_line(e)).collect()
}
