//! The corpus: several hundred pastes in the shapes real tools print (Discord libraries,
//! Cloudflare tooling, S3 SDKs and servers, network failures in every runtime, Windows and
//! mobile clients, CI logs, gateways, and outputs that only look like errors), each with the
//! best match and exit code it should give (`tests/fixtures/corpus/MANIFEST.tsv`).
//!
//! `MISSES.tsv` lists the cases errexplain gets wrong today. The list only shrinks: a case
//! not on it that goes wrong fails the test, and so does a case on it that has come right
//! (take it off the list). `scripts/accuracy` prints the same score by class of paste.

use crate::util::{json, root, stdin};
use std::collections::BTreeSet;

fn rows(file: &str) -> Vec<Vec<String>> {
    let path = root().join("tests/fixtures/corpus").join(file);
    let text = std::fs::read_to_string(&path).expect("corpus table");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn the_corpus_gives_its_answers_but_for_the_listed_misses() {
    let misses: BTreeSet<String> = rows("MISSES.tsv")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    let (mut wrong, mut mended, mut right) = (Vec::new(), Vec::new(), 0);
    let cases = rows("MANIFEST.tsv");
    assert!(cases.len() >= 600, "{} cases", cases.len());
    for row in &cases {
        let (file, accept, exit) = (&row[0], &row[1], &row[2]);
        let body = std::fs::read(root().join("tests/fixtures/corpus").join(file)).expect("paste");
        let r = stdin(&["--json"], body);
        let doc = json(&r);
        let best = &doc["best"];
        let got = match (best["catalog"].as_str(), best["code"].as_str()) {
            (Some(c), Some(k)) => format!("{c}:{k}"),
            _ => "none".to_string(),
        };
        let ok = accept.split('|').any(|a| *a == got) && r.code.to_string() == *exit;
        match (ok, misses.contains(file)) {
            (true, false) => right += 1,
            (false, true) => {}
            (false, false) => wrong.push(format!(
                "{file}: gives {got} exit {}; wants {accept} exit {exit}",
                r.code
            )),
            (true, true) => mended.push(file.clone()),
        }
    }
    assert!(
        wrong.is_empty() && mended.is_empty(),
        "{right} right; newly wrong:\n  {}\nright now, take off MISSES.tsv:\n  {}",
        wrong.join("\n  "),
        mended.join("\n  ")
    );
    // Every listed miss is a case of the corpus.
    for m in &misses {
        assert!(cases.iter().any(|r| r[0] == *m), "{m} is not in the corpus");
    }
}
