//! Reading the latest versions of aggregates, stored operations and account balances.
//!
//! Aggregates are stored as JSON, one row per version; the latest version is the one with the highest
//! number. Reads take a connection so they work inside a write transaction and outside one alike.

use fairdesk_ledger::{
    Account, Customer, CustomerId, IdempotencyKey, Merchant, MerchantId, Operation, Order, OrderId,
    Outcome,
};
use serde::de::DeserializeOwned;
use sqlx::{AnyConnection, Row};

use crate::StoreError;

/// An operation as the idempotency log holds it.
pub(crate) struct StoredOp {
    pub seq: i64,
    pub op: Operation,
    pub outcome: Outcome,
}

pub(crate) async fn stored_operation(
    conn: &mut AnyConnection,
    key: &IdempotencyKey,
) -> Result<Option<StoredOp>, StoreError> {
    let row = sqlx::query("SELECT seq, op, outcome FROM operations WHERE idem_key = $1")
        .bind(key.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(StoredOp {
        seq: row.try_get(0)?,
        op: serde_json::from_str(&row.try_get::<String, _>(1)?)?,
        outcome: serde_json::from_str(&row.try_get::<String, _>(2)?)?,
    }))
}

async fn latest<T: DeserializeOwned>(
    conn: &mut AnyConnection,
    sql: &'static str,
    id: &str,
) -> Result<Option<(T, i64)>, StoreError> {
    let row = sqlx::query(sql).bind(id).fetch_optional(&mut *conn).await?;
    let Some(row) = row else { return Ok(None) };
    let state: String = row.try_get(0)?;
    Ok(Some((serde_json::from_str(&state)?, row.try_get(1)?)))
}

pub(crate) async fn latest_order(
    conn: &mut AnyConnection,
    id: &OrderId,
) -> Result<Option<(Order, i64)>, StoreError> {
    let sql = "SELECT state, version FROM order_versions WHERE order_id = $1 \
               ORDER BY version DESC LIMIT 1";
    latest(conn, sql, id.as_str()).await
}

pub(crate) async fn latest_customer(
    conn: &mut AnyConnection,
    id: &CustomerId,
) -> Result<Option<(Customer, i64)>, StoreError> {
    let sql = "SELECT state, version FROM customer_versions WHERE customer_id = $1 \
               ORDER BY version DESC LIMIT 1";
    latest(conn, sql, id.as_str()).await
}

pub(crate) async fn latest_merchant(
    conn: &mut AnyConnection,
    id: &MerchantId,
) -> Result<Option<(Merchant, i64)>, StoreError> {
    let sql = "SELECT state, version FROM merchant_versions WHERE merchant_id = $1 \
               ORDER BY version DESC LIMIT 1";
    latest(conn, sql, id.as_str()).await
}

/// The latest version of every order (of one customer, if given).
pub(crate) async fn latest_orders(
    conn: &mut AnyConnection,
    customer: Option<&CustomerId>,
) -> Result<Vec<Order>, StoreError> {
    // Two statements rather than `($1 = '' OR customer_id = $1)`: with the OR, SQLite cannot use
    // the customer index and every chat turn would read the whole order table.
    const LATEST: &str = "v.version = \
        (SELECT MAX(w.version) FROM order_versions w WHERE w.order_id = v.order_id)";
    let query = match customer {
        Some(c) => sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT v.state FROM order_versions v WHERE v.customer_id = $1 AND {LATEST} \
             ORDER BY v.order_id"
        )))
        .bind(c.as_str()),
        None => sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT v.state FROM order_versions v WHERE {LATEST} ORDER BY v.order_id"
        ))),
    };
    let rows = query.fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|r| Ok(serde_json::from_str(&r.try_get::<String, _>(0)?)?))
        .collect()
}

/// A customer's latest version and the latest version of each of their orders, in one round trip
/// (read on every chat turn).
pub(crate) async fn customer_with_orders(
    conn: &mut AnyConnection,
    id: &CustomerId,
) -> Result<Option<(Customer, Vec<Order>)>, StoreError> {
    let sql = "SELECT 'c', c.state, '' FROM customer_versions c WHERE c.customer_id = $1 \
               AND c.version = (SELECT MAX(w.version) FROM customer_versions w \
                                WHERE w.customer_id = $1) \
               UNION ALL \
               SELECT 'o', v.state, v.order_id FROM order_versions v WHERE v.customer_id = $1 \
               AND v.version = (SELECT MAX(w.version) FROM order_versions w \
                                WHERE w.order_id = v.order_id) \
               ORDER BY 1, 3";
    let rows = sqlx::query(sql)
        .bind(id.as_str())
        .fetch_all(&mut *conn)
        .await?;
    let mut customer = None;
    let mut orders = Vec::with_capacity(rows.len());
    for row in &rows {
        let state: String = row.try_get(1)?;
        if row.try_get::<String, _>(0)? == "c" {
            customer = Some(serde_json::from_str(&state)?);
        } else {
            orders.push(serde_json::from_str(&state)?);
        }
    }
    Ok(customer.map(|c| (c, orders)))
}

/// The latest version of every customer.
pub(crate) async fn latest_customers(
    conn: &mut AnyConnection,
) -> Result<Vec<Customer>, StoreError> {
    let sql = "SELECT v.state FROM customer_versions v WHERE v.version = \
               (SELECT MAX(w.version) FROM customer_versions w WHERE w.customer_id = v.customer_id)";
    let rows = sqlx::query(sql).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|r| Ok(serde_json::from_str(&r.try_get::<String, _>(0)?)?))
        .collect()
}

/// The debit-positive balance of an account in minor units.
pub(crate) async fn balance(
    conn: &mut AnyConnection,
    account: &Account,
) -> Result<i64, StoreError> {
    let name = account.to_string();
    let sql = "SELECT CAST(\
               COALESCE((SELECT SUM(amount_minor) FROM postings WHERE debit = $1), 0) - \
               COALESCE((SELECT SUM(amount_minor) FROM postings WHERE credit = $1), 0) AS BIGINT)";
    let row = sqlx::query(sql).bind(name).fetch_one(&mut *conn).await?;
    Ok(row.try_get(0)?)
}
