//! What to do with a verified notification, given what the order already went through.
//!
//! Paypro retries a notification until it is acknowledged, delivers retries out of order, and
//! a genuine, signed notification can be captured and replayed later. So "the callback says
//! `0000`: deliver" pays the same order twice, and "the callback says `00029`: mark it failed"
//! turns a paid order into a failed one. An [`Order`] remembers what was acted on and
//! [`Order::apply`] decides, for one [`Event`] (a status and the notified amount), the
//! [`Action`] to take and the order's next state:
//!
//! | stored state | event | action | next state |
//! |---|---|---|---|
//! | [`Open`](OrderState::Open) | `0015` | ignore: [still processing](Ignored::StillProcessing) | unchanged |
//! | `Open`, `PartlyPaid`, `UnprovenSuccess` | `0000`, amount ≥ expected | [`Fulfil`](Action::Fulfil) | [`Paid`](OrderState::Paid) (final) |
//! | `Open`, `PartlyPaid` | `0000`, amount below expected or absent | [`RecordPartialPayment`](Action::RecordPartialPayment) (review, do not deliver) | [`UnprovenSuccess`](OrderState::UnprovenSuccess) |
//! | `Open`, `PartlyPaid` | `0001` with more paid than recorded | [`RecordPartialPayment`](Action::RecordPartialPayment) | [`PartlyPaid`](OrderState::PartlyPaid) |
//! | `Open`, `PartlyPaid` | a failure code | [`MarkFailed`](Action::MarkFailed) | [`Failed`](OrderState::Failed) (final) |
//! | any | the same news again | ignore: [duplicate](Ignored::Duplicate) | unchanged |
//! | any but `Open` | news that precedes the stored state (`0015`, a smaller `0001`, `0001` after `0000`) | ignore: [stale](Ignored::Stale) | unchanged |
//! | `UnprovenSuccess`, `Paid`, `Failed` | a contradiction (`00029` after `0000`, `0000` after a failure, another amount) | ignore: [conflict](Ignored::Conflict), **alert the merchant** | unchanged |
//!
//! `Paid` and `Failed` are final: nothing is ever acted on after them. So an order is
//! fulfilled at most once, never both fulfilled and marked failed, and only on a `0000` whose
//! amount is at least the amount the merchant expects ("paid means fully paid"). A `0001`
//! (partial payment) is never a reason to deliver.
//!
//! **A `0000` without an amount does not fulfil.** It cannot prove that the whole amount was
//! paid, and every country's notification carries the amount, so its absence is itself an
//! anomaly. The order moves to [`OrderState::UnprovenSuccess`]; confirm it by querying the
//! order and applying the answer (its status and `pay_amount`) as an [`Event`]: a `0000` for
//! the full amount then fulfils. Delivering on a success of unknown size would let an
//! underpaid order through; waiting costs one query.
//!
//! For payouts the same machine applies: "fulfil" means "record the payout as done", and the
//! expected amount is the amount sent.
//!
//! ## Storing it atomically
//!
//! [`Order::apply`] is a pure function of `(order, event)`: it changes nothing and performs
//! nothing. A receiver keeps one [`Order`] per `tradeNo` (it serializes to a flat record such
//! as `{"expected":"30000","state":"paid","amount":"30000"}`) and, for each verified
//! notification, in one transaction or compare-and-swap:
//!
//! 1. looks the order up by `tradeNo` in its own order book (an unknown `tradeNo` is not acted
//!    on);
//! 2. computes `(action, next) = order.apply(&event)`;
//! 3. stores `next` only if the stored order is still `order`
//!    (`UPDATE orders SET state = $next WHERE trade_no = $1 AND state = $order`); if another
//!    delivery won the race, reloads and starts again;
//! 4. performs `action` after the store succeeded (or enqueues it in the same transaction).
//!
//! Two concurrent deliveries of the same `0000` then fulfil once: the second one reads `Paid`
//! and gets [`Ignored::Duplicate`].
//!
//! ```
//! use paypro_core::order::{Action, Event, Ignored, Order, OrderState};
//! use paypro_core::{Decimal, Status};
//!
//! let order = Order::new(30_000)?; // the amount the order was created with
//!
//! // 0001 for part of the amount: record it, do not deliver.
//! let (action, order) = order.apply(&Event::new(Status::PartialPayment, Some(Decimal::from(10_000))));
//! assert!(matches!(action, Action::RecordPartialPayment { .. }));
//!
//! // 0000 for the whole amount: deliver, once.
//! let paid = Event::new(Status::Success, Some(Decimal::from(30_000)));
//! let (action, order) = order.apply(&paid);
//! assert_eq!(action, Action::Fulfil { amount: Decimal::from(30_000) });
//! assert_eq!(order.state(), &OrderState::Paid { amount: Decimal::from(30_000) });
//!
//! // Paypro's retry of the same callback: nothing to do.
//! let (action, order) = order.apply(&paid);
//! assert_eq!(action, Action::Ignore(Ignored::Duplicate));
//!
//! // A genuinely signed 00029 replayed after the success: never acted on; alert.
//! let (action, order) = order.apply(&Event::new(Status::from_code("00029"), None));
//! assert!(matches!(action, Action::Ignore(Ignored::Conflict { .. })));
//! assert!(action.needs_attention());
//! assert!(order.is_final());
//!
//! // What a database keeps.
//! let stored = serde_json::to_string(&order)?;
//! assert_eq!(stored, r#"{"expected":"30000","state":"paid","amount":"30000"}"#);
//! assert_eq!(serde_json::from_str::<Order>(&stored)?, order);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{Status, is_fully_paid};

/// An order as the receiver stores it: the amount the merchant expects and what the order went
/// through. See the [module docs](self) for the transitions.
///
/// Serialized as one flat record, `{"expected":"30000","state":"open"}`; the names are stable.
/// Deserializing checks the expected amount again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StoredOrder", into = "StoredOrder")]
pub struct Order {
    expected: Decimal,
    state: OrderState,
}

/// Where an order stands. Serialized with a `state` tag: `{"state":"open"}`,
/// `{"state":"partly_paid","paid":"10000"}`, `{"state":"unproven_success","paid":null}`,
/// `{"state":"paid","amount":"30000"}`, `{"state":"failed","code":"00029"}`.
///
/// Amounts are stored normalized (`30000.00` is kept as `30000`), so equal states serialize
/// equally and a compare-and-swap on the stored text works.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
#[non_exhaustive]
pub enum OrderState {
    /// Created; nothing acted on yet (a `0015` leaves it here).
    Open,
    /// A `0001` was recorded: the payer paid part of the amount. Not delivered; a later `0000`
    /// for the full amount fulfils, a failure marks it failed.
    PartlyPaid {
        /// The paid amount the latest `0001` reported, when it carried one.
        paid: Option<Decimal>,
    },
    /// A `0000` arrived that does not prove full payment: its amount is below the expected
    /// amount, or absent. Not delivered: review it, and query the order. A `0000` for the full
    /// amount still fulfils; a failure after it is a conflict.
    UnprovenSuccess {
        /// The amount the `0000` reported; `None` when it carried none.
        paid: Option<Decimal>,
    },
    /// Final: fulfilled once, on a `0000` for at least the expected amount.
    Paid {
        /// The amount that `0000` reported.
        amount: Decimal,
    },
    /// Final: marked failed.
    Failed {
        /// The failure code, as sent (`00029`).
        code: String,
    },
}

/// What one notification (or query answer) says about an order: its status and the amount it
/// reports. Build it from a verified notification's `status` and `amount`, or from a query's
/// `status` and `pay_amount`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Event {
    /// The transaction status.
    pub status: Status,
    /// The amount reported with it (for `0001`, the part paid).
    pub amount: Option<Decimal>,
}

/// What the receiver should do about one event. Perform it only after the next state is stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Action {
    /// Deliver: the order is fully paid. Returned at most once per order.
    Fulfil {
        /// The amount the `0000` reported (at least the expected amount).
        amount: Decimal,
    },
    /// Mark the order failed. Returned at most once per order, and never for an order that was
    /// fulfilled.
    MarkFailed {
        /// The failure code, as sent.
        code: String,
        /// Whether a partial payment was recorded before: money was received for a failed
        /// order, so refund or review it.
        after_partial_payment: bool,
    },
    /// Record that the order is not fully paid, and do not deliver.
    RecordPartialPayment {
        /// The amount reported, when there was one.
        paid: Option<Decimal>,
        /// The amount the order expects.
        expected: Decimal,
        /// Why this is not a full payment.
        reason: Shortfall,
    },
    /// Do nothing (answer the notification `OK` all the same, or Paypro keeps retrying).
    Ignore(Ignored),
}

/// Why a payment is not a full payment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Shortfall {
    /// A `0001`: the payer paid part of the amount.
    PartialPayment,
    /// A `0000` for less than the expected amount: review it.
    BelowExpected,
    /// A `0000` without an amount: it cannot prove full payment; query the order.
    AmountMissing,
}

/// Why an event changes nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Ignored {
    /// The same news was already applied (Paypro's retries, a replay).
    Duplicate,
    /// `0015` on an open order: wait for the next notification.
    StillProcessing,
    /// News older than the stored state, delivered late: a `0015` after anything, a `0001`
    /// after a `0000`, a `0001` for less than the recorded partial payment.
    Stale,
    /// A contradiction after the order moved on: `00029` after `0000`, `0000` after a failure,
    /// another amount for a `0000`. Never acted on; alert the merchant, who reviews the order
    /// with Paypro.
    Conflict {
        /// The status code the event carried.
        status: String,
        /// The amount the event carried.
        amount: Option<Decimal>,
    },
}

/// An order that cannot be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OrderError {
    /// The expected amount is zero or negative, so every `0000` would look like full payment.
    #[error("expected: the amount the order expects must be greater than 0, got {got}")]
    ExpectedNotPositive {
        /// The amount given.
        got: Decimal,
    },
}

impl Order {
    /// A new order that expects `expected` (the amount it was created with), in the
    /// [`OrderState::Open`] state. Refuses an amount that is not greater than 0.
    pub fn new(expected: impl Into<Decimal>) -> Result<Order, OrderError> {
        Order::from_parts(expected, OrderState::Open)
    }

    /// An order rebuilt from what a database keeps in its own columns.
    pub fn from_parts(
        expected: impl Into<Decimal>,
        state: OrderState,
    ) -> Result<Order, OrderError> {
        let expected = expected.into();
        if expected <= Decimal::ZERO {
            return Err(OrderError::ExpectedNotPositive { got: expected });
        }
        Ok(Order {
            expected: expected.normalize(),
            state: state.normalized(),
        })
    }

    /// The amount the order expects.
    pub fn expected(&self) -> Decimal {
        self.expected
    }

    /// Where the order stands.
    pub fn state(&self) -> &OrderState {
        &self.state
    }

    /// Whether the order is paid or failed: nothing is acted on any more.
    pub fn is_final(&self) -> bool {
        self.state.is_final()
    }

    /// What to do about `event`, and the order's next state. Pure: performs nothing, changes
    /// nothing; store the returned order, then perform the action. See the
    /// [module docs](self) for the table.
    pub fn apply(&self, event: &Event) -> (Action, Order) {
        let (action, state) = transition(&self.state, self.expected, event);
        let next = Order {
            expected: self.expected,
            state,
        };
        (action, next)
    }
}

impl OrderState {
    /// Whether the state is final ([`OrderState::Paid`] or [`OrderState::Failed`]).
    pub fn is_final(&self) -> bool {
        matches!(self, OrderState::Paid { .. } | OrderState::Failed { .. })
    }

    fn normalized(self) -> OrderState {
        match self {
            OrderState::PartlyPaid { paid } => OrderState::PartlyPaid {
                paid: paid.map(|p| p.normalize()),
            },
            OrderState::UnprovenSuccess { paid } => OrderState::UnprovenSuccess {
                paid: paid.map(|p| p.normalize()),
            },
            OrderState::Paid { amount } => OrderState::Paid {
                amount: amount.normalize(),
            },
            other => other,
        }
    }
}

impl Event {
    /// An event: a status and the amount reported with it.
    pub fn new(status: Status, amount: Option<Decimal>) -> Event {
        Event { status, amount }
    }
}

impl Action {
    /// Whether a person should look at the order: a conflict, a `0000` that does not prove
    /// full payment, or a failure after money was partly received.
    pub fn needs_attention(&self) -> bool {
        match self {
            Action::Ignore(Ignored::Conflict { .. }) => true,
            Action::RecordPartialPayment { reason, .. } => *reason != Shortfall::PartialPayment,
            Action::MarkFailed {
                after_partial_payment,
                ..
            } => *after_partial_payment,
            _ => false,
        }
    }
}

/// The one place the rules live.
fn transition(state: &OrderState, expected: Decimal, event: &Event) -> (Action, OrderState) {
    let amount = event.amount.map(|a| a.normalize());
    let keep = |reason: Ignored| (Action::Ignore(reason), state.clone());
    let conflict = || {
        keep(Ignored::Conflict {
            status: event.status.code().to_string(),
            amount,
        })
    };
    // "Paid" means fully paid: the rule lives in `is_fully_paid`.
    let fulfils = amount.filter(|_| is_fully_paid(Some(&event.status), amount, expected));
    let success_short = || {
        let reason = match amount {
            Some(_) => Shortfall::BelowExpected,
            None => Shortfall::AmountMissing,
        };
        (
            Action::RecordPartialPayment {
                paid: amount,
                expected,
                reason,
            },
            OrderState::UnprovenSuccess { paid: amount },
        )
    };
    let fulfil = |amount: Decimal| (Action::Fulfil { amount }, OrderState::Paid { amount });
    let fail = |code: &str, after_partial_payment: bool| {
        (
            Action::MarkFailed {
                code: code.to_string(),
                after_partial_payment,
            },
            OrderState::Failed {
                code: code.to_string(),
            },
        )
    };

    match (state, &event.status) {
        (OrderState::Open, Status::Processing) => keep(Ignored::StillProcessing),
        (_, Status::Processing) => keep(Ignored::Stale),

        // Not final yet: a full payment fulfils; a success that does not prove it is recorded.
        (OrderState::Open | OrderState::PartlyPaid { .. }, Status::Success) => match fulfils {
            Some(amount) => fulfil(amount),
            None => success_short(),
        },
        (OrderState::UnprovenSuccess { paid }, Status::Success) => match (fulfils, paid, amount) {
            (Some(amount), _, _) => fulfil(amount),
            (None, _, None) => keep(Ignored::Duplicate),
            (None, Some(p), Some(a)) if *p == a => keep(Ignored::Duplicate),
            // The first 0000 carried no amount; this one says how much (still short).
            (None, None, Some(_)) => success_short(),
            (None, Some(_), Some(_)) => conflict(),
        },

        (OrderState::Open, Status::PartialPayment) => (
            Action::RecordPartialPayment {
                paid: amount,
                expected,
                reason: Shortfall::PartialPayment,
            },
            OrderState::PartlyPaid { paid: amount },
        ),
        // Paid amounts only grow: more is news, the same is a retry, less arrived late.
        (OrderState::PartlyPaid { paid }, Status::PartialPayment) => {
            if amount > *paid {
                (
                    Action::RecordPartialPayment {
                        paid: amount,
                        expected,
                        reason: Shortfall::PartialPayment,
                    },
                    OrderState::PartlyPaid { paid: amount },
                )
            } else if amount == *paid {
                keep(Ignored::Duplicate)
            } else {
                keep(Ignored::Stale)
            }
        }
        // A 0001 precedes a 0000 in an order's life: delivered late.
        (OrderState::UnprovenSuccess { .. } | OrderState::Paid { .. }, Status::PartialPayment) => {
            keep(Ignored::Stale)
        }
        // Money reported for a failed order.
        (OrderState::Failed { .. }, Status::PartialPayment | Status::Success) => conflict(),

        (OrderState::Open, Status::Failed { code, .. }) => fail(code.code(), false),
        (OrderState::PartlyPaid { .. }, Status::Failed { code, .. }) => fail(code.code(), true),
        // A downgrade after a success is never acted on.
        (OrderState::UnprovenSuccess { .. } | OrderState::Paid { .. }, Status::Failed { .. }) => {
            conflict()
        }
        (OrderState::Failed { code: stored }, Status::Failed { code, .. }) => {
            if stored == code.code() {
                keep(Ignored::Duplicate)
            } else {
                conflict()
            }
        }

        (OrderState::Paid { amount: stored }, Status::Success) => match amount {
            Some(a) if a != *stored => conflict(),
            _ => keep(Ignored::Duplicate),
        },
    }
}

/// The stored form of an [`Order`]: one flat record, checked again when read.
#[derive(Clone, Serialize, Deserialize)]
struct StoredOrder {
    expected: Decimal,
    #[serde(flatten)]
    state: OrderState,
}

impl From<Order> for StoredOrder {
    fn from(order: Order) -> StoredOrder {
        StoredOrder {
            expected: order.expected,
            state: order.state,
        }
    }
}

impl TryFrom<StoredOrder> for Order {
    type Error = OrderError;

    fn try_from(stored: StoredOrder) -> Result<Order, OrderError> {
        Order::from_parts(stored.expected, stored.state)
    }
}

/// What [`OrderStore::apply`] did with one verified notification.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Applied {
    /// No order has this key: nothing was stored and nothing may be done. Answer something
    /// other than `OK`, so that Paypro retries (the order may be being created right now).
    UnknownOrder,
    /// The order's next state is stored; perform this action (at most once: a store that
    /// records it, as [`OrderStore`]'s do, lets a worker perform it from the record).
    Action(Action),
}

/// Durable order state for a receiver: the one place where "read the order, decide with
/// [`Order::apply`], store the next state and the action" happens **atomically** (one
/// transaction, or a compare-and-swap), so that two deliveries of the same callback, in two
/// processes at once, yield one [`Action::Fulfil`] between them.
///
/// Orders are kept by a key: the `tradeNo`, or the kind and the `tradeNo` when pay-ins and
/// payouts may share numbers (`pay-in:order-1`). [`MemoryStore`] keeps them in this process
/// (tests, one-process tools); the `paypro-store` crate has SQLite and Postgres stores.
pub trait OrderStore: Send + Sync {
    /// Why the store failed (the database's error). After an error nothing is known to be
    /// stored: answer something other than `OK`, and Paypro's retry applies the event again.
    type Error: std::error::Error + Send + Sync + 'static;

    /// Records a new order, when the checkout creates the pay-in or payout. Returns `false`
    /// (and changes nothing) when the key is taken: an order is never reset, or it could be
    /// fulfilled twice.
    fn register(
        &self,
        key: &str,
        order: Order,
    ) -> impl Future<Output = Result<bool, Self::Error>> + Send;

    /// Applies `event` to the order `key`, atomically: reads it, decides with
    /// [`Order::apply`], stores the next state and records the action, or does nothing.
    fn apply(
        &self,
        key: &str,
        event: &Event,
    ) -> impl Future<Output = Result<Applied, Self::Error>> + Send;

    /// The order stored under `key`.
    fn order(&self, key: &str) -> impl Future<Output = Result<Option<Order>, Self::Error>> + Send;
}

/// An [`OrderStore`] in this process's memory, under one lock: for tests and one-process
/// tools. Everything is lost when the process ends; use a database for a receiver.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    orders: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, Order>>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        MemoryStore::default()
    }

    fn orders(&self) -> std::sync::MutexGuard<'_, std::collections::HashMap<String, Order>> {
        // Each section under the lock replaces a whole value: a poisoned lock is consistent.
        self.orders
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl OrderStore for MemoryStore {
    type Error = std::convert::Infallible;

    async fn register(&self, key: &str, order: Order) -> Result<bool, Self::Error> {
        let mut orders = self.orders();
        if orders.contains_key(key) {
            return Ok(false);
        }
        orders.insert(key.to_string(), order);
        Ok(true)
    }

    async fn apply(&self, key: &str, event: &Event) -> Result<Applied, Self::Error> {
        let mut orders = self.orders();
        let Some(order) = orders.get_mut(key) else {
            return Ok(Applied::UnknownOrder);
        };
        let (action, next) = order.apply(event);
        *order = next;
        Ok(Applied::Action(action))
    }

    async fn order(&self, key: &str) -> Result<Option<Order>, Self::Error> {
        Ok(self.orders().get(key).cloned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECTED: i64 = 30_000;

    fn dec(n: i64) -> Decimal {
        Decimal::from(n)
    }

    fn order(state: OrderState) -> Order {
        Order::from_parts(EXPECTED, state).unwrap()
    }

    fn success(amount: Option<i64>) -> Event {
        Event::new(Status::Success, amount.map(dec))
    }

    fn partial(amount: Option<i64>) -> Event {
        Event::new(Status::PartialPayment, amount.map(dec))
    }

    fn processing() -> Event {
        Event::new(Status::Processing, None)
    }

    fn failed(code: &str) -> Event {
        Event::new(Status::from_code(code), None)
    }

    /// Applies `event` to an order in `state`; the action and the next state.
    fn step(state: OrderState, event: Event) -> (Action, OrderState) {
        let (action, next) = order(state).apply(&event);
        assert_eq!(
            next.expected(),
            dec(EXPECTED),
            "the expected amount is kept"
        );
        (action, next.state().clone())
    }

    fn ignored(state: OrderState, event: Event) -> Ignored {
        match step(state.clone(), event) {
            (Action::Ignore(reason), next) => {
                assert_eq!(next, state, "an ignored event leaves the state as it was");
                reason
            }
            other => panic!("expected an ignore, got {other:?}"),
        }
    }

    fn is_conflict(reason: &Ignored) -> bool {
        matches!(reason, Ignored::Conflict { .. })
    }

    fn partly_paid(n: i64) -> OrderState {
        OrderState::PartlyPaid { paid: Some(dec(n)) }
    }

    fn paid(n: i64) -> OrderState {
        OrderState::Paid { amount: dec(n) }
    }

    fn failed_state(code: &str) -> OrderState {
        OrderState::Failed { code: code.into() }
    }

    // Open

    #[test]
    fn open_and_processing_waits() {
        assert_eq!(
            ignored(OrderState::Open, processing()),
            Ignored::StillProcessing
        );
    }

    #[test]
    fn open_and_full_success_fulfils() {
        assert_eq!(
            step(OrderState::Open, success(Some(EXPECTED))),
            (
                Action::Fulfil {
                    amount: dec(EXPECTED)
                },
                paid(EXPECTED)
            )
        );
    }

    #[test]
    fn open_and_overpaid_success_fulfils_with_the_notified_amount() {
        assert_eq!(
            step(OrderState::Open, success(Some(EXPECTED + 1))),
            (
                Action::Fulfil {
                    amount: dec(EXPECTED + 1)
                },
                paid(EXPECTED + 1)
            )
        );
    }

    #[test]
    fn open_and_success_below_expected_is_recorded_not_fulfilled() {
        let (action, next) = step(OrderState::Open, success(Some(EXPECTED - 1)));
        assert_eq!(
            action,
            Action::RecordPartialPayment {
                paid: Some(dec(EXPECTED - 1)),
                expected: dec(EXPECTED),
                reason: Shortfall::BelowExpected
            }
        );
        assert!(action.needs_attention());
        assert_eq!(
            next,
            OrderState::UnprovenSuccess {
                paid: Some(dec(EXPECTED - 1))
            }
        );
    }

    #[test]
    fn open_and_success_without_amount_is_recorded_not_fulfilled() {
        let (action, next) = step(OrderState::Open, success(None));
        assert_eq!(
            action,
            Action::RecordPartialPayment {
                paid: None,
                expected: dec(EXPECTED),
                reason: Shortfall::AmountMissing
            }
        );
        assert!(action.needs_attention());
        assert_eq!(next, OrderState::UnprovenSuccess { paid: None });
    }

    #[test]
    fn open_and_partial_payment_is_recorded() {
        let (action, next) = step(OrderState::Open, partial(Some(10_000)));
        assert_eq!(
            action,
            Action::RecordPartialPayment {
                paid: Some(dec(10_000)),
                expected: dec(EXPECTED),
                reason: Shortfall::PartialPayment
            }
        );
        assert!(!action.needs_attention());
        assert_eq!(next, partly_paid(10_000));
    }

    #[test]
    fn a_partial_payment_for_the_whole_amount_is_still_not_a_delivery() {
        let (action, next) = step(OrderState::Open, partial(Some(EXPECTED)));
        assert!(matches!(action, Action::RecordPartialPayment { .. }));
        assert_eq!(next, partly_paid(EXPECTED));
    }

    #[test]
    fn open_and_failure_marks_failed() {
        assert_eq!(
            step(OrderState::Open, failed("00029")),
            (
                Action::MarkFailed {
                    code: "00029".into(),
                    after_partial_payment: false
                },
                failed_state("00029")
            )
        );
    }

    // PartlyPaid

    #[test]
    fn partly_paid_and_full_success_fulfils() {
        assert_eq!(
            step(partly_paid(10_000), success(Some(EXPECTED))),
            (
                Action::Fulfil {
                    amount: dec(EXPECTED)
                },
                paid(EXPECTED)
            )
        );
    }

    #[test]
    fn partly_paid_and_short_success_is_unproven() {
        let (action, next) = step(partly_paid(10_000), success(Some(20_000)));
        assert!(matches!(
            action,
            Action::RecordPartialPayment {
                reason: Shortfall::BelowExpected,
                ..
            }
        ));
        assert_eq!(
            next,
            OrderState::UnprovenSuccess {
                paid: Some(dec(20_000))
            }
        );
    }

    #[test]
    fn partly_paid_and_a_larger_partial_payment_is_recorded() {
        let (action, next) = step(partly_paid(10_000), partial(Some(20_000)));
        assert!(matches!(
            action,
            Action::RecordPartialPayment {
                reason: Shortfall::PartialPayment,
                ..
            }
        ));
        assert_eq!(next, partly_paid(20_000));
        let (_, next) = step(OrderState::PartlyPaid { paid: None }, partial(Some(1)));
        assert_eq!(next, partly_paid(1), "an amount is news after none");
    }

    #[test]
    fn partly_paid_and_the_same_partial_payment_is_a_duplicate() {
        assert_eq!(
            ignored(partly_paid(10_000), partial(Some(10_000))),
            Ignored::Duplicate
        );
        assert_eq!(
            ignored(OrderState::PartlyPaid { paid: None }, partial(None)),
            Ignored::Duplicate
        );
    }

    #[test]
    fn partly_paid_and_a_smaller_partial_payment_is_stale() {
        assert_eq!(
            ignored(partly_paid(20_000), partial(Some(10_000))),
            Ignored::Stale
        );
        assert_eq!(ignored(partly_paid(20_000), partial(None)), Ignored::Stale);
    }

    #[test]
    fn partly_paid_and_processing_is_stale() {
        assert_eq!(ignored(partly_paid(10_000), processing()), Ignored::Stale);
    }

    #[test]
    fn partly_paid_and_failure_marks_failed_and_asks_for_attention() {
        let (action, next) = step(partly_paid(10_000), failed("00029"));
        assert_eq!(
            action,
            Action::MarkFailed {
                code: "00029".into(),
                after_partial_payment: true
            }
        );
        assert!(action.needs_attention(), "money was received for it");
        assert_eq!(next, failed_state("00029"));
    }

    // UnprovenSuccess

    fn unproven(n: Option<i64>) -> OrderState {
        OrderState::UnprovenSuccess { paid: n.map(dec) }
    }

    #[test]
    fn unproven_and_full_success_fulfils() {
        for before in [None, Some(10_000)] {
            assert_eq!(
                step(unproven(before), success(Some(EXPECTED))),
                (
                    Action::Fulfil {
                        amount: dec(EXPECTED)
                    },
                    paid(EXPECTED)
                ),
                "{before:?}"
            );
        }
    }

    #[test]
    fn unproven_and_the_same_success_is_a_duplicate() {
        assert_eq!(
            ignored(unproven(Some(10_000)), success(Some(10_000))),
            Ignored::Duplicate
        );
        assert_eq!(ignored(unproven(None), success(None)), Ignored::Duplicate);
        assert_eq!(
            ignored(unproven(Some(10_000)), success(None)),
            Ignored::Duplicate,
            "no amount says nothing new"
        );
    }

    #[test]
    fn unproven_without_amount_then_a_short_amount_is_recorded() {
        let (action, next) = step(unproven(None), success(Some(10_000)));
        assert!(matches!(
            action,
            Action::RecordPartialPayment {
                reason: Shortfall::BelowExpected,
                ..
            }
        ));
        assert_eq!(next, unproven(Some(10_000)));
    }

    #[test]
    fn unproven_and_another_short_amount_is_a_conflict() {
        let reason = ignored(unproven(Some(10_000)), success(Some(20_000)));
        assert_eq!(
            reason,
            Ignored::Conflict {
                status: "0000".into(),
                amount: Some(dec(20_000))
            }
        );
    }

    #[test]
    fn unproven_and_partial_or_processing_is_stale() {
        assert_eq!(
            ignored(unproven(Some(10_000)), partial(Some(10_000))),
            Ignored::Stale
        );
        assert_eq!(ignored(unproven(None), processing()), Ignored::Stale);
    }

    #[test]
    fn unproven_and_failure_is_a_conflict() {
        let reason = ignored(unproven(Some(10_000)), failed("00029"));
        assert!(is_conflict(&reason), "{reason:?}");
    }

    // Paid (final)

    #[test]
    fn paid_and_the_same_success_is_a_duplicate() {
        assert_eq!(
            ignored(paid(EXPECTED), success(Some(EXPECTED))),
            Ignored::Duplicate
        );
        assert_eq!(ignored(paid(EXPECTED), success(None)), Ignored::Duplicate);
    }

    #[test]
    fn paid_and_a_success_for_another_amount_is_a_conflict() {
        for other in [EXPECTED - 1, EXPECTED + 1] {
            let reason = ignored(paid(EXPECTED), success(Some(other)));
            assert!(is_conflict(&reason), "{reason:?}");
        }
    }

    #[test]
    fn paid_and_a_downgrade_is_a_conflict_never_acted_on() {
        let action = order(paid(EXPECTED)).apply(&failed("00029")).0;
        assert_eq!(
            action,
            Action::Ignore(Ignored::Conflict {
                status: "00029".into(),
                amount: None
            })
        );
        assert!(action.needs_attention());
    }

    #[test]
    fn paid_and_partial_or_processing_is_stale() {
        assert_eq!(
            ignored(paid(EXPECTED), partial(Some(10_000))),
            Ignored::Stale
        );
        assert_eq!(ignored(paid(EXPECTED), processing()), Ignored::Stale);
    }

    // Failed (final)

    #[test]
    fn failed_and_the_same_failure_is_a_duplicate() {
        assert_eq!(
            ignored(failed_state("00029"), failed("00029")),
            Ignored::Duplicate
        );
    }

    #[test]
    fn failed_and_another_failure_is_a_conflict() {
        let reason = ignored(failed_state("00029"), failed("0100019"));
        assert!(is_conflict(&reason), "{reason:?}");
    }

    #[test]
    fn failed_and_success_or_partial_is_a_conflict() {
        for event in [success(Some(EXPECTED)), success(None), partial(Some(1))] {
            let reason = ignored(failed_state("00029"), event.clone());
            assert!(is_conflict(&reason), "{event:?}: {reason:?}");
        }
    }

    #[test]
    fn failed_and_processing_is_stale() {
        assert_eq!(ignored(failed_state("00029"), processing()), Ignored::Stale);
    }

    // Amounts, the expected amount, storage

    #[test]
    fn amounts_compare_by_value_and_are_stored_normalized() {
        let event = Event::new(Status::Success, Some("30000.00".parse().unwrap()));
        let (action, next) = Order::new(dec(EXPECTED)).unwrap().apply(&event);
        assert!(matches!(action, Action::Fulfil { .. }));
        assert_eq!(
            serde_json::to_string(&next).unwrap(),
            r#"{"expected":"30000","state":"paid","amount":"30000"}"#
        );
        let (action, _) = next.apply(&event);
        assert_eq!(action, Action::Ignore(Ignored::Duplicate));
    }

    #[test]
    fn a_fractional_shortfall_does_not_fulfil() {
        let event = Event::new(Status::Success, Some("29999.99".parse().unwrap()));
        let (action, _) = Order::new(dec(EXPECTED)).unwrap().apply(&event);
        assert!(matches!(action, Action::RecordPartialPayment { .. }));
    }

    #[test]
    fn the_expected_amount_must_be_positive() {
        for bad in [dec(0), dec(-1)] {
            let err = Order::new(bad).unwrap_err();
            assert_eq!(err, OrderError::ExpectedNotPositive { got: bad });
            assert!(err.to_string().starts_with("expected: "), "{err}");
        }
        let err = serde_json::from_str::<Order>(r#"{"expected":"0","state":"open"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("greater than 0"), "{err}");
    }

    #[test]
    fn stored_names_are_stable() {
        let cases = [
            (OrderState::Open, r#"{"expected":"30000","state":"open"}"#),
            (
                partly_paid(10_000),
                r#"{"expected":"30000","state":"partly_paid","paid":"10000"}"#,
            ),
            (
                unproven(None),
                r#"{"expected":"30000","state":"unproven_success","paid":null}"#,
            ),
            (
                paid(EXPECTED),
                r#"{"expected":"30000","state":"paid","amount":"30000"}"#,
            ),
            (
                failed_state("00029"),
                r#"{"expected":"30000","state":"failed","code":"00029"}"#,
            ),
        ];
        for (state, json) in cases {
            let order = order(state);
            assert_eq!(serde_json::to_string(&order).unwrap(), json);
            assert_eq!(serde_json::from_str::<Order>(json).unwrap(), order);
        }
    }

    #[test]
    fn actions_serialize_with_stable_names() {
        let cases = [
            (
                Action::Fulfil { amount: dec(1) },
                r#"{"action":"fulfil","amount":"1"}"#,
            ),
            (
                Action::MarkFailed {
                    code: "00029".into(),
                    after_partial_payment: false,
                },
                r#"{"action":"mark_failed","code":"00029","after_partial_payment":false}"#,
            ),
            (
                Action::RecordPartialPayment {
                    paid: Some(dec(1)),
                    expected: dec(2),
                    reason: Shortfall::AmountMissing,
                },
                r#"{"action":"record_partial_payment","paid":"1","expected":"2","reason":"amount_missing"}"#,
            ),
            (
                Action::Ignore(Ignored::StillProcessing),
                r#"{"action":"ignore","reason":"still_processing"}"#,
            ),
            (
                Action::Ignore(Ignored::Conflict {
                    status: "00029".into(),
                    amount: None,
                }),
                r#"{"action":"ignore","reason":"conflict","status":"00029","amount":null}"#,
            ),
        ];
        for (action, json) in cases {
            assert_eq!(serde_json::to_string(&action).unwrap(), json);
            assert_eq!(serde_json::from_str::<Action>(json).unwrap(), action);
        }
    }

    #[test]
    fn the_memory_store_registers_once_and_applies_atomically() {
        let store = MemoryStore::new();
        assert!(block_on(Box::pin(store.register("o-1", order(OrderState::Open)))).unwrap());
        assert!(!block_on(Box::pin(store.register("o-1", order(OrderState::Open)))).unwrap());
        let paid = success(Some(EXPECTED));
        let apply = |key: &'static str, e: Event| {
            let store = store.clone();
            Box::pin(async move { store.apply(key, &e).await.unwrap() })
                as std::pin::Pin<Box<dyn Future<Output = Applied>>>
        };
        assert_eq!(
            block_on(apply("o-1", paid.clone())),
            Applied::Action(Action::Fulfil {
                amount: dec(EXPECTED)
            })
        );
        assert_eq!(
            block_on(apply("o-1", paid.clone())),
            Applied::Action(Action::Ignore(Ignored::Duplicate))
        );
        assert_eq!(block_on(apply("nobody", paid)), Applied::UnknownOrder);
        assert_eq!(
            block_on(Box::pin(store.order("o-1")))
                .unwrap()
                .unwrap()
                .state(),
            &OrderState::Paid {
                amount: dec(EXPECTED)
            }
        );
    }

    /// Polls a future that never waits (the memory store's) to its end.
    fn block_on<T>(mut f: std::pin::Pin<Box<dyn Future<Output = T> + '_>>) -> T {
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        match f.as_mut().poll(&mut cx) {
            std::task::Poll::Ready(v) => v,
            std::task::Poll::Pending => panic!("the memory store never waits"),
        }
    }
}
