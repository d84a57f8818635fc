//! The embedded store: one SQLite file, shared safely by processes on one machine.

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use paypro_core::order::{Applied, Event, Order, OrderStore};
use rusqlite::{Connection, OptionalExtension, Row as SqlRow, TransactionBehavior, params};

use crate::StoreError;
use crate::decide::{Row, Source, after_failed_check, decide, now_ms, read, record};
use crate::ops::{self, Hint, SendOutcome, sql_limit};
use crate::rows::{DueOrder, OrderFilter, OrderRecord, PendingAction, Submission, split_key};
use crate::schema::{self, Migrations, VERSION_TABLE};
use crate::settings::{Settings, ms};

const MIGRATIONS: Migrations = &[(1, include_str!("../migrations/sqlite/0001_orders.sql"))];

/// How long a transaction waits for another process's to end before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Orders in one SQLite file (see the [crate docs](crate)). Cloning shares the connection.
///
/// Every change is one `BEGIN IMMEDIATE` transaction, which takes the file's write lock
/// before reading, so two processes applying the same callback run one after the other and the
/// second reads what the first wrote. The journal is WAL, so readers never block.
///
/// **Backups**: the database is the file *and* its `-wal` file beside it (`orders.db-wal`):
/// copy both together, or better use SQLite's online backup (`sqlite3 orders.db ".backup
/// copy.db"`), which is consistent while receivers run. Copying the main file alone loses the
/// transactions not yet checkpointed into it.
#[derive(Clone, Debug)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
    settings: Settings,
}

impl SqliteStore {
    /// Opens (or creates) the database at `path` and brings its schema up to date. Refuses a
    /// database whose `paypro_` tables another application created ([`StoreError::Conflict`]).
    pub async fn open(path: impl AsRef<Path>) -> Result<SqliteStore, StoreError> {
        SqliteStore::open_with(path, Settings::default()).await
    }

    /// [`SqliteStore::open`] with the lifecycle's timing.
    pub async fn open_with(
        path: impl AsRef<Path>,
        settings: Settings,
    ) -> Result<SqliteStore, StoreError> {
        let path = path.as_ref().to_path_buf();
        blocking(move || {
            let conn = Connection::open(&path)?;
            SqliteStore::init(conn, settings)
        })
        .await
    }

    /// A database in this process's memory: nothing is kept when the process ends (tests,
    /// `memory:`).
    pub async fn in_memory(settings: Settings) -> Result<SqliteStore, StoreError> {
        blocking(move || SqliteStore::init(Connection::open_in_memory()?, settings)).await
    }

    fn init(mut conn: Connection, settings: Settings) -> Result<SqliteStore, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate(&mut conn)?;
        Ok(SqliteStore {
            conn: Arc::new(Mutex::new(conn)),
            settings,
        })
    }

    /// The lifecycle's timing.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Runs `f` on the connection in a blocking task.
    async fn with<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection, &Settings) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let conn = Arc::clone(&self.conn);
        let settings = self.settings;
        blocking(move || {
            let mut conn = conn.lock().unwrap_or_else(PoisonError::into_inner);
            f(&mut conn, &settings)
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

/// Applies the migrations this database has not had, in one transaction, after checking that
/// no other application owns a table of ours.
fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let present: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name IN (?1, ?2, ?3)
             ORDER BY name",
        )?;
        let rows = stmt.query_map(
            params![schema::TABLES[0], schema::TABLES[1], schema::TABLES[2]],
            |r| r.get(0),
        )?;
        rows.collect::<Result<_, _>>()?
    };
    let has_version = present.iter().any(|t| t == VERSION_TABLE);
    let (columns, current) = if has_version {
        let columns: Vec<String> = {
            let mut stmt = tx.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
            let rows = stmt.query_map([VERSION_TABLE], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let current = if columns == ["version"] {
            tx.query_row("SELECT MAX(version) FROM paypro_schema_version", [], |r| {
                r.get::<_, Option<i64>>(0)
            })?
        } else {
            None
        };
        (columns, current)
    } else {
        (Vec::new(), None)
    };
    let known = MIGRATIONS.last().map_or(0, |(v, _)| *v);
    schema::check(&present, &columns, current, known)?;
    tx.execute(
        "CREATE TABLE IF NOT EXISTS paypro_schema_version (version INTEGER NOT NULL)",
        [],
    )?;
    let current = current.unwrap_or(0);
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current) {
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO paypro_schema_version (version) VALUES (?1)",
            [version],
        )?;
    }
    tx.commit()?;
    Ok(())
}

const ROW: &str =
    "record, submission, flow, check_after_ms, checks, last_check_error, needs_person";

fn row_of(r: &SqlRow<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        record: r.get(0)?,
        submission: r.get(1)?,
        flow: r.get(2)?,
        check_after_ms: r.get(3)?,
        checks: r.get(4)?,
        last_check_error: r.get(5)?,
        needs_person: r.get(6)?,
    })
}

fn load(tx: &Connection, key: &str) -> Result<Option<Row>, StoreError> {
    Ok(tx
        .query_row(
            &format!("SELECT {ROW} FROM paypro_orders WHERE key = ?1"),
            [key],
            row_of,
        )
        .optional()?)
}

fn store_row(tx: &Connection, key: &str, row: &Row, now: i64) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE paypro_orders SET record = ?1, submission = ?2, check_after_ms = ?3, checks = ?4,
         last_check_error = ?5, needs_person = ?6, updated_ms = ?7 WHERE key = ?8",
        params![
            row.record,
            row.submission,
            row.check_after_ms,
            row.checks,
            row.last_check_error,
            row.needs_person,
            now,
            key
        ],
    )?;
    Ok(())
}

fn apply_in(
    conn: &mut Connection,
    settings: &Settings,
    key: &str,
    event: &Event,
    source: Source,
) -> Result<Applied, StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let Some(stored) = load(&tx, key)? else {
        return Ok(Applied::UnknownOrder);
    };
    let now = now_ms();
    let decision = decide(key, &stored, event, source, now, settings)?;
    if decision.row != stored {
        store_row(&tx, key, &decision.row, now)?;
    }
    if let Some(log) = &decision.log {
        tx.execute(
            "INSERT INTO paypro_actions (key, action, status, record, at_ms, next_at_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![key, log.name, log.status, log.record, now],
        )?;
    }
    tx.commit()?;
    Ok(Applied::Action(decision.action))
}

const RECORD: &str =
    "key, record, submission, endpoint, request, send_error, created_ms, updated_ms,
     check_after_ms, checks, last_check_error, needs_person";

fn order_record(r: &SqlRow<'_>) -> rusqlite::Result<(String, String, ops::RecordColumns)> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        ops::RecordColumns {
            submission: r.get(2)?,
            endpoint: r.get(3)?,
            request: r.get(4)?,
            send_error: r.get(5)?,
            created_ms: r.get(6)?,
            updated_ms: r.get(7)?,
            check_after_ms: r.get(8)?,
            checks: r.get(9)?,
            last_check_error: r.get(10)?,
            needs_person: r.get(11)?,
        },
    ))
}

const ACTION: &str = "id, key, action, status, record, at_ms, attempts, last_error, done_ms";

fn action_of(r: &SqlRow<'_>) -> rusqlite::Result<ops::ActionColumns> {
    Ok(ops::ActionColumns {
        id: r.get(0)?,
        key: r.get(1)?,
        status: r.get(3)?,
        record: r.get(4)?,
        at_ms: r.get(5)?,
        attempts: r.get(6)?,
        last_error: r.get(7)?,
        done_ms: r.get(8)?,
    })
}

impl OrderStore for SqliteStore {
    type Error = StoreError;

    async fn register(&self, key: &str, order: Order) -> Result<bool, StoreError> {
        let key = key.to_string();
        self.with(move |conn, settings| {
            let now = now_ms();
            let (flow, trade_no) = split_key(&key);
            let check_after = flow.map(|_| now + ms(settings.check_accepted_after));
            let inserted = conn.execute(
                "INSERT INTO paypro_orders (key, record, created_ms, updated_ms, flow, trade_no, check_after_ms)
                 VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6) ON CONFLICT (key) DO NOTHING",
                params![key, record(&order), now, flow.map(|f| f.as_str()), trade_no, check_after],
            )?;
            Ok(inserted == 1)
        })
        .await
    }

    async fn apply(&self, key: &str, event: &Event) -> Result<Applied, StoreError> {
        let (key, event) = (key.to_string(), event.clone());
        self.with(move |conn, settings| apply_in(conn, settings, &key, &event, Source::Callback))
            .await
    }

    async fn order(&self, key: &str) -> Result<Option<Order>, StoreError> {
        let key = key.to_string();
        self.with(move |conn, _| {
            let stored: Option<String> = conn
                .query_row(
                    "SELECT record FROM paypro_orders WHERE key = ?1",
                    [&key],
                    |r| r.get(0),
                )
                .optional()?;
            stored.map(|s| read(&key, &s)).transpose()
        })
        .await
    }
}

impl ops::Ops for SqliteStore {
    fn settings(&self) -> &Settings {
        &self.settings
    }

    async fn begin_send(&self, send: ops::BeginSend) -> Result<Option<Submission>, StoreError> {
        self.with(move |conn, settings| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let existing: Option<String> = tx
                .query_row(
                    "SELECT submission FROM paypro_orders WHERE key = ?1",
                    [&send.key],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(existing) = existing {
                return Ok(Some(
                    Submission::parse(&existing).unwrap_or(Submission::Registered),
                ));
            }
            let now = now_ms();
            tx.execute(
                "INSERT INTO paypro_orders (key, record, created_ms, updated_ms, flow, trade_no,
                 submission, endpoint, request, check_after_ms)
                 VALUES (?1, ?2, ?3, ?3, ?4, ?5, 'sending', ?6, ?7, ?8)",
                params![
                    send.key,
                    record(&send.order),
                    now,
                    send.flow.as_str(),
                    send.trade_no,
                    send.endpoint,
                    send.body,
                    now + ms(settings.check_sending_after)
                ],
            )?;
            tx.commit()?;
            Ok(None)
        })
        .await
    }

    async fn finish_send(&self, key: &str, outcome: SendOutcome) -> Result<(), StoreError> {
        let key = key.to_string();
        self.with(move |conn, settings| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let Some(stored) = load(&tx, &key)? else {
                return Ok(());
            };
            let now = now_ms();
            if let Some((row, error)) = ops::after_send(&key, &stored, &outcome, now, settings)? {
                store_row(&tx, &key, &row, now)?;
                tx.execute(
                    "UPDATE paypro_orders SET send_error = ?1 WHERE key = ?2",
                    params![error, key],
                )?;
            }
            tx.commit()?;
            Ok(())
        })
        .await
    }

    async fn hint(&self, key: &str) -> Result<Hint, StoreError> {
        let key = key.to_string();
        self.with(move |conn, _| {
            let now = now_ms();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let found: Option<(Option<i64>, Option<String>)> = tx
                .query_row(
                    "SELECT check_after_ms, flow FROM paypro_orders WHERE key = ?1",
                    [&key],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let hint = ops::hint_of(found);
            if hint == Hint::Scheduled {
                tx.execute(
                    "UPDATE paypro_orders SET check_after_ms = MIN(check_after_ms, ?1) WHERE key = ?2",
                    params![now, key],
                )?;
            }
            tx.commit()?;
            Ok(hint)
        })
        .await
    }

    async fn apply_answer(&self, key: &str, event: &Event) -> Result<Applied, StoreError> {
        let (key, event) = (key.to_string(), event.clone());
        self.with(move |conn, settings| apply_in(conn, settings, &key, &event, Source::Query))
            .await
    }

    async fn check_failed(&self, key: &str, error: &str) -> Result<(), StoreError> {
        let (key, error) = (key.to_string(), error.to_string());
        self.with(move |conn, settings| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if let Some(stored) = load(&tx, &key)? {
                let now = now_ms();
                store_row(
                    &tx,
                    &key,
                    &after_failed_check(&stored, &error, now, settings),
                    now,
                )?;
            }
            tx.commit()?;
            Ok(())
        })
        .await
    }

    async fn claim_due(&self, limit: usize) -> Result<Vec<DueOrder>, StoreError> {
        self.with(move |conn, settings| {
            let now = now_ms();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let due: Vec<String> = {
                let mut stmt = tx.prepare(
                    "SELECT key FROM paypro_orders
                     WHERE check_after_ms <= ?1 AND flow IS NOT NULL
                     ORDER BY check_after_ms LIMIT ?2",
                )?;
                let rows = stmt.query_map(params![now, sql_limit(limit)], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            };
            for key in &due {
                tx.execute(
                    "UPDATE paypro_orders SET check_after_ms = ?1 WHERE key = ?2",
                    params![now + ms(settings.lease), key],
                )?;
            }
            tx.commit()?;
            Ok(ops::due_orders(due))
        })
        .await
    }

    async fn claim_actions(&self, limit: usize) -> Result<Vec<PendingAction>, StoreError> {
        self.with(move |conn, settings| {
            let now = now_ms();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let claimed: Vec<ops::ActionColumns> = {
                let mut stmt = tx.prepare(&format!(
                    "SELECT {ACTION} FROM paypro_actions
                     WHERE done_ms IS NULL AND next_at_ms <= ?1
                       AND (lease_until_ms IS NULL OR lease_until_ms <= ?1)
                     ORDER BY id LIMIT ?2"
                ))?;
                let rows = stmt.query_map(params![now, sql_limit(limit)], action_of)?;
                rows.collect::<Result<_, _>>()?
            };
            for a in &claimed {
                tx.execute(
                    "UPDATE paypro_actions SET lease_until_ms = ?1, attempts = attempts + 1 WHERE id = ?2",
                    params![now + ms(settings.lease), a.id],
                )?;
            }
            tx.commit()?;
            claimed
                .into_iter()
                .map(|mut a| {
                    a.attempts += 1;
                    a.into_action()
                })
                .collect()
        })
        .await
    }

    async fn action_done(&self, id: i64) -> Result<(), StoreError> {
        self.with(move |conn, _| {
            conn.execute(
                "UPDATE paypro_actions SET done_ms = ?1, lease_until_ms = NULL, last_error = NULL
                 WHERE id = ?2 AND done_ms IS NULL",
                params![now_ms(), id],
            )?;
            Ok(())
        })
        .await
    }

    async fn action_failed(
        &self,
        id: i64,
        error: &str,
        retry_in: Duration,
    ) -> Result<(), StoreError> {
        let error = error.to_string();
        self.with(move |conn, _| {
            conn.execute(
                "UPDATE paypro_actions SET lease_until_ms = NULL, next_at_ms = ?1, last_error = ?2
                 WHERE id = ?3 AND done_ms IS NULL",
                params![now_ms() + ms(retry_in), error, id],
            )?;
            Ok(())
        })
        .await
    }

    async fn record(&self, key: &str) -> Result<Option<OrderRecord>, StoreError> {
        let key = key.to_string();
        self.with(move |conn, _| {
            let found = conn
                .query_row(
                    &format!("SELECT {RECORD} FROM paypro_orders WHERE key = ?1"),
                    [&key],
                    order_record,
                )
                .optional()?;
            found.map(|(k, r, c)| c.into_record(k, &r)).transpose()
        })
        .await
    }

    async fn records(
        &self,
        filter: OrderFilter,
        limit: usize,
    ) -> Result<Vec<OrderRecord>, StoreError> {
        self.with(move |conn, _| {
            let sql = format!(
                "SELECT {RECORD} FROM paypro_orders WHERE {} ORDER BY created_ms DESC, key LIMIT ?1",
                ops::filter_sql(filter)
            );
            let mut stmt = conn.prepare(&sql)?;
            let rows = stmt.query_map([sql_limit(limit)], order_record)?;
            let rows: Vec<_> = rows.collect::<Result<_, _>>()?;
            rows.into_iter().map(|(k, r, c)| c.into_record(k, &r)).collect()
        })
        .await
    }

    async fn actions(
        &self,
        pending_only: bool,
        limit: usize,
    ) -> Result<Vec<PendingAction>, StoreError> {
        self.with(move |conn, _| {
            let filter = if pending_only {
                "done_ms IS NULL"
            } else {
                "1 = 1"
            };
            let mut stmt = conn.prepare(&format!(
                "SELECT {ACTION} FROM paypro_actions WHERE {filter} ORDER BY id LIMIT ?1"
            ))?;
            let rows = stmt.query_map([sql_limit(limit)], action_of)?;
            let rows: Vec<ops::ActionColumns> = rows.collect::<Result<_, _>>()?;
            rows.into_iter()
                .map(ops::ActionColumns::into_action)
                .collect()
        })
        .await
    }

    async fn count_due(&self) -> Result<u64, StoreError> {
        self.with(move |conn, _| {
            let n: i64 = conn.query_row(
                "SELECT COUNT(*) FROM paypro_orders WHERE check_after_ms <= ?1 AND flow IS NOT NULL",
                [now_ms()],
                |r| r.get(0),
            )?;
            Ok(n.max(0) as u64)
        })
        .await
    }
}
