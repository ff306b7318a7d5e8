//! The scenario file format (TOML), documented for non-programmers in `docs/scenarios.md`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    /// The errand the scenario is about (for the per-errand table).
    pub errand: String,
    /// The customer's language (for the per-language table).
    pub language: String,
    /// The date the conversation happens.
    pub today: NaiveDate,
    #[serde(default)]
    pub adversarial: bool,
    pub customer: CustomerFixture,
    #[serde(default)]
    pub merchants: Vec<MerchantFixture>,
    #[serde(default)]
    pub orders: Vec<OrderFixture>,
    /// Other customers (for "not your order" attacks).
    #[serde(default)]
    pub others: Vec<OtherFixture>,
    pub turns: Vec<TurnSpec>,
    /// Checks on the assistant's first message.
    #[serde(default)]
    pub opening: Option<ReplyChecks>,
    /// Checks over every reply of the conversation.
    #[serde(default)]
    pub transcript: Option<ReplyChecks>,
    #[serde(default)]
    pub end: EndSpec,
    /// Alternative acceptable end states (instead of `end`): any one must match.
    #[serde(default)]
    pub ends: Vec<EndSpec>,
}

/// Texts that must (all / any) or must not appear in a set of replies.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyChecks {
    #[serde(default)]
    pub mentions: Vec<String>,
    #[serde(default)]
    pub mentions_any: Vec<String>,
    #[serde(default)]
    pub not_mentions: Vec<String>,
    /// The quick-reply payloads offered (opening only), in any order.
    #[serde(default)]
    pub quick_replies: Option<Vec<String>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerFixture {
    #[serde(default = "default_customer")]
    pub id: String,
    pub name: String,
    pub country: String,
    pub language: String,
    #[serde(default = "yes")]
    pub card_valid: bool,
    /// Contact details on file.
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

fn default_customer() -> String {
    "C-1".to_owned()
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MerchantFixture {
    pub id: String,
    pub name: String,
    pub currency: String,
    #[serde(default = "default_country")]
    pub country: String,
}

fn default_country() -> String {
    "SE".to_owned()
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderFixture {
    pub id: String,
    pub merchant: String,
    #[serde(default = "default_item")]
    pub item: String,
    /// Decimal amount in the merchant's currency, e.g. "1200.00".
    pub amount: String,
    /// `pay_in_4`, `pay_in_30` or `financing`.
    pub plan: String,
    #[serde(default)]
    pub months: u32,
    /// Nominal APR in percent for financing, e.g. "12.00".
    #[serde(default)]
    pub apr: String,
    pub purchased: NaiveDate,
    /// What happened before the conversation, in order.
    #[serde(default)]
    pub history: Vec<Event>,
}

fn default_item() -> String {
    "Purchase".to_owned()
}

/// A past event on an order.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// capture | fail | late_fee | waive | refund | start_return | confirm_return | dispute | move |
    /// pay_off | cancel | ship
    pub op: String,
    pub on: NaiveDate,
    #[serde(default)]
    pub installment: u8,
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub to: Option<NaiveDate>,
    /// `fail`: card_expired | insufficient_funds | card_blocked | bank_declined.
    #[serde(default)]
    pub reason: Option<String>,
    /// `ship`: the carrier and tracking number.
    #[serde(default)]
    pub carrier: Option<String>,
    #[serde(default)]
    pub tracking: Option<String>,
}

/// Another customer of the lender with their own orders.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherFixture {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub orders: Vec<OrderFixture>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TurnSpec {
    /// Alternative phrasings of the customer's message; run `i` of pass^k uses phrasing `i % n`.
    pub say: Vec<String>,
    #[serde(default)]
    pub intent: Option<String>,
    /// Every one of these must appear in the bot's reply (case-insensitive).
    #[serde(default)]
    pub mentions: Vec<String>,
    /// At least one of these must appear.
    #[serde(default)]
    pub mentions_any: Vec<String>,
    #[serde(default)]
    pub not_mentions: Vec<String>,
    /// The quick-reply payloads offered, in any order.
    #[serde(default)]
    pub quick_replies: Option<Vec<String>>,
    /// Whether this turn hands the conversation to a person.
    #[serde(default)]
    pub handoff: Option<bool>,
    /// The bot must say nothing (a person holds the conversation).
    #[serde(default)]
    pub silent: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndSpec {
    /// `bot`, `queued`, `human` or `closed`.
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub queue: Option<String>,
    #[serde(default)]
    pub orders: BTreeMap<String, OrderEnd>,
    /// Late-fee waivers the customer has used at the end.
    #[serde(default)]
    pub waivers_used: Option<u32>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderEnd {
    /// active | paid_off | refunded | cancelled
    #[serde(default)]
    pub status: Option<String>,
    /// Decimal amount paid in total.
    #[serde(default)]
    pub paid: Option<String>,
    #[serde(default)]
    pub refunded: Option<String>,
    /// Due date of installment N (key: installment number as text).
    #[serde(default)]
    pub due: BTreeMap<String, NaiveDate>,
    /// Unwaived late fees still owed, as a decimal amount.
    #[serde(default)]
    pub fees_owed: Option<String>,
    /// true: paused (return or dispute); false: not paused.
    #[serde(default)]
    pub paused: Option<bool>,
    #[serde(default)]
    pub dispute_open: Option<bool>,
}
