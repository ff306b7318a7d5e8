//! Spans to move something by: "by 2 months", "for 6 weeks", "um zwei Wochen", "med en vecka",
//! "o miesiąc", "di due settimane", "kahdella viikolla", or a bare "two months" / "sex veckor
//! framåt" in a request to move.
//!
//! A span is not a date: "move my payment by two weeks" counts from the due date, which only the
//! flow knows, so it is a slot of its own. "Two weeks ago", "every two weeks" and "my 12 months
//! plan" are not spans.

use std::ops::Range;

use chrono::NaiveDate;

use super::Token;
use super::date::{count_and_unit, shift, vocabularies};
use super::relative::{Unit, Words};
use crate::lang::Lang;

/// A length of time: `count` days, weeks or months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// How many units (at least one).
    pub count: u32,
    /// Days, weeks or months.
    pub unit: Unit,
}

impl Span {
    /// The date this span after `from` (a month after 31 January is the last day of February).
    pub fn after(self, from: NaiveDate) -> Option<NaiveDate> {
        shift(from, i64::from(self.count), self.unit)
    }
}

/// The first span in `tokens` that uses none of the tokens in `used` (those read as dates), with
/// the tokens it spans.
pub(super) fn extract(
    tokens: &[Token],
    lang: Lang,
    used: &[usize],
) -> Option<(Span, Range<usize>)> {
    let vocabularies = vocabularies(lang);
    (0..tokens.len())
        .filter_map(|i| vocabularies.iter().find_map(|w| span_at(tokens, i, w)))
        .find(|(_, range)| !range.clone().any(|j| used.contains(&j)))
}

/// A span starting at token `i`: a span word and "N units" or a unit ("by a week", "o miesiąc"),
/// or a bare "N units" that no word before or after turns into something else.
fn span_at(tokens: &[Token], i: usize, w: &Words) -> Option<(Span, Range<usize>)> {
    let word = |j: usize| tokens.get(j).map(|t| t.word.as_str());
    let introduced = word(i).is_some_and(|t| w.span_before.contains(&t));
    let at = i + usize::from(introduced);
    let (count, unit, len) = count_and_unit(tokens, at, w)?;
    let bare_unit = len < 2;
    let past_or_every = i
        .checked_sub(1)
        .and_then(word)
        .is_some_and(|p| w.span_not_before.contains(&p));
    // A bare unit is a span when something marks it as one: "a week forward", or a case ending
    // that means "by" (Finnish "viikolla").
    let marked = bare_unit
        && (word(at + len).is_some_and(|n| w.span_after.contains(&n))
            || word(at).is_some_and(|u| w.span_alone.contains(&u)));
    if !introduced && ((bare_unit && !marked) || past_or_every) {
        return None;
    }
    if word(at + len).is_some_and(|n| w.span_not_after.contains(&n)) {
        return None;
    }
    let count = u32::try_from(count).ok().filter(|c| *c >= 1)?;
    Some((Span { count, unit }, i..at + len))
}
