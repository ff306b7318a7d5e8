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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::*;

    #[test]
    fn with_nothing_outstanding_a_person_confirms_the_closure() {
        let mut w = World::new(day(2026, 3, 2));
        w.buy("O-1", SHOES, 10_000, PlanKind::PayIn30, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        w.buy("O-2", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::CancelOrder { order: oid("O-2") },
            day(2026, 3, 2),
        );
        let Step::Handoff { reason, message } = w.with_ctx(run) else {
            unreachable!("closing an account goes to a person");
        };
        assert_eq!(reason, HandoffReason::Requested);
        assert_eq!(
            message.map(|m| m.text).unwrap_or_default(),
            "Du har inget utestående, så ditt konto kan avslutas. En person bekräftar avslutet med dig."
        );
    }

    #[test]
    fn outstanding_amounts_in_two_currencies_are_both_listed() {
        let mut w = World::new(day(2026, 3, 3));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        w.buy("O-2", SHOES, 20_000, PlanKind::PayIn30, day(2026, 3, 2));
        w.buy("O-3", BIKES, 30_000, PlanKind::PayIn30, day(2026, 3, 2));
        // 750,00 + 200,00 kr and 300,00 €.
        assert_eq!(
            done_text(&w.with_ctx(run)),
            "Du har fortfarande 950,00\u{a0}kr + 300,00\u{a0}€ utestående, så kontot kan inte avslutas än. \
             När allt är betalt går det bra."
        );
    }
}
