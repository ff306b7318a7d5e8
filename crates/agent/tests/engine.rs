//! The engine end to end on a real SQLite store: money moves only after a matching confirmation,
//! identities come from the caller, and the bot is silent while a person holds the conversation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use fairdesk_agent::{AgentPolicy, AuthenticatedCustomer, Engine, EngineError};
use fairdesk_ledger::{Currency, Money, Operation, OrderId, PaymentMethod, PlanKind, Policy};
use fairdesk_store::{Author, ConversationState, Store};

struct Lender {
    engine: Engine,
    store: Store,
    _dir: tempfile::TempDir,
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn at(d: u32, second: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, d, 10, 0, second).unwrap()
}

fn o(id: &str) -> OrderId {
    id.parse().unwrap()
}

/// Customer C-1 (Swedish) with order O-1 (pay in 4, 1 000.00 SEK, first installment paid) and
/// customer C-2 with order O-2 at the same merchant.
async fn lender() -> Lender {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("e.db").display());
    let store = Store::open(&url, Policy::default()).await.unwrap();
    let sek = |minor| Money::new(minor, Currency::SEK);
    let mut ops = vec![Operation::RegisterMerchant {
        merchant: "M-1".parse().unwrap(),
        name: "Nordic Shoes".to_owned(),
        country: "SE".to_owned(),
        currency: Currency::SEK,
    }];
    for (c, order) in [("C-1", "O-1"), ("C-2", "O-2")] {
        ops.push(Operation::RegisterCustomer {
            customer: c.parse().unwrap(),
            name: "Astrid Lund".to_owned(),
            country: "SE".to_owned(),
            language: "sv".to_owned(),
            card_valid: true,
        });
        ops.push(Operation::CreateOrder {
            order: o(order),
            customer: c.parse().unwrap(),
            merchant: "M-1".parse().unwrap(),
            description: "Shoes".to_owned(),
            amount: sek(100_000),
            plan: PlanKind::PayIn4,
        });
        ops.push(Operation::CaptureInstallment {
            order: o(order),
            installment: 1,
            method: PaymentMethod::Manual,
        });
    }
    for (i, op) in ops.iter().enumerate() {
        store
            .execute(&format!("setup-{i}").parse().unwrap(), op, day(1))
            .await
            .unwrap();
    }
    let engine = Engine::new(store.clone(), AgentPolicy::default()).unwrap();
    Lender {
        engine,
        store,
        _dir: dir,
    }
}

fn c1() -> AuthenticatedCustomer {
    AuthenticatedCustomer::verified("C-1".parse().unwrap())
}

async fn paid(store: &Store, id: &str) -> i64 {
    store.order(&o(id)).await.unwrap().unwrap().paid_minor()
}

#[tokio::test]
async fn the_first_message_says_it_is_an_ai_and_how_to_reach_a_person() {
    let l = lender().await;
    let turn = l.engine.start(&c1(), at(2, 0)).await.unwrap();
    let text = &turn.messages[0].body;
    assert!(text.contains("AI"), "{text}");
    assert!(
        text.contains("människa") || text.contains("human"),
        "{text}"
    );
    // Ids are random: two started in the same instant differ and neither names the customer.
    let again = l.engine.start(&c1(), at(2, 0)).await.unwrap();
    for id in [&turn.conversation.id, &again.conversation.id] {
        assert_eq!(id.len(), "cv-".len() + 32, "{id}");
        assert!(!id.contains(c1().id().as_str()), "{id}");
    }
    assert_ne!(turn.conversation.id, again.conversation.id);
}

#[tokio::test]
async fn a_money_action_waits_for_yes_and_executes_exactly_once() {
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    let propose = l
        .engine
        .handle(
            &c1(),
            &conv.id,
            "jag vill betala min nästa delbetalning nu",
            at(2, 1),
        )
        .await
        .unwrap();
    assert!(
        propose.messages[0].body.contains("250,00"),
        "{}",
        propose.messages[0].body
    );
    assert_eq!(
        paid(&l.store, "O-1").await,
        25_000,
        "nothing moves before the customer confirms"
    );
    l.engine
        .handle(&c1(), &conv.id, "confirm:yes", at(2, 2))
        .await
        .unwrap();
    assert_eq!(paid(&l.store, "O-1").await, 50_000);
    l.engine
        .handle(&c1(), &conv.id, "confirm:yes", at(2, 3))
        .await
        .unwrap();
    assert_eq!(
        paid(&l.store, "O-1").await,
        50_000,
        "a second yes has nothing to confirm"
    );
}

#[tokio::test]
async fn yes_without_a_proposal_moves_no_money() {
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    for text in ["ja", "confirm:yes", "yes do it, pay everything"] {
        l.engine
            .handle(&c1(), &conv.id, text, at(2, 1))
            .await
            .unwrap();
    }
    assert_eq!(paid(&l.store, "O-1").await, 25_000);
}

#[tokio::test]
async fn a_changed_request_drops_the_old_confirmation() {
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    l.engine
        .handle(&c1(), &conv.id, "jag vill betala av allt nu", at(2, 1))
        .await
        .unwrap();
    l.engine
        .handle(&c1(), &conv.id, "när är nästa betalning?", at(2, 2))
        .await
        .unwrap();
    l.engine
        .handle(&c1(), &conv.id, "confirm:yes", at(2, 3))
        .await
        .unwrap();
    assert_eq!(
        paid(&l.store, "O-1").await,
        25_000,
        "the payoff was not confirmed in its own turn"
    );
}

#[tokio::test]
async fn an_expired_confirmation_executes_nothing() {
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    l.engine
        .handle(&c1(), &conv.id, "jag vill betala av allt nu", at(2, 1))
        .await
        .unwrap();
    let late = Utc.with_ymd_and_hms(2026, 3, 2, 11, 0, 0).unwrap();
    let turn = l
        .engine
        .handle(&c1(), &conv.id, "confirm:yes", late)
        .await
        .unwrap();
    assert_eq!(paid(&l.store, "O-1").await, 25_000);
    assert!(!turn.messages.is_empty());
}

#[tokio::test]
async fn a_confirmation_whose_amount_changed_in_the_books_is_not_executed() {
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    l.engine
        .handle(
            &c1(),
            &conv.id,
            "jag vill betala min nästa delbetalning nu",
            at(2, 1),
        )
        .await
        .unwrap();
    // Meanwhile the merchant refunds part of the order: the installment's amount changes.
    let refund = Operation::Refund {
        order: o("O-1"),
        amount: Money::new(80_000, Currency::SEK),
    };
    l.store
        .execute(&"refund-1".parse().unwrap(), &refund, day(2))
        .await
        .unwrap();
    let before = paid(&l.store, "O-1").await;
    l.engine
        .handle(&c1(), &conv.id, "confirm:yes", at(2, 2))
        .await
        .unwrap();
    assert_eq!(paid(&l.store, "O-1").await, before);
}

#[tokio::test]
async fn another_customers_conversation_does_not_exist_to_them() {
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    let c2 = AuthenticatedCustomer::verified("C-2".parse().unwrap());
    let err = l
        .engine
        .handle(&c2, &conv.id, "hej", at(2, 1))
        .await
        .unwrap_err();
    assert!(matches!(err, EngineError::NotFound));
}

#[tokio::test]
async fn naming_another_customers_order_never_acts_on_it() {
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    for text in ["betala av order O-2", "order:O-2", "confirm:yes"] {
        l.engine
            .handle(&c1(), &conv.id, text, at(2, 1))
            .await
            .unwrap();
    }
    assert_eq!(paid(&l.store, "O-2").await, 25_000);
}

#[tokio::test]
async fn asking_for_a_person_queues_the_conversation_and_the_bot_then_stays_silent() {
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    let turn = l
        .engine
        .handle(&c1(), &conv.id, "jag vill prata med en människa", at(2, 1))
        .await
        .unwrap();
    assert_eq!(turn.conversation.state, ConversationState::Queued);
    assert_eq!(turn.conversation.queue.as_deref(), Some("general"));
    assert_eq!(turn.queue_position, Some(1));
    let later = l
        .engine
        .handle(&c1(), &conv.id, "hallå?", at(2, 2))
        .await
        .unwrap();
    assert!(later.messages.is_empty());
    let transcript = l.store.messages(&conv.id).await.unwrap();
    assert!(
        transcript.iter().any(|m| m.author == Author::System
            && m.body.starts_with("The customer asked for a person."))
    );
}

#[tokio::test]
async fn card_numbers_are_masked_before_storage_and_never_echoed() {
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    let turn = l
        .engine
        .handle(
            &c1(),
            &conv.id,
            "mitt kort är 4111 1111 1111 1111",
            at(2, 1),
        )
        .await
        .unwrap();
    let transcript = l.store.messages(&conv.id).await.unwrap();
    for m in transcript.iter().chain(&turn.messages) {
        assert!(!m.body.contains("4111 1111 1111 1111"), "{}", m.body);
    }
    assert!(transcript.iter().any(|m| m.body.contains("1111]")));
}

#[tokio::test]
async fn an_overlong_message_is_refused_with_a_clear_reply() {
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    let turn = l
        .engine
        .handle(&c1(), &conv.id, &"a".repeat(10_000), at(2, 1))
        .await
        .unwrap();
    assert!(
        turn.messages[0].body.contains("4000"),
        "{}",
        turn.messages[0].body
    );
}

#[tokio::test]
async fn a_human_can_claim_and_hand_back_and_the_bot_then_answers_again() {
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    l.engine
        .handle(&c1(), &conv.id, "jag vill prata med en människa", at(2, 1))
        .await
        .unwrap();
    let claimed = l.engine.claim(&conv.id, "agent-7", at(2, 2)).await.unwrap();
    assert_eq!(claimed.state, ConversationState::Human);
    assert!(
        l.engine
            .handle(&c1(), &conv.id, "hej?", at(2, 3))
            .await
            .unwrap()
            .messages
            .is_empty()
    );
    let back = l.engine.hand_back(&conv.id, at(2, 4)).await.unwrap();
    assert_eq!(back.conversation.state, ConversationState::Bot);
    assert_eq!(back.conversation.queue, None);
    let answer = l
        .engine
        .handle(&c1(), &conv.id, "när är min nästa betalning?", at(2, 5))
        .await
        .unwrap();
    assert!(
        answer.messages[0].body.contains("250,00"),
        "{}",
        answer.messages[0].body
    );
}

#[tokio::test]
async fn a_customer_flooding_the_chat_is_asked_to_slow_down() {
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    let max = AgentPolicy::default().limits.messages_per_minute_max;
    for i in 0..max {
        let turn = l
            .engine
            .handle(&c1(), &conv.id, "hej", at(2, i))
            .await
            .unwrap();
        assert!(
            !turn.messages[0].body.contains("snabbt"),
            "message {i} was answered normally"
        );
    }
    let flooded = l
        .engine
        .handle(&c1(), &conv.id, "hej", at(2, max))
        .await
        .unwrap();
    assert!(
        flooded.messages[0].body.contains("snabbt"),
        "{}",
        flooded.messages[0].body
    );
    let minute_later = Utc.with_ymd_and_hms(2026, 3, 2, 10, 2, 0).unwrap();
    let calm = l
        .engine
        .handle(&c1(), &conv.id, "hej", minute_later)
        .await
        .unwrap();
    assert!(!calm.messages[0].body.contains("snabbt"));
}

#[tokio::test]
async fn two_errands_in_one_message_are_both_handled_the_question_before_the_proposal() {
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    let turn = l
        .engine
        .handle(
            &c1(),
            &conv.id,
            "jag vill betala nästa delbetalning nu, och hur mycket är kvar att betala?",
            at(2, 1),
        )
        .await
        .unwrap();
    let bodies: Vec<&str> = turn.messages.iter().map(|m| m.body.as_str()).collect();
    assert_eq!(bodies.len(), 2, "{bodies:?}");
    assert!(
        bodies[0].contains("750,00"),
        "the balance first: {bodies:?}"
    );
    assert!(
        bodies[1].contains("250,00"),
        "then the proposal: {bodies:?}"
    );
    assert_eq!(
        turn.messages[1]
            .quick_replies
            .iter()
            .map(|q| q.payload.as_str())
            .collect::<Vec<_>>(),
        ["confirm:yes", "confirm:no"],
        "the proposal, last, carries the buttons"
    );
    assert_eq!(paid(&l.store, "O-1").await, 25_000);
    l.engine
        .handle(&c1(), &conv.id, "confirm:yes", at(2, 2))
        .await
        .unwrap();
    assert_eq!(paid(&l.store, "O-1").await, 50_000);
}

#[tokio::test]
async fn the_second_errand_waits_for_the_first_proposal_and_then_is_answered() {
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    let turn = l
        .engine
        .handle(
            &c1(),
            &conv.id,
            "jag vill betala nästa delbetalning nu och flytta den sista en vecka",
            at(2, 1),
        )
        .await
        .unwrap();
    let bodies: Vec<&str> = turn.messages.iter().map(|m| m.body.as_str()).collect();
    assert!(
        bodies.iter().any(|b| b.contains("andra fråga")),
        "the customer is told the other errand comes next: {bodies:?}"
    );
    let after = l
        .engine
        .handle(&c1(), &conv.id, "confirm:yes", at(2, 2))
        .await
        .unwrap();
    assert_eq!(paid(&l.store, "O-1").await, 50_000);
    let last = after.messages.last().unwrap();
    assert_eq!(
        last.quick_replies
            .iter()
            .map(|q| q.payload.as_str())
            .collect::<Vec<_>>(),
        ["confirm:yes", "confirm:no"],
        "the second errand's proposal follows the first one's result: {:?}",
        after.messages
    );
}

#[tokio::test]
async fn a_date_written_with_a_full_stop_does_not_split_one_request_in_two() {
    // Regression: "20.3." ended a "sentence", and "maksaisin 20.3" became a second errand (a move
    // the customer never asked for).
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    let turn = l
        .engine
        .handle(
            &c1(),
            &conv.id,
            "jag vill betala delbetalningen som förfaller 15.3. redan i dag",
            at(2, 1),
        )
        .await
        .unwrap();
    assert_eq!(turn.messages.len(), 1, "{:?}", turn.messages);
}

#[tokio::test]
async fn a_part_that_says_what_the_customer_does_not_want_is_no_second_errand() {
    // Regression: "…the next installment now, not the whole sum" proposed paying off the plan
    // right after the installment was paid.
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    let turn = l
        .engine
        .handle(
            &c1(),
            &conv.id,
            "jag vill betala nästa delbetalning nu, inte hela summan",
            at(2, 1),
        )
        .await
        .unwrap();
    assert_eq!(turn.messages.len(), 1, "{:?}", turn.messages);
    let done = l
        .engine
        .handle(&c1(), &conv.id, "confirm:yes", at(2, 2))
        .await
        .unwrap();
    assert_eq!(paid(&l.store, "O-1").await, 50_000);
    assert!(
        done.messages.iter().all(|m| m.quick_replies.is_empty()),
        "nothing more is proposed: {:?}",
        done.messages
    );
}

#[tokio::test]
async fn a_card_number_with_its_expiry_gets_the_secure_link_and_a_reported_card_charge_stays_fraud()
{
    let l = lender().await;
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    let turn = l
        .engine
        .handle(
            &c1(),
            &conv.id,
            "kan du dra det från det här kortet: 4111 1111 1111 1111, 09/29",
            at(2, 1),
        )
        .await
        .unwrap();
    assert_eq!(turn.handoff, None, "{:?}", turn.messages);
    let text: String = turn.messages.iter().map(|m| m.body.as_str()).collect();
    assert!(text.contains("https://"), "the secure card link: {text}");
    assert!(!text.contains("4111 1111"), "{text}");
    let other = l.engine.start(&c1(), at(2, 2)).await.unwrap().conversation;
    let fraud = l
        .engine
        .handle(
            &c1(),
            &other.id,
            "någon har använt mitt kort 4111 1111 1111 1111 för ett köp jag inte känner igen",
            at(2, 3),
        )
        .await
        .unwrap();
    assert!(fraud.handoff.is_some(), "{:?}", fraud.messages);
}

#[tokio::test]
async fn a_question_about_two_named_purchases_is_answered_for_both() {
    let l = lender().await;
    let sek = |minor| Money::new(minor, Currency::SEK);
    for (i, op) in [
        Operation::RegisterMerchant {
            merchant: "M-2".parse().unwrap(),
            name: "Lamp House".to_owned(),
            country: "SE".to_owned(),
            currency: Currency::SEK,
        },
        Operation::CreateOrder {
            order: o("O-3"),
            customer: "C-1".parse().unwrap(),
            merchant: "M-2".parse().unwrap(),
            description: "Lamp".to_owned(),
            amount: sek(40_000),
            plan: PlanKind::PayIn4,
        },
    ]
    .iter()
    .enumerate()
    {
        l.store
            .execute(&format!("more-{i}").parse().unwrap(), op, day(1))
            .await
            .unwrap();
    }
    let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
    let turn = l
        .engine
        .handle(
            &c1(),
            &conv.id,
            "har Nordic Shoes skickat mina skor, och har Lamp House skickat lampan?",
            at(2, 1),
        )
        .await
        .unwrap();
    let text: String = turn.messages.iter().map(|m| m.body.as_str()).collect();
    assert!(
        text.contains("Nordic Shoes") && text.contains("Lamp House"),
        "both purchases answered: {text}"
    );
    assert!(
        turn.messages.iter().all(|m| m.quick_replies.is_empty()),
        "no 'which purchase?': {:?}",
        turn.messages
    );
}

async fn due_of(store: &Store, id: &str, installment: usize) -> NaiveDate {
    store.order(&o(id)).await.unwrap().unwrap().installments[installment - 1].due
}

#[tokio::test]
async fn a_yes_that_repeats_the_proposed_date_confirms_and_one_with_another_date_does_not() {
    for (reply, due) in [
        ("ja tack, till 20 mars", day(20)),
        ("ja, till 22 mars", day(15)),
    ] {
        let l = lender().await;
        let conv = l.engine.start(&c1(), at(2, 0)).await.unwrap().conversation;
        let propose = l
            .engine
            .handle(
                &c1(),
                &conv.id,
                "kan jag flytta nästa betalning till 20 mars?",
                at(2, 1),
            )
            .await
            .unwrap();
        assert!(
            propose.messages[0].body.contains("20 mars"),
            "{}",
            propose.messages[0].body
        );
        l.engine
            .handle(&c1(), &conv.id, reply, at(2, 2))
            .await
            .unwrap();
        assert_eq!(due_of(&l.store, "O-1", 2).await, due, "{reply}");
    }
}
