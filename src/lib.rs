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
//! The modules hidden from this documentation serve the `errexplain` command, its benchmarks
//! and fuzz targets: they are not part of the API and change without notice.

mod api;
pub use api::{catalogs, explain, explain_text, CatalogInfo, Catalogs, Explanation};
pub use catalog::{Class, Entry, Retry};

#[doc(hidden)]
pub mod catalog;
#[doc(hidden)]
pub mod cli;
#[doc(hidden)]
pub mod color;
#[doc(hidden)]
pub mod exit;
#[doc(hidden)]
pub mod explain;
#[doc(hidden)]
pub mod follow;
#[doc(hidden)]
pub mod generate;
#[doc(hidden)]
pub mod input;
#[doc(hidden)]
pub mod query;
#[doc(hidden)]
pub mod render;
#[doc(hidden)]
pub mod run;
#[doc(hidden)]
pub mod sanitize;
mod words;

/// README.md's Rust example compiles and runs with the test suite.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;
