//! The one colour decision, made once: `--color`, then `NO_COLOR`, `CLICOLOR_FORCE`,
//! `CLICOLOR=0`, `TERM=dumb`, then whether standard output is a terminal.

use crate::cli::ColorWhen;

/// What the environment says, gathered once so the rule is a pure function.
pub struct Env {
    pub no_color: Option<String>,
    pub clicolor_force: Option<String>,
    /// `CLICOLOR=0` turns colour off in `auto`.
    pub clicolor: Option<String>,
    pub term: Option<String>,
    pub stdout_is_terminal: bool,
}

impl Env {
    pub fn read() -> Env {
        use std::io::IsTerminal;
        Env {
            no_color: std::env::var("NO_COLOR").ok(),
            clicolor_force: std::env::var("CLICOLOR_FORCE").ok(),
            clicolor: std::env::var("CLICOLOR").ok(),
            term: std::env::var("TERM").ok(),
            stdout_is_terminal: std::io::stdout().is_terminal(),
        }
    }
}

pub fn use_color(when: ColorWhen, env: &Env) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            if env.no_color.as_deref().is_some_and(|v| !v.is_empty()) {
                false
            } else if env
                .clicolor_force
                .as_deref()
                .is_some_and(|v| !v.is_empty() && v != "0")
            {
                true
            } else if env.clicolor.as_deref() == Some("0") || env.term.as_deref() == Some("dumb") {
                false
            } else {
                env.stdout_is_terminal
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_table() {
        let e = |no: Option<&str>, force: Option<&str>, term: Option<&str>, tty: bool| Env {
            no_color: no.map(String::from),
            clicolor_force: force.map(String::from),
            clicolor: None,
            term: term.map(String::from),
            stdout_is_terminal: tty,
        };
        let table = [
            (
                ColorWhen::Always,
                e(Some("1"), None, Some("dumb"), false),
                true,
            ),
            (ColorWhen::Never, e(None, Some("1"), None, true), false),
            (ColorWhen::Auto, e(None, None, None, true), true),
            (ColorWhen::Auto, e(None, None, None, false), false),
            (ColorWhen::Auto, e(Some("1"), None, None, true), false),
            (ColorWhen::Auto, e(Some(""), None, None, true), true),
            (ColorWhen::Auto, e(None, None, Some("dumb"), true), false),
            (ColorWhen::Auto, e(None, Some("1"), None, false), true),
            (ColorWhen::Auto, e(None, Some("0"), None, false), false),
            (ColorWhen::Auto, e(Some("1"), Some("1"), None, false), false),
        ];
        for (i, (when, env, want)) in table.iter().enumerate() {
            assert_eq!(use_color(*when, env), *want, "row {i}");
        }
        // CLICOLOR=0 turns colour off in auto; any other value leaves the terminal to decide.
        let mut env = e(None, None, None, true);
        env.clicolor = Some("0".into());
        assert!(!use_color(ColorWhen::Auto, &env));
        env.clicolor = Some("1".into());
        assert!(use_color(ColorWhen::Auto, &env));
    }
}
