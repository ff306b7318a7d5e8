//! Test support for the flow tests: real orders built through the ledger's `MemoryBook` (so every
//! order a flow sees went through the money core's own rules), and a `FlowCtx` over them with the
//! real templates, help center and default policy.

use std::collections::HashMap;

use chrono::NaiveDate;
pub(crate) use fairdesk_ledger::{
    Currency, Customer, CustomerId, IdempotencyKey, MemoryBook, MerchantId, Money, Operation,
    Order, OrderId, PaymentMethod, PlanKind,
};
use fairdesk_understand::Slots;

pub(crate) use fairdesk_ledger::Term;

use super::{FlowCtx, Out, Step};
use crate::help::HelpCenter;
use crate::policy::AgentPolicy;
use crate::replies::Replies;

pub(crate) const CUSTOMER: &str = "C-1";
/// "Nordic Shoes", selling in SEK.
pub(crate) const SHOES: &str = "M-SHOES";
/// "Berlin Bikes", selling in EUR.
pub(crate) const BIKES: &str = "M-BIKES";

pub(crate) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(crate) fn oid(id: &str) -> OrderId {
    id.parse().unwrap()
}

/// A ledger with one customer and two merchants, and everything a flow context needs.
pub(crate) struct World {
    pub book: MemoryBook,
    pub policy: AgentPolicy,
    pub replies: Replies,
    pub help: HelpCenter,
    pub merchant_names: HashMap<MerchantId, String>,
    pub slots: Slots,
    pub lang: &'static str,
    pub today: NaiveDate,
    pub text: String,
    keys: u32,
}

impl World {
    pub fn new(today: NaiveDate) -> World {
        let policy = AgentPolicy::default();
        let mut w = World {
            book: MemoryBook::new(policy.ledger.clone()),
            policy,
            replies: Replies::load().unwrap(),
            help: HelpCenter::embedded(),
            merchant_names: HashMap::new(),
            slots: Slots::default(),
            lang: "sv",
            today,
            text: String::new(),
            keys: 0,
        };
        w.exec(
            Operation::RegisterCustomer {
                customer: CUSTOMER.parse().unwrap(),
                name: "Astrid".to_owned(),
                country: "SE".to_owned(),
                language: "sv".to_owned(),
                card_valid: true,
            },
            today,
        );
        for (id, name, country, currency) in [
            (SHOES, "Nordic Shoes", "SE", Currency::SEK),
            (BIKES, "Berlin Bikes", "DE", Currency::EUR),
        ] {
            w.exec(
                Operation::RegisterMerchant {
                    merchant: id.parse().unwrap(),
                    name: name.to_owned(),
                    country: country.to_owned(),
                    currency,
                },
                today,
            );
            w.merchant_names
                .insert(id.parse().unwrap(), name.to_owned());
        }
        w
    }

    /// Executes `op` in the ledger on `as_of` and asserts the ledger accepted it.
    pub fn exec(&mut self, op: Operation, as_of: NaiveDate) {
        self.keys += 1;
        let key: IdempotencyKey = format!("test:{}", self.keys).parse().unwrap();
        let outcome = self.book.execute(&key, &op, as_of).unwrap();
        assert!(outcome.is_ok(), "ledger refused {op:?}: {outcome:?}");
    }

    /// Executes `op` and returns whether the ledger accepted it.
    pub fn try_exec(&mut self, op: Operation, as_of: NaiveDate) -> bool {
        self.keys += 1;
        let key: IdempotencyKey = format!("test:{}", self.keys).parse().unwrap();
        self.book.execute(&key, &op, as_of).unwrap().is_ok()
    }

    /// A purchase of `amount_minor` in the merchant's currency, made on `on`.
    pub fn buy(
        &mut self,
        id: &str,
        merchant: &str,
        amount_minor: i64,
        plan: PlanKind,
        on: NaiveDate,
    ) {
        let currency = if merchant == BIKES {
            Currency::EUR
        } else {
            Currency::SEK
        };
        self.exec(
            Operation::CreateOrder {
                order: oid(id),
                customer: CUSTOMER.parse().unwrap(),
                merchant: merchant.parse().unwrap(),
                description: "Sneakers".to_owned(),
                amount: Money::new(amount_minor, currency),
                plan,
            },
            on,
        );
    }

    pub fn capture(&mut self, id: &str, installment: u8, on: NaiveDate) {
        self.exec(
            Operation::CaptureInstallment {
                order: oid(id),
                installment,
                method: PaymentMethod::Manual,
            },
            on,
        );
    }

    pub fn order(&self, id: &str) -> Order {
        self.book.orders.get(&oid(id)).cloned().unwrap()
    }

    pub fn customer(&self) -> Customer {
        let id: CustomerId = CUSTOMER.parse().unwrap();
        self.book.customers.get(&id).cloned().unwrap()
    }

    /// The customer's orders, by id.
    pub fn orders(&self) -> Vec<Order> {
        let mut orders: Vec<Order> = self.book.orders.values().cloned().collect();
        orders.sort_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
        orders
    }

    /// Runs `f` with a flow context over the customer's current orders.
    pub fn with_ctx(&self, f: impl FnOnce(&FlowCtx<'_>) -> Step) -> Step {
        let customer = self.customer();
        let orders = self.orders();
        let ctx = FlowCtx {
            lang: self.lang,
            today: self.today,
            customer: &customer,
            orders: &orders,
            merchant_names: &self.merchant_names,
            slots: &self.slots,
            policy: &self.policy,
            replies: &self.replies,
            help: &self.help,
            text: &self.text,
        };
        f(&ctx)
    }

    /// Runs a one-order flow on order `id`.
    pub fn run(&self, id: &str, flow: fn(&FlowCtx<'_>, &Order) -> Step) -> Step {
        let order = self.order(id);
        self.with_ctx(|ctx| flow(ctx, &order))
    }
}

/// The texts of a `Done` step; any other step fails the test.
pub(crate) fn done_texts(step: &Step) -> Vec<String> {
    match step {
        Step::Done(outs) => outs.iter().map(|o: &Out| o.text.clone()).collect(),
        other => unreachable!("expected Step::Done, got {other:?}"),
    }
}

/// One `Done` message's text.
pub(crate) fn done_text(step: &Step) -> String {
    let texts = done_texts(step);
    assert_eq!(texts.len(), 1, "{texts:?}");
    texts.concat()
}
