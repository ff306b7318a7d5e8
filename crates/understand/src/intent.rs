//! The BNPL intent set: the 26 labels of `data/INTENTS.md` as a type.
//!
//! The classifier is generic over label strings (public sets like BANKING77 have other labels);
//! this enum is the layer the conversation engine matches on, with the exact label strings other
//! parts of the system and external test sets rely on.

use std::fmt;
use std::str::FromStr;

macro_rules! intents {
    ($($variant:ident => $label:literal,)*) => {
        /// What a customer wants, one label per message.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Intent {
            $(
                #[doc = concat!("`", $label, "`")]
                $variant,
            )*
        }

        impl Intent {
            /// Every intent, in the order of `INTENTS.md`.
            pub const ALL: &[Intent] = &[$(Intent::$variant,)*];

            /// The exact label string.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Intent::$variant => $label,)*
                }
            }
        }
    };
}

intents! {
    Greeting => "greeting",
    ThanksGoodbye => "thanks_goodbye",
    HumanAgent => "human_agent",
    Affirm => "affirm",
    Deny => "deny",
    OrderStatus => "order_status",
    NextPayment => "next_payment",
    BalanceRemaining => "balance_remaining",
    PayNow => "pay_now",
    PayOff => "pay_off",
    MoveDueDate => "move_due_date",
    RefundStatus => "refund_status",
    ReturnItem => "return_item",
    ReportProblemOrder => "report_problem_order",
    CancelOrder => "cancel_order",
    LateFee => "late_fee",
    PaymentFailed => "payment_failed",
    UpdatePaymentMethod => "update_payment_method",
    InterestCost => "interest_cost",
    ChargeNotRecognised => "charge_not_recognised",
    Hardship => "hardship",
    Complaint => "complaint",
    AccountClose => "account_close",
    PersonalDetails => "personal_details",
    HowItWorks => "how_it_works",
    OutOfScope => "out_of_scope",
}

impl fmt::Display for Intent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that is not one of the 26 intent labels.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown intent label `{0}`")]
pub struct UnknownIntent(pub String);

impl FromStr for Intent {
    type Err = UnknownIntent;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Intent::ALL
            .iter()
            .copied()
            .find(|i| i.as_str() == s)
            .ok_or_else(|| UnknownIntent(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_26_intents_and_labels_round_trip() {
        assert_eq!(Intent::ALL.len(), 26);
        for intent in Intent::ALL {
            assert_eq!(intent.as_str().parse::<Intent>(), Ok(*intent));
        }
    }

    #[test]
    fn unknown_labels_are_rejected() {
        assert!("card_arrival".parse::<Intent>().is_err());
    }
}
