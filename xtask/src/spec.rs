//! The spec files as typed data, and every check that makes a spec invalid.
//!
//! Parsing is strict (`deny_unknown_fields`); each error names the file, the line and the rule.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

/// One problem in a spec file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Common {
    pub protocol: Protocol,
    pub signing: Signing,
    pub envelope: EnvelopeNames,
    pub outer_code: Vec<Spanned<OuterCodeSpec>>,
    /// The embedded sandbox's marker header.
    pub sandbox: SandboxSpec,
    /// The embedded sandbox's own codes: never read as Paypro's.
    pub sandbox_code: Vec<Spanned<SandboxCodeSpec>>,
    /// Response and notification fields every country shares, referenced by `use = "wire"`.
    #[serde(default)]
    pub shared_field: Vec<Spanned<ResponseField>>,
    pub status: Vec<Spanned<StatusSpec>>,
    pub failure: Vec<Spanned<FailureSpec>>,
    pub test_credentials: TestCredentials,
    /// The mark of each text format's rule, for every field whose only rule is that format and
    /// that gives no `rule_basis` of its own (`[format_basis]`: one place for the reason).
    #[serde(default)]
    pub format_basis: std::collections::BTreeMap<TextFormat, Basis>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Protocol {
    pub method: String,
    pub merchant_header: String,
    pub sign_field: String,
    pub timestamp_field: String,
    pub accepted_code: String,
    pub notify_ack: String,
    pub notify_retry_schedule_secs: Vec<u64>,
    pub status_message_fields: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signing {
    pub rule: String,
    /// Where the rule puts the secret: `append` or `prepend`.
    pub secret_placement: Placement,
    /// The documented alternative, for `paypro doctor` to try after a sign refusal.
    pub alternative_placement: Placement,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// Where the app secret goes in the signed bytes.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    Append,
    Prepend,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvelopeNames {
    pub msg: String,
    pub code: String,
    pub timestamp: String,
    pub success: String,
    pub data: String,
}

/// What an outer `code` proves about a request.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum OuterOutcome {
    Accepted,
    Refused,
    Uncertain,
}

/// Where an outer code comes from. (The sandbox's own codes have their own table.)
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum CodeSource {
    Documented,
    Inferred,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SandboxSpec {
    /// The response header the sandbox puts on every answer.
    pub answer_header: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SandboxCodeSpec {
    /// The constant's name (SCREAMING_SNAKE_CASE).
    pub name: String,
    pub code: String,
    pub outcome: OuterOutcome,
    pub meaning: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OuterCodeSpec {
    pub code: String,
    pub outcome: OuterOutcome,
    pub source: CodeSource,
    pub meaning: String,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Success,
    Partial,
    Processing,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusSpec {
    pub code: String,
    pub variant: String,
    pub outcome: Outcome,
    pub meaning: String,
    /// What the meaning rests on in every country not in `documented_for`.
    pub basis: Basis,
    /// Countries whose own pages state this meaning (documented there whatever `basis` says).
    #[serde(default)]
    pub documented_for: Vec<String>,
}

impl StatusSpec {
    /// This status's basis in country `code`.
    pub fn basis_in(&self, code: &str) -> Basis {
        if self.documented_for.iter().any(|c| c == code) {
            Basis::Documented(None)
        } else {
            self.basis.clone()
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FailureSpec {
    pub code: String,
    pub variant: String,
    pub meaning: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestCredentials {
    pub merchant_no: String,
    pub secret: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountrySpec {
    pub country: Spanned<Country>,
    #[serde(default)]
    pub endpoint: Vec<Spanned<Endpoint>>,
    pub notification: Spanned<Notification>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub code: String,
    pub name: String,
    pub currency: String,
    pub sandbox_base_url: Option<String>,
    pub sandbox_merchant_no: Option<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum SignPlacement {
    Body,
    Header,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum TimestampWire {
    String,
    Number,
    Absent,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Effect {
    MovesMoney,
    ReadOnly,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Provenance {
    #[default]
    Documented,
    Inferred,
}

/// What a response's field list rests on (`response_provenance`).
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ResponseProvenance {
    /// The page's response table (or example) lists these fields.
    Documented,
    /// Part of the table was recovered; `response_notes` say which fields are inferred.
    Partial,
    /// The table was not recovered; `response_notes` say what the fields follow.
    Inferred,
}

/// The basis of a spec point that states a fact or a rule: the page says it, the project
/// inferred it (from what), or the SDK adds it for safety (why). Written
/// `"documented"`, `{ documented = "page" }`, `{ inferred = "from what" }` or
/// `{ sdk = "why" }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// The page says it (optionally naming the page).
    Documented(Option<String>),
    /// Not on any page: what it is inferred from.
    Inferred(String),
    /// A rule the SDK adds for safety: its reason.
    Sdk(String),
}

impl Basis {
    /// How the generated docs show it: `Documented.`, `Documented (page).`,
    /// `Inferred: note` or `SDK rule: reason`.
    pub fn text(&self) -> String {
        let sentence = |s: &str| {
            let s = s.trim();
            if s.ends_with(['.', '!', '?', ')']) {
                s.to_string()
            } else {
                format!("{s}.")
            }
        };
        match self {
            Basis::Documented(None) => "Documented.".into(),
            Basis::Documented(Some(page)) => format!("Documented ({}).", page.trim()),
            Basis::Inferred(note) => format!("Inferred: {}", sentence(note)),
            Basis::Sdk(reason) => format!("SDK rule: {}", sentence(reason)),
        }
    }

    pub fn is_documented(&self) -> bool {
        matches!(self, Basis::Documented(_))
    }
}

impl<'de> Deserialize<'de> for Basis {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(BasisVisitor)
    }
}

const BASIS_FORMS: &str = "write \"documented\", { documented = \"page\" }, { inferred = \"from what\" } or { sdk = \"why the SDK adds it\" }";

struct BasisVisitor;

impl<'de> serde::de::Visitor<'de> for BasisVisitor {
    type Value = Basis;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a basis: {BASIS_FORMS}")
    }

    fn visit_str<E: serde::de::Error>(self, w: &str) -> Result<Basis, E> {
        match w {
            "documented" => Ok(Basis::Documented(None)),
            "inferred" | "sdk" => Err(E::custom(format!(
                "basis `{w}` needs its note: write {{ {w} = \"...\" }} ({})",
                if w == "sdk" {
                    "why the SDK adds the rule"
                } else {
                    "what it is inferred from"
                }
            ))),
            _ => Err(E::custom(format!("unknown basis `{w}`: {BASIS_FORMS}"))),
        }
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Basis, A::Error> {
        use serde::de::Error;
        let Some((key, text)) = map.next_entry::<String, String>()? else {
            return Err(A::Error::custom(format!(
                "an empty basis table: {BASIS_FORMS}"
            )));
        };
        if map.next_key::<String>()?.is_some() {
            return Err(A::Error::custom(format!(
                "a basis table has exactly one key: {BASIS_FORMS}"
            )));
        }
        if text.trim().is_empty() {
            return Err(A::Error::custom(format!(
                "basis `{key}` has an empty note: {BASIS_FORMS}"
            )));
        }
        match key.as_str() {
            "documented" => Ok(Basis::Documented(Some(text))),
            "inferred" => Ok(Basis::Inferred(text)),
            "sdk" => Ok(Basis::Sdk(text)),
            _ => Err(A::Error::custom(format!(
                "unknown basis `{key}`: {BASIS_FORMS}"
            ))),
        }
    }
}

/// How an endpoint's answer with an outer code other than the accepted one is read.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Unaccepted {
    /// By the `[[outer_code]]` table of common.toml (unlisted codes are uncertain).
    #[default]
    ByCode,
    /// Every such code means "being processed" (Bangladesh's pay-in submit).
    Processing,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum DataShape {
    #[default]
    Object,
    Boolean,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    PayIn,
    Cashier,
    PayInSubmit,
    Payout,
    QueryPayIn,
    QueryPayout,
    QueryReceipt,
    Balance,
    AccountVerify,
    Voucher,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Endpoint {
    pub name: String,
    pub role: Role,
    pub summary: String,
    pub doc: Option<String>,
    pub path: String,
    pub sign: SignPlacement,
    pub timestamp: TimestampWire,
    pub effect: Effect,
    #[serde(default)]
    pub unaccepted: Unaccepted,
    pub reconcile_with: Option<String>,
    pub provenance: Provenance,
    pub source: String,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub data: DataShape,
    /// Required: what the response's fields rest on.
    pub response_provenance: ResponseProvenance,
    #[serde(default)]
    pub response_notes: Vec<String>,
    #[serde(default)]
    pub request: Vec<Spanned<RequestField>>,
    #[serde(default)]
    pub response: Vec<Spanned<ResponseField>>,
    pub example: Option<Spanned<Example>>,
    pub response_example: Option<Spanned<Example>>,
    /// Where the spec deliberately differs from the docs' page: read by `cargo xtask docs diff`.
    #[serde(default)]
    pub docs: DocsQuirks,
}

/// The docs' own wording where the spec deliberately deviates (`[endpoint.docs]`); these are
/// not reported by `cargo xtask docs diff`. The generator does not use them.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DocsQuirks {
    /// Field → the page's type word (`timestamp = "long"` where a string is sent).
    #[serde(default)]
    pub types: std::collections::BTreeMap<String, String>,
    /// Field → the page's requiredness where the spec's differs.
    #[serde(default)]
    pub required: std::collections::BTreeMap<String, bool>,
    /// Field → values the spec accepts that the page does not list.
    #[serde(default)]
    pub unlisted_values: std::collections::BTreeMap<String, Vec<String>>,
    /// Response fields the spec reads that the page's table does not list.
    #[serde(default)]
    pub response_absent: Vec<String>,
    /// Response fields the page's table marks not required (every other listed one is
    /// expected to be marked required).
    #[serde(default)]
    pub response_optional: Vec<String>,
    /// Response field → the page's type word, where it is not one the spec's kind expects.
    #[serde(default)]
    pub response_types: std::collections::BTreeMap<String, String>,
    /// Request field → what the page's prose says of a rule where the spec's rule differs,
    /// as `docs diff` words it (`"between 50 and 20000 (adjustable)"`), one or a list.
    #[serde(default)]
    pub rules: std::collections::BTreeMap<String, OneOrMany>,
    /// Request-example key → the page's value where the spec's example differs.
    #[serde(default)]
    pub example: std::collections::BTreeMap<String, toml::Value>,
    /// Response-example key (`data.x` inside data) → the page's value.
    #[serde(default)]
    pub response_example: std::collections::BTreeMap<String, toml::Value>,
}

/// One string or a list of them.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// The mark `cargo xtask docs diff --apply` leaves on what it changed.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ImportMark {
    DocsImport,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    Text,
    Amount,
    Enum,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum WireType {
    #[default]
    String,
    Number,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestField {
    pub wire: String,
    pub rust: Option<String>,
    pub kind: FieldKind,
    /// `"docs-import"`: written or changed by `cargo xtask docs diff --apply`, to review.
    #[serde(default)]
    pub provenance: Option<ImportMark>,
    #[serde(default)]
    pub wire_type: WireType,
    pub required: bool,
    pub doc: String,
    pub min: Option<u64>,
    pub max: Option<u64>,
    /// The docs call min/max adjustable per merchant: the builder gets `<field>_limits`.
    #[serde(default)]
    pub adjustable_bounds: bool,
    pub digits: Option<[u32; 2]>,
    #[serde(default)]
    pub prefixes: Vec<String>,
    pub max_len: Option<u32>,
    /// A structured text value: `http_url` or `clabe`.
    pub format: Option<TextFormat>,
    /// `format` applies only when another request field has a value.
    pub format_when: Option<FormatWhen>,
    #[serde(default)]
    pub values: Vec<EnumValue>,
    /// What the field's rules (bounds, digits, prefixes, length, format, the closed list of an
    /// enum) rest on; required when it has one.
    pub rule_basis: Option<Basis>,
    #[serde(default)]
    pub notes: Vec<String>,
}

impl RequestField {
    /// The field's rules in words, for the docs, when it has any.
    /// Takes its format's shared mark (common.toml's `[format_basis]`) when the format is its
    /// only rule and it gives no `rule_basis` of its own.
    pub fn take_format_basis(&mut self, bases: &std::collections::BTreeMap<TextFormat, Basis>) {
        if self.rule_basis.is_some() || self.rule_words().len() != 1 {
            return;
        }
        if let Some(basis) = self.format.and_then(|f| bases.get(&f)) {
            self.rule_basis = Some(basis.clone());
        }
    }

    pub fn rule_words(&self) -> Vec<String> {
        let mut rules: Vec<String> = crate::rules::of(self)
            .iter()
            .map(crate::rules::describe)
            .collect();
        if self.kind == FieldKind::Enum {
            rules.push("one of the listed values (others are refused)".into());
        }
        rules
    }

    /// The basis of the field's rules as the docs show it (`Rules: SDK rule: ...`), when it
    /// has rules.
    pub fn rule_mark(&self) -> Option<String> {
        self.rule_basis
            .as_ref()
            .map(|b| format!("Basis of the rules: {}", b.text()))
    }
}

/// A structured text format a request field must hold.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum TextFormat {
    /// An absolute http(s) URL with a host.
    HttpUrl,
    /// A Mexican CLABE: 18 digits with its check digit (a banking standard).
    Clabe,
}

/// "When field `field` is `is`".
#[derive(Debug, Deserialize, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FormatWhen {
    pub field: String,
    pub is: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnumValue {
    pub wire: String,
    pub doc: String,
    pub rust: Option<String>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    Text,
    Decimal,
    Integer,
    Boolean,
    Status,
}

/// A field of a response's `data` or of a notification: written out, or `use = "name"` of a
/// `[[shared_field]]` in common.toml (whose `doc` and `notes` it may add to or replace).
#[derive(Debug, Clone)]
pub struct ResponseField {
    pub wire: String,
    pub rust: Option<String>,
    pub aliases: Vec<String>,
    pub kind: ValueKind,
    /// Notifications: a callback without it cannot be acted on, and is refused.
    pub required: bool,
    /// The amount actually paid (what `is_fully_paid` compares with the expected amount).
    pub paid: bool,
    /// What reading this field as the paid amount rests on; required with `paid`.
    pub paid_basis: Option<Basis>,
    pub doc: String,
    pub notes: Vec<String>,
    /// A status field's codes and their basis in this country (`status_marks`), filled in
    /// when the country file is loaded; never written in a spec file.
    pub status_marks: Vec<String>,
}

impl ResponseField {
    /// The field's marks as the docs show them: the basis of `paid` and, for a status, of
    /// each status code's meaning.
    pub fn marks(&self) -> Vec<String> {
        let mut marks = Vec::new();
        if let (true, Some(b)) = (self.paid, &self.paid_basis) {
            marks.push(format!(
                "Read as the amount actually paid (`is_fully_paid`, `order_event`): {}",
                b.text()
            ));
        }
        marks.extend(self.status_marks.iter().cloned());
        marks
    }
}

/// One line per status code: what its meaning rests on in country `code`.
pub fn status_marks(statuses: &[Spanned<StatusSpec>], code: &str) -> Vec<String> {
    statuses
        .iter()
        .map(|s| {
            let s = s.get_ref();
            format!(
                "Status `{}` ({}): {}",
                s.code,
                s.variant,
                s.basis_in(code).text()
            )
        })
        .collect()
}

/// A response field as written: either complete, or a reference to a shared field.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ResponseFieldInput {
    #[serde(rename = "use")]
    uses: Option<String>,
    wire: Option<String>,
    rust: Option<String>,
    aliases: Option<Vec<String>>,
    kind: Option<ValueKind>,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    paid: bool,
    paid_basis: Option<Basis>,
    doc: Option<String>,
    #[serde(default)]
    notes: Vec<String>,
}

thread_local! {
    /// The shared fields of common.toml while the country files are parsed.
    static SHARED_FIELDS: std::cell::RefCell<Vec<ResponseField>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Makes `fields` the targets of `use = "..."` while `parse` runs.
pub fn with_shared_fields<T>(fields: Vec<ResponseField>, parse: impl FnOnce() -> T) -> T {
    SHARED_FIELDS.with(|s| *s.borrow_mut() = fields);
    let out = parse();
    SHARED_FIELDS.with(|s| s.borrow_mut().clear());
    out
}

impl<'de> Deserialize<'de> for ResponseField {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let i = ResponseFieldInput::deserialize(d)?;
        match i.uses {
            Some(name) => {
                if i.wire.is_some() || i.rust.is_some() || i.aliases.is_some() || i.kind.is_some() {
                    return Err(D::Error::custom(format!(
                        "`use = \"{name}\"` takes wire, rust, aliases and kind from the shared field; only doc, notes, required, paid and paid_basis may be given here"
                    )));
                }
                let shared = SHARED_FIELDS
                    .with(|s| s.borrow().iter().find(|f| f.wire == name).cloned())
                    .ok_or_else(|| {
                        D::Error::custom(format!(
                            "`use = \"{name}\"`: common.toml has no [[shared_field]] with wire = \"{name}\""
                        ))
                    })?;
                let mut notes = shared.notes;
                notes.extend(i.notes);
                Ok(ResponseField {
                    doc: i.doc.unwrap_or(shared.doc),
                    notes,
                    required: i.required || shared.required,
                    paid: i.paid || shared.paid,
                    paid_basis: i.paid_basis.or(shared.paid_basis),
                    ..shared
                })
            }
            None => {
                let missing = |what: &str| {
                    D::Error::custom(format!("missing field `{what}` (or `use` a shared field)"))
                };
                Ok(ResponseField {
                    wire: i.wire.ok_or_else(|| missing("wire"))?,
                    rust: i.rust,
                    aliases: i.aliases.unwrap_or_default(),
                    kind: i.kind.ok_or_else(|| missing("kind"))?,
                    required: i.required,
                    paid: i.paid,
                    paid_basis: i.paid_basis,
                    doc: i.doc.ok_or_else(|| missing("doc"))?,
                    notes: i.notes,
                    status_marks: Vec::new(),
                })
            }
        }
    }
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    Docs,
    DocsPartial,
    Constructed,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub origin: Origin,
    pub note: Option<String>,
    pub json: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notification {
    pub signed: bool,
    pub timestamped: bool,
    pub provenance: Provenance,
    pub source: String,
    #[serde(default)]
    pub notes: Vec<String>,
    pub field: Vec<Spanned<ResponseField>>,
    pub example: Option<Spanned<Example>>,
}

/// A loaded spec file: its path (as shown in errors and headers), text and parsed content.
pub struct Loaded<T> {
    /// `spec/id.toml`, relative to the workspace root.
    pub display_path: PathBuf,
    pub text: String,
    pub spec: T,
}

impl<T> Loaded<T> {
    pub fn line_of(&self, offset: usize) -> usize {
        line_of(&self.text, offset)
    }

    pub fn error(&self, span: std::ops::Range<usize>, message: impl Into<String>) -> SpecError {
        SpecError {
            file: self.display_path.clone(),
            line: self.line_of(span.start),
            message: message.into(),
        }
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1
}

/// Parses one spec file strictly.
pub fn parse<T: for<'de> Deserialize<'de>>(
    display_path: &Path,
    text: String,
) -> Result<Loaded<T>, SpecError> {
    match toml::from_str::<T>(&text) {
        Ok(spec) => Ok(Loaded {
            display_path: display_path.to_path_buf(),
            text,
            spec,
        }),
        Err(e) => Err(SpecError {
            file: display_path.to_path_buf(),
            line: e.span().map_or(1, |s| line_of(&text, s.start)),
            message: e.message().trim().to_string(),
        }),
    }
}

pub fn is_kebab(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !name.ends_with('-')
        && !name.contains("--")
}

pub fn is_rust_ident(name: &str) -> bool {
    syn::parse_str::<syn::Ident>(name).is_ok()
}

/// Checks what serde cannot: uniqueness, rule sanity, names. Examples are checked by
/// `crate::example`.
pub fn check_country(file: &Loaded<CountrySpec>, errors: &mut Vec<SpecError>) {
    let spec = &file.spec;
    let country = spec.country.get_ref();
    let stem = file
        .display_path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if country.code != stem {
        errors.push(file.error(
            spec.country.span(),
            format!(
                "country code `{}` must match the file name `{stem}.toml`",
                country.code
            ),
        ));
    }
    if country.code.len() != 2 || !country.code.chars().all(|c| c.is_ascii_lowercase()) {
        errors.push(file.error(
            spec.country.span(),
            format!(
                "country code `{}` must be two lowercase letters",
                country.code
            ),
        ));
    }
    if country.currency.len() != 3 || !country.currency.chars().all(|c| c.is_ascii_uppercase()) {
        errors.push(file.error(
            spec.country.span(),
            format!(
                "currency `{}` must be a three-letter ISO 4217 code",
                country.currency
            ),
        ));
    }
    if spec.endpoint.is_empty() {
        errors.push(file.error(
            spec.country.span(),
            "a country needs at least one [[endpoint]]",
        ));
    }
    let mut names = BTreeSet::new();
    for endpoint in &spec.endpoint {
        let e = endpoint.get_ref();
        let at = |msg: String| file.error(endpoint.span(), format!("endpoint `{}`: {msg}", e.name));
        if !is_kebab(&e.name) {
            errors.push(at("name must be kebab-case (`query-pay-in`)".into()));
        }
        if !names.insert(e.name.clone()) {
            errors.push(at("duplicate endpoint name".into()));
        }
        if !e.path.starts_with('/') || e.path.contains(char::is_whitespace) {
            errors.push(at(format!(
                "path `{}` must start with `/` and contain no spaces",
                e.path
            )));
        }
        if e.example.is_none() {
            errors.push(at(
                "missing [endpoint.example] (use origin = \"constructed\" with a note when the docs show none)"
                    .into(),
            ));
        }
        if e.response_provenance != ResponseProvenance::Documented
            && e.response_notes.iter().all(|n| n.trim().is_empty())
        {
            errors.push(at(
                "response_provenance \"partial\" or \"inferred\" needs `response_notes` saying which fields are inferred and from what".into(),
            ));
        }
        if e.data == DataShape::Boolean && !e.response.is_empty() {
            errors.push(at(
                "data = \"boolean\" takes no [[endpoint.response]] fields".into(),
            ));
        }
        if let Some(target) = &e.reconcile_with {
            let query = spec
                .endpoint
                .iter()
                .map(|q| q.get_ref())
                .find(|q| q.name == *target);
            let usable = query.is_some_and(|q| {
                q.effect == Effect::ReadOnly
                    && q.request.iter().any(|f| {
                        let f = f.get_ref();
                        f.wire == "tradeNo" && f.required && f.kind == FieldKind::Text
                    })
                    && q.response
                        .iter()
                        .any(|f| f.get_ref().kind == ValueKind::Status)
            });
            if e.effect != Effect::MovesMoney {
                errors.push(at(
                    "reconcile_with applies only to money-moving endpoints".into()
                ));
            } else if !usable {
                errors.push(at(format!(
                    "reconcile_with = \"{target}\" must name a read-only endpoint of this file that takes a required text `tradeNo` and answers a `status`"
                )));
            }
        }
        check_request_fields(file, &e.name, &e.request, errors);
        check_response_fields(file, &format!("endpoint `{}`", e.name), &e.response, errors);
        for example in [&e.example, &e.response_example].into_iter().flatten() {
            check_example_note(file, example, errors);
        }
    }
    let n = spec.notification.get_ref();
    check_response_fields(file, "notification", &n.field, errors);
    if let Some(example) = &n.example {
        check_example_note(file, example, errors);
    }
}

fn check_example_note(
    file: &Loaded<CountrySpec>,
    example: &Spanned<Example>,
    errors: &mut Vec<SpecError>,
) {
    let ex = example.get_ref();
    if ex.origin != Origin::Docs && ex.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
        errors.push(file.error(
            example.span(),
            "an example that is not the docs' own (origin docs-partial or constructed) needs a `note` saying why",
        ));
    }
}

fn check_request_fields(
    file: &Loaded<CountrySpec>,
    endpoint: &str,
    fields: &[Spanned<RequestField>],
    errors: &mut Vec<SpecError>,
) {
    let mut wires = BTreeSet::new();
    let mut rusts = BTreeSet::new();
    for field in fields {
        let f = field.get_ref();
        let mut fail = |msg: String| {
            errors.push(file.error(
                field.span(),
                format!("endpoint `{endpoint}`, field `{}`: {msg}", f.wire),
            ))
        };
        if !wires.insert(f.wire.clone()) {
            fail("duplicate wire name".into());
        }
        if f.wire == "sign" || f.wire == "timestamp" {
            fail("`sign` and `timestamp` are implied by the endpoint's `sign` and `timestamp` keys; do not list them".into());
        }
        let rust = crate::names::field_ident(&f.wire, f.rust.as_deref());
        if !is_rust_ident(&rust) {
            fail(format!(
                "`{rust}` is not a valid Rust field name; set `rust`"
            ));
        }
        if !rusts.insert(rust.clone()) {
            fail(format!("duplicate Rust name `{rust}`"));
        }
        if f.wire_type == WireType::Number && f.kind != FieldKind::Amount {
            fail("wire_type = \"number\" is only for kind = \"amount\"".into());
        }
        if f.kind == FieldKind::Amount && !f.required {
            fail("amount fields must be required (no documented amount is optional)".into());
        }
        if f.adjustable_bounds
            && (f.kind != FieldKind::Amount || (f.min.is_none() && f.max.is_none()))
        {
            fail("adjustable_bounds applies to an amount with min or max".into());
        }
        if f.kind != FieldKind::Amount && (f.min.is_some() || f.max.is_some()) {
            fail("min/max apply only to kind = \"amount\"".into());
        }
        if let (Some(min), Some(max)) = (f.min, f.max) {
            if min > max {
                fail(format!("min {min} is greater than max {max}"));
            }
        }
        if f.kind != FieldKind::Text
            && (f.digits.is_some() || !f.prefixes.is_empty() || f.max_len.is_some())
        {
            fail("digits, prefixes and max_len apply only to kind = \"text\"".into());
        }
        if let Some([lo, hi]) = f.digits {
            if lo == 0 || lo > hi {
                fail(format!("digits = [{lo}, {hi}] must have 0 < min <= max"));
            }
            if f.prefixes
                .iter()
                .any(|p| !p.bytes().all(|b| b.is_ascii_digit()))
            {
                fail("with `digits`, every prefix must be digits too".into());
            }
            if f.prefixes.iter().any(|p| p.len() > hi as usize) {
                fail("a prefix is longer than the maximum digit count".into());
            }
        }
        if f.max_len == Some(0) {
            fail("max_len must be at least 1".into());
        }
        if f.format.is_some() && f.kind != FieldKind::Text {
            fail("format applies only to kind = \"text\"".into());
        }
        if f.format.is_some() && (f.digits.is_some() || !f.prefixes.is_empty()) {
            fail("format replaces digits and prefixes; give one or the other".into());
        }
        if let Some(when) = &f.format_when {
            if f.format.is_none() {
                fail("format_when needs a format".into());
            }
            match fields
                .iter()
                .map(|o| o.get_ref())
                .find(|o| o.wire == when.field)
            {
                None => fail(format!(
                    "format_when names `{}`, not a field of this request",
                    when.field
                )),
                Some(o) if o.wire == f.wire => fail("format_when names the field itself".into()),
                Some(o)
                    if o.kind == FieldKind::Enum && !o.values.iter().any(|v| v.wire == when.is) =>
                {
                    fail(format!(
                        "format_when: `{}` is not a value of `{}`",
                        when.is, when.field
                    ))
                }
                Some(o) if o.kind == FieldKind::Amount => {
                    fail("format_when cannot depend on an amount".into())
                }
                Some(_) => {}
            }
        }
        if f.prefixes.iter().any(String::is_empty) {
            fail("empty prefix".into());
        }
        let rules = f.rule_words();
        match (rules.is_empty(), &f.rule_basis) {
            (false, None) => fail(format!(
                "states a rule ({}) but has no `rule_basis`: mark it rule_basis = \"documented\" (the page says it), {{ inferred = \"from what\" }} or {{ sdk = \"why the SDK adds it\" }}",
                rules.join(", ")
            )),
            (true, Some(_)) => fail(
                "has a `rule_basis` but states no rule (bounds, digits, prefixes, max_len, format or enum values)".into(),
            ),
            _ => {}
        }
        match (f.kind, f.values.is_empty()) {
            (FieldKind::Enum, true) => fail("kind = \"enum\" needs `values`".into()),
            (FieldKind::Enum, false) => {
                let mut seen = BTreeSet::new();
                let mut variants = BTreeSet::new();
                for v in &f.values {
                    if v.wire.is_empty() || !seen.insert(v.wire.clone()) {
                        fail(format!("enum value `{}` is empty or repeated", v.wire));
                    }
                    let variant = crate::names::variant_ident(&v.wire, v.rust.as_deref());
                    if !is_rust_ident(&variant) || !variants.insert(variant.clone()) {
                        fail(format!(
                            "enum value `{}` gives the variant name `{variant}`, which is invalid or repeated; set `rust`",
                            v.wire
                        ));
                    }
                }
            }
            (_, false) => fail("`values` applies only to kind = \"enum\"".into()),
            _ => {}
        }
    }
}

fn check_response_fields(
    file: &Loaded<CountrySpec>,
    owner: &str,
    fields: &[Spanned<ResponseField>],
    errors: &mut Vec<SpecError>,
) {
    let paid: Vec<_> = fields.iter().filter(|f| f.get_ref().paid).collect();
    if paid.len() > 1 {
        errors.push(file.error(
            paid[1].span(),
            format!("{owner}: only one field can be `paid`"),
        ));
    }
    for f in fields {
        let g = f.get_ref();
        match (g.paid, &g.paid_basis) {
            (true, None) => errors.push(file.error(
                f.span(),
                format!(
                    "{owner}, field `{}`: `paid = true` needs a `paid_basis`: \"documented\" (the page calls it the amount actually paid), {{ inferred = \"from what\" }} or {{ sdk = \"why\" }}",
                    g.wire
                ),
            )),
            (false, Some(_)) => errors.push(file.error(
                f.span(),
                format!("{owner}, field `{}`: `paid_basis` without `paid = true`", g.wire),
            )),
            _ => {}
        }
    }
    for f in &paid {
        let g = f.get_ref();
        if g.kind != ValueKind::Decimal
            || !fields.iter().any(|s| s.get_ref().kind == ValueKind::Status)
        {
            errors.push(file.error(
                f.span(),
                format!(
                    "{owner}, field `{}`: `paid` marks a decimal amount next to a status",
                    g.wire
                ),
            ));
        }
    }
    if owner != "notification" {
        for f in fields.iter().filter(|f| f.get_ref().required) {
            errors.push(file.error(
                f.span(),
                format!("{owner}, field `{}`: `required` applies to notification fields only (the docs' response examples omit required fields)", f.get_ref().wire),
            ));
        }
    }
    let mut names = BTreeSet::new();
    let mut rusts = BTreeSet::new();
    for field in fields {
        let f = field.get_ref();
        let mut fail = |msg: String| {
            errors.push(file.error(field.span(), format!("{owner}, field `{}`: {msg}", f.wire)))
        };
        for name in std::iter::once(&f.wire).chain(&f.aliases) {
            if !names.insert(name.clone()) {
                fail(format!(
                    "the name `{name}` is used twice (as a wire name or alias)"
                ));
            }
        }
        let rust = crate::names::field_ident(&f.wire, f.rust.as_deref());
        if !is_rust_ident(&rust) || rust == "extra" {
            fail(format!(
                "`{rust}` is not a usable Rust field name; set `rust`"
            ));
        }
        if !rusts.insert(rust.clone()) {
            fail(format!("duplicate Rust name `{rust}`"));
        }
    }
}

/// Checks the shared file.
pub fn check_common(file: &Loaded<Common>, errors: &mut Vec<SpecError>) {
    let signing = &file.spec.signing;
    if signing.secret_placement == signing.alternative_placement {
        let at = file.text.find("alternative_placement").unwrap_or(0);
        errors.push(file.error(
            at..at,
            "[signing]: alternative_placement must differ from secret_placement",
        ));
    }
    // `method` drives the runtime (`protocol::METHOD`: what the client sends, the sandbox and the
    // test server accept, the snapshots' request line). `sign_field` and `timestamp_field` name
    // the fields in every generated constant, the OpenAPI documents and the snapshots; the
    // derive, which cannot read them, sorts `timestamp` among a request's fields at compile time
    // and refuses a field named `sign`, so another spelling is refused here, where it is written
    // (paypro-core's build asserts the same).
    let protocol = &file.spec.protocol;
    let key_at = |key: &str| {
        let at = file.text.find(&format!("{key} =")).unwrap_or(0);
        at..at
    };
    if protocol.method.is_empty() || !protocol.method.bytes().all(|b| b.is_ascii_uppercase()) {
        errors.push(file.error(
            key_at("method"),
            "[protocol]: method must be an HTTP method in capitals (`POST`)",
        ));
    }
    for (key, value, fixed) in [
        ("sign_field", &protocol.sign_field, "sign"),
        ("timestamp_field", &protocol.timestamp_field, "timestamp"),
    ] {
        if value != fixed {
            errors.push(file.error(
                key_at(key),
                format!(
                    "[protocol]: {key} must be `{fixed}`: #[derive(Signable)] (crates/paypro-derive) spells it at compile time, where it sorts a request's fields"
                ),
            ));
        }
    }
    let mut codes = BTreeSet::new();
    let mut variants = BTreeSet::new();
    let mut outcomes = BTreeSet::new();
    let entries = file
        .spec
        .status
        .iter()
        .map(|s| (s.span(), &s.get_ref().code, &s.get_ref().variant))
        .chain(
            file.spec
                .failure
                .iter()
                .map(|f| (f.span(), &f.get_ref().code, &f.get_ref().variant)),
        );
    for (span, code, variant) in entries {
        if !codes.insert(code.clone()) {
            errors.push(file.error(
                span.clone(),
                format!("status code `{code}` is listed twice"),
            ));
        }
        if !is_rust_ident(variant)
            || !variants.insert(variant.clone())
            || variant == "Failed"
            || variant == "Other"
        {
            errors.push(file.error(
                span,
                format!("variant `{variant}` is invalid, repeated or reserved"),
            ));
        }
    }
    let mut outer = BTreeSet::new();
    for o in &file.spec.outer_code {
        let c = o.get_ref();
        if !outer.insert(c.code.clone()) {
            errors.push(file.error(o.span(), format!("outer code `{}` is listed twice", c.code)));
        }
        if c.code.is_empty() || c.code.contains(char::is_whitespace) {
            errors.push(file.error(o.span(), "an outer code is a non-empty word"));
        }
        let accepted = c.code == file.spec.protocol.accepted_code;
        if accepted != (c.outcome == OuterOutcome::Accepted) {
            errors.push(file.error(
                o.span(),
                format!(
                    "outer code `{}`: outcome \"accepted\" is for the protocol's accepted_code `{}` only, and that code must be accepted",
                    c.code, file.spec.protocol.accepted_code
                ),
            ));
        }
        if c.source != CodeSource::Documented
            && c.outcome != OuterOutcome::Refused
            && c.note.as_deref().is_none_or(|n| n.trim().is_empty())
        {
            errors.push(file.error(
                o.span(),
                format!(
                    "outer code `{}`: an inferred code needs a `note` saying why",
                    c.code
                ),
            ));
        }
    }
    let header = &file.spec.sandbox.answer_header;
    if header.is_empty()
        || !header
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        errors.push(SpecError {
            file: file.display_path.clone(),
            line: 1,
            message: format!(
                "[sandbox] answer_header `{header}` must be a lowercase HTTP header name"
            ),
        });
    }
    let mut sandbox_names = BTreeSet::new();
    for o in &file.spec.sandbox_code {
        let c = o.get_ref();
        if outer.contains(&c.code) {
            errors.push(file.error(
                o.span(),
                format!(
                    "sandbox code `{}` is also an [[outer_code]]: the sandbox's codes must not be Paypro's",
                    c.code
                ),
            ));
        }
        if !outer.insert(c.code.clone()) {
            errors.push(file.error(
                o.span(),
                format!("sandbox code `{}` is listed twice", c.code),
            ));
        }
        if c.code.is_empty() || c.code.contains(char::is_whitespace) {
            errors.push(file.error(o.span(), "a sandbox code is a non-empty word"));
        }
        if c.outcome == OuterOutcome::Accepted {
            errors.push(file.error(
                o.span(),
                format!("sandbox code `{}` cannot be \"accepted\"", c.code),
            ));
        }
        let screaming = !c.name.is_empty()
            && c.name.starts_with(|ch: char| ch.is_ascii_uppercase())
            && c.name
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        if !screaming || !sandbox_names.insert(c.name.clone()) {
            errors.push(file.error(
                o.span(),
                format!(
                    "sandbox code name `{}` must be SCREAMING_SNAKE_CASE and unique",
                    c.name
                ),
            ));
        }
    }
    if !outer.contains(&file.spec.protocol.accepted_code) {
        errors.push(SpecError {
            file: file.display_path.clone(),
            line: 1,
            message: "[[outer_code]] must list the protocol's accepted_code".into(),
        });
    }
    for s in &file.spec.status {
        let st = s.get_ref();
        for code in &st.documented_for {
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
                errors.push(file.error(
                    s.span(),
                    format!(
                        "status `{}`: documented_for lists country codes (two lowercase letters), not `{code}`",
                        st.code
                    ),
                ));
            }
        }
        if st.basis.is_documented() && !st.documented_for.is_empty() {
            errors.push(file.error(
                s.span(),
                format!(
                    "status `{}`: documented_for lists the countries where a status that is not documented everywhere is; its basis is already \"documented\"",
                    st.code
                ),
            ));
        }
        if !outcomes.insert(format!("{:?}", s.get_ref().outcome)) {
            errors.push(file.error(
                s.span(),
                "each outcome (success, partial, processing) is listed once",
            ));
        }
    }
    if outcomes.len() != 3 {
        errors.push(SpecError {
            file: file.display_path.clone(),
            line: 1,
            message: "[[status]] must list the success, partial and processing outcomes".into(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(toml_text: &str, shared: Vec<ResponseField>) -> Result<ResponseField, String> {
        with_shared_fields(shared, || toml::from_str::<ResponseField>(toml_text))
            .map_err(|e| e.message().to_string())
    }

    fn trade_no() -> ResponseField {
        field(
            "wire = \"platFormTradeNo\"\naliases = [\"payproTradeNo\"]\nkind = \"text\"\ndoc = \"Paypro number.\"\nnotes = [\"shared\"]",
            vec![],
        )
        .unwrap()
    }

    #[test]
    fn a_use_takes_the_shared_field_and_its_own_doc_and_notes() {
        let f = field(
            "use = \"platFormTradeNo\"\nnotes = [\"here\"]\nrequired = true",
            vec![trade_no()],
        )
        .unwrap();
        assert_eq!(
            (f.wire.as_str(), f.aliases.as_slice(), f.kind),
            (
                "platFormTradeNo",
                &["payproTradeNo".to_string()][..],
                ValueKind::Text
            )
        );
        assert_eq!(f.doc, "Paypro number.");
        assert_eq!(f.notes, ["shared", "here"]);
        assert!(f.required);
        let f = field(
            "use = \"platFormTradeNo\"\ndoc = \"Own.\"",
            vec![trade_no()],
        )
        .unwrap();
        assert_eq!(f.doc, "Own.");
    }

    #[test]
    fn a_use_names_a_shared_field_and_overrides_only_what_it_may() {
        let e = field("use = \"nope\"", vec![trade_no()]).unwrap_err();
        assert!(
            e.contains("no [[shared_field]] with wire = \"nope\""),
            "{e}"
        );
        let e = field(
            "use = \"platFormTradeNo\"\nkind = \"decimal\"",
            vec![trade_no()],
        )
        .unwrap_err();
        assert!(
            e.contains("only doc, notes, required, paid and paid_basis"),
            "{e}"
        );
        let e = field("wire = \"x\"\ndoc = \"d\"", vec![]).unwrap_err();
        assert!(e.contains("missing field `kind`"), "{e}");
    }
}
