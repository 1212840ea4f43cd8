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
fn catalog_ids_complete() {
    // clap_complete's PowerShell and elvish scripts complete option names only.
    for (kind, _) in &FILES[..3] {
        let script = args(&["--generate", kind]).stdout;
        for id in ["cf-artifacts", "workspaces", "cloudflare"] {
            assert!(script.contains(id), "{kind} completes {id}");
        }
    }
}
