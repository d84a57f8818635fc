//! A Paypro notification receiver to copy: verifies each callback, handles each order status
//! once (Paypro retries, so duplicates arrive), and answers `OK`.
//!
//! ```sh
//! PAYPRO_SECRET=... cargo run -p paypro-axum --example receiver   # listens on 127.0.0.1:3000
//! ```

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{FromRef, State};
use axum::routing::post;
use paypro_axum::{ACK, Notified};
use paypro_core::Secret;
use paypro_core::notify::Verifier;
use paypro_id::{Notification, Status};

/// What the handlers share.
#[derive(Clone)]
pub struct AppState {
    /// Checks signatures (add the old secret with `also_accept` during a key rotation).
    pub verifier: Verifier,
    /// (platFormTradeNo, status) pairs already handled. Use your database in production.
    pub seen: Arc<Mutex<HashSet<(String, String)>>>,
    /// How many notifications were acted on (for the tests).
    pub handled: Arc<Mutex<Vec<Notification>>>,
}

impl FromRef<AppState> for Verifier {
    fn from_ref(state: &AppState) -> Verifier {
        state.verifier.clone()
    }
}

impl AppState {
    /// State with one secret.
    pub fn new(secret: &str) -> Self {
        AppState {
            verifier: Verifier::new(Secret::new(secret).unwrap()),
            seen: Arc::default(),
            handled: Arc::default(),
        }
    }
}

/// The router: `POST /paypro/notify`.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/paypro/notify", post(notify))
        .with_state(state)
}

async fn notify(
    State(state): State<AppState>,
    Notified(n, _raw): Notified<Notification>,
) -> &'static str {
    let key = (
        n.platform_trade_no.clone().unwrap_or_default(),
        n.status
            .as_ref()
            .map(Status::code)
            .unwrap_or_default()
            .to_string(),
    );
    let first_time = state
        .seen
        .lock()
        .map(|mut seen| seen.insert(key))
        .unwrap_or(false);
    if first_time {
        // Act once: mark the order paid, failed, ... (here: remember it).
        match &n.status {
            Some(Status::Success | Status::PartialPayment) => {
                println!("paid: {:?} {:?}", n.trade_no, n.amount)
            }
            Some(Status::Failed { code, message }) => {
                println!("failed: {:?} {code:?} {message:?}", n.trade_no)
            }
            _ => println!("still processing: {:?}", n.trade_no),
        }
        if let Ok(mut handled) = state.handled.lock() {
            handled.push(n);
        }
    }
    // Answer OK to duplicates too, or Paypro keeps retrying.
    ACK
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secret =
        std::env::var("PAYPRO_SECRET").map_err(|_| "set PAYPRO_SECRET to your app secret")?;
    let addr = std::env::var("LISTEN").unwrap_or_else(|_| "127.0.0.1:3000".into());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on http://{addr}/paypro/notify");
    axum::serve(listener, app(AppState::new(&secret))).await?;
    Ok(())
}
