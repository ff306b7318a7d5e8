//! The chat widget in a real headless Chromium, driven over WebDriver (Debian's `chromium` and
//! `chromium-driver`): a customer opens the demo shop, resolves an errand by typing and clicking a
//! quick reply, reloads the page and finds the conversation still there, asks for a person and sees
//! the person's answer arrive live, and closes the widget with Escape.
//! What the page shows and what the ledger holds afterwards are both checked. In a second test an
//! agent works a case in the console while the customer watches in the widget, and a second agent
//! is told who holds it; in a third a customer rates a closed conversation and a supervisor finds it
//! on the dashboard, whose figures match the store. Every page is checked with axe-core
//! ([`assert_accessible`]). Screenshots of the widget, the console and the dashboard at desktop and
//! phone sizes go to `target/screenshots/` (the README's tour shows some of them).
//!
//! In a fourth a customer whose browser speaks German chats in German, waits in the queue with
//! an expected wait, and picks English in the language switch, which a reload keeps.
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

/// Chromedriver's path and a server in demo mode; `None` (the test skips) only outside CI when
/// chromedriver is missing — under CI a missing driver fails the test.
async fn chromedriver_and_demo_server() -> Option<(PathBuf, TestServer)> {
    let Some(path) = chromedriver() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromedriver is missing: install Debian's chromium and chromium-driver (.ci/run does)"
        );
        eprintln!("skipped: no chromedriver on PATH (apt-get install -y chromium chromium-driver)");
        return None;
    };
    let web = WebConfig {
        widget: WidgetConfig::default(),
        demo: true,
    };
    let s = TestServer::start_web(Backend::Sqlite, ServiceLimits::default(), web).await;
    Some((path, s))
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
    connect(driver, &[], json!({})).await
}

/// A Chromium whose languages (`Accept-Language`, `navigator.languages`) are `languages`.
async fn browser_in(driver: &Driver, languages: &str) -> Client {
    let first = languages.split(',').next().unwrap_or("en");
    let args = [
        format!("--lang={first}"),
        format!("--accept-lang={languages}"),
    ];
    connect(driver, &args, json!({ "intl.accept_languages": languages })).await
}

async fn connect(driver: &Driver, extra_args: &[String], prefs: serde_json::Value) -> Client {
    let mut args: Vec<String> = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ]
    .map(str::to_owned)
    .to_vec();
    args.extend_from_slice(extra_args);
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".to_owned(),
        json!({ "binary": "/usr/bin/chromium", "args": args, "prefs": prefs }),
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
    let Some((path, s)) = chromedriver_and_demo_server().await else {
        return;
    };
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

/// axe-core, vendored from npm (see `axe/README.md`).
const AXE: &str = include_str!("axe/axe.min.js");

/// Runs axe-core on the page (or frame) the browser is in and fails on any `serious` or `critical`
/// violation, naming the rule and the elements. Any page's test can call it.
async fn assert_accessible(c: &Client, what: &str) {
    c.execute(AXE, vec![]).await.unwrap();
    let found = c
        .execute_async(
            "var done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
               done(r.violations
                 .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                 .map(function (v) {
                   return { id: v.id, impact: v.impact, help: v.help,
                            nodes: v.nodes.map(function (n) { return n.target.join(' '); }) };
                 }));
             }, function (e) { done({ error: String(e) }); });",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(found, json!([]), "axe-core found problems on {what}");
}

/// The text of the element `css`, once it contains `expected`.
async fn text_with(c: &Client, css: &str, expected: &str) -> String {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let text = match c.find(Locator::Css(css)).await {
            Ok(e) => e.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if text.contains(expected) {
            return text;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{css} never showed {expected:?}: {text:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn click(c: &Client, css: &str) {
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// Logs `name` in through the console's login page (checked with axe-core on the way).
async fn console_login(c: &Client, s: &TestServer, name: &str) {
    c.set_window_size(1280, 800).await.unwrap();
    c.goto(&s.url("/console")).await.unwrap();
    let field = c
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Id("name"))
        .await
        .unwrap();
    assert_accessible(c, "the console's login page").await;
    field.send_keys(name).await.unwrap();
    c.find(Locator::Id("password"))
        .await
        .unwrap()
        .send_keys(common::PASSWORD)
        .await
        .unwrap();
    click(c, ".login button[type=submit]").await;
    text_with(c, ".signed-in", name).await;
}

/// A screenshot of the whole page at the given size.
async fn shoot_page(c: &Client, name: &str, width: u32, height: u32) {
    c.set_window_size(width, height).await.unwrap();
    c.execute("window.scrollTo(0, 0)", vec![]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = c.screenshot().await.unwrap();
    std::fs::write(screenshots().join(name), png).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_takes_over_in_the_console_while_the_customer_watches_in_the_widget() {
    let Some((path, s)) = chromedriver_and_demo_server().await else {
        return;
    };
    s.add_agent("anna", Role::Agent).await;
    s.add_agent("bertil", Role::Agent).await;
    let driver = start_driver(path).await;
    let (customer, anna, bertil) = (
        browser_in(&driver, "sv-SE,sv").await,
        browser(&driver).await,
        browser(&driver).await,
    );

    // Anna logs in before anyone waits: the queue fills without a reload.
    console_login(&anna, &s, "anna").await;
    text_with(&anna, "#queue-count", "0 conversations waiting").await;
    assert_accessible(&anna, "the console's queue").await;

    // C-1 writes Swedish, in a Swedish browser; the widget is checked with axe-core too.
    customer.set_window_size(1280, 800).await.unwrap();
    customer.goto(&s.url("/demo/shop/C-1")).await.unwrap();
    open_widget(&customer).await;
    assert_accessible(&customer, "the chat widget").await;
    click(&customer, "#person").await;
    text_with(&customer, "#status", "nummer 1 i kön").await;
    let id = s.store.queued_conversations().await.unwrap()[0].id.clone();
    let row = format!("#queue li[data-conversation='{id}']");
    let waiting = text_with(&anna, &row, "Customer1 Test").await;
    for part in [
        "Swedish (sv)",
        "general",
        "The customer asked for a person.",
    ] {
        assert!(waiting.contains(part), "{part:?} in {waiting}");
    }
    text_with(&anna, "#queue-live", "1 conversation waiting").await;
    shoot_page(&anna, "console-queue.png", 1280, 800).await;
    let ticked = text_with(&anna, &format!("{row} time.waiting"), " s").await;
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let later = anna
        .find(Locator::Css(&format!("{row} time.waiting")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_ne!(ticked, later, "the waiting time ticks");

    // Bertil opens the same case; Anna sees him looking at it.
    console_login(&bertil, &s, "bertil").await;
    bertil
        .goto(&s.url(&format!("/console/case/{id}")))
        .await
        .unwrap();
    text_with(&bertil, "#case-status", "Waiting in the general queue").await;
    text_with(&anna, &row, "Looking at it: bertil").await;
    click(&anna, &format!("{row} a")).await;
    text_with(&anna, "#case-status", "Waiting in the general queue").await;
    text_with(&anna, "#viewers", "bertil").await;
    assert_accessible(&anna, "a waiting case").await;

    // Anna claims; the customer sees her join, in Swedish; Bertil is told who holds it.
    click(&anna, "#op-claim").await;
    text_with(&anna, "#case-status", "You hold this conversation.").await;
    let joined = transcript_with(&customer, "anna (en person) har anslutit till chatten.").await;
    assert!(!joined.is_empty());
    click(&bertil, "#op-claim").await;
    text_with(
        &bertil,
        "#case-error",
        "anna holds this conversation already",
    )
    .await;
    let c = s.store.conversation(&id).await.unwrap().unwrap();
    assert_eq!(c.agent_id.as_deref(), Some("ag-anna"));

    // A snippet in the customer's language, sent live; the customer's answer arrives live too.
    text_with(&anna, "#summary", "The customer asked for a person.").await;
    let pressed = transcript_with(&anna, "Talk to a person").await;
    assert!(
        !pressed.contains("intent:"),
        "labels, not payloads: {pressed}"
    );
    click(&anna, ".snippet").await;
    let reply = anna.find(Locator::Id("reply-text")).await.unwrap();
    assert!(
        reply
            .prop("value")
            .await
            .unwrap()
            .unwrap()
            .starts_with("Hej, jag heter anna.")
    );
    click(&anna, "#reply button[type=submit]").await;
    transcript_with(&customer, "Hej, jag heter anna.").await;
    customer
        .find(Locator::Id("text"))
        .await
        .unwrap()
        .send_keys("Tack, jag vill pausa betalningen\n")
        .await
        .unwrap();
    transcript_with(&anna, "Tack, jag vill pausa betalningen").await;
    anna.find(Locator::Id("reply-text"))
        .await
        .unwrap()
        .send_keys("Ett ögonblick")
        .await
        .unwrap();
    text_with(&customer, "#typing", "anna skriver…").await;
    assert_accessible(&anna, "a case being worked").await;
    shoot_page(&anna, "console-desktop.png", 1280, 1000).await;
    shoot_page(&anna, "console-phone.png", 390, 844).await;
    let fits = anna
        .execute(
            "return document.documentElement.scrollWidth <= window.innerWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(fits, true, "no sideways scrolling at phone width");
    anna.set_window_size(1280, 1000).await.unwrap();

    // A money action asks first: "no" changes nothing, "yes" opens the dispute.
    click(&anna, "form.action[data-action='open_dispute'] button").await;
    text_with(
        &anna,
        "#confirm-text",
        "Open a dispute about Nordic Shoes order O-1?",
    )
    .await;
    let focused = anna
        .execute("return document.activeElement.id", vec![])
        .await
        .unwrap();
    assert_eq!(focused, "confirm-yes", "the keyboard is on the question");
    let tab = "\u{E004}";
    anna.active_element()
        .await
        .unwrap()
        .send_keys(tab)
        .await
        .unwrap();
    anna.active_element()
        .await
        .unwrap()
        .send_keys(tab)
        .await
        .unwrap();
    let focused = anna
        .execute("return document.activeElement.id", vec![])
        .await
        .unwrap();
    assert_eq!(focused, "confirm-yes", "Tab stays within the question");
    click(&anna, "#confirm-no").await;
    let order = s
        .store
        .order(&"O-1".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(order.pause.is_none(), "going back changes nothing");
    click(&anna, "form.action[data-action='open_dispute'] button").await;
    click(&anna, "#confirm-yes").await;
    let deadline = tokio::time::Instant::now() + WAIT;
    while s
        .store
        .order(&"O-1".parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .pause
        .is_none()
    {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the dispute was not opened"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    text_with(
        &anna,
        "#transcript",
        "Opened a dispute about Nordic Shoes order O-1.",
    )
    .await;

    // Resolved: Anna is back at the queue, the customer reads the closing words.
    click(&anna, "#op-resolve").await;
    text_with(&anna, "#queue-count", "0 held").await;
    transcript_with(&customer, "anna har avslutat samtalet.").await;
    let c = s.store.conversation(&id).await.unwrap().unwrap();
    assert_eq!(c.state, ConversationState::Closed);
    for b in [customer, anna, bertil] {
        b.close().await.unwrap();
    }
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
    let Some((path, s)) = chromedriver_and_demo_server().await else {
        return;
    };
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
    assert_accessible(&c, "the dashboard").await;
    shoot_page(&c, "dashboard-desktop.png", 1280, 1000).await;
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

/// The widget frame's `lang`, once the page in it has loaded.
async fn widget_lang(c: &Client) -> String {
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css("#transcript li"))
        .await
        .unwrap();
    let lang = c
        .execute("return document.documentElement.lang", vec![])
        .await
        .unwrap();
    lang.as_str().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_whose_browser_speaks_german_chats_in_german_and_may_pick_another_language() {
    let Some((path, s)) = chromedriver_and_demo_server().await else {
        return;
    };
    let driver = start_driver(path).await;
    let c = browser_in(&driver, "de-DE,de").await;
    c.set_window_size(1280, 800).await.unwrap();
    c.goto(&s.url("/demo/shop/C-3")).await.unwrap();
    text_with(&c, "#fairdesk-launcher", "Chatte mit uns").await;
    open_widget(&c).await;
    assert_eq!(widget_lang(&c).await, "de");
    let welcome = transcript_with(&c, "KI-Assistent von fairdesk").await;
    assert!(welcome.contains("KI-Assistent"), "{welcome}");
    text_with(
        &c,
        "#disclosure",
        "KI-Assistenten, nicht mit einem Menschen",
    )
    .await;
    text_with(&c, "label[for=text]", "Deine Nachricht").await;
    text_with(&c, "#person", "Mit einer Person sprechen").await;

    c.find(Locator::Id("text"))
        .await
        .unwrap()
        .send_keys("Wann ist meine nächste Zahlung fällig?\n")
        .await
        .unwrap();
    transcript_with(&c, "Deine nächste Zahlung").await;
    assert_accessible(&c, "the widget in German").await;

    click(&c, "#person").await;
    let status = text_with(&c, "#status", "Nummer 1").await;
    assert!(status.contains("wenige Minuten"), "{status}");
    shoot(&c, "widget-german.png", 1280, 800).await;

    // The switch: English, kept when the shop's page is loaded again.
    c.find(Locator::Id("language"))
        .await
        .unwrap()
        .select_by_value("en")
        .await
        .unwrap();
    click(&c, "#language-form button[type=submit]").await;
    text_with(&c, "label[for=text]", "Your message").await;
    assert_eq!(widget_lang(&c).await, "en");
    c.enter_parent_frame().await.unwrap();
    c.refresh().await.unwrap();
    open_widget(&c).await;
    text_with(&c, "label[for=text]", "Your message").await;
    assert_eq!(widget_lang(&c).await, "en");
    let again = transcript_with(&c, "Deine nächste Zahlung").await;
    assert!(
        again.contains("KI-Assistent von fairdesk"),
        "the same conversation: {again}"
    );
    text_with(&c, "#status", "number 1 in the queue").await;
    assert_accessible(&c, "the widget after a switch of language").await;
    c.close().await.unwrap();
}
