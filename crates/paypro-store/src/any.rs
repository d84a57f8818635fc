//! One store chosen at run time from a `DATABASE_URL`.

use paypro_core::order::{Applied, Event, MemoryStore, Order, OrderStore};

use crate::StoreError;

/// The store a `DATABASE_URL` names (see [`open`]).
#[derive(Debug)]
#[non_exhaustive]
pub enum AnyStore {
    /// `memory:`: this process only, nothing kept.
    Memory(MemoryStore),
    /// `sqlite://FILE`.
    #[cfg(feature = "sqlite")]
    Sqlite(crate::SqliteStore),
    /// `postgres://...` or `postgresql://...`.
    #[cfg(feature = "postgres")]
    Postgres(crate::PostgresStore),
}

/// Opens the store `url` names: `sqlite://FILE` (a path, relative to the working directory
/// unless it starts with `/`: `sqlite:///var/lib/shop/orders.db`), `postgres://...` (or
/// `postgresql://`), or `memory:`. A scheme this build has no feature for is an error that
/// says which feature.
pub async fn open(url: &str) -> Result<AnyStore, StoreError> {
    if url == "memory:" {
        return Ok(AnyStore::Memory(MemoryStore::new()));
    }
    if let Some(path) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        if path.is_empty() {
            return Err(StoreError::Url("sqlite:// needs a file path".into()));
        }
        #[cfg(feature = "sqlite")]
        return Ok(AnyStore::Sqlite(crate::SqliteStore::open(path).await?));
        #[cfg(not(feature = "sqlite"))]
        return Err(StoreError::Url(
            "this build has no SQLite store (feature `sqlite`)".into(),
        ));
    }
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        #[cfg(feature = "postgres")]
        return Ok(AnyStore::Postgres(
            crate::PostgresStore::connect(url).await?,
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

impl OrderStore for AnyStore {
    type Error = StoreError;

    async fn register(&self, key: &str, order: Order) -> Result<bool, StoreError> {
        match self {
            AnyStore::Memory(s) => Ok(s.register(key, order).await.unwrap_or_else(|e| match e {})),
            #[cfg(feature = "sqlite")]
            AnyStore::Sqlite(s) => s.register(key, order).await,
            #[cfg(feature = "postgres")]
            AnyStore::Postgres(s) => s.register(key, order).await,
        }
    }

    async fn apply(&self, key: &str, event: &Event) -> Result<Applied, StoreError> {
        match self {
            AnyStore::Memory(s) => Ok(s.apply(key, event).await.unwrap_or_else(|e| match e {})),
            #[cfg(feature = "sqlite")]
            AnyStore::Sqlite(s) => s.apply(key, event).await,
            #[cfg(feature = "postgres")]
            AnyStore::Postgres(s) => s.apply(key, event).await,
        }
    }

    async fn order(&self, key: &str) -> Result<Option<Order>, StoreError> {
        match self {
            AnyStore::Memory(s) => Ok(s.order(key).await.unwrap_or_else(|e| match e {})),
            #[cfg(feature = "sqlite")]
            AnyStore::Sqlite(s) => s.order(key).await,
            #[cfg(feature = "postgres")]
            AnyStore::Postgres(s) => s.order(key).await,
        }
    }
}
