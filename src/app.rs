//! The command line: explains API errors. Data flows one way: arguments or standard input →
//! evidence → ranked matches → rendered output → exit code. [`main`] parses, runs, reports
//! and exits, once; `src/main.rs` only calls it.

use crate::cli::{Cli, Format};
use crate::exit::Exit;
use crate::explain::{self, Filter};
use crate::render::{self, Outcome};
use crate::{catalog, color, generate, input, query, sanitize};
use clap::Parser;
use std::io::{IsTerminal, Write};

/// Runs the command line with these arguments (the program's name first) and returns its
/// exit status.
pub fn main(mut all: Vec<std::ffi::OsString>) -> u8 {
    // Everything after `--run` belongs to the command, untouched (its own flags included).
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
            return code.into();
        }
    };
    // -q silences everything from here on, warnings included.
    QUIET.store(cli.quiet, std::sync::atomic::Ordering::Relaxed);
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

/// Set by SIGINT in `--follow`: finish with the summary.
static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(unix)]
extern "C" fn on_interrupt(_: libc::c_int) {
    INTERRUPTED.store(true, std::sync::atomic::Ordering::Relaxed);
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
    use crate::follow::{self, Event, Follower};
    QUIET.store(cli.quiet, std::sync::atomic::Ordering::Relaxed);
    let reg = catalog::Registry::with_user_catalogs();
    for w in &reg.warnings {
        warn(&format!("warning: {}", sanitize::clean_lines(w)));
    }
    #[cfg(unix)]
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(
            libc::SIGINT,
            on_interrupt as *const () as libc::sighandler_t,
        );
    }
    let json = matches!(format_of(cli), Format::Json);
    let line_format = matches!(format_of(cli), Format::Line);
    let color = color::use_color(cli.color, &color::Env::read());
    let quiet = cli.quiet;
    let mut out = std::io::stdout();
    let mut print = |s: &str| {
        if !quiet {
            let s = render::for_locale(s);
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
                        width: render::terminal_width(false),
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
    let rx = follow::lines(std::io::stdin());
    let mut f = Follower::new(&reg, Filter(&cli.catalog));
    let stop = || INTERRUPTED.load(std::sync::atomic::Ordering::Relaxed);
    follow::drive(&mut f, &rx, &stop, &mut on);
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
    QUIET.store(cli.quiet, std::sync::atomic::Ordering::Relaxed);
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
        return Exit::Client.into();
    }
    let reg = catalog::Registry::with_user_catalogs();
    for w in &reg.warnings {
        warn(&format!("warning: {}", sanitize::clean_lines(w)));
    }
    let filter = Filter(&cli.catalog);
    let outcome = match crate::run::run(&reg, argv, &filter) {
        Ok(o) => o,
        Err(message) => {
            if !cli.quiet {
                let _ = writeln!(std::io::stderr(), "errexplain: {message}");
            }
            return Exit::Client.into();
        }
    };
    use crate::run::Ended;
    let (exit, note) = match (&outcome.report, outcome.ended) {
        (_, Ended::Signal(n)) => (
            128u8.saturating_add(n.clamp(0, 127) as u8),
            Some(format!("the command was killed by signal {n}")),
        ),
        (None, _) => (Exit::Success.into(), None),
        (Some(r), Ended::Status(code)) if r.findings.is_empty() => (
            Exit::Client.into(),
            Some(format!(
                "the command exited with status {code}; nothing in its output is an error errexplain knows"
            )),
        ),
        (Some(r), _) => (Exit::from(r.class).into(), None),
    };
    if cli.quiet {
        return exit;
    }
    let color = color::use_color(cli.color, &color::Env::read()) && std::io::stderr().is_terminal();
    if let Some(n) = &note {
        warn(n);
    }
    if let Some(r) = outcome.report.filter(|r| !r.findings.is_empty()) {
        let class_exit = Exit::from(r.class);
        let outcomes = [Outcome::Report(Box::new(r))];
        let text = render_outcomes(cli, &outcomes, class_exit, color, true);
        let _ = std::io::stderr().write_all(render::for_locale(&text).as_bytes());
    }
    exit
}

/// Writes everything at once; a reader that went away (`| head -1`) is not an error.
fn emit(text: &str) -> Result<(), String> {
    let text = render::for_locale(text);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}

/// Set by `-q`: nothing is printed, not even warnings; only the exit status tells.
static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn warn(message: &str) {
    if !QUIET.load(std::sync::atomic::Ordering::Relaxed) {
        let _ = writeln!(std::io::stderr(), "errexplain: {message}");
    }
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
    render::terminal_width(false).map(|w| u16::try_from(w).unwrap_or(u16::MAX))
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
                width: render::terminal_width(stderr),
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
        emit(&generate::generate(kind))?;
        return Ok(Exit::Success);
    }
    if let Some(path) = &cli.check_catalog {
        let name = sanitize::clean(&path.display().to_string());
        let checked = catalog::schema_check(path);
        if matches!(format_of(cli), Format::Json) {
            let problem = |p: &catalog::schema::Problem, severity: &str| {
                serde_json::json!({
                    "severity": severity,
                    "entry": p.entry.as_deref().map(sanitize::clean),
                    "field": sanitize::clean(&p.field),
                    "message": sanitize::clean(&p.message),
                })
            };
            let (ok, entries, problems) = match &checked {
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
            let exit = if ok { Exit::Success } else { Exit::Client };
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
        return match checked {
            Ok((n, style)) => {
                for p in &style {
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
                Ok(Exit::Success)
            }
            Err(problems) => {
                for p in &problems {
                    warn(&sanitize::clean_lines(&p.to_string()));
                }
                Ok(Exit::Client)
            }
        };
    }
    let reg = catalog::Registry::with_user_catalogs();
    for w in &reg.warnings {
        warn(&format!("warning: {}", sanitize::clean_lines(w)));
    }
    for id in &cli.catalog {
        if reg.catalog(id).is_none() {
            let known: Vec<&str> = reg.catalogs().iter().map(|c| c.id).collect();
            return Err(format!(
                "unknown catalog {:?} (known: {})",
                sanitize::escape(id),
                known.join(", ")
            ));
        }
    }
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
        let list: Vec<_> = if which.is_empty() {
            reg.entries().filter(|e| filter.allows(e)).collect()
        } else {
            let c = reg
                .catalog(which)
                .ok_or_else(|| format!("unknown catalog {:?}", sanitize::escape(which)))?;
            reg.entries().filter(|e| e.catalog == c.id).collect()
        };
        if !cli.quiet {
            emit(&entries_out(cli, color, &list))?;
        }
        return Ok(Exit::Success);
    }
    if let Some(words) = &cli.search {
        let list: Vec<_> = reg
            .search(words)
            .into_iter()
            .filter(|e| filter.allows(e))
            .collect();
        if list.is_empty() {
            warn("no entry matches every word");
        }
        if !cli.quiet && (!list.is_empty() || matches!(format_of(cli), Format::Json)) {
            emit(&entries_out(cli, color, &list))?;
        }
        return Ok(Exit::Success);
    }

    let mut args: Vec<query::Arg> = Vec::new();
    for f in &cli.files {
        if f.as_os_str() == "-" {
            if !args.contains(&query::Arg::Stdin) {
                args.push(query::Arg::Stdin);
            }
        } else {
            args.push(query::Arg::File(f.clone()));
        }
    }
    if cli.queries.is_empty() && cli.files.is_empty() {
        if std::io::stdin().is_terminal() {
            return Err(
                "no query given and standard input is a terminal; try `errexplain 404`, \
                        pipe a response in, or see --help"
                    .into(),
            );
        }
        args.push(query::Arg::Stdin);
    }
    for q in &cli.queries {
        if q != "-" {
            args.push(query::classify(q, &reg));
        } else if !args.contains(&query::Arg::Stdin) {
            // Standard input can be read once; a second `-` adds nothing.
            args.push(query::Arg::Stdin);
        }
    }

    QUIET.store(cli.quiet, std::sync::atomic::Ordering::Relaxed);
    let outcomes: Vec<Outcome> = args
        .into_iter()
        .map(|arg| explain_arg(&reg, &filter, &cli.catalog, arg))
        .collect();
    let failed = outcomes
        .iter()
        .any(|o| matches!(o, Outcome::Unknown { .. }));
    let exit = outcomes.iter().fold(Exit::Success, |e, o| {
        e.merge(match o {
            Outcome::Report(r) => r.class.into(),
            Outcome::Unknown { .. } => Exit::Client,
        })
    });
    if !cli.quiet {
        let out = render_outcomes(cli, &outcomes, exit, color, false);
        if !(failed && out.trim().is_empty()) {
            emit(&out)?;
        }
    }
    Ok(exit)
}

/// Unknown codes of one run that get suggestions.
const MAX_SUGGESTED: usize = 200;

/// How long a pipe may stay open without an end before errexplain says it is still waiting.
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(3);

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
fn read_stdin() -> Result<input::Raw, input::ReadError> {
    input::read(PatientStdin {
        inner: std::io::stdin(),
        started: std::time::Instant::now(),
        told: false,
    })
}

/// Explains one argument (or standard input). What cannot be explained is reported on
/// standard error, once, and becomes an `Unknown` outcome (exit 1).
fn explain_arg(
    reg: &catalog::Registry,
    filter: &Filter,
    only: &[String],
    arg: query::Arg,
) -> Outcome {
    let (raw, label) = match arg {
        query::Arg::Query(q) => {
            if let Some(report) = explain::query(reg, &q, filter) {
                return Outcome::Report(Box::new(report));
            }
            // An argument that names an existing file (and no code) is that file's content.
            let path = std::path::Path::new(&q.raw);
            if q.catalog.is_none() && path.is_file() {
                return explain_arg(reg, filter, only, query::Arg::File(path.to_path_buf()));
            }
            // Suggestions are for a person reading: none under -q, and only for the first few
            // hundred unknown codes of one run (100,000 arguments stay fast).
            static ASKED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let asked = ASKED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let quiet = QUIET.load(std::sync::atomic::Ordering::Relaxed);
            let suggestions = if quiet || asked >= MAX_SUGGESTED {
                Vec::new()
            } else {
                reg.suggest(&q.raw)
            };
            let hint = if suggestions.is_empty() {
                String::new()
            } else {
                format!("; did you mean {}?", suggestions.join(", "))
            };
            let scope = match (&q.catalog, only.is_empty()) {
                (Some(c), _) => format!(" in catalog {c}"),
                (None, false) => format!(" in catalog {}", only.join(", ")),
                _ => String::new(),
            };
            let message = format!(
                "unknown code {:?}{scope}{}",
                sanitize::clean(q.raw.trim()),
                sanitize::escape(&hint)
            );
            warn(&message);
            return Outcome::Unknown {
                input: sanitize::clean(&q.raw),
                suggestions,
                message,
            };
        }
        query::Arg::Text(text) => (
            input::from_bytes(text.as_bytes(), None),
            "argument text".to_string(),
        ),
        query::Arg::Stdin => (read_stdin(), "standard input".to_string()),
        query::Arg::File(path) => {
            let label = sanitize::clean(&path.display().to_string());
            let read = input::open_file(&path).and_then(input::read);
            (read, label)
        }
    };
    let label = label.as_str();
    let unknown = |why: String| {
        warn(&why);
        Outcome::Unknown {
            input: label.to_string(),
            suggestions: Vec::new(),
            message: why,
        }
    };
    let raw = match raw {
        Ok(raw) => raw,
        Err(input::ReadError::Empty) if label == "standard input" => return unknown(
            "standard input is empty: nothing came in; to explain a failed command, include its \
                 errors: `curl -sSi URL 2>&1 | errexplain` (-S shows curl's error, 2>&1 sends it \
                 down the pipe)"
                .to_string(),
        ),
        Err(e) => return unknown(format!("{label}: {e}")),
    };
    let mut ev = input::analyze(&raw.text);
    if let Some(cut) = raw.cut {
        ev.notes.push(cut);
    }
    let report = explain::response(reg, label, &raw.text, ev, filter);
    if report.findings.is_empty() && report.class != crate::lexicon::Class::Success {
        let hint = if label == "argument text" {
            "; to find entries by their words, try errexplain --search WORDS"
        } else {
            ""
        };
        return unknown(format!(
            "no error code, HTTP status or known error message found in {label}{hint}"
        ));
    }
    Outcome::Report(Box::new(report))
}
