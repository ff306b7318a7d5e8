//! The public face of the crate for the conversation engine: one call turns a customer message
//! into language, BNPL intent, calibrated confidence and runners-up.
//!
//! The default BNPL model is trained from the example files embedded here ([`bnpl_training_examples`])
//! by the build script of `fairdesk-model`, which ships it inside the binary: no process trains at
//! start, and a fresh checkout needs no training step and no model file.

use crate::classifier::{ClassifierConfig, Reject, TextClassifier, TrainError};
use crate::dataset::{DataError, Example, parse_examples};
use crate::gibberish::is_gibberish;
use crate::handoff::asks_for_human;
use crate::intent::{Intent, UnknownIntent};
use crate::lang::{Lang, LanguageIdentifier};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));
}

/// Below this calibrated probability the top intent is not trusted and the answer is
/// `out_of_scope` (the engine then asks again or escalates to a higher tier).
pub const OUT_OF_SCOPE_BELOW: f32 = 0.3;

/// A runner-up BNPL intent beats a narrow out-of-scope verdict when at least this share of its
/// probability (see `Understander::understand`).
pub const RUNNER_UP_SHARE_MIN: f32 = 0.5;

/// How many runners-up an [`Understanding`] carries.
pub const TOP_K: usize = 3;

/// What one customer message means.
#[derive(Debug, Clone, PartialEq)]
pub struct Understanding {
    /// The message's language (English with confidence 0 when the text has no letters).
    pub lang: Lang,
    /// Probability of `lang`.
    pub lang_confidence: f32,
    /// The decided intent.
    pub intent: Intent,
    /// Calibrated probability of the top-scoring intent (1.0 when the human lexicon decided; 0.0
    /// when the text has no letters or digits, or is keyboard mash: see [`crate::gibberish`]).
    pub confidence: f32,
    /// The most probable intents by the classifier, most probable first.
    pub top: Vec<(Intent, f32)>,
    /// Whether the human-agent lexicon forced `human_agent`.
    pub forced_human: bool,
}

/// Why an [`Understander`] could not be built.
#[derive(Debug, thiserror::Error)]
pub enum UnderstandError {
    /// An example file is malformed.
    #[error(transparent)]
    Data(#[from] DataError),
    /// A model could not be trained.
    #[error(transparent)]
    Train(#[from] TrainError),
    /// The intent model has a label outside the BNPL set.
    #[error(transparent)]
    Label(#[from] UnknownIntent),
}

/// Language identification plus BNPL intent classification.
#[derive(Debug, Clone)]
pub struct Understander {
    lang_id: LanguageIdentifier,
    intents: TextClassifier,
    intent_of: Vec<Intent>,
}

/// The training configuration of the default BNPL model: multilingual, calibrated, with the
/// out-of-scope decision.
pub fn bnpl_config() -> ClassifierConfig {
    ClassifierConfig {
        calibrate: true,
        reject: Some(Reject {
            label: Intent::OutOfScope.as_str().to_owned(),
            below: OUT_OF_SCOPE_BELOW,
        }),
        ..ClassifierConfig::multilingual()
    }
}

/// The BNPL training examples embedded at build time: every `data/train/*.csv` and
/// `data/train_ood/*.csv` (out-of-domain lines) that existed, the file stem naming the language.
pub fn bnpl_training_examples() -> Result<Vec<Example>, DataError> {
    let mut all = Vec::new();
    for (path, stem, content) in embedded::TRAIN_FILES {
        let mut examples = parse_examples(path, content)?;
        for e in &mut examples {
            e.lang.get_or_insert_with(|| (*stem).to_owned());
        }
        all.append(&mut examples);
    }
    Ok(all)
}

impl Understander {
    /// Trains both models on `examples` (every label must be a BNPL intent).
    pub fn train(examples: &[Example], config: &ClassifierConfig) -> Result<Self, UnderstandError> {
        let lang_id = LanguageIdentifier::train(examples, config)?;
        let intents = TextClassifier::train(examples, config)?;
        Self::from_parts(lang_id, intents)
    }

    /// Combines trained models, e.g. an intent model loaded from a file.
    pub fn from_parts(
        lang_id: LanguageIdentifier,
        intents: TextClassifier,
    ) -> Result<Self, UnderstandError> {
        let intent_of = intents
            .labels()
            .iter()
            .map(|l| l.parse())
            .collect::<Result<_, _>>()?;
        Ok(Self {
            lang_id,
            intents,
            intent_of,
        })
    }

    /// The language identifier.
    pub fn lang_id(&self) -> &LanguageIdentifier {
        &self.lang_id
    }

    /// The intent classifier.
    pub fn intents(&self) -> &TextClassifier {
        &self.intents
    }

    /// Out of scope is a strong class (it has many more training lines than any intent); when it
    /// wins narrowly, a runner-up BNPL intent that would pass the out-of-scope bar on its own
    /// (at least [`OUT_OF_SCOPE_BELOW`] and half as probable as out of scope) is the answer.
    /// Its confidence is then its share among the BNPL intents: the message was judged to be
    /// about the lender, and the question left is which errand.
    fn in_domain_runner_up(
        &self,
        top: &[(Intent, f32)],
        (intent, p_oos): (Intent, f32),
    ) -> Option<(Intent, f32)> {
        if intent != Intent::OutOfScope {
            return None;
        }
        top.iter()
            .find(|(i, _)| *i != Intent::OutOfScope)
            .filter(|(_, p)| *p >= OUT_OF_SCOPE_BELOW && *p >= RUNNER_UP_SHARE_MIN * p_oos)
            .map(|&(i, p)| (i, (p / (1.0 - p_oos).max(p)).min(1.0)))
    }

    /// Understands one message. Never fails: empty or meaningless input (no letters or digits,
    /// or no word of any trained language) is `out_of_scope` with confidence 0.
    pub fn understand(&self, text: &str) -> Understanding {
        let (lang, lang_confidence) = self.lang_id.identify(text).unwrap_or((Lang::En, 0.0));
        let prediction = self.intents.predict(text, Some(lang.as_str()));
        let mut top: Vec<(usize, f32)> = prediction
            .probabilities
            .iter()
            .copied()
            .enumerate()
            .collect();
        top.sort_by(|a, b| b.1.total_cmp(&a.1));
        let top: Vec<(Intent, f32)> = top
            .into_iter()
            .take(TOP_K)
            .filter_map(|(i, p)| Some((*self.intent_of.get(i)?, p)))
            .collect();
        let forced_human = asks_for_human(text);
        let (intent, confidence) = if forced_human {
            (Intent::HumanAgent, 1.0)
        } else if !text.chars().any(char::is_alphanumeric)
            || is_gibberish(self.lang_id.vocabulary(), text)
        {
            (Intent::OutOfScope, 0.0)
        } else {
            let intent = self.intent_of.get(prediction.label).copied();
            let decided = (intent.unwrap_or(Intent::OutOfScope), prediction.confidence);
            self.in_domain_runner_up(&top, decided).unwrap_or(decided)
        };
        Understanding {
            lang,
            lang_confidence,
            intent,
            confidence,
            top,
            forced_human,
        }
    }
}
