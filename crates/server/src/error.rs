//! Every failure the API reports: a status code and a JSON body `{"error": {"code", "message"}}`
//! saying in words what was wrong. Clients' mistakes get 4xx; only our own faults get 5xx, and those
//! are logged with the request id.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use fairdesk_agent::EngineError;
use fairdesk_store::StoreError;
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::ToSchema;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// A stable machine-readable code, e.g. `not_found`, `bad_token`, `csrf`.
    pub code: String,
    /// What went wrong, in words.
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    pub fn not_found(what: &str) -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no such {what}"),
        )
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn unauthorized(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    pub fn forbidden(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, code, message)
    }

    pub fn internal(error: impl std::fmt::Display) -> ApiError {
        tracing::error!(%error, "internal error");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "something went wrong on our side; nothing was changed twice, please retry",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_owned(),
                message: self.message,
            },
        };
        (self.status, Json(body)).into_response()
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::Rejected(e) => {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "refused", e.to_string())
            }
            // The stored key is internal (a digest of the client's key, or the bot's confirmation
            // key): it is logged, never shown.
            StoreError::KeyReused(e) => {
                tracing::info!(key = %e.key, previous = %e.previous, "idempotency key reused");
                ApiError::new(
                    StatusCode::CONFLICT,
                    "idempotency_key_reused",
                    format!(
                        "this request's key was already used for a different {} request; send a \
                         new Idempotency-Key for a new request",
                        e.previous
                    ),
                )
            }
            StoreError::Conflict(_) | StoreError::Duplicate(_) => {
                ApiError::new(StatusCode::CONFLICT, "conflict", e.to_string())
            }
            StoreError::Busy { .. } => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "busy", e.to_string())
            }
            StoreError::Invalid(_) => {
                ApiError::new(StatusCode::BAD_REQUEST, "invalid", e.to_string())
            }
            // PostgreSQL refuses NUL in text (22021, character_not_in_repertoire); only a client's
            // text or path can carry one, and the refused statement wrote nothing.
            StoreError::Database(sqlx::Error::Database(ref db))
                if db.code().as_deref() == Some("22021") =>
            {
                nul_refused()
            }
            other => ApiError::internal(other),
        }
    }
}

impl From<EngineError> for ApiError {
    fn from(e: EngineError) -> ApiError {
        match e {
            EngineError::NotFound => ApiError::not_found("conversation"),
            EngineError::UnknownCustomer(_) => ApiError::not_found("customer"),
            EngineError::Store(e) => e.into(),
            other => ApiError::internal(other),
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> ApiError {
        let status = r.status();
        let text = r.body_text();
        // A field the endpoint does not know is a mistake in the request's shape (a refund that
        // names a currency would otherwise run in the order's currency without a word).
        if text.contains("unknown field") {
            return ApiError::new(
                StatusCode::BAD_REQUEST,
                "unknown_field",
                format!("{text}; send only the fields the endpoint documents (/api/openapi.json)"),
            );
        }
        let code = match status {
            StatusCode::PAYLOAD_TOO_LARGE => "too_large",
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
            _ => "bad_json",
        };
        ApiError::new(status, code, text)
    }
}

impl From<PathRejection> for ApiError {
    fn from(r: PathRejection) -> ApiError {
        ApiError::bad_request(r.body_text())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> ApiError {
        ApiError::bad_request(r.body_text())
    }
}

/// `axum::Json` whose rejections are [`ApiError`]s, which takes only a JSON object, and which refuses
/// text with NUL characters on every backend (PostgreSQL cannot store them; SQLite could, and the
/// two must answer alike).
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        if !json_content_type(req.headers()) {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Expected request with `Content-Type: application/json`",
            ));
        }
        let body = Bytes::from_request(req, state).await.map_err(|r| {
            let code = match r.status() {
                StatusCode::PAYLOAD_TOO_LARGE => "too_large",
                _ => "bad_body",
            };
            ApiError::new(r.status(), code, r.body_text())
        })?;
        // Every request body is an object; serde alone would also read a struct from an array of
        // its fields.
        if body.trim_ascii_start().first() != Some(&b'{') {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad_json",
                "the body must be a JSON object",
            ));
        }
        if escapes_nul(&body) {
            return Err(nul_refused());
        }
        let Json(value) = Json::<T>::from_bytes(&body)?;
        Ok(ApiJson(value))
    }
}

fn nul_refused() -> ApiError {
    ApiError::bad_request("text may not contain NUL characters (U+0000)")
}

/// `application/json` or `application/…+json`, parameters ignored (as `axum::Json` accepts).
fn json_content_type(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Whether a JSON text holds the escape `\u0000` (a raw NUL byte is not valid JSON at all): a
/// `\u0000` preceded by an even number of further backslashes, so `"\\u0000"` (a backslash, then
/// the letters u0000) does not count.
fn escapes_nul(json: &[u8]) -> bool {
    const ESCAPE: &[u8] = b"\\u0000";
    json.windows(ESCAPE.len()).enumerate().any(|(at, window)| {
        window == ESCAPE
            && json
                .get(..at)
                .unwrap_or_default()
                .iter()
                .rev()
                .take_while(|&&b| b == b'\\')
                .count()
                % 2
                == 0
    })
}

/// `axum::extract::Path` whose rejections are [`ApiError`]s.
#[derive(Debug, axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct ApiPath<T>(pub T);

/// `axum::extract::Query` whose rejections are [`ApiError`]s.
#[derive(Debug, axum::extract::FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct ApiQuery<T>(pub T);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_escape_is_found_and_an_escaped_backslash_is_not_one() {
        let encoded = |text: &str| serde_json::to_vec(&serde_json::json!({ "text": text }));
        assert!(escapes_nul(&encoded("a\u{0}b").unwrap_or_default()));
        assert!(escapes_nul(&encoded("\\\u{0}").unwrap_or_default()));
        assert!(!escapes_nul(&encoded("a\\u0000b").unwrap_or_default()));
        assert!(!escapes_nul(&encoded("\\\\u0000").unwrap_or_default()));
        assert!(!escapes_nul(br#"{"text":"u0000"}"#));
    }

    #[test]
    fn json_content_types_are_recognised_as_axum_does() {
        let with = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(
                header::CONTENT_TYPE,
                header::HeaderValue::from_static(value),
            );
            json_content_type(&headers)
        };
        assert!(with("application/json"));
        assert!(with("Application/JSON; charset=utf-8"));
        assert!(with("application/problem+json"));
        assert!(!with("text/plain"));
        assert!(!with("text/json+xml"));
        assert!(!json_content_type(&HeaderMap::new()));
    }
}
