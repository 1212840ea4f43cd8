//! Completions and the man page are generated from the clap definition and checked in. This
//! test fails when a checked-in file differs from what the binary generates; with
//! ERREXPLAIN_BLESS=1 it rewrites them instead.

use crate::util::{args, root};

const FILES: &[(&str, &str)] = &[
    ("complete-bash", "completions/errexplain.bash"),
    ("complete-zsh", "completions/_errexplain"),
    ("complete-fish", "completions/errexplain.fish"),
    ("complete-powershell", "completions/_errexplain.ps1"),
    ("complete-elvish", "completions/errexplain.elv"),
    ("man", "man/errexplain.1"),
];

#[test]
fn checked_in_files_are_current() {
    let bless = std::env::var_os("ERREXPLAIN_BLESS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (kind, file) in FILES {
        let r = args(&["--generate", kind]);
        assert_eq!(r.code, 0, "{kind}");
        assert!(!r.stdout.is_empty(), "{kind}");
        let path = root().join(file);
        if bless {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &r.stdout).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(r.stdout.as_str()) {
            stale.push(*file);
        }
    }
    assert!(
        stale.is_empty(),
        "stale: {stale:?}; run ERREXPLAIN_BLESS=1 cargo test checked_in_files_are_current"
    );
}

#[test]
fn man_page_has_every_section() {
    let man = args(&["--generate", "man"]).stdout;
    for s in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH DESCRIPTION",
        ".SH OPTIONS",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH EXAMPLES",
    ] {
        assert!(man.contains(s), "{s}");
    }
}

#[test]
fn catalog_ids_come_from_errexplain_itself() {
    // bash, zsh and fish ask errexplain for the catalogs (user catalogs included) instead of
    // carrying a fixed list; PowerShell and elvish scripts complete option names only.
    for (kind, _) in &FILES[..3] {
        let script = args(&["--generate", kind]).stdout;
        assert!(script.contains(" --catalogs --format line"), "{kind}");
        assert!(!script.contains("cf-artifacts"), "{kind} has no fixed list");
    }
    let zsh = args(&["--generate", "complete-zsh"]).stdout;
    // `--list CATALOG` with a space completes catalogs, not files.
    assert!(
        zsh.contains(
            "--list=[List every entry, of one catalog or of all]:CATALOG:_errexplain_catalogs"
        ),
        "{zsh}"
    );
    assert!(zsh.contains("input:_errexplain_queries'"));
    // Every value has a description.
    assert!(!zsh.contains(r#"\:"""#), "an empty description");
    let fish = args(&["--generate", "complete-fish"]).stdout;
    assert!(!fish.contains("\t''"), "an empty description");
}

/// Completes the words as bash would (the words before the cursor, the last being completed)
/// with the generated script, errexplain on PATH, and extra environment.
fn bash_completes(words: &[&str], env: &[(&str, &str)]) -> Vec<String> {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_errexplain"));
    let script = args(&["--generate", "complete-bash"]).stdout;
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let driver = format!(
        "{script}\nCOMP_WORDS=({words})\nCOMP_CWORD=$((${{#COMP_WORDS[@]}}-1))\n\
         _errexplain errexplain \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\" 2>/dev/null\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        words = quoted.join(" ")
    );
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut c = std::process::Command::new("bash");
    c.args(["--norc", "-c", &driver])
        .env("PATH", path)
        .env("HOME", "/nonexistent")
        .env_remove("ERREXPLAIN_CATALOGS");
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().expect("bash runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_values_after_equals_signs_and_catalog_prefixes() {
    // Bash splits `--color=a` into `--color`, `=`, `a`.
    for (words, want) in [
        (
            &["errexplain", "--color", "=", "a"][..],
            &["auto", "always"][..],
        ),
        (
            &["errexplain", "--color", "="],
            &["auto", "always", "never"],
        ),
        (&["errexplain", "--format", "=", "l"], &["line"]),
        (&["errexplain", "--format", "j"], &["json"]),
        (
            &["errexplain", "-c", "c"],
            &["cf-artifacts", "curl", "cloudflare"],
        ),
        (&["errexplain", "--list", "d"], &["discord"]),
        (&["errexplain", "r"], &["r2:"]),
        (&["errexplain", "10058", "s"], &["s3:"]),
        (&["errexplain", "--fo"], &["--format", "--follow"]),
    ] {
        assert_eq!(bash_completes(words, &[]), want, "{words:?}");
    }
}

#[test]
fn user_catalog_ids_complete() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("acme.toml");
    std::fs::write(
        &file,
        "[catalog]\nid = \"acme\"\nname = \"ACME\"\ndescription = \"d\"\nsource = \"s\"\n\n\
         [[entry]]\ncode = \"E1\"\nname = \"One\"\nclass = \"client\"\nretry = \"no\"\n\
         meaning = \"m\"\ncause = \"c\"\nfix = \"f\"\n",
    )
    .unwrap();
    let env = [("ERREXPLAIN_CATALOGS", file.to_str().unwrap())];
    assert_eq!(
        bash_completes(&["errexplain", "-c", "a"], &env),
        ["artifacta", "acme"]
    );
    assert_eq!(bash_completes(&["errexplain", "ac"], &env), ["acme:"]);
}
