//! `openapi/paypro-<cc>.json`: an OpenAPI 3.1 document per country, built from the same spec
//! as the crates (xtask links none of them, so the JSON Schemas are written here, not taken
//! from schemars). Keys are sorted (serde_json's map), so the output is deterministic.
//!
//! What other tools read from it, and where it comes from:
//! - request schemas: each rule the builders enforce, from the one rule table
//!   ([`crate::rules`]) as JSON Schema keywords; a rule no keyword can state (the CLABE check
//!   digit, the URL parser's own refusals) is named in `x-paypro-rules-beyond-schema` and in
//!   words ([`request_field_schema`], [`format_schema`]);
//! - shared components: `Envelope`, `Status`, `Amount`, `Notification`, and per operation
//!   `<Op>Request`, `<Op>Data`, `<Op>Response` ([`components`]);
//! - order numbers and other texts are strings; a field's other spellings are one property
//!   with `x-aliases` ([`response_property`]);
//! - every example's `sign` is computed with the test secret, and its description says so
//!   ([`example_object`]);
//! - `servers`, tags, and `security: []` (the merchant number is a plain header, the sign is
//!   in the body: there is no security scheme).

use serde_json::{Map, Value, json};

use crate::codegen::{Files, Specs};
use crate::names;
use crate::rules::{self, Rule};
use crate::spec::{
    Common, CountrySpec, DataShape, Effect, Endpoint, Example, FieldKind, Origin, Provenance,
    RequestField, ResponseField, ResponseProvenance, SignPlacement, TextFormat, TimestampWire,
    ValueKind, WireType,
};

/// The directory the generator owns for the documents.
pub const DIR: &str = "openapi";

/// The extension naming a field's rules that no JSON Schema keyword states.
pub const BEYOND_SCHEMA: &str = "x-paypro-rules-beyond-schema";
/// The extension on an example saying how its `sign` was made: [`SIGNED_WITH_TEST_SECRET`].
pub const SIGN_CLAIM: &str = "x-paypro-sign";
/// [`SIGN_CLAIM`]'s value: computed by the signing rule with the test secret.
pub const SIGNED_WITH_TEST_SECRET: &str = "test-secret";
/// The extension on an example of a header-signed endpoint: the `sign` header for its body.
pub const SIGN_HEADER: &str = "x-paypro-sign-header";
/// The extension listing a property's other spellings, each read into the one field.
pub const ALIASES: &str = "x-aliases";

/// The port the embedded sandbox (`paypro-mock`) listens on by default.
const SANDBOX_PORT: &str = "8080";

/// The document's path for a country.
pub fn path_of(code: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(format!("openapi/paypro-{code}.json"))
}

/// Adds one document per country to `files`.
pub fn generate(specs: &Specs, files: &mut Files) {
    for file in &specs.countries {
        let doc = document(
            &specs.common.spec,
            &file.spec,
            &file.display_path.to_string_lossy(),
        );
        let mut text = serde_json::to_string_pretty(&doc).expect("a JSON value serialises");
        text.push('\n');
        files.insert(path_of(&file.spec.country.get_ref().code), text);
    }
}

fn response_provenance(p: ResponseProvenance) -> &'static str {
    match p {
        ResponseProvenance::Documented => "documented",
        ResponseProvenance::Partial => "partial",
        ResponseProvenance::Inferred => "inferred",
    }
}

fn provenance(p: Provenance) -> &'static str {
    match p {
        Provenance::Documented => "documented",
        Provenance::Inferred => "inferred",
    }
}

/// A field's notes followed by its spec marks (what its rules, paid amount or status codes
/// rest on: documented, inferred or an SDK rule).
fn with_marks(notes: &[String], marks: impl IntoIterator<Item = String>) -> Vec<String> {
    notes.iter().cloned().chain(marks).collect()
}

/// A description: the text, then its notes as a list.
fn describe(text: &str, notes: &[String]) -> String {
    let mut out = text.trim().to_string();
    for n in notes {
        out.push_str("\n\n- ");
        out.push_str(n.trim());
    }
    out
}

/// Sentences joined with one space, each ending with one full stop (or its own `?`/`!`).
fn sentences<S: AsRef<str>>(parts: &[S]) -> String {
    let mut out = Vec::new();
    for p in parts {
        let p = p.as_ref().trim();
        if p.is_empty() {
            continue;
        }
        if p.ends_with(['.', '?', '!']) {
            out.push(p.to_string());
        } else {
            out.push(format!("{p}."));
        }
    }
    out.join(" ")
}

fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

// ---------------------------------------------------------------------------------------------
// Request schemas: the rule table as JSON Schema.

/// A regular expression (ECMA-262, as JSON Schema reads `pattern`) matching exactly the
/// decimal numbers `lo..=hi` written without leading zeros: how a bound is stated on an
/// amount sent as a JSON string.
pub fn range_pattern(lo: u64, hi: u64) -> String {
    assert!(lo <= hi, "an empty range");
    let (lo_s, hi_s) = (lo.to_string(), hi.to_string());
    let mut alternatives = Vec::new();
    // Lengths whose every number is in range, merged: `[1-9][0-9]{0,17}`.
    let mut full: Option<(usize, usize)> = None;
    for len in lo_s.len()..=hi_s.len() {
        let first = if len == 1 {
            0
        } else {
            10u128.pow(len as u32 - 1)
        };
        let last = 10u128.pow(len as u32) - 1;
        let (a, b) = (u128::from(lo).max(first), u128::from(hi).min(last));
        if a == first && b == last && len > 1 {
            full = Some(full.map_or((len, len), |(from, _)| (from, len)));
            continue;
        }
        if let Some(run) = full.take() {
            alternatives.push(full_lengths(run));
        }
        same_length(
            a.to_string().as_bytes(),
            b.to_string().as_bytes(),
            String::new(),
            &mut alternatives,
        );
    }
    if let Some(run) = full {
        alternatives.push(full_lengths(run));
    }
    format!("^(?:{})$", alternatives.join("|"))
}

/// Every number of `from..=to` digits (no leading zero).
fn full_lengths((from, to): (usize, usize)) -> String {
    if from == to {
        format!("[1-9]{}", any_digits(from - 1))
    } else {
        format!("[1-9][0-9]{{{},{}}}", from - 1, to - 1)
    }
}

fn any_digits(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => "[0-9]".into(),
        n => format!("[0-9]{{{n}}}"),
    }
}

fn digit_class(lo: u8, hi: u8) -> String {
    match hi - lo {
        0 => (lo as char).to_string(),
        1 => format!("[{}{}]", lo as char, hi as char),
        _ => format!("[{}-{}]", lo as char, hi as char),
    }
}

/// Alternatives matching the numbers from `a` to `b`, both of the same length.
fn same_length(a: &[u8], b: &[u8], prefix: String, out: &mut Vec<String>) {
    let Some((&a0, a_rest)) = a.split_first() else {
        out.push(prefix);
        return;
    };
    let (&b0, b_rest) = b.split_first().expect("same length");
    if a0 == b0 {
        return same_length(a_rest, b_rest, format!("{prefix}{}", a0 as char), out);
    }
    let n = a_rest.len();
    let a_low = a_rest.iter().all(|&d| d == b'0');
    let b_high = b_rest.iter().all(|&d| d == b'9');
    if !a_low {
        let nines = vec![b'9'; n];
        same_length(a_rest, &nines, format!("{prefix}{}", a0 as char), out);
    }
    let (from, to) = (
        if a_low { a0 } else { a0 + 1 },
        if b_high { b0 } else { b0 - 1 },
    );
    if from <= to {
        out.push(format!(
            "{prefix}{}{}",
            digit_class(from, to),
            any_digits(n)
        ));
    }
    if !b_high {
        let zeros = vec![b'0'; n];
        same_length(&zeros, b_rest, format!("{prefix}{}", b0 as char), out);
    }
}

fn regex_escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if "\\^$.|?*+()[]{}/-".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `digits` (with `prefixes`, when both are set): one pattern over the whole value.
fn digits_pattern(lo: u32, hi: u32, prefixes: &[String]) -> String {
    let count = |lo: u32, hi: u32| {
        if lo == hi {
            format!("[0-9]{{{lo}}}")
        } else {
            format!("[0-9]{{{lo},{hi}}}")
        }
    };
    if prefixes.is_empty() {
        return format!("^{}$", count(lo, hi));
    }
    let alternatives: Vec<String> = prefixes
        .iter()
        .filter(|p| p.bytes().all(|b| b.is_ascii_digit()) && p.len() as u32 <= hi)
        .map(|p| {
            let len = p.len() as u32;
            format!("{p}{}", count(lo.saturating_sub(len), hi - len))
        })
        .collect();
    if alternatives.is_empty() {
        // No prefix can start a value of only digits: nothing passes.
        return "^[^\\s\\S]$".into();
    }
    format!("^(?:{})$", alternatives.join("|"))
}

/// What an http(s) URL must not contain anywhere: control characters, white space (Rust's
/// `char::is_whitespace`) and the backslash (`paypro_core::check_format`).
const URL_FORBIDDEN: &str =
    "\\x00-\\x20\\x7f-\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\\\";

/// A structured format as keywords, with what no keyword can check.
fn format_schema(format: TextFormat) -> (Map<String, Value>, &'static str) {
    let mut s = Map::new();
    let beyond = match format {
        TextFormat::HttpUrl => {
            s.insert("format".into(), json!("uri"));
            s.insert(
                "pattern".into(),
                json!(format!(
                    "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#{URL_FORBIDDEN}]+(?:[/?#][^{URL_FORBIDDEN}]*)?$"
                )),
            );
            "url-parser: the SDK also parses it as a URL (WHATWG, Rust's url crate) and refuses what the parser refuses (an invalid host or port)"
        }
        TextFormat::Clabe => {
            s.insert("pattern".into(), json!("^[0-9]{18}$"));
            "clabe-check-digit: the 18th digit is the check digit of the first 17 (weights 3, 7, 1 repeated, each product mod 10; 10 minus the sum mod 10)"
        }
    };
    (s, beyond)
}

/// One request field's schema: its type, each rule of [`rules::of`] as a keyword, and the
/// rules no keyword states in `x-paypro-rules-beyond-schema` and in words. Texts are never
/// sent empty (an optional one is left out), so they have `minLength: 1`.
fn request_field_schema(field: &RequestField) -> Value {
    let mut s = Map::new();
    let rules = rules::of(field);
    let mut patterns: Vec<String> = Vec::new();
    let mut beyond: Vec<&'static str> = Vec::new();
    match (field.kind, field.wire_type) {
        (FieldKind::Amount, WireType::Number) => {
            let (lo, hi) = rules::amount_bounds(field).expect("an amount");
            s.insert("type".into(), json!("integer"));
            s.insert("minimum".into(), json!(lo));
            s.insert("maximum".into(), json!(hi));
        }
        (FieldKind::Amount, WireType::String) => {
            // Whole units as a JSON string of digits, as the SDK writes them.
            let (lo, hi) = rules::amount_bounds(field).expect("an amount");
            s.insert("type".into(), json!("string"));
            patterns.push(range_pattern(lo, hi));
        }
        (FieldKind::Enum, _) => {
            s.insert("type".into(), json!("string"));
            let values: Vec<Value> = field.values.iter().map(|v| json!(v.wire)).collect();
            s.insert("enum".into(), Value::Array(values));
        }
        (FieldKind::Text, _) => {
            s.insert("type".into(), json!("string"));
            s.insert("minLength".into(), json!(1));
        }
    }
    for rule in &rules {
        match *rule {
            // Amount bounds are in the amount's keywords above.
            Rule::Min(_) | Rule::Max(_) => {}
            Rule::Digits(lo, hi) => patterns.push(digits_pattern(lo, hi, &field.prefixes)),
            Rule::Prefixes(p) if field.digits.is_none() => {
                let p: Vec<String> = p.iter().map(|p| regex_escape(p)).collect();
                patterns.push(format!("^(?:{})", p.join("|")));
            }
            Rule::Prefixes(_) => {} // in the digits pattern
            Rule::MaxLen(m) => {
                s.insert("maxLength".into(), json!(m));
            }
            Rule::Format(format, None) => {
                let (keywords, why) = format_schema(format);
                for (k, v) in keywords {
                    match (k.as_str(), v) {
                        ("pattern", Value::String(p)) => patterns.push(p),
                        (_, v) => {
                            s.insert(k, v);
                        }
                    }
                }
                beyond.push(why);
            }
            // Checked by the request schema's `allOf` (`conditional_formats`).
            Rule::Format(_, Some(_)) => {}
        }
    }
    let mut patterns = patterns.into_iter();
    if let Some(first) = patterns.next() {
        s.insert("pattern".into(), json!(first));
    }
    let more: Vec<Value> = patterns.map(|p| json!({ "pattern": p })).collect();
    if !more.is_empty() {
        s.insert("allOf".into(), Value::Array(more));
    }
    s.insert(
        "description".into(),
        json!(request_field_description(field, &rules, &beyond)),
    );
    if !beyond.is_empty() {
        s.insert(BEYOND_SCHEMA.into(), json!(beyond));
    }
    if field.adjustable_bounds {
        s.insert("x-paypro-adjustable-bounds".into(), json!(true));
    }
    Value::Object(s)
}

/// The docs' text, the rules in the crates' words, what the schema cannot check, then notes.
fn request_field_description(field: &RequestField, rules: &[Rule<'_>], beyond: &[&str]) -> String {
    let mut text = field.doc.trim().to_string();
    let mut words: Vec<String> = rules.iter().map(rules::describe).collect();
    if let Some((lo, hi)) = rules::amount_bounds(field) {
        if field.min.is_none() || field.max.is_none() {
            words.push(format!("from {lo} to {hi} (every amount)"));
        }
    }
    if !words.is_empty() {
        text.push_str(&format!("\n\nRules: {}.", words.join(", ")));
    }
    if field.adjustable_bounds {
        text.push_str(&format!(
            " The bounds are the docs' defaults: Paypro may adjust them per merchant, who then sets its own with `{}_limits` (x-paypro-adjustable-bounds).",
            names::field_ident(&field.wire, field.rust.as_deref())
        ));
    }
    for b in beyond {
        text.push_str(&format!("\n\nBeyond this schema ({BEYOND_SCHEMA}): {b}."));
    }
    let mut notes = field.notes.clone();
    for v in &field.values {
        notes.push(format!("`{}`: {}", v.wire, v.doc));
    }
    describe(&text, &with_marks(&notes, field.rule_mark()))
}

/// A format that applies only when another field has a given value, as `if`/`then`.
fn conditional_formats(e: &Endpoint) -> Vec<Value> {
    let mut out = Vec::new();
    for f in &e.request {
        let f = f.get_ref();
        for rule in rules::of(f) {
            if let Rule::Format(format, Some(when)) = rule {
                let (mut then, why) = format_schema(format);
                then.insert(BEYOND_SCHEMA.into(), json!([why]));
                out.push(json!({
                    "if": {
                        "properties": { when.field.clone(): { "const": when.is } },
                        "required": [when.field],
                    },
                    "then": { "properties": { f.wire.clone(): then } },
                }));
            }
        }
    }
    out
}

fn timestamp_schema(wire: TimestampWire) -> Option<Value> {
    match wire {
        TimestampWire::String => Some(json!({
            "type": "string", "pattern": "^[0-9]+$",
            "description": "Milliseconds since the Unix epoch, as a JSON string."
        })),
        TimestampWire::Number => Some(json!({
            "type": "integer", "minimum": 0,
            "description": "Milliseconds since the Unix epoch, as a JSON number."
        })),
        TimestampWire::Absent => None,
    }
}

fn sign_schema(common: &Common) -> Value {
    json!({"type": "string", "pattern": "^[0-9a-f]{32}$", "description": common.signing.rule})
}

/// `<Op>Request`: the body, with every field's rules.
fn request_body_schema(common: &Common, e: &Endpoint) -> Value {
    let p = &common.protocol;
    let mut props = Map::new();
    let mut required = vec![];
    if e.sign == SignPlacement::Body {
        props.insert(p.sign_field.clone(), sign_schema(common));
        required.push(json!(p.sign_field));
    }
    if let Some(ts) = timestamp_schema(e.timestamp) {
        props.insert(p.timestamp_field.clone(), ts);
        required.push(json!(p.timestamp_field));
    }
    for f in &e.request {
        let f = f.get_ref();
        props.insert(f.wire.clone(), request_field_schema(f));
        if f.required {
            required.push(json!(f.wire));
        }
    }
    let mut s = json!({
        "type": "object",
        "properties": props,
        "required": required,
        "description": format!("The body of `{}`. An optional field is left out rather than sent empty.", e.name),
    });
    let conditional = conditional_formats(e);
    if !conditional.is_empty() {
        s["allOf"] = Value::Array(conditional);
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Received objects: `data`, the envelope, the notification.

/// A received field: texts (order numbers among them) are strings; amounts, the status, and
/// the other spellings of a field (`x-aliases`) as the SDK reads them.
fn response_property(field: &ResponseField) -> Value {
    let mut s = match field.kind {
        ValueKind::Text => json!({ "type": "string" }),
        ValueKind::Decimal => schema_ref("Amount"),
        ValueKind::Integer => json!({ "type": ["integer", "string"] }),
        ValueKind::Boolean => json!({ "type": ["boolean", "string"] }),
        ValueKind::Status => schema_ref("Status"),
    };
    let mut text = field.doc.trim().to_string();
    if !field.aliases.is_empty() {
        let spelled: Vec<String> = field.aliases.iter().map(|a| format!("`{a}`")).collect();
        text.push_str(&format!(
            "\n\nAlso spelled {} ({ALIASES}): the SDK reads every spelling into this one field. A client generated from this document reads only `{}`; map the other spellings to it first.",
            spelled.join(" or "),
            field.wire
        ));
        s[ALIASES] = json!(field.aliases);
    }
    s["description"] = json!(describe(&text, &with_marks(&field.notes, field.marks())));
    s
}

/// The object a response's `data` or a notification is: its fields; unknown fields are
/// allowed (the SDK keeps them in `extra`).
fn received_object(fields: &[&ResponseField], required: bool) -> Map<String, Value> {
    let mut props = Map::new();
    let mut req = vec![];
    for f in fields {
        props.insert(f.wire.clone(), response_property(f));
        if required && f.required {
            req.push(json!(f.wire));
        }
    }
    let mut s = Map::new();
    s.insert("type".into(), json!("object"));
    s.insert("properties".into(), Value::Object(props));
    if !req.is_empty() {
        s.insert("required".into(), Value::Array(req));
    }
    s
}

/// `<Op>Data`: what `data` holds on an accepted answer.
fn data_schema(e: &Endpoint) -> Value {
    match e.data {
        DataShape::Boolean => {
            json!({"type": ["boolean", "string"], "description": "The answer (a boolean)."})
        }
        DataShape::Object => {
            let fields: Vec<&ResponseField> = e.response.iter().map(|f| f.get_ref()).collect();
            let mut d = received_object(&fields, false);
            d.insert(
                "description".into(),
                json!(describe(
                    &format!(
                        "`data` of `{}` (response provenance: {}). Unknown fields are kept.",
                        e.name,
                        response_provenance(e.response_provenance)
                    ),
                    &e.response_notes
                )),
            );
            Value::Object(d)
        }
    }
}

/// `Envelope`: what every answer is, around `data`.
fn envelope_schema(common: &Common) -> Value {
    let env = &common.envelope;
    let p = &common.protocol;
    json!({
        "type": "object",
        "required": [env.code, env.msg],
        "description": "Every answer: the outer code says whether the request was accepted; `data` holds the operation's result (its schema is the operation's `<Op>Data`).",
        "properties": {
            env.msg.clone(): {"type": "string", "description": "Request result text."},
            env.code.clone(): {"type": "string", "description": format!("Outer code: `{}` means the request was accepted (NOT that the transaction succeeded: that is data.status).", p.accepted_code)},
            env.timestamp.clone(): {"type": ["integer", "string"], "description": "Answer time, milliseconds since the Unix epoch."},
            env.success.clone(): {"type": ["boolean", "string"], "description": "Whether the request was accepted (as the outer code says)."},
            env.data.clone(): {"description": "The operation's result, or null."},
        }
    })
}

/// `<Op>Response`: the envelope with this operation's `data`.
fn response_schema(common: &Common, data: &str) -> Value {
    json!({
        "allOf": [
            schema_ref("Envelope"),
            {
                "type": "object",
                "properties": {
                    common.envelope.data.clone(): { "anyOf": [schema_ref(data), {"type": "null"}] }
                }
            }
        ]
    })
}

/// `Status`: `data.status` and a notification's status, with the codes the spec names.
fn status_schema(common: &Common) -> Value {
    let mut notes: Vec<String> = common
        .status
        .iter()
        .map(|s| {
            let s = s.get_ref();
            format!("`{}`: {}", s.code, s.meaning)
        })
        .collect();
    notes.extend(common.failure.iter().map(|f| {
        let f = f.get_ref();
        format!("`{}` (failure): {}", f.code, f.meaning)
    }));
    json!({
        "type": "string",
        "pattern": "^[0-9]{4,7}$",
        "description": describe(
            "The transaction's status code, 4 to 7 digits (leading zeros matter: a string). Every code not listed as success, partial or processing is a failure.",
            &notes
        ),
    })
}

fn amount_schema() -> Value {
    json!({
        "type": ["string", "number"],
        "description": "A received amount in the country's currency: a JSON string or number, as the docs disagree with themselves. The SDK keeps its exact decimal text; do not read it as a binary float.",
    })
}

/// `Notification`: the callback's body.
fn notification_schema(common: &Common, spec: &CountrySpec) -> Value {
    let n = spec.notification.get_ref();
    let p = &common.protocol;
    let fields: Vec<&ResponseField> = n.field.iter().map(|f| f.get_ref()).collect();
    let mut schema = received_object(&fields, true);
    let props = schema["properties"].as_object_mut().expect("an object");
    if n.signed && !props.contains_key(&p.sign_field) {
        props.insert(p.sign_field.clone(), sign_schema(common));
    }
    if n.timestamped && !props.contains_key(&p.timestamp_field) {
        props.insert(
            p.timestamp_field.clone(),
            json!({"type": ["integer", "string"], "description": "Notification time, milliseconds since the Unix epoch."}),
        );
    }
    if n.signed {
        let req = schema
            .entry("required")
            .or_insert_with(|| json!([]))
            .as_array_mut()
            .expect("an array");
        if !req.contains(&json!(p.sign_field)) {
            req.push(json!(p.sign_field));
        }
    }
    let signed = if n.signed {
        "Signed like a request: verify the sign on the raw body before parsing."
    } else {
        "NOT signed: confirm it by querying the order before acting on it."
    };
    schema.insert(
        "description".into(),
        json!(describe(
            &format!(
                "The payment notification's body. {signed}\n\nProvenance: {} (source: {}).",
                provenance(n.provenance),
                n.source
            ),
            &n.notes
        )),
    );
    Value::Object(schema)
}

/// Every named schema of the document.
fn components(common: &Common, spec: &CountrySpec) -> Value {
    let mut schemas = Map::new();
    schemas.insert("Envelope".into(), envelope_schema(common));
    schemas.insert("Status".into(), status_schema(common));
    schemas.insert("Amount".into(), amount_schema());
    schemas.insert("Notification".into(), notification_schema(common, spec));
    for e in &spec.endpoint {
        let e = e.get_ref();
        let name = names::pascal(&e.name);
        schemas.insert(format!("{name}Request"), request_body_schema(common, e));
        schemas.insert(format!("{name}Data"), data_schema(e));
        schemas.insert(
            format!("{name}Response"),
            response_schema(common, &format!("{name}Data")),
        );
    }
    json!({ "schemas": schemas })
}

// ---------------------------------------------------------------------------------------------
// Examples.

/// How an example's `sign` was made, said in its description and extensions.
enum SignOf<'a> {
    /// No sign: a response, or an unsigned notification.
    None,
    /// A `sign` field in the body, computed here with the test secret.
    Body(&'a Common),
    /// The `sign` header for the body, computed here with the test secret.
    Header(&'a Common),
}

fn origin_sentence(ex: &Example) -> String {
    let origin = match ex.origin {
        Origin::Docs => "the docs",
        Origin::DocsPartial => "the docs, completed where they were partial",
        Origin::Constructed => "constructed by the project (the docs have none)",
    };
    format!("Origin: {origin}")
}

/// The example object: its value, where a sign goes the one computed with the test secret, and
/// a description saying where it comes from and how its sign was made.
fn example_object(ex: &Example, sign: SignOf<'_>) -> Option<Value> {
    let mut value: Value = serde_json::from_str(&ex.json).ok()?;
    let mut parts = vec![origin_sentence(ex)];
    parts.extend(ex.note.clone());
    let mut obj = Map::new();
    match sign {
        SignOf::None => {}
        SignOf::Body(common) => {
            let body = value.as_object_mut()?;
            let field = &common.protocol.sign_field;
            let shown = body.get(field).cloned();
            let computed = test_sign(common, body);
            body.insert(field.clone(), json!(computed));
            parts.push(format!("`sign` is {}", test_secret_clause(common)));
            parts.extend(shown.map(|s| docs_sign_sentence(&s)));
            obj.insert(SIGN_CLAIM.into(), json!(SIGNED_WITH_TEST_SECRET));
        }
        SignOf::Header(common) => {
            let computed = test_sign(common, value.as_object()?);
            parts.push(format!(
                "The `sign` header for this body is `{computed}`, {}",
                test_secret_clause(common)
            ));
            obj.insert(SIGN_CLAIM.into(), json!(SIGNED_WITH_TEST_SECRET));
            obj.insert(SIGN_HEADER.into(), json!(computed));
        }
    }
    obj.insert("value".into(), value);
    obj.insert("description".into(), json!(sentences(&parts)));
    Some(Value::Object(obj))
}

/// What the docs' own sign was, and why it is not kept.
fn docs_sign_sentence(shown: &Value) -> String {
    let is_md5 = shown.as_str().is_some_and(|s| {
        s.len() == 32 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    });
    if is_md5 {
        format!(
            "The docs show {shown} here instead, made with a key they do not publish: it cannot be verified, so it is replaced"
        )
    } else {
        format!("The docs show the placeholder {shown} here instead, so it is replaced")
    }
}

fn test_sign(common: &Common, body: &Map<String, Value>) -> String {
    crate::oracle::sign(
        body,
        &common.test_credentials.secret,
        common.signing.secret_placement,
    )
}

fn test_secret_clause(common: &Common) -> String {
    format!(
        "computed by the signing rule with the test secret `{}` (spec/common.toml [test_credentials]; the embedded sandbox's), so it verifies",
        common.test_credentials.secret
    )
}

// ---------------------------------------------------------------------------------------------
// Operations and the document.

fn merchant_parameter(common: &Common) -> Value {
    json!({
        "name": common.protocol.merchant_header, "in": "header", "required": true,
        "schema": {"type": "string", "minLength": 1},
        "example": common.test_credentials.merchant_no,
        "description": "The merchant number: it names the merchant, it does not authenticate (the body's `sign` does; see `security`)."
    })
}

fn endpoint_operation(common: &Common, code: &str, e: &Endpoint) -> Value {
    let p = &common.protocol;
    let name = names::pascal(&e.name);
    let mut body_content = json!({ "schema": schema_ref(&format!("{name}Request")) });
    let sign = match e.sign {
        SignPlacement::Body => SignOf::Body(common),
        SignPlacement::Header => SignOf::Header(common),
    };
    if let Some(ex) = e
        .example
        .as_ref()
        .and_then(|x| example_object(x.get_ref(), sign))
    {
        body_content["examples"] = json!({ "docs": ex });
    }
    let mut response_content = json!({ "schema": schema_ref(&format!("{name}Response")) });
    if let Some(ex) = e
        .response_example
        .as_ref()
        .and_then(|x| example_object(x.get_ref(), SignOf::None))
    {
        response_content["examples"] = json!({ "docs": ex });
    }

    let mut parameters = vec![merchant_parameter(common)];
    if e.sign == SignPlacement::Header {
        parameters.push(json!({
            "name": p.sign_field, "in": "header", "required": true,
            "schema": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
            "description": common.signing.rule,
        }));
    }
    let description = describe(
        &format!(
            "{}\n\n{}\n\nProvenance: {} (source: {}).",
            e.doc.as_deref().unwrap_or(&e.summary),
            effect_sentence(e.effect),
            provenance(e.provenance),
            e.source
        ),
        &e.notes,
    );
    json!({
        "operationId": format!("{code}-{}", e.name),
        "summary": e.summary,
        "description": description,
        "tags": [effect_tag(e.effect)],
        "parameters": parameters,
        "requestBody": { "required": true, "content": { "application/json": body_content } },
        "responses": {
            "200": {
                "description": "The envelope around `data`.",
                "content": { "application/json": response_content }
            },
            "default": { "description": other_answer(e.effect) }
        }
    })
}

/// What an answer other than HTTP 200 with the envelope means: Paypro documents none.
fn other_answer(effect: Effect) -> &'static str {
    match effect {
        Effect::MovesMoney => {
            "Any other answer (another HTTP status, a proxy's page, a body cut off): Paypro documents none, and refuses with HTTP 200 and an outer code. The outcome is unknown and money may have moved: query the order, never resend."
        }
        Effect::ReadOnly => {
            "Any other answer (another HTTP status, a proxy's page, a body cut off): Paypro documents none, and refuses with HTTP 200 and an outer code. Nothing changed: ask again."
        }
    }
}

fn effect_tag(effect: Effect) -> &'static str {
    match effect {
        Effect::MovesMoney => "moves-money",
        Effect::ReadOnly => "read-only",
    }
}

fn effect_sentence(effect: Effect) -> &'static str {
    match effect {
        Effect::MovesMoney => {
            "Moves money: never resend on an unknown outcome; reconcile by tradeNo."
        }
        Effect::ReadOnly => "Read-only.",
    }
}

fn notification_webhook(common: &Common, spec: &CountrySpec) -> Value {
    let n = spec.notification.get_ref();
    let p = &common.protocol;
    let mut content = json!({ "schema": schema_ref("Notification") });
    let sign = if n.signed {
        SignOf::Body(common)
    } else {
        SignOf::None
    };
    if let Some(ex) = n
        .example
        .as_ref()
        .and_then(|x| example_object(x.get_ref(), sign))
    {
        content["examples"] = json!({ "docs": ex });
    }
    json!({
        "post": {
            "operationId": format!("{}-notification", spec.country.get_ref().code),
            "summary": "Payment notification (pay-in and payout results) POSTed to the merchant's notifyUrl.",
            "description": format!(
                "Answer `{}`; Paypro retries until it gets it. The body is `Notification`.",
                p.notify_ack
            ),
            "tags": ["notifications"],
            "requestBody": { "required": true, "content": { "application/json": content } },
            "responses": {
                "200": {
                    "description": format!("Acknowledged: the body is `{}`.", p.notify_ack),
                    "content": { "text/plain": { "schema": {"type": "string", "const": p.notify_ack} } }
                }
            }
        }
    })
}

/// Where the country is served: Paypro's sandbox where the docs name it, and the embedded
/// sandbox (`paypro-mock`), whose base path is the Paypro sandbox URL's path or `/<code>`
/// (`paypro_mock::base_path`).
fn servers(code: &str, sandbox_base_url: Option<&str>) -> Value {
    let mut out = vec![];
    let mut local_path = format!("/{code}");
    if let Some(url) = sandbox_base_url {
        out.push(json!({ "url": url, "description": "Paypro's sandbox (from the docs)." }));
        if let Some(path) = url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.find('/').map(|i| &rest[i..]))
            .map(|p| p.trim_end_matches('/'))
            .filter(|p| !p.is_empty())
        {
            local_path = path.to_string();
        }
    }
    out.push(json!({
        "url": format!("http://127.0.0.1:{{port}}{local_path}"),
        "description": "The embedded sandbox (`cargo run -p paypro-sandbox`, the program paypro-mock): merchant and secret are the test credentials.",
        "variables": { "port": { "default": SANDBOX_PORT, "description": "Its --port." } }
    }));
    Value::Array(out)
}

fn tags() -> Value {
    json!([
        { "name": "moves-money", "description": "Creates a pay-in or payout: never resent on an unknown outcome." },
        { "name": "read-only", "description": "Queries: safe to retry." },
        { "name": "notifications", "description": "What Paypro sends to the merchant." },
    ])
}

fn document(common: &Common, spec: &CountrySpec, spec_path: &str) -> Value {
    let c = spec.country.get_ref();
    let mut paths = Map::new();
    for e in &spec.endpoint {
        let e = e.get_ref();
        paths.insert(
            e.path.clone(),
            json!({ "post": endpoint_operation(common, &c.code, e) }),
        );
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": format!("Paypro {} ({})", c.name, c.code),
            "version": env!("CARGO_PKG_VERSION"),
            "license": { "name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0" },
            "description": describe(
                &format!(
                    "Generated by `cargo xtask gen` from {spec_path} and spec/common.toml; do not edit. Amounts in {}.\n\nNo security scheme (`security: []`): the `merchantNo` header names the merchant and every request carries an MD5 `sign` of its body with the merchant's secret (see the `sign` fields).",
                    c.currency
                ),
                &c.notes
            ),
        },
        "servers": servers(&c.code, c.sandbox_base_url.as_deref()),
        "security": [],
        "tags": tags(),
        "paths": paths,
        "webhooks": { "notification": notification_webhook(common, spec) },
        "components": components(common, spec),
    })
}
