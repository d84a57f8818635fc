//! The client's overhead: `paypro_id::Client::query_pay_in` (sign, send, read, classify, type)
//! against raw reqwest posting the same pre-signed bytes and parsing the answer into a
//! `serde_json::Value`, on loopback against a trivial in-process server (the test server,
//! `paypro_testkit::TestServer::counting`: keep-alive, nothing stored; 127.0.0.1).
//! Sequential and with 32 concurrent tasks, interleaved rounds, one process:
//! `cargo bench -p paypro-bench --bench client [FILTER] [--rounds N]`.
//! `--only client|raw --iters N` makes N sequential calls of one kind (for callgrind).

use std::sync::Arc;
use std::time::Instant;

use paypro_bench::{ANSWER_QUERY_PAY_IN as ANSWER, Args, TIMESTAMP_MS, credentials, median};
use paypro_core::PreparedRequest;
use paypro_testkit::{Answer, TestServer};

const CONCURRENCY: usize = 32;

/// The fixed-answer server. This bench measures the client against raw reqwest (interleaved
/// ratios, its own harness); only the server is shared with the tests and the load driver.
async fn server() -> TestServer {
    TestServer::counting(|_| Answer::json(ANSWER)).await
}

struct Sides {
    client: paypro_id::Client,
    query: paypro_id::QueryPayInRequest,
    raw: reqwest::Client,
    url: String,
    prepared: PreparedRequest,
}

impl Sides {
    /// Both sides against `base` (`http://127.0.0.1:PORT`).
    fn new(base: &str) -> Arc<Sides> {
        let c = credentials();
        let config = paypro_id::Config::new(c.merchant_no(), c.secret().clone()).base_url(base);
        let query = paypro_id::QueryPayInRequest::builder()
            .trade_no("0b4ece82fa9749e8b8e57fa64931b7f8")
            .build()
            .expect("a valid query");
        let prepared = PreparedRequest::new(&query, &c, TIMESTAMP_MS);
        Arc::new(Sides {
            client: paypro_id::Client::new(config).expect("a client"),
            url: format!("{base}{}", prepared.path),
            raw: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("a reqwest client"),
            query,
            prepared,
        })
    }

    async fn client_call(&self) {
        let reply = self
            .client
            .query_pay_in(&self.query)
            .await
            .expect("accepted");
        std::hint::black_box(reply);
    }

    async fn raw_call(&self) {
        let mut http = self.raw.post(&self.url).body(self.prepared.body.clone());
        for (name, value) in &self.prepared.headers {
            http = http.header(*name, &**value);
        }
        let response = http.send().await.expect("answered");
        assert!(response.status().is_success());
        let bytes = response.bytes().await.expect("a body");
        let value: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
        std::hint::black_box(value);
    }
}

#[derive(Clone, Copy)]
enum Side {
    Client,
    Raw,
}

/// Nanoseconds per call for `calls` calls on `tasks` concurrent tasks.
async fn run(sides: &Arc<Sides>, side: Side, tasks: usize, calls: usize) -> f64 {
    let at = Instant::now();
    let mut handles = Vec::with_capacity(tasks);
    for t in 0..tasks {
        let sides = sides.clone();
        let share = calls / tasks + usize::from(t < calls % tasks);
        handles.push(tokio::spawn(async move {
            for _ in 0..share {
                match side {
                    Side::Client => sides.client_call().await,
                    Side::Raw => sides.raw_call().await,
                }
            }
        }));
    }
    for h in handles {
        h.await.expect("a task");
    }
    at.elapsed().as_nanos() as f64 / calls as f64
}

fn compare(
    rt: &tokio::runtime::Runtime,
    sides: &Arc<Sides>,
    name: &str,
    tasks: usize,
    calls: usize,
    rounds: usize,
) {
    // Warm both connection pools.
    rt.block_on(run(sides, Side::Client, tasks, tasks * 4));
    rt.block_on(run(sides, Side::Raw, tasks, tasks * 4));
    let (mut c, mut r, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let (client, raw) = if round % 2 == 0 {
            let client = rt.block_on(run(sides, Side::Client, tasks, calls));
            (client, rt.block_on(run(sides, Side::Raw, tasks, calls)))
        } else {
            let raw = rt.block_on(run(sides, Side::Raw, tasks, calls));
            (rt.block_on(run(sides, Side::Client, tasks, calls)), raw)
        };
        c.push(client);
        r.push(raw);
        // Throughput ratio: client calls/s ÷ raw calls/s.
        ratio.push(raw / client);
    }
    let (lo, hi) = (
        ratio.iter().copied().fold(f64::INFINITY, f64::min),
        ratio.iter().copied().fold(0.0, f64::max),
    );
    let (c, r, ratio) = (median(&mut c), median(&mut r), median(&mut ratio));
    println!(
        "{name:<44} client {:>7.0}/s  raw {:>7.0}/s  throughput ratio {ratio:.3} (rounds {rounds} x {calls} calls, min {lo:.3}, max {hi:.3})",
        1e9 / c,
        1e9 / r
    );
}

fn main() {
    let args = match Args::parse() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("{e}\nusage: client [FILTER] [--rounds N] | --only client|raw --iters N");
            std::process::exit(2);
        }
    };
    let server_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime");
    let fixed = server_rt.block_on(server());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime");
    let sides = Sides::new(fixed.url());
    if let Some((name, n)) = &args.only {
        let side = match name.as_str() {
            "client" => Side::Client,
            "raw" => Side::Raw,
            other => {
                eprintln!("unknown --only `{other}`: client, raw");
                std::process::exit(2);
            }
        };
        rt.block_on(run(&sides, side, 1, *n as usize));
        return;
    }
    let rounds = args.rounds.unwrap_or(201);
    let name = "id query_pay_in sequential (1 task)";
    if args.wants(name) {
        compare(&rt, &sides, name, 1, 50, rounds);
    }
    let name = "id query_pay_in concurrent (32 tasks)";
    if args.wants(name) {
        compare(&rt, &sides, name, CONCURRENCY, 320, rounds);
    }
}
