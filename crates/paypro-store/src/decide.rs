//! What every store does inside its transactions, once: read the stored record, decide with
//! [`Order::apply`], and say what to write, including when the reconciler next looks.

use paypro_core::order::{Action, Event, Order, OrderState};

use crate::StoreError;
use crate::rows::Submission;
use crate::settings::{Settings, ms};

/// What to write for one event applied to one stored record.
pub(crate) struct Decision {
    pub action: Action,
    /// The action's row, when it is one to perform or to look at.
    pub log: Option<Logged>,
    /// The order row's next columns.
    pub row: Row,
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

/// The columns of an order row that transitions change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    pub record: String,
    pub submission: String,
    pub flow: Option<String>,
    pub check_after_ms: Option<i64>,
    pub checks: i64,
    pub last_check_error: Option<String>,
    pub needs_person: Option<String>,
}

/// Where an event came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// A verified callback (or a caller of `OrderStore::apply`).
    Callback,
    /// The reconciler's query.
    Query,
}

pub(crate) fn decide(
    key: &str,
    stored: &Row,
    event: &Event,
    source: Source,
    now: i64,
    settings: &Settings,
) -> Result<Decision, StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt {
        key: key.to_string(),
        reason,
    };
    let order = read(key, &stored.record)?;
    let (action, next) = order.apply(event);
    let record = if next != order {
        serde_json::to_string(&next).map_err(|e| corrupt(e.to_string()))?
    } else {
        stored.record.clone()
    };
    let log = if kept(&action) {
        let json = serde_json::to_value(&action).map_err(|e| corrupt(e.to_string()))?;
        Some(Logged {
            name: json["action"].as_str().unwrap_or("unknown").to_string(),
            status: event.status.code().to_string(),
            record: json.to_string(),
        })
    } else {
        None
    };
    let mut row = Row {
        record,
        ..stored.clone()
    };
    // A callback or an answer about the order proves that Paypro has it.
    let was_unsure = matches!(
        Submission::parse(&stored.submission),
        Some(Submission::Sending | Submission::Uncertain)
    );
    if was_unsure {
        row.submission = Submission::Accepted.as_str().to_string();
    }
    if next.is_final() {
        row.check_after_ms = None;
        row.needs_person = None;
        row.last_check_error = None;
    } else if stored.flow.is_some() {
        match source {
            Source::Query => {
                row.last_check_error = None;
                match next.state() {
                    // Paypro's own answer says the payer paid part of the amount: whether to
                    // refund or wait for the rest is a person's call, not another query's.
                    OrderState::PartlyPaid { paid } => {
                        row.check_after_ms = None;
                        row.needs_person = Some(format!(
                            "partly paid ({} of {}): refund, or wait for the rest",
                            paid.map_or_else(|| "an unknown amount".to_string(), |p| p.to_string()),
                            next.expected()
                        ));
                    }
                    _ => schedule_after_miss(&mut row, now, settings, || {
                        format!("still {} after the queries", state_name(next.state()))
                    }),
                }
            }
            Source::Callback => {
                let unproven = matches!(next.state(), OrderState::UnprovenSuccess { paid: None });
                if unproven {
                    // A 0000 without an amount: a query says how much was paid.
                    row.check_after_ms = Some(now);
                } else if was_unsure {
                    row.check_after_ms = Some(now + ms(settings.check_accepted_after));
                }
            }
        }
    }
    Ok(Decision { action, log, row })
}

/// Whether an action goes to the outbox: everything to perform, and the ignored events a
/// person must look at (conflicts).
pub(crate) fn kept(action: &Action) -> bool {
    !matches!(action, Action::Ignore(_)) || action.needs_attention()
}

/// The row after a query that failed (`error`): queried again after the backoff, or handed to
/// a person after [`Settings::max_checks`].
pub(crate) fn after_failed_check(stored: &Row, error: &str, now: i64, settings: &Settings) -> Row {
    let mut row = stored.clone();
    row.last_check_error = Some(error.to_string());
    schedule_after_miss(&mut row, now, settings, || {
        format!("the gateway could not confirm it: {error}")
    });
    row
}

fn schedule_after_miss(row: &mut Row, now: i64, settings: &Settings, why: impl FnOnce() -> String) {
    row.checks += 1;
    if row.checks >= i64::from(settings.max_checks) {
        row.check_after_ms = None;
        row.needs_person = Some(format!("{} ({} queries)", why(), row.checks));
    } else {
        let n = u32::try_from(row.checks).unwrap_or(u32::MAX);
        row.check_after_ms = Some(now + ms(settings.backoff_after(n)));
    }
}

fn state_name(state: &OrderState) -> &'static str {
    match state {
        OrderState::Open => "open",
        OrderState::PartlyPaid { .. } => "partly paid",
        OrderState::UnprovenSuccess { .. } => "an unproven success",
        OrderState::Paid { .. } => "paid",
        OrderState::Failed { .. } => "failed",
        _ => "not final",
    }
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

/// An action row's JSON read back.
pub(crate) fn read_action(id: i64, json: &str) -> Result<Action, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt {
        key: format!("action {id}"),
        reason: e.to_string(),
    })
}
