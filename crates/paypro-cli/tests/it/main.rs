//! Every integration test of paypro-cli in one binary (one link instead of one per file: less
//! time and disk for `cargo test`). Each module is one former test file.

mod cli;
mod common;
mod diagnostics;
mod doctor;
mod help;
mod notify_send;
mod notify_verify;
mod orders;
mod outcomes;
mod secrets;
mod streams;
mod timeout;
