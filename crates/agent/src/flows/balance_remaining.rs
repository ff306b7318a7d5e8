//! `balance_remaining`: what is left to pay on a plan (principal, scheduled interest, fees).

use fairdesk_ledger::{Order, OrderStatus};

use super::{FlowCtx, Step};

pub fn eligible(o: &Order) -> bool {
    o.status == OrderStatus::Active
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    Step::Done(vec![ctx.say(
        "balance-remaining",
        &[
            ("merchant", ctx.merchant(o)),
            ("amount", ctx.money(o, o.outstanding_minor())),
            ("count", o.open_installments().count().to_string()),
        ],
    )])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::*;

    #[test]
    fn the_balance_counts_open_installments_and_an_assessed_late_fee() {
        let mut w = World::new(day(2026, 3, 22));
        w.lang = "en";
        w.buy("O-1", SHOES, 500_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        // Installment 2 (due 16 March) is late after the 5 grace days: a 35,00 kr fee.
        w.exec(
            Operation::AssessLateFee {
                order: oid("O-1"),
                installment: 2,
            },
            day(2026, 3, 22),
        );
        assert_eq!(
            done_text(&w.run("O-1", run)),
            "You have SEK 3,785.00 left to pay for Nordic Shoes, in 3 payment(s)."
        );
    }

    #[test]
    fn the_swedish_balance_uses_swedish_number_format() {
        let mut w = World::new(day(2026, 3, 3));
        w.buy("O-1", SHOES, 500_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        assert_eq!(
            done_text(&w.run("O-1", run)),
            "Du har 3\u{202f}750,00\u{a0}kr kvar att betala för Nordic Shoes. Antal betalningar kvar: 3."
        );
    }

    #[test]
    fn paid_off_and_cancelled_orders_do_not_qualify() {
        let mut w = World::new(day(2026, 3, 2));
        w.buy("O-1", SHOES, 10_000, PlanKind::PayIn30, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        w.buy("O-2", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::CancelOrder { order: oid("O-2") },
            day(2026, 3, 2),
        );
        w.buy("O-3", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        assert!(!eligible(&w.order("O-1")));
        assert!(!eligible(&w.order("O-2")));
        assert!(eligible(&w.order("O-3")));
    }
}
