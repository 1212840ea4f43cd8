//! The library API: explain a code, explain a text, list the catalogs.

use crate::catalog::{Entry, Registry};
use crate::explain::Outcome;
use crate::explain::{self, Filter, Report};
use crate::lexicon::Class;
use crate::query;
use crate::render;

/// A set of catalogs to explain errors with: the built-in ones, optionally with the user's.
///
/// ```
/// let catalogs = errexplain::Catalogs::builtin();
/// let e = catalogs.explain("r2:10058").expect("a known code");
/// assert_eq!(e.best().unwrap().name, "TooManyRequests");
/// ```
pub struct Catalogs {
    registry: Registry,
}

impl Catalogs {
    /// The catalogs built into errexplain.
    pub fn builtin() -> Catalogs {
        Catalogs {
            registry: Registry::embedded(),
        }
    }

    /// The built-in catalogs and the user catalogs the command line would read
    /// (`ERREXPLAIN_CATALOGS`, then `$XDG_CONFIG_HOME/errexplain/catalogs`). A broken user
    /// catalog is skipped; [`Catalogs::warnings`] says why.
    pub fn with_user_catalogs() -> Catalogs {
        Catalogs {
            registry: Registry::with_user_catalogs(),
        }
    }

    /// Adds one user catalog file (TOML, as `errexplain --generate catalog-template` shows).
    /// A broken file is skipped, with a warning.
    pub fn add_user_catalog(&mut self, path: &std::path::Path) {
        self.registry.add_user_file(path);
    }

    /// What went wrong while loading user catalogs, one message per problem.
    pub fn warnings(&self) -> &[String] {
        &self.registry.warnings
    }

    /// Explains a code, a name, an HTTP status (`429`, `HTTP 503`) or `catalog:code`;
    /// `None` when no catalog knows it.
    ///
    /// ```
    /// use errexplain::{Catalogs, Class};
    ///
    /// let e = Catalogs::builtin().explain("NoSuchKey").unwrap();
    /// let best = e.best().unwrap();
    /// assert_eq!((best.catalog, best.status), ("s3", Some(404)));
    /// assert_eq!(e.class(), Class::Client);
    /// assert_eq!(e.exit_code(), 1);
    /// ```
    pub fn explain(&self, query: &str) -> Option<Explanation> {
        match query::classify(query, &self.registry) {
            query::Arg::Query(q) => {
                explain::query(&self.registry, &q, &Filter(&[])).map(Explanation::from)
            }
            _ => None,
        }
    }

    /// Explains a whole text: an HTTP response (`curl -i` output), a JSON or XML body, an SDK
    /// error, a log line. `None` when the text holds no error evidence and no success.
    ///
    /// ```
    /// use errexplain::{Catalogs, Class};
    ///
    /// let response = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 30\r\n\r\n";
    /// let e = Catalogs::builtin().explain_text(response).unwrap();
    /// assert_eq!(e.class(), Class::Server);
    /// assert_eq!(e.retry_after(), Some(30.0));
    /// ```
    pub fn explain_text(&self, text: &str) -> Option<Explanation> {
        let raw = crate::input::from_bytes(text.as_bytes(), None).ok()?;
        let mut evidence = crate::input::analyze(&raw.text);
        if let Some(cut) = raw.cut {
            evidence.notes.push(cut);
        }
        let report = explain::response(&self.registry, "text", &raw.text, evidence, &Filter(&[]));
        if report.findings.is_empty() && report.class != Class::Success {
            return None;
        }
        Some(Explanation::from(report))
    }

    /// The entries whose code, alias or name is `key`, with case, spaces and punctuation
    /// forgiven (`no_such_key` finds `NoSuchKey`): a binary search over the sorted keys of
    /// every catalog, no ranking.
    ///
    /// ```
    /// let catalogs = errexplain::Catalogs::builtin();
    /// let found = catalogs.lookup("no_such_key");
    /// assert!(found.iter().any(|e| (e.catalog, e.code) == ("s3", "NoSuchKey")));
    /// assert!(catalogs.lookup("NoSuchThingAnywhere").is_empty());
    /// ```
    pub fn lookup(&self, key: &str) -> Vec<&'static Entry> {
        let key = crate::lexicon::normalize(key);
        self.registry
            .lookup(&key)
            .into_iter()
            .map(|(e, _)| e)
            .collect()
    }

    /// The entries whose code, name, message or meaning has every word of `words` as a whole
    /// word (as `errexplain --search` does).
    ///
    /// ```
    /// let catalogs = errexplain::Catalogs::builtin();
    /// let hits = catalogs.search("rate limit");
    /// assert!(hits.iter().any(|e| (e.catalog, e.code) == ("r2", "10058")));
    /// ```
    pub fn search(&self, words: &str) -> Vec<&'static Entry> {
        let words: Vec<String> = words.split_whitespace().map(str::to_string).collect();
        self.registry.search(&words)
    }

    /// The catalogs, in ranking order.
    ///
    /// ```
    /// let catalogs = errexplain::Catalogs::builtin();
    /// let ids: Vec<&str> = catalogs.list().iter().map(|c| c.id).collect();
    /// assert!(ids.contains(&"s3") && ids.contains(&"http"));
    /// ```
    pub fn list(&self) -> Vec<CatalogInfo> {
        self.registry
            .catalogs()
            .iter()
            .map(|c| CatalogInfo {
                id: c.id,
                name: c.name,
                entries: self.registry.count(c.id),
                source: c.source,
            })
            .collect()
    }
}

/// One catalog: its id (as in `id:code`), name, number of entries and source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogInfo {
    pub id: &'static str,
    pub name: &'static str,
    pub entries: usize,
    pub source: &'static str,
}

/// The explanation of one query or one text: the errors found, each with the catalog
/// entries that fit it, best first.
#[derive(Debug)]
pub struct Explanation {
    report: Report,
}

impl From<Report> for Explanation {
    fn from(report: Report) -> Explanation {
        Explanation { report }
    }
}

impl Explanation {
    /// The class of the error that decides (the first one a response reports).
    pub fn class(&self) -> Class {
        self.report.class
    }

    /// The exit status the command line gives it: 0 success, 1 client, 2 server, 3 network.
    pub fn exit_code(&self) -> u8 {
        crate::exit::Exit::from(self.report.class) as u8
    }

    /// The best entry for the first error, if any catalog knows it.
    pub fn best(&self) -> Option<&'static Entry> {
        self.report
            .findings
            .first()
            .and_then(|f| f.matches.first())
            .map(|m| m.entry)
    }

    /// Every entry that fits, per error found, best first.
    pub fn matches(&self) -> Vec<Vec<&'static Entry>> {
        self.report
            .findings
            .iter()
            .map(|f| f.matches.iter().map(|m| m.entry).collect())
            .collect()
    }

    /// Seconds to wait before a retry, when the response says (`Retry-After`, a body's
    /// `retry_after`) or the best entry's catalog does.
    pub fn retry_after(&self) -> Option<f64> {
        let best = self.best()?;
        render::retry_advice(best, self.report.evidence.as_ref()).seconds
    }

    /// The text the command line prints (without colour or wrapping).
    pub fn to_text(&self) -> String {
        self.render(|o| {
            render::text::render(
                o,
                &render::text::Style {
                    color: false,
                    width: None,
                },
            )
        })
    }

    /// The document `--json` prints (see `errexplain --generate json-schema`).
    pub fn to_json(&self) -> String {
        let exit = crate::exit::Exit::from(self.report.class);
        self.render(|o| render::json::render(o, exit))
    }

    fn render(&self, f: impl Fn(&[Outcome]) -> String) -> String {
        f(&[Outcome::Report(Box::new(self.report.clone()))])
    }
}

/// Explains a code, name, status or `catalog:code` with the built-in catalogs.
///
/// ```
/// let e = errexplain::explain("10058").unwrap();
/// assert_eq!(e.best().unwrap().catalog, "r2");
/// assert!(errexplain::explain("NoSuchThingAnywhere").is_none());
/// ```
pub fn explain(query: &str) -> Option<Explanation> {
    builtin().explain(query)
}

/// Explains a whole response, body or log text with the built-in catalogs.
///
/// ```
/// let body = r#"{"message": "Missing Permissions", "code": 50013}"#;
/// let e = errexplain::explain_text(body).unwrap();
/// assert_eq!(e.best().unwrap().code, "50013");
/// assert!(errexplain::explain_text("all quiet").is_none());
/// ```
pub fn explain_text(text: &str) -> Option<Explanation> {
    builtin().explain_text(text)
}

/// The built-in catalogs.
///
/// ```
/// assert!(errexplain::catalogs().iter().any(|c| c.id == "curl" && c.entries > 80));
/// ```
pub fn catalogs() -> Vec<CatalogInfo> {
    builtin().list()
}

fn builtin() -> &'static Catalogs {
    static BUILTIN: std::sync::OnceLock<Catalogs> = std::sync::OnceLock::new();
    BUILTIN.get_or_init(Catalogs::builtin)
}
