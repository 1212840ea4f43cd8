//! The one normaliser for codes and names. This file is compiled twice: by `build.rs`, which
//! sorts the embedded catalogs' keys with it, and by the crate, which looks them up with it;
//! so a key is always built and sought the same way.

/// Lower case, letters and digits only, so that `NoSuchKey`, `no_such_key`, `NO-SUCH-KEY` and
/// `nosuchkey` are one key.
pub fn normalize(s: &str) -> String {
    // Lower-case first: some capitals lower to a letter plus a combining mark ("İ"), and the
    // mark must go too for normalising to be idempotent.
    s.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalize_table() {
        let table = [
            ("NoSuchKey", "nosuchkey"),
            ("no_such_key", "nosuchkey"),
            ("NO-SUCH-KEY", "nosuchkey"),
            ("ALREADY_EXISTS", "alreadyexists"),
            (" 10058 ", "10058"),
            ("CURLE_OK", "curleok"),
            ("", ""),
            ("___", ""),
        ];
        for (input, want) in table {
            assert_eq!(normalize(input), want, "{input:?}");
            assert_eq!(
                normalize(&normalize(input)),
                normalize(input),
                "idempotent for {input:?}"
            );
        }
    }
}
