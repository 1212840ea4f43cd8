//! Where errexplain's words go, and how they get there. The answer goes to standard output in
//! one write, and a reader that went away (`| head -1`) is not an error; errexplain's own
//! messages go to standard error, each on a line of its own, unless `-q` silenced everything.
//! Our typographic characters fall back to ASCII where the locale cannot show UTF-8, and text
//! is wrapped at the width of the terminal it goes to.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by `-q`: nothing is printed, not even warnings; only the exit status tells.
static QUIET: AtomicBool = AtomicBool::new(false);

/// `-q`, once parsed: from here on nothing is said.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// A warning (or any remark of errexplain's own) on standard error, unless `-q`: one line
/// (wrapped on a terminal), whatever the message holds (what came from outside in it was
/// cleaned, so a line break in it is errexplain's own).
pub fn warn(message: &str) {
    if !quiet() {
        said(&own(message));
    }
}

/// A message of errexplain's own as standard error shows it: `errexplain: ` first, and on a
/// terminal wrapped at its width, later lines indented by two columns.
pub fn own(message: &str) -> String {
    let text = format!("errexplain: {message}");
    match terminal_width(true) {
        Some(w) if textwrap::core::display_width(&text) > w && w >= MIN_WIDTH => {
            let options = textwrap::Options::new(w).subsequent_indent("  ");
            let mut out = textwrap::fill(&text, options);
            out.push('\n');
            out
        }
        _ => text + "\n",
    }
}

/// Below this width, errexplain's own messages are not wrapped (one word a line helps no one).
const MIN_WIDTH: usize = 20;

/// The width assumed for a terminal whose size cannot be read and that `COLUMNS` does not
/// give: the width terminals open with.
const DEFAULT_WIDTH: usize = 80;

/// Text of errexplain's own on standard error, as the locale can show it.
pub fn said(text: &str) {
    let _ = std::io::stderr().write_all(for_locale(text).as_bytes());
}

/// Writes the answer at once; a reader that went away (`| head -1`) is not an error.
pub fn emit(text: &str) -> Result<(), String> {
    let text = for_locale(text);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}

/// The width of the terminal that standard output (or, for `--run`, standard error) is, when
/// it is one. `COLUMNS` speaks for a terminal whose size cannot be read; without it, such a
/// terminal is taken to be 80 columns wide.
pub fn terminal_width(stderr: bool) -> Option<usize> {
    use std::io::IsTerminal;
    // (Two branches: the streams are different types, and the size call takes either.)
    let size = if stderr {
        let s = std::io::stderr();
        if !s.is_terminal() {
            return None;
        }
        terminal_size::terminal_size_of(s)
    } else {
        let s = std::io::stdout();
        if !s.is_terminal() {
            return None;
        }
        terminal_size::terminal_size_of(s)
    };
    size.map(|(w, _)| usize::from(w.0))
        .filter(|&w| w > 0)
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .filter(|&w| w > 0)
        .or(Some(DEFAULT_WIDTH))
}

/// Our text as the locale can show it: unchanged in UTF-8, in ASCII otherwise.
pub fn for_locale(text: &str) -> std::borrow::Cow<'_, str> {
    if utf8_locale() {
        std::borrow::Cow::Borrowed(text)
    } else {
        ascii_fallback(text)
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
/// `·` and `—` become `-`, box drawing becomes `-` and `|`, `…` becomes `...`, `×` becomes `x`;
/// any other character beyond ASCII (only untrusted text has them) is written as an escape,
/// `\u{e9}`: a terminal that reads Latin-1 or another 8-bit set takes no byte of UTF-8 for
/// a control (0x9B, inside `ě`, is CSI there).
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
            c if c.is_ascii() => out.push(c),
            c => {
                use std::fmt::Write as _;
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_fallback_replaces_our_symbols_and_escapes_the_rest() {
        assert_eq!(
            super::ascii_fallback("r2 · 10058 — ok… ×3 ── │ naïve ě"),
            "r2 - 10058 - ok... x3 -- | na\\u{ef}ve \\u{11b}"
        );
    }
}
