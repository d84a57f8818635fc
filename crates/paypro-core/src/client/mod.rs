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
    base_url: BaseUrl,
    country: &'static CountryDescriptor,
    config: config::Config,
}

/// The base URL, parsed and normalised once (the WHATWG parser reqwest uses: lowercase scheme
/// and host, default port dropped, IPv4 and IDN hosts in canonical form, dot segments
/// resolved, trailing slashes dropped), so the URL a request is sent to is compared with
/// reqwest's as parsed URLs, never as text.
#[derive(Clone, Debug)]
pub(crate) struct BaseUrl {
    url: url::Url,
    text: String,
    /// The country's endpoints' URLs ([`BaseUrl::join`]), joined once: joining re-parses the
    /// path, a tenth of a call's own work.
    joined: Vec<(&'static str, url::Url)>,
}

impl BaseUrl {
    /// Checks and normalises `given`.
    pub(crate) fn parse(given: &str) -> Result<Self, ConfigError> {
        let bad = |reason: &str| ConfigError::BadBaseUrl {
            url: crate::untrusted::url(given),
            reason: reason.to_string(),
        };
        let mut url = url::Url::parse(given.trim())
            .map_err(|e| bad(&format!("it is not an absolute URL ({e})")))?;
        if !matches!(url.scheme(), "https" | "http") {
            return Err(bad("it must start with https:// or http://"));
        }
        // The WHATWG parser forgives `https:///h` and `https:h`; a base URL is written out.
        let written = given.trim().split_once("://").map(|(_, rest)| rest);
        if url.host_str().is_none_or(str::is_empty)
            || written.is_none_or(|rest| rest.is_empty() || rest.starts_with(['/', '\\']))
        {
            return Err(bad("it has no host"));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(bad(
                "it must not contain a user name or password (the merchant number and secret authenticate)",
            ));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(bad("it must not contain a query or a fragment"));
        }
        let path = url.path().trim_end_matches('/').to_string();
        url.set_path(&path);
        let text = url.as_str().trim_end_matches('/').to_string();
        Ok(BaseUrl {
            url,
            text,
            joined: Vec::new(),
        })
    }

    /// The normalised text, without a trailing slash.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The URL of the endpoint at `path` (which starts with `/`).
    pub(crate) fn join(&self, path: &str) -> url::Url {
        let mut url = self.url.clone();
        let mut full = String::with_capacity(url.path().len() + path.len());
        full.push_str(url.path().trim_end_matches('/'));
        full.push_str(path);
        url.set_path(&full);
        url
    }

    /// With the URLs of the endpoints at `paths` joined in advance.
    pub(crate) fn with_paths(mut self, paths: impl IntoIterator<Item = &'static str>) -> Self {
        self.joined = paths.into_iter().map(|p| (p, self.join(p))).collect();
        self
    }

    /// [`BaseUrl::join`], borrowed where it was joined in advance.
    pub(crate) fn url(&self, path: &str) -> std::borrow::Cow<'_, url::Url> {
        match self.joined.iter().find(|(p, _)| *p == path) {
            Some((_, url)) => std::borrow::Cow::Borrowed(url),
            None => std::borrow::Cow::Owned(self.join(path)),
        }
    }
}

/// Checks and normalises the base URL (the country's sandbox where none is given).
pub(crate) fn resolve_base_url(
    country: &'static CountryDescriptor,
    config: &Config,
) -> Result<BaseUrl, ConfigError> {
    match (&config.base_url, country.sandbox_base_url) {
        (Some(url), _) => BaseUrl::parse(url),
        (None, Some(sandbox)) => BaseUrl::parse(sandbox),
        (None, None) => Err(ConfigError::NoBaseUrl {
            country: country.name,
        }),
    }
    .map(|base| base.with_paths(country.endpoints.iter().map(|e| e.path)))
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

    /// The base URL in use, normalised (lowercase scheme and host, no default port, no
    /// trailing slash).
    pub fn base_url(&self) -> &str {
        self.inner.base_url.as_str()
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
        let url = inner.base_url.url(prepared.path);
        // The spec's method (`protocol::METHOD`); a method reqwest cannot name is a bug in
        // spec/common.toml, caught by every client test.
        let method = reqwest::Method::from_bytes(prepared.method.as_bytes())
            .expect("protocol::METHOD is an HTTP method");
        let mut http = inner
            .http
            .request(method, url.clone().into_owned())
            .timeout(inner.config.request_timeout)
            .body(prepared.body);
        for (name, value) in &prepared.headers {
            http = http.header(*name, &**value);
        }
        let mut response = http.send().await.map_err(decode::transport_error)?;
        let status = response.status().as_u16();
        let answerer = decode::Answerer::of(response.headers());
        if response.url() != &*url {
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
        decode::decode(status, &body.bytes, E::DESCRIPTOR.unaccepted, answerer)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The URL a request goes to is the one reqwest sends to, whichever way the base URL was
    /// written: the redirect check compares the two.
    #[test]
    fn the_endpoint_url_is_the_one_reqwest_sends_to() {
        let http = reqwest::Client::new();
        for (given, normalised) in [
            ("https://H.Example.COM:443/", "https://h.example.com"),
            (
                "HTTPS://h.example.com/mex-pay//",
                "https://h.example.com/mex-pay",
            ),
            (
                "http://h.example.com:80/a/./b/../c/",
                "http://h.example.com/a/c",
            ),
            ("https://h.example.com:8443", "https://h.example.com:8443"),
            (
                "https://bücher.example/pay",
                "https://xn--bcher-kva.example/pay",
            ),
            ("http://[::1]:9090/", "http://[::1]:9090"),
            ("http://0x7f.1:9090", "http://127.0.0.1:9090"),
            (" https://h.example.com ", "https://h.example.com"),
        ] {
            let base = BaseUrl::parse(given).unwrap_or_else(|e| panic!("{given}: {e}"));
            assert_eq!(base.as_str(), normalised, "{given}");
            let url = base.join("/v1/pay");
            assert_eq!(url.as_str(), format!("{normalised}/v1/pay"), "{given}");
            // Joined in advance as on demand; a path not joined in advance is joined then.
            let paths = ["/v1/pay", "/api/payment/query", "/"];
            let joined = base.clone().with_paths(paths);
            for path in paths.into_iter().chain(["/v2/other"]) {
                assert_eq!(*joined.url(path), base.join(path), "{given}{path}");
            }
            assert!(matches!(
                joined.url("/v1/pay"),
                std::borrow::Cow::Borrowed(_)
            ));
            let request = http.post(url.clone()).build().unwrap();
            assert_eq!(request.url(), &url, "{given}");
        }
    }

    #[test]
    fn unusable_base_urls_are_refused_without_echoing_a_password() {
        for given in [
            "ftp://x",
            "https://",
            "https:///path",
            "https:h.example",
            "http:\\\\h.example",
            "http://host/path?x=1",
            "http://host/path?",
            "http://host/#top",
            "openapi.paypro.tech",
            "",
            "https://user:hunter2@h.example/",
            "https://user@h.example/",
            "https://user:hunter2@bad host/",
            "https://user:hunter2@h.example:99999/",
        ] {
            match BaseUrl::parse(given) {
                Err(e @ ConfigError::BadBaseUrl { .. }) => {
                    assert!(!e.to_string().contains("hunter2"), "{e}")
                }
                other => panic!("{given}: {other:?}"),
            }
        }
    }
}
