//! A Paypro merchant's whole order lifecycle to copy: create, receive, perform, reconcile.
//!
//! ```sh
//! # Orders come from your checkout (POST /shop/orders below); here also `tradeNo=amount`
//! # arguments for orders sent some other way (`payout:tradeNo=amount` for a payout), stored
//! # once (an order already stored is kept as it is: restarting never resets one).
//! PAYPRO_SECRET=... cargo run -p paypro-axum --example receiver -- order-1=30000
//! # listens on 127.0.0.1:3000 (LISTEN=host:port); orders in ./paypro-orders.db
//! # (DATABASE_URL=sqlite://FILE, postgres://user:pass@host/db for several instances, or memory:)
//! ```
//!
//! Settings (environment): `PAYPRO_SECRET` (required), `PAYPRO_COUNTRY` (`id`, a signed
//! country, by default; `ke` for Kenya's unsigned callbacks), `PAYPRO_MERCHANT_NO` (the test
//! merchant by default), `PAYPRO_BASE_URL` (the gateway; the country's sandbox by default),
//! `PUBLIC_URL` (where Paypro reaches this receiver, for the `notifyUrl` of created orders;
//! `http://` + the listening address by default), `DATABASE_URL`, `LISTEN`, and for tests
//! `PAYPRO_CHECK_AFTER_MS` (when a silent order is first queried, 10 minutes by default; it
//! also caps the wait between queries at four times itself), `PAYPRO_MAX_CHECKS` (queries
//! before an order needs a person, 20 by default) and `PAYPRO_LEASE_MS` (how long a claimed
//! action is reserved; 30 s by default).
//!
//! One database (or Postgres schema) per country: the reconciler queries every due order of
//! its database at its own country's gateway.
//!
//! What each part does ([`paypro_store::Lifecycle`]):
//!
//! 1. **Create.** `POST /shop/orders` `{"flow":"pay-in","tradeNo":"order-1","amount":30000}`
//!    (or `"payout"`) builds the country's request and calls `Lifecycle::create`: the order and
//!    the exact signed body are stored as `sending` before any byte leaves, sent once, and the
//!    outcome stored. It answers `accepted` (200), `refused` (422: nothing happened),
//!    `uncertain` (202: money may have moved; the reconciler will find out), or `exists` (409:
//!    not sent again).
//! 2. **Receive.** `POST /paypro/notify/pay-in` and `/paypro/notify/payout` (`/paypro/notify`
//!    is the pay-in route too). A signed country's callback is verified on the raw body and
//!    parsed strictly (`400` when either fails), then applied with `Lifecycle::receive`: the
//!    order's next state and its action commit in one transaction, then the handler answers
//!    `OK`. It performs nothing. An unknown `tradeNo` is answered `404` (Paypro retries), a
//!    store failure `503`. Kenya's callbacks carry no signature: each is a hint
//!    (`Lifecycle::hint`), and the reconciler queries the order and applies Paypro's answer.
//! 3. **Perform.** The outbox worker hands each committed action to [`perform`], the
//!    merchant's one function, at least once, with a stable idempotency key; a receiver killed
//!    between the commit and the performance leaves the action to the next worker (after the
//!    lease). `perform` prints one line per action on stdout, `<action> <tradeNo> <status>`:
//!    for a pay-in `fulfil`, `mark-failed` or `record-partial-payment`; for a payout
//!    `payout-paid` (the money reached the payee: record the payout as done), `payout-failed`
//!    or `payout-review`. A conflict (a genuinely signed `00029` replayed after `0000`) or an
//!    underpaid success is an `ALERT` line on stderr; duplicates and stale news print nothing.
//!    Each performance also prints `performed <idempotency key> <action> <tradeNo>` on stderr.
//! 4. **Reconcile.** The reconciler queries orders that are `sending`, `uncertain`, hinted, or
//!    silent past `PAYPRO_CHECK_AFTER_MS`, and applies the answers through the same
//!    `Order::apply`; it never sends. What it cannot settle needs a person: `paypro orders
//!    list --needs-person`.
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
//! - forward only `POST /paypro/notify/...`, with the body untouched: the signature covers the
//!   exact bytes (no re-encoding, no JSON rewriting, no charset conversion);
//! - cap the body at 64 KiB (nginx `client_max_body_size 64k`), the verifier's own limit;
//! - set short time-outs for headers and body (nginx `client_header_timeout 10s`,
//!   `client_body_timeout 10s`, `proxy_read_timeout 30s`) and a per-IP connection limit;
//! - restrict the source addresses to Paypro's callback IPs: the docs publish none and say
//!   "if you restrict IPs, tell us", so ask Paypro for the list and tell them when you
//!   enable it. An IP allow-list is a second line; the signature is the proof.
//! - never expose `/shop/orders`: it is your checkout's, not Paypro's.
//!
//! Keep this receiver's own limits on as well: they protect it from anything that reaches
//! it without the proxy.

use std::convert::Infallible;
use std::error::Error;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRef, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use paypro_axum::{ACK, Notified};
use paypro_core::client::{Config, ConfigError, OrderQuery};
use paypro_core::notify::Flow;
use paypro_core::notify::Verifier;
use paypro_core::order::{Action, Applied, Event, Ignored, Shortfall};
use paypro_core::{Decimal, Secret};
use paypro_mock::SANDBOX_MERCHANT_NO;
use paypro_store::{AnyStore, CreateError, Hint, Lifecycle, PendingAction, Settings};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// The merchant's one function: what to do for each committed action. It runs in the outbox
/// worker, at least once per action (use `action.idempotency_key()` where it matters: a
/// fulfilment API's idempotency key, a unique column), never in the HTTP handler.
pub async fn perform(action: PendingAction) -> Result<(), Infallible> {
    let trade_no = &action.trade_no;
    let status = &action.status;
    match line(&action) {
        Line::Act(name) => println!("{name} {trade_no} {status}"),
        Line::Alert(why) => eprintln!("ALERT {trade_no} {status}: {why}"),
    }
    if let Action::RecordPartialPayment { .. } | Action::MarkFailed { .. } = &action.action {
        if action.action.needs_attention() {
            eprintln!("ALERT {trade_no} {status}: {}", alert(&action.action));
        }
    }
    eprintln!(
        "performed {} {} {trade_no}",
        action.idempotency_key(),
        action_name(&action)
    );
    Ok(())
}

/// What one action prints.
enum Line {
    /// `<action> <tradeNo> <status>` on stdout.
    Act(&'static str),
    /// An `ALERT` on stderr only: nothing was done.
    Alert(String),
}

fn action_name(action: &PendingAction) -> &'static str {
    let payout = action.flow == Some(Flow::Payout);
    match (&action.action, payout) {
        (Action::Fulfil { .. }, false) => "fulfil",
        (Action::Fulfil { .. }, true) => "payout-paid",
        (Action::MarkFailed { .. }, false) => "mark-failed",
        (Action::MarkFailed { .. }, true) => "payout-failed",
        (Action::RecordPartialPayment { .. }, false) => "record-partial-payment",
        (Action::RecordPartialPayment { .. }, true) => "payout-review",
        _ => "alert",
    }
}

fn line(action: &PendingAction) -> Line {
    match &action.action {
        Action::Ignore(Ignored::Conflict { status, amount }) => Line::Alert(format!(
            "conflict: a notification says {status} (amount {}) against the stored final state: not acted on",
            amount.map_or_else(|| "none".to_string(), |a| a.to_string())
        )),
        Action::Fulfil { .. } | Action::MarkFailed { .. } | Action::RecordPartialPayment { .. } => {
            Line::Act(action_name(action))
        }
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
pub struct AppState<C> {
    /// Checks signatures (add the old secret with `also_accept` during a key rotation).
    pub verifier: Verifier,
    /// The order lifecycle over the merchant's store and the country's client.
    pub lifecycle: Lifecycle<C>,
    /// Where Paypro reaches this receiver (the `notifyUrl` base of created orders).
    pub public_url: Arc<str>,
    /// Every action this process performed, in order (what the tests read).
    taken: Arc<Mutex<Vec<PendingAction>>>,
}

impl<C: Clone> Clone for AppState<C> {
    fn clone(&self) -> Self {
        AppState {
            verifier: self.verifier.clone(),
            lifecycle: self.lifecycle.clone(),
            public_url: Arc::clone(&self.public_url),
            taken: Arc::clone(&self.taken),
        }
    }
}

impl<C> FromRef<AppState<C>> for Verifier {
    fn from_ref(state: &AppState<C>) -> Verifier {
        state.verifier.clone()
    }
}

impl<C: Country> AppState<C> {
    /// State over `store`, with `client` for sending and querying.
    pub fn new(secret: Secret, store: AnyStore, client: C, public_url: &str) -> Self {
        AppState {
            verifier: Verifier::new(secret),
            lifecycle: Lifecycle::new(store, client),
            public_url: public_url.trim_end_matches('/').into(),
            taken: Arc::default(),
        }
    }

    /// The merchant's handler as the worker runs it: [`perform`], and a note of what was
    /// performed for [`AppState::taken`].
    pub fn handler(&self) -> impl paypro_store::Handler + 'static {
        let taken = Arc::clone(&self.taken);
        move |action: PendingAction| {
            let taken = Arc::clone(&taken);
            async move {
                perform(action.clone()).await?;
                taken
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(action);
                Ok::<(), Infallible>(())
            }
        }
    }

    /// Performs every due action now (what the worker does in the background).
    pub async fn perform_pending(&self) -> Result<usize, paypro_store::StoreError> {
        let worker = self.lifecycle.worker();
        let handler = self.handler();
        let mut done = 0;
        loop {
            let pass = worker.run_once(&handler).await?;
            if pass.done + pass.failed == 0 {
                return Ok(done);
            }
            done += pass.done;
        }
    }

    /// Every action performed so far by this process, in order.
    pub fn taken(&self) -> Vec<PendingAction> {
        self.taken
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The router: the country's notify routes and `POST /shop/orders`.
    pub fn app(self) -> Router {
        C::notify_routes(Router::new())
            .route("/shop/orders", post(create_order::<C>))
            .with_state(self)
    }
}

/// What differs between a signed country and Kenya: how a callback is read, and how a request
/// is built.
pub trait Country: OrderQuery + Sized {
    /// `id`, `ke`.
    const CODE: &'static str;

    /// The country's client.
    fn client(config: Config) -> Result<Self, ConfigError>;

    /// `POST /paypro/notify`, `/paypro/notify/pay-in` and `/paypro/notify/payout`.
    fn notify_routes(router: Router<AppState<Self>>) -> Router<AppState<Self>>;

    /// Builds the country's pay-in or payout request and creates the order durably.
    fn create(
        lifecycle: &Lifecycle<Self>,
        flow: Flow,
        trade_no: &str,
        amount: u64,
        notify_url: String,
    ) -> impl Future<Output = Result<(), CreateError>> + Send;
}

/// A signed callback: verify, parse, apply; answer. Nothing is performed here.
async fn receive<C: Country>(
    state: &AppState<C>,
    flow: Flow,
    trade_no: Option<String>,
    event: Option<Event>,
) -> Response {
    let (Some(trade_no), Some(event)) = (trade_no, event) else {
        // The strict parser already requires both; never act on a notification without them.
        return (
            StatusCode::BAD_REQUEST,
            "a notification without tradeNo or status cannot be acted on",
        )
            .into_response();
    };
    match state.lifecycle.receive(flow, &trade_no, &event).await {
        // Stored with its action, which the worker performs: OK (to duplicates and conflicts
        // too, or Paypro keeps retrying).
        Ok(Applied::Action(_)) => ACK.into_response(),
        Ok(_) => unknown(flow, &trade_no, event.status.code()),
        Err(e) => store_failed(&trade_no, &e),
    }
}

fn unknown(flow: Flow, trade_no: &str, code: &str) -> Response {
    eprintln!(
        "unknown order: {} tradeNo={trade_no} status={code}: not acted on",
        flow.as_str()
    );
    // Not OK: Paypro retries, in case the order is being created right now.
    (StatusCode::NOT_FOUND, "unknown tradeNo").into_response()
}

fn store_failed(trade_no: &str, e: &paypro_store::StoreError) -> Response {
    eprintln!("store failed: tradeNo={trade_no}: {e}");
    // Nothing is known to be stored: not OK, so Paypro retries.
    (StatusCode::SERVICE_UNAVAILABLE, "the order store failed").into_response()
}

async fn notify_id(
    state: AppState<paypro_id::Client>,
    flow: Flow,
    n: paypro_id::Notification,
) -> Response {
    let event = n.order_event();
    receive(&state, flow, n.trade_no, event).await
}

impl Country for paypro_id::Client {
    const CODE: &'static str = "id";

    fn client(config: Config) -> Result<Self, ConfigError> {
        paypro_id::Client::new(config)
    }

    fn notify_routes(router: Router<AppState<Self>>) -> Router<AppState<Self>> {
        type N = Notified<paypro_id::Notification>;
        router
            .route(
                "/paypro/notify",
                post(|State(s): State<AppState<Self>>, Notified(n, _): N| {
                    notify_id(s, Flow::PayIn, n)
                }),
            )
            .route(
                "/paypro/notify/pay-in",
                post(|State(s): State<AppState<Self>>, Notified(n, _): N| {
                    notify_id(s, Flow::PayIn, n)
                }),
            )
            .route(
                "/paypro/notify/payout",
                post(|State(s): State<AppState<Self>>, Notified(n, _): N| {
                    notify_id(s, Flow::Payout, n)
                }),
            )
    }

    async fn create(
        lifecycle: &Lifecycle<Self>,
        flow: Flow,
        trade_no: &str,
        amount: u64,
        notify_url: String,
    ) -> Result<(), CreateError> {
        let invalid = |e: paypro_id::ValidationError| CreateError::Invalid(e.to_string());
        match flow {
            Flow::PayIn => {
                let request = paypro_id::PayInRequest::builder()
                    .trade_no(trade_no)
                    .username("kevin")
                    .mobile("6281245907765")
                    .email("kevin@example.com")
                    .channel_code(paypro_id::pay_in::ChannelCode::Ewallet)
                    .way_code("DANA")
                    .amount(amount)
                    .notify_url(notify_url)
                    .build()
                    .map_err(invalid)?;
                lifecycle.create(flow, &request, amount).await.map(drop)
            }
            Flow::Payout => {
                let request = paypro_id::PayoutRequest::builder()
                    .trade_no(trade_no)
                    .amount(amount)
                    .customer_name("kevin")
                    .mobile("6281245907765")
                    .email("kevin@example.com")
                    .bank_account_no("5464438554636")
                    .bank_code("0002")
                    .notify_url(notify_url)
                    .build()
                    .map_err(invalid)?;
                lifecycle.create(flow, &request, amount).await.map(drop)
            }
        }
    }
}

/// Kenya's callback carries no signature: nothing in it is trusted. It is a hint that the
/// order moved: the reconciler queries the order and applies Paypro's answer.
async fn notify_ke(state: AppState<paypro_ke::Client>, flow: Flow, body: Bytes) -> Response {
    let n = match paypro_ke::UnconfirmedNotification::parse(&body) {
        Ok(n) => n,
        Err(e) => return (StatusCode::BAD_REQUEST, e.to_string()).into_response(),
    };
    let Some(trade_no) = n.trade_no else {
        return (StatusCode::BAD_REQUEST, "a notification without tradeNo").into_response();
    };
    match state.lifecycle.hint(flow, &trade_no).await {
        Ok(Hint::UnknownOrder) => unknown(flow, &trade_no, "(unsigned)"),
        // The hint is stored: the reconciler confirms it by query.
        Ok(_) => paypro_ke::ACK.into_response(),
        Err(e) => store_failed(&trade_no, &e),
    }
}

impl Country for paypro_ke::Client {
    const CODE: &'static str = "ke";

    fn client(config: Config) -> Result<Self, ConfigError> {
        paypro_ke::Client::new(config)
    }

    fn notify_routes(router: Router<AppState<Self>>) -> Router<AppState<Self>> {
        router
            .route(
                "/paypro/notify",
                post(|State(s): State<AppState<Self>>, body: Bytes| {
                    notify_ke(s, Flow::PayIn, body)
                }),
            )
            .route(
                "/paypro/notify/pay-in",
                post(|State(s): State<AppState<Self>>, body: Bytes| {
                    notify_ke(s, Flow::PayIn, body)
                }),
            )
            .route(
                "/paypro/notify/payout",
                post(|State(s): State<AppState<Self>>, body: Bytes| {
                    notify_ke(s, Flow::Payout, body)
                }),
            )
    }

    async fn create(
        lifecycle: &Lifecycle<Self>,
        flow: Flow,
        trade_no: &str,
        amount: u64,
        notify_url: String,
    ) -> Result<(), CreateError> {
        let invalid = |e: paypro_ke::ValidationError| CreateError::Invalid(e.to_string());
        match flow {
            Flow::PayIn => {
                let request = paypro_ke::PayInRequest::builder()
                    .trade_no(trade_no)
                    .amount(amount)
                    .mobile("254115555088")
                    .notify_url(notify_url)
                    .build()
                    .map_err(invalid)?;
                lifecycle.create(flow, &request, amount).await.map(drop)
            }
            // Kenya's payout takes no notifyUrl: the reconciler settles it by query.
            Flow::Payout => {
                let request = paypro_ke::PayoutRequest::builder()
                    .trade_no(trade_no)
                    .amount(amount)
                    .mobile("254115555088")
                    .build()
                    .map_err(invalid)?;
                lifecycle.create(flow, &request, amount).await.map(drop)
            }
        }
    }
}

/// `POST /shop/orders`: the checkout's side (never exposed to Paypro or the internet).
async fn create_order<C: Country>(State(state): State<AppState<C>>, body: Bytes) -> Response {
    let Ok(order) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return (StatusCode::BAD_REQUEST, "expected a JSON object").into_response();
    };
    let flow = match order["flow"].as_str() {
        Some("pay-in") => Flow::PayIn,
        Some("payout") => Flow::Payout,
        _ => return (StatusCode::BAD_REQUEST, "flow: `pay-in` or `payout`").into_response(),
    };
    let (Some(trade_no), Some(amount)) = (order["tradeNo"].as_str(), order["amount"].as_u64())
    else {
        return (
            StatusCode::BAD_REQUEST,
            "tradeNo (text) and amount (a whole number)",
        )
            .into_response();
    };
    let notify_url = format!("{}/paypro/notify/{}", state.public_url, flow.as_str());
    let created = C::create(&state.lifecycle, flow, trade_no, amount, notify_url).await;
    let (status, outcome) = match &created {
        Ok(()) => (StatusCode::OK, "accepted"),
        Err(CreateError::Exists { .. }) => (StatusCode::CONFLICT, "exists"),
        Err(CreateError::Uncertain(_)) => (StatusCode::ACCEPTED, "uncertain"),
        Err(CreateError::Refused(_)) => (StatusCode::UNPROCESSABLE_ENTITY, "refused"),
        Err(CreateError::Invalid(_)) => (StatusCode::BAD_REQUEST, "invalid"),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "not-sent"),
    };
    let error = created.err().map(|e| e.to_string());
    eprintln!(
        "created {} {trade_no} {outcome}{}",
        flow.as_str(),
        error
            .as_deref()
            .map(|e| format!(": {e}"))
            .unwrap_or_default()
    );
    let answer = serde_json::json!({ "outcome": outcome, "error": error });
    (
        status,
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        answer.to_string(),
    )
        .into_response()
}

/// Answers `408` when a request (reading its body, then handling it) takes longer than the
/// limit. The handler is then dropped: its store is one atomic step, so the order keeps either
/// its old or its new state, and Paypro's retry finds out which. A transaction that commits
/// after the `408` loses nothing: its action is in the outbox, which the worker performs.
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

fn env_ms(name: &str) -> Result<Option<Duration>, Box<dyn Error>> {
    match std::env::var(name) {
        Ok(v) => Ok(Some(Duration::from_millis(
            v.parse().map_err(|e| format!("{name}={v}: {e}"))?,
        ))),
        Err(_) => Ok(None),
    }
}

/// The program: orders from `args` (`tradeNo=amount`, `payout:tradeNo=amount`), settings from
/// the environment (see the [module docs](self)).
pub async fn run(args: Vec<String>) -> Result<(), Box<dyn Error>> {
    match std::env::var("PAYPRO_COUNTRY").as_deref().unwrap_or("id") {
        "id" => run_country::<paypro_id::Client>(args).await,
        "ke" => run_country::<paypro_ke::Client>(args).await,
        other => Err(format!("PAYPRO_COUNTRY={other}: this example serves `id` or `ke`").into()),
    }
}

async fn run_country<C: Country>(args: Vec<String>) -> Result<(), Box<dyn Error>> {
    let secret =
        std::env::var("PAYPRO_SECRET").map_err(|_| "set PAYPRO_SECRET to your app secret")?;
    let secret = Secret::new(secret)?;
    let merchant =
        std::env::var("PAYPRO_MERCHANT_NO").unwrap_or_else(|_| SANDBOX_MERCHANT_NO.into());
    let mut config = Config::new(merchant, secret.clone());
    if let Ok(base) = std::env::var("PAYPRO_BASE_URL") {
        config = config.base_url(base);
    }
    let client = C::client(config)?;
    let mut settings = Settings::default();
    if let Some(after) = env_ms("PAYPRO_CHECK_AFTER_MS")? {
        settings = settings
            .check_accepted_after(after)
            .check_sending_after(after)
            .check_uncertain_after(after.min(settings.check_uncertain_after))
            .backoff(after.min(settings.min_backoff), after.saturating_mul(4));
    }
    if let Some(lease) = env_ms("PAYPRO_LEASE_MS")? {
        settings = settings.lease(lease);
    }
    if let Ok(n) = std::env::var("PAYPRO_MAX_CHECKS") {
        settings = settings.max_checks(
            n.parse()
                .map_err(|e| format!("PAYPRO_MAX_CHECKS={n}: {e}"))?,
        );
    }
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://paypro-orders.db".into());
    let store = paypro_store::open_with(&url, settings).await?;
    let addr = std::env::var("LISTEN").unwrap_or_else(|_| "127.0.0.1:3000".into());
    let listener = TcpListener::bind(&addr).await?;
    let local = listener.local_addr()?;
    let public_url = std::env::var("PUBLIC_URL").unwrap_or_else(|_| format!("http://{local}"));
    let state = AppState::new(secret, store, client, &public_url);
    for arg in args {
        let (key, amount) = arg
            .split_once('=')
            .ok_or_else(|| format!("{arg}: expected tradeNo=amount"))?;
        let (flow, trade_no) = match key.strip_prefix("payout:") {
            Some(trade_no) => (Flow::Payout, trade_no),
            None => (Flow::PayIn, key.strip_prefix("pay-in:").unwrap_or(key)),
        };
        let amount: Decimal = amount
            .parse()
            .map_err(|e| format!("{arg}: the amount is not a decimal number: {e}"))?;
        // Another instance, or this one before a restart, may have stored it: kept as it is.
        if state.lifecycle.register(flow, trade_no, amount).await? {
            eprintln!("order {trade_no} expects {amount}");
        } else {
            eprintln!("order {trade_no} is already stored: kept");
        }
    }
    // The two background loops: perform what is committed, settle what is unknown or late.
    tokio::spawn(state.lifecycle.worker().run(state.handler()));
    tokio::spawn(state.lifecycle.reconciler().run());
    eprintln!("country {}", C::CODE);
    eprintln!("listening on http://{local}/paypro/notify");
    serve(listener, state.app(), Limits::default()).await?;
    Ok(())
}
