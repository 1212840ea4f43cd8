//! Output on a real terminal (a pty) of 40, 80 and 200 columns: explanations wrap at the width
//! with a hanging indent, tables never break a code, and a narrow terminal gets one block
//! per row.

use crate::util::on_a_terminal;

/// What a shell script running errexplain (`{bin}`) prints on a pty, without the pty's
/// carriage returns.
fn shown(script: &str) -> String {
    let out = on_a_terminal(script, &[]);
    String::from_utf8_lossy(&out.stdout).replace('\r', "")
}

/// What errexplain prints on a terminal of `cols` columns, without colour.
fn at(cols: u16, args: &str) -> String {
    shown(&format!(
        "stty rows 50 cols {cols}; {{bin}} --color never {args}"
    ))
}

/// The widest line, but for a documentation address, which is never broken.
fn widest(text: &str) -> usize {
    text.lines()
        .filter(|l| !l.starts_with("  docs     https://"))
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

/// The lines of one field of the first explanation: its label line and the lines that
/// continue it.
fn field<'a>(text: &'a str, label: &str) -> Vec<&'a str> {
    let mut lines = text
        .lines()
        .skip_while(|l| !l.starts_with(&format!("  {label} ")));
    let first = lines.next().into_iter();
    first
        .chain(lines.take_while(|l| l.starts_with(&" ".repeat(11))))
        .collect()
}

#[test]
fn explanations_wrap_at_the_width_with_a_hanging_indent() {
    for cols in [40, 80] {
        let out = at(cols, "10058");
        assert!(widest(&out) <= usize::from(cols), "{cols}:\n{out}");
        let cause = field(&out, "cause   ");
        assert!(cause.len() > 1, "{cols}: the cause wraps:\n{out}");
        for l in &cause[1..] {
            // Continuation lines start in the value's column, never at column 0.
            assert!(
                l.starts_with("           ") && !l.starts_with("            "),
                "{l:?}"
            );
        }
        // Words are whole: joined back, the field reads as it does unwrapped.
        let joined: Vec<&str> = cause.iter().map(|l| l.trim()).collect();
        let wide = at(200, "10058");
        assert_eq!(joined.join(" "), field(&wide, "cause   ")[0].trim());
    }
    // The documentation address stays whole on one line, however narrow the terminal.
    let narrow = at(40, "10058");
    assert_eq!(
        field(&narrow, "docs    "),
        ["  docs     https://developers.cloudflare.com/r2/api/error-codes/"],
        "{narrow}"
    );
    // At 200 columns nothing of 10058 needs to wrap.
    let wide = at(200, "10058");
    assert_eq!(field(&wide, "cause   ").len(), 1, "{wide}");
}

#[test]
fn a_whole_response_fits_a_narrow_terminal() {
    let out = shown(
        "stty rows 50 cols 40; printf 'HTTP/1.1 429 Too Many Requests\\r\\nRetry-After: 7\\r\\n\\r\\n{\"code\": 10058, \"message\": \"Too many requests against this bucket, slow down now\"}' | {bin} --color never",
    );
    assert!(out.contains("TooManyRequests"), "{out}");
    assert!(widest(&out) <= 40, "{out}");
}

#[test]
fn tables_never_break_a_code_and_drop_empty_columns() {
    for cols in [80, 200] {
        let out = at(cols, "--search rate limit");
        assert!(widest(&out) <= usize::from(cols), "{cols}:\n{out}");
        for code in ["TooManyRequests", "rate_limited", "10058", "40062"] {
            assert!(out.contains(code), "{cols}: {code} is whole:\n{out}");
        }
    }
    // At 200 columns the search is a table with every column; one catalog's list has no
    // catalog column.
    let out = at(200, "--search rate limit");
    assert!(out.starts_with("catalog"), "{out}");
    let out = at(80, "--list r2");
    let head: Vec<&str> = out
        .lines()
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    assert_eq!(
        head,
        ["code", "name", "http", "class", "retry", "meaning"],
        "{out}"
    );
    assert!(widest(&out) <= 80, "{out}");
    assert!(out.contains("ObjectLockedByBucketPolicy"), "{out}");
    // No trailing blanks, no frame.
    assert!(out.lines().all(|l| l == l.trim_end()), "{out}");
    assert!(!out.contains(['│', '┌', '─']), "{out}");
}

#[test]
fn a_narrow_terminal_gets_one_block_per_row() {
    let out = at(40, "--search rate limit");
    assert!(widest(&out) <= 40, "{out}");
    assert!(
        out.contains("\nr2  10058\n  name     TooManyRequests\n"),
        "{out}"
    );
    assert!(out.contains("  meaning  "), "{out}");
    let out = at(40, "--catalogs");
    assert!(widest(&out) <= 40, "{out}");
    assert!(
        out.starts_with("cf-artifacts  Cloudflare Artifacts\n"),
        "{out}"
    );
    // Blocks are for terminals: piped, the same listing stays one row per line.
    let piped = crate::util::args(&["--search", "rate", "limit"]).stdout;
    assert!(piped
        .lines()
        .any(|l| l.starts_with("r2") && l.contains("TooManyRequests")));
}

#[test]
fn columns_speaks_for_a_terminal_whose_size_cannot_be_read() {
    let out = shown("stty rows 0 cols 0; COLUMNS=40 {bin} --color never 10058");
    assert!(out.contains("TooManyRequests"), "{out}");
    assert!(widest(&out) <= 40, "{out}");
    // Piped, COLUMNS changes nothing: lines are whole.
    let piped = crate::util::run(crate::util::cmd().env("COLUMNS", "40").arg("10058")).stdout;
    assert!(widest(&piped) > 40, "{piped}");
}

/// The widest line of `text` in display columns (a wide character takes two).
fn columns(text: &str) -> (usize, &str) {
    text.lines()
        .map(|l| (textwrap::core::display_width(l), l))
        .max()
        .unwrap_or((0, ""))
}

/// Every line fits 80 columns: the explanation of every code of every catalog (their header
/// lines, the longest of which run past 140 columns unwrapped), whole responses, the
/// listings, and errexplain's own messages on standard error.
#[test]
fn every_line_fits_80_columns() {
    let listed = crate::util::args(&["--list", "--format", "line"]).stdout;
    let codes: Vec<String> = listed
        .lines()
        .map(|l| {
            let mut f = l.split('\t');
            format!("{}:{}", f.next().unwrap(), f.next().unwrap())
        })
        .collect();
    assert!(codes.len() > 800, "{}", codes.len());
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("codes");
    std::fs::write(&list, codes.join("\n")).unwrap();
    let examples = crate::util::examples();
    let script = format!(
        "stty rows 50 cols 80; xargs -d '\\n' -a '{}' {{bin}} --color always; \
         for f in '{}'/*.txt; do {{bin}} --color always < \"$f\"; done; \
         {{bin}} --color never --list; {{bin}} --color never --catalogs; \
         {{bin}} --color never --search rate limit; {{bin}} no-such-code-anywhere; \
         echo 'nothing to see here' | {{bin}}",
        list.display(),
        examples.display()
    );
    let out = shown(&script);
    let plain = strip_ansi(&out);
    for code in ["cloudflare · 1104", "s3 · NoSuchKey", "discord · 50013"] {
        assert!(plain.contains(code), "{code} explained");
    }
    // errexplain's own message, wrapped with its continuation indented.
    assert!(
        plain.contains(
            "errexplain: no error code, HTTP status or known error message found in standard\n  input\n"
        ),
        "{plain}"
    );
    // A web address longer than a line is kept whole, on a line of its own after its label,
    // so that it can be copied and followed.
    let whole_address = |l: &str| {
        let mut words = l.split_whitespace();
        matches!(
            (words.next(), words.next(), words.next()),
            (Some("docs"), Some(url), None) if url.starts_with("https://")
        )
    };
    let kept: Vec<&str> = plain.lines().filter(|l| !whole_address(l)).collect();
    let kept = kept.join("\n");
    let (width, line) = columns(&kept);
    assert!(width <= 80, "{width} columns: {line:?}");
    // The longest header, wrapped: its second line is indented under the first.
    assert!(
        plain.contains(
            "cloudflare · 1104 · A variation of this email address is already taken in our\n  system."
        ),
        "{}",
        &plain[plain.find("cloudflare · 1104").unwrap()..][..200]
    );
}

/// A terminal whose size cannot be read, with no `COLUMNS`, is taken to be 80 columns wide.
#[test]
fn a_terminal_of_unknown_size_is_80_columns() {
    let out = shown("stty rows 0 cols 0; {bin} --color never cloudflare:1104");
    assert!(out.contains("A variation of this email"), "{out}");
    assert!(widest(&out) <= 80, "{out}");
    assert!(widest(&out) > 60, "{out}");
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters, then a final byte in @..~.
            if chars.next() == Some('[') {
                for d in chars.by_ref() {
                    if ('@'..='~').contains(&d) {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
