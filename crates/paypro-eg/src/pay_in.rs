// @generated from spec/eg.toml by `cargo xtask gen`; do not edit.
//! `pay-in`: Create a pay-in: the payer is sent to Paypro's cashier and returns to returnUrl.
//!
//! `POST /v1/paypro/payIn` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
//!
//! Source: Paypro's page `payment.html`, as recorded (with the docs' contradictions) in `spec/eg.toml`.
//!
//! Notes from the docs:
//!
//! - The table types `timestamp` as long; the example sends a JSON string.
//! - `remark` is required here (optional in most countries).
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
    country: "eg",
    name: "pay-in",
    role: Role::PayIn,
    summary: "Create a pay-in: the payer is sent to Paypro's cashier and returns to returnUrl.",
    path: "/v1/paypro/payIn",
    sign: SignPlacement::Body,
    timestamp: TimestampWire::String,
    effect: Effect::MovesMoney,
    unaccepted: paypro_core::descriptor::Unaccepted::ByCode,
    provenance: Provenance::Documented,
    request: &[
        FIELD_PAYER,
        FIELD_AMOUNT,
        FIELD_REMARK,
        FIELD_TRADE_NO,
        FIELD_MOBILE,
        FIELD_EMAIL,
        FIELD_NOTIFY_URL,
        FIELD_RETURN_URL,
    ],
    response: DataShape::Object(RESPONSE_FIELDS),
};
/// The `payer` field.
const FIELD_PAYER: FieldSpec = FieldSpec::text("payer", "Payer name.");
/// The `amount` field.
const FIELD_AMOUNT: FieldSpec = FieldSpec::amount(
        "amount",
        WireType::String,
        "Amount in whole Egyptian pounds, minimum 100, maximum 10,000 (no decimals).",
    )
    .with(Rules::NONE.min(100).max(10000));
/// The `remark` field.
const FIELD_REMARK: FieldSpec = FieldSpec::text("remark", "Remark, returned as is.");
/// The `tradeNo` field.
const FIELD_TRADE_NO: FieldSpec = FieldSpec::text(
    "tradeNo",
    "Merchant order number, unique (suggested: year month day hour minute second + random number).",
);
/// The `mobile` field.
const FIELD_MOBILE: FieldSpec = FieldSpec::text(
    "mobile",
    "Payer's Egyptian mobile number. The docs advise that 'the first 11 digits from 010 to 018 must be accurate, otherwise collection may be affected' (i.e. an 11-digit number starting 010 to 018).",
);
/// The `email` field.
const FIELD_EMAIL: FieldSpec = FieldSpec::text("email", "Payer's email.");
/// The `notifyUrl` field.
const FIELD_NOTIFY_URL: FieldSpec = FieldSpec::text(
        "notifyUrl",
        "Asynchronous callback URL.",
    )
    .with(Rules::NONE.format(TextFormat::HttpUrl));
/// The `returnUrl` field.
const FIELD_RETURN_URL: FieldSpec = FieldSpec::text(
        "returnUrl",
        "Cashier jump URL: where the payer is redirected afterwards.",
    )
    .optional()
    .with(Rules::NONE.format(TextFormat::HttpUrl));
/// Create a pay-in: the payer is sent to Paypro's cashier and returns to returnUrl.
///
/// `POST /v1/paypro/payIn` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
///
/// Build it with [`Self::builder`]: every value of this type satisfies the spec's rules, so preparing it cannot fail. Its response `data` is [`PayInResponse`].
///
/// # Example
///
/// ```
/// use paypro_eg::advanced::{Credentials, PreparedRequest};
///
/// let request = paypro_eg::PayInRequest::builder()
///     .payer("kevin zhang")
///     .amount(300)
///     .remark("test")
///     .trade_no("test_00000008")
///     .mobile("6789123456")
///     .email("sdkjfksdjfk@gmail.com")
///     .notify_url("https://google.com")
///     .return_url("http://abc.com/callback_page")
///     .build()?;
/// let prepared = PreparedRequest::new(&request, &Credentials::new("0000000001", paypro_eg::Secret::new("TESTSECRET")?), 1728609257212);
/// assert_eq!(prepared.path, "/v1/paypro/payIn");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, paypro_core::Signable)]
#[serde(try_from = "PayInBuilder")]
#[signable(timestamp)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PayInRequest {
    #[signable(rename = "payer")]
    payer: String,
    #[signable(rename = "amount", string)]
    amount: Amount,
    #[signable(rename = "remark")]
    remark: String,
    #[signable(rename = "tradeNo")]
    trade_no: String,
    #[signable(rename = "mobile")]
    mobile: String,
    #[signable(rename = "email")]
    email: String,
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
            payer: Some(self.payer.clone()),
            amount: Some(AmountInput(Ok(self.amount))),
            amount_limits: None,
            remark: Some(self.remark.clone()),
            trade_no: Some(self.trade_no.clone()),
            mobile: Some(self.mobile.clone()),
            email: Some(self.email.clone()),
            notify_url: Some(self.notify_url.clone()),
            return_url: self.return_url.clone(),
        }
    }
    /// Payer name.
    ///
    /// Wire: `payer`, a JSON string, required.
    pub fn payer(&self) -> &str {
        &self.payer
    }
    /// Amount in whole Egyptian pounds, minimum 100, maximum 10,000 (no decimals).
    ///
    /// Wire: `amount`, a JSON string, required. Rules: at least 100, at most 10000.
    ///
    /// Basis of the rules: Documented (egypt.md §1: min 100, max 10,000, no decimals (that a merchant may adjust them is from the payout page, see notes)).
    ///
    /// Notes:
    ///
    /// - The pay-in page states the bounds plainly; the payout page (seeds/egypt-payout.txt) calls the same 100..10,000 bounds "adjustable". They are the default here too, and a merchant whose bounds Paypro adjusted sets them with `amount_limits` (adjustable_bounds = true, by analogy with the payout page).
    pub fn amount(&self) -> Amount {
        self.amount
    }
    /// Remark, returned as is.
    ///
    /// Wire: `remark`, a JSON string, required.
    pub fn remark(&self) -> &str {
        &self.remark
    }
    /// Merchant order number, unique (suggested: year month day hour minute second + random number).
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(&self) -> &str {
        &self.trade_no
    }
    /// Payer's Egyptian mobile number. The docs advise that 'the first 11 digits from 010 to 018 must be accurate, otherwise collection may be affected' (i.e. an 11-digit number starting 010 to 018).
    ///
    /// Wire: `mobile`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The docs' own example mobile `6789123456` (10 digits, starting 67) breaks that advice, so the rule is not enforced: it only affects collection, it does not make the request invalid.
    pub fn mobile(&self) -> &str {
        &self.mobile
    }
    /// Payer's email.
    ///
    /// Wire: `email`, a JSON string, required.
    pub fn email(&self) -> &str {
        &self.email
    }
    /// Asynchronous callback URL.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    pub fn notify_url(&self) -> &str {
        &self.notify_url
    }
    /// Cashier jump URL: where the payer is redirected afterwards.
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
    /// Payer name.
    ///
    /// Wire: `payer`, a JSON string, required.
    #[serde(rename = "payer", default)]
    payer: Option<String>,
    /// Amount in whole Egyptian pounds, minimum 100, maximum 10,000 (no decimals).
    ///
    /// Wire: `amount`, a JSON string, required. Rules: at least 100, at most 10000.
    ///
    /// Basis of the rules: Documented (egypt.md §1: min 100, max 10,000, no decimals (that a merchant may adjust them is from the payout page, see notes)).
    ///
    /// Notes:
    ///
    /// - The pay-in page states the bounds plainly; the payout page (seeds/egypt-payout.txt) calls the same 100..10,000 bounds "adjustable". They are the default here too, and a merchant whose bounds Paypro adjusted sets them with `amount_limits` (adjustable_bounds = true, by analogy with the payout page).
    #[serde(rename = "amount", default)]
    amount: Option<AmountInput>,
    #[serde(skip)]
    amount_limits: Option<(u64, u64)>,
    /// Remark, returned as is.
    ///
    /// Wire: `remark`, a JSON string, required.
    #[serde(rename = "remark", default)]
    remark: Option<String>,
    /// Merchant order number, unique (suggested: year month day hour minute second + random number).
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    #[serde(rename = "tradeNo", default)]
    trade_no: Option<String>,
    /// Payer's Egyptian mobile number. The docs advise that 'the first 11 digits from 010 to 018 must be accurate, otherwise collection may be affected' (i.e. an 11-digit number starting 010 to 018).
    ///
    /// Wire: `mobile`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The docs' own example mobile `6789123456` (10 digits, starting 67) breaks that advice, so the rule is not enforced: it only affects collection, it does not make the request invalid.
    #[serde(rename = "mobile", default)]
    mobile: Option<String>,
    /// Payer's email.
    ///
    /// Wire: `email`, a JSON string, required.
    #[serde(rename = "email", default)]
    email: Option<String>,
    /// Asynchronous callback URL.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    #[serde(rename = "notifyUrl", default)]
    notify_url: Option<String>,
    /// Cashier jump URL: where the payer is redirected afterwards.
    ///
    /// Wire: `returnUrl`, a JSON string, optional. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    #[serde(rename = "returnUrl", default)]
    return_url: Option<String>,
}
impl PayInBuilder {
    /// Payer name.
    ///
    /// Wire: `payer`, a JSON string, required.
    pub fn payer(mut self, value: impl Into<String>) -> Self {
        self.payer = Some(value.into());
        self
    }
    /// Amount in whole Egyptian pounds, minimum 100, maximum 10,000 (no decimals).
    ///
    /// Wire: `amount`, a JSON string, required. Rules: at least 100, at most 10000.
    ///
    /// Basis of the rules: Documented (egypt.md §1: min 100, max 10,000, no decimals (that a merchant may adjust them is from the payout page, see notes)).
    ///
    /// Notes:
    ///
    /// - The pay-in page states the bounds plainly; the payout page (seeds/egypt-payout.txt) calls the same 100..10,000 bounds "adjustable". They are the default here too, and a merchant whose bounds Paypro adjusted sets them with `amount_limits` (adjustable_bounds = true, by analogy with the payout page).
    ///
    /// Accepts integers, digit strings and whole-valued decimals (`150`,
    /// `"150"`, `"150.00"`, `150.0`); anything with a fraction, zero or a value
    /// above `i64::MAX` is reported by [`Self::build`].
    pub fn amount(mut self, value: impl IntoAmount) -> Self {
        self.amount = Some(AmountInput(value.into_amount()));
        self
    }
    /// The bounds of `amount` for your merchant account, when Paypro adjusted them: the docs call the documented bounds (100 to 10000) adjustable. Without this call the documented bounds apply; with it, `min..=max` does (0 and amounts above `i64::MAX` stay refused). `to_builder` does not carry it over: call it again before rebuilding.
    pub fn amount_limits(mut self, min: u64, max: u64) -> Self {
        self.amount_limits = Some((min, max));
        self
    }
    /// Remark, returned as is.
    ///
    /// Wire: `remark`, a JSON string, required.
    pub fn remark(mut self, value: impl Into<String>) -> Self {
        self.remark = Some(value.into());
        self
    }
    /// Merchant order number, unique (suggested: year month day hour minute second + random number).
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(mut self, value: impl Into<String>) -> Self {
        self.trade_no = Some(value.into());
        self
    }
    /// Payer's Egyptian mobile number. The docs advise that 'the first 11 digits from 010 to 018 must be accurate, otherwise collection may be affected' (i.e. an 11-digit number starting 010 to 018).
    ///
    /// Wire: `mobile`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The docs' own example mobile `6789123456` (10 digits, starting 67) breaks that advice, so the rule is not enforced: it only affects collection, it does not make the request invalid.
    pub fn mobile(mut self, value: impl Into<String>) -> Self {
        self.mobile = Some(value.into());
        self
    }
    /// Payer's email.
    ///
    /// Wire: `email`, a JSON string, required.
    pub fn email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
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
    /// Cashier jump URL: where the payer is redirected afterwards.
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
        let payer = check.required_text(&FIELD_PAYER, self.payer);
        let amount = check
            .required_amount_within(&FIELD_AMOUNT, self.amount, self.amount_limits);
        let remark = check.required_text(&FIELD_REMARK, self.remark);
        let trade_no = check.required_text(&FIELD_TRADE_NO, self.trade_no);
        let mobile = check.required_text(&FIELD_MOBILE, self.mobile);
        let email = check.required_text(&FIELD_EMAIL, self.email);
        let notify_url = check.required_text(&FIELD_NOTIFY_URL, self.notify_url);
        let return_url = check.optional_text(&FIELD_RETURN_URL, self.return_url);
        match (payer, amount, remark, trade_no, mobile, email, notify_url) {
            (
                Some(payer),
                Some(amount),
                Some(remark),
                Some(trade_no),
                Some(mobile),
                Some(email),
                Some(notify_url),
            ) if check.is_clean() => {
                Ok(PayInRequest {
                    payer,
                    amount,
                    remark,
                    trade_no,
                    mobile,
                    email,
                    notify_url,
                    return_url,
                })
            }
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
        wire: "paymentUrl",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Pay URL to send the payer to (inferred).",
    },
];
/// The response's `data` for `pay-in`. Every field is optional (the docs' examples omit fields their tables require); fields the spec does not know are kept in `extra`.
///
/// **Inferred:** the docs' response table for this endpoint was not recovered; the notes say what these fields follow.
///
/// Notes:
///
/// - Only `msg` and `code` of the response table were recovered; the fields below are those of Egypt's payout response (seeds/egypt-payout.txt), the same template.
/// - `paymentUrl` is inferred: the page's `returnUrl` ('casher jump url') suggests a cashier URL is returned, and the payout table of the same template lists `paymentUrl`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PayInResponse {
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
    /// Pay URL to send the payer to (inferred).
    ///
    /// Wire: `paymentUrl`.
    #[serde(rename = "paymentUrl", skip_serializing_if = "Option::is_none")]
    pub payment_url: Option<String>,
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
        let payment_url = found.text(5)?;
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
            payment_url,
            extra: found.into_extra(),
        })
    }
}
