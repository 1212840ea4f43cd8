//! HTML error pages from gateways and CDNs: nginx's `<title>502 Bad Gateway</title>`,
//! Cloudflare's "Error code 522" pages with a Ray ID and its 1xxx errors.

use super::{Evidence, ServerError};
use crate::lexicon::Class;

pub fn scan(text: &str, ev: &mut Evidence) {
    // No tag, no page (one fast search before a lower-case copy of the whole text).
    if !text.contains('<') {
        return;
    }
    let lower = text.to_ascii_lowercase();
    // Cloudflare's pages give the code an element of its own (`<span
    // class="cf-error-code">1020</span>`): that element alone, quoted in a log, is the page.
    let cf_code = lower.find("cf-error-code");
    if !(lower.contains("<html")
        || lower.contains("<title")
        || lower.contains("<!doctype html")
        || cf_code.is_some())
    {
        return;
    }
    let title = tag(text, &lower, "title").or_else(|| tag(text, &lower, "h1"));
    let cloudflare = lower.contains("cloudflare")
        || lower.contains("cf-error-details")
        || lower.contains("cf-wrapper")
        || cf_code.is_some();
    let nginx = lower.contains("<center>nginx");
    let mut code: Option<u16> = cf_code
        .and_then(|i| lower[i..].split_once('>'))
        .and_then(|(_, after)| number_at(after.trim_start()));
    // Cloudflare: "Error code 522", or "Error 1020".
    for marker in ["error code ", "error code: ", "error "]
        .iter()
        .filter(|_| code.is_none())
    {
        if let Some(n) = lower
            .match_indices(marker)
            .find_map(|(i, _)| number_at(&lower[i + marker.len()..]))
        {
            code = Some(n);
            break;
        }
    }
    // The heading's text, its tags dropped (`<h1><span>Error</span> <span>1020</span></h1>`).
    if code.is_none() {
        if let Some(h1) = tag(text, &lower, "h1").map(|h| h.to_ascii_lowercase()) {
            code = ["error code ", "error code: ", "error "]
                .iter()
                .find_map(|m| h1.find(m).and_then(|i| number_at(&h1[i + m.len()..])));
        }
    }
    let title_status = title.as_deref().and_then(status_in);
    let status = title_status.or(code.filter(|c| (100..=599).contains(c)));
    ev.shape(if cloudflare {
        "Cloudflare HTML error page"
    } else if nginx {
        "nginx HTML error page"
    } else {
        "HTML error page"
    });
    if cloudflare {
        ev.hint("cloudflare", "Cloudflare error page");
    }
    if let Some(i) = lower.find("ray id:") {
        // The id follows, maybe inside tags: `Ray ID: <strong class="...">8a1b...</strong>`.
        let mut rest = text[i + "ray id:".len()..].trim_start();
        for _ in 0..4 {
            match rest.strip_prefix('<').and_then(|r| r.split_once('>')) {
                Some((_, after)) => rest = after.trim_start(),
                None => break,
            }
        }
        let id: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if id.len() >= 8 {
            ev.request_id(&id);
        }
    }
    // Under a status line that says success, the page is content (an article about 404s),
    // not an error page.
    let answered_ok = ev.status_from == Some("status line") && ev.status.is_some_and(|st| st < 400);
    let status = status.filter(|_| !answered_ok);
    if let Some(st) = status {
        ev.set_status(st, "HTML page");
    }
    // A 1xxx Cloudflare error is its own code; a status is explained through the HTTP catalog.
    if let Some(c) = code.filter(|c| (1000..=1999).contains(c)) {
        ev.error(ServerError {
            code: Some(c.to_string()),
            message: title.clone(),
            shape: "Cloudflare HTML error page",
            hints: &["cloudflare"],
            ..Default::default()
        });
    }
    if let Some(st) = status {
        ev.error(ServerError {
            code: Some(st.to_string()),
            message: title,
            shape: if cloudflare {
                "Cloudflare HTML error page"
            } else {
                "HTML error page"
            },
            hints: &["http"],
            status: Some(st),
            class: Some(Class::of_status(st)),
            ..Default::default()
        });
    }
}

fn tag(text: &str, lower: &str, name: &str) -> Option<String> {
    let open = format!("<{name}");
    let a = lower.find(&open)?;
    // Where the opening tag ends.
    let (_, after) = lower[a..].split_once('>')?;
    let gt = lower.len() - after.len();
    let close = format!("</{name}>");
    let closed = lower[gt..].find(&close).map(|b| gt + b);
    // Without a closing tag, 200 bytes of text are kept; masking looks at the rest of their
    // line too, so that a token at the cut is masked whole, not cut first and missed.
    let b = closed.unwrap_or_else(|| {
        let from = crate::sanitize::cut(&text[gt..], 200).len() + gt;
        let line = text[from..].find('\n').unwrap_or(text.len() - from);
        from + crate::sanitize::cut(&text[from..from + line], 2048).len()
    });
    // Masked before nested tags are dropped: a secret's key may be a tag of its own
    // (`<ApiToken>…</ApiToken>`) that would be gone after.
    let inner = crate::sanitize::mask_secrets(text.get(gt..b)?);
    // Drop nested tags and squeeze white space.
    let mut out = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let mut out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if closed.is_none() {
        out = crate::sanitize::cut(&out, 200).to_string();
    }
    (!out.is_empty()).then_some(out)
}

fn number_at(s: &str) -> Option<u16> {
    let d: String = s.chars().take_while(char::is_ascii_digit).collect();
    if (3..=4).contains(&d.len()) {
        d.parse().ok()
    } else {
        None
    }
}

/// "502 Bad Gateway", "example.com | 522: Connection timed out".
fn status_in(title: &str) -> Option<u16> {
    title
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 3)
        .filter_map(|w| w.parse::<u16>().ok())
        .find(|n| (100..=599).contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{fields as errors, Fields as Error};

    fn read(text: &str) -> Evidence {
        let mut ev = Evidence::default();
        scan(text, &mut ev);
        ev
    }

    fn status_error(code: u16, title: &str, shape: &'static str, class: Class) -> Error {
        (
            Some(code.to_string()),
            Some(title.to_string()),
            shape,
            &["http"],
            Some(code),
            Some(class),
        )
    }

    const PAGE: &str = "HTML error page";
    const CLOUDFLARE: &str = "Cloudflare HTML error page";

    #[test]
    fn a_title_keeps_no_secret_its_tags_or_its_cut_would_unmask() {
        // A secret's key as a tag of its own, and a token where an unclosed title's window
        // ends: neither comes out of the title, masked or cut.
        let token = format!("npm_{}", "Zq9T1tleTokenAbcdefghijklmn");
        for page in [
            "<html><title>503 Service Unavailable <ApiToken>Zq9T1tleKey</ApiToken></title>"
                .to_string(),
            format!(
                "<html><title>503 Service Unavailable {} {token}\n",
                "x".repeat(160)
            ),
        ] {
            let ev = read(&page);
            assert_eq!(ev.status, Some(503), "{page}");
            let title = ev.errors[0].message.clone().unwrap_or_default();
            assert!(title.starts_with("503 Service Unavailable"), "{title}");
            assert!(!title.contains("Zq9T1tle"), "{title}");
        }
    }

    #[test]
    fn pages_give_their_status_code_title_and_ray_id() {
        let nginx = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>";
        let ev = read(nginx);
        assert_eq!(ev.shapes, ["nginx HTML error page"]);
        assert_eq!(ev.status, Some(502));
        assert_eq!(
            errors(&ev),
            [status_error(502, "502 Bad Gateway", PAGE, Class::Server)]
        );
        assert!(ev.hints.is_empty());

        let cf522 = "<!DOCTYPE html>\n<html><head><title>example.com | 522: Connection timed out</title></head><body><div id=\"cf-wrapper\"><span>Error code 522</span>\n<p>Cloudflare Ray ID: <strong class=\"font-semibold\">8a1b2c3d4e5f6a7b</strong></p>";
        let ev = read(cf522);
        assert_eq!(ev.shapes, [CLOUDFLARE]);
        assert_eq!(ev.status, Some(522));
        assert_eq!(ev.request_id.as_deref(), Some("8a1b2c3d4e5f6a7b"));
        assert_eq!(
            errors(&ev),
            [status_error(
                522,
                "example.com | 522: Connection timed out",
                CLOUDFLARE,
                Class::Server
            )]
        );
        assert_eq!(
            ev.hints.iter().map(|h| h.catalog).collect::<Vec<_>>(),
            ["cloudflare"]
        );

        // A 1xxx error is Cloudflare's own code, with no status of its own.
        let cf1020 = "<html><head><title>Access denied</title></head><body><div class=\"cf-error-details\"><h1>Error 1020</h1><span>Ray ID: 8a1b2c3d4e5f6a7b</span>";
        let ev = read(cf1020);
        assert_eq!(ev.status, None);
        assert_eq!(
            errors(&ev),
            [(
                Some("1020".into()),
                Some("Access denied".into()),
                CLOUDFLARE,
                &["cloudflare"][..],
                None,
                None
            )]
        );
        // The code split over the heading's elements (Cloudflare's block pages), and the
        // same words outside a heading, which are not the page's code.
        let split = "<html><head><title>Access denied | x.io used Cloudflare to restrict access</title></head><body><div id=\"cf-wrapper\"><h1 class=\"inline-block\">\n  <span data-translate=\"error\">Error</span>\n  <span>1020</span>\n</h1>";
        assert_eq!(errors(&read(split))[0].0.as_deref(), Some("1020"));
        let elsewhere = "<html><head><title>Access denied</title></head><body><div id=\"cf-wrapper\"><h1><span>Error</span></h1><p><span>1020</span></p>";
        assert!(errors(&read(elsewhere)).is_empty());
        // With a status in the title too, both.
        let ev = read("<html><title>403 Forbidden</title> cloudflare error code: 1015");
        assert_eq!(ev.shapes, [CLOUDFLARE]);
        // Cloudflare's page is known by its wrapper alone, or by its error details alone.
        for page in [
            "<html><div id=\"cf-wrapper\"><title>520</title>",
            "<html><div class=\"cf-error-details\">",
        ] {
            assert_eq!(read(page).shapes, [CLOUDFLARE], "{page}");
        }
        assert_eq!(ev.status, Some(403));
        let codes: Vec<_> = ev.errors.iter().filter_map(|e| e.code.clone()).collect();
        assert_eq!(codes, ["1015", "403"]);
    }

    #[test]
    fn cloudflare_gives_its_code_an_element_of_its_own() {
        for (text, code) in [
            // The whole page: the element's code, not a number after a later "error".
            (
                "<!DOCTYPE html><title>Access denied | x.example used Cloudflare to restrict \
                 access</title><span class=\"cf-error-type\">Error</span>\n\
                 <span class=\"cf-error-code\">1020</span> error 1003",
                "1020",
            ),
            // The element alone, quoted by a client's log: still the page.
            (
                "D/Net: html: <span class=\"cf-error-code\">1015</span>\n\
                 D/Net: html: <h2>You are being rate limited</h2>",
                "1015",
            ),
        ] {
            let ev = read(text);
            assert_eq!(ev.shapes, [CLOUDFLARE], "{text}");
            let codes: Vec<_> = ev.errors.iter().filter_map(|e| e.code.clone()).collect();
            assert_eq!(codes, [code], "{text}");
        }
        // A class of another name, or no number in the element: nothing of Cloudflare's.
        for text in [
            "<span class=\"my-error-code\">1015</span>",
            "<span class=\"cf-error-code\">soon</span><html>",
        ] {
            let ev = read(text);
            assert!(
                ev.errors.iter().all(|e| e.code.as_deref() != Some("1015")),
                "{text}"
            );
        }
    }

    #[test]
    fn the_title_is_the_text_inside_it() {
        for (page, title, status) in [
            // Nested tags dropped, white space squeezed.
            (
                "<html><title>\n  <b>503</b>   Service\n Unavailable </title>",
                Some("503 Service Unavailable"),
                Some(503),
            ),
            // No title: the first heading.
            (
                "<html><body><h1>403 Forbidden</h1>",
                Some("403 Forbidden"),
                Some(403),
            ),
            // Unclosed: at most 200 bytes of it.
            (
                &*format!("<html><title>404 Not Found {}", "x".repeat(300)),
                None,
                Some(404),
            ),
            (
                "<!doctype html><h1>502 Bad Gateway</h1>",
                Some("502 Bad Gateway"),
                Some(502),
            ),
            (
                "<!DOCTYPE html><title>Welcome</title>",
                Some("Welcome"),
                None,
            ),
            ("<html><title>   </title>", None, None),
            // A number in the title that is no status.
            (
                "<html><title>1234 things, 99 ways, 600 times</title>",
                Some("1234 things, 99 ways, 600 times"),
                None,
            ),
            (
                "<html><title>Order 10000: 404 gone</title>",
                Some("Order 10000: 404 gone"),
                Some(404),
            ),
        ] {
            let ev = read(page);
            assert_eq!(ev.shapes, [PAGE], "{page}");
            assert_eq!(ev.status, status, "{page}");
            let t = tag(page, &page.to_ascii_lowercase(), "title")
                .or_else(|| tag(page, &page.to_ascii_lowercase(), "h1"));
            match title {
                Some(title) => assert_eq!(t.as_deref(), Some(title), "{page}"),
                None if status.is_some() => {
                    let t = t.unwrap_or_default();
                    assert!(t.starts_with("404 Not Found x") && t.len() <= 200, "{t}");
                }
                None => assert_eq!(t, None, "{page}"),
            }
        }
    }

    #[test]
    fn only_pages_are_read() {
        for text in [
            "no tags at all: Error code 522",
            "<b>bold</b> Error code 522",
            "a <htm fragment",
        ] {
            let ev = read(text);
            assert!(
                ev.shapes.is_empty() && ev.errors.is_empty() && ev.status.is_none(),
                "{text}"
            );
        }
    }

    #[test]
    fn codes_are_three_or_four_digits_after_error() {
        for (text, code) in [
            ("<html>Error 1020", Some("1020")),
            ("<html>error code: 1015", Some("1015")),
            ("<html>Error code 1101 then Error 1020", Some("1101")),
            ("<html>Error 12345", None),
            ("<html>Error code 52", None),
            ("<html>Error: 1020", None),
        ] {
            let ev = read(text);
            assert_eq!(
                ev.errors.first().and_then(|e| e.code.as_deref()),
                code,
                "{text}"
            );
        }
        // A Ray ID is 8 characters or more.
        assert_eq!(read("<html>Ray ID: abc1234").request_id, None);
        assert_eq!(
            read("<html>Ray ID:  <strong>abcd1234</strong>")
                .request_id
                .as_deref(),
            Some("abcd1234")
        );
    }
}
