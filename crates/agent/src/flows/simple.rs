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
