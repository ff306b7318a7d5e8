//! The agent console's pages over real HTTP: login and logout as plain forms, the queue, the case
//! page, its forms without JavaScript, who holds a case and who else looks at it, and the name of
//! the person the customer sees join. What the pages do in a browser is tested in `browser.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{AgentClient, PASSWORD, TestServer, Ws};
use fairdesk_store::{Author, Backend, ConversationState, Role};
use futures_util::SinkExt;
use serde_json::json;
use tokio_tungstenite::tungstenite::Message as WsMessage;

/// A client that shows redirects instead of following them.
fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

struct Page {
    status: u16,
    location: String,
    set_cookie: String,
    body: String,
}

async fn page(r: reqwest::RequestBuilder) -> Page {
    let r = r.send().await.unwrap();
    let header = |name| {
        r.headers()
            .get(name)
            .map(|v: &reqwest::header::HeaderValue| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let (location, set_cookie) = (header("location"), header("set-cookie"));
    Page {
        status: r.status().as_u16(),
        location,
        set_cookie,
        body: r.text().await.unwrap(),
    }
}

async fn get(s: &TestServer, path: &str, cookie: &str) -> Page {
    page(client().get(s.url(path)).header("cookie", cookie)).await
}

/// Percent-encodes a form value (reqwest is built here without its `form` feature).
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

async fn form(s: &TestServer, path: &str, cookie: &str, fields: &[(&str, &str)]) -> Page {
    let body = fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    page(
        client()
            .post(s.url(path))
            .header("cookie", cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body),
    )
    .await
}

/// A customer C-1 (Swedish) who asked for a person; the conversation's id.
async fn queued(s: &TestServer) -> String {
    let (id, _) = s.start_conversation("C-1").await;
    let turn = s.say("C-1", &id, "jag vill prata med en människa").await;
    assert_eq!(turn["conversation"]["state"], "queued");
    id
}

#[tokio::test]
async fn the_console_sends_a_visitor_without_a_session_to_the_login_page() {
    let s = TestServer::start(Backend::Sqlite).await;
    for path in ["/console", "/console/case/cv-1"] {
        let p = get(&s, path, "").await;
        assert_eq!(p.status, 303, "{path}");
        assert_eq!(p.location, "/console/login");
    }
    let p = get(&s, "/console/queue", "fairdesk_session=made-up").await;
    assert_eq!(p.status, 401);
    let p = get(&s, "/console/login", "").await;
    assert_eq!(p.status, 200);
    for part in [
        "<label for=\"name\">Name</label>",
        "<label for=\"password\">Password</label>",
        "autocomplete=\"current-password\"",
        "<form method=\"post\" action=\"/console/login\">",
    ] {
        assert!(p.body.contains(part), "missing {part:?} in {}", p.body);
    }
}

#[tokio::test]
async fn the_login_form_opens_the_queue_and_a_wrong_password_says_so() {
    let s = TestServer::start(Backend::Sqlite).await;
    s.add_agent("anna", Role::Agent).await;
    let wrong = form(
        &s,
        "/console/login",
        "",
        &[("name", "anna"), ("password", "wrong")],
    )
    .await;
    assert_eq!(wrong.status, 401);
    assert!(
        wrong.body.contains("Wrong name or password"),
        "{}",
        wrong.body
    );
    assert!(wrong.set_cookie.is_empty());
    let incomplete = form(&s, "/console/login", "", &[("name", "anna")]).await;
    assert_eq!(incomplete.status, 400);
    assert!(incomplete.body.contains("Fill in your name and password"));

    let ok = form(
        &s,
        "/console/login",
        "",
        &[("name", "anna"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(ok.status, 303);
    assert_eq!(ok.location, "/console");
    assert!(ok.set_cookie.contains("HttpOnly"), "{}", ok.set_cookie);
    let cookie = ok.set_cookie.split(';').next().unwrap().to_owned();
    let queue = get(&s, "/console", &cookie).await;
    assert_eq!(queue.status, 200);
    assert!(queue.body.contains("Logged in as <strong>anna</strong>"));
    assert!(queue.body.contains("Nobody is waiting."));

    // Logging out needs the session's CSRF token; a made-up one changes nothing.
    let csrf = queue
        .body
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let forged = form(&s, "/console/logout", &cookie, &[("csrf", "forged")]).await;
    assert_eq!(forged.status, 303);
    assert_eq!(get(&s, "/console", &cookie).await.status, 200);
    let out = form(&s, "/console/logout", &cookie, &[("csrf", &csrf)]).await;
    assert_eq!(out.location, "/console/login");
    assert!(out.set_cookie.contains("Max-Age=0"), "{}", out.set_cookie);
    assert_eq!(get(&s, "/console", &cookie).await.status, 303);
}

#[tokio::test]
async fn the_queue_shows_who_waits_in_which_language_why_and_for_how_long() {
    let s = TestServer::start(Backend::Sqlite).await;
    s.add_agent("anna", Role::Agent).await;
    let anna = AgentClient::login(&s.base, "anna").await;
    let id = queued(&s).await;
    let p = get(&s, "/console/queue", &anna.cookie).await;
    assert_eq!(p.status, 200);
    for part in [
        "1 conversation waiting, 0 held",
        &format!("href=\"/console/case/{id}\">Customer1 Test</a>"),
        "Swedish (sv)",
        "<dd>general</dd>",
        "The customer asked for a person.",
        "<time class=\"waiting\"",
        "aria-live=\"polite\"",
    ] {
        assert!(p.body.contains(part), "missing {part:?} in {}", p.body);
    }
    assert_eq!(
        anna.post(
            &format!("/api/v1/agent/conversations/{id}/claim"),
            json!({})
        )
        .await
        .0,
        200
    );
    let p = get(&s, "/console/queue", &anna.cookie).await;
    assert!(
        p.body.contains("0 conversations waiting, 1 held"),
        "{}",
        p.body
    );
    assert!(p.body.contains("Your conversations"));
}

#[tokio::test]
async fn the_case_page_has_the_summary_the_orders_and_snippets_in_the_customers_language() {
    let s = TestServer::start(Backend::Sqlite).await;
    s.add_agent("anna", Role::Agent).await;
    let anna = AgentClient::login(&s.base, "anna").await;
    let id = queued(&s).await;
    let before = get(&s, &format!("/console/case/{id}"), &anna.cookie).await;
    assert_eq!(before.status, 200);
    assert!(
        before
            .body
            .contains("Waiting in the general queue, number 1.")
    );
    assert!(before.body.contains("id=\"op-claim\""));
    assert!(
        !before.body.contains("id=\"reply\""),
        "only its holder replies"
    );

    assert_eq!(
        anna.post(
            &format!("/api/v1/agent/conversations/{id}/claim"),
            json!({})
        )
        .await
        .0,
        200
    );
    let p = get(&s, &format!("/console/case/{id}"), &anna.cookie).await;
    assert_eq!(p.status, 200);
    for part in [
        "You hold this conversation.",
        "The customer asked for a person.",
        "jag vill prata med en människa",
        "Nordic Shoes order O-1",
        "1000.00 SEK",
        "<caption>Payment schedule of O-1</caption>",
        "data-action=\"cancel\"",
        "data-action=\"move_due_date\"",
        "Hej, jag heter anna.",
        "Reply to Customer1 Test (Swedish (sv))",
        "id=\"op-resolve\"",
        "id=\"op-hand_back\"",
        "aria-live=\"polite\" aria-label=\"Conversation\" tabindex=\"0\"",
    ] {
        assert!(p.body.contains(part), "missing {part:?} in {}", p.body);
    }
    assert!(!p.body.contains("PayOff {"), "no program output");
}

#[tokio::test]
async fn a_second_agent_is_told_who_holds_the_case() {
    let s = TestServer::start(Backend::Sqlite).await;
    s.add_agent("anna", Role::Agent).await;
    s.add_agent("bertil", Role::Agent).await;
    let anna = AgentClient::login(&s.base, "anna").await;
    let bertil = AgentClient::login(&s.base, "bertil").await;
    let id = queued(&s).await;
    let claim = format!("/api/v1/agent/conversations/{id}/claim");
    assert_eq!(anna.post(&claim, json!({})).await.0, 200);
    let (status, body) = bertil.post(&claim, json!({})).await;
    assert_eq!(status, 409);
    assert_eq!(body["error"]["code"], "not_queued");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("anna holds this conversation already"),
        "{message}"
    );
    let c = s.store.conversation(&id).await.unwrap().unwrap();
    assert_eq!(c.agent_id.as_deref(), Some("ag-anna"), "still anna's");

    let p = get(&s, &format!("/console/case/{id}"), &bertil.cookie).await;
    assert_eq!(p.status, 403);
    assert!(p.body.contains("Not your conversation"), "{}", p.body);
    let p = form(
        &s,
        &format!("/console/case/{id}"),
        &bertil.cookie,
        &[("csrf", &bertil.csrf), ("op", "claim")],
    )
    .await;
    assert_eq!(p.status, 409);
    assert!(
        p.body.contains("anna holds this conversation already"),
        "{}",
        p.body
    );
}

#[tokio::test]
async fn a_supervisor_sees_every_held_case_and_may_take_one_over() {
    let s = TestServer::start(Backend::Sqlite).await;
    s.add_agent("anna", Role::Agent).await;
    s.add_agent("sam", Role::Supervisor).await;
    let anna = AgentClient::login(&s.base, "anna").await;
    let sam = AgentClient::login(&s.base, "sam").await;
    let id = queued(&s).await;
    let claim = format!("/api/v1/agent/conversations/{id}/claim");
    assert_eq!(anna.post(&claim, json!({})).await.0, 200);
    let queue = get(&s, "/console/queue", &sam.cookie).await;
    assert!(
        queue.body.contains("Conversations with a person"),
        "{}",
        queue.body
    );
    assert!(queue.body.contains(&format!("/console/case/{id}")));
    let case = get(&s, &format!("/console/case/{id}"), &sam.cookie).await;
    assert_eq!(case.status, 200);
    assert!(case.body.contains("Held by anna."), "{}", case.body);
    assert!(
        case.body.contains("id=\"op-claim\""),
        "a supervisor may take it over"
    );
    let path = format!("/console/case/{id}");
    let taken = form(
        &s,
        &path,
        &sam.cookie,
        &[("csrf", &sam.csrf), ("op", "claim")],
    )
    .await;
    assert_eq!(taken.status, 303);
    let c = s.store.conversation(&id).await.unwrap().unwrap();
    assert_eq!(c.agent_id.as_deref(), Some("ag-sam"));
}

#[tokio::test]
async fn the_case_forms_work_without_javascript_and_need_the_csrf_token() {
    let s = TestServer::start(Backend::Sqlite).await;
    s.add_agent("anna", Role::Agent).await;
    let anna = AgentClient::login(&s.base, "anna").await;
    let id = queued(&s).await;
    let path = format!("/console/case/{id}");
    let forged = form(
        &s,
        &path,
        &anna.cookie,
        &[("csrf", "forged"), ("op", "claim")],
    )
    .await;
    assert_eq!(forged.status, 403);
    assert!(
        forged.body.contains("The form has expired"),
        "{}",
        forged.body
    );
    let c = s.store.conversation(&id).await.unwrap().unwrap();
    assert_eq!(
        c.state,
        ConversationState::Queued,
        "a forged form changes nothing"
    );

    let csrf = anna.csrf.as_str();
    let claimed = form(&s, &path, &anna.cookie, &[("csrf", csrf), ("op", "claim")]).await;
    assert_eq!(
        (claimed.status, claimed.location.as_str()),
        (303, path.as_str())
    );
    let fields = [
        ("csrf", csrf),
        ("op", "reply"),
        ("text", "Hej! Jag hjälper dig."),
    ];
    assert_eq!(form(&s, &path, &anna.cookie, &fields).await.status, 303);
    let messages = s.store.messages(&id).await.unwrap();
    let last = messages.last().unwrap();
    assert_eq!(
        (last.author, last.body.as_str()),
        (Author::Agent, "Hej! Jag hjälper dig.")
    );
    let empty = form(
        &s,
        &path,
        &anna.cookie,
        &[("csrf", csrf), ("op", "reply"), ("text", " ")],
    )
    .await;
    assert_eq!(empty.status, 400);
    let unknown = form(&s, &path, &anna.cookie, &[("csrf", csrf), ("op", "delete")]).await;
    assert_eq!(unknown.status, 400);
    let action = form(&s, "/console/action-needs-javascript", &anna.cookie, &[]).await;
    assert!(action.body.contains("needs JavaScript"), "{}", action.body);

    let resolved = form(
        &s,
        &path,
        &anna.cookie,
        &[("csrf", csrf), ("op", "resolve")],
    )
    .await;
    assert_eq!(resolved.location, "/console");
    let c = s.store.conversation(&id).await.unwrap().unwrap();
    assert_eq!(c.state, ConversationState::Closed);
}

#[tokio::test]
async fn the_hand_back_form_gives_the_conversation_back_to_the_assistant() {
    let s = TestServer::start(Backend::Sqlite).await;
    s.add_agent("anna", Role::Agent).await;
    let anna = AgentClient::login(&s.base, "anna").await;
    let id = queued(&s).await;
    let path = format!("/console/case/{id}");
    let csrf = anna.csrf.as_str();
    form(&s, &path, &anna.cookie, &[("csrf", csrf), ("op", "claim")]).await;
    let back = form(
        &s,
        &path,
        &anna.cookie,
        &[("csrf", csrf), ("op", "hand_back")],
    )
    .await;
    assert_eq!((back.status, back.location.as_str()), (303, "/console"));
    let c = s.store.conversation(&id).await.unwrap().unwrap();
    assert_eq!(c.state, ConversationState::Bot);
    let last = s.store.messages(&id).await.unwrap().pop().unwrap();
    assert_eq!(
        last.author,
        Author::Bot,
        "the assistant greets the customer again"
    );
    let again = form(
        &s,
        &path,
        &anna.cookie,
        &[("csrf", csrf), ("op", "resolve")],
    )
    .await;
    assert_eq!(again.status, 403, "no longer hers to resolve");
}

async fn who_looks_and_who_joined(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.add_agent("anna", Role::Agent).await;
    s.add_agent("bertil", Role::Agent).await;
    let anna = AgentClient::login(&s.base, "anna").await;
    let bertil = AgentClient::login(&s.base, "bertil").await;
    let id = queued(&s).await;
    let mut customer = Ws::customer(&s.base, &id, &s.token("C-1")).await;
    let mut anna_live = anna.live().await;
    let mut bertil_live = bertil.live().await;
    let viewing = json!({ "type": "viewing", "conversation_id": id }).to_string();
    bertil_live
        .0
        .send(WsMessage::Text(viewing.into()))
        .await
        .unwrap();
    let seen = anna_live
        .until(|e| e["type"] == "viewers" && e["agents"] == json!(["bertil"]))
        .await;
    assert_eq!(seen["conversation_id"], id.as_str());
    let (_, case) = anna.get(&format!("/api/v1/agent/conversations/{id}")).await;
    assert_eq!(case["viewers"], json!(["bertil"]));
    let (_, own) = bertil
        .get(&format!("/api/v1/agent/conversations/{id}"))
        .await;
    assert_eq!(
        own["viewers"],
        json!([]),
        "nobody is told they look at it themselves"
    );

    drop(bertil_live);
    anna_live
        .until(|e| e["type"] == "viewers" && e["agents"] == json!([]))
        .await;

    assert_eq!(
        anna.post(
            &format!("/api/v1/agent/conversations/{id}/claim"),
            json!({})
        )
        .await
        .0,
        200
    );
    let joined = customer
        .until(|e| e["type"] == "conversation" && e["conversation"]["state"] == "human")
        .await;
    assert_eq!(joined["conversation"]["agent"], "anna");
    assert_eq!(
        anna.post(
            &format!("/api/v1/agent/conversations/{id}/resolve"),
            json!({})
        )
        .await
        .0,
        200
    );
    let closed = customer
        .until(|e| e["type"] == "conversation" && e["conversation"]["state"] == "closed")
        .await;
    assert_eq!(closed["conversation"]["state"], "closed");
    assert_eq!(closed["conversation"]["agent"], "anna");
}

// On PostgreSQL the events travel through NOTIFY, presence included.
on_both_backends!(
    agents_see_who_else_looks_at_a_case_and_the_customer_sees_who_joined,
    who_looks_and_who_joined
);

#[tokio::test]
async fn the_widget_carries_the_join_and_close_notices_in_the_customers_language() {
    let s = TestServer::start(Backend::Sqlite).await;
    let p = get(&s, &format!("/widget?token={}", s.token("C-1")), "").await;
    assert_eq!(p.status, 200);
    assert!(
        p.body
            .contains("data-joined=\"{name} (en person) har anslutit till chatten.\""),
        "{}",
        p.body
    );
    assert!(
        p.body
            .contains("data-closed=\"{name} har avslutat samtalet."),
        "{}",
        p.body
    );
    let p = get(&s, &format!("/widget?token={}", s.token("C-2")), "").await;
    assert!(
        p.body
            .contains("data-joined=\"{name} (a person) has joined the chat.\"")
    );
}

#[tokio::test]
async fn the_consoles_assets_are_served_from_the_binary() {
    let s = TestServer::start(Backend::Sqlite).await;
    let js = get(&s, "/console/console.js", "").await;
    assert_eq!(js.status, 200);
    assert!(js.body.contains("/api/v1/agent/live"));
    let css = get(&s, "/console/console.css", "").await;
    assert_eq!(css.status, 200);
    assert!(css.body.contains(".case-row"));
}
