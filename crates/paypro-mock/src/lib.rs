#![doc = include_str!("../README.md")]
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use paypro_mock::{MockConfig, MockGateway};
//! let gateway = MockGateway::start(MockConfig::default()).await?;
//! let base_url = gateway.base_url("id").unwrap(); // http://127.0.0.1:PORT/indonesia-pay
//! # let _ = base_url;
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use paypro_core::Secret;
use paypro_core::descriptor::CountryDescriptor;
use paypro_core::protocol::{TEST_MERCHANT_NO, TEST_SECRET};
use tokio::sync::oneshot;

pub mod checks;
mod deliver;
mod respond;
mod server;
pub mod state;
mod time;

pub use checks::{Refusal, codes};
pub use state::{Balance, Delivery, Kind, Order};

/// A merchant the sandbox knows.
#[derive(Clone, Debug)]
pub struct Merchant {
    /// Sent as the `merchantNo` header.
    pub merchant_no: String,
    /// Signs requests and callbacks.
    pub secret: Secret,
    /// Available balance in every country at the start, whole units.
    pub initial_balance: u64,
}

/// How the sandbox behaves.
#[derive(Clone, Debug)]
pub struct MockConfig {
    /// Where to listen; `127.0.0.1:0` (a free port) by default.
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
    /// The largest request body accepted. Default 64 KiB.
    pub max_body_bytes: usize,
}

impl Default for MockConfig {
    fn default() -> Self {
        MockConfig {
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            merchants: vec![Merchant {
                merchant_no: TEST_MERCHANT_NO.to_string(),
                secret: Secret::new(TEST_SECRET).expect("the test secret is not blank"),
                initial_balance: 1_000_000,
            }],
            settle_after: Duration::from_millis(200),
            time_factor: 1.0,
            odd_field_names: false,
            max_body_bytes: 64 * 1024,
        }
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
    pub(crate) origin: String,
    pub(crate) http: reqwest::Client,
}

/// A running sandbox; dropping it stops the server.
pub struct MockGateway {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Option<oneshot::Sender<()>>,
}

impl MockGateway {
    /// Starts serving every country of [`paypro_all::COUNTRIES`].
    pub async fn start(config: MockConfig) -> std::io::Result<MockGateway> {
        Self::start_with(config, paypro_all::COUNTRIES).await
    }

    /// Starts serving `countries`.
    pub async fn start_with(
        config: MockConfig,
        countries: &'static [&'static CountryDescriptor],
    ) -> std::io::Result<MockGateway> {
        let listener = tokio::net::TcpListener::bind(config.bind).await?;
        let addr = listener.local_addr()?;
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(std::io::Error::other)?;
        let shared = Arc::new(Shared {
            config,
            countries,
            ledger: Mutex::new(state::Ledger::default()),
            origin: format!("http://{addr}"),
            http,
        });
        let app = server::router(shared.clone());
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Ok(MockGateway {
            addr,
            shared,
            stop: Some(stop),
        })
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

    /// An order, by country, kind and the merchant's `tradeNo` (any merchant).
    pub fn order(&self, country: &str, kind: Kind, trade_no: &str) -> Option<Order> {
        let ledger = self.shared.ledger.lock().ok()?;
        ledger
            .orders
            .values()
            .find(|o| o.country == country && o.kind == kind && o.trade_no == trade_no)
            .cloned()
    }

    /// A merchant's balances in a country.
    pub fn balance(&self, country: &str, merchant_no: &str) -> Balance {
        let initial = self.shared.initial_balance(merchant_no);
        self.shared
            .ledger
            .lock()
            .map(|mut l| *l.balance_mut(country, merchant_no, initial))
            .unwrap_or_default()
    }

    /// Every callback delivery attempt so far.
    pub fn deliveries(&self) -> Vec<Delivery> {
        self.shared
            .ledger
            .lock()
            .map(|l| l.deliveries.clone())
            .unwrap_or_default()
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
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl Shared {
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
