//! Reconciliation after an uncertain pay-in or payout.

use std::time::Duration;

use super::{Error, Reply};
use crate::Status;

/// How long and how often to query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReconcileOptions {
    /// Give up after this long.
    pub deadline: Duration,
    /// Wait this long between queries.
    pub interval: Duration,
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
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Reconciled<T> {
    /// The order exists and its status is final (success, partial payment or failure).
    Final(Reply<T>),
    /// The order exists but was still processing at the deadline; wait for the notification
    /// or reconcile again later.
    Pending(Reply<T>),
    /// Until the deadline Paypro refused every query (the last refusal is kept): it did not know
    /// the order. Send it again with the *same* `tradeNo`: the docs require `tradeNo` to be
    /// unique, so a gateway that enforces it cannot create the order twice. (That the gateway
    /// rejects a reused `tradeNo` is the docs' rule, not something observed; the refusal code is
    /// not documented either.)
    NotFound {
        /// The last refusal's code.
        code: String,
        /// The last refusal's message.
        msg: String,
    },
}

pub(crate) struct State<T> {
    pending: Option<Reply<T>>,
    refused: Option<(String, String)>,
    error: Option<Error>,
}

impl<T> Default for State<T> {
    fn default() -> Self {
        State {
            pending: None,
            refused: None,
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
            Err(Error::Rejected { code, msg, .. }) => self.refused = Some((code, msg)),
            Err(e @ Error::Invalid(_)) => return Some(Err(e)),
            Err(e) => self.error = Some(e),
        }
        None
    }

    /// The deadline passed.
    pub(crate) fn finish(self) -> Result<Reconciled<T>, Error> {
        match (self.pending, self.refused, self.error) {
            (Some(reply), _, _) => Ok(Reconciled::Pending(reply)),
            (None, Some((code, msg)), None) => Ok(Reconciled::NotFound { code, msg }),
            (None, _, Some(e)) => Err(e),
            (None, None, None) => Err(Error::unknown(
                "no query was answered before the deadline",
                None,
            )),
        }
    }
}
