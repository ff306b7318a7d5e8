//! Moving a due date within policy, late fees after the grace period, and the one waiver per customer.

use fairdesk_ledger::{
    Account, Closure, Currency, LedgerError, Money, Operation, OrderStatus, PaymentMethod,
    PlanKind, Policy,
};

use super::*;

#[test]
fn a_due_date_moves_once_and_at_most_fourteen_days() {
    // Financing bought 31 Jan: the first installment is due 28 Feb, the second 31 Mar.
    let mut l = Lender::new();
    l.buy("O3", "C1", 1_200_000, FINANCING_12M_12PCT, d(2026, 1, 31));
    let on = d(2026, 2, 20);

    assert_eq!(
        l.refused(move_due("O3", 1, d(2026, 3, 15)), on),
        LedgerError::MoveTooFar {
            days_max: 14,
            latest: d(2026, 3, 14)
        }
    );
    assert_eq!(l.ok(move_due("O3", 1, d(2026, 3, 14)), on), vec![]);
    let first = &l.order("O3").installments[0];
    assert_eq!(
        (first.due, first.original_due, first.moves),
        (d(2026, 3, 14), d(2026, 2, 28), 1)
    );
    assert_eq!(
        l.refused(move_due("O3", 1, d(2026, 3, 14)), on),
        LedgerError::MoveLimitReached(1)
    );
    // Another installment has its own move.
    l.ok(move_due("O3", 2, d(2026, 4, 10)), on);
}

#[test]
fn a_due_date_never_moves_past_the_next_installment_or_the_plan_end() {
    let mut l = Lender::with_policy(Policy {
        due_date_move_days_max: 30,
        ..Policy::default()
    });
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    let on = d(2026, 1, 2);

    assert_eq!(
        l.refused(move_due("O1", 2, d(2026, 1, 30)), on),
        LedgerError::MovePastPlanEnd {
            last: d(2026, 1, 29)
        }
    );
    l.ok(move_due("O1", 2, d(2026, 1, 29)), on);
    // The last installment is the plan's last date: it cannot move at all.
    assert_eq!(
        l.refused(move_due("O1", 4, d(2026, 2, 13)), on),
        LedgerError::MovePastPlanEnd {
            last: d(2026, 2, 12)
        }
    );
    l.buy("O2", "C1", 10_000, PlanKind::PayIn30, d(2026, 1, 1));
    assert_eq!(
        l.refused(move_due("O2", 1, d(2026, 2, 1)), on),
        LedgerError::MovePastPlanEnd {
            last: d(2026, 1, 31)
        }
    );
}

#[test]
fn a_due_date_moves_only_later_and_never_into_the_past() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));

    assert_eq!(
        l.refused(move_due("O1", 2, d(2026, 1, 15)), d(2026, 1, 2)),
        LedgerError::MoveNotLater {
            current: d(2026, 1, 15)
        }
    );
    assert_eq!(
        l.refused(move_due("O1", 2, d(2026, 1, 10)), d(2026, 1, 2)),
        LedgerError::MoveNotLater {
            current: d(2026, 1, 15)
        }
    );
    // Overdue on 20 Jan: a new date must be today or later.
    assert_eq!(
        l.refused(move_due("O1", 2, d(2026, 1, 19)), d(2026, 1, 20)),
        LedgerError::MoveIntoPast
    );
    l.ok(move_due("O1", 2, d(2026, 1, 20)), d(2026, 1, 20));
    assert_eq!(
        l.refused(move_due("O1", 9, d(2026, 1, 20)), d(2026, 1, 20)),
        LedgerError::UnknownInstallment(9)
    );
}

#[test]
fn custom_policy_values_for_due_date_moves_are_honoured() {
    let policy = Policy {
        due_date_move_days_max: 3,
        due_date_moves_per_installment_max: 2,
        ..Policy::default()
    };
    let mut l = Lender::with_policy(policy);
    l.buy("O3", "C1", 1_200_000, FINANCING_12M_12PCT, d(2026, 1, 31));
    let on = d(2026, 2, 20);

    l.ok(move_due("O3", 1, d(2026, 3, 2)), on);
    // Three days are measured from the original 28 Feb, not from the moved date.
    assert_eq!(
        l.refused(move_due("O3", 1, d(2026, 3, 4)), on),
        LedgerError::MoveTooFar {
            days_max: 3,
            latest: d(2026, 3, 3)
        }
    );
    l.ok(move_due("O3", 1, d(2026, 3, 3)), on);
    assert_eq!(
        l.refused(move_due("O3", 1, d(2026, 3, 3)), on),
        LedgerError::MoveLimitReached(1)
    );
}

#[test]
fn a_late_fee_is_charged_only_after_the_grace_period_and_capped_by_the_installment() {
    // Installment 2 (25.00) is due 15 Jan; 5 days of grace end on 20 Jan. The SEK fee of 35.00 is
    // capped at 25 % of the installment: 6.25.
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(capture("O1", 1, PaymentMethod::Autopay), d(2026, 1, 1));

    assert_eq!(
        l.refused(late_fee("O1", 2), d(2026, 1, 20)),
        LedgerError::NotLate {
            seq: 2,
            grace_ends: d(2026, 1, 20)
        }
    );
    let postings = l.ok(late_fee("O1", 2), d(2026, 1, 21));

    assert_eq!(
        postings,
        vec![posting(receivable("O1"), Account::FeeIncome, 625)]
    );
    assert_eq!(l.order("O1").installments[1].fee_minor, 625);
    assert_eq!(l.balance(&receivable("O1")), 7_500 + 625);
    assert_eq!(l.balance(&Account::FeeIncome), -625);
    let paid = l.ok(capture("O1", 2, PaymentMethod::Manual), d(2026, 1, 21));
    assert_eq!(paid, vec![posting(Account::Cash, receivable("O1"), 3_125)]);
}

#[test]
fn late_fees_are_capped_per_order_and_charged_once_per_installment() {
    // 10 000.00 in 4: a quarter of 2 500.00 is far above 35.00, so each fee is the full 35.00.
    let mut l = Lender::new();
    l.buy("O1", "C1", 1_000_000, PlanKind::PayIn4, d(2026, 1, 1));
    let on = d(2026, 3, 1);

    l.ok(late_fee("O1", 1), on);
    assert_eq!(
        l.refused(late_fee("O1", 1), on),
        LedgerError::LateFeeAlreadyAssessed(1)
    );
    l.ok(late_fee("O1", 2), on);
    assert_eq!(
        l.refused(late_fee("O1", 3), on),
        LedgerError::LateFeeCapReached { max: 2 }
    );
    assert_eq!(l.balance(&Account::FeeIncome), -7_000);
    assert_eq!(l.order("O1").late_fees_assessed, 2);
}

#[test]
fn no_late_fee_is_charged_while_the_plan_is_paused() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(
        Operation::OpenDispute {
            order: oid("O1"),
            reason: "broken on arrival".to_owned(),
        },
        d(2026, 1, 2),
    );

    assert_eq!(
        l.refused(late_fee("O1", 1), d(2026, 1, 20)),
        LedgerError::OrderPaused
    );
}

#[test]
fn custom_late_fee_policy_values_are_honoured() {
    // No grace, a 10.00 fee capped at 10 % of the installment (2.50 of 25.00), one fee per order, and
    // no fee at all in EUR.
    let policy = Policy {
        grace_days: 0,
        late_fee_minor: vec![(Currency::SEK, 1_000)],
        late_fee_share_of_installment_max_bp: 1_000,
        late_fees_per_order_max: 1,
        ..Policy::default()
    };
    let mut l = Lender::with_policy(policy);
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));

    assert_eq!(
        l.refused(late_fee("O1", 1), d(2026, 1, 1)),
        LedgerError::NotLate {
            seq: 1,
            grace_ends: d(2026, 1, 1)
        }
    );
    assert_eq!(
        l.ok(late_fee("O1", 1), d(2026, 1, 2)),
        vec![posting(receivable("O1"), Account::FeeIncome, 250)]
    );
    assert_eq!(
        l.refused(late_fee("O1", 2), d(2026, 1, 16)),
        LedgerError::LateFeeCapReached { max: 1 }
    );

    l.ok(
        Operation::CreateOrder {
            order: oid("O9"),
            customer: cid("C1"),
            merchant: mid("M2"),
            description: "Lamp".to_owned(),
            amount: Money::new(10_000, Currency::EUR),
            plan: PlanKind::PayIn30,
        },
        d(2026, 1, 1),
    );
    assert_eq!(
        l.refused(late_fee("O9", 1), d(2026, 2, 1)),
        LedgerError::NoLateFeeConfigured
    );
}

#[test]
fn the_first_late_fee_waiver_is_granted_and_a_second_refused_across_orders() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.buy("O2", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(late_fee("O1", 1), d(2026, 1, 7));
    l.ok(late_fee("O2", 1), d(2026, 1, 7));
    assert_eq!(
        l.refused(waive("O1", 2), d(2026, 1, 8)),
        LedgerError::NoLateFee(2)
    );

    let postings = l.ok(waive("O1", 1), d(2026, 1, 8));

    assert_eq!(
        postings,
        vec![posting(Account::FeeIncome, receivable("O1"), 625)]
    );
    assert!(l.order("O1").installments[0].fee_waived);
    assert_eq!(l.book.customers[&cid("C1")].late_fee_waivers_used, 1);
    assert_eq!(l.balance(&receivable("O1")), 10_000);
    assert_eq!(
        l.refused(waive("O1", 1), d(2026, 1, 8)),
        LedgerError::NoLateFee(1)
    );
    assert_eq!(
        l.refused(waive("O2", 1), d(2026, 1, 8)),
        LedgerError::WaiverLimitReached { max: 1 }
    );
    assert_eq!(l.balance(&Account::FeeIncome), -625);
}

#[test]
fn waiving_a_fee_paid_with_its_installment_pays_the_fee_back() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(late_fee("O1", 1), d(2026, 1, 7));
    l.ok(capture("O1", 1, PaymentMethod::Autopay), d(2026, 1, 8));
    assert_eq!(l.order("O1").installments[0].paid_minor, 2_500 + 625);

    let postings = l.ok(waive("O1", 1), d(2026, 1, 9));

    assert_eq!(
        postings,
        vec![
            posting(Account::FeeIncome, customer_payable("C1"), 625),
            posting(customer_payable("C1"), Account::Cash, 625),
        ]
    );
    let o = l.order("O1");
    assert!(o.installments[0].fee_waived);
    assert_eq!(o.installments[0].paid_minor, 2_500);
    assert_eq!(o.fees_paid_back_minor, 625);
    assert_eq!(l.balance(&Account::FeeIncome), 0);
    assert_eq!(l.balance(&receivable("O1")), 7_500);
    assert_eq!(
        l.refused(waive("O1", 1), d(2026, 1, 9)),
        LedgerError::NoLateFee(1)
    );
}

#[test]
fn a_fee_on_a_refunded_installment_cannot_be_waived_once_it_is_closed() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(capture("O1", 1, PaymentMethod::Autopay), d(2026, 1, 1));
    l.ok(late_fee("O1", 2), d(2026, 1, 21));
    l.ok(refund("O1", sek(7_500)), d(2026, 1, 22));
    assert_eq!(
        l.refused(waive("O1", 3), d(2026, 1, 23)),
        LedgerError::InstallmentClosed(3)
    );
}

#[test]
fn regression_waiving_the_fee_left_on_a_refunded_installment_closes_it() {
    // Bug: after a full refund the first installment owed only its late fee; waiving the fee left an
    // open installment with nothing due and the invariant check stopped the process.
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(late_fee("O1", 1), d(2026, 1, 7));
    l.ok(refund("O1", sek(10_000)), d(2026, 1, 8));
    assert_eq!(l.open("O1"), vec![1]);
    assert_eq!(l.order("O1").outstanding_minor(), 625);

    l.ok(waive("O1", 1), d(2026, 1, 9));

    let o = l.order("O1");
    assert_eq!(
        o.installments[0].closed,
        Some((d(2026, 1, 9), Closure::Refunded))
    );
    assert_eq!(o.status, OrderStatus::Refunded);
    assert_eq!(l.balance(&receivable("O1")), 0);
}
