//! The sandbox against an attacker (issue 19, item 7): a web page on another origin or a name
//! that resolves to the sandbox (DNS rebinding) changes nothing, URLs it would store or redirect
//! to are refused before anything happens, no amount wedges the ledger, and no order whose
//! callback is still due is forgotten. Requests are written by hand, so that every header
//! (`Host`, `Origin`, `Content-Type`) is exactly the hostile one.

use crate::common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use common::*;
use paypro_core::Status;
use paypro_core::descriptor::Role;
use paypro_mock::{ADMIN_HEADER, Fault, Kind, MockConfig, MockGateway, codes};
use paypro_testkit::TEST_MERCHANT_NO;
use paypro_testkit::{Answer, TestServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// One answer read off the wire.
#[derive(Debug)]
struct Raw {
    status: u16,
    /// Names lowercased.
    headers: Vec<(String, String)>,
    body: String,
}

impl Raw {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("HTTP {}: not JSON ({e}): {:?}", self.status, self.body))
    }
}

/// One HTTP/1.1 exchange on its own connection (`connection: close`): the request line
/// `method target`, exactly `headers` (no `Host` unless given), and `body` with its length.
async fn raw(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Raw {
    let mut request = format!("{method} {target} HTTP/1.1\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!(
        "content-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    ));
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut seen = Vec::new();
    tokio::time::timeout(Duration::from_secs(20), stream.read_to_end(&mut seen))
        .await
        .expect("an answer within 20 s")
        .unwrap();
    let text = String::from_utf8_lossy(&seen).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").expect("a head");
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap()[9..12].parse().unwrap();
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Raw {
        status,
        headers,
        body: body.to_string(),
    }
}

async fn start(config: MockConfig) -> MockGateway {
    MockGateway::start(config, paypro_all::COUNTRIES)
        .await
        .unwrap()
}

fn host(gateway: &MockGateway) -> String {
    format!("127.0.0.1:{}", gateway.addr().port())
}

/// A Kenyan pay-in through the API, as a merchant's server sends it; its answer.
async fn ke_pay_in_raw(gateway: &MockGateway, trade_no: &str, amount: &str, notify: &str) -> Raw {
    let body = signed(ke_pay_in(trade_no, amount, notify));
    raw(
        gateway.addr(),
        "POST",
        "/ke/api/payin",
        &[
            ("host", &host(gateway)),
            ("content-type", "application/json"),
            ("merchantNo", TEST_MERCHANT_NO),
        ],
        &body,
    )
    .await
}

/// A Mexican hosted-page (cashier) order with these URLs, as raw JSON text: the answer.
async fn mx_cashier_raw(gateway: &MockGateway, trade_no: &str, urls: &str) -> Raw {
    let mx = paypro_all::COUNTRIES
        .iter()
        .find(|c| c.code == "mx")
        .unwrap();
    let cashier = mx
        .endpoints
        .iter()
        .find(|e| e.role == Role::Cashier)
        .unwrap();
    // Signed over the raw text, so that the URLs travel exactly as written (escapes included).
    let fields =
        format!(r#"{{"timestamp":"1728609257212","tradeNo":"{trade_no}","amount":"300",{urls}}}"#);
    let object = paypro_core::RawObject::parse(&fields, "body").unwrap();
    let sign = paypro_core::sign_raw(&object, &secret());
    let body = format!(
        r#"{}, "sign":"{}"}}"#,
        &fields[..fields.len() - 1],
        sign.as_str()
    );
    raw(
        gateway.addr(),
        "POST",
        &format!("{}{}", paypro_mock::base_path(mx), cashier.path),
        &[
            ("host", &host(gateway)),
            ("content-type", "application/json"),
            ("merchantNo", TEST_MERCHANT_NO),
        ],
        &body,
    )
    .await
}

/// A receiver that acknowledges every callback.
async fn ok_receiver() -> TestServer {
    TestServer::start(|_| Answer::Full {
        status: 200,
        content_type: "text/plain".into(),
        body: "OK".into(),
    })
    .await
}

fn status_of(gateway: &MockGateway, country: &str, trade_no: &str) -> Option<Status> {
    gateway
        .order(country, Kind::PayIn, trade_no)
        .map(|o| o.status)
}

async fn settled(gateway: &MockGateway, country: &str, trade_no: &str) {
    until("the order to settle", || {
        status_of(gateway, country, trade_no).filter(Status::is_final)
    })
    .await;
}

#[tokio::test]
async fn a_request_naming_another_host_is_refused_before_it_does_anything() {
    let receiver = ok_receiver().await;
    let gateway = start(config()).await;
    let (addr, port) = (gateway.addr(), gateway.addr().port());
    // Something unsettled that `settle-balances` would move.
    let paid = ke_pay_in_raw(&gateway, "paid", "500", receiver.url()).await;
    assert_eq!(paid.json()["code"], "0000", "{paid:?}");
    settled(&gateway, "ke", "paid").await;
    let before = gateway.balance("ke", TEST_MERCHANT_NO).unwrap();
    assert_eq!(before.unsettled, 500);

    // Names an attacker controls and makes resolve to 127.0.0.1 (DNS rebinding), names that
    // only look local, and another machine's address.
    for bad in [
        format!("rebind.example:{port}"),
        "rebind.example".to_string(),
        format!("127.0.0.1.nip.io:{port}"),
        format!("localhost.rebind.example:{port}"),
        format!("localhost.:{port}"),
        format!("10.0.0.1:{port}"),
        format!("[2001:db8::1]:{port}"),
    ] {
        // The gateway's API: its envelope.
        let body = signed(ke_pay_in("rebound", "500", receiver.url()));
        let answer = raw(
            addr,
            "POST",
            "/ke/api/payin",
            &[
                ("host", &bad),
                ("content-type", "application/json"),
                ("merchantNo", TEST_MERCHANT_NO),
            ],
            &body,
        )
        .await;
        assert_eq!(answer.status, 421, "{bad}: {answer:?}");
        assert_refusal(&answer.json(), codes::HOST, "loopback");
        // The dashboard, the admin API and the cashier page: a short text.
        for (method, path) in [
            ("GET", "/"),
            ("GET", "/_admin/orders"),
            ("GET", "/_admin/deliveries"),
            ("POST", "/_admin/settle-balances"),
        ] {
            let answer = raw(
                addr,
                method,
                path,
                &[
                    ("host", &bad),
                    ("content-type", "application/json"),
                    (ADMIN_HEADER, "1"),
                ],
                "",
            )
            .await;
            assert_eq!(answer.status, 421, "{bad} {method} {path}: {answer:?}");
            assert!(
                answer
                    .header("content-type")
                    .is_some_and(|t| t.starts_with("text/plain")),
                "{answer:?}"
            );
            assert!(answer.body.contains("loopback"), "{answer:?}");
            assert!(!answer.body.contains("paid"), "no data: {answer:?}");
        }
    }
    // An absolute-form target names the host, whatever the Host header says.
    let answer = raw(
        addr,
        "GET",
        &format!("http://rebind.example:{port}/_admin/orders"),
        &[("host", &host(&gateway))],
        "",
    )
    .await;
    assert_eq!(answer.status, 421, "{answer:?}");
    // No host at all, or two.
    let answer = raw(addr, "GET", "/_admin/orders", &[], "").await;
    assert_eq!(answer.status, 400, "{answer:?}");
    let answer = raw(
        addr,
        "GET",
        "/_admin/orders",
        &[("host", &host(&gateway)), ("host", "rebind.example")],
        "",
    )
    .await;
    assert_eq!(answer.status, 400, "{answer:?}");
    // On a gateway path, the envelope with the sandbox's code for a Host it does not answer to.
    let answer = raw(
        addr,
        "POST",
        "/ke/api/payin",
        &[("content-type", "application/json")],
        "{}",
    )
    .await;
    assert_eq!(answer.status, 400, "{answer:?}");
    assert_refusal(&answer.json(), codes::HOST, "exactly one Host");

    assert!(gateway.order("ke", Kind::PayIn, "rebound").is_none());
    assert_eq!(gateway.balance("ke", TEST_MERCHANT_NO).unwrap(), before);
}

#[tokio::test]
async fn every_loopback_name_is_served() {
    let gateway = start(config()).await;
    let (addr, port) = (gateway.addr(), gateway.addr().port());
    for good in [
        format!("127.0.0.1:{port}"),
        "127.0.0.1".to_string(),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("127.0.0.2:{port}"),
        format!("127.1:{port}"),
        format!("[::1]:{port}"),
        format!("[::ffff:127.0.0.1]:{port}"),
    ] {
        let answer = raw(addr, "GET", "/_admin/orders", &[("host", &good)], "").await;
        assert_eq!(answer.status, 200, "{good}: {answer:?}");
        assert_eq!(answer.json(), serde_json::json!([]), "{good}");
        let page = raw(addr, "GET", "/", &[("host", &good)], "").await;
        assert_eq!(page.status, 200, "{good}: {page:?}");
    }
}

/// A processing Kenyan pay-in (`held`), a paid one with its callback acknowledged (`paid`), a
/// hosted-page order waiting for its payer, and an armed fault; the hosted order's id.
async fn targets(gateway: &MockGateway, receiver: &TestServer) -> String {
    let held = ke_pay_in_raw(gateway, "held", "4015", receiver.url()).await;
    assert_eq!(held.json()["code"], "0000", "{held:?}");
    let paid = ke_pay_in_raw(gateway, "paid", "500", receiver.url()).await;
    assert_eq!(paid.json()["code"], "0000", "{paid:?}");
    settled(gateway, "ke", "paid").await;
    until("paid's callback", || {
        (gateway.deliveries().unwrap().len() == 1).then_some(())
    })
    .await;
    let urls = format!(
        r#""notifyUrl":"{}","returnUrl":"http://shop.example/back""#,
        receiver.url()
    );
    let hosted = mx_cashier_raw(gateway, "hosted", &urls).await;
    assert_eq!(hosted.json()["code"], "0000", "{hosted:?}");
    gateway.inject_fault(Fault::Html502, 1).unwrap();
    gateway.order("mx", Kind::PayIn, "hosted").unwrap().id
}

/// Asserts that nothing of [`targets`] changed.
async fn unchanged(gateway: &MockGateway, receiver: &TestServer) {
    assert_eq!(status_of(gateway, "ke", "held"), Some(Status::Processing));
    assert_eq!(status_of(gateway, "mx", "hosted"), Some(Status::Processing));
    let b = gateway.balance("ke", TEST_MERCHANT_NO).unwrap();
    assert_eq!((b.available, b.unsettled), (1_000_000, 500));
    assert_eq!(gateway.deliveries().unwrap().len(), 1);
    assert_eq!(receiver.requests().len(), 1);
    let armed = raw(
        gateway.addr(),
        "GET",
        "/_admin/faults",
        &[("host", &host(gateway))],
        "",
    )
    .await
    .json();
    assert_eq!(armed["armed"][0]["fault"], "502-html", "{armed}");
    assert_eq!(armed["armed"][0]["remaining"], 1, "{armed}");
    assert_eq!(armed["armed"].as_array().unwrap().len(), 1, "{armed}");
}

/// Every state-changing request of the dashboard, the admin API and the cashier page.
fn actions(hosted_id: &str) -> Vec<(&'static str, String, &'static str)> {
    vec![
        (
            "POST",
            "/_admin/settle/ke/pay-in/held?status=0000".into(),
            "",
        ),
        ("POST", "/_admin/resend/ke/pay-in/paid".into(), ""),
        ("POST", "/_admin/settle-balances".into(), ""),
        ("POST", "/_admin/faults".into(), r#"{"fault":"drop"}"#),
        ("DELETE", "/_admin/faults".into(), ""),
        ("POST", format!("/_pay/{hosted_id}/pay"), ""),
        ("POST", format!("/_pay/{hosted_id}/fail"), ""),
    ]
}

#[tokio::test]
async fn a_request_from_another_origin_changes_nothing() {
    let receiver = ok_receiver().await;
    let gateway = start(config()).await;
    let hosted_id = targets(&gateway, &receiver).await;
    let port = gateway.addr().port();
    let other = receiver.url().trim_start_matches("http://").to_string();
    for origin in [
        "http://evil.example".to_string(),
        format!("http://evil.example:{port}"),
        // Another server on this machine: another origin.
        format!("http://{other}"),
        format!("https://127.0.0.1:{port}"),
        // A sandboxed frame, a file, a redirect chain.
        "null".to_string(),
        "not an origin".to_string(),
    ] {
        for (method, path, body) in actions(&hosted_id) {
            // Everything a program would send, too: it is the origin that refuses it.
            for content_type in ["application/json", "application/x-www-form-urlencoded"] {
                let answer = raw(
                    gateway.addr(),
                    method,
                    &path,
                    &[
                        ("host", &host(&gateway)),
                        ("origin", &origin),
                        ("content-type", content_type),
                        (ADMIN_HEADER, "1"),
                    ],
                    body,
                )
                .await;
                assert_eq!(answer.status, 403, "{origin} {method} {path}: {answer:?}");
                assert!(answer.body.contains("origin"), "{answer:?}");
            }
        }
    }
    // Two Origin headers are never a browser's.
    let answer = raw(
        gateway.addr(),
        "POST",
        "/_admin/settle-balances",
        &[
            ("host", &host(&gateway)),
            ("origin", &format!("http://{}", host(&gateway))),
            ("origin", "http://evil.example"),
            ("content-type", "application/json"),
        ],
        "",
    )
    .await;
    assert_eq!(answer.status, 403, "{answer:?}");
    unchanged(&gateway, &receiver).await;

    // The sandbox's own pages send its own origin: a plain form POST (the cashier page, the
    // dashboard without JavaScript) is theirs.
    for own in [
        format!("http://127.0.0.1:{port}"),
        format!("http://localhost:{port}"),
    ] {
        let host = own.trim_start_matches("http://");
        let answer = raw(
            gateway.addr(),
            "GET",
            "/_admin/faults",
            &[("host", host), ("origin", "http://evil.example")],
            "",
        )
        .await;
        assert_eq!(answer.status, 200, "reading is not changing: {answer:?}");
        let answer = raw(
            gateway.addr(),
            "POST",
            "/_admin/settle-balances",
            &[
                ("host", host),
                ("origin", &own),
                ("content-type", "application/x-www-form-urlencoded"),
            ],
            "",
        )
        .await;
        assert_eq!(answer.status, 200, "{own}: {answer:?}");
    }
    let paid = raw(
        gateway.addr(),
        "POST",
        &format!("/_pay/{hosted_id}/pay"),
        &[
            ("host", &host(&gateway)),
            ("origin", &format!("http://127.0.0.1:{port}")),
            ("content-type", "application/x-www-form-urlencoded"),
        ],
        "",
    )
    .await;
    assert_eq!(paid.status, 303, "{paid:?}");
    assert_eq!(paid.header("location"), Some("http://shop.example/back"));
    assert_eq!(status_of(&gateway, "mx", "hosted"), Some(Status::Success));
    let b = gateway.balance("ke", TEST_MERCHANT_NO).unwrap();
    assert_eq!((b.available, b.unsettled), (1_000_500, 0));
}

#[tokio::test]
async fn a_simple_request_without_an_origin_is_refused_unless_it_says_it_is_a_programs() {
    let receiver = ok_receiver().await;
    let gateway = start(config()).await;
    let hosted_id = targets(&gateway, &receiver).await;
    // What a page on another site can send without asking first (a form, a no-cors fetch, a
    // beacon), from a browser that sends no Origin.
    for content_type in [
        None,
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        Some("text/plain"),
        Some("text/plain; charset=utf-8"),
        Some("application/json-seq"),
    ] {
        for (method, path, body) in actions(&hosted_id) {
            if method != "POST" {
                continue;
            }
            let mut headers = vec![("host", host(&gateway))];
            if let Some(t) = content_type {
                headers.push(("content-type", t.to_string()));
            }
            let headers: Vec<(&str, &str)> =
                headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
            let answer = raw(gateway.addr(), method, &path, &headers, body).await;
            assert_eq!(answer.status, 403, "{content_type:?} {path}: {answer:?}");
            assert!(answer.body.contains(ADMIN_HEADER), "{answer:?}");
        }
    }
    unchanged(&gateway, &receiver).await;

    // A program says so: JSON, or the header (any value). DELETE is never a simple request.
    let json = [("content-type", "application/json")];
    let marked = [(ADMIN_HEADER, "1")];
    let cleared = raw(
        gateway.addr(),
        "DELETE",
        "/_admin/faults",
        &[("host", &host(&gateway))],
        "",
    )
    .await;
    assert_eq!(cleared.status, 200, "{cleared:?}");
    for (path, extra) in [
        ("/_admin/settle/ke/pay-in/held?status=0000", &json[..]),
        ("/_admin/settle-balances", &marked[..]),
    ] {
        let mut headers = vec![("host", host(&gateway))];
        headers.extend(extra.iter().map(|(n, v)| (*n, v.to_string())));
        let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let answer = raw(gateway.addr(), "POST", path, &headers, "").await;
        assert_eq!(answer.status, 200, "{path}: {answer:?}");
    }
    assert_eq!(status_of(&gateway, "ke", "held"), Some(Status::Success));
    let failed = raw(
        gateway.addr(),
        "POST",
        &format!("/_pay/{hosted_id}/fail"),
        &[("host", &host(&gateway)), (ADMIN_HEADER, "yes")],
        "",
    )
    .await;
    assert_eq!(failed.status, 303, "{failed:?}");
    assert!(matches!(
        status_of(&gateway, "mx", "hosted"),
        Some(Status::Failed { .. })
    ));
}

#[tokio::test]
async fn urls_with_control_characters_are_refused_before_anything_happens() {
    let gateway = start(config()).await;
    let receiver = ok_receiver().await;
    let notify = receiver.url();
    // Armed for the next 11 orders: a refused request is no order and uses none up.
    gateway.inject_fault(Fault::Html502, 11).unwrap();
    for (i, (field, url)) in [
        ("returnUrl", r"http://shop.example/back\u0001"),
        ("returnUrl", r"http://shop.example/back\r\nSet-Cookie: a=b"),
        ("returnUrl", r"http://shop.example/b\tack"),
        ("returnUrl", r"http://shop.example/back\u007f"),
        ("returnUrl", r"http://shop.example/back\u0085"),
        ("returnUrl", r" http://shop.example/back"),
        ("returnUrl", r"http://shop.example/ back"),
        ("returnUrl", r"http://shop.example/back\u2028"),
        ("returnUrl", r"http:\\shop.example\back"),
        ("notifyUrl", r"http://shop.example/n\u0000"),
        ("notifyUrl", r"http://shop.example/n\n"),
    ]
    .into_iter()
    .enumerate()
    {
        let trade_no = format!("ctl-{i}");
        let urls = if field == "returnUrl" {
            format!(r#""notifyUrl":"{notify}","returnUrl":"{url}""#)
        } else {
            format!(r#""notifyUrl":"{url}","returnUrl":"http://shop.example/back""#)
        };
        let answer = mx_cashier_raw(&gateway, &trade_no, &urls).await;
        assert_eq!(answer.status, 200, "{url}: {answer:?}");
        // The spec's URL rule, as a builder words it (paypro_core::check_format).
        assert_refusal(
            &answer.json(),
            codes::FIELD,
            &format!("`{field}` must be an absolute http(s) URL ("),
        );
        assert!(
            gateway.order("mx", Kind::PayIn, &trade_no).is_none(),
            "{url}"
        );
    }
    let armed = raw(
        gateway.addr(),
        "GET",
        "/_admin/faults",
        &[("host", &host(&gateway))],
        "",
    )
    .await
    .json();
    assert_eq!(armed["armed"][0]["remaining"], 11, "{armed}");
    assert!(gateway.deliveries().unwrap().is_empty());
}

/// The builder refuses what the sandbox refuses, by the same rule (`check_format`): nothing
/// that a URL parser would drop or rewrite is ever signed.
#[test]
fn a_builder_refuses_the_urls_the_sandbox_refuses() {
    for url in [
        "https://a.example/cb\n",
        "https://a.example/c\tb",
        "https://a.example/c b",
        " https://a.example/cb",
        "https://a.example\\cb",
        "https://a.example/cb\u{7f}",
        "https://a.example/cb\u{2028}",
    ] {
        let refused = paypro_all::id::PayInRequest::builder()
            .trade_no("url-1")
            .username("kevin")
            .mobile("6281245907765")
            .email("kevin@example.com")
            .channel_code(paypro_all::id::pay_in::ChannelCode::Ewallet)
            .amount(1000)
            .notify_url(url)
            .build()
            .expect_err(url);
        let problem = &refused
            .field("notifyUrl")
            .expect("notifyUrl is named")
            .problem;
        assert!(
            matches!(
                problem,
                paypro_core::Problem::Format {
                    format: paypro_core::descriptor::TextFormat::HttpUrl,
                    ..
                }
            ),
            "{url:?}: {problem:?}"
        );
        assert!(
            refused.to_string().contains(
                "`notifyUrl` must be an absolute http(s) URL (it holds a control character"
            ),
            "{refused}"
        );
    }
}

#[tokio::test]
async fn a_return_url_in_any_valid_spelling_is_where_the_payer_goes() {
    let gateway = start(config()).await;
    let receiver = ok_receiver().await;
    for (i, (url, location)) in [
        (
            "http://shop.example/café?q=ü",
            "http://shop.example/caf%C3%A9?q=%C3%BC",
        ),
        ("http://BÜCHER.example/", "http://xn--bcher-kva.example/"),
        ("https://shop.example", "https://shop.example/"),
    ]
    .into_iter()
    .enumerate()
    {
        let trade_no = format!("ret-{i}");
        let urls = format!(r#""notifyUrl":"{}","returnUrl":"{url}""#, receiver.url());
        let answer = mx_cashier_raw(&gateway, &trade_no, &urls).await;
        assert_eq!(answer.json()["code"], "0000", "{url}: {answer:?}");
        let id = gateway.order("mx", Kind::PayIn, &trade_no).unwrap().id;
        let paid = raw(
            gateway.addr(),
            "POST",
            &format!("/_pay/{id}/pay"),
            &[("host", &host(&gateway)), (ADMIN_HEADER, "1")],
            "",
        )
        .await;
        assert_eq!(paid.status, 303, "{url}: {paid:?}");
        assert_eq!(paid.header("location"), Some(location), "{url}");
        assert_eq!(status_of(&gateway, "mx", &trade_no), Some(Status::Success));
    }
}

#[tokio::test]
async fn amounts_that_could_overflow_a_balance_are_refused_and_nothing_wedges() {
    let receiver = ok_receiver().await;
    let gateway = start(config().max_amount(u64::MAX)).await;
    let long = i64::MAX.to_string();
    // 1,000,000 available + i64::MAX fits in a balance; another i64::MAX does not.
    let first = ke_pay_in_raw(&gateway, "long-1", &long, receiver.url()).await;
    assert_eq!(first.json()["code"], "0000", "{first:?}");
    for trade_no in ["long-2", "long-3"] {
        let answer = ke_pay_in_raw(&gateway, trade_no, &long, receiver.url()).await;
        assert_eq!(answer.status, 200);
        assert_refusal(&answer.json(), codes::FIELD, "overflow");
        assert!(gateway.order("ke", Kind::PayIn, trade_no).is_none());
    }
    settled(&gateway, "ke", "long-1").await;
    let b = gateway.balance("ke", TEST_MERCHANT_NO).unwrap();
    assert_eq!(
        (b.available, b.frozen, b.unsettled),
        (1_000_000, 0, i64::MAX as u64)
    );
    // Settling the day always works; the room left is still counted.
    let answer = raw(
        gateway.addr(),
        "POST",
        "/_admin/settle-balances",
        &[("host", &host(&gateway)), (ADMIN_HEADER, "1")],
        "",
    )
    .await;
    assert_eq!(answer.status, 200, "{answer:?}");
    let b = gateway.balance("ke", TEST_MERCHANT_NO).unwrap();
    assert_eq!((b.available, b.unsettled), (1_000_000 + i64::MAX as u64, 0));
    let again = ke_pay_in_raw(&gateway, "long-4", &long, receiver.url()).await;
    assert_refusal(&again.json(), codes::FIELD, "overflow");
    // A processing order holds its room until it settles: the largest that fits, twice.
    let room = u64::MAX - b.available;
    let held = ke_pay_in_raw(&gateway, "held", &room.to_string(), receiver.url()).await;
    assert_eq!(held.json()["code"], "0000", "{held:?}");
    let one = ke_pay_in_raw(&gateway, "one-more", "1", receiver.url()).await;
    assert_refusal(&one.json(), codes::FIELD, "overflow");
    settled(&gateway, "ke", "held").await;
    let b = gateway.balance("ke", TEST_MERCHANT_NO).unwrap();
    assert_eq!((b.available, b.unsettled), (u64::MAX - room, room));
    // Every order made settled; none is stuck processing, and the day settles again.
    for order in admin_orders(&gateway).await {
        assert_eq!(order["status"], "0000", "{order}");
    }
    let answer = raw(
        gateway.addr(),
        "POST",
        "/_admin/settle-balances",
        &[("host", &host(&gateway)), (ADMIN_HEADER, "1")],
        "",
    )
    .await;
    assert_eq!(answer.status, 200, "{answer:?}");
    let b = gateway.balance("ke", TEST_MERCHANT_NO).unwrap();
    assert_eq!((b.available, b.unsettled), (u64::MAX, 0));
}

#[tokio::test]
async fn an_order_whose_callback_is_due_is_never_forgotten() {
    // The receiver refuses every callback until told to acknowledge.
    let acknowledge = Arc::new(AtomicBool::new(false));
    let flag = acknowledge.clone();
    let receiver = TestServer::start(move |_| {
        let (status, body) = if flag.load(Ordering::SeqCst) {
            (200, "OK")
        } else {
            (503, "busy")
        };
        Answer::Full {
            status,
            content_type: "text/plain".into(),
            body: body.into(),
        }
    })
    .await;
    let gateway = start(config().max_orders(2)).await;
    // `due`: settled, its callback refused and due again. `held`: processing, its callback to come.
    let due = ke_pay_in_raw(&gateway, "due", "500", receiver.url()).await;
    assert_eq!(due.json()["code"], "0000", "{due:?}");
    until("due's first attempt", || {
        gateway.deliveries().unwrap().into_iter().next()
    })
    .await;
    let held = ke_pay_in_raw(&gateway, "held", "4015", receiver.url()).await;
    assert_eq!(held.json()["code"], "0000", "{held:?}");
    // Nothing can be forgotten: a third order is refused, the sandbox is full.
    let third = ke_pay_in_raw(&gateway, "third", "500", receiver.url()).await;
    assert_eq!(third.status, 503, "{third:?}");
    assert_refusal(&third.json(), codes::FULL, "--max-orders");
    assert!(gateway.order("ke", Kind::PayIn, "third").is_none());
    assert!(gateway.order("ke", Kind::PayIn, "due").is_some());
    // The processing order's callback is not lost either.
    gateway.settle("ke", Kind::PayIn, "held", "0000").unwrap();
    acknowledge.store(true, Ordering::SeqCst);
    // (Only the last 2 attempts are kept: what was seen acknowledged is remembered.)
    let mut acknowledged = std::collections::BTreeSet::new();
    until("both callbacks acknowledged", || {
        for d in gateway.deliveries().unwrap() {
            if d.acknowledged {
                acknowledged.insert(d.trade_no);
            }
        }
        (acknowledged.len() == 2).then_some(())
    })
    .await;
    // Now the oldest, delivered, makes room.
    let third = ke_pay_in_raw(&gateway, "third", "500", receiver.url()).await;
    assert_eq!(third.json()["code"], "0000", "{third:?}");
    assert!(gateway.order("ke", Kind::PayIn, "due").is_none());
    assert!(gateway.order("ke", Kind::PayIn, "held").is_some());
}
