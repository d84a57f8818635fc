//! The blocking client (feature `blocking`), for programs without an async runtime.
//!
//! Same configuration, errors, retry rules and reconciliation as the async [`super::Client`].
//! Do not call it from inside an async runtime (reqwest's blocking client runs its own).

use std::io::Read;
use std::sync::Arc;
use std::time::Instant;

use super::{Config, ConfigError, Error, ReconcileOptions, Reconciled, Reply};
use super::{decode, reconcile, record, resolve_base_url, retryable};
use crate::descriptor::CountryDescriptor;
use crate::{Endpoint, PreparedRequest, Status};

/// A blocking client for one country's gateway. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    http: reqwest::blocking::Client,
    base_url: String,
    country: &'static CountryDescriptor,
    config: Config,
}

impl Client {
    /// A client for `country`; see [`super::Client::new`]. A custom
    /// [`Config::http_client`] is async and is not used here.
    pub fn new(country: &'static CountryDescriptor, config: Config) -> Result<Self, ConfigError> {
        let base_url = resolve_base_url(country, &config)?;
        let http = reqwest::blocking::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            .user_agent(super::USER_AGENT)
            .build()
            .map_err(ConfigError::Http)?;
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

    /// Signs and sends `request`; see [`super::Client::send`].
    pub fn send<E: Endpoint>(&self, request: &E) -> Result<Reply<E::Response>, Error> {
        let (policy, span) =
            super::preflight(self.inner.country, self.inner.config.retry, request)?;
        let started = Instant::now();
        let mut attempt = 1;
        let result = loop {
            let result = span.in_scope(|| self.send_once(request));
            match result {
                Err(ref e) if retryable(e) && attempt < policy.max_attempts => {
                    tracing::warn!(parent: &span, attempt, error = %e, "retrying a read-only call");
                    std::thread::sleep(policy.delay(attempt));
                    attempt += 1;
                }
                other => break other,
            }
        };
        record(&span, attempt, started.elapsed(), &result);
        result
    }

    fn send_once<E: Endpoint>(&self, request: &E) -> Result<Reply<E::Response>, Error> {
        let inner = &self.inner;
        let prepared = PreparedRequest::new(
            request,
            &inner.config.credentials,
            inner.config.clock.now_millis(),
        );
        let mut http = inner
            .http
            .post(format!("{}{}", inner.base_url, prepared.path))
            .body(prepared.body);
        for (name, value) in &prepared.headers {
            http = http.header(*name, value);
        }
        let mut response = http.send().map_err(decode::transport_error)?;
        let status = response.status().as_u16();
        let mut body = decode::BodyBuffer::new(
            inner.config.max_response_bytes,
            response.content_length(),
            status,
        )?;
        let mut chunk = [0u8; 16 * 1024];
        loop {
            match response.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => body.push(&chunk[..n], status)?,
                Err(e) => {
                    let timed_out = e.kind() == std::io::ErrorKind::TimedOut
                        || e.get_ref()
                            .and_then(|i| i.downcast_ref::<reqwest::Error>())
                            .is_some_and(reqwest::Error::is_timeout);
                    return Err(if timed_out {
                        Error::unknown(
                            "timed out while the answer was arriving",
                            Some(Box::new(e) as _),
                        )
                    } else {
                        Error::unreadable(
                            status,
                            &body.bytes,
                            format!("the answer was cut off: {e}"),
                        )
                    });
                }
            }
        }
        decode::decode(status, &body.bytes)
    }

    /// Finds out what happened to an uncertain pay-in or payout; see
    /// [`super::Client::reconcile`].
    pub fn reconcile<Q: Endpoint>(
        &self,
        query: &Q,
        status_of: fn(&Q::Response) -> Option<&Status>,
        options: ReconcileOptions,
    ) -> Result<Reconciled<Q::Response>, Error> {
        let deadline = Instant::now() + options.deadline;
        let mut state = reconcile::State::default();
        loop {
            if let Some(done) = state.observe(self.send(query), status_of) {
                return done;
            }
            if Instant::now() + options.interval > deadline {
                return state.finish();
            }
            std::thread::sleep(options.interval);
        }
    }
}
