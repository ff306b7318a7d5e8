//! The store on both backends: atomic, idempotent, append-only, and safe under concurrency.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::Arc;

use common::{day, fresh, key, lender_with_order, sek};
use fairdesk_ledger::{
    Currency, LedgerError, Money, Operation, OrderStatus, PaymentMethod, PlanKind,
};
use fairdesk_store::{Backend, StoreError};
use sqlx::Row;

fn o1() -> fairdesk_ledger::OrderId {
    "O-1".parse().unwrap()
}

async fn table_rows(store: &fairdesk_store::Store, table: &str) -> i64 {
    let sql = format!("SELECT CAST(COUNT(*) AS BIGINT) FROM {table}");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_one(store.pool())
        .await
        .unwrap()
        .get(0)
}

async fn operations_are_stored_and_the_audit_is_clean(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    lender_with_order(&store, sek(100_000), PlanKind::PayIn4).await;
    let capture = Operation::CaptureInstallment {
        order: o1(),
        installment: 1,
        method: PaymentMethod::Autopay,
    };
    let receipt = store
        .execute(&key("cap-1"), &capture, day(0))
        .await
        .unwrap();
    assert_eq!(receipt.postings.len(), 1);
    let order = store.order(&o1()).await.unwrap().unwrap();
    assert_eq!(order.paid_minor(), 25_000);
    assert_eq!(order.receivable_minor(), 75_000);
    // What a chat turn reads: the customer and the latest version of each of their orders.
    let (customer, orders) = store
        .customer_with_orders(&"C-1".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(customer.name, "Astrid Lund");
    assert_eq!(orders, std::slice::from_ref(&order));
    assert!(
        store
            .customer_with_orders(&"C-404".parse().unwrap())
            .await
            .unwrap()
            .is_none()
    );
    let audit = store.audit().await.unwrap();
    assert!(audit.is_clean(), "{:?}", audit.violations);
    assert_eq!(audit.accepted, 4);
    assert_eq!(audit.totals[&Currency::SEK].receivable_minor, 75_000);
    assert_eq!(audit.totals[&Currency::SEK].cash_minor, 25_000);
}
on_both_backends!(
    stored_operations,
    operations_are_stored_and_the_audit_is_clean
);

async fn replaying_a_key_returns_the_stored_outcome_without_a_second_effect(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    lender_with_order(&store, sek(100_000), PlanKind::PayIn4).await;
    let refund = Operation::Refund {
        order: o1(),
        amount: sek(10_000),
    };
    let first = store.execute(&key("r-1"), &refund, day(1)).await.unwrap();
    let again = store.execute(&key("r-1"), &refund, day(2)).await.unwrap();
    assert!(!first.replayed && again.replayed);
    assert_eq!(first.op_seq, again.op_seq);
    assert_eq!(first.postings, again.postings);
    assert_eq!(
        store.order(&o1()).await.unwrap().unwrap().refunded_minor,
        10_000
    );
}
on_both_backends!(
    replay,
    replaying_a_key_returns_the_stored_outcome_without_a_second_effect
);

async fn a_refused_operation_replays_as_the_same_refusal(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    lender_with_order(&store, sek(100_000), PlanKind::PayIn4).await;
    let too_much = Operation::Refund {
        order: o1(),
        amount: sek(100_001),
    };
    let expected = LedgerError::RefundExceedsCaptured {
        refundable_minor: 100_000,
    };
    for _ in 0..2 {
        match store.execute(&key("r-big"), &too_much, day(1)).await {
            Err(StoreError::Rejected(e)) => assert_eq!(e, expected),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
    assert_eq!(
        table_rows(&store, "postings").await,
        1,
        "only the purchase is posted"
    );
}
on_both_backends!(
    refusal_replay,
    a_refused_operation_replays_as_the_same_refusal
);

async fn reusing_a_key_for_another_operation_is_a_distinct_error(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    lender_with_order(&store, sek(100_000), PlanKind::PayIn4).await;
    let a = Operation::Refund {
        order: o1(),
        amount: sek(1_000),
    };
    let b = Operation::Refund {
        order: o1(),
        amount: sek(2_000),
    };
    store.execute(&key("k"), &a, day(1)).await.unwrap();
    match store.execute(&key("k"), &b, day(1)).await {
        Err(StoreError::KeyReused(e)) => assert_eq!(e.previous, "refund"),
        other => panic!("expected KeyReused, got {other:?}"),
    }
    assert_eq!(
        store.order(&o1()).await.unwrap().unwrap().refunded_minor,
        1_000
    );
}
on_both_backends!(
    key_mismatch,
    reusing_a_key_for_another_operation_is_a_distinct_error
);

async fn concurrent_duplicates_of_one_key_have_exactly_one_effect(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    lender_with_order(&store, sek(100_000), PlanKind::PayIn4).await;
    let store = Arc::new(store);
    let refund = Operation::Refund {
        order: o1(),
        amount: sek(5_000),
    };
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let (store, refund) = (store.clone(), refund.clone());
            tokio::spawn(async move { store.execute(&key("dup"), &refund, day(1)).await })
        })
        .collect();
    let mut seqs = Vec::new();
    for t in tasks {
        seqs.push(t.await.unwrap().unwrap().op_seq);
    }
    seqs.dedup();
    assert_eq!(
        seqs.len(),
        1,
        "every duplicate sees the one stored operation"
    );
    assert_eq!(
        store.order(&o1()).await.unwrap().unwrap().refunded_minor,
        5_000
    );
    assert!(store.audit().await.unwrap().is_clean());
}
on_both_backends!(
    concurrent_duplicates,
    concurrent_duplicates_of_one_key_have_exactly_one_effect
);

async fn fifty_concurrent_partial_refunds_succeed_exactly_as_far_as_they_fit(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    lender_with_order(&store, sek(100_000), PlanKind::PayIn4).await;
    let store = Arc::new(store);
    let tasks: Vec<_> = (0..50)
        .map(|i| {
            let store = store.clone();
            tokio::spawn(async move {
                let refund = Operation::Refund {
                    order: o1(),
                    amount: sek(3_000),
                };
                store
                    .execute(&key(&format!("refund-{i}")), &refund, day(1))
                    .await
            })
        })
        .collect();
    let (mut ok, mut refused) = (0, 0);
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => ok += 1,
            Err(StoreError::Rejected(LedgerError::RefundExceedsCaptured { .. })) => refused += 1,
            Err(e) => panic!("unexpected error: {e}"),
        }
    }
    assert_eq!(
        (ok, refused),
        (33, 17),
        "1 000.00 SEK holds 33 refunds of 30.00"
    );
    let order = store.order(&o1()).await.unwrap().unwrap();
    assert_eq!(order.refunded_minor, 99_000);
    assert_eq!(order.receivable_minor(), 1_000);
    let audit = store.audit().await.unwrap();
    assert!(audit.is_clean(), "{:?}", audit.violations);
    assert_eq!(audit.rejected, 17);
}
on_both_backends!(
    concurrent_refunds,
    fifty_concurrent_partial_refunds_succeed_exactly_as_far_as_they_fit
);

async fn ledger_tables_refuse_updates_and_deletes(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    lender_with_order(&store, sek(100_000), PlanKind::PayIn4).await;
    for sql in [
        "UPDATE postings SET amount_minor = 1",
        "DELETE FROM postings",
        "UPDATE operations SET accepted = 0",
        "DELETE FROM operations",
        "UPDATE order_versions SET status = 'cancelled'",
        "DELETE FROM customer_versions",
        "DELETE FROM merchant_versions",
    ] {
        let result = sqlx::query(sql).execute(store.pool()).await;
        assert!(result.is_err(), "{sql} must be refused");
    }
    assert!(store.audit().await.unwrap().is_clean());
}
on_both_backends!(append_only, ledger_tables_refuse_updates_and_deletes);

async fn bad_operations_are_refused_and_write_nothing_to_the_books(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    lender_with_order(&store, sek(100_000), PlanKind::PayIn30).await;
    let cancel = Operation::CancelOrder { order: o1() };
    store
        .execute(&key("cancel"), &cancel, day(1))
        .await
        .unwrap();
    let postings_before = table_rows(&store, "postings").await;
    let versions_before = table_rows(&store, "order_versions").await;
    let bad = [
        (
            Operation::Refund {
                order: "O-404".parse().unwrap(),
                amount: sek(100),
            },
            LedgerError::UnknownOrder("O-404".parse().unwrap()),
        ),
        (
            Operation::Refund {
                order: o1(),
                amount: sek(0),
            },
            LedgerError::OrderClosed(OrderStatus::Cancelled),
        ),
        (
            Operation::Refund {
                order: o1(),
                amount: Money::new(100, Currency::EUR),
            },
            LedgerError::OrderClosed(OrderStatus::Cancelled),
        ),
        (
            Operation::CaptureInstallment {
                order: o1(),
                installment: 1,
                method: PaymentMethod::Manual,
            },
            LedgerError::OrderClosed(OrderStatus::Cancelled),
        ),
        (
            Operation::PayOff {
                order: o1(),
                expected_minor: None,
            },
            LedgerError::OrderClosed(OrderStatus::Cancelled),
        ),
    ];
    for (i, (op, expected)) in bad.iter().enumerate() {
        match store.execute(&key(&format!("bad-{i}")), op, day(2)).await {
            Err(StoreError::Rejected(e)) => assert_eq!(&e, expected),
            other => panic!("{op:?}: expected {expected:?}, got {other:?}"),
        }
    }
    assert_eq!(table_rows(&store, "postings").await, postings_before);
    assert_eq!(table_rows(&store, "order_versions").await, versions_before);
    assert!(store.audit().await.unwrap().is_clean());
}
on_both_backends!(
    bad_operations,
    bad_operations_are_refused_and_write_nothing_to_the_books
);

async fn bad_requests_on_an_active_or_paid_off_order_are_typed_and_write_nothing(backend: Backend) {
    let (store, _g) = fresh(backend).await;
    lender_with_order(&store, sek(100_000), PlanKind::PayIn4).await;
    let eur = Money::new(1_000, Currency::EUR);
    let active = [
        (
            Operation::Refund {
                order: o1(),
                amount: sek(0),
            },
            LedgerError::NonPositiveAmount,
        ),
        (
            Operation::Refund {
                order: o1(),
                amount: sek(-500),
            },
            LedgerError::NonPositiveAmount,
        ),
        (
            Operation::Refund {
                order: o1(),
                amount: eur,
            },
            LedgerError::WrongCurrency {
                expected: Currency::SEK,
                got: Currency::EUR,
            },
        ),
        (
            Operation::Refund {
                order: o1(),
                amount: sek(100_001),
            },
            LedgerError::RefundExceedsCaptured {
                refundable_minor: 100_000,
            },
        ),
        (
            Operation::CaptureInstallment {
                order: o1(),
                installment: 3,
                method: PaymentMethod::Manual,
            },
            LedgerError::InstallmentNotNext {
                requested: 3,
                next: 1,
            },
        ),
        (
            Operation::CreateOrder {
                order: "O-2".parse().unwrap(),
                customer: "C-404".parse().unwrap(),
                merchant: "M-1".parse().unwrap(),
                description: "x".to_owned(),
                amount: sek(100),
                plan: PlanKind::PayIn30,
            },
            LedgerError::UnknownCustomer("C-404".parse().unwrap()),
        ),
    ];
    let payoff = Operation::PayOff {
        order: o1(),
        expected_minor: Some(100_000),
    };
    let after_payoff = [
        (
            Operation::CaptureInstallment {
                order: o1(),
                installment: 2,
                method: PaymentMethod::Manual,
            },
            LedgerError::OrderClosed(OrderStatus::PaidOff),
        ),
        (
            Operation::PayOff {
                order: o1(),
                expected_minor: None,
            },
            LedgerError::OrderClosed(OrderStatus::PaidOff),
        ),
        (
            Operation::CancelOrder { order: o1() },
            LedgerError::OrderClosed(OrderStatus::PaidOff),
        ),
    ];
    for (phase, cases) in [("active", &active[..]), ("paid_off", &after_payoff[..])] {
        if phase == "paid_off" {
            store
                .execute(&key("payoff"), &payoff, day(3))
                .await
                .unwrap();
        }
        let postings = table_rows(&store, "postings").await;
        let versions = table_rows(&store, "order_versions").await;
        for (i, (op, expected)) in cases.iter().enumerate() {
            match store
                .execute(&key(&format!("{phase}-{i}")), op, day(4))
                .await
            {
                Err(StoreError::Rejected(e)) => assert_eq!(&e, expected),
                other => panic!("{phase}: {op:?}: expected {expected:?}, got {other:?}"),
            }
        }
        assert_eq!(table_rows(&store, "postings").await, postings);
        assert_eq!(table_rows(&store, "order_versions").await, versions);
    }
    assert!(store.audit().await.unwrap().is_clean());
}
on_both_backends!(
    bad_requests_active_or_paid_off,
    bad_requests_on_an_active_or_paid_off_order_are_typed_and_write_nothing
);

async fn contact_details_are_kept_replaced_and_refused_when_malformed(backend: Backend) {
    let (store, _db) = fresh(backend).await;
    let c: fairdesk_ledger::CustomerId = "C-1".parse().unwrap();
    let now = day(1).and_hms_opt(10, 0, 0).unwrap().and_utc();
    assert_eq!(
        store.contact(&c).await.unwrap(),
        fairdesk_store::Contact::default()
    );
    let first = fairdesk_store::Contact {
        email: Some("astrid@example.com".to_owned()),
        phone: Some("+46 70 123 45 67".to_owned()),
    };
    store.set_contact(&c, &first, now).await.unwrap();
    assert_eq!(store.contact(&c).await.unwrap(), first);
    let second = fairdesk_store::Contact {
        email: Some("a.lund@example.com".to_owned()),
        phone: None,
    };
    store.set_contact(&c, &second, now).await.unwrap();
    assert_eq!(store.contact(&c).await.unwrap(), second);
    let bad = fairdesk_store::Contact {
        email: Some("a\0b@example.com".to_owned()),
        phone: None,
    };
    assert!(matches!(
        store.set_contact(&c, &bad, now).await,
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(store.contact(&c).await.unwrap(), second, "nothing changed");
}

on_both_backends!(
    contacts,
    contact_details_are_kept_replaced_and_refused_when_malformed
);
