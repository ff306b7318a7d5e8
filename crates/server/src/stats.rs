//! The supervisors' figures (issue 12): `GET /api/v1/supervisor/stats`, the JSON the operations
//! dashboard (`/dashboard`) draws too, so the page and the API always agree. The figures are
//! computed by the store from the conversations themselves (see `fairdesk_store::Stats`), not from
//! this process's Prometheus counters, which start at zero with every process.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use chrono::{Days, NaiveDate, Utc};
use fairdesk_store::{Durations, Figures, Role, Stats};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::Shared;
use crate::auth::Agent;
use crate::error::{ApiError, ApiQuery, ErrorBody};

/// The window shown when none is asked for: the last 28 days, today included.
pub(crate) const DEFAULT_WINDOW_DAYS: u64 = 28;

/// Median and 90th percentile (nearest rank), in seconds; none when nothing was measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DurationsView {
    /// How many conversations were measured.
    pub count: u64,
    pub median_seconds: Option<i64>,
    pub p90_seconds: Option<i64>,
}

/// Customer satisfaction: the ratings (1–5) of the conversations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CsatView {
    pub count: u64,
    pub mean: Option<f64>,
    /// Share of the ratings that are 4 or 5, 0 to 1.
    pub good_share: Option<f64>,
}

/// The figures of one set of conversations: those that started in the window (and on the day, in
/// the language or with the errand). Shares are 0 to 1 of `conversations`; the three outcomes add
/// up to all of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FiguresView {
    pub conversations: u64,
    /// Not handed to a person, and the bot answered or did at least one errand.
    pub resolved_by_bot: u64,
    pub resolved_by_bot_share: f64,
    /// Handed to a person's queue, or taken over by a person.
    pub handed_to_person: u64,
    pub handed_to_person_share: f64,
    /// Neither (yet).
    pub still_open: u64,
    pub still_open_share: f64,
    /// Handoffs by reason: the queue (`general`, `payments`, `fraud`, `hardship`, `complaints`),
    /// or `taken_over` when a person took the conversation from the bot.
    pub handoff_reasons: BTreeMap<String, u64>,
    /// From the handoff to a person joining.
    pub time_to_person: DurationsView,
    /// From the start to the bot's first resolved errand, or to the person's close.
    pub time_to_resolution: DurationsView,
    /// The customer started another conversation within 7 days.
    pub repeat_contacts: u64,
    pub repeat_contact_share: f64,
    pub csat: CsatView,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DayFigures {
    pub day: NaiveDate,
    pub figures: FiguresView,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct GroupFigures {
    /// The language code or the errand (`none` when the bot recognised no errand).
    pub key: String,
    pub figures: FiguresView,
}

/// A window's figures, in total and by day (every day), language and errand.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct StatsView {
    pub from: NaiveDate,
    /// The first day after the window.
    pub to: NaiveDate,
    pub total: FiguresView,
    pub by_day: Vec<DayFigures>,
    pub by_language: Vec<GroupFigures>,
    pub by_errand: Vec<GroupFigures>,
}

fn durations(d: &Durations) -> DurationsView {
    DurationsView {
        count: d.count,
        median_seconds: d.median_seconds,
        p90_seconds: d.p90_seconds,
    }
}

impl FiguresView {
    pub fn from_figures(f: &Figures) -> FiguresView {
        FiguresView {
            conversations: f.conversations,
            resolved_by_bot: f.resolved_by_bot,
            resolved_by_bot_share: f.share(f.resolved_by_bot),
            handed_to_person: f.handed_to_person,
            handed_to_person_share: f.share(f.handed_to_person),
            still_open: f.still_open,
            still_open_share: f.share(f.still_open),
            handoff_reasons: f.handoff_reasons.clone(),
            time_to_person: durations(&f.time_to_person),
            time_to_resolution: durations(&f.time_to_resolution),
            repeat_contacts: f.repeat_contacts,
            repeat_contact_share: f.share(f.repeat_contacts),
            csat: CsatView {
                count: f.ratings,
                mean: f.rating_mean(),
                good_share: f.ratings_good_share(),
            },
        }
    }
}

fn groups(groups: &[(String, Figures)]) -> Vec<GroupFigures> {
    groups
        .iter()
        .map(|(key, f)| GroupFigures {
            key: key.clone(),
            figures: FiguresView::from_figures(f),
        })
        .collect()
}

impl StatsView {
    pub fn from_stats(s: &Stats) -> StatsView {
        StatsView {
            from: s.from,
            to: s.to,
            total: FiguresView::from_figures(&s.total),
            by_day: s
                .by_day
                .iter()
                .map(|(day, f)| DayFigures {
                    day: *day,
                    figures: FiguresView::from_figures(f),
                })
                .collect(),
            by_language: groups(&s.by_language),
            by_errand: groups(&s.by_errand),
        }
    }
}

/// The window: `from` (first day) and `to` (the first day after it), UTC dates `YYYY-MM-DD`.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// First day, e.g. `2026-03-01`; default 28 days before `to`.
    pub from: Option<NaiveDate>,
    /// The first day after the window; default tomorrow (so today is in it).
    pub to: Option<NaiveDate>,
}

/// The window a query names, with the defaults filled in.
pub(crate) fn window(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(NaiveDate, NaiveDate), ApiError> {
    let to = match to {
        Some(to) => to,
        None => Utc::now()
            .date_naive()
            .checked_add_days(Days::new(1))
            .ok_or_else(|| ApiError::internal("no tomorrow"))?,
    };
    let from = match from {
        Some(from) => from,
        None => to
            .checked_sub_days(Days::new(DEFAULT_WINDOW_DAYS))
            .ok_or_else(|| ApiError::bad_request("`to` is too early"))?,
    };
    Ok((from, to))
}

/// Refuses anyone but a supervisor.
pub(crate) fn supervisor_only(agent: &Agent) -> Result<(), ApiError> {
    if agent.session.agent.role == Role::Supervisor {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            "supervisors_only",
            "only a supervisor may see the operations figures",
        ))
    }
}

/// The figures of a window `[from, to)` (supervisors only).
#[utoipa::path(get, path = "/api/v1/supervisor/stats", tag = "supervisor",
    params(StatsQuery),
    responses(
        (status = 200, body = StatsView),
        (status = 400, description = "A date that is not `YYYY-MM-DD`, or a window that is not \
                                      1 to 366 days", body = ErrorBody),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 403, description = "Not a supervisor", body = ErrorBody),
    ))]
pub async fn stats(
    State(state): State<Shared>,
    agent: Agent,
    ApiQuery(query): ApiQuery<StatsQuery>,
) -> Result<Json<StatsView>, ApiError> {
    supervisor_only(&agent)?;
    let (from, to) = window(query.from, query.to)?;
    let stats = state.store().stats(from, to).await?;
    Ok(Json(StatsView::from_stats(&stats)))
}
