//! What a strict gateway checks before doing anything: header, content type, size, JSON, sign,
//! timestamp, required fields, wire types and the spec's rules. Every refusal has a code and a
//! message that names the problem (the codes are the sandbox's own; Paypro's are undocumented).

use paypro_core::descriptor::{
    CountryDescriptor, EndpointDescriptor, FieldKind, SignPlacement, TimestampWire, WireType,
};
use paypro_core::protocol::{MERCHANT_HEADER, SIGN_FIELD, TIMESTAMP_FIELD};
use paypro_core::{Amount, RawObject, Secret, check_conditional_format, check_text, sign_raw};

/// A refusal: the envelope's `code` and `msg`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The sandbox's code (see the crate README).
    pub code: &'static str,
    /// What is wrong.
    pub msg: String,
}

impl Refusal {
    /// A refusal with `code` (one of [`codes`]) and `msg`.
    pub fn new(code: &'static str, msg: impl Into<String>) -> Self {
        Refusal {
            code,
            msg: msg.into(),
        }
    }

    /// The documented envelope the sandbox answers it with:
    /// `{"msg":"...","code":"9xxx","timestamp":MS,"success":false,"data":null}`.
    pub fn envelope(&self) -> String {
        crate::respond::refused(self.code, &self.msg, crate::time::now_ms())
    }
}

/// The country and endpoint served at `path` (the country's base path, then the endpoint's
/// documented path, exact casing), if any.
pub fn route(
    countries: &[&'static CountryDescriptor],
    path: &str,
) -> Option<(&'static CountryDescriptor, &'static EndpointDescriptor)> {
    countries.iter().copied().find_map(|c| {
        let rest = path.strip_prefix(&crate::base_path(c))?;
        c.endpoints
            .iter()
            .copied()
            .find(|e| e.path == rest)
            .map(|e| (c, e))
    })
}

/// Codes the sandbox answers with: `spec/common.toml`'s `[[sandbox_code]]`, generated into
/// paypro-core (one place knows them, and how a client reads them). They are the sandbox's own,
/// never Paypro's: every answer carries [`paypro_core::protocol::SANDBOX_HEADER`], and only on
/// such an answer does the client read them as refusals.
pub mod codes {
    pub use paypro_core::protocol::sandbox_code::*;
}

/// Whether a content type is JSON: exactly `application/json` (any case), parameters such as
/// `; charset=utf-8` allowed.
pub fn is_json(content_type: &str) -> bool {
    content_type
        .split(';')
        .next()
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
}

/// The one value of a header; `Err` when it is given more than once.
fn single<'h>(
    headers: &'h axum::http::HeaderMap,
    name: &str,
    code: &'static str,
) -> Result<Option<&'h axum::http::HeaderValue>, Refusal> {
    let mut all = headers.get_all(name).iter();
    let first = all.next();
    if all.next().is_some() {
        return Err(Refusal::new(
            code,
            format!("header `{name}` is given more than once"),
        ));
    }
    Ok(first)
}

/// Checks the request of `endpoint` from a merchant whose secret is `secret`; amounts must be
/// more than 0 and at most `max_amount`.
pub fn check(
    endpoint: &EndpointDescriptor,
    headers: &axum::http::HeaderMap,
    body: &[u8],
    max_body_bytes: usize,
    max_amount: u64,
    merchant_secret: impl Fn(&str) -> Option<Secret>,
) -> Result<(String, RawObject), Refusal> {
    let content_type = single(headers, "content-type", codes::CONTENT_TYPE)?
        .map(|v| v.to_str().unwrap_or("(not text)"))
        .unwrap_or("");
    if !is_json(content_type) {
        return Err(Refusal::new(
            codes::CONTENT_TYPE,
            format!("content-type must be application/json, got `{content_type}`"),
        ));
    }
    if body.len() > max_body_bytes {
        return Err(Refusal::new(
            codes::TOO_LARGE,
            format!(
                "body is {} bytes, over the {max_body_bytes}-byte limit",
                body.len()
            ),
        ));
    }
    let text = std::str::from_utf8(body)
        .map_err(|_| Refusal::new(codes::MALFORMED, "body is not UTF-8"))?;
    let object =
        RawObject::parse(text, "body").map_err(|e| Refusal::new(codes::MALFORMED, e.problem))?;
    // What a common JSON parser refuses (a number out of range such as `1e400`), a gateway
    // may refuse too: so does the sandbox.
    if let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
        return Err(Refusal::new(
            codes::MALFORMED,
            format!("body is not JSON a common parser reads: {e}"),
        ));
    }
    let merchant_no = single(headers, MERCHANT_HEADER, codes::MERCHANT)?
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| {
            Refusal::new(
                codes::MERCHANT,
                format!("missing header `{MERCHANT_HEADER}`"),
            )
        })?
        .to_string();
    let secret = merchant_secret(&merchant_no).ok_or_else(|| {
        Refusal::new(codes::MERCHANT, format!("unknown merchant `{merchant_no}`"))
    })?;
    let sent_sign = match endpoint.sign {
        SignPlacement::Header => single(headers, SIGN_FIELD, codes::SIGN)?
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        _ => object.get(SIGN_FIELD).map(|raw| text_of(raw.get())),
    };
    let Some(sent_sign) = sent_sign else {
        let place = if endpoint.sign == SignPlacement::Header {
            "header"
        } else {
            "body field"
        };
        return Err(Refusal::new(codes::SIGN, format!("missing `sign` {place}")));
    };
    if !sign_raw(&object, &secret).matches(&sent_sign) {
        return Err(Refusal::new(
            codes::SIGN,
            "sign error: the signature does not match the body",
        ));
    }
    match (endpoint.timestamp, object.get(TIMESTAMP_FIELD)) {
        (TimestampWire::Absent, _) => {}
        (_, None) => return Err(Refusal::new(codes::FIELD, "missing field `timestamp`")),
        (wire, Some(raw)) => {
            let ok = match wire {
                TimestampWire::Number => raw.get().bytes().all(|b| b.is_ascii_digit()),
                _ => {
                    raw.get().starts_with('"')
                        && text_of(raw.get()).bytes().all(|b| b.is_ascii_digit())
                        && raw.get().len() > 2
                }
            };
            if !ok {
                let want = if wire == TimestampWire::Number {
                    "a JSON number"
                } else {
                    "a JSON string of digits"
                };
                return Err(Refusal::new(
                    codes::FIELD,
                    format!("`timestamp` must be {want} (milliseconds)"),
                ));
            }
        }
    }
    for field in endpoint.request {
        let Some(raw) = object.get(field.wire) else {
            if field.required {
                return Err(Refusal::new(
                    codes::FIELD,
                    format!("missing field `{}`", field.wire),
                ));
            }
            continue;
        };
        let is_string = raw.get().starts_with('"');
        let number_ok = field.kind == FieldKind::Amount
            && !is_string
            && raw
                .get()
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
        match field.wire_type {
            WireType::String if !is_string => {
                return Err(Refusal::new(
                    codes::FIELD,
                    format!("`{}` must be a JSON string", field.wire),
                ));
            }
            WireType::Number if !number_ok => {
                return Err(Refusal::new(
                    codes::FIELD,
                    format!("`{}` must be a JSON number", field.wire),
                ));
            }
            _ => {}
        }
        let text = text_of(raw.get());
        let other = field
            .rules
            .format_when
            .and_then(|when| object.get(when.field))
            .map(|raw| text_of(raw.get()));
        if let Err(problem) = check_text(field, &text)
            .and_then(|()| check_conditional_format(field, &text, other.as_deref()))
        {
            return Err(Refusal::new(
                codes::FIELD,
                format!("`{}` {problem}", field.wire),
            ));
        }
        if field.kind == FieldKind::Amount && !text.is_empty() {
            check_amount_cap(field.wire, &text, max_amount)?;
        }
    }
    Ok((merchant_no, object))
}

/// The sandbox's own bounds on an amount that passed the spec's rules: more than 0, at most
/// `max_amount` (so balances cannot overflow).
fn check_amount_cap(wire: &str, text: &str, max_amount: u64) -> Result<(), Refusal> {
    let amount = Amount::parse(text)
        .map_err(|e| Refusal::new(codes::FIELD, format!("`{wire}` {e}")))?
        .get();
    if amount == 0 {
        return Err(Refusal::new(
            codes::FIELD,
            format!("`{wire}` must be at least 1 (got 0)"),
        ));
    }
    if amount > max_amount {
        return Err(Refusal::new(
            codes::FIELD,
            format!("`{wire}` must be at most {max_amount} in the sandbox (got {amount})"),
        ));
    }
    Ok(())
}

/// A raw JSON value as text (strings unescaped).
pub fn text_of(raw: &str) -> String {
    if raw.starts_with('"') {
        serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_string())
    } else {
        raw.to_string()
    }
}
