//! The command line: explains API errors. Data flows one way: arguments or standard input →
//! evidence → ranked matches → rendered output → exit code. [`main`] parses, dispatches to the
//! mode asked for (`mode/`), renders its outcome and exits, once; `src/main.rs` only calls it.

use crate::cli::{Cli, Format};
use crate::exit::Exit;
use crate::explain::{self, Filter};
use crate::mode::{self, Outcome};
use crate::output::{self, emit, warn};
use crate::{catalog, color, render, sanitize};
use clap::Parser;
use std::io::{IsTerminal, Write};

/// Runs the command line with these arguments (the program's name first) and returns its
/// exit status.
pub fn main(all: Vec<std::ffi::OsString>) -> u8 {
    let (cli, command) = match parse(all) {
        Ok(parsed) => parsed,
        Err(exit) => return exit.into(),
    };
    // -q silences everything from here on, warnings included.
    output::set_quiet(cli.quiet);
    if let Some(argv) = command {
        return run_command(&cli, &argv);
    }
    if cli.follow {
        return follow(&cli);
    }
    match run(&cli) {
        Ok(exit) => exit.into(),
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "errexplain: {message}");
            if matches!(format_of(&cli), Format::Json) && !cli.quiet {
                let _ = emit(&render::json::error(&message));
            }
            Exit::Client.into()
        }
    }
}

/// The parsed arguments, and the command after `--run` (everything after it belongs to the
/// command, untouched, its own flags included). A usage error is said here, and is exit 1.
fn parse(mut all: Vec<std::ffi::OsString>) -> Result<(Cli, Option<Vec<std::ffi::OsString>>), Exit> {
    let command = all
        .iter()
        .position(|a| a == "--run")
        .map(|i| all.split_off(i).split_off(1));
    let cli = match Cli::try_parse_from(&all) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            // clap's own exit code for a usage error (2) would read as "server error".
            let code = match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => Exit::Success,
                _ => Exit::Client,
            };
            // clap echoes the offending argument: it is untrusted text like any other.
            let text = sanitize::escape_lines(&e.render().to_string());
            let _ = if code == Exit::Success {
                write!(std::io::stdout(), "{text}")
            } else {
                write!(std::io::stderr(), "{text}")
            };
            return Err(code);
        }
    };
    if command.is_some() {
        // Nothing before --run may be silently dropped: queries and other modes do not combine.
        let other = [
            (!cli.queries.is_empty(), "a query"),
            (!cli.files.is_empty(), "--file"),
            (cli.list.is_some(), "--list"),
            (cli.search.is_some(), "--search"),
            (cli.list_catalogs, "--catalogs"),
            (cli.check_catalog.is_some(), "--check-catalog"),
            (cli.follow, "--follow"),
            (cli.generate.is_some(), "--generate"),
        ];
        if let Some((_, what)) = other.iter().find(|(set, _)| *set) {
            let _ = writeln!(
                std::io::stderr(),
                "error: the argument '--run <CMD>...' cannot be used with {what}"
            );
            return Err(Exit::Client);
        }
    }
    Ok((cli, command))
}

/// `HH:MM:SS` (UTC) of a moment.
fn clock(t: std::time::SystemTime) -> String {
    let s = t
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        % 86_400;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

fn http_date(t: std::time::SystemTime) -> String {
    httpdate::fmt_http_date(t)
}

/// `--follow`: explain each error of a stream as it comes; repeats counted; a summary.
fn follow(cli: &Cli) -> u8 {
    use crate::mode::follow::Event;
    let reg = mode::catalogs();
    let json = matches!(format_of(cli), Format::Json);
    let line_format = matches!(format_of(cli), Format::Line);
    let color = color::use_color(cli.color, &color::Env::read());
    let quiet = cli.quiet;
    let mut out = std::io::stdout();
    let mut print = |s: &str| {
        if !quiet {
            let s = output::for_locale(s);
            let _ = out.write_all(s.as_bytes());
            let _ = out.flush();
        }
    };
    let mut on = |e: Event| match e {
        Event::New { seen, line, report } => {
            if line_format {
                let rows = render::line::render(&[Outcome::Report(Box::new(explain::Report {
                    kind: report.kind,
                    input: format!("line {line}"),
                    evidence: None,
                    findings: report.findings.clone(),
                    related: Vec::new(),
                    class: report.class,
                }))]);
                print(&rows);
            } else if json {
                let v = serde_json::json!({
                    "event": "error", "line": line, "key": seen.key, "class": seen.class.as_str(),
                    "count": seen.count, "first_seen": http_date(seen.first_seen),
                    "last_seen": http_date(seen.last_seen),
                    "result": render::json::report(report),
                });
                print(&format!("{v}\n"));
            } else {
                let body = render::text::render(
                    &[Outcome::Report(Box::new(explain::Report {
                        kind: report.kind,
                        input: report.input.clone(),
                        evidence: None,
                        findings: report.findings.clone(),
                        related: Vec::new(),
                        class: report.class,
                    }))],
                    &render::text::Style {
                        color,
                        width: output::terminal_width(false),
                    },
                );
                print(&format!("── line {line} ──\n{body}\n"));
            }
        }
        Event::Repeat { seen, line } => {
            if json {
                let v = serde_json::json!({
                    "event": "repeat", "line": line, "key": seen.key, "class": seen.class.as_str(),
                    "count": seen.count, "first_seen": http_date(seen.first_seen),
                    "last_seen": http_date(seen.last_seen),
                });
                print(&format!("{v}\n"));
            } else if !line_format {
                print(&format!(
                    "{} ×{} (last {} UTC, line {line})\n",
                    seen.key,
                    seen.count,
                    clock(seen.last_seen)
                ));
            }
        }
    };
    let f = mode::follow::follow(&reg, Filter(&cli.catalog), &mut on);
    // The summary: each distinct error with its count and class.
    if json {
        let errors: Vec<_> = f
            .errors
            .iter()
            .map(|s| serde_json::json!({"key": s.key, "count": s.count, "class": s.class.as_str(), "first_line": s.first_line}))
            .collect();
        let v = serde_json::json!({"event": "summary", "lines": f.line, "errors": errors, "others": f.others, "exit_code": Exit::from(f.worst).code()});
        print(&format!("{v}\n"));
    } else if !f.errors.is_empty() && !line_format {
        let mut s = format!(
            "Summary: {} distinct errors in {} lines\n",
            f.errors.len(),
            f.line
        );
        for e in f.errors.iter().take(40) {
            s.push_str(&format!(
                "  {:<40} ×{:<6} {}\n",
                e.key,
                e.count,
                render::text::class_words(e.class)
            ));
        }
        if f.errors.len() > 40 || f.others > 0 {
            s.push_str(&format!(
                "  … and {} more\n",
                f.errors.len().saturating_sub(40) as u64 + f.others
            ));
        }
        print(&s);
    }
    Exit::from(f.worst).into()
}

/// `--run`: the command's output passes through; errexplain's explanation goes to stderr.
fn run_command(cli: &Cli, argv: &[std::ffi::OsString]) -> u8 {
    let reg = mode::catalogs();
    let filter = Filter(&cli.catalog);
    let ran = match mode::run::run(&reg, argv, &filter) {
        Ok(ran) => ran,
        Err(message) => {
            if !cli.quiet {
                let _ = writeln!(std::io::stderr(), "errexplain: {message}");
            }
            return Exit::Client.into();
        }
    };
    let (exit, note) = ran.ending();
    if cli.quiet {
        return exit;
    }
    let color = color::use_color(cli.color, &color::Env::read()) && std::io::stderr().is_terminal();
    if let Some(n) = &note {
        warn(n);
    }
    if let Some(r) = ran.report.filter(|r| !r.findings.is_empty()) {
        let class_exit = Exit::from(r.class);
        let outcomes = [Outcome::Report(Box::new(r))];
        let text = render_outcomes(cli, &outcomes, class_exit, color, true);
        let _ = std::io::stderr().write_all(output::for_locale(&text).as_bytes());
    }
    exit
}

fn format_of(cli: &Cli) -> Format {
    if cli.json {
        Format::Json
    } else {
        cli.format
    }
}

/// The terminal's width for tables (comfy-table counts in `u16`).
fn table_width() -> Option<u16> {
    output::terminal_width(false).map(|w| u16::try_from(w).unwrap_or(u16::MAX))
}

/// One run's results in the output form asked for; text wraps at the width of the terminal
/// that standard output (or, for `--run`, standard error) is.
fn render_outcomes(
    cli: &Cli,
    outcomes: &[Outcome],
    exit: Exit,
    color: bool,
    stderr: bool,
) -> String {
    match format_of(cli) {
        Format::Json => render::json::render(outcomes, exit),
        Format::Line => render::line::render(outcomes),
        Format::Text => render::text::render(
            outcomes,
            &render::text::Style {
                color,
                width: output::terminal_width(stderr),
            },
        ),
    }
}

fn entries_out(cli: &Cli, color: bool, list: &[&'static catalog::Entry]) -> String {
    match format_of(cli) {
        Format::Json => render::json::entries(list),
        Format::Line => render::line::entries(list),
        Format::Text => render::table::entries(list, color, table_width()),
    }
}

fn run(cli: &Cli) -> Result<Exit, String> {
    if let Some(kind) = cli.generate {
        emit(&mode::generate::generate(kind))?;
        return Ok(Exit::Success);
    }
    if let Some(path) = &cli.check_catalog {
        let checked = mode::check::check(path);
        let name = &checked.file;
        let exit = checked.exit();
        if matches!(format_of(cli), Format::Json) {
            let problem = |p: &catalog::schema::Problem, severity: &str| {
                serde_json::json!({
                    "severity": severity,
                    "entry": p.entry.as_deref().map(sanitize::clean),
                    "field": sanitize::clean(&p.field),
                    "message": sanitize::clean(&p.message),
                })
            };
            let (ok, entries, problems) = match &checked.result {
                Ok((n, style)) => (
                    true,
                    Some(*n),
                    style
                        .iter()
                        .map(|p| problem(p, "warning"))
                        .collect::<Vec<_>>(),
                ),
                Err(errors) => (
                    false,
                    None,
                    errors.iter().map(|p| problem(p, "error")).collect(),
                ),
            };
            if !cli.quiet {
                let doc = serde_json::json!({
                    "schema_version": render::json::SCHEMA_VERSION,
                    "check": {"file": name, "ok": ok, "entries": entries, "problems": problems},
                    "exit_code": exit.code(),
                });
                emit(&(serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"))?;
            }
            return Ok(exit);
        }
        match &checked.result {
            Ok((n, style)) => {
                for p in style {
                    warn(&format!(
                        "warning: {}",
                        sanitize::clean_lines(&p.to_string())
                    ));
                }
                if !cli.quiet {
                    let note = match style.len() {
                        0 => String::new(),
                        k => format!(" ({k} style warnings)"),
                    };
                    emit(&format!("{name}: ok, {n} entries{note}\n"))?;
                }
            }
            Err(problems) => {
                for p in problems {
                    warn(&sanitize::clean_lines(&p.to_string()));
                }
            }
        }
        return Ok(exit);
    }
    let reg = mode::catalogs();
    mode::known_catalogs(&reg, &cli.catalog)?;
    let filter = Filter(&cli.catalog);
    let color = color::use_color(cli.color, &color::Env::read());

    if cli.list_catalogs {
        if !cli.quiet {
            let out = match format_of(cli) {
                Format::Json => render::json::catalogs(&reg),
                Format::Line => render::line::catalogs(&reg),
                Format::Text => render::table::catalogs(&reg, color, table_width()),
            };
            emit(&out)?;
        }
        return Ok(Exit::Success);
    }
    if let Some(which) = &cli.list {
        let list = mode::list::list(&reg, which, &filter)?;
        if !cli.quiet {
            emit(&entries_out(cli, color, &list))?;
        }
        return Ok(Exit::Success);
    }
    if let Some(words) = &cli.search {
        let list = mode::search::search(&reg, words, &filter);
        if !cli.quiet {
            emit(&entries_out(cli, color, &list))?;
        }
        return Ok(Exit::Success);
    }

    let inputs = mode::inputs(cli, &reg)?;
    let (outcomes, exit) = mode::explain_inputs(&reg, &filter, inputs);
    let failed = outcomes
        .iter()
        .any(|o| matches!(o, Outcome::Unknown { .. }));
    if !cli.quiet {
        let out = render_outcomes(cli, &outcomes, exit, color, false);
        if !(failed && out.trim().is_empty()) {
            emit(&out)?;
        }
    }
    Ok(exit)
}
