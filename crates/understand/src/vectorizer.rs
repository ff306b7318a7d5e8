//! Maps hashed feature keys to dense column indices and weights them (sublinear tf × idf,
//! L2-normalised).
//!
//! With a domain (the message's language), every feature also gets a domain-specific copy
//! ("frustratingly easy domain adaptation", Daumé 2007): one model learns what all languages
//! share and what each language does on its own, which measurably beats both one global model
//! and one model per language on the BNPL files.
//!
//! Only keys seen in training get a column, so a model stores weights for real features instead of
//! a large, mostly empty hash space, and collisions between features cannot happen. Idf weighting
//! keeps the hundreds of common character grams from drowning the few telling ones.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::features::{FeatureConfig, extract};

/// A message as the linear model sees it: sorted column indices and their values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVec {
    /// Column indices, ascending, unique.
    pub idx: Vec<u32>,
    /// Values, one per index.
    pub val: Vec<f32>,
}

/// Keys are already well-mixed 64-bit hashes, so hashing them again would only cost time.
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(*b) ^ (self.0 >> 56);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap = HashMap<u64, u32, BuildHasherDefault<KeyHasher>>;

/// The feature vocabulary of a trained model.
#[derive(Debug, Clone)]
pub struct Vectorizer {
    config: FeatureConfig,
    columns: KeyMap,
    keys: Vec<u64>,
    idf: Vec<f32>,
}

impl Vectorizer {
    /// Builds the vocabulary from training texts, keeping keys seen in at least `min_df` texts.
    pub fn fit<'a>(
        config: FeatureConfig,
        texts: impl Iterator<Item = (&'a str, Option<&'a str>)>,
        min_df: u32,
    ) -> Self {
        let mut df: KeyMap = KeyMap::default();
        let mut docs = 0u32;
        let mut buf = Vec::new();
        for (text, domain) in texts {
            docs += 1;
            buf.clear();
            keys_of(&config, text, domain, &mut buf);
            buf.sort_unstable();
            buf.dedup();
            for key in &buf {
                *df.entry(*key).or_insert(0) += 1;
            }
        }
        let mut kept: Vec<(u64, u32)> = df.into_iter().filter(|(_, n)| *n >= min_df).collect();
        kept.sort_unstable();
        let n = f64::from(docs.max(1));
        let keys: Vec<u64> = kept.iter().map(|(k, _)| *k).collect();
        let idf = kept
            .iter()
            .map(|(_, d)| ((1.0 + n) / (1.0 + f64::from(*d))).ln() as f32 + 1.0);
        Self::from_parts(config, keys, idf.collect())
    }

    /// Rebuilds a vectorizer from stored keys and idf weights (equal lengths, checked by the
    /// caller).
    pub fn from_parts(config: FeatureConfig, keys: Vec<u64>, idf: Vec<f32>) -> Self {
        let columns = keys.iter().zip(0u32..).map(|(k, i)| (*k, i)).collect();
        Self {
            config,
            columns,
            keys,
            idf,
        }
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the vocabulary is empty.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The feature configuration.
    pub fn config(&self) -> &FeatureConfig {
        &self.config
    }

    /// Whether `key` was seen in training (has a column).
    pub fn knows(&self, key: u64) -> bool {
        self.columns.contains_key(&key)
    }

    /// Column keys in column order.
    pub fn keys(&self) -> &[u64] {
        &self.keys
    }

    /// Idf weights in column order.
    pub fn idf(&self) -> &[f32] {
        &self.idf
    }

    /// The weighted, L2-normalised vector of `text`; unknown features are dropped.
    pub fn transform(&self, text: &str, domain: Option<&str>) -> SparseVec {
        let mut keys = Vec::with_capacity(512);
        keys_of(&self.config, text, domain, &mut keys);
        let mut cols: Vec<u32> = keys
            .iter()
            .filter_map(|k| self.columns.get(k).copied())
            .collect();
        cols.sort_unstable();
        let mut out = SparseVec::default();
        let mut run = cols.iter().peekable();
        while let Some(&col) = run.next() {
            let mut tf = 1.0f32;
            while run.next_if_eq(&&col).is_some() {
                tf += 1.0;
            }
            let idf = self.idf.get(col as usize).copied().unwrap_or(1.0);
            out.idx.push(col);
            out.val.push((1.0 + tf.ln()) * idf);
        }
        let norm = out.val.iter().map(|v| v * v).sum::<f32>().sqrt();
        if norm > 0.0 {
            out.val.iter_mut().for_each(|v| *v /= norm);
        }
        out
    }
}

/// The feature keys of `text`, plus their copies specific to `domain` when there is one.
fn keys_of(config: &FeatureConfig, text: &str, domain: Option<&str>, out: &mut Vec<u64>) {
    extract(config, text, out);
    if let Some(domain) = domain {
        let seed = domain.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        let general = out.len();
        for i in 0..general {
            if let Some(&key) = out.get(i) {
                out.push(mix(key ^ seed));
            }
        }
    }
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    z ^ (z >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transformed_vectors_are_unit_length_and_sorted() {
        let texts = ["where is my order", "refund please", "where is my refund"];
        let v = Vectorizer::fit(
            FeatureConfig::INTENTS,
            texts.into_iter().map(|t| (t, None)),
            1,
        );
        let x = v.transform("where is my refund?", None);
        let norm: f32 = x.val.iter().map(|v| v * v).sum();
        assert!((norm - 1.0).abs() < 1e-4);
        assert!(x.idx.windows(2).all(|w| w.first() < w.get(1)));
    }

    #[test]
    fn unseen_text_gives_an_empty_vector() {
        let v = Vectorizer::fit(FeatureConfig::INTENTS, [("abc", None)].into_iter(), 1);
        assert!(v.transform("ÿÿÿ", None).idx.is_empty());
    }

    #[test]
    fn a_domain_doubles_the_features_of_a_known_text() {
        let v = Vectorizer::fit(
            FeatureConfig::INTENTS,
            [("hej då", Some("sv"))].into_iter(),
            1,
        );
        let general = v.transform("hej då", None).idx.len();
        assert_eq!(v.transform("hej då", Some("sv")).idx.len(), 2 * general);
        assert_eq!(v.transform("hej då", Some("da")).idx.len(), general);
    }
}
