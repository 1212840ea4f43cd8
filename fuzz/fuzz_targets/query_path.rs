//! The query path on arbitrary arguments: classification, lookup, suggestions, responses given
//! as arguments, and every renderer. Nothing may panic; no rendered output may carry a raw
//! control or invisible character; a secret planted in an argument never comes out.
#![no_main]

use errexplain::catalog::Registry;
use errexplain::explain::{self, Filter};
use errexplain::mode::Outcome;
use errexplain::render::{self, text::Style};
use errexplain::sanitize::{clean, is_dangerous};
use errexplain::{exit::Exit, input, query};
use libfuzzer_sys::fuzz_target;

const SECRET: &str = "Zq9PLANTEDxK7w";

fn check(out: &str) {
    assert!(
        !out.chars().any(|c| is_dangerous(c) && c != '\n' && c != '\t'),
        "raw control character in output"
    );
    assert!(!out.contains(SECRET), "planted secret in output");
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if text.contains("PLANTED") {
        return;
    }
    let reg = Registry::embedded();
    // Arguments as a shell passes them: split on NUL; the last one carries a secret.
    let mut args: Vec<String> = text.split('\0').take(8).map(String::from).collect();
    let plants = [
        format!("Authorization: Bearer {SECRET}"),
        format!("password={SECRET}"),
        format!("https://u:{SECRET}@h/"),
    ];
    let plant = &plants[data.len() % plants.len()];
    args.push(format!("{}\n{plant}", args.last().cloned().unwrap_or_default()));
    let mut outcomes = Vec::new();
    for a in &args {
        match query::classify(a, &reg) {
            query::Arg::Query(q) => match explain::query(&reg, &q, &Filter(&[])) {
                Some(r) => outcomes.push(Outcome::Report(Box::new(r))),
                None => {
                    for s in reg.suggest(q.raw.expose()) {
                        check(&clean(&s));
                    }
                    outcomes.push(Outcome::Unknown {
                        input: q.raw.clean(),
                        suggestions: Vec::new(),
                        message: format!("unknown code {:?}", q.raw.clean()),
                    });
                }
            },
            query::Arg::Text(t) => {
                let Ok(raw) = input::from_bytes(t.as_bytes(), None) else {
                    continue;
                };
                let ev = input::analyze(&raw.text);
                let r = explain::response(&reg, "argument text", &raw.text, ev, &Filter(&[]));
                outcomes.push(Outcome::Report(Box::new(r)));
            }
            _ => {}
        }
    }
    check(&render::text::render(&outcomes, &Style { color: false, width: None }));
    check(&render::json::render(&outcomes, Exit::Client));
    check(&render::line::render(&outcomes));
});
