//! `openapi/paypro-<cc>.json`: an OpenAPI 3.1 document per country, built from the same spec
//! as the crates (xtask links none of them, so the JSON Schemas are written here, not taken
//! from schemars). Paths, the merchant header, request bodies, the response envelope around
//! `data`, the notification as a 3.1 webhook, the spec's examples, and notes and provenance in
//! descriptions. Keys are sorted (serde_json's map), so the output is deterministic.

use serde_json::{Map, Value, json};

use crate::codegen::{Files, Specs};
use crate::spec::{
    Common, CountrySpec, DataShape, Effect, Endpoint, Example, FieldKind, Origin, Provenance,
    RequestField, ResponseField, SignPlacement, TimestampWire, ValueKind, WireType,
};

/// The directory the generator owns for the documents.
pub const DIR: &str = "openapi";

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

fn example_value(ex: &Example) -> Option<Value> {
    serde_json::from_str(&ex.json).ok()
}

fn example_object(ex: &Example) -> Option<Value> {
    let value = example_value(ex)?;
    let mut obj = Map::new();
    obj.insert("value".into(), value);
    let origin = match ex.origin {
        Origin::Docs => "the docs",
        Origin::DocsPartial => "the docs, completed where they were partial",
        Origin::Constructed => "constructed by the project (the docs have none)",
    };
    let mut summary = format!("Origin: {origin}.");
    if let Some(note) = &ex.note {
        summary.push_str(". ");
        summary.push_str(note);
    }
    obj.insert("description".into(), Value::String(summary));
    Some(Value::Object(obj))
}

fn request_schema(field: &RequestField) -> Value {
    let mut s = Map::new();
    match (field.kind, field.wire_type) {
        (FieldKind::Amount, WireType::Number) => {
            s.insert("type".into(), json!("integer"));
            if let Some(min) = field.min {
                s.insert("minimum".into(), json!(min));
            }
            if let Some(max) = field.max {
                s.insert("maximum".into(), json!(max));
            }
        }
        (FieldKind::Amount, _) => {
            // Whole units, sent as a JSON string of digits.
            s.insert("type".into(), json!("string"));
            s.insert("pattern".into(), json!("^[0-9]+$"));
        }
        (FieldKind::Enum, _) => {
            s.insert("type".into(), json!("string"));
            let values: Vec<Value> = field.values.iter().map(|v| json!(v.wire)).collect();
            s.insert("enum".into(), Value::Array(values));
        }
        (FieldKind::Text, _) => {
            s.insert("type".into(), json!("string"));
            if let Some(max) = field.max_len {
                s.insert("maxLength".into(), json!(max));
            }
        }
    }
    let mut notes = field.notes.clone();
    if matches!(field.kind, FieldKind::Amount) && field.wire_type != WireType::Number {
        if let (Some(min), Some(max)) = (field.min, field.max) {
            notes.push(format!("From {min} to {max}."));
        }
    }
    if let Some([lo, hi]) = field.digits {
        notes.push(format!("{lo} to {hi} digits."));
    }
    if !field.prefixes.is_empty() {
        notes.push(format!(
            "Starts with one of: {}.",
            field.prefixes.join(", ")
        ));
    }
    for v in &field.values {
        notes.push(format!("`{}`: {}", v.wire, v.doc));
    }
    s.insert(
        "description".into(),
        json!(describe(&field.doc, &with_marks(&notes, field.rule_mark()))),
    );
    Value::Object(s)
}

/// Responses are read leniently: numbers or strings where the docs disagree with themselves.
fn response_schema(field: &ResponseField) -> Value {
    let ty = match field.kind {
        ValueKind::Text | ValueKind::Decimal => json!(["string", "number"]),
        ValueKind::Integer => json!(["string", "integer"]),
        ValueKind::Boolean => json!(["boolean", "string"]),
        ValueKind::Status => json!("string"),
    };
    let notes = with_marks(&field.notes, field.marks());
    json!({ "type": ty, "description": describe(&field.doc, &notes) })
}

fn data_schema(
    fields: &[&ResponseField],
    required: bool,
    extra: Option<Vec<(String, Value)>>,
) -> Value {
    let mut props = Map::new();
    let mut req = vec![];
    for f in fields {
        props.insert(f.wire.clone(), response_schema(f));
        for alias in &f.aliases {
            let mut s = response_schema(f);
            s["description"] = json!(format!("Alternative spelling of `{}`.", f.wire));
            props.insert(alias.clone(), s);
        }
        if required && f.required {
            req.push(json!(f.wire));
        }
    }
    for (name, schema) in extra.into_iter().flatten() {
        props.insert(name, schema);
    }
    let mut s = Map::new();
    s.insert("type".into(), json!("object"));
    s.insert("properties".into(), Value::Object(props));
    if !req.is_empty() {
        s.insert("required".into(), Value::Array(req));
    }
    Value::Object(s)
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

fn endpoint_operation(common: &Common, code: &str, e: &Endpoint) -> Value {
    let p = &common.protocol;
    let mut props = Map::new();
    let mut required = vec![];
    if e.sign == SignPlacement::Body {
        props.insert(
            p.sign_field.clone(),
            json!({"type": "string", "pattern": "^[0-9a-f]{32}$", "description": common.signing.rule}),
        );
        required.push(json!(p.sign_field));
    }
    if let Some(ts) = timestamp_schema(e.timestamp) {
        props.insert(p.timestamp_field.clone(), ts);
        required.push(json!(p.timestamp_field));
    }
    for f in &e.request {
        let f = f.get_ref();
        props.insert(f.wire.clone(), request_schema(f));
        if f.required {
            required.push(json!(f.wire));
        }
    }
    let body_schema = json!({ "type": "object", "properties": props, "required": required });
    let mut body_content = json!({ "schema": body_schema });
    if let Some(mut ex) = e.example.as_ref().and_then(|x| example_object(x.get_ref())) {
        // A constructed example has no sign: the one the SDK sends, with the test secret.
        if e.sign == SignPlacement::Body {
            if let Some(body) = ex["value"].as_object_mut() {
                let docs_sign = body
                    .get(&p.sign_field)
                    .and_then(Value::as_str)
                    .map(String::from);
                let is_md5 = |s: &str| {
                    s.len() == 32
                        && s.bytes()
                            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
                };
                if !docs_sign.as_deref().is_some_and(is_md5) {
                    let secret = &common.test_credentials.secret;
                    let sign = crate::oracle::sign(body, secret, common.signing.secret_placement);
                    body.insert(p.sign_field.clone(), json!(sign));
                    let d = ex["description"].as_str().unwrap_or("").to_string();
                    let why = match docs_sign {
                        Some(s) => format!("The docs' placeholder sign `{s}` is replaced by"),
                        None => "The sign is".to_string(),
                    };
                    ex["description"] = json!(format!(
                        "{d} {why} computed with the test secret `{secret}`."
                    ));
                }
            }
        }
        body_content["examples"] = json!({ "docs": ex });
    }

    let data = match e.data {
        DataShape::Boolean => {
            json!({"type": ["boolean", "string"], "description": "The answer (a boolean)."})
        }
        DataShape::Object => {
            let fields: Vec<&ResponseField> = e.response.iter().map(|f| f.get_ref()).collect();
            let mut d = data_schema(&fields, false, None);
            d["description"] = json!(describe(
                &format!(
                    "`data` (response provenance: {}).",
                    format!("{:?}", e.response_provenance).to_lowercase()
                ),
                &e.response_notes
            ));
            d
        }
    };
    let env = &common.envelope;
    let envelope = json!({
        "type": "object",
        "required": [env.code, env.msg],
        "properties": {
            env.msg.clone(): {"type": "string", "description": "Request result text."},
            env.code.clone(): {"type": "string", "description": format!("Outer code: `{}` means the request was accepted (NOT that the transaction succeeded: that is data.status).", p.accepted_code)},
            env.timestamp.clone(): {"type": ["integer", "string"]},
            env.success.clone(): {"type": ["boolean", "string"]},
            env.data.clone(): {"anyOf": [data, {"type": "null"}]},
        }
    });
    let mut response_content = json!({ "schema": envelope });
    if let Some(ex) = e
        .response_example
        .as_ref()
        .and_then(|x| example_object(x.get_ref()))
    {
        response_content["examples"] = json!({ "docs": ex });
    }

    let mut parameters = vec![json!({
        "name": p.merchant_header, "in": "header", "required": true,
        "schema": {"type": "string"}, "description": "The merchant number."
    })];
    if e.sign == SignPlacement::Header {
        parameters.push(json!({
            "name": p.sign_field, "in": "header", "required": true,
            "schema": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
            "description": common.signing.rule,
        }));
    }
    let effect = match e.effect {
        Effect::MovesMoney => {
            "Moves money: never resend on an unknown outcome; reconcile by tradeNo."
        }
        Effect::ReadOnly => "Read-only.",
    };
    let description = describe(
        &format!(
            "{}\n\n{effect}\n\nProvenance: {} (source: {}).",
            e.doc.as_deref().unwrap_or(&e.summary),
            provenance(e.provenance),
            e.source
        ),
        &e.notes,
    );
    json!({
        "operationId": format!("{code}-{}", e.name),
        "summary": e.summary,
        "description": description,
        "parameters": parameters,
        "requestBody": { "required": true, "content": { "application/json": body_content } },
        "responses": {
            "200": {
                "description": "The envelope around `data`.",
                "content": { "application/json": response_content }
            }
        }
    })
}

fn notification_webhook(common: &Common, spec: &CountrySpec) -> Value {
    let n = spec.notification.get_ref();
    let p = &common.protocol;
    let fields: Vec<&ResponseField> = n.field.iter().map(|f| f.get_ref()).collect();
    let mut extra = vec![];
    if n.signed {
        extra.push((
            p.sign_field.clone(),
            json!({"type": "string", "description": common.signing.rule}),
        ));
    }
    if n.timestamped {
        extra.push((
            p.timestamp_field.clone(),
            json!({"type": ["string", "integer"]}),
        ));
    }
    let mut schema = data_schema(&fields, true, Some(extra));
    if n.signed {
        let req = schema["required"].as_array().cloned().unwrap_or_default();
        let mut req: Vec<Value> = req;
        req.push(json!(p.sign_field));
        schema["required"] = Value::Array(req);
    }
    let mut content = json!({ "schema": schema });
    if let Some(ex) = n.example.as_ref().and_then(|x| example_object(x.get_ref())) {
        content["examples"] = json!({ "docs": ex });
    }
    let signed = if n.signed {
        "Signed like a request: verify the sign on the raw body before parsing."
    } else {
        "NOT signed: confirm it by querying the order before acting on it."
    };
    json!({
        "post": {
            "operationId": format!("{}-notification", spec.country.get_ref().code),
            "summary": "Payment notification (pay-in and payout results) POSTed to the merchant's notifyUrl.",
            "description": describe(
                &format!(
                    "{signed} Answer `{}`; Paypro retries until it gets it.\n\nProvenance: {} (source: {}).",
                    p.notify_ack, provenance(n.provenance), n.source
                ),
                &n.notes
            ),
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
    let mut doc = json!({
        "openapi": "3.1.0",
        "info": {
            "title": format!("Paypro {} ({})", c.name, c.code),
            "version": env!("CARGO_PKG_VERSION"),
            "description": describe(
                &format!(
                    "Generated by `cargo xtask gen` from {spec_path} and spec/common.toml; do not edit. Amounts in {}.",
                    c.currency
                ),
                &c.notes
            ),
        },
        "paths": paths,
        "webhooks": { "notification": notification_webhook(common, spec) },
    });
    if let Some(url) = &c.sandbox_base_url {
        doc["servers"] = json!([{ "url": url, "description": "Sandbox" }]);
    }
    doc
}
