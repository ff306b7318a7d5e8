//! The help center: articles kept as Markdown files per language, chosen by keyword overlap with the
//! customer's question, with the policy's numbers filled in so an article always states the rules
//! actually enforced.

use fairdesk_ledger::Policy;

use crate::handoff::fold;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/help_articles.rs"));
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub lang: String,
    pub topic: String,
    pub title: String,
    pub keywords: Vec<String>,
    pub body: String,
}

#[derive(Clone, Debug, Default)]
pub struct HelpCenter {
    articles: Vec<Article>,
}

/// Splits `---` front matter (title, keywords) from the body.
fn parse(lang: &str, topic: &str, text: &str) -> Option<Article> {
    let rest = text.strip_prefix("---\n")?;
    let (front, body) = rest.split_once("\n---\n")?;
    let field = |name: &str| {
        front.lines().find_map(|l| {
            l.strip_prefix(name)
                .map(|v| v.trim_start_matches(':').trim().to_owned())
        })
    };
    Some(Article {
        lang: lang.to_owned(),
        topic: topic.to_owned(),
        title: field("title")?,
        keywords: field("keywords")?
            .split(',')
            .map(|k| fold(k.trim()))
            .filter(|k| !k.is_empty())
            .collect(),
        body: body.trim().to_owned(),
    })
}

impl HelpCenter {
    /// The articles compiled into the binary; an unparsable one is left out (a test checks none is).
    pub fn embedded() -> HelpCenter {
        let articles = embedded::ARTICLES
            .iter()
            .filter_map(|(l, t, text)| parse(l, t, text))
            .collect();
        HelpCenter { articles }
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The best article for `question` in `lang` (falling back to English), filled with `policy`.
    pub fn answer(&self, lang: &str, question: &str, policy: &Policy) -> Option<String> {
        let q = fold(question);
        let score = |a: &Article| {
            a.keywords
                .iter()
                .filter(|k| mentions(&q, k))
                .map(|k| k.len())
                .sum::<usize>()
        };
        let best = |l: &str| {
            self.articles
                .iter()
                .filter(|a| a.lang == l)
                .map(|a| (score(a), a))
                .filter(|(s, _)| *s > 0)
                .max_by_key(|(s, _)| *s)
                .map(|(_, a)| a)
        };
        let article = best(lang).or_else(|| best("en"))?;
        Some(format!(
            "{}\n\n{}",
            article.title,
            fill(&article.body, policy)
        ))
    }
}

/// Whether the folded question mentions a keyword, allowing inflected endings of long keywords
/// (Finnish "luottotarkistuksen" for "luottotarkistus", Polish "ratę" for "rata" stays exact).
fn mentions(question: &str, keyword: &str) -> bool {
    if question.contains(keyword) {
        return true;
    }
    let chars: Vec<char> = keyword.chars().collect();
    if chars.len() < 8 || keyword.contains(' ') {
        return false;
    }
    let stem: String = chars.iter().take(chars.len() - 2).collect();
    question.contains(&stem)
}

/// Replaces the policy placeholders of an article.
pub fn fill(body: &str, p: &Policy) -> String {
    body.replace("{grace_days}", &p.grace_days.to_string())
        .replace(
            "{late_fees_per_order_max}",
            &p.late_fees_per_order_max.to_string(),
        )
        .replace(
            "{late_fee_waivers_per_customer_max}",
            &p.late_fee_waivers_per_customer_max.to_string(),
        )
        .replace(
            "{due_date_move_days_max}",
            &p.due_date_move_days_max.to_string(),
        )
        .replace("{return_pause_days}", &p.return_pause_days.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_article_parses_and_every_language_has_every_topic() {
        let help = HelpCenter::embedded();
        let count = |lang: &str| help.articles().iter().filter(|a| a.lang == lang).count();
        let en = count("en");
        assert!(en >= 12, "English has {en} articles");
        for lang in crate::locale::LANGUAGES {
            assert_eq!(count(lang), en, "{lang} lacks articles");
        }
        let files = embedded::ARTICLES.len();
        assert_eq!(help.articles().len(), files, "an article failed to parse");
    }

    #[test]
    fn answers_pick_the_matching_article_and_fill_in_policy_numbers() {
        let help = HelpCenter::embedded();
        let policy = Policy {
            grace_days: 9,
            ..Policy::default()
        };
        let answer = help
            .answer("en", "why did I get a late fee?", &policy)
            .unwrap();
        assert!(answer.contains("9 days"), "{answer}");
        assert!(!answer.contains('{'), "{answer}");
        assert!(help.answer("en", "qwxz", &policy).is_none());
    }

    #[test]
    fn inflected_finnish_credit_questions_get_the_credit_check_article_not_financing() {
        let help = HelpCenter::embedded();
        for question in [
            "teettekö luottotarkistuksen kun ostan jotain?",
            "katsotteko mun luottotietoja kun maksan osissa?",
            "vaikuttaako teillä ostaminen luottotietoihin?",
        ] {
            let answer = help.answer("fi", question, &Policy::default()).unwrap();
            assert!(
                answer.starts_with("Luottotarkistus ja ostoraja\n"),
                "{question}: {answer}"
            );
        }
    }
}
