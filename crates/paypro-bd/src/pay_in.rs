// @generated from spec/bd.toml by `cargo xtask gen`; do not edit.
//! `pay-in`: Create a pay-in (H2H, bKash/Nagad e-wallet): the payer pays through the returned payment link.
//!
//! `POST /v1/paypro/payin` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
//!
//! Source: Paypro's pages `bangladesh-payment`, `bengal/payment.html`, `bangladesh/payment.html`, as recorded (with the docs' contradictions) in `spec/bd.toml`.
//!
//! Notes from the docs:
//!
//! - The path is all lowercase `payin`; other countries use `payIn`.
//! - The table types timestamp as long; the example sends the string "1728609257212".
//! - In the newer H2H flow the payer then enters the wallet transaction ID, which the merchant forwards with `pay-in-submit`.
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
    country: "bd",
    name: "pay-in",
    role: Role::PayIn,
    summary: "Create a pay-in (H2H, bKash/Nagad e-wallet): the payer pays through the returned payment link.",
    path: "/v1/paypro/payin",
    sign: SignPlacement::Body,
    timestamp: TimestampWire::String,
    effect: Effect::MovesMoney,
    unaccepted: paypro_core::descriptor::Unaccepted::ByCode,
    provenance: Provenance::Documented,
    request: &[
        FIELD_AMOUNT,
        FIELD_WAY_CODE,
        FIELD_TRADE_NO,
        FIELD_REMARK,
        FIELD_NOTIFY_URL,
        FIELD_RETURN_URL,
    ],
    response: DataShape::Object(RESPONSE_FIELDS),
};
/// The `amount` field.
const FIELD_AMOUNT: FieldSpec = FieldSpec::amount(
    "amount",
    WireType::String,
    "Payment amount, in whole taka.",
);
/// The `wayCode` field.
const FIELD_WAY_CODE: FieldSpec = FieldSpec::one_of(
    "wayCode",
    &["EWALLET_BKASH", "EWALLET_NAGAD", "BKASH", "NAGAD"],
    "Payment type (e-wallet).",
);
/// The `tradeNo` field.
const FIELD_TRADE_NO: FieldSpec = FieldSpec::text(
    "tradeNo",
    "Transaction number, unique (suggested format: YYYYMMDDHHMMSS + random number).",
);
/// The `remark` field.
const FIELD_REMARK: FieldSpec = FieldSpec::text("remark", "Remarks; returned as is.")
    .optional();
/// The `notifyUrl` field.
const FIELD_NOTIFY_URL: FieldSpec = FieldSpec::text(
        "notifyUrl",
        "Asynchronous callback URL (e.g. https://www.abc.com/).",
    )
    .with(Rules::NONE.format(TextFormat::HttpUrl));
/// The `returnUrl` field.
const FIELD_RETURN_URL: FieldSpec = FieldSpec::text(
        "returnUrl",
        "Redirect page after successful payment.",
    )
    .optional()
    .with(Rules::NONE.format(TextFormat::HttpUrl));
/// Create a pay-in (H2H, bKash/Nagad e-wallet): the payer pays through the returned payment link.
///
/// `POST /v1/paypro/payin` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
///
/// Build it with [`Self::builder`]: every value of this type satisfies the spec's rules, so preparing it cannot fail. Its response `data` is [`PayInResponse`].
///
/// # Example
///
/// ```
/// use paypro_bd::advanced::{Credentials, PreparedRequest};
///
/// let request = paypro_bd::PayInRequest::builder()
///     .amount(300)
///     .way_code(paypro_bd::pay_in::WayCode::EwalletBkash)
///     .trade_no("test_00000008")
///     .remark("test")
///     .notify_url("https://google.com")
///     .return_url("http://abc.com/callback_page")
///     .build()?;
/// let prepared = PreparedRequest::new(&request, &Credentials::new("0000000001", paypro_bd::Secret::new("TESTSECRET")?), 1728609257212);
/// assert_eq!(prepared.path, "/v1/paypro/payin");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, paypro_core::Signable)]
#[serde(try_from = "PayInBuilder")]
#[signable(timestamp)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PayInRequest {
    #[signable(rename = "amount", string)]
    amount: Amount,
    #[signable(rename = "wayCode")]
    way_code: WayCode,
    #[signable(rename = "tradeNo")]
    trade_no: String,
    #[signable(rename = "remark")]
    remark: Option<String>,
    #[signable(rename = "notifyUrl")]
    notify_url: String,
    #[signable(rename = "returnUrl")]
    return_url: Option<String>,
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
            way_code: Some(self.way_code.as_str().to_string()),
            trade_no: Some(self.trade_no.clone()),
            remark: self.remark.clone(),
            notify_url: Some(self.notify_url.clone()),
            return_url: self.return_url.clone(),
        }
    }
    /// Payment amount, in whole taka.
    ///
    /// Wire: `amount`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The pay-in page states no minimum, maximum or decimal rule; amounts are whole units as on the payout page ('decimals are not recommended') and every other country.
    pub fn amount(&self) -> Amount {
        self.amount
    }
    /// Payment type (e-wallet).
    ///
    /// Wire: `wayCode`, a JSON string, required. Rules: one of the listed values (others are refused).
    ///
    /// Basis of the rules: Documented (bangladesh.md §1: the older (bengal) and newer (bangladesh) pages' lists together, see notes).
    ///
    /// Notes:
    ///
    /// - The older (bengal) page lists `EWALLET_BKASH`, `EWALLET_NAGAD`; the newer (bangladesh) page lists `BKASH`, `NAGAD` but its example still sends `EWALLET_BKASH`. Which spelling the server accepts today is unknown, so all four are allowed.
    pub fn way_code(&self) -> WayCode {
        self.way_code
    }
    /// Transaction number, unique (suggested format: YYYYMMDDHHMMSS + random number).
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(&self) -> &str {
        &self.trade_no
    }
    /// Remarks; returned as is.
    ///
    /// Wire: `remark`, a JSON string, optional.
    pub fn remark(&self) -> Option<&str> {
        self.remark.as_deref()
    }
    /// Asynchronous callback URL (e.g. <https://www.abc.com/>).
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    ///
    /// Notes:
    ///
    /// - The page adds 'if not provided, the system will redirect to the default success page', apparently copied from returnUrl; the field is marked required and is sent as such.
    pub fn notify_url(&self) -> &str {
        &self.notify_url
    }
    /// Redirect page after successful payment.
    ///
    /// Wire: `returnUrl`, a JSON string, optional. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    pub fn return_url(&self) -> Option<&str> {
        self.return_url.as_deref()
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
    /// Payment amount, in whole taka.
    ///
    /// Wire: `amount`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The pay-in page states no minimum, maximum or decimal rule; amounts are whole units as on the payout page ('decimals are not recommended') and every other country.
    #[serde(rename = "amount", default)]
    amount: Option<AmountInput>,
    /// Payment type (e-wallet).
    ///
    /// Wire: `wayCode`, a JSON string, required. Rules: one of the listed values (others are refused).
    ///
    /// Basis of the rules: Documented (bangladesh.md §1: the older (bengal) and newer (bangladesh) pages' lists together, see notes).
    ///
    /// Notes:
    ///
    /// - The older (bengal) page lists `EWALLET_BKASH`, `EWALLET_NAGAD`; the newer (bangladesh) page lists `BKASH`, `NAGAD` but its example still sends `EWALLET_BKASH`. Which spelling the server accepts today is unknown, so all four are allowed.
    #[serde(rename = "wayCode", default)]
    #[cfg_attr(feature = "schemars", schemars(with = "Option<WayCode>"))]
    way_code: Option<String>,
    /// Transaction number, unique (suggested format: YYYYMMDDHHMMSS + random number).
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    #[serde(rename = "tradeNo", default)]
    trade_no: Option<String>,
    /// Remarks; returned as is.
    ///
    /// Wire: `remark`, a JSON string, optional.
    #[serde(rename = "remark", default)]
    remark: Option<String>,
    /// Asynchronous callback URL (e.g. <https://www.abc.com/>).
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    ///
    /// Notes:
    ///
    /// - The page adds 'if not provided, the system will redirect to the default success page', apparently copied from returnUrl; the field is marked required and is sent as such.
    #[serde(rename = "notifyUrl", default)]
    notify_url: Option<String>,
    /// Redirect page after successful payment.
    ///
    /// Wire: `returnUrl`, a JSON string, optional. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    #[serde(rename = "returnUrl", default)]
    return_url: Option<String>,
}
impl PayInBuilder {
    /// Payment amount, in whole taka.
    ///
    /// Wire: `amount`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The pay-in page states no minimum, maximum or decimal rule; amounts are whole units as on the payout page ('decimals are not recommended') and every other country.
    ///
    /// Accepts integers, digit strings and whole-valued decimals (`150`,
    /// `"150"`, `"150.00"`, `150.0`); anything with a fraction, zero or a value
    /// above `i64::MAX` is reported by [`Self::build`].
    pub fn amount(mut self, value: impl IntoAmount) -> Self {
        self.amount = Some(AmountInput(value.into_amount()));
        self
    }
    /// Payment type (e-wallet).
    ///
    /// Wire: `wayCode`, a JSON string, required. Rules: one of the listed values (others are refused).
    ///
    /// Basis of the rules: Documented (bangladesh.md §1: the older (bengal) and newer (bangladesh) pages' lists together, see notes).
    ///
    /// Notes:
    ///
    /// - The older (bengal) page lists `EWALLET_BKASH`, `EWALLET_NAGAD`; the newer (bangladesh) page lists `BKASH`, `NAGAD` but its example still sends `EWALLET_BKASH`. Which spelling the server accepts today is unknown, so all four are allowed.
    pub fn way_code(mut self, value: WayCode) -> Self {
        self.way_code = Some(value.as_str().to_string());
        self
    }
    /// Transaction number, unique (suggested format: YYYYMMDDHHMMSS + random number).
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(mut self, value: impl Into<String>) -> Self {
        self.trade_no = Some(value.into());
        self
    }
    /// Remarks; returned as is.
    ///
    /// Wire: `remark`, a JSON string, optional.
    pub fn remark(mut self, value: impl Into<String>) -> Self {
        self.remark = Some(value.into());
        self
    }
    /// Asynchronous callback URL (e.g. <https://www.abc.com/>).
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    ///
    /// Notes:
    ///
    /// - The page adds 'if not provided, the system will redirect to the default success page', apparently copied from returnUrl; the field is marked required and is sent as such.
    pub fn notify_url(mut self, value: impl Into<String>) -> Self {
        self.notify_url = Some(value.into());
        self
    }
    /// Redirect page after successful payment.
    ///
    /// Wire: `returnUrl`, a JSON string, optional. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    pub fn return_url(mut self, value: impl Into<String>) -> Self {
        self.return_url = Some(value.into());
        self
    }
    /// Checks every field against the spec's rules and builds the request.
    pub fn build(self) -> Result<PayInRequest, ValidationError> {
        let mut check = Checker::new();
        let amount = check.required_amount(&FIELD_AMOUNT, self.amount);
        let way_code = check
            .required_text(&FIELD_WAY_CODE, self.way_code)
            .and_then(|v| WayCode::from_wire(&v));
        let trade_no = check.required_text(&FIELD_TRADE_NO, self.trade_no);
        let remark = check.optional_text(&FIELD_REMARK, self.remark);
        let notify_url = check.required_text(&FIELD_NOTIFY_URL, self.notify_url);
        let return_url = check.optional_text(&FIELD_RETURN_URL, self.return_url);
        match (amount, way_code, trade_no, notify_url) {
            (
                Some(amount),
                Some(way_code),
                Some(trade_no),
                Some(notify_url),
            ) if check.is_clean() => {
                Ok(PayInRequest {
                    amount,
                    way_code,
                    trade_no,
                    remark,
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
/// The list is closed (another value is refused). Documented (bangladesh.md §1: the older (bengal) and newer (bangladesh) pages' lists together, see notes).
///
/// Notes:
///
/// - The older (bengal) page lists `EWALLET_BKASH`, `EWALLET_NAGAD`; the newer (bangladesh) page lists `BKASH`, `NAGAD` but its example still sends `EWALLET_BKASH`. Which spelling the server accepts today is unknown, so all four are allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum WayCode {
    /// `EWALLET_BKASH`: bKash (older page's spelling; the value both pages' examples send).
    #[serde(rename = "EWALLET_BKASH")]
    EwalletBkash,
    /// `EWALLET_NAGAD`: Nagad (older page's spelling).
    #[serde(rename = "EWALLET_NAGAD")]
    EwalletNagad,
    /// `BKASH`: bKash (newer page's spelling).
    #[serde(rename = "BKASH")]
    Bkash,
    /// `NAGAD`: Nagad (newer page's spelling).
    #[serde(rename = "NAGAD")]
    Nagad,
}
impl WayCode {
    /// Every value, in the docs' order.
    pub const ALL: &'static [WayCode] = &[
        WayCode::EwalletBkash,
        WayCode::EwalletNagad,
        WayCode::Bkash,
        WayCode::Nagad,
    ];
    /// The value as sent.
    pub const fn as_str(self) -> &'static str {
        match self {
            WayCode::EwalletBkash => "EWALLET_BKASH",
            WayCode::EwalletNagad => "EWALLET_NAGAD",
            WayCode::Bkash => "BKASH",
            WayCode::Nagad => "NAGAD",
        }
    }
    /// Reads a wire value (exact match).
    pub fn from_wire(value: &str) -> Option<Self> {
        match value {
            "EWALLET_BKASH" => Some(WayCode::EwalletBkash),
            "EWALLET_NAGAD" => Some(WayCode::EwalletNagad),
            "BKASH" => Some(WayCode::Bkash),
            "NAGAD" => Some(WayCode::Nagad),
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
        doc: "Merchant transaction number returned.",
    },
    ResponseField {
        wire: "platFormTradeNo",
        aliases: &["payproTradeNo", "kiliTradeNo"],
        kind: ValueKind::Text,
        required: false,
        doc: "Unique Paypro transaction number.",
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
    ResponseField {
        wire: "paymentLink",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Payment link, i.e. the cashier URL to send the payer to.",
    },
];
/// The response's `data` for `pay-in`. Every field is optional (the docs' examples omit fields their tables require); fields the spec does not know are kept in `extra`.
///
/// The fields: documented (the page's response table or example).
///
/// Notes:
///
/// - bangladesh.md says the response table was truncated after data.tradeNo; the seed page has the full table and an example, used here.
/// - The response example names the Paypro number `kiliTradeNo` (the docs were cloned from Kilipay's) and has no tradeNo although the table requires it; `kiliTradeNo` is read as platFormTradeNo.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PayInResponse {
    /// Merchant transaction number returned.
    ///
    /// Wire: `tradeNo`.
    ///
    /// Notes:
    ///
    /// - Absent from the docs' response example.
    #[serde(rename = "tradeNo", skip_serializing_if = "Option::is_none")]
    pub trade_no: Option<String>,
    /// Unique Paypro transaction number.
    ///
    /// Wire: `platFormTradeNo`, also read from `payproTradeNo`, `kiliTradeNo`.
    ///
    /// Notes:
    ///
    /// - The docs' response example calls it `kiliTradeNo`.
    #[serde(rename = "platFormTradeNo", skip_serializing_if = "Option::is_none")]
    pub platform_trade_no: Option<String>,
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
    /// Payment link, i.e. the cashier URL to send the payer to.
    ///
    /// Wire: `paymentLink`.
    #[serde(rename = "paymentLink", skip_serializing_if = "Option::is_none")]
    pub payment_link: Option<String>,
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
        let trade_no = found.text(0)?;
        let platform_trade_no = found.text(1)?;
        let status = found.status(2)?;
        let desc = found.text(3)?;
        let remark = found.text(4)?;
        let payment_link = found.text(5)?;
        let status = status
            .map(|s| match s {
                paypro_core::Status::Failed { .. } => {
                    s.with_message(None.or_else(|| desc.clone()))
                }
                other => other,
            });
        Ok(PayInResponse {
            trade_no,
            platform_trade_no,
            status,
            desc,
            remark,
            payment_link,
            extra: found.into_extra(),
        })
    }
}
