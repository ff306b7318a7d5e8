//! Identifiers the bot hands out: the idempotency key of a confirmed action, and complaint
//! references. Both must be unique across every conversation and process: a key shared by two
//! conversations would make the second confirmed action a replay of the first (refused, or worse,
//! answered with the first's outcome), and a reference shared by two complaints points nowhere.

use chrono::{DateTime, Utc};
use fairdesk_ledger::IdempotencyKey;
use fairdesk_store::{Conversation, Store, StoreError};

use crate::engine::EngineError;
use crate::memory::Pending;

/// Characters of a complaint reference's random part: no 0/O or 1/I to misread on the phone.
const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/// Random characters in a complaint reference (40 bits).
const REFERENCE_RANDOM_CHARS: usize = 8;
/// Tries before giving up on a fresh reference (a clash is already one in 2^40).
const REFERENCE_ATTEMPTS_MAX: usize = 5;

/// The ledger key of a confirmed proposal: the conversation's id (128 random bits), the proposal's
/// number in it and its expiry, so no two conversations, and no two proposals of one, share it.
pub(crate) fn confirmation_key(
    conversation_id: &str,
    pending: &Pending,
) -> Result<IdempotencyKey, EngineError> {
    format!(
        "{}-{}-{}",
        pending.id,
        conversation_id,
        pending.expires_at.timestamp()
    )
    .parse()
    .map_err(|e| EngineError::Store(StoreError::Corrupt(format!("{e}"))))
}

fn random_part() -> Result<String, EngineError> {
    let mut bytes = [0u8; REFERENCE_RANDOM_CHARS];
    getrandom::fill(&mut bytes).map_err(|e| EngineError::Random(e.to_string()))?;
    Ok(bytes
        .iter()
        .map(|b| char::from(ALPHABET.get(usize::from(b % 32)).copied().unwrap_or(b'X')))
        .collect())
}

/// A new complaint reference for the conversation, stored with it: `CMP-<date>-<random>`.
pub(crate) async fn complaint(
    store: &Store,
    conv: &Conversation,
    now: DateTime<Utc>,
) -> Result<String, EngineError> {
    for _ in 0..REFERENCE_ATTEMPTS_MAX {
        let reference = format!("CMP-{}-{}", now.format("%Y%m%d"), random_part()?);
        match store
            .record_complaint(&reference, &conv.id, &conv.customer, now)
            .await
        {
            Ok(()) => return Ok(reference),
            Err(StoreError::Duplicate(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Err(EngineError::Random(
        "no free complaint reference after several tries".to_owned(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::Action;
    use crate::flows::Errand;

    #[test]
    fn two_conversations_proposing_in_the_same_second_get_different_keys() {
        let pending = Pending {
            id: "cf-C-1-1".to_owned(),
            errand: Errand::CancelOrder,
            action: Action::Cancel {
                order: "O-1".parse().unwrap_or_else(|_| unreachable!()),
            },
            expires_at: DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default(),
            message: String::new(),
        };
        let a = confirmation_key("cv-0001", &pending).map(|k| k.to_string());
        let b = confirmation_key("cv-0002", &pending).map(|k| k.to_string());
        assert!(a.is_ok() && b.is_ok());
        assert_ne!(a.ok(), b.ok());
    }

    #[test]
    fn reference_codes_use_the_unambiguous_alphabet() {
        let code = random_part().unwrap_or_default();
        assert_eq!(code.len(), REFERENCE_RANDOM_CHARS);
        assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "{code}");
    }
}
