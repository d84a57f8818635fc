//! The example receiver over loopback HTTP: a signed callback is answered `OK` and handled
//! once even when delivered twice; a forged or malformed one gets 400 and is not handled.

#[allow(dead_code)]
#[path = "../examples/receiver.rs"]
mod receiver;

use paypro_core::Secret;
use paypro_core::notify::sign_body;

const SECRET: &str = "TESTSECRET";
/// Indonesia's documented callback (its tail from the identical Brazil/Vietnam example).
const EXAMPLE: &str = r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":"30000","status":"0000","message":"SUCCESS","successTime":"2024-07-01 18:34:31","timestamp":"1724740395968","sign":"12222222222"}"#;

async fn post(url: &str, body: String) -> (u16, String) {
    let response = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("the receiver answers");
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

#[tokio::test]
async fn the_example_receiver_verifies_deduplicates_and_answers_ok() {
    let state = receiver::AppState::new(SECRET);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/paypro/notify", listener.local_addr().unwrap());
    let app = receiver::app(state.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });

    let signed = sign_body(EXAMPLE, &Secret::new(SECRET).unwrap()).unwrap();
    assert_eq!(post(&url, signed.clone()).await, (200, "OK".to_string()));
    assert_eq!(
        post(&url, signed.clone()).await,
        (200, "OK".to_string()),
        "a retry is acknowledged"
    );
    let handled = state.handled.lock().unwrap().clone();
    assert_eq!(handled.len(), 1, "handled once");
    assert_eq!(handled[0].trade_no.as_deref(), Some("00000020"));
    assert_eq!(
        handled[0].amount.map(|a| a.to_string()).as_deref(),
        Some("30000")
    );

    let forged = signed.replace("30000", "90000");
    let (status, reason) = post(&url, forged).await;
    assert_eq!(status, 400);
    assert!(reason.contains("signature does not match"), "{reason}");

    let (status, reason) = post(&url, EXAMPLE.to_string()).await;
    assert_eq!(status, 400, "the docs' placeholder sign is not a signature");
    assert!(reason.contains("sign"), "{reason}");

    let (status, _) = post(&url, "[1,2,3]".into()).await;
    assert_eq!(status, 400);
    let (status, reason) = post(&url, format!(r#"{{"pad":"{}"}}"#, "x".repeat(70_000))).await;
    assert_eq!(status, 400);
    assert!(reason.contains("limit"), "{reason}");
    assert_eq!(state.handled.lock().unwrap().len(), 1);
}
