//! The docs' examples, checked against the spec and turned into what the generated tests pin.
//!
//! A request example must use only declared fields, with their wire types and rules, and carry
//! every required field and the timestamp the endpoint sends. From it the generator computes
//! the expected body, canonical string and sign with its own signer (`crate::oracle`); the
//! generated test recomputes them through the runtime: the typed builder, serde and
//! `#[derive(Signable)]`.

use serde_json::value::RawValue;
use serde_json::{Map, Value};
use toml::Spanned;

use crate::spec::{
    CountrySpec, DataShape, Endpoint, Example, Loaded, ResponseField, SignPlacement, SpecError,
    TimestampWire, ValueKind, WireType,
};

/// A request example that passed every check.
pub struct RequestExample {
    /// The timestamp to sign with (the example's; 0 where the endpoint sends none).
    pub timestamp: Option<u64>,
    /// `(field index, value as text)` in spec order, for the fields the example sets.
    pub values: Vec<(usize, String)>,
    /// Every key of the docs' example, sorted (compared with the body when origin = docs).
    pub keys: Vec<String>,
}

/// What the generated snapshot test must reproduce.
pub struct Expected {
    pub body: String,
    pub canonical: String,
    pub sign: String,
}

/// One decoded field of a response/notification example.
pub struct DecodedField {
    pub field: usize,
    /// The value as the SDK reads it: text, decimal text, integer text, `true`/`false`, status code.
    pub value: Option<String>,
}

/// A checked response or notification example.
pub struct DataExample {
    pub json: String,
    pub accepted: bool,
    /// For `data = "boolean"`: the value.
    pub boolean: Option<bool>,
    pub fields: Vec<DecodedField>,
    /// Keys expected in `extra`, sorted.
    pub extra: Vec<String>,
}

fn parse_object(
    file: &Loaded<CountrySpec>,
    example: &Spanned<Example>,
    what: &str,
) -> Result<Map<String, Value>, SpecError> {
    match serde_json::from_str::<Value>(&example.get_ref().json) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(file.error(
            example.span(),
            format!("{what}: `json` must be a JSON object"),
        )),
        Err(e) => Err(file.error(
            example.span(),
            format!("{what}: `json` is not valid JSON: {e}"),
        )),
    }
}

/// Checks an endpoint's request example.
pub fn check_request(
    file: &Loaded<CountrySpec>,
    endpoint: &Endpoint,
    example: &Spanned<Example>,
) -> Result<RequestExample, Vec<SpecError>> {
    let what = format!("endpoint `{}`, example", endpoint.name);
    let map = parse_object(file, example, &what).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut fail = |msg: String| errors.push(file.error(example.span(), format!("{what}: {msg}")));
    let mut timestamp = None;
    let mut found: Vec<(usize, String)> = Vec::new();
    for (key, value) in &map {
        match key.as_str() {
            "sign" => {}
            "timestamp" => match (endpoint.timestamp, value) {
                (TimestampWire::Absent, _) => fail(
                    "has a `timestamp` but the endpoint sends none (timestamp = \"absent\")".into(),
                ),
                (TimestampWire::String, Value::String(s)) if s.parse::<u64>().is_ok() => {
                    timestamp = s.parse().ok()
                }
                (TimestampWire::Number, Value::Number(n)) if n.as_u64().is_some() => {
                    timestamp = n.as_u64()
                }
                (wire, v) => fail(format!(
                    "`timestamp` is {v} but the endpoint declares timestamp = \"{}\" (digits as a JSON {0})",
                    match wire {
                        TimestampWire::Number => "number",
                        _ => "string",
                    }
                )),
            },
            _ => {
                let Some(index) = endpoint
                    .request
                    .iter()
                    .position(|f| f.get_ref().wire == *key)
                else {
                    fail(format!(
                        "key `{key}` is not a request field of this endpoint"
                    ));
                    continue;
                };
                let field = endpoint.request[index].get_ref();
                let text = match (field.wire_type, value) {
                    (WireType::String, Value::String(s)) => s.clone(),
                    (WireType::Number, Value::Number(n)) => n.to_string(),
                    (wire, v) => {
                        fail(format!(
                            "`{key}` is {v} but the field's wire_type is {}",
                            match wire {
                                WireType::Number => "number",
                                WireType::String => "string",
                            }
                        ));
                        continue;
                    }
                };
                if let Err(problem) = crate::oracle::check_text(field, &text) {
                    fail(format!("`{key}` {problem}"));
                    continue;
                }
                found.push((index, text));
            }
        }
    }
    // Rules that depend on another field of the example.
    for (index, text) in &found {
        let field = endpoint.request[*index].get_ref();
        if let (Some(format), Some(when)) = (field.format, &field.format_when) {
            let other = map.get(&when.field).and_then(Value::as_str);
            if other == Some(when.is.as_str()) && !text.is_empty() {
                if let Err(problem) = crate::oracle::check_format(format, text) {
                    fail(format!("`{}` {problem}", field.wire));
                }
            }
        }
    }
    if endpoint.timestamp != TimestampWire::Absent
        && timestamp.is_none()
        && !map.contains_key("timestamp")
    {
        fail("has no `timestamp`, which the endpoint sends".into());
    }
    for field in &endpoint.request {
        let f = field.get_ref();
        if f.required && !map.contains_key(&f.wire) {
            fail(format!("required field `{}` is missing", f.wire));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    found.sort_by_key(|(i, _)| *i);
    let mut keys: Vec<String> = map.keys().cloned().collect();
    keys.sort();
    Ok(RequestExample {
        timestamp: if endpoint.timestamp == TimestampWire::Absent {
            None
        } else {
            timestamp
        },
        values: found,
        keys,
    })
}

/// The body, canonical string and sign the generated test must reproduce. The body is the
/// fields sorted by wire name in byte order (`timestamp` among them), then `sign` where it goes
/// in the body: the runtime writes the fields in its signing order.
pub fn expected(
    endpoint: &Endpoint,
    example: &RequestExample,
    protocol: &crate::spec::Protocol,
    secret: &str,
    placement: crate::spec::Placement,
) -> Expected {
    let mut unsigned = Map::new();
    if let Some(ts) = example.timestamp {
        let v = match endpoint.timestamp {
            TimestampWire::Number => Value::from(ts),
            _ => Value::from(ts.to_string()),
        };
        unsigned.insert(protocol.timestamp_field.clone(), v);
    }
    for (index, text) in &example.values {
        let field = endpoint.request[*index].get_ref();
        let v = match field.wire_type {
            WireType::Number => Value::from(text.parse::<u64>().expect("checked amount")),
            WireType::String => Value::from(text.clone()),
        };
        unsigned.insert(field.wire.clone(), v);
    }
    let canonical = crate::oracle::canonical_string(&unsigned);
    let sign = crate::oracle::sign(&unsigned, secret, placement);
    let mut ordered: Vec<(&String, Value)> = unsigned.iter().map(|(k, v)| (k, v.clone())).collect();
    ordered.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    if endpoint.sign == SignPlacement::Body {
        ordered.push((&protocol.sign_field, Value::from(sign.clone())));
    }
    let parts: Vec<String> = ordered
        .iter()
        .map(|(k, v)| format!("{}:{}", Value::from(k.as_str()), v))
        .collect();
    Expected {
        body: format!("{{{}}}", parts.join(",")),
        canonical,
        sign,
    }
}

/// Decodes one value the way the SDK will (from its raw JSON text, so `3.0000` stays
/// `3.0000`); a spec whose example contradicts its own kinds fails here rather than in a
/// generated test.
fn decode(kind: ValueKind, raw: &RawValue, path: &str) -> Result<Option<String>, String> {
    crate::oracle::decode(kind, raw, path)
}

/// Assigns an object's keys to fields in arrival order, as the generated decoder does: the
/// first non-null of a field's wire name and aliases wins, the rest go to `extra`.
fn decode_object(
    fields: &[Spanned<ResponseField>],
    object: &[(String, Box<RawValue>)],
) -> Result<(Vec<DecodedField>, Vec<String>), String> {
    let mut decoded: Vec<DecodedField> = Vec::new();
    let mut extra = Vec::new();
    for (key, value) in object {
        let index = fields.iter().position(|f| {
            let f = f.get_ref();
            f.wire == *key || f.aliases.iter().any(|a| a == key)
        });
        match index {
            Some(i) if !decoded.iter().any(|d| d.field == i && d.value.is_some()) => {
                let value = decode(fields[i].get_ref().kind, value, key)?;
                decoded.retain(|d| d.field != i);
                decoded.push(DecodedField { field: i, value });
            }
            _ => extra.push(key.to_string()),
        }
    }
    decoded.sort_by_key(|d| d.field);
    extra.sort();
    Ok((decoded, extra))
}

fn parse_raw(
    file: &Loaded<CountrySpec>,
    example: &Spanned<Example>,
    what: &str,
) -> Result<Vec<(String, Box<RawValue>)>, SpecError> {
    crate::oracle::raw_object(example.get_ref().json.trim())
        .map_err(|e| file.error(example.span(), format!("{what}: json: {e}")))
}

fn get<'a>(object: &'a [(String, Box<RawValue>)], key: &str) -> Option<&'a RawValue> {
    object.iter().find(|(k, _)| k == key).map(|(_, v)| &**v)
}

/// Checks a response example: an envelope whose `data` has the endpoint's shape.
///
/// Note: `serde_json::Map` here is ordered by key, not arrival; the SDK keeps arrival order,
/// which only matters when a field and its alias both appear (the docs never do that).
pub fn check_response(
    file: &Loaded<CountrySpec>,
    endpoint: &Endpoint,
    example: &Spanned<Example>,
) -> Result<DataExample, SpecError> {
    let what = format!("endpoint `{}`, response_example", endpoint.name);
    let object = parse_raw(file, example, &what)?;
    let fail = |msg: String| file.error(example.span(), format!("{what}: {msg}"));
    let accepted = match get(&object, "code").map(RawValue::get) {
        Some(code) if code.starts_with('"') => code == "\"0000\"",
        _ => return Err(fail("needs a string `code`".into())),
    };
    let data = get(&object, "data");
    let (boolean, fields, extra) = match (endpoint.data, data) {
        (DataShape::Boolean, Some(v)) => {
            let b = decode(ValueKind::Boolean, v, "data").map_err(fail)?;
            (b.map(|b| b == "true"), Vec::new(), Vec::new())
        }
        (DataShape::Object, Some(v)) if v.get().starts_with('{') => {
            let inner =
                crate::oracle::raw_object(v.get()).map_err(|e| fail(format!("data: {e}")))?;
            let (fields, extra) = decode_object(&endpoint.response, &inner).map_err(fail)?;
            (None, fields, extra)
        }
        _ => {
            return Err(fail(
                "`data` must be present and have the endpoint's shape".into(),
            ));
        }
    };
    Ok(DataExample {
        json: example.get_ref().json.trim().to_string(),
        accepted,
        boolean,
        fields,
        extra,
    })
}

/// Checks a notification example.
pub fn check_notification(
    file: &Loaded<CountrySpec>,
    fields: &[Spanned<ResponseField>],
    example: &Spanned<Example>,
) -> Result<DataExample, SpecError> {
    let object = parse_raw(file, example, "notification example")?;
    let (decoded, extra) = decode_object(fields, &object)
        .map_err(|m| file.error(example.span(), format!("notification example: {m}")))?;
    Ok(DataExample {
        json: example.get_ref().json.trim().to_string(),
        accepted: true,
        boolean: None,
        fields: decoded,
        extra,
    })
}
