#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Worked examples for every operation of the money core, through `MemoryBook`.
//!
//! Each test follows one customer story with numbers worked out by hand (in the comments), and checks
//! the exact postings, balances and refusals. Every refusal goes through [`Lender::refused`], which also
//! proves that nothing was written: customers, merchants, orders and balances are compared before and
//! after. The random counterpart is `tests/model.rs`.
//!
//! The demo lender: customer C1 (valid card), C2 (expired card), merchant M1 selling in SEK, M2 in EUR,
//! the default `Policy` unless a test sets its own.

#[path = "operations/collect.rs"]
mod collect;
#[path = "operations/dates_and_fees.rs"]
mod dates_and_fees;
#[path = "operations/ending.rs"]
mod ending;
#[path = "operations/pauses.rs"]
mod pauses;
#[path = "operations/refunds.rs"]
mod refunds;

use std::collections::HashMap;

use chrono::NaiveDate;
use fairdesk_ledger::{
    Account, Balances, Currency, Customer, CustomerId, IdempotencyKey, LedgerError, MemoryBook,
    Merchant, MerchantId, Money, Operation, Order, OrderId, Outcome, PaymentMethod, PlanKind,
    Policy, Posting, Term,
};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn sek(amount_minor: i64) -> Money {
    Money::new(amount_minor, Currency::SEK)
}

pub fn oid(id: &str) -> OrderId {
    id.parse().unwrap()
}

pub fn cid(id: &str) -> CustomerId {
    id.parse().unwrap()
}

pub fn mid(id: &str) -> MerchantId {
    id.parse().unwrap()
}

pub fn receivable(order: &str) -> Account {
    Account::Receivable(oid(order))
}

pub fn merchant_payable(merchant: &str) -> Account {
    Account::MerchantPayable(mid(merchant))
}

pub fn customer_payable(customer: &str) -> Account {
    Account::CustomerPayable(cid(customer))
}

pub fn posting(debit: Account, credit: Account, amount_minor: i64) -> Posting {
    Posting {
        debit,
        credit,
        amount: sek(amount_minor),
    }
}

/// 12 000.00 SEK over 12 months at 12 % nominal: the schedule's hand-computed example (1 % a month;
/// payments of 1 066.19, the first with 120.00 interest and 946.19 principal; 794.23 interest in all).
pub const FINANCING_12M_12PCT: PlanKind = PlanKind::Financing {
    term: Term::M12,
    apr_nominal_bp: 1_200,
};

type Snapshot = (
    HashMap<CustomerId, Customer>,
    HashMap<MerchantId, Merchant>,
    HashMap<OrderId, Order>,
    Balances,
);

/// A lender in memory with a fresh idempotency key for every request.
pub struct Lender {
    pub book: MemoryBook,
    keys: u32,
}

impl Default for Lender {
    fn default() -> Self {
        Lender::new()
    }
}

impl Lender {
    pub fn new() -> Lender {
        Lender::with_policy(Policy::default())
    }

    pub fn with_policy(policy: Policy) -> Lender {
        let mut l = Lender {
            book: MemoryBook::new(policy),
            keys: 0,
        };
        let on = d(2025, 12, 1);
        for (customer, card_valid) in [("C1", true), ("C2", false)] {
            l.ok(
                Operation::RegisterCustomer {
                    customer: cid(customer),
                    name: "Anna Svensson".to_owned(),
                    country: "SE".to_owned(),
                    language: "sv".to_owned(),
                    card_valid,
                },
                on,
            );
        }
        for (merchant, currency) in [("M1", Currency::SEK), ("M2", Currency::EUR)] {
            l.ok(
                Operation::RegisterMerchant {
                    merchant: mid(merchant),
                    name: "Möbelhuset".to_owned(),
                    country: "SE".to_owned(),
                    currency,
                },
                on,
            );
        }
        l
    }

    pub fn next_key(&mut self) -> IdempotencyKey {
        self.keys += 1;
        format!("key-{}", self.keys).parse().unwrap()
    }

    pub fn run(&mut self, op: Operation, on: NaiveDate) -> Outcome {
        let key = self.next_key();
        self.book.execute(&key, &op, on).unwrap()
    }

    /// Runs an operation that must be accepted and returns its postings.
    pub fn ok(&mut self, op: Operation, on: NaiveDate) -> Vec<Posting> {
        let name = op.name();
        self.run(op, on)
            .unwrap_or_else(|e| panic!("{name} on {on} was refused: {e:?}"))
    }

    /// Runs an operation that must be refused, proves it wrote nothing, and returns why.
    pub fn refused(&mut self, op: Operation, on: NaiveDate) -> LedgerError {
        let before = self.snapshot();
        let name = op.name();
        let error = match self.run(op, on) {
            Ok(postings) => panic!("{name} on {on} was accepted: {postings:?}"),
            Err(e) => e,
        };
        assert!(
            before == self.snapshot(),
            "the refused {name} changed the books"
        );
        error
    }

    pub fn snapshot(&self) -> Snapshot {
        (
            self.book.customers.clone(),
            self.book.merchants.clone(),
            self.book.orders.clone(),
            self.book.balances.clone(),
        )
    }

    /// A purchase at merchant M1 (SEK).
    pub fn buy(
        &mut self,
        order: &str,
        customer: &str,
        amount_minor: i64,
        plan: PlanKind,
        on: NaiveDate,
    ) {
        let postings = self.ok(
            Operation::CreateOrder {
                order: oid(order),
                customer: cid(customer),
                merchant: mid("M1"),
                description: "Sofa, 3 seats".to_owned(),
                amount: sek(amount_minor),
                plan,
            },
            on,
        );
        assert_eq!(
            postings,
            vec![posting(
                receivable(order),
                merchant_payable("M1"),
                amount_minor
            )]
        );
    }

    pub fn order(&self, order: &str) -> &Order {
        &self.book.orders[&oid(order)]
    }

    /// The debit-positive SEK balance of an account.
    pub fn balance(&self, account: &Account) -> i64 {
        self.book.balance(account, Currency::SEK)
    }

    pub fn principals(&self, order: &str) -> Vec<i64> {
        self.order(order)
            .installments
            .iter()
            .map(|i| i.principal_minor)
            .collect()
    }

    pub fn interests(&self, order: &str) -> Vec<i64> {
        self.order(order)
            .installments
            .iter()
            .map(|i| i.interest_minor)
            .collect()
    }

    pub fn dues(&self, order: &str) -> Vec<NaiveDate> {
        self.order(order)
            .installments
            .iter()
            .map(|i| i.due)
            .collect()
    }

    pub fn open(&self, order: &str) -> Vec<u8> {
        self.order(order)
            .open_installments()
            .map(|i| i.seq)
            .collect()
    }
}

pub fn capture(order: &str, installment: u8, method: PaymentMethod) -> Operation {
    Operation::CaptureInstallment {
        order: oid(order),
        installment,
        method,
    }
}

pub fn refund(order: &str, amount: Money) -> Operation {
    Operation::Refund {
        order: oid(order),
        amount,
    }
}

pub fn pay_off(order: &str, expected_minor: Option<i64>) -> Operation {
    Operation::PayOff {
        order: oid(order),
        expected_minor,
    }
}

pub fn move_due(order: &str, installment: u8, new_due: NaiveDate) -> Operation {
    Operation::MoveDueDate {
        order: oid(order),
        installment,
        new_due,
    }
}

pub fn late_fee(order: &str, installment: u8) -> Operation {
    Operation::AssessLateFee {
        order: oid(order),
        installment,
    }
}

pub fn waive(order: &str, installment: u8) -> Operation {
    Operation::WaiveLateFee {
        order: oid(order),
        installment,
    }
}
