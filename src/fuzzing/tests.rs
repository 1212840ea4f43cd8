//! The fuzz targets on stable Rust: property tests that mutate the checked-in seeds with
//! fragments an attacker would use (escape sequences, invisible characters, key names,
//! separators), and a soak run for a set time (`soak_*`, ignored by default; see
//! docs/fuzzing.md).

use super::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::path::Path;

fn seeds(dir: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// What an attacker puts in a body: controls and invisible characters in every notation, the
/// shapes of the readers (status lines, JSON, XML, HTML, headers), keys and separators.
const FRAGMENTS: &[&str] = &[
    "\u{1b}]52;c;aGk=\u{7}",
    "\u{1b}]8;;http://x\u{1b}\\",
    "\u{1b}P1$r\u{1b}\\",
    "\u{1b}[2J",
    "\u{9b}31m",
    "\u{90}",
    "\u{202e}",
    "\u{2066}",
    "\u{200b}",
    "\u{feff}",
    "\u{e0041}",
    "\u{2028}",
    "\u{ad}",
    "\u{115f}",
    "\r",
    "\u{8}",
    "\\u001b[31m",
    "\\x1b",
    "&#27;",
    "&#x9b;",
    "%1B",
    "\n",
    "\r\n",
    "\n\t",
    "HTTP/1.1 503 Service Unavailable\n",
    "HTTP/2 429\nRetry-After: 30\n\n",
    "{\"code\": ",
    "\"message\": \"",
    "\"errors\": [{\"code\": 10000, \"message\": \"",
    "\"}",
    "}]}",
    "<Error><Code>",
    "</Code><Message>",
    "</Message></Error>",
    "<title>",
    "curl: (7) ",
    "Error: ",
    "NoSuchKey",
    "10058",
    "50035",
    "password",
    "token",
    "Authorization",
    "Cookie",
    "Bearer ",
    "https://",
    "@",
    "=",
    "=>",
    ": ",
    ":",
    "\"",
    "'",
    "\\",
    "\\\"",
    "%",
    "%22",
    "Some(\"",
    "&",
    ";",
    "[",
    "]",
    "{",
    "}",
    " ",
];

/// A seed with fragments inserted at places of it, or fragments alone.
fn mutated(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    let n = seeds.len();
    (
        0..n + 1,
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                prop_oneof![
                    4 => prop::sample::select(FRAGMENTS).prop_map(|f| f.as_bytes().to_vec()),
                    1 => prop::collection::vec(any::<u8>(), 0..8),
                    1 => any::<char>().prop_map(|c| c.to_string().into_bytes()),
                ],
            ),
            0..24,
        ),
    )
        .prop_map(move |(k, edits)| {
            let mut out = seeds.get(k).cloned().unwrap_or_default();
            for (at, bytes) in edits {
                let i = if out.is_empty() {
                    0
                } else {
                    at.index(out.len() + 1)
                };
                out.splice(i..i, bytes);
            }
            out
        })
}

fn catalog_seeds() -> Vec<Vec<u8>> {
    let mut s = seeds("fuzz/seeds-catalog");
    // A small catalog too: the big ones take long to load in an unoptimised build.
    s.push(
        b"[catalog]\nid = \"acme\"\nname = \"A\"\nsource = \"s\"\n\n[[entry]]\ncode = \"A-1\"\n\
          name = \"Quota\"\nstatus = 429\nclass = \"client\"\nretry = \"after\"\n\
          retry_after = 30\nmeaning = \"Used up.\"\ncause = \"Many calls.\"\n\
          fix = \"Wait.\"\npatterns = [\"acme quota exhausted\"]\n"
            .to_vec(),
    );
    s
}

#[test]
fn every_planted_form_is_masked_alone() {
    // The checks are not empty: each form, cleaned, loses its secret, and unmasked it would be
    // caught.
    for p in plants() {
        check(&p, &clean(&p));
        assert!(
            std::panic::catch_unwind(|| check("raw", &p)).is_err(),
            "{p}"
        );
    }
    assert!(std::panic::catch_unwind(|| check("raw", "a\u{1b}[2J")).is_err());
    assert!(std::panic::catch_unwind(|| check("raw", "a\u{202e}b")).is_err());
}

#[test]
fn a_leak_is_told_from_text_the_input_brought() {
    // The secret planted comes out: a leak.
    assert!(std::panic::catch_unwind(|| checked("t", |s| vec![format!("x {s}")])).is_err());
    assert!(std::panic::catch_unwind(|| checked("t", |s| vec![s[7..].to_string()])).is_err());
    // The input itself spells a part of it, whatever is planted: no leak.
    checked("t", |_| vec![format!("x {}", &SECRET[..7])]);
    // A raw control character is caught whatever the secret.
    assert!(std::panic::catch_unwind(|| checked("t", |_| vec!["\u{9b}".into()])).is_err());
}

#[test]
fn the_targets_pass_their_seeds() {
    for s in seeds("fuzz/seeds") {
        body_reader(&s);
    }
    for s in seeds("fuzz/seeds-query") {
        query_path(&s);
    }
    for s in catalog_seeds() {
        user_catalog(&s);
    }
    // And every input a fuzzer found a failure with.
    for s in seeds("tests/fixtures/fuzz") {
        body_reader(&s);
        query_path(&s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn body_reader_output_is_clean(data in mutated(seeds("fuzz/seeds"))) {
        body_reader(&data);
    }

    #[test]
    fn query_path_output_is_clean(data in mutated(seeds("fuzz/seeds-query"))) {
        query_path(&data);
    }

    #[test]
    fn user_catalog_output_is_clean(data in mutated(catalog_seeds())) {
        user_catalog(&data);
    }
}

/// Runs a target on mutated seeds for `ERREXPLAIN_SOAK_SECONDS` (default 60), shrinking a
/// failure to a small input, and says how many inputs it tried.
fn soak(name: &str, strategy: impl Strategy<Value = Vec<u8>>, target: fn(&[u8])) {
    let secs: u64 = std::env::var("ERREXPLAIN_SOAK_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let started = std::time::Instant::now();
    let mut total = 0u64;
    while started.elapsed().as_secs() < secs {
        let mut runner = TestRunner::new(Config {
            cases: 256,
            failure_persistence: None,
            ..Config::default()
        });
        let result = runner.run(&strategy, |data| {
            target(&data);
            Ok(())
        });
        if let Err(e) = result {
            panic!("{name}: {e}");
        }
        total += 256;
    }
    eprintln!(
        "{name}: {total} inputs in {} s, no failure",
        started.elapsed().as_secs()
    );
}

#[test]
#[ignore = "a long run: cargo test --release --lib soak -- --ignored"]
fn soak_body_reader() {
    soak("body_reader", mutated(seeds("fuzz/seeds")), body_reader);
}

#[test]
#[ignore = "a long run: cargo test --release --lib soak -- --ignored"]
fn soak_query_path() {
    soak("query_path", mutated(seeds("fuzz/seeds-query")), query_path);
}

#[test]
#[ignore = "a long run: cargo test --release --lib soak -- --ignored"]
fn soak_user_catalog() {
    soak("user_catalog", mutated(catalog_seeds()), user_catalog);
}
