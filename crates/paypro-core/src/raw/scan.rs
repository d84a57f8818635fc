//! The fast path of the one reader: a flat JSON object (every value a string, a number, `true`,
//! `false` or `null`; no key with an escape), read in one pass over its bytes.
//!
//! It accepts only what the full reader ([`super::read_entries`], on serde_json) accepts, and
//! refuses nothing: anything it does not take as is — a nested value, an escaped key, a `\u`
//! escape of a surrogate, a key given twice, more than [`RawObject::MAX_FIELDS`] fields,
//! whitespace JSON does not allow, any syntax error — it hands to the full reader, which reads
//! it or says why not. So every refusal and its precedence stay the full reader's; this only
//! makes the common case cheap. Both are compared on hostile input in `tests/it/fuzz.rs`
//! (`the_fast_reader_agrees_with_the_full_reader`).

use super::RawObject;
use super::fields::{FieldAt, KeyAt, Seen, prefix_at};

/// The fields of `text`, if it is a flat object this reader takes as is (see the module's
/// documentation); `None` hands it to the full reader.
pub(super) fn flat_object(text: &str) -> Option<Vec<FieldAt>> {
    let mut at = Cursor::new(text.as_bytes());
    at.whitespace();
    let fields = at.object::<false>(&mut Vec::new())?;
    at.end()?;
    Some(fields)
}

/// An object whose values may also be flat objects, one level down (a response's envelope
/// and its `data`), if this reader takes it as is: its fields, and for each value that is an
/// object, the value's arrival position and its own fields (their ranges counted from its
/// `{`). `None` hands it to the full reader, as [`flat_object`] does.
pub(super) fn object_of_flat_objects(text: &str) -> Option<(Vec<FieldAt>, Vec<Inner>)> {
    let mut at = Cursor::new(text.as_bytes());
    at.whitespace();
    let mut inner = Vec::new();
    let fields = at.object::<true>(&mut inner)?;
    at.end()?;
    Some((fields, inner))
}

/// A value that is an object: its field's arrival position, and its fields.
pub(super) type Inner = (u16, Vec<FieldAt>);

struct Cursor<'a> {
    bytes: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Cursor { bytes, i: 0 }
    }

    /// Nothing but whitespace left.
    #[inline]
    fn end(&mut self) -> Option<()> {
        self.whitespace();
        (self.i == self.bytes.len()).then_some(())
    }

    /// An object, the cursor on its `{`, after its `}` when taken. `NESTED`: values that are
    /// flat objects are taken, into `inner` (read by a cursor of their own, so their ranges
    /// count from their `{`); without it, an object value is handed over.
    #[inline(always)]
    fn object<const NESTED: bool>(&mut self, inner: &mut Vec<Inner>) -> Option<Vec<FieldAt>> {
        self.eat(b'{')?;
        self.whitespace();
        let mut fields: Vec<FieldAt> = Vec::with_capacity(16);
        if self.eat(b'}').is_some() {
            return Some(fields);
        }
        loop {
            if fields.len() == RawObject::MAX_FIELDS {
                return None;
            }
            self.eat(b'"')?;
            let (key, _) = self.string(false)?;
            self.whitespace();
            self.eat(b':')?;
            self.whitespace();
            let start = self.i;
            let mut seen = Seen::default();
            match self.peek()? {
                b'"' => {
                    self.i += 1;
                    (_, seen) = self.string(true)?;
                }
                b'-' | b'0'..=b'9' => self.number()?,
                b't' => self.literal(b"true")?,
                b'f' => self.literal(b"false")?,
                b'n' => self.literal(b"null")?,
                b'{' if NESTED => {
                    let mut nested = Cursor::new(&self.bytes[start..]);
                    let object = nested.object::<false>(&mut Vec::new())?;
                    self.i += nested.i;
                    // The full reader reads a nested value holding `\u` once more, as a
                    // `serde_json::Value` (which also refuses numbers out of a double's
                    // range): such a value is its to read.
                    if object.iter().any(|f| !f.seen.plain && f.seen.eq)
                        && holds_pair(&self.bytes[start..self.i], *b"\\u")
                    {
                        return None;
                    }
                    inner.push((fields.len() as u16, object));
                    // Not a string; its text may hold `=` (not looked at: it is never signed).
                    seen = Seen {
                        plain: false,
                        eq: true,
                    };
                }
                _ => return None,
            }
            fields.push(FieldAt {
                key: KeyAt::In(key.0, key.1),
                value: (start, self.i),
                seen,
                prefix: prefix_at(self.bytes, key.0, key.1 - key.0),
                by_name: 0,
            });
            self.whitespace();
            match self.peek()? {
                b',' => {
                    self.i += 1;
                    self.whitespace();
                }
                b'}' => {
                    self.i += 1;
                    return Some(fields);
                }
                _ => return None,
            }
        }
    }
}

impl Cursor<'_> {
    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.i).copied()
    }

    #[inline]
    fn eat(&mut self, byte: u8) -> Option<()> {
        if self.peek()? == byte {
            self.i += 1;
            Some(())
        } else {
            None
        }
    }

    /// JSON's whitespace: space, tab, line feed, carriage return.
    #[inline]
    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    /// The rest of a string whose opening quote was read: the range of its text (without the
    /// quotes) and what was seen in it, the cursor after the closing quote. `escapes`: whether
    /// an escape is taken (in a value) or handed over (in a key, which would have to be
    /// decoded).
    // Always inlined: its two call sites (keys, values) in each reader are the hot loop.
    #[inline(always)]
    fn string(&mut self, escapes: bool) -> Option<((usize, usize), Seen)> {
        let start = self.i;
        let mut seen = Seen {
            plain: true,
            eq: false,
        };
        loop {
            self.i += plain_run(&self.bytes[self.i..]);
            match *self.bytes.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    return Some(((start, self.i - 1), seen));
                }
                b'=' => {
                    seen.eq = true;
                    self.i += 1;
                }
                b'\\' if escapes => {
                    // Its text may hold `=` (`\u003d`): whoever needs to know reads it.
                    seen = Seen {
                        plain: false,
                        eq: true,
                    };
                    self.escape()?;
                }
                // A control character must be escaped; a key's escape is the full reader's.
                _ => return None,
            }
        }
    }

    /// One escape, the cursor on its backslash. A `\u` escape of a surrogate (half of a pair,
    /// or a lone one, which is no character) is handed over.
    #[cold]
    fn escape(&mut self) -> Option<()> {
        match *self.bytes.get(self.i + 1)? {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {
                self.i += 2;
                Some(())
            }
            b'u' => {
                let hex = self.bytes.get(self.i + 2..self.i + 6)?;
                let mut unit = 0u32;
                for &h in hex {
                    unit = unit * 16 + char::from(h).to_digit(16)?;
                }
                if (0xd800..=0xdfff).contains(&unit) {
                    return None;
                }
                self.i += 6;
                Some(())
            }
            _ => None,
        }
    }

    /// A number by JSON's grammar: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?
    #[inline]
    fn number(&mut self) -> Option<()> {
        if self.peek()? == b'-' {
            self.i += 1;
        }
        match self.peek()? {
            b'0' => self.i += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            self.some_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            self.some_digits()?;
        }
        Some(())
    }

    #[inline]
    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
    }

    /// At least one digit.
    #[inline]
    fn some_digits(&mut self) -> Option<()> {
        let start = self.i;
        self.digits();
        (self.i > start).then_some(())
    }

    #[inline]
    fn literal(&mut self, word: &[u8]) -> Option<()> {
        if self.bytes.get(self.i..self.i + word.len())? == word {
            self.i += word.len();
            Some(())
        } else {
            None
        }
    }
}

/// How many bytes at the start of `bytes` need no attention inside a string: no `"`, no `\\`,
/// no control character, no `=` (noted for the splice check). Eight bytes at a time.
#[inline]
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    /// The high bit of every byte of `v` equal to `byte` (the lowest exactly; bytes after it
    /// may be marked falsely, which does not matter here).
    #[inline]
    fn equal(v: u64, byte: u8) -> u64 {
        let x = v ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x
    }
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // Below 0x20 (the same trick as `equal`, against 0x20).
        let control = v.wrapping_sub(ONES * 0x20) & !v;
        let marked = (control | equal(v, b'"') | equal(v, b'\\') | equal(v, b'=')) & HIGHS;
        if marked != 0 {
            return n + (marked.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    while let Some(&b) = bytes.get(n) {
        if needs_attention(b) {
            break;
        }
        n += 1;
    }
    n
}

/// Whether `pair` occurs in `bytes`.
#[cold]
fn holds_pair(bytes: &[u8], pair: [u8; 2]) -> bool {
    bytes.windows(2).any(|w| w == pair)
}

/// What [`plain_run`] stops at.
#[inline]
fn needs_attention(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\' || b == b'='
}

#[cfg(test)]
mod tests {
    use super::super::fields::prefix;
    use super::*;

    /// What the fast path takes (this reader, then the name sort, which finds a key given
    /// twice: as `FieldIndex::read` does), as (key, value text) pairs.
    fn fast(text: &str) -> Option<Vec<(String, String)>> {
        let mut fields = flat_object(text)?;
        if !super::super::fields::sort_by_name(&mut fields, text) {
            return None;
        }
        let pairs = fields
            .iter()
            .map(|f| {
                let KeyAt::In(a, b) = f.key else {
                    panic!("the fast reader decodes no key")
                };
                let value = &text[f.value.0..f.value.1];
                // What it saw while reading is what looking again tells.
                assert_eq!(f.seen, Seen::of(value), "{value}");
                assert_eq!(f.prefix, prefix(&text[a..b]), "{text}");
                (text[a..b].to_string(), value.to_string())
            })
            .collect();
        Some(pairs)
    }

    /// What the full reader (serde_json) reads, as the same pairs.
    fn full(text: &str) -> Result<Vec<(String, String)>, RawError> {
        RawObject::read(text, "body").map(|o| {
            o.iter()
                .map(|(k, v)| (k.to_string(), v.get().to_string()))
                .collect()
        })
    }

    use super::super::RawError;

    /// Whatever the fast reader takes, the full reader reads the same way.
    fn agrees(text: &str) -> bool {
        match fast(text) {
            Some(pairs) => {
                assert_eq!(full(text).as_ref(), Ok(&pairs), "{text:?}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn flat_objects_are_taken_as_the_full_reader_reads_them() {
        for text in [
            "{}",
            " \t\r\n{ \n} \r\n",
            r#"{"a":"x","b":1,"c":-0.5e+10,"d":true,"e":false,"f":null,"g":""}"#,
            r#"{"amount":3.0000,"n":0,"m":-0,"e":1E400,"f":1e-7,"big":123456789012345678901234567890}"#,
            r#"{"q":"a\"b\\c\/d\be\ff\ng\rh\ti","u":"\u00e9\u00E9\u0041\uffff\u0000"}"#,
            r#"{"name":"Zoë 🦤 ñandú","kéy":"v"}"#,
            r#"{ "a" : "x" , "b" : "y" }"#,
            r#"{"a=b":"c=d","sign":"0123456789abcdef0123456789abcdef"}"#,
            r#"{"m":"0000successTime\u003dX","n":"=","o":"a=","p":"=b"}"#,
        ] {
            assert!(agrees(text), "not taken: {text}");
        }
        let long = format!(r#"{{"pad":"{}","x":1}}"#, "x".repeat(70 * 1024));
        assert!(agrees(&long));
        let at_cap: Vec<String> = (0..RawObject::MAX_FIELDS)
            .map(|i| format!(r#""k{i}":{i}"#))
            .collect();
        assert!(agrees(&format!("{{{}}}", at_cap.join(","))));
    }

    /// Anything else goes to the full reader, which reads it (nesting, escaped keys, surrogate
    /// pairs) or says why not.
    #[test]
    fn anything_else_is_handed_over() {
        for text in [
            // Nesting, escaped keys, surrogates (a pair, and lone ones).
            r#"{"a":{"b":1}}"#,
            r#"{"a":[1,2]}"#,
            r#"{"k\u00e9y":1}"#,
            r#"{"k\"":1}"#,
            r#"{"m":"\ud83e\udda4"}"#,
            r#"{"m":"\ud800"}"#,
            r#"{"m":"\udc00x"}"#,
            // Duplicates, anywhere.
            r#"{"a":1,"a":2}"#,
            r#"{"a":1,"b":2,"c":3,"b":"4"}"#,
            r#"{"a":"","a":""}"#,
            // Not JSON, or not an object.
            "",
            "   ",
            "{",
            "}",
            "[1]",
            "42",
            r#""x""#,
            r#"{"a":1"#,
            r#"{"a":1,}"#,
            r#"{,"a":1}"#,
            r#"{"a" 1}"#,
            r#"{"a":}"#,
            r#"{a:1}"#,
            r#"{'a':1}"#,
            r#"{"a":1} x"#,
            r#"{"a":1}{}"#,
            r#"{"a":"x}"#,
            r#"{"a":"x\"}"#,
            r#"{"a":"\x"}"#,
            r#"{"a":"\u12"}"#,
            r#"{"a":"\u12g4"}"#,
            "{\"a\":\"tab\there\"}",
            "{\"a\":\"nul\u{0}\"}",
            "\u{a0}{}",
            "{\u{a0}}",
            "\u{feff}{}",
            // Numbers JSON does not allow, and near-literals.
            r#"{"a":01}"#,
            r#"{"a":-}"#,
            r#"{"a":+1}"#,
            r#"{"a":1.}"#,
            r#"{"a":.5}"#,
            r#"{"a":1e}"#,
            r#"{"a":1e+}"#,
            r#"{"a":0x10}"#,
            r#"{"a":1.5.3}"#,
            r#"{"a":NaN}"#,
            r#"{"a":Infinity}"#,
            r#"{"a":tru}"#,
            r#"{"a":nul}"#,
            r#"{"a":True}"#,
            r#"{"a":truex}"#,
        ] {
            assert!(!agrees(text), "taken: {text:?}");
        }
        // Over the cap.
        let over: Vec<String> = (0..=RawObject::MAX_FIELDS)
            .map(|i| format!(r#""k{i}":1"#))
            .collect();
        assert!(!agrees(&format!("{{{}}}", over.join(","))));
        // Deep nesting is handed over at its first bracket, without recursion.
        let deep = format!(r#"{{"a":{}1{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
        assert!(!agrees(&deep));
    }

    /// Every prefix of a valid body is handed over (truncated), or is the body itself.
    #[test]
    fn every_truncation_is_handed_over() {
        let body =
            r#"{"platFormTradeNo":"P1","amount":-12.50e+3,"ok":true,"no":null,"m":"a\"\u00e9"}"#;
        assert!(agrees(body));
        for end in 0..body.len() {
            if body.is_char_boundary(end) {
                assert!(!agrees(&body[..end]), "{}", &body[..end]);
            }
        }
    }

    /// An envelope and its flat `data` are taken together, `data`'s ranges counted from its
    /// `{`; deeper nesting, an array, a `\u` in a nested value (the full reader reads those
    /// again) and anything `flat_object` hands over are handed over.
    #[test]
    fn objects_of_flat_objects() {
        let text = r#" {"code":"0000","data":{"a":"x","b":1},"e":{}} "#;
        let (fields, inner) = object_of_flat_objects(text).expect("taken");
        assert_eq!(fields.len(), 3);
        let at: Vec<u16> = inner.iter().map(|(at, _)| *at).collect();
        assert_eq!(at, [1, 2]);
        let (s, e) = fields[1].value;
        let data = &text[s..e];
        assert_eq!(data, r#"{"a":"x","b":1}"#);
        let pairs: Vec<&str> = inner[0]
            .1
            .iter()
            .map(|f| &data[f.value.0..f.value.1])
            .collect();
        assert_eq!(pairs, [r#""x""#, "1"]);
        assert!(inner[1].1.is_empty());
        for handed_over in [
            r#"{"data":{"a":{"b":1}}}"#,
            r#"{"data":{"a":[1]}}"#,
            r#"{"data":[{"a":1}]}"#,
            r#"{"data":{"a":"\u00e9"}}"#,
            r#"{"data":{"a":"\\u","b":1E400}}"#,
            r#"{"data":{"a":1,}}"#,
            r#"{"data":{"a":1}"#,
            r#"{"data":{"a":1}} x"#,
        ] {
            assert!(
                object_of_flat_objects(handed_over).is_none(),
                "{handed_over}"
            );
        }
        // Without a `\u`, an escape in a nested value is taken.
        assert!(object_of_flat_objects(r#"{"data":{"a":"\/\""}}"#).is_some());
        // `flat_object` takes no nesting at all.
        assert!(flat_object(r#"{"data":{}}"#).is_none());
    }

    fn plain_run_naive(bytes: &[u8]) -> usize {
        bytes
            .iter()
            .position(|&b| b < 0x20 || b == b'"' || b == b'\\' || b == b'=')
            .unwrap_or(bytes.len())
    }

    /// The eight-at-a-time search finds the first byte that needs attention, wherever it is,
    /// whatever its value and whatever comes after it.
    #[test]
    fn plain_run_finds_the_first_special_byte() {
        for len in 0..40 {
            for at in 0..=len {
                for special in (0u8..0x20).chain([b'"', b'\\', b'=']) {
                    for filler in [b'a', 0x7f, 0x80, 0xff, b'!', b'#', b'[', b']', b'<', b'>'] {
                        let mut bytes = vec![filler; len];
                        if at < len {
                            bytes[at] = special;
                            // A byte after it that could be falsely marked.
                            if at + 1 < len {
                                bytes[at + 1] = 0x01;
                            }
                        }
                        assert_eq!(plain_run(&bytes), plain_run_naive(&bytes), "{bytes:?}");
                    }
                }
            }
        }
        for b in 0..=255u8 {
            for at in 0..16 {
                let mut bytes = [b'x'; 16];
                bytes[at] = b;
                assert_eq!(plain_run(&bytes), plain_run_naive(&bytes), "{b} at {at}");
            }
        }
    }
}
