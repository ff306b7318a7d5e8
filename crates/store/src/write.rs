//! The write path: one transaction per batch, each operation checked against the idempotency log,
//! decided by the money core, and appended with its outcome, new versions and postings.

use fairdesk_ledger::{
    Account, Books, IdempotencyKey, KeyReused, Operation, Order, Outcome, apply,
};
use serde::Serialize;
use sqlx::{AnyConnection, Row};

use crate::load::{self, StoredOp};
use crate::{Backend, Receipt, Request, Store, StoreError};

pub(crate) async fn run_batch(
    store: &Store,
    requests: &[Request],
) -> Result<Vec<Result<Receipt, StoreError>>, StoreError> {
    let begin = match store.backend {
        Backend::Sqlite => "BEGIN IMMEDIATE",
        Backend::Postgres => "BEGIN ISOLATION LEVEL SERIALIZABLE",
    };
    // On SQLite, wait for the conversation writer here rather than in SQLite's busy handler.
    let _turn = match &store.writer {
        Some(writer) => Some(writer.lock().await),
        None => None,
    };
    let mut tx = store.pool.begin_with(begin).await?;
    let mut results = Vec::with_capacity(requests.len());
    for request in requests {
        results.push(execute_one(&mut tx, store, request).await?);
    }
    tx.commit().await?;
    Ok(results)
}

/// The outer result is a database failure (the batch rolls back); the inner one is the operation's.
async fn execute_one(
    conn: &mut AnyConnection,
    store: &Store,
    request: &Request,
) -> Result<Result<Receipt, StoreError>, StoreError> {
    if let Some(stored) = load::stored_operation(conn, &request.key).await? {
        return Ok(replay(stored, &request.key, &request.op));
    }
    let (books, versions) = load_books(conn, &request.op).await?;
    let decided = apply(&request.op, &books, request.as_of, &store.policy);
    let outcome: Outcome = decided
        .as_ref()
        .map(|e| e.postings.clone())
        .map_err(Clone::clone);
    let seq = insert_operation(conn, request, &outcome).await?;
    let effect = match decided {
        Ok(effect) => effect,
        Err(e) => return Ok(Err(StoreError::Rejected(e))),
    };
    if let Some(c) = &effect.customer {
        insert_version(
            conn,
            VersionTable::Customer,
            c.id.as_str(),
            versions.customer + 1,
            seq,
            c,
        )
        .await?;
    }
    if let Some(m) = &effect.merchant {
        insert_version(
            conn,
            VersionTable::Merchant,
            m.id.as_str(),
            versions.merchant + 1,
            seq,
            m,
        )
        .await?;
    }
    if let Some(o) = &effect.order {
        let sql = "INSERT INTO order_versions \
                   (order_id, version, op_seq, customer_id, merchant_id, status, state) \
                   VALUES ($1, $2, $3, $4, $5, $6, $7)";
        sqlx::query(sql)
            .bind(o.id.as_str())
            .bind(versions.order + 1)
            .bind(seq)
            .bind(o.customer.as_str())
            .bind(o.merchant.as_str())
            .bind(
                serde_json::to_value(o.status)?
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            )
            .bind(serde_json::to_string(o)?)
            .execute(&mut *conn)
            .await?;
    }
    for (n, p) in (0i64..).zip(&effect.postings) {
        let sql = "INSERT INTO postings (op_seq, n, debit, credit, currency, amount_minor) \
                   VALUES ($1, $2, $3, $4, $5, $6)";
        sqlx::query(sql)
            .bind(seq)
            .bind(n)
            .bind(p.debit.to_string())
            .bind(p.credit.to_string())
            .bind(p.amount.currency.code())
            .bind(p.amount.amount_minor)
            .execute(&mut *conn)
            .await?;
    }
    Ok(Ok(Receipt {
        op_seq: seq,
        postings: effect.postings,
        replayed: false,
    }))
}

pub(crate) fn replay(
    stored: StoredOp,
    key: &IdempotencyKey,
    op: &Operation,
) -> Result<Receipt, StoreError> {
    if &stored.op != op {
        return Err(StoreError::KeyReused(KeyReused {
            key: key.clone(),
            previous: stored.op.name().to_owned(),
        }));
    }
    stored
        .outcome
        .map(|postings| Receipt {
            op_seq: stored.seq,
            postings,
            replayed: true,
        })
        .map_err(StoreError::Rejected)
}

/// The latest version numbers (0 when absent) of what the operation reads.
#[derive(Default)]
struct Versions {
    customer: i64,
    merchant: i64,
    order: i64,
}

async fn load_books(
    conn: &mut AnyConnection,
    op: &Operation,
) -> Result<(Books, Versions), StoreError> {
    let targets = op.targets();
    let mut books = Books::default();
    let mut versions = Versions::default();
    if let Some(id) = &targets.order
        && let Some((order, v)) = load::latest_order(conn, id).await?
    {
        books.order = Some(order);
        versions.order = v;
    }
    let customer = books
        .order
        .as_ref()
        .map(|o| o.customer.clone())
        .or(targets.customer);
    let merchant = books
        .order
        .as_ref()
        .map(|o| o.merchant.clone())
        .or(targets.merchant);
    if let Some(id) = &customer
        && let Some((c, v)) = load::latest_customer(conn, id).await?
    {
        books.customer = Some(c);
        versions.customer = v;
    }
    if let Some(id) = &merchant
        && let Some((m, v)) = load::latest_merchant(conn, id).await?
    {
        books.merchant = Some(m);
        versions.merchant = v;
    }
    if let (Operation::SettleMerchant { .. }, Some(m)) = (op, &books.merchant) {
        books.merchant_owed_minor =
            -load::balance(conn, &Account::MerchantPayable(m.id.clone())).await?;
    }
    if let (Operation::CloseAccount { .. }, Some(c)) = (op, &books.customer) {
        books.customer_outstanding_minor = load::latest_orders(conn, Some(&c.id))
            .await?
            .iter()
            .map(Order::outstanding_minor)
            .sum();
    }
    Ok((books, versions))
}

async fn insert_operation(
    conn: &mut AnyConnection,
    request: &Request,
    outcome: &Outcome,
) -> Result<i64, StoreError> {
    let sql = "INSERT INTO operations (idem_key, name, op, as_of, accepted, outcome) \
               VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq";
    let row = sqlx::query(sql)
        .bind(request.key.as_str())
        .bind(request.op.name())
        .bind(serde_json::to_string(&request.op)?)
        .bind(request.as_of.to_string())
        .bind(i64::from(outcome.is_ok()))
        .bind(serde_json::to_string(outcome)?)
        .fetch_one(&mut *conn)
        .await?;
    Ok(row.try_get(0)?)
}

#[derive(Clone, Copy)]
enum VersionTable {
    Customer,
    Merchant,
}

async fn insert_version<T: Serialize>(
    conn: &mut AnyConnection,
    table: VersionTable,
    id: &str,
    version: i64,
    seq: i64,
    state: &T,
) -> Result<(), StoreError> {
    let sql = match table {
        VersionTable::Customer => {
            "INSERT INTO customer_versions (customer_id, version, op_seq, state) \
             VALUES ($1, $2, $3, $4)"
        }
        VersionTable::Merchant => {
            "INSERT INTO merchant_versions (merchant_id, version, op_seq, state) \
             VALUES ($1, $2, $3, $4)"
        }
    };
    sqlx::query(sql)
        .bind(id)
        .bind(version)
        .bind(seq)
        .bind(serde_json::to_string(state)?)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
