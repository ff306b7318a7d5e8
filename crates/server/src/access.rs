//! Request ids and the access log. Every request gets an id made by the server (a client cannot
//! choose the id its request is logged under); a client's own `X-Request-Id` is kept beside it as
//! `client_request_id` when it is short and plain (at most 64 of `A-Z a-z 0-9 . _ -`), and dropped
//! otherwise. The response carries the server's id in `X-Request-Id`.
//!
//! One access-log line per request (tracing target `access`): method, route template (never the
//! concrete path or query, which may hold a token), status, duration and the ids. Never bodies.

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

const HEADER: &str = "x-request-id";
/// Longest client request id kept, in bytes.
const CLIENT_ID_BYTES_MAX: usize = 64;

/// The ids of the request being served (a request extension).
#[derive(Clone, Debug)]
pub struct RequestId {
    pub id: String,
    pub client: Option<String>,
}

/// A client's request id, if it is one we keep.
pub fn client_id(value: &str) -> Option<&str> {
    let plain = !value.is_empty()
        && value.len() <= CLIENT_ID_BYTES_MAX
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    plain.then_some(value)
}

fn new_id() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        // Ids only correlate log lines; a clock-based one serves when the OS has no randomness.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        return format!("{nanos:032x}");
    }
    hex::encode(bytes)
}

/// Sets the ids, runs the request inside a span that names them, and writes the access line.
pub async fn log(mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = new_id();
    let client = req
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(client_id)
        .map(str::to_owned);
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("(no route)", MatchedPath::as_str)
        .to_owned();
    let header = HeaderValue::from_str(&id).ok();
    if let Some(value) = &header {
        req.headers_mut().insert(HEADER, value.clone());
    }
    req.extensions_mut().insert(RequestId {
        id: id.clone(),
        client: client.clone(),
    });
    let client = client.unwrap_or_default();
    let span = tracing::info_span!("request", request_id = %id, client_request_id = %client);
    let mut response = next.run(req).instrument(span).await;
    if let Some(value) = header {
        response.headers_mut().insert(HEADER, value);
    }
    tracing::info!(
        target: "access",
        method = %method,
        route = %route,
        status = response.status().as_u16(),
        duration_ms = started.elapsed().as_secs_f64() * 1e3,
        request_id = %id,
        client_request_id = %client,
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_short_plain_client_ids_are_kept() {
        assert_eq!(client_id("abc-123_X.y"), Some("abc-123_X.y"));
        assert_eq!(client_id(&"a".repeat(64)), Some("a".repeat(64).as_str()));
        for bad in ["", "a b", "a\nb", "ä", "<script>", &"a".repeat(65)] {
            assert_eq!(client_id(bad), None, "{bad:?}");
        }
    }
}
