// @generated from spec/bd.toml by `cargo xtask gen`; do not edit.
//! `payout`: Create a payout to a bKash, Nagad or Rocket e-wallet.
//!
//! `POST /v1/paypro/payout` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
//!
//! Payout API is used to initiate transfer requests to e-wallets or bank accounts.
//!
//! Source: Paypro's pages `bengal/payout.html`, `bangladesh/payout.html`, as recorded (with the docs' contradictions) in `spec/bd.toml`.
//!
//! Notes from the docs:
//!
//! - The path is all lowercase `payout`; other countries use `payOut`.
//! - The table types timestamp as integer; the example sends the string "1728611780130".
//! - The description mentions bank accounts, but the only documented beneficiary field is walletId.
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
    name: "payout",
    role: Role::Payout,
    summary: "Create a payout to a bKash, Nagad or Rocket e-wallet.",
    path: "/v1/paypro/payout",
    sign: SignPlacement::Body,
    timestamp: TimestampWire::String,
    effect: Effect::MovesMoney,
    unaccepted: paypro_core::descriptor::Unaccepted::ByCode,
    provenance: Provenance::Documented,
    request: &[
        FIELD_TRADE_NO,
        FIELD_AMOUNT,
        FIELD_WALLET_ID,
        FIELD_WAY_CODE,
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
    WireType::String,
    "Payout amount, in whole taka (decimals are not recommended).",
);
/// The `walletId` field.
const FIELD_WALLET_ID: FieldSpec = FieldSpec::text("walletId", "Receiving wallet ID.");
/// The `wayCode` field.
const FIELD_WAY_CODE: FieldSpec = FieldSpec::one_of(
    "wayCode",
    &["EWALLET_BKASH", "EWALLET_ROCKET", "EWALLET_NAGAD", "BKASH", "NAGAD"],
    "Receiving e-wallet.",
);
/// The `notifyUrl` field.
const FIELD_NOTIFY_URL: FieldSpec = FieldSpec::text(
        "notifyUrl",
        "Asynchronous callback URL.",
    )
    .with(Rules::NONE.format(TextFormat::HttpUrl));
/// The `remark` field.
const FIELD_REMARK: FieldSpec = FieldSpec::text(
        "remark",
        "Remark; returned in the callback.",
    )
    .optional();
/// Create a payout to a bKash, Nagad or Rocket e-wallet.
///
/// `POST /v1/paypro/payout` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
///
/// Build it with [`Self::builder`]: every value of this type satisfies the spec's rules, so preparing it cannot fail. Its response `data` is [`PayoutResponse`].
///
/// # Example
///
/// ```
/// use paypro_bd::advanced::{Credentials, PreparedRequest};
///
/// let request = paypro_bd::PayoutRequest::builder()
///     .trade_no("test_00000001")
///     .amount(300)
///     .wallet_id("01123456789")
///     .way_code(paypro_bd::payout::WayCode::EwalletBkash)
///     .notify_url("https://google.com")
///     .remark("test")
///     .build()?;
/// let prepared = PreparedRequest::new(&request, &Credentials::new("0000000001", paypro_bd::Secret::new("TESTSECRET")?), 1728611780130);
/// assert_eq!(prepared.path, "/v1/paypro/payout");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, paypro_core::Signable)]
#[serde(try_from = "PayoutBuilder")]
#[signable(timestamp)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PayoutRequest {
    #[signable(rename = "tradeNo")]
    trade_no: String,
    #[signable(rename = "amount", string)]
    amount: Amount,
    #[signable(rename = "walletId")]
    wallet_id: String,
    #[signable(rename = "wayCode")]
    way_code: WayCode,
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
            wallet_id: Some(self.wallet_id.clone()),
            way_code: Some(self.way_code.as_str().to_string()),
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
    /// Payout amount, in whole taka (decimals are not recommended).
    ///
    /// Wire: `amount`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The page only says decimals are 'not recommended'; amounts are treated as integer-only.
    pub fn amount(&self) -> Amount {
        self.amount
    }
    /// Receiving wallet ID.
    ///
    /// Wire: `walletId`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The example `01123456789` is an 11-digit Bangladeshi mobile number, but the docs state no format; none is enforced.
    pub fn wallet_id(&self) -> &str {
        &self.wallet_id
    }
    /// Receiving e-wallet.
    ///
    /// Wire: `wayCode`, a JSON string, required. Rules: one of the listed values (others are refused).
    ///
    /// Basis of the rules: Documented (bangladesh.md §3: the older (bengal) and newer (bangladesh) pages' lists together, see notes).
    ///
    /// Notes:
    ///
    /// - The older (bengal) page lists `EWALLET_BKASH`, `EWALLET_ROCKET`, `EWALLET_NAGAD`; the newer (bangladesh) page lists `BKASH`, `NAGAD` (no Rocket) but its example still sends `EWALLET_BKASH`. All five are allowed.
    pub fn way_code(&self) -> WayCode {
        self.way_code
    }
    /// Asynchronous callback URL.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    pub fn notify_url(&self) -> &str {
        &self.notify_url
    }
    /// Remark; returned in the callback.
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
    /// Payout amount, in whole taka (decimals are not recommended).
    ///
    /// Wire: `amount`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The page only says decimals are 'not recommended'; amounts are treated as integer-only.
    #[serde(rename = "amount", default)]
    amount: Option<AmountInput>,
    /// Receiving wallet ID.
    ///
    /// Wire: `walletId`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The example `01123456789` is an 11-digit Bangladeshi mobile number, but the docs state no format; none is enforced.
    #[serde(rename = "walletId", default)]
    wallet_id: Option<String>,
    /// Receiving e-wallet.
    ///
    /// Wire: `wayCode`, a JSON string, required. Rules: one of the listed values (others are refused).
    ///
    /// Basis of the rules: Documented (bangladesh.md §3: the older (bengal) and newer (bangladesh) pages' lists together, see notes).
    ///
    /// Notes:
    ///
    /// - The older (bengal) page lists `EWALLET_BKASH`, `EWALLET_ROCKET`, `EWALLET_NAGAD`; the newer (bangladesh) page lists `BKASH`, `NAGAD` (no Rocket) but its example still sends `EWALLET_BKASH`. All five are allowed.
    #[serde(rename = "wayCode", default)]
    #[cfg_attr(feature = "schemars", schemars(with = "Option<WayCode>"))]
    way_code: Option<String>,
    /// Asynchronous callback URL.
    ///
    /// Wire: `notifyUrl`, a JSON string, required. Rules: an absolute http(s) URL.
    ///
    /// Basis of the rules: SDK rule: the pages only call it an address (URL); the SDK sends only an absolute http(s) URL with a host, written without a control character, white space or backslash, so that the URL read is the text signed and a mistyped address is refused before anything is sent.
    #[serde(rename = "notifyUrl", default)]
    notify_url: Option<String>,
    /// Remark; returned in the callback.
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
    /// Payout amount, in whole taka (decimals are not recommended).
    ///
    /// Wire: `amount`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The page only says decimals are 'not recommended'; amounts are treated as integer-only.
    ///
    /// Accepts integers, digit strings and whole-valued decimals (`150`,
    /// `"150"`, `"150.00"`, `150.0`); anything with a fraction, zero or a value
    /// above `i64::MAX` is reported by [`Self::build`].
    pub fn amount(mut self, value: impl IntoAmount) -> Self {
        self.amount = Some(AmountInput(value.into_amount()));
        self
    }
    /// Receiving wallet ID.
    ///
    /// Wire: `walletId`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The example `01123456789` is an 11-digit Bangladeshi mobile number, but the docs state no format; none is enforced.
    pub fn wallet_id(mut self, value: impl Into<String>) -> Self {
        self.wallet_id = Some(value.into());
        self
    }
    /// Receiving e-wallet.
    ///
    /// Wire: `wayCode`, a JSON string, required. Rules: one of the listed values (others are refused).
    ///
    /// Basis of the rules: Documented (bangladesh.md §3: the older (bengal) and newer (bangladesh) pages' lists together, see notes).
    ///
    /// Notes:
    ///
    /// - The older (bengal) page lists `EWALLET_BKASH`, `EWALLET_ROCKET`, `EWALLET_NAGAD`; the newer (bangladesh) page lists `BKASH`, `NAGAD` (no Rocket) but its example still sends `EWALLET_BKASH`. All five are allowed.
    pub fn way_code(mut self, value: WayCode) -> Self {
        self.way_code = Some(value.as_str().to_string());
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
    /// Remark; returned in the callback.
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
        let wallet_id = check.required_text(&FIELD_WALLET_ID, self.wallet_id);
        let way_code = check
            .required_text(&FIELD_WAY_CODE, self.way_code)
            .and_then(|v| WayCode::from_wire(&v));
        let notify_url = check.required_text(&FIELD_NOTIFY_URL, self.notify_url);
        let remark = check.optional_text(&FIELD_REMARK, self.remark);
        match (trade_no, amount, wallet_id, way_code, notify_url) {
            (
                Some(trade_no),
                Some(amount),
                Some(wallet_id),
                Some(way_code),
                Some(notify_url),
            ) if check.is_clean() => {
                Ok(PayoutRequest {
                    trade_no,
                    amount,
                    wallet_id,
                    way_code,
                    notify_url,
                    remark,
                })
            }
            _ => Err(check.into_error()),
        }
    }
}
/// The values of `wayCode` the docs name.
///
/// The list is closed (another value is refused). Documented (bangladesh.md §3: the older (bengal) and newer (bangladesh) pages' lists together, see notes).
///
/// Notes:
///
/// - The older (bengal) page lists `EWALLET_BKASH`, `EWALLET_ROCKET`, `EWALLET_NAGAD`; the newer (bangladesh) page lists `BKASH`, `NAGAD` (no Rocket) but its example still sends `EWALLET_BKASH`. All five are allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub enum WayCode {
    /// `EWALLET_BKASH`: bKash (older page's spelling; the value both pages' examples send).
    #[serde(rename = "EWALLET_BKASH")]
    EwalletBkash,
    /// `EWALLET_ROCKET`: Rocket (older page only).
    #[serde(rename = "EWALLET_ROCKET")]
    EwalletRocket,
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
        WayCode::EwalletRocket,
        WayCode::EwalletNagad,
        WayCode::Bkash,
        WayCode::Nagad,
    ];
    /// The value as sent.
    pub const fn as_str(self) -> &'static str {
        match self {
            WayCode::EwalletBkash => "EWALLET_BKASH",
            WayCode::EwalletRocket => "EWALLET_ROCKET",
            WayCode::EwalletNagad => "EWALLET_NAGAD",
            WayCode::Bkash => "BKASH",
            WayCode::Nagad => "NAGAD",
        }
    }
    /// Reads a wire value (exact match).
    pub fn from_wire(value: &str) -> Option<Self> {
        match value {
            "EWALLET_BKASH" => Some(WayCode::EwalletBkash),
            "EWALLET_ROCKET" => Some(WayCode::EwalletRocket),
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
/// - Only the envelope (msg, code, timestamp, success) was recovered; the data fields below are those of the Bangladesh pay-in response and the other countries' payout responses.
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
