//! Model files: a trained classifier survives a save/load round trip exactly, and every kind of
//! damaged or foreign file is refused with its own typed error.

use std::path::PathBuf;

use fairdesk_understand::format::{FORMAT_VERSION, MAGIC};
use fairdesk_understand::{ClassifierConfig, ModelError, Reject, TextClassifier, read_examples};

fn fixture_model() -> TextClassifier {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny.csv");
    let examples = read_examples(&path).unwrap();
    let reject = Some(Reject {
        label: "greeting".to_owned(),
        below: 0.2,
    });
    TextClassifier::train(
        &examples,
        &ClassifierConfig::for_examples(&examples, reject),
    )
    .unwrap()
}

fn temp_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("fairdesk-understand-{}-{name}", std::process::id()))
}

#[test]
fn a_saved_model_loads_back_and_predicts_identically() {
    let model = fixture_model();
    let path = temp_path("roundtrip.model");
    model.save(&path).unwrap();
    let loaded = TextClassifier::load(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(loaded.labels(), model.labels());
    assert_eq!(loaded.to_bytes(), model.to_bytes());
    for text in ["where's my parcel??", "refund pls", "hej", "", "🙂"] {
        assert_eq!(
            loaded.probabilities(text, Some("en")),
            model.probabilities(text, Some("en"))
        );
        assert_eq!(loaded.predict(text, None), model.predict(text, None));
    }
}

#[test]
fn training_is_deterministic() {
    assert_eq!(fixture_model().to_bytes(), fixture_model().to_bytes());
}

#[test]
fn a_flipped_byte_is_a_checksum_error() {
    let mut bytes = fixture_model().to_bytes();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    assert!(matches!(
        TextClassifier::from_bytes(&bytes),
        Err(ModelError::ChecksumMismatch)
    ));
}

#[test]
fn another_format_version_is_refused_with_both_versions_named() {
    let mut bytes = fixture_model().to_bytes();
    bytes[MAGIC.len()..MAGIC.len() + 4].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    let err = TextClassifier::from_bytes(&bytes).unwrap_err();
    assert!(matches!(
        err,
        ModelError::UnsupportedVersion { found, supported } if found == FORMAT_VERSION + 1 && supported == FORMAT_VERSION
    ));
    let found = FORMAT_VERSION + 1;
    assert!(
        err.to_string()
            .contains(&format!("version {found} is not supported")),
        "{err}"
    );
}

#[test]
fn a_truncated_file_is_refused() {
    let bytes = fixture_model().to_bytes();
    for len in [0, 4, MAGIC.len() + 2, 30, bytes.len() - 1] {
        let err = TextClassifier::from_bytes(&bytes[..len]).unwrap_err();
        assert!(
            matches!(err, ModelError::Truncated | ModelError::NotAModel),
            "{len}: {err}"
        );
    }
}

#[test]
fn other_files_are_not_models() {
    for junk in [
        &b"text,label\nhi,greeting\n"[..],
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        &[0u8; 64],
    ] {
        assert!(matches!(
            TextClassifier::from_bytes(junk),
            Err(ModelError::NotAModel)
        ));
    }
}

#[test]
fn trailing_garbage_is_refused() {
    let mut bytes = fixture_model().to_bytes();
    bytes.extend_from_slice(b"extra");
    assert!(matches!(
        TextClassifier::from_bytes(&bytes),
        Err(ModelError::Invalid(_))
    ));
}

#[test]
fn a_missing_file_names_the_path() {
    let err = TextClassifier::load(&temp_path("does-not-exist.model")).unwrap_err();
    assert!(matches!(err, ModelError::Io { .. }));
    assert!(err.to_string().contains("does-not-exist.model"));
}
