//! Error pages of proxies: Cloudflare's 52x pages are found as `cloudflare:52x` and from the
//! page itself; nginx's 494-497 pages, sent as 400, are known by their titles.

use crate::util::{args, stdin};

/// Cloudflare's own 5xx statuses, each an error page of its edge.
const CLOUDFLARE_PAGES: &[&str] = &[
    "520", "521", "522", "523", "524", "525", "526", "527", "530",
];

#[test]
fn every_cloudflare_52x_page_is_found_as_cloudflare_code() {
    for code in CLOUDFLARE_PAGES {
        let q = format!("cloudflare:{code}");
        let r = args(&[&q]);
        assert_eq!(r.code, 2, "{q}: {}{}", r.stdout, r.stderr);
        let first = r.stdout.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!("cloudflare · {code} · "))
                && first.contains("[edge]")
                && first.contains(&format!("HTTP {code}")),
            "{q}: {first}"
        );
        let line = args(&["--format", "line", &q]).stdout;
        assert!(
            line.starts_with(&format!("cloudflare\t{code}\t")),
            "{q}: {line}"
        );
    }
    // The status alone is the http catalog's, with the page second.
    let line = args(&["--format", "line", "522"]).stdout;
    let rows: Vec<String> = line
        .lines()
        .map(|l| l.split('\t').take(2).collect::<Vec<_>>().join(":"))
        .collect();
    assert_eq!(rows[..2], ["http:522", "cloudflare:522"], "{line}");
}

/// A page as `curl -i` prints it, with the title Cloudflare gives it.
fn cloudflare_page(code: &str, title: &str) -> String {
    format!(
        "HTTP/2 {code} \r\ndate: Tue, 01 Dec 2026 20:00:00 GMT\r\ncontent-type: text/html; charset=UTF-8\r\n\
server: cloudflare\r\ncf-ray: 8e1a2b3c4d5e6f70-AMS\r\n\r\n<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n\
<title>example.com | {code}: {title}</title>\n</head>\n<body>\n<h1><span>{title}</span> \
<span class=\"code-label\">Error code {code}</span></h1>\n<p>Cloudflare Ray ID: <strong>8e1a2b3c4d5e6f70</strong></p>\n\
</body>\n</html>\n"
    )
}

#[test]
fn a_cloudflare_522_page_is_explained_by_cloudflares_522() {
    let page = cloudflare_page("522", "Connection timed out");
    let r = stdin(&[], page.clone());
    assert_eq!(r.code, 2, "{}", r.stdout);
    let best = r
        .stdout
        .lines()
        .find(|l| !l.is_empty() && !l.starts_with("Evidence:") && !l.starts_with("Server said:"))
        .unwrap_or_default();
    assert!(
        best.starts_with("cloudflare · 522 · Connection timed out · [edge] · HTTP 522"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("request id 8e1a2b3c4d5e6f70-AMS"),
        "{}",
        r.stdout
    );
    let line = stdin(&["--format", "line"], page).stdout;
    assert!(line.starts_with("cloudflare\t522\t"), "{line}");
}

#[test]
fn each_cloudflare_page_title_leads_to_its_page() {
    for (code, title) in [
        ("520", "Web server is returning an unknown error"),
        ("521", "Web server is down"),
        ("522", "Connection timed out"),
        ("523", "Origin is unreachable"),
        ("524", "A timeout occurred"),
        ("525", "SSL handshake failed"),
        ("526", "Invalid SSL certificate"),
    ] {
        let r = stdin(&["--format", "line"], cloudflare_page(code, title));
        assert_eq!(r.code, 2, "{code}: {}", r.stdout);
        assert!(
            r.stdout.starts_with(&format!("cloudflare\t{code}\t")),
            "{code} {title:?}: {}",
            r.stdout
        );
    }
}

/// nginx's page for one of its internal codes: sent as 400, the title names the case.
fn nginx_page(title: &str, text: &str) -> String {
    format!(
        "HTTP/1.1 400 Bad Request\r\nServer: nginx/1.25.3\r\nDate: Tue, 01 Dec 2026 20:00:00 GMT\r\n\
Content-Type: text/html\r\nConnection: close\r\n\r\n<html>\r\n<head><title>{title}</title></head>\r\n\
<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>{text}</center>\r\n\
<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n"
    )
}

#[test]
fn nginx_494_to_497_pages_are_recognised() {
    for (code, text) in [
        ("494", "Request Header Or Cookie Too Large"),
        ("495", "The SSL certificate error"),
        ("496", "No required SSL certificate was sent"),
        ("497", "The plain HTTP request was sent to HTTPS port"),
    ] {
        let page = nginx_page(&format!("400 {text}"), text);
        let r = stdin(&["--format", "line"], page.clone());
        assert_eq!(r.code, 1, "{code}: {}", r.stdout);
        assert!(
            r.stdout.starts_with(&format!("http\t{code}\t")),
            "{code}: {}",
            r.stdout
        );
        // The entry says what the client saw: status 400.
        let first = r.stdout.lines().next().unwrap_or_default();
        assert_eq!(first.split('\t').nth(3), Some("400"), "{first}");
        let text_out = stdin(&[], page).stdout;
        assert!(
            text_out.contains(&format!(
                "http · {code} · (nginx) {text} · HTTP 400 · client error"
            )),
            "{code}: {text_out}"
        );
    }
}

/// Cloudflare's 1xxx pages put the code in an element of its own; the page is known by it
/// whole, or by that element quoted in a client's log, and its code is the answer.
#[test]
fn a_cloudflare_1xxx_code_element_is_the_pages_code() {
    let page =
        "HTTP/1.1 403 Forbidden\r\nServer: cloudflare\r\nCF-RAY: 8f0a1b2c3d4e5f60-AMS\r\n\r\n\
                <!DOCTYPE html><head><title>Access denied | shop.example.org used Cloudflare \
                to restrict access</title></head>\n<span class=\"cf-error-type\">Error</span>\n\
                <span class=\"cf-error-code\">1020</span>\n<h2>Access denied</h2>";
    let log = "I/Http: <- 429 GET https://api.example.org/v1/items (204 ms)\n\
               I/Http:   body: <span class=\"cf-error-code\">1015</span>\n\
               I/Http:   body: <h2 class=\"cf-subheadline\">You are being rate limited</h2>";
    for (text, want) in [(page, "cloudflare\t1020\t"), (log, "cloudflare\t1015\t")] {
        let r = stdin(&["--format", "line"], text);
        assert_eq!(r.code, 1, "{text}: {}{}", r.stdout, r.stderr);
        assert!(r.stdout.starts_with(want), "{text}: {}", r.stdout);
    }
}
