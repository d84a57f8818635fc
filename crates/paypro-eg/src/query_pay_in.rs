// @generated from spec/eg.toml by `cargo xtask gen`; do not edit.
//! `query-pay-in`: Query a pay-in's result by the merchant's tradeNo.
//!
//! `POST /v1/paypro/queryPayInResult` · sign in the body · `timestamp` as a string · read-only (safe to retry) · documented
//!
//! Source: Paypro's page `paymentQuery.html`, as recorded (with the docs' contradictions) in `spec/eg.toml`.
//!
//! Notes from the docs:
//!
//! - The page's header table marks `merchantNo` as not required, probably a doc error (every other page requires it); it is always sent.
use paypro_core::{
    Checker, DecodeError, Endpoint, Extra, FromRaw, RawFields, ValidationError,
    __private::RawValue,
    descriptor::{
        DataShape, Effect, EndpointDescriptor, FieldSpec, Provenance, ResponseField,
        Role, SignPlacement, TimestampWire, ValueKind,
    },
    lenient,
};
use serde::{Deserialize, Serialize};
/// What the spec says about this endpoint.
pub const DESCRIPTOR: EndpointDescriptor = EndpointDescriptor {
    country: "eg",
    name: "query-pay-in",
    role: Role::QueryPayIn,
    summary: "Query a pay-in's result by the merchant's tradeNo.",
    path: "/v1/paypro/queryPayInResult",
    sign: SignPlacement::Body,
    timestamp: TimestampWire::String,
    effect: Effect::ReadOnly,
    unaccepted: paypro_core::descriptor::Unaccepted::ByCode,
    provenance: Provenance::Documented,
    request: &[FIELD_TRADE_NO],
    response: DataShape::Object(RESPONSE_FIELDS),
};
/// The `tradeNo` field.
const FIELD_TRADE_NO: FieldSpec = FieldSpec::text(
    "tradeNo",
    "The merchant order number of the collection.",
);
/// Query a pay-in's result by the merchant's tradeNo.
///
/// `POST /v1/paypro/queryPayInResult` · sign in the body · `timestamp` as a string · read-only (safe to retry) · documented
///
/// Build it with [`Self::builder`]: every value of this type satisfies the spec's rules, so preparing it cannot fail. Its response `data` is [`QueryPayInResponse`].
///
/// # Example
///
/// ```
/// use paypro_eg::advanced::{Credentials, PreparedRequest};
///
/// let request = paypro_eg::QueryPayInRequest::builder()
///     .trade_no("test_00000008")
///     .build()?;
/// let prepared = PreparedRequest::new(&request, &Credentials::new("0000000001", paypro_eg::Secret::new("TESTSECRET")?), 1728613488294);
/// assert_eq!(prepared.path, "/v1/paypro/queryPayInResult");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, paypro_core::Signable)]
#[serde(try_from = "QueryPayInBuilder")]
#[signable(timestamp)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct QueryPayInRequest {
    #[signable(rename = "tradeNo")]
    trade_no: String,
}
impl QueryPayInRequest {
    /// An empty builder.
    pub fn builder() -> QueryPayInBuilder {
        QueryPayInBuilder::default()
    }
    /// A builder holding this request's values, to change some and build again.
    pub fn to_builder(&self) -> QueryPayInBuilder {
        QueryPayInBuilder {
            trade_no: Some(self.trade_no.clone()),
        }
    }
    /// The merchant order number of the collection.
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(&self) -> &str {
        &self.trade_no
    }
}
impl Endpoint for QueryPayInRequest {
    const DESCRIPTOR: &'static EndpointDescriptor = &DESCRIPTOR;
    type Response = QueryPayInResponse;
    fn trade_no(&self) -> Option<&str> {
        Some(&self.trade_no)
    }
}
impl TryFrom<QueryPayInBuilder> for QueryPayInRequest {
    type Error = ValidationError;
    fn try_from(builder: QueryPayInBuilder) -> Result<Self, ValidationError> {
        builder.build()
    }
}
/** Builds a [`QueryPayInRequest`]. Setters take plain values; [`Self::build`] checks every rule at once and names each broken one.

 It also deserializes from the request's JSON fields (wire names, without `sign` and `timestamp`), so input from a file or a command line goes through the same checks.*/
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QueryPayInBuilder {
    /// The merchant order number of the collection.
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    #[serde(rename = "tradeNo", default)]
    trade_no: Option<String>,
}
impl QueryPayInBuilder {
    /// The merchant order number of the collection.
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(mut self, value: impl Into<String>) -> Self {
        self.trade_no = Some(value.into());
        self
    }
    /// Checks every field against the spec's rules and builds the request.
    pub fn build(self) -> Result<QueryPayInRequest, ValidationError> {
        let mut check = Checker::new();
        let trade_no = check.required_text(&FIELD_TRADE_NO, self.trade_no);
        match (trade_no,) {
            (Some(trade_no),) if check.is_clean() => Ok(QueryPayInRequest { trade_no }),
            _ => Err(check.into_error()),
        }
    }
}
const RESPONSE_FIELDS: &[ResponseField] = &[
    ResponseField {
        wire: "tradeNo",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Merchant order number (in the example, not in the table).",
    },
    ResponseField {
        wire: "platFormTradeNo",
        aliases: &["payproTradeNo", "kiliTradeNo"],
        kind: ValueKind::Text,
        required: false,
        doc: "Paypro transaction number.",
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
        required: false,
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
        doc: "Success time, local time.",
    },
    ResponseField {
        wire: "receivedAmount",
        aliases: &[],
        kind: ValueKind::Decimal,
        required: false,
        doc: "Amount actually received.",
    },
    ResponseField {
        wire: "createTime",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Creation time, local time.",
    },
];
/// The response's `data` for `query-pay-in`. Every field is optional (the docs' examples omit fields their tables require); fields the spec does not know are kept in `extra`.
///
/// The fields: documented (the page's response table or example).
///
/// Notes:
///
/// - The example carries `tradeNo`, which the table does not list.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct QueryPayInResponse {
    /// Merchant order number (in the example, not in the table).
    ///
    /// Wire: `tradeNo`.
    #[serde(rename = "tradeNo", skip_serializing_if = "Option::is_none")]
    pub trade_no: Option<String>,
    /// Paypro transaction number.
    ///
    /// Wire: `platFormTradeNo`, also read from `payproTradeNo`, `kiliTradeNo`.
    #[serde(rename = "platFormTradeNo", skip_serializing_if = "Option::is_none")]
    pub platform_trade_no: Option<String>,
    /// Transaction amount.
    ///
    /// Wire: `amount`.
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
    /// Success time, local time.
    ///
    /// Wire: `successTime`.
    #[serde(rename = "successTime", skip_serializing_if = "Option::is_none")]
    pub success_time: Option<String>,
    /// Amount actually received.
    ///
    /// Wire: `receivedAmount`.
    ///
    /// Read as the amount actually paid (`is_fully_paid`, `order_event`): Documented (egypt.md §3: receivedAmount, 'real received amount').
    #[serde(rename = "receivedAmount", skip_serializing_if = "Option::is_none")]
    pub received_amount: Option<paypro_core::Decimal>,
    /// Creation time, local time.
    ///
    /// Wire: `createTime`.
    #[serde(rename = "createTime", skip_serializing_if = "Option::is_none")]
    pub create_time: Option<String>,
    /// Fields the spec does not know (and a second spelling of a field already read),
    /// exactly as received.
    #[serde(flatten)]
    pub extra: Extra,
}
impl FromRaw for QueryPayInResponse {
    fn from_raw(raw: &RawValue, path: &str) -> Result<Self, DecodeError> {
        lenient::from_object(raw, path)
    }
    fn from_fields(object: RawFields<'_>, path: &str) -> Result<Self, DecodeError> {
        let found = lenient::Fields::read(
            object,
            path,
            RESPONSE_FIELDS,
            lenient::Strictness::Response,
        )?;
        let trade_no = found.text(0)?;
        let platform_trade_no = found.text(1)?;
        let amount = found.decimal(2)?;
        let status = found.status(3)?;
        let message = found.text(4)?;
        let success_time = found.text(5)?;
        let received_amount = found.decimal(6)?;
        let create_time = found.text(7)?;
        let status = status
            .map(|s| match s {
                paypro_core::Status::Failed { .. } => {
                    s.with_message(None.or_else(|| message.clone()))
                }
                other => other,
            });
        Ok(QueryPayInResponse {
            trade_no,
            platform_trade_no,
            amount,
            status,
            message,
            success_time,
            received_amount,
            create_time,
            extra: found.into_extra(),
        })
    }
}
impl QueryPayInResponse {
    /// Whether this proves the order was paid in full: status `0000` and `receivedAmount` (the amount actually paid) at least `expected`. Never true for a partial payment (`0001`), a success without an amount, or a success for less: deliver only when this is true. See [`is_fully_paid`](crate::is_fully_paid).
    pub fn is_fully_paid(&self, expected: impl Into<paypro_core::Decimal>) -> bool {
        paypro_core::is_fully_paid(
            self.status.as_ref(),
            self.received_amount,
            expected.into(),
        )
    }
    /// This answer as an [`Event`](crate::Event) for [`Order::apply`](crate::Order::apply): its status and `receivedAmount`; `None` without a status.
    pub fn order_event(&self) -> Option<paypro_core::order::Event> {
        self.status
            .clone()
            .map(|status| paypro_core::order::Event::new(status, self.received_amount))
    }
}
