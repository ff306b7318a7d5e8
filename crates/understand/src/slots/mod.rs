//! Slot extraction: the concrete things a message names — order references, amounts, dates,
//! which installment, which merchant — so that a flow can act without asking again.
//!
//! Rule-based on purpose: slots must be exact (an amount is money), explainable, and the same
//! for every language the intents cover. There is no clock inside: relative dates are resolved
//! against the `today` the caller passes in.

mod amount;
mod calendar;
mod date;
mod installment;
mod merchant;
mod order;
#[rustfmt::skip]
mod relative;
mod span;

use chrono::NaiveDate;

use crate::lang::Lang;
use crate::text::{MAX_CHARS, fold_diacritics};

pub use amount::Amount;
pub use installment::Installment;
pub use merchant::MerchantMatch;
pub use relative::Unit;
pub use span::Span;

/// What the caller knows that the text does not: its merchants, the current date and how the
/// customer writes dates.
#[derive(Debug, Clone, Copy)]
pub struct SlotContext<'a> {
    /// Merchant names to recognise (fuzzily) in messages.
    pub merchants: &'a [String],
    /// The date relative expressions ("tomorrow", "om två veckor") are counted from.
    pub today: NaiveDate,
    /// How the customer writes numeric dates with slashes ("4/5").
    pub date_order: DateOrder,
}

/// Which number comes first in a numeric date written with slashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// "22/4" is 22 April: everywhere the lender operates except the United States.
    #[default]
    DayMonth,
    /// "4/22" is April 22: the United States.
    MonthDay,
}

impl DateOrder {
    /// The order customers in `country` (ISO 3166-1 alpha-2) write dates in.
    pub fn of_country(country: &str) -> DateOrder {
        if country.eq_ignore_ascii_case("US") {
            DateOrder::MonthDay
        } else {
            DateOrder::DayMonth
        }
    }
}

/// Everything found in one message, each list in text order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Slots {
    /// Order references as written, without a leading `#`.
    pub order_refs: Vec<String>,
    /// Money amounts.
    pub amounts: Vec<Amount>,
    /// Dates, absolute or resolved from relative expressions.
    pub dates: Vec<NaiveDate>,
    /// How far the customer wants something pushed back, when they say it as a span of time
    /// ("by 2 months", "um zwei Wochen", "sex veckor framåt") rather than as a date.
    pub postpone_by: Option<Span>,
    /// Which installment the message is about.
    pub installment: Option<Installment>,
    /// Merchants from the caller's list, best match first.
    pub merchants: Vec<MerchantMatch>,
}

/// Extracts all slots from `text`, written in `lang` (English phrases are understood too, as
/// customers mix them in).
pub fn extract_slots(text: &str, lang: Lang, ctx: &SlotContext<'_>) -> Slots {
    let tokens = tokenize(text);
    let dates = date::extract(&tokens, lang, ctx.today, ctx.date_order);
    let span = span::extract(&tokens, lang, &dates.used);
    let order_refs = order::extract(&tokens);
    let taken: Vec<bool> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            dates.used.contains(&i)
                || span.as_ref().is_some_and(|(_, used)| used.contains(&i))
                || order_refs.iter().any(|r| r.0 == i)
                || t.raw.is_empty()
        })
        .collect();
    Slots {
        order_refs: order_refs.into_iter().map(|(_, r)| r).collect(),
        amounts: amount::extract(&tokens, &taken, lang),
        dates: dates.dates,
        postpone_by: span.map(|(s, _)| s),
        installment: installment::extract(&tokens),
        merchants: merchant::extract(&tokens, ctx.merchants),
    }
}

/// `text` without the words that make up its dates, and those dates: "ja tack, till 31 mars" is
/// "ja tack till" and 31 March (for reading a yes that repeats the date proposed).
pub fn without_dates(text: &str, lang: Lang, ctx: &SlotContext<'_>) -> (String, Vec<NaiveDate>) {
    let tokens = tokenize(text);
    let dates = date::extract(&tokens, lang, ctx.today, ctx.date_order);
    let rest: Vec<&str> = tokens
        .iter()
        .enumerate()
        .filter(|(i, _)| !dates.used.contains(i))
        .map(|(_, t)| t.raw.as_str())
        .collect();
    (rest.join(" "), dates.dates)
}

/// One whitespace-separated piece of the message.
#[derive(Debug, Clone, PartialEq)]
struct Token {
    /// As written, minus surrounding quotes, brackets and sentence punctuation (`.` and `:`
    /// are kept: they matter in dates and amounts).
    raw: String,
    /// Lower-cased, diacritics folded, letters and digits only: what lexicons match.
    word: String,
}

fn tokenize(text: &str) -> Vec<Token> {
    let text: String = text.chars().take(MAX_CHARS).collect();
    text.split_whitespace()
        .map(|piece| {
            let raw = piece
                .trim_matches(|c: char| "\"'()[]{}!?;«»“”„¡¿".contains(c))
                .trim_end_matches(',')
                .to_owned();
            let word = fold_diacritics(&raw.to_lowercase())
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            Token { raw, word }
        })
        .collect()
}

/// Whether the words of `tokens` starting at `at` spell `phrase` (space-separated words).
fn phrase_at(tokens: &[Token], at: usize, phrase: &str) -> bool {
    phrase
        .split(' ')
        .enumerate()
        .all(|(k, w)| tokens.get(at + k).is_some_and(|t| t.word == w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_us_customers_write_the_month_first() {
        assert_eq!(DateOrder::of_country("US"), DateOrder::MonthDay);
        for country in ["GB", "SE", "DE", "PL", ""] {
            assert_eq!(
                DateOrder::of_country(country),
                DateOrder::DayMonth,
                "{country}"
            );
        }
    }

    #[test]
    fn tokens_keep_dots_and_drop_quotes() {
        let t = tokenize("\"1.12.\" (order #A7-889)!");
        assert_eq!(t[0].raw, "1.12.");
        assert_eq!(t[2].raw, "#A7-889");
        assert_eq!(t[2].word, "a7889");
    }
}
