//! Plans and their schedules: pay in 4, pay in 30 days, and amortized monthly financing.
//!
//! Everything here is integer arithmetic on minor units, except the effective APR, which is the root of
//! the law's equation and is computed (never generated) by bisection and reported in basis points.
//!
//! Rounding rules (documented because customers see them):
//! - pay in 4: each installment is `floor(total / 4)`; the remainder (0–3 minor units) is added to the
//!   first installment, so the first is the largest and later ones are equal.
//! - financing: monthly interest is `balance × APR / 12`, rounded half up to a minor unit; the regular
//!   payment is the smallest whole amount that repays the loan in the term; the last payment is what is
//!   left (never more than the regular payment).

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::LedgerError;
use crate::money::Money;

/// The term of a financing plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Term {
    M6,
    M12,
    M24,
    M36,
}

impl Term {
    pub fn months(self) -> u32 {
        match self {
            Term::M6 => 6,
            Term::M12 => 12,
            Term::M24 => 24,
            Term::M36 => 36,
        }
    }

    pub fn from_months(months: u32) -> Option<Term> {
        [Term::M6, Term::M12, Term::M24, Term::M36]
            .into_iter()
            .find(|t| t.months() == months)
    }
}

/// The kinds of plan a purchase can be financed with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PlanKind {
    /// Four installments two weeks apart, the first at purchase, no interest.
    PayIn4,
    /// One installment 30 days after purchase, no interest.
    PayIn30,
    /// Monthly installments over a term at a nominal annual rate, amortized.
    Financing { term: Term, apr_nominal_bp: u32 },
}

impl PlanKind {
    pub fn label(self) -> &'static str {
        match self {
            PlanKind::PayIn4 => "pay_in_4",
            PlanKind::PayIn30 => "pay_in_30",
            PlanKind::Financing { .. } => "financing",
        }
    }

    /// Monthly interest rate as a fraction numerator over 120 000 (bp/12), zero for interest-free plans.
    fn apr_nominal_bp(self) -> u32 {
        match self {
            PlanKind::Financing { apr_nominal_bp, .. } => apr_nominal_bp,
            PlanKind::PayIn4 | PlanKind::PayIn30 => 0,
        }
    }
}

/// One scheduled installment before anything happened to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduledInstallment {
    pub due: NaiveDate,
    pub principal_minor: i64,
    pub interest_minor: i64,
}

impl ScheduledInstallment {
    pub fn amount_minor(&self) -> i64 {
        self.principal_minor + self.interest_minor
    }
}

/// Monthly interest on `balance_minor` at a nominal annual rate, rounded half up.
pub fn monthly_interest_minor(balance_minor: i64, apr_nominal_bp: u32) -> i64 {
    let num = i128::from(balance_minor) * i128::from(apr_nominal_bp);
    let den: i128 = 120_000;
    i64::try_from((num + den / 2) / den).unwrap_or(i64::MAX)
}

/// The due date of installment `index` (0-based).
pub fn due_date(
    kind: PlanKind,
    purchased_on: NaiveDate,
    index: u32,
) -> Result<NaiveDate, LedgerError> {
    let due = match kind {
        PlanKind::PayIn4 => purchased_on.checked_add_days(Days::new(14 * u64::from(index))),
        PlanKind::PayIn30 => purchased_on.checked_add_days(Days::new(30)),
        PlanKind::Financing { .. } => purchased_on.checked_add_months(Months::new(index + 1)),
    };
    due.ok_or(LedgerError::DateOutOfRange)
}

/// The schedule of a plan for a purchase of `amount` on `purchased_on`.
pub fn schedule(
    kind: PlanKind,
    amount: Money,
    purchased_on: NaiveDate,
) -> Result<Vec<ScheduledInstallment>, LedgerError> {
    let total = amount.amount_minor;
    if total <= 0 {
        return Err(LedgerError::NonPositiveAmount);
    }
    let principals: Vec<i64> = match kind {
        PlanKind::PayIn4 => {
            let each = total / 4;
            let remainder = total - each * 4;
            vec![each + remainder, each, each, each]
        }
        PlanKind::PayIn30 => vec![total],
        PlanKind::Financing {
            term,
            apr_nominal_bp,
        } => {
            return amortize(total, apr_nominal_bp, term.months())?
                .into_iter()
                .enumerate()
                .map(|(i, (principal_minor, interest_minor))| {
                    let index = u32::try_from(i).map_err(|_| LedgerError::DateOutOfRange)?;
                    Ok(ScheduledInstallment {
                        due: due_date(kind, purchased_on, index)?,
                        principal_minor,
                        interest_minor,
                    })
                })
                .collect();
        }
    };
    principals
        .into_iter()
        .zip(0u32..)
        .map(|(principal_minor, i)| {
            Ok(ScheduledInstallment {
                due: due_date(kind, purchased_on, i)?,
                principal_minor,
                interest_minor: 0,
            })
        })
        .collect()
}

/// Splits a loan into `(principal, interest)` per month with the smallest regular payment that repays
/// it in `months`, found by bisection over whole minor units (exact, no floating point).
fn amortize(
    principal_minor: i64,
    apr_nominal_bp: u32,
    months: u32,
) -> Result<Vec<(i64, i64)>, LedgerError> {
    let n = i64::from(months);
    let mut low = (principal_minor + n - 1) / n;
    let mut high = principal_minor + monthly_interest_minor(principal_minor, apr_nominal_bp) * n;
    while low < high {
        let mid = low + (high - low) / 2;
        if last_payment(principal_minor, apr_nominal_bp, months, mid) <= mid {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    Ok(split(principal_minor, apr_nominal_bp, months, low))
}

fn split(principal_minor: i64, apr_nominal_bp: u32, months: u32, payment: i64) -> Vec<(i64, i64)> {
    let mut balance = principal_minor;
    (1..=months)
        .map(|k| {
            let interest = monthly_interest_minor(balance, apr_nominal_bp);
            let principal = if k == months {
                balance
            } else {
                (payment - interest).min(balance)
            };
            balance -= principal;
            (principal, interest)
        })
        .collect()
}

fn last_payment(principal_minor: i64, apr_nominal_bp: u32, months: u32, payment: i64) -> i64 {
    split(principal_minor, apr_nominal_bp, months, payment)
        .last()
        .map_or(0, |(p, i)| p + i)
}

/// Recomputes the interest of the unpaid installments of a financing plan from their remaining
/// principal: the interest of installment k is one month's interest on the principal still owed before
/// it. Used after a refund reduced the principal.
pub fn reprice_interest(kind: PlanKind, unpaid_principals: &[i64]) -> Vec<i64> {
    let bp = kind.apr_nominal_bp();
    let mut remaining: i64 = unpaid_principals.iter().sum();
    unpaid_principals
        .iter()
        .map(|p| {
            let interest = monthly_interest_minor(remaining, bp);
            remaining -= p;
            interest
        })
        .collect()
}

/// The effective annual percentage rate (as the EU Consumer Credit Directive, Annex I defines it) of
/// borrowing `principal_minor` on `purchased_on` against the given payments, in basis points, rounded
/// half up. Time is counted in the plan's natural unit: months/12 for financing, weeks/52 for pay in 4,
/// days/365 otherwise.
pub fn effective_apr_bp(
    kind: PlanKind,
    principal_minor: i64,
    purchased_on: NaiveDate,
    payments: &[(NaiveDate, i64)],
) -> u32 {
    let total: i64 = payments.iter().map(|(_, a)| a).sum();
    if total <= principal_minor || principal_minor <= 0 {
        return 0;
    }
    let years: Vec<(f64, f64)> = payments
        .iter()
        .zip(0u32..)
        .map(|((due, amount), k)| {
            let t = match kind {
                PlanKind::Financing { .. } => f64::from(k + 1) / 12.0,
                PlanKind::PayIn4 => f64::from(k * 2) / 52.0,
                PlanKind::PayIn30 => (*due - purchased_on).num_days() as f64 / 365.0,
            };
            (t, *amount as f64)
        })
        .collect();
    let present_value = |x: f64| -> f64 {
        years
            .iter()
            .map(|(t, a)| a / (1.0 + x).powf(*t))
            .sum::<f64>()
    };
    let target = principal_minor as f64;
    let (mut low, mut high) = (0.0_f64, 100.0_f64);
    for _ in 0..200 {
        let mid = (low + high) / 2.0;
        if present_value(mid) > target {
            low = mid;
        } else {
            high = mid;
        }
    }
    let bp = (low * 10_000.0).round();
    if bp.is_finite() && bp >= 0.0 && bp <= f64::from(u32::MAX) {
        bp as u32
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn pay_in_4_puts_the_rounding_remainder_on_the_first_installment() {
        let s = schedule(
            PlanKind::PayIn4,
            Money::new(10_003, Currency::SEK),
            date(2026, 1, 1),
        )
        .unwrap();
        let amounts: Vec<i64> = s.iter().map(|i| i.amount_minor()).collect();
        assert_eq!(amounts, vec![2_503, 2_500, 2_500, 2_500]);
        let dues: Vec<NaiveDate> = s.iter().map(|i| i.due).collect();
        assert_eq!(
            dues,
            vec![
                date(2026, 1, 1),
                date(2026, 1, 15),
                date(2026, 1, 29),
                date(2026, 2, 12)
            ]
        );
    }

    #[test]
    fn pay_in_30_is_one_installment_thirty_days_later() {
        let s = schedule(
            PlanKind::PayIn30,
            Money::new(4_990, Currency::EUR),
            date(2026, 2, 1),
        )
        .unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(
            s.first().map(|i| (i.due, i.amount_minor())),
            Some((date(2026, 3, 3), 4_990))
        );
    }

    /// Worked example, computed by hand:
    /// 12 000.00 SEK over 12 months at 12 % nominal → monthly rate r = 1 %.
    /// Annuity A = P·r / (1 − (1 + r)^−12) = 12 000 · 0.01 / (1 − 1.01^−12) = 1 066.1854… → the smallest
    /// whole payment that repays the loan is 1 066.19 SEK. Month 1 interest = 120.00, principal 946.19.
    /// Eleven payments of 1 066.19 leave a last payment of 1 066.14 (interest 10.56); total paid
    /// 11 · 1 066.19 + 1 066.14 = 12 794.23 → total cost of credit 794.23 SEK.
    /// Effective APR = (1 + r)^12 − 1 = 12.6825 % → 1 268 bp.
    #[test]
    fn financing_matches_the_hand_computed_annuity_and_apr() {
        let kind = PlanKind::Financing {
            term: Term::M12,
            apr_nominal_bp: 1_200,
        };
        let s = schedule(
            kind,
            Money::new(1_200_000, Currency::SEK),
            date(2026, 1, 31),
        )
        .unwrap();
        assert_eq!(s.len(), 12);
        let first = s.first().copied();
        assert_eq!(
            first.map(|i| (i.interest_minor, i.principal_minor)),
            Some((12_000, 94_619))
        );
        assert!(s.iter().take(11).all(|i| i.amount_minor() == 106_619));
        let last = s.last().copied();
        assert_eq!(
            last.map(|i| (i.amount_minor(), i.interest_minor)),
            Some((106_614, 1_056))
        );
        let total: i64 = s.iter().map(ScheduledInstallment::amount_minor).sum();
        assert_eq!(total - 1_200_000, 79_423);
        assert_eq!(s.iter().map(|i| i.principal_minor).sum::<i64>(), 1_200_000);
        // Month-end purchases fall due at each month's end.
        assert_eq!(s.get(1).map(|i| i.due), Some(date(2026, 3, 31)));
        let payments: Vec<(NaiveDate, i64)> = s.iter().map(|i| (i.due, i.amount_minor())).collect();
        assert_eq!(
            effective_apr_bp(kind, 1_200_000, date(2026, 1, 31), &payments),
            1_268
        );
    }

    #[test]
    fn interest_free_plans_have_zero_apr() {
        let s = schedule(
            PlanKind::PayIn4,
            Money::new(10_000, Currency::SEK),
            date(2026, 1, 1),
        )
        .unwrap();
        let payments: Vec<(NaiveDate, i64)> = s.iter().map(|i| (i.due, i.amount_minor())).collect();
        assert_eq!(
            effective_apr_bp(PlanKind::PayIn4, 10_000, date(2026, 1, 1), &payments),
            0
        );
    }

    #[test]
    fn every_financing_term_repays_exactly_the_principal() {
        for term in [Term::M6, Term::M12, Term::M24, Term::M36] {
            for bp in [0, 999, 1_990, 2_999] {
                let kind = PlanKind::Financing {
                    term,
                    apr_nominal_bp: bp,
                };
                let s =
                    schedule(kind, Money::new(987_654, Currency::EUR), date(2026, 5, 5)).unwrap();
                assert_eq!(s.len() as u32, term.months());
                assert_eq!(s.iter().map(|i| i.principal_minor).sum::<i64>(), 987_654);
                let regular = s.first().map_or(0, ScheduledInstallment::amount_minor);
                assert!(
                    s.iter()
                        .all(|i| i.amount_minor() <= regular && i.principal_minor >= 0)
                );
            }
        }
    }

    #[test]
    fn repricing_after_a_smaller_principal_lowers_interest() {
        let kind = PlanKind::Financing {
            term: Term::M6,
            apr_nominal_bp: 1_200,
        };
        assert_eq!(reprice_interest(kind, &[1_000, 1_000]), vec![20, 10]);
        assert_eq!(
            reprice_interest(PlanKind::PayIn4, &[1_000, 1_000]),
            vec![0, 0]
        );
    }
}
