//! The example receiver over loopback HTTP, against the attacks of issue 9: a retried or
//! replayed callback, a genuinely signed downgrade after success, a partial payment then a
//! success, a success for less than the order expects. Each genuine callback is signed with
//! the test secret, as Paypro would sign it; forged and malformed ones get 400.

use crate::example as receiver;

use crate::support::{SECRET, State, actions, create_order, order, performed, state, state_on};
use paypro_core::order::{Action, Ignored, OrderState, Shortfall};
use paypro_id::{Decimal, Secret, sign_body};
use receiver::Limits;
/// Indonesia's documented callback (its tail from the identical Brazil/Vietnam example).
const EXAMPLE: &str = r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":"30000","status":"0000","message":"SUCCESS","successTime":"2024-07-01 18:34:31","timestamp":"1724740395968","sign":"12222222222"}"#;

fn secret() -> Secret {
    Secret::new(SECRET).unwrap()
}

/// Starts the example receiver on 127.0.0.1 with its default limits; its notify URL.
async fn start(state: &State) -> String {
    // Not a TestServer: this listener serves the example receiver under test.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/paypro/notify", listener.local_addr().unwrap());
    let app = state.clone().app();
    tokio::spawn(receiver::serve(listener, app, Limits::default()));
    url
}

async fn post(url: &str, body: String) -> (u16, String) {
    let response = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("the receiver answers");
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

fn ok() -> (u16, String) {
    (200, "OK".to_string())
}

/// A callback for `trade_no` as Paypro signs it.
fn callback(trade_no: &str, status: &str, amount: Option<&str>) -> String {
    let message = if status == "0000" {
        "SUCCESS"
    } else {
        "see status"
    };
    let amount = amount.map_or(String::new(), |a| format!(r#""amount":"{a}","#));
    let fields = format!(
        r#"{{"platFormTradeNo":"pf-{trade_no}","tradeNo":"{trade_no}",{amount}"status":"{status}","message":"{message}","successTime":"2024-07-01 18:34:31","timestamp":"1724740395968"}}"#
    );
    sign_body(&fields, &secret()).unwrap()
}

fn dec(n: i64) -> Decimal {
    Decimal::from(n)
}

fn fulfils(actions: &[Action]) -> usize {
    actions
        .iter()
        .filter(|a| matches!(a, Action::Fulfil { .. }))
        .count()
}

#[tokio::test]
async fn the_same_callback_twice_fulfils_once() {
    let state = state().await;
    assert!(create_order(&state, "00000020", 30_000).await.unwrap());
    let url = start(&state).await;

    let signed = sign_body(EXAMPLE, &secret()).unwrap();
    assert_eq!(post(&url, signed.clone()).await, ok());
    assert_eq!(post(&url, signed).await, ok(), "a retry is acknowledged");

    assert_eq!(
        actions(&state, "00000020").await,
        [Action::Fulfil {
            amount: dec(30_000)
        }],
        "the retry is not performed"
    );
    assert_eq!(
        order(&state, "00000020").await.unwrap().state(),
        &OrderState::Paid {
            amount: dec(30_000)
        }
    );
}

#[tokio::test]
async fn a_signed_downgrade_after_success_leaves_the_order_paid_and_is_reported() {
    let state = state().await;
    assert!(create_order(&state, "order-1", 30_000).await.unwrap());
    let url = start(&state).await;

    assert_eq!(
        post(&url, callback("order-1", "0000", Some("30000"))).await,
        ok()
    );
    assert_eq!(post(&url, callback("order-1", "00029", None)).await, ok());

    let taken = actions(&state, "order-1").await;
    assert_eq!(
        taken[0],
        Action::Fulfil {
            amount: dec(30_000)
        }
    );
    assert_eq!(
        taken[1],
        Action::Ignore(Ignored::Conflict {
            status: "00029".into(),
            amount: None
        })
    );
    assert!(taken[1].needs_attention(), "the conflict is reported");
    assert_eq!(taken.len(), 2);
    assert_eq!(
        order(&state, "order-1").await.unwrap().state(),
        &OrderState::Paid {
            amount: dec(30_000)
        },
        "still paid"
    );
}

#[tokio::test]
async fn a_success_after_a_failure_is_a_conflict_not_a_delivery() {
    let state = state().await;
    assert!(create_order(&state, "order-2", 30_000).await.unwrap());
    let url = start(&state).await;

    assert_eq!(post(&url, callback("order-2", "00029", None)).await, ok());
    assert_eq!(
        post(&url, callback("order-2", "0000", Some("30000"))).await,
        ok()
    );

    let taken = actions(&state, "order-2").await;
    assert!(matches!(taken[0], Action::MarkFailed { .. }), "{taken:?}");
    assert!(
        matches!(taken[1], Action::Ignore(Ignored::Conflict { .. })),
        "{taken:?}"
    );
    assert_eq!(fulfils(&taken), 0);
}

#[tokio::test]
async fn a_partial_payment_then_success_records_the_partial_then_fulfils_once() {
    let state = state().await;
    assert!(create_order(&state, "order-3", 30_000).await.unwrap());
    let url = start(&state).await;

    assert_eq!(
        post(&url, callback("order-3", "0001", Some("10000"))).await,
        ok()
    );
    assert_eq!(
        post(&url, callback("order-3", "0000", Some("30000"))).await,
        ok()
    );
    // Paypro's retries of both, in the other order.
    assert_eq!(
        post(&url, callback("order-3", "0000", Some("30000"))).await,
        ok()
    );
    assert_eq!(
        post(&url, callback("order-3", "0001", Some("10000"))).await,
        ok()
    );

    assert_eq!(
        actions(&state, "order-3").await,
        [
            Action::RecordPartialPayment {
                paid: Some(dec(10_000)),
                expected: dec(30_000),
                reason: Shortfall::PartialPayment
            },
            Action::Fulfil {
                amount: dec(30_000)
            },
        ],
        "the retry and the late 0001 are acknowledged and never performed"
    );
}

#[tokio::test]
async fn a_success_for_less_than_expected_is_not_fulfilled() {
    let state = state().await;
    assert!(create_order(&state, "order-4", 30_000).await.unwrap());
    assert!(create_order(&state, "order-5", 30_000).await.unwrap());
    let url = start(&state).await;

    assert_eq!(
        post(&url, callback("order-4", "0000", Some("29999.99"))).await,
        ok()
    );
    assert_eq!(post(&url, callback("order-5", "0000", None)).await, ok());

    let short = actions(&state, "order-4").await;
    assert_eq!(
        short,
        [Action::RecordPartialPayment {
            paid: Some("29999.99".parse().unwrap()),
            expected: dec(30_000),
            reason: Shortfall::BelowExpected
        }]
    );
    assert!(short[0].needs_attention());
    let without_amount = actions(&state, "order-5").await;
    assert!(
        matches!(
            without_amount[..],
            [Action::RecordPartialPayment {
                reason: Shortfall::AmountMissing,
                ..
            }]
        ),
        "{without_amount:?}"
    );
}

#[tokio::test]
async fn an_unknown_trade_no_is_not_acted_on() {
    let state = state().await;
    assert!(create_order(&state, "order-6", 30_000).await.unwrap());
    let url = start(&state).await;

    let (status, _) = post(&url, callback("someone-else", "0000", Some("30000"))).await;
    assert_eq!(status, 404, "not OK, so Paypro retries");
    assert!(performed(&state).await.is_empty());
    assert_eq!(order(&state, "someone-else").await, None);
}

#[tokio::test]
async fn an_order_is_never_created_twice_or_for_nothing() {
    let state = state().await;
    assert!(create_order(&state, "order-7", 30_000).await.unwrap());
    assert!(
        !create_order(&state, "order-7", 1).await.unwrap(),
        "an order is never reset"
    );
    assert_eq!(
        order(&state, "order-7").await.unwrap().expected(),
        dec(30_000)
    );
    let err = create_order(&state, "order-8", 0).await.unwrap_err();
    assert!(err.contains("expected: "), "{err}");
}

#[tokio::test]
async fn forged_or_malformed_callbacks_get_400_and_change_nothing() {
    let state = state().await;
    assert!(create_order(&state, "00000020", 30_000).await.unwrap());
    let url = start(&state).await;
    let signed = sign_body(EXAMPLE, &secret()).unwrap();

    let forged = signed.replace("30000", "90000");
    let (status, reason) = post(&url, forged).await;
    assert_eq!(status, 400);
    assert!(reason.contains("signature does not match"), "{reason}");

    let (status, reason) = post(&url, EXAMPLE.to_string()).await;
    assert_eq!(status, 400, "the docs' placeholder sign is not a signature");
    assert!(reason.contains("sign"), "{reason}");

    let (status, _) = post(&url, "[1,2,3]".into()).await;
    assert_eq!(status, 400);
    let (status, reason) = post(&url, format!(r#"{{"pad":"{}"}}"#, "x".repeat(70_000))).await;
    assert_eq!(status, 400);
    assert!(reason.contains("limit"), "{reason}");

    // Signed, but without the status: it cannot be acted on.
    let no_status = sign_body(r#"{"tradeNo":"00000020","amount":"30000"}"#, &secret()).unwrap();
    let (status, reason) = post(&url, no_status).await;
    assert_eq!(status, 400);
    assert!(reason.contains("cannot be acted on"), "{reason}");

    assert!(performed(&state).await.is_empty());
    assert_eq!(
        order(&state, "00000020").await.unwrap().state(),
        &OrderState::Open
    );
}

/// The database is locked past the request deadline: the callback is answered 408, and its
/// transaction commits afterwards. The fulfilment is not lost: it is in the outbox, and the
/// worker performs it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transaction_that_commits_after_the_deadline_loses_nothing() {
    let dir = std::env::temp_dir().join(format!("paypro-late-commit-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("orders.db");
    let state = state_on(&format!("sqlite://{}", file.display())).await;
    assert!(create_order(&state, "late-1", 30_000).await.unwrap());
    // Not a TestServer: this listener serves the example receiver under test.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/paypro/notify", listener.local_addr().unwrap());
    let limits = Limits {
        request_timeout: std::time::Duration::from_millis(300),
        ..Limits::default()
    };
    tokio::spawn(receiver::serve(listener, state.clone().app(), limits));

    // Another process holds the write lock (a long migration, a backup, a slow writer).
    let locker = rusqlite::Connection::open(&file).unwrap();
    locker.execute_batch("BEGIN IMMEDIATE").unwrap();
    let (status, _) = post(&url, callback("late-1", "0000", Some("30000"))).await;
    assert_eq!(status, 408, "the deadline passed while the store waited");
    locker.execute_batch("COMMIT").unwrap();

    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let done = actions(&state, "late-1").await;
        if !done.is_empty() {
            assert_eq!(
                done,
                [Action::Fulfil {
                    amount: dec(30_000)
                }]
            );
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the committed fulfilment was never performed"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let _ = std::fs::remove_dir_all(&dir);
}
