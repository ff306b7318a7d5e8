//! The built-in BNPL model against the held-out test files (`understand/data/test/{lang}.csv`,
//! never used for training): intent accuracy per language, `human_agent` recall, language
//! identification, the human safety net's side effects, and hostile input.
//!
//! Every language whose test file exists is measured; the thresholds are the issue's.

use std::collections::BTreeMap;
use std::path::PathBuf;

use fairdesk_understand::eval::evaluate_with;
use fairdesk_understand::gibberish::is_gibberish;
use fairdesk_understand::handoff::asks_for_human;
use fairdesk_understand::{Example, Intent, Lang, Understander, read_examples};

const INTENT_ACCURACY_MIN: f64 = 0.95;
const HUMAN_RECALL_MIN: f64 = 0.99;
const LANG_ID_ACCURACY_MIN: f64 = 0.98;

fn model() -> &'static Understander {
    fairdesk_model::bnpl().unwrap()
}

/// Test examples by language, for every language that has a test file.
fn test_sets() -> BTreeMap<String, Vec<Example>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../understand/data/test");
    let mut sets = BTreeMap::new();
    for lang in Lang::ALL {
        let path = dir.join(format!("{lang}.csv"));
        if path.exists() {
            sets.insert(lang.to_string(), read_examples(&path).unwrap());
        }
    }
    sets
}

fn intent_of(text: &str) -> String {
    model().understand(text).intent.to_string()
}

/// Fails listing every language below `min`, with all scores for context.
fn assert_every_language(what: &str, scores: &BTreeMap<String, f64>, min: f64) {
    let table: Vec<String> = scores
        .iter()
        .map(|(l, s)| format!("{l} {:.2} %", 100.0 * s))
        .collect();
    let below: Vec<&String> = scores
        .iter()
        .filter(|(_, s)| **s < min)
        .map(|(l, _)| l)
        .collect();
    assert!(
        below.is_empty(),
        "{what} below {:.0} % in {below:?}; all: {table:?}",
        100.0 * min
    );
}

#[test]
fn intent_accuracy_is_at_least_95_percent_in_every_language() {
    let mut scores = BTreeMap::new();
    for (lang, examples) in test_sets() {
        let report = evaluate_with(&examples, |e| intent_of(&e.text));
        scores.insert(lang, report.accuracy());
    }
    assert_every_language("intent accuracy", &scores, INTENT_ACCURACY_MIN);
}

#[test]
fn requests_for_a_human_are_recognised_99_percent_of_the_time_in_every_language() {
    let mut scores = BTreeMap::new();
    for (lang, examples) in test_sets() {
        let human: Vec<&Example> = examples
            .iter()
            .filter(|e| e.label == "human_agent")
            .collect();
        let found = human
            .iter()
            .filter(|e| model().understand(&e.text).intent == Intent::HumanAgent);
        scores.insert(lang, found.count() as f64 / human.len().max(1) as f64);
    }
    assert_every_language("human_agent recall", &scores, HUMAN_RECALL_MIN);
}

#[test]
fn language_identification_is_at_least_98_percent_accurate() {
    let all: Vec<Example> = test_sets()
        .into_values()
        .flatten()
        .filter_map(|e| {
            Some(Example {
                label: e.lang.clone()?,
                ..e
            })
        })
        .collect();
    let report = evaluate_with(&all, |e| model().understand(&e.text).lang.to_string());
    assert!(
        report.accuracy() >= LANG_ID_ACCURACY_MIN,
        "{}",
        report.render(10)
    );
}

#[test]
fn the_human_safety_net_never_fires_on_other_intents() {
    let sets = test_sets();
    let wrongly_forced: Vec<&str> = sets
        .values()
        .flatten()
        .filter(|e| e.label != "human_agent" && asks_for_human(&e.text))
        .map(|e| e.text.as_str())
        .collect();
    assert!(wrongly_forced.is_empty(), "{wrongly_forced:?}");
}

#[test]
fn keyboard_mash_is_out_of_scope_with_no_confidence() {
    for text in [
        "jdjdjdj",
        "asdkjh qwpoe zzxv",
        "xkcd qwrtz plmnb",
        "sdfghj kjhgf",
        "öööh",
        "hdhdhd",
        "zxcvb",
    ] {
        let u = model().understand(text);
        assert_eq!(
            (u.intent, u.confidence),
            (Intent::OutOfScope, 0.0),
            "{text}"
        );
    }
}

#[test]
fn short_and_misspelled_real_messages_are_not_gibberish_in_any_language() {
    let vocabulary = model().lang_id().vocabulary();
    for text in [
        "thx",
        "yep",
        "refnud??",
        "paymnet",
        "hej",
        "tack",
        "japp",
        "betlaning",
        "takk",
        "nei",
        "tak",
        "hej hej",
        "moi",
        "kiitos",
        "joo",
        "maksuu",
        "danke",
        "jawohl",
        "Rückerstatung",
        "dank je",
        "hoi",
        "nee",
        "dzięki",
        "cześć",
        "zwrot pieniedzy",
        "merci",
        "ouais",
        "remboursment",
        "gracias",
        "vale",
        "reembolzo",
        "grazie",
        "ciao",
        "rimborzo",
        "jaaaa",
        "neeej",
    ] {
        assert!(!is_gibberish(vocabulary, text), "{text}");
        assert!(model().understand(text).confidence > 0.0, "{text}");
    }
}

#[test]
fn no_held_out_test_line_is_taken_for_gibberish() {
    let vocabulary = model().lang_id().vocabulary();
    let sets = test_sets();
    let flagged: Vec<&str> = sets
        .values()
        .flatten()
        .filter(|e| is_gibberish(vocabulary, &e.text))
        .map(|e| e.text.as_str())
        .collect();
    assert!(flagged.is_empty(), "{flagged:?}");
}

#[test]
fn an_undelivered_polish_order_typed_without_diacritics_is_a_problem_with_the_order() {
    for text in [
        "zamowienie nie przyszlo do dzis, co mam zrobic",
        "paczka nie doszla a place juz druga rate",
    ] {
        assert_eq!(intent_of(text), "report_problem_order", "{text}");
    }
}

#[test]
fn every_intent_label_is_a_bnpl_intent_and_the_understanding_is_consistent() {
    for text in [
        "where is my order from Zalando",
        "hej",
        "ich will einen Menschen",
    ] {
        let u = model().understand(text);
        assert!(
            u.top.len() == 3 && u.top.windows(2).all(|w| w[0].1 >= w[1].1),
            "{u:?}"
        );
        assert!((0.0..=1.0).contains(&u.confidence) && (0.0..=1.0).contains(&u.lang_confidence));
    }
    let u = model().understand("ich will einen Menschen sprechen");
    assert_eq!(
        (u.intent, u.lang, u.forced_human),
        (Intent::HumanAgent, Lang::De, true)
    );
}

#[test]
fn hostile_input_has_a_defined_answer() {
    let huge = "where is my order ".repeat(6_000);
    let junk: String = (0u8..=255)
        .map(char::from)
        .chain(['\u{0}', '\u{feff}', '\u{202e}'])
        .collect();
    for text in ["", "   \n\t", "🙂🙂🙂👍", "?!?!", "12345", &junk] {
        let u = model().understand(text);
        if !text.chars().any(char::is_alphanumeric) {
            assert_eq!(
                (u.intent, u.confidence, u.lang_confidence),
                (Intent::OutOfScope, 0.0, 0.0),
                "{text:?}"
            );
        }
        assert!(u.confidence.is_finite() && u.top.iter().all(|(_, p)| p.is_finite()));
    }
    assert!(huge.len() > 100_000);
    assert_eq!(model().understand(&huge).intent, Intent::OrderStatus);
}

/// The blind out-of-domain set (`understand/data/ood_test/{lang}.csv`, written by people who saw
/// no training data): messages unrelated to the lender land on `out_of_scope` (or a person), and
/// almost never on an intent that could move money. The bars sit just under what the model
/// reaches (95.5 % and 0.27 % at the time of writing), so a change that loses ground fails here.
#[test]
fn out_of_domain_messages_land_out_of_scope_and_almost_never_on_money() {
    const OUT_OF_SCOPE_MIN: f64 = 0.95;
    const PER_LANGUAGE_MIN: f64 = 0.90;
    const MONEY_MAX: f64 = 0.005;
    let money = [
        Intent::PayNow,
        Intent::PayOff,
        Intent::MoveDueDate,
        Intent::CancelOrder,
        Intent::ReturnItem,
        Intent::AccountClose,
        Intent::UpdatePaymentMethod,
    ];
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../understand/data/ood_test");
    let (mut total, mut out, mut to_money) = (0usize, 0usize, 0usize);
    let mut per_language = BTreeMap::new();
    for lang in Lang::ALL {
        let examples = read_examples(&dir.join(format!("{lang}.csv"))).unwrap();
        let intents: Vec<Intent> = examples
            .iter()
            .map(|e| model().understand(&e.text).intent)
            .collect();
        let ok = intents
            .iter()
            .filter(|i| matches!(i, Intent::OutOfScope | Intent::HumanAgent))
            .count();
        total += intents.len();
        out += ok;
        to_money += intents.iter().filter(|i| money.contains(i)).count();
        per_language.insert(lang.to_string(), ok as f64 / intents.len() as f64);
    }
    let share = out as f64 / total as f64;
    let money_share = to_money as f64 / total as f64;
    assert!(
        share >= OUT_OF_SCOPE_MIN,
        "{:.2} % out of scope",
        100.0 * share
    );
    assert!(
        money_share <= MONEY_MAX,
        "{:.2} % on money intents",
        100.0 * money_share
    );
    assert_every_language("out of scope", &per_language, PER_LANGUAGE_MIN);
}
