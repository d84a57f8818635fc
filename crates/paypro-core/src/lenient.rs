//! Lenient readers for received values: the docs send the same field as a string in one place
//! and a number in another (`"300"`, `300`, `3.0000`, `"300.00"`), booleans as strings, and
//! timestamps either way. Each reader accepts every documented form and nothing vaguer.
//! A JSON `null` reads as absent.

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde_json::value::RawValue;

use crate::Status;
use crate::descriptor::{ResponseField, ValueKind};
use crate::raw::{DecodeError, Extra, FieldIndex, Json, RawFields};

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

/// Where a value is, for an error: formatted only when an error is reported, so reading a
/// field allocates nothing for its name.
#[derive(Clone, Copy)]
enum At<'a> {
    /// A whole path (`data.amount`).
    Path(&'a str),
    /// A field of an object (`notification` and `amount`).
    Field(&'a str, &'a str),
}

impl At<'_> {
    fn error(self, problem: impl Into<String>) -> DecodeError {
        match self {
            At::Path(path) => DecodeError::new(path, problem),
            At::Field(path, key) => DecodeError::new(format!("{path}.{key}"), problem),
        }
    }
}

fn kind_of(json: Json<'_>) -> &'static str {
    match json.raw.as_bytes().first() {
        Some(b'"') => "a string",
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b't' | b'f') => "a boolean",
        _ => "a number",
    }
}

/// A value's text (strings unescaped, borrowed when they hold no escape; numbers and booleans
/// as written); `None` for `null`; an object or an array is an error.
fn scalar<'j>(json: Json<'j>, at: At<'_>) -> Result<Option<Cow<'j, str>>, DecodeError> {
    match json.raw.as_bytes().first() {
        Some(b'{' | b'[') => Err(at.error(format!("expected a value, got {}", kind_of(json)))),
        _ if json.raw == "null" => Ok(None),
        _ => Ok(Some(json.text())),
    }
}

fn text_at(json: Json<'_>, at: At<'_>) -> Result<Option<String>, DecodeError> {
    Ok(scalar(json, at)?.map(Cow::into_owned))
}

fn decimal_at(json: Json<'_>, at: At<'_>) -> Result<Option<Decimal>, DecodeError> {
    let Some(t) = scalar(json, at)? else {
        return Ok(None);
    };
    let t = t.trim();
    let parsed = if t.contains(['e', 'E']) {
        Decimal::from_scientific(t)
    } else {
        Decimal::from_str_exact(t)
    };
    parsed
        .map(Some)
        .map_err(|_| at.error(format!("expected a decimal amount, got {}", kind_of(json))))
}

fn integer_at(json: Json<'_>, at: At<'_>) -> Result<Option<u64>, DecodeError> {
    let Some(t) = scalar(json, at)? else {
        return Ok(None);
    };
    t.trim()
        .parse::<u64>()
        .map(Some)
        .map_err(|_| at.error(format!("expected a whole number, got {}", kind_of(json))))
}

fn boolean_at(json: Json<'_>, at: At<'_>) -> Result<Option<bool>, DecodeError> {
    let Some(t) = scalar(json, at)? else {
        return Ok(None);
    };
    let t = t.trim();
    if t.eq_ignore_ascii_case("true") {
        Ok(Some(true))
    } else if t.eq_ignore_ascii_case("false") {
        Ok(Some(false))
    } else {
        Err(at.error(format!("expected true or false, got {}", kind_of(json))))
    }
}

fn status_at(json: Json<'_>, at: At<'_>) -> Result<Option<Status>, DecodeError> {
    let Some(code) = scalar(json, at)? else {
        return Ok(None);
    };
    let code = code.trim();
    if !(4..=7).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(at.error(format!(
            "expected a status code of 4 to 7 digits, got {}",
            kind_of(json)
        )));
    }
    Ok(Some(Status::from_code(code)))
}

/// Text; a number or boolean is kept as its JSON text.
pub fn text(raw: &RawValue, path: &str) -> Result<Option<String>, DecodeError> {
    text_at(Json::of(raw.get()), At::Path(path))
}

/// An exact decimal from a JSON number or a string holding one (scientific notation accepted).
pub fn decimal(raw: &RawValue, path: &str) -> Result<Option<Decimal>, DecodeError> {
    decimal_at(Json::of(raw.get()), At::Path(path))
}

/// A whole number from a JSON number or string (`1728609277476`, `"1728609277476"`).
pub fn integer(raw: &RawValue, path: &str) -> Result<Option<u64>, DecodeError> {
    integer_at(Json::of(raw.get()), At::Path(path))
}

/// A boolean from `true`/`false` or the strings `"true"`/`"false"` (any case).
pub fn boolean(raw: &RawValue, path: &str) -> Result<Option<bool>, DecodeError> {
    boolean_at(Json::of(raw.get()), At::Path(path))
}

/// A status code: 4 to 7 ASCII digits, from a string or a number (a number loses leading
/// zeros, so a numeric status is read as its text and only matches codes without them).
/// Anything else (`"SUCCESS"`, `"0000successTime=..."`) is refused, never read as a failure.
pub fn status(raw: &RawValue, path: &str) -> Result<Option<Status>, DecodeError> {
    status_at(Json::of(raw.get()), At::Path(path))
}

/// [`text`], [`integer`], [`boolean`] of a value already read (a field of a
/// [`RawFields`]), and a value kept in [`Extra`]: `path` names it.
pub(crate) mod of {
    use super::*;

    pub(crate) fn text(json: Json<'_>, path: &str) -> Result<Option<String>, DecodeError> {
        text_at(json, At::Path(path))
    }

    pub(crate) fn integer(json: Json<'_>, path: &str) -> Result<Option<u64>, DecodeError> {
        integer_at(json, At::Path(path))
    }

    pub(crate) fn boolean(json: Json<'_>, path: &str) -> Result<Option<bool>, DecodeError> {
        boolean_at(json, At::Path(path))
    }

    pub(crate) fn keep(extra: &mut Extra, key: &str, json: &str) -> Result<(), DecodeError> {
        super::keep(extra, key, json, At::Path(key))
    }
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

/// How strictly [`Fields::read`] reads an object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Strictness {
    /// A response's `data`, from Paypro over TLS: a second spelling of a field is accepted
    /// when it agrees with the first (or is empty) and kept in `extra`.
    Response,
    /// A callback, which anyone can POST and whose empty values are not signed: two spellings
    /// of one field are refused, every field the spec requires must be present, and a value
    /// containing `name=` for a field name is refused as spliced (the canonical string joins
    /// `key=value` pairs with no separator, so `"status":"0000successTime=X"` would sign like
    /// `"status":"0000","successTime":"X"`).
    Notification,
}

/// An object's known fields found by their descriptors (wire name or alias), ready to be read
/// by kind; the rest kept, untouched, for `extra`. Generated `FromRaw` impls are built on it,
/// so every rule about received objects lives here, once.
///
/// Everywhere, a JSON `null` or an empty string `""` reads as absent (empty values are not
/// signed, so anyone can add them to a genuine callback).
///
/// It borrows the object it reads ([`RawFields`]): a field read as a number or a status
/// allocates nothing, a field read as text allocates its `String` only.
#[derive(Debug)]
pub struct Fields<'a> {
    path: &'a str,
    /// For each descriptor, what was met of it.
    found: Vec<Slot<'a>>,
    extra: Extra,
}

/// What an object holds of one descriptor's field.
#[derive(Clone, Copy, Debug, Default)]
struct Slot<'a> {
    /// The first spelling met, empty or not.
    first: Option<&'a str>,
    /// The spelling and value read (the first non-empty one).
    value: Option<(&'a str, Json<'a>)>,
}

/// Whether two names are the same: lengths and first bytes first (most names differ there),
/// without a call to `memcmp` for them.
#[inline]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// The descriptor naming `key` (by its wire name or an alias), looked for from `from` to the
/// end, then from the start.
#[inline]
fn find(fields: &[ResponseField], key: &str, from: usize) -> Option<usize> {
    let names = |f: &ResponseField| same(f.wire, key) || f.aliases.iter().any(|a| same(a, key));
    let from = from.min(fields.len());
    fields[from..]
        .iter()
        .position(names)
        .map(|i| from + i)
        .or_else(|| fields[..from].iter().position(names))
}

fn is_blank(json: &str) -> bool {
    matches!(json, "null" | "\"\"")
}

/// A received value kept in [`Extra`]: its raw text, exactly as received.
fn keep(extra: &mut Extra, key: &str, json: &str, at: At<'_>) -> Result<(), DecodeError> {
    // The text was read as one JSON value by the object's reader, so it reads again alone.
    let value =
        RawValue::from_string(json.to_string()).map_err(|e| at.error(format!("not JSON ({e})")))?;
    extra.insert(key.to_string(), value);
    Ok(())
}

impl<'a> Fields<'a> {
    /// Sorts an object's fields, already read, by `fields` (index for index); see
    /// [`Strictness`] for the rules.
    pub fn read(
        object: RawFields<'a>,
        path: &'a str,
        fields: &[ResponseField],
        strictness: Strictness,
    ) -> Result<Fields<'a>, DecodeError> {
        // Most objects hold no `=` anywhere (their reader saw it).
        if strictness == Strictness::Notification && object.may_hold_eq() {
            refuse_spliced(object, fields, path)?;
        }
        let mut found: Vec<Slot<'a>> = vec![Slot::default(); fields.len()];
        let mut extra = Extra::default();
        // Where to look first: after the descriptor found last (senders tend to send fields in
        // the documented order).
        let mut next = 0;
        for (key, value) in object.values() {
            let Some(i) = find(fields, key, next) else {
                keep(&mut extra, key, value.raw, At::Field(path, key))?;
                continue;
            };
            next = i + 1;
            let slot = &mut found[i];
            if let Some(first) = slot.first {
                let agrees = match slot.value {
                    _ if is_blank(value.raw) => true,
                    Some((_, kept)) => kept.raw == value.raw,
                    None => true,
                };
                if strictness == Strictness::Notification || !agrees {
                    return Err(At::Field(path, fields[i].wire).error(format!(
                        "given twice, as `{first}` and as `{key}`: which one was meant is ambiguous"
                    )));
                }
            }
            slot.first.get_or_insert(key);
            if is_blank(value.raw) || slot.value.is_some() {
                keep(&mut extra, key, value.raw, At::Field(path, key))?;
            } else {
                slot.value = Some((key, value));
            }
        }
        if strictness == Strictness::Notification {
            for (field, slot) in fields.iter().zip(&found) {
                if field.required && slot.value.is_none() {
                    return Err(At::Field(path, field.wire).error(
                        "missing (or empty): a notification without it cannot be acted on",
                    ));
                }
            }
        }
        Ok(Fields { path, found, extra })
    }

    fn get<T>(
        &self,
        i: usize,
        reader: fn(Json<'_>, At<'_>) -> Result<Option<T>, DecodeError>,
    ) -> Result<Option<T>, DecodeError> {
        match self.found.get(i).and_then(|slot| slot.value) {
            Some((key, value)) => reader(value, At::Field(self.path, key)),
            None => Ok(None),
        }
    }

    /// Field `i` as text.
    pub fn text(&self, i: usize) -> Result<Option<String>, DecodeError> {
        self.get(i, text_at)
    }

    /// Field `i` as a decimal.
    pub fn decimal(&self, i: usize) -> Result<Option<Decimal>, DecodeError> {
        self.get(i, decimal_at)
    }

    /// Field `i` as a whole number.
    pub fn integer(&self, i: usize) -> Result<Option<u64>, DecodeError> {
        self.get(i, integer_at)
    }

    /// Field `i` as a boolean.
    pub fn boolean(&self, i: usize) -> Result<Option<bool>, DecodeError> {
        self.get(i, boolean_at)
    }

    /// Field `i` as a status code.
    pub fn status(&self, i: usize) -> Result<Option<Status>, DecodeError> {
        self.get(i, status_at)
    }

    /// The fields no descriptor names, and second or empty spellings, exactly as received.
    pub fn into_extra(self) -> Extra {
        self.extra
    }
}

/// Refuses a value that contains `name=` for a field name: the mark of two `key=value` pairs
/// spliced into one value, which signs the same as the pairs apart.
fn refuse_spliced(
    object: RawFields<'_>,
    fields: &[ResponseField],
    path: &str,
) -> Result<(), DecodeError> {
    for (key, value) in object.values() {
        // Most values hold no `=` (their reader saw it): only those that may are read as
        // text and matched against names.
        if !value.may_hold_eq() {
            continue;
        }
        let text = value.text();
        let known = fields
            .iter()
            .flat_map(|f| std::iter::once(f.wire).chain(f.aliases.iter().copied()));
        let present = object.iter().map(|(k, _)| k);
        let fixed = [
            crate::protocol::SIGN_FIELD,
            crate::protocol::TIMESTAMP_FIELD,
        ];
        let names: Vec<&str> = known
            .chain(present)
            .chain(fixed)
            .filter(|n| !n.is_empty())
            .collect();
        for (eq, _) in text.match_indices('=') {
            let before = &text[..eq];
            if let Some(name) = names.iter().find(|n| before.ends_with(**n)) {
                return Err(At::Field(path, key).error(format!(
                    "contains `{name}=`: a value spliced from two signed fields is refused"
                )));
            }
        }
    }
    Ok(())
}

/// A type read leniently from received JSON (a response's `data`, a notification).
pub trait FromRaw: Sized {
    /// Reads `raw`; `path` names it in errors.
    fn from_raw(raw: &RawValue, path: &str) -> Result<Self, DecodeError>;

    /// Reads an object already read (a verified notification's fields), so its text is not
    /// read again; `path` names it in errors. The generated types read the fields as they are;
    /// by default, the object's text is read again with [`FromRaw::from_raw`].
    fn from_fields(object: RawFields<'_>, path: &str) -> Result<Self, DecodeError> {
        let raw: &RawValue = serde_json::from_str(object.text())
            .map_err(|e| DecodeError::new(path, format!("not JSON ({e})")))?;
        Self::from_raw(raw, path)
    }
}

/// [`FromRaw::from_raw`] for a type that reads objects by [`FromRaw::from_fields`]: `raw` is
/// read as an object once, and its fields handed over. Generated types implement `from_raw`
/// with it.
pub fn from_object<T: FromRaw>(raw: &RawValue, path: &str) -> Result<T, DecodeError> {
    let index = FieldIndex::read(raw.get(), path).map_err(DecodeError::from)?;
    T::from_fields(index.fields(raw.get()), path)
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

    const FIELDS: &[ResponseField] = &[
        ResponseField {
            wire: "status",
            aliases: &[],
            kind: ValueKind::Status,
            required: true,
            doc: "",
        },
        ResponseField {
            wire: "platFormTradeNo",
            aliases: &["payproTradeNo", "kiliTradeNo"],
            kind: ValueKind::Text,
            required: false,
            doc: "",
        },
        ResponseField {
            wire: "tradeNo",
            aliases: &[],
            kind: ValueKind::Text,
            required: true,
            doc: "",
        },
        ResponseField {
            wire: "amount",
            aliases: &[],
            kind: ValueKind::Decimal,
            required: false,
            doc: "",
        },
        ResponseField {
            wire: "successTime",
            aliases: &[],
            kind: ValueKind::Text,
            required: false,
            doc: "",
        },
    ];

    /// The object read once (leaked: a test's few bytes), then its fields sorted.
    fn read(json: &'static str, strictness: Strictness) -> Result<Fields<'static>, DecodeError> {
        let index: &'static FieldIndex = Box::leak(Box::new(FieldIndex::read(json, "n")?));
        Fields::read(index.fields(json), "n", FIELDS, strictness)
    }

    #[test]
    fn empty_and_null_read_as_absent_and_are_kept() {
        for strictness in [Strictness::Response, Strictness::Notification] {
            let f = read(
                r#"{"status":"0000","tradeNo":"T","amount":"","successTime":null}"#,
                strictness,
            )
            .unwrap();
            assert_eq!(
                f.decimal(3).unwrap(),
                None,
                "an empty amount is absent, not an error"
            );
            assert_eq!(f.text(4).unwrap(), None);
            let extra = f.into_extra();
            assert_eq!(
                extra.get("amount").unwrap().get(),
                "\"\"",
                "nothing is lost"
            );
        }
    }

    #[test]
    fn two_spellings_of_one_field() {
        // The replay attack: an empty alias before the genuine field.
        let attack =
            r#"{"payproTradeNo":"","platFormTradeNo":"P-1","status":"0000","tradeNo":"T"}"#;
        let e = read(attack, Strictness::Notification).unwrap_err();
        assert_eq!(e.path, "n.platFormTradeNo");
        assert!(e.problem.contains("given twice"), "{e}");
        // From Paypro over TLS, an agreeing or empty second spelling is fine; a conflict is not.
        let f = read(attack, Strictness::Response).unwrap();
        assert_eq!(f.text(1).unwrap().as_deref(), Some("P-1"));
        assert!(
            read(
                r#"{"platFormTradeNo":"P-1","kiliTradeNo":"P-1"}"#,
                Strictness::Response
            )
            .is_ok()
        );
        assert!(
            read(
                r#"{"platFormTradeNo":"P-1","kiliTradeNo":"P-2"}"#,
                Strictness::Response
            )
            .is_err()
        );
        assert!(
            read(
                r#"{"payproTradeNo":"P-1","kiliTradeNo":"P-1","status":"0000","tradeNo":"T"}"#,
                Strictness::Notification
            )
            .is_err()
        );
    }

    #[test]
    fn spliced_values_are_refused_in_notifications() {
        let spliced = r#"{"status":"0000successTime=2024-07-01","tradeNo":"T"}"#;
        let e = read(spliced, Strictness::Notification).unwrap_err();
        assert!(e.problem.contains("`successTime=`"), "{e}");
        // Escaped, `=` is still `=`.
        let escaped = r#"{"status":"0000successTime\u003d2024-07-01","tradeNo":"T"}"#;
        let e = read(escaped, Strictness::Notification).unwrap_err();
        assert!(e.problem.contains("`successTime=`"), "{e}");
        // Nested values are the full reader's, and their text is searched too.
        assert!(
            read(
                r#"{"status":"0000","tradeNo":"T","x":{"a":"tradeNo=1"}}"#,
                Strictness::Notification
            )
            .is_err()
        );
        // Any field name present counts, known or not, and so do sign and timestamp.
        assert!(
            read(
                r#"{"status":"0000","tradeNo":"Tutr=1","utr":"1"}"#,
                Strictness::Notification
            )
            .is_err()
        );
        assert!(
            read(
                r#"{"status":"0000","tradeNo":"Ttimestamp=1"}"#,
                Strictness::Notification
            )
            .is_err()
        );
        // A lone `=` is not a splice.
        assert!(
            read(
                r#"{"status":"0000","tradeNo":"a=b"}"#,
                Strictness::Notification
            )
            .is_ok()
        );
    }

    #[test]
    fn kinds_and_required_fields() {
        let f = read(
            r#"{"status":"SUCCESS","tradeNo":"T"}"#,
            Strictness::Notification,
        )
        .unwrap();
        assert!(f.status(0).unwrap_err().problem.contains("4 to 7 digits"));
        let f = read(
            r#"{"status":"0000","tradeNo":"T","amount":"12abc"}"#,
            Strictness::Notification,
        )
        .unwrap();
        assert!(f.decimal(3).is_err());
        let e = read(r#"{"tradeNo":"T"}"#, Strictness::Notification).unwrap_err();
        assert_eq!(e.path, "n.status");
        let e = read(
            r#"{"status":"0000","tradeNo":""}"#,
            Strictness::Notification,
        )
        .unwrap_err();
        assert_eq!(e.path, "n.tradeNo", "an empty id is a missing id");
        assert!(
            read(r#"{}"#, Strictness::Response).is_ok(),
            "responses may omit anything"
        );
    }
}
