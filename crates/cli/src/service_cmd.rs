//! `fairdesk serve`, and the commands that give people access to it: customer tokens for testing,
//! agent accounts, merchant API keys.

use std::io::{BufRead, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::{Duration, Utc};
use clap::{Args, Subcommand};
use fairdesk_agent::AgentPolicy;
use fairdesk_ledger::{Currency, CustomerId, IdempotencyKey, MerchantId, Operation, Policy};
use fairdesk_server::auth::{digest, hash_password, random_token};
use fairdesk_server::config::read_secret;
use fairdesk_server::{FileConfig, Secret, ServiceLimits, WebConfig};
use fairdesk_store::{AgentAccount, Role, Store};

const DEFAULT_DB: &str = "sqlite://fairdesk.db";
const DEFAULT_BIND: &str = "127.0.0.1:8080";

/// Where the token-signing secret comes from (shared by `serve` and `token`).
#[derive(Args, Debug, Clone)]
pub struct SecretArgs {
    /// A file holding the secret (at least 32 bytes). Or set FAIRDESK_SECRET.
    #[arg(long, env = "FAIRDESK_SECRET_FILE", value_name = "FILE")]
    secret_file: Option<PathBuf>,
}

impl SecretArgs {
    pub fn load(&self, from_config: Option<&Path>) -> Result<Secret> {
        if let Some(path) = self.secret_file.as_deref().or(from_config) {
            return Ok(read_secret(path)?);
        }
        match std::env::var("FAIRDESK_SECRET") {
            Ok(text) => Ok(Secret::new(text.into_bytes()).context("FAIRDESK_SECRET")?),
            Err(_) => bail!(
                "no token-signing secret: set FAIRDESK_SECRET (32+ characters, e.g. \
                 `export FAIRDESK_SECRET=$(openssl rand -hex 32)`) or pass --secret-file FILE"
            ),
        }
    }
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Database URL (default sqlite://fairdesk.db).
    #[arg(long, env = "FAIRDESK_DB")]
    db: Option<String>,
    /// Address to listen on; port 0 picks a free port (printed at start).
    #[arg(long, env = "FAIRDESK_BIND")]
    bind: Option<String>,
    /// The conversation policy file (TOML; see docs/policy.example.toml).
    #[arg(long, env = "FAIRDESK_POLICY")]
    policy: Option<PathBuf>,
    /// A TOML file with any of: db, bind, secret_file, policy, [limits].
    #[arg(long, env = "FAIRDESK_CONFIG")]
    config: Option<PathBuf>,
    #[command(flatten)]
    secret: SecretArgs,
    /// Log as JSON lines instead of text.
    #[arg(long, env = "FAIRDESK_LOG_JSON")]
    log_json: bool,
}

pub async fn serve(args: ServeArgs) -> Result<()> {
    let file = match &args.config {
        Some(path) => FileConfig::load(path)?,
        None => FileConfig::default(),
    };
    let db = args.db.or(file.db).unwrap_or_else(|| DEFAULT_DB.to_owned());
    let bind = args
        .bind
        .or(file.bind)
        .unwrap_or_else(|| DEFAULT_BIND.to_owned());
    let bind: SocketAddr = bind
        .parse()
        .with_context(|| format!("--bind {bind:?}: expected HOST:PORT, e.g. 127.0.0.1:8080"))?;
    let policy = match args.policy.or(file.policy) {
        Some(path) => AgentPolicy::from_file(&path)?,
        None => AgentPolicy::default(),
    };
    let secret = args.secret.load(file.secret_file.as_deref())?;
    init_logs(args.log_json, DEFAULT_LOG_LEVELS);
    let service = Service {
        db,
        bind,
        secret,
        policy,
        limits: file.limits,
        web: WebConfig {
            widget: file.widget,
            demo: false,
        },
    };
    run_service(service, |addr| {
        println!("fairdesk listening on http://{addr}");
        Ok(std::io::stdout().flush()?)
    })
    .await
}

/// What a running service is made of, resolved from flags, files and defaults.
pub struct Service {
    pub db: String,
    pub bind: SocketAddr,
    pub secret: Secret,
    pub policy: AgentPolicy,
    pub limits: ServiceLimits,
    pub web: WebConfig,
}

/// Opens the database, listens, tells `ready` the address, and serves until stopped.
pub async fn run_service(
    service: Service,
    ready: impl FnOnce(SocketAddr) -> Result<()>,
) -> Result<()> {
    let Service {
        db,
        bind,
        secret,
        policy,
        limits,
        web,
    } = service;
    let store = Store::open(&db, policy.ledger.clone())
        .await
        .with_context(|| format!("opening {db}"))?;
    let state = fairdesk_server::state(store, &db, secret, policy, limits, web).await?;
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("cannot listen on {bind}"))?;
    let addr = listener.local_addr()?;
    ready(addr)?;
    tracing::info!(%addr, backend = ?state.store().backend(), "serving");
    fairdesk_server::serve(listener, state).await?;
    Ok(())
}

/// Levels when `RUST_LOG` is not set: information, with sqlx's chatter kept to warnings.
const DEFAULT_LOG_LEVELS: &str = "info,sqlx=warn";

/// Logs go to stderr (stdout carries only the address line). `RUST_LOG` sets the levels per target
/// as `target=level` directives (e.g. `warn,access=info,audit=info`: the access log is target
/// `access`, security and money events `audit`); colour only when stderr is a terminal, so a log
/// file holds plain text.
pub fn init_logs(json: bool, default_levels: &str) {
    use std::io::IsTerminal;
    use tracing_subscriber::filter::Targets;
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    let levels = std::env::var("RUST_LOG").unwrap_or_else(|_| default_levels.to_owned());
    let filter: Targets = levels.parse().unwrap_or_else(|e| {
        eprintln!("RUST_LOG={levels:?} is not understood ({e}); using {default_levels:?}");
        default_levels.parse().unwrap_or_default()
    });
    let layer = tracing_subscriber::fmt::layer()
        .with_target(true)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    if json {
        tracing_subscriber::registry()
            .with(layer.json())
            .with(filter)
            .init();
    } else {
        tracing_subscriber::registry()
            .with(layer)
            .with(filter)
            .init();
    }
}

#[derive(Args, Debug)]
pub struct TokenArgs {
    /// The customer the token names.
    #[arg(long)]
    customer: CustomerId,
    /// Minutes until it expires.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(i64).range(1..=525_600))]
    minutes: i64,
    #[command(flatten)]
    secret: SecretArgs,
}

/// Prints a customer token, as the lender's site would sign it.
pub fn token(args: &TokenArgs) -> Result<()> {
    let secret = args.secret.load(None)?;
    println!(
        "{}",
        secret.sign(&args.customer, Utc::now() + Duration::minutes(args.minutes))
    );
    Ok(())
}

#[derive(Subcommand, Debug)]
pub enum AgentCommand {
    /// Create a human agent's account. The password comes from FAIRDESK_AGENT_PASSWORD or stdin.
    Add {
        #[arg(long, env = "FAIRDESK_DB", default_value = DEFAULT_DB)]
        db: String,
        #[arg(long)]
        name: String,
        /// `agent` (works the conversations they claim) or `supervisor` (any).
        #[arg(long, default_value = "agent")]
        role: Role,
    },
}

/// Shortest password accepted for an agent account.
const PASSWORD_CHARS_MIN: usize = 10;

pub async fn agent(cmd: AgentCommand) -> Result<()> {
    let AgentCommand::Add { db, name, role } = cmd;
    if name.trim().is_empty() || name.len() > 64 {
        bail!("--name must have 1 to 64 characters");
    }
    let password = match std::env::var("FAIRDESK_AGENT_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprintln!("password for {name} (one line on stdin):");
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    if password.chars().count() < PASSWORD_CHARS_MIN {
        bail!("the password must have at least {PASSWORD_CHARS_MIN} characters");
    }
    let store = Store::open(&db, Policy::default()).await?;
    let id = add_agent(&store, &name, &password, role).await?;
    println!("agent {name} added ({id}, {})", role.as_str());
    Ok(())
}

/// Adds an agent account with a new random id; the id.
pub async fn add_agent(store: &Store, name: &str, password: &str, role: Role) -> Result<String> {
    let hash = hash_password(password).map_err(anyhow::Error::msg)?;
    let id = format!("ag-{}", random_hex()?.get(..12).unwrap_or_default());
    store
        .add_agent(&AgentAccount {
            id: id.clone(),
            name: name.to_owned(),
            password_hash: hash,
            role,
            created_at: Utc::now(),
        })
        .await?;
    Ok(id)
}

/// 32 random bytes from the OS, hex.
pub fn random_hex() -> Result<String> {
    random_token().map_err(|e| anyhow::anyhow!("{}", e.message))
}

#[derive(Subcommand, Debug)]
pub enum MerchantCommand {
    /// Register a merchant and print its first API key.
    Add {
        #[arg(long, env = "FAIRDESK_DB", default_value = DEFAULT_DB)]
        db: String,
        /// The merchant's id, e.g. M-SE-42.
        #[arg(long)]
        id: MerchantId,
        #[arg(long)]
        name: String,
        /// ISO 3166-1 alpha-2, e.g. SE.
        #[arg(long)]
        country: String,
        /// The currency it sells in, e.g. SEK.
        #[arg(long)]
        currency: Currency,
    },
    /// Print a new API key for an existing merchant (e.g. one made by `seed`).
    Key {
        #[arg(long, env = "FAIRDESK_DB", default_value = DEFAULT_DB)]
        db: String,
        #[arg(long)]
        id: MerchantId,
    },
}

async fn issue_key(store: &Store, merchant: &MerchantId) -> Result<()> {
    let key = format!(
        "mk_{}",
        random_token().map_err(|e| anyhow::anyhow!("{}", e.message))?
    );
    store
        .add_merchant_key(&digest(&key), merchant, Utc::now())
        .await?;
    println!("{key}");
    eprintln!("(the key is shown once; fairdesk keeps only its hash)");
    Ok(())
}

pub async fn merchant(cmd: MerchantCommand) -> Result<()> {
    match cmd {
        MerchantCommand::Add {
            db,
            id,
            name,
            country,
            currency,
        } => {
            let store = Store::open(&db, Policy::default()).await?;
            let key: IdempotencyKey = format!("register-merchant:{id}").parse()?;
            let op = Operation::RegisterMerchant {
                merchant: id.clone(),
                name,
                country,
                currency,
            };
            store
                .execute(&key, &op, Utc::now().date_naive())
                .await
                .with_context(|| format!("registering merchant {id}"))?;
            issue_key(&store, &id).await
        }
        MerchantCommand::Key { db, id } => {
            let store = Store::open(&db, Policy::default()).await?;
            if store.merchant(&id).await?.is_none() {
                bail!("no merchant {id} in {db}");
            }
            issue_key(&store, &id).await
        }
    }
}
