//! The `fairdesk` binary: a thin layer of commands over the library crates.

fn main() {}
