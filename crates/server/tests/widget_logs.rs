//! The customer token the widget carries in its address stays out of the logs: the access log
//! writes the route, never the query. Its own test binary, because it captures the process's log.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::TestServer;
use fairdesk_store::Backend;

#[tokio::test]
async fn the_widgets_token_never_reaches_the_log() {
    let log = common::capture_logs();
    let s = TestServer::start(Backend::Sqlite).await;
    let token = s.token("C-2");
    let r = s
        .http
        .get(s.url(&format!("/widget?token={token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = s
        .http
        .get(s.url("/widget?token=v1.C-2.1.forged"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let text = log.text();
    assert!(
        text.matches("route=/widget").count() >= 2,
        "both requests are logged: {text}"
    );
    let signature = token.rsplit('.').next().unwrap();
    assert!(!text.contains(signature), "{text}");
    assert!(!text.contains("forged"), "{text}");
}
