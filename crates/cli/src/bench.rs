//! `fairdesk bench chat`: a load benchmark of a running `fairdesk serve`, driven the way its
//! customers drive it. Each simulated customer starts a conversation, follows it over its WebSocket
//! and sends messages as fast as the answers come back (a closed loop), starting a new conversation
//! every few messages (the engine limits messages per minute per conversation). Optionally many
//! more idle WebSockets are held open for the whole run, to see what an open socket costs the
//! server.
//!
//! Tokens are signed with the server's secret for customers read from the server's database, so the
//! benchmark needs both; it only ever talks to a server on this machine.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use chrono::Utc;
use clap::{Args, Subcommand};
use fairdesk_ledger::CustomerId;
use futures_util::{StreamExt, stream};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio::sync::{oneshot, watch};
use tokio_tungstenite::tungstenite::Message as WsMessage;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, tungstenite};

use crate::Db;
use crate::service_cmd::SecretArgs;

const CUSTOMERS_MAX: u32 = 20_000;
const DURATION_SECONDS_MAX: u64 = 600;
const SOCKETS_MAX: u32 = 15_000;
/// The engine answers at most 20 messages a minute in one conversation (default policy).
const MESSAGES_PER_CONVERSATION_MAX: u32 = 20;
/// Conversations started and sockets opened at once while setting up.
const SETUP_CONCURRENCY: usize = 64;
/// How long one HTTP request may take before it counts as an error.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a customer's socket waits, after the conversation's last answer, for the events that
/// answer announced.
const EVENTS_GRACE: Duration = Duration::from_secs(2);
/// How long a closing socket waits for the server's close frame.
const CLOSE_GRACE: Duration = Duration::from_secs(1);
/// Pause after a failed request, so a failing server is not hammered in a tight loop.
const ERROR_PAUSE: Duration = Duration::from_millis(100);
/// Events are small JSON objects; the client needs no more than this per socket (tungstenite's
/// default is 128 KiB, which would make the benchmark itself the memory hog at 10 000 sockets).
const WS_READ_BUFFER_BYTES: usize = 4_096;
/// Tokens outlive the run by this much, covering setup.
const TOKEN_SLACK: chrono::Duration = chrono::Duration::hours(1);

/// What a customer with a plan still to pay says, in turn: questions the engine understands and
/// answers without a person, in several languages, and quick-reply payloads as the chat's buttons
/// send them.
const WITH_PLAN: &[&str] = &[
    "when is my next payment?",
    "hur mycket är kvar att betala?",
    "wann ist die nächste Rate fällig?",
    "what's my balance",
    "intent:next_payment",
    "hvornår skal jeg betale næste rate?",
    "combien me reste-t-il à payer ?",
    "how does pay in 4 work?",
    "¿cuándo vence el próximo pago?",
    "hoeveel moet ik nog betalen?",
    "intent:balance_remaining",
    "kiedy jest następna rata?",
    "hvor mye gjenstår å betale?",
    "milloin seuraava maksu erääntyy?",
    "how much do I still owe?",
    "where is my order?",
];

/// What a customer whose plans are all settled says: about orders and how plans work (asking a
/// settled customer for the next payment fails the errand, and twice hands over to a person).
const WITHOUT_PLAN: &[&str] = &[
    "where is my order?",
    "var är min beställning?",
    "wie funktioniert Ratenzahlung?",
    "intent:order_status",
    "how much interest am I paying?",
    "où en est ma commande ?",
    "¿dónde está mi pedido?",
    "intent:how_it_works",
    "hur fungerar delbetalning?",
    "waar is mijn bestelling?",
    "gdzie jest moje zamówienie?",
    "wie viel Zinsen zahle ich?",
    "hvor er min ordre?",
    "missä tilaukseni on?",
];

#[derive(Subcommand, Debug)]
pub enum BenchCommand {
    /// Drive a running `fairdesk serve` with simulated customers chatting over HTTP and WebSocket.
    Chat(ChatArgs),
}

#[derive(Args, Debug)]
pub struct ChatArgs {
    /// The server's address; only this machine (127.0.0.1, ::1 or localhost) is accepted.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// The database the server uses: the customers are read from it.
    #[command(flatten)]
    db: Db,
    /// Simulated customers, each chatting in a closed loop.
    #[arg(long, default_value_t = 50,
          value_parser = clap::value_parser!(u32).range(1..=i64::from(CUSTOMERS_MAX)))]
    customers: u32,
    /// Seconds to send messages for (setup not included).
    #[arg(long, default_value_t = 20,
          value_parser = clap::value_parser!(u64).range(1..=DURATION_SECONDS_MAX))]
    duration: u64,
    /// Messages per conversation before a customer starts a new one.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32)
          .range(1..=i64::from(MESSAGES_PER_CONVERSATION_MAX)))]
    messages_per_conversation: u32,
    /// Idle customer WebSockets to hold open for the run, spread over the customers' first
    /// conversations.
    #[arg(long, default_value_t = 0,
          value_parser = clap::value_parser!(u32).range(0..=i64::from(SOCKETS_MAX)))]
    sockets: u32,
    #[command(flatten)]
    secret: SecretArgs,
    /// Print the results as JSON.
    #[arg(long)]
    json: bool,
}

pub async fn run(cmd: BenchCommand) -> Result<()> {
    let BenchCommand::Chat(args) = cmd;
    chat(args).await
}

/// The base URL (`http://HOST:PORT`) of a server on this machine; anything else is refused.
fn loopback_base(url: &str) -> Result<String> {
    let parsed = reqwest::Url::parse(url).with_context(|| format!("--url {url:?}"))?;
    if parsed.scheme() != "http" {
        bail!("--url {url:?}: use http:// (the benchmark speaks plain HTTP to this machine)");
    }
    let host = parsed.host_str().unwrap_or_default();
    if !["127.0.0.1", "[::1]", "localhost"].contains(&host) {
        bail!(
            "--url {url:?}: the benchmark only drives a server on this machine \
             (127.0.0.1, ::1 or localhost), not {host:?}"
        );
    }
    if !parsed.username().is_empty()
        || parsed.password().is_some()
        || !matches!(parsed.path(), "" | "/")
        || parsed.query().is_some()
        || parsed.fragment().is_some()
    {
        bail!("--url {url:?}: give only the scheme, host and port, e.g. http://127.0.0.1:8080");
    }
    Ok(parsed.origin().ascii_serialization())
}

/// The `p`th percentile (0–100, nearest rank) of ascending `sorted`; `None` when it is empty.
fn percentile(sorted: &[Duration], p: f64) -> Option<Duration> {
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len().max(1)) - 1).copied()
}

/// The value of an unlabelled metric in Prometheus text.
fn metric(text: &str, name: &str) -> Option<u64> {
    text.lines().find_map(|line| {
        line.strip_prefix(name)?
            .strip_prefix(' ')?
            .trim()
            .parse()
            .ok()
    })
}

/// This process's limit on open files (Linux), if it can be read.
fn open_files_limit() -> Option<u64> {
    std::fs::read_to_string("/proc/self/limits")
        .ok()?
        .lines()
        .find_map(|line| {
            line.strip_prefix("Max open files")?
                .split_whitespace()
                .next()?
                .parse()
                .ok()
        })
}

/// Why a request failed.
#[derive(Debug)]
enum Failure {
    /// The server answered with an error status (and this body).
    Status(u16, String),
    /// No answer: connection refused or reset, timeout, unreadable body.
    Transport(String),
    /// A WebSocket could not be opened or broke.
    Socket(String),
}

impl Failure {
    fn key(&self) -> String {
        match self {
            Failure::Status(status, _) => status.to_string(),
            Failure::Transport(_) => "transport".to_owned(),
            Failure::Socket(_) => "websocket".to_owned(),
        }
    }

    fn detail(&self) -> String {
        let detail = match self {
            Failure::Status(status, body) => format!("HTTP {status}: {body}"),
            Failure::Transport(e) | Failure::Socket(e) => e.clone(),
        };
        if detail.contains("Too many open files") {
            format!("{detail} (raise the open-files limit: ulimit -n)")
        } else {
            detail
        }
    }
}

type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// What the server answered to a message.
#[derive(Debug)]
struct Answer {
    /// The bot still holds the conversation (no handoff to a person).
    with_bot: bool,
    /// Messages the turn added, each announced on the conversation's socket.
    announced: u64,
    /// The bot asked which order and offered this one as a button.
    order_choice: Option<String>,
}

/// The server, as a customer's browser reaches it.
#[derive(Debug)]
struct Server {
    http: reqwest::Client,
    base: String,
    ws_base: String,
}

impl Server {
    async fn call(&self, request: reqwest::RequestBuilder) -> Result<Value, Failure> {
        let response = request
            .send()
            .await
            .map_err(|e| Failure::Transport(format!("{:#}", anyhow::Error::from(e))))?;
        let status = response.status();
        if !status.is_success() {
            let body = response.text().await.unwrap_or_default();
            return Err(Failure::Status(status.as_u16(), body));
        }
        response.json().await.map_err(|e| {
            Failure::Transport(format!("reading the answer: {:#}", anyhow::Error::from(e)))
        })
    }

    async fn metrics(&self) -> Result<String> {
        let response = self
            .http
            .get(format!("{}/metrics", self.base))
            .send()
            .await
            .with_context(|| {
                format!(
                    "cannot reach the server at {} (is `fairdesk serve` running there?)",
                    self.base
                )
            })?
            .error_for_status()
            .with_context(|| format!("{}/metrics", self.base))?;
        Ok(response.text().await?)
    }

    /// Starts a conversation; its id.
    async fn start(&self, token: &str) -> Result<String, Failure> {
        let body = self
            .call(
                self.http
                    .post(format!("{}/api/v1/conversations", self.base))
                    .bearer_auth(token),
            )
            .await?;
        body["conversation"]["id"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| Failure::Transport(format!("no conversation id in {body}")))
    }

    /// The customer's script: whether any of their plans is still being paid.
    async fn script(&self, token: &str) -> Result<&'static [&'static str], Failure> {
        let orders = self
            .call(
                self.http
                    .get(format!("{}/api/v1/me/orders", self.base))
                    .bearer_auth(token),
            )
            .await?;
        let paying = orders
            .as_array()
            .is_some_and(|orders| orders.iter().any(|o| o["status"] == "active"));
        Ok(if paying { WITH_PLAN } else { WITHOUT_PLAN })
    }

    /// Sends a message; what the answer says.
    async fn say(&self, token: &str, conversation: &str, text: &str) -> Result<Answer, Failure> {
        let body = self
            .call(
                self.http
                    .post(format!(
                        "{}/api/v1/conversations/{conversation}/messages",
                        self.base
                    ))
                    .bearer_auth(token)
                    .json(&json!({ "text": text })),
            )
            .await?;
        let messages = body["messages"].as_array().map_or(&[][..], Vec::as_slice);
        let choice = messages
            .iter()
            .filter_map(|m| m["quick_replies"].as_array())
            .flatten()
            .filter_map(|q| q["payload"].as_str())
            .find(|payload| payload.starts_with("order:"));
        Ok(Answer {
            with_bot: body["conversation"]["state"] == "bot",
            announced: messages.len() as u64,
            order_choice: choice.map(str::to_owned),
        })
    }

    /// Opens the conversation's live channel.
    async fn live(&self, token: &str, conversation: &str) -> Result<Ws, Failure> {
        let url = format!(
            "{}/api/v1/conversations/{conversation}/live?token={token}",
            self.ws_base
        );
        let config = WebSocketConfig::default().read_buffer_size(WS_READ_BUFFER_BYTES);
        tokio_tungstenite::connect_async_with_config(url, Some(config), true)
            .await
            .map(|(ws, _)| ws)
            .map_err(|e| match e {
                // Refused before the upgrade: counted by status, like any other request.
                tungstenite::Error::Http(response) => Failure::Status(
                    response.status().as_u16(),
                    String::from_utf8_lossy(response.body().as_deref().unwrap_or_default())
                        .into_owned(),
                ),
                other => Failure::Socket(other.to_string()),
            })
    }
}

/// Reads the next frame: `Some(true)` for an event, `Some(false)` for a control frame, `None` once
/// the socket is closed.
async fn read(ws: &mut Ws) -> Option<bool> {
    match ws.next().await? {
        Ok(WsMessage::Text(_)) => Some(true),
        Ok(WsMessage::Close(_)) | Err(_) => None,
        Ok(_) => Some(false),
    }
}

/// Closes a socket politely; the events that still arrived meanwhile.
async fn close(mut ws: Ws) -> u64 {
    let _ = ws.close(None).await;
    let mut events = 0;
    let _ = tokio::time::timeout(CLOSE_GRACE, async {
        while let Some(event) = read(&mut ws).await {
            events += u64::from(event);
        }
    })
    .await;
    events
}

#[derive(Debug, Default)]
struct ErrorCount {
    count: u64,
    example: String,
}

/// What the run has counted so far, shared by every task.
#[derive(Debug, Default)]
struct Tally {
    messages: AtomicU64,
    conversations: AtomicU64,
    handoffs: AtomicU64,
    /// Events on the customers' own sockets, and how many their answers announced.
    events: AtomicU64,
    events_expected: AtomicU64,
    idle_events: AtomicU64,
    errors: Mutex<BTreeMap<String, ErrorCount>>,
}

impl Tally {
    fn error(&self, failure: &Failure) {
        let mut errors = self.errors.lock().unwrap_or_else(|p| p.into_inner());
        let entry = errors.entry(failure.key()).or_default();
        entry.count += 1;
        if entry.example.is_empty() {
            entry.example = failure.detail();
        }
    }

    fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }

    fn get(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::Relaxed)
    }
}

/// One customer's conversation socket: counts its events until told how many to expect, waits a
/// little for any still missing, then closes.
async fn follow(mut ws: Ws, mut done: oneshot::Receiver<u64>, tally: Arc<Tally>) {
    let mut received = 0;
    let expected = loop {
        tokio::select! {
            expected = &mut done => break expected.unwrap_or(0),
            frame = read(&mut ws) => match frame {
                Some(event) => received += u64::from(event),
                None => {
                    let closed = "the server closed a conversation's socket".to_owned();
                    tally.error(&Failure::Socket(closed));
                    Tally::add(&tally.events, received);
                    return;
                }
            },
        }
    };
    let _ = tokio::time::timeout(EVENTS_GRACE, async {
        while received < expected {
            match read(&mut ws).await {
                Some(event) => received += u64::from(event),
                None => break,
            }
        }
    })
    .await;
    received += close(ws).await;
    Tally::add(&tally.events, received);
    Tally::add(&tally.events_expected, expected);
}

/// An idle socket: counts what arrives until the run ends; whether it was still open then.
async fn idle(mut ws: Ws, mut stop: watch::Receiver<bool>, tally: Arc<Tally>) -> bool {
    let mut received = 0;
    let open = loop {
        tokio::select! {
            _ = stop.wait_for(|stop| *stop) => break true,
            frame = read(&mut ws) => match frame {
                Some(event) => received += u64::from(event),
                None => break false,
            },
        }
    };
    if open {
        received += close(ws).await;
    }
    Tally::add(&tally.idle_events, received);
    open
}

/// What every customer task shares.
#[derive(Debug)]
struct Shared {
    server: Server,
    tally: Arc<Tally>,
    deadline: Instant,
    per_conversation: u32,
}

/// A simulated customer, as set up before the run.
#[derive(Debug)]
struct Customer {
    token: String,
    script: &'static [&'static str],
    /// The conversation started during setup (none if that failed).
    first: Option<String>,
}

impl Customer {
    /// Reads the customer's orders (as the chat page does) and starts their first conversation.
    async fn prepare(server: &Server, token: String) -> Result<Customer, (Failure, String)> {
        let prepared = async {
            let script = server.script(&token).await?;
            Ok((script, server.start(&token).await?))
        };
        match prepared.await {
            Ok((script, first)) => Ok(Customer {
                token,
                script,
                first: Some(first),
            }),
            Err(failure) => Err((failure, token)),
        }
    }
}

/// One simulated customer, chatting until the deadline; the latencies of its answered messages.
async fn customer(shared: Arc<Shared>, me: Customer, offset: usize) -> Vec<Duration> {
    let Shared {
        server,
        tally,
        deadline,
        per_conversation,
    } = shared.as_ref();
    let Customer {
        token,
        script,
        mut first,
    } = me;
    let mut latencies = Vec::new();
    let mut sockets = Vec::new();
    let mut lines = script.iter().cycle().skip(offset % script.len().max(1));
    while Instant::now() < *deadline {
        let conversation = match first.take() {
            Some(id) => id,
            None => match server.start(&token).await {
                Ok(id) => {
                    Tally::add(&tally.conversations, 1);
                    id
                }
                Err(failure) => {
                    tally.error(&failure);
                    tokio::time::sleep(ERROR_PAUSE).await;
                    continue;
                }
            },
        };
        let (done, announced) = oneshot::channel();
        match server.live(&token, &conversation).await {
            Ok(ws) => {
                sockets.retain(|s: &tokio::task::JoinHandle<()>| !s.is_finished());
                sockets.push(tokio::spawn(follow(ws, announced, Arc::clone(tally))));
            }
            Err(failure) => tally.error(&failure),
        }
        let mut expected = 0;
        let mut order_choice = None;
        for _ in 0..*per_conversation {
            // A customer asked which order presses one of the offered buttons.
            let Some(text) = order_choice
                .take()
                .or_else(|| lines.next().map(|l| (*l).to_owned()))
            else {
                break;
            };
            if Instant::now() >= *deadline {
                break;
            }
            let sent = Instant::now();
            match server.say(&token, &conversation, &text).await {
                Ok(answer) => {
                    latencies.push(sent.elapsed());
                    Tally::add(&tally.messages, 1);
                    expected += answer.announced;
                    if !answer.with_bot {
                        Tally::add(&tally.handoffs, 1);
                        break;
                    }
                    order_choice = answer.order_choice;
                }
                Err(failure) => {
                    tally.error(&failure);
                    tokio::time::sleep(ERROR_PAUSE).await;
                    break;
                }
            }
        }
        let _ = done.send(expected);
    }
    for socket in sockets {
        let _ = socket.await;
    }
    latencies
}

fn bar(len: u64, template: &str, json: bool) -> Result<ProgressBar> {
    let bar = ProgressBar::new(len)
        .with_style(ProgressStyle::with_template(template)?.progress_chars("=> "));
    if json {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    Ok(bar)
}

async fn chat(args: ChatArgs) -> Result<()> {
    let base = loopback_base(&args.url)?;
    let secret = args.secret.load(None)?;
    let customers = args.customers as usize;
    let sockets = args.sockets as usize;
    // Each customer holds an HTTP connection and a socket; a little room for the rest.
    let files_needed = (2 * customers + sockets + 64) as u64;
    if let Some(limit) = open_files_limit()
        && limit < files_needed
    {
        bail!(
            "{customers} customers and {sockets} idle sockets need about {files_needed} open \
             files, but this shell allows {limit}: raise it with `ulimit -n {files_needed}` (and \
             the server's too)"
        );
    }
    let server = Server {
        http: reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .build()?,
        ws_base: base.replacen("http://", "ws://", 1),
        base,
    };
    let rss = |text: &str| metric(text, "process_resident_memory_bytes");
    let rss_before = rss(&server.metrics().await?);
    let store = crate::open(&args.db).await?;
    let ids: Vec<CustomerId> = store.customer_ids(customers).await?;
    store.pool().close().await;
    if ids.len() < customers {
        bail!(
            "{} has {} customers, fewer than --customers {customers}: seed more with \
             `fairdesk seed --db {} --customers {customers}`",
            args.db.db,
            ids.len(),
            args.db.db
        );
    }
    let expires = Utc::now()
        + chrono::Duration::seconds(i64::try_from(args.duration).unwrap_or(i64::MAX))
        + TOKEN_SLACK;
    let tokens: Vec<String> = ids.iter().map(|id| secret.sign(id, expires)).collect();

    // The first requests tell whether this server knows the secret and the customers.
    let mut tokens = tokens.into_iter();
    let probe = tokens.next().context("no customers")?;
    let probed = match Customer::prepare(&server, probe).await {
        Ok(c) => c,
        Err((Failure::Status(401, body), _)) => bail!(
            "the server refused the customer token (401: {body}): the secret from --secret-file or \
             FAIRDESK_SECRET is not the one `fairdesk serve` uses"
        ),
        Err((Failure::Status(404, _), _)) => bail!(
            "the server does not know customer {}: is --db {} the database it serves?",
            ids.first().map(CustomerId::as_str).unwrap_or_default(),
            args.db.db
        ),
        Err((failure, _)) => bail!("setting up the first customer failed: {}", failure.detail()),
    };
    let tally = Arc::new(Tally::default());
    let starting = bar(customers as u64, "{msg} [{bar:40}] {pos}/{len}", args.json)?;
    starting.set_message("starting conversations");
    starting.inc(1);
    let rest: Vec<Customer> = stream::iter(tokens)
        .map(|token| {
            let (server, tally, starting) = (&server, &tally, &starting);
            async move {
                let prepared = Customer::prepare(server, token).await;
                starting.inc(1);
                prepared.unwrap_or_else(|(failure, token)| {
                    tally.error(&failure);
                    Customer {
                        token,
                        script: WITHOUT_PLAN,
                        first: None,
                    }
                })
            }
        })
        .buffered(SETUP_CONCURRENCY)
        .collect()
        .await;
    starting.finish_and_clear();
    let everyone: Vec<Customer> = std::iter::once(probed).chain(rest).collect();
    let started_conversations = everyone.iter().filter(|c| c.first.is_some()).count();
    Tally::add(&tally.conversations, started_conversations as u64);

    // Idle sockets, spread over the conversations just started.
    let (stop, stopped) = watch::channel(false);
    let opened: Vec<(&String, &String)> = everyone
        .iter()
        .filter_map(|c| Some((&c.token, c.first.as_ref()?)))
        .collect();
    let opening = bar(sockets as u64, "{msg} [{bar:40}] {pos}/{len}", args.json)?;
    opening.set_message("opening idle sockets");
    let idle_sockets: Vec<tokio::task::JoinHandle<bool>> =
        stream::iter((0..sockets).filter_map(|i| opened.get(i % opened.len().max(1))))
            .map(|(token, conversation)| {
                let server = &server;
                let opening = &opening;
                async move {
                    let ws = server.live(token, conversation).await;
                    opening.inc(1);
                    ws
                }
            })
            .buffer_unordered(SETUP_CONCURRENCY)
            .filter_map(|ws| {
                let ws = ws.map_err(|failure| tally.error(&failure)).ok();
                let tally = Arc::clone(&tally);
                let stopped = stopped.clone();
                async move { ws.map(|ws| tokio::spawn(idle(ws, stopped, tally))) }
            })
            .collect()
            .await;
    opening.finish_and_clear();
    let with_sockets = if sockets > 0 {
        Some(server.metrics().await?)
    } else {
        None
    };

    // The run: every customer in a closed loop until the deadline.
    let started = Instant::now();
    let shared = Arc::new(Shared {
        server,
        tally: Arc::clone(&tally),
        deadline: started + Duration::from_secs(args.duration),
        per_conversation: args.messages_per_conversation,
    });
    let tasks: Vec<_> = everyone
        .into_iter()
        .enumerate()
        .map(|(i, c)| tokio::spawn(customer(Arc::clone(&shared), c, i)))
        .collect();
    let running = bar(
        args.duration,
        "[{elapsed_precise}] [{bar:40}] {pos}/{len} s, {msg}",
        args.json,
    )?;
    let progress = {
        let running = running.clone();
        let tally = Arc::clone(&tally);
        tokio::spawn(async move {
            loop {
                running.set_position(started.elapsed().as_secs());
                running.set_message(format!("{} messages", Tally::get(&tally.messages)));
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
        })
    };
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.context("a customer task failed")?);
    }
    let elapsed = started.elapsed();
    progress.abort();
    running.finish_and_clear();
    let after = shared.server.metrics().await?;
    let _ = stop.send(true);
    let mut held = 0;
    for socket in idle_sockets {
        held += u64::from(socket.await.context("an idle socket task failed")?);
    }
    latencies.sort_unstable();

    let report = Report {
        customers: args.customers,
        elapsed,
        latencies,
        sockets_requested: args.sockets,
        sockets_held: held,
        server_sockets: metric(&after, "fairdesk_websockets"),
        rss_before,
        rss_with_sockets: with_sockets.as_deref().and_then(rss),
        rss_after: rss(&after),
        tally,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    } else {
        print!("{}", report.to_text());
    }
    Ok(())
}

#[derive(Debug)]
struct Report {
    customers: u32,
    elapsed: Duration,
    /// Ascending.
    latencies: Vec<Duration>,
    sockets_requested: u32,
    sockets_held: u64,
    /// Open WebSockets as the server counted them at the end (idle and customers' ones).
    server_sockets: Option<u64>,
    rss_before: Option<u64>,
    rss_with_sockets: Option<u64>,
    rss_after: Option<u64>,
    tally: Arc<Tally>,
}

fn ms(d: Option<Duration>) -> Option<f64> {
    d.map(|d| (d.as_secs_f64() * 1e6).round() / 1e3)
}

fn mib(bytes: Option<u64>) -> String {
    bytes.map_or_else(
        || "?".to_owned(),
        |b| format!("{:.1} MiB", b as f64 / (1 << 20) as f64),
    )
}

impl Report {
    fn messages(&self) -> u64 {
        Tally::get(&self.tally.messages)
    }

    fn rate(&self) -> f64 {
        self.messages() as f64 / self.elapsed.as_secs_f64().max(f64::EPSILON)
    }

    fn latency(&self) -> [(&'static str, Option<f64>); 4] {
        let at = |p| ms(percentile(&self.latencies, p));
        [
            ("p50", at(50.0)),
            ("p95", at(95.0)),
            ("p99", at(99.0)),
            ("max", ms(self.latencies.last().copied())),
        ]
    }

    fn errors(&self) -> BTreeMap<String, (u64, String)> {
        let errors = self.tally.errors.lock().unwrap_or_else(|p| p.into_inner());
        errors
            .iter()
            .map(|(key, e)| (key.clone(), (e.count, e.example.clone())))
            .collect()
    }

    fn to_json(&self) -> Value {
        let t = &self.tally;
        let errors = self.errors();
        json!({
            "customers": self.customers,
            "duration_s": self.elapsed.as_secs_f64(),
            "conversations": Tally::get(&t.conversations),
            "messages": self.messages(),
            "messages_per_s": self.rate(),
            "handoffs": Tally::get(&t.handoffs),
            "latency_ms": self.latency().into_iter().collect::<BTreeMap<_, _>>(),
            "errors": errors.iter().map(|(k, (n, _))| (k.clone(), *n)).collect::<BTreeMap<_, _>>(),
            "error_examples": errors
                .into_iter()
                .map(|(k, (_, e))| (k, e))
                .collect::<BTreeMap<_, _>>(),
            "ws_events": {
                "received": Tally::get(&t.events),
                "expected": Tally::get(&t.events_expected),
                "idle_received": Tally::get(&t.idle_events),
            },
            "sockets": {
                "requested": self.sockets_requested,
                "held": self.sockets_held,
                "server_open": self.server_sockets,
            },
            "server_rss_bytes": {
                "before": self.rss_before,
                "with_sockets": self.rss_with_sockets,
                "after": self.rss_after,
            },
        })
    }

    fn to_text(&self) -> String {
        let t = &self.tally;
        let mut out = String::new();
        let _ = writeln!(out, "customers          {}", self.customers);
        let _ = writeln!(
            out,
            "duration           {:.1} s",
            self.elapsed.as_secs_f64()
        );
        let _ = writeln!(
            out,
            "messages           {} ({:.1}/s) in {} conversations, {} handed to a person",
            self.messages(),
            self.rate(),
            Tally::get(&t.conversations),
            Tally::get(&t.handoffs)
        );
        let latency: Vec<String> = self
            .latency()
            .iter()
            .map(|(name, v)| v.map_or_else(|| format!("{name} -"), |v| format!("{name} {v:.2}")))
            .collect();
        let _ = writeln!(out, "latency (ms)       {}", latency.join("  "));
        let errors = self.errors();
        if errors.is_empty() {
            let _ = writeln!(out, "errors             none");
        } else {
            for (key, (n, example)) in errors {
                let _ = writeln!(out, "errors {key:<11} {n} (first: {example})");
            }
        }
        let _ = writeln!(
            out,
            "websocket events   {} received of {} announced on the customers' sockets, \
             {} on idle sockets",
            Tally::get(&t.events),
            Tally::get(&t.events_expected),
            Tally::get(&t.idle_events)
        );
        let _ = writeln!(
            out,
            "idle sockets       {} held of {} (the server counted {} open)",
            self.sockets_held,
            self.sockets_requested,
            self.server_sockets
                .map_or_else(|| "?".to_owned(), |n| n.to_string())
        );
        let with = if self.sockets_requested > 0 {
            format!(
                ", {} with the idle sockets open",
                mib(self.rss_with_sockets)
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "server RSS         {} before{with}, {} after",
            mib(self.rss_before),
            mib(self.rss_after)
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_server_on_this_machine_is_driven() {
        for (url, base) in [
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("http://localhost:3000/", "http://localhost:3000"),
            ("http://LOCALHOST:3000", "http://localhost:3000"),
            ("http://[::1]:8080", "http://[::1]:8080"),
            ("http://[0:0:0:0:0:0:0:1]:8080", "http://[::1]:8080"),
        ] {
            assert_eq!(loopback_base(url).unwrap(), base, "{url}");
        }
        for url in [
            "http://10.0.0.1:8080",
            "http://example.com",
            "http://127.0.0.1.example.com:8080",
            "http://localhost.example.com:8080",
            "http://0.0.0.0:8080",
            "https://127.0.0.1:8080",
            "http://127.0.0.1:8080/api",
            "http://user@127.0.0.1:8080",
            "127.0.0.1:8080",
            "not a url",
        ] {
            assert!(loopback_base(url).is_err(), "{url} was accepted");
        }
    }

    #[test]
    fn percentiles_are_nearest_rank() {
        let ms = |n: u64| Duration::from_millis(n);
        let sorted: Vec<Duration> = (1..=100).map(ms).collect();
        assert_eq!(percentile(&sorted, 50.0), Some(ms(50)));
        assert_eq!(percentile(&sorted, 95.0), Some(ms(95)));
        assert_eq!(percentile(&sorted, 99.0), Some(ms(99)));
        assert_eq!(percentile(&sorted, 100.0), Some(ms(100)));
        assert_eq!(percentile(&sorted, 0.0), Some(ms(1)));
        assert_eq!(percentile(&[ms(7)], 99.0), Some(ms(7)));
        assert_eq!(percentile(&[ms(1), ms(2), ms(3)], 50.0), Some(ms(2)));
        assert_eq!(percentile(&[], 50.0), None);
    }

    #[test]
    fn metrics_are_read_by_exact_name() {
        let text = "# HELP process_resident_memory_bytes Resident memory.\n\
                    fairdesk_websockets 12\n\
                    process_resident_memory_bytes 4096\n";
        assert_eq!(metric(text, "process_resident_memory_bytes"), Some(4096));
        assert_eq!(metric(text, "fairdesk_websockets"), Some(12));
        assert_eq!(metric(text, "fairdesk_websocket"), None);
    }
}
