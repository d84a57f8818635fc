// @generated from spec/bd.toml by `cargo xtask gen`; do not edit.
//! The SDK's machinery: what the client does for you, for tools, tests and
//! integrations that need the wire itself. Everyday code needs only the crate root.
//!
//! - Signing: [`Signable`], [`Sign`], [`WireValue`], [`JsonOut`]; a request's
//!   exact exchange, [`PreparedRequest`] with [`Credentials`].
//! - Reading answers: [`Envelope`], [`FromRaw`], [`RawObject`], [`DecodeError`].
//! - The spec as data: [`COUNTRY`], [`NOTIFICATION`], [`descriptor`], [`protocol`].
//! - Time: [`Clock`], [`FixedClock`], [`SystemClock`] (`Config::clock`).
pub use crate::country::COUNTRY;
pub use crate::notification::NOTIFICATION;
#[cfg(feature = "client")]
#[doc(inline)]
pub use paypro_core::client::{Clock, FixedClock, SystemClock};
#[doc(inline)]
pub use paypro_core::{
    descriptor, notify, order, protocol, Credentials, DecodeError, Endpoint, Envelope,
    FromRaw, JsonOut, PreparedRequest, Problem, RawError, RawObject, Sign, Signable,
    WireValue,
};
