//! `move_due_date`: propose a later date for the next installment, within policy. A date the
//! customer names ("to 30 April", "end of May"), or the due date pushed back by the span they name
//! ("by two weeks", "um zwei Monate"), is used if policy allows it; one beyond policy is explained
//! and the conversation goes to a person (a request beyond policy is a handoff trigger).

use chrono::{Days, NaiveDate};
use fairdesk_ledger::{Order, OrderStatus};

use super::{FlowCtx, Out, Step};
use crate::actions::Action;
use crate::handoff::HandoffReason;

/// An order qualifies while its next installment hasn't been moved and isn't the plan's last one
/// (the last date of a plan never moves).
pub fn eligible(o: &Order) -> bool {
    o.status == OrderStatus::Active
        && o.next_open()
            .is_some_and(|next| next.moves == 0 && o.installments.iter().any(|i| i.seq > next.seq))
}

/// The latest date policy allows for the next open installment, if it can move at all.
fn latest_allowed(ctx: &FlowCtx<'_>, o: &Order) -> Option<(u8, NaiveDate, NaiveDate)> {
    let next = o.next_open()?;
    let by_days = next.original_due.checked_add_days(Days::new(u64::from(
        ctx.policy.ledger.due_date_move_days_max,
    )))?;
    let following = o
        .installments
        .iter()
        .find(|i| i.seq > next.seq)
        .map(|i| i.due)?;
    let latest = by_days.min(following);
    // A date in the past can't be a new due date, even for an overdue installment.
    (latest > next.due && latest >= ctx.today).then_some((next.seq, next.due, latest))
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let limit = ctx.render(
        "move-date-limit",
        &[("days", ctx.policy.ledger.due_date_move_days_max.to_string())],
    );
    let Some((seq, current, latest)) = latest_allowed(ctx, o) else {
        return Step::Failed(vec![
            ctx.say("move-date-not-possible", &[("reason", limit)]),
        ]);
    };
    let named = ctx.slots.dates.iter().copied();
    let pushed_back = ctx.slots.postpone_by.and_then(|span| span.after(current));
    let wanted = named
        .chain(pushed_back)
        .find(|d| *d > current && *d >= ctx.today);
    let new_due = match wanted {
        Some(d) if d > latest => {
            return Step::Handoff {
                reason: HandoffReason::BeyondPolicy,
                message: Some(ctx.say("move-date-not-possible", &[("reason", limit)])),
            };
        }
        Some(d) => d,
        None => latest,
    };
    let amount = o.next_open().map_or(0, |i| i.amount_due_minor());
    let message = ctx.render(
        "move-date-confirm",
        &[
            ("merchant", ctx.merchant(o)),
            ("amount", ctx.money(o, amount)),
            ("from", ctx.date(current)),
            ("to", ctx.date(new_due)),
        ],
    );
    Step::Confirm {
        action: Action::MoveDueDate {
            order: o.id.clone(),
            installment: seq,
            new_due,
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
                new_due: day(2026, 3, 1)
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
                new_due: day(2026, 3, 30)
            }
        );
    }

    #[test]
    fn a_named_date_within_policy_is_used_and_one_beyond_goes_to_a_person() {
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
                new_due: day(2026, 2, 25)
            }
        );
        w.slots.dates = vec![day(2026, 3, 2)];
        let Step::Handoff { reason, message } = w.run("O-1", run) else {
            unreachable!("a date beyond policy must go to a person");
        };
        assert_eq!(reason, HandoffReason::BeyondPolicy);
        let text = message.map(|m| m.text).unwrap_or_default();
        assert!(text.contains("högst 14 dagar"), "{text}");
    }

    #[test]
    fn a_span_counts_from_the_due_date_and_one_beyond_policy_goes_to_a_person() {
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
                new_due: day(2026, 2, 22)
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
            let Step::Handoff { reason, .. } = w.run("O-1", run) else {
                unreachable!("{span:?} is beyond policy and must go to a person");
            };
            assert_eq!(reason, HandoffReason::BeyondPolicy);
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
                new_due: day(2026, 2, 20)
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
                new_due: day(2026, 3, 16)
            }
        );
        // On 20 March every allowed date lies in the past.
        w.today = day(2026, 3, 20);
        assert!(matches!(w.run("O-1", run), Step::Failed(_)));
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
