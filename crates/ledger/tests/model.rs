#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Model-based test of the money core: random operation sequences against a simple reference model.
//!
//! `MemoryBook` (the ledger's executable reference for the store, idempotency included) runs the same
//! random sequence of operations as an independent model of the lender's rules (`model/rules.rs`,
//! `model/order_rules.rs`; generation in `model/reference.rs` and `model/aim.rs`): every kind of `Operation`, the clock moving forward, replays of earlier
//! idempotency keys, earlier keys reused for another operation, and bad requests (unknown ids, wrong
//! currency, amounts zero/negative/too large, operations on cancelled or paid-off orders). After every
//! step it checks that the ledger accepted exactly what the model accepts (refusing with one of the
//! reasons the model names), that refusals and replays wrote nothing, that the books balance, and that
//! every order, customer, merchant and lender account agrees with the model to the minor unit.
//!
//! Steps: `FAIRDESK_MODEL_STEPS` sets the total number of steps (cases × `STEPS_PER_CASE`); the
//! default of 20 000 runs in CI. Before a release, run a million by hand:
//!
//! ```text
//! FAIRDESK_MODEL_STEPS=1000000 cargo test --release -p fairdesk-ledger --test model
//! ```
//!
//! A failure is shrunk to a short sequence and its seed saved in `tests/model.proptest-regressions`
//! (commit that file: the seed is replayed first on every later run).

#[path = "model/aim.rs"]
mod aim;
#[path = "model/order_rules.rs"]
mod order_rules;
#[path = "model/reference.rs"]
mod reference;
#[path = "model/rules.rs"]
mod rules;

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use fairdesk_ledger::invariants::check_order;
use fairdesk_ledger::{
    Account, Currency, IdempotencyKey, KeyReused, MemoryBook, Order, Outcome, Policy,
};
use proptest::test_runner::{Config, FileFailurePersistence};
use proptest_state_machine::{StateMachineTest, prop_state_machine};

use reference::{Lender, RefState, Step};
use rules::{MOrder, MPause, Model, is_predicted};

/// Steps in one generated sequence: long enough for plans to run, pause, fall late and close.
const STEPS_PER_CASE: usize = 250;
/// Steps run when `FAIRDESK_MODEL_STEPS` is not set.
const DEFAULT_TOTAL_STEPS: usize = 20_000;

fn total_steps() -> usize {
    std::env::var("FAIRDESK_MODEL_STEPS")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(DEFAULT_TOTAL_STEPS)
        .max(STEPS_PER_CASE)
}

fn config() -> Config {
    Config {
        cases: u32::try_from(total_steps().div_ceil(STEPS_PER_CASE)).unwrap_or(u32::MAX),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    }
}

/// How often each operation was accepted and refused, to show (and assert) what the run exercised.
static COVERAGE: Mutex<BTreeMap<&'static str, [u64; 2]>> = Mutex::new(BTreeMap::new());
/// How often each operation was refused for each reason (shown with `--nocapture`).
static REFUSALS: Mutex<BTreeMap<String, u64>> = Mutex::new(BTreeMap::new());

fn count(name: &'static str, accepted: bool) {
    let mut c = COVERAGE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    c.entry(name).or_default()[usize::from(!accepted)] += 1;
}

fn count_refusal(name: &'static str, error: &fairdesk_ledger::LedgerError) {
    let debug = format!("{error:?}");
    let variant = debug.split(['(', ' ']).next().unwrap_or_default();
    let mut r = REFUSALS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *r.entry(format!("{name} {variant}")).or_default() += 1;
}

struct Sut {
    book: MemoryBook,
    /// The first outcome of every key, which every replay must return.
    outcomes: HashMap<IdempotencyKey, Outcome>,
}

/// Everything a refused or replayed operation must leave untouched.
type Snapshot = (
    HashMap<fairdesk_ledger::CustomerId, fairdesk_ledger::Customer>,
    HashMap<fairdesk_ledger::MerchantId, fairdesk_ledger::Merchant>,
    HashMap<fairdesk_ledger::OrderId, Order>,
    fairdesk_ledger::Balances,
);

fn snapshot(book: &MemoryBook) -> Snapshot {
    (
        book.customers.clone(),
        book.merchants.clone(),
        book.orders.clone(),
        book.balances.clone(),
    )
}

struct LedgerUnderTest;

impl StateMachineTest for LedgerUnderTest {
    type SystemUnderTest = Sut;
    type Reference = Lender;

    fn init_test(_: &RefState) -> Sut {
        Sut {
            book: MemoryBook::new(Policy::default()),
            outcomes: HashMap::new(),
        }
    }

    fn apply(mut sut: Sut, state: &RefState, _: reference::Transition) -> Sut {
        let today = state.today;
        match &state.last {
            Step::Idle => count("advance_clock", true),
            Step::Fresh { key, op, expect } => {
                let before = expect.is_err().then(|| snapshot(&sut.book));
                let outcome = sut
                    .book
                    .execute(key, op, today)
                    .unwrap_or_else(|e| panic!("a fresh key was reported reused: {e}"));
                match (expect, &outcome) {
                    (Ok(()), Ok(_)) => {}
                    (Ok(()), Err(e)) => {
                        panic!("the model accepts {op:?} on {today} but the ledger refused: {e:?}")
                    }
                    (Err(why), Ok(postings)) => panic!(
                        "the model refuses {op:?} on {today} ({why:?}) but the ledger accepted: {postings:?}"
                    ),
                    (Err(why), Err(e)) => assert!(
                        is_predicted(e, why),
                        "{op:?} on {today}: the ledger refused with {e:?}, the model with {why:?}"
                    ),
                }
                if let Some(before) = before {
                    assert!(
                        before == snapshot(&sut.book),
                        "the refused {op:?} changed the books"
                    );
                }
                count(op.name(), outcome.is_ok());
                if let Err(e) = &outcome {
                    count_refusal(op.name(), e);
                }
                sut.outcomes.insert(key.clone(), outcome);
            }
            Step::Replay { key, op } => {
                let before = snapshot(&sut.book);
                let again = sut.book.execute(key, op, today);
                assert_eq!(
                    again.as_ref().ok(),
                    sut.outcomes.get(key),
                    "replaying {key} ({op:?}) must return the stored outcome"
                );
                assert!(
                    before == snapshot(&sut.book),
                    "replaying {key} changed the books"
                );
                count("replay", true);
            }
            Step::Reuse { key, op, previous } => {
                let before = snapshot(&sut.book);
                let reused = sut.book.execute(key, op, today);
                let expected = KeyReused {
                    key: key.clone(),
                    previous: (*previous).to_owned(),
                };
                assert_eq!(reused, Err(expected), "{key} reused for {op:?}");
                assert!(
                    before == snapshot(&sut.book),
                    "reusing {key} changed the books"
                );
                count("key_reused", false);
            }
        }
        sut
    }

    fn check_invariants(sut: &Sut, state: &RefState) {
        ledger_invariants(&sut.book);
        agrees_with_model(&sut.book, &state.model);
    }
}

/// The ledger's own invariants, whatever the model says.
fn ledger_invariants(book: &MemoryBook) {
    let mut per_currency: BTreeMap<Currency, i128> = BTreeMap::new();
    for ((account, currency), balance) in &book.balances {
        *per_currency.entry(*currency).or_default() += i128::from(*balance);
        if let Account::CustomerPayable(c) = account {
            assert_eq!(*balance, 0, "customer {c} is owed money after an operation");
        }
    }
    for (currency, sum) in per_currency {
        assert_eq!(sum, 0, "debits and credits differ in {currency}");
    }
    for (id, o) in &book.orders {
        let receivable = book.balance(&Account::Receivable(id.clone()), o.currency());
        assert_eq!(receivable, o.receivable_minor(), "receivable of {id}");
        assert!(
            o.refunded_minor <= o.amount.amount_minor,
            "{id} refunded more than bought"
        );
        assert!(
            o.refunded_minor + o.principal_cancelled_minor <= o.amount.amount_minor,
            "{id} refunded and cancelled more than bought"
        );
        assert!(o.outstanding_minor() >= 0, "{id} has negative outstanding");
        assert_eq!(check_order(o), Vec::<String>::new(), "invariants of {id}");
    }
}

/// One installment as both sides see it: seq, due, original due, principal, interest, fee owed,
/// waived, moves, open, paid.
type InstallmentView = (
    u8,
    chrono::NaiveDate,
    chrono::NaiveDate,
    i64,
    i64,
    i64,
    bool,
    u32,
    bool,
    i64,
);

fn book_installments(o: &Order) -> Vec<InstallmentView> {
    o.installments
        .iter()
        .map(|i| {
            let fee = i.fee_owed_minor();
            (
                i.seq,
                i.due,
                i.original_due,
                i.principal_minor,
                i.interest_minor,
                fee,
                i.fee_waived,
                i.moves,
                i.is_open(),
                i.paid_minor,
            )
        })
        .collect()
}

fn model_installments(o: &MOrder) -> Vec<InstallmentView> {
    o.installments
        .iter()
        .map(|i| {
            (
                i.seq,
                i.due,
                i.original_due,
                i.principal,
                i.interest,
                i.fee_owed(),
                i.fee_waived,
                i.moves,
                i.open,
                i.paid,
            )
        })
        .collect()
}

fn agrees_with_model(book: &MemoryBook, model: &Model) {
    let ids = |k: Vec<String>| {
        let mut k = k;
        k.sort();
        k
    };
    assert_eq!(
        ids(book.customers.keys().map(ToString::to_string).collect()),
        ids(model.customers.keys().map(ToString::to_string).collect()),
        "registered customers"
    );
    for (id, c) in &model.customers {
        let b = &book.customers[id];
        assert_eq!(
            (b.card_valid, b.late_fee_waivers_used),
            (c.card_valid, c.waivers_used),
            "customer {id}"
        );
    }
    assert_eq!(
        book.merchants.len(),
        model.merchants.len(),
        "registered merchants"
    );
    for (id, currency) in &model.merchants {
        assert_eq!(book.merchants[id].currency, *currency, "currency of {id}");
        let owed = model.merchant_owed.get(id).copied().unwrap_or(0);
        let payable = book.balance(&Account::MerchantPayable(id.clone()), *currency);
        assert_eq!(-payable, owed, "what the lender owes {id}");
    }
    assert_eq!(book.orders.len(), model.orders.len(), "orders created");
    for (id, m) in &model.orders {
        let o = &book.orders[id];
        assert_eq!(o.status, m.status(), "status of {id}");
        assert_eq!(
            book_installments(o),
            model_installments(m),
            "installments of {id}"
        );
        let pause = o.pause.as_ref().map(|p| {
            (
                p.since(),
                matches!(p, fairdesk_ledger::Pause::Dispute { .. }),
            )
        });
        let model_pause = m.pause.map(|p| match p {
            MPause::Return { since, .. } => (since, false),
            MPause::Dispute { since } => (since, true),
        });
        assert_eq!(pause, model_pause, "pause of {id}");
        assert_eq!(
            (
                o.refunded_minor,
                o.paid_back_minor,
                o.paid_minor(),
                o.principal_cancelled_minor
            ),
            (m.refunded, m.paid_back, m.paid(), m.cancelled_principal),
            "refunded, paid back, paid and cancelled on {id}"
        );
        assert_eq!(
            (
                o.receivable_minor(),
                o.outstanding_minor(),
                o.late_fees_assessed,
                o.shipped_on
            ),
            (
                m.receivable(),
                m.outstanding(),
                m.fees_assessed,
                m.shipped_on
            ),
            "receivable, outstanding, fees and shipping of {id}"
        );
        let failures: u32 = o.installments.iter().map(|i| i.failed_attempts).sum();
        assert_eq!(failures, m.failures, "payment failures on {id}");
    }
    for (currency, money) in &model.lender {
        assert_eq!(
            (
                book.balance(&Account::Cash, *currency),
                -book.balance(&Account::InterestIncome, *currency),
                -book.balance(&Account::FeeIncome, *currency),
            ),
            (money.cash, money.interest_income, money.fee_income),
            "lender cash, interest income and fee income in {currency}"
        );
    }
}

prop_state_machine! {
    #![proptest_config(config())]
    fn run_model(sequential STEPS_PER_CASE..=STEPS_PER_CASE => LedgerUnderTest);
}

#[test]
fn random_operation_sequences_agree_with_the_reference_model() {
    run_model();
    let coverage = COVERAGE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    eprintln!(
        "model steps (accepted, refused) over {} steps:",
        total_steps()
    );
    for (name, [accepted, refused]) in &coverage {
        eprintln!("  {name:24} {accepted:8} {refused:8}");
    }
    let refusals = REFUSALS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    for (reason, n) in refusals {
        eprintln!("    {reason:54} {n:8}");
    }
    if total_steps() >= DEFAULT_TOTAL_STEPS {
        // A generator that drifted into only refusals (or only acceptances) would test little.
        for name in [
            "capture_installment",
            "pay_off",
            "refund",
            "confirm_return",
            "resolve_dispute",
            "move_due_date",
            "assess_late_fee",
            "waive_late_fee",
            "cancel_order",
            "settle_merchant",
            "create_order",
            "start_return",
            "resume_plan",
            "open_dispute",
            "record_payment_failure",
            "mark_shipped",
            "register_customer",
            "register_merchant",
            "update_payment_method",
        ] {
            let [accepted, refused] = coverage.get(name).copied().unwrap_or_default();
            assert!(accepted > 0, "{name} was never accepted");
            assert!(
                refused > 0 || name == "update_payment_method",
                "{name} was never refused"
            );
        }
        assert!(
            coverage.get("replay").is_some_and(|c| c[0] > 0),
            "no replays ran"
        );
        assert!(
            coverage.get("key_reused").is_some_and(|c| c[1] > 0),
            "no reused keys ran"
        );
    }
}
