//! The web pages over real HTTP: the chat widget, its loader, and the demo shop (demo mode only).
//! What the pages do in a browser is tested in `browser.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use chrono::Utc;
use common::TestServer;
use fairdesk_server::{ServiceLimits, WebConfig, WidgetConfig};
use fairdesk_store::Backend;
use serde_json::Value;

async fn get(s: &TestServer, path: &str) -> (u16, reqwest::header::HeaderMap, String) {
    let r = s.http.get(s.url(path)).send().await.unwrap();
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    (status, headers, r.text().await.unwrap())
}

fn header<'a>(headers: &'a reqwest::header::HeaderMap, name: &str) -> &'a str {
    headers.get(name).unwrap().to_str().unwrap()
}

async fn demo_server(backend: Backend) -> TestServer {
    let web = WebConfig {
        widget: WidgetConfig::default(),
        demo: true,
    };
    TestServer::start_web(backend, ServiceLimits::default(), web).await
}

#[tokio::test]
async fn the_widget_without_a_valid_token_shows_a_page_that_says_why() {
    let s = TestServer::start(Backend::Sqlite).await;
    let (status, headers, body) = get(&s, "/widget").await;
    assert_eq!(status, 401);
    assert!(header(&headers, "content-type").starts_with("text/html"));
    assert!(body.contains("did not say who you are"), "{body}");

    let (status, _, body) = get(&s, "/widget?token=v1.C-1.99.abcd").await;
    assert_eq!(status, 401);
    assert!(body.contains("not valid"), "{body}");

    let expired = s.secret.sign(
        &"C-1".parse().unwrap(),
        Utc::now() - chrono::Duration::minutes(1),
    );
    let (status, _, body) = get(&s, &format!("/widget?token={expired}")).await;
    assert_eq!(status, 401);
    assert!(body.contains("expired"), "{body}");

    let (status, _, body) = get(&s, &format!("/widget?token={}", s.token("C-404"))).await;
    assert_eq!(status, 404);
    assert!(body.contains("does not know this customer"), "{body}");
}

#[tokio::test]
async fn the_widget_page_discloses_the_ai_offers_a_person_and_is_keyboard_ready() {
    let s = TestServer::start(Backend::Sqlite).await;
    let token = s.token("C-2");
    let (status, headers, body) = get(&s, &format!("/widget?token={token}")).await;
    assert_eq!(status, 200, "{body}");
    for part in [
        "<html lang=\"en\">",
        "AI assistant, not a person",
        "name=\"payload\" value=\"intent:human_agent\" class=\"person\">Talk to a person</button>",
        "aria-live=\"polite\"",
        "<form id=\"compose\" class=\"compose\" method=\"post\" action=\"/widget\">",
        "<label for=\"text\">Your message</label>",
        "<script src=\"/widget/chat.js\">",
        "name=\"viewport\"",
    ] {
        assert!(body.contains(part), "missing {part:?} in {body}");
    }
    assert!(body.contains(&format!("data-token=\"{token}\"")));
    let csp = header(&headers, "content-security-policy");
    assert!(csp.ends_with("frame-ancestors 'self'"), "{csp}");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert_eq!(header(&headers, "referrer-policy"), "no-referrer");
    assert_eq!(header(&headers, "cache-control"), "no-store");
}

#[tokio::test]
async fn configured_origins_may_frame_the_widget() {
    let web = WebConfig {
        widget: WidgetConfig {
            embed_origins: vec![
                "https://shop.example".to_owned(),
                "http://localhost:3000".to_owned(),
            ],
        },
        demo: false,
    };
    let s = TestServer::start_web(Backend::Sqlite, ServiceLimits::default(), web).await;
    let (status, headers, _) = get(&s, &format!("/widget?token={}", s.token("C-2"))).await;
    assert_eq!(status, 200);
    let csp = header(&headers, "content-security-policy");
    assert!(
        csp.ends_with("frame-ancestors 'self' https://shop.example http://localhost:3000"),
        "{csp}"
    );
}

#[tokio::test]
async fn the_loader_and_the_widgets_assets_are_served_from_the_binary() {
    let s = TestServer::start(Backend::Sqlite).await;
    let (status, headers, body) = get(&s, "/widget.js").await;
    assert_eq!(status, 200);
    assert!(header(&headers, "content-type").starts_with("text/javascript"));
    assert!(body.contains("\"/widget?token=\""), "{body}");
    for words in [
        "\"launcher\":\"Chatte mit uns\"",
        "\"title\":\"Czat z obsługą klienta\"",
    ] {
        assert!(
            body.contains(words),
            "the launcher's words in every language: {body}"
        );
    }
    let (status, _, body) = get(&s, "/widget/chat.js").await;
    assert_eq!(status, 200);
    assert!(body.contains("sessionStorage"));
    let (status, headers, _) = get(&s, "/widget/chat.css").await;
    assert_eq!(status, 200);
    assert!(header(&headers, "content-type").starts_with("text/css"));
    let (status, _, _) = get(&s, "/widget/other.js").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_demo_shop_exists_only_in_demo_mode() {
    let s = TestServer::start(Backend::Sqlite).await;
    for path in ["/demo/shop", "/demo/shop/C-1"] {
        let (status, _, body) = get(&s, path).await;
        assert_eq!(status, 404, "{path}");
        assert!(body.contains("no_route"), "{body}");
    }
}

async fn the_demo_shop_picks_customers_by_situation_and_embeds_the_widget(backend: Backend) {
    let s = demo_server(backend).await;
    let (status, _, body) = get(&s, "/demo/shop").await;
    assert_eq!(status, 200, "{body}");
    // The test lender's customers each have one pay-in-4 order being paid: the first one is shown.
    assert!(
        body.contains("<a href=\"/demo/shop/C-1\">Pay in 4, next payment coming</a>"),
        "{body}"
    );
    assert!(
        !body.contains("A late fee"),
        "no one has a late fee: {body}"
    );

    let (status, _, body) = get(&s, "/demo/shop/C-1").await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Welcome back, Customer1 Test"), "{body}");
    let token = body
        .split("data-token=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the widget's script tag carries a token");
    assert!(body.contains("<script src=\"/widget.js\""), "{body}");
    let customer = s.secret.verify(token, Utc::now()).unwrap();
    assert_eq!(customer.as_str(), "C-1");

    let (status, _, body) = get(&s, "/demo/shop/C-999").await;
    assert_eq!(status, 404);
    assert!(body.contains("No such demo customer"), "{body}");
    let (status, _, _) = get(&s, "/demo/shop/bad%20id!").await;
    assert_eq!(status, 400);
}
on_both_backends!(
    demo_shop,
    the_demo_shop_picks_customers_by_situation_and_embeds_the_widget
);

/// Posts the widget's form as a browser without JavaScript would; the status and where it leads.
async fn post_form(s: &TestServer, fields: &[(&str, &str)]) -> (u16, String, String) {
    let body = fields
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = http
        .post(s.url("/widget"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let location = r
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, location, r.text().await.unwrap())
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

async fn the_widget_works_without_javascript_through_its_form(backend: Backend) {
    let s = TestServer::start(backend).await;
    let token = s.token("C-2");
    let (status, location, _) = post_form(
        &s,
        &[
            ("token", &token),
            ("text", "I want to pay off everything I owe now"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    assert!(location.starts_with("/widget?token="), "{location}");
    let conversation = location.split("conversation=").nth(1).unwrap().to_owned();
    let (status, _, page) = get(&s, &location).await;
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("I want to pay off everything I owe now"),
        "{page}"
    );
    assert!(
        page.contains("name=\"payload\" value=\"confirm:yes\""),
        "the proposal's quick replies are buttons of the form: {page}"
    );
    assert!(page.contains(&format!("name=\"conversation\" value=\"{conversation}\"")));

    let (status, location, _) = post_form(
        &s,
        &[
            ("token", &token),
            ("conversation", &conversation),
            ("text", ""),
            ("payload", "confirm:yes"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let order = s
        .store
        .order(&"O-2".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(order.status, fairdesk_ledger::OrderStatus::PaidOff);
    let (_, _, page) = get(&s, &location).await;
    assert!(
        !page.contains(">confirm:yes<"),
        "the label, not the payload: {page}"
    );

    let (status, _, page) = post_form(&s, &[("text", "hello")]).await;
    assert_eq!(status, 400);
    assert!(page.contains("arrived incomplete"), "{page}");
    let (status, _, page) = post_form(&s, &[("token", "v1.C-2.1.00"), ("text", "hello")]).await;
    assert_eq!(status, 401);
    assert!(page.contains("not valid"), "{page}");
    let (status, _, page) = post_form(&s, &[("token", &token), ("text", "  ")]).await;
    assert_eq!(status, 400);
    assert!(page.contains("the message is empty"), "{page}");
    let other = s.token("C-3");
    let fields = [
        ("token", other.as_str()),
        ("conversation", &conversation),
        ("text", "hi"),
    ];
    let (status, _, page) = post_form(&s, &fields).await;
    assert_eq!(
        status, 404,
        "another customer's conversation does not exist to them"
    );
    assert!(page.contains("was not sent"), "{page}");
    let (status, _, _) = get(
        &s,
        &format!("/widget?token={other}&conversation={conversation}"),
    )
    .await;
    assert_eq!(status, 404);
}
on_both_backends!(
    no_javascript,
    the_widget_works_without_javascript_through_its_form
);

async fn get_in(s: &TestServer, path: &str, accept_language: &str) -> (u16, String) {
    let r = s
        .http
        .get(s.url(path))
        .header("accept-language", accept_language)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test]
async fn the_widget_speaks_the_browsers_language_unless_the_customer_picks_another() {
    let s = TestServer::start(Backend::Sqlite).await;
    let token = s.token("C-2");
    let (status, body) = get_in(&s, &format!("/widget?token={token}"), "de-DE,de;q=0.9").await;
    assert_eq!(status, 200, "{body}");
    for part in [
        "<html lang=\"de\">",
        "<title>Kundenservice-Chat</title>",
        "KI-Assistenten, nicht mit einem Menschen",
        "class=\"person\">Mit einer Person sprechen</button>",
        "<label for=\"text\">Deine Nachricht</label>",
        "<label for=\"language\">Sprache</label>",
        "<select id=\"language\" name=\"lang\">",
        "<option value=\"de\" lang=\"de\" selected>Deutsch</option>",
        "<option value=\"fi\" lang=\"fi\">Suomi</option>",
        "<input type=\"hidden\" name=\"lang\" value=\"de\">",
    ] {
        assert!(body.contains(part), "missing {part:?} in {body}");
    }
    assert!(!body.contains("Your message"), "{body}");

    let loader_said = format!("/widget?token={token}&languages=fr-FR%2Cfr%2Cen");
    let (_, body) = get_in(&s, &loader_said, "de").await;
    assert!(body.contains("<html lang=\"fr\">"), "{body}");
    assert!(body.contains("Parler à un conseiller"), "{body}");

    let picked = format!("/widget?token={token}&languages=fr&lang=it");
    let (_, body) = get_in(&s, &picked, "de").await;
    assert!(body.contains("<html lang=\"it\">"), "{body}");
    assert!(body.contains("<option value=\"it\" lang=\"it\" selected>Italiano</option>"));

    let (status, body) = get_in(&s, &format!("/widget?token={token}&lang=xx"), "xx").await;
    assert_eq!(status, 200, "an unknown language is passed over: {body}");
    assert!(
        body.contains("<html lang=\"en\">"),
        "C-2's own language: {body}"
    );
}

#[tokio::test]
async fn every_language_has_every_word_of_the_widget() {
    let s = TestServer::start(Backend::Sqlite).await;
    let token = s.token("C-2");
    let (_, english) = get_in(&s, &format!("/widget?token={token}&lang=en"), "en").await;
    for lang in fairdesk_agent::locale::LANGUAGES {
        let (status, body) = get_in(&s, &format!("/widget?token={token}&lang={lang}"), "en").await;
        assert_eq!(status, 200, "{lang}: {body}");
        assert!(body.contains(&format!("<html lang=\"{lang}\">")), "{body}");
        assert!(!body.contains("widget-"), "{lang} lacks a message: {body}");
        if lang != "en" {
            assert!(
                !body.contains("AI assistant, not a person"),
                "{lang}: {body}"
            );
            assert_ne!(body, english, "{lang}");
        }
    }
}

#[tokio::test]
async fn a_conversation_starts_in_the_language_asked_for_and_an_unknown_one_is_refused() {
    let s = TestServer::start(Backend::Sqlite).await;
    let start = |language: &str| {
        s.http
            .post(s.url(&format!("/api/v1/conversations?language={language}")))
            .bearer_auth(s.token("C-2"))
            .send()
    };
    let r = start("xx").await.unwrap();
    assert_eq!(r.status(), 400);
    let body: serde_json::Value = r.json().await.unwrap();
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("en, sv, nb"),
        "says what to send: {message}"
    );
    assert_eq!(
        common::count(&s.store, "SELECT COUNT(*) FROM conversations").await,
        0
    );

    let r = start("de").await.unwrap();
    assert_eq!(r.status(), 201);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["conversation"]["language"], "de");
    assert_eq!(body["messages"][0]["language"], "de");
    let welcome = body["messages"][0]["body"].as_str().unwrap();
    assert!(
        !welcome.contains("not a person"),
        "German, not English: {welcome}"
    );
}

/// A conversation a person joined `minutes` after its handoff, as the store records it.
async fn handoff_history(s: &TestServer, customer: &str, minutes: i64) {
    let (id, _) = s.start_conversation(customer).await;
    let joined = Utc::now() - chrono::Duration::minutes(1);
    let handed = joined - chrono::Duration::minutes(minutes);
    sqlx::query("UPDATE conversations SET handed_at = $1, joined_at = $2 WHERE id = $3")
        .bind(handed.to_rfc3339())
        .bind(joined.to_rfc3339())
        .bind(id)
        .execute(s.store.pool())
        .await
        .unwrap();
}

async fn status_line(s: &TestServer, customer: &str, conversation: &str) -> (u16, Value) {
    let r = s
        .http
        .get(s.url(&format!(
            "/widget/status?conversation={conversation}&lang=de"
        )))
        .bearer_auth(s.token(customer))
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

#[tokio::test]
async fn while_queued_the_widget_says_the_place_in_the_queue_and_the_expected_wait() {
    let s = TestServer::start(Backend::Sqlite).await;
    let (first, _) = s.start_conversation("C-2").await;
    s.say("C-2", &first, "I want to talk to a human").await;
    let (status, line) = status_line(&s, "C-2", &first).await;
    assert_eq!(status, 200, "{line}");
    assert_eq!(line["queue_position"], 1);
    assert_eq!(line["expected_wait_minutes"], Value::Null, "no history yet");
    let text = line["text"].as_str().unwrap();
    assert!(text.contains("Nummer 1"), "{text}");
    assert!(text.contains("wenige Minuten"), "{text}");

    // Persons joined after 2, 4 and 9 minutes: the median is 4, and the second in line waits 8.
    for (customer, minutes) in [("C-4", 2), ("C-5", 4), ("C-6", 9)] {
        handoff_history(&s, customer, minutes).await;
    }
    let (second, _) = s.start_conversation("C-3").await;
    s.say("C-3", &second, "I want to talk to a human").await;
    let (_, line) = status_line(&s, "C-3", &second).await;
    assert_eq!(line["queue_position"], 2, "{line}");
    assert_eq!(line["expected_wait_minutes"], 8, "{line}");
    let text = line["text"].as_str().unwrap();
    assert!(text.contains("Nummer 2"), "{text}");
    assert!(text.contains("etwa 8 Minuten"), "{text}");

    let page = format!("/widget?token={}&conversation={second}", s.token("C-3"));
    let (_, body) = get_in(&s, &page, "en").await;
    assert!(
        body.contains("about 8 minutes"),
        "the page without JavaScript: {body}"
    );

    let (status, _) = status_line(&s, "C-2", &second).await;
    assert_eq!(
        status, 404,
        "another customer's conversation does not exist to them"
    );
    let r = s
        .http
        .get(s.url(&format!("/widget/status?conversation={first}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401, "the token is required");
}

#[tokio::test]
async fn without_javascript_the_form_starts_the_conversation_in_the_pages_language() {
    let s = TestServer::start(Backend::Sqlite).await;
    let token = s.token("C-2");
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = http
        .post(s.url("/widget"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("token={token}&text=Hallo&lang=de"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.ends_with("&lang=de"), "the page again, in German: {to}");
    let (_, body) = get_in(&s, &to, "en").await;
    assert!(body.contains("<html lang=\"de\">"), "{body}");
    let id = to
        .split("conversation=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let c = s.store.conversation(id).await.unwrap().unwrap();
    assert_eq!(c.language, "de");
}
