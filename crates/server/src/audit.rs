//! The audit log: security and money events (logins, lockouts, handoffs, claims, every money
//! action with its actor and idempotency key) go to the tracing target `audit`, so an operator can
//! route them apart from the rest (`RUST_LOG=audit=info`). Text from users is cleaned before it
//! is logged: no control characters (a newline would forge a log line), and a bounded length.

/// `text` without control characters, cut to `chars_max` characters.
pub fn clean(text: &str, chars_max: usize) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .take(chars_max)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_dropped_and_the_length_bounded() {
        assert_eq!(clean("anna\n2026 INFO forged", 8), "anna2026");
        assert_eq!(clean("a\u{1b}[31mb", 10), "a[31mb");
    }
}
