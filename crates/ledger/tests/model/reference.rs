//! The reference state machine: the model plus what generation needs (the clock, used keys).
//!
//! Transitions are concrete operations drawn with the current state in view, so most of them do
//! something (the next installment, an amount within what is refundable, a date the policy allows)
//! while a steady share is wrong on purpose: unknown ids, other currencies, amounts too large, zero or
//! negative, closed orders, replays of earlier keys and earlier keys reused for another operation.
//! Any operation is a valid input in any state, so shrinking can drop steps freely.

use chrono::{Days, NaiveDate};
use fairdesk_ledger::money::AMOUNT_MINOR_MAX;
use fairdesk_ledger::{
    Currency, IdempotencyKey, Money, Operation, OrderId, PlanKind, Policy, Term,
};
use proptest::prelude::*;
use proptest::strategy::Union;
use proptest_state_machine::ReferenceStateMachine;

use super::aim::{order_infos, order_op};
use super::rules::{Model, Reasons};

/// What the last transition asks the system under test to do, with the model's expectation.
#[derive(Clone, Debug)]
pub enum Step {
    Idle,
    /// A new key: the ledger must accept exactly when the model has no reason to refuse.
    Fresh {
        key: IdempotencyKey,
        op: Operation,
        expect: Result<(), Reasons>,
    },
    /// An earlier key with its own operation: the stored outcome comes back and nothing changes.
    Replay {
        key: IdempotencyKey,
        op: Operation,
    },
    /// An earlier key with another operation: `KeyReused` naming the earlier operation.
    Reuse {
        key: IdempotencyKey,
        op: Operation,
        previous: &'static str,
    },
}

#[derive(Clone)]
pub struct RefState {
    pub model: Model,
    pub today: NaiveDate,
    pub history: Vec<(IdempotencyKey, Operation)>,
    pub orders_tried: u32,
    pub last: Step,
}

/// Only the start date: the rest of the initial state is empty, and the transitions say the rest.
impl std::fmt::Debug for RefState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "start on {}", self.today)
    }
}

#[derive(Clone, Debug)]
pub enum Transition {
    /// The clock moves forward by this many days.
    Advance(u64),
    Execute(Operation),
    /// Replay the earlier key at this index (modulo the number of keys used).
    Replay(usize),
    /// Send another operation with the earlier key at this index.
    ReuseKey(usize, Operation),
}

pub struct Lender;

pub const CUSTOMERS: [&str; 4] = ["C0", "C1", "C2", "C3"];
pub const MERCHANTS: [&str; 3] = ["M0", "M1", "M2"];

impl ReferenceStateMachine for Lender {
    type State = RefState;
    type Transition = Transition;

    fn init_state() -> BoxedStrategy<RefState> {
        let base = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
        // Month ends and leap days matter for monthly due dates, so they are drawn often.
        let special = prop::sample::select(vec![
            (2026, 1, 31),
            (2027, 2, 28),
            (2028, 2, 29),
            (2026, 12, 31),
        ])
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default());
        let any_day = (0u64..1_500).prop_map(move |d| base + Days::new(d));
        prop_oneof![1 => special, 3 => any_day]
            .prop_map(|today| RefState {
                model: Model::new(Policy::default()),
                today,
                history: Vec::new(),
                orders_tried: 0,
                last: Step::Idle,
            })
            .boxed()
    }

    fn transitions(state: &RefState) -> BoxedStrategy<Transition> {
        let m = &state.model;
        let orders = order_infos(state);
        let have_orders = !m.orders.is_empty();
        let active = orders.iter().filter(|o| o.active).count();
        let keys = state.history.len();
        let mut arms: Vec<(u32, BoxedStrategy<Transition>)> = vec![
            (12, advance().prop_map(Transition::Advance).boxed()),
            (
                if m.customers.len() < 2 { 12 } else { 2 },
                exec(register_customer()),
            ),
            (
                if m.merchants.is_empty() { 12 } else { 2 },
                exec(register_merchant()),
            ),
            (2, exec(update_payment_method())),
            (1, exec(expire_card())),
            (1, exec(close_account())),
            (if active < 3 { 16 } else { 4 }, exec(create_order(state))),
            (
                if have_orders { 60 } else { 2 },
                exec(order_op(orders.clone(), state.today)),
            ),
            (3, exec(settle_merchant())),
        ];
        if keys > 0 {
            arms.push((6, (0..keys).prop_map(Transition::Replay).boxed()));
            let other = order_op(orders, state.today);
            arms.push((
                2,
                (0..keys, other)
                    .prop_map(|(k, op)| Transition::ReuseKey(k, op))
                    .boxed(),
            ));
        }
        Union::new_weighted(arms).boxed()
    }

    fn preconditions(state: &RefState, transition: &Transition) -> bool {
        match transition {
            Transition::Replay(_) | Transition::ReuseKey(..) => !state.history.is_empty(),
            Transition::Advance(_) | Transition::Execute(_) => true,
        }
    }

    fn apply(mut state: RefState, transition: &Transition) -> RefState {
        state.last = match transition {
            Transition::Advance(days) => {
                state.today = state.today + Days::new(*days);
                Step::Idle
            }
            Transition::Execute(op) => {
                if matches!(op, Operation::CreateOrder { .. }) {
                    state.orders_tried += 1;
                }
                let key: IdempotencyKey = format!("k{}", state.history.len()).parse().unwrap();
                let expect = state.model.execute(op, state.today);
                state.history.push((key.clone(), op.clone()));
                Step::Fresh {
                    key,
                    op: op.clone(),
                    expect,
                }
            }
            Transition::Replay(ix) => {
                let (key, op) = state.history[ix % state.history.len()].clone();
                Step::Replay { key, op }
            }
            Transition::ReuseKey(ix, op) => {
                let (key, previous) = state.history[ix % state.history.len()].clone();
                if previous == *op {
                    Step::Replay { key, op: previous }
                } else {
                    Step::Reuse {
                        key,
                        op: op.clone(),
                        previous: previous.name(),
                    }
                }
            }
        };
        state
    }
}

fn exec(op: BoxedStrategy<Operation>) -> BoxedStrategy<Transition> {
    op.prop_map(Transition::Execute).boxed()
}

fn advance() -> impl Strategy<Value = u64> {
    prop_oneof![
        1 => Just(0u64),
        5 => 1u64..=3,
        6 => 4u64..=10,
        4 => 11u64..=20,
        3 => 28u64..=31,
        1 => 60u64..=120,
    ]
}

fn customer_id(i: usize) -> fairdesk_ledger::CustomerId {
    CUSTOMERS
        .get(i)
        .copied()
        .unwrap_or("C-404")
        .parse()
        .unwrap()
}

fn merchant_id(i: usize) -> fairdesk_ledger::MerchantId {
    MERCHANTS
        .get(i)
        .copied()
        .unwrap_or("M-404")
        .parse()
        .unwrap()
}

fn register_customer() -> BoxedStrategy<Operation> {
    (0..CUSTOMERS.len(), prop::bool::weighted(0.75), 0u8..24)
        .prop_map(|(i, card_valid, bad)| Operation::RegisterCustomer {
            customer: customer_id(i),
            name: if bad == 0 {
                String::new()
            } else {
                "Anna Svensson".to_owned()
            },
            country: if bad == 1 {
                "se".to_owned()
            } else {
                "SE".to_owned()
            },
            language: if bad == 2 {
                "SV".to_owned()
            } else {
                "sv".to_owned()
            },
            card_valid,
        })
        .boxed()
}

fn register_merchant() -> BoxedStrategy<Operation> {
    let currency = prop_oneof![4 => Just(Currency::SEK), 2 => Just(Currency::EUR), 1 => prop::sample::select(Currency::ALL.to_vec())];
    (0..MERCHANTS.len(), currency, 0u8..24)
        .prop_map(|(i, currency, bad)| Operation::RegisterMerchant {
            merchant: merchant_id(i),
            name: if bad == 0 {
                "\u{7}".to_owned()
            } else {
                "Möbelhuset".to_owned()
            },
            country: if bad == 1 {
                "SWE".to_owned()
            } else {
                "SE".to_owned()
            },
            currency,
        })
        .boxed()
}

fn update_payment_method() -> BoxedStrategy<Operation> {
    (0..=CUSTOMERS.len())
        .prop_map(|i| Operation::UpdatePaymentMethod {
            customer: customer_id(i),
        })
        .boxed()
}

fn expire_card() -> BoxedStrategy<Operation> {
    (0..=CUSTOMERS.len())
        .prop_map(|i| Operation::ExpireCard {
            customer: customer_id(i),
        })
        .boxed()
}

fn close_account() -> BoxedStrategy<Operation> {
    (0..=CUSTOMERS.len())
        .prop_map(|i| Operation::CloseAccount {
            customer: customer_id(i),
        })
        .boxed()
}

fn settle_merchant() -> BoxedStrategy<Operation> {
    prop_oneof![6 => 0..MERCHANTS.len(), 1 => Just(MERCHANTS.len())]
        .prop_map(|i| Operation::SettleMerchant {
            merchant: merchant_id(i),
        })
        .boxed()
}

fn plan() -> impl Strategy<Value = PlanKind> {
    let term = prop::sample::select(vec![Term::M6, Term::M12, Term::M24, Term::M36]);
    let apr = prop::sample::select(vec![
        0u32, 990, 1_490, 1_990, 2_490, 2_999, 3_000, 3_001, 4_500,
    ]);
    prop_oneof![
        7 => Just(PlanKind::PayIn4),
        4 => Just(PlanKind::PayIn30),
        9 => (term, apr).prop_map(|(term, apr_nominal_bp)| PlanKind::Financing { term, apr_nominal_bp }),
    ]
}

fn purchase_amount() -> impl Strategy<Value = i64> {
    prop_oneof![
        14 => 100i64..=2_000_000,
        2 => 2_000_000i64..=500_000_000,
        2 => 1i64..=200,
        1 => prop::sample::select(vec![0, -1, -50_000, i64::MIN]),
        1 => prop::sample::select(vec![AMOUNT_MINOR_MAX, AMOUNT_MINOR_MAX + 1, i64::MAX]),
    ]
}

fn create_order(state: &RefState) -> BoxedStrategy<Operation> {
    let fresh: OrderId = format!("O{}", state.orders_tried).parse().unwrap();
    let mut ids = vec![fresh.clone(); 11];
    ids.extend(state.model.orders.keys().next().cloned());
    let currencies: Vec<Currency> = (0..MERCHANTS.len())
        .map(|i| {
            state
                .model
                .merchants
                .get(&merchant_id(i))
                .copied()
                .unwrap_or(Currency::SEK)
        })
        .collect();
    let known = |n: usize, registered: &dyn Fn(usize) -> bool| {
        let ix: Vec<usize> = (0..n).filter(|i| registered(*i)).collect();
        let all = (0..=n).collect::<Vec<_>>();
        if ix.is_empty() {
            prop::sample::select(all).boxed()
        } else {
            prop_oneof![12 => prop::sample::select(ix), 1 => prop::sample::select(all)].boxed()
        }
    };
    let m = &state.model;
    let customer = known(CUSTOMERS.len(), &|i| {
        m.customers.contains_key(&customer_id(i))
    });
    let merchant = known(MERCHANTS.len(), &|i| {
        m.merchants.contains_key(&merchant_id(i))
    });
    let description = prop_oneof![30 => Just("Sofa, 3 seats".to_owned()), 1 => Just(String::new()), 1 => Just("x".repeat(501))];
    (
        prop::sample::select(ids),
        customer,
        merchant,
        purchase_amount(),
        plan(),
        description,
        0u8..16,
    )
        .prop_map(move |(order, c, m, amount_minor, plan, description, odd)| {
            let own = currencies.get(m).copied().unwrap_or(Currency::SEK);
            let currency = if odd == 0 {
                Currency::NOK
            } else if odd == 1 {
                Currency::PLN
            } else {
                own
            };
            Operation::CreateOrder {
                order,
                customer: customer_id(c),
                merchant: merchant_id(m),
                description,
                amount: Money::new(amount_minor, currency),
                plan,
            }
        })
        .boxed()
}
