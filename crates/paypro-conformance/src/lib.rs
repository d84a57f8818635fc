//! Tests that need every country crate at once (see `tests/`), and the Rust examples of the
//! top-level README and `docs/`, compiled and run as doctests so they stay true.

/// The top-level README's Rust examples.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The lifecycle guide's Rust examples (`docs/lifecycle.md`).
#[doc = include_str!("../../../docs/lifecycle.md")]
#[cfg(doctest)]
pub struct LifecycleDoctests;
