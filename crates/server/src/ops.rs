//! Operations endpoints: liveness, readiness (the database answers), Prometheus metrics.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;

use crate::Shared;
use crate::api::Health;
use crate::error::{ApiError, ErrorBody};

/// The process is up.
#[utoipa::path(get, path = "/health", tag = "operations", responses((status = 200, body = Health)))]
pub async fn health() -> Json<Health> {
    Json(Health {
        status: "ok".to_owned(),
    })
}

/// The process can serve: its database answers.
#[utoipa::path(get, path = "/ready", tag = "operations",
    responses((status = 200, body = Health), (status = 503, body = ErrorBody)))]
pub async fn ready(State(state): State<Shared>) -> Result<Json<Health>, ApiError> {
    sqlx::query("SELECT 1")
        .execute(state.store().pool())
        .await
        .map_err(|e| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "not_ready", e.to_string()))?;
    Ok(Json(Health {
        status: "ready".to_owned(),
    }))
}

/// Prometheus metrics (text exposition format).
pub async fn metrics(State(state): State<Shared>) -> impl IntoResponse {
    let queue = state
        .store()
        .queued_conversations()
        .await
        .map(|q| q.len())
        .unwrap_or_default();
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.render(queue),
    )
}
