//! Money actions: what the bot may propose, and their execution once the customer said yes.
//!
//! An action names an order of the authenticated customer and the exact parameters the customer saw
//! (amounts included). Execution re-reads the order, checks it belongs to the customer (another
//! customer's order does not exist to them), checks the amount is still what was confirmed, and
//! runs the ledger operation with the confirmation's id as idempotency key — a repeated "yes" can
//! never pay twice.

use chrono::NaiveDate;
use fairdesk_ledger::{IdempotencyKey, LedgerError, Operation, Order, OrderId, PaymentMethod};
use fairdesk_store::{Store, StoreError};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::AuthenticatedCustomer;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    PayNow {
        order: OrderId,
        installment: u8,
        amount_minor: i64,
    },
    PayOff {
        order: OrderId,
        amount_minor: i64,
    },
    MoveDueDate {
        order: OrderId,
        installment: u8,
        new_due: NaiveDate,
        /// The new date is the latest policy allows (so "ok, the latest you can" confirms it).
        #[serde(default)]
        latest: bool,
    },
    WaiveLateFee {
        order: OrderId,
        installment: u8,
        fee_minor: i64,
    },
    Cancel {
        order: OrderId,
    },
    StartReturn {
        order: OrderId,
    },
    OpenDispute {
        order: OrderId,
    },
    /// Close the customer's account; the books refuse it while anything is outstanding.
    CloseAccount,
}

impl Action {
    /// The order the action is on; none for an action on the account.
    pub fn order(&self) -> Option<&OrderId> {
        Some(match self {
            Action::PayNow { order, .. }
            | Action::PayOff { order, .. }
            | Action::MoveDueDate { order, .. }
            | Action::WaiveLateFee { order, .. }
            | Action::Cancel { order }
            | Action::StartReturn { order }
            | Action::OpenDispute { order } => order,
            Action::CloseAccount => return None,
        })
    }
}

#[derive(Debug, Error)]
pub enum ActionError {
    /// The order does not exist or is not the customer's: the same answer for both.
    #[error("no such order")]
    NotFound,
    /// What the customer confirmed no longer matches the books; a new confirmation is needed.
    #[error("the amount changed since you confirmed it")]
    Changed,
    #[error(transparent)]
    Refused(LedgerError),
    #[error(transparent)]
    Store(StoreError),
}

/// Executes a confirmed action for `who` on `today`, idempotently under `key`.
pub async fn execute(
    store: &Store,
    who: &AuthenticatedCustomer,
    action: &Action,
    key: &IdempotencyKey,
    today: NaiveDate,
) -> Result<(), ActionError> {
    let op = match action.order() {
        None => Operation::CloseAccount {
            customer: who.id().clone(),
        },
        Some(id) => {
            let order = store
                .order(id)
                .await
                .map_err(ActionError::Store)?
                .filter(|o| &o.customer == who.id())
                .ok_or(ActionError::NotFound)?;
            order_operation(action, &order)?
        }
    };
    let result = store.execute(key, &op, today).await;
    // Every money action, the bot's and the agents', is in the audit log with its key.
    tracing::info!(
        target: "audit", event = "money_action", customer = %who.id(), order = action.order().map_or("-", OrderId::as_str),
        action = op.name(), idempotency_key = %key,
        outcome = if result.is_ok() { "done" } else { "refused" }
    );
    match result {
        Ok(_) => Ok(()),
        Err(StoreError::Rejected(LedgerError::QuoteChanged { .. })) => Err(ActionError::Changed),
        Err(StoreError::Rejected(e)) => Err(ActionError::Refused(e)),
        Err(e) => Err(ActionError::Store(e)),
    }
}

/// The ledger operation for an action on `order` (already checked to be the customer's), or why the
/// confirmation no longer holds.
fn order_operation(action: &Action, order: &Order) -> Result<Operation, ActionError> {
    Ok(match action {
        Action::PayNow {
            order: id,
            installment,
            amount_minor,
        } => {
            let due = order
                .installment(*installment)
                .map(|i| i.amount_due_minor());
            if due != Some(*amount_minor) {
                return Err(ActionError::Changed);
            }
            Operation::CaptureInstallment {
                order: id.clone(),
                installment: *installment,
                method: PaymentMethod::Manual,
            }
        }
        Action::PayOff {
            order: id,
            amount_minor,
        } => Operation::PayOff {
            order: id.clone(),
            expected_minor: Some(*amount_minor),
        },
        Action::MoveDueDate {
            order: id,
            installment,
            new_due,
            ..
        } => Operation::MoveDueDate {
            order: id.clone(),
            installment: *installment,
            new_due: *new_due,
        },
        Action::WaiveLateFee {
            order: id,
            installment,
            fee_minor,
        } => {
            if order.installment(*installment).map(|i| i.fee_owed_minor()) != Some(*fee_minor) {
                return Err(ActionError::Changed);
            }
            Operation::WaiveLateFee {
                order: id.clone(),
                installment: *installment,
            }
        }
        Action::Cancel { order: id } => Operation::CancelOrder { order: id.clone() },
        Action::StartReturn { order: id } => Operation::StartReturn { order: id.clone() },
        Action::OpenDispute { order: id } => Operation::OpenDispute {
            order: id.clone(),
            reason: "Reported by the customer in chat".to_owned(),
        },
        Action::CloseAccount => Operation::CloseAccount {
            customer: order.customer.clone(),
        },
    })
}
