//! Running scenarios and reporting: per scenario, per errand, per language, pass^k.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveTime};
use fairdesk_agent::{AgentPolicy, AuthenticatedCustomer, Engine};
use fairdesk_ledger::{Currency, Money};
use fairdesk_store::{ConversationState, Store};
use serde::Serialize;

use crate::proposal::Requests;
use crate::scenario::{EndSpec, ReplyChecks, Scenario, TurnSpec};
use crate::{EvalError, fixture};

/// One scenario's result over all its phrasing variants.
#[derive(Clone, Debug, Serialize)]
pub struct Outcome {
    pub file: String,
    pub name: String,
    pub errand: String,
    pub language: String,
    pub adversarial: bool,
    /// How many variants ran (k) and how many passed.
    pub k: usize,
    pub passed: usize,
    pub failures: Vec<String>,
    pub customer_turns: usize,
    pub engine_us: Vec<i64>,
    /// The conversation of the first failing variant, turn by turn (what was said, understood
    /// and answered), for whoever has to find out why.
    pub transcript: Option<String>,
}

impl Outcome {
    pub fn pass_k(&self) -> bool {
        self.passed == self.k
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub outcomes: Vec<Outcome>,
}

impl Report {
    pub fn all_passed(&self) -> bool {
        self.outcomes.iter().all(Outcome::pass_k)
    }
}

/// Finds `*.toml` scenario files under the given files or directories, sorted.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, EvalError> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            for entry in std::fs::read_dir(p)? {
                let entry = entry?.path();
                if entry.is_dir() {
                    files.extend(collect_files(&[entry])?);
                } else if entry.extension().and_then(|e| e.to_str()) == Some("toml") {
                    files.push(entry);
                }
            }
        } else {
            files.push(p.clone());
        }
    }
    files.sort();
    Ok(files)
}

pub fn load(path: &Path) -> Result<Scenario, EvalError> {
    let file_err = |message: String| EvalError::File {
        path: path.display().to_string(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|e| file_err(e.to_string()))?;
    let s: Scenario = toml::from_str(&text).map_err(|e| file_err(e.to_string()))?;
    if s.turns.is_empty() || s.turns.iter().any(|t| t.say.is_empty()) {
        return Err(file_err(
            "every scenario needs turns, and every turn something to say".to_owned(),
        ));
    }
    if !s.ends.is_empty() && s.end != EndSpec::default() {
        return Err(file_err(
            "write either [end] or several [[ends]], not both".to_owned(),
        ));
    }
    Ok(s)
}

/// Runs every scenario file found under `paths`; `progress` is called after each scenario.
pub async fn run_files(
    paths: &[PathBuf],
    policy: &AgentPolicy,
    mut progress: impl FnMut(&Outcome),
) -> Result<Report, EvalError> {
    let mut outcomes = Vec::new();
    for file in collect_files(paths)? {
        let scenario = load(&file)?;
        let outcome = run_scenario(&file, &scenario, policy).await?;
        progress(&outcome);
        outcomes.push(outcome);
    }
    Ok(Report { outcomes })
}

async fn run_scenario(
    file: &Path,
    s: &Scenario,
    policy: &AgentPolicy,
) -> Result<Outcome, EvalError> {
    let k = s.turns.iter().map(|t| t.say.len()).max().unwrap_or(1);
    let mut outcome = Outcome {
        file: file.display().to_string(),
        name: s.name.clone(),
        errand: s.errand.clone(),
        language: s.language.clone(),
        adversarial: s.adversarial,
        k,
        passed: 0,
        failures: Vec::new(),
        customer_turns: s.turns.len(),
        engine_us: Vec::new(),
        transcript: None,
    };
    for variant in 0..k {
        // A history the ledger refuses fails this scenario (named in the report); the others run.
        let (failures, transcript) =
            match run_variant(s, variant, policy, &mut outcome.engine_us).await {
                Err(e @ EvalError::Fixture(_)) => (vec![e.to_string()], String::new()),
                result => result?,
            };
        if failures.is_empty() {
            outcome.passed += 1;
        } else if outcome.transcript.is_none() {
            outcome.transcript = Some(format!("variant {variant}:\n{transcript}"));
        }
        outcome.failures.extend(
            failures
                .into_iter()
                .map(|f| format!("variant {variant}: {f}")),
        );
    }
    Ok(outcome)
}

async fn run_variant(
    s: &Scenario,
    variant: usize,
    policy: &AgentPolicy,
    engine_us: &mut Vec<i64>,
) -> Result<(Vec<String>, String), EvalError> {
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}", dir.path().join("scenario.db").display());
    let store = Store::open(&url, policy.ledger.clone()).await?;
    fixture::build(&store, s).await?;
    let engine = Engine::new(store.clone(), policy.clone())?;
    let who = AuthenticatedCustomer::verified(
        s.customer
            .id
            .parse()
            .map_err(|e| EvalError::Fixture(format!("{e}")))?,
    );
    let start = s
        .today
        .and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default())
        .and_utc();
    let first = engine.start(&who, start).await?;
    let mut conversation = first.conversation;
    let mut failures = Vec::new();
    let (opening, opening_payloads) = text_and_payloads(&first.messages);
    if let Some(checks) = &s.opening {
        for f in check_replies(checks, &opening, &opening_payloads) {
            failures.push(format!("opening: {f}"));
        }
    }
    let mut log = format!("  bot: {}\n", opening.replace('\n', "\n       "));
    let mut transcript = vec![opening];
    let mut requests = Requests::new(s);
    for (i, turn) in s.turns.iter().enumerate() {
        let say = turn
            .say
            .get(variant % turn.say.len())
            .cloned()
            .unwrap_or_default();
        let now = start + Duration::seconds(30 * (i as i64 + 1));
        let result = engine.handle(&who, &conversation.id, &say, now).await?;
        engine_us.extend(result.messages.iter().filter_map(|m| m.engine_us));
        let intent = store
            .messages(&conversation.id)
            .await?
            .into_iter()
            .rev()
            .find_map(|m| {
                (m.author == fairdesk_store::Author::Customer)
                    .then_some(m.intent)
                    .flatten()
            });
        let before = conversation.state;
        conversation = result.conversation.clone();
        let (reply, payloads) = text_and_payloads(&result.messages);
        let handed_off =
            before == ConversationState::Bot && conversation.state == ConversationState::Queued;
        for f in check_turn(turn, &reply, &payloads, intent.as_deref(), handed_off) {
            failures.push(format!("turn {} {say:?}: {f}", i + 1));
        }
        requests.heard(
            &say,
            &conversation.language,
            turn.intent.as_deref(),
            intent.as_deref(),
        );
        let memory = fairdesk_agent::memory::Memory::from_json(&conversation.memory);
        for f in requests.check(s, memory.pending.as_ref()) {
            failures.push(format!("turn {} {say:?}: {f}", i + 1));
        }
        log.push_str(&format!(
            "  customer: {say}\n    [{intent}, {state:?}]\n  bot: {}\n",
            reply.replace('\n', "\n       "),
            intent = intent.as_deref().unwrap_or("-"),
            state = conversation.state,
        ));
        transcript.push(reply);
    }
    if let Some(checks) = &s.transcript {
        for f in check_replies(checks, &transcript.join("\n"), &[]) {
            failures.push(format!("transcript: {f}"));
        }
    }
    failures.extend(check_ends(&store, s, &conversation).await?);
    store.pool().close().await;
    Ok((failures, log))
}

/// The bot's messages as one text, and the quick-reply payloads they offer.
fn text_and_payloads(messages: &[fairdesk_store::Message]) -> (String, Vec<String>) {
    let text = messages
        .iter()
        .map(|m| m.body.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let payloads = messages
        .iter()
        .flat_map(|m| m.quick_replies.iter().map(|q| q.payload.clone()))
        .collect();
    (text, payloads)
}

fn check_replies(c: &ReplyChecks, text: &str, payloads: &[String]) -> Vec<String> {
    let turn = TurnSpec {
        say: Vec::new(),
        intent: None,
        mentions: c.mentions.clone(),
        mentions_any: c.mentions_any.clone(),
        not_mentions: c.not_mentions.clone(),
        quick_replies: c.quick_replies.clone(),
        handoff: None,
        silent: false,
    };
    check_turn(&turn, text, payloads, None, false)
}

/// The end state against `[end]`, or against each of `[[ends]]` until one matches.
async fn check_ends(
    store: &Store,
    s: &Scenario,
    conversation: &fairdesk_store::Conversation,
) -> Result<Vec<String>, EvalError> {
    if s.ends.is_empty() {
        return check_end(store, &s.end, conversation).await;
    }
    let mut all = Vec::new();
    for (i, end) in s.ends.iter().enumerate() {
        let f = check_end(store, end, conversation).await?;
        if f.is_empty() {
            return Ok(Vec::new());
        }
        all.push(format!("ends #{}: {}", i + 1, f.join("; ")));
    }
    Ok(vec![format!(
        "no acceptable end matched: {}",
        all.join(" | ")
    )])
}

fn check_turn(
    t: &TurnSpec,
    reply: &str,
    payloads: &[String],
    intent: Option<&str>,
    handed_off: bool,
) -> Vec<String> {
    let mut f = Vec::new();
    let lower = reply.to_lowercase();
    if let Some(want) = &t.intent
        && intent != Some(want.as_str())
    {
        f.push(format!("intent {intent:?}, expected {want}"));
    }
    for m in &t.mentions {
        if !lower.contains(&m.to_lowercase()) {
            f.push(format!("reply lacks {m:?}: {reply:?}"));
        }
    }
    if !t.mentions_any.is_empty()
        && !t
            .mentions_any
            .iter()
            .any(|m| lower.contains(&m.to_lowercase()))
    {
        f.push(format!(
            "reply mentions none of {:?}: {reply:?}",
            t.mentions_any
        ));
    }
    for m in &t.not_mentions {
        if lower.contains(&m.to_lowercase()) {
            f.push(format!("reply must not mention {m:?}: {reply:?}"));
        }
    }
    if let Some(want) = &t.quick_replies {
        let mut a = payloads.to_vec();
        let mut b = want.clone();
        a.sort();
        b.sort();
        if a != b {
            f.push(format!("quick replies {payloads:?}, expected {want:?}"));
        }
    }
    if let Some(want) = t.handoff
        && want != handed_off
    {
        f.push(format!("handoff {handed_off}, expected {want}"));
    }
    if t.silent && !reply.is_empty() {
        f.push(format!("the bot should be silent, said {reply:?}"));
    }
    f
}

fn minor(text: &str, currency: Currency) -> Result<i64, EvalError> {
    Money::parse(text, currency)
        .map(|m| m.amount_minor)
        .map_err(|e| EvalError::Fixture(e.to_string()))
}

async fn check_end(
    store: &Store,
    end: &EndSpec,
    conversation: &fairdesk_store::Conversation,
) -> Result<Vec<String>, EvalError> {
    let mut f = Vec::new();
    let state = serde_json::to_value(conversation.state)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned));
    if let Some(want) = &end.state
        && state.as_deref() != Some(want.as_str())
    {
        f.push(format!("conversation state {state:?}, expected {want}"));
    }
    if let Some(want) = &end.queue
        && conversation.queue.as_deref() != Some(want.as_str())
    {
        f.push(format!("queue {:?}, expected {want}", conversation.queue));
    }
    if let Some(want) = end.waivers_used {
        let customer = store.customer(&conversation.customer).await?;
        let used = customer.map_or(0, |c| c.late_fee_waivers_used);
        if used != want {
            f.push(format!("waivers used {used}, expected {want}"));
        }
    }
    for (id, want) in &end.orders {
        let order_id = id.parse().map_err(|e| EvalError::Fixture(format!("{e}")))?;
        let Some(o) = store.order(&order_id).await? else {
            f.push(format!("order {id} does not exist"));
            continue;
        };
        let c = o.currency();
        if let Some(status) = &want.status {
            let have = serde_json::to_value(o.status)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned));
            if have.as_deref() != Some(status.as_str()) {
                f.push(format!("order {id} status {have:?}, expected {status}"));
            }
        }
        if let Some(paid) = &want.paid
            && o.paid_minor() != minor(paid, c)?
        {
            f.push(format!(
                "order {id} paid {}, expected {paid}",
                Money::new(o.paid_minor(), c)
            ));
        }
        if let Some(refunded) = &want.refunded
            && o.refunded_minor != minor(refunded, c)?
        {
            f.push(format!(
                "order {id} refunded {}, expected {refunded}",
                Money::new(o.refunded_minor, c)
            ));
        }
        if let Some(fees) = &want.fees_owed {
            let owed: i64 = o.open_installments().map(|i| i.fee_owed_minor()).sum();
            if owed != minor(fees, c)? {
                f.push(format!(
                    "order {id} fees owed {}, expected {fees}",
                    Money::new(owed, c)
                ));
            }
        }
        for (seq, due) in &want.due {
            let have = seq
                .parse::<u8>()
                .ok()
                .and_then(|n| o.installment(n))
                .map(|i| i.due);
            if have != Some(*due) {
                f.push(format!(
                    "order {id} installment {seq} due {have:?}, expected {due}"
                ));
            }
        }
        if let Some(paused) = want.paused
            && o.pause.is_some() != paused
        {
            f.push(format!(
                "order {id} paused {}, expected {paused}",
                o.pause.is_some()
            ));
        }
        if let Some(open) = want.dispute_open {
            let is = matches!(o.pause, Some(fairdesk_ledger::Pause::Dispute { .. }));
            if is != open {
                f.push(format!("order {id} dispute open {is}, expected {open}"));
            }
        }
    }
    Ok(f)
}

/// Per-group pass counts: (scenarios, passing pass^k).
pub fn group<'a>(
    outcomes: &'a [Outcome],
    key: impl Fn(&'a Outcome) -> &'a str,
) -> BTreeMap<&'a str, (usize, usize)> {
    let mut groups: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for o in outcomes {
        let g = groups.entry(key(o)).or_insert((0, 0));
        g.0 += 1;
        g.1 += usize::from(o.pass_k());
    }
    groups
}
