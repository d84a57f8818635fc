// @generated from spec/id.toml by `cargo xtask gen`; do not edit.
//! `voucher`: Get the payment voucher (proof) PDF of a transaction.
//!
//! `POST /v1/paypro/indonesia/query/voucher` · sign in the `sign` header · `timestamp` as a string · read-only (safe to retry) · documented
//!
//! Source: Paypro's page `proof.html`, as recorded (with the docs' contradictions) in `spec/id.toml`.
//!
//! Notes from the docs:
//!
//! - The only endpoint whose `sign` travels in an HTTP header; the body carries none and is signed alone.
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
    country: "id",
    name: "voucher",
    role: Role::Voucher,
    summary: "Get the payment voucher (proof) PDF of a transaction.",
    path: "/v1/paypro/indonesia/query/voucher",
    sign: SignPlacement::Header,
    timestamp: TimestampWire::String,
    effect: Effect::ReadOnly,
    unaccepted: paypro_core::descriptor::Unaccepted::ByCode,
    provenance: Provenance::Documented,
    request: &[FIELD_TRADE_NO],
    response: DataShape::Object(RESPONSE_FIELDS),
};
/// The `tradeNo` field.
const FIELD_TRADE_NO: FieldSpec = FieldSpec::text("tradeNo", "Transaction number.");
/// Get the payment voucher (proof) PDF of a transaction.
///
/// `POST /v1/paypro/indonesia/query/voucher` · sign in the `sign` header · `timestamp` as a string · read-only (safe to retry) · documented
///
/// Build it with [`Self::builder`]: every value of this type satisfies the spec's rules, so preparing it cannot fail. Its response `data` is [`VoucherResponse`].
///
/// # Example
///
/// ```
/// use paypro_id::advanced::{Credentials, PreparedRequest};
///
/// let request = paypro_id::VoucherRequest::builder()
///     .trade_no("test_00000002")
///     .build()?;
/// let prepared = PreparedRequest::new(&request, &Credentials::new("0000000001", paypro_id::Secret::new("TESTSECRET")?), 1728613320708);
/// assert_eq!(prepared.path, "/v1/paypro/indonesia/query/voucher");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, paypro_core::Signable)]
#[serde(try_from = "VoucherBuilder")]
#[signable(timestamp)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct VoucherRequest {
    #[signable(rename = "tradeNo")]
    trade_no: String,
}
impl VoucherRequest {
    /// An empty builder.
    pub fn builder() -> VoucherBuilder {
        VoucherBuilder::default()
    }
    /// A builder holding this request's values, to change some and build again.
    pub fn to_builder(&self) -> VoucherBuilder {
        VoucherBuilder {
            trade_no: Some(self.trade_no.clone()),
        }
    }
    /// Transaction number.
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The docs describe it as the 'Paypro transaction number' although the field is named tradeNo (the merchant number elsewhere) and the example value `test_00000002` is a merchant-style number. Sent as given.
    pub fn trade_no(&self) -> &str {
        &self.trade_no
    }
}
impl Endpoint for VoucherRequest {
    const DESCRIPTOR: &'static EndpointDescriptor = &DESCRIPTOR;
    type Response = VoucherResponse;
    fn trade_no(&self) -> Option<&str> {
        Some(&self.trade_no)
    }
}
impl TryFrom<VoucherBuilder> for VoucherRequest {
    type Error = ValidationError;
    fn try_from(builder: VoucherBuilder) -> Result<Self, ValidationError> {
        builder.build()
    }
}
/** Builds a [`VoucherRequest`]. Setters take plain values; [`Self::build`] checks every rule at once and names each broken one.

 It also deserializes from the request's JSON fields (wire names, without `sign` and `timestamp`), so input from a file or a command line goes through the same checks.*/
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VoucherBuilder {
    /// Transaction number.
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The docs describe it as the 'Paypro transaction number' although the field is named tradeNo (the merchant number elsewhere) and the example value `test_00000002` is a merchant-style number. Sent as given.
    #[serde(rename = "tradeNo", default)]
    trade_no: Option<String>,
}
impl VoucherBuilder {
    /// Transaction number.
    ///
    /// Wire: `tradeNo`, a JSON string, required.
    ///
    /// Notes:
    ///
    /// - The docs describe it as the 'Paypro transaction number' although the field is named tradeNo (the merchant number elsewhere) and the example value `test_00000002` is a merchant-style number. Sent as given.
    pub fn trade_no(mut self, value: impl Into<String>) -> Self {
        self.trade_no = Some(value.into());
        self
    }
    /// Checks every field against the spec's rules and builds the request.
    pub fn build(self) -> Result<VoucherRequest, ValidationError> {
        let mut check = Checker::new();
        let trade_no = check.required_text(&FIELD_TRADE_NO, self.trade_no);
        match (trade_no,) {
            (Some(trade_no),) if check.is_clean() => Ok(VoucherRequest { trade_no }),
            _ => Err(check.into_error()),
        }
    }
}
const RESPONSE_FIELDS: &[ResponseField] = &[
    ResponseField {
        wire: "url",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "URL of the voucher PDF.",
    },
    ResponseField {
        wire: "message",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Result message.",
    },
];
/// The response's `data` for `voucher`. Every field is optional (the docs' examples omit fields their tables require); fields the spec does not know are kept in `extra`.
///
/// The fields: documented (the page's response table or example).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct VoucherResponse {
    /// URL of the voucher PDF.
    ///
    /// Wire: `url`.
    #[serde(rename = "url", skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Result message.
    ///
    /// Wire: `message`.
    #[serde(rename = "message", skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Fields the spec does not know (and a second spelling of a field already read),
    /// exactly as received.
    #[serde(flatten)]
    pub extra: Extra,
}
impl FromRaw for VoucherResponse {
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
        let url = found.text(0)?;
        let message = found.text(1)?;
        Ok(VoucherResponse {
            url,
            message,
            extra: found.into_extra(),
        })
    }
}
