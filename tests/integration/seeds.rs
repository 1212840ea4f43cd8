//! Every code of every table in the source documents resolves, through the binary, in its
//! catalog, with the documented HTTP status and the exit code its class gives.

use crate::util::{cmd, json, run, shared, stdin};

fn seed(prefix: &str) -> String {
    let dir = shared().join("seeds");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix}"));
    std::fs::read_to_string(path).unwrap()
}

/// (catalog:code, documented status) pairs.
fn seed_codes() -> Vec<(String, Option<u64>)> {
    let mut out = Vec::new();
    // 000: | NAME | number | description |
    for l in seed("000")
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains("| 10"))
    {
        let cols: Vec<&str> = l.split('|').map(str::trim).collect();
        out.push((format!("cf-artifacts:{}", cols[2]), None));
        out.push((format!("cf-artifacts:{}", cols[1].replace('\\', "")), None));
    }
    // 001: "code<status>meaning..." rows, SDK exception rows, CLI exit codes.
    let s = seed("001");
    for l in s.lines() {
        let code: String = l
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        let rest = &l[code.len()..];
        if !code.is_empty() && rest.len() > 3 && rest[..3].chars().all(|c| c.is_ascii_digit()) {
            out.push((format!("artifacta:{code}"), rest[..3].parse().ok()));
        }
        // "SessionSealedErrorsession_sealed": the exception name runs to the first "Error".
        if let (true, Some(i)) = (
            l.starts_with(|c: char| c.is_ascii_uppercase()),
            l.find("Error"),
        ) {
            if l[..i].chars().all(|c| c.is_ascii_alphanumeric()) && i > 0 {
                out.push((format!("artifacta:{}", &l[..i + 5]), None));
            }
        }
    }
    for n in 0..=3 {
        out.push((format!("artifacta:exit-{n}"), None));
    }
    // 002: "code | status | ..." rows.
    for l in seed("002").lines() {
        let cols: Vec<&str> = l.split('|').map(str::trim).collect();
        if cols.len() >= 3
            && cols[1].len() == 3
            && cols[1].chars().all(|c| c.is_ascii_digit())
            && !cols[0].is_empty()
        {
            out.push((format!("workspaces:{}", cols[0]), cols[1].parse().ok()));
        }
    }
    // 003: | number | S3 code | status |
    for l in seed("003").lines().filter(|l| l.starts_with("| 10")) {
        let cols: Vec<&str> = l.split('|').map(str::trim).collect();
        out.push((format!("r2:{}", cols[1]), cols[3].parse().ok()));
        out.push((format!("r2:{}", cols[2]), None));
    }
    // 004: | 200 (OK) | ... |
    for l in seed("004")
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains(" ("))
    {
        let code = l[2..].split(' ').next().unwrap();
        if code.len() == 3 {
            out.push((
                format!("discord:{code}"),
                code.parse().ok().filter(|_| code != "5xx"),
            ));
        }
    }
    out
}

#[test]
fn every_seed_code_resolves_with_its_status_and_exit_code() {
    let codes = seed_codes();
    assert!(
        codes.len() > 130,
        "the seed tables were read: {}",
        codes.len()
    );
    for (q, status) in codes {
        let r = run(cmd().args(["--json", &q]));
        let doc = json(&r);
        let m = &doc["results"][0]["findings"][0]["matches"][0];
        assert_eq!(
            m["catalog"],
            q.split(':').next().unwrap(),
            "{q}: {}",
            r.stdout
        );
        if let Some(s) = status {
            let statuses: Vec<u64> = doc["results"][0]["findings"][0]["matches"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|m| m["status"].as_u64())
                .collect();
            assert!(statuses.contains(&s), "{q}: status {s} in {statuses:?}");
        }
        let class = m["class"].as_str().unwrap();
        let want = ["success", "client", "server", "network"]
            .iter()
            .position(|c| *c == class)
            .unwrap() as i32;
        assert_eq!(r.code, want, "{q}");
    }
}

#[test]
fn workspaces_symptoms_resolve_from_their_message_text() {
    let rows = [
        ("path /mnt/work is already a mount point", "already_mounted"),
        ("BYO mode requires ARTIFACTS_S3_ACCESS_KEY_ID and ARTIFACTS_S3_SECRET_ACCESS_KEY", "byo_credentials_missing"),
        ("byo_env requires ARTIFACTS_S3_ACCESS_KEY_ID and ARTIFACTS_S3_SECRET_ACCESS_KEY (set them in the environment or run `artifacts storage set`)", "byo_env_credentials_missing"),
        ("Object storage test failed: list: AccessDenied", "byo_access_denied"),
        ("Object storage test failed: head: NoSuchBucket", "byo_no_such_bucket"),
        ("Object storage test failed: put: SignatureDoesNotMatch", "byo_signature_does_not_match"),
        ("Object storage test failed: put: InvalidAccessKeyId", "byo_invalid_access_key_id"),
        ("Object storage test failed: put: InvalidAccessKeyId", "managed_invalid_access_key_id"),
        ("internal_error with managed_provisioning_failed: timeout", "managed_provisioning_failed"),
        ("internal_error with managed_storage is malformed; delete + recreate", "managed_storage_malformed"),
    ];
    for (text, code) in rows {
        let doc = json(&stdin(&["--json"], text));
        let codes: Vec<String> = doc["results"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["matches"][0]["code"].as_str().map(String::from))
            .collect();
        assert!(codes.contains(&code.to_string()), "{text}: {codes:?}");
    }
}

/// Every row of the reference tables resolves in its catalog.
#[test]
fn every_reference_row_resolves() {
    let tables = [
        ("discord-json-codes.tsv", "discord", 0),
        ("s3-error-codes.tsv", "s3", 0),
        ("http-status.tsv", "http", 0),
        ("curl-exit-codes.tsv", "curl", 0),
        ("cloudflare-v4-codes.tsv", "cloudflare", 0),
        ("cloudflare-1xxx-errors.tsv", "cloudflare", 0),
        ("discord-http-codes.tsv", "discord", 1),
        ("discord-close-codes.tsv", "discord", 1),
    ];
    for (file, catalog, col) in tables {
        let text = std::fs::read_to_string(shared().join("reference").join(file)).unwrap();
        let mut queries: Vec<String> = text
            .lines()
            .skip(2)
            .filter(|l| !l.trim().is_empty())
            .filter(|l| col == 0 || l.starts_with("http_status") || file.contains("close"))
            .map(|l| format!("{catalog}:{}", l.split('\t').nth(col).unwrap()))
            .collect();
        queries.sort();
        queries.dedup();
        // One run per table: --format line prints one line per match, in order.
        let r = run(cmd().arg("--format").arg("line").args(&queries));
        assert!(r.stderr.is_empty(), "{file}: {}", r.stderr);
        for q in &queries {
            let code = q.split_once(':').unwrap().1;
            assert!(
                r.stdout
                    .lines()
                    .any(|l| l.starts_with(&format!("{catalog}\t{code}\t"))),
                "{file}: {q}"
            );
        }
    }
}
