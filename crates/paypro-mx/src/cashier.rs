// @generated from spec/mx.toml by `cargo xtask gen`; do not edit.
//! `cashier`: Create a payment link: a hosted cashier page where the payer chooses how to pay.
//!
//! `POST /v1/paypro/paymentLink` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
//!
//! PaymentPage API (Payment Link Interface, 'Cashier payment interface'): redirects users to a predefined payment page; everything is handled by the PSP.
//!
//! Source: Paypro's page `paymentPage.html`, as recorded (with the docs' contradictions) in `spec/mx.toml`.
//!
//! Notes from the docs:
//!
//! - The table types `timestamp` as long; the other Mexico examples send a JSON string, so it is sent as a string.
use paypro_core::{
    Amount, AmountInput, Checker, DecodeError, Endpoint, Extra, FromRaw, IntoAmount,
    JsonOut, RawFields, ValidationError, WireValue, __private::RawValue,
    descriptor::{
        DataShape, Effect, EndpointDescriptor, FieldSpec, Provenance, ResponseField,
        Role, Rules, SignPlacement, TextFormat, TimestampWire, ValueKind, WireType,
    },
    lenient,
};
use serde::{Deserialize, Serialize};
/// What the spec says about this endpoint.
pub const DESCRIPTOR: EndpointDescriptor = EndpointDescriptor {
    country: "mx",
    name: "cashier",
    role: Role::Cashier,
    summary: "Create a payment link: a hosted cashier page where the payer chooses how to pay.",
    path: "/v1/paypro/paymentLink",
    sign: SignPlacement::Body,
    timestamp: TimestampWire::String,
    effect: Effect::MovesMoney,
    unaccepted: paypro_core::descriptor::Unaccepted::ByCode,
    provenance: Provenance::Documented,
    request: &[
        FIELD_TRADE_NO,
        FIELD_AMOUNT,
        FIELD_MOBILE,
        FIELD_EMAIL,
        FIELD_PAYER,
        FIELD_WAY_CODE,
        FIELD_NOTIFY_URL,
        FIELD_RETURN_URL,
    ],
    response: DataShape::Object(RESPONSE_FIELDS),
};
/// The `tradeNo` field.
const FIELD_TRADE_NO: FieldSpec = FieldSpec::text(
    "tradeNo",
    "Merchant order number, unique.",
);
/// The `amount` field.
const FIELD_AMOUNT: FieldSpec = FieldSpec::amount(
    "amount",
    WireType::String,
    "Amount in whole pesos (decimals not supported).",
);
/// The `mobile` field.
const FIELD_MOBILE: FieldSpec = FieldSpec::text("mobile", "Payer's mobile phone number.")
    .optional();
/// The `email` field.
const FIELD_EMAIL: FieldSpec = FieldSpec::text("email", "Payer's email.").optional();
/// The `payer` field.
const FIELD_PAYER: FieldSpec = FieldSpec::text("payer", "Payer name.").optional();
/// The `wayCode` field.
const FIELD_WAY_CODE: FieldSpec = FieldSpec::one_of(
        "wayCode",
        &["store", "va"],
        "Collection method code; restricts the cashier to one method (all are offered when absent).",
    )
    .optional();
/// The `notifyUrl` field.
const FIELD_NOTIFY_URL: FieldSpec = FieldSpec::text(
        "notifyUrl",
        "Asynchronous callback address.",
    )
    .with(Rules::NONE.format(TextFormat::HttpUrl));
/// The `returnUrl` field.
const FIELD_RETURN_URL: FieldSpec = FieldSpec::text(
        "returnUrl",
        "Cashier jump address; remove the escape character '\\', format like `https://www.abc.com/`. If not passed, the payer is sent to the default success page.",
    )
    .optional()
    .with(Rules::NONE.format(TextFormat::HttpUrl));
/// Create a payment link: a hosted cashier page where the payer chooses how to pay.
///
/// `POST /v1/paypro/paymentLink` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
///
/// Build it with [`Self::builder`]: every value of this type satisfies the spec's rules, so preparing it cannot fail. Its response `data` is [`CashierResponse`].
///
/// # Example
///
/// ```
/// use paypro_mx::advanced::{Credentials, PreparedRequest};
///
/// let request = paypro_mx::CashierRequest::builder()
///     .trade_no("test_00000008")
///     .amount(300)
///     .mobile("15745896325")
///     .email("kevin@example.com")
///     .payer("kevin zhang")
///     .way_code(paypro_mx::cashier::WayCode::Store)
///     .notify_url("https://google.com")
///     .return_url("http://abc.com/callback_page")
///     .build()?;
/// let prepared = PreparedRequest::new(&request, &Credentials::new("0000000001", paypro_mx::Secret::new("TESTSECRET")?), 1728609257212);
/// assert_eq!(prepared.path, "/v1/paypro/paymentLink");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, paypro_core::Signable)]
#[serde(try_from = "CashierBuilder")]
#[signable(timestamp)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct CashierRequest {
    #[signable(rename = "tradeNo")]
    trade_no: String,
    #[signable(rename = "amount", string)]
    amount: Amount,
    #[signable(rename = "mobile")]
    mobile: Option<String>,
    #[signable(rename = "email")]
    email: Option<String>,
    #[signable(rename = "payer")]
    payer: Option<String>,
    #[signable(rename = "wayCode")]
    way_code: Option<WayCode>,
    #[signable(rename = "notifyUrl")]
    notify_url: String,
    #[signable(rename = "returnUrl")]
    return_url: Option<String>,
}
impl CashierRequest {
    /// An empty builder.
    pub fn builder() -> CashierBuilder {
        CashierBuilder::default()
    }
    /// A builder holding this request's values, to change some and build again.
    pub fn to_builder(&self) -> CashierBuilder {
        CashierBuilder {
            trade_no: Some(self.trade_no.clone()),
            amount: Some(AmountInput(Ok(self.amount))),
            mobile: self.mobile.clone(),
            email: self.email.clone(),
            payer: self.payer.clone(),
            way_code: self.way_code.map(|v| v.as_str().to_string()),
            notify_url: Some(self.notify_url.clone()),
            return_url: self.return_url.clone(),
        }
    }
    /// Merchant order number, unique.
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(&self) -> &str {
        &self.trade_no
    }
    /// Amount in whole pesos (decimals not supported).
    ///
    /// Wire: `amount`, a JSON string, required.
    pub fn amount(&self) -> Amount {
        self.amount
    }
    /// Payer's mobile phone number.
    ///
    /// Wire: `mobile`, a JSON string, optional.
    pub fn mobile(&self) -> Option<&str> {
        self.mobile.as_deref()
    }
    /// Payer's email.
    ///
    /// Wire: `email`, a JSON string, optional.
    pub fn email(&self) -> Option<&str> {
        self.email.as_deref()
    }
    /// Payer name.
    ///
    /// Wire: `payer`, a JSON string, optional.
    pub fn payer(&self) -> Option<&str> {
        self.payer.as_deref()
    }
    /// Collection method code; restricts the cashier to one method (all are offered when absent).
    ///
    /// Wire: `wayCode`, a JSON string, optional. Rules: one of the listed values (others are refused).
    ///
    /// Basis of the rules: Documented (mexico.md §3: store / va).
    pub fn way_code(&self) -> Option<WayCode> {
        self.way_code
    }
    /// Asynchronous callback address.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    pub fn notify_url(&self) -> &str {
        &self.notify_url
    }
    /// Cashier jump address; remove the escape character '\\', format like `https://www.abc.com/`. If not passed, the payer is sent to the default success page.
    ///
    /// Wire: `returnUrl`, a JSON string, optional. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    pub fn return_url(&self) -> Option<&str> {
        self.return_url.as_deref()
    }
}
impl Endpoint for CashierRequest {
    const DESCRIPTOR: &'static EndpointDescriptor = &DESCRIPTOR;
    type Response = CashierResponse;
    fn trade_no(&self) -> Option<&str> {
        Some(&self.trade_no)
    }
}
impl TryFrom<CashierBuilder> for CashierRequest {
    type Error = ValidationError;
    fn try_from(builder: CashierBuilder) -> Result<Self, ValidationError> {
        builder.build()
    }
}
/** Builds a [`CashierRequest`]. Setters take plain values; [`Self::build`] checks every rule at once and names each broken one.

 It also deserializes from the request's JSON fields (wire names, without `sign` and `timestamp`), so input from a file or a command line goes through the same checks.*/
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CashierBuilder {
    /// Merchant order number, unique.
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    #[serde(rename = "tradeNo", default)]
    trade_no: Option<String>,
    /// Amount in whole pesos (decimals not supported).
    ///
    /// Wire: `amount`, a JSON string, required.
    #[serde(rename = "amount", default)]
    amount: Option<AmountInput>,
    /// Payer's mobile phone number.
    ///
    /// Wire: `mobile`, a JSON string, optional.
    #[serde(rename = "mobile", default)]
    mobile: Option<String>,
    /// Payer's email.
    ///
    /// Wire: `email`, a JSON string, optional.
    #[serde(rename = "email", default)]
    email: Option<String>,
    /// Payer name.
    ///
    /// Wire: `payer`, a JSON string, optional.
    #[serde(rename = "payer", default)]
    payer: Option<String>,
    /// Collection method code; restricts the cashier to one method (all are offered when absent).
    ///
    /// Wire: `wayCode`, a JSON string, optional. Rules: one of the listed values (others are refused).
    ///
    /// Basis of the rules: Documented (mexico.md §3: store / va).
    #[serde(rename = "wayCode", default)]
    #[cfg_attr(feature = "schemars", schemars(with = "Option<WayCode>"))]
    way_code: Option<String>,
    /// Asynchronous callback address.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    #[serde(rename = "notifyUrl", default)]
    notify_url: Option<String>,
    /// Cashier jump address; remove the escape character '\\', format like `https://www.abc.com/`. If not passed, the payer is sent to the default success page.
    ///
    /// Wire: `returnUrl`, a JSON string, optional. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    #[serde(rename = "returnUrl", default)]
    return_url: Option<String>,
}
impl CashierBuilder {
    /// Merchant order number, unique.
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(mut self, value: impl Into<String>) -> Self {
        self.trade_no = Some(value.into());
        self
    }
    /// Amount in whole pesos (decimals not supported).
    ///
    /// Wire: `amount`, a JSON string, required.
    ///
    /// Accepts integers, digit strings and whole-valued decimals (`150`,
    /// `"150"`, `"150.00"`, `150.0`); anything with a fraction, zero or a value
    /// above `i64::MAX` is reported by [`Self::build`].
    pub fn amount(mut self, value: impl IntoAmount) -> Self {
        self.amount = Some(AmountInput(value.into_amount()));
        self
    }
    /// Payer's mobile phone number.
    ///
    /// Wire: `mobile`, a JSON string, optional.
    pub fn mobile(mut self, value: impl Into<String>) -> Self {
        self.mobile = Some(value.into());
        self
    }
    /// Payer's email.
    ///
    /// Wire: `email`, a JSON string, optional.
    pub fn email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
        self
    }
    /// Payer name.
    ///
    /// Wire: `payer`, a JSON string, optional.
    pub fn payer(mut self, value: impl Into<String>) -> Self {
        self.payer = Some(value.into());
        self
    }
    /// Collection method code; restricts the cashier to one method (all are offered when absent).
    ///
    /// Wire: `wayCode`, a JSON string, optional. Rules: one of the listed values (others are refused).
    ///
    /// Basis of the rules: Documented (mexico.md §3: store / va).
    pub fn way_code(mut self, value: WayCode) -> Self {
        self.way_code = Some(value.as_str().to_string());
        self
    }
    /// Asynchronous callback address.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    pub fn notify_url(mut self, value: impl Into<String>) -> Self {
        self.notify_url = Some(value.into());
        self
    }
    /// Cashier jump address; remove the escape character '\\', format like `https://www.abc.com/`. If not passed, the payer is sent to the default success page.
    ///
    /// Wire: `returnUrl`, a JSON string, optional. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    pub fn return_url(mut self, value: impl Into<String>) -> Self {
        self.return_url = Some(value.into());
        self
    }
    /// Checks every field against the spec's rules and builds the request.
    pub fn build(self) -> Result<CashierRequest, ValidationError> {
        let mut check = Checker::new();
        let trade_no = check.required_text(&FIELD_TRADE_NO, self.trade_no);
        let amount = check.required_amount(&FIELD_AMOUNT, self.amount);
        let mobile = check.optional_text(&FIELD_MOBILE, self.mobile);
        let email = check.optional_text(&FIELD_EMAIL, self.email);
        let payer = check.optional_text(&FIELD_PAYER, self.payer);
        let way_code = check
            .optional_text(&FIELD_WAY_CODE, self.way_code)
            .and_then(|v| WayCode::from_wire(&v));
        let notify_url = check.required_text(&FIELD_NOTIFY_URL, self.notify_url);
        let return_url = check.optional_text(&FIELD_RETURN_URL, self.return_url);
        match (trade_no, amount, notify_url) {
            (Some(trade_no), Some(amount), Some(notify_url)) if check.is_clean() => {
                Ok(CashierRequest {
                    trade_no,
                    amount,
                    mobile,
                    email,
                    payer,
                    way_code,
                    notify_url,
                    return_url,
                })
            }
            _ => Err(check.into_error()),
        }
    }
}
/// The values of `wayCode` the docs name.
///
/// The list is closed (another value is refused). Documented (mexico.md §3: store / va).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum WayCode {
    /// `store`: Convenience store.
    #[serde(rename = "store")]
    Store,
    /// `va`: VA repayment (CLABE transfer).
    #[serde(rename = "va")]
    Va,
}
impl WayCode {
    /// Every value, in the docs' order.
    pub const ALL: &'static [WayCode] = &[WayCode::Store, WayCode::Va];
    /// The value as sent.
    pub const fn as_str(self) -> &'static str {
        match self {
            WayCode::Store => "store",
            WayCode::Va => "va",
        }
    }
    /// Reads a wire value (exact match).
    pub fn from_wire(value: &str) -> Option<Self> {
        match value {
            "store" => Some(WayCode::Store),
            "va" => Some(WayCode::Va),
            _ => None,
        }
    }
}
impl std::fmt::Display for WayCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl WireValue for WayCode {
    fn write_json<O: JsonOut + ?Sized>(&self, out: &mut O) {
        self.as_str().write_json(out);
    }
    fn json_len(&self) -> usize {
        self.as_str().json_len()
    }
}
const RESPONSE_FIELDS: &[ResponseField] = &[
    ResponseField {
        wire: "tradeNo",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Merchant order number.",
    },
    ResponseField {
        wire: "platFormTradeNo",
        aliases: &["payproTradeNo", "kiliTradeNo"],
        kind: ValueKind::Text,
        required: false,
        doc: "Paypro transaction number, unique.",
    },
    ResponseField {
        wire: "status",
        aliases: &[],
        kind: ValueKind::Status,
        required: false,
        doc: "0000 success, 0001 partial payment, 0015 processing, anything else failure.",
    },
    ResponseField {
        wire: "paymentUrl",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "The cashier link to send the payer to (inferred: not in the recovered part of the Mexico table).",
    },
];
/// The response's `data` for `cashier`. Every field is optional (the docs' examples omit fields their tables require); fields the spec does not know are kept in `extra`.
///
/// **Partly inferred:** only part of the docs' response table was recovered; the notes say which fields are inferred and from what.
///
/// Notes:
///
/// - Only the head of the response table was recovered (tradeNo, platFormTradeNo, status); the field carrying the cashier URL and the example response were not.
/// - `paymentUrl` is inferred from Indonesia's identical cashier endpoint; whatever the Mexico response actually sends is kept in `extra`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CashierResponse {
    /// Merchant order number.
    ///
    /// Wire: `tradeNo`.
    #[serde(rename = "tradeNo", skip_serializing_if = "Option::is_none")]
    pub trade_no: Option<String>,
    /// Paypro transaction number, unique.
    ///
    /// Wire: `platFormTradeNo`, also read from `payproTradeNo`, `kiliTradeNo`.
    #[serde(rename = "platFormTradeNo", skip_serializing_if = "Option::is_none")]
    pub platform_trade_no: Option<String>,
    /// 0000 success, 0001 partial payment, 0015 processing, anything else failure.
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
    /// The cashier link to send the payer to (inferred: not in the recovered part of the Mexico table).
    ///
    /// Wire: `paymentUrl`.
    ///
    /// Notes:
    ///
    /// - Name taken from Indonesia's cashier response; unverified for Mexico.
    #[serde(rename = "paymentUrl", skip_serializing_if = "Option::is_none")]
    pub payment_url: Option<String>,
    /// Fields the spec does not know (and a second spelling of a field already read),
    /// exactly as received.
    #[serde(flatten)]
    pub extra: Extra,
}
impl FromRaw for CashierResponse {
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
        let status = found.status(2)?;
        let payment_url = found.text(3)?;
        Ok(CashierResponse {
            trade_no,
            platform_trade_no,
            status,
            payment_url,
            extra: found.into_extra(),
        })
    }
}
