//! A Paypro notification receiver to copy.
//!
//! ```sh
//! # Orders come from your checkout; here, `tradeNo=expected amount` arguments, stored once
//! # (an order already stored is kept as it is: restarting never resets one).
//! PAYPRO_SECRET=... cargo run -p paypro-axum --example receiver -- order-1=30000 order-2=150.50
//! # listens on 127.0.0.1:3000 (LISTEN=host:port to change); orders in ./paypro-orders.db
//! # (DATABASE_URL=sqlite://FILE, postgres://user:pass@host/db for several instances, or memory:)
//! ```
//!
//! For each callback it:
//!
//! 1. verifies the signature on the raw body and parses it strictly ([`Notified`]; `400` when
//!    either fails);
//! 2. looks the order up by `tradeNo` in the merchant's own order book, which knows the amount
//!    the order expects (an unknown `tradeNo` is not acted on, and answered `404` so that
//!    Paypro retries it);
//! 3. applies the notification to the order's stored state with
//!    [`paypro_core::order::Order::apply`] and stores the next state and the action in one
//!    database transaction ([`paypro_store`]: SQLite by default, Postgres for several
//!    instances), so concurrent deliveries, in this process or another, act once;
//! 4. prints one line per action on stdout, `<action> <tradeNo> <status>` (`fulfil order-1
//!    0000`, `mark-failed order-2 00029`, `record-partial-payment order-3 0001`): `fulfil` only
//!    once per order and only for a `0000` of at least the expected amount; a partial payment
//!    is recorded, never delivered; a duplicate, a stale or a conflicting notification (a
//!    genuinely signed `00029` replayed after `0000`) prints nothing on stdout, and a conflict
//!    or an underpaid success is an `ALERT` line on stderr;
//! 5. answers `OK` (also to duplicates and conflicts, or Paypro keeps retrying).
//!
//! ## Limits
//!
//! [`serve`] closes a connection that has not sent its request headers within
//! [`Limits::header_read_timeout`] (10 s), answers `408` to a request whose body and handling
//! take longer than [`Limits::request_timeout`] (30 s), and holds at most
//! [`Limits::max_connections`] connections (256): further connections wait in the listen
//! backlog until one closes, instead of using up the process's file descriptors. So slow or
//! half-open connections (slowloris) cost at most the cap, each for at most a time-out, and a
//! genuine callback is still served. `axum::serve` has none of these settings, hence the
//! small accept loop on hyper.
//!
//! ## Behind a reverse proxy
//!
//! Run it on `127.0.0.1` behind the proxy that terminates TLS (`notifyUrl` must be `https`).
//! At the proxy:
//!
//! - forward only `POST /paypro/notify`, with the body untouched: the signature covers the
//!   exact bytes (no re-encoding, no JSON rewriting, no charset conversion);
//! - cap the body at 64 KiB (nginx `client_max_body_size 64k`), the verifier's own limit;
//! - set short time-outs for headers and body (nginx `client_header_timeout 10s`,
//!   `client_body_timeout 10s`, `proxy_read_timeout 30s`) and a per-IP connection limit;
//! - restrict the source addresses to Paypro's callback IPs: the docs publish none and say
//!   "if you restrict IPs, tell us", so ask Paypro for the list and tell them when you
//!   enable it. An IP allow-list is a second line; the signature is the proof.
//!
//! Keep this receiver's own limits on as well: they protect it from anything that reaches
//! it without the proxy.

use std::error::Error;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::extract::{FromRef, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use paypro_axum::{ACK, Notified};
use paypro_core::order::{
    Action, Applied, Event, Ignored, Order, OrderError, OrderStore, Shortfall,
};
use paypro_id::{Decimal, Notification, Secret, Verifier};
use paypro_store::{AnyStore, StoreError};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// What one client may hold, and for how long.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// A connection that has not sent a whole request head (request line and headers) within
    /// this time is closed; this also ends idle keep-alive connections.
    pub header_read_timeout: Duration,
    /// A request whose body is not read and handled within this time is answered `408`.
    pub request_timeout: Duration,
    /// At most this many connections are served at once; more wait to be accepted.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            header_read_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_connections: 256,
        }
    }
}

/// What the handlers share.
#[derive(Clone)]
pub struct AppState {
    /// Checks signatures (add the old secret with `also_accept` during a key rotation).
    pub verifier: Verifier,
    /// The merchant's order book: each order by `tradeNo`, with the amount it expects and its
    /// state, changed only in one transaction per notification.
    store: Arc<AnyStore>,
    /// Every action taken by this process, in order (what the tests read).
    taken: Arc<Mutex<Vec<Taken>>>,
}

/// One action the receiver took for one order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Taken {
    /// The order's `tradeNo`.
    pub trade_no: String,
    /// What was done.
    pub action: Action,
}

/// Why an order could not be added to the order book.
#[derive(Debug)]
pub enum NewOrderError {
    /// The `tradeNo` is taken: an order is never reset, or it could be fulfilled twice.
    Exists(String),
    /// The expected amount is not usable.
    Amount(OrderError),
    /// The store failed.
    Store(StoreError),
}

impl fmt::Display for NewOrderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NewOrderError::Exists(trade_no) => {
                write!(f, "tradeNo: the order {trade_no} already exists")
            }
            NewOrderError::Amount(e) => e.fmt(f),
            NewOrderError::Store(e) => e.fmt(f),
        }
    }
}

impl Error for NewOrderError {}

impl FromRef<AppState> for Verifier {
    fn from_ref(state: &AppState) -> Verifier {
        state.verifier.clone()
    }
}

impl AppState {
    /// State with one secret and an order book in memory (tests).
    pub fn new(secret: Secret) -> Self {
        AppState::with_store(secret, AnyStore::Memory(paypro_store::MemoryStore::new()))
    }

    /// State with one secret and the order book in `store`.
    pub fn with_store(secret: Secret, store: AnyStore) -> Self {
        AppState {
            verifier: Verifier::new(secret),
            store: Arc::new(store),
            taken: Arc::default(),
        }
    }

    /// Records a new order, as the checkout does when it creates the pay-in: its `tradeNo` and
    /// the amount it expects.
    pub async fn create_order(
        &self,
        trade_no: impl Into<String>,
        expected: impl Into<Decimal>,
    ) -> Result<(), NewOrderError> {
        let order = Order::new(expected).map_err(NewOrderError::Amount)?;
        let trade_no = trade_no.into();
        match self.store.register(&trade_no, order).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(NewOrderError::Exists(trade_no)),
            Err(e) => Err(NewOrderError::Store(e)),
        }
    }

    /// The order stored for `trade_no`.
    pub async fn order(&self, trade_no: &str) -> Option<Order> {
        self.store.order(trade_no).await.ok().flatten()
    }

    /// Every action taken so far by this process, in order.
    pub fn taken(&self) -> Vec<Taken> {
        self.taken
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Applies `event` to the order `trade_no` in one store transaction.
    async fn apply(&self, trade_no: &str, event: &Event) -> Result<Applied, StoreError> {
        let applied = self.store.apply(trade_no, event).await?;
        if let Applied::Action(action) = &applied {
            self.taken
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(Taken {
                    trade_no: trade_no.to_string(),
                    action: action.clone(),
                });
        }
        Ok(applied)
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
) -> Response {
    let (Some(trade_no), Some(status)) = (n.trade_no, n.status) else {
        // The strict parser already requires both; never act on a notification without them.
        return (
            StatusCode::BAD_REQUEST,
            "a notification without tradeNo or status cannot be acted on",
        )
            .into_response();
    };
    let event = Event::new(status, n.amount);
    match state.apply(&trade_no, &event).await {
        Ok(Applied::Action(action)) => {
            let code = event.status.code();
            match line(&action) {
                Line::Act(name) => println!("{name} {trade_no} {code}"),
                Line::Alert(why) => eprintln!("ALERT {trade_no} {code}: {why}"),
                Line::Nothing => {}
            }
            if let Action::RecordPartialPayment { .. } | Action::MarkFailed { .. } = &action {
                if action.needs_attention() {
                    eprintln!("ALERT {trade_no} {code}: {}", alert(&action));
                }
            }
            ACK.into_response()
        }
        Ok(_) => {
            eprintln!(
                "unknown order: tradeNo={trade_no} status={}: not acted on",
                event.status.code()
            );
            // Not OK: Paypro retries, in case the order is being created right now.
            (StatusCode::NOT_FOUND, "unknown tradeNo").into_response()
        }
        Err(e) => {
            eprintln!("store failed: tradeNo={trade_no}: {e}");
            // Nothing is known to be stored: not OK, so Paypro retries.
            (StatusCode::SERVICE_UNAVAILABLE, "the order store failed").into_response()
        }
    }
}

/// What one action prints.
enum Line {
    /// `<action> <tradeNo> <status>` on stdout.
    Act(&'static str),
    /// An `ALERT` on stderr only: nothing was done.
    Alert(String),
    /// Nothing: a duplicate, stale or still-processing notification.
    Nothing,
}

fn line(action: &Action) -> Line {
    match action {
        Action::Fulfil { .. } => Line::Act("fulfil"),
        Action::MarkFailed { .. } => Line::Act("mark-failed"),
        Action::RecordPartialPayment { .. } => Line::Act("record-partial-payment"),
        Action::Ignore(Ignored::Conflict { status, amount }) => Line::Alert(format!(
            "conflict: a notification says {status} (amount {}) against the stored final state: not acted on",
            amount.map_or_else(|| "none".to_string(), |a| a.to_string())
        )),
        Action::Ignore(_) => Line::Nothing,
        other => Line::Alert(format!("unhandled action {other:?}")),
    }
}

/// Why a recorded action needs a person.
fn alert(action: &Action) -> String {
    match action {
        Action::MarkFailed { .. } => "failed after a partial payment: refund or review".into(),
        Action::RecordPartialPayment {
            paid,
            expected,
            reason,
        } => {
            let what = match reason {
                Shortfall::BelowExpected => "success for less than expected",
                Shortfall::AmountMissing => "success without an amount (query the order)",
                _ => "not fully paid",
            };
            format!(
                "{what}: paid {} of {expected}: do not deliver",
                paid.map_or_else(|| "none".to_string(), |a| a.to_string())
            )
        }
        other => format!("{other:?}"),
    }
}

/// Answers `408` when a request (reading its body, then handling it) takes longer than the
/// limit. The handler is then dropped: its store is one atomic step, so the order keeps either
/// its old or its new state, and Paypro's retry finds out which.
async fn request_deadline(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => (StatusCode::REQUEST_TIMEOUT, "the request took too long").into_response(),
    }
}

/// Serves `app` on `listener` within `limits` (see the [module docs](self)). Runs until the
/// listener fails for good.
pub async fn serve(listener: TcpListener, app: Router, limits: Limits) -> std::io::Result<()> {
    let app = app.layer(middleware::from_fn_with_state(
        limits.request_timeout,
        request_deadline,
    ));
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    loop {
        // Wait for a free slot before accepting: extra connections stay in the backlog.
        let slot = Arc::clone(&slots)
            .acquire_owned()
            .await
            .map_err(std::io::Error::other)?;
        let stream = match listener.accept().await {
            Ok((stream, _peer)) => stream,
            Err(e) => {
                // Out of file descriptors, or a connection reset before it was accepted.
                eprintln!("accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _slot = slot; // freed when the connection ends
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(limits.header_read_timeout);
            // An error here is a client that was too slow or went away: nothing to do.
            let _ = http.serve_connection(TokioIo::new(stream), service).await;
        });
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    run(std::env::args().skip(1).collect()).await
}

/// The program: orders from `args` (`tradeNo=amount`), settings from the environment.
pub async fn run(args: Vec<String>) -> Result<(), Box<dyn Error>> {
    let secret =
        std::env::var("PAYPRO_SECRET").map_err(|_| "set PAYPRO_SECRET to your app secret")?;
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://paypro-orders.db".into());
    let store = paypro_store::open(&url).await?;
    let state = AppState::with_store(Secret::new(secret)?, store);
    for arg in args {
        let (trade_no, amount) = arg
            .split_once('=')
            .ok_or_else(|| format!("{arg}: expected tradeNo=amount"))?;
        let amount: Decimal = amount
            .parse()
            .map_err(|e| format!("{arg}: the amount is not a decimal number: {e}"))?;
        match state.create_order(trade_no, amount).await {
            Ok(()) => eprintln!("order {trade_no} expects {amount}"),
            // Another instance, or this one before a restart, stored it: keep it as it is.
            Err(NewOrderError::Exists(_)) => eprintln!("order {trade_no} is already stored: kept"),
            Err(e) => return Err(e.into()),
        }
    }
    let addr = std::env::var("LISTEN").unwrap_or_else(|_| "127.0.0.1:3000".into());
    let listener = TcpListener::bind(&addr).await?;
    eprintln!(
        "listening on http://{}/paypro/notify",
        listener.local_addr()?
    );
    serve(listener, app(state), Limits::default()).await?;
    Ok(())
}
