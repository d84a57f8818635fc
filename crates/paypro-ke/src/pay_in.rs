// @generated from spec/ke.toml by `cargo xtask gen`; do not edit.
//! `pay-in`: Create an M-Pesa pay-in: a payment prompt is pushed to the payer's phone.
//!
//! `POST /api/payin` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
//!
//! Source: Paypro's pages `kenya-payment`, `kenya/payment.html`, as recorded (with the docs' contradictions) in `spec/ke.toml`.
//!
//! Notes from the docs:
//!
//! - The table types timestamp as long; the example sends the string "1715941383720".
use paypro_core::{
    Amount, AmountInput, Checker, DecodeError, Endpoint, Extra, FromRaw, IntoAmount,
    RawFields, ValidationError, __private::RawValue,
    descriptor::{
        DataShape, Effect, EndpointDescriptor, FieldSpec, Provenance, ResponseField,
        Role, Rules, SignPlacement, TextFormat, TimestampWire, ValueKind, WireType,
    },
    lenient,
};
use serde::{Deserialize, Serialize};
/// What the spec says about this endpoint.
pub const DESCRIPTOR: EndpointDescriptor = EndpointDescriptor {
    country: "ke",
    name: "pay-in",
    role: Role::PayIn,
    summary: "Create an M-Pesa pay-in: a payment prompt is pushed to the payer's phone.",
    path: "/api/payin",
    sign: SignPlacement::Body,
    timestamp: TimestampWire::String,
    effect: Effect::MovesMoney,
    unaccepted: paypro_core::descriptor::Unaccepted::ByCode,
    provenance: Provenance::Documented,
    request: &[
        FIELD_AMOUNT,
        FIELD_REMARK,
        FIELD_TRADE_NO,
        FIELD_MOBILE,
        FIELD_NOTIFY_URL,
    ],
    response: DataShape::Object(RESPONSE_FIELDS),
};
/// The `amount` field.
const FIELD_AMOUNT: FieldSpec = FieldSpec::amount(
    "amount",
    WireType::String,
    "Amount in whole shillings; only integers are supported. The minimum is recommended to be greater than KSH 50.",
);
/// The `remark` field.
const FIELD_REMARK: FieldSpec = FieldSpec::text("remark", "Remark; returned as is.")
    .optional();
/// The `tradeNo` field.
const FIELD_TRADE_NO: FieldSpec = FieldSpec::text(
    "tradeNo",
    "Transaction number, unique (recommended: year, month, day, hour, minute, second + random number).",
);
/// The `mobile` field.
const FIELD_MOBILE: FieldSpec = FieldSpec::text(
    "mobile",
    "Payer's mobile (M-Pesa) number (in some countries, the mobile number is the account number).",
);
/// The `notifyUrl` field.
const FIELD_NOTIFY_URL: FieldSpec = FieldSpec::text(
        "notifyUrl",
        "Asynchronous callback URL.",
    )
    .with(Rules::NONE.format(TextFormat::HttpUrl));
/// Create an M-Pesa pay-in: a payment prompt is pushed to the payer's phone.
///
/// `POST /api/payin` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
///
/// Build it with [`Self::builder`]: every value of this type satisfies the spec's rules, so preparing it cannot fail. Its response `data` is [`PayInResponse`].
///
/// # Example
///
/// ```
/// use paypro_ke::advanced::{Credentials, PreparedRequest};
///
/// let request = paypro_ke::PayInRequest::builder()
///     .amount(3)
///     .remark("000000")
///     .trade_no("00000001")
///     .mobile("mobile")
///     .notify_url("https://google.com")
///     .build()?;
/// let prepared = PreparedRequest::new(&request, &Credentials::new("0000000001", paypro_ke::Secret::new("TESTSECRET")?), 1715941383720);
/// assert_eq!(prepared.path, "/api/payin");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, paypro_core::Signable)]
#[serde(try_from = "PayInBuilder")]
#[signable(timestamp)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PayInRequest {
    #[signable(rename = "amount", string)]
    amount: Amount,
    #[signable(rename = "remark")]
    remark: Option<String>,
    #[signable(rename = "tradeNo")]
    trade_no: String,
    #[signable(rename = "mobile")]
    mobile: String,
    #[signable(rename = "notifyUrl")]
    notify_url: String,
}
impl PayInRequest {
    /// An empty builder.
    pub fn builder() -> PayInBuilder {
        PayInBuilder::default()
    }
    /// A builder holding this request's values, to change some and build again.
    pub fn to_builder(&self) -> PayInBuilder {
        PayInBuilder {
            amount: Some(AmountInput(Ok(self.amount))),
            remark: self.remark.clone(),
            trade_no: Some(self.trade_no.clone()),
            mobile: Some(self.mobile.clone()),
            notify_url: Some(self.notify_url.clone()),
        }
    }
    /// Amount in whole shillings; only integers are supported. The minimum is recommended to be greater than KSH 50.
    ///
    /// Wire: `amount`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - 'Greater than KSH 50' is a recommendation, not a rule (the example sends 3): no minimum is enforced.
    pub fn amount(&self) -> Amount {
        self.amount
    }
    /// Remark; returned as is.
    ///
    /// Wire: `remark`, a JSON string, optional.
    pub fn remark(&self) -> Option<&str> {
        self.remark.as_deref()
    }
    /// Transaction number, unique (recommended: year, month, day, hour, minute, second + random number).
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(&self) -> &str {
        &self.trade_no
    }
    /// Payer's mobile (M-Pesa) number (in some countries, the mobile number is the account number).
    ///
    /// Wire: `mobile`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - No format is documented for the pay-in (the example value is the placeholder `mobile`); the payout page's rule (12 digits starting 2541 or 2547) is not enforced here.
    pub fn mobile(&self) -> &str {
        &self.mobile
    }
    /// Asynchronous callback URL.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    pub fn notify_url(&self) -> &str {
        &self.notify_url
    }
}
impl Endpoint for PayInRequest {
    const DESCRIPTOR: &'static EndpointDescriptor = &DESCRIPTOR;
    type Response = PayInResponse;
    fn trade_no(&self) -> Option<&str> {
        Some(&self.trade_no)
    }
}
impl TryFrom<PayInBuilder> for PayInRequest {
    type Error = ValidationError;
    fn try_from(builder: PayInBuilder) -> Result<Self, ValidationError> {
        builder.build()
    }
}
/** Builds a [`PayInRequest`]. Setters take plain values; [`Self::build`] checks every rule at once and names each broken one.

 It also deserializes from the request's JSON fields (wire names, without `sign` and `timestamp`), so input from a file or a command line goes through the same checks.*/
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PayInBuilder {
    /// Amount in whole shillings; only integers are supported. The minimum is recommended to be greater than KSH 50.
    ///
    /// Wire: `amount`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - 'Greater than KSH 50' is a recommendation, not a rule (the example sends 3): no minimum is enforced.
    #[serde(rename = "amount", default)]
    amount: Option<AmountInput>,
    /// Remark; returned as is.
    ///
    /// Wire: `remark`, a JSON string, optional.
    #[serde(rename = "remark", default)]
    remark: Option<String>,
    /// Transaction number, unique (recommended: year, month, day, hour, minute, second + random number).
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    #[serde(rename = "tradeNo", default)]
    trade_no: Option<String>,
    /// Payer's mobile (M-Pesa) number (in some countries, the mobile number is the account number).
    ///
    /// Wire: `mobile`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - No format is documented for the pay-in (the example value is the placeholder `mobile`); the payout page's rule (12 digits starting 2541 or 2547) is not enforced here.
    #[serde(rename = "mobile", default)]
    mobile: Option<String>,
    /// Asynchronous callback URL.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    #[serde(rename = "notifyUrl", default)]
    notify_url: Option<String>,
}
impl PayInBuilder {
    /// Amount in whole shillings; only integers are supported. The minimum is recommended to be greater than KSH 50.
    ///
    /// Wire: `amount`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - 'Greater than KSH 50' is a recommendation, not a rule (the example sends 3): no minimum is enforced.
    ///
    /// Accepts integers, digit strings and whole-valued decimals (`150`,
    /// `"150"`, `"150.00"`, `150.0`); anything with a fraction, zero or a value
    /// above `i64::MAX` is reported by [`Self::build`].
    pub fn amount(mut self, value: impl IntoAmount) -> Self {
        self.amount = Some(AmountInput(value.into_amount()));
        self
    }
    /// Remark; returned as is.
    ///
    /// Wire: `remark`, a JSON string, optional.
    pub fn remark(mut self, value: impl Into<String>) -> Self {
        self.remark = Some(value.into());
        self
    }
    /// Transaction number, unique (recommended: year, month, day, hour, minute, second + random number).
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(mut self, value: impl Into<String>) -> Self {
        self.trade_no = Some(value.into());
        self
    }
    /// Payer's mobile (M-Pesa) number (in some countries, the mobile number is the account number).
    ///
    /// Wire: `mobile`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - No format is documented for the pay-in (the example value is the placeholder `mobile`); the payout page's rule (12 digits starting 2541 or 2547) is not enforced here.
    pub fn mobile(mut self, value: impl Into<String>) -> Self {
        self.mobile = Some(value.into());
        self
    }
    /// Asynchronous callback URL.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    pub fn notify_url(mut self, value: impl Into<String>) -> Self {
        self.notify_url = Some(value.into());
        self
    }
    /// Checks every field against the spec's rules and builds the request.
    pub fn build(self) -> Result<PayInRequest, ValidationError> {
        let mut check = Checker::new();
        let amount = check.required_amount(&FIELD_AMOUNT, self.amount);
        let remark = check.optional_text(&FIELD_REMARK, self.remark);
        let trade_no = check.required_text(&FIELD_TRADE_NO, self.trade_no);
        let mobile = check.required_text(&FIELD_MOBILE, self.mobile);
        let notify_url = check.required_text(&FIELD_NOTIFY_URL, self.notify_url);
        match (amount, trade_no, mobile, notify_url) {
            (
                Some(amount),
                Some(trade_no),
                Some(mobile),
                Some(notify_url),
            ) if check.is_clean() => {
                Ok(PayInRequest {
                    amount,
                    remark,
                    trade_no,
                    mobile,
                    notify_url,
                })
            }
            _ => Err(check.into_error()),
        }
    }
}
const RESPONSE_FIELDS: &[ResponseField] = &[
    ResponseField {
        wire: "serialNumber",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Result ID returned by Paypro, unique.",
    },
    ResponseField {
        wire: "status",
        aliases: &[],
        kind: ValueKind::Status,
        required: false,
        doc: "Request result for merchant logic: 0000 success, 0015 processing, any other code failure.",
    },
    ResponseField {
        wire: "desc",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Error description.",
    },
    ResponseField {
        wire: "remark",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "The request's remark, returned as is.",
    },
];
/// The response's `data` for `pay-in`. Every field is optional (the docs' examples omit fields their tables require); fields the spec does not know are kept in `extra`.
///
/// The fields: documented (the page's response table or example).
///
/// Notes:
///
/// - kenya.md recovered only the head of the response table; the seed page has the full table and an example, used here.
/// - The response identifies the transaction by `serialNumber` ('result ID returned by paypro, unique'), not platFormTradeNo; the example has no remark although the table requires it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PayInResponse {
    /// Result ID returned by Paypro, unique.
    ///
    /// Wire: `serialNumber`.
    #[serde(rename = "serialNumber", skip_serializing_if = "Option::is_none")]
    pub serial_number: Option<String>,
    /// Request result for merchant logic: 0000 success, 0015 processing, any other code failure.
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
    /// Wire: `desc`.
    #[serde(rename = "desc", skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    /// The request's remark, returned as is.
    ///
    /// Wire: `remark`.
    #[serde(rename = "remark", skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// Fields the spec does not know (and a second spelling of a field already read),
    /// exactly as received.
    #[serde(flatten)]
    pub extra: Extra,
}
impl FromRaw for PayInResponse {
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
        let serial_number = found.text(0)?;
        let status = found.status(1)?;
        let desc = found.text(2)?;
        let remark = found.text(3)?;
        let status = status
            .map(|s| match s {
                paypro_core::Status::Failed { .. } => {
                    s.with_message(None.or_else(|| desc.clone()))
                }
                other => other,
            });
        Ok(PayInResponse {
            serial_number,
            status,
            desc,
            remark,
            extra: found.into_extra(),
        })
    }
}
