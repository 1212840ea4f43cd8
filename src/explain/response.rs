//! The evidence model: from everything the readers and the phrasebook found in a response to
//! ranked findings.
//!
//! Every reader and the phrasebook contribute; nothing waits for another to find nothing.
//! An error a reader read (a code, a message, a status, the shape that carried it) is a
//! finding of its own; so is each line of text where the phrasebook finds a strong phrasing
//! of an error that no reader's error already explains. A finding's candidates are the
//! entries any of its evidence points to — its code's entries, the entries its message is a
//! phrasing of, the OS errors its errno numbers name, and the entries of its status — and
//! each candidate is scored by what it explains and what contradicts it ([`super::weights`]).
//! The first finding decides the class, unless it is a catch-all that yields to its status.

use super::vocab::{self, ErrnoClue};
use super::{exact, kind_score, kind_word, sort, weights, Filter, Finding, Match, Report};
use crate::catalog::phrases::Hit;
use crate::catalog::{Entry, Registry};
use crate::input::{Evidence, ServerError};
use crate::lexicon::{normalize, Class};

/// A text naming this many different errors, none of them reported by a reader, is a list
/// of errors (documentation, a configuration, an enum), not an error that happened.
const LISTING: usize = 4;
/// A text of at most this many lines whose only evidence is common words of one error is
/// explained by them; a longer one is not (`not found` somewhere in a log says nothing).
const SHORT: usize = 5;
/// At most this many findings come from the phrasebook alone.
const MAX_PHRASE_FINDINGS: usize = 16;
/// An announced attempt is the one that worked where at least this many lines of output
/// follow it and none of them fails: one line may be the start of its failure.
const RETRY_WORKED_LINES: usize = 2;

/// Whether a line is output of its own, not the rest of an earlier report: not blank, not
/// a frame of a stack trace (`at …`, `File "…"`, `Caused by`), not a prompt waiting alone.
fn outcome_content(line: &str) -> bool {
    let t = line.trim();
    let frame = ["at ", "File \"", "...", "--- ", "Caused by", "Traceback"]
        .iter()
        .any(|p| t.starts_with(p));
    let prompt = t.ends_with(['>', '$', '#']) && !t.contains(' ');
    !t.is_empty() && !frame && !prompt
}

/// The candidates of one finding, as they are scored.
#[derive(Default)]
struct Candidates {
    list: Vec<Match>,
    /// For each candidate: whether anything but the status supports it.
    supported: Vec<bool>,
    /// For each candidate: whether only text (a phrasing, an errno) supports it.
    from_text: Vec<bool>,
}

/// What a candidate is supported by.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Support {
    /// The error's code, alias or name.
    Code,
    /// A phrasing or errno in the text.
    Text,
    /// Only the status.
    Status,
}

impl Candidates {
    fn add(&mut self, e: &'static Entry, score: i32, why: String, by: Support) {
        match self.list.iter().position(|m| std::ptr::eq(m.entry, e)) {
            Some(i) => {
                let m = &mut self.list[i];
                m.score += score;
                if !m.why.contains(&why) {
                    m.why.push(why);
                }
                self.supported[i] |= by != Support::Status;
                self.from_text[i] &= by != Support::Code;
            }
            None => {
                self.list.push(Match {
                    entry: e,
                    score,
                    why: vec![why],
                });
                self.supported.push(by != Support::Status);
                self.from_text.push(by == Support::Text);
            }
        }
    }

    fn contains(&self, e: &Entry) -> bool {
        self.list.iter().any(|m| std::ptr::eq(m.entry, e))
    }
}

/// What every finding of one response is scored against.
struct Scene<'a> {
    reg: &'a Registry,
    /// The unescaped text, and every phrasing found in it (before any was judged weak for
    /// where it stands).
    plain: &'a str,
    hits: &'a [Hit],
    ev: &'a Evidence,
    filter: &'a Filter<'a>,
    /// The response's status came on a status line: an HTTP answer did come back.
    answered: bool,
    /// Catalogs the response points to, from its headers and the words around the errors.
    hinted: Vec<&'static str>,
}

/// Words of four letters or more, lower case.
pub(super) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4)
        .map(str::to_lowercase)
        .collect()
}

impl Scene<'_> {
    /// What the evidence around an error says for or against entry `e`: the shape's catalogs,
    /// the response's hints, the status, the words of the message.
    fn context(
        &self,
        e: &'static Entry,
        shape_hints: &[&str],
        api_shape: bool,
        status: Option<u16>,
        message: &[String],
        why: &mut Vec<String>,
    ) -> i32 {
        let mut score = 0;
        if shape_hints.contains(&e.catalog) {
            score += weights::SHAPE_POINTS;
        }
        // An API's error is never explained by an error page's entry of the same number.
        if api_shape && e.product == Some("edge") {
            score += weights::EDGE_FOR_API;
        }
        for (n, h) in self
            .ev
            .hints
            .iter()
            .filter(|h| h.catalog == e.catalog)
            .enumerate()
        {
            if n < weights::MAX_HINTS {
                score += weights::HINT;
            }
            why.push(h.why.clone());
        }
        match (status, e.status) {
            (Some(a), Some(b)) if a == b => {
                score += weights::STATUS_AGREES;
                why.push(format!("HTTP {a}"));
            }
            (Some(_), Some(_)) => score += weights::STATUS_DISAGREES,
            _ => {}
        }
        if let (false, Some(m)) = (message.is_empty(), e.message) {
            let official = words(m);
            let shared = message.iter().filter(|w| official.contains(w)).count() as i32;
            score += (shared * weights::SHARED_WORD).min(weights::SHARED_WORDS_MAX);
        }
        score
    }

    /// The entries of a status: HTTP's, and those of catalogs the evidence points to
    /// (Discord's 429), or that `-c` names (the caller pointing to them).
    fn status_entries(&self, st: u16, shape_hints: &[&str]) -> Vec<&'static Entry> {
        self.reg
            .lookup(&st.to_string())
            .into_iter()
            .map(|(e, _)| e)
            .filter(|e| e.status == Some(st) && self.filter.allows(e))
            .filter(|e| {
                e.catalog == "http"
                    || shape_hints.contains(&e.catalog)
                    || self.hinted.contains(&e.catalog)
                    || !self.filter.0.is_empty()
            })
            .collect()
    }

    /// Adds what the text says (phrasings and errno numbers) to the candidates: for each
    /// entry, its best piece of text, and a little more for each further one.
    fn text_clues(
        &self,
        cands: &mut Candidates,
        hits: &[Hit],
        errnos: &[ErrnoClue],
        score_of: &dyn Fn(&'static Entry, &mut Vec<String>) -> i32,
        weak_alone: bool,
    ) {
        // (entry, best weight, further pieces, reasons, where its last piece ends)
        let mut per: Vec<(&'static Entry, i32, i32, Vec<String>, usize)> = Vec::new();
        let mut seen: Vec<(*const Entry, &str)> = Vec::new();
        let mut note = |e: &'static Entry, w: i32, why: String, end: usize| match per
            .iter_mut()
            .find(|p| std::ptr::eq(p.0, e))
        {
            Some(p) => {
                p.2 += 1;
                p.1 = p.1.max(w);
                p.4 = p.4.max(end);
                if !p.3.contains(&why) {
                    p.3.push(why);
                }
            }
            None => per.push((e, w, 0, vec![why], end)),
        };
        // A weak phrasing supports an entry something else points to; it names none itself.
        let strong_here: Vec<*const Entry> = hits
            .iter()
            .filter(|h| h.phrase.strong())
            .map(|h| h.phrase.entry as *const Entry)
            .collect();
        for h in hits {
            let e = h.phrase.entry;
            if !self.filter.allows(e) || seen.contains(&(e as *const Entry, h.phrase.text)) {
                continue;
            }
            // (Nor, where nothing else is said, a product the text names; a status's own
            // entry it does not reach: `Forbidden` says no more than the status.)
            let named = || {
                cands.list.is_empty()
                    && strong_here.is_empty()
                    && e.status.is_none_or(|st| e.code.parse() != Ok(st))
                    && named_by_client(h, self.ev)
            };
            if !weak_alone
                && !h.phrase.strong()
                && !cands.contains(e)
                && !strong_here.contains(&(e as *const Entry))
                && !named()
            {
                continue;
            }
            seen.push((e, h.phrase.text));
            // Where the status was read, its reason phrase says nothing more of which
            // catalog's entry this is: it only supports.
            let restates = self.ev.status.is_some_and(|st| e.status == Some(st))
                && h.phrase.is_own_status_reason();
            let w = match (h.phrase.strong() && !restates, h.phrase.client.is_some()) {
                (true, true) => weights::PHRASE,
                (true, false) => weights::OWN_WORDING,
                (false, _) => weights::PHRASE_WEAK,
            } + if h.phrase.code {
                weights::CODE_IN_TEXT
            } else {
                0
            };
            let why = match h.phrase.client {
                Some(c) => format!("{c} words it \"{}\"", h.phrase.text),
                None => format!("\"{}\" in the text", h.phrase.text),
            };
            note(e, w, why, h.end);
        }
        for c in errnos {
            let w = if c.worded {
                weights::ERRNO_WORDED
            } else {
                weights::ERRNO
            };
            for &e in c.entries.iter().filter(|e| self.filter.allows(e)) {
                note(e, w, format!("errno {}", c.number), c.end);
            }
        }
        // In a chain of errors the cause comes last (`Faraday::SSLError: SSL_connect
        // returned=1 ... certificate verify failed (certificate has expired)`): of entries the
        // text supports alike, the one worded later goes first, whatever their catalogs
        // (`failed to lookup address information: Temporary failure in name resolution`).
        per.sort_by_key(|p| std::cmp::Reverse(p.4));
        // (Only one worded strictly last: two readings of one word are no chain.)
        let several = per.len() > 1 && per[0].4 > per[1].4;
        for (k, (e, best, more, mut why, _)) in per.into_iter().enumerate() {
            let mut score = best + (more * weights::PHRASE_MORE).min(weights::PHRASE_MORE_MAX);
            if k == 0 && several {
                score += weights::WORDED_LAST;
            }
            if !cands.contains(e) {
                score += score_of(e, &mut why);
            }
            for w in why {
                cands.add(e, 0, w, Support::Text);
            }
            cands.add(e, score, String::new(), Support::Text);
        }
    }

    /// The phrasings in `m`, a part of the response (an error's message): those of the whole
    /// text that lie in it, where it stands in the text as it is; else found anew.
    fn hits_in(&self, m: &str) -> Vec<Hit> {
        if m.is_empty() {
            return Vec::new();
        }
        match self.plain.find(m) {
            Some(off) => self
                .hits
                .iter()
                .filter(|h| h.start >= off && h.end <= off + m.len())
                .map(|h| Hit {
                    start: h.start - off,
                    end: h.end - off,
                    ..*h
                })
                .collect(),
            None => self.reg.phrases(m),
        }
    }

    /// The finding of one error a reader read.
    fn error_finding(&self, err: &ServerError) -> (Finding, Candidates) {
        // A number whose message is an OS error's own for that errno (Rust's `Os { code: 104,
        // kind: ConnectionReset, message: "Connection reset by peer" }`) is that errno: no
        // other entry of the number, and no status the number was taken for.
        // (A number no OS error has, or no number, has no errno entries to word.)
        let errno_worded: Vec<&'static Entry> = match (err.code.as_deref(), err.said()) {
            (Some(c), Some(m)) => match c.parse::<i64>() {
                Ok(n) => {
                    vocab::worded_errnos(self.reg, &vocab::errno_entries(self.reg, n), m.trim())
                }
                Err(_) => Vec::new(),
            },
            _ => Vec::new(),
        };
        let taken_for_status = !errno_worded.is_empty()
            && err.status.is_none()
            && self
                .ev
                .status
                .is_some_and(|st| Some(st.to_string()) == err.code)
            && !self.answered;
        let status = if taken_for_status {
            None
        } else {
            err.status.or(self.ev.status)
        };
        let api = err.shape.contains("API");
        let said_text = err.said();
        let message = said_text.as_deref().map(words).unwrap_or_default();
        let mut cands = Candidates::default();
        let says_failed = said_text.as_deref().is_some_and(says_failure);
        // Catalogs the shape guessed from the code alone that the message did not bear out.
        let mut disowned: Vec<&str> = Vec::new();
        if let Some(code) = err.code.as_deref() {
            let key = normalize(code);
            let status_like =
                code.len() == 3 && code.parse::<u16>().is_ok_and(|n| (100..=599).contains(&n));
            // One or two digits from a reader that knows no catalog's shape.
            let bare_number =
                err.hints.is_empty() && code.len() <= 2 && code.bytes().all(|b| b.is_ascii_digit());
            for (e, k) in self.reg.lookup(&key) {
                if !self.filter.allows(e)
                    || !errno_worded.is_empty() && !errno_worded.iter().any(|w| std::ptr::eq(*w, e))
                {
                    continue;
                }
                // A success is never the explanation of an error another catalog reported
                // (`code: 0` in a Discord body is not curl's CURLE_OK).
                // (Nor of one whose message says it failed: `{"error_code": 100, "error_msg":
                // "... missing or invalid"}` is no HTTP 100 Continue.)
                if e.class == Class::Success
                    && (!err.hints.is_empty() && !err.hints.contains(&e.catalog) || says_failed)
                {
                    continue;
                }
                // One or two digits, in a text that does not name a catalog they are a code
                // of: any program's exit status or error number reads so (`npm error code
                // 1`, `SSL error code 1`), so they are no entry's code here.
                if bare_number && !self.ev.hints.iter().any(|h| h.catalog == e.catalog) {
                    continue;
                }
                let mut why = vec![format!("{} · {} {}", err.shape, kind_word(k), code)];
                let mut score = kind_score(k) + exact(e, code);
                // An answer's error is the server's: no OS error or tool's exit code of the
                // caller's own is it (Google's PERMISSION_DENIED is not EACCES).
                // (A status an access log gives is what the server answered its own client;
                // the OS error its log names is the server's own call failing, the cause:
                // Next.js's `GET /p 500` after its fetch's `code: 'ECONNREFUSED'`.)
                let logged_status = err.status.is_none() && self.ev.status_from == Some(ACCESS_LOG);
                if status.is_some()
                    && !logged_status
                    && crate::catalog::is_local(e.catalog)
                    && !err.hints.contains(&e.catalog)
                {
                    score += weights::LOCAL_IN_ANSWER;
                }
                if status_like && e.catalog == "http" {
                    score += weights::STATUS_NUMBER;
                }
                score += self.context(e, err.hints, api, status, &message, &mut why);
                if e.catch_all && status.is_some() {
                    // However much else agrees, it ranks below the status's own entry.
                    score = (score + weights::CATCH_ALL).min(weights::STATUS_ENTRY - 1);
                    why.push(format!(
                        "a catch-all code: the HTTP {} it came with says more",
                        status.unwrap_or(0)
                    ));
                } else if status.is_some()
                    && shared_spelling(code)
                    && !err.hints.contains(&e.catalog)
                    && !self.ev.hints.iter().any(|h| h.catalog == e.catalog)
                {
                    // Words in snake case (`rate_limited`, `not_found`) are a code many APIs
                    // share: where neither the response's shape nor the text names this
                    // entry's catalog (a shape that guesses another names none: GitHub's
                    // `already_exists` is no Cloudflare code), the status it came with says
                    // more. (With neither, what agrees with it is less than the catch-all's
                    // weight takes away, as the weights' own checks say: it falls below the
                    // status's entry.)
                    score += weights::CATCH_ALL;
                    why.push(format!(
                        "a code many APIs use, and nothing names {}: the HTTP {} it came with says more",
                        e.catalog,
                        status.unwrap_or(0)
                    ));
                } else if status.is_some()
                    && err.shape == crate::input::CODE_AND_MESSAGE
                    && code.bytes().all(|b| b.is_ascii_digit())
                    && !self.ev.hints.iter().any(|h| h.catalog == e.catalog)
                    && e.message.is_some_and(|m| {
                        let official = words(m);
                        !message.is_empty() && !message.iter().any(|w| official.contains(w))
                    })
                {
                    // A flat body of a code and a message is every API's: a number in it
                    // (which is all the shape guesses a catalog from) that is some catalog's
                    // code, beside a message that is not that code's
                    // (`{"code": 40012, "message": "password must be at least 8
                    // characters"}`), where nothing else names the catalog, is the API's
                    // own: the status it came with says more.
                    score += weights::CATCH_ALL;
                    disowned.push(e.catalog);
                    why.push(format!(
                        "the message is not {}'s for {code}, and nothing names {}: the HTTP {} it came with says more",
                        e.catalog,
                        e.catalog,
                        status.unwrap_or(0)
                    ));
                }
                for w in why {
                    cands.add(e, 0, w, Support::Code);
                }
                cands.add(e, score, String::new(), Support::Code);
            }
            for &e in &errno_worded {
                if self.filter.allows(e) && !cands.contains(e) {
                    cands.add(
                        e,
                        weights::ERRNO_WORDED,
                        format!("{} · errno {code} and its message", err.shape),
                        Support::Code,
                    );
                }
            }
            // A client that gives the code a meaning of its own, named in the text (axios's
            // `ECONNABORTED` is its timer running out, and the stack names axios): that
            // meaning is the code's here.
            let best = cands.list.iter().map(|m| m.score).max();
            if let Some(best) = best {
                for h in self.reg.phrases(code) {
                    let p = h.phrase;
                    let whole = h.start == 0 && h.end == code.len();
                    let named = p.client.filter(|c| named_client(self.plain, c));
                    if let (true, true, Some(client)) =
                        (whole && p.name, self.filter.allows(p.entry), named)
                    {
                        if cands.list.iter().any(|m| std::ptr::eq(m.entry, p.entry)) {
                            continue;
                        }
                        cands.add(
                            p.entry,
                            best + weights::CLIENT_MEANING,
                            format!("{client} names it {code}, and the text names {client}"),
                            Support::Code,
                        );
                    }
                }
            }
        }
        // What the message says, in the phrasebook's words and errno numbers. Beside a code
        // that names its entries, the message is the server's wording of that code: it may
        // tip the balance between them, never outweigh the code.
        // A code no catalog has may still be a phrasing (`Code: 0x80072EE7`, an HRESULT), and
        // the message says what it says.
        let code_said = err
            .code
            .as_deref()
            .filter(|_| cands.list.is_empty())
            .map(|c| self.reg.phrases(c))
            .unwrap_or_default();
        if said_text.is_some() || !code_said.is_empty() {
            let m = said_text.as_deref().unwrap_or("");
            let mut hits = self.hits_in(m);
            hits.extend(code_said);
            let errnos = vocab::errnos(self.reg, m);
            let coded = cands.list.iter().any(|c| !c.entry.catch_all);
            let scorer = |e: &'static Entry, why: &mut Vec<String>| {
                let mut s = self.context(e, err.hints, api, status, &[], why);
                if self.answered && e.class == Class::Network {
                    s += weights::NETWORK_BUT_ANSWERED;
                }
                s
            };
            // (Weak wording supports the code's and the status's entries only.)
            let mut said = Candidates::default();
            for m in &cands.list {
                said.add(m.entry, 0, String::new(), Support::Status);
            }
            self.text_clues(&mut said, &hits, &errnos, &scorer, false);
            for (i, m) in said.list.into_iter().enumerate() {
                let matched = cands.contains(m.entry);
                if matched && m.score == 0 {
                    continue;
                }
                let score = if coded && matched {
                    m.score.min(weights::WORDING_BESIDE_CODE)
                } else if coded {
                    // Context was counted with the score; only the wording is capped.
                    m.score
                        .min(weights::WORDING_BESIDE_CODE + weights::SHAPE_POINTS)
                } else {
                    m.score
                };
                let by = if said.from_text[i] {
                    Support::Text
                } else {
                    Support::Code
                };
                for w in m.why {
                    cands.add(m.entry, 0, w, by);
                }
                cands.add(m.entry, score, String::new(), by);
            }
        }
        // The status's own entries (of the catalogs the shape points to, but one it guessed
        // from a code the message disowned).
        if let Some(st) = status {
            let hints: Vec<&str> = err
                .hints
                .iter()
                .copied()
                .filter(|c| !disowned.contains(c))
                .collect();
            for e in self.status_entries(st, &hints) {
                let mut why = vec![format!(
                    "HTTP {st} ({})",
                    if err.status.is_some() {
                        err.shape
                    } else {
                        self.ev.status_from.unwrap_or("status")
                    }
                )];
                let mut score = weights::STATUS_ENTRY;
                if hints.contains(&e.catalog) || self.hinted.contains(&e.catalog) {
                    score += weights::STATUS_IN_CATALOG;
                }
                score += self.context(e, &[], false, None, &[], &mut why);
                for w in why {
                    cands.add(e, 0, w, Support::Status);
                }
                cands.add(e, score, String::new(), Support::Status);
            }
        }
        let finding = self.settle(Some(err.clone()), &mut cands, err.class, status);
        (finding, cands)
    }

    /// Sorts the candidates and decides the finding's class.
    fn settle(
        &self,
        server: Option<ServerError>,
        cands: &mut Candidates,
        reported: Option<Class>,
        status: Option<u16>,
    ) -> Finding {
        for m in &mut cands.list {
            m.why.retain(|w| !w.is_empty());
        }
        // A candidate that only the status supports is shown only when nothing else is known
        // or when it outranks what is (a catch-all's status).
        let mut order: Vec<usize> = (0..cands.list.len()).collect();
        order.sort_by(|&a, &b| {
            cands.list[b].score.cmp(&cands.list[a].score).then_with(|| {
                self.reg
                    .rank(cands.list[a].entry.catalog)
                    .cmp(&self.reg.rank(cands.list[b].entry.catalog))
            })
        });
        let best_supported = order
            .iter()
            .find(|&&i| cands.supported[i])
            .map(|&i| cands.list[i].score);
        let mut matches: Vec<Match> = order
            .iter()
            .filter(|&&i| {
                cands.supported[i] || best_supported.is_none_or(|b| cands.list[i].score > b)
            })
            .map(|&i| cands.list[i].clone())
            .collect();
        sort(self.reg, &mut matches);
        // An OS error names the curl code that means the same failure: it comes second.
        if let Some((best, to)) = matches
            .first()
            .and_then(|m| Some((m.entry, m.entry.same_as?)))
        {
            let same = to.split_once(':').and_then(|(catalog, code)| {
                self.reg
                    .lookup(&normalize(code))
                    .into_iter()
                    .map(|(e, _)| e)
                    .find(|e| e.catalog == catalog && self.filter.allows(e))
            });
            if let Some(e) = same.filter(|e| !matches.iter().any(|m| std::ptr::eq(m.entry, *e))) {
                let score = matches[0].score - 1;
                matches.insert(
                    1,
                    Match {
                        entry: e,
                        score,
                        why: vec![format!("the same failure as {}", best.qualified())],
                    },
                );
            }
        }
        // The best is the status's entry alone: its class is the status's, unless the error
        // itself is not a success (an error body under a 200).
        let by_status_only = order.first().is_some_and(|&i| {
            !cands.supported[i] && std::ptr::eq(cands.list[i].entry, matches[0].entry)
        });
        let class = match matches.first() {
            Some(m) if m.entry.catch_all && status.is_some() => {
                status.map(Class::of_status).unwrap_or(m.entry.class)
            }
            Some(m) if by_status_only && server.is_some() && m.entry.class == Class::Success => {
                Class::Client
            }
            Some(m) => m.entry.class,
            None => reported
                .or(status.map(Class::of_status))
                .unwrap_or(Class::Client),
        };
        // A 2xx/3xx status with an error body is still an error.
        let class = if class == Class::Success && matches.is_empty() {
            Class::Client
        } else {
            class
        };
        let class = match matches.first() {
            Some(m) => wire_class(m.entry, class, status),
            None => class,
        };
        Finding {
            server,
            matches,
            class,
        }
    }
}

/// A user catalog never changes the class of an error status that came with the answer (a
/// planted entry cannot make a 503 exit 0, or a 404 a server error): the status's class
/// stands over a user entry's.
fn wire_class(e: &Entry, class: Class, status: Option<u16>) -> Class {
    match status {
        Some(st) if e.user && st >= 400 => Class::of_status(st),
        _ => class,
    }
}

/// Whether a line says something failed: a word of failure begins a word of it, or a part
/// of a name written in camel case (`TypeError`, `HttpRequestException`).
pub(super) fn says_failure(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    let bytes = line.as_bytes();
    crate::lexicon::FAILURE.iter().any(|w| {
        let w = w.trim_end();
        lower.match_indices(w).any(|(i, _)| {
            let camel = i > 0 && bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase();
            camel
                || lower[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// Whether the words at `start..end` stand as a message: after a colon, a quote, a bracket, a
/// log level or the start of a line, and before the end of their clause — never as words
/// inside a sentence (`we are Missing Permissions today`).
fn set_off(text: &str, start: usize, end: usize, code: &str) -> bool {
    let head = text[..start].trim_end_matches([' ', '\t']);
    let before = head.chars().next_back();
    let after = text[end..].chars().next();
    let level = head
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .is_some_and(|w| {
            crate::lexicon::FAILURE_LEVELS
                .iter()
                .any(|l| w.eq_ignore_ascii_case(l))
        });
    // After a status (`403 Missing Permissions`, `status=404 The specified bucket does not
    // exist`): the words are that status's message; after its own code (`10045\tInvalid
    // redirect source URL`), the code's.
    let last = head.rsplit(|c: char| !c.is_ascii_alphanumeric()).next();
    let status = last
        .is_some_and(|w| w.len() == 3 && w.parse::<u16>().is_ok_and(|n| (100..=599).contains(&n)));
    let own_code = last.is_some_and(|w| !w.is_empty() && w == code);
    let opens =
        level || status || own_code || before.is_none_or(|c| ":\"'>([{]|.-=\n\r`*".contains(c));
    // Before the end of the clause, or details in brackets (`Invalid Form Body (components.0:
    // ...)`).
    let rest = &text[end..];
    let detail = rest.starts_with(" (") || rest.starts_with(" [");
    let closes = detail || after.is_none_or(|c| ".\"')]},;|\n\r`*<!".contains(c));
    opens && closes
}

/// Whether a client's weak message names its entry on its own: the text names the entry's
/// product and no status was read (`mc: <ERROR> … Object does not exist.` is MinIO's client
/// speaking of S3's NoSuchKey; beside a status, such words only weigh what they say).
fn named_by_client(h: &Hit, ev: &Evidence) -> bool {
    h.phrase.client.is_some()
        && !h.phrase.name
        && ev.status.is_none()
        && ev.hints.iter().any(|n| n.catalog == h.phrase.entry.catalog)
}

/// Whether a code is spelled as many APIs spell theirs: words in lower-case snake case
/// (`rate_limited`, `invalid_request`), no digit.
fn shared_spelling(code: &str) -> bool {
    !code.is_empty()
        && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        && code.bytes().any(|b| b != b'_')
}

/// Whether the name at `start..end` is joined by `_` to more of a longer identifier
/// (`TestClassify/ECONNRESET_is_retryable`, a test's name): part of that name, not this one.
fn inside_identifier(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let after = b.get(end) == Some(&b'_') && word(end + 1);
    let before = start >= 2 && b[start - 1] == b'_' && word(start - 2);
    after || before
}

/// Whether byte `at` is on a line of source a traceback shows (`traceback` says whether the
/// text has one): the line after Python's `File "x.py", line 12, in f`, or one of IPython's
/// numbered lines (`    204 except socket.gaierror as e:`, `--> 688 raise ConnectTimeout(e)`).
/// What it names is code, not the error.
fn traceback_source(text: &str, at: usize, traceback: bool) -> bool {
    if !traceback {
        return false;
    }
    let start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let line = &text[start..];
    let numbered = line.starts_with([' ', '\t', '-']) && {
        let rest = line
            .trim_start()
            .trim_start_matches('-')
            .trim_start_matches('>');
        let rest = rest.trim_start();
        let d = rest.bytes().take_while(u8::is_ascii_digit).count();
        d > 0 && rest[d..].starts_with([' ', '\t'])
    };
    let prev = text[..start.saturating_sub(1)]
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .trim_start();
    numbered || prev.starts_with("File \"") && prev.contains("\", line ")
}

/// The longest web address looked for before a phrasing.
const MAX_ADDRESS: usize = 2048;

/// Whether byte `at` is inside a web address (`https://x/wiki/502-Bad-Gateway`): a page's
/// name, not a message.
fn in_address(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let at = at.min(bytes.len());
    // (An address is looked for in the bytes just before: a text without spaces holds many
    // phrasings, and each would read it from its start.)
    let near = at.saturating_sub(MAX_ADDRESS);
    let from = near
        + bytes[near..at]
            .iter()
            .rposition(|b| {
                b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'<' | b'>' | b'(' | b')')
            })
            .map_or(0, |i| i + 1);
    let word = &bytes[from..at];
    // A scheme of two letters or more before `://`, and something after it before `at`.
    memchr::memmem::find(word, b"://").is_some_and(|i| {
        let letters = word[..i]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        letters >= 2 && i + 3 < word.len()
    })
}

/// Whether the words at `start..end` are a field's key: quoted before a colon (`"rate_limited":
/// false`), or before `=` (`rate_limited=false`).
fn stands_as_key(text: &str, start: usize, end: usize) -> bool {
    let rest = &text[end..];
    // (The key may go on before the words: `"_timedOut": false`.)
    let head = text[..start].trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let quoted = head.ends_with(['"', '\''])
        && (rest.starts_with("\":") || rest.starts_with("':") || rest.starts_with("\" :"));
    // (A key is one word; a phrasing of several, `read timeout=`, is a message that goes on.)
    let one_word = !text[start..end].contains(char::is_whitespace);
    quoted || one_word && rest.starts_with('=') && !rest.starts_with("==")
}

/// Whether the line that holds byte `at` opens with a mark of a step that worked (mocha's
/// `✔ retries twice on ECONNRESET`, `[✓] Network resources`): the title of a test that
/// passed names what it tried, not what failed.
fn passed_line(text: &str, at: usize) -> bool {
    let (start, _) = line_span(text, at);
    let line = text[start..at].trim_start().trim_start_matches('[');
    crate::lexicon::SUCCESS_MARKS
        .iter()
        .any(|m| !m.is_ascii() && line.starts_with(m))
}

/// The bounds of the line that holds byte `at`.
fn line_span(text: &str, at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let at = at.min(bytes.len());
    let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
    (start, end)
}

/// The last line (0-based) on which an error's message, or else its code, stands in the text.
fn last_line_of(text: &str, lines: &Lines, e: &ServerError) -> Option<usize> {
    let at = e
        .message
        .as_deref()
        .filter(|m| m.len() >= 3)
        .and_then(|m| text.rfind(m))
        .or_else(|| e.code.as_deref().and_then(|c| text.rfind(c)))?;
    Some(lines.line_of(at))
}

/// Whether the tool says it went on past the error on line `l`, as it was told to: a mark of
/// data/phrases/words.toml's `ignored_marks` ends that line (make's `Error 1 (ignored)`) or
/// is all of the next (Ansible's `...ignoring`).
fn ignored(text: &str, lines: &Lines, l: usize) -> bool {
    let line = |k: usize| lines.text_of(text, k).map(str::trim);
    let marks = crate::lexicon::IGNORED_MARKS;
    line(l).is_some_and(|t| marks.iter().any(|m| t.ends_with(m)))
        || (l < lines.starts.len() && line(l + 1).is_some_and(|t| marks.contains(&t)))
}

/// Where each line of a text starts, for grouping what the text says by line.
struct Lines {
    /// The byte offset just after each newline, in order.
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Self {
        let starts = text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i + 1)
            .collect();
        Self { starts }
    }

    /// The text of line `l`, without its newline.
    fn text_of<'t>(&self, text: &'t str, l: usize) -> Option<&'t str> {
        let start = line_start(self, l);
        let end = self.starts.get(l).map_or(text.len(), |&e| e - 1);
        text.get(start..end.max(start))
    }

    /// The line (0-based) of a byte offset: how many newlines come before it.
    fn line_of(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at)
    }
}

/// Where line `l` starts.
fn line_start(index: &Lines, l: usize) -> usize {
    l.checked_sub(1).map_or(0, |k| index.starts[k])
}

/// Whether the line from `start` is at a warning's level (words.toml's `warning_levels`)
/// before byte `until`: the first word of a level on it, within
/// [`crate::input::LEVEL_WITHIN`], is written in capitals or closed by a colon or a bracket
/// (`WARNING: …`, `2025-03-04 09:12:41 WARN …`, `[warn]`, `warning: …`). A Kubernetes
/// event's type is no level: `Warning  Failed  …  Failed to pull image`.
fn warning_line(text: &str, start: usize, until: usize) -> bool {
    let line = &text[start..until.max(start)];
    let line = line
        .get(..crate::input::LEVEL_WITHIN.min(line.len()))
        .unwrap_or(line);
    // (In lower case, the line's first word: `the warning: …` is prose.)
    let first_word = crate::lexicon::tokens::token_spans(line)
        .find(|&(a, b)| line[a..b].bytes().any(|c| c.is_ascii_alphabetic()))
        .map(|(a, _)| a);
    let level = crate::lexicon::tokens::token_spans(line).find(|&(a, b)| {
        let w = &line[a..b];
        (w.bytes().all(|c| c.is_ascii_uppercase())
            || first_word == Some(a) && line[b..].starts_with([':', ']', ')', '|']))
            && crate::lexicon::REPORT_LEVELS
                .iter()
                .any(|l| l.eq_ignore_ascii_case(w))
    });
    level.is_some_and(|(a, b)| {
        crate::lexicon::WARNING_LEVELS
            .iter()
            .any(|l| l.eq_ignore_ascii_case(&line[a..b]))
    })
}

/// Explains one response.
pub fn response(
    reg: &Registry,
    input: &str,
    text: &str,
    mut ev: Evidence,
    filter: &Filter,
) -> Report {
    // The unescaped text, as the readers made it (or made here for other evidence).
    let plain: String = match ev.pass.as_mut().map(|p| p.plain.take()) {
        Some(Some(plain)) => plain,
        Some(None) => text.to_string(),
        None => crate::input::plain(text).into_owned(),
    };
    // Words that name a product point to its catalog.
    for c in crate::catalog::phrases::contexts(&plain) {
        // (A header the HTTP reader already named says nothing twice; nor does a second
        // word naming the same product.)
        let said = ev.hints.iter().any(|h| {
            h.catalog == c.catalog
                && (h.why.starts_with(crate::input::VENDOR_HINT)
                    || h.why
                        .to_ascii_lowercase()
                        .contains(&c.text.to_ascii_lowercase()))
        });
        if reg.catalog(c.catalog).is_some() && !said {
            let id = reg.catalogs()[reg.rank(c.catalog)].id;
            ev.hint(
                id,
                &format!("{}{} ({})", crate::input::VENDOR_HINT, c.text, c.kind),
            );
        }
    }
    // Numbers a catalog knows, in free text (weak errors).
    vocab::scan(reg, &plain, &mut ev);
    let mut raw_hits = reg.phrases(&plain);
    // Words that only say no response came back (axios's `Network Error`) are no entry's
    // own message, though one has the same words.
    if let Some(said) = ev.no_response.map(str::to_ascii_lowercase) {
        raw_hits.retain(|h| {
            h.phrase.client.is_some() || !said.contains(&plain[h.start..h.end].to_ascii_lowercase())
        });
    }
    // Words that stand as a field's key (`"rate_limited": false`, `rate_limited=false`) name
    // the field, not an error.
    // (memchr's searcher: the text's own is slow on a long run of one letter.)
    let traceback =
        memchr::memmem::find(plain.as_bytes(), b"Traceback (most recent call last)").is_some();
    raw_hits.retain(|h| {
        let no_evidence = stands_as_key(&plain, h.start, h.end)
            || passed_line(&plain, h.start)
            || traceback_source(&plain, h.start, traceback)
            || in_address(&plain, h.start)
            || h.phrase.name && inside_identifier(&plain, h.start, h.end);
        !no_evidence
    });
    let mut hits = raw_hits.clone();
    // An entry's own message counts in free text only where it stands as a message, or on
    // the line of the status it is the message of (`403 Forbidden  Missing Permissions null`).
    let status_line = ev.status_at.map(|at| line_span(&plain, at));
    for h in &mut hits {
        let beside_status = status_line.is_some_and(|(a, b)| a <= h.start && h.end <= b)
            && ev.status.is_some()
            && h.phrase.entry.status == ev.status;
        if h.phrase.client.is_none()
            && !h.phrase.name
            && !beside_status
            && !set_off(&plain, h.start, h.end, h.phrase.entry.code)
        {
            h.phrase.weak = true;
        }
    }
    let errnos = vocab::errnos(reg, &plain);
    // A document's statuses in prose are mentions (`Respect Retry-After on HTTP 429`).
    // (So are the statuses of its records and the error lines it quotes: an OpenAPI
    // example's `status: 400`; no response is in a document.)
    if let Some(kind) = ev.document {
        if ev
            .status_from
            .is_some_and(|f| crate::input::provenance(f) < MENTIONED_BELOW)
        {
            ev.status = None;
            ev.status_from = None;
            ev.status_at = None;
        }
        ev.notes.push(format!(
            "read as {kind}: the errors it names are mentions, not reports"
        ));
    }

    let answered = ev.status_from == Some("status line");
    let hinted: Vec<&'static str> = ev.hints.iter().map(|h| h.catalog).collect();
    let scene = Scene {
        reg,
        plain: &plain,
        hits: &raw_hits,
        ev: &ev,
        filter,
        answered,
        hinted,
    };

    // Message patterns of the built-in catalogs (workspaces symptoms) are the most specific
    // evidence there is. A user catalog's patterns count as evidence like any other: after
    // what the readers found, never deciding the exit code over it.
    let mut findings: Vec<Finding> = Vec::new();
    let mut user_patterned: Vec<Finding> = Vec::new();
    let patterned = reg.by_pattern(text, ev.pass.as_ref().map(|p| p.pattern_starts));
    for e in patterned.iter().filter(|e| filter.allows(e)) {
        let into = if e.user {
            &mut user_patterned
        } else {
            &mut findings
        };
        into.push(Finding {
            server: None,
            matches: vec![Match {
                entry: e,
                score: weights::PATTERN,
                why: vec!["message text matches the entry's pattern".to_string()],
            }],
            class: wire_class(e, e.class, ev.status),
        });
    }

    let line_index = Lines::new(&plain);
    // 1. The errors the readers read.
    let mut errors: Vec<Finding> = Vec::new();
    let mut borrowed: Vec<bool> = Vec::new();
    let mut explained: Vec<&'static Entry> = Vec::new();
    // A code read from inside a phrasing that names another error whole (Apple's
    // `kCFErrorDomainCFNetwork Code=1` is a failure to resolve, not curl's code 1) is part of
    // that phrasing, which explains it.
    let inside = |err: &ServerError| {
        err.code.as_deref().is_some_and(|c| {
            let c = c.trim_start_matches('-');
            let number = !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit());
            number
                && raw_hits.iter().any(|h| {
                    let t = &plain[h.start..h.end];
                    h.phrase.client.is_some()
                        && h.phrase.strong()
                        && h.phrase.entry.code != c
                        && crate::lexicon::tokens::token_spans(t).any(|(a, b)| &t[a..b] == c)
                })
        })
    };
    for err in &ev.errors {
        if inside(err) {
            continue;
        }
        let (f, cands) = scene.error_finding(err);
        // Weak evidence (a lone number in free text) that no catalog knows says nothing.
        if f.matches.is_empty() && err.weak {
            continue;
        }
        // One error, one explanation: the same error read twice (a code and its name, a
        // line and the body it quotes) is explained once.
        if let Some(best) = f.matches.first() {
            if errors.iter().any(|g| {
                g.matches
                    .first()
                    .is_some_and(|m| std::ptr::eq(m.entry, best.entry))
            }) {
                explained.extend(cands.list.iter().map(|m| m.entry));
                continue;
            }
        }
        explained.extend(cands.list.iter().map(|m| m.entry));
        // An error the tool says it went on past (Ansible's `...ignoring`) failed nothing.
        if last_line_of(&plain, &line_index, err).is_some_and(|l| ignored(&plain, &line_index, l)) {
            continue;
        }
        // A message with no code or status of its own, explained only by a status read
        // elsewhere in a log (a record's `"msg": "upload failed"` beside the error object
        // that carries the status), says less than what explains itself.
        let status_only = f.matches.first().is_some_and(|m| {
            cands
                .list
                .iter()
                .position(|c| std::ptr::eq(c.entry, m.entry))
                .is_some_and(|i| !cands.supported[i])
        });
        borrowed.push(status_only && err.code.is_none() && err.status.is_none() && !answered);
        errors.push(f);
    }
    // Errors a catalog explains come before those none knows (the first decides the exit).
    let mut sorted: Vec<(Finding, bool)> = errors.into_iter().zip(borrowed).collect();
    sorted.sort_by_key(|(f, _)| f.matches.is_empty());
    let (mut errors, mut borrowed): (Vec<Finding>, Vec<bool>) = sorted.into_iter().unzip();

    // 2. What the text says that no reader's error explains: a finding per line.
    let covered = |h: &Hit| {
        explained.iter().any(|e| std::ptr::eq(*e, h.phrase.entry))
            || ev.errors.iter().filter(|err| !inside(err)).any(|err| {
                let t = &plain[h.start..h.end];
                err.said().is_some_and(|m| m.contains(t))
                    || err.code.as_deref().is_some_and(|c| c.contains(t))
            })
    };
    let mut lines: Vec<(usize, Vec<Hit>, Vec<ErrnoClue>)> = Vec::new();
    for h in hits.iter().filter(|h| !covered(h)) {
        let l = line_index.line_of(h.start);
        match lines.iter_mut().find(|(x, _, _)| *x == l) {
            Some((_, hs, _)) => hs.push(*h),
            None => lines.push((l, vec![*h], Vec::new())),
        }
    }
    for c in errnos {
        if c.entries
            .iter()
            .any(|e| explained.iter().any(|x| std::ptr::eq(*x, *e)))
        {
            continue;
        }
        // A number inside a longer phrasing is part of it (`could not be resolved (110:
        // Operation timed out)` is the resolver's timeout, not the connection's).
        if hits
            .iter()
            .any(|h| h.start <= c.start && c.end <= h.end && h.phrase.strong())
        {
            continue;
        }
        let l = line_index.line_of(c.start);
        match lines.iter_mut().find(|(x, _, _)| *x == l) {
            Some((_, _, cs)) => cs.push(c),
            None => lines.push((l, Vec::new(), vec![c])),
        }
    }
    lines.sort_by_key(|(l, _, _)| *l);
    // Where the server answered with success, what its body says is content, not an error
    // of this exchange.
    let succeeded = answered && ev.status.is_some_and(|st| st < 400);
    let mut phrased: Vec<Finding> = Vec::new();
    let mut phrased_lines: Vec<usize> = Vec::new();
    // A line speaks of an error when a strong phrasing or a worded errno is on it, or, where
    // no line does, a client's weak message of a product the text names.
    let strong_anywhere = lines
        .iter()
        .any(|(_, hs, cs)| !cs.is_empty() || hs.iter().any(|h| h.phrase.strong()));
    let speaks = |hs: &[Hit], cs: &[ErrnoClue]| {
        hs.iter()
            .any(|h| h.phrase.strong() || !strong_anywhere && named_by_client(h, &ev))
            || cs.iter().any(|c| c.worded)
            || !cs.is_empty()
    };
    // What a warning's line names is no error where the text names one elsewhere: an error a
    // reader found, an error's status, or a line not at a warning's level that speaks of one.
    let warned: Vec<bool> = lines
        .iter()
        .map(|(l, hs, _)| {
            hs.first()
                .is_some_and(|h| warning_line(&plain, line_start(&line_index, *l), h.start))
        })
        .collect();
    let error_elsewhere = errors.iter().any(|f| !f.matches.is_empty())
        || ev.status.is_some_and(|st| st >= 400)
        || lines
            .iter()
            .zip(&warned)
            .any(|((_, hs, cs), w)| !w && speaks(hs, cs));
    for ((line_no, hs, cs), warned) in lines.iter().zip(&warned) {
        if succeeded || phrased.len() >= MAX_PHRASE_FINDINGS {
            break;
        }
        if !speaks(hs, cs) || *warned && error_elsewhere || ignored(&plain, &line_index, *line_no) {
            continue;
        }
        let mut cands = Candidates::default();
        let status = ev.status;
        // A line that words an HTTP error the server sent (`Error from server
        // (InternalError)`) is an answer: a network failure it tells of is the server's.
        let answers: Vec<&Hit> = hs
            .iter()
            .filter(|h| {
                h.phrase.strong()
                    && h.phrase.entry.catalog == "http"
                    && h.phrase.entry.status.is_some_and(|st| st >= 400)
            })
            .collect();
        let answer_here = !answers.is_empty();
        // A network failure the line gives as the cause of the error it answered with
        // (`'502 Bad Gateway' caused by: dial tcp ...: connection refused`, a proxy's log):
        // that failure is what happened.
        let causes: Vec<&'static Entry> = hs
            .iter()
            .filter(|h| {
                h.phrase.entry.class == Class::Network
                    && answers.iter().any(|a| {
                        a.end <= h.start
                            && plain.get(a.end..h.start).is_some_and(|between| {
                                !between.contains('\n') && gives_cause(between)
                            })
                    })
            })
            .map(|h| h.phrase.entry)
            .collect();
        let scorer = |e: &'static Entry, why: &mut Vec<String>| {
            let mut s = scene.context(e, &[], false, status, &[], why);
            if causes.iter().any(|c| std::ptr::eq(*c, e)) {
                why.push(CAUSE_OF_ANSWER.to_string());
                s += weights::CAUSE_OF_ANSWER;
            } else if (answered || answer_here) && e.class == Class::Network {
                s += weights::NETWORK_BUT_ANSWERED;
            }
            // A catch-all's words (curl's `CONNECT tunnel failed, response 407`) yield to the
            // status they came with.
            if e.catch_all && status.is_some_and(|st| st >= 400) {
                why.push("a catch-all: the status it came with says more".to_string());
                s += weights::CATCH_ALL;
            }
            s
        };
        scene.text_clues(&mut cands, hs, cs, &scorer, false);
        if let Some(st) = status.filter(|st| *st >= 400) {
            for e in scene.status_entries(st, &[]) {
                let mut why = vec![format!(
                    "HTTP {st} ({})",
                    ev.status_from.unwrap_or("status")
                )];
                let mut score = weights::STATUS_ENTRY;
                if scene.hinted.contains(&e.catalog) {
                    score += weights::STATUS_IN_CATALOG;
                }
                score += scene.context(e, &[], false, None, &[], &mut why);
                for w in why {
                    cands.add(e, 0, w, Support::Status);
                }
                cands.add(e, score, String::new(), Support::Status);
            }
        }
        let f = scene.settle(None, &mut cands, None, status);
        let Some(best) = f.matches.first() else {
            continue;
        };
        // One error, one explanation: a line that says what an earlier line said adds nothing.
        if phrased.iter().chain(errors.iter()).any(|g| {
            g.matches
                .first()
                .is_some_and(|m| std::ptr::eq(m.entry, best.entry))
        }) {
            continue;
        }
        phrased.push(f);
        phrased_lines.push(*line_no);
    }
    // Many different failures named, and none reported: a list of them (documentation, a
    // configuration, an enum), not an error. Two entries that mean the same failure (an OS
    // error and the curl code for it) are one.
    // (Numbers a catalog knows in free text are weak: they are no report of an error.)
    // (An error whose entry is a success, `code: 200` in a record, reports none.)
    // (In a document, a record of key and value is a setting, PromQL's `code="429"`, and an
    // error line a quotation, not an error: a text with a response in it is no document.)
    let reported = errors.iter().any(|f| {
        f.matches
            .first()
            .is_some_and(|m| m.entry.class != Class::Success)
            && f.server
                .as_ref()
                .is_none_or(|s| !(s.weak || ev.document.is_some()))
    });
    let mut named: Vec<String> = Vec::new();
    for (_, hs, _) in &lines {
        for h in hs.iter().filter(|h| h.phrase.strong()) {
            let e = h.phrase.entry;
            let failure = e.same_as.map_or_else(|| e.qualified(), str::to_string);
            if !named.contains(&failure) {
                named.push(failure);
            }
        }
    }
    // A document (source code, configuration, notes) mentions the errors it names.
    let document = !reported && ev.document.is_some();
    let listing = !reported && named.len() >= LISTING || document;
    if listing {
        phrased.clear();
        errors.clear();
    }

    // A log is judged by its final outcome: where no reader reported an error and the last
    // line that says the operation worked comes after every error the text speaks of (an
    // attempt that failed, then one that succeeded), it worked.
    // (A success's status in prose is no error: `succeeded (attempt 2/3): HTTP 200`.)
    let prose_status_line = ev
        .status_at
        .filter(|_| {
            ev.status_from
                .is_some_and(|f| crate::input::provenance(f) <= 2)
                && ev.status.is_some_and(|st| st >= 400)
        })
        .map(|at| line_index.line_of(at));
    let wire_error = ev.status.is_some_and(|st| st >= 400)
        && ev
            .status_from
            .is_some_and(|f| crate::input::provenance(f) > 2);
    // (A record at a quiet level that says its operation is tried again names an attempt,
    // wherever it stands: a daemon's journal shown after the command's own output.)
    let attempt = |l: usize| {
        line_index
            .text_of(&plain, l)
            .is_some_and(crate::input::attempt_line)
    };
    let last_error = phrased_lines
        .iter()
        .copied()
        .filter(|&l| !attempt(l))
        .chain(prose_status_line)
        .chain(ev.last_failure)
        .max();
    // A line that says only that an operation ended (`Build finished.`) says it worked
    // where the text names no error at all, or speaks of trying again (`Command completed
    // after 2 attempt(s)`).
    let named_error = !errors.is_empty()
        || !phrased_lines.is_empty()
        || ev.last_failure.is_some()
        || prose_status_line.is_some();
    // (In a log that tries again, a last record of a response that worked is the attempt
    // that worked: botocore's `"PUT /x HTTP/1.1" 503`, `Retry needed`, `"PUT /x HTTP/1.1"
    // 200`; or a status named last, `HTTP 200 in 181 ms`. Where an error comes after the
    // last word of trying again, it was not retried: a later 2xx is another request's.)
    // (An announced attempt that more output follows, none of it a failure, is the attempt
    // that worked: PowerShell's `Retrying after interval of 2 seconds`, then the table it
    // fetched; curl's `Will retry in 1 second`, then the job's next step.)
    let retry_worked = ev.again_at.and_then(|r| {
        // (A failed status after it, where it was read or named: `Response status code does
        // not indicate success: 503`.)
        let status_after = ev.status.filter(|&st| st >= 400).is_some_and(|st| {
            let st = st.to_string();
            ev.status_at.is_some_and(|at| line_index.line_of(at) > r)
                || plain
                    .lines()
                    .skip(r + 1)
                    .any(|l| crate::lexicon::tokens::token_spans(l).any(|(a, b)| l[a..b] == st))
        });
        if last_error.max(ev.failure_word_at).is_some_and(|e| e > r)
            || ev.document.is_some()
            || status_after
            || ev.retries_exhausted
            || ev.failed_verdict
            || crate::input::reports_after(&plain, r)
        {
            return None;
        }
        let after: Vec<usize> = plain
            .lines()
            .enumerate()
            .skip(r + 1)
            .filter(|(_, l)| outcome_content(l))
            .map(|(n, _)| n)
            .collect();
        // (Or one record at a quiet level: discord.py's `INFO … edited message` after its
        // `Retrying in 0.87 seconds`.)
        let quiet = || {
            after.len() == 1
                && plain
                    .lines()
                    .nth(after[0])
                    .is_some_and(crate::input::quiet_record)
        };
        (after.len() >= RETRY_WORKED_LINES || quiet()).then(|| after.last().copied())?
    });
    // An exit status of 0 says the program did not fail; it does not undo an error its own
    // output reported on the way (PHP's warning `HTTP request failed! HTTP/1.1 403
    // Forbidden`, then `echo $?` and `0`): where no line after that error says the
    // operation worked or is tried again, the error stands. (An error here is a failed
    // status the text states or a line that says it failed; a wording of a catalog's entry
    // may be a file's name, `AccessDenied.xml` among the uploads.)
    let failed_at = prose_status_line.max(ev.last_failure);
    let exit_after_error = ev.last_exit_ok.is_some_and(|x| {
        ev.last_success == Some(x)
            && !ev.retried
            && failed_at.is_some_and(|e| e < x && ev.last_worked.is_none_or(|w| w < e))
    });
    let exit_success = if exit_after_error {
        ev.last_worked
    } else {
        ev.last_success
    };
    let last_success = exit_success
        .max(retry_worked)
        .max(ev.last_ended.filter(|_| {
            // (Nor where a failed status was read: NuGet's `Response status code does not
            // indicate success: 401`, then Visual Studio's `========== Finished ==========`.)
            let quiet = ev.status.is_none_or(|st| st < 400);
            !named_error && quiet || ev.retried
        }))
        .max(ev.last_record_ok.filter(|_| {
            let reported_at = errors
                .iter()
                .filter_map(|f| {
                    f.server
                        .as_ref()
                        .and_then(|e| last_line_of(&plain, &line_index, e))
                })
                .max();
            ev.retried_at
                .is_some_and(|r| last_error.max(reported_at).is_none_or(|e| r >= e))
        }));
    // A retried operation is judged by its last attempt: where the text speaks of trying
    // again and a line that says the operation worked comes after every error the readers
    // reported, those errors were attempts before the one that worked.
    // (So is a run whose verdict of success comes last: the errors its log names before
    // it were its tests', go test's `PASS` after a test's `connection refused`.)
    let superseded = reported
        && last_success.is_some_and(|s| {
            (ev.retried || ev.last_verdict == Some(s))
                && errors.iter().all(|f| {
                    f.server
                        .as_ref()
                        .and_then(|e| last_line_of(&plain, &line_index, e))
                        .is_some_and(|l| l < s || attempt(l))
                })
        });
    // A status a log's field gave (`got response with status 503, will retry`) is an
    // attempt's where the text speaks of trying again and a line of success comes after the
    // last line that names it.
    // The last line that names the status as a word of its own (where the text has no
    // status line, which is what the server answered whatever the log says).
    let status_named_last = ev.status.filter(|_| !answered).and_then(|st| {
        let st = st.to_string();
        plain
            .lines()
            .enumerate()
            .filter(|(_, l)| crate::lexicon::tokens::token_spans(l).any(|(a, b)| l[a..b] == st))
            .map(|(n, _)| n)
            .max()
    });
    let retried_status =
        ev.retried && status_named_last.is_some_and(|n| last_success.is_some_and(|s| s > n));
    // (What the server itself answered stays, however the log goes on.)
    // (Nor does a status a test logged before its run's verdict of success.)
    let verdict_after_status = ev.last_verdict.is_some_and(|v| {
        last_success == Some(v) && ev.status_at.is_none_or(|at| line_index.line_of(at) < v)
    });
    let wire_error =
        wire_error && (answered || !superseded && !retried_status && !verdict_after_status);
    // (A run with a verdict of failure did not work, whatever line of success follows it:
    // jest's `Snapshots: 4 passed` after `Tests: 1 failed`, a later file's `PASS`, a test's
    // own retries.)
    let final_success = (!reported || superseded)
        && !ev.failed_verdict
        && !wire_error
        && !ev.retries_exhausted
        && !last_success.is_some_and(|s| crate::input::reports_after(&plain, s))
        && last_success.is_some_and(|s| last_error.is_none_or(|e| s > e));
    if final_success {
        phrased.clear();
        errors.clear();
    }
    // A retried operation that failed is judged by its last attempt: an error a catalog
    // explains, reported after a line that speaks of trying again and after every other
    // error, comes first (`curl: (7)` at the first attempt, a 503 at the last).
    if let Some(first_retry) = ev.first_retried_at.filter(|_| !final_success) {
        let at = |f: &Finding| {
            f.server
                .as_ref()
                .and_then(|e| last_line_of(&plain, &line_index, e))
        };
        let lines: Vec<Option<usize>> = errors.iter().map(at).collect();
        let latest = (0..errors.len())
            .filter(|&k| !errors[k].matches.is_empty())
            .filter_map(|k| lines[k].map(|l| (l, k)))
            .max_by_key(|&(l, k)| (l, std::cmp::Reverse(k)));
        if let Some((l, k)) = latest {
            // (One the status alone explains goes first only where no other error has that
            // status: `nacking job` after the `NoSuchKey ... StatusCode: 404` it follows
            // says nothing more.)
            let status_explained = ev.status.is_some_and(|st| {
                errors.iter().enumerate().any(|(j, f)| {
                    j != k
                        && (f.server.as_ref().is_some_and(|e| e.status == Some(st))
                            || f.matches
                                .first()
                                .is_some_and(|m| m.entry.status == Some(st)))
                })
            });
            // (Nor one the status's own entry explains: Discord's 400 for a record of
            // `status: 400` after the body whose 50035 answered with it.)
            let status_only = borrowed[k]
                || ev.status.is_some_and(|st| {
                    errors[k]
                        .matches
                        .first()
                        .is_some_and(|m| m.entry.code == st.to_string())
                });
            if l >= first_retry
                && !(status_only && status_explained)
                && lines[..k].iter().all(|o| o.is_none_or(|o| o < l))
            {
                errors[..=k].rotate_right(1);
                borrowed[..=k].rotate_right(1);
                // (Explained by the status alone, it is still the last attempt's.)
                borrowed[0] = false;
            }
        }
    }
    // A retried operation that failed is judged by its last attempt too: where the text
    // speaks of trying again and a failed response's status in prose comes after every error
    // it names (`Retrying ... RemoteDisconnected`, then `<Response [503]>`), the operation
    // ended with that status: its entry comes first.
    // (An error that has that status is what answered with it: `BucketNotEmpty ...
    // status code: 409`.)
    let has_status = |f: &Finding, st: u16| {
        f.server.as_ref().is_some_and(|e| e.status == Some(st))
            || f.matches
                .first()
                .is_some_and(|m| m.entry.status == Some(st))
    };
    let last_attempt = !final_success
        && ev.retried
        && ev.status.is_some_and(|st| {
            st >= 400 && !errors.iter().chain(&phrased).any(|f| has_status(f, st))
        })
        && status_named_last.is_some_and(|l| {
            phrased_lines.iter().all(|&p| p < l)
                && errors.iter().all(|f| {
                    f.server
                        .as_ref()
                        .and_then(|e| last_line_of(&plain, &line_index, e))
                        .is_none_or(|e| e < l)
                })
        });
    let explained_only_by_status = |f: &Finding, b: bool| b && !f.matches.is_empty();
    findings.extend(
        errors
            .iter()
            .zip(&borrowed)
            .filter(|(f, b)| !f.matches.is_empty() && !explained_only_by_status(f, **b))
            .map(|(f, _)| f.clone()),
    );
    findings.extend(phrased);
    findings.extend(
        errors
            .iter()
            .zip(&borrowed)
            .filter(|(f, b)| explained_only_by_status(f, **b))
            .map(|(f, _)| f.clone()),
    );
    findings.extend(errors.into_iter().filter(|f| f.matches.is_empty()));
    // A code that means "no error" (curl's 0, an exit status 0) beside a failure the text
    // names (`request failed, libcurl error: 6 …; Upload failed, code 0`) explains nothing
    // of it: the failure comes first.
    findings.sort_by_key(|f| {
        f.matches
            .first()
            .is_some_and(|m| m.entry.class == Class::Success)
    });

    // 3. Nothing else: the status explains.
    // (A document's statuses in prose are mentions too: release notes' `Respect Retry-After
    // on HTTP 429`.)
    let mentioned = document
        && ev
            .status_from
            .is_some_and(|f| crate::input::provenance(f) < MENTIONED_BELOW);
    let any_match = findings.iter().any(|f| !f.matches.is_empty());
    if (!any_match && !final_success || last_attempt) && !mentioned {
        if let Some(st) = ev.status {
            let mut cands = Candidates::default();
            for e in scene.status_entries(st, &[]) {
                let mut score = weights::STATUS_ENTRY;
                if scene.hinted.contains(&e.catalog) {
                    score += weights::STATUS_IN_CATALOG;
                }
                cands.add(
                    e,
                    score,
                    format!("HTTP {st} ({})", ev.status_from.unwrap_or("status")),
                    Support::Code,
                );
            }
            let mut ranked = scene.settle(None, &mut cands, None, Some(st));
            // The status's own entry: in a catalog the evidence points to, else HTTP's.
            ranked
                .matches
                .sort_by_key(|m| (m.entry.catalog == "http", reg.rank(m.entry.catalog)));
            ranked.matches.truncate(1);
            if let Some(m) = ranked.matches.first().cloned() {
                match findings.first_mut() {
                    Some(_) if last_attempt => findings.insert(
                        0,
                        Finding {
                            server: None,
                            class: wire_class(m.entry, m.entry.class, Some(st)),
                            matches: vec![m],
                        },
                    ),
                    Some(f) => f.matches.push(m),
                    None => findings.push(Finding {
                        server: None,
                        class: wire_class(m.entry, m.entry.class, Some(st)),
                        matches: vec![m],
                    }),
                }
            } else if findings.is_empty() && st >= 400 {
                // No entry of the catalogs searched (`-c`) has the status: what was read
                // still stands, and the status classes the error.
                findings.push(Finding {
                    server: None,
                    class: Class::of_status(st),
                    matches: Vec::new(),
                });
            }
        }
    }
    // 4. Nothing at all but weak words of one error: they explain it, where nothing says
    //    success and no other error was named — the name of an error as code prints it
    //    (`InternalError`) in a short text, or, on a line that says something failed,
    //    wordings that all mean a network failure (`request failed: operation timed out`):
    //    the class is clear even where the words are common.
    if findings.is_empty() && ev.status.is_none() && !ev.success_body && !final_success && !listing
    {
        let short = plain.lines().count() <= SHORT;
        let lines_of: Vec<&str> = plain.lines().collect();
        let mut weak: Vec<Finding> = Vec::new();
        for (l, hs, _) in &lines {
            // Identifiers only (`InternalError`): common words in prose ("fix not found
            // handling") are no error.
            let mut names: Vec<Hit> = hs
                .iter()
                .filter(|h| {
                    short
                        && h.phrase.name
                        && crate::lexicon::tokens::symbolic(&plain[h.start..h.end])
                })
                .copied()
                .collect();
            let failed = lines_of.get(*l).is_some_and(|line| says_failure(line));
            if names.is_empty()
                && failed
                && !hs.is_empty()
                && hs.iter().all(|h| h.phrase.entry.class == Class::Network)
            {
                // In a chain of errors the cause comes last (`error sending request: operation
                // timed out`): the wording that ends the line explains it.
                let last = hs.iter().map(|h| h.start).max().unwrap_or(0);
                names = hs.iter().filter(|h| h.start == last).copied().collect();
            }
            let mut cands = Candidates::default();
            scene.text_clues(&mut cands, &names, &[], &|_, _| 0, true);
            let f = scene.settle(None, &mut cands, None, None);
            if let Some(best) = f.matches.first() {
                // (Named again on a later line, it stands where it was last named.)
                weak.retain(|g| !std::ptr::eq(g.matches[0].entry, best.entry));
                weak.push(f);
            }
        }
        // Several, all network failures: the class is clear, and the last line says the
        // cause (`Could not resolve package dependencies:`, then `downloadError("The request
        // timed out.")`).
        let all_network = weak.iter().all(|f| f.class == Class::Network);
        if weak.len() == 1 || all_network {
            findings.extend(weak.pop());
        }
    }
    // 5. Nothing named, but the text says no response came back (`000`): a network
    //    failure, of no entry (nothing says whether it was refused, timed out or not
    //    resolved).
    if findings.is_empty()
        && ev.no_response.is_some()
        && !ev.success_body
        && !final_success
        && !document
    {
        findings.push(Finding {
            server: None,
            class: Class::Network,
            matches: Vec::new(),
        });
    }
    findings.extend(user_patterned);
    let success_status = ev.status.is_none_or(|st| st < 400);
    // (A body of success says nothing of a failure named elsewhere in the text: mocha's `✔
    // GET /healthz returns 200 with {"ok":true}` above a test's `getaddrinfo EAI_AGAIN`.)
    let named_failure = findings
        .iter()
        .any(|f| f.class == Class::Network && !f.matches.is_empty());
    let class = if ev.success_body && ev.errors.is_empty() && success_status && !named_failure
        || final_success && findings.iter().all(|f| f.matches.is_empty())
    {
        Class::Success
    } else {
        findings.first().map(|f| f.class).unwrap_or(Class::Client)
    };
    Report {
        kind: "response",
        input: input.to_string(),
        evidence: Some(ev),
        findings,
        related: Vec::new(),
        class,
    }
}

/// Where a status an access log gives is said to come from.
const ACCESS_LOG: &str = "access log";

/// In a document, a status of less provenance than this is a mention: all but a status line,
/// which no document has.
const MENTIONED_BELOW: u8 = 5;

/// Why a network failure comes first: a line gives it as the cause of the error it answered
/// with.
const CAUSE_OF_ANSWER: &str = "the cause the line gives of the error it answered with";

/// Whether `text` (what stands between an error and the failure after it) says the failure
/// caused it: a word of data/phrases/words.toml's `cause_words` (`caused by`, `due to`).
pub(super) fn gives_cause(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    crate::lexicon::CAUSE_WORDS.iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            !lower[..i].ends_with(|c: char| c.is_ascii_alphanumeric())
                && !lower[i + w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
        })
    })
}

/// Whether `text` names the client (`axios` in `node_modules/axios/lib`): a client of one
/// word of four letters or more, as a word of the text.
fn named_client(text: &str, client: &str) -> bool {
    client.len() >= 4
        && client.bytes().all(|b| b.is_ascii_alphanumeric())
        && crate::lexicon::tokens::token_spans(text)
            .any(|(a, b)| text[a..b].eq_ignore_ascii_case(client))
}

/// Every candidate of one error, scored and sorted (status-only ones included): what the
/// ranking tests pin.
#[cfg(test)]
pub(super) fn rank_error(
    reg: &Registry,
    ev: &Evidence,
    err: &ServerError,
    filter: &Filter,
) -> Vec<Match> {
    rank_error_in(reg, ev, err, filter, "")
}

/// [`rank_error`], of an error read from `plain`.
#[cfg(test)]
pub(super) fn rank_error_in(
    reg: &Registry,
    ev: &Evidence,
    err: &ServerError,
    filter: &Filter,
    plain: &str,
) -> Vec<Match> {
    let scene = Scene {
        reg,
        plain,
        hits: &[],
        ev,
        filter,
        answered: ev.status_from == Some("status line"),
        hinted: ev.hints.iter().map(|h| h.catalog).collect(),
    };
    let (_, mut cands) = scene.error_finding(err);
    for m in &mut cands.list {
        m.why.retain(|w| !w.is_empty());
    }
    sort(reg, &mut cands.list);
    cands.list
}

#[cfg(test)]
mod line_tests {
    use super::{warning_line, Candidates, Lines, Support};

    #[test]
    fn a_line_at_a_warnings_level() {
        for (line, want) in [
            ("WARNING: local cache import at /tmp/c not found due to err: no such file or directory", true),
            ("2025-03-04 09:12:41.611 WARN  [main] c.a.Client : connection reset", true),
            ("2025/03/04 09:12:41 [warn] 1408#1408: *22 upstream timed out", true),
            ("warning: redirecting to https://example.com/x.git/", true),
            ("npm WARN deprecated request@2.88.2: request has been deprecated", true),
            // A Kubernetes event's type, an error's level, prose.
            ("  Warning  Failed     83s   kubelet   Error: ImagePullBackOff", false),
            ("ERROR: failed to push: unexpected status: 401 Unauthorized", false),
            ("2025-03-04 09:12:41 ERROR warn threshold crossed", false),
            ("we got a warning about connection refused", false),
            ("the warning: connection refused", false),
        ] {
            assert_eq!(warning_line(line, 0, line.len()), want, "{line}");
        }
    }

    #[test]
    fn a_candidate_is_supported_by_anything_but_the_status() {
        let reg = crate::catalog::Registry::embedded();
        let e = reg.entries().next().expect("an entry");
        // Only the status, then a code: supported, and not by text alone.
        let mut c = Candidates::default();
        c.add(e, 1, "status".into(), Support::Status);
        assert!(!c.supported[0] && !c.from_text[0]);
        c.add(e, 2, "code".into(), Support::Code);
        assert!(c.supported[0] && !c.from_text[0]);
        assert_eq!(c.list[0].score, 3);
        // Text alone, then the status: still supported, by text alone.
        let mut t = Candidates::default();
        t.add(e, 1, "text".into(), Support::Text);
        assert!(t.supported[0] && t.from_text[0]);
        t.add(e, 1, "status".into(), Support::Status);
        assert!(t.supported[0] && t.from_text[0]);
        t.add(e, 1, "code".into(), Support::Code);
        assert!(!t.from_text[0]);
        assert_eq!(t.list.len(), 1);
    }

    #[test]
    fn offsets_fall_on_the_line_that_holds_them() {
        // Bytes: a b \n c d \n \n e f (offsets 0 to 8).
        let text = "ab\ncd\n\nef";
        let lines = Lines::new(text);
        for (at, line) in [
            (0, 0), // the first byte
            (2, 0), // the first newline belongs to the line it ends
            (3, 1), // the byte after it starts the next line
            (5, 1),
            (6, 2), // an empty line
            (7, 3),
            (8, 3),  // the last byte
            (9, 3),  // the end of the text
            (99, 3), // past it
        ] {
            assert_eq!(lines.line_of(at), line, "offset {at}");
        }
        // Every offset is on the line that the newlines before it make.
        for at in 0..=text.len() {
            let before = text.as_bytes()[..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            assert_eq!(lines.line_of(at), before, "offset {at}");
        }
    }

    #[test]
    fn a_text_without_newline_is_one_line() {
        let lines = Lines::new("no newline here");
        for at in [0, 7, 14, 15] {
            assert_eq!(lines.line_of(at), 0, "offset {at}");
        }
        assert_eq!(Lines::new("").line_of(0), 0);
    }

    #[test]
    fn a_final_newline_opens_a_last_empty_line() {
        let lines = Lines::new("a\n");
        assert_eq!(lines.line_of(1), 0);
        assert_eq!(lines.line_of(2), 1);
    }
}
