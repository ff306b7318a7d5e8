//! `refund_status`: refunds granted so far, money paid back, or the pending return.

use fairdesk_ledger::{Order, OrderStatus};

use super::{FlowCtx, Step};

pub fn eligible(o: &Order) -> bool {
    o.status != OrderStatus::Cancelled
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let merchant = ctx.merchant(o);
    if let Some(r) = o.return_state.as_ref().filter(|r| r.confirmed_on.is_none()) {
        let until = match &o.pause {
            Some(fairdesk_ledger::Pause::Return { until, .. }) => *until,
            _ => r.started_on,
        };
        return Step::Done(vec![ctx.say(
            "refund-return-pending",
            &[
                ("merchant", merchant),
                ("date", ctx.date(r.started_on)),
                ("until", ctx.date(until)),
            ],
        )]);
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
    Step::Done(vec![ctx.say(
        "refund-status-some",
        &[
            ("merchant", merchant),
            ("refunded", ctx.money(o, o.refunded_minor)),
            ("paid_back", paid_back),
        ],
    )])
}
