//! Retry-After: delay-seconds or an HTTP date (RFC 9110 §10.2.3).

use std::time::SystemTime;

/// Seconds to wait. An HTTP date is measured from the response's `Date` header when there is
/// one, else from now; a date already past means now (0). A number out of range is returned
/// as it is, for the caller to judge.
pub fn parse_retry_after(value: &str, date: Option<&str>) -> Result<f64, ()> {
    let v = value.trim();
    if let Ok(n) = v.parse::<f64>() {
        return Ok(n);
    }
    let when = httpdate::parse_http_date(v).map_err(|_| ())?;
    let now = date
        .and_then(|d| httpdate::parse_http_date(d.trim()).ok())
        .unwrap_or_else(SystemTime::now);
    Ok(when.duration_since(now).map_or(0.0, |d| d.as_secs_f64()))
}

/// Seconds until a rate limit's window resets, from its `Reset` header: a Unix time in
/// seconds where the value is one (GitHub's `x-ratelimit-reset: 1764640000`), measured from
/// the response's `Date` (else now); else the seconds themselves (IETF's `RateLimit-Reset:
/// 30`).
pub fn parse_reset(value: &str, date: Option<&str>) -> Result<f64, ()> {
    let n: f64 = value.trim().parse().map_err(|_| ())?;
    // Anything past a day counted in seconds is a point in time (2001-09-09 onwards).
    if n < 1_000_000_000.0 {
        return Ok(n);
    }
    let now = date
        .and_then(|d| httpdate::parse_http_date(d.trim()).ok())
        .unwrap_or_else(SystemTime::now);
    let now = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64());
    Ok((n - now).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resets_in_seconds_or_as_a_time() {
        // 1445412480 is Wed, 21 Oct 2015 07:28:00 GMT.
        let date = Some("Wed, 21 Oct 2015 07:28:00 GMT");
        let table: &[(&str, Option<&str>, Result<f64, ()>)] = &[
            ("30", None, Ok(30.0)),
            ("1445412540", date, Ok(60.0)),
            ("1445412000", date, Ok(0.0)),
            ("soon", date, Err(())),
        ];
        for (v, d, want) in table {
            assert_eq!(parse_reset(v, *d), *want, "{v:?}");
        }
    }

    #[test]
    fn seconds_and_dates() {
        let date = Some("Wed, 21 Oct 2015 07:28:00 GMT");
        let table: &[(&str, Option<&str>, Result<f64, ()>)] = &[
            ("7", None, Ok(7.0)),
            (" 120 ", None, Ok(120.0)),
            ("1.5", None, Ok(1.5)),
            ("-5", None, Ok(-5.0)),
            ("Wed, 21 Oct 2015 07:28:30 GMT", date, Ok(30.0)),
            ("Wed, 21 Oct 2015 07:27:00 GMT", date, Ok(0.0)),
            ("soon", None, Err(())),
            ("", None, Err(())),
        ];
        for (v, d, want) in table {
            assert_eq!(parse_retry_after(v, *d), *want, "{v:?}");
        }
    }
}
