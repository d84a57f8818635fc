//! # paypro-axum
//!
//! [axum](https://docs.rs/axum) extractors for Paypro's payment notifications (callbacks).
//!
//! The extractors live in `paypro_core::extract` (feature `axum`) and every signed country
//! crate re-exports them with its own `axum` feature (`paypro-id = { features = ["axum"] }`),
//! so a merchant needs no crate but their country's. This crate re-exports the same items, for
//! code that serves several countries, and holds the example receiver.
//!
//! - [`VerifiedNotification`]: the raw body, size-limited and signature-checked by the
//!   [`Verifier`](paypro_core::notify::Verifier) in your state. Enqueue [`Verified::body`](paypro_core::notify::Verified::body) and parse later, or
//! - [`Notified<T>`]: verified, then parsed into a country's notification type
//!   (`paypro_id::Notification`); only signed notification types compile there.
//!
//! A bad body or signature, or a notification that cannot be acted on (strict parsing), is
//! answered `400 Bad Request` with the reason, and your handler is not called. Answer [`ACK`]
//! (`OK`) once the notification is safely recorded: anything else makes Paypro retry (8 times
//! in 24 h). Retries mean duplicates, deliveries arrive out of order, and a genuine callback
//! can be replayed, so never act on a notification alone: apply it to the order's stored state
//! with [`paypro_core::order::Order::apply`], keyed by `tradeNo`, and perform the action it
//! returns (fulfil once, never on a partial payment, never on a downgrade after success).
//! `examples/receiver.rs` does this, with time-outs and a connection cap; the crate's README
//! says how to run it behind a reverse proxy.
//!
//! Kenya's callbacks carry no signature: take the body as `axum::body::Bytes`, read it with
//! `paypro_ke::UnconfirmedNotification::parse` and confirm it with a query before acting.
//!
//! ```no_run
//! use axum::{extract::FromRef, routing::post, Router};
//! use paypro_axum::{Notified, ACK};
//! use paypro_core::notify::Verifier;
//! use paypro_core::Secret;
//!
//! #[derive(Clone)]
//! struct AppState {
//!     verifier: Verifier,
//! }
//!
//! impl FromRef<AppState> for Verifier {
//!     fn from_ref(state: &AppState) -> Verifier {
//!         state.verifier.clone()
//!     }
//! }
//!
//! async fn notify(Notified(n, _): Notified<paypro_id::Notification>) -> &'static str {
//!     println!("{:?} is now {:?}", n.trade_no, n.status);
//!     ACK
//! }
//!
//! # async fn run() {
//! let state = AppState { verifier: Verifier::new(Secret::new(std::env::var("PAYPRO_SECRET").unwrap()).unwrap()) };
//! let app: Router = Router::new().route("/paypro/notify", post(notify)).with_state(state);
//! # let _ = app;
//! # }
//! ```

#![warn(missing_docs)]

pub use paypro_core::extract::{Notified, Rejection, VerifiedNotification};
pub use paypro_core::notify::ACK;
