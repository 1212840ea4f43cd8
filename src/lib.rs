//! errexplain explains API errors: codes, HTTP statuses and whole responses, from catalogs
//! built into the crate (Cloudflare, R2, S3, Discord, curl, HTTP and more), offline.
//!
//! The API is small: [`explain`] a code, [`explain_text`] a response or log text, list the
//! [`catalogs`]; [`Catalogs`] does the same with user catalogs added. An [`Explanation`] gives
//! the best [`Entry`], its [`Class`] (and the command line's exit status), the retry advice,
//! and the text or JSON the command line prints.
//!
//! ```
//! let e = errexplain::explain("InternalError").unwrap();
//! let best = e.best().unwrap();
//! assert_eq!((best.catalog, best.code), ("s3", "InternalError"));
//! assert_eq!(e.class(), errexplain::Class::Server);
//! println!("{}", best.fix);
//! ```
//!
//! Everything else is private to the crate: the command line (`errexplain`) is built from the
//! same modules, through one hidden entry point.

mod api;
pub use api::{catalogs, explain, explain_text, CatalogInfo, Catalogs, Explanation};
pub use catalog::{Entry, Retry};
pub use lexicon::Class;

/// The `errexplain` command: parses its arguments (the program's name first), runs, and
/// returns the exit status.
#[cfg(feature = "cli")]
#[doc(hidden)]
pub use app::main as command_line;

/// The modules of the command line, private to the crate: `imp` is private, so they are
/// reachable only through the imports below (the `internals` feature, for the fuzz targets and
/// nothing else, makes them public, without any promise of stability). Without the `cli`
/// feature only those the API needs are built; what in them only the command line uses is
/// then unused, and not warned of.
#[path = "."]
#[cfg_attr(not(feature = "cli"), allow(dead_code))]
mod imp {
    pub mod catalog;
    #[cfg(feature = "cli")]
    pub mod cli;
    #[cfg(feature = "cli")]
    pub mod color;
    pub mod exit;
    pub mod explain;
    pub mod file;
    /// The fuzz targets' checks, shared by the fuzzers and the property tests.
    #[cfg(all(feature = "cli", any(test, feature = "internals")))]
    pub mod fuzzing;
    pub mod input;
    pub mod lexicon;
    #[cfg(feature = "cli")]
    pub mod mode;
    #[cfg(feature = "cli")]
    pub mod output;
    #[cfg(feature = "cli")]
    pub mod prefilter;
    pub mod query;
    pub mod render;
    pub mod sanitize;
}
#[cfg(feature = "internals")]
#[doc(hidden)]
pub use imp::fuzzing;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub use imp::{
    catalog, cli, color, exit, explain, file, input, lexicon, mode, output, prefilter, query,
    render, sanitize,
};
#[cfg(not(feature = "internals"))]
use imp::{catalog, exit, explain, file, input, lexicon, query, render, sanitize};
#[cfg(all(feature = "cli", not(feature = "internals")))]
use imp::{cli, color, mode, output, prefilter};
#[cfg(feature = "cli")]
mod app;
#[cfg_attr(not(feature = "cli"), allow(dead_code))]
mod words;

/// README.md's Rust example compiles and runs with the test suite.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;

/// The command line's modules are private to the crate (error E0603: private module):
///
/// ```compile_fail,E0603
/// let _ = errexplain::input::analyze("HTTP/1.1 404 Not Found");
/// ```
///
/// ```compile_fail,E0603
/// let _ = errexplain::catalog::Registry::embedded();
/// ```
///
/// and what the API names is reachable from outside:
///
/// ```
/// let _: Vec<&errexplain::Entry> = errexplain::Catalogs::builtin().lookup("10058");
/// ```
#[cfg(all(doctest, not(feature = "internals")))]
struct InternalsArePrivate;
