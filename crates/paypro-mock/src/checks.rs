//! What a strict gateway checks before doing anything: header, content type, size, JSON, sign,
//! timestamp, required fields, wire types and the spec's rules. Every refusal has a code and a
//! message that names the problem (the codes are the sandbox's own; Paypro's are undocumented).

use paypro_core::descriptor::{
    EndpointDescriptor, FieldKind, SignPlacement, TimestampWire, WireType,
};
use paypro_core::protocol::{MERCHANT_HEADER, SIGN_FIELD, TIMESTAMP_FIELD};
use paypro_core::{RawObject, Secret, check_text, sign_raw};

/// A refusal: the envelope's `code` and `msg`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The sandbox's code (see the crate README).
    pub code: &'static str,
    /// What is wrong.
    pub msg: String,
}

impl Refusal {
    pub(crate) fn new(code: &'static str, msg: impl Into<String>) -> Self {
        Refusal {
            code,
            msg: msg.into(),
        }
    }
}

/// Codes the sandbox answers with.
pub mod codes {
    /// No endpoint at that path.
    pub const UNKNOWN_PATH: &str = "9404";
    /// Not a POST.
    pub const METHOD: &str = "9405";
    /// Not `application/json`.
    pub const CONTENT_TYPE: &str = "9415";
    /// Body over the limit.
    pub const TOO_LARGE: &str = "9413";
    /// Not a JSON object.
    pub const MALFORMED: &str = "9400";
    /// Missing or unknown `merchantNo`.
    pub const MERCHANT: &str = "9401";
    /// Missing or wrong `sign`.
    pub const SIGN: &str = "9402";
    /// A field (or the timestamp) is missing, of the wrong type, or breaks a rule.
    pub const FIELD: &str = "9422";
    /// The `tradeNo` was used before.
    pub const DUPLICATE: &str = "9409";
    /// No such order.
    pub const NOT_FOUND: &str = "9410";
    /// Not enough available balance for a payout.
    pub const BALANCE: &str = "9411";
}

/// Checks the request of `endpoint` from a merchant whose secret is `secret`.
pub fn check(
    endpoint: &EndpointDescriptor,
    headers: &axum::http::HeaderMap,
    body: &[u8],
    max_body_bytes: usize,
    merchant_secret: impl Fn(&str) -> Option<Secret>,
) -> Result<(String, RawObject), Refusal> {
    let content_type = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !content_type
        .to_ascii_lowercase()
        .starts_with("application/json")
    {
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
    let merchant_no = headers
        .get(MERCHANT_HEADER)
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
        SignPlacement::Header => headers
            .get(SIGN_FIELD)
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
        if let Err(problem) = check_text(field, &text_of(raw.get())) {
            return Err(Refusal::new(
                codes::FIELD,
                format!("`{}` {problem}", field.wire),
            ));
        }
    }
    Ok((merchant_no, object))
}

/// A raw JSON value as text (strings unescaped).
pub fn text_of(raw: &str) -> String {
    if raw.starts_with('"') {
        serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_string())
    } else {
        raw.to_string()
    }
}
