//! Which installment a message is about: "the second payment", "sista delbetalningen",
//! "die letzte Rate", "2nd installment". An ordinal counts only near an installment word, so
//! "the second time" or Norwegian "andre" (= other) alone mean nothing.

use super::Token;

/// An installment of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Installment {
    /// The n-th installment, from 1.
    Number(u8),
    /// The last one.
    Last,
    /// The next one due.
    Next,
}

/// Installment nouns (folded stems; a word matches when it starts with one).
const NOUNS: &[&str] = &[
    "payment",
    "installment",
    "instalment",
    "betalning",
    "delbetalning",
    "avbetalning",
    "faktura",
    "betaling",
    "avdrag",
    "afdrag",
    "delbetaling",
    "maksu",
    "era",
    "osamaksu",
    "rate",
    "zahlung",
    "teilzahlung",
    "termijn",
    "rata",
    "raty",
    "rate",
    "platnosc",
    "paiement",
    "echeance",
    "versement",
    "mensualite",
    "pago",
    "cuota",
    "plazo",
    "pagamento",
];

/// (folded stem, meaning). A word matches when it starts with the stem and is at most three
/// letters longer (inflection: "ersten", "drugą", "toisen").
const ORDINALS: &[(&str, Installment)] = &[
    ("first", Installment::Number(1)),
    ("1st", Installment::Number(1)),
    ("second", Installment::Number(2)),
    ("2nd", Installment::Number(2)),
    ("third", Installment::Number(3)),
    ("3rd", Installment::Number(3)),
    ("fourth", Installment::Number(4)),
    ("4th", Installment::Number(4)),
    ("last", Installment::Last),
    ("final", Installment::Last),
    ("next", Installment::Next),
    ("forsta", Installment::Number(1)),
    ("andra", Installment::Number(2)),
    ("tredje", Installment::Number(3)),
    ("fjarde", Installment::Number(4)),
    ("sista", Installment::Last),
    ("nasta", Installment::Next),
    ("forste", Installment::Number(1)),
    ("andre", Installment::Number(2)),
    ("anden", Installment::Number(2)),
    ("andet", Installment::Number(2)),
    ("fjerde", Installment::Number(4)),
    ("siste", Installment::Last),
    ("sidste", Installment::Last),
    ("neste", Installment::Next),
    ("naeste", Installment::Next),
    ("ensimmai", Installment::Number(1)),
    ("toinen", Installment::Number(2)),
    ("toisen", Installment::Number(2)),
    ("kolmas", Installment::Number(3)),
    ("kolmann", Installment::Number(3)),
    ("neljas", Installment::Number(4)),
    ("neljann", Installment::Number(4)),
    ("viimei", Installment::Last),
    ("seuraava", Installment::Next),
    ("erste", Installment::Number(1)),
    ("zweite", Installment::Number(2)),
    ("dritte", Installment::Number(3)),
    ("vierte", Installment::Number(4)),
    ("letzte", Installment::Last),
    ("nachste", Installment::Next),
    ("eerste", Installment::Number(1)),
    ("tweede", Installment::Number(2)),
    ("derde", Installment::Number(3)),
    ("vierde", Installment::Number(4)),
    ("laatste", Installment::Last),
    ("volgende", Installment::Next),
    ("pierwsz", Installment::Number(1)),
    ("drug", Installment::Number(2)),
    ("trzeci", Installment::Number(3)),
    ("czwart", Installment::Number(4)),
    ("ostatni", Installment::Last),
    ("nastepn", Installment::Next),
    ("premier", Installment::Number(1)),
    ("deuxieme", Installment::Number(2)),
    ("troisieme", Installment::Number(3)),
    ("quatrieme", Installment::Number(4)),
    ("dernier", Installment::Last),
    ("prochain", Installment::Next),
    ("primer", Installment::Number(1)),
    ("segund", Installment::Number(2)),
    ("tercer", Installment::Number(3)),
    ("cuart", Installment::Number(4)),
    ("ultim", Installment::Last),
    ("proxim", Installment::Next),
    ("prima", Installment::Number(1)),
    ("primo", Installment::Number(1)),
    ("seconda", Installment::Number(2)),
    ("terza", Installment::Number(3)),
    ("quarta", Installment::Number(4)),
    ("prossim", Installment::Next),
];

/// How many words an ordinal may be away from its noun ("die letzte offene Rate").
const WINDOW: usize = 3;

pub(super) fn extract(tokens: &[Token]) -> Option<Installment> {
    let nouns: Vec<usize> = (0..tokens.len())
        .filter(|&i| {
            tokens
                .get(i)
                .is_some_and(|t| NOUNS.iter().any(|n| t.word.starts_with(n)))
        })
        .collect();
    tokens.iter().enumerate().find_map(|(i, t)| {
        let meaning = ordinal(&t.word)?;
        nouns
            .iter()
            .any(|&n| n != i && n.abs_diff(i) <= WINDOW)
            .then_some(meaning)
    })
}

fn ordinal(word: &str) -> Option<Installment> {
    ORDINALS
        .iter()
        .filter(|(stem, _)| word.starts_with(stem) && word.len() <= stem.len() + 3)
        .max_by_key(|(stem, _)| stem.len())
        .map(|(_, meaning)| *meaning)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slots::tokenize;

    fn find(text: &str) -> Option<Installment> {
        extract(&tokenize(text))
    }

    #[test]
    fn installment_ordinals_in_several_languages() {
        assert_eq!(
            find("can I move the second payment?"),
            Some(Installment::Number(2))
        );
        assert_eq!(
            find("när dras sista delbetalningen"),
            Some(Installment::Last)
        );
        assert_eq!(find("Wann kommt die letzte Rate?"), Some(Installment::Last));
        assert_eq!(
            find("zapłacę drugą ratę jutro"),
            Some(Installment::Number(2))
        );
        assert_eq!(find("la dernière échéance"), Some(Installment::Last));
        assert_eq!(find("the 3rd installment"), Some(Installment::Number(3)));
    }

    #[test]
    fn ordinals_without_an_installment_word_mean_nothing() {
        assert_eq!(find("this is the second time I ask"), None);
        assert_eq!(find("jeg har andre spørsmål"), None);
    }
}
