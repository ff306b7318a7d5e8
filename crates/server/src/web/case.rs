//! The console's case page: everything a person needs to take a conversation over from the bot —
//! who the customer is, the bot's handoff summary, the transcript (live), the customer's orders with
//! their schedules, fees and refunds, the actions the bot could take (each confirmed before it
//! runs), a reply box with snippets in the customer's language, and claim, resolve and hand back.
//! Who holds the case, and who else is looking at it, is said at the top.
//!
//! The page reads the case through the agent API's own handler, so it shows exactly what that
//! agent may see; its forms post here and call the API's handlers too.

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use fairdesk_ledger::{Currency, Money};
use fairdesk_store::Role;
use maud::{Markup, html};
use serde::Deserialize;

use super::console::{console_page, head, language_name, to_login};
use super::widget::shown_body;
use crate::api::{CaseView, MessageView, OrderView, SendMessage};
use crate::auth::AgentPage;
use crate::error::{ApiError, ApiJson, ApiPath};
use crate::{Shared, agent_api};

/// An API error as a console page: what went wrong and where to go.
pub(super) fn failed(e: &ApiError) -> Response {
    if e.status.is_server_error() {
        tracing::error!(error = %e.message, "a console page failed");
    }
    let (title, advice) = match e.status {
        StatusCode::NOT_FOUND => (
            "No such conversation",
            "It may have been removed.".to_owned(),
        ),
        StatusCode::FORBIDDEN if e.code == "csrf" => (
            "The form has expired",
            "Reload the page and try again.".to_owned(),
        ),
        StatusCode::FORBIDDEN => ("Not your conversation", format!("{}.", e.message)),
        StatusCode::CONFLICT => ("Already taken", format!("{}.", e.message)),
        s if s.is_server_error() => ("Something went wrong", "Try again in a minute.".to_owned()),
        _ => ("That did not work", format!("{}.", e.message)),
    };
    let body = html! {
        main id="main" class="error-page" {
            h1 { (title) }
            p { (advice) }
            p { a href="/console" { "Back to the queue" } }
        }
    };
    console_page(e.status, title, body)
}

pub(super) async fn page(
    State(state): State<Shared>,
    agent: Result<AgentPage, ApiError>,
    ApiPath(id): ApiPath<String>,
) -> Response {
    let Ok(agent) = agent else {
        return to_login();
    };
    let case = match agent_api::case(State(state.clone()), agent.0.clone(), ApiPath(id)).await {
        Ok(axum::Json(case)) => case,
        Err(e) => return failed(&e),
    };
    let me = &agent.0.session.agent;
    let mine = case.agent_id.as_deref() == Some(me.id.as_str());
    let may_work = case.conversation.state == "human" && (mine || me.role == Role::Supervisor);
    let lang = case.conversation.language.as_str();
    let snippets = ["snippet-hello", "snippet-checking", "snippet-anything-else"].map(|id| {
        state
            .engine
            .replies()
            .render(lang, id, &[("name", me.name.clone())])
    });
    let mut merchants = Vec::new();
    for o in &case.orders {
        let name = match o.merchant.parse() {
            Ok(id) => state
                .store()
                .merchant(&id)
                .await
                .ok()
                .flatten()
                .map(|m| m.name),
            Err(_) => None,
        };
        merchants.push(name.unwrap_or_else(|| o.merchant.clone()));
    }
    let body = html! {
        (head(&agent))
        main id="main" class="case-page" data-csrf=(agent.0.csrf) data-agent=(me.name)
            data-conversation=(case.conversation.id) data-state=(case.conversation.state)
            data-holder=[case.conversation.agent.as_deref()] {
            p { a href="/console" { "Back to the queue" } }
            (top(&case, mine, may_work, me.role == Role::Supervisor, &agent.0.csrf))
            div class="columns" {
                div class="column" {
                    (summary(&case))
                    (transcript(&case))
                    @if may_work { (reply(&case, &snippets, &agent.0.csrf)) }
                }
                div class="column" {
                    (orders(&case, &merchants, may_work))
                }
            }
            (confirm_panel())
        }
    };
    console_page(
        StatusCode::OK,
        &format!("{} · fairdesk console", case.customer.name),
        body,
    )
}

/// The customer, the case's state, who holds it and who else looks, and the buttons that change it.
fn top(case: &CaseView, mine: bool, may_work: bool, supervisor: bool, csrf: &str) -> Markup {
    let c = &case.conversation;
    let status = match (c.state.as_str(), c.agent.as_deref()) {
        ("queued", _) => format!(
            "Waiting in the {} queue{}.",
            c.queue.as_deref().unwrap_or("general"),
            c.queue_position
                .map(|n| format!(", number {n}"))
                .unwrap_or_default()
        ),
        ("human", _) if mine => "You hold this conversation.".to_owned(),
        ("human", Some(name)) => format!("Held by {name}."),
        ("closed", _) => "This conversation is closed.".to_owned(),
        _ => "The assistant is handling this conversation.".to_owned(),
    };
    let claimable = c.state == "queued" || (supervisor && !mine && c.state != "closed");
    let id = &c.id;
    html! {
        h1 { (case.customer.name) }
        p class="facts" {
            (language_name(&c.language)) " · " (case.customer.country) " · customer "
            (case.customer.id)
        }
        p id="case-status" class="case-status" role="status" { (status) }
        p id="viewers" class="viewers" aria-live="polite" {
            @if !case.viewers.is_empty() {
                "Also looking at this case: " (case.viewers.join(", "))
            }
        }
        p id="case-error" class="error" role="alert" {}
        div class="buttons" {
            @if claimable { (op_form(id, csrf, "claim", "Claim", "primary")) }
            @if may_work {
                (op_form(id, csrf, "resolve", "Resolve", "primary"))
                (op_form(id, csrf, "hand_back", "Hand back to the assistant", "secondary"))
            }
        }
    }
}

/// A button that changes the case: a form of its own, posted by the script or, without it, here.
fn op_form(id: &str, csrf: &str, op: &str, label: &str, class: &str) -> Markup {
    html! {
        form class="op" method="post" action={ "/console/case/" (id) } data-op=(op) {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="op" value=(op);
            button type="submit" class=(class) id={ "op-" (op) } { (label) }
        }
    }
}

fn summary(case: &CaseView) -> Markup {
    html! {
        section aria-labelledby="summary-h" class="panel" {
            h2 id="summary-h" { "What the assistant handed over" }
            p id="summary" {
                (case.summary.as_deref().unwrap_or("The assistant wrote no summary."))
            }
        }
    }
}

fn transcript(case: &CaseView) -> Markup {
    html! {
        section aria-labelledby="transcript-h" class="panel" {
            h2 id="transcript-h" { "Conversation" }
            // Focusable, so the keyboard can scroll a long transcript.
            ol id="transcript" class="transcript" aria-live="polite" aria-label="Conversation"
                tabindex="0" data-customer=(case.customer.name) {
                @for m in &case.messages {
                    (message(m, shown_body(&case.messages, &m.body), &case.customer.name))
                }
            }
            p id="typing" class="typing" hidden { "The customer is typing…" }
        }
    }
}

/// A message; a quick reply the customer pressed shows as its button's label (`shown`).
fn message(m: &MessageView, shown: &str, customer: &str) -> Markup {
    let who = match m.author.as_str() {
        "customer" => customer,
        "bot" => "Assistant",
        "agent" => "Agent",
        _ => "Note for agents",
    };
    html! {
        li class={ "message " (m.author) } data-seq=(m.seq) lang=[m.language.as_deref()] {
            span class="who" { (who) " · " time datetime=(m.created_at.to_rfc3339()) {
                (m.created_at.format("%H:%M")) } }
            p { (shown) }
        }
    }
}

fn reply(case: &CaseView, snippets: &[String], csrf: &str) -> Markup {
    html! {
        form id="reply" class="panel reply" method="post"
            action={ "/console/case/" (case.conversation.id) } {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="op" value="reply";
            label for="reply-text" {
                "Reply to " (case.customer.name) " (" (language_name(&case.conversation.language)) ")"
            }
            div class="snippets" role="group" aria-label="Snippets" {
                @for s in snippets {
                    button type="button" class="snippet" data-text=(s) { (s) }
                }
            }
            textarea id="reply-text" name="text" rows="3" maxlength="2000" required {}
            button type="submit" class="primary" { "Send" }
        }
    }
}

/// Money of an order for the agent: "170.57 EUR".
fn money(minor: i64, code: &str) -> String {
    code.parse::<Currency>().map_or_else(
        |_| format!("{minor} (minor units) {code}"),
        |c| Money::new(minor, c).to_string(),
    )
}

fn orders(case: &CaseView, merchants: &[String], may_work: bool) -> Markup {
    html! {
        section aria-labelledby="orders-h" class="panel" {
            h2 id="orders-h" { "Orders" }
            @if case.orders.is_empty() { p { "No orders." } }
            @for (o, merchant) in case.orders.iter().zip(merchants) {
                (order(o, merchant, may_work))
            }
        }
    }
}

fn order(o: &OrderView, merchant: &str, may_work: bool) -> Markup {
    let m = |minor| money(minor, &o.currency);
    let name = format!("{merchant} order {}", o.id);
    html! {
        article class="order" aria-labelledby={ "order-" (o.id) } {
            h3 id={ "order-" (o.id) } { (name) }
            p { (o.description) }
            dl class="facts-list" {
                div { dt { "Amount" } dd { (m(o.amount_minor)) } }
                div { dt { "Plan" } dd { (o.plan.replace('_', " ")) } }
                div { dt { "Status" } dd { (o.status.replace('_', " "))
                    @if o.paused { " (paused)" } } }
                div { dt { "Bought" } dd { (o.purchased_on) } }
                div { dt { "Shipped" } dd { (o.shipped_on.map_or("not yet".to_owned(), |d| d.to_string())) } }
                div { dt { "Delivered" } dd { (o.delivered_on.map_or("not yet".to_owned(), |d| d.to_string())) } }
                div { dt { "Still owed" } dd { (m(o.outstanding_minor)) } }
                div { dt { "Refunded" } dd { (m(o.refunded_minor)) } }
            }
            (schedule(o, &name, may_work))
            @if may_work && o.status == "active" {
                div class="buttons" {
                    (action_form(o, "cancel", "Cancel order", &format!("Cancel {name}?"), html! {}))
                    (action_form(o, "start_return", "Start a return",
                        &format!("Start a return of {name}? Its payments pause meanwhile."), html! {}))
                    (action_form(o, "open_dispute", "Open a dispute",
                        &format!("Open a dispute about {name}? Its payments pause meanwhile."), html! {}))
                }
            }
        }
    }
}

fn schedule(o: &OrderView, name: &str, may_work: bool) -> Markup {
    let m = |minor| money(minor, &o.currency);
    html! {
        table class="schedule" {
            caption { "Payment schedule of " (o.id) }
            thead { tr {
                th scope="col" { "#" } th scope="col" { "Due" } th scope="col" { "Owed" }
                th scope="col" { "Paid" } th scope="col" { "Late fee" }
                @if may_work { th scope="col" { "Actions" } }
            } }
            tbody {
                @for i in &o.installments {
                    tr {
                        td { (i.seq) }
                        td { (i.due) }
                        td { (m(i.amount_due_minor)) }
                        td { (m(i.paid_minor)) }
                        td { @if i.fee_minor > 0 { (m(i.fee_minor)) @if i.fee_waived { " (waived)" } } @else { "none" } }
                        @if may_work {
                            td { @if i.open { (installment_actions(o, i, name)) } }
                        }
                    }
                }
            }
        }
    }
}

fn installment_actions(o: &OrderView, i: &crate::api::InstallmentView, name: &str) -> Markup {
    let n = i.seq;
    html! {
        @if i.fee_minor > 0 && !i.fee_waived {
            (action_form(o, "waive_late_fee", "Waive fee",
                &format!("Waive the late fee of {} on installment {n} of {name}?",
                    money(i.fee_minor, &o.currency)),
                html! {
                    input type="hidden" name="installment" value=(n);
                    input type="hidden" name="fee_minor" value=(i.fee_minor);
                }))
        }
        (action_form(o, "move_due_date", "Move",
            &format!("Move installment {n} of {name} to the date you chose?"),
            html! {
                input type="hidden" name="installment" value=(n);
                label for={ "due-" (o.id) "-" (n) } class="visually-hidden" {
                    "New due date of installment " (n) " of " (o.id)
                }
                input id={ "due-" (o.id) "-" (n) } type="date" name="new_due" required
                    value=(i.due);
            }))
    }
}

/// A money action: the script asks for a confirmation, then sends it to the API with a fresh
/// idempotency key.
fn action_form(o: &OrderView, action: &str, label: &str, confirm: &str, fields: Markup) -> Markup {
    html! {
        form class="action" method="post" action="/console/action-needs-javascript"
            data-action=(action) data-order=(o.id) data-confirm=(confirm) {
            (fields)
            button type="submit" class="secondary" { (label) }
        }
    }
}

/// Where the script asks "are you sure?" before a money action runs.
fn confirm_panel() -> Markup {
    html! {
        div id="confirm" class="confirm" role="dialog" aria-modal="true"
            aria-labelledby="confirm-text" hidden {
            p id="confirm-text" {}
            div class="buttons" {
                button id="confirm-yes" type="button" class="primary" { "Yes, do it" }
                button id="confirm-no" type="button" class="secondary" { "No, go back" }
            }
        }
    }
}

#[derive(Debug, Deserialize)]
pub(super) struct CaseForm {
    csrf: String,
    op: String,
    text: Option<String>,
}

/// The case page's forms without the script: claim, reply, resolve, hand back.
pub(super) async fn post(
    State(state): State<Shared>,
    agent: Result<AgentPage, ApiError>,
    ApiPath(id): ApiPath<String>,
    form: Result<Form<CaseForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(AgentPage(agent)) = agent else {
        return to_login();
    };
    let Ok(Form(form)) = form else {
        return failed(&ApiError::bad_request(
            "the form arrived incomplete; send it again",
        ));
    };
    if let Err(e) = agent.check_csrf(&form.csrf) {
        return failed(&e);
    }
    let path = ApiPath(id.clone());
    let s = State(state);
    let done = match form.op.as_str() {
        "claim" => agent_api::claim(s, agent, path).await.map(|_| ()),
        "reply" => {
            let text = form.text.unwrap_or_default();
            agent_api::reply(s, agent, path, ApiJson(SendMessage { text }))
                .await
                .map(|_| ())
        }
        "resolve" => agent_api::resolve(s, agent, path).await.map(|_| ()),
        "hand_back" => agent_api::hand_back(s, agent, path).await.map(|_| ()),
        _ => Err(ApiError::bad_request(
            "unknown change; use the buttons of the page",
        )),
    };
    match (done, form.op.as_str()) {
        (Err(e), _) => failed(&e),
        (Ok(()), "resolve" | "hand_back") => Redirect::to("/console").into_response(),
        (Ok(()), _) => Redirect::to(&format!("/console/case/{id}")).into_response(),
    }
}

/// A money action's form posted without the script, which would have asked for a confirmation.
pub(super) async fn action_without_script() -> Response {
    failed(&ApiError::bad_request(
        "acting on an order needs JavaScript, which asks you to confirm first; turn it on and \
         reload the case",
    ))
}
