//! The order lifecycle in one value: create (durably), receive, hint, and the two background
//! loops that perform and reconcile.

use std::sync::Arc;

use paypro_core::client::{Error as CallError, OrderQuery, Reply};
use paypro_core::notify::Flow;
use paypro_core::order::{Applied, Event, Order, OrderError, OrderStore};
use paypro_core::{Decimal, Endpoint};
use tokio::sync::Notify;

use crate::decide::kept;
use crate::ops::{BeginSend, Hint, Ops, SendOutcome};
use crate::outbox::Worker;
use crate::reconciler::Reconciler;
use crate::rows::Submission;
use crate::{AnyStore, StoreError};

/// Wakes the worker and the reconciler of this process when there is work (other processes
/// find it by polling).
#[derive(Debug, Default)]
pub(crate) struct Wake {
    pub actions: Notify,
    pub checks: Notify,
}

/// A pay-in's or payout's whole life against one store and one country's gateway.
///
/// - [`Lifecycle::create`] records the order and its exact request as `sending` **before** any
///   byte leaves, sends it once, and records the outcome. It never sends an order twice: not
///   on a second call, not after a crash, not after an uncertain answer.
/// - [`Lifecycle::receive`] applies a verified callback in one transaction: the order's next
///   state and its action (in the outbox) commit together. It performs nothing: answer the
///   callback, and let the [`Worker`] perform.
/// - [`Lifecycle::hint`] takes an unsigned callback (Kenya's) as a hint: the order is queried
///   and the answer applied, exactly as a lost callback is reconciled.
/// - [`Lifecycle::worker`] performs the outbox's actions with the merchant's handler, at least
///   once, each with a stable idempotency key.
/// - [`Lifecycle::reconciler`] queries orders whose outcome is unknown (`sending`,
///   `uncertain`) or whose callback is late, and applies the answers with the same
///   [`Order::apply`]. It never sends a pay-in or payout.
///
/// `Q` is a country crate's `Client` (`paypro_id::Client`), which knows that country's
/// queries. Cloning shares everything.
///
/// ```no_run
/// use paypro_core::notify::Flow;
/// use paypro_store::{Lifecycle, PendingAction};
/// # async fn demo<Q: paypro_core::client::OrderQuery, E: paypro_core::Endpoint>(client: Q, request: E) -> Result<(), Box<dyn std::error::Error>> {
/// let store = paypro_store::open("sqlite://orders.db").await?;
/// let lifecycle = Lifecycle::new(store, client); // client: paypro_id::Client
/// // The merchant's one function: deliver, mark failed, alert. Idempotent by its key.
/// let handler = |action: PendingAction| async move {
///     println!("{} {:?} {}", action.idempotency_key(), action.action, action.trade_no);
///     Ok::<(), std::io::Error>(())
/// };
/// tokio::spawn(lifecycle.worker().run(handler));
/// tokio::spawn(lifecycle.reconciler().run());
/// // At checkout (`request`: a paypro_id::PayInRequest):
/// match lifecycle.create(Flow::PayIn, &request, 30_000).await {
///     Ok(reply) => { /* show the payment page */ }
///     Err(e) if e.may_have_moved_money() => { /* tell the payer it is being confirmed */ }
///     Err(e) => { /* nothing happened: show the error */ }
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct Lifecycle<Q> {
    store: Arc<AnyStore>,
    gateway: Q,
    wake: Arc<Wake>,
}

/// Why [`Lifecycle::create`] did not end with an accepted order.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CreateError {
    /// The request cannot be recorded (no `tradeNo`, an expected amount that is not positive,
    /// an endpoint of another country): nothing was stored or sent.
    #[error("{0}; nothing was stored or sent")]
    Invalid(String),
    /// An order with this key is already stored: it was **not** sent again (an order is sent
    /// at most once). Look at it with `paypro orders show`.
    #[error("the order {key} already exists ({}): it was not sent again", submission.as_str())]
    Exists {
        /// The order's key.
        key: String,
        /// Where its creation stands.
        submission: Submission,
    },
    /// The store failed before anything was sent: nothing happened.
    #[error("the order store failed before sending: {0}; nothing was sent")]
    Store(#[source] StoreError),
    /// Paypro refused it, or it never left: nothing happened. The order is stored as failed;
    /// a new attempt needs a new `tradeNo`.
    #[error("{0}")]
    Refused(#[source] CallError),
    /// The answer does not prove a refusal: **money may have moved**. The order is stored as
    /// `uncertain` and the reconciler will settle it from a query. Never send it again.
    #[error("{0}; the reconciler will query the order")]
    Uncertain(#[source] CallError),
}

impl CreateError {
    /// Whether the pay-in or payout may exist (only [`CreateError::Uncertain`]).
    pub fn may_have_moved_money(&self) -> bool {
        matches!(self, CreateError::Uncertain(_))
    }
}

impl<Q: OrderQuery> Lifecycle<Q> {
    /// The lifecycle of `gateway`'s country over `store`.
    pub fn new(store: AnyStore, gateway: Q) -> Self {
        Lifecycle {
            store: Arc::new(store),
            gateway,
            wake: Arc::default(),
        }
    }

    /// The store.
    pub fn store(&self) -> &AnyStore {
        &self.store
    }

    /// The country's client.
    pub fn gateway(&self) -> &Q {
        &self.gateway
    }

    /// Creates a pay-in (or cashier page) or a payout, durably:
    ///
    /// 1. signs `request` and records the order (`flow`, its `tradeNo`, `expected`) with the
    ///    exact body as `sending`, in one transaction, before any byte leaves;
    /// 2. sends that body **once** (never retried);
    /// 3. records the outcome: accepted, refused (nothing happened: the order is failed), or
    ///    uncertain (money may have moved: the reconciler queries it).
    ///
    /// An order whose key exists is not sent: [`CreateError::Exists`]. A process that dies
    /// during the call leaves the order `sending`, which the reconciler queries after
    /// [`crate::Settings::check_sending_after`]. `expected` is the amount that proves full
    /// payment (for a payout, the amount sent).
    pub async fn create<E: Endpoint>(
        &self,
        flow: Flow,
        request: &E,
        expected: impl Into<Decimal>,
    ) -> Result<Reply<E::Response>, CreateError> {
        let trade_no = request
            .trade_no()
            .ok_or_else(|| {
                CreateError::Invalid(format!(
                    "`{}` carries no tradeNo to key the order by",
                    E::DESCRIPTOR.name
                ))
            })?
            .to_string();
        let order =
            Order::new(expected).map_err(|e: OrderError| CreateError::Invalid(e.to_string()))?;
        let client = self.gateway.core();
        let prepared = client
            .prepare(request)
            .map_err(|e| CreateError::Invalid(e.to_string()))?;
        let key = flow.order_key(&trade_no);
        let begun = self
            .store
            .begin_send(BeginSend {
                key: key.clone(),
                flow,
                trade_no,
                order,
                endpoint: E::DESCRIPTOR.name,
                body: prepared.body.clone(),
            })
            .await
            .map_err(CreateError::Store)?;
        if let Some(submission) = begun {
            return Err(CreateError::Exists { key, submission });
        }
        let sent = client.send_prepared(request, prepared).await;
        let outcome = match &sent {
            Ok(_) => SendOutcome::Accepted,
            Err(e) if e.nothing_happened() => SendOutcome::Refused {
                code: refusal_code(e),
                error: e.to_string(),
            },
            Err(e) => SendOutcome::Uncertain {
                error: e.to_string(),
            },
        };
        // If this write fails the order stays `sending`, which the reconciler queries: the
        // caller still learns what the send did.
        if let Err(e) = self.store.finish_send(&key, outcome).await {
            tracing::warn!(key, error = %e, "the send's outcome was not recorded; the reconciler will query the order");
        }
        if matches!(&sent, Err(e) if e.may_have_moved_money()) {
            self.wake.checks.notify_one();
        }
        sent.map_err(|e| {
            if e.nothing_happened() {
                CreateError::Refused(e)
            } else {
                CreateError::Uncertain(e)
            }
        })
    }

    /// Records an order that was sent some other way (`false` when the key exists: an order
    /// is never reset). The reconciler queries it if no callback settles it within
    /// [`crate::Settings::check_accepted_after`].
    pub async fn register(
        &self,
        flow: Flow,
        trade_no: &str,
        expected: impl Into<Decimal>,
    ) -> Result<bool, CreateError> {
        let order = Order::new(expected).map_err(|e| CreateError::Invalid(e.to_string()))?;
        self.store
            .register(&flow.order_key(trade_no), order)
            .await
            .map_err(CreateError::Store)
    }

    /// Applies a **verified** callback's event to the order `trade_no` of `flow`: its next
    /// state and its action commit together, and this process's worker is woken. Answer
    /// Paypro `OK` after it returns `Applied::Action(_)` (whatever the action), and something
    /// else after `Applied::UnknownOrder` or an error, so that Paypro retries.
    pub async fn receive(
        &self,
        flow: Flow,
        trade_no: &str,
        event: &Event,
    ) -> Result<Applied, StoreError> {
        let applied = self.store.apply(&flow.order_key(trade_no), event).await?;
        if let Applied::Action(action) = &applied {
            if kept(action) {
                self.wake.actions.notify_one();
            }
        }
        Ok(applied)
    }

    /// Takes an unsigned callback (Kenya's) as a hint: nothing in it is trusted; the order is
    /// queried now by the reconciler, and the answer applied. Answer `OK` after
    /// [`Hint::Scheduled`] or [`Hint::NothingToConfirm`] (the hint is stored), and something
    /// else after [`Hint::UnknownOrder`].
    pub async fn hint(&self, flow: Flow, trade_no: &str) -> Result<Hint, StoreError> {
        let hint = self.store.hint(&flow.order_key(trade_no)).await?;
        if hint == Hint::Scheduled {
            self.wake.checks.notify_one();
        }
        Ok(hint)
    }

    /// The outbox worker: performs the actions this store records.
    pub fn worker(&self) -> Worker {
        Worker::new(Arc::clone(&self.store), Arc::clone(&self.wake))
    }

    /// The reconciler: queries orders whose outcome is unknown or whose callback is late.
    pub fn reconciler(&self) -> Reconciler<Q> {
        Reconciler::new(
            Arc::clone(&self.store),
            self.gateway.clone(),
            Arc::clone(&self.wake),
        )
    }
}

/// The failure code a refused order is stored with.
fn refusal_code(e: &CallError) -> String {
    match e {
        CallError::Rejected { code, .. } => code.clone(),
        CallError::NotSent { .. } => "not-sent".into(),
        _ => "invalid".into(),
    }
}
