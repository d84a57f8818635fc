//! A bounded load run against a sandbox on 127.0.0.1: `--clients` concurrent clients make
//! Indonesian pay-ins through the SDK's client for `--secs` seconds, with a callback receiver
//! on 127.0.0.1 answering `OK`. Prints throughput, p50/p99 latency, errors by class, and the
//! sandbox's resident memory (from /proc) before and after when given its `--pid`.
//!
//! ```text
//! target/release/paypro-mock --port 18081 &
//! cargo run --release -p paypro-sandbox --example load -- --port 18081 --clients 50 --secs 60 --pid $!
//! ```
//!
//! Only 127.0.0.1 is targeted; at most 500 clients, 300 s and `--max-requests` (1,000,000).

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use paypro_all::id;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

struct Options {
    port: u16,
    clients: usize,
    secs: u64,
    max_requests: u64,
    pid: Option<u32>,
    amount: u64,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        port: 18081,
        clients: 50,
        secs: 60,
        max_requests: 1_000_000,
        pid: None,
        amount: 1000,
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
            "--clients" => o.clients = number(500)? as usize,
            "--secs" => o.secs = number(300)?,
            "--max-requests" => o.max_requests = number(1_000_000)?,
            "--pid" => o.pid = Some(number(u64::from(u32::MAX))? as u32),
            "--amount" => o.amount = number(1_000_000_000)?,
            other => return Err(format!("unknown flag `{other}`")),
        }
    }
    Ok(o)
}

/// The sandbox's resident memory in KiB (`VmRSS` of /proc/PID/status).
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A callback receiver: reads one request per connection and answers `OK`.
async fn receiver() -> std::io::Result<(SocketAddr, Arc<AtomicU64>)> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
    let addr = listener.local_addr()?;
    let received = Arc::new(AtomicU64::new(0));
    let count = received.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let count = count.clone();
            tokio::spawn(async move {
                let mut seen = Vec::new();
                let mut buf = [0u8; 4096];
                loop {
                    match stream.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => seen.extend_from_slice(&buf[..n]),
                    }
                    let text = String::from_utf8_lossy(&seen);
                    let Some(end) = text.find("\r\n\r\n") else {
                        continue;
                    };
                    let length = text[..end]
                        .lines()
                        .find_map(|l| {
                            let (name, value) = l.split_once(':')?;
                            name.eq_ignore_ascii_case("content-length")
                                .then(|| value.trim().parse::<usize>().ok())?
                        })
                        .unwrap_or(0);
                    if seen.len() >= end + 4 + length {
                        break;
                    }
                }
                count.fetch_add(1, Ordering::Relaxed);
                let _ = stream
                    .write_all(
                        b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nOK",
                    )
                    .await;
            });
        }
    });
    Ok((addr, received))
}

#[derive(Default)]
struct Outcomes {
    latencies_us: Vec<u64>,
    errors: std::collections::BTreeMap<&'static str, u64>,
    first_errors: Vec<String>,
}

fn class(e: &id::Error) -> &'static str {
    if e.may_have_moved_money() {
        "may have moved money"
    } else {
        "refused or not sent"
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let o = options().map_err(|e| {
        format!("{e}\nusage: load [--port P] [--clients N<=500] [--secs S<=300] [--max-requests N] [--pid SANDBOX_PID] [--amount A]")
    })?;
    let target = SocketAddr::from((Ipv4Addr::LOCALHOST, o.port));
    let (notify, received) = receiver().await?;
    let config = id::Config::new(
        paypro_mock::SANDBOX_MERCHANT_NO,
        paypro_core::Secret::new(paypro_mock::SANDBOX_SECRET)?,
    )
    .base_url(format!("http://{target}/indonesia-pay"))
    .request_timeout(Duration::from_secs(10));
    let client = id::Client::new(config)?;
    let rss_before = o.pid.and_then(rss_kib);
    let started = Instant::now();
    let until = started + Duration::from_secs(o.secs);
    let sent = Arc::new(AtomicU64::new(0));
    let run = std::process::id();
    let mut tasks = Vec::new();
    for worker in 0..o.clients {
        let (client, sent) = (client.clone(), sent.clone());
        let notify_url = format!("http://{notify}/notify");
        let (amount, max) = (o.amount, o.max_requests);
        tasks.push(tokio::spawn(async move {
            let mut out = Outcomes::default();
            let mut n = 0u64;
            while Instant::now() < until && sent.fetch_add(1, Ordering::Relaxed) < max {
                n += 1;
                let request = id::PayInRequest::builder()
                    .trade_no(format!("load-{run}-{worker}-{n}"))
                    .username("kevin")
                    .mobile("6281245907765")
                    .email("kevin@example.com")
                    .channel_code(id::pay_in::ChannelCode::Ewallet)
                    .amount(amount)
                    .notify_url(notify_url.as_str())
                    .build()
                    .expect("a valid request");
                let at = Instant::now();
                match client.pay_in(&request).await {
                    Ok(_) => out.latencies_us.push(at.elapsed().as_micros() as u64),
                    Err(e) => {
                        *out.errors.entry(class(&e)).or_default() += 1;
                        if out.first_errors.len() < 3 {
                            out.first_errors.push(e.to_string());
                        }
                    }
                }
            }
            out
        }));
    }
    let mut all = Outcomes::default();
    for task in tasks {
        let out = task.await?;
        all.latencies_us.extend(out.latencies_us);
        for (k, v) in out.errors {
            *all.errors.entry(k).or_default() += v;
        }
        all.first_errors.extend(out.first_errors);
    }
    let elapsed = started.elapsed().as_secs_f64();
    let rss_after = o.pid.and_then(rss_kib);
    // Let the last orders settle and their callbacks arrive.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let rss_settled = o.pid.and_then(rss_kib);
    all.latencies_us.sort_unstable();
    let pct = |p: f64| {
        let l = &all.latencies_us;
        if l.is_empty() {
            0.0
        } else {
            l[((l.len() - 1) as f64 * p).round() as usize] as f64 / 1000.0
        }
    };
    let errors: u64 = all.errors.values().sum();
    let ok = all.latencies_us.len();
    println!(
        "load {target}: {} clients, {elapsed:.1} s, {ok} pay-ins answered ({:.0}/s), p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms, {errors} errors {:?}, {} callbacks received",
        o.clients,
        ok as f64 / elapsed,
        pct(0.50),
        pct(0.99),
        pct(1.0),
        all.errors,
        received.load(Ordering::Relaxed),
    );
    for e in all.first_errors.iter().take(5) {
        println!("  error: {e}");
    }
    if let Some(pid) = o.pid {
        let mib =
            |k: Option<u64>| k.map_or("?".to_string(), |k| format!("{:.1} MiB", k as f64 / 1024.0));
        println!(
            "sandbox pid {pid} RSS: before {}, after {}, 2 s later {}",
            mib(rss_before),
            mib(rss_after),
            mib(rss_settled)
        );
    }
    Ok(())
}
