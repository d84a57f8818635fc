//! The sandbox through the SDK's real clients: the whole payment flow, every rejection, state,
//! callbacks with retries, outcomes by amount, and the hosted page.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use paypro_all::{id, ke, mx};
use paypro_core::notify::Verifier;
use paypro_core::{Secret, Status};
use paypro_mock::{Kind, MockConfig, MockGateway, codes};
use paypro_testkit::{Answer, TestServer};
use paypro_testkit::{TEST_MERCHANT_NO, TEST_SECRET};

fn config() -> MockConfig {
    MockConfig::default()
        .settle_after(Duration::from_millis(20))
        .time_factor(0.001)
}

fn ok_receiver() -> Answer {
    Answer::Full {
        status: 200,
        content_type: "text/plain".into(),
        body: "OK".into(),
    }
}

async fn until<T>(mut probe: impl FnMut() -> Option<T>) -> T {
    for _ in 0..300 {
        if let Some(t) = probe() {
            return t;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting");
}

fn id_client(gateway: &MockGateway) -> id::Client {
    id::Client::new(
        id::Config::new(TEST_MERCHANT_NO, Secret::new(TEST_SECRET).unwrap())
            .base_url(gateway.base_url("id").unwrap()),
    )
    .unwrap()
}

fn id_pay_in(trade_no: &str, amount: u64, notify_url: &str) -> id::PayInRequest {
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

#[tokio::test]
async fn the_whole_flow_pay_in_callback_query() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let receiver = TestServer::start(|_| ok_receiver()).await;
    let client = id_client(&gateway);

    let reply = client
        .pay_in(&id_pay_in(
            "flow-1",
            150_000,
            &format!("{}/notify", receiver.url()),
        ))
        .await
        .unwrap();
    assert_eq!(reply.data.status, Some(Status::Processing));
    assert_eq!(reply.data.trade_no.as_deref(), Some("flow-1"));
    let platform = reply
        .data
        .platform_trade_no
        .clone()
        .expect("a Paypro number");

    let callback = until(|| receiver.requests().into_iter().next()).await;
    assert_eq!(callback.path, "/notify");
    let notification = id::Notification::verify(
        callback.body.as_bytes(),
        &Verifier::new(Secret::new(TEST_SECRET).unwrap()),
    )
    .expect("signed by the sandbox");
    assert_eq!(notification.status, Some(Status::Success));
    assert_eq!(
        notification.platform_trade_no.as_deref(),
        Some(platform.as_str())
    );
    assert_eq!(
        notification.amount.map(|a| a.to_string()).as_deref(),
        Some("150000")
    );

    let query = id::QueryPayInRequest::builder()
        .trade_no("flow-1")
        .build()
        .unwrap();
    let found = client.query_pay_in(&query).await.unwrap().data;
    assert_eq!(found.status, Some(Status::Success));
    assert_eq!(found.platform_trade_no, Some(platform));
    assert_eq!(
        found.pay_amount.map(|a| a.to_string()).as_deref(),
        Some("150000")
    );
    let deliveries = gateway.deliveries().unwrap();
    assert_eq!(deliveries.len(), 1);
    assert!(deliveries[0].acknowledged);
}

async fn post_raw(url: &str, headers: &[(&str, &str)], body: &str) -> (u16, serde_json::Value) {
    let mut request = reqwest::Client::new().post(url).body(body.to_string());
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (
        status,
        serde_json::from_str(&response.text().await.unwrap()).unwrap(),
    )
}

fn signed(fields: serde_json::Value) -> String {
    paypro_core::notify::sign_body(&fields.to_string(), &Secret::new(TEST_SECRET).unwrap())
        .expect("a JSON object")
}

#[tokio::test]
async fn every_rejection_names_the_problem_in_the_envelope() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let eg = gateway.base_url("eg").unwrap();
    let json = [
        ("content-type", "application/json"),
        ("merchantNo", TEST_MERCHANT_NO),
    ];
    let good = serde_json::json!({"timestamp": "1728609257212", "tradeNo": "r-1", "payer": "kevin", "amount": "300",
        "remark": "test", "mobile": "01012345678", "email": "k@example.com", "notifyUrl": "http://127.0.0.1:9/n"});
    let expect = |(status, body): (u16, serde_json::Value), code: &str, needle: &str| {
        assert_eq!(body["code"], code, "{body}");
        assert_eq!(body["success"], false, "{body}");
        assert!(body["msg"].as_str().unwrap().contains(needle), "{body}");
        status
    };
    let url = format!("{eg}/v1/paypro/payIn");

    let mut bad_sign: serde_json::Value = serde_json::from_str(&signed(good.clone())).unwrap();
    bad_sign["sign"] = "0123456789abcdef0123456789abcdef".into();
    expect(
        post_raw(&url, &json, &bad_sign.to_string()).await,
        codes::SIGN,
        "sign error",
    );
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("payer");
    expect(
        post_raw(&url, &json, &signed(missing)).await,
        codes::FIELD,
        "missing field `payer`",
    );
    let mut low = good.clone();
    low["amount"] = "99".into();
    expect(
        post_raw(&url, &json, &signed(low)).await,
        codes::FIELD,
        "`amount` must be at least 100 (got 99)",
    );
    let mut typed = good.clone();
    typed["amount"] = 300.into();
    expect(
        post_raw(&url, &json, &signed(typed)).await,
        codes::FIELD,
        "`amount` must be a JSON string",
    );
    let mut untimed = good.clone();
    untimed.as_object_mut().unwrap().remove("timestamp");
    expect(
        post_raw(&url, &json, &signed(untimed)).await,
        codes::FIELD,
        "missing field `timestamp`",
    );
    assert_eq!(
        post_raw(&url, &json, &signed(good.clone())).await.1["code"],
        "0000"
    );
    expect(
        post_raw(&url, &json, &signed(good.clone())).await,
        codes::DUPLICATE,
        "duplicate tradeNo `r-1`",
    );
    expect(
        post_raw(&url, &json, "{\"tradeNo\":").await,
        codes::MALFORMED,
        "not JSON",
    );
    expect(
        post_raw(&url, &json, "[1,2]").await,
        codes::MALFORMED,
        "a JSON array",
    );
    expect(
        post_raw(
            &url,
            &[
                ("content-type", "text/plain"),
                ("merchantNo", TEST_MERCHANT_NO),
            ],
            &signed(good.clone()),
        )
        .await,
        codes::CONTENT_TYPE,
        "application/json",
    );
    expect(
        post_raw(
            &url,
            &[("content-type", "application/json")],
            &signed(good.clone()),
        )
        .await,
        codes::MERCHANT,
        "missing header `merchantNo`",
    );
    expect(
        post_raw(
            &url,
            &[("content-type", "application/json"), ("merchantNo", "999")],
            &signed(good.clone()),
        )
        .await,
        codes::MERCHANT,
        "unknown merchant `999`",
    );
    let big = format!(r#"{{"pad":"{}"}}"#, "x".repeat(70_000));
    expect(
        post_raw(&url, &json, &big).await,
        codes::TOO_LARGE,
        "over the 65536-byte limit",
    );
    let status = expect(
        post_raw(&format!("{eg}/v1/paypro/nope"), &json, "{}").await,
        codes::UNKNOWN_PATH,
        "no Paypro endpoint at /eg/v1/paypro/nope",
    );
    assert_eq!(status, 404);
}

#[tokio::test]
async fn callbacks_are_retried_until_ok() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let receiver = TestServer::start(move |_| match seen.fetch_add(1, Ordering::SeqCst) {
        0 => Answer::Full {
            status: 500,
            content_type: "text/plain".into(),
            body: "busy".into(),
        },
        1 => Answer::Full {
            status: 200,
            content_type: "text/plain".into(),
            body: "received".into(),
        },
        _ => ok_receiver(),
    })
    .await;
    id_client(&gateway)
        .pay_in(&id_pay_in("retry-1", 1000, receiver.url()))
        .await
        .unwrap();
    let deliveries = until(|| {
        let d = gateway.deliveries().unwrap();
        d.iter().any(|d| d.acknowledged).then_some(d)
    })
    .await;
    let outcomes: Vec<(u32, bool)> = deliveries
        .iter()
        .map(|d| (d.attempt, d.acknowledged))
        .collect();
    assert_eq!(outcomes, [(1, false), (2, false), (3, true)]);
    assert!(
        deliveries[0].outcome.starts_with("HTTP 500"),
        "{}",
        deliveries[0].outcome
    );
    assert!(
        deliveries[1].outcome.contains("received"),
        "anything but OK is retried"
    );
    assert_eq!(
        deliveries[0].body, deliveries[2].body,
        "the same callback each time"
    );
}

#[tokio::test]
async fn outcomes_by_amount_and_balances_that_add_up() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let client = id_client(&gateway);
    let nowhere = "http://127.0.0.1:9/notify";
    for (trade_no, amount) in [
        ("b-ok", 1000u64),
        ("b-partial", 4001),
        ("b-fail", 4029),
        ("b-pending", 4015),
    ] {
        client
            .pay_in(&id_pay_in(trade_no, amount, nowhere))
            .await
            .unwrap();
    }
    let payout = |trade_no: &str, amount: u64| {
        id::PayoutRequest::builder()
            .trade_no(trade_no)
            .amount(amount)
            .customer_name("kevin")
            .mobile("6281245907765")
            .email("kevin@example.com")
            .bank_account_no("5464438554636")
            .bank_code("0002")
            .notify_url(nowhere)
            .build()
            .unwrap()
    };
    client.payout(&payout("p-ok", 5000)).await.unwrap();
    client.payout(&payout("p-fail", 4029)).await.unwrap();
    until(|| {
        gateway
            .order("id", Kind::Payout, "p-fail")
            .filter(|o| o.status.is_final())
    })
    .await;
    until(|| {
        gateway
            .order("id", Kind::PayIn, "b-fail")
            .filter(|o| o.status.is_final())
    })
    .await;
    until(|| {
        gateway
            .order("id", Kind::Payout, "p-ok")
            .filter(|o| o.status.is_final())
    })
    .await;
    until(|| {
        gateway
            .order("id", Kind::PayIn, "b-partial")
            .filter(|o| o.status.is_final())
    })
    .await;

    let status_of = |t: &str| {
        gateway
            .order("id", Kind::PayIn, t)
            .unwrap()
            .status
            .code()
            .to_string()
    };
    assert_eq!(status_of("b-ok"), "0000");
    assert_eq!(status_of("b-partial"), "0001");
    assert_eq!(status_of("b-fail"), "00029");
    assert_eq!(status_of("b-pending"), "0015");
    assert_eq!(
        gateway.order("id", Kind::PayIn, "b-partial").unwrap().paid,
        Some(2000)
    );

    let balance = client
        .balance(&id::BalanceRequest::builder().build().unwrap())
        .await
        .unwrap()
        .data;
    let text = |d: Option<paypro_core::Decimal>| d.map(|d| d.normalize().to_string());
    assert_eq!(
        text(balance.available_amount).as_deref(),
        Some("995000"),
        "1,000,000 - 5000; the failed payout is refunded"
    );
    assert_eq!(text(balance.freeze_amount).as_deref(), Some("0"));
    assert_eq!(
        text(balance.unsettled_amount).as_deref(),
        Some("3000"),
        "1000 + half of 4001"
    );

    let insufficient = client
        .payout(&payout("p-big", 2_000_000))
        .await
        .unwrap_err();
    match insufficient {
        id::Error::Rejected { code, msg, .. } => {
            assert_eq!(code, codes::BALANCE);
            assert!(msg.contains("insufficient balance"), "{msg}");
        }
        other => panic!("{other:?}"),
    }

    // The pending one settles only when forced; T+1 moves receipts to available.
    gateway
        .settle("id", Kind::PayIn, "b-pending", "0000")
        .unwrap();
    assert!(
        gateway
            .settle("id", Kind::PayIn, "b-pending", "0000")
            .is_err(),
        "already final"
    );
    reqwest::Client::new()
        .post(format!("{}/_admin/settle-balances", gateway.url()))
        .header(paypro_mock::ADMIN_HEADER, "1")
        .send()
        .await
        .unwrap();
    let b = gateway.balance("id", TEST_MERCHANT_NO).unwrap();
    assert_eq!(
        (b.available, b.frozen, b.unsettled),
        (995_000 + 3000 + 4015, 0, 0)
    );
}

#[tokio::test]
async fn the_cashier_page_settles_the_order() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let receiver = TestServer::start(|_| ok_receiver()).await;
    let client = mx::Client::new(
        mx::Config::new(TEST_MERCHANT_NO, Secret::new(TEST_SECRET).unwrap())
            .base_url(gateway.base_url("mx").unwrap()),
    )
    .unwrap();
    let request = mx::CashierRequest::builder()
        .trade_no("page-1")
        .amount(300)
        .notify_url(receiver.url())
        .build()
        .unwrap();
    let reply = client.cashier(&request).await.unwrap();
    let url = reply.data.payment_url.expect("the hosted page");
    tokio::time::sleep(Duration::from_millis(60)).await;
    assert_eq!(
        gateway.order("mx", Kind::PayIn, "page-1").unwrap().status,
        Status::Processing,
        "waits for the payer"
    );
    let page = reqwest::get(&url).await.unwrap().text().await.unwrap();
    assert!(
        page.contains(r#"<button type="submit">Pay</button>"#),
        "{page}"
    );
    assert!(page.contains("page-1"));
    let done = reqwest::Client::new()
        .post(format!("{url}/pay"))
        .header(paypro_mock::ADMIN_HEADER, "1")
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 200);
    assert_eq!(
        gateway.order("mx", Kind::PayIn, "page-1").unwrap().status,
        Status::Success
    );
    let callback = until(|| receiver.requests().into_iter().next()).await;
    let n = mx::Notification::verify(
        callback.body.as_bytes(),
        &Verifier::new(Secret::new(TEST_SECRET).unwrap()),
    )
    .unwrap();
    assert_eq!(n.status, Some(Status::Success));
    let again = reqwest::Client::new()
        .post(format!("{url}/fail"))
        .header(paypro_mock::ADMIN_HEADER, "1")
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 409, "a final order cannot change");
}

#[tokio::test]
async fn kenya_callbacks_are_unsigned_and_confirmed_against_the_sandbox() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let receiver = TestServer::start(|_| ok_receiver()).await;
    let client = ke::Client::new(
        ke::Config::new(TEST_MERCHANT_NO, Secret::new(TEST_SECRET).unwrap())
            .base_url(gateway.base_url("ke").unwrap()),
    )
    .unwrap();
    let request = ke::PayInRequest::builder()
        .trade_no("ke-1")
        .amount(500)
        .mobile("254712345678")
        .notify_url(receiver.url())
        .build()
        .unwrap();
    client.pay_in(&request).await.unwrap();
    let callback = until(|| receiver.requests().into_iter().next()).await;
    assert!(!callback.body.contains("\"sign\""), "{}", callback.body);
    let claimed = ke::UnconfirmedNotification::parse(callback.body.as_bytes()).unwrap();
    let confirmed = claimed
        .confirm_pay_in(&client)
        .await
        .expect("the sandbox agrees");
    assert_eq!(confirmed.actual.data.status, Some(Status::Success));
    // The M-Pesa receipt query finds it too.
    let receipt = gateway
        .order("ke", Kind::PayIn, "ke-1")
        .unwrap()
        .receipt
        .unwrap();
    let by_code = ke::QueryMpesaCodeRequest::builder()
        .code(receipt.clone())
        .build()
        .unwrap();
    let found = client.query_mpesa_code(&by_code).await.unwrap().data;
    assert_eq!(
        found.mpesa_receipt_number.as_deref(),
        Some(receipt.as_str())
    );
}

#[tokio::test]
async fn odd_field_names_are_served_when_asked() {
    let gateway = MockGateway::start(config().odd_field_names(true), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let client = id_client(&gateway);
    client
        .pay_in(&id_pay_in("odd-1", 1000, "http://127.0.0.1:9/n"))
        .await
        .unwrap();
    // On the wire: the docs' odd spellings.
    let query = id::QueryPayInRequest::builder()
        .trade_no("odd-1")
        .build()
        .unwrap();
    let prepared = paypro_core::PreparedRequest::new(
        &query,
        &paypro_core::Credentials::new(TEST_MERCHANT_NO, Secret::new(TEST_SECRET).unwrap()),
        1,
    );
    let mut raw = reqwest::Client::new().post(format!(
        "{}{}",
        gateway.base_url("id").unwrap(),
        prepared.path
    ));
    for (k, v) in &prepared.headers {
        raw = raw.header(*k, &**v);
    }
    let text = raw
        .body(prepared.body.clone())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(text.contains(r#""payproTradeNo":"#), "{text}");
    assert!(!text.contains(r#""platFormTradeNo":"#), "{text}");
    // The client reads `payproTradeNo` and `availablAmount` as the documented fields.
    let q = client
        .query_pay_in(
            &id::QueryPayInRequest::builder()
                .trade_no("odd-1")
                .build()
                .unwrap(),
        )
        .await
        .unwrap();
    assert!(q.data.platform_trade_no.is_some());
    assert!(q.data.extra.is_empty(), "{:?}", q.data.extra);
    let b = client
        .balance(&id::BalanceRequest::builder().build().unwrap())
        .await
        .unwrap();
    assert!(b.data.available_amount.is_some());
}

#[tokio::test]
async fn admin_endpoints_list_orders_and_deliveries_and_force_outcomes() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let receiver = TestServer::start(|_| ok_receiver()).await;
    id_client(&gateway)
        .pay_in(&id_pay_in("adm-1", 4015, receiver.url()))
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let orders: serde_json::Value = http
        .get(format!("{}/_admin/orders", gateway.url()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .map(|t| serde_json::from_str(&t).unwrap())
        .unwrap();
    assert_eq!(orders[0]["tradeNo"], "adm-1");
    assert_eq!(orders[0]["status"], "0015");
    let forced = http
        .post(format!(
            "{}/_admin/settle/id/pay-in/adm-1?status=0100019",
            gateway.url()
        ))
        .header(paypro_mock::ADMIN_HEADER, "1")
        .send()
        .await
        .unwrap();
    assert_eq!(forced.status(), 200);
    let again = http
        .post(format!(
            "{}/_admin/settle/id/pay-in/adm-1?status=0000",
            gateway.url()
        ))
        .header(paypro_mock::ADMIN_HEADER, "1")
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 409);
    let missing = http
        .post(format!("{}/_admin/settle/id/pay-in/nope", gateway.url()))
        .header(paypro_mock::ADMIN_HEADER, "1")
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    let deliveries = until(|| {
        let d = gateway.deliveries().unwrap();
        (!d.is_empty()).then_some(d)
    })
    .await;
    assert!(
        deliveries[0].body.contains(r#""status":"0100019""#),
        "{}",
        deliveries[0].body
    );
    let listed: serde_json::Value = http
        .get(format!("{}/_admin/deliveries", gateway.url()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .map(|t| serde_json::from_str(&t).unwrap())
        .unwrap();
    assert_eq!(listed[0]["acknowledged"], true);
    assert_eq!(listed[0]["tradeNo"], "adm-1");
}

/// The `paypro-mock` program, without the credentials of whoever runs the tests.
fn program() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_paypro-mock"));
    for name in [
        "PAYPRO_SECRET",
        "PAYPRO_MERCHANT_NO",
        "PAYPRO_SECRET_PLACEMENT",
    ] {
        command.env_remove(name);
    }
    command
}

/// Runs the `paypro-mock` program with `args` and the test secret; its first `lines` lines of
/// stdout, then the child (still running) for the caller to stop.
fn start_binary(args: &[&str], lines: usize) -> (Vec<String>, std::process::Child) {
    use std::io::{BufRead, BufReader};
    let mut child = program()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap()).lines();
    let got = (0..lines).map_while(|_| out.next()?.ok()).collect();
    (got, child)
}

fn stop(mut child: std::process::Child) -> std::process::Output {
    let _ = child.kill();
    child.wait_with_output().unwrap()
}

#[test]
fn the_binary_prints_base_urls_merchant_secret_and_dashboard() {
    let (got, mut child) = start_binary(&["--port", "0", "--merchant-no", "8729248847"], 8);
    // The note follows the printed lines: read it before stopping the program.
    let stderr = {
        use std::io::{BufRead, BufReader};
        let mut line = String::new();
        let _ = BufReader::new(child.stderr.take().unwrap()).read_line(&mut line);
        line
    };
    stop(child);
    assert_eq!(got.len(), 8, "{got:?} {stderr}");
    let codes: Vec<&str> = got[..5]
        .iter()
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(codes, ["bd", "eg", "id", "ke", "mx"]);
    assert!(
        got[2].starts_with("id http://127.0.0.1:") && got[2].ends_with("/indonesia-pay"),
        "{got:?}"
    );
    assert_eq!(got[5], "merchant 8729248847");
    assert_eq!(got[6], format!("secret {TEST_SECRET}"));
    let origin = got[2]
        .strip_prefix("id ")
        .and_then(|u| u.strip_suffix("/indonesia-pay"))
        .unwrap();
    let port: u16 = origin.rsplit(':').next().unwrap().parse().unwrap();
    assert_ne!(port, 0);
    assert_eq!(got[7], format!("dashboard {origin}/"));
    assert!(stderr.contains("not a real credential"), "{stderr}");
}

#[tokio::test]
async fn the_printed_lines_are_enough_to_pay_in_and_see_it_on_the_dashboard() {
    let (got, child) = start_binary(&["--port", "0"], 8);
    let field = |key: &str| {
        got.iter()
            .find_map(|l| l.strip_prefix(&format!("{key} ")))
            .unwrap_or_else(|| panic!("no `{key}` line in {got:?}"))
            .to_string()
    };
    let client = id::Client::new(
        id::Config::new(field("merchant"), Secret::new(field("secret")).unwrap())
            .base_url(field("id")),
    )
    .unwrap();
    let receiver = TestServer::start(|_| ok_receiver()).await;
    let reply = client
        .pay_in(&id_pay_in("bin-1", 4015, receiver.url()))
        .await;
    let page = reqwest::get(field("dashboard"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    stop(child);
    reply.unwrap();
    assert!(page.contains(r#"data-trade-no="bin-1""#), "{page}");
}

#[test]
fn the_binary_names_a_taken_port_and_suggests_port_0() {
    // Not a TestServer: a port held bound (never served) so that the binary finds it taken.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let output = program().args(["--port", &port]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(output.stdout.is_empty());
    assert!(
        stderr.contains(&format!("port {port} on 127.0.0.1 is already in use")),
        "{stderr}"
    );
    assert!(stderr.contains("--port 0"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
}

#[test]
fn the_binary_listens_on_8080_by_default() {
    // 8080 may be taken on this machine: either the sandbox serves on it, or it says so.
    let (got, child) = start_binary(&[], 8);
    let output = stop(child);
    let stderr = String::from_utf8_lossy(&output.stderr);
    match got.iter().find_map(|l| l.strip_prefix("dashboard ")) {
        Some(url) => assert_eq!(url, "http://127.0.0.1:8080/"),
        None => assert!(
            stderr.contains("port 8080 on 127.0.0.1 is already in use"),
            "{got:?} {stderr}"
        ),
    }
}

#[test]
fn a_secret_from_paypro_secret_is_not_printed() {
    use std::io::{BufRead, BufReader};
    let mut child = program()
        .args(["--port", "0"])
        .env("PAYPRO_SECRET", "my-own-secret-42")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let got: Vec<String> = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .take(8)
        .map(Result::unwrap)
        .collect();
    let output = stop(child);
    assert_eq!(got[6], "secret (yours, not printed)");
    assert!(!got.concat().contains("my-own-secret-42"));
    assert!(!String::from_utf8_lossy(&output.stderr).contains("my-own-secret-42"));
}

#[tokio::test]
async fn the_binary_signs_with_the_placement_it_is_given() {
    let (got, child) = start_binary(&["--port", "0", "--secret-placement", "prepend"], 9);
    let field = |key: &str| {
        got.iter()
            .find_map(|l| l.strip_prefix(&format!("{key} ")))
            .unwrap_or_else(|| panic!("no `{key}` line in {got:?}"))
            .to_string()
    };
    assert_eq!(field("secret-placement"), "prepend");
    let config = || {
        id::Config::new(field("merchant"), Secret::new(field("secret")).unwrap())
            .base_url(field("id"))
    };
    let balance = id::BalanceRequest::builder().build().unwrap();
    let spec_rule = id::Client::new(config()).unwrap().balance(&balance).await;
    let prepended =
        id::Client::new(config().secret_placement(paypro_core::SecretPlacement::Prepend))
            .unwrap()
            .balance(&balance)
            .await;
    let output = stop(child);
    assert!(
        matches!(spec_rule, Err(id::Error::Rejected { ref code, .. }) if code == "9402"),
        "{spec_rule:?}"
    );
    assert!(prepended.is_ok(), "{prepended:?}");
    // A placement it does not know is a usage error.
    let bad = program()
        .args(["--secret-placement", "before"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2), "{:?}", output.status);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("`before` is not a secret placement"));
}

/// The flags `paypro-mock --help` lists under `Options:`, `--help` and `--version` aside.
fn listed_flags(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| *l != "Options:")
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.trim_start().strip_prefix("--"))
        .filter_map(|l| l.split([' ', '=']).next())
        .filter(|f| !matches!(*f, "help" | "version"))
        .map(|f| format!("--{f}"))
        .collect()
}

/// The program takes exactly the sandbox's flags (`paypro_mock::cli::SandboxArgs`, which
/// `paypro mock` flattens too: crates/paypro-cli checks that side), with their help and
/// defaults.
#[test]
fn the_program_takes_exactly_the_sandboxs_flags() {
    use clap::{Args, Command};
    let output = program().arg("--help").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8(output.stdout).unwrap();
    let defined = paypro_mock::cli::SandboxArgs::augment_args(Command::new("paypro-mock"));
    let expected: Vec<String> = defined
        .get_arguments()
        .filter_map(|a| a.get_long())
        .map(|l| format!("--{l}"))
        .collect();
    assert_eq!(listed_flags(&help), expected, "{help}");
    for arg in defined.get_arguments() {
        let said = arg.get_help().expect("every flag has help").to_string();
        assert!(help.contains(&said), "{said}: {help}");
        for default in arg.get_default_values() {
            let default = format!("[default: {}]", default.to_string_lossy());
            assert!(help.contains(&default), "{default}: {help}");
        }
    }
    assert!(help.contains(paypro_mock::cli::AFTER_HELP), "{help}");
}
