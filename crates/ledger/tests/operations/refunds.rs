//! Refunds: latest installments first, money paid back beyond what is owed, and what is refused.

use fairdesk_ledger::{
    Account, Closure, Currency, LedgerError, Money, OrderStatus, PaymentMethod, PayoffQuote,
    PlanKind,
};

use super::*;

#[test]
fn a_partial_refund_reduces_the_latest_installments_first() {
    // 100.00 in 4 × 25.00, the first paid. A 30.00 refund takes 25.00 off the 4th and 5.00 off the 3rd.
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(capture("O1", 1, PaymentMethod::Autopay), d(2026, 1, 1));

    let postings = l.ok(refund("O1", sek(3_000)), d(2026, 1, 5));

    assert_eq!(
        postings,
        vec![posting(merchant_payable("M1"), receivable("O1"), 3_000)]
    );
    assert_eq!(l.principals("O1"), vec![2_500, 2_500, 2_000, 0]);
    assert_eq!(
        l.order("O1").installments[3].closed,
        Some((d(2026, 1, 5), Closure::Refunded))
    );
    assert_eq!(l.open("O1"), vec![2, 3]);
    assert_eq!(l.balance(&receivable("O1")), 4_500);
    assert_eq!(l.balance(&merchant_payable("M1")), -7_000);
    assert_eq!(l.balance(&Account::Cash), 2_500);
    assert_eq!(l.order("O1").refundable_minor(), 7_000);
    assert_eq!(l.order("O1").status, OrderStatus::Active);
}

#[test]
fn a_refund_beyond_what_is_still_owed_pays_the_difference_back() {
    // Paid 50.00, owes 50.00; an 80.00 refund clears the 50.00 owed and pays 30.00 back.
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(capture("O1", 1, PaymentMethod::Manual), d(2026, 1, 1));
    l.ok(capture("O1", 2, PaymentMethod::Manual), d(2026, 1, 1));

    let postings = l.ok(refund("O1", sek(8_000)), d(2026, 1, 5));

    assert_eq!(
        postings,
        vec![
            posting(merchant_payable("M1"), receivable("O1"), 5_000),
            posting(merchant_payable("M1"), customer_payable("C1"), 3_000),
            posting(customer_payable("C1"), Account::Cash, 3_000),
        ]
    );
    assert_eq!(l.balance(&Account::Cash), 2_000);
    assert_eq!(l.balance(&customer_payable("C1")), 0);
    assert_eq!(l.balance(&merchant_payable("M1")), -2_000);
    assert_eq!(l.balance(&receivable("O1")), 0);
    let o = l.order("O1");
    assert_eq!((o.refunded_minor, o.paid_back_minor), (8_000, 3_000));
    assert_eq!(o.status, OrderStatus::PaidOff);
}

#[test]
fn a_refund_above_what_was_bought_is_refused() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(capture("O1", 1, PaymentMethod::Autopay), d(2026, 1, 1));
    l.ok(refund("O1", sek(3_000)), d(2026, 1, 5));

    assert_eq!(
        l.refused(refund("O1", sek(7_001)), d(2026, 1, 6)),
        LedgerError::RefundExceedsCaptured {
            refundable_minor: 7_000
        }
    );
    l.ok(refund("O1", sek(7_000)), d(2026, 1, 6));
    assert_eq!(l.order("O1").status, OrderStatus::Refunded);
    assert_eq!(l.balance(&Account::Cash), 0);
    assert_eq!(
        l.refused(refund("O1", sek(1)), d(2026, 1, 7)),
        LedgerError::OrderClosed(OrderStatus::Refunded)
    );
}

#[test]
fn zero_and_negative_refunds_are_refused() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));

    for amount in [0, -1, -10_000, i64::MIN] {
        assert_eq!(
            l.refused(refund("O1", sek(amount)), d(2026, 1, 2)),
            LedgerError::NonPositiveAmount
        );
    }
    assert_eq!(
        l.refused(refund("O1", sek(i64::MAX)), d(2026, 1, 2)),
        LedgerError::RefundExceedsCaptured {
            refundable_minor: 10_000
        }
    );
}

#[test]
fn a_refund_in_another_currency_is_refused() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));

    assert_eq!(
        l.refused(
            refund("O1", Money::new(1_000, Currency::EUR)),
            d(2026, 1, 2)
        ),
        LedgerError::WrongCurrency {
            expected: Currency::SEK,
            got: Currency::EUR
        }
    );
}

#[test]
fn a_refund_of_financing_reprices_the_interest_of_what_is_left() {
    // Principals of the 12 000.00 plan: 946.19, 955.65, 965.21, … A 10 000.00 refund empties the last
    // nine installments and leaves 98.16 of the third. Each remaining installment then carries 1 % of
    // what is still owed before it: 2 000.00 → 20.00, 1 053.81 → 10.54, 98.16 → 0.98.
    let mut l = Lender::new();
    l.buy("O3", "C1", 1_200_000, FINANCING_12M_12PCT, d(2026, 1, 31));

    l.ok(refund("O3", sek(1_000_000)), d(2026, 2, 1));

    let mut principals = vec![94_619, 95_565, 9_816];
    principals.resize(12, 0);
    assert_eq!(l.principals("O3"), principals);
    let mut interests = vec![2_000, 1_054, 98];
    interests.resize(12, 0);
    assert_eq!(l.interests("O3"), interests);
    assert_eq!(l.open("O3"), vec![1, 2, 3]);
    assert_eq!(l.balance(&receivable("O3")), 200_000);
    assert_eq!(
        l.order("O3").outstanding_minor(),
        200_000 + 2_000 + 1_054 + 98
    );
}

#[test]
fn regression_payoff_interest_after_a_refund_closed_the_last_installments_accrues_from_the_purchase()
 {
    // Bug: the accrual period started at the latest due date of any closed installment, which after
    // the refund above was the (refunded) 12th, so a payoff mid-period charged no interest at all.
    // On 14 Feb, 14 of the 28 days since purchase are gone: half of 1 % of 2 000.00 = 10.00.
    let mut l = Lender::new();
    l.buy("O3", "C1", 1_200_000, FINANCING_12M_12PCT, d(2026, 1, 31));
    l.ok(refund("O3", sek(1_000_000)), d(2026, 2, 1));

    assert_eq!(
        l.order("O3").payoff_quote(d(2026, 2, 14)),
        PayoffQuote {
            amount: sek(201_000),
            interest_minor: 1_000,
            interest_saved_minor: 2_152
        }
    );
    l.ok(pay_off("O3", Some(201_000)), d(2026, 2, 14));
    assert_eq!(l.balance(&Account::InterestIncome), -1_000);
}

#[test]
fn a_refund_after_payoff_is_paid_back_in_full() {
    let mut l = Lender::new();
    l.buy("O1", "C1", 10_000, PlanKind::PayIn4, d(2026, 1, 1));
    l.ok(pay_off("O1", Some(10_000)), d(2026, 1, 2));

    let postings = l.ok(refund("O1", sek(4_000)), d(2026, 1, 9));

    assert_eq!(
        postings,
        vec![
            posting(merchant_payable("M1"), customer_payable("C1"), 4_000),
            posting(customer_payable("C1"), Account::Cash, 4_000),
        ]
    );
    assert_eq!(l.order("O1").status, OrderStatus::PaidOff);
    l.ok(refund("O1", sek(6_000)), d(2026, 1, 10));
    assert_eq!(l.order("O1").status, OrderStatus::Refunded);
    assert_eq!(l.balance(&Account::Cash), 0);
    assert_eq!(l.balance(&merchant_payable("M1")), 0);
}
