//! `next_payment`: the next installment's amount and date, computed from the plan.

use fairdesk_ledger::{Installment, Order, OrderStatus};

use super::{FlowCtx, Step};

pub fn eligible(o: &Order) -> bool {
    o.status == OrderStatus::Active
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    match o.next_open() {
        Some(next) => {
            let mut text = ctx.render(next_payment_id(ctx, next), &vars(ctx, o, next));
            push_pause(ctx, o, &mut text);
            Step::Done(vec![super::Out::text(text)])
        }
        None => Step::Done(vec![
            ctx.say("next-payment-none", &[("merchant", ctx.merchant(o))]),
        ]),
    }
}

/// The next payment across several purchases: the earliest open installment of them all (an
/// overdue one is said to be overdue), naming its merchant — rather than asking which purchase.
pub fn run_all(ctx: &FlowCtx<'_>, orders: &[&Order]) -> Step {
    match earliest(orders) {
        Some((o, next)) => {
            let mut text = ctx.render(next_payment_id(ctx, next), &vars(ctx, o, next));
            push_pause(ctx, o, &mut text);
            // An overdue payment first; then the next one still to come, wherever it is.
            let upcoming = orders
                .iter()
                .flat_map(|x| x.open_installments().map(move |i| (*x, i)))
                .filter(|(_, i)| i.due >= ctx.today)
                .min_by_key(|(x, i)| (i.due, x.id.clone()));
            if next.due < ctx.today
                && let Some((uo, ui)) = upcoming
            {
                text.push(' ');
                text.push_str(&ctx.render("balance-next", &vars(ctx, uo, ui)));
            }
            let others = orders.iter().filter(|x| x.next_open().is_some()).count() - 1;
            if others > 0 {
                text.push(' ');
                text.push_str(&ctx.render("next-payment-others", &[("count", others.to_string())]));
            }
            Step::Done(vec![super::Out::text(text)])
        }
        None => Step::Done(vec![ctx.say("next-payment-nothing", &[])]),
    }
}

/// A paused plan's due dates wait for the return or the case: appends " Payments are paused …".
pub fn push_pause(ctx: &FlowCtx<'_>, o: &Order, text: &mut String) {
    if let Some(note) = super::order_status::pause_note(ctx, o) {
        text.push(' ');
        text.push_str(&note);
    }
}

/// The earliest open installment of `orders`, with its order.
pub fn earliest<'a>(orders: &[&'a Order]) -> Option<(&'a Order, &'a Installment)> {
    orders
        .iter()
        .filter_map(|o| Some((*o, o.next_open()?)))
        .min_by_key(|(o, i)| (i.due, o.id.clone()))
}

fn next_payment_id(ctx: &FlowCtx<'_>, next: &Installment) -> &'static str {
    if next.due < ctx.today {
        "next-payment-overdue"
    } else {
        "next-payment"
    }
}

fn vars(ctx: &FlowCtx<'_>, o: &Order, next: &Installment) -> [(&'static str, String); 3] {
    [
        ("merchant", ctx.merchant(o)),
        ("amount", ctx.money(o, next.amount_due_minor())),
        ("date", ctx.date(next.due)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::*;

    #[test]
    fn a_plan_paused_for_a_problem_says_so_with_its_next_payment() {
        let mut w = World::new(day(2026, 3, 3));
        w.lang = "en";
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        w.exec(
            Operation::OpenDispute {
                order: oid("O-1"),
                reason: "never arrived".to_owned(),
            },
            day(2026, 3, 3),
        );
        let text = done_text(&w.run("O-1", run));
        assert!(
            text.ends_with("Payments are paused while we look into the problem you reported."),
            "{text}"
        );
    }

    #[test]
    fn the_next_open_installments_amount_and_date_are_stated_in_english() {
        let mut w = World::new(day(2026, 3, 3));
        w.lang = "en";
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        assert_eq!(
            done_text(&w.run("O-1", run)),
            "Your next payment for Nordic Shoes is SEK 250.00, due on 16 March 2026."
        );
    }

    #[test]
    fn swedish_amounts_group_thousands_with_a_narrow_no_break_space() {
        let mut w = World::new(day(2026, 3, 3));
        w.buy("O-1", SHOES, 500_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.capture("O-1", 1, day(2026, 3, 2));
        assert_eq!(
            done_text(&w.run("O-1", run)),
            "Din nästa betalning för Nordic Shoes är 1\u{202f}250,00\u{a0}kr och förfaller den 16 mars 2026."
        );
    }

    #[test]
    fn only_active_orders_qualify() {
        let mut w = World::new(day(2026, 3, 2));
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.buy("O-2", SHOES, 10_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::CancelOrder { order: oid("O-2") },
            day(2026, 3, 2),
        );
        w.buy("O-3", SHOES, 10_000, PlanKind::PayIn30, day(2026, 3, 2));
        w.capture("O-3", 1, day(2026, 3, 2));
        assert_eq!(w.order("O-3").status, OrderStatus::PaidOff);
        assert!(eligible(&w.order("O-1")));
        assert!(!eligible(&w.order("O-2")));
        assert!(!eligible(&w.order("O-3")));
    }
}
