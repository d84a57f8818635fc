//! The run: the sandbox (the program's port, or `MockGateway` in-process), the callback
//! receiver, the clients, and the report.

use std::fmt;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use paypro_core::ValidationError;
use paypro_core::client::ConfigError;
use paypro_mock::{MockConfig, MockGateway};
use paypro_testkit::{Answer, TestServer};

use super::options::{Options, Sandbox};
use super::report::{ErrorClass, Latencies, Report, Rss, Tally, vm_rss_kib};
use crate::credentials;

/// How long a run waits, after the last client stopped, for the callbacks still under way.
const CALLBACK_WAIT: Duration = Duration::from_secs(2);

/// Why a run could not be made.
#[derive(Debug)]
pub enum LoadError {
    /// A runtime, the in-process sandbox or a socket could not be set up.
    Io(std::io::Error),
    /// The client could not be configured.
    Config(ConfigError),
    /// The pay-in the options describe breaks the spec's rules (e.g. its `--amount`).
    Request(ValidationError),
    /// A client's task ended abnormally.
    Task(tokio::task::JoinError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io(e) => write!(f, "cannot set up the run: {e}"),
            LoadError::Config(e) => write!(f, "cannot configure the client: {e}"),
            LoadError::Request(e) => write!(f, "the pay-in is invalid: {e}"),
            LoadError::Task(e) => write!(f, "a client stopped abnormally: {e}"),
        }
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoadError::Io(e) => Some(e),
            LoadError::Config(e) => Some(e),
            LoadError::Request(e) => Some(e),
            LoadError::Task(e) => Some(e),
        }
    }
}

impl From<std::io::Error> for LoadError {
    fn from(e: std::io::Error) -> Self {
        LoadError::Io(e)
    }
}

/// An entry point's whole `main`: `defaults` with the command line applied, the run, the
/// report on stdout. Exit 2 for a refused command line (with the usage, naming the entry
/// point `name`), 1 for a run that could not be made.
pub fn main(name: &str, defaults: Options) -> ExitCode {
    let options = match defaults.clone().with_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(e) => {
            eprintln!("{e}\nusage: {name} {}", defaults.usage());
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("load: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Makes the run `options` describe and reports what it measured. Blocking: it builds its own
/// runtimes (call it outside any).
pub fn run(options: &Options) -> Result<Report, LoadError> {
    let country = &paypro_id::advanced::COUNTRY;
    match &options.sandbox {
        Sandbox::Program { port, pid } => {
            let target = format!("http://127.0.0.1:{port}{}", paypro_mock::base_path(country));
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?;
            runtime.block_on(drive(options, target, *pid))
        }
        Sandbox::InProcess {
            threads,
            settle_ms,
            max_orders,
        } => {
            // The sandbox on a runtime of its own, as if it were another process.
            let sandbox = runtime(*threads)?;
            let config = MockConfig::default()
                // By default every order of the run is kept (none forgotten while it settles).
                .max_orders(max_orders.unwrap_or(options.max_requests + 1000) as usize)
                // Above the client count, so the cap never answers 503 here.
                .max_connections(options.clients * 2 + 16)
                .settle_after(Duration::from_millis(*settle_ms));
            let countries = &[&paypro_id::advanced::COUNTRY];
            let gateway = sandbox.block_on(MockGateway::start(config, countries))?;
            let target = gateway.base_url(country.code).ok_or_else(|| {
                std::io::Error::other("the in-process sandbox does not serve Indonesia")
            })?;
            // This process's memory: the sandbox's, and the clients' (which grows only with
            // the latencies kept, 8 bytes per pay-in).
            let pid = std::process::id();
            let report = runtime(*threads)?.block_on(drive(options, target, Some(pid)));
            drop(gateway);
            report
        }
    }
}

fn runtime(threads: usize) -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()
}

/// The pay-in every client sends, with its own `tradeNo`.
fn pay_in(
    options: &Options,
    trade_no: String,
    notify_url: &str,
) -> Result<paypro_id::PayInRequest, ValidationError> {
    paypro_id::PayInRequest::builder()
        .trade_no(trade_no)
        .username("kevin")
        .mobile("6281245907765")
        .email("kevin@example.com")
        .channel_code(paypro_id::pay_in::ChannelCode::Ewallet)
        .amount(options.amount)
        .notify_url(notify_url)
        .build()
}

/// The clients against `target`, the receiver, and the report.
async fn drive(options: &Options, target: String, pid: Option<u32>) -> Result<Report, LoadError> {
    let receiver = TestServer::counting(|_| Answer::text(200, "OK")).await;
    let notify_url = format!("{}/notify", receiver.url());
    // Refused here, once, rather than by every client.
    pay_in(options, "load-check".into(), &notify_url).map_err(LoadError::Request)?;
    let c = credentials();
    let client = paypro_id::Client::new(
        paypro_id::Config::new(c.merchant_no(), c.secret().clone())
            .base_url(target.clone())
            .request_timeout(Duration::from_secs(10)),
    )
    .map_err(LoadError::Config)?;

    let rss_before = pid.and_then(rss_kib);
    let started = Instant::now();
    let until = started + Duration::from_secs(options.secs);
    let sent = Arc::new(AtomicU64::new(0));
    // Trade numbers unique across runs against one long-running sandbox.
    let run_id = std::process::id();
    let mut tasks = Vec::with_capacity(options.clients);
    for worker in 0..options.clients {
        let (client, sent, options) = (client.clone(), sent.clone(), options.clone());
        let notify_url = notify_url.clone();
        tasks.push(tokio::spawn(async move {
            let mut tally = Tally::default();
            let mut n = 0u64;
            while Instant::now() < until
                && sent.fetch_add(1, Ordering::Relaxed) < options.max_requests
            {
                n += 1;
                let request =
                    match pay_in(&options, format!("load-{run_id}-{worker}-{n}"), &notify_url) {
                        Ok(request) => request,
                        Err(e) => {
                            tally.failed(ErrorClass::Invalid, || e.to_string());
                            continue;
                        }
                    };
                let at = Instant::now();
                match client.pay_in(&request).await {
                    Ok(_) => tally.answered(at.elapsed()),
                    Err(e) => tally.failed(ErrorClass::of(&e), || e.to_string()),
                }
            }
            tally
        }));
    }
    let mut all = Tally::default();
    for task in tasks {
        all.merge(task.await.map_err(LoadError::Task)?);
    }
    let elapsed = started.elapsed();
    let rss_after = pid.and_then(rss_kib);

    // The last orders settle and their callbacks arrive: one per answered pay-in, or the wait
    // ends. (A bound, not a measurement.)
    let answered = all.latencies_us.len() as u64;
    let waiting = Instant::now();
    while receiver.count() < answered && waiting.elapsed() < CALLBACK_WAIT {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let callback_wait = waiting.elapsed();
    let rss = pid.map(|pid| Rss {
        pid,
        before_kib: rss_before,
        after_kib: rss_after,
        settled_kib: rss_kib(pid),
    });
    Ok(Report {
        options: options.clone(),
        target,
        elapsed,
        latencies: Latencies::from_micros(all.latencies_us),
        errors: all.errors,
        first_errors: all.first_errors,
        callbacks: receiver.count(),
        callback_wait,
        rss,
    })
}

/// The resident memory of process `pid` in KiB (`VmRSS` of /proc/PID/status).
fn rss_kib(pid: u32) -> Option<u64> {
    vm_rss_kib(&std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?)
}
