//! Embeds data/*.toml into the binary as static tables, so that a lookup parses nothing at
//! start-up. A catalog that breaks a rule of `src/catalog/schema.rs` fails the build with file,
//! entry and field named.

#[path = "src/catalog/schema.rs"]
#[allow(dead_code)]
mod schema;

#[path = "src/lexicon/normalize.rs"]
mod normalize;

/// What `schema.rs` finds as `crate::lexicon` in the crate.
mod lexicon {
    pub use super::normalize::normalize;
}

use lexicon::normalize;

use std::fmt::Write as _;
use std::path::Path;

fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// The one string all spans point into; equal strings are stored once.
#[derive(Default)]
struct Blob {
    text: String,
    seen: std::collections::HashMap<String, (u32, u32)>,
}

/// Separates the items of a list inside one span (control characters never occur in data).
const LIST_SEP: char = '\u{1f}';
/// The length of an absent optional string.
const ABSENT: u32 = u32::MAX;

impl Blob {
    fn add(&mut self, s: &str) -> (u32, u32) {
        if let Some(span) = self.seen.get(s) {
            return *span;
        }
        let span = (
            u32::try_from(self.text.len()).expect("catalog text under 4 GiB"),
            u32::try_from(s.len()).expect("string under 4 GiB"),
        );
        self.text.push_str(s);
        self.seen.insert(s.to_string(), span);
        span
    }

    fn span(&mut self, s: &str) -> String {
        format!("{:?}", self.add(s))
    }

    fn opt(&mut self, s: Option<&str>) -> String {
        match s {
            Some(v) => self.span(v),
            None => format!("(0, {ABSENT})"),
        }
    }

    fn list(&mut self, v: &[String]) -> String {
        let joined: Vec<&str> = v.iter().map(String::as_str).collect();
        self.span(&joined.join(&LIST_SEP.to_string()))
    }
}

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/catalog/schema.rs");
    println!("cargo:rerun-if-changed=src/lexicon/normalize.rs");
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

    // Every string lives in one blob; tables hold (start, len) spans into it. Tables of plain
    // integers need no relocations at load time, so start-up touches only the pages a lookup
    // reads.
    let mut blob = Blob::default();
    // The first words of the message patterns have a blob of their own: they belong to the
    // lexicon, which the readers use without the catalogs.
    let mut start_blob = Blob::default();
    let mut out = String::new();
    let mut raws = String::new();
    let mut keys: Vec<(String, usize, u8)> = Vec::new();
    let mut statuses: Vec<(i64, usize)> = Vec::new();
    let mut patterned: Vec<usize> = Vec::new();
    let mut starts: Vec<(u32, u32)> = Vec::new();
    let mut catalogs = String::new();
    let mut n = 0usize;
    for (ci, (file, cat)) in parsed.iter().enumerate() {
        let meta = cat.catalog.as_ref().expect("validated");
        let id = meta.id.clone().expect("validated");
        for e in &cat.entry {
            let code = e.code.clone().expect("validated");
            let name = e.name.clone().expect("validated");
            keys.push((normalize(&code), n, 0));
            for a in &e.aliases {
                keys.push((normalize(a), n, 1));
            }
            if normalize(&name) != normalize(&code) {
                keys.push((normalize(&name), n, 2));
            }
            if let Some(s) = e.status {
                statuses.push((s, n));
            }
            if !e.patterns.is_empty() {
                patterned.push(n);
            }
            for p in &e.patterns {
                starts.push(start_blob.add(p.split("...").next().unwrap_or("")));
            }
            let class = schema::CLASSES
                .iter()
                .position(|c| Some(*c) == e.class.as_deref())
                .expect("validated");
            let retry = schema::RETRIES
                .iter()
                .position(|r| Some(*r) == e.retry.as_deref())
                .expect("validated");
            let source = e
                .source
                .as_deref()
                .unwrap_or(meta.source.as_deref().expect("validated"));
            writeln!(
                raws,
                "    Raw {{ catalog: {ci}, code: {}, name: {}, aliases: {}, product: {}, status: {}, class: {class}, retry: {retry}, retry_after: {}, message: {}, described: {}, meaning: {}, cause: {}, fix: {}, notes: {}, patterns: {}, source: {} }},",
                blob.span(&code),
                blob.span(&name),
                blob.list(&e.aliases),
                blob.opt(e.product.as_deref()),
                e.status.unwrap_or(0),
                e.retry_after.unwrap_or(0),
                blob.opt(e.message.as_deref()),
                schema::described(meta, e),
                blob.span(e.meaning.as_deref().expect("validated")),
                blob.span(e.cause.as_deref().expect("validated")),
                blob.span(e.fix.as_deref().expect("validated")),
                blob.list(&e.notes),
                blob.list(&e.patterns),
                blob.span(source),
            )
            .expect("write to string");
            n += 1;
        }
        writeln!(
            catalogs,
            "    CatalogInfo {{ id: {}, name: {}, description: {}, source: {}, origin: {}, includes: &[{}] }},",
            lit(&id),
            lit(meta.name.as_deref().expect("validated")),
            lit(&meta.description),
            lit(meta.source.as_deref().expect("validated")),
            lit(file),
            meta.includes.iter().map(|i| lit(i)).collect::<Vec<_>>().join(", "),
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
    writeln!(
        out,
        "/// Every embedded entry, catalog by catalog, as spans into [`BLOB`]."
    )
    .unwrap();
    writeln!(out, "pub static RAW: [Raw; {n}] = [\n{raws}];").unwrap();
    let key_rows: Vec<String> = keys
        .iter()
        .map(|(k, i, kind)| format!("    ({}, {i}, {kind}),", blob.span(k)))
        .collect();
    writeln!(
        out,
        "/// Normalised code, alias and name keys (span, entry, kind), sorted for binary search."
    )
    .unwrap();
    writeln!(
        out,
        "pub static KEYS: [((u32, u32), u32, u8); {}] = [\n{}\n];",
        keys.len(),
        key_rows.join("\n")
    )
    .unwrap();
    writeln!(out, "/// (HTTP status, entry) pairs, sorted.").unwrap();
    let status_rows: Vec<String> = statuses
        .iter()
        .map(|(s, i)| format!("    ({s}, {i}),"))
        .collect();
    writeln!(
        out,
        "pub static STATUSES: [(u16, u32); {}] = [\n{}\n];",
        statuses.len(),
        status_rows.join("\n")
    )
    .unwrap();
    writeln!(out, "/// Entries that carry message patterns.").unwrap();
    let pat: Vec<String> = patterned.iter().map(ToString::to_string).collect();
    writeln!(
        out,
        "pub static PATTERNED: [u32; {}] = [{}];",
        patterned.len(),
        pat.join(", ")
    )
    .unwrap();
    writeln!(out, "/// All the strings the tables point into.").unwrap();
    writeln!(out, "pub static BLOB: &str = {};", lit(&blob.text)).unwrap();
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set")).join("catalogs.rs");
    std::fs::write(dest, out).expect("write generated catalogs");

    let mut words = String::new();
    writeln!(
        words,
        "/// The first part of each message pattern (before its first `...`), in entry order, as\n/// spans into [`TEXT`]."
    )
    .unwrap();
    let starts: Vec<String> = starts.iter().map(|s| format!("{s:?}")).collect();
    writeln!(
        words,
        "pub static PATTERN_STARTS: [(u32, u32); {}] = [{}];",
        starts.len(),
        starts.join(", ")
    )
    .unwrap();
    writeln!(words, "/// All the strings [`PATTERN_STARTS`] points into.").unwrap();
    writeln!(words, "pub static TEXT: &str = {};", lit(&start_blob.text)).unwrap();
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set")).join("pattern_starts.rs");
    std::fs::write(dest, words).expect("write generated pattern starts");
}
