//! `fairdesk demo`: one command from a fresh clone to a working desk. It keeps everything in one
//! folder (the SQLite database, a generated secret, the demo logins), seeds a demo lender the first
//! time (with four weeks of past conversations for the operations dashboard), starts the server in
//! demo mode and prints the links that work. Running it again reuses the folder, so the
//! conversations of the last run are still there. `--traffic N` sends N simulated customers to chat
//! in the background (see [`crate::demo_traffic`]).

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::Utc;
use clap::Args;
use fairdesk_agent::AgentPolicy;
use fairdesk_server::config::read_secret;
use fairdesk_server::{ServiceLimits, WebConfig, WidgetConfig};
use fairdesk_store::{Role, Store};

use crate::service_cmd::{Service, add_agent, init_logs, random_hex, run_service};

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// The folder for the demo's database, secret and logins; reused when it exists.
    #[arg(long, default_value = "fairdesk-demo")]
    dir: PathBuf,
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// How many customers the demo lender gets (only when the folder is new).
    #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(20..=100_000))]
    customers: u32,
    /// Simulated customers who chat with the demo in the background, one after another (some
    /// resolve errands, some ask for a person), so the queue and the dashboard have life.
    #[arg(long, default_value_t = 0,
          value_parser = clap::value_parser!(u32).range(0..=i64::from(crate::demo_traffic::TRAFFIC_MAX)))]
    traffic: u32,
    /// The longest pause of a simulated customer before each message, in milliseconds.
    #[arg(long, default_value_t = 4_000, value_parser = clap::value_parser!(u64).range(1..=60_000))]
    traffic_pause_ms: u64,
}

/// The demo's people who log in, with their roles.
const LOGINS: [(&str, Role); 2] = [("anna", Role::Agent), ("sam", Role::Supervisor)];

/// Logs in demo mode: warnings only, so the links stay readable.
const DEMO_LOG_LEVELS: &str = "warn";

pub async fn run(args: DemoArgs) -> Result<()> {
    std::fs::create_dir_all(&args.dir)
        .with_context(|| format!("cannot create {}", args.dir.display()))?;
    let secret_path = args.dir.join("secret");
    if !secret_path.exists() {
        write_private(&secret_path, &random_hex()?)?;
    }
    let secret = read_secret(&secret_path)?;
    let db = format!("sqlite://{}", args.dir.join("fairdesk.db").display());
    let policy = AgentPolicy::default();
    let store = Store::open(&db, policy.ledger.clone())
        .await
        .with_context(|| format!("opening {db}"))?;
    if store.customer_ids(1).await?.is_empty() {
        let today = Utc::now().date_naive();
        crate::seed::run(&store, args.customers, 42, today).await?;
        crate::demo_history::seed(&store, 42, today).await?;
    }
    let mut logins = Vec::new();
    for (name, role) in LOGINS {
        logins.push((name, role, login(&store, &args.dir, name, role).await?));
    }
    init_logs(false, DEMO_LOG_LEVELS);
    let service = Service {
        db,
        bind: args.bind,
        secret,
        policy,
        limits: ServiceLimits::default(),
        web: WebConfig {
            widget: WidgetConfig::default(),
            demo: true,
        },
    };
    let dir = args.dir.clone();
    let traffic = match args.traffic {
        0 => None,
        n => Some((
            read_secret(&secret_path)?,
            store.customer_ids(n as usize).await?,
        )),
    };
    let (count, pause_ms_max) = (args.traffic, args.traffic_pause_ms);
    run_service(service, move |addr| {
        if let Some((secret, customers)) = traffic {
            tokio::spawn(async move {
                let sent =
                    crate::demo_traffic::run(addr, secret, customers, count, pause_ms_max).await;
                if let Err(e) = sent {
                    tracing::warn!(error = %e, "the simulated traffic stopped");
                }
            });
        }
        print_links(addr, &dir, &logins)
    })
    .await
}

fn print_links(addr: SocketAddr, dir: &Path, logins: &[(&str, Role, String)]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "fairdesk demo is running (data in {}; Ctrl-C stops it)",
        dir.display()
    )?;
    writeln!(
        out,
        "  demo shop with the chat widget: http://{addr}/demo/shop"
    )?;
    writeln!(
        out,
        "  agent console (anna):           http://{addr}/console"
    )?;
    writeln!(
        out,
        "  operations dashboard (sam):     http://{addr}/dashboard"
    )?;
    writeln!(
        out,
        "  API description:                http://{addr}/api/openapi.json"
    )?;
    writeln!(
        out,
        "  logins for the console, the dashboard and the agent API (POST /api/v1/agent/login):"
    )?;
    for (name, role, password) in logins {
        writeln!(out, "    {name} ({}): {password}", role.as_str())?;
    }
    out.flush()?;
    Ok(())
}

/// The password of demo login `name`: kept in the folder, and the account made if it is missing.
async fn login(store: &Store, dir: &Path, name: &str, role: Role) -> Result<String> {
    let path = dir.join(format!("{name}.password"));
    let password = match std::fs::read_to_string(&path) {
        Ok(text) => text.trim().to_owned(),
        Err(_) => {
            let password = random_hex()?.get(..16).unwrap_or_default().to_owned();
            write_private(&path, &password)?;
            password
        }
    };
    if store.agent_by_name(name).await?.is_none() {
        add_agent(store, name, &password, role).await?;
    }
    Ok(password)
}

/// Writes a new file only its owner may read (0600): secrets and passwords.
fn write_private(path: &Path, text: &str) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    writeln!(file, "{text}").with_context(|| format!("cannot write {}", path.display()))
}
