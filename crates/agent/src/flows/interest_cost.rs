//! `interest_cost`: APR, nominal rate and total cost of credit of a plan, computed by the ledger.

use fairdesk_ledger::{Order, PlanKind};

use super::{FlowCtx, Out, Step};
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
    let mut text = ctx.render(
        "interest-cost",
        &[
            ("merchant", ctx.merchant(o)),
            ("plan", plan),
            ("apr", percent_bp(cost.apr_bp, ctx.lang)),
            ("nominal", percent_bp(cost.apr_nominal_bp, ctx.lang)),
            ("cost", ctx.money(o, cost.total_cost_minor)),
            ("total", ctx.money(o, cost.total_payable_minor)),
        ],
    );
    // What it means month to month: the installment and when the first one is (or was) due.
    if let Some(first) = o.installments.first() {
        text.push(' ');
        text.push_str(&ctx.render(
            "interest-schedule",
            &[
                ("count", o.installments.len().to_string()),
                (
                    "amount",
                    ctx.money(o, first.principal_minor + first.interest_minor),
                ),
                ("first", ctx.date(first.due)),
            ],
        ));
    }
    Step::Done(vec![Out::text(text)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::*;

    #[test]
    fn an_interest_free_plan_shows_zero_rates_and_cost_in_english() {
        let mut w = World::new(day(2026, 3, 2));
        w.lang = "en";
        w.buy("O-1", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        assert_eq!(
            done_text(&w.run("O-1", run)),
            "Nordic Shoes: pay in 4, APR 0.00% (nominal 0.00%), total cost of credit SEK 0.00, \
             total to pay SEK 1,000.00. That's 4 payment(s) of SEK 250.00, the first due on 2 March 2026."
        );
    }

    #[test]
    fn financing_shows_the_ledgers_rates_and_cost_in_swedish() {
        let mut w = World::new(day(2026, 3, 2));
        let plan = PlanKind::Financing {
            term: Term::M12,
            apr_nominal_bp: 1_995,
        };
        w.buy("O-1", SHOES, 1_200_000, plan, day(2026, 3, 2));
        let cost = w.order("O-1").credit_cost();
        assert!(cost.total_cost_minor > 0);
        assert_eq!(cost.total_payable_minor, 1_200_000 + cost.total_cost_minor);
        let money = |m| crate::locale::money(Money::new(m, Currency::SEK), "sv");
        let text = done_text(&w.run("O-1", run));
        assert!(
            text.starts_with("Nordic Shoes: delbetalning över 12 månader, "),
            "{text}"
        );
        assert!(text.contains("(nominell ränta 19,95\u{a0}%)"), "{text}");
        assert!(
            text.contains(&format!(
                "total kreditkostnad {}, totalt att betala {}.",
                money(cost.total_cost_minor),
                money(cost.total_payable_minor)
            )),
            "{text}"
        );
        assert_eq!(
            text,
            "Nordic Shoes: delbetalning över 12 månader, effektiv ränta 21,88\u{a0}% \
             (nominell ränta 19,95\u{a0}%), total kreditkostnad 1\u{202f}335,90\u{a0}kr, \
             totalt att betala 13\u{202f}335,90\u{a0}kr. Det blir 1\u{202f}111,33\u{a0}kr per betalning \
             (antal betalningar: 12), och den första förfaller den 2 april 2026."
        );
    }
}
