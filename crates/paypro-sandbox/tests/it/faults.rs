//! Faults on demand, through the SDK's real client: each fault chosen by amount and armed
//! through `POST /_admin/faults`; the client's error class, the order existing exactly once,
//! and reconciliation finding the truth. Callback faults: what a receiver on 127.0.0.1 gets.

use crate::common;

use std::time::Duration;

use common::*;
use paypro_all::id;
use paypro_core::Status;
use paypro_core::client::{ReconcileOptions, Reconciled};
use paypro_core::notify::Verifier;
use paypro_mock::{Fault, MockConfig, MockGateway};
use paypro_testkit::TEST_MERCHANT_NO;
use paypro_testkit::{Answer, TestServer};
use reqwest::Method;

/// The client's time-out; the `delay` fault waits longer.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(1);

fn sandbox_config() -> MockConfig {
    config().fault_delay(Duration::from_secs(5))
}

fn client(gateway: &MockGateway) -> id::Client {
    id::Client::new(
        id::Config::new(TEST_MERCHANT_NO, secret())
            .base_url(gateway.base_url("id").unwrap())
            .request_timeout(CLIENT_TIMEOUT),
    )
    .unwrap()
}

fn verifier() -> Verifier {
    Verifier::new(secret())
}

fn pay_in(trade_no: &str, amount: u64, notify_url: &str) -> id::PayInRequest {
    id::PayInRequest::builder()
        .trade_no(trade_no)
        .username("kevin")
        .mobile("6281245907765")
        .email("kevin@example.com")
        .channel_code(id::pay_in::ChannelCode::Ewallet)
        .amount(amount)
        .notify_url(notify_url)
        .build()
        .unwrap()
}

/// Arms `fault` once through the admin API.
async fn arm(gateway: &MockGateway, body: serde_json::Value) {
    let (status, answer) = call(
        Method::POST,
        &format!("{}/_admin/faults", gateway.url()),
        &[("content-type", "application/json")],
        body.to_string(),
    )
    .await;
    assert_eq!(status, 200, "{answer}");
}

/// How many orders of `trade_no` the admin listing shows.
async fn orders_of(gateway: &MockGateway, trade_no: &str) -> usize {
    admin_orders(gateway)
        .await
        .iter()
        .filter(|o| o["tradeNo"] == trade_no)
        .count()
}

/// Reconciliation finds the order and its final (or pending) status.
async fn reconciled(client: &id::Client, trade_no: &str) -> Status {
    let options = ReconcileOptions::new(Duration::from_secs(10), Duration::from_millis(50));
    match client.reconcile_pay_in(trade_no, options).await {
        Ok(Reconciled::Final(reply)) | Ok(Reconciled::Pending(reply)) => {
            assert_eq!(reply.data.trade_no.as_deref(), Some(trade_no));
            reply.data.status.expect("a status")
        }
        other => panic!("{trade_no}: reconciliation did not find the order: {other:?}"),
    }
}

/// What a transport fault must give: `check` on the error, one order, reconciled success.
/// Runs twice: chosen by amount, then armed through the admin API for a plain amount.
async fn transport_fault(fault: Fault, check: fn(&id::Error) -> bool) {
    let gateway = MockGateway::start(sandbox_config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let client = client(&gateway);
    let by_amount = format!("{}-by-amount", fault.name());
    let armed = format!("{}-armed", fault.name());
    let mut admin = serde_json::json!({"fault": fault.name(), "count": 1});
    if fault == Fault::Delay {
        admin["delayMs"] = 4000.into();
    }
    for (trade_no, amount) in [(&by_amount, fault.amount()), (&armed, 1000)] {
        if trade_no == &armed {
            arm(&gateway, admin.clone()).await;
        }
        let error = client
            .pay_in(&pay_in(trade_no, amount, "http://127.0.0.1:9/notify"))
            .await
            .expect_err("the fault strikes");
        assert!(check(&error), "{fault:?} ({trade_no}): {error:?}");
        assert!(error.may_have_moved_money(), "{fault:?}: {error:?}");
        assert_eq!(orders_of(&gateway, trade_no).await, 1, "{trade_no}");
        assert_eq!(reconciled(&client, trade_no).await, Status::Success);
    }
    assert_eq!(
        gateway.redirects_followed().unwrap(),
        0,
        "no redirect was followed"
    );
    // Used up: the next pay-in is answered normally.
    client
        .pay_in(&pay_in("plain", 1000, "http://127.0.0.1:9/notify"))
        .await
        .expect("no fault left");
}

#[tokio::test]
async fn a_delay_past_the_time_out_is_unknown() {
    transport_fault(Fault::Delay, |e| matches!(e, id::Error::Unknown { .. })).await;
}

#[tokio::test]
async fn a_connection_dropped_after_the_order_was_created_may_have_moved_money() {
    transport_fault(Fault::Drop, |e| {
        matches!(e, id::Error::Unknown { .. } | id::Error::Unreadable { .. })
    })
    .await;
}

#[tokio::test]
async fn a_502_with_html_is_unreadable() {
    transport_fault(Fault::Html502, |e| {
        matches!(e, id::Error::Unreadable { status: 502, .. })
    })
    .await;
}

#[tokio::test]
async fn a_502_with_a_refusal_shaped_json_body_is_unreadable() {
    transport_fault(Fault::Json502, |e| {
        matches!(e, id::Error::Unreadable { status: 502, .. })
    })
    .await;
}

#[tokio::test]
async fn truncated_json_is_unreadable() {
    transport_fault(Fault::TruncatedJson, |e| {
        matches!(e, id::Error::Unreadable { status: 200, .. })
    })
    .await;
}

#[tokio::test]
async fn a_redirect_is_unreadable_and_not_followed() {
    transport_fault(Fault::Redirect, |e| {
        matches!(e, id::Error::Unreadable { status: 307, .. })
    })
    .await;
}

/// Paypro's system-error codes prove nothing about the order: the client says money may have
/// moved, and reconciliation finds the order the sandbox created.
#[tokio::test]
async fn a_system_error_code_is_uncertain_and_the_order_exists() {
    transport_fault(
        Fault::SystemError,
        |e| matches!(e, id::Error::Uncertain { code, .. } if code == "8000"),
    )
    .await;
    transport_fault(
        Fault::SystemException,
        |e| matches!(e, id::Error::Uncertain { code, .. } if code == "5000"),
    )
    .await;
}

/// Every answer the sandbox gives is marked as the sandbox's, so the client reads its own
/// codes (`9402`...) as refusals; the same refusal without the mark is uncertain.
#[tokio::test]
async fn the_sandbox_marks_its_answers_and_only_marked_refusals_are_refusals() {
    let gateway = MockGateway::start(sandbox_config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let url = format!(
        "{}{}",
        gateway.base_url("id").unwrap(),
        "/v1/paypro/queryPayInResult"
    );
    for (method, target, content_type) in [
        (Method::POST, url.as_str(), "application/json"),
        (Method::POST, url.as_str(), "text/plain"),
        (Method::GET, url.as_str(), "application/json"),
    ] {
        let response = reqwest::Client::new()
            .request(method.clone(), target)
            .header("content-type", content_type)
            .body("{}")
            .send()
            .await
            .unwrap();
        let mark = response
            .headers()
            .get(paypro_core::protocol::SANDBOX_HEADER)
            .map(|v| v.to_str().unwrap().to_string());
        assert!(
            mark.as_deref()
                .is_some_and(|m| m.starts_with("paypro-mock/")),
            "{method} {content_type}: {mark:?}"
        );
    }
    // A wrong secret: the sandbox's sign refusal, read as a refusal because it is marked.
    let wrong = id::Client::new(
        id::Config::new(
            TEST_MERCHANT_NO,
            paypro_core::Secret::new("not-the-secret").unwrap(),
        )
        .base_url(gateway.base_url("id").unwrap()),
    )
    .unwrap();
    match wrong
        .pay_in(&pay_in("wrong-secret", 1000, "http://127.0.0.1:9/notify"))
        .await
    {
        Err(e @ id::Error::Rejected { .. }) => assert!(e.nothing_happened()),
        other => panic!("{other:?}"),
    }
    // The same refusal body from a server that does not mark it: uncertain.
    let body = r#"{"msg":"sign error","code":"9402","timestamp":1,"success":false,"data":null}"#;
    let unmarked = TestServer::start(move |_| Answer::json(body)).await;
    let client =
        id::Client::new(id::Config::new(TEST_MERCHANT_NO, secret()).base_url(unmarked.url()))
            .unwrap();
    match client
        .pay_in(&pay_in("unmarked", 1000, "http://127.0.0.1:9/notify"))
        .await
    {
        Err(e @ id::Error::Uncertain { .. }) => assert!(e.may_have_moved_money()),
        other => panic!("{other:?}"),
    }
}

/// A receiver on 127.0.0.1 acknowledging every callback.
async fn receiver() -> TestServer {
    TestServer::start(|_| Answer::Full {
        status: 200,
        content_type: "text/plain".into(),
        body: "OK".into(),
    })
    .await
}

/// The statuses of the first `n` callbacks `receiver` got, each verified with the secret.
async fn verified_statuses(receiver: &TestServer, n: usize) -> (Vec<Status>, Vec<String>) {
    let got = until("the callbacks", || {
        let r = receiver.requests();
        (r.len() >= n).then_some(r)
    })
    .await;
    let bodies: Vec<String> = got.iter().map(|r| r.body.clone()).collect();
    let statuses = bodies
        .iter()
        .map(|body| {
            id::Notification::verify(body.as_bytes(), &verifier())
                .unwrap_or_else(|e| panic!("a genuine callback: {e}: {body}"))
                .status
                .expect("a status")
        })
        .collect();
    (statuses, bodies)
}

/// Runs a callback fault by amount and armed; `expect` checks the statuses and bodies.
async fn callback_fault(fault: Fault, expect: impl Fn(&[Status], &[String])) {
    for armed in [false, true] {
        let gateway = MockGateway::start(sandbox_config(), paypro_all::COUNTRIES)
            .await
            .unwrap();
        let receiver = receiver().await;
        let amount = if armed {
            arm(&gateway, serde_json::json!({"fault": fault.name()})).await;
            1000
        } else {
            fault.amount()
        };
        let trade_no = format!("{}-{armed}", fault.name());
        client(&gateway)
            .pay_in(&pay_in(&trade_no, amount, receiver.url()))
            .await
            .expect("the pay-in itself is answered");
        let (statuses, bodies) = verified_statuses(&receiver, 2).await;
        expect(&statuses, &bodies);
        assert_eq!(orders_of(&gateway, &trade_no).await, 1);
        assert_eq!(
            reconciled(&client(&gateway), &trade_no).await,
            Status::Success,
            "the truth is success"
        );
    }
}

#[tokio::test]
async fn a_callback_is_delivered_twice() {
    callback_fault(Fault::DuplicateCallback, |statuses, bodies| {
        assert_eq!(statuses, [Status::Success, Status::Success]);
        assert_eq!(bodies[0], bodies[1], "the same signed body");
    })
    .await;
}

#[tokio::test]
async fn callbacks_arrive_out_of_order() {
    callback_fault(Fault::OutOfOrderCallbacks, |statuses, _| {
        assert_eq!(statuses, [Status::Success, Status::PartialPayment]);
    })
    .await;
}

#[tokio::test]
async fn a_genuine_failure_follows_success() {
    callback_fault(Fault::DowngradeAfterSuccess, |statuses, _| {
        assert_eq!(statuses.len(), 2);
        assert_eq!(statuses[0], Status::Success);
        assert_eq!(statuses[1].code(), "00029");
        assert!(statuses[1].is_final() && !statuses[1].moved_money());
    })
    .await;
}

#[tokio::test]
async fn a_payout_callback_out_of_order_is_a_stale_processing_one() {
    let gateway = MockGateway::start(sandbox_config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let receiver = receiver().await;
    let payout = id::PayoutRequest::builder()
        .trade_no("payout-ooo")
        .amount(Fault::OutOfOrderCallbacks.amount())
        .customer_name("kevin")
        .mobile("6281245907765")
        .email("kevin@example.com")
        .bank_account_no("5464438554636")
        .bank_code("0002")
        .notify_url(receiver.url())
        .build()
        .unwrap();
    client(&gateway).payout(&payout).await.unwrap();
    let (statuses, _) = verified_statuses(&receiver, 2).await;
    assert_eq!(statuses, [Status::Success, Status::Processing]);
}

#[tokio::test]
async fn the_admin_api_lists_and_clears_faults_and_refuses_bad_ones() {
    let gateway = MockGateway::start(sandbox_config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let url = format!("{}/_admin/faults", gateway.url());
    let json = [("content-type", "application/json")];
    arm(
        &gateway,
        serde_json::json!({"fault": "delay", "count": 3, "delayMs": 10}),
    )
    .await;
    let (_, listed) = call(Method::GET, &url, &[], String::new()).await;
    assert_eq!(listed["armed"][0]["fault"], "delay");
    assert_eq!(listed["armed"][0]["remaining"], 3);
    assert_eq!(listed["armed"][0]["delayMs"], 10);
    let (_, cleared) = call(Method::DELETE, &url, &[], String::new()).await;
    assert_eq!(cleared["armed"], serde_json::json!([]));
    for (body, needle) in [
        (
            r#"{"fault":"meteor"}"#,
            "`fault` must be one of delay, drop",
        ),
        (
            r#"{"fault":"drop","count":0}"#,
            "`count` must be a whole number",
        ),
        (
            r#"{"fault":"drop","count":"2"}"#,
            "`count` must be a whole number",
        ),
        (
            r#"{"fault":"drop","delayMs":5}"#,
            "only for the `delay` fault",
        ),
        (r#"{"fault":"drop","times":2}"#, "unknown field `times`"),
        (r#"{"fault":"drop""#, "invalid JSON"),
        ("[]", "must be a JSON object"),
    ] {
        let (status, answer) = call(Method::POST, &url, &json, body.into()).await;
        assert_eq!(status, 400, "{body}: {answer}");
        assert!(
            answer["msg"].as_str().unwrap().contains(needle),
            "{body}: {answer}"
        );
        assert_eq!(answer["success"], false);
    }
    let (status, answer) = call(
        Method::POST,
        &url,
        &[(paypro_mock::ADMIN_HEADER, "1")],
        r#"{"fault":"drop"}"#.into(),
    )
    .await;
    assert_eq!(status, 415, "{answer}");
    gateway.inject_fault(Fault::Html502, 2).unwrap();
    let (_, listed) = call(Method::GET, &url, &[], String::new()).await;
    assert_eq!(listed["armed"][0]["fault"], "502-html");
    assert_eq!(listed["armed"][0]["remaining"], 2);
}
