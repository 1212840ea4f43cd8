//! HTML error pages from gateways and CDNs: nginx's `<title>502 Bad Gateway</title>`,
//! Cloudflare's "Error code 522" pages with a Ray ID and its 1xxx errors.

use super::{Evidence, ServerError};
use crate::catalog::Class;

pub fn scan(text: &str, ev: &mut Evidence) {
    // No tag, no page (one fast search before a lower-case copy of the whole text).
    if !text.contains('<') {
        return;
    }
    let lower = text.to_ascii_lowercase();
    if !(lower.contains("<html") || lower.contains("<title") || lower.contains("<!doctype html")) {
        return;
    }
    let title = tag(text, &lower, "title").or_else(|| tag(text, &lower, "h1"));
    let cloudflare = lower.contains("cloudflare")
        || lower.contains("cf-error-details")
        || lower.contains("cf-wrapper");
    let nginx = lower.contains("<center>nginx");
    let mut code: Option<u16> = None;
    // Cloudflare: "Error code 522", or "Error 1020".
    for marker in ["error code ", "error code: ", "error "] {
        if let Some(n) = lower
            .match_indices(marker)
            .find_map(|(i, _)| number_at(&lower[i + marker.len()..]))
        {
            code = Some(n);
            break;
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
        let rest = &text[i + 7..];
        let rest = rest
            .trim_start()
            .trim_start_matches("<strong")
            .trim_start_matches(|c: char| c != '>' && !c.is_ascii_hexdigit());
        let rest = rest.trim_start_matches('>').trim_start();
        let id: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if id.len() >= 8 {
            ev.request_id(&id);
        }
    }
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
    let gt = lower[a..].find('>')? + a + 1;
    let close = format!("</{name}>");
    let b = lower[gt..]
        .find(&close)
        .map_or(lower.len().min(gt + 200), |b| gt + b);
    let inner = text.get(gt..b)?;
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
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
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
