//! Customers' contact details: e-mail and phone on file. Personal data, so they live in their own
//! table beside the ledger (which is append-only) and can be corrected in place.

use fairdesk_ledger::CustomerId;
use sqlx::Row;

use crate::{Store, StoreError};

/// The contact details on file for one customer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contact {
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The longest e-mail address or phone number kept (characters).
pub const CONTACT_CHARS_MAX: usize = 254;

impl Store {
    /// Stores (or replaces) the customer's contact details.
    pub async fn set_contact(
        &self,
        customer: &CustomerId,
        contact: &Contact,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        for (field, value) in [("email", &contact.email), ("phone", &contact.phone)] {
            if value
                .as_ref()
                .is_some_and(|v| v.chars().count() > CONTACT_CHARS_MAX || v.contains('\0'))
            {
                return Err(StoreError::Invalid(format!(
                    "{field} is longer than {CONTACT_CHARS_MAX} characters or contains NUL"
                )));
            }
        }
        sqlx::query(
            "INSERT INTO customer_contacts (customer_id, email, phone, updated_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (customer_id) DO UPDATE \
             SET email = excluded.email, phone = excluded.phone, updated_at = excluded.updated_at",
        )
        .bind(customer.as_str())
        .bind(contact.email.as_deref())
        .bind(contact.phone.as_deref())
        .bind(now.to_rfc3339())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The customer's contact details (empty when none are on file).
    pub async fn contact(&self, customer: &CustomerId) -> Result<Contact, StoreError> {
        let row = sqlx::query("SELECT email, phone FROM customer_contacts WHERE customer_id = $1")
            .bind(customer.as_str())
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(row) => Contact {
                email: row.try_get(0)?,
                phone: row.try_get(1)?,
            },
            None => Contact::default(),
        })
    }
}
