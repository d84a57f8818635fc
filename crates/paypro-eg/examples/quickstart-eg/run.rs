// @generated from spec/eg.toml by `cargo xtask gen`; do not edit.
//! The whole payment flow: start the sandbox (or use PAYPRO_BASE_URL, PAYPRO_MERCHANT_NO
//! and PAYPRO_SECRET), create a pay-in, receive and verify its callback on a local
//! receiver, query the order.
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use paypro_eg::*;
use paypro_eg::advanced::{protocol, Endpoint, Signable, COUNTRY};
use paypro_core::notify::Verifier;
use paypro_core::testing::{Answer, TestServer};
fn say(line: &str) {
    println!("{line}");
}
fn show(status: Option<&Status>) -> String {
    status.map_or_else(|| "without a status".to_string(), |s| s.to_string())
}
pub async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let (base_url, merchant_no, secret, sandbox) = match (
        env("PAYPRO_BASE_URL"),
        env("PAYPRO_MERCHANT_NO"),
        env("PAYPRO_SECRET"),
    ) {
        (Some(url), Some(merchant), Some(secret)) => {
            say(&format!("1. using the gateway at {url}"));
            (url, merchant, secret, None)
        }
        _ => {
            let config = paypro_mock::MockConfig::default()
                .settle_after(Duration::from_millis(300));
            let sandbox = paypro_mock::MockGateway::start(config, &[&COUNTRY]).await?;
            let url = sandbox
                .base_url("eg")
                .ok_or("the sandbox does not serve this country")?;
            say(
                &format!(
                    "1. started the embedded Paypro sandbox at {url} (no credentials, no network)"
                ),
            );
            (
                url,
                protocol::TEST_MERCHANT_NO.to_string(),
                protocol::TEST_SECRET.to_string(),
                Some(sandbox),
            )
        }
    };
    let secret = Secret::new(secret)?;
    let receiver = TestServer::start(|_| Answer::Full {
            status: 200,
            content_type: "text/plain".into(),
            body: "OK".into(),
        })
        .await;
    let notify_url = format!("{}/paypro/notify", receiver.url());
    say(&format!("   local callback receiver at {notify_url}"));
    let client = Client::new(
        Config::new(merchant_no.clone(), secret.clone()).base_url(base_url),
    )?;
    let trade_no = format!(
        "quickstart-{}", SystemTime::now().duration_since(UNIX_EPOCH) ? .as_millis()
    );
    let request = paypro_eg::PayInRequest::builder()
        .payer("kevin zhang")
        .amount(300)
        .remark("test")
        .trade_no("test_00000008")
        .mobile("6789123456")
        .email("sdkjfksdjfk@gmail.com")
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .trade_no(&trade_no)
        .notify_url(&notify_url)
        .build()?;
    say(
        &format!(
            "2. pay-in {trade_no}: POST {} {}", < PayInRequest as Endpoint > ::DESCRIPTOR
            .path, request.fields_json()
        ),
    );
    let reply = client.pay_in(&request).await?;
    say(&format!("   accepted; the order is {}", show(reply.data.status.as_ref())));
    say("3. waiting for the callback...");
    let mut body = None;
    for _ in 0..100 {
        if let Some(r) = receiver.requests().into_iter().next() {
            body = Some(r.body);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    match body {
        Some(body) => {
            say(&format!("   received: {body}"));
            let verifier = Verifier::new(secret.clone());
            let notification = Notification::verify(body.as_bytes(), &verifier)?;
            say(
                &format!(
                    "4. callback signature verified; the order is {}", show(notification
                    .status.as_ref())
                ),
            );
        }
        None => {
            say(
                "   no callback within 10 s (a real gateway cannot reach a local receiver)",
            )
        }
    }
    let query = QueryPayInRequest::builder().trade_no(&trade_no).build()?;
    let found = client.query_pay_in(&query).await?;
    say(&format!("5. query {trade_no}: {}", show(found.data.status.as_ref())));
    match request.to_builder().amount("12.50").build() {
        Ok(_) => say("6. (unexpected) a decimal amount was accepted"),
        Err(e) => say(&format!("6. and a request the SDK refuses to send: {e}")),
    }
    drop(sandbox);
    Ok(())
}
