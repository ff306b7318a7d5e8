//! The operations that change the lender's books.
//!
//! An operation is a typed request: what a merchant's checkout, the daily collection job, a human agent
//! or a customer-confirmed action of the conversation engine asks for. It names the order (or customer,
//! merchant) it acts on; amounts it moves are computed by [`crate::apply`] from state and policy, except
//! where the request itself is about an amount (a refund, a purchase).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::{CustomerId, MerchantId, OrderId};
use crate::money::{Currency, Money};
use crate::order::PaymentMethod;
use crate::schedule::PlanKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeOutcome {
    ForCustomer,
    ForMerchant,
}

/// Why a card payment was declined, as the card network reported it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeclineReason {
    CardExpired,
    InsufficientFunds,
    CardBlocked,
    /// The bank declined without a more specific reason.
    #[default]
    BankDeclined,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Operation {
    RegisterCustomer {
        customer: CustomerId,
        name: String,
        country: String,
        language: String,
        card_valid: bool,
    },
    RegisterMerchant {
        merchant: MerchantId,
        name: String,
        country: String,
        currency: Currency,
    },
    /// The customer updated their card: autopay can charge it again.
    UpdatePaymentMethod {
        customer: CustomerId,
    },
    /// The card on file expired (the card network says so): autopay cannot charge it until the
    /// customer updates it.
    ExpireCard {
        customer: CustomerId,
    },
    /// The customer closes the account; refused while anything is outstanding on any purchase.
    CloseAccount {
        customer: CustomerId,
    },
    /// A purchase at checkout, financed by `plan`. Nothing is collected yet.
    CreateOrder {
        order: OrderId,
        customer: CustomerId,
        merchant: MerchantId,
        description: String,
        amount: Money,
        plan: PlanKind,
    },
    /// The merchant sent the goods, with the carrier and tracking number when it gave them.
    MarkShipped {
        order: OrderId,
        #[serde(default)]
        carrier: Option<String>,
        #[serde(default)]
        tracking: Option<String>,
    },
    /// The carrier delivered the goods.
    MarkDelivered {
        order: OrderId,
    },
    /// Collect installment `installment`, which must be the next open one.
    CaptureInstallment {
        order: OrderId,
        installment: u8,
        method: PaymentMethod,
    },
    /// Autopay tried to collect an installment and the card was declined.
    RecordPaymentFailure {
        order: OrderId,
        installment: u8,
        #[serde(default)]
        reason: DeclineReason,
    },
    /// Pay everything still owed now. `expected_minor` binds the payment to a quote the customer saw.
    PayOff {
        order: OrderId,
        expected_minor: Option<i64>,
    },
    /// A refund granted by the merchant: reduces what is still owed, latest installments first, and
    /// pays back what was overpaid.
    Refund {
        order: OrderId,
        amount: Money,
    },
    StartReturn {
        order: OrderId,
    },
    /// The merchant received the return and refunds `amount`.
    ConfirmReturn {
        order: OrderId,
        amount: Money,
    },
    /// End a return pause the merchant let run out.
    ResumePlan {
        order: OrderId,
    },
    OpenDispute {
        order: OrderId,
        reason: String,
    },
    ResolveDispute {
        order: OrderId,
        outcome: DisputeOutcome,
    },
    MoveDueDate {
        order: OrderId,
        installment: u8,
        new_due: NaiveDate,
    },
    AssessLateFee {
        order: OrderId,
        installment: u8,
    },
    WaiveLateFee {
        order: OrderId,
        installment: u8,
    },
    CancelOrder {
        order: OrderId,
    },
    /// Pay the merchant what the lender owes it.
    SettleMerchant {
        merchant: MerchantId,
    },
}

/// What an operation reads and writes: at most one order, customer and merchant.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Targets {
    pub order: Option<OrderId>,
    pub customer: Option<CustomerId>,
    pub merchant: Option<MerchantId>,
}

impl Operation {
    /// A short name for logs, metrics and audit summaries.
    pub fn name(&self) -> &'static str {
        match self {
            Operation::RegisterCustomer { .. } => "register_customer",
            Operation::RegisterMerchant { .. } => "register_merchant",
            Operation::UpdatePaymentMethod { .. } => "update_payment_method",
            Operation::ExpireCard { .. } => "expire_card",
            Operation::CloseAccount { .. } => "close_account",
            Operation::CreateOrder { .. } => "create_order",
            Operation::MarkShipped { .. } => "mark_shipped",
            Operation::MarkDelivered { .. } => "mark_delivered",
            Operation::CaptureInstallment { .. } => "capture_installment",
            Operation::RecordPaymentFailure { .. } => "record_payment_failure",
            Operation::PayOff { .. } => "pay_off",
            Operation::Refund { .. } => "refund",
            Operation::StartReturn { .. } => "start_return",
            Operation::ConfirmReturn { .. } => "confirm_return",
            Operation::ResumePlan { .. } => "resume_plan",
            Operation::OpenDispute { .. } => "open_dispute",
            Operation::ResolveDispute { .. } => "resolve_dispute",
            Operation::MoveDueDate { .. } => "move_due_date",
            Operation::AssessLateFee { .. } => "assess_late_fee",
            Operation::WaiveLateFee { .. } => "waive_late_fee",
            Operation::CancelOrder { .. } => "cancel_order",
            Operation::SettleMerchant { .. } => "settle_merchant",
        }
    }

    /// The aggregates named by the operation itself. For operations on an existing order, the order's
    /// customer and merchant are read too; the store finds them from the loaded order.
    pub fn targets(&self) -> Targets {
        match self {
            Operation::RegisterCustomer { customer, .. }
            | Operation::UpdatePaymentMethod { customer }
            | Operation::ExpireCard { customer }
            | Operation::CloseAccount { customer } => Targets {
                customer: Some(customer.clone()),
                ..Targets::default()
            },
            Operation::RegisterMerchant { merchant, .. }
            | Operation::SettleMerchant { merchant } => Targets {
                merchant: Some(merchant.clone()),
                ..Targets::default()
            },
            Operation::CreateOrder {
                order,
                customer,
                merchant,
                ..
            } => Targets {
                order: Some(order.clone()),
                customer: Some(customer.clone()),
                merchant: Some(merchant.clone()),
            },
            Operation::MarkShipped { order, .. }
            | Operation::MarkDelivered { order }
            | Operation::CaptureInstallment { order, .. }
            | Operation::RecordPaymentFailure { order, .. }
            | Operation::PayOff { order, .. }
            | Operation::Refund { order, .. }
            | Operation::StartReturn { order }
            | Operation::ConfirmReturn { order, .. }
            | Operation::ResumePlan { order }
            | Operation::OpenDispute { order, .. }
            | Operation::ResolveDispute { order, .. }
            | Operation::MoveDueDate { order, .. }
            | Operation::AssessLateFee { order, .. }
            | Operation::WaiveLateFee { order, .. }
            | Operation::CancelOrder { order } => Targets {
                order: Some(order.clone()),
                ..Targets::default()
            },
        }
    }
}
