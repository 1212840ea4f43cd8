//! One-line error messages from SDKs, CLIs and logs: curl's own failures, the AWS CLI and Java
//! SDK, R2 Workers `(10012)`, wrangler `[code: N]`, discord.py and discord.js, PHP cURL, and
//! the status phrases HTTP client libraries print.

use super::{Evidence, ServerError};
use crate::lexicon::Class;

/// Markers each reader needs somewhere in the input before it looks at any line. One search
/// over the whole text per marker costs less than every reader searching every line.
pub(super) struct Present {
    curl: bool,
    aws: bool,
    wrangler: bool,
    discord: bool,
    statuses: bool,
    no_response: bool,
    exits: bool,
}

/// The markers of each reader, in the order of [`Present`]'s fields.
const CURL: &[&str] = &["curl: (", "cURL error ", "RPC failed; "];
const AWS: &[&str] = &["An error occurred (", "Error Code:"];
const WRANGLER: &[&str] = &["[code: "];
const DISCORD: &[&str] = &["(error code: ", "DiscordAPIError["];

/// Every marker with the reader it belongs to (0 curl, 1 aws, 2 wrangler, 3 discord,
/// 4 statuses, 5 words that say no response came back, 6 a process's exit status).
pub(super) fn markers() -> Vec<(&'static str, usize)> {
    let mut out: Vec<(&'static str, usize)> = Vec::new();
    for (group, list) in [CURL, AWS, WRANGLER, DISCORD].iter().enumerate() {
        out.extend(list.iter().map(|m| (*m, group)));
    }
    out.extend(crate::lexicon::STATUS_PHRASINGS.iter().map(|p| (p.0, 4)));
    out.extend(
        crate::lexicon::NO_RESPONSE_PHRASINGS
            .iter()
            .map(|p| (p.0, 5)),
    );
    // The labels of letters and spaces only (`$?` is no word to look for).
    out.extend(
        crate::lexicon::EXIT_LABELS
            .iter()
            .filter(|l| l.bytes().all(|b| b.is_ascii_alphabetic() || b == b' '))
            .map(|l| (*l, 6)),
    );
    out
}

impl Present {
    /// Which readers' markers occur, from whether each marker of [`markers`] does (found,
    /// ignoring ASCII case, in one pass with the other readers' words: a reader checks its
    /// lines exactly).
    pub(super) fn of(seen: &[bool]) -> Present {
        static GROUPS: std::sync::OnceLock<Vec<usize>> = std::sync::OnceLock::new();
        let groups = GROUPS.get_or_init(|| markers().iter().map(|(_, g)| *g).collect());
        let mut group = [false; 7];
        for (g, seen) in groups.iter().zip(seen) {
            group[*g] |= seen;
        }
        Present {
            curl: group[0],
            aws: group[1],
            wrangler: group[2],
            discord: group[3],
            statuses: group[4],
            no_response: group[5],
            exits: group[6],
        }
    }
}

/// Reads each line, with the readers whose markers occur in the text.
pub(super) fn scan_with(text: &str, ev: &mut Evidence, present: &Present) {
    // The command the text last showed being run, and how many lines ago.
    let mut command = Command::default();
    for line in text.lines() {
        let l = line.trim().trim_matches('*').trim_matches('`').trim();
        if l.is_empty() || l.len() > 64 * 1024 {
            continue;
        }
        if present.exits {
            command.read(l, ev);
        }
        if present.curl {
            curl(l, ev);
        }
        if present.aws {
            aws(l, ev);
        }
        r2_workers(l, ev);
        if present.wrangler {
            wrangler(l, ev);
        }
        if present.discord {
            discord(l, ev);
        }
        if present.statuses {
            statuses(l, ev);
        }
        if present.no_response {
            no_response(l, ev);
        }
    }
}

/// How far back (in lines with content) the command a process's exit status belongs to may
/// be: a CI step's command comes a few lines before its `Process completed with exit code
/// 6`, a long output between them is another story.
const COMMAND_WITHIN: usize = 64;

/// The command a text last showed being run: whether it was curl, and how many lines with
/// content ago.
#[derive(Default)]
struct Command {
    curl: bool,
    ago: Option<usize>,
}

impl Command {
    /// Reads a line: a command it shows being run (`$ curl -fsS ...`, `Run curl ...`, `RUN
    /// curl ...`, `+ curl ...`), and an exit status it reports. A process's exit status is
    /// curl's exit code where the command that ran was curl, on the same line (BuildKit's
    /// `process "/bin/sh -c curl -fsL ..." did not complete successfully: exit code: 6`,
    /// Python's `Command '['curl', '-sf', ...]' returned non-zero exit status 22.`) or the
    /// last one shown before it (GitHub Actions' `Run curl ...` then `Process completed with
    /// exit code 7.`).
    fn read(&mut self, l: &str, ev: &mut Evidence) {
        self.ago = self.ago.map(|n| n + 1);
        let runs_curl = runs_curl(l);
        if runs_curl || shows_command(l) {
            self.curl = runs_curl;
            self.ago = Some(0);
        }
        let Some(n) = exit_status(l) else { return };
        let curl = runs_curl || self.curl && self.ago.is_some_and(|a| a <= COMMAND_WITHIN);
        // 1 and 2 are any shell's failures as much as curl's (a chain or a script exits 1).
        if curl && (3..=99).contains(&n) {
            ev.found(ServerError {
                code: Some(n.to_string()),
                shape: "curl exit status",
                hints: &["curl"],
                class: Some(Class::Network),
                ..Default::default()
            });
        }
    }
}

/// Whether a line starts with a prompt or a runner's word for a command it shows (`$ `,
/// `+ ` of `sh -x`, `> `, `Run ` of GitHub Actions, `RUN ` of a Dockerfile).
/// (The list is lower case, as the build writes it: `Run ` is matched with its case
/// forgiven.)
pub(super) fn shows_command(l: &str) -> bool {
    crate::lexicon::COMMAND_PROMPTS.iter().any(|p| {
        l.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    })
}

/// Whether the line runs curl: the word `curl` (or a path ending in it, `curl.exe`) as a
/// command, with an option, an address, a quote or a list's comma after it (`apk add curl
/// tar` installs it, `curl: (6)` is its own message), and not as the start of a pipeline
/// (`curl ... | sh` exits as its last command does).
fn runs_curl(l: &str) -> bool {
    let b = l.as_bytes();
    // (Where the line's last pipe stands, found once.)
    let pipe = l.rfind(" | ");
    l.match_indices("curl").any(|(i, _)| {
        let before = i.checked_sub(1).map(|k| b[k]);
        let word_start = before
            .is_none_or(|c| !c.is_ascii_alphanumeric() && c != b'-' && c != b'.' && c != b'_');
        let rest = &l[i + 4..];
        let rest = rest.strip_prefix(".exe").unwrap_or(rest);
        let args = rest.strip_prefix(' ').is_some_and(|r| {
            let r = r.trim_start();
            r.starts_with(['-', '"', '\'', '$']) || r.starts_with("http")
        }) || rest.starts_with("', '")
            || rest.starts_with("\", \"")
            || rest.starts_with("\",\"");
        let piped = pipe.is_some_and(|p| p > i);
        word_start && args && !piped
    })
}

/// The exit status a line reports, after one of `words.toml`'s labels (`exit code: 6`,
/// `exited with code 7`, `non-zero exit status 22.`).
fn exit_status(l: &str) -> Option<u16> {
    let lower = l.to_ascii_lowercase();
    crate::lexicon::EXIT_LABELS.iter().find_map(|label| {
        lower.match_indices(label).find_map(|(i, _)| {
            let rest = lower[i + label.len()..].trim_start_matches([' ', ':', '=']);
            let d = digits(rest);
            let after = rest[d.len()..].chars().next();
            (!d.is_empty() && d.len() <= 3 && after.is_none_or(|c| !c.is_ascii_alphanumeric()))
                .then(|| d.parse().ok())
                .flatten()
        })
    })
}

fn digits(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    &s[..end]
}

/// `curl: (6) Could not resolve host: x`, PHP's `cURL error 6: ...` and git's `RPC failed;
/// curl 56 GnuTLS recv error`. True when found.
fn curl(l: &str, ev: &mut Evidence) -> bool {
    let found = if let Some(i) = l.find("curl: (") {
        let rest = &l[i + 7..];
        let d = digits(rest);
        rest[d.len()..].strip_prefix(')').map(|m| (d, m))
    } else if let Some(i) = l.find("cURL error ") {
        let rest = &l[i + 11..];
        let d = digits(rest);
        rest[d.len()..].strip_prefix(':').map(|m| (d, m))
    } else if let Some(i) = l.find("RPC failed; ") {
        // git's remote-curl.c: `RPC failed; [HTTP 504 ]curl 22 The requested URL returned
        // error: 504`.
        let rest = &l[i + 12..];
        let rest = match rest.strip_prefix("HTTP ") {
            Some(r) => {
                let st = digits(r);
                if let Ok(st) = st.parse::<u16>().map_err(|_| ()).and_then(|n| {
                    if st.len() == 3 && (400..=599).contains(&n) {
                        Ok(n)
                    } else {
                        Err(())
                    }
                }) {
                    ev.set_status(st, "curl message");
                }
                r[st.len()..].trim_start()
            }
            None => rest,
        };
        rest.strip_prefix("curl ").map(|r| {
            let d = digits(r);
            (d, &r[d.len()..])
        })
    } else {
        None
    };
    let Some((d, msg)) = found else { return false };
    if d.is_empty() || d.len() > 4 {
        return false;
    }
    // `--fail`'s error names the status the server sent: `The requested URL returned error:
    // 503` (curl's lib/http.c).
    let status = msg
        .find("returned error: ")
        .map(|i| digits(&msg[i + 16..]))
        .filter(|d| d.len() == 3)
        .and_then(|d| d.parse::<u16>().ok())
        .filter(|st| (400..=599).contains(st));
    if let Some(st) = status {
        ev.set_status(st, "curl message");
    }
    // A proxy that answered the tunnel's CONNECT with an error (`CONNECT tunnel failed,
    // response 407`, lib/cf-h1-proxy.c): its status is the error, curl's code only that the
    // tunnel failed.
    let proxy = msg
        .find("CONNECT tunnel failed, response ")
        .map(|i| digits(&msg[i + 32..]))
        .filter(|d| d.len() == 3)
        .and_then(|d| d.parse::<u16>().ok())
        .filter(|st| (400..=599).contains(st));
    if let Some(st) = proxy {
        ev.set_status(st, "curl message");
        ev.found(ServerError {
            message: Some(msg.trim().to_string()),
            shape: "curl error",
            hints: &["curl"],
            class: Some(Class::of_status(st)),
            status: Some(st),
            ..Default::default()
        });
        return true;
    }
    ev.found(ServerError {
        code: Some(d.to_string()),
        message: Some(msg.trim().to_string()),
        shape: "curl error",
        hints: &["curl"],
        class: Some(Class::Network),
        status,
        ..Default::default()
    });
    true
}

/// AWS CLI/botocore `An error occurred (NoSuchKey) when calling the GetObject operation: ...`
/// and the Java SDK's `(Service: S3; Status Code: 403; Error Code: AccessDenied; Request ID: X`.
fn aws(l: &str, ev: &mut Evidence) {
    if let Some(i) = l.find("An error occurred (") {
        let rest = &l[i + 19..];
        if let Some(end) = rest.find(')') {
            let code = &rest[..end];
            // botocore puts the bare status there when the body carried no code (HEAD).
            if let Ok(st) = code.parse::<u16>() {
                if code.len() == 3 && (100..=599).contains(&st) {
                    ev.set_status(st, "AWS CLI/SDK error line");
                }
            }
            // The message: after `operation:`, else after the first `:`.
            let after = &rest[end..];
            let msg = after
                .split_once("operation:")
                .or_else(|| after.split_once(':'))
                .map(|(_, m)| m.trim());
            ev.found(ServerError {
                code: Some(code.to_string()),
                message: msg.map(str::to_string),
                shape: "AWS CLI/SDK error line",
                hints: &["s3", "r2"],
                ..Default::default()
            });
        }
    }
    if l.contains("Error Code:") && (l.contains("(Service:") || l.contains("Status Code:")) {
        let field = |name: &str| {
            l.find(name).map(|i| {
                let rest = &l[i + name.len()..];
                rest[..rest.find([';', ')']).unwrap_or(rest.len())]
                    .trim()
                    .to_string()
            })
        };
        let status = field("Status Code:").and_then(|s| s.parse::<u16>().ok());
        if let Some(st) = status {
            ev.set_status(st, "SDK message");
        }
        if let Some(id) = field("Request ID:") {
            ev.request_id(&id);
        }
        let msg = l.split(" (Service:").next().map(str::to_string);
        ev.found(ServerError {
            code: field("Error Code:"),
            message: msg,
            shape: "AWS Java SDK error",
            hints: &["s3", "r2"],
            status,
            ..Default::default()
        });
    }
}

/// R2 Workers binding: `put: Your metadata headers exceed ... (10012)`.
fn r2_workers(l: &str, ev: &mut Evidence) {
    // The message may stand inside a quoted value (`"message": "put: ... (10012)",`).
    let l = l.trim_end_matches([',', ';', ' ', '"', '\'', '}', ']']);
    let Some(body) = l.strip_suffix(')') else {
        return;
    };
    let Some(open) = body.rfind('(') else { return };
    // The message starts after the quote that opens it, where it is quoted.
    let start = body[..open].rfind(['"', '\'']).map_or(0, |q| q + 1);
    let body = &body[start..];
    let open = open - start;
    let code = &body[open + 1..];
    if !(5..=6).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return;
    }
    let Some((op, msg)) = body[..open].split_once(": ") else {
        return;
    };
    let op = op.rsplit(' ').next().unwrap_or(op);
    if op.is_empty() || !op.chars().all(|c| c.is_ascii_alphabetic()) {
        return;
    }
    ev.found(ServerError {
        code: Some(code.to_string()),
        message: Some(format!("{op}: {}", msg.trim())),
        shape: "R2 Workers binding message",
        hints: &["r2"],
        ..Default::default()
    });
}

/// wrangler: `R2 bucket 'x' not found. ... [code: 10085]`.
fn wrangler(l: &str, ev: &mut Evidence) {
    let Some(i) = l.find("[code: ") else { return };
    let rest = &l[i + 7..];
    let d = digits(rest);
    if d.is_empty() || !rest[d.len()..].starts_with(']') {
        return;
    }
    ev.found(ServerError {
        code: Some(d.to_string()),
        message: Some(l[..i].trim().to_string()),
        shape: "wrangler (Cloudflare API) error",
        hints: &["cloudflare", "r2", "cf-artifacts"],
        class: Some(Class::Client),
        ..Default::default()
    });
}

/// discord.py `403 Forbidden (error code: 50013): Missing Permissions` and discord.js
/// `DiscordAPIError[50035]: Invalid Form Body`.
fn discord(l: &str, ev: &mut Evidence) {
    if let Some(i) = l.find("(error code: ") {
        let rest = &l[i + 13..];
        let d = digits(rest);
        if !d.is_empty() {
            let before = l[..i].trim();
            let status = before
                .split_whitespace()
                .find_map(|w| w.parse::<u16>().ok().filter(|n| (100..=599).contains(n)));
            if let Some(st) = status {
                ev.set_status(st, "discord.py message");
            }
            let msg = rest[d.len()..]
                .trim_start_matches(')')
                .trim_start_matches(':')
                .trim();
            ev.hint("discord", "discord.py message");
            ev.found(ServerError {
                code: Some(d.to_string()),
                message: Some(msg.to_string()),
                shape: "discord.py HTTPException",
                hints: &["discord"],
                status,
                ..Default::default()
            });
        }
    }
    if let Some(i) = l.find("DiscordAPIError[") {
        let rest = &l[i + 16..];
        let d = digits(rest);
        if !d.is_empty() && rest[d.len()..].starts_with(']') {
            let msg = rest[d.len() + 1..].trim_start_matches(':').trim();
            ev.hint("discord", "discord.js message");
            ev.found(ServerError {
                code: Some(d.to_string()),
                message: Some(msg.to_string()),
                shape: "discord.js DiscordAPIError",
                hints: &["discord"],
                ..Default::default()
            });
        }
    }
}

/// A client's words that say no response came back and not why (data/phrases/'s
/// `[[no_response]]`: a browser's `Failed to fetch`), ASCII case forgiven, standing as the
/// message: at the start of the line or after a colon, quote or bracket, and ending it or
/// its clause (`TypeError: Failed to fetch`, `[TypeError: Network request failed]`), never
/// as words of a sentence (`plugin load failed: no file`).
fn no_response(l: &str, ev: &mut Evidence) {
    if ev.no_response.is_some() {
        return;
    }
    let lower = l.to_ascii_lowercase();
    for &(phrasing, said) in crate::lexicon::NO_RESPONSE_PHRASINGS {
        let p = phrasing.to_ascii_lowercase();
        let whole = lower.match_indices(&p).any(|(i, _)| {
            let before = lower[..i].trim_end_matches([' ', '\t']).chars().next_back();
            let after = lower[i + p.len()..].chars().next();
            before.is_none_or(|c| ":\"'([{|=>`".contains(c))
                && after.is_none_or(|c| ".\"')]},;|`\n\r".contains(c))
        });
        if whole {
            ev.no_response = Some(said);
            return;
        }
    }
}

/// Statuses beside the phrasings client libraries print them with (data/phrases/'s
/// `[[statuses]]`): `resulted in a \`404`, `404 Client Error`, `Status Code: 403`.
fn statuses(l: &str, ev: &mut Evidence) {
    for &(phrasing, before, from, hint) in crate::lexicon::STATUS_PHRASINGS {
        for (i, _) in l.match_indices(phrasing).take(4) {
            let status = if before {
                // The three digits right before, one space away at most (ASCII, so any cut
                // is safe).
                let head = l[..i].strip_suffix(' ').unwrap_or(&l[..i]);
                let d = head.bytes().rev().take_while(u8::is_ascii_digit).count();
                (d == 3).then(|| &head[head.len() - 3..])
            } else {
                let rest = &l[i + phrasing.len()..];
                let d = digits(rest.strip_prefix(' ').unwrap_or(rest));
                (d.len() == 3).then_some(d)
            };
            if let Some(st) = status.and_then(|d| d.parse::<u16>().ok()) {
                if (100..=599).contains(&st) {
                    if !hint.is_empty() {
                        ev.hint(hint, phrasing.trim_end_matches([':', ' ']));
                    }
                    ev.set_status(st, from);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{fields as found, Fields as Found};

    /// Every reader on, as when each one's markers occur.
    fn read(text: &str) -> Evidence {
        let mut ev = Evidence::default();
        scan_with(text, &mut ev, &Present::of(&vec![true; markers().len()]));
        ev
    }

    fn one(
        code: &str,
        message: &str,
        shape: &'static str,
        hints: &'static [&'static str],
        status: Option<u16>,
        class: Option<Class>,
    ) -> Vec<Found> {
        vec![(
            Some(code.into()),
            Some(message.into()),
            shape,
            hints,
            status,
            class,
        )]
    }

    const S3: &[&str] = &["s3", "r2"];

    /// A process's exit status is curl's exit code where the command that ran was curl: on
    /// the same line, or the last command shown before it; not where curl was installed,
    /// piped into another command, or another command ran since.
    #[test]
    fn an_exit_status_of_curl_is_its_exit_code() {
        let code = |text: &str| -> Option<String> {
            let ev = read(text);
            ev.errors
                .iter()
                .find(|e| e.shape == "curl exit status")
                .and_then(|e| e.code.clone())
        };
        for (text, want) in [
            (
                "ERROR: failed to solve: process \"/bin/sh -c curl -fsL -o /x https://h/x &&     chmod +x /x\" did not complete successfully: exit code: 6",
                Some("6"),
            ),
            (
                "subprocess.CalledProcessError: Command '['curl', '-sf', 'https://h/x']' returned non-zero exit status 22.",
                Some("22"),
            ),
            (
                "Run curl -fsS https://h/x -o x\n  curl -fsS https://h/x -o x\n  shell: /usr/bin/bash -e {0}\nError: Process completed with exit code 28.",
                Some("28"),
            ),
            ("> curl.exe -sS https://h/\nexit status 7", Some("7")),
            ("+ curl --retry 3 https://h/x\n##[error]Process completed with exit code 35.", Some("35")),
            ("exec: \"curl\": C:\\bin\\curl.exe -s https://h exited with code 60", Some("60")),
            // Not curl's: another command ran since, curl only installed or piped, a shell's
            // generic failure, no exit status at all.
            ("$ curl -fsS https://h/x -o x\n$ tar xzf x\nexit code 6", None),
            ("RUN apk add --no-cache curl tar git\nexit code: 6", None),
            // (A runner's word for a command, in its own case: GitHub Actions' `Run`.)
            ("$ curl -fsS https://h/x -o x\nRun tar xzf x\nexit code 6", None),
            ("$ curl -fsS https://h/install.sh | sh\nexit code 7", None),
            ("$ curl -fsS https://h/x\nProcess completed with exit code 1.", None),
            ("$ curl -fsS https://h/x\nsaved 3 files", None),
            ("Process completed with exit code 6.", None),
            ("libcurl -v exit code 6", None),
        ] {
            assert_eq!(code(text).as_deref(), want, "{text}");
        }
        // Past COMMAND_WITHIN lines of other output, the command is too far back.
        let far = format!(
            "$ curl -fsS https://h/x\n{}exit code 6",
            "building...\n".repeat(COMMAND_WITHIN + 1)
        );
        assert_eq!(code(&far), None);
        let near = format!(
            "$ curl -fsS https://h/x\n{}exit code 6",
            "building...\n".repeat(COMMAND_WITHIN - 1)
        );
        assert_eq!(code(&near).as_deref(), Some("6"));
    }

    /// A client's words that say only that no response came back, standing as the message;
    /// the same words inside a sentence are not.
    #[test]
    fn words_that_say_no_response_came_back() {
        for (line, said) in [
            (
                "TypeError: Failed to fetch",
                Some("Chrome fetch(): Failed to fetch"),
            ),
            (
                "[TypeError: Network request failed]",
                Some("cross-fetch / React Native: Network request failed"),
            ),
            (
                "Uncaught (in promise) TypeError: NETWORK REQUEST FAILED",
                Some("cross-fetch / React Native: Network request failed"),
            ),
            ("AxiosError: Network Error", Some("axios: Network Error")),
            ("  code: 'ERR_NETWORK',", Some("axios: ERR_NETWORK")),
            ("ERROR plugin load failed: missing file", None),
            ("git fetch failed", None),
            ("Failed to fetch metadata for repo 'updates'", None),
            ("code: 'ERR_NETWORK_CHANGED'", None),
        ] {
            assert_eq!(read(line).no_response, said, "{line}");
        }
    }

    #[test]
    fn each_line_reader_gives_code_message_shape_hints_status_and_class() {
        let net = Some(Class::Network);
        let rows: Vec<(&str, Vec<Found>)> = vec![
            ("curl: (6) Could not resolve host: example.invalid", one("6", "Could not resolve host: example.invalid", "curl error", &["curl"], None, net)),
            ("**curl: (7) Failed to connect**", one("7", "Failed to connect", "curl error", &["curl"], None, net)),
            ("PHP Warning: cURL error 28: Operation timed out after 5000 ms", one("28", "Operation timed out after 5000 ms", "curl error", &["curl"], None, net)),
            ("curl: (1234) odd", one("1234", "odd", "curl error", &["curl"], None, net)),
            ("curl: (12345) odd", vec![]),
            ("curl: () odd", vec![]),
            ("cURL error 6 no colon", vec![]),
            ("curl: (22) The requested URL returned error: 503", one("22", "The requested URL returned error: 503", "curl error", &["curl"], Some(503), net)),
            ("curl: (22) The requested URL returned error: 200", one("22", "The requested URL returned error: 200", "curl error", &["curl"], None, net)),
            ("curl: (22) The requested URL returned error: 5031", one("22", "The requested URL returned error: 5031", "curl error", &["curl"], None, net)),
            ("error: RPC failed; curl 56 GnuTLS recv error (-54): Error in the pull function.", one("56", "GnuTLS recv error (-54): Error in the pull function.", "curl error", &["curl"], None, net)),
            ("error: RPC failed; HTTP 504 curl 22 The requested URL returned error: 504", one("22", "The requested URL returned error: 504", "curl error", &["curl"], Some(504), net)),
            ("error: RPC failed; HTTP/2 stream 7", vec![]),
            ("  \"message\": \"completeMultipartUpload: The specified multipart upload does not exist. (10024)\",", one("10024", "completeMultipartUpload: The specified multipart upload does not exist.", "R2 Workers binding message", &["r2"], None, None)),
            ("An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.", one("NoSuchKey", "The specified key does not exist.", "AWS CLI/SDK error line", S3, None, None)),
            ("An error occurred (InvalidToken): The provided token is malformed", one("InvalidToken", "The provided token is malformed", "AWS CLI/SDK error line", S3, None, None)),
            ("The specified key does not exist. (Service: Amazon S3; Status Code: 404; Error Code: NoSuchKey; Request ID: 4442587FB7D0A2F9; S3 Extended Request ID: abc)", one("NoSuchKey", "The specified key does not exist.", "AWS Java SDK error", S3, Some(404), None)),
            ("Error Code: NoSuchKey alone", vec![]),
            ("put: Your metadata headers exceed the maximum allowed metadata size. (10012)", one("10012", "put: Your metadata headers exceed the maximum allowed metadata size.", "R2 Workers binding message", &["r2"], None, None)),
            ("get: nope (1234)", vec![]),
            ("get: nope (1234567)", vec![]),
            ("get1: nope (10012)", vec![]),
            ("no colon here (10012)", vec![]),
            ("[ERROR] A request to the Cloudflare API failed. The specified bucket does not exist. [code: 10006]", one("10006", "[ERROR] A request to the Cloudflare API failed. The specified bucket does not exist.", "wrangler (Cloudflare API) error", &["cloudflare", "r2", "cf-artifacts"], None, Some(Class::Client))),
            ("odd [code: x]", vec![]),
            ("odd [code: 12", vec![]),
            ("discord.errors.Forbidden: 403 Forbidden (error code: 50013): Missing Permissions", one("50013", "Missing Permissions", "discord.py HTTPException", &["discord"], Some(403), None)),
            ("(error code: ) nothing", vec![]),
            ("DiscordAPIError[50035]: Invalid Form Body", one("50035", "Invalid Form Body", "discord.js DiscordAPIError", &["discord"], None, None)),
            ("DiscordAPIError[50035 Invalid", vec![]),
        ];
        for (line, want) in rows {
            assert_eq!(found(&read(line)), want, "{line}");
        }
    }

    #[test]
    fn what_comes_with_the_errors() {
        let ev = read("The specified key does not exist. (Service: Amazon S3; Status Code: 404; Error Code: NoSuchKey; Request ID: 4442587FB7D0A2F9)");
        assert_eq!(
            (ev.status, ev.request_id.as_deref()),
            (Some(404), Some("4442587FB7D0A2F9"))
        );
        let ev = read("An error occurred (404) when calling the HeadObject operation: Not Found");
        assert_eq!(ev.status, Some(404));
        for code in ["4040", "0404", "99"] {
            let ev = read(&format!(
                "An error occurred ({code}) when calling the HeadObject operation: Not Found"
            ));
            assert_eq!(ev.status, None, "{code}");
        }
        // The Java SDK's fields with either of its markers.
        let ev = read("Access Denied (Status Code: 403; Error Code: AccessDenied; Request ID: R1)");
        assert_eq!(ev.errors[0].code.as_deref(), Some("AccessDenied"));
        let ev = read(
            "discord.errors.Forbidden: 403 Forbidden (error code: 50013): Missing Permissions",
        );
        assert_eq!(
            ev.hints.iter().map(|h| h.catalog).collect::<Vec<_>>(),
            ["discord"]
        );
        let ev = read("DiscordAPIError[10008]: Unknown Message");
        assert_eq!(
            ev.hints.iter().map(|h| h.catalog).collect::<Vec<_>>(),
            ["discord"]
        );
        // curl's --fail message gives the response its status.
        let ev = read("curl: (22) The requested URL returned error: 429");
        assert_eq!(
            (ev.status, ev.status_from),
            (Some(429), Some("curl message"))
        );
        // A line of up to 64 KiB is read; a longer one is not.
        let line = |len: usize| format!("curl: (6) x {}", "y".repeat(len - 12));
        assert_eq!(read(&line(64 * 1024)).errors.len(), 1);
        assert!(read(&line(64 * 1024 + 1)).errors.is_empty());
    }

    #[test]
    fn status_phrases_of_client_libraries() {
        for (line, status) in [
            (
                "Client error: `GET https://x` resulted in a `404 Not Found` response",
                Some(404),
            ),
            (
                "requests.exceptions.HTTPError: 404 Client Error: Not Found for url: x",
                Some(404),
            ),
            ("503 Server Error: Service Unavailable", Some(503)),
            ("HTTP Error 503: Service Unavailable", Some(503)),
            (
                "Response status code does not indicate success: 401 (Unauthorized).",
                Some(401),
            ),
            ("12404 Client Error: x", None),
            ("999 Server Error", None),
            (
                "java.io.IOException: Server returned HTTP response code: 403 for URL: x",
                Some(403),
            ),
            (
                "(Service: Amazon S3; Status Code: 403; Error Code: AccessDenied)",
                Some(403),
            ),
            (
                "MaxRetryError: ... (Caused by ResponseError('too many 503 error responses'))",
                Some(503),
            ),
            ("we saw too many 503 error responses today", None),
            ("HTTP Error 99", None),
            ("HTTP Error 600", None),
            ("HTTP Error 4040", None),
            ("HTTP Error: 404", None),
            ("http error 404", None),
            (
                "HTTP Error x, HTTP Error x, HTTP Error x, HTTP Error x, HTTP Error 404",
                None,
            ),
            (
                "HTTP Error x, HTTP Error x, HTTP Error x, HTTP Error 404",
                Some(404),
            ),
        ] {
            assert_eq!(read(line).status, status, "{line}");
        }
        let ev = read("boto.exception.S3ResponseError: 403 Forbidden");
        assert_eq!(ev.status, Some(403));
        assert_eq!(
            ev.hints.iter().map(|h| h.catalog).collect::<Vec<_>>(),
            ["s3"]
        );
        assert!(read("HTTP Error 404").hints.is_empty());
    }

    #[test]
    fn a_reader_runs_only_where_its_markers_are() {
        let none = Present::of(&vec![false; markers().len()]);
        let mut ev = Evidence::default();
        scan_with("curl: (6) x\nDiscordAPIError[50035]: y\n[code: 10006]\nHTTP Error 503: z\nAn error occurred (X) z", &mut ev, &none);
        assert!(ev.errors.is_empty() && ev.status.is_none());
        // The R2 binding message has no marker: it is always read.
        scan_with("put: too big (10012)", &mut ev, &none);
        assert_eq!(ev.errors.len(), 1);
        // Each group of markers switches on its own reader.
        for (g, line) in [
            (0, "curl: (6) x"),
            (1, "An error occurred (X) when calling the Y operation: z"),
            (2, "x [code: 10006]"),
            (3, "DiscordAPIError[50035]: y"),
        ] {
            let seen: Vec<bool> = markers().iter().map(|(_, group)| *group == g).collect();
            let mut ev = Evidence::default();
            scan_with(line, &mut ev, &Present::of(&seen));
            assert_eq!(ev.errors.len(), 1, "{line}");
        }
        let seen: Vec<bool> = markers().iter().map(|(_, group)| *group == 4).collect();
        let mut ev = Evidence::default();
        scan_with("HTTP Error 503: z", &mut ev, &Present::of(&seen));
        assert_eq!(ev.status, Some(503));
    }
}
