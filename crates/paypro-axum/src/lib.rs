//! # paypro-axum
//!
//! [axum](https://docs.rs/axum) extractors for Paypro's payment notifications (callbacks).
//!
//! - [`VerifiedNotification`]: the raw body, size-limited and signature-checked by the
//!   [`Verifier`] in your state. Enqueue [`Verified::body`] and parse later, or
//! - [`Notified<T>`]: verified, then parsed into a country's notification type
//!   (`paypro_id::Notification`).
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

use axum::body::Bytes;
use axum::extract::{FromRef, FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use paypro_core::FromRaw;
use paypro_core::notify::{NotifyError, Verified, Verifier};

pub use paypro_core::notify::ACK;

/// A notification whose signature checked out; the raw fields inside.
#[derive(Clone, Debug)]
pub struct VerifiedNotification(pub Verified);

/// A verified notification parsed into `T`, with the verified raw fields.
#[derive(Clone, Debug)]
pub struct Notified<T>(pub T, pub Verified);

/// Why a notification was refused: `400 Bad Request` with the reason as plain text.
#[derive(Debug)]
pub struct Rejection(pub NotifyError);

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        (StatusCode::BAD_REQUEST, self.0.to_string()).into_response()
    }
}

impl<S> FromRequest<S> for VerifiedNotification
where
    S: Send + Sync,
    Verifier: FromRef<S>,
{
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let verifier = Verifier::from_ref(state);
        let limit = verifier.body_limit();
        let declared = req
            .headers()
            .get(axum::http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        if let Some(got) = declared.filter(|n| *n > limit) {
            return Err(Rejection(NotifyError::TooLarge { limit, got }));
        }
        let body = read_at_most(req.into_body(), limit)
            .await
            .map_err(Rejection)?;
        verifier
            .verify(&body)
            .map(VerifiedNotification)
            .map_err(Rejection)
    }
}

/// Reads a body frame by frame, refusing it as soon as it passes `limit` bytes (a chunked body
/// declares no length): `TooLarge` with the bytes seen so far, or `BodyNotRead`.
async fn read_at_most(mut body: axum::body::Body, limit: usize) -> Result<Bytes, NotifyError> {
    use axum::body::HttpBody;
    let mut out = Vec::new();
    while let Some(frame) =
        std::future::poll_fn(|cx| std::pin::Pin::new(&mut body).poll_frame(cx)).await
    {
        let frame = frame.map_err(|e| NotifyError::BodyNotRead(e.to_string()))?;
        if let Ok(data) = frame.into_data() {
            if out.len() + data.len() > limit {
                return Err(NotifyError::TooLarge {
                    limit,
                    got: out.len() + data.len(),
                });
            }
            out.extend_from_slice(&data);
        }
    }
    Ok(Bytes::from(out))
}

impl<S, T> FromRequest<S> for Notified<T>
where
    S: Send + Sync,
    Verifier: FromRef<S>,
    T: FromRaw,
{
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let VerifiedNotification(verified) = VerifiedNotification::from_request(req, state).await?;
        let parsed = verified
            .parse::<T>()
            .map_err(|e| Rejection(NotifyError::Unusable(e)))?;
        Ok(Notified(parsed, verified))
    }
}
