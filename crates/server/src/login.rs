//! Agent login, hardened: failed logins are counted per agent name and per client address in the
//! database (so every process sees them), each beyond the first few doubles a back-off, and a name
//! that keeps failing is locked until a supervisor lifts the lock. Passwords are checked on the
//! bounded pool of [`crate::password`], an unknown name against a dummy hash. Every outcome goes to
//! the audit log.

use std::net::IpAddr;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};

use crate::api::{AgentSessionView, AgentView, Login};
use crate::auth::{Agent, ClientAddr, csrf_token, digest, random_token};
use crate::error::{ApiError, ApiJson, ApiPath, ErrorBody};
use crate::password::PoolError;
use crate::{Shared, audit, session_cookie, with_cookie};

/// Failed logins of a subject that cost nothing; each one after doubles the back-off from 1 s.
const FREE_FAILURES: i64 = 3;
/// Longest agent name looked at, in characters (longer ones are cut for the throttle's key).
const NAME_CHARS_MAX: usize = 64;

fn name_subject(name: &str) -> String {
    format!("name:{}", audit::clean(name, NAME_CHARS_MAX))
}

fn addr_subject(addr: Option<IpAddr>) -> String {
    addr.map_or_else(|| "addr:unknown".to_owned(), |a| format!("addr:{a}"))
}

fn throttled(code: &'static str, message: &str, retry_after_seconds: i64) -> Response {
    let mut response = ApiError::new(StatusCode::TOO_MANY_REQUESTS, code, message).into_response();
    if let Ok(value) = HeaderValue::from_str(&retry_after_seconds.max(1).to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// Why a login may not even be tried now, if it may not.
async fn refusal(
    state: &Shared,
    subjects: &[String; 2],
    now: DateTime<Utc>,
) -> Result<Option<Response>, ApiError> {
    for subject in subjects {
        let Some(t) = state.store().login_throttle(subject).await? else {
            continue;
        };
        if t.locked {
            let message = "this name is locked after too many failed logins; a supervisor can \
                           lift the lock";
            return Ok(Some(throttled("locked", message, 3600)));
        }
        if let Some(until) = t.blocked_until.filter(|u| *u > now) {
            let message = "too many failed logins; wait before trying again";
            return Ok(Some(throttled(
                "throttled",
                message,
                (until - now).num_seconds() + 1,
            )));
        }
    }
    Ok(None)
}

/// Counts a failure for each subject and sets its back-off (and the name's lockout).
async fn record_failure(
    state: &Shared,
    subjects: &[String; 2],
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    for (i, subject) in subjects.iter().enumerate() {
        let failures = state.store().record_login_failure(subject, now).await?;
        if failures < FREE_FAILURES {
            continue;
        }
        let exponent = u32::try_from((failures - FREE_FAILURES).min(20)).unwrap_or(20);
        let seconds = (1i64 << exponent).min(state.limits.login_backoff_seconds_max);
        let lock = i == 0 && failures >= state.limits.login_failures_max;
        state
            .store()
            .block_login(subject, now + Duration::seconds(seconds), lock)
            .await?;
        if lock {
            tracing::warn!(target: "audit", event = "login_locked", subject = %subject);
        }
    }
    Ok(())
}

/// Log in with name and password; sets the session cookie and returns the CSRF token.
#[utoipa::path(post, path = "/api/v1/agent/login", tag = "agent", request_body = Login,
    responses(
        (status = 200, body = AgentSessionView, description = "Logged in; session cookie set"),
        (status = 401, description = "Wrong name or password", body = ErrorBody),
        (status = 429, description = "Backing off after failed logins, locked, or too many \
                                      logins at once; see Retry-After", body = ErrorBody),
    ))]
pub async fn login(
    State(state): State<Shared>,
    ClientAddr(addr): ClientAddr,
    ApiJson(body): ApiJson<Login>,
) -> Result<Response, ApiError> {
    let now = Utc::now();
    let subjects = [name_subject(&body.name), addr_subject(addr)];
    let who = audit::clean(&body.name, NAME_CHARS_MAX);
    let from = addr.map(|a| a.to_string()).unwrap_or_default();
    if let Some(refused) = refusal(&state, &subjects, now).await? {
        tracing::info!(target: "audit", event = "login", outcome = "refused", name = %who, addr = %from);
        return Ok(refused);
    }
    let account = state.store().agent_by_name(&body.name).await?;
    let hash = account.as_ref().map(|a| a.password_hash.as_str());
    let ok = match state.passwords.check(hash, &body.password).await {
        Ok(ok) => ok,
        Err(PoolError::Busy) => {
            tracing::info!(target: "audit", event = "login", outcome = "busy", name = %who, addr = %from);
            return Ok(throttled("busy", &PoolError::Busy.to_string(), 2));
        }
        Err(e) => return Err(ApiError::internal(e)),
    };
    let Some(account) = account.filter(|_| ok) else {
        record_failure(&state, &subjects, now).await?;
        tracing::info!(target: "audit", event = "login", outcome = "failure", name = %who, addr = %from);
        return Err(ApiError::unauthorized("wrong name or password"));
    };
    state.store().clear_login_throttle(&subjects[0]).await?;
    let token = random_token()?;
    let csrf = csrf_token(&state, &token);
    let hours = state.limits.session_hours;
    state
        .store()
        .create_session(
            &digest(&token),
            &account.id,
            &digest(&csrf),
            now + Duration::hours(hours),
            now,
            state.limits.agent_sessions_max,
        )
        .await?;
    tracing::info!(target: "audit", event = "login", outcome = "success", agent = %account.id, addr = %from);
    let view = AgentSessionView {
        agent: AgentView::new(&account.id, &account.name, account.role),
        csrf_token: csrf,
    };
    let cookie = session_cookie(&token, hours * 3600, state.limits.secure_cookies);
    Ok(with_cookie(cookie, Json(view)))
}

/// Lift the lockout and back-off of an agent name (supervisors only).
#[utoipa::path(post, path = "/api/v1/agent/lockouts/{name}/lift", tag = "agent",
    params(("name" = String, Path, description = "The agent name that was locked")),
    responses(
        (status = 204, description = "Lifted"),
        (status = 403, description = "Not a supervisor", body = ErrorBody),
        (status = 404, description = "The name was neither locked nor backing off", body = ErrorBody),
    ))]
pub async fn lift_lockout(
    State(state): State<Shared>,
    agent: Agent,
    ApiPath(name): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let me = &agent.session.agent;
    if me.role != fairdesk_store::Role::Supervisor {
        return Err(ApiError::forbidden(
            "supervisors_only",
            "only a supervisor may lift a lockout",
        ));
    }
    if !state
        .store()
        .clear_login_throttle(&name_subject(&name))
        .await?
    {
        return Err(ApiError::not_found("lockout of that name"));
    }
    tracing::info!(target: "audit", event = "lockout_lifted", by = %me.id, name = %audit::clean(&name, NAME_CHARS_MAX));
    Ok(StatusCode::NO_CONTENT)
}
