use super::*;

fn found(text: &str) -> Vec<(String, &str)> {
    find(text)
        .iter()
        .map(|h| (h.phrase.entry.qualified(), &text[h.start..h.end]))
        .collect()
}

#[test]
fn tokens_are_runs_of_letters_and_digits() {
    let t = "  Errno::ECONNREFUSED (os error 111)—ça échoue";
    let got: Vec<&str> = token_spans(t).map(|(a, b)| &t[a..b]).collect();
    assert_eq!(
        got,
        [
            "Errno",
            "ECONNREFUSED",
            "os",
            "error",
            "111",
            "ça",
            "échoue"
        ]
    );
    assert_eq!(
        crate::lexicon::tokens::phrase_tokens("Could not  resolve-host"),
        "could not resolve host"
    );
    assert_eq!(token_key("NoSuchKey"), token_key("nosuchkey"));
    assert_ne!(token_key("NoSuchKey"), token_key("NoSuchKeys"));
    assert!(token_eq("ÉCHEC", "échec") && !token_eq("ECHEC", "échec"));
}

#[test]
fn an_entry_is_found_by_its_code_name_and_official_message() {
    let rows: &[(&str, &[(&str, &str)])] = &[
        ("fatal: NoSuchKey here", &[("s3:NoSuchKey", "NoSuchKey")]),
        (
            "msg=\"The specified key does not exist.\"",
            &[("s3:NoSuchKey", "The specified key does not exist")],
        ),
        (
            "the specified   key does\nnot exist",
            &[("s3:NoSuchKey", "the specified   key does\nnot exist")],
        ),
        (
            "curl said CURLE_COULDNT_CONNECT",
            &[("curl:7", "CURLE_COULDNT_CONNECT")],
        ),
    ];
    for (text, want) in rows {
        let got = found(text);
        for (q, span) in *want {
            assert!(
                got.iter().any(|(g, s)| g == q && s == span),
                "{text:?}: {got:?} lacks {q} {span:?}"
            );
        }
    }
}

#[test]
fn tokens_never_match_inside_words_or_across_wide_gaps() {
    // `NoSuchKey` is one token: `nosuchkeys` and `XNoSuchKey` are other words.
    for text in [
        "NoSuchKeys",
        "XNoSuchKey",
        "the specified key ------- does not exist",
    ] {
        assert!(
            !found(text).iter().any(|(q, _)| q == "s3:NoSuchKey"),
            "{text}: {:?}",
            found(text)
        );
    }
    // A name is never split by a space.
    assert!(!found("CURLE_COULDNT CONNECT")
        .iter()
        .any(|(q, _)| q == "curl:7"));
}

#[test]
fn a_message_spelled_into_a_longer_name_is_no_message() {
    // A resource named after a status, in Terraform's outputs: no 502.
    for text in [
        "  \"checkout-elb-502-bad-gateway\",",
        "alarm bad_gateway_502_count",
        "alarm elb_bad_gateway_total",
    ] {
        assert!(
            !found(text).iter().any(|(q, _)| q == "http:502"),
            "{text}: {:?}",
            found(text)
        );
    }
    // The words as a message, spaced or joined on their own, still are.
    for text in ["upstream said 502 Bad Gateway", "error=\"bad_gateway\""] {
        assert!(
            found(text).iter().any(|(q, _)| q == "http:502"),
            "{text}: {:?}",
            found(text)
        );
    }
}

#[test]
fn a_phrasing_inside_a_longer_one_at_the_same_place_is_left_out() {
    let at = |start, end| Hit {
        phrase: phrase(0),
        index: 0,
        start,
        end,
    };
    let spans = |mut hits: Vec<Hit>| -> Vec<(usize, usize)> {
        drop_inner(&mut hits);
        hits.iter().map(|h| (h.start, h.end)).collect()
    };
    assert_eq!(
        spans(vec![at(0, 10), at(2, 8), at(0, 10), at(9, 12)]),
        [(0, 10), (0, 10), (9, 12)]
    );
    // A later hit that reaches farther is the one the next are held against.
    assert_eq!(
        spans(vec![at(0, 5), at(3, 12), at(4, 10)]),
        [(0, 5), (3, 12)]
    );
    // Hits that end where a longer one ends lie inside it, however many.
    assert_eq!(spans(vec![at(0, 10), at(5, 10), at(5, 10)]), [(0, 10)]);
}

#[test]
fn hits_and_product_words_are_capped() {
    let many = "ECONNREFUSED ".repeat(MAX_HITS + 40);
    assert_eq!(find(&many).len(), MAX_HITS);
    let named = "botocore ".repeat(MAX_HITS + 40);
    assert_eq!(contexts(&named).len(), MAX_HITS);
}

#[test]
fn words_that_name_a_product_say_which_and_how() {
    let said = |text: &str| -> Vec<(&str, &str, &str)> {
        contexts(text)
            .iter()
            .map(|c| (c.catalog, c.kind, c.text))
            .collect()
    };
    assert_eq!(
        said("GET https://bucket.s3.amazonaws.com/key via botocore, x-amz-request-id: 1"),
        [
            ("s3", "host", "amazonaws.com"),
            ("s3", "host", "s3.amazonaws.com"),
            ("s3", "name", "botocore"),
            ("s3", "header", "x-amz-request-id"),
        ]
    );
    assert!(said("botocorex and notboto3 and amazonaws").is_empty());
    // A product word of several words is found as they are written, spaces between.
    assert_eq!(
        said("mc: <ERROR> Unable to stat `a/b`."),
        [("s3", "name", "mc: <ERROR>")]
    );
}

#[test]
fn the_entrys_own_wording_is_weak_when_short_or_common() {
    let own = |text: &'static str, name: bool| Phrase {
        entry: phrase(0).entry,
        text,
        name,
        weak: false,
        client: None,
        code: false,
    };
    for (text, name, strong) in [
        ("NotFound", true, false),
        ("InternalError", true, false),
        ("NoSuchKey", true, true),
        ("Not Found", false, false),
        ("Internal Server Error", false, false),
        ("Missing Permissions", false, true),
        ("Denied", false, false),
    ] {
        assert_eq!(own(text, name).strong(), strong, "{text}");
    }
    let mut p = own("NotFound", true);
    p.client = Some("a library");
    assert!(p.strong(), "a phrasebook's strong phrasing is strong");
    p.weak = true;
    assert!(!p.strong());
    assert_eq!(split_symbol("NoSuchKey"), ["no", "such", "key"]);
    assert_eq!(
        split_symbol("CURLE_COULDNT_CONNECT"),
        ["curle", "couldnt", "connect"]
    );
    assert_eq!(split_symbol("HTTPError"), ["httperror"]);
}

/// What a phrasing has after its last word (a quote, a colon) must follow it in the text;
/// a sentence's end need not.
#[test]
fn a_phrasing_ends_as_it_is_written() {
    for (phrasing, after, want) in [
        ("Could not resolve '", " 'deb.debian.org'", true),
        ("Could not resolve '", " package dependencies:", false),
        ("Insufficient server storage:", ": https://x", true),
        ("Insufficient server storage:", " is low", false),
        ("The request timed out.", "\")", true),
        ("The request timed out.", ".", true),
        ("Connection refused", " (os error 111)", true),
        ("", "anything", true),
    ] {
        assert_eq!(
            tail_follows(phrasing, after),
            want,
            "{phrasing:?} {after:?}"
        );
    }
    // Through the matcher.
    assert_eq!(
        found("Could not resolve 'deb.debian.org'"),
        [("os:EAI_NONAME".to_string(), "Could not resolve")]
    );
    assert!(found("error: Could not resolve package dependencies:").is_empty());
}
