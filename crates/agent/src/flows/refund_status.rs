//! `refund_status`: refunds granted so far, money paid back, or the pending return.

use fairdesk_ledger::{Order, OrderStatus};

use super::{FlowCtx, Out, Step};

pub fn eligible(o: &Order) -> bool {
    o.status != OrderStatus::Cancelled
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let merchant = ctx.merchant(o);
    if let Some(pending) = ctx.return_pending(o) {
        return Step::Done(vec![pending]);
    }
    if o.refunded_minor == 0 {
        return Step::Done(vec![
            ctx.say("refund-status-none", &[("merchant", merchant)]),
        ]);
    }
    let paid_back = if o.paid_back_minor > 0 {
        ctx.render(
            "refund-paid-back",
            &[("amount", ctx.money(o, o.paid_back_minor))],
        )
    } else {
        String::new()
    };
    let mut text = ctx.render(
        "refund-status-some",
        &[
            ("merchant", merchant),
            ("refunded", ctx.money(o, o.refunded_minor)),
            ("paid_back", paid_back),
        ],
    );
    if let Some(on) = o.last_refund_on {
        text.push(' ');
        text.push_str(&ctx.render("refund-date", &[("date", ctx.date(on))]));
    }
    text.push(' ');
    text.push_str(&if o.outstanding_minor() > 0 {
        ctx.render(
            "refund-still-owed",
            &[
                ("owed", ctx.money(o, o.outstanding_minor())),
                ("count", o.open_installments().count().to_string()),
            ],
        )
    } else {
        ctx.render("refund-nothing-owed", &[])
    });
    Step::Done(vec![Out::text(text)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::*;

    #[test]
    fn a_pending_return_states_its_start_and_the_end_of_the_pause() {
        let mut w = World::new(day(2026, 3, 6));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::StartReturn { order: oid("O-1") },
            day(2026, 3, 5),
        );
        assert_eq!(
            done_text(&w.run("O-1", run)),
            "Din retur till Nordic Shoes är registrerad (påbörjad den 5 mars 2026). \
             Betalningarna är pausade fram till 4 april 2026 medan butiken tar emot varan."
        );
    }

    #[test]
    fn a_confirmed_partial_refund_states_the_amount_without_a_payback() {
        let mut w = World::new(day(2026, 3, 11));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        w.exec(
            Operation::StartReturn { order: oid("O-1") },
            day(2026, 3, 5),
        );
        w.exec(
            Operation::ConfirmReturn {
                order: oid("O-1"),
                amount: Money::new(40_000, Currency::SEK),
            },
            day(2026, 3, 10),
        );
        let text = done_text(&w.run("O-1", run));
        assert!(
            text.starts_with("För Nordic Shoes har du hittills fått tillbaka 400,00\u{a0}kr."),
            "{text}"
        );
        assert!(!text.contains("kort"), "{text}");
    }

    #[test]
    fn a_refund_of_a_paid_order_states_what_was_paid_back() {
        let mut w = World::new(day(2026, 3, 11));
        w.buy("O-1", SHOES, 10_000, PlanKind::PayIn30, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        w.exec(
            Operation::Refund {
                order: oid("O-1"),
                amount: Money::new(10_000, Currency::SEK),
            },
            day(2026, 3, 10),
        );
        assert!(eligible(&w.order("O-1")));
        assert_eq!(
            done_text(&w.run("O-1", run)),
            "För Nordic Shoes har du hittills fått tillbaka 100,00\u{a0}kr. \
             100,00\u{a0}kr av det har betalats tillbaka till ditt kort. Den senaste återbetalningen \
             gjordes den 10 mars 2026. Du är inte skyldig något mer på köpet."
        );
    }

    #[test]
    fn cancelled_orders_do_not_qualify_and_an_order_without_refunds_says_so() {
        let mut w = World::new(day(2026, 3, 2));
        w.buy("O-1", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::CancelOrder { order: oid("O-1") },
            day(2026, 3, 2),
        );
        w.buy("O-2", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        assert!(!eligible(&w.order("O-1")));
        assert!(eligible(&w.order("O-2")));
        let text = done_text(&w.run("O-2", run));
        assert!(
            text.starts_with("Det finns ingen återbetalning för Nordic Shoes än."),
            "{text}"
        );
    }
}
