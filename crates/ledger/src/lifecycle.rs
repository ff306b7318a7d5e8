//! An order's life after checkout: shipping, refunds, returns, disputes, pauses, due-date moves and
//! cancellation.
//!
//! A refund reduces what is still owed, latest installments first, and pays back what the customer had
//! already paid beyond that. A pause (open return or dispute) stops autopay and late fees; when it ends,
//! every open installment moves later by the length of the pause, so the customer loses no time.

use chrono::{Days, NaiveDate};

use crate::apply::{TEXT_CHARS_MAX, check_text, post};
use crate::error::LedgerError;
use crate::ops::{DisputeOutcome, Operation};
use crate::order::{Closure, Order, OrderStatus, Pause, ReturnState};
use crate::payments::{open_installment, require_active};
use crate::policy::Policy;
use crate::posting::{Account, Posting};
use crate::schedule::reprice_interest;

/// The longest carrier name or tracking number (characters).
const SHIPMENT_CHARS_MAX: usize = 64;

pub(crate) fn decide(
    op: &Operation,
    order: &mut Order,
    as_of: NaiveDate,
    policy: &Policy,
    postings: &mut Vec<Posting>,
) -> Result<(), LedgerError> {
    match op {
        Operation::MarkShipped {
            carrier, tracking, ..
        } => {
            require_not_closed(order)?;
            if let Some(on) = order.shipped_on {
                return Err(LedgerError::AlreadyShipped(on));
            }
            for (field, text) in [("carrier", carrier), ("tracking", tracking)] {
                if let Some(text) = text {
                    check_text(field, text, SHIPMENT_CHARS_MAX)?;
                }
            }
            order.shipped_on = Some(as_of);
            order.shipment.carrier.clone_from(carrier);
            order.shipment.tracking.clone_from(tracking);
            Ok(())
        }
        Operation::MarkDelivered { .. } => {
            if order.shipped_on.is_none() {
                return Err(LedgerError::NotShipped);
            }
            if let Some(on) = order.shipment.delivered_on {
                return Err(LedgerError::AlreadyDelivered(on));
            }
            order.shipment.delivered_on = Some(as_of);
            Ok(())
        }
        Operation::Refund { amount, .. } => {
            require_not_closed(order)?;
            check_currency(order, amount.currency)?;
            refund(order, amount.amount_minor, as_of, postings)
        }
        Operation::StartReturn { .. } => start_return(order, as_of, policy),
        Operation::ConfirmReturn { amount, .. } => {
            check_currency(order, amount.currency)?;
            confirm_return(order, amount.amount_minor, as_of, postings)
        }
        Operation::ResumePlan { .. } => match order.pause {
            Some(Pause::Return { until, .. }) if as_of < until => {
                Err(LedgerError::PauseNotOver { until })
            }
            Some(Pause::Return { .. }) => resume(order, as_of),
            Some(Pause::Dispute { .. }) => Err(LedgerError::OrderPaused),
            None => Err(LedgerError::NotPaused),
        },
        Operation::OpenDispute { reason, .. } => {
            require_not_closed(order)?;
            check_text("reason", reason, TEXT_CHARS_MAX)?;
            if order.pause.is_some() {
                return Err(LedgerError::AlreadyPaused);
            }
            order.pause = Some(Pause::Dispute {
                since: as_of,
                reason: reason.clone(),
            });
            order.disputes_opened += 1;
            Ok(())
        }
        Operation::ResolveDispute { outcome, .. } => {
            if !matches!(order.pause, Some(Pause::Dispute { .. })) {
                return Err(LedgerError::NoOpenDispute);
            }
            let refundable = order.refundable_minor();
            if *outcome == DisputeOutcome::ForCustomer && refundable > 0 {
                refund(order, refundable, as_of, postings)?;
            }
            resume(order, as_of)
        }
        Operation::MoveDueDate {
            installment,
            new_due,
            ..
        } => move_due_date(order, *installment, *new_due, as_of, policy),
        Operation::CancelOrder { .. } => cancel(order, as_of, postings),
        other => Err(LedgerError::InvalidField {
            field: "operation".to_owned(),
            reason: format!("{} does not act on an order", other.name()),
        }),
    }
}

/// Refunds, returns and disputes still make sense after a plan is paid off (money goes back), but not
/// after it was cancelled or fully refunded.
fn require_not_closed(order: &Order) -> Result<(), LedgerError> {
    match order.status {
        OrderStatus::Active | OrderStatus::PaidOff => Ok(()),
        other => Err(LedgerError::OrderClosed(other)),
    }
}

fn check_currency(order: &Order, got: crate::money::Currency) -> Result<(), LedgerError> {
    if got == order.currency() {
        Ok(())
    } else {
        Err(LedgerError::WrongCurrency {
            expected: order.currency(),
            got,
        })
    }
}

fn refund(
    order: &mut Order,
    amount_minor: i64,
    as_of: NaiveDate,
    postings: &mut Vec<Posting>,
) -> Result<(), LedgerError> {
    if amount_minor <= 0 {
        return Err(LedgerError::NonPositiveAmount);
    }
    let refundable = order.refundable_minor();
    if amount_minor > refundable {
        return Err(LedgerError::RefundExceedsCaptured {
            refundable_minor: refundable,
        });
    }
    let mut left = amount_minor;
    for inst in order.installments.iter_mut().rev().filter(|i| i.is_open()) {
        let cut = left.min(inst.principal_minor);
        inst.principal_minor -= cut;
        left -= cut;
    }
    let reduced = amount_minor - left;
    let unpaid: Vec<i64> = order
        .open_installments()
        .map(|i| i.principal_minor)
        .collect();
    let interest = reprice_interest(order.plan, &unpaid);
    for (inst, interest) in order
        .installments
        .iter_mut()
        .filter(|i| i.is_open())
        .zip(interest)
    {
        inst.interest_minor = interest;
        if inst.amount_due_minor() == 0 {
            inst.closed = Some((as_of, Closure::Refunded));
        }
    }
    order.refunded_minor += amount_minor;
    order.last_refund_on = Some(as_of);
    order.principal_refunded_minor += reduced;
    order.paid_back_minor += left;
    let merchant = Account::MerchantPayable(order.merchant.clone());
    let customer = Account::CustomerPayable(order.customer.clone());
    post(
        postings,
        merchant.clone(),
        Account::Receivable(order.id.clone()),
        order.money(reduced),
    );
    post(postings, merchant, customer.clone(), order.money(left));
    post(postings, customer, Account::Cash, order.money(left));
    Ok(())
}

fn start_return(order: &mut Order, as_of: NaiveDate, policy: &Policy) -> Result<(), LedgerError> {
    require_not_closed(order)?;
    if let Some(r) = order
        .return_state
        .as_ref()
        .filter(|r| r.confirmed_on.is_none())
    {
        return Err(LedgerError::ReturnAlreadyStarted(r.started_on));
    }
    if order.pause.is_some() {
        return Err(LedgerError::AlreadyPaused);
    }
    let until = as_of
        .checked_add_days(Days::new(u64::from(policy.return_pause_days)))
        .ok_or(LedgerError::DateOutOfRange)?;
    order.pause = Some(Pause::Return {
        since: as_of,
        until,
    });
    order.return_state = Some(ReturnState {
        started_on: as_of,
        confirmed_on: None,
        refunded_minor: 0,
    });
    Ok(())
}

fn confirm_return(
    order: &mut Order,
    amount_minor: i64,
    as_of: NaiveDate,
    postings: &mut Vec<Posting>,
) -> Result<(), LedgerError> {
    require_not_closed(order)?;
    if order
        .return_state
        .as_ref()
        .is_none_or(|r| r.confirmed_on.is_some())
    {
        return Err(LedgerError::NoReturnStarted);
    }
    refund(order, amount_minor, as_of, postings)?;
    if let Some(r) = order.return_state.as_mut() {
        r.confirmed_on = Some(as_of);
        r.refunded_minor = amount_minor;
    }
    if matches!(order.pause, Some(Pause::Return { .. })) {
        resume(order, as_of)?;
    }
    Ok(())
}

/// Ends a pause: open installments move later by the paused days.
fn resume(order: &mut Order, as_of: NaiveDate) -> Result<(), LedgerError> {
    let since = order
        .pause
        .as_ref()
        .map(Pause::since)
        .ok_or(LedgerError::NotPaused)?;
    let days = Days::new(u64::try_from((as_of - since).num_days()).unwrap_or(0));
    for inst in order.installments.iter_mut().filter(|i| i.is_open()) {
        inst.due = inst
            .due
            .checked_add_days(days)
            .ok_or(LedgerError::DateOutOfRange)?;
        inst.original_due = inst
            .original_due
            .checked_add_days(days)
            .ok_or(LedgerError::DateOutOfRange)?;
    }
    order.pause = None;
    Ok(())
}

fn move_due_date(
    order: &mut Order,
    seq: u8,
    new_due: NaiveDate,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<(), LedgerError> {
    require_active(order)?;
    let last = order.last_due().ok_or(LedgerError::NothingOutstanding)?;
    let next_due = order
        .installments
        .iter()
        .find(|i| i.seq > seq)
        .map(|i| i.due);
    let inst = open_installment(order, seq)?;
    if inst.moves >= policy.due_date_moves_per_installment_max {
        return Err(LedgerError::MoveLimitReached(seq));
    }
    if new_due <= inst.due {
        return Err(LedgerError::MoveNotLater { current: inst.due });
    }
    if new_due < as_of {
        return Err(LedgerError::MoveIntoPast);
    }
    let latest = inst
        .original_due
        .checked_add_days(Days::new(u64::from(policy.due_date_move_days_max)))
        .ok_or(LedgerError::DateOutOfRange)?;
    if new_due > latest {
        return Err(LedgerError::MoveTooFar {
            days_max: policy.due_date_move_days_max,
            latest,
        });
    }
    // Past the next installment's date would make installments fall due out of order.
    let limit = next_due.unwrap_or(last).min(last);
    if new_due > limit {
        return Err(LedgerError::MovePastPlanEnd { last: limit });
    }
    inst.due = new_due;
    inst.moves += 1;
    Ok(())
}

fn cancel(
    order: &mut Order,
    as_of: NaiveDate,
    postings: &mut Vec<Posting>,
) -> Result<(), LedgerError> {
    require_active(order)?;
    if order.paid_minor() > 0 {
        return Err(LedgerError::CaptureAlreadyMade);
    }
    if order.installments.iter().any(|i| i.fee_owed_minor() > 0) {
        return Err(LedgerError::FeesOutstanding);
    }
    let principal: i64 = order.open_installments().map(|i| i.principal_minor).sum();
    // The cancelled principal leaves the plan (like refunded principal), so it is counted once.
    for inst in order.installments.iter_mut().filter(|i| i.is_open()) {
        inst.principal_minor = 0;
        inst.interest_minor = 0;
        inst.closed = Some((as_of, Closure::Cancelled));
    }
    order.principal_cancelled_minor += principal;
    order.status = OrderStatus::Cancelled;
    order.pause = None;
    let merchant = Account::MerchantPayable(order.merchant.clone());
    post(
        postings,
        merchant,
        Account::Receivable(order.id.clone()),
        order.money(principal),
    );
    Ok(())
}

/// An active order with nothing open is paid off, or refunded when refunds covered all of it.
pub(crate) fn refresh_status(order: &mut Order) {
    if matches!(order.status, OrderStatus::Active | OrderStatus::PaidOff)
        && order.next_open().is_none()
    {
        order.status = if order.refunded_minor == order.amount.amount_minor {
            OrderStatus::Refunded
        } else {
            OrderStatus::PaidOff
        };
    }
}
