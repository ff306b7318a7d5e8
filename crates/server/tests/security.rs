//! The service's walls, tried from outside: customers cannot reach each other's conversations or
//! orders, bad customer tokens are refused with a reason, agent endpoints need a session and a CSRF
//! token and agents work only what they claimed, merchants reach only their own orders, and bad
//! bodies are refused with a JSON error and change nothing. A real server on a free port, on SQLite
//! and on PostgreSQL.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use chrono::{Days, Duration, NaiveDate, Utc};
use common::{AgentClient, TestServer, count, operations, orders};
use fairdesk_ledger::{Currency, IdempotencyKey, Money, Operation, PlanKind};
use fairdesk_server::{Secret, ServiceLimits};
use fairdesk_store::{Backend, Role};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseResult, TestRunner};
use reqwest::RequestBuilder;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderName;

/// Sends a request; the status and the body as JSON (`Null` when it is not JSON).
async fn send(request: RequestBuilder) -> (u16, Value) {
    let r = request.send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// Asserts an error response: its status, its code (one of `codes`), and a message in words.
#[track_caller]
fn assert_error(what: &str, (status, body): &(u16, Value), expected: u16, codes: &[&str]) {
    assert_eq!(*status, expected, "{what}: {body}");
    let code = body["error"]["code"].as_str().unwrap_or_default();
    assert!(
        codes.contains(&code),
        "{what}: code {code:?} not in {codes:?}: {body}"
    );
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.len() > 5,
        "{what}: the message says nothing: {body}"
    );
}

/// Opens a WebSocket with optional extra headers; `Ok(())` when it upgraded, else the HTTP status
/// of the refusal.
async fn websocket(url: &str, headers: &[(&str, &str)]) -> Result<(), u16> {
    let mut request = url.into_client_request().unwrap();
    for (name, value) in headers {
        let name: HeaderName = name.parse().unwrap();
        request.headers_mut().insert(name, value.parse().unwrap());
    }
    match tokio_tungstenite::connect_async(request).await {
        Ok(_) => Ok(()),
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            Err(response.status().as_u16())
        }
        Err(other) => panic!("{url}: neither an upgrade nor an HTTP refusal: {other}"),
    }
}

fn ws_url(s: &TestServer, path: &str) -> String {
    format!("{}{path}", s.base.replacen("http", "ws", 1))
}

// ---------------------------------------------------------------------------------------------
// Customers

/// One case of the isolation property: customer A (`intruder`) tries everything on customer B's
/// conversation and orders.
async fn isolated(
    s: &TestServer,
    conversations: &[String],
    intruder: usize,
    owner: usize,
) -> TestCaseResult {
    let target = &conversations[owner - 1];
    let own_token = s.token(&format!("C-{owner}"));
    let token = s.token(&format!("C-{intruder}"));
    let path = format!("/api/v1/conversations/{target}");

    // The owner reads it, so the refusals below are about who asks.
    let (status, _) = send(s.http.get(s.url(&path)).bearer_auth(&own_token)).await;
    prop_assert_eq!(status, 200);
    let before = s.store.messages(target).await.unwrap();

    let (status, body) = send(s.http.get(s.url(&path)).bearer_auth(&token)).await;
    prop_assert_eq!(status, 404, "{}", body);
    prop_assert_eq!(&body["error"]["code"], "not_found");
    // Another's conversation looks exactly like one that does not exist.
    let (_, unknown) = send(
        s.http
            .get(s.url("/api/v1/conversations/cv-C-1-0"))
            .bearer_auth(&token),
    )
    .await;
    prop_assert_eq!(&body, &unknown);

    let (status, body) = send(
        s.http
            .post(s.url(&format!("{path}/messages")))
            .bearer_auth(&token)
            .json(&json!({ "text": "show me every payment on this account" })),
    )
    .await;
    prop_assert_eq!(status, 404, "{}", body);
    let (status, body) = send(
        s.http
            .post(s.url(&format!("{path}/feedback")))
            .bearer_auth(&token)
            .json(&json!({ "score": 1, "comment": "not mine" })),
    )
    .await;
    prop_assert_eq!(status, 404, "{}", body);
    prop_assert_eq!(s.store.messages(target).await.unwrap(), before);
    prop_assert!(s.store.feedback(target).await.unwrap().is_none());

    let live = ws_url(s, &format!("{path}/live"));
    prop_assert_eq!(
        websocket(&format!("{live}?token={token}"), &[]).await,
        Err(404)
    );
    prop_assert_eq!(
        websocket(&live, &[("authorization", &format!("Bearer {token}"))]).await,
        Err(404)
    );
    prop_assert_eq!(
        websocket(&format!("{live}?token={own_token}"), &[]).await,
        Ok(())
    );

    let (status, mine) = send(s.http.get(s.url("/api/v1/me/orders")).bearer_auth(&token)).await;
    prop_assert_eq!(status, 200);
    let ids: Vec<&str> = mine
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    let own_order = format!("O-{intruder}");
    prop_assert_eq!(ids, vec![own_order.as_str()]);
    Ok(())
}

async fn a_customer_never_reaches_another_customers_conversation_or_orders(backend: Backend) {
    let s = TestServer::start(backend).await;
    let mut conversations = Vec::new();
    for n in 1..=6 {
        conversations.push(s.start_conversation(&format!("C-{n}")).await.0);
    }
    let mut runner = TestRunner::new(Config {
        cases: 32,
        failure_persistence: None,
        ..Config::default()
    });
    let pairs = (1..=6usize, 1..=6usize).prop_filter("A and B differ", |(a, b)| a != b);
    let handle = tokio::runtime::Handle::current();
    let result = runner.run(&pairs, |(intruder, owner)| {
        tokio::task::block_in_place(|| {
            handle.block_on(isolated(&s, &conversations, intruder, owner))
        })
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
on_both_backends!(
    customer_isolation,
    a_customer_never_reaches_another_customers_conversation_or_orders
);

/// `v1.<customer>.<expiry>.<signature>` split into its parts.
fn parts(token: &str) -> (String, String, String) {
    let (rest, signature) = token.rsplit_once('.').unwrap();
    let (head, expiry) = rest.rsplit_once('.').unwrap();
    (head.to_owned(), expiry.to_owned(), signature.to_owned())
}

/// Bad customer tokens, each with the word its refusal must contain.
fn bad_tokens(s: &TestServer) -> Vec<(&'static str, String, &'static str)> {
    let c1 = "C-1".parse().unwrap();
    let soon = Utc::now() + Duration::minutes(30);
    let valid = s.secret.sign(&c1, soon);
    let (head, expiry, signature) = parts(&valid);
    let other = Secret::new(b"another-secret-another-secret-another".to_vec()).unwrap();
    let mut flipped = signature.clone();
    let last = if flipped.pop() == Some('0') { '1' } else { '0' };
    flipped.push(last);
    let later = expiry.parse::<i64>().unwrap() + 86_400;
    vec![
        ("forged", other.sign(&c1, soon), "signature"),
        (
            "expired",
            s.secret.sign(&c1, Utc::now() - Duration::minutes(1)),
            "expired",
        ),
        (
            "customer changed",
            valid.replacen("C-1", "C-2", 1),
            "signature",
        ),
        (
            "expiry changed",
            format!("{head}.{later}.{signature}"),
            "signature",
        ),
        (
            "signature changed",
            format!("{head}.{expiry}.{flipped}"),
            "signature",
        ),
        (
            "signature cut",
            format!("{head}.{expiry}.{}", &signature[..32]),
            "signature",
        ),
        ("prefix only", "v1.".to_owned(), "malformed"),
        ("no signature", format!("{head}.{expiry}"), "malformed"),
        (
            "other version",
            valid.replacen("v1.", "v2.", 1),
            "malformed",
        ),
        (
            "expiry overflows",
            format!("{head}.99999999999999999999.{signature}"),
            "malformed",
        ),
        (
            "signature not hex",
            format!("{head}.{expiry}.zz{}", &signature[2..]),
            "malformed",
        ),
        ("junk", "hello-world".to_owned(), "malformed"),
        ("long junk", "a".repeat(4_000), "malformed"),
    ]
}

async fn bad_customer_tokens_are_refused_with_a_reason(backend: Backend) {
    let s = TestServer::start(backend).await;
    let conversations = "SELECT COUNT(*) FROM conversations";
    let (id, _) = s.start_conversation("C-1").await;
    let before = count(&s.store, conversations).await;

    let missing = send(s.http.get(s.url("/api/v1/me/orders"))).await;
    assert_error("no Authorization", &missing, 401, &["unauthorized"]);
    assert!(
        missing.1["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Authorization: Bearer"),
        "{}",
        missing.1
    );
    for header in [
        "Bearer ",
        "Bearer",
        "bearer",
        "Basic dXNlcjpwYXNz",
        "Token abc",
    ] {
        let r = send(
            s.http
                .get(s.url("/api/v1/me/orders"))
                .header("authorization", header),
        )
        .await;
        assert_error(header, &r, 401, &["unauthorized", "bad_token"]);
    }
    let not_utf8 = reqwest::header::HeaderValue::from_bytes(b"Bearer v1.\xff\xfe").unwrap();
    let r = send(
        s.http
            .get(s.url("/api/v1/me/orders"))
            .header("authorization", not_utf8),
    )
    .await;
    assert_error("bytes that are not UTF-8", &r, 401, &["unauthorized"]);

    for (what, token, word) in bad_tokens(&s) {
        for request in [
            s.http.get(s.url("/api/v1/me/orders")),
            s.http.post(s.url("/api/v1/conversations")),
            s.http.get(s.url(&format!("/api/v1/conversations/{id}"))),
        ] {
            let r = send(request.header("authorization", format!("Bearer {token}"))).await;
            assert_error(what, &r, 401, &["bad_token"]);
            let message = r.1["error"]["message"].as_str().unwrap();
            assert!(message.contains(word), "{what}: {message}");
        }
        if token.is_ascii() && !token.is_empty() {
            let live = ws_url(
                &s,
                &format!("/api/v1/conversations/{id}/live?token={token}"),
            );
            assert_eq!(websocket(&live, &[]).await, Err(401), "{what}");
        }
    }
    let live = ws_url(&s, &format!("/api/v1/conversations/{id}/live"));
    assert_eq!(websocket(&live, &[]).await, Err(401), "no token at all");
    assert_eq!(
        count(&s.store, conversations).await,
        before,
        "no bad token started a conversation"
    );

    // The same request with a good token passes (the scheme's case does not matter).
    let (status, _) = send(
        s.http
            .get(s.url("/api/v1/me/orders"))
            .header("authorization", format!("bearer {}", s.token("C-1"))),
    )
    .await;
    assert_eq!(status, 200);
}
on_both_backends!(
    customer_tokens,
    bad_customer_tokens_are_refused_with_a_reason
);

// ---------------------------------------------------------------------------------------------
// Agents

/// An agent request with explicit cookie and CSRF header.
fn agent_request(
    s: &TestServer,
    method: reqwest::Method,
    path: &str,
    cookie: Option<&str>,
    csrf: Option<&str>,
    body: &Value,
) -> RequestBuilder {
    let mut r = s
        .http
        .request(method, s.url(path))
        .header(
            "idempotency-key",
            format!("key-{}", Utc::now().timestamp_micros()),
        )
        .json(body);
    if let Some(cookie) = cookie {
        r = r.header("cookie", cookie);
    }
    if let Some(csrf) = csrf {
        r = r.header("x-csrf-token", csrf);
    }
    r
}

/// Every state-changing agent endpoint for conversation `id`, with a body it accepts.
fn agent_changes(id: &str, due: NaiveDate) -> Vec<(String, Value)> {
    let c = format!("/api/v1/agent/conversations/{id}");
    vec![
        (format!("{c}/claim"), json!({})),
        (
            format!("{c}/messages"),
            json!({ "text": "Hello, I am here" }),
        ),
        (
            format!("{c}/actions"),
            json!({ "action": "move_due_date", "order": "O-1", "installment": 2,
                    "new_due": due + Days::new(3) }),
        ),
        (format!("{c}/resolve"), json!({})),
        (format!("{c}/hand-back"), json!({})),
        ("/api/v1/agent/logout".to_owned(), json!({})),
    ]
}

/// The second installment's due date of O-1, as the ledger has it.
async fn second_due(s: &TestServer) -> NaiveDate {
    let order = s
        .store
        .order(&"O-1".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    order.installments[1].due
}

/// What a refused agent request must leave as it was: the conversation and the ledger.
async fn snapshot(s: &TestServer, id: &str) -> (Value, usize, i64) {
    let c = s.store.conversation(id).await.unwrap().unwrap();
    let view = json!({ "state": format!("{:?}", c.state), "agent": c.agent_id });
    let messages = s.store.messages(id).await.unwrap().len();
    (view, messages, operations(&s.store).await)
}

async fn agent_endpoints_need_a_session_and_a_csrf_token(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.add_agent("anna", Role::Agent).await;
    s.add_agent("bob", Role::Agent).await;
    let (id, _) = s.start_conversation("C-1").await;
    let turn = s.say("C-1", &id, "jag vill prata med en människa").await;
    assert_eq!(turn["conversation"]["state"], "queued");
    let anna = AgentClient::login(&s.base, "anna").await;
    let bob = AgentClient::login(&s.base, "bob").await;
    let due = second_due(&s).await;
    let before = snapshot(&s, &id).await;
    let get = reqwest::Method::GET;
    let post = reqwest::Method::POST;

    let reads = [
        "/api/v1/agent/me".to_owned(),
        "/api/v1/agent/queue".to_owned(),
        format!("/api/v1/agent/conversations/{id}"),
    ];
    let garbage = "fairdesk_session=0123456789abcdef";
    for path in &reads {
        for cookie in [None, Some(garbage), Some("other=1")] {
            let r = send(agent_request(
                &s,
                get.clone(),
                path,
                cookie,
                None,
                &json!({}),
            ))
            .await;
            assert_error(path, &r, 401, &["unauthorized"]);
        }
        // Reads need no CSRF token.
        let (status, _) = send(agent_request(
            &s,
            get.clone(),
            path,
            Some(&anna.cookie),
            None,
            &json!({}),
        ))
        .await;
        assert_eq!(status, 200, "{path}");
    }
    for (path, body) in agent_changes(&id, due) {
        for cookie in [None, Some(garbage)] {
            let r = send(agent_request(
                &s,
                post.clone(),
                &path,
                cookie,
                Some(&anna.csrf),
                &body,
            ))
            .await;
            assert_error(&path, &r, 401, &["unauthorized"]);
        }
        for csrf in [None, Some(""), Some("wrong"), Some(bob.csrf.as_str())] {
            let r = send(agent_request(
                &s,
                post.clone(),
                &path,
                Some(&anna.cookie),
                csrf,
                &body,
            ))
            .await;
            assert_error(&format!("{path} with CSRF {csrf:?}"), &r, 403, &["csrf"]);
        }
    }
    let live = ws_url(&s, "/api/v1/agent/live");
    assert_eq!(websocket(&live, &[]).await, Err(401));
    assert_eq!(websocket(&live, &[("cookie", garbage)]).await, Err(401));
    assert_eq!(
        snapshot(&s, &id).await,
        before,
        "a refused request changed something"
    );
    assert_eq!(second_due(&s).await, due);
    // Logout without the CSRF token was refused, so the session still works.
    assert_eq!(anna.get("/api/v1/agent/me").await.0, 200);

    let login = |name: &str, password: &str| {
        s.http
            .post(s.url("/api/v1/agent/login"))
            .json(&json!({ "name": name, "password": password }))
    };
    let wrong = login("anna", "incorrect horse").send().await.unwrap();
    assert!(wrong.headers().get("set-cookie").is_none());
    let wrong = (
        wrong.status().as_u16(),
        wrong.json::<Value>().await.unwrap(),
    );
    assert_error("wrong password", &wrong, 401, &["unauthorized"]);
    let unknown = send(login("nobody", common::PASSWORD)).await;
    assert_eq!(
        unknown, wrong,
        "an unknown name reads like a wrong password"
    );
}
on_both_backends!(
    agent_session_and_csrf,
    agent_endpoints_need_a_session_and_a_csrf_token
);

async fn an_agent_works_only_what_they_claimed_and_a_supervisor_anything(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.add_agent("anna", Role::Agent).await;
    s.add_agent("bob", Role::Agent).await;
    s.add_agent("sara", Role::Supervisor).await;
    let (id, _) = s.start_conversation("C-1").await;
    s.say("C-1", &id, "jag vill prata med en människa").await;
    let anna = AgentClient::login(&s.base, "anna").await;
    let bob = AgentClient::login(&s.base, "bob").await;
    let sara = AgentClient::login(&s.base, "sara").await;
    let due = second_due(&s).await;
    let c = format!("/api/v1/agent/conversations/{id}");
    let works = [
        (
            format!("{c}/messages"),
            json!({ "text": "Hej, det är jag" }),
        ),
        (
            format!("{c}/actions"),
            json!({ "action": "move_due_date", "order": "O-1", "installment": 2,
                    "new_due": due + Days::new(3) }),
        ),
        (format!("{c}/resolve"), json!({})),
        (format!("{c}/hand-back"), json!({})),
    ];

    // Queued and unclaimed: an agent may not work it.
    let before = snapshot(&s, &id).await;
    for (path, body) in &works {
        let r = anna.post(path, body.clone()).await;
        assert_error(path, &r, 403, &["not_yours"]);
    }
    assert_eq!(snapshot(&s, &id).await, before);

    let (status, claimed) = bob.post(&format!("{c}/claim"), json!({})).await;
    assert_eq!(status, 200, "{claimed}");
    // Claimed by bob: anna can neither work it nor take it.
    let before = snapshot(&s, &id).await;
    for (path, body) in &works {
        let r = anna.post(path, body.clone()).await;
        assert_error(path, &r, 403, &["not_yours"]);
    }
    let r = anna.post(&format!("{c}/claim"), json!({})).await;
    assert_error("claim a held conversation", &r, 409, &["not_queued"]);
    assert_eq!(snapshot(&s, &id).await, before);
    assert_eq!(second_due(&s).await, due);

    // A supervisor may reply, act and resolve on a conversation another agent holds.
    let (status, reply) = sara
        .post(
            &format!("{c}/messages"),
            json!({ "text": "Supervisor here" }),
        )
        .await;
    assert_eq!(status, 200, "{reply}");
    let (status, done) = sara
        .post(
            &format!("{c}/actions"),
            json!({ "action": "move_due_date", "order": "O-1", "installment": 2,
                    "new_due": due + Days::new(3) }),
        )
        .await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(second_due(&s).await, due + Days::new(3));
    let (status, resolved) = sara.post(&format!("{c}/resolve"), json!({})).await;
    assert_eq!(status, 200, "{resolved}");
    assert_eq!(resolved["state"], "closed");
    assert!(s.store.audit().await.unwrap().is_clean());
}
on_both_backends!(
    agent_roles,
    an_agent_works_only_what_they_claimed_and_a_supervisor_anything
);

async fn after_logout_the_session_cookie_no_longer_works(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.add_agent("anna", Role::Agent).await;
    let (id, _) = s.start_conversation("C-1").await;
    s.say("C-1", &id, "jag vill prata med en människa").await;
    let anna = AgentClient::login(&s.base, "anna").await;
    let other = AgentClient::login(&s.base, "anna").await;
    let before = snapshot(&s, &id).await;

    let (status, _) = anna.post("/api/v1/agent/logout", json!({})).await;
    assert_eq!(status, 204);
    for path in ["/api/v1/agent/me", "/api/v1/agent/queue"] {
        let r = anna.get(path).await;
        assert_error(path, &r, 401, &["unauthorized"]);
    }
    let r = anna
        .post(
            &format!("/api/v1/agent/conversations/{id}/claim"),
            json!({}),
        )
        .await;
    assert_error("claim after logout", &r, 401, &["unauthorized"]);
    let live = ws_url(&s, "/api/v1/agent/live");
    assert_eq!(
        websocket(&live, &[("cookie", &anna.cookie)]).await,
        Err(401)
    );
    assert_eq!(snapshot(&s, &id).await, before);
    // Logging out ends that session only.
    assert_eq!(other.get("/api/v1/agent/me").await.0, 200);
    assert_eq!(websocket(&live, &[("cookie", &other.cookie)]).await, Ok(()));
}
on_both_backends!(
    agent_logout,
    after_logout_the_session_cookie_no_longer_works
);

// ---------------------------------------------------------------------------------------------
// Merchants

fn merchant_request(
    s: &TestServer,
    method: reqwest::Method,
    path: &str,
    key: &str,
    idempotency: Option<&str>,
) -> RequestBuilder {
    let r = s.http.request(method, s.url(path)).bearer_auth(key);
    match idempotency {
        Some(k) => r.header("idempotency-key", k),
        None => r,
    }
}

async fn a_merchant_reaches_only_its_own_orders(backend: Backend) {
    let s = TestServer::start(backend).await;
    let m1 = s.merchant_key("M-1").await;
    let m2 = s.merchant_key("M-2").await;
    let get = reqwest::Method::GET;
    let post = reqwest::Method::POST;
    let (status, own) = send(merchant_request(
        &s,
        get.clone(),
        "/api/v1/merchant/orders/O-1",
        &m1,
        None,
    ))
    .await;
    assert_eq!(status, 200, "{own}");
    let (status, theirs) = send(merchant_request(
        &s,
        get.clone(),
        "/api/v1/merchant/orders/O-2",
        &m2,
        None,
    ))
    .await;
    assert_eq!(status, 200, "{theirs}");
    let ops = operations(&s.store).await;

    let unknown = send(merchant_request(
        &s,
        get.clone(),
        "/api/v1/merchant/orders/O-404",
        &m1,
        None,
    ))
    .await;
    assert_error("unknown order", &unknown, 404, &["not_found"]);
    let r = send(merchant_request(
        &s,
        get.clone(),
        "/api/v1/merchant/orders/O-2",
        &m1,
        None,
    ))
    .await;
    assert_eq!(r, unknown, "another merchant's order looks like no order");
    for (path, body) in [
        ("/api/v1/merchant/orders/O-2/shipped", json!({})),
        (
            "/api/v1/merchant/orders/O-2/refunds",
            json!({ "amount_minor": 10_000 }),
        ),
        (
            "/api/v1/merchant/orders/O-2/returns",
            json!({ "amount_minor": 10_000 }),
        ),
    ] {
        let r =
            send(merchant_request(&s, post.clone(), path, &m1, Some("try-1")).json(&body)).await;
        assert_error(path, &r, 404, &["not_found"]);
    }
    assert_eq!(operations(&s.store).await, ops, "nothing was executed");
    let (_, after) = send(merchant_request(
        &s,
        get.clone(),
        "/api/v1/merchant/orders/O-2",
        &m2,
        None,
    ))
    .await;
    assert_eq!(after, theirs);

    for key in ["mk_test_M-3", "mk_test_m-1", "", "mk_test_M-1mk_test_M-1"] {
        let r = send(
            s.http
                .get(s.url("/api/v1/merchant/orders/O-1"))
                .header("authorization", format!("Bearer {key}")),
        )
        .await;
        assert_error(key, &r, 401, &["unauthorized"]);
    }
    let r = send(s.http.get(s.url("/api/v1/merchant/orders/O-1"))).await;
    assert_error("no key", &r, 401, &["unauthorized"]);
    // A customer's token is not a merchant key.
    let r = send(
        s.http
            .get(s.url("/api/v1/merchant/orders/O-1"))
            .bearer_auth(s.token("C-1")),
    )
    .await;
    assert_error("customer token", &r, 401, &["unauthorized"]);
}
on_both_backends!(merchant_isolation, a_merchant_reaches_only_its_own_orders);

/// A purchase at M-1 with the customer's consent to it.
fn purchase(customer: &str, amount_minor: i64, currency: &str) -> Value {
    json!({ "customer": customer, "description": "Winter boots", "amount_minor": amount_minor,
            "currency": currency, "plan": "pay_in_4",
            "consent": common::consent(customer, "M-1", amount_minor, currency) })
}

/// C-7 bought 90 days ago and has paid nothing since: installments past due beyond the grace period.
async fn add_late_customer(s: &TestServer) {
    let today = Utc::now().date_naive();
    let ops = [
        Operation::RegisterCustomer {
            customer: "C-7".parse().unwrap(),
            name: "Late Payer".to_owned(),
            country: "SE".to_owned(),
            language: "en".to_owned(),
            card_valid: true,
        },
        Operation::CreateOrder {
            order: "O-7".parse().unwrap(),
            customer: "C-7".parse().unwrap(),
            merchant: "M-1".parse().unwrap(),
            description: "Old purchase".to_owned(),
            amount: Money::new(10_000, Currency::SEK),
            plan: PlanKind::PayIn4,
        },
    ];
    for (i, (op, as_of)) in ops.iter().zip([today, today - Days::new(90)]).enumerate() {
        let key: IdempotencyKey = format!("late-{i}").parse().unwrap();
        s.store.execute(&key, op, as_of).await.unwrap();
    }
    let o7 = s
        .store
        .order(&"O-7".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(
        !o7.late_installments(today, s.store.policy().grace_days)
            .is_empty()
    );
}

async fn checkout_is_idempotent_and_checks_affordability(backend: Backend) {
    let s = TestServer::start(backend).await;
    let m1 = s.merchant_key("M-1").await;
    let post = reqwest::Method::POST;
    let create = |key: Option<&str>, body: &Value| {
        merchant_request(&s, post.clone(), "/api/v1/merchant/orders", &m1, key).json(body)
    };
    let (n, ops) = (orders(&s.store).await, operations(&s.store).await);

    // A retry sends the same request again, the customer's consent included.
    let checkout = purchase("C-3", 20_000, "SEK");
    let (status, first) = send(create(Some("checkout-1"), &checkout)).await;
    assert_eq!(status, 201, "{first}");
    assert_eq!(first["amount_minor"], 20_000);
    let (status, again) = send(create(Some("checkout-1"), &checkout)).await;
    assert_eq!(status, 201, "{again}");
    assert_eq!(again["id"], first["id"], "a retry returns the same order");
    assert_eq!(orders(&s.store).await, n + 1, "a retry creates nothing new");
    assert_eq!(operations(&s.store).await, ops + 1);
    let mine = s
        .store
        .orders_of_customer(&"C-3".parse().unwrap())
        .await
        .unwrap();
    assert_eq!(mine.len(), 2);

    let (n, ops) = (orders(&s.store).await, operations(&s.store).await);
    let r = send(create(Some("checkout-1"), &purchase("C-3", 30_000, "SEK"))).await;
    assert_error(
        "same key, another purchase",
        &r,
        409,
        &["idempotency_key_reused"],
    );
    for key in [
        None,
        Some(""),
        Some("has spaces"),
        Some("a/b"),
        Some(&*"k".repeat(101)),
    ] {
        let r = send(create(key, &purchase("C-5", 1_000, "SEK"))).await;
        assert_error(
            &format!("Idempotency-Key {key:?}"),
            &r,
            400,
            &["bad_request"],
        );
        assert!(
            r.1["error"]["message"]
                .as_str()
                .unwrap()
                .contains("Idempotency-Key")
        );
    }

    // C-5 owes what O-5 says; the limit is ServiceLimits::credit_limit_minor.
    let limit = ServiceLimits::default().credit_limit_minor;
    let owed = s
        .store
        .orders_of_customer(&"C-5".parse().unwrap())
        .await
        .unwrap()[0]
        .outstanding_minor();
    assert_eq!(owed, 100_000);
    let r = send(create(
        Some("big-1"),
        &purchase("C-5", limit - owed + 1, "SEK"),
    ))
    .await;
    assert_error("one over the limit", &r, 422, &["declined"]);
    // A decline names no figures (issue 13): the merchant learns only that it was declined.
    assert_eq!(
        r.1["error"]["message"],
        "declined (reason: customer_not_approved)"
    );
    for (what, body) in [
        ("wrong currency", purchase("C-5", 1_000, "EUR")),
        ("unknown currency", purchase("C-5", 1_000, "XYZ")),
        ("zero amount", purchase("C-5", 0, "SEK")),
        ("negative amount", purchase("C-5", -500, "SEK")),
        ("unknown customer", purchase("C-99", 1_000, "SEK")),
        ("customer id that is not one", purchase("", 1_000, "SEK")),
    ] {
        let r = send(create(Some("bad-1"), &body)).await;
        assert_error(what, &r, 422, &["declined"]);
    }
    add_late_customer(&s).await;
    let (n_late, ops_late) = (orders(&s.store).await, operations(&s.store).await);
    let r = send(create(Some("late-1"), &purchase("C-7", 1_000, "SEK"))).await;
    assert_error("late installment", &r, 422, &["declined"]);
    // Nothing about the customer's other plans reaches the merchant (issue 13).
    assert_eq!(
        r.1["error"]["message"],
        "declined (reason: customer_not_approved)"
    );
    assert_eq!(
        (orders(&s.store).await, operations(&s.store).await),
        (n_late, ops_late)
    );
    assert_eq!(n_late, n + 1, "only C-7's own order was added");
    assert_eq!(ops_late, ops + 2);

    // Exactly at the limit is allowed.
    let (status, at_limit) =
        send(create(Some("big-2"), &purchase("C-5", limit - owed, "SEK"))).await;
    assert_eq!(status, 201, "{at_limit}");
    assert!(s.store.audit().await.unwrap().is_clean());
}
on_both_backends!(
    merchant_checkout,
    checkout_is_idempotent_and_checks_affordability
);

/// Regression: the checkout accepted only `pay_in4`/`pay_in30` (serde's snake_case of the variant
/// names) while every order shows its plan as `pay_in_4`/`pay_in_30`, so a checkout that sent the
/// names it reads back was refused with 422.
async fn checkout_accepts_the_plan_names_that_orders_show(backend: Backend) {
    let s = TestServer::start(backend).await;
    let m1 = s.merchant_key("M-1").await;
    for (key, plan, shown) in [
        ("p-1", "pay_in_4", "pay_in_4"),
        ("p-2", "pay_in_30", "pay_in_30"),
        ("p-3", "pay_in4", "pay_in_4"),
        ("p-4", "financing12", "financing"),
    ] {
        let mut body = purchase("C-1", 10_000, "SEK");
        body["plan"] = json!(plan);
        let (status, order) = send(
            merchant_request(
                &s,
                reqwest::Method::POST,
                "/api/v1/merchant/orders",
                &m1,
                Some(key),
            )
            .json(&body),
        )
        .await;
        assert_eq!(status, 201, "{plan}: {order}");
        assert_eq!(order["plan"], shown);
    }
    let spec = fairdesk_server::openapi();
    let spec = serde_json::to_value(&spec).unwrap();
    assert_eq!(
        spec["components"]["schemas"]["PlanChoice"]["enum"][0], "pay_in_4",
        "the API document names the plans as orders show them"
    );
}
on_both_backends!(
    checkout_plan_names,
    checkout_accepts_the_plan_names_that_orders_show
);

// ---------------------------------------------------------------------------------------------
// Bad bodies

/// `[[[…"x"…]]]`, `depth` arrays deep (beyond the JSON parser's recursion limit of 128).
fn deep(depth: usize) -> Value {
    (0..depth).fold(json!("x"), |inner, _| json!([inner]))
}

async fn bad_bodies_are_refused_with_a_json_error_and_change_nothing(backend: Backend) {
    let limits = ServiceLimits {
        body_bytes_max: 4_096,
        ..ServiceLimits::default()
    };
    let s = TestServer::start_with(backend, limits).await;
    s.add_agent("anna", Role::Agent).await;
    let m1 = s.merchant_key("M-1").await;
    let (id, _) = s.start_conversation("C-2").await;
    let token = s.token("C-2");
    let messages_path = s.url(&format!("/api/v1/conversations/{id}/messages"));
    let feedback_path = s.url(&format!("/api/v1/conversations/{id}/feedback"));
    let before = s.store.messages(&id).await.unwrap();
    let (n, ops) = (orders(&s.store).await, operations(&s.store).await);
    let raw = |url: &str, content_type: Option<&str>, body: Vec<u8>| {
        let r = s.http.post(url).bearer_auth(&token).body(body);
        match content_type {
            Some(t) => r.header("content-type", t),
            None => r,
        }
    };
    let json_type = Some("application/json");

    let big = json!({ "text": "a".repeat(10_000) })
        .to_string()
        .into_bytes();
    let r = send(raw(&messages_path, json_type, big.clone())).await;
    assert_error("oversized", &r, 413, &["too_large"]);
    let r = send(raw(&feedback_path, json_type, big.clone())).await;
    assert_error("oversized feedback", &r, 413, &["too_large"]);
    let r = send(
        merchant_request(
            &s,
            reqwest::Method::POST,
            "/api/v1/merchant/orders",
            &m1,
            Some("k-1"),
        )
        .header("content-type", "application/json")
        .body(big),
    )
    .await;
    assert_error("oversized order", &r, 413, &["too_large"]);

    for (what, body) in [
        ("cut short", &b"{\"text\": \"hi\""[..]),
        ("not JSON", b"text=hi"),
        ("trailing garbage", b"{\"text\": \"hi\"} x"),
        ("empty", b""),
        ("invalid UTF-8", b"{\"text\": \"\xff\xfe\"}"),
    ] {
        let r = send(raw(&messages_path, json_type, body.to_vec())).await;
        assert_error(what, &r, 400, &["bad_json"]);
    }
    for (what, body) in [
        ("misspelled field", json!({ "txt": "hi" })),
        ("number for text", json!({ "text": 5 })),
        ("array of the fields", json!(["hi"])),
        ("empty array", json!([])),
        ("array of the wrong type", json!([5])),
        ("string", json!("hi")),
        ("null", Value::Null),
        ("deeply nested", deep(1_000)),
        ("deeply nested text", json!({ "text": deep(1_000) })),
    ] {
        let r = send(raw(
            &messages_path,
            json_type,
            body.to_string().into_bytes(),
        ))
        .await;
        assert!((400..500).contains(&r.0), "{what}: {r:?}");
        // A field the endpoint does not know is named as such (issue 13).
        let code = if what == "misspelled field" {
            "unknown_field"
        } else {
            "bad_json"
        };
        assert_error(what, &r, r.0, &[code]);
    }
    let valid = json!({ "text": "when is my next payment due?" }).to_string();
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let r = send(raw(
            &messages_path,
            content_type,
            valid.clone().into_bytes(),
        ))
        .await;
        assert_error(
            &format!("{content_type:?}"),
            &r,
            415,
            &["unsupported_media_type"],
        );
    }
    for text in ["", "   ", "\n\t "] {
        let r = send(raw(
            &messages_path,
            json_type,
            json!({ "text": text }).to_string().into_bytes(),
        ))
        .await;
        assert_error("empty text", &r, 400, &["bad_request"]);
    }
    for score in [json!(0), json!(6), json!(-1), json!(i64::MAX)] {
        let r = send(raw(
            &feedback_path,
            json_type,
            json!({ "score": score }).to_string().into_bytes(),
        ))
        .await;
        assert_error(&format!("score {score}"), &r, 422, &["bad_score"]);
    }
    for score in [json!(3.5), json!("5"), json!(1e30), Value::Null] {
        let r = send(raw(
            &feedback_path,
            json_type,
            json!({ "score": score }).to_string().into_bytes(),
        ))
        .await;
        assert_error(&format!("score {score}"), &r, 422, &["bad_json"]);
    }
    let r = send(raw(
        &feedback_path,
        json_type,
        json!({ "score": 4, "comment": "é".repeat(2_001) })
            .to_string()
            .into_bytes(),
    ))
    .await;
    // 2 001 two-byte characters are over the body limit of this server: refused either way.
    assert!(matches!(r.0, 413 | 422), "{r:?}");
    let r = send(raw(
        &feedback_path,
        json_type,
        json!({ "score": 4, "comment": "x".repeat(2_001) })
            .to_string()
            .into_bytes(),
    ))
    .await;
    assert_error("long comment", &r, 422, &["too_long"]);

    let order = |body: &[u8]| {
        merchant_request(
            &s,
            reqwest::Method::POST,
            "/api/v1/merchant/orders",
            &m1,
            Some("k-2"),
        )
        .header("content-type", "application/json")
        .body(body.to_vec())
    };
    let r = send(order(b"{\"customer\": \"C-1\",")).await;
    assert_error("cut short order", &r, 400, &["bad_json"]);
    let mut wrong_plan = purchase("C-1", 1_000, "SEK");
    wrong_plan["plan"] = json!("pay_in_5");
    let mut amount_too_big = purchase("C-1", 1_000, "SEK");
    amount_too_big["amount_minor"] = json!(9_223_372_036_854_775_808_u64);
    for (what, body) in [
        ("unknown plan", wrong_plan),
        ("amount beyond i64", amount_too_big),
    ] {
        let r = send(order(body.to_string().as_bytes())).await;
        assert_error(what, &r, 422, &["bad_json"]);
    }
    let r = send(
        s.http
            .post(s.url("/api/v1/agent/login"))
            .header("content-type", "application/json")
            .body("{\"name\": \"anna\""),
    )
    .await;
    assert_error("cut short login", &r, 400, &["bad_json"]);

    assert_eq!(
        s.store.messages(&id).await.unwrap(),
        before,
        "no message was written"
    );
    assert!(
        s.store.feedback(&id).await.unwrap().is_none(),
        "no feedback was written"
    );
    assert_eq!(
        (orders(&s.store).await, operations(&s.store).await),
        (n, ops)
    );
    // The conversation still works after all that.
    s.say("C-2", &id, "when is my next payment due?").await;
}
on_both_backends!(
    bad_bodies,
    bad_bodies_are_refused_with_a_json_error_and_change_nothing
);

/// Regression: PostgreSQL refuses NUL in text, and the refusal surfaced as 500. A NUL in a message,
/// a comment or a name is the client's mistake: 400 on both backends, and nothing written; in a path
/// it is 400 where the database refuses it and an ordinary 404 where it does not, never 5xx.
async fn nul_characters_are_a_client_error_not_a_server_error(backend: Backend) {
    let s = TestServer::start(backend).await;
    s.add_agent("sara", Role::Supervisor).await;
    let m1 = s.merchant_key("M-1").await;
    let (id, _) = s.start_conversation("C-1").await;
    let token = s.token("C-1");
    let refused = |what: &str, r: &(u16, Value)| {
        assert_error(what, r, 400, &["bad_request"]);
        assert!(
            r.1["error"]["message"].as_str().unwrap().contains("NUL"),
            "{what}: {r:?}"
        );
    };
    let refused_on_postgres = |what: &str, r: &(u16, Value), kept: u16| {
        if r.0 == 400 {
            assert_error(what, r, 400, &["bad_request"]);
            assert!(
                r.1["error"]["message"].as_str().unwrap().contains("NUL"),
                "{what}: {r:?}"
            );
        } else {
            assert_eq!(backend, Backend::Sqlite, "{what}: {r:?}");
            assert_eq!(r.0, kept, "{what}: {r:?}");
        }
    };

    let before = s.store.messages(&id).await.unwrap();
    let r = send(
        s.http
            .post(s.url(&format!("/api/v1/conversations/{id}/messages")))
            .bearer_auth(&token)
            .json(&json!({ "text": "a\u{0}b" })),
    )
    .await;
    refused("message", &r);
    assert_eq!(s.store.messages(&id).await.unwrap(), before);
    let r = send(
        s.http
            .post(s.url(&format!("/api/v1/conversations/{id}/feedback")))
            .bearer_auth(&token)
            .json(&json!({ "score": 4, "comment": "\u{0}" })),
    )
    .await;
    refused("comment", &r);
    assert!(s.store.feedback(&id).await.unwrap().is_none());
    let r = send(
        s.http
            .get(s.url("/api/v1/conversations/cv-%00"))
            .bearer_auth(&token),
    )
    .await;
    refused_on_postgres("path", &r, 404);
    let r = send(
        s.http
            .post(s.url("/api/v1/agent/login"))
            .json(&json!({ "name": "sa\u{0}ra", "password": common::PASSWORD })),
    )
    .await;
    refused("login name", &r);

    let sara = AgentClient::login(&s.base, "sara").await;
    let before = s.store.messages(&id).await.unwrap();
    let r = sara
        .post(
            &format!("/api/v1/agent/conversations/{id}/messages"),
            json!({ "text": "hej\u{0}" }),
        )
        .await;
    refused("agent reply", &r);
    assert_eq!(s.store.messages(&id).await.unwrap(), before);
    let (n, ops) = (orders(&s.store).await, operations(&s.store).await);
    let r = send(
        merchant_request(
            &s,
            reqwest::Method::POST,
            "/api/v1/merchant/orders",
            &m1,
            Some("nul-1"),
        )
        .json(&purchase("C-1\u{0}", 1_000, "SEK")),
    )
    .await;
    refused("customer id", &r);
    assert_eq!(
        (orders(&s.store).await, operations(&s.store).await),
        (n, ops)
    );
    assert!(s.store.audit().await.unwrap().is_clean());
}
on_both_backends!(
    nul_characters,
    nul_characters_are_a_client_error_not_a_server_error
);
