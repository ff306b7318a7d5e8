//! Example files and evaluation: bad files give errors naming file and line; evaluation and
//! cross-validation count what they claim to.

use std::path::{Path, PathBuf};

use fairdesk_understand::eval::{EvalError, cross_validate, evaluate};
use fairdesk_understand::{ClassifierConfig, DataError, TextClassifier, read_all, read_examples};

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny.csv")
}

fn write_temp(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("fairdesk-data-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

fn error_of(name: &str, bytes: &[u8]) -> DataError {
    let path = write_temp(name, bytes);
    let err = read_examples(&path).unwrap_err();
    std::fs::remove_file(&path).unwrap();
    err
}

#[test]
fn the_fixture_reads_with_languages() {
    let examples = read_examples(&fixture()).unwrap();
    assert_eq!(examples.len(), 18);
    assert_eq!(examples[12].text, "hi, hello there");
    assert!(examples.iter().all(|e| e.lang.is_some()));
}

#[test]
fn binary_junk_is_not_text() {
    let err = error_of("junk.csv", &[0xff, 0xfe, 0x00, 0x9f, 0x92, 0x96]);
    assert!(matches!(err, DataError::NotText { .. }));
    assert!(err.to_string().contains("junk.csv"));
}

#[test]
fn an_empty_file_has_no_examples() {
    assert!(matches!(
        error_of("empty.csv", b""),
        DataError::Empty { .. }
    ));
    assert!(matches!(
        error_of("header.csv", b"text,label\n"),
        DataError::Empty { .. }
    ));
}

#[test]
fn a_bad_row_is_reported_with_its_line() {
    let err = error_of(
        "bad.csv",
        b"text,label\nhi,greeting\n\"unclosed,greeting\nbye,thanks\n",
    );
    assert!(
        err.to_string()
            .ends_with("bad.csv: line 3: unterminated quoted field"),
        "{err}"
    );
    let err = error_of("empty-label.csv", b"text,label\nhi,greeting\nbye,\n");
    assert!(
        err.to_string()
            .ends_with("empty-label.csv: line 3: empty text or label"),
        "{err}"
    );
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let err = read_all(&[Path::new("/nonexistent/train.csv")]).unwrap_err();
    assert!(matches!(err, DataError::Io { .. }));
    assert!(err.to_string().starts_with("/nonexistent/train.csv"));
}

#[test]
fn evaluation_counts_every_example_and_language() {
    let examples = read_examples(&fixture()).unwrap();
    let model =
        TextClassifier::train(&examples, &ClassifierConfig::for_examples(&examples, None)).unwrap();
    let report = evaluate(&model, &examples);
    assert_eq!(report.examples, 18);
    assert_eq!(
        report
            .languages
            .iter()
            .map(|l| l.name.as_str())
            .collect::<Vec<_>>(),
        ["en", "sv"]
    );
    // Training data is separable: a linear model must fit it.
    assert_eq!(report.correct, 18, "{}", report.render(5));
    assert!((report.macro_f1 - 1.0).abs() < 1e-9);
    assert!(report.render(3).contains("accuracy 100.00 %"));
}

#[test]
fn cross_validation_classifies_each_example_once() {
    let examples = read_examples(&fixture()).unwrap();
    let report = cross_validate(
        &examples,
        3,
        &ClassifierConfig::for_examples(&examples, None),
    )
    .unwrap();
    assert_eq!(report.examples, examples.len());
    assert_eq!(
        report.labels.iter().map(|l| l.support).sum::<usize>(),
        examples.len()
    );
}

#[test]
fn impossible_fold_counts_are_refused() {
    let examples = read_examples(&fixture()).unwrap();
    let config = ClassifierConfig::default();
    assert!(matches!(
        cross_validate(&examples, 1, &config),
        Err(EvalError::Folds { .. })
    ));
    assert!(matches!(
        cross_validate(&examples, 19, &config),
        Err(EvalError::Folds { .. })
    ));
}
