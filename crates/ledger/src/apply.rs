//! Deciding an operation: from the current books and the operation to the new state and postings.
//!
//! `apply` is a pure function of (operation, books, date, policy). It either refuses with a typed error
//! and changes nothing, or returns the new versions of what changed and the balanced postings between
//! them. The invariants are checked on every result, always, before anyone can write it.

use chrono::NaiveDate;

use crate::error::LedgerError;
use crate::ids::OrderId;
use crate::invariants;
use crate::money::{AMOUNT_MINOR_MAX, Money};
use crate::ops::Operation;
use crate::order::{Customer, Merchant, Order, OrderStatus, Shipment};
use crate::policy::Policy;
use crate::posting::{Account, Posting};
use crate::schedule::{self, PlanKind};
use crate::{lifecycle, payments};

/// The state an operation reads: the aggregates it targets (if they exist) and, for settlement, what
/// the lender owes the merchant according to the postings.
#[derive(Clone, Debug, Default)]
pub struct Books {
    pub customer: Option<Customer>,
    pub merchant: Option<Merchant>,
    pub order: Option<Order>,
    pub merchant_owed_minor: i64,
    /// For closing an account: what is still outstanding on all of the customer's orders (minor
    /// units, summed over currencies; only whether it is zero matters).
    pub customer_outstanding_minor: i64,
}

/// What an accepted operation changes: new versions (`Some`) of the aggregates and the postings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Effect {
    pub customer: Option<Customer>,
    pub merchant: Option<Merchant>,
    pub order: Option<Order>,
    pub postings: Vec<Posting>,
}

/// Text limits for free-text fields, so stored rows stay small.
pub const NAME_CHARS_MAX: usize = 200;
pub const TEXT_CHARS_MAX: usize = 500;

/// Decides `op` against `books` on `as_of`. Panics only if the result would break a ledger invariant,
/// which is a bug in this crate: a broken ledger must never be written.
pub fn apply(
    op: &Operation,
    books: &Books,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<Effect, LedgerError> {
    let effect = decide(op, books, as_of, policy)?;
    invariants::assert_effect(books, &effect);
    Ok(effect)
}

fn decide(
    op: &Operation,
    books: &Books,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<Effect, LedgerError> {
    match op {
        Operation::RegisterCustomer {
            customer,
            name,
            country,
            language,
            card_valid,
        } => {
            if books.customer.is_some() {
                return Err(LedgerError::CustomerExists(customer.clone()));
            }
            check_text("name", name, NAME_CHARS_MAX)?;
            check_code("country", country, 2, |b| b.is_ascii_uppercase())?;
            check_code("language", language, 2, |b| b.is_ascii_lowercase())?;
            let c = Customer {
                id: customer.clone(),
                name: name.clone(),
                country: country.clone(),
                language: language.clone(),
                card_valid: *card_valid,
                late_fee_waivers_used: 0,
                closed: false,
            };
            Ok(Effect {
                customer: Some(c),
                ..Effect::default()
            })
        }
        Operation::RegisterMerchant {
            merchant,
            name,
            country,
            currency,
        } => {
            if books.merchant.is_some() {
                return Err(LedgerError::MerchantExists(merchant.clone()));
            }
            check_text("name", name, NAME_CHARS_MAX)?;
            check_code("country", country, 2, |b| b.is_ascii_uppercase())?;
            let m = Merchant {
                id: merchant.clone(),
                name: name.clone(),
                country: country.clone(),
                currency: *currency,
            };
            Ok(Effect {
                merchant: Some(m),
                ..Effect::default()
            })
        }
        Operation::UpdatePaymentMethod { customer } | Operation::ExpireCard { customer } => {
            let mut c = books
                .customer
                .clone()
                .ok_or_else(|| LedgerError::UnknownCustomer(customer.clone()))?;
            c.card_valid = matches!(op, Operation::UpdatePaymentMethod { .. });
            Ok(Effect {
                customer: Some(c),
                ..Effect::default()
            })
        }
        Operation::CloseAccount { customer } => {
            let mut c = books
                .customer
                .clone()
                .ok_or_else(|| LedgerError::UnknownCustomer(customer.clone()))?;
            if c.closed {
                return Err(LedgerError::AccountClosed);
            }
            if books.customer_outstanding_minor > 0 {
                return Err(LedgerError::AccountHasOutstanding {
                    outstanding_minor: books.customer_outstanding_minor,
                });
            }
            c.closed = true;
            Ok(Effect {
                customer: Some(c),
                ..Effect::default()
            })
        }
        Operation::CreateOrder {
            order,
            customer,
            merchant,
            description,
            amount,
            plan,
        } => {
            if books.order.is_some() {
                return Err(LedgerError::OrderExists(order.clone()));
            }
            let c = books
                .customer
                .as_ref()
                .ok_or_else(|| LedgerError::UnknownCustomer(customer.clone()))?;
            if c.closed {
                return Err(LedgerError::AccountClosed);
            }
            let m = books
                .merchant
                .as_ref()
                .ok_or_else(|| LedgerError::UnknownMerchant(merchant.clone()))?;
            let purchase = Purchase {
                order,
                description,
                amount: *amount,
                plan: *plan,
            };
            create_order(c, m, &purchase, as_of, policy)
        }
        Operation::SettleMerchant { merchant } => {
            let m = books
                .merchant
                .as_ref()
                .ok_or_else(|| LedgerError::UnknownMerchant(merchant.clone()))?;
            if books.merchant_owed_minor <= 0 {
                return Err(LedgerError::NothingToSettle {
                    balance_minor: books.merchant_owed_minor,
                });
            }
            let postings = vec![Posting {
                debit: Account::MerchantPayable(m.id.clone()),
                credit: Account::Cash,
                amount: Money::new(books.merchant_owed_minor, m.currency),
            }];
            Ok(Effect {
                postings,
                ..Effect::default()
            })
        }
        other => match (&books.order, other.targets().order) {
            (Some(order), _) => decide_on_order(other, books, order.clone(), as_of, policy),
            (None, Some(id)) => Err(LedgerError::UnknownOrder(id)),
            (None, None) => Err(LedgerError::InvalidField {
                field: "order".to_owned(),
                reason: "the operation names no order".to_owned(),
            }),
        },
    }
}

fn decide_on_order(
    op: &Operation,
    books: &Books,
    mut order: Order,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<Effect, LedgerError> {
    let mut postings = Vec::new();
    let mut customer = None;
    match op {
        Operation::CaptureInstallment {
            installment,
            method,
            ..
        } => {
            let card_valid = books.customer.as_ref().is_some_and(|c| c.card_valid);
            payments::capture(
                &mut order,
                *installment,
                *method,
                card_valid,
                as_of,
                &mut postings,
            )?;
        }
        Operation::RecordPaymentFailure {
            installment,
            reason,
            ..
        } => {
            payments::record_failure(&mut order, *installment, *reason, as_of)?;
        }
        Operation::PayOff { expected_minor, .. } => {
            payments::pay_off(&mut order, *expected_minor, as_of, &mut postings)?;
        }
        Operation::AssessLateFee { installment, .. } => {
            payments::assess_late_fee(&mut order, *installment, as_of, policy, &mut postings)?;
        }
        Operation::WaiveLateFee { installment, .. } => {
            let mut c = books
                .customer
                .clone()
                .ok_or_else(|| LedgerError::UnknownCustomer(order.customer.clone()))?;
            payments::waive_late_fee(
                &mut order,
                &mut c,
                *installment,
                as_of,
                policy,
                &mut postings,
            )?;
            customer = Some(c);
        }
        _ => lifecycle::decide(op, &mut order, as_of, policy, &mut postings)?,
    }
    lifecycle::refresh_status(&mut order);
    Ok(Effect {
        order: Some(order),
        customer,
        postings,
        ..Effect::default()
    })
}

/// The fields of a `CreateOrder` request.
struct Purchase<'a> {
    order: &'a OrderId,
    description: &'a str,
    amount: Money,
    plan: PlanKind,
}

fn create_order(
    customer: &Customer,
    merchant: &Merchant,
    purchase: &Purchase<'_>,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<Effect, LedgerError> {
    let Purchase {
        order,
        description,
        amount,
        plan,
    } = *purchase;
    if amount.amount_minor <= 0 {
        return Err(LedgerError::NonPositiveAmount);
    }
    if amount.amount_minor > AMOUNT_MINOR_MAX {
        return Err(LedgerError::AmountTooLarge);
    }
    if amount.currency != merchant.currency {
        return Err(LedgerError::WrongCurrency {
            expected: merchant.currency,
            got: amount.currency,
        });
    }
    if let PlanKind::Financing { apr_nominal_bp, .. } = plan
        && apr_nominal_bp > policy.apr_nominal_bp_max
    {
        return Err(LedgerError::AprAboveMax {
            apr_nominal_bp,
            max_bp: policy.apr_nominal_bp_max,
        });
    }
    check_text("description", description, TEXT_CHARS_MAX)?;
    let installments = schedule::schedule(plan, amount, as_of)?
        .into_iter()
        .zip(1u8..)
        .map(|(s, seq)| crate::order::Installment {
            seq,
            due: s.due,
            original_due: s.due,
            principal_minor: s.principal_minor,
            interest_minor: s.interest_minor,
            fee_minor: 0,
            fee_waived: false,
            moves: 0,
            failed_attempts: 0,
            last_decline: None,
            closed: None,
            paid_minor: 0,
        })
        .collect::<Vec<_>>();
    if installments.iter().any(|i| i.amount_due_minor() == 0) {
        return Err(LedgerError::InvalidField {
            field: "amount".to_owned(),
            reason: format!(
                "too small to split into {} installments",
                installments.len()
            ),
        });
    }
    let new = Order {
        id: order.clone(),
        customer: customer.id.clone(),
        merchant: merchant.id.clone(),
        description: description.to_owned(),
        amount,
        plan,
        purchased_on: as_of,
        shipped_on: None,
        shipment: Shipment::default(),
        last_refund_on: None,
        installments,
        status: OrderStatus::Active,
        pause: None,
        return_state: None,
        disputes_opened: 0,
        refunded_minor: 0,
        principal_refunded_minor: 0,
        principal_cancelled_minor: 0,
        paid_back_minor: 0,
        fees_paid_back_minor: 0,
        late_fees_assessed: 0,
    };
    let postings = vec![Posting {
        debit: Account::Receivable(order.clone()),
        credit: Account::MerchantPayable(merchant.id.clone()),
        amount,
    }];
    Ok(Effect {
        order: Some(new),
        postings,
        ..Effect::default()
    })
}

pub(crate) fn check_text(field: &str, value: &str, chars_max: usize) -> Result<(), LedgerError> {
    let n = value.chars().count();
    if n == 0 || n > chars_max || value.chars().any(char::is_control) {
        return Err(LedgerError::InvalidField {
            field: field.to_owned(),
            reason: format!("1 to {chars_max} printable characters"),
        });
    }
    Ok(())
}

fn check_code(
    field: &str,
    value: &str,
    len: usize,
    ok: fn(&u8) -> bool,
) -> Result<(), LedgerError> {
    if value.len() != len || !value.bytes().all(|b| ok(&b)) {
        return Err(LedgerError::InvalidField {
            field: field.to_owned(),
            reason: format!("a {len}-letter ISO code"),
        });
    }
    Ok(())
}

/// Appends a posting unless the amount is zero (zero postings carry no information).
pub(crate) fn post(postings: &mut Vec<Posting>, debit: Account, credit: Account, amount: Money) {
    if amount.amount_minor != 0 {
        postings.push(Posting {
            debit,
            credit,
            amount,
        });
    }
}
