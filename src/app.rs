//! The command line. Data flows one way: arguments or standard input → evidence → ranked
//! findings → rendered outcome → exit code. [`main`] parses the arguments, dispatches to the
//! mode they ask for (`mode/`), renders its outcome in the form asked for (`render/`), writes
//! it (`output`) and returns the exit status, once; `src/main.rs` only calls it.

use crate::cli::{Cli, Format};
use crate::color;
use crate::exit::Exit;
use crate::explain::Filter;
use crate::mode::{self, Outcome};
use crate::output::{self, emit, warn};
use crate::render::{self, text::Style, Form};
use crate::sanitize::Untrusted;
use clap::Parser;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};

/// Runs the command line with these arguments (the program's name first) and returns its
/// exit status.
pub fn main(all: Vec<OsString>) -> u8 {
    let (cli, command) = match parse(all) {
        Ok(parsed) => parsed,
        Err(exit) => return exit.into(),
    };
    // -q silences everything from here on, warnings included.
    output::set_quiet(cli.quiet);
    if let Some(argv) = command {
        return run(&cli, &argv);
    }
    if cli.follow {
        return follow(&cli);
    }
    match dispatch(&cli) {
        Ok(exit) => exit.into(),
        Err(message) => {
            output::said(&output::own(&message));
            if !cli.quiet {
                let _ = emit(&form(&cli, false).failure(&message));
            }
            Exit::Client.into()
        }
    }
}

/// The parsed arguments, and the command after `--run` (everything after it belongs to the
/// command, untouched, its own flags included). A usage error is said here, and is exit 1.
fn parse(all: Vec<OsString>) -> Result<(Cli, Option<Vec<OsString>>), Exit> {
    let cli = match Cli::try_parse_from(&all) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            // clap's own exit code for a usage error (2) would read as "server error".
            let code = match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => Exit::Success,
                _ => Exit::Client,
            };
            if code == Exit::Success {
                let _ = output::emit(&e.render().to_string());
            } else {
                let text = usage_error(e);
                if wants_json(&all) {
                    // `--json` is one document whatever went wrong: clap's words go to
                    // standard error as usual, and the document that carries them to
                    // standard output.
                    let message = text.lines().next().unwrap_or_default();
                    let message = message.strip_prefix("error: ").unwrap_or(message);
                    let _ = emit(&render::json::error(message));
                }
                output::said(&text);
            }
            return Err(code);
        }
    };
    let command = (!cli.run.is_empty()).then(|| cli.run.clone());
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
            output::said(&format!(
                "error: the argument '--run <CMD>...' cannot be used with {what}\n"
            ));
            return Err(Exit::Client);
        }
    }
    Ok((cli, command))
}

/// clap's message for a usage error, which quotes the arguments it is about: each quoted
/// argument is outside text, cleaned (escaped and masked, so one line) before clap lays the
/// message out, and the laid-out message cleaned again line by line.
fn usage_error(mut e: clap::Error) -> String {
    use clap::error::ContextValue;
    let quoted: Vec<_> = e.context().map(|(k, v)| (k, v.clone())).collect();
    for (kind, value) in quoted {
        let clean = |s: &str| Untrusted::new(s).clean();
        let value = match value {
            ContextValue::String(s) => ContextValue::String(clean(&s)),
            ContextValue::Strings(v) => ContextValue::Strings(v.iter().map(|s| clean(s)).collect()),
            ContextValue::StyledStr(s) => ContextValue::String(clean(&s.to_string())),
            ContextValue::StyledStrs(v) => {
                ContextValue::Strings(v.iter().map(|s| clean(&s.to_string())).collect())
            }
            other => other,
        };
        e.insert(kind, value);
    }
    Untrusted::new(e.render().to_string()).clean_lines()
}

/// `--json` or `--format json` among arguments that did not parse (those of `--run`'s command
/// are not errexplain's).
fn wants_json(all: &[OsString]) -> bool {
    let all: Vec<&OsString> = all.iter().skip(1).take_while(|a| *a != "--").collect();
    all.iter().enumerate().any(|(i, a)| {
        *a == "--json"
            || *a == "--format=json"
            || *a == "--format" && all.get(i + 1).is_some_and(|v| *v == "json")
    })
}

/// The output form asked for (`--json` is `--format json`). Text is coloured by the one
/// decision, and wrapped at the width of the terminal it goes to: standard output, or for
/// `--run` standard error.
fn form(cli: &Cli, stderr: bool) -> Box<dyn Form> {
    let format = if cli.json { Format::Json } else { cli.format };
    let color = color::use_color(cli.color, &color::Env::read())
        && (!stderr || std::io::stderr().is_terminal());
    render::form(
        format,
        Style {
            color,
            width: output::terminal_width(stderr),
        },
    )
}

/// Every mode but `--run` and `--follow`: its outcome, rendered and written at once. `Err` is
/// errexplain's own failure (exit 1).
fn dispatch(cli: &Cli) -> Result<Exit, String> {
    if let Some(kind) = cli.generate {
        emit(&mode::generate::generate(kind))?;
        return Ok(Exit::Success);
    }
    if let Some(path) = &cli.check_catalog {
        let checked = mode::check::check(path);
        let said = form(cli, false).check(&checked);
        for remark in &said.remarks {
            warn(remark);
        }
        if !cli.quiet && !said.answer.is_empty() {
            emit(&said.answer)?;
        }
        return Ok(checked.exit());
    }
    let reg = mode::load_catalogs();
    mode::known_catalogs(&reg, &cli.catalog)?;
    let filter = Filter(&cli.catalog);
    if cli.list_catalogs {
        answer(cli, |form| form.catalogs(&reg))?;
        return Ok(Exit::Success);
    }
    if let Some(which) = &cli.list {
        let list = mode::list::list(&reg, which, &filter)?;
        answer(cli, |form| form.entries(&list))?;
        return Ok(Exit::Success);
    }
    if let Some(words) = &cli.search {
        let list = mode::search::search(&reg, words, &filter);
        answer(cli, |form| form.entries(&list))?;
        return Ok(Exit::Success);
    }
    let inputs = mode::inputs(cli, &reg)?;
    let (outcomes, exit) = mode::explain_inputs(&reg, &filter, inputs);
    if !cli.quiet {
        let out = form(cli, false).outcomes(&outcomes, exit);
        // What nothing explained has been said on standard error already.
        let failed = outcomes
            .iter()
            .any(|o| matches!(o, Outcome::Unknown { .. }));
        if !(failed && out.trim().is_empty()) {
            emit(&out)?;
        }
    }
    Ok(exit)
}

/// Renders an outcome in the form asked for and writes it, unless `-q`.
fn answer(cli: &Cli, render: impl FnOnce(&dyn Form) -> String) -> Result<(), String> {
    if cli.quiet {
        return Ok(());
    }
    emit(&render(&*form(cli, false)))
}

/// `--run`: the command's output passes through; errexplain's explanation goes to stderr.
fn run(cli: &Cli, argv: &[OsString]) -> u8 {
    let reg = mode::load_catalogs();
    let ran = match mode::run::run(&reg, argv, &Filter(&cli.catalog)) {
        Ok(ran) => ran,
        Err(message) => {
            // A command that cannot be started is errexplain's own failure: with `--json`,
            // one document on standard error (where --run's report goes), else one line.
            if cli.json || cli.format == Format::Json {
                if !cli.quiet {
                    let _ = std::io::stderr().write_all(render::json::error(&message).as_bytes());
                }
            } else {
                warn(&message);
            }
            return Exit::Client.into();
        }
    };
    let (exit, note) = ran.ending();
    if let Some(n) = &note {
        warn(n);
    }
    if let Some(r) = ran.report.filter(|r| !r.findings.is_empty() && !cli.quiet) {
        let class = Exit::from(r.class);
        let text = form(cli, true).outcomes(&[Outcome::Report(Box::new(r))], class);
        output::said(&text);
    }
    exit
}

/// `--follow`: each event written as it happens (a stream is read for as long as it runs),
/// then the summary; the exit status is the worst class seen, and at least 1 when the stream
/// could not be read to its end. An output that has gone (`| head -1`) ends the follow.
fn follow(cli: &Cli) -> u8 {
    let reg = mode::load_catalogs();
    let write = |text: &str| {
        if !cli.quiet {
            let mut out = std::io::stdout();
            if out
                .write_all(output::for_locale(text).as_bytes())
                .and_then(|()| out.flush())
                .is_err()
            {
                mode::follow::output_gone();
            }
        }
    };
    // The form is made for each event: the terminal's width may change while a stream runs.
    let stream = mode::follow::follow(&reg, Filter(&cli.catalog), &mut |event| {
        write(&form(cli, false).event(&event))
    });
    write(&form(cli, false).summary(&stream.follower));
    let exit = Exit::from(stream.follower.worst);
    match stream.failed {
        Some(e) => {
            warn(&format!("standard input: cannot read it: {e}"));
            exit.merge(Exit::Client).into()
        }
        None => exit.into(),
    }
}
