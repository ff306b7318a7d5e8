//! Books kept in memory, with the store's idempotency rules.
//!
//! `MemoryBook` is the executable reference for what the store must do: look up the idempotency key
//! first (same key and same operation → the stored outcome, a refusal included; same key and another
//! operation → [`KeyReused`]), then decide the operation against the current aggregates and post the
//! result. The property tests drive it with random operation sequences, and tools that need a lender
//! without a database (benchmarks, the conversation engine's unit tests) can use it too.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::apply::{Books, apply};
use crate::error::LedgerError;
use crate::ids::{CustomerId, IdempotencyKey, MerchantId, OrderId};
use crate::ops::Operation;
use crate::order::{Customer, Merchant, Order};
use crate::policy::Policy;
use crate::posting::{Account, Balances, Posting, post_all};

/// The stored outcome of an operation: its postings, or why it was refused.
pub type Outcome = Result<Vec<Posting>, LedgerError>;

/// The idempotency key was already used for a different operation.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[error("idempotency key {key} was already used for a different {previous} operation")]
pub struct KeyReused {
    pub key: IdempotencyKey,
    pub previous: String,
}

#[derive(Debug, Default)]
pub struct MemoryBook {
    pub policy: Policy,
    pub customers: HashMap<CustomerId, Customer>,
    pub merchants: HashMap<MerchantId, Merchant>,
    pub orders: HashMap<OrderId, Order>,
    pub balances: Balances,
    keys: HashMap<IdempotencyKey, (Operation, Outcome)>,
}

impl MemoryBook {
    pub fn new(policy: Policy) -> MemoryBook {
        MemoryBook {
            policy,
            ..MemoryBook::default()
        }
    }

    /// Loads what `op` reads: its targets and, for an existing order, the order's customer and merchant.
    pub fn books_for(&self, op: &Operation) -> Books {
        let t = op.targets();
        let order = t.order.as_ref().and_then(|o| self.orders.get(o)).cloned();
        let customer_id = order.as_ref().map(|o| o.customer.clone()).or(t.customer);
        let merchant_id = order.as_ref().map(|o| o.merchant.clone()).or(t.merchant);
        let merchant = merchant_id
            .as_ref()
            .and_then(|m| self.merchants.get(m))
            .cloned();
        let merchant_owed_minor = merchant.as_ref().map_or(0, |m| {
            -self.balance(&Account::MerchantPayable(m.id.clone()), m.currency)
        });
        Books {
            customer: customer_id
                .as_ref()
                .and_then(|c| self.customers.get(c))
                .cloned(),
            merchant,
            order,
            merchant_owed_minor,
            customer_outstanding_minor: match op {
                Operation::CloseAccount { customer } => self
                    .orders
                    .values()
                    .filter(|o| &o.customer == customer)
                    .map(Order::outstanding_minor)
                    .sum(),
                _ => 0,
            },
        }
    }

    /// The debit-positive balance of an account.
    pub fn balance(&self, account: &Account, currency: crate::money::Currency) -> i64 {
        self.balances
            .get(&(account.clone(), currency))
            .copied()
            .unwrap_or(0)
    }

    /// Executes `op` once per key; see the module docs for the replay rules.
    pub fn execute(
        &mut self,
        key: &IdempotencyKey,
        op: &Operation,
        as_of: NaiveDate,
    ) -> Result<Outcome, KeyReused> {
        if let Some((previous, outcome)) = self.keys.get(key) {
            return if previous == op {
                Ok(outcome.clone())
            } else {
                Err(KeyReused {
                    key: key.clone(),
                    previous: previous.name().to_owned(),
                })
            };
        }
        let outcome = apply(op, &self.books_for(op), as_of, &self.policy).map(|effect| {
            if let Some(c) = effect.customer {
                self.customers.insert(c.id.clone(), c);
            }
            if let Some(m) = effect.merchant {
                self.merchants.insert(m.id.clone(), m);
            }
            if let Some(o) = effect.order {
                self.orders.insert(o.id.clone(), o);
            }
            post_all(&mut self.balances, &effect.postings);
            effect.postings
        });
        self.keys.insert(key.clone(), (op.clone(), outcome.clone()));
        Ok(outcome)
    }
}
