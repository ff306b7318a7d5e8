//! `fairdesk intents …`: train, evaluate and try intent classifiers from the command line.
//!
//! A thin layer over `fairdesk-understand`, which holds the CSV reading, training, evaluation and
//! cross-validation (so tests cover them); this file parses arguments, loads models and prints.
//! BNPL data (every label a BNPL intent, every line with a language) trains a whole understander
//! — the same artifact as the built-in one; any other data (e.g. BANKING77) a plain classifier.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use fairdesk_understand::artifact::is_understander;
use fairdesk_understand::eval::{Report, cross_validate, evaluate, evaluate_with};
use fairdesk_understand::understander::bnpl_config;
use fairdesk_understand::{
    ClassifierConfig, DateOrder, Example, Installment, Intent, Reject, SlotContext, Slots,
    TextClassifier, Understander, extract_slots, read_all,
};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Value, json};

/// How many of the worst confusions an evaluation prints.
const WORST_CONFUSIONS: usize = 10;
/// How many labels `classify` prints.
const TOP_LABELS: usize = 5;
/// The longest line `classify --file` reads (longer lines are cut, as the chat would refuse them).
const LINE_BYTES_MAX: usize = 4000;

#[derive(clap::Subcommand, Debug)]
pub enum IntentsCommand {
    /// Train from CSV files (`text,label` or `text,category`, optional `lang`) and write a model
    /// file: a whole understander for BNPL data, a plain classifier otherwise.
    Train {
        /// Training files.
        #[arg(long = "data", value_name = "FILE", required = true, num_args = 1..)]
        data: Vec<PathBuf>,
        /// Where to write the model.
        #[arg(long, value_name = "MODEL")]
        out: PathBuf,
        /// Plain classifiers: answer this label when the top probability is below
        /// --reject-below (e.g. out_of_scope). BNPL understanders always reject to out_of_scope.
        #[arg(long, value_name = "LABEL")]
        reject_label: Option<String>,
        /// Probability below which --reject-label is answered.
        #[arg(long, value_name = "P", default_value_t = 0.3)]
        reject_below: f32,
    },
    /// Evaluate a model on a labelled file, or cross-validate on one file with --cv.
    Eval {
        /// Model file (default: the built-in BNPL understander).
        #[arg(long, value_name = "MODEL")]
        model: Option<PathBuf>,
        /// Labelled file.
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
        /// K-fold cross-validation on --data (trains K models; --model is not used).
        #[arg(long, value_name = "K")]
        cv: Option<usize>,
        /// Write one JSON line per message (as `classify --file`, plus the gold label) to this file.
        #[arg(long, value_name = "OUT")]
        predictions: Option<PathBuf>,
    },
    /// Classify one message, or every line of a file with --file (JSON lines out).
    Classify {
        /// Model file (default: the built-in BNPL understander).
        #[arg(long, value_name = "MODEL")]
        model: Option<PathBuf>,
        /// The message's language, for per-language plain classifiers (default: identified).
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// A text file with one message a line, or a CSV file with a `text` column; `-` is stdin.
        #[arg(long, value_name = "FILE", conflicts_with = "text")]
        file: Option<PathBuf>,
        /// The date relative dates are read from (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<NaiveDate>,
        /// The message.
        #[arg(required_unless_present = "file")]
        text: Option<String>,
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
            predictions,
        } => {
            if model.is_some() || predictions.is_some() {
                eprintln!(
                    "note: --cv trains its own models; --model and --predictions are ignored"
                );
            }
            let examples = read_all(&[&data])?;
            let started = Instant::now();
            let bar = spinner(&format!("{folds}-fold cross-validation"));
            let report = cross_validate(
                &examples,
                folds,
                &ClassifierConfig::for_examples(&examples, None),
            )?;
            bar.finish_and_clear();
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
            predictions,
        } => eval(model.as_deref(), &data, predictions.as_deref()),
        IntentsCommand::Classify {
            model,
            lang,
            file,
            as_of,
            text,
        } => {
            let model = Model::open(model.as_deref())?;
            let today = as_of.unwrap_or_else(|| chrono::Utc::now().date_naive());
            match (file, text) {
                (Some(file), _) => classify_file(&model, &file, lang.as_deref(), today),
                (None, Some(text)) => classify_one(&model, lang.as_deref(), &text, today),
                (None, None) => bail!("give a message or --file"),
            }
        }
    }
}

/// A loaded model: the built-in understander, one from a file, or a plain classifier.
enum Model {
    Understander(&'static Understander),
    Classifier(TextClassifier),
}

impl Model {
    fn open(path: Option<&Path>) -> Result<Model> {
        let Some(path) = path else {
            return Ok(Model::Understander(builtin()?));
        };
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read model {}", path.display()))?;
        let context = || format!("cannot load model {}", path.display());
        if is_understander(&bytes) {
            let u = Understander::from_bytes(&bytes).with_context(context)?;
            Ok(Model::Understander(Box::leak(Box::new(u))))
        } else {
            Ok(Model::Classifier(
                TextClassifier::from_bytes(&bytes).with_context(context)?,
            ))
        }
    }

    /// One message as a JSON object: text, language, intent (or label), confidence, top 3, slots.
    fn json(&self, text: &str, lang: Option<&str>, today: NaiveDate) -> Result<Value> {
        Ok(match self {
            Model::Understander(u) => {
                let r = u.understand(text);
                let ctx = SlotContext {
                    merchants: &[],
                    today,
                    date_order: DateOrder::DayMonth,
                };
                let slots = extract_slots(text, r.lang, &ctx);
                json!({
                    "text": text,
                    "language": r.lang.as_str(),
                    "intent": r.intent.as_str(),
                    "confidence": round(r.confidence),
                    "top": r.top.iter().map(|(i, p)| json!([i.as_str(), round(*p)])).collect::<Vec<_>>(),
                    "slots": slots_json(&slots),
                })
            }
            Model::Classifier(m) => {
                let lang = match lang {
                    Some(l) => Some(l.to_owned()),
                    None if m.per_lang() => builtin()?
                        .lang_id()
                        .identify(text)
                        .map(|(l, _)| l.as_str().to_owned()),
                    None => None,
                };
                let p = m.predict(text, lang.as_deref());
                json!({
                    "text": text,
                    "language": lang,
                    "intent": m.labels().get(p.label),
                    "confidence": round(p.confidence),
                    "top": m.top(text, lang.as_deref(), 3).iter().map(|(l, p)| json!([l, round(*p)])).collect::<Vec<_>>(),
                })
            }
        })
    }
}

fn builtin() -> Result<&'static Understander> {
    fairdesk_model::bnpl().context("cannot read the built-in BNPL model")
}

fn round(p: f32) -> f64 {
    (f64::from(p) * 1000.0).round() / 1000.0
}

fn slots_json(s: &Slots) -> Value {
    json!({
        "order_refs": s.order_refs,
        "amounts": s.amounts.iter().map(|a| json!({"amount_minor": a.amount_minor, "currency": a.currency})).collect::<Vec<_>>(),
        "dates": s.dates.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "postpone_by": s.postpone_by.map(|p| format!("{} {:?}", p.count, p.unit).to_lowercase()),
        "installment": s.installment.map(|i| match i {
            Installment::Number(n) => json!(n),
            Installment::Last => json!("last"),
            Installment::Next => json!("next"),
        }),
        "merchants": s.merchants.iter().map(|m| m.name.clone()).collect::<Vec<_>>(),
    })
}

fn train(data: &[PathBuf], out: &Path, reject: Option<Reject>) -> Result<()> {
    let examples = read_all(data)?;
    let started = Instant::now();
    if is_bnpl(&examples) {
        let bar = spinner("training the understander (language id + intents)");
        let model = Understander::train(&examples, &bnpl_config())?;
        bar.finish_and_clear();
        model.save(out)?;
        println!(
            "trained a BNPL understander on {} examples, {} intents, {} features in {:.1} s",
            examples.len(),
            model.intents().labels().len(),
            model.intents().features(),
            started.elapsed().as_secs_f64(),
        );
    } else {
        let config = ClassifierConfig::for_examples(&examples, reject);
        let bar = spinner("training the classifier");
        let model = TextClassifier::train(&examples, &config)?;
        bar.finish_and_clear();
        model.save(out)?;
        println!(
            "trained on {} examples, {} labels, {} features{} in {:.1} s; temperature {:.3}",
            examples.len(),
            model.labels().len(),
            model.features(),
            if config.per_lang {
                " (per language)"
            } else {
                ""
            },
            started.elapsed().as_secs_f64(),
            model.temperature(),
        );
    }
    println!("wrote {}", out.display());
    Ok(())
}

/// BNPL data: every label a BNPL intent and every line with a language.
fn is_bnpl(examples: &[Example]) -> bool {
    examples
        .iter()
        .all(|e| e.lang.is_some() && e.label.parse::<Intent>().is_ok())
}

fn eval(model: Option<&Path>, data: &Path, predictions: Option<&Path>) -> Result<()> {
    let examples = read_all(&[data])?;
    let model = Model::open(model)?;
    let report = match &model {
        Model::Understander(u) => {
            evaluate_with(&examples, |e| u.understand(&e.text).intent.to_string())
        }
        Model::Classifier(m) => evaluate(m, &examples),
    };
    if let Some(path) = predictions {
        let today = chrono::Utc::now().date_naive();
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?,
        );
        for e in &examples {
            let mut line = model.json(&e.text, e.lang.as_deref(), today)?;
            if let Some(obj) = line.as_object_mut() {
                obj.insert("gold".to_owned(), json!(e.label));
            }
            writeln!(out, "{line}")?;
        }
        out.flush()?;
    }
    print_report(&report);
    Ok(())
}

fn classify_one(model: &Model, lang: Option<&str>, text: &str, today: NaiveDate) -> Result<()> {
    let v = model.json(text, lang, today)?;
    let field = |k: &str| v.get(k).cloned().unwrap_or(Value::Null);
    if let Model::Understander(u) = model {
        let r = u.understand(text);
        println!("language {} ({:.2})", r.lang, r.lang_confidence);
        let forced = if r.forced_human {
            ", forced by the human lexicon"
        } else {
            ""
        };
        println!("intent   {} ({:.2}{forced})", r.intent, r.confidence);
        for (intent, p) in &r.top {
            println!("  {p:.3}  {intent}");
        }
        println!("slots    {}", field("slots"));
    } else {
        println!("label {} ({})", field("intent"), field("confidence"));
        if let Model::Classifier(m) = model {
            for (label, p) in m.top(text, lang, TOP_LABELS) {
                println!("  {p:.3}  {label}");
            }
        }
    }
    Ok(())
}

/// Classifies every message of a text file (one a line) or a CSV file with a `text` column.
fn classify_file(model: &Model, file: &Path, lang: Option<&str>, today: NaiveDate) -> Result<()> {
    let content = if file == Path::new("-") {
        let mut s = String::new();
        for line in std::io::stdin().lock().lines() {
            s.push_str(&line.context("stdin is not UTF-8 text")?);
            s.push('\n');
        }
        s
    } else {
        std::fs::read_to_string(file)
            .with_context(|| format!("cannot read {} as UTF-8 text", file.display()))?
    };
    let texts = messages_of(&file.display().to_string(), &content)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for text in texts {
        writeln!(out, "{}", model.json(&text, lang, today)?)?;
    }
    out.flush()?;
    Ok(())
}

/// The messages of a file: a CSV's `text` column when the first line is a header naming one,
/// otherwise every non-empty line.
fn messages_of(name: &str, content: &str) -> Result<Vec<String>> {
    let first = content.lines().next().unwrap_or_default();
    if first
        .split(',')
        .any(|c| c.trim().trim_matches('"') == "text")
    {
        return Ok(fairdesk_understand::dataset::parse_texts(name, content)?);
    }
    Ok(content
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| cut(l, LINE_BYTES_MAX).to_owned())
        .collect())
}

fn cut(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// A spinner with the elapsed time on a terminal; nothing when output is redirected.
fn spinner(what: &str) -> ProgressBar {
    let bar = ProgressBar::new_spinner().with_message(what.to_owned());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

fn print_report(report: &Report) {
    print!("{}", report.render(WORST_CONFUSIONS));
}
