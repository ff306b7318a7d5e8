//! The faces: web pages served by the same process as the APIs, for people who will never use curl.
//! Pages are rendered on the server (maud: one small proc-macro, checked at compile time) and
//! call the same customer API as any other client, through a little plain JavaScript; scripts and
//! styles are compiled into the binary, so `cargo build` stays the only build step and nothing is
//! loaded from elsewhere.
//!
//! Today: the chat widget (`/widget`, embedded by `/widget.js`), the agent console (`/console`),
//! the supervisors' operations dashboard (`/dashboard`) and, in demo mode only, the demo shop.

mod case;
mod charts;
mod console;
mod dashboard;
mod demo;
mod language;
mod rating;
mod waiting;
mod widget;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::{DOCTYPE, Markup, html};

use crate::Shared;

/// The pages every server has.
pub(crate) fn routes() -> Router<Shared> {
    Router::new()
        .route("/widget", get(widget::page).post(widget::post))
        .route("/widget/rating", axum::routing::post(rating::rate))
        .route("/widget/status", get(waiting::status))
        .route("/widget.js", get(widget::loader))
        .route("/widget/chat.js", get(widget::chat_js))
        .route("/widget/chat.css", get(widget::chat_css))
        .route("/dashboard", get(dashboard::page))
        .route("/dashboard/login", axum::routing::post(dashboard::login))
        .route("/dashboard/dashboard.css", get(dashboard::css))
        .route("/console", get(console::queue_page))
        .route(
            "/console/login",
            get(console::login_page).post(console::login_post),
        )
        .route("/console/logout", post(console::logout))
        .route("/console/queue", get(console::queue_fragment))
        .route("/console/case/{id}", get(case::page).post(case::post))
        .route(
            "/console/action-needs-javascript",
            post(case::action_without_script),
        )
        .route("/console/console.js", get(console::console_js))
        .route("/console/console.css", get(console::console_css))
}

/// The demo shop's pages; only mounted by `fairdesk demo`, since they sign a token for anyone.
pub(crate) fn demo_routes() -> Router<Shared> {
    Router::new()
        .route("/demo/shop", get(demo::picker))
        .route("/demo/shop/{customer}", get(demo::shop))
        .route("/demo/shop.css", get(demo::shop_css))
}

/// A whole page: the document, its title and stylesheet, and the body.
fn document(lang: &str, title: &str, stylesheet: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href=(stylesheet);
            }
            body { (body) }
        }
    }
}

/// A page whose response must not be cached or leak its address (it may carry a token).
fn private_page(status: StatusCode, csp: &str, markup: Markup) -> Response {
    let mut response = (status, axum::response::Html(markup.into_string())).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Ok(value) = HeaderValue::from_str(csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

/// What every page may load: its own scripts, styles and API, nothing else. `frame_ancestors` says
/// who may show it in a frame.
fn content_security_policy(frame_ancestors: &str) -> String {
    format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
         img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors {frame_ancestors}"
    )
}

/// An error as a page a person can read: what went wrong and what to do.
fn error_page(status: StatusCode, title: &str, advice: &str) -> Response {
    let body = html! {
        main class="error-page" {
            h1 { (title) }
            p { (advice) }
        }
    };
    private_page(
        status,
        &content_security_policy("'self'"),
        document("en", title, "/widget/chat.css", body),
    )
}

/// A file compiled into the binary, with its type; cached for an hour (the name does not change
/// between versions, so not longer).
fn asset(content_type: &'static str, body: impl Into<axum::body::Body>) -> Response {
    let body: axum::body::Body = body.into();
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}
