// @generated from spec/ke.toml by `cargo xtask gen`; do not edit.
//! The payment notification.
use paypro_core::{
    DecodeError, Extra, FromRaw, RawFields, __private::RawValue,
    descriptor::{NotificationDescriptor, Provenance, ResponseField, ValueKind},
    lenient,
};
use serde::Serialize;
/// What the spec says about this country's notifications.
pub const NOTIFICATION: NotificationDescriptor = NotificationDescriptor {
    signed: false,
    timestamped: false,
    provenance: Provenance::Documented,
    fields: FIELDS,
};
const FIELDS: &[ResponseField] = &[
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
        doc: "Merchant tradeNo.",
    },
    ResponseField {
        wire: "amount",
        aliases: &[],
        kind: ValueKind::Decimal,
        required: false,
        doc: "Transaction amount.",
    },
    ResponseField {
        wire: "status",
        aliases: &[],
        kind: ValueKind::Status,
        required: true,
        doc: "0000 success, 0015 processing, anything else failure.",
    },
    ResponseField {
        wire: "message",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Error description.",
    },
    ResponseField {
        wire: "successTime",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Success time (Kenya time).",
    },
];
/// A payment notification (callback) for a pay-in or payout result, as Paypro POSTs it to the `notifyUrl`.
///
/// Answer with the plain text [`OK`](crate::ACK), or Paypro retries (8 times in 24 h). Retries mean duplicates, and deliveries can arrive out of order: apply each one to the order's stored state, keyed by `tradeNo`, so that a duplicate, a stale status or a downgrade after success is ignored.
///
/// Reading is strict, because anyone can POST to a notify URL and empty values are not signed: an empty value reads as absent, two spellings of one field are refused, every value is checked against its kind (a status is 4 to 7 digits), a value containing `name=` for a field name is refused as spliced, and a callback without its required fields cannot be parsed.
///
/// **Unsigned:** this country's callbacks carry no `sign` and no `timestamp`, so anyone who knows the URL can forge one. Before acting on a callback, query the order and compare its tradeNo, amount and status.
///
/// Source: Paypro's page `kenya/paymentNotify.html`, as recorded (with the docs' contradictions) in `spec/ke.toml`.
///
/// Notes from the docs:
///
/// - Sent for pay-in and payout results; answer `OK`, otherwise Paypro retries 8 times in 24 h (2s/5s/10s/30s/1h/3h/3h/3h), after which the query APIs must be used.
/// - No `sign` and no `timestamp` in the table or the example: callbacks cannot be authenticated. Never act on one alone; confirm it with `query-pay-in` or `query-payout` (and tell Paypro about any IP restriction, as the page asks).
/// - `amount` is typed string but the example sends the JSON number `3.0000`; both are read.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct UnconfirmedNotification {
    /// Paypro transaction number.
    ///
    /// Wire: `platFormTradeNo`, also read from `payproTradeNo`, `kiliTradeNo`.
    #[serde(rename = "platFormTradeNo", skip_serializing_if = "Option::is_none")]
    pub platform_trade_no: Option<String>,
    /// Merchant tradeNo.
    ///
    /// Wire: `tradeNo`.
    #[serde(rename = "tradeNo", skip_serializing_if = "Option::is_none")]
    pub trade_no: Option<String>,
    /// Transaction amount.
    ///
    /// Wire: `amount`.
    ///
    /// Read as the amount actually paid (`is_fully_paid`, `order_event`): Inferred: kenya.md §7 (the notification) calls it only 'transaction amount'; it is read as the amount paid because it is the only amount there. Safe either way: is_fully_paid also needs status 0000, so an order amount read as a paid amount cannot make a partial or failed payment look paid.
    #[serde(rename = "amount", skip_serializing_if = "Option::is_none")]
    pub amount: Option<paypro_core::Decimal>,
    /// 0000 success, 0015 processing, anything else failure.
    ///
    /// Wire: `status`.
    ///
    /// Status `0000` (Success): Documented (every country's status tables).
    ///
    /// Status `0001` (PartialPayment): Inferred: this country's pages list only 0000 and 0015 and call any other code a failure (Egypt names 0001 only on its payout page, a copy of the pay-in template); 0001 is read as a partial payment, as Mexico's and Indonesia's pages say, because reading it as a failure would say that no money moved when part of it may have.
    ///
    /// Status `0015` (Processing): Documented (every country's status tables).
    #[serde(rename = "status", skip_serializing_if = "Option::is_none")]
    pub status: Option<paypro_core::Status>,
    /// Error description.
    ///
    /// Wire: `message`.
    #[serde(rename = "message", skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Success time (Kenya time).
    ///
    /// Wire: `successTime`.
    #[serde(rename = "successTime", skip_serializing_if = "Option::is_none")]
    pub success_time: Option<String>,
    /// Fields the spec does not know (and a second spelling of a field already read),
    /// exactly as received.
    #[serde(flatten)]
    pub extra: Extra,
}
impl FromRaw for UnconfirmedNotification {
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
        let platform_trade_no = found.text(0)?;
        let trade_no = found.text(1)?;
        let amount = found.decimal(2)?;
        let status = found.status(3)?;
        let message = found.text(4)?;
        let success_time = found.text(5)?;
        let status = status
            .map(|s| match s {
                paypro_core::Status::Failed { .. } => {
                    s.with_message(None.or_else(|| message.clone()))
                }
                other => other,
            });
        Ok(UnconfirmedNotification {
            platform_trade_no,
            trade_no,
            amount,
            status,
            message,
            success_time,
            extra: found.into_extra(),
        })
    }
}
impl UnconfirmedNotification {
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
use paypro_core::notify::{read_unsigned, NotifyError, Verifier};
#[cfg(feature = "client")]
use paypro_core::notify::{confirm_field, ConfirmError, Confirmed};
#[cfg(feature = "client")]
use paypro_core::Status;
impl UnconfirmedNotification {
    /// Reads a callback body (at most 64 KiB, a JSON object without repeated keys).
    /// Nothing in it is trusted: this country's callbacks carry no signature.
    pub fn parse(body: &[u8]) -> Result<Self, NotifyError> {
        read_unsigned(body, Verifier::DEFAULT_MAX_BODY_BYTES)
    }
    /// Confirms the callback with `query-pay-in`: queries its `tradeNo` and checks that Paypro's answer agrees on `platFormTradeNo`, `amount`, `status` (the status must be present and equal). Act on the returned [`Confirmed::actual`], not on the callback.
    #[cfg(feature = "client")]
    pub async fn confirm_pay_in(
        self,
        client: &crate::Client,
    ) -> Result<Confirmed<Self, crate::QueryPayInResponse>, ConfirmError> {
        let actual = client.query_pay_in(&pay_in_query(&self)?).await?;
        check_pay_in(&self, &actual.data)?;
        Ok(Confirmed::new(self, actual))
    }
    /// Confirms the callback with `query-pay-in`: queries its `tradeNo` and checks that Paypro's answer agrees on `platFormTradeNo`, `amount`, `status` (the status must be present and equal). Act on the returned [`Confirmed::actual`], not on the callback.
    #[cfg(feature = "blocking")]
    pub fn confirm_pay_in_blocking(
        self,
        client: &crate::blocking::Client,
    ) -> Result<Confirmed<Self, crate::QueryPayInResponse>, ConfirmError> {
        let actual = client.query_pay_in(&pay_in_query(&self)?)?;
        check_pay_in(&self, &actual.data)?;
        Ok(Confirmed::new(self, actual))
    }
    /// Confirms the callback with `query-payout`: queries its `tradeNo` and checks that Paypro's answer agrees on `platFormTradeNo`, `amount`, `status` (the status must be present and equal). Act on the returned [`Confirmed::actual`], not on the callback.
    #[cfg(feature = "client")]
    pub async fn confirm_payout(
        self,
        client: &crate::Client,
    ) -> Result<Confirmed<Self, crate::QueryPayoutResponse>, ConfirmError> {
        let actual = client.query_payout(&payout_query(&self)?).await?;
        check_payout(&self, &actual.data)?;
        Ok(Confirmed::new(self, actual))
    }
    /// Confirms the callback with `query-payout`: queries its `tradeNo` and checks that Paypro's answer agrees on `platFormTradeNo`, `amount`, `status` (the status must be present and equal). Act on the returned [`Confirmed::actual`], not on the callback.
    #[cfg(feature = "blocking")]
    pub fn confirm_payout_blocking(
        self,
        client: &crate::blocking::Client,
    ) -> Result<Confirmed<Self, crate::QueryPayoutResponse>, ConfirmError> {
        let actual = client.query_payout(&payout_query(&self)?)?;
        check_payout(&self, &actual.data)?;
        Ok(Confirmed::new(self, actual))
    }
}
#[cfg(feature = "client")]
fn pay_in_query(
    claimed: &UnconfirmedNotification,
) -> Result<crate::QueryPayInRequest, ConfirmError> {
    let trade_no = claimed.trade_no.clone().ok_or(ConfirmError::NoTradeNo)?;
    crate::QueryPayInRequest::builder()
        .trade_no(trade_no)
        .build()
        .map_err(|e| ConfirmError::Query(e.into()))
}
#[cfg(feature = "client")]
fn check_pay_in(
    claimed: &UnconfirmedNotification,
    actual: &crate::QueryPayInResponse,
) -> Result<(), ConfirmError> {
    confirm_field(
        "platFormTradeNo",
        claimed.platform_trade_no.as_ref(),
        actual.platform_trade_no.as_ref(),
        false,
    )?;
    confirm_field("amount", claimed.amount.as_ref(), actual.amount.as_ref(), false)?;
    confirm_field(
        "status",
        claimed.status.as_ref().map(Status::code),
        actual.status.as_ref().map(Status::code),
        true,
    )?;
    Ok(())
}
#[cfg(feature = "client")]
fn payout_query(
    claimed: &UnconfirmedNotification,
) -> Result<crate::QueryPayoutRequest, ConfirmError> {
    let trade_no = claimed.trade_no.clone().ok_or(ConfirmError::NoTradeNo)?;
    crate::QueryPayoutRequest::builder()
        .trade_no(trade_no)
        .build()
        .map_err(|e| ConfirmError::Query(e.into()))
}
#[cfg(feature = "client")]
fn check_payout(
    claimed: &UnconfirmedNotification,
    actual: &crate::QueryPayoutResponse,
) -> Result<(), ConfirmError> {
    confirm_field(
        "platFormTradeNo",
        claimed.platform_trade_no.as_ref(),
        actual.platform_trade_no.as_ref(),
        false,
    )?;
    confirm_field("amount", claimed.amount.as_ref(), actual.amount.as_ref(), false)?;
    confirm_field(
        "status",
        claimed.status.as_ref().map(Status::code),
        actual.status.as_ref().map(Status::code),
        true,
    )?;
    Ok(())
}
