//! One store chosen at run time from a `DATABASE_URL`.

use std::time::Duration;

use paypro_core::order::{Applied, Event, Order, OrderStore};

use crate::StoreError;
use crate::ops::{self, Hint, Ops, SendOutcome};
use crate::rows::{DueOrder, OrderFilter, OrderRecord, PendingAction, Submission};
use crate::settings::Settings;

/// The store a `DATABASE_URL` names (see [`open`]).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum AnyStore {
    /// `sqlite://FILE`, or `memory:` (an SQLite database in this process's memory).
    #[cfg(feature = "sqlite")]
    Sqlite(crate::SqliteStore),
    /// `postgres://...` or `postgresql://...`.
    #[cfg(feature = "postgres")]
    Postgres(crate::PostgresStore),
}

/// Opens the store `url` names: `sqlite://FILE` (a path, relative to the working directory
/// unless it starts with `/`: `sqlite:///var/lib/shop/orders.db`), `postgres://...` (or
/// `postgresql://`), or `memory:` (SQLite in memory: nothing kept). A scheme this build has no
/// feature for is an error that says which feature.
pub async fn open(url: &str) -> Result<AnyStore, StoreError> {
    open_with(url, Settings::default()).await
}

/// [`open`] with the lifecycle's timing.
pub async fn open_with(url: &str, settings: Settings) -> Result<AnyStore, StoreError> {
    let _ = &settings; // unused when no backend feature is on
    if url == "memory:" {
        #[cfg(feature = "sqlite")]
        return Ok(AnyStore::Sqlite(
            crate::SqliteStore::in_memory(settings).await?,
        ));
        #[cfg(not(feature = "sqlite"))]
        return Err(StoreError::Url(
            "memory: is an SQLite database in memory: this build has no SQLite store (feature `sqlite`)".into(),
        ));
    }
    if let Some(path) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        if path.is_empty() {
            return Err(StoreError::Url("sqlite:// needs a file path".into()));
        }
        #[cfg(feature = "sqlite")]
        return Ok(AnyStore::Sqlite(
            crate::SqliteStore::open_with(path, settings).await?,
        ));
        #[cfg(not(feature = "sqlite"))]
        return Err(StoreError::Url(
            "this build has no SQLite store (feature `sqlite`)".into(),
        ));
    }
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        #[cfg(feature = "postgres")]
        return Ok(AnyStore::Postgres(
            crate::PostgresStore::connect_with(url, settings, Default::default()).await?,
        ));
        #[cfg(not(feature = "postgres"))]
        return Err(StoreError::Url(
            "this build has no Postgres store (feature `postgres`)".into(),
        ));
    }
    Err(StoreError::Url(match url.split_once(':') {
        Some((scheme, _)) => {
            format!("`{scheme}:` is not a store: use sqlite://FILE, postgres://... or memory:")
        }
        None => format!("`{url}` has no scheme: use sqlite://FILE, postgres://... or memory:"),
    }))
}

/// Calls the same method on whichever backend this is.
macro_rules! each {
    ($self:ident, $s:ident => $call:expr) => {
        match $self {
            #[cfg(feature = "sqlite")]
            AnyStore::Sqlite($s) => $call,
            #[cfg(feature = "postgres")]
            AnyStore::Postgres($s) => $call,
        }
    };
}

impl OrderStore for AnyStore {
    type Error = StoreError;

    async fn register(&self, key: &str, order: Order) -> Result<bool, StoreError> {
        each!(self, s => s.register(key, order).await)
    }

    async fn apply(&self, key: &str, event: &Event) -> Result<Applied, StoreError> {
        each!(self, s => s.apply(key, event).await)
    }

    async fn order(&self, key: &str) -> Result<Option<Order>, StoreError> {
        each!(self, s => s.order(key).await)
    }
}

impl Ops for AnyStore {
    fn settings(&self) -> &Settings {
        each!(self, s => Ops::settings(s))
    }

    async fn begin_send(&self, send: ops::BeginSend) -> Result<Option<Submission>, StoreError> {
        each!(self, s => s.begin_send(send).await)
    }

    async fn finish_send(&self, key: &str, outcome: SendOutcome) -> Result<(), StoreError> {
        each!(self, s => s.finish_send(key, outcome).await)
    }

    async fn hint(&self, key: &str) -> Result<Hint, StoreError> {
        each!(self, s => s.hint(key).await)
    }

    async fn apply_answer(&self, key: &str, event: &Event) -> Result<Applied, StoreError> {
        each!(self, s => s.apply_answer(key, event).await)
    }

    async fn check_failed(&self, key: &str, error: &str) -> Result<(), StoreError> {
        each!(self, s => s.check_failed(key, error).await)
    }

    async fn claim_due(&self, limit: usize) -> Result<Vec<DueOrder>, StoreError> {
        each!(self, s => s.claim_due(limit).await)
    }

    async fn claim_actions(&self, limit: usize) -> Result<Vec<PendingAction>, StoreError> {
        each!(self, s => s.claim_actions(limit).await)
    }

    async fn action_done(&self, id: i64) -> Result<(), StoreError> {
        each!(self, s => s.action_done(id).await)
    }

    async fn action_failed(
        &self,
        id: i64,
        error: &str,
        retry_in: Duration,
    ) -> Result<(), StoreError> {
        each!(self, s => s.action_failed(id, error, retry_in).await)
    }

    async fn record(&self, key: &str) -> Result<Option<OrderRecord>, StoreError> {
        each!(self, s => s.record(key).await)
    }

    async fn records(
        &self,
        filter: OrderFilter,
        limit: usize,
    ) -> Result<Vec<OrderRecord>, StoreError> {
        each!(self, s => s.records(filter, limit).await)
    }

    async fn actions(
        &self,
        pending_only: bool,
        limit: usize,
    ) -> Result<Vec<PendingAction>, StoreError> {
        each!(self, s => s.actions(pending_only, limit).await)
    }

    async fn count_due(&self) -> Result<u64, StoreError> {
        each!(self, s => s.count_due().await)
    }
}

impl AnyStore {
    /// One order as the store keeps it: its state, where its creation stands (with the exact
    /// request sent), and what the reconciler knows.
    pub async fn record(&self, key: &str) -> Result<Option<OrderRecord>, StoreError> {
        Ops::record(self, key).await
    }

    /// Orders, newest first, at most `limit`.
    pub async fn records(
        &self,
        filter: OrderFilter,
        limit: usize,
    ) -> Result<Vec<OrderRecord>, StoreError> {
        Ops::records(self, filter, limit).await
    }

    /// Actions of the outbox in the order they were decided, at most `limit`: the pending ones
    /// only (not yet performed, failed ones included), or all.
    pub async fn actions(
        &self,
        pending_only: bool,
        limit: usize,
    ) -> Result<Vec<PendingAction>, StoreError> {
        Ops::actions(self, pending_only, limit).await
    }

    /// How many orders the reconciler should query now.
    pub async fn count_due(&self) -> Result<u64, StoreError> {
        Ops::count_due(self).await
    }

    /// The lifecycle's timing.
    pub fn settings(&self) -> &Settings {
        Ops::settings(self)
    }
}
