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
