//! The sandbox in a real browser: headless Chromium driven through chromedriver (WebDriver).
//! A pay-in is made through the SDK, paid by clicking on the hosted cashier page, and its
//! callback seen delivered on the dashboard; the dashboard's own buttons (JavaScript) fail an
//! order whose `tradeNo` is an XSS attempt and re-send a callback. Screenshots are kept in
//! `CARGO_TARGET_TMPDIR/browser/` (the test prints their paths).
//!
//! The test only uses what is installed: `chromium` (or `chromium-browser`, `google-chrome`)
//! and `chromedriver` on `PATH`, or the programs `PAYPRO_CHROMIUM` and `PAYPRO_CHROMEDRIVER`
//! name. It installs nothing: when either is missing it prints one line saying which and how
//! to get them (`scripts/install-chromium.sh`, the OS packages, which CI runs before the tests)
//! and is skipped; with `PAYPRO_BROWSER_TEST=require` (CI) that line is a failure. A browser
//! that is there but does not start or misbehaves always fails the test.

use crate::common;

use std::io::Write;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use paypro_all::{id, mx};
use paypro_core::Status;
use paypro_core::notify::Verifier;
use paypro_mock::{Kind, MockGateway};
use paypro_testkit::TEST_MERCHANT_NO;
use paypro_testkit::{Answer, TestServer};

/// Chromium's flags for a headless run in a container, with no network of its own. Two names
/// resolve to 127.0.0.1 as an attacker's would: `attacker.example` (a page on another site)
/// and `rebind.example` (a name rebound to the sandbox's address).
const CHROMIUM_FLAGS: [&str; 10] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1200",
    "--host-resolver-rules=MAP attacker.example 127.0.0.1, MAP rebind.example 127.0.0.1",
];

/// Written straight to stderr, so that it shows even when the test harness captures output.
fn note(text: &str) {
    let _ = writeln!(std::io::stderr(), "browser test: {text}");
}

struct Programs {
    chromium: PathBuf,
    chromedriver: PathBuf,
}

/// `env`'s path when set (used as given: a wrong one fails the test), else the first of
/// `names` on `PATH`.
fn find(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(env) {
        return Some(path.into());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Chromium and chromedriver as installed; `Err` is one line naming what is missing and how
/// to get it.
fn programs() -> Result<Programs, String> {
    let chromium = find(
        "PAYPRO_CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
    );
    let chromedriver = find("PAYPRO_CHROMEDRIVER", &["chromedriver"]);
    match (chromium, chromedriver) {
        (Some(chromium), Some(chromedriver)) => Ok(Programs {
            chromium,
            chromedriver,
        }),
        (chromium, chromedriver) => {
            let missing = match (chromium, chromedriver) {
                (None, None) => "chromium and chromedriver are",
                (None, Some(_)) => "chromium is",
                _ => "chromedriver is",
            };
            let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/install-chromium.sh");
            Err(format!(
                "{missing} not on PATH (nor named by PAYPRO_CHROMIUM / PAYPRO_CHROMEDRIVER); \
                 {} installs them from the OS packages (as root)",
                script.display()
            ))
        }
    }
}

/// A running chromedriver, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start(program: &Path, log: &Path) -> Driver {
        // Not a TestServer: a port number for chromedriver to bind.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let mut child = Command::new(program)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
        for _ in 0..200 {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Driver {
                    child,
                    url: format!("http://127.0.0.1:{port}"),
                };
            }
            if let Ok(Some(status)) = child.try_wait() {
                panic!(
                    "{} exited ({status}) before listening; its log: {}",
                    program.display(),
                    log.display()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        panic!(
            "{} did not listen on port {port} within 10 s; its log: {}",
            program.display(),
            log.display()
        );
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pay_in_paid_on_the_cashier_page_shows_on_the_dashboard() {
    in_browser("dashboard", flow).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_on_another_site_changes_nothing() {
    in_browser("attack", attack).await;
}

/// Runs `flow` in a fresh headless Chromium (its profile and chromedriver log named by `name`),
/// or skips it when Chromium or chromedriver is missing.
async fn in_browser<F, Fut>(name: &str, flow: F)
where
    F: FnOnce(Client, PathBuf) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let programs = match programs() {
        Ok(programs) => programs,
        Err(reason) => {
            if std::env::var("PAYPRO_BROWSER_TEST").as_deref() == Ok("require") {
                panic!("PAYPRO_BROWSER_TEST=require, but {reason}");
            }
            note(&format!("SKIPPED: {reason}"));
            return;
        }
    };
    let artifacts = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let profile = artifacts.join(format!("profile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    std::fs::create_dir_all(&profile).unwrap();
    let log = artifacts.join(format!("chromedriver-{name}.log"));
    let driver = Driver::start(&programs.chromedriver, &log);

    let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let capabilities = serde_json::json!({
        "goog:chromeOptions": { "binary": programs.chromium, "args": args }
    });
    let browser = ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities.as_object().unwrap().clone())
        .connect(&driver.url)
        .await
        .unwrap_or_else(|e| {
            panic!(
                "chromedriver could not start {} ({e}); see {}",
                programs.chromium.display(),
                log.display()
            )
        });

    // The flow runs in its own task so that the browser is closed even when it fails.
    let outcome = tokio::spawn(flow(browser.clone(), artifacts)).await;
    let _ = browser.close().await;
    drop(driver);
    let _ = std::fs::remove_dir_all(&profile);
    if let Err(failed) = outcome {
        std::panic::resume_unwind(failed.into_panic());
    }
}

/// The rows of a dashboard table for a `tradeNo` (compared as the browser read it, unescaped).
async fn rows(browser: &Client, table: &str, trade_no: &str) -> Vec<fantoccini::elements::Element> {
    let mut found = Vec::new();
    for row in browser
        .find_all(Locator::Css(&format!("#{table} tbody tr")))
        .await
        .unwrap()
    {
        if row.attr("data-trade-no").await.unwrap().as_deref() == Some(trade_no) {
            found.push(row);
        }
    }
    found
}

/// Reloads the dashboard until `ready` holds (every 100 ms, at most 20 s).
async fn reload_until(browser: &Client, dashboard: &str, what: &str, ready: impl AsyncProbe) {
    for _ in 0..200 {
        browser.goto(dashboard).await.unwrap();
        if ready.holds(browser).await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the dashboard never showed {what}");
}

/// A condition on the page the browser shows.
trait AsyncProbe {
    async fn holds(&self, browser: &Client) -> bool;
}

/// `count` rows of deliveries for `trade_no`, all acknowledged.
struct Acknowledged<'a> {
    trade_no: &'a str,
    count: usize,
}

impl AsyncProbe for Acknowledged<'_> {
    async fn holds(&self, browser: &Client) -> bool {
        let rows = rows(browser, "deliveries", self.trade_no).await;
        let mut acknowledged = 0;
        for row in &rows {
            if row.attr("data-acknowledged").await.unwrap().as_deref() == Some("true") {
                acknowledged += 1;
            }
        }
        acknowledged == self.count
    }
}

/// The order `trade_no` has the status `code`.
struct HasStatus<'a> {
    trade_no: &'a str,
    code: &'a str,
}

impl AsyncProbe for HasStatus<'_> {
    async fn holds(&self, browser: &Client) -> bool {
        match rows(browser, "orders", self.trade_no).await.first() {
            Some(row) => row.attr("data-status").await.unwrap().as_deref() == Some(self.code),
            None => false,
        }
    }
}

async fn screenshot(browser: &Client, path: &Path) {
    let png = browser.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    std::fs::write(path, &png).unwrap();
    note(&format!(
        "screenshot ({} bytes): {}",
        png.len(),
        path.display()
    ));
}

async fn flow(browser: Client, artifacts: PathBuf) {
    let gateway = MockGateway::start(common::config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    // A tiny receiver: `OK` for a callback whose signature verifies, 400 otherwise.
    let receiver = TestServer::start(|request| {
        let verified = Verifier::new(common::secret())
            .verify(request.body.as_bytes())
            .is_ok();
        Answer::Full {
            status: if verified { 200 } else { 400 },
            content_type: "text/plain".into(),
            body: if verified { "OK" } else { "bad signature" }.into(),
        }
    })
    .await;
    let dashboard = format!("{}/", gateway.url());

    // The dashboard, before anything happened.
    browser.goto(&dashboard).await.unwrap();
    assert_eq!(browser.title().await.unwrap(), "Paypro sandbox");
    let first = browser.find(Locator::Css("h2 + p")).await.unwrap();
    assert_eq!(first.text().await.unwrap(), "No orders yet.");

    // A pay-in through the SDK, on the hosted cashier page.
    let mexico = mx::Client::new(
        mx::Config::new(TEST_MERCHANT_NO, common::secret())
            .base_url(gateway.base_url("mx").unwrap()),
    )
    .unwrap();
    let request = mx::CashierRequest::builder()
        .trade_no("browser-1")
        .amount(300)
        .notify_url(receiver.url())
        .build()
        .unwrap();
    let reply = mexico.cashier(&request).await.unwrap();
    let payment_url = reply.data.payment_url.expect("the cashier page's URL");

    // Paid by clicking on the cashier page.
    browser.goto(&payment_url).await.unwrap();
    let page = browser.find(Locator::Css("body")).await.unwrap();
    assert!(page.text().await.unwrap().contains("browser-1"));
    screenshot(&browser, &artifacts.join("cashier.png")).await;
    browser
        .find(Locator::XPath("//button[normalize-space()='Pay']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let done = browser
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::XPath("//p[contains(., 'Payment made')]"))
        .await
        .unwrap();
    assert!(done.text().await.unwrap().contains("Payment made"));

    // The dashboard shows it paid and its callback acknowledged.
    let paid = Acknowledged {
        trade_no: "browser-1",
        count: 1,
    };
    reload_until(
        &browser,
        &dashboard,
        "browser-1's callback acknowledged",
        paid,
    )
    .await;
    let order = rows(&browser, "orders", "browser-1").await;
    assert_eq!(order.len(), 1);
    let status = order[0].find(Locator::Css("td.status")).await.unwrap();
    assert_eq!(status.text().await.unwrap(), "0000 success");
    let delivery = &rows(&browser, "deliveries", "browser-1").await[0];
    let answer = delivery.find(Locator::Css("td.answer")).await.unwrap();
    assert_eq!(answer.text().await.unwrap(), "OK");
    let next = delivery.find(Locator::Css("td.next-retry")).await.unwrap();
    assert_eq!(next.text().await.unwrap(), "none: acknowledged");
    assert_eq!(
        gateway
            .order("mx", Kind::PayIn, "browser-1")
            .unwrap()
            .status,
        Status::Success
    );
    screenshot(&browser, &artifacts.join("dashboard-paid.png")).await;

    // A processing order whose tradeNo is an XSS attempt: shown as text, failed by its button.
    let evil = r#"<img src=x onerror="document.title='pwned'">"#;
    let indonesia = id::Client::new(
        id::Config::new(TEST_MERCHANT_NO, common::secret())
            .base_url(gateway.base_url("id").unwrap()),
    )
    .unwrap();
    let request = id::PayInRequest::builder()
        .trade_no(evil)
        .username("kevin")
        .mobile("6281245907765")
        .email("kevin@example.com")
        .channel_code(id::pay_in::ChannelCode::Ewallet)
        .amount(4015u64)
        .notify_url(receiver.url())
        .build()
        .unwrap();
    indonesia.pay_in(&request).await.unwrap();
    browser.goto(&dashboard).await.unwrap();
    let row = rows(&browser, "orders", evil).await;
    assert_eq!(row.len(), 1, "one row for the XSS order");
    let shown = row[0].find(Locator::Css("td.trade-no")).await.unwrap();
    assert_eq!(shown.text().await.unwrap(), evil, "shown as text");
    assert!(
        browser
            .find_all(Locator::Css("#orders img"))
            .await
            .unwrap()
            .is_empty()
    );
    row[0]
        .find(Locator::Css("button[name='fail']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The script POSTs the admin endpoint, then reloads the page.
    let failed = HasStatus {
        trade_no: evil,
        code: "00029",
    };
    reload_until(&browser, &dashboard, "the XSS order failed", failed).await;
    assert!(matches!(
        gateway.order("id", Kind::PayIn, evil).unwrap().status,
        Status::Failed { .. }
    ));
    assert_eq!(
        browser.title().await.unwrap(),
        "Paypro sandbox",
        "no script ran"
    );

    // Re-send browser-1's callback with its button: a second acknowledged delivery.
    let row = rows(&browser, "orders", "browser-1").await;
    row[0]
        .find(Locator::Css("button[name='resend']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let resent = Acknowledged {
        trade_no: "browser-1",
        count: 2,
    };
    reload_until(&browser, &dashboard, "browser-1's callback re-sent", resent).await;
    let delivered = gateway
        .deliveries()
        .unwrap()
        .into_iter()
        .filter(|d| d.trade_no == "browser-1" && d.acknowledged)
        .count();
    assert_eq!(delivered, 2);
    assert_eq!(
        browser.title().await.unwrap(),
        "Paypro sandbox",
        "no script ran"
    );
    screenshot(&browser, &artifacts.join("dashboard.png")).await;
}

/// The page an attacker serves from another site: it POSTs to the sandbox every way a page
/// may without asking first (forms into a hidden frame, no-cors fetches, a beacon) and tries
/// two requests a browser must ask first for; then sets its title to `done`.
fn attacker_page(sandbox: &str, hosted_id: &str) -> String {
    format!(
        r#"<!doctype html><html><head><meta charset="utf-8"><title>attacker</title></head><body>
<iframe name="sink"></iframe>
<form id="pay" method="post" action="{sandbox}/_pay/{hosted_id}/pay" target="sink"></form>
<form id="settle" method="post" action="{sandbox}/_admin/settle/ke/pay-in/held?status=00029" target="sink" enctype="text/plain"><input name="a" value="b"></form>
<script>
(async () => {{
  const base = '{sandbox}';
  const simple = (path, init) => fetch(base + path, Object.assign({{ method: 'POST', mode: 'no-cors' }}, init))
    .then(() => 'sent', (e) => 'failed');
  const asked = (path, init) => fetch(base + path, init).then(() => 'sent', (e) => 'blocked');
  const seen = [];
  seen.push(await simple('/_admin/settle-balances', {{}}));
  seen.push(await simple('/_admin/resend/ke/pay-in/paid', {{ headers: {{ 'content-type': 'text/plain' }}, body: 'x' }}));
  seen.push(await simple('/_admin/settle/ke/pay-in/held?status=0000', {{ body: new URLSearchParams('a=b') }}));
  seen.push(await simple('/_admin/faults', {{ headers: {{ 'content-type': 'text/plain' }}, body: '{{"fault":"drop"}}' }}));
  seen.push(navigator.sendBeacon(base + '/_admin/settle-balances') ? 'queued' : 'refused');
  seen.push(await asked('/_admin/faults', {{ method: 'DELETE' }}));
  seen.push(await asked('/_admin/settle-balances', {{ method: 'POST', headers: {{ 'content-type': 'application/json', 'x-paypro-sandbox-admin': '1' }} }}));
  const frame = document.querySelector('iframe');
  for (const id of ['pay', 'settle']) {{
    await new Promise((resolve) => {{
      frame.onload = resolve;
      setTimeout(resolve, 10000);
      document.getElementById(id).submit();
    }});
  }}
  document.title = 'done ' + seen.join(' ');
}})();
</script></body></html>"#
    )
}

async fn attack(browser: Client, artifacts: PathBuf) {
    let gateway = MockGateway::start(common::config(), paypro_all::COUNTRIES)
        .await
        .unwrap();
    let receiver = TestServer::start(|_| Answer::Full {
        status: 200,
        content_type: "text/plain".into(),
        body: "OK".into(),
    })
    .await;
    let port = gateway.addr().port();
    // What the page goes for: a processing pay-in, a paid one (its callback delivered), a
    // hosted-page order waiting for its payer, an armed fault.
    let ke = format!("{}/api/payin", gateway.base_url("ke").unwrap());
    for (trade_no, amount) in [("held", "4015"), ("paid", "500")] {
        let body = common::signed(common::ke_pay_in(trade_no, amount, receiver.url()));
        let (_, answer) = common::post(&ke, &common::JSON_HEADERS, body).await;
        assert!(answer.contains(r#""code":"0000""#), "{answer}");
    }
    common::until("paid's callback", || {
        gateway
            .deliveries()
            .unwrap()
            .into_iter()
            .find(|d| d.acknowledged)
    })
    .await;
    let mexico = mx::Client::new(
        mx::Config::new(TEST_MERCHANT_NO, common::secret())
            .base_url(gateway.base_url("mx").unwrap()),
    )
    .unwrap();
    let request = mx::CashierRequest::builder()
        .trade_no("hosted")
        .amount(300)
        .notify_url(receiver.url())
        .return_url("http://shop.example/back")
        .build()
        .unwrap();
    mexico.cashier(&request).await.unwrap();
    let hosted_id = gateway.order("mx", Kind::PayIn, "hosted").unwrap().id;
    gateway
        .inject_fault(paypro_mock::Fault::Html502, 1)
        .unwrap();
    let before = gateway.balance("ke", TEST_MERCHANT_NO).unwrap();
    assert_eq!(before.unsettled, 500);

    // The attacker's page, on another site.
    let page = attacker_page(&format!("http://127.0.0.1:{port}"), &hosted_id);
    let attacker = TestServer::start(move |_| Answer::Full {
        status: 200,
        content_type: "text/html; charset=utf-8".into(),
        body: page.clone(),
    })
    .await;
    let attacker_port = attacker.url().rsplit(':').next().unwrap().to_string();
    browser
        .goto(&format!("http://attacker.example:{attacker_port}/"))
        .await
        .unwrap();
    let mut title = String::new();
    for _ in 0..300 {
        title = browser.title().await.unwrap();
        if title.starts_with("done") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    note(&format!("the attacker's page: {title}"));
    assert!(
        title.starts_with("done"),
        "the page never finished: {title}"
    );
    // The two requests a browser must ask first for were never sent.
    assert!(title.ends_with("blocked blocked"), "{title}");
    screenshot(&browser, &artifacts.join("attacker.png")).await;

    // Nothing changed.
    assert_eq!(
        gateway.order("ke", Kind::PayIn, "held").unwrap().status,
        Status::Processing
    );
    assert_eq!(
        gateway.order("mx", Kind::PayIn, "hosted").unwrap().status,
        Status::Processing
    );
    assert_eq!(gateway.balance("ke", TEST_MERCHANT_NO).unwrap(), before);
    assert_eq!(
        gateway.deliveries().unwrap().len(),
        1,
        "no callback re-sent"
    );
    assert_eq!(receiver.requests().len(), 1);
    let armed = reqwest::get(format!("{}/_admin/faults", gateway.url()))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let armed: serde_json::Value = serde_json::from_str(&armed).unwrap();
    assert_eq!(armed["armed"].as_array().unwrap().len(), 1, "{armed}");
    assert_eq!(armed["armed"][0]["fault"], "502-html", "{armed}");

    // A name rebound to the sandbox's address gets no page to read or drive.
    browser
        .goto(&format!("http://rebind.example:{port}/"))
        .await
        .unwrap();
    let body = browser.find(Locator::Css("body")).await.unwrap();
    let text = body.text().await.unwrap();
    assert!(text.contains("loopback"), "{text}");
    assert_ne!(browser.title().await.unwrap(), "Paypro sandbox");

    // The sandbox's own pages still work: the payer pays on the cashier page.
    browser
        .goto(&format!("{}/_pay/{hosted_id}", gateway.url()))
        .await
        .unwrap();
    browser
        .find(Locator::XPath("//button[normalize-space()='Pay']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    common::until("the hosted order paid", || {
        gateway
            .order("mx", Kind::PayIn, "hosted")
            .filter(|o| o.status == Status::Success)
    })
    .await;
}
