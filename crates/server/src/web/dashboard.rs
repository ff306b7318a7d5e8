//! The operations dashboard (`/dashboard`, supervisors): for a window of days, the headline
//! figures and charts of conversations per day, handoff reasons, languages and errands, each chart
//! with a table of its numbers. It shows the same figures as `GET /api/v1/supervisor/stats`.
//!
//! It is a plain server-rendered page with no script: the window is a GET form, and someone not
//! logged in gets a login form that posts to `/dashboard/login`, which runs the agent API's own
//! login (throttling, lockout, audit) and sets the same session cookie.
//!
//! The interface is in English for now, like the widget; its words move to the Fluent files with
//! the language switch (#12).

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use maud::{Markup, html};
use serde::Deserialize;

use super::charts::{self, BOT, Bar, OPEN, PERSON, Part};
use super::{asset, content_security_policy, document, private_page};
use crate::Shared;
use crate::api::Login;
use crate::auth::{Agent, ClientAddr};
use crate::error::{ApiError, ApiJson};
use crate::stats::{FiguresView, GroupFigures, StatsView, supervisor_only, window};

#[derive(Debug, Default, Deserialize)]
pub(super) struct WindowQuery {
    from: Option<String>,
    to: Option<String>,
}

/// A date field of the form: empty is "the default", anything else must be `YYYY-MM-DD`.
fn date_field(name: &str, value: Option<&str>) -> Result<Option<NaiveDate>, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v.parse().map(Some).map_err(|_| {
            ApiError::bad_request(format!("{name} must be a date like 2026-03-01, not {v:?}"))
        }),
    }
}

pub(super) async fn page(
    State(state): State<Shared>,
    agent: Result<Agent, ApiError>,
    query: Result<Query<WindowQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(agent) = agent else {
        return login_page(StatusCode::UNAUTHORIZED, None);
    };
    // Logged in without the right: the same form lets them log in as a supervisor instead.
    if let Err(e) = supervisor_only(&agent) {
        let problem = format!(
            "{}: log in with a supervisor account.",
            capitalised(&e.message)
        );
        return login_page(e.status, Some(&problem));
    }
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let asked = date_field("From", query.from.as_deref())
        .and_then(|from| Ok((from, date_field("To", query.to.as_deref())?)))
        .and_then(|(from, to)| window(from, to));
    let (from, to) = match asked {
        Ok(w) => w,
        Err(e) => return message_page(e.status, "That window cannot be shown", &e.message),
    };
    match state.store().stats(from, to).await {
        Ok(stats) => dashboard(&StatsView::from_stats(&stats), &agent.session.agent.name),
        Err(e) => {
            let e = ApiError::from(e);
            let title = if e.status.is_server_error() {
                "The figures are not available right now"
            } else {
                "That window cannot be shown"
            };
            message_page(e.status, title, &e.message)
        }
    }
}

#[derive(Debug, Deserialize)]
pub(super) struct LoginForm {
    name: String,
    password: String,
}

/// The login form's post: the agent API's login, then back to the dashboard with its cookie.
pub(super) async fn login(
    State(state): State<Shared>,
    addr: ClientAddr,
    form: Result<Form<LoginForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return login_page(
            StatusCode::BAD_REQUEST,
            Some("Fill in your name and password."),
        );
    };
    let body = Login {
        name: form.name,
        password: form.password,
    };
    match crate::login::login(State(state), addr, ApiJson(body)).await {
        Ok(answer) if answer.status().is_success() => {
            let mut back = Redirect::to("/dashboard").into_response();
            if let Some(cookie) = answer.headers().get(header::SET_COOKIE) {
                back.headers_mut()
                    .insert(header::SET_COOKIE, cookie.clone());
            }
            back
        }
        Ok(answer) => login_page(
            answer.status(),
            // The login API answers 429 (failed logins backing off, a lockout, or too many
            // logins at once) as a response rather than an error.
            Some("Logins are held back for now: wait a minute, then try again."),
        ),
        Err(e) => login_page(e.status, Some(&format!("{}.", capitalised(&e.message)))),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn page_response(status: StatusCode, title: &str, body: Markup) -> Response {
    private_page(
        status,
        &content_security_policy("'none'"),
        document("en", title, "/dashboard/dashboard.css", body),
    )
}

fn login_page(status: StatusCode, problem: Option<&str>) -> Response {
    let body = html! {
        main class="narrow" {
            h1 { "Operations dashboard" }
            p { "Log in with your supervisor account." }
            @if let Some(problem) = problem {
                p class="problem" role="alert" { (problem) }
            }
            form method="post" action="/dashboard/login" class="login" {
                label for="name" { "Name" }
                input id="name" name="name" type="text" autocomplete="username" required;
                label for="password" { "Password" }
                input id="password" name="password" type="password"
                    autocomplete="current-password" required;
                button type="submit" { "Log in" }
            }
        }
    };
    page_response(status, "Log in – operations dashboard", body)
}

fn message_page(status: StatusCode, title: &str, message: &str) -> Response {
    let body = html! {
        main class="narrow" {
            h1 { (title) }
            p { (capitalised(message)) "." }
            p { a href="/dashboard" { "Back to the dashboard" } }
        }
    };
    page_response(status, title, body)
}

fn dashboard(stats: &StatsView, who: &str) -> Response {
    let last_day = stats.to.pred_opt().unwrap_or(stats.to);
    let body = html! {
        header class="top" {
            h1 { "Operations dashboard" }
            p { "Logged in as " (who) }
        }
        main {
            form method="get" action="/dashboard" class="window" aria-label="Window" {
                div {
                    label for="from" { "From" }
                    input id="from" name="from" type="date" value=(stats.from);
                }
                div {
                    label for="to" { "To (the day after the last)" }
                    input id="to" name="to" type="date" value=(stats.to);
                }
                button type="submit" { "Show" }
            }
            p class="window-text" {
                "Conversations started from " (stats.from) " to " (last_day) " (UTC). Every share "
                "is of these conversations."
            }
            (headline(&stats.total))
            (per_day(stats))
            (reasons(&stats.total))
            (by_group("languages", "Conversations by language", "Language", &stats.by_language))
            (by_group("errands", "Conversations by errand", "Errand", &stats.by_errand))
        }
    };
    page_response(StatusCode::OK, "Operations dashboard", body)
}

fn headline(t: &FiguresView) -> Markup {
    let shares = charts::tenths(&[t.resolved_by_bot, t.handed_to_person, t.still_open]);
    let share = |i: usize| charts::tenths_text(shares.get(i).copied().unwrap_or(0));
    let figures = [
        (
            "conversations",
            "Conversations",
            t.conversations.to_string(),
        ),
        ("resolved-by-bot", "Resolved by the bot", share(0)),
        ("handed-to-person", "Handed to a person", share(1)),
        ("still-open", "Still open", share(2)),
        (
            "time-to-person",
            "Median wait for a person",
            charts::duration(t.time_to_person.median_seconds),
        ),
        (
            "time-to-person-p90",
            "90 % waited at most",
            charts::duration(t.time_to_person.p90_seconds),
        ),
        (
            "time-to-resolution",
            "Median time to resolution",
            charts::duration(t.time_to_resolution.median_seconds),
        ),
        (
            "time-to-resolution-p90",
            "90 % resolved within",
            charts::duration(t.time_to_resolution.p90_seconds),
        ),
        (
            "repeat-contacts",
            "Came back within 7 days",
            charts::percent(t.repeat_contact_share),
        ),
        (
            "csat-mean",
            "Mean rating (1–5)",
            charts::rating(t.csat.mean),
        ),
        (
            "csat-good",
            "Rated 4 or 5",
            t.csat
                .good_share
                .map_or_else(|| "–".to_owned(), charts::percent),
        ),
        ("csat-count", "Ratings", t.csat.count.to_string()),
    ];
    html! {
        section aria-labelledby="headline-title" {
            h2 id="headline-title" { "Headline figures" }
            dl class="headline" {
                @for (id, label, value) in figures {
                    div {
                        dt { (label) }
                        dd data-figure=(id) { (value) }
                    }
                }
            }
        }
    }
}

fn outcome_parts(f: &FiguresView) -> Vec<Part> {
    vec![
        Part {
            value: f.resolved_by_bot,
            colour: BOT,
        },
        Part {
            value: f.handed_to_person,
            colour: PERSON,
        },
        Part {
            value: f.still_open,
            colour: OPEN,
        },
    ]
}

fn outcome_legend() -> Markup {
    charts::legend(&[
        ("Resolved by the bot", BOT),
        ("Handed to a person", PERSON),
        ("Still open", OPEN),
    ])
}

fn per_day(stats: &StatsView) -> Markup {
    let bars: Vec<Bar> = stats
        .by_day
        .iter()
        .map(|d| Bar {
            label: d.day.format("%d %b").to_string(),
            parts: outcome_parts(&d.figures),
        })
        .collect();
    html! {
        section aria-labelledby="days-title" {
            h2 id="days-title" { "Conversations per day" }
            (outcome_legend())
            (charts::columns("days-chart", "Conversations per day, by outcome", &bars))
            div class="table" tabindex="0" {
                table id="days-table" {
                    caption { "Conversations per day" }
                    thead { tr {
                        th scope="col" { "Day" }
                        th scope="col" { "Conversations" }
                        th scope="col" { "Resolved by the bot" }
                        th scope="col" { "Handed to a person" }
                        th scope="col" { "Still open" }
                        th scope="col" { "Mean rating" }
                    } }
                    tbody {
                        @for d in &stats.by_day {
                            tr {
                                th scope="row" { (d.day) }
                                td { (d.figures.conversations) }
                                td { (d.figures.resolved_by_bot) }
                                td { (d.figures.handed_to_person) }
                                td { (d.figures.still_open) }
                                td { (charts::rating(d.figures.csat.mean)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn reasons(total: &FiguresView) -> Markup {
    let bars: Vec<Bar> = total
        .handoff_reasons
        .iter()
        .map(|(reason, n)| Bar {
            label: reason.clone(),
            parts: vec![Part {
                value: *n,
                colour: PERSON,
            }],
        })
        .collect();
    let shares = charts::tenths(&total.handoff_reasons.values().copied().collect::<Vec<_>>());
    html! {
        section aria-labelledby="reasons-title" {
            h2 id="reasons-title" { "Handoff reasons" }
            @if bars.is_empty() {
                p { "No conversation was handed to a person." }
            } @else {
                (charts::rows("reasons-chart", "Handoffs to a person, by reason", &bars))
                div class="table" tabindex="0" {
                    table id="reasons-table" {
                        caption { "Handoffs to a person, by reason (the queue)" }
                        thead { tr {
                            th scope="col" { "Reason" }
                            th scope="col" { "Handoffs" }
                            th scope="col" { "Share of handoffs" }
                        } }
                        tbody {
                            @for ((reason, n), share) in total.handoff_reasons.iter().zip(&shares) {
                                tr {
                                    th scope="row" { (reason) }
                                    td { (n) }
                                    td { (charts::tenths_text(*share)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A chart and table of the figures per language or errand.
fn by_group(id: &str, title: &str, what: &str, groups: &[GroupFigures]) -> Markup {
    let bars: Vec<Bar> = groups
        .iter()
        .map(|g| Bar {
            label: g.key.clone(),
            parts: outcome_parts(&g.figures),
        })
        .collect();
    html! {
        section aria-labelledby={ (id) "-title" } {
            h2 id={ (id) "-title" } { (title) }
            @if bars.is_empty() {
                p { "No conversations in this window." }
            } @else {
                (outcome_legend())
                (charts::rows(&format!("{id}-chart"), &format!("{title}, by outcome"), &bars))
                div class="table" tabindex="0" {
                    table id={ (id) "-table" } {
                        caption { (title) }
                        thead { tr {
                            th scope="col" { (what) }
                            th scope="col" { "Conversations" }
                            th scope="col" { "Resolved by the bot" }
                            th scope="col" { "Handed to a person" }
                            th scope="col" { "Still open" }
                            th scope="col" { "Median time to resolution" }
                            th scope="col" { "Mean rating" }
                        } }
                        tbody {
                            @for g in groups {
                                tr {
                                    th scope="row" { (g.key) }
                                    td { (g.figures.conversations) }
                                    td { (g.figures.resolved_by_bot) }
                                    td { (g.figures.handed_to_person) }
                                    td { (g.figures.still_open) }
                                    td { (charts::duration(g.figures.time_to_resolution.median_seconds)) }
                                    td { (charts::rating(g.figures.csat.mean)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub(super) async fn css() -> Response {
    asset(
        "text/css; charset=utf-8",
        include_str!("assets/dashboard.css"),
    )
}
