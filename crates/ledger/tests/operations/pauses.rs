//! Returns and disputes: the plan pauses, and when it resumes every open installment moves later by
//! the length of the pause.

use fairdesk_ledger::{
    Account, DisputeOutcome, LedgerError, Operation, OrderStatus, Pause, PaymentMethod, PlanKind,
};

use super::*;

fn start_return(order: &str) -> Operation {
    Operation::StartReturn { order: oid(order) }
}

fn resume(order: &str) -> Operation {
    Operation::ResumePlan { order: oid(order) }
}

fn open_dispute(order: &str) -> Operation {
    Operation::OpenDispute {
        order: oid(order),
        reason: "the parcel never arrived".to_owned(),
    }
}

fn resolve(order: &str, outcome: DisputeOutcome) -> Operation {
    Operation::ResolveDispute {
        order: oid(order),
        outcome,
    }
}

/// 100.00 in 4 bought on 1 Jan 2026 (due 1, 15, 29 Jan and 12 Feb), the first installment paid.
fn one_paid() -> Lender {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(capture("O1", 1, PaymentMethod::Autopay), d(2026, 1, 1));
    l
}

#[test]
fn a_confirmed_return_refunds_and_shifts_the_open_installments_by_the_pause() {
    let mut l = one_paid();
    l.ok(start_return("O1"), d(2026, 1, 10));
    assert_eq!(
        l.order("O1").pause,
        Some(Pause::Return {
            since: d(2026, 1, 10),
            until: d(2026, 2, 9)
        })
    );
    assert_eq!(
        l.refused(late_fee("O1", 2), d(2026, 1, 25)),
        LedgerError::OrderPaused
    );

    // The merchant took back a quarter of the goods 10 days later: 25.00 off the last installment,
    // and the two still open move 10 days later.
    let postings = l.ok(
        Operation::ConfirmReturn {
            order: oid("O1"),
            amount: sek(2_500),
        },
        d(2026, 1, 20),
    );

    assert_eq!(
        postings,
        vec![posting(merchant_payable("M1"), receivable("O1"), 2_500)]
    );
    assert_eq!(l.order("O1").pause, None);
    assert_eq!(l.principals("O1"), vec![2_500, 2_500, 2_500, 0]);
    assert_eq!(l.open("O1"), vec![2, 3]);
    assert_eq!(
        l.dues("O1"),
        vec![d(2026, 1, 1), d(2026, 1, 25), d(2026, 2, 8), d(2026, 2, 12)]
    );
    let r = l.order("O1").return_state.clone().unwrap();
    assert_eq!(
        (r.confirmed_on, r.refunded_minor),
        (Some(d(2026, 1, 20)), 2_500)
    );
}

#[test]
fn an_unconfirmed_return_pause_ends_only_when_it_has_run_out() {
    let mut l = one_paid();
    l.ok(start_return("O1"), d(2026, 1, 10));
    assert_eq!(
        l.refused(start_return("O1"), d(2026, 1, 11)),
        LedgerError::ReturnAlreadyStarted(d(2026, 1, 10))
    );
    assert_eq!(
        l.refused(open_dispute("O1"), d(2026, 1, 11)),
        LedgerError::AlreadyPaused
    );
    assert_eq!(
        l.refused(resume("O1"), d(2026, 2, 8)),
        LedgerError::PauseNotOver {
            until: d(2026, 2, 9)
        }
    );

    // 30 days of pause: every open installment moves 30 days later.
    l.ok(resume("O1"), d(2026, 2, 9));
    assert_eq!(
        l.dues("O1"),
        vec![
            d(2026, 1, 1),
            d(2026, 2, 14),
            d(2026, 2, 28),
            d(2026, 3, 14)
        ]
    );
    assert_eq!(
        l.refused(resume("O1"), d(2026, 2, 10)),
        LedgerError::NotPaused
    );

    // A late confirmation still refunds, and moves nothing: the plan is no longer paused.
    l.ok(
        Operation::ConfirmReturn {
            order: oid("O1"),
            amount: sek(5_000),
        },
        d(2026, 2, 20),
    );
    assert_eq!(l.principals("O1"), vec![2_500, 2_500, 0, 0]);
    assert_eq!(
        l.dues("O1"),
        vec![
            d(2026, 1, 1),
            d(2026, 2, 14),
            d(2026, 2, 28),
            d(2026, 3, 14)
        ]
    );
}

#[test]
fn a_return_cannot_be_confirmed_before_it_is_started() {
    let mut l = one_paid();
    assert_eq!(
        l.refused(
            Operation::ConfirmReturn {
                order: oid("O1"),
                amount: sek(2_500)
            },
            d(2026, 1, 5)
        ),
        LedgerError::NoReturnStarted
    );
}

#[test]
fn a_dispute_resolved_for_the_customer_refunds_everything_refundable() {
    let mut l = one_paid();
    l.ok(open_dispute("O1"), d(2026, 1, 5));
    assert_eq!(
        l.refused(capture("O1", 2, PaymentMethod::Autopay), d(2026, 1, 15)),
        LedgerError::OrderPaused
    );
    assert_eq!(
        l.refused(resume("O1"), d(2026, 1, 15)),
        LedgerError::OrderPaused
    );
    assert_eq!(
        l.refused(open_dispute("O1"), d(2026, 1, 15)),
        LedgerError::AlreadyPaused
    );

    // The whole 100.00 is refunded: 75.00 still owed is cleared and the 25.00 paid goes back.
    let postings = l.ok(resolve("O1", DisputeOutcome::ForCustomer), d(2026, 1, 20));

    assert_eq!(
        postings,
        vec![
            posting(merchant_payable("M1"), receivable("O1"), 7_500),
            posting(merchant_payable("M1"), customer_payable("C1"), 2_500),
            posting(customer_payable("C1"), Account::Cash, 2_500),
        ]
    );
    let o = l.order("O1");
    assert_eq!((o.status, o.pause.clone()), (OrderStatus::Refunded, None));
    assert_eq!(l.balance(&Account::Cash), 0);
    assert_eq!(l.balance(&merchant_payable("M1")), 0);
    assert_eq!(l.balance(&receivable("O1")), 0);
}

#[test]
fn a_dispute_resolved_for_the_merchant_resumes_the_plan_shifted_by_the_pause() {
    let mut l = one_paid();
    l.ok(open_dispute("O1"), d(2026, 1, 5));

    // Paused 14 days: the open installments move from 15 Jan, 29 Jan, 12 Feb by 14 days.
    let postings = l.ok(resolve("O1", DisputeOutcome::ForMerchant), d(2026, 1, 19));

    assert_eq!(postings, vec![]);
    assert_eq!(
        l.dues("O1"),
        vec![
            d(2026, 1, 1),
            d(2026, 1, 29),
            d(2026, 2, 12),
            d(2026, 2, 26)
        ]
    );
    assert_eq!(l.order("O1").pause, None);
    assert_eq!(l.order("O1").disputes_opened, 1);
    assert_eq!(
        l.refused(resolve("O1", DisputeOutcome::ForMerchant), d(2026, 1, 20)),
        LedgerError::NoOpenDispute
    );
    l.ok(capture("O1", 2, PaymentMethod::Autopay), d(2026, 1, 29));
}
