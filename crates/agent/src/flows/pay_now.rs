//! `pay_now`: pay the next installment now, after the customer confirms the exact amount.

use fairdesk_ledger::{Order, OrderStatus};

use super::{FlowCtx, Out, Step};
use crate::actions::Action;

pub fn eligible(o: &Order) -> bool {
    o.status == OrderStatus::Active
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let Some(next) = o.next_open() else {
        return Step::Failed(vec![
            ctx.say("next-payment-none", &[("merchant", ctx.merchant(o))]),
        ]);
    };
    let amount_minor = next.amount_due_minor();
    let message = ctx.render(
        "pay-now-confirm",
        &[
            ("seq", next.seq.to_string()),
            ("amount", ctx.money(o, amount_minor)),
            ("merchant", ctx.merchant(o)),
            ("date", ctx.date(next.due)),
        ],
    );
    Step::Confirm {
        action: Action::PayNow {
            order: o.id.clone(),
            installment: next.seq,
            amount_minor,
        },
        message: Out::text(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::*;

    #[test]
    fn the_confirmation_carries_the_next_installment_and_its_exact_amount() {
        let mut w = World::new(day(2026, 3, 3));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        let Step::Confirm { action, message } = w.run("O-1", run) else {
            unreachable!("pay_now must ask for confirmation");
        };
        assert_eq!(
            action,
            Action::PayNow {
                order: oid("O-1"),
                installment: 2,
                amount_minor: 25_000
            }
        );
        assert_eq!(
            message.text,
            "Ska jag betala delbetalning 2 på 250,00\u{a0}kr för Nordic Shoes nu, med ditt sparade kort? \
             (Den förfaller den 16 mars 2026.)"
        );
        // The ledger accepts the proposed capture.
        assert!(w.try_exec(
            Operation::CaptureInstallment {
                order: oid("O-1"),
                installment: 2,
                method: PaymentMethod::Manual,
            },
            w.today,
        ));
    }

    #[test]
    fn an_assessed_late_fee_is_part_of_the_amount_to_confirm() {
        let mut w = World::new(day(2026, 3, 8));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::AssessLateFee {
                order: oid("O-1"),
                installment: 1,
            },
            day(2026, 3, 8),
        );
        let Step::Confirm { action, message } = w.run("O-1", run) else {
            unreachable!("pay_now must ask for confirmation");
        };
        assert_eq!(
            action,
            Action::PayNow {
                order: oid("O-1"),
                installment: 1,
                amount_minor: 28_500
            }
        );
        assert!(message.text.contains("285,00\u{a0}kr"), "{}", message.text);
    }

    #[test]
    fn paid_off_orders_do_not_qualify() {
        let mut w = World::new(day(2026, 3, 2));
        w.buy("O-1", SHOES, 10_000, PlanKind::PayIn30, day(2026, 3, 2));
        w.buy("O-2", SHOES, 10_000, PlanKind::PayIn30, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        assert!(!eligible(&w.order("O-1")));
        assert!(eligible(&w.order("O-2")));
    }
}
