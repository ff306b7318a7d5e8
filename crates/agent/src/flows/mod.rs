//! One flow per errand: a small state machine that answers from computed figures, or proposes a
//! money action for the customer to confirm. Flows never execute money actions themselves; the engine
//! does, after the customer's explicit yes (see [`crate::actions`]).
//!
//! A flow that needs an order says which orders qualify (`eligible`); the engine asks the customer
//! to choose when more than one does. Every flow gets only the authenticated customer's orders.

mod account_close;
mod balance_remaining;
mod cancel_order;
mod how_it_works;
mod interest_cost;
mod late_fee;
mod move_due_date;
mod next_payment;
mod order_status;
mod pay_now;
mod pay_off;
mod payment_failed;
mod refund_status;
mod report_problem_order;
mod return_item;
mod simple;
pub use balance_remaining::total as balance_total;
pub use simple::{asks_contact_details, mask_email, mask_phone, out_of_scope, personal_details};
#[cfg(test)]
pub(crate) mod testing;

use std::collections::HashMap;

use chrono::NaiveDate;
use fairdesk_ledger::{Customer, MerchantId, Order, OrderId};
use fairdesk_store::QuickReply;
use fairdesk_understand::{Intent, Slots};
use serde::{Deserialize, Serialize};

use crate::actions::Action;
use crate::handoff::HandoffReason;
use crate::help::HelpCenter;
use crate::locale;
use crate::policy::AgentPolicy;
use crate::replies::Replies;

/// The errands the bot resolves (or routes), one per customer intent that asks for something.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Errand {
    OrderStatus,
    NextPayment,
    BalanceRemaining,
    PayNow,
    PayOff,
    MoveDueDate,
    RefundStatus,
    ReturnItem,
    ReportProblemOrder,
    CancelOrder,
    LateFee,
    PaymentFailed,
    UpdatePaymentMethod,
    InterestCost,
    ChargeNotRecognised,
    Hardship,
    Complaint,
    AccountClose,
    PersonalDetails,
    HowItWorks,
    OutOfScope,
    Greeting,
    ThanksGoodbye,
}

impl Errand {
    pub fn from_intent(intent: Intent) -> Option<Errand> {
        Some(match intent {
            Intent::OrderStatus => Errand::OrderStatus,
            Intent::NextPayment => Errand::NextPayment,
            Intent::BalanceRemaining => Errand::BalanceRemaining,
            Intent::PayNow => Errand::PayNow,
            Intent::PayOff => Errand::PayOff,
            Intent::MoveDueDate => Errand::MoveDueDate,
            Intent::RefundStatus => Errand::RefundStatus,
            Intent::ReturnItem => Errand::ReturnItem,
            Intent::ReportProblemOrder => Errand::ReportProblemOrder,
            Intent::CancelOrder => Errand::CancelOrder,
            Intent::LateFee => Errand::LateFee,
            Intent::PaymentFailed => Errand::PaymentFailed,
            Intent::UpdatePaymentMethod => Errand::UpdatePaymentMethod,
            Intent::InterestCost => Errand::InterestCost,
            Intent::ChargeNotRecognised => Errand::ChargeNotRecognised,
            Intent::Hardship => Errand::Hardship,
            Intent::Complaint => Errand::Complaint,
            Intent::AccountClose => Errand::AccountClose,
            Intent::PersonalDetails => Errand::PersonalDetails,
            Intent::HowItWorks => Errand::HowItWorks,
            Intent::OutOfScope => Errand::OutOfScope,
            Intent::Greeting => Errand::Greeting,
            Intent::ThanksGoodbye => Errand::ThanksGoodbye,
            Intent::HumanAgent | Intent::Affirm | Intent::Deny => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Errand::OrderStatus => "order_status",
            Errand::NextPayment => "next_payment",
            Errand::BalanceRemaining => "balance_remaining",
            Errand::PayNow => "pay_now",
            Errand::PayOff => "pay_off",
            Errand::MoveDueDate => "move_due_date",
            Errand::RefundStatus => "refund_status",
            Errand::ReturnItem => "return_item",
            Errand::ReportProblemOrder => "report_problem_order",
            Errand::CancelOrder => "cancel_order",
            Errand::LateFee => "late_fee",
            Errand::PaymentFailed => "payment_failed",
            Errand::UpdatePaymentMethod => "update_payment_method",
            Errand::InterestCost => "interest_cost",
            Errand::ChargeNotRecognised => "charge_not_recognised",
            Errand::Hardship => "hardship",
            Errand::Complaint => "complaint",
            Errand::AccountClose => "account_close",
            Errand::PersonalDetails => "personal_details",
            Errand::HowItWorks => "how_it_works",
            Errand::OutOfScope => "out_of_scope",
            Errand::Greeting => "greeting",
            Errand::ThanksGoodbye => "thanks_goodbye",
        }
    }

    /// Errands that ask the assistant to find out or do something (not a greeting, a complaint,
    /// a sensitive topic or something out of scope).
    pub fn is_task(self) -> bool {
        !matches!(
            self,
            Errand::OutOfScope
                | Errand::Greeting
                | Errand::ThanksGoodbye
                | Errand::Complaint
                | Errand::Hardship
                | Errand::ChargeNotRecognised
        )
    }

    /// Errands whose flow may end in a proposal of a money action (or of closing the account)
    /// for the customer to confirm.
    pub fn proposes(self) -> bool {
        matches!(
            self,
            Errand::PayNow
                | Errand::PayOff
                | Errand::MoveDueDate
                | Errand::ReturnItem
                | Errand::CancelOrder
                | Errand::ReportProblemOrder
                | Errand::LateFee
                | Errand::AccountClose
        )
    }

    /// For errands about one order: which of the customer's orders qualify.
    pub fn eligible(self) -> Option<fn(&Order) -> bool> {
        Some(match self {
            Errand::OrderStatus => order_status::eligible,
            Errand::NextPayment => next_payment::eligible,
            Errand::BalanceRemaining => balance_remaining::eligible,
            Errand::PayNow => pay_now::eligible,
            Errand::PayOff => pay_off::eligible,
            Errand::MoveDueDate => move_due_date::eligible,
            Errand::RefundStatus => refund_status::eligible,
            Errand::ReturnItem => return_item::eligible,
            Errand::ReportProblemOrder => report_problem_order::eligible,
            Errand::CancelOrder => cancel_order::eligible,
            Errand::LateFee => late_fee::eligible,
            Errand::PaymentFailed => payment_failed::eligible,
            Errand::InterestCost => interest_cost::eligible,
            _ => return None,
        })
    }

    /// Runs the errand; `order` is given exactly when [`Errand::eligible`] is `Some`.
    pub fn run(self, ctx: &FlowCtx<'_>, order: Option<&Order>) -> Step {
        match (self, order) {
            (Errand::OrderStatus, Some(o)) => order_status::run(ctx, o),
            (Errand::NextPayment, Some(o)) => next_payment::run(ctx, o),
            (Errand::BalanceRemaining, Some(o)) => balance_remaining::run(ctx, o),
            (Errand::PayNow, Some(o)) => pay_now::run(ctx, o),
            (Errand::PayOff, Some(o)) => pay_off::run(ctx, o),
            (Errand::MoveDueDate, Some(o)) => move_due_date::run(ctx, o),
            (Errand::RefundStatus, Some(o)) => refund_status::run(ctx, o),
            (Errand::ReturnItem, Some(o)) => return_item::run(ctx, o),
            (Errand::ReportProblemOrder, Some(o)) => report_problem_order::run(ctx, o),
            (Errand::CancelOrder, Some(o)) => cancel_order::run(ctx, o),
            (Errand::LateFee, Some(o)) => late_fee::run(ctx, o),
            (Errand::PaymentFailed, Some(o)) => payment_failed::run(ctx, o),
            (Errand::InterestCost, Some(o)) => interest_cost::run(ctx, o),
            (Errand::AccountClose, _) => account_close::run(ctx),
            (Errand::HowItWorks, _) => how_it_works::run(ctx),
            (other, _) => simple::run(ctx, other),
        }
    }

    /// Among qualifying orders, the ones to prefer when any qualify: a late fee still owed over
    /// one already paid or waived.
    pub fn preferred(self) -> Option<fn(&Order) -> bool> {
        match self {
            Errand::LateFee => Some(|o| o.open_installments().any(|i| i.fee_owed_minor() > 0)),
            _ => None,
        }
    }

    /// Errands answered over all qualifying orders at once when the customer named none of
    /// several ("when is my next payment?" with two purchases): the earliest payment, the total.
    pub fn run_all(self, ctx: &FlowCtx<'_>, orders: &[&Order]) -> Option<Step> {
        match self {
            Errand::NextPayment => Some(next_payment::run_all(ctx, orders)),
            Errand::BalanceRemaining => Some(balance_remaining::run_all(ctx, orders)),
            _ => None,
        }
    }

    /// What to say when none of the customer's orders qualify.
    pub fn when_no_order_qualifies(self, ctx: &FlowCtx<'_>) -> Step {
        match self {
            Errand::LateFee => {
                // "How do late fees work?" from a customer without fees: answer from the help center.
                let mut outs = vec![ctx.say("late-fee-none", &[])];
                outs.extend(
                    ctx.help
                        .answer(ctx.lang, ctx.text, &ctx.policy.ledger)
                        .map(Out::text),
                );
                Step::Done(outs)
            }
            Errand::PaymentFailed => Step::Done(vec![ctx.say("payment-failed-none", &[])]),
            Errand::MoveDueDate if !ctx.orders.is_empty() => move_due_date::none_qualifies(ctx)
                .unwrap_or_else(|| Step::Failed(vec![ctx.say("no-matching-orders", &[])])),
            // "Explain financing over 36 months" from a customer without purchases: the article
            // on how financing works, after saying there is no plan of theirs to price.
            Errand::InterestCost => {
                let none = ctx.say("no-orders", &[]);
                match ctx.help.answer(ctx.lang, ctx.text, &ctx.policy.ledger) {
                    Some(article) => Step::Done(vec![none, Out::text(article)]),
                    None => Step::Failed(vec![none]),
                }
            }
            _ if ctx.orders.is_empty() => Step::Failed(vec![ctx.say("no-orders", &[])]),
            _ => Step::Failed(vec![ctx.say("no-matching-orders", &[])]),
        }
    }
}

/// One bot message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Out {
    pub text: String,
    pub quick_replies: Vec<QuickReply>,
}

impl Out {
    pub fn text(text: String) -> Out {
        Out {
            text,
            quick_replies: Vec::new(),
        }
    }
}

/// What a flow decided.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// The errand is answered.
    Done(Vec<Out>),
    /// The errand could not be done (counts towards the loop trigger).
    Failed(Vec<Out>),
    /// Propose a money action; the message states the exact action and amount.
    Confirm { action: Action, message: Out },
    /// A person must take over.
    Handoff {
        reason: HandoffReason,
        message: Option<Out>,
    },
    /// The bot can't help and offers a person; the customer's yes hands over.
    OfferPerson(Vec<Out>),
    /// Policy does not allow the request: the reason, and a person offered. Counts as a failed
    /// errand (twice hands over).
    Refused(Vec<Out>),
}

/// What a flow may read: the customer, their orders (never anyone else's), policy, templates, date.
pub struct FlowCtx<'a> {
    pub lang: &'a str,
    pub today: NaiveDate,
    pub customer: &'a Customer,
    pub orders: &'a [Order],
    pub merchant_names: &'a HashMap<MerchantId, String>,
    pub slots: &'a Slots,
    pub policy: &'a AgentPolicy,
    pub replies: &'a Replies,
    pub help: &'a HelpCenter,
    pub text: &'a str,
}

impl FlowCtx<'_> {
    pub fn say(&self, id: &str, vars: &[(&str, String)]) -> Out {
        Out::text(self.render(id, vars))
    }

    pub fn render(&self, id: &str, vars: &[(&str, String)]) -> String {
        self.replies.render(self.lang, id, vars)
    }

    pub fn money(&self, order: &Order, minor: i64) -> String {
        locale::money(order.money(minor), self.lang)
    }

    pub fn date(&self, d: NaiveDate) -> String {
        locale::date(d, self.lang)
    }

    pub fn merchant(&self, order: &Order) -> String {
        self.merchant_names
            .get(&order.merchant)
            .cloned()
            .unwrap_or_else(|| order.merchant.to_string())
    }

    /// The quick-reply label for an order: merchant, amount and purchase date.
    pub fn order_choice(&self, order: &Order) -> QuickReply {
        let label = self.render(
            "order-choice",
            &[
                ("merchant", self.merchant(order)),
                ("amount", self.money(order, order.amount.amount_minor)),
                ("date", self.date(order.purchased_on)),
            ],
        );
        QuickReply {
            label,
            payload: format!("order:{}", order.id),
        }
    }

    /// The purchases a customer can pick from, in words: "Zalando (Dress, 600,00 kr) or Magasin
    /// (Lamp, 450,00 kr)".
    pub fn order_list(&self, orders: &[&Order]) -> String {
        let named: Vec<String> = orders
            .iter()
            .map(|o| {
                format!(
                    "{} ({}, {})",
                    self.merchant(o),
                    o.description,
                    self.money(o, o.amount.amount_minor)
                )
            })
            .collect();
        match named.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                format!(
                    "{} {} {last}",
                    rest.join(", "),
                    self.render("choice-or", &[])
                )
            }
            _ => named.concat(),
        }
    }

    /// "Your return is registered …" for an order whose return the merchant hasn't confirmed yet.
    pub fn return_pending(&self, order: &Order) -> Option<Out> {
        let r = order
            .return_state
            .as_ref()
            .filter(|r| r.confirmed_on.is_none())?;
        let until = match &order.pause {
            Some(fairdesk_ledger::Pause::Return { until, .. }) => *until,
            _ => r.started_on,
        };
        Some(self.say(
            "refund-return-pending",
            &[
                ("merchant", self.merchant(order)),
                ("date", self.date(r.started_on)),
                ("until", self.date(until)),
            ],
        ))
    }

    pub fn order(&self, id: &OrderId) -> Option<&Order> {
        self.orders.iter().find(|o| &o.id == id)
    }
}
