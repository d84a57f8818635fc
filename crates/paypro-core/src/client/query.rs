//! A country's order queries, by flow: what a reconciler asks the gateway.

use std::future::Future;

use super::{Client, Error};
use crate::notify::Flow;
use crate::order::Event;

/// Asks the gateway where an order stands. Every country crate's `Client` implements it with
/// its own query endpoints (`query-pay-in` for [`Flow::PayIn`], `query-payout` for
/// [`Flow::Payout`]), so a country-independent reconciler (`paypro-store`'s) can confirm any
/// order, and Kenya's unsigned callbacks are confirmed the same way as a lost callback.
///
/// Queries are read-only: they are retried within the client's `RetryPolicy`, and nothing in
/// this trait ever sends a pay-in or a payout.
pub trait OrderQuery: Clone + Send + Sync + 'static {
    /// The country-independent client (it also sends the money-moving requests).
    fn core(&self) -> &Client;

    /// Queries the order `trade_no` of `flow` and reads the answer as an [`Event`] (its
    /// status and paid amount), for [`crate::order::Order::apply`]. `Ok(None)` when the answer
    /// carries no status.
    fn query_order(
        &self,
        flow: Flow,
        trade_no: &str,
    ) -> impl Future<Output = Result<Option<Event>, Error>> + Send;
}
