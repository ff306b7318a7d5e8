//! Text normalisation shared by every model and by the slot extractors.
//!
//! Customers type informally: mixed case, stray punctuation, emoji, missing diacritics. Every
//! model sees the same normalised form so that training and inference agree, and every input is
//! cut to a fixed length first so that a 100 KB message costs no more than a long sentence.

/// The most characters of one message any model looks at; the rest is ignored.
pub const MAX_CHARS: usize = 1_000;

/// Lower-cases `text`, keeps letters and digits, turns everything else into single spaces and
/// trims. With `fold_digits`, every digit becomes `0` so that order numbers and amounts
/// generalise instead of being memorised.
pub fn normalize(text: &str, fold_digits: bool) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_CHARS * 2));
    let mut pending_space = false;
    for c in text.chars().take(MAX_CHARS) {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            if fold_digits && c.is_numeric() {
                out.push('0');
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            pending_space = true;
        }
    }
    out
}

/// Replaces letters with diacritics by their plain Latin base letter (`å` → `a`, `ł` → `l`,
/// `ß` → `ss`), for lexicon look-ups that must also match customers who type without them.
pub fn fold_diacritics(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match fold_char(c) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
    out
}

fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ę' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ł' => "l",
        'ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'œ' => "oe",
        'ś' => "s",
        'ß' => "ss",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' => "z",
        _ => return None,
    })
}

/// Normalised, diacritic-folded words of `text`, digits kept: the form lexicons are matched on.
pub fn lexicon_words(text: &str) -> Vec<String> {
    fold_diacritics(&normalize(text, false))
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_lowercases_and_collapses_punctuation() {
        assert_eq!(
            normalize("  Hej!!  Var är MIN order? ", false),
            "hej var är min order"
        );
    }

    #[test]
    fn normalize_folds_digits_when_asked() {
        assert_eq!(normalize("order #A7-889", true), "order a0 000");
    }

    #[test]
    fn emoji_only_normalizes_to_empty() {
        assert_eq!(normalize("🙂🙂 !!", false), "");
    }

    #[test]
    fn diacritics_fold_to_plain_letters() {
        assert_eq!(
            fold_diacritics("człowiek måste straße"),
            "czlowiek maste strasse"
        );
    }
}
