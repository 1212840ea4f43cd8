//! `--format line`: one tab-separated line per match for grep, cut and awk. Columns:
//! catalog, code, name, status, class, retry advice (no, now, backoff, after), seconds to
//! wait, input (the query as typed, `standard input`, or the file's name). A missing value is
//! `-`; tabs and newlines never appear inside a field. An error in a response that no catalog
//! knows is a line too, with catalog and name `-` and the server's own code (`-` where only
//! its status was read). A user catalog's entry is marked: a last column `user` (after the
//! input, or after the five of a listing).

use super::{findings_only, retry_advice, secs, Form, Said};
use crate::catalog::{Entry, Registry};
use crate::exit::Exit;
use crate::explain::Outcome;
use crate::input::Evidence;
use crate::lexicon::Class;
use crate::mode::check::Checked;
use crate::mode::follow::{Event, Follower};

fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// The five columns that describe an entry, with `class` as its class.
fn columns(e: &Entry, class: Class) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}",
        e.catalog,
        field(e.code),
        field(e.name),
        e.status.map_or("-".to_string(), |s| s.to_string()),
        class.as_str()
    )
}

/// `\tuser` for a user catalog's entry.
fn mark(e: &Entry) -> &'static str {
    if e.user {
        "\tuser"
    } else {
        ""
    }
}

/// An entry in a listing: its five columns (and the mark of a user entry).
pub fn entry_line(e: &Entry) -> String {
    format!("{}{}\n", columns(e, e.class), mark(e))
}

/// An entry as an answer: its columns (the class the answer has), then the retry advice,
/// the wait and the input (and the mark of a user entry).
fn answer_line(e: &Entry, class: Class, ev: Option<&Evidence>, input: &str) -> String {
    let r = retry_advice(e, ev);
    format!(
        "{}\t{}\t{}\t{}{}\n",
        columns(e, class),
        r.advice,
        r.seconds.map_or("-".to_string(), secs),
        field(input),
        mark(e)
    )
}

pub fn render(outcomes: &[Outcome]) -> String {
    let mut out = String::new();
    for o in outcomes {
        if let Outcome::Report(r) = o {
            for f in &r.findings {
                for (k, m) in f.matches.iter().enumerate() {
                    // The best match of a user catalog has the finding's class (which the
                    // status decides over it).
                    let class = if k == 0 && m.entry.user {
                        f.class
                    } else {
                        m.entry.class
                    };
                    out.push_str(&answer_line(m.entry, class, r.evidence.as_ref(), &r.input));
                }
                let status_only = f.server.is_none().then_some("-");
                if let (true, Some(code)) = (
                    f.matches.is_empty(),
                    f.server
                        .as_ref()
                        .and_then(|s| s.code.as_deref())
                        .or(status_only),
                ) {
                    let status = f
                        .server
                        .as_ref()
                        .and_then(|s| s.status)
                        .or(r.evidence.as_ref().and_then(|e| e.status));
                    let wait = r.evidence.as_ref().and_then(|e| e.retry.as_ref());
                    out.push_str(&format!(
                        "-\t{}\t-\t{}\t{}\t{}\t{}\t{}\n",
                        field(code),
                        status.map_or("-".to_string(), |s| s.to_string()),
                        f.class.as_str(),
                        match (wait, f.class) {
                            (Some(_), _) => "after",
                            // No answer came back, and nothing says why: worth another try.
                            (None, Class::Network) => "backoff",
                            _ => "-",
                        },
                        wait.map_or("-".to_string(), |w| secs(w.seconds)),
                        field(&r.input)
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

/// `--catalogs --format line`: id, entry count, name and source of each catalog.
pub fn catalogs(reg: &Registry) -> String {
    reg.catalogs()
        .iter()
        .map(|c| {
            format!(
                "{}\t{}\t{}\t{}\n",
                field(c.id),
                reg.count(c.id),
                field(c.name),
                field(c.source)
            )
        })
        .collect()
}

/// `--format line`: one line per match. A stream's new error gives its lines with the input
/// `line N`; repeats and the summary add none (count them with `sort | uniq -c`).
pub struct Line;

impl Form for Line {
    fn outcomes(&self, outcomes: &[Outcome], _exit: Exit) -> String {
        render(outcomes)
    }

    fn entries(&self, list: &[&'static Entry]) -> String {
        entries(list)
    }

    fn catalogs(&self, reg: &Registry) -> String {
        catalogs(reg)
    }

    /// A check has no lines of its own: it reads as text.
    fn check(&self, checked: &Checked) -> Said {
        super::text::check(checked)
    }

    fn event(&self, e: &Event) -> String {
        match e {
            Event::New { line, report, .. } => {
                render(&findings_only(report, format!("line {line}")))
            }
            Event::Repeat { .. } => String::new(),
        }
    }

    fn summary(&self, _stream: &Follower) -> String {
        String::new()
    }

    fn failure(&self, _message: &str) -> String {
        String::new()
    }
}
