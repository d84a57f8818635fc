//! The reconciler: asks Paypro about orders whose outcome is unknown or whose callback is
//! late, and applies the answers as callbacks are applied.

use std::sync::Arc;
use std::time::Duration;

use paypro_core::client::OrderQuery;
use paypro_core::order::Applied;
use tokio::time::Instant;

use crate::decide::kept;
use crate::lifecycle::Wake;
use crate::ops::Ops;
use crate::{AnyStore, StoreError};

/// Queries due orders (see [`crate::Lifecycle::reconciler`]).
///
/// An order is due when it is `sending` past [`crate::Settings::check_sending_after`],
/// `uncertain` past [`crate::Settings::check_uncertain_after`], not final past
/// [`crate::Settings::check_accepted_after`] (a lost callback), hinted by an unsigned callback,
/// or a `0000` without an amount. Each answer with a status goes through the same
/// [`paypro_core::order::Order::apply`] as a callback (a query's `0000` fulfils exactly as a
/// callback's would), in one transaction with its action. An order the answers do not settle
/// is queried again with exponential backoff; after [`crate::Settings::max_checks`] it needs a
/// person, with the last error. It never sends a pay-in or payout.
///
/// Queries are spaced by at least [`Reconciler::min_interval`] (a rate limit), and after
/// consecutive failures the pace halves each time, up to 30 s between queries.
#[derive(Debug)]
pub struct Reconciler<Q> {
    store: Arc<AnyStore>,
    gateway: Q,
    wake: Arc<Wake>,
    batch: usize,
    poll: Duration,
    min_interval: Duration,
}

/// What a pass of the reconciler did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Checked {
    /// Orders queried.
    pub queried: usize,
    /// Queries whose answer was applied (the order may still be processing).
    pub answered: usize,
    /// Queries that failed or carried no status (queried again later, or handed to a person).
    pub failed: usize,
}

/// The longest pause between queries after consecutive failures.
const MAX_PAUSE: Duration = Duration::from_secs(30);

impl<Q: OrderQuery> Reconciler<Q> {
    pub(crate) fn new(store: Arc<AnyStore>, gateway: Q, wake: Arc<Wake>) -> Self {
        Reconciler {
            store,
            gateway,
            wake,
            batch: 16,
            poll: Duration::from_secs(1),
            min_interval: Duration::from_millis(100),
        }
    }

    /// How many due orders one pass claims. Default 16.
    pub fn batch(mut self, n: usize) -> Self {
        self.batch = n.max(1);
        self
    }

    /// How often an idle reconciler looks for due orders. Default 1 s (a hint or an uncertain
    /// send in this process wakes it at once).
    pub fn poll_interval(mut self, every: Duration) -> Self {
        self.poll = every;
        self
    }

    /// The least time between two queries (a rate limit of `1 / min_interval` queries per
    /// second per reconciler). Default 100 ms.
    pub fn min_interval(mut self, interval: Duration) -> Self {
        self.min_interval = interval;
        self
    }

    /// One pass: claims the due orders (each reserved for [`crate::Settings::lease`]) and
    /// queries them one after the other.
    pub async fn run_once(&self) -> Result<Checked, StoreError> {
        let due = self.store.claim_due(self.batch).await?;
        let mut checked = Checked::default();
        let mut next_query = Instant::now();
        let mut failures: u32 = 0;
        for order in due {
            tokio::time::sleep_until(next_query).await;
            checked.queried += 1;
            let answer = self.gateway.query_order(order.flow, &order.trade_no).await;
            let ok = match answer {
                Ok(Some(event)) => {
                    if let Applied::Action(action) =
                        self.store.apply_answer(&order.key, &event).await?
                    {
                        if kept(&action) {
                            self.wake.actions.notify_one();
                        }
                    }
                    checked.answered += 1;
                    true
                }
                Ok(None) => {
                    self.store
                        .check_failed(&order.key, "the query's answer carried no status")
                        .await?;
                    false
                }
                Err(e) => {
                    self.store.check_failed(&order.key, &e.to_string()).await?;
                    false
                }
            };
            failures = if ok { 0 } else { failures + 1 };
            if !ok {
                checked.failed += 1;
            }
            let pause = self
                .min_interval
                .saturating_mul(1u32 << failures.min(16))
                .min(MAX_PAUSE.max(self.min_interval));
            next_query = Instant::now() + pause;
        }
        Ok(checked)
    }

    /// Runs passes until no order is due, calling `progress(done, total)` after each query's
    /// pass (for a progress bar); `total` is what was due at the start plus what became due
    /// since. Returns the sum of the passes.
    pub async fn run_until_idle(
        &self,
        mut progress: impl FnMut(u64, u64),
    ) -> Result<Checked, StoreError> {
        let mut total = self.store.count_due().await?;
        let mut sum = Checked::default();
        progress(0, total);
        loop {
            let pass = self.run_once().await?;
            if pass.queried == 0 {
                return Ok(sum);
            }
            sum.queried += pass.queried;
            sum.answered += pass.answered;
            sum.failed += pass.failed;
            total = total.max(sum.queried as u64);
            progress(sum.queried as u64, total);
        }
    }

    /// Runs passes until the process ends: at once when a hint or an uncertain send wakes it,
    /// otherwise every [`Reconciler::poll_interval`]. A store error is logged and the pass
    /// tried again after the interval.
    pub async fn run(self) {
        loop {
            match self.run_once().await {
                Ok(c) if c.queried >= self.batch => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "the reconciler's pass failed"),
            }
            let _ = tokio::time::timeout(self.poll, self.wake.checks.notified()).await;
        }
    }
}
