//! The embedded store: one SQLite file, shared safely by processes on one machine.

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use paypro_core::order::{Applied, Event, Order, OrderStore};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::StoreError;
use crate::decide::{Migrations, decide, now_ms, read, record};

const MIGRATIONS: Migrations = &[(1, include_str!("../migrations/sqlite/0001_orders.sql"))];

/// How long a transaction waits for another process's to end before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Orders in one SQLite file (see the [crate docs](crate)). Cloning shares the connection.
///
/// Every operation is one `BEGIN IMMEDIATE` transaction, which takes the file's write lock
/// before reading, so two processes applying the same callback run one after the other and the
/// second reads what the first wrote. The journal is WAL, so readers never block.
#[derive(Clone, Debug)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
}

impl SqliteStore {
    /// Opens (or creates) the database at `path` and brings its schema up to date.
    pub async fn open(path: impl AsRef<Path>) -> Result<SqliteStore, StoreError> {
        let path = path.as_ref().to_path_buf();
        blocking(move || {
            let mut conn = Connection::open(&path)?;
            conn.busy_timeout(BUSY_TIMEOUT)?;
            let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            conn.pragma_update(None, "foreign_keys", "ON")?;
            migrate(&mut conn)?;
            Ok(SqliteStore {
                conn: Arc::new(Mutex::new(conn)),
            })
        })
        .await
    }

    /// Runs `f` on the connection in a blocking task.
    async fn with<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let conn = Arc::clone(&self.conn);
        blocking(move || {
            let mut conn = conn.lock().unwrap_or_else(PoisonError::into_inner);
            f(&mut conn)
        })
        .await
    }
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| StoreError::Task(e.to_string()))?
}

/// Applies the migrations this database has not had, in one transaction.
fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
        [],
    )?;
    let current: i64 = tx.query_row(
        "SELECT COALESCE(MAX(version), 0) FROM schema_version",
        [],
        |r| r.get(0),
    )?;
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current) {
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES (?1)",
            [version],
        )?;
    }
    tx.commit()?;
    Ok(())
}

impl OrderStore for SqliteStore {
    type Error = StoreError;

    async fn register(&self, key: &str, order: Order) -> Result<bool, StoreError> {
        let key = key.to_string();
        self.with(move |conn| {
            let now = now_ms();
            let inserted = conn.execute(
                "INSERT INTO orders (key, record, created_ms, updated_ms) VALUES (?1, ?2, ?3, ?3)
                 ON CONFLICT (key) DO NOTHING",
                params![key, record(&order), now],
            )?;
            Ok(inserted == 1)
        })
        .await
    }

    async fn apply(&self, key: &str, event: &Event) -> Result<Applied, StoreError> {
        let (key, event) = (key.to_string(), event.clone());
        self.with(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let stored: Option<String> = tx
                .query_row("SELECT record FROM orders WHERE key = ?1", [&key], |r| {
                    r.get(0)
                })
                .optional()?;
            let Some(stored) = stored else {
                return Ok(Applied::UnknownOrder);
            };
            let decision = decide(&key, &stored, &event)?;
            let now = now_ms();
            if let Some(next) = &decision.next {
                tx.execute(
                    "UPDATE orders SET record = ?1, updated_ms = ?2 WHERE key = ?3",
                    params![next, now, key],
                )?;
            }
            if let Some(log) = &decision.log {
                tx.execute(
                    "INSERT INTO actions (key, action, status, record, at_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![key, log.name, log.status, log.record, now],
                )?;
            }
            tx.commit()?;
            Ok(Applied::Action(decision.action))
        })
        .await
    }

    async fn order(&self, key: &str) -> Result<Option<Order>, StoreError> {
        let key = key.to_string();
        self.with(move |conn| {
            let stored: Option<String> = conn
                .query_row("SELECT record FROM orders WHERE key = ?1", [&key], |r| {
                    r.get(0)
                })
                .optional()?;
            stored.map(|s| read(&key, &s)).transpose()
        })
        .await
    }
}
