//! Fresh databases for tests of fairdesk's crates: a new PostgreSQL database per test (on the server
//! named by `FAIRDESK_TEST_POSTGRES`, default `postgres://postgres@127.0.0.1:5432/postgres` with
//! trust authentication), or a SQLite file in a directory the caller keeps.

use sqlx::Connection;

/// The PostgreSQL server tests create their databases on.
pub fn postgres_admin_url() -> String {
    std::env::var("FAIRDESK_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// Creates an empty PostgreSQL database named `fairdesk_test_…` and returns its URL.
pub async fn fresh_postgres_url() -> Result<String, sqlx::Error> {
    let admin = postgres_admin_url();
    let name = format!("fairdesk_test_{}", unique_suffix());
    let mut conn = sqlx::PgConnection::connect(&admin).await?;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await?;
    let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
    Ok(format!("{base}/{name}"))
}

fn unique_suffix() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::{SystemTime, UNIX_EPOCH};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{nanos:x}_{:x}_{n}", std::process::id())
}
