//! Helpers shared by the sandbox's test files: raw signed requests, admin calls, polling.
#![allow(dead_code)]

use std::time::Duration;

use paypro_core::Secret;
use paypro_mock::{MockConfig, MockGateway};
use paypro_testkit::{TEST_MERCHANT_NO, TEST_SECRET};

/// A sandbox that settles in 20 ms and retries callbacks in milliseconds.
pub fn config() -> MockConfig {
    MockConfig::default()
        .settle_after(Duration::from_millis(20))
        .time_factor(0.001)
}

pub fn secret() -> Secret {
    Secret::new(TEST_SECRET).expect("the test secret is not blank")
}

/// `fields` with their `sign` added, as a JSON body.
pub fn signed(fields: serde_json::Value) -> String {
    paypro_core::notify::sign_body(&fields.to_string(), &secret()).expect("a JSON object")
}

/// A Kenyan pay-in's fields (amounts are JSON strings, no maximum).
pub fn ke_pay_in(trade_no: &str, amount: &str, notify_url: &str) -> serde_json::Value {
    serde_json::json!({"timestamp": "1728609257212", "tradeNo": trade_no, "amount": amount,
        "mobile": "254712345678", "notifyUrl": notify_url})
}

pub const JSON_HEADERS: [(&str, &str); 2] = [
    ("content-type", "application/json"),
    ("merchantNo", TEST_MERCHANT_NO),
];

/// POSTs `body` with `headers`; the HTTP status and the body.
pub async fn post(url: &str, headers: &[(&str, &str)], body: String) -> (u16, String) {
    let mut request = reqwest::Client::new().post(url).body(body);
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// Any request; the HTTP status and the body read as JSON (panics when it is not JSON).
pub async fn call(
    method: reqwest::Method,
    url: &str,
    headers: &[(&str, &str)],
    body: String,
) -> (u16, serde_json::Value) {
    let mut request = reqwest::Client::new().request(method, url).body(body);
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    let json = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("HTTP {status}: not JSON ({e}): {text:?}"));
    (status, json)
}

/// Asserts that `body` is the documented refusal envelope with `code`, its message containing
/// `needle`.
pub fn assert_refusal(body: &serde_json::Value, code: &str, needle: &str) {
    assert_eq!(body["code"], code, "{body}");
    assert_eq!(body["success"], false, "{body}");
    assert!(body["data"].is_null(), "{body}");
    assert!(
        body["msg"].as_str().unwrap_or_default().contains(needle),
        "expected `{needle}` in {body}"
    );
}

/// The orders listed by `GET /_admin/orders`.
pub async fn admin_orders(gateway: &MockGateway) -> Vec<serde_json::Value> {
    let (status, body) = call(
        reqwest::Method::GET,
        &format!("{}/_admin/orders", gateway.url()),
        &[],
        String::new(),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body.as_array().unwrap().clone()
}

/// Polls `probe` every 10 ms for up to 20 s.
pub async fn until<T>(what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    for _ in 0..2000 {
        if let Some(t) = probe() {
            return t;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}
