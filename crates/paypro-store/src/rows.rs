//! What the store keeps, as an operator or a handler reads it.

use paypro_core::notify::Flow;
use paypro_core::order::{Action, Order};

/// Where an order's creation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Submission {
    /// Registered without being sent through the library (the merchant sent it, or it is a
    /// key of the merchant's own).
    Registered,
    /// Recorded, with its exact request, before the first byte left; its outcome is not
    /// recorded (the process may have died during the call). Never sent again: the reconciler
    /// queries it.
    Sending,
    /// Paypro accepted it (or a callback or query proved it exists).
    Accepted,
    /// Paypro refused it, or it never left: nothing happened; the order is failed.
    Refused,
    /// The answer did not prove a refusal: money may have moved. Never sent again: the
    /// reconciler queries it.
    Uncertain,
}

impl Submission {
    /// The stored name: `registered`, `sending`, `accepted`, `refused`, `uncertain`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Submission::Registered => "registered",
            Submission::Sending => "sending",
            Submission::Accepted => "accepted",
            Submission::Refused => "refused",
            Submission::Uncertain => "uncertain",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Submission> {
        [
            Submission::Registered,
            Submission::Sending,
            Submission::Accepted,
            Submission::Refused,
            Submission::Uncertain,
        ]
        .into_iter()
        .find(|v| v.as_str() == s)
    }
}

/// Splits a key made by [`Flow::order_key`] into its flow and `tradeNo`; a key of the
/// merchant's own has no flow.
pub fn split_key(key: &str) -> (Option<Flow>, &str) {
    for flow in [Flow::PayIn, Flow::Payout] {
        if let Some(trade_no) = key
            .strip_prefix(flow.as_str())
            .and_then(|rest| rest.strip_prefix(':'))
        {
            return (Some(flow), trade_no);
        }
    }
    (None, key)
}

/// One order as the store keeps it, for an operator.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct OrderRecord {
    /// The key (`pay-in:<tradeNo>`).
    pub key: String,
    /// Pay-in or payout, when the key says.
    pub flow: Option<Flow>,
    /// The merchant's order number.
    pub trade_no: String,
    /// The expected amount and the state.
    pub order: Order,
    /// Where its creation stands.
    pub submission: Submission,
    /// The endpoint it was sent to, when the library sent it.
    pub endpoint: Option<String>,
    /// The exact body sent (its `sign` included), when the library sent it.
    pub request: Option<String>,
    /// Why the send was refused or uncertain.
    pub send_error: Option<String>,
    /// When it was created, milliseconds since the epoch.
    pub created_ms: i64,
    /// When it last changed.
    pub updated_ms: i64,
    /// When the reconciler will next query it; `None` when it is final or needs a person.
    pub check_after_ms: Option<i64>,
    /// How many queries did not settle it.
    pub checks: i64,
    /// The last query's error.
    pub last_check_error: Option<String>,
    /// Why a person must look at it (the reconciler gave up).
    pub needs_person: Option<String>,
}

/// One action from the outbox, handed to the merchant's handler.
///
/// Perform it idempotently with [`PendingAction::idempotency_key`]: delivery is at least once
/// (a worker that dies after performing and before marking it done leaves it to another, which
/// performs it again with the same key).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PendingAction {
    /// The action's id: stable across every attempt.
    pub id: i64,
    /// The order's key.
    pub key: String,
    /// Pay-in or payout, when the key says.
    pub flow: Option<Flow>,
    /// The merchant's order number.
    pub trade_no: String,
    /// What to do.
    pub action: Action,
    /// The status code of the callback or query answer that decided it.
    pub status: String,
    /// When it was decided, milliseconds since the epoch.
    pub at_ms: i64,
    /// How many times it was claimed, this attempt included.
    pub attempts: i64,
    /// The last attempt's error.
    pub last_error: Option<String>,
    /// When it was performed; `None` while pending.
    pub done_ms: Option<i64>,
}

impl PendingAction {
    /// A key that is the same for every attempt at this action: `paypro-action-<id>`. Pass it
    /// to whatever performs the action (a fulfilment API's idempotency key, a unique column).
    pub fn idempotency_key(&self) -> String {
        format!("paypro-action-{}", self.id)
    }

    /// Whether this is a conflict to look at (an `Ignore` kept for a person), not something to
    /// perform.
    pub fn is_alert(&self) -> bool {
        matches!(self.action, Action::Ignore(_))
    }
}

/// An order the reconciler has claimed to query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DueOrder {
    pub key: String,
    pub flow: Flow,
    pub trade_no: String,
}

/// Which orders an operator lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum OrderFilter {
    /// Every order.
    All,
    /// Orders that are not final (open, partly paid, unproven, being sent or uncertain).
    Open,
    /// Orders the reconciler gave up on.
    NeedsPerson,
}
