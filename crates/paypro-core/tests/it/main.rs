//! paypro-core's integration tests, one binary (each a module; a binary per file linked the
//! whole stack once per file). `tests/tracing.rs` stays a binary of its own (see there).

#[cfg(feature = "client")]
#[path = "../support/mod.rs"]
mod support;

mod client;
mod derive;
mod fuzz;
mod notify_props;
mod order_props;
mod secrets;
mod sent_is_signed;
