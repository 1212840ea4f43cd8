//! `--check-catalog FILE`: a user catalog file held against the catalog schema, the same rules
//! the build holds `data/` to. Problems of fact are errors (exit 1); problems of style are
//! warnings, and the file still passes.

use crate::catalog::{self, schema::Problem};
use crate::exit::Exit;
use crate::sanitize::Untrusted;

/// The verdict on one file.
pub struct Checked {
    /// The file's name as given (cleaned: it is shown).
    pub file: String,
    /// Its entry and phrasing counts and style warnings, or every error found.
    pub result: Result<(usize, usize, Vec<Problem>), Vec<Problem>>,
}

impl Checked {
    pub fn exit(&self) -> Exit {
        match self.result {
            Ok(_) => Exit::Success,
            Err(_) => Exit::Client,
        }
    }
}

pub fn check(path: &std::path::Path) -> Checked {
    Checked {
        file: Untrusted::path(path).clean(),
        result: catalog::schema_check(path),
    }
}
