//! Every integration test of paypro-axum in one binary (one link instead of four). Each module
//! is one former test file; `example` is `examples/receiver.rs`, compiled in for them; `pg` is
//! the Postgres server the Postgres tests use (and their stand-in for its restarts).

#[allow(dead_code)]
#[path = "../../examples/receiver.rs"]
mod example;

mod chaos;
mod extractor;
mod limits;
mod pg;
mod postgres_store;
mod processes;
mod receiver;
mod support;
