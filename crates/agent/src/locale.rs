//! Locale-correct money and dates for the 11 languages the assistant speaks.
//!
//! Figures in replies are formatted here from integer minor units and calendar dates, never typed by
//! a model: "1 234,50 kr" in Swedish, "1.234,50 €" in German, "£1,234.50" in English.

use chrono::{Datelike, NaiveDate};
use fairdesk_ledger::{Currency, Money};

/// The languages replies are written in (ISO 639-1; Norwegian bokmål is `nb`).
pub const LANGUAGES: [&str; 11] = [
    "en", "sv", "nb", "da", "fi", "de", "nl", "pl", "fr", "es", "it",
];

struct Style {
    group: &'static str,
    decimal: &'static str,
    symbol_first: bool,
}

fn style(lang: &str) -> Style {
    match lang {
        "en" => Style {
            group: ",",
            decimal: ".",
            symbol_first: true,
        },
        "de" | "da" | "es" | "it" => Style {
            group: ".",
            decimal: ",",
            symbol_first: false,
        },
        "nl" => Style {
            group: ".",
            decimal: ",",
            symbol_first: true,
        },
        // sv, nb, fi, pl, fr group with a narrow no-break space.
        _ => Style {
            group: "\u{202f}",
            decimal: ",",
            symbol_first: false,
        },
    }
}

fn symbol(currency: Currency, lang: &str) -> &'static str {
    match (currency, lang) {
        (Currency::SEK | Currency::NOK | Currency::DKK, "sv" | "nb" | "da") => "kr",
        (Currency::EUR, _) => "€",
        (Currency::GBP, _) => "£",
        (Currency::USD, "en") => "$",
        (Currency::PLN, "pl") => "zł",
        (c, _) => c.code(),
    }
}

/// Formats money for a reader of `lang`.
pub fn money(m: Money, lang: &str) -> String {
    let s = style(lang);
    let per = m.currency.minor_per_major().unsigned_abs();
    let abs = m.amount_minor.unsigned_abs();
    let digits = (abs / per).to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push_str(s.group);
        }
        grouped.push(ch);
    }
    let number = format!("{grouped}{}{:02}", s.decimal, abs % per);
    let sign = if m.amount_minor < 0 { "-" } else { "" };
    let sym = symbol(m.currency, lang);
    let letters = sym.chars().all(char::is_alphabetic);
    match (s.symbol_first, letters) {
        (true, false) if lang == "en" => format!("{sign}{sym}{number}"),
        (true, _) => format!("{sign}{sym} {number}"),
        (false, _) => format!("{sign}{number}\u{a0}{sym}"),
    }
}

const MONTHS: [(&str, [&str; 12]); 11] = [
    (
        "en",
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
    ),
    (
        "sv",
        [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ],
    ),
    (
        "nb",
        [
            "januar",
            "februar",
            "mars",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "desember",
        ],
    ),
    (
        "da",
        [
            "januar",
            "februar",
            "marts",
            "april",
            "maj",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "december",
        ],
    ),
    (
        "fi",
        [
            "tammikuuta",
            "helmikuuta",
            "maaliskuuta",
            "huhtikuuta",
            "toukokuuta",
            "kesäkuuta",
            "heinäkuuta",
            "elokuuta",
            "syyskuuta",
            "lokakuuta",
            "marraskuuta",
            "joulukuuta",
        ],
    ),
    (
        "de",
        [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
    ),
    (
        "nl",
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
    ),
    (
        "pl",
        [
            "stycznia",
            "lutego",
            "marca",
            "kwietnia",
            "maja",
            "czerwca",
            "lipca",
            "sierpnia",
            "września",
            "października",
            "listopada",
            "grudnia",
        ],
    ),
    (
        "fr",
        [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
    ),
    (
        "es",
        [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
    ),
    (
        "it",
        [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ],
    ),
];

/// Formats a date for a reader of `lang`, with the month written out.
pub fn date(d: NaiveDate, lang: &str) -> String {
    let months = MONTHS
        .iter()
        .find(|(l, _)| *l == lang)
        .or_else(|| MONTHS.first());
    let month = months
        .and_then(|(_, m)| m.get(d.month0() as usize))
        .copied()
        .unwrap_or_default();
    let (day, year) = (d.day(), d.year());
    match lang {
        "de" | "nb" | "da" | "fi" => format!("{day}. {month} {year}"),
        "es" => format!("{day} de {month} de {year}"),
        _ => format!("{day} {month} {year}"),
    }
}

/// A rate in basis points as a percentage with two decimals in the reader's style ("12,68 %").
pub fn percent_bp(bp: u32, lang: &str) -> String {
    let s = style(lang);
    let text = format!("{}{}{:02}", bp / 100, s.decimal, bp % 100);
    if lang == "en" {
        format!("{text}%")
    } else {
        format!("{text}\u{a0}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_follows_each_languages_conventions() {
        let m = |minor, c| Money::new(minor, c);
        assert_eq!(
            money(m(123_450, Currency::SEK), "sv"),
            "1\u{202f}234,50\u{a0}kr"
        );
        assert_eq!(money(m(123_450, Currency::EUR), "de"), "1.234,50\u{a0}€");
        assert_eq!(money(m(123_450, Currency::GBP), "en"), "£1,234.50");
        assert_eq!(money(m(123_450, Currency::SEK), "en"), "SEK 1,234.50");
        assert_eq!(money(m(4_990, Currency::EUR), "nl"), "€ 49,90");
        assert_eq!(money(m(19_900, Currency::PLN), "pl"), "199,00\u{a0}zł");
        assert_eq!(money(m(5, Currency::USD), "en"), "$0.05");
    }

    #[test]
    fn dates_are_written_out_in_the_readers_language() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(date(d, "en"), "1 December 2026");
        assert_eq!(date(d, "de"), "1. Dezember 2026");
        assert_eq!(date(d, "es"), "1 de diciembre de 2026");
        assert_eq!(date(d, "pl"), "1 grudnia 2026");
        assert_eq!(date(d, "xx"), "1 December 2026");
    }

    #[test]
    fn rates_use_the_readers_decimal_mark() {
        assert_eq!(percent_bp(1_268, "en"), "12.68%");
        assert_eq!(percent_bp(1_268, "sv"), "12,68\u{a0}%");
    }
}
