//! User catalogs on arbitrary text: parsing, validation, loading, and every listing of the
//! result. Nothing may panic; no output (warnings included, as the command prints them) may
//! carry a raw control or invisible character or a secret planted in the file.
#![no_main]

use errexplain::catalog::Registry;
use errexplain::render;
use errexplain::sanitize::{clean, is_dangerous};
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
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if text.contains("PLANTED") {
        return;
    }
    // The fuzzer's text, and the same with a secret planted where a value would be.
    let planted = text.replacen("= \"", &format!("= \"token={SECRET} "), 1);
    for t in [text, planted.as_str()] {
        let mut reg = Registry::embedded();
        reg.add_user_text("fuzz.toml", t);
        for w in &reg.warnings {
            check(&clean(w));
        }
        let user: Vec<_> = reg.entries().filter(|e| e.user).collect();
        check(&render::table::catalogs(&reg, false, Some(80)));
        check(&render::json::catalogs(&reg));
        check(&render::table::entries(&user, false, Some(80)));
        check(&render::json::entries(&user));
        check(&render::line::entries(&user));
    }
});
