//! `how_it_works`: answers from the help-center articles in the customer's language.

use super::{FlowCtx, Out, Step};

pub fn run(ctx: &FlowCtx<'_>) -> Step {
    match ctx.help.answer(ctx.lang, ctx.text, &ctx.policy.ledger) {
        Some(article) => Step::Done(vec![Out::text(article)]),
        None => Step::OfferPerson(vec![ctx.say("how-it-works-none", &[])]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::*;

    #[test]
    fn a_question_is_answered_from_the_article_with_the_policys_numbers() {
        let mut w = World::new(day(2026, 3, 2));
        w.lang = "en";
        w.text = "How do late fees work?".to_owned();
        let text = done_text(&w.with_ctx(run));
        assert!(text.starts_with("Late fees\n\n"), "{text}");
        assert!(text.contains("**5 days after its due date**"), "{text}");
        w.policy.ledger.grace_days = 7;
        let text = done_text(&w.with_ctx(run));
        assert!(text.contains("**7 days after its due date**"), "{text}");
    }

    #[test]
    fn a_question_without_an_article_offers_a_person() {
        let mut w = World::new(day(2026, 3, 2));
        w.text = "xyzzy plugh".to_owned();
        let Step::OfferPerson(outs) = w.with_ctx(run) else {
            unreachable!("no article: a person must be offered");
        };
        let texts: Vec<&str> = outs.iter().map(|o| o.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Jag har ingen artikel om det. Vill du att jag kopplar dig till en person?"]
        );
    }
}
