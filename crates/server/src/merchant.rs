//! The merchant API, called by checkouts and shop back offices with an API key: create an order with
//! a plan (with the customer's consent, see [`crate::consent`], and after an affordability check),
//! mark it shipped, confirm a return, refund. Every write
//! carries an `Idempotency-Key`; a merchant reaches only its own orders.
//!
//! Affordability, kept simple and documented: a purchase is declined when the customer has an
//! installment past due beyond the grace period, or when their outstanding balance in the
//! purchase's currency plus the purchase would exceed the credit limit of that currency
//! (`limits.credit_limits_minor`, else `limits.credit_limit_minor`). A decline tells the merchant
//! only that: one reason code for every decline about the customer, with no figures.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::Utc;
use fairdesk_agent::mask::mask;
use fairdesk_ledger::{Currency, CustomerId, Money, Operation, Order, OrderId, OrderStatus};

use crate::Shared;
use crate::api::{AmountBody, CreateOrder, OrderView, ShippedBody};
use crate::auth::{Idempotency, Merchant, digest};
use crate::consent::Consent;
use crate::error::{ApiError, ApiJson, ApiPath, ErrorBody};

/// The largest single purchase accepted, in minor units.
const PURCHASE_MINOR_MAX: i64 = 100_000_000;
const DESCRIPTION_CHARS_MAX: usize = 200;

/// Longest carrier name or tracking number kept, in characters.
const SHIPMENT_CHARS_MAX: usize = 64;

fn declined(message: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "declined", message)
}

/// The one answer about the customer: whether they are unknown, behind on a payment, or over
/// their limit, the merchant learns only that the purchase was declined (no figures, nothing
/// about other merchants' plans, not whether the customer exists).
fn not_approved() -> ApiError {
    declined("declined (reason: customer_not_approved)")
}

/// The consent is missing its signature, expired, or names another purchase.
fn consent_invalid() -> ApiError {
    declined("declined (reason: consent_invalid)")
}

/// Text a merchant supplies (descriptions, carriers, tracking numbers) is data shown to customers
/// and agents: control characters are removed, card numbers and the like masked, the length
/// bounded; `None` when nothing is left or it is too long.
fn merchant_text(text: &str, chars_max: usize) -> Option<String> {
    let plain: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let masked = mask(plain.trim()).text;
    let ok = !masked.is_empty() && masked.chars().count() <= chars_max;
    ok.then_some(masked)
}

async fn own_order(state: &Shared, merchant: &Merchant, id: &str) -> Result<Order, ApiError> {
    let id: OrderId = id.parse().map_err(|_| ApiError::not_found("order"))?;
    state
        .store()
        .order(&id)
        .await?
        .filter(|o| o.merchant == merchant.0)
        .ok_or_else(|| ApiError::not_found("order"))
}

async fn run(
    state: &Shared,
    merchant: &Merchant,
    key: &Idempotency,
    op: Operation,
    order: &OrderId,
) -> Result<Json<OrderView>, ApiError> {
    let ledger_key = key.ledger_key("merchant", merchant.0.as_str())?;
    let outcome = state
        .store()
        .execute(&ledger_key, &op, Utc::now().date_naive())
        .await;
    tracing::info!(
        target: "audit", event = "money_action", actor = "merchant", merchant = %merchant.0,
        order = %order, action = op.name(), idempotency_key = %ledger_key,
        outcome = if outcome.is_ok() { "done" } else { "refused" }
    );
    outcome?;
    let order = state
        .store()
        .order(order)
        .await?
        .ok_or_else(|| ApiError::not_found("order"))?;
    Ok(Json(OrderView::from_order(&order)))
}

/// Create an order financed by a plan, at checkout.
#[utoipa::path(post, path = "/api/v1/merchant/orders", tag = "merchant",
    params(("Idempotency-Key" = String, Header, description = "The checkout's key for this purchase")),
    request_body = CreateOrder,
    responses(
        (status = 201, body = OrderView, description = "Created (or the same order again on a retry)"),
        (status = 422, description = "Declined by the affordability rule, or invalid", body = ErrorBody),
    ))]
pub async fn create_order(
    State(state): State<Shared>,
    merchant: Merchant,
    key: Idempotency,
    ApiJson(body): ApiJson<CreateOrder>,
) -> Result<(StatusCode, Json<OrderView>), ApiError> {
    if !(1..=PURCHASE_MINOR_MAX).contains(&body.amount_minor) {
        return Err(declined(format!(
            "amount_minor must be 1 to {PURCHASE_MINOR_MAX}"
        )));
    }
    let description = merchant_text(&body.description, DESCRIPTION_CHARS_MAX).ok_or_else(|| {
        declined(format!(
            "the description must have 1 to {DESCRIPTION_CHARS_MAX} characters"
        ))
    })?;
    let currency: Currency = body
        .currency
        .parse()
        .map_err(|_| declined(format!("unknown currency {:?}", body.currency)))?;
    let shop = state
        .store()
        .merchant(&merchant.0)
        .await?
        .ok_or_else(|| ApiError::not_found("merchant"))?;
    if shop.currency != currency {
        return Err(declined(format!(
            "this merchant sells in {}, not {}",
            shop.currency.code(),
            currency.code()
        )));
    }
    let token = body.consent.as_deref().ok_or_else(|| {
        declined(
            "declined (reason: consent_required): send the customer's checkout consent as \
             `consent` (see POST /api/v1/me/checkout-consents)",
        )
    })?;
    let consent = Consent::read(token, &state.secret).map_err(|_| consent_invalid())?;
    let consented = consent.customer == body.customer
        && consent.merchant == merchant.0.as_str()
        && consent.amount_minor == body.amount_minor
        && consent.currency == currency.code();
    if !consented {
        return Err(consent_invalid());
    }
    // One consent, one order: the order's id comes from the consent's signature.
    let order_id: OrderId = format!(
        "ord-{}",
        digest(&format!("{}\n{}", merchant.0, Consent::signature_of(token)))
            .get(..24)
            .unwrap_or_default()
    )
    .parse()
    .map_err(ApiError::internal)?;
    let customer: CustomerId = body.customer.parse().map_err(|_| not_approved())?;
    if state.store().customer(&customer).await?.is_none() {
        return Err(not_approved());
    }
    let orders = state.store().orders_of_customer(&customer).await?;
    if !orders.iter().any(|o| o.id == order_id) {
        // A retry of a created order may come after the consent expired; a new order may not.
        consent
            .current(Utc::now(), state.limits.checkout_consent_minutes)
            .map_err(|_| consent_invalid())?;
        let today = Utc::now().date_naive();
        let grace = state.store().policy().grace_days;
        if orders
            .iter()
            .any(|o| !o.late_installments(today, grace).is_empty())
        {
            return Err(not_approved());
        }
        let outstanding: i64 = orders
            .iter()
            .filter(|o| o.status == OrderStatus::Active && o.currency() == currency)
            .map(Order::outstanding_minor)
            .sum();
        if outstanding + body.amount_minor > state.limits.credit_limit(currency) {
            return Err(not_approved());
        }
    }
    let op = Operation::CreateOrder {
        order: order_id.clone(),
        customer,
        merchant: merchant.0.clone(),
        description,
        amount: Money::new(body.amount_minor, currency),
        plan: body.plan.plan(state.limits.financing_apr_nominal_bp),
    };
    let view = run(&state, &merchant, &key, op, &order_id).await?;
    Ok((StatusCode::CREATED, view))
}

/// One of the merchant's orders.
#[utoipa::path(get, path = "/api/v1/merchant/orders/{id}", tag = "merchant",
    params(("id" = String, Path, description = "Order id")),
    responses((status = 200, body = OrderView), (status = 404, body = ErrorBody)))]
pub async fn order(
    State(state): State<Shared>,
    merchant: Merchant,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<OrderView>, ApiError> {
    own_order(&state, &merchant, &id)
        .await
        .map(|o| Json(OrderView::from_order(&o)))
}

/// Mark the order shipped, optionally with the carrier and tracking number (a JSON body
/// `{"carrier": "PostNord", "tracking": "PN123456789SE"}`; no body is the same as `{}`).
#[utoipa::path(post, path = "/api/v1/merchant/orders/{id}/shipped", tag = "merchant",
    params(("id" = String, Path, description = "Order id"),
           ("Idempotency-Key" = String, Header, description = "Makes a retry change nothing twice")),
    request_body(content = ShippedBody, description = "Optional"),
    responses((status = 200, body = OrderView), (status = 400, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn shipped(
    State(state): State<Shared>,
    merchant: Merchant,
    key: Idempotency,
    ApiPath(id): ApiPath<String>,
    body: Bytes,
) -> Result<Json<OrderView>, ApiError> {
    let details: ShippedBody = if body.trim_ascii().is_empty() {
        ShippedBody::default()
    } else {
        serde_json::from_slice(&body).map_err(|e| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad_json",
                format!(
                    "expected {{\"carrier\": \"…\", \"tracking\": \"…\"}} (both optional): {e}"
                ),
            )
        })?
    };
    let detail = |text: Option<String>, what: &str| {
        text.map(|t| {
            merchant_text(&t, SHIPMENT_CHARS_MAX).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "the {what} must have 1 to {SHIPMENT_CHARS_MAX} characters"
                ))
            })
        })
        .transpose()
    };
    let carrier = detail(details.carrier, "carrier")?;
    let tracking = detail(details.tracking, "tracking number")?;
    let o = own_order(&state, &merchant, &id).await?;
    let op = Operation::MarkShipped {
        order: o.id.clone(),
        carrier,
        tracking,
    };
    run(&state, &merchant, &key, op, &o.id).await
}

/// The carrier delivered the order.
#[utoipa::path(post, path = "/api/v1/merchant/orders/{id}/delivered", tag = "merchant",
    params(("id" = String, Path, description = "Order id"),
           ("Idempotency-Key" = String, Header, description = "Makes a retry change nothing twice")),
    responses((status = 200, body = OrderView), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
pub async fn delivered(
    State(state): State<Shared>,
    merchant: Merchant,
    key: Idempotency,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<OrderView>, ApiError> {
    let o = own_order(&state, &merchant, &id).await?;
    let op = Operation::MarkDelivered {
        order: o.id.clone(),
    };
    run(&state, &merchant, &key, op, &o.id).await
}

/// The returned goods arrived: confirm the return and refund `amount_minor`.
#[utoipa::path(post, path = "/api/v1/merchant/orders/{id}/returns", tag = "merchant",
    params(("id" = String, Path, description = "Order id"),
           ("Idempotency-Key" = String, Header, description = "Makes a retry change nothing twice")),
    request_body = AmountBody,
    responses((status = 200, body = OrderView), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
pub async fn confirm_return(
    State(state): State<Shared>,
    merchant: Merchant,
    key: Idempotency,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<AmountBody>,
) -> Result<Json<OrderView>, ApiError> {
    let o = own_order(&state, &merchant, &id).await?;
    let op = Operation::ConfirmReturn {
        order: o.id.clone(),
        amount: Money::new(body.amount_minor, o.currency()),
    };
    run(&state, &merchant, &key, op, &o.id).await
}

/// Refund the order fully or in part.
#[utoipa::path(post, path = "/api/v1/merchant/orders/{id}/refunds", tag = "merchant",
    params(("id" = String, Path, description = "Order id"),
           ("Idempotency-Key" = String, Header, description = "Makes a retry change nothing twice")),
    request_body = AmountBody,
    responses((status = 200, body = OrderView), (status = 404, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
pub async fn refund(
    State(state): State<Shared>,
    merchant: Merchant,
    key: Idempotency,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<AmountBody>,
) -> Result<Json<OrderView>, ApiError> {
    let o = own_order(&state, &merchant, &id).await?;
    let op = Operation::Refund {
        order: o.id.clone(),
        amount: Money::new(body.amount_minor, o.currency()),
    };
    run(&state, &merchant, &key, op, &o.id).await
}
