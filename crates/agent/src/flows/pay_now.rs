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
