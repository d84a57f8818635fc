// @generated from spec/id.toml by `cargo xtask gen`; do not edit.
//! `payout`: Create a payout to a bank account.
//!
//! `POST /v1/paypro/payOut` · sign in the body · `timestamp` as a number · moves money (never retried automatically) · documented
//!
//! Source: Paypro's page `payout.html`, as recorded (with the docs' contradictions) in `spec/id.toml`.
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
    country: "id",
    name: "payout",
    role: Role::Payout,
    summary: "Create a payout to a bank account.",
    path: "/v1/paypro/payOut",
    sign: SignPlacement::Body,
    timestamp: TimestampWire::Number,
    effect: Effect::MovesMoney,
    unaccepted: paypro_core::descriptor::Unaccepted::ByCode,
    provenance: Provenance::Documented,
    request: &[
        FIELD_TRADE_NO,
        FIELD_AMOUNT,
        FIELD_CUSTOMER_NAME,
        FIELD_MOBILE,
        FIELD_EMAIL,
        FIELD_BANK_ACCOUNT_NO,
        FIELD_BANK_CODE,
        FIELD_NOTIFY_URL,
        FIELD_REMARK,
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
    WireType::Number,
    "Amount in whole rupiah (no decimals).",
);
/// The `customerName` field.
const FIELD_CUSTOMER_NAME: FieldSpec = FieldSpec::text(
    "customerName",
    "Beneficiary name.",
);
/// The `mobile` field.
const FIELD_MOBILE: FieldSpec = FieldSpec::text(
        "mobile",
        "Beneficiary's Indonesian mobile number, starting with 08 or 628, 10-13 digits in total.",
    )
    .with(Rules::NONE.digits(10, 13).prefixes(&["08", "628"]));
/// The `email` field.
const FIELD_EMAIL: FieldSpec = FieldSpec::text("email", "Beneficiary's email.");
/// The `bankAccountNo` field.
const FIELD_BANK_ACCOUNT_NO: FieldSpec = FieldSpec::text(
    "bankAccountNo",
    "Beneficiary bank account number.",
);
/// The `bankCode` field.
const FIELD_BANK_CODE: FieldSpec = FieldSpec::text(
    "bankCode",
    "Bank code from the Bank List appendix (not recovered), e.g. `0002`.",
);
/// The `notifyUrl` field.
const FIELD_NOTIFY_URL: FieldSpec = FieldSpec::text(
        "notifyUrl",
        "Asynchronous callback URL.",
    )
    .with(Rules::NONE.format(TextFormat::HttpUrl));
/// The `remark` field.
const FIELD_REMARK: FieldSpec = FieldSpec::text("remark", "Remark, returned as is.")
    .optional();
/// Create a payout to a bank account.
///
/// `POST /v1/paypro/payOut` · sign in the body · `timestamp` as a number · moves money (never retried automatically) · documented
///
/// Build it with [`Self::builder`]: every value of this type satisfies the spec's rules, so preparing it cannot fail. Its response `data` is [`PayoutResponse`].
///
/// # Example
///
/// ```
/// use paypro_id::advanced::{Credentials, PreparedRequest};
///
/// let request = paypro_id::PayoutRequest::builder()
///     .trade_no("39fa354542824ee789faf526f27c024f")
///     .amount(100000)
///     .customer_name("kevin")
///     .mobile("6281245907765")
///     .email("kevin@example.com")
///     .bank_account_no("5464438554636")
///     .bank_code("0002")
///     .notify_url("https://google.com")
///     .remark("remark")
///     .build()?;
/// let prepared = PreparedRequest::new(&request, &Credentials::new("0000000001", paypro_id::Secret::new("TESTSECRET")?), 1732985021335);
/// assert_eq!(prepared.path, "/v1/paypro/payOut");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, paypro_core::Signable)]
#[serde(try_from = "PayoutBuilder")]
#[signable(timestamp)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PayoutRequest {
    #[signable(rename = "tradeNo")]
    trade_no: String,
    #[signable(rename = "amount", number)]
    amount: Amount,
    #[signable(rename = "customerName")]
    customer_name: String,
    #[signable(rename = "mobile")]
    mobile: String,
    #[signable(rename = "email")]
    email: String,
    #[signable(rename = "bankAccountNo")]
    bank_account_no: String,
    #[signable(rename = "bankCode")]
    bank_code: String,
    #[signable(rename = "notifyUrl")]
    notify_url: String,
    #[signable(rename = "remark")]
    remark: Option<String>,
}
impl PayoutRequest {
    /// An empty builder.
    pub fn builder() -> PayoutBuilder {
        PayoutBuilder::default()
    }
    /// A builder holding this request's values, to change some and build again.
    pub fn to_builder(&self) -> PayoutBuilder {
        PayoutBuilder {
            trade_no: Some(self.trade_no.clone()),
            amount: Some(AmountInput(Ok(self.amount))),
            customer_name: Some(self.customer_name.clone()),
            mobile: Some(self.mobile.clone()),
            email: Some(self.email.clone()),
            bank_account_no: Some(self.bank_account_no.clone()),
            bank_code: Some(self.bank_code.clone()),
            notify_url: Some(self.notify_url.clone()),
            remark: self.remark.clone(),
        }
    }
    /// Merchant order number, unique.
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(&self) -> &str {
        &self.trade_no
    }
    /// Amount in whole rupiah (no decimals).
    ///
    /// Wire: `amount`, a JSON number, required.
    pub fn amount(&self) -> Amount {
        self.amount
    }
    /// Beneficiary name.
    ///
    /// Wire: `customerName`, a JSON string, required.
    pub fn customer_name(&self) -> &str {
        &self.customer_name
    }
    /// Beneficiary's Indonesian mobile number, starting with 08 or 628, 10-13 digits in total.
    ///
    /// Wire: `mobile`, a JSON string, required. Rules: 10 to 13 digits, starts with `08` or `628`.
    ///
    /// Basis of the rules: Documented (the Indonesia pages: an Indonesian mobile number starting with 08 or 628, 10-13 digits in total).
    pub fn mobile(&self) -> &str {
        &self.mobile
    }
    /// Beneficiary's email.
    ///
    /// Wire: `email`, a JSON string, required.
    pub fn email(&self) -> &str {
        &self.email
    }
    /// Beneficiary bank account number.
    ///
    /// Wire: `bankAccountNo`, a JSON string, required.
    pub fn bank_account_no(&self) -> &str {
        &self.bank_account_no
    }
    /// Bank code from the Bank List appendix (not recovered), e.g. `0002`.
    ///
    /// Wire: `bankCode`, a JSON string, required.
    pub fn bank_code(&self) -> &str {
        &self.bank_code
    }
    /// Asynchronous callback URL.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    pub fn notify_url(&self) -> &str {
        &self.notify_url
    }
    /// Remark, returned as is.
    ///
    /// Wire: `remark`, a JSON string, optional.
    pub fn remark(&self) -> Option<&str> {
        self.remark.as_deref()
    }
}
impl Endpoint for PayoutRequest {
    const DESCRIPTOR: &'static EndpointDescriptor = &DESCRIPTOR;
    type Response = PayoutResponse;
    fn trade_no(&self) -> Option<&str> {
        Some(&self.trade_no)
    }
}
impl TryFrom<PayoutBuilder> for PayoutRequest {
    type Error = ValidationError;
    fn try_from(builder: PayoutBuilder) -> Result<Self, ValidationError> {
        builder.build()
    }
}
/** Builds a [`PayoutRequest`]. Setters take plain values; [`Self::build`] checks every rule at once and names each broken one.

 It also deserializes from the request's JSON fields (wire names, without `sign` and `timestamp`), so input from a file or a command line goes through the same checks.*/
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PayoutBuilder {
    /// Merchant order number, unique.
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    #[serde(rename = "tradeNo", default)]
    trade_no: Option<String>,
    /// Amount in whole rupiah (no decimals).
    ///
    /// Wire: `amount`, a JSON number, required.
    #[serde(rename = "amount", default)]
    amount: Option<AmountInput>,
    /// Beneficiary name.
    ///
    /// Wire: `customerName`, a JSON string, required.
    #[serde(rename = "customerName", default)]
    customer_name: Option<String>,
    /// Beneficiary's Indonesian mobile number, starting with 08 or 628, 10-13 digits in total.
    ///
    /// Wire: `mobile`, a JSON string, required. Rules: 10 to 13 digits, starts with `08` or `628`.
    ///
    /// Basis of the rules: Documented (the Indonesia pages: an Indonesian mobile number starting with 08 or 628, 10-13 digits in total).
    #[serde(rename = "mobile", default)]
    mobile: Option<String>,
    /// Beneficiary's email.
    ///
    /// Wire: `email`, a JSON string, required.
    #[serde(rename = "email", default)]
    email: Option<String>,
    /// Beneficiary bank account number.
    ///
    /// Wire: `bankAccountNo`, a JSON string, required.
    #[serde(rename = "bankAccountNo", default)]
    bank_account_no: Option<String>,
    /// Bank code from the Bank List appendix (not recovered), e.g. `0002`.
    ///
    /// Wire: `bankCode`, a JSON string, required.
    #[serde(rename = "bankCode", default)]
    bank_code: Option<String>,
    /// Asynchronous callback URL.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    #[serde(rename = "notifyUrl", default)]
    notify_url: Option<String>,
    /// Remark, returned as is.
    ///
    /// Wire: `remark`, a JSON string, optional.
    #[serde(rename = "remark", default)]
    remark: Option<String>,
}
impl PayoutBuilder {
    /// Merchant order number, unique.
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(mut self, value: impl Into<String>) -> Self {
        self.trade_no = Some(value.into());
        self
    }
    /// Amount in whole rupiah (no decimals).
    ///
    /// Wire: `amount`, a JSON number, required.
    ///
    /// Accepts integers, digit strings and whole-valued decimals (`150`,
    /// `"150"`, `"150.00"`, `150.0`); anything with a fraction, zero or a value
    /// above `i64::MAX` is reported by [`Self::build`].
    pub fn amount(mut self, value: impl IntoAmount) -> Self {
        self.amount = Some(AmountInput(value.into_amount()));
        self
    }
    /// Beneficiary name.
    ///
    /// Wire: `customerName`, a JSON string, required.
    pub fn customer_name(mut self, value: impl Into<String>) -> Self {
        self.customer_name = Some(value.into());
        self
    }
    /// Beneficiary's Indonesian mobile number, starting with 08 or 628, 10-13 digits in total.
    ///
    /// Wire: `mobile`, a JSON string, required. Rules: 10 to 13 digits, starts with `08` or `628`.
    ///
    /// Basis of the rules: Documented (the Indonesia pages: an Indonesian mobile number starting with 08 or 628, 10-13 digits in total).
    pub fn mobile(mut self, value: impl Into<String>) -> Self {
        self.mobile = Some(value.into());
        self
    }
    /// Beneficiary's email.
    ///
    /// Wire: `email`, a JSON string, required.
    pub fn email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
        self
    }
    /// Beneficiary bank account number.
    ///
    /// Wire: `bankAccountNo`, a JSON string, required.
    pub fn bank_account_no(mut self, value: impl Into<String>) -> Self {
        self.bank_account_no = Some(value.into());
        self
    }
    /// Bank code from the Bank List appendix (not recovered), e.g. `0002`.
    ///
    /// Wire: `bankCode`, a JSON string, required.
    pub fn bank_code(mut self, value: impl Into<String>) -> Self {
        self.bank_code = Some(value.into());
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
    /// Remark, returned as is.
    ///
    /// Wire: `remark`, a JSON string, optional.
    pub fn remark(mut self, value: impl Into<String>) -> Self {
        self.remark = Some(value.into());
        self
    }
    /// Checks every field against the spec's rules and builds the request.
    pub fn build(self) -> Result<PayoutRequest, ValidationError> {
        let mut check = Checker::new();
        let trade_no = check.required_text(&FIELD_TRADE_NO, self.trade_no);
        let amount = check.required_amount(&FIELD_AMOUNT, self.amount);
        let customer_name = check
            .required_text(&FIELD_CUSTOMER_NAME, self.customer_name);
        let mobile = check.required_text(&FIELD_MOBILE, self.mobile);
        let email = check.required_text(&FIELD_EMAIL, self.email);
        let bank_account_no = check
            .required_text(&FIELD_BANK_ACCOUNT_NO, self.bank_account_no);
        let bank_code = check.required_text(&FIELD_BANK_CODE, self.bank_code);
        let notify_url = check.required_text(&FIELD_NOTIFY_URL, self.notify_url);
        let remark = check.optional_text(&FIELD_REMARK, self.remark);
        match (
            trade_no,
            amount,
            customer_name,
            mobile,
            email,
            bank_account_no,
            bank_code,
            notify_url,
        ) {
            (
                Some(trade_no),
                Some(amount),
                Some(customer_name),
                Some(mobile),
                Some(email),
                Some(bank_account_no),
                Some(bank_code),
                Some(notify_url),
            ) if check.is_clean() => {
                Ok(PayoutRequest {
                    trade_no,
                    amount,
                    customer_name,
                    mobile,
                    email,
                    bank_account_no,
                    bank_code,
                    notify_url,
                    remark,
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
        doc: "0000 success, 0015 processing, anything else failure.",
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
/// The response's `data` for `payout`. Every field is optional (the docs' examples omit fields their tables require); fields the spec does not know are kept in `extra`.
///
/// **Inferred:** the docs' response table for this endpoint was not recovered; the notes say what these fields follow.
///
/// Notes:
///
/// - The response table was not recovered; the fields below are those of the other countries' payout responses (Egypt's payout page).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PayoutResponse {
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
    /// 0000 success, 0015 processing, anything else failure.
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
impl FromRaw for PayoutResponse {
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
        let status = status
            .map(|s| match s {
                paypro_core::Status::Failed { .. } => {
                    s.with_message(None.or_else(|| desc.clone()))
                }
                other => other,
            });
        Ok(PayoutResponse {
            trade_no,
            platform_trade_no,
            status,
            desc,
            remark,
            extra: found.into_extra(),
        })
    }
}
