//! Money amounts: "200 kr", "€49,90", "49.90", "1 200 SEK", "200:-", "49,-" as integer minor
//! units plus an ISO currency when the message says (or implies, like "kr" in Swedish).
//!
//! A bare integer ("3", "12345") is not an amount: it is more often a count, a day or an order
//! number. A number counts as money when a currency is attached or adjacent, or when it has
//! exactly two decimals.

use super::Token;
use crate::lang::Lang;

/// An amount of money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    /// Integer minor units (cents, öre, grosze).
    pub amount_minor: i64,
    /// ISO 4217 code, when known.
    pub currency: Option<&'static str>,
}

/// The largest amount accepted (10 billion in major units): anything above is not a BNPL sum.
const AMOUNT_MINOR_MAX: i64 = 1_000_000_000_000;

pub(super) fn extract(tokens: &[Token], taken: &[bool], lang: Lang) -> Vec<Amount> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        if taken.get(i).copied().unwrap_or(true) {
            i += 1;
            continue;
        }
        let Some(mut parsed) = split(&token.raw, lang) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        // "1 200 SEK": thousands groups written with spaces.
        while parsed.core.len() <= 7 && !parsed.core.contains(['.', ',']) {
            match tokens.get(end).and_then(|t| split(&t.raw, lang)) {
                Some(next)
                    if next.prefix.is_none()
                        && group_of_three(&next.core)
                        && !taken.get(end).copied().unwrap_or(true) =>
                {
                    parsed.core.push_str(&next.core);
                    parsed.suffix = next.suffix;
                    end += 1;
                }
                _ => break,
            }
        }
        let before = i
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .and_then(|t| currency_word(t, lang));
        let after = tokens.get(end).and_then(|t| currency_word(t, lang));
        let currency = parsed.prefix.or(parsed.suffix).or(before).or(after);
        let has_currency = parsed.attached || before.is_some() || after.is_some();
        match parse_number(&parsed.core) {
            Some((amount_minor, decimals)) if has_currency || decimals => {
                out.push(Amount {
                    amount_minor,
                    currency: currency.flatten(),
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

fn group_of_three(core: &str) -> bool {
    let int = core.split([',', '.']).next().unwrap_or_default();
    int.len() == 3 && int.chars().all(|c| c.is_ascii_digit())
}

/// A token split into currency prefix, numeric core and currency suffix. `Some(None)` is a
/// currency marker whose code is unknown ("kr" in a language without crowns).
#[derive(Debug)]
struct Parts {
    prefix: Option<Option<&'static str>>,
    core: String,
    suffix: Option<Option<&'static str>>,
    attached: bool,
}

fn split(raw: &str, lang: Lang) -> Option<Parts> {
    let start = raw.find(|c: char| c.is_ascii_digit())?;
    let end = raw
        .rfind(|c: char| c.is_ascii_digit())
        .map_or(start, |e| e + 1);
    let (head, rest) = raw.split_at_checked(start)?;
    let (core, tail) = rest.split_at_checked(end - start)?;
    if core
        .chars()
        .any(|c| !(c.is_ascii_digit() || ".,'".contains(c)))
    {
        return None;
    }
    let prefix = if head.is_empty() {
        None
    } else {
        Some(currency(head, lang)?)
    };
    let tail = tail
        .trim_end_matches(['.', ',', ':'])
        .trim_start_matches([',', '.']);
    let suffix = match tail {
        "" => None,
        "-" | ":-" => Some(
            Some("SEK")
                .filter(|_| lang == Lang::Sv)
                .or(currency("kr", lang)?),
        ),
        _ => Some(currency(tail, lang)?),
    };
    let attached = prefix.is_some() || suffix.is_some();
    Some(Parts {
        prefix,
        core: core.replace('\'', ""),
        suffix,
        attached,
    })
}

fn currency_word(token: &Token, lang: Lang) -> Option<Option<&'static str>> {
    currency(token.raw.trim_end_matches(['.', ',', ':']), lang)
}

/// The currency a marker names; `Some(None)` for a crown whose country is unknown.
fn currency(marker: &str, lang: Lang) -> Option<Option<&'static str>> {
    let lower = marker.to_lowercase();
    Some(Some(match lower.as_str() {
        "€" | "eur" | "euro" | "euros" | "euroa" => "EUR",
        "$" | "usd" | "us$" | "dollar" | "dollars" => "USD",
        "£" | "gbp" | "pound" | "pounds" => "GBP",
        "sek" => "SEK",
        "nok" => "NOK",
        "dkk" => "DKK",
        "pln" | "zł" | "zl" | "złotych" | "zlotych" | "złote" | "zlote" | "zloty" | "złoty" => {
            "PLN"
        }
        "kr" | "kr." | "kronor" | "kronur" | "kroner" | "kronen" | ":-" => {
            return Some(match lang {
                Lang::Sv => Some("SEK"),
                Lang::Nb => Some("NOK"),
                Lang::Da => Some("DKK"),
                _ => None,
            });
        }
        _ => return None,
    }))
}

/// Parses "1.234,56", "1,234.56", "49,90", "200", "1200" into minor units; the flag says
/// whether the number had decimals.
fn parse_number(core: &str) -> Option<(i64, bool)> {
    let last_sep = core.rfind(['.', ',']);
    let (int_part, frac) = match last_sep {
        Some(p) => {
            let frac = core.get(p + 1..)?;
            if frac.len() == 3 {
                (core, "")
            } else {
                (core.get(..p)?, frac)
            }
        }
        None => (core, ""),
    };
    let digits: String = int_part.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 12 || frac.len() > 2 {
        return None;
    }
    let major: i64 = digits.parse().ok()?;
    let minor: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    let total = major.checked_mul(100)?.checked_add(minor)?;
    (total <= AMOUNT_MINOR_MAX).then_some((total, !frac.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slots::tokenize;

    fn amounts(text: &str, lang: Lang) -> Vec<(i64, Option<&'static str>)> {
        let tokens = tokenize(text);
        let taken = vec![false; tokens.len()];
        extract(&tokens, &taken, lang)
            .into_iter()
            .map(|a| (a.amount_minor, a.currency))
            .collect()
    }

    #[test]
    fn amounts_with_currencies_in_several_languages() {
        assert_eq!(
            amounts("jag betalade 200 kr", Lang::Sv),
            [(20_000, Some("SEK"))]
        );
        assert_eq!(
            amounts("Ich habe €49,90 bezahlt", Lang::De),
            [(4_990, Some("EUR"))]
        );
        assert_eq!(amounts("it was 49.90", Lang::En), [(4_990, None)]);
        assert_eq!(
            amounts("faktura på 1 200 SEK", Lang::Sv),
            [(120_000, Some("SEK"))]
        );
        assert_eq!(
            amounts("det kostet 499,- kroner", Lang::Nb),
            [(49_900, Some("NOK"))]
        );
        assert_eq!(
            amounts("zapłaciłem 120 zł", Lang::Pl),
            [(12_000, Some("PLN"))]
        );
        assert_eq!(amounts("£7.50 purchase", Lang::En), [(750, Some("GBP"))]);
        assert_eq!(amounts("1.299,00 €", Lang::De), [(129_900, Some("EUR"))]);
        assert_eq!(amounts("betalt 300:-", Lang::Sv), [(30_000, Some("SEK"))]);
    }

    #[test]
    fn bare_integers_are_not_amounts() {
        assert!(amounts("in 3 days for order 12345", Lang::En).is_empty());
    }
}
