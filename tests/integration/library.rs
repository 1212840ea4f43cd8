//! The library alone: a program that depends on errexplain with `default-features = false`
//! builds none of the command line's crates, while the binary (the `cli` feature, on by
//! default) has them. `.ci/run` also builds, lints and runs the examples of that library.

use crate::util::root;

/// The crates errexplain depends on for normal builds with the features given, by name.
fn dependencies(features: &[&str]) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let manifest = root().join("Cargo.toml");
    let out = std::process::Command::new(cargo)
        .args(["tree", "--offline", "-e", "normal", "--prefix", "none"])
        .args(features)
        .arg("--manifest-path")
        .arg(&manifest)
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

const COMMAND_LINE: &[&str] = &[
    "clap",
    "clap_complete",
    "clap_mangen",
    "comfy-table",
    "terminal_size",
    "owo-colors",
];

#[test]
fn the_library_alone_builds_no_command_line_crate() {
    let alone = dependencies(&["--no-default-features"]);
    assert!(alone.iter().any(|d| d == "serde_json"), "{alone:?}");
    for c in COMMAND_LINE {
        assert!(!alone.iter().any(|d| d == c), "{c} in {alone:?}");
    }
    let cli = dependencies(&[]);
    for c in COMMAND_LINE {
        assert!(cli.iter().any(|d| d == c), "{c} in {cli:?}");
    }
}

/// The binary needs the feature, and says so: cargo skips it (and the tests that run it)
/// rather than fail to build it without.
#[test]
fn the_binary_requires_the_cli_feature() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let manifest: toml::Table = toml::from_str(&manifest).unwrap();
    let bin = &manifest["bin"].as_array().unwrap()[0];
    assert_eq!(bin["name"].as_str(), Some("errexplain"));
    assert_eq!(
        bin["required-features"].as_array().unwrap(),
        &vec![toml::Value::from("cli")]
    );
    let default = manifest["features"]["default"].as_array().unwrap();
    assert!(default.contains(&toml::Value::from("cli")), "{default:?}");
}
