// @generated from spec/bd.toml by `cargo xtask gen`; do not edit.
//! Every endpoint through the client over loopback HTTP. The server accepts a request
//! only if its path, `merchantNo` header, timestamp and sign are what the spec says.
use std::time::Duration;
use paypro_bd::*;
use paypro_bd::advanced::*;
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
                1728609257212,
                r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{"kiliTradeNo":"68o0uwogz7mnzutt","status":"0015","desc":"Create","remark":"test","paymentLink":"https://checkout.tpservice.vip/#/order/bd/P1844547116046675970"}}"#,
            )),
        );
    let client = blocking::Client::new(config(&server, 1728609257212)).expect("valid");
    let reply = client.pay_in(&examples::pay_in()).expect("accepted");
    assert_eq!(reply.http_status, 200);
    assert_eq!(server.requests().len(), 1);
}
#[tokio::test]
async fn pay_in_over_http() {
    let server = TestServer::start(|r| answer(
            r,
            &pay_in::DESCRIPTOR,
            1728609257212,
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{"kiliTradeNo":"68o0uwogz7mnzutt","status":"0015","desc":"Create","remark":"test","paymentLink":"https://checkout.tpservice.vip/#/order/bd/P1844547116046675970"}}"#,
        ))
        .await;
    let reply = client(&server, 1728609257212)
        .pay_in(&examples::pay_in())
        .await
        .expect("the gateway accepts the signed request");
    let expected: Envelope<PayInResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{"kiliTradeNo":"68o0uwogz7mnzutt","status":"0015","desc":"Create","remark":"test","paymentLink":"https://checkout.tpservice.vip/#/order/bd/P1844547116046675970"}}"#,
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
                1728609257212,
                r#"{"code":"0000","msg":"success","data":{"tradeNo":"T-42","status":"0000"}}"#,
            )
        })
        .await;
    let found = client(&server, 1728609257212)
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
async fn pay_in_submit_over_http() {
    let server = TestServer::start(|r| answer(
            r,
            &pay_in_submit::DESCRIPTOR,
            1728609257212,
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":true}"#,
        ))
        .await;
    let reply = client(&server, 1728609257212)
        .pay_in_submit(&examples::pay_in_submit())
        .await
        .expect("the gateway accepts the signed request");
    let expected: Envelope<PayInSubmitResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":true}"#,
        )
        .expect("the answer decodes");
    assert_eq!(Some(reply.data), expected.data);
    assert_eq!(reply.http_status, 200);
    assert_eq!(server.requests().len(), 1, "sent exactly once");
}
#[tokio::test]
async fn pay_in_submit_any_other_code_means_being_processed() {
    let server = TestServer::start(|_| {
            Answer::json(r#"{"code":"9402","msg":"refused","data":null}"#).from_sandbox()
        })
        .await;
    match client(&server, 1728609257212).pay_in_submit(&examples::pay_in_submit()).await
    {
        Err(e @ Error::Uncertain { .. }) => assert!(e.may_have_moved_money()),
        other => panic!("{other:?}"),
    }
    assert_eq!(server.requests().len(), 1, "sent exactly once");
}
#[tokio::test]
async fn payout_over_http() {
    let server = TestServer::start(|r| answer(
            r,
            &payout::DESCRIPTOR,
            1728611780130,
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{}}"#,
        ))
        .await;
    let reply = client(&server, 1728611780130)
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
                1728611780130,
                r#"{"code":"0000","msg":"success","data":{"tradeNo":"T-42","status":"0000"}}"#,
            )
        })
        .await;
    let found = client(&server, 1728611780130)
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
            1729153976003,
            r#"{"msg":"success","code":"0000","timestamp":1729325978798,"success":true,"data":{}}"#,
        ))
        .await;
    let reply = client(&server, 1729153976003)
        .query_pay_in(&examples::query_pay_in())
        .await
        .expect("the gateway accepts the signed request");
    let expected: Envelope<QueryPayInResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1729325978798,"success":true,"data":{}}"#,
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
            1728613320708,
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{}}"#,
        ))
        .await;
    let reply = client(&server, 1728613320708)
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
async fn balance_over_http() {
    let server = TestServer::start(|r| answer(
            r,
            &balance::DESCRIPTOR,
            1724151084278,
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{}}"#,
        ))
        .await;
    let reply = client(&server, 1724151084278)
        .balance(&examples::balance())
        .await
        .expect("the gateway accepts the signed request");
    let expected: Envelope<BalanceResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{}}"#,
        )
        .expect("the answer decodes");
    assert_eq!(Some(reply.data), expected.data);
    assert_eq!(reply.http_status, 200);
    assert_eq!(server.requests().len(), 1, "sent exactly once");
}
