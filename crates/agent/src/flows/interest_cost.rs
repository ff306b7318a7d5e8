//! `interest_cost`: APR, nominal rate and total cost of credit of a plan, computed by the ledger.

use fairdesk_ledger::{Order, PlanKind};

use super::{FlowCtx, Step};
use crate::locale::percent_bp;

pub fn eligible(_: &Order) -> bool {
    true
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let cost = o.credit_cost();
    let plan = match o.plan {
        PlanKind::PayIn4 => ctx.render("plan-pay-in-4", &[]),
        PlanKind::PayIn30 => ctx.render("plan-pay-in-30", &[]),
        PlanKind::Financing { term, .. } => {
            ctx.render("plan-financing", &[("months", term.months().to_string())])
        }
    };
    Step::Done(vec![ctx.say(
        "interest-cost",
        &[
            ("merchant", ctx.merchant(o)),
            ("plan", plan),
            ("apr", percent_bp(cost.apr_bp, ctx.lang)),
            ("nominal", percent_bp(cost.apr_nominal_bp, ctx.lang)),
            ("cost", ctx.money(o, cost.total_cost_minor)),
            ("total", ctx.money(o, cost.total_payable_minor)),
        ],
    )])
}
