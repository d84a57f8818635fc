// @generated from spec/mx.toml by `cargo xtask gen`; do not edit.
//! `payout`: Create a payout to a debit card or a CLABE account.
//!
//! `POST /v1/paypro/payOut` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
//!
//! Used to initiate transfer requests to e-wallets or bank accounts; the bank is chosen by `wayCode` from the Bank List.
//!
//! Source: Paypro's page `payout.html`, as recorded (with the docs' contradictions) in `spec/mx.toml`.
//!
//! Notes from the docs:
//!
//! - The table types `timestamp` as integer and the page's example was not recovered; it is sent as a JSON string like every other Mexico example.
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
    name: "payout",
    role: Role::Payout,
    summary: "Create a payout to a debit card or a CLABE account.",
    path: "/v1/paypro/payOut",
    sign: SignPlacement::Body,
    timestamp: TimestampWire::String,
    effect: Effect::MovesMoney,
    unaccepted: paypro_core::descriptor::Unaccepted::ByCode,
    provenance: Provenance::Documented,
    request: &[
        FIELD_TRADE_NO,
        FIELD_WAY_CODE,
        FIELD_AMOUNT,
        FIELD_CUSTOMER_NAME,
        FIELD_CUSTOMER_MOBILE,
        FIELD_CUSTOMER_EMAIL,
        FIELD_CUSTOMER_ACCOUNT_TYPE,
        FIELD_CUSTOMER_ACCOUNT,
        FIELD_IDENTITY,
        FIELD_NOTIFY_URL,
        FIELD_REMARK,
    ],
    response: DataShape::Object(RESPONSE_FIELDS),
};
/// The `tradeNo` field.
const FIELD_TRADE_NO: FieldSpec = FieldSpec::text(
    "tradeNo",
    "Merchant order number, unique (suggested: year month day hour minute second + random number).",
);
/// The `wayCode` field.
const FIELD_WAY_CODE: FieldSpec = FieldSpec::text(
    "wayCode",
    "Bank code from the Bank List appendix (not recovered).",
);
/// The `amount` field.
const FIELD_AMOUNT: FieldSpec = FieldSpec::amount(
    "amount",
    WireType::String,
    "Amount in whole pesos (no decimal point).",
);
/// The `customerName` field.
const FIELD_CUSTOMER_NAME: FieldSpec = FieldSpec::text(
    "customerName",
    "Beneficiary name.",
);
/// The `customerMobile` field.
const FIELD_CUSTOMER_MOBILE: FieldSpec = FieldSpec::text(
        "customerMobile",
        "Beneficiary's mobile number.",
    )
    .optional();
/// The `customerEmail` field.
const FIELD_CUSTOMER_EMAIL: FieldSpec = FieldSpec::text(
        "customerEmail",
        "Beneficiary's email.",
    )
    .optional();
/// The `customerAccountType` field.
const FIELD_CUSTOMER_ACCOUNT_TYPE: FieldSpec = FieldSpec::one_of(
    "customerAccountType",
    &["DebitCard", "CLABE"],
    "Type of the receiving account.",
);
/// The `customerAccount` field.
const FIELD_CUSTOMER_ACCOUNT: FieldSpec = FieldSpec::text(
        "customerAccount",
        "Receiving account: the card number or the CLABE, per customerAccountType.",
    )
    .with(Rules::NONE.format_when(TextFormat::Clabe, "customerAccountType", "CLABE"));
/// The `identity` field.
const FIELD_IDENTITY: FieldSpec = FieldSpec::text("identity", "Recipient's ID number.")
    .optional();
/// The `notifyUrl` field.
const FIELD_NOTIFY_URL: FieldSpec = FieldSpec::text(
        "notifyUrl",
        "Asynchronous callback address; if not passed, the URL configured in the merchant back office is used.",
    )
    .with(Rules::NONE.format(TextFormat::HttpUrl));
/// The `remark` field.
const FIELD_REMARK: FieldSpec = FieldSpec::text("remark", "Remark, brought back as is.")
    .optional();
/// Create a payout to a debit card or a CLABE account.
///
/// `POST /v1/paypro/payOut` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
///
/// Build it with [`Self::builder`]: every value of this type satisfies the spec's rules, so preparing it cannot fail. Its response `data` is [`PayoutResponse`].
///
/// # Example
///
/// ```
/// use paypro_mx::advanced::{Credentials, PreparedRequest};
///
/// let request = paypro_mx::PayoutRequest::builder()
///     .trade_no("test_00000001")
///     .way_code("40012")
///     .amount(300)
///     .customer_name("kevin zhang")
///     .customer_mobile("15745896325")
///     .customer_email("kevin@example.com")
///     .customer_account_type(paypro_mx::payout::CustomerAccountType::Clabe)
///     .customer_account("012180000000000015")
///     .notify_url("https://google.com")
///     .remark("test")
///     .build()?;
/// let prepared = PreparedRequest::new(&request, &Credentials::new("0000000001", paypro_mx::Secret::new("TESTSECRET")?), 1728611780130);
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
    #[signable(rename = "wayCode")]
    way_code: String,
    #[signable(rename = "amount", string)]
    amount: Amount,
    #[signable(rename = "customerName")]
    customer_name: String,
    #[signable(rename = "customerMobile")]
    customer_mobile: Option<String>,
    #[signable(rename = "customerEmail")]
    customer_email: Option<String>,
    #[signable(rename = "customerAccountType")]
    customer_account_type: CustomerAccountType,
    #[signable(rename = "customerAccount")]
    customer_account: String,
    #[signable(rename = "identity")]
    identity: Option<String>,
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
            way_code: Some(self.way_code.clone()),
            amount: Some(AmountInput(Ok(self.amount))),
            customer_name: Some(self.customer_name.clone()),
            customer_mobile: self.customer_mobile.clone(),
            customer_email: self.customer_email.clone(),
            customer_account_type: Some(self.customer_account_type.as_str().to_string()),
            customer_account: Some(self.customer_account.clone()),
            identity: self.identity.clone(),
            notify_url: Some(self.notify_url.clone()),
            remark: self.remark.clone(),
        }
    }
    /// Merchant order number, unique (suggested: year month day hour minute second + random number).
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(&self) -> &str {
        &self.trade_no
    }
    /// Bank code from the Bank List appendix (not recovered).
    ///
    /// Wire: `wayCode`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The Bank List page was not recovered, so the accepted codes are unknown; free text.
    pub fn way_code(&self) -> &str {
        &self.way_code
    }
    /// Amount in whole pesos (no decimal point).
    ///
    /// Wire: `amount`, a JSON string, required.
    pub fn amount(&self) -> Amount {
        self.amount
    }
    /// Beneficiary name.
    ///
    /// Wire: `customerName`, a JSON string, required.
    pub fn customer_name(&self) -> &str {
        &self.customer_name
    }
    /// Beneficiary's mobile number.
    ///
    /// Wire: `customerMobile`, a JSON string, optional.
    pub fn customer_mobile(&self) -> Option<&str> {
        self.customer_mobile.as_deref()
    }
    /// Beneficiary's email.
    ///
    /// Wire: `customerEmail`, a JSON string, optional.
    pub fn customer_email(&self) -> Option<&str> {
        self.customer_email.as_deref()
    }
    /// Type of the receiving account.
    ///
    /// Wire: `customerAccountType`, a JSON string, required. Rules: one of the listed values (others are refused).
    ///
    /// Basis of the rules: Documented (mexico.md §4: DebitCard or CLABE).
    pub fn customer_account_type(&self) -> CustomerAccountType {
        self.customer_account_type
    }
    /// Receiving account: the card number or the CLABE, per customerAccountType.
    ///
    /// Wire: `customerAccount`, a JSON string, required. Rules: when `customerAccountType` is `CLABE`, a CLABE: 18 digits with a valid check digit (the Mexican banking standard, not from Paypro's pages).
    ///
    /// Basis of the rules: SDK rule: the CLABE check digit is the Mexican interbank standard (Banxico), not from Paypro's pages; a CLABE that fails it reaches no bank, so the payout is refused before it is sent.
    ///
    /// Notes:
    ///
    /// - The CLABE rule (18 digits, the last a check digit over the first 17 with weights 3, 7, 1) is the Mexican interbank standard (Banxico), not from Paypro's pages; a CLABE that fails it cannot reach any bank. Debit card numbers are left unchecked: the docs give no rule.
    pub fn customer_account(&self) -> &str {
        &self.customer_account
    }
    /// Recipient's ID number.
    ///
    /// Wire: `identity`, a JSON string, optional.
    pub fn identity(&self) -> Option<&str> {
        self.identity.as_deref()
    }
    /// Asynchronous callback address; if not passed, the URL configured in the merchant back office is used.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    ///
    /// Notes:
    ///
    /// - The table marks it required yet describes a fallback when it is not passed; treated as required.
    pub fn notify_url(&self) -> &str {
        &self.notify_url
    }
    /// Remark, brought back as is.
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
    /// Merchant order number, unique (suggested: year month day hour minute second + random number).
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    #[serde(rename = "tradeNo", default)]
    trade_no: Option<String>,
    /// Bank code from the Bank List appendix (not recovered).
    ///
    /// Wire: `wayCode`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The Bank List page was not recovered, so the accepted codes are unknown; free text.
    #[serde(rename = "wayCode", default)]
    way_code: Option<String>,
    /// Amount in whole pesos (no decimal point).
    ///
    /// Wire: `amount`, a JSON string, required.
    #[serde(rename = "amount", default)]
    amount: Option<AmountInput>,
    /// Beneficiary name.
    ///
    /// Wire: `customerName`, a JSON string, required.
    #[serde(rename = "customerName", default)]
    customer_name: Option<String>,
    /// Beneficiary's mobile number.
    ///
    /// Wire: `customerMobile`, a JSON string, optional.
    #[serde(rename = "customerMobile", default)]
    customer_mobile: Option<String>,
    /// Beneficiary's email.
    ///
    /// Wire: `customerEmail`, a JSON string, optional.
    #[serde(rename = "customerEmail", default)]
    customer_email: Option<String>,
    /// Type of the receiving account.
    ///
    /// Wire: `customerAccountType`, a JSON string, required. Rules: one of the listed values (others are refused).
    ///
    /// Basis of the rules: Documented (mexico.md §4: DebitCard or CLABE).
    #[serde(rename = "customerAccountType", default)]
    #[cfg_attr(feature = "schemars", schemars(with = "Option<CustomerAccountType>"))]
    customer_account_type: Option<String>,
    /// Receiving account: the card number or the CLABE, per customerAccountType.
    ///
    /// Wire: `customerAccount`, a JSON string, required. Rules: when `customerAccountType` is `CLABE`, a CLABE: 18 digits with a valid check digit (the Mexican banking standard, not from Paypro's pages).
    ///
    /// Basis of the rules: SDK rule: the CLABE check digit is the Mexican interbank standard (Banxico), not from Paypro's pages; a CLABE that fails it reaches no bank, so the payout is refused before it is sent.
    ///
    /// Notes:
    ///
    /// - The CLABE rule (18 digits, the last a check digit over the first 17 with weights 3, 7, 1) is the Mexican interbank standard (Banxico), not from Paypro's pages; a CLABE that fails it cannot reach any bank. Debit card numbers are left unchecked: the docs give no rule.
    #[serde(rename = "customerAccount", default)]
    customer_account: Option<String>,
    /// Recipient's ID number.
    ///
    /// Wire: `identity`, a JSON string, optional.
    #[serde(rename = "identity", default)]
    identity: Option<String>,
    /// Asynchronous callback address; if not passed, the URL configured in the merchant back office is used.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    ///
    /// Notes:
    ///
    /// - The table marks it required yet describes a fallback when it is not passed; treated as required.
    #[serde(rename = "notifyUrl", default)]
    notify_url: Option<String>,
    /// Remark, brought back as is.
    ///
    /// Wire: `remark`, a JSON string, optional.
    #[serde(rename = "remark", default)]
    remark: Option<String>,
}
impl PayoutBuilder {
    /// Merchant order number, unique (suggested: year month day hour minute second + random number).
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(mut self, value: impl Into<String>) -> Self {
        self.trade_no = Some(value.into());
        self
    }
    /// Bank code from the Bank List appendix (not recovered).
    ///
    /// Wire: `wayCode`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The Bank List page was not recovered, so the accepted codes are unknown; free text.
    pub fn way_code(mut self, value: impl Into<String>) -> Self {
        self.way_code = Some(value.into());
        self
    }
    /// Amount in whole pesos (no decimal point).
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
    /// Beneficiary name.
    ///
    /// Wire: `customerName`, a JSON string, required.
    pub fn customer_name(mut self, value: impl Into<String>) -> Self {
        self.customer_name = Some(value.into());
        self
    }
    /// Beneficiary's mobile number.
    ///
    /// Wire: `customerMobile`, a JSON string, optional.
    pub fn customer_mobile(mut self, value: impl Into<String>) -> Self {
        self.customer_mobile = Some(value.into());
        self
    }
    /// Beneficiary's email.
    ///
    /// Wire: `customerEmail`, a JSON string, optional.
    pub fn customer_email(mut self, value: impl Into<String>) -> Self {
        self.customer_email = Some(value.into());
        self
    }
    /// Type of the receiving account.
    ///
    /// Wire: `customerAccountType`, a JSON string, required. Rules: one of the listed values (others are refused).
    ///
    /// Basis of the rules: Documented (mexico.md §4: DebitCard or CLABE).
    pub fn customer_account_type(mut self, value: CustomerAccountType) -> Self {
        self.customer_account_type = Some(value.as_str().to_string());
        self
    }
    /// Receiving account: the card number or the CLABE, per customerAccountType.
    ///
    /// Wire: `customerAccount`, a JSON string, required. Rules: when `customerAccountType` is `CLABE`, a CLABE: 18 digits with a valid check digit (the Mexican banking standard, not from Paypro's pages).
    ///
    /// Basis of the rules: SDK rule: the CLABE check digit is the Mexican interbank standard (Banxico), not from Paypro's pages; a CLABE that fails it reaches no bank, so the payout is refused before it is sent.
    ///
    /// Notes:
    ///
    /// - The CLABE rule (18 digits, the last a check digit over the first 17 with weights 3, 7, 1) is the Mexican interbank standard (Banxico), not from Paypro's pages; a CLABE that fails it cannot reach any bank. Debit card numbers are left unchecked: the docs give no rule.
    pub fn customer_account(mut self, value: impl Into<String>) -> Self {
        self.customer_account = Some(value.into());
        self
    }
    /// Recipient's ID number.
    ///
    /// Wire: `identity`, a JSON string, optional.
    pub fn identity(mut self, value: impl Into<String>) -> Self {
        self.identity = Some(value.into());
        self
    }
    /// Asynchronous callback address; if not passed, the URL configured in the merchant back office is used.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    ///
    /// Notes:
    ///
    /// - The table marks it required yet describes a fallback when it is not passed; treated as required.
    pub fn notify_url(mut self, value: impl Into<String>) -> Self {
        self.notify_url = Some(value.into());
        self
    }
    /// Remark, brought back as is.
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
        let way_code = check.required_text(&FIELD_WAY_CODE, self.way_code);
        let amount = check.required_amount(&FIELD_AMOUNT, self.amount);
        let customer_name = check
            .required_text(&FIELD_CUSTOMER_NAME, self.customer_name);
        let customer_mobile = check
            .optional_text(&FIELD_CUSTOMER_MOBILE, self.customer_mobile);
        let customer_email = check
            .optional_text(&FIELD_CUSTOMER_EMAIL, self.customer_email);
        let customer_account_type = check
            .required_text(&FIELD_CUSTOMER_ACCOUNT_TYPE, self.customer_account_type)
            .and_then(|v| CustomerAccountType::from_wire(&v));
        let customer_account = check
            .required_text(&FIELD_CUSTOMER_ACCOUNT, self.customer_account);
        let identity = check.optional_text(&FIELD_IDENTITY, self.identity);
        let notify_url = check.required_text(&FIELD_NOTIFY_URL, self.notify_url);
        let remark = check.optional_text(&FIELD_REMARK, self.remark);
        check
            .conditional_format(
                &FIELD_CUSTOMER_ACCOUNT,
                customer_account.as_deref(),
                customer_account_type.as_ref().map(|v| v.as_str()),
            );
        match (
            trade_no,
            way_code,
            amount,
            customer_name,
            customer_account_type,
            customer_account,
            notify_url,
        ) {
            (
                Some(trade_no),
                Some(way_code),
                Some(amount),
                Some(customer_name),
                Some(customer_account_type),
                Some(customer_account),
                Some(notify_url),
            ) if check.is_clean() => {
                Ok(PayoutRequest {
                    trade_no,
                    way_code,
                    amount,
                    customer_name,
                    customer_mobile,
                    customer_email,
                    customer_account_type,
                    customer_account,
                    identity,
                    notify_url,
                    remark,
                })
            }
            _ => Err(check.into_error()),
        }
    }
}
/// The values of `customerAccountType` the docs name.
///
/// The list is closed (another value is refused). Documented (mexico.md §4: DebitCard or CLABE).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum CustomerAccountType {
    /// `DebitCard`: Debit card number.
    #[serde(rename = "DebitCard")]
    DebitCard,
    /// `CLABE`: CLABE (18-digit interbank account number).
    #[serde(rename = "CLABE")]
    Clabe,
}
impl CustomerAccountType {
    /// Every value, in the docs' order.
    pub const ALL: &'static [CustomerAccountType] = &[
        CustomerAccountType::DebitCard,
        CustomerAccountType::Clabe,
    ];
    /// The value as sent.
    pub const fn as_str(self) -> &'static str {
        match self {
            CustomerAccountType::DebitCard => "DebitCard",
            CustomerAccountType::Clabe => "CLABE",
        }
    }
    /// Reads a wire value (exact match).
    pub fn from_wire(value: &str) -> Option<Self> {
        match value {
            "DebitCard" => Some(CustomerAccountType::DebitCard),
            "CLABE" => Some(CustomerAccountType::Clabe),
            _ => None,
        }
    }
}
impl std::fmt::Display for CustomerAccountType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl WireValue for CustomerAccountType {
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
/// - The example request and the response were not recovered; the fields below are those of Egypt's payout response (seeds/egypt-payout.txt), the same template.
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
