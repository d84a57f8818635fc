//! A bounded load run against the sandbox program on 127.0.0.1: `--clients` concurrent clients
//! make Indonesian pay-ins through the SDK's client for `--secs` seconds (at most
//! `--max-requests`), with a callback receiver on 127.0.0.1 answering `OK`. Prints throughput,
//! p50/p99/max latency, errors by class, callbacks received, and the sandbox's resident memory
//! (from /proc) before, after, and once the callbacks have come, when given its `--pid`.
//!
//! ```text
//! target/release/paypro-mock --port 18081 &
//! cargo run --release -p paypro-sandbox --example load -- --port 18081 --clients 50 --secs 60 --pid $!
//! ```
//!
//! The driver is `paypro_bench::load`, the one the sandbox throughput bench uses
//! (`cargo bench -p paypro-bench --bench sandbox`, the sandbox in-process); this is its entry
//! point for the sandbox as a program. Flags: `--port P` (18081), `--clients N` (50, at most
//! 500), `--secs S` (60, at most 300), `--max-requests N` (at most 1,000,000), `--amount A`
//! (1000), `--pid SANDBOX_PID`. Only 127.0.0.1 is targeted.

fn main() -> std::process::ExitCode {
    paypro_bench::load::main("load", paypro_bench::load::Options::program())
}
