//! `paypro orders`: a real SQLite store written through paypro-store (orders open, paid,
//! failed, refused at sending, handed to a person; actions done, failed and pending), read
//! back by the built binary as text and as JSON; and a reconciliation run against the sandbox
//! gateway in this process. Only 127.0.0.1 is ever called.

use crate::common;

use std::path::PathBuf;
use std::time::Duration;

use common::{MERCHANT_ENV, SECRET_ENV, code, paypro, stderr, stdout, stdout_json};
use paypro_all::id::pay_in::ChannelCode;
use paypro_core::client::{Config, RetryPolicy};
use paypro_core::notify::Flow;
use paypro_core::order::{Applied, Event, Order};
use paypro_core::{Decimal, Secret, Status};
use paypro_mock::{Kind, MockConfig, MockGateway};
use paypro_store::{CreateError, Lifecycle, OrderStore, PendingAction, Settings};
use paypro_testkit::{TEST_MERCHANT_NO, TEST_SECRET};
use serde_json::Value;

/// Nothing listens there: every call is refused before anything is sent.
const CLOSED: &str = "http://127.0.0.1:9";

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("paypro-cli-orders-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("orders.db")
}

fn url(path: &std::path::Path) -> String {
    format!("sqlite://{}", path.display())
}

/// Indonesia's client at `base`, with one attempt per call.
fn client(base: &str) -> paypro_all::id::Client {
    let config = Config::new(TEST_MERCHANT_NO, Secret::new(TEST_SECRET).unwrap())
        .base_url(base)
        .retry(RetryPolicy::NONE);
    paypro_all::id::Client::new(config).unwrap()
}

fn pay_in(trade_no: &str, amount: u64) -> paypro_all::id::PayInRequest {
    paypro_all::id::PayInRequest::builder()
        .trade_no(trade_no)
        .username("kevin")
        .mobile("6281245907765")
        .email("k@example.com")
        .channel_code(ChannelCode::Ewallet)
        .amount(amount)
        .notify_url(format!("{CLOSED}/notify"))
        .build()
        .unwrap()
}

fn event(status: &str, amount: i64) -> Event {
    Event::new(Status::from_code(status), Some(Decimal::from(amount)))
}

/// Keys newest first, as the list shows them (a little time apart, so none share a
/// millisecond).
const NEWEST_FIRST: [&str; 7] = [
    "pay-in:esc\u{1b}[31m",
    "pay-in:create-1",
    "pay-in:paid-1",
    "payout:po-1",
    "pay-in:paid-0",
    "pay-in:open-1",
    "pay-in:np-1",
];

/// A store with an order in each state an operator meets.
fn store_with_every_state(path: &std::path::Path) {
    let rt = runtime();
    rt.block_on(async {
        let pause = || tokio::time::sleep(Duration::from_millis(3));
        // Every registered order is due at once, and one failed query hands it to a person.
        let settings = Settings::default()
            .max_checks(1)
            .check_accepted_after(Duration::ZERO);
        let store = paypro_store::open_with(&url(path), settings).await.unwrap();
        let lifecycle = Lifecycle::new(store, client(CLOSED));
        let store = lifecycle.store();

        // Needs a person: its one query could not be sent.
        assert!(
            store
                .register("pay-in:np-1", Order::new(5000).unwrap())
                .await
                .unwrap()
        );
        let checked = lifecycle
            .reconciler()
            .run_until_idle(|_, _| {})
            .await
            .unwrap();
        assert_eq!((checked.queried, checked.failed), (1, 1));
        pause().await;
        // Open.
        store
            .register("pay-in:open-1", Order::new(1000).unwrap())
            .await
            .unwrap();
        pause().await;
        // Paid, its fulfilment performed.
        store
            .register("pay-in:paid-0", Order::new(700).unwrap())
            .await
            .unwrap();
        let applied = store
            .apply("pay-in:paid-0", &event("0000", 700))
            .await
            .unwrap();
        assert!(matches!(applied, Applied::Action(_)), "{applied:?}");
        let ok = |_: PendingAction| async { Ok::<(), String>(()) };
        let done = lifecycle.worker().run_once(&ok).await.unwrap();
        assert_eq!(done.done, 1);
        pause().await;
        // A failed payout, whose handler failed (with text that would drive a terminal).
        store
            .register("payout:po-1", Order::new(2000).unwrap())
            .await
            .unwrap();
        store
            .apply("payout:po-1", &event("00029", 2000))
            .await
            .unwrap();
        let broken =
            |_: PendingAction| async { Err::<(), String>("warehouse down\u{1b}[2J\nretry".into()) };
        let failed = lifecycle.worker().run_once(&broken).await.unwrap();
        assert_eq!(failed.failed, 1);
        pause().await;
        // Paid, its fulfilment pending.
        store
            .register("pay-in:paid-1", Order::new(30_000).unwrap())
            .await
            .unwrap();
        store
            .apply("pay-in:paid-1", &event("0000", 30_000))
            .await
            .unwrap();
        pause().await;
        // Sent by the library and refused before leaving: its exact request is kept.
        let refused = lifecycle
            .create(Flow::PayIn, &pay_in("create-1", 1000), 1000)
            .await;
        assert!(
            matches!(refused, Err(CreateError::Refused(_))),
            "{refused:?}"
        );
        pause().await;
        // A key with an escape sequence in it.
        store
            .register("pay-in:esc\u{1b}[31m", Order::new(1).unwrap())
            .await
            .unwrap();
    });
}

fn orders(db: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["orders", "--database-url", db];
    all.extend_from_slice(args);
    paypro(&all, "", &[])
}

fn ok_text(out: &std::process::Output) -> String {
    assert_eq!(code(out), 0, "{}", stderr(out));
    assert!(stderr(out).is_empty(), "{}", stderr(out));
    let text = stdout(out);
    assert!(!text.contains('\u{1b}'), "terminal-safe: {text:?}");
    text
}

fn ok_json(out: &std::process::Output) -> Value {
    assert_eq!(code(out), 0, "{}", stderr(out));
    assert!(stderr(out).is_empty(), "{}", stderr(out));
    stdout_json(out)
}

/// The line of a text table that starts with `key`.
fn line_of<'a>(text: &'a str, key: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(&format!("{key} ")))
        .unwrap_or_else(|| panic!("no line for {key}: {text}"))
}

#[test]
fn list_show_and_actions_read_the_store() {
    let path = scratch("states");
    store_with_every_state(&path);
    let db = url(&path);

    // list: newest first, one line per order after the header.
    let text = ok_text(&orders(&db, &["list"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + NEWEST_FIRST.len(), "{text}");
    for w in [
        "KEY",
        "STATE",
        "EXPECTED",
        "SUBMISSION",
        "CHECKS",
        "NEEDS PERSON",
    ] {
        assert!(lines[0].contains(w), "{text}");
    }
    let escaped = r"pay-in:esc\u{1b}[31m";
    assert!(lines[1].starts_with(escaped), "{text}");
    let words = |key: &str| -> Vec<String> {
        line_of(&text, key)
            .split_whitespace()
            .map(String::from)
            .collect()
    };
    assert_eq!(
        words("pay-in:open-1"),
        ["pay-in:open-1", "open", "1000", "registered", "0"]
    );
    assert_eq!(
        words("pay-in:paid-1"),
        [
            "pay-in:paid-1",
            "paid",
            "amount=30000",
            "30000",
            "registered",
            "0"
        ]
    );
    assert_eq!(
        words("payout:po-1")[..3],
        ["payout:po-1", "failed", "code=00029"]
    );
    assert_eq!(
        words("pay-in:create-1")[..4],
        ["pay-in:create-1", "failed", "code=not-sent", "1000"]
    );
    assert_eq!(words("pay-in:create-1")[4], "refused");
    let np = line_of(&text, "pay-in:np-1");
    assert!(np.contains(" open "), "{np}");
    assert!(np.contains("the gateway could not confirm it"), "{np}");
    assert!(np.contains("(1 queries)"), "{np}");

    let json = ok_json(&orders(&db, &["list", "--json"]));
    let keys: Vec<&str> = json["orders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, NEWEST_FIRST);
    let paid = &json["orders"][2];
    assert_eq!(paid["key"], "pay-in:paid-1");
    assert_eq!(paid["state"]["state"], "paid");
    assert_eq!(paid["expected"], "30000");
    assert_eq!(paid["submission"], "registered");
    assert_eq!(paid["final"], true);
    assert_eq!(paid["needs_person"], Value::Null);

    // --limit, and --json after the subcommand or before it.
    let json = ok_json(&orders(&db, &["--json", "list", "--limit", "2"]));
    assert_eq!(json["orders"].as_array().unwrap().len(), 2);
    assert_eq!(json["orders"][1]["key"], "pay-in:create-1");

    // --needs-person.
    let text = ok_text(&orders(&db, &["list", "--needs-person"]));
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.lines().nth(1).unwrap().starts_with("pay-in:np-1 "),
        "{text}"
    );
    let json = ok_json(&orders(&db, &["list", "--needs-person", "--json"]));
    let list = json["orders"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{json}");
    assert_eq!(list[0]["key"], "pay-in:np-1");
    assert_eq!(list[0]["checks"], 1);
    assert_eq!(list[0]["check_after_ms"], Value::Null);
    let error = list[0]["last_check_error"].as_str().unwrap();
    assert!(!error.is_empty());
    assert!(
        list[0]["needs_person"].as_str().unwrap().contains(error),
        "{json}"
    );

    // --open: the orders the reconciler still looks at, and the one handed to a person.
    let json = ok_json(&orders(&db, &["list", "--open", "--json"]));
    let mut open: Vec<&str> = json["orders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["key"].as_str().unwrap())
        .collect();
    open.sort();
    assert_eq!(
        open,
        ["pay-in:esc\u{1b}[31m", "pay-in:np-1", "pay-in:open-1"]
    );

    // show: every field, the exact request body, the order's actions.
    let json = ok_json(&orders(&db, &["show", "create-1", "--json"]));
    assert_eq!(json["key"], "pay-in:create-1");
    assert_eq!(json["flow"], "pay-in");
    assert_eq!(json["trade_no"], "create-1");
    assert_eq!(json["submission"], "refused");
    assert_eq!(json["endpoint"], "pay-in");
    assert_eq!(json["state"]["state"], "failed");
    let body = json["request"].as_str().unwrap();
    let sent: Value = serde_json::from_str(body).unwrap();
    assert_eq!(sent["tradeNo"], "create-1");
    assert_eq!(sent["amount"], 1000);
    assert!(sent["sign"].is_string(), "{body}");
    assert!(
        json["send_error"].as_str().is_some_and(|e| !e.is_empty()),
        "{json}"
    );
    for field in ["created_ms", "updated_ms", "checks"] {
        assert!(json[field].is_i64(), "{field}: {json}");
    }
    let text = ok_text(&orders(&db, &["show", "pay-in:create-1"]));
    assert!(
        text.contains(&format!("request:\n{body}\n")),
        "the exact body: {text}"
    );
    for label in [
        "key:",
        "flow:",
        "trade no:",
        "expected:",
        "state:",
        "submission:",
        "endpoint:",
        "send error:",
        "created:",
        "updated:",
        "next check:",
        "checks:",
        "last check error:",
        "needs person:",
        "actions:",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(label)),
            "{label}: {text}"
        );
    }
    assert!(text.contains(" UTC"), "{text}");

    let json = ok_json(&orders(&db, &["show", "payout:po-1", "--json"]));
    let actions = json["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{json}");
    assert_eq!(actions[0]["action"]["action"], "mark_failed");
    assert_eq!(actions[0]["attempts"], 1);
    assert_eq!(actions[0]["done_ms"], Value::Null);
    assert_eq!(actions[0]["last_error"], "warehouse down\u{1b}[2J\nretry");
    let text = ok_text(&orders(&db, &["show", "payout:po-1"]));
    assert!(text.contains(r"warehouse down\u{1b}[2J\nretry"), "{text}");

    // A performed action is shown with the order, with when it was done.
    let json = ok_json(&orders(&db, &["show", "paid-0", "--json"]));
    assert_eq!(json["actions"][0]["action"]["action"], "fulfil");
    assert!(json["actions"][0]["done_ms"].is_i64(), "{json}");
    let text = ok_text(&orders(&db, &["show", "paid-0"]));
    assert!(text.contains("fulfil amount=700"), "{text}");

    // Not found: one clear line, exit 1, nothing on stdout (text or JSON).
    for args in [
        vec!["show", "nope"],
        vec!["show", "nope", "--json"],
        vec!["show", "pay-in:nope"],
    ] {
        let out = orders(&db, &args);
        common::fails_with(&out, 1, &["no order `pay-in:nope`", "payout:nope"]);
        assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    }
    let out = orders(&db, &["show", "payout:paid-1"]);
    common::fails_with(&out, 1, &["no order `payout:paid-1`", "`pay-in:paid-1`"]);

    // actions: pending and failed ones, oldest first; not the performed one.
    let text = ok_text(&orders(&db, &["actions"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    for w in [
        "ID",
        "IDEMPOTENCY KEY",
        "KEY",
        "ACTION",
        "STATUS",
        "ATTEMPTS",
        "LAST ERROR",
    ] {
        assert!(lines[0].contains(w), "{text}");
    }
    assert!(
        lines[1].contains("payout:po-1") && lines[1].contains("mark_failed"),
        "{text}"
    );
    assert!(
        lines[1].contains(r"warehouse down\u{1b}[2J\nretry"),
        "{text}"
    );
    assert!(
        lines[2].contains("pay-in:paid-1") && lines[2].contains("fulfil amount=30000"),
        "{text}"
    );
    assert!(lines[2].contains("paypro-action-"), "{text}");
    let json = ok_json(&orders(&db, &["actions", "--json"]));
    let list = json["actions"].as_array().unwrap();
    assert_eq!(list.len(), 2, "{json}");
    assert_eq!(list[0]["key"], "payout:po-1");
    assert_eq!(list[0]["status"], "00029");
    assert_eq!(list[0]["attempts"], 1);
    assert_eq!(list[1]["key"], "pay-in:paid-1");
    assert_eq!(list[1]["action"]["action"], "fulfil");
    assert_eq!(list[1]["attempts"], 0);
    assert_eq!(list[1]["last_error"], Value::Null);
    let id = list[1]["id"].as_i64().unwrap();
    assert_eq!(list[1]["idempotency_key"], format!("paypro-action-{id}"));

    // DATABASE_URL instead of the flag.
    let out = paypro(&["orders", "list", "--json"], "", &[("DATABASE_URL", &db)]);
    assert_eq!(
        ok_json(&out)["orders"].as_array().unwrap().len(),
        NEWEST_FIRST.len()
    );
}

#[test]
fn a_missing_store_or_url_is_a_usage_error() {
    let out = paypro(&["orders", "list"], "", &[]);
    common::fails_with(&out, 2, &["DATABASE_URL", "--database-url"]);
    let path = scratch("missing");
    let db = url(&path);
    let out = orders(&db, &["list"]);
    common::fails_with(&out, 2, &["does not exist"]);
    assert!(!path.exists(), "nothing created");
    let out = orders("mysql://x", &["list"]);
    common::fails_with(&out, 2, &["is not a store"]);
    // Reconcile: an unknown country or missing credentials, before any store is opened.
    let out = orders(&db, &["reconcile", "--country", "zz"]);
    common::fails_with(&out, 2, &["zz"]);
    let out = orders(&db, &["reconcile", "--country", "id"]);
    common::fails_with(&out, 2, &["PAYPRO_SECRET"]);
}

#[test]
fn reconcile_confirms_orders_at_the_sandbox() {
    let path = scratch("reconcile");
    let db = url(&path);
    let rt = runtime();
    let gateway = rt
        .block_on(MockGateway::start(
            MockConfig::default().settle_after(Duration::from_millis(20)),
            paypro_all::COUNTRIES,
        ))
        .unwrap();
    let base = gateway.base_url("id").unwrap();
    rt.block_on(async {
        // Due at once, as if their callbacks were lost.
        let settings = Settings::default().check_accepted_after(Duration::ZERO);
        let store = paypro_store::open_with(&db, settings).await.unwrap();
        let lifecycle = Lifecycle::new(store, client(&base));
        let reply = lifecycle
            .create(Flow::PayIn, &pay_in("rc-1", 1000), 1000)
            .await;
        assert!(reply.is_ok(), "{reply:?}");
        // An order the gateway does not know: its query fails.
        let store = lifecycle.store();
        store
            .register("pay-in:rc-unknown", Order::new(500).unwrap())
            .await
            .unwrap();
    });
    for _ in 0..200 {
        if gateway
            .order("id", Kind::PayIn, "rc-1")
            .is_some_and(|o| o.final_ms.is_some())
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let env = [SECRET_ENV, MERCHANT_ENV, ("PAYPRO_BASE_URL", base.as_str())];
    let run = |args: &[&str]| {
        let mut all = vec![
            "orders",
            "--database-url",
            &db,
            "reconcile",
            "--country",
            "id",
        ];
        all.extend_from_slice(args);
        paypro(&all, "", &env)
    };
    let out = run(&[]);
    // stderr is not a terminal here: no progress bar.
    let text = ok_text(&out);
    assert!(text.contains("queried 2, answered 1, failed 1"), "{text}");
    assert!(text.contains("no order needs a person"), "{text}");

    let json = ok_json(&orders(&db, &["show", "rc-1", "--json"]));
    assert_eq!(json["state"]["state"], "paid", "{json}");
    assert_eq!(json["submission"], "accepted");
    let actions = json["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{json}");
    assert_eq!(actions[0]["action"]["action"], "fulfil");
    assert_eq!(actions[0]["done_ms"], Value::Null);
    let json = ok_json(&orders(&db, &["actions", "--json"]));
    assert_eq!(json["actions"][0]["key"], "pay-in:rc-1");
    let json = ok_json(&orders(&db, &["show", "rc-unknown", "--json"]));
    assert_eq!(json["checks"], 1);
    assert!(json["last_check_error"].is_string(), "{json}");
    assert_eq!(json["needs_person"], Value::Null);

    // Nothing is due any more (the unknown order waits for its backoff).
    let json = ok_json(&run(&["--json"]));
    assert_eq!(
        json,
        serde_json::json!({"country": "id", "queried": 0, "answered": 0, "failed": 0, "needs_person": 0})
    );
    drop(gateway);
}
