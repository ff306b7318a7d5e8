//! `fairdesk seed`: a realistic demo lender, deterministic for a given seed and date.
//!
//! The lender's history is simulated in memory with the ledger's own `MemoryBook` (the same rules the
//! store applies), day by day from each purchase to `--as-of`: checkout, autopay collections, declined
//! cards and late fees, payoffs, refunds, returns, disputes, due-date moves and cancellations. Only the
//! operations the money core accepted are then written to the database, in batches, behind a progress
//! bar. Every key is derived from the seed, so seeding twice is an idempotent replay.

use anyhow::{Context, Result, bail};
use chrono::{Days, NaiveDate};
use fairdesk_ledger::{
    CustomerId, DeclineReason, DisputeOutcome, MemoryBook, Money, Operation, Order, OrderId, Pause,
    PaymentMethod, PlanKind, Policy, Term,
};
use fairdesk_store::{Request, Store};
use indicatif::{ProgressBar, ProgressStyle};

use crate::demo_data::{COUNTRIES, ITEMS, major_scale};
use crate::rng::Rng;

/// Requests written per transaction.
const BATCH_REQUESTS: usize = 500;
/// How far back purchases go.
const HISTORY_DAYS_MAX: i64 = 150;

/// Something scripted to happen to an order on a given day.
#[derive(Clone, Debug)]
enum Script {
    PayOff,
    OpenDispute,
    ResolveDispute(DisputeOutcome),
    StartReturn,
    ConfirmReturn,
    PartialRefund { percent: i64 },
    Cancel,
    MoveNextDueDate,
}

struct Sim {
    book: MemoryBook,
    requests: Vec<Request>,
    rng: Rng,
}

impl Sim {
    /// Executes `op` in memory; keeps it for the database only if the money core accepted it.
    fn exec(&mut self, key: String, op: Operation, day: NaiveDate) -> Result<bool> {
        let key = key.parse().context("seed key")?;
        let accepted = matches!(self.book.execute(&key, &op, day), Ok(Ok(_)));
        if accepted {
            self.requests.push(Request {
                key,
                op,
                as_of: day,
            });
        }
        Ok(accepted)
    }
}

pub fn plan(customers: u32, seed: u64, as_of: NaiveDate, policy: &Policy) -> Result<Vec<Request>> {
    let mut sim = Sim {
        book: MemoryBook::new(policy.clone()),
        requests: Vec::new(),
        rng: Rng::new(seed),
    };
    let opening = as_of - Days::new(200);
    for country in COUNTRIES {
        for (i, name) in country.merchants.iter().enumerate() {
            let op = Operation::RegisterMerchant {
                merchant: format!("M-{}-{}", country.code, i + 1).parse()?,
                name: (*name).to_owned(),
                country: country.code.to_owned(),
                currency: country.currency,
            };
            sim.exec(
                format!("seed:{seed}:merchant:{}:{}", country.code, i + 1),
                op,
                opening,
            )?;
        }
    }
    for n in 1..=customers {
        customer(&mut sim, seed, n, as_of, opening)?;
    }
    for country in COUNTRIES {
        for i in 0..country.merchants.len() {
            let merchant = format!("M-{}-{}", country.code, i + 1);
            let op = Operation::SettleMerchant {
                merchant: merchant.parse()?,
            };
            sim.exec(format!("seed:{seed}:settle:{merchant}:{as_of}"), op, as_of)?;
        }
    }
    Ok(sim.requests)
}

fn customer(sim: &mut Sim, seed: u64, n: u32, as_of: NaiveDate, opening: NaiveDate) -> Result<()> {
    let country = sim.rng.pick(COUNTRIES).context("countries")?;
    let first = sim.rng.pick(country.first_names).context("names")?;
    let last = sim.rng.pick(country.last_names).context("names")?;
    let id: CustomerId = format!("C-{n:06}").parse()?;
    let card_valid = !sim.rng.chance(8);
    let op = Operation::RegisterCustomer {
        customer: id.clone(),
        name: format!("{first} {last}"),
        country: country.code.to_owned(),
        language: country.language.to_owned(),
        card_valid,
    };
    sim.exec(format!("seed:{seed}:{id}"), op, opening)?;
    let asks_waiver = sim.rng.chance(40);
    for k in 1..=sim.rng.range(1, 3) {
        let order: OrderId = format!("O-{n:06}-{k}").parse()?;
        let merchant_index = sim.rng.below(country.merchants.len() as u64) + 1;
        let merchant = format!("M-{}-{merchant_index}", country.code).parse()?;
        let purchased = as_of - Days::new(sim.rng.below(HISTORY_DAYS_MAX as u64));
        let (plan, amount) = plan_and_amount(&mut sim.rng, country.currency);
        let item = sim.rng.pick(ITEMS).context("items")?;
        let op = Operation::CreateOrder {
            order: order.clone(),
            customer: id.clone(),
            merchant,
            description: (*item).to_owned(),
            amount,
            plan,
        };
        if !sim.exec(format!("seed:{seed}:{order}:create"), op, purchased)? {
            continue;
        }
        let scripts = scripts(&mut sim.rng, purchased, as_of, plan);
        live(sim, seed, &order, purchased, as_of, &scripts, asks_waiver)?;
    }
    Ok(())
}

fn plan_and_amount(rng: &mut Rng, currency: fairdesk_ledger::Currency) -> (PlanKind, Money) {
    let scale = major_scale(currency) * 100;
    match rng.below(4) {
        0 | 1 => (
            PlanKind::PayIn4,
            Money::new(rng.range(20, 300) * scale + rng.range(0, 99), currency),
        ),
        2 => (
            PlanKind::PayIn30,
            Money::new(rng.range(10, 200) * scale + rng.range(0, 99), currency),
        ),
        _ => {
            let term = *rng
                .pick(&[Term::M6, Term::M12, Term::M24, Term::M36])
                .unwrap_or(&Term::M12);
            let apr_nominal_bp = *rng.pick(&[0, 990, 1_490, 1_990]).unwrap_or(&1_490);
            let amount = Money::new(rng.range(300, 3_000) * scale, currency);
            (
                PlanKind::Financing {
                    term,
                    apr_nominal_bp,
                },
                amount,
            )
        }
    }
}

fn scripts(
    rng: &mut Rng,
    purchased: NaiveDate,
    as_of: NaiveDate,
    plan: PlanKind,
) -> Vec<(NaiveDate, Script)> {
    let at = |days: i64| purchased + Days::new(u64::try_from(days).unwrap_or(0));
    let roll = rng.below(100);
    let mut s = Vec::new();
    match roll {
        0..8 => s.push((at(rng.range(10, 60)), Script::PayOff)),
        8..14 => {
            let opened = rng.range(3, 20);
            s.push((at(opened), Script::OpenDispute));
            if rng.chance(50) {
                let outcome = if rng.chance(50) {
                    DisputeOutcome::ForCustomer
                } else {
                    DisputeOutcome::ForMerchant
                };
                s.push((
                    at(opened + rng.range(7, 30)),
                    Script::ResolveDispute(outcome),
                ));
            }
        }
        14..20 => {
            let started = rng.range(3, 15);
            s.push((at(started), Script::StartReturn));
            s.push((at(started + rng.range(3, 12)), Script::ConfirmReturn));
        }
        20..26 => s.push((
            at(rng.range(3, 20)),
            Script::PartialRefund {
                percent: rng.range(20, 50),
            },
        )),
        26..32 if plan == PlanKind::PayIn30 => s.push((at(1), Script::Cancel)),
        32..35 => s.push((as_of - Days::new(rng.below(5)), Script::StartReturn)),
        35..40 => s.push((at(5), Script::MoveNextDueDate)),
        _ => {}
    }
    s
}

/// Lives one order from purchase to `as_of`: scripted events plus what the collection job does.
fn live(
    sim: &mut Sim,
    seed: u64,
    order: &OrderId,
    purchased: NaiveDate,
    as_of: NaiveDate,
    scripts: &[(NaiveDate, Script)],
    asks_waiver: bool,
) -> Result<()> {
    let mut n = 0u32;
    let mut key = |what: &str| {
        n += 1;
        format!("seed:{seed}:{order}:{n}:{what}")
    };
    let get = |sim: &Sim| sim.book.orders.get(order).cloned();
    if matches!(get(sim).map(|o| o.plan), Some(PlanKind::PayIn4)) {
        let op = Operation::CaptureInstallment {
            order: order.clone(),
            installment: 1,
            method: PaymentMethod::Manual,
        };
        sim.exec(key("checkout"), op, purchased)?;
    }
    let mut day = purchased;
    while day <= as_of {
        for (_, script) in scripts.iter().filter(|(d, _)| *d == day) {
            let Some(o) = get(sim) else { break };
            if let Some(op) = scripted(&o, script, day) {
                sim.exec(key("script"), op, day)?;
            }
        }
        let Some(o) = get(sim) else { break };
        for op in daily(&o, day, &sim.book, asks_waiver) {
            sim.exec(key(op.name()), op, day)?;
        }
        day = day + Days::new(1);
    }
    Ok(())
}

fn scripted(o: &Order, script: &Script, day: NaiveDate) -> Option<Operation> {
    let order = o.id.clone();
    Some(match script {
        Script::PayOff => Operation::PayOff {
            order,
            expected_minor: Some(o.payoff_quote(day).amount.amount_minor),
        },
        Script::OpenDispute => Operation::OpenDispute {
            order,
            reason: "Item never arrived".to_owned(),
        },
        Script::ResolveDispute(outcome) => Operation::ResolveDispute {
            order,
            outcome: *outcome,
        },
        Script::StartReturn => Operation::StartReturn { order },
        Script::ConfirmReturn => Operation::ConfirmReturn {
            order,
            amount: o.money(o.refundable_minor()),
        },
        Script::PartialRefund { percent } => Operation::Refund {
            order,
            amount: o.money(o.amount.amount_minor * percent / 100),
        },
        Script::Cancel => Operation::CancelOrder { order },
        Script::MoveNextDueDate => {
            let next = o.next_open()?;
            Operation::MoveDueDate {
                order,
                installment: next.seq,
                new_due: next.due + Days::new(7),
            }
        }
    })
}

/// What the daily collection would do to this order today.
fn daily(o: &Order, day: NaiveDate, book: &MemoryBook, asks_waiver: bool) -> Vec<Operation> {
    let order = o.id.clone();
    let mut ops = Vec::new();
    if let Some(Pause::Return { until, .. }) = o.pause
        && day >= until
    {
        ops.push(Operation::ResumePlan {
            order: order.clone(),
        });
        return ops;
    }
    let card_valid = book
        .customers
        .get(&o.customer)
        .is_some_and(|c| c.card_valid);
    if let Some(next) = o.next_open().filter(|i| i.due <= day && o.pause.is_none()) {
        if card_valid {
            ops.push(Operation::CaptureInstallment {
                order: order.clone(),
                installment: next.seq,
                method: PaymentMethod::Autopay,
            });
        } else if next.due == day {
            ops.push(Operation::RecordPaymentFailure {
                order: order.clone(),
                installment: next.seq,
                reason: DeclineReason::CardExpired,
            });
        }
    }
    for seq in o.late_installments(day, book.policy.grace_days) {
        let fee = o.installment(seq).map_or(0, |i| i.fee_minor);
        if fee == 0 {
            ops.push(Operation::AssessLateFee {
                order: order.clone(),
                installment: seq,
            });
        } else if asks_waiver {
            ops.push(Operation::WaiveLateFee {
                order: order.clone(),
                installment: seq,
            });
        }
    }
    ops
}

pub async fn run(store: &Store, customers: u32, seed: u64, as_of: NaiveDate) -> Result<()> {
    let spinner = ProgressBar::new_spinner().with_message("simulating the lender's history");
    let requests = plan(customers, seed, as_of, store.policy())?;
    spinner.finish_with_message(format!("simulated {} operations", requests.len()));
    let bar = ProgressBar::new(requests.len() as u64).with_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} ops ({per_sec}, eta {eta})")?
            .progress_chars("=> "),
    );
    bar.set_message("writing");
    let (mut written, mut replayed) = (0u64, 0u64);
    for chunk in requests.chunks(BATCH_REQUESTS) {
        for (request, result) in chunk.iter().zip(store.execute_batch(chunk).await?) {
            match result {
                Ok(r) if r.replayed => replayed += 1,
                Ok(_) => written += 1,
                Err(e) => bail!("the store refused seeded operation {}: {e}", request.key),
            }
        }
        bar.inc(chunk.len() as u64);
    }
    bar.finish_with_message("written");
    println!(
        "seeded {customers} customers as of {as_of} (seed {seed}): {written} operations written, \
         {replayed} already present"
    );
    Ok(())
}
