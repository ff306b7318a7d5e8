//! `move_due_date`: propose a later date for the next installment, within policy. A date the
//! customer names is used if policy allows it; a date beyond policy is explained and the
//! conversation goes to a person (a request beyond policy is a handoff trigger).

use chrono::{Days, NaiveDate};
use fairdesk_ledger::{Order, OrderStatus};

use super::{FlowCtx, Out, Step};
use crate::actions::Action;
use crate::handoff::HandoffReason;

pub fn eligible(o: &Order) -> bool {
    o.status == OrderStatus::Active
        && o.next_open().is_some_and(|i| i.moves == 0)
        && o.installments.len() > 1
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
    let wanted = ctx
        .slots
        .dates
        .iter()
        .copied()
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
