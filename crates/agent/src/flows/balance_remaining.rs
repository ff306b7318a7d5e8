//! `balance_remaining`: what is left to pay on a plan (principal, scheduled interest, fees).

use fairdesk_ledger::{Order, OrderStatus};

use super::{FlowCtx, Step};

pub fn eligible(o: &Order) -> bool {
    o.status == OrderStatus::Active
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    Step::Done(vec![ctx.say(
        "balance-remaining",
        &[
            ("merchant", ctx.merchant(o)),
            ("amount", ctx.money(o, o.outstanding_minor())),
            ("count", o.open_installments().count().to_string()),
        ],
    )])
}
