use super::*;

#[test]
fn ordinary_log_lines_are_not_read_closely() {
    let p = Prefilter::for_errors();
    for l in [
        "2024-05-01T10:00:35Z INFO worker 12 processed batch of 200 items in 35 ms",
        "2024-05-01T10:00:36Z DEBUG cache warm",
        "INFO processed 404 items in 503 ms",
        "INFO offset 000 of 12",
    ] {
        let f = p.line(l.as_bytes());
        assert!(!f.hot, "{l:?}: {f:?}");
        assert!(!p.record(l, f), "{l:?}: {f:?}");
    }
}

/// A one-shot reading filters as `--follow` does: the words of success it adds are all
/// looked for (marks of no letter as written), none makes it read every line.
#[test]
fn the_outcome_prefilter_filters_and_lets_success_marks_through() {
    let p = Prefilter::for_outcomes();
    assert!(!p.always);
    let ordinary = "2024-05-01T10:00:35Z INFO worker 12 processed batch of 200 items in 35 ms";
    assert!(!p.line(ordinary.as_bytes()).hot);
    for l in ["  ✓ 200 in 143ms", "$ echo $?", "BUILD SUCCESSFUL in 41s"] {
        assert!(p.line(l.as_bytes()).hot, "{l:?}");
    }
}

#[test]
fn what_the_readers_start_from_is_let_through() {
    let p = Prefilter::for_errors();
    for l in [
        "curl: (7) Failed to connect to example.com port 443",
        "HTTP/1.1 503 Service Unavailable",
        "upstream said status: 429",
        "{\"ok\": false}",
        "<Error><Code>SlowDown</Code></Error>",
        "[Errno 111] Connection refused",
        "50013: Missing Permissions",
        "errorCode=AccessDenied",
        "failed: tls: internal error",
        "000",
        "  000  ",
        "HTTP 000",
        "status: 000",
    ] {
        assert!(p.text(l), "{l:?}");
    }
}

#[test]
fn every_phrasing_that_counts_alone_is_let_through() {
    // The anchor table is written by the build from the phrasebook: each phrasing that can
    // explain a text by itself (a name, a message not called weak, a network failure's
    // message) is found by it, on its own line and inside a longer one.
    let p = Prefilter::for_errors();
    let mut n = 0;
    for ph in crate::catalog::phrases::all() {
        if ph.name || !ph.weak || ph.entry.class == crate::lexicon::Class::Network {
            n += 1;
            assert!(p.text(ph.text), "{:?}", ph.text);
            let inside = format!("then {} happened", ph.text);
            assert!(p.text(&inside), "{inside:?}");
        }
    }
    assert!(n > 1000, "{n}");
}

#[test]
fn every_reader_marker_and_key_is_let_through() {
    let p = Prefilter::for_errors();
    let s = crate::input::starts();
    for w in s.markers.iter().chain(&s.keys) {
        let line = format!("x {w} y");
        assert!(p.text(&line), "{line:?}");
    }
}

#[test]
fn the_quick_no_of_a_word_list_agrees_with_searching_it() {
    // Every label and reason phrase, at its end of a longer text, in both cases, and the
    // same texts with the last (or first) byte changed: the two-byte table must answer as
    // searching the whole list does.
    let s = starts();
    let lists: [(&Words, &[&str]); 4] = [
        (&s.code_ends, crate::lexicon::CODE_LABELS),
        (&s.errno_ends, crate::lexicon::ERRNO_LABELS),
        (&s.status_ends, &s.readers.status_labels),
        (&s.reason_starts, &[]),
    ];
    let reasons: Vec<&str> = s.readers.reasons.iter().map(|(_, r)| *r).collect();
    let mut checked = 0;
    for (words, list) in lists {
        let list: &[&str] = if list.is_empty() { &reasons } else { list };
        assert!(!list.is_empty());
        let mut texts = vec![
            String::new(),
            "x".to_string(),
            "in".to_string(),
            "batch of".to_string(),
            "worker".to_string(),
        ];
        for w in list {
            for w in [w.to_string(), w.to_uppercase()] {
                match words.end {
                    End::Last => {
                        texts.push(format!("took {w}"));
                        texts.push(format!("took {w}x"));
                        texts.push(format!("took {}", &w[..w.len() - 1]));
                    }
                    End::First => {
                        texts.push(format!("{w} then"));
                        texts.push(format!("x{w}"));
                        texts.push(w[1..].to_string());
                    }
                }
            }
        }
        for t in &texts {
            let searched = match words.end {
                End::Last => ends_with_any(t.as_bytes(), list),
                End::First => starts_with_any(t.as_bytes(), list.iter().copied()),
            };
            assert_eq!(words.held(t.as_bytes()), searched, "{t:?}");
            checked += usize::from(searched);
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn numbers_where_a_reader_reads_them_are_let_through() {
    let p = Prefilter::for_errors();
    for l in [
        "upstream said code 1020",
        "OSError: [Errno 111] nope",
        "request ended with status: 429",
        "proxy said STATUS 503",
        "got 429 Too Many Requests from the api",
        "got 404 not found",
        "111: Connection refused",
        "[503] https://example.com/x",
    ] {
        assert!(p.line(l.as_bytes()).hot, "{l:?}");
    }
}

#[test]
fn numbers_no_reader_reads_may_be_skipped() {
    // Timestamps, counts, durations, ids and numbers too long to be any code.
    let p = Prefilter::for_errors();
    for l in [
        "2024-05-01T10:00:35Z INFO worker 12 processed batch of 200 items in 35 ms",
        "took 1234567 ms over 40 retries",
        "job 98765432 queued at 10:42:07.123",
        "2024/05/01 10:00:36 moved 512 bytes",
        // A code before words that only begin as its message does (102 is `Processing`).
        "2024-05-01T10:01:42Z INFO worker 102 processed batch of 200 items in 35 ms",
        "sent 50013 Missing",
    ] {
        let f = p.line(l.as_bytes());
        assert!(!f.hot, "{l:?}: {f:?}");
    }
}

#[test]
fn a_code_before_its_own_message_is_let_through_in_any_case() {
    // The vocabulary layer reads a code before the start of one of its entries' words
    // (message, name, alias), case forgiven: the prefilter compares up to their first eight
    // bytes, and lets through what it cannot compare (bytes beyond ASCII).
    let p = Prefilter::for_errors();
    let reg = crate::catalog::Registry::embedded();
    let mut n = 0;
    for e in reg.entries() {
        if !(3..=6).contains(&e.code.len()) || !e.code.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        for w in [e.message.unwrap_or(""), e.name]
            .into_iter()
            .chain(e.aliases.iter().copied())
        {
            let w = w.trim_end_matches('.');
            if w.len() < 6 {
                continue;
            }
            for form in [
                w.to_string(),
                w.to_ascii_uppercase(),
                w.to_ascii_lowercase(),
            ] {
                let line = format!("worker said {} {form} then", e.code);
                let mut ev = crate::input::Evidence::default();
                crate::explain::vocab::scan(&reg, &line, &mut ev);
                if !ev.errors.is_empty() || ev.status.is_some() {
                    assert!(p.line(line.as_bytes()).hot, "{line:?}");
                    n += 1;
                }
            }
        }
    }
    assert!(n > 500, "{n}");
    assert!(p.line("x 102 Processing".as_bytes()).hot);
}

#[test]
fn the_quick_no_of_numbers_never_says_no_where_the_full_check_says_yes() {
    // Numbers of every length after every label, before `: ` and a message, in brackets and
    // parentheses, next to letters: wherever the full check lets a number through, the
    // quick no in front of it must too.
    let s = starts();
    let mut labels: Vec<&str> = crate::lexicon::CODE_LABELS.to_vec();
    labels.extend_from_slice(crate::lexicon::ERRNO_LABELS);
    labels.extend(s.readers.status_labels.iter().copied());
    labels.extend(["", "x", "HTTP/1.1", "took"]);
    let numbers = [
        "1", "5", "11", "99", "111", "000", "200", "429", "503", "4014", "10006", "50013",
        "999999", "1234567",
    ];
    let mut lines = Vec::new();
    for l in &labels {
        for n in numbers {
            for form in [
                format!("{l} {n}"),
                format!("{l}: {n}"),
                format!("[{l} {n}]"),
                format!("{l}={n} ms"),
                format!("{n}: Connection refused {l}"),
                format!("{l} {n} Too Many Requests"),
                format!("{l}{n}x"),
                format!("a{n} {l}"),
                format!("x ({n})"),
                format!("\" {n} {l}"),
            ] {
                lines.push(form.to_uppercase());
                lines.push(form);
            }
        }
    }
    let (mut runs, mut through) = (0, 0);
    for line in &lines {
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let from = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            runs += 1;
            if number_at::<false>(b, from, i) {
                through += 1;
                assert!(number::<false>(b, from, i), "{line:?} at {from}..{i}");
            }
        }
    }
    assert!(through > 500 && runs > through, "{through} of {runs}");
}

#[test]
fn anchor_rows_are_found_by_their_bucket_as_by_a_search_of_all() {
    let rows = &generated::ANCHORS;
    let full = |k: u64| {
        let from = rows.partition_point(|r| r.0 < k);
        (from, from + rows[from..].partition_point(|r| r.0 == k))
    };
    for r in rows.iter() {
        for k in [r.0, r.0.wrapping_add(1), r.0.wrapping_sub(1)] {
            assert_eq!(anchor_rows(k), full(k), "{k:x}");
        }
    }
    for k in [0, u64::MAX, 1 << 63, 0x1234_5678_9abc_def0] {
        assert_eq!(anchor_rows(k), full(k), "{k:x}");
    }
}

/// Whether a literal ends somewhere in the joined run of `line`, by the definition: the
/// letters and digits between bytes that do not join (`_ - .` and space join), lower-cased.
fn literal_in_joined_run(p: &Prefilter, line: &[u8]) -> bool {
    let words = error_literals();
    let lits: Vec<Vec<u8>> = words.iter().filter_map(|w| reduce(w)).collect();
    assert!(p.literals.is_some() && !lits.is_empty());
    line.split(|&b| CLASS[usize::from(b)] == 0).any(|run| {
        let joined: Vec<u8> = run
            .iter()
            .filter(|b| b.is_ascii_alphanumeric())
            .map(|b| b | 0x20)
            .collect();
        lits.iter()
            .any(|l| joined.windows(l.len()).any(|w| w == l.as_slice()))
    })
}

#[test]
fn a_literal_in_the_joined_run_is_let_through_however_it_is_split() {
    let p = Prefilter::for_errors();
    let mut n = 0;
    for w in error_literals() {
        let Some(lit) = reduce(w) else { continue };
        let lit = String::from_utf8(lit).expect("ASCII");
        // Whole, split by each separator that joins, upper-cased, inside longer words.
        let mid = lit.len() / 2;
        for form in [
            lit.clone(),
            format!("{}_{}", &lit[..mid], &lit[mid..]),
            format!("{} - {}", &lit[..mid], &lit[mid..]),
            format!("{}.{}", &lit[..1], &lit[1..]),
            lit.to_ascii_uppercase(),
            format!("x{lit}y"),
        ] {
            let line = format!("2024-05-01 INFO {form} done");
            assert!(literal_in_joined_run(&p, line.as_bytes()), "{line:?}");
            assert!(p.line(line.as_bytes()).hot, "{line:?}");
            n += 1;
        }
    }
    assert!(n > 100, "{n}");
    // A byte that does not join ends the run: what the definition finds, the automaton finds,
    // on lines of every kind.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let alphabet = b"abcdefghijklmnopqrstuvwxyzSTATUSCODE0123456789 _-./:=,;()\"'";
    for _ in 0..20_000 {
        let len = (seed % 40) as usize;
        let line: Vec<u8> = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                alphabet[(seed % alphabet.len() as u64) as usize]
            })
            .collect();
        if literal_in_joined_run(&p, &line) {
            assert!(p.line(&line).hot, "{:?}", String::from_utf8_lossy(&line));
        }
    }
}

#[test]
fn http_before_a_slash_is_read_across_joining_separators() {
    for (head, want) in [
        ("HTTP", true),
        ("< http", true),
        ("Ht tp", true),
        ("h-t_t.p", true),
        ("xhttp", true),
        ("http:", false),
        ("htt", false),
        ("https", false),
        ("", false),
    ] {
        assert_eq!(http_before(head.as_bytes()), want, "{head:?}");
    }
}

#[test]
fn a_token_read_at_once_has_the_key_of_one_read_byte_by_byte() {
    for t in [
        "a",
        "ECONNREFUSED",
        "processed",
        "0123456789abcdefXYZ",
        "x".repeat(40).as_str(),
        "Z9",
    ] {
        let mut r = key::Roll::default();
        for b in t.bytes() {
            r.push(b.to_ascii_lowercase());
        }
        assert_eq!(key::Roll::of(t.as_bytes()).key(), r.key(), "{t:?}");
        assert_eq!(
            key::Roll::of(t.as_bytes()).key(),
            key::token_key(t),
            "{t:?}"
        );
    }
}

#[test]
fn a_shape_is_answered_from_the_memo_only_where_its_digits_do_not_decide() {
    // Lines whose digits decide (a status, a code before its message, an errno, a token a
    // phrasing is found by, a literal or label with a digit) and lines whose digits do not.
    let mut lines: Vec<String> = [
        "2024-05-01T10:00:35Z INFO worker 12 processed batch of 200 items in 35 ms",
        "request id=abc took 250 ms, status 200",
        "upstream returned HTTP 503",
        "failed: 404 Not Found",
        "Not Found - 404",
        "GET https://api.example.com/v1/x: 502",
        "50013: Missing Permissions",
        "111: Connection refused",
        "connect() failed (111: Connection refused)",
        "[Errno 111] Connection refused",
        "status: 000",
        "000",
        "origin returned 530 (Cloudflare error 530)",
        "400 Request Header Or Cookie Too Large",
        "S3ResponseError: 403 Forbidden",
        "x509: certificate signed by unknown authority",
        "oauth2: cannot fetch token",
        "binding failed: bucket not found (10006)",
        "haproxy[7]: fe be/s1 0/0/1/-1/60002 504 198 - - sH--",
        "10.0.0.1 - - \"GET / HTTP/1.1\" 429 12",
        "[503] https://api.example.com/x",
        "worker 7 done in 12 ms",
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    lines.extend(
        crate::catalog::phrases::all()
            .map(|p| p.text)
            .filter(|t| t.bytes().any(|b| b.is_ascii_digit()))
            .map(ToString::to_string),
    );
    let p = Prefilter::for_errors();
    let mut memo = Memo::default();
    let mut remembered = 0;
    for (n, line) in lines.iter().enumerate() {
        // Twins of each line in turn, before and after it, through one memo.
        let mut twins: Vec<String> = (0..6).map(|k| redigit(line, (n * 7 + k) as u64)).collect();
        twins.insert(3, line.clone());
        for t in &twins {
            let hit = memo.slots.iter().flatten().any(|(s, _)| {
                s.len() == t.len()
                    && s.iter()
                        .zip(t.bytes())
                        .all(|(&a, b)| a == if b.is_ascii_digit() { b'0' } else { b })
            });
            remembered += usize::from(hit);
            assert_eq!(
                p.line_memo(&mut memo, t.as_bytes()),
                p.line(t.as_bytes()),
                "{t:?}"
            );
        }
    }
    // The ordinary lines are answered from the memo, or it serves no purpose.
    assert!(remembered > 10, "{remembered}");
    let ordinary = b"2024-05-01T10:00:35Z INFO worker 12 processed batch of 200 items in 35 ms";
    let mut memo = Memo::default();
    p.line_memo(&mut memo, ordinary);
    assert_eq!(memo.slots.iter().flatten().count(), 1);
    // A status, a code before its message: never remembered.
    for l in [
        "upstream returned HTTP 503",
        "50013: Missing Permissions",
        "failed: 404 Not Found",
    ] {
        let mut memo = Memo::default();
        let twin = redigit(l, 1);
        p.line_memo(&mut memo, twin.as_bytes());
        p.line_memo(&mut memo, l.as_bytes());
        assert!(p.line(l.as_bytes()).hot, "{l:?}");
        assert_eq!(
            p.line_memo(&mut memo, l.as_bytes()),
            p.line(l.as_bytes()),
            "{l:?}"
        );
    }
}
