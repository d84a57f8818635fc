//! The chaos test of the whole order lifecycle: the sandbox in this process, receiver
//! processes (the example, run as `processes::child_receiver`) for Indonesia and Kenya sharing
//! one database per country, and orders created through them while the sandbox injects faults
//! (dropped, delayed, `502` and truncated answers; duplicated, reordered and downgraded
//! callbacks), receivers are SIGKILLed and restarted, and (Postgres) the server "restarts":
//! the receivers reach it through `pg::Proxy`, which cuts every connection, terminates the
//! databases' backends and refuses connections for 0.3-1 s.
//! Then the faults stop, and the test waits (bounded) until every order is final or needs a
//! person and every action is performed, and checks what the sandbox and the databases say:
//!
//! 1. every order the sandbox shows paid (`0000`) had its `fulfil` (pay-in) or `payout-paid`
//!    (payout) performed, and all performances of one order's action carry one
//!    `paypro-action-<id>` key;
//! 2. nothing the sandbox does not show paid was fulfilled or payout-paid;
//! 3. no pay-in or payout reached the sandbox twice (its per-`tradeNo` create counter);
//! 4. every order is final, or needs a person with a reason, within a bound after the faults
//!    stop.
//!
//! `PAYPRO_CHAOS_ORDERS` (default 150) sets the number of orders; `PAYPRO_CHAOS_SEED` the seed
//! (printed). Postgres runs when `pg` finds a server (two databases of its own there);
//! `PAYPRO_POSTGRES_TEST=require` makes its absence a failure. Performed actions are read only
//! from the receivers' stdout and stderr, collected per process across restarts.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use paypro_core::descriptor::CountryDescriptor;
use paypro_mock::{Merchant, MockConfig, MockGateway};
use paypro_store::{AnyStore, OrderFilter, OrderRecord, PendingAction};
use paypro_testkit::TEST_SECRET;
use tokio::task::JoinSet;

use crate::pg::{Postgres, Proxy};
use crate::processes::{CHILD, scratch};

static COUNTRIES: [&CountryDescriptor; 2] =
    [&paypro_id::advanced::COUNTRY, &paypro_ke::advanced::COUNTRY];

/// The sandbox's outcome amounts (`paypro-mock`'s `server.rs`).
const FAIL_AMOUNT: u64 = 4029;
const PARTIAL_AMOUNT: u64 = 4001;

/// The sandbox faults armed at random while orders are created (`delay` with a short delay).
const FAULTS: [&str; 8] = [
    "drop",
    "delay",
    "502-html",
    "502-json",
    "truncated-json",
    "duplicate-callback",
    "out-of-order-callbacks",
    "downgrade-after-success",
];

/// A small deterministic generator (splitmix64), seeded per run and printed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

type SharedRng = Arc<Mutex<Rng>>;

fn roll(rng: &SharedRng, n: u64) -> u64 {
    rng.lock().unwrap().below(n)
}

/// What one receiver slot printed, across all its processes.
#[derive(Default)]
struct Output {
    stdout: Vec<String>,
    stderr: Vec<String>,
}

/// One receiver slot: a country, a fixed port (so a restarted receiver keeps its URL, the
/// `notifyUrl` of the orders it created), and the process running in it now, if any.
struct Slot {
    name: String,
    country: &'static str,
    port: u16,
    database_url: String,
    base_url: String,
    child: Mutex<Option<Child>>,
    alive: AtomicBool,
    output: Arc<Mutex<Output>>,
    readers: Mutex<Vec<std::thread::JoinHandle<()>>>,
}

impl Slot {
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Starts a receiver process in the slot and waits until it listens (blocking).
    fn start(&self) -> Result<(), String> {
        let mut last = String::new();
        for _ in 0..20 {
            match self.try_start() {
                Ok(()) => return Ok(()),
                // The port may still be held by the killed process's sockets for a moment.
                Err(e) => last = e,
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        Err(format!("{}: the receiver did not start: {last}", self.name))
    }

    fn try_start(&self) -> Result<(), String> {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "processes::child_receiver",
                "--nocapture",
            ])
            .env(CHILD, "1")
            .env("PAYPRO_SECRET", TEST_SECRET)
            .env("PAYPRO_COUNTRY", self.country)
            .env("PAYPRO_BASE_URL", &self.base_url)
            .env("PUBLIC_URL", self.url())
            .env("DATABASE_URL", &self.database_url)
            .env("LISTEN", format!("127.0.0.1:{}", self.port))
            .env("PAYPRO_CHECK_AFTER_MS", "1000")
            .env("PAYPRO_LEASE_MS", "1000")
            .env("PAYPRO_MAX_CHECKS", "6")
            .env_remove("RUST_LOG")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| e.to_string())?;
        let out = child.stdout.take().unwrap();
        let err = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let output = Arc::clone(&self.output);
        let out_reader = std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                output.lock().unwrap().stdout.push(line);
            }
        });
        let output = Arc::clone(&self.output);
        let err_reader = std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                if line.starts_with("listening on ") {
                    let _ = tx.send(true);
                }
                output.lock().unwrap().stderr.push(line);
            }
            let _ = tx.send(false);
        });
        self.readers
            .lock()
            .unwrap()
            .extend([out_reader, err_reader]);
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(true) => {
                *self.child.lock().unwrap() = Some(child);
                self.alive.store(true, Ordering::SeqCst);
                Ok(())
            }
            _ => {
                let _ = child.kill();
                let status = child.wait();
                let tail: Vec<String> = {
                    let o = self.output.lock().unwrap();
                    o.stderr.iter().rev().take(5).rev().cloned().collect()
                };
                Err(format!("exited ({status:?}): {tail:?}"))
            }
        }
    }

    /// SIGKILLs the receiver running in the slot, if any (blocking).
    fn kill(&self) -> bool {
        self.alive.store(false, Ordering::SeqCst);
        let child = self.child.lock().unwrap().take();
        match child {
            Some(mut child) => {
                let _ = child.kill();
                let _ = child.wait();
                true
            }
            None => false,
        }
    }

    /// Kills the receiver and waits until everything it printed is collected.
    fn stop(&self) {
        self.kill();
        for reader in self.readers.lock().unwrap().drain(..) {
            let _ = reader.join();
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A free port on 127.0.0.1 (bound and released: the slot's receivers listen on it).
fn free_port() -> u16 {
    // Not a TestServer: a port number for another process to bind, not a server.
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// What happened during a run, for the printed summary.
#[derive(Default)]
struct Counts {
    faults_armed: AtomicU64,
    kills: AtomicU64,
    restarts: AtomicU64,
    db_restarts: AtomicU64,
    /// Answers of `POST /shop/orders` by outcome (`accepted`, `uncertain`, ..., `no answer`).
    answers: Mutex<BTreeMap<String, u64>>,
}

/// One order to create.
#[derive(Clone, Debug)]
struct Spec {
    country: &'static str,
    flow: &'static str,
    trade_no: String,
    amount: u64,
}

fn specs(n: usize, rng: &SharedRng, run: &str) -> Vec<Spec> {
    let mut rng = rng.lock().unwrap();
    (0..n)
        .map(|i| {
            let country = if rng.chance(50) { "id" } else { "ke" };
            let flow = if rng.chance(60) { "pay-in" } else { "payout" };
            let amount = match rng.below(100) {
                0..10 => FAIL_AMOUNT,
                10..20 => PARTIAL_AMOUNT,
                _ => 10_000 + rng.below(90_000),
            };
            let short = if flow == "pay-in" { "pi" } else { "po" };
            Spec {
                country,
                flow,
                trade_no: format!("{country}-{short}-{run}-{i:05}"),
                amount,
            }
        })
        .collect()
}

/// Creates `spec` through a random live receiver of its country; the outcome's name.
async fn create(
    http: &reqwest::Client,
    slots: &[Arc<Slot>],
    rng: &SharedRng,
    spec: &Spec,
) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    let slot = loop {
        let live: Vec<&Arc<Slot>> = slots
            .iter()
            .filter(|s| s.country == spec.country && s.alive.load(Ordering::SeqCst))
            .collect();
        if !live.is_empty() {
            break Arc::clone(live[roll(rng, live.len() as u64) as usize]);
        }
        if Instant::now() > deadline {
            return "no receiver".into();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let body =
        serde_json::json!({"flow": spec.flow, "tradeNo": spec.trade_no, "amount": spec.amount});
    let sent = http
        .post(format!("{}/shop/orders", slot.url()))
        .header("content-type", "application/json")
        .body(body.to_string())
        .timeout(Duration::from_secs(45))
        .send()
        .await;
    match sent {
        Ok(response) => {
            let text = response.text().await.unwrap_or_default();
            let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            value["outcome"]
                .as_str()
                .unwrap_or("unreadable")
                .to_string()
        }
        // The receiver was killed while creating it: the library recorded it or not.
        Err(_) => "no answer".into(),
    }
}

/// Arms one random sandbox fault for 1 to 3 orders through the admin API.
async fn arm_fault(http: &reqwest::Client, sandbox: &str, rng: &SharedRng) -> bool {
    let fault = FAULTS[roll(rng, FAULTS.len() as u64) as usize];
    let count = 1 + roll(rng, 3);
    let mut body = serde_json::json!({"fault": fault, "count": count});
    if fault == "delay" {
        body["delayMs"] = serde_json::json!(200 + roll(rng, 1300));
    }
    let armed = http
        .post(format!("{sandbox}/_admin/faults"))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await;
    matches!(armed, Ok(r) if r.status().is_success())
}

/// The sandbox's orders: (country, kind, tradeNo) → (status, createRequests).
async fn sandbox_orders(
    http: &reqwest::Client,
    sandbox: &str,
) -> BTreeMap<(String, String, String), (String, u64)> {
    let all: serde_json::Value = http
        .get(format!("{sandbox}/_admin/orders"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .map(|t| serde_json::from_str(&t).unwrap())
        .unwrap();
    all.as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let s = |f: &str| o[f].as_str().unwrap_or_default().to_string();
            (
                (s("country"), s("kind"), s("tradeNo")),
                (s("status"), o["createRequests"].as_u64().unwrap_or(0)),
            )
        })
        .collect()
}

/// One performance, from a receiver's `performed <key> <action> <tradeNo>` line.
#[derive(Clone, Debug)]
struct Performance {
    slot: String,
    key: String,
    action: String,
    trade_no: String,
}

/// Whether every order of `store` is final or needs a person, and every action is performed:
/// the orders not yet there and the pending actions.
async fn unsettled(store: &AnyStore) -> Result<(Vec<OrderRecord>, Vec<PendingAction>), String> {
    let records = store
        .records(OrderFilter::All, 1_000_000)
        .await
        .map_err(|e| e.to_string())?;
    let open = records
        .into_iter()
        .filter(|r| !r.order.is_final() && r.needs_person.is_none())
        .collect();
    let pending = store
        .actions(true, 1_000_000)
        .await
        .map_err(|e| e.to_string())?;
    Ok((open, pending))
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One chaos run against `databases` (one URL per country: `id`, `ke`); with `pg`, the
/// Postgres server (as the URLs reach it) restarts once while orders are created.
async fn chaos(label: &str, databases: [(&'static str, String); 2], pg: Option<&Proxy>) {
    let n = env_usize("PAYPRO_CHAOS_ORDERS", 150);
    let seed = std::env::var("PAYPRO_CHAOS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    eprintln!("chaos[{label}]: {n} orders, PAYPRO_CHAOS_SEED={seed}");
    let rng: SharedRng = Arc::new(Mutex::new(Rng(seed)));
    let started = Instant::now();

    let config = MockConfig::default()
        .merchants(vec![
            Merchant::new(
                paypro_testkit::TEST_MERCHANT_NO,
                paypro_core::Secret::new(TEST_SECRET).unwrap(),
            )
            .initial_balance(1_000_000_000_000),
        ])
        .settle_after(Duration::from_millis(100))
        .time_factor(0.001)
        .fault_delay(Duration::from_millis(1000));
    let gateway = MockGateway::start(config, &COUNTRIES).await.unwrap();
    let sandbox = gateway.url().to_string();
    let http = reqwest::Client::new();

    // Two receivers per country, each on a fixed port, one database per country.
    let mut slots = Vec::new();
    for (country, url) in &databases {
        for i in 0..2 {
            slots.push(Arc::new(Slot {
                name: format!("{country}-{i}"),
                country,
                port: free_port(),
                database_url: url.clone(),
                base_url: gateway.base_url(country).unwrap(),
                child: Mutex::new(None),
                alive: AtomicBool::new(false),
                output: Arc::default(),
                readers: Mutex::default(),
            }));
        }
    }
    for slot in &slots {
        let slot = Arc::clone(slot);
        tokio::task::spawn_blocking(move || slot.start())
            .await
            .unwrap()
            .unwrap();
    }

    // Orders, created concurrently (at most 6 at a time) through random live receivers.
    let counts = Arc::new(Counts::default());
    let run = format!("{:04x}", seed & 0xffff);
    let orders = specs(n, &rng, &run);
    let driving = Arc::new(AtomicBool::new(true));
    let created = Arc::new(AtomicU32::new(0));
    let gate = Arc::new(tokio::sync::Semaphore::new(6));
    let mut creators = JoinSet::new();
    let slots = Arc::new(slots);

    // The chaos: faults at the sandbox, kills and restarts of receivers, a database restart.
    let chaos_task = {
        let (http, sandbox, rng, counts) =
            (http.clone(), sandbox.clone(), rng.clone(), counts.clone());
        let (driving, slots, created) = (driving.clone(), slots.clone(), created.clone());
        let pg_restart = pg.cloned();
        tokio::spawn(async move {
            let mut restarts = JoinSet::new();
            let mut db_restarted = false;
            while driving.load(Ordering::SeqCst) {
                tokio::time::sleep(Duration::from_millis(100 + roll(&rng, 200))).await;
                if roll(&rng, 100) < 70 && arm_fault(&http, &sandbox, &rng).await {
                    counts.faults_armed.fetch_add(1, Ordering::SeqCst);
                }
                if roll(&rng, 100) < 12 {
                    let slot = Arc::clone(&slots[roll(&rng, slots.len() as u64) as usize]);
                    if slot.alive.load(Ordering::SeqCst) {
                        let pause = Duration::from_millis(200 + roll(&rng, 1000));
                        let counts = counts.clone();
                        restarts.spawn(async move {
                            let killer = Arc::clone(&slot);
                            if tokio::task::spawn_blocking(move || killer.kill())
                                .await
                                .unwrap()
                            {
                                counts.kills.fetch_add(1, Ordering::SeqCst);
                            }
                            tokio::time::sleep(pause).await;
                            let starter = Arc::clone(&slot);
                            tokio::task::spawn_blocking(move || starter.start())
                                .await
                                .unwrap()
                                .unwrap();
                            counts.restarts.fetch_add(1, Ordering::SeqCst);
                        });
                    }
                }
                if !db_restarted && created.load(Ordering::SeqCst) as usize >= n / 2 {
                    db_restarted = true;
                    if let Some(proxy) = &pg_restart {
                        let pause = Duration::from_millis(300 + roll(&rng, 700));
                        let cut = proxy.restart(pause).await.expect("Postgres restarts");
                        eprintln!(
                            "chaos: Postgres restarted ({cut} connections cut, refused for {} ms)",
                            pause.as_millis()
                        );
                        counts.db_restarts.fetch_add(1, Ordering::SeqCst);
                    }
                }
            }
            restarts.join_all().await;
        })
    };

    for spec in orders {
        let permit = Arc::clone(&gate).acquire_owned().await.unwrap();
        let (http, slots, task_rng, counts, created) = (
            http.clone(),
            slots.clone(),
            rng.clone(),
            counts.clone(),
            created.clone(),
        );
        creators.spawn(async move {
            let _permit = permit;
            let outcome = create(&http, &slots, &task_rng, &spec).await;
            *counts.answers.lock().unwrap().entry(outcome).or_default() += 1;
            created.fetch_add(1, Ordering::SeqCst);
        });
        // About 25 orders a second, so that faults, kills and restarts fall among them.
        tokio::time::sleep(Duration::from_millis(roll(&rng, 80))).await;
    }
    creators.join_all().await;
    // The faults stop: no more armed faults, no more kills; every slot runs a receiver.
    driving.store(false, Ordering::SeqCst);
    chaos_task.await.unwrap();
    http.delete(format!("{sandbox}/_admin/faults"))
        .send()
        .await
        .unwrap();
    for slot in slots.iter() {
        if !slot.alive.load(Ordering::SeqCst) {
            let slot = Arc::clone(slot);
            tokio::task::spawn_blocking(move || slot.start())
                .await
                .unwrap()
                .unwrap();
        }
    }
    let faults_stopped = Instant::now();
    let drive_time = faults_stopped - started;

    // Convergence: every order final or needing a person, every action performed (bounded).
    let mut stores = Vec::new();
    for (country, url) in &databases {
        stores.push((*country, paypro_store::open(url).await.unwrap()));
    }
    let bound = Duration::from_secs(if n > 300 { 90 } else { 40 });
    let mut left: Vec<(String, OrderRecord)> = Vec::new();
    let mut pending: Vec<(String, PendingAction)> = Vec::new();
    let converged = loop {
        left.clear();
        pending.clear();
        let mut read_failed = None;
        for (country, store) in &stores {
            match unsettled(store).await {
                Ok((open, actions)) => {
                    left.extend(open.into_iter().map(|r| (country.to_string(), r)));
                    pending.extend(actions.into_iter().map(|a| (country.to_string(), a)));
                }
                Err(e) => read_failed = Some(e),
            }
        }
        if read_failed.is_none() && left.is_empty() && pending.is_empty() {
            break Some(faults_stopped.elapsed());
        }
        if faults_stopped.elapsed() > bound {
            break None;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    };
    // Everything performed was printed before it was marked done; collect it all.
    tokio::time::sleep(Duration::from_millis(300)).await;
    for slot in slots.iter() {
        let slot = Arc::clone(slot);
        tokio::task::spawn_blocking(move || slot.stop())
            .await
            .unwrap();
    }

    // What the sandbox, the databases and the receivers' lines say.
    let ledger = sandbox_orders(&http, &sandbox).await;
    let mut records: HashMap<String, OrderRecord> = HashMap::new();
    for (_, store) in &stores {
        for r in store.records(OrderFilter::All, 1_000_000).await.unwrap() {
            records.insert(r.key.clone(), r);
        }
    }
    let mut performances: Vec<Performance> = Vec::new();
    let mut printed: BTreeMap<(String, String), u64> = BTreeMap::new();
    for slot in slots.iter() {
        let output = slot.output.lock().unwrap();
        for line in &output.stderr {
            if let Some(rest) = line.strip_prefix("performed ") {
                let parts: Vec<&str> = rest.split(' ').collect();
                if let [key, action, trade_no] = parts[..] {
                    performances.push(Performance {
                        slot: slot.name.clone(),
                        key: key.into(),
                        action: action.into(),
                        trade_no: trade_no.into(),
                    });
                }
            }
        }
        for line in &output.stdout {
            let parts: Vec<&str> = line.split(' ').collect();
            if let [action, trade_no, _status] = parts[..] {
                *printed.entry((action.into(), trade_no.into())).or_default() += 1;
            }
        }
    }
    // (action, tradeNo) → the idempotency keys it was performed with.
    let mut performed: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for p in &performances {
        performed
            .entry((p.action.clone(), p.trade_no.clone()))
            .or_default()
            .insert(p.key.clone());
    }

    let mut lost = Vec::new();
    let mut double_performed = Vec::new();
    let mut wrongly_fulfilled = Vec::new();
    let mut double_sent = Vec::new();
    let mut untracked = Vec::new();
    for ((country, kind, trade_no), (status, creates)) in &ledger {
        if *creates > 1 {
            double_sent.push(format!(
                "{country} {kind} {trade_no}: {creates} create requests"
            ));
        }
        if !records.contains_key(&format!("{kind}:{trade_no}")) {
            untracked.push(format!(
                "{country} {kind} {trade_no} ({status}): not in the database"
            ));
        }
        if status == "0000" {
            let action = if kind == "pay-in" {
                "fulfil"
            } else {
                "payout-paid"
            };
            let key = (action.to_string(), trade_no.clone());
            let on_stdout = printed.get(&key).copied().unwrap_or(0);
            if !performed.contains_key(&key) || on_stdout == 0 {
                let record = records.get(&format!("{kind}:{trade_no}"));
                lost.push(format!(
                    "{country} {kind} {trade_no}: paid at the sandbox, {action} never performed; stored: {:?}",
                    record.map(|r| (r.order.state(), r.submission, &r.needs_person, &r.last_check_error))
                ));
            }
        }
    }
    for ((action, trade_no), keys) in &performed {
        if keys.len() > 1 {
            double_performed.push(format!("{action} {trade_no}: performed with {keys:?}"));
        }
        if action == "fulfil" || action == "payout-paid" {
            let kind = if action == "fulfil" {
                "pay-in"
            } else {
                "payout"
            };
            let country = trade_no.split('-').next().unwrap_or_default();
            let status = ledger
                .get(&(country.to_string(), kind.to_string(), trade_no.clone()))
                .map(|(s, _)| s.as_str());
            if status != Some("0000") {
                wrongly_fulfilled.push(format!(
                    "{action} {trade_no}: the sandbox says {status:?}; by {:?}",
                    performances
                        .iter()
                        .filter(|p| &p.trade_no == trade_no && &p.action == action)
                        .map(|p| (&p.slot, &p.key))
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    let mut unsettled_orders: Vec<String> = left
        .iter()
        .map(|(country, r)| {
            format!(
                "{country} {}: {:?}, {}, {} checks, last error {:?}, sandbox {:?}",
                r.key,
                r.order.state(),
                r.submission.as_str(),
                r.checks,
                r.last_check_error,
                r.flow.and_then(|f| ledger.get(&(
                    country.clone(),
                    f.as_str().to_string(),
                    r.trade_no.clone()
                )))
            )
        })
        .collect();
    unsettled_orders.extend(pending.iter().map(|(country, a)| {
        format!(
            "{country} action {} {:?} {}: not performed ({} attempts, {:?})",
            a.id, a.action, a.trade_no, a.attempts, a.last_error
        )
    }));
    // The unsettled orders by what they are: (stored state, where creation stands, whether
    // the sandbox has the order and its status).
    let mut unsettled_kinds: BTreeMap<String, u64> = BTreeMap::new();
    for (country, r) in &left {
        let state = format!("{:?}", r.order.state());
        let state = state
            .split([' ', '{'])
            .next()
            .unwrap_or_default()
            .to_string();
        let at_sandbox = r
            .flow
            .and_then(|f| {
                ledger.get(&(country.clone(), f.as_str().to_string(), r.trade_no.clone()))
            })
            .map_or("not at the sandbox".to_string(), |(s, _)| {
                format!("sandbox {s}")
            });
        *unsettled_kinds
            .entry(format!("{state}/{}/{at_sandbox}", r.submission.as_str()))
            .or_default() += 1;
    }
    let no_reason: Vec<&OrderRecord> = records
        .values()
        .filter(|r| {
            r.needs_person
                .as_deref()
                .is_some_and(|w| w.trim().is_empty())
        })
        .collect();
    let needs_person = records
        .values()
        .filter(|r| r.needs_person.is_some())
        .count();
    let paid_at_sandbox = ledger.values().filter(|(s, _)| s == "0000").count();

    eprintln!(
        "chaos[{label}] summary: orders {n} (in the sandbox {}, in the databases {}, paid {paid_at_sandbox}), \
         answers {:?}, faults armed {}, receiver kills {}, restarts {}, database restarts {}, \
         performances {}, needs a person {needs_person}, drive {:.1} s, converged {}, \
         lost {}, double-sent {}, wrongly fulfilled {}, performed twice under different keys {}, \
         untracked {}, unsettled {} {:?}",
        ledger.len(),
        records.len(),
        counts.answers.lock().unwrap(),
        counts.faults_armed.load(Ordering::SeqCst),
        counts.kills.load(Ordering::SeqCst),
        counts.restarts.load(Ordering::SeqCst),
        counts.db_restarts.load(Ordering::SeqCst),
        performances.len(),
        drive_time.as_secs_f64(),
        converged.map_or_else(
            || format!("NOT within {} s", bound.as_secs()),
            |t| format!("in {:.1} s", t.as_secs_f64())
        ),
        lost.len(),
        double_sent.len(),
        wrongly_fulfilled.len(),
        double_performed.len(),
        untracked.len(),
        unsettled_orders.len(),
        unsettled_kinds,
    );
    let mut failures = Vec::new();
    let mut check = |name: &str, found: &[String]| {
        if !found.is_empty() {
            failures.push(format!(
                "{name} ({}):\n  {}",
                found.len(),
                found
                    .iter()
                    .take(20)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n  ")
            ));
        }
    };
    check("1. paid at the sandbox, never delivered (lost)", &lost);
    check(
        "1. one order's action performed under several keys",
        &double_performed,
    );
    check(
        "2. fulfilled without being paid at the sandbox",
        &wrongly_fulfilled,
    );
    check(
        "3. created twice at the sandbox (double-sent)",
        &double_sent,
    );
    check("   at the sandbox, not in the database", &untracked);
    check(
        &format!(
            "4. neither final nor needing a person {} s after the faults stopped",
            bound.as_secs()
        ),
        &unsettled_orders,
    );
    check(
        "4. needing a person without a reason",
        &no_reason.iter().map(|r| r.key.clone()).collect::<Vec<_>>(),
    );
    assert!(
        failures.is_empty(),
        "chaos[{label}] (PAYPRO_CHAOS_SEED={seed}):\n{}",
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chaos_sqlite() {
    let dir = scratch("chaos-sqlite");
    let url = |c: &str| format!("sqlite://{}", dir.join(format!("{c}.db")).display());
    chaos("sqlite", [("id", url("id")), ("ke", url("ke"))], None).await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chaos_postgres() {
    let Some(pg) = Postgres::for_test("chaos_postgres").await else {
        return;
    };
    let id = pg.create_database("chaos_id").await.unwrap();
    let ke = pg.create_database("chaos_ke").await.unwrap();
    let proxy = Proxy::start(&pg, &[&id, &ke]).await;
    chaos(
        "postgres",
        [("id", proxy.url_of(&id)), ("ke", proxy.url_of(&ke))],
        Some(&proxy),
    )
    .await;
}
