//! `payment_failed`: which payment failed, and the secure link to fix the card (never in chat).

use chrono::Days;
use fairdesk_ledger::{DeclineReason, Order};

use super::{FlowCtx, Out, Step};

pub fn eligible(o: &Order) -> bool {
    o.open_installments().any(|i| i.failed_attempts > 0)
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let Some(inst) = o.open_installments().find(|i| i.failed_attempts > 0) else {
        return Step::Done(vec![ctx.say("payment-failed-none", &[])]);
    };
    let mut text = ctx.render(
        "payment-failed",
        &[
            ("amount", ctx.money(o, inst.amount_due_minor())),
            ("merchant", ctx.merchant(o)),
            ("date", ctx.date(inst.due)),
            ("link", ctx.policy.links.update_card.clone()),
        ],
    );
    // Why it was declined, and when autopay tries again: at the next daily collection, the day
    // after the latest attempt (or today, if that day has come).
    if let Some((on, reason)) = inst.last_decline {
        let retry = (on + Days::new(1)).max(ctx.today);
        text.push(' ');
        text.push_str(&ctx.render(reason_id(reason), &[]));
        text.push(' ');
        text.push_str(&ctx.render("payment-failed-retry", &[("date", ctx.date(retry))]));
    }
    Step::Done(vec![Out::text(text)])
}

fn reason_id(reason: DeclineReason) -> &'static str {
    match reason {
        DeclineReason::CardExpired => "decline-card-expired",
        DeclineReason::InsufficientFunds => "decline-insufficient-funds",
        DeclineReason::CardBlocked => "decline-card-blocked",
        DeclineReason::BankDeclined => "decline-bank-declined",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::*;
    use fairdesk_ledger::DeclineReason;

    #[test]
    fn a_failed_payment_is_named_with_amount_date_and_the_secure_card_link() {
        let mut w = World::new(day(2026, 3, 17));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        w.exec(
            Operation::RecordPaymentFailure {
                order: oid("O-1"),
                installment: 2,
                reason: DeclineReason::BankDeclined,
            },
            day(2026, 3, 16),
        );
        assert!(eligible(&w.order("O-1")));
        assert_eq!(
            done_text(&w.run("O-1", run)),
            "Din betalning på 250,00\u{a0}kr för Nordic Shoes som förföll den 16 mars 2026 gick inte igenom. \
             Uppdatera ditt kort via den här säkra länken: https://pay.example.com/card \
             – sedan kan jag försöka dra betalningen igen. Orsaken är att din bank nekade betalningen. \
             Vi gör ett nytt automatiskt försök att dra betalningen den 17 mars 2026."
        );
    }

    #[test]
    fn orders_without_an_open_failed_payment_do_not_qualify() {
        let mut w = World::new(day(2026, 3, 17));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        assert!(!eligible(&w.order("O-1")));
        w.exec(
            Operation::RecordPaymentFailure {
                order: oid("O-1"),
                installment: 1,
                reason: DeclineReason::BankDeclined,
            },
            day(2026, 3, 2),
        );
        assert!(eligible(&w.order("O-1")));
        // Once the failed installment is paid, nothing failed is open.
        w.capture("O-1", 1, day(2026, 3, 17));
        assert!(!eligible(&w.order("O-1")));
    }
}
