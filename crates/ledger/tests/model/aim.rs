//! Aiming operations at orders: which order an operation names and with which installment, amount
//! or date, so that most requests can succeed and a steady share cannot.
//!
//! Choices come from random words taken apart with [`pick`] rather than from nested strategies, so
//! one flat strategy serves every operation kind and shrinking stays cheap.

use chrono::{Days, NaiveDate};
use fairdesk_ledger::{
    Currency, DeclineReason, DisputeOutcome, Money, Operation, OrderId, OrderStatus, PaymentMethod,
};
use proptest::prelude::*;

use super::reference::RefState;
use super::rules::MPause;

/// What generation needs to know about one order to aim operations at it.
#[derive(Clone, Debug)]
pub struct OrderInfo {
    pub id: OrderId,
    currency: Currency,
    count: u8,
    next: Option<(u8, NaiveDate)>,
    refundable: i64,
    quote: i64,
    late: Option<u8>,
    with_fee: Option<u8>,
    pub active: bool,
    disputed: bool,
    return_paused: bool,
    return_pending: bool,
}

pub fn order_infos(state: &RefState) -> Vec<OrderInfo> {
    let grace = u64::from(state.model.policy.grace_days);
    let today = state.today;
    state
        .model
        .orders
        .iter()
        .map(|(id, o)| OrderInfo {
            id: id.clone(),
            currency: o.currency(),
            count: u8::try_from(o.installments.len()).unwrap_or(u8::MAX),
            next: o.next_open().map(|i| (i.seq, i.due)),
            refundable: o.refundable(),
            quote: o.payoff_quote(today).0,
            late: o
                .open()
                .find(|i| i.due + Days::new(grace) < today)
                .map(|i| i.seq),
            with_fee: o.open().find(|i| i.fee_owed() > 0).map(|i| i.seq),
            active: o.status() == OrderStatus::Active,
            disputed: matches!(o.pause, Some(MPause::Dispute { .. })),
            return_paused: matches!(o.pause, Some(MPause::Return { .. })),
            return_pending: o.return_pending.is_some(),
        })
        .collect()
}

/// Most operations aim at an order where they can apply; some at any order, a few at none.
fn choose<'a>(orders: &'a [OrderInfo], kind: Kind, r: &mut u64) -> Option<&'a OrderInfo> {
    let fits = |i: &&OrderInfo| match kind {
        Kind::Resolve => i.disputed,
        Kind::Resume => i.return_paused,
        Kind::ConfirmReturn => i.return_pending,
        Kind::Waive => i.with_fee.is_some(),
        Kind::LateFee => i.active && i.late.is_some(),
        _ => i.active,
    };
    let candidates: Vec<&OrderInfo> = orders.iter().filter(fits).collect();
    let any = u64::try_from(orders.len()).unwrap_or(0);
    match pick(r, 20) {
        0 => None,
        1..=3 => orders.get(usize::try_from(pick(r, any)).unwrap_or(0)),
        _ => {
            let n = u64::try_from(candidates.len()).unwrap_or(0);
            let ix = usize::try_from(pick(r, n)).unwrap_or(0);
            candidates
                .get(ix)
                .copied()
                .or_else(|| orders.get(usize::try_from(pick(r, any)).unwrap_or(0)))
        }
    }
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    Ship,
    Capture,
    Failure,
    PayOff,
    Refund,
    StartReturn,
    ConfirmReturn,
    Resume,
    Dispute,
    Resolve,
    Move,
    LateFee,
    Waive,
    Cancel,
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        2 => Just(Kind::Ship),
        14 => Just(Kind::Capture),
        2 => Just(Kind::Failure),
        4 => Just(Kind::PayOff),
        7 => Just(Kind::Refund),
        3 => Just(Kind::StartReturn),
        3 => Just(Kind::ConfirmReturn),
        3 => Just(Kind::Resume),
        3 => Just(Kind::Dispute),
        3 => Just(Kind::Resolve),
        5 => Just(Kind::Move),
        6 => Just(Kind::LateFee),
        4 => Just(Kind::Waive),
        3 => Just(Kind::Cancel),
    ]
}

pub fn order_op(orders: Vec<OrderInfo>, today: NaiveDate) -> BoxedStrategy<Operation> {
    (kind(), any::<u64>(), any::<u64>())
        .prop_map(move |(kind, mut r, s)| {
            let info = choose(&orders, kind, &mut r);
            build_order_op(info, kind, r, s, today)
        })
        .boxed()
}

/// Takes a choice in `0..n` from the random word `r`.
fn pick(r: &mut u64, n: u64) -> u64 {
    let v = *r % n.max(1);
    *r /= n.max(1);
    v
}

fn seq_for(info: Option<&OrderInfo>, preferred: Option<u8>, r: &mut u64) -> u8 {
    let count = info.map_or(4, |i| i.count);
    match (pick(r, 5), preferred) {
        (0, _) | (_, None) => u8::try_from(pick(r, u64::from(count) + 2)).unwrap_or(0),
        (_, Some(seq)) => seq,
    }
}

fn amount_for(info: Option<&OrderInfo>, r: &mut u64, s: u64) -> Money {
    let currency = info.map_or(Currency::SEK, |i| i.currency);
    let refundable = info.map_or(1_000, |i| i.refundable);
    let some =
        |bound: i64| 1 + i64::try_from(s % u64::try_from(bound.max(1)).unwrap_or(1)).unwrap_or(0);
    let (amount, currency) = match pick(r, 20) {
        0..=8 => (some(refundable), currency),
        9..=11 => (refundable, currency),
        12 => (refundable + some(1_000), currency),
        13 => (0, currency),
        14 => (-some(10_000), currency),
        15 => (
            some(refundable),
            if currency == Currency::EUR {
                Currency::SEK
            } else {
                Currency::EUR
            },
        ),
        16 => (i64::MAX, currency),
        _ => (some(100), currency),
    };
    Money::new(amount, currency)
}

fn build_order_op(
    info: Option<&OrderInfo>,
    kind: Kind,
    mut r: u64,
    s: u64,
    today: NaiveDate,
) -> Operation {
    let order = info.map_or_else(|| "O-404".parse().unwrap(), |i| i.id.clone());
    let next = info.and_then(|i| i.next);
    let r = &mut r;
    match kind {
        Kind::Ship => Operation::MarkShipped {
            order,
            carrier: None,
            tracking: None,
        },
        Kind::Capture => Operation::CaptureInstallment {
            order,
            installment: seq_for(info, next.map(|n| n.0), r),
            method: if pick(r, 2) == 0 {
                PaymentMethod::Autopay
            } else {
                PaymentMethod::Manual
            },
        },
        Kind::Failure => Operation::RecordPaymentFailure {
            order,
            installment: seq_for(info, next.map(|n| n.0), r),
            reason: DeclineReason::BankDeclined,
        },
        Kind::PayOff => {
            let quote = info.map_or(0, |i| i.quote);
            let expected_minor = match pick(r, 8) {
                0..=2 => None,
                3..=6 => Some(quote),
                _ => Some(quote + i64::try_from(pick(r, 200)).unwrap_or(0) - 100),
            };
            Operation::PayOff {
                order,
                expected_minor,
            }
        }
        Kind::Refund => Operation::Refund {
            order,
            amount: amount_for(info, r, s),
        },
        Kind::StartReturn => Operation::StartReturn { order },
        Kind::ConfirmReturn => Operation::ConfirmReturn {
            order,
            amount: amount_for(info, r, s),
        },
        Kind::Resume => Operation::ResumePlan { order },
        Kind::Dispute => Operation::OpenDispute {
            order,
            reason: if pick(r, 12) == 0 {
                String::new()
            } else {
                "the parcel never arrived".to_owned()
            },
        },
        Kind::Resolve => Operation::ResolveDispute {
            order,
            outcome: if pick(r, 2) == 0 {
                DisputeOutcome::ForCustomer
            } else {
                DisputeOutcome::ForMerchant
            },
        },
        Kind::Move => {
            let installment = seq_for(info, next.map(|n| n.0), r);
            let base = next.filter(|n| n.0 == installment).map_or(today, |n| n.1);
            let new_due = match pick(r, 30) {
                0 => NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(base),
                1 => today - Days::new(1),
                _ => base + Days::new(pick(r, 22)),
            };
            Operation::MoveDueDate {
                order,
                installment,
                new_due,
            }
        }
        Kind::LateFee => {
            let late = info.and_then(|i| i.late).or(next.map(|n| n.0));
            Operation::AssessLateFee {
                order,
                installment: seq_for(info, late, r),
            }
        }
        Kind::Waive => {
            let with_fee = info.and_then(|i| i.with_fee);
            Operation::WaiveLateFee {
                order,
                installment: seq_for(info, with_fee, r),
            }
        }
        Kind::Cancel => Operation::CancelOrder { order },
    }
}
