//! The ledger audit: recompute every invariant from what is stored, trusting nothing cached.
//!
//! Balances are rebuilt from the postings alone; each accepted operation's stored outcome must match
//! its posting rows; refused operations must have none; per currency the books must balance; every
//! order's receivable balance must equal what its latest version says is owed; version numbers must be
//! contiguous; overpayments must have been paid back.

use std::collections::{BTreeMap, HashMap};

use fairdesk_ledger::invariants::check_order;
use fairdesk_ledger::posting::post_all;
use fairdesk_ledger::{Account, Balances, Currency, Money, Outcome, Posting};
use serde::Serialize;
use sqlx::Row;

use crate::{Store, StoreError, load};

/// Totals per currency, debit-positive (a liability shows as negative).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CurrencyTotals {
    pub receivable_minor: i64,
    pub merchant_payable_minor: i64,
    pub cash_minor: i64,
    pub interest_income_minor: i64,
    pub fee_income_minor: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AuditReport {
    pub operations: i64,
    pub accepted: i64,
    pub rejected: i64,
    pub postings: i64,
    pub customers: i64,
    pub merchants: i64,
    pub orders_by_status: BTreeMap<String, i64>,
    pub totals: BTreeMap<Currency, CurrencyTotals>,
    pub violations: Vec<String>,
}

impl AuditReport {
    pub fn is_clean(&self) -> bool {
        self.violations.is_empty()
    }
}

/// Violations are listed up to this many; beyond it only the count grows.
const VIOLATIONS_LISTED_MAX: usize = 100;

pub(crate) async fn run(store: &Store) -> Result<AuditReport, StoreError> {
    let mut conn = store.pool.acquire().await?;
    let mut report = AuditReport::default();
    let mut v = Vec::new();

    let mut rows_by_op: HashMap<i64, Vec<Posting>> = HashMap::new();
    let rows = sqlx::query(
        "SELECT op_seq, debit, credit, currency, amount_minor FROM postings ORDER BY op_seq, n",
    )
    .fetch_all(&mut *conn)
    .await?;
    for row in &rows {
        match parse_posting(row) {
            Ok((seq, p)) => rows_by_op.entry(seq).or_default().push(p),
            Err(e) => v.push(format!("unreadable posting: {e}")),
        }
    }
    report.postings = i64::try_from(rows.len()).unwrap_or(i64::MAX);
    let mut balances = Balances::new();
    post_all(&mut balances, rows_by_op.values().flatten());

    let ops = sqlx::query("SELECT seq, accepted, outcome FROM operations ORDER BY seq")
        .fetch_all(&mut *conn)
        .await?;
    for row in &ops {
        let seq: i64 = row.try_get(0)?;
        let accepted: i64 = row.try_get(1)?;
        let outcome: Outcome = serde_json::from_str(&row.try_get::<String, _>(2)?)?;
        let stored = rows_by_op.remove(&seq).unwrap_or_default();
        match (accepted, outcome) {
            (1, Ok(postings)) if postings == stored => report.accepted += 1,
            (0, Err(_)) if stored.is_empty() => report.rejected += 1,
            _ => v.push(format!(
                "operation {seq}: stored outcome disagrees with its postings"
            )),
        }
    }
    report.operations = i64::try_from(ops.len()).unwrap_or(i64::MAX);
    for seq in rows_by_op.keys() {
        v.push(format!("postings reference missing operation {seq}"));
    }

    check_balances(&balances, &mut v);
    report.totals = totals(&balances);

    let orders = load::latest_orders(&mut conn, None).await?;
    for order in &orders {
        let account = Account::Receivable(order.id.clone());
        let booked = balances.remove(&(account, order.currency())).unwrap_or(0);
        if booked != order.receivable_minor() {
            v.push(format!(
                "order {}: receivable postings {booked} != owed per order state {}",
                order.id,
                order.receivable_minor()
            ));
        }
        for violation in check_order(order) {
            v.push(format!("order {}: {violation}", order.id));
        }
        let status = serde_json::to_value(order.status)?
            .as_str()
            .unwrap_or_default()
            .to_owned();
        *report.orders_by_status.entry(status).or_insert(0) += 1;
    }
    for ((account, currency), minor) in &balances {
        if matches!(account, Account::Receivable(_)) && *minor != 0 {
            v.push(format!(
                "{account} holds {} but no order has it",
                Money::new(*minor, *currency)
            ));
        }
    }
    for table in ["order_versions", "customer_versions", "merchant_versions"] {
        check_versions(&mut conn, table, &mut v).await?;
    }
    report.customers = count(
        &mut conn,
        "SELECT COUNT(DISTINCT customer_id) FROM customer_versions",
    )
    .await?;
    report.merchants = count(
        &mut conn,
        "SELECT COUNT(DISTINCT merchant_id) FROM merchant_versions",
    )
    .await?;
    if v.len() > VIOLATIONS_LISTED_MAX {
        let more = v.len() - VIOLATIONS_LISTED_MAX;
        v.truncate(VIOLATIONS_LISTED_MAX);
        v.push(format!("… and {more} more violations"));
    }
    report.violations = v;
    Ok(report)
}

fn parse_posting(row: &sqlx::any::AnyRow) -> Result<(i64, Posting), StoreError> {
    let corrupt = |e: &dyn std::fmt::Display| StoreError::Corrupt(e.to_string());
    let seq: i64 = row.try_get(0)?;
    let debit = row
        .try_get::<String, _>(1)?
        .parse::<Account>()
        .map_err(|e| corrupt(&e))?;
    let credit = row
        .try_get::<String, _>(2)?
        .parse::<Account>()
        .map_err(|e| corrupt(&e))?;
    let currency = row
        .try_get::<String, _>(3)?
        .parse::<Currency>()
        .map_err(|e| corrupt(&e))?;
    let amount = Money::new(row.try_get(4)?, currency);
    Ok((
        seq,
        Posting {
            debit,
            credit,
            amount,
        },
    ))
}

fn check_balances(balances: &Balances, v: &mut Vec<String>) {
    let mut per_currency: BTreeMap<Currency, i128> = BTreeMap::new();
    for ((account, currency), minor) in balances {
        *per_currency.entry(*currency).or_insert(0) += i128::from(*minor);
        if matches!(account, Account::CustomerPayable(_)) && *minor != 0 {
            v.push(format!("{account} was not paid back: {minor}"));
        }
    }
    for (currency, sum) in per_currency {
        if sum != 0 {
            v.push(format!("{currency}: debits and credits differ by {sum}"));
        }
    }
}

fn totals(balances: &Balances) -> BTreeMap<Currency, CurrencyTotals> {
    let mut totals: BTreeMap<Currency, CurrencyTotals> = BTreeMap::new();
    for ((account, currency), minor) in balances {
        let t = totals.entry(*currency).or_default();
        match account {
            Account::Receivable(_) => t.receivable_minor += minor,
            Account::MerchantPayable(_) => t.merchant_payable_minor += minor,
            Account::Cash => t.cash_minor += minor,
            Account::InterestIncome => t.interest_income_minor += minor,
            Account::FeeIncome => t.fee_income_minor += minor,
            Account::CustomerPayable(_) => {}
        }
    }
    totals
}

async fn check_versions(
    conn: &mut sqlx::AnyConnection,
    table: &str,
    v: &mut Vec<String>,
) -> Result<(), StoreError> {
    let id = table.trim_end_matches("_versions");
    let sql = format!(
        "SELECT {id}_id, CAST(COUNT(*) AS BIGINT), CAST(MAX(version) AS BIGINT) FROM {table} \
         GROUP BY {id}_id HAVING COUNT(*) <> MAX(version)"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_all(&mut *conn)
        .await?;
    for row in rows {
        v.push(format!(
            "{id} {}: versions are not contiguous",
            row.try_get::<String, _>(0)?
        ));
    }
    Ok(())
}

async fn count(conn: &mut sqlx::AnyConnection, sql: &'static str) -> Result<i64, StoreError> {
    let sql = format!("SELECT CAST(({sql}) AS BIGINT)");
    Ok(sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_one(&mut *conn)
        .await?
        .try_get(0)?)
}
