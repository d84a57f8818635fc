//! The dashboard at `/` over HTTP: what it lists, that every value is escaped, and that its
//! buttons' actions settle, fail and re-send (the browser test, `browser.rs` beside it, clicks them).

use crate::common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{call, config, until};
use paypro_all::{id, ke};
use paypro_core::Status;
use paypro_mock::{Kind, MockGateway, codes};
use paypro_testkit::{Answer, TestServer};
use paypro_testkit::{TEST_MERCHANT_NO, TEST_SECRET};

fn client(gateway: &MockGateway) -> id::Client {
    id::Client::new(
        id::Config::new(TEST_MERCHANT_NO, common::secret())
            .base_url(gateway.base_url("id").unwrap()),
    )
    .unwrap()
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

/// A Kenyan payout without a `notifyUrl` (optional there): no callback to send.
async fn quiet_payout(gateway: &MockGateway, trade_no: &str, amount: u64) {
    let client = ke::Client::new(
        ke::Config::new(TEST_MERCHANT_NO, common::secret())
            .base_url(gateway.base_url("ke").unwrap()),
    )
    .unwrap();
    let request = ke::PayoutRequest::builder()
        .trade_no(trade_no)
        .mobile("254712345678")
        .amount(amount)
        .build()
        .unwrap();
    client.payout(&request).await.unwrap();
}

async fn dashboard(gateway: &MockGateway) -> String {
    let response = reqwest::get(format!("{}/", gateway.url())).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/html; charset=utf-8"
    );
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(policy.contains("script-src 'self'"), "{policy}");
    response.text().await.unwrap()
}

/// The `<tr>` of the orders table (or deliveries table) whose `data-trade-no` is `escaped`.
fn rows<'a>(page: &'a str, table: &str, escaped: &str) -> Vec<&'a str> {
    let start = page.find(&format!(r#"<table id="{table}">"#)).unwrap();
    let end = start + page[start..].find("</table>").unwrap();
    page[start..end]
        .split("<tr ")
        .skip(1)
        .filter(|row| row.starts_with(&format!(r#"data-trade-no="{escaped}""#)))
        .collect()
}

/// The form actions in `row` whose button is named `name`, unescaped.
fn action(row: &str, name: &str) -> Option<String> {
    row.split("<form ").skip(1).find_map(|form| {
        if !form.contains(&format!(r#"name="{name}""#)) {
            return None;
        }
        let start = form.find(r#"action=""#)? + r#"action=""#.len();
        let end = start + form[start..].find('"')?;
        Some(form[start..end].replace("&amp;", "&"))
    })
}

/// What the page's script sends for a button (a program's POST: with the admin header).
async fn press(gateway: &MockGateway, action: &str) -> (u16, serde_json::Value) {
    call(
        reqwest::Method::POST,
        &format!("{}{action}", gateway.url()),
        &[(paypro_mock::ADMIN_HEADER, "1")],
        String::new(),
    )
    .await
}

#[tokio::test]
async fn lists_orders_balances_and_deliveries_and_its_buttons_work() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    // The receiver refuses the first attempt, then acknowledges.
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = seen.clone();
    let receiver = TestServer::start(move |_| {
        let (status, body) = match counter.fetch_add(1, Ordering::SeqCst) {
            0 => (503, "busy"),
            _ => (200, "OK"),
        };
        Answer::Full {
            status,
            content_type: "text/plain".into(),
            body: body.into(),
        }
    })
    .await;
    let client = client(&gateway);
    // 4015 stays processing until a button settles it.
    client
        .pay_in(&pay_in("dash-1", 4015, receiver.url()))
        .await
        .unwrap();
    quiet_payout(&gateway, "dash-2", 4015).await;

    let page = dashboard(&gateway).await;
    let row = rows(&page, "orders", "dash-1");
    assert_eq!(row.len(), 1, "{page}");
    for cell in [
        r#"data-status="0015""#,
        "<td>id</td>",
        "<td>pay-in</td>",
        r#"<td class="num">4015</td>"#,
        "0015 processing",
    ] {
        assert!(row[0].contains(cell), "{cell} in {}", row[0]);
    }
    assert!(action(row[0], "resend").is_none(), "nothing to re-send yet");
    let balance = page
        .split("<tr ")
        .find(|r| r.starts_with(r#"data-country="id""#))
        .unwrap();
    assert!(
        balance.contains(r#"<td class="num available">1000000</td>"#),
        "{balance}"
    );

    // Pay dash-1 with its button, fail dash-2 with its own.
    let pay = action(row[0], "pay").unwrap();
    assert_eq!(pay, "/_admin/settle/id/pay-in/dash-1?status=0000");
    let (status, body) = press(&gateway, &pay).await;
    assert_eq!((status, &body["success"]), (200, &true.into()), "{body}");
    assert!(row[0].contains(">Pay</button>"), "{}", row[0]);
    let payout = rows(&page, "orders", "dash-2");
    assert!(payout[0].contains(">Pay out</button>"), "{}", payout[0]);
    let fail = action(payout[0], "fail").unwrap();
    assert_eq!(fail, "/_admin/settle/ke/payout/dash-2?status=00029");
    assert_eq!(press(&gateway, &fail).await.0, 200);
    assert_eq!(
        gateway.order("id", Kind::PayIn, "dash-1").unwrap().status,
        Status::Success
    );
    assert!(matches!(
        gateway.order("ke", Kind::Payout, "dash-2").unwrap().status,
        Status::Failed { .. }
    ));
    let (status, body) = press(&gateway, &pay).await;
    assert_eq!(status, 409, "a final order cannot change: {body}");

    // The first attempt was refused and a retry is scheduled; the second is acknowledged.
    until("two attempts", || {
        (gateway.deliveries().unwrap().len() == 2).then_some(())
    })
    .await;
    let page = dashboard(&gateway).await;
    let attempts = rows(&page, "deliveries", "dash-1");
    assert_eq!(attempts.len(), 2, "{page}");
    let (second, first) = (attempts[0], attempts[1]);
    assert!(
        first.contains(r#"<td class="num attempt">1</td>"#),
        "{first}"
    );
    assert!(first.contains("HTTP 503: busy"), "{first}");
    assert!(first.contains(r#"data-acknowledged="false""#), "{first}");
    assert!(!first.contains("none:"), "a retry was due: {first}");
    assert!(
        second.contains(r#"<td class="num attempt">2</td>"#),
        "{second}"
    );
    assert!(
        second.contains(r#"<td class="answer ok">OK</td>"#),
        "{second}"
    );
    assert!(second.contains("none: acknowledged"), "{second}");
    let row = rows(&page, "orders", "dash-1");
    assert!(row[0].contains("0000 success"), "{}", row[0]);
    assert!(
        rows(&page, "orders", "dash-2")[0].contains("00029 failed"),
        "{page}"
    );
    assert!(
        action(rows(&page, "orders", "dash-2")[0], "resend").is_none(),
        "dash-2 has no notifyUrl"
    );

    // Re-send dash-1's callback: a third delivery, the same status.
    let resend = action(row[0], "resend").unwrap();
    assert_eq!(resend, "/_admin/resend/id/pay-in/dash-1");
    assert_eq!(press(&gateway, &resend).await.0, 200);
    let third = until("the re-sent callback", || {
        gateway.deliveries().unwrap().get(2).cloned()
    })
    .await;
    assert!(third.acknowledged);
    assert_eq!(third.attempt, 1);
    assert!(third.body.contains(r#""status":"0000""#), "{}", third.body);
    assert_eq!(receiver.requests().len(), 3);

    // The balance button settles the day.
    let settle = action(&page, "settle-balances").unwrap();
    assert_eq!(press(&gateway, &settle).await.0, 200);
    let b = gateway.balance("id", TEST_MERCHANT_NO).unwrap();
    assert_eq!((b.available, b.unsettled), (1_004_015, 0));
    let page = dashboard(&gateway).await;
    assert!(
        page.contains(r#"<td class="num available">1004015</td>"#),
        "{page}"
    );
}

#[tokio::test]
async fn every_value_on_the_page_is_escaped() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let evil_answer = r#"<img src=x onerror="alert(2)">"#;
    let receiver = TestServer::start(move |_| Answer::Full {
        status: 500,
        content_type: "text/html".into(),
        body: evil_answer.into(),
    })
    .await;
    let trade_no = r#"<script>alert('x')</script>"&/pay?status=1#"#;
    client(&gateway)
        .pay_in(&pay_in(trade_no, 4015, receiver.url()))
        .await
        .unwrap();
    let page = dashboard(&gateway).await;
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(!page.contains("<img"), "{page}");
    let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;/pay?status=1#";
    let row = rows(&page, "orders", escaped);
    assert_eq!(row.len(), 1, "{page}");
    assert!(
        row[0].contains(&format!("<code>{escaped}</code>")),
        "{}",
        row[0]
    );

    // The button's URL carries the tradeNo as one path segment: it settles that order.
    let pay = action(row[0], "pay").unwrap();
    assert_eq!(
        pay,
        "/_admin/settle/id/pay-in/%3Cscript%3Ealert%28%27x%27%29%3C%2Fscript%3E%22%26%2Fpay%3Fstatus%3D1%23?status=0000"
    );
    let (status, body) = press(&gateway, &pay).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        gateway.order("id", Kind::PayIn, trade_no).unwrap().status,
        Status::Success
    );

    // The receiver's answer is shown, escaped.
    until("an attempt", || {
        gateway.deliveries().unwrap().first().cloned()
    })
    .await;
    let page = dashboard(&gateway).await;
    assert!(!page.contains("<img"), "{page}");
    assert!(
        page.contains("HTTP 500: &lt;img src=x onerror=&quot;alert(2)&quot;&gt;"),
        "{page}"
    );

    // The hosted page escapes it too.
    let order = gateway.order("id", Kind::PayIn, trade_no).unwrap();
    let hosted = reqwest::get(format!("{}/_pay/{}", gateway.url(), order.id))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!hosted.contains("<script>alert"), "{hosted}");
    assert!(hosted.contains(escaped), "{hosted}");
}

#[tokio::test]
async fn re_sending_is_refused_while_processing_or_without_a_notify_url() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let client = client(&gateway);
    client
        .pay_in(&pay_in("wait-1", 4015, "http://127.0.0.1:9/cb"))
        .await
        .unwrap();
    quiet_payout(&gateway, "quiet-1", 300).await;
    let (status, body) = press(&gateway, "/_admin/resend/id/pay-in/wait-1").await;
    assert_eq!(status, 409);
    common::assert_refusal(&body, codes::NOT_FINAL, "still processing");
    until("quiet-1 settles", || {
        gateway
            .order("ke", Kind::Payout, "quiet-1")
            .filter(|o| o.status.is_final())
    })
    .await;
    let (status, body) = press(&gateway, "/_admin/resend/ke/payout/quiet-1").await;
    assert_eq!(status, 400);
    common::assert_refusal(&body, codes::FIELD, "no notifyUrl");
    let (status, body) = press(&gateway, "/_admin/resend/id/pay-in/nope").await;
    assert_eq!(status, 404);
    common::assert_refusal(&body, codes::NOT_FOUND, "nope");
    let (status, body) = press(&gateway, "/_admin/resend/id/refund/wait-1").await;
    assert_eq!(status, 400);
    common::assert_refusal(&body, codes::FIELD, "pay-in or payout");
    assert_eq!(
        gateway
            .resend_callback("id", Kind::PayIn, "wait-1")
            .unwrap_err()
            .code,
        codes::NOT_FINAL
    );
    // A secret never reaches the page.
    assert!(!dashboard(&gateway).await.contains(TEST_SECRET));
}

#[tokio::test]
async fn a_broken_state_is_reported_not_rendered() {
    let gateway = MockGateway::start(config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    paypro_testkit::break_sandbox_state(&gateway);
    let response = reqwest::get(format!("{}/", gateway.url())).await.unwrap();
    assert_eq!(response.status(), 500);
    let page = response.text().await.unwrap();
    assert!(page.contains("restart the sandbox"), "{page}");
}
