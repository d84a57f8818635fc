//! Received JSON, kept exactly as it arrived.
//!
//! Responses and callbacks are parsed into a [`RawObject`]: the top-level fields in arrival
//! order, each value as its untouched JSON text. Nothing is re-serialized, so `3.0000` stays
//! `3.0000` (a float round-trip would change amounts and break signatures), and fields the spec
//! does not know end up in [`Extra`] instead of being dropped.

mod fields;
mod scan;

pub use fields::RawFields;
pub(crate) use fields::{FieldIndex, Json};

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;

/// Why received JSON could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {problem}")]
pub struct DecodeError {
    /// Where (`body`, `data`, `data.amount`).
    pub path: String,
    /// What is wrong.
    pub problem: String,
}

impl DecodeError {
    /// An error at `path`.
    pub fn new(path: impl Into<String>, problem: impl Into<String>) -> Self {
        DecodeError {
            path: path.into(),
            problem: problem.into(),
        }
    }
}

/// Why a body is not a readable JSON object, by kind: what a receiver answers can differ.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RawError {
    /// Not JSON at all (or empty).
    #[error("{path}: not JSON ({detail})")]
    NotJson {
        /// Where.
        path: String,
        /// What the JSON reader said.
        detail: String,
    },
    /// JSON, but not an object.
    #[error("{path}: expected a JSON object, got {got}")]
    NotAnObject {
        /// Where.
        path: String,
        /// What came instead (`a JSON array`, `a JSON scalar`).
        got: &'static str,
    },
    /// A key given twice: which value the sender meant is ambiguous.
    #[error("{path}: duplicate key `{key}`")]
    DuplicateKey {
        /// Where.
        path: String,
        /// The key.
        key: String,
    },
    /// More fields than [`RawObject::MAX_FIELDS`].
    #[error("{path}: more than {limit} fields")]
    TooManyFields {
        /// Where.
        path: String,
        /// The limit.
        limit: usize,
    },
}

impl From<RawError> for DecodeError {
    fn from(e: RawError) -> Self {
        let problem = e.to_string();
        let path = match e {
            RawError::NotJson { path, .. }
            | RawError::NotAnObject { path, .. }
            | RawError::DuplicateKey { path, .. }
            | RawError::TooManyFields { path, .. } => path,
        };
        let problem = problem
            .strip_prefix(&format!("{path}: "))
            .map(str::to_string)
            .unwrap_or(problem);
        DecodeError::new(path, problem)
    }
}

/// A JSON object's top-level fields, each kept as raw JSON text, in arrival order.
#[derive(Clone, Debug)]
pub struct RawObject {
    entries: Vec<(String, Box<RawValue>)>,
}

impl RawObject {
    /// The most fields an object may have. Every documented object has fewer than 20; the cap
    /// bounds the work an unauthenticated body can cause before its signature is checked.
    pub const MAX_FIELDS: usize = 256;

    /// Parses a JSON object. A non-object, invalid JSON, a key that appears twice (which value
    /// the sender meant is ambiguous) or more than [`RawObject::MAX_FIELDS`] fields is an
    /// error. Linear in the body's size.
    pub fn parse(text: &str, path: &str) -> Result<Self, DecodeError> {
        Self::read(text, path).map_err(DecodeError::from)
    }

    /// [`RawObject::parse`], with the reason as a [`RawError`].
    pub fn read(text: &str, path: &str) -> Result<Self, RawError> {
        let entries = read_entries(text, path)?
            .into_iter()
            .map(|(key, value)| (key.into_owned(), value.to_owned()))
            .collect();
        Ok(RawObject { entries })
    }

    /// The fields in arrival order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), &**v))
    }

    /// A field's raw value.
    pub fn get(&self, key: &str) -> Option<&RawValue> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| &**v)
    }

    /// The number of fields.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no fields.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Takes the fields out.
    pub fn into_entries(self) -> Vec<(String, Box<RawValue>)> {
        self.entries
    }
}

/// A field as the reader hands it over: the key borrowed from the text unless it holds an
/// escape, the value's raw JSON text borrowed.
type Entry<'a> = (Cow<'a, str>, &'a RawValue);

/// The one reader of received objects: a JSON object's top-level fields in arrival order. A
/// non-object, invalid JSON, a key given twice, more than [`RawObject::MAX_FIELDS`] fields or
/// an escape that is no character is an error. Linear in the text's size, plus a sort of the
/// (at most [`RawObject::MAX_FIELDS`]) keys.
fn read_entries<'a>(text: &'a str, path: &str) -> Result<Vec<Entry<'a>>, RawError> {
    let trimmed = text.trim_start();
    if !trimmed.starts_with('{') {
        return Err(match trimmed.chars().next() {
            None => RawError::NotJson {
                path: path.into(),
                detail: "the body is empty".into(),
            },
            Some('[') => RawError::NotAnObject {
                path: path.into(),
                got: "a JSON array",
            },
            Some(_) => match serde_json::from_str::<&RawValue>(text) {
                Ok(_) => RawError::NotAnObject {
                    path: path.into(),
                    got: "a JSON scalar",
                },
                Err(e) => RawError::NotJson {
                    path: path.into(),
                    detail: e.to_string(),
                },
            },
        });
    }
    let mut state = ReadState::new();
    let mut reader = serde_json::Deserializer::from_str(text);
    let parsed = de::DeserializeSeed::deserialize(ObjectSeed { state: &mut state }, &mut reader);
    if let Some(key) = state.duplicate(parsed.is_err()) {
        return Err(RawError::DuplicateKey {
            path: path.into(),
            key,
        });
    }
    let outcome = parsed.and_then(|()| reader.end());
    match (outcome, state.problem.take()) {
        (Ok(()), _) => Ok(state.entries),
        (Err(_), Some(Problem::TooMany)) => Err(RawError::TooManyFields {
            path: path.into(),
            limit: RawObject::MAX_FIELDS,
        }),
        (Err(_), Some(Problem::BadEscape(key))) => Err(RawError::NotJson {
            path: path.into(),
            detail: format!(
                "field `{key}` holds a \\u escape that is no character (a lone surrogate such as \\ud800)"
            ),
        }),
        (Err(e), None) => Err(RawError::NotJson {
            path: path.into(),
            detail: e.to_string(),
        }),
    }
}

/// The position of the earliest key that repeats one before it, if any: the keys are sorted
/// (byte order, ties by position), so equal keys sit together, first appearance first. No
/// hashing: at most [`RawObject::MAX_FIELDS`] + 1 keys.
fn first_duplicate(keys: &[&str]) -> Option<usize> {
    if keys.len() < 2 {
        return None;
    }
    let mut order: Vec<u16> = (0..keys.len() as u16).collect();
    order.sort_unstable_by(|&a, &b| keys[a as usize].cmp(keys[b as usize]).then(a.cmp(&b)));
    order
        .windows(2)
        .filter(|w| keys[w[0] as usize] == keys[w[1] as usize])
        .map(|w| w[1] as usize)
        .min()
}

enum Problem {
    TooMany,
    BadEscape(String),
}

/// What the reader has read so far, kept when it stops on an error. `V` is the value as the
/// deserializer can give it: borrowed from the text (`&RawValue`) or owned (`Box<RawValue>`).
struct ReadState<'a, V> {
    entries: Vec<(Cow<'a, str>, V)>,
    /// A key whose value was not (yet) read.
    pending: Option<Cow<'a, str>>,
    problem: Option<Problem>,
}

impl<V> ReadState<'_, V> {
    fn new() -> Self {
        ReadState {
            entries: Vec::new(),
            pending: None,
            problem: None,
        }
    }

    /// A key given twice, reported before anything the reader met after its second appearance
    /// (a syntax error, a bad escape in its value, trailing text), as a reader refusing it on
    /// sight would. `stopped`: the reader stopped on an error; the key it stopped at counts,
    /// unless it was over the cap.
    fn duplicate(&self, stopped: bool) -> Option<String> {
        let pending = match self.problem {
            Some(Problem::TooMany) => None,
            _ if stopped => self.pending.as_deref(),
            _ => None,
        };
        let keys: Vec<&str> = self
            .entries
            .iter()
            .map(|(k, _)| &**k)
            .chain(pending)
            .collect();
        first_duplicate(&keys).map(|i| keys[i].to_string())
    }
}

/// Reads one object into a [`ReadState`], recording too many fields or a bad escape as a
/// typed problem.
struct ObjectSeed<'s, 'a, V> {
    state: &'s mut ReadState<'a, V>,
}

impl<'a, V> de::DeserializeSeed<'a> for ObjectSeed<'_, 'a, V>
where
    V: Deserialize<'a> + std::ops::Deref<Target = RawValue>,
{
    type Value = ();
    fn deserialize<D: Deserializer<'a>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'a, V> Visitor<'a> for ObjectSeed<'_, 'a, V>
where
    V: Deserialize<'a> + std::ops::Deref<Target = RawValue>,
{
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'a>>(self, mut map: A) -> Result<(), A::Error> {
        let state = self.state;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if state.entries.len() == RawObject::MAX_FIELDS {
                state.problem = Some(Problem::TooMany);
                return Err(de::Error::custom("too many fields"));
            }
            let key = state.pending.insert(key);
            let value = map.next_value::<V>()?;
            // The raw reader checks an escape's form, not that it is text: `"\ud800"` (a lone
            // surrogate) is no character, and every implementation would sign it differently.
            if value.get().contains("\\u")
                && serde_json::from_str::<de::IgnoredAny>(value.get()).is_ok()
                && serde_json::from_str::<serde_json::Value>(value.get()).is_err()
            {
                let message = format!("field `{key}` holds an escape that is not text");
                state.problem = Some(Problem::BadEscape(key.to_string()));
                return Err(de::Error::custom(message));
            }
            if let Some(key) = state.pending.take() {
                state.entries.push((key, value));
            }
        }
        Ok(())
    }
}

/// A key, borrowed from the text unless it holds an escape (or the deserializer cannot lend).
struct KeySeed;

impl<'a> de::DeserializeSeed<'a> for KeySeed {
    type Value = Cow<'a, str>;
    fn deserialize<D: Deserializer<'a>>(self, deserializer: D) -> Result<Cow<'a, str>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'a> Visitor<'a> for KeySeed {
    type Value = Cow<'a, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E: de::Error>(self, key: &'a str) -> Result<Cow<'a, str>, E> {
        Ok(Cow::Borrowed(key))
    }
    fn visit_str<E: de::Error>(self, key: &str) -> Result<Cow<'a, str>, E> {
        Ok(Cow::Owned(key.to_string()))
    }
    fn visit_string<E: de::Error>(self, key: String) -> Result<Cow<'a, str>, E> {
        Ok(Cow::Owned(key))
    }
}

impl<'de> Deserialize<'de> for RawObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut state = ReadState::<Box<RawValue>>::new();
        let read = deserializer.deserialize_map(ObjectSeed { state: &mut state });
        if let Some(key) = state.duplicate(read.is_err()) {
            return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
        }
        read?;
        Ok(RawObject {
            entries: state
                .entries
                .into_iter()
                .map(|(key, value)| (key.into_owned(), value))
                .collect(),
        })
    }
}

/// Fields the spec does not know, kept exactly as received (raw JSON text by name).
///
/// ```
/// # use paypro_core::RawObject;
/// # use paypro_core::Extra;
/// let mut extra = Extra::default();
/// for (k, v) in RawObject::parse(r#"{"utr":"111","fee":3.0000}"#, "data").unwrap().into_entries() {
///     extra.insert(k, v);
/// }
/// assert_eq!(extra.get("fee").unwrap().get(), "3.0000");
/// assert_eq!(extra.get_str("utr"), Some("111".to_string()));
/// ```
#[derive(Clone, Default)]
pub struct Extra(
    /// Sorted by name, each name once (a vector: usually none, one or two fields, where a
    /// tree's node cost more to build and drop than the search it saves).
    Vec<(String, Box<RawValue>)>,
);

impl Extra {
    /// Keeps a field. A second value under the same name keeps the first.
    pub fn insert(&mut self, key: String, value: Box<RawValue>) {
        if let Err(at) = self.0.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
            self.0.insert(at, (key, value));
        }
    }

    /// A kept field's raw JSON.
    pub fn get(&self, key: &str) -> Option<&RawValue> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|at| &*self.0[at].1)
    }

    /// A kept field as text: JSON strings unquoted, other values as their JSON text.
    pub fn get_str(&self, key: &str) -> Option<String> {
        self.get(key).map(|v| raw_text(v.get()).into_owned())
    }

    /// Whether nothing unknown arrived.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The number of kept fields.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The kept fields, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.0.iter().map(|(k, v)| (k.as_str(), &**v))
    }
}

/// A raw JSON value as text: strings unescaped (borrowed when they hold no escape), anything
/// else verbatim.
pub(crate) fn raw_text(json: &str) -> Cow<'_, str> {
    if json.starts_with('"') {
        crate::sign::unquoted(json)
    } else {
        Cow::Borrowed(json)
    }
}

impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|((ka, va), (kb, vb))| ka == kb && va.get() == vb.get())
    }
}

impl fmt::Debug for Extra {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(k, v)| (k, v.get())))
            .finish()
    }
}

impl Serialize for Extra {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Extra {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Extra".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "description": "Fields the spec does not know, exactly as received."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_number_text_and_order() {
        let o = RawObject::parse(r#"{"b":3.0000,"a":"x","c":1e2}"#, "body").unwrap();
        let got: Vec<_> = o
            .iter()
            .map(|(k, v)| (k.to_string(), v.get().to_string()))
            .collect();
        assert_eq!(
            got,
            [("b", "3.0000"), ("a", "\"x\""), ("c", "1e2")]
                .map(|(k, v)| (k.to_string(), v.to_string()))
        );
    }

    #[test]
    fn rejects_non_objects_and_duplicates() {
        let err = |t: &str| RawObject::parse(t, "body").unwrap_err().to_string();
        assert_eq!(err("[1]"), "body: expected a JSON object, got a JSON array");
        assert_eq!(err("42"), "body: expected a JSON object, got a JSON scalar");
        assert!(
            err("<html>").starts_with("body: not JSON"),
            "{}",
            err("<html>")
        );
        assert_eq!(err(""), "body: not JSON (the body is empty)");
        assert!(err(r#"{"a":1,"a":2}"#).contains("duplicate key `a`"));
        assert!(err(r#"{"a":1"#).starts_with("body: not JSON"));
        assert!(err(r#"{"a":1} trailing"#).starts_with("body: not JSON"));
    }

    #[test]
    fn typed_problems_and_the_field_cap() {
        let read = |t: &str| RawObject::read(t, "body").unwrap_err();
        assert_eq!(
            read(r#"{"a":1,"b":2,"a":3}"#),
            RawError::DuplicateKey {
                path: "body".into(),
                key: "a".into()
            }
        );
        let at_cap: Vec<String> = (0..RawObject::MAX_FIELDS)
            .map(|i| format!(r#""k{i}":1"#))
            .collect();
        let ok = format!("{{{}}}", at_cap.join(","));
        assert_eq!(
            RawObject::read(&ok, "body").unwrap().len(),
            RawObject::MAX_FIELDS
        );
        let over = format!("{{{},\"one-more\":1}}", at_cap.join(","));
        assert_eq!(
            read(&over),
            RawError::TooManyFields {
                path: "body".into(),
                limit: RawObject::MAX_FIELDS
            }
        );
        assert!(matches!(
            read("[1]"),
            RawError::NotAnObject {
                got: "a JSON array",
                ..
            }
        ));
        assert!(matches!(
            read("\"x\""),
            RawError::NotAnObject {
                got: "a JSON scalar",
                ..
            }
        ));
        assert!(matches!(read("x"), RawError::NotJson { .. }));
    }

    /// 8,600 distinct keys (the issue's 64 KiB attack) are refused after the cap, without
    /// quadratic work: a duplicate far down a large object is found by a hash set.
    #[test]
    fn a_large_object_is_refused_at_the_cap() {
        let keys: Vec<String> = (0..8_600).map(|i| format!(r#""k{i}":1"#)).collect();
        let body = format!("{{{}}}", keys.join(","));
        assert!(matches!(
            RawObject::read(&body, "body"),
            Err(RawError::TooManyFields { .. })
        ));
    }

    /// A lone surrogate is no character: no two implementations agree on how to sign it, so
    /// it is refused, in a value (nested too) as in a key. A surrogate pair is text.
    #[test]
    fn an_escape_that_is_no_character_is_refused() {
        for body in [
            r#"{"status":"0000","msg":"\ud800"}"#,
            r#"{"msg":"a\udc00b"}"#,
            r#"{"msg":"\ud800\u0041"}"#,
            r#"{"extra":{"deep":["\udfff"]}}"#,
            r#"{"\ud800":"x"}"#,
        ] {
            match RawObject::read(body, "body") {
                Err(RawError::NotJson { path, .. }) => assert_eq!(path, "body"),
                other => panic!("{body}: {other:?}"),
            }
        }
        let pair = RawObject::parse(r#"{"msg":"\ud83e\udda4 \u00e9"}"#, "b").unwrap();
        assert_eq!(raw_text(pair.get("msg").unwrap().get()), "\u{1f9a4} é");
    }

    /// Kept fields are sorted by name whatever order they came in, a second value under a name
    /// keeps the first, and they serialize as a map of their raw JSON.
    #[test]
    fn extra_is_sorted_keeps_the_first_and_serializes_raw() {
        let mut extra = Extra::default();
        for (k, v) in [
            ("b", "2"),
            ("a", "\"x\""),
            ("c", "3.0000"),
            ("a", "9"),
            ("B", "null"),
        ] {
            extra.insert(k.to_string(), RawValue::from_string(v.to_string()).unwrap());
        }
        let got: Vec<(&str, &str)> = extra.iter().map(|(k, v)| (k, v.get())).collect();
        assert_eq!(
            got,
            [("B", "null"), ("a", "\"x\""), ("b", "2"), ("c", "3.0000")]
        );
        assert_eq!(extra.get("a").unwrap().get(), "\"x\"");
        assert!(extra.get("z").is_none());
        assert_eq!(
            serde_json::to_string(&extra).unwrap(),
            r#"{"B":null,"a":"x","b":2,"c":3.0000}"#
        );
        assert_eq!(extra.len(), 4);
        assert_eq!(extra, extra.clone());
        assert_eq!(
            format!("{extra:?}"),
            r#"{"B": "null", "a": "\"x\"", "b": "2", "c": "3.0000"}"#
        );
    }

    /// `RawObject` as a serde type reads by the same rules from any deserializer, borrowing
    /// (a string) or not (a reader): keys in order, values as their text, a key given twice
    /// refused, before a later syntax error too.
    #[test]
    fn deserialize_from_a_string_or_a_reader() {
        let text = r#"{"b":3.0000,"k\u00e9y":"x","c":{"d":[1]}}"#;
        let pairs = |o: RawObject| {
            o.iter()
                .map(|(k, v)| (k.to_string(), v.get().to_string()))
                .collect::<Vec<_>>()
        };
        let want = pairs(RawObject::parse(text, "b").unwrap());
        assert_eq!(want[1].0, "kéy");
        assert_eq!(
            pairs(serde_json::from_str::<RawObject>(text).unwrap()),
            want
        );
        assert_eq!(
            pairs(serde_json::from_reader::<_, RawObject>(text.as_bytes()).unwrap()),
            want
        );
        for bad in [r#"{"a":1,"a":2}"#, r#"{"a":1,"a":2,"#, r#"{"a":1,"a":}"#] {
            let e = serde_json::from_reader::<_, RawObject>(bad.as_bytes()).unwrap_err();
            assert!(e.to_string().contains("duplicate key `a`"), "{bad}: {e}");
            let e = serde_json::from_str::<RawObject>(bad).unwrap_err();
            assert!(e.to_string().contains("duplicate key `a`"), "{bad}: {e}");
        }
    }

    #[test]
    fn unicode_keys_and_values_survive() {
        let o = RawObject::parse(r#"{"name":"Zoë \u00e9","k\u00e9y":1}"#, "b").unwrap();
        assert_eq!(raw_text(o.get("name").unwrap().get()), "Zoë é");
        assert!(o.get("kéy").is_some());
    }
}
