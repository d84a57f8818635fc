//! The example receiver as separate processes sharing one database: Paypro's duplicated and
//! concurrent deliveries split between two receivers fulfil an order once, and a receiver that
//! restarts remembers what it did. Against SQLite (one file) and a real Postgres server (a
//! database of its own on the server `pg` finds; skipped with a one-line reason when there is
//! none, and never with `PAYPRO_POSTGRES_TEST=require`).
//!
//! Each receiver is this test binary run again as `processes::child_receiver` (the example's
//! own `run`, compiled in), so the processes are real and the code is the example's.

use crate::example as receiver;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use paypro_core::order::{Order, OrderState, OrderStore};
use paypro_id::{Decimal, Secret, sign_body};

use crate::pg::Postgres;

const SECRET: &str = "TESTSECRET";
/// Set in a receiver process's environment (the chaos test starts them the same way).
pub(crate) const CHILD: &str = "PAYPRO_RECEIVER_CHILD";

/// Not a test: the entry point of each receiver process the tests start.
#[tokio::test]
#[ignore = "run by the tests below as a receiver process"]
async fn child_receiver() {
    if std::env::var_os(CHILD).is_some() {
        receiver::run(Vec::new()).await.expect("the receiver runs");
    }
}

/// One receiver process: its notify URL and what it printed on stdout.
struct Receiver {
    child: Child,
    url: String,
    stdout: Arc<Mutex<Vec<String>>>,
}

impl Receiver {
    fn start(database_url: &str) -> Receiver {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "processes::child_receiver",
                "--nocapture",
            ])
            .env(CHILD, "1")
            .env("PAYPRO_SECRET", SECRET)
            .env("DATABASE_URL", database_url)
            .env("LISTEN", "127.0.0.1:0")
            // Nothing here queries; were it to, it would reach a closed loopback port.
            .env("PAYPRO_BASE_URL", "http://127.0.0.1:9")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the receiver process starts");
        let stdout = Arc::new(Mutex::new(Vec::new()));
        let lines = Arc::clone(&stdout);
        let out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                lines.lock().unwrap().push(line);
            }
        });
        let (tx, rx) = std::sync::mpsc::channel();
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix("listening on ") {
                    let _ = tx.send(rest.to_string());
                } else if line.starts_with("ALERT") || line.contains("failed") {
                    eprintln!("receiver: {line}");
                }
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the receiver says where it listens");
        Receiver { child, url, stdout }
    }

    /// The action lines printed so far (`<action> <tradeNo> <status>`).
    fn actions(&self) -> Vec<String> {
        self.stdout
            .lock()
            .unwrap()
            .iter()
            .filter(|l| {
                let first = l.split(' ').next().unwrap_or_default();
                ["fulfil", "mark-failed", "record-partial-payment"].contains(&first)
            })
            .cloned()
            .collect()
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A callback for `trade_no` as Paypro signs it.
fn callback(trade_no: &str, status: &str, amount: &str) -> String {
    let fields = format!(
        r#"{{"platFormTradeNo":"pf-{trade_no}","tradeNo":"{trade_no}","amount":"{amount}","status":"{status}","message":"m","successTime":"2024-07-01 18:34:31","timestamp":"1724740395968"}}"#
    );
    sign_body(&fields, &Secret::new(SECRET).unwrap()).unwrap()
}

async fn post(client: &reqwest::Client, url: &str, body: String) -> (u16, String) {
    let response = client
        .post(url)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("the receiver answers");
    (response.status().as_u16(), response.text().await.unwrap())
}

/// Waits until the receivers printed `n` action lines in all (they print after answering), at
/// most 10 s (1 s when none are expected).
fn settle(receivers: &[&Receiver], n: usize) -> Vec<String> {
    let wait = if n == 0 { 1 } else { 10 };
    let deadline = Instant::now() + Duration::from_secs(wait);
    loop {
        let all: Vec<String> = receivers.iter().flat_map(|r| r.actions()).collect();
        if all.len() >= n || Instant::now() > deadline {
            // A little longer, so that a line too many would show.
            std::thread::sleep(Duration::from_millis(200));
            return receivers.iter().flat_map(|r| r.actions()).collect();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Two receivers on one database: 50 concurrent deliveries of one success, then reordered and
/// downgraded ones, and a second order whose news arrive out of order.
async fn two_receivers_fulfil_once(database_url: &str, store: &impl OrderStore) {
    assert!(
        store
            .register("pay-in:order-0001", Order::new(30_000).unwrap())
            .await
            .unwrap()
    );
    assert!(
        store
            .register("pay-in:order-0002", Order::new(500).unwrap())
            .await
            .unwrap()
    );
    let a = Receiver::start(database_url);
    let b = Receiver::start(database_url);
    let client = reqwest::Client::new();

    let success = callback("order-0001", "0000", "30000");
    let mut sends = tokio::task::JoinSet::new();
    for i in 0..50 {
        let url = if i % 2 == 0 {
            a.url.clone()
        } else {
            b.url.clone()
        };
        let (client, body) = (client.clone(), success.clone());
        sends.spawn(async move { post(&client, &url, body).await });
    }
    let answers = sends.join_all().await;
    assert_eq!(answers.len(), 50);
    assert!(
        answers.iter().all(|a| *a == (200, "OK".into())),
        "{answers:?}"
    );

    // After the success: stale, partial and downgrading news, to both; nothing happens.
    for (status, amount) in [("0015", "30000"), ("0001", "10000"), ("00029", "0")] {
        for url in [&a.url, &b.url] {
            assert_eq!(
                post(&client, url, callback("order-0001", status, amount)).await,
                (200, "OK".into())
            );
        }
    }
    // The second order: processing, a partial payment, then success, across both receivers.
    for (url, status, amount) in [
        (&b.url, "0015", "500"),
        (&a.url, "0001", "200"),
        (&b.url, "0000", "500"),
        (&a.url, "0000", "500"),
    ] {
        assert_eq!(
            post(&client, url, callback("order-0002", status, amount)).await,
            (200, "OK".into())
        );
    }

    let mut lines = settle(&[&a, &b], 3);
    lines.sort();
    assert_eq!(
        lines,
        [
            "fulfil order-0001 0000",
            "fulfil order-0002 0000",
            "record-partial-payment order-0002 0001",
        ],
        "exactly one fulfil per order, from either receiver"
    );
    assert_eq!(
        store
            .order("pay-in:order-0001")
            .await
            .unwrap()
            .unwrap()
            .state(),
        &OrderState::Paid {
            amount: Decimal::from(30_000)
        }
    );
    assert_eq!(
        store
            .order("pay-in:order-0002")
            .await
            .unwrap()
            .unwrap()
            .state(),
        &OrderState::Paid {
            amount: Decimal::from(500)
        }
    );
}

pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("paypro-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_two_processes_fulfil_once() {
    let dir = scratch("sqlite-two");
    let file = dir.join("orders.db");
    let store = paypro_store::SqliteStore::open(&file).await.unwrap();
    two_receivers_fulfil_once(&format!("sqlite://{}", file.display()), &store).await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_receiver_remembers_what_it_did() {
    let dir = scratch("sqlite-restart");
    let file = dir.join("orders.db");
    let url = format!("sqlite://{}", file.display());
    let store = paypro_store::SqliteStore::open(&file).await.unwrap();
    assert!(
        store
            .register("pay-in:order-9", Order::new(700).unwrap())
            .await
            .unwrap()
    );
    let client = reqwest::Client::new();
    let success = callback("order-9", "0000", "700");

    let first = Receiver::start(&url);
    assert_eq!(
        post(&client, &first.url, success.clone()).await,
        (200, "OK".into())
    );
    assert_eq!(settle(&[&first], 1), ["fulfil order-9 0000"]);
    drop(first); // killed, as a crash or a deploy would

    let second = Receiver::start(&url);
    for _ in 0..3 {
        assert_eq!(
            post(&client, &second.url, success.clone()).await,
            (200, "OK".into())
        );
    }
    assert_eq!(
        post(&client, &second.url, callback("order-9", "00029", "0")).await,
        (200, "OK".into())
    );
    assert!(
        settle(&[&second], 0).is_empty(),
        "nothing new after the restart"
    );
    // Registering the order again (the checkout retried, or the example's arguments) keeps it.
    assert!(
        !store
            .register("pay-in:order-9", Order::new(700).unwrap())
            .await
            .unwrap()
    );
    assert_eq!(
        store
            .order("pay-in:order-9")
            .await
            .unwrap()
            .unwrap()
            .state(),
        &OrderState::Paid {
            amount: Decimal::from(700)
        }
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_two_processes_fulfil_once() {
    let Some(pg) = Postgres::for_test("postgres_two_processes_fulfil_once").await else {
        return;
    };
    let url = pg.url_of(&pg.create_database("two").await.unwrap());
    let store = paypro_store::PostgresStore::connect(&url).await.unwrap();
    two_receivers_fulfil_once(&url, &store).await;
    // A second connection finds the schema in place (migrations ran once).
    let again = paypro_store::PostgresStore::connect(&url).await.unwrap();
    assert!(again.order("pay-in:order-0001").await.unwrap().is_some());
}
