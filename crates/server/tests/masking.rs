//! Card numbers and IBANs written to slip past masking — odd separators (double spaces, tabs,
//! newlines, no-break and zero-width spaces, `/`, `_`), groups of one or two digits, full-width,
//! Arabic-Indic or Devanagari digits — are masked wherever text is kept or shown: the masking
//! function itself (property-based), and end to end in customer messages, feedback comments and
//! agent replies, checked in the database file and in the log output.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{AgentClient, TestServer};
use fairdesk_agent::mask::{Sensitive, mask};
use fairdesk_store::{Backend, Role};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::json;

/// Zeros of the digit scripts written in the attacks.
const SCRIPTS: [u32; 5] = [0x30, 0xFF10, 0x660, 0x6F0, 0x966];
const SEPARATORS: [&str; 12] = [
    " ", "  ", "\t", "\n", "\r\n", "\u{a0}", "\u{202f}", "\u{200b}", "/", "_", "-", ".",
];
const IBANS: [&str; 5] = [
    "DE89370400440532013000",
    "GB29NWBK60161331926819",
    "SE4550000000058398257466",
    "NL91ABNA0417164300",
    "FR1420041010050500013M02606",
];

/// A card number of 16 digits with a network's first digit and a valid Luhn check digit.
fn card() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec![2u32, 3, 4, 5, 6]),
        prop::collection::vec(0u32..10, 14),
    )
        .prop_map(|(first, middle)| {
            let mut digits = vec![first];
            digits.extend(middle);
            let sum: u32 = digits
                .iter()
                .rev()
                .enumerate()
                .map(|(i, &d)| {
                    if i % 2 == 0 {
                        (d * 2) % 10 + (d * 2) / 10
                    } else {
                        d
                    }
                })
                .sum();
            digits.push((10 - sum % 10) % 10);
            digits
                .iter()
                .map(|d| char::from_digit(*d, 10).unwrap())
                .collect()
        })
}

/// `plain` (ASCII digits and letters) in digit script `zero`, cut in groups of the given sizes
/// joined by the given separators.
fn written(plain: &str, zero: u32, sizes: &[usize], separators: &[&str]) -> String {
    let chars: Vec<char> = plain
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(zero + d).unwrap(),
            None => c,
        })
        .collect();
    let mut out = String::new();
    let mut at = 0;
    let mut i = 0;
    while at < chars.len() {
        if at > 0 {
            out.push_str(separators[i % separators.len()]);
        }
        let size = sizes[i % sizes.len()].max(1);
        out.extend(chars.iter().skip(at).take(size));
        at += size;
        i += 1;
    }
    out
}

/// A card written in an attack's way: groups of 1, 2 or 4 digits (at least one small group, or an
/// odd separator, or another script), any separators, any script.
fn disguised_card() -> impl Strategy<Value = (String, String)> {
    (
        card(),
        prop::sample::select(SCRIPTS.to_vec()),
        prop::collection::vec(prop::sample::select(vec![1usize, 2, 4]), 1..6),
        prop::collection::vec(prop::sample::select(SEPARATORS.to_vec()), 1..4),
    )
        .prop_map(|(card, zero, sizes, separators)| {
            let text = written(&card, zero, &sizes, &separators);
            (card, text)
        })
}

fn disguised_iban() -> impl Strategy<Value = (String, String)> {
    (
        prop::sample::select(IBANS.to_vec()),
        prop::sample::select(SCRIPTS.to_vec()),
        prop::collection::vec(prop::sample::select(vec![1usize, 2, 3, 4, 5]), 1..4),
        prop::collection::vec(
            prop::sample::select(vec!["-", ".", "\u{a0}", "  ", "\u{200b}", " - "]),
            1..3,
        ),
    )
        .prop_map(|(iban, zero, sizes, separators)| {
            let text = written(iban, zero, &sizes, &separators);
            (iban.to_owned(), text)
        })
}

/// Whether `text` holds a date written as one — three digit groups joined by the same single
/// `-`, `/` or `.`, as year-month-day or day-month-year — which masking leaves alone by design.
fn writes_a_date(text: &str) -> bool {
    let mut groups: Vec<(String, String)> = Vec::new();
    for c in text.chars() {
        match skeleton(&c.to_string()).chars().next() {
            Some(d) if d.is_ascii_digit() => match groups.last_mut() {
                Some((digits, sep)) if sep.is_empty() => digits.push(d),
                _ => groups.push((d.to_string(), String::new())),
            },
            _ => {
                if let Some((_, sep)) = groups.last_mut() {
                    sep.push(c);
                }
            }
        }
    }
    groups.windows(3).any(|w| {
        let (a, b, c) = (&w[0], &w[1], &w[2]);
        let joined = a.1 == b.1 && ["-", "/", "."].contains(&a.1.as_str());
        let n = |s: &str| s.parse::<u32>().unwrap_or(0);
        let date = |y: &str, m: &str, d: &str| {
            (1900..=2099).contains(&n(y)) && (1..=12).contains(&n(m)) && (1..=31).contains(&n(d))
        };
        joined
            && ((a.0.len() == 4 && b.0.len() == 2 && c.0.len() == 2 && date(&a.0, &b.0, &c.0))
                || (c.0.len() == 4 && a.0.len() <= 2 && b.0.len() <= 2 && date(&c.0, &b.0, &a.0)))
    })
}

/// Letters upper-cased and digits of every script as ASCII, everything else dropped: what a
/// reader (or a model) could still piece the number together from.
fn skeleton(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            let v = u32::from(c);
            SCRIPTS
                .iter()
                .find(|&&z| (z..z + 10).contains(&v))
                .and_then(|z| char::from_digit(v - z, 10))
                .or_else(|| c.is_ascii_alphabetic().then(|| c.to_ascii_uppercase()))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn disguised_card_numbers_are_masked((card, text) in disguised_card()) {
        prop_assume!(!writes_a_date(&text));
        let message = format!("my card is {text} thanks");
        let masked = mask(&message);
        prop_assert!(!skeleton(&masked.text).contains(&card), "{message:?} -> {:?}", masked.text);
        prop_assert!(masked.found.contains(&Sensitive::CardNumber));
        prop_assert!(masked.text.starts_with("my card is ") && masked.text.ends_with(" thanks"));
        prop_assert_eq!(mask(&masked.text).text, masked.text.clone(), "masking twice");
    }

    #[test]
    fn disguised_ibans_are_masked((iban, text) in disguised_iban()) {
        let message = format!("IBAN: {text} ok");
        let masked = mask(&message);
        prop_assert!(!skeleton(&masked.text).contains(&iban), "{message:?} -> {:?}", masked.text);
        prop_assert!(masked.found.contains(&Sensitive::Iban));
        prop_assert!(masked.text.ends_with(" ok"));
    }
}

#[test]
fn amounts_dates_and_order_numbers_in_odd_spacing_survive() {
    for text in [
        "paid 1 200 SEK on 2026-12-01  and 300\u{a0}SEK on 15/12/2026",
        "order O-1001, ref 12345678",
        "due 2026-12-01 2026-12-15 2027-01-01",
        "call +46 70 123 45 67 89",
        "٢٠٢٦-١٢-٠١",
    ] {
        let masked = mask(text);
        assert_eq!(masked.text, text, "{text:?}");
    }
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn disguised_numbers_reach_neither_the_database_file_nor_the_log() {
    let log = common::capture_logs();
    let s = TestServer::start(Backend::Sqlite).await;
    s.add_agent("anna", Role::Agent).await;
    let anna = AgentClient::login(&s.base, "anna").await;
    s.add_agent("sara", Role::Supervisor).await;
    let sara = AgentClient::login(&s.base, "sara").await;
    let (held, _) = s.start_conversation("C-3").await;
    s.say("C-3", &held, "I want to talk to a human").await;
    let (status, _) = anna
        .post(
            &format!("/api/v1/agent/conversations/{held}/claim"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);

    let mut runner = TestRunner::deterministic();
    let mut secrets = Vec::new();
    for n in 0..6 {
        let (card, text) = disguised_card().new_tree(&mut runner).unwrap().current();
        let customer = if n % 2 == 0 { "C-2" } else { "C-4" };
        let (id, _) = s.start_conversation(customer).await;
        s.say(customer, &id, &format!("my card {text}")).await;
        // A conversation is rated once it is closed: a supervisor takes it from the bot and closes it.
        for step in ["claim", "resolve"] {
            let path = format!("/api/v1/agent/conversations/{id}/{step}");
            assert_eq!(sara.post(&path, json!({})).await.0, 200, "{step}");
        }
        let r = s
            .http
            .post(s.url(&format!("/api/v1/conversations/{id}/feedback")))
            .bearer_auth(s.token(customer))
            .json(&json!({ "score": 2, "comment": format!("card {text}") }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);
        let (status, _) = anna
            .post(
                &format!("/api/v1/agent/conversations/{held}/messages"),
                json!({ "text": format!("is it {text}?") }),
            )
            .await;
        assert_eq!(status, 200);
        secrets.push((card, text));
    }
    let path = s.url.trim_start_matches("sqlite://").to_owned();
    let mut stored = Vec::new();
    for suffix in ["", "-wal"] {
        if let Ok(bytes) = std::fs::read(format!("{path}{suffix}")) {
            stored.extend(bytes);
        }
    }
    assert!(stored.len() > 10_000, "the database was read");
    let logged = log.bytes();
    assert!(!logged.is_empty(), "the log was captured");
    for (card, text) in &secrets {
        for (place, bytes) in [("database", &stored), ("log", &logged)] {
            assert!(!contains(bytes, card), "{card} in the {place}");
            assert!(!contains(bytes, text), "{text:?} in the {place}");
        }
    }
}
