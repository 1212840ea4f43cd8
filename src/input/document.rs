//! Texts that mention errors without reporting one: source code (an enum of error names, a
//! check of `err.code`), configuration (a list of statuses to retry on, a proxy's
//! `error_page`), release notes and other Markdown, and search results over them (`grep -rn`).
//! Such a text is read as a document when nearly every line has the form of one and no line
//! opens a report of a failure (`ERROR`, `fatal:`, `Traceback`, `TypeError:`). The words are
//! data (`data/phrases/words.toml`); this is their grammar.

use super::success::LEVEL_WITHIN;
use crate::lexicon::{CODE_KEYWORDS, LEVEL_KEYS, REPORT_LEVELS, WARNING_LEVELS};

/// How a Markdown list item opens.
const LIST_ITEM: [&str; 3] = ["- ", "* ", "+ "];

fn list_item(line: &str) -> bool {
    LIST_ITEM.iter().any(|p| line.starts_with(p))
}

/// Markdown with at least this many lines of its own structure (headings, table rows) is
/// notes, its paragraphs of prose included.
const MARKDOWN_STRUCTURE: usize = 3;

/// Fewer lines than this are never a document: a short text is read as what it says.
const MIN_LINES: usize = 3;
/// Lines longer than this are content, not the form of a document.
const MAX_LINE: usize = 400;

/// The characters a timestamp or a log prefix is made of (`2025-06-12T08:30:12Z`, `[03:41]`).
fn prefix_char(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            ' ' | '\t' | '-' | ':' | '.' | 'T' | 'Z' | '+' | '/' | ',' | '[' | ']'
        )
}

/// The first word after a line's timestamp, and what follows it.
fn first_word(line: &str) -> (&str, &str) {
    let rest = line.trim_start_matches(prefix_char);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (&rest[..end], &rest[end..])
}

/// Whether a line opens a report of a failure: a level or word of failure first
/// (`ERROR …`, `fatal: …`, `[WARN] …`, `Traceback …`), or an error's or exception's class
/// with its message (`TypeError: fetch failed`, `java.net.ConnectException: …`).
fn reports(line: &str, in_item: bool) -> bool {
    // (A comment of code quotes what it speaks of: `// without it: "net::ERR_…"`.)
    if line.starts_with("//") || line.starts_with("/*") {
        return false;
    }
    // (A list item quotes code in backquotes: release notes' `- A \`TypeError: fetch
    // failed\` is now retried` names an error, and reports none; so do the lines its prose
    // goes on to.)
    let unquoted;
    // (A table row quotes them the same way: a README's `| Android | \`java.net.…\` |`.)
    let line = if (in_item || list_item(line) || line.starts_with('|')) && line.contains('`') {
        unquoted = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        unquoted.as_str()
    } else {
        line
    };
    let (word, after) = first_word(line);
    // (A list item's key is no level: YAML's `- alert: HighErrorRate`.)
    let item_key = line.starts_with("- ") && word.bytes().all(|b| b.is_ascii_lowercase());
    // (Nor is a configuration's key whose value is one quoted word or a number: Envoy's
    // `error: "upstream_unavailable"`; a log's `error: connection refused` says a sentence.)
    let setting = after.strip_prefix(':').is_some_and(setting);
    let level = !word.is_empty()
        && !item_key
        && !setting
        && REPORT_LEVELS.iter().any(|l| l.eq_ignore_ascii_case(word))
        && (after.is_empty() || after.starts_with([':', ' ', ']', ')', '|', '\t', '!']));
    // A level in capitals after a log's source (`[JDA MainWS-ReadThread] ERROR …`), but not
    // in a list item's prose (`- now logs at WARN instead of ERROR`).
    let bullet = list_item(line) || line.starts_with('#');
    // (Nor as a part of a constant's name: `INTERNAL_SERVER_ERROR = (500, …`.)
    let capitals = !bullet
        && crate::lexicon::tokens::token_spans(line)
            .take_while(|(a, _)| *a < LEVEL_WITHIN)
            .any(|(a, b)| {
                let w = &line[a..b];
                let joined = line[..a].ends_with('_') || line[b..].starts_with('_');
                !joined
                    && w.len() >= 4
                    && w.bytes().all(|c| c.is_ascii_uppercase())
                    && REPORT_LEVELS.iter().any(|l| l.eq_ignore_ascii_case(w))
            });
    // An error's class with its kind in brackets before the message, as Node and Dart print
    // theirs (`TypeError [ERR_INVALID_URL]: …`, `DioException [connection timeout]: …`).
    let kind_in_brackets = ["Error [", "Exception ["].iter().any(|m| {
        line.match_indices(m)
            .any(|(i, _)| line[i..].find("]:").is_some())
    });
    // An event's field of its level, quoted as JSON writes it (`"level": "error",`; a
    // configuration's bare `level: error` sets a threshold).
    let level_field = line.split_once(':').is_some_and(|(key, value)| {
        let key = key.trim();
        let Some(key) = key.strip_prefix('"').and_then(|k| k.strip_suffix('"')) else {
            return false;
        };
        let value = value
            .trim()
            .trim_end_matches(',')
            .trim()
            .trim_matches(['"', '\'']);
        LEVEL_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key))
            && REPORT_LEVELS.iter().any(|l| l.eq_ignore_ascii_case(value))
    });
    // Or as logfmt writes it, among the record's other fields (logrus's and Go slog's
    // `time=… level=error msg=…`; a configuration's line has one key).
    let logfmt_level = line.split_ascii_whitespace().skip(1).any(|field| {
        field.split_once('=').is_some_and(|(key, value)| {
            LEVEL_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key))
                && REPORT_LEVELS
                    .iter()
                    .any(|l| l.eq_ignore_ascii_case(value.trim_matches(['"', '\''])))
        })
    });
    // A tool's own failure with its exit code, as curl prints it: `curl: (6) Could not
    // resolve host: x`.
    let tool_exit = line.split_once(": (").is_some_and(|(tool, rest)| {
        !tool.is_empty()
            && tool
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_'))
            && rest
                .split_once(") ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    level
        || capitals
        || kind_in_brackets
        || level_field
        || logfmt_level
        || tool_exit
        || class_colon(line, "Error:")
        || class_colon(line, "Exception:")
        || warning_class(line)
        || line.contains("Traceback")
}

/// Whether `mark` (`Error:`) stands on the line before a message, not before a path's
/// second colon (Java's `UnknownServerException::new`, Rust's `Error::Io`).
fn class_colon(line: &str, mark: &str) -> bool {
    line.match_indices(mark)
        .any(|(i, _)| !line[i + mark.len()..].starts_with(':'))
}

/// Whether a line names a warning's class with its message, as Python's `warnings` prints
/// one after the file and line it came from (`…/base.py:1011: SyncWarning: Failed to …`).
fn warning_class(line: &str) -> bool {
    line.match_indices("Warning: ").any(|(i, _)| {
        let class = line[..i]
            .rsplit(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("");
        class.starts_with(|c: char| c.is_ascii_uppercase())
    })
}

/// Whether a line after line `after` (0-based) opens a report of a failure: a log that
/// goes on to report one did not end in success.
/// (A warning is no failure: pip's `WARNING: Running pip as the 'root' user …` after
/// `Successfully installed …`.)
pub fn reports_after(text: &str, after: usize) -> bool {
    text.lines().skip(after + 1).any(|l| {
        let l = l.trim();
        let (word, _) = first_word(l);
        l.len() <= MAX_LINE
            && reports(l, false)
            && !WARNING_LEVELS.iter().any(|w| w.eq_ignore_ascii_case(word))
    })
}

/// `src/net/retry.ts:12:` — a search result's file and line, which is stripped.
fn search_result(line: &str) -> Option<&str> {
    let (path, rest) = line.split_once(':')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let ok = !path.is_empty()
        && !path.contains(' ')
        && (path.contains('/') || path.contains('.'))
        && digits > 0
        && rest[digits..].starts_with(':');
    ok.then(|| &rest[digits + 1..])
}

/// Whether a line (trimmed) has the form of source code, configuration or Markdown.
fn formed(line: &str) -> bool {
    // A trailing comment (`http.StatusBadGateway, // 502`) says nothing of the line's form.
    let line = match line.find(" // ") {
        Some(i) if i > 0 => line[..i].trim_end(),
        _ => line,
    };
    // A line that goes on (`errors.Is(err, x) ||`), a string alone (`"net/http"` in an
    // import list), a call of a name with a dot or `_` in it (`errors.Is(err, y)`).
    // (An operator alone on its line joins the lines around it.)
    let continued = ["||", "&&", "=>", "->", " +"]
        .iter()
        .any(|e| line.ends_with(e))
        || matches!(line, "/" | "*" | "+" | "-" | "|" | "or" | "and" | "unless");
    // (Or in single quotes, closing a call: Python's `'a given amount of time')`.)
    let unlisted = line.trim_end_matches([',', ')', ';']);
    let quoted = ['"', '\''].iter().any(|&q| {
        unlisted.len() >= 2
            && unlisted.starts_with(q)
            && unlisted.ends_with(q)
            && !unlisted[1..unlisted.len() - 1].contains(q)
    });
    // A call chained on the line before (`.Handle<HttpRequestException>()`), a condition
    // that goes on from it (`or HttpStatusCode.BadGateway`), a dotted name alone
    // (`builder.Services`) or a file's path alone (a listing's header).
    let chained = line.starts_with('.') && line[1..].starts_with(|c: char| c.is_ascii_alphabetic());
    let goes_on = ["or ", "and ", "|| ", "&& "]
        .iter()
        .any(|p| line.starts_with(p));
    let dotted = line.contains('.') && identifier(line) && !line.ends_with('.');
    let path = line.starts_with('/') && line.len() > 1 && !line.contains(' ');
    // A key and its quoted string (gettext's `msgid "…"`), a comment of gettext or a
    // shell (`#, c-format`, `#: remote-curl.c:312`).
    let keyed_string = line.split_once(' ').is_some_and(|(k, v)| {
        !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') && {
            let v = v.trim();
            v.len() >= 2 && v.starts_with('"') && v.ends_with('"')
        }
    });
    let hash_comment = line.starts_with('#')
        && line[1..].starts_with(|c: char| c.is_ascii_punctuation() && c != '#');
    // A call of a dotted name that goes on to the next line
    // (`pipeline.AddRetry(new HttpRetryStrategyOptions`).
    let opens_call = line
        .split_once('(')
        .is_some_and(|(name, _)| name.contains('.') && identifier(name));
    // (Or of a function of one lower-case word: PromQL's `sum(rate(x[5m])) > 0.02`.)
    let call = line.split_once('(').is_some_and(|(name, rest)| {
        (line.ends_with(')') || name.bytes().all(|b| b.is_ascii_lowercase()) && rest.contains(')'))
            && !name.is_empty()
            && (name.contains(['.', '_']) || name.bytes().all(|b| b.is_ascii_lowercase()))
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':'))
    });
    // A Markdown link's reference (`[#812]: https://…`), a section of TOML or INI
    // (`[[r2_buckets]]`, `[observability]`), a comment of INI (`; node version = …`).
    let reference = line.starts_with('[')
        && line
            .split_once("]: ")
            .is_some_and(|(_, url)| url.starts_with("http") || url.starts_with('/'));
    let section = line.starts_with('[') && line.ends_with(']') && {
        let name = line.trim_matches(['[', ']']);
        !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'"'))
            && !REPORT_LEVELS.iter().any(|l| l.eq_ignore_ascii_case(name))
    };
    let markdown = reference
        || section
        || line.starts_with(';')
        || line.starts_with("# ")
        || line.starts_with("##")
        || ["- ", "* ", "+ ", "> ", "|", "```"]
            .iter()
            .any(|p| line.starts_with(p))
        || line
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let code = line.ends_with(['{', '}', ';', ',', '(', '['])
        || line.trim_end_matches([')', ']', '}', ';', ',']).is_empty()
        || ["//", "/*", "*/", "#[", "@", "<!--"]
            .iter()
            .any(|p| line.starts_with(p))
        || line
            .split_once(' ')
            .is_some_and(|(w, rest)| !rest.is_empty() && CODE_KEYWORDS.contains(&w))
        // A keyword alone, or opening a block (Python's `try:`, `raise`, `return`).
        || CODE_KEYWORDS.contains(&line.strip_suffix(':').unwrap_or(line));
    // `retry_on_status: [429, 500]`, `max_attempts: 4`, `timeout = 30`: a lower-case key.
    let key_end = line
        .find(|c: char| {
            !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '.' | '-'))
        })
        .unwrap_or(line.len());
    let key = &line[..key_end];
    let rest = line[key_end..].trim_start();
    let config = !key.is_empty()
        && key.starts_with(|c: char| c.is_ascii_lowercase())
        && (!REPORT_LEVELS.contains(&key) || rest.strip_prefix(':').is_some_and(setting))
        && (rest.starts_with(": ") || rest == ":" || rest.starts_with('='));
    markdown
        || code
        || config
        || assignment(line)
        || mapping(line)
        || continued
        || quoted
        || call
        || chained
        || goes_on
        || dotted
        || path
        || keyed_string
        || hash_comment
        || opens_call
}

/// Whether a word is an identifier of code (`ErrNotFound`, `h.upstream`, `BASE_URL`).
fn identifier(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == '.')
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'))
}

/// An assignment of source code or a Makefile: names, an operator between spaces, a value
/// (`ErrNotFound = errors.New("…")`, `ctx, cancel := …`, `BASE_URL ?= https://…`).
fn assignment(line: &str) -> bool {
    [" = ", " := ", " ?= ", " += "].iter().any(|op| {
        line.split_once(op).is_some_and(|(names, value)| {
            !value.trim().is_empty() && names.split(", ").all(identifier)
        })
    })
}

/// A key of YAML or JSON-like configuration in any case, opening a mapping or with a value
/// (`maxAttempts: 3`, `AccountId:`, `$ref: '#/…'`, `'404':`, `/accounts/{id}:`). A key
/// that names a level or an error (`ERROR:`, `TypeError:`) is the report it looks like.
fn mapping(line: &str) -> bool {
    let Some((key, value)) = line.split_once(':') else {
        return false;
    };
    if !(value.is_empty() || value.starts_with(' ')) {
        return false;
    }
    let key = key.strip_prefix('$').unwrap_or(key);
    let unquoted = key
        .strip_prefix(['"', '\''])
        .and_then(|k| k.strip_suffix(['"', '\'']))
        .unwrap_or(key);
    let path = key.starts_with('/') && !key.contains(' ') && value.is_empty();
    // (A quoted key is JSON's, whose every line has this form: only a status is a
    // specification's key, OpenAPI's `'404':`.)
    let named = key == unquoted
        && identifier(key)
        && !key.contains('.')
        && !REPORT_LEVELS.iter().any(|l| l.eq_ignore_ascii_case(key))
        && !["error", "exception", "failure", "fault"]
            .iter()
            .any(|w| key.to_ascii_lowercase().ends_with(w));
    let status = unquoted.len() == 3
        && unquoted.bytes().all(|b| b.is_ascii_digit())
        && key != unquoted
        && value.is_empty();
    path || named || status
}

/// What kind of document `text` is, when it is one: its lines have the form of source code,
/// configuration or Markdown (or are search results over such lines), all but one in ten of
/// them, and none opens a report of a failure. Shell prompts (`$ grep …`) are not counted.
pub fn kind(text: &str) -> Option<&'static str> {
    // A manual page as man(1) renders it: its header names the page and its section at
    // both ends (`curl(1)    curl Manual    curl(1)`), and what follows is reference.
    if text
        .lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(man_header)
    {
        return Some("a manual page");
    }
    let (mut lines, mut formed_lines, mut searched) = (0usize, 0usize, 0usize);
    // Whether the line before was a list item (or went on from one): an indented line after
    // it goes on with the item's prose.
    let mut in_item = false;
    // The lines of Markdown's own structure (headings, table rows), and the lines of prose
    // outside fenced blocks: with enough structure, the prose is the notes' paragraphs
    // (a README's troubleshooting table between its sentences). What a fenced block holds
    // stays quoted output, read as it is.
    let (mut structure, mut prose, mut fenced) = (0usize, 0usize, false);
    // Whether the line before ended in a backslash: this one goes on with it (a
    // properties file's or a shell's continued line).
    let mut after_backslash = false;
    for raw in text.lines() {
        let line = raw.trim();
        let goes_on = in_item && raw.starts_with([' ', '\t']) || after_backslash;
        after_backslash = line.ends_with('\\');
        in_item = !line.is_empty() && (goes_on || list_item(line));
        if line.is_empty() || line.starts_with("$ ") {
            continue;
        }
        if line.len() > MAX_LINE || reports(line, goes_on) {
            return None;
        }
        if line.starts_with("```") {
            fenced = !fenced;
        } else if !fenced && (line.starts_with('#') || line.starts_with('|')) {
            structure += 1;
        } else if !fenced && line.starts_with(|c: char| c.is_alphabetic()) && !formed(line) {
            prose += 1;
        }
        lines += 1;
        let (line, found) = match search_result(line) {
            Some(rest) => {
                searched += 1;
                (rest.trim(), true)
            }
            None => (line, false),
        };
        // A search result's line may be anything of the file it was found in; comments count.
        if formed(line) || goes_on || found && (line.is_empty() || search_result_of_prose(line)) {
            formed_lines += 1;
        }
    }
    if structure >= MARKDOWN_STRUCTURE {
        formed_lines += prose;
    }
    (lines >= MIN_LINES && formed_lines * 10 >= lines * 9).then_some(if searched * 2 > lines {
        "search results"
    } else {
        "a document (source code, configuration or notes)"
    })
}

/// Whether a key's value is one quoted word or a number, as a setting's is
/// (`"upstream_unavailable"`, `3`), not a sentence.
fn setting(value: &str) -> bool {
    let value = value.trim();
    let quoted_word = value.len() >= 2
        && (value.starts_with('"') && value.ends_with('"')
            || value.starts_with('\'') && value.ends_with('\''))
        && !value[1..value.len() - 1].contains([' ', '"', '\'']);
    quoted_word || !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a line is a rendered manual page's header: the same `name(section)` first and
/// last, text between (groff's man macros' `.TH` title line).
fn man_header(line: &str) -> bool {
    let page = |w: &str| {
        w.strip_suffix(')')
            .and_then(|w| w.split_once('('))
            .is_some_and(|(name, section)| {
                !name.is_empty()
                    && section.starts_with(|c: char| c.is_ascii_digit())
                    && section.len() <= 4
                    && section.bytes().all(|b| b.is_ascii_alphanumeric())
            })
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= 3 && page(words[0]) && words.last() == words.first() && line.len() <= MAX_LINE
}

/// A comment line (`// …`, `# …`, `-- …`).
fn search_result_of_prose(line: &str) -> bool {
    line.starts_with("//") || line.starts_with('#') || line.starts_with("--")
}

#[cfg(test)]
mod tests {
    use super::kind;

    #[test]
    fn documents_and_reports() {
        for (text, want) in [
            // Source code: an enum of names, a check of a code.
            (
                "export enum Codes {\n  Missing = 50013,\n  Unknown = 10008,\n}\n",
                true,
            ),
            (
                "#[derive(Debug)]\npub enum E {\n    #[error(\"refused\")]\n    Refused,\n}\n",
                true,
            ),
            // Configuration.
            (
                "client:\n  retry:\n    on_status: [429, 503]\n    on_errors:\n      - ECONNRESET\n",
                true,
            ),
            (
                "location /api/ {\n    proxy_next_upstream error timeout http_502;\n}\nerror_page 502 /50x.html;\n",
                true,
            ),
            // Release notes that quote an error in backquotes; an alerting rule of PromQL
            // (a call of a function, an operator alone on its line).
            (
                "## [3.8.0]\n\n### Fixed\n- A `TypeError: fetch failed` is now retried\n  as `ConnectTimeoutError` (#1184).\n- Respect `Retry-After` on HTTP 429.\n",
                true,
            ),
            (
                "groups:\n  - alert: High5xx\n    expr: |\n      sum(rate(x{code=~\"5..\"}[5m]))\n        /\n      sum(rate(x[5m])) > 0.02\n    for: 10m\n",
                true,
            ),
            // Release notes.
            (
                "## 2.1.0\n\n### Fixed\n- Retry on HTTP 429.\n- Handle `ECONNRESET`.\n",
                true,
            ),
            // A manual page as man renders it; a line that only names one is no header.
            (
                "curl(1)                curl Manual                curl(1)\n\nEXIT CODES\n       6      Could not resolve host.\n       7      Failed to connect to host.\n",
                true,
            ),
            (
                "see curl(1)\ncurl: (6) Could not resolve host: x\nexit 6\n",
                false,
            ),
            // An item's prose that goes on to a line of its own quotes its error too; the
            // same line unquoted, outside an item, reports one.
            (
                "## 2.8.0\n### Fixed\n- Requests no longer hang when the server resets\n  (`Error: read ECONNRESET` is now a `RequestError`) (#1182).\n- Typo fixed.\n",
                true,
            ),
            (
                "## 2.8.0\n### Fixed\nError: read ECONNRESET\n- Typo fixed.\n",
                false,
            ),
            // TOML with its sections, YAML keys of any case, a specification's paths and
            // statuses, Go's assignments, INI's comments, a changelog's link references.
            (
                "[[r2_buckets]]\nbinding = \"MEDIA\"\n# 10006: the bucket does not exist\n[observability]\nenabled = true\n",
                true,
            ),
            (
                "resilience4j.retry:\n  instances:\n    shipmentClient:\n      maxAttempts: 3\n      retryExceptions:\n        - java.net.SocketTimeoutException\n",
                true,
            ),
            (
                "paths:\n  /accounts/{id}:\n    get:\n      responses:\n        '404':\n          $ref: '#/components/responses/NotFound'\n",
                true,
            ),
            (
                "var (\n\tErrRefused = errors.New(\"upstream: connection refused\")\n)\nctx, cancel := context.WithTimeout(ctx, time.Second)\ndefer cancel()\n",
                true,
            ),
            (
                "; userconfig = /home/k/.npmrc\nfetch-retries = 2\nfetch-timeout = 300000\n",
                true,
            ),
            (
                "## [2.9.0]\n### Fixed\n- Retry on 502 and ECONNRESET ([#812]).\n\n[#812]: https://example.com/issues/812\n",
                true,
            ),
            // A table row quotes an error in backquotes as a list item does.
            (
                "## Network errors\n| Platform | What you see |\n|---|---|\n| Android | `java.net.ConnectException: Failed to connect` |\n",
                true,
            ),
            // A setting named after a level, with one quoted word; a log's line at that
            // level says a sentence.
            (
                "local_reply:\n  body_format:\n    json_format:\n      error: \"upstream_unavailable\"\n",
                true,
            ),
            (
                "local_reply:\n  body_format:\nerror: upstream connect error or disconnect\n",
                false,
            ),
            // A log's lines keyed by a level or an error's class, and JSON's quoted keys
            // and a body in it, are no configuration.
            (
                "Retrying:\nConnectionError: refused\nWarning: giving up\n",
                false,
            ),
            (
                "{\n  \"outcome\": \"exception\",\n  \"message\": \"put: upload does not exist (10024)\"\n  \"timestamp\": 1716282211045\n}\n",
                false,
            ),
            // A warning Python's `warnings` printed, with the file and line it came from,
            // among a library's table of what it did: a report, not a search result.
            (
                "| To upsert:\n|     -\n| No changes:\n/venv/lib/disnake/base.py:1011: SyncWarning: Failed to overwrite commands due to 403 Forbidden (error code: 50001): Missing Access\n  warnings.warn(\n",
                false,
            ),
            // Python's constants with their strings going on over lines; Java's enum of
            // constructors; C#'s chained calls and conditions; gettext's catalog; a
            // properties file whose strings go on after a backslash.
            (
                "/usr/lib/python3.13/http/__init__.py\n    INTERNAL_SERVER_ERROR = (500, 'Internal Server Error',\n        'Server got itself in trouble')\n    BAD_GATEWAY = (502, 'Bad Gateway',\n        'Invalid responses from another server/proxy')\n",
                true,
            ),
            (
                "public enum Errors {\n    UNKNOWN_SERVER_ERROR(-1, \"The server experienced an unexpected error\",\n            UnknownServerException::new),\n    NONE(0, null, message -> null),\n",
                true,
            ),
            (
                "builder.Services\n    .AddHttpClient(\"api\")\n    .AddResilienceHandler(\"retry\", pipeline =>\n    {\n        pipeline.AddRetry(new HttpRetryStrategyOptions\n            .HandleResult(r => r.StatusCode is HttpStatusCode.TooManyRequests\n                or HttpStatusCode.ServiceUnavailable)\n",
                true,
            ),
            (
                "#: remote-curl.c:312\n#, c-format\nmsgid \"repository '%s' not found\"\nmsgstr \"Repository '%s' nicht gefunden\"\n",
                true,
            ),
            (
                "account.failed.refresh=刷新账户失败\\n\\\n你可以选择再次刷新账户。\\n\\\n你可以点击帮助按钮进行求助。\naccount.failed.timeout=连接超时\n",
                true,
            ),
            (
                "{\n  // Proxy der Zentrale. Ohne: \"net::ERR_PROXY_CONNECTION_FAILED\"\n  \"http.proxy\": \"http://proxy:3128\",\n  \"http.proxyStrictSSL\": false,\n}\n",
                true,
            ),
            // The same names reporting: a Java exception's message, a constant's name
            // with its level as a word of its own.
            (
                "public enum Errors {\norg.apache.kafka.common.errors.UnknownServerException: The server experienced an unexpected error\n    NONE(0, null, message -> null),\n",
                false,
            ),
            (
                "BAD_GATEWAY = (502, 'Bad Gateway',\nERROR retrying BAD_GATEWAY\n    'Invalid responses')\n",
                false,
            ),
            // Search results over source.
            (
                "$ grep -rn ECONNREFUSED src/\nsrc/a.ts:3:const R = [\"ECONNREFUSED\"];\nsrc/b.ts:9:  if (e.code === \"ECONNREFUSED\") return;\nsrc/c.ts:1:// ECONNREFUSED: db down\n",
                true,
            ),
            // Python: blocks opened by a keyword and a colon, a keyword alone, a question
            // before it.
            (
                "Is this right?\n\nasync def send(ch):\n    try:\n        obj = s3.get_object(Key=k)\n    except ClientError as e:\n        raise\n    try:\n        await ch.send(obj)\n    except discord.Forbidden:\n        # 50013 Missing Permissions\n        return\n",
                true,
            ),
            // A record that gives its level as a field: a report at a level of failure, a
            // document at any other (a configuration's `level: info`).
            (
                "{\n  \"level\": \"error\",\n  \"exception\": {\n    \"value\": \"Server disconnected\",\n  }\n}\n",
                false,
            ),
            (
                "logging:\n  severity: error\n  retry:\n    on_status: [429, 503]\n",
                true,
            ),
            (
                "logging:\n  level: info\n  retry:\n    on_status: [429, 503]\n",
                true,
            ),
            // Reports: a level, an exception with its message, a traceback.
            (
                "config:\n  a: 1\nERROR connect ECONNREFUSED 127.0.0.1:5432\n",
                false,
            ),
            (
                "const x = 1;\nfetch(url);\nTypeError: fetch failed\n",
                false,
            ),
            (
                "Traceback (most recent call last):\n  File \"a.py\", line 1,\n    x = f(),\n",
                false,
            ),
            (
                "flutter: #0 DioMixin.fetch (package:dio/src/dio_mixin.dart:509:7)\n\
                 flutter: <asynchronous suspension>\n\
                 flutter: DioException [connection timeout]: The request took too long\n",
                false,
            ),
            (
                "const a = 1;\nconst b = 2;\nTypeError [ERR_INVALID_URL]: Invalid URL\n",
                false,
            ),
            // Go: imports, continued conditions, calls, cases with trailing comments.
            (
                "package retry\n\nimport (\n\t\"errors\"\n\t\"syscall\"\n)\n\nfunc Retryable(err error) bool {\n\treturn errors.Is(err, syscall.ECONNRESET) ||\n\t\terrors.Is(err, syscall.ETIMEDOUT)\n}\n\nswitch code {\ncase http.StatusBadGateway, // 502\n\thttp.StatusGatewayTimeout: // 504\n\treturn true\n}\n",
                true,
            ),
            // A log's lines are none of these.
            (
                "retrying upload (attempt 2)\nupload failed: connection reset\nclient.upload(part 3)\n\"done\" said the worker\n",
                false,
            ),
            // Brackets after a class name with no message are code, not a report.
            (
                "const a = [];\nlet errs: Error [] = a;\nconst b = 2;\n",
                true,
            ),
            ("- [WARN] retrying\n- a\n- b\n", false),
            // A quote alone before a comma is no string, and no panic (lines that end in a
            // comma have the form of code).
            ("\",\n\",\n\",\n", true),
            // logfmt records (logrus, slog): a level of failure among the fields is a
            // report; a configuration's `level=error` alone sets a threshold.
            (
                "time=\"2025-02-11T17:44:02Z\" level=info msg=\"dispatching\" attempt=1\ntime=\"2025-02-11T17:44:32Z\" level=warning msg=\"attempt failed\" error=\"Post: context deadline exceeded\"\ntime=\"2025-02-11T17:45:32Z\" level=info msg=\"next\"\n",
                false,
            ),
            ("log.level=error\nretry.max=4\nretry.on=429,503\n", true),
            // Notes: a troubleshooting table between paragraphs; a fenced log in an issue
            // stays a report's quotation, read as it is.
            (
                "## Troubleshooting\n\nMost problems are one of these. Look the code up here\nbefore opening an issue.\n\n| Code | Meaning |\n|---|---|\n| 50013 | Missing Permissions |\n| 4014 | Disallowed intents |\n\nIf the bot resumed after a disconnect, that is fine.\n",
                true,
            ),
            (
                "## Bug\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nWhen I run the sync I get:\n\n```\nupload failed: dial tcp 10.0.0.1:443: i/o timeout\nupload failed: dial tcp 10.0.0.1:443: i/o timeout\n```\n",
                false,
            ),
            // A tool's failure with its exit code, after lines that look like Markdown.
            (
                "# curl -v www.example.com\n* processing: www.example.com\n* Could not resolve host: www.example.com\ncurl: (6) Could not resolve host: www.example.com\n",
                false,
            ),
            (
                "key: 1\nother: 2\n[JDA ReadThread] ERROR WebSocketClient - closed\n",
                false,
            ),
            // A level named in a list item's prose is no report.
            ("## 1.0\n- now logs at WARN instead of ERROR\n- faster\n", true),
            // Logs and pastes are not documents.
            (
                "2025-01-01 INFO start\n2025-01-01 INFO connected\n2025-01-01 INFO ready\n",
                false,
            ),
            (
                "HTTP/1.1 503 Service Unavailable\nContent-Type: text/plain\n\nupstream down\n",
                false,
            ),
            // Too short to be a document.
            ("retry_on: [429]\n", false),
        ] {
            assert_eq!(kind(text).is_some(), want, "{text}");
        }
    }
}
