//! Fuzzing the sandbox's request checks (`checks::check`, `checks::route`): random headers,
//! bodies and paths, and near-valid signed requests with one mutation. The property: never a
//! panic; every refusal is the documented envelope with one of the sandbox's 9xxx codes; an
//! accepted request really satisfies the spec's rules (checked here independently).
//!
//! `PAYPRO_FUZZ_SECS=600 cargo test --release -p paypro-sandbox --test it -- fuzz:: --nocapture`

use axum::http::{HeaderMap, HeaderName, HeaderValue};
use paypro_core::descriptor::{
    EndpointDescriptor, FieldKind, FieldSpec, SignPlacement, TextFormat, TimestampWire, WireType,
};
use paypro_core::protocol::{MERCHANT_HEADER, SIGN_FIELD, TIMESTAMP_FIELD};
use paypro_core::{Amount, RawObject, Secret, check_text, sign_raw};
use paypro_mock::{checks, codes};
use paypro_testkit::fuzz;
use paypro_testkit::replay::object;
use paypro_testkit::{TEST_MERCHANT_NO, TEST_SECRET};
use proptest::prelude::*;

const MAX_BODY: usize = 4096;
const MAX_AMOUNT: u64 = 1_000_000_000_000;

fn secret() -> Secret {
    Secret::new(TEST_SECRET).expect("the test secret is not blank")
}

fn endpoints() -> Vec<&'static EndpointDescriptor> {
    paypro_all::COUNTRIES
        .iter()
        .flat_map(|c| c.endpoints.iter().copied())
        .collect()
}

/// A value that passes `field`'s rules, as raw JSON.
fn valid_value(field: &FieldSpec) -> String {
    let text = match field.kind {
        FieldKind::Enum(allowed) => allowed[0].to_string(),
        FieldKind::Amount => {
            let min = field.rules.min.unwrap_or(100).max(1);
            field.rules.max.map_or(min, |max| min.min(max)).to_string()
        }
        _ if field.rules.format == Some(TextFormat::HttpUrl) => {
            "https://merchant.example/fuzz".into()
        }
        // A valid CLABE is valid whatever account type is chosen.
        _ if field.rules.format == Some(TextFormat::Clabe) => "012180000000000015".into(),
        _ => {
            let prefix = field.rules.prefixes.first().copied().unwrap_or("");
            match field.rules.digits {
                Some((min, _)) => format!("{prefix:1<width$}", width = min as usize),
                None => format!("{prefix}fuzz"),
            }
        }
    };
    match field.wire_type {
        WireType::Number => text,
        _ => serde_json::Value::from(text).to_string(),
    }
}

/// The fields of a valid request (without `sign`), as raw JSON pairs in wire order.
fn valid_fields(endpoint: &EndpointDescriptor) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    match endpoint.timestamp {
        TimestampWire::Absent => {}
        TimestampWire::Number => fields.push(("timestamp".into(), "1728609257212".into())),
        _ => fields.push(("timestamp".into(), "\"1728609257212\"".into())),
    }
    for f in endpoint.request {
        fields.push((f.wire.to_string(), valid_value(f)));
    }
    fields
}

/// One mutation of a valid request.
#[derive(Clone, Debug)]
enum Mutation {
    None,
    RemoveField(usize),
    ReplaceValue(usize, String),
    DuplicateKey(usize, String),
    AddField(String, String),
    ContentType(String),
    Merchant(Option<String>),
    MerchantTwice,
    Sign(Option<String>),
    SplicedValue(usize),
    Body(String),
    Truncate(usize),
    Huge(usize),
    Nested(usize),
}

fn json_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"\"".to_string()),
        Just("null".to_string()),
        Just("true".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
        Just("0".to_string()),
        Just("\"0\"".to_string()),
        Just("-1".to_string()),
        Just("\"-1\"".to_string()),
        Just("1.5".to_string()),
        Just("\"1e3\"".to_string()),
        Just("1e400".to_string()),
        Just(format!("\"{}\"", u64::MAX)),
        Just(u64::MAX.to_string()),
        Just("\"18446744073709551616\"".to_string()),
        Just(format!("\"{}\"", MAX_AMOUNT + 1)),
        Just("\" 300 \"".to_string()),
        Just("{\"a\":[1,{\"b\":null}]}".to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| format!("\"{n}\"")),
        ".{0,40}".prop_map(|s| serde_json::Value::from(s).to_string()),
        "[0-9]{0,20}".prop_map(|s| format!("\"{s}\"")),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::None),
        (0usize..16).prop_map(Mutation::RemoveField),
        (0usize..16, json_value()).prop_map(|(i, v)| Mutation::ReplaceValue(i, v)),
        (0usize..16, json_value()).prop_map(|(i, v)| Mutation::DuplicateKey(i, v)),
        ("[a-zA-Z]{1,12}", json_value()).prop_map(|(k, v)| Mutation::AddField(k, v)),
        prop_oneof![
            Just("application/jsonx".to_string()),
            Just("application/json; charset=utf-8".to_string()),
            Just("APPLICATION/JSON".to_string()),
            Just("text/plain".to_string()),
            Just("application/json-seq".to_string()),
            Just("application/json,text/plain".to_string()),
            Just(String::new()),
            "[ -~]{0,30}",
        ]
        .prop_map(Mutation::ContentType),
        proptest::option::of("[0-9]{0,12}").prop_map(Mutation::Merchant),
        Just(Mutation::MerchantTwice),
        proptest::option::of("[0-9a-fA-F]{0,34}").prop_map(Mutation::Sign),
        (0usize..16).prop_map(Mutation::SplicedValue),
        ".{0,200}".prop_map(Mutation::Body),
        (0usize..400).prop_map(Mutation::Truncate),
        (MAX_BODY - 64..MAX_BODY + 64).prop_map(Mutation::Huge),
        (1usize..3000).prop_map(Mutation::Nested),
    ]
}

/// A request: headers and body.
struct Request {
    headers: HeaderMap,
    body: String,
}

fn header(headers: &mut HeaderMap, name: &str, value: &str) {
    if let (Ok(n), Ok(v)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) {
        headers.append(n, v);
    }
}

/// A valid request of `endpoint`, mutated once; re-signed after the mutation when `resign`.
fn build(endpoint: &EndpointDescriptor, m: &Mutation, resign: bool) -> Request {
    let mut fields = valid_fields(endpoint);
    let at = |i: usize, n: usize| if n == 0 { 0 } else { i % n };
    match m {
        Mutation::RemoveField(i) if !fields.is_empty() => {
            let i = at(*i, fields.len());
            fields.remove(i);
        }
        Mutation::ReplaceValue(i, v) if !fields.is_empty() => {
            let i = at(*i, fields.len());
            fields[i].1 = v.clone();
        }
        Mutation::DuplicateKey(i, v) if !fields.is_empty() => {
            let i = at(*i, fields.len());
            let key = fields[i].0.clone();
            fields.push((key, v.clone()));
        }
        Mutation::AddField(k, v) => fields.push((k.clone(), v.clone())),
        Mutation::SplicedValue(i) if fields.len() > 1 => {
            // `"a":"x","b":"y"` signs like `"a":"xb=y"`: splice the next field into one value.
            let i = at(*i, fields.len() - 1);
            let (next_key, next_value) = fields.remove(i + 1);
            let joined = format!(
                "{}{next_key}={}",
                checks::text_of(&fields[i].1),
                checks::text_of(&next_value)
            );
            fields[i].1 = serde_json::Value::from(joined).to_string();
        }
        _ => {}
    }
    let unsigned = object(&fields);
    let sign = RawObject::parse(&unsigned, "body")
        .map(|raw| sign_raw(&raw, &secret()).as_str().to_string())
        .unwrap_or_default();
    // A mutation after signing is what an attacker without the secret can do.
    let sign = if resign {
        sign
    } else {
        RawObject::parse(&object(&valid_fields(endpoint)), "body")
            .map(|raw| sign_raw(&raw, &secret()).as_str().to_string())
            .unwrap_or_default()
    };
    let sign = match m {
        Mutation::Sign(s) => s.clone(),
        _ => Some(sign),
    };
    let mut headers = HeaderMap::new();
    let mut body = unsigned.clone();
    match (&sign, endpoint.sign) {
        (Some(s), SignPlacement::Header) => header(&mut headers, SIGN_FIELD, s),
        (Some(s), _) => {
            fields.push((
                SIGN_FIELD.into(),
                serde_json::Value::from(s.as_str()).to_string(),
            ));
            body = object(&fields);
        }
        (None, _) => {}
    }
    match m {
        Mutation::ContentType(ct) => header(&mut headers, "content-type", ct),
        _ => header(&mut headers, "content-type", "application/json"),
    }
    match m {
        Mutation::Merchant(Some(merchant)) => header(&mut headers, MERCHANT_HEADER, merchant),
        Mutation::Merchant(None) => {}
        Mutation::MerchantTwice => {
            header(&mut headers, MERCHANT_HEADER, TEST_MERCHANT_NO);
            header(&mut headers, MERCHANT_HEADER, "9999999999");
        }
        _ => header(&mut headers, MERCHANT_HEADER, TEST_MERCHANT_NO),
    }
    match m {
        Mutation::Body(text) => body = text.clone(),
        Mutation::Truncate(n) => body.truncate((*n).min(body.len())),
        Mutation::Huge(n) => {
            let pad = n.saturating_sub(body.len() + 10);
            body.insert_str(body.len() - 1, &format!(",\"pad\":\"{}\"", "x".repeat(pad)));
        }
        Mutation::Nested(depth) => body = format!("{}{}", "[".repeat(*depth), "]".repeat(*depth)),
        _ => {}
    }
    if !body.is_char_boundary(body.len()) {
        body.clear();
    }
    Request { headers, body }
}

/// The codes `checks::check` may refuse with (the README's table).
const CHECK_CODES: [&str; 6] = [
    codes::CONTENT_TYPE,
    codes::TOO_LARGE,
    codes::MALFORMED,
    codes::MERCHANT,
    codes::SIGN,
    codes::FIELD,
];

fn refusal_is_documented(r: &paypro_mock::Refusal) -> Result<(), String> {
    if !CHECK_CODES.contains(&r.code) || r.msg.is_empty() {
        return Err(format!("undocumented refusal {r:?}"));
    }
    let envelope: serde_json::Value =
        serde_json::from_str(&r.envelope()).map_err(|e| format!("envelope not JSON: {e}"))?;
    let keys: Vec<&str> = envelope
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let ok = envelope["code"] == r.code
        && envelope["msg"] == r.msg.as_str()
        && envelope["success"] == false
        && envelope["data"].is_null()
        && envelope["timestamp"].is_u64()
        && keys.len() == 5;
    if !ok {
        return Err(format!("not the documented envelope: {envelope}"));
    }
    Ok(())
}

/// An accepted request, checked against the spec's rules independently of the sandbox.
fn really_valid(endpoint: &EndpointDescriptor, request: &Request) -> Result<(), String> {
    let content_type = request
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok());
    let media = content_type
        .and_then(|c| c.split(';').next())
        .map(str::trim);
    if !media.is_some_and(|m| m.eq_ignore_ascii_case("application/json"))
        || request.headers.get_all("content-type").iter().count() != 1
    {
        return Err(format!("accepted content type {content_type:?}"));
    }
    if request.body.len() > MAX_BODY {
        return Err("accepted a body over the limit".into());
    }
    // Merchant, sign (recomputed over the raw fields) and timestamp, read here without the
    // sandbox's checker: this is the second opinion on what that checker let through.
    let merchants: Vec<_> = request.headers.get_all(MERCHANT_HEADER).iter().collect();
    if merchants.len() != 1 || merchants[0].to_str().ok() != Some(TEST_MERCHANT_NO) {
        return Err(format!("accepted merchant header {merchants:?}"));
    }
    let raw = RawObject::parse(&request.body, "body").map_err(|e| e.problem)?;
    let sent = match endpoint.sign {
        SignPlacement::Header => {
            let signs: Vec<_> = request.headers.get_all(SIGN_FIELD).iter().collect();
            (signs.len() == 1)
                .then(|| signs[0].to_str().ok().map(str::to_string))
                .flatten()
        }
        _ => raw.get(SIGN_FIELD).map(|v| checks::text_of(v.get())),
    };
    if !sent.is_some_and(|s| sign_raw(&raw, &secret()).matches(&s)) {
        return Err("accepted a wrong or missing sign".into());
    }
    match (endpoint.timestamp, raw.get(TIMESTAMP_FIELD)) {
        (TimestampWire::Absent, _) => {}
        (_, None) => return Err("accepted without `timestamp`".into()),
        (wire, Some(v)) => {
            let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
            let ok = match wire {
                TimestampWire::Number => digits(v.get()),
                _ => v.get().starts_with('"') && digits(&checks::text_of(v.get())),
            };
            if !ok {
                return Err(format!("accepted timestamp {}", v.get()));
            }
        }
    }
    for f in endpoint.request {
        let Some(value) = raw.get(f.wire) else {
            if f.required {
                return Err(format!("accepted without `{}`", f.wire));
            }
            continue;
        };
        let is_string = value.get().starts_with('"');
        if (f.wire_type == WireType::String) != is_string {
            return Err(format!("accepted `{}` as {}", f.wire, value.get()));
        }
        let text = checks::text_of(value.get());
        check_text(f, &text).map_err(|p| format!("accepted `{}` {p}", f.wire))?;
        let other = f
            .rules
            .format_when
            .and_then(|when| raw.get(when.field))
            .map(|v| checks::text_of(v.get()));
        paypro_core::check_conditional_format(f, &text, other.as_deref())
            .map_err(|p| format!("accepted `{}` {p}", f.wire))?;
        if f.kind == FieldKind::Amount && !text.is_empty() {
            let amount = Amount::parse(&text).map_err(|e| format!("accepted `{}`: {e}", f.wire))?;
            if amount.get() == 0 || amount.get() > MAX_AMOUNT {
                return Err(format!("accepted amount {}", amount.get()));
            }
        }
    }
    Ok(())
}

#[test]
fn the_request_checks_never_panic_refuse_in_the_envelope_and_accept_only_valid_requests() {
    let all = endpoints();
    let n = all.len();
    let ran = std::sync::atomic::AtomicU64::new(0);
    let executions = fuzz(
        "sandbox request checks",
        (0..n, mutation(), any::<bool>()),
        |(i, m, resign)| {
            ran.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let endpoint = all[i];
            let request = build(endpoint, &m, resign);
            let secret_of = |merchant: &str| (merchant == TEST_MERCHANT_NO).then(secret);
            match checks::check(
                endpoint,
                &request.headers,
                request.body.as_bytes(),
                MAX_BODY,
                MAX_AMOUNT,
                secret_of,
            ) {
                Err(r) => refusal_is_documented(&r),
                Ok((merchant, _)) if merchant != TEST_MERCHANT_NO => {
                    Err(format!("accepted merchant {merchant}"))
                }
                Ok(_) => really_valid(endpoint, &request).map_err(|e| {
                    format!(
                        "{} {}: {e}: {}",
                        endpoint.country, endpoint.name, request.body
                    )
                }),
            }
        },
    );
    let ran = ran.into_inner();
    println!(
        "fuzz sandbox request checks: {ran} checks really ran (the helper counted {executions})"
    );
    assert!(ran > 0);
}

#[test]
fn an_unmutated_request_of_every_endpoint_is_accepted() {
    // The generator's baseline must be valid, or the property above would test only refusals.
    for endpoint in endpoints() {
        let request = build(endpoint, &Mutation::None, true);
        let checked = checks::check(
            endpoint,
            &request.headers,
            request.body.as_bytes(),
            MAX_BODY,
            MAX_AMOUNT,
            |m| (m == TEST_MERCHANT_NO).then(secret),
        );
        assert!(
            checked.is_ok(),
            "{} {}: {checked:?}: {}",
            endpoint.country,
            endpoint.name,
            request.body
        );
    }
}

#[test]
fn routing_any_path_never_panics_and_finds_only_exact_paths() {
    let countries = paypro_all::COUNTRIES;
    let known: Vec<String> = countries
        .iter()
        .flat_map(|c| {
            c.endpoints
                .iter()
                .map(move |e| format!("{}{}", paypro_mock::base_path(c), e.path))
        })
        .collect();
    let path = prop_oneof![
        "/[ -~]{0,60}",
        ".{0,80}",
        (0..known.len(), "[ -~]{0,4}", any::<bool>()).prop_map(move |(i, extra, before)| {
            if before {
                format!("{extra}{}", known[i])
            } else {
                format!("{}{extra}", known[i])
            }
        }),
    ];
    fuzz("sandbox routing", path, |path| {
        match checks::route(countries, &path) {
            Some((c, e)) if format!("{}{}", paypro_mock::base_path(c), e.path) != path => {
                Err(format!("{path} routed to {} {}", c.code, e.name))
            }
            _ => Ok(()),
        }
    });
}
