//! User catalogs: files in the data/ schema that add catalogs or replace entries of embedded
//! ones. Found in `$ERREXPLAIN_CATALOGS` (colon-separated files or directories) and in
//! `$XDG_CONFIG_HOME/errexplain/catalogs/` (or `~/.config/errexplain/catalogs/`).

use super::schema::{self, Problem};
use super::{Entry, Retry};
use crate::lexicon::Class;
use crate::sanitize::Untrusted;
use std::path::{Path, PathBuf};

/// A user catalog file is refused above this size...
const MAX_FILE: u64 = 4 * 1024 * 1024;
/// ...or with more entries than this.
const MAX_ENTRIES: usize = 20_000;

/// What all user catalog files of one run may cost together: files, bytes, entries, and the
/// time spent loading them. Past any of them the rest is not loaded, and that is said.
pub const MAX_TOTAL: Caps = Caps {
    files: 4096,
    bytes: 8 * 1024 * 1024,
    entries: 40_000,
    time: std::time::Duration::from_secs(5),
};

pub struct Caps {
    pub files: usize,
    pub bytes: u64,
    pub entries: usize,
    pub time: std::time::Duration,
}

/// What the files loaded so far have cost.
pub struct Budget {
    started: std::time::Instant,
    files: usize,
    bytes: u64,
    entries: usize,
}

impl Budget {
    pub fn new() -> Budget {
        Budget {
            started: std::time::Instant::now(),
            files: 0,
            bytes: 0,
            entries: 0,
        }
    }

    /// Whether one more file may be loaded; `Err` says which cap is reached.
    pub fn admit(&mut self, path: &Path) -> Result<(), String> {
        let caps = &MAX_TOTAL;
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        let reached = if self.files >= caps.files {
            format!("at most {} files are loaded", caps.files)
        } else if self.bytes + size.min(MAX_FILE + 1) > caps.bytes {
            format!("at most {} MiB are loaded in all", caps.bytes / 1024 / 1024)
        } else if self.entries >= caps.entries {
            format!("at most {} entries are loaded in all", caps.entries)
        } else if self.started.elapsed() > caps.time {
            format!("loading stops after {} s", caps.time.as_secs())
        } else {
            self.files += 1;
            self.bytes += size;
            return Ok(());
        };
        Err(reached)
    }

    /// Counts the entries of the file just loaded.
    pub fn loaded(&mut self, entries: usize) {
        self.entries += entries;
    }
}

/// Whether a text is a catalog file at all: it has one of the tables of the schema. Of a file
/// that is not (a link to a credentials file, an `.env`), nothing is shown, not even the start
/// of a line or a key's name.
fn is_catalog_text(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim_start();
        ["[catalog]", "[[entry]]", "[phrasebook]", "[[phrases]]"]
            .iter()
            .any(|t| l.starts_with(t))
    })
}

/// Whether a user entry's message pattern has real content: words that are not common ones
/// (`the`, `error`, `exception`), ten letters or digits of them in all, one of five or more.
/// Punctuation (`----------`) and common words (`exception ... the`) would match ordinary
/// logs.
pub fn pattern_has_content(p: &str) -> bool {
    let words: Vec<usize> = p
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty()
                && !crate::lexicon::COMMON
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(w))
        })
        .map(|w| w.chars().count())
        .collect();
    words.iter().sum::<usize>() >= 10 && words.iter().any(|&n| n >= 5)
}

pub struct UserCatalog {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub source: &'static str,
    pub entries: Vec<&'static Entry>,
    /// The file's `[[phrases]]`: how clients print entries (its own or any catalog's).
    pub phrasings: Vec<Phrasing>,
}

/// One phrasing a user catalog gives, with the entry it points to still to be found.
#[derive(Debug, Clone)]
pub struct Phrasing {
    pub catalog: String,
    pub product: Option<String>,
    pub code: String,
    pub text: &'static str,
    pub name: bool,
    pub weak: bool,
    pub client: &'static str,
}

/// The user catalog files the environment points at (in the order they apply), and the paths in `ERREXPLAIN_CATALOGS` that do not exist (the
/// configuration directory may well not exist; a path the user named should).
pub fn catalog_files_checked() -> (Vec<PathBuf>, Vec<PathBuf>) {
    let named: Vec<PathBuf> = std::env::var_os("ERREXPLAIN_CATALOGS")
        .map(|list| {
            std::env::split_paths(&list)
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default();
    let missing = named.iter().filter(|p| !p.exists()).cloned().collect();
    (all_catalog_files(), missing)
}

fn all_catalog_files() -> Vec<PathBuf> {
    let mut dirs_or_files: Vec<PathBuf> = Vec::new();
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        });
    if let Some(c) = config {
        dirs_or_files.push(c.join("errexplain").join("catalogs"));
    }
    if let Some(list) = std::env::var_os("ERREXPLAIN_CATALOGS") {
        dirs_or_files.extend(std::env::split_paths(&list).filter(|p| !p.as_os_str().is_empty()));
    }
    let mut out = Vec::new();
    for p in dirs_or_files {
        if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(&p) {
                let mut files: Vec<PathBuf> = rd
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|f| f.extension().is_some_and(|x| x == "toml") && f.is_file())
                    .collect();
                files.sort();
                out.extend(files);
            }
        } else if p.exists() {
            // Listed even when it is no regular file, so that `check` reports it.
            out.push(p);
        }
    }
    out
}

/// User catalog text is untrusted: cleaned (escaped, secrets masked) once, as it is loaded, so
/// that every output form shows it safely.
fn leak(s: String) -> &'static str {
    Box::leak(Untrusted::new(s).clean().into_boxed_str())
}

fn leak_list(v: Vec<String>) -> &'static [&'static str] {
    Box::leak(
        v.into_iter()
            .map(leak)
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    )
}

/// Reads and checks one file; every problem names the file, the entry and the field.
pub fn check(path: &Path) -> Result<schema::CatalogFile, Vec<Problem>> {
    let file = path.display().to_string();
    let problem = |message: String| {
        vec![Problem {
            file: file.clone(),
            entry: None,
            field: "(file)".into(),
            message,
        }]
    };
    // A FIFO or device would block or never end, and a huge file would fill memory: only a
    // regular file (checked on the opened handle) of at most MAX_FILE bytes is read.
    let bytes = crate::file::read_bounded(path, MAX_FILE).map_err(|e| problem(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| problem("not valid UTF-8".into()))?;
    check_text(&file, &text)
}

/// Checks one catalog's text (already read); problems name `file`.
pub fn check_text(file: &str, text: &str) -> Result<schema::CatalogFile, Vec<Problem>> {
    let problem = |message: String| {
        vec![Problem {
            file: file.to_string(),
            entry: None,
            field: "(file)".into(),
            message,
        }]
    };
    if !is_catalog_text(text) {
        return Err(problem(
            "not a catalog file: it has no [catalog], [[entry]], [phrasebook] or [[phrases]] table"
                .into(),
        ));
    }
    let entries = text.matches("[[entry]]").count();
    if entries > MAX_ENTRIES {
        return Err(problem(format!("more than {MAX_ENTRIES} entries")));
    }
    let (cat, mut problems) = schema::parse_all(file, text).map_err(|p| vec![p])?;
    problems.extend(schema::validate(file, &cat));
    for (i, e) in cat.entry.iter().enumerate() {
        for p in e.patterns.iter().filter(|p| !pattern_has_content(p)) {
            let code = e.code.clone().unwrap_or_default();
            problems.push(Problem::new(
                file,
                Some(format!("{code} (#{})", i + 1)),
                "patterns",
                format!(
                    "pattern {p:?} has too little content to identify an error: ten letters or \
                     digits of words that are not common ones (the, error, exception, ...), \
                     one word of five or more"
                ),
            ));
        }
    }
    if problems.is_empty() {
        Ok(cat)
    } else {
        Err(problems)
    }
}

/// Loads a checked file into entries that live for the rest of the process. (Validation has
/// made sure every required field is there; a default stands in rather than a panic.)
pub fn load(path: &Path) -> Result<UserCatalog, Vec<Problem>> {
    build(check(path)?)
}

/// Loads a catalog from its text (as `load` does from a file).
#[cfg(any(test, feature = "internals"))]
pub fn load_text(file: &str, text: &str) -> Result<UserCatalog, Vec<Problem>> {
    build(check_text(file, text)?)
}

fn build(cat: schema::CatalogFile) -> Result<UserCatalog, Vec<Problem>> {
    let meta = cat.catalog.unwrap_or_default();
    let id = leak(meta.id.clone().unwrap_or_default());
    let source = leak(meta.source.clone().unwrap_or_default());
    let entries = cat
        .entry
        .into_iter()
        .map(|e| {
            let retry = match e.retry.as_deref() {
                Some("now") => Retry::Now,
                Some("backoff") => Retry::Backoff,
                Some("after") => Retry::After(e.retry_after.unwrap_or(1).clamp(1, 86_400) as u32),
                _ => Retry::No,
            };
            let described = schema::described(&meta, &e);
            let entry = Entry {
                catalog: id,
                code: leak(e.code.unwrap_or_default()),
                name: leak(e.name.unwrap_or_default()),
                aliases: leak_list(e.aliases),
                product: e.product.map(leak),
                status: e.status.map(|s| s as u16),
                class: e
                    .class
                    .as_deref()
                    .and_then(Class::parse)
                    .unwrap_or(Class::Client),
                retry,
                message: e.message.map(leak),
                described,
                meaning: leak(e.meaning.unwrap_or_default()),
                cause: leak(e.cause.unwrap_or_default()),
                fix: leak(e.fix.unwrap_or_default()),
                notes: leak_list(e.notes),
                patterns: leak_list(e.patterns),
                source: e.source.map(leak).unwrap_or(source),
                user: true,
                catch_all: e.catch_all.unwrap_or(false),
                same_as: e.same_as.map(leak),
                errno: super::Errno {
                    linux: e
                        .errno
                        .and_then(|x| x.linux)
                        .and_then(|n| i32::try_from(n).ok()),
                    macos: e
                        .errno
                        .and_then(|x| x.macos)
                        .and_then(|n| i32::try_from(n).ok()),
                },
            };
            &*Box::leak(Box::new(entry))
        })
        .collect();
    let mut phrasings = Vec::new();
    for g in cat.phrases {
        let client = leak(g.client.unwrap_or_default());
        for pair in g.phrases {
            if let [code, text] = pair.as_slice() {
                phrasings.push(Phrasing {
                    catalog: g.catalog.clone().unwrap_or_default(),
                    product: g.product.clone(),
                    code: code.clone(),
                    text: leak(text.clone()),
                    name: g.kind.as_deref() == Some("name"),
                    weak: g.strength.as_deref() == Some("weak"),
                    client,
                });
            }
        }
    }
    Ok(UserCatalog {
        id,
        name: leak(meta.name.unwrap_or_default()),
        description: leak(meta.description),
        source,
        entries,
        phrasings,
    })
}
