//! When the reconciler looks at an order, and how the outbox and the reconciler back off.

use std::time::Duration;

/// The lifecycle's timing, shared by the store, the outbox worker and the reconciler.
///
/// The defaults suit Paypro's callback schedule (8 retries over 24 hours): an accepted order
/// whose callback has not come after [`Settings::check_accepted_after`] is queried, with
/// exponential backoff between queries, and after [`Settings::max_checks`] queries that did
/// not settle it the order is marked "needs a person" with the last error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Settings {
    /// How long after Paypro accepted an order (or it was registered) the reconciler first
    /// queries it, in case its callback is lost. Default 10 minutes.
    pub check_accepted_after: Duration,
    /// How long after an uncertain send (money may have moved) the reconciler first queries
    /// the order. Default 5 s.
    pub check_uncertain_after: Duration,
    /// How long an order may stay `sending` (its creation recorded, its outcome not: the
    /// process died during the call) before the reconciler queries it. Default 60 s, longer
    /// than the client's request time-out.
    pub check_sending_after: Duration,
    /// The first wait between two queries of the same order; it doubles after each query that
    /// does not settle the order. Default 5 s.
    pub min_backoff: Duration,
    /// The longest wait between two queries of the same order. Default 30 minutes.
    pub max_backoff: Duration,
    /// After this many queries that did not settle an order, it needs a person. Default 20
    /// (with the defaults, about 7 hours of backoff).
    pub max_checks: u32,
    /// How long a claimed action, or an order being queried, is reserved for the worker or
    /// reconciler that claimed it. A process that dies holding one leaves it to another after
    /// this long. Default 30 s.
    pub lease: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            check_accepted_after: Duration::from_secs(600),
            check_uncertain_after: Duration::from_secs(5),
            check_sending_after: Duration::from_secs(60),
            min_backoff: Duration::from_secs(5),
            max_backoff: Duration::from_secs(1800),
            max_checks: 20,
            lease: Duration::from_secs(30),
        }
    }
}

impl Settings {
    /// Sets [`Settings::check_accepted_after`].
    pub fn check_accepted_after(mut self, after: Duration) -> Self {
        self.check_accepted_after = after;
        self
    }

    /// Sets [`Settings::check_uncertain_after`].
    pub fn check_uncertain_after(mut self, after: Duration) -> Self {
        self.check_uncertain_after = after;
        self
    }

    /// Sets [`Settings::check_sending_after`].
    pub fn check_sending_after(mut self, after: Duration) -> Self {
        self.check_sending_after = after;
        self
    }

    /// Sets [`Settings::min_backoff`] and [`Settings::max_backoff`].
    pub fn backoff(mut self, min: Duration, max: Duration) -> Self {
        self.min_backoff = min;
        self.max_backoff = max.max(min);
        self
    }

    /// Sets [`Settings::max_checks`] (at least 1).
    pub fn max_checks(mut self, checks: u32) -> Self {
        self.max_checks = checks.max(1);
        self
    }

    /// Sets [`Settings::lease`].
    pub fn lease(mut self, lease: Duration) -> Self {
        self.lease = lease;
        self
    }

    /// The wait after the `n`th failed attempt (1-based): `min_backoff · 2^(n-1)`, at most
    /// `max_backoff`.
    pub fn backoff_after(&self, n: u32) -> Duration {
        let doublings = n.saturating_sub(1).min(30);
        self.min_backoff
            .saturating_mul(1u32 << doublings)
            .min(self.max_backoff)
    }
}

pub(crate) fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}
