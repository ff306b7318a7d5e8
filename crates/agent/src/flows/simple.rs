//! The errands answered by one message or routed straight to people: greetings, thanks, the secure
//! links (card, personal details), out-of-scope questions, and the sensitive topics that always go
//! to a human queue (an unrecognised charge, hardship, a complaint).

use super::{Errand, FlowCtx, Step};
use crate::handoff::HandoffReason;

pub fn run(ctx: &FlowCtx<'_>, errand: Errand) -> Step {
    match errand {
        Errand::Greeting => Step::Done(vec![ctx.say("greeting", &[])]),
        Errand::ThanksGoodbye => Step::Done(vec![ctx.say("thanks-goodbye", &[])]),
        Errand::UpdatePaymentMethod => Step::Done(vec![ctx.say(
            "update-payment-method",
            &[("link", ctx.policy.links.update_card.clone())],
        )]),
        Errand::PersonalDetails => Step::Done(vec![ctx.say(
            "personal-details",
            &[("link", ctx.policy.links.personal_details.clone())],
        )]),
        Errand::ChargeNotRecognised => Step::Handoff {
            reason: HandoffReason::Fraud,
            message: None,
        },
        Errand::Hardship => Step::Handoff {
            reason: HandoffReason::Hardship,
            message: None,
        },
        Errand::Complaint => Step::Handoff {
            reason: HandoffReason::Complaint,
            message: None,
        },
        _ => Step::OfferPerson(vec![ctx.say("out-of-scope", &[])]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::*;

    #[test]
    fn sensitive_topics_go_straight_to_their_human_queue() {
        let w = World::new(day(2026, 3, 2));
        for (errand, want, queue) in [
            (Errand::ChargeNotRecognised, HandoffReason::Fraud, "fraud"),
            (Errand::Hardship, HandoffReason::Hardship, "hardship"),
            (Errand::Complaint, HandoffReason::Complaint, "complaints"),
        ] {
            let step = w.with_ctx(|ctx| run(ctx, errand));
            assert_eq!(
                step,
                Step::Handoff {
                    reason: want,
                    message: None
                },
                "{errand:?}"
            );
            assert_eq!(want.queue(), queue);
            // The engine's dispatch routes them here too.
            assert_eq!(w.with_ctx(|ctx| errand.run(ctx, None)), step);
        }
    }

    #[test]
    fn an_out_of_scope_question_offers_a_person() {
        let w = World::new(day(2026, 3, 2));
        let step = w.with_ctx(|ctx| run(ctx, Errand::OutOfScope));
        let Step::OfferPerson(outs) = step else {
            unreachable!("out of scope must offer a person");
        };
        let texts: Vec<&str> = outs.iter().map(|o| o.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Det kan jag tyvärr inte hjälpa till med – jag finns här för dina köp och betalningar. \
              Vill du att jag kopplar dig till en person?"
            ]
        );
    }

    #[test]
    fn card_and_personal_details_get_the_policys_secure_links() {
        let mut w = World::new(day(2026, 3, 2));
        w.policy.links.update_card = "https://lender.example/kort".to_owned();
        let card = done_text(&w.with_ctx(|ctx| run(ctx, Errand::UpdatePaymentMethod)));
        assert!(card.ends_with("https://lender.example/kort"), "{card}");
        let details = done_text(&w.with_ctx(|ctx| run(ctx, Errand::PersonalDetails)));
        assert!(
            details.ends_with("https://pay.example.com/profile"),
            "{details}"
        );
    }
}
