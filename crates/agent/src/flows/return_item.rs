//! `return_item`: register a return (after a yes), which pauses the plan per policy.

use fairdesk_ledger::{Order, OrderStatus};

use super::{FlowCtx, Out, Step};
use crate::actions::Action;

pub fn eligible(o: &Order) -> bool {
    matches!(o.status, OrderStatus::Active | OrderStatus::PaidOff)
        && o.pause.is_none()
        && o.return_state
            .as_ref()
            .is_none_or(|r| r.confirmed_on.is_some())
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let message = ctx.render(
        "return-confirm",
        &[
            ("merchant", ctx.merchant(o)),
            ("days", ctx.policy.ledger.return_pause_days.to_string()),
        ],
    );
    Step::Confirm {
        action: Action::StartReturn {
            order: o.id.clone(),
        },
        message: Out::text(message),
    }
}
