//! Slot extraction across languages: order references, amounts, absolute and relative dates,
//! installment ordinals and fuzzy merchant names, plus hostile input.

use chrono::{Datelike, NaiveDate};
use fairdesk_understand::{Amount, Installment, Lang, SlotContext, Slots, extract_slots};

fn today() -> NaiveDate {
    // A Wednesday.
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(if m >= 11 { 2026 } else { 2027 }, m, d).unwrap()
}

fn slots(text: &str, lang: Lang) -> Slots {
    let merchants: Vec<String> = ["Zalando", "H&M", "Elgiganten", "IKEA", "MediaMarkt"]
        .map(String::from)
        .to_vec();
    extract_slots(
        text,
        lang,
        &SlotContext {
            merchants: &merchants,
            today: today(),
        },
    )
}

fn dates(text: &str, lang: Lang) -> Vec<NaiveDate> {
    slots(text, lang).dates
}

fn amount(minor: i64, currency: Option<&'static str>) -> Amount {
    Amount {
        amount_minor: minor,
        currency,
    }
}

#[test]
fn absolute_dates_in_many_notations() {
    let first_december = vec![date(12, 1)];
    assert_eq!(
        dates("move it to 2026-12-01 please", Lang::En),
        first_december
    );
    assert_eq!(dates("kan jag betala den 1.12.", Lang::Sv), first_december);
    assert_eq!(dates("bis 1.12.2026 bitte", Lang::De), first_december);
    assert_eq!(dates("until 1/12", Lang::En), first_december);
    assert_eq!(dates("den 1 december", Lang::Sv), first_december);
    assert_eq!(dates("am 1. Dezember", Lang::De), first_december);
    assert_eq!(dates("on December 1st", Lang::En), first_december);
    assert_eq!(dates("el 1 de diciembre", Lang::Es), first_december);
    assert_eq!(dates("le 1er décembre", Lang::Fr), first_december);
    assert_eq!(dates("do 1 grudnia", Lang::Pl), first_december);
    assert_eq!(dates("1. joulukuuta", Lang::Fi), first_december);
    assert_eq!(dates("il 1 dicembre", Lang::It), first_december);
}

#[test]
fn a_date_without_a_year_is_the_nearest_one() {
    assert_eq!(dates("15 januari", Lang::Sv), [date(1, 15)]);
    assert_eq!(dates("I paid on 20 November", Lang::En), [date(11, 20)]);
}

#[test]
fn relative_dates_in_every_language() {
    let cases: &[(&str, Lang, NaiveDate)] = &[
        ("can I pay tomorrow", Lang::En, date(11, 26)),
        ("move it to next Friday", Lang::En, date(11, 27)),
        ("in 3 days", Lang::En, date(11, 28)),
        (
            "kan jag skjuta upp det om två veckor",
            Lang::Sv,
            date(12, 9),
        ),
        ("betala i övermorgon", Lang::Sv, date(11, 27)),
        ("kan jeg betale i morgen", Lang::Nb, date(11, 26)),
        ("om en uge", Lang::Da, date(12, 2)),
        ("kahden viikon päästä", Lang::Fi, date(12, 9)),
        ("ensi perjantaina", Lang::Fi, date(11, 27)),
        ("in 3 Tagen", Lang::De, date(11, 28)),
        ("übermorgen", Lang::De, date(11, 27)),
        ("over twee weken", Lang::Nl, date(12, 9)),
        ("za tydzień", Lang::Pl, date(12, 2)),
        ("w piątek", Lang::Pl, date(11, 27)),
        ("dans 3 jours", Lang::Fr, date(11, 28)),
        ("vendredi prochain", Lang::Fr, date(11, 27)),
        ("la semana que viene", Lang::Es, date(12, 2)),
        ("mañana", Lang::Es, date(11, 26)),
        ("tra una settimana", Lang::It, date(12, 2)),
        ("dopodomani", Lang::It, date(11, 27)),
    ];
    for (text, lang, expected) in cases {
        assert_eq!(dates(text, *lang), [*expected], "{text}");
    }
}

#[test]
fn greetings_are_not_dates() {
    assert!(dates("Guten Morgen!", Lang::De).is_empty());
    assert!(dates("buenos días, por la mañana", Lang::Es).is_empty());
}

#[test]
fn order_references_with_amounts_and_dates_around_them() {
    let s = slots("Bestellung 12345 über 49,90 € kam am 1.12. nicht", Lang::De);
    assert_eq!(s.order_refs, ["12345"]);
    assert_eq!(s.amounts, [amount(4_990, Some("EUR"))]);
    assert_eq!(s.dates, [date(12, 1)]);
    let s = slots("my order #A7-889 cost 1 200 SEK", Lang::En);
    assert_eq!(s.order_refs, ["A7-889"]);
    assert_eq!(s.amounts, [amount(120_000, Some("SEK"))]);
}

#[test]
fn amounts_with_and_without_currency() {
    assert_eq!(
        slots("jag vill betala 200 kr", Lang::Sv).amounts,
        [amount(20_000, Some("SEK"))]
    );
    assert_eq!(
        slots("€49,90", Lang::Fr).amounts,
        [amount(4_990, Some("EUR"))]
    );
    assert_eq!(
        slots("it was 49.90", Lang::En).amounts,
        [amount(4_990, None)]
    );
    assert_eq!(
        slots("betalte 350 kr", Lang::Da).amounts,
        [amount(35_000, Some("DKK"))]
    );
    assert_eq!(
        slots("zapłaciłem 120 zł", Lang::Pl).amounts,
        [amount(12_000, Some("PLN"))]
    );
    assert!(slots("I have 3 orders", Lang::En).amounts.is_empty());
}

#[test]
fn installment_ordinals() {
    assert_eq!(
        slots("move the second payment", Lang::En).installment,
        Some(Installment::Number(2))
    );
    assert_eq!(
        slots("sista delbetalningen", Lang::Sv).installment,
        Some(Installment::Last)
    );
    assert_eq!(
        slots("die letzte Rate", Lang::De).installment,
        Some(Installment::Last)
    );
    assert_eq!(
        slots("la última cuota", Lang::Es).installment,
        Some(Installment::Last)
    );
    assert_eq!(
        slots("when is my next payment", Lang::En).installment,
        Some(Installment::Next)
    );
    assert_eq!(slots("the second time", Lang::En).installment, None);
}

#[test]
fn merchants_are_matched_fuzzily() {
    let found = slots("where is my zalandoo order", Lang::En).merchants;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "Zalando");
    assert!(found[0].similarity > 0.8 && found[0].similarity < 1.0);
    assert_eq!(slots("köpte på ikea", Lang::Sv).merchants[0].name, "IKEA");
    assert_eq!(
        slots("paket från Media Markt", Lang::Sv).merchants[0].name,
        "MediaMarkt"
    );
    assert!(slots("hello there", Lang::En).merchants.is_empty());
}

#[test]
fn hostile_input_gives_empty_slots_without_panicking() {
    let huge = "order 12345 ".repeat(10_000);
    let junk: String = (0u32..2_000).filter_map(char::from_u32).collect();
    for text in [
        "",
        "   ",
        "🙂🙂🙂",
        "#",
        "€",
        "1.",
        "//",
        "-1 kr",
        "99999999999999999999 kr",
        &junk,
    ] {
        let s = slots(text, Lang::En);
        assert!(s.dates.iter().all(|d| d.year_ce().1 >= 1), "{text}");
    }
    // A 120 KB message is cut to its first part, not scanned in full.
    assert!(slots(&huge, Lang::En).order_refs.len() < 1_000);
    assert_eq!(slots("🙂🙂🙂", Lang::En), Slots::default());
}
