//! The blocking client (feature `blocking`), for programs without an async runtime.
//!
//! A thin wrapper: each call drives the async [`super::Client`] to completion on a private
//! single-threaded runtime, so configuration, errors, retries, the deadline and reconciliation
//! are the async client's own, not a copy. [`Config::request_timeout`] therefore bounds the
//! whole exchange (connect, send and every read of the answer), as it does there.
//!
//! Calling it from inside an async runtime is refused with [`Error::NotSent`] (blocking there
//! would stall the runtime): use the async client instead.

use std::sync::Arc;

use super::{Config, ConfigError, Error, ReconcileOptions, Reconciled, Reply};
use crate::descriptor::CountryDescriptor;
use crate::{Endpoint, Status};

/// A blocking client for one country's gateway. Cheap to clone (shares the runtime and the
/// connection pool).
#[derive(Clone, Debug)]
pub struct Client {
    client: super::Client,
    runtime: Arc<tokio::runtime::Runtime>,
}

impl Client {
    /// A client for `country`; see [`super::Client::new`]. A supplied
    /// [`Config::http_client`] is used as it is.
    pub fn new(country: &'static CountryDescriptor, config: Config) -> Result<Self, ConfigError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(ConfigError::Runtime)?;
        // The connection pool's tasks belong to the runtime that uses them.
        let client = {
            let _entered = runtime.enter();
            super::Client::new(country, config)?
        };
        Ok(Client {
            client,
            runtime: Arc::new(runtime),
        })
    }

    /// The base URL in use.
    pub fn base_url(&self) -> &str {
        self.client.base_url()
    }

    /// The async client this one drives.
    pub fn as_async(&self) -> &super::Client {
        &self.client
    }

    /// Signs and sends `request`; see [`super::Client::send`].
    pub fn send<E: Endpoint>(&self, request: &E) -> Result<Reply<E::Response>, Error> {
        self.block_on(self.client.send(request))?
    }

    /// Finds out what happened to an uncertain pay-in or payout, as the async
    /// `Client::reconcile` does (the country crates call it `reconcile_<endpoint>`).
    pub fn reconcile<Q: Endpoint>(
        &self,
        query: &Q,
        status_of: fn(&Q::Response) -> Option<&Status>,
        options: ReconcileOptions,
    ) -> Result<Reconciled<Q::Response>, Error> {
        self.block_on(self.client.reconcile(query, status_of, options))?
    }

    fn block_on<F: std::future::Future>(&self, future: F) -> Result<F::Output, Error> {
        if tokio::runtime::Handle::try_current().is_ok() {
            return Err(Error::not_sent(
                "the blocking client was called inside an async runtime; use the async Client there",
                None,
            ));
        }
        Ok(self.runtime.block_on(future))
    }
}
