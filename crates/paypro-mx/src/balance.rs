// @generated from spec/mx.toml by `cargo xtask gen`; do not edit.
//! `balance`: Query the merchant's balances.
//!
//! `POST /v1/paypro/queryBalance` · sign in the body · `timestamp` as a string · read-only (safe to retry) · documented
//!
//! Source: Paypro's page `balance.html`, as recorded (with the docs' contradictions) in `spec/mx.toml`.
//!
//! Notes from the docs:
//!
//! - The Mexico page copy shows no request body table; like every other country, the body carries only `timestamp` and `sign`.
use paypro_core::{
    Checker, DecodeError, Endpoint, Extra, FromRaw, RawFields, ValidationError,
    __private::RawValue,
    descriptor::{
        DataShape, Effect, EndpointDescriptor, Provenance, ResponseField, Role,
        SignPlacement, TimestampWire, ValueKind,
    },
    lenient,
};
use serde::{Deserialize, Serialize};
/// What the spec says about this endpoint.
pub const DESCRIPTOR: EndpointDescriptor = EndpointDescriptor {
    country: "mx",
    name: "balance",
    role: Role::Balance,
    summary: "Query the merchant's balances.",
    path: "/v1/paypro/queryBalance",
    sign: SignPlacement::Body,
    timestamp: TimestampWire::String,
    effect: Effect::ReadOnly,
    unaccepted: paypro_core::descriptor::Unaccepted::ByCode,
    provenance: Provenance::Documented,
    request: &[],
    response: DataShape::Object(RESPONSE_FIELDS),
};
/// Query the merchant's balances.
///
/// `POST /v1/paypro/queryBalance` · sign in the body · `timestamp` as a string · read-only (safe to retry) · documented
///
/// Build it with [`Self::builder`]: every value of this type satisfies the spec's rules, so preparing it cannot fail. Its response `data` is [`BalanceResponse`].
///
/// # Example
///
/// ```
/// use paypro_mx::advanced::{Credentials, PreparedRequest};
///
/// let request = paypro_mx::BalanceRequest::builder()
///     .build()?;
/// let prepared = PreparedRequest::new(&request, &Credentials::new("0000000001", paypro_mx::Secret::new("TESTSECRET")?), 1724151084278);
/// assert_eq!(prepared.path, "/v1/paypro/queryBalance");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, paypro_core::Signable)]
#[serde(try_from = "BalanceBuilder")]
#[signable(timestamp)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct BalanceRequest {}
impl BalanceRequest {
    /// An empty builder.
    pub fn builder() -> BalanceBuilder {
        BalanceBuilder::default()
    }
    /// A builder holding this request's values, to change some and build again.
    pub fn to_builder(&self) -> BalanceBuilder {
        BalanceBuilder {}
    }
}
impl Endpoint for BalanceRequest {
    const DESCRIPTOR: &'static EndpointDescriptor = &DESCRIPTOR;
    type Response = BalanceResponse;
}
impl TryFrom<BalanceBuilder> for BalanceRequest {
    type Error = ValidationError;
    fn try_from(builder: BalanceBuilder) -> Result<Self, ValidationError> {
        builder.build()
    }
}
/** Builds a [`BalanceRequest`]. Setters take plain values; [`Self::build`] checks every rule at once and names each broken one.

 It also deserializes from the request's JSON fields (wire names, without `sign` and `timestamp`), so input from a file or a command line goes through the same checks.*/
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BalanceBuilder {}
impl BalanceBuilder {
    /// Checks every field against the spec's rules and builds the request.
    pub fn build(self) -> Result<BalanceRequest, ValidationError> {
        let check = Checker::new();
        if check.is_clean() { Ok(BalanceRequest {}) } else { Err(check.into_error()) }
    }
}
const RESPONSE_FIELDS: &[ResponseField] = &[
    ResponseField {
        wire: "availableAmount",
        aliases: &["availablAmount"],
        kind: ValueKind::Decimal,
        required: false,
        doc: "Merchant available balance.",
    },
    ResponseField {
        wire: "freezeAmount",
        aliases: &[],
        kind: ValueKind::Decimal,
        required: false,
        doc: "Frozen amount.",
    },
    ResponseField {
        wire: "unsettledAmount",
        aliases: &[],
        kind: ValueKind::Decimal,
        required: false,
        doc: "Unsettled amount; the day's receipts settle into the available balance on T+1.",
    },
];
/// The response's `data` for `balance`. Every field is optional (the docs' examples omit fields their tables require); fields the spec does not know are kept in `extra`.
///
/// The fields: documented (the page's response table or example).
///
/// Notes:
///
/// - The table types every amount as string; the example sends JSON numbers with four decimals.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct BalanceResponse {
    /// Merchant available balance.
    ///
    /// Wire: `availableAmount`, also read from `availablAmount`.
    ///
    /// Notes:
    ///
    /// - The Mexico table and example both spell it `availablAmount` (sic); other countries use `availableAmount`. Both spellings are read.
    #[serde(rename = "availableAmount", skip_serializing_if = "Option::is_none")]
    pub available_amount: Option<paypro_core::Decimal>,
    /// Frozen amount.
    ///
    /// Wire: `freezeAmount`.
    #[serde(rename = "freezeAmount", skip_serializing_if = "Option::is_none")]
    pub freeze_amount: Option<paypro_core::Decimal>,
    /// Unsettled amount; the day's receipts settle into the available balance on T+1.
    ///
    /// Wire: `unsettledAmount`.
    #[serde(rename = "unsettledAmount", skip_serializing_if = "Option::is_none")]
    pub unsettled_amount: Option<paypro_core::Decimal>,
    /// Fields the spec does not know (and a second spelling of a field already read),
    /// exactly as received.
    #[serde(flatten)]
    pub extra: Extra,
}
impl FromRaw for BalanceResponse {
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
        let available_amount = found.decimal(0)?;
        let freeze_amount = found.decimal(1)?;
        let unsettled_amount = found.decimal(2)?;
        Ok(BalanceResponse {
            available_amount,
            freeze_amount,
            unsettled_amount,
            extra: found.into_extra(),
        })
    }
}
