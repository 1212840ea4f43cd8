//! A response or a log to read: a file (`-f PATH`, or an argument that names one), standard
//! input, or text given as an argument. Whatever carries it, the text goes through the same
//! readers (evidence) and the same ranking (findings). What cannot be read, or holds nothing
//! errexplain knows, is said on standard error, once, and becomes an `Unknown` outcome (exit 1).

use super::Outcome;
use crate::catalog::Registry;
use crate::explain::{self, Filter};
use crate::input::{self, Raw, ReadError};
use crate::lexicon::Class;
use crate::output::warn;
use crate::prefilter::Prefilter;
use crate::query;
use crate::sanitize::Untrusted;

/// How long a pipe may stay open without an end before errexplain says it is still waiting.
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(3);

/// What standard input is called in messages and in the outcome.
const STDIN: &str = "standard input";

/// Text given as an argument (one with spaces or lines in it: a pasted response).
pub fn text(reg: &Registry, filter: &Filter, text: &str) -> Outcome {
    let read = input::from_bytes(text.as_bytes(), None);
    explain(
        reg,
        filter,
        read,
        "argument text",
        "; to find entries by their words, try errexplain --search WORDS",
    )
}

/// Standard input, read to its end.
pub fn stdin(reg: &Registry, filter: &Filter) -> Outcome {
    match read_stdin() {
        Err(ReadError::Empty) => unknown(
            STDIN,
            "standard input is empty: nothing came in; to explain a failed command, include its \
                 errors: `curl -sSi URL 2>&1 | errexplain` (-S shows curl's error, 2>&1 sends it \
                 down the pipe)"
                .to_string(),
        ),
        read => explain(reg, filter, read, STDIN, ""),
    }
}

/// A file named on the command line (a regular file only).
pub fn file(reg: &Registry, filter: &Filter, path: &std::path::Path) -> Outcome {
    let label = Untrusted::path(path).clean();
    let read = input::open_file(path).and_then(input::read);
    explain(reg, filter, read, &label, "")
}

/// What nothing explains: said once on standard error, and an `Unknown` outcome.
fn unknown(label: &str, why: String) -> Outcome {
    warn(&why);
    Outcome::Unknown {
        input: label.to_string(),
        suggestions: Vec::new(),
        message: why,
    }
}

/// Reads the evidence out of what was read and ranks it; `hint` ends the message when
/// nothing is found.
fn explain(
    reg: &Registry,
    filter: &Filter,
    read: Result<Raw, ReadError>,
    label: &str,
    hint: &str,
) -> Outcome {
    let raw = match read {
        Ok(raw) => raw,
        Err(e) => return unknown(label, format!("{label}: {e}")),
    };
    // One short line that reads as a query (`429`, `HTTP 503`, `NoSuchKey`) is answered as
    // the same words given as an argument would be: `curl -w '%{http_code}' | errexplain`.
    // (A status line is the start of a response: it is read as one.)
    let line = raw.text.trim();
    let one_line = !line.contains('\n') && line.len() <= query::MAX_CODE;
    // A status typed with words that say more (`403 Missing Permissions`) is read as a
    // response with that status.
    let typed = one_line
        .then(|| query::status_with_words(line, reg))
        .flatten();
    if one_line && !line.starts_with("HTTP/") {
        if let query::Arg::Query(q) = query::classify(line, reg) {
            if let Some(mut report) = explain::query(reg, &q, filter) {
                report.input = label.to_string();
                return Outcome::Report(Box::new(report));
            }
        }
    }
    // A long input where the prefilter finds nothing a reader or the phrasebook could start
    // from (and nothing that says success) has nothing to explain: it is answered so without
    // being read closely, as reading it would (a 1 MiB log costs one pass, not the readers).
    if raw.text.len() >= LONG
        && Prefilter::for_registry(reg, true).is_some_and(|p| !p.text(&raw.text))
    {
        // What the readers would still find there: a log whose every line has a quiet
        // level and says nothing failed worked.
        if let Some(last) = input::quiet_log(&raw.text) {
            let mut ev = input::Evidence::default();
            ev.success_line(last);
            if let Some(cut) = raw.cut {
                ev.notes.push(cut);
            }
            let report = explain::response(reg, label, "", ev, filter);
            return Outcome::Report(Box::new(report));
        }
        return unknown(label, nothing_found(label, hint));
    }
    let mut ev = input::analyze(&raw.text);
    if let (Some(st), None) = (typed, ev.status) {
        ev.set_status(st, "status in the text");
        ev.status_at = raw.text.find(&st.to_string());
    }
    if let Some(cut) = raw.cut {
        ev.notes.push(cut);
    }
    let report = explain::response(reg, label, &raw.text, ev, filter);
    if report.findings.is_empty() && report.class != Class::Success {
        return unknown(label, nothing_found(label, hint));
    }
    Outcome::Report(Box::new(report))
}

/// What is said of an input in which nothing was found.
fn nothing_found(label: &str, hint: &str) -> String {
    format!("no error code, HTTP status or known error message found in {label}{hint}")
}

/// Inputs at least this long are looked at by the prefilter first.
const LONG: usize = 64 * 1024;

/// Standard input that, once it has stayed open for [`PATIENCE`] without ending, says so once
/// on stderr. No thread: before each read it waits (poll) at most until the deadline.
struct PatientStdin {
    inner: std::io::Stdin,
    started: std::time::Instant,
    told: bool,
}

impl PatientStdin {
    fn tell(&mut self) {
        self.told = true;
        warn(
            "still reading standard input: it has not ended yet; errexplain explains once it \
             ends (for a log that keeps growing, use --follow)",
        );
    }
}

impl std::io::Read for PatientStdin {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if !self.told {
            match PATIENCE.checked_sub(self.started.elapsed()) {
                None => self.tell(),
                #[cfg(unix)]
                Some(left) => {
                    let mut fds = libc::pollfd {
                        fd: 0,
                        events: libc::POLLIN,
                        revents: 0,
                    };
                    let ms = left.as_millis().clamp(1, i32::MAX as u128) as libc::c_int;
                    // SAFETY: one valid pollfd for the duration of the call.
                    let ready = unsafe { libc::poll(&mut fds, 1, ms) };
                    if ready == 0 {
                        self.tell();
                    }
                }
                #[cfg(not(unix))]
                Some(_) => {}
            }
        }
        self.inner.read(buf)
    }
}

/// Reads standard input to its end; if a producer keeps it open, says so once on stderr.
fn read_stdin() -> Result<Raw, ReadError> {
    input::read(PatientStdin {
        inner: std::io::stdin(),
        started: std::time::Instant::now(),
        told: false,
    })
}
