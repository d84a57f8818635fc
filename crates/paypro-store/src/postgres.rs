//! The store for several receiver instances: Postgres through a connection pool, one
//! transaction per change with the order's row locked (`SELECT ... FOR UPDATE`), and the
//! outbox and the reconciler claiming rows with `FOR UPDATE SKIP LOCKED`.

use std::str::FromStr;
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use paypro_core::order::{Applied, Event, Order, OrderStore};
use tokio_postgres::{NoTls, Row as PgRow};

use crate::StoreError;
use crate::decide::{Row, Source, after_failed_check, decide, now_ms, read, record};
use crate::ops::{self, Hint, SendOutcome, sql_limit};
use crate::rows::{DueOrder, OrderFilter, OrderRecord, PendingAction, Submission, split_key};
use crate::schema::{self, Migrations, VERSION_TABLE};
use crate::settings::{Settings, ms};

const MIGRATIONS: Migrations = &[
    (1, include_str!("../migrations/postgres/0001_orders.sql")),
    (2, include_str!("../migrations/postgres/0002_lifecycle.sql")),
];

/// The advisory lock that serializes migrations between instances starting at once.
const MIGRATION_LOCK: i64 = 0x7061_7970_726f; // "paypro"

/// How the pool and each statement are bounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PoolOptions {
    /// Connections at most (per process). Default 16.
    pub max_connections: usize,
    /// How long a statement may run before Postgres cancels it (`statement_timeout`), so a
    /// locked order or a stuck server costs one request, not the instance. Default 10 s.
    pub statement_timeout: Duration,
    /// How long to wait for a free connection, or for a new one to connect. Default 10 s.
    pub wait_timeout: Duration,
}

impl Default for PoolOptions {
    fn default() -> Self {
        PoolOptions {
            max_connections: 16,
            statement_timeout: Duration::from_secs(10),
            wait_timeout: Duration::from_secs(10),
        }
    }
}

/// Orders in Postgres tables `paypro_orders` and `paypro_actions` (see the [crate docs](crate)).
///
/// A pool of connections ([deadpool-postgres]): a connection broken by a server restart or a
/// failover is dropped and replaced, so the store reconnects by itself (the request that met
/// the broken connection fails, and Paypro retries it). Each change holds one connection for
/// one transaction, so a locked order delays only its own callbacks, and every statement is
/// bounded by [`PoolOptions::statement_timeout`].
///
/// `apply` locks the order's row for the transaction, so deliveries of the same callback to
/// several instances at once run one after the other and the later ones read the stored state:
/// one `Fulfil` between them.
///
/// **Backups**: the tables are ordinary tables: `pg_dump`, or the server's continuous archiving
/// (WAL archiving with a base backup) for point-in-time recovery.
///
/// [deadpool-postgres]: https://docs.rs/deadpool-postgres
#[derive(Clone, Debug)]
pub struct PostgresStore {
    pool: Pool,
    settings: Settings,
}

impl PostgresStore {
    /// Connects (`postgres://user:password@host:port/database`, without TLS: run it over a
    /// local socket or a private network), checks that no other application owns a
    /// `paypro_` table, and brings the schema up to date.
    pub async fn connect(url: &str) -> Result<PostgresStore, StoreError> {
        PostgresStore::connect_with(url, Settings::default(), PoolOptions::default()).await
    }

    /// [`PostgresStore::connect`] with the lifecycle's timing and the pool's bounds.
    pub async fn connect_with(
        url: &str,
        settings: Settings,
        options: PoolOptions,
    ) -> Result<PostgresStore, StoreError> {
        let mut config = tokio_postgres::Config::from_str(url)?;
        let timeout = format!(
            "-c statement_timeout={}",
            options.statement_timeout.as_millis()
        );
        let merged = match config.get_options() {
            Some(given) if !given.is_empty() => format!("{given} {timeout}"),
            _ => timeout,
        };
        config.options(&merged);
        config.connect_timeout(options.wait_timeout);
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(options.max_connections.max(1))
            .runtime(Runtime::Tokio1)
            .wait_timeout(Some(options.wait_timeout))
            .create_timeout(Some(options.wait_timeout))
            .recycle_timeout(Some(options.wait_timeout))
            .build()
            .map_err(|e| StoreError::Pool(e.to_string()))?;
        let store = PostgresStore { pool, settings };
        let mut client = store.client().await?;
        migrate(&mut client).await?;
        Ok(store)
    }

    async fn client(&self) -> Result<deadpool_postgres::Client, StoreError> {
        self.pool
            .get()
            .await
            .map_err(|e| StoreError::Pool(e.to_string()))
    }

    /// The lifecycle's timing.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }
}

async fn migrate(client: &mut deadpool_postgres::Client) -> Result<(), StoreError> {
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    let names: Vec<String> = schema::TABLES.iter().map(|t| t.to_string()).collect();
    let present: Vec<String> = tx
        .query(
            "SELECT table_name::text FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_name = ANY($1) ORDER BY 1",
            &[&names],
        )
        .await?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let has_version = present.iter().any(|t| t == VERSION_TABLE);
    let (columns, current) = if has_version {
        let columns: Vec<String> = tx
            .query(
                "SELECT column_name::text FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
                &[&VERSION_TABLE],
            )
            .await?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let current = if columns == ["version"] {
            tx.query_one("SELECT MAX(version) FROM paypro_schema_version", &[])
                .await?
                .get::<_, Option<i64>>(0)
        } else {
            None
        };
        (columns, current)
    } else {
        (Vec::new(), None)
    };
    let known = MIGRATIONS.last().map_or(0, |(v, _)| *v);
    schema::check(&present, &columns, current, known)?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS paypro_schema_version (version BIGINT NOT NULL)")
        .await?;
    let current = current.unwrap_or(0);
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current) {
        tx.batch_execute(sql).await?;
        tx.execute(
            "INSERT INTO paypro_schema_version (version) VALUES ($1)",
            &[version],
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

const ROW: &str =
    "record, submission, flow, check_after_ms, checks, last_check_error, needs_person";

fn row_of(r: &PgRow) -> Row {
    Row {
        record: r.get(0),
        submission: r.get(1),
        flow: r.get(2),
        check_after_ms: r.get(3),
        checks: r.get(4),
        last_check_error: r.get(5),
        needs_person: r.get(6),
    }
}

/// The statements of a callback's transaction are prepared once per connection (deadpool's
/// statement cache): a statement given as text is prepared again on every call, one more
/// round trip to the server each time.
async fn load(
    tx: &deadpool_postgres::Transaction<'_>,
    key: &str,
) -> Result<Option<Row>, StoreError> {
    let select = tx
        .prepare_cached(&format!(
            "SELECT {ROW} FROM paypro_orders WHERE key = $1 FOR UPDATE"
        ))
        .await?;
    Ok(tx.query_opt(&select, &[&key]).await?.as_ref().map(row_of))
}

async fn store_row(
    tx: &deadpool_postgres::Transaction<'_>,
    key: &str,
    row: &Row,
    now: i64,
) -> Result<(), StoreError> {
    let update = tx
        .prepare_cached(
            "UPDATE paypro_orders SET record = $1, submission = $2, check_after_ms = $3, checks = $4,
             last_check_error = $5, needs_person = $6, updated_ms = $7 WHERE key = $8",
        )
        .await?;
    tx.execute(
        &update,
        &[
            &row.record,
            &row.submission,
            &row.check_after_ms,
            &row.checks,
            &row.last_check_error,
            &row.needs_person,
            &now,
            &key,
        ],
    )
    .await?;
    Ok(())
}

const RECORD: &str =
    "key, record, submission, endpoint, request, send_error, created_ms, updated_ms,
     check_after_ms, checks, last_check_error, needs_person";

fn order_record(r: &PgRow) -> Result<OrderRecord, StoreError> {
    let key: String = r.get(0);
    let record: String = r.get(1);
    ops::RecordColumns {
        submission: r.get(2),
        endpoint: r.get(3),
        request: r.get(4),
        send_error: r.get(5),
        created_ms: r.get(6),
        updated_ms: r.get(7),
        check_after_ms: r.get(8),
        checks: r.get(9),
        last_check_error: r.get(10),
        needs_person: r.get(11),
    }
    .into_record(key, &record)
}

const ACTION: &str = "id, key, action, status, record, at_ms, attempts, last_error, done_ms";

fn action_of(r: &PgRow) -> Result<PendingAction, StoreError> {
    ops::ActionColumns {
        id: r.get(0),
        key: r.get(1),
        status: r.get(3),
        record: r.get(4),
        at_ms: r.get(5),
        attempts: r.get(6),
        last_error: r.get(7),
        done_ms: r.get(8),
    }
    .into_action()
}

impl PostgresStore {
    async fn apply_from(
        &self,
        key: &str,
        event: &Event,
        source: Source,
    ) -> Result<Applied, StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let Some(stored) = load(&tx, key).await? else {
            return Ok(Applied::UnknownOrder);
        };
        let now = now_ms();
        let decision = decide(key, &stored, event, source, now, &self.settings)?;
        if decision.row != stored {
            store_row(&tx, key, &decision.row, now).await?;
        }
        if let Some(log) = &decision.log {
            let insert = tx
                .prepare_cached(
                    "INSERT INTO paypro_actions (key, action, status, record, at_ms, next_at_ms)
                     VALUES ($1, $2, $3, $4, $5, $5)",
                )
                .await?;
            tx.execute(&insert, &[&key, &log.name, &log.status, &log.record, &now])
                .await?;
        }
        tx.commit().await?;
        Ok(Applied::Action(decision.action))
    }
}

impl OrderStore for PostgresStore {
    type Error = StoreError;

    async fn register(&self, key: &str, order: Order) -> Result<bool, StoreError> {
        let client = self.client().await?;
        let now = now_ms();
        let (flow, trade_no) = split_key(key);
        let check_after = flow.map(|_| now + ms(self.settings.check_accepted_after));
        let inserted = client
            .execute(
                "INSERT INTO paypro_orders (key, record, created_ms, updated_ms, flow, trade_no, check_after_ms)
                 VALUES ($1, $2, $3, $3, $4, $5, $6) ON CONFLICT (key) DO NOTHING",
                &[&key, &record(&order), &now, &flow.map(|f| f.as_str()), &trade_no, &check_after],
            )
            .await?;
        Ok(inserted == 1)
    }

    async fn apply(&self, key: &str, event: &Event) -> Result<Applied, StoreError> {
        self.apply_from(key, event, Source::Callback).await
    }

    async fn order(&self, key: &str) -> Result<Option<Order>, StoreError> {
        let client = self.client().await?;
        let row = client
            .query_opt("SELECT record FROM paypro_orders WHERE key = $1", &[&key])
            .await?;
        row.map(|row| read(key, &row.get::<_, String>(0)))
            .transpose()
    }
}

impl ops::Ops for PostgresStore {
    fn settings(&self) -> &Settings {
        &self.settings
    }

    async fn begin_send(&self, send: ops::BeginSend) -> Result<Option<Submission>, StoreError> {
        let client = self.client().await?;
        let now = now_ms();
        let inserted = client
            .execute(
                "INSERT INTO paypro_orders (key, record, created_ms, updated_ms, flow, trade_no,
                 submission, endpoint, request, check_after_ms)
                 VALUES ($1, $2, $3, $3, $4, $5, 'sending', $6, $7, $8) ON CONFLICT (key) DO NOTHING",
                &[
                    &send.key,
                    &record(&send.order),
                    &now,
                    &send.flow.as_str(),
                    &send.trade_no,
                    &send.endpoint,
                    &send.body,
                    &(now + ms(self.settings.check_sending_after)),
                ],
            )
            .await?;
        if inserted == 1 {
            return Ok(None);
        }
        let existing: String = client
            .query_one(
                "SELECT submission FROM paypro_orders WHERE key = $1",
                &[&send.key],
            )
            .await?
            .get(0);
        Ok(Some(
            Submission::parse(&existing).unwrap_or(Submission::Registered),
        ))
    }

    async fn finish_send(&self, key: &str, outcome: SendOutcome) -> Result<(), StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let Some(stored) = load(&tx, key).await? else {
            return Ok(());
        };
        let now = now_ms();
        if let Some((row, error)) = ops::after_send(key, &stored, &outcome, now, &self.settings)? {
            store_row(&tx, key, &row, now).await?;
            tx.execute(
                "UPDATE paypro_orders SET send_error = $1 WHERE key = $2",
                &[&error, &key],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn hint(&self, key: &str) -> Result<Hint, StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let found = tx
            .query_opt(
                "SELECT check_after_ms, flow FROM paypro_orders WHERE key = $1 FOR UPDATE",
                &[&key],
            )
            .await?
            .map(|r| (r.get::<_, Option<i64>>(0), r.get::<_, Option<String>>(1)));
        let hint = ops::hint_of(found);
        if hint == Hint::Scheduled {
            tx.execute(
                "UPDATE paypro_orders SET check_after_ms = LEAST(check_after_ms, $1) WHERE key = $2",
                &[&now_ms(), &key],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(hint)
    }

    async fn apply_answer(&self, key: &str, event: &Event) -> Result<Applied, StoreError> {
        self.apply_from(key, event, Source::Query).await
    }

    async fn check_failed(&self, key: &str, error: &str) -> Result<(), StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        if let Some(stored) = load(&tx, key).await? {
            let now = now_ms();
            let row = after_failed_check(&stored, error, now, &self.settings);
            store_row(&tx, key, &row, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn claim_due(&self, limit: usize) -> Result<Vec<DueOrder>, StoreError> {
        let client = self.client().await?;
        let now = now_ms();
        let rows = client
            .query(
                "UPDATE paypro_orders SET check_after_ms = $1 WHERE key IN (
                   SELECT key FROM paypro_orders
                   WHERE check_after_ms <= $2 AND flow IS NOT NULL
                   ORDER BY check_after_ms LIMIT $3 FOR UPDATE SKIP LOCKED)
                 RETURNING key",
                &[&(now + ms(self.settings.lease)), &now, &(sql_limit(limit))],
            )
            .await?;
        Ok(ops::due_orders(rows.iter().map(|r| r.get(0)).collect()))
    }

    async fn claim_actions(&self, limit: usize) -> Result<Vec<PendingAction>, StoreError> {
        let client = self.client().await?;
        let now = now_ms();
        let rows = client
            .query(
                &format!(
                    "UPDATE paypro_actions SET lease_until_ms = $1, attempts = attempts + 1 WHERE id IN (
                       SELECT id FROM paypro_actions
                       WHERE done_ms IS NULL AND next_at_ms <= $2
                         AND (lease_until_ms IS NULL OR lease_until_ms <= $2)
                       ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
                     RETURNING {ACTION}"
                ),
                &[&(now + ms(self.settings.lease)), &now, &(sql_limit(limit))],
            )
            .await?;
        let mut claimed: Vec<PendingAction> =
            rows.iter().map(action_of).collect::<Result<_, _>>()?;
        claimed.sort_by_key(|a| a.id);
        Ok(claimed)
    }

    async fn action_done(&self, id: i64) -> Result<(), StoreError> {
        let client = self.client().await?;
        client
            .execute(
                "UPDATE paypro_actions SET done_ms = $1, lease_until_ms = NULL, last_error = NULL
                 WHERE id = $2 AND done_ms IS NULL",
                &[&now_ms(), &id],
            )
            .await?;
        Ok(())
    }

    async fn action_failed(
        &self,
        id: i64,
        error: &str,
        retry_in: Duration,
    ) -> Result<(), StoreError> {
        let client = self.client().await?;
        client
            .execute(
                "UPDATE paypro_actions SET lease_until_ms = NULL, next_at_ms = $1, last_error = $2
                 WHERE id = $3 AND done_ms IS NULL",
                &[&(now_ms() + ms(retry_in)), &error, &id],
            )
            .await?;
        Ok(())
    }

    async fn record(&self, key: &str) -> Result<Option<OrderRecord>, StoreError> {
        let client = self.client().await?;
        client
            .query_opt(
                &format!("SELECT {RECORD} FROM paypro_orders WHERE key = $1"),
                &[&key],
            )
            .await?
            .as_ref()
            .map(order_record)
            .transpose()
    }

    async fn records(
        &self,
        filter: OrderFilter,
        limit: usize,
    ) -> Result<Vec<OrderRecord>, StoreError> {
        let client = self.client().await?;
        let sql = format!(
            "SELECT {RECORD} FROM paypro_orders WHERE {} ORDER BY created_ms DESC, key LIMIT $1",
            ops::filter_sql(filter)
        );
        client
            .query(&sql, &[&(sql_limit(limit))])
            .await?
            .iter()
            .map(order_record)
            .collect()
    }

    async fn actions(
        &self,
        pending_only: bool,
        limit: usize,
    ) -> Result<Vec<PendingAction>, StoreError> {
        let client = self.client().await?;
        let filter = if pending_only {
            "done_ms IS NULL"
        } else {
            "TRUE"
        };
        client
            .query(
                &format!("SELECT {ACTION} FROM paypro_actions WHERE {filter} ORDER BY id LIMIT $1"),
                &[&(sql_limit(limit))],
            )
            .await?
            .iter()
            .map(action_of)
            .collect()
    }

    async fn count_due(&self) -> Result<u64, StoreError> {
        let client = self.client().await?;
        let n: i64 = client
            .query_one(
                "SELECT COUNT(*) FROM paypro_orders WHERE check_after_ms <= $1 AND flow IS NOT NULL",
                &[&now_ms()],
            )
            .await?
            .get(0);
        Ok(n.max(0) as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use paypro_core::Status;

    /// `url` naming `database` instead of its own.
    fn with_database(url: &str, database: &str) -> String {
        let (base, query) = url
            .split_once('?')
            .map_or((url, None), |(b, q)| (b, Some(q)));
        let after_scheme = base.find("://").map_or(0, |i| i + 3);
        let host_end = base[after_scheme..]
            .find('/')
            .map_or(base.len(), |i| after_scheme + i);
        let mut out = format!("{}/{database}", &base[..host_end]);
        if let Some(q) = query {
            out = format!("{out}?{q}");
        }
        out
    }

    /// A callback's statements are prepared once per connection and kept there (deadpool's
    /// statement cache). They were prepared again on every call, and closed after it: a round
    /// trip to the server more per statement, which halved the receivers' callbacks per second
    /// (BENCHMARKS.md, "The store's cost").
    #[tokio::test]
    async fn a_callbacks_statements_stay_prepared_on_the_connection() {
        let Ok(url) = std::env::var("PAYPRO_POSTGRES_URL") else {
            let missing = "PAYPRO_POSTGRES_URL is not set (crates/paypro-store/scripts/start-postgres.sh starts a server)";
            if std::env::var("PAYPRO_POSTGRES_TEST").as_deref() == Ok("require") {
                panic!("PAYPRO_POSTGRES_TEST=require, but {missing}");
            }
            eprintln!("skipped: {missing}");
            return;
        };
        let database = format!("paypro_store_statements_{}", std::process::id());
        let (admin, connection) = tokio_postgres::connect(&url, NoTls).await.unwrap();
        tokio::spawn(connection);
        let drop_it = format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        admin.batch_execute(&drop_it).await.unwrap();
        admin
            .batch_execute(&format!("CREATE DATABASE {database}"))
            .await
            .unwrap();
        let one = PoolOptions {
            max_connections: 1,
            ..PoolOptions::default()
        };
        let store =
            PostgresStore::connect_with(&with_database(&url, &database), Settings::default(), one)
                .await
                .unwrap();
        for i in 0..3 {
            let key = format!("pay-in:t{i}");
            assert!(
                store
                    .register(&key, Order::new(100).unwrap())
                    .await
                    .unwrap()
            );
            let paid = Event::new(Status::from_code("0000"), Some(100.into()));
            assert!(matches!(
                store.apply(&key, &paid).await.unwrap(),
                Applied::Action(_)
            ));
        }
        let client = store.client().await.unwrap();
        let prepared: Vec<String> = client
            .query("SELECT statement FROM pg_prepared_statements", &[])
            .await
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        drop(client);
        drop(store);
        admin.batch_execute(&drop_it).await.unwrap();
        for statement in [
            "FROM paypro_orders WHERE key = $1 FOR UPDATE",
            "UPDATE paypro_orders SET record",
            "INSERT INTO paypro_actions",
        ] {
            let kept = prepared.iter().filter(|s| s.contains(statement)).count();
            assert_eq!(kept, 1, "`{statement}` in {prepared:#?}");
        }
    }
}
