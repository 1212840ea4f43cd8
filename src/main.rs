//! errexplain: explains API errors. The command line lives in the library (`app`), beside the
//! modules it uses, so that they stay private to the crate.
//!
//! On Unix the C runtime calls `main` directly: the standard library's start-up (a stack
//! overflow guard that reads `/proc/self/maps`, a signal stack, a check of the standard
//! descriptors: some twenty system calls) costs more than a short answer does, and an answer
//! needs none of it: every reader is bounded in depth. What of it matters is done here:
//! arguments are read from `argv`, SIGPIPE is ignored (a closed pipe is an error that the
//! output code handles), and `std::process::exit` flushes standard output.
#![cfg_attr(unix, no_main)]

#[cfg(unix)]
#[no_mangle]
extern "C" fn main(argc: libc::c_int, argv: *const *const libc::c_char) -> libc::c_int {
    use std::os::unix::ffi::OsStringExt;
    let count = usize::try_from(argc).unwrap_or(0);
    let args = (0..count)
        .map(|i| {
            // SAFETY: the C runtime passes `argc` pointers to NUL-terminated strings that
            // live as long as the process.
            let arg = unsafe { std::ffi::CStr::from_ptr(*argv.add(i)) };
            std::ffi::OsString::from_vec(arg.to_bytes().to_vec())
        })
        .collect();
    // SAFETY: setting a signal's disposition to SIG_IGN has no handler to be unsafe in.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };
    std::process::exit(i32::from(errexplain::command_line(args)))
}

#[cfg(not(unix))]
fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(errexplain::command_line(std::env::args_os().collect()))
}
