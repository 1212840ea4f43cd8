//! Completion scripts and the man page, generated from the one clap definition.

use crate::cli::{Cli, Generate};
use clap::CommandFactory;
use clap_complete::Shell;

const MAN_EXIT: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Success: the input shows no error (2xx, 3xx), or a listing, search or help ran.
.TP
\fB1\fR
Client error: the error is the caller's (4xx class, bad input, authentication, not found); also errexplain's own bad input: an unknown code, unreadable input, bad options.
.TP
\fB2\fR
Server error: the error is the server's (5xx class).
.TP
\fB3\fR
Network error: no usable HTTP answer came back (DNS, connection refused or reset, timeout, TLS, upstream unreachable).
.PP
With several queries, the highest of their codes. With one response that reports several errors, the first error it reports decides.
"#;

const MAN_ENV: &str = r#".SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
When set and not empty, no colour in \fB\-\-color auto\fR.
.TP
\fBCLICOLOR_FORCE\fR
When set and not 0, colour in \fB\-\-color auto\fR even when standard output is not a terminal.
.TP
\fBCLICOLOR\fR
\fB0\fR turns colour off in \fB\-\-color auto\fR.
.TP
\fBTERM\fR
\fBdumb\fR turns colour off in \fB\-\-color auto\fR.
.TP
\fBCOLUMNS\fR
The width to wrap text and fit tables to, on a terminal whose size cannot be read (without it, such a terminal is taken to be 80 columns wide).
.TP
\fBERREXPLAIN_CATALOGS\fR
Colon-separated user catalog files or directories of them, applied after the configuration directory.
.TP
\fBXDG_CONFIG_HOME\fR
Where the configuration directory is (default \fI~/.config\fR).
"#;

const MAN_FILES: &str = r#".SH FILES
.TP
\fI$XDG_CONFIG_HOME/errexplain/catalogs/*.toml\fR
User catalogs in the catalog schema (a commented example: \fBerrexplain \-\-generate catalog\-template\fR): they add catalogs, or replace entries of built-in catalogs with the same catalog id and code. A broken one is reported once on standard error and skipped.
"#;

const MAN_EXAMPLES: &str = r#".SH EXAMPLES
.TP
\fBerrexplain 10058\fR
Explains a numeric code in every catalog that has it.
.TP
\fBerrexplain r2:10012\fR
Only the R2 catalog.
.TP
\fBerrexplain 429\fR
An HTTP status, and the catalog errors that use it.
.TP
\fBcurl \-sSi https://host/path 2>&1 | errexplain\fR
Explains a whole response (status line, headers and body), and curl's own failures (exit status 3 for network errors).
.TP
\fBerrexplain response.txt\fR
Explains a saved response (also \fB\-f\fR \fIPATH\fR).
.TP
\fBerrexplain \-q \-\-run curl \-sSi https://host/path\fR
Runs the command, passes its output through, explains its failure on standard error.
.TP
\fBkubectl logs \-f pod | errexplain \-\-follow\fR
Explains each error of a stream as it comes, counts repeats, prints a summary.
.TP
\fBerrexplain \-\-format line < response.txt | cut \-f6,7\fR
Whether to retry (\fBno\fR, \fBnow\fR, \fBbackoff\fR, \fBafter\fR) and after how many seconds; see \fBRETRYING\fR.
.TP
\fBerrexplain \-\-json 10058 | jq \-r .best.fix\fR
Machine-readable output (the JSON Schema: \fBerrexplain \-\-generate json\-schema\fR).
"#;

/// Text as roff shows it, literally: hyphens stay hyphens, quotes stay straight, and no line
/// reads as a request.
fn roff_literal(text: &str) -> String {
    text.lines()
        .map(|l| {
            let l = l
                .replace('\\', "\\e")
                .replace('-', "\\-")
                .replace('\'', "\\(aq");
            format!("\\&{l}\n")
        })
        .collect()
}

/// The retry recipe of `--help` and README.md, the same text.
fn man_retrying() -> String {
    use crate::cli::{RETRY_INTRO, RETRY_RECIPE};
    format!(
        ".SH RETRYING\n{}\n.PP\n.nf\n.RS 4\n{}.RE\n.fi\n",
        RETRY_INTRO.replace('\n', " ").replace('-', "\\-"),
        roff_literal(RETRY_RECIPE)
    )
}

/// A phrase as the start of a sentence: its first letter upper case.
fn sentence(phrase: &str) -> String {
    let mut chars = phrase.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// What the labelled lines of text output say, as `--help` says it.
fn man_output() -> String {
    use crate::cli::{OUTPUT_INTRO, OUTPUT_LABELS};
    let mut out = format!(".SH OUTPUT\n{}\n", OUTPUT_INTRO.replace('\n', " "));
    for (label, meaning) in OUTPUT_LABELS {
        out.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}.\n",
            label.replace('-', "\\-"),
            sentence(meaning).replace('-', "\\-")
        ));
    }
    out
}

const MAN_SEE_ALSO: &str = r#".SH "SEE ALSO"
\fBcurl\fR(1), \fBjq\fR(1), \fBaws\fR(1), \fBerrno\fR(1)
"#;

/// A commented starting file for a user catalog (`--generate catalog-template`).
const CATALOG_TEMPLATE: &str = r#"# A user catalog for errexplain. Save it as
#   ~/.config/errexplain/catalogs/<id>.toml
# (or list it in ERREXPLAIN_CATALOGS), then check it with
#   errexplain --check-catalog <file>
# An entry with the id and code of a built-in catalog replaces the built-in one.

[catalog]
id = "acme"                          # lower-case letters, digits, '-'; used as acme:CODE
name = "ACME API"
description = "Errors of the ACME API"
source = "https://docs.acme.example/errors"   # a public address, or a named document

[[entry]]
code = "QUOTA_EXCEEDED"              # as the service writes it; no ':' or spaces
name = "Quota exceeded"              # a short whole label
aliases = ["QuotaExceeded"]          # other spellings that should find it (optional)
status = 429                         # the HTTP status it comes with (optional)
class = "client"                     # success | client | server | network  (exit 0/1/2/3)
retry = "after"                      # no | now | backoff | after
retry_after = 60                     # seconds; only with retry = "after"
message = "Monthly quota exceeded"   # what the API sends, verbatim (optional)
# message_kind = "description"       # if the message is your docs' description, not its wording
meaning = "The account has used its monthly request quota."
cause = "A batch job or a retry loop that sends far more requests than usual."
fix = "Wait for the quota to reset, or raise it in the ACME console under Billing > Quotas."
# patterns = ["quota exceeded for project"]   # text that identifies it with no code (10+ chars)
"#;

fn man() -> String {
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd);
    let mut buf: Vec<u8> = Vec::new();
    // Rendering into memory cannot fail for lack of space; an error leaves the part out.
    let _ = man.render_title(&mut buf);
    let _ = man.render_name_section(&mut buf);
    let _ = man.render_synopsis_section(&mut buf);
    let _ = man.render_description_section(&mut buf);
    let _ = man.render_options_section(&mut buf);
    let mut out = String::from_utf8_lossy(&buf).into_owned();
    out.push_str(MAN_EXIT);
    out.push_str(&man_output());
    out.push_str(MAN_ENV);
    out.push_str(MAN_FILES);
    out.push_str(MAN_EXAMPLES);
    out.push_str(&man_retrying());
    out.push_str(MAN_SEE_ALSO);
    let mut tail: Vec<u8> = Vec::new();
    let _ = man.render_version_section(&mut tail);
    out.push_str(&String::from_utf8_lossy(&tail));
    out
}

pub fn generate(kind: Generate) -> String {
    let shell = match kind {
        Generate::CompleteBash => Shell::Bash,
        Generate::CompleteZsh => Shell::Zsh,
        Generate::CompleteFish => Shell::Fish,
        Generate::CompletePowershell => Shell::PowerShell,
        Generate::CompleteElvish => Shell::Elvish,
        Generate::Man => return man(),
        Generate::JsonSchema => {
            return include_str!("../../docs/errexplain.schema.json").to_string();
        }
        Generate::CatalogTemplate => return CATALOG_TEMPLATE.to_string(),
    };
    let mut cmd = Cli::command();
    let mut buf: Vec<u8> = Vec::new();
    clap_complete::generate(shell, &mut cmd, "errexplain", &mut buf);
    let script = String::from_utf8_lossy(&buf).into_owned();
    match shell {
        Shell::Bash => bash(&script),
        Shell::Zsh => zsh(&script),
        Shell::Fish => fish(&script),
        _ => script,
    }
}

// clap_complete writes the built-in catalog ids into the scripts as a fixed list. The shells
// that can run a command ask errexplain instead (`--catalogs --format line`), so that user
// catalogs complete too, and `catalog:` prefixes complete where a query goes. The edits below
// rewrite clap_complete's output in the places named; a test checks that each took effect.

/// The fixed catalog list as clap_complete writes it for `shell`, between `open` and `close`,
/// one item per catalog made by `item`.
fn fixed_list(open: &str, sep: &str, close: &str, item: impl Fn(&str, &str) -> String) -> String {
    let items: Vec<String> = crate::catalog::CATALOGS
        .iter()
        .map(|c| item(c.id, c.name))
        .collect();
    format!("{open}{}{close}", items.join(sep))
}

const BASH_HELPERS: &str = r#"# Catalog ids, built-in and user, from errexplain itself.
_errexplain_catalog_ids() {
    command "${1:-errexplain}" --catalogs --format line 2>/dev/null | cut -f1
}

"#;

/// `--opt=value`: bash splits the word at `=`, so the option is the word before it.
const BASH_EQUALS: &str = r#"prev="$3"
    if [[ "${cur}" == "=" ]]; then
        cur=""
        prev="${COMP_WORDS[COMP_CWORD-1]}"
    elif [[ "${prev}" == "=" && ${COMP_CWORD} -ge 2 ]]; then
        prev="${COMP_WORDS[COMP_CWORD-2]}"
    fi"#;

/// Where a query goes: `catalog:` prefixes (without a space after them), and file names.
const BASH_QUERY: &str = r#"if [[ "${prev}" != "=" ]]; then
                COMPREPLY=( $(compgen -W "$(_errexplain_catalog_ids "$1" | sed 's/$/:/')" -- "${cur}") )
                if [[ ${#COMPREPLY[@]} -gt 0 ]]; then
                    [[ "${BASH_VERSINFO[0]}" -ge 4 ]] && compopt -o nospace
                    return 0
                fi
            fi
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}"#;

fn bash(script: &str) -> String {
    let ids = fixed_list(r#"compgen -W ""#, " ", r#"""#, |id, _| id.to_string());
    let script = script
        .replace(&ids, r#"compgen -W "$(_errexplain_catalog_ids "$1")""#)
        .replace(r#"prev="$3""#, BASH_EQUALS)
        // Options complete after a dash; a bare word is a query.
        .replace(r#"[[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]]"#, "[[ ${cur} == -* ]]")
        .replace(
            "COMPREPLY=( $(compgen -W \"${opts}\" -- \"${cur}\") )\n            return 0\n            ;;\n    esac\n}",
            BASH_QUERY,
        );
    format!("{BASH_HELPERS}{script}")
}

const ZSH_HELPERS: &str = r#"
(( $+functions[_errexplain_catalogs] )) ||
_errexplain_catalogs() {
    local line
    local -a ids fields
    for line in ${(f)"$(command errexplain --catalogs --format line 2>/dev/null)"}; do
        fields=("${(@ps:\t:)line}")
        ids+=("${fields[1]}:${fields[3]//:/\\:}")
    done
    _describe -t catalogs 'catalog' ids
}

(( $+functions[_errexplain_queries] )) ||
_errexplain_queries() {
    local -a ids
    ids=(${(f)"$(command errexplain --catalogs --format line 2>/dev/null | cut -f1)"})
    compadd -S '' -- ${^ids}:
    _default
}
"#;

fn zsh(script: &str) -> String {
    let ids = fixed_list("((", "\n", "))", |id, name| format!("{id}\\:\"{name}\""));
    let script = script
        .replace(&ids, "_errexplain_catalogs")
        // `--list` takes an optional catalog: offer the catalogs after a space too.
        .replace(
            "]::CATALOG:_errexplain_catalogs",
            "]:CATALOG:_errexplain_catalogs",
        )
        .replace("input:_default'", "input:_errexplain_queries'");
    script.replacen(
        "\n(( $+functions[_errexplain_commands] ))",
        &format!("{ZSH_HELPERS}\n(( $+functions[_errexplain_commands] ))"),
        1,
    )
}

const FISH_HELPERS: &str = r#"# Catalog ids, built-in and user, from errexplain itself.
function __errexplain_catalogs
    command errexplain --catalogs --format line 2>/dev/null | while read -l line
        set -l fields (string split \t -- $line)
        printf '%s\t%s\n' $fields[1] $fields[3]
    end
end

"#;

const FISH_QUERIES: &str = r#"complete -c errexplain -n 'not string match -q -- "-*" (commandline -ct)' -a '(__errexplain_catalogs | string replace -r "\t" ":\t")'
"#;

fn fish(script: &str) -> String {
    let ids = fixed_list("-a \"", "\n", "\"", |id, name| format!("{id}\\t'{name}'"));
    let script = script.replace(&ids, "-a \"(__errexplain_catalogs)\"");
    format!("{FISH_HELPERS}{script}{FISH_QUERIES}")
}
