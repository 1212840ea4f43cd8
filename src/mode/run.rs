//! `--run CMD [ARGS...]`: runs a command directly (no shell), passes its standard output and
//! error through live and unchanged, keeps a bounded copy of both (the same first-and-last rule
//! as for standard input), and explains its failure with the same readers as everything else.
//! The command's exit status is evidence too: curl's exit status N is curl's error N. Once
//! the command has exited, its output is read for [`GRACE`] more at most: what it wrote is
//! already in the pipes, and a process it left behind that keeps them open (a daemon, a
//! `cmd &`) does not hold errexplain.

use crate::catalog::Registry;
use crate::exit::Exit;
use crate::explain::{self, Filter, Report};
use crate::input::{self, ServerError};
use crate::lexicon::Class;
use crate::sanitize::Untrusted;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// How long the command's pipes are still read after it exited.
pub const GRACE: Duration = Duration::from_millis(500);

/// How the command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// Exited with this status.
    Status(i32),
    /// Killed by this signal.
    Signal(i32),
}

/// What running the command gave.
pub struct Ran {
    pub ended: Ended,
    /// The explanation, when the command failed or its output shows an error.
    pub report: Option<Report>,
}

impl Ran {
    /// errexplain's exit status, and what to say about it: 128+N when signal N killed the
    /// command; else by the class of the error its output shows; a failure whose output
    /// shows nothing errexplain knows is a client error (1), said so.
    pub fn ending(&self) -> (u8, Option<String>) {
        match (&self.report, self.ended) {
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
        }
    }
}

/// Reads from a pipe, copies every chunk at once to `out` (the user's terminal or file), and
/// hands it on to the bounded reader.
struct Tee<R: Read, W: Write> {
    from: R,
    out: W,
}

impl<R: Read, W: Write> Read for Tee<R, W> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.from.read(buf)?;
        // The command's output reaches its reader even if ours has gone (a closed pipe is the
        // reader's business, not a reason to stop the command).
        let _ = self
            .out
            .write_all(&buf[..n])
            .and_then(|()| self.out.flush());
        Ok(n)
    }
}

/// A pipe from the command that reads to its end while the command runs, and for [`GRACE`]
/// after it exited (set once, by the thread that waits for it).
struct Drain<R> {
    from: R,
    #[cfg(unix)]
    fd: std::os::unix::io::RawFd,
    exited: Arc<OnceLock<Instant>>,
}

impl<R: Read> Read for Drain<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        #[cfg(unix)]
        loop {
            // While the command runs, wake now and then to see whether it has exited.
            let wait = match self.exited.get() {
                Some(at) => match GRACE.checked_sub(at.elapsed()) {
                    Some(left) => left,
                    None => return Ok(0),
                },
                None => Duration::from_millis(50),
            };
            let mut fds = libc::pollfd {
                fd: self.fd,
                events: libc::POLLIN,
                revents: 0,
            };
            let ms = wait.as_millis().clamp(1, 1000) as libc::c_int;
            // SAFETY: one valid pollfd for the duration of the call.
            let ready = unsafe { libc::poll(&mut fds, 1, ms) };
            if ready > 0 {
                break;
            }
            if ready < 0
                && std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted
            {
                break;
            }
        }
        self.from.read(buf)
    }
}

/// Passes `from` through to `out` to its end; returns the bounded copy as text (the command's
/// output is outside text: it is read, and shown only as the readers record it, cleaned).
fn pass_through<R: Read, W: Write>(from: R, out: W) -> Untrusted {
    let mut tee = Tee { from, out };
    let kept = input::read(&mut tee);
    // Whatever the reader decided (binary, long), the rest still flows through.
    let _ = std::io::copy(&mut tee, &mut std::io::sink());
    Untrusted::new(kept.map(|raw| raw.text).unwrap_or_default())
}

/// A pipe from the command: read, and waited on by its descriptor.
trait ReadFd: Read + Send {
    #[cfg(unix)]
    fn fd(&self) -> std::os::unix::io::RawFd;
}

#[cfg(unix)]
impl<T: Read + Send + std::os::unix::io::AsRawFd> ReadFd for T {
    fn fd(&self) -> std::os::unix::io::RawFd {
        self.as_raw_fd()
    }
}

#[cfg(not(unix))]
impl<T: Read + Send> ReadFd for T {}

/// The file name of the program, for deciding how to read its exit status.
fn program_name(cmd: &std::ffi::OsStr) -> String {
    std::path::Path::new(cmd)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Runs `argv` and explains what it gave. `Err` is errexplain's own failure: the command could
/// not be started.
pub fn run(reg: &Registry, argv: &[std::ffi::OsString], filter: &Filter) -> Result<Ran, String> {
    let Some((cmd, args)) = argv.split_first() else {
        return Err("--run needs a command to run".into());
    };
    let mut child = Command::new(cmd)
        .args(args)
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            format!(
                "cannot run {:?}: {}",
                Untrusted::lossy(cmd).clean(),
                match e.kind() {
                    std::io::ErrorKind::NotFound => "command not found".to_string(),
                    std::io::ErrorKind::PermissionDenied => "not executable".to_string(),
                    _ => e.to_string(),
                }
            )
        })?;
    // Ctrl-C goes to the command (same process group); errexplain stays to report how it ended.
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to "ignore" has no preconditions.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_IGN);
        libc::signal(libc::SIGQUIT, libc::SIG_IGN);
    }
    let exited: Arc<OnceLock<Instant>> = Arc::new(OnceLock::new());
    let drain = |from: Option<Box<dyn ReadFd>>| {
        let exited = Arc::clone(&exited);
        from.map(move |from| Drain {
            #[cfg(unix)]
            fd: from.fd(),
            from,
            exited,
        })
    };
    let out = drain(child.stdout.take().map(|o| Box::new(o) as Box<dyn ReadFd>));
    let err = drain(child.stderr.take().map(|e| Box::new(e) as Box<dyn ReadFd>));
    let out_thread = std::thread::spawn(move || {
        out.map(|o| pass_through(o, std::io::stdout()))
            .unwrap_or_default()
    });
    let err_thread = std::thread::spawn(move || {
        err.map(|e| pass_through(e, std::io::stderr()))
            .unwrap_or_default()
    });
    let status = child.wait();
    let _ = exited.set(Instant::now());
    let err_text = err_thread.join().unwrap_or_default();
    let out_text = out_thread.join().unwrap_or_default();
    let status = status.map_err(|e| format!("cannot wait for the command: {e}"))?;
    let ended = match status.code() {
        Some(c) => Ended::Status(c),
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::process::ExitStatusExt;
                Ended::Signal(status.signal().unwrap_or(0))
            }
            #[cfg(not(unix))]
            {
                Ended::Status(1)
            }
        }
    };
    let text = match (out_text.expose(), err_text.expose()) {
        (out, "") => out.to_string(),
        (out, err) => format!("{out}\n{err}"),
    };
    let mut ev = input::analyze(&text);
    let code = match ended {
        Ended::Status(c) => c,
        Ended::Signal(_) => 0,
    };
    // curl reports a network failure by its exit status alone under -s: that status is its
    // error code.
    if code != 0 && program_name(cmd) == "curl" && !ev.errors.iter().any(|e| e.code.is_some()) {
        ev.found(ServerError {
            code: Some(code.to_string()),
            message: Some(format!("curl exited with status {code}")),
            shape: "curl exit status",
            hints: &["curl"],
            class: Some(Class::Network),
            ..Default::default()
        });
    }
    let label = format!("the output of {}", Untrusted::lossy(cmd).clean());
    let report = explain::response(reg, &label, &text, ev, filter);
    let failed = code != 0 || matches!(ended, Ended::Signal(_));
    let shows_error = !report.findings.is_empty() && report.class != Class::Success;
    Ok(Ran {
        ended,
        report: (failed || shows_error).then_some(report),
    })
}
