//! `fairdesk ledger simulate`: a deterministic stream of operations against a real database.
//!
//! Operation `i` of a seed is always the same request with the same key, whatever happened before, so
//! a run that was killed can be started again: what was already executed replays idempotently and the
//! rest continues. After each operation the store has answered, the command prints `ack i` and
//! flushes, which is what the crash drill uses to know which operations were acknowledged.

use std::io::Write;

use anyhow::Result;
use chrono::{Days, NaiveDate};
use fairdesk_ledger::{Currency, Money, Operation, PaymentMethod, PlanKind, Term};
use fairdesk_store::{Store, StoreError};

use crate::rng::Rng;

/// Customers (and their orders) are created every this many operations.
const PERIOD: u64 = 8;

pub async fn run(store: &Store, seed: u64, ops: u64, as_of: NaiveDate) -> Result<()> {
    let merchant = Operation::RegisterMerchant {
        merchant: "M-SIM".parse()?,
        name: "Simulated Shop".to_owned(),
        country: "SE".to_owned(),
        currency: Currency::SEK,
    };
    store
        .execute(&format!("sim:{seed}:merchant").parse()?, &merchant, as_of)
        .await
        .or_else(accept_refusal)?;
    let mut out = std::io::stdout().lock();
    for i in 0..ops {
        let (op, day) = operation(seed, i, as_of)?;
        let key = format!("sim:{seed}:{i}").parse()?;
        store
            .execute(&key, &op, day)
            .await
            .or_else(accept_refusal)?;
        writeln!(out, "ack {i}")?;
        out.flush()?;
    }
    Ok(())
}

/// Refusals are part of the workload (refunds that no longer fit, captures not yet due).
fn accept_refusal(e: StoreError) -> Result<fairdesk_store::Receipt, StoreError> {
    match e {
        StoreError::Rejected(_) => Ok(fairdesk_store::Receipt {
            op_seq: 0,
            postings: Vec::new(),
            replayed: false,
        }),
        other => Err(other),
    }
}

/// The `i`-th operation of the stream, derived from (seed, i) alone.
fn operation(seed: u64, i: u64, start: NaiveDate) -> Result<(Operation, NaiveDate)> {
    let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(i));
    let customer = i / PERIOD;
    let day = start + Days::new(i / 4);
    let order = |c: u64| format!("O-SIM-{c}").parse();
    let op = match i % PERIOD {
        0 => Operation::RegisterCustomer {
            customer: format!("C-SIM-{customer}").parse()?,
            name: format!("Simulated Customer {customer}"),
            country: "SE".to_owned(),
            language: "sv".to_owned(),
            card_valid: true,
        },
        1 => Operation::CreateOrder {
            order: order(customer)?,
            customer: format!("C-SIM-{customer}").parse()?,
            merchant: "M-SIM".parse()?,
            description: "Simulated purchase".to_owned(),
            amount: Money::new(rng.range(10_000, 500_000), Currency::SEK),
            plan: match rng.below(3) {
                0 => PlanKind::PayIn4,
                1 => PlanKind::PayIn30,
                _ => PlanKind::Financing {
                    term: Term::M6,
                    apr_nominal_bp: 1_490,
                },
            },
        },
        _ => {
            let target = order(rng.below(customer + 1))?;
            match rng.below(4) {
                0 => Operation::Refund {
                    order: target,
                    amount: Money::new(rng.range(1, 50_000), Currency::SEK),
                },
                1 => Operation::PayOff {
                    order: target,
                    expected_minor: None,
                },
                2 => Operation::SettleMerchant {
                    merchant: "M-SIM".parse()?,
                },
                _ => Operation::CaptureInstallment {
                    order: target,
                    installment: u8::try_from(rng.range(1, 6)).unwrap_or(1),
                    method: PaymentMethod::Manual,
                },
            }
        }
    };
    Ok((op, day))
}
