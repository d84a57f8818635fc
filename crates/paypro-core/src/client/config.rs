//! Client configuration.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::clock::{Clock, SystemClock};
use crate::{Credentials, Secret, SecretPlacement};

/// Retries for read-only calls (queries, balance, account verification) after `NotSent` or
/// `Unknown`. Money-moving calls ignore it: they are never retried automatically.
///
/// The delay before retry *n* is `initial_delay * 2^(n-1)`, capped at `max_delay`; each retry
/// is signed afresh with a new timestamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Attempts in all, the first included; 1 means no retry.
    pub max_attempts: u32,
    /// The first delay.
    pub initial_delay: Duration,
    /// The largest delay.
    pub max_delay: Duration,
}

impl RetryPolicy {
    /// `max_attempts` in all (the first included), waiting `initial_delay`, doubling, at most
    /// `max_delay`.
    pub const fn new(max_attempts: u32, initial_delay: Duration, max_delay: Duration) -> Self {
        RetryPolicy {
            max_attempts,
            initial_delay,
            max_delay,
        }
    }

    /// No retries.
    pub const NONE: RetryPolicy = RetryPolicy {
        max_attempts: 1,
        initial_delay: Duration::ZERO,
        max_delay: Duration::ZERO,
    };

    /// The default: 3 attempts, 200 ms then 400 ms apart (at most 2 s).
    pub const DEFAULT: RetryPolicy = RetryPolicy {
        max_attempts: 3,
        initial_delay: Duration::from_millis(200),
        max_delay: Duration::from_secs(2),
    };

    /// The delay after failed attempt `attempt` (1-based).
    pub fn delay(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt.saturating_sub(1));
        self.initial_delay
            .saturating_mul(factor)
            .min(self.max_delay)
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::DEFAULT
    }
}

/// How to reach Paypro and as whom.
///
/// Defaults: connect time-out 5 s, request time-out 30 s (from sending to the last byte of
/// the answer), [`RetryPolicy::DEFAULT`] for reads, response bodies up to 1 MiB, the system
/// clock, and the country's sandbox URL where the docs give one (Mexico, Indonesia); for the
/// other countries a base URL must be set.
///
/// `Debug` never shows the secret:
///
/// ```
/// use paypro_core::{client::Config, Secret};
/// let config = Config::new("8729248847", Secret::new("top-secret")?);
/// assert!(!format!("{config:?}").contains("top-secret"));
/// # Ok::<(), paypro_core::SecretError>(())
/// ```
#[derive(Clone)]
pub struct Config {
    pub(crate) base_url: Option<String>,
    pub(crate) credentials: Credentials,
    pub(crate) connect_timeout: Duration,
    pub(crate) request_timeout: Duration,
    pub(crate) http: Option<reqwest::Client>,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) retry: RetryPolicy,
    pub(crate) max_response_bytes: usize,
}

impl Config {
    /// The default connect time-out.
    pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
    /// The default request time-out.
    pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
    /// The default response size limit.
    pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 1024 * 1024;

    /// A configuration for one merchant with the defaults above.
    pub fn new(merchant_no: impl Into<String>, secret: Secret) -> Self {
        Config {
            base_url: None,
            credentials: Credentials::new(merchant_no, secret),
            connect_timeout: Self::DEFAULT_CONNECT_TIMEOUT,
            request_timeout: Self::DEFAULT_REQUEST_TIMEOUT,
            http: None,
            clock: Arc::new(SystemClock),
            retry: RetryPolicy::DEFAULT,
            max_response_bytes: Self::DEFAULT_MAX_RESPONSE_BYTES,
        }
    }

    /// The gateway's base URL, e.g. `https://openapi-test.paypro.tech/indonesia-pay`;
    /// endpoint paths are appended to it.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// How long to wait for a connection (ignored with [`Config::http_client`]: set it there).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long to wait for the whole answer once connected.
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    /// Reuse an existing `reqwest::Client` (and its connection pool). It is reqwest **0.13**'s
    /// (the SDK re-exports no part of reqwest): depend on `reqwest = "0.13"` to build one.
    ///
    /// **It must not follow redirects**: build it with
    /// `.redirect(reqwest::redirect::Policy::none())`. A redirect followed by the client would
    /// send the signed body again, perhaps to another host; the SDK notices when the answer
    /// came from another URL and reports [`super::Error::Unreadable`] (money may have moved),
    /// but cannot undo the second request. The clients the SDK builds never follow redirects.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Where timestamps come from.
    pub fn clock(mut self, clock: impl Clock) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Retries for read-only calls; [`RetryPolicy::NONE`] turns them off.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The largest response body accepted; larger ones are an error, never an allocation.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Where the signing rule puts the app secret in every request this client signs (the
    /// spec's [`SecretPlacement::SPEC`] unless set). Change it only when the gateway refuses
    /// the spec's rule and accepts this one: `paypro doctor CC` tells which.
    pub fn secret_placement(mut self, placement: SecretPlacement) -> Self {
        let secret = self.credentials.secret().clone().with_placement(placement);
        self.credentials = Credentials::new(self.credentials.merchant_no(), secret);
        self
    }

    /// The credentials.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field(
                "base_url",
                &self.base_url.as_deref().map(crate::untrusted::url),
            )
            .field("credentials", &self.credentials)
            .field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("custom_http_client", &self.http.is_some())
            .field("retry", &self.retry)
            .field("max_response_bytes", &self.max_response_bytes)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_caps() {
        let p = RetryPolicy::DEFAULT;
        assert_eq!(p.delay(1), Duration::from_millis(200));
        assert_eq!(p.delay(2), Duration::from_millis(400));
        assert_eq!(p.delay(5), Duration::from_secs(2));
        assert_eq!(p.delay(100), Duration::from_secs(2));
    }
}
