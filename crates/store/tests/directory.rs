//! Listing registered customers on both backends.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{day, fresh, key};
use fairdesk_ledger::{CustomerId, Operation};
use fairdesk_store::Backend;

fn ids(list: &[&str]) -> Vec<CustomerId> {
    list.iter().map(|id| id.parse().unwrap()).collect()
}

async fn lists_each_customer_once_in_id_order(backend: Backend) {
    let (store, _guard) = fresh(backend).await;
    assert!(store.customer_ids(10).await.unwrap().is_empty());
    for id in ["C-3", "C-1", "C-2"] {
        let op = Operation::RegisterCustomer {
            customer: id.parse().unwrap(),
            name: "Test Person".to_owned(),
            country: "SE".to_owned(),
            language: "sv".to_owned(),
            card_valid: false,
        };
        store
            .execute(&key(&format!("register-{id}")), &op, day(0))
            .await
            .unwrap();
    }
    // A second version of C-1 still lists it once.
    let update = Operation::UpdatePaymentMethod {
        customer: "C-1".parse().unwrap(),
    };
    store
        .execute(&key("card-C-1"), &update, day(1))
        .await
        .unwrap();
    assert_eq!(
        store.customer_ids(10).await.unwrap(),
        ids(&["C-1", "C-2", "C-3"])
    );
    assert_eq!(store.customer_ids(2).await.unwrap(), ids(&["C-1", "C-2"]));
    assert!(store.customer_ids(0).await.unwrap().is_empty());
}

on_both_backends!(customer_ids, lists_each_customer_once_in_id_order);
