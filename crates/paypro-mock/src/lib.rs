#![doc = include_str!("../README.md")]
//!
//! ```no_run
//! # use paypro_core::descriptor::CountryDescriptor;
//! # async fn demo(countries: &'static [&'static CountryDescriptor]) -> std::io::Result<()> {
//! use paypro_mock::{MockConfig, MockGateway};
//! // `countries`: a country crate's `&[&paypro_id::advanced::COUNTRY]`, or `paypro_all::COUNTRIES`.
//! let gateway = MockGateway::start(MockConfig::default(), countries).await?;
//! let base_url = gateway.base_url("id").unwrap(); // http://127.0.0.1:PORT/indonesia-pay
//! # let _ = base_url;
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use paypro_core::Secret;
use paypro_core::descriptor::CountryDescriptor;
use tokio::sync::watch;

mod admin;
pub mod checks;
#[cfg(feature = "clap")]
pub mod cli;
mod dashboard;
mod deliver;
pub mod faults;
#[rustfmt::skip]
mod generated;
mod guard;
mod html;
mod limits;
mod page;
mod respond;
mod server;
pub mod state;
mod time;

pub use checks::{Refusal, codes};
pub use faults::Fault;
pub use generated::{SANDBOX_MERCHANT_NO, SANDBOX_SECRET};
pub use state::{Balance, Delivery, Kind, Order};

/// The port the `paypro-mock` program listens on by default (`MockConfig::bind` itself
/// defaults to a free port, for tests).
pub const DEFAULT_PORT: u16 = 8080;

/// The header a program (not a web page) sends with a state-changing request to the admin API
/// or the cashier page when it sends no JSON content type: any value will do. A web page on
/// another site cannot send it without asking first, which the sandbox never allows.
pub const ADMIN_HEADER: &str = "x-paypro-sandbox-admin";

/// A merchant the sandbox knows: `Merchant::new(merchant_no, secret)`, with
/// [`Merchant::initial_balance`] to change its starting balance. The fields are public to read;
/// the struct is `#[non_exhaustive]`, so it is built with [`Merchant::new`], never a literal.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Merchant {
    /// Sent as the `merchantNo` header.
    pub merchant_no: String,
    /// Signs requests and callbacks.
    pub secret: Secret,
    /// Available balance in every country at the start, whole units. Default 1,000,000.
    pub initial_balance: u64,
}

impl Merchant {
    /// The balance every merchant starts with unless told otherwise, in every country.
    pub const DEFAULT_BALANCE: u64 = 1_000_000;

    /// A merchant with this number (the `merchantNo` header) and secret, starting with
    /// [`Merchant::DEFAULT_BALANCE`] available in every country.
    pub fn new(merchant_no: impl Into<String>, secret: Secret) -> Self {
        Merchant {
            merchant_no: merchant_no.into(),
            secret,
            initial_balance: Self::DEFAULT_BALANCE,
        }
    }

    /// The available balance in every country at the start, whole units.
    #[must_use]
    pub fn initial_balance(mut self, initial_balance: u64) -> Self {
        self.initial_balance = initial_balance;
        self
    }
}

/// How the sandbox behaves: [`MockConfig::default`], then one chained setter per field, named
/// after it:
///
/// ```
/// use std::time::Duration;
/// use paypro_mock::MockConfig;
///
/// let config = MockConfig::default()
///     .settle_after(Duration::from_millis(300))
///     .time_factor(0.001)
///     .max_orders(1_000);
/// assert_eq!(config.max_orders, 1_000);
/// ```
///
/// The fields are public to read; the struct is `#[non_exhaustive]` (a new setting is not a
/// breaking change), so it is never built with a struct literal.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct MockConfig {
    /// Where to listen; `127.0.0.1:0` (a free port) by default. Whatever the address, a
    /// request must name a loopback host (`localhost`, `127.0.0.0/8`, `[::1]`, any port) in its
    /// `Host`, or else is refused `421`: no name an attacker controls can be rebound to it (DNS
    /// rebinding). Bound to another address on purpose, the sandbox also answers to that
    /// address (to any IP address when bound to all of them, `0.0.0.0` or `[::]`); never to
    /// another name.
    pub bind: SocketAddr,
    /// The merchants; by default the documented test merchant (`0000000001` / `TESTSECRET`)
    /// with 1,000,000 available.
    pub merchants: Vec<Merchant>,
    /// How long an order stays processing before it settles (hosted-page orders wait for the
    /// payer instead). Default 200 ms.
    pub settle_after: Duration,
    /// Scales Paypro's callback retry schedule (2 s, 5 s, 10 s, 30 s, 1 h, 3 h, 3 h, 3 h):
    /// 1.0 is real time, 0.001 turns seconds into milliseconds. Default 1.0.
    pub time_factor: f64,
    /// Name answer fields by the docs' odd spellings (`payproTradeNo`, `availablAmount`)
    /// instead of the documented names, to test that a client copes. Default off.
    pub odd_field_names: bool,
    /// The largest request body accepted (larger ones are refused `9413` before being read).
    /// Default 64 KiB.
    pub max_body_bytes: usize,
    /// The largest amount accepted (larger ones are refused `9422`). Default
    /// 1,000,000,000,000. Whatever it is, balances cannot overflow: a pay-in that, paid, could
    /// take its balance past `u64::MAX` (counting the processing pay-ins) is refused `9422`
    /// when asked for.
    pub max_amount: u64,
    /// How many connections are served at once; over it a connection gets a `503` envelope
    /// (`9503`) and is closed. Default 128.
    pub max_connections: usize,
    /// How long a client has to send a request's head (method, path, headers); also how long
    /// an idle keep-alive connection stays open. Default 5 s.
    pub header_read_timeout: Duration,
    /// How long one request may take, body and answer included; then it is answered `408`
    /// (`9504`). Default 60 s.
    pub request_timeout: Duration,
    /// How many orders are kept (and as many callback delivery attempts); the oldest are
    /// forgotten, so memory stays bounded. Default 100,000. An order is forgotten only when it
    /// is final and its callbacks are delivered (acknowledged, refused, or out of retries):
    /// when no order may be, a new one is refused `9429` (HTTP 503) and nothing is made.
    pub max_orders: usize,
    /// How long the `delay` fault waits before answering: past the SDK's default 30 s
    /// request time-out. Default 35 s.
    pub fault_delay: Duration,
}

impl Default for MockConfig {
    fn default() -> Self {
        MockConfig {
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            merchants: vec![Merchant::new(
                SANDBOX_MERCHANT_NO,
                Secret::new(SANDBOX_SECRET).expect("the sandbox secret is not blank"),
            )],
            settle_after: Duration::from_millis(200),
            time_factor: 1.0,
            odd_field_names: false,
            max_body_bytes: 64 * 1024,
            max_amount: 1_000_000_000_000,
            max_connections: 128,
            header_read_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(60),
            max_orders: 100_000,
            fault_delay: Duration::from_secs(35),
        }
    }
}

impl MockConfig {
    /// Sets [`bind`](field@MockConfig::bind): where to listen.
    #[must_use]
    pub fn bind(mut self, bind: SocketAddr) -> Self {
        self.bind = bind;
        self
    }

    /// Sets [`merchants`](field@MockConfig::merchants): the merchants the sandbox knows (replacing
    /// the default test merchant).
    #[must_use]
    pub fn merchants(mut self, merchants: Vec<Merchant>) -> Self {
        self.merchants = merchants;
        self
    }

    /// Sets [`settle_after`](field@MockConfig::settle_after): how long an order stays processing
    /// before it settles.
    #[must_use]
    pub fn settle_after(mut self, settle_after: Duration) -> Self {
        self.settle_after = settle_after;
        self
    }

    /// Sets [`time_factor`](field@MockConfig::time_factor): the factor applied to Paypro's callback
    /// retry schedule (0.001: seconds become milliseconds).
    #[must_use]
    pub fn time_factor(mut self, time_factor: f64) -> Self {
        self.time_factor = time_factor;
        self
    }

    /// Sets [`odd_field_names`](field@MockConfig::odd_field_names): whether answers use the docs'
    /// odd field spellings.
    #[must_use]
    pub fn odd_field_names(mut self, odd_field_names: bool) -> Self {
        self.odd_field_names = odd_field_names;
        self
    }

    /// Sets [`max_body_bytes`](field@MockConfig::max_body_bytes): the largest request body
    /// accepted, in bytes.
    #[must_use]
    pub fn max_body_bytes(mut self, max_body_bytes: usize) -> Self {
        self.max_body_bytes = max_body_bytes;
        self
    }

    /// Sets [`max_amount`](field@MockConfig::max_amount): the largest amount accepted.
    #[must_use]
    pub fn max_amount(mut self, max_amount: u64) -> Self {
        self.max_amount = max_amount;
        self
    }

    /// Sets [`max_connections`](field@MockConfig::max_connections): how many connections are served
    /// at once.
    #[must_use]
    pub fn max_connections(mut self, max_connections: usize) -> Self {
        self.max_connections = max_connections;
        self
    }

    /// Sets [`header_read_timeout`](field@MockConfig::header_read_timeout): how long a client has
    /// to send a request's head (also the keep-alive idle time).
    #[must_use]
    pub fn header_read_timeout(mut self, header_read_timeout: Duration) -> Self {
        self.header_read_timeout = header_read_timeout;
        self
    }

    /// Sets [`request_timeout`](field@MockConfig::request_timeout): how long one request may take.
    #[must_use]
    pub fn request_timeout(mut self, request_timeout: Duration) -> Self {
        self.request_timeout = request_timeout;
        self
    }

    /// Sets [`max_orders`](field@MockConfig::max_orders): how many orders (and callback attempts)
    /// are kept.
    #[must_use]
    pub fn max_orders(mut self, max_orders: usize) -> Self {
        self.max_orders = max_orders;
        self
    }

    /// Sets [`fault_delay`](field@MockConfig::fault_delay): how long the `delay` fault waits before
    /// answering.
    #[must_use]
    pub fn fault_delay(mut self, fault_delay: Duration) -> Self {
        self.fault_delay = fault_delay;
        self
    }
}

/// The path under which a country is served: the path of its documented sandbox URL
/// (`/indonesia-pay`, `/mex-pay`), or `/<code>` where the docs give none.
pub fn base_path(country: &CountryDescriptor) -> String {
    country
        .sandbox_base_url
        .and_then(|url| url.split("://").nth(1))
        .and_then(|rest| {
            rest.find('/')
                .map(|i| rest[i..].trim_end_matches('/').to_string())
        })
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| format!("/{}", country.code))
}

pub(crate) struct Shared {
    pub(crate) config: MockConfig,
    pub(crate) countries: &'static [&'static CountryDescriptor],
    pub(crate) ledger: Mutex<state::Ledger>,
    pub(crate) faults: Mutex<faults::Armed>,
    pub(crate) addr: SocketAddr,
    pub(crate) origin: String,
    pub(crate) http: reqwest::Client,
}

/// A running sandbox; dropping it stops the server.
pub struct MockGateway {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: watch::Sender<bool>,
}

impl MockGateway {
    /// Starts serving `countries` (a country crate's `&[&COUNTRY]`, or every country of
    /// `paypro_all::COUNTRIES`). The sandbox depends on no country crate: it is driven by
    /// the descriptors it is given.
    pub async fn start(
        config: MockConfig,
        countries: &'static [&'static CountryDescriptor],
    ) -> std::io::Result<MockGateway> {
        let listener = tokio::net::TcpListener::bind(config.bind).await?;
        let addr = listener.local_addr()?;
        // Callbacks never follow a redirect: a receiver could send them to the admin endpoints.
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(std::io::Error::other)?;
        let serve_limits = limits::ServeLimits {
            max_connections: config.max_connections,
            header_read_timeout: config.header_read_timeout,
            request_timeout: config.request_timeout,
        };
        let shared = Arc::new(Shared {
            ledger: Mutex::new(state::Ledger::new(config.max_orders)),
            config,
            countries,
            faults: Mutex::default(),
            addr,
            origin: format!("http://{addr}"),
            http,
        });
        let app = server::router(shared.clone());
        let (stop, stopped) = watch::channel(false);
        tokio::spawn(limits::serve(listener, app, serve_limits, stopped));
        Ok(MockGateway { addr, shared, stop })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> &str {
        &self.shared.origin
    }

    /// A country's base URL (`http://127.0.0.1:PORT/indonesia-pay`), to give the client.
    pub fn base_url(&self, country: &str) -> Option<String> {
        self.shared
            .countries
            .iter()
            .find(|c| c.code == country)
            .map(|c| format!("{}{}", self.shared.origin, base_path(c)))
    }

    /// Every country with its base URL.
    pub fn base_urls(&self) -> Vec<(&'static str, String)> {
        self.shared
            .countries
            .iter()
            .map(|c| (c.code, format!("{}{}", self.shared.origin, base_path(c))))
            .collect()
    }

    /// An order, by country, kind and the merchant's `tradeNo` (any merchant). `None` also
    /// when the sandbox's state is broken (see [`codes::BROKEN`]).
    pub fn order(&self, country: &str, kind: Kind, trade_no: &str) -> Option<Order> {
        let ledger = self.shared.ledger().ok()?;
        ledger
            .orders
            .values()
            .find(|o| o.country == country && o.kind == kind && o.trade_no == trade_no)
            .cloned()
    }

    /// How many create requests (pay-in, cashier page or payout) for `trade_no` of `kind`
    /// reached the sandbox in `country` (any merchant), duplicates refused `9409` included: a
    /// client that never sends an order twice shows at most 1. 0 also when the sandbox's state
    /// is broken.
    pub fn create_requests(&self, country: &str, kind: Kind, trade_no: &str) -> u32 {
        let Ok(ledger) = self.shared.ledger() else {
            return 0;
        };
        ledger
            .create_requests
            .iter()
            .filter(|((c, _, k, t), _)| c == country && *k == kind as u8 && t == trade_no)
            .map(|(_, n)| *n)
            .sum()
    }

    /// A merchant's balances in a country.
    pub fn balance(&self, country: &str, merchant_no: &str) -> Result<Balance, Refusal> {
        let initial = self.shared.initial_balance(merchant_no);
        let mut ledger = self.shared.ledger()?;
        Ok(*ledger.balance_mut(country, merchant_no, initial))
    }

    /// The callback delivery attempts kept (the last [`MockConfig::max_orders`](field@MockConfig::max_orders)), oldest first.
    pub fn deliveries(&self) -> Result<Vec<Delivery>, Refusal> {
        Ok(self.shared.ledger()?.deliveries.iter().cloned().collect())
    }

    /// Arms `fault` for the next `count` pay-ins, payouts or hosted-page orders (for a callback
    /// fault: the callbacks of the next `count` orders), as `POST /_admin/faults` does.
    pub fn inject_fault(&self, fault: Fault, count: u32) -> Result<(), Refusal> {
        self.shared.faults()?.arm(fault, count, None);
        Ok(())
    }

    /// How many requests followed the `redirect` fault's `307` (a client that follows
    /// redirects re-sends its signed request).
    pub fn redirects_followed(&self) -> Result<u64, Refusal> {
        Ok(self.shared.faults()?.redirects_followed)
    }

    /// Delivers a final order's callback again (with Paypro's retries), as
    /// `POST /_admin/resend/...` and the dashboard's button do. Refused `9414` while the
    /// order is processing, `9422` when it has no `notifyUrl`.
    pub fn resend_callback(
        &self,
        country: &str,
        kind: Kind,
        trade_no: &str,
    ) -> Result<(), Refusal> {
        let id = self
            .order(country, kind, trade_no)
            .map(|o| o.id)
            .ok_or_else(|| Refusal::new(codes::NOT_FOUND, format!("no order `{trade_no}`")))?;
        server::resend(&self.shared, &id)
    }

    /// Breaks the sandbox's state the way a panic while it is being changed does, so that
    /// tests can see every endpoint report it. Only with the `test-hooks` feature, which
    /// paypro-rs's own test support turns on (`paypro_testkit::break_sandbox_state`).
    #[cfg(feature = "test-hooks")]
    #[doc(hidden)]
    pub fn break_state_for_tests(&self) {
        let shared = self.shared.clone();
        let _ = std::thread::spawn(move || {
            let _held = shared.ledger.lock();
            panic!("paypro-mock: state broken on purpose by a test");
        })
        .join();
    }

    /// Forces a processing order's final status (any status code) and sends its callback.
    pub fn settle(
        &self,
        country: &str,
        kind: Kind,
        trade_no: &str,
        status: &str,
    ) -> Result<(), Refusal> {
        let id = self
            .order(country, kind, trade_no)
            .map(|o| o.id)
            .ok_or_else(|| Refusal::new(codes::NOT_FOUND, format!("no order `{trade_no}`")))?;
        server::settle(&self.shared, &id, Some(status))
    }
}

impl Drop for MockGateway {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

impl Shared {
    /// The ledger, or the `9500` refusal when a panic broke it: every endpoint reports it.
    pub(crate) fn ledger(&self) -> Result<MutexGuard<'_, state::Ledger>, Refusal> {
        self.ledger.lock().map_err(|_| broken())
    }

    /// The armed faults (the same `9500` when the ledger or they are broken).
    pub(crate) fn faults(&self) -> Result<MutexGuard<'_, faults::Armed>, Refusal> {
        if self.ledger.is_poisoned() {
            return Err(broken());
        }
        self.faults.lock().map_err(|_| broken())
    }

    pub(crate) fn secret(&self, merchant_no: &str) -> Option<Secret> {
        self.config
            .merchants
            .iter()
            .find(|m| m.merchant_no == merchant_no)
            .map(|m| m.secret.clone())
    }

    pub(crate) fn initial_balance(&self, merchant_no: &str) -> u64 {
        self.config
            .merchants
            .iter()
            .find(|m| m.merchant_no == merchant_no)
            .map_or(0, |m| m.initial_balance)
    }
}

fn broken() -> Refusal {
    Refusal::new(
        codes::BROKEN,
        "the sandbox's state is broken (a panic while it was being changed); restart the sandbox",
    )
}
