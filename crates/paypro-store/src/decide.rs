//! What every store does inside its transaction, once: read the stored record, decide with
//! [`Order::apply`], and say what to write.

use paypro_core::order::{Action, Event, Order};

use crate::StoreError;

/// What to write for one event applied to one stored record.
pub(crate) struct Decision {
    pub action: Action,
    /// The next record, when the order changed.
    pub next: Option<String>,
    /// The action's row, when it is one to perform or to look at.
    pub log: Option<Logged>,
}

/// One row of the actions table.
pub(crate) struct Logged {
    /// `fulfil`, `mark_failed`, `record_partial_payment` or `ignore` (a conflict).
    pub name: String,
    /// The event's status code.
    pub status: String,
    /// The action as JSON.
    pub record: String,
}

pub(crate) fn decide(key: &str, stored: &str, event: &Event) -> Result<Decision, StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt {
        key: key.to_string(),
        reason,
    };
    let order = read(key, stored)?;
    let (action, next) = order.apply(event);
    let next = (next != order)
        .then(|| serde_json::to_string(&next))
        .transpose()
        .map_err(|e| corrupt(e.to_string()))?;
    let kept = !matches!(action, Action::Ignore(_)) || action.needs_attention();
    let log = if kept {
        let record = serde_json::to_value(&action).map_err(|e| corrupt(e.to_string()))?;
        Some(Logged {
            name: record["action"].as_str().unwrap_or("unknown").to_string(),
            status: event.status.code().to_string(),
            record: record.to_string(),
        })
    } else {
        None
    };
    Ok(Decision { action, next, log })
}

/// A stored record read back as an order (its amounts checked again).
pub(crate) fn read(key: &str, stored: &str) -> Result<Order, StoreError> {
    serde_json::from_str(stored).map_err(|e| StoreError::Corrupt {
        key: key.to_string(),
        reason: e.to_string(),
    })
}

/// An order's record, for `register`.
pub(crate) fn record(order: &Order) -> String {
    serde_json::to_string(order).expect("an order always serializes")
}

pub(crate) fn now_ms() -> i64 {
    // Milliseconds fit an i64 (SQLite's and Postgres's integer) for 292 million years.
    paypro_core::Clock::now_millis(&paypro_core::SystemClock) as i64
}

/// The migrations of one backend, in order: `(version, SQL)`.
pub(crate) type Migrations = &'static [(i64, &'static str)];
