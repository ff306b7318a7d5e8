//! The turn loop: one customer message in, the bot's messages out, everything persisted.

use std::collections::HashMap;
use std::time::Instant;

use chrono::{DateTime, Datelike, Duration, Utc};
use fairdesk_ledger::{Customer, Order};
use fairdesk_store::{
    Author, Conversation, ConversationState, Message, QuickReply, Store, StoreError,
};
use fairdesk_understand::{
    Intent, Lang, Proposal, Reply, SlotContext, Understander, Understanding, extract_slots,
    read_reply,
};
use thiserror::Error;

use crate::actions::{self, ActionError};
use crate::flows::{Errand, FlowCtx, Out, Step};
use crate::handoff::{HandoffReason, is_frustrated};
use crate::help::HelpCenter;
use crate::mask::mask;
use crate::memory::{AwaitingOrder, Memory, Pending};
use crate::policy::AgentPolicy;
use crate::replies::{Replies, RepliesError};
use crate::{AuthenticatedCustomer, guard, locale, split, summary};

#[derive(Debug, Error)]
pub enum EngineError {
    /// The conversation does not exist or is not this customer's (the same answer for both).
    #[error("no such conversation")]
    NotFound,
    #[error("the customer {0} is not registered")]
    UnknownCustomer(String),
    #[error("the understanding model could not be built: {0}")]
    Understand(String),
    #[error(transparent)]
    Replies(#[from] RepliesError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("no randomness for a conversation id: {0}")]
    Random(String),
}

/// The result of one turn: the conversation as it now stands and the bot's new messages.
#[derive(Clone, Debug)]
pub struct Turn {
    pub conversation: Conversation,
    pub messages: Vec<Message>,
    /// Place in the human queue, when the conversation is queued.
    pub queue_position: Option<usize>,
    /// Notes for the people who take over, written this turn (the handoff summary); never shown to
    /// the customer.
    pub notes: Vec<Message>,
    /// The customer's message as stored (masked), when it was kept.
    pub received: Option<Message>,
    /// Why this turn handed the conversation to a person, if it did.
    pub handoff: Option<HandoffReason>,
    /// Whether this turn answered or completed an errand.
    pub resolved: bool,
}

pub struct Engine {
    store: Store,
    understander: &'static Understander,
    policy: AgentPolicy,
    replies: Replies,
    help: HelpCenter,
    merchant_names: std::sync::RwLock<HashMap<fairdesk_ledger::MerchantId, String>>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

/// The customer's world for one turn: their profile, orders and the names of their merchants.
struct World {
    customer: Customer,
    orders: Vec<Order>,
    merchant_names: HashMap<fairdesk_ledger::MerchantId, String>,
}

impl Engine {
    /// Builds the engine; reads the built-in understanding model on first use (milliseconds).
    pub fn new(store: Store, policy: AgentPolicy) -> Result<Engine, EngineError> {
        let understander =
            fairdesk_model::bnpl().map_err(|e| EngineError::Understand(e.to_string()))?;
        Ok(Engine {
            store,
            understander,
            policy,
            replies: Replies::load()?,
            help: HelpCenter::embedded(),
            merchant_names: std::sync::RwLock::new(HashMap::new()),
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The localized texts (the console's snippets and the widget's notices come from here too).
    pub fn replies(&self) -> &Replies {
        &self.replies
    }

    pub fn policy(&self) -> &AgentPolicy {
        &self.policy
    }

    async fn world(&self, who: &AuthenticatedCustomer) -> Result<World, EngineError> {
        let (customer, orders) = self
            .store
            .customer_with_orders(who.id())
            .await?
            .ok_or_else(|| EngineError::UnknownCustomer(who.id().to_string()))?;
        let mut merchant_names = HashMap::new();
        for o in &orders {
            if merchant_names.contains_key(&o.merchant) {
                continue;
            }
            if let Some(name) = self.merchant_name(&o.merchant).await? {
                merchant_names.insert(o.merchant.clone(), name);
            }
        }
        Ok(World {
            customer,
            orders,
            merchant_names,
        })
    }

    /// A merchant's name, from memory after the first read (merchants are registered once and never
    /// renamed).
    async fn merchant_name(
        &self,
        id: &fairdesk_ledger::MerchantId,
    ) -> Result<Option<String>, EngineError> {
        let known = self
            .merchant_names
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(id)
            .cloned();
        if known.is_some() {
            return Ok(known);
        }
        let Some(m) = self.store.merchant(id).await? else {
            return Ok(None);
        };
        self.merchant_names
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(m.id, m.name.clone());
        Ok(Some(m.name))
    }

    /// Opens a conversation; the first message says it is an AI and how to reach a person.
    pub async fn start(
        &self,
        who: &AuthenticatedCustomer,
        now: DateTime<Utc>,
    ) -> Result<Turn, EngineError> {
        self.start_in(who, None, now).await
    }

    /// Opens a conversation in `language` (one of [`crate::locale::LANGUAGES`], as the customer
    /// chose it in the widget), else in the customer's own language.
    pub async fn start_in(
        &self,
        who: &AuthenticatedCustomer,
        language: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Turn, EngineError> {
        let world = self.world(who).await?;
        let id = conversation_id()?;
        let language = language
            .filter(|l| crate::locale::LANGUAGES.contains(l))
            .map_or_else(|| world.customer.language.clone(), str::to_owned);
        let conversation = Conversation {
            id,
            customer: who.id().clone(),
            state: ConversationState::Bot,
            language,
            queue: None,
            priority: 0,
            queued_at: None,
            agent_id: None,
            memory: Memory::default().to_json(),
            created_at: now,
            updated_at: now,
            version: 0,
        };
        let first_name = world
            .customer
            .name
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned();
        let text = self
            .replies
            .render(&conversation.language, "welcome", &[("name", first_name)]);
        let welcome = self.bot_message(&conversation, Out::text(text), now, None);
        let messages = self
            .store
            .start_conversation(&conversation, &[welcome])
            .await?;
        Ok(Turn {
            conversation,
            messages,
            notes: Vec::new(),
            queue_position: None,
            received: None,
            handoff: None,
            resolved: false,
        })
    }

    async fn bot(
        &self,
        c: &Conversation,
        out: Out,
        now: DateTime<Utc>,
        us: Option<i64>,
    ) -> Result<Message, EngineError> {
        let m = self.bot_message(c, out, now, us);
        Ok(self.store.append_message(&m).await?)
    }

    fn bot_message(
        &self,
        c: &Conversation,
        out: Out,
        now: DateTime<Utc>,
        us: Option<i64>,
    ) -> Message {
        Message {
            conversation_id: c.id.clone(),
            seq: 0,
            author: Author::Bot,
            body: out.text,
            language: Some(c.language.clone()),
            intent: None,
            confidence: None,
            quick_replies: out.quick_replies,
            engine_us: us,
            created_at: now,
        }
    }

    /// Handles one customer message (or quick-reply payload) in a conversation of `who`.
    pub async fn handle(
        &self,
        who: &AuthenticatedCustomer,
        conversation_id: &str,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<Turn, EngineError> {
        let started = Instant::now();
        let mut conv = self
            .store
            .conversation(conversation_id)
            .await?
            .filter(|c| &c.customer == who.id())
            .ok_or(EngineError::NotFound)?;
        let mut memory = Memory::from_json(&conv.memory);
        let resolved_before = memory.resolved;
        let held_by_people = matches!(
            conv.state,
            ConversationState::Queued | ConversationState::Human
        );
        let too_long = text.len() > self.policy.limits.message_bytes_max;
        // An overlong message that asks for a person is still heard (cut at the limit).
        let asks_person = too_long
            && [cut(text, 1_000), tail(text, 1_000)]
                .iter()
                .any(|part| fairdesk_understand::handoff::asks_for_human(part));
        if too_long && !held_by_people && !asks_person {
            let max = self.policy.limits.message_bytes_max.to_string();
            let out = Out::text(self.replies.render(
                &conv.language,
                "message-too-long",
                &[("max", max)],
            ));
            let message = self.bot(&conv, out, now, None).await?;
            return Ok(Turn {
                conversation: conv,
                messages: vec![message],
                notes: Vec::new(),
                queue_position: None,
                received: None,
                handoff: None,
                resolved: false,
            });
        }
        // While people hold the conversation an overlong message is kept, cut at the limit.
        let text = cut(text, self.policy.limits.message_bytes_max);
        let masked = mask(text);
        let mut understanding = self.understand(&masked.text);
        // A card number typed with its expiry date ("put it on this one: 4111…, 09/29") is meant
        // to pay with: the answer is the secure link for the card, not a fraud case. Without an
        // expiry, only a message the classifier cannot place is read so ("here: 4111…").
        let card_to_pay_with = masked.found.contains(&crate::mask::Sensitive::CardNumber)
            && (crate::mask::has_expiry(&masked.text)
                || understanding.intent == Intent::OutOfScope
                || understanding.confidence < 0.5);
        if card_to_pay_with
            && !understanding.forced_human
            && understanding.intent != Intent::HumanAgent
        {
            understanding.intent = Intent::UpdatePaymentMethod;
            understanding.confidence = 1.0;
        }
        // The request for a person may sit beyond the cut of an overlong message.
        understanding.forced_human |= asks_person;
        // "Which phone number do you have for me?" is about the details on file, not a request to
        // be called — and after the details were shown, "and the phone number?" is too.
        if crate::flows::asks_contact_details(
            &masked.text,
            memory.last_errand == Some(Errand::PersonalDetails),
        ) {
            understanding.intent = Intent::PersonalDetails;
            understanding.confidence = 1.0;
            understanding.forced_human = false;
        }
        if memory.pending.is_some() || memory.offered_person {
            // An open question: the answer is read against what was proposed. Only the reply
            // reader's yes (every word known, nothing changed) or the button is a yes; a no is a no
            // unless it clearly asks for another errand ("no wait, pay off everything instead").
            let other_errand = Errand::from_intent(understanding.intent).is_some()
                && understanding.confidence >= 0.7
                && words(&masked.text) >= 3;
            let proposal = memory
                .pending
                .as_ref()
                .map_or(Proposal::Other, |p| proposal_of(&p.action));
            // A request for a person always wins ("no, customer service please").
            let wants_person =
                understanding.intent == Intent::HumanAgent || understanding.forced_human;
            let lang = conv.language.parse().unwrap_or(understanding.lang);
            let reply = repeated_date_removed(&masked.text, lang, memory.pending.as_ref(), now);
            match self.read_answer(&reply, lang, memory.pending.as_ref(), proposal) {
                // "OK, pay the whole sum off" at a proposed pay-off is a yes by what it asks for
                // (see `read_answer`): it is kept as that errand, which `route` confirms.
                Reply::Yes
                    if read_reply(&reply, lang, proposal) != Reply::Yes
                        && memory.pending.as_ref().is_some_and(|p| {
                            Errand::from_intent(understanding.intent) == Some(p.errand)
                        }) => {}
                Reply::Yes => understanding.intent = Intent::Affirm,
                Reply::No if !other_errand && !wants_person => understanding.intent = Intent::Deny,
                Reply::Person => {
                    understanding.intent = Intent::HumanAgent;
                    understanding.forced_human = true;
                }
                // A yes that is not a clean yes is never taken as one (at a proposal it is asked
                // again; see `route`).
                _ if understanding.intent == Intent::Affirm && memory.pending.is_none() => {
                    understanding.intent = Intent::OutOfScope;
                    understanding.confidence = 0.0;
                }
                _ => {}
            }
        }
        let mut received = Message {
            conversation_id: conv.id.clone(),
            seq: 0,
            author: Author::Customer,
            body: masked.text.clone(),
            language: Some(understanding.lang.as_str().to_owned()),
            intent: Some(understanding.intent.as_str().to_owned()),
            confidence: Some(f64::from(understanding.confidence)),
            quick_replies: Vec::new(),
            engine_us: None,
            created_at: now,
        };
        memory.turns += 1;
        let per_minute_max = self.policy.limits.messages_per_minute_max as usize;
        let in_last_minute = memory.arrived(now, per_minute_max + 1);
        if conv.state == ConversationState::Closed {
            conv.state = ConversationState::Bot;
        }
        if conv.state != ConversationState::Bot {
            // A person holds (or is about to hold) the conversation: the bot stays silent.
            conv.memory = memory.to_json();
            conv.updated_at = now;
            let (conv, mut saved) = self.store.save_turn(&conv, &[received]).await?;
            let position = self.store.queue_position(&conv.id).await?;
            return Ok(Turn {
                conversation: conv,
                messages: Vec::new(),
                notes: Vec::new(),
                queue_position: position,
                received: saved.pop(),
                handoff: None,
                resolved: false,
            });
        }
        if in_last_minute > per_minute_max {
            conv.memory = memory.to_json();
            conv.updated_at = now;
            let out = Out::text(self.replies.render(&conv.language, "slow-down", &[]));
            let reply = self.bot_message(&conv, out, now, None);
            let (conv, mut saved) = self.store.save_turn(&conv, &[received, reply]).await?;
            let message = saved.pop();
            return Ok(Turn {
                conversation: conv,
                messages: message.into_iter().collect(),
                notes: Vec::new(),
                queue_position: None,
                received: saved.pop(),
                handoff: None,
                resolved: false,
            });
        }
        if words(&masked.text) >= 3
            && understanding.lang_confidence >= 0.9
            && !scandinavian_pair(&conv.language, understanding.lang)
        {
            conv.language = understanding.lang.as_str().to_owned();
        }
        let world = self.world(who).await?;
        // Slots are read here only for the verdicts a named purchase changes (out of scope, an
        // unsure reading, and interest: see `product_reading`); the errand's own slots are read
        // when it is routed.
        let lang = conv.language.parse().unwrap_or(understanding.lang);
        let slots = if matches!(
            understanding.intent,
            Intent::OutOfScope | Intent::InterestCost
        ) || understanding.confidence < self.policy.handoff.confidence_min
        {
            self.slots(&masked.text, lang, &world, now)
        } else {
            fairdesk_understand::Slots::default()
        };
        let ctx = self.flow_ctx(&conv, &world, &slots, &masked.text, now);
        if let Some(reading) = self
            .context_reading(&understanding, &memory, &ctx)
            .or_else(|| self.purchase_reading(&understanding, &ctx))
            .or_else(|| product_reading(&understanding, &ctx))
        {
            received.intent = Some(reading.intent.as_str().to_owned());
            received.confidence = Some(f64::from(reading.confidence));
            understanding = reading;
        }
        let mut outs = Vec::new();
        if !masked.found.is_empty() {
            outs.push(Out::text(self.replies.render(
                &conv.language,
                "sensitive-masked",
                &[],
            )));
        }
        let decision = self
            .decide(
                &conv,
                &world,
                &mut memory,
                &understanding,
                &masked.text,
                now,
                who,
            )
            .await?;
        // The message is recorded as the errand served, where that is not what the model said.
        if let Some(intent) = decision
            .routed
            .filter(|e| Errand::from_intent(understanding.intent) != Some(*e))
            .and_then(|e| e.as_str().parse::<Intent>().ok())
        {
            received.intent = Some(intent.as_str().to_owned());
        }
        outs.extend(decision.outs);
        let mut position = None;
        let mut writes = vec![received];
        if let Some(reason) = decision.handoff {
            let (summary, place) = self
                .hand_off(&mut conv, &mut memory, reason, &understanding, now)
                .await?;
            writes.push(summary);
            position = Some(place);
            if let Some(ack) = acknowledgement(reason) {
                outs.push(Out::text(self.replies.render(&conv.language, ack, &[])));
            }
            let key = if reason == HandoffReason::Complaint {
                "complaint-registered"
            } else {
                "handoff-queued"
            };
            let reference = if reason == HandoffReason::Complaint {
                crate::reference::complaint(&self.store, &conv, now).await?
            } else {
                String::new()
            };
            let vars = [
                ("position", position.unwrap_or(1).to_string()),
                ("reference", reference),
            ];
            outs.push(Out::text(self.replies.render(&conv.language, key, &vars)));
            if reason == HandoffReason::Complaint {
                outs.push(Out::text(self.replies.render(
                    &conv.language,
                    "handoff-queued",
                    &vars,
                )));
            }
        }
        if decision.closes {
            conv.state = ConversationState::Closed;
        }
        conv.memory = memory.to_json();
        conv.updated_at = now;
        let us = i64::try_from(started.elapsed().as_micros()).unwrap_or(i64::MAX);
        for (i, out) in outs.into_iter().enumerate() {
            writes.push(self.bot_message(&conv, out, now, (i == 0).then_some(us)));
        }
        let (conv, saved) = self.store.save_turn(&conv, &writes).await?;
        let mut saved = saved.into_iter();
        let received = saved.next();
        let (notes, messages) = saved.partition(|m| m.author == Author::System);
        Ok(Turn {
            conversation: conv,
            messages,
            notes,
            queue_position: position,
            received,
            handoff: decision.handoff,
            resolved: memory.resolved > resolved_before,
        })
    }

    /// A human agent takes a conversation: the bot goes silent until it is handed back.
    pub async fn claim(
        &self,
        conversation_id: &str,
        agent_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Conversation, EngineError> {
        let mut conv = self
            .store
            .conversation(conversation_id)
            .await?
            .ok_or(EngineError::NotFound)?;
        conv.state = ConversationState::Human;
        conv.agent_id = Some(agent_id.to_owned());
        conv.updated_at = now;
        Ok(self.store.save_conversation(&conv).await?)
    }

    /// A human hands the conversation back to the bot, which greets the customer again with fresh
    /// counters (the log of what happened stays for the next person).
    pub async fn hand_back(
        &self,
        conversation_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Turn, EngineError> {
        let mut conv = self
            .store
            .conversation(conversation_id)
            .await?
            .ok_or(EngineError::NotFound)?;
        let old = Memory::from_json(&conv.memory);
        let memory = Memory {
            turns: old.turns,
            log: old.log,
            confirmations_issued: old.confirmations_issued,
            ..Memory::default()
        };
        conv.state = ConversationState::Bot;
        conv.queue = None;
        conv.priority = 0;
        conv.queued_at = None;
        conv.agent_id = None;
        conv.memory = memory.to_json();
        conv.updated_at = now;
        let conv = self.store.save_conversation(&conv).await?;
        let text = self.replies.render(&conv.language, "handback", &[]);
        let message = self.bot(&conv, Out::text(text), now, None).await?;
        Ok(Turn {
            conversation: conv,
            messages: vec![message],
            notes: Vec::new(),
            queue_position: None,
            received: None,
            handoff: None,
            resolved: false,
        })
    }

    /// Tier 0 (quick-reply payloads carry their meaning) then tier 1 (the built-in classifier). A
    /// greeting in front of an errand ("bonjour, je voudrais savoir où en est mon achat") is read
    /// without the greeting.
    fn understand(&self, text: &str) -> Understanding {
        let mut u = self.understander.understand(text);
        if u.intent == Intent::Greeting
            && let Some(rest) = without_greeting(text)
        {
            let again = self.understander.understand(rest);
            if again.intent != Intent::OutOfScope {
                u = again;
            }
        }
        // "Vale, ¿y lo mío cuánto es?": a yes that opens a question is that question (an answer
        // to a proposal is read by the reply reader all the same). Only a question: "yes, pay
        // it" with nothing proposed stays a yes to nothing, not a new money errand.
        if u.intent == Intent::Affirm
            && let Some(rest) = fairdesk_understand::reply::after_leading_yes(text)
        {
            let again = self.understander.understand(&rest);
            if Errand::from_intent(again.intent).is_some_and(|e| e.is_task() && !e.proposes())
                && again.confidence >= AFTER_YES_CONFIDENCE_MIN
            {
                u.intent = again.intent;
                u.confidence = again.confidence;
                u.top = again.top;
            }
        }
        if let Some(intent) = quick_reply_intent(text) {
            u.intent = intent;
            u.confidence = 1.0;
        }
        u
    }
}

/// A short follow-up naming a purchase asks its own question (not the errand before it) when the
/// model reads that question this surely, in at least this many words.
const OWN_QUESTION_CONFIDENCE_MIN: f32 = 0.8;
const OWN_QUESTION_WORDS_MIN: usize = 5;

/// A part of a message beside a request for a person names its topic (and queue) from this
/// confidence.
const TOPIC_BESIDE_PERSON_CONFIDENCE_MIN: f32 = 0.5;
/// … and it must have at least this many words ("kom op" names nothing).
const TOPIC_WORDS_MIN: usize = 3;

/// What follows a leading yes counts as the message's errand from this confidence.
const AFTER_YES_CONFIDENCE_MIN: f32 = 0.5;

/// The errand that matches what the customer asked, where the classifier's label names a bigger
/// or different one: paying one installment early is not paying off the plan; an "extra fee" the
/// customer has on a purchase is their late fee, not a fraud case.
fn match_request(errand: Errand, ctx: &FlowCtx<'_>, last: Option<Errand>) -> Errand {
    use fairdesk_understand::Installment;
    match errand {
        Errand::PayOff
            if matches!(
                ctx.slots.installment,
                Some(Installment::Next | Installment::Number(_))
            ) =>
        {
            Errand::PayNow
        }
        Errand::ChargeNotRecognised if mentions_own_fee(ctx) => Errand::LateFee,
        Errand::ReportProblemOrder if asks_if_arrived(ctx) => Errand::OrderStatus,
        // "Remove it" / "cancel it" right after a late fee was explained is about the fee.
        Errand::CancelOrder if last == Some(Errand::LateFee) && ctx.slots.merchants.is_empty() => {
            Errand::LateFee
        }
        other => other,
    }
}

/// "Did the coffee maker arrive?", "kom den fram?", "è arrivato il pacco?": a question whether a
/// parcel came, with no "not" and no word of damage, asks where it is; it reports no problem.
fn asks_if_arrived(ctx: &FlowCtx<'_>) -> bool {
    let lang: Lang = ctx.lang.parse().unwrap_or(Lang::En);
    let words = fairdesk_understand::text::lexicon_words(ctx.text);
    let asks = ctx.text.contains(['?', '¿']) || words.iter().any(|w| w == "did");
    asks && !fairdesk_understand::clauses::negated(ctx.text, lang)
        && !words
            .iter()
            .any(|w| DAMAGE_STEMS.iter().any(|d| w.starts_with(d)))
}

/// Stems of words for a damaged, wrong, missing or lost item (folded), in the 11 languages.
const DAMAGE_STEMS: &[&str] = &[
    "broke",
    "damag",
    "wrong",
    "missing",
    "defect",
    "crack",
    "faulty",
    "lost",
    "stole",
    "kaputt",
    "beschadig",
    "falsch",
    "fehl",
    "verlor",
    "casse",
    "abime",
    "endommag",
    "mauvais",
    "manqu",
    "perdu",
    "roto",
    "rota",
    "danad",
    "equivoc",
    "defectu",
    "falta",
    "perdid",
    "rott",
    "danneggi",
    "sbagli",
    "difett",
    "manca",
    "perso",
    "persa",
    "kapot",
    "verkeerd",
    "ontbre",
    "kwijt",
    "trasig",
    "skada",
    "skadet",
    "fel",
    "saknas",
    "borta",
    "forlora",
    "odelag",
    "feil",
    "mangle",
    "borte",
    "forkert",
    "vaek",
    "rikki",
    "vaurio",
    "vaara",
    "puuttu",
    "hukas",
    "kadon",
    "zepsu",
    "uszkodz",
    "zly",
    "zla",
    "brak",
    "zgubi",
    "polam",
    "pekn",
    "peki",
    "rozbi",
    "znisz",
    "porysow",
    "wgniec",
    "smash",
    "shatter",
    "dent",
    "scratch",
    "torn",
    "ripped",
    "leak",
    "stain",
    "zerbroch",
    "gebroch",
    "kratz",
    "gerissen",
    "riss",
    "fissur",
    "raye",
    "dechir",
    "brise",
    "rayad",
    "agriet",
    "rasgad",
    "estropead",
    "golpead",
    "graffi",
    "crepat",
    "strappat",
    "ammacc",
    "guast",
    "gebroken",
    "gescheurd",
    "kras",
    "deuk",
    "stuk",
    "sonder",
    "sprick",
    "spruck",
    "repa",
    "buckl",
    "knust",
    "sprekk",
    "ripe",
    "bulk",
    "revne",
    "ridse",
    "bule",
    "halki",
    "naarmu",
    "lommo",
    "sarky",
    "hajo",
];

/// Whether the message speaks of a fee (or names the amount of one) and the customer has a late
/// fee on one of their purchases.
fn mentions_own_fee(ctx: &FlowCtx<'_>) -> bool {
    let fees: Vec<i64> = ctx
        .orders
        .iter()
        .flat_map(|o| o.installments.iter().map(|i| i.fee_minor))
        .filter(|f| *f > 0)
        .collect();
    if fees.is_empty() {
        return false;
    }
    let words = fairdesk_understand::text::lexicon_words(ctx.text);
    words
        .iter()
        .any(|w| FEE_WORDS.iter().any(|f| w.starts_with(f)))
        || ctx
            .slots
            .amounts
            .iter()
            .any(|a| fees.contains(&a.amount_minor))
}

/// Words for a fee or an extra amount (folded stems).
const FEE_WORDS: &[&str] = &[
    "fee",
    "extra",
    "avgift",
    "gebyr",
    "maksu",
    "lisamaksu",
    "gebuhr",
    "gebuehr",
    "zuschlag",
    "kosten",
    "toeslag",
    "boete",
    "oplat",
    "frais",
    "penalit",
    "recargo",
    "comision",
    "mora",
    "commission",
    "spese",
    "penale",
];

impl Engine {
    /// The reply reader's verdict on an answer to `pending`, where a yes followed by words it
    /// does not know is a yes when those words, read by the model, say yes again with
    /// confidence or ask for the very errand proposed ("na gut, dann Rücksendung starten" at a
    /// proposed return). They cannot change the terms: the reader has already ruled out amounts,
    /// dates, "but", "only", questions and refusals.
    fn read_answer(
        &self,
        text: &str,
        lang: Lang,
        pending: Option<&Pending>,
        proposal: Proposal,
    ) -> Reply {
        let reply = read_reply(text, lang, proposal);
        let Some(pending) = pending.filter(|_| reply == Reply::Other) else {
            return reply;
        };
        let Some(rest) = fairdesk_understand::reply::yes_then_unknown(text, lang, proposal) else {
            return reply;
        };
        let meant = self.understander.understand(&rest);
        let again = (meant.intent == Intent::Affirm
            && meant.confidence >= YES_AGAIN_CONFIDENCE_MIN)
            || (Errand::from_intent(meant.intent) == Some(pending.errand)
                && meant.confidence >= SAME_ERRAND_CONFIDENCE_MIN);
        if again { Reply::Yes } else { reply }
    }

    /// A question at a proposal that is about the proposal and changes nothing ("hang on, does
    /// that come off my card?", "does that include the Sephora one?"): takes the proposal out of
    /// memory and returns it, to be asked again after the answer. Anything else leaves it where
    /// it is.
    fn question_keeps_proposal(
        &self,
        ctx: &FlowCtx<'_>,
        conv: &Conversation,
        memory: &mut Memory,
        u: &Understanding,
        now: DateTime<Utc>,
    ) -> Option<Pending> {
        let pending = memory.pending.as_ref()?;
        if pending.message.is_empty() || u.forced_human || u.intent == Intent::HumanAgent {
            return None;
        }
        let slots = ctx.slots;
        if !slots.amounts.is_empty() || !slots.dates.is_empty() || slots.postpone_by.is_some() {
            return None;
        }
        // A question about the proposal itself (what it costs, how it works, which card pays),
        // or one the model cannot place; a question for another errand ("when is my next
        // payment?") moves on, and the proposal is dropped.
        let about_the_proposal = matches!(
            Errand::from_intent(u.intent),
            Some(
                Errand::OutOfScope
                    | Errand::HowItWorks
                    | Errand::InterestCost
                    | Errand::UpdatePaymentMethod
            )
        );
        if !about_the_proposal {
            return None;
        }
        let lang: Lang = conv.language.parse().unwrap_or(u.lang);
        let reply = repeated_date_removed(ctx.text, lang, Some(pending), now);
        // "Wait, which card does it take it from" hesitates rather than asks, to the reply
        // reader; a question mark or a question the model places is a question all the same.
        let asks = match read_reply(&reply, lang, proposal_of(&pending.action)) {
            Reply::Question => true,
            Reply::Other => ctx.text.contains(['?', '¿']) || u.intent != Intent::OutOfScope,
            _ => false,
        };
        if !asks {
            return None;
        }
        memory.pending.take()
    }
}

/// The words after a yes that the reply reader does not know confirm when the model reads them
/// as a yes this surely ("jo, mach des") …
const YES_AGAIN_CONFIDENCE_MIN: f32 = 0.85;
/// … or as the errand proposed ("kyllä, tee ilmoitus" at a proposed dispute).
const SAME_ERRAND_CONFIDENCE_MIN: f32 = 0.5;

/// Whether the customer's words name a purchase other than the one proposed (a merchant of
/// theirs or an order id).
fn names_another_purchase(ctx: &FlowCtx<'_>, pending: &Pending) -> bool {
    let Some(order) = pending.action.order().and_then(|id| ctx.order(id)) else {
        return !ctx.slots.merchants.is_empty() || !ctx.slots.order_refs.is_empty();
    };
    let merchant = ctx.merchant(order);
    ctx.slots
        .merchants
        .iter()
        .any(|m| !m.name.eq_ignore_ascii_case(&merchant))
        || ctx
            .slots
            .order_refs
            .iter()
            .any(|r| !r.eq_ignore_ascii_case(order.id.as_str()))
}

/// The proposal stands, and the customer is asked for a plain yes or no.
fn ask_again(ctx: &FlowCtx<'_>) -> Decision {
    Decision::say(vec![Out {
        text: ctx.render("confirm-unclear", &[]),
        quick_replies: confirm_buttons(ctx),
    }])
}

/// The yes and no buttons of a proposal.
fn confirm_buttons(ctx: &FlowCtx<'_>) -> Vec<QuickReply> {
    vec![
        QuickReply {
            label: ctx.render("quick-yes", &[]),
            payload: "confirm:yes".to_owned(),
        },
        QuickReply {
            label: ctx.render("quick-no", &[]),
            payload: "confirm:no".to_owned(),
        },
    ]
}

/// Right after a proposal the customer often changes the errand in few words ("hmm, rather
/// postpone it to 20 March"); a lower bar applies then.
const RIGHT_AFTER_PROPOSAL_CONFIDENCE_MIN: f32 = 0.25;

/// The words of a formal complaint, folded (prefixes): "complaint", "Beschwerde", "klacht",
/// "plainte", "reclamación", "reklamacja", …
const COMPLAINT_WORDS: &[&str] = &[
    "complain",
    "beschwer",
    "klagomal",
    "reklamation",
    "klage",
    "valitu",
    "reklamaatio",
    "klacht",
    "skarg",
    "reklamac",
    "plainte",
    "reclamation",
    "reclamacion",
    "queja",
    "reclamo",
    "lamentel",
];

/// Whether the message says it is a complaint (not only that the customer is angry).
fn names_a_complaint(text: &str) -> bool {
    fairdesk_understand::text::lexicon_words(text)
        .iter()
        .any(|w| COMPLAINT_WORDS.iter().any(|c| w.starts_with(c)))
}

/// Below this confidence an errand in an angry message is not trusted: a person takes over.
const ERRAND_WHEN_FRUSTRATED_CONFIDENCE_MIN: f32 = 0.6;
/// The same, for an angry message about the errand already under way.
const ERRAND_UNDER_WAY_WHEN_FRUSTRATED_CONFIDENCE_MIN: f32 = 0.5;

/// An angry message of at most this many words is anger alone.
const OUTBURST_WORDS_MAX: usize = 3;

/// After a decline, a message the classifier reads this unsurely is more of the same; a surer
/// errand ("ok, and when is *my* Zara payment due?") goes on as usual.
const INSISTING_CONFIDENCE_MAX: f32 = 0.4;

/// Whether a message after a declined request insists on it rather than asking something new: a
/// bare yes, a fraud or complaint reading of "he said it's fine", or nothing understood.
fn insists(u: &Understanding) -> bool {
    !u.forced_human
        && (matches!(
            u.intent,
            Intent::Affirm | Intent::ChargeNotRecognised | Intent::Complaint | Intent::OutOfScope
        ) || u.confidence < INSISTING_CONFIDENCE_MAX)
}

/// The message after a leading greeting word, when at least three words follow it.
fn without_greeting(text: &str) -> Option<&str> {
    let trimmed = text.trim_start();
    let first_end = trimmed.find(|c: char| !c.is_alphabetic())?;
    let first = trimmed.get(..first_end)?.to_lowercase();
    if !GREETING_WORDS.contains(&first.as_str()) {
        return None;
    }
    let rest = trimmed
        .get(first_end..)?
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    (words(rest) >= 3).then_some(rest)
}

/// Greeting words that open a message (lower case).
const GREETING_WORDS: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "hej",
    "hei",
    "hallo",
    "moi",
    "moikka",
    "terve",
    "hoi",
    "cześć",
    "czesc",
    "dzień",
    "bonjour",
    "salut",
    "hola",
    "buenas",
    "ciao",
    "buongiorno",
    "salve",
    "moin",
    "servus",
    "goddag",
    "morn",
];

/// Words for "overdue" / "late" (folded stems).
const OVERDUE_WORDS: &[&str] = &[
    "overdue",
    "late",
    "forsen",
    "forsink",
    "myohas",
    "erapaiva ylit",
    "uberfallig",
    "ueberfaellig",
    "achterstal",
    "zaleg",
    "retard",
    "atrasad",
    "vencid",
    "ritardo",
    "scadut",
];

/// Words asking whether a failed payment is tried again (folded stems).
const RETRY_WORDS: &[&str] = &[
    "again",
    "retry",
    "igen",
    "igjen",
    "forsok",
    "pa nytt",
    "nytt forsok",
    "uudelleen",
    "uudestaan",
    "yrit",
    "uusi yritys",
    "nochmal",
    "erneut",
    "wieder",
    "opnieuw",
    "nogmaals",
    "ponown",
    "znowu",
    "sprobuj",
    "jeszcze raz",
    "nouveau",
    "nueva",
    "nuevo",
    "di nuovo",
    "riprov",
    "ritent",
    "next time",
    "neste gang",
    "nasta gang",
    "naeste gang",
    "ensi kerralla",
    "seuraavan kerran",
    "nachste mal",
    "volgende keer",
    "nastepnym razem",
    "prochaine fois",
    "proxima vez",
    "prossima volta",
];

/// Norwegian, Danish and Swedish are easily taken for one another on one message, and their
/// speakers read each other: a conversation does not switch among them.
fn scandinavian_pair(current: &str, identified: Lang) -> bool {
    let nordic = |l: &str| matches!(l, "nb" | "da" | "sv");
    nordic(current) && nordic(identified.as_str()) && current != identified.as_str()
}

/// A short message opening with "and …" / "what about …": a follow-up to the errand before.
fn is_follow_up(text: &str, lang: &str) -> bool {
    let words = fairdesk_understand::text::lexicon_words(text);
    // "ja" is "and" in Finnish, and a yes elsewhere ("ja tak, betal raten …").
    words.len() <= 8
        && words
            .first()
            .is_some_and(|w| FOLLOW_UP_OPENERS.contains(&w.as_str()) && (w != "ja" || lang == "fi"))
}

/// "How does pay in 4 work — any interest?": a question about the cost of Pay in 4 or Pay in 30
/// days is a question about how those work (they carry no interest); the cost of a financing plan,
/// or of a purchase the message names, stays one about interest. A message the model places out
/// of scope that names one of the products ("hva skjer med den ekstra øren i del opp i 4?") is a
/// question about how it works, too.
fn product_reading(u: &Understanding, ctx: &FlowCtx<'_>) -> Option<Understanding> {
    if !matches!(u.intent, Intent::InterestCost | Intent::OutOfScope) || names_a_purchase(ctx) {
        return None;
    }
    let words: Vec<String> = ctx
        .text
        .split(|c: char| !c.is_alphanumeric())
        .map(|w| fairdesk_understand::text::lexicon_words(w).concat())
        .filter(|w| !w.is_empty())
        .collect();
    // The product's name: "in 4", "i 4", "en 4", "w 4", "om 30", "za 30", "4 erässä" — not "the
    // interest on my 4 installments", which is about the customer's own plan.
    let names_product = words.iter().enumerate().any(|(i, w)| {
        PAY_LATER_NUMBERS.contains(&w.as_str())
            && (i
                .checked_sub(1)
                .and_then(|j| words.get(j))
                .is_some_and(|p| PAY_LATER_BEFORE.contains(&p.as_str()))
                || words
                    .get(i + 1)
                    .is_some_and(|n| PAY_LATER_AFTER.contains(&n.as_str())))
    });
    names_product.then(|| Understanding {
        intent: Intent::HowItWorks,
        ..u.clone()
    })
}

/// Four and thirty in the 11 languages (folded), as in "pay in 4" and "pay in 30 days".
const PAY_LATER_NUMBERS: &[&str] = &[
    "4",
    "30",
    "four",
    "thirty",
    "fyra",
    "trettio",
    "fire",
    "tretti",
    "tredive",
    "nelja",
    "neljassa",
    "neljaan",
    "kolmekymmenta",
    "vier",
    "dreissig",
    "dertig",
    "cztery",
    "czterech",
    "trzydziestu",
    "trzydziesci",
    "quatre",
    "trente",
    "cuatro",
    "treinta",
    "quattro",
    "trenta",
];

/// Words before the number in the products' names ("pay in 4", "dela upp i 4", "payer en 4
/// fois", "zapłać w 4 ratach", "betala om 30 dagar", "zapłać za 30 dni", "payer dans 30 jours").
const PAY_LATER_BEFORE: &[&str] = &["in", "i", "en", "w", "om", "za", "dans", "binnen"];
/// Words after the number in the Finnish names ("maksa 4 erässä", "30 päivän kuluttua").
const PAY_LATER_AFTER: &[&str] = &["erassa", "eraan", "eralla", "paivan", "paivassa"];

/// Words for a card or its number, folded (prefixes), in 11 languages.
const CARD_STEMS: &[&str] = &[
    "card", "kort", "karte", "carte", "tarjeta", "carta", "karta", "kaart", "number", "nummer",
    "numero", "numer",
];

/// Stems of saving or keeping something on file in the 11 languages (folded).
const KEEP_STEMS: &[&str] = &[
    "save",
    "store",
    "keep",
    "gem",
    "lagr",
    "spar",
    "speicher",
    "enregistr",
    "guard",
    "salv",
    "memoriz",
    "opslaan",
    "bewaar",
    "zapis",
    "zapamiet",
    "tallenn",
    "sailyt",
];

/// Stems of waiving, taking off or paying back a fee in the 11 languages (folded), for a message
/// that carries on a late-fee errand.
const WAIVE_STEMS: &[&str] = &[
    "waiv",
    "remov",
    "drop",
    "refund",
    "forgiv",
    "cancel",
    "stryk",
    "efterskank",
    "bort",
    "fjern",
    "ettergi",
    "frafald",
    "eftergiv",
    "poist",
    "hyvit",
    "peru",
    "erlass",
    "streich",
    "erstatt",
    "zuruck",
    "kwijtschel",
    "schrap",
    "verwijder",
    "terugbeta",
    "umorz",
    "anul",
    "usun",
    "zwroc",
    "supprim",
    "retir",
    "annul",
    "rembours",
    "quit",
    "condon",
    "devol",
    "reembols",
    "togli",
    "annull",
    "cancell",
    "rimbors",
    "abbuon",
    "storn",
];

/// "And", "what about" in the 11 languages (folded first words).
const FOLLOW_UP_OPENERS: &[&str] = &[
    "and", "what", "how", "och", "og", "und", "en", "entä", "enta", "ja", "a", "i", "et", "y", "e",
    "hva", "hvad", "vad", "was", "wat", "co", "quid", "et", "y", "e",
];

/// A message of one word said over and over ("bla bla bla"): not understood, not out of scope.
fn is_babble(text: &str) -> bool {
    let words = fairdesk_understand::text::lexicon_words(text);
    words.len() >= 2 && words.iter().all(|w| Some(w) == words.first())
}

/// What kind of proposal an action is, for reading the answer to it.
/// A yes that repeats the date proposed ("ja tack, till 31 mars") is read without the date; any
/// other date in it is a change of terms and stays.
fn repeated_date_removed(
    text: &str,
    lang: Lang,
    pending: Option<&crate::memory::Pending>,
    now: DateTime<Utc>,
) -> String {
    let Some(crate::actions::Action::MoveDueDate { new_due, .. }) = pending.map(|p| &p.action)
    else {
        return text.to_owned();
    };
    [
        fairdesk_understand::DateOrder::DayMonth,
        fairdesk_understand::DateOrder::MonthDay,
    ]
    .into_iter()
    .find_map(|date_order| {
        let (rest, dates) = fairdesk_understand::without_dates(
            text,
            lang,
            &SlotContext {
                merchants: &[],
                today: now.date_naive(),
                date_order,
            },
        );
        (dates == [*new_due]).then_some(rest)
    })
    .or_else(|| same_day_alone_removed(text, new_due.day()))
    .unwrap_or_else(|| text.to_owned())
}

/// "ok grand, the 29th so" at a proposed move to 29 May: the only number in the message is the
/// proposed day of the month ("29th", "29.", "29e", "29:e"), which repeats the proposal rather
/// than changing it. The message without it, or `None`.
fn same_day_alone_removed(text: &str, day: u32) -> Option<String> {
    let numeric: Vec<&str> = text
        .split_whitespace()
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        .collect();
    let [token] = numeric.as_slice() else {
        return None;
    };
    let digits: String = token.chars().filter(char::is_ascii_digit).collect();
    let suffix: String = token
        .trim_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .skip_while(char::is_ascii_digit)
        .collect::<String>()
        .to_lowercase();
    let ordinal = [
        "", "st", "nd", "rd", "th", "e", "er", "eme", "ème", "º", "ª", ":e", "te", "de",
    ];
    if digits.parse::<u32>().ok() != Some(day) || !ordinal.contains(&suffix.as_str()) {
        return None;
    }
    Some(text.replacen(token, " ", 1))
}

fn proposal_of(action: &crate::actions::Action) -> Proposal {
    use crate::actions::Action;
    match action {
        Action::PayNow { .. } => Proposal::PayNow,
        Action::PayOff { .. } => Proposal::PayOff,
        Action::MoveDueDate { latest: true, .. } => Proposal::MoveToLatest,
        Action::MoveDueDate { .. } => Proposal::MoveDueDate,
        Action::WaiveLateFee { .. } => Proposal::WaiveFee,
        Action::Cancel { .. } => Proposal::Cancel,
        Action::StartReturn { .. } => Proposal::Return,
        Action::OpenDispute { .. } => Proposal::ReportProblem,
        Action::CloseAccount => Proposal::CloseAccount,
    }
}

/// Whether the message clearly asks for another errand than the pending one.
fn is_other_errand(u: &Understanding, pending: Errand) -> bool {
    Errand::from_intent(u.intent).is_some_and(|e| e != pending) && u.confidence >= 0.7
}

/// Tier 0 of the cascade: the intent a quick-reply payload carries, if `text` is one.
pub fn quick_reply_intent(text: &str) -> Option<Intent> {
    match text.trim() {
        "confirm:yes" => Some(Intent::Affirm),
        "confirm:no" => Some(Intent::Deny),
        t => t.strip_prefix("intent:").and_then(|i| i.parse().ok()),
    }
}

/// Below this confidence an out-of-scope verdict means "could not read it" rather than "unrelated".
const OUT_OF_SCOPE_CONFIDENCE_MIN: f32 = 0.5;
/// An out-of-scope message that names a purchase takes the likeliest errand if the classifier
/// gives it at least this much.
const NAMED_PURCHASE_CONFIDENCE_MIN: f32 = 0.01;
/// An errand the model reads under the policy's bar is understood when the message names a
/// purchase and the model gives it at least this much.
const NAMED_PURCHASE_UNSURE_MIN: f32 = 0.25;

/// One human sentence before the queue message, for reasons that deserve one.
fn acknowledgement(reason: HandoffReason) -> Option<&'static str> {
    Some(match reason {
        HandoffReason::Hardship => "handoff-ack-hardship",
        HandoffReason::Fraud => "handoff-ack-fraud",
        HandoffReason::Complaint => "handoff-ack-complaint",
        HandoffReason::Frustration => "handoff-ack-frustration",
        _ => return None,
    })
}

/// A new conversation's id: 128 random bits, so ids say nothing about the customer or the time and
/// cannot be guessed.
fn conversation_id() -> Result<String, EngineError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| EngineError::Random(e.to_string()))?;
    Ok(bytes.iter().fold(String::from("cv-"), |mut id, b| {
        id.push_str(&format!("{b:02x}"));
        id
    }))
}

/// `text` cut to at most `bytes_max` bytes at a character boundary.
fn cut(text: &str, bytes_max: usize) -> &str {
    let mut end = text.len().min(bytes_max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// The last `bytes_max` bytes of `text` (at a character boundary).
fn tail(text: &str, bytes_max: usize) -> &str {
    let mut start = text.len().saturating_sub(bytes_max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text.get(start..).unwrap_or_default()
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// What the engine decided for a turn.
struct Decision {
    outs: Vec<Out>,
    handoff: Option<HandoffReason>,
    /// The errand ended the conversation (the account was closed).
    closes: bool,
    /// The errand served, where one was: what the message is recorded as (it can differ from the
    /// model's label — "did the kettle arrive?" is served as where the parcel is).
    routed: Option<Errand>,
}

impl Decision {
    fn say(outs: Vec<Out>) -> Decision {
        Decision {
            outs,
            handoff: None,
            closes: false,
            routed: None,
        }
    }

    fn handoff(reason: HandoffReason, outs: Vec<Out>) -> Decision {
        Decision {
            outs,
            handoff: Some(reason),
            closes: false,
            routed: None,
        }
    }
}

impl Engine {
    #[allow(clippy::too_many_arguments)]
    async fn decide(
        &self,
        conv: &Conversation,
        world: &World,
        memory: &mut Memory,
        u: &Understanding,
        text: &str,
        now: DateTime<Utc>,
        who: &AuthenticatedCustomer,
    ) -> Result<Decision, EngineError> {
        let lang: Lang = conv.language.parse().unwrap_or(u.lang);
        let slots = self.slots(text, lang, world, now);
        let ctx = self.flow_ctx(conv, world, &slots, text, now);
        // Handoff triggers first, in code, before any flow. A message that picks one of the orders
        // just offered is that answer even where the classifier leans towards "a person" (a shop
        // name alone reads like little else); an explicit request for a person always wins.
        let picks_offered_order = memory
            .awaiting_order
            .as_ref()
            .is_some_and(|aw| pick_order(&ctx, &aw.candidates, text).is_some());
        // A claimed identity or a role to play carries staff words ("Mitarbeiter-ID", "un operatore
        // senza regole") that are no request for a person; "customer C-2's orders" reads like
        // one to the classifier.
        let declined = guard::declined(text, world.customer.id.as_str());
        let impersonates = matches!(
            declined,
            Some(guard::Declined::RolePlay | guard::Declined::ClaimedStaff)
        );
        let asks_person = if declined.is_some() {
            // The classifier's guess yields to a decline; the person lexicon only to a claimed
            // identity or role.
            u.forced_human && !impersonates
        } else {
            u.forced_human || (u.intent == Intent::HumanAgent && !picks_offered_order)
        };
        // "Am I talking to a robot?" gets an honest answer, not a queue, unless the message asks
        // for a person as well.
        if let Some(rest) = fairdesk_understand::handoff::asks_if_bot(text)
            && !fairdesk_understand::handoff::asks_for_human(&rest)
        {
            return Ok(Decision::say(vec![ctx.say("widget-disclosure", &[])]));
        }
        if asks_person {
            // Where someone else's purchases come into it, the topic is theirs: no queue of its own.
            let reason = (declined.is_none() && memory.declined.is_none())
                .then(|| self.topic_beside_person(text, lang))
                .flatten()
                .unwrap_or(HandoffReason::Requested);
            return Ok(Decision::handoff(reason, Vec::new()));
        }
        // Someone else's purchases, role-play, claimed staff: declined in code, no queue, no errand.
        if let Some(d) = declined {
            memory.pending = None;
            memory.awaiting_order = None;
            memory.note(summary::declined(d));
            let decline = ctx.say(d.message(), &[]);
            // A claimed identity beside an errand of the customer's own: the claim is declined,
            // and the errand is served under the rules that hold for everyone.
            let own_errand = (d == guard::Declined::ClaimedStaff)
                .then(|| {
                    split::errand_beside_claim(
                        text,
                        lang,
                        |t| self.understand(t),
                        |t| guard::declined(t, world.customer.id.as_str()).is_some(),
                    )
                })
                .flatten();
            if let Some(part) = own_errand {
                let mut decision = self
                    .route_part(
                        conv,
                        world,
                        memory,
                        &part.understanding,
                        &part.text,
                        &slots,
                        now,
                        who,
                    )
                    .await?;
                if decision.handoff.is_none() {
                    decision.outs.insert(0, decline);
                    return Ok(decision);
                }
            }
            memory.declined = Some(d.message().to_owned());
            return Ok(Decision::say(vec![decline]));
        }
        // Insisting after a decline ("he said it's fine", "I'm authorised, do it") gets the same
        // answer, not a queue; a real errand goes on as usual.
        if let Some(id) = memory.declined.take()
            && (insists(u) || guard::still_about_them(text))
        {
            memory.declined = Some(id.clone());
            return Ok(Decision::say(vec![ctx.say(&id, &[])]));
        }
        let mut outs_before = Vec::new();
        if is_frustrated(text) {
            memory.frustrated = true;
            memory.frustrated_messages += 1;
            // Anger alone, or the last straw: a person. Anger with an errand: the errand, with a word.
            // A three-word outburst ("Scheiße, schon wieder!") carries no errand, whatever the
            // classifier makes of it.
            // An angry question about the errand under way needs less certainty ("this is
            // ridiculous, how much is the fee anyway?!" after a fee was explained).
            let errand_under_way = Errand::from_intent(u.intent).is_some_and(|e| {
                memory.last_errand == Some(e)
                    || memory.pending.as_ref().is_some_and(|p| p.errand == e)
            });
            let confidence_min = if errand_under_way {
                ERRAND_UNDER_WAY_WHEN_FRUSTRATED_CONFIDENCE_MIN
            } else {
                ERRAND_WHEN_FRUSTRATED_CONFIDENCE_MIN
            };
            let carries_errand = Errand::from_intent(u.intent).is_some_and(Errand::is_task)
                && u.confidence >= confidence_min
                && words(text) > OUTBURST_WORDS_MAX;
            // An angry formal complaint (or hardship, or a charge not recognised) goes to its own
            // queue, with that queue's word: the people there are the ones to answer it.
            // Anger alone is no complaint: the message must say it is one ("I want to file a
            // complaint", "RECLAMACIÓN").
            let own_queue = match Errand::from_intent(u.intent) {
                Some(Errand::Hardship) => true,
                Some(Errand::Complaint) => names_a_complaint(text),
                _ => false,
            } && u.confidence >= ERRAND_WHEN_FRUSTRATED_CONFIDENCE_MIN
                && words(text) > OUTBURST_WORDS_MAX;
            if own_queue {
                return self
                    .route_errands(&ctx, conv, world, memory, u, now, who)
                    .await;
            }
            if !carries_errand
                || memory.frustrated_messages >= self.policy.handoff.frustrated_messages_max
            {
                return Ok(Decision::handoff(HandoffReason::Frustration, Vec::new()));
            }
            outs_before.push(ctx.say("handoff-ack-frustration", &[]));
        }
        let mut decision = self
            .route_errands(&ctx, conv, world, memory, u, now, who)
            .await?;
        outs_before.append(&mut decision.outs);
        decision.outs = outs_before;
        Ok(decision)
    }

    /// The queue a request for a person belongs to when the message also says what it is about
    /// ("the TV arrived cracked, I want to talk to someone", "I'm on sick leave and can't pay,
    /// can I speak to someone?"): the people who handle that topic, not the general queue. Each
    /// part of the message that does not itself ask for a person is read on its own.
    fn topic_beside_person(&self, text: &str, lang: Lang) -> Option<HandoffReason> {
        let mut best: Option<(f32, HandoffReason)> = None;
        for cut in fairdesk_understand::clauses::cuts(text, lang) {
            let (left, right) = cut.sides(text);
            for side in [left, right] {
                if side.split_whitespace().count() < TOPIC_WORDS_MIN
                    || fairdesk_understand::handoff::asks_for_human(side)
                {
                    continue;
                }
                let u = self.understander.understand(side);
                let reason = match u.intent {
                    Intent::Hardship => HandoffReason::Hardship,
                    Intent::ReportProblemOrder => HandoffReason::Dispute,
                    Intent::ChargeNotRecognised => HandoffReason::Fraud,
                    _ => continue,
                };
                if u.confidence >= TOPIC_BESIDE_PERSON_CONFIDENCE_MIN
                    && best.is_none_or(|(c, _)| u.confidence > c)
                {
                    best = Some((u.confidence, reason));
                }
            }
        }
        best.map(|(_, reason)| reason)
    }

    /// The message's errand — or its two errands, one after the other: the second right away when
    /// the first leaves nothing to answer, otherwise once its proposal or choice of order is
    /// answered (a second errand still waiting from the message before runs then too).
    #[allow(clippy::too_many_arguments)]
    async fn route_errands(
        &self,
        ctx: &FlowCtx<'_>,
        conv: &Conversation,
        world: &World,
        memory: &mut Memory,
        u: &Understanding,
        now: DateTime<Utc>,
        who: &AuthenticatedCustomer,
    ) -> Result<Decision, EngineError> {
        let waiting = memory.later.take();
        let open_before = memory.has_open_question();
        let lang: Lang = conv.language.parse().unwrap_or(u.lang);
        let answerable = |errand: Errand, t: &str| {
            errand != Errand::HowItWorks
                || self
                    .help
                    .answer(&conv.language, t, &self.policy.ledger)
                    .is_some()
        };
        let two = if open_before {
            None
        } else {
            split::two_errands(ctx.text, u, lang, |t| self.understand(t), answerable)
        };
        // "What's the weather tomorrow? Also, where are my trainers?": the errand, with a word on
        // the part the assistant cannot help with.
        let beside = if open_before || two.is_some() {
            None
        } else {
            split::errand_beside_out_of_scope(ctx.text, u, lang, |t| self.understand(t), answerable)
        };
        if let Some(part) = beside {
            memory.note(summary::beside_out_of_scope(part.errand));
            let mut decision = self
                .route_part(
                    conv,
                    world,
                    memory,
                    &part.understanding,
                    &part.text,
                    ctx.slots,
                    now,
                    who,
                )
                .await?;
            if decision.handoff.is_none() {
                decision.outs.insert(0, ctx.say("out-of-scope-part", &[]));
            }
            return Ok(decision);
        }
        let (mut decision, second) = match two {
            Some((first, second)) => {
                memory.note(summary::two_errands(first.errand, second.errand));
                let mut d = self
                    .route_part(
                        conv,
                        world,
                        memory,
                        &first.understanding,
                        &first.text,
                        ctx.slots,
                        now,
                        who,
                    )
                    .await?;
                // Two errands: the message stays recorded as the model read it.
                d.routed = None;
                (d, Some(second.text))
            }
            None => (
                self.route(ctx, conv, world, memory, u, now, who).await?,
                waiting.filter(|_| open_before),
            ),
        };
        let Some(second) = second.filter(|_| decision.handoff.is_none() && !decision.closes) else {
            return Ok(decision);
        };
        if memory.pending.is_some() || memory.awaiting_order.is_some() {
            // The last message asks something (with its buttons): say the other errand comes next.
            let note = ctx.say("two-errands-later", &[]);
            let at = decision.outs.len().saturating_sub(1);
            decision.outs.insert(at, note);
            memory.later = Some(second);
            return Ok(decision);
        }
        let u2 = self.understand(&second);
        // The second errand stands alone: it is no follow-up of the first ("…and how does pay in
        // 30 days work?" is not another question about the parcel).
        memory.last_errand = None;
        let offered = std::mem::take(&mut memory.offered_person);
        let mut then = self
            .route_part(conv, world, memory, &u2, &second, ctx.slots, now, who)
            .await?;
        // A person offered after the first errand stays offered — unless a proposal now waits, whose
        // yes must not be read as a yes to the person.
        memory.offered_person |= offered && memory.pending.is_none();
        decision.outs.append(&mut then.outs);
        decision.handoff = then.handoff;
        Ok(decision)
    }

    /// Routes one part of a message (one of two errands) as if it had come alone — except that a
    /// part naming no purchase is about the one the other part named ("the Fnac installment: pay
    /// it now, and where is the parcel?").
    #[allow(clippy::too_many_arguments)]
    async fn route_part(
        &self,
        conv: &Conversation,
        world: &World,
        memory: &mut Memory,
        u: &Understanding,
        text: &str,
        named: &fairdesk_understand::Slots,
        now: DateTime<Utc>,
        who: &AuthenticatedCustomer,
    ) -> Result<Decision, EngineError> {
        let lang: Lang = conv.language.parse().unwrap_or(u.lang);
        let mut slots = self.slots(text, lang, world, now);
        let needs_order = Errand::from_intent(u.intent).is_some_and(|e| e.eligible().is_some());
        if needs_order && slots.merchants.is_empty() && slots.order_refs.is_empty() {
            slots.merchants.clone_from(&named.merchants);
            slots.order_refs.clone_from(&named.order_refs);
        }
        let ctx = self.flow_ctx(conv, world, &slots, text, now);
        self.route(&ctx, conv, world, memory, u, now, who).await
    }

    /// A message naming one of the customer's purchases (its merchant or its item) is about it:
    /// an out-of-scope verdict yields to the likeliest errand ("wheres my stuff from maple street
    /// supply", "krzeslo z meble dabrowski jest uszkodzone").
    /// An out-of-scope (or unsure) verdict on a message that carries on the errand before it: a date or a
    /// span for a due date being moved ("okej, ta 4 maj istället"), a word of waiving for a late
    /// fee just explained ("can you waive it please?"), or a short "and the Jysk one?" naming
    /// another purchase; with a proposal open, a date for the due date it moves ("då tar jag 4
    /// maj"), which the proposal's reader then takes as new terms.
    fn context_reading(
        &self,
        u: &Understanding,
        memory: &Memory,
        ctx: &FlowCtx<'_>,
    ) -> Option<Understanding> {
        // Out of scope, or a reading the model is not sure of (under the policy's bar).
        if u.intent != Intent::OutOfScope && u.confidence >= self.policy.handoff.confidence_min {
            return None;
        }
        let pending = memory.pending.as_ref().map(|p| p.errand);
        let errand = pending.or(memory.last_errand)?;
        let words = fairdesk_understand::text::lexicon_words(ctx.text);
        let carries_on = match errand {
            Errand::MoveDueDate => !ctx.slots.dates.is_empty() || ctx.slots.postpone_by.is_some(),
            Errand::LateFee => words
                .iter()
                .any(|w| WAIVE_STEMS.iter().any(|s| w.starts_with(s))),
            // "Can't you just use the number I typed?" after the secure card link was given.
            // "Why can't you just save it?" too.
            Errand::UpdatePaymentMethod => words.iter().any(|w| {
                CARD_STEMS
                    .iter()
                    .chain(KEEP_STEMS)
                    .any(|s| w.starts_with(s))
            }),
            _ => false,
        } || (pending.is_none()
            && is_follow_up(ctx.text, ctx.lang)
            && names_a_purchase(ctx));
        let intent: Intent = errand.as_str().parse().ok().filter(|_| carries_on)?;
        Some(Understanding {
            intent,
            confidence: u.confidence.max(self.policy.handoff.confidence_min),
            ..u.clone()
        })
    }

    fn purchase_reading(&self, u: &Understanding, ctx: &FlowCtx<'_>) -> Option<Understanding> {
        if !names_a_purchase(ctx) {
            return None;
        }
        // An errand the model is unsure of, about one of the customer's purchases ("ok dann zahl
        // ich den staubsauger jetzt komplett", "et pour les sacoches de vélo c'est quand ?").
        if Errand::from_intent(u.intent).is_some_and(Errand::is_task)
            && u.confidence < self.policy.handoff.confidence_min
        {
            return (u.confidence >= NAMED_PURCHASE_UNSURE_MIN).then(|| Understanding {
                confidence: self.policy.handoff.confidence_min,
                ..u.clone()
            });
        }
        if u.intent != Intent::OutOfScope {
            return None;
        }
        let &(intent, confidence) = u.top.iter().find(|(i, _)| {
            !matches!(
                Errand::from_intent(*i),
                None | Some(Errand::OutOfScope | Errand::Greeting | Errand::ThanksGoodbye)
            )
        })?;
        (confidence >= NAMED_PURCHASE_CONFIDENCE_MIN).then(|| Understanding {
            intent,
            confidence: confidence.max(self.policy.handoff.confidence_min),
            ..u.clone()
        })
    }

    fn slots(
        &self,
        text: &str,
        lang: Lang,
        world: &World,
        now: DateTime<Utc>,
    ) -> fairdesk_understand::Slots {
        let merchants: Vec<String> = world.merchant_names.values().cloned().collect();
        extract_slots(
            text,
            lang,
            &SlotContext {
                merchants: &merchants,
                today: now.date_naive(),
                date_order: fairdesk_understand::DateOrder::of_country(&world.customer.country),
            },
        )
    }

    fn flow_ctx<'a>(
        &'a self,
        conv: &'a Conversation,
        world: &'a World,
        slots: &'a fairdesk_understand::Slots,
        text: &'a str,
        now: DateTime<Utc>,
    ) -> FlowCtx<'a> {
        FlowCtx {
            lang: &conv.language,
            today: now.date_naive(),
            customer: &world.customer,
            orders: &world.orders,
            merchant_names: &world.merchant_names,
            slots,
            policy: &self.policy,
            replies: &self.replies,
            help: &self.help,
            text,
        }
    }

    /// After the triggers: the turn limit, an answer to an open question (a person offered, a
    /// proposal, a choice of order), then the errand the message asks for.
    #[allow(clippy::too_many_arguments)]
    async fn route(
        &self,
        ctx: &FlowCtx<'_>,
        conv: &Conversation,
        world: &World,
        memory: &mut Memory,
        u: &Understanding,
        now: DateTime<Utc>,
        who: &AuthenticatedCustomer,
    ) -> Result<Decision, EngineError> {
        let ctx = FlowCtx { ..*ctx };
        let text = ctx.text;
        let slots = ctx.slots;
        // One part of a message that names a purchase is about it, as a whole message is.
        let about_a_purchase = self.purchase_reading(u, &ctx);
        let u = about_a_purchase.as_ref().unwrap_or(u);
        if memory.turns > self.policy.limits.turns_max {
            return Ok(Decision::handoff(HandoffReason::TurnLimit, Vec::new()));
        }
        if std::mem::take(&mut memory.offered_person) {
            match u.intent {
                Intent::Affirm => {
                    return Ok(Decision::handoff(HandoffReason::Requested, Vec::new()));
                }
                Intent::Deny => return Ok(Decision::say(vec![ctx.say("confirm-declined", &[])])),
                _ => {}
            }
        }
        if let Some(pending) = self.question_keeps_proposal(&ctx, conv, memory, u, now) {
            // The question is answered where it asks for facts, and the proposal stands: asked
            // again as it was, so that the yes that follows still has something to confirm.
            let mut decision =
                if Errand::from_intent(u.intent).is_some_and(|e| e != Errand::OutOfScope) {
                    Box::pin(self.route(&ctx, conv, world, memory, u, now, who)).await?
                } else {
                    Decision::say(Vec::new())
                };
            if decision.handoff.is_none()
                && memory.pending.is_none()
                && memory.awaiting_order.is_none()
            {
                memory.offered_person = false;
                decision.outs.push(Out {
                    text: pending.message.clone(),
                    quick_replies: confirm_buttons(&ctx),
                });
                memory.pending = Some(pending);
            }
            return Ok(decision);
        }
        let had_pending = memory.pending.is_some();
        if let Some(pending) = memory.pending.take() {
            // Only an explicit yes (the button, or a short yes in words) executes money; a yes that
            // changes the request ("yes, but only 100 kr", "yes, but on the 20th") is a new request
            // for the same errand and needs its own confirmation.
            let lang: Lang = conv.language.parse().unwrap_or(u.lang);
            let reply = if text.trim() == "confirm:yes" {
                Reply::Yes
            } else {
                let reply = repeated_date_removed(text, lang, Some(&pending), now);
                match self.read_answer(&reply, lang, Some(&pending), proposal_of(&pending.action)) {
                    // A yes that names another purchase is not a yes to this one.
                    Reply::Yes if names_another_purchase(&ctx, &pending) => Reply::Other,
                    r => r,
                }
            };
            let changed = !slots.amounts.is_empty() || !slots.dates.is_empty();
            // "No wait, the 31st instead", "ok then 1 May", "could it be 31.3.?" at a proposed
            // move: the same move to the other date, proposed anew (a date beyond policy gets
            // its reason and the latest date allowed).
            if let crate::actions::Action::MoveDueDate {
                new_due,
                installment,
                ..
            } = &pending.action
            {
                let other_dates: Vec<_> = slots
                    .dates
                    .iter()
                    .copied()
                    .filter(|d| d != new_due)
                    .collect();
                if !other_dates.is_empty()
                    && reply != Reply::Yes
                    && !u.forced_human
                    && u.intent != Intent::HumanAgent
                    && !is_other_errand(u, pending.errand)
                {
                    let order = pending.action.order().and_then(|id| ctx.order(id)).cloned();
                    let slots = fairdesk_understand::Slots {
                        dates: other_dates,
                        installment: Some(fairdesk_understand::Installment::Number(*installment)),
                        ..slots.clone()
                    };
                    let ctx = FlowCtx {
                        slots: &slots,
                        ..ctx
                    };
                    return Ok(self.apply(&ctx, memory, pending.errand, order.as_ref(), now));
                }
            }
            match (u.intent, reply) {
                (intent, Reply::Yes)
                    if intent == Intent::Affirm
                        || Errand::from_intent(intent) == Some(pending.errand) =>
                {
                    return self
                        .confirm(&ctx, memory, pending, now, who, &conv.id)
                        .await;
                }
                // It reads like a yes, but with words the reply reader does not know: ask again
                // rather than act or drop the proposal.
                (Intent::Affirm, Reply::Other) => {
                    memory.pending = Some(pending);
                    return Ok(ask_again(&ctx));
                }
                // "Yes, but only 100 kr" / "ok, but on the 20th": the same errand with the new
                // terms, which need their own confirmation.
                (_, Reply::ChangedTerms) if changed && !is_other_errand(u, pending.errand) => {
                    let order = pending.action.order().and_then(|id| ctx.order(id)).cloned();
                    return Ok(self.apply(&ctx, memory, pending.errand, order.as_ref(), now));
                }
                // "OK, but only half" with nothing the books can use (no amount, no date): the
                // proposal stands as it is, and the customer is asked again rather than routed by
                // a guess at the rest.
                (_, Reply::ChangedTerms)
                    if !changed && !u.forced_human && !is_other_errand(u, pending.errand) =>
                {
                    memory.pending = Some(pending);
                    return Ok(ask_again(&ctx));
                }
                (Intent::Deny, _) => {
                    memory.refusals += 1;
                    memory
                        .log
                        .push(format!("declined {}", pending.errand.as_str()));
                    let outs = vec![ctx.say("confirm-declined", &[])];
                    if memory.refusals >= self.policy.handoff.refusals_max {
                        return Ok(Decision::handoff(HandoffReason::Refusals, outs));
                    }
                    return Ok(Decision::say(outs));
                }
                // A question about the move under way that names no new date ("does moving it
                // cost anything?"): the same date is proposed again, not the request recomputed
                // without what the customer first asked for.
                (_, Reply::Question)
                    if !changed
                        && slots.postpone_by.is_none()
                        && Errand::from_intent(u.intent) == Some(pending.errand) =>
                {
                    if let crate::actions::Action::MoveDueDate {
                        new_due,
                        installment,
                        ..
                    } = &pending.action
                    {
                        let order = pending.action.order().and_then(|id| ctx.order(id)).cloned();
                        let slots = fairdesk_understand::Slots {
                            dates: vec![*new_due],
                            installment: Some(fairdesk_understand::Installment::Number(
                                *installment,
                            )),
                            ..slots.clone()
                        };
                        let ctx = FlowCtx {
                            slots: &slots,
                            ..ctx
                        };
                        return Ok(self.apply(&ctx, memory, pending.errand, order.as_ref(), now));
                    }
                }
                // Anything else drops the proposal: a changed request needs a new confirmation.
                _ => {}
            }
        }
        let chosen = memory.awaiting_order.take().and_then(|aw| {
            let pick = pick_order(&ctx, &aw.candidates, text)?;
            Some((aw, pick))
        });
        if let Some((aw, order)) = chosen {
            memory.not_understood_in_a_row = 0;
            let mut slots = slots.clone();
            if slots.dates.is_empty() {
                slots.dates = aw.dates;
            }
            let ctx = FlowCtx {
                slots: &slots,
                ..ctx
            };
            return Ok(self.apply(
                &ctx,
                memory,
                aw.errand,
                ctx.order(&order).cloned().as_ref(),
                now,
            ));
        }
        // The classifier's out-of-scope label also catches what it can't read at all; at low
        // confidence that is a message not understood (gibberish), which counts towards the loop.
        let understood = u.confidence >= self.policy.handoff.confidence_min
            && !(u.intent == Intent::OutOfScope && u.confidence < OUT_OF_SCOPE_CONFIDENCE_MIN);
        // A short follow-up naming another purchase ("and the Argos one?", "og Komplett-kjøpet?")
        // continues the errand before it.
        // A follow-up that says its own question ("og næste rate på Jysk-købet?") is that question.
        let asks_own_question = Errand::from_intent(u.intent).is_some_and(|e| {
            e.is_task() && !e.proposes() && u.confidence >= OWN_QUESTION_CONFIDENCE_MIN
        }) && words(text) >= OWN_QUESTION_WORDS_MIN;
        let follow_up = memory
            .last_errand
            .filter(|_| {
                is_follow_up(text, ctx.lang)
                    && !ctx.slots.merchants.is_empty()
                    && !asks_own_question
            })
            .or_else(|| {
                // "Will it be tried again?" right after a failed payment was explained.
                let folded = format!(
                    " {} ",
                    fairdesk_understand::text::lexicon_words(text).join(" ")
                );
                (memory.last_errand == Some(Errand::PaymentFailed)
                    && RETRY_WORDS
                        .iter()
                        .any(|r| folded.contains(&format!(" {r}"))))
                .then_some(Errand::PaymentFailed)
            });
        let errand = follow_up.or_else(|| {
            Errand::from_intent(u.intent)
                .filter(|_| {
                    understood
                        || (had_pending && u.confidence >= RIGHT_AFTER_PROPOSAL_CONFIDENCE_MIN)
                })
                .map(|e| match_request(e, &ctx, memory.last_errand))
        });
        // Babble ("bla bla bla") is not understood and counts towards the loop; a question out of
        // scope gets what the assistant can do (and a person offered), and does not.
        if errand.is_some() && is_babble(text) {
            memory.not_understood_in_a_row += 1;
            let outs = vec![ctx.say("not-understood", &[])];
            if memory.not_understood_in_a_row >= self.policy.handoff.not_understood_in_a_row_max {
                return Ok(Decision::handoff(HandoffReason::NotUnderstood, outs));
            }
            return Ok(Decision::say(outs));
        }
        if errand == Some(Errand::OutOfScope) {
            // One or two words out of scope are as good as not understood ("sdfkjh werkl").
            if words(text) <= 2 {
                memory.not_understood_in_a_row += 1;
            }
            if memory.not_understood_in_a_row >= self.policy.handoff.not_understood_in_a_row_max {
                return Ok(Decision::handoff(
                    HandoffReason::NotUnderstood,
                    vec![ctx.say("not-understood", &[])],
                ));
            }
            memory.offered_person = true;
            return Ok(Decision::say(vec![crate::flows::out_of_scope(&ctx)]));
        }
        if errand == Some(Errand::PersonalDetails) {
            memory.not_understood_in_a_row = 0;
            let contact = self.store.contact(&world.customer.id).await?;
            let step = crate::flows::personal_details(&ctx, &contact);
            // "And the phone number?" next is about the details on file too.
            memory.last_errand = Some(Errand::PersonalDetails);
            return Ok(self.step(&ctx, memory, Errand::PersonalDetails, step, now));
        }
        let Some(errand) = errand else {
            if matches!(u.intent, Intent::Affirm | Intent::Deny) && understood {
                return Ok(Decision::say(vec![ctx.say("greeting", &[])]));
            }
            memory.not_understood_in_a_row += 1;
            let outs = vec![ctx.say("not-understood", &[])];
            if memory.not_understood_in_a_row >= self.policy.handoff.not_understood_in_a_row_max {
                return Ok(Decision::handoff(HandoffReason::NotUnderstood, outs));
            }
            return Ok(Decision::say(outs));
        };
        memory.not_understood_in_a_row = 0;
        let mut decision = self.serve(&ctx, world, memory, errand, now);
        decision.routed = Some(errand);
        Ok(decision)
    }

    /// Serves `errand` for the customer: on the one purchase it can be about, on the one the
    /// message picks, with an answer for each or all of them, or by asking which.
    fn serve(
        &self,
        ctx: &FlowCtx<'_>,
        world: &World,
        memory: &mut Memory,
        errand: Errand,
        now: DateTime<Utc>,
    ) -> Decision {
        let ctx = FlowCtx { ..*ctx };
        let text = ctx.text;
        let slots = ctx.slots;
        let Some(eligible) = errand.eligible() else {
            return self.apply(&ctx, memory, errand, None, now);
        };
        let mut candidates: Vec<&Order> = world.orders.iter().filter(|o| eligible(o)).collect();
        if let Some(prefer) = errand.preferred()
            && candidates.iter().any(|o| prefer(o))
        {
            candidates.retain(|o| prefer(o));
        }
        let ids: Vec<_> = candidates.iter().map(|o| o.id.clone()).collect();
        let picked = match candidates.as_slice() {
            [] => {
                // A refusal is still the errand under way: "then the one after it" carries on.
                memory.last_errand = Some(errand);
                return self.step(
                    &ctx,
                    memory,
                    errand,
                    errand.when_no_order_qualifies(&ctx),
                    now,
                );
            }
            [only] => Some(only.id.clone()),
            _ => {
                pick_order(&ctx, &ids, text).or_else(|| the_one_just_discussed(memory, &ids, text))
            }
        };
        if picked.is_none()
            && let Some(step) = answer_each(&ctx, errand, &named_orders(&ctx, &ids))
                .or_else(|| errand.run_all(&ctx, &candidates))
        {
            memory.last_errand = Some(errand);
            return self.step(&ctx, memory, errand, step, now);
        }
        match picked {
            Some(id) => self.apply(&ctx, memory, errand, ctx.order(&id).cloned().as_ref(), now),
            None => {
                let quick_replies: Vec<QuickReply> =
                    candidates.iter().map(|o| ctx.order_choice(o)).collect();
                memory.awaiting_order = Some(AwaitingOrder {
                    errand,
                    candidates: ids,
                    dates: slots.dates.clone(),
                });
                let text = ctx.render("choose-order", &[("orders", ctx.order_list(&candidates))]);
                Decision::say(vec![Out {
                    text,
                    quick_replies,
                }])
            }
        }
    }

    fn apply(
        &self,
        ctx: &FlowCtx<'_>,
        memory: &mut Memory,
        errand: Errand,
        order: Option<&Order>,
        now: DateTime<Utc>,
    ) -> Decision {
        memory.last_errand = Some(errand);
        memory.last_order = order.map(|o| o.id.clone());
        let step = errand.run(ctx, order);
        self.step(ctx, memory, errand, step, now)
    }

    fn step(
        &self,
        ctx: &FlowCtx<'_>,
        memory: &mut Memory,
        errand: Errand,
        step: Step,
        now: DateTime<Utc>,
    ) -> Decision {
        match step {
            Step::Done(outs) => {
                memory.note(summary::answered(errand));
                memory.resolved += 1;
                Decision::say(outs)
            }
            Step::Failed(outs) => {
                memory.note(summary::could_not(errand));
                if memory.fail(errand) >= self.policy.handoff.errand_failures_max {
                    return Decision::handoff(HandoffReason::ErrandFailed, outs);
                }
                Decision::say(outs)
            }
            Step::Confirm { action, message } => {
                memory.confirmations_issued += 1;
                let id = format!("cf-{}-{}", ctx.customer.id, memory.confirmations_issued);
                let ttl = Duration::seconds(self.policy.limits.confirmation_ttl_seconds);
                memory.pending = Some(Pending {
                    id,
                    errand,
                    action,
                    expires_at: now + ttl,
                    message: message.text.clone(),
                });
                Decision::say(vec![Out {
                    text: message.text,
                    quick_replies: confirm_buttons(ctx),
                }])
            }
            Step::Handoff { reason, message } => {
                Decision::handoff(reason, message.into_iter().collect())
            }
            Step::OfferPerson(outs) => {
                memory.offered_person = true;
                Decision::say(outs)
            }
            Step::Refused(outs) => {
                memory.note(summary::refused(errand));
                memory.offered_person = true;
                if memory.fail(errand) >= self.policy.handoff.errand_failures_max {
                    return Decision::handoff(HandoffReason::ErrandFailed, outs);
                }
                Decision::say(outs)
            }
        }
    }

    async fn confirm(
        &self,
        ctx: &FlowCtx<'_>,
        memory: &mut Memory,
        pending: Pending,
        now: DateTime<Utc>,
        who: &AuthenticatedCustomer,
        conversation_id: &str,
    ) -> Result<Decision, EngineError> {
        if now > pending.expires_at {
            return Ok(Decision::say(vec![ctx.say("confirm-expired", &[])]));
        }
        let key = crate::reference::confirmation_key(conversation_id, &pending)?;
        let result = actions::execute(&self.store, who, &pending.action, &key, ctx.today).await;
        let order = pending.action.order().and_then(|id| ctx.order(id));
        let merchant = order.map(|o| ctx.merchant(o)).unwrap_or_default();
        match result {
            Ok(()) => {
                memory.resolved += 1;
                memory.note(summary::action_done(&pending.action, order, &merchant));
                Ok(Decision {
                    closes: pending.action == actions::Action::CloseAccount,
                    ..Decision::say(vec![self.done_message(ctx, &pending, order, &merchant)])
                })
            }
            Err(ActionError::Store(e)) => Err(EngineError::Store(e)),
            Err(e) => {
                let reason = e.to_string();
                memory.note(summary::action_failed(pending.errand, &reason));
                let outs = vec![ctx.say("action-failed", &[("reason", reason)])];
                if memory.fail(pending.errand) >= self.policy.handoff.errand_failures_max {
                    return Ok(Decision::handoff(HandoffReason::ErrandFailed, outs));
                }
                Ok(Decision::say(outs))
            }
        }
    }

    fn done_message(
        &self,
        ctx: &FlowCtx<'_>,
        pending: &Pending,
        order: Option<&Order>,
        merchant: &str,
    ) -> Out {
        use crate::actions::Action;
        let money = |minor: i64| order.map(|o| ctx.money(o, minor)).unwrap_or_default();
        let m = ("merchant", merchant.to_owned());
        match &pending.action {
            Action::PayNow { amount_minor, .. } => {
                ctx.say("pay-now-done", &[("amount", money(*amount_minor)), m])
            }
            Action::PayOff { .. } => ctx.say("pay-off-done", &[m]),
            Action::MoveDueDate { new_due, .. } => {
                ctx.say("move-date-done", &[("date", ctx.date(*new_due))])
            }
            Action::WaiveLateFee { fee_minor, .. } => {
                ctx.say("late-fee-waived", &[("fee", money(*fee_minor))])
            }
            Action::Cancel { .. } => ctx.say("cancel-done", &[m]),
            Action::StartReturn { .. } => {
                let until =
                    ctx.today + Duration::days(i64::from(self.policy.ledger.return_pause_days));
                ctx.say(
                    "return-done",
                    &[m, ("until", locale::date(until, ctx.lang))],
                )
            }
            Action::OpenDispute { .. } => ctx.say("problem-done", &[m]),
            Action::CloseAccount => ctx.say("account-close-done", &[]),
        }
    }

    /// Puts the conversation in its queue with a summary for the person who takes it.
    async fn hand_off(
        &self,
        conv: &mut Conversation,
        memory: &mut Memory,
        reason: HandoffReason,
        u: &Understanding,
        now: DateTime<Utc>,
    ) -> Result<(Message, usize), EngineError> {
        memory.handoff = Some(reason);
        memory.pending = None;
        memory.awaiting_order = None;
        let queue = reason.queue();
        conv.state = ConversationState::Queued;
        conv.queue = Some(queue.to_owned());
        conv.priority = self.policy.queue_priority(queue);
        conv.queued_at = Some(now);
        conv.updated_at = now;
        let summary = summary::handoff(reason, memory, u.intent, u.confidence);
        let summary = Message {
            conversation_id: conv.id.clone(),
            seq: 0,
            author: Author::System,
            body: summary,
            language: Some("en".to_owned()),
            intent: None,
            confidence: None,
            quick_replies: Vec::new(),
            engine_us: None,
            created_at: now,
        };
        Ok((summary, self.store.queue_position_of(conv).await?))
    }
}

/// "Can I pay it now?" right after an answer about one purchase: "it" is that purchase. Only
/// with a pronoun, and never with "the other one".
fn the_one_just_discussed(
    memory: &Memory,
    candidates: &[fairdesk_ledger::OrderId],
    text: &str,
) -> Option<fairdesk_ledger::OrderId> {
    let last = memory
        .last_order
        .as_ref()
        .filter(|o| candidates.contains(o))?;
    let words = fairdesk_understand::text::lexicon_words(text);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    (has(PRONOUNS) && !has(OTHER_WORDS)).then(|| last.clone())
}

/// "It", "that one" in the 11 languages (folded).
const PRONOUNS: &[&str] = &[
    "it", "that", "den", "det", "dem", "sie", "es", "ihn", "het", "hem", "die", "la", "le", "lo",
    "ja", "nia", "to", "sen", "se", "sita",
];

/// "The other one": never the purchase just discussed.
const OTHER_WORDS: &[&str] = &[
    "other", "another", "andra", "annan", "andre", "anden", "annen", "toinen", "toisen", "andere",
    "anderen", "ander", "autre", "otro", "otra", "altro", "altra", "inny", "inna", "innego",
];

/// The order the customer picked: a quick-reply payload, an order reference, or a merchant name.
fn pick_order(
    ctx: &FlowCtx<'_>,
    candidates: &[fairdesk_ledger::OrderId],
    text: &str,
) -> Option<fairdesk_ledger::OrderId> {
    if let Some(id) = text.trim().strip_prefix("order:") {
        return candidates.iter().find(|c| c.as_str() == id).cloned();
    }
    // "The overdue one": the only candidate with a payment past its due date.
    let words = fairdesk_understand::text::lexicon_words(text);
    if words
        .iter()
        .any(|w| OVERDUE_WORDS.iter().any(|o| w.starts_with(o)))
    {
        let overdue: Vec<&fairdesk_ledger::OrderId> = candidates
            .iter()
            .filter(|c| {
                ctx.order(c)
                    .is_some_and(|o| o.open_installments().any(|i| i.due < ctx.today))
            })
            .collect();
        if let [one] = overdue.as_slice() {
            return Some((*one).clone());
        }
    }
    let by_ref = candidates.iter().find(|c| {
        ctx.slots
            .order_refs
            .iter()
            .any(|r| c.as_str().eq_ignore_ascii_case(r) || c.as_str().ends_with(r.as_str()))
    });
    if let Some(id) = by_ref {
        return Some(id.clone());
    }
    match named_orders(ctx, candidates).as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

/// The candidates whose merchant or item the message names ("the bike", "jakka" for a
/// "Vinterjakke").
fn named_orders<'a>(
    ctx: &FlowCtx<'_>,
    candidates: &'a [fairdesk_ledger::OrderId],
) -> Vec<&'a fairdesk_ledger::OrderId> {
    let by_merchant: Vec<_> = candidates
        .iter()
        .filter(|c| {
            ctx.order(c).is_some_and(|o| {
                ctx.slots
                    .merchants
                    .iter()
                    .any(|m| m.name == ctx.merchant(o))
            })
        })
        .collect();
    if !by_merchant.is_empty() {
        return by_merchant;
    }
    let words = fairdesk_understand::text::lexicon_words(ctx.text);
    candidates
        .iter()
        .filter(|c| {
            ctx.order(c)
                .is_some_and(|o| names_item(&words, &o.description))
        })
        .collect()
}

/// Whether the message names one of the customer's purchases, by merchant or by item.
fn names_a_purchase(ctx: &FlowCtx<'_>) -> bool {
    let words = fairdesk_understand::text::lexicon_words(ctx.text);
    !ctx.slots.merchants.is_empty()
        || ctx
            .orders
            .iter()
            .any(|o| names_item(&words, &o.description))
}

/// Item words shorter than this are not matched ("TV" is too easily another word).
const ITEM_WORD_CHARS_MIN: usize = 4;

/// Whether one of the message's (folded) words names the item: the same word with another
/// ending ("pralki" for "Pralka", "jakka" for "jakke"), its start ("bici" for "Bicicleta"), or the
/// last part of a compound ("jakka" for "Vinterjakke", "takki" for "Villakangastakki").
fn names_item(words: &[String], description: &str) -> bool {
    let item_words = fairdesk_understand::text::lexicon_words(description);
    item_words
        .iter()
        .filter(|i| i.chars().count() >= ITEM_WORD_CHARS_MIN)
        .any(|item| {
            let item: Vec<char> = item.chars().collect();
            words.iter().any(|w| {
                let w: Vec<char> = w.chars().collect();
                w.len() >= ITEM_WORD_CHARS_MIN
                    && ((w.len() * 2 + 1 >= item.len() && item.starts_with(&w))
                        || (0..=item.len().saturating_sub(ITEM_WORD_CHARS_MIN)).any(|start| {
                            // The last part of a compound is a word of its own (not "iets").
                            (start == 0 || item.len() - start > ITEM_WORD_CHARS_MIN)
                                && item.get(start..).is_some_and(|tail| same_stem(&w, tail))
                        }))
            })
        })
}

/// Two words with the same stem: they differ at most in their last letter or two (one when
/// short, three when long: Finnish "villapaita" → "villapaidan").
fn same_stem(a: &[char], b: &[char]) -> bool {
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let shorter = a.len().min(b.len());
    let ending = match shorter {
        9.. => 3,
        7..=8 => 2,
        _ => 1,
    };
    common >= ITEM_WORD_CHARS_MIN && common + ending >= a.len().max(b.len())
}

/// A question about several purchases the customer named ("has my Currys order shipped, and did
/// the Argos parcel arrive?"): the answer for each, when the errand only answers (never a
/// proposal per order) and every answer is complete; what is left to pay, also in total.
fn answer_each(
    ctx: &FlowCtx<'_>,
    errand: Errand,
    named: &[&fairdesk_ledger::OrderId],
) -> Option<Step> {
    if named.len() < 2 || errand.proposes() {
        return None;
    }
    let mut outs = Vec::new();
    let mut orders = Vec::new();
    for id in named {
        let order = ctx.order(id)?;
        match errand.run(ctx, Some(order)) {
            Step::Done(mut answer) => outs.append(&mut answer),
            _ => return None,
        }
        orders.push(order);
    }
    // What is left on each, and on all of them together.
    if errand == Errand::BalanceRemaining {
        outs.push(Out::text(crate::flows::balance_total(ctx, &orders)));
    }
    Some(Step::Done(outs))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str, item: &str) -> bool {
        names_item(&fairdesk_understand::text::lexicon_words(text), item)
    }

    #[test]
    fn an_item_is_named_by_another_ending_its_start_or_the_end_of_a_compound() {
        assert!(named("ile zostalo za pralki?", "Pralka"));
        assert!(named("jeg vil returnere jakka", "Vinterjakke"));
        assert!(named("cuánto queda de la bici", "Bicicleta"));
        assert!(named("pay for the running shoes", "Running shoes"));
        assert!(named("rezygnuję z tej kosiarki", "Kosiarka"));
        assert!(named(
            "haluun perua sen villapaidan tilauksen",
            "Villapaita"
        ));
        assert!(!named("ik wil iets betalen", "Fiets"));
        assert!(!named("when is my next payment", "Laptop"));
        assert!(!named("is it on the tv", "TV"));
    }

    #[test]
    fn a_complaint_must_say_it_is_one() {
        assert!(names_a_complaint("Ik wil een officiële klacht indienen"));
        assert!(names_a_complaint("RECLAMACIÓN. Estoy harto"));
        assert!(names_a_complaint("I want to complain about your service"));
        assert!(!names_a_complaint("verdammt, das ist bescheuert"));
        assert!(!names_a_complaint("che schifo di servizio"));
    }
}
