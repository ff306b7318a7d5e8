//! `late_fee`: explain a late fee with its dates; offer the one-time waiver where policy allows (for
//! a fee already paid with its installment, the waiver pays it back).

use fairdesk_ledger::{Closure, Order};

use super::{FlowCtx, Out, Step};
use crate::actions::Action;

/// Orders that carry a late fee, owed or not: "why was I charged a late fee?" deserves an answer
/// about a fee already paid (with a paid-off order) or waived too.
pub fn eligible(o: &Order) -> bool {
    o.installments.iter().any(|i| i.fee_minor > 0)
}

pub fn run(ctx: &FlowCtx<'_>, o: &Order) -> Step {
    let owed = o.open_installments().find(|i| i.fee_owed_minor() > 0);
    let Some(inst) = owed.or_else(|| o.installments.iter().rev().find(|i| i.fee_minor > 0)) else {
        return Step::Done(vec![ctx.say("late-fee-none", &[])]);
    };
    let fee = ctx.money(o, inst.fee_minor);
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
    let waiver_left =
        ctx.customer.late_fee_waivers_used < ctx.policy.ledger.late_fee_waivers_per_customer_max;
    // A fee paid with its installment can still be waived: the waiver pays it back.
    let paid = matches!(inst.closed, Some((_, Closure::Paid(_) | Closure::PaidOff)));
    if owed.is_none() && !(paid && !inst.fee_waived && waiver_left) {
        let state = if inst.fee_waived {
            "late-fee-was-waived"
        } else {
            "late-fee-was-paid"
        };
        return Step::Done(vec![Out::text(explain), ctx.say(state, &[])]);
    }
    if !waiver_left {
        let no = ctx.render("late-fee-no-waiver", &[]);
        return Step::OfferPerson(vec![Out::text(explain), Out::text(no)]);
    }
    let offer = if owed.is_some() {
        ctx.render("late-fee-waive-confirm", &[("fee", fee)])
    } else {
        ctx.render("late-fee-refund-confirm", &[("fee", fee)])
    };
    Step::Confirm {
        action: Action::WaiveLateFee {
            order: o.id.clone(),
            installment: inst.seq,
            fee_minor: inst.fee_owed_minor(),
        },
        message: Out::text(format!("{explain} {offer}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::*;

    fn late(w: &mut World, id: &str) {
        // Installment 1 is due on 2 March; after 5 grace days a 35,00 kr fee is assessed.
        w.buy(id, SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        w.exec(
            Operation::AssessLateFee {
                order: oid(id),
                installment: 1,
            },
            day(2026, 3, 8),
        );
    }

    #[test]
    fn a_customer_with_a_waiver_left_is_offered_the_exact_fee_waiver() {
        let mut w = World::new(day(2026, 3, 9));
        late(&mut w, "O-1");
        let Step::Confirm { action, message } = w.run("O-1", run) else {
            unreachable!("late_fee must offer the waiver");
        };
        assert_eq!(
            action,
            Action::WaiveLateFee {
                order: oid("O-1"),
                installment: 1,
                fee_minor: 3_500
            }
        );
        assert_eq!(
            message.text,
            "En förseningsavgift på 35,00\u{a0}kr har lagts till på din betalning för Nordic Shoes \
             som förföll den 2 mars 2026, eftersom den fortfarande var obetald 5 dagar efter förfallodagen. \
             Som en engångsgest kan jag ta bort avgiften på 35,00\u{a0}kr. Ska jag göra det?"
        );
        assert!(w.try_exec(
            Operation::WaiveLateFee {
                order: oid("O-1"),
                installment: 1
            },
            w.today,
        ));
    }

    #[test]
    fn a_fee_paid_with_its_installment_is_offered_back_while_a_waiver_is_left() {
        let mut w = World::new(day(2026, 3, 10));
        late(&mut w, "O-1");
        w.capture("O-1", 1, day(2026, 3, 9));
        let Step::Confirm { action, message } = w.run("O-1", run) else {
            unreachable!("a paid fee can still be waived");
        };
        assert_eq!(
            action,
            Action::WaiveLateFee {
                order: oid("O-1"),
                installment: 1,
                fee_minor: 3_500
            }
        );
        assert!(
            message.text.contains("betala tillbaka 35,00\u{a0}kr"),
            "{}",
            message.text
        );
        assert!(w.try_exec(
            Operation::WaiveLateFee {
                order: oid("O-1"),
                installment: 1
            },
            w.today,
        ));
        assert_eq!(w.order("O-1").fees_paid_back_minor, 3_500);
    }

    #[test]
    fn without_waivers_left_the_fee_is_explained_and_a_person_offered() {
        let mut w = World::new(day(2026, 3, 9));
        late(&mut w, "O-1");
        late(&mut w, "O-2");
        w.exec(
            Operation::WaiveLateFee {
                order: oid("O-1"),
                installment: 1,
            },
            w.today,
        );
        assert_eq!(w.customer().late_fee_waivers_used, 1);
        let Step::OfferPerson(outs) = w.run("O-2", run) else {
            unreachable!("no waiver left: a person must be offered");
        };
        let texts: Vec<&str> = outs.iter().map(|o| o.text.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts.concat().contains("35,00\u{a0}kr"), "{texts:?}");
        assert!(
            texts
                .concat()
                .contains("engångsundantaget redan har använts"),
            "{texts:?}"
        );
    }

    #[test]
    fn orders_with_a_fee_qualify_and_a_waived_fee_is_explained_as_waived() {
        let mut w = World::new(day(2026, 3, 9));
        late(&mut w, "O-1");
        w.buy("O-2", SHOES, 100_000, PlanKind::PayIn4, day(2026, 3, 2));
        assert!(eligible(&w.order("O-1")));
        assert!(!eligible(&w.order("O-2")));
        w.exec(
            Operation::WaiveLateFee {
                order: oid("O-1"),
                installment: 1,
            },
            w.today,
        );
        assert!(eligible(&w.order("O-1")));
        let Step::Done(outs) = w.run("O-1", run) else {
            unreachable!("a waived fee is explained, not offered again");
        };
        assert!(
            outs.iter()
                .any(|o| o.text.contains("efterskänkt") || o.text.contains("tagits bort")),
            "{outs:?}"
        );
    }
}
