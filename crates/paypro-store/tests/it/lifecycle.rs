//! The order lifecycle against the sandbox gateway, in process: the exact request stored as
//! `sending` before any byte leaves, an order never sent twice (not on a second call, not after
//! a crash, not after an uncertain answer), the reconciler settling what the sender and the
//! callbacks left unknown, the outbox performing what a crashed worker left, and Kenya's
//! unsigned callbacks confirmed by query.
//!
//! Every wait is a generous bound on convergence; nothing asserts how fast anything is.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use paypro_core::client::Config;
use paypro_core::notify::Flow;
use paypro_core::order::{Action, Event, OrderState, OrderStore};
use paypro_core::{Decimal, Secret, Status};
use paypro_mock::{Fault, Kind, Merchant, MockConfig, MockGateway};
use paypro_store::{
    AnyStore, CreateError, Hint, Lifecycle, OrderFilter, PendingAction, Settings, StoreError,
    Submission,
};
use paypro_testkit::{Answer, TEST_MERCHANT_NO, TEST_SECRET, TestServer};

/// The longest any convergence may take before the test gives up.
const BOUND: Duration = Duration::from_secs(30);

fn secret() -> Secret {
    Secret::new(TEST_SECRET).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("paypro-lifecycle-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("orders.db")
}

/// Timing for tests: everything due within a fraction of a second.
fn fast() -> Settings {
    Settings::default()
        .check_accepted_after(Duration::from_millis(300))
        .check_uncertain_after(Duration::ZERO)
        .check_sending_after(Duration::from_millis(300))
        .backoff(Duration::from_millis(50), Duration::from_millis(200))
        .lease(Duration::from_millis(500))
        .max_checks(4)
}

async fn sandbox() -> MockGateway {
    let config = MockConfig::default()
        .merchants(vec![
            Merchant::new(TEST_MERCHANT_NO, secret()).initial_balance(1_000_000_000),
        ])
        .settle_after(Duration::from_millis(50))
        .time_factor(0.001)
        .fault_delay(Duration::from_secs(3));
    static COUNTRIES: [&paypro_core::descriptor::CountryDescriptor; 2] =
        [&paypro_id::advanced::COUNTRY, &paypro_ke::advanced::COUNTRY];
    MockGateway::start(config, &COUNTRIES).await.unwrap()
}

fn id_client(base_url: &str) -> paypro_id::Client {
    paypro_id::Client::new(Config::new(TEST_MERCHANT_NO, secret()).base_url(base_url)).unwrap()
}

/// Nothing listens there: callbacks sent to it are lost, and queries to it fail.
const NOWHERE: &str = "http://127.0.0.1:9";

fn pay_in(trade_no: &str, amount: u64) -> paypro_id::PayInRequest {
    paypro_id::PayInRequest::builder()
        .trade_no(trade_no)
        .username("kevin")
        .mobile("6281245907765")
        .email("kevin@example.com")
        .channel_code(paypro_id::pay_in::ChannelCode::Ewallet)
        .way_code("DANA")
        .amount(amount)
        .notify_url(format!("{NOWHERE}/paypro/notify/pay-in"))
        .build()
        .unwrap()
}

fn payout(trade_no: &str, amount: u64) -> paypro_id::PayoutRequest {
    paypro_id::PayoutRequest::builder()
        .trade_no(trade_no)
        .amount(amount)
        .customer_name("kevin")
        .mobile("6281245907765")
        .email("kevin@example.com")
        .bank_account_no("5464438554636")
        .bank_code("0002")
        .notify_url(format!("{NOWHERE}/paypro/notify/payout"))
        .build()
        .unwrap()
}

/// A handler that records what it performed.
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<PendingAction>>>);

impl Recorder {
    fn handler(&self) -> impl paypro_store::Handler + use<> {
        let seen = Arc::clone(&self.0);
        move |action: PendingAction| {
            let seen = Arc::clone(&seen);
            async move {
                seen.lock().unwrap().push(action);
                Ok::<(), std::convert::Infallible>(())
            }
        }
    }

    fn performed(&self, trade_no: &str) -> Vec<PendingAction> {
        let seen = self.0.lock().unwrap();
        seen.iter()
            .filter(|a| a.trade_no == trade_no)
            .cloned()
            .collect()
    }

    fn fulfils(&self, trade_no: &str) -> usize {
        self.performed(trade_no)
            .iter()
            .filter(|a| matches!(a.action, Action::Fulfil { .. }))
            .count()
    }
}

/// Runs the reconciler and the worker until `done` holds, within [`BOUND`].
async fn converge<Q: paypro_core::client::OrderQuery>(
    lifecycle: &Lifecycle<Q>,
    recorder: &Recorder,
    mut done: impl FnMut() -> bool,
) {
    let reconciler = lifecycle
        .reconciler()
        .min_interval(Duration::from_millis(1));
    let worker = lifecycle.worker();
    let handler = recorder.handler();
    let deadline = Instant::now() + BOUND;
    while !done() {
        assert!(
            Instant::now() < deadline,
            "did not converge within {BOUND:?}"
        );
        reconciler.run_once().await.unwrap();
        worker.run_once(&handler).await.unwrap();
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn record(store: &AnyStore, key: &str) -> paypro_store::OrderRecord {
    store
        .record(key)
        .await
        .unwrap()
        .expect("the order is stored")
}

/// A gateway that takes one whole request, lets the test look at the store while it holds
/// the request (`check` gets the body), then closes the connection without answering: the
/// client cannot know whether the gateway acted.
async fn holding_gateway(check: impl Fn(String) + Send + Sync + 'static) -> TestServer {
    TestServer::start(move |request| {
        check(request.body.clone());
        Answer::Close
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_exact_request_is_stored_as_sending_before_any_byte_leaves_and_never_sent_twice() {
    let file = scratch("intent");
    let url = format!("sqlite://{}", file.display());
    let observer = paypro_store::open(&url).await.unwrap();
    let seen_by_gateway = Arc::new(Mutex::new(None));
    let seen = Arc::clone(&seen_by_gateway);
    let gateway = holding_gateway(move |body| {
        // What the database holds while the request is at the gateway: read on another
        // connection, synchronously, before the gateway does anything.
        let db = rusqlite::Connection::open(&file).unwrap();
        let row: (String, String) = db
            .query_row(
                "SELECT submission, request FROM paypro_orders WHERE key = 'pay-in:intent-1'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        *seen.lock().unwrap() = Some((row, body));
    })
    .await;
    let lifecycle = Lifecycle::new(
        paypro_store::open_with(&url, fast()).await.unwrap(),
        id_client(gateway.url()),
    );

    let err = lifecycle
        .create(Flow::PayIn, &pay_in("intent-1", 50_000), 50_000)
        .await
        .unwrap_err();
    assert!(err.may_have_moved_money(), "{err}");
    assert!(matches!(err, CreateError::Uncertain(_)), "{err}");

    let ((submission, stored), sent) = seen_by_gateway.lock().unwrap().clone().unwrap();
    assert_eq!(submission, "sending", "recorded before the bytes left");
    assert_eq!(
        stored, sent,
        "the stored request is the one that was sent, byte for byte"
    );

    let after = record(&observer, "pay-in:intent-1").await;
    assert_eq!(after.submission, Submission::Uncertain);
    assert!(after.send_error.is_some());
    assert!(
        after.check_after_ms.is_some(),
        "the reconciler will query it"
    );

    // A second create of the same order is refused before anything is sent.
    match lifecycle
        .create(Flow::PayIn, &pay_in("intent-1", 50_000), 50_000)
        .await
    {
        Err(CreateError::Exists { key, submission }) => {
            assert_eq!(key, "pay-in:intent-1");
            assert_eq!(submission, Submission::Uncertain);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(gateway.requests().len(), 1, "sent exactly once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crash_during_the_call_leaves_the_order_sending_and_the_reconciler_settles_it() {
    let mock = sandbox().await;
    let file = scratch("crash");
    let url = format!("sqlite://{}", file.display());
    let lifecycle = Lifecycle::new(
        paypro_store::open_with(&url, fast()).await.unwrap(),
        id_client(&mock.base_url("id").unwrap()),
    );
    // The sandbox holds this answer for 3 s (the `delay` fault's amount): the process "dies"
    // while the call is in flight, after the gateway created the order.
    let amount = Fault::Delay.amount();
    let call = {
        let lifecycle = lifecycle.clone();
        tokio::spawn(async move {
            let _ = lifecycle
                .create(Flow::PayIn, &pay_in("crash-1", amount), amount)
                .await;
        })
    };
    let deadline = Instant::now() + BOUND;
    while mock.order("id", Kind::PayIn, "crash-1").is_none() {
        assert!(Instant::now() < deadline);
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    call.abort();
    let _ = call.await;
    let store = lifecycle.store();
    assert_eq!(
        record(store, "pay-in:crash-1").await.submission,
        Submission::Sending
    );

    // A restarted checkout that tries again sends nothing.
    assert!(matches!(
        lifecycle
            .create(Flow::PayIn, &pay_in("crash-1", amount), amount)
            .await,
        Err(CreateError::Exists {
            submission: Submission::Sending,
            ..
        })
    ));

    // The reconciler finds out: the sandbox settled it as paid; the worker fulfils once.
    let recorder = Recorder::default();
    converge(&lifecycle, &recorder, || recorder.fulfils("crash-1") == 1).await;
    let settled = record(store, "pay-in:crash-1").await;
    assert_eq!(settled.submission, Submission::Accepted);
    assert!(settled.order.is_final());
    // Nothing more happens however long the loops run.
    for _ in 0..5 {
        lifecycle.reconciler().run_once().await.unwrap();
        lifecycle
            .worker()
            .run_once(&recorder.handler())
            .await
            .unwrap();
    }
    assert_eq!(recorder.fulfils("crash-1"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_uncertain_payout_is_reconciled_never_resent() {
    let mock = sandbox().await;
    let lifecycle = Lifecycle::new(
        paypro_store::open_with("memory:", fast()).await.unwrap(),
        id_client(&mock.base_url("id").unwrap()),
    );
    // The sandbox creates the payout, then drops the connection without answering.
    let amount = Fault::Drop.amount();
    let err = lifecycle
        .create(Flow::Payout, &payout("payout-1", amount), amount)
        .await
        .unwrap_err();
    assert!(err.may_have_moved_money(), "{err}");
    assert!(matches!(
        lifecycle
            .create(Flow::Payout, &payout("payout-1", amount), amount)
            .await,
        Err(CreateError::Exists { .. })
    ));
    let recorder = Recorder::default();
    converge(&lifecycle, &recorder, || recorder.fulfils("payout-1") == 1).await;
    let done = recorder.performed("payout-1");
    assert_eq!(done[0].flow, Some(Flow::Payout));
    let ledger = mock.order("id", Kind::Payout, "payout-1").unwrap();
    assert_eq!(ledger.status, Status::Success, "the sandbox paid it once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lost_callbacks_are_reconciled_and_a_query_fulfils_as_a_callback_would() {
    let mock = sandbox().await;
    let lifecycle = Lifecycle::new(
        paypro_store::open_with("memory:", fast()).await.unwrap(),
        id_client(&mock.base_url("id").unwrap()),
    );
    // Every callback goes to a closed port: none arrives.
    lifecycle
        .create(Flow::PayIn, &pay_in("lost-1", 70_000), 70_000)
        .await
        .unwrap();
    lifecycle
        .create(Flow::PayIn, &pay_in("lost-2", 4029), 4029)
        .await
        .unwrap();
    let recorder = Recorder::default();
    converge(&lifecycle, &recorder, || {
        recorder.fulfils("lost-1") == 1 && !recorder.performed("lost-2").is_empty()
    })
    .await;
    assert_eq!(
        lifecycle
            .store()
            .order("pay-in:lost-1")
            .await
            .unwrap()
            .unwrap()
            .state(),
        &OrderState::Paid {
            amount: Decimal::from(70_000)
        }
    );
    assert!(matches!(
        recorder.performed("lost-2")[0].action,
        Action::MarkFailed { .. }
    ));
    assert_eq!(
        recorder.fulfils("lost-2"),
        0,
        "an unpaid order is never fulfilled"
    );
    // The late callback, when it finally comes, changes nothing.
    let late = lifecycle
        .receive(
            Flow::PayIn,
            "lost-1",
            &Event::new(Status::Success, Some(Decimal::from(70_000))),
        )
        .await
        .unwrap();
    assert!(matches!(
        late,
        paypro_store::Applied::Action(Action::Ignore(_))
    ));
    lifecycle
        .worker()
        .run_once(&recorder.handler())
        .await
        .unwrap();
    assert_eq!(recorder.fulfils("lost-1"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_nobody_can_confirm_needs_a_person_with_the_last_error() {
    let lifecycle = Lifecycle::new(
        paypro_store::open_with("memory:", fast()).await.unwrap(),
        id_client(NOWHERE),
    );
    assert!(
        lifecycle
            .register(Flow::PayIn, "lonely-1", 500)
            .await
            .unwrap()
    );
    let recorder = Recorder::default();
    let store = lifecycle.store().clone();
    let deadline = Instant::now() + BOUND;
    loop {
        let open = store.records(OrderFilter::NeedsPerson, 10).await.unwrap();
        if let Some(order) = open.first() {
            assert_eq!(order.key, "pay-in:lonely-1");
            let reason = order.needs_person.as_deref().unwrap();
            assert!(reason.contains("could not confirm"), "{reason}");
            assert!(order.last_check_error.is_some());
            assert_eq!(order.checks, 4);
            assert_eq!(order.check_after_ms, None, "no longer queried");
            break;
        }
        assert!(Instant::now() < deadline, "never handed to a person");
        lifecycle
            .reconciler()
            .min_interval(Duration::from_millis(1))
            .run_once()
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    lifecycle
        .worker()
        .run_once(&recorder.handler())
        .await
        .unwrap();
    assert!(
        recorder.performed("lonely-1").is_empty(),
        "nothing is performed on a guess"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_that_dies_leaves_its_action_to_another_with_the_same_key() {
    let file = scratch("worker");
    let url = format!("sqlite://{}", file.display());
    let lifecycle = Lifecycle::new(
        paypro_store::open_with(&url, fast()).await.unwrap(),
        id_client(NOWHERE),
    );
    assert!(lifecycle.register(Flow::PayIn, "w-1", 300).await.unwrap());
    // The callback commits; the process is killed before anything performs the action.
    lifecycle
        .receive(
            Flow::PayIn,
            "w-1",
            &Event::new(Status::Success, Some(Decimal::from(300))),
        )
        .await
        .unwrap();

    // A worker claims it and dies while performing it.
    let first_key = Arc::new(Mutex::new(None));
    let dying = {
        let worker = lifecycle.worker();
        let first_key = Arc::clone(&first_key);
        tokio::spawn(async move {
            let handler = move |action: PendingAction| {
                let first_key = Arc::clone(&first_key);
                async move {
                    *first_key.lock().unwrap() = Some(action.idempotency_key());
                    std::future::pending::<()>().await;
                    Ok::<(), std::convert::Infallible>(())
                }
            };
            worker.run_once(&handler).await
        })
    };
    let deadline = Instant::now() + BOUND;
    while first_key.lock().unwrap().is_none() {
        assert!(Instant::now() < deadline);
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    dying.abort();

    // Another process's worker, on the same file: nothing while the lease holds, then the
    // action, with the same idempotency key.
    let other = Lifecycle::new(
        paypro_store::open_with(&url, fast()).await.unwrap(),
        id_client(NOWHERE),
    );
    let recorder = Recorder::default();
    let pass = other.worker().run_once(&recorder.handler()).await.unwrap();
    assert_eq!(pass.done, 0, "the lease is still held");
    converge(&other, &recorder, || recorder.fulfils("w-1") == 1).await;
    let performed = recorder.performed("w-1");
    assert_eq!(
        Some(performed[0].idempotency_key()),
        *first_key.lock().unwrap()
    );
    assert_eq!(performed[0].attempts, 2);
    assert!(other.store().actions(true, 10).await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_handler_is_retried_after_a_backoff() {
    let lifecycle = Lifecycle::new(
        paypro_store::open_with("memory:", fast()).await.unwrap(),
        id_client(NOWHERE),
    );
    assert!(lifecycle.register(Flow::PayIn, "h-1", 300).await.unwrap());
    lifecycle
        .receive(
            Flow::PayIn,
            "h-1",
            &Event::new(Status::Success, Some(Decimal::from(300))),
        )
        .await
        .unwrap();
    let failing = |_: PendingAction| async { Err::<(), _>("the warehouse is down") };
    let pass = lifecycle.worker().run_once(&failing).await.unwrap();
    assert_eq!((pass.done, pass.failed), (0, 1));
    let pending = lifecycle.store().actions(true, 10).await.unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(
        pending[0].last_error.as_deref(),
        Some("the warehouse is down")
    );
    // Not again before the backoff.
    assert_eq!(
        lifecycle.worker().run_once(&failing).await.unwrap().failed,
        0
    );
    let recorder = Recorder::default();
    converge(&lifecycle, &recorder, || recorder.fulfils("h-1") == 1).await;
    assert_eq!(recorder.performed("h-1")[0].attempts, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kenyas_unsigned_callback_is_a_hint_confirmed_by_query() {
    let mock = sandbox().await;
    let client = paypro_ke::Client::new(
        Config::new(TEST_MERCHANT_NO, secret()).base_url(mock.base_url("ke").unwrap()),
    )
    .unwrap();
    let lifecycle = Lifecycle::new(
        paypro_store::open_with(
            "memory:",
            // Only a hint makes the order due: a silent order waits an hour.
            fast().check_accepted_after(Duration::from_secs(3600)),
        )
        .await
        .unwrap(),
        client,
    );
    let request = paypro_ke::PayInRequest::builder()
        .trade_no("ke-1")
        .amount(100u64)
        .mobile("254115555088")
        .notify_url(format!("{NOWHERE}/paypro/notify/pay-in"))
        .build()
        .unwrap();
    lifecycle.create(Flow::PayIn, &request, 100).await.unwrap();
    let deadline = Instant::now() + BOUND;
    while !mock
        .order("ke", Kind::PayIn, "ke-1")
        .is_some_and(|o| o.status.is_final())
    {
        assert!(Instant::now() < deadline);
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let recorder = Recorder::default();
    // Nothing is due until the hint.
    assert_eq!(lifecycle.reconciler().run_once().await.unwrap().queried, 0);
    assert_eq!(
        lifecycle.hint(Flow::PayIn, "ke-1").await.unwrap(),
        Hint::Scheduled
    );
    converge(&lifecycle, &recorder, || recorder.fulfils("ke-1") == 1).await;
    assert_eq!(
        lifecycle.hint(Flow::PayIn, "ke-1").await.unwrap(),
        Hint::NothingToConfirm,
        "a final order has nothing to confirm"
    );
    assert_eq!(
        lifecycle.hint(Flow::PayIn, "nobody").await.unwrap(),
        Hint::UnknownOrder
    );
}

#[tokio::test]
async fn backoff_doubles_up_to_its_cap_and_a_newer_schema_is_refused() {
    let s = Settings::default().backoff(Duration::from_secs(1), Duration::from_secs(10));
    let waits: Vec<u64> = (1..=6).map(|n| s.backoff_after(n).as_secs()).collect();
    assert_eq!(waits, [1, 2, 4, 8, 10, 10]);
    assert_eq!(s.backoff_after(u32::MAX), Duration::from_secs(10));

    let file = scratch("newer");
    drop(paypro_store::SqliteStore::open(&file).await.unwrap());
    rusqlite::Connection::open(&file)
        .unwrap()
        .execute("INSERT INTO paypro_schema_version VALUES (99)", [])
        .unwrap();
    match paypro_store::SqliteStore::open(&file).await {
        Err(StoreError::Conflict { reason, .. }) => assert!(reason.contains("newer"), "{reason}"),
        other => panic!("{other:?}"),
    }
}

/// Paypro's own answer that the payer paid part of the amount is a person's decision (refund
/// or wait), not a reason to query again for hours; a later full payment still fulfils.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_queried_partial_payment_needs_a_person_at_once() {
    let mock = sandbox().await;
    let lifecycle = Lifecycle::new(
        paypro_store::open_with("memory:", fast().max_checks(20))
            .await
            .unwrap(),
        id_client(&mock.base_url("id").unwrap()),
    );
    // The sandbox settles this amount as half paid (`0001`); its callback is lost.
    lifecycle
        .create(Flow::PayIn, &pay_in("half-1", 4001), 4001)
        .await
        .unwrap();
    let recorder = Recorder::default();
    let store = lifecycle.store().clone();
    let mut needs = Vec::new();
    converge(&lifecycle, &recorder, || {
        needs = futures_now(store.records(OrderFilter::NeedsPerson, 10));
        !needs.is_empty()
    })
    .await;
    let order = &needs[0];
    assert_eq!(order.key, "pay-in:half-1");
    assert!(
        order.checks < 3,
        "handed over at once, not after the backoff: {order:?}"
    );
    assert!(
        order
            .needs_person
            .as_deref()
            .unwrap()
            .contains("partly paid")
    );
    assert!(matches!(
        recorder.performed("half-1")[0].action,
        Action::RecordPartialPayment { .. }
    ));
    // The rest arrives: the callback fulfils, and the order no longer needs a person.
    lifecycle
        .receive(
            Flow::PayIn,
            "half-1",
            &Event::new(Status::Success, Some(Decimal::from(4001))),
        )
        .await
        .unwrap();
    let after = record(&store, "pay-in:half-1").await;
    assert!(after.order.is_final());
    assert_eq!(after.needs_person, None);
}

/// Runs a store future to completion from a synchronous closure (the converge condition).
fn futures_now<T>(f: impl std::future::Future<Output = Result<T, StoreError>>) -> T {
    tokio::task::block_in_place(|| tokio::runtime::Handle::current().block_on(f)).unwrap()
}
