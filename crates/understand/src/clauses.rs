//! Where one message may hold two requests: "where is my fridge and when is my next payment?",
//! "nytt bankkort + vill flytta betalningen".
//!
//! The classifier gives one label per message, so a message with two errands loses one of them.
//! This module only says where a message could be cut — after a question mark or a full stop, at
//! a comma, a plus or a semicolon, and before a joining word of the customer's language ("and",
//! "und", "og", "ja", "oraz", …). Whether a cut really separates two errands is for the caller to
//! decide, by classifying both sides.

use crate::Lang;

/// Words that join two requests, per language (lower case, as typed and without diacritics), and
/// words that turn to another matter ("anyway", "comunque", "trouwens").
fn joiners(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "and", "also", "plus", "then", "besides", "anyway", "anyways", "btw",
        ],
        Lang::De => &[
            "und",
            "außerdem",
            "ausserdem",
            "sowie",
            "dann",
            "zudem",
            "übrigens",
            "uebrigens",
            "jedenfalls",
        ],
        Lang::Fr => &["et", "puis", "ensuite", "aussi", "sinon", "bref"],
        Lang::Es => &["y", "también", "tambien", "además", "ademas", "luego"],
        Lang::It => &["e", "ed", "poi", "anche", "inoltre", "comunque", "cmq"],
        Lang::Nl => &[
            "en",
            "ook",
            "daarna",
            "verder",
            "plus",
            "trouwens",
            "overigens",
            "anyway",
        ],
        Lang::Sv => &[
            "och",
            "även",
            "samt",
            "sedan",
            "plus",
            "förresten",
            "annars",
        ],
        Lang::Nb => &[
            "og",
            "også",
            "samt",
            "deretter",
            "forresten",
            "ellers",
            "uansett",
        ],
        Lang::Da => &[
            "og",
            "også",
            "samt",
            "derefter",
            "forresten",
            "ellers",
            "iøvrigt",
        ],
        Lang::Fi => &[
            "ja", "sekä", "myös", "lisäksi", "sitten", "muuten", "anyway",
        ],
        Lang::Pl => &[
            "i", "oraz", "także", "takze", "potem", "zresztą", "zreszta", "btw",
        ],
    }
}

/// Pronouns that point back to something said before ("pay *it* out", "comment *ça* se
/// passe ?"): a part of a message with one of them leans on the other part and is not a request
/// of its own. Only words that are pronouns and nothing else: articles that double as pronouns
/// ("la", "det", "het") would hide real second requests ("changer la carte").
fn pronouns(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["it", "them"],
        Lang::De => &["dies", "ihn", "ihm", "damit", "dafür", "dafur", "davon"],
        Lang::Fr => &["ça", "ca", "cela"],
        Lang::Es => &["eso", "esto", "ello"],
        Lang::It => &["ciò", "cio"],
        Lang::Nl => &["ervan", "daarvan", "hiervan"],
        Lang::Sv => &["dem", "detta"],
        Lang::Nb | Lang::Da => &["dem"],
        Lang::Fi => &["sitä", "sita", "siitä", "siita", "niitä", "niita", "sen"],
        Lang::Pl => &["ją", "go", "tego"],
    }
}

/// Words that are pronouns when they end a part ("ta bort *den*", "mach *das*", "zrób *to*"),
/// though elsewhere they are often articles or fillers.
fn last_word_pronouns(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["that", "this", "one"],
        Lang::De => &["es", "das", "den", "sie"],
        Lang::Fr => &["le", "la", "les", "en", "y"],
        Lang::Es => &["lo", "la", "los", "las"],
        Lang::It => &["lo", "la", "li", "le", "questo", "quello"],
        Lang::Nl => &["het", "dat", "dit", "die", "ze", "hem"],
        Lang::Sv => &["den", "det", "denna"],
        Lang::Nb | Lang::Da => &["den", "det", "dette", "denne", "de"],
        Lang::Fi => &["se", "ne", "tämä", "tama", "tätä", "tata"],
        Lang::Pl => &["to", "je", "tym"],
    }
}

/// Words that open a contrast ("…says delivered, *but* I got nothing"): what follows is the same
/// request told further, not another one.
fn contrasts(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["but", "though", "however"],
        Lang::De => &["aber", "doch", "jedoch"],
        Lang::Fr => &["mais", "pourtant"],
        Lang::Es => &["pero", "sin"],
        Lang::It => &["ma", "però", "pero"],
        Lang::Nl => &["maar", "toch"],
        Lang::Sv => &["men", "fast"],
        Lang::Nb | Lang::Da => &["men"],
        Lang::Fi => &["mutta", "vaikka"],
        Lang::Pl => &["ale", "lecz", "jednak"],
    }
}

/// Words that negate what follows ("…the next installment, *not* the whole sum"): a part that
/// opens with one says what the customer does *not* want.
fn negations(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "not", "no", "never", "don", "dont", "hasn", "hasnt", "didn", "didnt", "isn", "isnt",
            "wasn", "wasnt", "haven", "havent", "nothing",
        ],
        Lang::De => &["nicht", "kein", "keine", "keinen", "nie"],
        Lang::Fr => &["pas", "non", "ne", "jamais"],
        Lang::Es => &["no", "nunca", "ni"],
        Lang::It => &["non", "mai", "né", "ne"],
        Lang::Nl => &["niet", "geen", "nooit"],
        Lang::Sv => &["inte", "ej", "ingen", "inget", "aldrig"],
        Lang::Nb => &["ikke", "ikkje", "ingen", "aldri"],
        Lang::Da => &["ikke", "ingen", "aldrig"],
        Lang::Fi => &["en", "ei", "älä", "ala", "eikä", "eika"],
        Lang::Pl => &["nie", "bez"],
    }
}

fn words(part: &str) -> impl Iterator<Item = String> + '_ {
    part.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Whether `part`, written in `lang`, refers back to something said before it.
pub fn refers_back(part: &str, lang: Lang) -> bool {
    let pronouns = pronouns(lang);
    words(part).any(|w| pronouns.contains(&w.as_str()))
        || words(part)
            .last()
            .is_some_and(|w| last_word_pronouns(lang).contains(&w.as_str()))
}

/// Whether `part` opens with a contrast ("but …") or a negation ("not the whole sum"): it
/// qualifies what came before rather than asking for something new.
pub fn continues(part: &str, lang: Lang) -> bool {
    words(part).next().is_some_and(|w| {
        contrasts(lang).contains(&w.as_str()) || negations(lang).contains(&w.as_str())
    })
}

/// Whether `text`, written in `lang`, says "not" anywhere ("hasn't arrived", "ist nicht da").
pub fn negated(text: &str, lang: Lang) -> bool {
    words(text).any(|w| negations(lang).contains(&w.as_str()))
}

/// A place where `text` could be cut in two: the first part ends at byte `left_end`, the second
/// starts at byte `right_start` (after the punctuation or joining word).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cut {
    pub left_end: usize,
    pub right_start: usize,
}

impl Cut {
    /// The two sides of `text`, trimmed.
    pub fn sides<'a>(&self, text: &'a str) -> (&'a str, &'a str) {
        let left = text.get(..self.left_end).unwrap_or_default();
        let right = text.get(self.right_start..).unwrap_or_default();
        (left.trim(), right.trim())
    }
}

/// The places where `text`, written in `lang`, could be cut into two requests, in text order.
pub fn cuts(text: &str, lang: Lang) -> Vec<Cut> {
    let mut cuts = Vec::new();
    let joiners = joiners(lang);
    let mut word_start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() || c == '-' || c == '\'' {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            push_joiner(&mut cuts, text, start, i, joiners);
        }
        let next = chars.peek().map(|&(_, n)| n);
        let after_digit = text
            .get(..i)
            .and_then(|before| before.chars().next_back())
            .is_some_and(|p| p.is_ascii_digit());
        let ends_clause = match c {
            '?' | '!' | ';' | '+' => true,
            // "raccontami una barzelletta 😂 comunque vorrei saldare": an emoji ends a clause.
            c if is_emoji(c) => true,
            // "22.06", "1.196,00" and "4,5" are numbers, and "20.3. erääntyvä", "5. mai" dates,
            // not the end of a clause.
            '.' => next.is_none_or(char::is_whitespace) && !after_digit,
            ',' => next.is_none_or(char::is_whitespace),
            _ => false,
        };
        if ends_clause {
            cuts.push(Cut {
                left_end: i,
                right_start: i + c.len_utf8(),
            });
        }
    }
    if let Some(start) = word_start {
        push_joiner(&mut cuts, text, start, text.len(), joiners);
    }
    cuts
}

/// Pictographs and the symbol blocks emoji come from.
fn is_emoji(c: char) -> bool {
    let c = u32::from(c);
    (0x1F300..=0x1FAFF).contains(&c) || (0x2600..=0x27BF).contains(&c)
}

fn push_joiner(cuts: &mut Vec<Cut>, text: &str, start: usize, end: usize, joiners: &[&str]) {
    let word = text.get(start..end).unwrap_or_default().to_lowercase();
    if start > 0 && joiners.contains(&word.as_str()) {
        cuts.push(Cut {
            left_end: start,
            right_start: end,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sides(text: &str, lang: Lang) -> Vec<(String, String)> {
        cuts(text, lang)
            .iter()
            .map(|c| {
                let (l, r) = c.sides(text);
                (l.to_owned(), r.to_owned())
            })
            .collect()
    }

    #[test]
    fn a_joining_word_of_the_language_is_a_cut() {
        let found = sides("where is my fridge and when do I pay next", Lang::En);
        assert_eq!(
            found,
            vec![("where is my fridge".into(), "when do I pay next".into())]
        );
    }

    #[test]
    fn another_languages_joining_word_is_not_a_cut() {
        // "ja" joins in Finnish but is a yes in Swedish.
        assert!(cuts("ja tack jag vill betala", Lang::Sv).is_empty());
        assert_eq!(cuts("maksu ja saldo", Lang::Fi).len(), 1);
    }

    #[test]
    fn question_marks_and_plus_are_cuts_but_numbers_are_not() {
        let found = sides("flytta till 22.06 + saldo?", Lang::Sv);
        assert_eq!(
            found,
            vec![
                ("flytta till 22.06".into(), "saldo?".into()),
                ("flytta till 22.06 + saldo".into(), String::new()),
            ]
        );
    }

    #[test]
    fn a_part_with_a_pronoun_refers_back() {
        assert!(refers_back("please pay it out", Lang::En));
        assert!(refers_back("comment ça se passe", Lang::Fr));
        assert!(!refers_back("changer la carte enregistrée", Lang::Fr));
        assert!(refers_back("ta bort den", Lang::Sv));
        assert!(!refers_back("den sista betalningen", Lang::Sv));
        assert!(!refers_back("when is my next payment", Lang::En));
        assert!(!refers_back("ile mi jeszcze zostało do spłaty?", Lang::Pl));
    }

    #[test]
    fn a_part_that_opens_with_but_or_not_continues() {
        assert!(continues("aber ich hab nichts bekommen", Lang::De));
        assert!(!continues("und wann zahle ich", Lang::De));
        assert!(continues("en koko summaa", Lang::Fi));
        assert!(continues("not the whole amount", Lang::En));
    }

    #[test]
    fn a_date_with_a_full_stop_is_not_a_cut() {
        assert!(cuts("maksaisin 20.3. erääntyvän erän jo tänään", Lang::Fi).is_empty());
        assert!(cuts("flytt den til 5. mai takk", Lang::Nb).is_empty());
    }

    #[test]
    fn an_emoji_and_a_word_that_turns_to_another_matter_are_cuts() {
        let text = "raccontami una barzelletta 😂 comunque vorrei saldare il piano";
        let found = sides(text, Lang::It);
        assert_eq!(
            found.first().map(|(l, _)| l.as_str()),
            Some("raccontami una barzelletta")
        );
        assert!(found.iter().any(|(_, r)| r == "vorrei saldare il piano"));
    }

    #[test]
    fn a_message_that_starts_with_a_joining_word_has_no_cut_there() {
        assert!(cuts("and the other one", Lang::En).is_empty());
    }
}
