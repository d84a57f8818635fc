//! Received JSON, kept exactly as it arrived.
//!
//! Responses and callbacks are parsed into a [`RawObject`]: the top-level fields in arrival
//! order, each value as its untouched JSON text. Nothing is re-serialized, so `3.0000` stays
//! `3.0000` (a float round-trip would change amounts and break signatures), and fields the spec
//! does not know end up in [`Extra`] instead of being dropped.

use std::collections::BTreeMap;
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

/// A JSON object's top-level fields, each kept as raw JSON text, in arrival order.
#[derive(Clone, Debug)]
pub struct RawObject {
    entries: Vec<(String, Box<RawValue>)>,
}

impl RawObject {
    /// Parses a JSON object. A non-object, invalid JSON, or a key that appears twice is an error
    /// (with duplicate keys, which value the sender meant is ambiguous).
    pub fn parse(text: &str, path: &str) -> Result<Self, DecodeError> {
        let trimmed = text.trim_start();
        if !trimmed.starts_with('{') {
            let what = match trimmed.chars().next() {
                None => "empty".to_string(),
                Some('[') => "a JSON array".to_string(),
                Some(_) if serde_json::from_str::<&RawValue>(text).is_ok() => {
                    "a JSON scalar".to_string()
                }
                Some(_) => "not JSON".to_string(),
            };
            return Err(DecodeError::new(
                path,
                format!("expected a JSON object, got {what}"),
            ));
        }
        serde_json::from_str::<RawObject>(text)
            .map_err(|e| DecodeError::new(path, format!("invalid JSON object: {e}")))
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

impl<'de> Deserialize<'de> for RawObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor;
        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = RawObject;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawObject, A::Error> {
                let mut entries: Vec<(String, Box<RawValue>)> = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Box<RawValue>>()? {
                    if entries.iter().any(|(k, _)| *k == key) {
                        return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
                    }
                    entries.push((key, value));
                }
                Ok(RawObject { entries })
            }
        }
        deserializer.deserialize_map(ObjectVisitor)
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
pub struct Extra(BTreeMap<String, Box<RawValue>>);

impl Extra {
    /// Keeps a field. A second value under the same name keeps the first.
    pub fn insert(&mut self, key: String, value: Box<RawValue>) {
        self.0.entry(key).or_insert(value);
    }

    /// A kept field's raw JSON.
    pub fn get(&self, key: &str) -> Option<&RawValue> {
        self.0.get(key).map(|v| &**v)
    }

    /// A kept field as text: JSON strings unquoted, other values as their JSON text.
    pub fn get_str(&self, key: &str) -> Option<String> {
        self.get(key).map(raw_text)
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

/// A raw JSON value as text: strings unescaped, anything else verbatim.
pub(crate) fn raw_text(raw: &RawValue) -> String {
    let t = raw.get();
    if t.starts_with('"') {
        serde_json::from_str::<String>(t).unwrap_or_else(|_| t.to_string())
    } else {
        t.to_string()
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
        self.0.serialize(s)
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
        assert_eq!(err("<html>"), "body: expected a JSON object, got not JSON");
        assert_eq!(err(""), "body: expected a JSON object, got empty");
        assert!(err(r#"{"a":1,"a":2}"#).contains("duplicate key `a`"));
        assert!(err(r#"{"a":1"#).starts_with("body: invalid JSON object"));
    }

    #[test]
    fn unicode_keys_and_values_survive() {
        let o = RawObject::parse(r#"{"name":"Zoë \u00e9","k\u00e9y":1}"#, "b").unwrap();
        assert_eq!(raw_text(o.get("name").unwrap()), "Zoë é");
        assert!(o.get("kéy").is_some());
    }
}
