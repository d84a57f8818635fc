//! Calling Paypro: one client for every endpoint (feature `client`, on by default).
//!
//! The country crates wrap [`Client`] with one method per endpoint
//! (`paypro_id::Client::pay_in` ...). Errors say what may have happened to the money
//! ([`Error`]); reads are retried within a [`RetryPolicy`], money-moving calls never are; after
//! an uncertain pay-in or payout, [`Client::reconcile`] (a country client's
//! `reconcile_<endpoint>`) finds out what happened.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tracing::Instrument;

use crate::descriptor::{CountryDescriptor, Effect};
use crate::{Endpoint, PreparedRequest, Status};

mod config;
mod decode;
mod error;
mod query;
mod reconcile;

#[cfg(feature = "blocking")]
pub mod blocking;

pub use crate::clock::{Clock, FixedClock, SystemClock};

pub use config::{Config, RetryPolicy};
pub use decode::Reply;
pub use error::{ConfigError, Error};
pub use query::OrderQuery;
pub use reconcile::{ReconcileOptions, Reconciled};
/// The `reqwest` this SDK is built with: its types are part of the API
/// ([`Config::http_client`], [`ConfigError::Http`]), so build a shared client with this one to
/// be sure the versions match.
///
/// ```
/// use paypro_core::client::{reqwest, Config};
/// use paypro_core::Secret;
/// let pool = reqwest::Client::builder()
///     .redirect(reqwest::redirect::Policy::none()) // required: never follow a redirect
///     .build()?;
/// let _config = Config::new("0000000001", Secret::new("app-secret")?).http_client(pool);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub use reqwest;

/// The `User-Agent` of the clients this crate builds.
pub const USER_AGENT: &str = concat!("paypro-rs/", env!("CARGO_PKG_VERSION"));

/// An async client for one country's gateway. Cheap to clone (shared connection pool).
///
/// Use the country crate's `Client` (`paypro_id::Client::new(config)`), which adds one method
/// per endpoint; this one is generic over the endpoint.
#[derive(Clone, Debug)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    http: reqwest::Client,
    base_url: String,
    country: &'static CountryDescriptor,
    config: config::Config,
}

/// Checks and normalises the base URL (the country's sandbox where none is given).
pub(crate) fn resolve_base_url(
    country: &'static CountryDescriptor,
    config: &Config,
) -> Result<String, ConfigError> {
    let url = match (&config.base_url, country.sandbox_base_url) {
        (Some(url), _) => url.clone(),
        (None, Some(sandbox)) => sandbox.to_string(),
        (None, None) => {
            return Err(ConfigError::NoBaseUrl {
                country: country.name,
            });
        }
    };
    let bad = |reason: &str| ConfigError::BadBaseUrl {
        url: url.clone(),
        reason: reason.to_string(),
    };
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| bad("it must start with https:// or http://"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(bad("it has no host"));
    }
    if url.contains(['?', '#', ' ']) {
        return Err(bad("it must not contain a query, a fragment or spaces"));
    }
    Ok(url.trim_end_matches('/').to_string())
}

impl Client {
    /// A client for `country`. Fails when no base URL is set and the docs give none.
    pub fn new(country: &'static CountryDescriptor, config: Config) -> Result<Self, ConfigError> {
        let base_url = resolve_base_url(country, &config)?;
        let http = match &config.http {
            Some(http) => http.clone(),
            None => reqwest::Client::builder()
                .connect_timeout(config.connect_timeout)
                .user_agent(USER_AGENT)
                // A redirect would POST the signed body again, perhaps to another host.
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .map_err(ConfigError::Http)?,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                country,
                config,
            }),
        })
    }

    /// The base URL in use.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The country this client talks to.
    pub fn country(&self) -> &'static CountryDescriptor {
        self.inner.country
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Signs and sends `request`, and reads the answer.
    ///
    /// Read-only endpoints are retried on [`Error::NotSent`] and [`Error::Unknown`] within the
    /// configured [`RetryPolicy`]; money-moving ones are sent exactly once.
    pub async fn send<E: Endpoint>(&self, request: &E) -> Result<Reply<E::Response>, Error> {
        let (policy, span) = preflight(self.inner.country, self.inner.config.retry, request)?;
        let started = Instant::now();
        let mut attempt = 1;
        let result = loop {
            let result = self.send_once(request).instrument(span.clone()).await;
            match result {
                Err(ref e) if retryable(e) && attempt < policy.max_attempts => {
                    tracing::warn!(parent: &span, attempt, error = %e, "retrying a read-only call");
                    tokio::time::sleep(policy.delay(attempt)).await;
                    attempt += 1;
                }
                other => break other,
            }
        };
        record(&span, attempt, started.elapsed(), &result);
        result
    }

    async fn send_once<E: Endpoint>(&self, request: &E) -> Result<Reply<E::Response>, Error> {
        let inner = &self.inner;
        let prepared = PreparedRequest::new(
            request,
            &inner.config.credentials,
            inner.config.clock.now_millis(),
        );
        self.exchange::<E>(prepared).await
    }

    /// Signs `request` with this client's credentials and clock: the exact exchange
    /// [`Client::send_prepared`] sends. A durable sender stores it before sending, so what it
    /// recorded is what left. Refuses an endpoint of another country.
    pub fn prepare<E: Endpoint>(&self, request: &E) -> Result<PreparedRequest, Error> {
        preflight(self.inner.country, self.inner.config.retry, request)?;
        let inner = &self.inner;
        Ok(PreparedRequest::new(
            request,
            &inner.config.credentials,
            inner.config.clock.now_millis(),
        ))
    }

    /// Sends `prepared` (made by [`Client::prepare`] from `request`) **once**, byte for byte,
    /// and reads the answer: no retry, whatever the endpoint, because the stored exchange is the
    /// one that must be the only one. `request` names the endpoint and the order for the span.
    pub async fn send_prepared<E: Endpoint>(
        &self,
        request: &E,
        prepared: PreparedRequest,
    ) -> Result<Reply<E::Response>, Error> {
        let (_, span) = preflight(self.inner.country, self.inner.config.retry, request)?;
        let started = Instant::now();
        let result = self.exchange::<E>(prepared).instrument(span.clone()).await;
        record(&span, 1, started.elapsed(), &result);
        result
    }

    /// One HTTP exchange: `prepared` posted to the base URL, the answer read within the limits
    /// and classified.
    async fn exchange<E: Endpoint>(
        &self,
        prepared: PreparedRequest,
    ) -> Result<Reply<E::Response>, Error> {
        let inner = &self.inner;
        let mut url = String::with_capacity(inner.base_url.len() + prepared.path.len());
        url.push_str(&inner.base_url);
        url.push_str(prepared.path);
        let mut http = inner
            .http
            .post(&url)
            .timeout(inner.config.request_timeout)
            .body(prepared.body);
        for (name, value) in &prepared.headers {
            http = http.header(*name, &**value);
        }
        let mut response = http.send().await.map_err(decode::transport_error)?;
        let status = response.status().as_u16();
        if response.url().as_str() != url {
            // Only a supplied client (Config::http_client) can do this.
            return Err(Error::unreadable(
                status,
                b"",
                format!(
                    "the HTTP client followed a redirect to {}: the signed request may have been processed, perhaps more than once (build it with redirect::Policy::none())",
                    response.url()
                ),
            ));
        }
        let mut body = decode::BodyBuffer::new(
            inner.config.max_response_bytes,
            response.content_length(),
            status,
        )?;
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => body.push(&chunk, status)?,
                Ok(None) => break,
                Err(e) => return Err(body.cut_off(status, e)),
            }
        }
        decode::decode(status, &body.bytes, E::DESCRIPTOR.unaccepted)
    }

    /// Finds out what happened to a pay-in or payout after an uncertain answer
    /// ([`Error::may_have_moved_money`]): sends `query` until the order's status is final or
    /// the deadline passes. `status_of` picks the status out of the query's answer.
    ///
    /// It never concludes that an order does not exist (the docs define no answer that proves
    /// it): when no query is answered, the result is [`Reconciled::Undetermined`] with the last
    /// error. Cost: it ends by `options.deadline` (a query still running then is abandoned),
    /// after at most `deadline / interval + 1` queries, each retried within the
    /// [`RetryPolicy`]; the default is up to 31 queries over one minute. Run it in a background
    /// job, not while a payer waits.
    ///
    /// The country crates wrap this per money-moving endpoint (`reconcile_pay_in(trade_no, ..)`).
    pub async fn reconcile<Q: Endpoint>(
        &self,
        query: &Q,
        status_of: fn(&Q::Response) -> Option<&Status>,
        options: ReconcileOptions,
    ) -> Result<Reconciled<Q::Response>, Error> {
        let deadline = tokio::time::Instant::now() + options.deadline;
        let mut state = reconcile::State::default();
        loop {
            let Ok(outcome) = tokio::time::timeout_at(deadline, self.send(query)).await else {
                return state.cut_off();
            };
            if let Some(done) = state.observe(outcome, status_of) {
                return done;
            }
            if tokio::time::Instant::now() + options.interval >= deadline {
                return state.finish();
            }
            tokio::time::sleep(options.interval).await;
        }
    }
}

/// What every send does before its first attempt: refuse an endpoint of another country, pick
/// the retry policy (none for money-moving endpoints), open the call's span.
fn preflight<E: Endpoint>(
    country: &CountryDescriptor,
    retry: RetryPolicy,
    request: &E,
) -> Result<(RetryPolicy, tracing::Span), Error> {
    let d = E::DESCRIPTOR;
    if d.country != country.code {
        return Err(Error::not_sent(
            format!(
                "`{}` is a {} endpoint but this client talks to {}",
                d.name, d.country, country.code
            ),
            None,
        ));
    }
    let policy = match d.effect {
        Effect::ReadOnly => retry,
        _ => RetryPolicy::NONE,
    };
    Ok((
        policy,
        call_span(country.code, d.name, d.path, request.trade_no()),
    ))
}

fn retryable(e: &Error) -> bool {
    matches!(e, Error::NotSent { .. } | Error::Unknown { .. })
}

/// The span of one call: never the secret, the canonical string or the body.
fn call_span(country: &str, endpoint: &str, path: &str, trade_no: Option<&str>) -> tracing::Span {
    tracing::info_span!(
        "paypro.call",
        country,
        endpoint,
        path,
        trade_no = trade_no.unwrap_or(""),
        attempts = tracing::field::Empty,
        duration_ms = tracing::field::Empty,
        outcome = tracing::field::Empty,
    )
}

fn record<T>(
    span: &tracing::Span,
    attempts: u32,
    elapsed: Duration,
    result: &Result<Reply<T>, Error>,
) {
    let outcome = match result {
        Ok(_) => "accepted",
        Err(Error::Invalid(_)) => "invalid",
        Err(Error::NotSent { .. }) => "not_sent",
        Err(Error::Unknown { .. }) => "unknown",
        Err(Error::Rejected { .. }) => "rejected",
        Err(Error::Uncertain { .. }) => "uncertain",
        Err(Error::Unreadable { .. }) => "unreadable",
    };
    span.record("attempts", attempts);
    span.record("duration_ms", elapsed.as_millis() as u64);
    span.record("outcome", outcome);
    let _guard = span.enter();
    match result {
        Ok(_) => tracing::info!(attempts, outcome, "paypro call finished"),
        Err(e) => tracing::warn!(attempts, outcome, error = %e, "paypro call failed"),
    }
}
