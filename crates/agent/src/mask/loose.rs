//! The second pass: card numbers and IBANs written so that the first pass, which reads the way
//! people usually write them, does not see them — digits from other scripts (full-width,
//! Arabic-Indic, Devanagari …), groups of one or two digits, and any run of separators between
//! groups (double spaces, tabs, newlines, no-break and zero-width spaces, `/`, `_`, dashes, dots).
//!
//! The text is read as symbols: a digit of any script (read as its value), an ASCII letter, a
//! separator, or anything else. A run is digit groups joined by separator runs of at most
//! [`SEPARATORS_MAX`] characters. Only runs the first pass could not have read are looked at
//! ("unusual": a digit outside ASCII, a separator run other than one space, dash or dot, or a group
//! of one or two digits), so its careful rules for ordinary numbers still decide those. In an
//! unusual run, a card is a window of whole groups with 13–19 digits that passes Luhn and starts
//! with a digit card networks issue (2–6); windows holding a date written as one (`2026-12-01`,
//! `15/12/2026`) are skipped. An IBAN is read across any separators and must have its country's
//! registered length and pass mod-97; IBANs are looked for before the first pass, cards after it.

use super::{
    Hit, IBAN_CHARS_MAX, IBAN_LENGTHS, Masked, Sensitive, iban_mod97, is_date, luhn, placeholder,
};

/// Longest separator run between two groups, in characters.
const SEPARATORS_MAX: usize = 8;
const CARD_DIGITS_MIN: usize = 13;
const CARD_DIGITS_MAX: usize = 19;

/// Zero of each decimal-digit block of Unicode a customer's keyboard may produce.
#[rustfmt::skip]
const ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Digit(u8),
    Letter(u8),
    Separator,
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Sym {
    kind: Kind,
    start: usize,
    end: usize,
    /// An ASCII digit, or a separator the first pass accepts alone (space, dash, dot).
    usual: bool,
    c: char,
}

/// The value of a decimal digit of any script.
pub(super) fn digit_value(c: char) -> Option<u8> {
    let v = u32::from(c);
    ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&v))
        .and_then(|zero| u8::try_from(v - zero).ok())
}

/// Spaces of every width, invisible characters, and the punctuation people group digits with.
pub(super) fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '.' | '/' | '_' | '\u{00AD}' | '\u{00B7}' | '\u{2010}'..='\u{2015}'
                | '\u{2027}' | '\u{2212}' | '\u{30FB}' | '\u{FF0D}' | '\u{FF0E}' | '\u{FF0F}'
                | '\u{FF3F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

fn symbols(text: &str) -> Vec<Sym> {
    text.char_indices()
        .map(|(start, c)| {
            let kind = match digit_value(c) {
                Some(d) => Kind::Digit(d),
                None if c.is_ascii_alphabetic() => Kind::Letter(c.to_ascii_uppercase() as u8),
                None if is_separator(c) => Kind::Separator,
                None => Kind::Other,
            };
            Sym {
                kind,
                start,
                end: start + c.len_utf8(),
                usual: c.is_ascii_digit() || matches!(c, ' ' | '-' | '.'),
                c,
            }
        })
        .collect()
}

/// A found number: its byte range and what replaces it.
struct Found {
    start: usize,
    hit: Hit,
}

/// Masks the IBANs in `before.text` that the first pass cannot read. Runs before the first pass:
/// an IBAN (country, length and mod-97) is a surer reading than a card found inside it.
pub(super) fn mask_ibans(before: Masked) -> Masked {
    let syms = symbols(&before.text);
    let found = ibans(&syms);
    replace(before, found)
}

/// Masks the cards the first pass left in `first.text`.
pub(super) fn mask_cards(first: Masked) -> Masked {
    let syms = symbols(&first.text);
    let found = cards(&syms);
    replace(first, found)
}

/// `masked.text` with each found range (in order, not overlapping) replaced by its placeholder.
fn replace(masked: Masked, found: Vec<Found>) -> Masked {
    if found.is_empty() {
        return masked;
    }
    let mut out = String::with_capacity(masked.text.len());
    let mut copied = 0;
    let mut kinds = masked.found;
    for f in &found {
        out.push_str(masked.text.get(copied..f.start).unwrap_or_default());
        out.push_str(&placeholder(&f.hit));
        kinds.push(f.hit.kind);
        copied = f.hit.end;
    }
    out.push_str(masked.text.get(copied..).unwrap_or_default());
    Masked {
        text: out,
        found: kinds,
    }
}

/// A digit group: indices of its digits' symbols, whether the separators before it were usual,
/// and the separator before it when it was a single character.
struct Group {
    digits: Vec<usize>,
    usual_gap: bool,
    single_before: Option<char>,
}

/// Card numbers in unusual runs.
fn cards(syms: &[Sym]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < syms.len() {
        let starts_run = matches!(syms.get(i).map(|s| s.kind), Some(Kind::Digit(_)))
            && !matches!(
                i.checked_sub(1).and_then(|p| syms.get(p)).map(|s| s.kind),
                Some(Kind::Digit(_))
            );
        if !starts_run {
            i += 1;
            continue;
        }
        let (groups, end) = run(syms, i);
        // A `+` before the digits makes them a phone number.
        let after_plus = i
            .checked_sub(1)
            .and_then(|p| syms.get(p))
            .is_some_and(|s| s.c == '+');
        if !after_plus && unusual(syms, &groups) {
            found.extend(windows(syms, &groups));
        }
        i = end.max(i + 1);
    }
    found
}

/// The digit groups of the run starting at `start`, and the symbol index just past it.
fn run(syms: &[Sym], start: usize) -> (Vec<Group>, usize) {
    let mut groups = Vec::new();
    let mut at = start;
    let mut usual_gap = true;
    let mut single_before = None;
    loop {
        let mut digits = Vec::new();
        while let Some(Sym {
            kind: Kind::Digit(_),
            ..
        }) = syms.get(at)
        {
            digits.push(at);
            at += 1;
        }
        let end = at;
        groups.push(Group {
            digits,
            usual_gap,
            single_before,
        });
        let mut gap = 0;
        while syms
            .get(at + gap)
            .is_some_and(|s| s.kind == Kind::Separator)
        {
            gap += 1;
        }
        let continues = gap > 0
            && gap <= SEPARATORS_MAX
            && matches!(syms.get(at + gap).map(|s| s.kind), Some(Kind::Digit(_)));
        if !continues {
            return (groups, end);
        }
        usual_gap = gap == 1 && syms.get(at).is_some_and(|s| s.usual);
        single_before = (gap == 1).then(|| syms.get(at).map(|s| s.c)).flatten();
        at += gap;
    }
}

/// Whether the first pass could not have read the run as it is written.
fn unusual(syms: &[Sym], groups: &[Group]) -> bool {
    groups.iter().any(|g| {
        !g.usual_gap
            || (groups.len() > 1 && g.digits.len() < 3)
            || g.digits
                .iter()
                .any(|&d| syms.get(d).is_some_and(|s| !s.usual))
    })
}

fn value(syms: &[Sym], at: usize) -> u32 {
    match syms.get(at).map(|s| s.kind) {
        Some(Kind::Digit(d)) => u32::from(d),
        _ => 0,
    }
}

/// Windows of whole groups that are cards, left to right, the longest first at each start.
fn windows(syms: &[Sym], groups: &[Group]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < groups.len() {
        let mut best = None;
        let mut count = 0;
        for (j, g) in groups.iter().enumerate().skip(i) {
            count += g.digits.len();
            if count > CARD_DIGITS_MAX {
                break;
            }
            if count >= CARD_DIGITS_MIN && is_card(syms, groups.get(i..=j).unwrap_or_default()) {
                best = Some(j);
            }
        }
        match best {
            Some(j) => {
                let window = groups.get(i..=j).unwrap_or_default();
                if let Some(f) = card_hit(syms, window) {
                    found.push(f);
                }
                i = j + 1;
            }
            None => i += 1,
        }
    }
    found
}

fn is_card(syms: &[Sym], window: &[Group]) -> bool {
    let digits: Vec<u32> = window
        .iter()
        .flat_map(|g| g.digits.iter().map(|&d| value(syms, d)))
        .collect();
    let issued = digits.first().is_some_and(|d| (2..=6).contains(d));
    issued && luhn(&digits) && !holds_date(syms, window)
}

/// Whether three neighbouring groups are written as a date: joined by one and the same `-`, `/`
/// or `.`, as year-month-day or day-month-year.
fn holds_date(syms: &[Sym], window: &[Group]) -> bool {
    let number = |g: &Group| g.digits.iter().fold(0, |n, &d| n * 10 + value(syms, d));
    window.windows(3).any(|w| {
        let [a, b, c] = w else { return false };
        let joined = b
            .single_before
            .is_some_and(|s| matches!(s, '-' | '/' | '.'))
            && b.single_before == c.single_before;
        if !joined {
            return false;
        }
        let (la, lb, lc) = (a.digits.len(), b.digits.len(), c.digits.len());
        let year = |g: &Group| (1900..=2099).contains(&number(g));
        (la == 4 && lb == 2 && lc == 2 && year(a) && is_date(None, number(b), number(c)))
            || (lc == 4 && la <= 2 && lb <= 2 && year(c) && is_date(None, number(b), number(a)))
    })
}

fn card_hit(syms: &[Sym], window: &[Group]) -> Option<Found> {
    let first = *window.first()?.digits.first()?;
    let last = *window.last()?.digits.last()?;
    let digits: Vec<u32> = window
        .iter()
        .flat_map(|g| g.digits.iter().map(|&d| value(syms, d)))
        .collect();
    let last4 = digits
        .iter()
        .skip(digits.len().saturating_sub(4))
        .filter_map(|&d| char::from_digit(d, 10))
        .collect();
    Some(Found {
        start: syms.get(first)?.start,
        hit: Hit {
            end: syms.get(last)?.end,
            kind: Sensitive::CardNumber,
            last4,
        },
    })
}

/// IBANs written with unusual separators or digits.
fn ibans(syms: &[Sym]) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < syms.len() {
        let word_start = !i
            .checked_sub(1)
            .and_then(|p| syms.get(p))
            .is_some_and(|s| matches!(s.kind, Kind::Letter(_) | Kind::Digit(_)));
        if word_start
            && matches!(syms.get(i).map(|s| s.kind), Some(Kind::Letter(_)))
            && let Some((f, next)) = iban_at(syms, i)
        {
            found.push(f);
            i = next;
            continue;
        }
        i += 1;
    }
    found
}

/// The characters of a possible IBAN from `start`: (upper-case ASCII, symbol index), and for
/// each whether it, or the separators before it, are unusual (not an ASCII character, or not the
/// one plain space after every fourth character that the first pass reads).
fn iban_chars(syms: &[Sym], start: usize) -> (Vec<(u8, usize)>, Vec<bool>) {
    let mut chars = Vec::with_capacity(IBAN_CHARS_MAX);
    let mut odd = Vec::with_capacity(IBAN_CHARS_MAX);
    let mut gap_odd = false;
    let mut at = start;
    while chars.len() < IBAN_CHARS_MAX {
        match syms.get(at).map(|s| s.kind) {
            Some(Kind::Letter(c)) => chars.push((c, at)),
            Some(Kind::Digit(d)) => chars.push((b'0' + d, at)),
            Some(Kind::Separator) => {
                let mut gap = 0;
                while syms
                    .get(at + gap)
                    .is_some_and(|s| s.kind == Kind::Separator)
                {
                    gap += 1;
                }
                let plain_space = gap == 1
                    && syms.get(at).is_some_and(|s| s.c == ' ')
                    && chars.len().is_multiple_of(4);
                if gap > SEPARATORS_MAX || chars.is_empty() {
                    break;
                }
                gap_odd = !plain_space;
                at += gap;
                continue;
            }
            _ => break,
        }
        odd.push(gap_odd || syms.get(at).is_some_and(|s| !s.c.is_ascii()));
        gap_odd = false;
        at += 1;
    }
    (chars, odd)
}

fn iban_at(syms: &[Sym], start: usize) -> Option<(Found, usize)> {
    let (chars, odd) = iban_chars(syms, start);
    let head = chars.get(..4)?;
    let shape = head
        .iter()
        .enumerate()
        .all(|(i, (c, _))| (i < 2) == c.is_ascii_alphabetic());
    if !shape {
        return None;
    }
    // What the first pass can read (plain spaces every four characters) it has judged already;
    // across odd separators only the registered countries are tried, each at its one length, so
    // that words strung together rarely pass mod-97 by chance.
    let country = [head.first()?.0, head.get(1)?.0];
    let &(_, len) = IBAN_LENGTHS.iter().find(|(code, _)| **code == country)?;
    if !odd.get(..len)?.iter().any(|&o| o) {
        return None;
    }
    let taken = chars.get(..len)?;
    let &(_, last) = taken.last()?;
    let glued = matches!(
        syms.get(last + 1).map(|s| s.kind),
        Some(Kind::Letter(_) | Kind::Digit(_))
    );
    if glued || !iban_mod97(taken) {
        return None;
    }
    let last4 = taken
        .iter()
        .skip(len.saturating_sub(4))
        .map(|&(c, _)| char::from(c))
        .collect();
    let found = Found {
        start: syms.get(start)?.start,
        hit: Hit {
            end: syms.get(last)?.end,
            kind: Sensitive::Iban,
            last4,
        },
    };
    Some((found, last + 1))
}
