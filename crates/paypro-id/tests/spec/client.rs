// @generated from spec/id.toml by `cargo xtask gen`; do not edit.
//! Every endpoint through the client over loopback HTTP. The server accepts a request
//! only if its path, `merchantNo` header, timestamp and sign are what the spec says.
use std::time::Duration;
use paypro_id::*;
use paypro_id::advanced::*;
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
                1732988442913,
                r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{"tradeNo":"428c430ce59b47138674c971ff07a711","platFormTradeNo":"c167o1itir0fypid","status":"0015","desc":"Paying","remark":"11111","paymentUrl":"https://m.dana.id/link/pay?bizNo=20241130111212800110166014426619726&timestamp=1732957513413&mid=216620070017015566089&did=216650001079216397931&sign=grrLubmutsZrKVwAE9QTamSYl2%2BwnFiwdFHK5aYgYpL7Z7%2BMtX1MHD1PbXNWmpq42lzaFHILn6PfJf2znZyFv1BPQKZC%2Fney4WcgRLwQMoLlGxSdytlOoNVinegyPJgt5tEuqcvuXj9c2ra%2FIGCgi6N5g4N8Fyz6fU29E3OJuoyni6Q4B3SD1jR%2FXLTmMe%2FhkWy1oj9C9n3OHh5RsCjh%2FpVTxuRZxzDjSLIw7MXja7psomwU4D8V6mjCfI722u5iIgAMNv1zVH%2BHH60%2BDFFw4APaxfHM0DTTx%2FEhuAlmsJTkGk%2FTCDwU7OFm2nIhND4spV7JJDxn%2FWju3orXX96eSw%3D%3D&forceToH5=false","qrString":"00020101021226670021ID/.HTTPS://CFSUKSESS011893600922376110100202097611010020303UMI51440014ID.CO.QRIS.WWW0215ID20243249690030303UMI520465335802ID5902CF6015 JAKARTA SELATA6105127605405500005303360623605259d9faf8343bb48a186ca7c6e20703A0163049FE2","vaNumber":"189652365423658965"}}"#,
            )),
        );
    let client = blocking::Client::new(config(&server, 1732988442913)).expect("valid");
    let reply = client.pay_in(&examples::pay_in()).expect("accepted");
    assert_eq!(reply.http_status, 200);
    assert_eq!(server.requests().len(), 1);
}
#[tokio::test]
async fn pay_in_over_http() {
    let server = TestServer::start(|r| answer(
            r,
            &pay_in::DESCRIPTOR,
            1732988442913,
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{"tradeNo":"428c430ce59b47138674c971ff07a711","platFormTradeNo":"c167o1itir0fypid","status":"0015","desc":"Paying","remark":"11111","paymentUrl":"https://m.dana.id/link/pay?bizNo=20241130111212800110166014426619726&timestamp=1732957513413&mid=216620070017015566089&did=216650001079216397931&sign=grrLubmutsZrKVwAE9QTamSYl2%2BwnFiwdFHK5aYgYpL7Z7%2BMtX1MHD1PbXNWmpq42lzaFHILn6PfJf2znZyFv1BPQKZC%2Fney4WcgRLwQMoLlGxSdytlOoNVinegyPJgt5tEuqcvuXj9c2ra%2FIGCgi6N5g4N8Fyz6fU29E3OJuoyni6Q4B3SD1jR%2FXLTmMe%2FhkWy1oj9C9n3OHh5RsCjh%2FpVTxuRZxzDjSLIw7MXja7psomwU4D8V6mjCfI722u5iIgAMNv1zVH%2BHH60%2BDFFw4APaxfHM0DTTx%2FEhuAlmsJTkGk%2FTCDwU7OFm2nIhND4spV7JJDxn%2FWju3orXX96eSw%3D%3D&forceToH5=false","qrString":"00020101021226670021ID/.HTTPS://CFSUKSESS011893600922376110100202097611010020303UMI51440014ID.CO.QRIS.WWW0215ID20243249690030303UMI520465335802ID5902CF6015 JAKARTA SELATA6105127605405500005303360623605259d9faf8343bb48a186ca7c6e20703A0163049FE2","vaNumber":"189652365423658965"}}"#,
        ))
        .await;
    let reply = client(&server, 1732988442913)
        .pay_in(&examples::pay_in())
        .await
        .expect("the gateway accepts the signed request");
    let expected: Envelope<PayInResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{"tradeNo":"428c430ce59b47138674c971ff07a711","platFormTradeNo":"c167o1itir0fypid","status":"0015","desc":"Paying","remark":"11111","paymentUrl":"https://m.dana.id/link/pay?bizNo=20241130111212800110166014426619726&timestamp=1732957513413&mid=216620070017015566089&did=216650001079216397931&sign=grrLubmutsZrKVwAE9QTamSYl2%2BwnFiwdFHK5aYgYpL7Z7%2BMtX1MHD1PbXNWmpq42lzaFHILn6PfJf2znZyFv1BPQKZC%2Fney4WcgRLwQMoLlGxSdytlOoNVinegyPJgt5tEuqcvuXj9c2ra%2FIGCgi6N5g4N8Fyz6fU29E3OJuoyni6Q4B3SD1jR%2FXLTmMe%2FhkWy1oj9C9n3OHh5RsCjh%2FpVTxuRZxzDjSLIw7MXja7psomwU4D8V6mjCfI722u5iIgAMNv1zVH%2BHH60%2BDFFw4APaxfHM0DTTx%2FEhuAlmsJTkGk%2FTCDwU7OFm2nIhND4spV7JJDxn%2FWju3orXX96eSw%3D%3D&forceToH5=false","qrString":"00020101021226670021ID/.HTTPS://CFSUKSESS011893600922376110100202097611010020303UMI51440014ID.CO.QRIS.WWW0215ID20243249690030303UMI520465335802ID5902CF6015 JAKARTA SELATA6105127605405500005303360623605259d9faf8343bb48a186ca7c6e20703A0163049FE2","vaNumber":"189652365423658965"}}"#,
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
                1732988442913,
                r#"{"code":"0000","msg":"success","data":{"tradeNo":"T-42","status":"0000"}}"#,
            )
        })
        .await;
    let found = client(&server, 1732988442913)
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
            1732988442913,
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{"tradeNo":"428c430ce59b47138674c971ff07a711","platFormTradeNo":"c167o1itir0fypid","status":"0015","desc":"Paying","remark":"11111","paymentUrl":"http://paypro.example/cashier"}}"#,
        ))
        .await;
    let reply = client(&server, 1732988442913)
        .cashier(&examples::cashier())
        .await
        .expect("the gateway accepts the signed request");
    let expected: Envelope<CashierResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{"tradeNo":"428c430ce59b47138674c971ff07a711","platFormTradeNo":"c167o1itir0fypid","status":"0015","desc":"Paying","remark":"11111","paymentUrl":"http://paypro.example/cashier"}}"#,
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
                1732988442913,
                r#"{"code":"0000","msg":"success","data":{"tradeNo":"T-42","status":"0000"}}"#,
            )
        })
        .await;
    let found = client(&server, 1732988442913)
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
            1732985021335,
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{}}"#,
        ))
        .await;
    let reply = client(&server, 1732985021335)
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
                1732985021335,
                r#"{"code":"0000","msg":"success","data":{"tradeNo":"T-42","status":"0000"}}"#,
            )
        })
        .await;
    let found = client(&server, 1732985021335)
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
            1728613488294,
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{}}"#,
        ))
        .await;
    let reply = client(&server, 1728613488294)
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
            1728613320708,
            r#"{"msg":"success","code":"0000","timestamp":1728613339884,"success":true,"data":{"platFormTradeNo":"63mz9aepqczdw280","tradeNo":"test_00000002","orderAmount":"300.00","payAmount":"200.00","status":"0015","message":"in process"}}"#,
        ))
        .await;
    let reply = client(&server, 1728613320708)
        .query_payout(&examples::query_payout())
        .await
        .expect("the gateway accepts the signed request");
    let expected: Envelope<QueryPayoutResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728613339884,"success":true,"data":{"platFormTradeNo":"63mz9aepqczdw280","tradeNo":"test_00000002","orderAmount":"300.00","payAmount":"200.00","status":"0015","message":"in process"}}"#,
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
#[tokio::test]
async fn account_verify_over_http() {
    let server = TestServer::start(|r| answer(
            r,
            &account_verify::DESCRIPTOR,
            1732988442913,
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{"bankAccountNo":"31111111","bankAccountName":"Sdr NAVAF BAYU KURNIAWA"}}"#,
        ))
        .await;
    let reply = client(&server, 1732988442913)
        .account_verify(&examples::account_verify())
        .await
        .expect("the gateway accepts the signed request");
    let expected: Envelope<AccountVerifyResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{"bankAccountNo":"31111111","bankAccountName":"Sdr NAVAF BAYU KURNIAWA"}}"#,
        )
        .expect("the answer decodes");
    assert_eq!(Some(reply.data), expected.data);
    assert_eq!(reply.http_status, 200);
    assert_eq!(server.requests().len(), 1, "sent exactly once");
}
#[tokio::test]
async fn voucher_over_http() {
    let server = TestServer::start(|r| answer(
            r,
            &voucher::DESCRIPTOR,
            1728613320708,
            r#"{"msg":"success","code":"0000","timestamp":1728613339884,"success":true,"data":{"url":"https://voucher.paypro.tech/temp/20251021/a853c493cbee440cb5ea76c4efa9e919/8713255807.pdf","message":"Voucher generation succeeded"}}"#,
        ))
        .await;
    let reply = client(&server, 1728613320708)
        .voucher(&examples::voucher())
        .await
        .expect("the gateway accepts the signed request");
    let expected: Envelope<VoucherResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728613339884,"success":true,"data":{"url":"https://voucher.paypro.tech/temp/20251021/a853c493cbee440cb5ea76c4efa9e919/8713255807.pdf","message":"Voucher generation succeeded"}}"#,
        )
        .expect("the answer decodes");
    assert_eq!(Some(reply.data), expected.data);
    assert_eq!(reply.http_status, 200);
    assert_eq!(server.requests().len(), 1, "sent exactly once");
}
