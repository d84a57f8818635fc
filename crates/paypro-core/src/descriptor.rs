//! What the spec says about each endpoint, as static data the generated crates provide.
//!
//! The country crates' generated code builds these from `spec/*.toml`; the client, the sandbox
//! and the CLI read them instead of hard-coding paths or field rules.

/// Where the signature travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignPlacement {
    /// In the JSON body as `sign` (every endpoint but one).
    Body,
    /// In the HTTP header `sign`; the body carries none (Indonesia's voucher/proof endpoint).
    Header,
}

/// Whether and how the request carries `timestamp` (milliseconds since the Unix epoch).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimestampWire {
    /// Not sent (Kenya's pay-in and payout queries).
    Absent,
    /// Sent as a JSON string of digits, as most of the docs' examples do.
    String,
    /// Sent as a JSON number.
    Number,
}

/// What a call does to money; decides whether a failed call may be retried blindly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Effect {
    /// Creates a pay-in or payout (or submits one): never retried automatically.
    MovesMoney,
    /// Only reads (queries, balance, account verification): safe to retry.
    ReadOnly,
}

/// How an answer whose outer `code` is not the accepted one is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unaccepted {
    /// By [`crate::protocol::OUTER_CODES`] (and, on an answer marked by the embedded sandbox,
    /// [`crate::protocol::SANDBOX_CODES`]): listed refusals are refusals, everything else is
    /// uncertain.
    ByCode,
    /// Every such code means "the order is being processed" (Bangladesh's pay-in submit): the
    /// outcome comes from the notification or a query.
    Processing,
}

/// What an outer `code` proves about the request it answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum OuterOutcome {
    /// Taken; the transaction's state is `data.status`.
    Accepted,
    /// Refused before anything was created: nothing happened.
    Refused,
    /// Proves nothing about the order: money may have moved.
    Uncertain,
}

/// Where an outer code's meaning comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CodeSource {
    /// Paypro's pages.
    Documented,
    /// Inferred from the pages (see the note).
    Inferred,
    /// The embedded sandbox's own code (Paypro documents none for this case).
    Sandbox,
}

/// One known outer `code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OuterCode {
    /// The code as sent.
    pub code: &'static str,
    /// What it proves.
    pub outcome: OuterOutcome,
    /// Where that comes from.
    pub source: CodeSource,
    /// What it means.
    pub meaning: &'static str,
    /// Why it is read this way (empty when the docs say so plainly).
    pub note: &'static str,
}

/// The spec's entry for an outer `code` of Paypro's; `None` for a code the spec does not know
/// (which is uncertain). The sandbox's own codes are not here: see [`sandbox_code`].
pub fn outer_code(code: &str) -> Option<&'static OuterCode> {
    crate::protocol::OUTER_CODES.iter().find(|c| c.code == code)
}

/// The embedded sandbox's entry for an outer `code`: how the client reads it on an answer
/// marked with [`crate::protocol::SANDBOX_HEADER`], and only there.
pub fn sandbox_code(code: &str) -> Option<&'static OuterCode> {
    crate::protocol::SANDBOX_CODES
        .iter()
        .find(|c| c.code == code)
}

/// How much the docs say about an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Provenance {
    /// The endpoint's page was recovered.
    Documented,
    /// The page is missing; the endpoint is inferred from what every other country documents.
    Inferred,
}

/// What an endpoint does; lets the sandbox and the CLI treat every country alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Role {
    /// Creates a pay-in (H2H).
    PayIn,
    /// Creates a pay-in on a hosted cashier page.
    Cashier,
    /// Submits the payer's wallet transaction id for a pay-in (Bangladesh).
    PayInSubmit,
    /// Creates a payout.
    Payout,
    /// Reads a pay-in by the merchant's `tradeNo`.
    QueryPayIn,
    /// Reads a payout by the merchant's `tradeNo`.
    QueryPayout,
    /// Reads a transaction by a wallet receipt code (Kenya's M-Pesa code).
    QueryReceipt,
    /// Reads the merchant's balances.
    Balance,
    /// Checks a bank account (Indonesia).
    AccountVerify,
    /// Fetches a payment voucher (Indonesia).
    Voucher,
}

/// How a field travels in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WireType {
    /// A JSON string.
    String,
    /// A JSON number.
    Number,
}

/// What a request field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldKind {
    /// Free text (an id, a name, a URL, a phone number...).
    Text,
    /// A whole-unit amount ([`crate::Amount`]).
    Amount,
    /// One of the listed wire values.
    Enum(&'static [&'static str]),
}

/// The constraints on one request field, from the spec. Empty means unconstrained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// Amounts: the smallest allowed value.
    pub min: Option<u64>,
    /// Amounts: the largest allowed value.
    pub max: Option<u64>,
    /// Text: only ASCII digits, between these many (inclusive).
    pub digits: Option<(u32, u32)>,
    /// Text: must start with one of these.
    pub prefixes: &'static [&'static str],
    /// Text: at most this many characters.
    pub max_len: Option<u32>,
    /// Text: a structured value (a URL, a CLABE), checked by [`crate::check_format`].
    pub format: Option<TextFormat>,
    /// Text: `format` applies only when another field of the request has this value (a CLABE
    /// only when `customerAccountType` is `CLABE`); `None` means always.
    pub format_when: Option<Condition>,
}

/// A structured text value a field must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TextFormat {
    /// An absolute `http` or `https` URL with a host (`notifyUrl`, `returnUrl`), as the `url`
    /// crate parses it.
    HttpUrl,
    /// A Mexican CLABE: 18 digits, the last a check digit (weights 3, 7, 1 over the first 17,
    /// each product mod 10). A banking standard, not from Paypro's pages.
    Clabe,
}

impl TextFormat {
    /// The format in words, for messages: "an absolute http(s) URL".
    pub const fn describe(self) -> &'static str {
        match self {
            TextFormat::HttpUrl => "an absolute http(s) URL",
            TextFormat::Clabe => "a CLABE (18 digits, the last a check digit)",
        }
    }
}

/// "When field `field` is `is`": the condition of a conditional rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Condition {
    /// The other field's wire name.
    pub field: &'static str,
    /// The wire value that turns the rule on.
    pub is: &'static str,
}

impl Rules {
    /// No constraint.
    pub const NONE: Rules = Rules {
        min: None,
        max: None,
        digits: None,
        prefixes: &[],
        max_len: None,
        format: None,
        format_when: None,
    };

    /// These rules, with the value required to be in `format` (text).
    pub const fn format(self, format: TextFormat) -> Rules {
        Rules {
            format: Some(format),
            ..self
        }
    }

    /// These rules, with the value required to be in `format` when the request's field
    /// `field` is `is` (text).
    pub const fn format_when(
        self,
        format: TextFormat,
        field: &'static str,
        is: &'static str,
    ) -> Rules {
        Rules {
            format: Some(format),
            format_when: Some(Condition { field, is }),
            ..self
        }
    }

    /// These rules, with an inclusive lower bound (amounts).
    pub const fn min(self, min: u64) -> Rules {
        Rules {
            min: Some(min),
            ..self
        }
    }

    /// These rules, with an inclusive upper bound (amounts).
    pub const fn max(self, max: u64) -> Rules {
        Rules {
            max: Some(max),
            ..self
        }
    }

    /// These rules, with only ASCII digits allowed, between `min` and `max` of them (text).
    pub const fn digits(self, min: u32, max: u32) -> Rules {
        Rules {
            digits: Some((min, max)),
            ..self
        }
    }

    /// These rules, with the value required to start with one of `prefixes` (text).
    pub const fn prefixes(self, prefixes: &'static [&'static str]) -> Rules {
        Rules { prefixes, ..self }
    }

    /// These rules, with at most `max_len` characters (text).
    pub const fn max_len(self, max_len: u32) -> Rules {
        Rules {
            max_len: Some(max_len),
            ..self
        }
    }
}

/// One request body field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// The JSON name, exact casing.
    pub wire: &'static str,
    /// What it holds.
    pub kind: FieldKind,
    /// How it travels.
    pub wire_type: WireType,
    /// Whether the docs require it.
    pub required: bool,
    /// Its constraints.
    pub rules: Rules,
    /// The docs' description.
    pub doc: &'static str,
}

impl FieldSpec {
    /// A required text field sent as a JSON string, unconstrained.
    pub const fn text(wire: &'static str, doc: &'static str) -> FieldSpec {
        FieldSpec {
            wire,
            kind: FieldKind::Text,
            wire_type: WireType::String,
            required: true,
            rules: Rules::NONE,
            doc,
        }
    }

    /// A required amount travelling as `wire_type`.
    pub const fn amount(wire: &'static str, wire_type: WireType, doc: &'static str) -> FieldSpec {
        FieldSpec {
            wire,
            kind: FieldKind::Amount,
            wire_type,
            required: true,
            rules: Rules::NONE,
            doc,
        }
    }

    /// A required field holding one of `values`, sent as a JSON string.
    pub const fn one_of(
        wire: &'static str,
        values: &'static [&'static str],
        doc: &'static str,
    ) -> FieldSpec {
        FieldSpec {
            wire,
            kind: FieldKind::Enum(values),
            wire_type: WireType::String,
            required: true,
            rules: Rules::NONE,
            doc,
        }
    }

    /// This field, optional.
    pub const fn optional(self) -> FieldSpec {
        FieldSpec {
            required: false,
            ..self
        }
    }

    /// This field, with `rules`.
    pub const fn with(self, rules: Rules) -> FieldSpec {
        FieldSpec { rules, ..self }
    }
}

/// How a received value is read (leniently) into a typed field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ValueKind {
    /// Text; numbers and booleans are kept as their JSON text.
    Text,
    /// An exact decimal from a JSON number or string (`300`, `"300.00"`, `3.0000`).
    Decimal,
    /// A whole number from a JSON number or string.
    Integer,
    /// `true`/`false`, as JSON booleans or strings.
    Boolean,
    /// A transaction status code ([`crate::Status`]).
    Status,
}

/// One field of a response's `data` object or of a notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResponseField {
    /// The documented name.
    pub wire: &'static str,
    /// Other names the docs use for the same value (`payproTradeNo`, `availablAmount`...).
    pub aliases: &'static [&'static str],
    /// How it is read.
    pub kind: ValueKind,
    /// Whether a notification without it cannot be acted on (checked for notifications only;
    /// the docs' response examples omit fields their tables require).
    pub required: bool,
    /// The docs' description.
    pub doc: &'static str,
}

/// The shape of a response's `data`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DataShape {
    /// A JSON object with these known fields (others are kept).
    Object(&'static [ResponseField]),
    /// A bare boolean (Bangladesh's pay-in submit).
    Boolean,
}

/// One endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EndpointDescriptor {
    /// The country code (`id`).
    pub country: &'static str,
    /// The spec's name (`pay-in`).
    pub name: &'static str,
    /// What it does.
    pub role: Role,
    /// One line on what it does.
    pub summary: &'static str,
    /// The path under the country's base URL, exact casing.
    pub path: &'static str,
    /// Where the signature goes.
    pub sign: SignPlacement,
    /// Whether and how `timestamp` is sent.
    pub timestamp: TimestampWire,
    /// Money-moving or read-only.
    pub effect: Effect,
    /// How an answer that is not accepted is read.
    pub unaccepted: Unaccepted,
    /// Documented or inferred.
    pub provenance: Provenance,
    /// The request body's fields (without `sign` and `timestamp`), in wire order.
    pub request: &'static [FieldSpec],
    /// The response's `data`.
    pub response: DataShape,
}

impl EndpointDescriptor {
    /// A request field by wire name.
    pub fn field(&self, wire: &str) -> Option<&'static FieldSpec> {
        self.request.iter().find(|f| f.wire == wire)
    }
}

/// A country's payment notification (callback).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotificationDescriptor {
    /// Whether callbacks carry `sign` (Kenya's do not).
    pub signed: bool,
    /// Whether callbacks carry `timestamp`.
    pub timestamped: bool,
    /// Documented or inferred.
    pub provenance: Provenance,
    /// The documented fields (others are kept).
    pub fields: &'static [ResponseField],
}

/// A country: its endpoints and notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CountryDescriptor {
    /// ISO-like code used in paths and the CLI (`id`).
    pub code: &'static str,
    /// English name.
    pub name: &'static str,
    /// ISO 4217 currency code.
    pub currency: &'static str,
    /// The sandbox base URL where the docs give one; `None` where it is unknown.
    pub sandbox_base_url: Option<&'static str>,
    /// Every endpoint.
    pub endpoints: &'static [&'static EndpointDescriptor],
    /// The payment notification.
    pub notification: &'static NotificationDescriptor,
}

impl CountryDescriptor {
    /// An endpoint by spec name (`query-pay-in`).
    pub fn endpoint(&self, name: &str) -> Option<&'static EndpointDescriptor> {
        self.endpoints.iter().copied().find(|e| e.name == name)
    }
}
