//! Dates: absolute ("2026-12-01", "1.12.", "1/12", "1 december", "1. Dezember", "December 1st";
//! "4/22" for customers who write the month first), relative ("tomorrow", "next Friday", "om två
//! veckor", "in 3 Tagen", "za tydzień") and a month's end ("end of May", "Ende Mai", "slutet av
//! maj"), resolved against the caller's `today`.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::relative::{Unit, Words, words};
use super::{DateOrder, Token, calendar, phrase_at};
use crate::lang::Lang;

/// Dates found, and the tokens they used (so they are not read as amounts too).
#[derive(Debug, Default)]
pub(super) struct Found {
    pub dates: Vec<NaiveDate>,
    pub used: Vec<usize>,
}

impl Found {
    fn push(&mut self, date: NaiveDate, tokens: std::ops::Range<usize>) {
        if !self.dates.contains(&date) {
            self.dates.push(date);
        }
        self.used.extend(tokens);
    }
}

pub(super) fn extract(tokens: &[Token], lang: Lang, today: NaiveDate, order: DateOrder) -> Found {
    let mut found = Found::default();
    let vocabularies = vocabularies(lang);
    let mut i = 0;
    while i < tokens.len() {
        let hit = absolute(tokens, i, today, order)
            .or_else(|| {
                vocabularies.iter().find_map(|w| {
                    relative(tokens, i, w, today).or_else(|| month_end(tokens, i, w, today))
                })
            })
            .or_else(|| {
                // "to the 24th": after the date before it in the message ("from 17 April to
                // the 24th"), or else after today.
                let after = found.dates.last().copied().unwrap_or(today);
                day_alone(tokens, i, after).map(|d| (d, 1))
            });
        match hit {
            Some((date, len)) => {
                found.push(date, i..i + len);
                i += len;
            }
            None => i += 1,
        }
    }
    found
}

/// The relative-date vocabularies read for `lang`: its own, then English (customers mix it in).
pub(super) fn vocabularies(lang: Lang) -> Vec<&'static Words> {
    if lang == Lang::En {
        vec![words(lang)]
    } else {
        vec![words(lang), words(Lang::En)]
    }
}

/// An absolute date starting at token `i`, with the number of tokens it spans.
fn absolute(
    tokens: &[Token],
    i: usize,
    today: NaiveDate,
    order: DateOrder,
) -> Option<(NaiveDate, usize)> {
    let token = tokens.get(i)?;
    if let Some(date) = numeric(&token.raw, today, order) {
        let money = [i.wrapping_sub(1), i + 1]
            .iter()
            .any(|&j| tokens.get(j).is_some_and(is_currency));
        return (!money).then_some((date, 1));
    }
    // "1 december", "1. Dezember", "1 de diciembre", "1st of December" (+ optional year).
    if let Some(day) = day_number(&token.raw) {
        let skip = usize::from(
            tokens
                .get(i + 1)
                .is_some_and(|t| ["de", "of"].contains(&t.word.as_str())),
        );
        if let Some(month) = tokens
            .get(i + 1 + skip)
            .and_then(|t| calendar::month(&t.word))
        {
            let (year, has_year) = year_at(tokens, i + 2 + skip);
            let date = resolve(day, month, year, today)?;
            return Some((date, 2 + skip + usize::from(has_year)));
        }
    }
    // "December 1st", "december 1 2026".
    let month = calendar::month(&token.word)?;
    let day = day_number(&tokens.get(i + 1)?.raw)?;
    let (year, has_year) = year_at(tokens, i + 2);
    Some((resolve(day, month, year, today)?, 2 + usize::from(has_year)))
}

fn is_currency(token: &Token) -> bool {
    [
        "eur", "euro", "sek", "nok", "dkk", "pln", "zl", "kr", "usd", "gbp",
    ]
    .contains(&token.word.as_str())
        || ["€", "$", "£"].contains(&token.raw.as_str())
}

/// "2026-12-01", "1.12.", "1.12.2026", "1.12", "1/12", "01/12/26"; with slashes and
/// [`DateOrder::MonthDay`], "12/1" and "12/01/26".
fn numeric(raw: &str, today: NaiveDate, order: DateOrder) -> Option<NaiveDate> {
    let raw = raw.trim_end_matches([',', ':']);
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let month_first = order == DateOrder::MonthDay && raw.contains('/');
    let day_month = |a: &str, b: &str| -> Option<(u32, u32)> {
        let (a, b) = (number(a)?, number(b)?);
        Some(if month_first { (b, a) } else { (a, b) })
    };
    let parts: Vec<&str> = raw.split(['-', '.', '/']).collect();
    match parts.as_slice() {
        [y, m, d] if raw.contains('-') && y.len() == 4 => {
            NaiveDate::from_ymd_opt(i32::try_from(number(y)?).ok()?, number(m)?, number(d)?)
        }
        [a, b] | [a, b, ""] if !raw.contains('-') && a.len() <= 2 && b.len() <= 2 => {
            let (d, m) = day_month(a, b)?;
            resolve(d, m, None, today)
        }
        [a, b, y] if !raw.contains('-') && a.len() <= 2 && b.len() <= 2 => {
            let (d, m) = day_month(a, b)?;
            let y = number(y)?;
            let year = if y < 100 { 2000 + y } else { y };
            resolve(d, m, Some(i32::try_from(year).ok()?), today)
        }
        _ => None,
    }
}

/// Words right before a day of the month named alone ("al 24", "zum 24.", "au 24", "dnia 24")
/// and pairs of them ("to the 24th", "till den 24:e", "auf den 24.", "naar de 24e"), folded.
const DAY_ALONE_BEFORE: &[&str] = &["zum", "am", "au", "le", "el", "al", "il", "dnia"];
const DAY_ALONE_TO: &[&str] = &[
    "to", "on", "till", "til", "until", "auf", "bis", "naar", "op", "tot",
];
const DAY_ALONE_THE: &[&str] = &["the", "den", "de"];
/// Words for "day" after an ordinal that make it a day of the month (Finnish "28. päivälle").
const DAY_WORDS_AFTER: &[&str] = &["paivalle", "paivaksi", "paivana", "paiva", "paivaan"];

/// A day of the month named alone ("the 24th", "den 24.", "al 24") at token `i`: its next
/// occurrence after `after`. A number with a currency next to it is an amount; "the 2 orders"
/// and "move the 3rd installment" name no day (no "to" before "the").
fn day_alone(tokens: &[Token], i: usize, after: NaiveDate) -> Option<NaiveDate> {
    let word = |j: Option<usize>| j.and_then(|j| tokens.get(j)).map(|t| t.word.as_str());
    let before = word(i.checked_sub(1));
    let two_before = word(i.checked_sub(2));
    let raw = tokens.get(i)?.raw.trim_end_matches([',', '?', '!']);
    let introduced = before.is_some_and(|b| DAY_ALONE_BEFORE.contains(&b))
        || (before.is_some_and(|b| DAY_ALONE_THE.contains(&b))
            && two_before.is_some_and(|b| DAY_ALONE_TO.contains(&b)))
        // Polish "na 24." (the dot makes it an ordinal; "na 3 raty" is a plan).
        || (before == Some("na") && raw.ends_with('.'))
        // Finnish "28. päivälle" (to the 28th day).
        || (raw.ends_with('.') && word(Some(i + 1)).is_some_and(|w| DAY_WORDS_AFTER.contains(&w)));
    if !introduced {
        return None;
    }
    let day = day_number(raw)?;
    if tokens.get(i + 1).is_some_and(is_currency) {
        return None;
    }
    let mut month = after.with_day(1)?;
    for _ in 0..3 {
        if let Some(d) = month.with_day(day).filter(|d| *d > after) {
            return Some(d);
        }
        month = month.checked_add_months(Months::new(1))?;
    }
    None
}

/// "1", "1.", "1st", "2nd", "1er", "1°", "1:a", "1e" → 1..=31.
fn day_number(raw: &str) -> Option<u32> {
    let digits: String = raw.chars().take_while(char::is_ascii_digit).collect();
    let rest = raw.get(digits.len()..)?.to_lowercase();
    let suffixes = [
        "", ".", "st", "nd", "rd", "th", "er", "e", "°", "º", ":a", ":e", ".",
    ];
    let day: u32 = digits.parse().ok()?;
    ((1..=31).contains(&day) && digits.len() <= 2 && suffixes.contains(&rest.as_str()))
        .then_some(day)
}

fn year_at(tokens: &[Token], i: usize) -> (Option<i32>, bool) {
    let year = tokens
        .get(i)
        .map(|t| t.raw.trim_end_matches(['.', ',']))
        .filter(|r| r.len() == 4 && r.chars().all(|c| c.is_ascii_digit()))
        .and_then(|r| r.parse().ok());
    (year, year.is_some())
}

/// A day and month, in the given year or else in the year that puts it closest to `today`.
fn resolve(day: u32, month: u32, year: Option<i32>, today: NaiveDate) -> Option<NaiveDate> {
    nearest(year, today, |y| NaiveDate::from_ymd_opt(y, month, day))
}

/// `date_in(year)`, or without a year the candidate of the year closest to `today`.
fn nearest(
    year: Option<i32>,
    today: NaiveDate,
    date_in: impl Fn(i32) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    if let Some(year) = year {
        return date_in(year);
    }
    let y = today.year();
    [y, y - 1, y + 1]
        .into_iter()
        .filter_map(date_in)
        .min_by_key(|d| (*d - today).num_days().abs())
}

/// "end of May", "Ende Mai 2026", "toukokuun lopussa" at token `i`: the month's last day.
fn month_end(
    tokens: &[Token],
    i: usize,
    w: &Words,
    today: NaiveDate,
) -> Option<(NaiveDate, usize)> {
    let before = w
        .month_end_before
        .iter()
        .find(|p| phrase_at(tokens, i, p))
        .map(|p| p.split(' ').count());
    let (month, len) = match before {
        Some(n) => (calendar::month(&tokens.get(i + n)?.word)?, n + 1),
        None => {
            let month = calendar::month(&tokens.get(i)?.word)?;
            let end = w
                .month_end_after
                .contains(&tokens.get(i + 1)?.word.as_str());
            end.then_some((month, 2))?
        }
    };
    let (year, has_year) = year_at(tokens, i + len);
    let last_day = |y: i32| {
        NaiveDate::from_ymd_opt(y, month, 1)?
            .checked_add_months(Months::new(1))?
            .pred_opt()
    };
    Some((nearest(year, today, last_day)?, len + usize::from(has_year)))
}

/// A relative date starting at token `i` in vocabulary `w`.
fn relative(tokens: &[Token], i: usize, w: &Words, today: NaiveDate) -> Option<(NaiveDate, usize)> {
    let previous = i
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .map(|t| t.word.as_str());
    for (phrase, count, unit) in w.fixed {
        if phrase_at(tokens, i, phrase) && !previous.is_some_and(|p| w.not_after.contains(&p)) {
            return Some((shift(today, *count, *unit)?, phrase.split(' ').count()));
        }
    }
    if let Some(weekday) = calendar::weekday(&tokens.get(i)?.word) {
        let ahead =
            (i64::from(weekday) - i64::from(today.weekday().num_days_from_monday())).rem_euclid(7);
        let ahead = if ahead == 0 { 7 } else { ahead };
        return Some((shift(today, ahead, Unit::Day)?, 1));
    }
    for before in w.before {
        if phrase_at(tokens, i, before) {
            let at = i + before.split(' ').count();
            if let Some((count, unit, len)) = count_and_unit(tokens, at, w) {
                return Some((shift(today, count, unit)?, at - i + len));
            }
        }
    }
    let (count, unit, len) = count_and_unit(tokens, i, w)?;
    let after = tokens.get(i + len)?;
    w.after.contains(&after.word.as_str()).then_some(())?;
    Some((shift(today, count, unit)?, len + 1))
}

/// "3 days", "två veckor", "tydzień" (a bare unit counts one) at token `i`.
pub(super) fn count_and_unit(tokens: &[Token], i: usize, w: &Words) -> Option<(i64, Unit, usize)> {
    let unit_of = |t: &Token| {
        w.units
            .iter()
            .find(|(u, _)| *u == t.word)
            .map(|(_, unit)| *unit)
    };
    let first = tokens.get(i)?;
    if let Some(unit) = unit_of(first) {
        return Some((1, unit, 1));
    }
    let count = first
        .raw
        .parse::<i64>()
        .ok()
        .filter(|n| (0..=400).contains(n))
        .or_else(|| {
            w.numbers
                .iter()
                .find(|(n, _)| *n == first.word)
                .map(|(_, n)| *n)
        })?;
    Some((count, unit_of(tokens.get(i + 1)?)?, 2))
}

/// `today` moved by `count` units (back for a negative count); a month from 31 January is the
/// last day of February.
pub(super) fn shift(today: NaiveDate, count: i64, unit: Unit) -> Option<NaiveDate> {
    let magnitude = count.unsigned_abs();
    match unit {
        Unit::Day | Unit::Week => {
            let days = Days::new(if unit == Unit::Week {
                magnitude * 7
            } else {
                magnitude
            });
            if count < 0 {
                today.checked_sub_days(days)
            } else {
                today.checked_add_days(days)
            }
        }
        Unit::Month => {
            let months = Months::new(u32::try_from(magnitude).ok()?);
            if count < 0 {
                today.checked_sub_months(months)
            } else {
                today.checked_add_months(months)
            }
        }
    }
}
