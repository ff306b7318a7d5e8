//! When a person takes over — decided in code, before any flow, never by a model.
//!
//! Triggers: the customer asks for a person (the classifier's `human_agent`, backed by a lexicon in
//! every language), frustration (insults, profanity, "useless", shouting), loops (messages not
//! understood twice in a row, the same errand failing twice), sensitive topics (fraud, hardship,
//! complaints), requests beyond policy, and a customer declining the bot's proposals twice.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandoffReason {
    Requested,
    Frustration,
    NotUnderstood,
    ErrandFailed,
    Fraud,
    Hardship,
    Complaint,
    Dispute,
    BeyondPolicy,
    Refusals,
    TurnLimit,
}

impl HandoffReason {
    pub fn as_str(self) -> &'static str {
        match self {
            HandoffReason::Requested => "requested",
            HandoffReason::Frustration => "frustration",
            HandoffReason::NotUnderstood => "not_understood",
            HandoffReason::ErrandFailed => "errand_failed",
            HandoffReason::Fraud => "fraud",
            HandoffReason::Hardship => "hardship",
            HandoffReason::Complaint => "complaint",
            HandoffReason::Dispute => "dispute",
            HandoffReason::BeyondPolicy => "beyond_policy",
            HandoffReason::Refusals => "refusals",
            HandoffReason::TurnLimit => "turn_limit",
        }
    }

    /// The human queue this reason goes to.
    pub fn queue(self) -> &'static str {
        match self {
            HandoffReason::Fraud => "fraud",
            HandoffReason::Hardship => "hardship",
            HandoffReason::Complaint => "complaints",
            HandoffReason::Dispute => "disputes",
            HandoffReason::BeyondPolicy | HandoffReason::ErrandFailed => "payments",
            HandoffReason::Requested
            | HandoffReason::Frustration
            | HandoffReason::NotUnderstood
            | HandoffReason::Refusals
            | HandoffReason::TurnLimit => "general",
        }
    }
}

/// Words of frustration, insult or profanity in the supported languages, lowercase, without
/// diacritics (matched against a folded copy of the message, as whole words or prefixes with `*`).
const FRUSTRATION: &[&str] = &[
    // en
    "useless",
    "stupid",
    "idiot*",
    "fuck*",
    "shit*",
    "crap",
    "wtf",
    "ridiculous",
    "pathetic",
    "terrible",
    "worst",
    "hopeless",
    "damn*",
    "bullshit",
    "annoying",
    "rubbish",
    "garbage",
    "unacceptable",
    "outrageous",
    "absurd*",
    "furious",
    // sv
    "vardelos*",
    "javla",
    "javl*",
    "skit*",
    "satan",
    "korkad",
    "uselt",
    "skandal*",
    "oacceptabel*",
    "bedrovlig*",
    // nb / da
    "ubrukelig",
    "elendig",
    "faen",
    "helvete",
    "drit*",
    "forbanna",
    "ubrugelig",
    "lort*",
    "pis",
    "latterlig*",
    "haplos*",
    "uakseptabel*",
    "uacceptabel*",
    "irriterende",
    // fi
    "perkele",
    "vittu*",
    "paska*",
    "hyodyton",
    "surkea",
    "arsyttaa",
    "naurettav*",
    "turhauttav*",
    "kamala*",
    // de
    "nutzlos",
    "scheiss*",
    "verdammt*",
    "bescheuert",
    "unfahig",
    "dumm",
    "nervig*",
    "nervt*",
    "saulad*",
    "frechheit",
    "unverschamt*",
    "katastroph*",
    "lacherlich*",
    // nl
    "nutteloos",
    "kut",
    "waardeloos",
    "belachelijk",
    "godverdomme",
    "irritant",
    "schandalig",
    "bespottelijk",
    "klote*",
    // pl
    "bezuzyteczny",
    "kurwa*",
    "cholera",
    "beznadziejn*",
    "glupi",
    "wkurza*",
    "wkurw*",
    "zenujac*",
    "porazka",
    // fr
    "merde",
    "putain",
    "debile",
    "inadmissible",
    "honteux",
    "lamentable",
    // es
    "inutil",
    "mierda",
    "joder",
    "estupido",
    "porqueria",
    "harto",
    "harta",
    "vergonzos*",
    "indignante",
    "inaceptable",
    // it
    "inutile",
    "cazzo",
    "merda",
    "schifo",
    "stupido",
    "inutil*",
    "stufo",
    "assurd*",
    "vergogn*",
    "ridicol*",
    "pessim*",
];

/// Frustration phrases where a single word would be ambiguous across languages (French "nul" is
/// "rubbish", Dutch and Danish "nul" is "zero").
const FRUSTRATION_PHRASES: &[&str] = &[
    "est nul",
    "trop nul",
    "vraiment nul",
    "c'est nul",
    "bot nul",
    "fed up",
    "sick of",
    "trott pa",
    "lei av",
    "trat af",
    "schnauze voll",
    "die nase voll",
    "mam dosc",
    "ras le bol",
    "en ai marre",
    "importe quoi",
    "hasta las narices",
    "ne ho abbastanza",
    "ben het zat",
];

/// Lowercases and strips diacritics so "VÄRDELÖS" and "vardelos" compare equal.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'á' | 'à' | 'â' | 'ä' | 'å' | 'ã' | 'ą' | 'æ' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ę' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'ø' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' | 'ć' => 'c',
            'ñ' | 'ń' => 'n',
            'ł' => 'l',
            'ś' | 'š' => 's',
            'ż' | 'ź' | 'ž' => 'z',
            'ß' => {
                out.push_str("ss");
                continue;
            }
            other => other,
        };
        out.push(folded);
    }
    out
}

/// "Never mind" said with a swear word ("nei, drit i det", "skit i det"): letting go, not anger.
const NEVER_MIND: [&str; 10] = [
    "drit i det",
    "drit i dette",
    "driter i det",
    "skit i det",
    "skiter i det",
    "skiter jag i det",
    "driter jeg i det",
    "skit samma",
    "pyt med det",
    // French "too bad" (not the Danish swear word).
    "tant pis",
];

/// Whether the message shows frustration: a word from the lexicon, or shouting (a long message
/// mostly in capitals).
pub fn is_frustrated(text: &str) -> bool {
    let mut folded = fold(text);
    for idiom in NEVER_MIND {
        folded = folded.replace(idiom, " ");
    }
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let lexicon_hit = words.iter().any(|w| {
        FRUSTRATION.iter().any(|f| match f.strip_suffix('*') {
            Some(prefix) => w.starts_with(prefix),
            None => w == f,
        })
    });
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    let shouting = letters.len() >= 12 && upper * 10 >= letters.len() * 8;
    let phrase_hit = FRUSTRATION_PHRASES.iter().any(|p| folded.contains(p));
    lexicon_hit || phrase_hit || shouting
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_mind_with_a_swear_word_is_not_frustration() {
        assert!(!is_frustrated("nei, drit i det"));
        assert!(!is_frustrated("skit i det, tack"));
        assert!(!is_frustrated(
            "nä då skiter jag i det, betalar som vanligt"
        ));
        assert!(!is_frustrated(
            "ok tant pis, dites-moi au moins ma prochaine échéance"
        ));
        assert!(is_frustrated("pis og lort"));
        assert!(is_frustrated("for en dritt tjeneste"));
    }

    #[test]
    fn insults_profanity_and_shouting_count_as_frustration_in_many_languages() {
        for text in [
            "this bot is useless",
            "du är VÄRDELÖS",
            "das ist doch scheiße",
            "kurwa, znowu to samo",
            "c'est nul",
            "WHERE IS MY MONEY I PAID ALREADY",
            "perkele, taas",
        ] {
            assert!(is_frustrated(text), "{text}");
        }
    }

    #[test]
    fn being_fed_up_counts_as_frustration_in_every_language() {
        for text in [
            "I'm fed up with this",
            "jag är så trött på er",
            "jeg er lei av dette",
            "jeg er træt af jer",
            "tämä on naurettavaa",
            "langsam nervt es echt",
            "ik ben het zat",
            "mam dość tego",
            "j'en ai marre",
            "estoy harto de esto",
            "sono stufo, siete inutili",
        ] {
            assert!(is_frustrated(text), "{text}");
        }
    }

    #[test]
    fn ordinary_messages_are_not_frustration() {
        for text in [
            "when is my next payment?",
            "hej, var är min order",
            "OK",
            "Zalando IKEA H&M",
            "scheduled",
        ] {
            assert!(!is_frustrated(text), "{text}");
        }
    }

    #[test]
    fn sensitive_reasons_go_to_their_own_queues() {
        assert_eq!(HandoffReason::Fraud.queue(), "fraud");
        assert_eq!(HandoffReason::Hardship.queue(), "hardship");
        assert_eq!(HandoffReason::Requested.queue(), "general");
    }
}
