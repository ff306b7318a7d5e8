//! Customer identity tokens: the lender's site signs the customer's id and an expiry with a secret
//! it shares with fairdesk (HMAC-SHA256, as Intercom's identity verification does); the chat widget
//! passes the token along. fairdesk trusts no customer id that does not come with a valid signature.
//!
//! A token reads `v1.<customer id>.<expiry, unix seconds>.<signature, hex>`; the signature covers
//! the version, the id and the expiry.

use chrono::{DateTime, Utc};
use fairdesk_ledger::CustomerId;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use thiserror::Error;

/// The shortest secret accepted, in bytes.
pub const SECRET_BYTES_MIN: usize = 32;

/// The signing secret. Its `Debug` never shows it.
#[derive(Clone)]
pub struct Secret(Vec<u8>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(redacted)")
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("the secret must be at least {SECRET_BYTES_MIN} bytes (got {0})")]
    SecretTooShort(usize),
    #[error("the token is malformed: expected v1.<customer>.<expiry>.<signature>")]
    Malformed,
    #[error("the token's signature is not valid")]
    BadSignature,
    #[error("the token expired at {0}")]
    Expired(DateTime<Utc>),
    #[error(
        "the token is valid until {expires}, longer than the {minutes_max} minutes a token may \
         live; sign tokens with a shorter expiry"
    )]
    LivesTooLong {
        expires: DateTime<Utc>,
        minutes_max: i64,
    },
}

impl Secret {
    pub fn new(bytes: impl Into<Vec<u8>>) -> Result<Secret, TokenError> {
        let bytes = bytes.into();
        if bytes.len() < SECRET_BYTES_MIN {
            return Err(TokenError::SecretTooShort(bytes.len()));
        }
        Ok(Secret(bytes))
    }

    fn mac(&self, customer: &str, expires: i64) -> Hmac<Sha256> {
        // Any key length is valid for HMAC, so this cannot fail.
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
        mac.update(b"v1\n");
        mac.update(customer.as_bytes());
        mac.update(b"\n");
        mac.update(expires.to_string().as_bytes());
        mac
    }

    /// A value derived from `input` for one `purpose` (HMAC-SHA256 over both, hex), such as a
    /// session's CSRF token: it can be derived again from the session, so it need not be stored.
    pub fn derive(&self, purpose: &str, input: &str) -> String {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
        mac.update(b"derive\n");
        mac.update(purpose.as_bytes());
        mac.update(b"\n");
        mac.update(input.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// A token for `customer` valid until `expires`.
    pub fn sign(&self, customer: &CustomerId, expires: DateTime<Utc>) -> String {
        let expires = expires.timestamp();
        let signature = self.mac(customer.as_str(), expires).finalize().into_bytes();
        format!("v1.{customer}.{expires}.{}", hex::encode(signature))
    }

    /// The customer a token names, if its signature is valid and it has not expired at `now`.
    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Result<CustomerId, TokenError> {
        self.verify_expiry(token, now).map(|(customer, _)| customer)
    }

    /// As [`Secret::verify`], and refused when the token would live more than `minutes_max`
    /// minutes from `now`: a validly signed token of any lifetime is not enough.
    pub fn verify_within(
        &self,
        token: &str,
        now: DateTime<Utc>,
        minutes_max: i64,
    ) -> Result<CustomerId, TokenError> {
        let (customer, expires) = self.verify_expiry(token, now)?;
        if expires > now + chrono::Duration::minutes(minutes_max) {
            return Err(TokenError::LivesTooLong {
                expires,
                minutes_max,
            });
        }
        Ok(customer)
    }

    fn verify_expiry(
        &self,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<(CustomerId, DateTime<Utc>), TokenError> {
        let rest = token
            .trim()
            .strip_prefix("v1.")
            .ok_or(TokenError::Malformed)?;
        let mut parts = rest.rsplitn(3, '.');
        let (Some(signature), Some(expires), Some(customer)) =
            (parts.next(), parts.next(), parts.next())
        else {
            return Err(TokenError::Malformed);
        };
        let expires: i64 = expires.parse().map_err(|_| TokenError::Malformed)?;
        let signature = hex::decode(signature).map_err(|_| TokenError::Malformed)?;
        self.mac(customer, expires)
            .verify_slice(&signature)
            .map_err(|_| TokenError::BadSignature)?;
        let expires_at = DateTime::from_timestamp(expires, 0).ok_or(TokenError::Malformed)?;
        if expires_at <= now {
            return Err(TokenError::Expired(expires_at));
        }
        let customer = customer.parse().map_err(|_| TokenError::Malformed)?;
        Ok((customer, expires_at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn secret() -> Secret {
        Secret::new(*b"0123456789abcdef0123456789abcdef").unwrap()
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap()
    }

    #[test]
    fn a_signed_token_names_its_customer_until_it_expires() {
        let c: CustomerId = "C-00042".parse().unwrap();
        let token = secret().sign(&c, now() + Duration::minutes(5));
        assert_eq!(secret().verify(&token, now()), Ok(c.clone()));
        assert!(matches!(
            secret().verify(&token, now() + Duration::minutes(5)),
            Err(TokenError::Expired(_))
        ));
    }

    #[test]
    fn a_token_living_longer_than_the_maximum_is_refused() {
        let c: CustomerId = "C-1".parse().unwrap();
        let year_9999 = Utc.with_ymd_and_hms(9999, 1, 1, 0, 0, 0).unwrap();
        let forever = secret().sign(&c, year_9999);
        assert!(matches!(
            secret().verify_within(&forever, now(), 24 * 60),
            Err(TokenError::LivesTooLong { .. })
        ));
        let day = secret().sign(&c, now() + Duration::hours(24));
        assert_eq!(secret().verify_within(&day, now(), 24 * 60), Ok(c));
    }

    #[test]
    fn ids_with_dots_survive() {
        let c: CustomerId = "cust.7.eu".parse().unwrap();
        let token = secret().sign(&c, now() + Duration::hours(1));
        assert_eq!(secret().verify(&token, now()), Ok(c));
    }

    #[test]
    fn tampering_anywhere_breaks_the_signature() {
        let c: CustomerId = "C-1".parse().unwrap();
        let token = secret().sign(&c, now() + Duration::hours(1));
        let other = token.replacen("C-1", "C-2", 1);
        assert_eq!(
            secret().verify(&other, now()),
            Err(TokenError::BadSignature)
        );
        let later = secret()
            .sign(&c, now() + Duration::hours(2))
            .rsplit_once('.')
            .map(|(head, _)| head.to_owned())
            .unwrap();
        let signature = token.rsplit_once('.').unwrap().1;
        assert_eq!(
            secret().verify(&format!("{later}.{signature}"), now()),
            Err(TokenError::BadSignature)
        );
        let foreign = Secret::new(vec![7u8; 32])
            .unwrap()
            .sign(&c, now() + Duration::hours(1));
        assert_eq!(
            secret().verify(&foreign, now()),
            Err(TokenError::BadSignature)
        );
    }

    #[test]
    fn junk_is_malformed_and_short_secrets_are_refused() {
        for junk in [
            "",
            "v1.",
            "v2.C-1.1.00",
            "v1.C-1.x.00",
            "v1.C-1.1.zz",
            "Bearer",
        ] {
            assert_eq!(
                secret().verify(junk, now()),
                Err(TokenError::Malformed),
                "{junk:?}"
            );
        }
        assert_eq!(
            Secret::new(vec![1u8; 8]).err(),
            Some(TokenError::SecretTooShort(8))
        );
        assert_eq!(format!("{:?}", secret()), "Secret(redacted)");
    }
}
