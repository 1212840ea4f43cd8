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
