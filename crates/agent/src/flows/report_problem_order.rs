//! `report_problem_order`: not received, damaged, wrong item — open a dispute (after a yes), which
//! pauses the plan while it is open.

use fairdesk_ledger::{Order, OrderStatus};

use super::{FlowCtx, Out, Step};
use crate::actions::Action;

pub fn eligible(o: &Order) -> bool {
    matches!(o.status, OrderStatus::Active | OrderStatus::PaidOff) && o.pause.is_none()
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let message = ctx.render("problem-confirm", &[("merchant", ctx.merchant(o))]);
    Step::Confirm {
        action: Action::OpenDispute {
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
    fn the_confirmation_proposes_a_dispute_the_ledger_accepts() {
        let mut w = World::new(day(2026, 3, 3));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        let Step::Confirm { action, message } = w.run("O-1", run) else {
            unreachable!("report_problem_order must ask for confirmation");
        };
        assert_eq!(action, Action::OpenDispute { order: oid("O-1") });
        assert!(message.text.contains("Nordic Shoes"), "{}", message.text);
        assert!(w.try_exec(
            Operation::OpenDispute {
                order: oid("O-1"),
                reason: "damaged".to_owned()
            },
            w.today,
        ));
    }

    #[test]
    fn paid_off_orders_qualify_but_paused_and_cancelled_ones_do_not() {
        let mut w = World::new(day(2026, 3, 3));
        w.buy("O-1", SHOES, 10_000, PlanKind::PayIn30, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        w.buy("O-2", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::OpenDispute {
                order: oid("O-2"),
                reason: "damaged".to_owned(),
            },
            day(2026, 3, 3),
        );
        w.buy("O-3", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::CancelOrder { order: oid("O-3") },
            day(2026, 3, 2),
        );
        assert!(eligible(&w.order("O-1")));
        assert!(!eligible(&w.order("O-2")));
        assert!(!eligible(&w.order("O-3")));
    }
}
