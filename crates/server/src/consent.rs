//! Checkout consent: a merchant may put a customer into debt only with the customer's agreement to
//! that purchase. The flow:
//!
//! 1. At checkout the customer, signed in at the lender (the widget holds their customer token),
//!    agrees to pay this merchant this amount in this currency. The lender's side gets a consent
//!    for it: `POST /api/v1/me/checkout-consents` with the customer's token, or the lender's site
//!    signs one itself with the shared secret (the format below).
//! 2. The merchant's checkout passes the consent along as `consent` in
//!    `POST /api/v1/merchant/orders`. The order is created only if the consent is validly signed,
//!    unexpired, at most `checkout_consent_minutes` long-lived, and names exactly this merchant,
//!    customer, amount and currency. One consent makes at most one order (the order id comes from it).
//!
//! A consent reads
//! `c1~<customer>~<merchant>~<amount minor>~<currency>~<expiry, unix s>~<nonce>~<signature>` (ids
//! never contain `~`; the nonce makes two equal purchases two consents); the signature is HMAC-SHA256 over the fields with the token secret
//! (see [`Secret::derive`], purpose `checkout-consent`).

use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::auth::same;
use crate::token::Secret;

const VERSION: &str = "c1";
const PURPOSE: &str = "checkout-consent";

/// What the customer agreed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Consent {
    pub customer: String,
    pub merchant: String,
    pub amount_minor: i64,
    pub currency: String,
    pub expires: DateTime<Utc>,
    /// Random, so that each consent is one of a kind (hex, no `~`).
    pub nonce: String,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ConsentError {
    #[error("the consent is malformed")]
    Malformed,
    #[error("the consent's signature is not valid")]
    BadSignature,
    #[error("the consent expired")]
    Expired,
    #[error("the consent lives longer than allowed")]
    LivesTooLong,
    #[error("no randomness for a consent's nonce")]
    NoRandomness,
}

impl Consent {
    /// A new consent with a fresh nonce.
    pub fn new(
        customer: &str,
        merchant: &str,
        amount_minor: i64,
        currency: &str,
        expires: DateTime<Utc>,
    ) -> Result<Consent, ConsentError> {
        let mut nonce = [0u8; 8];
        getrandom::fill(&mut nonce).map_err(|_| ConsentError::NoRandomness)?;
        Ok(Consent {
            customer: customer.to_owned(),
            merchant: merchant.to_owned(),
            amount_minor,
            currency: currency.to_owned(),
            expires,
            nonce: hex::encode(nonce),
        })
    }

    fn signed_text(&self) -> String {
        format!(
            "{VERSION}\n{}\n{}\n{}\n{}\n{}\n{}",
            self.customer,
            self.merchant,
            self.amount_minor,
            self.currency,
            self.expires.timestamp(),
            self.nonce
        )
    }

    /// The consent as a token, signed with `secret`.
    pub fn sign(&self, secret: &Secret) -> String {
        let signature = secret.derive(PURPOSE, &self.signed_text());
        format!(
            "{VERSION}~{}~{}~{}~{}~{}~{}~{signature}",
            self.customer,
            self.merchant,
            self.amount_minor,
            self.currency,
            self.expires.timestamp(),
            self.nonce
        )
    }

    /// The consent a token holds, if `secret` signed it, it has not expired at `now`, and it
    /// lives at most `minutes_max` from `now`.
    pub fn verify(
        token: &str,
        secret: &Secret,
        now: DateTime<Utc>,
        minutes_max: i64,
    ) -> Result<Consent, ConsentError> {
        let consent = Consent::read(token, secret)?;
        consent.current(now, minutes_max)?;
        Ok(consent)
    }

    /// The consent a token holds, if `secret` signed it (whether or not it is still current).
    pub fn read(token: &str, secret: &Secret) -> Result<Consent, ConsentError> {
        let parts: Vec<&str> = token.split('~').collect();
        let [
            VERSION,
            customer,
            merchant,
            amount,
            currency,
            expires,
            nonce,
            signature,
        ] = parts.as_slice()
        else {
            return Err(ConsentError::Malformed);
        };
        let consent = Consent {
            customer: (*customer).to_owned(),
            merchant: (*merchant).to_owned(),
            amount_minor: amount.parse().map_err(|_| ConsentError::Malformed)?,
            currency: (*currency).to_owned(),
            expires: expires
                .parse()
                .ok()
                .and_then(|s| DateTime::from_timestamp(s, 0))
                .ok_or(ConsentError::Malformed)?,
            nonce: (*nonce).to_owned(),
        };
        if !same(&secret.derive(PURPOSE, &consent.signed_text()), signature) {
            return Err(ConsentError::BadSignature);
        }
        Ok(consent)
    }

    /// Whether the consent holds at `now`: not expired, and living at most `minutes_max`.
    pub fn current(&self, now: DateTime<Utc>, minutes_max: i64) -> Result<(), ConsentError> {
        if self.expires <= now {
            return Err(ConsentError::Expired);
        }
        if self.expires > now + chrono::Duration::minutes(minutes_max) {
            return Err(ConsentError::LivesTooLong);
        }
        Ok(())
    }

    /// The signature part, which names this consent (and so the one order it may make).
    pub fn signature_of(token: &str) -> &str {
        token.rsplit('~').next().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn secret() -> Secret {
        Secret::new(*b"0123456789abcdef0123456789abcdef").unwrap_or_else(|_| unreachable!())
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0)
            .single()
            .unwrap_or_default()
    }

    fn consent() -> Consent {
        Consent {
            customer: "C-1".to_owned(),
            merchant: "M.1".to_owned(),
            amount_minor: 12_345,
            currency: "SEK".to_owned(),
            expires: now() + Duration::minutes(10),
            nonce: "00ff".to_owned(),
        }
    }

    #[test]
    fn a_signed_consent_reads_back_until_it_expires() {
        let token = consent().sign(&secret());
        assert_eq!(Consent::verify(&token, &secret(), now(), 15), Ok(consent()));
        assert_eq!(
            Consent::verify(&token, &secret(), now() + Duration::minutes(10), 15),
            Err(ConsentError::Expired)
        );
        assert_eq!(
            Consent::verify(&token, &secret(), now(), 5),
            Err(ConsentError::LivesTooLong)
        );
    }

    #[test]
    fn a_changed_amount_merchant_or_secret_breaks_the_signature() {
        let token = consent().sign(&secret());
        for forged in [
            token.replacen("12345", "99999", 1),
            token.replacen("M.1", "M.2", 1),
            token.replacen("SEK", "EUR", 1),
        ] {
            assert_eq!(
                Consent::verify(&forged, &secret(), now(), 15),
                Err(ConsentError::BadSignature)
            );
        }
        let other = Secret::new(vec![7u8; 32]).unwrap_or_else(|_| unreachable!());
        assert_eq!(
            Consent::verify(&consent().sign(&other), &secret(), now(), 15),
            Err(ConsentError::BadSignature)
        );
        for junk in ["", "c1~a", "v1.C-1.1.00", "c1~C~M~x~SEK~1~00~ab"] {
            assert_eq!(
                Consent::verify(junk, &secret(), now(), 15),
                Err(ConsentError::Malformed)
            );
        }
    }
}
