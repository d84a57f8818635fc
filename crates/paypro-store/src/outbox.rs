//! The outbox worker: performs committed actions with the merchant's handler, at least once.

use std::fmt::Display;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use crate::lifecycle::Wake;
use crate::ops::Ops;
use crate::rows::PendingAction;
use crate::{AnyStore, StoreError};

/// What the merchant does with an action: deliver the goods, record the payout, mark the order
/// failed, or alert a person. Any `Fn(PendingAction) -> impl Future<Output = Result<(), E>>`
/// is one.
///
/// It must be idempotent by [`PendingAction::idempotency_key`]: delivery is at least once. An
/// `Err` (or a handler that outlives the lease) is retried after a backoff.
pub trait Handler: Send + Sync {
    /// Why performing failed.
    type Error: Display + Send;

    /// Performs `action`.
    fn perform(
        &self,
        action: PendingAction,
    ) -> impl Future<Output = Result<(), Self::Error>> + Send;
}

impl<F, Fut, E> Handler for F
where
    F: Fn(PendingAction) -> Fut + Send + Sync,
    Fut: Future<Output = Result<(), E>> + Send,
    E: Display + Send,
{
    type Error = E;

    fn perform(&self, action: PendingAction) -> impl Future<Output = Result<(), E>> + Send {
        self(action)
    }
}

/// Performs the outbox's actions (see [`crate::Lifecycle::worker`]).
///
/// Each pass claims up to [`Worker::batch`] due actions with a lease
/// ([`crate::Settings::lease`]: `FOR UPDATE SKIP LOCKED` on Postgres, a short `BEGIN
/// IMMEDIATE` on SQLite), hands each to the handler in the order they were decided, and marks
/// it done, or failed with a backoff. Several workers, in one process or many, share the
/// outbox; a worker that dies leaves its claimed actions to another once the lease runs out.
#[derive(Debug)]
pub struct Worker {
    store: Arc<AnyStore>,
    wake: Arc<Wake>,
    batch: usize,
    poll: Duration,
}

/// What one pass of the worker did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Performed {
    /// Actions the handler performed.
    pub done: usize,
    /// Actions the handler failed (retried later).
    pub failed: usize,
}

impl Worker {
    pub(crate) fn new(store: Arc<AnyStore>, wake: Arc<Wake>) -> Worker {
        Worker {
            store,
            wake,
            batch: 32,
            poll: Duration::from_secs(1),
        }
    }

    /// How many actions one pass claims. Default 32.
    pub fn batch(mut self, n: usize) -> Self {
        self.batch = n.max(1);
        self
    }

    /// How often an idle worker looks for work that other processes recorded. Default 1 s
    /// (this process's own callbacks wake it at once).
    pub fn poll_interval(mut self, every: Duration) -> Self {
        self.poll = every;
        self
    }

    /// One pass: claims the due actions and performs them.
    pub async fn run_once<H: Handler>(&self, handler: &H) -> Result<Performed, StoreError> {
        let settings = *self.store.settings();
        let claimed = self.store.claim_actions(self.batch).await?;
        let mut performed = Performed::default();
        for action in claimed {
            let id = action.id;
            let attempts = action.attempts;
            let outcome = tokio::time::timeout(settings.lease, handler.perform(action)).await;
            let error = match outcome {
                Ok(Ok(())) => None,
                Ok(Err(e)) => Some(e.to_string()),
                Err(_) => Some(format!(
                    "the handler took longer than the lease ({:?})",
                    settings.lease
                )),
            };
            match error {
                None => {
                    self.store.action_done(id).await?;
                    performed.done += 1;
                }
                Some(error) => {
                    let n = u32::try_from(attempts).unwrap_or(u32::MAX);
                    tracing::warn!(action = id, attempts, %error, "an action failed; retrying later");
                    self.store
                        .action_failed(id, &error, settings.backoff_after(n))
                        .await?;
                    performed.failed += 1;
                }
            }
        }
        Ok(performed)
    }

    /// Runs passes until the process ends: at once when this process records an action,
    /// otherwise every [`Worker::poll_interval`]. A store error (the database restarting) is
    /// logged and the pass tried again after the interval.
    pub async fn run<H: Handler>(self, handler: H) {
        loop {
            match self.run_once(&handler).await {
                Ok(p) if p.done + p.failed >= self.batch => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "the outbox worker's pass failed"),
            }
            let _ = tokio::time::timeout(self.poll, self.wake.actions.notified()).await;
        }
    }
}
