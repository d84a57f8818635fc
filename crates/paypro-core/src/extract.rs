//! [axum](https://docs.rs/axum) 0.8 extractors for payment notifications (feature `axum`; your
//! handlers use your own `axum = "0.8"`: the SDK re-exports no part of axum).
//!
//! Every signed country crate re-exports these with its own `axum` feature
//! (`paypro-id = { features = ["axum"] }`), so a receiver needs one Paypro crate.
//!
//! - [`VerifiedNotification`]: the raw body, size-limited and signature-checked by the
//!   [`Verifier`] in your state. Enqueue [`Verified::body`] and parse later, or
//! - [`Notified<T>`]: verified, then parsed into a country's notification type
//!   (`paypro_id::Notification`). `T` must be a [`SignedNotification`]: Kenya's unsigned
//!   `UnconfirmedNotification` does not compile here.
//!
//! A bad body or signature, or a notification that cannot be acted on (strict parsing), is
//! answered `400 Bad Request` with the reason, and the handler is not called. Answer
//! [`ACK`](crate::notify::ACK) (`OK`) once the notification is safely recorded: anything else
//! makes Paypro retry (8 times in 24 h). Retries mean duplicates, deliveries arrive out of
//! order, and a genuine callback can be replayed, so never act on a notification alone: apply it
//! to the order's stored state with [`crate::order::Order::apply`], keyed by `tradeNo`, and
//! perform the action it returns.
//!
//! The body is read frame by frame and refused as soon as it passes
//! [`Verifier::body_limit`], whether or not it declares a length.

use axum::body::{Body, Bytes};
use axum::extract::{FromRef, FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::notify::{NotifyError, SignedNotification, Verified, Verifier};

/// A notification whose signature checked out; the raw fields inside.
#[derive(Clone, Debug)]
pub struct VerifiedNotification(pub Verified);

/// A verified notification parsed into `T`, with the verified raw fields.
///
/// `T` must be a [`SignedNotification`]: the type `Notified<paypro_ke::UnconfirmedNotification>`
/// cannot even be written, since Kenya's callbacks carry no signature to verify.
#[derive(Clone, Debug)]
pub struct Notified<T: SignedNotification>(pub T, pub Verified);

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
async fn read_at_most(mut body: Body, limit: usize) -> Result<Bytes, NotifyError> {
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
    T: SignedNotification,
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
