//! The errands answered by one message or routed straight to people: greetings, thanks, the secure
//! links (card, personal details), out-of-scope questions, and the sensitive topics that always go
//! to a human queue (an unrecognised charge, hardship, a complaint).

use fairdesk_ledger::Order;
use fairdesk_store::{Contact, QuickReply};

use super::{Errand, FlowCtx, Out, Step};
use crate::handoff::HandoffReason;

/// The contact details on file, masked (the e-mail's first letter and domain, the phone number's
/// last three digits), and the secure link to change them: full details never go into the chat.
pub fn personal_details(ctx: &FlowCtx<'_>, contact: &Contact) -> Step {
    let mut outs = Vec::new();
    let mut on_file = Vec::new();
    if let Some(email) = contact.email.as_deref().and_then(mask_email) {
        on_file.push(ctx.render("contact-email", &[("email", email)]));
    }
    if let Some(phone) = contact.phone.as_deref().and_then(mask_phone) {
        on_file.push(ctx.render("contact-phone", &[("phone", phone)]));
    }
    if on_file.is_empty() {
        on_file.push(ctx.render("contact-none", &[]));
    }
    outs.push(Out::text(on_file.join(" ")));
    outs.push(ctx.say(
        "personal-details",
        &[("link", ctx.policy.links.personal_details.clone())],
    ));
    Step::Done(outs)
}

/// Whether the message asks which contact details are on file, or to change them: a contact word
/// (phone, e-mail, address) with a "which / do you have / registered / change" cue — or, right after the details were
/// shown (`after_contact`), a contact word alone ("and the phone number?"). Never when it asks for a
/// person.
pub fn asks_contact_details(text: &str, after_contact: bool) -> bool {
    let words = fairdesk_understand::text::lexicon_words(text);
    // Stems of four letters or fewer ("nr", "tel", "quel") must be whole words ("tell" is not
    // "tel", "quelqu'un" is not "quel").
    let has = |stems: &[&str]| {
        words.iter().any(|w| {
            stems.iter().any(|s| {
                if s.len() <= 4 {
                    w == s
                } else {
                    w.starts_with(s)
                }
            })
        })
    };
    let person = words.iter().any(|w| PERSON_WORDS.contains(&w.as_str()))
        || words
            .windows(2)
            .any(|p| p.first().is_some_and(|a| a == "call") && p.get(1).is_some_and(|b| b == "me"));
    // "Update my card, the number is …" is about the card; "the tracking number" about a parcel;
    // "I got an e-mail that …" about what the e-mail said.
    let elsewhere = has(CARD_WORDS) || has(TRACKING_WORDS) || has(RECEIVED_WORDS);
    !person && !elsewhere && has(CONTACT_NOUNS) && (after_contact || has(ON_FILE_CUES))
}

/// Words for contact details (folded stems).
#[rustfmt::skip]
const CONTACT_NOUNS: &[&str] = &[
    "phone", "telefon", "telefoon", "telephone", "puhelin", "mobiel", "puhnro", "numer", "nummer", "number", "nr",
    "tel", "mobil", "movil", "cellulare", "gsm", "email", "mail", "mejl", "sposti", "sahkoposti",
    "correo", "courriel", "adress", "address", "adres", "direccion", "indirizzo", "osoite",
    "contact", "contatt", "kontakt", "coordonnees", "yhteystie", "contactgegevens",
];

/// Cues that the details on file are meant: which, what, do you have, registered, saved, check.
#[rustfmt::skip]
const ON_FILE_CUES: &[&str] = &[
    "have", "registered", "file", "saved", "stored", "what", "which", "har", "hvilk", "vilk",
    "registr", "tallenn", "tiedoissa", "mika", "mita", "mihin", "gespeichert", "hinterlegt",
    "welche", "welk", "welke", "hebben", "jaki", "jaka", "jakie", "macie", "zapisan", "quel",
    "quelle", "quels", "avez", "enregistr",
    "cual", "teneis", "tienen", "guardad", "quale", "quali", "avete", "salvat", "check",
    "verify", "kolla", "sjekk", "tjek", "tarkist", "prufe", "controle", "sprawdz", "verifi",
    "comprob", "controll", "dati", "datos", "uppgifter", "opplysninger", "oplysninger",
    "system", "systeem", "systemet", "jarjestelma", "systemie", "sistema", "systeme",
    // or changing them
    "change", "update", "andra", "uppdater", "endre", "oppdater", "aendre", "opdater", "vaihd",
    "paivit", "ander", "aktualisier", "wijzig", "aanpass", "zmien", "zmian", "chang", "modifi",
    "cambi", "actualiz", "aggiorn",
];

/// Words for a payment card (folded stems).
#[rustfmt::skip]
const CARD_WORDS: &[&str] = &[
    "card", "kort", "kortet", "kortti", "karte", "kaart", "karta", "karty", "carte", "tarjeta",
    "carta", "iban",
];

/// Words for tracking a parcel (folded stems).
#[rustfmt::skip]
const TRACKING_WORDS: &[&str] = &[
    "track", "sporing", "sparning", "sparnings", "seuranta", "sendungs", "verfolg", "sledzen",
    "suivi", "seguimiento", "traccia", "volgcode", "paket", "pakke", "parcel", "paczk", "colis",
];

/// Words for having received something (folded, whole words of four letters or fewer).
#[rustfmt::skip]
const RECEIVED_WORDS: &[&str] = &[
    "got", "fick", "fikk", "fik", "sain", "received", "fatt", "faaet", "bekam", "bekommen",
    "kreeg", "gekregen", "dostalem", "dostalam", "recu", "recibi", "ricevuto", "ricevuta",
];

/// Words asking for a person or a call (whole words), which keep their meaning.
#[rustfmt::skip]
const PERSON_WORDS: &[&str] = &[
    "human", "person", "agent", "ring", "ringe", "menneske", "manniska", "ihminen", "mensch",
    "czlowiek", "humain", "humano", "umano", "operator", "operatore", "kundtjanst",
    "kundeservice", "asiakaspalvelija", "konsultant", "conseiller", "medewerker",
];

/// `astrid.lund@example.com` → `a***@example.com`.
pub fn mask_email(email: &str) -> Option<String> {
    let (local, domain) = email.trim().split_once('@')?;
    let first = local.chars().next()?;
    (!domain.is_empty()).then(|| format!("{first}***@{domain}"))
}

/// `+46 70 123 45 67` → `•••567`.
pub fn mask_phone(phone: &str) -> Option<String> {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    let last: String = digits.get(digits.len().checked_sub(3)?..)?.iter().collect();
    Some(format!("•••{last}"))
}

/// What the assistant can't help with and what it can (a person among the choices), with buttons
/// for common errands.
pub fn out_of_scope(ctx: &FlowCtx<'_>) -> Out {
    let button = |label: &str, payload: &str| QuickReply {
        label: ctx.render(label, &[]),
        payload: payload.to_owned(),
    };
    Out {
        text: ctx.render("out-of-scope", &[]),
        quick_replies: vec![
            button("quick-next-payment", "intent:next_payment"),
            button("quick-order-status", "intent:order_status"),
            button("quick-person", "intent:human_agent"),
        ],
    }
}

/// The one purchase the customer's words point at: by its merchant, or else by its amount.
fn named_purchase<'a>(ctx: &FlowCtx<'a>) -> Option<&'a Order> {
    let by_merchant: Vec<&Order> = ctx
        .orders
        .iter()
        .filter(|o| {
            let name = ctx.merchant(o);
            ctx.slots.merchants.iter().any(|m| m.name == name)
        })
        .collect();
    let by_amount: Vec<&Order> = ctx
        .orders
        .iter()
        .filter(|o| {
            ctx.slots
                .amounts
                .iter()
                .any(|a| a.amount_minor == o.amount.amount_minor)
        })
        .collect();
    match (by_merchant.as_slice(), by_amount.as_slice()) {
        ([one], _) | ([], [one]) => Some(one),
        _ => None,
    }
}

pub fn run(ctx: &FlowCtx<'_>, errand: Errand) -> Step {
    match errand {
        Errand::Greeting => Step::Done(vec![ctx.say("greeting", &[])]),
        Errand::ThanksGoodbye => Step::Done(vec![ctx.say("thanks-goodbye", &[])]),
        Errand::UpdatePaymentMethod => Step::Done(vec![ctx.say(
            "update-payment-method",
            &[("link", ctx.policy.links.update_card.clone())],
        )]),
        Errand::PersonalDetails => Step::Done(vec![ctx.say(
            "personal-details",
            &[("link", ctx.policy.links.personal_details.clone())],
        )]),
        Errand::ChargeNotRecognised => Step::Handoff {
            reason: HandoffReason::Fraud,
            message: named_purchase(ctx).map(|o| {
                ctx.say(
                    "fraud-purchase",
                    &[
                        ("merchant", ctx.merchant(o)),
                        ("amount", ctx.money(o, o.amount.amount_minor)),
                        ("date", ctx.date(o.purchased_on)),
                    ],
                )
            }),
        },
        Errand::Hardship => Step::Handoff {
            reason: HandoffReason::Hardship,
            message: None,
        },
        Errand::Complaint => Step::Handoff {
            reason: HandoffReason::Complaint,
            message: None,
        },
        _ => Step::OfferPerson(vec![out_of_scope(ctx)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::testing::*;

    #[test]
    fn sensitive_topics_go_straight_to_their_human_queue() {
        let w = World::new(day(2026, 3, 2));
        for (errand, want, queue) in [
            (Errand::ChargeNotRecognised, HandoffReason::Fraud, "fraud"),
            (Errand::Hardship, HandoffReason::Hardship, "hardship"),
            (Errand::Complaint, HandoffReason::Complaint, "complaints"),
        ] {
            let step = w.with_ctx(|ctx| run(ctx, errand));
            assert_eq!(
                step,
                Step::Handoff {
                    reason: want,
                    message: None
                },
                "{errand:?}"
            );
            assert_eq!(want.queue(), queue);
            // The engine's dispatch routes them here too.
            assert_eq!(w.with_ctx(|ctx| errand.run(ctx, None)), step);
        }
    }

    #[test]
    fn an_out_of_scope_question_offers_a_person() {
        let w = World::new(day(2026, 3, 2));
        let step = w.with_ctx(|ctx| run(ctx, Errand::OutOfScope));
        let Step::OfferPerson(outs) = step else {
            unreachable!("out of scope must offer a person");
        };
        let texts: Vec<&str> = outs.iter().map(|o| o.text.as_str()).collect();
        let buttons: Vec<&str> = outs
            .iter()
            .flat_map(|o| o.quick_replies.iter().map(|q| q.payload.as_str()))
            .collect();
        assert_eq!(
            buttons,
            [
                "intent:next_payment",
                "intent:order_status",
                "intent:human_agent"
            ]
        );
        assert_eq!(
            texts,
            [
                "Det kan jag tyvärr inte hjälpa till med – jag finns här för dina köp och betalningar. \
              Vill du att jag kopplar dig till en person?"
            ]
        );
    }

    #[test]
    fn card_and_personal_details_get_the_policys_secure_links() {
        let mut w = World::new(day(2026, 3, 2));
        w.policy.links.update_card = "https://lender.example/kort".to_owned();
        let card = done_text(&w.with_ctx(|ctx| run(ctx, Errand::UpdatePaymentMethod)));
        assert!(card.ends_with("https://lender.example/kort"), "{card}");
        let details = done_text(&w.with_ctx(|ctx| run(ctx, Errand::PersonalDetails)));
        assert!(
            details.ends_with("https://pay.example.com/profile"),
            "{details}"
        );
    }

    #[test]
    fn questions_about_the_details_on_file_are_told_from_requests_for_a_call() {
        for text in [
            "what email do you have for me?",
            "hvilket telefonnummer har I på mig?",
            "welk telefoonnummer hebben jullie van mij?",
            "¿qué correo y teléfono tenéis guardados?",
            "mi dici quali dati di contatto avete di me?",
        ] {
            assert!(asks_contact_details(text, false), "{text}");
        }
        assert!(asks_contact_details("entä puhelinnumero?", true));
        for text in [
            "entä puhelinnumero?",
            "can a person call me on my phone number",
            "tell me what you can do",
            "which personal loan is cheapest",
            "I want to talk to a human",
        ] {
            assert!(!asks_contact_details(text, false), "{text}");
        }
    }
}
