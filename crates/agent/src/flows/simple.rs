//! The errands answered by one message or routed straight to people: greetings, thanks, the secure
//! links (card, personal details), out-of-scope questions, and the sensitive topics that always go
//! to a human queue (an unrecognised charge, hardship, a complaint).

use fairdesk_store::{Contact, QuickReply};

use super::{Errand, FlowCtx, Out, Step};
use crate::handoff::HandoffReason;

/// The contact details on file, masked (the e-mail's first letter and domain, the phone number's
/// last three digits), and the secure link to change them: full details never go into the chat.
pub fn personal_details(ctx: &FlowCtx<'_>, contact: &Contact) -> Step {
    let mut outs = Vec::new();
    let mut on_file = Vec::new();
    if let Some(email) = contact.email.as_deref().and_then(mask_email) {
        on_file.push(ctx.render("contact-email", &[("email", email)]));
    }
    if let Some(phone) = contact.phone.as_deref().and_then(mask_phone) {
        on_file.push(ctx.render("contact-phone", &[("phone", phone)]));
    }
    if on_file.is_empty() {
        on_file.push(ctx.render("contact-none", &[]));
    }
    outs.push(Out::text(on_file.join(" ")));
    outs.push(ctx.say(
        "personal-details",
        &[("link", ctx.policy.links.personal_details.clone())],
    ));
    Step::Done(outs)
}

/// `astrid.lund@example.com` → `a***@example.com`.
pub fn mask_email(email: &str) -> Option<String> {
    let (local, domain) = email.trim().split_once('@')?;
    let first = local.chars().next()?;
    (!domain.is_empty()).then(|| format!("{first}***@{domain}"))
}

/// `+46 70 123 45 67` → `•••567`.
pub fn mask_phone(phone: &str) -> Option<String> {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    let last: String = digits.get(digits.len().checked_sub(3)?..)?.iter().collect();
    Some(format!("•••{last}"))
}

/// What the assistant can't help with and what it can (a person among the choices), with buttons
/// for common errands.
pub fn out_of_scope(ctx: &FlowCtx<'_>) -> Out {
    let button = |label: &str, payload: &str| QuickReply {
        label: ctx.render(label, &[]),
        payload: payload.to_owned(),
    };
    Out {
        text: ctx.render("out-of-scope", &[]),
        quick_replies: vec![
            button("quick-next-payment", "intent:next_payment"),
            button("quick-order-status", "intent:order_status"),
            button("quick-person", "intent:human_agent"),
        ],
    }
}

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
        _ => Step::OfferPerson(vec![out_of_scope(ctx)]),
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
        let buttons: Vec<&str> = outs
            .iter()
            .flat_map(|o| o.quick_replies.iter().map(|q| q.payload.as_str()))
            .collect();
        assert_eq!(
            buttons,
            [
                "intent:next_payment",
                "intent:order_status",
                "intent:human_agent"
            ]
        );
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
