//! The modes: one file for each thing errexplain can be asked to do, each a function from the
//! parsed arguments to an outcome, which `render/` then shows in the form asked for.
//!
//! - `lookup`: a code, name or HTTP status as typed;
//! - `read`: a response or a log, from a file, standard input or an argument's text;
//! - `list`: every entry, of one catalog or of all (`--list`), and the catalogs (`--catalogs`);
//! - `search`: the entries that have every word asked for (`--search`);
//! - `check`: a user catalog file held against the schema (`--check-catalog`);
//! - `run`: a command run, its output passed through, its failure explained (`--run`);
//! - `follow`: a stream read as it grows, each error explained as it comes (`--follow`);
//! - `generate`: completions, the man page, the JSON Schema, a catalog template.
//!
//! The one-shot run (queries, files and standard input, in the order given) is
//! [`explain_inputs`]: each input goes to `lookup` or to `read`. No mode prints an answer;
//! what a person must hear while one runs (a broken user catalog, an unknown code, a pipe that
//! stays open) goes to standard error through `output` as it happens.

pub mod check;
pub mod follow;
pub mod generate;
pub mod list;
pub mod lookup;
pub mod read;
pub mod run;
pub mod search;

use crate::catalog::Registry;
use crate::cli::Cli;
use crate::exit::Exit;
use crate::explain::Filter;
pub use crate::explain::Outcome;
use crate::output::warn;
use crate::query::{self, Arg};
use crate::sanitize::Untrusted;

/// The built-in catalogs and the user's. A broken user catalog is said once, as a warning,
/// and skipped.
pub fn load_catalogs() -> Registry {
    let reg = Registry::with_user_catalogs();
    // Each on one line: what a catalog file gave (its name, a key, a code) is cleaned, so
    // that no file can write a line of its own on standard error.
    for w in &reg.warnings {
        warn(&format!("warning: {}", Untrusted::new(w.as_str()).clean()));
    }
    reg
}

/// `-c ID`: each id must name a catalog (a user catalog's too).
pub fn known_catalogs(reg: &Registry, ids: &[String]) -> Result<(), String> {
    for id in ids {
        if reg.catalog(id).is_none() {
            let known: Vec<&str> = reg.catalogs().iter().map(|c| c.id).collect();
            return Err(format!(
                "unknown catalog {:?} (known: {})",
                Untrusted::new(id.as_str()).clean(),
                known.join(", ")
            ));
        }
    }
    Ok(())
}

/// What a one-shot run explains, in order: the files (`-f`), then the queries; standard input
/// once at most, where the first `-` stands, or alone when nothing is given. Standard input
/// that is a terminal is never read (it would wait for a paste no one is making).
pub fn inputs(cli: &Cli, reg: &Registry) -> Result<Vec<Arg>, String> {
    use std::io::IsTerminal;
    let mut args: Vec<Arg> = Vec::new();
    for f in &cli.files {
        if f.as_os_str() == "-" {
            if !args.contains(&Arg::Stdin) {
                args.push(Arg::Stdin);
            }
        } else {
            args.push(Arg::File(f.clone()));
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
        args.push(Arg::Stdin);
    }
    for q in &query::join_words(&cli.queries, reg) {
        if q != "-" {
            args.push(query::classify(q, reg));
        } else if !args.contains(&Arg::Stdin) {
            // Standard input can be read once; a second `-` adds nothing.
            args.push(Arg::Stdin);
        }
    }
    Ok(args)
}

/// The one-shot run: each input looked up (a code) or read (a text, a file, standard input).
/// The exit status is the most severe of them; an input nothing explains counts as a client
/// error.
pub fn explain_inputs(reg: &Registry, filter: &Filter, inputs: Vec<Arg>) -> (Vec<Outcome>, Exit) {
    let outcomes: Vec<Outcome> = inputs
        .into_iter()
        .map(|arg| match arg {
            Arg::Query(q) => lookup::lookup(reg, filter, q),
            Arg::Text(text) => read::text(reg, filter, &text),
            Arg::Stdin => read::stdin(reg, filter),
            Arg::File(path) => read::file(reg, filter, &path),
        })
        .collect();
    let exit = outcomes.iter().fold(Exit::Success, |e, o| {
        e.merge(match o {
            Outcome::Report(r) => r.class.into(),
            Outcome::Unknown { .. } => Exit::Client,
        })
    });
    (outcomes, exit)
}
