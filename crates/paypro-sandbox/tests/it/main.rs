//! Every integration test of paypro-sandbox in one binary (one link instead of one per file: less
//! time and disk for `cargo test`). Each module is one former test file.

mod browser;
mod common;
mod dashboard;
mod faults;
mod fuzz;
mod hostile;
mod limits;
mod placement;
mod sandbox;
