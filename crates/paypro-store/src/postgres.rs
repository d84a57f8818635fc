//! The store for several receiver instances: Postgres, one transaction per notification with
//! the order's row locked (`SELECT ... FOR UPDATE`).

use paypro_core::order::{Applied, Event, Order, OrderStore};
use tokio::sync::Mutex;
use tokio_postgres::{Client, NoTls};

use crate::StoreError;
use crate::decide::{Migrations, decide, now_ms, read, record};

const MIGRATIONS: Migrations = &[(1, include_str!("../migrations/postgres/0001_orders.sql"))];

/// The advisory lock that serializes migrations between instances starting at once.
const MIGRATION_LOCK: i64 = 0x7061_7970_726f; // "paypro"

/// Orders in Postgres tables `paypro_orders` and `paypro_actions` (see the [crate docs](crate)).
///
/// `apply` locks the order's row for the transaction, so deliveries of the same callback to
/// several instances at once run one after the other and the later ones read the stored state:
/// one `Fulfil` between them. Each store holds one connection; open one per instance (or per
/// worker) and let Postgres serialize them.
#[derive(Debug)]
pub struct PostgresStore {
    client: Mutex<Client>,
}

impl PostgresStore {
    /// Connects (`postgres://user:password@host:port/database`, without TLS: run it over a
    /// local socket or a private network) and brings the schema up to date.
    pub async fn connect(url: &str) -> Result<PostgresStore, StoreError> {
        let (mut client, connection) = tokio_postgres::connect(url, NoTls).await?;
        tokio::spawn(async move {
            // Ends when the client is dropped or the server goes away; calls then fail.
            let _ = connection.await;
        });
        migrate(&mut client).await?;
        Ok(PostgresStore {
            client: Mutex::new(client),
        })
    }
}

async fn migrate(client: &mut Client) -> Result<(), StoreError> {
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS paypro_schema_version (version BIGINT NOT NULL)")
        .await?;
    let current: i64 = tx
        .query_one(
            "SELECT COALESCE(MAX(version), 0) FROM paypro_schema_version",
            &[],
        )
        .await?
        .get(0);
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

impl OrderStore for PostgresStore {
    type Error = StoreError;

    async fn register(&self, key: &str, order: Order) -> Result<bool, StoreError> {
        let client = self.client.lock().await;
        let now = now_ms();
        let inserted = client
            .execute(
                "INSERT INTO paypro_orders (key, record, created_ms, updated_ms) VALUES ($1, $2, $3, $3)
                 ON CONFLICT (key) DO NOTHING",
                &[&key, &record(&order), &now],
            )
            .await?;
        Ok(inserted == 1)
    }

    async fn apply(&self, key: &str, event: &Event) -> Result<Applied, StoreError> {
        let mut client = self.client.lock().await;
        let tx = client.transaction().await?;
        let Some(row) = tx
            .query_opt(
                "SELECT record FROM paypro_orders WHERE key = $1 FOR UPDATE",
                &[&key],
            )
            .await?
        else {
            return Ok(Applied::UnknownOrder);
        };
        let stored: String = row.get(0);
        let decision = decide(key, &stored, event)?;
        let now = now_ms();
        if let Some(next) = &decision.next {
            tx.execute(
                "UPDATE paypro_orders SET record = $1, updated_ms = $2 WHERE key = $3",
                &[next, &now, &key],
            )
            .await?;
        }
        if let Some(log) = &decision.log {
            tx.execute(
                "INSERT INTO paypro_actions (key, action, status, record, at_ms) VALUES ($1, $2, $3, $4, $5)",
                &[&key, &log.name, &log.status, &log.record, &now],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(Applied::Action(decision.action))
    }

    async fn order(&self, key: &str) -> Result<Option<Order>, StoreError> {
        let client = self.client.lock().await;
        let row = client
            .query_opt("SELECT record FROM paypro_orders WHERE key = $1", &[&key])
            .await?;
        row.map(|row| read(key, &row.get::<_, String>(0)))
            .transpose()
    }
}
