//! `move_due_date`: propose a later date for an installment, within policy. A date the customer
//! names ("to 30 April", "end of May"), or the due date pushed back by the span they name ("by two
//! weeks", "um zwei Monate"), is used if policy allows it. A date beyond policy is explained and the
//! latest allowed date is proposed instead; a payment that cannot move at all (the plan's last, one
//! already moved) is refused with the reason, and a person is offered.

use chrono::{Days, NaiveDate};
use fairdesk_ledger::{Installment as Inst, Order, OrderStatus};
use fairdesk_understand::Installment;

use super::{FlowCtx, Out, Step};
use crate::actions::Action;

/// An order qualifies while its next installment hasn't been moved and isn't the plan's last one
/// (the last date of a plan never moves).
pub fn eligible(o: &Order) -> bool {
    o.status == OrderStatus::Active && o.next_open().is_some_and(|next| movable(o, next))
}

fn movable(o: &Order, i: &Inst) -> bool {
    i.moves == 0 && !is_last(o, i)
}

fn is_last(o: &Order, i: &Inst) -> bool {
    !o.installments.iter().any(|x| x.seq > i.seq)
}

/// The installment the customer means: the one they name ("the last one", "installment 3"), the
/// one whose due date they name with the date it should move to ("the one of 8 June to 15 June"),
/// else the next open one.
fn target<'a>(ctx: &FlowCtx<'_>, o: &'a Order) -> Option<&'a Inst> {
    match ctx.slots.installment {
        Some(Installment::Last) => o.open_installments().last(),
        Some(Installment::Number(n)) => o.open_installments().find(|i| i.seq == n),
        Some(Installment::Next) | None => named_by_due_date(ctx, o).or_else(|| o.next_open()),
    }
}

/// An open installment named by its due date, when the message also names a later date for it.
fn named_by_due_date<'a>(ctx: &FlowCtx<'_>, o: &'a Order) -> Option<&'a Inst> {
    let dates = &ctx.slots.dates;
    o.open_installments()
        .find(|i| dates.contains(&i.due) && dates.iter().any(|d| *d > i.due))
}

/// The latest date policy allows for installment `i`, if it can move later at all.
fn latest_allowed(ctx: &FlowCtx<'_>, o: &Order, i: &Inst) -> Option<NaiveDate> {
    let by_days = i.original_due.checked_add_days(Days::new(u64::from(
        ctx.policy.ledger.due_date_move_days_max,
    )))?;
    let following = o
        .installments
        .iter()
        .find(|x| x.seq > i.seq)
        .map(|x| x.due)?;
    let latest = by_days.min(following);
    // A date in the past can't be a new due date, even for an overdue installment.
    (latest > i.due && latest >= ctx.today).then_some(latest)
}

/// Why installment `i` of `o` cannot move, as a sentence for the customer.
fn why_not(ctx: &FlowCtx<'_>, o: &Order, i: &Inst) -> String {
    let limit = ctx.render(
        "move-date-limit",
        &[("days", ctx.policy.ledger.due_date_move_days_max.to_string())],
    );
    let reason = if is_last(o, i) {
        ctx.render("move-date-last", &[("date", ctx.date(i.due))])
    } else if i.moves > 0 {
        ctx.render("move-date-moved-once", &[("date", ctx.date(i.due))])
    } else {
        limit
    };
    ctx.render(
        "move-date-not-possible",
        &[("merchant", ctx.merchant(o)), ("reason", reason)],
    )
}

/// A refusal with its reason, and a person offered as the alternative.
fn refuse(ctx: &FlowCtx<'_>, o: &Order, i: &Inst) -> Step {
    Step::Refused(vec![
        Out::text(why_not(ctx, o, i)),
        ctx.say("move-date-person", &[]),
    ])
}

/// When no order qualifies: the order that was meant (the one named, or the only one with
/// payments left), with the reason its payment cannot move, or the proposal for the installment
/// the message names by its due date (the one after a payment already moved).
pub fn none_qualifies(ctx: &FlowCtx<'_>) -> Option<Step> {
    let open: Vec<&Order> = ctx
        .orders
        .iter()
        .filter(|o| o.status == OrderStatus::Active && o.next_open().is_some())
        .collect();
    let named: Vec<&&Order> = open
        .iter()
        .filter(|o| {
            ctx.slots
                .merchants
                .iter()
                .any(|m| m.name == ctx.merchant(o))
        })
        .collect();
    let o = match (named.as_slice(), open.as_slice()) {
        ([one], _) => **one,
        (_, [only]) => *only,
        _ => return None,
    };
    target(ctx, o)?;
    Some(run(ctx, o))
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let Some(inst) = target(ctx, o) else {
        return Step::Failed(vec![ctx.say("no-matching-orders", &[])]);
    };
    if !movable(o, inst) {
        return refuse(ctx, o, inst);
    }
    let Some(latest) = latest_allowed(ctx, o, inst) else {
        return refuse(ctx, o, inst);
    };
    let current = inst.due;
    let named = ctx.slots.dates.iter().copied();
    let pushed_back = ctx.slots.postpone_by.and_then(|span| span.after(current));
    let wanted = named
        .chain(pushed_back)
        .find(|d| *d > current && *d >= ctx.today);
    let vars = |to: NaiveDate| {
        [
            ("merchant", ctx.merchant(o)),
            ("amount", ctx.money(o, inst.amount_due_minor())),
            ("from", ctx.date(current)),
            ("to", ctx.date(to)),
        ]
    };
    let message = match wanted {
        // Beyond policy: say why, and propose the latest date allowed instead.
        Some(d) if d > latest => {
            let why = why_not(ctx, o, inst);
            let offer = ctx.render("move-date-latest-confirm", &vars(latest));
            format!("{why} {offer}")
        }
        Some(d) => ctx.render("move-date-confirm", &vars(d)),
        None => ctx.render("move-date-confirm", &vars(latest)),
    };
    let new_due = wanted.filter(|d| *d <= latest).unwrap_or(latest);
    Step::Confirm {
        action: Action::MoveDueDate {
            order: o.id.clone(),
            installment: inst.seq,
            new_due,
            latest: new_due == latest,
        },
        message: Out::text(message),
    }
}

#[cfg(test)]
mod tests {
    use fairdesk_understand::slots::{Span, Unit};

    use super::*;
    use crate::flows::testing::*;

    fn financing(w: &mut World) {
        // Monthly installments: 15 February, 15 March, ...
        let plan = PlanKind::Financing {
            term: Term::M6,
            apr_nominal_bp: 1_200,
        };
        w.buy("O-1", SHOES, 600_000, plan, day(2026, 1, 15));
    }

    #[test]
    fn without_a_named_date_the_latest_date_policy_allows_is_proposed() {
        let mut w = World::new(day(2026, 2, 1));
        financing(&mut w);
        // min(15 February + 14 days, 15 March) = 1 March.
        let Step::Confirm { action, message } = w.run("O-1", run) else {
            unreachable!("move_due_date must ask for confirmation");
        };
        assert_eq!(
            action,
            Action::MoveDueDate {
                order: oid("O-1"),
                installment: 1,
                new_due: day(2026, 3, 1),
                latest: true,
            }
        );
        assert!(
            message
                .text
                .contains("från den 15 februari 2026 till den 1 mars 2026"),
            "{}",
            message.text
        );
        assert!(w.try_exec(
            Operation::MoveDueDate {
                order: oid("O-1"),
                installment: 1,
                new_due: day(2026, 3, 1)
            },
            w.today,
        ));
    }

    #[test]
    fn the_latest_date_never_passes_the_following_installments_date() {
        let mut w = World::new(day(2026, 3, 3));
        w.policy.ledger.due_date_move_days_max = 20;
        w.book.policy.due_date_move_days_max = 20;
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        // Installment 2 is due 16 March; 16 March + 20 days is past installment 3's 30 March.
        let Step::Confirm { action, .. } = w.run("O-1", run) else {
            unreachable!("move_due_date must ask for confirmation");
        };
        assert_eq!(
            action,
            Action::MoveDueDate {
                order: oid("O-1"),
                installment: 2,
                new_due: day(2026, 3, 30),
                latest: true,
            }
        );
    }

    #[test]
    fn a_named_date_within_policy_is_used_and_one_beyond_gets_the_latest_allowed_date() {
        let mut w = World::new(day(2026, 2, 1));
        financing(&mut w);
        w.slots.dates = vec![day(2026, 2, 25)];
        let Step::Confirm { action, .. } = w.run("O-1", run) else {
            unreachable!("a date within policy must be proposed");
        };
        assert_eq!(
            action,
            Action::MoveDueDate {
                order: oid("O-1"),
                installment: 1,
                new_due: day(2026, 2, 25),
                latest: false,
            }
        );
        w.slots.dates = vec![day(2026, 3, 2)];
        let Step::Confirm { action, message } = w.run("O-1", run) else {
            unreachable!("beyond policy, the latest allowed date must be proposed");
        };
        assert_eq!(
            action,
            Action::MoveDueDate {
                order: oid("O-1"),
                installment: 1,
                new_due: day(2026, 3, 1),
                latest: true,
            }
        );
        assert!(message.text.contains("högst 14 dagar"), "{}", message.text);
        assert!(message.text.contains("1 mars 2026"), "{}", message.text);
    }

    #[test]
    fn a_span_counts_from_the_due_date_and_one_beyond_policy_gets_the_latest_allowed_date() {
        let mut w = World::new(day(2026, 2, 1));
        financing(&mut w);
        // Installment 1 is due 15 February; a week later is within the 14 days allowed.
        w.slots.postpone_by = Some(Span {
            count: 1,
            unit: Unit::Week,
        });
        let Step::Confirm { action, .. } = w.run("O-1", run) else {
            unreachable!("a span within policy must be proposed");
        };
        assert_eq!(
            action,
            Action::MoveDueDate {
                order: oid("O-1"),
                installment: 1,
                new_due: day(2026, 2, 22),
                latest: false,
            }
        );
        for span in [
            Span {
                count: 2,
                unit: Unit::Month,
            },
            Span {
                count: 6,
                unit: Unit::Week,
            },
            Span {
                count: 15,
                unit: Unit::Day,
            },
        ] {
            w.slots.postpone_by = Some(span);
            let Step::Confirm { action, .. } = w.run("O-1", run) else {
                unreachable!("{span:?} is beyond policy: the latest date must be proposed");
            };
            assert!(
                matches!(action, Action::MoveDueDate { new_due, .. } if new_due == day(2026, 3, 1)),
                "{action:?}"
            );
        }
    }

    #[test]
    fn a_named_date_wins_over_a_span() {
        let mut w = World::new(day(2026, 2, 1));
        financing(&mut w);
        w.slots.dates = vec![day(2026, 2, 20)];
        w.slots.postpone_by = Some(Span {
            count: 2,
            unit: Unit::Month,
        });
        let Step::Confirm { action, .. } = w.run("O-1", run) else {
            unreachable!("the named date is within policy");
        };
        assert_eq!(
            action,
            Action::MoveDueDate {
                order: oid("O-1"),
                installment: 1,
                new_due: day(2026, 2, 20),
                latest: false,
            }
        );
    }

    #[test]
    fn an_overdue_installment_is_never_moved_into_the_past() {
        let mut w = World::new(day(2026, 3, 10));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        // Installment 1 was due 2 March; the latest allowed date is 16 March, still ahead.
        let Step::Confirm { action, .. } = w.run("O-1", run) else {
            unreachable!("move_due_date must ask for confirmation");
        };
        assert_eq!(
            action,
            Action::MoveDueDate {
                order: oid("O-1"),
                installment: 1,
                new_due: day(2026, 3, 16),
                latest: true,
            }
        );
        // On 20 March every allowed date lies in the past.
        w.today = day(2026, 3, 20);
        assert!(matches!(w.run("O-1", run), Step::Refused(_)));
    }

    #[test]
    fn after_a_moved_payment_the_one_named_by_its_due_date_moves_to_the_other_date() {
        let mut w = World::new(day(2026, 2, 1));
        financing(&mut w);
        w.exec(
            Operation::MoveDueDate {
                order: oid("O-1"),
                installment: 1,
                new_due: day(2026, 2, 20),
            },
            w.today,
        );
        // "Then move the one of 15 March to 20 March": installment 2, not the moved first one.
        w.slots.dates = vec![day(2026, 3, 15), day(2026, 3, 20)];
        let Step::Confirm { action, .. } =
            w.with_ctx(|ctx| none_qualifies(ctx).unwrap_or(Step::Failed(Vec::new())))
        else {
            unreachable!("the installment named by its due date can move");
        };
        assert_eq!(
            action,
            Action::MoveDueDate {
                order: oid("O-1"),
                installment: 2,
                new_due: day(2026, 3, 20),
                latest: false,
            }
        );
        // One date alone ("move it to 15 March") is where to, not which payment: the moved one.
        w.slots.dates = vec![day(2026, 3, 15)];
        assert!(matches!(
            w.with_ctx(|ctx| none_qualifies(ctx).unwrap_or(Step::Failed(Vec::new()))),
            Step::Refused(_)
        ));
    }

    #[test]
    fn moved_cancelled_and_paid_off_orders_do_not_qualify() {
        let mut w = World::new(day(2026, 2, 1));
        financing(&mut w);
        assert!(eligible(&w.order("O-1")));
        w.exec(
            Operation::MoveDueDate {
                order: oid("O-1"),
                installment: 1,
                new_due: day(2026, 2, 20),
            },
            w.today,
        );
        assert!(!eligible(&w.order("O-1")));
        w.buy("O-2", SHOES, 10_000, PlanKind::PayIn4, day(2026, 2, 1));
        w.exec(
            Operation::CancelOrder { order: oid("O-2") },
            day(2026, 2, 1),
        );
        assert!(!eligible(&w.order("O-2")));
        w.buy("O-3", SHOES, 10_000, PlanKind::PayIn4, day(2026, 2, 1));
        w.exec(
            Operation::PayOff {
                order: oid("O-3"),
                expected_minor: None,
            },
            day(2026, 2, 1),
        );
        assert!(!eligible(&w.order("O-3")));
    }
}
