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

/// Where a person word means something else: the phone carrier ("ho cambiato operatore",
/// "nuevo operador", "changé d'opérateur").
const NOT_A_PERSON: &[&str] = &[
    "phone operator",
    "mobile operator",
    "network operator",
    "cambiato operatore",
    "nuovo operatore",
    "operatore telefonico",
    "operatore mobile",
    "cambiato gestore",
    "cambiado de operador",
    "cambie de operador",
    "nuevo operador",
    "operador movil",
    "operador de telefonia",
    "change d operateur",
    "change operateur",
    "nouvel operateur",
    "operateur telephonique",
    "operateur mobile",
];

/// Questions whether the assistant is a machine or a person ("am I talking to a robot?", "bist du
/// ein Mensch?"): they deserve an honest answer, not a handoff. Folded words, `*` as in
/// [`matches_phrase`].
const BOT_QUESTIONS: &[&str] = &[
    // en
    "are you a bot*",
    "are you a robot*",
    "are you human",
    "are you a human",
    "are you a real person",
    "are you a person",
    "are you real",
    "are you an ai",
    "are you ai",
    "am i talking to a bot*",
    "am i talking to a robot*",
    "am i talking to a machine",
    "am i talking to a real person",
    "am i talking to a person",
    "am i talking to a human",
    "am i chatting with a bot*",
    "is this a bot*",
    "is this a robot*",
    "is this a real person",
    "is this an ai",
    // sv
    "ar du en robot*",
    "ar du en bot*",
    "ar du en manniska",
    "ar du en riktig person",
    "ar du ai",
    "pratar jag med en robot*",
    "pratar jag med en bot*",
    "pratar jag med en manniska",
    "chattar jag med en robot*",
    "ar det en robot*",
    // nb, da
    "er du en robot*",
    "er du en bot*",
    "er du et menneske",
    "er du en ekte person",
    "er du en rigtig person",
    "snakker jeg med en robot*",
    "snakker jeg med en bot*",
    "snakker jeg med et menneske",
    "taler jeg med en robot*",
    "taler jeg med en bot*",
    "taler jeg med et menneske",
    "er dette en robot*",
    "er det en robot*",
    // fi
    "oletko robotti",
    "oletko botti",
    "oletko ihminen",
    "oletko oikea ihminen",
    "oletko tekoaly",
    "puhunko robotin kanssa",
    "puhunko botin kanssa",
    "puhunko ihmisen kanssa",
    "juttelenko robotin kanssa",
    "juttelenko botin kanssa",
    "onko tama robotti",
    "onko tama botti",
    // de
    "bist du ein bot*",
    "bist du ein roboter",
    "bist du ein mensch",
    "bist du eine ki",
    "bist du echt",
    "sind sie ein bot*",
    "sind sie ein roboter",
    "sind sie ein mensch",
    "rede ich mit einem bot*",
    "rede ich mit einem roboter",
    "rede ich mit einem menschen",
    "spreche ich mit einem bot*",
    "spreche ich mit einem roboter",
    "spreche ich mit einem menschen",
    "schreibe ich mit einem bot*",
    "schreibe ich mit einem roboter",
    "schreibe ich mit einem menschen",
    "ist das ein bot*",
    "ist das ein roboter",
    // nl
    "ben je een robot*",
    "ben je een bot*",
    "ben je een mens",
    "ben je echt",
    "ben je een ai",
    "bent u een robot*",
    "bent u een bot*",
    "bent u een mens",
    "praat ik met een robot*",
    "praat ik met een bot*",
    "praat ik met een mens",
    "chat ik met een robot*",
    "chat ik met een bot*",
    "is dit een robot*",
    "is dit een bot*",
    // pl
    "jestes botem",
    "jestes robotem",
    "jestes czlowiekiem",
    "jestes ai",
    "jestes prawdziwym czlowiekiem",
    "rozmawiam z botem",
    "rozmawiam z robotem",
    "rozmawiam z czlowiekiem",
    "pisze z botem",
    "pisze z robotem",
    "pisze z czlowiekiem",
    "czy to bot",
    "czy to robot",
    // fr
    "es tu un robot*",
    "es tu un bot*",
    "es tu humain*",
    "es tu une ia",
    "etes vous un robot*",
    "etes vous un bot*",
    "etes vous humain*",
    "etes vous une ia",
    "etes vous une vraie personne",
    "vous etes une vraie personne",
    "es tu une vraie personne",
    "tu es une vraie personne",
    "vous etes un robot*",
    "vous etes un bot*",
    "vous etes un chatbot",
    "etes vous un chatbot",
    "ou un chatbot",
    "ou un robot",
    "or a bot*",
    "or a robot*",
    "or a chatbot",
    "are you a chatbot",
    "oder ein bot*",
    "oder ein roboter",
    "o un bot*",
    "o un robot*",
    "of een bot*",
    "of een robot*",
    "eller en bot*",
    "eller en robot*",
    "czy bot",
    "czy robot",
    "vai robotti",
    "vai botti",
    "je parle a un robot*",
    "je parle a un bot*",
    "je parle a une machine",
    "je parle a un humain",
    "je parle a une vraie personne",
    "je parle avec un robot*",
    "je parle avec un bot*",
    "c est un robot*",
    "c est un bot*",
    "c un robot*",
    "c un bot*",
    // es
    "eres un robot*",
    "eres un bot*",
    "eres humano",
    "eres una persona",
    "eres una ia",
    "es usted un robot*",
    "hablo con un robot*",
    "hablo con un bot*",
    "hablo con una maquina",
    "hablo con una persona",
    "hablo con un humano",
    "estoy hablando con un robot*",
    "estoy hablando con un bot*",
    "estoy hablando con una persona",
    // it
    "sei un robot*",
    "sei un bot*",
    "sei umano",
    "sei una persona",
    "sei un essere umano",
    "sei un ia",
    "sei una ia",
    "parlo con un robot*",
    "parlo con un bot*",
    "parlo con una persona",
    "parlo con un umano",
    "sto parlando con un robot*",
    "sto parlando con un bot*",
    "sto parlando con una persona",
];

/// A question whether the assistant is a machine or a person: the rest of the message without
/// it (to check that the rest does not ask for a person too), or `None`.
pub fn asks_if_bot(text: &str) -> Option<String> {
    let mut words = lexicon_words(text);
    let (at, len) = BOT_QUESTIONS.iter().find_map(|p| phrase_at(&words, p))?;
    words.drain(at..at + len);
    Some(words.join(" "))
}

/// Where `phrase` first occurs in `words`: its start and its length in words.
fn phrase_at(words: &[String], phrase: &str) -> Option<(usize, usize)> {
    let len = phrase.split(' ').count();
    let at = words
        .windows(len)
        .position(|window| matches_phrase(window, phrase))?;
    Some((at, len))
}

/// Whether `text` explicitly asks for a person, in any supported language.
pub fn asks_for_human(text: &str) -> bool {
    let mut words = lexicon_words(text);
    for phrase in NOT_A_PERSON {
        while let Some((at, len)) = phrase_at(&words, phrase) {
            words.drain(at..at + len);
        }
    }
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
            "devo cambiare il numero, ho cambiato operatore",
            "j'ai changé d'opérateur, nouveau numéro",
            "",
        ] {
            assert!(!asks_for_human(text), "{text}");
        }
    }

    #[test]
    fn asking_whether_the_assistant_is_a_bot_is_a_question_not_a_request() {
        for (text, rest) in [
            (
                "Bonjour, est-ce que je parle à un robot ?",
                "bonjour est ce que",
            ),
            ("are you a real person?", ""),
            ("bist du ein Mensch oder ein Bot?", "oder ein bot"),
            ("czy rozmawiam z botem?", "czy"),
        ] {
            assert_eq!(asks_if_bot(text).as_deref(), Some(rest), "{text}");
        }
        assert!(asks_if_bot("I want a human").is_none());
        // The rest still asks for a person: that request wins in the engine.
        let rest = asks_if_bot("are you a bot? I want a real person").unwrap_or_default();
        assert!(asks_for_human(&rest));
    }
}
