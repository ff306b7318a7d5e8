//! The ledger's invariants, asserted on every accepted operation and recomputable from storage.
//!
//! These are `assert!`s, always on (TigerStyle): if the money core ever computes an effect that breaks
//! one, the process stops before the effect can be written. `check_order` is also used by the audit,
//! which returns violations instead of stopping.

use crate::apply::{Books, Effect};
use crate::order::{Order, OrderStatus};
use crate::posting::{Account, assert_balanced, net_change};

/// Asserts that an effect is balanced and agrees with the state change it describes.
pub fn assert_effect(before: &Books, effect: &Effect) {
    assert_balanced(&effect.postings);
    let customer_payable_net: i64 = effect
        .postings
        .iter()
        .filter_map(|p| match (&p.debit, &p.credit) {
            (Account::CustomerPayable(_), _) => Some(p.amount.amount_minor),
            (_, Account::CustomerPayable(_)) => Some(-p.amount.amount_minor),
            _ => None,
        })
        .sum();
    assert!(
        customer_payable_net == 0,
        "overpayments must be paid back in the same operation"
    );
    match &effect.order {
        Some(order) => {
            let receivable = Account::Receivable(order.id.clone());
            let before_minor = before.order.as_ref().map_or(0, Order::receivable_minor);
            let moved = -net_change(&effect.postings, &receivable);
            assert!(
                before_minor - moved == order.receivable_minor(),
                "postings ({moved}) disagree with the receivable of order {} ({before_minor} -> {})",
                order.id,
                order.receivable_minor()
            );
            assert!(
                effect
                    .postings
                    .iter()
                    .all(|p| p.amount.currency == order.currency()),
                "postings in another currency than order {}",
                order.id
            );
            let violations = check_order(order);
            assert!(
                violations.is_empty(),
                "order {} breaks invariants: {violations:?}",
                order.id
            );
        }
        None => assert!(
            effect.postings.iter().all(|p| !matches!(
                (&p.debit, &p.credit),
                (Account::Receivable(_), _) | (_, Account::Receivable(_))
            )),
            "an operation without an order moved a receivable"
        ),
    }
}

/// Every violated invariant of one order, in words; empty when the order is sound.
pub fn check_order(order: &Order) -> Vec<String> {
    let mut v = Vec::new();
    let amount = order.amount.amount_minor;
    let principal: i64 = order.installments.iter().map(|i| i.principal_minor).sum();
    let removed = order.principal_refunded_minor + order.principal_cancelled_minor;
    if principal + removed != amount {
        v.push(format!(
            "principal {principal} + removed {removed} != amount {amount}"
        ));
    }
    if order.refunded_minor != order.principal_refunded_minor + order.paid_back_minor {
        v.push("refunds != reduced principal + paid back".to_owned());
    }
    if order.refunded_minor + order.principal_cancelled_minor > amount {
        v.push(format!(
            "refunds {} exceed the purchase {amount}",
            order.refunded_minor
        ));
    }
    for i in &order.installments {
        if i.principal_minor < 0 || i.interest_minor < 0 || i.fee_minor < 0 || i.paid_minor < 0 {
            v.push(format!("installment {} has a negative amount", i.seq));
        }
        if i.is_open() && i.amount_due_minor() == 0 && order.status == OrderStatus::Active {
            v.push(format!("installment {} is open with nothing due", i.seq));
        }
    }
    if order.outstanding_minor() < 0 || order.receivable_minor() < 0 {
        v.push("negative outstanding".to_owned());
    }
    let open = order.next_open().is_some();
    let status_ok = match order.status {
        OrderStatus::Active => open,
        OrderStatus::PaidOff | OrderStatus::Refunded | OrderStatus::Cancelled => !open,
    };
    if !status_ok {
        v.push(format!(
            "status {:?} disagrees with open installments",
            order.status
        ));
    }
    v
}
