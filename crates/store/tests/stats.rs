//! The dashboard's figures on both backends, over a known set of conversations: resolved by the
//! bot, handed to a person for different reasons after different waits, taken over, still open,
//! rated, a repeat contact, and conversations outside the window that must not count.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::fresh;
use fairdesk_store::{
    Backend, Conversation, ConversationState, Durations, Feedback, Figures, Store, StoreError,
};
use serde_json::{Value, json};

use ConversationState::{Bot, Closed, Human, Queued};

fn at(day: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, hour, minute, second)
        .unwrap()
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
}

/// One change of a conversation: when, to which state and queue, with what memory.
type Step = (
    DateTime<Utc>,
    ConversationState,
    Option<&'static str>,
    Value,
);

/// Starts a conversation at `created` and applies its steps, as the engine and agents would.
async fn conversation(
    store: &Store,
    id: &str,
    customer: &str,
    language: &str,
    created: DateTime<Utc>,
    steps: Vec<Step>,
) {
    let mut c = Conversation {
        id: id.to_owned(),
        customer: customer.parse().unwrap(),
        state: Bot,
        language: language.to_owned(),
        queue: None,
        priority: 0,
        queued_at: None,
        agent_id: None,
        memory: json!({}),
        created_at: created,
        updated_at: created,
        version: 0,
    };
    store.start_conversation(&c, &[]).await.unwrap();
    for (when, state, queue, memory) in steps {
        c = store
            .save_conversation(&Conversation {
                state,
                queue: queue.map(str::to_owned),
                queued_at: (state == Queued).then_some(when),
                agent_id: matches!(state, Human | Closed).then(|| "ag-1".to_owned()),
                memory,
                updated_at: when,
                ..c
            })
            .await
            .unwrap();
    }
}

async fn rate(store: &Store, id: &str, score: i64) {
    store
        .record_feedback(&Feedback {
            conversation_id: id.to_owned(),
            score,
            comment: None,
            created_at: at(20, 12, 0, 0),
        })
        .await
        .unwrap();
}

fn resolved(errand: &str) -> Value {
    json!({ "resolved": 1, "last_errand": errand })
}

fn working_on(errand: &str) -> Value {
    json!({ "resolved": 0, "last_errand": errand })
}

/// The known set: seven conversations started on 2 and 3 March, and three outside.
async fn known_set(store: &Store) {
    let c = |id, who, lang, created, steps| conversation(store, id, who, lang, created, steps);
    // 2 March: two the bot resolves (after small talk in the second), one handed to payments.
    c(
        "cv-bot1",
        "C-1",
        "en",
        at(2, 10, 0, 0),
        vec![(at(2, 10, 5, 0), Bot, None, resolved("next_payment"))],
    )
    .await;
    c(
        "cv-bot2",
        "C-2",
        "sv",
        at(2, 11, 0, 0),
        vec![
            (at(2, 11, 1, 0), Bot, None, working_on("greeting")),
            (at(2, 11, 20, 0), Bot, None, resolved("refund_status")),
        ],
    )
    .await;
    c(
        "cv-pay",
        "C-3",
        "en",
        at(2, 12, 0, 0),
        vec![
            (
                at(2, 12, 2, 0),
                Queued,
                Some("payments"),
                working_on("move_due_date"),
            ),
            (
                at(2, 12, 12, 0),
                Human,
                Some("payments"),
                working_on("move_due_date"),
            ),
            (at(2, 12, 30, 0), Closed, None, working_on("move_due_date")),
        ],
    )
    .await;
    // 3 March: fraud (a long wait), a repeat of C-1 still queued, one still open with the bot,
    // one a supervisor takes over from the bot.
    c(
        "cv-fraud",
        "C-4",
        "de",
        at(3, 9, 0, 0),
        vec![
            (at(3, 9, 1, 0), Queued, Some("fraud"), json!({})),
            (at(3, 9, 31, 0), Human, Some("fraud"), json!({})),
            (at(3, 10, 0, 0), Closed, None, json!({})),
        ],
    )
    .await;
    c(
        "cv-again",
        "C-1",
        "en",
        at(3, 15, 0, 0),
        vec![(
            at(3, 15, 5, 0),
            Queued,
            Some("general"),
            working_on("pay_off"),
        )],
    )
    .await;
    c(
        "cv-open",
        "C-5",
        "en",
        at(3, 16, 0, 0),
        vec![(at(3, 16, 1, 0), Bot, None, working_on("greeting"))],
    )
    .await;
    c(
        "cv-taken",
        "C-6",
        "sv",
        at(3, 17, 0, 0),
        vec![
            (at(3, 17, 10, 0), Human, None, working_on("late_fee")),
            (at(3, 17, 20, 0), Closed, None, working_on("late_fee")),
        ],
    )
    .await;
    // Outside: C-2 the evening before (its later cv-bot2 makes it, not cv-bot2, a repeat), C-3 the
    // morning after (making cv-pay a repeat; its rating must not count), C-4 7 days and a second
    // after cv-fraud (too late to make it a repeat).
    c("cv-before", "C-2", "sv", at(1, 23, 59, 0), vec![]).await;
    c(
        "cv-after",
        "C-3",
        "en",
        at(4, 8, 0, 0),
        vec![(at(4, 8, 1, 0), Queued, Some("complaints"), json!({}))],
    )
    .await;
    c("cv-later", "C-4", "de", at(10, 9, 0, 1), vec![]).await;
    for (id, score) in [
        ("cv-bot1", 5),
        ("cv-bot2", 4),
        ("cv-pay", 2),
        ("cv-taken", 5),
        ("cv-after", 1),
    ] {
        rate(store, id, score).await;
    }
}

fn durations(count: u64, median: i64, p90: i64) -> Durations {
    Durations {
        count,
        median_seconds: Some(median),
        p90_seconds: Some(p90),
    }
}

fn reasons(pairs: &[(&str, u64)]) -> std::collections::BTreeMap<String, u64> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
}

fn assert_partition(f: &Figures) {
    assert_eq!(
        f.resolved_by_bot + f.handed_to_person + f.still_open,
        f.conversations,
        "{f:?}"
    );
    assert_eq!(f.handoff_reasons.values().sum::<u64>(), f.handed_to_person);
    if f.conversations > 0 {
        let shares =
            f.share(f.resolved_by_bot) + f.share(f.handed_to_person) + f.share(f.still_open);
        assert!((shares - 1.0).abs() < 1e-12, "shares add up to {shares}");
    }
}

async fn every_figure_of_a_known_window(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    known_set(&store).await;
    let stats = store.stats(date(2), date(4)).await.unwrap();

    let total = &stats.total;
    assert_eq!(total.conversations, 7);
    assert_eq!(total.resolved_by_bot, 2);
    assert_eq!(total.handed_to_person, 4);
    assert_eq!(total.still_open, 1);
    assert_eq!(
        total.handoff_reasons,
        reasons(&[
            ("fraud", 1),
            ("general", 1),
            ("payments", 1),
            ("taken_over", 1)
        ])
    );
    // Waits for a person: 10 and 30 minutes (the queued and the taken-over ones have none).
    assert_eq!(total.time_to_person, durations(2, 600, 1_800));
    // Resolutions: the bot's after 5 and 20 minutes, the people's after 30, 60 and 20.
    assert_eq!(total.time_to_resolution, durations(5, 1_200, 3_600));
    assert_eq!(total.repeat_contacts, 2, "cv-bot1 and cv-pay");
    assert_eq!(
        (total.ratings, total.rating_sum, total.ratings_good),
        (4, 16, 3)
    );
    assert_eq!(total.rating_mean(), Some(4.0));
    assert_eq!(total.ratings_good_share(), Some(0.75));
    assert_eq!(total.share(total.resolved_by_bot), 2.0 / 7.0);
    assert_partition(total);

    let days: Vec<_> = stats.by_day.iter().map(|(d, f)| (*d, f.clone())).collect();
    assert_eq!(days.len(), 2);
    let (day2, day3) = (&days[0], &days[1]);
    assert_eq!(day2.0, date(2));
    assert_eq!(
        (
            day2.1.conversations,
            day2.1.resolved_by_bot,
            day2.1.handed_to_person,
            day2.1.still_open
        ),
        (3, 2, 1, 0)
    );
    assert_eq!(day2.1.time_to_resolution, durations(3, 1_200, 1_800));
    assert_eq!(day3.0, date(3));
    assert_eq!(
        (
            day3.1.conversations,
            day3.1.resolved_by_bot,
            day3.1.handed_to_person,
            day3.1.still_open
        ),
        (4, 0, 3, 1)
    );
    assert_eq!(day3.1.ratings, 1);
    for (_, f) in &stats.by_day {
        assert_partition(f);
    }

    let languages: Vec<_> = stats
        .by_language
        .iter()
        .map(|(l, f)| (l.as_str(), f.conversations, f.repeat_contacts))
        .collect();
    assert_eq!(languages, [("de", 1, 0), ("en", 4, 2), ("sv", 2, 0)]);
    let errands: Vec<_> = stats
        .by_errand
        .iter()
        .map(|(e, f)| (e.as_str(), f.conversations))
        .collect();
    assert_eq!(
        errands,
        [
            ("late_fee", 1),
            ("move_due_date", 1),
            ("next_payment", 1),
            ("none", 2),
            ("pay_off", 1),
            ("refund_status", 1),
        ],
        "small talk is no errand"
    );
    for (_, f) in stats.by_language.iter().chain(&stats.by_errand) {
        assert_partition(f);
    }
}
on_both_backends!(known_window, every_figure_of_a_known_window);

async fn a_window_counts_the_conversations_that_started_in_it(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    known_set(&store).await;
    // The day after: only cv-after, handed to complaints and still waiting.
    let after = store.stats(date(4), date(5)).await.unwrap();
    assert_eq!(after.total.conversations, 1);
    assert_eq!(after.total.handoff_reasons, reasons(&[("complaints", 1)]));
    assert_eq!(
        after.total.time_to_person,
        Durations {
            count: 0,
            median_seconds: None,
            p90_seconds: None,
        }
    );
    assert_eq!(after.total.rating_mean(), Some(1.0));
    // The evening before: cv-before, a repeat (C-2 came back the next morning), still open.
    let before = store.stats(date(1), date(2)).await.unwrap();
    assert_eq!(
        (
            before.total.conversations,
            before.total.still_open,
            before.total.repeat_contacts
        ),
        (1, 1, 1)
    );
    // An empty week: every day listed, all zero.
    let empty = store.stats(date(20), date(27)).await.unwrap();
    assert_eq!(empty.by_day.len(), 7);
    assert_eq!(empty.total, Figures::default());
    assert_eq!(empty.total.share(0), 0.0);
    assert_eq!(empty.total.rating_mean(), None);
}
on_both_backends!(
    window_edges,
    a_window_counts_the_conversations_that_started_in_it
);

async fn the_times_follow_the_conversation_through_its_states(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    known_set(&store).await;
    // The customer writes again after the close: open again, no longer resolved; a second close
    // counts from the start to that close.
    let c = store.conversation("cv-pay").await.unwrap().unwrap();
    let c = store
        .save_conversation(&Conversation {
            state: Bot,
            updated_at: at(2, 13, 0, 0),
            ..c
        })
        .await
        .unwrap();
    let day = store.stats(date(2), date(3)).await.unwrap().total;
    assert_eq!(day.time_to_resolution, durations(2, 300, 1_200));
    assert_eq!(day.handed_to_person, 1, "a handoff stays a handoff");
    store
        .save_conversation(&Conversation {
            state: Closed,
            updated_at: at(2, 14, 0, 0),
            ..c
        })
        .await
        .unwrap();
    let day = store.stats(date(2), date(3)).await.unwrap().total;
    assert_eq!(day.time_to_resolution, durations(3, 1_200, 7_200));
}
on_both_backends!(
    reopened,
    the_times_follow_the_conversation_through_its_states
);

async fn a_bad_window_is_refused(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    for (from, to) in [
        (date(2), date(2)),
        (date(3), date(2)),
        (date(1), date(1) + chrono::Days::new(367)),
    ] {
        assert!(
            matches!(store.stats(from, to).await, Err(StoreError::Invalid(_))),
            "{from}..{to}"
        );
    }
    assert!(
        store
            .stats(date(1), date(1) + chrono::Days::new(366))
            .await
            .is_ok()
    );
}
on_both_backends!(bad_window, a_bad_window_is_refused);
