//! Embeds data/*.toml into the binary as static tables, so that a lookup parses nothing at
//! start-up. A catalog that breaks a rule of `src/catalog/schema.rs` fails the build with file,
//! entry and field named.

#[path = "src/catalog/schema.rs"]
#[allow(dead_code)]
mod schema;

use std::fmt::Write as _;
use std::path::Path;

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn opt(s: &Option<String>) -> String {
    match s {
        Some(v) => format!("Some({})", lit(v)),
        None => "None".into(),
    }
}

fn list(v: &[String]) -> String {
    let items: Vec<String> = v.iter().map(|s| lit(s)).collect();
    format!("&[{}]", items.join(", "))
}

fn variant(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/catalog/schema.rs");
    let dir = Path::new("data");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("data/ is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();

    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).expect("catalog file is readable UTF-8");
        match schema::parse(&name, &text) {
            Err(p) => problems.push(p),
            Ok(cat) => {
                let found = schema::validate(&name, &cat);
                if found.is_empty() {
                    parsed.push((name, cat));
                } else {
                    problems.extend(found);
                }
            }
        }
    }
    let mut ids = std::collections::HashSet::new();
    for (name, cat) in &parsed {
        let id = cat
            .catalog
            .as_ref()
            .and_then(|m| m.id.clone())
            .unwrap_or_default();
        if !ids.insert(id.clone()) {
            problems.push(schema::Problem {
                file: name.clone(),
                entry: None,
                field: "catalog.id".into(),
                message: format!("{id:?} is used by another file"),
            });
        }
    }
    if !problems.is_empty() {
        let all: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        panic!("broken catalog data:\n{}", all.join("\n"));
    }
    parsed.sort_by_key(|(_, c)| {
        let m = c.catalog.as_ref().expect("validated");
        (m.order.unwrap_or(1000), m.id.clone())
    });

    let mut out = String::new();
    let mut entries = String::new();
    let mut keys: Vec<(String, usize, u8)> = Vec::new();
    let mut statuses: Vec<(i64, usize)> = Vec::new();
    let mut catalogs = String::new();
    let mut n = 0usize;
    for (file, cat) in &parsed {
        let meta = cat.catalog.as_ref().expect("validated");
        let id = meta.id.clone().expect("validated");
        for e in &cat.entry {
            let code = e.code.clone().expect("validated");
            let name = e.name.clone().expect("validated");
            keys.push((schema::normalize(&code), n, 0));
            for a in &e.aliases {
                keys.push((schema::normalize(a), n, 1));
            }
            if schema::normalize(&name) != schema::normalize(&code) {
                keys.push((schema::normalize(&name), n, 2));
            }
            if let Some(s) = e.status {
                statuses.push((s, n));
            }
            let retry = match e.retry.as_deref().expect("validated") {
                "after" => format!("Retry::After({})", e.retry_after.expect("validated")),
                r => format!("Retry::{}", variant(r)),
            };
            writeln!(
                entries,
                "    Entry {{ catalog: {}, code: {}, name: {}, aliases: {}, product: {}, status: {}, class: Class::{}, retry: {}, message: {}, meaning: {}, cause: {}, fix: {}, notes: {}, patterns: {}, source: {} }},",
                lit(&id),
                lit(&code),
                lit(&name),
                list(&e.aliases),
                opt(&e.product),
                e.status.map_or("None".to_string(), |s| format!("Some({s})")),
                variant(e.class.as_deref().expect("validated")),
                retry,
                opt(&e.message),
                lit(e.meaning.as_deref().expect("validated")),
                lit(e.cause.as_deref().expect("validated")),
                lit(e.fix.as_deref().expect("validated")),
                list(&e.notes),
                list(&e.patterns),
                lit(e.source.as_deref().unwrap_or(meta.source.as_deref().expect("validated"))),
            )
            .expect("write to string");
            n += 1;
        }
        writeln!(
            catalogs,
            "    CatalogInfo {{ id: {}, name: {}, description: {}, source: {}, origin: {} }},",
            lit(&id),
            lit(meta.name.as_deref().expect("validated")),
            lit(&meta.description),
            lit(meta.source.as_deref().expect("validated")),
            lit(file),
        )
        .expect("write to string");
    }
    keys.sort();
    keys.dedup();
    statuses.sort();
    writeln!(out, "/// Every embedded catalog, in ranking order.").unwrap();
    writeln!(
        out,
        "pub static CATALOGS: &[CatalogInfo] = &[\n{catalogs}];"
    )
    .unwrap();
    writeln!(out, "/// Every embedded entry, catalog by catalog.").unwrap();
    writeln!(out, "pub static ENTRIES: &[Entry] = &[\n{entries}];").unwrap();
    writeln!(
        out,
        "/// Normalised code, alias and name keys, sorted for binary search."
    )
    .unwrap();
    out.push_str("pub static KEYS: &[(&str, u32, MatchKind)] = &[\n");
    for (k, i, kind) in &keys {
        let kind = ["Code", "Alias", "Name"][*kind as usize];
        writeln!(out, "    ({}, {i}, MatchKind::{kind}),", lit(k)).unwrap();
    }
    out.push_str("];\n");
    writeln!(out, "/// (HTTP status, entry) pairs, sorted.").unwrap();
    out.push_str("pub static STATUSES: &[(u16, u32)] = &[\n");
    for (s, i) in &statuses {
        writeln!(out, "    ({s}, {i}),").unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set")).join("catalogs.rs");
    std::fs::write(dest, out).expect("write generated catalogs");
}
