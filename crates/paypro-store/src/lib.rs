//! # paypro-store
//!
//! The order lifecycle of a Paypro merchant, durable end to end: create, receive, perform,
//! reconcile, operate. No paid order is left undelivered, none is delivered twice, and no
//! pay-in or payout is sent twice.
//!
//! - [`Lifecycle::create`] records an order and its exact request as `sending` before any byte
//!   leaves, sends it once, and records the outcome (accepted, refused, or uncertain).
//! - [`Lifecycle::receive`] applies a verified callback with [`Order::apply`] in one
//!   transaction that also writes the action to an **outbox**; the HTTP handler answers and
//!   performs nothing.
//! - [`Worker`] performs the outbox's actions with the merchant's handler, at least once, each
//!   with a stable idempotency key, claimed with a lease so that a crashed worker's actions are
//!   performed by another.
//! - [`Reconciler`] queries orders whose outcome is unknown or whose callback is late (and
//!   Kenya's unsigned callbacks, [`Lifecycle::hint`]) and applies the answers the same way;
//!   what it cannot settle needs a person, with the last error.
//! - [`AnyStore::records`] and [`AnyStore::actions`] are the operator's view (`paypro orders`).
//!
//! The stores:
//!
//! - `SqliteStore` (feature `sqlite`, the default): one file, safe across processes on one
//!   machine (WAL journal, `BEGIN IMMEDIATE` transactions, a busy time-out).
//! - `PostgresStore` (feature `postgres`): several instances behind a load balancer, through a
//!   connection pool that reconnects after a restart, with a statement time-out.
//! - [`open`] picks one from a `DATABASE_URL`: `sqlite://FILE`, `postgres://...`, or `memory:`
//!   (SQLite in memory, nothing kept).
//!
//! Every table is prefixed `paypro_` and created on first use from the migrations in
//! `migrations/`; a `paypro_` table that another application created is a start-up error
//! ([`StoreError::Conflict`]), never read or written.
//!
//! ```no_run
//! use paypro_core::order::{Applied, Event, Order, OrderStore};
//! use paypro_core::{Decimal, Status};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let store = paypro_store::open("sqlite://orders.db").await?;
//! store.register("pay-in:order-1", Order::new(30_000)?).await?; // at checkout
//! // For each verified callback:
//! let event = Event::new(Status::Success, Some(Decimal::from(30_000)));
//! match store.apply("pay-in:order-1", &event).await? {
//!     Applied::Action(action) => println!("{action:?}: in the outbox; a Worker performs it"),
//!     Applied::UnknownOrder => println!("not ours (yet): answer 404, Paypro retries"),
//!     _ => {}
//! }
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod any;
mod decide;
mod lifecycle;
mod ops;
mod outbox;
#[cfg(feature = "postgres")]
mod postgres;
mod reconciler;
mod rows;
mod schema;
mod settings;
#[cfg(feature = "sqlite")]
mod sqlite;

pub use any::{AnyStore, open, open_with};
pub use lifecycle::{CreateError, Lifecycle};
pub use ops::Hint;
pub use outbox::{Handler, Performed, Worker};
pub use paypro_core::order::{Applied, MemoryStore, Order, OrderStore};
#[cfg(feature = "postgres")]
pub use postgres::{PoolOptions, PostgresStore};
pub use reconciler::{Checked, Reconciler};
pub use rows::{OrderFilter, OrderRecord, PendingAction, Submission, split_key};
pub use settings::Settings;
#[cfg(feature = "sqlite")]
pub use sqlite::SqliteStore;

/// Why a store failed. After any of them nothing is known to be stored: answer something other
/// than `OK` and Paypro's retry applies the notification again.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite failed (locked past the busy time-out, disk full, not a database...).
    #[cfg(feature = "sqlite")]
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Postgres failed (connection, transaction, serialization, statement time-out).
    #[cfg(feature = "postgres")]
    #[error("Postgres: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    /// No Postgres connection could be had from the pool within its wait time-out (the server
    /// is down or restarting, or every connection is busy).
    #[error("Postgres pool: {0}")]
    Pool(String),
    /// A `paypro_` table exists that this crate did not create (or a schema newer than this
    /// build): the store refuses to start rather than read or write it.
    #[error("the table {table} cannot be used: {reason}")]
    Conflict {
        /// The table.
        table: String,
        /// Why.
        reason: String,
    },
    /// A stored order is not an order record (edited by hand, or written by something else).
    #[error("the stored order {key} cannot be read: {reason}")]
    Corrupt {
        /// The order's key.
        key: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The database URL names no store this build has.
    #[error("DATABASE_URL: {0}")]
    Url(String),
    /// The blocking database task panicked or was cancelled.
    #[error("the database task ended abnormally: {0}")]
    Task(String),
}
