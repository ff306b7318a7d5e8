//! Relative date words per language: fixed expressions ("tomorrow", "i övermorgen", "la semaine
//! prochaine"), the parts of "in N days/weeks/months" ("om två veckor", "in 3 Tagen",
//! "dans 3 jours", "za tydzień", "kahden viikon päästä"), of spans to move something by ("by 2
//! months", "um zwei Wochen", "o miesiąc") and of a month's end ("end of May", "Ende Mai",
//! "toukokuun lopussa"). Words are diacritic-folded.

use crate::lang::Lang;

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
}

/// The relative-date vocabulary of one language.
#[derive(Debug)]
pub(super) struct Words {
    /// Fixed phrases: (words, count, unit), e.g. ("next week", 1, Week).
    pub fixed: &'static [(&'static str, i64, Unit)],
    /// Words that must not precede a fixed phrase ("guten" Morgen is a greeting, not tomorrow).
    pub not_after: &'static [&'static str],
    /// Words before "N units" ("in", "om", "za"); may be several words ("dentro de").
    pub before: &'static [&'static str],
    /// Words after "N units" (Finnish "päästä").
    pub after: &'static [&'static str],
    /// Unit words.
    pub units: &'static [(&'static str, Unit)],
    /// Number words.
    pub numbers: &'static [(&'static str, i64)],
    /// Words before "N units" that make it a span to move something by ("by", "um", "o", "di").
    pub span_before: &'static [&'static str],
    /// Words right before a bare "N units" that make it no span ("every", "vor", "hace").
    pub span_not_before: &'static [&'static str],
    /// Words right after "N units" that make it no span ("ago", "plan").
    pub span_not_after: &'static [&'static str],
    /// Words right after a bare unit that make it a span ("a week forward": "viikon eteenpäin",
    /// "en vecka framåt").
    pub span_after: &'static [&'static str],
    /// Units that are a span on their own, by their case ending (Finnish "viikolla", by a week).
    pub span_alone: &'static [&'static str],
    /// Phrases before a month name that mean its end ("end of", "Ende", "slutet av").
    pub month_end_before: &'static [&'static str],
    /// Words after a month name that mean its end (Finnish "toukokuun lopussa").
    pub month_end_after: &'static [&'static str],
}

use Unit::{Day, Month, Week};

const EN: Words = Words {
    fixed: &[
        ("day after tomorrow", 2, Day), ("today", 0, Day), ("tonight", 0, Day),
        ("tomorrow", 1, Day), ("tmrw", 1, Day), ("yesterday", -1, Day), ("next week", 1, Week),
        ("next month", 1, Month),
    ],
    not_after: &[],
    before: &["in"],
    after: &[],
    units: &[
        ("day", Day), ("days", Day), ("week", Week), ("weeks", Week), ("month", Month),
        ("months", Month),
    ],
    numbers: &[
        ("a", 1), ("an", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5),
        ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10),
    ],
    span_before: &["by", "for"],
    span_not_before: &["every", "each", "last", "past", "first", "once", "twice", "per"],
    span_not_after: &["ago", "plan", "plans", "financing", "loan", "term"],
    span_after: &["forward", "later", "on"],
    span_alone: &[],
    month_end_before: &["end of"],
    month_end_after: &[],
};

const SV: Words = Words {
    fixed: &[
        ("i overmorgon", 2, Day), ("overmorgon", 2, Day), ("i dag", 0, Day), ("idag", 0, Day),
        ("i morgon", 1, Day), ("imorgon", 1, Day), ("i gar", -1, Day), ("igar", -1, Day),
        ("nasta vecka", 1, Week), ("nasta manad", 1, Month),
    ],
    not_after: &[],
    before: &["om"],
    after: &[],
    units: &[
        ("dag", Day), ("dagar", Day), ("vecka", Week), ("veckor", Week), ("manad", Month),
        ("manader", Month),
    ],
    numbers: &[
        ("en", 1), ("ett", 1), ("tva", 2), ("tre", 3), ("fyra", 4), ("fem", 5), ("sex", 6),
        ("sju", 7), ("atta", 8), ("nio", 9), ("tio", 10),
    ],
    span_before: &["med"],
    span_not_before: &["varje", "senaste", "forsta"],
    span_not_after: &["sedan", "sen", "plan", "planen", "avbetalning", "lan", "lanet"],
    span_after: &["framat", "fram", "senare"],
    span_alone: &[],
    month_end_before: &["slutet av", "slutet pa"],
    month_end_after: &[],
};

const NB: Words = Words {
    fixed: &[
        ("i overmorgen", 2, Day), ("i dag", 0, Day), ("idag", 0, Day), ("i morgen", 1, Day),
        ("imorgen", 1, Day), ("i gar", -1, Day), ("igar", -1, Day), ("neste uke", 1, Week),
        ("neste maned", 1, Month),
    ],
    not_after: &[],
    before: &["om"],
    after: &[],
    units: &[
        ("dag", Day), ("dager", Day), ("uke", Week), ("uker", Week), ("maned", Month),
        ("maneder", Month),
    ],
    numbers: &[
        ("en", 1), ("ett", 1), ("to", 2), ("tre", 3), ("fire", 4), ("fem", 5), ("seks", 6),
        ("sju", 7), ("syv", 7), ("atte", 8), ("ni", 9), ("ti", 10),
    ],
    span_before: &["med"],
    span_not_before: &["hver", "siste", "forste"],
    span_not_after: &["siden", "plan", "planen", "nedbetaling", "lan", "lanet"],
    span_after: &["fremover", "frem", "senere"],
    span_alone: &[],
    month_end_before: &["slutten av", "slutten pa", "utgangen av"],
    month_end_after: &[],
};

const DA: Words = Words {
    fixed: &[
        ("i overmorgen", 2, Day), ("i dag", 0, Day), ("idag", 0, Day), ("i morgen", 1, Day),
        ("imorgen", 1, Day), ("i gar", -1, Day), ("igar", -1, Day), ("naeste uge", 1, Week),
        ("naeste maned", 1, Month),
    ],
    not_after: &[],
    before: &["om"],
    after: &[],
    units: &[
        ("dag", Day), ("dage", Day), ("uge", Week), ("uger", Week), ("maned", Month),
        ("maneder", Month),
    ],
    numbers: &[
        ("en", 1), ("et", 1), ("to", 2), ("tre", 3), ("fire", 4), ("fem", 5), ("seks", 6),
        ("syv", 7), ("otte", 8), ("ni", 9), ("ti", 10),
    ],
    span_before: &["med"],
    span_not_before: &["hver", "sidste", "forste"],
    span_not_after: &["siden", "plan", "planen", "afbetaling", "lan", "lanet"],
    span_after: &["frem", "fremad", "senere"],
    span_alone: &[],
    month_end_before: &["slutningen af", "slutningen pa", "udgangen af", "sidst i"],
    month_end_after: &[],
};

const FI: Words = Words {
    fixed: &[
        ("ylihuomenna", 2, Day), ("tanaan", 0, Day), ("huomenna", 1, Day), ("eilen", -1, Day),
        ("ensi viikolla", 1, Week), ("ensi kuussa", 1, Month),
    ],
    not_after: &[],
    before: &[],
    after: &["paasta", "kuluttua", "paahan"],
    units: &[
        ("paivan", Day), ("paivaa", Day), ("paivalla", Day), ("viikon", Week), ("viikkoa", Week),
        ("viikolla", Week), ("kuukauden", Month), ("kuukautta", Month), ("kuukaudella", Month),
    ],
    numbers: &[
        ("yhden", 1), ("kahden", 2), ("kaksi", 2), ("kolmen", 3), ("kolme", 3), ("neljan", 4),
        ("nelja", 4), ("viiden", 5), ("viisi", 5), ("kuuden", 6), ("seitseman", 7),
        ("kahdeksan", 8), ("yhdeksan", 9), ("kymmenen", 10), ("yhdella", 1), ("kahdella", 2),
        ("kolmella", 3), ("neljalla", 4), ("viidella", 5), ("kuudella", 6), ("kymmenella", 10),
    ],
    span_before: &[],
    span_not_before: &["joka", "viimeiset", "ensimmaiset", "talla", "ensi", "viime", "samalla"],
    span_not_after: &["sitten", "rahoitus", "rahoitusta", "laina", "lainaa", "suunnitelma"],
    span_after: &["eteenpain", "myohemmaksi", "myohemmin"],
    span_alone: &["viikolla", "paivalla", "kuukaudella"],
    month_end_before: &[],
    month_end_after: &["lopussa", "loppuun", "lopulla"],
};

const DE: Words = Words {
    fixed: &[
        ("ubermorgen", 2, Day), ("heute", 0, Day), ("morgen", 1, Day), ("gestern", -1, Day),
        ("nachste woche", 1, Week), ("nachsten woche", 1, Week), ("nachsten monat", 1, Month),
        ("nachster monat", 1, Month),
    ],
    not_after: &["guten", "am", "jeden", "heute", "schonen"],
    before: &["in"],
    after: &[],
    units: &[
        ("tag", Day), ("tagen", Day), ("tage", Day), ("woche", Week), ("wochen", Week),
        ("monat", Month), ("monate", Month), ("monaten", Month),
    ],
    numbers: &[
        ("ein", 1), ("eine", 1), ("einer", 1), ("einem", 1), ("einen", 1), ("zwei", 2),
        ("drei", 3), ("vier", 4), ("funf", 5), ("sechs", 6), ("sieben", 7), ("acht", 8),
        ("neun", 9), ("zehn", 10),
    ],
    span_before: &["um"],
    span_not_before: &["vor", "alle", "seit", "letzten", "ersten"],
    span_not_after: &["plan", "ratenplan", "finanzierung", "kredit", "laufzeit"],
    span_after: &["weiter", "spater", "spaeter", "nach", "nachhinten"],
    span_alone: &[],
    month_end_before: &["ende"],
    month_end_after: &[],
};

const NL: Words = Words {
    fixed: &[
        ("overmorgen", 2, Day), ("vandaag", 0, Day), ("morgen", 1, Day), ("gisteren", -1, Day),
        ("volgende week", 1, Week), ("volgende maand", 1, Month),
    ],
    not_after: &["goede", "goeie", "deze", "elke"],
    before: &["over", "binnen"],
    after: &[],
    units: &[
        ("dag", Day), ("dagen", Day), ("week", Week), ("weken", Week), ("maand", Month),
        ("maanden", Month),
    ],
    numbers: &[
        ("een", 1), ("twee", 2), ("drie", 3), ("vier", 4), ("vijf", 5), ("zes", 6), ("zeven", 7),
        ("acht", 8), ("negen", 9), ("tien", 10),
    ],
    span_before: &["met"],
    span_not_before: &["elke", "iedere", "afgelopen", "sinds", "eerste"],
    span_not_after: &["geleden", "plan", "financiering", "lening"],
    span_after: &["verder", "later", "op"],
    span_alone: &[],
    month_end_before: &["eind van", "einde van", "eind", "einde"],
    month_end_after: &[],
};

const PL: Words = Words {
    fixed: &[
        ("pojutrze", 2, Day), ("dzisiaj", 0, Day), ("dzis", 0, Day), ("jutro", 1, Day),
        ("wczoraj", -1, Day), ("w przyszlym tygodniu", 1, Week),
        ("w przyszlym miesiacu", 1, Month),
    ],
    not_after: &[],
    before: &["za"],
    after: &[],
    units: &[
        ("dzien", Day), ("dni", Day), ("dnia", Day), ("tydzien", Week), ("tygodnie", Week),
        ("tygodni", Week), ("miesiac", Month), ("miesiace", Month), ("miesiecy", Month),
    ],
    numbers: &[
        ("jeden", 1), ("jedna", 1), ("dwa", 2), ("dwie", 2), ("trzy", 3), ("cztery", 4),
        ("piec", 5), ("szesc", 6), ("siedem", 7), ("osiem", 8), ("dziewiec", 9), ("dziesiec", 10),
    ],
    span_before: &["o"],
    span_not_before: &["co", "od", "ostatnie", "pierwsze"],
    span_not_after: &["temu", "plan", "kredyt", "finansowanie", "raty"],
    span_after: &["dalej", "pozniej"],
    span_alone: &[],
    month_end_before: &["koniec", "konca", "koncem"],
    month_end_after: &[],
};

const FR: Words = Words {
    fixed: &[
        ("apresdemain", 2, Day), ("apres demain", 2, Day), ("aujourdhui", 0, Day),
        ("demain", 1, Day), ("hier", -1, Day), ("la semaine prochaine", 1, Week),
        ("semaine prochaine", 1, Week), ("le mois prochain", 1, Month),
        ("mois prochain", 1, Month),
    ],
    not_after: &[],
    before: &["dans"],
    after: &[],
    units: &[("jour", Day), ("jours", Day), ("semaine", Week), ("semaines", Week), ("mois", Month)],
    numbers: &[
        ("un", 1), ("une", 1), ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5), ("six", 6),
        ("sept", 7), ("huit", 8), ("neuf", 9), ("dix", 10),
    ],
    span_before: &["de"],
    span_not_before: &["a", "depuis", "tous", "chaque", "derniers", "premiers"],
    span_not_after: &["plan", "financement", "credit", "pret"],
    span_after: &["plus", "apres"],
    span_alone: &[],
    month_end_before: &["fin du mois de", "fin de", "fin"],
    month_end_after: &[],
};

const ES: Words = Words {
    fixed: &[
        ("pasado manana", 2, Day), ("hoy", 0, Day), ("manana", 1, Day), ("ayer", -1, Day),
        ("la proxima semana", 1, Week), ("proxima semana", 1, Week),
        ("la semana que viene", 1, Week), ("el mes que viene", 1, Month),
        ("el proximo mes", 1, Month),
    ],
    not_after: &["la", "esta", "por", "cada"],
    before: &["en", "dentro de"],
    after: &[],
    units: &[
        ("dia", Day), ("dias", Day), ("semana", Week), ("semanas", Week), ("mes", Month),
        ("meses", Month),
    ],
    numbers: &[
        ("un", 1), ("una", 1), ("uno", 1), ("dos", 2), ("tres", 3), ("cuatro", 4), ("cinco", 5),
        ("seis", 6), ("siete", 7), ("ocho", 8), ("nueve", 9), ("diez", 10),
    ],
    span_before: &["por"],
    span_not_before: &["hace", "cada", "desde", "ultimos", "primeros"],
    span_not_after: &["plan", "financiacion", "credito", "prestamo"],
    span_after: &["mas", "despues", "adelante"],
    span_alone: &[],
    month_end_before: &["finales de", "final de", "fines de", "fin de"],
    month_end_after: &[],
};

const IT: Words = Words {
    fixed: &[
        ("dopodomani", 2, Day), ("oggi", 0, Day), ("domani", 1, Day), ("ieri", -1, Day),
        ("la prossima settimana", 1, Week), ("prossima settimana", 1, Week),
        ("settimana prossima", 1, Week), ("il mese prossimo", 1, Month),
        ("mese prossimo", 1, Month),
    ],
    not_after: &[],
    before: &["tra", "fra"],
    after: &[],
    units: &[
        ("giorno", Day), ("giorni", Day), ("settimana", Week), ("settimane", Week),
        ("mese", Month), ("mesi", Month),
    ],
    numbers: &[
        ("un", 1), ("una", 1), ("uno", 1), ("due", 2), ("tre", 3), ("quattro", 4), ("cinque", 5),
        ("sei", 6), ("sette", 7), ("otto", 8), ("nove", 9), ("dieci", 10),
    ],
    span_before: &["di", "per"],
    span_not_before: &["ogni", "da", "ultimi", "primi"],
    span_not_after: &["fa", "piano", "finanziamento", "prestito"],
    span_after: &["avanti", "dopo", "piu"],
    span_alone: &[],
    month_end_before: &["fine di", "fine"],
    month_end_after: &[],
};

/// The vocabulary of `lang`.
pub(super) fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Sv => &SV,
        Lang::Nb => &NB,
        Lang::Da => &DA,
        Lang::Fi => &FI,
        Lang::De => &DE,
        Lang::Nl => &NL,
        Lang::Pl => &PL,
        Lang::Fr => &FR,
        Lang::Es => &ES,
        Lang::It => &IT,
    }
}
