//! Merchant names matched fuzzily against the caller's list: customers misspell ("Zalandoo"),
//! inflect ("Zalandos") and drop punctuation ("HM" for "H&M").

use super::Token;
use crate::text::fold_diacritics;

/// A merchant from the caller's list found in a message.
#[derive(Debug, Clone, PartialEq)]
pub struct MerchantMatch {
    /// The merchant as the caller spelled it.
    pub name: String,
    /// Similarity in `0.0..=1.0` (1 − normalised edit distance).
    pub similarity: f32,
}

/// Below this similarity a merchant is not considered mentioned.
const SIMILARITY_MIN: f32 = 0.8;
/// Names this short must match exactly: one typo in three letters is another word.
const FUZZY_LEN_MIN: usize = 5;
/// One word of a longer name stands for the merchant when it has at least this many letters.
const NAME_WORD_CHARS_MIN: usize = 6;
/// The similarity given to a merchant named by one word of its name.
const NAME_WORD_SIMILARITY: f32 = 0.85;
/// At most this many merchants from the caller's list are compared (bounds the cost).
const MERCHANTS_MAX: usize = 10_000;

pub(super) fn extract(tokens: &[Token], merchants: &[String]) -> Vec<MerchantMatch> {
    let words: Vec<&str> = tokens
        .iter()
        .map(|t| t.word.as_str())
        .filter(|w| !w.is_empty())
        .collect();
    // Names glued to other words: "boozt-köpet", "Proshop-ordre", "C-2:s".
    let parts: Vec<String> = tokens
        .iter()
        .flat_map(|t| t.raw.split(['-', '.', ':', '/', '\'']).map(fold_key))
        .filter(|w| !w.is_empty())
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let mut out: Vec<MerchantMatch> = merchants
        .iter()
        .take(MERCHANTS_MAX)
        .filter_map(|name| {
            let n = name.split_whitespace().count();
            // "bol.com" is also just "bol".
            let short = name
                .split('.')
                .next()
                .map(fold_key)
                .filter(|s| s.chars().count() >= 3);
            // "Grünzeug" for "Grünzeug Versand": the longest word of a longer name, if it is long
            // enough to be the name's own, written out (or with a case ending).
            let by_word = (n > 1)
                .then(|| {
                    name.split_whitespace()
                        .map(fold_key)
                        .max_by_key(|w| w.chars().count())
                })
                .flatten()
                .filter(|w| w.chars().count() >= NAME_WORD_CHARS_MIN)
                .filter(|key| {
                    [&words, &parts]
                        .iter()
                        .any(|ws| ws.iter().any(|w| *w == key.as_str() || inflected(w, key)))
                })
                .map(|_| NAME_WORD_SIMILARITY);
            // "RTV Max" for "Sklep RTV Max": a name of three words or more without its first or
            // its last word.
            let name_words: Vec<String> = name.split_whitespace().map(fold_key).collect();
            let by_part = (n >= 3)
                .then(|| {
                    [name_words.get(1..), name_words.get(..n - 1)]
                        .into_iter()
                        .flatten()
                        .filter_map(|part| {
                            let key = part.concat();
                            [&words, &parts]
                                .iter()
                                .filter_map(|ws| best_similarity(ws, &key, n - 1))
                                .reduce(f32::max)
                        })
                        .reduce(f32::max)
                })
                .flatten()
                .map(|s| s.min(NAME_WORD_SIMILARITY));
            let similarity = [Some(fold_key(name)), short]
                .into_iter()
                .flatten()
                .filter_map(|key| {
                    [&words, &parts]
                        .iter()
                        .filter_map(|ws| best_similarity(ws, &key, n))
                        .reduce(f32::max)
                })
                .chain(by_word)
                .chain(by_part)
                .reduce(f32::max)?;
            Some(MerchantMatch {
                name: name.clone(),
                similarity,
            })
        })
        .collect();
    out.sort_by(|a, b| b.similarity.total_cmp(&a.similarity));
    out
}

/// Lower case, no diacritics, letters and digits only.
fn fold_key(text: &str) -> String {
    fold_diacritics(&text.to_lowercase())
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The best similarity of `key` (a name without spaces) to any run of one to `name_words + 1`
/// adjacent message words glued together.
fn best_similarity(words: &[&str], key: &str, name_words: usize) -> Option<f32> {
    if key.is_empty() {
        return None;
    }
    let mut best = 0.0f32;
    for start in 0..words.len() {
        let mut glued = String::new();
        for word in words.iter().skip(start).take(name_words + 1) {
            glued.push_str(word);
            let similarity = if inflected(&glued, key) {
                INFLECTED_SIMILARITY
            } else if key.chars().count() < FUZZY_LEN_MIN {
                if glued == key { 1.0 } else { 0.0 }
            } else {
                similarity(&glued, key)
            };
            best = best.max(similarity);
        }
    }
    (best >= SIMILARITY_MIN).then_some(best)
}

/// The similarity given to a name with a case ending: "Jyskin", "Empiku", "IKEAs".
const INFLECTED_SIMILARITY: f32 = 0.9;

/// Finnish case endings of three letters (folded): "Zalandosta", "Gigantilta", "Powerilla".
const CASE_ENDINGS_3: &[&str] = &["sta", "lta", "lla", "lle", "ssa", "ksi", "aan", "iin"];

/// Whether `word` is `key` with a short ending, for names of four letters or more: at most two
/// letters ("IKEAs", "Jyskin"), or a Finnish case ending of three ("komplettere" is a word).
fn inflected(word: &str, key: &str) -> bool {
    key.chars().count() >= 4
        && word.strip_prefix(key).is_some_and(|rest| {
            (!rest.is_empty() && rest.chars().count() <= 2 && rest.chars().all(char::is_alphabetic))
                || CASE_ENDINGS_3.contains(&rest)
        })
}

/// 1 − Levenshtein distance / length of the longer string.
fn similarity(a: &str, b: &str) -> f32 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longest = a.len().max(b.len());
    if longest == 0 || a.len().abs_diff(b.len()) * 5 > longest {
        return 0.0;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = i;
        let mut left = i + 1;
        for (up, cb) in row.iter_mut().skip(1).zip(&b) {
            let cost = diagonal + usize::from(ca != cb);
            diagonal = *up;
            left = cost.min(*up + 1).min(left + 1);
            *up = left;
        }
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
    }
    let distance = row.last().copied().unwrap_or(longest);
    1.0 - distance as f32 / longest as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slots::tokenize;

    fn names(text: &str, merchants: &[&str]) -> Vec<String> {
        let merchants: Vec<String> = merchants.iter().map(|m| (*m).to_owned()).collect();
        extract(&tokenize(text), &merchants)
            .into_iter()
            .map(|m| m.name)
            .collect()
    }

    #[test]
    fn misspelled_and_inflected_merchants_are_found() {
        let list = ["Zalando", "H&M", "Elgiganten", "Apotek Hjärtat"];
        assert_eq!(names("where is my zalandoo order", &list), ["Zalando"]);
        assert_eq!(
            names("min order från Elgigantens butik", &list),
            ["Elgiganten"]
        );
        assert_eq!(names("köpte från H&M igår", &list), ["H&M"]);
        assert_eq!(
            names("apotek hjartat skickade fel", &list),
            ["Apotek Hjärtat"]
        );
    }

    #[test]
    fn short_names_need_an_exact_match() {
        assert!(names("I have a hmm question", &["H&M"]).is_empty());
    }

    #[test]
    fn edit_distance_similarity_is_symmetric_and_bounded() {
        assert_eq!(similarity("kitten", "sitting"), 1.0 - 3.0 / 7.0);
        assert_eq!(similarity("abc", "abc"), 1.0);
    }

    #[test]
    fn names_glued_to_words_with_endings_or_without_their_domain_are_found() {
        let shops = ["Boozt", "Proshop", "Jysk", "Empik", "bol.com", "Komplett"];
        assert_eq!(names("vill makulera boozt-köpet", &shops), ["Boozt"]);
        assert_eq!(names("er min Proshop-ordre sendt?", &shops), ["Proshop"]);
        assert_eq!(names("Siirtäkää Jyskin seuraava erä", &shops), ["Jysk"]);
        assert_eq!(names("a paczka z Empiku?", &shops), ["Empik"]);
        assert_eq!(
            names("kan ik de stofzuiger van bol annuleren", &shops),
            ["bol.com"]
        );
        assert!(names("komplettere skjemaet", &shops).is_empty());
    }

    #[test]
    fn the_longest_word_of_a_longer_name_names_the_merchant() {
        let shops = ["Grünzeug Versand", "Buchhandlung Lesezeit", "Ciclos Norte"];
        assert_eq!(
            names("bitte die Bestellung bei Grünzeug stornieren", &shops),
            ["Grünzeug Versand"]
        );
        assert_eq!(
            names("was kostet die Buchhandlung", &shops),
            ["Buchhandlung Lesezeit"]
        );
        assert!(names("la norte de la ciudad", &shops).is_empty());
    }

    #[test]
    fn a_longer_name_without_its_first_or_last_word_and_finnish_case_endings_name_the_merchant() {
        let shops = ["Sklep RTV Max", "Zalando", "Speelgoedwinkel Pim", "Power"];
        assert_eq!(
            names("a ile zostalo za RTV Max?", &shops),
            ["Sklep RTV Max"]
        );
        assert_eq!(
            names("haluun perua tilauksen zalandosta", &shops),
            ["Zalando"]
        );
        assert!(names("a max of two", &shops).is_empty());
        assert!(names("a powerful tool", &shops).len() <= 1);
    }
}
