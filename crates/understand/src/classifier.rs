//! A generic text classifier: any label strings, any language. The BNPL intent set and language
//! identification are thin layers on top of it.
//!
//! Confidence is a softmax probability whose temperature is fitted on held-out training data, so
//! that "0.6" means roughly "right six times in ten" and a fixed out-of-scope threshold means the
//! same thing for every model.

use crate::dataset::Example;
use crate::features::FeatureConfig;
use crate::linear::{LinearModel, SplitMix, TrainParams, softmax};
use crate::vectorizer::Vectorizer;

/// How to build a classifier.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassifierConfig {
    /// Features to extract.
    pub features: FeatureConfig,
    /// Keep features seen in at least this many training texts.
    pub min_df: u32,
    /// Linear model training.
    pub train: TrainParams,
    /// Fit the softmax temperature on a held-out fifth of the data (doubles training time).
    pub calibrate: bool,
    /// Answer `label` when the top probability is below `below`.
    pub reject: Option<Reject>,
    /// Use each example's language as a domain: features get a per-language copy.
    pub per_lang: bool,
}

impl Default for ClassifierConfig {
    fn default() -> Self {
        Self {
            features: FeatureConfig::INTENTS,
            min_df: 1,
            train: TrainParams::default(),
            calibrate: true,
            reject: None,
            per_lang: false,
        }
    }
}

impl ClassifierConfig {
    /// For multilingual data with a language per example (like the BNPL files): per-language
    /// features, but no word pairs and no features seen only once. On the BNPL files neither
    /// costs accuracy (measured) and together they make training three times faster and the
    /// model file three times smaller.
    pub fn multilingual() -> Self {
        Self {
            features: FeatureConfig {
                pair_cut: 0,
                ..FeatureConfig::INTENTS
            },
            min_df: 2,
            train: TrainParams {
                epochs: 15,
                ..TrainParams::default()
            },
            per_lang: true,
            ..Self::default()
        }
    }

    /// The configuration for `examples`: [`ClassifierConfig::multilingual`] when every example
    /// has a language, else the default; calibrated when there is a reject rule (probabilities
    /// only decide anything then).
    pub fn for_examples(examples: &[Example], reject: Option<Reject>) -> Self {
        let multilingual = !examples.is_empty() && examples.iter().all(|e| e.lang.is_some());
        let base = if multilingual {
            Self::multilingual()
        } else {
            Self::default()
        };
        Self {
            calibrate: reject.is_some(),
            reject,
            ..base
        }
    }
}

/// The out-of-scope decision: a fallback label for low-confidence predictions.
#[derive(Debug, Clone, PartialEq)]
pub struct Reject {
    /// The label to answer instead (must be one of the training labels).
    pub label: String,
    /// Probability below which the fallback is answered.
    pub below: f32,
}

/// Why a classifier could not be trained.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrainError {
    /// No training examples.
    #[error("no training examples")]
    NoExamples,
    /// The reject label is not among the training labels.
    #[error("reject label `{0}` does not occur in the training data")]
    UnknownRejectLabel(String),
}

/// One prediction: the decided label and the calibrated distribution behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// Index of the decided label (the reject label when confidence was too low).
    pub label: usize,
    /// Probability of the top-scoring label (not of the reject label).
    pub confidence: f32,
    /// Probability per label, in label order.
    pub probabilities: Vec<f32>,
}

/// A trained classifier.
#[derive(Debug, Clone)]
pub struct TextClassifier {
    pub(crate) labels: Vec<String>,
    pub(crate) vectorizer: Vectorizer,
    pub(crate) model: LinearModel,
    pub(crate) temperature: f32,
    pub(crate) reject: Option<(usize, f32)>,
    pub(crate) per_lang: bool,
}

impl TextClassifier {
    /// Trains on `examples`. Deterministic for a fixed `config.train.seed`.
    pub fn train(examples: &[Example], config: &ClassifierConfig) -> Result<Self, TrainError> {
        if examples.is_empty() {
            return Err(TrainError::NoExamples);
        }
        let mut labels: Vec<String> = examples.iter().map(|e| e.label.clone()).collect();
        labels.sort();
        labels.dedup();
        let reject = match &config.reject {
            Some(r) => match labels.iter().position(|l| *l == r.label) {
                Some(i) => Some((i, r.below)),
                None => return Err(TrainError::UnknownRejectLabel(r.label.clone())),
            },
            None => None,
        };
        let temperature = if config.calibrate {
            fit_temperature(examples, &labels, config)
        } else {
            1.0
        };
        let (vectorizer, model) = fit(examples, &labels, config);
        Ok(Self {
            labels,
            vectorizer,
            model,
            temperature,
            reject,
            per_lang: config.per_lang,
        })
    }

    /// The label strings, in index order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Number of features (vocabulary columns).
    pub fn features(&self) -> usize {
        self.vectorizer.len()
    }

    /// The fitted softmax temperature.
    pub fn temperature(&self) -> f32 {
        self.temperature
    }

    /// Whether the model was trained with per-language features (and so wants a language).
    pub fn per_lang(&self) -> bool {
        self.per_lang
    }

    /// Calibrated probability per label for `text`, written in `lang` (used only by models
    /// trained per language).
    pub fn probabilities(&self, text: &str, lang: Option<&str>) -> Vec<f32> {
        let domain = lang.filter(|_| self.per_lang);
        let mut scores = self.model.scores(&self.vectorizer.transform(text, domain));
        scores.iter_mut().for_each(|s| *s /= self.temperature);
        softmax(&mut scores);
        scores
    }

    /// Classifies `text` (in `lang`, if known), answering the reject label when the top
    /// probability is too low.
    pub fn predict(&self, text: &str, lang: Option<&str>) -> Prediction {
        let probabilities = self.probabilities(text, lang);
        let (top, confidence) = argmax(&probabilities);
        let label = match self.reject {
            Some((fallback, below)) if confidence < below => fallback,
            _ => top,
        };
        Prediction {
            label,
            confidence,
            probabilities,
        }
    }

    /// The decided label of `text` as a string.
    pub fn predict_label(&self, text: &str, lang: Option<&str>) -> &str {
        let label = self.predict(text, lang).label;
        self.labels.get(label).map_or("", String::as_str)
    }

    /// The `k` most probable labels of `text`, most probable first.
    pub fn top(&self, text: &str, lang: Option<&str>, k: usize) -> Vec<(&str, f32)> {
        ranked(&self.labels, &self.probabilities(text, lang), k)
    }
}

/// Pairs labels with probabilities and keeps the `k` most probable.
pub fn ranked<'a>(labels: &'a [String], probabilities: &[f32], k: usize) -> Vec<(&'a str, f32)> {
    let mut pairs: Vec<(&str, f32)> = labels
        .iter()
        .map(String::as_str)
        .zip(probabilities.iter().copied())
        .collect();
    pairs.sort_by(|a, b| b.1.total_cmp(&a.1));
    pairs.truncate(k);
    pairs
}

fn argmax(values: &[f32]) -> (usize, f32) {
    values
        .iter()
        .copied()
        .enumerate()
        .fold((0, f32::NEG_INFINITY), |best, (i, v)| {
            if v > best.1 { (i, v) } else { best }
        })
}

fn fit(
    examples: &[Example],
    labels: &[String],
    config: &ClassifierConfig,
) -> (Vectorizer, LinearModel) {
    let texts = examples
        .iter()
        .map(|e| (e.text.as_str(), domain(e, config)));
    let vectorizer = Vectorizer::fit(config.features, texts, config.min_df);
    let xs: Vec<_> = examples
        .iter()
        .map(|e| vectorizer.transform(&e.text, domain(e, config)))
        .collect();
    let ys: Vec<usize> = examples
        .iter()
        .map(|e| label_index(labels, &e.label))
        .collect();
    let model = LinearModel::train(&xs, &ys, labels.len(), vectorizer.len(), &config.train);
    (vectorizer, model)
}

/// The domain an example is trained in: its language, for per-language models.
fn domain<'a>(example: &'a Example, config: &ClassifierConfig) -> Option<&'a str> {
    example.lang.as_deref().filter(|_| config.per_lang)
}

fn label_index(labels: &[String], label: &str) -> usize {
    labels
        .binary_search_by(|l| l.as_str().cmp(label))
        .unwrap_or(0)
}

/// Trains on four fifths of the data and picks the temperature that minimises the negative
/// log-likelihood of the held-out fifth.
fn fit_temperature(examples: &[Example], labels: &[String], config: &ClassifierConfig) -> f32 {
    let mut shuffled = examples.to_vec();
    SplitMix(config.train.seed ^ 0xca1b).shuffle(&mut shuffled);
    let (held, rest): (Vec<_>, Vec<_>) = shuffled
        .into_iter()
        .enumerate()
        .partition(|(i, _)| i % 5 == 0);
    let held: Vec<Example> = held.into_iter().map(|(_, e)| e).collect();
    let rest: Vec<Example> = rest.into_iter().map(|(_, e)| e).collect();
    if held.is_empty() || rest.is_empty() {
        return 1.0;
    }
    let (vectorizer, model) = fit(&rest, labels, config);
    let scored: Vec<(Vec<f32>, usize)> = held
        .iter()
        .map(|e| {
            let x = vectorizer.transform(&e.text, domain(e, config));
            (model.scores(&x), label_index(labels, &e.label))
        })
        .collect();
    golden_section(|log_t| nll(&scored, log_t.exp()), -3.0, 3.0).exp()
}

fn nll(scored: &[(Vec<f32>, usize)], temperature: f32) -> f32 {
    let total: f32 = scored
        .iter()
        .map(|(scores, y)| {
            let mut p: Vec<f32> = scores.iter().map(|s| s / temperature).collect();
            softmax(&mut p);
            -p.get(*y).copied().unwrap_or(0.0).max(1e-9).ln()
        })
        .sum();
    total / scored.len().max(1) as f32
}

fn golden_section(f: impl Fn(f32) -> f32, mut lo: f32, mut hi: f32) -> f32 {
    const RATIO: f32 = 0.618_034;
    for _ in 0..40 {
        let a = hi - RATIO * (hi - lo);
        let b = lo + RATIO * (hi - lo);
        if f(a) < f(b) {
            hi = b;
        } else {
            lo = a;
        }
    }
    (lo + hi) / 2.0
}
