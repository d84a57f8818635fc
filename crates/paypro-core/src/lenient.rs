//! Lenient readers for received values: the docs send the same field as a string in one place
//! and a number in another (`"300"`, `300`, `3.0000`, `"300.00"`), booleans as strings, and
//! timestamps either way. Each reader accepts every documented form and nothing vaguer.
//! A JSON `null` reads as absent.

use rust_decimal::Decimal;
use serde_json::value::RawValue;

use crate::Status;
use crate::descriptor::ValueKind;
use crate::raw::{DecodeError, raw_text};

/// A decoded value of one of the [`ValueKind`]s.
#[derive(Clone, Debug, PartialEq)]
pub enum Lenient {
    /// [`ValueKind::Text`].
    Text(String),
    /// [`ValueKind::Decimal`].
    Decimal(Decimal),
    /// [`ValueKind::Integer`].
    Integer(u64),
    /// [`ValueKind::Boolean`].
    Boolean(bool),
    /// [`ValueKind::Status`].
    Status(Status),
}

fn is_null(raw: &RawValue) -> bool {
    raw.get() == "null"
}

fn kind_of(raw: &RawValue) -> &'static str {
    match raw.get().as_bytes().first() {
        Some(b'"') => "a string",
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b't' | b'f') => "a boolean",
        _ => "a number",
    }
}

fn scalar(raw: &RawValue, path: &str) -> Result<String, DecodeError> {
    match raw.get().as_bytes().first() {
        Some(b'{' | b'[') => Err(DecodeError::new(
            path,
            format!("expected a value, got {}", kind_of(raw)),
        )),
        _ => Ok(raw_text(raw)),
    }
}

/// Text; a number or boolean is kept as its JSON text.
pub fn text(raw: &RawValue, path: &str) -> Result<Option<String>, DecodeError> {
    if is_null(raw) {
        return Ok(None);
    }
    scalar(raw, path).map(Some)
}

/// An exact decimal from a JSON number or a string holding one (scientific notation accepted).
pub fn decimal(raw: &RawValue, path: &str) -> Result<Option<Decimal>, DecodeError> {
    if is_null(raw) {
        return Ok(None);
    }
    let t = scalar(raw, path)?;
    let t = t.trim();
    let parsed = if t.contains(['e', 'E']) {
        Decimal::from_scientific(t)
    } else {
        Decimal::from_str_exact(t)
    };
    parsed.map(Some).map_err(|_| {
        DecodeError::new(
            path,
            format!("expected a decimal amount, got {}", kind_of(raw)),
        )
    })
}

/// A whole number from a JSON number or string (`1728609277476`, `"1728609277476"`).
pub fn integer(raw: &RawValue, path: &str) -> Result<Option<u64>, DecodeError> {
    if is_null(raw) {
        return Ok(None);
    }
    let t = scalar(raw, path)?;
    t.trim().parse::<u64>().map(Some).map_err(|_| {
        DecodeError::new(
            path,
            format!("expected a whole number, got {}", kind_of(raw)),
        )
    })
}

/// A boolean from `true`/`false` or the strings `"true"`/`"false"` (any case).
pub fn boolean(raw: &RawValue, path: &str) -> Result<Option<bool>, DecodeError> {
    if is_null(raw) {
        return Ok(None);
    }
    let t = scalar(raw, path)?;
    match t.trim().to_ascii_lowercase().as_str() {
        "true" => Ok(Some(true)),
        "false" => Ok(Some(false)),
        _ => Err(DecodeError::new(
            path,
            format!("expected true or false, got {}", kind_of(raw)),
        )),
    }
}

/// A status code from a string or a number (`"0000"`; a number loses leading zeros, so a
/// numeric status is read as its text and only matches codes without them).
pub fn status(raw: &RawValue, path: &str) -> Result<Option<Status>, DecodeError> {
    Ok(text(raw, path)?.map(|code| Status::from_code(code.trim())))
}

/// Reads a value as `kind`.
pub fn read(kind: ValueKind, raw: &RawValue, path: &str) -> Result<Option<Lenient>, DecodeError> {
    Ok(match kind {
        ValueKind::Text => text(raw, path)?.map(Lenient::Text),
        ValueKind::Decimal => decimal(raw, path)?.map(Lenient::Decimal),
        ValueKind::Integer => integer(raw, path)?.map(Lenient::Integer),
        ValueKind::Boolean => boolean(raw, path)?.map(Lenient::Boolean),
        ValueKind::Status => status(raw, path)?.map(Lenient::Status),
    })
}

/// A type read leniently from received JSON (a response's `data`, a notification).
pub trait FromRaw: Sized {
    /// Reads `raw`; `path` names it in errors.
    fn from_raw(raw: &RawValue, path: &str) -> Result<Self, DecodeError>;
}

impl FromRaw for bool {
    fn from_raw(raw: &RawValue, path: &str) -> Result<Self, DecodeError> {
        boolean(raw, path)?
            .ok_or_else(|| DecodeError::new(path, "expected true or false, got null"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn raw(t: &str) -> Box<RawValue> {
        RawValue::from_string(t.to_string()).unwrap()
    }

    #[test]
    fn decimals_in_every_documented_form() {
        for (t, want) in [
            ("\"300\"", "300"),
            ("300", "300"),
            ("3.0000", "3.0000"),
            ("\"300.00\"", "300.00"),
            ("9998989.0000", "9998989.0000"),
            ("1e3", "1000"),
            ("\" 12.5 \"", "12.5"),
        ] {
            let got = decimal(&raw(t), "data.amount").unwrap().unwrap();
            assert_eq!(got, Decimal::from_str(want).unwrap(), "{t}");
            assert_eq!(got.to_string(), want, "scale kept for {t}");
        }
        assert_eq!(decimal(&raw("null"), "x").unwrap(), None);
        let e = decimal(&raw("\"abc\""), "data.amount").unwrap_err();
        assert_eq!(
            e.to_string(),
            "data.amount: expected a decimal amount, got a string"
        );
        assert!(decimal(&raw("{}"), "x").is_err());
    }

    #[test]
    fn integers_booleans_text() {
        assert_eq!(
            integer(&raw("1728609277476"), "t").unwrap(),
            Some(1728609277476)
        );
        assert_eq!(
            integer(&raw("\"1728609277476\""), "t").unwrap(),
            Some(1728609277476)
        );
        assert!(integer(&raw("1.5"), "t").is_err());
        assert_eq!(boolean(&raw("true"), "s").unwrap(), Some(true));
        assert_eq!(boolean(&raw("\"false\""), "s").unwrap(), Some(false));
        assert_eq!(boolean(&raw("\"TRUE\""), "s").unwrap(), Some(true));
        assert!(boolean(&raw("1"), "s").is_err());
        assert_eq!(text(&raw("30000"), "a").unwrap().as_deref(), Some("30000"));
        assert_eq!(
            text(&raw("\"x\\\"y\""), "a").unwrap().as_deref(),
            Some("x\"y")
        );
        assert!(text(&raw("[1]"), "a").is_err());
    }

    #[test]
    fn status_codes() {
        assert_eq!(
            status(&raw("\"0000\""), "s").unwrap(),
            Some(Status::Success)
        );
        assert_eq!(
            status(&raw("\"0015\""), "s").unwrap(),
            Some(Status::Processing)
        );
        assert!(matches!(
            status(&raw("\"00029\""), "s").unwrap(),
            Some(Status::Failed { message: None, .. })
        ));
    }
}
