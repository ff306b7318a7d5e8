//! How plans end (cancellation, payoff, full refund), settling merchants, idempotency and bad ids: a
//! closed plan refuses what no longer applies, with a typed error, and writes nothing.

use fairdesk_ledger::invariants::check_order;
use fairdesk_ledger::{
    Account, Closure, Currency, DeclineReason, DisputeOutcome, IdempotencyKey, KeyReused,
    LedgerError, Money, Operation, OrderStatus, PaymentMethod, PlanKind, Term,
};

use super::*;

fn cancel(order: &str) -> Operation {
    Operation::CancelOrder { order: oid(order) }
}

#[test]
fn regression_an_order_is_cancelled_in_full_before_any_capture() {
    // Bug: cancelled installments kept their principal, so it was counted twice and every
    // cancellation stopped the process on the invariant check.
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));

    let postings = l.ok(cancel("O1"), d(2026, 1, 1));

    assert_eq!(
        postings,
        vec![posting(merchant_payable("M1"), receivable("O1"), 10_000)]
    );
    let o = l.order("O1");
    assert_eq!(o.status, OrderStatus::Cancelled);
    assert_eq!(o.principal_cancelled_minor, 10_000);
    assert!(
        o.installments
            .iter()
            .all(|i| i.closed == Some((d(2026, 1, 1), Closure::Cancelled)))
    );
    assert_eq!(check_order(o), Vec::<String>::new());
    assert_eq!(l.balance(&receivable("O1")), 0);
    assert_eq!(l.balance(&merchant_payable("M1")), 0);
}

#[test]
fn a_cancellation_after_a_partial_refund_cancels_what_is_left() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(refund("O1", sek(3_000)), d(2026, 1, 1));

    assert_eq!(
        l.ok(cancel("O1"), d(2026, 1, 1)),
        vec![posting(merchant_payable("M1"), receivable("O1"), 7_000)]
    );
    let o = l.order("O1");
    assert_eq!(
        (o.refunded_minor, o.principal_cancelled_minor),
        (3_000, 7_000)
    );
}

#[test]
fn an_order_with_a_capture_cannot_be_cancelled() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(capture("O1", 1, PaymentMethod::Autopay), d(2026, 1, 1));

    assert_eq!(
        l.refused(cancel("O1"), d(2026, 1, 2)),
        LedgerError::CaptureAlreadyMade
    );
}

#[test]
fn an_order_with_an_unpaid_late_fee_cannot_be_cancelled() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn30, d(2026, 1, 1));
    l.ok(late_fee("O1", 1), d(2026, 2, 6));

    assert_eq!(
        l.refused(cancel("O1"), d(2026, 2, 6)),
        LedgerError::FeesOutstanding
    );
    // Once the fee is waived, nothing stands in the way.
    l.ok(waive("O1", 1), d(2026, 2, 6));
    l.ok(cancel("O1"), d(2026, 2, 6));
}

/// Every operation on an order that a cancelled or paid-off plan no longer takes, with the error.
fn closed_order_operations(status: OrderStatus) -> Vec<(Operation, LedgerError)> {
    let closed = LedgerError::OrderClosed(status);
    let o = || oid("O1");
    vec![
        (capture("O1", 2, PaymentMethod::Manual), closed.clone()),
        (capture("O1", 2, PaymentMethod::Autopay), closed.clone()),
        (
            Operation::RecordPaymentFailure {
                order: o(),
                installment: 2,
                reason: DeclineReason::BankDeclined,
            },
            closed.clone(),
        ),
        (pay_off("O1", None), closed.clone()),
        (move_due("O1", 2, d(2026, 1, 20)), closed.clone()),
        (late_fee("O1", 2), closed.clone()),
        (cancel("O1"), closed.clone()),
        // A paid installment's fee could still be waived (and paid back): this one has none.
        (
            waive("O1", 2),
            if status == OrderStatus::PaidOff {
                LedgerError::NoLateFee(2)
            } else {
                LedgerError::InstallmentClosed(2)
            },
        ),
        (Operation::ResumePlan { order: o() }, LedgerError::NotPaused),
        (
            Operation::ResolveDispute {
                order: o(),
                outcome: DisputeOutcome::ForCustomer,
            },
            LedgerError::NoOpenDispute,
        ),
    ]
}

#[test]
fn operations_on_a_cancelled_order_are_refused_and_write_nothing() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(cancel("O1"), d(2026, 1, 2));
    let closed = LedgerError::OrderClosed(OrderStatus::Cancelled);
    let mut cases = closed_order_operations(OrderStatus::Cancelled);
    cases.extend([
        (refund("O1", sek(1_000)), closed.clone()),
        (Operation::StartReturn { order: oid("O1") }, closed.clone()),
        (
            Operation::ConfirmReturn {
                order: oid("O1"),
                amount: sek(1_000),
            },
            closed.clone(),
        ),
        (
            Operation::OpenDispute {
                order: oid("O1"),
                reason: "never arrived".to_owned(),
            },
            closed.clone(),
        ),
        (
            Operation::MarkShipped {
                order: oid("O1"),
                carrier: None,
                tracking: None,
            },
            closed,
        ),
    ]);

    let before = l.snapshot();
    for (op, error) in cases {
        let name = op.name();
        assert_eq!(l.refused(op, d(2026, 1, 20)), error, "{name}");
    }
    assert!(before == l.snapshot());
}

#[test]
fn operations_on_a_paid_off_order_are_refused_and_write_nothing() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(pay_off("O1", Some(10_000)), d(2026, 1, 2));
    assert_eq!(l.order("O1").status, OrderStatus::PaidOff);

    let before = l.snapshot();
    for (op, error) in closed_order_operations(OrderStatus::PaidOff) {
        let name = op.name();
        assert_eq!(l.refused(op, d(2026, 1, 20)), error, "{name}");
    }
    assert!(before == l.snapshot());
}

#[test]
fn settling_pays_the_merchant_what_the_lender_owes() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(refund("O1", sek(3_000)), d(2026, 1, 2));
    let settle = || Operation::SettleMerchant {
        merchant: mid("M1"),
    };

    assert_eq!(
        l.ok(settle(), d(2026, 1, 3)),
        vec![posting(merchant_payable("M1"), Account::Cash, 7_000)]
    );
    assert_eq!(l.balance(&merchant_payable("M1")), 0);
    assert_eq!(l.balance(&Account::Cash), -7_000);
    assert_eq!(
        l.refused(settle(), d(2026, 1, 4)),
        LedgerError::NothingToSettle { balance_minor: 0 }
    );
    // A refund after settlement leaves the merchant owing the lender: nothing to pay out.
    l.ok(refund("O1", sek(1_000)), d(2026, 1, 5));
    assert_eq!(
        l.refused(settle(), d(2026, 1, 6)),
        LedgerError::NothingToSettle {
            balance_minor: -1_000
        }
    );
    assert_eq!(
        l.refused(
            Operation::SettleMerchant {
                merchant: mid("M9")
            },
            d(2026, 1, 6)
        ),
        LedgerError::UnknownMerchant(mid("M9"))
    );
}

#[test]
fn replaying_a_key_returns_the_stored_outcome_and_another_operation_on_it_is_refused() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    let key: IdempotencyKey = "refund-O1-1".parse().unwrap();
    let op = refund("O1", sek(3_000));

    let first = l.book.execute(&key, &op, d(2026, 1, 2)).unwrap();
    let after_first = l.snapshot();
    let again = l.book.execute(&key, &op, d(2026, 1, 9)).unwrap();

    assert_eq!(again, first);
    assert!(
        after_first == l.snapshot(),
        "a replay must not refund twice"
    );
    assert_eq!(l.order("O1").refunded_minor, 3_000);
    assert_eq!(
        l.book
            .execute(&key, &refund("O1", sek(3_001)), d(2026, 1, 9)),
        Err(KeyReused {
            key: key.clone(),
            previous: "refund".to_owned()
        })
    );

    // A refusal is stored too: the same request answers the same, even once it would succeed.
    let early: IdempotencyKey = "capture-O1-2".parse().unwrap();
    let autopay = capture("O1", 1, PaymentMethod::Autopay);
    let c2 = Operation::CaptureInstallment {
        order: oid("O1"),
        installment: 2,
        method: PaymentMethod::Autopay,
    };
    let refused = l.book.execute(&early, &c2, d(2026, 1, 2)).unwrap();
    assert_eq!(
        refused,
        Err(LedgerError::InstallmentNotNext {
            requested: 2,
            next: 1
        })
    );
    l.ok(autopay, d(2026, 1, 2));
    assert_eq!(
        l.book.execute(&early, &c2, d(2026, 1, 20)).unwrap(),
        refused
    );
    assert!(after_first != l.snapshot());
}

#[test]
fn unknown_customers_merchants_and_orders_are_refused() {
    let mut l = Lender::new();
    let on = d(2026, 1, 1);
    let order = |customer: &str, merchant: &str| Operation::CreateOrder {
        order: oid("O1"),
        customer: cid(customer),
        merchant: mid(merchant),
        description: "Sofa".to_owned(),
        amount: sek(10_000),
        plan: PlanKind::PayIn4,
    };

    assert_eq!(
        l.refused(order("C9", "M1"), on),
        LedgerError::UnknownCustomer(cid("C9"))
    );
    assert_eq!(
        l.refused(order("C1", "M9"), on),
        LedgerError::UnknownMerchant(mid("M9"))
    );
    assert_eq!(
        l.refused(
            Operation::UpdatePaymentMethod {
                customer: cid("C9")
            },
            on
        ),
        LedgerError::UnknownCustomer(cid("C9"))
    );
    for op in [
        capture("O404", 1, PaymentMethod::Manual),
        refund("O404", sek(1)),
        pay_off("O404", None),
        late_fee("O404", 1),
    ] {
        assert_eq!(l.refused(op, on), LedgerError::UnknownOrder(oid("O404")));
    }
}

#[test]
fn checkout_refuses_purchases_the_lender_cannot_finance() {
    let mut l = Lender::new();
    let on = d(2026, 1, 1);
    let order = |amount: Money, plan: PlanKind| Operation::CreateOrder {
        order: oid("O1"),
        customer: cid("C1"),
        merchant: mid("M1"),
        description: "Sofa".to_owned(),
        amount,
        plan,
    };
    let invalid = |e: LedgerError| match e {
        LedgerError::InvalidField { field, .. } => field,
        other => panic!("expected InvalidField, got {other:?}"),
    };

    assert_eq!(
        l.refused(
            order(Money::new(10_000, Currency::EUR), PlanKind::PayIn4),
            on
        ),
        LedgerError::WrongCurrency {
            expected: Currency::SEK,
            got: Currency::EUR
        }
    );
    let too_dear = PlanKind::Financing {
        term: Term::M24,
        apr_nominal_bp: 3_001,
    };
    assert_eq!(
        l.refused(order(sek(10_000), too_dear), on),
        LedgerError::AprAboveMax {
            apr_nominal_bp: 3_001,
            max_bp: 3_000
        }
    );
    assert_eq!(
        l.refused(order(sek(0), PlanKind::PayIn4), on),
        LedgerError::NonPositiveAmount
    );
    assert_eq!(
        l.refused(order(sek(-5), PlanKind::PayIn4), on),
        LedgerError::NonPositiveAmount
    );
    assert_eq!(
        l.refused(order(sek(i64::MAX), PlanKind::PayIn4), on),
        LedgerError::AmountTooLarge
    );
    // 0.03 cannot be split in four installments of at least 0.01.
    assert_eq!(
        invalid(l.refused(order(sek(3), PlanKind::PayIn4), on)),
        "amount"
    );
    l.ok(order(sek(4), PlanKind::PayIn4), on);
    assert_eq!(
        l.refused(order(sek(10_000), PlanKind::PayIn4), on),
        LedgerError::OrderExists(oid("O1"))
    );
}

#[test]
fn an_account_closes_only_with_nothing_outstanding_and_then_takes_no_new_purchases() {
    let mut l = Lender::new();
    let on = d(2026, 1, 1);
    let close = || Operation::CloseAccount {
        customer: cid("C1"),
    };
    l.buy("O1", "C1", 10_000, PlanKind::PayIn30, on);
    assert_eq!(
        l.refused(close(), on),
        LedgerError::AccountHasOutstanding {
            outstanding_minor: 10_000
        }
    );
    l.ok(pay_off("O1", Some(10_000)), on);
    assert_eq!(l.ok(close(), on), Vec::new());
    assert!(l.book.customers[&cid("C1")].closed);
    assert_eq!(l.refused(close(), on), LedgerError::AccountClosed);
    let purchase = Operation::CreateOrder {
        order: oid("O2"),
        customer: cid("C1"),
        merchant: mid("M1"),
        description: "Lamp".to_owned(),
        amount: sek(5_000),
        plan: PlanKind::PayIn30,
    };
    assert_eq!(l.refused(purchase, on), LedgerError::AccountClosed);
    assert_eq!(
        l.refused(
            Operation::CloseAccount {
                customer: cid("C9")
            },
            on
        ),
        LedgerError::UnknownCustomer(cid("C9"))
    );
}
