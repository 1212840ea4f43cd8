//! Invariants over data/ (tidy-style), and lookup, status, search and suggestion tables.

use super::schema;
use super::*;
use crate::lexicon::normalize;
use std::path::{Path, PathBuf};

fn data_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("data/ exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    v.sort();
    v
}

#[test]
fn every_data_file_keeps_every_rule() {
    let files = data_files();
    assert_eq!(files.len(), 10, "one file per catalog: {files:?}");
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable");
        let cat = schema::parse(&f.display().to_string(), &text).expect("parses");
        let problems = schema::validate(&f.display().to_string(), &cat);
        assert!(problems.is_empty(), "{problems:#?}");
    }
}

#[test]
fn every_data_file_is_embedded_under_its_id() {
    let ids: Vec<&str> = CATALOGS.iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        [
            "cf-artifacts",
            "artifacta",
            "workspaces",
            "r2",
            "curl",
            "discord",
            "s3",
            "http",
            "os",
            "cloudflare"
        ]
    );
    let mut total = 0;
    for f in data_files() {
        let text = std::fs::read_to_string(&f).expect("readable");
        let cat = schema::parse("x", &text).expect("parses");
        let id = cat.catalog.as_ref().and_then(|m| m.id.clone()).expect("id");
        let reg = Registry::embedded();
        assert_eq!(reg.count(&id), cat.entry.len(), "{id}");
        total += cat.entry.len();
    }
    assert_eq!(EMBEDDED, total);
}

fn problems_of(toml: &str) -> Vec<String> {
    match schema::parse_all("broken.toml", toml) {
        Err(p) => vec![p.to_string()],
        Ok((cat, unknown)) => unknown
            .iter()
            .chain(&schema::validate("broken.toml", &cat))
            .map(ToString::to_string)
            .collect(),
    }
}

const GOOD_HEAD: &str = "[catalog]\nid = \"mine\"\nname = \"Mine\"\nsource = \"here\"\n";
const GOOD_ENTRY: &str = "[[entry]]\ncode = \"E1\"\nname = \"One\"\nclass = \"client\"\nretry = \"no\"\nmeaning = \"m\"\ncause = \"c\"\nfix = \"f\"\n";

#[test]
fn syntax_errors_draw_a_caret_under_the_place_and_quote_little() {
    for (text, line, shown, caret) in [
        // The caret under the column, on lines of its own.
        (
            "[catalog]\nid = \"x\nname = \"n\"\n",
            " 2 | id = \"x",
            "   |        ^",
        ),
        // Past the quoted start of a long line, the caret stands after the cut.
        (
            "[catalog]\nsecret_looking_key_that_is_long = = 1\n",
            " 2 | secret_looki…",
            "   |             ^",
        ),
    ]
    .map(|(t, s, c)| (t, 2, s, c))
    {
        let p = schema::parse("b.toml", text).expect_err("a syntax error");
        let lines: Vec<&str> = p.message.lines().collect();
        assert!(
            lines[0].starts_with(&format!("line {line}, column ")),
            "{lines:?}"
        );
        assert_eq!(lines[1], "   |");
        assert_eq!(lines[2], shown, "{lines:?}");
        assert_eq!(lines[3], caret, "{lines:?}");
        assert!(!p.message.contains("that_is_long"), "{}", p.message);
    }
}

#[test]
fn a_good_file_has_no_problems() {
    assert_eq!(
        problems_of(&format!("{GOOD_HEAD}{GOOD_ENTRY}")),
        Vec::<String>::new()
    );
}

#[test]
fn broken_files_name_file_entry_and_field() {
    let table: &[(&str, &str)] = &[
        (
            &GOOD_ENTRY.replace("fix = \"f\"\n", ""),
            "broken.toml: entry E1 (#1): field `fix`: missing",
        ),
        (
            &GOOD_ENTRY.replace("\"client\"", "\"oops\""),
            "entry E1 (#1): field `class`: \"oops\" is not one of",
        ),
        (
            &GOOD_ENTRY.replace("\"no\"", "\"later\""),
            "entry E1 (#1): field `retry`: \"later\" is not one of",
        ),
        (
            &GOOD_ENTRY.replace("\"no\"", "\"after\""),
            "entry E1 (#1): field `retry_after`: required",
        ),
        (
            &format!("{GOOD_ENTRY}retry_after = 5\n"),
            "field `retry_after`: only allowed",
        ),
        (
            &format!("{GOOD_ENTRY}status = 999\n"),
            "field `status`: 999 is not an HTTP status",
        ),
        (
            &GOOD_ENTRY.replace("\"E1\"", "\"a:b\""),
            "field `code`: must not contain",
        ),
        (
            &GOOD_ENTRY.replace("meaning = \"m\"", "meaning = \"  \""),
            "field `meaning`: empty",
        ),
        (
            &GOOD_ENTRY.replace("meaning = \"m\"", "meaning = \"a\\u001b[31m\""),
            "field `meaning`: contains a control character",
        ),
        (
            &format!("{GOOD_ENTRY}{}", GOOD_ENTRY.replace("\"E1\"", "\"e-1\"")),
            "entry E1 (#1, #2): field `code`: code repeats",
        ),
        (
            &format!("{GOOD_ENTRY}duplicate = \"why\"\n"),
            "field `duplicate`: marked as a deliberate duplicate, but the code is unique",
        ),
        (
            &format!("{GOOD_ENTRY}message = \"m\"\nmessage_kind = \"guess\"\n"),
            "field `message_kind`: \"guess\" is not one of official, description",
        ),
        (
            &format!("{GOOD_ENTRY}message_kind = \"official\"\n"),
            "field `message_kind`: there is no message",
        ),
        (
            &format!("{GOOD_ENTRY}colour = \"red\"\n"),
            "broken.toml: entry E1 (#1): field `colour`: unknown field",
        ),
        ("[[entry]]\ncode = \"x", "field `(syntax)`"),
    ];
    for (entry, want) in table {
        let got = problems_of(&format!("{GOOD_HEAD}{entry}"));
        assert!(
            got.iter().any(|p| p.contains(want)),
            "want {want:?} in {got:#?}"
        );
    }
    // One unknown field does not hide the others, nor the other problems.
    let got = problems_of(&format!(
        "{}colour = 1\n{GOOD_ENTRY}sevrity = 2\n{}extra = 3\n",
        GOOD_HEAD,
        GOOD_ENTRY
            .replace("\"E1\"", "\"E2\"")
            .replace("\"client\"", "\"clint\"")
    ));
    for want in [
        "broken.toml: field `catalog.colour`: unknown field",
        "entry E1 (#1): field `sevrity`: unknown field",
        "entry E2 (#2): field `extra`: unknown field",
        "entry E2 (#2): field `class`: \"clint\" is not one of",
    ] {
        assert!(
            got.iter().any(|p| p.contains(want)),
            "want {want:?} in {got:#?}"
        );
    }
    // An unknown field's name is quoted bounded, however long it is in the file.
    let long = "k".repeat(10_000);
    let got = problems_of(&format!("{GOOD_HEAD}{GOOD_ENTRY}{long} = 1\n"));
    assert!(got.iter().all(|p| p.len() < 200), "{}", got[0].len());
    assert!(got.iter().any(|p| p.contains("unknown field")));
    let no_head = problems_of(GOOD_ENTRY);
    assert!(
        no_head.iter().any(|p| p.contains("field `catalog`")),
        "{no_head:?}"
    );
    let bad_id = problems_of(&format!(
        "{}{GOOD_ENTRY}",
        GOOD_HEAD.replace("mine", "My Cat")
    ));
    assert!(
        bad_id.iter().any(|p| p.contains("field `catalog.id`")),
        "{bad_id:?}"
    );
}

#[test]
fn marked_duplicates_are_allowed() {
    let two = format!(
        "{GOOD_ENTRY}duplicate = \"two meanings\"\n{GOOD_ENTRY}duplicate = \"two meanings\"\n"
    );
    assert_eq!(
        problems_of(&format!("{GOOD_HEAD}{two}")),
        Vec::<String>::new()
    );
    // The same code in two products is not a duplicate.
    let products = format!("{GOOD_ENTRY}product = \"a\"\n{GOOD_ENTRY}product = \"b\"\n");
    assert_eq!(
        problems_of(&format!("{GOOD_HEAD}{products}")),
        Vec::<String>::new()
    );
}

fn found(reg: &Registry, key: &str) -> Vec<String> {
    reg.lookup(&normalize(key))
        .iter()
        .map(|(e, _)| e.qualified())
        .collect()
}

#[test]
fn lookup_table() {
    let reg = Registry::embedded();
    let table: &[(&str, &[&str])] = &[
        ("10058", &["r2:10058", "cloudflare:10058"]),
        ("10012", &["r2:10012", "discord:10012"]),
        ("InvalidPart", &["r2:10025", "r2:10048", "s3:InvalidPart"]),
        ("nosuchkey", &["r2:10007", "s3:NoSuchKey"]),
        ("SessionSealedError", &["artifacta:session_sealed"]),
        ("already-exists", &["cf-artifacts:10201"]),
        ("ALREADY_EXISTS", &["cf-artifacts:10201"]),
        ("10201", &["cf-artifacts:10201"]),
        (
            "invalid_request",
            &["artifacta:invalid_request", "workspaces:invalid_request"],
        ),
        ("CURLE_COULDNT_RESOLVE_HOST", &["curl:6"]),
        ("429", &["http:429", "discord:429"]),
        ("5xx", &["discord:5xx"]),
    ];
    for (key, want) in table {
        let got = found(&reg, key);
        for w in *want {
            assert!(got.contains(&w.to_string()), "{key}: want {w} in {got:?}");
        }
    }
    assert!(found(&reg, "nosuchthing").is_empty());
}

#[test]
fn lookup_reports_how_it_matched() {
    let reg = Registry::embedded();
    let hits = reg.lookup("sessionsealederror");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].1, MatchKind::Alias);
    // R2's code 10058 is also the Windows socket error number of WSAESHUTDOWN, an alias.
    let hits: Vec<(String, MatchKind)> = reg
        .lookup("10058")
        .iter()
        .map(|(e, k)| (e.qualified(), *k))
        .collect();
    assert!(
        hits.contains(&("r2:10058".into(), MatchKind::Code)),
        "{hits:?}"
    );
    assert!(
        hits.contains(&("os:ESHUTDOWN".into(), MatchKind::Alias)),
        "{hits:?}"
    );
}

#[test]
fn status_index() {
    let reg = Registry::embedded();
    let with_429: Vec<String> = reg.by_status(429).iter().map(|e| e.qualified()).collect();
    for want in [
        "http:429",
        "r2:10058",
        "artifacta:rate_limited",
        "discord:40062",
    ] {
        assert!(
            with_429.contains(&want.to_string()),
            "{want} in {with_429:?}"
        );
    }
    assert!(reg.by_status(429).iter().all(|e| e.status == Some(429)));
    assert!(reg.by_status(299).is_empty());
}

#[test]
fn search_needs_every_word() {
    let reg = Registry::embedded();
    let hits: Vec<String> = reg
        .search(&["metadata".into(), "8,192".into()])
        .iter()
        .map(|e| e.qualified())
        .collect();
    assert!(hits.contains(&"r2:10012".to_string()), "{hits:?}");
    assert!(reg
        .search(&["metadata".into(), "zzzzqqq".into()])
        .is_empty());
    assert!(reg.search(&["RATE LIMIT".into()]).len() >= 5);
}

#[test]
fn suggestions_are_close() {
    let reg = Registry::embedded();
    let table = [
        ("NoSuchKy", "NoSuchKey"),
        ("ALREADY_EXIST", "ALREADY_EXISTS"),
        ("SlowDowm", "SlowDown"),
    ];
    for (typo, want) in table {
        let got = reg.suggest(typo);
        assert!(got.len() <= 3);
        assert!(got.iter().any(|s| s == want), "{typo}: {got:?}");
    }
    assert!(reg.suggest("").is_empty());
}

#[test]
fn patterns_match_in_order_with_gaps() {
    let reg = Registry::embedded();
    let hits: Vec<String> = reg
        .by_pattern("Error: Object storage test failed: PutObject: operation error S3: AccessDenied: Access Denied", None)
        .iter()
        .map(|e| e.qualified())
        .collect();
    assert_eq!(hits, ["workspaces:byo_access_denied"]);
    assert!(reg
        .by_pattern("AccessDenied before Object storage test failed", None)
        .is_empty());
}

#[test]
fn classes_follow_the_data() {
    let reg = Registry::embedded();
    let class = |q: &str| {
        reg.lookup(&normalize(q.split_once(':').map_or(q, |x| x.1)))
            .into_iter()
            .find(|(e, _)| q.split_once(':').is_none_or(|(c, _)| e.catalog == c))
            .map(|(e, _)| e.class)
    };
    assert_eq!(
        class("r2:10054"),
        Some(Class::Network),
        "ClientDisconnect is a network problem"
    );
    assert_eq!(
        class("s3:PermanentRedirect"),
        Some(Class::Client),
        "a 301 that is the caller's to fix"
    );
    assert_eq!(class("http:500"), Some(Class::Server));
    assert_eq!(class("http:200"), Some(Class::Success));
    assert_eq!(class("curl:6"), Some(Class::Network));
    let retried: Vec<_> = (0..EMBEDDED)
        .map(embedded_entry)
        .filter(|e| e.catalog == "discord" && ["502", "504", "5xx"].contains(&e.code))
        .collect();
    assert_eq!(retried.len(), 3);
    for e in retried {
        assert_eq!(e.retry, Retry::Backoff, "{}", e.code);
    }
}

#[test]
fn built_in_catalogs_have_no_style_problems() {
    let mut all = Vec::new();
    for f in data_files() {
        let text = std::fs::read_to_string(&f).expect("readable");
        let cat = schema::parse(&f.display().to_string(), &text).expect("parses");
        all.extend(schema::style(&f.display().to_string(), &cat));
    }
    let shown: Vec<String> = all.iter().map(ToString::to_string).collect();
    assert!(
        all.is_empty(),
        "{} style problems:\n{}",
        all.len(),
        shown.join("\n")
    );
}

#[test]
fn style_rules_catch_each_class_of_problem() {
    let text = r#"
[catalog]
id = "t"
name = "T"
source = "internal (seed 001)"

[[entry]]
code = "A"
name = "Something went wrong in a very long..."
class = "success"
retry = "backoff"
message = "The object was not found"
meaning = "The object was not found."
cause = "same"
fix = "same fix"
source = "tables @ 1234567 x.tsv"

[[entry]]
code = "B"
name = "B"
class = "client"
retry = "no"
meaning = "A error of an bucket."
cause = "same"
fix = "same fix"

[[entry]]
code = "C"
name = "C"
class = "client"
retry = "no"
meaning = "A user with an HTTP client, a NAT and an S3 key."
cause = "same"
fix = "same fix"

[[entry]]
code = "D"
name = "D"
class = "client"
retry = "no"
meaning = "m"
cause = "same"
fix = "same fix"
"#;
    let cat = schema::parse("t.toml", text).expect("parses");
    let problems = schema::style("t.toml", &cat);
    let fields: Vec<(Option<&str>, &str)> = problems
        .iter()
        .map(|p| (p.entry.as_deref(), p.field.as_str()))
        .collect();
    for want in [
        (None, "catalog.source"),
        (Some("A"), "name"),
        (Some("A"), "meaning"),
        (Some("A"), "source"),
        (Some("A"), "retry"),
        (Some("A"), "cause"),
        (Some("D"), "fix"),
        (Some("B"), "meaning"),
    ] {
        assert!(fields.contains(&want), "{want:?} in {fields:?}");
    }
    // "a user", "an HTTP", "an S3" are right.
    assert!(!fields.contains(&(Some("C"), "meaning")), "{fields:?}");
}

#[test]
fn descriptions_are_marked_apart_from_official_messages() {
    let reg = Registry::embedded();
    let entry = |catalog: &str, code: &str| {
        reg.entries()
            .find(|e| e.catalog == catalog && e.code == code)
            .unwrap_or_else(|| panic!("{catalog}:{code}"))
    };
    // Sources that describe rather than quote: Discord's HTTP and close-code tables, S3's
    // description column, the titles of Cloudflare's edge error pages.
    for (catalog, code, described) in [
        ("discord", "200", true),
        ("discord", "4004", true),
        ("discord", "50035", true),
        ("discord", "50013", false),
        ("s3", "SlowDown", true),
        ("s3", "NoSuchKey", false),
        ("cloudflare", "1020", true),
        ("cloudflare", "10000", false),
        ("curl", "6", false),
        ("http", "404", false),
        ("r2", "10058", false),
    ] {
        let e = entry(catalog, code);
        assert!(e.message.is_some(), "{catalog}:{code}");
        assert_eq!(e.described, described, "{catalog}:{code}");
    }
    // Every catalog whose source only describes errors marks at least its description rows.
    let described = |c: &str| {
        reg.entries()
            .filter(|e| e.catalog == c && e.described)
            .count()
    };
    assert!(described("discord") >= 52 && described("cloudflare") >= 40 && described("s3") >= 69);
    assert_eq!(described("curl") + described("http") + described("r2"), 0);
}

#[test]
fn built_in_patterns_are_ascii_so_their_prefilter_is_exact() {
    // `by_pattern` skips texts where no pattern's first part occurs, compared ignoring ASCII
    // case only: a non-ASCII letter in a pattern could differ in case and be missed.
    let reg = Registry::embedded();
    let mut n = 0;
    for e in reg.entries().filter(|e| !e.user) {
        for p in e.patterns {
            assert!(p.is_ascii(), "{}: {p}", e.qualified());
            // A first part to look for (an empty one would match everywhere).
            assert!(!p.starts_with("..."), "{}: {p}", e.qualified());
            n += 1;
            // Found in any casing the text may use.
            let text = format!("log: {}", p.replace("...", " then ").to_uppercase());
            assert!(
                reg.by_pattern(&text, None)
                    .iter()
                    .any(|m| std::ptr::eq(*m, e)),
                "{}: {text}",
                e.qualified()
            );
        }
    }
    assert!(n > 0);
    assert!(reg.by_pattern("INFO all good", None).is_empty());
    // Told by the readers' pass that no first part occurs, nothing is searched.
    let text = "Error: Object storage test failed: x: AccessDenied";
    assert!(!reg.by_pattern(text, None).is_empty());
    assert!(reg.by_pattern(text, Some(false)).is_empty());
}

#[test]
fn the_table_of_pattern_starts_follows_the_entries() {
    let from_entries: Vec<&str> = Registry::embedded()
        .entries()
        .flat_map(|e| e.patterns.iter())
        .map(|p| p.split("...").next().unwrap_or(""))
        .collect();
    assert!(from_entries.len() > 10);
    assert_eq!(crate::lexicon::pattern_starts(), from_entries);
}

#[test]
fn status_phrasing_groups_are_checked() {
    let good = "[phrasebook]\nname = \"Clients\"\n\n[[statuses]]\nclient = \"lib\"\n\
                source = \"https://example.com/lib/errors\"\nplace = \"before\"\n\
                says = \"SDK message\"\nhint = \"s3\"\nphrases = [\"Client Error\"]\n";
    assert_eq!(problems_of(good), Vec::<String>::new());
    let table: &[(&str, &str, &str)] = &[
        (
            "client = \"lib\"\n",
            "",
            "statuses #1: field `client`: missing",
        ),
        (
            "\"https://example.com/lib/errors\"",
            "\"our notes\"",
            "statuses #1: field `source`: give the public address",
        ),
        (
            "\"before\"",
            "\"beside\"",
            "statuses #1: field `place`: \"beside\" is not one of after, before",
        ),
        (
            "\"SDK message\"",
            "\"the log\"",
            "statuses #1: field `says`: \"the log\" is not one of",
        ),
        (
            "\"s3\"",
            "\"S3!\"",
            "statuses #1: field `hint`: not a catalog id",
        ),
        (
            "[\"Client Error\"]",
            "[]",
            "statuses #1: field `phrases`: the group has no phrases",
        ),
        (
            "[\"Client Error\"]",
            "[\"a: \"]",
            "statuses #1: field `phrases`: \"a: \": empty, too long, too short",
        ),
        (
            "[\"Client Error\"]",
            "[\"Client\\tError\"]",
            "with a control character",
        ),
    ];
    for (from, to, want) in table {
        let problems = problems_of(&good.replace(from, to));
        assert!(
            problems.iter().any(|p| p.contains(want)),
            "{from} -> {to}: {problems:?}"
        );
    }
}

#[test]
fn no_response_phrasing_groups_are_checked() {
    let good = "[phrasebook]\nname = \"Browsers\"\n\n[[no_response]]\nclient = \"Chrome\"\n\
                source = \"https://example.com/chrome/fetch\"\nphrases = [\"Failed to fetch\"]\n";
    assert_eq!(problems_of(good), Vec::<String>::new());
    let table: &[(&str, &str, &str)] = &[
        (
            "client = \"Chrome\"\n",
            "",
            "no_response #1: field `client`: missing",
        ),
        (
            "\"https://example.com/chrome/fetch\"",
            "\"seen in a log\"",
            "no_response #1: field `source`: give the public address",
        ),
        (
            "[\"Failed to fetch\"]",
            "[]",
            "no_response #1: field `phrases`: the group has no phrases",
        ),
        (
            "[\"Failed to fetch\"]",
            "[\"a b\"]",
            "no_response #1: field `phrases`: \"a b\": empty, too long, too short",
        ),
        (
            "[\"Failed to fetch\"]",
            "[\"Failed\\nto fetch\"]",
            "with a control character",
        ),
    ];
    for (from, to, want) in table {
        let problems = problems_of(&good.replace(from, to));
        assert!(
            problems.iter().any(|p| p.contains(want)),
            "{from} -> {to}: {problems:?}"
        );
    }
}

#[test]
fn an_entrys_own_message_inside_another_sentence_is_not_found() {
    let found = |text: &str| -> bool {
        super::phrases::find(text)
            .iter()
            .any(|h| h.phrase.entry.qualified() == "r2:10043")
    };
    let table: &[(&str, bool)] = &[
        ("Service is temporarily unavailable.", true),
        ("put: Service is temporarily unavailable. (10043)", true),
        ("error: service is temporarily unavailable", true),
        // A backend's sentence of its own that has the words in it.
        (
            "\"message\":\"feed service is temporarily unavailable, try again shortly\"",
            false,
        ),
        ("the feed service is temporarily unavailable", false),
    ];
    for (text, want) in table {
        assert_eq!(found(text), *want, "{text}");
    }
}
