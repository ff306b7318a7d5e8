//! Language identification for the eleven languages fairdesk answers in.
//!
//! Trained from the same example files as the intents (every line carries its language), because
//! general-purpose identifiers confuse Norwegian and Danish and fail on three-word messages, which
//! are most of what customers send.

use std::fmt;
use std::str::FromStr;

use crate::classifier::{ClassifierConfig, TextClassifier, TrainError};
use crate::dataset::Example;
use crate::features::FeatureConfig;
use crate::vectorizer::Vectorizer;

/// A language fairdesk understands and answers in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English.
    En,
    /// Swedish.
    Sv,
    /// Norwegian (bokmål).
    Nb,
    /// Danish.
    Da,
    /// Finnish.
    Fi,
    /// German.
    De,
    /// Dutch.
    Nl,
    /// Polish.
    Pl,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Italian.
    It,
}

impl Lang {
    /// Every language, in a fixed order.
    pub const ALL: [Lang; 11] = [
        Lang::En,
        Lang::Sv,
        Lang::Nb,
        Lang::Da,
        Lang::Fi,
        Lang::De,
        Lang::Nl,
        Lang::Pl,
        Lang::Fr,
        Lang::Es,
        Lang::It,
    ];

    /// The ISO 639-1 code (`nb` for Norwegian bokmål).
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
            Lang::Nb => "nb",
            Lang::Da => "da",
            Lang::Fi => "fi",
            Lang::De => "de",
            Lang::Nl => "nl",
            Lang::Pl => "pl",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::It => "it",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that is not one of the supported language codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language `{0}` (expected one of en, sv, nb, da, fi, de, nl, pl, fr, es, it)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let code = s.trim().to_ascii_lowercase();
        let code = if code == "no" { "nb" } else { code.as_str() };
        Lang::ALL
            .into_iter()
            .find(|l| l.as_str() == code)
            .ok_or_else(|| UnknownLang(s.to_owned()))
    }
}

/// A trained language identifier.
#[derive(Debug, Clone)]
pub struct LanguageIdentifier {
    model: TextClassifier,
    langs: Vec<Lang>,
}

/// How language identifiers are trained: short character grams and words, no word pairs, every
/// feature kept (a rare spelling is exactly what tells Norwegian from Danish).
pub fn lang_config(base: &ClassifierConfig) -> ClassifierConfig {
    ClassifierConfig {
        features: FeatureConfig::LANGUAGES,
        min_df: 1,
        reject: None,
        per_lang: false,
        ..base.clone()
    }
}

impl LanguageIdentifier {
    /// Trains on the examples whose `lang` is a supported language.
    pub fn train(examples: &[Example], config: &ClassifierConfig) -> Result<Self, TrainError> {
        let relabelled: Vec<Example> = examples
            .iter()
            .filter_map(|e| {
                let lang = e.lang.as_deref()?.parse::<Lang>().ok()?;
                Some(Example {
                    text: e.text.clone(),
                    label: lang.as_str().to_owned(),
                    lang: None,
                })
            })
            .collect();
        Ok(Self::from_model(TextClassifier::train(
            &relabelled,
            &lang_config(config),
        )?))
    }

    /// A language identifier from a trained (or loaded) classifier whose labels are language codes.
    pub fn from_model(model: TextClassifier) -> Self {
        let langs = model
            .labels()
            .iter()
            .filter_map(|l| l.parse().ok())
            .collect();
        Self { model, langs }
    }

    /// The classifier underneath (labels are language codes).
    pub fn model(&self) -> &TextClassifier {
        &self.model
    }

    /// The feature vocabulary: every word and character gram of the training files, in all
    /// languages.
    pub fn vocabulary(&self) -> &Vectorizer {
        &self.model.vectorizer
    }

    /// The most probable language of `text` and its probability, or `None` when the text has
    /// nothing to go on (empty, digits or emoji only).
    pub fn identify(&self, text: &str) -> Option<(Lang, f32)> {
        if !text.chars().any(char::is_alphabetic) {
            return None;
        }
        let prediction = self.model.predict(text, None);
        Some((*self.langs.get(prediction.label)?, prediction.confidence))
    }
}
