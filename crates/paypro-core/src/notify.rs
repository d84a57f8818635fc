//! Payment notifications: verify on the raw fields, then parse.
//!
//! Paypro POSTs a JSON callback to the merchant's `notifyUrl` for every pay-in and payout
//! result, signed by the request rule over every field but `sign` (Kenya's carry no
//! signature: see `paypro_ke::UnconfirmedNotification`). It retries 8 times in 24 h (2 s, 5 s,
//! 10 s, 30 s, 1 h, 3 h, 3 h, 3 h) until the answer is the plain text [`ACK`].
//!
//! Verification works on the body exactly as received, never on a typed struct: a field the
//! gateway adds (Mexico's `utr`) is part of the signature, and a number keeps its text
//! (`3.0000` is signed as `3.0000`, not re-serialized as `3.0`). Parsing is a separate step, so
//! a handler can verify, enqueue the body, answer [`ACK`] and parse later.
//!
//! Because Paypro retries, the same notification can arrive more than once, out of order, or
//! replayed later: apply each verified one to the order's stored state with
//! [`crate::order::Order::apply`] (keyed by `tradeNo`), which ignores duplicates, stale news and
//! downgrades after a final state, and answer [`ACK`] to all of them.
//!
//! ```
//! use paypro_core::notify::{sign_body, Verifier, ACK};
//! use paypro_core::Secret;
//!
//! // What Paypro would send (here signed with a test secret).
//! let body = sign_body(
//!     r#"{"platFormTradeNo":"5286e988","tradeNo":"00000020","amount":30000,"status":"0000","utr":"1"}"#,
//!     &Secret::new("TESTSECRET").unwrap(),
//! )
//! .unwrap();
//!
//! let verifier = Verifier::new(Secret::new("TESTSECRET").unwrap());
//! let verified = verifier.verify(body.as_bytes()).expect("a genuine callback");
//! assert_eq!(verified.get_str("status").as_deref(), Some("0000"));
//! // ...store `verified.body()`, answer ACK, parse with the country's Notification type later.
//! assert_eq!(ACK, "OK");
//!
//! // One changed byte and it is refused.
//! let forged = body.replace("30000", "90000");
//! assert!(verifier.verify(forged.as_bytes()).is_err());
//! ```

use std::fmt;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use serde_json::value::RawValue;

use crate::clock::{Clock, SystemClock};
use crate::protocol::{NOTIFY_ACK, SIGN_FIELD, TIMESTAMP_FIELD};
use crate::raw::{FieldIndex, raw_text};
use crate::sign::{sign_fields, sign_raw};
use crate::{DecodeError, FromRaw, RawError, RawFields, RawObject, Secret};

/// The plain-text answer that stops Paypro's retries.
pub const ACK: &str = NOTIFY_ACK;

/// Why a notification was refused. Answer 400 (or anything but [`ACK`]) to all of them; only
/// [`NotifyError::BadSign`] and [`NotifyError::StaleTimestamp`] suggest forgery or replay.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NotifyError {
    /// The body is over the limit.
    #[error("the body is {got} bytes, over the {limit}-byte limit")]
    TooLarge {
        /// The limit.
        limit: usize,
        /// The body's size.
        got: usize,
    },
    /// Not JSON (or not UTF-8, or empty).
    #[error("not a notification: not JSON ({0})")]
    NotJson(String),
    /// The body did not arrive whole (the connection failed while it was read).
    #[error("the body could not be read: {0}")]
    BodyNotRead(String),
    /// JSON, but not an object (an array or a scalar).
    #[error("not a notification: {0}")]
    NotAnObject(String),
    /// A key given twice: which value was meant is ambiguous.
    #[error("not a notification: the key `{0}` is given twice")]
    DuplicateKey(String),
    /// More fields than [`crate::RawObject::MAX_FIELDS`].
    #[error("not a notification: more than {limit} fields")]
    TooManyFields {
        /// The limit.
        limit: usize,
    },
    /// The signature checked out (or, for an unsigned country, the body was read) but the
    /// fields cannot be acted on: two spellings of one field, a value of the wrong kind, a
    /// value spliced from two fields, or a required field missing.
    #[error("the notification cannot be acted on: {0}")]
    Unusable(DecodeError),
    /// No `sign` field.
    #[error("the notification has no `sign`")]
    MissingSign,
    /// `sign` is not 32 lowercase hex characters.
    #[error("`sign` is not 32 lowercase hex characters")]
    MalformedSign,
    /// The signature does not match with any configured secret: forged or altered.
    #[error("the signature does not match: the notification is forged or was altered")]
    BadSign,
    /// Timestamp checking is on and the notification has no readable `timestamp`.
    #[error("the notification has no readable `timestamp`")]
    MissingTimestamp,
    /// Timestamp checking is on and the notification is too old or from the future.
    #[error(
        "the notification's timestamp is {skew_ms} ms away from now, over the {tolerance_ms} ms tolerance"
    )]
    StaleTimestamp {
        /// How far from now, in milliseconds.
        skew_ms: u64,
        /// The tolerance, in milliseconds.
        tolerance_ms: u64,
    },
}

/// Checks notifications against one or more app secrets.
///
/// Several secrets are accepted during a key rotation (the first that matches wins; see
/// [`Verified::secret_index`]). Bodies over 64 KiB are refused by default. Timestamps are not
/// checked by default, because the docs state no tolerance and Paypro's own retries span 24 h;
/// turn it on with [`Verifier::timestamp_tolerance`].
///
/// `Debug` never shows the secrets.
#[derive(Clone)]
pub struct Verifier {
    secrets: Vec<Secret>,
    max_body_bytes: usize,
    tolerance: Option<Duration>,
    clock: Arc<dyn Clock>,
}

impl Verifier {
    /// The default body limit.
    pub const DEFAULT_MAX_BODY_BYTES: usize = 64 * 1024;

    /// A verifier for one secret.
    pub fn new(secret: Secret) -> Self {
        Verifier {
            secrets: vec![secret],
            max_body_bytes: Self::DEFAULT_MAX_BODY_BYTES,
            tolerance: None,
            clock: Arc::new(SystemClock),
        }
    }

    /// Also accepts notifications signed with `secret` (during a key rotation).
    pub fn also_accept(mut self, secret: Secret) -> Self {
        self.secrets.push(secret);
        self
    }

    /// Refuses bodies over `limit` bytes.
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }

    /// The body limit in use.
    pub fn body_limit(&self) -> usize {
        self.max_body_bytes
    }

    /// Refuses notifications whose `timestamp` is further than `tolerance` from now.
    pub fn timestamp_tolerance(mut self, tolerance: Duration) -> Self {
        self.tolerance = Some(tolerance);
        self
    }

    /// Where "now" comes from (for the timestamp check).
    pub fn clock(mut self, clock: impl Clock) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Verifies a raw notification body.
    pub fn verify(&self, body: &[u8]) -> Result<Verified, NotifyError> {
        let (text, index, secret_index) = self.check(body)?;
        Ok(Verified {
            body: text.to_string(),
            index,
            secret_index,
            object: OnceLock::new(),
        })
    }

    /// Verifies a raw notification body and parses it into a country's notification type:
    /// [`Verifier::verify`] then [`Verified::parse`], without keeping a copy of the body (what
    /// the country crates' `Notification::verify` does).
    pub fn verify_and_parse<T: SignedNotification>(&self, body: &[u8]) -> Result<T, NotifyError> {
        let (text, index, _) = self.check(body)?;
        T::from_fields(index.fields(text), "notification").map_err(NotifyError::Unusable)
    }

    /// The checks of [`Verifier::verify`]: the body as text, where its fields lie, and which
    /// secret signed it.
    fn check<'b>(&self, body: &'b [u8]) -> Result<(&'b str, FieldIndex, usize), NotifyError> {
        if body.len() > self.max_body_bytes {
            return Err(NotifyError::TooLarge {
                limit: self.max_body_bytes,
                got: body.len(),
            });
        }
        let text = utf8(body)?;
        let index = read_index(text)?;
        let fields = index.fields(text);
        let sent = match fields.get(SIGN_FIELD) {
            None => return Err(NotifyError::MissingSign),
            Some(json) if json.starts_with('"') => raw_text(json),
            Some(_) => return Err(NotifyError::MalformedSign),
        };
        if sent.len() != 32
            || !sent
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            return Err(NotifyError::MalformedSign);
        }
        // Every secret is tried, so the time taken does not tell which one matched.
        let mut matched = None;
        for (i, secret) in self.secrets.iter().enumerate() {
            if sign_fields(fields, secret).matches(&sent) && matched.is_none() {
                matched = Some(i);
            }
        }
        let Some(secret_index) = matched else {
            return Err(NotifyError::BadSign);
        };
        if let Some(tolerance) = self.tolerance {
            let at = fields
                .get(TIMESTAMP_FIELD)
                .and_then(|json| raw_text(json).trim().parse::<u64>().ok())
                .ok_or(NotifyError::MissingTimestamp)?;
            let skew_ms = self.clock.now_millis().abs_diff(at);
            let tolerance_ms = tolerance.as_millis() as u64;
            if skew_ms > tolerance_ms {
                return Err(NotifyError::StaleTimestamp {
                    skew_ms,
                    tolerance_ms,
                });
            }
        }
        Ok((text, index, secret_index))
    }
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verifier")
            .field("secrets", &self.secrets.len())
            .field("max_body_bytes", &self.max_body_bytes)
            .field("tolerance", &self.tolerance)
            .finish_non_exhaustive()
    }
}

/// A notification whose signature checked out: the raw fields, exactly as received.
///
/// It keeps the body and where each field lies in it, as read once by the verifier:
/// [`Verified::parse`] reads the fields from there, not the body again.
#[derive(Clone)]
pub struct Verified {
    body: String,
    index: FieldIndex,
    secret_index: usize,
    /// The fields as a [`RawObject`], made on the first call to [`Verified::fields`] or
    /// [`Verified::get`].
    object: OnceLock<RawObject>,
}

impl Verified {
    /// The body as received, e.g. to enqueue and parse later.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The fields as read, in arrival order, borrowed from the body.
    pub fn raw_fields(&self) -> RawFields<'_> {
        self.index.fields(&self.body)
    }

    /// The raw fields (copied out of the body on the first call).
    pub fn fields(&self) -> &RawObject {
        self.object.get_or_init(|| {
            // The body was read as an object by this same reader when it was verified, and
            // reading is deterministic: this cannot fail.
            RawObject::read(&self.body, "body").expect("a verified body reads as an object")
        })
    }

    /// A field's raw JSON.
    pub fn get(&self, key: &str) -> Option<&RawValue> {
        self.fields().get(key)
    }

    /// A field as text (strings unquoted, other values as their JSON text).
    pub fn get_str(&self, key: &str) -> Option<String> {
        self.raw_fields()
            .get(key)
            .map(|json| raw_text(json).into_owned())
    }

    /// Which configured secret matched (0 = the one given to [`Verifier::new`]).
    pub fn secret_index(&self) -> usize {
        self.secret_index
    }

    /// Parses into a country's notification type (`paypro_id::Notification`), strictly: see
    /// [`crate::lenient::Strictness::Notification`]. Only a [`SignedNotification`] comes out of a
    /// verified body: an unsigned country's type (`paypro_ke::UnconfirmedNotification`) does not
    /// compile here. The fields read when verifying are read again, not the body.
    pub fn parse<T: SignedNotification>(&self) -> Result<T, DecodeError> {
        T::from_fields(self.raw_fields(), "notification")
    }
}

impl fmt::Debug for Verified {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verified")
            .field("body", &self.body)
            .field("fields", &self.raw_fields())
            .field("secret_index", &self.secret_index)
            .finish()
    }
}

/// Which kind of order a callback is about. A notification does not say: pay-in and payout
/// callbacks carry the same fields, and a pay-in and a payout may share a `tradeNo`. So give
/// each kind its own `notifyUrl` ([`Flow::notify_url`]), let each route know its kind, and key
/// stored orders by kind and number ([`Flow::order_key`]).
///
/// ```
/// use paypro_core::notify::Flow;
///
/// let base = "https://shop.example/paypro/notify";
/// assert_eq!(Flow::PayIn.notify_url(base), "https://shop.example/paypro/notify/pay-in");
/// assert_eq!(Flow::Payout.notify_url(base), "https://shop.example/paypro/notify/payout");
/// // Route `/paypro/notify/pay-in` to a handler that applies with this key:
/// assert_eq!(Flow::PayIn.order_key("order-1"), "pay-in:order-1");
/// assert_ne!(Flow::PayIn.order_key("order-1"), Flow::Payout.order_key("order-1"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flow {
    /// Money in: pay-ins and cashier pages.
    PayIn,
    /// Money out: payouts.
    Payout,
}

impl Flow {
    /// `pay-in` or `payout`: the path segment and key prefix.
    pub const fn as_str(self) -> &'static str {
        match self {
            Flow::PayIn => "pay-in",
            Flow::Payout => "payout",
        }
    }

    /// The `notifyUrl` for this kind: `base` with `/pay-in` or `/payout` appended.
    pub fn notify_url(self, base: &str) -> String {
        format!("{}/{}", base.trim_end_matches('/'), self.as_str())
    }

    /// The key of an order of this kind in a store: `pay-in:<tradeNo>`, `payout:<tradeNo>`.
    pub fn order_key(self, trade_no: &str) -> String {
        format!("{}:{trade_no}", self.as_str())
    }
}

/// A notification type whose callbacks Paypro signs: what [`Verified::parse`] (and the axum
/// extractor `Notified<T>`, feature `axum`) can produce.
///
/// The generator implements it for every country whose spec says its notifications are signed,
/// and for no other type. Kenya's callbacks carry no signature, so
/// `paypro_ke::UnconfirmedNotification` does not implement it: a handler that asks for a
/// verified Kenyan notification is refused at compile time instead of answering 400 to every
/// callback. Implement it for your own type only if Paypro signs every field that type reads.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a signed notification: a verified body cannot be read as it",
    label = "Paypro does not sign this notification",
    note = "an unsigned callback (Kenya's) cannot be verified: read it with `UnconfirmedNotification::parse` and confirm it with a query before acting"
)]
pub trait SignedNotification: FromRaw {}

/// An unsigned notification (Kenya's) confirmed by a query: what the callback claimed and what
/// Paypro answered when asked. Act on `actual`.
#[cfg(feature = "client")]
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Confirmed<N, T> {
    /// The callback as received; nothing in it was trusted.
    pub claimed: N,
    /// The query's answer, from Paypro over an authenticated channel.
    pub actual: crate::client::Reply<T>,
}

#[cfg(feature = "client")]
impl<N, T> Confirmed<N, T> {
    /// Used by the generated `confirm_*` methods.
    #[doc(hidden)]
    pub fn new(claimed: N, actual: crate::client::Reply<T>) -> Self {
        Confirmed { claimed, actual }
    }
}

/// Why an unsigned notification could not be confirmed. Do not act on it; answer anything but
/// [`ACK`] if the query failed (Paypro will retry), or [`ACK`] if it is simply false.
#[cfg(feature = "client")]
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfirmError {
    /// The callback names no `tradeNo` to query.
    #[error("the notification has no tradeNo to query")]
    NoTradeNo,
    /// The query failed.
    #[error("the confirming query failed: {0}")]
    Query(#[from] crate::client::Error),
    /// Paypro's answer disagrees with the callback.
    #[error("the notification says {field} is {claimed:?} but Paypro says {actual:?}")]
    Mismatch {
        /// The wire name of the field.
        field: &'static str,
        /// What the callback said.
        claimed: Option<String>,
        /// What Paypro answered.
        actual: Option<String>,
    },
}

/// Compares one field of a claim with Paypro's answer; used by generated `confirm_*` methods.
/// `required`: the answer must carry the field (the status must always be confirmed).
#[cfg(feature = "client")]
#[doc(hidden)]
pub fn confirm_field<T: PartialEq + ToString + ?Sized>(
    field: &'static str,
    claimed: Option<&T>,
    actual: Option<&T>,
    required: bool,
) -> Result<(), ConfirmError> {
    let agree = match (claimed, actual) {
        (Some(c), Some(a)) => c == a,
        (None, None) => !required,
        (Some(_), None) => !required,
        (None, Some(_)) => true,
    };
    if agree {
        Ok(())
    } else {
        Err(ConfirmError::Mismatch {
            field,
            claimed: claimed.map(ToString::to_string),
            actual: actual.map(ToString::to_string),
        })
    }
}

/// Reads an unsigned callback body: size-limited (`max_body_bytes`), a JSON object, no
/// duplicate keys. Nothing in it is trusted.
#[doc(hidden)]
pub fn read_unsigned<T: FromRaw>(body: &[u8], max_body_bytes: usize) -> Result<T, NotifyError> {
    if body.len() > max_body_bytes {
        return Err(NotifyError::TooLarge {
            limit: max_body_bytes,
            got: body.len(),
        });
    }
    let text = utf8(body)?;
    let index = read_index(text)?;
    T::from_fields(index.fields(text), "notification").map_err(NotifyError::Unusable)
}

fn utf8(body: &[u8]) -> Result<&str, NotifyError> {
    std::str::from_utf8(body).map_err(|_| NotifyError::NotJson("the body is not UTF-8".into()))
}

/// Reads the body as an object, with each reason it is not one as its own variant.
fn read_object(text: &str) -> Result<RawObject, NotifyError> {
    RawObject::read(text, "body").map_err(refused)
}

/// Reads the body as an object, kept as where its fields lie ([`read_object`]'s rules).
fn read_index(text: &str) -> Result<FieldIndex, NotifyError> {
    FieldIndex::read(text, "body").map_err(refused)
}

/// Why a body is not an object, as a [`NotifyError`].
fn refused(e: RawError) -> NotifyError {
    match e {
        RawError::NotJson { detail, .. } => NotifyError::NotJson(detail),
        RawError::NotAnObject { got, .. } => {
            NotifyError::NotAnObject(format!("expected a JSON object, got {got}"))
        }
        RawError::DuplicateKey { key, .. } => NotifyError::DuplicateKey(key),
        RawError::TooManyFields { limit, .. } => NotifyError::TooManyFields { limit },
    }
}

/// Signs a notification body as Paypro does, for tests and sandboxes: `json` is a JSON object
/// (without `sign`, or whose `sign` is replaced); the result is the same fields, values byte
/// for byte, followed by `sign`.
pub fn sign_body(json: &str, secret: &Secret) -> Result<String, NotifyError> {
    let object = read_object(json)?;
    let sign = sign_raw(&object, secret);
    let mut out = String::from("{");
    for (key, value) in object.iter().filter(|(k, _)| *k != SIGN_FIELD) {
        out.push_str(&serde_json::to_string(key).expect("a string serializes"));
        out.push(':');
        out.push_str(value.get());
        out.push(',');
    }
    out.push_str(&format!("\"{SIGN_FIELD}\":\"{sign}\"}}"));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "TESTSECRET";

    /// Mexico's documented callback (placeholder sign), re-signed with a test secret.
    const MEXICO: &str = r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":30000,"status":"0000","message":"SUCCESS","utr":"111111111111","successTime":"2024-07-01 18:34:31","timestamp":"1724740395968","sign":"12222222222"}"#;

    fn signed(json: &str) -> String {
        sign_body(json, &Secret::new(SECRET).unwrap()).unwrap()
    }

    #[test]
    fn round_trip_and_the_unknown_field_is_signed() {
        let body = signed(MEXICO);
        let v = Verifier::new(Secret::new(SECRET).unwrap())
            .verify(body.as_bytes())
            .unwrap();
        assert_eq!(v.get_str("utr").as_deref(), Some("111111111111"));
        assert_eq!(v.secret_index(), 0);
        let without_utr = signed(&MEXICO.replace(r#""utr":"111111111111","#, ""));
        let v2 = Verifier::new(Secret::new(SECRET).unwrap())
            .verify(without_utr.as_bytes())
            .unwrap();
        assert_ne!(
            v.get_str("sign"),
            v2.get_str("sign"),
            "utr is part of the signature"
        );
        let forged = body.replace(r#""utr":"111111111111""#, r#""utr":"999999999999""#);
        assert_eq!(
            Verifier::new(Secret::new(SECRET).unwrap())
                .verify(forged.as_bytes())
                .unwrap_err(),
            NotifyError::BadSign
        );
    }

    #[test]
    fn every_field_tampered_in_turn_is_refused() {
        let body = signed(MEXICO);
        let object = RawObject::parse(&body, "b").unwrap();
        for (key, value) in object.iter().filter(|(k, _)| *k != "sign") {
            let original = format!("{}:{}", serde_json::to_string(key).unwrap(), value.get());
            let changed = if value.get().starts_with('"') {
                format!(
                    "{}:{}",
                    serde_json::to_string(key).unwrap(),
                    serde_json::to_string(&format!("{}x", raw_text(value.get()))).unwrap()
                )
            } else {
                format!("{}:{}1", serde_json::to_string(key).unwrap(), value.get())
            };
            let tampered = body.replacen(&original, &changed, 1);
            assert_ne!(tampered, body);
            assert_eq!(
                Verifier::new(Secret::new(SECRET).unwrap())
                    .verify(tampered.as_bytes())
                    .unwrap_err(),
                NotifyError::BadSign,
                "{key}"
            );
        }
        let added = body.replacen('{', r#"{"extra":"1","#, 1);
        assert_eq!(
            Verifier::new(Secret::new(SECRET).unwrap())
                .verify(added.as_bytes())
                .unwrap_err(),
            NotifyError::BadSign
        );
    }

    #[test]
    fn numbers_keep_their_text() {
        for amount in ["3.0000", "3.0", "3", "\"3.0000\"", "30000", "1e3"] {
            let body = signed(&format!(r#"{{"amount":{amount},"status":"00029"}}"#));
            let v = Verifier::new(Secret::new(SECRET).unwrap())
                .verify(body.as_bytes())
                .unwrap();
            assert_eq!(v.get("amount").unwrap().get(), amount);
        }
        // 3.0000 and 3.0 are different texts, so different signatures.
        let a = signed(r#"{"amount":3.0000}"#);
        let b = a.replace("3.0000", "3.0");
        assert_eq!(
            Verifier::new(Secret::new(SECRET).unwrap())
                .verify(b.as_bytes())
                .unwrap_err(),
            NotifyError::BadSign
        );
    }

    #[test]
    fn unicode_values() {
        let body = signed(r#"{"message":"Pago recibido: ñandú 🦤","payer":"\u00e9t\u00e9"}"#);
        let v = Verifier::new(Secret::new(SECRET).unwrap())
            .verify(body.as_bytes())
            .unwrap();
        assert_eq!(v.get_str("payer").as_deref(), Some("été"));
        // Escaped or not, the same text signs the same.
        let literal = body.replace(r#""\u00e9t\u00e9""#, r#""été""#);
        assert!(
            Verifier::new(Secret::new(SECRET).unwrap())
                .verify(literal.as_bytes())
                .is_ok()
        );
    }

    #[test]
    fn distinct_errors() {
        let v = Verifier::new(Secret::new(SECRET).unwrap());
        assert!(matches!(
            v.verify(b"[1,2]"),
            Err(NotifyError::NotAnObject(_))
        ));
        assert!(matches!(
            v.verify(b"status=0000"),
            Err(NotifyError::NotJson(_))
        ));
        assert!(matches!(
            v.verify(&[0xff, 0x00]),
            Err(NotifyError::NotJson(_))
        ));
        assert!(matches!(v.verify(b""), Err(NotifyError::NotJson(_))));
        assert!(matches!(v.verify(b"42"), Err(NotifyError::NotAnObject(_))));
        let duplicated =
            r#"{"status":"0000","status":"00029","sign":"0123456789abcdef0123456789abcdef"}"#;
        assert_eq!(
            v.verify(duplicated.as_bytes()).unwrap_err(),
            NotifyError::DuplicateKey("status".into())
        );
        let many: Vec<String> = (0..300).map(|i| format!(r#""k{i}":"v""#)).collect();
        assert_eq!(
            v.verify(format!("{{{}}}", many.join(",")).as_bytes())
                .unwrap_err(),
            NotifyError::TooManyFields { limit: 256 }
        );
        assert_eq!(
            v.verify(br#"{"status":"0000"}"#).unwrap_err(),
            NotifyError::MissingSign
        );
        assert_eq!(
            v.verify(br#"{"status":"0000","sign":"12222222222"}"#)
                .unwrap_err(),
            NotifyError::MalformedSign
        );
        assert_eq!(
            v.verify(br#"{"status":"0000","sign":12}"#).unwrap_err(),
            NotifyError::MalformedSign
        );
        let upper = signed(MEXICO);
        let sign = v.verify(upper.as_bytes()).unwrap().get_str("sign").unwrap();
        let upper = upper.replace(&sign, &sign.to_uppercase());
        assert_eq!(
            v.verify(upper.as_bytes()).unwrap_err(),
            NotifyError::MalformedSign
        );
        let big = signed(&format!(r#"{{"pad":"{}"}}"#, "x".repeat(70 * 1024)));
        assert!(matches!(
            v.verify(big.as_bytes()),
            Err(NotifyError::TooLarge { limit: 65536, .. })
        ));
        assert!(
            Verifier::new(Secret::new(SECRET).unwrap())
                .max_body_bytes(1 << 20)
                .verify(big.as_bytes())
                .is_ok()
        );
    }

    #[test]
    fn key_rotation() {
        let old = sign_body(MEXICO, &Secret::new("old-key").unwrap()).unwrap();
        let new = sign_body(MEXICO, &Secret::new("new-key").unwrap()).unwrap();
        let v = Verifier::new(Secret::new("new-key").unwrap())
            .also_accept(Secret::new("old-key").unwrap());
        assert_eq!(v.verify(new.as_bytes()).unwrap().secret_index(), 0);
        assert_eq!(v.verify(old.as_bytes()).unwrap().secret_index(), 1);
        assert_eq!(
            Verifier::new(Secret::new("new-key").unwrap())
                .verify(old.as_bytes())
                .unwrap_err(),
            NotifyError::BadSign
        );
        assert!(!format!("{v:?}").contains("key"), "{v:?}");
    }

    #[test]
    fn optional_timestamp_tolerance() {
        let body = signed(MEXICO); // timestamp 1724740395968
        let at = 1_724_740_395_968u64;
        assert!(
            Verifier::new(Secret::new(SECRET).unwrap())
                .verify(body.as_bytes())
                .is_ok(),
            "off by default"
        );
        let v = Verifier::new(Secret::new(SECRET).unwrap())
            .timestamp_tolerance(Duration::from_secs(300));
        assert!(
            v.clone()
                .clock(FixedClockAt(at + 299_000))
                .verify(body.as_bytes())
                .is_ok()
        );
        assert_eq!(
            v.clone()
                .clock(FixedClockAt(at + 301_000))
                .verify(body.as_bytes())
                .unwrap_err(),
            NotifyError::StaleTimestamp {
                skew_ms: 301_000,
                tolerance_ms: 300_000
            }
        );
        let untimed = signed(r#"{"status":"0000"}"#);
        assert_eq!(
            v.clock(FixedClockAt(at))
                .verify(untimed.as_bytes())
                .unwrap_err(),
            NotifyError::MissingTimestamp
        );
    }

    struct FixedClockAt(u64);
    impl Clock for FixedClockAt {
        fn now_millis(&self) -> u64 {
            self.0
        }
    }

    /// Every field as read, for comparing the two ways of parsing.
    #[derive(Debug, PartialEq)]
    struct AsRead(Vec<(String, String)>);

    impl FromRaw for AsRead {
        fn from_raw(raw: &RawValue, path: &str) -> Result<Self, DecodeError> {
            crate::lenient::from_object(raw, path)
        }
        fn from_fields(object: RawFields<'_>, _: &str) -> Result<Self, DecodeError> {
            if object.get("status").is_some_and(|s| s == "\"refuse\"") {
                return Err(DecodeError::new("notification.status", "refused"));
            }
            Ok(AsRead(
                object
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            ))
        }
    }

    impl SignedNotification for AsRead {}

    /// The one-call form reads as verifying then parsing does, and refuses what they refuse.
    #[test]
    fn verify_and_parse_is_verify_then_parse() {
        let v = Verifier::new(Secret::new(SECRET).unwrap());
        let body = signed(MEXICO);
        let parsed: AsRead = v.verify_and_parse(body.as_bytes()).unwrap();
        assert_eq!(parsed, v.verify(body.as_bytes()).unwrap().parse().unwrap());
        assert_eq!(parsed.0.len(), 9);
        let refused = signed(r#"{"status":"refuse"}"#);
        assert_eq!(
            v.verify_and_parse::<AsRead>(refused.as_bytes())
                .unwrap_err(),
            NotifyError::Unusable(
                v.verify(refused.as_bytes())
                    .unwrap()
                    .parse::<AsRead>()
                    .unwrap_err()
            )
        );
        let forged = body.replace("30000", "90000");
        for bad in [forged.as_bytes(), b"[1]", b"", br#"{"a":1}"#, &[0xff][..]] {
            assert_eq!(
                v.verify_and_parse::<AsRead>(bad).unwrap_err(),
                v.verify(bad).unwrap_err()
            );
        }
    }

    #[test]
    fn sign_body_replaces_a_sign_and_keeps_values_byte_for_byte() {
        let body = signed(MEXICO);
        assert!(body.starts_with(r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":30000,"#));
        assert!(!body.contains("12222222222"));
        assert_eq!(signed(&body), body, "re-signing is stable");
    }
}
