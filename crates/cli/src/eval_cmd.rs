//! `fairdesk eval scenarios PATH...`: runs scenario files through the conversation engine and prints
//! tables per scenario, errand and language with pass^k (or JSON); exit 1 when any scenario fails.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use fairdesk_agent::AgentPolicy;
use fairdesk_eval::{Report, group, run_files};
use indicatif::{ProgressBar, ProgressStyle};

pub async fn scenarios(
    paths: &[PathBuf],
    policy: Option<PathBuf>,
    json: bool,
    transcripts: bool,
) -> Result<ExitCode> {
    let policy = match policy {
        Some(path) => AgentPolicy::from_file(&path)?,
        None => AgentPolicy::default(),
    };
    let total = fairdesk_eval::collect_files(paths)?.len();
    let bar = ProgressBar::new(total as u64).with_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} scenarios ({eta})")?
            .progress_chars("=> "),
    );
    bar.set_message("running");
    if json {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let report = run_files(paths, &policy, |_| bar.inc(1))
        .await
        .context("running scenarios")?;
    bar.finish_and_clear();
    if json {
        println!("{}", serde_json::to_string_pretty(&summary(&report))?);
    } else {
        print_tables(&report);
    }
    if transcripts && !json {
        for o in report.outcomes.iter().filter(|o| !o.pass_k()) {
            println!("\n== {} ({})", o.name, o.file);
            for f in &o.failures {
                println!("  ✗ {f}");
            }
            if let Some(t) = &o.transcript {
                print!("{t}");
            }
        }
    }
    Ok(if report.all_passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn median(mut v: Vec<i64>) -> i64 {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or(0)
}

fn percentile(mut v: Vec<i64>, p: usize) -> i64 {
    v.sort_unstable();
    let i = (v.len() * p / 100).min(v.len().saturating_sub(1));
    v.get(i).copied().unwrap_or(0)
}

fn summary(r: &Report) -> serde_json::Value {
    let times: Vec<i64> = r
        .outcomes
        .iter()
        .flat_map(|o| o.engine_us.clone())
        .collect();
    let passed = r.outcomes.iter().filter(|o| o.pass_k()).count();
    let turns: Vec<i64> = r
        .outcomes
        .iter()
        .filter(|o| o.pass_k() && !o.adversarial)
        .map(|o| o.customer_turns as i64)
        .collect();
    serde_json::json!({
        "scenarios": r.outcomes.len(),
        "passed_pass_k": passed,
        "adversarial": r.outcomes.iter().filter(|o| o.adversarial).count(),
        "median_customer_turns": median(turns),
        "engine_us_median": median(times.clone()),
        "engine_us_p95": percentile(times, 95),
        "by_errand": group(&r.outcomes, |o| o.errand.as_str()),
        "by_language": group(&r.outcomes, |o| o.language.as_str()),
        "outcomes": r.outcomes,
    })
}

fn print_tables(r: &Report) {
    println!(
        "{:<60} {:<22} {:<4} {:>7}",
        "scenario", "errand", "lang", "pass^k"
    );
    for o in &r.outcomes {
        let mark = if o.pass_k() { "ok" } else { "FAIL" };
        println!(
            "{:<60} {:<22} {:<4} {:>3}/{:<3} {mark}",
            truncate(&o.name, 60),
            o.errand,
            o.language,
            o.passed,
            o.k
        );
        for f in o.failures.iter().take(5) {
            println!("    - {f}");
        }
    }
    for (title, groups) in [
        ("errand", group(&r.outcomes, |o| o.errand.as_str())),
        ("language", group(&r.outcomes, |o| o.language.as_str())),
    ] {
        println!("\nper {title}:");
        for (key, (n, ok)) in groups {
            println!("  {key:<24} {ok}/{n}");
        }
    }
    let s = summary(r);
    println!(
        "\n{} scenarios, {} pass^k ({} adversarial); median customer turns per resolved errand: {}; \
         engine time per turn: median {} µs, p95 {} µs",
        s["scenarios"],
        s["passed_pass_k"],
        s["adversarial"],
        s["median_customer_turns"],
        s["engine_us_median"],
        s["engine_us_p95"]
    );
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        s.chars().take(n - 1).chain(['…']).collect()
    }
}
