//! The daily collection job: end expired return pauses, collect due installments by autopay (or record
//! the declined attempt when the card is invalid), and assess late fees after the grace period.
//!
//! Every request carries a key derived from what it does (order, installment, and for a declined
//! attempt the day), so running the job twice for the same day changes nothing the second time, and a
//! job killed halfway can simply be run again.

use std::collections::HashMap;

use chrono::NaiveDate;
use fairdesk_ledger::{
    DeclineReason, IdempotencyKey, Operation, Order, OrderStatus, Pause, PaymentMethod,
};
use serde::Serialize;

use crate::{Request, Store, StoreError, load};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CollectReport {
    pub resumed: u32,
    pub captured: u32,
    pub declined: u32,
    pub late_fees: u32,
    /// Requests already executed by an earlier run (idempotent replays).
    pub replayed: u32,
    /// Requests the money core refused (e.g. a fee cap reached meanwhile).
    pub refused: u32,
}

/// Requests are committed in batches of this many.
const BATCH_REQUESTS_MAX: usize = 500;

pub(crate) async fn run(store: &Store, as_of: NaiveDate) -> Result<CollectReport, StoreError> {
    let mut report = CollectReport::default();
    let orders = active_orders(store).await?;
    let resumes: Vec<Request> = orders
        .iter()
        .filter_map(|o| resume_request(o, as_of))
        .collect();
    submit(store, &resumes, &mut report, |r| &mut r.resumed).await?;

    let orders = if resumes.is_empty() {
        orders
    } else {
        active_orders(store).await?
    };
    let cards: HashMap<_, _> = {
        let mut conn = store.pool.acquire().await?;
        load::latest_customers(&mut conn)
            .await?
            .into_iter()
            .map(|c| (c.id, c.card_valid))
            .collect()
    };
    let mut captures = Vec::new();
    let mut declines = Vec::new();
    let mut fees = Vec::new();
    for order in orders.iter().filter(|o| o.pause.is_none()) {
        let card_valid = cards.get(&order.customer).copied().unwrap_or(false);
        for inst in order.open_installments().filter(|i| i.due <= as_of) {
            if card_valid {
                let key = format!("collect:capture:{}:{}", order.id, inst.seq);
                let op = Operation::CaptureInstallment {
                    order: order.id.clone(),
                    installment: inst.seq,
                    method: PaymentMethod::Autopay,
                };
                captures.push(request(&key, op, as_of)?);
            } else {
                let key = format!("collect:declined:{}:{}:{as_of}", order.id, inst.seq);
                let op = Operation::RecordPaymentFailure {
                    order: order.id.clone(),
                    installment: inst.seq,
                    reason: DeclineReason::CardExpired,
                };
                declines.push(request(&key, op, as_of)?);
                break;
            }
        }
        if !card_valid {
            let room = store
                .policy
                .late_fees_per_order_max
                .saturating_sub(order.late_fees_assessed);
            let late = order.late_installments(as_of, store.policy.grace_days);
            let unfeed = late
                .into_iter()
                .filter(|seq| order.installment(*seq).is_some_and(|i| i.fee_minor == 0));
            for seq in unfeed.take(usize::try_from(room).unwrap_or(0)) {
                let key = format!("collect:fee:{}:{seq}", order.id);
                let op = Operation::AssessLateFee {
                    order: order.id.clone(),
                    installment: seq,
                };
                fees.push(request(&key, op, as_of)?);
            }
        }
    }
    submit(store, &captures, &mut report, |r| &mut r.captured).await?;
    submit(store, &declines, &mut report, |r| &mut r.declined).await?;
    submit(store, &fees, &mut report, |r| &mut r.late_fees).await?;
    Ok(report)
}

async fn active_orders(store: &Store) -> Result<Vec<Order>, StoreError> {
    let mut conn = store.pool.acquire().await?;
    let orders = load::latest_orders(&mut conn, None).await?;
    Ok(orders
        .into_iter()
        .filter(|o| o.status == OrderStatus::Active)
        .collect())
}

fn resume_request(order: &Order, as_of: NaiveDate) -> Option<Request> {
    match order.pause {
        Some(Pause::Return { since, until }) if as_of >= until => {
            let key = format!("collect:resume:{}:{since}", order.id);
            request(
                &key,
                Operation::ResumePlan {
                    order: order.id.clone(),
                },
                as_of,
            )
            .ok()
        }
        _ => None,
    }
}

fn request(key: &str, op: Operation, as_of: NaiveDate) -> Result<Request, StoreError> {
    let key: IdempotencyKey = key
        .parse()
        .map_err(|e| StoreError::Corrupt(format!("{e}")))?;
    Ok(Request { key, op, as_of })
}

async fn submit(
    store: &Store,
    requests: &[Request],
    report: &mut CollectReport,
    counter: fn(&mut CollectReport) -> &mut u32,
) -> Result<(), StoreError> {
    for chunk in requests.chunks(BATCH_REQUESTS_MAX) {
        for result in store.execute_batch(chunk).await? {
            match result {
                Ok(receipt) if receipt.replayed => report.replayed += 1,
                Ok(_) => *counter(report) += 1,
                Err(StoreError::Rejected(_)) => report.refused += 1,
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}
