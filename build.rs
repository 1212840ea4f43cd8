//! Embeds data/*.toml into the binary as static tables, so that a lookup parses nothing at
//! start-up. A catalog that breaks a rule of `src/catalog/schema.rs` fails the build with file,
//! entry and field named.

#[path = "src/catalog/schema.rs"]
#[allow(dead_code)]
mod schema;

#[path = "src/lexicon/normalize.rs"]
mod normalize;

#[path = "src/lexicon/tokens.rs"]
#[allow(dead_code)]
mod tokens;

#[path = "src/prefilter/key.rs"]
#[allow(dead_code)]
mod prefilter_key;

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

/// The word lists the success scan (`src/input/success.rs`) reads token by token (and the
/// words of `success` not in `ended`, written after them).
const TOKENISED_LISTS: &[&str] = &[
    "failure",
    "failure_counts",
    "retried",
    "summaries",
    "status_keys",
    "healthy",
    "healthy_states",
    "unhealthy",
    "exit_labels",
    "retries_exhausted",
    "ended",
    "tried_again",
    "announced_attempts",
    "failure_outcomes",
];

/// The lists of [`TOKENISED_LISTS`] nothing reads as written.
const TOKENISED_ONLY: &[&str] = &[
    "retried",
    "healthy",
    "healthy_states",
    "unhealthy",
    "ended",
    "tried_again",
    "announced_attempts",
    "failure_outcomes",
];

/// A word list as the success scan reads it, so that nothing is built at start-up: each
/// entry (lower case) as its tokens and whether it is written with a space after it, sorted
/// (stably) by the first byte of its first token, and for each byte the range of entries
/// that begin with it.
fn tokenised_list(list: &str, words: &[String]) -> String {
    let mut entries: Vec<(Vec<String>, bool)> = words
        .iter()
        .map(|w| {
            let w = w.to_lowercase();
            let t: Vec<String> = tokens::token_spans(&w)
                .map(|(a, b)| w[a..b].to_string())
                .collect();
            (t, w.ends_with(' '))
        })
        .filter(|(t, _)| !t.is_empty())
        .collect();
    entries.sort_by_key(|e| e.0[0].as_bytes()[0]);
    let mut by_first = [(0u16, 0u16); 256];
    for (i, e) in entries.iter().enumerate() {
        let b = usize::from(e.0[0].as_bytes()[0]);
        let i = u16::try_from(i).expect("a word list under 65,536 entries");
        if by_first[b].1 == 0 {
            by_first[b].0 = i;
        }
        by_first[b].1 = i + 1;
    }
    // The tokens one after another in one string, as spans: a table of `&str`s would cost a
    // relocation for each at every start-up, and the pages they dirty.
    let (mut text, mut spans, mut rows) = (String::new(), Vec::new(), Vec::new());
    for (t, space) in &entries {
        let first = u16::try_from(spans.len()).expect("under 65,536 tokens");
        for x in t {
            let at = u16::try_from(text.len()).expect("a word list under 64 KiB");
            let len = u8::try_from(x.len()).expect("a token under 256 bytes");
            spans.push(format!("({at}, {len})"));
            text.push_str(x);
        }
        let n = u8::try_from(t.len()).expect("an entry under 256 tokens");
        rows.push(format!("({first}, {n}, {space})"));
    }
    let firsts: Vec<String> = by_first.iter().map(|r| format!("{r:?}")).collect();
    // (The table of first bytes apart, where no pointer is: read-only data, not relocated.)
    let name = list.to_uppercase();
    format!(
        "static {name}_BY_FIRST: [(u16, u16); 256] = [{}];\n/// The word list `{list}`, tokenised.\npub static {name}_TOKENS: super::TokenList = super::TokenList {{ text: {}, tokens: &[{}], entries: &[{}], by_first: &{name}_BY_FIRST }};",
        firsts.join(", "),
        lit(&text),
        spans.join(", "),
        rows.join(", "),
    )
}

/// The token of a phrasing (its tokens joined by single spaces) beside the one it is found
/// by, as the scan checks it before the others: `(1, key)` the token before it, `(2, key)`
/// the one after it (where it is found by its first), `(0, 0)` none. The scan compares keys,
/// so every token's key must be the plain hash of its (lower-case) bytes.
fn neighbour(phrase: &str) -> String {
    let words: Vec<&str> = phrase.split(' ').collect();
    for w in &words {
        let mut plain = tokens::token_key("");
        for b in w.bytes() {
            plain ^= u64::from(b);
            plain = plain.wrapping_mul(0x0100_0000_01b3);
        }
        assert_eq!(
            tokens::token_key(w),
            plain,
            "a phrasing's token {w:?} is not lower case"
        );
    }
    let at = tokens::anchor(phrase);
    let (kind, key) = if at > 0 {
        (1, tokens::token_key(words[at - 1]))
    } else if let Some(next) = words.get(1) {
        (2, tokens::token_key(next))
    } else {
        (0, 0)
    };
    format!("({kind}, {key:#x})")
}

/// One way an entry is printed.
struct Phrasing {
    entry: usize,
    text: String,
    /// An identifier (enum member, exception class), rather than human text.
    name: bool,
    /// Common words: counts only beside other evidence.
    weak: bool,
    /// The phrasebook group it comes from; `None` for what the entry itself says.
    group: Option<usize>,
    /// The entry's own code, written in the text.
    code: bool,
}

/// What an entry itself says about how it is printed: its symbolic code, name and aliases
/// (names), its official message and the API's wordings among its aliases (messages). Their
/// strength is judged at run time (from the word lists); here they are all marked strong.
fn entry_phrasings(
    n: usize,
    catalog: &str,
    e: &schema::EntryDef,
    described: bool,
) -> Vec<Phrasing> {
    let mut out = Vec::new();
    let code = e.code.as_deref().unwrap_or("");
    for s in std::iter::once(code)
        .chain(e.name.as_deref())
        .chain(e.aliases.iter().map(String::as_str))
    {
        if tokens::symbolic(s) {
            out.push(Phrasing {
                entry: n,
                text: s.to_string(),
                name: true,
                weak: false,
                group: None,
                code: s == code,
            });
        }
    }
    let mut message = |text: &str| {
        if schema::phrase_has_content(text, false) {
            out.push(Phrasing {
                entry: n,
                text: text.to_string(),
                name: false,
                weak: false,
                group: None,
                code: false,
            })
        }
    };
    if !described {
        if let Some(m) = &e.message {
            message(m);
        }
    }
    for a in e.aliases.iter().filter(|a| a.contains(' ')) {
        message(a);
    }
    // An HTTP status's reason phrase, and a multi-word name that is the message.
    if catalog == "http" || e.name.as_deref().is_some_and(|x| x.contains(' ')) {
        if let Some(nm) = e
            .name
            .as_deref()
            .filter(|x| x.contains(' ') || catalog == "http")
        {
            message(nm);
        }
    }
    out
}

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/catalog/schema.rs");
    println!("cargo:rerun-if-changed=src/lexicon/normalize.rs");
    println!("cargo:rerun-if-changed=src/lexicon/tokens.rs");
    println!("cargo:rerun-if-changed=src/prefilter/key.rs");
    let dir = Path::new("data");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("data/ is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    // Phrasebooks: how clients print the entries of every catalog.
    let book_dir = dir.join("phrases");
    println!("cargo:rerun-if-changed={}", book_dir.display());
    let mut book_files: Vec<_> = std::fs::read_dir(&book_dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    book_files.sort();

    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    let mut books = Vec::new();
    for path in &book_files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).expect("phrasebook file is readable UTF-8");
        match schema::parse(&name, &text) {
            Err(p) => problems.push(p),
            Ok(book) => {
                let mut found = schema::validate(&name, &book);
                if book.phrasebook.is_none() {
                    found.push(schema::Problem::new(
                        &name,
                        None,
                        "phrasebook",
                        "a file in data/phrases/ is a phrasebook: start it with [phrasebook]"
                            .into(),
                    ));
                }
                if found.is_empty() {
                    books.push((name, book));
                } else {
                    problems.extend(found);
                }
            }
        }
    }
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).expect("catalog file is readable UTF-8");
        match schema::parse(&name, &text) {
            Err(p) => problems.push(p),
            Ok(cat) => {
                let mut found = schema::validate(&name, &cat);
                if cat.phrasebook.is_some() {
                    found.push(schema::Problem::new(
                        &name,
                        None,
                        "phrasebook",
                        "phrasebooks live in data/phrases/".into(),
                    ));
                }
                if !cat.words.is_empty() {
                    found.push(schema::Problem::new(
                        &name,
                        None,
                        "words",
                        "word lists live in a phrasebook of data/phrases/".into(),
                    ));
                }
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
    // (catalog, product, normalised code) -> entries, for the phrasebooks' targets.
    let mut by_code: std::collections::HashMap<(String, String, String), Vec<usize>> =
        std::collections::HashMap::new();
    let mut errnos: Vec<(i64, usize)> = Vec::new();
    let mut errnos_macos: Vec<(i64, usize)> = Vec::new();
    let mut generated: Vec<Phrasing> = Vec::new();
    let mut same_as: Vec<(String, String, String)> = Vec::new();
    // The product and the code of each entry, by entry number.
    let mut products: Vec<String> = Vec::new();
    let mut codes: Vec<String> = Vec::new();
    // What each entry may be written as after its number (message, name, aliases), and its
    // catalog: the prefilter's table of numbered entries.
    let mut entry_words: Vec<Vec<String>> = Vec::new();
    let mut entry_catalogs: Vec<String> = Vec::new();
    // Whether each entry is a network failure: its weak wordings can explain a failing line
    // alone, so the prefilter looks for them too.
    let mut entry_network: Vec<bool> = Vec::new();
    for (ci, (file, cat)) in parsed.iter().enumerate() {
        let meta = cat.catalog.as_ref().expect("validated");
        let id = meta.id.clone().expect("validated");
        for e in &cat.entry {
            let code = e.code.clone().expect("validated");
            let name = e.name.clone().expect("validated");
            let product = e.product.clone().unwrap_or_default();
            products.push(product.clone());
            codes.push(code.clone());
            entry_words.push(
                e.message
                    .iter()
                    .chain(std::iter::once(&name))
                    .chain(e.aliases.iter())
                    .cloned()
                    .collect(),
            );
            entry_catalogs.push(id.clone());
            entry_network.push(e.class.as_deref() == Some("network"));
            by_code
                .entry((id.clone(), product.clone(), normalize(&code)))
                .or_default()
                .push(n);
            by_code
                .entry((id.clone(), "*".into(), normalize(&code)))
                .or_default()
                .push(n);
            if let Some(to) = &e.same_as {
                same_as.push((file.clone(), code.clone(), to.clone()));
            }
            if let Some(l) = e.errno.and_then(|x| x.linux) {
                errnos.push((l, n));
            }
            if let Some(m) = e.errno.and_then(|x| x.macos) {
                errnos_macos.push((m, n));
            }
            generated.extend(entry_phrasings(n, &id, e, schema::described(meta, e)));
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
                "    Raw {{ catalog: {ci}, code: {}, name: {}, aliases: {}, product: {}, status: {}, class: {class}, retry: {retry}, retry_after: {}, message: {}, described: {}, meaning: {}, cause: {}, fix: {}, notes: {}, patterns: {}, source: {}, catch_all: {}, same_as: {}, errno: ({}, {}) }},",
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
                e.catch_all.unwrap_or(false),
                blob.opt(e.same_as.as_deref()),
                e.errno.and_then(|x| x.linux).unwrap_or(i64::from(i32::MIN)),
                e.errno.and_then(|x| x.macos).unwrap_or(i64::from(i32::MIN)),
            )
            .expect("write to string");
            n += 1;
        }
        writeln!(
            catalogs,
            "    CatalogInfo {{ id: {}, name: {}, description: {}, source: {}, origin: {}, includes: &[{}], local: {} }},",
            lit(&id),
            lit(meta.name.as_deref().expect("validated")),
            lit(&meta.description),
            lit(meta.source.as_deref().expect("validated")),
            lit(file),
            meta.includes.iter().map(|i| lit(i)).collect::<Vec<_>>().join(", "),
            meta.local,
        )
        .expect("write to string");
    }
    // Every `same_as` names an entry that exists.
    for (file, code, to) in &same_as {
        let (c, k) = to.split_once(':').expect("validated");
        if !by_code.contains_key(&(c.to_string(), "*".into(), normalize(k))) {
            problems.push(schema::Problem::new(
                file,
                Some(code.clone()),
                "same_as",
                format!("{to:?}: no such entry"),
            ));
        }
    }
    // The phrasebooks' groups (and any in the catalog files), resolved to entries.
    let mut phrasings: Vec<Phrasing> = Vec::new();
    let mut groups: Vec<(String, String)> = Vec::new();
    let mut contexts: Vec<(String, String, u8)> = Vec::new();
    let mut word_lists: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    // (phrasing, the status stands before it, what it is said to come from, catalog hinted)
    let mut status_phrasings: Vec<(String, bool, String, Option<String>)> = Vec::new();
    let mut no_response: Vec<(String, String)> = Vec::new();
    for (file, book) in books.iter().chain(parsed.iter()) {
        for (gi, g) in book.phrases.iter().enumerate() {
            let catalog = g.catalog.clone().expect("validated");
            let product = g.product.clone().unwrap_or_else(|| "*".into());
            let group = groups.len();
            groups.push((
                g.client.clone().expect("validated"),
                g.source.clone().expect("validated"),
            ));
            let name = g.kind.as_deref() == Some("name");
            let weak = g.strength.as_deref() == Some("weak");
            for pair in &g.phrases {
                let (code, text) = (&pair[0], &pair[1]);
                let key = (catalog.clone(), product.clone(), normalize(code));
                let found = by_code.get(&key).map(Vec::as_slice).unwrap_or(&[]);
                // Deliberate duplicates of one code (and product) all take the phrasing.
                let one_product = found.iter().all(|&i| products[i] == products[found[0]]);
                match found {
                    [] => {}
                    _ if one_product => {
                        for &entry in found {
                            phrasings.push(Phrasing {
                                entry,
                                text: text.clone(),
                                name,
                                weak,
                                group: Some(group),
                                code: false,
                            });
                        }
                        continue;
                    }
                    _ => {}
                }
                match found {
                    [_, ..] => problems.push(schema::Problem::new(
                        file,
                        Some(format!("phrases #{}", gi + 1)),
                        "product",
                        format!("{catalog}:{code} is several entries: name the product"),
                    )),
                    [] => problems.push(schema::Problem::new(
                        file,
                        Some(format!("phrases #{}", gi + 1)),
                        "phrases",
                        format!("{catalog}:{code} ({text:?}): no such entry"),
                    )),
                }
            }
        }
        for g in &book.context {
            let kind = schema::CONTEXT_KINDS
                .iter()
                .position(|k| Some(*k) == g.kind.as_deref())
                .expect("validated") as u8;
            for p in &g.phrases {
                contexts.push((g.catalog.clone().expect("validated"), p.clone(), kind));
            }
        }
        for g in &book.statuses {
            let before = g.place.as_deref() == Some("before");
            let says = g
                .says
                .clone()
                .unwrap_or_else(|| "client library message".into());
            for p in &g.phrases {
                status_phrasings.push((p.clone(), before, says.clone(), g.hint.clone()));
            }
        }
        for g in &book.no_response {
            for p in &g.phrases {
                no_response.push((p.clone(), g.client.clone().expect("validated")));
            }
        }
        for (list, w) in &book.words {
            word_lists
                .entry(list.clone())
                .or_default()
                .extend(w.iter().cloned());
        }
    }
    let known: std::collections::HashSet<String> = parsed
        .iter()
        .filter_map(|(_, c)| c.catalog.as_ref().and_then(|m| m.id.clone()))
        .collect();
    for (p, _, _, hint) in &status_phrasings {
        if let Some(h) = hint.as_ref().filter(|h| !known.contains(*h)) {
            problems.push(schema::Problem::new(
                "data/phrases",
                None,
                "statuses",
                format!("{p:?} hints catalog {h:?}, which does not exist"),
            ));
        }
    }
    for (catalog, p, _) in &contexts {
        if !known.contains(catalog) {
            problems.push(schema::Problem::new(
                "data/phrases",
                None,
                "context",
                format!("{p:?} points to catalog {catalog:?}, which does not exist"),
            ));
        }
    }
    if !problems.is_empty() {
        let all: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        panic!("broken catalog data:\n{}", all.join("\n"));
    }
    // What the entry says of itself comes after the phrasebooks: where a client's source
    // gives the same words, that source is the one named.
    phrasings.extend(generated);
    // One phrasing per (entry, kind, tokens): the first source that gives it.
    let mut once = std::collections::HashSet::new();
    phrasings.retain(|p| once.insert((p.entry, p.name, tokens::phrase_tokens(&p.text))));
    // A name that is the entry's own code, whoever prints it, says so.
    for p in &mut phrasings {
        p.code |=
            p.name && tokens::phrase_tokens(&p.text) == tokens::phrase_tokens(&codes[p.entry]);
    }
    let mut phrase_rows = String::new();
    let mut phrase_index: Vec<(u64, usize)> = Vec::new();
    let mut neighbours: Vec<String> = Vec::new();
    let mut longest_anchor = 0;
    for (i, p) in phrasings.iter().enumerate() {
        let tokens = tokens::phrase_tokens(&p.text);
        let anchor = tokens.split(' ').nth(tokens::anchor(&tokens)).unwrap_or("");
        phrase_index.push((tokens::token_key(anchor), i));
        longest_anchor = longest_anchor.max(anchor.chars().count());
        neighbours.push(neighbour(&tokens));
        let flags = u8::from(p.name)
            | (u8::from(p.weak) << 1)
            | (u8::from(p.group.is_none()) << 2)
            | (u8::from(p.code) << 3);
        writeln!(
            phrase_rows,
            "    RawPhrase {{ entry: {}, tokens: {}, anchor: {}, text: {}, flags: {flags}, group: {} }},",
            p.entry,
            blob.span(&tokens),
            tokens::anchor(&tokens),
            blob.span(&p.text),
            p.group.map_or(u32::MAX, |g| g as u32),
        )
        .expect("write to string");
    }
    phrase_index.sort();
    prefilter_tables(
        &phrasings,
        &keys,
        &entry_words,
        &entry_catalogs,
        &entry_network,
        &errnos,
        &errnos_macos,
    );
    let mut bits = vec![0u64; 1024];
    for (k, _) in &phrase_index {
        let bit = (k & 0xffff) as usize;
        bits[bit / 64] |= 1 << (bit % 64);
    }
    let bits: Vec<String> = bits.iter().map(|b| format!("{b:#x}")).collect();
    writeln!(
        out,
        "/// Bit `key % 65536` is set when some phrasing is found by a token of that key.\npub static PHRASE_FIRST_BITS: [u64; 1024] = [{}];",
        bits.join(", ")
    )
    .unwrap();
    writeln!(
        out,
        "/// Every phrasing of every entry, as spans into [`BLOB`]."
    )
    .unwrap();
    writeln!(
        out,
        "pub static PHRASES: [RawPhrase; {}] = [\n{phrase_rows}];",
        phrasings.len()
    )
    .unwrap();
    writeln!(
        out,
        "/// Of each phrasing, the token beside the one it is found by (see `neighbour` in\n/// build.rs).\npub static PHRASE_NEIGHBOURS: [(u8, u64); {}] = [{}];",
        neighbours.len(),
        neighbours.join(", ")
    )
    .unwrap();
    writeln!(
        out,
        "/// The most characters of a token some phrasing is found by.\npub const PHRASE_LONGEST_ANCHOR: usize = {longest_anchor};"
    )
    .unwrap();
    writeln!(
        out,
        "/// (key of the token each phrasing is found by, phrasing), sorted."
    )
    .unwrap();
    let rows: Vec<String> = phrase_index
        .iter()
        .map(|(k, i)| format!("    ({k:#x}, {i}),"))
        .collect();
    writeln!(
        out,
        "pub static PHRASE_INDEX: [(u64, u32); {}] = [\n{}\n];",
        rows.len(),
        rows.join("\n")
    )
    .unwrap();
    let rows: Vec<String> = groups
        .iter()
        .map(|(c, s)| format!("    ({}, {}),", blob.span(c), blob.span(s)))
        .collect();
    writeln!(out, "/// (client, source) of each group of phrasings.").unwrap();
    writeln!(
        out,
        "pub static PHRASE_GROUPS: [((u32, u32), (u32, u32)); {}] = [\n{}\n];",
        rows.len(),
        rows.join("\n")
    )
    .unwrap();
    let mut context_index: Vec<(u64, usize)> = Vec::new();
    let mut rows = Vec::new();
    let mut longest_anchor = 0;
    for (i, (catalog, p, kind)) in contexts.iter().enumerate() {
        let tokens = tokens::phrase_tokens(p);
        let anchor = tokens.split(' ').nth(tokens::anchor(&tokens)).unwrap_or("");
        context_index.push((tokens::token_key(anchor), i));
        longest_anchor = longest_anchor.max(anchor.chars().count());
        rows.push(format!(
            "    RawContext {{ catalog: {}, tokens: {}, anchor: {}, text: {}, kind: {kind} }},",
            blob.span(catalog),
            blob.span(&tokens),
            tokens::anchor(&tokens),
            blob.span(p),
        ));
    }
    context_index.sort();
    writeln!(
        out,
        "/// The most characters of a token some product word is found by.\npub const CONTEXT_LONGEST_ANCHOR: usize = {longest_anchor};"
    )
    .unwrap();
    writeln!(
        out,
        "/// Words that name a product, as spans into [`BLOB`]."
    )
    .unwrap();
    writeln!(
        out,
        "pub static CONTEXTS: [RawContext; {}] = [\n{}\n];",
        rows.len(),
        rows.join("\n")
    )
    .unwrap();
    let rows: Vec<String> = context_index
        .iter()
        .map(|(k, i)| format!("    ({k:#x}, {i}),"))
        .collect();
    writeln!(
        out,
        "pub static CONTEXT_INDEX: [(u64, u32); {}] = [\n{}\n];",
        rows.len(),
        rows.join("\n")
    )
    .unwrap();
    for (name, list) in [("ERRNOS", &mut errnos), ("ERRNOS_MACOS", &mut errnos_macos)] {
        list.sort();
        let rows: Vec<String> = list.iter().map(|(e, i)| format!("({e}, {i})")).collect();
        writeln!(out, "/// (errno, entry), sorted.").unwrap();
        writeln!(
            out,
            "pub static {name}: [(i32, u32); {}] = [{}];",
            rows.len(),
            rows.join(", ")
        )
        .unwrap();
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
    // The reason phrases of the HTTP statuses (names and the older names among the
    // aliases), for the readers that read a status beside its phrase.
    let mut reasons: Vec<(i64, String)> = Vec::new();
    for (_, cat) in &parsed {
        if cat.catalog.as_ref().and_then(|m| m.id.as_deref()) != Some("http") {
            continue;
        }
        for e in &cat.entry {
            let Some(st) = e.status.filter(|st| Some(st.to_string()) == e.code) else {
                continue;
            };
            for r in e.name.iter().chain(e.aliases.iter()) {
                if !r.starts_with('(') && r.chars().any(char::is_alphabetic) && !r.contains("_") {
                    reasons.push((st, r.to_lowercase()));
                }
            }
        }
    }
    reasons.sort();
    reasons.dedup();
    let rows: Vec<String> = reasons
        .iter()
        .map(|(st, r)| format!("({st}, {})", lit(r)))
        .collect();
    writeln!(
        words,
        "/// (status, reason phrase in lower case) of every HTTP status in data/http.toml.\npub static REASONS: &[(u16, &str)] = &[{}];",
        rows.join(", ")
    )
    .unwrap();
    for (list, w) in &word_lists {
        let items: Vec<String> = w.iter().map(|x| lit(&x.to_lowercase())).collect();
        if !TOKENISED_ONLY.contains(&list.as_str()) {
            writeln!(words, "/// The word list `{list}` of data/phrases/.").unwrap();
            writeln!(
                words,
                "pub static {}: &[&str] = &[{}];",
                list.to_uppercase(),
                items.join(", ")
            )
            .unwrap();
        }
        if TOKENISED_LISTS.contains(&list.as_str()) {
            writeln!(words, "{}", tokenised_list(list, w)).unwrap();
        }
    }
    // The words of success that say more than that an operation ended: what the scan holds
    // a line's words against as success.
    let lower = |list: &str| -> Vec<String> {
        word_lists
            .get(list)
            .map(|w| w.iter().map(|x| x.to_lowercase()).collect())
            .unwrap_or_default()
    };
    let ended = lower("ended");
    let not_ended: Vec<String> = lower("success")
        .into_iter()
        .filter(|w| !ended.contains(w))
        .collect();
    writeln!(words, "{}", tokenised_list("success_not_ended", &not_ended)).unwrap();
    let rows: Vec<String> = status_phrasings
        .iter()
        .map(|(p, before, says, hint)| {
            format!(
                "({}, {before}, {}, {})",
                lit(p),
                lit(says),
                lit(hint.as_deref().unwrap_or(""))
            )
        })
        .collect();
    writeln!(
        words,
        "/// The `[[statuses]]` phrasings of data/phrases/: (text, the status stands before it,\n/// what the status is said to come from, the catalog it names or \"\").\npub static STATUS_PHRASINGS: &[(&str, bool, &str, &str)] = &[{}];",
        rows.join(", ")
    )
    .unwrap();
    let rows: Vec<String> = no_response
        .iter()
        .map(|(p, client)| format!("({}, {})", lit(p), lit(&format!("{client}: {p}"))))
        .collect();
    writeln!(
        words,
        "/// The `[[no_response]]` phrasings of data/phrases/: (text, who prints it and the text).\npub static NO_RESPONSE_PHRASINGS: &[(&str, &str)] = &[{}];",
        rows.join(", ")
    )
    .unwrap();
    writeln!(words, "/// All the strings [`PATTERN_STARTS`] points into.").unwrap();
    writeln!(words, "pub static TEXT: &str = {};", lit(&start_blob.text)).unwrap();
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set")).join("pattern_starts.rs");
    std::fs::write(dest, words).expect("write generated pattern starts");
}

/// The prefilter's tables (`src/prefilter`): the key of every token a phrasing can be found by
/// (a name, a message the phrasebook does not call weak, or any message of a network failure,
/// since on a line that says something failed those count alone) with where each bucket of
/// those keys starts, the numbers that are some entry's code with the first bytes (up to
/// eight) of each word that entry may be written with after them, and the errno numbers.
fn prefilter_tables(
    phrasings: &[Phrasing],
    keys: &[(String, usize, u8)],
    entry_words: &[Vec<String>],
    entry_catalogs: &[String],
    entry_network: &[bool],
    errnos: &[(i64, usize)],
    errnos_macos: &[(i64, usize)],
) {
    // (key of the token a phrasing is found by, of the token before it, of the one after;
    // 0 where there is none, or where it is not ASCII: then any will do).
    let mut anchors: Vec<(u64, u32, u32)> = Vec::new();
    let mut non_ascii = false;
    // The tokens of those rows that have a digit, with each digit as `0` (lower case): a
    // line whose tokens have none of these forms is found by the anchors alike whatever its
    // digits are.
    let mut digit_anchors: std::collections::BTreeSet<String> = Default::default();
    let mut digit_neighbours: std::collections::BTreeSet<String> = Default::default();
    let shape = |t: &str| -> String {
        t.bytes()
            .map(|b| {
                if b.is_ascii_digit() {
                    '0'
                } else {
                    char::from(b.to_ascii_lowercase())
                }
            })
            .collect()
    };
    let has_digit = |t: &&str| t.is_ascii() && t.bytes().any(|b| b.is_ascii_digit());
    // (The keys of anchors whose token before, or after, has a digit.)
    let mut digit_before: std::collections::BTreeSet<u64> = Default::default();
    let mut digit_after: std::collections::BTreeSet<u64> = Default::default();
    let near = |t: Option<&str>| match t {
        Some(t) if t.is_ascii() => prefilter_key::token_key(t) as u32,
        _ => 0,
    };
    for p in phrasings
        .iter()
        .filter(|p| p.name || !p.weak || entry_network[p.entry])
    {
        let tokens = tokens::phrase_tokens(&p.text);
        let words: Vec<&str> = tokens.split(' ').collect();
        let at = tokens::anchor(&tokens);
        let anchor = words.get(at).copied().unwrap_or("");
        if anchor.is_empty() {
            continue;
        }
        non_ascii |= !anchor.is_ascii();
        let before = at.checked_sub(1).and_then(|i| words.get(i).copied());
        if has_digit(&anchor) {
            digit_anchors.insert(shape(anchor));
        }
        let after = words.get(at + 1).copied();
        for (t, keys) in [(before, &mut digit_before), (after, &mut digit_after)] {
            if let Some(t) = t.filter(has_digit) {
                digit_neighbours.insert(shape(t));
                keys.insert(prefilter_key::token_key(anchor));
            }
        }
        anchors.push((
            prefilter_key::token_key(anchor),
            near(before),
            near(words.get(at + 1).copied()),
        ));
    }
    anchors.sort_unstable();
    anchors.dedup();
    let mut bits = vec![0u64; (1usize << prefilter_key::BITS) / 64];
    for (k, _, _) in &anchors {
        let b = prefilter_key::bit(*k);
        bits[b / 64] |= 1 << (b % 64);
    }
    // (number key, how many bytes, the first bytes (eight at most) of a word it may be
    // written with, lower case; 0 when they are not all ASCII, which the prefilter takes
    // for any)
    let mut numbered_starts: std::collections::BTreeSet<(u32, u8, u64)> = Default::default();
    for (k, n, _) in keys {
        if !(3..=6).contains(&k.len()) {
            continue;
        }
        let Some(key) = prefilter_key::number_key(k) else {
            continue;
        };
        for w in &entry_words[*n] {
            let w = w.trim_end_matches('.');
            if w.len() >= 6 {
                let n = w.len().min(8);
                numbered_starts.insert((key, n as u8, prefilter_key::start(w.as_bytes(), n)));
            }
        }
    }
    let mut errno_numbers: Vec<u32> = errnos
        .iter()
        .chain(errnos_macos)
        .filter_map(|(e, _)| u32::try_from(e.unsigned_abs()).ok())
        .collect();
    for (k, n, _) in keys {
        if entry_catalogs[*n] == "os" && k.len() <= 6 && k.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(v) = k.parse::<u32>() {
                if v >= 10_000 {
                    errno_numbers.push(v);
                }
            }
        }
    }
    errno_numbers.sort_unstable();
    errno_numbers.dedup();
    let mut out = String::new();
    let words: Vec<String> = bits.iter().map(|b| format!("{b:#x}")).collect();
    writeln!(
        out,
        "/// Bit `key::bit(k)` is set for the key `k` of every token a phrasing is found by.\npub static ANCHOR_BITS: [u64; {}] = [{}];",
        words.len(),
        words.join(", ")
    )
    .unwrap();
    let rows: Vec<String> = anchors
        .iter()
        .map(|(k, b, a)| format!("({k:#x}, {b:#x}, {a:#x})"))
        .collect();
    writeln!(
        out,
        "/// (key of each such token, low half of the key of the token before it in the phrasing,\n/// of the token after it; 0: none, or any), sorted.\npub static ANCHORS: [(u64, u32, u32); {}] = [{}];",
        rows.len(),
        rows.join(", ")
    )
    .unwrap();
    // Where each bucket of keys' first bits starts among the rows; one more for the end.
    let buckets: Vec<String> = (0..=prefilter_key::BUCKETS)
        .map(|b| {
            anchors
                .partition_point(|(k, _, _)| prefilter_key::bucket(*k) < b)
                .to_string()
        })
        .collect();
    writeln!(
        out,
        "/// Where the rows of each bucket of [`ANCHORS`] start (`key::bucket`); one more for the end.\npub static ANCHOR_BUCKETS: [u32; {}] = [{}];",
        buckets.len(),
        buckets.join(", ")
    )
    .unwrap();
    writeln!(
        out,
        "/// Some of those tokens are not ASCII.\npub static NON_ASCII_ANCHORS: bool = {non_ascii};"
    )
    .unwrap();
    for (name, set, what) in [
        (
            "DIGIT_ANCHORS",
            &digit_anchors,
            "The tokens phrasings are found by",
        ),
        (
            "DIGIT_NEIGHBOURS",
            &digit_neighbours,
            "The tokens before and after those",
        ),
    ] {
        let rows: Vec<String> = set.iter().map(|t| lit(t)).collect();
        writeln!(
            out,
            "/// {what} that have a digit (ASCII), each digit as `0`, lower case, sorted.\npub static {name}: [&str; {}] = [{}];",
            rows.len(),
            rows.join(", ")
        )
        .unwrap();
    }
    for (name, set, what) in [
        ("DIGIT_BEFORE", &digit_before, "before"),
        ("DIGIT_AFTER", &digit_after, "after"),
    ] {
        let rows: Vec<String> = set.iter().map(|k| format!("{k:#x}")).collect();
        writeln!(
            out,
            "/// The keys of the tokens phrasings are found by where the token {what} has a digit, sorted.\npub static {name}: [u64; {}] = [{}];",
            rows.len(),
            rows.join(", ")
        )
        .unwrap();
    }
    let rows: Vec<String> = numbered_starts
        .iter()
        .map(|(k, n, s)| format!("({k:#x}, {n}, {s:#x})"))
        .collect();
    writeln!(
        out,
        "/// (number key, how many bytes, the first bytes (eight at most) of a word its entries\n/// may be written with, lower case, or 0 for any), sorted.\npub static NUMBERED_STARTS: [(u32, u8, u64); {}] = [{}];",
        rows.len(),
        rows.join(", ")
    )
    .unwrap();
    let rows: Vec<String> = errno_numbers.iter().map(ToString::to_string).collect();
    writeln!(
        out,
        "/// Every number an OS error has (errno on Linux or macOS, Windows socket errors), sorted.\npub static ERRNO_NUMBERS: [u32; {}] = [{}];",
        rows.len(),
        rows.join(", ")
    )
    .unwrap();
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set")).join("prefilter.rs");
    std::fs::write(dest, out).expect("write generated prefilter tables");
}
