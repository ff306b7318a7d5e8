//! Which language the chat widget speaks, and the switch that changes it (issue 12).
//!
//! The widget's words come from the same Fluent files as the assistant's replies. Its language is,
//! first to last: the one the customer picked in the switch (`?lang=`, also kept in the tab's
//! `sessionStorage` by `chat.js`, so it survives a reload), the browser's own list as the loader
//! read it from `navigator.languages` (`?languages=`), the browser's `Accept-Language`, and the
//! customer's language on file. The first of them the assistant speaks wins; a new conversation
//! starts in it, so the assistant answers in it too.

use fairdesk_agent::locale::LANGUAGES;
use fairdesk_agent::replies::Replies;
use maud::{Markup, html};

use crate::Shared;

/// The widget's words in one language: the `widget-*` messages of the Fluent files.
#[derive(Clone, Copy, Debug)]
pub(super) struct Words<'a> {
    pub(super) lang: &'static str,
    replies: &'a Replies,
}

impl<'a> Words<'a> {
    pub(super) fn new(state: &'a Shared, lang: &'static str) -> Words<'a> {
        Words {
            lang,
            replies: state.engine.replies(),
        }
    }

    pub(super) fn get(&self, id: &str) -> String {
        self.replies.render(self.lang, id, &[])
    }

    pub(super) fn with(&self, id: &str, vars: &[(&str, String)]) -> String {
        self.replies.render(self.lang, id, vars)
    }

    pub(super) fn count(&self, id: &str, name: &str, count: i64) -> String {
        self.replies.render_count(self.lang, id, name, count)
    }
}

/// The words `chat.js` fills in itself, with `{name}` and `{reason}` left for it to replace.
const SCRIPT_WORDS: [&str; 11] = [
    "widget-you",
    "widget-bot",
    "widget-agent",
    "widget-suggested",
    "widget-typing",
    "widget-typing-person",
    "widget-human",
    "widget-closed",
    "widget-not-sent",
    "widget-not-started",
    "widget-rating-not-saved",
];

pub(super) fn script_words(words: &Words<'_>) -> String {
    let vars = [
        ("name", "{name}".to_owned()),
        ("reason", "{reason}".to_owned()),
    ];
    let map: serde_json::Map<String, serde_json::Value> = SCRIPT_WORDS
        .iter()
        .map(|id| {
            let key = id.trim_start_matches("widget-").to_owned();
            (key, serde_json::Value::String(words.with(id, &vars)))
        })
        .collect();
    serde_json::Value::Object(map).to_string()
}

/// Each language's name in itself, as a speaker looks for it in a list: the same in every
/// language, so not translated.
const NAMES: [(&str, &str); 11] = [
    ("en", "English"),
    ("sv", "Svenska"),
    ("nb", "Norsk bokmål"),
    ("da", "Dansk"),
    ("fi", "Suomi"),
    ("de", "Deutsch"),
    ("nl", "Nederlands"),
    ("pl", "Polski"),
    ("fr", "Français"),
    ("es", "Español"),
    ("it", "Italiano"),
];

/// The languages a page may be asked for, strongest first: the customer's pick, the list from
/// `navigator.languages` (comma-separated), `Accept-Language` (quality values honoured by order:
/// browsers list the strongest first), and the customer's language on file.
#[derive(Debug, Default)]
pub(super) struct Asked<'a> {
    pub(super) chosen: Option<&'a str>,
    pub(super) browser: Option<&'a str>,
    pub(super) accept_language: Option<&'a str>,
    pub(super) on_file: &'a str,
}

/// The language the widget speaks: the first asked for that the assistant speaks, else English.
pub(super) fn negotiate(asked: &Asked<'_>) -> &'static str {
    let listed = |list: Option<&str>| -> Vec<String> {
        list.unwrap_or_default()
            .split(',')
            .map(|tag| tag.split(';').next().unwrap_or_default().trim().to_owned())
            .collect()
    };
    listed(asked.chosen)
        .into_iter()
        .chain(listed(asked.browser))
        .chain(listed(asked.accept_language))
        .chain(std::iter::once(asked.on_file.to_owned()))
        .find_map(|tag| supported(&tag))
        .unwrap_or("en")
}

/// The assistant's language for a tag such as `de-AT`, `sv` or `no` (Norwegian is bokmål here).
fn supported(tag: &str) -> Option<&'static str> {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let primary = match primary.as_str() {
        "no" | "nn" => "nb",
        other => other,
    };
    LANGUAGES.iter().copied().find(|l| *l == primary)
}

/// The switch: a labelled `<select>` of the languages, each named in itself, and a button that
/// shows the widget again in the chosen one. A plain form (GET `/widget`), so it works from the
/// keyboard and without JavaScript; `chat.js` keeps the choice for the next page load.
pub(super) fn switch(words: &Words, lang: &str, token: &str, conversation: Option<&str>) -> Markup {
    html! {
        form id="language-form" class="language" method="get" action="/widget" {
            input type="hidden" name="token" value=(token);
            @if let Some(id) = conversation {
                input type="hidden" name="conversation" value=(id);
            }
            label for="language" { (words.get("widget-language")) }
            select id="language" name="lang" {
                @for (code, name) in NAMES {
                    option value=(code) lang=(code) selected[code == lang] { (name) }
                }
            }
            button type="submit" { (words.get("widget-language-change")) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked<'a>(
        chosen: Option<&'a str>,
        browser: Option<&'a str>,
        accept_language: Option<&'a str>,
    ) -> Asked<'a> {
        Asked {
            chosen,
            browser,
            accept_language,
            on_file: "sv",
        }
    }

    #[test]
    fn the_customers_pick_wins_over_the_browser_and_the_browser_over_the_file() {
        assert_eq!(negotiate(&asked(Some("fr"), Some("de-DE,de"), None)), "fr");
        assert_eq!(negotiate(&asked(None, Some("de-DE,de"), Some("it"))), "de");
        assert_eq!(negotiate(&asked(None, None, Some("nl-BE,nl;q=0.9"))), "nl");
        assert_eq!(negotiate(&asked(None, None, None)), "sv");
    }

    #[test]
    fn languages_the_assistant_does_not_speak_are_passed_over() {
        assert_eq!(
            negotiate(&asked(Some("xx"), Some("ja,pt-BR,fi"), None)),
            "fi"
        );
        assert_eq!(negotiate(&asked(None, Some("no-NO"), None)), "nb");
        let nothing = Asked {
            on_file: "tlh",
            ..Asked::default()
        };
        assert_eq!(negotiate(&nothing), "en");
    }
}
