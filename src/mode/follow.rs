//! `--follow`: reads a stream (a growing log, `kubectl logs -f`, CI output) for as long as it
//! runs and explains each error as soon as its record is complete, with the same readers and
//! ranking as a one-shot run. Records are lines, or several lines that belong together (a JSON
//! object, an HTTP response, an exception with its stack, an XML body); a record is complete
//! at a blank line, at the next line that starts a new entry, or after a short quiet period.
//! The same error again is counted, not printed again. Memory stays bounded however long the
//! stream runs.

use crate::catalog::Registry;
use crate::explain::{self, Filter, Report};
use crate::input;
use crate::lexicon::Class;
use std::collections::HashMap;
use std::io::BufRead;
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
const MAX_LINE: usize = 256 * 1024;

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

/// Words a record must contain to be read at all: the failure words of the vocabulary layer,
/// and the markers of the structured readers. Most log lines are not errors, and one pass of
/// this automaton is far cheaper than the readers.
const MARKERS: &[&str] = &[
    "http/", "status", "code", "curl:", "errno", "<error", "retry",
];

fn worth_reading(text: &str) -> bool {
    static WORDS: crate::words::Words = crate::words::Words::new(|| {
        let mut words = crate::lexicon::FAILURE.to_vec();
        words.extend_from_slice(MARKERS);
        words
    });
    WORDS.any_in(text)
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
    line.bytes().fold(0, |n, b| match b {
        b'{' | b'[' => n + 1,
        b'}' | b']' => n - 1,
        _ => n,
    })
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
    pub line: u64,
    seen: HashMap<String, usize>,
    pub errors: Vec<Seen>,
    /// Errors past the distinct cap, counted together.
    pub others: u64,
    pub worst: Class,
}

impl<'r> Follower<'r> {
    pub fn new(reg: &'r Registry, filter: Filter<'r>) -> Self {
        Follower {
            reg,
            filter,
            record: String::new(),
            record_line: 0,
            open: 0,
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
        let text = std::mem::take(&mut self.record);
        if !worth_reading(&text) {
            return;
        }
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

/// Lines from a reader, on a thread, so that the quiet period can end a record; each line cut
/// at `MAX_LINE` and read lossily. Lines travel in batches: as many as are already buffered
/// (up to 1,024), so that a fast stream does not pay a channel message per line and a slow
/// one gets each line at once.
pub fn lines<R: std::io::Read + Send + 'static>(reader: R) -> mpsc::Receiver<Vec<String>> {
    let (tx, rx) = mpsc::sync_channel::<Vec<String>>(64);
    std::thread::spawn(move || {
        let mut reader = std::io::BufReader::with_capacity(64 * 1024, reader);
        let mut buf = Vec::with_capacity(4096);
        let mut batch: Vec<String> = Vec::new();
        loop {
            buf.clear();
            // Read one line without keeping more than MAX_LINE of it.
            let mut total = 0usize;
            let mut ended = false;
            loop {
                let chunk = match reader.fill_buf() {
                    Ok(c) => c,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(_) => {
                        ended = true;
                        break;
                    }
                };
                if chunk.is_empty() {
                    ended = true;
                    break;
                }
                let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
                    Some(i) => (i + 1, true),
                    None => (chunk.len(), false),
                };
                if total < MAX_LINE {
                    let keep = take.min(MAX_LINE - total);
                    buf.extend_from_slice(&chunk[..keep]);
                }
                total += take;
                reader.consume(take);
                if done {
                    break;
                }
            }
            if total > 0 {
                let line = String::from_utf8_lossy(&buf)
                    .trim_end_matches(['\n', '\r'])
                    .to_string();
                batch.push(line);
            }
            // Send when nothing more is buffered (the next read may wait), or the batch is full.
            if ended || batch.len() >= 1024 || reader.buffer().is_empty() {
                if !batch.is_empty() && tx.send(std::mem::take(&mut batch)).is_err() {
                    return;
                }
                if ended {
                    return;
                }
            }
        }
    });
    rx
}

/// Set by SIGINT: the stream ends here, with its summary.
static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(unix)]
extern "C" fn on_interrupt(_: libc::c_int) {
    INTERRUPTED.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// `--follow`: follows standard input to its end (or to Ctrl-C), handing each event to `on`
/// as it happens; the follower that is left holds what the summary says.
pub fn follow<'r>(
    reg: &'r Registry,
    filter: Filter<'r>,
    on: &mut dyn FnMut(Event),
) -> Follower<'r> {
    #[cfg(unix)]
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(
            libc::SIGINT,
            on_interrupt as *const () as libc::sighandler_t,
        );
    }
    let rx = lines(std::io::stdin());
    let mut f = Follower::new(reg, filter);
    let stop = || INTERRUPTED.load(std::sync::atomic::Ordering::Relaxed);
    drive(&mut f, &rx, &stop, on);
    f
}

/// Drives a follower from a line channel until the stream ends (or `stop` says so).
pub fn drive(
    follower: &mut Follower,
    rx: &mpsc::Receiver<Vec<String>>,
    stop: &dyn Fn() -> bool,
    on: &mut dyn FnMut(Event),
) {
    loop {
        if stop() {
            break;
        }
        match rx.recv_timeout(QUIET) {
            Ok(batch) => {
                for line in &batch {
                    follower.line(line, on);
                }
            }
            // A pause: what is pending is complete.
            Err(RecvTimeoutError::Timeout) => follower.flush(on),
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    follower.flush(on);
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
}
