//! `order_status`: what happened to a purchase — shipped, paid, refunded, paused.

use fairdesk_ledger::{Order, OrderStatus, Pause};

use super::{FlowCtx, Step};

pub fn eligible(_: &Order) -> bool {
    true
}

/// "Payments are paused for a return until …" / "… while we look into the problem", for a paused
/// purchase.
pub fn pause_note(ctx: &FlowCtx<'_>, o: &Order) -> Option<String> {
    Some(match o.pause.as_ref()? {
        Pause::Return { until, .. } => {
            ctx.render("state-paused-return", &[("until", ctx.date(*until))])
        }
        Pause::Dispute { .. } => ctx.render("state-paused-dispute", &[]),
    })
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let state = match (&o.status, pause_note(ctx, o), o.shipped_on) {
        (_, Some(paused), _) => paused,
        (OrderStatus::PaidOff, _, _) => ctx.render("state-paid-off", &[]),
        (OrderStatus::Refunded, _, _) => ctx.render("state-refunded", &[]),
        (OrderStatus::Cancelled, _, _) => ctx.render("state-cancelled", &[]),
        (OrderStatus::Active, None, Some(shipped)) => {
            ctx.render("state-active-shipped", &[("shipped", ctx.date(shipped))])
                + &shipment(ctx, o)
        }
        (OrderStatus::Active, None, None) => ctx.render("state-active-unshipped", &[]),
    };
    Step::Done(vec![ctx.say(
        "order-status",
        &[
            ("merchant", ctx.merchant(o)),
            ("item", o.description.clone()),
            ("amount", ctx.money(o, o.amount.amount_minor)),
            ("date", ctx.date(o.purchased_on)),
            ("state", state),
        ],
    )])
}

/// Carrier, tracking number and delivery, as far as the merchant reported them (with a leading
/// space, or empty).
fn shipment(ctx: &FlowCtx<'_>, o: &Order) -> String {
    let s = &o.shipment;
    let mut out = String::new();
    if let (Some(carrier), Some(tracking)) = (&s.carrier, &s.tracking) {
        out.push(' ');
        out.push_str(&ctx.render(
            "shipment-tracking",
            &[("carrier", carrier.clone()), ("tracking", tracking.clone())],
        ));
    } else if let Some(carrier) = &s.carrier {
        out.push(' ');
        out.push_str(&ctx.render("shipment-carrier", &[("carrier", carrier.clone())]));
    }
    match s.delivered_on {
        Some(on) => {
            out.push(' ');
            out.push_str(&ctx.render("shipment-delivered", &[("date", ctx.date(on))]));
        }
        None => {
            out.push(' ');
            out.push_str(&ctx.render("shipment-on-its-way", &[]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::*;

    #[test]
    fn a_shipped_order_states_item_amount_and_both_dates_in_swedish() {
        let mut w = World::new(day(2026, 3, 5));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::MarkShipped {
                order: oid("O-1"),
                carrier: None,
                tracking: None,
            },
            day(2026, 3, 4),
        );
        let text = done_text(&w.run("O-1", run));
        assert_eq!(
            text,
            "Ditt köp från Nordic Shoes (Sneakers, 1\u{202f}000,00\u{a0}kr) gjordes den 2 mars 2026. \
             Det skickades den 4 mars 2026 och betalplanen löper. Det har inte markerats som levererat än."
        );
    }

    #[test]
    fn a_started_return_says_payments_are_paused_until_the_return_window_ends() {
        let mut w = World::new(day(2026, 3, 6));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::StartReturn { order: oid("O-1") },
            day(2026, 3, 5),
        );
        let text = done_text(&w.run("O-1", run));
        // 5 March + the policy's 30 return-pause days.
        assert!(
            text.ends_with("Betalningarna är pausade för en retur fram till 4 april 2026."),
            "{text}"
        );
    }

    #[test]
    fn a_cancelled_order_qualifies_and_is_reported_as_cancelled() {
        let mut w = World::new(day(2026, 3, 2));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::CancelOrder { order: oid("O-1") },
            day(2026, 3, 2),
        );
        assert!(eligible(&w.order("O-1")));
        let text = done_text(&w.run("O-1", run));
        assert!(text.ends_with("Det har avbrutits."), "{text}");
    }
}
