//! The Postgres store against a real server (a database of its own on the server `pg` finds):
//! it reconnects after its connections die and the server was unreachable for a while (a
//! restart, played by `pg::Proxy`), a locked order does not stall another order's callback, and
//! a statement that waits too long is cancelled instead of holding a connection.

use std::time::{Duration, Instant};

use paypro_core::order::{Applied, Event, Order, OrderState, OrderStore};
use paypro_core::{Decimal, Status};
use paypro_store::{PoolOptions, PostgresStore, Settings, StoreError};

use crate::pg::{Postgres, Proxy};

/// The longest a convergence may take before the test gives up.
const BOUND: Duration = Duration::from_secs(30);

fn success(amount: i64) -> Event {
    Event::new(Status::Success, Some(Decimal::from(amount)))
}

fn options(statement_timeout: Duration) -> PoolOptions {
    let mut o = PoolOptions::default();
    o.max_connections = 4;
    o.statement_timeout = statement_timeout;
    o.wait_timeout = Duration::from_secs(2);
    o
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_store_reconnects_after_the_server_restarts() {
    let Some(pg) = Postgres::for_test("the_store_reconnects_after_the_server_restarts").await
    else {
        return;
    };
    let db = pg.create_database("reconnect").await.unwrap();
    let proxy = Proxy::start(&pg, &[&db]).await;
    let store = PostgresStore::connect_with(
        &proxy.url_of(&db),
        Settings::default(),
        options(Duration::from_secs(10)),
    )
    .await
    .unwrap();
    assert!(
        store
            .register("pay-in:r-1", Order::new(300).unwrap())
            .await
            .unwrap()
    );
    assert!(
        store
            .register("pay-in:r-2", Order::new(300).unwrap())
            .await
            .unwrap()
    );
    // Every pooled connection was opened before the restart.
    store.order("pay-in:r-1").await.unwrap();

    // The server goes away: the store's connections are cut (their backends terminated) and
    // new ones are refused. Meanwhile the store fails (Paypro would retry those callbacks).
    let cut = proxy.down().await.unwrap();
    assert!(cut >= 1, "the store's open connections were cut ({cut})");
    for _ in 0..3 {
        assert!(
            store.apply("pay-in:r-1", &success(300)).await.is_err(),
            "the store cannot work while the server is unreachable"
        );
    }
    proxy.up();

    // The server is back: the pool replaces the dead connections, and the store works again
    // without restarting the receiver (a connection that died unnoticed may fail once more).
    let deadline = Instant::now() + BOUND;
    let mut failures = 0;
    loop {
        match store.apply("pay-in:r-1", &success(300)).await {
            Ok(applied) => {
                assert!(matches!(applied, Applied::Action(_)));
                break;
            }
            Err(e) => {
                failures += 1;
                assert!(Instant::now() < deadline, "never reconnected: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
    eprintln!("{failures} calls failed across the restart");
    for key in ["pay-in:r-1", "pay-in:r-2"] {
        store.apply(key, &success(300)).await.unwrap();
        assert_eq!(
            store.order(key).await.unwrap().unwrap().state(),
            &OrderState::Paid {
                amount: Decimal::from(300)
            }
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_order_stalls_only_its_own_callbacks_and_times_out() {
    let Some(pg) =
        Postgres::for_test("a_locked_order_stalls_only_its_own_callbacks_and_times_out").await
    else {
        return;
    };
    let url = pg.url_of(&pg.create_database("locked").await.unwrap());
    let store =
        PostgresStore::connect_with(&url, Settings::default(), options(Duration::from_secs(3)))
            .await
            .unwrap();
    assert!(
        store
            .register("pay-in:a", Order::new(300).unwrap())
            .await
            .unwrap()
    );
    assert!(
        store
            .register("pay-in:b", Order::new(300).unwrap())
            .await
            .unwrap()
    );

    // Another session locks order a (an operator's transaction, a stuck instance).
    let (mut locker, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    let lock = locker.transaction().await.unwrap();
    lock.execute(
        "SELECT 1 FROM paypro_orders WHERE key = 'pay-in:a' FOR UPDATE",
        &[],
    )
    .await
    .unwrap();

    let blocked = {
        let store = store.clone();
        tokio::spawn(async move { store.apply("pay-in:a", &success(300)).await })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!blocked.is_finished(), "order a waits for its lock");
    // Order b's callback goes through while a's waits.
    store.apply("pay-in:b", &success(300)).await.unwrap();
    assert!(
        !blocked.is_finished(),
        "order b was applied while order a was still waiting: no head-of-line blocking"
    );
    // The wait is bounded by the statement time-out: an error, so Paypro retries.
    match blocked.await.unwrap() {
        Err(StoreError::Postgres(e)) => assert!(
            e.to_string().contains("timeout")
                || format!("{e:?}").contains("statement timeout")
                || format!("{e:?}").contains("57014"),
            "{e:?}"
        ),
        other => panic!("{other:?}"),
    }
    lock.rollback().await.unwrap();
    store.apply("pay-in:a", &success(300)).await.unwrap();
    assert!(store.order("pay-in:a").await.unwrap().unwrap().is_final());
}
