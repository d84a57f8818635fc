//! A request is a plain value; [`PreparedRequest`] is the exact HTTP exchange it becomes.
//!
//! Preparing needs only the merchant's credentials and a timestamp, no transport, so the same
//! value feeds the async client, a blocking client, snapshot tests and the sandbox.

use std::borrow::Cow;
use std::fmt;

use crate::descriptor::{EndpointDescriptor, SignPlacement, TimestampWire};
use crate::lenient::FromRaw;
use crate::protocol::{MERCHANT_HEADER, METHOD, SIGN_FIELD, TIMESTAMP_FIELD};
use crate::sign::{Md5Signer, Signable};
use crate::wire::{BodyLen, WireTimestamp, Writer};
use crate::{Secret, Sign};

/// A typed request for one endpoint. Implemented by the generated request types.
///
/// Its [`Signable`] sends a `timestamp` exactly when its descriptor says one is sent:
/// [`PreparedRequest::new`] does not compile for a type where the two disagree.
pub trait Endpoint: Signable {
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
    /// [`crate::protocol::METHOD`] (`POST`, from `spec/common.toml`).
    pub method: &'static str,
    /// The path under the country's base URL.
    pub path: &'static str,
    /// Headers in sending order (`content-type`, `merchantNo`, and `sign` where it goes there).
    /// Constant values are borrowed, so preparing allocates only the list, the merchant
    /// number and the body (and the `sign` header where it goes there).
    pub headers: Vec<(&'static str, Cow<'static, str>)>,
    /// The JSON body, compact: the fields in signing order (sorted by wire name, `timestamp`
    /// among them), then `sign` where it goes in the body. The signature was computed from
    /// these bytes.
    pub body: String,
    /// The signature (also in the body or a header).
    pub sign: Sign,
    /// The timestamp that was signed, if the endpoint sends one.
    pub timestamp: Option<u64>,
}

impl PreparedRequest {
    /// Writes `request`'s body and signs it. `timestamp_ms` is used only by endpoints that
    /// send one.
    ///
    /// Each value is rendered once, into the body, and the signer is fed the canonical text of
    /// the bytes just written (see [`crate::wire`]): what is signed is what is sent.
    pub fn new<E: Endpoint>(request: &E, credentials: &Credentials, timestamp_ms: u64) -> Self {
        const {
            assert!(
                E::TIMESTAMPED == !matches!(E::DESCRIPTOR.timestamp, TimestampWire::Absent),
                "#[signable(timestamp)] and the descriptor's `timestamp` disagree"
            );
        }
        let d = E::DESCRIPTOR;
        let timestamp = match d.timestamp {
            TimestampWire::Absent => None,
            _ => Some(timestamp_ms),
        };
        let stamp = timestamp.map(|ms| WireTimestamp::new(ms, d.timestamp));
        // Sized once: exact unless a value needs escapes.
        let mut len = BodyLen(0);
        request.visit_wire(stamp, &mut len);
        let mut body = String::with_capacity(len.0 + SIGN_FIELD.len() + 40);
        body.push('{');
        let mut signer = Md5Signer::new(credentials.secret());
        let mut writer = Writer::body(&mut body, &mut signer);
        request.visit_wire(stamp, &mut writer);
        let fields = writer.fields();
        let sign = signer.finish();
        if d.sign == SignPlacement::Body {
            if fields > 0 {
                body.push(',');
            }
            body.push('"');
            body.push_str(SIGN_FIELD);
            body.push_str("\":\"");
            body.push_str(sign.as_str());
            body.push('"');
        }
        body.push('}');
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
            method: METHOD,
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

// paypro-derive cannot depend on this crate, so it spells `sign` (a name it refuses for a
// field) and `timestamp` (the field `#[signable(timestamp)]` adds, sorted among the others at
// compile time) itself; the build fails here if spec/common.toml ever names them differently.
const _: () = assert!(matches!(TIMESTAMP_FIELD.as_bytes(), b"timestamp"));
const _: () = assert!(matches!(SIGN_FIELD.as_bytes(), b"sign"));
