//! `order_status`: what happened to a purchase — shipped, paid, refunded, paused.

use fairdesk_ledger::{Order, OrderStatus, Pause};

use super::{FlowCtx, Step};

pub fn eligible(_: &Order) -> bool {
    true
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let state = match (&o.status, &o.pause, o.shipped_on) {
        (_, Some(Pause::Return { until, .. }), _) => {
            ctx.render("state-paused-return", &[("until", ctx.date(*until))])
        }
        (_, Some(Pause::Dispute { .. }), _) => ctx.render("state-paused-dispute", &[]),
        (OrderStatus::PaidOff, _, _) => ctx.render("state-paid-off", &[]),
        (OrderStatus::Refunded, _, _) => ctx.render("state-refunded", &[]),
        (OrderStatus::Cancelled, _, _) => ctx.render("state-cancelled", &[]),
        (OrderStatus::Active, None, Some(shipped)) => {
            ctx.render("state-active-shipped", &[("shipped", ctx.date(shipped))])
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
