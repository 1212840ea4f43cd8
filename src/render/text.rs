//! Human output: per match a header (catalog · code · name · HTTP status · class), then
//! meaning, likely cause, fix and retry advice; for a response, the evidence first.

use super::{retry_advice, Outcome};
use crate::catalog::{Class, Entry};
use crate::explain::{Finding, Report};
use owo_colors::OwoColorize;
use std::fmt::Write;

pub struct Style {
    pub color: bool,
}

impl Style {
    fn class(&self, text: &str, class: Class) -> String {
        if !self.color {
            return text.to_string();
        }
        match class {
            Class::Success => text.green().bold().to_string(),
            Class::Client => text.yellow().bold().to_string(),
            Class::Server => text.red().bold().to_string(),
            Class::Network => text.magenta().bold().to_string(),
        }
    }

    fn label(&self, text: &str) -> String {
        if self.color {
            text.dimmed().to_string()
        } else {
            text.to_string()
        }
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

fn header(e: &Entry) -> String {
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
    parts.push(class_words(e.class).to_string());
    if e.user {
        parts.push("from a user catalog".to_string());
    }
    parts.join(" · ")
}

fn field(out: &mut String, st: &Style, label: &str, value: &str) {
    let _ = writeln!(out, "  {} {value}", st.label(&format!("{label:<8}")));
}

fn entry_block(out: &mut String, st: &Style, e: &Entry, report: &Report, why: Option<&[String]>) {
    let _ = writeln!(out, "{}", st.class(&header(e), e.class));
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
        field(out, st, "official", &format!("\"{m}\""));
    }
    for n in e.notes {
        field(out, st, "note", n);
    }
    if let Some(why) = why {
        if !why.is_empty() {
            field(out, st, "why", &why.join(" · "));
        }
    }
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
        let _ = writeln!(out, "{} {said}", st.label(who));
        for (path, code, msg) in &s.details {
            let p = if path.is_empty() {
                String::new()
            } else {
                format!("{path}: ")
            };
            let m = if msg.is_empty() {
                String::new()
            } else {
                format!(" — {msg}")
            };
            let _ = writeln!(out, "  {p}{code}{m}");
        }
        if f.matches.is_empty()
            || f.matches[0].entry.catalog == "http"
                && s.code.as_deref() != Some(f.matches[0].entry.code)
        {
            if let Some(c) = &s.code {
                let _ = writeln!(
                    out,
                    "  (code {c} is in none of the catalogs; {})",
                    if f.matches.is_empty() {
                        "nothing more is known"
                    } else {
                        "the HTTP status explains it"
                    }
                );
            }
        }
    }
    match f.matches.first() {
        None => {
            let words = format!(
                "{} (no catalog entry; the class follows from how it was reported)",
                class_words(f.class)
            );
            let _ = writeln!(out, "{}", st.class(&words, f.class));
        }
        Some(best) => {
            entry_block(out, st, best.entry, report, Some(&best.why));
            if report.kind == "query" {
                for m in &f.matches[1..] {
                    out.push('\n');
                    entry_block(out, st, m.entry, report, None);
                }
            } else if f.matches.len() > 1 {
                let others: Vec<String> = f.matches[1..]
                    .iter()
                    .take(5)
                    .map(|m| format!("{} {}", m.entry.qualified(), m.entry.name))
                    .collect();
                field(out, st, "also", &others.join(", "));
            }
        }
    }
}

/// Related entries shown in text; the other forms list them all.
const RELATED_SHOWN: usize = 8;

pub fn render(outcomes: &[Outcome], st: &Style) -> String {
    let mut out = String::new();
    for (i, o) in outcomes.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match o {
            Outcome::Unknown { .. } => {}
            Outcome::Report(r) => report(&mut out, st, r),
        }
    }
    out
}

fn report(out: &mut String, st: &Style, r: &Report) {
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
        let _ = writeln!(out, "{} {}", st.label("Evidence:"), parts.join(" · "));
        for n in &ev.notes {
            let _ = writeln!(out, "{} {n}", st.label("Note:"));
        }
        if ev.success_body && ev.errors.is_empty()
            || r.findings.is_empty() && r.class == Class::Success
        {
            let _ = writeln!(
                out,
                "{}",
                st.class("No error: the response reports success.", Class::Success)
            );
        }
        if ev.errors_dropped > 0 {
            let _ = writeln!(
                out,
                "{} {} more errors in the input are not shown",
                st.label("Note:"),
                ev.errors_dropped
            );
        }
    }
    for (i, f) in r.findings.iter().enumerate() {
        if i > 0 || r.evidence.is_some() {
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
        let _ = writeln!(out, "\n{}", st.label(&head));
        for e in r.related.iter().take(RELATED_SHOWN) {
            let _ = writeln!(out, "  {:<40} {}", e.qualified(), e.name);
        }
        if r.related.len() > RELATED_SHOWN {
            let _ = writeln!(
                out,
                "  ... and {} more (all of them: --format line or --json)",
                r.related.len() - RELATED_SHOWN
            );
        }
    }
}
