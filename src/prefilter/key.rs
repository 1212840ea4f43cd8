//! The key of a token as the prefilter computes it while it reads: the token's last sixteen
//! bytes and its length, mixed. This file is compiled twice: by `build.rs`, which stores the
//! key of every token the phrasebook can be found by, and by the crate, which computes the
//! key of every token of a stream; so a token is always stored and sought the same way.

/// A token being read: its last sixteen bytes (ASCII, lower-cased) and its length.
#[derive(Clone, Copy, Default)]
pub struct Roll {
    last: u64,
    before: u64,
    len: u32,
}

impl Roll {
    /// Adds the next byte of the token (an ASCII letter or digit, lower-cased).
    #[inline]
    pub fn push(&mut self, lower: u8) {
        self.before = (self.before << 8) | (self.last >> 56);
        self.last = (self.last << 8) | u64::from(lower);
        self.len = self.len.wrapping_add(1);
    }

    /// A whole token read at once (ASCII letters and digits): as if each byte had been
    /// pushed, lower-cased. Only its last sixteen bytes and its length count.
    #[inline]
    pub fn of(token: &[u8]) -> Roll {
        let mut r = Roll::default();
        for &b in &token[token.len().saturating_sub(16)..] {
            r.push(b | 0x20);
        }
        r.len = token.len() as u32;
        r
    }

    /// The key of the token read so far. Equal tokens have equal keys; two tokens with the
    /// same key and different bytes only cost a closer look.
    #[inline]
    pub fn key(&self) -> u64 {
        let h = (self.last ^ self.before.rotate_left(31) ^ (u64::from(self.len) << 56))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^ (h >> 29)
    }
}

/// The key of a whole token (ASCII letters and digits; lower-cased here): what `build.rs`
/// stores.
#[allow(dead_code)]
pub fn token_key(token: &str) -> u64 {
    let mut r = Roll::default();
    for b in token.bytes() {
        r.push(b.to_ascii_lowercase());
    }
    r.key()
}

/// The bitmap of keys has `1 << BITS` bits.
pub const BITS: u32 = 19;

/// The bit of a key in the bitmap.
#[inline]
pub fn bit(key: u64) -> usize {
    (key >> (64 - BITS)) as usize
}

/// The anchor rows are found by a bucket of their key's first bits: this many buckets.
pub const BUCKETS: usize = 1 << 12;

/// The bucket of a key.
#[inline]
pub fn bucket(key: u64) -> usize {
    (key >> (64 - BUCKETS.trailing_zeros())) as usize
}

/// The first `n` (at most eight) bytes of a word, ASCII lower-cased, as one number: what
/// the table of numbered entries holds of each word an entry may be written with, and what
/// is compared with the text after a number. 0 (any) where they are not all ASCII, or there
/// are fewer.
pub fn start(word: &[u8], n: usize) -> u64 {
    match word.get(..n.min(8)) {
        Some(w) if w.is_ascii() => w
            .iter()
            .fold(0u64, |v, b| (v << 8) | u64::from(b.to_ascii_lowercase())),
        _ => 0,
    }
}

/// A number as the table of numbered entries stores it: its value and how many digits it
/// was written with (`0404` is not `404`).
pub fn number_key(digits: &str) -> Option<u32> {
    let len = u32::try_from(digits.len()).ok()?;
    if !(1..=6).contains(&len) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.parse::<u32>().ok()? | (len << 20))
}
