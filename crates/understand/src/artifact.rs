//! The whole understander as one file: language identifier and intent model together, so a model
//! saved by `fairdesk intents train --out` behaves exactly like the built-in one (the human-request
//! lexicon, the keyboard-mash filter and slot extraction are code and apply to both alike).
//!
//! ```text
//! magic "FDUNDRST" | u32 format version | u64 length | language model | u64 length | intent model
//! ```
//! Each inner model is a complete classifier file ([`crate::format`]) with its own checksum.

use std::path::Path;

use crate::classifier::TextClassifier;
use crate::format::{ModelError, read_file, write_file};
use crate::lang::LanguageIdentifier;
use crate::understander::Understander;

/// First bytes of an understander file.
pub const MAGIC: [u8; 8] = *b"FDUNDRST";
/// The understander format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

impl Understander {
    /// The understander as file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let lang = self.lang_id().model().to_bytes();
        let intents = self.intents().to_bytes();
        let mut out = Vec::with_capacity(lang.len() + intents.len() + 28);
        out.extend_from_slice(&MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        for part in [&lang, &intents] {
            out.extend_from_slice(&(part.len() as u64).to_le_bytes());
            out.extend_from_slice(part);
        }
        out
    }

    /// Reads an understander from file bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(ModelError::NotAModel)?;
        let (version, rest) = split_u32(rest)?;
        if version != FORMAT_VERSION {
            return Err(ModelError::UnsupportedVersion {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        let (lang, rest) = split_part(rest)?;
        let (intents, rest) = split_part(rest)?;
        if !rest.is_empty() {
            return Err(ModelError::Invalid("trailing bytes after the intent model"));
        }
        let lang_id = LanguageIdentifier::from_model(TextClassifier::from_bytes(lang)?);
        let intents = TextClassifier::from_bytes(intents)?;
        Understander::from_parts(lang_id, intents)
            .map_err(|_| ModelError::Invalid("an intent label outside the BNPL set"))
    }

    /// Writes the understander to `path`.
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        write_file(path, &self.to_bytes())
    }

    /// Reads an understander from `path`.
    pub fn load(path: &Path) -> Result<Self, ModelError> {
        Self::from_bytes(&read_file(path)?)
    }
}

/// Whether `bytes` start like an understander file (rather than a single classifier).
pub fn is_understander(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

fn split_u32(bytes: &[u8]) -> Result<(u32, &[u8]), ModelError> {
    let (head, rest) = bytes
        .split_first_chunk::<4>()
        .ok_or(ModelError::Truncated)?;
    Ok((u32::from_le_bytes(*head), rest))
}

fn split_part(bytes: &[u8]) -> Result<(&[u8], &[u8]), ModelError> {
    let (head, rest) = bytes
        .split_first_chunk::<8>()
        .ok_or(ModelError::Truncated)?;
    let len = usize::try_from(u64::from_le_bytes(*head)).map_err(|_| ModelError::Truncated)?;
    rest.split_at_checked(len).ok_or(ModelError::Truncated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classifier::ClassifierConfig;
    use crate::dataset::Example;

    fn tiny() -> Understander {
        let lines = [
            ("where is my refund", "refund_status", "en"),
            ("refund not received yet", "refund_status", "en"),
            ("var är min återbetalning", "refund_status", "sv"),
            ("I want to talk to a human", "human_agent", "en"),
            ("jag vill prata med en människa", "human_agent", "sv"),
            ("what's the weather", "out_of_scope", "en"),
        ];
        let examples: Vec<Example> = lines
            .iter()
            .map(|(t, l, lang)| Example {
                text: (*t).to_owned(),
                label: (*l).to_owned(),
                lang: Some((*lang).to_owned()),
            })
            .collect();
        Understander::train(&examples, &ClassifierConfig::multilingual()).unwrap()
    }

    #[test]
    fn a_saved_understander_reads_back_and_answers_the_same() {
        let u = tiny();
        let back = Understander::from_bytes(&u.to_bytes()).unwrap();
        for text in ["where's my refund?", "människa tack", "hej", ""] {
            assert_eq!(back.understand(text), u.understand(text), "{text}");
        }
    }

    #[test]
    fn damaged_understander_files_are_refused_with_the_reason() {
        let bytes = tiny().to_bytes();
        assert!(matches!(
            Understander::from_bytes(b"FDTXTCLF...."),
            Err(ModelError::NotAModel)
        ));
        assert!(matches!(
            Understander::from_bytes(&bytes[..bytes.len() - 3]),
            Err(ModelError::Truncated)
        ));
        let mut flipped = bytes.clone();
        let last = flipped.len() - 20;
        flipped[last] ^= 0xff;
        assert!(matches!(
            Understander::from_bytes(&flipped),
            Err(ModelError::ChecksumMismatch)
        ));
        let mut newer = bytes.clone();
        newer[8] = 9;
        assert!(matches!(
            Understander::from_bytes(&newer),
            Err(ModelError::UnsupportedVersion { found: 9, .. })
        ));
        let mut longer = bytes;
        longer.push(0);
        assert!(matches!(
            Understander::from_bytes(&longer),
            Err(ModelError::Invalid(_))
        ));
    }
}
