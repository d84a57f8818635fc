//! Reconciliation after an uncertain pay-in or payout.

use std::time::Duration;

use super::{Error, Reply};
use crate::Status;

/// How long and how often to query: [`ReconcileOptions::new`] or the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReconcileOptions {
    /// Give up after this long.
    pub deadline: Duration,
    /// Wait this long between queries.
    pub interval: Duration,
}

impl ReconcileOptions {
    /// Query every `interval` until `deadline` has passed.
    pub const fn new(deadline: Duration, interval: Duration) -> Self {
        ReconcileOptions { deadline, interval }
    }
}

impl Default for ReconcileOptions {
    /// One minute, querying every 2 s.
    fn default() -> Self {
        ReconcileOptions {
            deadline: Duration::from_secs(60),
            interval: Duration::from_secs(2),
        }
    }
}

/// What reconciliation found.
///
/// There is no "not found, send it again": the docs define no answer that proves an order does
/// not exist, so a refused or failed query never advises resending a pay-in or payout.
#[derive(Debug)]
#[non_exhaustive]
pub enum Reconciled<T> {
    /// The order exists and its status is final (success, partial payment or failure).
    Final(Reply<T>),
    /// The order exists but was still processing at the deadline; wait for the notification
    /// or reconcile again later.
    Pending(Reply<T>),
    /// No query was answered before the deadline (each was refused, uncertain, unreadable or
    /// unanswered): whether the order exists is still unknown. Do not send it again; reconcile
    /// later, or ask Paypro.
    Undetermined {
        /// The last query's error.
        last_error: Error,
    },
}

impl<T> Reconciled<T> {
    /// The answer that proves the order exists, if one came.
    pub fn reply(&self) -> Option<&Reply<T>> {
        match self {
            Reconciled::Final(reply) | Reconciled::Pending(reply) => Some(reply),
            Reconciled::Undetermined { .. } => None,
        }
    }
}

pub(crate) struct State<T> {
    pending: Option<Reply<T>>,
    error: Option<Error>,
}

impl<T> Default for State<T> {
    fn default() -> Self {
        State {
            pending: None,
            error: None,
        }
    }
}

impl<T> State<T> {
    /// Takes one query's outcome; `Some` when reconciliation is over.
    pub(crate) fn observe(
        &mut self,
        outcome: Result<Reply<T>, Error>,
        status_of: fn(&T) -> Option<&Status>,
    ) -> Option<Result<Reconciled<T>, Error>> {
        match outcome {
            Ok(reply) => match status_of(&reply.data) {
                Some(status) if status.is_final() => return Some(Ok(Reconciled::Final(reply))),
                _ => self.pending = Some(reply),
            },
            Err(e @ Error::Invalid(_)) => return Some(Err(e)),
            Err(e) => self.error = Some(e),
        }
        None
    }

    /// The deadline passed while a query was running: what the answered queries showed.
    pub(crate) fn cut_off(mut self) -> Result<Reconciled<T>, Error> {
        if self.pending.is_none() && self.error.is_none() {
            self.error = Some(Error::unknown(
                "the reconciliation deadline passed while a query was running",
                None,
            ));
        }
        self.finish()
    }

    /// The deadline passed.
    pub(crate) fn finish(self) -> Result<Reconciled<T>, Error> {
        Ok(match (self.pending, self.error) {
            (Some(reply), _) => Reconciled::Pending(reply),
            (None, Some(last_error)) => Reconciled::Undetermined { last_error },
            (None, None) => Reconciled::Undetermined {
                last_error: Error::unknown("no query was answered before the deadline", None),
            },
        })
    }
}
