//! A request's fields as they are sent: each value's exact JSON text, written once.
//!
//! `#[derive(Signable)]` visits a request's fields in sorted wire-name order, handing a
//! [`WireVisitor`] each name and a [`WireValue`]. One visitor (crate-private `Writer`) is behind
//! the body and the signature: it writes `"name":` and the value's JSON text, then feeds the
//! signer the canonical text of exactly the bytes it just wrote ([`crate::canonical_text`]).
//! For the body ([`crate::PreparedRequest`]) the bytes stay; for [`crate::Signable::sign`] they
//! are written into a stack buffer and dropped after each field.

use crate::descriptor::TimestampWire;
use crate::sign::{CanonicalSink, DigitBuf, canonical_text, feed_field, feed_text};

/// Receives a request's fields in sending order; `#[derive(Signable)]` calls it.
pub trait WireVisitor {
    /// One field: its wire name (a JSON-safe literal the derive checked) and its value.
    fn field<V: WireValue + ?Sized>(&mut self, name: &'static str, value: &V);
}

/// Where JSON text is written: the body (`String`) or a stack buffer.
pub trait JsonOut {
    /// Appends text.
    fn push_str(&mut self, s: &str);

    /// Appends a JSON string whose text `s` needs no escaping: `"`, `s`, `"`. A writer that
    /// signs what it writes then knows the value's canonical text (`s`) without reading it
    /// again.
    #[inline]
    fn push_plain_string(&mut self, s: &str) {
        self.push_str("\"");
        self.push_str(s);
        self.push_str("\"");
    }
}

impl JsonOut for String {
    #[inline]
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
}

/// A value as it is sent: its exact JSON text.
///
/// Implemented for text (a JSON string, escaped as serde_json escapes), unsigned integers and
/// [`crate::Amount`] (a JSON number), the generated enums (their wire text), [`AsNumber`] and
/// [`AsString`] (a whole number in the form a field's spec says), and `Option`s (`None` is not
/// sent) and references of those.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent and signed: Paypro's bodies hold flat text and whole numbers",
    label = "this field's type does not implement `paypro_core::WireValue`",
    note = "use String, an unsigned integer, paypro_core::Amount, a generated enum, or an Option of one; or leave the field out with #[signable(skip)]"
)]
pub trait WireValue {
    /// Whether the value is sent at all (`None` is not).
    fn is_present(&self) -> bool {
        true
    }

    /// Writes the value's JSON text (called only when it is present).
    fn write_json<O: JsonOut + ?Sized>(&self, out: &mut O);

    /// About how many bytes [`WireValue::write_json`] writes (exact unless text needs escapes):
    /// the body is sized once.
    fn json_len(&self) -> usize;
}

impl WireValue for str {
    #[inline]
    fn write_json<O: JsonOut + ?Sized>(&self, out: &mut O) {
        write_json_str(self, out);
    }
    #[inline]
    fn json_len(&self) -> usize {
        self.len() + 2
    }
}

impl WireValue for String {
    #[inline]
    fn write_json<O: JsonOut + ?Sized>(&self, out: &mut O) {
        self.as_str().write_json(out);
    }
    #[inline]
    fn json_len(&self) -> usize {
        self.as_str().json_len()
    }
}

impl<T: WireValue + ?Sized> WireValue for &T {
    #[inline]
    fn is_present(&self) -> bool {
        (**self).is_present()
    }
    #[inline]
    fn write_json<O: JsonOut + ?Sized>(&self, out: &mut O) {
        (**self).write_json(out);
    }
    #[inline]
    fn json_len(&self) -> usize {
        (**self).json_len()
    }
}

impl<T: WireValue> WireValue for Option<T> {
    #[inline]
    fn is_present(&self) -> bool {
        self.as_ref().is_some_and(T::is_present)
    }
    #[inline]
    fn write_json<O: JsonOut + ?Sized>(&self, out: &mut O) {
        if let Some(value) = self {
            value.write_json(out);
        }
    }
    #[inline]
    fn json_len(&self) -> usize {
        self.as_ref().map_or(0, T::json_len)
    }
}

/// A whole number that a field may send as a JSON number or a JSON string of digits
/// (`#[signable(number)]`, `#[signable(string)]`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a whole number: #[signable(number)] and #[signable(string)] are for amounts and unsigned integers",
    label = "this field's type does not implement `paypro_core::WireNumber`"
)]
pub trait WireNumber {
    /// The number, or `None` when absent.
    fn wire_number(&self) -> Option<u64>;
}

macro_rules! wire_unsigned {
    ($($t:ty),*) => {$(
        impl WireNumber for $t {
            #[inline]
            fn wire_number(&self) -> Option<u64> {
                Some(u64::from(*self))
            }
        }
        impl WireValue for $t {
            #[inline]
            fn write_json<O: JsonOut + ?Sized>(&self, out: &mut O) {
                out.push_str(DigitBuf::new().format(u64::from(*self)));
            }
            #[inline]
            fn json_len(&self) -> usize {
                20
            }
        }
    )*};
}
wire_unsigned!(u8, u16, u32, u64);

impl WireNumber for crate::Amount {
    #[inline]
    fn wire_number(&self) -> Option<u64> {
        Some(self.get())
    }
}

impl WireValue for crate::Amount {
    #[inline]
    fn write_json<O: JsonOut + ?Sized>(&self, out: &mut O) {
        out.push_str(DigitBuf::new().format(self.get()));
    }
    #[inline]
    fn json_len(&self) -> usize {
        20
    }
}

impl<T: WireNumber + ?Sized> WireNumber for &T {
    #[inline]
    fn wire_number(&self) -> Option<u64> {
        (**self).wire_number()
    }
}

impl<T: WireNumber> WireNumber for Option<T> {
    #[inline]
    fn wire_number(&self) -> Option<u64> {
        self.as_ref().and_then(T::wire_number)
    }
}

/// A whole number sent as a JSON number (`300`): `#[signable(number)]`.
pub struct AsNumber<'a, T: ?Sized>(pub &'a T);

/// A whole number sent as a JSON string of digits (`"300"`): `#[signable(string)]`.
pub struct AsString<'a, T: ?Sized>(pub &'a T);

impl<T: WireNumber + ?Sized> WireValue for AsNumber<'_, T> {
    #[inline]
    fn is_present(&self) -> bool {
        self.0.wire_number().is_some()
    }
    #[inline]
    fn write_json<O: JsonOut + ?Sized>(&self, out: &mut O) {
        if let Some(n) = self.0.wire_number() {
            out.push_str(DigitBuf::new().format(n));
        }
    }
    #[inline]
    fn json_len(&self) -> usize {
        20
    }
}

impl<T: WireNumber + ?Sized> WireValue for AsString<'_, T> {
    #[inline]
    fn is_present(&self) -> bool {
        self.0.wire_number().is_some()
    }
    #[inline]
    fn write_json<O: JsonOut + ?Sized>(&self, out: &mut O) {
        if let Some(n) = self.0.wire_number() {
            out.push_str("\"");
            out.push_str(DigitBuf::new().format(n));
            out.push_str("\"");
        }
    }
    #[inline]
    fn json_len(&self) -> usize {
        22
    }
}

/// The `timestamp` a request sends, in the form its endpoint's spec says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WireTimestamp {
    ms: u64,
    as_number: bool,
}

impl WireTimestamp {
    /// `ms` in the form `wire` says (a string unless the endpoint sends a number).
    pub fn new(ms: u64, wire: TimestampWire) -> Self {
        WireTimestamp {
            ms,
            as_number: wire == TimestampWire::Number,
        }
    }

    /// `ms` as a JSON string (what [`crate::Signable::sign`] renders: both forms sign alike).
    pub fn text(ms: u64) -> Self {
        WireTimestamp {
            ms,
            as_number: false,
        }
    }

    /// The milliseconds.
    pub fn ms(self) -> u64 {
        self.ms
    }
}

impl WireValue for WireTimestamp {
    #[inline]
    fn write_json<O: JsonOut + ?Sized>(&self, out: &mut O) {
        if self.as_number {
            AsNumber(&self.ms).write_json(out);
        } else {
            AsString(&self.ms).write_json(out);
        }
    }
    #[inline]
    fn json_len(&self) -> usize {
        22
    }
}

/// Writes `s` as a JSON string, escaped exactly as serde_json escapes (`"`, `\`, and control
/// characters; everything else, non-ASCII included, as is).
#[inline]
pub fn write_json_str<O: JsonOut + ?Sized>(s: &str, out: &mut O) {
    // The common case, text with nothing to escape, is one scan eight bytes at a time and one
    // copy.
    if !needs_escape(s.as_bytes()) {
        out.push_plain_string(s);
        return;
    }
    write_escaped(s, out);
}

/// Whether any byte is `"`, `\\` or a control character (below 0x20), eight bytes at a time:
/// for each byte, `(x - n) & !x & 0x80` is set for some byte of the word exactly when some
/// byte is below `n` (n <= 0x80); equality is "below 1" after an XOR.
#[inline]
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    let mut chunks = bytes.chunks_exact(8);
    let mut found = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        found |= below(x, 0x20)
            | below(x ^ (ONES * u64::from(b'"')), 1)
            | below(x ^ (ONES * u64::from(b'\\')), 1);
    }
    found != 0
        || chunks
            .remainder()
            .iter()
            .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

#[cold]
fn write_escaped<O: JsonOut + ?Sized>(s: &str, out: &mut O) {
    out.push_str("\"");
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        // Every byte matched above is ASCII, so `i` is a character boundary.
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            let code = [
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ];
            out.push_str(std::str::from_utf8(&code).expect("ASCII"));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push_str("\"");
}

/// Where [`Writer`] puts the text it writes: it must be able to give the last value back.
pub(crate) trait Written: JsonOut {
    fn len(&self) -> usize;
    fn since(&self, start: usize) -> &str;
    fn truncate(&mut self, len: usize);
}

impl Written for String {
    #[inline]
    fn len(&self) -> usize {
        String::len(self)
    }
    #[inline]
    fn since(&self, start: usize) -> &str {
        &self[start..]
    }
    #[inline]
    fn truncate(&mut self, len: usize) {
        String::truncate(self, len);
    }
}

/// Bytes of JSON text a value may take before [`Scratch`] moves to the heap.
const SCRATCH: usize = 512;

/// A stack buffer for one value's JSON text while signing; a value too long for it (rare: a
/// 500-byte URL) moves it to the heap.
pub(crate) struct Scratch {
    buf: [u8; SCRATCH],
    len: usize,
    heap: Option<String>,
}

impl Scratch {
    pub(crate) fn new() -> Self {
        Scratch {
            buf: [0; SCRATCH],
            len: 0,
            heap: None,
        }
    }
}

impl JsonOut for Scratch {
    #[inline]
    fn push_str(&mut self, s: &str) {
        if let Some(heap) = &mut self.heap {
            heap.push_str(s);
        } else if let Some(room) = self.buf.get_mut(self.len..self.len + s.len()) {
            room.copy_from_slice(s.as_bytes());
            self.len += s.len();
        } else {
            self.spill(s);
        }
    }
}

impl Scratch {
    #[cold]
    fn spill(&mut self, s: &str) {
        let mut heap = String::with_capacity((self.len + s.len()) * 2);
        heap.push_str(self.since(0));
        heap.push_str(s);
        self.heap = Some(heap);
    }
}

impl Written for Scratch {
    #[inline]
    fn len(&self) -> usize {
        self.heap.as_ref().map_or(self.len, String::len)
    }
    #[inline]
    fn since(&self, start: usize) -> &str {
        match &self.heap {
            Some(heap) => &heap[start..],
            None => {
                let bytes = &self.buf[start..self.len];
                debug_assert!(std::str::from_utf8(bytes).is_ok());
                // SAFETY: the buffer holds only whole `&str`s appended by `push_str`, cut back
                // only by `truncate` to a length `len` returned earlier, which was the end of a
                // whole `&str`; `start` is such a length too. So `bytes` is valid UTF-8.
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
        }
    }
    #[inline]
    fn truncate(&mut self, len: usize) {
        match &mut self.heap {
            Some(heap) => heap.truncate(len),
            None => self.len = len,
        }
    }
}

/// The one writer of a request's fields. For each present field it writes `"name":` (into the
/// body only) and the value's JSON text, then feeds `sink` the canonical text of exactly those
/// bytes. For the body the text stays; for a signature alone it is dropped after each field.
pub(crate) struct Writer<'a, O: Written + ?Sized, S: CanonicalSink + ?Sized> {
    out: &'a mut O,
    sink: &'a mut S,
    body: bool,
    fields: usize,
}

impl<'a, S: CanonicalSink + ?Sized> Writer<'a, String, S> {
    /// Appends `"name":value` pairs, comma-separated, to a body already opened with `{`.
    pub(crate) fn body(out: &'a mut String, sink: &'a mut S) -> Self {
        Writer {
            out,
            sink,
            body: true,
            fields: 0,
        }
    }
}

impl<'a, S: CanonicalSink + ?Sized> Writer<'a, Scratch, S> {
    /// Renders each value into `scratch`, feeds `sink`, and forgets the value.
    pub(crate) fn scratch(out: &'a mut Scratch, sink: &'a mut S) -> Self {
        Writer {
            out,
            sink,
            body: false,
            fields: 0,
        }
    }
}

impl<O: Written + ?Sized, S: CanonicalSink + ?Sized> Writer<'_, O, S> {
    /// How many fields were written.
    pub(crate) fn fields(&self) -> usize {
        self.fields
    }
}

impl<O: Written + ?Sized, S: CanonicalSink + ?Sized> WireVisitor for Writer<'_, O, S> {
    #[inline]
    fn field<V: WireValue + ?Sized>(&mut self, name: &'static str, value: &V) {
        if !value.is_present() {
            return;
        }
        if self.body {
            if self.fields > 0 {
                self.out.push_str(",");
            }
            self.out.push_str("\"");
            self.out.push_str(name);
            self.out.push_str("\":");
        }
        self.fields += 1;
        let start = self.out.len();
        let mut out = Marked {
            out: &mut *self.out,
            plain: Plain::Nothing,
        };
        value.write_json(&mut out);
        let plain = out.plain == Plain::One;
        let json = self.out.since(start);
        if plain {
            // One string with nothing escaped: its canonical text is what lies between its
            // quotes (`canonical_text`, without looking for an escape).
            let inner = &json[1..json.len() - 1];
            debug_assert_eq!(inner, canonical_text(json));
            feed_text(self.sink, name, inner);
        } else {
            feed_field(self.sink, name, json);
        }
        if !self.body {
            self.out.truncate(start);
        }
    }
}

/// What a value wrote, as far as signing it needs to know.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Plain {
    Nothing,
    /// One string with nothing escaped, and nothing else.
    One,
    Other,
}

/// A field's value being written: notes whether it is one string with nothing escaped.
struct Marked<'o, O: ?Sized> {
    out: &'o mut O,
    plain: Plain,
}

impl<O: JsonOut + ?Sized> JsonOut for Marked<'_, O> {
    #[inline]
    fn push_str(&mut self, s: &str) {
        if !s.is_empty() {
            self.plain = Plain::Other;
        }
        self.out.push_str(s);
    }

    #[inline]
    fn push_plain_string(&mut self, s: &str) {
        self.plain = match self.plain {
            Plain::Nothing => Plain::One,
            _ => Plain::Other,
        };
        self.out.push_plain_string(s);
    }
}

/// Adds up the bytes a request's fields take in the body, to size it once.
pub(crate) struct BodyLen(pub(crate) usize);

impl WireVisitor for BodyLen {
    #[inline]
    fn field<V: WireValue + ?Sized>(&mut self, name: &'static str, value: &V) {
        if value.is_present() {
            // `"name":` and a comma.
            self.0 += name.len() + 4 + value.json_len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn json_of(s: &str) -> String {
        let mut out = String::new();
        write_json_str(s, &mut out);
        out
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for s in [
            "",
            "plain",
            "a\"b\\c",
            "\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "Zoë é 🦤 \u{2028}",
            "https://google.com/cb?a=1&b=2",
        ] {
            assert_eq!(json_of(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn every_byte_that_needs_escaping_is_found_at_every_position() {
        for len in 0..24 {
            assert!(!needs_escape(&vec![b'a'; len]));
            assert!(!needs_escape("é🦤~\u{7f}".repeat(len).as_bytes()));
            for at in 0..len {
                for b in (0u8..0x20).chain([b'"', b'\\']) {
                    let mut bytes = vec![0xc3; len];
                    bytes[at] = b;
                    assert!(needs_escape(&bytes), "{b:#x} at {at} of {len}");
                }
                for b in (0x20u8..=0xff).filter(|b| *b != b'"' && *b != b'\\') {
                    let mut bytes = vec![b' '; len];
                    bytes[at] = b;
                    assert!(!needs_escape(&bytes), "{b:#x} at {at} of {len}");
                }
            }
        }
    }

    #[test]
    fn a_long_value_moves_the_scratch_to_the_heap_and_keeps_its_text() {
        let mut scratch = Scratch::new();
        scratch.push_str("ab");
        let long = "x".repeat(SCRATCH * 2);
        let start = scratch.len();
        scratch.push_str(&long);
        assert_eq!(scratch.since(start), long);
        assert_eq!(scratch.since(0).len(), 2 + long.len());
        scratch.truncate(start);
        assert_eq!(scratch.since(0), "ab");
    }

    /// A value written as several pieces (however odd) is signed by the canonical text of all
    /// it wrote; only a value that is one string with nothing escaped is signed by the text
    /// between its quotes without a second look. Body and stack writer alike.
    #[test]
    fn what_is_signed_is_the_canonical_text_of_what_was_written() {
        struct Pieces(&'static [(&'static str, bool)]);
        impl WireValue for Pieces {
            fn write_json<O: JsonOut + ?Sized>(&self, out: &mut O) {
                for (text, plain) in self.0 {
                    if *plain {
                        out.push_plain_string(text);
                    } else {
                        out.push_str(text);
                    }
                }
            }
            fn json_len(&self) -> usize {
                self.0.iter().map(|(t, _)| t.len() + 2).sum()
            }
        }
        let cases: [&'static [(&'static str, bool)]; 8] = [
            &[("abc", true)],
            &[("", true)],
            &[("a", true), ("b", true)],
            &[("a", true), ("\\", true)],
            &[("a", true), ("x", false)],
            &[("a", true), ("\\", false)],
            &[("a", true), ("", false)],
            &[("\"a\\u0041\"", false)],
        ];
        for pieces in cases {
            let value = Pieces(pieces);
            let mut json = String::new();
            value.write_json(&mut json);
            let want = crate::canonical_text(&json).into_owned();
            let want = if want.is_empty() {
                String::new()
            } else {
                format!("k={want}")
            };
            let mut body = String::new();
            let mut signed = String::new();
            Writer::body(&mut body, &mut signed).field("k", &value);
            assert_eq!(signed, want, "{json}");
            assert_eq!(body, format!("\"k\":{json}"));
            let mut scratch = Scratch::new();
            let mut signed = String::new();
            Writer::scratch(&mut scratch, &mut signed).field("k", &value);
            assert_eq!(signed, want, "{json}");
        }
    }

    proptest! {
        /// The writer and the canonicaliser are inverses for every string: what a field's
        /// text is, is what is signed; and serde_json reads the written text back unchanged.
        #[test]
        fn written_text_canonicalises_to_the_value(s in "\\PC*|[\\x00-\\x7f]*|.*") {
            let json = json_of(&s);
            prop_assert_eq!(&json, &serde_json::to_string(&s).unwrap());
            prop_assert_eq!(serde_json::from_str::<String>(&json).unwrap(), s.clone());
            prop_assert_eq!(crate::canonical_text(&json), s.as_str());
        }
    }
}
