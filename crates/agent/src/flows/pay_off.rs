//! `pay_off`: quote the payoff (and, for financing, the interest saved), then pay it on a yes.

use fairdesk_ledger::{Order, OrderStatus};

use super::{FlowCtx, Out, Step};
use crate::actions::Action;

pub fn eligible(o: &Order) -> bool {
    o.status == OrderStatus::Active
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let quote = o.payoff_quote(ctx.today);
    let saved = if quote.interest_saved_minor > 0 {
        ctx.render(
            "pay-off-saved",
            &[("saved", ctx.money(o, quote.interest_saved_minor))],
        )
    } else {
        String::new()
    };
    let message = ctx.render(
        "pay-off-confirm",
        &[
            ("merchant", ctx.merchant(o)),
            ("amount", ctx.money(o, quote.amount.amount_minor)),
            ("saved", saved),
        ],
    );
    Step::Confirm {
        action: Action::PayOff {
            order: o.id.clone(),
            amount_minor: quote.amount.amount_minor,
        },
        message: Out::text(message.replace("  ", " ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::*;

    #[test]
    fn an_interest_free_plan_is_paid_off_at_its_open_principal_without_an_interest_line() {
        let mut w = World::new(day(2026, 3, 3));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        let Step::Confirm { action, message } = w.run("O-1", run) else {
            unreachable!("pay_off must ask for confirmation");
        };
        assert_eq!(
            action,
            Action::PayOff {
                order: oid("O-1"),
                amount_minor: 75_000
            }
        );
        assert_eq!(
            message.text,
            "Att slutbetala köpet från Nordic Shoes i dag kostar 750,00\u{a0}kr. Ska jag fortsätta?"
        );
        assert!(w.try_exec(
            Operation::PayOff {
                order: oid("O-1"),
                expected_minor: Some(75_000)
            },
            w.today,
        ));
        assert_eq!(w.order("O-1").status, OrderStatus::PaidOff);
    }

    #[test]
    fn financing_is_paid_off_at_the_ledgers_quote_and_names_the_interest_saved() {
        let mut w = World::new(day(2026, 3, 1));
        let plan = PlanKind::Financing {
            term: Term::M12,
            apr_nominal_bp: 1_995,
        };
        w.buy("O-1", SHOES, 1_200_000, plan, day(2026, 1, 15));
        w.capture("O-1", 1, day(2026, 2, 15));
        let order = w.order("O-1");
        let quote = order.payoff_quote(w.today);
        assert!(quote.interest_saved_minor > 0);
        assert!(quote.amount.amount_minor < order.outstanding_minor());
        let Step::Confirm { action, message } = w.run("O-1", run) else {
            unreachable!("pay_off must ask for confirmation");
        };
        assert_eq!(
            action,
            Action::PayOff {
                order: oid("O-1"),
                amount_minor: quote.amount.amount_minor
            }
        );
        let saved = crate::locale::money(order.money(quote.interest_saved_minor), "sv");
        assert!(
            message
                .text
                .contains(&format!("Då sparar du {saved} i ränta.")),
            "{}",
            message.text
        );
        assert!(w.try_exec(
            Operation::PayOff {
                order: oid("O-1"),
                expected_minor: Some(quote.amount.amount_minor),
            },
            w.today,
        ));
    }

    #[test]
    fn cancelled_and_paid_off_orders_do_not_qualify() {
        let mut w = World::new(day(2026, 3, 2));
        w.buy("O-1", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::CancelOrder { order: oid("O-1") },
            day(2026, 3, 2),
        );
        w.buy("O-2", SHOES, 10_000, PlanKind::PayIn30, day(2026, 3, 2));
        w.capture("O-2", 1, day(2026, 3, 2));
        w.buy("O-3", SHOES, 10_000, PlanKind::PayIn30, day(2026, 3, 2));
        assert!(!eligible(&w.order("O-1")));
        assert!(!eligible(&w.order("O-2")));
        assert!(eligible(&w.order("O-3")));
    }
}
