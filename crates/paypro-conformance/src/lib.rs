//! Tests that need every country crate at once (see `tests/`), and the top-level README's Rust
//! examples, compiled and run as doctests so they stay true.

/// The top-level README's Rust examples.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
