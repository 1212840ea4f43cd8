//! The command-line definition, and nothing else. Completions and the man page are generated
//! from it (`--generate`).

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Parser, ValueEnum};
use std::path::PathBuf;

const EXIT_TABLE: &str = "\
Exit status:
  0  success: the input shows no error (2xx, 3xx), or a listing, search or help ran
  1  client error: the caller's mistake (4xx, bad input, auth, not found); also
     errexplain's own bad input: unknown code, unreadable input, bad options
  2  server error: the server's fault (5xx)
  3  network error: no usable HTTP answer (DNS, refused, reset, timeout, TLS)
  Several queries: the highest of their codes. One response with several errors:
  the first error the response reports decides.";

const EXAMPLES: &str = "\
Examples:
  errexplain 10058                   a numeric code, in every catalog
  errexplain NoSuchKey               a symbolic code; case and separators are forgiven
  errexplain 429                     an HTTP status and the catalog errors that use it
  errexplain r2:10012                only the R2 catalog
  curl -sSi https://host/path 2>&1 | errexplain  a whole response, curl's failures too
  errexplain response.txt                        a saved response (or -f PATH)
  errexplain --format line < response.txt | cut -f6,7   retry? after how long? (below)
  errexplain --json 10058 | jq -r .best.fix
  errexplain --search rate limit
  errexplain -q --run curl -sSi https://host/path   run it; explain its failure on stderr
  kubectl logs -f pod | errexplain --follow          explain each error as it comes

User catalogs: *.toml files in $XDG_CONFIG_HOME/errexplain/catalogs/ (~/.config/...), and
the files or directories listed in ERREXPLAIN_CATALOGS (colon-separated); start one with
errexplain --generate catalog-template.";

/// What the labelled lines of text output say, one list for `--help`, the man page and
/// README.md.
pub const OUTPUT_LABELS: &[(&str, &str)] = &[
    ("meaning", "what the error means"),
    ("cause", "why it likely happened"),
    ("fix", "what to do next"),
    ("retry", "whether and when to try again"),
    (
        "official \"...\"",
        "the message the API itself sends, word for word",
    ),
    (
        "docs say \"...\"",
        "how the docs describe the error (the API's own wording is not published)",
    ),
    ("note", "facts such as limits and retry windows"),
    (
        "same as",
        "the code another catalog gives the same failure (curl's, for an OS error)",
    ),
    ("docs", "the public page the entry's facts come from"),
    ("received", "the rate-limit headers the response carried"),
    ("why", "the evidence that chose this entry"),
    ("also", "the next best entries"),
];

/// What the help says before the labels.
pub const OUTPUT_INTRO: &str = "\
Text output: a header (catalog, code, name, HTTP status, class) for each entry, then its lines:";

/// The labels as `--help` and README.md show them (what [`AFTER_LONG_HELP`] holds, as
/// `format!` writes it).
#[cfg(test)]
fn output_help() -> String {
    let width = OUTPUT_LABELS
        .iter()
        .map(|(l, _)| l.len())
        .max()
        .unwrap_or(0);
    let lines: String = OUTPUT_LABELS
        .iter()
        .map(|(l, m)| format!("  {l:<width$}  {m}\n"))
        .collect();
    format!("{OUTPUT_INTRO}\n{lines}")
}

/// The retry recipe, one text for README.md, `--help` and the man page: the sixth and seventh
/// columns of `--format line` say whether to retry and after how many seconds, whatever the
/// exit status (a 429 is the caller's error, exit 1, and still worth retrying).
pub const RETRY_RECIPE: &str = r#"for attempt in 1 2 3 4 5; do
  response=$(curl -sSi "$url" 2>&1)
  answer=$(printf '%s\n' "$response" | errexplain --format line | head -n 1)
  advice=$(printf '%s\n' "$answer" | cut -f6)   # no, now, backoff or after
  wait=$(printf '%s\n' "$answer" | cut -f7)     # seconds to wait, with after
  case $advice in
    after)   sleep "$wait" ;;                   # the server said how long
    backoff) sleep $((2 ** attempt)) ;;
    now)     ;;
    *)       break ;;                           # success, or not worth retrying
  esac
done
printf '%s\n' "$response"
"#;

/// What the help says before the recipe.
pub const RETRY_INTRO: &str = "\
Retrying: the first line of --format line is the answer that decides; its sixth column says
whether to retry (no, now, backoff, after) and its seventh after how many seconds (- when
the server did not say). A 429 exits 1 (the caller's error) and is still worth retrying:";

#[cfg(test)]
fn retry_help() -> String {
    let recipe: String = RETRY_RECIPE.lines().map(|l| format!("  {l}\n")).collect();
    format!("{RETRY_INTRO}\n{recipe}")
}

/// `bytes[from..to]` into `out` at `at` (nothing where `out` is empty: then only the length
/// is counted); where it ends.
const fn put(out: &mut [u8], at: usize, bytes: &[u8], from: usize, to: usize) -> usize {
    if !out.is_empty() {
        let mut k = from;
        while k < to {
            out[at + k - from] = bytes[k];
            k += 1;
        }
    }
    at + to - from
}

const fn put_str(out: &mut [u8], at: usize, s: &str) -> usize {
    put(out, at, s.as_bytes(), 0, s.len())
}

/// What `--help` says after the options: the exit codes, the output's labels, the examples
/// and the retry recipe, written into `out` (or only counted, where it is empty); its length.
/// A `const fn`, so that the text is built at compile time: every run builds the command
/// line's definition, and only `--help` shows this.
const fn after_long_help(out: &mut [u8]) -> usize {
    let mut at = put_str(out, 0, EXIT_TABLE);
    at = put_str(out, at, "\n\n");
    at = put_str(out, at, OUTPUT_INTRO);
    at = put_str(out, at, "\n");
    let mut width = 0;
    let mut i = 0;
    while i < OUTPUT_LABELS.len() {
        let label = OUTPUT_LABELS[i].0;
        // (Padded by bytes, which are characters only in ASCII.)
        assert!(label.is_ascii(), "an output label is ASCII");
        if label.len() > width {
            width = label.len();
        }
        i += 1;
    }
    i = 0;
    while i < OUTPUT_LABELS.len() {
        let (label, meaning) = OUTPUT_LABELS[i];
        at = put_str(out, at, "  ");
        at = put_str(out, at, label);
        let mut pad = label.len();
        while pad < width {
            at = put_str(out, at, " ");
            pad += 1;
        }
        at = put_str(out, at, "  ");
        at = put_str(out, at, meaning);
        at = put_str(out, at, "\n");
        i += 1;
    }
    at = put_str(out, at, "\n");
    at = put_str(out, at, EXAMPLES);
    at = put_str(out, at, "\n\n");
    at = put_str(out, at, RETRY_INTRO);
    at = put_str(out, at, "\n");
    // Each line of the recipe indented by two spaces.
    let recipe = RETRY_RECIPE.as_bytes();
    let (mut start, mut k) = (0, 0);
    while k <= recipe.len() {
        if k == recipe.len() || recipe[k] == b'\n' {
            if k < recipe.len() || start < k {
                at = put_str(out, at, "  ");
                at = put(out, at, recipe, start, k);
                at = put_str(out, at, "\n");
            }
            start = k + 1;
        }
        k += 1;
    }
    at
}

const AFTER_LONG_HELP_BYTES: [u8; after_long_help(&mut [])] = {
    let mut out = [0u8; after_long_help(&mut [])];
    after_long_help(&mut out);
    out
};

/// What `--help` says after the options.
const AFTER_LONG_HELP: &str = match std::str::from_utf8(&AFTER_LONG_HELP_BYTES) {
    Ok(s) => s,
    Err(_) => panic!("the long help is UTF-8"),
};

/// Catalog IDs: any is accepted (user catalogs add their own), the embedded ones complete.
#[derive(Clone)]
pub struct CatalogId;

impl TypedValueParser for CatalogId {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        Ok(value.to_string_lossy().into_owned())
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            crate::catalog::CATALOGS
                .iter()
                .map(|c| PossibleValue::new(c.id).help(c.name)),
        ))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: explanations, with colour on a terminal
    Text,
    /// One JSON document (same as --json)
    Json,
    /// One tab-separated line per match: catalog, code, name, status, class
    Line,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when standard output is a terminal, unless NO_COLOR is set or TERM=dumb
    Auto,
    /// Colour even when standard output is not a terminal
    Always,
    /// No colour
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    /// Completion script for bash
    CompleteBash,
    /// Completion script for zsh
    CompleteZsh,
    /// Completion script for fish
    CompleteFish,
    /// Completion script for PowerShell
    CompletePowershell,
    /// Completion script for elvish
    CompleteElvish,
    /// The man page (roff)
    Man,
    /// The JSON Schema of --json output (and of --follow --json events)
    JsonSchema,
    /// A commented starting file for a user catalog
    CatalogTemplate,
}

/// Explains API errors: codes, HTTP statuses and whole responses.
#[derive(Debug, Parser)]
#[command(
    name = "errexplain",
    version,
    about = "Explains API errors: codes, HTTP statuses and whole responses, offline",
    long_about = "Explains API errors: what a code or HTTP status means, why it likely happened, what \
to do, and whether and when to retry. Give codes, names or statuses as arguments, or pipe or \
paste a whole response (curl -i output, a JSON or XML body, an SDK or CLI error line, curl's \
own failure) on standard input. Every catalog is built in; nothing goes over the network.",
    after_help = "Exit status: 0 success, 1 client error, 2 server error, 3 network error. See --help for more.",
    after_long_help = AFTER_LONG_HELP,
    help_expected = true,
    allow_negative_numbers = true,
    group(clap::ArgGroup::new("mode").args(["list", "search", "list_catalogs", "check_catalog", "follow", "generate"]).multiple(false)),
    max_term_width = 100
)]
pub struct Cli {
    /// Codes, names, HTTP statuses or catalog:code; quoted response text; `-` reads standard input
    #[arg(value_name = "QUERY")]
    pub queries: Vec<String>,

    /// Read a response from this file (`-` for standard input); repeatable
    #[arg(short = 'f', long = "file", value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
    pub files: Vec<PathBuf>,

    /// Only look in this catalog (repeatable)
    #[arg(short = 'c', long = "catalog", value_name = "ID", value_parser = CatalogId)]
    pub catalog: Vec<String>,

    /// Print one JSON document (its schema: --generate json-schema)
    #[arg(long, conflicts_with = "format")]
    pub json: bool,

    /// Print nothing; only the exit status tells
    #[arg(short, long)]
    pub quiet: bool,

    /// Output form
    #[arg(long, value_enum, value_name = "FORM", default_value_t = Format::Text)]
    pub format: Format,

    /// When to use colour
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// List every entry, of one catalog or of all
    #[arg(long, value_name = "CATALOG", num_args = 0..=1, default_missing_value = "", value_parser = CatalogId, conflicts_with_all = ["queries", "files"])]
    pub list: Option<String>,

    /// Entries where every word occurs in code, name, meaning, cause or fix
    #[arg(long, value_name = "WORDS", num_args = 1.., conflicts_with_all = ["queries", "files"])]
    pub search: Option<Vec<String>>,

    /// List the catalogs with entry counts, sources and where each came from
    #[arg(long = "catalogs", conflicts_with_all = ["queries", "files", "catalog"])]
    pub list_catalogs: bool,

    /// Check a user catalog file against the catalog schema; name every problem
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath, conflicts_with_all = ["queries", "files", "catalog"])]
    pub check_catalog: Option<PathBuf>,

    /// Read standard input as a stream (a growing log) and explain each error as it comes;
    /// repeats are counted; a summary at the end; exit by the worst class seen
    #[arg(long, conflicts_with_all = ["queries", "files"])]
    pub follow: bool,

    /// Run CMD with its arguments (everything after --run), pass its output through, and
    /// explain its failure on stderr; exit 1/2/3 by class (128+N if a signal N killed it)
    // An option, parsed where it stands: after `--` the word `--run` is a query like any
    // other, and the value of another option is never taken for it. Once it stands, every
    // later argument is the command's, its flags (and a `--`) included.
    #[arg(long, value_name = "CMD", num_args = 1.., allow_hyphen_values = true, value_parser = clap::value_parser!(std::ffi::OsString), value_hint = clap::ValueHint::CommandName)]
    pub run: Vec<std::ffi::OsString>,

    /// Print a completion script or the man page
    #[arg(long, value_enum, value_name = "KIND", conflicts_with_all = ["queries", "files", "catalog", "json", "quiet"])]
    pub generate: Option<Generate>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn the_long_help_built_at_compile_time_is_the_formatted_one() {
        assert_eq!(
            AFTER_LONG_HELP,
            format!(
                "{EXIT_TABLE}\n\n{}\n{EXAMPLES}\n\n{}",
                output_help(),
                retry_help()
            )
        );
    }
}
