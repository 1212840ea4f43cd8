//! Tokens: what the phrasebook matches on. A token is a maximal run of letters and digits;
//! a phrasing is a sequence of tokens, compared case-insensitively. This file is compiled
//! twice: by `build.rs`, which stores every phrasing's tokens and the key of its first, and by
//! the crate, which reads texts with it; so a phrasing is always stored and sought the same way.

/// The tokens of a text, as byte ranges: maximal runs of letters and digits. Phrasings are
/// matched token by token, so `Connection refused`, `connection  refused` and
/// `connection-refused` are one phrase, and `refused` never matches inside `ECONNREFUSED`.
pub fn token_spans(s: &str) -> TokenSpans<'_> {
    TokenSpans { s, at: 0 }
}

/// See [`token_spans`].
pub struct TokenSpans<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> TokenSpans<'a> {
    /// The tokens of `s` from byte `at` on (a char boundary).
    pub fn from(s: &'a str, at: usize) -> TokenSpans<'a> {
        TokenSpans { s, at }
    }

    /// Whether the character at byte `i` (a char boundary) is part of a token, and its length.
    fn word_char(&self, i: usize) -> (bool, usize) {
        let b = self.s.as_bytes()[i];
        if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = self.s[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        }
    }
}

/// Of each byte: 1 an ASCII letter or digit, 0 any other ASCII byte, 2 a byte of another
/// character (decoded to be classed).
const CLASS: [u8; 256] = {
    let mut t = [2u8; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() as u8;
        b += 1;
    }
    t
};

impl Iterator for TokenSpans<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let bytes = self.s.as_bytes();
        let len = bytes.len();
        // ASCII bytes are classed by a table; only other characters are decoded.
        while self.at < len {
            match CLASS[usize::from(bytes[self.at])] {
                0 => self.at += 1,
                1 => break,
                _ => {
                    let (word, n) = self.word_char(self.at);
                    if word {
                        break;
                    }
                    self.at += n;
                }
            }
        }
        if self.at >= len {
            return None;
        }
        let start = self.at;
        while self.at < len {
            match CLASS[usize::from(bytes[self.at])] {
                1 => self.at += 1,
                0 => break,
                _ => {
                    let (word, n) = self.word_char(self.at);
                    if !word {
                        break;
                    }
                    self.at += n;
                }
            }
        }
        Some((start, self.at))
    }
}

/// The key of a token: FNV-1a (64 bits) over its lower-cased characters.
pub fn token_key(token: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    if token.is_ascii() {
        for b in token.bytes() {
            eat(b.to_ascii_lowercase());
        }
    } else {
        let mut buf = [0u8; 4];
        for c in token.chars().flat_map(char::to_lowercase) {
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                eat(b);
            }
        }
    }
    h
}

/// Whether `text` ends with `suffix`, ignoring ASCII case (at a character boundary, so any
/// text may be given).
pub fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text
            .get(text.len() - suffix.len()..)
            .is_some_and(|end| end.eq_ignore_ascii_case(suffix))
}

/// Whether `text` starts with `prefix`, ignoring ASCII case (at a character boundary).
pub fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

/// Whether a token of a text equals a token already lower-cased.
pub fn token_eq(token: &str, lowered: &str) -> bool {
    if token.is_ascii() {
        token.eq_ignore_ascii_case(lowered)
    } else {
        token
            .chars()
            .flat_map(char::to_lowercase)
            .eq(lowered.chars())
    }
}

/// A phrasing's tokens, lower-cased, joined by single spaces (what the tables store).
pub fn phrase_tokens(text: &str) -> String {
    let mut out = String::new();
    for (a, b) in token_spans(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(text[a..b].chars().flat_map(char::to_lowercase));
    }
    out
}

/// A symbol as code prints it: CamelCase with two capitals (`NoSuchKey`) or UPPER_SNAKE
/// (`CURLE_COULDNT_CONNECT`), eight characters or more. An entry's code, name or alias of
/// this shape is one of its phrasings: written in a text, it names the entry.
pub fn symbolic(s: &str) -> bool {
    let upper = s.bytes().filter(u8::is_ascii_uppercase).count();
    let camel = s.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && upper >= 2
        && s.bytes().any(|b| b.is_ascii_lowercase())
        && s.bytes().all(|b| b.is_ascii_alphanumeric());
    let snake = s.contains('_')
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    s.len() >= 8 && (camel || snake)
}

/// At most this many tokens of a phrasing stand before the one it is found by.
pub const MAX_BEFORE: usize = 15;

/// Which token of a phrasing (its tokens joined by single spaces) it is found by: the
/// longest, the first of equals, among the first [`MAX_BEFORE`] + 1. A long token is rare in
/// text, so a text is checked against few phrasings at each of its tokens (`a` and `the`
/// begin many phrasings; `connection` few).
pub fn anchor(tokens: &str) -> usize {
    let mut best = (0, 0);
    for (i, t) in tokens.split(' ').take(MAX_BEFORE + 1).enumerate() {
        let n = t.chars().count();
        if n > best.1 {
            best = (i, n);
        }
    }
    best.0
}
