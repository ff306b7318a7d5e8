//! Money as integer minor units with an ISO currency.
//!
//! Floats never hold money here: an amount is an `i64` count of the currency's minor unit (öre, cent,
//! grosz), the way TigerBeetle keeps an asset scale. Parsing turns customer- or merchant-typed text into a
//! `Money` at the boundary, so nothing inside re-checks strings.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The currencies the lender operates in. All have two minor digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Currency {
    SEK,
    NOK,
    DKK,
    EUR,
    GBP,
    USD,
    PLN,
}

impl Currency {
    pub const ALL: [Currency; 7] = [
        Currency::SEK,
        Currency::NOK,
        Currency::DKK,
        Currency::EUR,
        Currency::GBP,
        Currency::USD,
        Currency::PLN,
    ];

    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::SEK => "SEK",
            Currency::NOK => "NOK",
            Currency::DKK => "DKK",
            Currency::EUR => "EUR",
            Currency::GBP => "GBP",
            Currency::USD => "USD",
            Currency::PLN => "PLN",
        }
    }

    /// Minor units per major unit (100 for every supported currency).
    pub fn minor_per_major(self) -> i64 {
        100
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let upper = s.trim().to_ascii_uppercase();
        Currency::ALL
            .into_iter()
            .find(|c| c.code() == upper)
            .ok_or_else(|| MoneyError::UnknownCurrency(s.to_owned()))
    }
}

/// Why text could not become money.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MoneyError {
    #[error("unknown currency {0:?}: use one of SEK, NOK, DKK, EUR, GBP, USD, PLN")]
    UnknownCurrency(String),
    #[error("malformed amount {0:?}: write digits with at most two decimals, e.g. 49.90 or 49,90")]
    Malformed(String),
    #[error("amount {0:?} is too large")]
    TooLarge(String),
}

/// An amount of money: integer minor units and a currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub amount_minor: i64,
    pub currency: Currency,
}

/// The largest amount accepted from text: 10^13 minor units, far above any consumer purchase, and far
/// enough below `i64::MAX` that sums over a ledger cannot overflow.
pub const AMOUNT_MINOR_MAX: i64 = 10_000_000_000_000;

impl Money {
    pub fn new(amount_minor: i64, currency: Currency) -> Money {
        Money {
            amount_minor,
            currency,
        }
    }

    pub fn zero(currency: Currency) -> Money {
        Money::new(0, currency)
    }

    /// Parses a plain decimal amount such as `49.90`, `49,9` or `1200` in the given currency.
    /// Grouping separators, signs and more than two decimals are rejected rather than guessed.
    pub fn parse(text: &str, currency: Currency) -> Result<Money, MoneyError> {
        let t = text.trim();
        let malformed = || MoneyError::Malformed(text.to_owned());
        let (whole, frac) = match t.find(['.', ',']) {
            Some(at) => (t.get(..at).unwrap_or(""), t.get(at + 1..).unwrap_or("")),
            None => (t, ""),
        };
        let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits_only(whole) || !digits_only(frac) || frac.len() > 2 {
            return Err(malformed());
        }
        if t.contains(['.', ',']) && frac.is_empty() {
            return Err(malformed());
        }
        if whole.len() > 12 {
            return Err(MoneyError::TooLarge(text.to_owned()));
        }
        let whole: i64 = whole.parse().map_err(|_| malformed())?;
        let frac_minor: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().map_err(|_| malformed())? * 10,
            _ => frac.parse().map_err(|_| malformed())?,
        };
        let amount_minor = whole * currency.minor_per_major() + frac_minor;
        if amount_minor > AMOUNT_MINOR_MAX {
            return Err(MoneyError::TooLarge(text.to_owned()));
        }
        Ok(Money::new(amount_minor, currency))
    }

    /// Parses `"49.90 SEK"` or `"SEK 49.90"`.
    pub fn parse_with_code(text: &str) -> Result<Money, MoneyError> {
        let mut parts = text.split_whitespace();
        let (a, b) = match (parts.next(), parts.next(), parts.next()) {
            (Some(a), Some(b), None) => (a, b),
            _ => return Err(MoneyError::Malformed(text.to_owned())),
        };
        match a.parse::<Currency>() {
            Ok(c) => Money::parse(b, c),
            Err(_) => Money::parse(a, b.parse()?),
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let per = self.currency.minor_per_major();
        let sign = if self.amount_minor < 0 { "-" } else { "" };
        let abs = self.amount_minor.unsigned_abs();
        let per = per.unsigned_abs();
        write!(f, "{sign}{}.{:02} {}", abs / per, abs % per, self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_with_dot_or_comma_parse_to_minor_units() {
        assert_eq!(
            Money::parse("49.90", Currency::SEK),
            Ok(Money::new(4990, Currency::SEK))
        );
        assert_eq!(
            Money::parse("49,9", Currency::EUR),
            Ok(Money::new(4990, Currency::EUR))
        );
        assert_eq!(
            Money::parse("1200", Currency::NOK),
            Ok(Money::new(120_000, Currency::NOK))
        );
        assert_eq!(
            Money::parse(" 0.05 ", Currency::PLN),
            Ok(Money::new(5, Currency::PLN))
        );
    }

    #[test]
    fn malformed_amounts_are_rejected_not_guessed() {
        for bad in [
            "", "abc", "-5", "1.234", "1,000.00", "1.", ".5", "12 34", "1e5", "٣",
        ] {
            assert!(
                matches!(
                    Money::parse(bad, Currency::SEK),
                    Err(MoneyError::Malformed(_))
                ),
                "{bad:?} should be malformed"
            );
        }
        assert!(matches!(
            Money::parse("99999999999999", Currency::SEK),
            Err(MoneyError::TooLarge(_))
        ));
    }

    #[test]
    fn currency_codes_parse_case_insensitively_and_unknown_ones_fail() {
        assert_eq!("sek".parse::<Currency>(), Ok(Currency::SEK));
        assert!(matches!(
            "XYZ".parse::<Currency>(),
            Err(MoneyError::UnknownCurrency(_))
        ));
        assert_eq!(
            Money::parse_with_code("EUR 12.5"),
            Ok(Money::new(1250, Currency::EUR))
        );
        assert_eq!(
            Money::parse_with_code("12.5 gbp"),
            Ok(Money::new(1250, Currency::GBP))
        );
    }

    #[test]
    fn money_displays_with_two_decimals_and_code() {
        assert_eq!(Money::new(4990, Currency::SEK).to_string(), "49.90 SEK");
        assert_eq!(Money::new(-5, Currency::EUR).to_string(), "-0.05 EUR");
    }
}
