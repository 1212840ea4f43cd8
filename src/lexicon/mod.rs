//! The words every stage speaks, below all of them: the class of an error (whose fault it is,
//! and so the exit code), the one normaliser for codes and names, the words of failure that
//! open the later reading layers, and the first words of the catalogs' known messages. The
//! readers, the catalogs, the ranking and the renderers all use these; this room uses none of
//! them, so none of them needs another to say what an error is.

mod normalize;
pub mod tokens;

pub use normalize::normalize;

/// Whose fault an error is; decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// Not an error (2xx, 3xx, a success body): exit status 0.
    Success,
    /// The caller's error (4xx, bad input, authentication, not found): exit status 1.
    Client,
    /// The server's error (5xx): exit status 2.
    Server,
    /// No usable answer came back (DNS, refused, reset, timeout, TLS): exit status 3.
    Network,
}

impl Class {
    /// `success`, `client`, `server` or `network`.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Success => "success",
            Class::Client => "client",
            Class::Server => "server",
            Class::Network => "network",
        }
    }

    pub fn parse(s: &str) -> Option<Class> {
        match s {
            "success" => Some(Class::Success),
            "client" => Some(Class::Client),
            "server" => Some(Class::Server),
            "network" => Some(Class::Network),
            _ => None,
        }
    }

    /// The class an HTTP status implies when nothing more specific is known.
    pub fn of_status(status: u16) -> Class {
        match status {
            100..=399 => Class::Success,
            500..=599 => Class::Server,
            _ => Class::Client,
        }
    }
}

mod generated {
    include!(concat!(env!("OUT_DIR"), "/pattern_starts.rs"));
}

/// The word lists of `data/phrases/words.toml`: `COMMON` words too common to make a message
/// distinctive, `FAILURE` words that say something failed, `SUCCESS` words that say it
/// worked (`ENDED` those that say only that it ended; `PASSED` how a test runner opens a
/// line of a test that passed, `FAILED_VERDICTS` of one that failed;
/// `PASSED_TALLIES` and `FAILED_TALLIES` the words a summary tallies tests by), `FAILURE_COUNTS` the names of
/// counters of failures (`Errors: 0`), `QUIET_LEVELS` log levels that report no failure,
/// `REPORT_LEVELS` the levels and words that open a report of one (`LEVEL_KEYS` the fields
/// that give a record's level), `CODE_KEYWORDS` words that open a line of source code; and
/// the labels a number follows: `CODE_LABELS` (a code), `CLOSE_LABELS` (a WebSocket close
/// code), `ERRNO_LABELS` (an errno), `STATUS_LABELS` (a status of any class),
/// `ERROR_STATUS_LABELS` (an error's status only), `FAILURE_LEVELS` a message may follow, and
/// `CAUSE_WORDS` that give a failure as the cause of an error before them; `IGNORED_MARKS`
/// how a tool says it went on past an error it was told to ignore; `NOTICES` the
/// fields of a record that carry notes beside its outcome (`warnings`); `FAILURE_LISTS` the
/// headers a tool lists its failures under (`Error Set:`); `EXCEPTION_SUFFIXES` how the names
/// of exception classes end; `WEBSOCKET_WORDS` the words of a line about a WebSocket's
/// closing; `TALLIES` the words of success that tally items after a number;
/// `WRITE_OUT_STATUS` what a command line asks for to have the status printed; `STATE_VERBS`,
/// `STATES_UP` and `STATES_DOWN` how a monitor says its thing changed state, `ALERTS_FIRING`
/// and `ALERTS_RESOLVED` how an alert's notification says it fired or was resolved; `KNOWN_HEADERS`
/// the headers that say a response's headers are shown; `WARNING_LEVELS` the levels of a
/// warning.
pub use generated::{
    ALERTS_FIRING, ALERTS_RESOLVED, CAUSE_WORDS, CLOSE_LABELS, CODE_KEYWORDS, CODE_LABELS, COMMON,
    ERRNO_LABELS, ERROR_STATUS_LABELS, EXCEPTION_SUFFIXES, FAILED_TALLIES, FAILED_VERDICTS,
    FAILURE, FAILURE_COUNTS, FAILURE_LEVELS, FAILURE_LISTS, IGNORED_MARKS, KNOWN_HEADERS,
    LEVEL_KEYS, NOTICES, PASSED, PASSED_TALLIES, QUIET_LEVELS, REPORT_LEVELS, STATES_DOWN,
    STATES_UP, STATE_VERBS, STATUS_LABELS, SUCCESS, TALLIES, WARNING_LEVELS, WEBSOCKET_WORDS,
    WRITE_OUT_STATUS,
};

/// The word lists the success scan reads token by token, tokenised by the build: each
/// `*_TOKENS` holds the entries as their tokens, sorted by first byte, and where each first
/// byte's entries lie; `SUCCESS_NOT_ENDED_TOKENS` is `success` without the words of `ended`.
/// `ENDED` (words that say only that an operation ended), `RETRIED` (words of trying again),
/// `TRIED_AGAIN` (of being tried again now), `ANNOUNCED_ATTEMPTS` (of another attempt to
/// come), `FAILURE_OUTCOMES` (of an operation that failed, as whole words), `HEALTHY`, `HEALTHY_STATES` and `UNHEALTHY` (the values of outcome
/// fields) are read only so.
pub mod tokenised {
    pub use super::generated::{
        ANNOUNCED_ATTEMPTS_TOKENS, ENDED_TOKENS, EXIT_LABELS_TOKENS, FAILURE_COUNTS_TOKENS,
        FAILURE_OUTCOMES_TOKENS, FAILURE_TOKENS, HEALTHY_STATES_TOKENS, HEALTHY_TOKENS,
        RETRIED_TOKENS, RETRIES_EXHAUSTED_TOKENS, STATUS_KEYS_TOKENS, SUCCESS_NOT_ENDED_TOKENS,
        SUMMARIES_TOKENS, TRIED_AGAIN_TOKENS, UNHEALTHY_TOKENS,
    };
}

/// The record reader's keys, by spelling, and the words that begin or are part of them
/// (`data/phrases/words.toml`'s `record_*` lists).
pub mod record_keys {
    pub use super::generated::{
        RECORD_CODE_KEYS, RECORD_FIRST_WORDS, RECORD_KEY_STEMS, RECORD_MESSAGE_KEYS,
        RECORD_OTHER_KEYS, RECORD_REQUEST_ID_KEYS, RECORD_RETRY_AFTER_KEYS, RECORD_STATUS_KEYS,
    };
}

/// The word lists of `data/phrases/words.toml` of a number's unit (`UNITS`: `500 ms` is no
/// status) and of how a command is shown being run (`COMMAND_PROMPTS`: `$ `, `Run `).
pub use generated::{COMMAND_PROMPTS, UNITS};

/// How clients say a request got no response without saying why, from the `[[no_response]]`
/// groups of data/phrases/: (text, who prints it and the text: `Chrome fetch(): Failed to
/// fetch`).
pub use generated::NO_RESPONSE_PHRASINGS;

/// The word list of `data/phrases/words.toml` that says the retries ran out: the operation
/// failed, whatever lines of success follow.
pub use generated::RETRIES_EXHAUSTED;
/// The prefilter's (the command line's) alone as written; the success scan reads it
/// tokenised ([`tokenised`]).
#[cfg(feature = "cli")]
pub use generated::SUMMARIES;
/// The word lists of `data/phrases/words.toml` that say how a run ended: `SUCCESS_MARKS`
/// (check marks), `SUMMARIES` (a finished run's summary), `STATUS_KEYS` (the names of outcome
/// fields; as written, where a table's header names its columns), `EXIT_LABELS` (a process's
/// exit status), `ECHOED_STATUS` (a status asked for at a prompt), `STATUS_AT_END` (client
/// log lines that end with the status) and `STATUS_AFTER` (marks the status follows).
pub use generated::{
    ECHOED_STATUS, EXIT_LABELS, STATUS_AFTER, STATUS_AT_END, STATUS_KEYS, SUCCESS_MARKS,
};

/// A word list as the success scan reads it, tokenised by the build: its entries as runs of
/// tokens, sorted by the first byte of their first token, and for each byte the range of the
/// entries that begin with it. Tokens are spans of one string, so that the table needs no
/// relocation when the program is loaded.
pub struct TokenList {
    /// Every entry's tokens, one after another.
    pub text: &'static str,
    /// Each token, as (start, length) in `text`.
    pub tokens: &'static [(u16, u8)],
    /// Each entry: its first token, how many it has, whether it is written with a space
    /// after it.
    pub entries: &'static [(u16, u8, bool)],
    /// For each first byte, the entries that begin with it (`from..to`).
    pub by_first: &'static [(u16, u16); 256],
}

impl TokenList {
    /// Token `k` of the list, as bytes (compared as they are, no boundary to check).
    pub fn token(&self, k: usize) -> &'static [u8] {
        let (at, len) = self.tokens[k];
        let at = usize::from(at);
        &self.text.as_bytes()[at..at + usize::from(len)]
    }
}

/// How client libraries word a failed response's status, from the `[[statuses]]` groups of
/// `data/phrases/`: (the phrasing as printed, whether the status stands before it rather
/// than after, what the status is said to come from, the catalog it names or `""`).
pub use generated::STATUS_PHRASINGS;

/// The reason phrases of the HTTP statuses, lower case (`(404, "not found")`), from
/// `data/http.toml`'s names and older names.
pub use generated::REASONS;

/// The first part of each built-in message pattern (what comes before its first `...`), in
/// entry order, from a table the build writes from `data/`: the readers look for these in
/// their one pass over a text, so that the catalogs' patterns are tried only where one can
/// match, and no catalog entry is built to know them.
pub fn pattern_starts() -> Vec<&'static str> {
    generated::PATTERN_STARTS
        .iter()
        .map(|&(start, len)| &generated::TEXT[start as usize..start as usize + len as usize])
        .collect()
}
