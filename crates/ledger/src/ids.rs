//! Identifiers as small validated types.
//!
//! Ids arrive from merchants' checkouts, the CLI and (later) the HTTP edge; parsing them once here means
//! the rest of the code never handles an unchecked string. Ids are short ASCII tokens so they can be
//! embedded in account names and idempotency keys without escaping.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why a string is not a valid identifier.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "invalid {kind} {value:?}: use 1 to {max} characters of A-Z, a-z, 0-9, '-', '_', ':' or '.'"
)]
pub struct IdError {
    pub kind: &'static str,
    pub value: String,
    pub max: usize,
}

fn check(kind: &'static str, value: &str, max: usize) -> Result<(), IdError> {
    let ok = !value.is_empty()
        && value.len() <= max
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'));
    if ok {
        Ok(())
    } else {
        Err(IdError {
            kind,
            value: value.chars().take(80).collect(),
            max,
        })
    }
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $kind:literal, $max:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                check($kind, s, $max).map(|()| $name(s.to_owned()))
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, IdError> {
                check($kind, &s, $max).map(|()| $name(s))
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A customer of the lender.
    CustomerId, "customer id", 64
);
id_type!(
    /// A merchant selling with the lender's plans at checkout.
    MerchantId, "merchant id", 64
);
id_type!(
    /// One purchase financed by one plan.
    OrderId, "order id", 64
);
id_type!(
    /// A client-chosen key that makes an operation idempotent (Stripe's `Idempotency-Key`).
    IdempotencyKey, "idempotency key", 128
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_accept_short_ascii_tokens() {
        assert!("C-000001".parse::<CustomerId>().is_ok());
        assert!("collect:capture:O-1:2".parse::<IdempotencyKey>().is_ok());
    }

    #[test]
    fn ids_reject_empty_long_and_odd_characters() {
        assert!("".parse::<OrderId>().is_err());
        assert!("a b".parse::<OrderId>().is_err());
        assert!("ö".parse::<MerchantId>().is_err());
        assert!("x".repeat(65).parse::<CustomerId>().is_err());
        let err = "x y"
            .parse::<OrderId>()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("invalid order id"), "{err}");
    }

    #[test]
    fn ids_deserialize_through_validation() {
        assert!(serde_json::from_str::<OrderId>("\"O-1\"").is_ok());
        assert!(serde_json::from_str::<OrderId>("\"bad id\"").is_err());
    }
}
