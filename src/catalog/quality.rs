//! Rules for the text of the built-in catalogs that go beyond the schema: no sentence frame
//! reused with only the entry's name swapped in, no meaning that only restates the message, a
//! next step in every fix, one class and retry for errors of one kind, retry advice that agrees
//! with the fix, and the HTTP status of every family whose status is documented.
//!
//! Each rule is a function over rows, so that the tests below can show it catching a planted
//! entry as well as passing `data/`. A row may differ from its kind, or from its family's
//! status, when it says why in a note that starts with `Class:`, `Retry:` or `Status:`
//! (`docs/catalogs.md`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One entry as written, with only the fields these rules read.
#[derive(Debug, Clone, Default)]
struct Row {
    catalog: String,
    code: String,
    product: Option<String>,
    status: Option<i64>,
    class: String,
    retry: String,
    name: String,
    message: Option<String>,
    aliases: Vec<String>,
    meaning: String,
    cause: String,
    fix: String,
    notes: Vec<String>,
    /// The entry's own source, else its catalog's.
    source: String,
    /// The catalog's source.
    catalog_source: String,
}

impl Row {
    fn label(&self) -> String {
        match &self.product {
            Some(p) => format!("{}:{} ({p})", self.catalog, self.code),
            None => format!("{}:{}", self.catalog, self.code),
        }
    }

    fn field(&self, f: &str) -> &str {
        match f {
            "meaning" => &self.meaning,
            "cause" => &self.cause,
            _ => &self.fix,
        }
    }

    /// Whether a note explains a difference (`Class:`, `Retry:` or `Status:`).
    fn says_why(&self, prefixes: &[&str]) -> bool {
        self.notes
            .iter()
            .any(|n| prefixes.iter().any(|p| n.starts_with(p)))
    }
}

fn rows() -> Vec<Row> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/ exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable");
        let table: toml::Table = toml::from_str(&text).expect("parses");
        let id = table["catalog"]["id"].as_str().expect("id").to_string();
        let catalog_source = table["catalog"]["source"]
            .as_str()
            .expect("source")
            .to_string();
        let str_of = |e: &toml::Value, k: &str| e.get(k).and_then(|v| v.as_str()).map(String::from);
        let list_of = |e: &toml::Value, k: &str| -> Vec<String> {
            e.get(k)
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default()
        };
        for e in table["entry"].as_array().expect("entries") {
            out.push(Row {
                catalog: id.clone(),
                code: str_of(e, "code").expect("code"),
                product: str_of(e, "product"),
                status: e.get("status").and_then(|v| v.as_integer()),
                class: str_of(e, "class").expect("class"),
                retry: str_of(e, "retry").expect("retry"),
                name: str_of(e, "name").expect("name"),
                message: str_of(e, "message"),
                aliases: list_of(e, "aliases"),
                meaning: str_of(e, "meaning").expect("meaning"),
                cause: str_of(e, "cause").expect("cause"),
                fix: str_of(e, "fix").expect("fix"),
                notes: list_of(e, "notes"),
                source: str_of(e, "source").unwrap_or_else(|| catalog_source.clone()),
                catalog_source: catalog_source.clone(),
            });
        }
    }
    out
}

/// Lower-case words (letters and digits).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A word without a plural `s`, so that "webhooks" is the name word "webhook".
fn stem(w: &str) -> &str {
    match w.strip_suffix('s') {
        Some(s) if s.len() >= 3 => s,
        _ => w,
    }
}

/// The words that name the entry: its name, code, message and aliases.
fn own_words(r: &Row) -> BTreeSet<String> {
    let mut own = BTreeSet::new();
    for t in [Some(&r.name), Some(&r.code), r.message.as_ref()]
        .into_iter()
        .flatten()
        .chain(&r.aliases)
    {
        own.extend(words(t).iter().map(|w| stem(w).to_string()));
    }
    own
}

/// The text with the entry's own words taken out: what is left is its frame.
fn frame(r: &Row, text: &str) -> Vec<String> {
    let own = own_words(r);
    let mut out: Vec<String> = Vec::new();
    for w in words(text) {
        let w = if own.contains(stem(&w)) {
            "_".to_string()
        } else {
            w
        };
        if !(w == "_" && out.last().is_some_and(|l| l == "_")) {
            out.push(w);
        }
    }
    out
}

const TEXT_FIELDS: [&str; 3] = ["meaning", "cause", "fix"];
/// More entries than this may not share one frame.
const MAX_SHARED: usize = 3;

/// Meanings, causes and fixes that more than three entries share once each entry's own words
/// are taken out ("The _ does not exist"), or that differ from three others in one short span
/// only ("Delete unused _ or raise the boost level" with a word the name does not have).
fn shared_frames(rows: &[Row]) -> Vec<String> {
    let mut out = Vec::new();
    for field in TEXT_FIELDS {
        let mut by_frame: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
        // (words before the span, words after it) -> entries and their texts.
        let mut by_span: BTreeMap<(Vec<String>, Vec<String>), BTreeSet<usize>> = BTreeMap::new();
        for (i, r) in rows.iter().enumerate() {
            let f = frame(r, r.field(field));
            if f.iter().filter(|w| *w != "_").count() >= 3 {
                by_frame.entry(f).or_default().push(i);
            }
            let t = words(r.field(field));
            for k in 1..=2 {
                for start in 0..t.len() {
                    if start + k > t.len() || t.len() - k < 5 {
                        continue;
                    }
                    let key = (t[..start].to_vec(), t[start + k..].to_vec());
                    by_span.entry(key).or_default().insert(i);
                }
            }
        }
        for (f, idx) in by_frame {
            if idx.len() > MAX_SHARED {
                let who: Vec<String> = idx.iter().map(|&i| rows[i].label()).collect();
                out.push(format!(
                    "{field} frame \"{}\" is shared by {} entries: {}",
                    f.join(" "),
                    idx.len(),
                    who.join(", ")
                ));
            }
        }
        let mut reported: BTreeSet<Vec<usize>> = BTreeSet::new();
        for ((before, after), idx) in by_span {
            let texts: BTreeSet<&str> = idx.iter().map(|&i| rows[i].field(field)).collect();
            let idx: Vec<usize> = idx.into_iter().collect();
            if idx.len() > MAX_SHARED && texts.len() > 1 && reported.insert(idx.clone()) {
                let who: Vec<String> = idx.iter().map(|&i| rows[i].label()).collect();
                out.push(format!(
                    "{field} \"{} * {}\" differs in one word or two between {} entries: {}",
                    before.join(" "),
                    after.join(" "),
                    idx.len(),
                    who.join(", ")
                ));
            }
        }
    }
    out
}

/// Words that carry no fact of their own.
const STOP: &[&str] = &[
    "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this",
    "that", "these", "those", "of", "to", "in", "on", "for", "by", "with", "or", "and", "not",
    "no", "has", "have", "had", "do", "does", "did", "can", "cannot", "could", "may", "must",
    "will", "would", "should", "there", "their", "they", "them", "you", "your", "as", "at", "from",
    "into", "than", "so", "any", "all", "some", "too", "very", "just", "also", "here", "what",
    "which", "who", "one", "only", "s", "t", "yet", "already",
];
/// A meaning must add at least this many words the name and message do not have.
const MIN_NEW_WORDS: usize = 3;

/// Meanings that only restate the name or the message ("Unknown ban" / "The ban is unknown").
fn restated_meanings(rows: &[Row]) -> Vec<String> {
    let mut out = Vec::new();
    for r in rows {
        let own = own_words(r);
        let new: BTreeSet<String> = words(&r.meaning)
            .into_iter()
            .filter(|w| !STOP.contains(&w.as_str()) && !own.contains(stem(w)))
            .collect();
        if new.len() < MIN_NEW_WORDS {
            out.push(format!(
                "{}: the meaning only restates the message: {:?}",
                r.label(),
                r.meaning
            ));
        }
    }
    out
}

/// A fix of this many words or fewer names no next step ("Fix the rule", "Stop using it").
const MAX_BARE_FIX: usize = 5;

fn bare_fixes(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .filter(|r| r.class != "success")
        .filter(|r| {
            r.fix
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
                <= MAX_BARE_FIX
        })
        .map(|r| format!("{}: the fix names no next step: {:?}", r.label(), r.fix))
        .collect()
}

/// Families whose members are one kind of error by their documentation.
fn family(r: &Row) -> Option<&'static str> {
    let n: Option<u32> = r.code.parse().ok();
    match (r.catalog.as_str(), r.product.as_deref(), n) {
        ("discord", None, Some(10_001..=10_999)) => {
            Some("Discord 10xxx: the object a path or body names is not there")
        }
        ("discord", None, Some(30_001..=30_999)) => {
            Some("Discord 30xxx: a count limit on a guild, channel or account")
        }
        ("curl", None, Some(53 | 54 | 58 | 59 | 66 | 77 | 82)) => {
            Some("curl: the local TLS set-up (engine, client certificate, cipher, CA or CRL file)")
        }
        ("cloudflare", Some("edge"), Some(1025 | 1027)) => {
            Some("Cloudflare 1025/1027: the Workers free plan's daily request limit")
        }
        _ => None,
    }
}

/// The kinds an entry belongs to: its name and message (the same error in two catalogs or
/// under two codes), its documented family, and its status among Discord's JSON codes and
/// Cloudflare's edge codes.
fn kinds(r: &Row) -> Vec<String> {
    let mut k = vec![format!("name {:?}", words(&r.name).join(" "))];
    if let Some(m) = &r.message {
        k.push(format!("message {:?}", words(m).join(" ")));
    }
    if let Some(f) = family(r) {
        k.push(f.to_string());
    }
    if let (Some(s), true) = (r.status, status_family_catalog(r)) {
        k.push(format!("{} codes with status {s}", r.catalog));
    }
    k
}

fn status_family_catalog(r: &Row) -> bool {
    matches!(
        (r.catalog.as_str(), r.product.as_deref()),
        ("discord", None) | ("cloudflare", Some("edge"))
    )
}

/// Entries of one kind that disagree on class or retry, where the odd one does not say why
/// (a note starting `Class:` or `Retry:`).
fn disagreeing_kinds(rows: &[Row]) -> Vec<String> {
    let mut by_kind: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        for k in kinds(r) {
            by_kind.entry(k).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (kind, idx) in by_kind {
        let silent: Vec<usize> = idx
            .into_iter()
            .filter(|&i| !rows[i].says_why(&["Class:", "Retry:"]))
            .collect();
        let advice: BTreeSet<(&str, &str)> = silent
            .iter()
            .map(|&i| (rows[i].class.as_str(), rows[i].retry.as_str()))
            .collect();
        if advice.len() > 1 {
            let who: Vec<String> = silent
                .iter()
                .map(|&i| format!("{} {}/{}", rows[i].label(), rows[i].class, rows[i].retry))
                .collect();
            out.push(format!(
                "{kind}: class or retry differ without a Class: or Retry: note: {}",
                who.join(", ")
            ));
        }
    }
    out
}

fn has(text: &str, any: &[&str]) -> bool {
    let t = format!(" {} ", words(text).join(" "));
    any.iter().any(|p| t.contains(&format!(" {p} ")))
}

/// Whether the fix tells the caller to change something first ("Fix the op field, then
/// reconnect", "do not retry").
fn fix_says_fix_first(fix: &str) -> bool {
    if has(
        fix,
        &[
            "do not retry",
            "don t retry",
            "do not reconnect",
            "don t reconnect",
            "never retry",
            "fails again",
            "fail again",
            "before retrying",
            "before reconnecting",
            "before trying again",
            "retrying it unchanged",
        ],
    ) {
        return true;
    }
    // "X, then retry": fine when X is a wait, a fix when it is anything else.
    let lower = fix.to_lowercase();
    for again in [
        "then retry",
        "then reconnect",
        "then try again",
        "then send again",
        "then resend",
        "then resume",
    ] {
        for (at, _) in lower.match_indices(again) {
            let clause = lower[..at]
                .rsplit(['.', ';', ':'])
                .next()
                .unwrap_or_default();
            let waits = has(
                clause,
                &[
                    "wait",
                    "slow",
                    "slow down",
                    "back off",
                    "pause",
                    "sleep",
                    "after",
                    "later",
                    "backoff",
                    "seconds",
                    "retry_after",
                ],
            );
            if !waits {
                return true;
            }
        }
    }
    false
}

/// Whether the fix tells the caller to wait ("wait", "later", "back off", `retry_after`).
fn fix_says_wait(fix: &str) -> bool {
    has(
        fix,
        &[
            "wait",
            "later",
            "back off",
            "backoff",
            "slow down",
            "retry after",
            "retry_after",
            "retry-after",
        ],
    ) || fix.contains("retry_after")
        || fix.contains("Retry-After")
}

/// Whether the fix's advice is to try again ("Retry later", "Wait and retry").
fn fix_says_retry(fix: &str) -> bool {
    let first = words(fix).into_iter().next().unwrap_or_default();
    ["retry", "wait", "reconnect", "resume"].contains(&first.as_str())
        || has(
            fix,
            &[
                "try again later",
                "retry later",
                "retry with backoff",
                "retry with exponential backoff",
                "wait and retry",
                "wait and try again",
            ],
        )
}

/// Whether the entry gives a reason why a client error is worth retrying.
fn transient(r: &Row) -> bool {
    let text = format!(
        "{} {} {} {}",
        r.name,
        r.message.as_deref().unwrap_or(""),
        r.meaning,
        r.cause
    );
    has(
        &text,
        &[
            "rate limit",
            "rate limited",
            "rate limits",
            "too many",
            "too fast",
            "too quickly",
            "try again",
            "temporarily",
            "temporary",
            "transient",
            "later",
            "not yet",
            "not ready",
            "in progress",
            "locked",
            "timed out",
            "timeout",
            "overloaded",
            "slowmode",
            "cooldown",
            "propagating",
            "still",
        ],
    )
}

/// Retry advice that contradicts the fix, or that the entry does not explain.
fn retry_against_fix(rows: &[Row]) -> Vec<String> {
    let mut out = Vec::new();
    for r in rows {
        let mut why = |m: &str| out.push(format!("{}: {m}: {:?}", r.label(), r.fix));
        let retried = r.retry != "no";
        if retried && fix_says_fix_first(&r.fix) && !r.says_why(&["Retry:"]) {
            why(&format!(
                "retry = \"{}\", but the fix says to change something first",
                r.retry
            ));
        }
        if r.retry == "now" && fix_says_wait(&r.fix) {
            why("retry = \"now\", but the fix says to wait (backoff or after)");
        }
        if r.retry == "no"
            && r.class != "success"
            && fix_says_retry(&r.fix)
            && !r.says_why(&["Retry:"])
        {
            why("retry = \"no\", but the fix says to try again");
        }
        if r.class == "success" && (retried || fix_says_retry(&r.fix) || fix_says_wait(&r.fix)) {
            why("a success is not retried, but the advice or the fix says to try again");
        }
        if r.class == "client" && retried && !transient(r) && !r.says_why(&["Retry:"]) {
            why("a client error is retried with no reason given (a Retry: note, or a limit or wait the text names)");
        }
        if matches!(r.class.as_str(), "network" | "server") && !retried && !r.says_why(&["Retry:"])
        {
            why(&format!(
                "a {} error that is not retried must say why in a Retry: note",
                r.class
            ));
        }
    }
    out
}

/// Families whose HTTP status is documented, with where it is documented.
fn documented_status(r: &Row) -> Option<(i64, &'static str)> {
    let n: u32 = r.code.parse().ok()?;
    match (r.catalog.as_str(), r.product.as_deref()) {
        ("discord", None) => match n {
            10_001..=10_999 => Some((404, "Discord's 10xxx codes (Unknown ...) come with 404")),
            50_001 | 50_013 | 50_025 => Some((403, "Discord documents 403 for missing access, missing permissions and a bad OAuth2 token")),
            110_000 => Some((202, "Discord documents 202 for a search index that is not ready")),
            20_028 | 20_029 | 40_062 => Some((429, "Discord's write and shared-resource rate limits come with 429")),
            30_001..=30_999 => Some((400, "Discord's 30xxx limits come with 400")),
            40_009 | 50_035 => Some((400, "Discord documents 400 for these body checks")),
            _ => None,
        },
        ("cloudflare", Some("edge")) => match n {
            1015 => Some((429, "Cloudflare 1015 (rate limited) is sent with 429")),
            1006..=1012 | 1020 => Some((403, "Cloudflare's access-denied pages are sent with 403")),
            1016 | 1033 => Some((530, "Cloudflare 1016 and 1033 are sent with 530")),
            520..=527 | 530 => Some((i64::from(n), "Cloudflare's 52x pages are sent with their own status")),
            _ => None,
        },
        _ => None,
    }
}

/// Members of a family whose status is documented, without it (or a `Status:` note saying why
/// this one differs).
fn missing_statuses(rows: &[Row]) -> Vec<String> {
    let mut out = Vec::new();
    for r in rows {
        if let Some((want, family)) = documented_status(r) {
            if r.status != Some(want) && !r.says_why(&["Status:"]) {
                out.push(format!(
                    "{}: status {:?}, but {family} (status = {want}, or a Status: note)",
                    r.label(),
                    r.status
                ));
            }
        }
    }
    out
}

/// The curl codes that other clients' phrasings lead to (a Node.js or Go error explained by
/// curl's entry for the same failure), read from the phrasebooks.
fn curl_codes_other_clients_reach() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/phrases");
    let mut out = BTreeSet::new();
    for f in std::fs::read_dir(&dir).expect("data/phrases/ exists") {
        let path = f.expect("dir entry").path();
        if path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        let table: toml::Table = toml::from_str(&text).expect("parses");
        let groups = table.get("phrases").and_then(|g| g.as_array());
        for g in groups.into_iter().flatten() {
            let is = |k: &str, v: &str| g.get(k).and_then(|x| x.as_str()) == Some(v);
            if !is("catalog", "curl") || is("client", "curl") {
                continue;
            }
            let pairs = g.get("phrases").and_then(|p| p.as_array());
            for pair in pairs.into_iter().flatten() {
                if let Some(code) = pair.get(0).and_then(|c| c.as_str()) {
                    out.insert(code.to_string());
                }
            }
        }
    }
    out
}

/// Text outside parentheses: what a sentence says of its subject, not its asides.
fn outside_parentheses(s: &str) -> String {
    let mut depth = 0usize;
    s.chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect()
}

/// A curl entry that explains other clients' errors too speaks of the failure, not of curl
/// ("The server could not be verified", not "curl could not verify the server"), and says in
/// a note which curl exit code it is.
fn curl_entries_for_other_clients(rows: &[Row], reached: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    for r in rows.iter().filter(|r| r.catalog == "curl") {
        if !reached.contains(&r.code) {
            continue;
        }
        if words(&outside_parentheses(&r.meaning))
            .iter()
            .any(|w| w == "curl")
        {
            out.push(format!(
                "{}: other clients' errors lead here, but the meaning speaks of curl: {:?}",
                r.label(),
                r.meaning
            ));
        }
        let says = format!("This is curl's exit code {} ({})", r.code, r.name);
        if !r.notes.iter().any(|n| n.starts_with(&says)) {
            out.push(format!(
                "{}: other clients' errors lead here, but no note says \"{says}\"",
                r.label()
            ));
        }
    }
    out
}

/// The range of Cloudflare's own 5xx statuses (520-527, 530).
fn cloudflare_status(code: &str) -> bool {
    code.parse::<u16>().is_ok_and(|n| (520..=530).contains(&n))
}

/// Cloudflare's 52x statuses in the `http` catalog each have the page's entry under
/// `cloudflare` (product `edge`), so that `errexplain cloudflare:522` finds it, with the same
/// status, class and retry.
fn cloudflare_pages_without_edge_entries(rows: &[Row]) -> Vec<String> {
    let mut out = Vec::new();
    let statuses = rows.iter().filter(|r| {
        r.catalog == "http" && cloudflare_status(&r.code) && r.meaning.contains("Cloudflare")
    });
    for h in statuses {
        let page = rows.iter().find(|r| {
            r.catalog == "cloudflare" && r.product.as_deref() == Some("edge") && r.code == h.code
        });
        match page {
            None => out.push(format!(
                "{}: Cloudflare's status has no cloudflare:{} (edge) entry",
                h.label(),
                h.code
            )),
            Some(p) if (p.status, &p.class, &p.retry) != (h.status, &h.class, &h.retry) => {
                out.push(format!(
                    "{} and {}: status, class or retry differ ({:?} {}/{} against {:?} {}/{})",
                    h.label(),
                    p.label(),
                    h.status,
                    h.class,
                    h.retry,
                    p.status,
                    p.class,
                    p.retry
                ));
            }
            Some(_) => {}
        }
    }
    out
}

/// In a catalog whose source is a public address, every entry's source names one too: a fact
/// changed with its own `source` keeps an address a reader can open.
fn sources_without_an_address(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .filter(|r| {
            super::url_in(&r.catalog_source).is_some() && super::url_in(&r.source).is_none()
        })
        .map(|r| {
            format!(
                "{}: the source names no public address: {:?}",
                r.label(),
                r.source
            )
        })
        .collect()
}

fn assert_none(what: &str, problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{} {what}:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn no_frame_is_shared_with_only_the_name_swapped() {
    assert_none("shared frames", shared_frames(&rows()));
}

#[test]
fn meanings_say_more_than_the_message() {
    assert_none("restated meanings", restated_meanings(&rows()));
}

#[test]
fn every_fix_of_an_error_names_a_next_step() {
    assert_none("bare fixes", bare_fixes(&rows()));
}

#[test]
fn entries_of_one_kind_agree_on_class_and_retry() {
    assert_none("disagreeing kinds", disagreeing_kinds(&rows()));
}

#[test]
fn retry_advice_never_contradicts_the_fix() {
    assert_none("retry contradictions", retry_against_fix(&rows()));
}

#[test]
fn documented_family_statuses_are_present() {
    assert_none("missing statuses", missing_statuses(&rows()));
}

#[test]
fn curl_entries_speak_of_the_failure_other_clients_report() {
    let reached = curl_codes_other_clients_reach();
    assert!(
        reached.contains("7") && reached.contains("60"),
        "{reached:?}"
    );
    assert_none(
        "curl entries that speak of curl",
        curl_entries_for_other_clients(&rows(), &reached),
    );
}

#[test]
fn cloudflare_52x_statuses_have_their_pages_under_cloudflare() {
    let rows = rows();
    let pages = rows
        .iter()
        .filter(|r| {
            r.catalog == "http" && cloudflare_status(&r.code) && r.meaning.contains("Cloudflare")
        })
        .count();
    assert!(pages >= 8, "{pages} Cloudflare statuses in http");
    assert_none(
        "Cloudflare statuses without their page",
        cloudflare_pages_without_edge_entries(&rows),
    );
}

#[test]
fn every_entry_of_a_public_catalog_names_a_public_address() {
    let rows = rows();
    let public = rows
        .iter()
        .filter(|r| super::url_in(&r.catalog_source).is_some())
        .count();
    assert!(public > 800, "{public} entries of public catalogs");
    assert_none(
        "sources without an address",
        sources_without_an_address(&rows),
    );
}

#[test]
fn the_catalogs_are_all_read() {
    let rows = rows();
    let catalogs: BTreeSet<&str> = rows.iter().map(|r| r.catalog.as_str()).collect();
    assert_eq!(catalogs.len(), 10, "{catalogs:?}");
    assert!(rows.len() > 700, "{}", rows.len());
}

// The rules catch what they are for: each planted entry below breaks one.

fn row(catalog: &str, code: &str, name: &str) -> Row {
    Row {
        catalog: catalog.into(),
        code: code.into(),
        name: name.into(),
        class: "client".into(),
        retry: "no".into(),
        meaning: format!("Planted entry {code} means something of its own, {name}."),
        cause: format!("Cause number {code} of its own kind."),
        fix: format!("Send request {code} with the field set to its documented value."),
        ..Row::default()
    }
}

#[test]
fn a_frame_with_the_name_swapped_is_caught() {
    let mk = |code: &str, thing: &str| {
        let mut r = row("discord", code, &format!("Unknown {thing}"));
        r.meaning = format!("The {thing} the request refers to does not exist.");
        r
    };
    let three: Vec<Row> = [("1", "ban"), ("2", "role"), ("3", "guild")]
        .iter()
        .map(|(c, t)| mk(c, t))
        .collect();
    assert!(shared_frames(&three).is_empty(), "three may share");
    let mut four = three.clone();
    four.push(mk("4", "member"));
    let got = shared_frames(&four);
    assert!(
        got.iter()
            .any(|p| p.contains("meaning frame \"the _ the request")),
        "{got:?}"
    );
    // A word the name does not have, swapped in one place, is caught too.
    let limits: Vec<Row> = ["emojis", "stickers", "sounds", "banners"]
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut r = row("discord", &format!("3{i}"), "Maximum reached");
            r.fix = format!("Delete unused {t} or raise the server's boost level.");
            r
        })
        .collect();
    let got = shared_frames(&limits);
    assert!(
        got.iter().any(|p| p.contains("differs in one word")),
        "{got:?}"
    );
}

#[test]
fn a_meaning_that_restates_the_message_is_caught() {
    let mut r = row("discord", "10026", "Unknown ban");
    r.message = Some("Unknown ban".into());
    r.meaning = "The ban is unknown.".into();
    assert_eq!(restated_meanings(std::slice::from_ref(&r)).len(), 1);
    r.meaning = "The user named in the path is not on the guild's ban list.".into();
    assert!(restated_meanings(&[r]).is_empty());
}

#[test]
fn a_fix_of_five_words_is_caught() {
    let mut r = row("http", "418", "Teapot");
    r.fix = "Fix the CA bundle path.".into();
    assert_eq!(bare_fixes(std::slice::from_ref(&r)).len(), 1);
    r.class = "success".into();
    assert!(
        bare_fixes(std::slice::from_ref(&r)).is_empty(),
        "a success needs no step"
    );
    r.class = "client".into();
    r.fix = "Point CURL_CA_BUNDLE at the system bundle (ca-certificates).".into();
    assert!(bare_fixes(&[r]).is_empty());
}

#[test]
fn siblings_that_disagree_without_a_reason_are_caught() {
    let mut s3 = row("s3", "BadDigest", "BadDigest");
    let mut r2 = row("r2", "10037", "BadDigest");
    r2.retry = "backoff".into();
    assert_eq!(disagreeing_kinds(&[s3.clone(), r2.clone()]).len(), 1);
    r2.notes = vec!["Retry: R2 also sends this when the body was cut in transit.".into()];
    assert!(disagreeing_kinds(&[s3.clone(), r2]).is_empty());
    // A documented family: two Workers daily-limit pages.
    let mut a = row("cloudflare", "1025", "Please check back later");
    let mut b = row(
        "cloudflare",
        "1027",
        "Worker exceeded free tier daily request limit",
    );
    a.product = Some("edge".into());
    b.product = Some("edge".into());
    a.class = "server".into();
    a.retry = "backoff".into();
    assert_eq!(disagreeing_kinds(&[a, b]).len(), 1);
    // And one status among Discord's JSON codes.
    s3.catalog = "discord".into();
    s3.status = Some(404);
    let mut other = s3.clone();
    other.code = "10002".into();
    other.name = "Other".into();
    other.retry = "now".into();
    assert_eq!(disagreeing_kinds(&[s3, other]).len(), 1);
}

#[test]
fn retry_advice_against_the_fix_is_caught() {
    let table: &[(&str, &str, &str, bool)] = &[
        (
            "client",
            "now",
            "Fix the payload's op field, then reconnect.",
            true,
        ),
        (
            "client",
            "now",
            "Identify once per connection; do not reconnect with the same token.",
            true,
        ),
        (
            "client",
            "backoff",
            "Slow down to 120 events a minute, then reconnect.",
            false,
        ),
        (
            "client",
            "now",
            "Wait retry_after seconds before sending again.",
            true,
        ),
        (
            "success",
            "now",
            "Ask again after the retry_after seconds given in the body.",
            true,
        ),
        ("client", "no", "Retry later, with backoff.", true),
        (
            "client",
            "backoff",
            "Check the user ids and the bot's Ban Members permission, then retry.",
            true,
        ),
        (
            "network",
            "no",
            "Point --cacert at the bundle the server's chain needs.",
            true,
        ),
        (
            "server",
            "backoff",
            "Retry with backoff; if it persists, check the origin's logs.",
            false,
        ),
    ];
    for &(class, retry, fix, bad) in table {
        let mut r = row("discord", "4001", "Rate limited");
        r.class = class.into();
        r.retry = retry.into();
        r.fix = fix.into();
        let got = retry_against_fix(std::slice::from_ref(&r));
        assert_eq!(!got.is_empty(), bad, "{class}/{retry} {fix:?}: {got:?}");
    }
    // A client error retried for no stated reason.
    let mut r = row("discord", "500000", "Failed to ban users");
    r.retry = "backoff".into();
    r.fix = "Retry with backoff; the ban may go through a second time.".into();
    assert_eq!(retry_against_fix(std::slice::from_ref(&r)).len(), 1);
    r.notes = vec!["Retry: a bulk ban can fail part way on Discord's side.".into()];
    assert!(retry_against_fix(&[r]).is_empty());
}

#[test]
fn a_curl_entry_that_speaks_of_curl_for_other_clients_is_caught() {
    let mut r = row("curl", "60", "CURLE_PEER_FAILED_VERIFICATION");
    r.meaning = "curl could not verify the server's certificate.".into();
    r.notes = vec!["This is curl's exit code 60 (CURLE_PEER_FAILED_VERIFICATION).".into()];
    let reached: BTreeSet<String> = ["60".to_string()].into();
    assert_eq!(
        curl_entries_for_other_clients(std::slice::from_ref(&r), &reached).len(),
        1
    );
    r.meaning =
        "The server's certificate failed verification (for SSH with curl, the host key).".into();
    assert!(curl_entries_for_other_clients(std::slice::from_ref(&r), &reached).is_empty());
    r.notes.clear();
    assert_eq!(
        curl_entries_for_other_clients(std::slice::from_ref(&r), &reached).len(),
        1,
        "the note naming the curl code is required"
    );
    // An entry no other client reaches may speak of curl.
    r.meaning = "curl could not verify the server's certificate.".into();
    assert!(curl_entries_for_other_clients(&[r], &BTreeSet::new()).is_empty());
}

#[test]
fn a_cloudflare_status_without_its_page_is_caught() {
    let mut status = row("http", "522", "Connection timed out");
    status.status = Some(522);
    status.class = "server".into();
    status.retry = "backoff".into();
    status.meaning = "Cloudflare's status for a connection to the origin that timed out.".into();
    assert_eq!(
        cloudflare_pages_without_edge_entries(std::slice::from_ref(&status)).len(),
        1,
        "no edge entry"
    );
    let mut page = status.clone();
    page.catalog = "cloudflare".into();
    page.product = Some("edge".into());
    assert!(cloudflare_pages_without_edge_entries(&[status.clone(), page.clone()]).is_empty());
    page.retry = "no".into();
    assert_eq!(
        cloudflare_pages_without_edge_entries(&[status.clone(), page.clone()]).len(),
        1,
        "retry differs"
    );
    // An entry of another product with the code is not the page.
    page.retry = "backoff".into();
    page.product = Some("workers".into());
    assert_eq!(
        cloudflare_pages_without_edge_entries(&[status, page]).len(),
        1
    );
}

#[test]
fn a_source_without_an_address_is_caught() {
    let mut r = row("cloudflare", "1019", "Compute server error");
    r.catalog_source = "https://developers.cloudflare.com/support/".into();
    r.source = "Cloudflare's Workers limits page".into();
    assert_eq!(
        sources_without_an_address(std::slice::from_ref(&r)).len(),
        1
    );
    r.source = "https://developers.cloudflare.com/workers/platform/limits/".into();
    assert!(sources_without_an_address(std::slice::from_ref(&r)).is_empty());
    // A catalog made from a named document has no address to keep.
    r.catalog_source = "Artifacta API reference, errors section".into();
    r.source = r.catalog_source.clone();
    assert!(sources_without_an_address(&[r]).is_empty());
}

#[test]
fn a_missing_family_status_is_caught() {
    let mut r = row("discord", "10007", "Unknown member");
    assert_eq!(missing_statuses(std::slice::from_ref(&r)).len(), 1);
    r.status = Some(404);
    assert!(missing_statuses(std::slice::from_ref(&r)).is_empty());
    let mut edge = row("cloudflare", "1015", "You are being rate limited");
    edge.product = Some("edge".into());
    assert_eq!(missing_statuses(std::slice::from_ref(&edge)).len(), 1);
    edge.notes = vec!["Status: documented as 429; some plans show it with 503.".into()];
    assert!(missing_statuses(&[edge]).is_empty());
}
