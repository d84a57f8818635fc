//! The operations every backend implements, and what they share: the lifecycle, the outbox
//! worker and the reconciler are written once against this trait.

use std::future::Future;
use std::time::Duration;

use paypro_core::notify::Flow;
use paypro_core::order::{Applied, Event, Order, OrderState};

use crate::StoreError;
use crate::decide::{Row, read, read_action};
use crate::rows::{DueOrder, OrderFilter, OrderRecord, PendingAction, Submission, split_key};
use crate::settings::{Settings, ms};

/// An order about to be sent: recorded, with its exact body, before any byte leaves.
pub(crate) struct BeginSend {
    pub key: String,
    pub flow: Flow,
    pub trade_no: String,
    pub order: Order,
    pub endpoint: &'static str,
    pub body: String,
}

/// What the one send of an order came to.
#[derive(Clone, Debug)]
pub(crate) enum SendOutcome {
    Accepted,
    /// Nothing happened: the order is failed with `code`.
    Refused {
        code: String,
        error: String,
    },
    /// Money may have moved.
    Uncertain {
        error: String,
    },
}

/// What a hint (Kenya's unsigned callback) did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Hint {
    /// No order has this key.
    UnknownOrder,
    /// The order will be queried now.
    Scheduled,
    /// The order is final, needs a person, or cannot be queried (a key without a flow):
    /// nothing to confirm.
    NothingToConfirm,
}

pub(crate) trait Ops: Send + Sync {
    fn settings(&self) -> &Settings;
    fn begin_send(
        &self,
        send: BeginSend,
    ) -> impl Future<Output = Result<Option<Submission>, StoreError>> + Send;
    fn finish_send(
        &self,
        key: &str,
        outcome: SendOutcome,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn hint(&self, key: &str) -> impl Future<Output = Result<Hint, StoreError>> + Send;
    fn apply_answer(
        &self,
        key: &str,
        event: &Event,
    ) -> impl Future<Output = Result<Applied, StoreError>> + Send;
    fn check_failed(
        &self,
        key: &str,
        error: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn claim_due(
        &self,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<DueOrder>, StoreError>> + Send;
    fn claim_actions(
        &self,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<PendingAction>, StoreError>> + Send;
    fn action_done(&self, id: i64) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn action_failed(
        &self,
        id: i64,
        error: &str,
        retry_in: Duration,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    fn record(
        &self,
        key: &str,
    ) -> impl Future<Output = Result<Option<OrderRecord>, StoreError>> + Send;
    fn records(
        &self,
        filter: OrderFilter,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<OrderRecord>, StoreError>> + Send;
    fn actions(
        &self,
        pending_only: bool,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<PendingAction>, StoreError>> + Send;
    fn count_due(&self) -> impl Future<Output = Result<u64, StoreError>> + Send;
}

/// The order row after its one send, or `None` when something else (a callback, a query)
/// already moved it past `sending`. The second value is the send error to keep.
pub(crate) fn after_send(
    key: &str,
    stored: &Row,
    outcome: &SendOutcome,
    now: i64,
    settings: &Settings,
) -> Result<Option<(Row, Option<String>)>, StoreError> {
    if stored.submission != Submission::Sending.as_str() {
        return Ok(None);
    }
    let mut row = stored.clone();
    let error = match outcome {
        SendOutcome::Accepted => {
            row.submission = Submission::Accepted.as_str().into();
            row.check_after_ms = Some(now + ms(settings.check_accepted_after));
            None
        }
        SendOutcome::Refused { code, error } => {
            let order = read(key, &stored.record)?;
            if order.state() == &OrderState::Open {
                let failed =
                    Order::from_parts(order.expected(), OrderState::Failed { code: code.clone() })
                        .map_err(|e| StoreError::Corrupt {
                            key: key.to_string(),
                            reason: e.to_string(),
                        })?;
                row.record = crate::decide::record(&failed);
                row.check_after_ms = None;
            }
            row.submission = Submission::Refused.as_str().into();
            Some(error.clone())
        }
        SendOutcome::Uncertain { error } => {
            row.submission = Submission::Uncertain.as_str().into();
            row.check_after_ms = Some(now + ms(settings.check_uncertain_after));
            Some(error.clone())
        }
    };
    Ok(Some((row, error)))
}

/// What a hint does to an order found with `(check_after_ms, flow)`.
pub(crate) fn hint_of(found: Option<(Option<i64>, Option<String>)>) -> Hint {
    match found {
        None => Hint::UnknownOrder,
        Some((Some(_), Some(_))) => Hint::Scheduled,
        Some(_) => Hint::NothingToConfirm,
    }
}

/// The claimed keys as orders to query: the flow and `tradeNo` are read from the key (the
/// `flow IS NOT NULL` filter already kept only keys that carry them).
pub(crate) fn due_orders(keys: Vec<String>) -> Vec<DueOrder> {
    keys.into_iter()
        .filter_map(|key| {
            let (flow, trade_no) = split_key(&key);
            let flow = flow?;
            let trade_no = trade_no.to_string();
            Some(DueOrder {
                key,
                flow,
                trade_no,
            })
        })
        .collect()
}

/// The `WHERE` clause of an operator's listing (no parameters).
pub(crate) fn filter_sql(filter: OrderFilter) -> &'static str {
    match filter {
        OrderFilter::All => "1 = 1",
        // Final orders are the only ones the reconciler never looks at again, apart from
        // those handed to a person.
        OrderFilter::Open => "(check_after_ms IS NOT NULL OR needs_person IS NOT NULL)",
        OrderFilter::NeedsPerson => "needs_person IS NOT NULL",
    }
}

/// The columns of an order row beyond its key and record.
pub(crate) struct RecordColumns {
    pub submission: String,
    pub endpoint: Option<String>,
    pub request: Option<String>,
    pub send_error: Option<String>,
    pub created_ms: i64,
    pub updated_ms: i64,
    pub check_after_ms: Option<i64>,
    pub checks: i64,
    pub last_check_error: Option<String>,
    pub needs_person: Option<String>,
}

impl RecordColumns {
    pub(crate) fn into_record(self, key: String, record: &str) -> Result<OrderRecord, StoreError> {
        let order = read(&key, record)?;
        let (flow, trade_no) = split_key(&key);
        let trade_no = trade_no.to_string();
        Ok(OrderRecord {
            flow,
            trade_no,
            order,
            submission: Submission::parse(&self.submission).ok_or_else(|| StoreError::Corrupt {
                key: key.clone(),
                reason: format!("unknown submission `{}`", self.submission),
            })?,
            key,
            endpoint: self.endpoint,
            request: self.request,
            send_error: self.send_error,
            created_ms: self.created_ms,
            updated_ms: self.updated_ms,
            check_after_ms: self.check_after_ms,
            checks: self.checks,
            last_check_error: self.last_check_error,
            needs_person: self.needs_person,
        })
    }
}

/// The columns of an action row.
pub(crate) struct ActionColumns {
    pub id: i64,
    pub key: String,
    pub status: String,
    pub record: String,
    pub at_ms: i64,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub done_ms: Option<i64>,
}

impl ActionColumns {
    pub(crate) fn into_action(self) -> Result<PendingAction, StoreError> {
        let action = read_action(self.id, &self.record)?;
        let (flow, trade_no) = split_key(&self.key);
        let trade_no = trade_no.to_string();
        Ok(PendingAction {
            id: self.id,
            flow,
            trade_no,
            key: self.key,
            action,
            status: self.status,
            at_ms: self.at_ms,
            attempts: self.attempts,
            last_error: self.last_error,
            done_ms: self.done_ms,
        })
    }
}

/// A listing's `LIMIT`: `usize::MAX` ("all") is the largest SQL integer, never a negative one
/// (which SQLite reads as "no limit" and Postgres refuses).
pub(crate) fn sql_limit(limit: usize) -> i64 {
    i64::try_from(limit).unwrap_or(i64::MAX)
}
