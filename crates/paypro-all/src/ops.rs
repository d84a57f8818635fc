// @generated from spec/*.toml by `cargo xtask gen`; do not edit.
//! Every endpoint by country and name, JSON in and JSON out: what a command-line tool
//! needs without knowing the types. Every failure is an [`OpsError`] variant, so a
//! tool decides what to do from the variant, never from a message.
use std::fmt;
use paypro_core::notify::{NotifyError, Verified, Verifier};
use paypro_core::{
    Credentials, DecodeError, Endpoint, Extra, PreparedRequest, RawObject,
    ValidationError,
};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
/// Why an operation of this module failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum OpsError {
    /// No country has this code.
    UnknownCountry {
        /// The code given.
        country: String,
    },
    /// The country has no endpoint by this name.
    UnknownEndpoint {
        /// The country's code.
        country: &'static str,
        /// The name given.
        endpoint: String,
    },
    /// The request fields do not fit the endpoint: not a JSON object, a value of the
    /// wrong JSON type, or a field the endpoint does not have (serde's message names
    /// it). Nothing was sent.
    NotRequestFields(serde_json::Error),
    /// Fields break the spec's rules; the error names each field and rule. Nothing
    /// was sent.
    Invalid(ValidationError),
    /// The body is not a notification: over the size limit, not JSON, not an
    /// object, a key given twice, or too many fields.
    NotANotification(NotifyError),
    /// The signature is missing, malformed, or does not match the secret: the
    /// notification is forged or altered (or the secret is wrong).
    BadSignature(NotifyError),
    /// The notification was refused for another reason (e.g. its timestamp).
    Refused(NotifyError),
    /// The signature checked out (or, unsigned, the body was read) but the fields
    /// cannot be acted on: two spellings of one field, a value of the wrong kind, a
    /// value spliced from two fields, or a required field missing.
    Unusable(DecodeError),
    /// The country's notifications are signed and no secret was given to verify one.
    NeedsSecret {
        /// The country's code.
        country: &'static str,
    },
    /// The country's notifications carry no signature: nothing in this one is
    /// verified. Its fields are here, read but not trusted; confirm it with a query.
    Unsigned {
        /// The country's code.
        country: &'static str,
        /// What arrived.
        received: Box<ReceivedNotification>,
    },
    /// The call failed; the error says whether money may have moved.
    #[cfg(feature = "client")]
    Call(paypro_core::client::Error),
    /// The call succeeded but its answer cannot be written as JSON.
    Unprintable(serde_json::Error),
}
impl fmt::Display for OpsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpsError::UnknownCountry { country } => {
                let known: Vec<&str> = crate::COUNTRIES.iter().map(|c| c.code).collect();
                write!(f, "unknown country `{country}`: use one of {}", known.join(", "))
            }
            OpsError::UnknownEndpoint { country, endpoint } => {
                write!(f, "unknown endpoint `{endpoint}` for country `{country}`")
            }
            OpsError::NotRequestFields(e) => {
                write!(
                    f,
                    "the request fields do not fit the endpoint: {e}; nothing was sent"
                )
            }
            OpsError::Invalid(e) => write!(f, "{e}; nothing was sent"),
            OpsError::NotANotification(e)
            | OpsError::BadSignature(e)
            | OpsError::Refused(e) => write!(f, "{e}"),
            OpsError::Unusable(e) => {
                write!(f, "the notification cannot be acted on: {e}")
            }
            OpsError::NeedsSecret { country } => {
                write!(
                    f,
                    "country `{country}` signs its notifications: a secret is needed to verify one"
                )
            }
            OpsError::Unsigned { country, .. } => {
                write!(
                    f,
                    "country `{country}` does not sign its notifications: nothing in this one is verified"
                )
            }
            #[cfg(feature = "client")]
            OpsError::Call(e) => write!(f, "{e}"),
            OpsError::Unprintable(e) => {
                write!(
                    f, "the call succeeded but its answer cannot be written as JSON: {e}"
                )
            }
        }
    }
}
impl std::error::Error for OpsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OpsError::NotRequestFields(e) | OpsError::Unprintable(e) => Some(e),
            OpsError::Invalid(e) => Some(e),
            OpsError::NotANotification(e)
            | OpsError::BadSignature(e)
            | OpsError::Refused(e) => Some(e),
            OpsError::Unusable(e) => Some(e),
            #[cfg(feature = "client")]
            OpsError::Call(e) => Some(e),
            _ => None,
        }
    }
}
impl From<NotifyError> for OpsError {
    fn from(e: NotifyError) -> Self {
        match e {
            NotifyError::TooLarge { .. }
            | NotifyError::NotJson(_)
            | NotifyError::NotAnObject(_)
            | NotifyError::DuplicateKey(_)
            | NotifyError::TooManyFields { .. } => OpsError::NotANotification(e),
            NotifyError::Unusable(e) => OpsError::Unusable(e),
            NotifyError::MissingSign
            | NotifyError::MalformedSign
            | NotifyError::BadSign => OpsError::BadSignature(e),
            _ => OpsError::Refused(e),
        }
    }
}
/// `UnknownCountry` or `UnknownEndpoint`, whichever is true.
fn unknown(country: &str, endpoint: &str) -> OpsError {
    match crate::country(country) {
        Some(c) => {
            OpsError::UnknownEndpoint {
                country: c.code,
                endpoint: endpoint.to_string(),
            }
        }
        None => {
            OpsError::UnknownCountry {
                country: country.to_string(),
            }
        }
    }
}
/// A request turned into its exact HTTP exchange.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The exchange.
    pub request: PreparedRequest,
    /// The canonical string that was signed (without the secret).
    pub canonical: String,
}
/// Reads the request fields through the endpoint's builder, so every rule is checked
/// and a broken one is named (`Invalid`).
fn request_from<B: DeserializeOwned, E: TryFrom<B, Error = ValidationError>>(
    json: &str,
) -> Result<E, OpsError> {
    let builder: B = serde_json::from_str(json).map_err(OpsError::NotRequestFields)?;
    E::try_from(builder).map_err(OpsError::Invalid)
}
fn prepare_as<B: DeserializeOwned, E: Endpoint + TryFrom<B, Error = ValidationError>>(
    json: &str,
    credentials: &Credentials,
    timestamp_ms: u64,
) -> Result<Prepared, OpsError> {
    let request: E = request_from::<B, E>(json)?;
    let prepared = PreparedRequest::new(&request, credentials, timestamp_ms);
    let canonical = request.canonical_string(prepared.timestamp);
    Ok(Prepared {
        request: prepared,
        canonical,
    })
}
/// Validates `json` (the request's fields by wire name) for `country`/`endpoint`,
/// then signs it.
pub fn prepare(
    country: &str,
    endpoint: &str,
    json: &str,
    credentials: &Credentials,
    timestamp_ms: u64,
) -> Result<Prepared, OpsError> {
    match (country, endpoint) {
        ("bd", "pay-in") => {
            prepare_as::<
                paypro_bd::pay_in::PayInBuilder,
                paypro_bd::pay_in::PayInRequest,
            >(json, credentials, timestamp_ms)
        }
        ("bd", "pay-in-submit") => {
            prepare_as::<
                paypro_bd::pay_in_submit::PayInSubmitBuilder,
                paypro_bd::pay_in_submit::PayInSubmitRequest,
            >(json, credentials, timestamp_ms)
        }
        ("bd", "payout") => {
            prepare_as::<
                paypro_bd::payout::PayoutBuilder,
                paypro_bd::payout::PayoutRequest,
            >(json, credentials, timestamp_ms)
        }
        ("bd", "query-pay-in") => {
            prepare_as::<
                paypro_bd::query_pay_in::QueryPayInBuilder,
                paypro_bd::query_pay_in::QueryPayInRequest,
            >(json, credentials, timestamp_ms)
        }
        ("bd", "query-payout") => {
            prepare_as::<
                paypro_bd::query_payout::QueryPayoutBuilder,
                paypro_bd::query_payout::QueryPayoutRequest,
            >(json, credentials, timestamp_ms)
        }
        ("bd", "balance") => {
            prepare_as::<
                paypro_bd::balance::BalanceBuilder,
                paypro_bd::balance::BalanceRequest,
            >(json, credentials, timestamp_ms)
        }
        ("eg", "pay-in") => {
            prepare_as::<
                paypro_eg::pay_in::PayInBuilder,
                paypro_eg::pay_in::PayInRequest,
            >(json, credentials, timestamp_ms)
        }
        ("eg", "payout") => {
            prepare_as::<
                paypro_eg::payout::PayoutBuilder,
                paypro_eg::payout::PayoutRequest,
            >(json, credentials, timestamp_ms)
        }
        ("eg", "query-pay-in") => {
            prepare_as::<
                paypro_eg::query_pay_in::QueryPayInBuilder,
                paypro_eg::query_pay_in::QueryPayInRequest,
            >(json, credentials, timestamp_ms)
        }
        ("eg", "query-payout") => {
            prepare_as::<
                paypro_eg::query_payout::QueryPayoutBuilder,
                paypro_eg::query_payout::QueryPayoutRequest,
            >(json, credentials, timestamp_ms)
        }
        ("eg", "balance") => {
            prepare_as::<
                paypro_eg::balance::BalanceBuilder,
                paypro_eg::balance::BalanceRequest,
            >(json, credentials, timestamp_ms)
        }
        ("id", "pay-in") => {
            prepare_as::<
                paypro_id::pay_in::PayInBuilder,
                paypro_id::pay_in::PayInRequest,
            >(json, credentials, timestamp_ms)
        }
        ("id", "cashier") => {
            prepare_as::<
                paypro_id::cashier::CashierBuilder,
                paypro_id::cashier::CashierRequest,
            >(json, credentials, timestamp_ms)
        }
        ("id", "payout") => {
            prepare_as::<
                paypro_id::payout::PayoutBuilder,
                paypro_id::payout::PayoutRequest,
            >(json, credentials, timestamp_ms)
        }
        ("id", "query-pay-in") => {
            prepare_as::<
                paypro_id::query_pay_in::QueryPayInBuilder,
                paypro_id::query_pay_in::QueryPayInRequest,
            >(json, credentials, timestamp_ms)
        }
        ("id", "query-payout") => {
            prepare_as::<
                paypro_id::query_payout::QueryPayoutBuilder,
                paypro_id::query_payout::QueryPayoutRequest,
            >(json, credentials, timestamp_ms)
        }
        ("id", "balance") => {
            prepare_as::<
                paypro_id::balance::BalanceBuilder,
                paypro_id::balance::BalanceRequest,
            >(json, credentials, timestamp_ms)
        }
        ("id", "account-verify") => {
            prepare_as::<
                paypro_id::account_verify::AccountVerifyBuilder,
                paypro_id::account_verify::AccountVerifyRequest,
            >(json, credentials, timestamp_ms)
        }
        ("id", "voucher") => {
            prepare_as::<
                paypro_id::voucher::VoucherBuilder,
                paypro_id::voucher::VoucherRequest,
            >(json, credentials, timestamp_ms)
        }
        ("ke", "pay-in") => {
            prepare_as::<
                paypro_ke::pay_in::PayInBuilder,
                paypro_ke::pay_in::PayInRequest,
            >(json, credentials, timestamp_ms)
        }
        ("ke", "cashier") => {
            prepare_as::<
                paypro_ke::cashier::CashierBuilder,
                paypro_ke::cashier::CashierRequest,
            >(json, credentials, timestamp_ms)
        }
        ("ke", "payout") => {
            prepare_as::<
                paypro_ke::payout::PayoutBuilder,
                paypro_ke::payout::PayoutRequest,
            >(json, credentials, timestamp_ms)
        }
        ("ke", "query-pay-in") => {
            prepare_as::<
                paypro_ke::query_pay_in::QueryPayInBuilder,
                paypro_ke::query_pay_in::QueryPayInRequest,
            >(json, credentials, timestamp_ms)
        }
        ("ke", "query-payout") => {
            prepare_as::<
                paypro_ke::query_payout::QueryPayoutBuilder,
                paypro_ke::query_payout::QueryPayoutRequest,
            >(json, credentials, timestamp_ms)
        }
        ("ke", "query-mpesa-code") => {
            prepare_as::<
                paypro_ke::query_mpesa_code::QueryMpesaCodeBuilder,
                paypro_ke::query_mpesa_code::QueryMpesaCodeRequest,
            >(json, credentials, timestamp_ms)
        }
        ("mx", "pay-in") => {
            prepare_as::<
                paypro_mx::pay_in::PayInBuilder,
                paypro_mx::pay_in::PayInRequest,
            >(json, credentials, timestamp_ms)
        }
        ("mx", "cashier") => {
            prepare_as::<
                paypro_mx::cashier::CashierBuilder,
                paypro_mx::cashier::CashierRequest,
            >(json, credentials, timestamp_ms)
        }
        ("mx", "payout") => {
            prepare_as::<
                paypro_mx::payout::PayoutBuilder,
                paypro_mx::payout::PayoutRequest,
            >(json, credentials, timestamp_ms)
        }
        ("mx", "query-pay-in") => {
            prepare_as::<
                paypro_mx::query_pay_in::QueryPayInBuilder,
                paypro_mx::query_pay_in::QueryPayInRequest,
            >(json, credentials, timestamp_ms)
        }
        ("mx", "query-payout") => {
            prepare_as::<
                paypro_mx::query_payout::QueryPayoutBuilder,
                paypro_mx::query_payout::QueryPayoutRequest,
            >(json, credentials, timestamp_ms)
        }
        ("mx", "balance") => {
            prepare_as::<
                paypro_mx::balance::BalanceBuilder,
                paypro_mx::balance::BalanceRequest,
            >(json, credentials, timestamp_ms)
        }
        _ => Err(unknown(country, endpoint)),
    }
}
#[cfg(feature = "blocking")]
fn send_as<B: DeserializeOwned, E: Endpoint + TryFrom<B, Error = ValidationError>>(
    client: &paypro_core::client::blocking::Client,
    json: &str,
) -> Result<Box<RawValue>, OpsError>
where
    E::Response: serde::Serialize,
{
    let request: E = request_from::<B, E>(json)?;
    let reply = client.send(&request).map_err(OpsError::Call)?;
    serde_json::value::to_raw_value(&reply).map_err(OpsError::Unprintable)
}
/// Sends `json` to `country`/`endpoint` through `client` (a client for that country)
/// and returns the typed answer as JSON text (received values keep their text).
#[cfg(feature = "blocking")]
pub fn send(
    client: &paypro_core::client::blocking::Client,
    country: &str,
    endpoint: &str,
    json: &str,
) -> Result<Box<RawValue>, OpsError> {
    match (country, endpoint) {
        ("bd", "pay-in") => {
            send_as::<
                paypro_bd::pay_in::PayInBuilder,
                paypro_bd::pay_in::PayInRequest,
            >(client, json)
        }
        ("bd", "pay-in-submit") => {
            send_as::<
                paypro_bd::pay_in_submit::PayInSubmitBuilder,
                paypro_bd::pay_in_submit::PayInSubmitRequest,
            >(client, json)
        }
        ("bd", "payout") => {
            send_as::<
                paypro_bd::payout::PayoutBuilder,
                paypro_bd::payout::PayoutRequest,
            >(client, json)
        }
        ("bd", "query-pay-in") => {
            send_as::<
                paypro_bd::query_pay_in::QueryPayInBuilder,
                paypro_bd::query_pay_in::QueryPayInRequest,
            >(client, json)
        }
        ("bd", "query-payout") => {
            send_as::<
                paypro_bd::query_payout::QueryPayoutBuilder,
                paypro_bd::query_payout::QueryPayoutRequest,
            >(client, json)
        }
        ("bd", "balance") => {
            send_as::<
                paypro_bd::balance::BalanceBuilder,
                paypro_bd::balance::BalanceRequest,
            >(client, json)
        }
        ("eg", "pay-in") => {
            send_as::<
                paypro_eg::pay_in::PayInBuilder,
                paypro_eg::pay_in::PayInRequest,
            >(client, json)
        }
        ("eg", "payout") => {
            send_as::<
                paypro_eg::payout::PayoutBuilder,
                paypro_eg::payout::PayoutRequest,
            >(client, json)
        }
        ("eg", "query-pay-in") => {
            send_as::<
                paypro_eg::query_pay_in::QueryPayInBuilder,
                paypro_eg::query_pay_in::QueryPayInRequest,
            >(client, json)
        }
        ("eg", "query-payout") => {
            send_as::<
                paypro_eg::query_payout::QueryPayoutBuilder,
                paypro_eg::query_payout::QueryPayoutRequest,
            >(client, json)
        }
        ("eg", "balance") => {
            send_as::<
                paypro_eg::balance::BalanceBuilder,
                paypro_eg::balance::BalanceRequest,
            >(client, json)
        }
        ("id", "pay-in") => {
            send_as::<
                paypro_id::pay_in::PayInBuilder,
                paypro_id::pay_in::PayInRequest,
            >(client, json)
        }
        ("id", "cashier") => {
            send_as::<
                paypro_id::cashier::CashierBuilder,
                paypro_id::cashier::CashierRequest,
            >(client, json)
        }
        ("id", "payout") => {
            send_as::<
                paypro_id::payout::PayoutBuilder,
                paypro_id::payout::PayoutRequest,
            >(client, json)
        }
        ("id", "query-pay-in") => {
            send_as::<
                paypro_id::query_pay_in::QueryPayInBuilder,
                paypro_id::query_pay_in::QueryPayInRequest,
            >(client, json)
        }
        ("id", "query-payout") => {
            send_as::<
                paypro_id::query_payout::QueryPayoutBuilder,
                paypro_id::query_payout::QueryPayoutRequest,
            >(client, json)
        }
        ("id", "balance") => {
            send_as::<
                paypro_id::balance::BalanceBuilder,
                paypro_id::balance::BalanceRequest,
            >(client, json)
        }
        ("id", "account-verify") => {
            send_as::<
                paypro_id::account_verify::AccountVerifyBuilder,
                paypro_id::account_verify::AccountVerifyRequest,
            >(client, json)
        }
        ("id", "voucher") => {
            send_as::<
                paypro_id::voucher::VoucherBuilder,
                paypro_id::voucher::VoucherRequest,
            >(client, json)
        }
        ("ke", "pay-in") => {
            send_as::<
                paypro_ke::pay_in::PayInBuilder,
                paypro_ke::pay_in::PayInRequest,
            >(client, json)
        }
        ("ke", "cashier") => {
            send_as::<
                paypro_ke::cashier::CashierBuilder,
                paypro_ke::cashier::CashierRequest,
            >(client, json)
        }
        ("ke", "payout") => {
            send_as::<
                paypro_ke::payout::PayoutBuilder,
                paypro_ke::payout::PayoutRequest,
            >(client, json)
        }
        ("ke", "query-pay-in") => {
            send_as::<
                paypro_ke::query_pay_in::QueryPayInBuilder,
                paypro_ke::query_pay_in::QueryPayInRequest,
            >(client, json)
        }
        ("ke", "query-payout") => {
            send_as::<
                paypro_ke::query_payout::QueryPayoutBuilder,
                paypro_ke::query_payout::QueryPayoutRequest,
            >(client, json)
        }
        ("ke", "query-mpesa-code") => {
            send_as::<
                paypro_ke::query_mpesa_code::QueryMpesaCodeBuilder,
                paypro_ke::query_mpesa_code::QueryMpesaCodeRequest,
            >(client, json)
        }
        ("mx", "pay-in") => {
            send_as::<
                paypro_mx::pay_in::PayInBuilder,
                paypro_mx::pay_in::PayInRequest,
            >(client, json)
        }
        ("mx", "cashier") => {
            send_as::<
                paypro_mx::cashier::CashierBuilder,
                paypro_mx::cashier::CashierRequest,
            >(client, json)
        }
        ("mx", "payout") => {
            send_as::<
                paypro_mx::payout::PayoutBuilder,
                paypro_mx::payout::PayoutRequest,
            >(client, json)
        }
        ("mx", "query-pay-in") => {
            send_as::<
                paypro_mx::query_pay_in::QueryPayInBuilder,
                paypro_mx::query_pay_in::QueryPayInRequest,
            >(client, json)
        }
        ("mx", "query-payout") => {
            send_as::<
                paypro_mx::query_payout::QueryPayoutBuilder,
                paypro_mx::query_payout::QueryPayoutRequest,
            >(client, json)
        }
        ("mx", "balance") => {
            send_as::<
                paypro_mx::balance::BalanceBuilder,
                paypro_mx::balance::BalanceRequest,
            >(client, json)
        }
        _ => Err(unknown(country, endpoint)),
    }
}
/// JSON Schemas of an endpoint's request (its input fields) and response.
#[cfg(feature = "schemars")]
pub fn schema(country: &str, endpoint: &str) -> Result<serde_json::Value, OpsError> {
    Ok(
        match (country, endpoint) {
            ("bd", "pay-in") => {
                serde_json::json!(
                    { "request" : schemars::schema_for!(paypro_bd::pay_in::PayInRequest),
                    "response" : schemars::schema_for!(paypro_bd::pay_in::PayInResponse),
                    }
                )
            }
            ("bd", "pay-in-submit") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_bd::pay_in_submit::PayInSubmitRequest),
                    "response" :
                    schemars::schema_for!(paypro_bd::pay_in_submit::PayInSubmitResponse),
                    }
                )
            }
            ("bd", "payout") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_bd::payout::PayoutRequest), "response" :
                    schemars::schema_for!(paypro_bd::payout::PayoutResponse), }
                )
            }
            ("bd", "query-pay-in") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_bd::query_pay_in::QueryPayInRequest),
                    "response" :
                    schemars::schema_for!(paypro_bd::query_pay_in::QueryPayInResponse), }
                )
            }
            ("bd", "query-payout") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_bd::query_payout::QueryPayoutRequest),
                    "response" :
                    schemars::schema_for!(paypro_bd::query_payout::QueryPayoutResponse),
                    }
                )
            }
            ("bd", "balance") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_bd::balance::BalanceRequest), "response"
                    : schemars::schema_for!(paypro_bd::balance::BalanceResponse), }
                )
            }
            ("eg", "pay-in") => {
                serde_json::json!(
                    { "request" : schemars::schema_for!(paypro_eg::pay_in::PayInRequest),
                    "response" : schemars::schema_for!(paypro_eg::pay_in::PayInResponse),
                    }
                )
            }
            ("eg", "payout") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_eg::payout::PayoutRequest), "response" :
                    schemars::schema_for!(paypro_eg::payout::PayoutResponse), }
                )
            }
            ("eg", "query-pay-in") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_eg::query_pay_in::QueryPayInRequest),
                    "response" :
                    schemars::schema_for!(paypro_eg::query_pay_in::QueryPayInResponse), }
                )
            }
            ("eg", "query-payout") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_eg::query_payout::QueryPayoutRequest),
                    "response" :
                    schemars::schema_for!(paypro_eg::query_payout::QueryPayoutResponse),
                    }
                )
            }
            ("eg", "balance") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_eg::balance::BalanceRequest), "response"
                    : schemars::schema_for!(paypro_eg::balance::BalanceResponse), }
                )
            }
            ("id", "pay-in") => {
                serde_json::json!(
                    { "request" : schemars::schema_for!(paypro_id::pay_in::PayInRequest),
                    "response" : schemars::schema_for!(paypro_id::pay_in::PayInResponse),
                    }
                )
            }
            ("id", "cashier") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_id::cashier::CashierRequest), "response"
                    : schemars::schema_for!(paypro_id::cashier::CashierResponse), }
                )
            }
            ("id", "payout") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_id::payout::PayoutRequest), "response" :
                    schemars::schema_for!(paypro_id::payout::PayoutResponse), }
                )
            }
            ("id", "query-pay-in") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_id::query_pay_in::QueryPayInRequest),
                    "response" :
                    schemars::schema_for!(paypro_id::query_pay_in::QueryPayInResponse), }
                )
            }
            ("id", "query-payout") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_id::query_payout::QueryPayoutRequest),
                    "response" :
                    schemars::schema_for!(paypro_id::query_payout::QueryPayoutResponse),
                    }
                )
            }
            ("id", "balance") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_id::balance::BalanceRequest), "response"
                    : schemars::schema_for!(paypro_id::balance::BalanceResponse), }
                )
            }
            ("id", "account-verify") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_id::account_verify::AccountVerifyRequest),
                    "response" :
                    schemars::schema_for!(paypro_id::account_verify::AccountVerifyResponse),
                    }
                )
            }
            ("id", "voucher") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_id::voucher::VoucherRequest), "response"
                    : schemars::schema_for!(paypro_id::voucher::VoucherResponse), }
                )
            }
            ("ke", "pay-in") => {
                serde_json::json!(
                    { "request" : schemars::schema_for!(paypro_ke::pay_in::PayInRequest),
                    "response" : schemars::schema_for!(paypro_ke::pay_in::PayInResponse),
                    }
                )
            }
            ("ke", "cashier") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_ke::cashier::CashierRequest), "response"
                    : schemars::schema_for!(paypro_ke::cashier::CashierResponse), }
                )
            }
            ("ke", "payout") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_ke::payout::PayoutRequest), "response" :
                    schemars::schema_for!(paypro_ke::payout::PayoutResponse), }
                )
            }
            ("ke", "query-pay-in") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_ke::query_pay_in::QueryPayInRequest),
                    "response" :
                    schemars::schema_for!(paypro_ke::query_pay_in::QueryPayInResponse), }
                )
            }
            ("ke", "query-payout") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_ke::query_payout::QueryPayoutRequest),
                    "response" :
                    schemars::schema_for!(paypro_ke::query_payout::QueryPayoutResponse),
                    }
                )
            }
            ("ke", "query-mpesa-code") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_ke::query_mpesa_code::QueryMpesaCodeRequest),
                    "response" :
                    schemars::schema_for!(paypro_ke::query_mpesa_code::QueryMpesaCodeResponse),
                    }
                )
            }
            ("mx", "pay-in") => {
                serde_json::json!(
                    { "request" : schemars::schema_for!(paypro_mx::pay_in::PayInRequest),
                    "response" : schemars::schema_for!(paypro_mx::pay_in::PayInResponse),
                    }
                )
            }
            ("mx", "cashier") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_mx::cashier::CashierRequest), "response"
                    : schemars::schema_for!(paypro_mx::cashier::CashierResponse), }
                )
            }
            ("mx", "payout") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_mx::payout::PayoutRequest), "response" :
                    schemars::schema_for!(paypro_mx::payout::PayoutResponse), }
                )
            }
            ("mx", "query-pay-in") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_mx::query_pay_in::QueryPayInRequest),
                    "response" :
                    schemars::schema_for!(paypro_mx::query_pay_in::QueryPayInResponse), }
                )
            }
            ("mx", "query-payout") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_mx::query_payout::QueryPayoutRequest),
                    "response" :
                    schemars::schema_for!(paypro_mx::query_payout::QueryPayoutResponse),
                    }
                )
            }
            ("mx", "balance") => {
                serde_json::json!(
                    { "request" :
                    schemars::schema_for!(paypro_mx::balance::BalanceRequest), "response"
                    : schemars::schema_for!(paypro_mx::balance::BalanceResponse), }
                )
            }
            _ => return Err(unknown(country, endpoint)),
        },
    )
}
/// The JSON Schema of `country`'s notification.
#[cfg(feature = "schemars")]
pub fn notification_schema(country: &str) -> Result<serde_json::Value, OpsError> {
    Ok(
        match country {
            "bd" => serde_json::json!(schemars::schema_for!(paypro_bd::Notification)),
            "eg" => serde_json::json!(schemars::schema_for!(paypro_eg::Notification)),
            "id" => serde_json::json!(schemars::schema_for!(paypro_id::Notification)),
            "ke" => {
                serde_json::json!(
                    schemars::schema_for!(paypro_ke::UnconfirmedNotification)
                )
            }
            "mx" => serde_json::json!(schemars::schema_for!(paypro_mx::Notification)),
            _ => {
                return Err(OpsError::UnknownCountry {
                    country: country.to_string(),
                });
            }
        },
    )
}
/// A notification's fields exactly as received (each value's JSON text byte for
/// byte), split by whether the country's notification type reads them, so a typed
/// field and an unknown one never share a place.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ReceivedNotification {
    /// The fields the country's notification type reads, under the name they
    /// arrived with, in arrival order.
    pub typed: Vec<(String, Box<RawValue>)>,
    /// The fields it does not read (unknown to the spec, or a second spelling of a
    /// field already read), in arrival order.
    pub unknown: Vec<(String, Box<RawValue>)>,
}
impl ReceivedNotification {
    fn split(fields: RawObject, unread: &Extra) -> Self {
        let (unknown, typed) = fields
            .into_entries()
            .into_iter()
            .partition(|(key, _)| unread.get(key).is_some());
        ReceivedNotification {
            typed,
            unknown,
        }
    }
}
fn read_signed<N: paypro_core::notify::SignedNotification>(
    country: &'static str,
    body: &[u8],
    verifier: Option<&Verifier>,
    unread: fn(&N) -> &Extra,
) -> Result<ReceivedNotification, OpsError> {
    let verifier = verifier.ok_or(OpsError::NeedsSecret { country })?;
    let verified: Verified = verifier.verify(body)?;
    let notification: N = verified.parse().map_err(OpsError::Unusable)?;
    Ok(ReceivedNotification::split(verified.fields().clone(), unread(&notification)))
}
fn read_unsigned<N>(
    country: &'static str,
    body: &[u8],
    parsed: Result<N, NotifyError>,
    unread: fn(&N) -> &Extra,
) -> Result<ReceivedNotification, OpsError> {
    let notification = parsed?;
    let text = std::str::from_utf8(body)
        .map_err(|e| NotifyError::NotJson(e.to_string()))?;
    let fields = RawObject::read(text, "body")
        .map_err(|e| NotifyError::NotJson(e.to_string()))?;
    Err(OpsError::Unsigned {
        country,
        received: Box::new(ReceivedNotification::split(fields, unread(&notification))),
    })
}
/// Reads a notification body for `country`. `Ok` only when its signature was
/// verified with `verifier`; a country whose callbacks are unsigned gives
/// [`OpsError::Unsigned`] with the fields, read but not trusted.
pub fn notification(
    country: &str,
    body: &[u8],
    verifier: Option<&Verifier>,
) -> Result<ReceivedNotification, OpsError> {
    match country {
        "bd" => {
            read_signed::<paypro_bd::Notification>("bd", body, verifier, |n| &n.extra)
        }
        "eg" => {
            read_signed::<paypro_eg::Notification>("eg", body, verifier, |n| &n.extra)
        }
        "id" => {
            read_signed::<paypro_id::Notification>("id", body, verifier, |n| &n.extra)
        }
        "ke" => {
            read_unsigned(
                "ke",
                body,
                paypro_ke::UnconfirmedNotification::parse(body),
                |n| &n.extra,
            )
        }
        "mx" => {
            read_signed::<paypro_mx::Notification>("mx", body, verifier, |n| &n.extra)
        }
        _ => {
            Err(OpsError::UnknownCountry {
                country: country.to_string(),
            })
        }
    }
}
/// A country's notification (callback) example from the spec, as the docs print
/// it (its `sign` is the docs' placeholder, not a signature).
#[derive(Clone, Copy, Debug)]
pub struct NotificationExample {
    /// Country code.
    pub country: &'static str,
    /// Where it comes from: `docs`, `docs-partial` (completed from a sibling
    /// country's page, see the spec's note) or `constructed`.
    pub origin: &'static str,
    /// The JSON body.
    pub json: &'static str,
}
/// The notification example of every country whose spec has one.
pub const NOTIFICATION_EXAMPLES: &[NotificationExample] = &[
    NotificationExample {
        country: "id",
        origin: "docs-partial",
        json: "{\"platFormTradeNo\":\"5286e98841194687a95d25b5f3be346d\",\"tradeNo\":\"00000020\",\"amount\":\"30000\",\"status\":\"0000\",\"message\":\"SUCCESS\",\"successTime\":\"2024-07-01 18:34:31\",\"timestamp\":\"1724740395968\",\"sign\":\"12222222222\"}",
    },
    NotificationExample {
        country: "ke",
        origin: "docs",
        json: "{\"platFormTradeNo\":\"5286e98841194687a95d25b5f3be346d\",\"tradeNo\":\"00000020\",\"amount\":3.0000,\"status\":\"00029\",\"message\":\"REJECTED_TRANSACTION\",\"successTime\":\"2024-07-01 18:34:31\"}",
    },
    NotificationExample {
        country: "mx",
        origin: "docs",
        json: "{\"platFormTradeNo\":\"5286e98841194687a95d25b5f3be346d\",\"tradeNo\":\"00000020\",\"amount\":30000,\"status\":\"0000\",\"message\":\"SUCCESS\",\"utr\":\"111111111111\",\"successTime\":\"2024-07-01 18:34:31\",\"timestamp\":\"1724740395968\",\"sign\":\"12222222222\"}",
    },
];
