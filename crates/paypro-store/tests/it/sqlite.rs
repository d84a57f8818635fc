//! The SQLite store on its own: orders registered once, events applied with their action
//! recorded in the same transaction, unknown and corrupt orders, migrations run once, database
//! URLs, and a shop's own tables never touched.

use paypro_core::order::{Action, Applied, Event, Ignored, Order, OrderState, OrderStore};
use paypro_core::{Decimal, Status};
use paypro_store::{AnyStore, SqliteStore, StoreError, open};

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("paypro-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("orders.db")
}

fn success(amount: i64) -> Event {
    Event::new(Status::Success, Some(Decimal::from(amount)))
}

#[tokio::test]
async fn events_are_applied_once_and_their_actions_recorded_with_the_state() {
    let file = scratch("apply");
    let store = SqliteStore::open(&file).await.unwrap();
    assert!(
        store
            .register("o-1", Order::new(300).unwrap())
            .await
            .unwrap()
    );
    assert!(
        !store.register("o-1", Order::new(1).unwrap()).await.unwrap(),
        "never reset"
    );

    let partial = Event::new(Status::PartialPayment, Some(Decimal::from(100)));
    assert!(matches!(
        store.apply("o-1", &partial).await.unwrap(),
        Applied::Action(Action::RecordPartialPayment { .. })
    ));
    assert_eq!(
        store.apply("o-1", &success(300)).await.unwrap(),
        Applied::Action(Action::Fulfil {
            amount: Decimal::from(300)
        })
    );
    assert_eq!(
        store.apply("o-1", &success(300)).await.unwrap(),
        Applied::Action(Action::Ignore(Ignored::Duplicate))
    );
    let downgrade = Event::new(Status::from_code("00029"), None);
    assert!(matches!(
        store.apply("o-1", &downgrade).await.unwrap(),
        Applied::Action(Action::Ignore(Ignored::Conflict { .. }))
    ));
    assert_eq!(
        store.apply("nobody", &success(300)).await.unwrap(),
        Applied::UnknownOrder
    );
    assert_eq!(
        store.order("o-1").await.unwrap().unwrap().state(),
        &OrderState::Paid {
            amount: Decimal::from(300)
        }
    );

    // The actions table: what to perform and what to look at, no duplicate.
    let db = rusqlite::Connection::open(&file).unwrap();
    let mut rows = db
        .prepare("SELECT key, action, status FROM paypro_actions ORDER BY id")
        .unwrap();
    let rows: Vec<(String, String, String)> = rows
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let rows: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|(k, a, s)| (k.as_str(), a.as_str(), s.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("o-1", "record_partial_payment", "0001"),
            ("o-1", "fulfil", "0000"),
            ("o-1", "ignore", "00029"),
        ]
    );
    let mode: String = db
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[tokio::test]
async fn the_schema_is_created_once_and_a_corrupt_record_is_an_error() {
    let file = scratch("schema");
    let store = SqliteStore::open(&file).await.unwrap();
    assert!(store.register("o-2", Order::new(5).unwrap()).await.unwrap());
    drop(store);
    // Opened again: migrations are not run twice, the order is still there.
    let store = SqliteStore::open(&file).await.unwrap();
    assert!(store.order("o-2").await.unwrap().is_some());
    let db = rusqlite::Connection::open(&file).unwrap();
    let versions: i64 = db
        .query_row("SELECT COUNT(*) FROM paypro_schema_version", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(versions, 1);
    db.execute(
        "UPDATE paypro_orders SET record = '{\"expected\":\"0\"}' WHERE key = 'o-2'",
        [],
    )
    .unwrap();
    match store.apply("o-2", &success(5)).await {
        Err(StoreError::Corrupt { key, .. }) => assert_eq!(key, "o-2"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn database_urls() {
    // memory: is SQLite in memory: the same code as a file, nothing kept.
    let memory = open("memory:").await.unwrap();
    assert!(matches!(memory, AnyStore::Sqlite(_)));
    assert!(
        memory
            .register("o-0", Order::new(1).unwrap())
            .await
            .unwrap()
    );
    assert!(
        open("memory:")
            .await
            .unwrap()
            .order("o-0")
            .await
            .unwrap()
            .is_none()
    );
    let file = scratch("url");
    let url = format!("sqlite://{}", file.display());
    let store = open(&url).await.unwrap();
    assert!(matches!(store, AnyStore::Sqlite(_)));
    assert!(store.register("o-3", Order::new(1).unwrap()).await.unwrap());
    for bad in ["sqlite://", "mysql://db", "orders.db"] {
        match open(bad).await {
            Err(StoreError::Url(why)) => assert!(!why.is_empty()),
            other => panic!("{bad}: {other:?}"),
        }
    }
}

/// A shop database with its own `orders`, `actions` and `schema_version` tables (what the
/// store used to name its own): the store creates its `paypro_` tables beside them and never
/// reads or writes the shop's.
#[tokio::test]
async fn a_shop_database_keeps_its_own_tables() {
    let file = scratch("shop");
    let shop = rusqlite::Connection::open(&file).unwrap();
    shop.execute_batch(
        "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT, total INTEGER);
         INSERT INTO orders (customer, total) VALUES ('ada', 300), ('bob', 500);
         CREATE TABLE actions (id INTEGER PRIMARY KEY, what TEXT);
         INSERT INTO actions (what) VALUES ('ship');
         CREATE TABLE schema_version (version INTEGER NOT NULL);
         INSERT INTO schema_version VALUES (42);",
    )
    .unwrap();
    let dump = |db: &rusqlite::Connection, sql: &str| -> Vec<String> {
        let mut stmt = db.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let before = (
        dump(
            &shop,
            "SELECT customer || ':' || total FROM orders ORDER BY id",
        ),
        dump(&shop, "SELECT what FROM actions"),
        dump(&shop, "SELECT CAST(version AS TEXT) FROM schema_version"),
    );

    let store = SqliteStore::open(&file).await.unwrap();
    assert!(
        store
            .register("pay-in:o-1", Order::new(300).unwrap())
            .await
            .unwrap()
    );
    store.apply("pay-in:o-1", &success(300)).await.unwrap();

    let after = (
        dump(
            &shop,
            "SELECT customer || ':' || total FROM orders ORDER BY id",
        ),
        dump(&shop, "SELECT what FROM actions"),
        dump(&shop, "SELECT CAST(version AS TEXT) FROM schema_version"),
    );
    assert_eq!(before, after, "the shop's tables are untouched");
    assert_eq!(
        dump(&shop, "SELECT key || ' ' || action FROM paypro_actions"),
        ["pay-in:o-1 fulfil"]
    );
}

/// A `paypro_orders` table that another application created: a start-up error naming it,
/// and the table left as it was.
#[tokio::test]
async fn a_foreign_paypro_table_is_a_start_up_error() {
    let file = scratch("foreign");
    let other = rusqlite::Connection::open(&file).unwrap();
    other
        .execute_batch(
            "CREATE TABLE paypro_orders (sku TEXT, qty INTEGER);
             INSERT INTO paypro_orders VALUES ('tea', 2);",
        )
        .unwrap();
    match SqliteStore::open(&file).await {
        Err(StoreError::Conflict { table, reason }) => {
            assert_eq!(table, "paypro_orders");
            assert!(reason.contains("another application"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    let rows: i64 = other
        .query_row("SELECT COUNT(*) FROM paypro_orders", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 1);
    let tables: i64 = other
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'paypro_schema_version'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 0, "nothing was created beside it");
}
