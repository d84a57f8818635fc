// @generated from spec/eg.toml by `cargo xtask gen`; do not edit.
//! Every endpoint through the client against the sandbox (paypro-mock): created
//! orders settle, and each read finds them.
use std::time::Duration;
use paypro_eg::*;
use paypro_eg::advanced::*;
use paypro_testkit::{Answer, TestServer};
use paypro_mock::{Kind, MockConfig, MockGateway};
use crate::examples;
async fn settled(gateway: &MockGateway, country: &str, kind: Kind, trade_no: &str) {
    for _ in 0..2000 {
        if gateway.order(country, kind, trade_no).is_some_and(|o| o.status.is_final()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("{trade_no} did not settle");
}
#[tokio::test]
async fn every_endpoint_against_the_sandbox() {
    let config = MockConfig::default()
        .settle_after(Duration::from_millis(5))
        .time_factor(0.001);
    let gateway = MockGateway::start(config, &[&COUNTRY])
        .await
        .expect("the sandbox starts");
    let receiver = TestServer::start(|_| Answer::Full {
            status: 200,
            content_type: "text/plain".into(),
            body: "OK".into(),
        })
        .await;
    let base_url = gateway.base_url("eg").expect("the sandbox serves this country");
    let client = Client::new(
            Config::new(
                    paypro_testkit::TEST_MERCHANT_NO,
                    Secret::new(paypro_testkit::TEST_SECRET).unwrap(),
                )
                .base_url(base_url),
        )
        .expect("valid");
    let request = examples::pay_in()
        .to_builder()
        .trade_no("sandbox-pay-in")
        .notify_url(receiver.url())
        .build()
        .expect("valid");
    let pay_in_reply = client
        .pay_in(&request)
        .await
        .expect(concat!("pay_in", " is accepted by the sandbox"));
    let _ = &pay_in_reply;
    let request = examples::payout()
        .to_builder()
        .trade_no("sandbox-payout")
        .notify_url(receiver.url())
        .build()
        .expect("valid");
    let payout_reply = client
        .payout(&request)
        .await
        .expect(concat!("payout", " is accepted by the sandbox"));
    let _ = &payout_reply;
    settled(&gateway, "eg", Kind::PayIn, "sandbox-pay-in").await;
    settled(&gateway, "eg", Kind::Payout, "sandbox-payout").await;
    let request = examples::query_pay_in()
        .to_builder()
        .trade_no("sandbox-pay-in")
        .build()
        .expect("valid");
    let reply = client
        .query_pay_in(&request)
        .await
        .expect(concat!("query_pay_in", " is answered by the sandbox"));
    assert_eq!(reply.data.status.as_ref().map(Status::code), Some("0000"));
    let request = examples::query_payout()
        .to_builder()
        .trade_no("sandbox-payout")
        .build()
        .expect("valid");
    let reply = client
        .query_payout(&request)
        .await
        .expect(concat!("query_payout", " is answered by the sandbox"));
    assert_eq!(reply.data.status.as_ref().map(Status::code), Some("0000"));
    let request = examples::balance();
    let reply = client
        .balance(&request)
        .await
        .expect(concat!("balance", " is answered by the sandbox"));
    let _ = reply;
}
