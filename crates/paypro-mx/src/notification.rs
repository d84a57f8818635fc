// @generated from spec/mx.toml by `cargo xtask gen`; do not edit.
//! The payment notification.
use paypro_core::__private::RawValue;
use paypro_core::descriptor::{
    NotificationDescriptor, Provenance, ResponseField, ValueKind,
};
use paypro_core::{lenient, DecodeError, Extra, FromRaw, RawObject};
use serde::Serialize;
/// What the spec says about this country's notifications.
pub const NOTIFICATION: NotificationDescriptor = NotificationDescriptor {
    signed: true,
    timestamped: true,
    provenance: Provenance::Documented,
    fields: FIELDS,
};
const FIELDS: &[ResponseField] = &[
    ResponseField {
        wire: "status",
        aliases: &[],
        kind: ValueKind::Status,
        doc: "0000 success, 0001 partial payment (the actual amount is `amount`), 0015 processing, anything else failure.",
    },
    ResponseField {
        wire: "message",
        aliases: &[],
        kind: ValueKind::Text,
        doc: "Error description.",
    },
    ResponseField {
        wire: "platFormTradeNo",
        aliases: &["payproTradeNo", "kiliTradeNo"],
        kind: ValueKind::Text,
        doc: "Paypro transaction number.",
    },
    ResponseField {
        wire: "tradeNo",
        aliases: &[],
        kind: ValueKind::Text,
        doc: "Merchant order number.",
    },
    ResponseField {
        wire: "amount",
        aliases: &[],
        kind: ValueKind::Decimal,
        doc: "Amount actually paid (may be partial).",
    },
    ResponseField {
        wire: "successTime",
        aliases: &[],
        kind: ValueKind::Text,
        doc: "Success time, local time (only when successful).",
    },
    ResponseField {
        wire: "timestamp",
        aliases: &[],
        kind: ValueKind::Integer,
        doc: "Notification time, milliseconds (typed string; sent as a string in the example).",
    },
    ResponseField {
        wire: "sign",
        aliases: &[],
        kind: ValueKind::Text,
        doc: "Signature over every other field.",
    },
];
/// A payment notification (callback) for a pay-in or payout result, as Paypro POSTs it to the `notifyUrl`.
///
/// Answer with the plain text [`OK`](paypro_core::protocol::NOTIFY_ACK), or Paypro retries (8 times in 24 h). Retries mean duplicates: handle each `platFormTradeNo` once.
///
/// Callbacks carry `sign` over every other field (including ones this type does not know); verify it on the raw body before parsing.
///
/// Source: `shared/paypro-api/mexico.md §8 (paymentNotify.html)`.
///
/// Notes from the docs:
///
/// - Sent for pay-in and payout results. Reply with the plain text `OK`; otherwise Paypro retries up to 8 times within 24 h, after which use the query APIs. If you restrict inbound IPs, Paypro must be told.
/// - The table types `amount` as float; the example sends a JSON number (other countries send a string).
/// - The example carries `utr`, which the table does not list; it is kept in `extra`, and the signature check must include whatever fields arrive.
/// - How to verify the callback's sign is not documented; assumed to be the request rule over every other field.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Notification {
    /// 0000 success, 0001 partial payment (the actual amount is `amount`), 0015 processing, anything else failure.
    ///
    /// Wire: `status`.
    #[serde(rename = "status", skip_serializing_if = "Option::is_none")]
    pub status: Option<paypro_core::Status>,
    /// Error description.
    ///
    /// Wire: `message`.
    #[serde(rename = "message", skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Paypro transaction number.
    ///
    /// Wire: `platFormTradeNo`, also read from `payproTradeNo`, `kiliTradeNo`.
    #[serde(rename = "platFormTradeNo", skip_serializing_if = "Option::is_none")]
    pub platform_trade_no: Option<String>,
    /// Merchant order number.
    ///
    /// Wire: `tradeNo`.
    #[serde(rename = "tradeNo", skip_serializing_if = "Option::is_none")]
    pub trade_no: Option<String>,
    /// Amount actually paid (may be partial).
    ///
    /// Wire: `amount`.
    #[serde(rename = "amount", skip_serializing_if = "Option::is_none")]
    pub amount: Option<paypro_core::Decimal>,
    /// Success time, local time (only when successful).
    ///
    /// Wire: `successTime`.
    #[serde(rename = "successTime", skip_serializing_if = "Option::is_none")]
    pub success_time: Option<String>,
    /// Notification time, milliseconds (typed string; sent as a string in the example).
    ///
    /// Wire: `timestamp`.
    #[serde(rename = "timestamp", skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<u64>,
    /// Signature over every other field.
    ///
    /// Wire: `sign`.
    #[serde(rename = "sign", skip_serializing_if = "Option::is_none")]
    pub sign: Option<String>,
    /// Fields the spec does not know (and a second spelling of a field already read),
    /// exactly as received.
    #[serde(flatten)]
    pub extra: Extra,
}
impl FromRaw for Notification {
    fn from_raw(raw: &RawValue, path: &str) -> Result<Self, DecodeError> {
        let object = RawObject::parse(raw.get(), path)?;
        let mut status = None;
        let mut message = None;
        let mut platform_trade_no = None;
        let mut trade_no = None;
        let mut amount = None;
        let mut success_time = None;
        let mut timestamp = None;
        let mut sign = None;
        let mut extra = Extra::default();
        for (key, value) in object.into_entries() {
            match key.as_str() {
                "status" if status.is_none() => {
                    status = lenient::status(&value, &key).map_err(|e| under(path, e))?;
                }
                "message" if message.is_none() => {
                    message = lenient::text(&value, &key).map_err(|e| under(path, e))?;
                }
                "platFormTradeNo" | "payproTradeNo"
                | "kiliTradeNo" if platform_trade_no.is_none() => {
                    platform_trade_no = lenient::text(&value, &key)
                        .map_err(|e| under(path, e))?;
                }
                "tradeNo" if trade_no.is_none() => {
                    trade_no = lenient::text(&value, &key).map_err(|e| under(path, e))?;
                }
                "amount" if amount.is_none() => {
                    amount = lenient::decimal(&value, &key).map_err(|e| under(path, e))?;
                }
                "successTime" if success_time.is_none() => {
                    success_time = lenient::text(&value, &key)
                        .map_err(|e| under(path, e))?;
                }
                "timestamp" if timestamp.is_none() => {
                    timestamp = lenient::integer(&value, &key)
                        .map_err(|e| under(path, e))?;
                }
                "sign" if sign.is_none() => {
                    sign = lenient::text(&value, &key).map_err(|e| under(path, e))?;
                }
                _ => extra.insert(key, value),
            }
        }
        let status = status.map(|s| s.with_message(None.or_else(|| message.clone())));
        Ok(Notification {
            status,
            message,
            platform_trade_no,
            trade_no,
            amount,
            success_time,
            timestamp,
            sign,
            extra,
        })
    }
}
fn under(path: &str, e: DecodeError) -> DecodeError {
    DecodeError::new(format!("{path}.{}", e.path), e.problem)
}
impl Notification {
    /// Verifies a raw callback body with `verifier` and parses it: the one-call form of
    /// [`paypro_core::notify::Verifier::verify`] then [`paypro_core::notify::Verified::parse`].
    pub fn verify(
        body: &[u8],
        verifier: &paypro_core::notify::Verifier,
    ) -> Result<Self, paypro_core::notify::NotifyError> {
        let verified = verifier.verify(body)?;
        verified
            .parse()
            .map_err(|e| paypro_core::notify::NotifyError::NotAnObject(e.to_string()))
    }
}
