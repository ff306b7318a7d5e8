//! Four weeks of past conversations for the demo, so the operations dashboard has something to
//! show on first start: each day some conversations the bot resolved, some handed to a person
//! (different queues and waits) and closed, a few left open, many rated. Deterministic for a given
//! seed and date, drawn from the same generator as the demo lender.
//!
//! They are written through the store's own conversation writes, so the times the dashboard reads
//! are set exactly as the live service sets them. They have no messages: they are figures, not
//! transcripts.

use anyhow::Result;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use fairdesk_ledger::CustomerId;
use fairdesk_store::{Conversation, ConversationState, Feedback, Store};
use serde_json::json;

use crate::rng::Rng;

/// Days of history before the given day.
const DAYS: u64 = 28;
/// Customers the conversations are spread over.
const CUSTOMERS_MAX: usize = 200;
/// Errands the customers come with, most common first (repeated to weigh them).
const ERRANDS: &[&str] = &[
    "next_payment",
    "next_payment",
    "order_status",
    "order_status",
    "refund_status",
    "return_item",
    "pay_off",
    "move_due_date",
    "late_fee",
    "payment_failed",
    "charge_not_recognised",
    "hardship",
];
/// Queues people are handed to, weighed like the errands.
const QUEUES: &[&str] = &[
    "general",
    "general",
    "general",
    "payments",
    "payments",
    "fraud",
    "hardship",
    "complaints",
];

/// What happens to one conversation.
#[derive(Debug)]
enum Outcome {
    /// The bot resolves it this many seconds after the start.
    Bot(i64),
    /// Handed to `queue` after `handed` s, a person joins `wait` s later and closes after `work` s.
    Person {
        queue: &'static str,
        handed: i64,
        wait: i64,
        work: i64,
    },
    Open,
}

fn outcome(rng: &mut Rng) -> Outcome {
    match rng.below(100) {
        0..=61 => Outcome::Bot(rng.range(40, 600)),
        62..=91 => Outcome::Person {
            queue: rng.pick(QUEUES).copied().unwrap_or("general"),
            handed: rng.range(30, 300),
            wait: rng.range(20, 2_400),
            work: rng.range(180, 1_800),
        },
        _ => Outcome::Open,
    }
}

/// A score skewed towards content customers; people's conversations a little less so.
fn score(rng: &mut Rng, with_person: bool) -> i64 {
    let roll = rng.below(100);
    let low = if with_person { 20 } else { 12 };
    match roll {
        r if r < low / 2 => 1,
        r if r < low => 2,
        r if r < low + 12 => 3,
        r if r < low + 45 => 4,
        _ => 5,
    }
}

/// Saves `c` as changed at `at`, into `state`.
async fn step(
    store: &Store,
    c: Conversation,
    at: DateTime<Utc>,
    state: ConversationState,
    memory: serde_json::Value,
) -> Result<Conversation> {
    let queue = c.queue.clone();
    Ok(store
        .save_conversation(&Conversation {
            state,
            queue: if state == ConversationState::Closed {
                None
            } else {
                queue
            },
            memory,
            updated_at: at,
            ..c
        })
        .await?)
}

/// One conversation of `customer` started at `start`, played through `outcome`; rated or not.
async fn play(
    store: &Store,
    rng: &mut Rng,
    id: String,
    (customer, language): &(CustomerId, String),
    start: DateTime<Utc>,
) -> Result<()> {
    let errand = rng.pick(ERRANDS).copied().unwrap_or("order_status");
    let c = Conversation {
        id: id.clone(),
        customer: customer.clone(),
        state: ConversationState::Bot,
        language: language.clone(),
        queue: None,
        priority: 0,
        queued_at: None,
        agent_id: None,
        memory: json!({}),
        created_at: start,
        updated_at: start,
        version: 0,
    };
    store.start_conversation(&c, &[]).await?;
    let working = json!({ "resolved": 0, "last_errand": errand });
    let (rated_percent, with_person, end) = match outcome(rng) {
        Outcome::Bot(after) => {
            let done = json!({ "resolved": 1, "last_errand": errand });
            step(
                store,
                c,
                start + Duration::seconds(after),
                ConversationState::Bot,
                done,
            )
            .await?;
            (35, false, start + Duration::seconds(after))
        }
        Outcome::Person {
            queue,
            handed,
            wait,
            work,
        } => {
            let handed_at = start + Duration::seconds(handed);
            let queued = Conversation {
                queue: Some(queue.to_owned()),
                queued_at: Some(handed_at),
                ..c
            };
            let c = step(
                store,
                queued,
                handed_at,
                ConversationState::Queued,
                working.clone(),
            )
            .await?;
            let joined = handed_at + Duration::seconds(wait);
            let held = Conversation {
                agent_id: Some("ag-demo".to_owned()),
                ..c
            };
            let c = step(
                store,
                held,
                joined,
                ConversationState::Human,
                working.clone(),
            )
            .await?;
            let closed = joined + Duration::seconds(work);
            step(store, c, closed, ConversationState::Closed, working).await?;
            (60, true, closed)
        }
        Outcome::Open => {
            step(
                store,
                c,
                start + Duration::seconds(30),
                ConversationState::Bot,
                working,
            )
            .await?;
            (0, false, start)
        }
    };
    if rng.chance(rated_percent) {
        let feedback = Feedback {
            conversation_id: id,
            score: score(rng, with_person),
            comment: None,
            created_at: end + Duration::minutes(1),
        };
        store.record_feedback(&feedback).await?;
    }
    Ok(())
}

/// Writes the history of the [`DAYS`] days before `today`.
pub async fn seed(store: &Store, seed: u64, today: NaiveDate) -> Result<()> {
    let mut rng = Rng::new(seed ^ 0xDA5B_0A4D);
    let mut customers = Vec::new();
    for id in store.customer_ids(CUSTOMERS_MAX).await? {
        if let Some(c) = store.customer(&id).await? {
            customers.push((id, c.language));
        }
    }
    let mut n = 0;
    for back in (1..=DAYS).rev() {
        let day = today - chrono::Days::new(back);
        let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        let count = if weekend {
            rng.range(4, 9)
        } else {
            rng.range(9, 18)
        };
        for _ in 0..count {
            let Some(customer) = rng.pick(&customers) else {
                return Ok(());
            };
            let start = day.and_time(chrono::NaiveTime::MIN).and_utc()
                + Duration::seconds(rng.range(7 * 3_600, 21 * 3_600));
            n += 1;
            play(store, &mut rng, format!("cv-demo-{n:05}"), customer, start).await?;
        }
    }
    Ok(())
}
