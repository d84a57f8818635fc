// @generated from spec/id.toml by `cargo xtask gen`; do not edit.
//! `account-verify`: Check a bank account and get its holder's name before paying out.
//!
//! `POST /v1/paypro/accountVerify` · sign in the body · `timestamp` as a string · read-only (safe to retry) · documented
//!
//! Source: Paypro's page `accountVerify.html`, as recorded (with the docs' contradictions) in `spec/id.toml`.
//!
//! Notes from the docs:
//!
//! - Outer code 0000 means the account is verified; any other code means verification failed.
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
    name: "account-verify",
    role: Role::AccountVerify,
    summary: "Check a bank account and get its holder's name before paying out.",
    path: "/v1/paypro/accountVerify",
    sign: SignPlacement::Body,
    timestamp: TimestampWire::String,
    effect: Effect::ReadOnly,
    unaccepted: paypro_core::descriptor::Unaccepted::ByCode,
    provenance: Provenance::Documented,
    request: &[FIELD_BANK_ACCOUNT_NO, FIELD_BANK_CODE],
    response: DataShape::Object(RESPONSE_FIELDS),
};
/// The `bankAccountNo` field.
const FIELD_BANK_ACCOUNT_NO: FieldSpec = FieldSpec::text(
    "bankAccountNo",
    "Bank account number.",
);
/// The `bankCode` field.
const FIELD_BANK_CODE: FieldSpec = FieldSpec::text(
    "bankCode",
    "Bank code from the Bank List appendix (not recovered), e.g. `0002`.",
);
/// Check a bank account and get its holder's name before paying out.
///
/// `POST /v1/paypro/accountVerify` · sign in the body · `timestamp` as a string · read-only (safe to retry) · documented
///
/// Build it with [`Self::builder`]: every value of this type satisfies the spec's rules, so preparing it cannot fail. Its response `data` is [`AccountVerifyResponse`].
///
/// # Example
///
/// ```
/// use paypro_id::advanced::{Credentials, PreparedRequest};
///
/// let request = paypro_id::AccountVerifyRequest::builder()
///     .bank_account_no("5464438554636")
///     .bank_code("0002")
///     .build()?;
/// let prepared = PreparedRequest::new(&request, &Credentials::new("0000000001", paypro_id::Secret::new("TESTSECRET")?), 1732988442913);
/// assert_eq!(prepared.path, "/v1/paypro/accountVerify");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, paypro_core::Signable)]
#[serde(try_from = "AccountVerifyBuilder")]
#[signable(timestamp)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct AccountVerifyRequest {
    #[signable(rename = "bankAccountNo")]
    bank_account_no: String,
    #[signable(rename = "bankCode")]
    bank_code: String,
}
impl AccountVerifyRequest {
    /// An empty builder.
    pub fn builder() -> AccountVerifyBuilder {
        AccountVerifyBuilder::default()
    }
    /// A builder holding this request's values, to change some and build again.
    pub fn to_builder(&self) -> AccountVerifyBuilder {
        AccountVerifyBuilder {
            bank_account_no: Some(self.bank_account_no.clone()),
            bank_code: Some(self.bank_code.clone()),
        }
    }
    /// Bank account number.
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
}
impl Endpoint for AccountVerifyRequest {
    const DESCRIPTOR: &'static EndpointDescriptor = &DESCRIPTOR;
    type Response = AccountVerifyResponse;
}
impl TryFrom<AccountVerifyBuilder> for AccountVerifyRequest {
    type Error = ValidationError;
    fn try_from(builder: AccountVerifyBuilder) -> Result<Self, ValidationError> {
        builder.build()
    }
}
/** Builds a [`AccountVerifyRequest`]. Setters take plain values; [`Self::build`] checks every rule at once and names each broken one.

 It also deserializes from the request's JSON fields (wire names, without `sign` and `timestamp`), so input from a file or a command line goes through the same checks.*/
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AccountVerifyBuilder {
    /// Bank account number.
    ///
    /// Wire: `bankAccountNo`, a JSON string, required.
    #[serde(rename = "bankAccountNo", default)]
    bank_account_no: Option<String>,
    /// Bank code from the Bank List appendix (not recovered), e.g. `0002`.
    ///
    /// Wire: `bankCode`, a JSON string, required.
    #[serde(rename = "bankCode", default)]
    bank_code: Option<String>,
}
impl AccountVerifyBuilder {
    /// Bank account number.
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
    /// Checks every field against the spec's rules and builds the request.
    pub fn build(self) -> Result<AccountVerifyRequest, ValidationError> {
        let mut check = Checker::new();
        let bank_account_no = check
            .required_text(&FIELD_BANK_ACCOUNT_NO, self.bank_account_no);
        let bank_code = check.required_text(&FIELD_BANK_CODE, self.bank_code);
        match (bank_account_no, bank_code) {
            (Some(bank_account_no), Some(bank_code)) if check.is_clean() => {
                Ok(AccountVerifyRequest {
                    bank_account_no,
                    bank_code,
                })
            }
            _ => Err(check.into_error()),
        }
    }
}
const RESPONSE_FIELDS: &[ResponseField] = &[
    ResponseField {
        wire: "bankAccountNo",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Bank account number.",
    },
    ResponseField {
        wire: "bankAccountName",
        aliases: &[],
        kind: ValueKind::Text,
        required: false,
        doc: "Account holder's name.",
    },
];
/// The response's `data` for `account-verify`. Every field is optional (the docs' examples omit fields their tables require); fields the spec does not know are kept in `extra`.
///
/// The fields: documented (the page's response table or example).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AccountVerifyResponse {
    /// Bank account number.
    ///
    /// Wire: `bankAccountNo`.
    #[serde(rename = "bankAccountNo", skip_serializing_if = "Option::is_none")]
    pub bank_account_no: Option<String>,
    /// Account holder's name.
    ///
    /// Wire: `bankAccountName`.
    #[serde(rename = "bankAccountName", skip_serializing_if = "Option::is_none")]
    pub bank_account_name: Option<String>,
    /// Fields the spec does not know (and a second spelling of a field already read),
    /// exactly as received.
    #[serde(flatten)]
    pub extra: Extra,
}
impl FromRaw for AccountVerifyResponse {
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
        let bank_account_no = found.text(0)?;
        let bank_account_name = found.text(1)?;
        Ok(AccountVerifyResponse {
            bank_account_no,
            bank_account_name,
            extra: found.into_extra(),
        })
    }
}
