//! The operations figures over HTTP (issue 12): a supervisor reads them (JSON and the
//! `/dashboard` page, after logging in through its form), an agent is refused, and a customer
//! rates their own closed conversation once and nothing else.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use chrono::{Days, Utc};
use common::{AgentClient, PASSWORD, TestServer};
use fairdesk_store::{Backend, Role};
use serde_json::{Value, json};

/// Starts a conversation for `customer`, asks for a person, and has `agent` claim and resolve it.
async fn closed_conversation(s: &TestServer, agent: &AgentClient, customer: &str) -> String {
    let (id, _) = s.start_conversation(customer).await;
    let turn = s.say(customer, &id, "intent:human_agent").await;
    assert_eq!(turn["conversation"]["state"], "queued", "{turn}");
    let claim = format!("/api/v1/agent/conversations/{id}/claim");
    assert_eq!(agent.post(&claim, json!({})).await.0, 200);
    let resolve = format!("/api/v1/agent/conversations/{id}/resolve");
    assert_eq!(agent.post(&resolve, json!({})).await.0, 200);
    id
}

async fn rate(s: &TestServer, customer: &str, id: &str, body: Value) -> (u16, Value) {
    let r = s
        .http
        .post(s.url(&format!("/api/v1/conversations/{id}/feedback")))
        .bearer_auth(s.token(customer))
        .json(&body)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
}

async fn a_customer_rates_their_own_closed_conversation_once(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.add_agent("sam", Role::Supervisor).await;
    let sam = AgentClient::login(&s.base, "sam").await;
    let (open, _) = s.start_conversation("C-3").await;
    let (status, body) = rate(&s, "C-3", &open, json!({ "score": 5 })).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (409, Some("not_closed"))
    );
    assert!(s.store.feedback(&open).await.unwrap().is_none());

    let id = closed_conversation(&s, &sam, "C-2").await;
    let (status, _) = rate(&s, "C-4", &id, json!({ "score": 1 })).await;
    assert_eq!(
        status, 404,
        "another customer's conversation does not exist to them"
    );
    for bad in [json!({ "score": 0 }), json!({ "score": 6 })] {
        let (status, body) = rate(&s, "C-2", &id, bad).await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (422, Some("bad_score"))
        );
    }
    assert!(
        s.store.feedback(&id).await.unwrap().is_none(),
        "bad input changes nothing"
    );
    let (status, _) = rate(&s, "C-2", &id, json!({ "score": 4, "comment": "quick" })).await;
    assert_eq!(status, 204);
    let (status, body) = rate(&s, "C-2", &id, json!({ "score": 1 })).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (409, Some("already_rated"))
    );
    let stored = s.store.feedback(&id).await.unwrap().unwrap();
    assert_eq!(
        (stored.score, stored.comment.as_deref()),
        (4, Some("quick"))
    );
}
on_both_backends!(rating, a_customer_rates_their_own_closed_conversation_once);

async fn a_supervisor_reads_the_figures_and_an_agent_may_not(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.add_agent("sam", Role::Supervisor).await;
    s.add_agent("anna", Role::Agent).await;
    let sam = AgentClient::login(&s.base, "sam").await;
    let anna = AgentClient::login(&s.base, "anna").await;
    let id = closed_conversation(&s, &sam, "C-2").await;
    assert_eq!(rate(&s, "C-2", &id, json!({ "score": 5 })).await.0, 204);
    s.start_conversation("C-3").await;

    let today = Utc::now().date_naive();
    let tomorrow = today + Days::new(1);
    let path = format!("/api/v1/supervisor/stats?from={today}&to={tomorrow}");
    let (status, stats) = sam.get(&path).await;
    assert_eq!(status, 200, "{stats}");
    let total = &stats["total"];
    assert_eq!(total["conversations"], 2);
    assert_eq!(total["handed_to_person"], 1);
    assert_eq!(total["still_open"], 1);
    assert_eq!(total["resolved_by_bot"], 0);
    assert_eq!(total["handed_to_person_share"], 0.5);
    assert_eq!(total["handoff_reasons"], json!({ "general": 1 }));
    assert_eq!(total["time_to_person"]["count"], 1);
    assert_eq!(total["time_to_resolution"]["count"], 1);
    assert_eq!(
        total["csat"],
        json!({ "count": 1, "mean": 5.0, "good_share": 1.0 })
    );
    assert_eq!(stats["by_day"].as_array().unwrap().len(), 1);
    assert_eq!(stats["by_day"][0]["day"], today.to_string());
    let direct = s.store.stats(today, tomorrow).await.unwrap();
    assert_eq!(total["conversations"], direct.total.conversations);
    let (status, default) = sam.get("/api/v1/supervisor/stats").await;
    assert_eq!(status, 200);
    assert_eq!(
        default["by_day"].as_array().unwrap().len(),
        28,
        "the last 28 days by default"
    );
    assert_eq!(default["total"]["conversations"], 2);

    let (status, body) = anna.get(&path).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("supervisors_only"))
    );
    let r = s.http.get(s.url(&path)).send().await.unwrap();
    assert_eq!(r.status(), 401);
    for bad in [
        "?from=yesterday",
        "?from=2026-03-05&to=2026-03-05",
        "?from=2026-03-05&to=2026-03-01",
        "?from=2024-01-01&to=2026-01-01",
    ] {
        let (status, body) = sam.get(&format!("/api/v1/supervisor/stats{bad}")).await;
        assert_eq!(status, 400, "{bad}: {body}");
        assert!(!body["error"]["message"].as_str().unwrap().is_empty());
    }
}
on_both_backends!(stats, a_supervisor_reads_the_figures_and_an_agent_may_not);

/// Logs in through the dashboard's form; returns the response (not followed).
async fn form_login(s: &TestServer, name: &str, password: &str) -> reqwest::Response {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    http.post(s.url("/dashboard/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "name={name}&password={}",
            password.replace(' ', "+")
        ))
        .send()
        .await
        .unwrap()
}

fn session_cookie(r: &reqwest::Response) -> String {
    let set = r.headers()["set-cookie"].to_str().unwrap();
    set.split(';').next().unwrap().to_owned()
}

async fn page(s: &TestServer, cookie: Option<&str>, query: &str) -> (u16, String) {
    let mut request = s.http.get(s.url(&format!("/dashboard{query}")));
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let r = request.send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_asks_for_a_login_and_shows_a_supervisor_the_figures() {
    let s = TestServer::start(Backend::Sqlite).await;
    s.add_agent("sam", Role::Supervisor).await;
    s.add_agent("anna", Role::Agent).await;
    let sam = AgentClient::login(&s.base, "sam").await;
    closed_conversation(&s, &sam, "C-2").await;

    let (status, html) = page(&s, None, "").await;
    assert_eq!(status, 401);
    assert!(html.contains(r#"action="/dashboard/login""#), "{html}");
    let wrong = form_login(&s, "sam", "not the password").await;
    assert_eq!(wrong.status(), 401);
    assert!(
        wrong
            .text()
            .await
            .unwrap()
            .contains("Wrong name or password.")
    );

    let r = form_login(&s, "sam", PASSWORD).await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/dashboard");
    let cookie = session_cookie(&r);
    let (status, html) = page(&s, Some(&cookie), "").await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains(r#"<dd data-figure="conversations">1</dd>"#),
        "{html}"
    );
    assert!(html.contains(r#"<dd data-figure="handed-to-person">100.0 %</dd>"#));
    for table in [
        "days-table",
        "reasons-table",
        "languages-table",
        "errands-table",
    ] {
        assert!(
            html.contains(&format!(r#"<table id="{table}">"#)),
            "{table}"
        );
    }
    for chart in [
        "days-chart",
        "reasons-chart",
        "languages-chart",
        "errands-chart",
    ] {
        assert!(html.contains(&format!(r#"<svg id="{chart}""#)), "{chart}");
    }
    let (status, html) = page(&s, Some(&cookie), "?from=2026-13-01").await;
    assert_eq!(status, 400);
    assert!(
        html.contains("From must be a date like 2026-03-01"),
        "{html}"
    );

    let r = form_login(&s, "anna", PASSWORD).await;
    assert_eq!(r.status(), 303);
    let (status, html) = page(&s, Some(&session_cookie(&r)), "").await;
    assert_eq!(status, 403);
    assert!(
        html.contains("Only a supervisor may see the operations figures: log in with a supervisor"),
        "{html}"
    );
    assert!(html.contains(r#"action="/dashboard/login""#));

    let doc: Value = s
        .http
        .get(s.url("/api/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["paths"]["/api/v1/supervisor/stats"]["get"].is_object());
    let feedback = &doc["paths"]["/api/v1/conversations/{id}/feedback"]["post"]["responses"];
    assert!(feedback["409"].is_object(), "{feedback}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_widget_rates_a_closed_conversation_without_javascript() {
    let s = TestServer::start(Backend::Sqlite).await;
    s.add_agent("sam", Role::Supervisor).await;
    let sam = AgentClient::login(&s.base, "sam").await;
    let id = closed_conversation(&s, &sam, "C-2").await;
    let token = s.token("C-2");
    let page = format!("/widget?token={token}&conversation={id}");
    let html = s
        .http
        .get(s.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("How did we do?"), "{html}");
    assert!(html.contains(r#"<form id="rating-form" method="post" action="/widget/rating">"#));
    assert!(html.contains(r#"<p id="rating-thanks" class="thanks" tabindex="-1" hidden>"#));

    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let post = |score: &str| {
        http.post(s.url("/widget/rating"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("token={token}&conversation={id}&score={score}"))
            .send()
    };
    let r = post("9").await.unwrap();
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("the score must be 1, 2, 3, 4 or 5")
    );
    assert!(s.store.feedback(&id).await.unwrap().is_none());
    let r = post("3").await.unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(s.store.feedback(&id).await.unwrap().unwrap().score, 3);
    let html = s
        .http
        .get(s.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(r#"<p id="rating-thanks" class="thanks" tabindex="-1">"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<form id="rating-form" method="post" action="/widget/rating" hidden>"#)
    );
    let r = post("1").await.unwrap();
    assert_eq!(r.status(), 409);
    assert_eq!(s.store.feedback(&id).await.unwrap().unwrap().score, 3);
}
