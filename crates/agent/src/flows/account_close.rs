//! `account_close`: only with nothing outstanding; a person confirms the closure either way.

use std::collections::BTreeMap;

use fairdesk_ledger::{Currency, Money};

use super::{FlowCtx, Step};
use crate::handoff::HandoffReason;
use crate::locale;

pub fn run(ctx: &FlowCtx<'_>) -> Step {
    let mut per_currency: BTreeMap<Currency, i64> = BTreeMap::new();
    for o in ctx.orders.iter().filter(|o| o.outstanding_minor() > 0) {
        *per_currency.entry(o.currency()).or_insert(0) += o.outstanding_minor();
    }
    if per_currency.is_empty() {
        return Step::Handoff {
            reason: HandoffReason::Requested,
            message: Some(ctx.say("account-close-ok", &[])),
        };
    }
    let amounts: Vec<String> = per_currency
        .into_iter()
        .map(|(c, minor)| locale::money(Money::new(minor, c), ctx.lang))
        .collect();
    Step::Done(vec![ctx.say(
        "account-close-outstanding",
        &[("amount", amounts.join(" + "))],
    )])
}
