//! A JSON object read once, kept as where its fields lie in its text: what a verified
//! notification keeps with its body, so parsing reads no JSON again, and what the lenient
//! readers and the signer read, without copying a key or a value.

use std::borrow::Cow;
use std::fmt;

use super::{RawError, raw_text, read_entries, scan};
use crate::sign::{by_name, canonical_text, holds};

/// Where each top-level field of a JSON object lies in its text, in arrival order, and their
/// order by name: the object read once, by the one reader and its rules
/// ([`RawObject::read`](super::RawObject::read)).
#[derive(Clone, Debug, Default)]
pub(crate) struct FieldIndex(Vec<FieldAt>);

/// One field: its key (a range of the text, or decoded when it holds an escape), the range of
/// its value's raw JSON text and what the reader saw in it, and which field comes at its
/// position in name order.
#[derive(Clone, Debug)]
pub(super) struct FieldAt {
    pub(super) key: KeyAt,
    pub(super) value: (usize, usize),
    pub(super) seen: Seen,
    /// The key's first eight bytes ([`prefix`]): most comparisons of names end there.
    pub(super) prefix: u64,
    /// The arrival position of the field that is this position's in name order.
    pub(super) by_name: u16,
}

#[derive(Clone, Debug)]
pub(super) enum KeyAt {
    In(usize, usize),
    Decoded(Box<str>),
}

/// What a reader saw in a value while reading it, so that no one reads it again to know.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Seen {
    /// A string without an escape: its text is what lies between its quotes.
    pub(super) plain: bool,
    /// Its text may hold `=` (a string with an escape may: `\u003d`).
    pub(super) eq: bool,
}

impl Seen {
    /// Looks, for a value whose reader did not say.
    pub(super) fn of(json: &str) -> Seen {
        let bytes = json.as_bytes();
        let string = json.len() >= 2 && bytes[0] == b'"';
        let plain = string && !holds(bytes, b'\\');
        Seen {
            plain,
            eq: (string && !plain) || holds(bytes, b'='),
        }
    }
}

impl FieldAt {
    /// A field the full reader read: its key a slice of `text` or decoded, its value a slice.
    fn new(text: &str, key: Cow<'_, str>, value: &str) -> FieldAt {
        let prefix = prefix(&key);
        FieldAt {
            key: match key {
                Cow::Borrowed(key) => {
                    let (start, end) = range_in(text, key);
                    KeyAt::In(start, end)
                }
                Cow::Owned(key) => KeyAt::Decoded(key.into_boxed_str()),
            },
            value: range_in(text, value),
            seen: Seen::of(value),
            prefix,
            by_name: 0,
        }
    }

    #[inline]
    fn key<'a>(&'a self, text: &'a str) -> &'a str {
        match &self.key {
            KeyAt::In(start, end) => &text[*start..*end],
            KeyAt::Decoded(key) => key,
        }
    }
}

impl FieldIndex {
    /// Reads `text` as a JSON object (see [`RawObject::read`](super::RawObject::read)): flat
    /// objects in one pass over their bytes ([`scan`]), anything else — and every refusal —
    /// by the full reader.
    pub(crate) fn read(text: &str, path: &str) -> Result<Self, RawError> {
        if let Some(mut fields) = scan::flat_object(text) {
            if sort_by_name(&mut fields, text) {
                return Ok(FieldIndex(fields));
            }
            // A key given twice: the full reader says which, and what came first.
        }
        Self::read_full(text, path)
    }

    /// [`FieldIndex::read`], and the fields of each value that is a flat object, one level
    /// down (a response's `data`), by their field's arrival position: the whole object read
    /// in one pass where the fast reader takes it. Where it does not, or where a value's own
    /// keys repeat, that value is not indexed (its reader reads it, and refuses it, as
    /// before); anything else is [`FieldIndex::read`]'s.
    pub(crate) fn read_nested(
        text: &str,
        path: &str,
    ) -> Result<(Self, Vec<(u16, FieldIndex)>), RawError> {
        if let Some((mut fields, inner)) = scan::object_of_flat_objects(text) {
            if sort_by_name(&mut fields, text) {
                let objects = inner
                    .into_iter()
                    .filter_map(|(at, mut object)| {
                        let (start, end) = fields[usize::from(at)].value;
                        sort_by_name(&mut object, &text[start..end])
                            .then_some((at, FieldIndex(object)))
                    })
                    .collect();
                return Ok((FieldIndex(fields), objects));
            }
        }
        Ok((Self::read_full(text, path)?, Vec::new()))
    }

    /// The full reader's index of `text`.
    fn read_full(text: &str, path: &str) -> Result<Self, RawError> {
        let mut fields: Vec<FieldAt> = read_entries(text, path)?
            .into_iter()
            .map(|(key, value)| FieldAt::new(text, key, value.get()))
            .collect();
        sort_by_name(&mut fields, text);
        Ok(FieldIndex(fields))
    }

    /// The fields of `text`, which must be the text this index was read from.
    pub(crate) fn fields<'a>(&'a self, text: &'a str) -> RawFields<'a> {
        RawFields {
            text,
            fields: &self.0,
        }
    }
}

/// Fills in the name order ([`by_name`]: byte order, the signing rule's); `false` when a key
/// is given twice. Keys are sorted by their first eight bytes, then runs that share those are
/// sorted whole.
pub(super) fn sort_by_name(fields: &mut [FieldAt], text: &str) -> bool {
    /// (first eight bytes; arrival position).
    type Sortable = (u64, u16);
    let mut small: [Sortable; 32] = [(0, 0); 32];
    let mut large: Vec<Sortable>;
    let order: &mut [Sortable] = if fields.len() <= small.len() {
        &mut small[..fields.len()]
    } else {
        large = vec![(0, 0); fields.len()];
        &mut large
    };
    for (i, (slot, field)) in order.iter_mut().zip(fields.iter()).enumerate() {
        *slot = (field.prefix, i as u16);
    }
    order.sort_unstable_by_key(|s| s.0);
    let key = |i: u16| fields[usize::from(i)].key(text);
    let mut distinct = true;
    let mut run = 0;
    while run < order.len() {
        let end = run
            + order[run..]
                .iter()
                .take_while(|s| s.0 == order[run].0)
                .count();
        if end - run > 1 {
            // Keys sharing their first eight bytes (or a zero byte): by the whole key, ties by
            // arrival (only a key given twice ties).
            let tied = &mut order[run..end];
            tied.sort_unstable_by(|a, b| by_name(key(a.1), key(b.1)).then(a.1.cmp(&b.1)));
            distinct &= tied.windows(2).all(|w| key(w[0].1) != key(w[1].1));
        }
        run = end;
    }
    for (field, &(_, o)) in fields.iter_mut().zip(order.iter()) {
        field.by_name = o;
    }
    distinct
}

/// The prefix ([`prefix`]) of the key at `start..start + len` of `text`: one load of eight
/// bytes, those past the key masked off, where the text has eight bytes from `start`.
#[inline]
pub(super) fn prefix_at(text: &[u8], start: usize, len: usize) -> u64 {
    match text.get(start..start + 8) {
        Some(eight) => {
            let v = u64::from_be_bytes(eight.try_into().unwrap_or([0; 8]));
            if len >= 8 {
                v
            } else {
                v & !(u64::MAX >> (8 * len))
            }
        }
        None => text.get(start..start + len).map_or(0, |key| {
            key.iter()
                .enumerate()
                .fold(0, |v, (i, &b)| v | u64::from(b) << (56 - 8 * i))
        }),
    }
}

/// A key's first eight bytes as a big-endian number, zero-padded: prefixes compare as the keys'
/// byte order does, except that a tie needs the whole keys.
#[inline]
pub(super) fn prefix(key: &str) -> u64 {
    let bytes = key.as_bytes();
    match bytes.get(..8) {
        Some(eight) => u64::from_be_bytes(eight.try_into().unwrap_or([0; 8])),
        None => bytes
            .iter()
            .enumerate()
            .fold(0, |v, (i, &b)| v | u64::from(b) << (56 - 8 * i)),
    }
}

/// Where `part`, a slice of `text`, lies in it.
fn range_in(text: &str, part: &str) -> (usize, usize) {
    let start = (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    debug_assert!(start <= text.len() && start + part.len() <= text.len());
    (start, start + part.len())
}

/// A JSON object's top-level fields as read once: each key and each value's raw JSON text,
/// borrowed from the object's text, in arrival order. What
/// [`FromRaw::from_fields`](crate::FromRaw::from_fields) reads, so a verified notification is
/// parsed without reading its body again.
#[derive(Clone, Copy)]
pub struct RawFields<'a> {
    text: &'a str,
    fields: &'a [FieldAt],
}

impl<'a> RawFields<'a> {
    #[inline]
    fn entry(&self, field: &'a FieldAt) -> (&'a str, Json<'a>) {
        (
            field.key(self.text),
            Json {
                raw: &self.text[field.value.0..field.value.1],
                seen: field.seen,
            },
        )
    }

    /// The fields in arrival order: each key (unescaped) and its value's raw JSON text.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.values().map(|(key, json)| (key, json.raw))
    }

    /// The fields in arrival order, each value with what its reader saw in it.
    pub(crate) fn values(&self) -> impl Iterator<Item = (&'a str, Json<'a>)> + 'a {
        let this = *self;
        self.fields.iter().map(move |f| this.entry(f))
    }

    /// Whether any value's text may hold `=` (what its reader saw: no text is read here).
    #[inline]
    pub(crate) fn may_hold_eq(&self) -> bool {
        self.fields.iter().any(|f| f.seen.eq)
    }

    /// The fields sorted by name (byte order), as the signature takes them.
    pub(crate) fn by_name(&self) -> impl Iterator<Item = (&'a str, Json<'a>)> + 'a {
        let this = *self;
        self.fields
            .iter()
            .map(move |f| this.entry(&this.fields[usize::from(f.by_name)]))
    }

    /// A field's raw JSON text (found by name order, in a few comparisons).
    pub fn get(&self, key: &str) -> Option<&'a str> {
        let text = self.text;
        let wanted = prefix(key);
        let at = |f: &FieldAt| &self.fields[usize::from(f.by_name)];
        self.fields
            .binary_search_by(|f| {
                let f = at(f);
                f.prefix
                    .cmp(&wanted)
                    .then_with(|| by_name(f.key(text), key))
            })
            .ok()
            .map(|i| self.entry(at(&self.fields[i])).1.raw)
    }

    /// The number of fields.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Whether there are no fields.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The object's whole text, as received.
    pub fn text(&self) -> &'a str {
        self.text
    }
}

/// A received value's raw JSON text, with what its reader saw in it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Json<'a> {
    pub(crate) raw: &'a str,
    seen: Seen,
}

impl<'a> Json<'a> {
    /// A value whose reader did not say what it saw: looked at now.
    pub(crate) fn of(raw: &'a str) -> Json<'a> {
        Json {
            raw,
            seen: Seen::of(raw),
        }
    }

    /// Whether its text may hold `=`.
    #[inline]
    pub(crate) fn may_hold_eq(self) -> bool {
        self.seen.eq
    }

    /// What a string without an escape stands for: the text between its quotes.
    #[inline]
    fn inner(self) -> Option<&'a str> {
        if self.seen.plain {
            self.raw.get(1..self.raw.len() - 1)
        } else {
            None
        }
    }

    /// Its text: strings unescaped, anything else verbatim (`raw_text`).
    #[inline]
    pub(crate) fn text(self) -> Cow<'a, str> {
        match self.inner() {
            Some(inner) => Cow::Borrowed(inner),
            None => raw_text(self.raw),
        }
    }

    /// Its canonical text ([`canonical_text`], of which a plain string's inner text is the
    /// first case, without looking again for an escape).
    #[inline]
    pub(crate) fn canonical(self) -> Cow<'a, str> {
        match self.inner() {
            Some(inner) => {
                debug_assert_eq!(inner, canonical_text(self.raw));
                Cow::Borrowed(inner)
            }
            None => canonical_text(self.raw),
        }
    }
}

impl fmt::Debug for RawFields<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(text: &str) -> FieldIndex {
        FieldIndex::read(text, "b").unwrap()
    }

    /// The name order is the byte order of the whole keys, whatever they share: eight-byte
    /// prefixes, zero bytes (a key "a" and a key "a\u0000"), every length, more keys than the
    /// stack's 32 slots.
    #[test]
    fn name_order_is_byte_order() {
        let sets: Vec<Vec<String>> = vec![
            vec!["b".into(), "B".into(), "a".into(), "aa".into(), "Z".into()],
            vec![
                "tradeNo".into(),
                "tradeNo2".into(),
                "tradeNo1".into(),
                "tradeNoX".into(),
                "tradeNoXY".into(),
                "tradeNo\\u0000".into(),
                "tradeNo\\u0000\\u0000".into(),
                "tradeN".into(),
                "".into(),
                "\\u0000".into(),
            ],
            (0..100).map(|i| format!("k{}", (i * 37) % 100)).collect(),
            (0..40)
                .map(|i| format!("platFormTradeNo{}", (i * 7) % 40))
                .collect(),
            vec!["é".into(), "z".into(), "ü".into(), "🦤".into(), "e".into()],
        ];
        for keys in sets {
            let body = format!(
                "{{{}}}",
                keys.iter()
                    .enumerate()
                    .map(|(i, k)| format!(r#""{k}":{i}"#))
                    .collect::<Vec<_>>()
                    .join(",")
            );
            let index = index(&body);
            let fields = index.fields(&body);
            let mut want: Vec<(&str, &str)> = fields.iter().collect();
            want.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            let got: Vec<(&str, &str)> = fields.by_name().map(|(k, v)| (k, v.raw)).collect();
            assert_eq!(got, want, "{body}");
            for (k, v) in fields.iter() {
                assert_eq!(fields.get(k), Some(v), "{k:?}");
            }
            for missing in ["", "zzz", "k", "tradeNo\\u0001", "A"] {
                if !fields.iter().any(|(k, _)| k == missing) {
                    assert_eq!(fields.get(missing), None, "{missing:?}");
                }
            }
        }
    }

    #[test]
    fn a_key_given_twice_is_found_whatever_it_shares() {
        for body in [
            r#"{"tradeNo1":1,"tradeNo2":2,"tradeNo1":3}"#,
            r#"{"a":1,"a\u0000":2,"a":3}"#,
            r#"{"x":1,"y":2,"x":3,"y":4}"#,
        ] {
            assert!(
                matches!(
                    FieldIndex::read(body, "b"),
                    Err(RawError::DuplicateKey { .. })
                ),
                "{body}"
            );
        }
        let many: Vec<String> = (0..40).map(|i| format!(r#""k{}":1"#, i % 39)).collect();
        assert!(matches!(
            FieldIndex::read(&format!("{{{}}}", many.join(",")), "b"),
            Err(RawError::DuplicateKey { key, .. }) if key == "k0"
        ));
    }

    /// Where two prefixes differ, they order the keys as the keys' bytes do (a tie, as for
    /// "a" and "a" followed by a zero byte, is settled on the whole keys).
    #[test]
    fn prefixes_compare_as_the_keys_do() {
        let keys = [
            "",
            "a",
            "a\0",
            "a\0b",
            "ab",
            "abcdefgh",
            "abcdefgh0",
            "abcdefgi",
            "b",
            "\u{7f}",
            "é",
        ];
        for a in keys {
            for b in keys {
                if prefix(a) != prefix(b) {
                    assert_eq!(prefix(a).cmp(&prefix(b)), a.cmp(b), "{a:?} {b:?}");
                }
            }
        }
        assert_eq!(prefix("a"), prefix("a\0"));
    }
}
