// @generated from spec/eg.toml by `cargo xtask gen`; do not edit.
//! `payout`: Create a payout to an e-wallet.
//!
//! `POST /v1/paypro/payOut` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
//!
//! Payout API is used to initiate transfer requests to e-wallets or bank accounts.
//!
//! Source: Paypro's pages `egypt-payout`, `payout.html`, as recorded (with the docs' contradictions) in `spec/eg.toml`.
//!
//! Notes from the docs:
//!
//! - The table types `timestamp` as long; the example sends a JSON string.
//! - The page speaks of 'e-wallets or bank accounts' but the only destination field is `walletId`; there is no wayCode or bank field.
//! - The example's sign `b39f64dc1586867b1966a569ba06e3a2` is the Bangladesh payout example's (a different body): a placeholder.
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
    name: "payout",
    role: Role::Payout,
    summary: "Create a payout to an e-wallet.",
    path: "/v1/paypro/payOut",
    sign: SignPlacement::Body,
    timestamp: TimestampWire::String,
    effect: Effect::MovesMoney,
    unaccepted: paypro_core::descriptor::Unaccepted::ByCode,
    provenance: Provenance::Documented,
    request: &[
        FIELD_CUSTOMER_NAME,
        FIELD_AMOUNT,
        FIELD_REMARK,
        FIELD_TRADE_NO,
        FIELD_NOTIFY_URL,
        FIELD_WALLET_ID,
    ],
    response: DataShape::Object(RESPONSE_FIELDS),
};
/// The `customerName` field.
const FIELD_CUSTOMER_NAME: FieldSpec = FieldSpec::text(
    "customerName",
    "Beneficiary name.",
);
/// The `amount` field.
const FIELD_AMOUNT: FieldSpec = FieldSpec::amount(
        "amount",
        WireType::String,
        "Payment amount in whole Egyptian pounds, minimum 100, maximum 10,000 (no decimal points).",
    )
    .with(Rules::NONE.min(100).max(10000));
/// The `remark` field.
const FIELD_REMARK: FieldSpec = FieldSpec::text("remark", "Remark, returned as is.");
/// The `tradeNo` field.
const FIELD_TRADE_NO: FieldSpec = FieldSpec::text(
    "tradeNo",
    "Transaction number, unique (suggested: year month day hour minute second + random number).",
);
/// The `notifyUrl` field.
const FIELD_NOTIFY_URL: FieldSpec = FieldSpec::text(
        "notifyUrl",
        "Asynchronous callback URL.",
    )
    .with(Rules::NONE.format(TextFormat::HttpUrl));
/// The `walletId` field.
const FIELD_WALLET_ID: FieldSpec = FieldSpec::text(
    "walletId",
    "Wallet id (receiving account).",
);
/// Create a payout to an e-wallet.
///
/// `POST /v1/paypro/payOut` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
///
/// Build it with [`Self::builder`]: every value of this type satisfies the spec's rules, so preparing it cannot fail. Its response `data` is [`PayoutResponse`].
///
/// # Example
///
/// ```
/// use paypro_eg::advanced::{Credentials, PreparedRequest};
///
/// let request = paypro_eg::PayoutRequest::builder()
///     .customer_name("kevin")
///     .amount(300)
///     .remark("test")
///     .trade_no("test_00000001")
///     .notify_url("https://google.com")
///     .wallet_id("01123456789")
///     .build()?;
/// let prepared = PreparedRequest::new(&request, &Credentials::new("0000000001", paypro_eg::Secret::new("TESTSECRET")?), 1728611780130);
/// assert_eq!(prepared.path, "/v1/paypro/payOut");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, paypro_core::Signable)]
#[serde(try_from = "PayoutBuilder")]
#[signable(timestamp)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PayoutRequest {
    #[signable(rename = "customerName")]
    customer_name: String,
    #[signable(rename = "amount", string)]
    amount: Amount,
    #[signable(rename = "remark")]
    remark: String,
    #[signable(rename = "tradeNo")]
    trade_no: String,
    #[signable(rename = "notifyUrl")]
    notify_url: String,
    #[signable(rename = "walletId")]
    wallet_id: String,
}
impl PayoutRequest {
    /// An empty builder.
    pub fn builder() -> PayoutBuilder {
        PayoutBuilder::default()
    }
    /// A builder holding this request's values, to change some and build again.
    pub fn to_builder(&self) -> PayoutBuilder {
        PayoutBuilder {
            customer_name: Some(self.customer_name.clone()),
            amount: Some(AmountInput(Ok(self.amount))),
            amount_limits: None,
            remark: Some(self.remark.clone()),
            trade_no: Some(self.trade_no.clone()),
            notify_url: Some(self.notify_url.clone()),
            wallet_id: Some(self.wallet_id.clone()),
        }
    }
    /// Beneficiary name.
    ///
    /// Wire: `customerName`, a JSON string, required.
    pub fn customer_name(&self) -> &str {
        &self.customer_name
    }
    /// Payment amount in whole Egyptian pounds, minimum 100, maximum 10,000 (no decimal points).
    ///
    /// Wire: `amount`, a JSON string, required. Rules: at least 100, at most 10000.
    ///
    /// Basis of the rules: Documented (seeds/egypt-payout.txt: adjustable from a minimum of 100 to a maximum of 10,000).
    ///
    /// Notes:
    ///
    /// - The page says "adjustable from a minimum of 100 to a maximum of 10,000" (seeds/egypt-payout.txt): those are the default bounds, and a merchant whose bounds Paypro adjusted sets them with `amount_limits` (adjustable_bounds = true).
    pub fn amount(&self) -> Amount {
        self.amount
    }
    /// Remark, returned as is.
    ///
    /// Wire: `remark`, a JSON string, required.
    pub fn remark(&self) -> &str {
        &self.remark
    }
    /// Transaction number, unique (suggested: year month day hour minute second + random number).
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(&self) -> &str {
        &self.trade_no
    }
    /// Asynchronous callback URL.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    pub fn notify_url(&self) -> &str {
        &self.notify_url
    }
    /// Wallet id (receiving account).
    ///
    /// Wire: `walletId`, a JSON string, required.
    pub fn wallet_id(&self) -> &str {
        &self.wallet_id
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
    /// Beneficiary name.
    ///
    /// Wire: `customerName`, a JSON string, required.
    #[serde(rename = "customerName", default)]
    customer_name: Option<String>,
    /// Payment amount in whole Egyptian pounds, minimum 100, maximum 10,000 (no decimal points).
    ///
    /// Wire: `amount`, a JSON string, required. Rules: at least 100, at most 10000.
    ///
    /// Basis of the rules: Documented (seeds/egypt-payout.txt: adjustable from a minimum of 100 to a maximum of 10,000).
    ///
    /// Notes:
    ///
    /// - The page says "adjustable from a minimum of 100 to a maximum of 10,000" (seeds/egypt-payout.txt): those are the default bounds, and a merchant whose bounds Paypro adjusted sets them with `amount_limits` (adjustable_bounds = true).
    #[serde(rename = "amount", default)]
    amount: Option<AmountInput>,
    #[serde(skip)]
    amount_limits: Option<(u64, u64)>,
    /// Remark, returned as is.
    ///
    /// Wire: `remark`, a JSON string, required.
    #[serde(rename = "remark", default)]
    remark: Option<String>,
    /// Transaction number, unique (suggested: year month day hour minute second + random number).
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    #[serde(rename = "tradeNo", default)]
    trade_no: Option<String>,
    /// Asynchronous callback URL.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    #[serde(rename = "notifyUrl", default)]
    notify_url: Option<String>,
    /// Wallet id (receiving account).
    ///
    /// Wire: `walletId`, a JSON string, required.
    #[serde(rename = "walletId", default)]
    wallet_id: Option<String>,
}
impl PayoutBuilder {
    /// Beneficiary name.
    ///
    /// Wire: `customerName`, a JSON string, required.
    pub fn customer_name(mut self, value: impl Into<String>) -> Self {
        self.customer_name = Some(value.into());
        self
    }
    /// Payment amount in whole Egyptian pounds, minimum 100, maximum 10,000 (no decimal points).
    ///
    /// Wire: `amount`, a JSON string, required. Rules: at least 100, at most 10000.
    ///
    /// Basis of the rules: Documented (seeds/egypt-payout.txt: adjustable from a minimum of 100 to a maximum of 10,000).
    ///
    /// Notes:
    ///
    /// - The page says "adjustable from a minimum of 100 to a maximum of 10,000" (seeds/egypt-payout.txt): those are the default bounds, and a merchant whose bounds Paypro adjusted sets them with `amount_limits` (adjustable_bounds = true).
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
    /// Transaction number, unique (suggested: year month day hour minute second + random number).
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    pub fn trade_no(mut self, value: impl Into<String>) -> Self {
        self.trade_no = Some(value.into());
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
    /// Wallet id (receiving account).
    ///
    /// Wire: `walletId`, a JSON string, required.
    pub fn wallet_id(mut self, value: impl Into<String>) -> Self {
        self.wallet_id = Some(value.into());
        self
    }
    /// Checks every field against the spec's rules and builds the request.
    pub fn build(self) -> Result<PayoutRequest, ValidationError> {
        let mut check = Checker::new();
        let customer_name = check
            .required_text(&FIELD_CUSTOMER_NAME, self.customer_name);
        let amount = check
            .required_amount_within(&FIELD_AMOUNT, self.amount, self.amount_limits);
        let remark = check.required_text(&FIELD_REMARK, self.remark);
        let trade_no = check.required_text(&FIELD_TRADE_NO, self.trade_no);
        let notify_url = check.required_text(&FIELD_NOTIFY_URL, self.notify_url);
        let wallet_id = check.required_text(&FIELD_WALLET_ID, self.wallet_id);
        match (customer_name, amount, remark, trade_no, notify_url, wallet_id) {
            (
                Some(customer_name),
                Some(amount),
                Some(remark),
                Some(trade_no),
                Some(notify_url),
                Some(wallet_id),
            ) if check.is_clean() => {
                Ok(PayoutRequest {
                    customer_name,
                    amount,
                    remark,
                    trade_no,
                    notify_url,
                    wallet_id,
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
        doc: "Merchant request trade number.",
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
        doc: "Pay URL (in the table, not in the example).",
    },
];
/// The response's `data` for `payout`. Every field is optional (the docs' examples omit fields their tables require); fields the spec does not know are kept in `extra`.
///
/// The fields: documented (the page's response table or example).
///
/// Notes:
///
/// - egypt.md says the example and response were not recovered; the seed page has both, which are used here.
/// - The table lists `paymentUrl` ('pay url') and 0001 partial payment, evidently copied from the pay-in template; the example sends no paymentUrl.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PayoutResponse {
    /// Merchant request trade number.
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
    /// Pay URL (in the table, not in the example).
    ///
    /// Wire: `paymentUrl`.
    #[serde(rename = "paymentUrl", skip_serializing_if = "Option::is_none")]
    pub payment_url: Option<String>,
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
        let payment_url = found.text(5)?;
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
            payment_url,
            extra: found.into_extra(),
        })
    }
}
