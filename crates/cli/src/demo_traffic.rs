//! `fairdesk demo --traffic N`: N simulated customers chat with the running demo through its own
//! customer API, one after another in the background, so the console's queue and the operations
//! dashboard have life in them (issue 12). They go through the same HTTP, engine and live events as
//! a person in the widget, so what the console shows is what a real customer would cause.
//!
//! Who comes and what they ask is drawn from a fixed seed, so every run asks the same things
//! (when each arrives depends on the clock). They ask with the payloads the widget's buttons send,
//! so the assistant understands them in each customer's own language without written phrases, and
//! only about read-only errands, so the demo lender's money stays as seeded. About one in three
//! asks for a person and stays in the queue.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{Context, Result};
use chrono::Utc;
use fairdesk_ledger::CustomerId;
use fairdesk_server::Secret;
use serde_json::{Value, json};

use crate::rng::Rng;

/// The seed of the demo's traffic.
pub const SEED: u64 = 42;
/// The most simulated customers one run sends.
pub const TRAFFIC_MAX: u32 = 10_000;

/// Errands the simulated customers ask about: answers only, no money moves.
const ERRANDS: [&str; 6] = [
    "intent:next_payment",
    "intent:order_status",
    "intent:balance_remaining",
    "intent:refund_status",
    "intent:late_fee",
    "intent:interest_cost",
];
const PERSON: &str = "intent:human_agent";
const THANKS: &str = "intent:thanks_goodbye";
/// The longest answer a simulated customer waits for, in seconds.
const TIMEOUT_SECONDS: u64 = 30;

/// One simulated customer's visit: which customer (an index into the lender's customers) and the
/// messages they send, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visit {
    pub customer: usize,
    pub messages: Vec<&'static str>,
}

/// The visits of a run of `count` customers over a lender of `customers`, from `seed` alone:
/// distinct customers while there are enough, one or two errands each, then a person (one in
/// three), thanks (one in three), or nothing.
pub fn visits(seed: u64, count: u32, customers: usize) -> Vec<Visit> {
    let mut rng = Rng::new(seed);
    let start = usize::try_from(rng.below(customers.max(1) as u64)).unwrap_or(0);
    (0..count as usize)
        .map(|i| {
            let mut messages = Vec::new();
            for _ in 0..rng.range(1, 2) {
                messages.extend(rng.pick(&ERRANDS));
            }
            match rng.below(3) {
                0 => messages.push(PERSON),
                1 => messages.push(THANKS),
                _ => {}
            }
            Visit {
                customer: (start + i) % customers.max(1),
                messages,
            }
        })
        .collect()
}

/// Sends the visits to the demo at `addr`, pausing up to `pause_ms_max` between messages; a visit
/// that fails is logged and the next one goes on.
pub async fn run(
    addr: SocketAddr,
    secret: Secret,
    customers: Vec<CustomerId>,
    count: u32,
    pause_ms_max: u64,
) -> Result<()> {
    let host = if addr.ip().is_unspecified() {
        SocketAddr::from(([127, 0, 0, 1], addr.port()))
    } else {
        addr
    };
    let chat = Chat {
        base: format!("http://{host}"),
        http: reqwest::Client::builder()
            .timeout(Duration::from_secs(TIMEOUT_SECONDS))
            .build()?,
        secret,
    };
    let mut pauses = Rng::new(SEED.wrapping_add(1));
    for visit in visits(SEED, count, customers.len()) {
        let Some(customer) = customers.get(visit.customer) else {
            continue;
        };
        let mut pause = || Duration::from_millis(pauses.below(pause_ms_max.max(1)));
        if let Err(e) = chat.visit(customer, &visit.messages, &mut pause).await {
            tracing::warn!(customer = %customer, error = %e, "a simulated customer's chat failed");
        }
    }
    Ok(())
}

/// The demo's customer API, as a simulated customer calls it.
struct Chat {
    base: String,
    http: reqwest::Client,
    secret: Secret,
}

impl Chat {
    async fn visit(
        &self,
        customer: &CustomerId,
        messages: &[&str],
        pause: &mut impl FnMut() -> Duration,
    ) -> Result<()> {
        let token = self
            .secret
            .sign(customer, Utc::now() + chrono::Duration::minutes(30));
        tokio::time::sleep(pause()).await;
        let started = self.post(&token, "/api/v1/conversations", None).await?;
        let id = started["conversation"]["id"]
            .as_str()
            .context("the started conversation has no id")?
            .to_owned();
        let path = format!("/api/v1/conversations/{id}/messages");
        for text in messages {
            tokio::time::sleep(pause()).await;
            let mut answer = self.post(&token, &path, Some(text)).await?;
            // "Which purchase do you mean?": pick the first, as most people would.
            if let Some(choice) = purchase_choice(&answer) {
                tokio::time::sleep(pause()).await;
                answer = self.post(&token, &path, Some(&choice)).await?;
            }
            if answer["conversation"]["state"] == "queued" {
                break;
            }
        }
        Ok(())
    }

    async fn post(&self, token: &str, path: &str, text: Option<&str>) -> Result<Value> {
        let mut request = self
            .http
            .post(format!("{}{path}", self.base))
            .bearer_auth(token);
        if let Some(text) = text {
            request = request.json(&json!({ "text": text }));
        }
        let response = request.send().await?;
        let status = response.status();
        let body: Value = response.json().await?;
        anyhow::ensure!(status.is_success(), "{path}: {status}: {body}");
        Ok(body)
    }
}

/// The first purchase offered by the answer's last message, if it asks which purchase.
fn purchase_choice(answer: &Value) -> Option<String> {
    let last = answer["messages"].as_array()?.last()?;
    let payload = last["quick_replies"].as_array()?.first()?["payload"].as_str()?;
    let chooses = !payload.starts_with("intent:") && !payload.starts_with("confirm:");
    chooses.then(|| payload.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_sends_the_same_visits_and_some_ask_for_a_person() {
        let first = visits(SEED, 30, 200);
        assert_eq!(first, visits(SEED, 30, 200));
        assert_ne!(first, visits(SEED + 1, 30, 200));
        let person = first
            .iter()
            .filter(|v| v.messages.contains(&PERSON))
            .count();
        assert!(
            (3..=20).contains(&person),
            "{person} of 30 ask for a person"
        );
        assert!(
            first
                .iter()
                .all(|v| v.messages.iter().any(|m| ERRANDS.contains(m)))
        );
    }

    #[test]
    fn customers_are_distinct_while_there_are_enough() {
        let seen: std::collections::BTreeSet<usize> =
            visits(SEED, 40, 40).iter().map(|v| v.customer).collect();
        assert_eq!(seen.len(), 40);
        assert!(visits(SEED, 5, 3).iter().all(|v| v.customer < 3));
    }

    #[test]
    fn only_a_purchase_choice_is_picked_from_the_quick_replies() {
        let choose = json!({ "messages": [{ "quick_replies": [{ "payload": "order:O-1" }] }] });
        assert_eq!(purchase_choice(&choose).as_deref(), Some("order:O-1"));
        let confirm = json!({ "messages": [{ "quick_replies": [{ "payload": "confirm:yes" }] }] });
        assert_eq!(purchase_choice(&confirm), None);
        assert_eq!(purchase_choice(&json!({ "messages": [] })), None);
    }
}
