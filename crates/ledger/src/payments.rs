//! Collecting money from the customer: installments, payoff, late fees and their waiver.

use chrono::{Days, NaiveDate};

use crate::apply::post;
use crate::error::LedgerError;
use crate::ops::DeclineReason;
use crate::order::{Closure, Customer, Installment, Order, OrderStatus, PaymentMethod};
use crate::policy::Policy;
use crate::posting::{Account, Posting};

pub(crate) fn require_active(order: &Order) -> Result<(), LedgerError> {
    match order.status {
        OrderStatus::Active => Ok(()),
        other => Err(LedgerError::OrderClosed(other)),
    }
}

/// The open installment `seq`, or why there is none.
pub(crate) fn open_installment(
    order: &mut Order,
    seq: u8,
) -> Result<&mut Installment, LedgerError> {
    let inst = order
        .installments
        .iter_mut()
        .find(|i| i.seq == seq)
        .ok_or(LedgerError::UnknownInstallment(seq))?;
    if inst.is_open() {
        Ok(inst)
    } else {
        Err(LedgerError::InstallmentClosed(seq))
    }
}

pub(crate) fn capture(
    order: &mut Order,
    seq: u8,
    method: PaymentMethod,
    card_valid: bool,
    as_of: NaiveDate,
    postings: &mut Vec<Posting>,
) -> Result<(), LedgerError> {
    require_active(order)?;
    let next = order.next_open().map(|i| i.seq);
    let paused = order.pause.is_some();
    let receivable = Account::Receivable(order.id.clone());
    let currency = order.currency();
    let inst = open_installment(order, seq)?;
    if let Some(next) = next.filter(|n| *n != seq) {
        return Err(LedgerError::InstallmentNotNext {
            requested: seq,
            next,
        });
    }
    if method == PaymentMethod::Autopay {
        if paused {
            return Err(LedgerError::OrderPaused);
        }
        if inst.due > as_of {
            return Err(LedgerError::NotDueYet { seq, due: inst.due });
        }
        if !card_valid {
            return Err(LedgerError::PaymentMethodInvalid);
        }
    }
    let amount = inst.amount_due_minor();
    let interest = inst.interest_minor;
    inst.paid_minor = amount;
    inst.closed = Some((as_of, Closure::Paid(method)));
    let money = |a| crate::money::Money::new(a, currency);
    post(
        postings,
        receivable.clone(),
        Account::InterestIncome,
        money(interest),
    );
    post(postings, Account::Cash, receivable, money(amount));
    Ok(())
}

pub(crate) fn record_failure(
    order: &mut Order,
    seq: u8,
    reason: DeclineReason,
    as_of: NaiveDate,
) -> Result<(), LedgerError> {
    require_active(order)?;
    let inst = open_installment(order, seq)?;
    inst.failed_attempts += 1;
    inst.last_decline = Some((as_of, reason));
    Ok(())
}

pub(crate) fn pay_off(
    order: &mut Order,
    expected_minor: Option<i64>,
    as_of: NaiveDate,
    postings: &mut Vec<Posting>,
) -> Result<(), LedgerError> {
    require_active(order)?;
    let quote = order.payoff_quote(as_of);
    if quote.amount.amount_minor <= 0 {
        return Err(LedgerError::NothingOutstanding);
    }
    if let Some(quoted) = expected_minor.filter(|q| *q != quote.amount.amount_minor) {
        return Err(LedgerError::QuoteChanged {
            quoted_minor: quoted,
            actual_minor: quote.amount.amount_minor,
        });
    }
    let mut interest_left = quote.interest_minor;
    for inst in order.installments.iter_mut().filter(|i| i.is_open()) {
        inst.interest_minor = interest_left;
        interest_left = 0;
        inst.paid_minor = inst.amount_due_minor();
        inst.closed = Some((as_of, Closure::PaidOff));
    }
    let receivable = Account::Receivable(order.id.clone());
    post(
        postings,
        receivable.clone(),
        Account::InterestIncome,
        order.money(quote.interest_minor),
    );
    post(postings, Account::Cash, receivable, quote.amount);
    Ok(())
}

pub(crate) fn assess_late_fee(
    order: &mut Order,
    seq: u8,
    as_of: NaiveDate,
    policy: &Policy,
    postings: &mut Vec<Posting>,
) -> Result<(), LedgerError> {
    require_active(order)?;
    if order.pause.is_some() {
        return Err(LedgerError::OrderPaused);
    }
    if order.late_fees_assessed >= policy.late_fees_per_order_max {
        return Err(LedgerError::LateFeeCapReached {
            max: policy.late_fees_per_order_max,
        });
    }
    let currency = order.currency();
    let receivable = Account::Receivable(order.id.clone());
    let inst = open_installment(order, seq)?;
    let grace_ends = inst
        .due
        .checked_add_days(Days::new(u64::from(policy.grace_days)))
        .ok_or(LedgerError::DateOutOfRange)?;
    if as_of <= grace_ends {
        return Err(LedgerError::NotLate { seq, grace_ends });
    }
    if inst.fee_minor > 0 {
        return Err(LedgerError::LateFeeAlreadyAssessed(seq));
    }
    let fee = policy.late_fee_for(crate::money::Money::new(inst.amount_due_minor(), currency));
    if fee.amount_minor <= 0 {
        return Err(LedgerError::NoLateFeeConfigured);
    }
    inst.fee_minor = fee.amount_minor;
    order.late_fees_assessed += 1;
    post(postings, receivable, Account::FeeIncome, fee);
    Ok(())
}

pub(crate) fn waive_late_fee(
    order: &mut Order,
    customer: &mut Customer,
    seq: u8,
    as_of: NaiveDate,
    policy: &Policy,
    postings: &mut Vec<Posting>,
) -> Result<(), LedgerError> {
    let receivable = Account::Receivable(order.id.clone());
    let currency = order.currency();
    let inst = order
        .installments
        .iter_mut()
        .find(|i| i.seq == seq)
        .ok_or(LedgerError::UnknownInstallment(seq))?;
    // A fee paid with its installment can be waived too: the waiver then pays it back.
    let paid = match inst.closed {
        None => false,
        Some((_, Closure::Paid(_) | Closure::PaidOff)) => true,
        Some(_) => return Err(LedgerError::InstallmentClosed(seq)),
    };
    if inst.fee_minor <= 0 || inst.fee_waived {
        return Err(LedgerError::NoLateFee(seq));
    }
    if customer.late_fee_waivers_used >= policy.late_fee_waivers_per_customer_max {
        return Err(LedgerError::WaiverLimitReached {
            max: policy.late_fee_waivers_per_customer_max,
        });
    }
    inst.fee_waived = true;
    customer.late_fee_waivers_used += 1;
    let fee = crate::money::Money::new(inst.fee_minor, currency);
    if paid {
        inst.paid_minor -= inst.fee_minor;
        order.fees_paid_back_minor += fee.amount_minor;
        let payable = Account::CustomerPayable(order.customer.clone());
        post(postings, Account::FeeIncome, payable.clone(), fee);
        post(postings, payable, Account::Cash, fee);
        return Ok(());
    }
    // A refund may have left only the fee on this installment: once waived, nothing is owed on it.
    if inst.amount_due_minor() == 0 {
        inst.closed = Some((as_of, Closure::Refunded));
    }
    post(postings, Account::FeeIncome, receivable, fee);
    Ok(())
}
