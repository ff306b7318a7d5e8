//! `fairdesk intents …`: train, evaluate and try intent classifiers from the command line.
//!
//! A thin layer over `fairdesk-understand`, which holds the CSV reading, training, evaluation and
//! cross-validation (so tests cover them); this file only parses arguments and prints.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use fairdesk_understand::eval::{Report, cross_validate, evaluate, evaluate_with};
use fairdesk_understand::{ClassifierConfig, Reject, TextClassifier, Understander, read_all};

/// How many of the worst confusions an evaluation prints.
const WORST_CONFUSIONS: usize = 10;
/// How many labels `classify` prints.
const TOP_LABELS: usize = 5;

#[derive(clap::Subcommand, Debug)]
pub enum IntentsCommand {
    /// Train a classifier from CSV files (`text,label` or `text,category`, optional `lang`) and
    /// write a model file.
    Train {
        /// Training files.
        #[arg(long = "data", value_name = "FILE", required = true, num_args = 1..)]
        data: Vec<PathBuf>,
        /// Where to write the model.
        #[arg(long, value_name = "MODEL")]
        out: PathBuf,
        /// Answer this label when the top probability is below --reject-below (e.g. out_of_scope).
        #[arg(long, value_name = "LABEL")]
        reject_label: Option<String>,
        /// Probability below which --reject-label is answered.
        #[arg(long, value_name = "P", default_value_t = 0.3)]
        reject_below: f32,
    },
    /// Evaluate a model on a labelled file, or cross-validate on one file with --cv.
    Eval {
        /// Model file (default: the built-in BNPL model with language id and human safety net).
        #[arg(long, value_name = "MODEL")]
        model: Option<PathBuf>,
        /// Labelled file.
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
        /// K-fold cross-validation on --data (trains K models; --model is not used).
        #[arg(long, value_name = "K")]
        cv: Option<usize>,
    },
    /// Classify one message.
    Classify {
        /// Model file (default: the built-in BNPL model).
        #[arg(long, value_name = "MODEL")]
        model: Option<PathBuf>,
        /// The message's language, for per-language models (default: identified).
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// The message.
        text: String,
    },
}

pub fn run(cmd: IntentsCommand) -> Result<()> {
    match cmd {
        IntentsCommand::Train {
            data,
            out,
            reject_label,
            reject_below,
        } => {
            let reject = reject_label.map(|label| Reject {
                label,
                below: reject_below,
            });
            train(&data, &out, reject)
        }
        IntentsCommand::Eval {
            model,
            data,
            cv: Some(folds),
        } => {
            if model.is_some() {
                eprintln!("note: --cv trains its own models; --model is ignored");
            }
            let examples = read_all(&[&data])?;
            let started = Instant::now();
            let report = cross_validate(
                &examples,
                folds,
                &ClassifierConfig::for_examples(&examples, None),
            )?;
            print_report(&report);
            println!(
                "{folds}-fold cross-validation took {:.1} s",
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        IntentsCommand::Eval {
            model,
            data,
            cv: None,
        } => {
            let examples = read_all(&[&data])?;
            let report = match model {
                Some(path) => evaluate(&load(&path)?, &examples),
                None => {
                    let understander = default_model()?;
                    evaluate_with(&examples, |e| {
                        understander.understand(&e.text).intent.to_string()
                    })
                }
            };
            print_report(&report);
            Ok(())
        }
        IntentsCommand::Classify { model, lang, text } => classify(model, lang, &text),
    }
}

fn train(data: &[PathBuf], out: &Path, reject: Option<Reject>) -> Result<()> {
    let examples = read_all(data)?;
    let config = ClassifierConfig::for_examples(&examples, reject);
    let started = Instant::now();
    let model = TextClassifier::train(&examples, &config)?;
    let seconds = started.elapsed().as_secs_f64();
    model.save(out)?;
    println!(
        "trained on {} examples, {} labels, {} features{} in {seconds:.1} s; temperature {:.3}",
        examples.len(),
        model.labels().len(),
        model.features(),
        if config.per_lang {
            " (per language)"
        } else {
            ""
        },
        model.temperature(),
    );
    println!("wrote {}", out.display());
    Ok(())
}

fn classify(model: Option<PathBuf>, lang: Option<String>, text: &str) -> Result<()> {
    let Some(path) = model else {
        let u = default_model()?.understand(text);
        println!("language {} ({:.2})", u.lang, u.lang_confidence);
        let forced = if u.forced_human {
            ", forced by the human lexicon"
        } else {
            ""
        };
        println!("intent   {} ({:.2}{forced})", u.intent, u.confidence);
        for (intent, p) in &u.top {
            println!("  {p:.3}  {intent}");
        }
        return Ok(());
    };
    let model = load(&path)?;
    let lang = match lang {
        Some(lang) => Some(lang),
        None if model.per_lang() => default_model()?
            .lang_id()
            .identify(text)
            .map(|(l, _)| l.as_str().to_owned()),
        None => None,
    };
    let prediction = model.predict(text, lang.as_deref());
    let label = model
        .labels()
        .get(prediction.label)
        .map_or("?", String::as_str);
    println!("label {label} ({:.2})", prediction.confidence);
    for (label, p) in model.top(text, lang.as_deref(), TOP_LABELS) {
        println!("  {p:.3}  {label}");
    }
    Ok(())
}

fn load(path: &Path) -> Result<TextClassifier> {
    TextClassifier::load(path).with_context(|| format!("cannot load model {}", path.display()))
}

fn default_model() -> Result<&'static Understander> {
    Understander::bnpl().context("cannot build the built-in BNPL model")
}

fn print_report(report: &Report) {
    print!("{}", report.render(WORST_CONFUSIONS));
}
