//! The three fuzz targets, as functions: the libFuzzer binaries in `fuzz/` call them, and so do
//! property tests on stable Rust (`cargo test`), so both check the same things. Each target
//! feeds its input through a whole path of the command — reading, ranking, every renderer —
//! with a secret planted in one of the forms the masking rules cover, and panics if any
//! output carries a raw control or invisible character or any part of the secret.

use crate::catalog::Registry;
use crate::exit::Exit;
use crate::explain::Outcome;
use crate::explain::{self, Filter};
use crate::render::{self, text::Style};
use crate::sanitize::{clean, is_dangerous};
use crate::{input, query};
use std::sync::OnceLock;

/// The planted secret.
pub const SECRET: &str = "Zq9PLANTEDxK7w";

/// Another secret of the same shape: a part of [`SECRET`] that is still in the output when
/// this one is planted instead came from the input itself (a fuzzer learns the constant), and
/// is no leak.
const OTHER: &str = "Wr4MOCKINGbY2j";

/// A secret in every form the masking rules of docs/security.md cover: keys after `-`, `_` or
/// `.`, every pair of a cookie, long key names, each separator the record reader knows,
/// URL user-info in its escaped, percent-encoded and user-name forms, `Authorization` of every
/// scheme, a value continued on the next line, and the token families.
pub fn plants() -> Vec<String> {
    plants_of(SECRET)
}

fn plants_of(s: &str) -> Vec<String> {
    vec![
        format!("Authorization: Bearer {s}"),
        format!("password={s}"),
        format!("https://u:{s}@h.example/"),
        format!("--api-token={s}"),
        format!("form _app_session={s}&x=1"),
        format!("Cookie: lang=en; __Host-sid={s}; prefs=1"),
        format!("StorageAccountKey: {s}"),
        format!("ClientPassphrase=open {s} words"),
        format!("config => {{:secret_key \"{s}\"}}"),
        format!("<ApiToken>{s}</ApiToken>"),
        format!("{{\"Proxy-Authorization\": [\"Basic {s}\"]}}"),
        format!("Some(Creds {{ private_key: Some(\"{s}\") }})"),
        format!("redirect=https:\\/\\/ci:{s}@git.example\\/repo"),
        format!("clone https://{s}abcdef@hooks.example/x"),
        format!("remote https://deploy:ab/{s}@git.example/r"),
        format!("q=%7B%22refresh_token%22%3A%22{s}%22%7D"),
        format!("u=https%3A%2F%2Fbob%3A{s}%40h.example"),
        format!("Authorization: Digest username=\"ops\", cnonce=\"{s}\""),
        format!("X-Auth-Key: part\n\t{s}"),
        format!("slack xoxp-2222-3333-{s}abcd"),
        format!("npm npm_{s}abcdefghijklmnopqrstuv"),
        format!("hub hf_{s}abcdefghijklmnopqrst"),
        format!("pypi pypi-{s}AgEIcHlwaS5vcmc"),
        format!("google ya29.{s}a0AfH6SMBxyz"),
        format!("hook whsec_{s}abcdefghijkl"),
        format!("oauth GOCSPX-{s}abcdefgh"),
    ]
}

/// Panics if an output carries a raw control or invisible character (other than the line
/// breaks and tabs of its own layout) or any recognisable part of the planted secret.
pub fn check(what: &str, out: &str) {
    if let Some(c) = out
        .chars()
        .find(|&c| is_dangerous(c) && c != '\n' && c != '\t')
    {
        panic!("{what}: raw U+{:04X} in output: {out:?}", c as u32);
    }
    for part in [&SECRET[..7], &SECRET[7..]] {
        assert!(
            !out.contains(part),
            "{what}: planted secret in output: {out}"
        );
    }
}

/// Runs `outputs` with the secret planted, and panics on a raw character in any output, or
/// on a part of the secret that is not there when another secret is planted instead.
fn checked(what: &str, outputs: impl Fn(&str) -> Vec<String>) {
    let outs = outputs(SECRET);
    for out in &outs {
        if let Some(c) = out
            .chars()
            .find(|&c| is_dangerous(c) && c != '\n' && c != '\t')
        {
            panic!("{what}: raw U+{:04X} in output: {out:?}", c as u32);
        }
    }
    let parts = [&SECRET[..7], &SECRET[7..]];
    let seen: Vec<&&str> = parts
        .iter()
        .filter(|p| outs.iter().any(|o| o.contains(**p)))
        .collect();
    if seen.is_empty() {
        return;
    }
    let others = outputs(OTHER);
    for p in seen {
        if !others.iter().any(|o| o.contains(*p)) {
            let out = outs.iter().find(|o| o.contains(*p)).unwrap();
            panic!("{what}: planted secret in output: {out}");
        }
    }
}

fn embedded() -> &'static Registry {
    static REG: OnceLock<Registry> = OnceLock::new();
    REG.get_or_init(Registry::embedded)
}

fn renders(outcomes: &[Outcome]) -> Vec<String> {
    let st = Style {
        color: false,
        width: None,
    };
    vec![
        render::text::render(outcomes, &st),
        render::json::render(outcomes, Exit::Client),
        render::line::render(outcomes),
    ]
}

/// A response body: arbitrary bytes with a planted secret (chosen by the input's length) as
/// a line after the first line and as the last line, through reading, every reading layer,
/// ranking against the embedded catalogs and every renderer.
pub fn body_reader(data: &[u8]) {
    checked("body", |secret| {
        let plants = plants_of(secret);
        let plant = &plants[data.len() % plants.len()];
        let cut = data
            .iter()
            .position(|&b| b == b'\n')
            .map_or(data.len(), |i| i + 1);
        let mut body = data[..cut].to_vec();
        if cut == data.len() {
            body.push(b'\n');
        }
        body.extend_from_slice(plant.as_bytes());
        body.push(b'\n');
        body.extend_from_slice(&data[cut..]);
        body.push(b'\n');
        body.extend_from_slice(plant.as_bytes());
        body.push(b'\n');
        let Ok(raw) = input::from_bytes(&body, None) else {
            return Vec::new();
        };
        let reg = embedded();
        let ev = input::analyze(&raw.text);
        let report = explain::response(reg, "fuzz", &raw.text, ev, &Filter(&[]));
        renders(&[Outcome::Report(Box::new(report))])
    });
}

/// Arguments: the input split at NUL bytes, the last one again with a planted secret on a
/// line of its own, and the planted secret alone, each through classification, lookup,
/// suggestions (or, for pasted text, the response path) and every renderer.
pub fn query_path(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    checked("query", |secret| {
        let reg = embedded();
        let plants = plants_of(secret);
        let plant = &plants[data.len() % plants.len()];
        let mut args: Vec<String> = text.split('\0').take(8).map(String::from).collect();
        args.push(format!(
            "{}\n{plant}",
            args.last().cloned().unwrap_or_default()
        ));
        args.push(plant.clone());
        let mut outs = Vec::new();
        let mut outcomes = Vec::new();
        for a in &args {
            match query::classify(a, reg) {
                query::Arg::Query(q) => match explain::query(reg, &q, &Filter(&[])) {
                    Some(r) => outcomes.push(Outcome::Report(Box::new(r))),
                    None => {
                        outs.extend(reg.suggest(q.raw.expose()).iter().map(|s| clean(s)));
                        outcomes.push(Outcome::Unknown {
                            input: q.raw.clean(),
                            suggestions: Vec::new(),
                            message: format!("unknown code {}", q.raw.clean()),
                        });
                    }
                },
                query::Arg::Text(t) => {
                    let Ok(raw) = input::from_bytes(t.as_bytes(), None) else {
                        continue;
                    };
                    let ev = input::analyze(&raw.text);
                    let r = explain::response(reg, "argument text", &raw.text, ev, &Filter(&[]));
                    outcomes.push(Outcome::Report(Box::new(r)));
                }
                _ => {}
            }
        }
        outs.extend(renders(&outcomes));
        outs
    });
}

/// A user catalog file: loaded (parse, validate, index) as it is, and again with a secret
/// planted in the first value and in a comment, and every listing of the result and the
/// warnings rendered.
pub fn user_catalog(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    checked("catalog", |secret| {
        let plants = plants_of(secret);
        let plant = plants[data.len() % plants.len()].replace('\n', " ");
        // In a TOML basic string, escaped as TOML escapes it.
        let escaped = plant.replace('\\', "\\\\").replace('"', "\\\"");
        let in_value = text.replacen("= \"", &format!("= \"{escaped} "), 1);
        let in_comment = format!("# {plant}\n{text}");
        let mut outs = Vec::new();
        for t in [text, in_value.as_str(), in_comment.as_str()] {
            let mut reg = Registry::embedded();
            reg.add_user_text("fuzz.toml", t);
            outs.extend(reg.warnings.iter().map(|w| clean(w)));
            let user: Vec<_> = reg.entries().filter(|e| e.user).collect();
            outs.push(render::table::catalogs(&reg, false, Some(80)));
            outs.push(render::json::catalogs(&reg));
            outs.push(render::table::entries(&user, false, Some(80)));
            outs.push(render::json::entries(&user));
            outs.push(render::line::entries(&user));
        }
        outs
    });
}

#[cfg(test)]
mod tests;
