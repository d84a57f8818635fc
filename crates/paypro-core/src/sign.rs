//! The signature rule, in one place.
//!
//! Paypro signs a request like this (see `spec/common.toml`, `[signing]`):
//!
//! 1. take every top-level body field except `sign` (header fields such as `merchantNo` are not
//!    part of it), and drop those whose text is empty;
//! 2. sort by field name, byte order (Java's `String.compareTo` for these ASCII names);
//! 3. concatenate `key=value` with no separator: the *canonical string*;
//! 4. append the app secret, MD5 the UTF-8 bytes, and write the digest as 32 lowercase hex chars.
//!
//! Step 4's placement of the secret is the spec's rule, which the docs do not settle beyond
//! doubt; a [`Secret`] carries its [`SecretPlacement`](crate::SecretPlacement), and
//! [`Md5Signer`] honours it, so the alternative (secret first) is one setting away.
//!
//! Values are signed exactly as sent: the JSON text of each value as written in the body,
//! through one canonicaliser, [`canonical_text`] (strings unescaped, so no URL-encoding and no
//! trimming; numbers as written). Requests reach it from `#[derive(Signable)]` (names sorted at
//! compile time, each value rendered once: see [`Signable`] and [`crate::wire`]); received
//! objects (callbacks, answers, the sandbox's requests) from their raw text, sorted at run time
//! ([`sign_raw`], [`canonical_string_of_raw`]).

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use md5::{Digest, Md5};

use crate::wire::{Scratch, WireTimestamp, WireVisitor, Writer};
use crate::{Secret, SecretPlacement};

pub use crate::protocol::SIGN_FIELD;

/// Receives the canonical string one `key=value` pair at a time, in sorted order.
///
/// Implemented by the MD5 signer and by the diagnostic string builder, so the two cannot
/// disagree on what is signed.
pub trait CanonicalSink {
    /// Appends `key=value`. Callers never pass an empty value.
    fn pair(&mut self, key: &str, value: &str);
}

impl CanonicalSink for String {
    fn pair(&mut self, key: &str, value: &str) {
        self.push_str(key);
        self.push('=');
        self.push_str(value);
    }
}

/// Streams the canonical string into MD5, salted with the secret where its
/// [`SecretPlacement`](crate::SecretPlacement) says: before the first pair or after the last.
///
/// The bytes are gathered in a stack buffer and handed to MD5 in whole buffers: one `update`
/// per 512 bytes instead of three per pair (a typical request is signed with a single one).
pub struct Md5Signer<'s> {
    md5: Md5,
    secret: &'s Secret,
    buf: [u8; SIGN_BUFFER],
    len: usize,
}

/// Bytes gathered before MD5 sees them: a multiple of MD5's 64-byte block.
const SIGN_BUFFER: usize = 512;

impl<'s> Md5Signer<'s> {
    /// A fresh signer for `secret` (which it feeds first when the secret is prepended).
    pub fn new(secret: &'s Secret) -> Self {
        let mut md5 = Md5::new();
        // Hashed directly rather than buffered: the signer is then built in place, without
        // moving its buffer (the appended secret, the default, joins the buffer in `finish`).
        if secret.placement() == SecretPlacement::Prepend {
            md5.update(secret.expose().as_bytes());
        }
        Md5Signer {
            md5,
            secret,
            buf: [0; SIGN_BUFFER],
            len: 0,
        }
    }

    #[inline]
    fn push(&mut self, bytes: &[u8]) {
        if let Some(room) = self.buf.get_mut(self.len..self.len + bytes.len()) {
            room.copy_from_slice(bytes);
            self.len += bytes.len();
        } else {
            self.spill(bytes);
        }
    }

    /// The buffer is full: hash it and what did not fit.
    #[cold]
    fn spill(&mut self, bytes: &[u8]) {
        self.md5.update(&self.buf[..self.len]);
        self.len = 0;
        if bytes.len() < SIGN_BUFFER {
            self.buf[..bytes.len()].copy_from_slice(bytes);
            self.len = bytes.len();
        } else {
            self.md5.update(bytes);
        }
    }

    /// Adds the secret if it is appended, and returns the signature.
    pub fn finish(mut self) -> Sign {
        if self.secret.placement() == SecretPlacement::Append {
            self.push(self.secret.expose().as_bytes());
        }
        self.md5.update(&self.buf[..self.len]);
        let digest = self.md5.finalize();
        let mut hex = [0u8; 32];
        hex::encode_to_slice(digest, &mut hex).expect("32 hex digits for a 16-byte digest");
        Sign(hex)
    }
}

impl CanonicalSink for Md5Signer<'_> {
    #[inline]
    fn pair(&mut self, key: &str, value: &str) {
        self.push(key.as_bytes());
        self.push(b"=");
        self.push(value.as_bytes());
    }
}

/// A request or callback signature: 32 lowercase hex characters.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sign([u8; 32]);

impl Sign {
    /// The signature as sent on the wire.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("hex digits are ASCII")
    }

    /// Compares with a received signature in constant time (no early exit on the first
    /// differing byte). Upper-case hex is not accepted: Paypro's rule says lowercase.
    pub fn matches(&self, received: &str) -> bool {
        let received = received.as_bytes();
        if received.len() != self.0.len() {
            return false;
        }
        let diff = self
            .0
            .iter()
            .zip(received)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b));
        diff == 0
    }
}

impl fmt::Display for Sign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Sign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sign({})", self.as_str())
    }
}

/// Formats an unsigned integer without allocating, two digits at a time.
pub(crate) struct DigitBuf([u8; 20]);

/// "00", "01", ... "99": the two-digit groups [`DigitBuf`] writes.
const DIGIT_PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

impl DigitBuf {
    pub(crate) fn new() -> Self {
        DigitBuf([0; 20])
    }

    pub(crate) fn format(&mut self, mut n: u64) -> &str {
        let mut i = self.0.len();
        while n >= 100 {
            let pair = (n % 100) as usize * 2;
            n /= 100;
            i -= 2;
            self.0[i..i + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
        }
        if n >= 10 {
            let pair = n as usize * 2;
            i -= 2;
            self.0[i..i + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
        } else {
            i -= 1;
            self.0[i] = b'0' + n as u8;
        }
        let digits = &self.0[i..];
        debug_assert!(digits.iter().all(u8::is_ascii_digit));
        // SAFETY: every byte of `digits` was written above from `DIGIT_PAIRS` or as
        // `b'0' + n` with n < 10: ASCII digits, which are valid UTF-8. (This skips a UTF-8
        // check that cost a tenth of a signature.)
        unsafe { std::str::from_utf8_unchecked(digits) }
    }
}

/// A request type whose wire fields, signature and body are decided at compile time; derive it
/// with `#[derive(paypro_core::Signable)]`.
///
/// The derive is the one reader of a request's wire names and forms. It sorts the wire names at
/// compile time (byte order, `timestamp` included) and emits one call per field to a
/// [`WireVisitor`], each with a [`WireValue`](crate::WireValue) that writes the field's exact JSON text. That one
/// sequence is both the body ([`crate::PreparedRequest`] writes each value once and signs the
/// bytes it just wrote) and the signature ([`Signable::sign`] renders each value into a stack
/// buffer): every JSON text goes through the one canonicaliser, [`canonical_text`], which also
/// reads callbacks and the sandbox's requests. What is signed is what is sent, by construction.
///
/// Attributes (serde's `rename`, `rename_all`, `flatten`, `serialize_with`, `skip`... are
/// refused on a `Signable` type: its names are the derive's alone):
/// - `#[signable(timestamp)]` on the struct: the request also sends and signs a `timestamp`,
///   supplied at send time (stamped by the transport, not stored in the request);
/// - `#[signable(rename = "tradeNo")]`: the field's wire name (the Rust name by default);
/// - `#[signable(number)]` / `#[signable(string)]`: a whole number sent as a JSON number
///   (`300`, the default for [`crate::Amount`]) or as a JSON string of digits (`"300"`);
/// - `#[signable(skip)]`: neither sent nor signed (header fields, local data).
///
/// `None` is not sent; an empty text is sent but, as Paypro's rule says, not signed.
///
/// ```
/// use paypro_core::{Amount, Secret, Signable};
///
/// #[derive(Signable)]
/// #[signable(timestamp)]
/// struct Query {
///     #[signable(rename = "tradeNo")]
///     trade_no: String,
///     #[signable(string)]
///     amount: Option<Amount>,
/// }
///
/// let q = Query { trade_no: "133323384".into(), amount: None };
/// assert_eq!(Query::SIGNED_FIELDS, ["amount", "timestamp", "tradeNo"]);
/// assert_eq!(q.canonical_string(Some(1729153976003)), "timestamp=1729153976003tradeNo=133323384");
/// // The second worked vector of shared/paypro-api/signing.md:
/// assert_eq!(
///     q.sign(Some(1729153976003), &Secret::new("TESTSECRET").unwrap()).as_str(),
///     "399e2ccfe3ce8947beb4ef1a75f0d170"
/// );
/// assert_eq!(q.fields_json(), r#"{"tradeNo":"133323384"}"#);
/// ```
pub trait Signable {
    /// The wire names in sending and signing (sorted) order, `timestamp` included when sent.
    const SIGNED_FIELDS: &'static [&'static str];

    /// Whether the type sends and signs a `timestamp` (`#[signable(timestamp)]`).
    const TIMESTAMPED: bool;

    /// Visits every wire field in sorted order: `visitor.field(name, value)`. `timestamp` is
    /// visited only by types that send one; `None` leaves it out.
    fn visit_wire<V: WireVisitor + ?Sized>(
        &self,
        timestamp: Option<WireTimestamp>,
        visitor: &mut V,
    );

    /// The exact string that is salted and hashed, without the secret. For diagnostics ("why is
    /// my sign wrong?"); it holds request data, so treat it as you treat the request.
    fn canonical_string(&self, timestamp: Option<u64>) -> String {
        let mut out = String::new();
        let mut scratch = Scratch::new();
        let mut writer = Writer::scratch(&mut scratch, &mut out);
        self.visit_wire(timestamp.map(WireTimestamp::text), &mut writer);
        out
    }

    /// The signature Paypro expects for this request at this timestamp. Allocates nothing
    /// unless a value's JSON text exceeds a 512-byte stack buffer or holds an escape.
    fn sign(&self, timestamp: Option<u64>, secret: &Secret) -> Sign {
        let mut signer = Md5Signer::new(secret);
        let mut scratch = Scratch::new();
        let mut writer = Writer::scratch(&mut scratch, &mut signer);
        self.visit_wire(timestamp.map(WireTimestamp::text), &mut writer);
        signer.finish()
    }

    /// The request's fields as they are sent, without `sign` and `timestamp`: a JSON object,
    /// for logs (it holds request data). The same writer as the body.
    fn fields_json(&self) -> String {
        let mut out = String::from("{");
        let mut ignored = String::new();
        let mut writer = Writer::body(&mut out, &mut ignored);
        self.visit_wire(None, &mut writer);
        out.push('}');
        out
    }
}

/// The canonicaliser: the text a JSON value stands for in the canonical string. Every signer
/// goes through here: requests (from the JSON text they send), callbacks and answers (from the
/// raw text received), the sandbox (from the raw text of what it receives).
///
/// Strings are unescaped (a string without escapes is borrowed from between its quotes),
/// numbers are their text exactly as written (`3.0000` stays `3.0000`), `true`/`false` and
/// `null` (the reference Java code's `String.valueOf`) are themselves, and nested values
/// (no documented body has any) are compact JSON.
///
/// ```
/// use paypro_core::canonical_text;
/// assert_eq!(canonical_text(r#""a\"b""#), "a\"b");
/// assert_eq!(canonical_text("3.0000"), "3.0000");
/// assert_eq!(canonical_text(r#"{ "a": 1 }"#), r#"{"a":1}"#);
/// ```
#[inline]
pub fn canonical_text(json: &str) -> Cow<'_, str> {
    match json.as_bytes().first() {
        Some(b'"') => unquoted(json),
        Some(b'{' | b'[') => Cow::Owned(decoded(json)),
        _ => Cow::Borrowed(json),
    }
}

/// A JSON string's text: borrowed from between its quotes when it holds no escape, decoded
/// otherwise. (Also what [`crate::Extra::get_str`] and the lenient readers give for a string.)
#[inline]
pub(crate) fn unquoted(json: &str) -> Cow<'_, str> {
    if json.len() >= 2 && !holds(json.as_bytes(), b'\\') {
        Cow::Borrowed(&json[1..json.len() - 1])
    } else {
        Cow::Owned(decoded(json))
    }
}

/// Whether `bytes` holds `byte`: eight bytes at a time, inline (received values are short,
/// where a call to `memchr` costs more than the search).
#[inline]
pub(crate) fn holds(bytes: &[u8], byte: u8) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let pattern = ONES * u64::from(byte);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let v = u64::from_ne_bytes(chunk.try_into().unwrap_or([0; 8])) ^ pattern;
        if v.wrapping_sub(ONES) & !v & HIGHS != 0 {
            return true;
        }
    }
    // At most seven bytes: not `contains`, which calls `memchr`.
    #[allow(clippy::manual_contains)]
    chunks.remainder().iter().any(|&b| b == byte)
}

/// The canonical text of an escaped string or a nested value (rare: out of line).
#[cold]
fn decoded(json: &str) -> String {
    if json.starts_with('"') {
        serde_json::from_str::<String>(json).unwrap_or_else(|_| json.to_string())
    } else {
        serde_json::from_str::<serde_json::Value>(json)
            .map(|v| v.to_string())
            .unwrap_or_else(|_| json.to_string())
    }
}

/// Feeds one field into `sink` by the rule: its JSON text canonicalised, skipped when empty.
#[inline]
pub(crate) fn feed_field<S: CanonicalSink + ?Sized>(sink: &mut S, key: &str, json: &str) {
    feed_text(sink, key, &canonical_text(json));
}

/// Feeds one field's canonical text into `sink`, skipped when empty (empty values are not
/// signed).
#[inline]
pub(crate) fn feed_text<S: CanonicalSink + ?Sized>(sink: &mut S, key: &str, text: &str) {
    if !text.is_empty() {
        sink.pair(key, text);
    }
}

/// The signing rule's order of field names: byte order (Java's `String.compareTo` for these
/// ASCII names). The received-object reader sorts by it once ([`crate::RawFields`]), which is
/// also how it finds a key given twice.
#[inline]
pub(crate) fn by_name(a: &str, b: &str) -> Ordering {
    a.as_bytes().cmp(b.as_bytes())
}

/// Fields sorted by name into `sink`: every field but `sign`, each value's canonical text (by
/// `canonical`) skipped when empty ([`feed_text`]).
fn feed_sorted<'x, S: CanonicalSink + ?Sized, V>(
    sorted: impl Iterator<Item = (&'x str, V)>,
    canonical: impl Fn(V) -> Cow<'x, str>,
    sink: &mut S,
) {
    for (key, value) in sorted {
        if key != SIGN_FIELD {
            feed_text(sink, key, &canonical(value));
        }
    }
}

/// A received object's fields into `sink`, sorted by key (byte order), `sign` left out.
fn feed_object<S: CanonicalSink + ?Sized>(object: &crate::RawObject, sink: &mut S) {
    let mut fields: Vec<(&str, &str)> = object.iter().map(|(k, v)| (k, v.get())).collect();
    fields.sort_unstable_by(|a, b| by_name(a.0, b.0));
    feed_sorted(fields.into_iter(), canonical_text, sink);
}

/// Signs a received object already read ([`crate::RawFields`], which keeps its fields' order
/// by name and what its reader saw in each value: a plain string's canonical text is its
/// inner text): a verified callback's, once per configured secret.
pub(crate) fn sign_fields(fields: crate::RawFields<'_>, secret: &Secret) -> Sign {
    let mut signer = Md5Signer::new(secret);
    feed_sorted(fields.by_name(), crate::raw::Json::canonical, &mut signer);
    signer.finish()
}

/// The canonical string of a received object, from the raw text of each value (see
/// [`canonical_text`]). Every field but `sign` counts, known or not.
///
/// ```
/// use paypro_core::{canonical_string_of_raw, RawObject};
/// let body = RawObject::parse(r#"{"tradeNo":"133323384","timestamp":"1729153976003","sign":"x"}"#, "body").unwrap();
/// assert_eq!(canonical_string_of_raw(&body), "timestamp=1729153976003tradeNo=133323384");
/// ```
pub fn canonical_string_of_raw(object: &crate::RawObject) -> String {
    let mut out = String::new();
    feed_object(object, &mut out);
    out
}

/// Signs a received object by the rule of [`canonical_string_of_raw`].
pub fn sign_raw(object: &crate::RawObject, secret: &Secret) -> Sign {
    let mut signer = Md5Signer::new(secret);
    feed_object(object, &mut signer);
    signer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RawObject;
    use serde_json::{Value, json};

    /// A JSON object as received (its raw text).
    fn map(v: Value) -> RawObject {
        RawObject::parse(&v.to_string(), "body").unwrap()
    }

    fn canonical_string_of_map(object: &RawObject) -> String {
        canonical_string_of_raw(object)
    }

    fn sign_map(object: &RawObject, secret: &Secret) -> Sign {
        sign_raw(object, secret)
    }

    /// The two self-made vectors of shared/paypro-api/signing.md §4.
    #[test]
    fn signing_md_vectors() {
        let secret = Secret::new("TESTSECRET").unwrap();
        let payment = map(json!({
            "sign": "0be92a962072b1786a01a2cab4891a1d", "timestamp": "1728609257212",
            "tradeNo": "test_00000008", "amount": "300", "notifyUrl": "https://google.com",
            "wayCode": "EWALLET_BKASH", "remark": "test", "returnUrl": "http://abc.com/callback_page"
        }));
        assert_eq!(
            canonical_string_of_map(&payment),
            "amount=300notifyUrl=https://google.comremark=testreturnUrl=http://abc.com/callback_pagetimestamp=1728609257212tradeNo=test_00000008wayCode=EWALLET_BKASH"
        );
        assert_eq!(
            sign_map(&payment, &secret).as_str(),
            "14c96c6e3ff59f7416d4b1a0c9d26883"
        );

        let query = map(json!({"timestamp": "1729153976003", "tradeNo": "133323384"}));
        assert_eq!(
            sign_map(&query, &secret).as_str(),
            "399e2ccfe3ce8947beb4ef1a75f0d170"
        );
    }

    #[test]
    fn numbers_and_strings_sign_alike() {
        let secret = Secret::new("s").unwrap();
        let a = map(json!({"amount": 1000000, "timestamp": 1732985021335u64}));
        let b = map(json!({"amount": "1000000", "timestamp": "1732985021335"}));
        assert_eq!(sign_map(&a, &secret), sign_map(&b, &secret));
    }

    #[test]
    fn empty_values_and_sign_are_skipped_null_is_signed_as_java_does() {
        let m = map(json!({"b": "", "a": "1", "sign": "zzz", "c": null, "D": true}));
        assert_eq!(canonical_string_of_map(&m), "D=truea=1c=null");
    }

    #[test]
    fn sort_is_byte_order_uppercase_first() {
        let m = map(json!({"b": "1", "B": "2", "a": "3", "aa": "4", "Z": "5"}));
        assert_eq!(canonical_string_of_map(&m), "B=2Z=5a=3aa=4b=1");
    }

    #[test]
    fn sign_matches_is_exact() {
        let s = sign_map(&map(json!({"a": "1"})), &Secret::new("k").unwrap());
        assert!(s.matches(s.as_str()));
        assert!(!s.matches(&s.as_str().to_uppercase()));
        assert!(!s.matches(&s.as_str()[..31]));
        assert!(!s.matches(""));
    }

    /// The buffered signer hashes exactly the canonical string and the secret, whatever the
    /// lengths (values that fill the buffer exactly, cross it, or exceed it on their own) and
    /// wherever the secret goes.
    #[test]
    fn buffered_signer_equals_md5_of_the_canonical_string() {
        for len in [
            0, 1, 63, 64, 500, 505, 506, 507, 511, 512, 513, 1023, 1024, 1500, 5000,
        ] {
            for secret in ["k", "a-much-longer-secret-of-some-forty-bytes!"] {
                let m = map(json!({"a": "x".repeat(len), "b": "y", "c": "z".repeat(len / 2)}));
                let canonical = canonical_string_of_map(&m);
                let appended = Secret::new(secret).unwrap();
                let mut md5 = Md5::new();
                md5.update(canonical.as_bytes());
                md5.update(secret.as_bytes());
                let expected = hex::encode(md5.finalize());
                assert_eq!(sign_map(&m, &appended).as_str(), expected, "len {len}");
                let prepended = appended.with_placement(SecretPlacement::Prepend);
                let mut md5 = Md5::new();
                md5.update(secret.as_bytes());
                md5.update(canonical.as_bytes());
                let expected = hex::encode(md5.finalize());
                assert_eq!(
                    sign_map(&m, &prepended).as_str(),
                    expected,
                    "prepend, len {len}"
                );
            }
        }
    }

    /// The eight-at-a-time search agrees with a plain one, wherever the byte is and whatever
    /// surrounds it (bytes one above or below it, high bytes, every length).
    #[test]
    fn holds_finds_a_byte_anywhere() {
        for byte in [b'\\', b'=', 0x00, 0x80, 0xff] {
            for len in 0..40 {
                for at in 0..=len {
                    for filler in [byte.wrapping_add(1), byte.wrapping_sub(1), 0x00, 0xff, b'a'] {
                        if filler == byte {
                            continue;
                        }
                        let mut bytes = vec![filler; len];
                        if at < len {
                            bytes[at] = byte;
                        }
                        assert_eq!(holds(&bytes, byte), bytes.contains(&byte), "{bytes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn digit_buf_formats_extremes() {
        assert_eq!(DigitBuf::new().format(0), "0");
        assert_eq!(DigitBuf::new().format(u64::MAX), u64::MAX.to_string());
    }

    #[test]
    fn the_secret_goes_where_its_placement_says() {
        let m = map(json!({"timestamp": "1729153976003", "tradeNo": "133323384"}));
        let appended = Secret::new("TESTSECRET").unwrap();
        assert_eq!(appended.placement(), SecretPlacement::Append);
        assert_eq!(
            sign_map(&m, &appended).as_str(),
            "399e2ccfe3ce8947beb4ef1a75f0d170"
        );
        // MD5("TESTSECRET" + canonical), computed independently (Python's hashlib).
        let prepended = appended.clone().with_placement(SecretPlacement::Prepend);
        assert_eq!(
            sign_map(&m, &prepended).as_str(),
            "2415af7cd8b767401372cd141c0e469b"
        );
        assert_eq!(format!("{prepended:?}"), "Secret([redacted], prepend)");
        assert_eq!(format!("{appended:?}"), "Secret([redacted])");
        assert_eq!("prepend".parse(), Ok(SecretPlacement::Prepend));
        assert!(
            "before"
                .parse::<SecretPlacement>()
                .unwrap_err()
                .contains("`before`")
        );
    }

    #[test]
    fn digit_buf_formats_every_length_and_pair() {
        let mut n = 1u64;
        for _ in 0..20 {
            for m in [
                n - 1,
                n,
                n.saturating_add(1),
                n.saturating_mul(9),
                n.saturating_mul(5).saturating_add(7),
            ] {
                assert_eq!(DigitBuf::new().format(m), m.to_string());
            }
            n = n.saturating_mul(10);
        }
        for m in 0..10_000u64 {
            assert_eq!(DigitBuf::new().format(m), m.to_string());
        }
    }
}
