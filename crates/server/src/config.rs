//! The service's configuration: flags and environment (read by the `fairdesk` binary) over an
//! optional TOML file over defaults. Unknown keys in the file are refused by name; the secret is
//! read from a file or the environment, never from the command line, and never logged.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use fairdesk_agent::AgentPolicy;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::token::Secret;

/// Limits and business rules of the service itself (the conversation policy is separate).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServiceLimits {
    /// Largest request body accepted, in bytes.
    pub body_bytes_max: usize,
    /// How long a customer token made by `fairdesk token` stays valid, in minutes.
    pub token_minutes: i64,
    /// How long an agent stays logged in, in hours.
    pub session_hours: i64,
    /// Mark session cookies `Secure` (serve over HTTPS behind a proxy); off for plain localhost.
    pub secure_cookies: bool,
    /// Affordability: a customer's outstanding balance plus a new purchase may not exceed this
    /// (minor units of the purchase's currency).
    pub credit_limit_minor: i64,
    /// Credit limits per currency (ISO code to minor units), overriding `credit_limit_minor`
    /// for the currencies named: 500 000 minor units are 5 000 EUR but only about 450 EUR as SEK.
    pub credit_limits_minor: std::collections::BTreeMap<String, i64>,
    /// How long a checkout consent lives, in minutes: the one the customer endpoint signs, and
    /// the longest a merchant's order may present.
    pub checkout_consent_minutes: i64,
    /// Nominal APR, in basis points, of the financing plans offered at checkout.
    pub financing_apr_nominal_bp: u32,
    /// Open WebSockets per process beyond which new ones are refused (503).
    pub websockets_max: i64,
    /// The longest lifetime a customer token may have, in minutes, however far its signed expiry
    /// lies: a leaked token is useless after this long.
    pub customer_token_minutes_max: i64,
    /// Live sessions per agent; a new login ends the oldest beyond it.
    pub agent_sessions_max: usize,
    /// Failed logins of one agent name before it is locked until a supervisor lifts the lock.
    pub login_failures_max: i64,
    /// The longest back-off after failed logins of one name or from one address, in seconds.
    pub login_backoff_seconds_max: i64,
    /// Password checks waiting for a hashing thread (one per core, at most 4) beyond which logins
    /// get 429.
    pub login_queue_max: usize,
    /// Open WebSockets per customer in this process (429 beyond).
    pub websockets_per_customer_max: i64,
    /// Conversations a customer may have open at once (not closed, and active in the last hour).
    pub open_conversations_per_customer_max: i64,
    /// Conversations a customer may start per rolling hour.
    pub conversations_per_customer_per_hour_max: i64,
    /// Conversations of one customer waiting in the human queue beyond which they may start no
    /// new conversation, and beyond which a further handoff of theirs waits behind everyone
    /// else's (lowest priority).
    pub queued_conversations_per_customer_max: i64,
    /// Messages a customer may send per rolling minute across all their conversations; beyond it
    /// they are refused (429) and not stored.
    pub customer_messages_per_minute_max: i64,
}

impl Default for ServiceLimits {
    fn default() -> Self {
        ServiceLimits {
            body_bytes_max: 64 * 1024,
            token_minutes: 60,
            session_hours: 8,
            secure_cookies: false,
            credit_limit_minor: 500_000,
            credit_limits_minor: std::collections::BTreeMap::new(),
            financing_apr_nominal_bp: 1_490,
            checkout_consent_minutes: 15,
            websockets_max: 20_000,
            customer_token_minutes_max: 24 * 60,
            agent_sessions_max: 5,
            login_failures_max: 10,
            login_backoff_seconds_max: 900,
            login_queue_max: 64,
            websockets_per_customer_max: 5,
            open_conversations_per_customer_max: 5,
            conversations_per_customer_per_hour_max: 30,
            queued_conversations_per_customer_max: 2,
            customer_messages_per_minute_max: 30,
        }
    }
}

impl ServiceLimits {
    /// The credit limit of purchases in `currency`, in its minor units.
    pub fn credit_limit(&self, currency: fairdesk_ledger::Currency) -> i64 {
        self.credit_limits_minor
            .get(currency.code())
            .copied()
            .unwrap_or(self.credit_limit_minor)
    }
}

/// The optional configuration file (`fairdesk serve --config FILE`); every key may be left out.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub db: Option<String>,
    pub bind: Option<String>,
    /// A file holding the token-signing secret (at least 32 bytes).
    pub secret_file: Option<PathBuf>,
    /// The conversation policy file (see docs/policy.example.toml).
    pub policy: Option<PathBuf>,
    #[serde(default)]
    pub limits: ServiceLimits,
    #[serde(default)]
    pub widget: WidgetConfig,
}

/// The chat widget: who may embed it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WidgetConfig {
    /// Origins of the lender's pages that may show the widget in a frame (`https://shop.example`,
    /// with a port where it is not the default), besides fairdesk's own; they go into the widget's
    /// `Content-Security-Policy: frame-ancestors`. Empty: only fairdesk's own pages.
    pub embed_origins: Vec<String>,
}

impl WidgetConfig {
    /// Refuses an origin that is not plain `scheme://host[:port]`: anything else (a path, a
    /// space, a `;`) would change the meaning of the security policy it is written into.
    pub fn check(&self) -> Result<(), String> {
        for origin in &self.embed_origins {
            let rest = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"));
            let plain = rest.is_some_and(|host| {
                !host.is_empty()
                    && host
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':'))
            });
            if !plain {
                return Err(format!(
                    "widget.embed_origins: {origin:?} is not an origin; write \
                     scheme://host[:port], e.g. \"https://shop.example\""
                ));
            }
        }
        Ok(())
    }
}

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("{0}")]
    Missing(String),
}

impl FileConfig {
    pub fn load(path: &Path) -> Result<FileConfig, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let invalid = |message: String| ConfigError::Invalid {
            path: path.display().to_string(),
            message,
        };
        let config: FileConfig = toml::from_str(&text).map_err(|e| invalid(e.to_string()))?;
        config.widget.check().map_err(invalid)?;
        Ok(config)
    }
}

/// Reads the signing secret from a file (trailing newline ignored).
pub fn read_secret(path: &Path) -> Result<Secret, ConfigError> {
    let text = std::fs::read(path).map_err(|source| ConfigError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let trimmed = text.trim_ascii_end().to_vec();
    Secret::new(trimmed).map_err(|e| ConfigError::Invalid {
        path: path.display().to_string(),
        message: e.to_string(),
    })
}

/// What the web pages need beyond the APIs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WebConfig {
    pub widget: WidgetConfig,
    /// Demo mode (`fairdesk demo`): the demo shop is served, which signs a token for any customer
    /// who is picked. Never on for a real lender.
    pub demo: bool,
}

/// Everything `serve` needs, resolved.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    pub db: String,
    pub bind: SocketAddr,
    pub secret: Secret,
    pub policy: AgentPolicy,
    pub limits: ServiceLimits,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_optional_in_every_key_and_strict_about_typos() {
        let empty: FileConfig = toml::from_str("").unwrap();
        assert_eq!(empty, FileConfig::default());
        let set: FileConfig =
            toml::from_str("bind = \"127.0.0.1:9000\"\n[limits]\nsession_hours = 2\n").unwrap();
        assert_eq!(set.limits.session_hours, 2);
        assert_eq!(
            set.limits.body_bytes_max,
            ServiceLimits::default().body_bytes_max
        );
        let typo = toml::from_str::<FileConfig>("[limits]\nsesion_hours = 2\n").unwrap_err();
        assert!(typo.to_string().contains("sesion_hours"), "{typo}");
    }

    #[test]
    fn embedding_origins_must_be_plain_origins() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fairdesk.toml");
        std::fs::write(
            &path,
            "[widget]\nembed_origins = [\"https://shop.example\", \"http://localhost:3000\"]\n",
        )
        .unwrap();
        let config = FileConfig::load(&path).unwrap();
        assert_eq!(config.widget.embed_origins.len(), 2);
        for bad in [
            "shop.example",
            "https://shop.example/path",
            "https://a.example; script-src *",
            "https://",
            "*",
        ] {
            std::fs::write(&path, format!("[widget]\nembed_origins = [{bad:?}]\n")).unwrap();
            let e = FileConfig::load(&path).unwrap_err().to_string();
            assert!(
                e.contains("embed_origins") && e.contains("fairdesk.toml"),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn credit_limits_are_per_currency_with_a_default() {
        let set: FileConfig = toml::from_str(
            "[limits]\ncredit_limit_minor = 100\n[limits.credit_limits_minor]\nSEK = 5000\n",
        )
        .unwrap();
        assert_eq!(
            set.limits.credit_limit(fairdesk_ledger::Currency::SEK),
            5_000
        );
        assert_eq!(set.limits.credit_limit(fairdesk_ledger::Currency::EUR), 100);
    }

    #[test]
    fn a_short_secret_file_is_refused_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret");
        std::fs::write(&path, "short\n").unwrap();
        let e = read_secret(&path).unwrap_err().to_string();
        assert!(e.contains("secret") && e.contains("32"), "{e}");
        std::fs::write(&path, format!("{}\n", "x".repeat(40))).unwrap();
        assert!(read_secret(&path).is_ok());
    }
}
