// @generated from spec/mx.toml by `cargo xtask gen`; do not edit.
//! What the crate root re-exports.
pub use crate::pay_in::{PayInBuilder, PayInRequest, PayInResponse};
pub use crate::cashier::{CashierBuilder, CashierRequest, CashierResponse};
pub use crate::payout::{PayoutBuilder, PayoutRequest, PayoutResponse};
pub use crate::query_pay_in::{QueryPayInBuilder, QueryPayInRequest, QueryPayInResponse};
pub use crate::query_payout::{
    QueryPayoutBuilder, QueryPayoutRequest, QueryPayoutResponse,
};
pub use crate::balance::{BalanceBuilder, BalanceRequest, BalanceResponse};
#[cfg(feature = "client")]
pub use crate::client::Client;
#[cfg(feature = "client")]
#[doc(inline)]
pub use paypro_core::client::{
    reqwest, Clock, Config, ConfigError, Error, FixedClock, ReconcileOptions, Reconciled,
    Reply, RetryPolicy, SystemClock,
};
#[doc(inline)]
pub use paypro_core::notify::{self, sign_body, NotifyError, Verified, Verifier, ACK};
#[doc(inline)]
pub use paypro_core::order::{self, Action, Event, Ignored, Order, OrderState};
#[cfg(feature = "axum")]
#[doc(inline)]
pub use paypro_core::extract::{axum, Notified, Rejection, VerifiedNotification};
pub use crate::country::COUNTRY;
pub use crate::notification::{Notification, NOTIFICATION};
#[doc(inline)]
pub use paypro_core::{
    descriptor, is_fully_paid, protocol, Amount, AmountError, Credentials, DecodeError,
    Decimal, Endpoint, Envelope, Extra, FailureCode, FieldError, FromRaw, JsonOut,
    PreparedRequest, Problem, RawError, RawObject, Secret, SecretError, SecretPlacement,
    Sign, Signable, Status, ValidationError, WireValue,
};
