//! `account_close`: with nothing outstanding, the customer confirms and the account is closed (the
//! books refuse it otherwise); with something outstanding, what is owed is said.

use std::collections::BTreeMap;

use fairdesk_ledger::{Currency, Money};

use super::{FlowCtx, Step};
use crate::actions::Action;
use crate::locale;

pub fn run(ctx: &FlowCtx<'_>) -> Step {
    if ctx.customer.closed {
        return Step::Done(vec![ctx.say("account-close-already", &[])]);
    }
    let mut per_currency: BTreeMap<Currency, i64> = BTreeMap::new();
    for o in ctx.orders.iter().filter(|o| o.outstanding_minor() > 0) {
        *per_currency.entry(o.currency()).or_insert(0) += o.outstanding_minor();
    }
    if per_currency.is_empty() {
        return Step::Confirm {
            action: Action::CloseAccount,
            message: ctx.say("account-close-confirm", &[]),
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
    fn with_nothing_outstanding_the_closure_is_proposed_and_the_books_close_the_account() {
        let mut w = World::new(day(2026, 3, 2));
        w.buy("O-1", SHOES, 10_000, PlanKind::PayIn30, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        w.buy("O-2", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::CancelOrder { order: oid("O-2") },
            day(2026, 3, 2),
        );
        let Step::Confirm { action, message } = w.with_ctx(run) else {
            unreachable!("closing an account with nothing outstanding is proposed");
        };
        assert_eq!(action, Action::CloseAccount);
        assert_eq!(
            message.text,
            "Du har inget utestående, så ditt konto kan avslutas. Ska jag avsluta det nu? \
             Därefter går det inte att handla med det."
        );
        let close = Operation::CloseAccount {
            customer: w.customer().id,
        };
        assert!(w.try_exec(close.clone(), w.today));
        assert!(!w.try_exec(close, w.today), "an account closes once");
        assert_eq!(done_text(&w.with_ctx(run)), "Ditt konto är redan avslutat.");
    }

    #[test]
    fn the_books_refuse_to_close_an_account_with_something_outstanding() {
        let mut w = World::new(day(2026, 3, 2));
        w.buy("O-1", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        assert!(!w.try_exec(
            Operation::CloseAccount {
                customer: w.customer().id,
            },
            w.today
        ));
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
