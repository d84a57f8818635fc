//! The generator's own, independent implementation of the rules it checks examples with and of
//! the signature it pins in the snapshots. It links no crate it writes into, so a broken
//! generated runtime can still be regenerated, and the snapshots check the runtime against a
//! second implementation of the documented rule (spec/common.toml `[signing] rule`).

use md5::{Digest, Md5};
use rust_decimal::Decimal;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::spec::{FieldKind, RequestField, ValueKind};
use crate::spec::{Placement, TextFormat};

/// The documented signing rule: every field but `sign`, empty values dropped, sorted by name
/// in byte order, `key=value` joined with no separator.
pub fn canonical_string(map: &Map<String, Value>) -> String {
    let mut pairs: Vec<(&str, String)> = map
        .iter()
        .filter(|(k, _)| *k != "sign")
        .map(|(k, v)| {
            let text = match v {
                Value::String(s) => s.clone(),
                Value::Null => "null".into(),
                other => other.to_string(),
            };
            (k.as_str(), text)
        })
        .filter(|(_, t)| !t.is_empty())
        .collect();
    pairs.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    pairs.iter().map(|(k, v)| format!("{k}={v}")).collect()
}

/// MD5 of the canonical string salted with the secret where `placement` puts it, as 32
/// lowercase hex characters.
pub fn sign(map: &Map<String, Value>, secret: &str, placement: Placement) -> String {
    let mut md5 = Md5::new();
    if placement == Placement::Prepend {
        md5.update(secret.as_bytes());
    }
    md5.update(canonical_string(map).as_bytes());
    if placement == Placement::Append {
        md5.update(secret.as_bytes());
    }
    hex::encode(md5.finalize())
}

/// Why an example value breaks its field's rules (the runtime's wording).
pub fn check_text(field: &RequestField, value: &str) -> Result<(), String> {
    if value.is_empty() {
        return if field.required {
            Err("is required and must not be empty".into())
        } else {
            Ok(())
        };
    }
    match field.kind {
        FieldKind::Enum => {
            if !field.values.iter().any(|v| v.wire == value) {
                let allowed: Vec<&str> = field.values.iter().map(|v| v.wire.as_str()).collect();
                return Err(format!("must be one of {}", or_list(&allowed)));
            }
            Ok(())
        }
        FieldKind::Amount => check_amount(field, value),
        FieldKind::Text => {
            if let Some([min, max]) = field.digits {
                if !value.bytes().all(|b| b.is_ascii_digit()) {
                    return Err("must contain only digits".into());
                }
                let got = value.len();
                if got < min as usize || got > max as usize {
                    return Err(if min == max {
                        format!("must be exactly {min} digits (got {got})")
                    } else {
                        format!("must be {min} to {max} digits (got {got})")
                    });
                }
            }
            if !field.prefixes.is_empty() && !field.prefixes.iter().any(|p| value.starts_with(p)) {
                let allowed: Vec<&str> = field.prefixes.iter().map(String::as_str).collect();
                return Err(format!("must start with {}", or_list(&allowed)));
            }
            if let Some(max) = field.max_len {
                let got = value.chars().count();
                if got > max as usize {
                    return Err(format!("must be at most {max} characters (got {got})"));
                }
            }
            match (field.format, &field.format_when) {
                (Some(format), None) => check_format(format, value),
                _ => Ok(()),
            }
        }
    }
}

/// A structured format, checked independently of the runtime (which uses the `url` crate):
/// `http(s)://`, a non-empty host, and no control character, white space or backslash; a
/// CLABE's 18 digits and check digit.
pub fn check_format(format: TextFormat, value: &str) -> Result<(), String> {
    match format {
        TextFormat::HttpUrl => {
            let lower = value.to_ascii_lowercase();
            let rest = lower
                .strip_prefix("https://")
                .or_else(|| lower.strip_prefix("http://"))
                .ok_or("must be an absolute http(s) URL")?;
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            if host.is_empty() {
                return Err("must be an absolute http(s) URL".into());
            }
            if value
                .chars()
                .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
            {
                return Err(
                    "must be an absolute http(s) URL without a control character, white space or a backslash"
                        .into(),
                );
            }
            Ok(())
        }
        TextFormat::Clabe => {
            let d: Vec<u32> = value.chars().filter_map(|c| c.to_digit(10)).collect();
            if d.len() != 18 || value.len() != 18 {
                return Err("must be a CLABE (not 18 digits)".into());
            }
            let weights = [3, 7, 1];
            let sum: u32 = (0..17).map(|i| d[i] * weights[i % 3] % 10).sum();
            if (10 - sum % 10) % 10 != d[17] {
                return Err("must be a CLABE (wrong check digit)".into());
            }
            Ok(())
        }
    }
}

/// A whole number of units (a whole-valued decimal is the same amount), at least 1, at most
/// `i64::MAX`, within the field's bounds.
fn check_amount(field: &RequestField, value: &str) -> Result<(), String> {
    let t = value.trim();
    let parsed = if t.contains(['e', 'E']) {
        Decimal::from_scientific(t)
    } else {
        Decimal::from_str_exact(t)
    }
    .map_err(|_| "must be a whole number written in digits".to_string())?;
    if parsed.is_sign_negative() && !parsed.is_zero() {
        return Err("must not be negative".into());
    }
    if !parsed.fract().is_zero() {
        return Err("must be a whole number (no fraction)".into());
    }
    let got = u64::try_from(parsed.trunc()).map_err(|_| "is too large".to_string())?;
    let (min, max) = crate::rules::amount_bounds(field).ok_or("is not an amount")?;
    if got < min {
        return Err(format!("must be at least {min} (got {got})"));
    }
    if got > max {
        return Err(format!("must be at most {max} (got {got})"));
    }
    Ok(())
}

fn or_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

/// A JSON object's fields in arrival order, each value as its raw text.
pub fn raw_object(text: &str) -> Result<Vec<(String, Box<RawValue>)>, String> {
    struct Fields;
    impl<'de> serde::de::Visitor<'de> for Fields {
        type Value = Vec<(String, Box<RawValue>)>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out: Self::Value = Vec::new();
            while let Some((k, v)) = map.next_entry::<String, Box<RawValue>>()? {
                if out.iter().any(|(seen, _)| *seen == k) {
                    return Err(serde::de::Error::custom(format!("duplicate key `{k}`")));
                }
                out.push((k, v));
            }
            Ok(out)
        }
    }
    let mut reader = serde_json::Deserializer::from_str(text);
    serde::Deserializer::deserialize_map(&mut reader, Fields)
        .and_then(|fields| reader.end().map(|()| fields))
        .map_err(|e| format!("not a JSON object ({e})"))
}

fn raw_text(raw: &RawValue) -> String {
    let t = raw.get();
    if t.starts_with('"') {
        serde_json::from_str::<String>(t).unwrap_or_else(|_| t.to_string())
    } else {
        t.to_string()
    }
}

/// A received value as the SDK reads it, as text (`None` for null or `""`): text, a decimal
/// with its scale, an integer, `true`/`false`, a status code of 4 to 7 digits.
pub fn decode(kind: ValueKind, raw: &RawValue, path: &str) -> Result<Option<String>, String> {
    if matches!(raw.get(), "null" | "\"\"") {
        return Ok(None);
    }
    if matches!(raw.get().as_bytes().first(), Some(b'{' | b'[')) {
        return Err(format!("{path}: expected a value, got a nested one"));
    }
    let text = raw_text(raw);
    let t = text.trim();
    let bad = |what: &str| Err(format!("{path}: expected {what}"));
    match kind {
        ValueKind::Text => Ok(Some(text)),
        ValueKind::Decimal => {
            let parsed = if t.contains(['e', 'E']) {
                Decimal::from_scientific(t)
            } else {
                Decimal::from_str_exact(t)
            };
            match parsed {
                Ok(d) => Ok(Some(d.to_string())),
                Err(_) => bad("a decimal amount"),
            }
        }
        ValueKind::Integer => match t.parse::<u64>() {
            Ok(n) => Ok(Some(n.to_string())),
            Err(_) => bad("a whole number"),
        },
        ValueKind::Boolean => match t.to_ascii_lowercase().as_str() {
            b @ ("true" | "false") => Ok(Some(b.to_string())),
            _ => bad("true or false"),
        },
        ValueKind::Status => {
            if (4..=7).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
                Ok(Some(t.to_string()))
            } else {
                bad("a status code of 4 to 7 digits")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_a_parser_would_rewrite_break_the_url_rule() {
        use crate::spec::TextFormat::HttpUrl;
        for good in [
            "https://a.example/cb?x=%20",
            "HTTP://A.EXAMPLE",
            "http://[::1]/n",
        ] {
            assert_eq!(check_format(HttpUrl, good), Ok(()), "{good}");
        }
        for bad in [
            "https://a.example/cb\n",
            "https://a.example/c\tb",
            "https://a.example/c b",
            " https://a.example/cb",
            "https://a.example\\cb",
            "https://a.example/cb\u{0}",
            "https://a.example/cb\u{7f}",
            "https://a.example/cb\u{85}",
            "https://a.example/cb\u{2028}",
            "ftp://a.example/cb",
            "https:///cb",
        ] {
            assert!(check_format(HttpUrl, bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_signing_documents_worked_vectors() {
        // shared/paypro-api/signing.md §4, the self-made vectors the runtime's tests use too.
        let map = serde_json::json!({"timestamp": "1729153976003", "tradeNo": "133323384"});
        let map = map.as_object().unwrap();
        assert_eq!(
            canonical_string(map),
            "timestamp=1729153976003tradeNo=133323384"
        );
        assert_eq!(
            sign(map, "TESTSECRET", Placement::Append),
            "399e2ccfe3ce8947beb4ef1a75f0d170"
        );
        // The alternative placement, computed by Python's hashlib over the secret-first bytes.
        assert_eq!(
            sign(map, "TESTSECRET", Placement::Prepend),
            "2415af7cd8b767401372cd141c0e469b"
        );
    }

    #[test]
    fn values_decode_as_the_sdk_reads_them() {
        let raw = |t: &str| RawValue::from_string(t.to_string()).unwrap();
        assert_eq!(
            decode(ValueKind::Decimal, &raw("3.0000"), "a")
                .unwrap()
                .as_deref(),
            Some("3.0000")
        );
        assert_eq!(
            decode(ValueKind::Decimal, &raw("\"1e3\""), "a")
                .unwrap()
                .as_deref(),
            Some("1000")
        );
        assert_eq!(
            decode(ValueKind::Status, &raw("\"0000\""), "s")
                .unwrap()
                .as_deref(),
            Some("0000")
        );
        assert!(decode(ValueKind::Status, &raw("\"SUCCESS\""), "s").is_err());
        assert_eq!(decode(ValueKind::Text, &raw("\"\""), "t").unwrap(), None);
        let fields = raw_object(r#"{"b":1,"a":"x"}"#).unwrap();
        assert_eq!(
            fields.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
            ["b", "a"]
        );
    }
}
