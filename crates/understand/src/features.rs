//! Turns a message into hashed feature keys: character n-grams across the padded text (so word
//! boundaries are part of the grams), word n-grams, and unordered pairs of (cut) words anywhere in
//! the message.
//!
//! Character grams carry misspellings, inflection and missing diacritics; word grams carry the
//! phrases; word pairs give the linear model the interactions it cannot learn by itself ("why" +
//! "verify" is another errand than "verify" + "my"): +0.6 points on BANKING77. Keys are 64-bit
//! hashes so no string is stored per feature; each kind hashes from its own seed so a word never
//! collides with the same letters as a character gram.

use crate::text::normalize;

/// Which features a model extracts. Stored in model files, so a loaded model extracts exactly
/// what it was trained on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FeatureConfig {
    /// Shortest character n-gram (0 disables character grams).
    pub char_min: u8,
    /// Longest character n-gram.
    pub char_max: u8,
    /// Longest word n-gram (0 disables word grams).
    pub word_max: u8,
    /// Words are cut to this many characters for pair features (0 disables pairs).
    pub pair_cut: u8,
    /// At most this many words of a message take part in pairs (bounds the quadratic cost).
    pub pair_words: u8,
    /// Replace digits by `0` before extracting.
    pub fold_digits: bool,
}

impl FeatureConfig {
    /// The configuration used for intents.
    pub const INTENTS: Self = Self {
        char_min: 1,
        char_max: 5,
        word_max: 2,
        pair_cut: 5,
        pair_words: 24,
        fold_digits: true,
    };
    /// The configuration used for language identification: character grams and words only.
    pub const LANGUAGES: Self = Self {
        char_min: 1,
        char_max: 4,
        word_max: 1,
        pair_cut: 0,
        pair_words: 0,
        fold_digits: true,
    };
}

const SEED_CHAR: u64 = 0x9e37_79b9_7f4a_7c15;
const SEED_WORD: u64 = 0xc2b2_ae3d_27d4_eb4f;
const SEED_PAIR: u64 = 0x1656_67b1_9e37_79f9;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Appends the feature keys of `text` to `out` (with repetitions; counting is the caller's job).
pub fn extract(config: &FeatureConfig, text: &str, out: &mut Vec<u64>) {
    let norm = normalize(text, config.fold_digits);
    if norm.is_empty() {
        return;
    }
    if config.char_min > 0 && config.char_max >= config.char_min {
        char_grams(config, &norm, out);
    }
    let words: Vec<&str> = norm.split(' ').collect();
    if config.word_max > 0 {
        word_grams(config.word_max, &words, out);
    }
    if config.pair_cut > 0 {
        let n = words.len().min(usize::from(config.pair_words));
        word_pairs(
            usize::from(config.pair_cut),
            words.get(..n).unwrap_or_default(),
            out,
        );
    }
}

fn char_grams(config: &FeatureConfig, norm: &str, out: &mut Vec<u64>) {
    let padded: Vec<char> = std::iter::once(' ')
        .chain(norm.chars())
        .chain([' '])
        .collect();
    let (min, max) = (usize::from(config.char_min), usize::from(config.char_max));
    for start in 0..padded.len() {
        let mut hash = SEED_CHAR;
        for (len, c) in padded.iter().skip(start).take(max).enumerate() {
            hash = fnv_char(hash, *c);
            if len + 1 >= min && !(len == 0 && *c == ' ') {
                out.push(finish(hash));
            }
        }
    }
}

fn word_grams(word_max: u8, words: &[&str], out: &mut Vec<u64>) {
    for start in 0..words.len() {
        let mut hash = SEED_WORD;
        for (len, word) in words
            .iter()
            .skip(start)
            .take(usize::from(word_max))
            .enumerate()
        {
            if len > 0 {
                hash = fnv_char(hash, ' ');
            }
            hash = word.chars().fold(hash, fnv_char);
            out.push(finish(hash));
        }
    }
}

/// Unordered pairs of words that are not adjacent (adjacent ones are bigrams already).
fn word_pairs(cut: usize, words: &[&str], out: &mut Vec<u64>) {
    let cut_words: Vec<u64> = words
        .iter()
        .map(|w| w.chars().take(cut).fold(SEED_PAIR, fnv_char))
        .collect();
    for (i, a) in cut_words.iter().enumerate() {
        for b in cut_words.iter().skip(i + 2) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            out.push(finish(finish(*lo).wrapping_add(hi.rotate_left(17))));
        }
    }
}

/// The key [`extract`] gives `word` (normalised) as a word unigram.
pub fn word_key(word: &str) -> u64 {
    finish(word.chars().fold(SEED_WORD, fnv_char))
}

/// The key [`extract`] gives the character gram `gram` (normalised, a space marking a word edge).
pub fn char_gram_key(gram: &[char]) -> u64 {
    finish(gram.iter().copied().fold(SEED_CHAR, fnv_char))
}

fn fnv_char(hash: u64, c: char) -> u64 {
    (hash ^ u64::from(u32::from(c))).wrapping_mul(FNV_PRIME)
}

/// A final mix (splitmix64) so that all 64 bits of a key are well distributed.
fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(config: &FeatureConfig, text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        extract(config, text, &mut out);
        out
    }

    #[test]
    fn same_text_gives_same_keys_and_case_does_not_matter() {
        let c = FeatureConfig::INTENTS;
        assert_eq!(
            keys(&c, "Where is my ORDER"),
            keys(&c, "where is my order!")
        );
    }

    #[test]
    fn gram_counts_follow_the_configuration() {
        let only_chars = FeatureConfig {
            char_max: 2,
            word_max: 0,
            pair_cut: 0,
            ..FeatureConfig::INTENTS
        };
        // " ab cd ef " → 6 letters + 9 bigrams (" a", "ab", "b ", " c", …).
        assert_eq!(keys(&only_chars, "ab cd ef").len(), 15);
        let only_words = FeatureConfig {
            char_min: 0,
            pair_cut: 0,
            ..FeatureConfig::INTENTS
        };
        // ab, cd, ef, "ab cd", "cd ef".
        assert_eq!(keys(&only_words, "ab cd ef").len(), 5);
        let only_pairs = FeatureConfig {
            char_min: 0,
            word_max: 0,
            ..FeatureConfig::INTENTS
        };
        // Only ab…ef is not adjacent.
        assert_eq!(keys(&only_pairs, "ab cd ef").len(), 1);
    }

    #[test]
    fn pairs_do_not_depend_on_word_order() {
        let c = FeatureConfig {
            char_min: 0,
            word_max: 0,
            ..FeatureConfig::INTENTS
        };
        let mut a = keys(&c, "why must verify");
        let mut b = keys(&c, "verify must why");
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b);
    }

    #[test]
    fn single_word_and_gram_keys_are_the_ones_extract_gives() {
        let words_only = FeatureConfig {
            char_min: 0,
            pair_cut: 0,
            word_max: 1,
            ..FeatureConfig::INTENTS
        };
        assert_eq!(keys(&words_only, "Hej!"), vec![word_key("hej")]);
        let trigrams_only = FeatureConfig {
            char_min: 3,
            char_max: 3,
            word_max: 0,
            pair_cut: 0,
            ..FeatureConfig::INTENTS
        };
        let expected: Vec<u64> = [[' ', 'a', 'b'], ['a', 'b', ' ']]
            .iter()
            .map(|g| char_gram_key(g))
            .collect();
        assert_eq!(keys(&trigrams_only, "ab"), expected);
    }

    #[test]
    fn empty_and_symbol_only_text_has_no_features() {
        assert!(keys(&FeatureConfig::INTENTS, "🙂 ?!").is_empty());
    }
}
