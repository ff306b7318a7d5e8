//! fairdesk's service: the conversation engine over HTTP and WebSocket, for the lender's customers
//! (chat), its human agents (console) and its merchants (checkout, returns, refunds).
//!
//! One process on SQLite serves a small lender; many processes on one PostgreSQL serve a large one,
//! with live events between them through LISTEN/NOTIFY (see [`events`]). The API is described by the
//! OpenAPI document at `/api/openapi.json`, generated from the handlers.

pub mod access;
mod agent_api;
pub mod api;
pub mod audit;
pub mod auth;
pub mod config;
pub mod consent;
mod customer;
pub mod error;
pub mod events;
mod login;
mod merchant;
pub mod metrics;
mod ops;
pub mod password;
mod presence;
mod publish;
pub mod stats;
pub mod token;
mod web;
mod ws;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use fairdesk_agent::{AgentPolicy, Engine};
use fairdesk_store::Store;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use config::{ConfigError, FileConfig, ServerConfig, ServiceLimits, WebConfig, WidgetConfig};
pub use token::Secret;

use crate::error::ApiError;
use crate::events::{Bus, Hub};
use crate::metrics::Metrics;
use crate::password::Passwords;

/// What every request handler shares.
#[derive(Debug)]
pub struct AppState {
    pub engine: Engine,
    pub secret: Secret,
    pub bus: Bus,
    pub metrics: Metrics,
    pub limits: ServiceLimits,
    pub web: WebConfig,
    /// The bounded pool agent passwords are checked on.
    pub passwords: Passwords,
    /// Which agents look at which case in the console (this process's).
    presence: presence::Presence,
    turns: std::sync::Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// Open WebSockets per customer in this process.
    customer_sockets: std::sync::Mutex<HashMap<fairdesk_ledger::CustomerId, i64>>,
    /// Set when the process shuts down: every WebSocket closes with a close frame.
    closing: tokio::sync::watch::Sender<bool>,
}

pub type Shared = Arc<AppState>;

/// Per-conversation locks kept before old ones are swept.
const TURN_LOCKS_SWEEP_AT: usize = 4_096;

impl AppState {
    /// Serializes the turns of one conversation within this process (another process's concurrent
    /// write is caught by the conversation's version and answered with 409).
    async fn turn_lock(&self, conversation_id: &str) -> tokio::sync::OwnedMutexGuard<()> {
        let lock = {
            let mut turns = self.turns.lock().unwrap_or_else(|p| p.into_inner());
            if turns.len() >= TURN_LOCKS_SWEEP_AT {
                turns.retain(|_, l| Arc::strong_count(l) > 1);
            }
            Arc::clone(turns.entry(conversation_id.to_owned()).or_default())
        };
        lock.lock_owned().await
    }

    pub fn store(&self) -> &Store {
        self.engine.store()
    }

    /// Counts a customer's new WebSocket; false (and nothing counted) when they hold the most
    /// allowed already.
    fn open_customer_socket(&self, customer: &fairdesk_ledger::CustomerId) -> bool {
        let mut sockets = self
            .customer_sockets
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let open = sockets.entry(customer.clone()).or_insert(0);
        if *open >= self.limits.websockets_per_customer_max {
            return false;
        }
        *open += 1;
        true
    }

    fn close_customer_socket(&self, customer: &fairdesk_ledger::CustomerId) {
        let mut sockets = self
            .customer_sockets
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if let Some(open) = sockets.get_mut(customer) {
            *open -= 1;
            if *open <= 0 {
                sockets.remove(customer);
            }
        }
    }

    /// Tells every WebSocket to close, and waits (a bounded time) until they have.
    pub async fn close_sockets(&self) {
        self.closing.send_replace(true);
        let deadline = Instant::now() + SOCKETS_CLOSE_WAIT;
        while self
            .metrics
            .websockets
            .load(std::sync::atomic::Ordering::Relaxed)
            > 0
            && Instant::now() < deadline
        {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

/// How long a shutdown waits for WebSockets to send their close frames.
const SOCKETS_CLOSE_WAIT: Duration = Duration::from_secs(2);

#[derive(OpenApi)]
#[openapi(
    info(
        title = "fairdesk",
        description = "Customer service for a buy-now-pay-later lender: customers' chat, human \
                       agents' console, merchants' checkout. Customers authenticate with a token \
                       signed by the lender's site (`Authorization: Bearer v1.…`), agents with a \
                       session cookie plus `X-CSRF-Token` on changes, merchants with an API key. \
                       Live events: `GET /api/v1/conversations/{id}/live?token=…` (customer) and \
                       `GET /api/v1/agent/live` (agent) upgrade to WebSockets carrying `Event`s.",
    ),
    components(schemas(events::Event, error::ErrorBody))
)]
struct ApiDoc;

/// Builds the state: the engine (training the understanding model on first use), the event bus
/// and its listener.
pub async fn state(
    store: Store,
    database_url: &str,
    secret: Secret,
    policy: AgentPolicy,
    limits: ServiceLimits,
    web: WebConfig,
) -> anyhow::Result<Shared> {
    let engine = Engine::new(store.clone(), policy)?;
    let bus = Bus::new(Arc::new(Hub::default()), store);
    bus.listen(database_url).await?;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = cores.min(password::THREADS_MAX);
    let passwords = Passwords::start(threads, limits.login_queue_max)?;
    Ok(Arc::new(AppState {
        engine,
        secret,
        bus,
        metrics: Metrics::default(),
        limits,
        web,
        passwords,
        presence: presence::Presence::default(),
        turns: std::sync::Mutex::new(HashMap::new()),
        customer_sockets: std::sync::Mutex::new(HashMap::new()),
        closing: tokio::sync::watch::Sender::new(false),
    }))
}

/// The OpenAPI document of every route.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api_router().split_for_parts().1
}

fn api_router() -> OpenApiRouter<Shared> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(customer::start))
        .routes(routes!(customer::transcript))
        .routes(routes!(customer::send))
        .routes(routes!(customer::rate))
        .routes(routes!(customer::my_orders))
        .routes(routes!(customer::checkout_consent))
        .routes(routes!(login::login))
        .routes(routes!(login::lift_lockout))
        .routes(routes!(agent_api::logout))
        .routes(routes!(agent_api::me))
        .routes(routes!(agent_api::queue))
        .routes(routes!(agent_api::case))
        .routes(routes!(agent_api::claim))
        .routes(routes!(agent_api::reply))
        .routes(routes!(agent_api::act))
        .routes(routes!(agent_api::resolve))
        .routes(routes!(agent_api::hand_back))
        .routes(routes!(stats::stats))
        .routes(routes!(merchant::create_order))
        .routes(routes!(merchant::order))
        .routes(routes!(merchant::shipped))
        .routes(routes!(merchant::delivered))
        .routes(routes!(merchant::confirm_return))
        .routes(routes!(merchant::refund))
        .routes(routes!(ops::health))
        .routes(routes!(ops::ready))
}

/// The whole HTTP application.
pub fn app(state: Shared) -> Router {
    let (router, api) = api_router().split_for_parts();
    let api = Arc::new(api);
    let router = if state.web.demo {
        router.merge(web::demo_routes())
    } else {
        router
    };
    router
        .merge(web::routes())
        .route(
            "/api/openapi.json",
            get(move || {
                let api = Arc::clone(&api);
                async move { axum::Json(api.as_ref().clone()) }
            }),
        )
        .route("/metrics", get(ops::metrics))
        .route("/api/v1/conversations/{id}/live", get(ws::customer))
        .route("/api/v1/agent/live", get(ws::agent))
        .fallback(not_found)
        .layer(axum::extract::DefaultBodyLimit::max(
            state.limits.body_bytes_max,
        ))
        .layer(middleware::from_fn_with_state(Arc::clone(&state), track))
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::internal("a request handler panicked").into_response()
        }))
        .layer(middleware::from_fn(access::log))
        .with_state(state)
}

async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "no_route",
        "no such endpoint; see /api/openapi.json",
    )
}

/// Counts responses by class and times them.
async fn track(State(state): State<Shared>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let response = next.run(req).await;
    state.metrics.http_seconds.observe(started.elapsed());
    let class = match response.status().as_u16() {
        100..=399 => "2xx",
        400..=499 => "4xx",
        _ => "5xx",
    };
    state.metrics.responses.inc(class);
    response
}

/// Serves until the process is stopped (Ctrl-C or SIGTERM), finishing requests in flight.
pub async fn serve(listener: TcpListener, state: Shared) -> std::io::Result<()> {
    serve_until(listener, state, shutdown()).await
}

/// Serves until `stop` completes; then WebSockets get a close frame ("going away") and requests in
/// flight finish. Peers' addresses reach the handlers (login throttling per address).
pub async fn serve_until(
    listener: TcpListener,
    state: Shared,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let closing = Arc::clone(&state);
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        stop.await;
        closing.close_sockets().await;
    })
    .await
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// `Set-Cookie` value for an agent session.
fn session_cookie(token: &str, max_age_seconds: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age_seconds}{secure}",
        auth::SESSION_COOKIE
    )
}

fn with_cookie(cookie: String, body: impl IntoResponse) -> Response {
    ([(header::SET_COOKIE, cookie)], body).into_response()
}
