//! Masks card numbers, IBANs and national identity numbers typed in chat.
//!
//! The product promises: "Card numbers, IBANs and national ids typed in chat are masked before storage
//! and never echoed". Every customer message goes through [`mask`] before it is stored, shown to a
//! human agent or handed to a model, so the raw number never outlives the request that carried it.
//!
//! Detection is checksum-first so that ordinary numbers survive: a digit run is a card only if it
//! passes Luhn, an IBAN only if it passes ISO 13616 mod-97, a national id only if its country's check
//! digit (or, where none exists, its date and exact layout) fits. Order numbers, amounts, phone numbers
//! and dates are therefore left alone. A masked card or IBAN keeps its last four characters (what PCI
//! allows on screen, and what a customer recognises); a national id keeps nothing.
//!
//! Scanning is one left-to-right pass over bytes. A candidate may start only at a word boundary (a
//! card also right after letters: "no4111…", "kortnr4111…") and looks ahead a bounded number of bytes,
//! so the work is linear in the message length. Every pattern is ASCII, so match edges always fall on
//! UTF-8 character boundaries and all other text, emoji included, is copied byte for byte.
//!
//! A second reading ([`loose`]) sees the text as symbols (digits of every script, letters,
//! separators of every kind) and catches cards and IBANs written to slip past the first: IBANs
//! before the first pass (an IBAN's checks are surer than a card's found inside it), cards after.

use serde::Serialize;

/// What kind of sensitive number was masked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sensitive {
    CardNumber,
    Iban,
    NationalId,
}

/// A message with its sensitive numbers replaced, and what was replaced (in order of appearance
/// within each reading: unusual IBANs, then the usual reading, then unusual cards).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Masked {
    pub text: String,
    pub found: Vec<Sensitive>,
}

/// One detected number: where it ends, its kind, and the tail that may stay visible.
struct Hit {
    end: usize,
    kind: Sensitive,
    last4: String,
}

mod loose;

/// Masks every card number, IBAN and national id in `text`; everything else is kept byte for byte.
/// Numbers written to slip past the usual reading (other digit scripts, odd separators, tiny
/// groups) are caught by a second pass over what the first left; see [`loose`].
pub fn mask(text: &str) -> Masked {
    let ibans = loose::mask_ibans(Masked {
        text: text.to_owned(),
        found: Vec::new(),
    });
    let first = strict(&ibans.text);
    let mut found = ibans.found;
    found.extend(first.found);
    loose::mask_cards(Masked {
        text: first.text,
        found,
    })
}

/// The first pass: numbers as people usually write them.
fn strict(text: &str) -> Masked {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut found = Vec::new();
    let (mut pos, mut copied) = (0, 0);
    // `None` means "at a boundary": message start or right after a placeholder, which ends in `]`.
    let mut prev: Option<u8> = None;
    // Whether the ASCII word right before `pos` is all letters ("no" in "no4111…"). Only a card may
    // be glued to such a word: letters alone are no part of any other pattern, so masking the card
    // cannot reveal a new match on a second pass.
    let mut after_letters = false;
    let cards = if has_expiry(text) {
        CardCheck::Typed
    } else {
        CardCheck::Luhn
    };
    while pos < bytes.len() {
        match detect(bytes, pos, prev, after_letters, cards) {
            Some(hit) => {
                out.push_str(text.get(copied..pos).unwrap_or_default());
                out.push_str(&placeholder(&hit));
                found.push(hit.kind);
                (pos, copied, prev, after_letters) = (hit.end, hit.end, None, false);
            }
            None => {
                let byte = bytes.get(pos).copied();
                let word_starts = !prev.is_some_and(|b| b.is_ascii_alphanumeric());
                after_letters =
                    byte.is_some_and(|b| b.is_ascii_alphabetic()) && (after_letters || word_starts);
                prev = byte;
                pos += 1;
            }
        }
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    Masked { text: out, found }
}

fn placeholder(hit: &Hit) -> String {
    match hit.kind {
        Sensitive::CardNumber => format!("[card •••• {}]", hit.last4),
        Sensitive::Iban => format!("[IBAN •••• {}]", hit.last4),
        Sensitive::NationalId => "[id ••••]".to_owned(),
    }
}

/// Tries every detector at `start`; a candidate must begin an ASCII word, except that a card may
/// also be glued to a word of letters before it (`after_letters`): a customer typing "no4111…"
/// still typed a card, and Luhn over 13–19 digits keeps ordinary codes out.
fn detect(
    bytes: &[u8],
    start: usize,
    prev: Option<u8>,
    after_letters: bool,
    cards: CardCheck,
) -> Option<Hit> {
    let first = *bytes.get(start)?;
    if !first.is_ascii_alphanumeric() {
        return None;
    }
    if prev.is_some_and(|b| b.is_ascii_alphanumeric()) {
        return (after_letters && first.is_ascii_digit())
            .then(|| card_at(bytes, start, prev, cards))
            .flatten();
    }
    if first.is_ascii_alphabetic() {
        iban_at(bytes, start).or_else(|| shaped_id_at(bytes, start, LETTER_IDS))
    } else {
        card_at(bytes, start, prev, cards)
            .or_else(|| shaped_id_at(bytes, start, DIGIT_IDS))
            .or_else(|| bsn_at(bytes, start))
    }
}

// ---------------------------------------------------------------------------------------------------
// Card numbers

const CARD_DIGITS_MIN: usize = 13;
const CARD_DIGITS_MAX: usize = 19;
/// Digits in the first group of a grouped card.
const CARD_FIRST_GROUP_DIGITS_MIN: usize = 4;
/// Digits in every later group of a grouped card.
const CARD_GROUP_DIGITS_MIN: usize = 3;
/// Digits in any group of a grouped card (a card split in two halves has groups of 8).
const CARD_GROUP_DIGITS_MAX: usize = 8;

/// How sure a digit run must be to count as a card.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CardCheck {
    /// It must pass Luhn.
    Luhn,
    /// The message also carries an expiry date ("09/29"): the customer is typing a card, and a
    /// run that fails Luhn is a mistyped card, still someone's card — so a run shaped like a card
    /// from a network's range (first digit 2–6) counts without the check.
    Typed,
}

/// Whether the text carries a card's expiry date, MM/YY ("09/29", "exp 08/29,").
pub(crate) fn has_expiry(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .any(|w| {
            let w = w.trim_matches(|c: char| !c.is_ascii_digit());
            let Some((month, year)) = w.split_once('/') else {
                return false;
            };
            let month_ok =
                month.len() <= 2 && month.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m));
            month_ok && year.len() == 2 && year.chars().all(|c| c.is_ascii_digit())
        })
}

/// A card: 13–19 digits passing Luhn (see [`CardCheck`]), either unbroken or grouped by single
/// spaces, dashes or dots.
///
/// Grouped cards start with a group of 4–8 digits and continue in groups of 3–8 (4-4-4-4, 4-6-5,
/// 4-4-4-4-3, 8-8), which keeps dates, phone numbers and amount lists (groups of 1–3) from being
/// stitched into one long "number". A leading `0` (no card network issues those) or a `+` before it
/// (a phone number) rules it out.
fn card_at(bytes: &[u8], start: usize, prev: Option<u8>, check: CardCheck) -> Option<Hit> {
    if prev == Some(b'+') || bytes.get(start) == Some(&b'0') {
        return None;
    }
    let ends = card_group_ends(bytes, start);
    ends.iter().rev().find_map(|&(end, count)| {
        let digits = digits(bytes.get(start..end)?);
        let checked = match check {
            CardCheck::Luhn => luhn(&digits),
            CardCheck::Typed => {
                luhn(&digits) || digits.first().is_some_and(|d| (2..=6).contains(d))
            }
        };
        let fits = (CARD_DIGITS_MIN..=CARD_DIGITS_MAX).contains(&count) && checked;
        fits.then(|| Hit {
            end,
            kind: Sensitive::CardNumber,
            last4: last4(&digits),
        })
    })
}

/// Byte ends and running digit counts of the digit groups that may form a card starting at `start`.
fn card_group_ends(bytes: &[u8], start: usize) -> Vec<(usize, usize)> {
    let first = digit_run(bytes, start, CARD_DIGITS_MAX + 1);
    if first > CARD_DIGITS_MAX {
        return Vec::new();
    }
    let mut ends = vec![(start + first, first)];
    if !(CARD_FIRST_GROUP_DIGITS_MIN..=CARD_GROUP_DIGITS_MAX).contains(&first) {
        return ends;
    }
    let (mut end, mut count) = (start + first, first);
    while bytes
        .get(end)
        .is_some_and(|&b| matches!(b, b' ' | b'-' | b'.'))
    {
        let group = digit_run(bytes, end + 1, CARD_GROUP_DIGITS_MAX + 1);
        if !(CARD_GROUP_DIGITS_MIN..=CARD_GROUP_DIGITS_MAX).contains(&group)
            || count + group > CARD_DIGITS_MAX
        {
            break;
        }
        (end, count) = (end + 1 + group, count + group);
        ends.push((end, count));
    }
    ends
}

/// Length of the ASCII digit run at `start`, counting at most `cap` digits.
fn digit_run(bytes: &[u8], start: usize, cap: usize) -> usize {
    bytes
        .iter()
        .skip(start)
        .take(cap)
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// The Luhn mod-10 check that cards and Swedish personnummer carry in their last digit.
fn luhn(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                (d * 2) % 10 + (d * 2) / 10
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

// ---------------------------------------------------------------------------------------------------
// IBAN

const IBAN_CHARS_MIN: usize = 15;
const IBAN_CHARS_MAX: usize = 34;

/// Registered lengths for the countries we serve and their neighbours; any other country code is
/// still accepted at any length from 15 to 34, so a table gap costs precision, never a leak.
#[rustfmt::skip]
const IBAN_LENGTHS: &[(&[u8; 2], usize)] = &[
    (b"AD", 24), (b"AT", 20), (b"BE", 16), (b"BG", 22), (b"CH", 21), (b"CY", 28), (b"CZ", 24),
    (b"DE", 22), (b"DK", 18), (b"EE", 20), (b"ES", 24), (b"FI", 18), (b"FO", 18), (b"FR", 27),
    (b"GB", 22), (b"GI", 23), (b"GL", 18), (b"GR", 27), (b"HR", 21), (b"HU", 28), (b"IE", 22),
    (b"IS", 26), (b"IT", 27), (b"LI", 21), (b"LT", 20), (b"LU", 20), (b"LV", 21), (b"MC", 27),
    (b"MT", 31), (b"NL", 18), (b"NO", 15), (b"PL", 28), (b"PT", 25), (b"RO", 24), (b"SE", 24),
    (b"SI", 19), (b"SK", 24), (b"SM", 27), (b"VA", 22),
];

/// An IBAN: country letters, two check digits, then alphanumerics, optionally spaced in groups of 4,
/// in any case, ending at a word boundary and passing mod-97.
fn iban_at(bytes: &[u8], start: usize) -> Option<Hit> {
    let chars = iban_chars(bytes, start);
    let head = chars.get(..4)?;
    let shape_ok = head.iter().enumerate().all(|(i, (c, _))| {
        if i < 2 {
            c.is_ascii_alphabetic()
        } else {
            c.is_ascii_digit()
        }
    });
    if !shape_ok {
        return None;
    }
    let country = [head.first()?.0, head.get(1)?.0];
    let lengths: Vec<usize> = match IBAN_LENGTHS.iter().find(|(code, _)| **code == country) {
        Some(&(_, len)) => vec![len],
        None => (IBAN_CHARS_MIN..=IBAN_CHARS_MAX).rev().collect(),
    };
    lengths
        .into_iter()
        .find_map(|len| iban_candidate(bytes, &chars, len))
}

/// The first `len` collected characters as a hit, if they end a word and pass mod-97.
fn iban_candidate(bytes: &[u8], chars: &[(u8, usize)], len: usize) -> Option<Hit> {
    let taken = chars.get(..len)?;
    let end = taken.last()?.1;
    if bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) || !iban_mod97(taken) {
        return None;
    }
    let tail: String = taken
        .iter()
        .skip(len.saturating_sub(4))
        .map(|&(c, _)| char::from(c))
        .collect();
    Some(Hit {
        end,
        kind: Sensitive::Iban,
        last4: tail,
    })
}

/// Up to 34 upper-cased alphanumerics from `start`, each with the byte offset just past it; a single
/// space is skipped only after every fourth character, the way IBANs are printed.
fn iban_chars(bytes: &[u8], start: usize) -> Vec<(u8, usize)> {
    let mut chars = Vec::with_capacity(IBAN_CHARS_MAX);
    let mut pos = start;
    while chars.len() < IBAN_CHARS_MAX {
        match bytes.get(pos) {
            Some(b) if b.is_ascii_alphanumeric() => {
                chars.push((b.to_ascii_uppercase(), pos + 1));
                pos += 1;
            }
            Some(b' ') if chars.len().is_multiple_of(4) && !chars.is_empty() => pos += 1,
            _ => break,
        }
    }
    chars
}

/// ISO 13616: move the first four characters to the end, read letters as 10–35, remainder 97 is 1.
fn iban_mod97(chars: &[(u8, usize)]) -> bool {
    let rotated = chars.iter().skip(4).chain(chars.iter().take(4));
    let remainder = rotated.fold(0u32, |r, &(c, _)| {
        if c.is_ascii_digit() {
            (r * 10 + u32::from(c - b'0')) % 97
        } else {
            (r * 100 + u32::from(c - b'A') + 10) % 97
        }
    });
    remainder == 1
}

// ---------------------------------------------------------------------------------------------------
// National ids with a fixed layout

type Check = fn(&[u8]) -> bool;

/// Layouts: `9` is a digit, `A` an ASCII letter, `*` a letter, digit, `+` or `-`; other bytes are literal.
const DIGIT_IDS: &[(&[u8], Check)] = &[
    (b"999999999999", swedish_long),
    (b"99999999-9999", swedish_long),
    (b"99999999+9999", swedish_long),
    (b"9999999999", swedish_short),
    (b"999999+9999", swedish_short),
    (b"999999-9999", swedish_short_or_danish),
    (b"999999*999*", finnish),
    (b"99999999999", norwegian_or_polish),
    (b"99999999A", spanish_dni),
    (b"99999999-A", spanish_dni),
    (b"999-99-9999", us_ssn),
];

const LETTER_IDS: &[(&[u8], Check)] = &[
    (b"AA999999A", uk_nino),
    (b"AA 99 99 99 A", uk_nino),
    (b"AA 999999 A", uk_nino),
    (b"A9999999A", spanish_nie),
    (b"A-9999999-A", spanish_nie),
];

/// The first layout that fits at `start`, ends a word, and passes its check.
fn shaped_id_at(bytes: &[u8], start: usize, layouts: &[(&[u8], Check)]) -> Option<Hit> {
    layouts.iter().find_map(|&(layout, check)| {
        let slice = fit_layout(bytes, start, layout)?;
        check(slice).then(|| Hit {
            end: start + layout.len(),
            kind: Sensitive::NationalId,
            last4: String::new(),
        })
    })
}

fn fit_layout<'a>(bytes: &'a [u8], start: usize, layout: &[u8]) -> Option<&'a [u8]> {
    let slice = bytes.get(start..start + layout.len())?;
    let fits = slice.iter().zip(layout).all(|(&b, &l)| match l {
        b'9' => b.is_ascii_digit(),
        b'A' => b.is_ascii_alphabetic(),
        b'*' => b.is_ascii_alphanumeric() || b == b'+' || b == b'-',
        literal => b == literal,
    });
    let ends_word = !bytes
        .get(start + layout.len())
        .is_some_and(u8::is_ascii_alphanumeric);
    (fits && ends_word).then_some(slice)
}

/// Swedish personnummer, YYYYMMDD[-+]NNNN: a real date (day + 60 for samordningsnummer) and Luhn
/// over the last ten digits.
fn swedish_long(id: &[u8]) -> bool {
    let d = digits(id);
    let (Some(year), Some(rest)) = (number(d.get(..4)), d.get(2..)) else {
        return false;
    };
    swedish_date(Some(year), rest) && luhn(rest)
}

/// Swedish personnummer, YYMMDD[-+]NNNN.
fn swedish_short(id: &[u8]) -> bool {
    let d = digits(id);
    swedish_date(None, &d) && luhn(&d)
}

/// The shared NNNNNN-NNNN layout: a Swedish personnummer, or a Danish CPR (DDMMYY-NNNN). Modern
/// CPRs skip mod-11, so for them only the dash and a real date are required.
fn swedish_short_or_danish(id: &[u8]) -> bool {
    let d = digits(id);
    let date = number(d.get(..2)).zip(number(d.get(2..4)));
    swedish_short(id) || date.is_some_and(|(day, month)| is_date(None, month, day))
}

fn swedish_date(year: Option<u32>, yymmdd: &[u32]) -> bool {
    let (Some(month), Some(day)) = (number(yymmdd.get(2..4)), number(yymmdd.get(4..6))) else {
        return false;
    };
    is_date(year, month, if day > 60 { day - 60 } else { day })
}

/// Finnish henkilötunnus, DDMMYY C NNN Z: the century sign, a real date, and the mod-31 check char.
fn finnish(id: &[u8]) -> bool {
    const CHECK_CHARS: &[u8] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";
    let sign = id.get(6).map(u8::to_ascii_uppercase);
    let century = match sign {
        Some(b'+') => 1800,
        Some(b'-' | b'U'..=b'Y') => 1900,
        Some(b'A'..=b'F') => 2000,
        _ => return false,
    };
    let d = digits(id.get(..10).unwrap_or_default());
    let (Some(day), Some(month), Some(yy)) =
        (number(d.get(..2)), number(d.get(2..4)), number(d.get(4..6)))
    else {
        return false;
    };
    let Some(serial) = number(d.get(..)) else {
        return false;
    };
    let expected = CHECK_CHARS.get((serial % 31) as usize);
    is_date(Some(century + yy), month, day)
        && expected == id.get(10).map(u8::to_ascii_uppercase).as_ref()
}

fn norwegian_or_polish(id: &[u8]) -> bool {
    let d = digits(id);
    norwegian(&d) || pesel(&d)
}

/// Norwegian fødselsnummer: a date (day + 40 for D-numbers, month + 40/+80 for H- and synthetic
/// numbers) and two mod-11 check digits.
fn norwegian(d: &[u32]) -> bool {
    let (Some(day), Some(month)) = (number(d.get(..2)), number(d.get(2..4))) else {
        return false;
    };
    let day = if day > 40 { day - 40 } else { day };
    let month = if month > 80 {
        month - 80
    } else if month > 40 {
        month - 40
    } else {
        month
    };
    let k1 = mod11_digit(d, &[3, 7, 6, 1, 8, 9, 4, 5, 2]);
    let k2 = mod11_digit(d, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    is_date(None, month, day) && k1.is_some() && k1 == d.get(9).copied() && k2 == d.get(10).copied()
}

fn mod11_digit(d: &[u32], weights: &[u32]) -> Option<u32> {
    let sum: u32 = d.iter().zip(weights).map(|(a, w)| a * w).sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        k => Some(k),
    }
}

/// Polish PESEL: YYMMDD with the century folded into the month, and a weighted check digit.
fn pesel(d: &[u32]) -> bool {
    let (Some(yy), Some(mm), Some(day)) =
        (number(d.get(..2)), number(d.get(2..4)), number(d.get(4..6)))
    else {
        return false;
    };
    let century = match mm / 20 {
        0 => 1900,
        1 => 2000,
        2 => 2100,
        3 => 2200,
        _ => 1800,
    };
    let sum: u32 = d
        .iter()
        .zip([1, 3, 7, 9, 1, 3, 7, 9, 1, 3])
        .map(|(a, w)| a * w)
        .sum();
    is_date(Some(century + yy), mm % 20, day) && Some((10 - sum % 10) % 10) == d.get(10).copied()
}

const DNI_LETTERS: &[u8] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// Spanish DNI: eight digits and the mod-23 letter.
fn spanish_dni(id: &[u8]) -> bool {
    number(Some(&digits(id))).is_some_and(|n| dni_letter_matches(n, id.last()))
}

/// Spanish NIE: X, Y or Z (read as 0, 1, 2), seven digits, and the DNI letter of that number.
fn spanish_nie(id: &[u8]) -> bool {
    let prefix = match id.first().map(u8::to_ascii_uppercase) {
        Some(b'X') => 0,
        Some(b'Y') => 1,
        Some(b'Z') => 2,
        _ => return false,
    };
    number(Some(&digits(id)))
        .is_some_and(|n| dni_letter_matches(prefix * 10_000_000 + n, id.last()))
}

fn dni_letter_matches(n: u32, letter: Option<&u8>) -> bool {
    let expected = DNI_LETTERS.get((n % 23) as usize);
    expected.is_some() && expected == letter.map(u8::to_ascii_uppercase).as_ref()
}

/// US SSN, AAA-GG-SSSS: no checksum exists, so only the never-issued ranges are excluded.
fn us_ssn(id: &[u8]) -> bool {
    let d = digits(id);
    let (Some(area), Some(group), Some(serial)) =
        (number(d.get(..3)), number(d.get(3..5)), number(d.get(5..)))
    else {
        return false;
    };
    area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
}

/// UK National Insurance number: no checksum exists; the suffix must be A–D.
fn uk_nino(id: &[u8]) -> bool {
    id.last()
        .is_some_and(|b| (b'A'..=b'D').contains(&b.to_ascii_uppercase()))
}

// ---------------------------------------------------------------------------------------------------
// Dutch BSN: nine digits pass the 11-proof far too often, so a keyword must come just before.

const BSN_KEYWORDS: &[&str] = &["bsn", "burgerservicenummer", "sofinummer", "sofi"];
/// Words allowed between the keyword and the number ("BSN-nummer is: …").
const BSN_FILLERS: &[&str] = &["is", "nr", "nummer", "number", "no", "was", "luidt"];
const BSN_FILLERS_MAX: usize = 3;

fn bsn_at(bytes: &[u8], start: usize) -> Option<Hit> {
    let slice = fit_layout(bytes, start, b"999999999")?;
    let d = digits(slice);
    let weighted: u32 = d
        .iter()
        .zip([9, 8, 7, 6, 5, 4, 3, 2])
        .map(|(a, w)| a * w)
        .sum();
    let eleven_proof = Some(weighted % 11) == d.get(8).copied() && d.iter().any(|&x| x != 0);
    (eleven_proof && bsn_keyword_before(bytes, start)).then(|| Hit {
        end: start + 9,
        kind: Sensitive::NationalId,
        last4: String::new(),
    })
}

fn bsn_keyword_before(bytes: &[u8], mut end: usize) -> bool {
    for _ in 0..=BSN_FILLERS_MAX {
        let Some((word_start, word)) = previous_word(bytes, end) else {
            return false;
        };
        let is = |list: &[&str]| list.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(word));
        if is(BSN_KEYWORDS) {
            return true;
        }
        if !is(BSN_FILLERS) {
            return false;
        }
        end = word_start;
    }
    false
}

/// The ASCII word before `end`, across at most four separator bytes; `None` if there is none or it
/// is longer than any keyword.
fn previous_word(bytes: &[u8], end: usize) -> Option<(usize, &[u8])> {
    const GAP_MAX: usize = 4;
    const WORD_MAX: usize = 24;
    let before = bytes.get(..end)?;
    let gap = before
        .iter()
        .rev()
        .take(GAP_MAX + 1)
        .take_while(|b| b" :-.#=\t".contains(b))
        .count();
    let word_end = end.checked_sub(gap).filter(|_| gap <= GAP_MAX)?;
    let len = bytes
        .get(..word_end)?
        .iter()
        .rev()
        .take(WORD_MAX + 1)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let word_start = word_end
        .checked_sub(len)
        .filter(|_| (1..=WORD_MAX).contains(&len))?;
    Some((word_start, bytes.get(word_start..word_end)?))
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

fn digits(bytes: &[u8]) -> Vec<u32> {
    bytes
        .iter()
        .filter(|b| b.is_ascii_digit())
        .map(|&b| u32::from(b - b'0'))
        .collect()
}

/// The decimal value of a short digit slice (at most nine digits, so it fits a `u32`).
fn number(d: Option<&[u32]>) -> Option<u32> {
    let d = d.filter(|d| !d.is_empty() && d.len() <= 9)?;
    Some(d.iter().fold(0, |n, &x| n * 10 + x))
}

fn last4(d: &[u32]) -> String {
    d.iter()
        .skip(d.len().saturating_sub(4))
        .filter_map(|&x| char::from_digit(x, 10))
        .collect()
}

/// A real calendar date; without a known year, 29 February is allowed.
fn is_date(year: Option<u32>, month: u32, day: u32) -> bool {
    let leap = year
        .is_none_or(|y| (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CARD: &str = "[card •••• 1111]";
    const ID: &str = "[id ••••]";

    fn masked_text(text: &str) -> String {
        mask(text).text
    }

    fn assert_untouched(text: &str) {
        let masked = mask(text);
        assert_eq!(masked.text, text, "{text:?} should survive");
        assert!(masked.found.is_empty(), "{text:?} found {:?}", masked.found);
    }

    fn assert_single(text: &str, kind: Sensitive, expected: &str) {
        let masked = mask(text);
        assert_eq!(masked.text, expected, "masking {text:?}");
        assert_eq!(masked.found, vec![kind], "kinds in {text:?}");
    }

    fn only_digits(text: &str) -> String {
        text.chars().filter(char::is_ascii_digit).collect()
    }

    // Cards

    #[test]
    fn card_numbers_spaced_dashed_dotted_or_unbroken_keep_only_the_last_four() {
        for card in [
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "4111.1111.1111.1111",
            "4111111111111111",
        ] {
            assert_single(card, Sensitive::CardNumber, CARD);
        }
    }

    #[test]
    fn card_numbers_glued_to_a_word_are_masked_and_the_word_kept() {
        for (text, expected) in [
            ("my card no4111111111111111", "my card no[card •••• 1111]"),
            (
                "kortnr4111 1111 1111 1111 tack",
                "kortnr[card •••• 1111] tack",
            ),
            ("Karte:4111.1111.1111.1111", "Karte:[card •••• 1111]"),
            ("nr5555555555554444.", "nr[card •••• 4444]."),
        ] {
            assert_eq!(masked_text(text), expected, "masking {text:?}");
            assert_eq!(mask(text).found, vec![Sensitive::CardNumber], "{text:?}");
        }
    }

    #[test]
    fn card_numbers_split_in_halves_or_unusual_groups_are_masked() {
        for text in [
            "41111111 11111111",
            "4111-1111 1111.1111",
            "411111 111111 1111",
            "4111 11111111 1111",
        ] {
            assert_single(text, Sensitive::CardNumber, CARD);
        }
    }

    #[test]
    fn a_mistyped_card_typed_with_its_expiry_date_is_masked_all_the_same() {
        let m = mask("her er det nye kort: 4571998877665544 exp 08/29 cvc 123");
        assert_eq!(
            m.text,
            "her er det nye kort: [card •••• 5544] exp 08/29 cvc 123"
        );
        assert_eq!(m.found, vec![Sensitive::CardNumber]);
        let m = mask("tenez : 4970 1012 3456 7890, 09/29");
        assert_eq!(m.text, "tenez : [card •••• 7890], 09/29");
        // Without an expiry date a run failing Luhn is an ordinary number, and with one a run
        // outside the networks' ranges (here a leading 8) still is.
        assert_untouched("4571998877665544");
        assert_untouched("ref 8571998877665543 from 08/29");
    }

    #[test]
    fn codes_glued_to_letters_that_fail_luhn_or_are_too_short_survive() {
        for text in [
            "ref4111111111111112",
            "order AB12345678",
            "SE1234567",
            "abc123 456 789",
            "tel0701234567",
        ] {
            assert_untouched(text);
        }
    }

    #[test]
    fn amex_grouped_four_six_five_and_other_networks_are_masked() {
        assert_single(
            "3782 822463 10005",
            Sensitive::CardNumber,
            "[card •••• 0005]",
        );
        assert_single(
            "5555 5555 5555 4444",
            Sensitive::CardNumber,
            "[card •••• 4444]",
        );
        assert_single(
            "6011111111111117",
            Sensitive::CardNumber,
            "[card •••• 1117]",
        );
    }

    #[test]
    fn a_swedish_sentence_around_a_card_is_kept_exactly() {
        let text = "mitt kortnummer är 4111 1111 1111 1111 tack";
        assert_single(
            text,
            Sensitive::CardNumber,
            "mitt kortnummer är [card •••• 1111] tack",
        );
    }

    #[test]
    fn digit_runs_failing_luhn_are_not_cards() {
        assert_untouched("4111 1111 1111 1112");
        assert_untouched("kortet 4111111111111112 funkar inte");
    }

    #[test]
    fn order_numbers_amounts_phones_and_dates_survive() {
        for text in [
            "order 123456789",
            "I paid 49,90 € yesterday",
            "det kostar 1 200 SEK",
            "ring mig på +46 70 123 45 67",
            "+46701234567890",
            "070-123 45 67",
            "due 2026-12-01, paid 2026-11-30 12:30",
            "Bestellung 100 200 300 400 500 600",
        ] {
            assert_untouched(text);
        }
    }

    #[test]
    fn tracking_numbers_that_fail_luhn_survive() {
        for text in [
            "1Z999AA10123456784",
            "RR123456785SE",
            "00340434161234567890",
            "JJD0123456789012345",
        ] {
            assert_untouched(text);
        }
    }

    #[test]
    fn a_card_followed_by_an_expiry_date_keeps_the_expiry() {
        assert_single(
            "4111 1111 1111 1111 12/27",
            Sensitive::CardNumber,
            "[card •••• 1111] 12/27",
        );
    }

    #[test]
    fn masked_output_never_contains_the_full_card_number() {
        let text = "numero 4012 8888 8888 1881, grazie";
        let masked = masked_text(text);
        assert!(!only_digits(&masked).contains("4012888888881881"));
        assert!(!masked.contains("4012 8888"));
        assert!(masked.contains("[card •••• 1881]"));
    }

    // IBAN

    #[test]
    fn ibans_grouped_or_unbroken_in_any_case_keep_the_last_four() {
        assert_single(
            "SE45 5000 0000 0583 9825 7466",
            Sensitive::Iban,
            "[IBAN •••• 7466]",
        );
        assert_single(
            "de89370400440532013000",
            Sensitive::Iban,
            "[IBAN •••• 3000]",
        );
        assert_single(
            "GB82 WEST 1234 5698 7654 32",
            Sensitive::Iban,
            "[IBAN •••• 5432]",
        );
    }

    #[test]
    fn ibans_of_every_served_country_are_masked() {
        for iban in [
            "NO93 8601 1117 947",
            "DK50 0040 0440 1162 43",
            "FI21 1234 5600 0007 85",
            "NL91 ABNA 0417 1643 00",
            "PL61 1090 1014 0000 0712 1981 2874",
            "FR14 2004 1010 0505 0001 3M02 606",
            "ES91 2100 0418 4502 0005 1332",
            "IT60 X054 2811 1010 0000 0123 456",
        ] {
            let masked = mask(iban);
            assert_eq!(masked.found, vec![Sensitive::Iban], "{iban}");
            assert!(
                masked.text.starts_with("[IBAN •••• "),
                "{iban} -> {}",
                masked.text
            );
        }
    }

    #[test]
    fn an_iban_with_a_wrong_check_is_untouched() {
        assert_untouched("SE45 5000 0000 0583 9825 7467");
        assert_untouched("DE88370400440532013000");
    }

    #[test]
    fn an_iban_inside_a_sentence_stops_before_the_next_word() {
        let text = "Mein IBAN: DE89 3704 0044 0532 0130 00 danke!";
        assert_single(text, Sensitive::Iban, "Mein IBAN: [IBAN •••• 3000] danke!");
    }

    // National ids

    #[test]
    fn swedish_personnummer_in_all_written_forms_is_masked() {
        for id in [
            "121212-1212",
            "121212+1212",
            "1212121212",
            "19121212-1212",
            "191212121212",
        ] {
            assert_single(id, Sensitive::NationalId, ID);
        }
    }

    #[test]
    fn swedish_personnummer_with_a_wrong_check_digit_survives() {
        assert_untouched("1212121213");
        assert_untouched("19121212-1213");
    }

    #[test]
    fn norwegian_fodselsnummer_is_masked_only_with_both_check_digits() {
        assert_single(
            "fødselsnummer 15077800031",
            Sensitive::NationalId,
            "fødselsnummer [id ••••]",
        );
        assert_untouched("fødselsnummer 15077800032");
    }

    #[test]
    fn danish_cpr_needs_the_dash_and_a_real_date() {
        assert_single("CPR 070761-4285", Sensitive::NationalId, "CPR [id ••••]");
        assert_untouched("CPR 320161-4285");
    }

    #[test]
    fn finnish_henkilotunnus_is_masked_only_with_the_right_check_char() {
        assert_single(
            "hetu 131052-308T kiitos",
            Sensitive::NationalId,
            "hetu [id ••••] kiitos",
        );
        assert_single("010120A123K", Sensitive::NationalId, ID);
        assert_untouched("hetu 131052-308U kiitos");
        assert_untouched("010120A123X");
    }

    #[test]
    fn polish_pesel_is_masked_only_with_a_valid_checksum() {
        assert_single(
            "mój PESEL to 44051401359",
            Sensitive::NationalId,
            "mój PESEL to [id ••••]",
        );
        assert_untouched("mój PESEL to 44051401358");
    }

    #[test]
    fn spanish_dni_and_nie_are_masked_only_with_the_right_letter() {
        for id in ["12345678Z", "12345678-z", "X1234567L", "x-1234567-l"] {
            assert_single(id, Sensitive::NationalId, ID);
        }
        assert_untouched("mi DNI es 12345678A");
        assert_untouched("NIE X1234567T");
    }

    #[test]
    fn dutch_bsn_is_masked_only_after_a_keyword() {
        assert_single(
            "mijn BSN is 123456782",
            Sensitive::NationalId,
            "mijn BSN is [id ••••]",
        );
        assert_single(
            "Burgerservicenummer: 111222333",
            Sensitive::NationalId,
            "Burgerservicenummer: [id ••••]",
        );
        assert_single(
            "BSN-nummer: 123456782",
            Sensitive::NationalId,
            "BSN-nummer: [id ••••]",
        );
        assert_untouched("bestelling 123456782");
        assert_untouched("mijn BSN is 123456783");
    }

    #[test]
    fn uk_national_insurance_numbers_are_masked_with_or_without_spaces() {
        for id in ["QQ 12 34 56 C", "QQ123456C", "ab 123456 d"] {
            assert_single(id, Sensitive::NationalId, ID);
        }
        assert_untouched("QQ 12 34 56 E");
    }

    #[test]
    fn us_ssns_outside_the_never_issued_ranges_are_masked() {
        assert_single("SSN 123-45-6789.", Sensitive::NationalId, "SSN [id ••••].");
        for never_issued in [
            "000-12-3456",
            "666-12-3456",
            "912-34-5678",
            "123-00-4567",
            "123-45-0000",
        ] {
            assert_untouched(never_issued);
        }
    }

    // Whole messages

    #[test]
    fn several_items_are_all_masked_and_listed_in_order() {
        let text =
            "kort 4111 1111 1111 1111, IBAN SE45 5000 0000 0583 9825 7466 och pnr 121212-1212.";
        let masked = mask(text);
        assert_eq!(
            masked.text,
            "kort [card •••• 1111], IBAN [IBAN •••• 7466] och pnr [id ••••]."
        );
        assert_eq!(
            masked.found,
            vec![
                Sensitive::CardNumber,
                Sensitive::Iban,
                Sensitive::NationalId
            ]
        );
    }

    #[test]
    fn text_in_every_language_and_emoji_around_items_is_kept_byte_for_byte() {
        let cases = [
            (
                "Mitt kort: 4111111111111111 🙏",
                "Mitt kort: [card •••• 1111] 🙏",
            ),
            (
                "Kortnummeret mitt er 4111-1111-1111-1111.",
                "Kortnummeret mitt er [card •••• 1111].",
            ),
            (
                "Mit CPR-nummer er 070761-4285, tak",
                "Mit CPR-nummer er [id ••••], tak",
            ),
            (
                "Korttini on 4111 1111 1111 1111 😅",
                "Korttini on [card •••• 1111] 😅",
            ),
            (
                "Meine Karte «4111111111111111»",
                "Meine Karte «[card •••• 1111]»",
            ),
            (
                "Numer karty: 4111 1111 1111 1111 – dzięki",
                "Numer karty: [card •••• 1111] – dzięki",
            ),
            (
                "Ma carte : 4111 1111 1111 1111 !",
                "Ma carte : [card •••• 1111] !",
            ),
            (
                "¿Mi tarjeta? 4111111111111111",
                "¿Mi tarjeta? [card •••• 1111]",
            ),
            (
                "La mia carta è 4111 1111 1111 1111",
                "La mia carta è [card •••• 1111]",
            ),
            (
                "我的卡 4111111111111111 谢谢",
                "我的卡 [card •••• 1111] 谢谢",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(masked_text(text), expected);
        }
    }

    #[test]
    fn text_without_numbers_is_returned_unchanged() {
        for text in [
            "",
            "Hej! Hur mår du? 🌞",
            "Ünïcödé ø æ å ß ł ñ — “quotes”",
            "IBAN please",
        ] {
            assert_untouched(text);
        }
    }

    #[test]
    fn masking_twice_changes_nothing_more() {
        for text in [
            "kort 4111 1111 1111 1111, IBAN SE45 5000 0000 0583 9825 7466 och pnr 121212-1212.",
            "4111111111111111kr och BSN 123456782",
            "QQ123456C DE89370400440532013000 12345678Z 44051401359",
            "1234 4111 1111 1111 1111 5555 5555 5555 4444",
            "X1234567L4111 1111 1111 1111",
            "no4111111111111111 kortnr5555555555554444kr",
        ] {
            let once = masked_text(text);
            assert_eq!(masked_text(&once), once, "{text}");
        }
    }

    #[test]
    fn masking_twice_changes_nothing_more_for_generated_messages() {
        let tokens = [
            "4111 1111 1111 1111",
            "SE45 5000 0000 0583 9825 7466",
            "121212-1212",
            "BSN",
            "is",
            "123456782",
            "1234",
            "5555",
            "-",
            "+",
            "kr",
            "QQ",
            "12",
            "C",
            "X1234567L",
            "é",
            "🙏",
            "[",
            "]",
            "IBAN",
            "card",
            "id",
            "1111",
            "nummer",
            "44051401359",
        ];
        let mut seed: u64 = 7;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % n
        };
        for _ in 0..3_000 {
            let count = 1 + next(10);
            let text: String = (0..count)
                .map(|_| format!("{}{}", tokens[next(tokens.len())], [" ", ""][next(2)]))
                .collect();
            let once = mask(&text);
            let twice = mask(&once.text);
            assert_eq!(twice.text, once.text, "{text:?}");
            assert!(twice.found.is_empty(), "{text:?}");
        }
    }

    #[test]
    fn placeholders_themselves_are_never_detected() {
        assert_untouched("[card •••• 1111] [IBAN •••• 7466] [id ••••]");
    }

    #[test]
    fn a_hundred_kilobytes_of_digits_and_spaces_is_processed_in_one_pass() {
        let mut seed: u32 = 12_345;
        let text: String = (0..100_000)
            .map(|i| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                if i % 5 == 4 {
                    ' '
                } else {
                    char::from(b'0' + ((seed >> 16) % 10) as u8)
                }
            })
            .collect();
        let masked = mask(&text);
        assert!(masked.text.len() >= text.len() / 2);
        assert_eq!(masked_text(&masked.text), masked.text);
    }

    #[test]
    fn a_hundred_kilobytes_of_one_digit_run_is_not_a_card() {
        let text = "4".repeat(100_000);
        assert_untouched(&text);
    }

    #[test]
    fn sensitive_kinds_serialize_in_snake_case() {
        let json = serde_json::to_string(&[
            Sensitive::CardNumber,
            Sensitive::Iban,
            Sensitive::NationalId,
        ]);
        assert_eq!(json.unwrap(), r#"["card_number","iban","national_id"]"#);
    }
}
