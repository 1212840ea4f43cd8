//! Text from the input is untrusted. Before it is shown in any output form, control characters,
//! bidi overrides and zero-width characters are made visible as escapes, and secrets are masked,
//! so that an error body can never drive the user's terminal or leak a credential.
//!
//! [`Untrusted`] holds text that came from outside (arguments, file names, the environment,
//! user catalogs, clap's echo of an argument, a command's output under `--run`): it cannot be
//! formatted, and its only way to be shown is [`Untrusted::clean`] (or `clean_lines`).

mod mask;
pub mod pairs;

pub use mask::{is_secret_header, mask_secrets};

/// Text that came from outside. It has no `Display`, no `Deref` to `str` and no `Serialize`:
/// it reaches an output only through [`clean`](Untrusted::clean) (escaped and masked, one
/// line) or [`clean_lines`](Untrusted::clean_lines). [`expose`](Untrusted::expose) gives the
/// text to read, match and parse, never to show.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Untrusted(String);

impl Untrusted {
    pub fn new(s: impl Into<String>) -> Untrusted {
        Untrusted(s.into())
    }

    /// An argument, a variable or a file name, read lossily where it is not UTF-8.
    pub fn lossy(s: &std::ffi::OsStr) -> Untrusted {
        Untrusted(s.to_string_lossy().into_owned())
    }

    /// A path, as it is shown.
    pub fn path(p: &std::path::Path) -> Untrusted {
        Untrusted(p.display().to_string())
    }

    /// The text, to read, compare and parse; never to show (that is [`Untrusted::clean`]).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Without the white space around it.
    pub fn trim(&self) -> Untrusted {
        Untrusted(self.0.trim().to_string())
    }

    /// Escaped and masked, on one line: the way to show it.
    pub fn clean(&self) -> String {
        clean(&self.0)
    }

    /// Escaped and masked, keeping line breaks (a caret diagram of several lines).
    pub fn clean_lines(&self) -> String {
        clean_lines(&self.0)
    }
}

/// The compiler keeps the promise: this fails to build (an ambiguous `NotShown` impl) the day
/// `Untrusted` gets `Display`, `Serialize`, `Deref<Target = str>`, `AsRef<str>` or
/// `Into<String>`, any of which would let it reach an output without `clean`.
const _: () = {
    trait NotShown<Via> {
        fn checked() {}
    }
    impl<T: ?Sized> NotShown<()> for T {}
    struct ViaDisplay;
    impl<T: ?Sized + std::fmt::Display> NotShown<ViaDisplay> for T {}
    struct ViaSerialize;
    impl<T: ?Sized + serde::Serialize> NotShown<ViaSerialize> for T {}
    struct ViaDeref;
    impl<T: ?Sized + std::ops::Deref<Target = str>> NotShown<ViaDeref> for T {}
    struct ViaAsRef;
    impl<T: ?Sized + AsRef<str>> NotShown<ViaAsRef> for T {}
    struct ViaInto;
    impl<T: Into<String>> NotShown<ViaInto> for T {}
    let _ = <Untrusted as NotShown<_>>::checked;
};

/// Debug output shows the cleaned text: even `{:?}` shows nothing raw.
impl std::fmt::Debug for Untrusted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Untrusted({:?})", self.clean())
    }
}

/// Escapes C0/C1 controls (newlines too: echoed text is one line), bidi controls and zero-width
/// characters as `\u{..}` or the usual short escapes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_dangerous(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The longest start of `s` of at most `max` bytes that ends at a character boundary.
pub fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// At most `max` bytes of `s` (cut on a character boundary), then `… (N more bytes)`: an
/// echoed value stays a few lines long however long the server's was.
pub fn clip(s: &str, max: usize) -> String {
    let kept = cut(s, max);
    if kept.len() == s.len() {
        return s.to_string();
    }
    format!("{kept}… ({} more bytes)", s.len() - kept.len())
}

/// Like [`escape`], but keeps line breaks: for multi-line messages such as clap's.
pub fn escape_lines(s: &str) -> String {
    s.split('\n')
        .map(|l| escape(l.strip_suffix('\r').unwrap_or(l)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Characters that must never reach a terminal raw: every control character (C0, DEL, C1),
/// every format character that is not printed (Unicode general category Cf: bidi controls,
/// zero-width characters, tag characters, invisible operators), the line and paragraph
/// separators, and every other default-ignorable code point (variation selectors, Hangul
/// fillers, U+00AD, U+180E, ...): by property, from the Unicode Character Database's
/// `Default_Ignorable_Code_Point` and `Cf` ranges, not a hand-picked list of favourites.
pub fn is_dangerous(c: char) -> bool {
    // (No invisible range holds an ASCII character: of those, only the controls are.)
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    c.is_control()
        || INVISIBLE
            .iter()
            .any(|&(lo, hi)| (lo..=hi).contains(&(c as u32)))
}

/// `Default_Ignorable_Code_Point` ∪ `Cf` ∪ {Zl, Zp} (Unicode 15.1), merged into ranges.
const INVISIBLE: &[(u32, u32)] = &[
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
];

const _: () = {
    let mut i = 0;
    while i < INVISIBLE.len() {
        assert!(INVISIBLE[i].0 > 0x7f, "an invisible range holds no ASCII");
        i += 1;
    }
};

/// Escape and mask: what every echoed piece of input goes through.
pub fn clean(s: &str) -> String {
    escape(&mask_secrets(s))
}

/// [`clean`], keeping line breaks (a message of several lines, such as a caret diagram).
pub fn clean_lines(s: &str) -> String {
    escape_lines(&mask_secrets(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_could_drive_a_terminal() {
        let table = [
            ("plain text", "plain text"),
            ("\u{1b}[31mred\u{1b}[0m", "\\u{1b}[31mred\\u{1b}[0m"),
            ("\u{1b}]0;title\u{7}", "\\u{1b}]0;title\\u{7}"),
            ("a\nb\r\tc", "a\\nb\\r\\tc"),
            ("evil\u{202e}txt", "evil\\u{202e}txt"),
            ("zero\u{200b}width", "zero\\u{200b}width"),
            ("c1\u{9b}31m", "c1\\u{9b}31m"),
            ("bom\u{feff}", "bom\\u{feff}"),
            ("naïve — ok", "naïve — ok"),
            ("line\u{2028}sep", "line\\u{2028}sep"),
            ("tag\u{e0041}\u{e0042}", "tag\\u{e0041}\\u{e0042}"),
            ("soft\u{ad}hyphen", "soft\\u{ad}hyphen"),
            ("vs\u{fe0f}16", "vs\\u{fe0f}16"),
            ("mongol\u{180e}", "mongol\\u{180e}"),
            ("hangul\u{3164}filler", "hangul\\u{3164}filler"),
            ("word\u{2061}joiner", "word\\u{2061}joiner"),
        ];
        for (input, want) in table {
            assert_eq!(escape(input), want, "{input:?}");
            assert!(!escape(input).chars().any(is_dangerous));
        }
    }

    #[test]
    fn cut_ends_at_a_character_boundary_at_most_max_bytes_in() {
        for (s, max, want) in [
            ("abc", 5, "abc"),
            ("abc", 3, "abc"),
            ("abcdef", 3, "abc"),
            ("abcdef", 0, ""),
            ("aé", 2, "a"), // 'é' is two bytes: cutting inside it steps back
            ("aéb", 3, "aé"),
            ("日本", 4, "日"),
            ("日本", 5, "日"),
            ("日本", 6, "日本"),
        ] {
            assert_eq!(cut(s, max), want, "{s:?} at {max}");
        }
    }
}
