//! `payment_failed`: which payment failed, and the secure link to fix the card (never in chat).

use fairdesk_ledger::Order;

use super::{FlowCtx, Step};

pub fn eligible(o: &Order) -> bool {
    o.open_installments().any(|i| i.failed_attempts > 0)
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let Some(inst) = o.open_installments().find(|i| i.failed_attempts > 0) else {
        return Step::Done(vec![ctx.say("payment-failed-none", &[])]);
    };
    Step::Done(vec![ctx.say(
        "payment-failed",
        &[
            ("amount", ctx.money(o, inst.amount_due_minor())),
            ("merchant", ctx.merchant(o)),
            ("date", ctx.date(inst.due)),
            ("link", ctx.policy.links.update_card.clone()),
        ],
    )])
}
