//! The lender's policy values the money core enforces.
//!
//! They are values, not constants, so a lender (and a test) can set them; the defaults are what the demo
//! lender uses. The conversation engine reads the same values to explain limits before it asks.

use serde::{Deserialize, Serialize};

use crate::money::{Currency, Money};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// How far (in days) a due date may be moved from the installment's original due date.
    pub due_date_move_days_max: u32,
    /// How many times one installment's due date may be moved.
    pub due_date_moves_per_installment_max: u32,
    /// Days after a due date before an unpaid installment is late and a fee may be assessed.
    pub grace_days: u32,
    /// Late fee per currency, in minor units.
    pub late_fee_minor: Vec<(Currency, i64)>,
    /// At most this many late fees on one order (the cap on fees).
    pub late_fees_per_order_max: u32,
    /// A late fee never exceeds this share of the installment it is for, in basis points.
    pub late_fee_share_of_installment_max_bp: u32,
    /// How many late fees one customer may have waived in total ("the first one is waivable").
    pub late_fee_waivers_per_customer_max: u32,
    /// How long a started return pauses the plan when the merchant has not confirmed it.
    pub return_pause_days: u32,
    /// The highest nominal APR a financing plan may carry, in basis points.
    pub apr_nominal_bp_max: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            due_date_move_days_max: 14,
            due_date_moves_per_installment_max: 1,
            grace_days: 5,
            late_fee_minor: vec![
                (Currency::SEK, 3_500),
                (Currency::NOK, 3_500),
                (Currency::DKK, 3_000),
                (Currency::EUR, 500),
                (Currency::GBP, 500),
                (Currency::USD, 700),
                (Currency::PLN, 2_000),
            ],
            late_fees_per_order_max: 2,
            late_fee_share_of_installment_max_bp: 2_500,
            late_fee_waivers_per_customer_max: 1,
            return_pause_days: 30,
            apr_nominal_bp_max: 3_000,
        }
    }
}

impl Policy {
    /// The late fee for an installment of `installment` size: the currency's fee, capped at the
    /// policy share of the installment. Zero when the currency has no fee configured.
    pub fn late_fee_for(&self, installment: Money) -> Money {
        let base = self
            .late_fee_minor
            .iter()
            .find(|(c, _)| *c == installment.currency)
            .map_or(0, |(_, fee)| *fee);
        let share_cap = i128::from(installment.amount_minor)
            * i128::from(self.late_fee_share_of_installment_max_bp)
            / 10_000;
        let capped = i128::from(base).min(share_cap).max(0);
        Money::new(i64::try_from(capped).unwrap_or(0), installment.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn late_fee_is_capped_at_a_share_of_a_small_installment() {
        let p = Policy::default();
        assert_eq!(
            p.late_fee_for(Money::new(100_000, Currency::SEK))
                .amount_minor,
            3_500
        );
        assert_eq!(
            p.late_fee_for(Money::new(10_000, Currency::SEK))
                .amount_minor,
            2_500
        );
    }

    #[test]
    fn policy_parses_from_partial_json_with_defaults() {
        let p: Policy = serde_json::from_str(r#"{"grace_days": 3}"#).unwrap();
        assert_eq!(p.grace_days, 3);
        assert_eq!(p.due_date_move_days_max, 14);
        assert!(serde_json::from_str::<Policy>(r#"{"grace_dayz": 3}"#).is_err());
    }
}
