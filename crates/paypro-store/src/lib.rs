//! # paypro-store
//!
//! Durable order state for a Paypro callback receiver: [`OrderStore`] implementations that
//! apply each verified notification to its order **in one transaction** (read the order,
//! decide with [`Order::apply`], write the next state and the action), so Paypro's retries,
//! duplicated deliveries and several receiver processes fulfil an order once.
//!
//! - `SqliteStore` (feature `sqlite`, the default): one file, safe across processes on one
//!   machine (WAL journal, `BEGIN IMMEDIATE` transactions, a busy time-out).
//! - `PostgresStore` (feature `postgres`): for several instances behind a load balancer
//!   (`SELECT ... FOR UPDATE` in a transaction).
//! - [`open`] picks one from a `DATABASE_URL`: `sqlite://FILE`, `postgres://...`, or
//!   `memory:` ([`MemoryStore`], nothing kept).
//!
//! Each store creates its tables on first use from the migrations in `migrations/`, recorded
//! in a schema-version table. Every action that must be performed (fulfil, mark failed, record a
//! partial payment) and every conflict to look at is written to an `actions` table in the same
//! transaction as the order's next state: a worker can perform the pending ones and mark them
//! done, so an action is neither lost by a crash after the commit nor performed twice.
//!
//! ```no_run
//! use paypro_core::order::{Applied, Event, Order, OrderStore};
//! use paypro_core::{Decimal, Status};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let store = paypro_store::open("sqlite://orders.db").await?;
//! store.register("order-1", Order::new(30_000)?).await?; // at checkout
//! // For each verified callback:
//! let event = Event::new(Status::Success, Some(Decimal::from(30_000)));
//! match store.apply("order-1", &event).await? {
//!     Applied::Action(action) => println!("{action:?}"), // stored; now perform it
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
#[cfg(feature = "postgres")]
mod postgres;
#[cfg(feature = "sqlite")]
mod sqlite;

pub use any::{AnyStore, open};
pub use paypro_core::order::{Applied, MemoryStore, Order, OrderStore};
#[cfg(feature = "postgres")]
pub use postgres::PostgresStore;
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
    /// Postgres failed (connection, transaction, serialization).
    #[cfg(feature = "postgres")]
    #[error("Postgres: {0}")]
    Postgres(#[from] tokio_postgres::Error),
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
