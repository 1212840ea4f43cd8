//! How a `key <separator> value` pair is written, in any notation: the one idea of a key's
//! end, a separator and a value's start that the record reader reads evidence with and the
//! masker finds credentials with, so that the two cannot drift apart.

/// Longest quoted value looked through for its closing quote (escapes make a value longer
/// than what it says); beyond it the quote is taken as unterminated.
pub const MAX_QUOTED: usize = 1600;

/// Where a bare value that may hold spaces (a message, a password) ends: its clause ends.
pub const CLAUSE_END: &[char] = &['\n', '\r', ',', ';', '}', ']', ')', '|'];

/// The symbol at `i`, as written or percent-encoded (`%3D` is `=`, `%22` is `"`): the byte it
/// stands for and how many bytes it takes. Only the symbols of the pair syntax and of URLs
/// are decoded.
pub fn sym(text: &[u8], i: usize) -> Option<(u8, usize)> {
    let c = *text.get(i)?;
    if c == b'%' {
        let hex = |k: usize| text.get(k).and_then(|&x| (x as char).to_digit(16));
        if let (Some(h), Some(l)) = (hex(i + 1), hex(i + 2)) {
            let v = (h * 16 + l) as u8;
            if matches!(
                v,
                b'=' | b':' | b'"' | b'\'' | b'/' | b'@' | b' ' | b'&' | b'\\'
            ) {
                return Some((v, 3));
            }
        }
    }
    Some((c, 1))
}

/// A quote at `i`: `"`, `'`, a backslash-escaped one (`\"`, JSON inside a string), or a
/// percent-encoded one; the quote byte and its length.
pub fn quote_at(text: &[u8], i: usize) -> Option<(u8, usize)> {
    match sym(text, i)? {
        (q @ (b'"' | b'\''), n) => Some((q, n)),
        (b'\\', n) => match sym(text, i + n)? {
            (q @ (b'"' | b'\''), m) => Some((q, n + m)),
            _ => None,
        },
        _ => None,
    }
}

/// After a key that ends at `end`: its closing quote, spaces, a separator (`:`, `=`, `=>`,
/// `->`, not `::`; as written or percent-encoded), spaces. Where the value starts, and whether
/// a separator stood there (without one, the words are prose: `status code 503`).
pub fn after_key(text: &[u8], end: usize) -> (usize, bool) {
    let mut j = end;
    if let Some((_, n)) = quote_at(text, j) {
        j += n;
    }
    let spaces = |mut j: usize| {
        while matches!(text.get(j), Some(b' ' | b'\t')) {
            j += 1;
        }
        j
    };
    j = spaces(j);
    let mut separated = false;
    if text[j.min(text.len())..].starts_with(b"=>") || text[j.min(text.len())..].starts_with(b"->")
    {
        j += 2;
        separated = true;
    } else if let Some((b':' | b'=', n)) = sym(text, j) {
        if text.get(j + n) != Some(&b':') {
            j += n;
            separated = true;
        }
    }
    (spaces(j), separated)
}

/// Where a value that stands at `i` really starts: inside Rust's, Kotlin's and Scala's
/// wrappers (`Some("x")`, `Optional[x]`) and after an EDN keyword's or a Ruby symbol's colon
/// (`:not-found`).
pub fn value_start(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    for wrap in ["Some(", "Optional[", "Optional("] {
        if text.get(i..).is_some_and(|t| t.starts_with(wrap)) {
            i += wrap.len();
        }
    }
    if bytes.get(i) == Some(&b':') && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    i
}

/// The end (the index of the closing quote) of a quoted value whose quote `q` opened just
/// before `from`; backslash escapes are skipped. `None` when it does not close within
/// [`MAX_QUOTED`] bytes or, for a single quote (an apostrophe, as often as not), on the same
/// line.
pub fn quoted_end(text: &[u8], from: usize, q: u8) -> Option<usize> {
    let mut j = from;
    let limit = text.len().min(from + MAX_QUOTED);
    while j < limit {
        match text[j] {
            b'\\' => j += 2,
            b if b == q => return Some(j),
            b'\n' if q == b'\'' => return None,
            _ => j += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_as_the_record_reader_and_the_masker_see_them() {
        // (text, where the key ends, where the value starts, separated)
        for (text, end, start, sep) in [
            ("k: v", 1, 3, true),
            ("k=v", 1, 2, true),
            ("\"k\": \"v\"", 2, 5, true),
            ("k => v", 1, 5, true),
            ("k -> v", 1, 5, true),
            ("k%3Dv", 1, 4, true),
            ("\\\"k\\\":\\\"v", 3, 6, true),
            ("k::v", 1, 1, false),
            ("k v", 1, 2, false),
        ] {
            assert_eq!(after_key(text.as_bytes(), end), (start, sep), "{text:?}");
        }
        assert_eq!(value_start("Some(\"x\")", 0), 5);
        assert_eq!(value_start(":not-found", 0), 1);
        assert_eq!(quoted_end(b"\"a\\\"b\" c", 1, b'"'), Some(5));
        assert_eq!(quoted_end(b"'it\ns'", 1, b'\''), None);
    }
}
