//! User catalogs: found in the config dir and $ERREXPLAIN_CATALOGS, adding catalogs and
//! replacing entries; a broken one is one warning and the embedded catalogs keep working.

use crate::util::{catalog_in, cmd, json, run};
use std::path::Path;

const MINE: &str = r#"
[catalog]
id = "acme"
name = "ACME API"
source = "ACME internal error list"

[[entry]]
code = "ACME-42"
name = "QuotaBlown"
aliases = ["QUOTA_BLOWN"]
status = 429
class = "client"
retry = "after"
retry_after = 30
meaning = "The ACME quota is used up."
cause = "Too many calls this minute."
fix = "Wait half a minute."
"#;

const OVERRIDE: &str = r#"
[catalog]
id = "r2"
name = "Cloudflare R2"
source = "our runbook"

[[entry]]
code = "10058"
name = "TooManyRequests"
status = 429
class = "client"
retry = "after"
retry_after = 2
meaning = "Our runbook's take on R2 rate limits."
cause = "The nightly sync."
fix = "Page the storage team."
"#;

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn config_dir_catalog_adds_entries() {
    let home = tempfile::tempdir().unwrap();
    write(&home.path().join("errexplain/catalogs"), "acme.toml", MINE);
    let r = run(cmd().env("XDG_CONFIG_HOME", home.path()).arg("quota-blown"));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.contains("acme · ACME-42 · QuotaBlown · HTTP 429"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("retry    after 30 s"));
    // HOME/.config is the fallback.
    let home2 = tempfile::tempdir().unwrap();
    write(
        &home2.path().join(".config/errexplain/catalogs"),
        "acme.toml",
        MINE,
    );
    let r = run(cmd().env("HOME", home2.path()).arg("acme:ACME-42"));
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("QuotaBlown"));
    let c = json(&run(cmd()
        .env("HOME", home2.path())
        .args(["--catalogs", "--json"])));
    let acme = catalog_in(&c, "acme");
    assert_eq!(acme["embedded"], false);
    assert!(acme["origins"][0].as_str().unwrap().ends_with("acme.toml"));
}

#[test]
fn env_catalog_overrides_an_embedded_entry() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "r2-local.toml", OVERRIDE);
    let other = write(dir.path(), "acme.toml", MINE);
    let list = std::env::join_paths([&f, &other]).unwrap();
    let r = run(cmd().env("ERREXPLAIN_CATALOGS", &list).arg("10058"));
    assert!(r.stdout.contains("Our runbook's take"), "{}", r.stdout);
    assert!(
        !r.stdout.contains("R2 is rate limiting"),
        "the embedded entry is replaced"
    );
    assert!(
        r.stdout.contains("cloudflare · 10058"),
        "other catalogs are untouched"
    );
    let c = json(&run(cmd()
        .env("ERREXPLAIN_CATALOGS", &list)
        .args(["--catalogs", "--json"])));
    let r2 = catalog_in(&c, "r2");
    assert_eq!(r2["origins"].as_array().unwrap().len(), 2);
    assert_eq!(r2["entries"], 29);
}

#[test]
fn a_broken_user_catalog_warns_once_and_the_rest_works() {
    let dir = tempfile::tempdir().unwrap();
    let broken = write(
        dir.path(),
        "broken.toml",
        &MINE
            .replace("fix = \"Wait half a minute.\"\n", "")
            .replace("\"client\"", "\"whose\""),
    );
    let r = run(cmd().env("ERREXPLAIN_CATALOGS", &broken).arg("10058"));
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("r2 · 10058"));
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning: ignoring user catalog") && r.stderr.contains("broken.toml"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("entry ACME-42 (#1)"), "{}", r.stderr);
}

#[test]
fn check_catalog_names_file_entry_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.toml", MINE);
    let r = run(cmd().arg("--check-catalog").arg(&good));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("ok, 1 entries"));
    let bad = write(
        dir.path(),
        "bad.toml",
        &MINE
            .replace("fix = \"Wait half a minute.\"\n", "")
            .replace("\"client\"", "\"whose\""),
    );
    let r = run(cmd().arg("--check-catalog").arg(&bad));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("bad.toml: entry ACME-42 (#1): field `fix`: missing"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("bad.toml: entry ACME-42 (#1): field `class`"),
        "{}",
        r.stderr
    );
    let r = run(cmd()
        .arg("--check-catalog")
        .arg(dir.path().join("missing.toml")));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("cannot open"));
    // Every embedded catalog passes the same check.
    for f in std::fs::read_dir(crate::util::root().join("data")).unwrap() {
        let p = f.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            assert_eq!(
                run(cmd().arg("--check-catalog").arg(&p)).code,
                0,
                "{}",
                p.display()
            );
        }
    }
}

#[test]
fn a_catalog_that_is_no_regular_file_is_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let r = run(cmd().arg("--check-catalog").arg(&fifo));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
    let r = run(cmd().env("ERREXPLAIN_CATALOGS", &fifo).arg("10058"));
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("r2 · 10058"));
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
    let r = run(cmd().arg("--check-catalog").arg(dir.path()));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
}

#[test]
fn check_catalog_warns_about_style_and_passes() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"
[catalog]
id = "styled"
name = "Styled"
source = "our wiki (seed 7) export.tsv"

[[entry]]
code = "S-1"
name = "A very long message that was cut..."
class = "client"
retry = "no"
message = "The widget was not found"
meaning = "The widget was not found."
cause = "Deleted."
fix = "Create it."
"#;
    let p = write(dir.path(), "styled.toml", text);
    let r = run(cmd().arg("--check-catalog").arg(&p));
    assert_eq!(r.code, 0, "style is a warning, not an error: {}", r.stderr);
    assert!(
        r.stdout.contains("ok, 1 entries (3 style warnings)"),
        "{}",
        r.stdout
    );
    for field in ["`name`", "`meaning`", "`catalog.source`"] {
        assert!(r.stderr.contains(field), "{field} in {}", r.stderr);
    }
    // Facts stay errors.
    let broken = text.replace("class = \"client\"", "class = \"clientish\"");
    let p = write(dir.path(), "broken.toml", &broken);
    let r = run(cmd().arg("--check-catalog").arg(&p));
    assert_eq!(r.code, 1);
}

#[test]
fn catalog_warnings_name_each_path_once_and_respect_quiet() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.toml", MINE);
    write(dir.path(), "b.toml", MINE);
    write(dir.path(), "c.toml", "bad = [");
    let list = format!("{}:/nonexistent/errexplain-cats", dir.path().display());
    let r = run(cmd()
        .env("ERREXPLAIN_CATALOGS", &list)
        .args(["--format", "line", "ACME-42"]));
    assert!(r.stdout.starts_with("acme\tACME-42\t"), "{}", r.stdout);
    assert!(
        r.stderr
            .contains("/nonexistent/errexplain-cats, which does not exist"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("both have the id \"acme\""),
        "{}",
        r.stderr
    );
    let bad = r
        .stderr
        .lines()
        .find(|l| l.contains("c.toml"))
        .expect("the broken file is named");
    assert_eq!(bad.matches("c.toml").count(), 1, "the path once: {bad}");
    let r = run(cmd()
        .env("ERREXPLAIN_CATALOGS", &list)
        .args(["-q", "ACME-42"]));
    assert_eq!((r.stdout.as_str(), r.stderr.as_str()), ("", ""));
}

#[test]
fn every_unknown_field_is_reported_and_syntax_errors_draw_a_caret() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "typos.toml",
        &MINE
            .replace("name = \"ACME API\"", "name = \"ACME API\"\nowner = \"me\"")
            .replace(
                "fix = \"Wait half a minute.\"",
                "fix = \"Wait.\"\nsevrity = 2\nhint = \"x\"",
            )
            .replace("\"client\"", "\"whose\""),
    );
    let r = run(cmd().arg("--check-catalog").arg(&bad));
    assert_eq!(r.code, 1);
    for want in [
        "typos.toml: field `catalog.owner`: unknown field",
        "typos.toml: entry ACME-42 (#1): field `sevrity`: unknown field",
        "typos.toml: entry ACME-42 (#1): field `hint`: unknown field",
        "typos.toml: entry ACME-42 (#1): field `class`",
    ] {
        assert!(r.stderr.contains(want), "{want}\n{}", r.stderr);
    }
    // A syntax error: where and what, on one line, as a warning when the file is found
    // through the environment (and nothing under -q); --check-catalog adds the caret
    // diagram on lines of its own.
    let broken = write(
        dir.path(),
        "broken.toml",
        "[catalog]\nid = \"acme\nname = \"A\"\n",
    );
    let r = run(cmd().env("ERREXPLAIN_CATALOGS", &broken).arg("10058"));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", r.stderr);
    assert!(
        lines[0].contains("broken.toml") && lines[0].contains("line 2, column 11"),
        "{}",
        r.stderr
    );
    let r = run(cmd().arg("--check-catalog").arg(&broken));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert!(lines[0].contains("line 2, column 11"), "{}", r.stderr);
    assert_eq!(
        &lines[1..4],
        ["   |", " 2 | id = \"acme", "   |           ^"],
        "{}",
        r.stderr
    );
    let r = run(cmd()
        .env("ERREXPLAIN_CATALOGS", &broken)
        .args(["-q", "10058"]));
    assert_eq!(r.stderr, "");
}

const PHRASEBOOK: &str = r#"
[phrasebook]
name = "Our SDK"

[[phrases]]
catalog = "acme"
client = "acme-sdk"
source = "https://acme.example/sdk/errors"
kind = "name"
phrases = [["ACME-42", "AcmeQuotaExceededError"]]

[[phrases]]
catalog = "discord"
client = "acme-bot"
source = "https://acme.example/bot/errors"
kind = "message"
phrases = [["50013", "the bot may not do that here"]]
"#;

#[test]
fn a_user_phrasebook_is_checked_and_its_phrasings_found() {
    let dir = tempfile::tempdir().unwrap();
    let mine = write(dir.path(), "acme.toml", MINE);
    let book = write(dir.path(), "zz-book.toml", PHRASEBOOK);
    // Checked alone, a phrasing of a user entry names nothing built in: an error, named.
    let r = run(cmd().arg("--check-catalog").arg(&book));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("phrases #1: field `phrases`: acme:ACME-42: no such entry"),
        "{}",
        r.stderr
    );
    // A built-in target is found; the count of phrasings is said.
    let only_discord = write(
        dir.path(),
        "discord-book.toml",
        &PHRASEBOOK
            .replace("catalog = \"acme\"", "catalog = \"discord\"")
            .replace("ACME-42", "50001"),
    );
    let r = run(cmd().arg("--check-catalog").arg(&only_discord));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.ends_with(": ok, 0 entries, 2 phrasings\n"),
        "{}",
        r.stdout
    );
    let r = json(&run(cmd()
        .args(["--json", "--check-catalog"])
        .arg(&only_discord)));
    assert_eq!(r["check"]["phrasings"], 2);
    // Loaded with the catalog it speaks of, its phrasings explain free text.
    let env = format!("{}:{}", mine.display(), book.display());
    let r = run(cmd()
        .env("ERREXPLAIN_CATALOGS", &env)
        .args(["--format", "line"])
        .write_stdin("worker 3: raised AcmeQuotaExceededError at line 9\n"));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("acme\tACME-42\tQuotaBlown\t429\tclient"),
        "{}",
        r.stdout
    );
    let r = run(cmd()
        .env("ERREXPLAIN_CATALOGS", &env)
        .args(["--format", "line"])
        .write_stdin("send failed: the bot may not do that here\n"));
    assert!(r.stdout.starts_with("discord\t50013\t"), "{}", r.stdout);
    // A phrasebook is no catalog of its own.
    let c = json(&run(cmd()
        .env("ERREXPLAIN_CATALOGS", &env)
        .args(["--catalogs", "--json"])));
    assert!(
        c["catalogs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["id"] != ""),
        "{c}"
    );
}

#[test]
fn check_catalog_reads_status_phrasings() {
    let dir = tempfile::tempdir().unwrap();
    let good = "[phrasebook]\nname = \"Our client\"\n\n[[statuses]]\nclient = \"acme-http\"\n\
                source = \"https://acme.example/http/errors\"\nplace = \"before\"\n\
                phrases = [\"Acme Client Failure\", \"Acme Server Failure\"]\n";
    let book = write(dir.path(), "statuses.toml", good);
    let r = run(cmd().arg("--check-catalog").arg(&book));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.ends_with(": ok, 0 entries, 2 phrasings\n"),
        "{}",
        r.stdout
    );
    let bad = write(
        dir.path(),
        "bad.toml",
        &good.replace("\"before\"", "\"beside\""),
    );
    let r = run(cmd().arg("--check-catalog").arg(&bad));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("statuses #1: field `place`: \"beside\" is not one of after, before"),
        "{}",
        r.stderr
    );
}
