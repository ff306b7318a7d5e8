//! The agent console: the pages a person at the lender works customers' conversations in. A login
//! page, the live queue (who waits, in which language, why, how urgent, for how long, and which
//! agents are looking at it) with the conversations the agent holds, and the case page
//! ([`super::case`]).
//!
//! Pages are rendered on the server from the same store and the same access rules as the agent
//! API; `console.js` keeps them live over the agent WebSocket (the queue redraws when a conversation
//! changes hands, waiting times tick) and sends changes to the API with the session's CSRF token.
//! Login, logout, claim, reply, resolve and hand back are plain forms that also work without
//! JavaScript (they carry the CSRF token in a hidden field); money actions need the script, which
//! asks for a confirmation first.
//!
//! The console's own words are English for now (they move to Fluent with the language switch,
//! #12); what the customer reads (the snippets) is in the customer's language.

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use fairdesk_store::{Conversation, Role};
use maud::{Markup, html};
use serde::Deserialize;

use super::{asset, content_security_policy, document, private_page};
use crate::api::Login;
use crate::auth::{AgentPage, ClientAddr};
use crate::error::{ApiError, ApiJson};
use crate::{Shared, login};

/// The queue shows at most this many waiting conversations (the longest waiting first).
const QUEUE_SHOWN_MAX: usize = 50;

/// A console page: the document, with the console's stylesheet and script.
pub(super) fn console_page(status: StatusCode, title: &str, body: Markup) -> Response {
    let body = html! {
        a class="skip" href="#main" { "Skip to the content" }
        (body)
        script src="/console/console.js" {}
    };
    private_page(
        status,
        &content_security_policy("'none'"),
        document("en", title, "/console/console.css", body),
    )
}

/// The header of every page behind the login: who is logged in, and the way out.
pub(super) fn head(agent: &AgentPage) -> Markup {
    let me = &agent.0.session.agent;
    html! {
        header class="console-head" {
            p class="brand" { a href="/console" { "fairdesk console" } }
            p class="signed-in" { "Logged in as " strong { (me.name) } " (" (me.role.as_str()) ")" }
            form method="post" action="/console/logout" {
                input type="hidden" name="csrf" value=(agent.0.csrf);
                button type="submit" class="secondary" { "Log out" }
            }
        }
    }
}

/// Without a session, the pages behind the login send the browser to it.
pub(super) fn to_login() -> Response {
    Redirect::to("/console/login").into_response()
}

pub(super) async fn login_page() -> Response {
    login_form(StatusCode::OK, None)
}

fn login_form(status: StatusCode, error: Option<&str>) -> Response {
    let body = html! {
        main id="main" class="login" {
            h1 { "Log in to the agent console" }
            @if let Some(e) = error {
                p id="login-error" class="error" role="alert" { (e) }
            }
            form method="post" action="/console/login" {
                label for="name" { "Name" }
                input id="name" name="name" type="text" autocomplete="username" required
                    aria-describedby=[error.map(|_| "login-error")];
                label for="password" { "Password" }
                input id="password" name="password" type="password"
                    autocomplete="current-password" required;
                button type="submit" { "Log in" }
            }
        }
    };
    console_page(status, "Log in · fairdesk console", body)
}

#[derive(Debug, Deserialize)]
pub(super) struct LoginForm {
    name: String,
    password: String,
}

/// The login form: the agent API's login (same throttling, lockout and audit), then the console.
pub(super) async fn login_post(
    State(state): State<Shared>,
    addr: ClientAddr,
    form: Result<Form<LoginForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return login_form(
            StatusCode::BAD_REQUEST,
            Some("Fill in your name and password."),
        );
    };
    let body = Login {
        name: form.name,
        password: form.password,
    };
    match login::login(State(state), addr, ApiJson(body)).await {
        Ok(r) if r.status().is_success() => {
            let mut to = Redirect::to("/console").into_response();
            if let Some(cookie) = r.headers().get(header::SET_COOKIE) {
                to.headers_mut().insert(header::SET_COOKIE, cookie.clone());
            }
            to
        }
        Ok(r) => login_form(
            r.status(),
            Some("Too many attempts, or the name is locked. Wait a while, or ask a supervisor."),
        ),
        Err(e) if e.status.is_server_error() => login_form(
            e.status,
            Some("Logging in is not possible right now. Try again in a minute."),
        ),
        Err(e) => login_form(e.status, Some("Wrong name or password.")),
    }
}

#[derive(Debug, Deserialize)]
pub(super) struct CsrfForm {
    csrf: String,
}

pub(super) async fn logout(
    State(state): State<Shared>,
    agent: Result<AgentPage, ApiError>,
    form: Result<Form<CsrfForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let (Ok(agent), Ok(Form(form))) = (agent, form) else {
        return to_login();
    };
    if agent.0.check_csrf(&form.csrf).is_err() {
        return to_login();
    }
    if let Err(e) = state.store().delete_session(&agent.0.token_hash).await {
        tracing::error!(error = %e, "could not end a session");
    }
    let mut to = Redirect::to("/console/login").into_response();
    let cookie = crate::session_cookie("", 0, state.limits.secure_cookies);
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        to.headers_mut().insert(header::SET_COOKIE, value);
    }
    to
}

/// The queue page: waiting conversations and the agent's own.
pub(super) async fn queue_page(
    State(state): State<Shared>,
    agent: Result<AgentPage, ApiError>,
) -> Response {
    let Ok(agent) = agent else {
        return to_login();
    };
    let lists = match lists(&state, &agent).await {
        Ok(lists) => lists,
        Err(e) => return super::case::failed(&e),
    };
    let body = html! {
        (head(&agent))
        main id="main" class="queue-page" data-csrf=(agent.0.csrf)
            data-agent=(agent.0.session.agent.name) {
            h1 { "Queue" }
            // The lists are drawn again as a whole; this line stays and tells screen readers.
            p id="queue-live" class="visually-hidden" role="status" aria-live="polite" {}
            div id="lists" { (lists) }
        }
    };
    console_page(StatusCode::OK, "Queue · fairdesk console", body)
}

/// The queue's lists alone, for the script to redraw them when something changes.
pub(super) async fn queue_fragment(
    State(state): State<Shared>,
    agent: Result<AgentPage, ApiError>,
) -> Response {
    let Ok(agent) = agent else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    match lists(&state, &agent).await {
        Ok(lists) => (
            [(header::CACHE_CONTROL, "no-store")],
            axum::response::Html(lists.into_string()),
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

/// One conversation as a row of the queue, with what it takes to draw it.
struct Row {
    conversation: Conversation,
    customer: String,
    reason: Option<String>,
    /// Agents looking at it now (so two people do not open the same case unknowingly).
    viewers: Vec<String>,
}

async fn rows(state: &Shared, conversations: Vec<Conversation>) -> Result<Vec<Row>, ApiError> {
    let mut rows = Vec::new();
    for c in conversations.into_iter().take(QUEUE_SHOWN_MAX) {
        let customer = state
            .store()
            .customer(&c.customer)
            .await?
            .map_or_else(|| c.customer.to_string(), |c| c.name);
        let reason = state
            .store()
            .messages(&c.id)
            .await?
            .iter()
            .rev()
            .find(|m| m.author == fairdesk_store::Author::System)
            .and_then(|m| m.body.split_inclusive(". ").next().map(str::to_owned));
        let viewers = state.presence.viewers(&c.id);
        rows.push(Row {
            conversation: c,
            customer,
            reason,
            viewers,
        });
    }
    Ok(rows)
}

async fn lists(state: &Shared, agent: &AgentPage) -> Result<Markup, ApiError> {
    let me = &agent.0.session.agent;
    let queued = state.store().queued_conversations().await?;
    let waiting = queued.len();
    let mine = (me.role == Role::Agent).then_some(me.id.as_str());
    let held = state.store().held_conversations(mine).await?;
    let holding = held.len();
    let queued = rows(state, queued).await?;
    let held = rows(state, held).await?;
    let held_title = if me.role == Role::Agent {
        "Your conversations"
    } else {
        "Conversations with a person"
    };
    Ok(html! {
        p id="queue-count" class="count" {
            (count(waiting, "conversation waiting", "conversations waiting")) ", "
            (count(holding, "held", "held"))
        }
        section aria-labelledby="queue-h" {
            h2 id="queue-h" { "Waiting for a person" }
            @if queued.is_empty() {
                p class="empty" { "Nobody is waiting." }
            } @else {
                ol id="queue" class="cases" aria-live="polite" {
                    @for r in &queued { (row(r)) }
                }
            }
        }
        section aria-labelledby="held-h" {
            h2 id="held-h" { (held_title) }
            @if held.is_empty() {
                p class="empty" { "None." }
            } @else {
                ul id="held" class="cases" {
                    @for r in &held { (row(r)) }
                }
            }
        }
    })
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn row(r: &Row) -> Markup {
    let c = &r.conversation;
    let since = c.queued_at.unwrap_or(c.updated_at);
    html! {
        li class="case-row" data-conversation=(c.id) {
            a class="customer" href={ "/console/case/" (c.id) } { (r.customer) }
            dl {
                div { dt { "Language" } dd { (language_name(&c.language)) } }
                div { dt { "Queue" } dd { (c.queue.as_deref().unwrap_or("general")) } }
                div { dt { "Priority" } dd { (c.priority) } }
                div {
                    dt { "Waiting" }
                    dd { time class="waiting" datetime=(since.to_rfc3339()) { (waited(since)) } }
                }
            }
            @if let Some(reason) = &r.reason {
                p class="reason" { (reason) }
            }
            @if !r.viewers.is_empty() {
                p class="viewers" { "Looking at it: " (r.viewers.join(", ")) }
            }
        }
    }
}

/// How long since `since`, as the script also writes it ("3 min 05 s").
pub(super) fn waited(since: DateTime<Utc>) -> String {
    let s = (Utc::now() - since).num_seconds().max(0);
    match (s / 3600, s / 60 % 60, s % 60) {
        (0, 0, s) => format!("{s} s"),
        (0, m, s) => format!("{m} min {s:02} s"),
        (h, m, _) => format!("{h} h {m:02} min"),
    }
}

pub(super) fn language_name(code: &str) -> String {
    let name = match code {
        "en" => "English",
        "sv" => "Swedish",
        "nb" => "Norwegian",
        "da" => "Danish",
        "fi" => "Finnish",
        "de" => "German",
        "nl" => "Dutch",
        "pl" => "Polish",
        "fr" => "French",
        "es" => "Spanish",
        "it" => "Italian",
        other => return other.to_owned(),
    };
    format!("{name} ({code})")
}

pub(super) async fn console_js() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("assets/console.js"),
    )
}

pub(super) async fn console_css() -> Response {
    asset(
        "text/css; charset=utf-8",
        include_str!("assets/console.css"),
    )
}
