//! `cancel_order`: cancel before any payment was captured; otherwise explain and offer a return.

use fairdesk_ledger::{Order, OrderStatus};

use super::{FlowCtx, Out, Step};
use crate::actions::Action;

pub fn eligible(o: &Order) -> bool {
    o.status == OrderStatus::Active
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let merchant = ctx.merchant(o);
    if o.paid_minor() > 0 {
        return Step::Confirm {
            action: Action::StartReturn {
                order: o.id.clone(),
            },
            message: ctx.say("cancel-not-possible", &[("merchant", merchant)]),
        };
    }
    let message = ctx.render(
        "cancel-confirm",
        &[
            ("merchant", merchant),
            ("amount", ctx.money(o, o.amount.amount_minor)),
        ],
    );
    Step::Confirm {
        action: Action::Cancel {
            order: o.id.clone(),
        },
        message: Out::text(message),
    }
}
