//! Month and weekday names of the eleven languages, diacritics folded, as stems: a word names a
//! month when it starts with a stem and is at most a few letters longer (inflection: "grudnia",
//! "joulukuuta", "Dezember").

/// (stem, month number). Longer stems first where one stem is a prefix of another language's.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("januari", 1),
    ("januar", 1),
    ("janvier", 1),
    ("enero", 1),
    ("gennaio", 1),
    ("tammikuu", 1),
    ("styczen", 1),
    ("styczni", 1),
    ("jaenner", 1),
    ("jan", 1),
    ("february", 2),
    ("februari", 2),
    ("februar", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("helmikuu", 2),
    ("luty", 2),
    ("lutego", 2),
    ("feb", 2),
    ("march", 3),
    ("maart", 3),
    ("mars", 3),
    ("marts", 3),
    ("maerz", 3),
    ("marz", 3),
    ("marzo", 3),
    ("maaliskuu", 3),
    ("marzec", 3),
    ("marca", 3),
    ("mar", 3),
    ("april", 4),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("huhtikuu", 4),
    ("kwiecien", 4),
    ("kwietni", 4),
    ("apr", 4),
    ("may", 5),
    ("maj", 5),
    ("mai", 5),
    ("mei", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("toukokuu", 5),
    ("maja", 5),
    ("june", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("kesakuu", 6),
    ("czerwiec", 6),
    ("czerwca", 6),
    ("jun", 6),
    ("july", 7),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("luglio", 7),
    ("heinakuu", 7),
    ("lipiec", 7),
    ("lipca", 7),
    ("jul", 7),
    ("august", 8),
    ("augusti", 8),
    ("augustus", 8),
    ("aout", 8),
    ("agosto", 8),
    ("elokuu", 8),
    ("sierpien", 8),
    ("sierpni", 8),
    ("aug", 8),
    ("september", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("settembre", 9),
    ("syyskuu", 9),
    ("wrzesien", 9),
    ("wrzesni", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("lokakuu", 10),
    ("pazdziernik", 10),
    ("oct", 10),
    ("okt", 10),
    ("november", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("marraskuu", 11),
    ("listopad", 11),
    ("nov", 11),
    ("december", 12),
    ("desember", 12),
    ("dezember", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dicembre", 12),
    ("joulukuu", 12),
    ("grudzien", 12),
    ("grudni", 12),
    ("dec", 12),
    ("dez", 12),
];

/// (stem, weekday number from Monday = 0).
const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 0),
    ("mandag", 0),
    ("maandag", 0),
    ("maanantai", 0),
    ("montag", 0),
    ("poniedzial", 0),
    ("lundi", 0),
    ("lunes", 0),
    ("lunedi", 0),
    ("tuesday", 1),
    ("tisdag", 1),
    ("tirsdag", 1),
    ("dinsdag", 1),
    ("tiistai", 1),
    ("dienstag", 1),
    ("wtorek", 1),
    ("wtorku", 1),
    ("mardi", 1),
    ("martes", 1),
    ("martedi", 1),
    ("wednesday", 2),
    ("onsdag", 2),
    ("woensdag", 2),
    ("keskiviikko", 2),
    ("mittwoch", 2),
    ("sroda", 2),
    ("srode", 2),
    ("srody", 2),
    ("mercredi", 2),
    ("miercoles", 2),
    ("mercoledi", 2),
    ("thursday", 3),
    ("torsdag", 3),
    ("donderdag", 3),
    ("torstai", 3),
    ("donnerstag", 3),
    ("czwart", 3),
    ("jeudi", 3),
    ("jueves", 3),
    ("giovedi", 3),
    ("friday", 4),
    ("fredag", 4),
    ("vrijdag", 4),
    ("perjantai", 4),
    ("freitag", 4),
    ("piatek", 4),
    ("piatku", 4),
    ("vendredi", 4),
    ("viernes", 4),
    ("venerdi", 4),
    ("saturday", 5),
    ("lordag", 5),
    ("zaterdag", 5),
    ("lauantai", 5),
    ("samstag", 5),
    ("sobot", 5),
    ("samedi", 5),
    ("sabado", 5),
    ("sabato", 5),
    ("sunday", 6),
    ("sondag", 6),
    ("zondag", 6),
    ("sunnuntai", 6),
    ("sonntag", 6),
    ("niedziel", 6),
    ("dimanche", 6),
    ("domingo", 6),
    ("domenica", 6),
];

/// The month a word names, if any. Short stems (abbreviations) must match exactly or with a
/// trailing dot removed; long stems allow inflection endings.
pub(super) fn month(word: &str) -> Option<u32> {
    lookup(MONTHS, word, 4)
}

/// The weekday (Monday = 0) a word names, if any.
pub(super) fn weekday(word: &str) -> Option<u32> {
    lookup(WEEKDAYS, word, 6)
}

fn lookup(table: &[(&str, u32)], word: &str, slack: usize) -> Option<u32> {
    table
        .iter()
        .filter(|(stem, _)| {
            if stem.len() <= 4 {
                word == *stem
            } else {
                word.starts_with(stem) && word.len() <= stem.len() + slack
            }
        })
        .max_by_key(|(stem, _)| stem.len())
        .map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_month_names_are_recognised() {
        assert_eq!(month("grudnia"), Some(12));
        assert_eq!(month("joulukuuta"), Some(12));
        assert_eq!(month("dezember"), Some(12));
        assert_eq!(month("mars"), Some(3));
        assert_eq!(month("market"), None);
    }

    #[test]
    fn inflected_weekday_names_are_recognised() {
        assert_eq!(weekday("perjantaina"), Some(4));
        assert_eq!(weekday("piatek"), Some(4));
        assert_eq!(weekday("fredag"), Some(4));
        assert_eq!(weekday("friday"), Some(4));
    }
}
