//! Order references: "order 12345", "#A7-889", "Bestellung 12345", "ZL-99812".

use super::Token;

/// Words that announce an order reference, diacritics folded.
const ORDER_WORDS: &[&str] = &[
    "order",
    "ordernumber",
    "ordernummer",
    "ordernr",
    "orderno",
    "ordrenummer",
    "ordre",
    "ordrenr",
    "bestellung",
    "bestellnummer",
    "bestelling",
    "bestelnummer",
    "tilaus",
    "tilausnumero",
    "tilauksen",
    "tilausta",
    "zamowienie",
    "zamowienia",
    "zamowieniu",
    "commande",
    "pedido",
    "ordine",
    "purchase",
    "kop",
    "kjop",
    "kob",
    "nr",
    "no",
    "number",
    "nummer",
    "numer",
    "numero",
    "n",
];

/// Extracts references with the index of their token.
pub(super) fn extract(tokens: &[Token]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let after_keyword = i
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|prev| ORDER_WORDS.contains(&prev.word.as_str()));
        if let Some(reference) = reference(&token.raw, after_keyword) {
            out.push((i, reference));
        }
    }
    out
}

/// `raw` as a reference: `#` + something with a digit, or letters-dash-digits, or (after an
/// order word) any code with at least three digits.
fn reference(raw: &str, after_keyword: bool) -> Option<String> {
    let hashed = raw.starts_with('#');
    let code = raw.trim_start_matches('#').trim_end_matches(['.', ':']);
    let valid = (3..=24).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_/".contains(c))
        && code
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
    if !valid {
        return None;
    }
    let digits = code.chars().filter(char::is_ascii_digit).count();
    let letters = code.chars().filter(char::is_ascii_alphabetic).count();
    let coded = letters > 0 && code.contains('-') && digits >= 3 && !code.contains('/');
    let is_date = code.contains('/') || (letters == 0 && code.matches('-').count() == 2);
    let accepted = (hashed && digits > 0) || coded || (after_keyword && digits >= 3 && !is_date);
    accepted.then(|| code.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slots::tokenize;

    fn refs(text: &str) -> Vec<String> {
        extract(&tokenize(text))
            .into_iter()
            .map(|(_, r)| r)
            .collect()
    }

    #[test]
    fn references_are_found_in_several_languages() {
        assert_eq!(refs("where is order 12345?"), ["12345"]);
        assert_eq!(refs("Bestellung 12345 fehlt"), ["12345"]);
        assert_eq!(refs("min order #A7-889 har inte kommit"), ["A7-889"]);
        assert_eq!(refs("the late fee on ZL-99812"), ["ZL-99812"]);
        assert_eq!(refs("zamówienie nr 998877"), ["998877"]);
    }

    #[test]
    fn amounts_and_dates_are_not_references() {
        assert!(refs("I paid 12345 kr on 2026-12-01").is_empty());
        assert!(refs("order from 1/12").is_empty());
    }
}
