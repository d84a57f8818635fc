// @generated from spec/ke.toml by `cargo xtask gen`; do not edit.
//! Every endpoint through the client over loopback HTTP. The server accepts a request
//! only if its path, `merchantNo` header, timestamp and sign are what the spec says.
use std::time::Duration;
use paypro_ke::*;
use paypro_ke::advanced::*;
use paypro_core::descriptor::EndpointDescriptor;
use paypro_testkit::{checked_answer, Answer, Received, TestServer};
use crate::examples;
fn answer(r: &Received, d: &EndpointDescriptor, ts: u64, json: &str) -> Answer {
    let secret = Secret::new(paypro_testkit::TEST_SECRET).unwrap();
    checked_answer(r, d, paypro_testkit::TEST_MERCHANT_NO, &secret, Some(ts), json)
}
fn config(server: &TestServer, ts: u64) -> Config {
    Config::new(
            paypro_testkit::TEST_MERCHANT_NO,
            Secret::new(paypro_testkit::TEST_SECRET).unwrap(),
        )
        .base_url(server.url())
        .clock(FixedClock(ts))
}
fn client(server: &TestServer, ts: u64) -> Client {
    Client::new(config(server, ts)).expect("a loopback base URL is valid")
}
#[test]
fn no_base_url_is_either_the_sandbox_or_an_error() {
    let made = Client::new(Config::new("0000000001", Secret::new("s").unwrap()));
    match COUNTRY.sandbox_base_url {
        Some(url) => {
            assert_eq!(made.expect("the sandbox is the default").core().base_url(), url)
        }
        None => assert!(matches!(made, Err(ConfigError::NoBaseUrl { .. }))),
    }
}
#[test]
fn debug_never_shows_the_secret() {
    let client = Client::new(
            Config::new("0000000001", Secret::new("very-secret-key").unwrap())
                .base_url("http://127.0.0.1:9"),
        )
        .expect("valid");
    let shown = format!("{client:?}");
    assert!(shown.contains("0000000001"));
    assert!(! shown.contains("very-secret-key"), "{shown}");
}
#[cfg(feature = "blocking")]
#[test]
fn the_blocking_client_sends_the_same_request() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime for the test server");
    let server = runtime
        .block_on(
            TestServer::start(|r| answer(
                r,
                &pay_in::DESCRIPTOR,
                1715941383720,
                r#"{"msg":"success","code":"0000","timestamp":1719829837779,"success":true,"data":{"serialNumber":"5286e98841194687a95d25b5f3be346d","status":"0015","desc":"CREDIT_INPROGRESS"}}"#,
            )),
        );
    let client = blocking::Client::new(config(&server, 1715941383720)).expect("valid");
    let reply = client.pay_in(&examples::pay_in()).expect("accepted");
    assert_eq!(reply.http_status, 200);
    assert_eq!(server.requests().len(), 1);
}
#[tokio::test]
async fn pay_in_over_http() {
    let server = TestServer::start(|r| answer(
            r,
            &pay_in::DESCRIPTOR,
            1715941383720,
            r#"{"msg":"success","code":"0000","timestamp":1719829837779,"success":true,"data":{"serialNumber":"5286e98841194687a95d25b5f3be346d","status":"0015","desc":"CREDIT_INPROGRESS"}}"#,
        ))
        .await;
    let reply = client(&server, 1715941383720)
        .pay_in(&examples::pay_in())
        .await
        .expect("the gateway accepts the signed request");
    let expected: Envelope<PayInResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1719829837779,"success":true,"data":{"serialNumber":"5286e98841194687a95d25b5f3be346d","status":"0015","desc":"CREDIT_INPROGRESS"}}"#,
        )
        .expect("the answer decodes");
    assert_eq!(Some(reply.data), expected.data);
    assert_eq!(reply.http_status, 200);
    assert_eq!(server.requests().len(), 1, "sent exactly once");
}
#[tokio::test]
async fn pay_in_reconciles_through_query_pay_in() {
    let server = TestServer::start(|r| {
            answer(
                r,
                &query_pay_in::DESCRIPTOR,
                1715941383720,
                r#"{"code":"0000","msg":"success","data":{"tradeNo":"T-42","status":"0000"}}"#,
            )
        })
        .await;
    let found = client(&server, 1715941383720)
        .reconcile_pay_in(
            "T-42",
            ReconcileOptions::new(Duration::from_secs(5), Duration::from_millis(10)),
        )
        .await
        .expect("reconciled");
    match found {
        Reconciled::Final(reply) => {
            assert_eq!(reply.data.status.as_ref().map(Status::code), Some("0000"))
        }
        other => panic!("{other:?}"),
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].json().expect("JSON body") ["tradeNo"], "T-42");
}
#[tokio::test]
async fn cashier_over_http() {
    let server = TestServer::start(|r| answer(
            r,
            &cashier::DESCRIPTOR,
            1715941383720,
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{}}"#,
        ))
        .await;
    let reply = client(&server, 1715941383720)
        .cashier(&examples::cashier())
        .await
        .expect("the gateway accepts the signed request");
    let expected: Envelope<CashierResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{}}"#,
        )
        .expect("the answer decodes");
    assert_eq!(Some(reply.data), expected.data);
    assert_eq!(reply.http_status, 200);
    assert_eq!(server.requests().len(), 1, "sent exactly once");
}
#[tokio::test]
async fn cashier_reconciles_through_query_pay_in() {
    let server = TestServer::start(|r| {
            answer(
                r,
                &query_pay_in::DESCRIPTOR,
                1715941383720,
                r#"{"code":"0000","msg":"success","data":{"tradeNo":"T-42","status":"0000"}}"#,
            )
        })
        .await;
    let found = client(&server, 1715941383720)
        .reconcile_cashier(
            "T-42",
            ReconcileOptions::new(Duration::from_secs(5), Duration::from_millis(10)),
        )
        .await
        .expect("reconciled");
    match found {
        Reconciled::Final(reply) => {
            assert_eq!(reply.data.status.as_ref().map(Status::code), Some("0000"))
        }
        other => panic!("{other:?}"),
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].json().expect("JSON body") ["tradeNo"], "T-42");
}
#[tokio::test]
async fn payout_over_http() {
    let server = TestServer::start(|r| answer(
            r,
            &payout::DESCRIPTOR,
            1715941383720,
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{}}"#,
        ))
        .await;
    let reply = client(&server, 1715941383720)
        .payout(&examples::payout())
        .await
        .expect("the gateway accepts the signed request");
    let expected: Envelope<PayoutResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{}}"#,
        )
        .expect("the answer decodes");
    assert_eq!(Some(reply.data), expected.data);
    assert_eq!(reply.http_status, 200);
    assert_eq!(server.requests().len(), 1, "sent exactly once");
}
#[tokio::test]
async fn payout_reconciles_through_query_payout() {
    let server = TestServer::start(|r| {
            answer(
                r,
                &query_payout::DESCRIPTOR,
                1715941383720,
                r#"{"code":"0000","msg":"success","data":{"tradeNo":"T-42","status":"0000"}}"#,
            )
        })
        .await;
    let found = client(&server, 1715941383720)
        .reconcile_payout(
            "T-42",
            ReconcileOptions::new(Duration::from_secs(5), Duration::from_millis(10)),
        )
        .await
        .expect("reconciled");
    match found {
        Reconciled::Final(reply) => {
            assert_eq!(reply.data.status.as_ref().map(Status::code), Some("0000"))
        }
        other => panic!("{other:?}"),
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].json().expect("JSON body") ["tradeNo"], "T-42");
}
#[tokio::test]
async fn query_pay_in_over_http() {
    let server = TestServer::start(|r| answer(
            r,
            &query_pay_in::DESCRIPTOR,
            1700000000000,
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{}}"#,
        ))
        .await;
    let reply = client(&server, 1700000000000)
        .query_pay_in(&examples::query_pay_in())
        .await
        .expect("the gateway accepts the signed request");
    let expected: Envelope<QueryPayInResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{}}"#,
        )
        .expect("the answer decodes");
    assert_eq!(Some(reply.data), expected.data);
    assert_eq!(reply.http_status, 200);
    assert_eq!(server.requests().len(), 1, "sent exactly once");
}
#[tokio::test]
async fn query_payout_over_http() {
    let server = TestServer::start(|r| answer(
            r,
            &query_payout::DESCRIPTOR,
            1700000000000,
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{}}"#,
        ))
        .await;
    let reply = client(&server, 1700000000000)
        .query_payout(&examples::query_payout())
        .await
        .expect("the gateway accepts the signed request");
    let expected: Envelope<QueryPayoutResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{}}"#,
        )
        .expect("the answer decodes");
    assert_eq!(Some(reply.data), expected.data);
    assert_eq!(reply.http_status, 200);
    assert_eq!(server.requests().len(), 1, "sent exactly once");
}
#[tokio::test]
async fn query_mpesa_code_over_http() {
    let server = TestServer::start(|r| answer(
            r,
            &query_mpesa_code::DESCRIPTOR,
            2222222222,
            r#"{"msg":"success","code":"0000","timestamp":1719830071094,"success":true,"data":{}}"#,
        ))
        .await;
    let reply = client(&server, 2222222222)
        .query_mpesa_code(&examples::query_mpesa_code())
        .await
        .expect("the gateway accepts the signed request");
    let expected: Envelope<QueryMpesaCodeResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1719830071094,"success":true,"data":{}}"#,
        )
        .expect("the answer decodes");
    assert_eq!(Some(reply.data), expected.data);
    assert_eq!(reply.http_status, 200);
    assert_eq!(server.requests().len(), 1, "sent exactly once");
}
#[tokio::test]
async fn an_unsigned_callback_is_confirmed_by_query_pay_in() {
    use paypro_core::notify::ConfirmError;
    let server = TestServer::start(|r| answer(
            r,
            &query_pay_in::DESCRIPTOR,
            1_700_000_000_000,
            r#"{"code":"0000","data":{"amount":"3","platFormTradeNo":"5286e98841194687a95d25b5f3be346d","status":"00029"},"msg":"success"}"#,
        ))
        .await;
    let claimed = UnconfirmedNotification::parse(
            r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":3.0000,"status":"00029","message":"REJECTED_TRANSACTION","successTime":"2024-07-01 18:34:31"}"#
                .as_bytes(),
        )
        .unwrap();
    let trade_no = claimed.trade_no.clone();
    let confirmed = claimed
        .confirm_pay_in(&client(&server, 1_700_000_000_000))
        .await
        .expect("Paypro agrees");
    assert_eq!(confirmed.claimed.trade_no, trade_no);
    let sent = server.requests();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].path, query_pay_in::DESCRIPTOR.path);
    assert_eq!(sent[0].json().unwrap() ["tradeNo"].as_str(), trade_no.as_deref());
    let server = TestServer::start(|r| answer(
            r,
            &query_pay_in::DESCRIPTOR,
            1_700_000_000_000,
            r#"{"code":"0000","data":{"amount":"999999","platFormTradeNo":"5286e98841194687a95d25b5f3be346d","status":"00029"},"msg":"success"}"#,
        ))
        .await;
    let claimed = UnconfirmedNotification::parse(
            r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":3.0000,"status":"00029","message":"REJECTED_TRANSACTION","successTime":"2024-07-01 18:34:31"}"#
                .as_bytes(),
        )
        .unwrap();
    match claimed.confirm_pay_in(&client(&server, 1_700_000_000_000)).await {
        Err(ConfirmError::Mismatch { field: "amount", .. }) => {}
        other => panic!("{other:?}"),
    }
    let server = TestServer::start(|r| answer(
            r,
            &query_pay_in::DESCRIPTOR,
            1_700_000_000_000,
            r#"{"code":"0000","data":{"amount":"3","platFormTradeNo":"5286e98841194687a95d25b5f3be346d","status":"0015"},"msg":"success"}"#,
        ))
        .await;
    let claimed = UnconfirmedNotification::parse(
            r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":3.0000,"status":"00029","message":"REJECTED_TRANSACTION","successTime":"2024-07-01 18:34:31"}"#
                .as_bytes(),
        )
        .unwrap();
    match claimed.confirm_pay_in(&client(&server, 1_700_000_000_000)).await {
        Err(ConfirmError::Mismatch { field: "status", .. }) => {}
        other => panic!("{other:?}"),
    }
}
#[tokio::test]
async fn an_unsigned_callback_is_confirmed_by_query_payout() {
    use paypro_core::notify::ConfirmError;
    let server = TestServer::start(|r| answer(
            r,
            &query_payout::DESCRIPTOR,
            1_700_000_000_000,
            r#"{"code":"0000","data":{"amount":"3","platFormTradeNo":"5286e98841194687a95d25b5f3be346d","status":"00029"},"msg":"success"}"#,
        ))
        .await;
    let claimed = UnconfirmedNotification::parse(
            r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":3.0000,"status":"00029","message":"REJECTED_TRANSACTION","successTime":"2024-07-01 18:34:31"}"#
                .as_bytes(),
        )
        .unwrap();
    let trade_no = claimed.trade_no.clone();
    let confirmed = claimed
        .confirm_payout(&client(&server, 1_700_000_000_000))
        .await
        .expect("Paypro agrees");
    assert_eq!(confirmed.claimed.trade_no, trade_no);
    let sent = server.requests();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].path, query_payout::DESCRIPTOR.path);
    assert_eq!(sent[0].json().unwrap() ["tradeNo"].as_str(), trade_no.as_deref());
    let server = TestServer::start(|r| answer(
            r,
            &query_payout::DESCRIPTOR,
            1_700_000_000_000,
            r#"{"code":"0000","data":{"amount":"999999","platFormTradeNo":"5286e98841194687a95d25b5f3be346d","status":"00029"},"msg":"success"}"#,
        ))
        .await;
    let claimed = UnconfirmedNotification::parse(
            r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":3.0000,"status":"00029","message":"REJECTED_TRANSACTION","successTime":"2024-07-01 18:34:31"}"#
                .as_bytes(),
        )
        .unwrap();
    match claimed.confirm_payout(&client(&server, 1_700_000_000_000)).await {
        Err(ConfirmError::Mismatch { field: "amount", .. }) => {}
        other => panic!("{other:?}"),
    }
    let server = TestServer::start(|r| answer(
            r,
            &query_payout::DESCRIPTOR,
            1_700_000_000_000,
            r#"{"code":"0000","data":{"amount":"3","platFormTradeNo":"5286e98841194687a95d25b5f3be346d","status":"0015"},"msg":"success"}"#,
        ))
        .await;
    let claimed = UnconfirmedNotification::parse(
            r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":3.0000,"status":"00029","message":"REJECTED_TRANSACTION","successTime":"2024-07-01 18:34:31"}"#
                .as_bytes(),
        )
        .unwrap();
    match claimed.confirm_payout(&client(&server, 1_700_000_000_000)).await {
        Err(ConfirmError::Mismatch { field: "status", .. }) => {}
        other => panic!("{other:?}"),
    }
}
