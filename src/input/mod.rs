//! Reading what the user pasted or piped, and turning it into evidence: a status, headers,
//! error codes and messages, request ids, retry hints, vendor hints. One module per format;
//! each scanner adds what it finds to one [`Evidence`]. Everything taken from the input is
//! cleaned (control characters escaped, secrets masked) as it is recorded.

mod document;
pub use document::reports_after;
pub use json::CODE_AND_MESSAGE;
mod html;
mod http;
mod json;
mod record;
mod recovery;
pub(crate) use record::{about_websocket, close_code};
#[cfg(feature = "cli")]
pub(crate) use record::{haproxy_timers_before, reason_before, request_before};
mod retry;
mod success;
#[cfg(feature = "cli")]
pub use success::quiet_log;
pub(crate) use success::{attempt_line, quiet_record, LEVEL_WITHIN};
mod text;
mod unescape;
mod xml;

use crate::lexicon::Class;
use crate::sanitize;
use std::io::Read;
pub use unescape::plain;

/// Of a long input, this much of the start is kept (status lines and headers are there)...
pub const HEAD: usize = 4 * 1024 * 1024;
/// ...and this much of the end (a log's latest error is there).
pub const TAIL: usize = 4 * 1024 * 1024;
/// Reading stops here even if the input goes on (`yes | errexplain` ends).
pub const READ_LIMIT: u64 = 2 * 1024 * 1024 * 1024;
/// Longest server message (or context) echoed, in bytes; the rest is counted, not shown.
pub const MAX_VALUE: usize = 300;
/// Longest code echoed, in bytes.
pub const MAX_CODE: usize = 120;
/// At most this many errors from one input are explained.
pub const MAX_ERRORS: usize = 100;

/// Text read from standard input.
pub struct Raw {
    pub text: String,
    /// Set when the middle of a long input was skipped: what was kept, in words.
    pub cut: Option<String>,
}

#[derive(Debug)]
pub enum ReadError {
    Empty,
    Binary,
    Io(std::io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Empty => write!(f, "the input is empty: nothing to explain"),
            ReadError::Binary => write!(
                f,
                "the input looks binary (it has NUL bytes): paste the error text instead"
            ),
            ReadError::Io(e) => write!(f, "cannot read it: {e}"),
        }
    }
}

fn mib(n: u64) -> u64 {
    n / 1024 / 1024
}

/// One read (retried when interrupted); binary input (a NUL byte) is refused as soon as it
/// shows. 0 means the end.
fn read_chunk(r: &mut impl Read, buf: &mut [u8]) -> Result<usize, ReadError> {
    loop {
        match r.read(buf) {
            Ok(n) if buf[..n].contains(&0) => return Err(ReadError::Binary),
            Ok(n) => return Ok(n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(ReadError::Io(e)),
        }
    }
}

/// The largest read.
const CHUNK: usize = 64 * 1024;

/// Reads an input of any size in bounded memory: all of it up to [`HEAD`] + [`TAIL`] bytes;
/// beyond that the first [`HEAD`] and the last [`TAIL`] bytes, the end cut to start on a line.
pub fn read(mut r: impl Read) -> Result<Raw, ReadError> {
    let mut head = Vec::new();
    // Small first: a short response costs no large zeroed buffer; a long input grows it.
    let mut chunk = vec![0u8; 4 * 1024];
    // Chunk by chunk, so that binary input is refused as soon as it shows.
    loop {
        let want = (HEAD + TAIL - head.len()).min(chunk.len());
        if want == 0 {
            break;
        }
        let n = read_chunk(&mut r, &mut chunk[..want])?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&chunk[..n]);
        if n == chunk.len() {
            // A full read: more may come, in larger reads.
            chunk.resize(CHUNK, 0);
        }
    }
    if head.len() < HEAD + TAIL {
        return from_vec(head, None);
    }
    // Long input: keep the last TAIL bytes in a ring, whatever comes.
    let mut ring = head.split_off(HEAD);
    let mut next = 0usize; // where the oldest byte of the ring is
    let mut total = (HEAD + TAIL) as u64;
    let mut stopped = false;
    loop {
        if total >= READ_LIMIT {
            stopped = true;
            break;
        }
        let n = read_chunk(&mut r, &mut chunk)?;
        if n == 0 {
            break;
        }
        total += n as u64;
        let mut data = &chunk[..n];
        while !data.is_empty() {
            let k = (TAIL - next).min(data.len());
            ring[next..next + k].copy_from_slice(&data[..k]);
            next = (next + k) % TAIL;
            data = &data[k..];
        }
    }
    ring.rotate_left(next);
    if total == (HEAD + TAIL) as u64 {
        // It all fitted after all: nothing was skipped.
        head.extend_from_slice(&ring);
        return from_vec(head, None);
    }
    // Neither end of the cut keeps a partial line (a token cut in two would be masked by
    // neither half's rule): the head ends at its last line break, the tail starts after its
    // first; a single line longer than either is cut at a space, or not kept at all.
    let start = ring
        .iter()
        .position(|&b| b == b'\n')
        .or_else(|| ring.iter().position(u8::is_ascii_whitespace))
        .map_or(ring.len(), |i| i + 1);
    ring.drain(..start);
    let end = head
        .iter()
        .rposition(|&b| b == b'\n')
        .or_else(|| head.iter().rposition(u8::is_ascii_whitespace))
        .unwrap_or(head.len());
    head.truncate(end);
    let cut = if stopped {
        format!(
            "the input went on past {} MiB; read its first {} MiB and the {} MiB before reading stopped",
            mib(READ_LIMIT),
            mib(HEAD as u64),
            mib(TAIL as u64)
        )
    } else {
        format!(
            "the input is {} MiB; read its first {} MiB and its last {} MiB",
            mib(total),
            mib(HEAD as u64),
            mib(TAIL as u64)
        )
    };
    head.push(b'\n');
    head.extend_from_slice(&ring);
    from_vec(head, Some(cut))
}

/// Opens a file named on the command line: a regular file only (never a FIFO or a device that
/// would block), checked on the opened handle.
pub fn open_file(path: &std::path::Path) -> Result<std::fs::File, ReadError> {
    crate::file::open(path).map_err(ReadError::Io)
}

/// Turns bytes into text: NUL bytes mean binary; invalid UTF-8 is read lossily.
pub fn from_bytes(buf: &[u8], cut: Option<String>) -> Result<Raw, ReadError> {
    from_vec(buf.to_vec(), cut)
}

/// [`from_bytes`] on bytes already owned: valid text, the usual case, becomes the text
/// without a copy.
fn from_vec(buf: Vec<u8>, cut: Option<String>) -> Result<Raw, ReadError> {
    if buf.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    if memchr::memchr(0, &buf).is_some() {
        return Err(ReadError::Binary);
    }
    // (Checked whole first: valid text is checked a word at a time.)
    let text = match String::from_utf8(buf) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    Ok(Raw { text, cut })
}

/// An error the server (or a client library) reported.
#[derive(Debug, Clone, Default)]
pub struct ServerError {
    /// The code as the server gave it (cleaned).
    pub code: Option<String>,
    pub message: Option<String>,
    /// What carried it: "S3 XML body", "Cloudflare API envelope", ...
    pub shape: &'static str,
    /// Catalogs this shape points to.
    pub hints: &'static [&'static str],
    /// A status carried with the error itself (in the body or the line).
    pub status: Option<u16>,
    /// Class to use when no catalog entry matches.
    pub class: Option<Class>,
    /// Where it sits, or how it was read: "in error_chain of 6003".
    pub context: Option<String>,
    /// A further explanation beside the message (a problem's `detail` beside its `title`).
    pub detail: Option<String>,
    /// The URI that names the kind of problem (RFC 9457 `type`): a type, not a code.
    pub type_uri: Option<String>,
    /// The URI of this occurrence (RFC 9457 `instance`).
    pub instance: Option<String>,
    /// Nested field errors (Discord form errors, a problem's `errors`): (path, code, message);
    /// the code may be empty.
    pub details: Vec<(String, String, String)>,
    /// Read from weak evidence (a lone code in free text): it counts only where a catalog
    /// knows the code, and never on its own turns ordinary text into an error.
    pub weak: bool,
}

impl ServerError {
    /// All the error says in words: the message, and the detail after it.
    pub fn said(&self) -> Option<std::borrow::Cow<'_, str>> {
        match (&self.message, &self.detail) {
            (Some(m), Some(d)) => Some(format!("{m} {d}").into()),
            (m, d) => m.as_deref().or(d.as_deref()).map(Into::into),
        }
    }
}

/// A retry hint found in the input.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryHint {
    pub seconds: f64,
    pub source: String,
    pub global: bool,
}

/// A vendor hint: this catalog is likelier, because of `why`.
#[derive(Debug, Clone)]
pub struct Hint {
    pub catalog: &'static str,
    pub why: String,
}

/// Everything found in one input.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// Formats recognised, in the order found ("raw HTTP", "curl -v transcript", ...).
    pub shapes: Vec<String>,
    pub status: Option<u16>,
    /// Where the status came from.
    pub status_from: Option<&'static str>,
    pub reason: Option<String>,
    /// Response headers (cleaned; secret values masked).
    pub headers: Vec<(String, String)>,
    pub errors: Vec<ServerError>,
    pub hints: Vec<Hint>,
    pub request_id: Option<String>,
    pub retry: Option<RetryHint>,
    /// The response's rate-limit headers say nothing is left of the quota (`x-ratelimit-
    /// remaining: 0`): whatever its status, it may be sent again once the window resets.
    pub rate_limited: bool,
    /// What the reader wants the user to know (cut input, ignored values).
    pub notes: Vec<String>,
    /// The body says success (Cloudflare `success: true` with no errors).
    pub success_body: bool,
    /// The last line (0-based, of the unescaped text) that says an operation worked.
    pub last_success: Option<usize>,
    /// The last line that gives a process's exit status of 0 (`echo $?` then `0`, `exit
    /// code 0`); it is a line of `last_success` too.
    pub last_exit_ok: Option<usize>,
    /// The last line that says an operation worked other than by an exit status of 0.
    pub last_worked: Option<usize>,
    /// The last line that says an operation ended and not how (`Build finished.`): a
    /// success only in a text that names no error.
    pub last_ended: Option<usize>,
    /// The last line that gives a test run's verdict of success (go test's `PASS`, jest's
    /// `PASS src/x.test.ts`): the errors its log names before it were its tests'.
    pub last_verdict: Option<usize>,
    /// Some line gives a test's or run's verdict of failure (go test's `--- FAIL:`, jest's
    /// `FAIL src/x.test.ts`): no later verdict of success is the run's.
    pub failed_verdict: bool,
    /// The line of a log's last record of a response (an access log's, a client's), where
    /// it answered 2xx or 3xx after one that did not: in a log that tries again, the attempt
    /// that worked.
    pub last_record_ok: Option<usize>,
    /// The last line (0-based, of the unescaped text) that says an operation failed without
    /// naming an error: an outcome field that failed, a status of 400 or more a client
    /// logged, an exit status other than zero.
    pub last_failure: Option<usize>,
    /// Some line of the unescaped text speaks of trying again (`will retry`, `Attempt 1
    /// failed`, `resuming`).
    pub retried: bool,
    /// The first and the last line that speak of trying again.
    pub first_retried_at: Option<usize>,
    pub retried_at: Option<usize>,
    /// The last line that announces another attempt (`Retrying in 2 seconds`, `Will retry
    /// in 1 second`, `Retry needed`): what failed before it was not the outcome.
    pub again_at: Option<usize>,
    /// The last line with a word that says an operation failed (`failed`, `error`,
    /// `aborted`), read as whole words, besides a counter of failures at zero.
    pub failure_word_at: Option<usize>,
    /// Some line says the retries ran out (`reached max retries`, `giving up`): the
    /// operation failed, whatever lines of success come after.
    pub retries_exhausted: bool,
    /// The text is a document that mentions errors (source code, configuration, notes),
    /// of this kind; `None` for everything else.
    pub document: Option<&'static str>,
    /// Where (a byte offset in the unescaped text) a status written in prose stands.
    pub status_at: Option<usize>,
    /// The text names many different statuses in prose: a list of them, not one answer.
    pub statuses_listed: bool,
    /// The text says no HTTP response came back, without saying why: what said it (curl's
    /// `%{http_code}` of `000`, a status field of `000`).
    pub no_response: Option<&'static str>,
    /// More errors were found than are explained.
    pub errors_dropped: usize,
    /// The normalised code of each error, computed once (for de-duplication).
    pub(crate) keys: Vec<Option<String>>,
    /// What [`analyze`] learnt that the later layers need (`None`: the evidence was not
    /// made by `analyze`, and they find out for themselves).
    pub(crate) pass: Option<Pass>,
}

impl Evidence {
    pub fn shape(&mut self, s: &str) {
        if !self.shapes.iter().any(|x| x == s) {
            self.shapes.push(s.to_string());
        }
    }

    pub fn hint(&mut self, catalog: &'static str, why: &str) {
        if !self
            .hints
            .iter()
            .any(|h| h.catalog == catalog && h.why == why)
        {
            self.hints.push(Hint {
                catalog,
                why: why.to_string(),
            });
        }
    }

    /// Records the response's status, as `from` gives it. What the server itself sent (its
    /// status line) outranks what a client library or SDK reports of it, which outranks a
    /// body's status field, which outranks a status written in prose: a status quoted in a
    /// message never replaces the real one. Of two of the same rank, the first stays.
    pub fn set_status(&mut self, status: u16, from: &'static str) {
        if !(100..=999).contains(&status) {
            return;
        }
        let rank = provenance(from);
        if self.status.is_none() || rank > self.status_from.map_or(0, provenance) {
            self.status = Some(status);
            self.status_from = Some(from);
        }
    }

    /// Records a line that says an operation failed.
    pub fn failure_line(&mut self, line: usize) {
        self.last_failure = Some(self.last_failure.map_or(line, |l| l.max(line)));
    }

    /// Records a line that says an operation worked.
    pub fn success_line(&mut self, line: usize) {
        self.last_success = Some(self.last_success.map_or(line, |l| l.max(line)));
        self.last_worked = Some(self.last_worked.map_or(line, |l| l.max(line)));
    }

    /// Records a line that gives a process's exit status of 0: a line of success that says
    /// only that the process did not fail.
    pub fn exit_ok_line(&mut self, line: usize) {
        self.last_success = Some(self.last_success.map_or(line, |l| l.max(line)));
        self.last_exit_ok = Some(self.last_exit_ok.map_or(line, |l| l.max(line)));
    }

    /// Records a line that says an operation ended, not how (`Application finished.`).
    pub fn ended_line(&mut self, line: usize) {
        self.last_ended = Some(self.last_ended.map_or(line, |l| l.max(line)));
    }

    pub fn request_id(&mut self, id: &str) {
        let id = id.trim();
        if self.request_id.is_none() && !id.is_empty() && id.len() <= 200 {
            self.request_id = Some(sanitize::clean(id));
        }
    }

    /// Records an error; the same code twice (a log line and the body it quotes) is kept once.
    pub fn error(&mut self, mut e: ServerError) {
        // Cleaned, and bounded: a server's 5 MB message is echoed as its first few lines.
        let bounded = |s: &str, max: usize| sanitize::clip(&sanitize::clean(s.trim()), max);
        e.code = e
            .code
            .map(|c| bounded(&c, MAX_CODE))
            .filter(|c| !c.is_empty());
        e.message = e
            .message
            .map(|m| bounded(&m, MAX_VALUE))
            .filter(|m| !m.is_empty());
        e.context = e.context.map(|c| bounded(&c, MAX_VALUE));
        let optional =
            |v: Option<String>, max| v.map(|v| bounded(&v, max)).filter(|v| !v.is_empty());
        e.detail = optional(e.detail, MAX_VALUE);
        e.type_uri = optional(e.type_uri, MAX_VALUE);
        e.instance = optional(e.instance, MAX_VALUE);
        for (path, code, message) in &mut e.details {
            *path = bounded(path, MAX_CODE);
            *code = bounded(code, MAX_CODE);
            *message = bounded(message, MAX_VALUE);
        }
        if e.code.is_none() && e.message.is_none() {
            return;
        }
        let key = e.code.as_deref().map(crate::lexicon::normalize);
        if let Some(key) = &key {
            let same = self
                .keys
                .iter()
                .zip(&self.errors)
                // The same code read twice in one place, or found again by the vocabulary
                // (whose context says how it was found): one error.
                .position(|(k, o)| k.as_ref() == Some(key) && (o.context == e.context || e.weak));
            if let Some(i) = same {
                let old = &mut self.errors[i];
                if old.message.is_none() {
                    old.message = e.message;
                }
                if old.details.is_empty() {
                    old.details = e.details;
                }
                old.detail = old.detail.take().or(e.detail);
                old.type_uri = old.type_uri.take().or(e.type_uri);
                old.instance = old.instance.take().or(e.instance);
                old.weak &= e.weak;
                return;
            }
        }
        if self.errors.len() >= MAX_ERRORS {
            self.errors_dropped += 1;
            return;
        }
        self.keys.push(key);
        self.errors.push(e);
    }

    /// Records an error and the shape that carried it.
    pub fn found(&mut self, e: ServerError) {
        self.shape(e.shape);
        self.error(e);
    }

    /// Records a retry hint unless it is implausible, in which case it is reported instead.
    pub fn retry_hint(&mut self, seconds: f64, source: &str, global: bool) {
        if !seconds.is_finite() || seconds < 0.0 {
            self.notes.push(format!(
                "{source} gives {seconds} s, which is negative or not a number; ignored"
            ));
        } else if seconds > 86_400.0 {
            self.notes.push(format!(
                "{source} asks to wait {seconds} s (more than a day); not trusted"
            ));
        } else if self.retry.is_none() {
            self.retry = Some(RetryHint {
                // `-0` waits no time, and says so without its sign.
                seconds: seconds.abs(),
                source: source.to_string(),
                global,
            });
        }
    }
}

/// How much a status's source says of what the server sent: 5 the status line, 4 an HTML
/// page's title or a client's report of the status (an SDK's fields, curl's `--fail`
/// message), 3 a status field of a body or record, 2 a status written in prose, 1 anything
/// else (a number the catalogs know as a status).
pub fn provenance(from: &str) -> u8 {
    match from {
        "status line" => 5,
        "HTML page"
        | "SDK message"
        | "AWS CLI/SDK error line"
        | "discord.py message"
        | "curl message"
        | "boto message"
        | "Guzzle message" => 4,
        "body" | "status field in the text" | "Discord rate-limit body (retry_after)" => 3,
        "status and reason phrase in the text"
        | "client library message"
        | "status in the text"
        | "access log" => 2,
        _ => 1,
    }
}

/// The start of every hint that comes from a vendor's name in the text.
pub const VENDOR_HINT: &str = "the text names ";

/// What the readers' pass found for the later layers.
#[derive(Debug, Clone)]
pub(crate) struct Pass {
    /// The text holds the start of a catalog's message pattern.
    pub pattern_starts: bool,
    /// The unescaped text, where unescaping changed anything.
    pub plain: Option<String>,
}

/// Every word the layers need to know about before reading, in one list searched in one
/// pass: the line readers' markers, the record reader's key stems and the first parts of the
/// catalogs' message patterns.
fn reader_words() -> &'static [Vec<&'static str>; 3] {
    static GROUPS: std::sync::OnceLock<[Vec<&'static str>; 3]> = std::sync::OnceLock::new();
    GROUPS.get_or_init(|| {
        [
            text::markers().into_iter().map(|(m, _)| m).collect(),
            record::KEY_STEMS.to_vec(),
            crate::lexicon::pattern_starts(),
        ]
    })
}

static READER_WORDS: crate::words::Words = crate::words::Words::new(|| reader_words().concat());

/// Which of [`reader_words`] occur in a text, group by group.
struct Seen {
    groups: Vec<Vec<bool>>,
}

impl Seen {
    fn of(text: &str) -> Seen {
        let mut all = READER_WORDS.which_in(text).into_iter();
        Seen {
            groups: reader_words()
                .iter()
                .map(|group| all.by_ref().take(group.len()).collect())
                .collect(),
        }
    }
    fn markers(&self) -> &[bool] {
        &self.groups[0]
    }
    fn stems(&self) -> bool {
        self.groups[1].contains(&true)
    }
    fn pattern_starts(&self) -> bool {
        self.groups[2].contains(&true)
    }
}

/// What the readers need before they find anything, in their own lists: for the prefilter
/// (`crate::prefilter`), which must never pass over what a reader would read.
pub(crate) struct Starts {
    /// The line readers' markers and the first parts of the catalogs' message patterns.
    pub markers: Vec<&'static str>,
    /// The record reader's keys of codes and statuses.
    pub keys: Vec<&'static str>,
    /// Words that label a status in prose.
    pub status_labels: Vec<&'static str>,
    /// Reason phrases that name a status in prose.
    pub reasons: &'static [(u16, &'static str)],
}

pub(crate) fn starts() -> Starts {
    let words = reader_words();
    let mut markers = words[0].clone();
    markers.extend_from_slice(&words[2]);
    Starts {
        markers,
        keys: record::code_and_status_keys().collect(),
        status_labels: crate::lexicon::STATUS_LABELS
            .iter()
            .chain(crate::lexicon::ERROR_STATUS_LABELS)
            .copied()
            .collect(),
        reasons: crate::lexicon::REASONS,
    }
}

/// Reads every format out of `text`, in layers: the structured readers (HTTP, JSON, XML,
/// HTML, SDK lines) on the text and on its unescaped form (JSON inside log strings, escaped
/// newlines, HTML entities, markdown), then the notation-agnostic record reader. The
/// vocabulary of the catalogs (codes, names and official messages in free text) is the last
/// layer, in [`crate::explain`], where the catalogs are.
pub fn analyze(text: &str) -> Evidence {
    let text = text.trim_start_matches('\u{feff}');
    let mut ev = Evidence::default();
    http::scan(text, &mut ev);
    json::scan(text, &mut ev);
    xml::scan(text, &mut ev);
    html::scan(text, &mut ev);
    // How many shapes the readers of a response found (its status line, its body): a text
    // with none of them may be a document that quotes errors in its lines.
    let mut body_shapes = ev.shapes.len();
    let seen = Seen::of(text);
    let pattern_starts = seen.pattern_starts();
    text::scan_with(text, &mut ev, &text::Present::of(seen.markers()));
    let plain = unescape::plain(text);
    let seen = match &plain {
        std::borrow::Cow::Owned(plain) => {
            let seen = Seen::of(plain);
            if !ev.success_body {
                let before = ev.errors.len();
                let shapes = ev.shapes.len();
                json::scan(plain, &mut ev);
                xml::scan(plain, &mut ev);
                body_shapes += ev.shapes.len() - shapes;
                text::scan_with(plain, &mut ev, &text::Present::of(seen.markers()));
                if ev.errors.len() > before {
                    ev.shape("escaped text (unescaped to read)");
                }
            }
            seen
        }
        std::borrow::Cow::Borrowed(_) => seen,
    };
    record::scan_with(&plain, &mut ev, seen.stems());
    success::scan(&plain, &mut ev);
    // (A monitor's record of its thing coming up again, or an alert's of being resolved, is
    // a verdict of success like a test runner's.)
    if let Some(n) = recovery::recovered(&plain) {
        ev.success_line(n);
        ev.last_verdict = ev.last_verdict.max(Some(n));
    }
    // (A record of keys and values may be a document's setting: PromQL's `code="429"`, and
    // an error line it quotes a mention: release notes' `ClientError('An error occurred
    // (404) …')`. A document is judged as written too: release notes quote code in
    // backquotes, which the plain form drops.)
    // (A body counts as a response where it stands on lines of its own, or a status line
    // does: a configuration's `return 429 '{"error": "rate_limited"}';` quotes one.)
    let response_lines = || {
        text.lines().any(|l| {
            let t = l.trim_start();
            t.starts_with(['{', '<', '[']) || t.starts_with("HTTP/")
        })
    };
    if body_shapes == 0 || !response_lines() {
        ev.document = document::kind(text).or_else(|| match &plain {
            std::borrow::Cow::Owned(p) => document::kind(p),
            std::borrow::Cow::Borrowed(_) => None,
        });
    }
    // A body's `"code": 1006` in a text about a WebSocket's closing is its close code of
    // RFC 6455 (Eris's `WS disconnected: {"code":1006,"reason":""}`), no catalog's.
    if ev
        .errors
        .iter()
        .any(|e| e.code.as_deref().is_some_and(record::close_code))
        && record::about_websocket(text)
    {
        ev.errors
            .retain(|e| !e.code.as_deref().is_some_and(record::close_code));
    }
    ev.pass = Some(Pass {
        pattern_starts,
        plain: match plain {
            std::borrow::Cow::Owned(p) => Some(p),
            std::borrow::Cow::Borrowed(_) => None,
        },
    });
    ev
}

/// What a reader's tests compare of each error: code, message, shape, hints, status, class.
#[cfg(test)]
pub(crate) type Fields = (
    Option<String>,
    Option<String>,
    &'static str,
    &'static [&'static str],
    Option<u16>,
    Option<Class>,
);

#[cfg(test)]
pub(crate) fn fields(ev: &Evidence) -> Vec<Fields> {
    ev.errors
        .iter()
        .map(|e| {
            (
                e.code.clone(),
                e.message.clone(),
                e.shape,
                e.hints,
                e.status,
                e.class,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests;
