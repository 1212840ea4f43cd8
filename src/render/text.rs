//! Human output: per match a header (catalog · code · name · HTTP status · class), then
//! meaning, likely cause, fix and retry advice; for a response, the evidence first.

use super::retry_advice;
#[cfg(feature = "cli")]
use super::{findings_only, Form, Said};
use crate::catalog::Entry;
#[cfg(feature = "cli")]
use crate::catalog::Registry;
#[cfg(feature = "cli")]
use crate::exit::Exit;
use crate::explain::Outcome;
use crate::explain::{Finding, Report};
use crate::lexicon::Class;
#[cfg(feature = "cli")]
use crate::mode::check::Checked;
#[cfg(feature = "cli")]
use crate::mode::follow::{Event, Follower};
use std::fmt::Write;

pub struct Style {
    pub color: bool,
    /// The terminal's width in columns, when output goes to one: lines wrap there.
    pub width: Option<usize>,
}

impl Style {
    /// One line of output; on a terminal, wrapped at its width with later lines indented by
    /// `hang` columns, so that a value stays in its column.
    fn line(&self, out: &mut String, text: &str, hang: usize) {
        super::wrap_into(out, text, self.width, hang);
    }

    fn class(&self, text: &str, class: Class) -> String {
        if self.color {
            paint::class(text, class)
        } else {
            text.to_string()
        }
    }

    fn label(&self, text: &str) -> String {
        if self.color {
            paint::dim(text)
        } else {
            text.to_string()
        }
    }
}

/// Colour by class, and dimmed labels: the command line's (the library's text is plain).
#[cfg(feature = "cli")]
mod paint {
    use crate::lexicon::Class;
    use owo_colors::OwoColorize;

    pub fn class(text: &str, class: Class) -> String {
        match class {
            Class::Success => text.green().bold().to_string(),
            Class::Client => text.yellow().bold().to_string(),
            Class::Server => text.red().bold().to_string(),
            Class::Network => text.magenta().bold().to_string(),
        }
    }

    pub fn dim(text: &str) -> String {
        text.dimmed().to_string()
    }
}

#[cfg(not(feature = "cli"))]
mod paint {
    use crate::lexicon::Class;

    pub fn class(text: &str, _: Class) -> String {
        text.to_string()
    }

    pub fn dim(text: &str) -> String {
        text.to_string()
    }
}

pub fn class_words(c: Class) -> &'static str {
    match c {
        Class::Success => "success",
        Class::Client => "client error",
        Class::Server => "server error",
        Class::Network => "network error",
    }
}

fn header(e: &Entry, class: Class) -> String {
    let mut parts = vec![e.catalog.to_string(), e.code.to_string()];
    if e.name != e.code {
        parts.push(e.name.to_string());
    }
    if let Some(p) = e.product {
        parts.push(format!("[{p}]"));
    }
    if let Some(s) = e.status {
        parts.push(format!("HTTP {s}"));
    }
    parts.push(class_words(class).to_string());
    if e.user {
        parts.push("from a user catalog".to_string());
    }
    parts.join(" · ")
}

/// Where a field's value starts: two spaces, an eight-column label, a space.
const VALUE_COLUMN: usize = 11;

fn field(out: &mut String, st: &Style, label: &str, value: &str) {
    let text = format!("  {} {value}", st.label(&format!("{label:<8}")));
    st.line(out, &text, VALUE_COLUMN);
}

/// One entry; `class` is the class of the answer it gives (a status decides it over a user
/// entry's own).
fn entry_block(
    out: &mut String,
    st: &Style,
    (e, class): (&Entry, Class),
    report: &Report,
    why: Option<&[String]>,
) {
    st.line(out, &st.class(&header(e, class), class), 2);
    field(out, st, "meaning", e.meaning);
    field(out, st, "cause", e.cause);
    field(out, st, "fix", e.fix);
    field(
        out,
        st,
        "retry",
        &retry_advice(e, report.evidence.as_ref()).describe(),
    );
    if let Some(m) = e.message {
        // The API's own words, or (where the source gives no wording) what its docs say.
        let label = if e.described { "docs say" } else { "official" };
        field(out, st, label, &format!("\"{m}\""));
    }
    // For a response, what was received matters more than what the docs say of the headers
    // and body fields that could have been: their values are shown, their documentation not.
    let response = report
        .evidence
        .as_ref()
        .filter(|_| report.kind == "response");
    for n in e.notes {
        if response.is_none() || !(n.starts_with("Header ") || n.starts_with("Body field ")) {
            field(out, st, "note", n);
        }
    }
    if let Some(to) = e.same_as {
        field(out, st, "same as", &same_as(to, report));
    }
    if let Some(url) = e.url() {
        // A user catalog's source is the user's text: escaped, as all text from outside is.
        // An address is never wrapped: broken over two lines, it could not be opened.
        let text = format!(
            "  {} {}",
            st.label(&format!("{:<8}", "docs")),
            crate::sanitize::escape(url)
        );
        out.push_str(&text);
        out.push('\n');
    }
    if let Some(ev) = response {
        let limits: Vec<String> = ev
            .headers
            .iter()
            .filter(|(n, _)| n.to_ascii_lowercase().contains("ratelimit"))
            .map(|(n, v)| {
                format!(
                    "{}: {}",
                    crate::sanitize::clean(n),
                    crate::sanitize::clean(v)
                )
            })
            .collect();
        if !limits.is_empty() {
            field(out, st, "received", &limits.join(" · "));
        }
    }
    if let Some(why) = why {
        if !why.is_empty() {
            field(out, st, "why", &why.join(" · "));
        }
    }
}

/// The entry another catalog has for the same failure (an OS error's curl exit code), with
/// its name: `curl:7 CURLE_COULDNT_CONNECT (curl's code for this failure)`.
fn same_as(to: &str, report: &Report) -> String {
    let name = report
        .findings
        .iter()
        .flat_map(|f| &f.matches)
        .map(|m| m.entry)
        .find(|e| e.qualified() == to)
        .or_else(|| crate::catalog::embedded_at(to))
        .map(|e| format!(" {}", e.name))
        .unwrap_or_default();
    let catalog = to.split_once(':').map_or(to, |(c, _)| c);
    format!("{to}{name} ({catalog}'s code for this failure)")
}

fn finding(out: &mut String, st: &Style, f: &Finding, report: &Report) {
    if let Some(s) = &f.server {
        let mut said = String::new();
        if let Some(c) = &s.code {
            said.push_str(c);
        }
        if let Some(m) = &s.message {
            if !said.is_empty() {
                said.push_str(" — ");
            }
            let _ = write!(said, "\"{m}\"");
        }
        if let Some(ctx) = &s.context {
            let _ = write!(said, " ({ctx})");
        }
        // curl and other clients report network failures themselves: no server spoke.
        let who = if s.class == Some(Class::Network) {
            "Client said:"
        } else {
            "Server said:"
        };
        st.line(out, &format!("{} {said}", st.label(who)), 2);
        for (label, value) in [
            ("detail", &s.detail),
            ("type", &s.type_uri),
            ("instance", &s.instance),
        ] {
            if let Some(v) = value {
                field(out, st, label, v);
            }
        }
        for (path, code, msg) in &s.details {
            let p = if path.is_empty() {
                String::new()
            } else {
                format!("{path}: ")
            };
            let m = match (code.is_empty(), msg.is_empty()) {
                (_, true) => String::new(),
                (true, false) => msg.clone(),
                (false, false) => format!(" — {msg}"),
            };
            st.line(out, &format!("  {p}{code}{m}"), 4);
        }
        if f.matches.is_empty()
            || f.matches[0].entry.catalog == "http"
                && s.code.as_deref() != Some(f.matches[0].entry.code)
        {
            if let Some(c) = &s.code {
                let rest = if f.matches.is_empty() {
                    "nothing more is known"
                } else {
                    "the HTTP status explains it"
                };
                st.line(
                    out,
                    &format!("  (code {c} is in none of the catalogs; {rest})"),
                    3,
                );
            }
        }
    }
    match f.matches.first() {
        None => {
            let status = report.evidence.as_ref().and_then(|e| e.status);
            let said = report.evidence.as_ref().and_then(|e| e.no_response);
            let words = match (&f.server, status) {
                // No response came back, and nothing says why.
                (None, None) if said.is_some() && f.class == Class::Network => {
                    let said = said.unwrap_or_default();
                    let how = if said == "status 000" {
                        ", as curl's %{http_code} prints it"
                    } else {
                        ""
                    };
                    format!(
                        "{}: no HTTP response came back ({said}{how}); nothing in the text \
                         says why",
                        class_words(f.class),
                    )
                }
                // Only the status was read, and no entry searched has it (`-c`).
                (None, Some(st)) => format!(
                    "{} (HTTP {st}; no entry of the catalogs searched has this status)",
                    class_words(f.class)
                ),
                _ => format!(
                    "{} (no catalog entry; the class follows from how it was reported)",
                    class_words(f.class)
                ),
            };
            st.line(out, &st.class(&words, f.class), 2);
        }
        Some(best) => {
            let class = if best.entry.user {
                f.class
            } else {
                best.entry.class
            };
            entry_block(out, st, (best.entry, class), report, Some(&best.why));
            if report.kind == "query" {
                for m in &f.matches[1..] {
                    out.push('\n');
                    entry_block(out, st, (m.entry, m.entry.class), report, None);
                }
            } else if f.matches.len() > 1 {
                // The entry of the same failure elsewhere has its own line (`same as`).
                let others: Vec<String> = f.matches[1..]
                    .iter()
                    .filter(|m| best.entry.same_as != Some(m.entry.qualified().as_str()))
                    .take(5)
                    .map(|m| format!("{} {}", m.entry.qualified(), m.entry.name))
                    .collect();
                if !others.is_empty() {
                    field(out, st, "also", &others.join(", "));
                }
            }
        }
    }
}

/// Related entries shown in text; the other forms list them all.
const RELATED_SHOWN: usize = 8;

pub fn render(outcomes: &[Outcome], st: &Style) -> String {
    let mut out = String::new();
    // Several inputs, one of them read (a file, standard input, a pasted text): each read
    // input is labelled with its name, as `head` and `tail` label files.
    let labelled = outcomes.len() > 1
        && outcomes
            .iter()
            .any(|o| matches!(o, Outcome::Report(r) if r.kind == "response"));
    for (i, o) in outcomes.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match o {
            Outcome::Unknown { .. } => {}
            Outcome::Report(r) => {
                if labelled && r.kind == "response" {
                    let name = format!("==> {} <==", r.input);
                    st.line(&mut out, &st.label(&name), 4);
                }
                report(&mut out, st, r)
            }
        }
    }
    out
}

/// A response that reports no error, in one line: `no error: HTTP 200 OK` (the status's entry
/// says nothing a person needs; `errexplain 200` explains the status itself).
fn success_line(out: &mut String, st: &Style, r: &Report) -> bool {
    let Some(ev) = &r.evidence else { return false };
    let plain = r.class == Class::Success
        && !r.findings.is_empty()
        && r.findings.iter().all(|f| {
            f.server.is_none()
                && f.matches
                    .first()
                    .is_some_and(|m| m.entry.class == Class::Success && m.entry.catalog == "http")
        });
    let Some(status) = ev.status.filter(|_| plain) else {
        return false;
    };
    let reason = ev
        .reason
        .as_deref()
        .map(|r| format!(" {r}"))
        .unwrap_or_default();
    let text = format!("no error: HTTP {status}{reason}");
    st.line(out, &st.class(&text, Class::Success), 2);
    for n in &ev.notes {
        st.line(out, &format!("{} {n}", st.label("Note:")), 2);
    }
    true
}

fn report(out: &mut String, st: &Style, r: &Report) {
    if success_line(out, st, r) {
        return;
    }
    let start = out.len();
    if let Some(ev) = &r.evidence {
        let mut parts: Vec<String> = ev.shapes.clone();
        if let Some(s) = ev.status {
            let reason = ev
                .reason
                .as_deref()
                .map(|r| format!(" {r}"))
                .unwrap_or_default();
            parts.push(format!("HTTP {s}{reason}"));
        }
        if let Some(id) = &ev.request_id {
            parts.push(format!("request id {id}"));
        }
        parts.extend(ev.no_response.map(str::to_string));
        // A line read as text has no shape, status or id: no empty `Evidence:` line.
        if !parts.is_empty() {
            let text = format!("{} {}", st.label("Evidence:"), parts.join(" · "));
            st.line(out, &text, 2);
        }
        for n in &ev.notes {
            st.line(out, &format!("{} {n}", st.label("Note:")), 2);
        }
        if ev.success_body && ev.errors.is_empty()
            || r.findings.is_empty() && r.class == Class::Success
        {
            let text = st.class("No error: the response reports success.", Class::Success);
            st.line(out, &text, 2);
        }
        if ev.errors_dropped > 0 {
            let text = format!(
                "{} {} more errors in the input are not shown",
                st.label("Note:"),
                ev.errors_dropped
            );
            st.line(out, &text, 2);
        }
    }
    for (i, f) in r.findings.iter().enumerate() {
        if i > 0 || out.len() > start {
            out.push('\n');
        }
        finding(out, st, f, r);
    }
    if !r.related.is_empty() {
        let status = r
            .findings
            .first()
            .and_then(|f| f.matches.first())
            .and_then(|m| m.entry.status);
        let head = match status {
            Some(s) => format!("Catalog errors that use HTTP {s}:"),
            None => "Catalog errors with this status:".to_string(),
        };
        out.push('\n');
        st.line(out, &st.label(&head), 2);
        let shown = &r.related[..r.related.len().min(RELATED_SHOWN)];
        // The code column is as wide as its longest code, so names line up and nothing is cut.
        let mut col = shown.iter().map(|e| e.qualified().len()).max().unwrap_or(0);
        if st.width.is_some_and(|w| col + 3 > w / 2) {
            // On a narrow terminal, columns would leave the names no room: one space instead.
            col = 0;
        }
        for e in shown {
            let text = format!("  {:<col$} {}", e.qualified(), e.name);
            st.line(out, &text, col.max(2) + 3);
        }
        if r.related.len() > RELATED_SHOWN {
            let text = format!(
                "  ... and {} more (all of them: --json, under \"related\")",
                r.related.len() - RELATED_SHOWN
            );
            st.line(out, &text, 4);
        }
    }
}

/// `--check-catalog`: a file that passes is one line, `FILE: ok, N entries`; every problem is
/// a remark of its own (a style problem as a warning).
#[cfg(feature = "cli")]
pub fn check(c: &Checked) -> Said {
    match &c.result {
        Ok((n, phrasings, style)) => {
            let note = match style.len() {
                0 => String::new(),
                k => format!(" ({k} style warnings)"),
            };
            let phrased = match phrasings {
                0 => String::new(),
                k => format!(", {k} phrasings"),
            };
            Said {
                answer: format!("{}: ok, {n} entries{phrased}{note}\n", c.file),
                remarks: style
                    .iter()
                    .map(|p| format!("warning: {}", crate::catalog::shown(p)))
                    .collect(),
            }
        }
        Err(problems) => Said {
            answer: String::new(),
            remarks: problems.iter().map(crate::catalog::shown).collect(),
        },
    }
}

/// `HH:MM:SS` (UTC) of a moment.
fn clock(t: std::time::SystemTime) -> String {
    let s = t
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        % 86_400;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// Distinct errors the summary of a stream names one by one.
const SUMMARY_SHOWN: usize = 40;

/// The form for people: explanations as text, listings as tables (`table.rs`), coloured and
/// wrapped as the style says.
#[cfg(feature = "cli")]
pub struct Text(pub Style);

#[cfg(feature = "cli")]
impl Text {
    /// The terminal's width for tables (comfy-table counts in `u16`).
    fn table_width(&self) -> Option<u16> {
        self.0.width.map(|w| u16::try_from(w).unwrap_or(u16::MAX))
    }
}

#[cfg(feature = "cli")]
impl Form for Text {
    fn outcomes(&self, outcomes: &[Outcome], _exit: Exit) -> String {
        render(outcomes, &self.0)
    }

    fn entries(&self, list: &[&'static Entry]) -> String {
        super::table::entries(list, self.0.color, self.table_width())
    }

    fn catalogs(&self, reg: &Registry) -> String {
        super::table::catalogs(reg, self.0.color, self.table_width())
    }

    fn check(&self, checked: &Checked) -> Said {
        check(checked)
    }

    /// A new error under a rule that gives its line; a repeat as one line with its count.
    fn event(&self, e: &Event) -> String {
        match e {
            Event::New { line, report, .. } => {
                let body = render(&findings_only(report, report.input.clone()), &self.0);
                format!("── line {line} ──\n{body}\n")
            }
            Event::Repeat { seen, line } => format!(
                "{} ×{} (last {} UTC, line {line})\n",
                seen.key,
                seen.count,
                clock(seen.last_seen)
            ),
        }
    }

    /// Each distinct error with its count and class; nothing for a stream without errors.
    fn summary(&self, f: &Follower) -> String {
        if f.errors.is_empty() {
            return String::new();
        }
        let mut s = format!(
            "Summary: {} distinct errors in {} lines\n",
            f.errors.len(),
            f.line
        );
        for e in f.errors.iter().take(SUMMARY_SHOWN) {
            let _ = writeln!(
                s,
                "  {:<40} ×{:<6} {}",
                e.key,
                e.count,
                class_words(e.class)
            );
        }
        if f.errors.len() > SUMMARY_SHOWN || f.others > 0 {
            let _ = writeln!(
                s,
                "  … and {} more",
                f.errors.len().saturating_sub(SUMMARY_SHOWN) as u64 + f.others
            );
        }
        s
    }

    fn failure(&self, _message: &str) -> String {
        String::new()
    }
}
