//! The prefilter: one cheap pass over a line that says whether any reader or the phrasebook
//! could find anything in it, so that a long log is read closely only where something may
//! be. It looks for what each of them needs before it finds anything, never for less:
//!
//! - the phrasebook finds a phrasing by its longest token, as a whole token: the key of every
//!   such token (of every name, of every message the phrasebook does not call weak, and of
//!   every message of a network failure, which counts alone on a line that says something
//!   failed) is in a table `build.rs` writes, and the key of each token of the line is looked
//!   up in it;
//! - the line readers need their markers, the catalogs' message patterns their first parts,
//!   the record reader a code or status key (`code`, `errorCode`, `status_code`, `HTTP Status
//!   Code`; their letters may be split by `_`, `-`, `.` or a space): each of these, reduced to
//!   its first letters and digits, is looked for in the run of letters and digits that those
//!   separators join;
//! - an HTTP status line has `http/`; a JSON, XML or HTML reader a `{` or a `<`;
//! - a number counts only after a label (`code 1020`, `[Errno 111]`, `HTTP 503`, `status:
//!   429`), before its own message (`50013: Missing Permissions`, `429 Too Many Requests`,
//!   `111: Connection refused`), in brackets before a URL, in an access log's status column,
//!   after HAProxy's timers, or as an R2 binding's code at the end of a line: each number is checked for those
//!   neighbours, against the labels and phrases the readers themselves use;
//! - escapes (`\`, `&`, a backquote, `**`) can turn text into any of these: a line that has
//!   one is marked, and its record is checked again in its unescaped form, the form the
//!   readers read;
//! - the KELVIN SIGN is the one character beyond ASCII whose lower case is an ASCII letter:
//!   a line with it is always read.
//!
//! Every check errs towards reading: a line it lets through may hold nothing. User catalogs
//! and phrasebooks are not in the tables, so with any of them loaded nothing is filtered
//! (the caller asks [`Prefilter::for_registry`]).

mod key;

#[cfg(test)]
mod tests;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/prefilter.rs"));
}

/// What the prefilter says of one line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    /// Something here may be an error (or, for a whole input, a success).
    pub hot: bool,
    /// A token some phrasing is found by: the record is held against the phrasebook.
    pub anchor: bool,
    /// Unescaping may change this line: its record is checked again unescaped.
    pub escaped: bool,
}

impl Flags {
    /// What a record of lines with these flags has.
    pub fn add(&mut self, other: Flags) {
        self.hot |= other.hot;
        self.anchor |= other.anchor;
        self.escaped |= other.escaped;
    }
}

/// The literals looked for (see the module's documentation), reduced to what is found in
/// the joined run of letters and digits, as one automaton over that run.
pub struct Prefilter {
    /// Every literal (lower case, four to eight letters and digits), as a DFA that the
    /// joined run is fed to a byte at a time: a state that matches means a literal ends
    /// there. `None` where it could not be built: then every line is read.
    literals: Option<aho_corasick::dfa::DFA>,
    /// Some literal is too short to look for this way: every line is read.
    always: bool,
    /// Literals of no letter or digit at all (a check mark `✓`, `$?`): looked for as they are
    /// written, in the line's bytes.
    marks: Vec<&'static [u8]>,
    /// The literals that have a digit, each digit as `0`, as a DFA fed the joined run's
    /// shape (digits as `0`) as [`Prefilter::literals`] is fed the run: where none matches,
    /// no digits in the same places would make one of them.
    digit_literals: Option<aho_corasick::dfa::DFA>,
}

/// A text at least this long is read with a [`Memo`].
const MEMO_TEXT: usize = 16 * 1024;

/// The longest line a [`Memo`] holds.
pub const MEMO_LINE: usize = 512;
/// How many shapes a [`Memo`] holds (one per slot of a line's shape's hash; a new shape
/// takes the place of the one before it in its slot).
pub const MEMO_SLOTS: usize = 1024;

/// The prefilter's answers by the shape of the line (its bytes with every digit as `0`),
/// where the answer holds for every line of that shape: a log repeats a few lines with new
/// numbers (timestamps, counts, durations), and each is then answered by one look at its
/// shape. It holds at most [`MEMO_SLOTS`] shapes of at most [`MEMO_LINE`] bytes.
pub struct Memo {
    slots: Vec<Option<(Vec<u8>, Flags)>>,
    /// The shape of the line being answered.
    shape: Vec<u8>,
}

impl Default for Memo {
    fn default() -> Memo {
        Memo {
            slots: Vec::new(),
            shape: Vec::with_capacity(MEMO_LINE),
        }
    }
}

/// A DFA with its unanchored start state; `None` where there is none.
fn started(
    dfa: &Option<aho_corasick::dfa::DFA>,
) -> Option<(&aho_corasick::dfa::DFA, aho_corasick::automaton::StateID)> {
    use aho_corasick::automaton::Automaton;
    let d = dfa.as_ref()?;
    Some((d, d.start_state(aho_corasick::Anchored::No).ok()?))
}

/// Each digit of `text` replaced by one drawn from `seed`: a text of the same shape (for
/// the tests of the memo and of the follower).
#[cfg(test)]
pub(crate) fn redigit(text: &str, mut seed: u64) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                char::from(b'0' + (seed >> 33) as u8 % 10)
            } else {
                c
            }
        })
        .collect()
}

/// A byte as a shape has it, lower case: a digit as `0`.
#[inline]
fn shape_lower(b: u8) -> u8 {
    if b.is_ascii_digit() {
        b'0'
    } else {
        b.to_ascii_lowercase()
    }
}

/// The slot of a shape: a hash of its length and of four runs of eight bytes spread over
/// it (the whole shape is compared after).
#[inline]
fn shape_slot(shape: &[u8]) -> usize {
    let n = shape.len();
    let word = |at: usize| {
        let mut w = [0u8; 8];
        let part = &shape[at.min(n)..(at + 8).min(n)];
        w[..part.len()].copy_from_slice(part);
        u64::from_le_bytes(w)
    };
    let h = (n as u64)
        ^ word(0)
        ^ word(n / 3).rotate_left(16)
        ^ word(2 * n / 3).rotate_left(32)
        ^ word(n.saturating_sub(8)).rotate_left(48);
    let h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> (64 - MEMO_SLOTS.trailing_zeros())) as usize
}

/// Whether a token (ASCII letters and digits) with a digit has one of the `shapes` (each
/// digit as `0`, lower case, sorted).
fn shaped(token: &[u8], shapes: &[&str]) -> bool {
    let mut shape = [0u8; 64];
    let Some(out) = shape.get_mut(..token.len()) else {
        // (No such token is this long.)
        return false;
    };
    for (o, &b) in out.iter_mut().zip(token) {
        *o = shape_lower(b);
    }
    let out = &shape[..token.len()];
    shapes.binary_search_by(|t| t.as_bytes().cmp(out)).is_ok()
}

const KELVIN: &[u8] = "\u{212a}".as_bytes();

/// What kind of byte: 1 a letter or digit, 2 a separator that joins the letters of a key
/// (`_`, `-`, `.`, space), 0 anything else.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            1
        } else if matches!(c, b'_' | b'-' | b'.' | b' ') {
            2
        } else {
            0
        };
        b += 1;
    }
    t
};

impl Prefilter {
    /// The prefilter for `--follow`: what can make a record an error.
    pub fn for_errors() -> Prefilter {
        Prefilter::new(&error_literals())
    }

    /// The prefilter for a one-shot reading: errors, and also what says an operation worked
    /// (a log whose only news is success is answered as one).
    pub fn for_outcomes() -> Prefilter {
        let mut words = error_literals();
        words.extend_from_slice(crate::lexicon::SUCCESS);
        words.extend_from_slice(crate::lexicon::FAILURE_COUNTS);
        words.extend_from_slice(crate::lexicon::SUCCESS_MARKS);
        words.extend_from_slice(crate::lexicon::SUMMARIES);
        words.extend_from_slice(crate::lexicon::STATUS_KEYS);
        words.extend_from_slice(crate::lexicon::EXIT_LABELS);
        words.extend_from_slice(crate::lexicon::ECHOED_STATUS);
        words.extend_from_slice(crate::lexicon::STATUS_AT_END);
        words.extend_from_slice(crate::lexicon::STATUS_AFTER);
        Prefilter::new(&words)
    }

    /// `None` when the registry has user catalogs or phrasebooks, whose words the tables do
    /// not hold: then everything is read.
    pub fn for_registry(reg: &crate::catalog::Registry, outcomes: bool) -> Option<Prefilter> {
        if reg.has_user_data() {
            return None;
        }
        Some(if outcomes {
            Prefilter::for_outcomes()
        } else {
            Prefilter::for_errors()
        })
    }

    fn new(words: &[&'static str]) -> Prefilter {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut always = false;
        let mut marks = Vec::new();
        for w in words {
            match reduce(w) {
                Some(lit) => {
                    if !literals.contains(&lit) {
                        literals.push(lit);
                    }
                }
                None => {
                    let mark = w.trim();
                    if !mark.is_empty() && !mark.bytes().any(|b| b.is_ascii_alphanumeric()) {
                        marks.push(mark.as_bytes());
                    } else {
                        always = true;
                    }
                }
            }
        }
        // (Literals are a few hundred words of eight bytes at most: building their DFA
        // fails only past limits far beyond that; if it did, every line would be read.)
        let dfa = aho_corasick::dfa::DFA::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .start_kind(aho_corasick::StartKind::Unanchored)
            .build(&literals)
            .ok();
        let shaped: Vec<Vec<u8>> = literals
            .iter()
            .filter(|l| l.iter().any(u8::is_ascii_digit))
            .map(|l| l.iter().map(|&b| shape_lower(b)).collect())
            .collect();
        let digit_literals = aho_corasick::dfa::DFA::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .start_kind(aho_corasick::StartKind::Unanchored)
            .build(&shaped)
            .ok();
        Prefilter {
            always,
            digit_literals,
            literals: dfa,
            marks,
        }
    }

    /// What the prefilter says of one line (its bytes, without the newline).
    ///
    /// The line is read a token (a run of letters and digits) at a time: the token's bytes
    /// go through the literals' automaton, which keeps its state across the separators that
    /// join the run and starts again after any other byte; then the token's key is looked
    /// up among the phrasebook's anchors, and a number at its end held against its
    /// neighbours. The bytes between tokens are looked at one by one for the marks that
    /// start a reader or an escape.
    pub fn line(&self, line: &[u8]) -> Flags {
        self.scan::<false>(line, &mut false)
    }

    /// [`Prefilter::line`], answered from `memo` where a line of the same shape (the same
    /// bytes but for its digits) was answered before and nothing in the answer came from
    /// its digits.
    pub fn line_memo(&self, memo: &mut Memo, line: &[u8]) -> Flags {
        if line.len() > MEMO_LINE {
            return self.line(line);
        }
        memo.shape.clear();
        memo.shape.extend(
            line.iter()
                .map(|&b| if b.is_ascii_digit() { b'0' } else { b }),
        );
        let slot = shape_slot(&memo.shape);
        if memo.slots.is_empty() {
            memo.slots.resize_with(MEMO_SLOTS, Default::default);
        }
        if let Some((shape, flags)) = &memo.slots[slot] {
            if *shape == memo.shape {
                return *flags;
            }
        }
        let mut dependent = false;
        let flags = self.scan::<true>(line, &mut dependent);
        // (A label with a digit, `cloudflare error 530`, is held against the bytes before a
        // number, digits and all.)
        dependent = dependent || self.shape_has_digit_literal(&memo.shape) || {
            let lower: Vec<u8> = memo.shape.iter().map(|&b| b.to_ascii_lowercase()).collect();
            starts()
                .digit_words
                .iter()
                .any(|w| memchr::memmem::find(&lower, w).is_some())
        };
        if !flags.hot && !dependent {
            let shape = std::mem::take(&mut memo.shape);
            memo.shape = match memo.slots[slot].replace((shape, flags)) {
                Some((old, _)) => old,
                None => Vec::with_capacity(MEMO_LINE),
            };
        }
        flags
    }

    /// Whether the joined run of a shape (see [`Prefilter::line`]) has a literal with a
    /// digit: then other digits in its place could make that literal.
    fn shape_has_digit_literal(&self, shape: &[u8]) -> bool {
        use aho_corasick::automaton::Automaton;
        use aho_corasick::Anchored;
        let Some((dfa, start)) = started(&self.digit_literals) else {
            return true;
        };
        let mut state = start;
        for &b in shape {
            match CLASS[usize::from(b)] {
                1 => {
                    state = dfa.next_state(Anchored::No, state, b | 0x20);
                    if dfa.is_special(state) && dfa.is_match(state) {
                        return true;
                    }
                }
                2 => {}
                _ => state = start,
            }
        }
        false
    }

    /// What the prefilter says of one line; with `TRACK`, also whether anything in the
    /// answer came from the line's digits rather than from where they stand (`dependent`):
    /// a digit in a token some phrasing is found by, or a number that some other digits in
    /// its place would make a code, errno or status.
    fn scan<const TRACK: bool>(&self, line: &[u8], dependent: &mut bool) -> Flags {
        let hot = Flags {
            hot: true,
            ..Flags::default()
        };
        use aho_corasick::automaton::Automaton;
        use aho_corasick::Anchored;
        if self.always
            || self
                .marks
                .iter()
                .any(|m| memchr::memmem::find(line, m).is_some())
        {
            return hot;
        }
        let Some((dfa, start)) = started(&self.literals) else {
            return hot;
        };
        let mut state = start;
        let mut escaped = false;
        let mut anchored = false;
        // The key of the token before, and the phrasings found by it still waiting for the
        // token after them.
        let mut previous: Option<u64> = None;
        let mut waiting: &[(u64, u32, u32)] = &[];
        // (With `TRACK`: whether the token before has a digit and the shape of a phrasing's
        // token beside its anchor, and whether it is an anchor whose token after has a
        // digit.)
        let (mut previous_near, mut previous_wants_digits) = (false, false);
        let n = line.len();
        let mut i = 0;
        while i < n {
            let b = line[i];
            let class = CLASS[usize::from(b)];
            if class == 1 {
                let from = i;
                while i < n && CLASS[usize::from(line[i])] == 1 {
                    state = dfa.next_state(Anchored::No, state, line[i] | 0x20);
                    if dfa.is_special(state) && dfa.is_match(state) {
                        return hot;
                    }
                    i += 1;
                }
                let token = &line[from..i];
                if TRACK && !*dependent {
                    // A token with a digit decides where it may be one a phrasing is found
                    // by, or the one before or after such a token.
                    let digit = token.iter().any(u8::is_ascii_digit);
                    let near = digit && shaped(token, &generated::DIGIT_NEIGHBOURS);
                    let k = key::Roll::of(token).key();
                    if digit && shaped(token, &generated::DIGIT_ANCHORS)
                        || near && previous_wants_digits
                        || previous_near && generated::DIGIT_BEFORE.binary_search(&k).is_ok()
                    {
                        *dependent = true;
                    }
                    previous_near = near;
                    previous_wants_digits = generated::DIGIT_AFTER.binary_search(&k).is_ok();
                }
                if !anchored {
                    anchored =
                        phrasing_near(key::Roll::of(token).key(), &mut previous, &mut waiting);
                }
                // Only digits at a token's end can be read as a number: a letter right after
                // digits makes them none.
                let digits = token
                    .iter()
                    .rev()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if digits > 0 {
                    if number::<false>(line, i - digits, i) {
                        return hot;
                    }
                    if TRACK && !*dependent && number::<true>(line, i - digits, i) {
                        *dependent = true;
                    }
                }
                continue;
            }
            match b {
                b'{' | b'<' => return hot,
                b'/' if http_before(&line[..i]) => return hot,
                b'\\' | b'&' | b'`' => escaped = true,
                b'*' if line.get(i + 1) == Some(&b'*') => escaped = true,
                0xe2 if line[i..].starts_with(KELVIN) => return hot,
                0x80.. if generated::NON_ASCII_ANCHORS => return hot,
                _ => {}
            }
            if class == 0 {
                state = start;
            }
            i += 1;
        }
        // A phrasing still waiting may go on on the next line of its record.
        anchored |= !waiting.is_empty();
        if binding_code_at_end(line) {
            return hot;
        }
        Flags {
            hot: false,
            anchor: anchored,
            escaped,
        }
    }

    /// Whether a record (lines joined by newlines) whose lines had `flags` is worth reading:
    /// a line was hot; or a phrasing the phrasebook counts is in it; or its unescaped form
    /// is worth reading.
    pub fn record(&self, text: &str, flags: Flags) -> bool {
        flags.hot || flags.anchor && phrased(text) || flags.escaped && self.unescaped(text)
    }

    /// Whether anything in a whole text (lines and all, as the readers get it) may be found:
    /// each line, and where unescaping changes the text, each line of its unescaped form.
    pub fn text(&self, text: &str) -> bool {
        let mut flags = Flags::default();
        // (A long text is a log, whose lines repeat a few shapes.)
        let mut memo = (text.len() >= MEMO_TEXT).then(Memo::default);
        for line in text.as_bytes().split(|&b| b == b'\n') {
            flags.add(match &mut memo {
                Some(memo) => self.line_memo(memo, line),
                None => self.line(line),
            });
            if flags.hot {
                return true;
            }
        }
        self.record(text, flags)
    }

    /// Whether the unescaped form of a text (where it differs) has anything to find.
    pub fn unescaped(&self, text: &str) -> bool {
        let std::borrow::Cow::Owned(plain) = crate::input::plain(text) else {
            return false;
        };
        let mut flags = Flags::default();
        for line in plain.split('\n') {
            flags.add(self.line(line.as_bytes()));
            if flags.hot {
                return true;
            }
        }
        flags.anchor && phrased(&plain)
    }
}

/// The words looked for in the joined run: the line readers' markers, the first parts of the
/// catalogs' message patterns and the record reader's code and status keys.
fn error_literals() -> Vec<&'static str> {
    let s = starts();
    let mut words = s.readers.markers.clone();
    words.extend(s.readers.keys.iter().copied());
    words
}

/// What the readers and the vocabulary of numbers start from, in their own lists.
struct Starts {
    readers: crate::input::Starts,
    /// The last letters of every label below (lower case).
    label_ends: [bool; 256],
    /// Labels of a code (`code 1020`, `Error: 9109`).
    code_ends: Words,
    /// Labels of an errno (`[Errno 111]`, `os error 111`).
    errno_ends: Words,
    /// Labels of a status, and the reason phrases that may follow one.
    status_ends: Words,
    reason_starts: Words,
    /// The reason phrases that may stand before their status (`Not Found - 404`).
    reason_ends: Words,
    /// Bit `value % 65536` of every number of [`generated::NUMBERED_STARTS`].
    numbers: Vec<u64>,
    /// The first bytes (lower case) of those numbers' words: what follows a number starts
    /// with one of them, or it is no entry's message (a quick no before the table).
    word_firsts: [bool; 256],
    /// The labels and reason phrases that have a digit, each digit as `0`, lower case: a
    /// line where none of these stands is held against the words alike whatever its digits.
    digit_words: Vec<Vec<u8>>,
    /// The first bytes of every numbered word ([`generated::NUMBERED_STARTS`]), by how many
    /// bytes, sorted: what may follow a number of some entry or other.
    any_starts: [Vec<u64>; 9],
}

impl Starts {
    /// Whether `rest` may start a word of some numbered entry, whichever (see
    /// [`message_may_start`]).
    fn any_message_may_start(&self, rest: &[u8]) -> bool {
        (1..=8).any(|n| {
            !self.any_starts[n].is_empty()
                && rest.len() >= n
                && self.any_starts[n]
                    .binary_search(&key::start(rest, n))
                    .is_ok()
        })
    }
}

impl Starts {
    /// Whether the digits may be a number of [`generated::NUMBERED_STARTS`] (a quick no).
    fn numbered(&self, digits: &[u8]) -> bool {
        let v = digits.iter().fold(0u32, |v, &d| {
            v.wrapping_mul(10).wrapping_add(u32::from(d - b'0'))
        });
        let b = (v & 0xffff) as usize;
        self.numbers[b / 64] & (1 << (b % 64)) != 0
    }
}

fn starts() -> &'static Starts {
    static STARTS: std::sync::OnceLock<Starts> = std::sync::OnceLock::new();
    STARTS.get_or_init(|| {
        let readers = crate::input::starts();
        let code_labels = crate::lexicon::CODE_LABELS;
        let errno_labels = crate::lexicon::ERRNO_LABELS;
        let mut label_ends = [false; 256];
        for l in code_labels
            .iter()
            .chain(errno_labels)
            .chain(&readers.status_labels)
        {
            if let Some(&b) = l.as_bytes().last() {
                label_ends[usize::from(b.to_ascii_lowercase())] = true;
            }
        }
        let mut numbers = vec![0u64; 65536 / 64];
        let mut word_firsts = [false; 256];
        for &(k, n, s) in &generated::NUMBERED_STARTS {
            let b = (k & 0xfffff & 0xffff) as usize;
            numbers[b / 64] |= 1 << (b % 64);
            match s {
                // (A word beyond ASCII may start with any byte.)
                0 => word_firsts = [true; 256],
                _ => word_firsts[usize::from((s >> (8 * (u32::from(n) - 1))) as u8)] = true,
            }
        }
        let digit_words = code_labels
            .iter()
            .chain(errno_labels)
            .chain(&readers.status_labels)
            .chain(readers.reasons.iter().map(|(_, r)| r))
            .filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
            .map(|w| w.bytes().map(shape_lower).collect())
            .collect();
        let mut any_starts: [Vec<u64>; 9] = Default::default();
        for &(_, n, s) in &generated::NUMBERED_STARTS {
            if let Some(v) = any_starts.get_mut(usize::from(n)) {
                v.push(s);
            }
        }
        for v in &mut any_starts {
            v.sort_unstable();
            v.dedup();
        }
        Starts {
            digit_words,
            any_starts,
            code_ends: Words::new(code_labels.iter().copied(), End::Last),
            errno_ends: Words::new(errno_labels.iter().copied(), End::Last),
            status_ends: Words::new(readers.status_labels.iter().copied(), End::Last),
            reason_starts: Words::new(readers.reasons.iter().map(|(_, r)| *r), End::First),
            reason_ends: Words::new(readers.reasons.iter().map(|(_, r)| *r), End::Last),
            readers,
            label_ends,
            numbers,
            word_firsts,
        }
    })
}

/// A literal as the joined run shows it: its longest part between separators that do not
/// join (letters, digits, `_ - .` and spaces only), the first eight letters and digits of it,
/// lower-cased; `None` when that is under four bytes (too short to look for this way).
fn reduce(word: &str) -> Option<Vec<u8>> {
    let mut best = word
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ' ')))
        .map(|part| {
            part.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase())
                .collect::<Vec<u8>>()
        })
        .max_by_key(Vec::len)?;
    best.truncate(8);
    (best.len() >= 4).then_some(best)
}

/// Whether the built-in phrasebook finds in `text` a phrasing that can count without other
/// evidence: a name, a message it does not call weak, or any message of a network failure
/// (weak ones explain a line that says something failed). Any other weak message only ever
/// supports what something else found.
fn phrased(text: &str) -> bool {
    crate::catalog::phrases::find(text).iter().any(|h| {
        h.phrase.name || !h.phrase.weak || h.phrase.entry.class == crate::lexicon::Class::Network
    })
}

/// Takes the next token's key: whether, with the tokens before it, it may be where a
/// phrasing is. A phrasing is found by one token (`key`); the token before that in the
/// phrasing must be the one before it in the text, and the token after it the next one,
/// unless the line ends first (a message can go on over a line break).
#[inline(always)]
fn phrasing_near(
    k: u64,
    previous: &mut Option<u64>,
    waiting: &mut &'static [(u64, u32, u32)],
) -> bool {
    // Most tokens are in no phrasing, and no phrasing waits for them: a look at one bit.
    let b = key::bit(k);
    if waiting.is_empty() && generated::ANCHOR_BITS[b / 64] & (1 << (b % 64)) == 0 {
        *previous = Some(k);
        return false;
    }
    phrasing_at(k, previous, waiting)
}

/// [`phrasing_near`] when a phrasing may be near.
#[inline(never)]
fn phrasing_at(
    k: u64,
    previous: &mut Option<u64>,
    waiting: &mut &'static [(u64, u32, u32)],
) -> bool {
    let low = k as u32;
    if !waiting.is_empty() {
        if waiting
            .iter()
            .any(|&(_, _, after)| after == 0 || after == low)
        {
            return true;
        }
        *waiting = &[];
    }
    let before = previous.replace(k).map(|p| p as u32);
    let b = key::bit(k);
    if generated::ANCHOR_BITS[b / 64] & (1 << (b % 64)) == 0 {
        return false;
    }
    let (from, to) = anchor_rows(k);
    let rows = &generated::ANCHORS;
    let mut first_waiting: Option<usize> = None;
    for (i, &(_, b, a)) in rows[from..to].iter().enumerate() {
        if b != 0 && before.is_some_and(|p| p != b) {
            continue;
        }
        if a == 0 {
            return true;
        }
        first_waiting.get_or_insert(from + i);
    }
    // (The rows that fit before are checked again, all of them, at the next token.)
    if let Some(i) = first_waiting {
        *waiting = &rows[i..to];
    }
    false
}

/// Whether `rest` (what follows a number) may start a word one of its entries is written
/// with: the vocabulary layer reads a number before its message only where the text starts
/// with that message, case forgiven, and every such word has six bytes or more. A number of
/// no entry, or of entries with no such word, has no row.
fn message_may_start(k: u32, rest: &[u8]) -> bool {
    let rows = &generated::NUMBERED_STARTS;
    let from = rows.partition_point(|r| r.0 < k);
    rows[from..]
        .iter()
        .take_while(|r| r.0 == k)
        .any(|&(_, n, s)| {
            let n = usize::from(n);
            // (A word beyond ASCII is compared by no table: any text may start it. An ASCII
            // word, compared with ASCII case forgiven, starts no text beyond ASCII.)
            s == 0 || rest.len() >= n && key::start(rest, n) == s
        })
}

/// The anchor rows whose key is `k` (`from..to` of [`generated::ANCHORS`], sorted by key):
/// found in the bucket of the key's first bits (the build writes where each starts), a
/// handful of rows, rather than by a search of all of them, whose probes miss the cache.
#[inline]
fn anchor_rows(k: u64) -> (usize, usize) {
    let b = key::bucket(k);
    let buckets = &generated::ANCHOR_BUCKETS;
    let (lo, hi) = (buckets[b] as usize, buckets[b + 1] as usize);
    let rows = &generated::ANCHORS[lo..hi];
    let from = lo + rows.partition_point(|r| r.0 < k);
    let to = from + generated::ANCHORS[from..hi].partition_point(|r| r.0 == k);
    (from, to)
}

/// `s` without the bytes of `set` at its end.
#[inline]
fn trim_end<'a>(s: &'a [u8], set: &[u8]) -> &'a [u8] {
    let n = s.iter().rev().take_while(|b| set.contains(b)).count();
    &s[..s.len() - n]
}

/// Whether `s` ends with one of `words`, ASCII case forgiven.
fn ends_with_any(s: &[u8], words: &[&str]) -> bool {
    words.iter().any(|w| {
        let w = w.as_bytes();
        s.len() >= w.len() && s[s.len() - w.len()..].eq_ignore_ascii_case(w)
    })
}

/// Whether `s` starts with one of `words`, ASCII case forgiven.
fn starts_with_any<'a>(s: &[u8], mut words: impl Iterator<Item = &'a str>) -> bool {
    words.any(|w| {
        let w = w.as_bytes();
        s.len() >= w.len() && s[..w.len()].eq_ignore_ascii_case(w)
    })
}

/// Which end of a text a list of words is held against.
#[derive(Clone, Copy)]
enum End {
    First,
    Last,
}

/// A list of words (labels, reason phrases) with a quick no: the two bytes at the end of
/// each word that is held against a text (lower case), as one bit each of 65,536. A text
/// whose two bytes at that end have no bit ends with (or starts with) none of the words, and
/// most numbers of a log (`in 35 ms`, `worker 12`) are not labelled at all.
struct Words {
    words: Vec<&'static str>,
    end: End,
    pairs: Vec<u64>,
    /// Some word is shorter than two bytes: the list is always searched.
    short: bool,
}

impl Words {
    fn new(words: impl Iterator<Item = &'static str>, end: End) -> Words {
        let mut w = Words {
            words: words.collect(),
            end,
            pairs: vec![0; 65536 / 64],
            short: false,
        };
        for word in &w.words {
            match Words::pair(word.as_bytes(), end) {
                Some(b) => w.pairs[b / 64] |= 1 << (b % 64),
                None => w.short = true,
            }
        }
        w
    }

    /// The bit of the two bytes at `end` of `s`, lower-cased.
    #[inline]
    fn pair(s: &[u8], end: End) -> Option<usize> {
        let (a, b) = match end {
            End::First => (*s.first()?, *s.get(1)?),
            End::Last => (*s.get(s.len().checked_sub(2)?)?, *s.last()?),
        };
        Some(usize::from(a.to_ascii_lowercase()) << 8 | usize::from(b.to_ascii_lowercase()))
    }

    /// Whether `s` ends with (for [`End::Last`]) or starts with ([`End::First`]) one of the
    /// words, ASCII case forgiven.
    fn held(&self, s: &[u8]) -> bool {
        if !self.short {
            match Words::pair(s, self.end) {
                Some(b) if self.pairs[b / 64] & (1 << (b % 64)) != 0 => {}
                _ => return false,
            }
        }
        match self.end {
            End::First => starts_with_any(s, self.words.iter().copied()),
            End::Last => ends_with_any(s, &self.words),
        }
    }
}

fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether the digits at `from..to` of `line` stand where a reader would read them: the
/// neighbours each reader of numbers needs (see the module's documentation), checked loosely.
///
/// First a quick no, inline, for the numbers of timestamps, counts and durations: no reader
/// reads a number of more than six digits, or one with a letter right after it; one or two
/// digits are only ever an errno, which stands alone as a word and before `: ` or after an
/// errno's label.
///
/// With `ANY`, whether some digits in their place (as many) would stand so: every test of
/// the number's value passes.
#[inline(always)]
fn number<const ANY: bool>(line: &[u8], from: usize, to: usize) -> bool {
    let digits = to - from;
    if digits > 6 || line.get(to).is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    if digits < 3 {
        if from > 0 && line[from - 1].is_ascii_alphanumeric() {
            return false;
        }
        if !line[to..].starts_with(b": ")
            && !starts()
                .errno_ends
                .held(trim_end(&line[..from], b" =:[(#-"))
        {
            return false;
        }
    }
    number_at::<ANY>(line, from, to)
}

/// [`number`] past its quick no.
#[inline(never)]
fn number_at<const ANY: bool>(line: &[u8], from: usize, to: usize) -> bool {
    let digits = to - from;
    let before = from.checked_sub(1).map(|i| line[i]);
    let after = line.get(to).copied();
    let head = &line[..from];
    let starts = starts();
    // Every label ends with a letter; a version (`HTTP/1.1`) may stand between.
    let near = trim_end(head, b" =:[(#-");
    let labelled = match near.last() {
        Some(&b) if b.is_ascii_alphabetic() => starts.label_ends[usize::from(b | 0x20)],
        // (A version is short: only its last bytes are looked at, not the whole line's.)
        Some(&b) => {
            (b.is_ascii_digit() || b == b'.')
                && near[near.len().saturating_sub(8)..].contains(&b'/')
        }
        None => false,
    };
    // Errno numbers: after a label, or before `: ` and a message.
    if digits <= 5
        && !before.is_some_and(|b| b.is_ascii_alphanumeric())
        && !after.is_some_and(|b| b.is_ascii_alphanumeric())
    {
        if line[to..].starts_with(b": ") {
            if ANY {
                return true;
            }
            let value: u32 = std::str::from_utf8(&line[from..to])
                .ok()
                .and_then(|d| d.parse().ok())
                .unwrap_or(u32::MAX);
            if generated::ERRNO_NUMBERS.binary_search(&value).is_ok() {
                return true;
            }
        }
        if labelled && starts.errno_ends.held(near) {
            return true;
        }
    }
    // Codes: after a label, or before their own message.
    if (3..=6).contains(&digits) && !after.is_some_and(|b| b.is_ascii_alphabetic()) {
        if labelled && starts.code_ends.held(trim_end(head, b" :#=[(")) {
            return true;
        }
        let rest = &line[to..];
        let rest = &rest[rest
            .iter()
            .take_while(|b| matches!(b, b':' | b']' | b')' | b' '))
            .count()..];
        // (The number's key is made only past the quick no of its bit.)
        if (ANY || starts.numbered(&line[from..to]))
            && rest
                .first()
                .is_some_and(|&f| starts.word_firsts[usize::from(f.to_ascii_lowercase())])
            && (if ANY {
                starts.any_message_may_start(rest)
            } else {
                std::str::from_utf8(&line[from..to])
                    .ok()
                    .and_then(key::number_key)
                    .is_some_and(|k| message_may_start(k, rest))
            })
        {
            return true;
        }
    }
    // Statuses in prose.
    if digits == 3 && !before.is_some_and(|b| word_byte(b) || b == b'.') {
        let status = (line[from] - b'0') as u16 * 100
            + (line[from + 1] - b'0') as u16 * 10
            + (line[from + 2] - b'0') as u16;
        let label = trim_end(head, b" :=#([");
        let version = trim_end(label, b"0123456789.");
        let label = version.strip_suffix(b"/").unwrap_or(label);
        // `000` (no response came back): alone on its line, or labelled as a status.
        // (Alone on its line, the number is all the line is, without its spaces.)
        let alone = if ANY {
            line.trim_ascii().len() == digits
        } else {
            line.trim_ascii() == b"000"
        };
        if (ANY || status == 0)
            && !after.is_some_and(word_byte)
            && (alone || labelled && starts.status_ends.held(label))
        {
            return true;
        }
        if (ANY || (100..=599).contains(&status)) && !after.is_some_and(word_byte) {
            if labelled && starts.status_ends.held(label) {
                return true;
            }
            let skip = line[to..]
                .iter()
                .take(4)
                .take_while(|b| matches!(b, b')' | b':' | b' ' | b'('))
                .count();
            if skip > 0 && starts.reason_starts.held(&line[to + skip..]) {
                return true;
            }
            if before == Some(b'[') || head.ends_with(b": (") || head.ends_with(b"\" ") {
                return true;
            }
            // After its reason phrase (`Not Found - 404`), or after a request's method and
            // address (`GET https://x/y: 502`).
            let phrase = trim_end(head, b" -:([");
            if phrase.len() < head.len()
                && starts.reason_ends.held(phrase)
                && (ANY || crate::input::reason_before(head, status))
            {
                return true;
            }
            // (A request line is short: only the line's last bytes are looked at.) Both a
            // request's address and HAProxy's timers have a `/`: without one, neither is
            // looked for.
            let near_head = &head[head.len().saturating_sub(4096)..];
            if memchr::memrchr(b'/', near_head).is_some() {
                if crate::input::request_before(near_head) {
                    return true;
                }
                // HAProxy's HTTP log, after its five timers (`0/0/1/-1/60002 504`).
                if crate::input::haproxy_timers_before(head) {
                    return true;
                }
            }
        }
    }
    false
}

/// Whether the line ends as an R2 binding's message does: a code of five or six digits in
/// parentheses (the reader has no marker; it reads every line's end).
fn binding_code_at_end(line: &[u8]) -> bool {
    // (Beyond ASCII too: the reader trims any white space, and any byte may be part of it.)
    let end = line.len()
        - line
            .iter()
            .rev()
            .take_while(|&&b| b.is_ascii_whitespace() || matches!(b, b'*' | b'`') || b >= 0x80)
            .count();
    let Some(body) = line[..end].strip_suffix(b")") else {
        return false;
    };
    let digits = body.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    (5..=6).contains(&digits) && body[..body.len() - digits].ends_with(b"(")
}

/// Whether the joined run before a `/` ends with `http` (`HTTP/1.1`, `http/2`, `Http /`):
/// its last four letters and digits, across the separators that join it.
fn http_before(head: &[u8]) -> bool {
    let mut got = [0u8; 4];
    let mut k = 4;
    for &b in head.iter().rev() {
        match CLASS[usize::from(b)] {
            1 => {
                k -= 1;
                got[k] = b | 0x20;
                if k == 0 {
                    return &got == b"http";
                }
            }
            2 => {}
            _ => return false,
        }
    }
    false
}
