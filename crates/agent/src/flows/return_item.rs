//! `return_item`: register a return (after a yes), which pauses the plan per policy.

use fairdesk_ledger::{Order, OrderStatus};

use super::{FlowCtx, Out, Step};
use crate::actions::Action;

pub fn eligible(o: &Order) -> bool {
    matches!(o.status, OrderStatus::Active | OrderStatus::PaidOff)
        && o.pause.is_none()
        && o.return_state
            .as_ref()
            .is_none_or(|r| r.confirmed_on.is_some())
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let message = ctx.render(
        "return-confirm",
        &[
            ("merchant", ctx.merchant(o)),
            ("days", ctx.policy.ledger.return_pause_days.to_string()),
        ],
    );
    Step::Confirm {
        action: Action::StartReturn {
            order: o.id.clone(),
        },
        message: Out::text(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::*;

    #[test]
    fn the_confirmation_proposes_a_return_with_the_policys_pause_days() {
        let mut w = World::new(day(2026, 3, 3));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        let Step::Confirm { action, message } = w.run("O-1", run) else {
            unreachable!("return_item must ask for confirmation");
        };
        assert_eq!(action, Action::StartReturn { order: oid("O-1") });
        assert_eq!(
            message.text,
            "Ska jag registrera en retur för Nordic Shoes? \
             Dina betalningar pausas i upp till 30 dagar medan butiken tar emot varan."
        );
        assert!(w.try_exec(Operation::StartReturn { order: oid("O-1") }, w.today));
    }

    #[test]
    fn paused_and_cancelled_orders_do_not_qualify_but_paid_off_ones_do() {
        let mut w = World::new(day(2026, 3, 3));
        w.buy("O-1", SHOES, 10_000, PlanKind::PayIn30, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        w.buy("O-2", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::StartReturn { order: oid("O-2") },
            day(2026, 3, 3),
        );
        w.buy("O-3", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::OpenDispute {
                order: oid("O-3"),
                reason: "never arrived".to_owned(),
            },
            day(2026, 3, 3),
        );
        w.buy("O-4", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::CancelOrder { order: oid("O-4") },
            day(2026, 3, 2),
        );
        assert!(eligible(&w.order("O-1")));
        assert!(!eligible(&w.order("O-2")));
        assert!(!eligible(&w.order("O-3")));
        assert!(!eligible(&w.order("O-4")));
    }
}
