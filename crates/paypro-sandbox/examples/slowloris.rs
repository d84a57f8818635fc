//! A bounded slowloris run against a sandbox on 127.0.0.1, with a legitimate client making
//! pay-ins meanwhile: how many slow connections the sandbox holds, and whether real requests
//! still get answers.
//!
//! ```text
//! bash -c 'ulimit -n 256; exec target/release/paypro-mock --port 18080' &
//! cargo run --release -p paypro-sandbox --example slowloris -- --port 18080 --connections 500 --hold-secs 60
//! ```
//!
//! Each slow connection sends the start of a pay-in request head, then one more header line
//! every `--drip-secs`, never finishing the head. It stops when the server closes it or at the
//! end of the hold. The legitimate client sends one Indonesian pay-in at a time, every
//! `--every-ms`, through the SDK's client with a `--client-timeout-secs` time-out.
//! Only 127.0.0.1 is targeted; at most 2,000 connections and 300 s.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use paypro_all::id;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const MAX_CONNECTIONS: usize = 2000;
const MAX_HOLD_SECS: u64 = 300;

struct Options {
    port: u16,
    connections: usize,
    hold: Duration,
    drip: Duration,
    every: Duration,
    client_timeout: Duration,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        port: 18080,
        connections: 500,
        hold: Duration::from_secs(60),
        drip: Duration::from_secs(5),
        every: Duration::from_millis(1000),
        client_timeout: Duration::from_secs(5),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
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
            "--port" => o.port = number(u64::from(u16::MAX))? as u16,
            "--connections" => o.connections = number(MAX_CONNECTIONS as u64)? as usize,
            "--hold-secs" => o.hold = Duration::from_secs(number(MAX_HOLD_SECS)?),
            "--drip-secs" => o.drip = Duration::from_secs(number(60)?),
            "--every-ms" => o.every = Duration::from_millis(number(60_000)?),
            "--client-timeout-secs" => o.client_timeout = Duration::from_secs(number(120)?),
            other => return Err(format!("unknown flag `{other}`")),
        }
    }
    Ok(o)
}

#[derive(Default)]
struct Tally {
    opened: AtomicUsize,
    connect_failed: AtomicUsize,
    closed_by_server: AtomicUsize,
    closed_within_10s: AtomicUsize,
}

/// One slow connection; returns when the server closes it or the hold ends.
async fn slow(target: SocketAddr, until: Instant, drip: Duration, tally: Arc<Tally>) {
    let connected = tokio::time::timeout(Duration::from_secs(5), TcpStream::connect(target)).await;
    let Ok(Ok(mut stream)) = connected else {
        tally.connect_failed.fetch_add(1, Ordering::Relaxed);
        return;
    };
    tally.opened.fetch_add(1, Ordering::Relaxed);
    let started = Instant::now();
    let head = "POST /indonesia-pay/v1/paypro/payIn HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n";
    let mut closed = stream.write_all(head.as_bytes()).await.is_err();
    let mut line = 0u32;
    let mut buf = [0u8; 512];
    while !closed && Instant::now() < until {
        let wake = (Instant::now() + drip).min(until);
        tokio::select! {
            _ = stream.read(&mut buf) => {
                // An answer (a 408, a 503), an end of stream or an error: the server let go.
                closed = true;
            }
            _ = tokio::time::sleep_until(wake.into()) => {
                line += 1;
                closed = stream.write_all(format!("x-slow-{line}: 1\r\n").as_bytes()).await.is_err();
            }
        }
    }
    if closed {
        tally.closed_by_server.fetch_add(1, Ordering::Relaxed);
        if started.elapsed() <= Duration::from_secs(10) {
            tally.closed_within_10s.fetch_add(1, Ordering::Relaxed);
        }
    }
}

#[derive(Default, Debug)]
struct Legit {
    answered: usize,
    timed_out: usize,
    other: Vec<String>,
    latencies_ms: Vec<u64>,
}

async fn legitimate(base_url: String, until: Instant, o: &Options) -> Legit {
    let config = id::Config::new(
        paypro_mock::SANDBOX_MERCHANT_NO,
        paypro_core::Secret::new(paypro_mock::SANDBOX_SECRET)
            .expect("the test secret is not blank"),
    )
    .base_url(base_url)
    .request_timeout(o.client_timeout);
    let client = id::Client::new(config).expect("a client");
    let run = std::process::id();
    let mut legit = Legit::default();
    let mut n = 0u32;
    while Instant::now() + o.client_timeout < until {
        n += 1;
        let request = id::PayInRequest::builder()
            .trade_no(format!("slowloris-{run}-{n}"))
            .username("kevin")
            .mobile("6281245907765")
            .email("kevin@example.com")
            .channel_code(id::pay_in::ChannelCode::Ewallet)
            .amount(1000u64)
            .notify_url("http://127.0.0.1:9/notify")
            .build()
            .expect("a valid request");
        let sent = Instant::now();
        match client.pay_in(&request).await {
            Ok(_) => {
                legit.answered += 1;
                legit.latencies_ms.push(sent.elapsed().as_millis() as u64);
            }
            Err(id::Error::Unknown { .. }) => legit.timed_out += 1,
            Err(e) => legit.other.push(e.to_string()),
        }
        tokio::time::sleep(o.every.saturating_sub(sent.elapsed())).await;
    }
    legit
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let o = options().map_err(|e| {
        format!("{e}\nusage: slowloris [--port P] [--connections N<=2000] [--hold-secs S<=300] [--drip-secs S] [--every-ms MS] [--client-timeout-secs S]")
    })?;
    let target = SocketAddr::from((Ipv4Addr::LOCALHOST, o.port));
    let started = Instant::now();
    let until = started + o.hold;
    let tally = Arc::new(Tally::default());
    let mut slow_tasks = Vec::with_capacity(o.connections);
    for _ in 0..o.connections {
        slow_tasks.push(tokio::spawn(slow(target, until, o.drip, tally.clone())));
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let base_url = format!("http://{target}/indonesia-pay");
    let legit = legitimate(base_url, until, &o).await;
    for task in slow_tasks {
        let _ = task.await;
    }
    let opened = tally.opened.load(Ordering::Relaxed);
    let closed = tally.closed_by_server.load(Ordering::Relaxed);
    let mut lat = legit.latencies_ms.clone();
    lat.sort_unstable();
    let p50 = lat.get(lat.len() / 2).copied().unwrap_or(0);
    println!(
        "slowloris {target}: {} connections asked, {opened} opened, {} failed to connect, {closed} closed by the server ({} within 10 s), {} held for {} s",
        o.connections,
        tally.connect_failed.load(Ordering::Relaxed),
        tally.closed_within_10s.load(Ordering::Relaxed),
        opened - closed,
        o.hold.as_secs()
    );
    println!(
        "legitimate pay-ins: {} sent, {} answered (p50 {p50} ms), {} timed out (Unknown), {} other errors",
        legit.answered + legit.timed_out + legit.other.len(),
        legit.answered,
        legit.timed_out,
        legit.other.len()
    );
    let mut kinds: Vec<&String> = legit.other.iter().collect();
    kinds.dedup();
    for e in kinds.iter().take(5) {
        println!("  other error: {e}");
    }
    Ok(())
}
