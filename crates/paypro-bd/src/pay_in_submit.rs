// @generated from spec/bd.toml by `cargo xtask gen`; do not edit.
//! `pay-in-submit`: Submit the wallet transaction ID (trxId) the payer entered after paying a pay-in (H2H).
//!
//! `POST /v1/paypro/payinSubmit` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
//!
//! The Payment API and this API work together: after paying, the user submits the wallet transaction ID on the checkout page and the merchant forwards it here. Whatever the outer code, the final result comes from the notification or a pay-in query.
//!
//! Source: Paypro's page `bangladesh/paymentSubmit.html`, as recorded (with the docs' contradictions) in `spec/bd.toml`.
//!
//! Notes from the docs:
//!
//! - The page says code 0000 means the submission was accepted and ANY other code means "the order is being processed": wait for the callback or query. So a non-0000 answer is never read as a refusal here (unaccepted = "processing").
//! - Only on the newer (bangladesh) pages; the older (bengal) sidebar has no Payment Submit.
//! - The table types timestamp as long; the example sends the string "1728609257212".
//! - The example reuses the pay-in example's sign and a merchant-style platFormTradeNo (`test_00000008`): both are placeholders.
use paypro_core::{
    Checker, Endpoint, ValidationError,
    descriptor::{
        DataShape, Effect, EndpointDescriptor, FieldSpec, Provenance, Role,
        SignPlacement, TimestampWire,
    },
};
use serde::Deserialize;
/// What the spec says about this endpoint.
pub const DESCRIPTOR: EndpointDescriptor = EndpointDescriptor {
    country: "bd",
    name: "pay-in-submit",
    role: Role::PayInSubmit,
    summary: "Submit the wallet transaction ID (trxId) the payer entered after paying a pay-in (H2H).",
    path: "/v1/paypro/payinSubmit",
    sign: SignPlacement::Body,
    timestamp: TimestampWire::String,
    effect: Effect::MovesMoney,
    unaccepted: paypro_core::descriptor::Unaccepted::Processing,
    provenance: Provenance::Documented,
    request: &[FIELD_PLATFORM_TRADE_NO, FIELD_TRX_ID],
    response: DataShape::Boolean,
};
/// The `platFormTradeNo` field.
const FIELD_PLATFORM_TRADE_NO: FieldSpec = FieldSpec::text(
    "platFormTradeNo",
    "Paypro's unique order number, from the pay-in response.",
);
/// The `trxId` field.
const FIELD_TRX_ID: FieldSpec = FieldSpec::text(
    "trxId",
    "Wallet transaction ID entered by the payer.",
);
/// Submit the wallet transaction ID (trxId) the payer entered after paying a pay-in (H2H).
///
/// `POST /v1/paypro/payinSubmit` · sign in the body · `timestamp` as a string · moves money (never retried automatically) · documented
///
/// Build it with [`Self::builder`]: every value of this type satisfies the spec's rules, so preparing it cannot fail. Its response `data` is [`PayInSubmitResponse`].
///
/// # Example
///
/// ```
/// use paypro_bd::advanced::{Credentials, PreparedRequest};
///
/// let request = paypro_bd::PayInSubmitRequest::builder()
///     .platform_trade_no("test_00000008")
///     .trx_id("11111111")
///     .build()?;
/// let prepared = PreparedRequest::new(&request, &Credentials::new("0000000001", paypro_bd::Secret::new("TESTSECRET")?), 1728609257212);
/// assert_eq!(prepared.path, "/v1/paypro/payinSubmit");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, paypro_core::Signable)]
#[serde(try_from = "PayInSubmitBuilder")]
#[signable(timestamp)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PayInSubmitRequest {
    #[signable(rename = "platFormTradeNo")]
    platform_trade_no: String,
    #[signable(rename = "trxId")]
    trx_id: String,
}
impl PayInSubmitRequest {
    /// An empty builder.
    pub fn builder() -> PayInSubmitBuilder {
        PayInSubmitBuilder::default()
    }
    /// A builder holding this request's values, to change some and build again.
    pub fn to_builder(&self) -> PayInSubmitBuilder {
        PayInSubmitBuilder {
            platform_trade_no: Some(self.platform_trade_no.clone()),
            trx_id: Some(self.trx_id.clone()),
        }
    }
    /// Paypro's unique order number, from the pay-in response.
    ///
    /// Wire: `platFormTradeNo`, a JSON string, required.
    pub fn platform_trade_no(&self) -> &str {
        &self.platform_trade_no
    }
    /// Wallet transaction ID entered by the payer.
    ///
    /// Wire: `trxId`, a JSON string, required.
    pub fn trx_id(&self) -> &str {
        &self.trx_id
    }
}
impl Endpoint for PayInSubmitRequest {
    const DESCRIPTOR: &'static EndpointDescriptor = &DESCRIPTOR;
    type Response = PayInSubmitResponse;
}
impl TryFrom<PayInSubmitBuilder> for PayInSubmitRequest {
    type Error = ValidationError;
    fn try_from(builder: PayInSubmitBuilder) -> Result<Self, ValidationError> {
        builder.build()
    }
}
/** Builds a [`PayInSubmitRequest`]. Setters take plain values; [`Self::build`] checks every rule at once and names each broken one.

 It also deserializes from the request's JSON fields (wire names, without `sign` and `timestamp`), so input from a file or a command line goes through the same checks.*/
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PayInSubmitBuilder {
    /// Paypro's unique order number, from the pay-in response.
    ///
    /// Wire: `platFormTradeNo`, a JSON string, required.
    #[serde(rename = "platFormTradeNo", default)]
    platform_trade_no: Option<String>,
    /// Wallet transaction ID entered by the payer.
    ///
    /// Wire: `trxId`, a JSON string, required.
    #[serde(rename = "trxId", default)]
    trx_id: Option<String>,
}
impl PayInSubmitBuilder {
    /// Paypro's unique order number, from the pay-in response.
    ///
    /// Wire: `platFormTradeNo`, a JSON string, required.
    pub fn platform_trade_no(mut self, value: impl Into<String>) -> Self {
        self.platform_trade_no = Some(value.into());
        self
    }
    /// Wallet transaction ID entered by the payer.
    ///
    /// Wire: `trxId`, a JSON string, required.
    pub fn trx_id(mut self, value: impl Into<String>) -> Self {
        self.trx_id = Some(value.into());
        self
    }
    /// Checks every field against the spec's rules and builds the request.
    pub fn build(self) -> Result<PayInSubmitRequest, ValidationError> {
        let mut check = Checker::new();
        let platform_trade_no = check
            .required_text(&FIELD_PLATFORM_TRADE_NO, self.platform_trade_no);
        let trx_id = check.required_text(&FIELD_TRX_ID, self.trx_id);
        match (platform_trade_no, trx_id) {
            (Some(platform_trade_no), Some(trx_id)) if check.is_clean() => {
                Ok(PayInSubmitRequest {
                    platform_trade_no,
                    trx_id,
                })
            }
            _ => Err(check.into_error()),
        }
    }
}
/// The response's `data` is a bare boolean (the submission result).
///
/// Notes:
///
/// - `data` is a bare boolean (the submit result) and `success` is typed Boolean here, unlike the string typing of other pages.
/// - Outer code 0000 means the submission was accepted; any other code is described as 'order is being processed', not as a rejection. In both cases wait for the notification or query the pay-in.
pub type PayInSubmitResponse = bool;
