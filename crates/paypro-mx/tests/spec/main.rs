// @generated from spec/mx.toml by `cargo xtask gen`; do not edit.
//! Tests generated from the spec: a snapshot of every request's exact shape, the docs'
//! example key sets (the body, canonical string and sign are the generator's own oracle's),
//! every rule's rejection, and the docs' response and notification examples.

#[cfg(feature = "client")]
#[rustfmt::skip]
mod client;
#[rustfmt::skip]
mod examples;
#[rustfmt::skip]
mod requests;
#[rustfmt::skip]
mod responses;
#[cfg(feature = "client")]
#[rustfmt::skip]
mod sandbox;
