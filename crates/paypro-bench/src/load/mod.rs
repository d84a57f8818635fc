//! The one load driver: `--clients` concurrent SDK clients make Indonesian pay-ins against a
//! sandbox on 127.0.0.1 for at most `--secs` seconds and `--max-requests` pay-ins, with a
//! callback receiver on 127.0.0.1 answering `OK` ([`paypro_testkit::TestServer::counting`]).
//! It reports throughput, p50/p99/max latency, errors by class, callbacks received and, for a
//! sandbox program given with `--pid`, its resident memory.
//!
//! Two entry points call it, each with its own defaults ([`Options::program`],
//! [`Options::in_process`]):
//!
//! - `cargo run --release -p paypro-sandbox --example load -- --port 18081 --pid $!`: against
//!   the sandbox program (`paypro-mock`), for RELIABILITY.md's load rows;
//! - `cargo bench -p paypro-bench --bench sandbox`: against `paypro_mock::MockGateway` started
//!   in this process on a runtime of its own, for BENCHMARKS.md's sandbox throughput.
//!
//! Only 127.0.0.1 is targeted; every run is bounded (at most [`MAX_CLIENTS`] clients,
//! [`MAX_SECS`] seconds and [`MAX_REQUESTS`] pay-ins).
//!
//! - `options.rs`: the flags, their bounds and their errors;
//! - `report.rs`: what a run measured, its arithmetic (percentiles, rates) and how it prints;
//! - `run.rs`: the run itself.

mod options;
mod report;
mod run;

pub use options::{FlagError, MAX_CLIENTS, MAX_REQUESTS, MAX_SECS, Options, Sandbox};
pub use report::{ErrorClass, Latencies, Report, Rss, Tally, vm_rss_kib};
pub use run::{LoadError, main, run};
