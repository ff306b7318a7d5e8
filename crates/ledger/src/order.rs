//! The lender's aggregates: customers, merchants and orders with their installments.
//!
//! An order's state is everything the money core needs to decide the next operation on it; the store
//! keeps each version (append-only) and the postings that moved between versions. Queries used by the
//! conversation engine (what is owed, the payoff quote, APR) live here so figures are always computed
//! from this state, never typed by a model.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::{CustomerId, MerchantId, OrderId};
use crate::money::{Currency, Money};
use crate::ops::DeclineReason;
use crate::schedule::{self, PlanKind, monthly_interest_minor};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub id: CustomerId,
    pub name: String,
    /// ISO 3166-1 alpha-2, e.g. `SE`.
    pub country: String,
    /// ISO 639-1, e.g. `sv`.
    pub language: String,
    /// Whether autopay can charge the customer's card (false: expired or declined).
    pub card_valid: bool,
    pub late_fee_waivers_used: u32,
    /// The customer closed the account (with nothing outstanding): no new purchases.
    #[serde(default)]
    pub closed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merchant {
    pub id: MerchantId,
    pub name: String,
    pub country: String,
    pub currency: Currency,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// Installments remain.
    Active,
    /// Everything owed was paid (or refunded in part and the rest paid).
    PaidOff,
    /// Refunded in full.
    Refunded,
    /// Cancelled before any capture.
    Cancelled,
}

/// How a payment was collected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    Autopay,
    Manual,
}

/// Why an installment stopped being owed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Closure {
    Paid(PaymentMethod),
    PaidOff,
    Refunded,
    Cancelled,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Installment {
    /// 1-based position in the plan.
    pub seq: u8,
    pub due: NaiveDate,
    /// The due date before any customer move (pauses shift both).
    pub original_due: NaiveDate,
    pub principal_minor: i64,
    pub interest_minor: i64,
    pub fee_minor: i64,
    pub fee_waived: bool,
    pub moves: u32,
    pub failed_attempts: u32,
    /// The latest declined autopay attempt: when, and why.
    #[serde(default)]
    pub last_decline: Option<(NaiveDate, DeclineReason)>,
    pub closed: Option<(NaiveDate, Closure)>,
    /// What the customer paid for this installment (principal, interest and fee).
    pub paid_minor: i64,
}

impl Installment {
    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }

    pub fn fee_owed_minor(&self) -> i64 {
        if self.fee_waived { 0 } else { self.fee_minor }
    }

    /// What paying this installment now costs: principal, scheduled interest and any unwaived fee.
    pub fn amount_due_minor(&self) -> i64 {
        self.principal_minor + self.interest_minor + self.fee_owed_minor()
    }
}

/// Why a plan is paused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Pause {
    Return { since: NaiveDate, until: NaiveDate },
    Dispute { since: NaiveDate, reason: String },
}

impl Pause {
    pub fn since(&self) -> NaiveDate {
        match self {
            Pause::Return { since, .. } | Pause::Dispute { since, .. } => *since,
        }
    }
}

/// What the merchant told about the delivery of an order (all optional: merchants differ).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shipment {
    pub carrier: Option<String>,
    pub tracking: Option<String>,
    pub delivered_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnState {
    pub started_on: NaiveDate,
    pub confirmed_on: Option<NaiveDate>,
    pub refunded_minor: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: OrderId,
    pub customer: CustomerId,
    pub merchant: MerchantId,
    pub description: String,
    pub amount: Money,
    pub plan: PlanKind,
    pub purchased_on: NaiveDate,
    pub shipped_on: Option<NaiveDate>,
    /// Carrier, tracking number and delivery, as the merchant reported them.
    #[serde(default)]
    pub shipment: Shipment,
    pub installments: Vec<Installment>,
    pub status: OrderStatus,
    pub pause: Option<Pause>,
    pub return_state: Option<ReturnState>,
    pub disputes_opened: u32,
    /// Refunds granted in total (reduced principal plus money paid back).
    pub refunded_minor: i64,
    /// The day of the latest refund.
    #[serde(default)]
    pub last_refund_on: Option<NaiveDate>,
    /// Principal removed from the plan by refunds.
    pub principal_refunded_minor: i64,
    /// Principal removed from the plan by cancellation.
    pub principal_cancelled_minor: i64,
    /// Money paid back to the customer because refunds exceeded what was still owed.
    pub paid_back_minor: i64,
    /// Late fees paid and then waived: paid back to the customer.
    #[serde(default)]
    pub fees_paid_back_minor: i64,
    pub late_fees_assessed: u32,
}

/// A payoff quote: what paying everything today costs, and for financing the interest it saves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoffQuote {
    pub amount: Money,
    pub interest_minor: i64,
    pub interest_saved_minor: i64,
}

/// APR and total cost of credit of a plan, as shown to customers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditCost {
    pub apr_bp: u32,
    pub apr_nominal_bp: u32,
    pub total_cost_minor: i64,
    pub total_payable_minor: i64,
}

impl Order {
    pub fn currency(&self) -> Currency {
        self.amount.currency
    }

    pub fn money(&self, amount_minor: i64) -> Money {
        Money::new(amount_minor, self.currency())
    }

    pub fn open_installments(&self) -> impl Iterator<Item = &Installment> {
        self.installments.iter().filter(|i| i.is_open())
    }

    pub fn next_open(&self) -> Option<&Installment> {
        self.open_installments().next()
    }

    pub fn installment(&self, seq: u8) -> Option<&Installment> {
        self.installments.iter().find(|i| i.seq == seq)
    }

    /// The balance the books carry on this order's receivable: open principal and unwaived fees
    /// (interest is recognised when it is collected).
    pub fn receivable_minor(&self) -> i64 {
        self.open_installments()
            .map(|i| i.principal_minor + i.fee_owed_minor())
            .sum()
    }

    /// What the customer still owes if the plan runs its course: open principal, scheduled interest
    /// and unwaived fees.
    pub fn outstanding_minor(&self) -> i64 {
        self.open_installments()
            .map(Installment::amount_due_minor)
            .sum()
    }

    /// What the customer has paid on this order.
    pub fn paid_minor(&self) -> i64 {
        self.installments.iter().map(|i| i.paid_minor).sum()
    }

    /// How much can still be refunded: the purchase amount less refunds and cancellation.
    pub fn refundable_minor(&self) -> i64 {
        self.amount.amount_minor - self.refunded_minor - self.principal_cancelled_minor
    }

    /// The last date of the plan: the latest due date of any installment.
    pub fn last_due(&self) -> Option<NaiveDate> {
        self.installments.iter().map(|i| i.due).max()
    }

    /// An installment is late when it is open and its grace period ended before `as_of`.
    pub fn late_installments(&self, as_of: NaiveDate, grace_days: u32) -> Vec<u8> {
        self.open_installments()
            .filter(|i| {
                i.due
                    .checked_add_days(chrono::Days::new(u64::from(grace_days)))
                    .is_some_and(|g| g < as_of)
            })
            .map(|i| i.seq)
            .collect()
    }

    /// What paying the whole plan off on `as_of` costs. For financing, interest is charged only for the
    /// days of the current month already elapsed (pro rata on the open principal); the rest of the
    /// scheduled interest is saved.
    pub fn payoff_quote(&self, as_of: NaiveDate) -> PayoffQuote {
        let principal: i64 = self.open_installments().map(|i| i.principal_minor).sum();
        let fees: i64 = self
            .open_installments()
            .map(Installment::fee_owed_minor)
            .sum();
        let scheduled_interest: i64 = self.open_installments().map(|i| i.interest_minor).sum();
        let interest = match self.plan {
            PlanKind::Financing { apr_nominal_bp, .. } => {
                self.accrued_interest_minor(principal, apr_nominal_bp, as_of)
            }
            PlanKind::PayIn4 | PlanKind::PayIn30 => 0,
        }
        .min(scheduled_interest);
        PayoffQuote {
            amount: self.money(principal + fees + interest),
            interest_minor: interest,
            interest_saved_minor: scheduled_interest - interest,
        }
    }

    fn accrued_interest_minor(&self, principal: i64, apr_nominal_bp: u32, as_of: NaiveDate) -> i64 {
        let period_end = self.next_open().map_or(as_of, |i| i.due);
        let next_seq = self.next_open().map_or(u8::MAX, |i| i.seq);
        // The period starts at the installment paid before the next open one: installments after it
        // that a refund closed are not periods that have passed.
        let period_start = self
            .installments
            .iter()
            .filter(|i| !i.is_open() && i.seq < next_seq)
            .map(|i| i.due)
            .max()
            .unwrap_or(self.purchased_on)
            .min(period_end);
        let days_total = (period_end - period_start).num_days().max(1);
        let days_elapsed = (as_of - period_start).num_days().clamp(0, days_total);
        let month = i128::from(monthly_interest_minor(principal, apr_nominal_bp));
        let pro_rata = (month * i128::from(days_elapsed) + i128::from(days_total) / 2)
            / i128::from(days_total);
        i64::try_from(pro_rata).unwrap_or(0)
    }

    /// The APR and total cost of credit of the plan as agreed at purchase.
    pub fn credit_cost(&self) -> CreditCost {
        credit_cost(self.plan, self.amount, self.purchased_on)
    }
}

/// The APR and total cost of credit of a plan for a purchase, before it is made (for quotes).
pub fn credit_cost(plan: PlanKind, amount: Money, purchased_on: NaiveDate) -> CreditCost {
    let payments: Vec<(NaiveDate, i64)> = schedule::schedule(plan, amount, purchased_on)
        .map(|s| s.iter().map(|i| (i.due, i.amount_minor())).collect())
        .unwrap_or_default();
    let total: i64 = payments.iter().map(|(_, a)| a).sum();
    CreditCost {
        apr_bp: schedule::effective_apr_bp(plan, amount.amount_minor, purchased_on, &payments),
        apr_nominal_bp: match plan {
            PlanKind::Financing { apr_nominal_bp, .. } => apr_nominal_bp,
            PlanKind::PayIn4 | PlanKind::PayIn30 => 0,
        },
        total_cost_minor: (total - amount.amount_minor).max(0),
        total_payable_minor: total,
    }
}
