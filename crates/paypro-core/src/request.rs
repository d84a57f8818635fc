//! A request is a plain value; [`PreparedRequest`] is the exact HTTP exchange it becomes.
//!
//! Preparing needs only the merchant's credentials and a timestamp, no transport, so the same
//! value feeds the async client, a blocking client, snapshot tests and the sandbox.

use std::borrow::Cow;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::descriptor::{EndpointDescriptor, SignPlacement, TimestampWire};
use crate::lenient::FromRaw;
use crate::protocol::{MERCHANT_HEADER, SIGN_FIELD, TIMESTAMP_FIELD};
use crate::sign::{Md5Signer, Signable};
use crate::{Secret, Sign};

/// A typed request for one endpoint. Implemented by the generated request types.
pub trait Endpoint: Signable + Serialize {
    /// What the spec says about the endpoint.
    const DESCRIPTOR: &'static EndpointDescriptor;
    /// The response's typed `data`.
    type Response: FromRaw;

    /// The merchant's order number, for logs and traces, where the request carries one.
    fn trade_no(&self) -> Option<&str> {
        None
    }
}

/// Who is calling: the merchant number (sent as the `merchantNo` header) and the app secret.
///
/// `Debug` shows the merchant number and hides the secret:
///
/// ```
/// use paypro_core::{Credentials, Secret};
/// let c = Credentials::new("8729248847", Secret::new("top-secret")?);
/// assert_eq!(format!("{c:?}"), r#"Credentials { merchant_no: "8729248847", secret: Secret([redacted]) }"#);
/// # Ok::<(), paypro_core::SecretError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Credentials {
    merchant_no: String,
    secret: Secret,
}

impl Credentials {
    /// Credentials for one merchant.
    pub fn new(merchant_no: impl Into<String>, secret: Secret) -> Self {
        Credentials {
            merchant_no: merchant_no.into(),
            secret,
        }
    }

    /// The merchant number.
    pub fn merchant_no(&self) -> &str {
        &self.merchant_no
    }

    /// The app secret.
    pub fn secret(&self) -> &Secret {
        &self.secret
    }
}

/// The exact HTTP exchange for one request: method, path, headers and body bytes, signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedRequest {
    /// Always `POST`.
    pub method: &'static str,
    /// The path under the country's base URL.
    pub path: &'static str,
    /// Headers in sending order (`content-type`, `merchantNo`, and `sign` where it goes there).
    /// Constant values are borrowed, so preparing allocates only the list, the merchant
    /// number and the body (and the `sign` header where it goes there).
    pub headers: Vec<(&'static str, Cow<'static, str>)>,
    /// The JSON body, compact, fields in wire order: `sign`, `timestamp`, then the spec's order.
    pub body: String,
    /// The signature (also in the body or a header).
    pub sign: Sign,
    /// The timestamp that was signed, if the endpoint sends one.
    pub timestamp: Option<u64>,
}

impl PreparedRequest {
    /// Signs and serializes `request`. `timestamp_ms` is used only by endpoints that send one.
    pub fn new<E: Endpoint>(request: &E, credentials: &Credentials, timestamp_ms: u64) -> Self {
        let d = E::DESCRIPTOR;
        let timestamp = match d.timestamp {
            TimestampWire::Absent => None,
            _ => Some(timestamp_ms),
        };
        let mut signer = Md5Signer::new(credentials.secret());
        request.feed_canonical(timestamp, &mut signer);
        // The body is about the canonical string plus JSON's quotes, colons and commas: sized
        // once, so serializing does not grow it (an escaped value may still, rarely).
        let capacity = signer.fed() + signer.fed() / 4 + 8 * E::SIGNED_FIELDS.len() + 96;
        let sign = signer.finish();
        let body = Body {
            sign: match d.sign {
                SignPlacement::Body => Some(sign.as_str()),
                _ => None,
            },
            timestamp: timestamp.map(|ms| WireTimestamp(ms, d.timestamp)),
            fields: request,
        };
        let mut bytes = Vec::with_capacity(capacity);
        serde_json::to_writer(&mut bytes, &body).expect("request bodies are plain JSON objects");
        let body = String::from_utf8(bytes).expect("serde_json writes UTF-8");
        let mut headers = Vec::with_capacity(3);
        headers.push(("content-type", Cow::Borrowed("application/json")));
        headers.push((
            MERCHANT_HEADER,
            Cow::Owned(credentials.merchant_no().to_string()),
        ));
        if d.sign == SignPlacement::Header {
            headers.push((SIGN_FIELD, Cow::Owned(sign.as_str().to_string())));
        }
        PreparedRequest {
            method: "POST",
            path: d.path,
            headers,
            body,
            sign,
            timestamp,
        }
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| &**v)
    }
}

impl fmt::Display for PreparedRequest {
    /// The request as text: request line, headers, blank line, body.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} {}", self.method, self.path)?;
        for (name, value) in &self.headers {
            writeln!(f, "{name}: {value}")?;
        }
        writeln!(f)?;
        f.write_str(&self.body)
    }
}

#[derive(Serialize)]
struct Body<'a, E: Serialize> {
    #[serde(rename = "sign", skip_serializing_if = "Option::is_none")]
    sign: Option<&'a str>,
    #[serde(rename = "timestamp", skip_serializing_if = "Option::is_none")]
    timestamp: Option<WireTimestamp>,
    #[serde(flatten)]
    fields: &'a E,
}

/// The body a request sends, without `sign`, as a JSON value: what a gateway would sign.
/// Used by tests and the sandbox to check the derive against [`crate::sign_map`].
pub fn unsigned_body<E: Endpoint>(request: &E, timestamp_ms: u64) -> serde_json::Value {
    let d = E::DESCRIPTOR;
    let body = Body {
        sign: None,
        timestamp: match d.timestamp {
            TimestampWire::Absent => None,
            wire => Some(WireTimestamp(timestamp_ms, wire)),
        },
        fields: request,
    };
    serde_json::to_value(&body).expect("request bodies are plain JSON objects")
}

struct WireTimestamp(u64, TimestampWire);

impl Serialize for WireTimestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.1 {
            TimestampWire::Number => s.serialize_u64(self.0),
            _ => s.collect_str(&self.0),
        }
    }
}

// paypro-derive cannot depend on this crate, so it spells `sign` and `timestamp` itself; the
// build fails here if spec/common.toml ever names them differently.
const _: () = assert!(matches!(TIMESTAMP_FIELD.as_bytes(), b"timestamp"));
const _: () = assert!(matches!(SIGN_FIELD.as_bytes(), b"sign"));
