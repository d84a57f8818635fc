// @generated from spec/mx.toml by `cargo xtask gen`; do not edit.
//! The payment notification.
use paypro_core::{
    DecodeError, Extra, FromRaw, RawFields, __private::RawValue,
    descriptor::{NotificationDescriptor, Provenance, ResponseField, ValueKind},
    lenient,
};
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
        required: true,
        doc: "0000 success, 0001 partial payment (the actual amount is `amount`), 0015 processing, anything else failure.",
    },
    ResponseField {
        wire: "message",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Error description.",
    },
    ResponseField {
        wire: "platFormTradeNo",
        aliases: &["payproTradeNo", "kiliTradeNo"],
        kind: ValueKind::Text,
        required: false,
        doc: "Paypro transaction number.",
    },
    ResponseField {
        wire: "tradeNo",
        aliases: &[],
        kind: ValueKind::Text,
        required: true,
        doc: "Merchant order number.",
    },
    ResponseField {
        wire: "amount",
        aliases: &[],
        kind: ValueKind::Decimal,
        required: false,
        doc: "Amount actually paid (may be partial).",
    },
    ResponseField {
        wire: "successTime",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Success time, local time (only when successful).",
    },
    ResponseField {
        wire: "timestamp",
        aliases: &[],
        kind: ValueKind::Integer,
        required: false,
        doc: "Notification time, milliseconds (typed string; sent as a string in the example).",
    },
    ResponseField {
        wire: "sign",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Signature over every other field.",
    },
];
/// A payment notification (callback) for a pay-in or payout result, as Paypro POSTs it to the `notifyUrl`.
///
/// Answer with the plain text [`OK`](crate::ACK), or Paypro retries (8 times in 24 h). Retries mean duplicates, and deliveries can arrive out of order: apply each one to the order's stored state, keyed by `tradeNo`, so that a duplicate, a stale status or a downgrade after success is ignored.
///
/// Reading is strict, because anyone can POST to a notify URL and empty values are not signed: an empty value reads as absent, two spellings of one field are refused, every value is checked against its kind (a status is 4 to 7 digits), a value containing `name=` for a field name is refused as spliced, and a callback without its required fields cannot be parsed.
///
/// Callbacks carry `sign` over every other field (including ones this type does not know); verify it on the raw body before parsing.
///
/// Source: Paypro's page `paymentNotify.html`, as recorded (with the docs' contradictions) in `spec/mx.toml`.
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
    ///
    /// Status `0000` (Success): Documented (every country's status tables).
    ///
    /// Status `0001` (PartialPayment): Documented.
    ///
    /// Status `0015` (Processing): Documented (every country's status tables).
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
    ///
    /// Read as the amount actually paid (`is_fully_paid`, `order_event`): Documented (mexico.md §8: 'actual paid amount (may be partial)').
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
        lenient::from_object(raw, path)
    }
    fn from_fields(object: RawFields<'_>, path: &str) -> Result<Self, DecodeError> {
        let found = lenient::Fields::read(
            object,
            path,
            FIELDS,
            lenient::Strictness::Notification,
        )?;
        let status = found.status(0)?;
        let message = found.text(1)?;
        let platform_trade_no = found.text(2)?;
        let trade_no = found.text(3)?;
        let amount = found.decimal(4)?;
        let success_time = found.text(5)?;
        let timestamp = found.integer(6)?;
        let sign = found.text(7)?;
        let status = status
            .map(|s| match s {
                paypro_core::Status::Failed { .. } => {
                    s.with_message(None.or_else(|| message.clone()))
                }
                other => other,
            });
        Ok(Notification {
            status,
            message,
            platform_trade_no,
            trade_no,
            amount,
            success_time,
            timestamp,
            sign,
            extra: found.into_extra(),
        })
    }
}
impl Notification {
    /// Whether this proves the order was paid in full: status `0000` and `amount` (the amount actually paid) at least `expected`. Never true for a partial payment (`0001`), a success without an amount, or a success for less: deliver only when this is true. See [`is_fully_paid`](crate::is_fully_paid).
    pub fn is_fully_paid(&self, expected: impl Into<paypro_core::Decimal>) -> bool {
        paypro_core::is_fully_paid(self.status.as_ref(), self.amount, expected.into())
    }
    /// This answer as an [`Event`](crate::Event) for [`Order::apply`](crate::Order::apply): its status and `amount`; `None` without a status.
    pub fn order_event(&self) -> Option<paypro_core::order::Event> {
        self.status
            .clone()
            .map(|status| paypro_core::order::Event::new(status, self.amount))
    }
}
/// Paypro signs this country's callbacks: a verified body can be read as one.
impl paypro_core::notify::SignedNotification for Notification {}
impl Notification {
    /// Verifies a raw callback body with `verifier` and parses it: the one-call form of
    /// [`Verifier::verify`](crate::Verifier::verify) then [`Verified::parse`](crate::Verified::parse)
    /// ([`Verifier::verify_and_parse`](crate::Verifier::verify_and_parse), which keeps no copy of the body).
    pub fn verify(
        body: &[u8],
        verifier: &paypro_core::notify::Verifier,
    ) -> Result<Self, paypro_core::notify::NotifyError> {
        verifier.verify_and_parse(body)
    }
}
