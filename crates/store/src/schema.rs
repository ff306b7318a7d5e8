//! Migrations for both backends, embedded in the binary.
//!
//! The two dialects differ (AUTOINCREMENT vs BIGSERIAL, trigger syntax), so each backend has its own
//! folder; the table shapes are the same, which is what lets one code path serve both.

use std::borrow::Cow;

use sqlx::SqlStr;
use sqlx::migrate::{Migration, MigrationType, Migrator};

use crate::Backend;

const SQLITE: &[(i64, &str, &str)] = &[
    (
        1,
        "ledger",
        include_str!("../migrations/sqlite/0001_ledger.sql"),
    ),
    (
        2,
        "conversations",
        include_str!("../migrations/sqlite/0002_conversations.sql"),
    ),
    (
        3,
        "service",
        include_str!("../migrations/sqlite/0003_service.sql"),
    ),
    (
        4,
        "contacts",
        include_str!("../migrations/sqlite/0004_contacts.sql"),
    ),
    (
        5,
        "hardening",
        include_str!("../migrations/sqlite/0005_hardening.sql"),
    ),
    (
        6,
        "stats",
        include_str!("../migrations/sqlite/0006_stats.sql"),
    ),
];
const POSTGRES: &[(i64, &str, &str)] = &[
    (
        1,
        "ledger",
        include_str!("../migrations/postgres/0001_ledger.sql"),
    ),
    (
        2,
        "conversations",
        include_str!("../migrations/postgres/0002_conversations.sql"),
    ),
    (
        3,
        "service",
        include_str!("../migrations/postgres/0003_service.sql"),
    ),
    (
        4,
        "contacts",
        include_str!("../migrations/postgres/0004_contacts.sql"),
    ),
    (
        5,
        "hardening",
        include_str!("../migrations/postgres/0005_hardening.sql"),
    ),
    (
        6,
        "stats",
        include_str!("../migrations/postgres/0006_stats.sql"),
    ),
];

pub(crate) fn migrator(backend: Backend) -> Migrator {
    let files = match backend {
        Backend::Sqlite => SQLITE,
        Backend::Postgres => POSTGRES,
    };
    let migrations = files
        .iter()
        .map(|(version, name, sql)| {
            Migration::new(
                *version,
                Cow::Borrowed(*name),
                MigrationType::Simple,
                SqlStr::from_static(sql),
                false,
            )
        })
        .collect::<Vec<_>>();
    Migrator {
        migrations: Cow::Owned(migrations),
        ..Migrator::DEFAULT
    }
}
