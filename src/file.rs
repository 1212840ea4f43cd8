//! Opening a file the user named, safely: only a regular file is read, never a FIFO or a
//! device that would block or never end, and a file read whole is refused past a size limit
//! rather than read into memory. Both the input readers (`-f PATH`, an argument that names a
//! file) and the user catalogs open their files here.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Opens `path` for reading: a regular file only, checked on the opened handle (so nothing
/// can be swapped in between the check and the read).
pub fn open(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // Opening a FIFO for reading would wait for a writer: open without waiting, then refuse
    // anything that is not a regular file.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    Ok(file)
}

/// Why a file was not read whole.
#[derive(Debug)]
pub enum Refused {
    /// It could not be opened, or is no regular file.
    Open(std::io::Error),
    /// Reading it failed.
    Read(std::io::Error),
    /// It is larger than the limit (in bytes).
    TooLarge(u64),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Open(e) => write!(f, "cannot open: {e}"),
            Refused::Read(e) => write!(f, "cannot read: {e}"),
            Refused::TooLarge(limit) => write!(f, "larger than {} MiB", limit / 1024 / 1024),
        }
    }
}

/// Reads a whole regular file of at most `limit` bytes; no more than one byte past the limit
/// is ever read.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
    let file = open(path).map_err(Refused::Open)?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Refused::Read)?;
    if bytes.len() as u64 > limit {
        return Err(Refused::TooLarge(limit));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = std::env::temp_dir().join(format!("errexplain-file-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("catalog.toml");
        std::fs::write(&file, "0123456789").expect("write");
        assert_eq!(
            read_bounded(&file, 10).expect("at the limit"),
            b"0123456789"
        );
        let e = read_bounded(&file, 9).expect_err("past the limit");
        assert!(matches!(e, Refused::TooLarge(9)), "{e:?}");
        let e = read_bounded(&dir, 10).expect_err("a directory is refused");
        assert_eq!(e.to_string(), "cannot open: not a regular file");
        assert!(matches!(
            read_bounded(&dir.join("missing"), 10),
            Err(Refused::Open(e)) if e.kind() == std::io::ErrorKind::NotFound
        ));
        assert_eq!(
            Refused::TooLarge(4 * 1024 * 1024).to_string(),
            "larger than 4 MiB"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
