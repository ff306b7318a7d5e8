//! Who is in the ledger: the ids of registered customers, for tools that act as many of them at
//! once (the chat load benchmark).

use fairdesk_ledger::CustomerId;
use sqlx::Row;

use crate::{Store, StoreError};

impl Store {
    /// The ids of up to `limit` registered customers, in id order.
    pub async fn customer_ids(&self, limit: usize) -> Result<Vec<CustomerId>, StoreError> {
        let sql =
            "SELECT DISTINCT customer_id FROM customer_versions ORDER BY customer_id LIMIT $1";
        let rows = sqlx::query(sql)
            .bind(i64::try_from(limit).unwrap_or(i64::MAX))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let id: String = row.try_get(0)?;
                id.parse()
                    .map_err(|e| StoreError::Corrupt(format!("customer id {id:?}: {e}")))
            })
            .collect()
    }
}
