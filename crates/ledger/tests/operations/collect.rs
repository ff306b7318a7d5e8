//! Collecting installments (autopay and manual) and paying a plan off early.

use fairdesk_ledger::{
    Account, Closure, DeclineReason, LedgerError, Operation, OrderStatus, PaymentMethod,
    PayoffQuote, PlanKind,
};

use super::*;

#[test]
fn autopay_collects_a_due_installment_against_the_receivable() {
    // 100.03 SEK in 4: 25.03 today (the rounding remainder goes first), then 25.00 every two weeks.
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_003, PlanKind::PayIn4, d(2026, 1, 1));
    assert_eq!(l.principals("O1"), vec![2_503, 2_500, 2_500, 2_500]);
    assert_eq!(
        l.dues("O1"),
        vec![
            d(2026, 1, 1),
            d(2026, 1, 15),
            d(2026, 1, 29),
            d(2026, 2, 12)
        ]
    );

    let postings = l.ok(capture("O1", 1, PaymentMethod::Autopay), d(2026, 1, 1));

    assert_eq!(
        postings,
        vec![posting(Account::Cash, receivable("O1"), 2_503)]
    );
    assert_eq!(l.balance(&receivable("O1")), 7_500);
    assert_eq!(l.balance(&Account::Cash), 2_503);
    let first = &l.order("O1").installments[0];
    assert_eq!(
        first.closed,
        Some((d(2026, 1, 1), Closure::Paid(PaymentMethod::Autopay)))
    );
    assert_eq!(first.paid_minor, 2_503);
}

#[test]
fn autopay_waits_for_the_due_date_but_a_manual_payment_may_pay_early() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(capture("O1", 1, PaymentMethod::Autopay), d(2026, 1, 1));

    assert_eq!(
        l.refused(capture("O1", 2, PaymentMethod::Autopay), d(2026, 1, 14)),
        LedgerError::NotDueYet {
            seq: 2,
            due: d(2026, 1, 15)
        }
    );
    let postings = l.ok(capture("O1", 2, PaymentMethod::Manual), d(2026, 1, 14));
    assert_eq!(
        postings,
        vec![posting(Account::Cash, receivable("O1"), 2_500)]
    );
    assert_eq!(
        l.order("O1").installments[1].closed,
        Some((d(2026, 1, 14), Closure::Paid(PaymentMethod::Manual)))
    );
    // On the due date itself autopay collects.
    l.ok(capture("O1", 3, PaymentMethod::Autopay), d(2026, 1, 29));
    assert_eq!(l.balance(&receivable("O1")), 2_500);
}

#[test]
fn autopay_is_refused_while_the_plan_is_paused_but_a_manual_payment_is_taken() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(capture("O1", 1, PaymentMethod::Autopay), d(2026, 1, 1));
    l.ok(Operation::StartReturn { order: oid("O1") }, d(2026, 1, 10));

    assert_eq!(
        l.refused(capture("O1", 2, PaymentMethod::Autopay), d(2026, 1, 15)),
        LedgerError::OrderPaused
    );
    let postings = l.ok(capture("O1", 2, PaymentMethod::Manual), d(2026, 1, 15));
    assert_eq!(
        postings,
        vec![posting(Account::Cash, receivable("O1"), 2_500)]
    );
}

#[test]
fn autopay_needs_a_valid_card_until_the_customer_updates_it() {
    let mut l = Lender::new();
    l.buy("O2", "C2", 10_000, PlanKind::PayIn4, d(2026, 1, 1));

    assert_eq!(
        l.refused(capture("O2", 1, PaymentMethod::Autopay), d(2026, 1, 1)),
        LedgerError::PaymentMethodInvalid
    );
    l.ok(
        Operation::UpdatePaymentMethod {
            customer: cid("C2"),
        },
        d(2026, 1, 2),
    );
    assert!(l.book.customers[&cid("C2")].card_valid);
    l.ok(capture("O2", 1, PaymentMethod::Autopay), d(2026, 1, 2));
    assert_eq!(l.balance(&receivable("O2")), 7_500);
    // The card expires again: autopay stops until the next update.
    l.ok(
        Operation::ExpireCard {
            customer: cid("C2"),
        },
        d(2026, 1, 3),
    );
    assert!(!l.book.customers[&cid("C2")].card_valid);
}

#[test]
fn installments_are_collected_in_order_and_only_once() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    let on = d(2026, 1, 20);

    assert_eq!(
        l.refused(capture("O1", 2, PaymentMethod::Manual), on),
        LedgerError::InstallmentNotNext {
            requested: 2,
            next: 1
        }
    );
    assert_eq!(
        l.refused(capture("O1", 0, PaymentMethod::Manual), on),
        LedgerError::UnknownInstallment(0)
    );
    assert_eq!(
        l.refused(capture("O1", 5, PaymentMethod::Manual), on),
        LedgerError::UnknownInstallment(5)
    );
    l.ok(capture("O1", 1, PaymentMethod::Manual), on);
    assert_eq!(
        l.refused(capture("O1", 1, PaymentMethod::Manual), on),
        LedgerError::InstallmentClosed(1)
    );
}

#[test]
fn a_financing_installment_books_its_interest_as_income() {
    // 1 % of 12 000.00 is 120.00 interest; the payment of 1 066.19 repays 946.19 of principal.
    let mut l = Lender::new();
    l.buy("O3", "C1", 1_200_000, FINANCING_12M_12PCT, d(2026, 1, 31));
    assert_eq!(l.order("O3").installments[0].due, d(2026, 2, 28));

    let postings = l.ok(capture("O3", 1, PaymentMethod::Autopay), d(2026, 2, 28));

    assert_eq!(
        postings,
        vec![
            posting(receivable("O3"), Account::InterestIncome, 12_000),
            posting(Account::Cash, receivable("O3"), 106_619),
        ]
    );
    assert_eq!(l.balance(&receivable("O3")), 1_200_000 - 94_619);
    assert_eq!(l.balance(&Account::InterestIncome), -12_000);
    assert_eq!(l.balance(&Account::Cash), 106_619);
    assert_eq!(l.order("O3").installments[0].paid_minor, 106_619);
}

#[test]
fn a_payment_failure_is_counted_without_moving_money() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    let op = Operation::RecordPaymentFailure {
        order: oid("O1"),
        installment: 1,
        reason: DeclineReason::BankDeclined,
    };

    assert_eq!(l.ok(op.clone(), d(2026, 1, 1)), vec![]);
    assert_eq!(l.ok(op.clone(), d(2026, 1, 2)), vec![]);
    assert_eq!(l.order("O1").installments[0].failed_attempts, 2);
    l.ok(capture("O1", 1, PaymentMethod::Manual), d(2026, 1, 3));
    assert_eq!(
        l.refused(op, d(2026, 1, 4)),
        LedgerError::InstallmentClosed(1)
    );
}

#[test]
fn paying_off_financing_early_charges_interest_only_for_the_days_elapsed() {
    // The first period runs 31 Jan → 28 Feb (28 days). On 14 Feb, 14 days are gone: half of the month's
    // 120.00 interest, 60.00, is due; the other 794.23 − 60.00 = 734.23 of scheduled interest is saved.
    let mut l = Lender::new();
    l.buy("O3", "C1", 1_200_000, FINANCING_12M_12PCT, d(2026, 1, 31));
    let on = d(2026, 2, 14);
    let quote = l.order("O3").payoff_quote(on);
    assert_eq!(
        quote,
        PayoffQuote {
            amount: sek(1_206_000),
            interest_minor: 6_000,
            interest_saved_minor: 73_423
        }
    );

    let postings = l.ok(pay_off("O3", Some(1_206_000)), on);

    assert_eq!(
        postings,
        vec![
            posting(receivable("O3"), Account::InterestIncome, 6_000),
            posting(Account::Cash, receivable("O3"), 1_206_000),
        ]
    );
    let o = l.order("O3");
    assert_eq!(o.status, OrderStatus::PaidOff);
    assert_eq!(o.paid_minor(), 1_206_000);
    assert!(
        o.installments
            .iter()
            .all(|i| i.closed == Some((on, Closure::PaidOff)))
    );
    assert_eq!(l.balance(&receivable("O3")), 0);
}

#[test]
fn a_payoff_after_an_installment_accrues_from_that_installment_s_due_date() {
    // After the first payment 11 053.81 of principal is left; a month's interest on it rounds to 110.54.
    // The second period runs 28 Feb → 31 Mar (31 days); on 15 Mar 15 days are gone:
    // 110.54 × 15 / 31 = 53.487… → 53.49. Quote: 11 053.81 + 53.49 = 11 107.30.
    // Interest saved: (794.23 − 120.00) − 53.49 = 620.74.
    let mut l = Lender::new();
    l.buy("O3", "C1", 1_200_000, FINANCING_12M_12PCT, d(2026, 1, 31));
    l.ok(capture("O3", 1, PaymentMethod::Autopay), d(2026, 2, 28));
    let on = d(2026, 3, 15);
    assert_eq!(
        l.order("O3").payoff_quote(on),
        PayoffQuote {
            amount: sek(1_110_730),
            interest_minor: 5_349,
            interest_saved_minor: 62_074
        }
    );

    l.ok(pay_off("O3", None), on);

    assert_eq!(l.balance(&Account::Cash), 106_619 + 1_110_730);
    assert_eq!(l.balance(&Account::InterestIncome), -(12_000 + 5_349));
    assert_eq!(l.order("O3").status, OrderStatus::PaidOff);
}

#[test]
fn a_payoff_bound_to_a_stale_quote_is_refused_with_the_current_amount() {
    // Quoted on 14 Feb (12 060.00); paid on 21 Feb, 21 of 28 days are gone: 90.00 interest.
    let mut l = Lender::new();
    l.buy("O3", "C1", 1_200_000, FINANCING_12M_12PCT, d(2026, 1, 31));

    assert_eq!(
        l.refused(pay_off("O3", Some(1_206_000)), d(2026, 2, 21)),
        LedgerError::QuoteChanged {
            quoted_minor: 1_206_000,
            actual_minor: 1_209_000
        }
    );
    l.ok(pay_off("O3", Some(1_209_000)), d(2026, 2, 21));
}

#[test]
fn paying_off_an_interest_free_plan_costs_what_is_left() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(capture("O1", 1, PaymentMethod::Autopay), d(2026, 1, 1));

    let postings = l.ok(pay_off("O1", Some(7_500)), d(2026, 1, 5));

    assert_eq!(
        postings,
        vec![posting(Account::Cash, receivable("O1"), 7_500)]
    );
    assert_eq!(l.order("O1").status, OrderStatus::PaidOff);
    assert_eq!(l.balance(&Account::Cash), 10_000);
}
