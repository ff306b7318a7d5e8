//! Why the money core refuses an operation.
//!
//! Every refusal is typed, serializable (an idempotent replay returns the stored refusal) and says what
//! was wrong in words a merchant, an agent or the conversation engine can pass on.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::ids::{CustomerId, MerchantId, OrderId};
use crate::money::Currency;
use crate::order::OrderStatus;

#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "error", content = "detail", rename_all = "snake_case")]
pub enum LedgerError {
    #[error("the amount must be greater than zero")]
    NonPositiveAmount,
    #[error("the amount is too large")]
    AmountTooLarge,
    #[error("wrong currency: expected {expected}, got {got}")]
    WrongCurrency { expected: Currency, got: Currency },
    #[error("unknown customer {0}")]
    UnknownCustomer(CustomerId),
    #[error("unknown merchant {0}")]
    UnknownMerchant(MerchantId),
    #[error("unknown order {0}")]
    UnknownOrder(OrderId),
    #[error("customer {0} already exists")]
    CustomerExists(CustomerId),
    #[error("merchant {0} already exists")]
    MerchantExists(MerchantId),
    #[error("order {0} already exists")]
    OrderExists(OrderId),
    #[error("invalid {field}: {reason}")]
    InvalidField { field: String, reason: String },
    #[error("the APR {apr_nominal_bp} bp is above the policy maximum of {max_bp} bp")]
    AprAboveMax { apr_nominal_bp: u32, max_bp: u32 },
    #[error("the order is {0:?}; nothing more can be done with it")]
    OrderClosed(OrderStatus),
    #[error("the plan is paused (open dispute or return); this waits until it is resumed")]
    OrderPaused,
    #[error("the plan is not paused")]
    NotPaused,
    #[error("the plan is already paused")]
    AlreadyPaused,
    #[error("the plan is paused for a return until {until}")]
    PauseNotOver { until: NaiveDate },
    #[error("the order has no installment {0}")]
    UnknownInstallment(u8),
    #[error("installment {0} is already paid or closed")]
    InstallmentClosed(u8),
    #[error("installment {requested} cannot be paid before installment {next}")]
    InstallmentNotNext { requested: u8, next: u8 },
    #[error("installment {seq} is not due until {due}; autopay only collects due installments")]
    NotDueYet { seq: u8, due: NaiveDate },
    #[error("the customer's payment method is expired or was declined")]
    PaymentMethodInvalid,
    #[error("nothing is outstanding on this order")]
    NothingOutstanding,
    #[error("the account cannot be closed while {outstanding_minor} minor units are outstanding")]
    AccountHasOutstanding { outstanding_minor: i64 },
    #[error("the account is closed")]
    AccountClosed,
    #[error(
        "refunds would exceed what was captured: at most {refundable_minor} minor units can still be refunded"
    )]
    RefundExceedsCaptured { refundable_minor: i64 },
    #[error("the due date can only be moved later than {current}")]
    MoveNotLater { current: NaiveDate },
    #[error("the due date can be moved at most {days_max} days (to {latest} at the latest)")]
    MoveTooFar { days_max: u32, latest: NaiveDate },
    #[error("installment {0} has already been moved the most times policy allows")]
    MoveLimitReached(u8),
    #[error("a due date cannot be moved past the plan's last date {last}")]
    MovePastPlanEnd { last: NaiveDate },
    #[error("a due date cannot be moved into the past")]
    MoveIntoPast,
    #[error("installment {seq} is not late: the grace period ends {grace_ends}")]
    NotLate { seq: u8, grace_ends: NaiveDate },
    #[error("installment {0} already has a late fee")]
    LateFeeAlreadyAssessed(u8),
    #[error("the cap of {max} late fees on this order is reached")]
    LateFeeCapReached { max: u32 },
    #[error("there is no late fee configured for this currency")]
    NoLateFeeConfigured,
    #[error("installment {0} has no late fee to waive")]
    NoLateFee(u8),
    #[error("the customer has already used the {max} late-fee waiver(s) policy allows")]
    WaiverLimitReached { max: u32 },
    #[error(
        "the order cannot be cancelled: a payment was already captured (start a return instead)"
    )]
    CaptureAlreadyMade,
    #[error("the order cannot be cancelled: it has late fees")]
    FeesOutstanding,
    #[error("no return was started for this order")]
    NoReturnStarted,
    #[error("a return was already started on {0}")]
    ReturnAlreadyStarted(NaiveDate),
    #[error("there is no open dispute on this order")]
    NoOpenDispute,
    #[error("the payoff amount changed: quoted {quoted_minor}, now {actual_minor}")]
    QuoteChanged {
        quoted_minor: i64,
        actual_minor: i64,
    },
    #[error("the order was already marked shipped on {0}")]
    AlreadyShipped(NaiveDate),
    #[error("the order has not been marked shipped")]
    NotShipped,
    #[error("the order was already marked delivered on {0}")]
    AlreadyDelivered(NaiveDate),
    #[error("nothing to settle: the merchant's payable balance is {balance_minor}")]
    NothingToSettle { balance_minor: i64 },
    #[error("the date is out of range")]
    DateOutOfRange,
}
