//! Two errands in one message: "pay the next installment and move the last one a week", "where is
//! my fridge, and when is my next payment?".
//!
//! The message is cut where the language allows ([`fairdesk_understand::clauses`]) and both sides
//! are classified. A cut counts when each side alone is a confident, different errand the
//! assistant can do; the best such cut (the surer of its two sides' weaker confidence) wins. The
//! engine then handles both, one after the other: a question is answered before a proposal, so a
//! proposal with its buttons is always the last thing said.

use fairdesk_understand::clauses::{continues, cuts, refers_back};
use fairdesk_understand::{Intent, Lang, Understanding};

use crate::flows::Errand;

/// Each side of a cut must be at least this sure of its errand.
const SIDE_CONFIDENCE_MIN: f32 = 0.55;

/// Each side must have at least this many words ("saldo?" alone is too little to stand apart).
const SIDE_WORDS_MIN: usize = 2;

/// Pairs that are one errand in two words rather than two errands: where a parcel is and that it
/// never came, returning an item and getting its refund, cancelling and getting the money back, a
/// problem with an item and sending it back.
const ONE_ERRAND: [(Errand, Errand); 5] = [
    (Errand::OrderStatus, Errand::ReportProblemOrder),
    (Errand::ReturnItem, Errand::RefundStatus),
    (Errand::CancelOrder, Errand::RefundStatus),
    (Errand::ReportProblemOrder, Errand::ReturnItem),
    (Errand::ReportProblemOrder, Errand::RefundStatus),
];

/// One of the two requests found in a message.
#[derive(Clone, Debug)]
pub struct Part {
    pub text: String,
    pub understanding: Understanding,
    pub errand: Errand,
}

/// The two errands of `text` (understood as a whole as `whole`), in the order to handle them, or
/// `None` when the message asks for one thing (or its parts are not both clearly errands).
///
/// Guards keep a part from inventing an errand: a later part that points back with a pronoun
/// ("…a refund, please pay *it* out") or opens with "but" or "not" ("…the next installment, not
/// the whole sum") leans on the first and is not an errand
/// of its own; a part may propose moving money only where the whole message leans that way too
/// (its errand is among the whole message's likeliest); and a part must be one the assistant can
/// answer (`answerable`: e.g. a "how does that work?" needs a help article).
pub fn two_errands(
    text: &str,
    whole: &Understanding,
    lang: Lang,
    understand: impl Fn(&str) -> Understanding,
    answerable: impl Fn(Errand, &str) -> bool,
) -> Option<(Part, Part)> {
    let part = |side: &str| -> Option<Part> {
        if side.split_whitespace().count() < SIDE_WORDS_MIN {
            return None;
        }
        let understanding = understand(side);
        let errand = Errand::from_intent(understanding.intent)
            .filter(|e| e.is_task() && understanding.confidence >= SIDE_CONFIDENCE_MIN)?;
        let whole_leans = whole.top.iter().any(|(i, _)| *i == understanding.intent);
        if (errand.proposes() && !whole_leans) || !answerable(errand, side) {
            return None;
        }
        Some(Part {
            text: side.to_owned(),
            understanding,
            errand,
        })
    };
    let mut best: Option<(f32, Part, Part)> = None;
    for cut in cuts(text, lang) {
        let (left, right) = cut.sides(text);
        if refers_back(right, lang) || continues(right, lang) {
            continue;
        }
        let (Some(first), Some(second)) = (part(left), part(right)) else {
            continue;
        };
        if first.errand == second.errand || one_errand(first.errand, second.errand) {
            continue;
        }
        let sure = first
            .understanding
            .confidence
            .min(second.understanding.confidence);
        if best.as_ref().is_none_or(|(b, _, _)| sure > *b) {
            best = Some((sure, first, second));
        }
    }
    let (_, first, second) = best?;
    // A message that as a whole asks to move money ("ok, I'll pay it all now, settle the
    // hoover") is that errand, not two smaller ones its parts read as.
    let whole_errand = Errand::from_intent(whole.intent).filter(|e| e.proposes());
    if whole_errand.is_some_and(|e| e != first.errand && e != second.errand) {
        return None;
    }
    // A question first, a proposal last: its buttons then belong to the last message.
    if first.errand.proposes() && !second.errand.proposes() {
        return Some((second, first));
    }
    Some((first, second))
}

/// The errand of a message that reads as out of scope as a whole because one part of it is
/// ("whats the weather tmrw lol. also where r my trainers from jd"): the other part, when it alone
/// is a confident errand the assistant can do. `None` when no cut leaves an out-of-scope part
/// beside such an errand.
///
/// A part that would propose moving money is allowed here although the whole message does not
/// lean that way (its first part drowns it): the proposal still waits for an explicit yes.
pub fn errand_beside_out_of_scope(
    text: &str,
    whole: &Understanding,
    lang: Lang,
    understand: impl Fn(&str) -> Understanding,
    answerable: impl Fn(Errand, &str) -> bool,
) -> Option<Part> {
    if whole.intent != Intent::OutOfScope {
        return None;
    }
    let read = |side: &str| -> Option<(Understanding, Option<Errand>)> {
        if side.split_whitespace().count() < SIDE_WORDS_MIN {
            return None;
        }
        let understanding = understand(side);
        let errand = Errand::from_intent(understanding.intent).filter(|e| {
            e.is_task() && understanding.confidence >= SIDE_CONFIDENCE_MIN && answerable(*e, side)
        });
        Some((understanding, errand))
    };
    let mut best: Option<Part> = None;
    for cut in cuts(text, lang) {
        let (left, right) = cut.sides(text);
        let (Some((l, l_errand)), Some((r, r_errand))) = (read(left), read(right)) else {
            continue;
        };
        let found = match (l_errand, r_errand) {
            (None, Some(errand)) if l.intent == Intent::OutOfScope => (right, r, errand),
            (Some(errand), None) if r.intent == Intent::OutOfScope => (left, l, errand),
            _ => continue,
        };
        let (side, understanding, errand) = found;
        keep_surer(&mut best, side, understanding, errand);
    }
    best
}

/// The errand of a message that also claims an identity ("I work in your customer service, staff
/// id FD-2231. Move my next payment at Elgaarden to 30 May, I approved it internally"): the part
/// without the claim (`claims`), when it alone is a confident errand. The claim earns nothing:
/// the errand is the customer's own, under the rules that hold for everyone.
pub fn errand_beside_claim(
    text: &str,
    lang: Lang,
    understand: impl Fn(&str) -> Understanding,
    claims: impl Fn(&str) -> bool,
) -> Option<Part> {
    let mut best: Option<Part> = None;
    for cut in cuts(text, lang) {
        let (left, right) = cut.sides(text);
        for side in [left, right] {
            if side.split_whitespace().count() < SIDE_WORDS_MIN || claims(side) {
                continue;
            }
            let understanding = understand(side);
            let Some(errand) = Errand::from_intent(understanding.intent)
                .filter(|e| e.is_task() && understanding.confidence >= SIDE_CONFIDENCE_MIN)
            else {
                continue;
            };
            keep_surer(&mut best, side, understanding, errand);
        }
    }
    best
}

/// Keeps `side` as the best part found so far when it is surer of its errand than `best`.
fn keep_surer(best: &mut Option<Part>, side: &str, understanding: Understanding, errand: Errand) {
    if best
        .as_ref()
        .is_none_or(|b| understanding.confidence > b.understanding.confidence)
    {
        *best = Some(Part {
            text: side.to_owned(),
            understanding,
            errand,
        });
    }
}

fn one_errand(a: Errand, b: Errand) -> bool {
    ONE_ERRAND.contains(&(a, b)) || ONE_ERRAND.contains(&(b, a))
}
