// @generated from spec/common.toml by `cargo xtask gen`; do not edit.
//! Transaction status codes.
use std::fmt;
/// A transaction's state: `data.status` in responses, `status` in notifications.
///
/// Only [`Status::Processing`] is not final. Every code the spec does not name as a
/// success, partial payment or processing is a failure.
///
/// ```
/// use paypro_core::{FailureCode, Status};
/// assert_eq!(Status::from_code("0000"), Status::Success);
/// assert_eq!(
///     Status::from_code("00029"),
///     Status::Failed { code: FailureCode::Rejected, message: None }
/// );
/// assert_eq!(Status::from_code("7777").code(), "7777");
/// assert!(!Status::from_code("0015").is_final());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Status {
    /// `0000`: The transaction succeeded.
    ///
    /// Documented (every country's status tables).
    Success,
    /// `0001`: Pay-ins only: the payer paid part of the amount; the paid amount is in `amount`.
    ///
    /// Documented for mx, id. Elsewhere: Inferred: this country's pages list only 0000 and 0015 and call any other code a failure (Egypt names 0001 only on its payout page, a copy of the pay-in template); 0001 is read as a partial payment, as Mexico's and Indonesia's pages say, because reading it as a failure would say that no money moved when part of it may have.
    PartialPayment,
    /// `0015`: In progress (CREDIT_INPROGRESS / PAYING); wait for the notification or query again.
    ///
    /// Documented (every country's status tables).
    Processing,
    /// Any other code: the transaction failed.
    Failed {
        /// The code, named where the docs name it.
        code: FailureCode,
        /// The gateway's explanation (`message` or `desc` next to the status), when
        /// read from a response or notification.
        message: Option<String>,
    },
}
impl Status {
    /// Reads a status code.
    pub fn from_code(code: &str) -> Status {
        match code {
            "0000" => Status::Success,
            "0001" => Status::PartialPayment,
            "0015" => Status::Processing,
            other => {
                Status::Failed {
                    code: FailureCode::from_code(other),
                    message: None,
                }
            }
        }
    }
    /// The code as sent.
    pub fn code(&self) -> &str {
        match self {
            Status::Success => "0000",
            Status::PartialPayment => "0001",
            Status::Processing => "0015",
            Status::Failed { code, .. } => code.code(),
        }
    }
    /// What the docs say the code means, where they say.
    pub fn meaning(&self) -> Option<&'static str> {
        match self {
            Status::Success => Some("The transaction succeeded."),
            Status::PartialPayment => {
                Some(
                    "Pay-ins only: the payer paid part of the amount; the paid amount is in `amount`.",
                )
            }
            Status::Processing => {
                Some(
                    "In progress (CREDIT_INPROGRESS / PAYING); wait for the notification or query again.",
                )
            }
            Status::Failed { code, .. } => code.meaning(),
        }
    }
    /// The gateway's explanation of a failure.
    pub fn failure_message(&self) -> Option<&str> {
        match self {
            Status::Failed { message, .. } => message.as_deref(),
            _ => None,
        }
    }
    /// Attaches the gateway's explanation to a failure (other statuses are unchanged).
    pub fn with_message(self, text: Option<String>) -> Status {
        match self {
            Status::Failed { code, message } => {
                Status::Failed {
                    code,
                    message: message.or(text),
                }
            }
            other => other,
        }
    }
    /// Whether money moved, in full or in part (success or partial payment).
    /// Not a reason to deliver: a partial payment is never "paid"; use
    /// [`crate::is_fully_paid`] (or a type's `is_fully_paid(expected)`) for that.
    pub fn moved_money(&self) -> bool {
        matches!(self, Status::Success | Status::PartialPayment)
    }
    /// Whether the transaction has reached its final state.
    pub fn is_final(&self) -> bool {
        !matches!(self, Status::Processing)
    }
}
impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.meaning() {
            Some(m) => write!(f, "{} ({})", self.code(), m)?,
            None => f.write_str(self.code())?,
        }
        match self.failure_message() {
            Some(m) => write!(f, ": {m}"),
            None => Ok(()),
        }
    }
}
impl serde::Serialize for Status {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}
#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Status {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Status".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!(
            { "type" : "string", "description" :
            "Transaction status code: 0000 success, 0001 partial payment, 0015 processing, anything else failure."
            }
        )
    }
}
/// Why a transaction failed: the named failure codes, or the code as sent.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FailureCode {
    /// `00029`: REJECTED_TRANSACTION (Mexico, Kenya) / FAILED (Indonesia): the transaction failed.
    Rejected,
    /// `0100019`: PAYEE_DAILY_CUMULATIVE_AMT_REACHED: the payee's daily cumulative amount is reached.
    DailyLimitReached,
    /// `00032`: UNKNOWN_ERROR.
    UnknownError,
    /// `8000`: SYSTEM ERROR.
    SystemError,
    /// `5000`: System exception (seen only on the newest pages).
    SystemException,
    /// A code the spec does not name.
    Other(String),
}
impl FailureCode {
    /// Reads a failure code.
    pub fn from_code(code: &str) -> FailureCode {
        match code {
            "00029" => FailureCode::Rejected,
            "0100019" => FailureCode::DailyLimitReached,
            "00032" => FailureCode::UnknownError,
            "8000" => FailureCode::SystemError,
            "5000" => FailureCode::SystemException,
            other => FailureCode::Other(other.to_string()),
        }
    }
    /// The code as sent.
    pub fn code(&self) -> &str {
        match self {
            FailureCode::Rejected => "00029",
            FailureCode::DailyLimitReached => "0100019",
            FailureCode::UnknownError => "00032",
            FailureCode::SystemError => "8000",
            FailureCode::SystemException => "5000",
            FailureCode::Other(code) => code,
        }
    }
    /// What the docs say the code means, where they say.
    pub fn meaning(&self) -> Option<&'static str> {
        match self {
            FailureCode::Rejected => {
                Some(
                    "REJECTED_TRANSACTION (Mexico, Kenya) / FAILED (Indonesia): the transaction failed.",
                )
            }
            FailureCode::DailyLimitReached => {
                Some(
                    "PAYEE_DAILY_CUMULATIVE_AMT_REACHED: the payee's daily cumulative amount is reached.",
                )
            }
            FailureCode::UnknownError => Some("UNKNOWN_ERROR."),
            FailureCode::SystemError => Some("SYSTEM ERROR."),
            FailureCode::SystemException => {
                Some("System exception (seen only on the newest pages).")
            }
            FailureCode::Other(_) => None,
        }
    }
}
