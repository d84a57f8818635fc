// @generated from spec/bd.toml by `cargo xtask gen`; do not edit.
//! The SDK's main job, end to end: a pay-in in Bangladesh against the embedded sandbox,
//! its callback received on your receiver and verified, the order queried.
//! No credentials, no network: `cargo run -p quickstart-bd`.
//!
//! With `PAYPRO_BASE_URL`, `PAYPRO_MERCHANT_NO` and `PAYPRO_SECRET` set, it talks to that
//! gateway instead.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::FromRef;
use axum::extract::State;
use axum::routing::post;
use paypro_bd::advanced::COUNTRY;
use paypro_bd::{
    ACK, Client, Config, Notification, Notified, PayInRequest, QueryPayInRequest, Secret, Status,
    Verifier,
};
use tokio::sync::mpsc;

/// Your callback receiver's state: the verifier (for the `Notified` extractor) and where
/// verified callbacks go. A real receiver records each one durably before answering
/// (docs/lifecycle.md); this one hands it to `main`.
#[derive(Clone)]
struct Receiver {
    verifier: Verifier,
    callbacks: mpsc::Sender<Notification>,
}

impl FromRef<Receiver> for Verifier {
    fn from_ref(receiver: &Receiver) -> Verifier {
        receiver.verifier.clone()
    }
}

/// `POST /paypro/notify`: only a callback whose signature checks out reaches this handler
/// (anything else is answered 400 and Paypro retries); `ACK` tells Paypro it was recorded.
async fn notify(
    State(receiver): State<Receiver>,
    Notified(notification, _): Notified<Notification>,
) -> &'static str {
    let _ = receiver.callbacks.send(notification).await;
    ACK
}

fn show(status: Option<&Status>) -> String {
    status.map_or_else(|| "without a status".to_string(), |s| s.to_string())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // 1. A gateway: the one in the environment, or the embedded sandbox.
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let given = (
        env("PAYPRO_BASE_URL"),
        env("PAYPRO_MERCHANT_NO"),
        env("PAYPRO_SECRET"),
    );
    let (base_url, merchant_no, secret, sandbox) = match given {
        (Some(url), Some(merchant_no), Some(secret)) => {
            println!("1. using the gateway at {url}");
            (url, merchant_no, secret, None)
        }
        _ => {
            let config =
                paypro_mock::MockConfig::default().settle_after(Duration::from_millis(300));
            let sandbox = paypro_mock::MockGateway::start(config, &[&COUNTRY]).await?;
            let url = sandbox
                .base_url("bd")
                .ok_or("the sandbox does not serve this country")?;
            println!(
                "1. started the embedded Paypro sandbox at {url} (no credentials, no network)"
            );
            let merchant_no = paypro_mock::SANDBOX_MERCHANT_NO.to_string();
            let secret = paypro_mock::SANDBOX_SECRET.to_string();
            (url, merchant_no, secret, Some(sandbox))
        }
    };
    let secret = Secret::new(secret)?; // a blank secret is refused here

    // 2. Your callback receiver, on a free port of 127.0.0.1.
    let (callbacks, mut received) = mpsc::channel(8);
    let state = Receiver {
        verifier: Verifier::new(secret.clone()),
        callbacks,
    };
    let app = axum::Router::new()
        .route("/paypro/notify", post(notify))
        .with_state(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let notify_url = format!("http://{}/paypro/notify", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, app).await });
    println!("2. your callback receiver listens at {notify_url}");

    // 3. A pay-in: the spec's example, with this run's own trade number.
    let client = Client::new(Config::new(merchant_no, secret.clone()).base_url(base_url))?;
    let millis = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis();
    let trade_no = format!("quickstart-{millis}");
    let request = PayInRequest::builder()
        .trade_no(&trade_no)
        .amount(300)
        .way_code(paypro_bd::pay_in::WayCode::EwalletBkash)
        .remark("test")
        .return_url("http://abc.com/callback_page")
        .notify_url(&notify_url)
        .build()?;
    let reply = client.pay_in(&request).await?;
    let status = show(reply.data.status.as_ref());
    println!("3. pay-in {trade_no} accepted; the order is {status}");

    println!("4. waiting for the callback...");
    match tokio::time::timeout(Duration::from_secs(10), received.recv()).await {
        Ok(Some(notification)) => {
            let status = show(notification.status.as_ref());
            println!("   verified; the order is {status}");
        }
        _ => println!("   no callback within 10 s (a real gateway cannot reach 127.0.0.1)"),
    }

    // 5. The order as the gateway has it now.
    let query = QueryPayInRequest::builder().trade_no(&trade_no).build()?;
    let found = client.query_pay_in(&query).await?;
    let status = show(found.data.status.as_ref());
    println!("5. query {trade_no}: {status}");

    // 6. What the SDK refuses to send: amounts are whole units.
    match request.to_builder().amount("12.50").build() {
        Ok(_) => println!("6. (unexpected) a decimal amount was accepted"),
        Err(e) => println!("6. and a request the SDK refuses to send: {e}"),
    }
    drop(sandbox);
    Ok(())
}
