//! The model file format: a hand-written little-endian binary layout, versioned and checksummed.
//!
//! ```text
//! magic "FDTXTCLF" | u32 format version | u64 payload length | payload | u64 FNV-1a of payload
//! payload: feature config, temperature, reject rule, labels, vocabulary keys + idf, bias, weights
//! ```
//! Binary because a model holds millions of weights (JSON would be several times larger and slower
//! to load); hand-written because the layout is a dozen fields and a serialisation dependency would
//! cost more compile time than it saves. Loading checks everything and fails with a typed error:
//! a corrupt or foreign file must never become a silently wrong classifier.

use std::path::Path;

use crate::classifier::TextClassifier;
use crate::features::FeatureConfig;
use crate::linear::LinearModel;
use crate::vectorizer::Vectorizer;

/// First bytes of every model file.
pub const MAGIC: [u8; 8] = *b"FDTXTCLF";
/// The format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 2;

/// Why a model file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file does not start with the model magic.
    #[error("not a fairdesk classifier model (bad magic bytes)")]
    NotAModel,
    /// The file was written in another format version.
    #[error("model format version {found} is not supported (this build reads version {supported})")]
    UnsupportedVersion {
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        supported: u32,
    },
    /// The file ends early.
    #[error("model file is truncated")]
    Truncated,
    /// The payload does not match its checksum.
    #[error("model file is corrupt (checksum mismatch)")]
    ChecksumMismatch,
    /// The payload is well-formed bytes but describes an impossible model.
    #[error("model file is invalid: {0}")]
    Invalid(&'static str),
}

impl TextClassifier {
    /// Writes the model to `path`.
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        write_file(path, &self.to_bytes())
    }

    /// Reads a model from `path`.
    pub fn load(path: &Path) -> Result<Self, ModelError> {
        Self::from_bytes(&read_file(path)?)
    }

    /// The model as file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let payload = self.payload();
        let mut out = Vec::with_capacity(payload.len() + 28);
        out.extend_from_slice(&MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&payload);
        out.extend_from_slice(&fnv1a(&payload).to_le_bytes());
        out
    }

    /// Reads a model from file bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut r = Reader(bytes);
        if r.take(MAGIC.len()).map_err(|_| ModelError::NotAModel)? != MAGIC {
            return Err(ModelError::NotAModel);
        }
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(ModelError::UnsupportedVersion {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        let len = usize::try_from(r.u64()?).map_err(|_| ModelError::Truncated)?;
        let payload = r.take(len)?;
        if r.u64()? != fnv1a(payload) {
            return Err(ModelError::ChecksumMismatch);
        }
        if !r.0.is_empty() {
            return Err(ModelError::Invalid("trailing bytes after the checksum"));
        }
        parse_payload(&mut Reader(payload))
    }

    fn payload(&self) -> Vec<u8> {
        let mut w = Vec::new();
        let f = self.vectorizer.config();
        w.extend_from_slice(&[f.char_min, f.char_max, f.word_max, f.pair_cut, f.pair_words]);
        w.push(u8::from(f.fold_digits));
        w.push(u8::from(self.per_lang));
        put_f32s(&mut w, &[self.temperature]);
        match self.reject {
            Some((label, below)) => {
                w.push(1);
                put_u64(&mut w, label as u64);
                put_f32s(&mut w, &[below]);
            }
            None => w.push(0),
        }
        put_u64(&mut w, self.labels.len() as u64);
        for label in &self.labels {
            put_u64(&mut w, label.len() as u64);
            w.extend_from_slice(label.as_bytes());
        }
        put_u64(&mut w, self.vectorizer.len() as u64);
        self.vectorizer
            .keys()
            .iter()
            .for_each(|k| put_u64(&mut w, *k));
        put_f32s(&mut w, self.vectorizer.idf());
        put_f32s(&mut w, self.model.bias());
        put_f32s(&mut w, self.model.weights());
        w
    }
}

fn parse_payload(r: &mut Reader<'_>) -> Result<TextClassifier, ModelError> {
    let head = r.take(7)?;
    let [
        char_min,
        char_max,
        word_max,
        pair_cut,
        pair_words,
        fold,
        per_lang,
    ] = *head
    else {
        return Err(ModelError::Truncated);
    };
    let temperature = r.f32s(1)?.first().copied().unwrap_or(0.0);
    let config = FeatureConfig {
        char_min,
        char_max,
        word_max,
        pair_cut,
        pair_words,
        fold_digits: fold != 0,
    };
    let reject = match r.take(1)? {
        [0] => None,
        _ => Some((r.len()?, r.f32s(1)?.first().copied().unwrap_or(0.0))),
    };
    let label_count = r.len()?;
    let mut labels = Vec::with_capacity(label_count.min(4096));
    for _ in 0..label_count {
        let len = r.len()?;
        let label = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError::Invalid("label"))?;
        labels.push(label.to_owned());
    }
    let features = r.len()?;
    let keys = (0..features)
        .map(|_| r.u64())
        .collect::<Result<Vec<_>, _>>()?;
    let idf = r.f32s(features)?;
    let bias = r.f32s(label_count)?;
    let weights = r.f32s(
        features
            .checked_mul(label_count)
            .ok_or(ModelError::Truncated)?,
    )?;
    if !r.0.is_empty() {
        return Err(ModelError::Invalid("payload longer than its contents"));
    }
    if labels.is_empty() || reject.is_some_and(|(i, _)| i >= labels.len()) {
        return Err(ModelError::Invalid("labels"));
    }
    if !(temperature.is_finite() && temperature > 0.0) {
        return Err(ModelError::Invalid("temperature"));
    }
    Ok(TextClassifier {
        labels,
        vectorizer: Vectorizer::from_parts(config, keys, idf),
        model: LinearModel::from_parts(weights, bias),
        temperature,
        reject,
        per_lang: per_lang != 0,
    })
}

/// Writes model bytes to `path`, naming the file in the error.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ModelError> {
    std::fs::write(path, bytes).map_err(|source| ModelError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// Reads model bytes from `path`, naming the file in the error.
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>, ModelError> {
    std::fs::read(path).map_err(|source| ModelError::Io {
        path: path.display().to_string(),
        source,
    })
}

fn put_u64(w: &mut Vec<u8>, v: u64) {
    w.extend_from_slice(&v.to_le_bytes());
}

fn put_f32s(w: &mut Vec<u8>, values: &[f32]) {
    values
        .iter()
        .for_each(|v| w.extend_from_slice(&v.to_le_bytes()));
}

/// FNV-1a, 64 bit, over little-endian 8-byte words (the tail padded with zeros) rather than bytes:
/// enough to catch corruption (not tampering), no dependency, and eight times fewer steps — a
/// model is tens of megabytes, and every process checks it at start.
fn fnv1a(bytes: &[u8]) -> u64 {
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    let mut last = [0u8; 8];
    last.get_mut(..tail.len())
        .unwrap_or_default()
        .copy_from_slice(tail);
    chunks
        .map(|c| <[u8; 8]>::try_from(c).map_or(0, u64::from_le_bytes))
        .chain((!tail.is_empty()).then(|| u64::from_le_bytes(last)))
        .fold(0xcbf2_9ce4_8422_2325, |h, w| {
            (h ^ w).wrapping_mul(0x0100_0000_01b3)
        })
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let (head, rest) = self.0.split_at_checked(n).ok_or(ModelError::Truncated)?;
        self.0 = rest;
        Ok(head)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let bytes = self
            .take(4)?
            .try_into()
            .map_err(|_| ModelError::Truncated)?;
        Ok(u32::from_le_bytes(bytes))
    }

    fn u64(&mut self) -> Result<u64, ModelError> {
        let bytes = self
            .take(8)?
            .try_into()
            .map_err(|_| ModelError::Truncated)?;
        Ok(u64::from_le_bytes(bytes))
    }

    /// A count, checked against the bytes left so a corrupt count cannot allocate wildly.
    fn len(&mut self) -> Result<usize, ModelError> {
        let n = usize::try_from(self.u64()?).map_err(|_| ModelError::Truncated)?;
        if n > self.0.len() {
            return Err(ModelError::Truncated);
        }
        Ok(n)
    }

    fn f32s(&mut self, n: usize) -> Result<Vec<f32>, ModelError> {
        let bytes = self.take(n.checked_mul(4).ok_or(ModelError::Truncated)?)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|c| <[u8; 4]>::try_from(c).map_or(0.0, f32::from_le_bytes))
            .collect())
    }
}
