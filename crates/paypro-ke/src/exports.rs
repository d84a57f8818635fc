// @generated from spec/ke.toml by `cargo xtask gen`; do not edit.
//! What the crate root re-exports: a merchant's vocabulary. The machinery (signing,
//! prepared requests, descriptors, raw objects) is in [`crate::advanced`].
pub use crate::pay_in::{PayInBuilder, PayInRequest, PayInResponse};
pub use crate::cashier::{CashierBuilder, CashierRequest, CashierResponse};
pub use crate::payout::{PayoutBuilder, PayoutRequest, PayoutResponse};
pub use crate::query_pay_in::{QueryPayInBuilder, QueryPayInRequest, QueryPayInResponse};
pub use crate::query_payout::{
    QueryPayoutBuilder, QueryPayoutRequest, QueryPayoutResponse,
};
pub use crate::query_mpesa_code::{
    QueryMpesaCodeBuilder, QueryMpesaCodeRequest, QueryMpesaCodeResponse,
};
#[cfg(feature = "client")]
pub use crate::client::Client;
#[cfg(feature = "client")]
#[doc(inline)]
pub use paypro_core::client::{
    Config, ConfigError, Error, ReconcileOptions, Reconciled, Reply, RetryPolicy,
};
#[doc(inline)]
pub use paypro_core::notify::{sign_body, Flow, NotifyError, Verified, Verifier, ACK};
#[cfg(feature = "client")]
#[doc(inline)]
pub use paypro_core::notify::{ConfirmError, Confirmed};
#[doc(inline)]
pub use paypro_core::order::{Action, Event, Ignored, Order, OrderState, OrderStore};
pub use crate::notification::UnconfirmedNotification;
#[doc(inline)]
pub use paypro_core::{
    is_fully_paid, Amount, AmountError, Decimal, Extra, FailureCode, FieldError, Secret,
    SecretError, SecretPlacement, Status, ValidationError,
};
