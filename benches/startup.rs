//! Start-up and input-size benchmark: errexplain against a hello-world binary built here with
//! the same optimisation, measured in the same run, interleaved so that machine noise hits both
//! alike. Run: `cargo bench --bench startup` (results go to stdout as a Markdown table).
//!
//! Cases: a lookup (`errexplain 10058`), a 2 KB S3 XML body on standard input (both also with
//! the static release build that `scripts/dist` makes, built here), 1 MiB of log lines with no
//! error on standard input, 1 GiB of log text
//! piped in, peak RSS of a lookup, release binary size, and lookups against a 20k-entry (the per-file cap) user
//! catalog (per-lookup cost must not grow with catalog size).

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 400;

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_errexplain"))
}

fn scratch() -> PathBuf {
    let d = std::env::temp_dir().join(format!("errexplain-bench-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("scratch dir");
    d
}

fn hello(dir: &Path) -> PathBuf {
    let src = dir.join("hello.rs");
    std::fs::write(&src, "fn main() { println!(\"hello\"); }\n").expect("write hello.rs");
    let out = dir.join("hello");
    let ok = Command::new("rustc")
        .args([
            "-C",
            "opt-level=3",
            "-C",
            "panic=abort",
            "-C",
            "strip=symbols",
            "-C",
            "codegen-units=1",
            "-o",
        ])
        .arg(&out)
        .arg(&src)
        .status()
        .expect("rustc runs");
    assert!(ok.success(), "hello world builds");
    out
}

/// One run: spawn, feed stdin from a file (or nothing), wait; wall time.
fn once(program: &Path, args: &[&str], stdin: Option<&Path>, env: &[(&str, &Path)]) -> Duration {
    let mut c = Command::new(program);
    c.args(args).stdout(Stdio::null()).stderr(Stdio::null());
    c.env_remove("ERREXPLAIN_CATALOGS")
        .env("HOME", "/nonexistent");
    for (k, v) in env {
        c.env(k, v);
    }
    c.stdin(match stdin {
        Some(p) => Stdio::from(File::open(p).expect("input file")),
        None => Stdio::null(),
    });
    let t = Instant::now();
    c.status().expect("runs");
    t.elapsed()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Interleaved runs of a baseline and a candidate; medians.
fn compare(
    base: (&Path, &[&str], Option<&Path>),
    cand: (&Path, &[&str], Option<&Path>),
    env: &[(&str, &Path)],
) -> (Duration, Duration) {
    for _ in 0..30 {
        once(base.0, base.1, base.2, &[]);
        once(cand.0, cand.1, cand.2, env);
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        a.push(once(base.0, base.1, base.2, &[]));
        b.push(once(cand.0, cand.1, cand.2, env));
    }
    (median(a), median(b))
}

fn us(d: Duration) -> String {
    format!("{:.0} µs", d.as_secs_f64() * 1e6)
}

/// Peak RSS in KiB, from GNU time.
fn peak_rss(program: &Path, args: &[&str], stdin: Stdio) -> Option<u64> {
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(program)
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::null())
        .env("HOME", "/nonexistent")
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

fn s3_body(dir: &Path) -> PathBuf {
    let mut body = String::from("HTTP/1.1 404 Not Found\r\nx-amz-request-id: 4442587FB7D0A2F9\r\nServer: AmazonS3\r\nContent-Type: application/xml\r\n\r\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>");
    while body.len() < 1900 {
        body.push_str("logs/2026/11/23/part-0000.json.gz/");
    }
    body.push_str("</Key><RequestId>4442587FB7D0A2F9</RequestId><HostId>ewmvzYmgbPxU1kXQzK544DKLcVjOUuhpqfuBIP16h=</HostId></Error>\n");
    let p = dir.join("s3-2k.txt");
    std::fs::write(&p, body).expect("write body");
    p
}

/// The release build `scripts/dist` makes (static, self-contained), built here in its own target
/// directory so that both builds are measured in one run; `None` off Linux/glibc or when the
/// build fails (the reason is printed).
fn static_build() -> Option<PathBuf> {
    let vv = Command::new("rustc").arg("-vV").output().ok()?;
    let host = String::from_utf8_lossy(&vv.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))?;
    if !host.ends_with("-linux-gnu") {
        eprintln!("static build skipped: static builds are made on Linux (gnu), not {host}");
        return None;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target_dir = root.join("target").join("bench-static");
    let flags = format!(
        "{} -C target-feature=+crt-static",
        std::env::var("RUSTFLAGS").unwrap_or_default()
    );
    let ok = Command::new(env!("CARGO"))
        .args([
            "build",
            "--release",
            "--locked",
            "--bin",
            "errexplain",
            "--target",
            &host,
        ])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", &target_dir)
        .env("RUSTFLAGS", flags.trim())
        .stdout(Stdio::null())
        .status()
        .ok()?;
    if !ok.success() {
        eprintln!("static build skipped: cargo build failed");
        return None;
    }
    Some(target_dir.join(&host).join("release").join("errexplain"))
}

/// 1 MiB of ordinary log lines with no error in them (the one-shot case of a long log).
fn quiet_log(dir: &Path) -> PathBuf {
    let mut log = String::new();
    let mut i = 0usize;
    while log.len() < 1 << 20 {
        log.push_str(&format!(
            "2024-05-01T10:{:02}:{:02}Z INFO worker {} processed batch of 200 items in {} ms\n",
            i / 60 % 60,
            i % 60,
            i % 97,
            i % 50
        ));
        i += 1;
    }
    let p = dir.join("quiet-1m.log");
    std::fs::write(&p, log).expect("write log");
    p
}

fn user_catalog(dir: &Path, n: usize) -> PathBuf {
    let p = dir.join(format!("big-{n}.toml"));
    let mut f = std::io::BufWriter::new(File::create(&p).expect("catalog file"));
    writeln!(
        f,
        "[catalog]\nid = \"big\"\nname = \"Synthetic\"\nsource = \"benchmark\"\n"
    )
    .unwrap();
    for i in 0..n {
        writeln!(
            f,
            "[[entry]]\ncode = \"E{i}\"\nname = \"Synthetic{i}\"\nstatus = 400\nclass = \"client\"\nretry = \"no\"\nmeaning = \"m{i}\"\ncause = \"c\"\nfix = \"f\"\n"
        )
        .unwrap();
    }
    p
}

fn main() {
    // `cargo bench` passes --bench; nothing else is expected.
    let dir = scratch();
    let hello = hello(&dir);
    let bin = bin();
    let body = s3_body(&dir);
    println!(
        "# errexplain benchmark ({} interleaved runs per case, medians)\n",
        RUNS
    );
    println!("| case | hello world | errexplain | ratio | target |");
    println!("|---|---|---|---|---|");

    // A lookup and a 2 KB body against hello world: the default build, then the release
    // build of scripts/dist (static-pie), each against the same dynamic hello world.
    let ratio_row = |case: &str, (h, e): (Duration, Duration), target: &str| {
        println!(
            "| {case} | {} | {} | {:.2}× | {target} |",
            us(h),
            us(e),
            e.as_secs_f64() / h.as_secs_f64()
        );
    };
    let builds = std::iter::once((bin.clone(), "", "≤ 1.10×", "≤ 1.15×"))
        .chain(static_build().map(|st| (st, ", static release build", "≤ 1.00×", "≤ 1.05×")));
    for (build, label, lookup_target, body_target) in builds {
        ratio_row(
            &format!("lookup `errexplain 10058`{label}"),
            compare((&hello, &[], None), (&build, &["10058"], None), &[]),
            lookup_target,
        );
        ratio_row(
            &format!("2 KB S3 XML body on stdin{label}"),
            compare((&hello, &[], Some(&body)), (&build, &[], Some(&body)), &[]),
            body_target,
        );
    }

    // A long log with nothing in it: the prefilter answers it without the readers. The hello
    // world reads nothing of it; errexplain reads all of it.
    let quiet = quiet_log(&dir);
    ratio_row(
        "1 MiB log with no error on stdin",
        compare((&hello, &[], Some(&quiet)), (&bin, &[], Some(&quiet)), &[]),
        "≤ 1.50×",
    );

    let hello_rss = peak_rss(&hello, &[], Stdio::null());
    let rss = peak_rss(&bin, &["10058"], Stdio::null());
    println!(
        "| peak RSS, lookup | {} KiB | {} KiB | | ≤ 4096 KiB |",
        hello_rss.map_or("?".into(), |v| v.to_string()),
        rss.map_or("?".into(), |v| v.to_string())
    );

    // 1 GiB of log text through a pipe.
    let t = Instant::now();
    let mut child = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(&bin)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .env("HOME", "/nonexistent")
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let line =
        b"2026-11-23T14:00:00Z INFO request id=42 path=/v1/objects/abc status=200 took=3ms\n";
    let chunk: Vec<u8> = line.iter().copied().cycle().take(1 << 20).collect();
    let mut written: u64 = 0;
    while written < 1 << 30 {
        if stdin.write_all(&chunk).is_err() {
            break; // errexplain stopped reading
        }
        written += chunk.len() as u64;
    }
    drop(stdin);
    let out = child.wait_with_output().expect("wait");
    let elapsed = t.elapsed();
    let rss: String = String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()
        .unwrap_or("?")
        .to_string();
    println!(
        "| 1 GiB of log text piped in | | {:.2} s, {} KiB peak RSS ({} MiB written to it) | | ≤ 10 s, ≤ 65536 KiB |",
        elapsed.as_secs_f64(),
        rss,
        written >> 20
    );

    let size = std::fs::metadata(&bin).map(|m| m.len()).unwrap_or(0);
    let hsize = std::fs::metadata(&hello).map(|m| m.len()).unwrap_or(0);
    println!(
        "| release binary size | {} KiB | {} KiB | | ≤ 3072 KiB |",
        hsize / 1024,
        size / 1024
    );

    // Lookup cost must not grow with the catalog: the same lookups in-process against user
    // catalogs of 1k and 20k entries (the most one user catalog file may hold) — binary
    // search — and search (a linear scan) for contrast.
    for n in [1_000usize, 20_000] {
        let file = user_catalog(&dir, n);
        let t = Instant::now();
        let mut reg = errexplain::Catalogs::builtin();
        reg.add_user_catalog(&file);
        let load = t.elapsed();
        let keys: Vec<String> = (0..n)
            .step_by((n / 1000).max(1))
            .map(|i| format!("E{i}"))
            .collect();
        let rounds = 200;
        let t = Instant::now();
        let mut found = 0usize;
        for _ in 0..rounds {
            for k in &keys {
                found += reg.lookup(k).len();
            }
        }
        let per = t.elapsed().as_secs_f64() * 1e9 / (rounds * keys.len()) as f64;
        assert_eq!(found, rounds * keys.len(), "every synthetic code is found");
        let t = Instant::now();
        let hits = reg.search("m99").len();
        let search = t.elapsed();
        let proc_time = median(
            (0..5)
                .map(|_| {
                    once(
                        &bin,
                        &["-q", "big:E1"],
                        None,
                        &[("ERREXPLAIN_CATALOGS", &file)],
                    )
                })
                .collect(),
        );
        println!(
            "| user catalog of {n} entries | | lookup {per:.0} ns; search {} ({hits} hits); loading {} in-process, {} per run | | lookup flat in n |",
            us(search),
            us(load),
            us(proc_time)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
