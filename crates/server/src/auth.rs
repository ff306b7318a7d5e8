//! Who is asking: a customer (a signed token), a human agent (a session cookie, plus a CSRF token on
//! every change), or a merchant (an API key). Each is an extractor, so a handler that names one
//! cannot run without it.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{Method, header};
use chrono::Utc;
use fairdesk_agent::AuthenticatedCustomer;
use fairdesk_ledger::{IdempotencyKey, MerchantId};
use fairdesk_store::AgentSession;
use sha2::{Digest, Sha256};

use crate::Shared;
use crate::error::ApiError;

pub const SESSION_COOKIE: &str = "fairdesk_session";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Hex SHA-256 of a secret, as stored for session tokens and API keys.
pub fn digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A random token: 32 bytes from the OS, hex.
pub fn random_token() -> Result<String, ApiError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(ApiError::internal)?;
    Ok(hex::encode(bytes))
}

fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
}

fn query_token(parts: &Parts) -> Option<String> {
    parts.uri.query()?.split('&').find_map(|pair| {
        let value = pair.strip_prefix("token=")?;
        Some(value.replace("%7E", "~"))
    })
}

fn verify_customer(state: &Shared, token: &str) -> Result<AuthenticatedCustomer, ApiError> {
    state
        .secret
        .verify_within(token, Utc::now(), state.limits.customer_token_minutes_max)
        .map(AuthenticatedCustomer::verified)
        .map_err(|e| {
            ApiError::new(
                axum::http::StatusCode::UNAUTHORIZED,
                "bad_token",
                e.to_string(),
            )
        })
}

/// A customer identified by `Authorization: Bearer <token>`.
#[derive(Debug)]
pub struct Customer(pub AuthenticatedCustomer);

impl FromRequestParts<Shared> for Customer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, ApiError> {
        let token = bearer(parts).ok_or_else(|| {
            ApiError::unauthorized("send the customer token as `Authorization: Bearer <token>`")
        })?;
        verify_customer(state, token).map(Customer)
    }
}

/// A customer on a WebSocket: browsers cannot set headers there, so the token may come as
/// `?token=`.
#[derive(Debug)]
pub struct WsCustomer(pub AuthenticatedCustomer);

impl FromRequestParts<Shared> for WsCustomer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, ApiError> {
        let token = bearer(parts)
            .map(str::to_owned)
            .or_else(|| query_token(parts))
            .ok_or_else(|| ApiError::unauthorized("send the customer token as `?token=`"))?;
        verify_customer(state, &token).map(WsCustomer)
    }
}

fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name).then_some(v)
        })
}

/// Constant-time equality for secrets of equal length.
pub(crate) fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A logged-in human agent. Any method but GET must carry the session's CSRF token in
/// `X-CSRF-Token`.
#[derive(Debug, Clone)]
pub struct Agent {
    pub session: AgentSession,
    pub token_hash: String,
    /// The session's CSRF token, derived again from the cookie (only its hash is stored).
    pub csrf: String,
}

/// The CSRF token of the session whose cookie is `session_token`.
pub fn csrf_token(state: &Shared, session_token: &str) -> String {
    state.secret.derive("csrf", session_token)
}

impl Agent {
    /// Refuses a change whose CSRF token (header or form field) is not this session's.
    pub fn check_csrf(&self, sent: &str) -> Result<(), ApiError> {
        if same(&digest(sent), &self.session.csrf_hash) {
            Ok(())
        } else {
            Err(ApiError::forbidden(
                "csrf",
                "missing or wrong X-CSRF-Token header (it comes with the login)",
            ))
        }
    }
}

/// The agent of the session cookie, whatever the method; the CSRF token is the caller's to check.
async fn session_agent(parts: &Parts, state: &Shared) -> Result<Agent, ApiError> {
    let token = cookie(parts, SESSION_COOKIE)
        .ok_or_else(|| ApiError::unauthorized("log in first: no agent session"))?;
    let token_hash = digest(token);
    let session = state
        .engine
        .store()
        .session(&token_hash, Utc::now())
        .await?
        .ok_or_else(|| ApiError::unauthorized("the session expired or was ended; log in again"))?;
    Ok(Agent {
        session,
        token_hash,
        csrf: csrf_token(state, token),
    })
}

impl FromRequestParts<Shared> for Agent {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, ApiError> {
        let agent = session_agent(parts, state).await?;
        if parts.method != Method::GET {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            agent.check_csrf(sent)?;
        }
        Ok(agent)
    }
}

/// A logged-in agent for the console's pages: a GET, or a form that carries the CSRF token in its
/// body, which the handler checks with [`Agent::check_csrf`] before changing anything.
#[derive(Debug)]
pub struct AgentPage(pub Agent);

impl FromRequestParts<Shared> for AgentPage {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, ApiError> {
        session_agent(parts, state).await.map(AgentPage)
    }
}

/// The address the request came from (the TCP peer; a proxy in front of the service is its
/// address), when the server was started with connect info.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub Option<std::net::IpAddr>);

impl<S: Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip());
        Ok(ClientAddr(peer))
    }
}

/// A merchant identified by `Authorization: Bearer <API key>`.
#[derive(Debug)]
pub struct Merchant(pub MerchantId);

impl FromRequestParts<Shared> for Merchant {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, ApiError> {
        let key = bearer(parts).ok_or_else(|| {
            ApiError::unauthorized("send the merchant API key as `Authorization: Bearer <key>`")
        })?;
        state
            .engine
            .store()
            .merchant_by_key(&digest(key))
            .await?
            .map(Merchant)
            .ok_or_else(|| ApiError::unauthorized("unknown API key"))
    }
}

/// The `Idempotency-Key` header every money-moving request must carry: a retry with the same key
/// changes nothing twice.
#[derive(Debug)]
pub struct Idempotency(pub String);

/// Longest idempotency key accepted.
const KEY_CHARS_MAX: usize = 100;

impl<S: Sync> FromRequestParts<S> for Idempotency {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let key = parts
            .headers
            .get("idempotency-key")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let ok = !key.is_empty()
            && key.len() <= KEY_CHARS_MAX
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
        if !ok {
            return Err(ApiError::bad_request(format!(
                "send an Idempotency-Key header: 1 to {KEY_CHARS_MAX} characters of A-Z, a-z, \
                 0-9, '-', '_', '.', ':'"
            )));
        }
        Ok(Idempotency(key.to_owned()))
    }
}

impl Idempotency {
    /// The ledger key for this request: `kind` (`agent`, `merchant`) and a digest of who sent it and
    /// their key, so two merchants' equal keys never collide and any key fits the ledger's length.
    pub fn ledger_key(&self, kind: &str, who: &str) -> Result<IdempotencyKey, ApiError> {
        let hash = digest(&format!("{who}\n{}", self.0));
        format!("{kind}:{}", hash.get(..48).unwrap_or(&hash))
            .parse()
            .map_err(ApiError::internal)
    }
}

/// An argon2id hash (PHC string) of a new agent's password.
pub fn hash_password(password: &str) -> Result<String, String> {
    use argon2::PasswordHasher;
    argon2::Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}
