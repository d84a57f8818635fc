//! The sandbox's throughput: `paypro_mock::MockGateway` started in-process on 127.0.0.1 (on
//! its own runtime), driven by `--clients` concurrent SDK clients making Indonesian pay-ins
//! for at most `--secs` seconds and `--max-requests` pay-ins, with a callback receiver on
//! 127.0.0.1 answering `OK`. Prints pay-ins/s, p50/p99/max latency and errors
//! (`--settle-ms 3600000` keeps every order processing, so no settling and no callbacks):
//! `cargo bench -p paypro-bench --bench sandbox [-- --clients 50 --secs 10 --max-requests 200000]`.

use std::net::Ipv4Addr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use paypro_bench::credentials;
use paypro_mock::{MockConfig, MockGateway};

struct Options {
    clients: usize,
    secs: u64,
    max_requests: u64,
    threads: usize,
    settle_ms: u64,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        clients: 50,
        secs: 10,
        max_requests: 200_000,
        threads: 1,
        settle_ms: 200,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--bench" {
            continue;
        }
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number = |max: u64| -> Result<u64, String> {
            let n: u64 = value
                .parse()
                .map_err(|_| format!("{flag} needs a whole number, got `{value}`"))?;
            if n == 0 || n > max {
                return Err(format!("{flag} must be between 1 and {max}, got {n}"));
            }
            Ok(n)
        };
        match flag.as_str() {
            "--clients" => o.clients = number(500)? as usize,
            "--secs" => o.secs = number(300)?,
            "--max-requests" => o.max_requests = number(1_000_000)?,
            "--threads" => o.threads = number(64)? as usize,
            "--settle-ms" => o.settle_ms = number(3_600_000)?,
            other => return Err(format!("unknown flag `{other}`")),
        }
    }
    Ok(o)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let o = options().map_err(|e| {
        format!("{e}\nusage: sandbox [--clients N<=500] [--secs S<=300] [--max-requests N] [--threads T (each side)] [--settle-ms MS (200)]")
    })?;
    // The sandbox on a runtime of its own, as if it were another process.
    let sandbox_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(o.threads)
        .enable_all()
        .build()?;
    let config = MockConfig::default()
        // Every order of the run is kept (none forgotten while it settles).
        .max_orders(o.max_requests as usize + 1000)
        // Above the client count, so the cap never answers 503 here.
        .max_connections(o.clients * 2 + 16)
        // How long an order stays processing; a long one leaves settling and callbacks out.
        .settle_after(Duration::from_millis(o.settle_ms));
    let gateway =
        sandbox_rt.block_on(MockGateway::start(config, &[&paypro_id::advanced::COUNTRY]))?;
    let base_url = gateway.base_url("id").ok_or("the sandbox serves id")?;

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(o.threads)
        .enable_all()
        .build()?;
    rt.block_on(async move {
        // The callback receiver: answers `OK` to every notification.
        let received = Arc::new(AtomicU64::new(0));
        let count = received.clone();
        let app = axum::Router::new().fallback(axum::routing::post(move || {
            count.fetch_add(1, Ordering::Relaxed);
            async { "OK" }
        }));
        let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let notify = listener.local_addr()?;
        tokio::spawn(async move { axum::serve(listener, app).await });

        let c = credentials();
        let client = paypro_id::Client::new(
            paypro_id::Config::new(c.merchant_no(), c.secret().clone())
                .base_url(base_url)
                .request_timeout(Duration::from_secs(10)),
        )?;
        let started = Instant::now();
        let until = started + Duration::from_secs(o.secs);
        let sent = Arc::new(AtomicU64::new(0));
        let mut tasks = Vec::new();
        for worker in 0..o.clients {
            let (client, sent) = (client.clone(), sent.clone());
            let notify_url = format!("http://{notify}/notify");
            let max = o.max_requests;
            tasks.push(tokio::spawn(async move {
                let (mut latencies_us, mut errors) = (Vec::new(), Vec::new());
                let mut n = 0u64;
                while Instant::now() < until && sent.fetch_add(1, Ordering::Relaxed) < max {
                    n += 1;
                    let request = paypro_id::PayInRequest::builder()
                        .trade_no(format!("bench-{worker}-{n}"))
                        .username("kevin")
                        .mobile("6281245907765")
                        .email("kevin@example.com")
                        .channel_code(paypro_id::pay_in::ChannelCode::Ewallet)
                        .amount(1000)
                        .notify_url(notify_url.as_str())
                        .build()
                        .expect("a valid request");
                    let at = Instant::now();
                    match client.pay_in(&request).await {
                        Ok(_) => latencies_us.push(at.elapsed().as_micros() as u64),
                        Err(e) => errors.push(e.to_string()),
                    }
                }
                (latencies_us, errors)
            }));
        }
        let (mut latencies, mut errors) = (Vec::new(), Vec::new());
        for task in tasks {
            let (l, e) = task.await?;
            latencies.extend(l);
            errors.extend(e);
        }
        let elapsed = started.elapsed().as_secs_f64();
        latencies.sort_unstable();
        let pct = |p: f64| {
            if latencies.is_empty() {
                0.0
            } else {
                latencies[((latencies.len() - 1) as f64 * p).round() as usize] as f64 / 1000.0
            }
        };
        println!(
            "sandbox id pay-in, {} clients, {} thread(s) per side: {} answered in {elapsed:.1} s = {:.0}/s, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms, {} errors, {} callbacks received so far",
            o.clients,
            o.threads,
            latencies.len(),
            latencies.len() as f64 / elapsed,
            pct(0.50),
            pct(0.99),
            pct(1.0),
            errors.len(),
            received.load(Ordering::Relaxed),
        );
        for e in errors.iter().take(3) {
            println!("  error: {e}");
        }
        Ok::<_, Box<dyn std::error::Error>>(())
    })?;
    drop(gateway);
    Ok(())
}
