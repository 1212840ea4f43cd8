//! The body reader on arbitrary bytes: reading, every format scanner, ranking against the
//! embedded catalogs and every renderer. Nothing may panic, and no rendered output may carry a
//! raw control character.
#![no_main]

use errexplain::catalog::Registry;
use errexplain::explain::{self, Filter};
use errexplain::mode::Outcome;
use errexplain::render::{self, text::Style};
use errexplain::{exit::Exit, input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = input::from_bytes(data, None) else { return };
    let reg = Registry::embedded();
    let ev = input::analyze(&raw.text);
    let report = explain::response(&reg, "fuzz", &raw.text, ev, &Filter(&[]));
    let outcomes = [Outcome::Report(Box::new(report))];
    let text = render::text::render(&outcomes, &Style { color: false, width: None });
    let json = render::json::render(&outcomes, Exit::Client);
    let line = render::line::render(&outcomes);
    for out in [&text, &json, &line] {
        assert!(
            !out.chars().any(|c| (c.is_control() && c != '\n' && c != '\t') || errexplain::sanitize::is_dangerous(c) && c != '\n' && c != '\t'),
            "raw control character in output"
        );
    }
});
