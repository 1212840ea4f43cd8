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
    ] {
        let f = p.line(l.as_bytes());
        assert!(!f.hot, "{l:?}: {f:?}");
    }
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
            if number_at(b, from, i) {
                through += 1;
                assert!(number(b, from, i), "{line:?} at {from}..{i}");
            }
        }
    }
    assert!(through > 500 && runs > through, "{through} of {runs}");
}
