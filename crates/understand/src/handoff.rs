//! The `human_agent` safety net: a small multilingual lexicon of words for "a person" that forces
//! the `human_agent` intent whatever the classifier says.
//!
//! A customer who asks for a person and is not heard is the failure customers hate most, so an
//! explicit request must never depend on a statistical model alone. The lexicon holds only strong
//! words (human, agent, real person, advisor …), each checked against the example files so it
//! does not fire on other errands; ambiguous words ("customer service", which is also what people
//! complain about) are left to the classifier.

use crate::text::lexicon_words;

/// Phrases matched on diacritic-folded, lower-cased words. Words of a phrase must be adjacent; a
/// trailing `*` matches any word starting with the rest, for inflected languages.
const PHRASES: &[&str] = &[
    // en
    "human*",
    "agent",
    "agents",
    "a representative",
    "to representative*",
    "operator",
    "real person",
    "live person",
    "actual person",
    "a person",
    "real someone",
    "someone real",
    "to someone",
    "with someone",
    "to somebody",
    "with somebody",
    "a real human",
    // sv
    "manniska*",
    "manniskor*",
    "riktig person",
    "en person",
    "handlaggare*",
    "medarbetare*",
    "med nagon",
    "kundtjanstmedarbetare*",
    "personlig hjalp",
    "personlig hjelp",
    "personlig hjaelp",
    // nb, da
    "menneske*",
    "ekte person",
    "rigtig person",
    "saksbehandler*",
    "sagsbehandler*",
    "medarbejder*",
    "med noen",
    "med nogen",
    "en af medarbejderne",
    "en av de ansatte",
    // fi
    "ihmi*",
    "asiakaspalvelija*",
    "jonkun kanssa",
    "oikea henkilo",
    "oikean henkilon",
    // de
    "mensch*",
    "echte* person",
    "berater*",
    "sachbearbeiter*",
    "mit jemandem",
    // nl
    "een mens",
    "echt mens",
    "echte mens",
    "medewerker*",
    "echt persoon",
    "echte persoon",
    "met iemand",
    "iemand spreken",
    // pl
    "czlowiek*",
    "konsultant*",
    "prawdziw* osob*",
    "z kims",
    "z pracownikiem",
    // fr
    "humain*",
    "conseiller*",
    "conseillere*",
    "vraie personne",
    "une personne",
    "operateur*",
    "a quelqu",
    "quelqu un de vrai",
    // es
    "persona real",
    "una persona",
    "humano*",
    "agente*",
    "asesor*",
    "operador*",
    "con alguien",
    // it
    "operator*",
    "persona vera",
    "persona reale",
    "umano",
    "essere umano",
    "consulent*",
    "con qualcuno",
    // asking for the lender's phone number (to call a person)
    "your phone number",
    "find the phone number",
    "whats the phone number",
    "number to call",
    "customer service number",
    "ert telefonnummer",
    "jeres telefonnummer",
    "deres telefonnummer",
    "ditt telefonnummer",
    "teidan puhelinnumero*",
    "puhelinnumeronne",
    "ihre telefonnummer",
    "eure telefonnummer",
    "die telefonnummer",
    "jullie telefoonnummer",
    "vind ik het telefoonnummer",
    "wat is het telefoonnummer",
    "uw telefoonnummer",
    "wasz numer*",
    "numer do was",
    "votre numero",
    "le numero de telephone",
    "vuestro telefono",
    "vuestro numero",
    "su numero de telefono",
    "il vostro numero",
    "il numero di telefono",
];

/// Messages that are nothing but a phone number request ("telefonnummer?", "phone number
/// please") ask for someone to call; with more words they may be about changing one's own number.
const ALONE: &[&str] = &[
    "phone number",
    "phone",
    "telefonnummer",
    "telefonnummeret",
    "puhelinnumero",
    "puhelinnumeronne",
    "telefoonnummer",
    "numer telefonu",
    "numero de telephone",
    "numero de telefono",
    "numero di telefono",
    "rufnummer",
    "hotline",
];

/// Words that do not change what a short message asks for.
const POLITE: &[&str] = &[
    "please",
    "pls",
    "plz",
    "tack",
    "takk",
    "tak",
    "kiitos",
    "bitte",
    "danke",
    "alstublieft",
    "aub",
    "graag",
    "prosze",
    "svp",
    "merci",
    "por",
    "favor",
    "per",
    "grazie",
    "your",
    "er",
    "dere",
    "jer",
    "teidan",
    "ihre",
    "eure",
    "uw",
    "jullie",
    "votre",
    "su",
    "vostro",
];

/// Whether `text` explicitly asks for a person, in any supported language.
pub fn asks_for_human(text: &str) -> bool {
    let words = lexicon_words(text);
    if PHRASES.iter().any(|phrase| matches_phrase(&words, phrase)) {
        return true;
    }
    let rest: Vec<String> = words
        .into_iter()
        .filter(|w| !POLITE.contains(&w.as_str()))
        .collect();
    ALONE
        .iter()
        .any(|alone| alone.split(' ').eq(rest.iter().map(String::as_str)))
}

/// Whether the folded `words` contain `phrase` (space-separated words; a word ending in `*` matches
/// any word starting with it).
pub fn matches_phrase(words: &[String], phrase: &str) -> bool {
    let patterns: Vec<&str> = phrase.split(' ').collect();
    words.windows(patterns.len()).any(|window| {
        window
            .iter()
            .zip(&patterns)
            .all(|(word, pattern)| match pattern.strip_suffix('*') {
                Some(prefix) => word.starts_with(prefix),
                None => word == pattern,
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_requests_for_a_person_are_caught_in_every_language() {
        for text in [
            "I want to talk to a HUMAN!!",
            "jag vill prata med en människa",
            "gi meg et menneske",
            "Haluan ihmisen, en robottia",
            "Ich will einen echten Menschen",
            "ik wil een echt mens spreken",
            "połączcie mnie z człowiekiem",
            "je veux un conseiller",
            "quiero hablar con una persona real",
            "voglio un operatore",
            "telefonnummer?",
            "your phone number please",
        ] {
            assert!(asks_for_human(text), "{text}");
        }
    }

    #[test]
    fn ordinary_errands_do_not_trigger_the_safety_net() {
        for text in [
            "where is my order",
            "mens jeg venter på pakken",
            "persona non grata",
            "what is the representative APR",
            "I need to change my phone number",
            "",
        ] {
            assert!(!asks_for_human(text), "{text}");
        }
    }
}
