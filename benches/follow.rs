//! `--follow` throughput: log text with an error every 1,000 lines, piped through the release
//! binary; the target is at least 100 MB/s. Also `cat` of the same file into /dev/null in the
//! same run, as the baseline of what the pipe itself costs. Run: `cargo bench --bench follow`.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Instant;

const MB: usize = 200;

fn main() {
    let dir = std::env::temp_dir().join(format!("errexplain-follow-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    let path = dir.join("log");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("log file"));
        let mut written = 0usize;
        let mut i = 0u64;
        while written < MB * 1024 * 1024 {
            let line = if i % 1000 == 999 {
                format!("2024-05-01T10:00:{:02}Z ERROR put failed: <Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>\n", i % 60)
            } else {
                format!("2024-05-01T10:00:{:02}Z INFO worker {} processed batch of 200 items in 35 ms\n", i % 60, i % 97)
            };
            f.write_all(line.as_bytes()).expect("write");
            written += line.len();
            i += 1;
        }
    }
    let size = std::fs::metadata(&path).expect("size").len() as f64 / 1e6;
    let time = |program: &str, args: &[&str]| {
        let start = Instant::now();
        let status = Command::new(program)
            .args(args)
            .stdin(std::fs::File::open(&path).expect("log"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .env_remove("ERREXPLAIN_CATALOGS")
            .env("HOME", "/nonexistent")
            .status()
            .expect("runs");
        let took = start.elapsed().as_secs_f64();
        assert!(status.code().is_some(), "{program} finished");
        took
    };
    let bin = env!("CARGO_BIN_EXE_errexplain");
    let mut runs: Vec<f64> = (0..3).map(|_| time(bin, &["--follow"])).collect();
    runs.sort_by(f64::total_cmp);
    let base = time("cat", &[]);
    let t = runs[1];
    println!("| case | MB | time | throughput |");
    println!("|---|---|---|---|");
    println!(
        "| cat (baseline) | {size:.0} | {base:.2} s | {:.0} MB/s |",
        size / base
    );
    println!(
        "| errexplain --follow, an error every 1,000 lines | {size:.0} | {t:.2} s | {:.0} MB/s |",
        size / t
    );
    let _ = std::fs::remove_dir_all(&dir);
}
