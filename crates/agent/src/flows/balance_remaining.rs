//! `balance_remaining`: what is left to pay on a plan (principal, scheduled interest, fees).

use std::collections::BTreeMap;

use fairdesk_ledger::{Currency, Money, Order, OrderStatus};

use super::{FlowCtx, Out, Step, next_payment};
use crate::locale;

pub fn eligible(o: &Order) -> bool {
    o.status == OrderStatus::Active
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let mut text = ctx.render(
        "balance-remaining",
        &[
            ("merchant", ctx.merchant(o)),
            ("amount", ctx.money(o, o.outstanding_minor())),
            ("count", o.open_installments().count().to_string()),
        ],
    );
    push_next(ctx, &[o], &mut text);
    Step::Done(vec![Out::text(text)])
}

/// What is left across several purchases: the total per currency, how many purchases, and the
/// next payment — rather than asking which purchase.
pub fn run_all(ctx: &FlowCtx<'_>, orders: &[&Order]) -> Step {
    let mut text = total(ctx, orders);
    push_next(ctx, orders, &mut text);
    Step::Done(vec![Out::text(text)])
}

/// "That is … in total, on … purchases" (per currency), with what is left on each of them
/// ("Stilhuset: 1.000,00 kr, Designbutikken: 625,00 kr"), or that nothing is left.
pub fn total(ctx: &FlowCtx<'_>, orders: &[&Order]) -> String {
    let mut totals: BTreeMap<Currency, (i64, Vec<String>)> = BTreeMap::new();
    for o in orders.iter().filter(|o| o.outstanding_minor() > 0) {
        let t = totals.entry(o.currency()).or_default();
        t.0 += o.outstanding_minor();
        t.1.push(format!(
            "{}: {}",
            ctx.merchant(o),
            ctx.money(o, o.outstanding_minor())
        ));
    }
    let mut parts: Vec<String> = totals
        .iter()
        .map(|(c, (minor, each))| {
            let sum = ctx.render(
                "balance-total",
                &[
                    ("amount", locale::money(Money::new(*minor, *c), ctx.lang)),
                    ("count", each.len().to_string()),
                ],
            );
            if each.len() < 2 {
                return sum;
            }
            let each = each.join(", ");
            match sum.strip_suffix('.') {
                Some(sentence) => format!("{sentence} ({each})."),
                None => format!("{sum} ({each})"),
            }
        })
        .collect();
    if parts.is_empty() {
        parts.push(ctx.render("balance-nothing", &[]));
    }
    parts.join(" ")
}

/// Appends "Your next payment is …" for the earliest open installment of `orders`.
fn push_next(ctx: &FlowCtx<'_>, orders: &[&Order], text: &mut String) {
    if let Some((o, next)) = next_payment::earliest(orders) {
        let id = if next.due < ctx.today {
            "balance-next-overdue"
        } else {
            "balance-next"
        };
        text.push(' ');
        text.push_str(&ctx.render(
            id,
            &[
                ("merchant", ctx.merchant(o)),
                ("amount", ctx.money(o, next.amount_due_minor())),
                ("date", ctx.date(next.due)),
            ],
        ));
        next_payment::push_pause(ctx, o, text);
    }
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
            "You have SEK 3,785.00 left to pay for Nordic Shoes, in 3 payment(s). Your payment of SEK 1,285.00 for Nordic Shoes was due on 16 March 2026 and is overdue."
        );
    }

    #[test]
    fn the_swedish_balance_uses_swedish_number_format() {
        let mut w = World::new(day(2026, 3, 3));
        w.buy("O-1", SHOES, 500_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        assert_eq!(
            done_text(&w.run("O-1", run)),
            "Du har 3\u{202f}750,00\u{a0}kr kvar att betala för Nordic Shoes. Antal betalningar kvar: 3. Din nästa betalning är 1\u{202f}250,00\u{a0}kr för Nordic Shoes och förfaller den 16 mars 2026."
        );
    }

    #[test]
    fn the_total_of_several_purchases_names_what_is_left_on_each() {
        let mut w = World::new(day(2026, 3, 3));
        w.lang = "en";
        w.buy("O-1", SHOES, 500_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        w.buy("O-2", SHOES, 100_000, PlanKind::PayIn30, day(2026, 3, 2));
        let orders = w.orders();
        let all: Vec<&Order> = orders.iter().collect();
        let text = done_text(&w.with_ctx(|ctx| run_all(ctx, &all)));
        assert!(
            text.starts_with(
                "In total you have SEK 4,750.00 left to pay, on 2 purchase(s) (Nordic Shoes: SEK 3,750.00, Nordic Shoes: SEK 1,000.00)."
            ),
            "{text}"
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
