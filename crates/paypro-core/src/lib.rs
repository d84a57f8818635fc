//! # paypro-core
//!
//! The runtime shared by the Paypro country crates (`paypro-bd`, `paypro-mx`, `paypro-id`,
//! `paypro-ke`, `paypro-eg`). Merchants normally depend on one country crate, which re-exports
//! what they need from here.
//!
//! - [`Signable`] and `#[derive(Signable)]`: a request's wire fields in an order fixed at compile
//!   time, written once into the body and signed from the bytes written ([`wire`]);
//!   [`canonical_text`], the one canonicaliser, and [`sign_raw`]: the same rule over a received
//!   object.
//! - [`Secret`], [`Credentials`]: the app secret never appears in `Debug` or `Display`.
//! - [`Amount`]: whole-unit amounts that serialize as the spec's wire type.
//! - [`ValidationError`]: a request that breaks the spec's rules, naming field and rule.
//! - [`Endpoint`], [`PreparedRequest`]: a request value and the exact HTTP exchange it becomes.
//! - [`Envelope`], [`Status`], [`RawObject`], [`Extra`]: lenient, lossless reading of what the
//!   gateway sends.
//! - [`notify`]: payment notifications, verified on the raw body, then parsed.
//! - `extract` (feature `axum`): axum extractors that verify a notification before parsing it.
//! - [`order`]: what to do with a verified notification, given the order's stored state.
//! - [`descriptor`]: the spec as static data (paths, fields, rules), for the client and sandbox.
//! - [`untrusted`]: received text and URLs as a message or terminal may show them (escaped,
//!   cut, passwords hidden), the one rule for the client's errors and the `paypro` command.
//!
//! ```
//! use paypro_core::{canonical_string_of_raw, sign_raw, RawObject, Secret};
//! let body = RawObject::parse(r#"{"timestamp":"1729153976003","tradeNo":"133323384"}"#, "body").unwrap();
//! assert_eq!(canonical_string_of_raw(&body), "timestamp=1729153976003tradeNo=133323384");
//! assert_eq!(sign_raw(&body, &Secret::new("TESTSECRET").unwrap()).as_str(), "399e2ccfe3ce8947beb4ef1a75f0d170");
//! ```

#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate self as paypro_core;

mod amount;
#[cfg(feature = "client")]
pub mod client;
mod clock;
pub mod descriptor;
mod envelope;
#[cfg(feature = "axum")]
pub mod extract;
#[rustfmt::skip]
mod generated;
pub mod lenient;
pub mod notify;
pub mod order;
mod paid;
mod raw;
mod request;
mod secret;
mod sign;
pub mod untrusted;
mod validate;
pub mod wire;

pub use amount::{Amount, AmountError, AmountInput, IntoAmount};
pub use clock::{Clock, FixedClock, SystemClock};
pub use envelope::Envelope;
pub use generated::protocol;
pub use generated::status::{FailureCode, Status};
pub use lenient::FromRaw;
pub use paid::is_fully_paid;
pub use raw::{DecodeError, Extra, RawError, RawFields, RawObject};
pub use request::{Credentials, Endpoint, PreparedRequest};
pub use secret::{Secret, SecretError, SecretPlacement};
pub use sign::{
    CanonicalSink, Md5Signer, Sign, Signable, canonical_string_of_raw, canonical_text, sign_raw,
};
pub use validate::{
    Checker, FieldError, Problem, ValidationError, check_amount, check_conditional_format,
    check_format, check_text,
};

pub use wire::{AsNumber, AsString, JsonOut, WireNumber, WireTimestamp, WireValue, WireVisitor};

/// `#[derive(Signable)]`: see [`Signable`].
pub use paypro_derive::Signable;

/// Re-exports for generated code; not a stable API.
#[doc(hidden)]
pub mod __private {
    pub use rust_decimal::Decimal;
    pub use serde;
    pub use serde_json::value::RawValue;
}

/// Exact decimals for received amounts (re-exported `rust_decimal::Decimal`).
pub use rust_decimal::Decimal;
