//! The `fairdesk` binary: a thin layer of commands over the library crates.
//!
//! Commands take the database from `--db` (or `FAIRDESK_DB`) and today's date from `--as-of` (default:
//! the system clock), so demos and tests can move time without touching the clock.

mod bench;
mod demo_cmd;
mod demo_data;
mod demo_history;
mod demo_traffic;
mod eval_cmd;
mod intents;
mod rng;
mod seed;
mod service_cmd;
mod simulate;

use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use fairdesk_ledger::{Money, Policy};
use fairdesk_store::{AuditReport, Store};

#[derive(Parser, Debug)]
#[command(
    name = "fairdesk",
    version,
    about = "An open-source customer-service desk for a BNPL lender"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Debug, Clone)]
struct Db {
    /// Database URL: sqlite://PATH (a plain file path works too) or postgres://USER@HOST/DB.
    #[arg(long, env = "FAIRDESK_DB", default_value = "sqlite://fairdesk.db")]
    db: String,
}

#[derive(Args, Debug, Clone)]
struct Clock {
    /// The date the command acts on (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "DATE")]
    as_of: Option<NaiveDate>,
}

impl Clock {
    fn today(&self) -> NaiveDate {
        self.as_of
            .unwrap_or_else(|| chrono::Utc::now().date_naive())
    }
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Start a working desk in one step: a demo lender in ./fairdesk-demo, the server, and links.
    Demo(demo_cmd::DemoArgs),
    /// Build a realistic demo lender: customers in 11 countries, merchants, orders in every plan and state.
    Seed {
        #[command(flatten)]
        db: Db,
        #[command(flatten)]
        clock: Clock,
        /// How many customers to create.
        #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        customers: u32,
        /// The random seed; the same seed and date give the same lender.
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
    /// The daily collection job: capture due installments, record declined cards, assess late fees.
    Collect {
        #[command(flatten)]
        db: Db,
        #[command(flatten)]
        clock: Clock,
    },
    /// Inspect and exercise the ledger.
    #[command(subcommand)]
    Ledger(LedgerCommand),
    /// Evaluate the conversation engine.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Train, evaluate and try the intent classifier.
    #[command(subcommand)]
    Intents(intents::IntentsCommand),
    /// Serve the customer, agent and merchant APIs over HTTP and WebSocket.
    Serve(service_cmd::ServeArgs),
    /// Print a customer token signed with the server's secret (for testing and demos).
    Token(service_cmd::TokenArgs),
    /// Manage human agents' accounts.
    #[command(subcommand)]
    Agent(service_cmd::AgentCommand),
    /// Register merchants and issue their API keys.
    #[command(subcommand)]
    Merchant(service_cmd::MerchantCommand),
    /// Load benchmarks against a running server.
    #[command(subcommand)]
    Bench(bench::BenchCommand),
}

#[derive(Subcommand, Debug)]
enum EvalCommand {
    /// Run scenario files (or folders of them) through the engine; exit 1 if any fails.
    Scenarios {
        #[arg(required = true)]
        paths: Vec<std::path::PathBuf>,
        /// The policy file (TOML) to run under; default: the built-in policy.
        #[arg(long)]
        policy: Option<std::path::PathBuf>,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
        /// After the tables, print the conversation of every failing scenario.
        #[arg(long)]
        transcripts: bool,
    },
}

#[derive(Subcommand, Debug)]
enum LedgerCommand {
    /// Recompute every invariant from the stored postings; exit 1 on any violation.
    Audit {
        #[command(flatten)]
        db: Db,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Apply a deterministic stream of operations, printing `ack N` after each (for crash drills).
    Simulate {
        #[command(flatten)]
        db: Db,
        #[command(flatten)]
        clock: Clock,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// How many operations to apply.
        #[arg(long, default_value_t = 1_000)]
        ops: u64,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn open(db: &Db) -> Result<Store> {
    Store::open(&db.db, Policy::default())
        .await
        .with_context(|| format!("opening {}", db.db))
}

async fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Demo(args) => demo_cmd::run(args).await?,
        Command::Seed {
            db,
            clock,
            customers,
            seed,
        } => {
            seed::run(&open(&db).await?, customers, seed, clock.today()).await?;
        }
        Command::Collect { db, clock } => {
            let report = open(&db).await?.collect(clock.today()).await?;
            println!(
                "collection for {}: {} captured, {} declined, {} late fees, {} plans resumed, \
                 {} already done, {} refused",
                clock.today(),
                report.captured,
                report.declined,
                report.late_fees,
                report.resumed,
                report.replayed,
                report.refused
            );
        }
        Command::Ledger(LedgerCommand::Audit { db, json }) => {
            let report = open(&db).await?.audit().await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print_audit(&report);
            }
            if !report.is_clean() {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Intents(cmd) => intents::run(cmd)?,
        Command::Serve(args) => service_cmd::serve(args).await?,
        Command::Token(args) => service_cmd::token(&args)?,
        Command::Agent(cmd) => service_cmd::agent(cmd).await?,
        Command::Merchant(cmd) => service_cmd::merchant(cmd).await?,
        Command::Bench(cmd) => bench::run(cmd).await?,
        Command::Eval(EvalCommand::Scenarios {
            paths,
            policy,
            json,
            transcripts,
        }) => {
            return eval_cmd::scenarios(&paths, policy, json, transcripts).await;
        }
        Command::Ledger(LedgerCommand::Simulate {
            db,
            clock,
            seed,
            ops,
        }) => {
            simulate::run(&open(&db).await?, seed, ops, clock.today()).await?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_audit(r: &AuditReport) {
    println!(
        "operations: {} ({} accepted, {} refused); postings: {}; customers: {}; merchants: {}",
        r.operations, r.accepted, r.rejected, r.postings, r.customers, r.merchants
    );
    let statuses: Vec<String> = r
        .orders_by_status
        .iter()
        .map(|(s, n)| format!("{n} {s}"))
        .collect();
    println!("orders: {}", statuses.join(", "));
    println!(
        "{:<5} {:>18} {:>18} {:>18} {:>14} {:>14}",
        "", "receivable", "owed merchants", "cash", "interest", "fees"
    );
    for (currency, t) in &r.totals {
        let m = |minor: i64| Money::new(minor, *currency).to_string();
        println!(
            "{:<5} {:>18} {:>18} {:>18} {:>14} {:>14}",
            currency.code(),
            m(t.receivable_minor),
            m(-t.merchant_payable_minor),
            m(t.cash_minor),
            m(-t.interest_income_minor),
            m(-t.fee_income_minor)
        );
    }
    if r.is_clean() {
        println!("audit clean: every invariant holds");
    } else {
        println!("AUDIT FAILED: {} violation(s)", r.violations.len());
        for v in &r.violations {
            println!("  - {v}");
        }
    }
}
