//! The store's cost: verified callbacks per second end to end through the example receiver
//! (`crates/paypro-axum/examples/receiver.rs`: HTTP in, verify, parse, apply in one
//! transaction, commit, `OK` out), against a bare loop that runs the same transactions (the
//! same SQL, the same durability: the database's own settings, WAL with SQLite's default
//! `synchronous`) with rusqlite or tokio-postgres alone, at the same concurrency. Subject and
//! floor alternate, round by round, in one process; the figure is the median of the per-round
//! ratios (receiver ÷ bare loop, in callbacks per second).
//!
//! ```sh
//! cargo bench -p paypro-bench --bench store [-- --rounds 7 --callbacks 1000 --senders 50] [sqlite|postgres]
//! # Postgres: a throwaway cluster (a test cluster: fsync=off), then the bench, then stop it
//! env=$(sh crates/paypro-store/scripts/start-postgres.sh) && eval "$env"
//! cargo bench -p paypro-bench --bench store -- postgres
//! sh crates/paypro-store/scripts/start-postgres.sh --stop "$PAYPRO_POSTGRES_DIR"
//! ```
//!
//! - **SQLite**: one receiver over a file in the temporary directory. The bare loop: one
//!   rusqlite connection opened as the store opens its own (WAL, busy time-out, foreign keys),
//!   shared by `--senders` threads (SQLite takes one writer at a time; the receiver's blocking
//!   threads share its connection the same way), each transaction `BEGIN IMMEDIATE`, the
//!   order's row read, updated, the action inserted, `COMMIT`.
//! - **Postgres** (`PAYPRO_POSTGRES_URL`; without it, one line says so and only SQLite runs):
//!   two receiver instances, each with its own pool (16 connections, the default), sharing one
//!   database (in a schema made for the run, dropped after it); half the senders post to each. The
//!   bare loop: as many tokio-postgres connections as the two pools hold, each running the
//!   same transaction (`SELECT ... FOR UPDATE`, `UPDATE`, `INSERT`, `COMMIT`) with its
//!   statements prepared once.
//!
//! Each round's callbacks are for orders of their own (registered before the round, untimed),
//! signed as Paypro signs them (before the round), in a mix: 17 in 20 a full success (`0000`,
//! the expected amount: fulfil), 2 a failure (`00029`: mark failed), 1 a partial payment
//! (`0001`, a third of the amount: record the partial payment). `--senders` tasks (50) post
//! them, each over a keep-alive connection of its own with the least HTTP/1.1 that is still
//! HTTP (Paypro sends from its own machines: a full HTTP client here would take the
//! receiver's CPU); a callback counts when it is answered `200 OK`, which the receiver sends
//! only after the commit. The outbox worker does not run during the rounds: the
//! figure is the callback's path, and the bare loop has no worker either.

#[allow(dead_code)]
#[path = "../../paypro-axum/examples/receiver.rs"]
mod receiver;

use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use paypro_bench::median;
use paypro_core::Status;
use paypro_core::client::Config;
use paypro_core::notify::Flow;
use paypro_core::order::{Action, Event, Order};
use paypro_id::{Decimal, Secret};
use receiver::{AppState, Limits};

/// The amount every order expects.
const EXPECTED: i64 = 30_000;

/// What the command line asked for.
struct Options {
    rounds: usize,
    callbacks: usize,
    senders: usize,
    filter: Option<String>,
}

impl Options {
    fn parse() -> Result<Options, String> {
        let mut out = Options {
            rounds: 7,
            callbacks: 1000,
            senders: 50,
            filter: None,
        };
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let mut number = |flag: &str, max: usize| -> Result<usize, String> {
                let v = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
                match v.parse::<usize>() {
                    Ok(n) if (1..=max).contains(&n) => Ok(n),
                    _ => Err(format!(
                        "{flag} needs a whole number from 1 to {max}, got `{v}`"
                    )),
                }
            };
            match arg.as_str() {
                "--bench" => {}
                "--rounds" => out.rounds = number("--rounds", 101)?,
                "--callbacks" => out.callbacks = number("--callbacks", 100_000)?,
                "--senders" => out.senders = number("--senders", 500)?,
                flag if flag.starts_with("--") => return Err(format!("unknown flag `{flag}`")),
                filter => out.filter = Some(filter.to_string()),
            }
        }
        Ok(out)
    }

    fn wants(&self, name: &str) -> bool {
        self.filter.as_deref().is_none_or(|f| name.contains(f))
    }
}

fn main() -> ExitCode {
    let options = match Options::parse() {
        Ok(o) => o,
        Err(e) => {
            eprintln!(
                "{e}\nusage: store [--rounds N] [--callbacks N] [--senders N] [sqlite|postgres]"
            );
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    if options.wants("sqlite") {
        if let Err(e) = sqlite(&options) {
            eprintln!("sqlite: {e}");
            failed = true;
        }
    }
    if options.wants("postgres") {
        match std::env::var("PAYPRO_POSTGRES_URL") {
            Ok(url) => {
                if let Err(e) = postgres(&options, &url) {
                    eprintln!("postgres: {e}");
                    failed = true;
                }
            }
            Err(_) => println!(
                "postgres: skipped, PAYPRO_POSTGRES_URL is not set (start a throwaway server with crates/paypro-store/scripts/start-postgres.sh)"
            ),
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

fn secret() -> Secret {
    paypro_bench::credentials().secret().clone()
}

/// One callback of a round: its order and body, and what the bare loop writes for it.
#[derive(Clone)]
struct Job {
    key: String,
    body: String,
    /// The order's record after the event.
    record: String,
    /// Whether the order is final after it (no more queries).
    last: bool,
    /// The action's row: name, status, record.
    action: (String, String, String),
}

/// The round's callbacks, for orders named `prefix-N`, in the mix the module docs describe.
fn jobs(prefix: &str, n: usize) -> Result<Vec<Job>, BoxError> {
    let secret = secret();
    (0..n)
        .map(|i| {
            let trade_no = format!("{prefix}-{i}");
            let (status, amount, message) = match i % 20 {
                0..=16 => ("0000", Some(EXPECTED), "SUCCESS"),
                17 | 18 => ("00029", None, "FAILED"),
                _ => ("0001", Some(EXPECTED / 3), "PARTIAL"),
            };
            let amount_field = amount.map_or(String::new(), |a| format!(r#""amount":"{a}","#));
            let fields = format!(
                r#"{{"platFormTradeNo":"pf-{trade_no}","tradeNo":"{trade_no}",{amount_field}"status":"{status}","message":"{message}","successTime":"2024-07-01 18:34:31","timestamp":"1724740395968"}}"#
            );
            let body = paypro_id::sign_body(&fields, &secret)?;
            let event = Event::new(Status::from_code(status), amount.map(Decimal::from));
            let (action, next) = Order::new(EXPECTED)?.apply(&event);
            let json = serde_json::to_value(&action)?;
            let name = json["action"].as_str().unwrap_or("unknown").to_string();
            debug_assert!(!matches!(action, Action::Ignore(_)));
            Ok(Job {
                key: Flow::PayIn.order_key(&trade_no),
                body,
                record: serde_json::to_string(&next)?,
                last: next.is_final(),
                action: (name, status.to_string(), json.to_string()),
            })
        })
        .collect()
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// The order row as the store registers it (`Lifecycle::register`): one statement per order,
/// all in one transaction here (set-up, untimed).
const REGISTER_SQLITE: &str = "INSERT INTO paypro_orders (key, record, created_ms, updated_ms, flow, trade_no, check_after_ms)
     VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6) ON CONFLICT (key) DO NOTHING";
const REGISTER_POSTGRES: &str = "INSERT INTO paypro_orders (key, record, created_ms, updated_ms, flow, trade_no, check_after_ms)
     VALUES ($1, $2, $3, $3, $4, $5, $6) ON CONFLICT (key) DO NOTHING";

/// The statements of `SqliteStore::apply` and `PostgresStore::apply` (`paypro-store`'s
/// `apply_in` and `apply_from`), word for word.
const SELECT_SQLITE: &str = "SELECT record, submission, flow, check_after_ms, checks, last_check_error, needs_person FROM paypro_orders WHERE key = ?1";
const UPDATE_SQLITE: &str =
    "UPDATE paypro_orders SET record = ?1, submission = ?2, check_after_ms = ?3, checks = ?4,
         last_check_error = ?5, needs_person = ?6, updated_ms = ?7 WHERE key = ?8";
const INSERT_SQLITE: &str =
    "INSERT INTO paypro_actions (key, action, status, record, at_ms, next_at_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)";
const SELECT_POSTGRES: &str = "SELECT record, submission, flow, check_after_ms, checks, last_check_error, needs_person FROM paypro_orders WHERE key = $1 FOR UPDATE";
const UPDATE_POSTGRES: &str =
    "UPDATE paypro_orders SET record = $1, submission = $2, check_after_ms = $3, checks = $4,
         last_check_error = $5, needs_person = $6, updated_ms = $7 WHERE key = $8";
const INSERT_POSTGRES: &str =
    "INSERT INTO paypro_actions (key, action, status, record, at_ms, next_at_ms)
                 VALUES ($1, $2, $3, $4, $5, $5)";

fn unregistered_record() -> Result<String, BoxError> {
    Ok(serde_json::to_string(&Order::new(EXPECTED)?)?)
}

/// The receivers under test and the senders' runtime.
struct Receivers {
    runtime: tokio::runtime::Runtime,
    senders: tokio::runtime::Runtime,
    addrs: Vec<std::net::SocketAddr>,
}

impl Receivers {
    /// Starts one example receiver per store URL (one `paypro_store::open` each: its own
    /// connection or pool), on a runtime of their own (two worker threads).
    fn start(store_urls: &[String]) -> Result<Receivers, BoxError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let senders = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()?;
        let addrs = runtime.block_on(async {
            let mut addrs = Vec::new();
            for store_url in store_urls {
                let secret = secret();
                // Nothing here queries or sends: the client points at a closed port.
                let client = paypro_id::Client::new(
                    Config::new(paypro_bench::credentials().merchant_no(), secret.clone())
                        .base_url("http://127.0.0.1:9"),
                )?;
                let store = paypro_store::open(store_url).await?;
                // Not a TestServer: this listener serves the example receiver under test.
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
                addrs.push(listener.local_addr()?);
                let state = AppState::new(secret, store, client, "http://127.0.0.1:9");
                tokio::spawn(receiver::serve(listener, state.app(), Limits::default()));
            }
            Ok::<_, BoxError>(addrs)
        })?;
        Ok(Receivers {
            runtime,
            senders,
            addrs,
        })
    }

    /// Posts every job's body with `senders` concurrent tasks, sender `k` to receiver `k`
    /// modulo their number, each over one keep-alive connection of its own; callbacks per
    /// second, once every one is answered `200 OK`.
    fn round(&self, jobs: &[Job], senders: usize) -> Result<f64, BoxError> {
        let bodies: Arc<Vec<String>> = Arc::new(jobs.iter().map(|j| j.body.clone()).collect());
        let next = Arc::new(AtomicUsize::new(0));
        let at = Instant::now();
        let failures: Vec<String> = self.senders.block_on(async {
            let mut tasks = Vec::with_capacity(senders);
            for k in 0..senders {
                let (bodies, next) = (bodies.clone(), next.clone());
                let addr = self.addrs[k % self.addrs.len()];
                tasks.push(tokio::spawn(async move {
                    let mut failures = Vec::new();
                    let mut connection = match Sender::connect(addr).await {
                        Ok(c) => c,
                        Err(e) => return vec![e.to_string()],
                    };
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(body) = bodies.get(i) else {
                            return failures;
                        };
                        match connection.post(body).await {
                            Ok(answer) if answer == (200, "OK".to_string()) => {}
                            Ok((status, text)) => failures.push(format!("HTTP {status}: {text}")),
                            Err(e) => {
                                failures.push(e.to_string());
                                match Sender::connect(addr).await {
                                    Ok(c) => connection = c,
                                    Err(e) => return vec![e.to_string()],
                                }
                            }
                        }
                    }
                }));
            }
            failures_of(tasks).await
        });
        rate(
            "receiver: callbacks not answered OK",
            jobs.len(),
            at,
            &failures,
        )
    }
}

/// A sender standing in for Paypro: HTTP/1.1 over one keep-alive connection, the request
/// written whole and the answer read by its `content-length`. Paypro sends from its own
/// machines; a full HTTP client here would take CPU the receiver needs on this one, so the
/// senders do the least HTTP that is still HTTP.
struct Sender {
    stream: tokio::net::TcpStream,
    host: String,
    buffer: Vec<u8>,
}

impl Sender {
    async fn connect(addr: std::net::SocketAddr) -> std::io::Result<Sender> {
        let stream = tokio::net::TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Sender {
            stream,
            host: addr.to_string(),
            buffer: Vec::with_capacity(1024),
        })
    }

    /// Posts `body` to the pay-in notify route; the answer's status and text.
    async fn post(&mut self, body: &str) -> std::io::Result<(u16, String)> {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let request = format!(
            "POST /paypro/notify/pay-in HTTP/1.1\r\nhost: {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            self.host,
            body.len()
        );
        self.stream.write_all(request.as_bytes()).await?;
        self.buffer.clear();
        let bad = |what: &str| std::io::Error::other(format!("the receiver's answer: {what}"));
        loop {
            if let Some(end) = find(&self.buffer, b"\r\n\r\n") {
                let head = std::str::from_utf8(&self.buffer[..end]).map_err(|_| bad("not text"))?;
                let status: u16 = head
                    .get(9..12)
                    .and_then(|s| s.parse().ok())
                    .ok_or_else(|| bad("no status"))?;
                let length: usize = head
                    .lines()
                    .find_map(|l| {
                        let (name, value) = l.split_once(':')?;
                        name.eq_ignore_ascii_case("content-length")
                            .then(|| value.trim().parse().ok())?
                    })
                    .ok_or_else(|| bad("no content-length"))?;
                let start = end + 4;
                while self.buffer.len() < start + length {
                    if self.stream.read_buf(&mut self.buffer).await? == 0 {
                        return Err(bad("closed in the body"));
                    }
                }
                let text =
                    String::from_utf8_lossy(&self.buffer[start..start + length]).into_owned();
                return Ok((status, text));
            }
            if self.stream.read_buf(&mut self.buffer).await? == 0 {
                return Err(bad("closed before the head"));
            }
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Every task's failures, a task that ended abnormally counting as one.
async fn failures_of(tasks: Vec<tokio::task::JoinHandle<Vec<String>>>) -> Vec<String> {
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap_or_else(|e| vec![e.to_string()]));
    }
    all
}

/// `n` per second since `at`, or an error naming `what` failed when anything did.
fn rate(what: &str, n: usize, at: Instant, failures: &[String]) -> Result<f64, BoxError> {
    let took = at.elapsed();
    match failures.first() {
        Some(first) => Err(format!("{what}: {} of {n}, the first: {first}", failures.len()).into()),
        None => Ok(n as f64 / took.as_secs_f64()),
    }
}

/// One figure's rounds: the receiver's and the floor's rates, alternating which goes first.
fn compare(
    name: &str,
    options: &Options,
    mut register: impl FnMut(&[Job]) -> Result<(), BoxError>,
    receivers: &Receivers,
    mut floor: impl FnMut(&[Job]) -> Result<f64, BoxError>,
) -> Result<(), BoxError> {
    let run = std::process::id();
    let (mut subject_rates, mut floor_rates, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    // A first round of each, not counted: connections opened, caches warm.
    for round in 0..=options.rounds {
        let subject_jobs = jobs(&format!("bench-{run}-{round}-r"), options.callbacks)?;
        let floor_jobs = jobs(&format!("bench-{run}-{round}-f"), options.callbacks)?;
        register(&subject_jobs)?;
        register(&floor_jobs)?;
        let (s, f) = if round % 2 == 0 {
            let s = receivers.round(&subject_jobs, options.senders)?;
            (s, floor(&floor_jobs)?)
        } else {
            let f = floor(&floor_jobs)?;
            (receivers.round(&subject_jobs, options.senders)?, f)
        };
        if round == 0 {
            continue;
        }
        println!(
            "{name} round {round}: receiver {s:>8.0}/s  bare loop {f:>8.0}/s  ratio {:.3}",
            s / f
        );
        subject_rates.push(s);
        floor_rates.push(f);
        ratios.push(s / f);
    }
    let (lo, hi) = (
        ratios.iter().copied().fold(f64::INFINITY, f64::min),
        ratios.iter().copied().fold(0.0, f64::max),
    );
    println!(
        "{name}: receiver {:.0}/s, bare loop {:.0}/s, ratio {:.3} (median of {} rounds of {} callbacks, {} senders; min {lo:.3}, max {hi:.3}){}",
        median(&mut subject_rates),
        median(&mut floor_rates),
        median(&mut ratios),
        options.rounds,
        options.callbacks,
        options.senders,
        load_average(),
    );
    Ok(())
}

/// `, load average A B C` from /proc/loadavg, or nothing.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|l| {
            let three: Vec<&str> = l.split_whitespace().take(3).collect();
            format!(", load average {}", three.join(" "))
        })
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// SQLite

/// Opens `path` as `SqliteStore` opens its connection.
fn sqlite_connection(path: &std::path::Path) -> Result<rusqlite::Connection, BoxError> {
    let conn = rusqlite::Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

fn sqlite(options: &Options) -> Result<(), BoxError> {
    let dir = std::env::temp_dir().join(format!("paypro-bench-store-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("orders.db");
    let result = sqlite_in(options, &path);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn sqlite_in(options: &Options, path: &std::path::Path) -> Result<(), BoxError> {
    // The receiver opens (and migrates) the database first.
    let receivers = Receivers::start(&[format!("sqlite://{}", path.display())])?;
    let conn = Mutex::new(sqlite_connection(path)?);
    let synchronous: i64 = lock(&conn).query_row("PRAGMA synchronous", [], |r| r.get(0))?;
    let journal: String = lock(&conn).query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    println!(
        "sqlite: {} (journal {journal}, synchronous {synchronous}: 2 is FULL, an fsync per commit)",
        path.display()
    );
    let registered = unregistered_record()?;
    let register = |jobs: &[Job]| -> Result<(), BoxError> {
        let mut conn = lock(&conn);
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = now_ms();
        for job in jobs {
            let trade_no = job.key.trim_start_matches("pay-in:");
            tx.execute(
                REGISTER_SQLITE,
                rusqlite::params![job.key, registered, now, "pay-in", trade_no, now + 600_000],
            )?;
        }
        tx.commit()?;
        Ok(())
    };
    // As many threads as senders, sharing the connection as the receiver's blocking threads
    // share its own (one thread alone was slower still: BENCHMARKS.md).
    let floor = |jobs: &[Job]| sqlite_floor(&conn, jobs, options.senders);
    compare("sqlite, 1 receiver", options, register, &receivers, floor)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The bare loop: `threads` threads sharing one connection, one transaction per job.
fn sqlite_floor(
    conn: &Mutex<rusqlite::Connection>,
    jobs: &[Job],
    threads: usize,
) -> Result<f64, BoxError> {
    let next = AtomicUsize::new(0);
    let at = Instant::now();
    let failures: Vec<String> = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut failures = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(i) else {
                            return failures;
                        };
                        if let Err(e) = sqlite_apply(&mut lock(conn), job) {
                            failures.push(e.to_string());
                        }
                    }
                })
            })
            .collect();
        threads
            .into_iter()
            .flat_map(|t| {
                t.join()
                    .unwrap_or_else(|_| vec!["a thread panicked".into()])
            })
            .collect()
    });
    rate("bare loop: transactions failed", jobs.len(), at, &failures)
}

/// One callback's transaction, as `SqliteStore::apply` runs it.
fn sqlite_apply(conn: &mut rusqlite::Connection, job: &Job) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    type Stored = (
        String,
        String,
        Option<String>,
        Option<i64>,
        i64,
        Option<String>,
        Option<String>,
    );
    let stored: Stored = tx
        .prepare_cached(SELECT_SQLITE)?
        .query_row([&job.key], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?;
    let now = now_ms();
    let check_after = if job.last { None } else { stored.3 };
    tx.prepare_cached(UPDATE_SQLITE)?
        .execute(rusqlite::params![
            job.record,
            stored.1,
            check_after,
            stored.4,
            stored.5,
            stored.6,
            now,
            job.key
        ])?;
    let (name, status, record) = &job.action;
    tx.prepare_cached(INSERT_SQLITE)?
        .execute(rusqlite::params![job.key, name, status, record, now])?;
    tx.commit()
}

// ---------------------------------------------------------------------------------------
// Postgres

/// The receivers' pool size: `PoolOptions::default().max_connections`.
const POOL: usize = 16;
/// Receiver instances sharing the database.
const INSTANCES: usize = 2;

fn postgres(options: &Options, url: &str) -> Result<(), BoxError> {
    // A schema of the run's own (the store makes its tables in the connection's current
    // schema), dropped after it.
    let schema = format!("paypro_bench_{}", std::process::id());
    let admin = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let run_sql = |sql: String| {
        admin.block_on(async {
            let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls).await?;
            tokio::spawn(connection);
            client.batch_execute(&sql).await?;
            Ok::<_, BoxError>(())
        })
    };
    run_sql(format!("CREATE SCHEMA {schema}"))?;
    let separator = if url.contains('?') { '&' } else { '?' };
    let bench_url = format!("{url}{separator}options=-c%20search_path%3D{schema}");
    let result = postgres_in(options, &bench_url);
    run_sql(format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))?;
    result
}

fn postgres_in(options: &Options, url: &str) -> Result<(), BoxError> {
    let receivers = Receivers::start(&vec![url.to_string(); INSTANCES])?;
    // The floor's connections live on the receivers' runtime (same threads), idle while the
    // receivers run.
    let clients = receivers.runtime.block_on(async {
        let mut clients = Vec::new();
        for _ in 0..POOL * INSTANCES {
            let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls).await?;
            tokio::spawn(connection);
            let statements = (
                client.prepare(SELECT_POSTGRES).await?,
                client.prepare(UPDATE_POSTGRES).await?,
                client.prepare(INSERT_POSTGRES).await?,
            );
            clients.push(tokio::sync::Mutex::new((client, statements)));
        }
        Ok::<_, BoxError>(clients)
    })?;
    let clients = Arc::new(clients);
    let settings: Vec<String> = receivers.runtime.block_on(async {
        let c = clients[0].lock().await;
        let mut out = Vec::new();
        for name in ["fsync", "synchronous_commit", "server_version"] {
            let row = c.0.query_one(&format!("SHOW {name}"), &[]).await?;
            out.push(format!("{name} {}", row.get::<_, String>(0)));
        }
        Ok::<_, BoxError>(out)
    })?;
    println!(
        "postgres: {INSTANCES} receivers with a pool of {POOL} each, one database ({})",
        settings.join(", ")
    );
    let registered = unregistered_record()?;
    let register = |jobs: &[Job]| -> Result<(), BoxError> {
        receivers.runtime.block_on(async {
            let mut c = clients[0].lock().await;
            let tx = c.0.transaction().await?;
            let statement = tx.prepare(REGISTER_POSTGRES).await?;
            let now = now_ms();
            for job in jobs {
                let trade_no = job.key.trim_start_matches("pay-in:");
                let check_after = Some(now + 600_000);
                tx.execute(
                    &statement,
                    &[
                        &job.key,
                        &registered,
                        &now,
                        &"pay-in",
                        &trade_no,
                        &check_after,
                    ],
                )
                .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    };
    let floor = |jobs: &[Job]| postgres_floor(&receivers.runtime, &clients, jobs);
    compare(
        &format!("postgres, {INSTANCES} receivers"),
        options,
        register,
        &receivers,
        floor,
    )
}

type PgConnection = tokio::sync::Mutex<(
    tokio_postgres::Client,
    (
        tokio_postgres::Statement,
        tokio_postgres::Statement,
        tokio_postgres::Statement,
    ),
)>;

/// The bare loop: one task per connection, each taking the next job.
fn postgres_floor(
    runtime: &tokio::runtime::Runtime,
    clients: &Arc<Vec<PgConnection>>,
    jobs: &[Job],
) -> Result<f64, BoxError> {
    // Owned by the tasks (copied before the clock starts).
    let jobs: Arc<Vec<Job>> = Arc::new(jobs.to_vec());
    let next = Arc::new(AtomicUsize::new(0));
    let at = Instant::now();
    let failures: Vec<String> = runtime.block_on(async {
        let mut tasks = Vec::new();
        for c in 0..clients.len() {
            let (clients, jobs, next) = (clients.clone(), jobs.clone(), next.clone());
            tasks.push(tokio::spawn(async move {
                let mut failures = Vec::new();
                let mut guard = clients[c].lock().await;
                let (client, statements) = &mut *guard;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else {
                        return failures;
                    };
                    if let Err(e) = postgres_apply(client, statements, job).await {
                        failures.push(e.to_string());
                    }
                }
            }));
        }
        failures_of(tasks).await
    });
    rate("bare loop: transactions failed", jobs.len(), at, &failures)
}

/// One callback's transaction, as `PostgresStore::apply` runs it.
async fn postgres_apply(
    client: &mut tokio_postgres::Client,
    (select, update, insert): &(
        tokio_postgres::Statement,
        tokio_postgres::Statement,
        tokio_postgres::Statement,
    ),
    job: &Job,
) -> Result<(), tokio_postgres::Error> {
    let Job {
        key,
        record,
        last,
        action: (name, status, action),
        ..
    } = job;
    let tx = client.transaction().await?;
    let stored = tx.query_one(select, &[key]).await?;
    let submission: String = stored.get(1);
    let check_after: Option<i64> = if *last { None } else { stored.get(3) };
    let checks: i64 = stored.get(4);
    let last_error: Option<String> = stored.get(5);
    let needs_person: Option<String> = stored.get(6);
    let now = now_ms();
    tx.execute(
        update,
        &[
            record,
            &submission,
            &check_after,
            &checks,
            &last_error,
            &needs_person,
            &now,
            key,
        ],
    )
    .await?;
    tx.execute(insert, &[key, name, status, action, &now])
        .await?;
    tx.commit().await
}
