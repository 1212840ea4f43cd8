//! One renderer per output form, each a pure function from results to text: `text` for people,
//! `json` for scripts and agents, `line` for grep/cut/awk, `table` for listings.

pub mod json;
pub mod line;
pub mod table;
pub mod text;

use crate::catalog::{Entry, Retry};
use crate::explain::Report;
use crate::input::Evidence;

/// The result of one argument (or of standard input).
pub enum Outcome {
    Report(Box<Report>),
    /// Nothing matched; the suggestions are close codes or names.
    Unknown {
        input: String,
        suggestions: Vec<String>,
        /// errexplain's own message (what stderr says), for `--json`'s `error` object.
        message: String,
    },
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
    if let Some(h) = evidence.and_then(|e| e.retry.as_ref()) {
        if entry.retry != Retry::No && entry.class != crate::catalog::Class::Success {
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
    RetryAdvice {
        advice: entry.retry.as_str(),
        seconds,
        source: "catalog".into(),
        global: false,
        success: entry.class == crate::catalog::Class::Success,
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

/// Whether the locale can show UTF-8: the first of `LC_ALL`, `LC_CTYPE`, `LANG` that is set
/// says so; with none set, it is assumed (as every current system is).
pub fn utf8_locale() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .is_none_or(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

/// Our own typographic characters in ASCII, for a terminal whose locale is not UTF-8:
/// `·` and `—` become `-`, box drawing becomes `-` and `|`, `…` becomes `...`, `×` becomes `x`.
pub fn ascii_fallback(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '·' | '—' | '–' | '─' | '━' | '═' => out.push('-'),
            '│' | '┃' | '║' => out.push('|'),
            '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╭' | '╮' | '╰' | '╯' => {
                out.push('+')
            }
            '…' => out.push_str("..."),
            '×' => out.push('x'),
            '↳' => out.push_str("->"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_fallback_replaces_our_symbols_only() {
        assert_eq!(
            super::ascii_fallback("r2 · 10058 — ok… ×3 ── │ naïve"),
            "r2 - 10058 - ok... x3 -- | naïve"
        );
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
