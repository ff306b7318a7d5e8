//! `late_fee`: explain a late fee with its dates; offer the one-time waiver where policy allows.

use fairdesk_ledger::Order;

use super::{FlowCtx, Out, Step};
use crate::actions::Action;

pub fn eligible(o: &Order) -> bool {
    o.open_installments().any(|i| i.fee_owed_minor() > 0)
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let Some(inst) = o.open_installments().find(|i| i.fee_owed_minor() > 0) else {
        return Step::Done(vec![ctx.say("late-fee-none", &[])]);
    };
    let fee = ctx.money(o, inst.fee_owed_minor());
    let grace = ctx.policy.ledger.grace_days;
    let explain = ctx.render(
        "late-fee-explain",
        &[
            ("fee", fee.clone()),
            ("merchant", ctx.merchant(o)),
            ("date", ctx.date(inst.due)),
            ("grace", grace.to_string()),
        ],
    );
    if ctx.customer.late_fee_waivers_used >= ctx.policy.ledger.late_fee_waivers_per_customer_max {
        let no = ctx.render("late-fee-no-waiver", &[]);
        return Step::OfferPerson(vec![Out::text(explain), Out::text(no)]);
    }
    let offer = ctx.render("late-fee-waive-confirm", &[("fee", fee)]);
    Step::Confirm {
        action: Action::WaiveLateFee {
            order: o.id.clone(),
            installment: inst.seq,
            fee_minor: inst.fee_owed_minor(),
        },
        message: Out::text(format!("{explain} {offer}")),
    }
}
