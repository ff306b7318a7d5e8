//! The demo shop (`fairdesk demo` only): pick a demo customer by their situation, then see a
//! lender's shop page with the chat widget embedded by its one `<script>` tag, as a lender would
//! embed it. The token a lender's backend would sign is signed here for whoever is picked, which is
//! why these pages exist only in demo mode.
//!
//! Situations are found by reading the seeded lender, not from a list of ids, so the picker stays
//! true whatever the seed and date.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{Duration, Utc};
use fairdesk_ledger::{Customer, CustomerId, Order, OrderStatus, PlanKind};
use maud::{Markup, html};

use super::{asset, content_security_policy, document, error_page, private_page};
use crate::Shared;

/// Customers read to find one per situation; the first few hundred of a seeded lender have them all.
const CUSTOMERS_SCANNED_MAX: usize = 400;

/// What a demo customer has going on, worth a conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Situation {
    LateFee,
    ReturnUnderWay,
    Financing,
    SeveralOrders,
    PayIn4,
}

impl Situation {
    const ALL: [Situation; 5] = [
        Situation::LateFee,
        Situation::ReturnUnderWay,
        Situation::Financing,
        Situation::SeveralOrders,
        Situation::PayIn4,
    ];

    fn title(self) -> &'static str {
        match self {
            Situation::LateFee => "A late fee to ask about",
            Situation::ReturnUnderWay => "A return under way",
            Situation::Financing => "Monthly financing",
            Situation::SeveralOrders => "Several orders being paid",
            Situation::PayIn4 => "Pay in 4, next payment coming",
        }
    }

    /// Whether a customer with these orders is in this situation.
    fn applies(self, orders: &[Order]) -> bool {
        let active = || orders.iter().filter(|o| o.status == OrderStatus::Active);
        match self {
            Situation::LateFee => orders.iter().any(|o| {
                o.installments
                    .iter()
                    .any(|i| i.is_open() && i.fee_minor > 0 && !i.fee_waived)
            }),
            Situation::ReturnUnderWay => orders.iter().any(|o| {
                o.return_state
                    .as_ref()
                    .is_some_and(|r| r.confirmed_on.is_none())
            }),
            Situation::Financing => active().any(|o| matches!(o.plan, PlanKind::Financing { .. })),
            Situation::SeveralOrders => active().count() >= 2,
            Situation::PayIn4 => active().any(|o| o.plan == PlanKind::PayIn4 && o.pause.is_none()),
        }
    }
}

/// One customer per situation (the first found, each customer used once), in the order of
/// [`Situation::ALL`].
async fn demo_customers(state: &Shared) -> Result<Vec<(Situation, Customer)>, Response> {
    let ids = state
        .store()
        .customer_ids(CUSTOMERS_SCANNED_MAX)
        .await
        .map_err(unavailable)?;
    let mut found: Vec<(Situation, Customer)> = Vec::new();
    for id in ids {
        if found.len() == Situation::ALL.len() {
            break;
        }
        let Some((customer, orders)) = state
            .store()
            .customer_with_orders(&id)
            .await
            .map_err(unavailable)?
        else {
            continue;
        };
        let open = Situation::ALL
            .into_iter()
            .find(|s| !found.iter().any(|(f, _)| f == s) && s.applies(&orders));
        if let Some(situation) = open {
            found.push((situation, customer));
        }
    }
    found.sort_by_key(|(s, _)| Situation::ALL.iter().position(|a| a == s));
    Ok(found)
}

fn unavailable(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "reading the demo lender");
    error_page(
        StatusCode::SERVICE_UNAVAILABLE,
        "The demo shop is not available right now",
        "Try again in a minute.",
    )
}

fn page(title: &str, body: Markup) -> Response {
    private_page(
        StatusCode::OK,
        // The shop shows the widget's frame, as a lender's page would.
        &format!("{}; frame-src 'self'", content_security_policy("'self'")),
        document("en", title, "/demo/shop.css", body),
    )
}

pub(super) async fn picker(State(state): State<Shared>) -> Response {
    let customers = match demo_customers(&state).await {
        Ok(c) => c,
        Err(page) => return page,
    };
    page(
        "fairdesk demo shop: pick a customer",
        html! {
            main class="shop" {
                h1 { "fairdesk demo shop" }
                p { "Pick a demo customer by their situation. The shop page shows the chat widget as \
                     a lender would embed it, signed in as that customer." }
                @if customers.is_empty() {
                    p { "The demo lender has no customers yet: run " code { "fairdesk demo" } " again." }
                }
                ul class="customers" {
                    @for (situation, customer) in &customers {
                        li {
                            a href={ "/demo/shop/" (customer.id) } { (situation.title()) }
                            " — " (customer.name) " (" (customer.country) ", " (customer.language) ")"
                        }
                    }
                }
            }
        },
    )
}

pub(super) async fn shop(State(state): State<Shared>, Path(customer): Path<String>) -> Response {
    let Ok(id) = customer.parse::<CustomerId>() else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "No such demo customer",
            "Go back to the demo shop and pick a customer from the list.",
        );
    };
    let (customer, orders) = match state.store().customer_with_orders(&id).await {
        Ok(Some(found)) => found,
        Ok(None) => {
            return error_page(
                StatusCode::NOT_FOUND,
                "No such demo customer",
                "Go back to the demo shop and pick a customer from the list.",
            );
        }
        Err(e) => return unavailable(e),
    };
    let token = state.secret.sign(
        &customer.id,
        Utc::now() + Duration::minutes(state.limits.token_minutes),
    );
    page(
        "Demo shop",
        html! {
            main class="shop" {
                p { a href="/demo/shop" { "← Pick another customer" } }
                h1 { "Welcome back, " (customer.name) }
                p { "This is a lender's shop page. The chat button in the corner opens fairdesk's \
                     widget, embedded with one script tag." }
                h2 { "Your orders" }
                ul class="orders" {
                    @for order in &orders {
                        li { (order.description) " — " (order.amount) " — " (plan_words(order.plan))
                             " (" (status_words(order.status)) ")" }
                    }
                }
            }
            script src="/widget.js" data-token=(token) {}
        },
    )
}

fn plan_words(plan: PlanKind) -> String {
    match plan {
        PlanKind::PayIn4 => "pay in 4".to_owned(),
        PlanKind::PayIn30 => "pay in 30 days".to_owned(),
        PlanKind::Financing { term, .. } => format!("financing over {} months", term.months()),
    }
}

fn status_words(status: OrderStatus) -> &'static str {
    match status {
        OrderStatus::Active => "being paid",
        OrderStatus::PaidOff => "paid off",
        OrderStatus::Refunded => "refunded",
        OrderStatus::Cancelled => "cancelled",
    }
}

pub(super) async fn shop_css() -> Response {
    asset("text/css; charset=utf-8", include_str!("assets/shop.css"))
}
