//! The chat widget in a real headless Chromium, driven over WebDriver (Debian's `chromium` and
//! `chromium-driver`): a customer opens the demo shop, resolves an errand by typing and clicking a
//! quick reply, reloads the page and finds the conversation still there, asks for a person and sees
//! the person's answer arrive live, and closes the widget with Escape.
//! What the page shows and what the ledger holds afterwards are both checked. Screenshots of the
//! widget at desktop and phone sizes go to `target/screenshots/`.
//!
//! Without `chromedriver` the test fails under CI (env `CI` set) and is skipped, with a line saying
//! so, elsewhere.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{AgentClient, TestServer};
use fairdesk_ledger::OrderStatus;
use fairdesk_server::{ServiceLimits, WebConfig, WidgetConfig};
use fairdesk_store::{Backend, ConversationState, Role};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

const WAIT: Duration = Duration::from_secs(20);

/// `chromedriver` on a free port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn chromedriver() -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("chromedriver"))
            .find(|p| p.is_file())
    })
}

async fn start_driver(path: PathBuf) -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let url = format!("http://127.0.0.1:{port}");
    let deadline = tokio::time::Instant::now() + WAIT;
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        assert!(
            tokio::time::Instant::now() < deadline,
            "chromedriver did not listen"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Driver { child, url }
}

async fn browser(driver: &Driver) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".to_owned(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--disable-dev-shm-usage"],
        }),
    );
    ClientBuilder::rustls()
        .unwrap()
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a Chromium session")
}

fn screenshots() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The transcript's text inside the widget's frame, once it contains `expected`.
async fn transcript_with(c: &Client, expected: &str) -> String {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let text = c
            .find(Locator::Id("transcript"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        if text.contains(expected) {
            return text;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the transcript never showed {expected:?}: {text}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Opens the widget from the launcher (unless it reopens by itself) and enters its frame.
async fn open_widget(c: &Client) {
    let launcher = c
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Id("fairdesk-launcher"))
        .await
        .unwrap();
    if launcher.attr("aria-expanded").await.unwrap().as_deref() != Some("true") {
        launcher.click().await.unwrap();
    }
    let frame = c
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Id("fairdesk-frame"))
        .await
        .unwrap();
    frame.enter_frame().await.unwrap();
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css("#transcript li"))
        .await
        .unwrap();
}

async fn shoot(c: &Client, name: &str, width: u32, height: u32) {
    c.enter_parent_frame().await.unwrap();
    c.set_window_size(width, height).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = c.screenshot().await.unwrap();
    std::fs::write(screenshots().join(name), png).unwrap();
    c.find(Locator::Id("fairdesk-frame"))
        .await
        .unwrap()
        .enter_frame()
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_resolves_an_errand_in_the_widget_and_finds_it_after_a_reload() {
    let Some(path) = chromedriver() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromedriver is missing: install Debian's chromium and chromium-driver (.ci/run does)"
        );
        eprintln!("skipped: no chromedriver on PATH (apt-get install -y chromium chromium-driver)");
        return;
    };
    let web = WebConfig {
        widget: WidgetConfig::default(),
        demo: true,
    };
    let s = TestServer::start_web(Backend::Sqlite, ServiceLimits::default(), web).await;
    s.add_agent("anna", Role::Agent).await;
    let driver = start_driver(path).await;
    let c = browser(&driver).await;
    c.set_window_size(1280, 800).await.unwrap();
    c.goto(&s.url("/demo/shop/C-2")).await.unwrap();
    open_widget(&c).await;
    let welcome = transcript_with(&c, "AI assistant").await;
    let disclosure = c
        .find(Locator::Id("disclosure"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        disclosure.contains("AI assistant, not a person"),
        "{disclosure}"
    );
    assert!(!welcome.is_empty());

    let input = c.find(Locator::Id("text")).await.unwrap();
    input
        .send_keys("I want to pay off everything I owe now\n")
        .await
        .unwrap();
    let yes = c
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("button[data-payload='confirm:yes']"))
        .await
        .unwrap();
    shoot(&c, "widget-desktop.png", 1280, 800).await;
    shoot(&c, "widget-phone.png", 390, 844).await;
    let close_shown = c
        .execute("return !document.getElementById('close').hidden", vec![])
        .await
        .unwrap();
    assert_eq!(
        close_shown, true,
        "embedded, the widget has its own close button"
    );
    c.enter_parent_frame().await.unwrap();
    let full_width = c
        .execute(
            "return document.getElementById('fairdesk-frame').getBoundingClientRect().width \
             === window.innerWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        full_width, true,
        "on a phone the chat takes the whole screen"
    );
    c.find(Locator::Id("fairdesk-frame"))
        .await
        .unwrap()
        .enter_frame()
        .await
        .unwrap();
    let yes_label = yes.text().await.unwrap();
    c.find(Locator::Css("button[data-payload='confirm:yes']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let focused = c
        .execute("return document.activeElement.id", vec![])
        .await
        .unwrap();
    assert_eq!(focused, "text", "the keyboard stays in the conversation");
    let after = transcript_with(&c, &yes_label).await;
    assert!(
        !after.contains("confirm:yes"),
        "the label, not the payload: {after}"
    );
    let order_paid = async {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let order = s
                .store
                .order(&"O-2".parse().unwrap())
                .await
                .unwrap()
                .unwrap();
            if order.status == OrderStatus::PaidOff {
                return;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "O-2 is {:?}",
                order.status
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    };
    order_paid.await;

    c.enter_parent_frame().await.unwrap();
    c.refresh().await.unwrap();
    open_widget(&c).await;
    let reloaded = transcript_with(&c, &yes_label).await;
    assert!(
        reloaded.contains(&welcome),
        "the same conversation after a reload: {reloaded}"
    );
    let id = c
        .execute(
            "return sessionStorage.getItem('fairdesk.conversation.C-2')",
            vec![],
        )
        .await
        .unwrap();
    let stored = s.store.messages(id.as_str().unwrap()).await.unwrap();
    let shown = c
        .execute(
            "return document.querySelectorAll('#transcript > li').length",
            vec![],
        )
        .await
        .unwrap();
    let visible = stored
        .iter()
        .filter(|m| m.author != fairdesk_store::Author::System)
        .count();
    assert_eq!(shown.as_u64().unwrap(), visible as u64, "{reloaded}");

    c.find(Locator::Id("person"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let status = c
            .find(Locator::Id("status"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        if status.contains("queue") {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no queue status: {status:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let queued = s.store.queued_conversations().await.unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].state, ConversationState::Queued);
    assert_eq!(queued[0].customer.as_str(), "C-2");

    // A person claims and answers: the widget shows it live, over its WebSocket.
    let agent = AgentClient::login(&s.base, "anna").await;
    let claim = format!("/api/v1/agent/conversations/{}/claim", queued[0].id);
    assert_eq!(agent.post(&claim, json!({})).await.0, 200);
    let reply = format!("/api/v1/agent/conversations/{}/messages", queued[0].id);
    let text = json!({ "text": "Hello, I'm Anna. How can I help?" });
    assert_eq!(agent.post(&reply, text).await.0, 200);
    let live = transcript_with(&c, "Hello, I'm Anna").await;
    assert!(live.contains("Person"), "{live}");

    // Escape in the widget closes it and gives the focus back to the launcher.
    c.find(Locator::Id("text"))
        .await
        .unwrap()
        .send_keys("\u{E00C}")
        .await
        .unwrap();
    c.enter_parent_frame().await.unwrap();
    let deadline = tokio::time::Instant::now() + WAIT;
    let launcher = c.find(Locator::Id("fairdesk-launcher")).await.unwrap();
    while launcher.attr("aria-expanded").await.unwrap().as_deref() != Some("false") {
        assert!(
            tokio::time::Instant::now() < deadline,
            "Escape did not close the widget"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let focused = c
        .execute("return document.activeElement.id", vec![])
        .await
        .unwrap();
    assert_eq!(focused, "fairdesk-launcher");
    let hidden = c
        .execute(
            "return document.getElementById('fairdesk-frame').hidden",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(hidden, true);
    c.close().await.unwrap();
}

/// The text of the dashboard's headline figure `name`.
async fn figure(c: &Client, name: &str) -> String {
    c.find(Locator::Css(&format!("[data-figure='{name}']")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// Waits until `script` (a JavaScript expression) is true in the current frame.
async fn until_true(c: &Client, script: &str) {
    let deadline = tokio::time::Instant::now() + WAIT;
    while c
        .execute(&format!("return !!({script})"), vec![])
        .await
        .unwrap()
        != true
    {
        assert!(
            tokio::time::Instant::now() < deadline,
            "never true: {script}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_rates_a_closed_conversation_and_a_supervisor_sees_it_on_the_dashboard() {
    let Some(path) = chromedriver() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromedriver is missing: install Debian's chromium and chromium-driver (.ci/run does)"
        );
        eprintln!("skipped: no chromedriver on PATH (apt-get install -y chromium chromium-driver)");
        return;
    };
    let web = WebConfig {
        widget: WidgetConfig::default(),
        demo: true,
    };
    let s = TestServer::start_web(Backend::Sqlite, ServiceLimits::default(), web).await;
    s.add_agent("sam", Role::Supervisor).await;
    let driver = start_driver(path).await;
    let c = browser(&driver).await;
    c.set_window_size(1280, 800).await.unwrap();

    // The customer asks for a person, who closes the conversation; the widget asks for a rating
    // and the customer gives one with the keyboard.
    c.goto(&s.url("/demo/shop/C-3")).await.unwrap();
    open_widget(&c).await;
    transcript_with(&c, "AI assistant").await;
    until_true(&c, "document.getElementById('rating').hidden").await;
    c.find(Locator::Id("person"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    until_true(
        &c,
        "document.getElementById('status').textContent.includes('queue')",
    )
    .await;
    let queued = s.store.queued_conversations().await.unwrap();
    let id = queued[0].id.clone();
    let sam = AgentClient::login(&s.base, "sam").await;
    for step in ["claim", "resolve"] {
        let path = format!("/api/v1/agent/conversations/{id}/{step}");
        assert_eq!(sam.post(&path, json!({})).await.0, 200, "{step}");
    }
    until_true(&c, "!document.getElementById('rating').hidden").await;
    let question = c
        .find(Locator::Id("rating-title"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(question, "How did we do?");
    shoot(&c, "widget-rating.png", 390, 844).await;
    let four = c
        .find(Locator::Css("#rating button[value='4']"))
        .await
        .unwrap();
    assert_eq!(
        four.attr("aria-label").await.unwrap().as_deref(),
        Some("4, happy")
    );
    four.send_keys("\u{E007}").await.unwrap();
    until_true(&c, "!document.getElementById('rating-thanks').hidden").await;
    let focused = c
        .execute("return document.activeElement.id", vec![])
        .await
        .unwrap();
    assert_eq!(focused, "rating-thanks", "the thanks is read out");
    assert_eq!(s.store.feedback(&id).await.unwrap().unwrap().score, 4);

    // The supervisor logs in on the dashboard's form and sees what the database holds.
    c.enter_parent_frame().await.unwrap();
    c.goto(&s.url("/dashboard")).await.unwrap();
    c.find(Locator::Id("name"))
        .await
        .unwrap()
        .send_keys("sam")
        .await
        .unwrap();
    c.find(Locator::Id("password"))
        .await
        .unwrap()
        .send_keys(&format!("{}\n", common::PASSWORD))
        .await
        .unwrap();
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-figure='conversations']"))
        .await
        .unwrap();
    let today = chrono::Utc::now().date_naive();
    let to = today + chrono::Days::new(1);
    let stats = s
        .store
        .stats(to - chrono::Days::new(28), to)
        .await
        .unwrap()
        .total;
    assert_eq!(stats.conversations, 1);
    assert_eq!(
        figure(&c, "conversations").await,
        stats.conversations.to_string()
    );
    assert_eq!(figure(&c, "handed-to-person").await, "100.0 %");
    assert_eq!(figure(&c, "csat-count").await, stats.ratings.to_string());
    assert_eq!(
        figure(&c, "csat-mean").await,
        format!("{:.1}", stats.rating_mean().unwrap())
    );
    assert_eq!(figure(&c, "csat-good").await, "100.0 %");
    let reasons = c
        .find(Locator::Id("reasons-table"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let (reason, n) = stats.handoff_reasons.iter().next().unwrap();
    assert!(reasons.contains(&format!("{reason} {n}")), "{reasons}");
    let days = c
        .execute(
            "return document.querySelectorAll('#days-table tbody tr').length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(days, 28);
    let titled = c
        .execute(
            "return [...document.querySelectorAll('svg.chart')].every(s => \
             s.getAttribute('role') === 'img' && s.querySelector('title').textContent)",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(titled, true, "every chart is an image with a title");

    c.set_window_size(1280, 900).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = c.screenshot().await.unwrap();
    std::fs::write(screenshots().join("dashboard-desktop.png"), png).unwrap();
    c.set_window_size(390, 844).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = c.screenshot().await.unwrap();
    std::fs::write(screenshots().join("dashboard-phone.png"), png).unwrap();
    let fits = c
        .execute(
            "return document.documentElement.scrollWidth <= window.innerWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(fits, true, "nothing runs off a phone's screen");
    c.close().await.unwrap();
}
