//! Every output form of every outcome, and nothing else: one file per form, each a pure
//! function from outcomes to text. `text` is for people (its listings laid out as tables by
//! `table`), `json` for scripts and agents, `line` for grep, cut and awk. Each form answers
//! [`Form`], one method per kind of outcome, and is fed the same data whatever mode made it:
//! a report has one JSON shape whether a query, a file, `--run` or `--follow` produced it.
//!
//! A new form is a new file with a type that implements [`Form`], and a line in [`form`]; a
//! new kind of outcome is a new method of [`Form`], which every form must then answer.

pub mod json;
#[cfg(feature = "cli")]
pub mod line;
#[cfg(feature = "cli")]
pub mod table;
pub mod text;

#[cfg(feature = "cli")]
use crate::catalog::Registry;
use crate::catalog::{Entry, Retry};
#[cfg(feature = "cli")]
use crate::cli::Format;
#[cfg(feature = "cli")]
use crate::exit::Exit;
use crate::explain::Outcome;
use crate::explain::Report;
use crate::input::Evidence;
#[cfg(feature = "cli")]
use crate::mode::check::Checked;
#[cfg(feature = "cli")]
use crate::mode::follow::{Event, Follower};

/// What an output form makes of each kind of outcome.
#[cfg(feature = "cli")]
pub trait Form {
    /// The explanations of one run: every input of a one-shot run, or `--run`'s command;
    /// `exit` is the run's exit status.
    fn outcomes(&self, outcomes: &[Outcome], exit: Exit) -> String;
    /// `--list` and `--search`: entries of the catalogs.
    fn entries(&self, list: &[&'static Entry]) -> String;
    /// `--catalogs`: the catalogs, with their entry counts and origins.
    fn catalogs(&self, reg: &Registry) -> String;
    /// `--check-catalog`: the verdict on one file.
    fn check(&self, checked: &Checked) -> Said;
    /// `--follow`: one event of the stream, as it happens.
    fn event(&self, event: &Event) -> String;
    /// `--follow`: the summary, once the stream has ended.
    fn summary(&self, stream: &Follower) -> String;
    /// errexplain's own failure (standard error says it in words whatever the form).
    fn failure(&self, message: &str) -> String;
}

/// A form's words on an outcome that has remarks besides its answer: the answer for standard
/// output, and remarks for standard error (said as warnings: `-q` silences them).
#[cfg(feature = "cli")]
pub struct Said {
    pub answer: String,
    pub remarks: Vec<String>,
}

/// The form asked for (`--format`, or `--json`); text is coloured and wrapped as `style` says.
#[cfg(feature = "cli")]
pub fn form(format: Format, style: text::Style) -> Box<dyn Form> {
    match format {
        Format::Json => Box::new(json::Json),
        Format::Line => Box::new(line::Line),
        Format::Text => Box::new(text::Text(style)),
    }
}

/// An error of a stream as the text and line forms show it: its findings, without the
/// evidence of its record or the entries related to it (`--json` gives them).
fn findings_only(report: &Report, input: String) -> [Outcome; 1] {
    [Outcome::Report(Box::new(Report {
        kind: report.kind,
        input,
        evidence: None,
        findings: report.findings.clone(),
        related: Vec::new(),
        class: report.class,
    }))]
}

/// Retry advice for one entry, taking the response's own hints into account.
pub struct RetryAdvice {
    pub advice: &'static str,
    pub seconds: Option<f64>,
    pub source: String,
    pub global: bool,
    /// The entry is not an error at all.
    pub success: bool,
}

pub fn retry_advice(entry: &Entry, evidence: Option<&Evidence>) -> RetryAdvice {
    // A spent rate limit is the server's word that the same request works later, whatever
    // the status's entry says of it (GitHub's 403 with `x-ratelimit-remaining: 0`).
    let limited = evidence.is_some_and(|e| e.rate_limited);
    if let Some(h) = evidence.and_then(|e| e.retry.as_ref()) {
        if (entry.retry != Retry::No || limited) && entry.class != crate::lexicon::Class::Success {
            return RetryAdvice {
                advice: "after",
                seconds: Some(h.seconds),
                source: h.source.clone(),
                global: h.global,
                success: false,
            };
        }
    }
    let seconds = match entry.retry {
        Retry::After(n) => Some(f64::from(n)),
        _ => None,
    };
    if limited && entry.retry == Retry::No && entry.class != crate::lexicon::Class::Success {
        return RetryAdvice {
            advice: "backoff",
            seconds: None,
            source: "rate limit headers, none remaining".into(),
            global: false,
            success: false,
        };
    }
    RetryAdvice {
        advice: entry.retry.as_str(),
        seconds,
        source: "catalog".into(),
        global: false,
        success: entry.class == crate::lexicon::Class::Success,
    }
}

/// `7`, `1.5`, `64.57`: seconds as people write them.
pub fn secs(s: f64) -> String {
    if s.fract() == 0.0 {
        format!("{s:.0}")
    } else {
        // Two decimals, without trailing zeros or a bare point: 0.004 s is "0", 1.50 is "1.5".
        let t = format!("{s:.2}");
        t.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

impl RetryAdvice {
    pub fn describe(&self) -> String {
        match (self.advice, self.seconds) {
            ("after", Some(s)) if self.source == "catalog" => format!("after {} s", secs(s)),
            ("after", Some(s)) => {
                let scope = if self.global {
                    ", global rate limit"
                } else {
                    ""
                };
                format!("after {} s ({}{scope})", secs(s), self.source)
            }
            _ if self.success => "not needed: this is not an error".into(),
            ("now", _) => "yes, at once (transient)".into(),
            ("backoff", _) => "yes, with exponential backoff".into(),
            _ => "no: fix the cause first; the same request fails again".into(),
        }
    }
}

/// The narrowest width text is wrapped to; a narrower terminal gets overlong lines instead of
/// one word per line.
const MIN_WIDTH: usize = 20;

/// Appends `text` and a newline to `out`; with a width, wrapped at it, later lines indented
/// by `hang` columns (at most half the width). Breaks fall between words; a word longer than
/// the line (a URL, a token) is broken where it must be. Colour codes take no width.
pub fn wrap_into(out: &mut String, text: &str, width: Option<usize>, hang: usize) {
    match width {
        Some(w) if textwrap::core::display_width(text) > w.max(MIN_WIDTH) => {
            let w = w.max(MIN_WIDTH);
            let indent = " ".repeat(hang.min(w / 2));
            let options = textwrap::Options::new(w).subsequent_indent(&indent);
            for l in textwrap::wrap(text, options) {
                out.push_str(l.trim_end());
                out.push('\n');
            }
        }
        _ => {
            out.push_str(text);
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn wrapping_keeps_a_hanging_indent_and_whole_words() {
        let text = "  meaning  The bucket name is not valid: it must be 3 to 63 characters long.";
        for (width, want) in [
            (None, vec![text]),
            (Some(200), vec![text]),
            (
                Some(40),
                vec![
                    "  meaning  The bucket name is not valid:",
                    "           it must be 3 to 63 characters",
                    "           long.",
                ],
            ),
            // Below the narrowest width, lines are 20 columns and the indent half of that.
            (
                Some(5),
                vec!["  meaning  The", "          bucket", "          name is"],
            ),
        ] {
            let mut out = String::new();
            super::wrap_into(&mut out, text, width, 11);
            let lines: Vec<&str> = out.lines().collect();
            assert_eq!(&lines[..want.len()], &want[..], "{width:?}");
            if let Some(w) = width {
                assert!(
                    lines.iter().all(|l| l.chars().count() <= w.max(20)),
                    "{lines:?}"
                );
            }
        }
        // Colour codes take no width: the same breaks with and without them.
        let mut plain = String::new();
        let mut coloured = String::new();
        super::wrap_into(
            &mut plain,
            "  retry    yes, with exponential backoff",
            Some(30),
            11,
        );
        super::wrap_into(
            &mut coloured,
            "  \u{1b}[2mretry   \u{1b}[0m yes, with exponential backoff",
            Some(30),
            11,
        );
        assert_eq!(plain.lines().count(), coloured.lines().count());
        assert_eq!(plain.lines().last(), coloured.lines().last());
    }

    #[test]
    fn seconds_read_as_numbers() {
        for (s, want) in [
            (7.0, "7"),
            (1.5, "1.5"),
            (0.004, "0"),
            (64.57, "64.57"),
            (2.999, "3"),
            (0.1, "0.1"),
        ] {
            assert_eq!(super::secs(s), want, "{s}");
        }
    }
}
