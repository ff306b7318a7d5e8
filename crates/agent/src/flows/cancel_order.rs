//! `cancel_order`: cancel before any payment was captured; otherwise explain and offer a return.

use fairdesk_ledger::{Order, OrderStatus};

use super::{FlowCtx, Out, Step};
use crate::actions::Action;

pub fn eligible(o: &Order) -> bool {
    o.status == OrderStatus::Active
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let merchant = ctx.merchant(o);
    if o.paid_minor() > 0 {
        // A return already under way: say so instead of proposing a second one.
        if let Some(pending) = ctx.return_pending(o) {
            return Step::Done(vec![pending]);
        }
        return Step::Confirm {
            action: Action::StartReturn {
                order: o.id.clone(),
            },
            message: ctx.say("cancel-not-possible", &[("merchant", merchant)]),
        };
    }
    let message = ctx.render(
        "cancel-confirm",
        &[
            ("merchant", merchant),
            ("amount", ctx.money(o, o.amount.amount_minor)),
        ],
    );
    Step::Confirm {
        action: Action::Cancel {
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
    fn an_unpaid_order_is_cancelled_after_confirming_its_amount() {
        let mut w = World::new(day(2026, 3, 2));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        let Step::Confirm { action, message } = w.run("O-1", run) else {
            unreachable!("cancel_order must ask for confirmation");
        };
        assert_eq!(action, Action::Cancel { order: oid("O-1") });
        assert_eq!(
            message.text,
            "Ska jag avbryta ditt köp på 1\u{202f}000,00\u{a0}kr från Nordic Shoes?"
        );
        assert!(w.try_exec(Operation::CancelOrder { order: oid("O-1") }, w.today));
    }

    #[test]
    fn after_a_capture_a_return_is_offered_instead_of_a_cancellation() {
        let mut w = World::new(day(2026, 3, 3));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        let Step::Confirm { action, message } = w.run("O-1", run) else {
            unreachable!("cancel_order must offer a return");
        };
        assert_eq!(action, Action::StartReturn { order: oid("O-1") });
        assert!(
            message
                .text
                .starts_with("En betalning har redan dragits för Nordic Shoes"),
            "{}",
            message.text
        );
        assert!(w.try_exec(Operation::StartReturn { order: oid("O-1") }, w.today));
    }

    #[test]
    fn a_paid_order_with_a_pending_return_is_not_offered_a_second_return() {
        let mut w = World::new(day(2026, 3, 6));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        w.exec(
            Operation::StartReturn { order: oid("O-1") },
            day(2026, 3, 5),
        );
        if let Step::Confirm { action, .. } = w.run("O-1", run) {
            let op = match action {
                Action::StartReturn { order } => Operation::StartReturn { order },
                Action::Cancel { order } => Operation::CancelOrder { order },
                other => unreachable!("unexpected proposal {other:?}"),
            };
            assert!(
                w.try_exec(op, w.today),
                "proposed an action the ledger refuses"
            );
        }
    }

    #[test]
    fn only_active_orders_qualify() {
        let mut w = World::new(day(2026, 3, 2));
        w.buy("O-1", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::CancelOrder { order: oid("O-1") },
            day(2026, 3, 2),
        );
        w.buy("O-2", SHOES, 10_000, PlanKind::PayIn30, day(2026, 3, 2));
        w.capture("O-2", 1, day(2026, 3, 2));
        w.buy("O-3", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        assert!(!eligible(&w.order("O-1")));
        assert!(!eligible(&w.order("O-2")));
        assert!(eligible(&w.order("O-3")));
    }
}
