//! README.md is the manual, and its examples cannot go stale: every ```console block is run.
//! A block holds `$ command` lines, each followed by the output it must print; a line `...`
//! stands for any number of lines. Commands run in bash, in tests/fixtures/examples, with the
//! built binary first on PATH and no colour or catalog variables from the caller.

use crate::util::{examples, path_with_binary, root};

struct Example {
    line: usize,
    command: String,
    expected: Vec<String>,
}

fn examples_in(readme: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut in_block = false;
    for (i, line) in readme.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_block = line.trim() == "```console";
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ ") {
            out.push(Example {
                line: i + 1,
                command: cmd.to_string(),
                expected: Vec::new(),
            });
        } else if let Some(ex) = out.last_mut() {
            ex.expected.push(line.to_string());
        }
    }
    out
}

/// `...` matches any run of lines, including none.
fn matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((e, rest)) if e == "..." => (0..=actual.len()).any(|k| matches(rest, &actual[k..])),
        Some((e, rest)) => {
            actual.first().is_some_and(|a| a.trim_end() == e.trim_end())
                && matches(rest, &actual[1..])
        }
    }
}

#[test]
fn readme_examples_run_as_shown() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let all = examples_in(&readme);
    assert!(all.len() >= 15, "README has its examples: {}", all.len());
    let path = path_with_binary();
    let mut failures = Vec::new();
    for ex in &all {
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(&ex.command)
            .current_dir(examples())
            .env("PATH", &path)
            .env("HOME", "/nonexistent/errexplain-readme")
            .env("LC_ALL", "C.UTF-8")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("TERM")
            .env_remove("ERREXPLAIN_CATALOGS")
            .env_remove("XDG_CONFIG_HOME")
            .stdin(std::process::Stdio::null())
            .output()
            .expect("bash runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let actual: Vec<&str> = stdout.lines().collect();
        if !matches(&ex.expected, &actual) {
            failures.push(format!(
                "README.md:{}: $ {}\n--- expected\n{}\n--- actual\n{}",
                ex.line,
                ex.command,
                ex.expected.join("\n"),
                stdout
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_matcher_itself() {
    let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert!(matches(&v(&["a", "...", "d"]), &["a", "b", "c", "d"]));
    assert!(matches(&v(&["a", "..."]), &["a"]));
    assert!(!matches(&v(&["a", "d"]), &["a", "b", "d"]));
    assert!(!matches(&v(&["a"]), &["a", "b"]));
}

/// Every test docs/security.md names as keeping a promise exists: a test of
/// `tests/integration/<file>.rs` (`payloads::name`) or a unit test (`module::tests::name`).
#[test]
fn security_md_names_tests_that_exist() {
    let doc = std::fs::read_to_string(root().join("docs/security.md")).expect("docs/security.md");
    let files = [
        "attacker",
        "cli",
        "hostile",
        "modes",
        "payloads",
        "user_catalogs",
    ];
    let mut src = String::new();
    let mut dirs = vec![root().join("src")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                src.push_str(&std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    let mut named = 0;
    for token in doc.split('`').skip(1).step_by(2) {
        let parts: Vec<&str> = token.split("::").collect();
        let (Some(first), Some(name)) = (parts.first(), parts.last()) else {
            continue;
        };
        let is_test = parts.len() >= 2 && files.contains(first) || parts.contains(&"tests");
        if !is_test {
            continue;
        }
        let text = if files.contains(first) {
            std::fs::read_to_string(root().join(format!("tests/integration/{first}.rs"))).unwrap()
        } else {
            src.clone()
        };
        assert!(
            text.contains(&format!("fn {name}()")) || text.contains(&format!("fn {name}(")),
            "docs/security.md names {token}, which does not exist"
        );
        named += 1;
    }
    assert!(named >= 30, "docs/security.md names its tests: {named}");
}
