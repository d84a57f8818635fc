//! A sandbox that survives its users: amounts that cannot overflow, a broken state reported by
//! every endpoint, slow clients cut off, a connection cap, exact JSON, refusals always in the
//! envelope, no callbacks to itself, bounded memory.

use crate::common;

use std::time::Duration;

use common::*;
use paypro_mock::{Kind, MockGateway, codes};
use paypro_testkit::TEST_MERCHANT_NO;
use paypro_testkit::{Answer, TestServer};
use reqwest::Method;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn ke_url(gateway: &MockGateway) -> String {
    format!("{}/api/payin", gateway.base_url("ke").unwrap())
}

#[tokio::test]
async fn two_pay_ins_of_u64_max_are_refused_and_the_sandbox_goes_on() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    // u64::MAX is over the gateway's `long` (the spec's rule); i64::MAX is within it but over
    // the sandbox's cap, which keeps every balance far from overflowing.
    for (trade_no, amount, rule) in [
        ("huge-1", u64::MAX, "`amount` must be at most"),
        ("huge-2", u64::MAX, "`amount` must be at most"),
        (
            "long-1",
            i64::MAX as u64,
            "at most 1000000000000 in the sandbox",
        ),
        (
            "long-2",
            i64::MAX as u64,
            "at most 1000000000000 in the sandbox",
        ),
    ] {
        let body = signed(ke_pay_in(
            trade_no,
            &amount.to_string(),
            "http://127.0.0.1:9/n",
        ));
        let (status, body) = call(Method::POST, &ke_url(&gateway), &JSON_HEADERS, body).await;
        assert_eq!(status, 200);
        assert_refusal(&body, codes::FIELD, rule);
    }
    let zero = signed(ke_pay_in("zero", "0", "http://127.0.0.1:9/n"));
    let (_, body) = call(Method::POST, &ke_url(&gateway), &JSON_HEADERS, zero).await;
    assert_refusal(&body, codes::FIELD, "`amount` must be at least 1 (got 0)");
    // Later requests, admin ones included, still work.
    let ok = signed(ke_pay_in("after", "500", "http://127.0.0.1:9/n"));
    let (_, body) = call(Method::POST, &ke_url(&gateway), &JSON_HEADERS, ok).await;
    assert_eq!(body["code"], "0000", "{body}");
    until("the order to settle", || {
        gateway
            .order("ke", Kind::PayIn, "after")
            .filter(|o| o.status.is_final())
    })
    .await;
    let orders = admin_orders(&gateway).await;
    assert_eq!(orders.len(), 1, "{orders:?}");
    assert_eq!(orders[0]["status"], "0000");
}

#[tokio::test]
async fn the_amount_cap_is_configurable() {
    let gateway = MockGateway::start(config().max_amount(1000), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let body = signed(ke_pay_in("over", "1001", "http://127.0.0.1:9/n"));
    let (_, body) = call(Method::POST, &ke_url(&gateway), &JSON_HEADERS, body).await;
    assert_refusal(
        &body,
        codes::FIELD,
        "at most 1000 in the sandbox (got 1001)",
    );
}

#[tokio::test]
async fn a_broken_state_is_reported_by_every_endpoint() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let body = signed(ke_pay_in("before", "500", "http://127.0.0.1:9/n"));
    call(Method::POST, &ke_url(&gateway), &JSON_HEADERS, body).await;
    let id = gateway.order("ke", Kind::PayIn, "before").unwrap().id;
    paypro_testkit::break_sandbox_state(&gateway);
    let url = gateway.url();
    let body = signed(ke_pay_in("after", "500", "http://127.0.0.1:9/n"));
    let (status, answer) = call(Method::POST, &ke_url(&gateway), &JSON_HEADERS, body).await;
    assert_eq!(status, 500);
    assert_refusal(&answer, codes::BROKEN, "restart the sandbox");
    for (method, path) in [
        (Method::GET, "/_admin/orders".to_string()),
        (Method::GET, "/_admin/deliveries".to_string()),
        (Method::GET, "/_admin/faults".to_string()),
        (Method::DELETE, "/_admin/faults".to_string()),
        (Method::POST, "/_admin/settle-balances".to_string()),
        (Method::POST, "/_admin/settle/ke/pay-in/before".to_string()),
    ] {
        let (status, answer) = call(
            method.clone(),
            &format!("{url}{path}"),
            &[(paypro_mock::ADMIN_HEADER, "1")],
            String::new(),
        )
        .await;
        assert_eq!(status, 500, "{method} {path}: {answer}");
        assert_refusal(&answer, codes::BROKEN, "broken");
    }
    let armed = call(
        Method::POST,
        &format!("{url}/_admin/faults"),
        &[("content-type", "application/json")],
        r#"{"fault":"drop"}"#.into(),
    )
    .await;
    assert_eq!(armed.0, 500, "{}", armed.1);
    let page = reqwest::get(format!("{url}/_pay/{id}")).await.unwrap();
    assert_eq!(page.status(), 500);
    assert!(gateway.deliveries().is_err());
    assert!(gateway.balance("ke", TEST_MERCHANT_NO).is_err());
}

#[tokio::test]
async fn the_content_type_must_be_exactly_json() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let url = ke_url(&gateway);
    let merchant = ("merchantNo", TEST_MERCHANT_NO);
    for (i, content_type) in ["application/jsonx", "application/json-seq", "text/json", ""]
        .iter()
        .enumerate()
    {
        let body = signed(ke_pay_in(&format!("ct-{i}"), "500", "http://127.0.0.1:9/n"));
        let (_, answer) = call(
            Method::POST,
            &url,
            &[("content-type", content_type), merchant],
            body,
        )
        .await;
        assert_refusal(&answer, codes::CONTENT_TYPE, "application/json");
    }
    let body = signed(ke_pay_in("ct-twice", "500", "http://127.0.0.1:9/n"));
    let (_, answer) = call(
        Method::POST,
        &url,
        &[
            ("content-type", "application/json"),
            ("content-type", "text/plain"),
            merchant,
        ],
        body,
    )
    .await;
    assert_refusal(&answer, codes::CONTENT_TYPE, "more than once");
    for (i, content_type) in ["application/json; charset=utf-8", "Application/JSON"]
        .iter()
        .enumerate()
    {
        let body = signed(ke_pay_in(&format!("ok-{i}"), "500", "http://127.0.0.1:9/n"));
        let (_, answer) = call(
            Method::POST,
            &url,
            &[("content-type", content_type), merchant],
            body,
        )
        .await;
        assert_eq!(answer["code"], "0000", "{content_type}: {answer}");
    }
}

#[tokio::test]
async fn every_refusal_is_the_envelope_even_for_huge_bodies_and_wrong_methods() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let huge = format!(r#"{{"pad":"{}"}}"#, "x".repeat(3 * 1024 * 1024));
    let (status, answer) = call(Method::POST, &ke_url(&gateway), &JSON_HEADERS, huge.clone()).await;
    assert_eq!(status, 200);
    assert_refusal(&answer, codes::TOO_LARGE, "65536-byte limit");
    let (status, answer) = call(
        Method::POST,
        &format!("{}/_admin/faults", gateway.url()),
        &[("content-type", "application/json")],
        huge,
    )
    .await;
    assert_eq!(status, 413);
    assert_refusal(&answer, codes::TOO_LARGE, "limit");
    let (status, answer) = call(
        Method::PUT,
        &format!("{}/_admin/orders", gateway.url()),
        &[],
        String::new(),
    )
    .await;
    assert_eq!(status, 405);
    assert_refusal(&answer, codes::METHOD, "does not take PUT");
    let (status, answer) = call(Method::GET, &ke_url(&gateway), &[], String::new()).await;
    assert_eq!(status, 405);
    assert_refusal(&answer, codes::METHOD, "takes POST");
}

#[tokio::test]
async fn callbacks_to_the_sandbox_itself_are_refused() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let port = gateway.addr().port();
    for (i, notify_url) in [
        format!("{}/_admin/settle-balances", gateway.url()),
        format!("http://localhost:{port}/_admin/settle-balances"),
        format!("http://0x7f000001:{port}/_admin/settle-balances"),
    ]
    .iter()
    .enumerate()
    {
        let body = signed(ke_pay_in(&format!("self-{i}"), "500", notify_url));
        let (_, answer) = call(Method::POST, &ke_url(&gateway), &JSON_HEADERS, body).await;
        assert_refusal(&answer, codes::FIELD, "points at the sandbox itself");
    }
    assert!(admin_orders(&gateway).await.is_empty());
}

#[tokio::test]
async fn a_receiver_that_redirects_callbacks_to_the_admin_endpoints_is_not_followed() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let admin = format!("{}/_admin/settle-balances", gateway.url());
    // A receiver answering every callback with a 307 to the admin endpoint.
    let receiver = TestServer::start(move |_| Answer::Redirect {
        status: 307,
        location: admin.clone(),
    })
    .await;
    let redirector = format!("{}/notify", receiver.url());
    let body = signed(ke_pay_in("redirected", "500", &redirector));
    let (_, answer) = call(Method::POST, &ke_url(&gateway), &JSON_HEADERS, body).await;
    assert_eq!(answer["code"], "0000", "{answer}");
    let first = until("a delivery attempt", || {
        gateway.deliveries().unwrap().into_iter().next()
    })
    .await;
    assert!(first.outcome.starts_with("HTTP 307"), "{}", first.outcome);
    let balance = gateway.balance("ke", TEST_MERCHANT_NO).unwrap();
    assert_eq!(
        (balance.available, balance.unsettled),
        (1_000_000, 500),
        "the admin endpoint did not run"
    );
}

/// Reads until the server closes the connection (or 20 s pass); what it sent.
async fn until_closed(stream: &mut TcpStream) -> Option<String> {
    let mut seen = Vec::new();
    let mut buf = [0u8; 1024];
    let closed = tokio::time::timeout(Duration::from_secs(20), async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => seen.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    closed
        .ok()
        .map(|()| String::from_utf8_lossy(&seen).into_owned())
}

#[tokio::test]
async fn slow_request_heads_are_cut_off_and_connections_are_capped() {
    let gateway = MockGateway::start(
        config()
            // Long enough for the 4th connection to find the three slow ones still there.
            .header_read_timeout(Duration::from_secs(2))
            .max_connections(3),
        paypro_all::COUNTRIES,
    )
    .await
    .unwrap();
    let mut slow = Vec::new();
    for _ in 0..3 {
        let mut stream = TcpStream::connect(gateway.addr()).await.unwrap();
        stream
            .write_all(b"POST /ke/api/payin HTTP/1.1\r\nhost: 127.0.0.1\r\n")
            .await
            .unwrap();
        slow.push(stream);
    }
    // Wait until all three are being served, then one more is over the cap.
    let mut over = String::new();
    for _ in 0..200 {
        let mut extra = TcpStream::connect(gateway.addr()).await.unwrap();
        over = until_closed(&mut extra).await.unwrap_or_default();
        if over.starts_with("HTTP/1.1 503") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(over.starts_with("HTTP/1.1 503"), "{over:?}");
    let body: serde_json::Value =
        serde_json::from_str(over.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert_refusal(&body, codes::BUSY, "serves 3 connections");
    for stream in &mut slow {
        assert!(
            until_closed(stream).await.is_some(),
            "a slow head is cut off"
        );
    }
    let ok = signed(ke_pay_in("after-slow", "500", "http://127.0.0.1:9/n"));
    let (_, answer) = call(Method::POST, &ke_url(&gateway), &JSON_HEADERS, ok).await;
    assert_eq!(answer["code"], "0000", "{answer}");
}

/// Any connection cap serves: one over what the accept loop's semaphore can count is that
/// many (before, it stopped the accept loop, and nothing was served).
#[tokio::test]
async fn a_connection_cap_of_usize_max_still_serves() {
    let gateway = MockGateway::start(config().max_connections(usize::MAX), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let body = signed(ke_pay_in("cap-1", "500", "http://127.0.0.1:9/n"));
    let (status, body) = call(Method::POST, &ke_url(&gateway), &JSON_HEADERS, body).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["code"], "0000", "{body}");
}

#[tokio::test]
async fn a_request_that_takes_too_long_gets_the_408_envelope() {
    let gateway = MockGateway::start(
        config().request_timeout(Duration::from_millis(300)),
        paypro_all::COUNTRIES,
    )
    .await
    .unwrap();
    let mut stream = TcpStream::connect(gateway.addr()).await.unwrap();
    stream
        .write_all(b"POST /ke/api/payin HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nmerchantNo: 0000000001\r\ncontent-length: 100\r\n\r\n{\"trade")
        .await
        .unwrap();
    let answer = until_closed(&mut stream).await.expect("an answer");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    let body: serde_json::Value =
        serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert_refusal(&body, codes::TIMEOUT, "may have been created");
}

#[tokio::test]
async fn only_the_last_orders_are_kept() {
    let gateway = MockGateway::start(config().max_orders(3), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let receiver = TestServer::start(|_| Answer::Full {
        status: 200,
        content_type: "text/plain".into(),
        body: "OK".into(),
    })
    .await;
    for i in 0..5 {
        let trade_no = format!("kept-{i}");
        let body = signed(ke_pay_in(&trade_no, "500", receiver.url()));
        let (_, answer) = call(Method::POST, &ke_url(&gateway), &JSON_HEADERS, body).await;
        assert_eq!(answer["code"], "0000", "{answer}");
        // Only an order whose callback was delivered may be forgotten (hostile.rs).
        until("the callback delivered", || {
            gateway
                .deliveries()
                .unwrap()
                .into_iter()
                .find(|d| d.trade_no == trade_no && d.acknowledged)
        })
        .await;
    }
    let kept: Vec<String> = admin_orders(&gateway)
        .await
        .iter()
        .map(|o| o["tradeNo"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(kept, ["kept-2", "kept-3", "kept-4"]);
    let query = signed(serde_json::json!({"timestamp": "1728609257212", "tradeNo": "kept-0"}));
    let (_, answer) = call(
        Method::POST,
        &format!("{}/api/queryPayinResult", gateway.base_url("ke").unwrap()),
        &JSON_HEADERS,
        query,
    )
    .await;
    assert_refusal(&answer, codes::NOT_FOUND, "kept-0");
}

#[test]
fn the_binary_refuses_a_bad_limit_and_lists_its_flags() {
    let bin = env!("CARGO_BIN_EXE_paypro-mock");
    let bad = std::process::Command::new(bin)
        .args(["--max-orders", "0"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("invalid value '0' for '--max-orders <N>': 0 is not in 1.."),
        "{stderr}"
    );
    let help = std::process::Command::new(bin)
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    for flag in [
        "--max-orders",
        "--max-connections",
        "--max-amount",
        "--header-read-timeout-ms",
        "--request-timeout-ms",
        "--fault-delay-ms",
    ] {
        assert!(help.contains(flag), "{flag} in {help}");
    }
}

#[tokio::test]
async fn a_number_common_parsers_refuse_is_refused_even_in_an_unknown_field() {
    // Found by fuzz.rs: RawObject reads `1e400`, serde_json (and many gateways) do not.
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let mut fields = ke_pay_in("range", "500", "http://127.0.0.1:9/n");
    fields["extra"] = "placeholder".into();
    let body = signed(fields).replace(r#""extra":"placeholder""#, r#""extra":1e400"#);
    let (_, answer) = call(Method::POST, &ke_url(&gateway), &JSON_HEADERS, body).await;
    assert_refusal(&answer, codes::MALFORMED, "not JSON a common parser reads");
}
