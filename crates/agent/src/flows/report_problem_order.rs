//! `report_problem_order`: not received, damaged, wrong item — open a dispute (after a yes), which
//! pauses the plan while it is open.

use fairdesk_ledger::{Order, OrderStatus};

use super::{FlowCtx, Out, Step};
use crate::actions::Action;

pub fn eligible(o: &Order) -> bool {
    matches!(o.status, OrderStatus::Active | OrderStatus::PaidOff) && o.pause.is_none()
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let message = ctx.render("problem-confirm", &[("merchant", ctx.merchant(o))]);
    Step::Confirm {
        action: Action::OpenDispute {
            order: o.id.clone(),
        },
        message: Out::text(message),
    }
}
