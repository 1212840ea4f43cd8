//! Every code of every table in the source documents resolves, through the binary, in its
//! catalog, with the documented HTTP status and the exit code its class gives.

use crate::util::{cmd, json, root, run, stdin};

/// Rows of a fact table under `tests/fixtures/sources/`: `#` lines name the sources, the first
/// other line names the columns.
fn facts(file: &str) -> Vec<Vec<String>> {
    let path = root().join("tests/fixtures/sources").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').map(String::from).collect())
        .collect()
}

/// (catalog:code, documented status) pairs of the seed documents.
fn seed_codes() -> Vec<(String, Option<u64>)> {
    facts("seed-codes.tsv")
        .into_iter()
        .map(|row| (row[0].clone(), row.get(1).and_then(|s| s.parse().ok())))
        .collect()
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
    let rows = facts("reference-codes.tsv");
    let mut tables: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    tables.dedup();
    assert_eq!(
        tables.len(),
        8,
        "every reference table is represented: {tables:?}"
    );
    for table in tables {
        let queries: Vec<&str> = rows
            .iter()
            .filter(|r| r[1] == table)
            .map(|r| r[0].as_str())
            .collect();
        // One run per table: --format line prints one line per match, in order.
        let r = run(cmd().arg("--format").arg("line").args(&queries));
        assert!(r.stderr.is_empty(), "{table}: {}", r.stderr);
        for q in &queries {
            let (catalog, code) = q.split_once(':').unwrap();
            // The Cloudflare API's R2 rows are answered by the r2 catalog (one fact, one entry).
            assert!(
                r.stdout.lines().any(|l| {
                    l.starts_with(&format!("{catalog}\t{code}\t"))
                        || catalog == "cloudflare" && l.starts_with(&format!("r2\t{code}\t"))
                }),
                "{table}: {q}"
            );
        }
    }
}
