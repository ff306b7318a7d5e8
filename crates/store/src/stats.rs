//! The operations dashboard's figures (issue 12): for a window of days, how many conversations
//! started, how they went (the bot resolved them, a person took them, or neither yet), how long
//! customers waited for a person and for a resolution, who came back within a week, and how
//! customers rated them — in total and by day, language and errand.
//!
//! Every figure of a window is taken over one fixed set of conversations: those that *started* in
//! it. So the outcomes partition the set (resolved by the bot + handed to a person + still open =
//! all of them), a rating or a handoff after the window still counts for the conversation it
//! belongs to, and the figures of a past window only change while its conversations do.
//!
//! The rows are read once (the window and the week after it, for repeat contacts) and counted here
//! in Rust, the same way on both backends. The cost grows with the window: about 200 bytes per
//! conversation in memory, so a window is at most [`WINDOW_DAYS_MAX`] days.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::conversations::time;
use crate::{Store, StoreError};

/// The longest window, in days.
pub const WINDOW_DAYS_MAX: u64 = 366;
/// A conversation is a repeat contact when the same customer starts another within this many days.
pub const REPEAT_DAYS: u64 = 7;
/// The handoff reason of a conversation a person took from the bot without a queue.
pub const TAKEN_OVER: &str = "taken_over";
/// The errand of a conversation in which the bot recognised none.
pub const NO_ERRAND: &str = "none";

/// Median and 90th percentile of durations (nearest rank: a value that occurred), in seconds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Durations {
    /// How many conversations the durations were measured on.
    pub count: u64,
    pub median_seconds: Option<i64>,
    pub p90_seconds: Option<i64>,
}

/// The figures of one set of conversations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    pub conversations: u64,
    /// Not handed to a person, and the bot answered or did at least one errand.
    pub resolved_by_bot: u64,
    /// Handed to a person's queue, or taken over by one.
    pub handed_to_person: u64,
    /// Neither (yet): the bot resolved nothing and no person was involved.
    pub still_open: u64,
    /// Handoffs by reason (the queue they went to, or [`TAKEN_OVER`]); they sum to
    /// `handed_to_person`.
    pub handoff_reasons: BTreeMap<String, u64>,
    /// From the handoff to a person joining.
    pub time_to_person: Durations,
    /// From the start to the bot's first resolved errand, or to the person's close.
    pub time_to_resolution: Durations,
    /// The customer started another conversation within [`REPEAT_DAYS`] days.
    pub repeat_contacts: u64,
    /// Conversations rated, the sum of their scores, and those rated 4 or 5.
    pub ratings: u64,
    pub rating_sum: i64,
    pub ratings_good: u64,
}

impl Figures {
    /// `part` of the conversations, 0 to 1 (0 when there are none).
    pub fn share(&self, part: u64) -> f64 {
        ratio(part, self.conversations)
    }

    /// The mean rating, if any.
    pub fn rating_mean(&self) -> Option<f64> {
        (self.ratings > 0).then(|| self.rating_sum as f64 / self.ratings as f64)
    }

    /// The share of ratings that are 4 or 5, if any.
    pub fn ratings_good_share(&self) -> Option<f64> {
        (self.ratings > 0).then(|| ratio(self.ratings_good, self.ratings))
    }
}

fn ratio(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// A window's figures: in total, per day (every day of the window, empty ones too), per
/// language and per errand (those with conversations, by name).
#[derive(Clone, Debug, PartialEq)]
pub struct Stats {
    pub from: NaiveDate,
    /// The first day after the window.
    pub to: NaiveDate,
    pub total: Figures,
    pub by_day: Vec<(NaiveDate, Figures)>,
    pub by_language: Vec<(String, Figures)>,
    pub by_errand: Vec<(String, Figures)>,
}

/// One conversation as the stats see it.
#[derive(Clone, Debug)]
struct StatsRow {
    customer: String,
    language: String,
    created: DateTime<Utc>,
    handed: Option<DateTime<Utc>>,
    queue: Option<String>,
    joined: Option<DateTime<Utc>>,
    bot_resolved: Option<DateTime<Utc>>,
    closed: Option<DateTime<Utc>>,
    errand: Option<String>,
    score: Option<i64>,
    repeat: bool,
}

fn midnight(day: NaiveDate) -> String {
    day.and_time(chrono::NaiveTime::MIN).and_utc().to_rfc3339()
}

fn optional_time(row: &AnyRow, i: usize) -> Result<Option<DateTime<Utc>>, StoreError> {
    row.try_get::<Option<String>, _>(i)?
        .as_deref()
        .map(time)
        .transpose()
}

fn stats_row(row: &AnyRow) -> Result<StatsRow, StoreError> {
    Ok(StatsRow {
        customer: row.try_get(0)?,
        language: row.try_get(1)?,
        created: time(&row.try_get::<String, _>(2)?)?,
        handed: optional_time(row, 3)?,
        queue: row.try_get(4)?,
        joined: optional_time(row, 5)?,
        bot_resolved: optional_time(row, 6)?,
        closed: optional_time(row, 7)?,
        errand: row.try_get(8)?,
        score: row.try_get(9)?,
        repeat: false,
    })
}

/// Marks the conversations whose customer started another within [`REPEAT_DAYS`] days after them
/// (rows in order of start).
fn mark_repeats(rows: &mut [StatsRow]) {
    let mut last: BTreeMap<String, usize> = BTreeMap::new();
    let week = chrono::Duration::days(REPEAT_DAYS as i64);
    for i in 0..rows.len() {
        let Some(row) = rows.get(i) else { continue };
        let (customer, created) = (row.customer.clone(), row.created);
        if let Some(earlier) = last.insert(customer, i).and_then(|j| rows.get_mut(j)) {
            earlier.repeat = created - earlier.created <= week;
        }
    }
}

/// The value at nearest rank `numerator / denominator` of sorted values.
fn nearest_rank(sorted: &[i64], numerator: usize, denominator: usize) -> Option<i64> {
    let rank = (sorted.len() * numerator).div_ceil(denominator);
    sorted.get(rank.checked_sub(1)?).copied()
}

fn durations(mut seconds: Vec<i64>) -> Durations {
    seconds.sort_unstable();
    Durations {
        count: seconds.len() as u64,
        median_seconds: nearest_rank(&seconds, 1, 2),
        p90_seconds: nearest_rank(&seconds, 9, 10),
    }
}

fn figures<'a>(rows: impl Iterator<Item = &'a StatsRow>) -> Figures {
    let mut f = Figures::default();
    let (mut to_person, mut to_resolution) = (Vec::new(), Vec::new());
    for r in rows {
        f.conversations += 1;
        let handed = r.handed.is_some() || r.joined.is_some();
        if handed {
            f.handed_to_person += 1;
            let reason = r.queue.clone().unwrap_or_else(|| TAKEN_OVER.to_owned());
            *f.handoff_reasons.entry(reason).or_default() += 1;
            if let (Some(h), Some(j)) = (r.handed, r.joined)
                && j >= h
            {
                to_person.push((j - h).num_seconds());
            }
            if let Some(c) = r.closed {
                to_resolution.push((c - r.created).num_seconds());
            }
        } else if let Some(b) = r.bot_resolved {
            f.resolved_by_bot += 1;
            to_resolution.push((b - r.created).num_seconds());
        } else {
            f.still_open += 1;
        }
        f.repeat_contacts += u64::from(r.repeat);
        if let Some(score) = r.score {
            f.ratings += 1;
            f.rating_sum += score;
            f.ratings_good += u64::from(score >= 4);
        }
    }
    f.time_to_person = durations(to_person);
    f.time_to_resolution = durations(to_resolution);
    f
}

fn grouped<K: Ord>(rows: &[StatsRow], key: impl Fn(&StatsRow) -> K) -> BTreeMap<K, Figures> {
    let mut groups: BTreeMap<K, Vec<&StatsRow>> = BTreeMap::new();
    for r in rows {
        groups.entry(key(r)).or_default().push(r);
    }
    groups
        .into_iter()
        .map(|(k, rs)| (k, figures(rs.into_iter())))
        .collect()
}

impl Store {
    /// The figures of the conversations started on days `from` to `to` (exclusive), UTC.
    pub async fn stats(&self, from: NaiveDate, to: NaiveDate) -> Result<Stats, StoreError> {
        let days = (to - from).num_days();
        if days < 1 || days as u64 > WINDOW_DAYS_MAX {
            return Err(StoreError::Invalid(format!(
                "the window must be 1 to {WINDOW_DAYS_MAX} days long: `from` ({from}) must be \
                 before `to` ({to}), the first day after it"
            )));
        }
        let after = to
            .checked_add_days(Days::new(REPEAT_DAYS + 1))
            .ok_or_else(|| StoreError::Invalid("the window ends too late".to_owned()))?;
        let sql = "SELECT c.customer_id, c.language, c.created_at, c.handed_at, c.handed_queue, \
                   c.joined_at, c.bot_resolved_at, c.closed_at, c.errand, f.score \
                   FROM conversations c LEFT JOIN feedback f ON f.conversation_id = c.id \
                   WHERE c.created_at >= $1 AND c.created_at < $2 ORDER BY c.created_at, c.id";
        let fetched = sqlx::query(sql)
            .bind(midnight(from))
            .bind(midnight(after))
            .fetch_all(self.pool())
            .await?;
        let mut rows = fetched
            .iter()
            .map(stats_row)
            .collect::<Result<Vec<_>, _>>()?;
        mark_repeats(&mut rows);
        let end = to.and_time(chrono::NaiveTime::MIN).and_utc();
        rows.retain(|r| r.created < end);
        let mut days = grouped(&rows, |r| r.created.date_naive());
        let by_day = from
            .iter_days()
            .take_while(|d| *d < to)
            .map(|d| (d, days.remove(&d).unwrap_or_default()))
            .collect();
        Ok(Stats {
            from,
            to,
            total: figures(rows.iter()),
            by_day,
            by_language: grouped(&rows, |r| r.language.clone()).into_iter().collect(),
            by_errand: grouped(&rows, |r| {
                r.errand.clone().unwrap_or_else(|| NO_ERRAND.to_owned())
            })
            .into_iter()
            .collect(),
        })
    }
}

impl Store {
    /// The median time from a handoff to a person joining, in seconds, over the latest `last`
    /// conversations a person joined after a handoff (by when they joined); `None` with none yet.
    /// The widget's expected wait is made from it.
    pub async fn recent_time_to_person(&self, last: u32) -> Result<Option<i64>, StoreError> {
        let sql = "SELECT handed_at, joined_at FROM conversations \
                   WHERE handed_at IS NOT NULL AND joined_at IS NOT NULL \
                   ORDER BY joined_at DESC LIMIT $1";
        let rows = sqlx::query(sql)
            .bind(i64::from(last))
            .fetch_all(self.pool())
            .await?;
        let mut seconds = Vec::with_capacity(rows.len());
        for row in &rows {
            let (Some(handed), Some(joined)) = (optional_time(row, 0)?, optional_time(row, 1)?)
            else {
                continue;
            };
            if joined >= handed {
                seconds.push((joined - handed).num_seconds());
            }
        }
        seconds.sort_unstable();
        Ok(nearest_rank(&seconds, 1, 2))
    }
}
