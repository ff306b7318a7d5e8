//! Every proposal checked against what the customer asked for (issue 10): a money action the
//! customer confirms with one careless "yes" must be the errand they asked for, on the purchase
//! they named.
//!
//! Run after every turn that leaves a new proposal waiting for the customer's yes:
//! - the errand proposed is one the customer's words asked for: the scenario's errand, a turn's
//!   labelled intent, or how the understanding read one of the customer's messages or one part of
//!   it — never an errand nobody asked for ("pay one installment" turned into "pay off the plan");
//! - where the customer's words since the last proposal name exactly one of their merchants (or
//!   order references), the proposal is for that merchant's order (or that order).

use std::collections::BTreeSet;

use fairdesk_agent::memory::Pending;
use fairdesk_understand::Lang;
use fairdesk_understand::clauses::{continues, cuts, refers_back};

use crate::scenario::Scenario;

/// A part of a message read this surely counts as asked for.
const PART_CONFIDENCE_MIN: f32 = 0.5;

/// What the customer asked so far in one conversation, and their words since the last proposal.
#[derive(Debug, Default)]
pub struct Requests {
    /// Errands asked for (intent names).
    asked: BTreeSet<String>,
    /// The customer's messages since the last proposal.
    words: Vec<String>,
    last_proposal: Option<String>,
}

impl Requests {
    pub fn new(s: &Scenario) -> Requests {
        Requests {
            asked: BTreeSet::from([s.errand.clone()]),
            ..Requests::default()
        }
    }

    /// Records one customer message: its text, its labelled intent, how the engine understood it,
    /// and what the built-in model reads in each of its parts (a message may ask for two things).
    pub fn heard(&mut self, text: &str, lang: &str, gold: Option<&str>, understood: Option<&str>) {
        self.words.push(text.to_owned());
        self.asked
            .extend(gold.into_iter().chain(understood).map(str::to_owned));
        let (Ok(model), Ok(lang)) = (fairdesk_model::bnpl(), lang.parse::<Lang>()) else {
            return;
        };
        for cut in cuts(text, lang) {
            let (left, right) = cut.sides(text);
            // "…, not the whole sum" and "…, please pay it out" ask for nothing of their own.
            let right = Some(right).filter(|r| !continues(r, lang) && !refers_back(r, lang));
            for side in std::iter::once(left).chain(right) {
                let u = model.understand(side);
                if u.confidence >= PART_CONFIDENCE_MIN {
                    self.asked.insert(u.intent.as_str().to_owned());
                }
            }
        }
    }

    /// What is wrong with `pending`, if it is a new proposal; none when it matches the request.
    pub fn check(&mut self, s: &Scenario, pending: Option<&Pending>) -> Vec<String> {
        let Some(p) = pending.filter(|p| self.last_proposal.as_deref() != Some(p.id.as_str()))
        else {
            return Vec::new();
        };
        self.last_proposal = Some(p.id.clone());
        let words = std::mem::take(&mut self.words).join(" \n ").to_lowercase();
        let mut failures = Vec::new();
        let errand = p.errand.as_str();
        if !self.asked.contains(errand) {
            failures.push(format!(
                "proposed {errand}, which the customer did not ask for (asked: {})",
                self.asked.iter().cloned().collect::<Vec<_>>().join(", ")
            ));
        }
        let Some(order) = p.action.order().map(|o| o.as_str()) else {
            return failures;
        };
        let Some(fixture) = s.orders.iter().find(|o| o.id == order) else {
            return failures;
        };
        let named_orders: Vec<&str> = s
            .orders
            .iter()
            .filter(|o| names_word(&words, &o.id.to_lowercase()))
            .map(|o| o.id.as_str())
            .collect();
        if let [named] = named_orders.as_slice()
            && *named != order
        {
            failures.push(format!(
                "proposed {errand} on {order}, but the customer named {named}"
            ));
        }
        let named_merchants: Vec<&str> = s
            .merchants
            .iter()
            .filter(|m| words.contains(&m.name.to_lowercase()))
            .map(|m| m.id.as_str())
            .collect();
        if named_orders.is_empty()
            && let [named] = named_merchants.as_slice()
            && *named != fixture.merchant
        {
            failures.push(format!(
                "proposed {errand} on {order} (merchant {}), but the customer named merchant {named}",
                fixture.merchant
            ));
        }
        failures
    }
}

/// Whether `word` stands on its own in `text` ("o-1" in "order o-1?" but not in "o-12").
fn names_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text.get(..at).and_then(|t| t.chars().next_back());
        let after = text.get(at + word.len()..).and_then(|t| t.chars().next());
        !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use fairdesk_agent::actions::Action;
    use fairdesk_agent::flows::Errand;

    const SCENARIO: &str = r#"
name = "two shops"
errand = "pay_now"
language = "en"
today = "2026-03-10"

[customer]
name = "Ann"
country = "GB"
language = "en"

[[merchants]]
id = "M-1"
name = "Argos"
currency = "GBP"

[[merchants]]
id = "M-2"
name = "Boots"
currency = "GBP"

[[orders]]
id = "O-1"
merchant = "M-1"
amount = "100.00"
plan = "pay_in_4"
purchased = "2026-03-01"

[[orders]]
id = "O-2"
merchant = "M-2"
amount = "100.00"
plan = "pay_in_4"
purchased = "2026-03-01"

[[turns]]
say = ["pay my next Boots installment now"]
"#;

    fn pending(id: &str, errand: Errand, action: Action) -> Pending {
        Pending {
            id: id.to_owned(),
            errand,
            action,
            expires_at: chrono::DateTime::UNIX_EPOCH,
            message: String::new(),
        }
    }

    fn pay_now(order: &str) -> Action {
        Action::PayNow {
            order: order.parse().unwrap(),
            installment: 2,
            amount_minor: 2_500,
        }
    }

    #[test]
    fn a_proposal_of_the_errand_asked_on_the_named_merchant_passes() {
        let s: Scenario = toml::from_str(SCENARIO).unwrap();
        let mut r = Requests::new(&s);
        r.heard(
            "pay my next Boots installment now",
            "en",
            None,
            Some("pay_now"),
        );
        let p = pending("cf-1", Errand::PayNow, pay_now("O-2"));
        assert_eq!(r.check(&s, Some(&p)), Vec::<String>::new());
    }

    #[test]
    fn paying_off_the_plan_when_one_installment_was_asked_is_caught() {
        let s: Scenario = toml::from_str(SCENARIO).unwrap();
        let mut r = Requests::new(&s);
        r.heard(
            "pay my next Boots installment now",
            "en",
            None,
            Some("pay_now"),
        );
        let off = Action::PayOff {
            order: "O-2".parse().unwrap(),
            amount_minor: 7_500,
        };
        let failures = r.check(&s, Some(&pending("cf-1", Errand::PayOff, off)));
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert!(failures[0].contains("did not ask"), "{failures:?}");
    }

    #[test]
    fn a_proposal_on_another_merchants_order_than_named_is_caught() {
        let s: Scenario = toml::from_str(SCENARIO).unwrap();
        let mut r = Requests::new(&s);
        r.heard(
            "pay my next Boots installment now",
            "en",
            None,
            Some("pay_now"),
        );
        let failures = r.check(&s, Some(&pending("cf-1", Errand::PayNow, pay_now("O-1"))));
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert!(failures[0].contains("merchant M-2"), "{failures:?}");
    }

    #[test]
    fn a_proposal_still_waiting_is_checked_once() {
        let s: Scenario = toml::from_str(SCENARIO).unwrap();
        let mut r = Requests::new(&s);
        r.heard("pay my next Argos installment", "en", None, Some("pay_now"));
        let p = pending("cf-1", Errand::PayNow, pay_now("O-2"));
        assert_eq!(r.check(&s, Some(&p)).len(), 1);
        r.heard("hmm", "en", None, None);
        assert!(r.check(&s, Some(&p)).is_empty());
    }

    #[test]
    fn an_order_reference_is_a_word_of_its_own() {
        assert!(names_word("pay order o-1 now", "o-1"));
        assert!(names_word("o-1?", "o-1"));
        assert!(!names_word("pay order o-12 now", "o-1"));
    }
}
