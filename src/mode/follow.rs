//! `--follow`: reads a stream (a growing log, `kubectl logs -f`, CI output) for as long as it
//! runs and explains each error as soon as its record is complete, with the same readers and
//! ranking as a one-shot run. Records are lines, or several lines that belong together (a JSON
//! object, an HTTP response, an exception with its stack, an XML body); a record is complete
//! at a blank line, at the next line that starts a new entry, or after a short quiet period
//! (a last line without its newline included). The same error again is counted, not printed
//! again.
//!
//! The stream is read in chunks of bytes and split into lines in place; the prefilter
//! ([`crate::prefilter`]) reads each line once, and only a record with a line it lets through
//! (or whose unescaped form has one) goes to the readers. Memory is bounded in bytes: the
//! chunks in flight, the prefilter's memo of line shapes ([`crate::prefilter::Memo`]), one
//! line ([`MAX_LINE`]), one record ([`MAX_RECORD`]) and the reading of
//! that one record, whatever the lines are like; and the distinct errors counted.

use crate::catalog::Registry;
use crate::explain::{self, Filter, Report};
use crate::input;
use crate::lexicon::Class;
use crate::prefilter::{Flags, Memo, Prefilter};
use std::collections::HashMap;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant, SystemTime};

/// A record pending this long without a new line is complete.
pub const QUIET: Duration = Duration::from_millis(200);
/// A repeated error's count is printed again at most this often.
pub const REPEAT_EVERY: Duration = Duration::from_secs(5);
/// A record longer than this is explained as it is (a runaway line or body).
const MAX_RECORD: usize = 1024 * 1024;
/// At most this many distinct errors are counted one by one; more are counted together.
const MAX_DISTINCT: usize = 10_000;
/// A line longer than this is cut (the rest is skipped, not kept).
pub const MAX_LINE: usize = 256 * 1024;
/// Bytes are read from the stream this many at a time...
const CHUNK: usize = 256 * 1024;
/// ...and at most this many chunks wait to be read: with one line and one record, the bound
/// on what a stream can make errexplain hold.
const IN_FLIGHT: usize = 4;

/// One distinct error seen in the stream.
pub struct Seen {
    pub key: String,
    pub class: Class,
    pub count: u64,
    pub first_line: u64,
    pub first_seen: SystemTime,
    pub last_seen: SystemTime,
    printed_at: Instant,
}

/// What the caller does with each event (printing is the binary's business).
pub enum Event<'a> {
    /// A new error, explained.
    New {
        seen: &'a Seen,
        line: u64,
        report: &'a Report,
    },
    /// An error seen before, again; its count now.
    Repeat { seen: &'a Seen, line: u64 },
}

/// Whether `line` continues the record before it rather than starting a new one.
fn continues(line: &str, open: i64) -> bool {
    if open > 0 {
        return true;
    }
    let t = line.trim_start();
    line.starts_with([' ', '\t'])
        || t.starts_with(['}', ']', ')', '<'])
        || t.starts_with("at ")
        || t.starts_with("Caused by")
        || t.starts_with("...")
}

/// Brace and bracket balance of a line (JSON objects spread over lines).
fn balance(line: &str) -> i64 {
    // (Each byte counts +1, -1 or 0; summed in bytes over runs short enough not to
    // overflow one, a loop the compiler runs over many bytes at once.)
    line.as_bytes()
        .chunks(127)
        .map(|run| {
            let sum = run.iter().fold(0i8, |sum, &c| {
                sum + i8::from(c == b'{' || c == b'[') - i8::from(c == b'}' || c == b']')
            });
            i64::from(sum)
        })
        .sum()
}

/// The key under which repeats of one error are counted: the best match, else the server's
/// code, else the status.
fn key_of(r: &Report) -> Option<(String, Class)> {
    let f = r.findings.iter().find(|f| f.class != Class::Success)?;
    let key = match (f.matches.first(), &f.server) {
        (Some(m), _) => m.entry.qualified(),
        (None, Some(s)) => s.code.clone().or(s.message.clone())?,
        _ => return None,
    };
    Some((key, f.class))
}

/// The stream's state: the pending record and the errors seen.
pub struct Follower<'r> {
    reg: &'r Registry,
    filter: Filter<'r>,
    record: String,
    record_line: u64,
    open: i64,
    /// `None`: every record is read (user catalogs are loaded, or the caller asked).
    prefilter: Option<Prefilter>,
    /// Its answers by the shape of a line.
    memo: Memo,
    /// What the prefilter said of the pending record's lines.
    flags: Flags,
    pub line: u64,
    seen: HashMap<String, usize>,
    pub errors: Vec<Seen>,
    /// Errors past the distinct cap, counted together.
    pub others: u64,
    pub worst: Class,
}

impl<'r> Follower<'r> {
    /// A follower that reads closely only the records the prefilter lets through.
    pub fn new(reg: &'r Registry, filter: Filter<'r>) -> Self {
        let prefilter = Prefilter::for_registry(reg, false);
        Follower::with(reg, filter, prefilter)
    }

    /// A follower that reads every record closely (what the prefilter must agree with).
    #[cfg(test)]
    pub fn unfiltered(reg: &'r Registry, filter: Filter<'r>) -> Self {
        Follower::with(reg, filter, None)
    }

    fn with(reg: &'r Registry, filter: Filter<'r>, prefilter: Option<Prefilter>) -> Self {
        Follower {
            reg,
            filter,
            record: String::new(),
            record_line: 0,
            open: 0,
            prefilter,
            memo: Memo::default(),
            flags: Flags::default(),
            line: 0,
            seen: HashMap::new(),
            errors: Vec::new(),
            others: 0,
            worst: Class::Success,
        }
    }

    /// Takes one line; completes the record before it when this line starts a new one.
    pub fn line(&mut self, line: &str, on: &mut dyn FnMut(Event)) {
        self.line += 1;
        if line.trim().is_empty() {
            self.flush(on);
            return;
        }
        if !self.record.is_empty() && !continues(line, self.open) {
            self.flush(on);
        }
        if self.record.is_empty() {
            self.record_line = self.line;
        }
        if self.record.len() + line.len() < MAX_RECORD {
            self.record.push_str(line);
            self.record.push('\n');
            if let Some(p) = &self.prefilter {
                if !self.flags.hot {
                    self.flags.add(p.line_memo(&mut self.memo, line.as_bytes()));
                }
            }
        }
        self.open = (self.open + balance(line)).max(0);
        if self.record.len() >= MAX_RECORD - MAX_LINE {
            self.flush(on);
        }
    }

    /// Completes the pending record: explains it if it holds an error.
    pub fn flush(&mut self, on: &mut dyn FnMut(Event)) {
        self.open = 0;
        if self.record.is_empty() {
            return;
        }
        let flags = std::mem::take(&mut self.flags);
        if let Some(p) = &self.prefilter {
            if !p.record(&self.record, flags) {
                // (The buffer is kept for the next record.)
                self.record.clear();
                return;
            }
        }
        let text = std::mem::take(&mut self.record);
        let ev = input::analyze(&text);
        let report = explain::response(self.reg, "stream", &text, ev, &self.filter);
        let Some((key, class)) = key_of(&report) else {
            return;
        };
        if class == Class::Success {
            return;
        }
        self.worst = self.worst.max(class);
        let now = SystemTime::now();
        let line = self.record_line;
        match self.seen.get(&key) {
            Some(&i) => {
                let s = &mut self.errors[i];
                s.count += 1;
                s.last_seen = now;
                if s.printed_at.elapsed() >= REPEAT_EVERY {
                    s.printed_at = Instant::now();
                    on(Event::Repeat {
                        seen: &self.errors[i],
                        line,
                    });
                }
            }
            None if self.errors.len() >= MAX_DISTINCT => self.others += 1,
            None => {
                self.seen.insert(key.clone(), self.errors.len());
                self.errors.push(Seen {
                    key,
                    class,
                    count: 1,
                    first_line: line,
                    first_seen: now,
                    last_seen: now,
                    printed_at: Instant::now(),
                });
                let seen = self.errors.last().expect("just pushed");
                on(Event::New {
                    seen,
                    line,
                    report: &report,
                });
            }
        }
    }
}

/// What the reading thread hands on: bytes as they came, or the error that ended the reading
/// (the end of the stream closes the channel).
pub enum Chunk {
    Data(Vec<u8>),
    Failed(std::io::Error),
}

/// The chunks a reading thread hands on, and the way back for the buffers read.
pub struct Chunks {
    rx: mpsc::Receiver<Chunk>,
    spare: mpsc::Sender<Vec<u8>>,
}

/// Reads `reader` on a thread, in chunks of at most [`CHUNK`] bytes, as they come: a fast
/// stream fills each chunk, a slow one hands each line on at once. At most [`IN_FLIGHT`]
/// chunks wait; the buffers read come back to be read into again, so that at most two more
/// are ever made.
pub fn chunks<R: std::io::Read + Send + 'static>(mut reader: R) -> Chunks {
    let (tx, rx) = mpsc::sync_channel::<Chunk>(IN_FLIGHT);
    let (spare, back) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || loop {
        let mut buf = back.try_recv().unwrap_or_default();
        buf.resize(CHUNK, 0);
        match reader.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => {
                buf.truncate(n);
                if tx.send(Chunk::Data(buf)).is_err() {
                    return;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                let _ = tx.send(Chunk::Failed(e));
                return;
            }
        }
    });
    Chunks { rx, spare }
}

/// Splits bytes into lines as they come. A line is cut at [`MAX_LINE`] bytes (its newline
/// counted; the rest is skipped, not kept), read lossily, and loses its line end.
#[derive(Default)]
pub struct Lines {
    /// The start of a line whose end has not come yet.
    partial: Vec<u8>,
    /// Its length so far, with what was skipped.
    seen: usize,
}

impl Lines {
    /// Hands each complete line of `data` (with what came before) to `each`.
    pub fn feed(&mut self, mut data: &[u8], each: &mut dyn FnMut(&str)) {
        while let Some(i) = memchr::memchr(b'\n', data) {
            let line = &data[..=i];
            data = &data[i + 1..];
            if self.seen == 0 {
                emit(&line[..line.len().min(MAX_LINE)], each);
            } else {
                self.keep(line);
                let partial = std::mem::take(&mut self.partial);
                emit(&partial, each);
                self.partial = partial;
                self.partial.clear();
                self.seen = 0;
            }
        }
        self.keep(data);
    }

    fn keep(&mut self, part: &[u8]) {
        if self.seen < MAX_LINE {
            let room = MAX_LINE - self.seen;
            self.partial
                .extend_from_slice(&part[..part.len().min(room)]);
        }
        self.seen += part.len();
    }

    /// Ends the line under way, if any: the stream ended, or paused, without its newline.
    pub fn finish(&mut self, each: &mut dyn FnMut(&str)) {
        if self.seen > 0 {
            let partial = std::mem::take(&mut self.partial);
            emit(&partial, each);
            self.partial = partial;
            self.partial.clear();
            self.seen = 0;
        }
    }
}

fn emit(line: &[u8], each: &mut dyn FnMut(&str)) {
    // (Checking is faster than converting, and nearly every line is valid.)
    let text = match std::str::from_utf8(line) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(line),
    };
    each(text.trim_end_matches(['\n', '\r']));
}

/// Set by SIGINT: the stream ends here, with its summary.
static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
/// Set when the output has gone (`--follow | head -1`): nobody reads what follows.
static OUTPUT_GONE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(unix)]
extern "C" fn on_interrupt(_: libc::c_int) {
    INTERRUPTED.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// The output could not be written (its reader went away): the follow ends.
pub fn output_gone() {
    OUTPUT_GONE.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Whether standard output is a pipe or socket whose reader has gone. Checked between
/// chunks, so that a stream that stays quiet, or shows no new error, ends too.
fn stdout_closed() -> bool {
    #[cfg(unix)]
    {
        let mut fds = libc::pollfd {
            fd: 1,
            events: 0,
            revents: 0,
        };
        // SAFETY: one valid pollfd for the duration of the call; no waiting.
        let ready = unsafe { libc::poll(&mut fds, 1, 0) };
        ready > 0 && fds.revents & (libc::POLLERR | libc::POLLHUP) != 0
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// How a followed stream ended.
pub struct Followed<'r> {
    pub follower: Follower<'r>,
    /// Reading failed: the stream was not read to its end.
    pub failed: Option<std::io::Error>,
}

/// `--follow`: follows standard input to its end (or to Ctrl-C, or until the output has
/// gone), handing each event to `on` as it happens; the follower that is left holds what the
/// summary says.
pub fn follow<'r>(
    reg: &'r Registry,
    filter: Filter<'r>,
    on: &mut dyn FnMut(Event),
) -> Followed<'r> {
    #[cfg(unix)]
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(
            libc::SIGINT,
            on_interrupt as *const () as libc::sighandler_t,
        );
    }
    let rx = chunks(std::io::stdin());
    let mut f = Follower::new(reg, filter);
    let stop = || {
        INTERRUPTED.load(std::sync::atomic::Ordering::Relaxed)
            || OUTPUT_GONE.load(std::sync::atomic::Ordering::Relaxed)
            || stdout_closed()
    };
    let failed = drive(&mut f, &rx, &stop, on);
    Followed {
        follower: f,
        failed,
    }
}

/// Drives a follower from a channel of chunks until the stream ends (or `stop` says so); the
/// error that ended the reading, if one did.
pub fn drive(
    follower: &mut Follower,
    chunks: &Chunks,
    stop: &dyn Fn() -> bool,
    on: &mut dyn FnMut(Event),
) -> Option<std::io::Error> {
    let mut lines = Lines::default();
    let mut failed = None;
    loop {
        if stop() {
            break;
        }
        match chunks.rx.recv_timeout(QUIET) {
            Ok(Chunk::Data(data)) => {
                lines.feed(&data, &mut |l| follower.line(l, on));
                // (The reading thread may have ended.)
                let _ = chunks.spare.send(data);
            }
            Ok(Chunk::Failed(e)) => {
                failed = Some(e);
                break;
            }
            // A pause: what is pending is complete, a line without its newline too.
            Err(RecvTimeoutError::Timeout) => {
                lines.finish(&mut |l| follower.line(l, on));
                follower.flush(on);
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    lines.finish(&mut |l| follower.line(l, on));
    follower.flush(on);
    failed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lines: &[&str]) -> (Vec<(String, u64)>, Follower<'static>) {
        let reg: &'static Registry = Box::leak(Box::new(Registry::embedded()));
        let mut f = Follower::new(reg, Filter(&[]));
        let mut events = Vec::new();
        for l in lines {
            f.line(l, &mut |e| match e {
                Event::New { seen, line, .. } => events.push((seen.key.clone(), line)),
                Event::Repeat { seen, line } => events.push((format!("again {}", seen.key), line)),
            });
        }
        f.flush(&mut |e| {
            if let Event::New { seen, line, .. } = e {
                events.push((seen.key.clone(), line));
            }
        });
        (events, f)
    }

    #[test]
    fn records_of_one_and_of_many_lines() {
        let (events, f) = run(&[
            "2024-05-01T10:00:00Z INFO started",
            "2024-05-01T10:00:01Z ERROR upload failed: {",
            "  \"code\": \"NoSuchBucket\",",
            "  \"message\": \"The specified bucket does not exist\"",
            "}",
            "2024-05-01T10:00:02Z INFO retrying",
            "curl: (7) Failed to connect to host port 443",
            "2024-05-01T10:00:03Z ERROR again: {\"code\": \"NoSuchBucket\", \"message\": \"gone\"}",
            "java.net.SocketTimeoutException: Read timed out",
            "\tat java.net.SocketInputStream.read(SocketInputStream.java:150)",
        ]);
        let keys: Vec<&str> = events.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["s3:NoSuchBucket", "curl:7", "curl:28"], "{events:?}");
        assert_eq!(events[0].1, 2, "the record starts at its first line");
        assert_eq!(f.errors[0].count, 2, "the repeat is counted");
        assert_eq!(f.worst, Class::Network);
    }

    #[test]
    fn ordinary_lines_are_not_errors() {
        let (events, f) = run(&[
            "INFO processed 404 items in 503 ms",
            "DEBUG cache warm",
            "INFO status: ok",
        ]);
        assert!(events.is_empty(), "{events:?}");
        assert_eq!(f.worst, Class::Success);
    }

    #[test]
    fn memory_stays_bounded() {
        let reg: &'static Registry = Box::leak(Box::new(Registry::embedded()));
        let mut f = Follower::new(reg, Filter(&[]));
        let big = "{".repeat(10_000);
        for _ in 0..300 {
            f.line(&big, &mut |_| {});
        }
        assert!(f.record.len() <= MAX_RECORD);
        for i in 0..(MAX_DISTINCT + 50) {
            f.line(&format!("ERROR code: E{i}X status: 500"), &mut |_| {});
            f.flush(&mut |_| {});
        }
        assert!(f.errors.len() <= MAX_DISTINCT);
    }

    /// What a follower reports of a whole stream: each event (key, line, new or again), and
    /// each distinct error with its count and first line, and the worst class.
    type Report = (Vec<(String, u64, bool)>, Vec<(String, u64, u64)>, Class);

    fn report(mut f: Follower<'_>, text: &str) -> Report {
        let mut events = Vec::new();
        let mut on = |e: Event| match e {
            Event::New { seen, line, .. } => events.push((seen.key.clone(), line, true)),
            Event::Repeat { seen, line } => events.push((seen.key.clone(), line, false)),
        };
        let mut lines = Lines::default();
        lines.feed(text.as_bytes(), &mut |l| f.line(l, &mut on));
        lines.finish(&mut |l| f.line(l, &mut on));
        f.flush(&mut on);
        let errors = f
            .errors
            .iter()
            .map(|s| (s.key.clone(), s.count, s.first_line))
            .collect();
        (events, errors, f.worst)
    }

    fn registry() -> &'static Registry {
        static REG: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
        REG.get_or_init(Registry::embedded)
    }

    /// Errors of every kind, from the catalogs and the phrasebook: codes, names and official
    /// messages alone and with labels, phrasings in prose, curl lines, SDK lines, JSON and XML
    /// bodies, status lines and statuses in prose, errno numbers; some of them escaped.
    fn planted() -> &'static [String] {
        static POOL: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        POOL.get_or_init(|| {
            let mut out = Vec::new();
            for (n, e) in registry().entries().enumerate() {
                let msg = e.message.unwrap_or(e.name);
                let forms = [
                    e.code.to_string(),
                    format!("ERROR {}", e.name),
                    format!("request failed: code {}", e.code),
                    format!("{}: {msg}", e.code),
                    format!("{{\"code\": \"{}\", \"message\": \"{msg}\"}}", e.code),
                    format!(
                        "<Error><Code>{}</Code><Message>{msg}</Message></Error>",
                        e.code
                    ),
                    format!(
                        "An error occurred ({}) when calling the GetObject operation: {msg}",
                        e.code
                    ),
                    format!("curl: ({}) {msg}", e.code),
                    format!("then {msg}"),
                    format!("{{\\\"code\\\":\\\"{}\\\"}}", e.code),
                    format!("&lt;Error&gt;&lt;Code&gt;{}&lt;/Code&gt;", e.code),
                    format!("**{}**", e.name),
                ];
                // Every entry's plain forms; the rest for every third entry.
                let take = if n % 3 == 0 { forms.len() } else { 4 };
                out.extend(forms.into_iter().take(take));
                if let Some(st) = e.status {
                    out.push(format!("HTTP/1.1 {st} {}", e.name));
                    out.push(format!("upstream returned HTTP {st}"));
                    out.push(format!("[{st}] https://api.example.com/x"));
                    out.push(format!("10.0.0.1 - - \"GET / HTTP/1.1\" {st} 12"));
                    out.push(format!(
                        "haproxy[7]: fe be/s1 0/0/1/-1/60002 {st} 198 - - sH--"
                    ));
                }
                if let Some(errno) = e.errno.linux {
                    out.push(format!("[Errno {errno}] {msg}"));
                    out.push(format!("connect() failed ({errno}: {msg})"));
                }
            }
            for (n, p) in crate::catalog::phrases::all().enumerate() {
                out.push(p.text.to_string());
                if n % 4 == 0 {
                    out.push(format!("then {}", p.text));
                    out.push(format!("java.net.{}: x", p.text));
                }
            }
            out
        })
    }

    #[test]
    fn every_planted_error_the_readers_find_is_let_through() {
        let reg = registry();
        let p = Prefilter::for_errors();
        let mut found = 0;
        for (n, text) in planted().iter().enumerate() {
            // Each one alone, and the planted phrasings only every other one (they are many).
            if n % 2 == 1 && n > registry().entries().count() * 4 {
                continue;
            }
            let (events, _, _) = report(Follower::unfiltered(reg, Filter(&[])), text);
            if !events.is_empty() {
                found += 1;
                assert!(p.text(text), "the prefilter hides {text:?}: {events:?}");
            }
        }
        assert!(found > 1000, "{found}");
    }

    /// Lines of ordinary logs (some of them words the phrasebook knows, numbers, brackets,
    /// separators), blank lines and lines that continue a record.
    fn noise() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            "[a-zA-Z0-9 :=_./\\-]{0,30}",
            "[ \t]{1,4}at [a-z.]{1,12}\\([A-Za-z]{1,8}\\.java:[0-9]{1,3}\\)",
            Just(String::new()),
            Just("2024-05-01T10:00:35Z INFO worker 12 processed batch of 200 items in 35 ms".to_string()),
            Just("  \"status\": \"ok\",".to_string()),
            Just("}".to_string()),
            Just("request id=abc took 250 ms, status 200".to_string()),
            "(the|a|request|could|not|be|processed|connection|file|open|timed|out|refused|[0-9]{1,4}|:|-|_) {0,1}(error|code|status|found|failed|denied|reset|[0-9]{3})",
        ]
    }

    use crate::prefilter::redigit;

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        #[test]
        fn the_prefiltered_follow_reports_what_the_unfiltered_one_does(
            items in proptest::collection::vec(
                proptest::prop_oneof![
                    noise().prop_map(|l| (l, None)),
                    (0..usize::MAX).prop_map(|n| (String::new(), Some((n, None)))),
                    // A planted error and a line of its shape with other digits, in either
                    // order: what the prefilter remembers of one must not hide the other.
                    (0..usize::MAX, proptest::num::u64::ANY)
                        .prop_map(|(n, seed)| (String::new(), Some((n, Some(seed))))),
                ],
                1..40,
            ),
            newline_at_end in proptest::bool::ANY,
        ) {
            let pool = planted();
            let mut text = items
                .iter()
                .map(|(line, planted)| match planted {
                    None => line.clone(),
                    Some((n, None)) => pool[n % pool.len()].clone(),
                    Some((n, Some(seed))) => {
                        let error = &pool[n % pool.len()];
                        let twin = redigit(error, *seed);
                        if seed % 2 == 0 {
                            format!("{twin}\n{error}")
                        } else {
                            format!("{error}\n{twin}")
                        }
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            if newline_at_end {
                text.push('\n');
            }
            let reg = registry();
            let filtered = report(Follower::new(reg, Filter(&[])), &text);
            let unfiltered = report(Follower::unfiltered(reg, Filter(&[])), &text);
            proptest::prop_assert_eq!(filtered, unfiltered, "{}", text);
        }
    }
}
