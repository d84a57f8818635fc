//! Every integration test of paypro-axum in one binary (one link instead of four). Each module
//! is one former test file; `example` is `examples/receiver.rs`, compiled in for them.

#[allow(dead_code)]
#[path = "../../examples/receiver.rs"]
mod example;

mod chaos;
mod extractor;
mod limits;
mod postgres_store;
mod processes;
mod receiver;
mod support;
