//! The sandbox's throughput: `paypro_mock::MockGateway` started in-process on 127.0.0.1 (on
//! its own runtime), driven by `--clients` concurrent SDK clients making Indonesian pay-ins
//! for at most `--secs` seconds and `--max-requests` pay-ins, with a callback receiver on
//! 127.0.0.1 answering `OK`. Prints pay-ins/s, p50/p99/max latency, errors by class and the
//! callbacks received (`--settle-ms 3600000` keeps every order processing, so no settling and
//! no callbacks):
//! `cargo bench -p paypro-bench --bench sandbox [-- --clients 50 --secs 10 --max-requests 200000]`.
//!
//! The driver is [`paypro_bench::load`], the one the sandbox program's load example uses
//! (`cargo run --release -p paypro-sandbox --example load`); this is its in-process entry point.
//! Flags: `--clients N` (50, at most 500), `--secs S` (10, at most 300), `--max-requests N`
//! (200,000, at most 1,000,000), `--amount A` (1000), `--threads T` (runtime threads for each
//! side, 1), `--settle-ms MS` (200).

fn main() -> std::process::ExitCode {
    paypro_bench::load::main("sandbox", paypro_bench::load::Options::in_process())
}
