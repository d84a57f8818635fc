//! Reshapings of a genuine, signed callback that keep its signature valid: what an attacker
//! who captured one callback can do without the secret. A receiver must refuse to act on each.

use paypro_core::canonical_text;
use paypro_core::{RawObject, protocol::SIGN_FIELD};

fn fields(body: &str) -> Option<Vec<(String, String)>> {
    let object = RawObject::parse(body, "body").ok()?;
    Some(
        object
            .iter()
            .map(|(k, v)| (k.to_string(), v.get().to_string()))
            .collect(),
    )
}

/// An object's text from `(name, raw JSON value)` pairs, in the order given (names escaped as
/// JSON strings, values written as they are): for tests that build or reshape bodies by hand.
pub fn object(fields: &[(String, String)]) -> String {
    let parts: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}:{v}", serde_json::Value::from(k.as_str())))
        .collect();
    format!("{{{}}}", parts.join(","))
}

/// Adds `"name":""` first: empty values are not signed, so the signature still matches.
/// A body that is not a JSON object is returned as it is.
pub fn with_empty_field(body: &str, name: &str) -> String {
    let Some(mut f) = fields(body) else {
        return body.to_string();
    };
    f.insert(0, (name.to_string(), "\"\"".to_string()));
    object(&f)
}

/// The body without `name` (not signature-preserving: re-sign it to test a genuine one).
pub fn without_field(body: &str, name: &str) -> String {
    let Some(f) = fields(body) else {
        return body.to_string();
    };
    let kept: Vec<_> = f.into_iter().filter(|(k, _)| k != name).collect();
    object(&kept)
}

/// Merges `key` with the field that follows it in the canonical (sorted) order:
/// `"status":"0000","successTime":"X"` becomes `"status":"0000successTime=X"`. The
/// canonical string, and so the signature, is unchanged. `None` when `key` is missing, is
/// not a string, or is last.
pub fn spliced_after(body: &str, key: &str) -> Option<String> {
    let f = fields(body)?;
    let parsed = RawObject::parse(body, "body").ok()?;
    let mut signed: Vec<(&str, String)> = parsed
        .iter()
        .filter(|(k, _)| *k != SIGN_FIELD)
        .map(|(k, v)| (k, canonical_text(v.get()).into_owned()))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    signed.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let at = signed.iter().position(|(k, _)| *k == key)?;
    let (next, next_text) = signed.get(at + 1)?.clone();
    let (_, own_text) = &signed[at];
    let raw = f.iter().find(|(k, _)| k == key)?.1.clone();
    if !raw.starts_with('"') {
        return None;
    }
    let merged = format!("{own_text}{next}={next_text}");
    let out: Vec<(String, String)> = f
        .into_iter()
        .filter(|(k, _)| k != next)
        .map(|(k, v)| {
            if k == key {
                (k, serde_json::Value::from(merged.as_str()).to_string())
            } else {
                (k, v)
            }
        })
        .collect();
    Some(object(&out))
}
