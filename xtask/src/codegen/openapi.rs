//! `openapi/paypro-<cc>.json`: each country as an OpenAPI 3.1 document, from the same spec the
//! crates come from, for other tools (Postman, other languages, schema validators).
//!
//! Paths are the endpoints (all `POST`, header `merchantNo`, `sign` in the body or a header);
//! request schemas say exactly what the SDK sends; response schemas (the envelope around
//! `data`) and the notification (a 3.1 `webhooks` entry) say what the SDK accepts, leniently:
//! numbers or strings where the docs disagree, unknown fields allowed. Examples: the request
//! example as the SDK signs it with the test credentials, and the docs' answer and callback
//! examples. Notes and provenance go into descriptions. JSON has no comments, so the header is
//! the `x-generated` key.

use serde_json::{Map, Value, json};

use super::{Country, Files};
use crate::spec::{
    DataShape, Effect, FieldKind, Provenance, RequestField, ResponseField, SignPlacement,
    TextFormat, TimestampWire, ValueKind, WireType,
};

pub fn generate(country: &Country, version: &str, files: &mut Files) {
    let c = country.file.spec.country.get_ref();
    let spec_path = country.spec_path();
    let protocol = &country.common.protocol;
    let envelope = &country.common.envelope;
    let mut paths = Map::new();
    for plan in &country.endpoints {
        let e = plan.spec;
        let mut parameters = vec![json!({
            "name": protocol.merchant_header,
            "in": "header",
            "required": true,
            "description": "The merchant number.",
            "schema": {"type": "string"},
        })];
        if e.sign == SignPlacement::Header {
            parameters.push(json!({
                "name": protocol.sign_field,
                "in": "header",
                "required": true,
                "description": "The signature (see info.description), sent in a header on this endpoint.",
                "schema": sign_schema(),
            }));
        }
        let fields: Vec<&RequestField> = e.request.iter().map(|f| f.get_ref()).collect();
        let request_example: Value =
            serde_json::from_str(&plan.expected.body).expect("the generator's own example body");
        let mut response = json!({
            "description": "Paypro's envelope; `data` is read as the SDK reads it.",
            "content": {"application/json": {"schema": envelope_schema(
                envelope,
                e.data,
                &e.response.iter().map(|f| f.get_ref()).collect::<Vec<_>>(),
            )}},
        });
        if let Some(ex) = &e.response_example {
            let ex = ex.get_ref();
            let value: Value = serde_json::from_str(&ex.json).expect("a checked example");
            response["content"]["application/json"]["example"] = value;
        }
        let mut description = e.doc.clone().unwrap_or_default();
        description.push_str(&format!(
            "\n\nEffect: {}. Provenance: {} (source: `{}`).",
            match e.effect {
                Effect::MovesMoney => "moves money (never retried automatically)",
                Effect::ReadOnly => "read-only",
            },
            provenance(e.provenance),
            e.source
        ));
        push_notes(&mut description, &e.notes);
        let operation = json!({
            "operationId": e.name,
            "summary": e.summary,
            "description": description.trim(),
            "parameters": parameters,
            "requestBody": {
                "required": true,
                "content": {"application/json": {
                    "schema": request_schema(
                        &fields,
                        e.sign,
                        e.timestamp,
                        &protocol.sign_field,
                        &protocol.timestamp_field,
                    ),
                    "example": request_example,
                }},
            },
            "responses": {"200": response},
        });
        paths.insert(e.path.clone(), json!({ "post": operation }));
    }

    let n = country.file.spec.notification.get_ref();
    let nfields: Vec<&ResponseField> = n.field.iter().map(|f| f.get_ref()).collect();
    let mut notification_schema = object_schema(&nfields, true);
    if n.signed {
        notification_schema["properties"][protocol.sign_field.as_str()] = json!({
            "type": "string",
            "description": "MD5 over every other field, as the request rule (the docs' examples carry placeholders).",
        });
        push_required(&mut notification_schema, &protocol.sign_field);
    }
    if n.timestamped {
        notification_schema["properties"][protocol.timestamp_field.as_str()] =
            json!({"type": ["string", "integer"]});
    }
    let mut notification_description = format!(
        "Paypro POSTs each pay-in and payout result to the order's `notifyUrl`; answer the plain text `{}` or it retries. {} Provenance: {} (source: `{}`).",
        protocol.notify_ack,
        if n.signed {
            "Signed: verify `sign` on the raw body before reading it."
        } else {
            "Unsigned: anyone can forge one; confirm it with a query before acting."
        },
        provenance(n.provenance),
        n.source
    );
    push_notes(&mut notification_description, &n.notes);
    let mut callback = json!({
        "schema": notification_schema,
    });
    if let Some(ex) = &n.example {
        let value: Value = serde_json::from_str(&ex.get_ref().json).expect("a checked example");
        callback["example"] = value;
    }
    let webhook = json!({
        "post": {
            "operationId": "notification",
            "summary": "A payment notification (callback).",
            "description": notification_description,
            "requestBody": {"required": true, "content": {"application/json": callback}},
            "responses": {"200": {
                "description": "Acknowledged: Paypro stops retrying.",
                "content": {"text/plain": {"schema": {"type": "string", "const": protocol.notify_ack}}},
            }},
        }
    });

    let mut info_description = format!(
        "Paypro's {} ({}) API as modelled by paypro-rs, generated from `{spec_path}`. Signature: {}",
        c.name,
        c.currency,
        country.common.signing.rule.trim()
    );
    push_notes(&mut info_description, &c.notes);
    let mut doc = json!({
        "openapi": "3.1.0",
        "x-generated": format!("@generated from {spec_path} by `cargo xtask gen`; do not edit."),
        "info": {
            "title": format!("Paypro {} (paypro-rs)", c.name),
            "version": version,
            "description": info_description,
        },
        "paths": paths,
        "webhooks": {"notification": webhook},
    });
    if let Some(url) = &c.sandbox_base_url {
        doc["servers"] = json!([{"url": url, "description": "The documented sandbox."}]);
    }
    let mut text = serde_json::to_string_pretty(&doc).expect("JSON");
    text.push('\n');
    files.insert(format!("openapi/paypro-{}.json", c.code).into(), text);
}

/// `openapi/README.md`: what the documents are.
pub fn readme(countries: &[Country], files: &mut Files) {
    let mut text = String::from(
        "<!-- @generated from spec/*.toml by `cargo xtask gen`; do not edit. -->\n# OpenAPI documents\n\nOne OpenAPI 3.1 document per country, generated with the crates from `spec/` (`cargo xtask gen`; `--check` covers them): every endpoint's path, the `merchantNo` header, request schemas (what the SDK sends), response schemas (the envelope around `data`, as leniently as the SDK reads it), the notification as a `webhooks` entry, and the docs' examples. `xtask/tests/openapi.rs` parses each one and validates every example against its schema.\n\n",
    );
    for c in countries {
        let cc = c.file.spec.country.get_ref();
        text.push_str(&format!(
            "- [`paypro-{code}.json`](paypro-{code}.json): {name}\n",
            code = cc.code,
            name = cc.name
        ));
    }
    files.insert("openapi/README.md".into(), text);
}

fn provenance(p: Provenance) -> &'static str {
    match p {
        Provenance::Documented => "documented",
        Provenance::Inferred => "inferred (no page in the docs)",
    }
}

fn push_notes(description: &mut String, notes: &[String]) {
    if !notes.is_empty() {
        description.push_str("\n\nNotes:");
        for note in notes {
            description.push_str(&format!("\n- {note}"));
        }
    }
}

fn push_required(schema: &mut Value, name: &str) {
    let required = schema["required"].as_array_mut().expect("an object schema");
    required.push(Value::from(name));
}

fn sign_schema() -> Value {
    json!({"type": "string", "pattern": "^[0-9a-f]{32}$", "description": "32 lowercase hex characters."})
}

/// What the SDK sends: exactly these fields, `sign` and `timestamp` as the endpoint sends them.
fn request_schema(
    fields: &[&RequestField],
    sign: SignPlacement,
    timestamp: TimestampWire,
    sign_field: &str,
    timestamp_field: &str,
) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    if sign == SignPlacement::Body {
        properties.insert(sign_field.into(), sign_schema());
        required.push(Value::from(sign_field));
    }
    match timestamp {
        TimestampWire::String => {
            properties.insert(
                timestamp_field.into(),
                json!({"type": "string", "pattern": "^[0-9]+$", "description": "Milliseconds since the Unix epoch."}),
            );
            required.push(timestamp_field.into());
        }
        TimestampWire::Number => {
            properties.insert(
                timestamp_field.into(),
                json!({"type": "integer", "minimum": 0, "description": "Milliseconds since the Unix epoch."}),
            );
            required.push(timestamp_field.into());
        }
        TimestampWire::Absent => {}
    }
    for f in fields {
        properties.insert(f.wire.clone(), request_field(f));
        if f.required {
            required.push(Value::from(f.wire.as_str()));
        }
    }
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

fn request_field(f: &RequestField) -> Value {
    let mut description = f.doc.trim().to_string();
    push_notes(&mut description, &f.notes);
    let mut schema = match (f.kind, f.wire_type) {
        (FieldKind::Amount, WireType::Number) => {
            let mut s = json!({"type": "integer", "minimum": f.min.unwrap_or(1).max(1)});
            if let Some(max) = f.max {
                s["maximum"] = max.into();
            }
            s
        }
        (FieldKind::Amount, WireType::String) => {
            if let (Some(min), Some(max)) = (f.min, f.max) {
                description.push_str(&format!("\n\nFrom {min} to {max}."));
            }
            json!({"type": "string", "pattern": "^[0-9]+$", "description": "Whole units."})
        }
        (FieldKind::Enum, _) => {
            let values: Vec<&str> = f.values.iter().map(|v| v.wire.as_str()).collect();
            let docs: Vec<String> = f
                .values
                .iter()
                .map(|v| format!("`{}`: {}", v.wire, v.doc))
                .collect();
            description.push_str(&format!("\n\n{}", docs.join("; ")));
            json!({"type": "string", "enum": values})
        }
        (FieldKind::Text, _) => {
            let mut s = json!({"type": "string"});
            if f.required {
                s["minLength"] = 1.into();
            }
            match (f.digits, f.prefixes.is_empty()) {
                (Some([lo, hi]), true) => s["pattern"] = format!("^[0-9]{{{lo},{hi}}}$").into(),
                (Some([lo, hi]), false) => {
                    s["pattern"] = format!("^({})[0-9]*$", f.prefixes.join("|")).into();
                    s["minLength"] = lo.into();
                    s["maxLength"] = hi.into();
                }
                (None, false) => s["pattern"] = format!("^({})", f.prefixes.join("|")).into(),
                (None, true) => {}
            }
            if let Some(max) = f.max_len {
                s["maxLength"] = max.into();
            }
            match (f.format, &f.format_when) {
                (Some(TextFormat::HttpUrl), _) => {
                    s["format"] = "uri".into();
                    s["pattern"] = "^[hH][tT][tT][pP][sS]?://[^/?#]+".into();
                }
                (Some(TextFormat::Clabe), None) => s["pattern"] = "^[0-9]{18}$".into(),
                (Some(TextFormat::Clabe), Some(when)) => description.push_str(&format!(
                    "\n\nWhen `{}` is `{}`: a CLABE, 18 digits with a valid check digit (the Mexican banking standard).",
                    when.field, when.is
                )),
                (None, _) => {}
            }
            s
        }
    };
    schema["description"] = description.trim().into();
    schema
}

/// What the SDK accepts for a received value: every form the docs use.
fn response_field(f: &ResponseField) -> Value {
    let mut description = f.doc.trim().to_string();
    if !f.aliases.is_empty() {
        description.push_str(&format!(
            "\n\nAlso sent as: {}.",
            f.aliases
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    push_notes(&mut description, &f.notes);
    let mut schema = match f.kind {
        ValueKind::Text => json!({"type": ["string", "number", "null"]}),
        ValueKind::Decimal => json!({"type": ["string", "number", "null"]}),
        ValueKind::Integer => json!({"type": ["integer", "string", "null"]}),
        ValueKind::Boolean => json!({"type": ["boolean", "string", "null"]}),
        ValueKind::Status => json!({"type": "string", "pattern": "^[0-9]{4,7}$"}),
    };
    schema["description"] = description.trim().into();
    schema
}

/// An object of received fields; `strict` (notifications) lists the required ones.
fn object_schema(fields: &[&ResponseField], strict: bool) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for f in fields {
        properties.insert(f.wire.clone(), response_field(f));
        for alias in &f.aliases {
            properties.insert(alias.clone(), response_field(f));
        }
        if strict && f.required {
            required.push(Value::from(f.wire.as_str()));
        }
    }
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": true,
    })
}

fn envelope_schema(
    names: &crate::spec::EnvelopeNames,
    data: DataShape,
    fields: &[&ResponseField],
) -> Value {
    let data = match data {
        DataShape::Object => {
            let mut s = object_schema(fields, false);
            s["type"] = json!(["object", "null"]);
            s
        }
        DataShape::Boolean => json!({"type": ["boolean", "string", "null"]}),
    };
    let mut properties = Map::new();
    properties.insert(names.msg.clone(), json!({"type": ["string", "null"]}));
    properties.insert(
        names.code.clone(),
        json!({"type": ["string", "integer"], "description": "The outer code: `0000` accepted (the request, not the transaction); what others prove is in paypro-rs's spec/common.toml."}),
    );
    properties.insert(
        names.timestamp.clone(),
        json!({"type": ["integer", "string", "null"]}),
    );
    properties.insert(
        names.success.clone(),
        json!({"type": ["boolean", "string", "null"]}),
    );
    properties.insert(names.data.clone(), data);
    json!({
        "type": "object",
        "properties": properties,
        "required": [names.code],
        "additionalProperties": true,
    })
}
