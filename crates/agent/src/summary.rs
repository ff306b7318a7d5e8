//! The handoff summary and the bot's log, written for the person who takes the conversation over:
//! plain English sentences ("Paid off Zalando order O-12 (170.57 EUR)."), not program output. The
//! agent reads it in the console before saying a word, so it says why the customer is waiting, what
//! they wanted, what the bot did and how they seem to feel.

use fairdesk_ledger::{Order, OrderId};
use fairdesk_understand::Intent;

use crate::actions::Action;
use crate::flows::Errand;
use crate::guard::Declined;
use crate::handoff::HandoffReason;
use crate::memory::Memory;

/// What the customer wanted, as a person would name it.
pub fn errand_words(e: Errand) -> &'static str {
    match e {
        Errand::OrderStatus => "the status of an order",
        Errand::NextPayment => "their next payment",
        Errand::BalanceRemaining => "what they still owe",
        Errand::PayNow => "paying an installment now",
        Errand::PayOff => "paying off an order",
        Errand::MoveDueDate => "moving a due date",
        Errand::RefundStatus => "a refund",
        Errand::ReturnItem => "returning an item",
        Errand::ReportProblemOrder => "a problem with an order",
        Errand::CancelOrder => "cancelling an order",
        Errand::LateFee => "a late fee",
        Errand::PaymentFailed => "a failed payment",
        Errand::UpdatePaymentMethod => "changing their payment method",
        Errand::InterestCost => "interest and the cost of credit",
        Errand::ChargeNotRecognised => "a charge they do not recognise",
        Errand::Hardship => "financial difficulty",
        Errand::Complaint => "a complaint",
        Errand::AccountClose => "closing their account",
        Errand::PersonalDetails => "their personal details",
        Errand::HowItWorks => "how the service works",
        Errand::OutOfScope => "something the assistant does not handle",
        Errand::Greeting => "nothing yet (a greeting)",
        Errand::ThanksGoodbye => "nothing more (they said thanks)",
    }
}

/// Why the conversation waits for a person.
pub fn reason_words(r: HandoffReason) -> &'static str {
    match r {
        HandoffReason::Requested => "The customer asked for a person.",
        HandoffReason::Frustration => "The customer is frustrated.",
        HandoffReason::NotUnderstood => {
            "The assistant did not understand the customer several times."
        }
        HandoffReason::ErrandFailed => "The same errand failed more than once.",
        HandoffReason::Fraud => "The customer may be a victim of fraud.",
        HandoffReason::Hardship => "The customer says they are in financial difficulty.",
        HandoffReason::Complaint => "The customer wants to make a complaint.",
        HandoffReason::Dispute => "The customer reports a problem with an order.",
        HandoffReason::BeyondPolicy => "The customer asked for more than the assistant may do.",
        HandoffReason::Refusals => "The assistant had to refuse several requests.",
        HandoffReason::TurnLimit => "The conversation went on too long without an answer.",
    }
}

/// "Zalando order O-12", or "order O-12" when the order is not at hand.
fn order_words(id: &OrderId, order: Option<&Order>, merchant: &str) -> String {
    match order {
        Some(_) if !merchant.is_empty() => format!("{merchant} order {id}"),
        _ => format!("order {id}"),
    }
}

/// The amount with its currency ("170.57 EUR"), or nothing when the order is not at hand.
fn amount_words(order: Option<&Order>, minor: i64) -> String {
    order.map_or_else(String::new, |o| format!(" ({})", o.money(minor)))
}

/// What a confirmed action did, as one sentence.
pub fn action_done(action: &Action, order: Option<&Order>, merchant: &str) -> String {
    let Some(id) = action.order() else {
        return "Closed the customer's account.".to_owned();
    };
    let what = order_words(id, order, merchant);
    match action {
        Action::PayNow {
            installment,
            amount_minor,
            ..
        } => format!(
            "Took the payment of installment {installment} of {what}{}.",
            amount_words(order, *amount_minor)
        ),
        Action::PayOff { amount_minor, .. } => {
            format!("Paid off {what}{}.", amount_words(order, *amount_minor))
        }
        Action::MoveDueDate {
            installment,
            new_due,
            ..
        } => format!("Moved the due date of installment {installment} of {what} to {new_due}."),
        Action::WaiveLateFee {
            installment,
            fee_minor,
            ..
        } => format!(
            "Waived the late fee{} on installment {installment} of {what}.",
            amount_words(order, *fee_minor)
        ),
        Action::Cancel { .. } => format!("Cancelled {what}."),
        Action::StartReturn { .. } => format!("Started a return of {what}."),
        Action::OpenDispute { .. } => format!("Opened a dispute about {what}."),
        Action::CloseAccount => "Closed the customer's account.".to_owned(),
    }
}

/// An action that was confirmed but refused by the books or by policy.
pub fn action_failed(errand: Errand, reason: &str) -> String {
    format!("Tried {} but it failed: {reason}.", errand_words(errand))
}

pub fn answered(errand: Errand) -> String {
    format!("Answered a question about {}.", errand_words(errand))
}

pub fn could_not(errand: Errand) -> String {
    format!("Could not help with {}.", errand_words(errand))
}

pub fn refused(errand: Errand) -> String {
    format!(
        "Refused {} because policy does not allow it.",
        errand_words(errand)
    )
}

pub fn two_errands(first: Errand, second: Errand) -> String {
    format!(
        "Asked about two things at once: {} and {}.",
        errand_words(first),
        errand_words(second)
    )
}

pub fn beside_out_of_scope(errand: Errand) -> String {
    format!(
        "Asked about {} beside something the assistant cannot help with.",
        errand_words(errand)
    )
}

pub fn declined(d: Declined) -> String {
    match d {
        Declined::SomeoneElse => {
            "Declined to discuss someone else's purchases or account.".to_owned()
        }
        Declined::RolePlay => "Declined a request to role-play or ignore its rules.".to_owned(),
        Declined::ClaimedStaff => {
            "Declined special treatment for someone claiming to be staff.".to_owned()
        }
    }
}

/// The summary a person reads when the conversation reaches their queue.
pub fn handoff(reason: HandoffReason, memory: &Memory, intent: Intent, confidence: f32) -> String {
    let mut s = vec![reason_words(reason).to_owned()];
    if let Some(errand) = memory.last_errand {
        s.push(format!("They were asking about {}.", errand_words(errand)));
    }
    if let Some(order) = &memory.last_order {
        s.push(format!("The order in question: {order}."));
    }
    if memory.frustrated {
        s.push("They seem frustrated.".to_owned());
    }
    s.push(format!(
        "The assistant last understood \"{}\" ({:.0}% sure).",
        intent.as_str().replace('_', " "),
        confidence * 100.0
    ));
    if memory.log.is_empty() {
        s.push("The assistant has done nothing for them yet.".to_owned());
    } else {
        s.push(format!("What the assistant did: {}", memory.log.join(" ")));
    }
    s.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_is_sentences_without_program_output() {
        let mut memory = Memory {
            last_errand: Some(Errand::PayOff),
            last_order: Some("O-12".parse().unwrap()),
            frustrated: true,
            ..Memory::default()
        };
        memory.note(answered(Errand::NextPayment));
        let text = handoff(HandoffReason::Requested, &memory, Intent::HumanAgent, 0.91);
        assert_eq!(
            text,
            "The customer asked for a person. They were asking about paying off an order. \
             The order in question: O-12. They seem frustrated. The assistant last understood \
             \"human agent\" (91% sure). What the assistant did: Answered a question about \
             their next payment."
        );
    }

    #[test]
    fn an_action_without_its_order_at_hand_still_names_the_order() {
        let action = Action::PayOff {
            order: "O-12".parse().unwrap(),
            amount_minor: 17057,
        };
        assert_eq!(action_done(&action, None, ""), "Paid off order O-12.");
    }
}
