//! Thousands of random and malformed requests against a real server: random methods, real routes
//! with garbage, overlong and percent-encoded segments, random paths, every kind of credential
//! (good, forged, expired, garbage, the wrong kind), bodies that are valid, random, not UTF-8,
//! huge, deeply nested, out of range or full of NULs and emoji, odd content types and idempotency
//! keys. The server must never answer 5xx, never show one customer's conversation or one merchant's
//! order to another, still answer `/health` afterwards, and leave a ledger whose audit is clean.
//!
//! Deterministic: request `i` is generated from a xorshift seeded with `SEED` and `i`
//! (`FAIRDESK_FUZZ_SEED` and `FAIRDESK_FUZZ_REQUESTS` override), so a failure names a request that
//! can be generated again; only the interleaving of the concurrent requests varies.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::Utc;
use common::{AgentClient, TestServer};
use fairdesk_server::Secret;
use fairdesk_store::{Backend, Role};
use futures_util::StreamExt;
use reqwest::Method;
use reqwest::header::HeaderValue;
use serde_json::{Value, json};

const SEED: u64 = 0x5eed_f00d_dead_beef;
const REQUESTS: usize = 10_000;
const CONCURRENCY: usize = 8;

/// xorshift64*: tiny, deterministic, good enough to pick among cases.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        // splitmix64 of the pair, so neighbouring streams start far apart (and never at zero).
        let mut z = seed ^ stream.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())].clone()
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }

    fn ascii(&mut self, n: usize, alphabet: &[u8]) -> String {
        (0..n).map(|_| char::from(self.pick(alphabet))).collect()
    }
}

const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
const METHODS: [Method; 5] = [
    Method::GET,
    Method::POST,
    Method::PUT,
    Method::DELETE,
    Method::PATCH,
];

/// Every route: its method and path, `{c}` a conversation id, `{o}` an order id.
const ROUTES: &[(&str, &str)] = &[
    ("POST", "/api/v1/conversations"),
    ("GET", "/api/v1/conversations/{c}"),
    ("POST", "/api/v1/conversations/{c}/messages"),
    ("POST", "/api/v1/conversations/{c}/feedback"),
    ("GET", "/api/v1/conversations/{c}/live"),
    ("GET", "/api/v1/me/orders"),
    ("POST", "/api/v1/me/checkout-consents"),
    ("POST", "/api/v1/agent/login"),
    ("POST", "/api/v1/agent/lockouts/{c}/lift"),
    ("POST", "/api/v1/agent/logout"),
    ("GET", "/api/v1/agent/me"),
    ("GET", "/api/v1/agent/queue"),
    ("GET", "/api/v1/agent/conversations/{c}"),
    ("POST", "/api/v1/agent/conversations/{c}/claim"),
    ("POST", "/api/v1/agent/conversations/{c}/messages"),
    ("POST", "/api/v1/agent/conversations/{c}/actions"),
    ("POST", "/api/v1/agent/conversations/{c}/resolve"),
    ("POST", "/api/v1/agent/conversations/{c}/hand-back"),
    ("GET", "/api/v1/agent/live"),
    ("GET", "/api/v1/supervisor/stats"),
    ("POST", "/api/v1/merchant/orders"),
    ("GET", "/api/v1/merchant/orders/{o}"),
    ("POST", "/api/v1/merchant/orders/{o}/shipped"),
    ("POST", "/api/v1/merchant/orders/{o}/delivered"),
    ("POST", "/api/v1/merchant/orders/{o}/returns"),
    ("POST", "/api/v1/merchant/orders/{o}/refunds"),
    ("GET", "/health"),
    ("GET", "/ready"),
    ("GET", "/metrics"),
    ("GET", "/api/openapi.json"),
];

/// Path segments that have broken servers before.
const NASTY_SEGMENTS: &[&str] = &[
    "",
    "%00",
    "a%00b",
    "%2F",
    "..%2F..%2Fetc%2Fpasswd",
    "%2e%2e",
    "%ZZ",
    "%",
    "%C3%A9",
    "%F0%9F%A6%80",
    "%FF%FE",
    "%C0%AF",
    "%ED%A0%80",
    "%27%20OR%201%3D1%20--",
    "%3Cscript%3E",
    "null",
    "-1",
    "0",
    "99999999999999999999999",
    "cv-C-1-0",
    "O-1",
    "ord-",
    "C-1",
    "~",
    "%7E",
    "%20",
    "%09",
    "+",
];

/// Message texts and strings that stress text handling.
const TEXTS: &[&str] = &[
    "when is my next payment due?",
    "I want to talk to a human",
    "jag vill prata med en människa",
    "pay off everything",
    "move my due date",
    "yes",
    "no",
    "refund",
    "my card 4111 1111 1111 1111",
    "🦀🦀🦀 💸 👩‍👩‍👧‍👦",
    "\u{202e}txt.exe\u{202c}",
    "\u{feff}\u{200b}\u{200d}",
    "a\u{0}b",
    "\u{0}",
    "😀\u{0}😀",
    "Ω≈ç√∫˜µ≤≥÷",
    "'; DROP TABLE messages; --",
    "<script>alert(1)</script>",
    "{{7*7}} ${7*7}",
    "ｆｕｌｌ ｗｉｄｔｈ",
    "\r\n\r\nHTTP/1.1 200 OK",
];

/// Numbers where a number is expected, most of them out of range or not numbers at all.
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "3",
    "5",
    "6",
    "-1",
    "1.5",
    "1e400",
    "-1e400",
    "1e-400",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551616",
    "255",
    "256",
    "100000000",
    "100000001",
    "00012",
    "\"5\"",
    "null",
    "true",
    "[]",
];

/// Who the request claims to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Nobody,
    Customer(usize),
    Merchant(usize),
    Other,
}

/// What the request touches, for the leak oracle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    None,
    Conversation(usize),
    Order(usize),
}

struct Fixture {
    /// Conversations of C-1…C-4 (C-4's waits for a person).
    conversations: Vec<String>,
    agents: Vec<AgentClient>,
    merchant_keys: Vec<String>,
    secret: Secret,
}

struct Req {
    method: Method,
    path: String,
    headers: Vec<(&'static str, HeaderValue)>,
    body: Option<Vec<u8>>,
    who: Who,
    target: Target,
}

impl Req {
    fn describe(&self) -> String {
        let body = self
            .body
            .as_ref()
            .map(|b| String::from_utf8_lossy(&b[..b.len().min(300)]).into_owned())
            .unwrap_or_default();
        let path: String = self.path.chars().take(300).collect();
        format!("{} {path} {:?} body {body:?}", self.method, self.headers)
    }
}

fn segment(rng: &mut Rng) -> String {
    match rng.below(6) {
        0..=2 => rng.pick(NASTY_SEGMENTS).to_owned(),
        3 => {
            let n = rng.pick(&[1, 8, 64, 2_000, 10_000]);
            rng.ascii(n, ALNUM)
        }
        4 => {
            let n = rng.below(12) + 1;
            rng.bytes(n).iter().map(|b| format!("%{b:02X}")).collect()
        }
        _ => {
            let n = rng.below(20) + 1;
            rng.ascii(n, b"abc-._~!$&'()*+,;=:@%")
        }
    }
}

fn conversation_segment(rng: &mut Rng, fx: &Fixture) -> (String, Target) {
    if rng.percent(65) {
        let n = rng.below(fx.conversations.len());
        (fx.conversations[n].clone(), Target::Conversation(n + 1))
    } else {
        (segment(rng), Target::None)
    }
}

fn order_segment(rng: &mut Rng) -> (String, Target) {
    if rng.percent(65) {
        let n = rng.below(6) + 1;
        (format!("O-{n}"), Target::Order(n))
    } else {
        (segment(rng), Target::None)
    }
}

fn random_path(rng: &mut Rng) -> String {
    let prefix = rng.pick(&[
        "/",
        "/api/v1/",
        "/api/v1/agent/",
        "/api/v1/merchant/",
        "//",
        "",
    ]);
    let segments: Vec<String> = (0..rng.below(5)).map(|_| segment(rng)).collect();
    format!("/{}{}", prefix.trim_start_matches('/'), segments.join("/"))
}

fn path(rng: &mut Rng, fx: &Fixture) -> (Method, String, Target, &'static str) {
    if rng.percent(10) {
        return (rng.pick(&METHODS), random_path(rng), Target::None, "");
    }
    let (method, template) = rng.pick(ROUTES);
    let method = if rng.percent(75) {
        method.parse().unwrap()
    } else {
        rng.pick(&METHODS)
    };
    let (value, target) = if template.contains("{c}") {
        conversation_segment(rng, fx)
    } else if template.contains("{o}") {
        order_segment(rng)
    } else {
        (String::new(), Target::None)
    };
    let mut path = template.replace("{c}", &value).replace("{o}", &value);
    if rng.percent(5) {
        path.push_str(rng.pick(&["/", "/extra", "//", "/.."]));
    }
    if rng.percent(8) {
        path.push_str(rng.pick(&["?token=", "?token=v1.C-1.1.00", "?x=%ZZ&&&=", "?token=%00"]));
    }
    (method, path, target, template)
}

fn customer_token(fx: &Fixture, customer: usize) -> String {
    fx.secret.sign(
        &format!("C-{customer}").parse().unwrap(),
        Utc::now() + chrono::Duration::minutes(30),
    )
}

fn auth(
    rng: &mut Rng,
    fx: &Fixture,
    target: Target,
    method: &Method,
    template: &str,
) -> (Who, Vec<(&'static str, HeaderValue)>) {
    let bearer = |v: String| {
        (
            "authorization",
            HeaderValue::from_str(&format!("Bearer {v}")).unwrap(),
        )
    };
    let value = |s: &str| HeaderValue::from_str(s).unwrap();
    match rng.below(10) {
        0 => (Who::Nobody, Vec::new()),
        1..=3 => {
            // Often the owner of the conversation, so that the engine runs.
            let n = match target {
                Target::Conversation(n) | Target::Order(n) if rng.percent(60) => n,
                _ => rng.below(7) + 1,
            };
            let who = if n <= 6 { Who::Customer(n) } else { Who::Other };
            (who, vec![bearer(customer_token(fx, n))])
        }
        4 => {
            let forged = Secret::new(vec![7u8; 32]).unwrap();
            let c1 = "C-1".parse().unwrap();
            let token = match rng.below(3) {
                0 => forged.sign(&c1, Utc::now() + chrono::Duration::minutes(5)),
                1 => fx
                    .secret
                    .sign(&c1, Utc::now() - chrono::Duration::minutes(5)),
                _ => customer_token(fx, 1).replacen("C-1", "C-2", 1),
            };
            (Who::Other, vec![bearer(token)])
        }
        5 => {
            let n = rng.below(40);
            let garbage = rng.bytes(n);
            let header = match rng.below(3) {
                0 => HeaderValue::from_bytes(
                    &[
                        b"Bearer ".as_slice(),
                        &garbage.iter().map(|b| b | 0x80).collect::<Vec<_>>(),
                    ]
                    .concat(),
                )
                .unwrap(),
                1 => {
                    let n = rng.below(200);
                    value(&format!("Bearer {}", rng.ascii(n, ALNUM)))
                }
                _ => value(rng.pick(&[
                    "Bearer",
                    "Basic Zm9vOmJhcg==",
                    "bearer  v1...",
                    "Bearer v1.C-1.x.y",
                ])),
            };
            (Who::Other, vec![("authorization", header)])
        }
        6 | 7 => {
            let n = match target {
                Target::Order(n) if rng.percent(50) => 2 - n % 2,
                _ => rng.below(2) + 1,
            };
            (
                Who::Merchant(n),
                vec![bearer(fx.merchant_keys[n - 1].clone())],
            )
        }
        _ => {
            let agent = &fx.agents[rng.below(fx.agents.len())];
            let mut headers = vec![("cookie", value(&agent.cookie))];
            // Never end the fixture's own sessions: a logout gets a wrong CSRF token.
            let logout = template.ends_with("/logout") && *method != Method::GET;
            match rng.below(4) {
                0 | 1 if !logout => headers.push(("x-csrf-token", value(&agent.csrf))),
                2 => headers.push(("x-csrf-token", value(&rng.ascii(64, b"0123456789abcdef")))),
                _ => {}
            }
            (Who::Other, headers)
        }
    }
}

fn valid_body(rng: &mut Rng, template: &str) -> Value {
    let order = format!("O-{}", rng.below(6) + 1);
    let text = rng.pick(TEXTS);
    match template.rsplit('/').next().unwrap_or_default() {
        "messages" => json!({ "text": text }),
        "feedback" => json!({ "score": rng.below(7), "comment": text }),
        "login" => json!({ "name": rng.pick(&["anna", "nobody", "", text]), "password": text }),
        "actions" => match rng.below(5) {
            0 => json!({ "action": "move_due_date", "order": order, "installment": rng.below(6),
                         "new_due": Utc::now().date_naive() + chrono::Days::new(rng.below(40) as u64) }),
            1 => json!({ "action": "waive_late_fee", "order": order, "installment": rng.below(5),
                         "fee_minor": rng.below(5_000) }),
            2 => json!({ "action": "cancel", "order": order }),
            3 => json!({ "action": "start_return", "order": order }),
            _ => json!({ "action": "open_dispute", "order": order }),
        },
        "orders" => {
            let customer = format!("C-{}", rng.below(8));
            let amount = rng.pick(&[1i64, 999, 50_000, 400_000, 500_001, 100_000_001]);
            let currency = rng.pick(&["SEK", "EUR", "USD", "sek", "XXX", ""]);
            let merchant = rng.pick(&["M-1", "M-2"]);
            json!({
                "customer": customer,
                "description": text,
                "amount_minor": amount,
                "currency": currency,
                "plan": rng.pick(&["pay_in_4", "pay_in_30", "financing6", "financing36", "pay_in_5"]),
                "consent": common::consent(&customer, merchant, amount, currency),
            })
        }
        "checkout-consents" => json!({
            "merchant": rng.pick(&["M-1", "M-2", "M 3", ""]),
            "amount_minor": rng.pick(&[1, 999, -5, 0]),
            "currency": rng.pick(&["SEK", "EUR", "XXX"]),
        }),
        "returns" | "refunds" => {
            json!({ "amount_minor": rng.pick(&[1, 100, 25_000, 100_000, 100_001, 0, -5]) })
        }
        _ => json!({}),
    }
}

fn random_json(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth == 0 { 4 } else { 6 }) {
        0 => Value::Null,
        1 => json!(rng.percent(50)),
        2 => serde_json::from_str(rng.pick(NUMBERS)).unwrap_or(json!(-1)),
        3 => json!(rng.pick(TEXTS)),
        4 => Value::Array(
            (0..rng.below(4))
                .map(|_| random_json(rng, depth - 1))
                .collect(),
        ),
        _ => {
            let keys = [
                "text",
                "score",
                "comment",
                "name",
                "password",
                "action",
                "order",
                "amount_minor",
                "customer",
                "plan",
                "x",
            ];
            Value::Object(
                (0..rng.below(5))
                    .map(|_| ((rng.pick(&keys)).to_owned(), random_json(rng, depth - 1)))
                    .collect(),
            )
        }
    }
}

/// A valid body whose first number is replaced by an out-of-range or non-number literal.
fn with_odd_number(rng: &mut Rng, valid: &Value) -> Vec<u8> {
    let text = valid.to_string();
    let odd = rng.pick(NUMBERS);
    let start = text.find(|c: char| c.is_ascii_digit());
    let bytes = match start {
        Some(i) => {
            let end = text[i..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(text.len(), |e| i + e);
            format!("{}{odd}{}", &text[..i], &text[end..])
        }
        None => format!("{{\"score\": {odd}, \"amount_minor\": {odd}}}"),
    };
    bytes.into_bytes()
}

fn body(rng: &mut Rng, template: &str) -> Option<Vec<u8>> {
    let valid = valid_body(rng, template);
    let bytes = match rng.below(20) {
        0 => return None,
        1..=7 => valid.to_string().into_bytes(),
        8..=10 => random_json(rng, 4).to_string().into_bytes(),
        11 => {
            let n = rng.below(300);
            rng.bytes(n)
        }
        12 => {
            let n = rng.pick(&[3_999, 4_000, 4_001, 20_000, 65_000, 70_000]);
            json!({ "text": "é".repeat(n / 2), "comment": "x", "score": 3, "description": "y" })
                .to_string()
                .into_bytes()
        }
        13 => {
            let n = rng.pick(&[64, 127, 128, 129, 1_000, 20_000]);
            let open = rng.pick(&["[", "{\"a\":", "{\"text\":["]);
            open.repeat(n).into_bytes()
        }
        14 | 15 => with_odd_number(rng, &valid),
        16 => {
            // A string with NULs, lone surrogates and other escapes the parser must handle.
            let escape = rng.pick(&[
                "\\u0000",
                "\\ud800",
                "\\udfff",
                "\\ud83e\\udd80",
                "\\u0000\\u0000",
                "\\\\u0000",
            ]);
            format!("{{\"text\": \"a{escape}b\", \"score\": 3, \"comment\": \"{escape}\", \"name\": \"{escape}\", \"password\": \"x\", \"customer\": \"C-1{escape}\", \"description\": \"{escape}\", \"currency\": \"SEK\", \"plan\": \"pay_in_4\", \"amount_minor\": 100}}")
                .into_bytes()
        }
        17 => {
            let mut text = valid.to_string().into_bytes();
            let at = rng.below(text.len() + 1);
            text.truncate(at);
            text
        }
        18 => {
            let mut text = valid.to_string().into_bytes();
            if !text.is_empty() {
                let at = rng.below(text.len());
                text[at] = rng.next() as u8;
            }
            text
        }
        _ => json!({ "text": rng.pick(TEXTS), "x": "y".repeat(rng.below(3_000)) })
            .to_string()
            .into_bytes(),
    };
    Some(bytes)
}

fn content_type(rng: &mut Rng) -> Option<HeaderValue> {
    let t = match rng.below(12) {
        0..=5 => "application/json",
        6 => "application/json; charset=utf-8",
        7 => "application/JSON",
        8 => "application/vnd.api+json",
        9 => rng.pick(&[
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/jsonx",
            "json",
            "",
        ]),
        10 => return None,
        _ => {
            return HeaderValue::from_bytes(
                &rng.bytes(10).iter().map(|b| b | 0x80).collect::<Vec<_>>(),
            )
            .ok();
        }
    };
    Some(HeaderValue::from_str(t).unwrap())
}

fn idempotency_key(rng: &mut Rng) -> Option<HeaderValue> {
    match rng.below(6) {
        // A small space, so that retries and reuses with another body happen.
        0..=2 => Some(HeaderValue::from_str(&format!("fuzz-{}", rng.below(64))).unwrap()),
        3 => Some(match rng.below(5) {
            0 => HeaderValue::from_static(""),
            1 => HeaderValue::from_static("has space"),
            2 => HeaderValue::from_static("a/b"),
            3 => HeaderValue::from_static("k\tk"),
            _ => HeaderValue::from_str(&"k".repeat(101)).unwrap(),
        }),
        4 => {
            HeaderValue::from_bytes(&rng.bytes(8).iter().map(|b| b | 0x80).collect::<Vec<_>>()).ok()
        }
        _ => None,
    }
}

fn request(i: usize, seed: u64, fx: &Fixture) -> Req {
    let mut rng = Rng::new(seed, i as u64);
    let (method, path, target, template) = path(&mut rng, fx);
    let (who, mut headers) = auth(&mut rng, fx, target, &method, template);
    let body = if method == Method::GET && rng.percent(80) {
        None
    } else {
        body(&mut rng, template)
    };
    if body.is_some()
        && let Some(t) = content_type(&mut rng)
    {
        headers.push(("content-type", t));
    }
    if let Some(k) = idempotency_key(&mut rng) {
        headers.push(("idempotency-key", k));
    }
    if rng.percent(3) {
        headers.push(("x-csrf-token", HeaderValue::from_static("")));
    }
    Req {
        method,
        path,
        headers,
        body,
        who,
        target,
    }
}

/// What came back: the status, or the transport error.
struct Answer {
    status: Option<u16>,
    body: String,
    error: String,
}

async fn send(http: &reqwest::Client, base: &str, req: &Req) -> Answer {
    let mut r = http.request(req.method.clone(), format!("{base}{}", req.path));
    for (name, value) in &req.headers {
        r = r.header(*name, value.clone());
    }
    if let Some(body) = &req.body {
        r = r.body(body.clone());
    }
    match r.send().await {
        Ok(response) => {
            let status = response.status().as_u16();
            let body = response.text().await.unwrap_or_default();
            Answer {
                status: Some(status),
                body: body.chars().take(300).collect(),
                error: String::new(),
            }
        }
        Err(e) => Answer {
            status: None,
            body: String::new(),
            error: format!("{e:?}"),
        },
    }
}

/// A success that shows one customer's conversation to another, or one merchant's order to
/// another.
fn leak(req: &Req, status: u16) -> bool {
    if !(200..300).contains(&status) {
        return false;
    }
    let customer_route = req.path.starts_with("/api/v1/conversations/");
    let merchant_route = req.path.starts_with("/api/v1/merchant/orders/");
    match (req.who, req.target) {
        (Who::Customer(a), Target::Conversation(b)) => customer_route && a != b,
        (Who::Merchant(m), Target::Order(n)) => merchant_route && m != 2 - n % 2,
        (Who::Nobody | Who::Other, Target::Conversation(_)) => customer_route,
        (Who::Nobody | Who::Other, Target::Order(_)) => merchant_route,
        _ => false,
    }
}

async fn fixture(s: &TestServer) -> Fixture {
    s.add_agent("anna", Role::Agent).await;
    s.add_agent("sara", Role::Supervisor).await;
    let mut conversations = Vec::new();
    for n in 1..=4 {
        conversations.push(s.start_conversation(&format!("C-{n}")).await.0);
    }
    s.say("C-4", &conversations[3], "I want to talk to a human")
        .await;
    Fixture {
        conversations,
        agents: vec![
            AgentClient::login(&s.base, "anna").await,
            AgentClient::login(&s.base, "sara").await,
        ],
        merchant_keys: vec![s.merchant_key("M-1").await, s.merchant_key("M-2").await],
        secret: s.secret.clone(),
    }
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What the run saw.
#[derive(Default)]
struct Tally {
    statuses: BTreeMap<u16, usize>,
    /// 5xx answers.
    offenders: Vec<String>,
    /// Successes that showed one customer's or merchant's data to someone else.
    leaks: Vec<String>,
    /// Requests whose kept-alive connection the server had closed; each was sent again on a
    /// fresh connection.
    resent: Vec<String>,
    /// Requests that got no answer even on a fresh connection.
    unanswered: Vec<String>,
}

impl Tally {
    fn record(&mut self, i: usize, req: &Req, answer: &Answer, resent: Option<String>) {
        if let Some(error) = resent {
            self.resent
                .push(format!("#{i} {}: {error}", req.describe()));
        }
        let Some(status) = answer.status else {
            let error = &answer.error;
            self.unanswered
                .push(format!("#{i} {}: {error}", req.describe()));
            return;
        };
        *self.statuses.entry(status).or_default() += 1;
        if status >= 500 {
            let body = &answer.body;
            self.offenders
                .push(format!("#{i} {} → {status} {body}", req.describe()));
        }
        if leak(req, status) {
            self.leaks.push(format!(
                "#{i} {:?} reached {:?}: {} → {status} {}",
                req.who,
                req.target,
                req.describe(),
                answer.body
            ));
        }
    }

    fn print(&self, backend: Backend, requests: usize, seed: u64, elapsed: Duration) {
        println!(
            "{backend:?}: {requests} requests (seed {seed:#x}, {CONCURRENCY} at a time) in \
             {:.1} s; statuses {:?}; {} resent after the server closed a kept-alive connection",
            elapsed.as_secs_f64(),
            self.statuses,
            self.resent.len(),
        );
        let problems = self
            .offenders
            .iter()
            .chain(&self.leaks)
            .chain(&self.unanswered);
        for line in problems.chain(&self.resent).take(8) {
            let line: String = line.chars().take(600).collect();
            println!("  {line}");
        }
    }
}

fn first<T: std::fmt::Debug>(items: &[T]) -> &[T] {
    &items[..items.len().min(5)]
}

async fn random_and_malformed_requests_never_break_the_server(backend: Backend) {
    let s = TestServer::start(backend).await;
    let fx = fixture(&s).await;
    let seed = env_or("FAIRDESK_FUZZ_SEED", SEED);
    let requests = env_or("FAIRDESK_FUZZ_REQUESTS", REQUESTS);
    let client = |pool: usize| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .pool_max_idle_per_host(pool)
            .build()
            .unwrap()
    };
    // The server may close a kept-alive connection after answering a request whose body it did
    // not read (hyper does, without `Connection: close`), and the next request on it then gets no
    // answer; such a request is sent once more on a connection of its own.
    let (http, fresh) = (client(usize::MAX), client(0));
    let started = Instant::now();
    let mut tally = Tally::default();
    let (fx, http, fresh, base) = (&fx, &http, &fresh, s.base.as_str());
    let mut answers = futures_util::stream::iter(0..requests)
        .map(|i| async move {
            let req = request(i, seed, fx);
            let mut answer = send(http, base, &req).await;
            let mut resent = None;
            if answer.status.is_none() {
                resent = Some(answer.error.clone());
                answer = send(fresh, base, &req).await;
            }
            (i, req, answer, resent)
        })
        .buffer_unordered(CONCURRENCY);
    while let Some((i, req, answer, resent)) = answers.next().await {
        tally.record(i, &req, &answer, resent);
    }
    drop(answers);
    tally.print(backend, requests, seed, started.elapsed());

    let t = &tally;
    assert!(
        t.offenders.is_empty(),
        "{} answers were 5xx: {:#?}",
        t.offenders.len(),
        first(&t.offenders)
    );
    assert!(
        t.leaks.is_empty(),
        "{} answers leaked: {:#?}",
        t.leaks.len(),
        first(&t.leaks)
    );
    assert!(
        t.unanswered.is_empty(),
        "{} requests got no answer: {:#?}",
        t.unanswered.len(),
        first(&t.unanswered)
    );
    assert_eq!(t.statuses.values().sum::<usize>(), requests);
    assert!(
        t.resent.len() < requests / 100,
        "too many closed connections: {}",
        t.resent.len()
    );

    let health = http.get(s.url("/health")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    assert_eq!(health.json::<Value>().await.unwrap()["status"], "ok");
    let report = s.store.audit().await.unwrap();
    assert!(report.is_clean(), "{:#?}", report.violations);
}
on_both_backends!(fuzz, random_and_malformed_requests_never_break_the_server);
