//! errexplain: explains API errors. The command line lives in the library (`app`), beside the
//! modules it uses, so that they stay private to the crate.

fn main() -> std::process::ExitCode {
    errexplain::command_line()
}
