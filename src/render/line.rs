//! `--format line`: one tab-separated line per match — catalog, code, name, status, class — for
//! grep, cut and awk. A missing status is `-`; tabs and newlines never appear inside a field.
//! An error in a response that no catalog knows is a line too, with catalog and name `-` and
//! the server's own code.

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
                if let (true, Some(code)) = (
                    f.matches.is_empty(),
                    f.server.as_ref().and_then(|s| s.code.as_deref()),
                ) {
                    let status = f
                        .server
                        .as_ref()
                        .and_then(|s| s.status)
                        .or(r.evidence.as_ref().and_then(|e| e.status));
                    out.push_str(&format!(
                        "-\t{}\t-\t{}\t{}\n",
                        field(code),
                        status.map_or("-".to_string(), |s| s.to_string()),
                        f.class.as_str()
                    ));
                }
            }
        }
    }
    out
}

pub fn entries(list: &[&'static Entry]) -> String {
    list.iter().map(|e| entry_line(e)).collect()
}
