//! Builds a scenario's lender in a fresh store through the real ledger operations, so a fixture can
//! only describe a state the money core can actually reach.

use chrono::NaiveDate;
use fairdesk_ledger::{
    Currency, DeclineReason, DisputeOutcome, Money, Operation, OrderId, PaymentMethod, PlanKind,
    Term,
};
use fairdesk_store::{Contact, Store};

use crate::EvalError;
use crate::scenario::{Event, OrderFixture, Scenario};

struct Builder<'a> {
    store: &'a Store,
    n: u32,
}

impl Builder<'_> {
    async fn exec(&mut self, op: Operation, on: NaiveDate, what: &str) -> Result<(), EvalError> {
        self.n += 1;
        let key = format!("fixture-{}", self.n)
            .parse()
            .map_err(|e| EvalError::Fixture(format!("{e}")))?;
        self.store
            .execute(&key, &op, on)
            .await
            .map(|_| ())
            .map_err(|e| EvalError::Fixture(format!("{what}: {e}")))
    }
}

pub async fn build(store: &Store, s: &Scenario) -> Result<(), EvalError> {
    let mut b = Builder { store, n: 0 };
    let opening = s.today - chrono::Days::new(400);
    let c = &s.customer;
    let register = |id: &str, name: &str, card_valid: bool| -> Result<Operation, EvalError> {
        Ok(Operation::RegisterCustomer {
            customer: id.parse().map_err(|e| EvalError::Fixture(format!("{e}")))?,
            name: name.to_owned(),
            country: c.country.clone(),
            language: c.language.clone(),
            card_valid,
        })
    };
    // The card works through the history; `card_valid = false` says it has expired by now,
    // after the last event of the history (see below).
    b.exec(register(&c.id, &c.name, true)?, opening, "customer")
        .await?;
    if c.email.is_some() || c.phone.is_some() {
        let id =
            c.id.parse()
                .map_err(|e| EvalError::Fixture(format!("{e}")))?;
        let contact = Contact {
            email: c.email.clone(),
            phone: c.phone.clone(),
        };
        let at = opening.and_time(chrono::NaiveTime::MIN).and_utc();
        store
            .set_contact(&id, &contact, at)
            .await
            .map_err(|e| EvalError::Fixture(format!("contact details: {e}")))?;
    }
    for m in &s.merchants {
        let op = Operation::RegisterMerchant {
            merchant: m
                .id
                .parse()
                .map_err(|e| EvalError::Fixture(format!("{e}")))?,
            name: m.name.clone(),
            country: m.country.clone(),
            currency: m
                .currency
                .parse()
                .map_err(|e| EvalError::Fixture(format!("{e}")))?,
        };
        b.exec(op, opening, "merchant").await?;
    }
    for o in &s.orders {
        order(&mut b, s, &c.id, o).await?;
    }
    if !c.card_valid {
        let expired = s
            .orders
            .iter()
            .flat_map(|o| o.history.iter().map(|e| e.on).chain([o.purchased]))
            .max()
            .unwrap_or(opening);
        let op = Operation::ExpireCard {
            customer: c
                .id
                .parse()
                .map_err(|e| EvalError::Fixture(format!("{e}")))?,
        };
        b.exec(op, expired, "expired card").await?;
    }
    for other in &s.others {
        b.exec(
            register(&other.id, &other.name, true)?,
            opening,
            "other customer",
        )
        .await?;
        for o in &other.orders {
            order(&mut b, s, &other.id, o).await?;
        }
    }
    Ok(())
}

fn currency_of(s: &Scenario, merchant: &str) -> Result<Currency, EvalError> {
    let m = s
        .merchants
        .iter()
        .find(|m| m.id == merchant)
        .ok_or_else(|| EvalError::Fixture(format!("unknown merchant {merchant}")))?;
    m.currency
        .parse()
        .map_err(|e| EvalError::Fixture(format!("{e}")))
}

fn money(text: &str, currency: Currency) -> Result<Money, EvalError> {
    Money::parse(text, currency).map_err(|e| EvalError::Fixture(e.to_string()))
}

fn plan(o: &OrderFixture) -> Result<PlanKind, EvalError> {
    Ok(match o.plan.as_str() {
        "pay_in_4" => PlanKind::PayIn4,
        "pay_in_30" => PlanKind::PayIn30,
        "financing" => {
            let term = Term::from_months(o.months).ok_or_else(|| {
                EvalError::Fixture(format!("order {}: months must be 6, 12, 24 or 36", o.id))
            })?;
            let apr = money(&o.apr, Currency::EUR)?;
            let apr_nominal_bp =
                u32::try_from(apr.amount_minor).map_err(|e| EvalError::Fixture(format!("{e}")))?;
            PlanKind::Financing {
                term,
                apr_nominal_bp,
            }
        }
        other => {
            return Err(EvalError::Fixture(format!(
                "order {}: unknown plan {other}",
                o.id
            )));
        }
    })
}

async fn order(
    b: &mut Builder<'_>,
    s: &Scenario,
    customer: &str,
    o: &OrderFixture,
) -> Result<(), EvalError> {
    let currency = currency_of(s, &o.merchant)?;
    let id: OrderId =
        o.id.parse()
            .map_err(|e| EvalError::Fixture(format!("{e}")))?;
    let op = Operation::CreateOrder {
        order: id.clone(),
        customer: customer
            .parse()
            .map_err(|e| EvalError::Fixture(format!("{e}")))?,
        merchant: o
            .merchant
            .parse()
            .map_err(|e| EvalError::Fixture(format!("{e}")))?,
        description: o.item.clone(),
        amount: money(&o.amount, currency)?,
        plan: plan(o)?,
    };
    b.exec(op, o.purchased, &format!("order {}", o.id)).await?;
    for e in &o.history {
        let op = event(&id, e, currency, s.customer.card_valid)?;
        b.exec(op, e.on, &format!("order {} {} on {}", o.id, e.op, e.on))
            .await?;
    }
    Ok(())
}

fn event(
    order: &OrderId,
    e: &Event,
    currency: Currency,
    card_valid: bool,
) -> Result<Operation, EvalError> {
    let order = order.clone();
    let installment = e.installment;
    Ok(match e.op.as_str() {
        "capture" => Operation::CaptureInstallment {
            order,
            installment,
            method: PaymentMethod::Autopay,
        },
        "pay" => Operation::CaptureInstallment {
            order,
            installment,
            method: PaymentMethod::Manual,
        },
        "fail" => Operation::RecordPaymentFailure {
            order,
            installment,
            reason: decline_reason(e.reason.as_deref(), card_valid)?,
        },
        "late_fee" => Operation::AssessLateFee { order, installment },
        "waive" => Operation::WaiveLateFee { order, installment },
        "refund" => Operation::Refund {
            order,
            amount: money(&e.amount, currency)?,
        },
        "start_return" => Operation::StartReturn { order },
        "confirm_return" => Operation::ConfirmReturn {
            order,
            amount: money(&e.amount, currency)?,
        },
        "dispute" => Operation::OpenDispute {
            order,
            reason: "Reported".to_owned(),
        },
        "resolve_for_customer" => Operation::ResolveDispute {
            order,
            outcome: DisputeOutcome::ForCustomer,
        },
        "resolve_for_merchant" => Operation::ResolveDispute {
            order,
            outcome: DisputeOutcome::ForMerchant,
        },
        "move" => Operation::MoveDueDate {
            order,
            installment,
            new_due: e
                .to
                .ok_or_else(|| EvalError::Fixture("move needs `to`".to_owned()))?,
        },
        "pay_off" => Operation::PayOff {
            order,
            expected_minor: None,
        },
        "cancel" => Operation::CancelOrder { order },
        "ship" => Operation::MarkShipped {
            order,
            carrier: e.carrier.clone(),
            tracking: e.tracking.clone(),
        },
        "deliver" => Operation::MarkDelivered { order },
        other => return Err(EvalError::Fixture(format!("unknown history op {other}"))),
    })
}

/// A `fail` event's reason: as written, else an expired card when the customer's card is invalid.
fn decline_reason(reason: Option<&str>, card_valid: bool) -> Result<DeclineReason, EvalError> {
    Ok(match reason {
        Some("card_expired") => DeclineReason::CardExpired,
        Some("insufficient_funds") => DeclineReason::InsufficientFunds,
        Some("card_blocked") => DeclineReason::CardBlocked,
        Some("bank_declined") => DeclineReason::BankDeclined,
        Some(other) => {
            return Err(EvalError::Fixture(format!(
                "unknown decline reason {other} (card_expired, insufficient_funds, card_blocked, bank_declined)"
            )));
        }
        None if card_valid => DeclineReason::BankDeclined,
        None => DeclineReason::CardExpired,
    })
}
