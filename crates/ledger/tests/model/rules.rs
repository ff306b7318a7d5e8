//! The reference model: what a BNPL lender's books should do, written as plain arithmetic.
//!
//! It is deliberately a second, independent statement of the rules (from the docs and the lender's
//! policy, not from the ledger's code): an order is a list of installments with principal, interest and
//! fee, and every operation is either refused for a set of reasons or changes those numbers in the
//! obvious way. The test compares the ledger to it after every step, so where the two disagree one of
//! them is wrong, and the failing sequence says which.
//!
//! Refusals are predicted as the *set* of every rule the operation breaks; the ledger must answer with
//! one of them (which one it checks first is its own business), and must accept when the set is empty.

use std::collections::BTreeMap;

use chrono::{Days, Months, NaiveDate};
use fairdesk_ledger::money::AMOUNT_MINOR_MAX;
use fairdesk_ledger::{
    Currency, CustomerId, LedgerError, MerchantId, Money, Operation, OrderId, OrderStatus,
    PlanKind, Policy,
};

/// Why the model expects a refusal: every rule the operation breaks.
pub type Reasons = Vec<LedgerError>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MCustomer {
    pub card_valid: bool,
    pub waivers_used: u32,
    pub closed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MInstallment {
    pub seq: u8,
    pub due: NaiveDate,
    /// The due date customer moves are measured from (pauses shift it, moves do not).
    pub original_due: NaiveDate,
    pub principal: i64,
    pub interest: i64,
    pub fee: i64,
    pub fee_waived: bool,
    pub moves: u32,
    pub open: bool,
    pub paid: i64,
}

impl MInstallment {
    pub fn fee_owed(&self) -> i64 {
        if self.fee_waived { 0 } else { self.fee }
    }

    pub fn owed(&self) -> i64 {
        self.principal + self.interest + self.fee_owed()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MPause {
    Return { since: NaiveDate, until: NaiveDate },
    Dispute { since: NaiveDate },
}

impl MPause {
    pub fn since(self) -> NaiveDate {
        match self {
            MPause::Return { since, .. } | MPause::Dispute { since } => since,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MOrder {
    pub customer: CustomerId,
    pub merchant: MerchantId,
    pub amount: Money,
    pub plan: PlanKind,
    pub purchased_on: NaiveDate,
    pub installments: Vec<MInstallment>,
    pub cancelled: bool,
    pub pause: Option<MPause>,
    /// The day a return was started that the merchant has not confirmed yet.
    pub return_pending: Option<NaiveDate>,
    pub shipped_on: Option<NaiveDate>,
    pub fees_assessed: u32,
    pub refunded: i64,
    pub paid_back: i64,
    pub cancelled_principal: i64,
    pub failures: u32,
}

impl MOrder {
    pub fn currency(&self) -> Currency {
        self.amount.currency
    }

    pub fn status(&self) -> OrderStatus {
        if self.cancelled {
            OrderStatus::Cancelled
        } else if self.installments.iter().any(|i| i.open) {
            OrderStatus::Active
        } else if self.refunded == self.amount.amount_minor {
            OrderStatus::Refunded
        } else {
            OrderStatus::PaidOff
        }
    }

    pub fn open(&self) -> impl Iterator<Item = &MInstallment> {
        self.installments.iter().filter(|i| i.open)
    }

    pub fn next_open(&self) -> Option<&MInstallment> {
        self.open().next()
    }

    pub fn get(&self, seq: u8) -> Option<&MInstallment> {
        self.installments.iter().find(|i| i.seq == seq)
    }

    pub fn paid(&self) -> i64 {
        self.installments.iter().map(|i| i.paid).sum()
    }

    /// What the books carry as receivable: open principal and unwaived fees.
    pub fn receivable(&self) -> i64 {
        self.open().map(|i| i.principal + i.fee_owed()).sum()
    }

    pub fn outstanding(&self) -> i64 {
        self.open().map(MInstallment::owed).sum()
    }

    pub fn refundable(&self) -> i64 {
        self.amount.amount_minor - self.refunded - self.cancelled_principal
    }

    /// Paying everything today: open principal and fees, plus interest for the days of the current
    /// period already gone (financing only). The current period runs from the previous installment's
    /// due date (or the purchase) to the next open installment's due date.
    pub fn payoff_quote(&self, today: NaiveDate) -> (i64, i64) {
        let principal: i64 = self.open().map(|i| i.principal).sum();
        let fees: i64 = self.open().map(MInstallment::fee_owed).sum();
        let scheduled: i64 = self.open().map(|i| i.interest).sum();
        let interest = match (self.plan, self.next_open()) {
            (PlanKind::Financing { apr_nominal_bp, .. }, Some(next)) => {
                let start = next
                    .seq
                    .checked_sub(1)
                    .and_then(|prev| self.get(prev))
                    .map_or(self.purchased_on, |p| p.due)
                    .min(next.due);
                let period = (next.due - start).num_days().max(1);
                let gone = (today - start).num_days().clamp(0, period);
                let month = monthly_interest(principal, apr_nominal_bp);
                div_round_half_up(month * gone, period).min(scheduled)
            }
            _ => 0,
        };
        (principal + fees + interest, interest)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MMoney {
    pub cash: i64,
    pub interest_income: i64,
    pub fee_income: i64,
}

/// The whole model: registered parties, orders, and the lender's own accounts per currency.
#[derive(Clone, Debug, Default)]
pub struct Model {
    pub policy: Policy,
    pub customers: BTreeMap<CustomerId, MCustomer>,
    pub merchants: BTreeMap<MerchantId, Currency>,
    /// What the lender owes each merchant (sales less refunds and cancellations, less settlements).
    pub merchant_owed: BTreeMap<MerchantId, i64>,
    pub orders: BTreeMap<OrderId, MOrder>,
    pub lender: BTreeMap<Currency, MMoney>,
}

fn div_round_half_up(num: i64, den: i64) -> i64 {
    let (num, den) = (i128::from(num), i128::from(den));
    i64::try_from((2 * num + den) / (2 * den)).unwrap_or(i64::MAX)
}

/// One month of interest on `balance` at a nominal annual rate in basis points, rounded half up.
pub fn monthly_interest(balance: i64, apr_bp: u32) -> i64 {
    let num = i128::from(balance) * i128::from(apr_bp);
    i64::try_from((num * 2 + 120_000) / 240_000).unwrap_or(i64::MAX)
}

/// Principal and interest per month when `principal` is repaid by a fixed `payment` (the last month
/// pays whatever is left).
fn annuity_rows(principal: i64, apr_bp: u32, months: u32, payment: i64) -> Vec<(i64, i64)> {
    let mut rows = Vec::new();
    let mut balance = principal;
    for month in 1..=months {
        let interest = monthly_interest(balance, apr_bp);
        let repaid = if month == months {
            balance
        } else {
            (payment - interest).min(balance)
        };
        balance -= repaid;
        rows.push((repaid, interest));
    }
    rows
}

/// The smallest whole payment whose last month is not larger than it: start just under the textbook
/// annuity `P·r / (1 − (1 + r)^−n)` and walk up one minor unit at a time.
fn financing_rows(principal: i64, apr_bp: u32, months: u32) -> Vec<(i64, i64)> {
    let n = i64::from(months);
    let floor = (principal + n - 1) / n;
    let r = f64::from(apr_bp) / 120_000.0;
    let textbook = if apr_bp == 0 {
        floor
    } else {
        (principal as f64 * r / (1.0 - (1.0 + r).powi(-(months as i32)))) as i64
    };
    let fits = |p: i64| {
        annuity_rows(principal, apr_bp, months, p)
            .last()
            .is_some_and(|(a, b)| a + b <= p)
    };
    let mut payment = (textbook - 64).max(floor);
    while payment > floor && fits(payment - 1) {
        payment -= 1;
    }
    while !fits(payment) {
        payment += 1;
    }
    annuity_rows(principal, apr_bp, months, payment)
}

/// The plan's installments as (due, principal, interest).
pub fn plan_rows(plan: PlanKind, amount: i64, on: NaiveDate) -> Vec<(NaiveDate, i64, i64)> {
    let days = |d: u64| on.checked_add_days(Days::new(d)).unwrap_or(on);
    match plan {
        PlanKind::PayIn30 => vec![(days(30), amount, 0)],
        PlanKind::PayIn4 => {
            let quarter = amount / 4;
            let first = amount - 3 * quarter;
            [first, quarter, quarter, quarter]
                .into_iter()
                .zip(0u64..)
                .map(|(p, k)| (days(14 * k), p, 0))
                .collect()
        }
        PlanKind::Financing {
            term,
            apr_nominal_bp,
        } => financing_rows(amount, apr_nominal_bp, term.months())
            .into_iter()
            .zip(1u32..)
            .map(|((p, i), m)| (on.checked_add_months(Months::new(m)).unwrap_or(on), p, i))
            .collect(),
    }
}

fn text_ok(text: &str, chars_max: usize) -> bool {
    let n = text.chars().count();
    n > 0 && n <= chars_max && !text.chars().any(char::is_control)
}

fn code_ok(code: &str, upper: bool) -> bool {
    code.len() == 2
        && code.bytes().all(|b| {
            if upper {
                b.is_ascii_uppercase()
            } else {
                b.is_ascii_lowercase()
            }
        })
}

fn invalid(field: &str) -> LedgerError {
    LedgerError::InvalidField {
        field: field.to_owned(),
        reason: String::new(),
    }
}

/// Whether the ledger's refusal is one the model predicted (free-text reasons are not compared).
pub fn is_predicted(actual: &LedgerError, reasons: &[LedgerError]) -> bool {
    reasons.iter().any(|r| match (r, actual) {
        (
            LedgerError::InvalidField { field: a, .. },
            LedgerError::InvalidField { field: b, .. },
        ) => a == b,
        _ => r == actual,
    })
}

impl Model {
    pub fn new(policy: Policy) -> Model {
        Model {
            policy,
            ..Model::default()
        }
    }

    pub(crate) fn lender(&mut self, c: Currency) -> &mut MMoney {
        self.lender.entry(c).or_default()
    }

    /// Decides `op` on `today`: `Err(reasons)` without any change, or `Ok` after applying it.
    pub fn execute(&mut self, op: &Operation, today: NaiveDate) -> Result<(), Reasons> {
        match op {
            Operation::RegisterCustomer {
                customer,
                name,
                country,
                language,
                card_valid,
            } => {
                let mut why = Vec::new();
                if self.customers.contains_key(customer) {
                    why.push(LedgerError::CustomerExists(customer.clone()));
                }
                if !text_ok(name, 200) {
                    why.push(invalid("name"));
                }
                if !code_ok(country, true) {
                    why.push(invalid("country"));
                }
                if !code_ok(language, false) {
                    why.push(invalid("language"));
                }
                refuse_if(why)?;
                let c = MCustomer {
                    card_valid: *card_valid,
                    waivers_used: 0,
                    closed: false,
                };
                self.customers.insert(customer.clone(), c);
                Ok(())
            }
            Operation::RegisterMerchant {
                merchant,
                name,
                country,
                currency,
            } => {
                let mut why = Vec::new();
                if self.merchants.contains_key(merchant) {
                    why.push(LedgerError::MerchantExists(merchant.clone()));
                }
                if !text_ok(name, 200) {
                    why.push(invalid("name"));
                }
                if !code_ok(country, true) {
                    why.push(invalid("country"));
                }
                refuse_if(why)?;
                self.merchants.insert(merchant.clone(), *currency);
                Ok(())
            }
            Operation::UpdatePaymentMethod { customer } | Operation::ExpireCard { customer } => {
                let c = self
                    .customers
                    .get_mut(customer)
                    .ok_or_else(|| vec![LedgerError::UnknownCustomer(customer.clone())])?;
                c.card_valid = matches!(op, Operation::UpdatePaymentMethod { .. });
                Ok(())
            }
            Operation::CloseAccount { customer } => {
                let outstanding: i64 = self
                    .orders
                    .values()
                    .filter(|o| &o.customer == customer)
                    .flat_map(MOrder::open)
                    .map(MInstallment::owed)
                    .sum();
                let c = self
                    .customers
                    .get_mut(customer)
                    .ok_or_else(|| vec![LedgerError::UnknownCustomer(customer.clone())])?;
                if c.closed {
                    return Err(vec![LedgerError::AccountClosed]);
                }
                if outstanding > 0 {
                    return Err(vec![LedgerError::AccountHasOutstanding {
                        outstanding_minor: outstanding,
                    }]);
                }
                c.closed = true;
                Ok(())
            }
            Operation::CreateOrder { .. } => self.create_order(op, today),
            Operation::SettleMerchant { merchant } => {
                if !self.merchants.contains_key(merchant) {
                    return Err(vec![LedgerError::UnknownMerchant(merchant.clone())]);
                }
                let currency = self.merchants.get(merchant).copied();
                let owed = self.merchant_owed.get(merchant).copied().unwrap_or(0);
                if owed <= 0 {
                    return Err(vec![LedgerError::NothingToSettle {
                        balance_minor: owed,
                    }]);
                }
                self.merchant_owed.insert(merchant.clone(), 0);
                if let Some(c) = currency {
                    self.lender(c).cash -= owed;
                }
                Ok(())
            }
            _ => self.on_order(op, today),
        }
    }

    fn create_order(&mut self, op: &Operation, today: NaiveDate) -> Result<(), Reasons> {
        let Operation::CreateOrder {
            order,
            customer,
            merchant,
            description,
            amount,
            plan,
        } = op
        else {
            return Err(Vec::new());
        };
        let mut why = Vec::new();
        if self.orders.contains_key(order) {
            why.push(LedgerError::OrderExists(order.clone()));
        }
        match self.customers.get(customer) {
            None => why.push(LedgerError::UnknownCustomer(customer.clone())),
            Some(c) if c.closed => why.push(LedgerError::AccountClosed),
            Some(_) => {}
        }
        match self.merchants.get(merchant) {
            None => why.push(LedgerError::UnknownMerchant(merchant.clone())),
            Some(c) if *c != amount.currency => why.push(LedgerError::WrongCurrency {
                expected: *c,
                got: amount.currency,
            }),
            Some(_) => {}
        }
        if let PlanKind::Financing { apr_nominal_bp, .. } = plan
            && *apr_nominal_bp > self.policy.apr_nominal_bp_max
        {
            why.push(LedgerError::AprAboveMax {
                apr_nominal_bp: *apr_nominal_bp,
                max_bp: self.policy.apr_nominal_bp_max,
            });
        }
        if !text_ok(description, 500) {
            why.push(invalid("description"));
        }
        let a = amount.amount_minor;
        let rows = if a <= 0 {
            why.push(LedgerError::NonPositiveAmount);
            Vec::new()
        } else if a > AMOUNT_MINOR_MAX {
            why.push(LedgerError::AmountTooLarge);
            Vec::new()
        } else {
            plan_rows(*plan, a, today)
        };
        if rows.iter().any(|(_, p, i)| p + i == 0) {
            why.push(invalid("amount"));
        }
        refuse_if(why)?;
        let installments = rows
            .into_iter()
            .zip(1u8..)
            .map(|((due, principal, interest), seq)| MInstallment {
                seq,
                due,
                original_due: due,
                principal,
                interest,
                fee: 0,
                fee_waived: false,
                moves: 0,
                open: true,
                paid: 0,
            })
            .collect();
        let o = MOrder {
            customer: customer.clone(),
            merchant: merchant.clone(),
            amount: *amount,
            plan: *plan,
            purchased_on: today,
            installments,
            cancelled: false,
            pause: None,
            return_pending: None,
            shipped_on: None,
            fees_assessed: 0,
            refunded: 0,
            paid_back: 0,
            cancelled_principal: 0,
            failures: 0,
        };
        *self.merchant_owed.entry(merchant.clone()).or_insert(0) += a;
        self.orders.insert(order.clone(), o);
        Ok(())
    }
}

pub(crate) fn refuse_if(why: Reasons) -> Result<(), Reasons> {
    if why.is_empty() { Ok(()) } else { Err(why) }
}
