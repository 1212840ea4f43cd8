//! `--json`: one document for scripts and agents, described by `docs/errexplain.schema.json`.
//! `schema_version` changes only when a field changes meaning or disappears.

use super::retry_advice;
#[cfg(feature = "cli")]
use super::{Form, Said};
#[cfg(feature = "cli")]
use crate::catalog::schema::Problem;
use crate::catalog::{Entry, Registry};
use crate::exit::Exit;
use crate::explain::Outcome;
use crate::explain::{Finding, Report};
use crate::input::Evidence;
#[cfg(feature = "cli")]
use crate::mode::check::Checked;
#[cfg(feature = "cli")]
use crate::mode::follow::{Event, Follower, Seen};
#[cfg(feature = "cli")]
use crate::sanitize;
use serde_json::{json, Value};
use std::time::SystemTime;

pub const SCHEMA_VERSION: u32 = 3;

pub fn entry(e: &Entry, evidence: Option<&Evidence>) -> Value {
    let r = retry_advice(e, evidence);
    json!({
        "catalog": e.catalog,
        "code": e.code,
        "name": e.name,
        "aliases": e.aliases,
        "product": e.product,
        "status": e.status,
        "class": e.class.as_str(),
        "retry": { "advice": r.advice, "seconds": r.seconds, "source": r.source, "global": r.global },
        "message": e.message,
        "message_kind": e.message.map(|_| if e.described { "description" } else { "official" }),
        "meaning": e.meaning,
        "cause": e.cause,
        "fix": e.fix,
        "notes": e.notes,
        "source": e.source,
        "url": e.url(),
        "origin": if e.user { "user" } else { "embedded" },
    })
}

fn evidence(ev: &Evidence) -> Value {
    json!({
        "shapes": ev.shapes,
        "status": ev.status,
        "status_from": ev.status_from,
        "reason": ev.reason,
        "headers": ev.headers.iter().map(|(n, v)| json!({"name": n, "value": v})).collect::<Vec<_>>(),
        "request_id": ev.request_id,
        "retry_after_seconds": ev.retry.as_ref().map(|r| r.seconds),
        "retry_source": ev.retry.as_ref().map(|r| r.source.clone()),
        "hints": ev.hints.iter().map(|h| json!({"catalog": h.catalog, "why": h.why})).collect::<Vec<_>>(),
        "notes": ev.notes,
        "success_body": ev.success_body,
        "no_response": ev.no_response,
        "errors_not_shown": ev.errors_dropped,
    })
}

fn finding(f: &Finding, r: &Report) -> Value {
    let server = f.server.as_ref().map(|s| {
        json!({
            "code": s.code,
            "message": s.message,
            "detail": s.detail,
            "type": s.type_uri,
            "instance": s.instance,
            "shape": s.shape,
            "context": s.context,
            "status": s.status,
            "details": s.details.iter().map(|(p, c, m)| json!({"path": p, "code": c, "message": m})).collect::<Vec<_>>(),
        })
    });
    let matches: Vec<Value> = f
        .matches
        .iter()
        .map(|m| {
            let mut v = entry(m.entry, r.evidence.as_ref());
            v["score"] = json!(m.score);
            v["why"] = json!(m.why);
            v
        })
        .collect();
    json!({ "server": server, "class": f.class.as_str(), "matches": matches })
}

/// The common case in one place (`jq -r .best.fix`): the best match of the first finding of
/// the first result, or null when nothing matched.
fn best(outcomes: &[Outcome]) -> Value {
    let Some(Outcome::Report(r)) = outcomes.first() else {
        return Value::Null;
    };
    let Some((f, m)) = r
        .findings
        .first()
        .and_then(|f| Some((f, f.matches.first()?)))
    else {
        return Value::Null;
    };
    let e = m.entry;
    let advice = retry_advice(e, r.evidence.as_ref());
    // `origin` says whether a user catalog gave it; the class is the answer's (a status
    // decides it over a user entry).
    json!({
        "catalog": e.catalog,
        "code": e.code,
        "name": e.name,
        "origin": if e.user { "user" } else { "embedded" },
        "class": if e.user { f.class } else { e.class }.as_str(),
        "retry": advice.advice,
        "retry_after_seconds": advice.seconds,
        "fix": e.fix,
    })
}

/// errexplain's own failure, as a document (`--json` stays JSON).
pub fn error(message: &str) -> String {
    let doc = json!({
        "schema_version": SCHEMA_VERSION,
        "error": { "message": message },
        "exit_code": 1,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// One report as the JSON object of a `results` item.
pub fn report(r: &Report) -> Value {
    json!({
        "kind": r.kind,
        "input": r.input,
        "class": r.class.as_str(),
        "exit_code": Exit::from(r.class).code(),
        "evidence": r.evidence.as_ref().map(evidence),
        "findings": r.findings.iter().map(|f| finding(f, r)).collect::<Vec<_>>(),
        "related": r.related.iter().map(|e| json!({
            "catalog": e.catalog, "code": e.code, "name": e.name, "status": e.status, "class": e.class.as_str()
        })).collect::<Vec<_>>(),
    })
}

pub fn render(outcomes: &[Outcome], exit: Exit) -> String {
    let results: Vec<Value> = outcomes
        .iter()
        .map(|o| match o {
            Outcome::Report(r) => report(r),
            Outcome::Unknown {
                input, suggestions, ..
            } => json!({
                "kind": "unknown",
                "input": input,
                "class": "client",
                "exit_code": 1,
                "suggestions": suggestions,
                "findings": [],
                "related": [],
            }),
        })
        .collect();
    // errexplain's own failure has one place, whatever the run: the top-level `error`, for
    // the first input nothing explained (each such input is a result of kind `unknown`).
    let failure = outcomes.iter().find_map(|o| match o {
        Outcome::Unknown { input, message, .. } => {
            Some(json!({ "message": message, "input": input }))
        }
        Outcome::Report(_) => None,
    });
    let doc = json!({
        "schema_version": SCHEMA_VERSION,
        "best": best(outcomes),
        "results": results,
        "error": failure,
        "exit_code": exit.code(),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

pub fn entries(list: &[&'static Entry]) -> String {
    let doc = json!({
        "schema_version": SCHEMA_VERSION,
        "entries": list.iter().map(|e| entry(e, None)).collect::<Vec<_>>(),
        "exit_code": 0,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

pub fn catalogs(reg: &Registry) -> String {
    let doc = json!({
        "schema_version": SCHEMA_VERSION,
        "catalogs": reg.catalogs().iter().map(|c| json!({
            "id": c.id, "name": c.name, "description": c.description, "source": c.source, "url": crate::catalog::url_in(c.source),
            "entries": reg.count(c.id), "origins": c.origins, "embedded": c.embedded,
        })).collect::<Vec<_>>(),
        "exit_code": 0,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// `--check-catalog`: the verdict on one file, each problem with its severity (the style
/// problems of a file that passes are warnings).
#[cfg(feature = "cli")]
pub fn check(c: &Checked) -> String {
    let problem = |p: &Problem, severity: &str| {
        json!({
            "severity": severity,
            "entry": p.entry.as_deref().map(sanitize::clean),
            "field": sanitize::clean(&p.field),
            "message": sanitize::clean(&p.message),
        })
    };
    let (ok, entries, phrasings, problems) = match &c.result {
        Ok((n, p, style)) => (
            true,
            Some(*n),
            Some(*p),
            style
                .iter()
                .map(|p| problem(p, "warning"))
                .collect::<Vec<_>>(),
        ),
        Err(errors) => (
            false,
            None,
            None,
            errors.iter().map(|p| problem(p, "error")).collect(),
        ),
    };
    let doc = json!({
        "schema_version": SCHEMA_VERSION,
        "check": {"file": c.file, "ok": ok, "entries": entries, "phrasings": phrasings, "problems": problems},
        "exit_code": c.exit().code(),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

fn http_date(t: SystemTime) -> String {
    httpdate::fmt_http_date(t)
}

/// The fields an error's event and its repeats share.
#[cfg(feature = "cli")]
fn seen(kind: &str, seen: &Seen, line: u64) -> Value {
    json!({
        "event": kind, "line": line, "key": seen.key, "class": seen.class.as_str(),
        "count": seen.count, "first_seen": http_date(seen.first_seen),
        "last_seen": http_date(seen.last_seen),
    })
}

/// `--follow --json`: one event as one line of NDJSON. A new error carries its report in the
/// shape of a `results` item.
#[cfg(feature = "cli")]
pub fn event(e: &Event) -> String {
    let v = match e {
        Event::New {
            seen: s,
            line,
            report: r,
        } => {
            let mut v = seen("error", s, *line);
            v["result"] = report(r);
            v
        }
        Event::Repeat { seen: s, line } => seen("repeat", s, *line),
    };
    format!("{v}\n")
}

/// `--follow --json`: the summary line, each distinct error with its count and class.
#[cfg(feature = "cli")]
pub fn summary(f: &Follower) -> String {
    let errors: Vec<_> = f
        .errors
        .iter()
        .map(|s| json!({"key": s.key, "count": s.count, "class": s.class.as_str(), "first_line": s.first_line}))
        .collect();
    let v = json!({"event": "summary", "lines": f.line, "errors": errors, "others": f.others, "exit_code": Exit::from(f.worst).code()});
    format!("{v}\n")
}

/// `--json`: one document per run; one line per event for `--follow`.
#[cfg(feature = "cli")]
pub struct Json;

#[cfg(feature = "cli")]
impl Form for Json {
    fn outcomes(&self, outcomes: &[Outcome], exit: Exit) -> String {
        render(outcomes, exit)
    }

    fn entries(&self, list: &[&'static Entry]) -> String {
        entries(list)
    }

    fn catalogs(&self, reg: &Registry) -> String {
        catalogs(reg)
    }

    fn check(&self, checked: &Checked) -> Said {
        Said {
            answer: check(checked),
            remarks: Vec::new(),
        }
    }

    fn event(&self, e: &Event) -> String {
        event(e)
    }

    fn summary(&self, stream: &Follower) -> String {
        summary(stream)
    }

    fn failure(&self, message: &str) -> String {
        error(message)
    }
}

#[cfg(all(test, feature = "cli"))]
mod tests {
    use super::*;
    use crate::explain::Filter;

    #[test]
    fn a_streamed_error_has_the_shape_of_a_results_item() {
        let reg = Registry::embedded();
        let mut f = Follower::new(&reg, Filter(&[]));
        let mut lines = Vec::new();
        let mut reports = Vec::new();
        let mut on = |e: Event| {
            if let Event::New { report, .. } = &e {
                reports.push((*report).clone());
            }
            lines.push(event(&e));
        };
        f.line("curl: (7) Failed to connect to host port 443", &mut on);
        f.flush(&mut on);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert_eq!(lines[0].matches('\n').count(), 1, "one line: {}", lines[0]);
        let line: Value = serde_json::from_str(&lines[0]).expect("JSON");
        let outcomes = [Outcome::Report(Box::new(reports.remove(0)))];
        let doc: Value = serde_json::from_str(&render(&outcomes, Exit::Network)).expect("JSON");
        assert_eq!(line["event"], "error");
        assert_eq!(line["result"], doc["results"][0]);
        assert_eq!(line["result"]["findings"][0]["matches"][0]["code"], "7");
    }
}
