//! Slot extraction across languages: order references, amounts, absolute and relative dates,
//! installment ordinals and fuzzy merchant names, plus hostile input.

use chrono::{Datelike, NaiveDate};
use fairdesk_understand::slots::Unit;
use fairdesk_understand::{
    Amount, DateOrder, Installment, Lang, SlotContext, Slots, Span, extract_slots,
};

fn today() -> NaiveDate {
    // A Wednesday.
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(if m >= 11 { 2026 } else { 2027 }, m, d).unwrap()
}

fn slots(text: &str, lang: Lang) -> Slots {
    slots_in(text, lang, DateOrder::DayMonth)
}

fn slots_in(text: &str, lang: Lang, date_order: DateOrder) -> Slots {
    let merchants: Vec<String> = ["Zalando", "H&M", "Elgiganten", "IKEA", "MediaMarkt"]
        .map(String::from)
        .to_vec();
    extract_slots(
        text,
        lang,
        &SlotContext {
            merchants: &merchants,
            today: today(),
            date_order,
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
fn slash_dates_are_read_month_first_for_customers_who_write_them_so() {
    let us = |text: &str| slots_in(text, Lang::En, DateOrder::MonthDay).dates;
    assert_eq!(us("can I move my payment to 4/22?"), [date(4, 22)]);
    assert_eq!(us("on 12/1 please"), [date(12, 1)]);
    assert_eq!(us("due 12/01/26"), [date(12, 1)]);
    assert_eq!(us("den 1.12."), [date(12, 1)], "dots stay day first");
    assert_eq!(dates("on 12/1 please", Lang::En), [date(1, 12)]);
    assert!(dates("can I move my payment to 4/22?", Lang::En).is_empty());
}

#[test]
fn the_end_of_a_month_is_its_last_day_in_every_language() {
    let cases: &[(&str, Lang, NaiveDate)] = &[
        (
            "push it back to the end of December",
            Lang::En,
            date(12, 31),
        ),
        ("bis Ende Januar bitte", Lang::De, date(1, 31)),
        ("i slutet av december", Lang::Sv, date(12, 31)),
        ("i slutten av januar", Lang::Nb, date(1, 31)),
        ("i slutningen af december", Lang::Da, date(12, 31)),
        ("joulukuun lopussa", Lang::Fi, date(12, 31)),
        ("eind december", Lang::Nl, date(12, 31)),
        ("pod koniec grudnia", Lang::Pl, date(12, 31)),
        ("fin décembre", Lang::Fr, date(12, 31)),
        ("a finales de enero", Lang::Es, date(1, 31)),
        ("fine febbraio", Lang::It, date(2, 28)),
    ];
    for (text, lang, expected) in cases {
        assert_eq!(dates(text, *lang), [*expected], "{text}");
    }
    let leap = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap();
    assert_eq!(dates("end of February 2028", Lang::En), [leap]);
}

#[test]
fn spans_to_move_by_in_every_language() {
    let cases: &[(&str, Lang, u32, Unit)] = &[
        (
            "can I move my payment by 2 months",
            Lang::En,
            2,
            Unit::Month,
        ),
        ("postpone my payment for 6 weeks", Lang::En, 6, Unit::Week),
        ("push it back two weeks please", Lang::En, 2, Unit::Week),
        (
            "kan jag skjuta upp betalningen två månader",
            Lang::Sv,
            2,
            Unit::Month,
        ),
        (
            "kan jag flytta betalningen sex veckor framåt",
            Lang::Sv,
            6,
            Unit::Week,
        ),
        ("flytt betalingen med en uke", Lang::Nb, 1, Unit::Week),
        (
            "kan jeg udskyde betalingen med tre uger",
            Lang::Da,
            3,
            Unit::Week,
        ),
        (
            "voinko siirtää maksua kahdella viikolla",
            Lang::Fi,
            2,
            Unit::Week,
        ),
        (
            "kann ich die Zahlung um zwei Monate verschieben",
            Lang::De,
            2,
            Unit::Month,
        ),
        ("bitte um 10 Tage verschieben", Lang::De, 10, Unit::Day),
        (
            "kan ik de betaling met een maand uitstellen",
            Lang::Nl,
            1,
            Unit::Month,
        ),
        (
            "czy mogę przesunąć ratę o miesiąc",
            Lang::Pl,
            1,
            Unit::Month,
        ),
        ("przesunąć płatność o dwa tygodnie", Lang::Pl, 2, Unit::Week),
        (
            "décaler mon paiement de deux semaines",
            Lang::Fr,
            2,
            Unit::Week,
        ),
        ("aplazar el pago dos meses", Lang::Es, 2, Unit::Month),
        ("posticipare la rata di 10 giorni", Lang::It, 10, Unit::Day),
        (
            "voinko siirtää seuraavaa erää viikolla",
            Lang::Fi,
            1,
            Unit::Week,
        ),
        (
            "voisko eräpäivää siirtää viikon eteenpäin",
            Lang::Fi,
            1,
            Unit::Week,
        ),
        ("can I pay a week later", Lang::En, 1, Unit::Week),
        ("kan jeg flytte den en uge frem", Lang::Da, 1, Unit::Week),
    ];
    for (text, lang, count, unit) in cases {
        let s = slots(text, *lang);
        let expected = Span {
            count: *count,
            unit: *unit,
        };
        assert_eq!(s.postpone_by, Some(expected), "{text}");
        assert!(s.dates.is_empty() && s.amounts.is_empty(), "{text}: {s:?}");
    }
}

#[test]
fn past_times_frequencies_plan_lengths_and_dates_are_not_spans() {
    let cases: &[(&str, Lang)] = &[
        ("I paid two weeks ago", Lang::En),
        ("pay in 4, every 2 weeks", Lang::En),
        ("can I move a payment on my 12 months plan", Lang::En),
        ("in 2 weeks", Lang::En),
        ("jag betalade för två veckor sedan", Lang::Sv),
        ("om två veckor", Lang::Sv),
        ("vor zwei Wochen bestellt", Lang::De),
        ("alle zwei Wochen", Lang::De),
        ("twee weken geleden", Lang::Nl),
        ("dwa tygodnie temu", Lang::Pl),
        ("il y a deux semaines", Lang::Fr),
        ("hace dos semanas", Lang::Es),
        ("due settimane fa", Lang::It),
        ("kaksi viikkoa sitten", Lang::Fi),
        ("next week", Lang::En),
        ("tällä viikolla maksoin jo", Lang::Fi),
        ("maksan ensi viikolla", Lang::Fi),
        ("every week later on", Lang::En),
    ];
    for (text, lang) in cases {
        assert_eq!(slots(text, *lang).postpone_by, None, "{text}");
    }
}

#[test]
fn a_span_is_counted_from_the_date_it_is_applied_to() {
    let from = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
    let month = Span {
        count: 1,
        unit: Unit::Month,
    };
    let fortnight = Span {
        count: 2,
        unit: Unit::Week,
    };
    assert_eq!(month.after(from), NaiveDate::from_ymd_opt(2026, 2, 28));
    assert_eq!(fortnight.after(from), NaiveDate::from_ymd_opt(2026, 2, 14));
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

#[test]
fn a_day_of_the_month_named_alone_is_its_next_occurrence() {
    // today() is 25 November 2026: the 24th has passed this month, so it is December's; the 26th
    // is this month's.
    for (text, lang) in [
        ("can you move it to the 24th", Lang::En),
        ("flytta den till den 24:e", Lang::Sv),
        ("kann ich die Rate auf den 24. verschieben", Lang::De),
        ("puoi spostarla al 24?", Lang::It),
        ("peux-tu la décaler au 24 ?", Lang::Fr),
        ("kan ik hem naar de 24e verplaatsen", Lang::Nl),
        ("przesuń na 24.", Lang::Pl),
        ("ok, siirrä se 24. päivälle sitten", Lang::Fi),
    ] {
        assert_eq!(slots(text, lang).dates, [date(12, 24)], "{text}");
    }
    assert_eq!(slots("move it to the 26th", Lang::En).dates, [date(11, 26)]);
    // After a date in the same message: "from 17 April to the 24th" is 24 April.
    let s = slots(
        "kann ich die Rate vom 17. April auf den 24. verschieben",
        Lang::De,
    );
    assert_eq!(
        s.dates.last(),
        NaiveDate::from_ymd_opt(2027, 4, 24).as_ref()
    );
    for text in [
        "the 2 orders",
        "move the 3rd installment",
        "kupiłam na 3 raty",
        "pay el 24 €",
    ] {
        assert!(slots(text, Lang::En).dates.is_empty(), "{text}");
    }
}
