//! Measures a classifier: accuracy, macro-F1, per-language and per-label scores, the worst
//! confusions and the time per message; plus stratified k-fold cross-validation.
//!
//! It lives in the library (not the CLI) so that tests assert on the same numbers the
//! `fairdesk intents eval` command prints.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Instant;

use crate::classifier::{ClassifierConfig, TextClassifier, TrainError};
use crate::dataset::Example;
use crate::linear::SplitMix;

/// Scores of one label.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelScore {
    /// The label.
    pub label: String,
    /// Gold examples with this label.
    pub support: usize,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

/// Accuracy within one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupScore {
    /// The language code (`?` when the data has none).
    pub name: String,
    /// Examples.
    pub examples: usize,
    /// Correctly classified examples.
    pub correct: usize,
}

impl GroupScore {
    /// Fraction correct.
    pub fn accuracy(&self) -> f64 {
        self.correct as f64 / self.examples.max(1) as f64
    }
}

/// An evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Examples evaluated.
    pub examples: usize,
    /// Correctly classified.
    pub correct: usize,
    /// Mean F1 over gold labels.
    pub macro_f1: f64,
    /// Per label, sorted by label.
    pub labels: Vec<LabelScore>,
    /// Per language, sorted by code.
    pub languages: Vec<GroupScore>,
    /// (gold, predicted, count), most frequent first.
    pub confusions: Vec<(String, String, usize)>,
    /// Mean classification time per message, microseconds.
    pub micros_per_utterance: f64,
}

/// Why an evaluation could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvalError {
    /// Cross-validation needs at least two folds and one example per fold.
    #[error("cannot make {folds} folds from {examples} examples (need 2 ≤ folds ≤ examples)")]
    Folds {
        /// Requested folds.
        folds: usize,
        /// Examples available.
        examples: usize,
    },
    /// A fold's model could not be trained.
    #[error(transparent)]
    Train(#[from] TrainError),
}

impl Report {
    /// Fraction correct.
    pub fn accuracy(&self) -> f64 {
        self.correct as f64 / self.examples.max(1) as f64
    }

    /// The report as text: totals, per language, per label, and the `worst` top confusions.
    pub fn render(&self, worst: usize) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "examples {}  accuracy {:.2} %  macro-F1 {:.2} %  {:.1} µs/utterance",
            self.examples,
            100.0 * self.accuracy(),
            100.0 * self.macro_f1,
            self.micros_per_utterance
        );
        let _ = writeln!(s, "\nper language:");
        for g in &self.languages {
            let _ = writeln!(
                s,
                "  {:<6} {:>6} {:>7.2} %",
                g.name,
                g.examples,
                100.0 * g.accuracy()
            );
        }
        let _ = writeln!(
            s,
            "\nper label:          support  precision  recall      F1"
        );
        for l in &self.labels {
            let _ = writeln!(
                s,
                "  {:<28} {:>5} {:>9.1} % {:>6.1} % {:>6.1} %",
                l.label,
                l.support,
                100.0 * l.precision,
                100.0 * l.recall,
                100.0 * l.f1
            );
        }
        let _ = writeln!(s, "\nworst confusions (gold → predicted):");
        for (gold, predicted, n) in self.confusions.iter().take(worst) {
            let _ = writeln!(s, "  {n:>4}  {gold} → {predicted}");
        }
        s
    }
}

/// Gold/predicted pairs collected while classifying.
#[derive(Debug, Default)]
struct Tally {
    outcomes: Vec<(String, String, String)>,
    seconds: f64,
}

impl Tally {
    fn classify(&mut self, examples: &[&Example], predict: &impl Fn(&Example) -> String) {
        let start = Instant::now();
        let predicted: Vec<String> = examples.iter().map(|e| predict(e)).collect();
        self.seconds += start.elapsed().as_secs_f64();
        for (e, p) in examples.iter().zip(predicted) {
            let lang = e.lang.clone().unwrap_or_else(|| "?".to_owned());
            self.outcomes.push((e.label.clone(), p, lang));
        }
    }

    fn report(&self) -> Report {
        let examples = self.outcomes.len();
        let correct = self.outcomes.iter().filter(|(g, p, _)| g == p).count();
        let mut langs: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        let mut confusions: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for (gold, predicted, lang) in &self.outcomes {
            let entry = langs.entry(lang).or_default();
            entry.0 += 1;
            entry.1 += usize::from(gold == predicted);
            if gold != predicted {
                *confusions.entry((gold, predicted)).or_default() += 1;
            }
        }
        let labels = self.label_scores();
        let macro_f1 = labels.iter().map(|l| l.f1).sum::<f64>() / labels.len().max(1) as f64;
        let mut confusions: Vec<_> = confusions
            .into_iter()
            .map(|((g, p), n)| (g.to_owned(), p.to_owned(), n))
            .collect();
        confusions.sort_by_key(|c| std::cmp::Reverse(c.2));
        Report {
            examples,
            correct,
            macro_f1,
            labels,
            languages: langs
                .into_iter()
                .map(|(name, (examples, correct))| GroupScore {
                    name: name.to_owned(),
                    examples,
                    correct,
                })
                .collect(),
            confusions,
            micros_per_utterance: 1e6 * self.seconds / examples.max(1) as f64,
        }
    }

    /// Precision, recall and F1 for every gold label.
    fn label_scores(&self) -> Vec<LabelScore> {
        // (support, predicted as this label, correct)
        let mut counts: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
        for (gold, predicted, _) in &self.outcomes {
            counts.entry(gold).or_default().0 += 1;
            counts.entry(predicted).or_default().1 += 1;
            if gold == predicted {
                counts.entry(gold).or_default().2 += 1;
            }
        }
        counts
            .into_iter()
            .filter(|(_, (support, _, _))| *support > 0)
            .map(|(label, (support, predicted, correct))| {
                let precision = correct as f64 / predicted.max(1) as f64;
                let recall = correct as f64 / support as f64;
                let sum = precision + recall;
                let f1 = if sum > 0.0 {
                    2.0 * precision * recall / sum
                } else {
                    0.0
                };
                LabelScore {
                    label: label.to_owned(),
                    support,
                    precision,
                    recall,
                    f1,
                }
            })
            .collect()
    }
}

/// Evaluates any predictor (a classifier, or a classifier with rules on top) on `examples`.
pub fn evaluate_with(examples: &[Example], predict: impl Fn(&Example) -> String) -> Report {
    let mut tally = Tally::default();
    tally.classify(&examples.iter().collect::<Vec<_>>(), &predict);
    tally.report()
}

/// Evaluates a trained classifier on `examples` (a per-language model is told each example's
/// language from the data).
pub fn evaluate(model: &TextClassifier, examples: &[Example]) -> Report {
    evaluate_with(examples, |e| {
        model.predict_label(&e.text, e.lang.as_deref()).to_owned()
    })
}

/// Stratified `folds`-fold cross-validation: every example is classified once by a model that
/// did not see it. Folds are deterministic for a fixed training seed.
pub fn cross_validate(
    examples: &[Example],
    folds: usize,
    config: &ClassifierConfig,
) -> Result<Report, EvalError> {
    if folds < 2 || folds > examples.len() {
        return Err(EvalError::Folds {
            folds,
            examples: examples.len(),
        });
    }
    let mut order: Vec<usize> = (0..examples.len()).collect();
    SplitMix(config.train.seed ^ 0xf01d).shuffle(&mut order);
    order.sort_by_key(|&i| examples.get(i).map(|e| e.label.as_str()));
    let mut fold_of = vec![0; examples.len()];
    for (position, &i) in order.iter().enumerate() {
        if let Some(f) = fold_of.get_mut(i) {
            *f = position % folds;
        }
    }
    let mut tally = Tally::default();
    for fold in 0..folds {
        let in_fold = |i: &usize| fold_of.get(*i) == Some(&fold);
        let train: Vec<Example> = (0..examples.len())
            .filter(|i| !in_fold(i))
            .filter_map(|i| examples.get(i).cloned())
            .collect();
        let test: Vec<&Example> = (0..examples.len())
            .filter(in_fold)
            .filter_map(|i| examples.get(i))
            .collect();
        let model = TextClassifier::train(&train, config)?;
        tally.classify(&test, &|e: &Example| {
            model.predict_label(&e.text, e.lang.as_deref()).to_owned()
        });
    }
    Ok(tally.report())
}
