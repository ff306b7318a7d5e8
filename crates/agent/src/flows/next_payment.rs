//! `next_payment`: the next installment's amount and date, computed from the plan.

use fairdesk_ledger::{Order, OrderStatus};

use super::{FlowCtx, Step};

pub fn eligible(o: &Order) -> bool {
    o.status == OrderStatus::Active
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    match o.next_open() {
        Some(next) => Step::Done(vec![ctx.say(
            "next-payment",
            &[
                ("merchant", ctx.merchant(o)),
                ("amount", ctx.money(o, next.amount_due_minor())),
                ("date", ctx.date(next.due)),
            ],
        )]),
        None => Step::Done(vec![
            ctx.say("next-payment-none", &[("merchant", ctx.merchant(o))]),
        ]),
    }
}
