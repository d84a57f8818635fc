// @generated from spec/ke.toml by `cargo xtask gen`; do not edit.
//! `query-mpesa-code`: Check a transaction's result by its M-Pesa transaction code (receipt).
//!
//! `POST /api/queryResultByCode` · sign in the body · `timestamp` as a string · read-only (safe to retry) · documented
//!
//! Source: Paypro's page `kenya/queryMpesaCode.html`, as recorded (with the docs' contradictions) in `spec/ke.toml`.
//!
//! Notes from the docs:
//!
//! - Unlike the other Kenya queries, this one sends a timestamp (typed string; the example's `2222222222` is a placeholder, not a millisecond time).
//! - The request field `code` (the M-Pesa receipt) has the same name as the response envelope's `code`; they are unrelated.
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
    country: "ke",
    name: "query-mpesa-code",
    role: Role::QueryReceipt,
    summary: "Check a transaction's result by its M-Pesa transaction code (receipt).",
    path: "/api/queryResultByCode",
    sign: SignPlacement::Body,
    timestamp: TimestampWire::String,
    effect: Effect::ReadOnly,
    unaccepted: paypro_core::descriptor::Unaccepted::ByCode,
    provenance: Provenance::Documented,
    request: &[FIELD_CODE],
    response: DataShape::Object(RESPONSE_FIELDS),
};
/// The `code` field.
const FIELD_CODE: FieldSpec = FieldSpec::text(
    "code",
    "M-Pesa transaction code (receipt), e.g. `SHL2A6WAQU`.",
);
/// Check a transaction's result by its M-Pesa transaction code (receipt).
///
/// `POST /api/queryResultByCode` · sign in the body · `timestamp` as a string · read-only (safe to retry) · documented
///
/// Build it with [`Self::builder`]: every value of this type satisfies the spec's rules, so preparing it cannot fail. Its response `data` is [`QueryMpesaCodeResponse`].
///
/// # Example
///
/// ```
/// use paypro_ke::advanced::{Credentials, PreparedRequest};
///
/// let request = paypro_ke::QueryMpesaCodeRequest::builder()
///     .code("SHL2A6WAQU")
///     .build()?;
/// let prepared = PreparedRequest::new(&request, &Credentials::new("0000000001", paypro_ke::Secret::new("TESTSECRET")?), 2222222222);
/// assert_eq!(prepared.path, "/api/queryResultByCode");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, paypro_core::Signable)]
#[serde(try_from = "QueryMpesaCodeBuilder")]
#[signable(timestamp)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct QueryMpesaCodeRequest {
    #[signable(rename = "code")]
    code: String,
}
impl QueryMpesaCodeRequest {
    /// An empty builder.
    pub fn builder() -> QueryMpesaCodeBuilder {
        QueryMpesaCodeBuilder::default()
    }
    /// A builder holding this request's values, to change some and build again.
    pub fn to_builder(&self) -> QueryMpesaCodeBuilder {
        QueryMpesaCodeBuilder {
            code: Some(self.code.clone()),
        }
    }
    /// M-Pesa transaction code (receipt), e.g. `SHL2A6WAQU`.
    ///
    /// Wire: `code`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - Same name as the response envelope's `code`, which is unrelated.
    pub fn code(&self) -> &str {
        &self.code
    }
}
impl Endpoint for QueryMpesaCodeRequest {
    const DESCRIPTOR: &'static EndpointDescriptor = &DESCRIPTOR;
    type Response = QueryMpesaCodeResponse;
}
impl TryFrom<QueryMpesaCodeBuilder> for QueryMpesaCodeRequest {
    type Error = ValidationError;
    fn try_from(builder: QueryMpesaCodeBuilder) -> Result<Self, ValidationError> {
        builder.build()
    }
}
/** Builds a [`QueryMpesaCodeRequest`]. Setters take plain values; [`Self::build`] checks every rule at once and names each broken one.

 It also deserializes from the request's JSON fields (wire names, without `sign` and `timestamp`), so input from a file or a command line goes through the same checks.*/
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QueryMpesaCodeBuilder {
    /// M-Pesa transaction code (receipt), e.g. `SHL2A6WAQU`.
    ///
    /// Wire: `code`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - Same name as the response envelope's `code`, which is unrelated.
    #[serde(rename = "code", default)]
    code: Option<String>,
}
impl QueryMpesaCodeBuilder {
    /// M-Pesa transaction code (receipt), e.g. `SHL2A6WAQU`.
    ///
    /// Wire: `code`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - Same name as the response envelope's `code`, which is unrelated.
    pub fn code(mut self, value: impl Into<String>) -> Self {
        self.code = Some(value.into());
        self
    }
    /// Checks every field against the spec's rules and builds the request.
    pub fn build(self) -> Result<QueryMpesaCodeRequest, ValidationError> {
        let mut check = Checker::new();
        let code = check.required_text(&FIELD_CODE, self.code);
        match (code,) {
            (Some(code),) if check.is_clean() => Ok(QueryMpesaCodeRequest { code }),
            _ => Err(check.into_error()),
        }
    }
}
const RESPONSE_FIELDS: &[ResponseField] = &[
    ResponseField {
        wire: "platFormTradeNo",
        aliases: &["payproTradeNo", "kiliTradeNo"],
        kind: ValueKind::Text,
        required: false,
        doc: "Paypro transaction number (the docs say 'MPESA transaction codes').",
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
        wire: "mpesaReceiptNumber",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "M-Pesa transaction code.",
    },
    ResponseField {
        wire: "successTime",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Success time (Kenya time).",
    },
];
/// The response's `data` for `query-mpesa-code`. Every field is optional (the docs' examples omit fields their tables require); fields the spec does not know are kept in `extra`.
///
/// The fields: documented (the page's response table or example).
///
/// Notes:
///
/// - The docs describe data.platFormTradeNo as 'MPESA transaction codes', apparently a copy error (the M-Pesa code is mpesaReceiptNumber); it is read as the Paypro transaction number.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct QueryMpesaCodeResponse {
    /// Paypro transaction number (the docs say 'MPESA transaction codes').
    ///
    /// Wire: `platFormTradeNo`, also read from `payproTradeNo`, `kiliTradeNo`.
    #[serde(rename = "platFormTradeNo", skip_serializing_if = "Option::is_none")]
    pub platform_trade_no: Option<String>,
    /// Transaction amount.
    ///
    /// Wire: `amount`.
    ///
    /// Read as the amount actually paid (`is_fully_paid`, `order_event`): Inferred: kenya.md §6 (the M-Pesa query, which gives it no description) calls it only 'transaction amount'; it is read as the amount paid because it is the only amount there. Safe either way: is_fully_paid also needs status 0000, so an order amount read as a paid amount cannot make a partial or failed payment look paid.
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
    /// M-Pesa transaction code.
    ///
    /// Wire: `mpesaReceiptNumber`.
    #[serde(rename = "mpesaReceiptNumber", skip_serializing_if = "Option::is_none")]
    pub mpesa_receipt_number: Option<String>,
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
impl FromRaw for QueryMpesaCodeResponse {
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
        let platform_trade_no = found.text(0)?;
        let amount = found.decimal(1)?;
        let status = found.status(2)?;
        let message = found.text(3)?;
        let mpesa_receipt_number = found.text(4)?;
        let success_time = found.text(5)?;
        let status = status
            .map(|s| match s {
                paypro_core::Status::Failed { .. } => {
                    s.with_message(None.or_else(|| message.clone()))
                }
                other => other,
            });
        Ok(QueryMpesaCodeResponse {
            platform_trade_no,
            amount,
            status,
            message,
            mpesa_receipt_number,
            success_time,
            extra: found.into_extra(),
        })
    }
}
impl QueryMpesaCodeResponse {
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
