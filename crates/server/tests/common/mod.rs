//! A real server on a free port for each test, on SQLite or PostgreSQL, with a small lender, and
//! helpers to speak to it as a customer, an agent or a merchant.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use chrono::Utc;
use fairdesk_agent::AgentPolicy;
use fairdesk_ledger::{Currency, IdempotencyKey, Money, Operation, PlanKind};
use fairdesk_server::auth::{digest, hash_password};
use fairdesk_server::{Secret, ServiceLimits, WebConfig};
use fairdesk_store::{AgentAccount, Backend, Role, Store};
use futures_util::StreamExt;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message as WsMessage;

pub const PASSWORD: &str = "correct horse battery";

pub struct TestServer {
    pub base: String,
    /// The database URL.
    pub url: String,
    pub store: Store,
    pub secret: Secret,
    pub http: reqwest::Client,
    _dir: Option<tempfile::TempDir>,
}

pub fn secret() -> Secret {
    Secret::new(b"test-secret-test-secret-test-secret!".to_vec()).unwrap()
}

/// Customers C-1…C-n (C-1 Swedish, the rest English); merchants M-1 (SEK) and M-2 (EUR); each
/// customer has one pay-in-4 order O-<n> of 1 000 (currency of M-1 for odd, M-2 for even customers).
pub async fn seed(store: &Store, customers: usize) {
    let today = Utc::now().date_naive();
    let mut ops = vec![
        Operation::RegisterMerchant {
            merchant: "M-1".parse().unwrap(),
            name: "Nordic Shoes".to_owned(),
            country: "SE".to_owned(),
            currency: Currency::SEK,
        },
        Operation::RegisterMerchant {
            merchant: "M-2".parse().unwrap(),
            name: "Euro Books".to_owned(),
            country: "DE".to_owned(),
            currency: Currency::EUR,
        },
    ];
    for n in 1..=customers {
        let (lang, country) = if n == 1 { ("sv", "SE") } else { ("en", "GB") };
        ops.push(Operation::RegisterCustomer {
            customer: format!("C-{n}").parse().unwrap(),
            name: format!("Customer{n} Test"),
            country: country.to_owned(),
            language: lang.to_owned(),
            card_valid: true,
        });
        let (merchant, currency) = if n % 2 == 1 {
            ("M-1", Currency::SEK)
        } else {
            ("M-2", Currency::EUR)
        };
        ops.push(Operation::CreateOrder {
            order: format!("O-{n}").parse().unwrap(),
            customer: format!("C-{n}").parse().unwrap(),
            merchant: merchant.parse().unwrap(),
            description: "Running shoes".to_owned(),
            amount: Money::new(100_000, currency),
            plan: PlanKind::PayIn4,
        });
    }
    for (i, op) in ops.iter().enumerate() {
        let key: IdempotencyKey = format!("seed-{i}").parse().unwrap();
        store.execute(&key, op, today).await.unwrap();
    }
}

impl TestServer {
    pub async fn start(backend: Backend) -> TestServer {
        Self::start_with(backend, ServiceLimits::default()).await
    }

    pub async fn start_with(backend: Backend, limits: ServiceLimits) -> TestServer {
        Self::start_web(backend, limits, WebConfig::default()).await
    }

    /// A server with the web pages configured as `web` says (demo mode, embedding origins).
    pub async fn start_web(backend: Backend, limits: ServiceLimits, web: WebConfig) -> TestServer {
        let (url, dir) = match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let url = format!("sqlite://{}", dir.path().join("desk.db").display());
                (url, Some(dir))
            }
            Backend::Postgres => (
                fairdesk_store::testing::fresh_postgres_url()
                    .await
                    .expect("PostgreSQL must be reachable for the PostgreSQL tests (see .ci/run)"),
                None,
            ),
        };
        let policy = AgentPolicy::default();
        let store = Store::open(&url, policy.ledger.clone()).await.unwrap();
        seed(&store, 6).await;
        let database = url.clone();
        let state = fairdesk_server::state(store.clone(), &url, secret(), policy, limits, web)
            .await
            .unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let app = fairdesk_server::app(state)
                .into_make_service_with_connect_info::<std::net::SocketAddr>();
            axum::serve(listener, app).await.unwrap();
        });
        TestServer {
            base: format!("http://{addr}"),
            url: database,
            store,
            secret: secret(),
            http: reqwest::Client::new(),
            _dir: dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn token(&self, customer: &str) -> String {
        self.secret.sign(
            &customer.parse().unwrap(),
            Utc::now() + chrono::Duration::minutes(30),
        )
    }

    pub async fn add_agent(&self, name: &str, role: Role) {
        self.store
            .add_agent(&AgentAccount {
                id: format!("ag-{name}"),
                name: name.to_owned(),
                password_hash: hash_password(PASSWORD).unwrap(),
                role,
                created_at: Utc::now(),
            })
            .await
            .unwrap();
    }

    pub async fn merchant_key(&self, merchant: &str) -> String {
        let key = format!("mk_test_{merchant}");
        self.store
            .add_merchant_key(&digest(&key), &merchant.parse().unwrap(), Utc::now())
            .await
            .unwrap();
        key
    }

    /// Starts a conversation for `customer`; returns its id and the welcome body.
    pub async fn start_conversation(&self, customer: &str) -> (String, Value) {
        let r = self
            .http
            .post(self.url("/api/v1/conversations"))
            .bearer_auth(self.token(customer))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
        let body: Value = r.json().await.unwrap();
        (
            body["conversation"]["id"].as_str().unwrap().to_owned(),
            body,
        )
    }

    pub async fn say(&self, customer: &str, conversation: &str, text: &str) -> Value {
        let r = self
            .http
            .post(self.url(&format!("/api/v1/conversations/{conversation}/messages")))
            .bearer_auth(self.token(customer))
            .json(&json!({ "text": text }))
            .send()
            .await
            .unwrap();
        let status = r.status();
        let body: Value = r.json().await.unwrap();
        assert_eq!(status, 200, "{body}");
        body
    }
}

/// Everything logged from here on in this test binary (once per binary), kept to be read.
#[derive(Clone, Default)]
pub struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    pub fn bytes(&self) -> Vec<u8> {
        self.0.lock().unwrap().clone()
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes()).into_owned()
    }
}

/// Sends every log line (debug and up) to a [`Captured`] buffer.
pub fn capture_logs() -> Captured {
    let log = Captured::default();
    let writer = log.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();
    log
}

/// A checkout consent signed with the test secret, as the lender's side of a checkout would
/// (valid for ten minutes).
pub fn consent(customer: &str, merchant: &str, amount_minor: i64, currency: &str) -> String {
    fairdesk_server::consent::Consent::new(
        customer,
        merchant,
        amount_minor,
        currency,
        Utc::now() + chrono::Duration::minutes(10),
    )
    .unwrap()
    .sign(&secret())
}

/// A fresh idempotency key for each request.
pub fn unique_key() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    format!(
        "k-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// A logged-in agent: the session cookie and the CSRF token.
pub struct AgentClient {
    pub http: reqwest::Client,
    pub cookie: String,
    pub csrf: String,
    pub base: String,
}

impl AgentClient {
    pub async fn login(base: &str, name: &str) -> AgentClient {
        let http = reqwest::Client::new();
        let r = http
            .post(format!("{base}/api/v1/agent/login"))
            .json(&json!({ "name": name, "password": PASSWORD }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let cookie = r
            .headers()
            .get("set-cookie")
            .unwrap()
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let body: Value = r.json().await.unwrap();
        AgentClient {
            http,
            cookie,
            csrf: body["csrf_token"].as_str().unwrap().to_owned(),
            base: base.to_owned(),
        }
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        let r = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
    }

    pub async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .header("x-csrf-token", &self.csrf)
            .header("idempotency-key", unique_key())
            .json(&body)
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
    }

    pub async fn live(&self) -> Ws {
        let ws_url = format!("{}/api/v1/agent/live", self.base.replacen("http", "ws", 1));
        let mut request =
            tokio_tungstenite::tungstenite::client::IntoClientRequest::into_client_request(ws_url)
                .unwrap();
        request
            .headers_mut()
            .insert("cookie", self.cookie.parse().unwrap());
        let (ws, _) = tokio_tungstenite::connect_async(request).await.unwrap();
        Ws(ws)
    }
}

pub struct Ws(
    pub tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>,
);

impl Ws {
    pub async fn customer(base: &str, conversation: &str, token: &str) -> Ws {
        let url = format!(
            "{}/api/v1/conversations/{conversation}/live?token={token}",
            base.replacen("http", "ws", 1)
        );
        let (ws, _) = tokio_tungstenite::connect_async(url).await.unwrap();
        Ws(ws)
    }

    /// The next event for which `pred` holds (others are skipped); panics after 20 s.
    pub async fn until(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let next = tokio::time::timeout_at(deadline, self.0.next())
                .await
                .expect("no matching event within 20 s")
                .expect("the socket closed")
                .unwrap();
            if let WsMessage::Text(text) = next {
                let v: Value = serde_json::from_str(&text).unwrap();
                if pred(&v) {
                    return v;
                }
            }
        }
    }
}

/// Runs a test body against both backends.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident, $body:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() {
                super::$body(fairdesk_store::Backend::Sqlite).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn postgres() {
                super::$body(fairdesk_store::Backend::Postgres).await;
            }
        }
    };
}

/// A count from the store's tables (`SELECT COUNT(…) FROM …`), to show that a refused request
/// wrote nothing.
pub async fn count(store: &Store, sql: &'static str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// Distinct orders in the ledger.
pub async fn orders(store: &Store) -> i64 {
    count(store, "SELECT COUNT(DISTINCT order_id) FROM order_versions").await
}

/// Operations in the ledger's log (accepted and refused).
pub async fn operations(store: &Store) -> i64 {
    count(store, "SELECT COUNT(*) FROM operations").await
}
