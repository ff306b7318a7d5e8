//! Localized replies from Fluent templates, one file per language in `locales/`.
//!
//! The templates are compiled into the binary and parsed once at start; a template that fails to
//! parse stops the start with the file named. Figures are passed in already formatted (see
//! [`crate::locale`]), so a template can word a sentence but never change a number.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use thiserror::Error;

use crate::locale::LANGUAGES;

const FILES: [(&str, &str); 11] = [
    ("en", include_str!("../locales/en.ftl")),
    ("sv", include_str!("../locales/sv.ftl")),
    ("nb", include_str!("../locales/nb.ftl")),
    ("da", include_str!("../locales/da.ftl")),
    ("fi", include_str!("../locales/fi.ftl")),
    ("de", include_str!("../locales/de.ftl")),
    ("nl", include_str!("../locales/nl.ftl")),
    ("pl", include_str!("../locales/pl.ftl")),
    ("fr", include_str!("../locales/fr.ftl")),
    ("es", include_str!("../locales/es.ftl")),
    ("it", include_str!("../locales/it.ftl")),
];

#[derive(Debug, Error)]
pub enum RepliesError {
    #[error("locales/{lang}.ftl: {message}")]
    Template { lang: String, message: String },
}

pub struct Replies {
    bundles: Vec<(&'static str, FluentBundle<FluentResource>)>,
}

impl std::fmt::Debug for Replies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Replies")
            .field("languages", &self.bundles.len())
            .finish()
    }
}

impl Replies {
    pub fn load() -> Result<Replies, RepliesError> {
        let mut bundles = Vec::new();
        for (lang, text) in FILES {
            let err = |message: String| RepliesError::Template {
                lang: lang.to_owned(),
                message,
            };
            let resource = FluentResource::try_new(text.to_owned())
                .map_err(|(_, errors)| err(format!("{errors:?}")))?;
            let id = lang.parse().map_err(|e| err(format!("{e}")))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .map_err(|errors| err(format!("{errors:?}")))?;
            bundles.push((lang, bundle));
        }
        Ok(Replies { bundles })
    }

    fn bundle(&self, lang: &str) -> Option<&FluentBundle<FluentResource>> {
        self.bundles
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, b)| b)
    }

    /// Renders message `id` in `lang` (falling back to English) with the given variables.
    pub fn render(&self, lang: &str, id: &str, vars: &[(&str, String)]) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in vars {
            args.set(*name, value.clone());
        }
        self.render_args(lang, id, &args)
    }

    /// Renders message `id` with one number, `name` = `count`: passed as a number, not a string,
    /// so the template can pick the language's plural form ("a minute", "4 minutes").
    pub fn render_count(&self, lang: &str, id: &str, name: &str, count: i64) -> String {
        let mut args = FluentArgs::new();
        args.set(name, count);
        self.render_args(lang, id, &args)
    }

    fn render_args(&self, lang: &str, id: &str, args: &FluentArgs) -> String {
        let lang = if LANGUAGES.contains(&lang) {
            lang
        } else {
            "en"
        };
        let found = self
            .bundle(lang)
            .and_then(|b| b.get_message(id).and_then(|m| m.value()).map(|p| (b, p)))
            .or_else(|| {
                let b = self.bundle("en")?;
                b.get_message(id).and_then(|m| m.value()).map(|p| (b, p))
            });
        let Some((bundle, pattern)) = found else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(args), &mut errors)
            .into_owned()
    }

    /// Every message id of the English master file.
    pub fn message_ids(&self) -> Vec<String> {
        let en = FILES.first().map_or("", |(_, t)| t);
        en.lines()
            .filter(|l| !l.starts_with('#') && l.contains(" = "))
            .filter_map(|l| l.split(" = ").next())
            .map(str::to_owned)
            .collect()
    }

    pub fn has(&self, lang: &str, id: &str) -> bool {
        self.bundle(lang).is_some_and(|b| b.has_message(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_message_of_the_english_master() {
        let r = Replies::load().unwrap();
        for lang in LANGUAGES {
            for id in r.message_ids() {
                assert!(r.has(lang, &id), "{lang} lacks {id}");
            }
        }
    }

    #[test]
    fn every_language_has_every_widget_message_and_none_is_left_in_english() {
        let r = Replies::load().unwrap();
        let widget: Vec<String> = r
            .message_ids()
            .into_iter()
            .filter(|id| id.starts_with("widget-"))
            .collect();
        assert!(widget.len() >= 30, "{widget:?}");
        for lang in LANGUAGES {
            for id in &widget {
                assert!(r.has(lang, id), "{lang} lacks {id}");
                let text = r.render_count(lang, id, "minutes", 4);
                assert!(!text.trim().is_empty(), "{lang}: {id} is empty");
                let english = r.render_count("en", id, "minutes", 4);
                // Short words may be the same ("Person" in Swedish); sentences never are.
                if lang != "en" && text.len() > 12 {
                    assert_ne!(text, english, "{lang}: {id} is still English");
                }
            }
        }
    }

    #[test]
    fn the_expected_wait_takes_the_plural_form_of_its_language() {
        let r = Replies::load().unwrap();
        let wait = |lang, n| r.render_count(lang, "widget-wait", "minutes", n);
        assert_eq!(wait("en", 1), "Expected wait: about a minute.");
        assert_eq!(wait("en", 4), "Expected wait: about 4 minutes.");
        assert_eq!(wait("de", 4), "Voraussichtliche Wartezeit: etwa 4 Minuten.");
        assert_eq!(
            wait("pl", 1),
            "Przewidywany czas oczekiwania: około minuty."
        );
    }

    #[test]
    fn variables_are_filled_and_unknown_languages_fall_back_to_english() {
        let r = Replies::load().unwrap();
        let text = r.render(
            "xx",
            "next-payment",
            &[
                ("merchant", "Nordic Shoes".to_owned()),
                ("amount", "SEK 250.00".to_owned()),
                ("date", "1 December 2026".to_owned()),
            ],
        );
        assert_eq!(
            text,
            "Your next payment for Nordic Shoes is SEK 250.00, due on 1 December 2026."
        );
    }
}
