//! `how_it_works`: answers from the help-center articles in the customer's language.

use super::{FlowCtx, Out, Step};

pub fn run(ctx: &FlowCtx<'_>) -> Step {
    match ctx.help.answer(ctx.lang, ctx.text, &ctx.policy.ledger) {
        Some(article) => Step::Done(vec![Out::text(article)]),
        None => Step::OfferPerson(vec![ctx.say("how-it-works-none", &[])]),
    }
}
