//! Prometheus metrics in the text exposition format: counters and histograms kept in atomics,
//! rendered on `/metrics`. Hand-written (a few dozen lines) rather than a metrics framework, to keep
//! the build small.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::Duration;

/// Latency buckets in seconds, from 250 µs to 10 s.
const BUCKETS: [f64; 14] = [
    0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

#[derive(Debug, Default)]
pub struct Histogram {
    counts: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    sum_micros: AtomicU64,
}

impl Histogram {
    pub fn observe(&self, d: Duration) {
        let seconds = d.as_secs_f64();
        for (bound, count) in BUCKETS.iter().zip(&self.counts) {
            if seconds <= *bound {
                count.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        let micros = u64::try_from(d.as_micros()).unwrap_or(u64::MAX);
        self.sum_micros.fetch_add(micros, Ordering::Relaxed);
    }

    fn render(&self, out: &mut String, name: &str, labels: &str) {
        let sep = if labels.is_empty() { "" } else { "," };
        for (bound, count) in BUCKETS.iter().zip(&self.counts) {
            let n = count.load(Ordering::Relaxed);
            let _ = writeln!(out, "{name}_bucket{{{labels}{sep}le=\"{bound}\"}} {n}");
        }
        let total = self.count.load(Ordering::Relaxed);
        let _ = writeln!(out, "{name}_bucket{{{labels}{sep}le=\"+Inf\"}} {total}");
        let sum = self.sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
        let braces = if labels.is_empty() {
            String::new()
        } else {
            format!("{{{labels}}}")
        };
        let _ = writeln!(out, "{name}_sum{braces} {sum}");
        let _ = writeln!(out, "{name}_count{braces} {total}");
    }
}

/// Counters keyed by one label value.
#[derive(Debug, Default)]
pub struct Counters(Mutex<BTreeMap<String, u64>>);

impl Counters {
    pub fn inc(&self, label: &str) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        *map.entry(label.to_owned()).or_insert(0) += 1;
    }

    pub fn get(&self, label: &str) -> u64 {
        let map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        map.get(label).copied().unwrap_or(0)
    }

    fn render(&self, out: &mut String, name: &str, label: &str) {
        let map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        for (value, n) in map.iter() {
            let _ = writeln!(out, "{name}{{{label}=\"{value}\"}} {n}");
        }
    }
}

#[derive(Debug, Default)]
pub struct Metrics {
    /// Messages by author (customer, bot, agent, system).
    pub messages: Counters,
    /// Handoffs to a person by reason.
    pub handoffs: Counters,
    /// Errands resolved, by who resolved them (bot, agent).
    pub resolutions: Counters,
    /// Turns by the understanding tier that read them (quick_reply, classifier).
    pub tiers: Counters,
    /// HTTP responses by status class (2xx, 4xx, 5xx).
    pub responses: Counters,
    /// Customer ratings by score.
    pub ratings: Counters,
    pub turn_seconds: Histogram,
    pub http_seconds: Histogram,
    pub websockets: AtomicI64,
}

/// Resident memory of this process in bytes (Linux), 0 where unknown.
pub fn rss_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096)
}

impl Metrics {
    pub fn render(&self, queue_length: usize) -> String {
        let mut out = String::new();
        let help = |out: &mut String, name: &str, kind: &str, text: &str| {
            let _ = writeln!(out, "# HELP {name} {text}\n# TYPE {name} {kind}");
        };
        help(
            &mut out,
            "fairdesk_messages_total",
            "counter",
            "Messages by author.",
        );
        self.messages
            .render(&mut out, "fairdesk_messages_total", "author");
        help(
            &mut out,
            "fairdesk_handoffs_total",
            "counter",
            "Handoffs to a person by reason.",
        );
        self.handoffs
            .render(&mut out, "fairdesk_handoffs_total", "reason");
        help(
            &mut out,
            "fairdesk_resolutions_total",
            "counter",
            "Errands resolved, by resolver.",
        );
        self.resolutions
            .render(&mut out, "fairdesk_resolutions_total", "by");
        help(
            &mut out,
            "fairdesk_tier_turns_total",
            "counter",
            "Turns by understanding tier.",
        );
        self.tiers
            .render(&mut out, "fairdesk_tier_turns_total", "tier");
        help(
            &mut out,
            "fairdesk_http_responses_total",
            "counter",
            "HTTP responses by class.",
        );
        self.responses
            .render(&mut out, "fairdesk_http_responses_total", "class");
        help(
            &mut out,
            "fairdesk_ratings_total",
            "counter",
            "Customer ratings by score.",
        );
        self.ratings
            .render(&mut out, "fairdesk_ratings_total", "score");
        help(
            &mut out,
            "fairdesk_turn_seconds",
            "histogram",
            "Engine time per customer turn.",
        );
        self.turn_seconds
            .render(&mut out, "fairdesk_turn_seconds", "");
        help(
            &mut out,
            "fairdesk_http_request_seconds",
            "histogram",
            "HTTP request latency.",
        );
        self.http_seconds
            .render(&mut out, "fairdesk_http_request_seconds", "");
        help(
            &mut out,
            "fairdesk_queue_length",
            "gauge",
            "Conversations waiting for a person.",
        );
        let _ = writeln!(out, "fairdesk_queue_length {queue_length}");
        help(
            &mut out,
            "fairdesk_websockets",
            "gauge",
            "Open WebSockets in this process.",
        );
        let _ = writeln!(
            out,
            "fairdesk_websockets {}",
            self.websockets.load(Ordering::Relaxed)
        );
        help(
            &mut out,
            "process_resident_memory_bytes",
            "gauge",
            "Resident memory.",
        );
        let _ = writeln!(out, "process_resident_memory_bytes {}", rss_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histograms_are_cumulative_and_counters_labelled() {
        let m = Metrics::default();
        m.turn_seconds.observe(Duration::from_micros(300));
        m.turn_seconds.observe(Duration::from_millis(20));
        m.handoffs.inc("explicit_request");
        m.handoffs.inc("explicit_request");
        let text = m.render(3);
        assert!(
            text.contains("fairdesk_turn_seconds_bucket{le=\"0.0005\"} 1"),
            "{text}"
        );
        assert!(
            text.contains("fairdesk_turn_seconds_bucket{le=\"0.025\"} 2"),
            "{text}"
        );
        assert!(
            text.contains("fairdesk_turn_seconds_bucket{le=\"+Inf\"} 2"),
            "{text}"
        );
        assert!(text.contains("fairdesk_turn_seconds_count 2"), "{text}");
        assert!(text.contains("fairdesk_handoffs_total{reason=\"explicit_request\"} 2"));
        assert!(text.contains("fairdesk_queue_length 3"));
    }
}
