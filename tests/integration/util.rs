//! A hermetic harness: no colour, pager, terminal or catalog variables leak in from the caller.

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;
use std::time::Duration;

pub fn cmd() -> Command {
    let mut c = Command::cargo_bin("errexplain").expect("binary is built");
    for v in [
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "TERM",
        "ERREXPLAIN_CATALOGS",
        "XDG_CONFIG_HOME",
        "HOME",
        "COLUMNS",
    ] {
        c.env_remove(v);
    }
    c.env("HOME", "/nonexistent/errexplain-test-home");
    // A UTF-8 locale, whatever the caller's: the ASCII fallback has its own test.
    c.env("LC_ALL", "C.UTF-8");
    c.timeout(Duration::from_secs(60));
    c
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn examples() -> PathBuf {
    root().join("tests/fixtures/examples")
}

/// A `PATH` with the folder of the built binary first, so that scripts (the README's
/// examples, the retry recipe) run this `errexplain`.
pub fn path_with_binary() -> String {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_errexplain"));
    format!(
        "{}:{}",
        bin.parent().expect("the binary's folder").display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(c: &mut Command) -> Run {
    let out = c.output().expect("runs");
    Run {
        code: out.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

pub fn args(a: &[&str]) -> Run {
    run(cmd().args(a))
}

pub fn stdin(a: &[&str], input: impl Into<Vec<u8>>) -> Run {
    run(cmd().args(a).write_stdin(input))
}

pub fn json(r: &Run) -> Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", r.stdout))
}

/// Every code a JSON result names: the server's codes, their field details, and the matches.
pub fn codes_in(doc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for r in doc["results"].as_array().into_iter().flatten() {
        for f in r["findings"].as_array().into_iter().flatten() {
            if let Some(c) = f["server"]["code"].as_str() {
                out.push(c.to_string());
            }
            for d in f["server"]["details"].as_array().into_iter().flatten() {
                out.push(d["code"].as_str().unwrap_or_default().to_string());
            }
            for m in f["matches"].as_array().into_iter().flatten() {
                out.push(m["code"].as_str().unwrap_or_default().to_string());
                out.push(m["name"].as_str().unwrap_or_default().to_string());
            }
        }
    }
    out
}

/// No byte that could drive a terminal or hide text: C0 controls other than newline and tab,
/// DEL, C1, bidi and zero-width characters, line and paragraph separators, tag characters,
/// variation selectors and the other invisible fillers.
pub fn assert_clean(s: &str, context: &str) {
    for c in s.chars() {
        let bad = (c.is_control() && c != '\n' && c != '\t')
            || matches!(c,
                '\u{ad}' | '\u{180e}' | '\u{3164}' | '\u{ffa0}' | '\u{115f}' | '\u{1160}'
                | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
                | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{e0000}'..='\u{e0fff}');
        assert!(!bad, "raw {c:?} in output of {context}: {s:?}");
    }
}

/// The ids of the embedded catalogs, in ranking order.
pub const CATALOG_IDS: [&str; 9] = [
    "cf-artifacts",
    "artifacta",
    "workspaces",
    "r2",
    "curl",
    "discord",
    "s3",
    "http",
    "cloudflare",
];

/// One catalog's object from a `--catalogs --json` document.
pub fn catalog_in(doc: &Value, id: &str) -> Value {
    doc["catalogs"]
        .as_array()
        .expect("catalogs array")
        .iter()
        .find(|c| c["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("catalog {id} listed"))
}

/// Runs a shell command line on a real terminal (through `script`, from util-linux, which
/// .ci/run installs), with the harness's hermetic environment plus `env`. `{bin}` in the
/// command line stands for the built binary.
pub fn on_a_terminal(command: &str, env: &[(&str, &str)]) -> std::process::Output {
    let bin = env!("CARGO_BIN_EXE_errexplain");
    let mut c = std::process::Command::new("script");
    c.args([
        "-qec",
        &command.replace("{bin}", &format!("'{bin}'")),
        "/dev/null",
    ])
    .env("HOME", "/nonexistent")
    .env("LC_ALL", "C.UTF-8")
    .env_remove("NO_COLOR")
    .env_remove("CLICOLOR_FORCE")
    .env_remove("ERREXPLAIN_CATALOGS")
    .env("TERM", "xterm-256color")
    .stdin(std::process::Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("script (util-linux) runs")
}
