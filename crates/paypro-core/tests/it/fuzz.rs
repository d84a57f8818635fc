//! Fuzzing the runtime's readers of untrusted bytes: the raw object reader and the verifier.
//! `PAYPRO_FUZZ_SECS` sets each target's time (2 s by default); RELIABILITY.md has the long runs:
//!
//! ```sh
//! PAYPRO_FUZZ_SECS=600 cargo test --release -p paypro-core --test it fuzz:: -- --nocapture
//! ```

use std::collections::HashSet;

use paypro_core::notify::{NotifyError, Verifier, sign_body};
use paypro_core::{RawError, RawObject, Secret};
use paypro_testkit::fuzz;
use proptest::prelude::*;

/// Objects with many (and repeated) keys, odd values and nesting, or raw bytes.
fn body() -> impl Strategy<Value = Vec<u8>> {
    let key = prop_oneof!["[a-c]{1,2}", "\\PC{0,6}", Just("sign".to_string())];
    let value = prop_oneof![
        "\\PC{0,20}".prop_map(|t| serde_json::Value::from(t).to_string()),
        "-?[0-9]{1,25}(\\.[0-9]{1,8})?",
        Just("null".to_string()),
        Just("{\"a\":{\"a\":[1,2,{}]}}".to_string()),
        (1usize..300).prop_map(|d| format!("{}0{}", "[".repeat(d), "]".repeat(d))),
    ];
    prop_oneof![
        prop::collection::vec((key, value), 0..320).prop_map(|fields| {
            let parts: Vec<String> = fields
                .iter()
                .map(|(k, v)| format!("{}:{v}", serde_json::Value::from(k.as_str())))
                .collect();
            format!("{{{}}}", parts.join(",")).into_bytes()
        }),
        prop::collection::vec(any::<u8>(), 0..256),
        "\\PC{0,64}".prop_map(String::into_bytes),
    ]
}

#[test]
fn fuzz_raw_object_reader() {
    fuzz("raw object reader", body(), |bytes| {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            return Ok(());
        };
        match RawObject::read(text, "body") {
            Ok(object) => {
                if object.len() > RawObject::MAX_FIELDS {
                    return Err(format!("{} fields accepted", object.len()));
                }
                let mut seen = HashSet::new();
                for (k, _) in object.iter() {
                    if !seen.insert(k) {
                        return Err(format!("duplicate key `{k}` accepted"));
                    }
                }
            }
            Err(RawError::TooManyFields { .. } | RawError::DuplicateKey { .. }) => {
                // Only for an object (where serde_json's own reader, whose nesting limit is
                // the same, can tell).
                if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
                    if !value.is_object() {
                        return Err("a non-object refused for its fields".into());
                    }
                }
            }
            Err(_) => {}
        }
        Ok(())
    });
}

/// Deep nesting is read without recursion (serde_json skips a raw value iteratively) and
/// signed as text: a million levels neither overflow the stack nor verify.
#[test]
fn deeply_nested_values_never_overflow() {
    let verifier = Verifier::new(Secret::new("fuzz-secret").unwrap()).max_body_bytes(4 << 20);
    for depth in [1_000, 100_000, 1_000_000] {
        let body = format!(
            "{{\"a\":{}1{},\"sign\":\"0123456789abcdef0123456789abcdef\"}}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let _ = RawObject::read(&body, "body");
        assert_eq!(
            verifier.verify(body.as_bytes()).unwrap_err(),
            NotifyError::BadSign
        );
    }
}

#[test]
fn fuzz_verifier() {
    let secret = Secret::new("fuzz-secret").unwrap();
    let verifier = Verifier::new(secret.clone());
    fuzz("verifier", (body(), any::<bool>()), |(bytes, sign)| {
        let bytes = match (sign, std::str::from_utf8(&bytes)) {
            (true, Ok(text)) => sign_body(text, &secret)
                .map(String::into_bytes)
                .unwrap_or(bytes),
            _ => bytes,
        };
        match verifier.verify(&bytes) {
            Ok(verified) => {
                if verified.body().as_bytes() != bytes.as_slice() {
                    return Err("the verified body is not the received one".into());
                }
            }
            Err(NotifyError::BadSign) if sign => {
                return Err("a body signed with the secret was refused".into());
            }
            Err(_) => {}
        }
        Ok(())
    });
}

/// Flat objects as they come, and as they come broken: every JSON value form and near misses
/// (numbers outside JSON's grammar, half literals, every escape, surrogates, control
/// characters, whitespace JSON does not allow), keys that repeat or hold escapes, nesting.
fn flat_body() -> impl Strategy<Value = Vec<u8>> {
    let key = prop_oneof![
        8 => "[a-z]{1,4}",
        1 => "[a-b]",
        2 => prop_oneof![
            Just("status".to_string()),
            Just("tradeNo".to_string()),
            Just("tradeNo1".to_string()),
            Just("sign".to_string()),
        ],
        1 => "\\PC{0,10}",
    ]
    .prop_map(|k| serde_json::Value::from(k).to_string());
    let escaped_key = prop_oneof![
        Just(r#""k\u00e9y""#.to_string()),
        Just(r#""a\"b""#.to_string()),
        Just(r#""\ud800""#.to_string()),
    ];
    let value = prop_oneof![
        12 => "\\PC{0,24}".prop_map(|t| serde_json::Value::from(t).to_string()),
        6 => "-?[1-9][0-9]{0,4}(\\.[0-9]{1,3})?([eE][+-]?[0-9]{1,3})?",
        2 => "-?[0-9]{0,4}(\\.[0-9]{0,3})?([eE][+-]?[0-9]{0,3})?",
        1 => prop_oneof![
            Just("true"), Just("false"), Just("null"), Just("tru"), Just("nul"), Just("True"),
            Just("\"\""), Just(r#""a\"b\\c\/d\b\f\n\r\t""#), Just(r#""\u00e9\u00E9\u0000""#),
            Just(r#""\ud83e\udda4""#), Just(r#""\ud800""#), Just(r#""\udc00x""#),
            Just(r#""\x""#), Just(r#""\u12""#), Just("\"tab\there\""), Just("\"\u{0}\""),
            Just("{}"), Just(r#"{"a":[1,{"b":null}]}"#), Just("[]"), Just("+1"), Just("01"),
            Just(".5"), Just("NaN"), Just("0x1"),
        ]
        .prop_map(str::to_string),
    ];
    let space = prop_oneof![
        30 => Just(""),
        6 => Just(" "),
        3 => Just("\t\r\n"),
        1 => Just("\u{a0}"),
    ];
    let field = (
        prop_oneof![30 => key, 1 => escaped_key],
        value,
        space.clone(),
        space.clone(),
    )
        .prop_map(|(k, v, s1, s2)| format!("{s1}{k}{s2}:{s1}{v}{s2}"));
    (
        prop::collection::vec(field, 0..24),
        space,
        prop::option::weighted(0.1, any::<(usize, u8)>()),
        prop::option::weighted(0.1, any::<usize>()),
    )
        .prop_map(|(fields, s, flip, cut)| {
            damaged(format!("{s}{{{}}}{s}", fields.join(",")), flip, cut)
        })
}

/// `text`'s bytes, one of them set to a value (`flip`: where, modulo the length, and what)
/// and cut short (`cut`, modulo the length + 1), where asked.
fn damaged(text: String, flip: Option<(usize, u8)>, cut: Option<usize>) -> Vec<u8> {
    let mut bytes = text.into_bytes();
    if let Some((at, b)) = flip.filter(|_| !bytes.is_empty()) {
        let at = at % bytes.len();
        bytes[at] = b;
    }
    if let Some(end) = cut {
        bytes.truncate(end % (bytes.len() + 1));
    }
    bytes
}

/// Every field of a body as read: what the readers of notifications hand to `from_fields`.
/// Also checks that a field is found by name as it is by a scan.
struct AsRead(Vec<(String, String)>);

impl paypro_core::FromRaw for AsRead {
    fn from_raw(
        raw: &paypro_core::__private::RawValue,
        path: &str,
    ) -> Result<Self, paypro_core::DecodeError> {
        paypro_core::lenient::from_object(raw, path)
    }

    fn from_fields(
        object: paypro_core::RawFields<'_>,
        _: &str,
    ) -> Result<Self, paypro_core::DecodeError> {
        for (key, value) in object.iter() {
            if object.get(key) != Some(value) {
                return Err(paypro_core::DecodeError::new(key, "not found by name"));
            }
        }
        if object.get("\u{0}not a key").is_some() {
            return Err(paypro_core::DecodeError::new(
                "",
                "a key found that is not there",
            ));
        }
        Ok(AsRead(
            object
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        ))
    }
}

/// The index a verified or unsigned notification is read through (a fast reader for flat
/// objects, the full reader for anything else) reads every body as `RawObject::read` does:
/// the same fields, or the same refusal with the same detail. A signed body verifies.
#[test]
fn the_fast_reader_agrees_with_the_full_reader() {
    let secret = Secret::new("fuzz-secret").unwrap();
    let verifier = Verifier::new(secret.clone()).max_body_bytes(usize::MAX);
    let accepted = std::sync::atomic::AtomicU64::new(0);
    let runs = fuzz("fast and full readers", flat_body(), |bytes| {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            return Ok(());
        };
        let full = RawObject::read(text, "body")
            .map(|o| {
                o.iter()
                    .map(|(k, v)| (k.to_string(), v.get().to_string()))
                    .collect::<Vec<_>>()
            })
            .map_err(|e| match e {
                RawError::NotJson { detail, .. } => NotifyError::NotJson(detail),
                RawError::NotAnObject { got, .. } => {
                    NotifyError::NotAnObject(format!("expected a JSON object, got {got}"))
                }
                RawError::DuplicateKey { key, .. } => NotifyError::DuplicateKey(key),
                RawError::TooManyFields { limit, .. } => NotifyError::TooManyFields { limit },
                other => NotifyError::NotJson(format!("{other:?}")),
            });
        let indexed = paypro_core::notify::read_unsigned::<AsRead>(&bytes, usize::MAX).map(|r| r.0);
        if indexed != full {
            return Err(format!("{text:?}: index {indexed:?}, full reader {full:?}"));
        }
        if full.is_ok() {
            accepted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let signed = sign_body(text, &secret).map_err(|e| format!("{text:?}: {e}"))?;
            verifier
                .verify(signed.as_bytes())
                .map_err(|e| format!("{signed:?} does not verify: {e}"))?;
        }
        Ok(())
    });
    let accepted = accepted.into_inner();
    println!("fast and full readers: {accepted} of {runs} bodies accepted");
    assert!(
        accepted > 0,
        "no accepted body: the strategy tests refusals only"
    );
}

/// Response bodies: the envelope's fields (and unknown ones, and an escaped spelling of
/// `code`) with every kind of value, `data` among them a flat object as it comes and as it
/// comes broken (`flat_body`), or nested deeper; some bodies flipped or cut.
fn envelope_body() -> impl Strategy<Value = Vec<u8>> {
    let key = prop_oneof![
        6 => prop_oneof![
            Just("code"), Just("msg"), Just("timestamp"), Just("success"), Just("data"),
        ]
        .prop_map(|k| format!("\"{k}\"")),
        1 => "[a-z]{1,3}".prop_map(|k| format!("\"{k}\"")),
        1 => Just(r#""co\u0064e""#.to_string()),
    ];
    let scalar = prop_oneof![
        "\\PC{0,12}".prop_map(|t| serde_json::Value::from(t).to_string()),
        prop_oneof![
            Just("\"0000\""),
            Just("\"1001\""),
            Just("1732988501123"),
            Just("\"1732988501123\""),
            Just("true"),
            Just("\"false\""),
            Just("null"),
            Just("1.5"),
            Just("[1,{}]"),
            Just(r#"{"a":{"b":1}}"#),
            Just(r#""\ud800""#),
            Just("{}"),
        ]
        .prop_map(str::to_string),
    ];
    let clean = prop::collection::btree_map(
        "[a-zA-Z]{1,12}",
        prop_oneof![
            "\\PC{0,16}".prop_map(serde_json::Value::from),
            any::<u32>().prop_map(serde_json::Value::from),
            Just(serde_json::Value::Null),
        ],
        0..10,
    )
    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect()).to_string());
    let value = prop_oneof![
        3 => scalar,
        2 => flat_body().prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        2 => clean.clone(),
    ];
    let data = prop_oneof![3 => clean, 2 => value.clone()];
    let documented = (
        prop::option::weighted(0.8, prop_oneof![Just("\"0000\""), Just("\"1001\"")]),
        prop::option::weighted(0.5, Just(r#""msg":"success""#)),
        prop::option::weighted(0.5, Just(r#""timestamp":1732988501123"#)),
        prop::option::weighted(0.5, Just(r#""success":true"#)),
        prop::option::weighted(0.8, data),
    );
    (
        documented,
        prop::collection::vec((key, value), 0..4),
        prop::option::weighted(0.05, any::<(usize, u8)>()),
        prop::option::weighted(0.05, any::<usize>()),
    )
        .prop_map(
            |((code, msg, timestamp, success, data), fields, flip, cut)| {
                let fields: Vec<String> = code
                    .map(|c| format!(r#""code":{c}"#))
                    .into_iter()
                    .chain(
                        [msg, timestamp, success]
                            .into_iter()
                            .flatten()
                            .map(str::to_string),
                    )
                    .chain(data.map(|d| format!(r#""data":{d}"#)))
                    .chain(fields.iter().map(|(k, v)| format!("{k}:{v}")))
                    .collect();
                damaged(format!("{{{}}}", fields.join(",")), flip, cut)
            },
        )
}

/// An envelope as compared: code, msg, timestamp, success, data's fields, extra's fields.
type EnvelopeParts = (
    String,
    Option<String>,
    Option<u64>,
    Option<bool>,
    Option<Vec<(String, String)>>,
    Vec<(String, String)>,
);

/// What `Envelope::parse` read before it read the body once (the whole body by the full
/// reader, each value owned, then `data` read again by its own reader): the reference.
fn envelope_as_before(body: &str) -> Result<EnvelopeParts, paypro_core::DecodeError> {
    use paypro_core::lenient;
    let object = RawObject::parse(body, "body")?;
    let (mut code, mut msg, mut timestamp, mut success, mut data_raw) =
        (None, None, None, None, None);
    let mut extra = paypro_core::Extra::default();
    for (key, value) in object.into_entries() {
        match key.as_str() {
            "code" => code = lenient::text(&value, "code")?,
            "msg" => msg = lenient::text(&value, "msg")?,
            "timestamp" => timestamp = lenient::integer(&value, "timestamp")?,
            "success" => success = lenient::boolean(&value, "success")?,
            "data" => data_raw = Some(value),
            _ => extra.insert(key, value),
        }
    }
    let code = code.ok_or_else(|| paypro_core::DecodeError::new("body", "no `code` field"))?;
    let accepted = code == "0000";
    let data = match data_raw {
        None => None,
        Some(raw) if raw.get() == "null" => None,
        Some(raw) => match <AsRead as paypro_core::FromRaw>::from_raw(&raw, "data") {
            Ok(data) => Some(data.0),
            Err(e) if accepted => return Err(e),
            Err(_) => {
                extra.insert("data".to_string(), raw);
                None
            }
        },
    };
    Ok((code, msg, timestamp, success, data, kept(&extra)))
}

fn kept(extra: &paypro_core::Extra) -> Vec<(String, String)> {
    extra
        .iter()
        .map(|(k, v)| (k.to_string(), v.get().to_string()))
        .collect()
}

/// `Envelope::parse` reads a response body in one pass where it can (the envelope and a flat
/// `data` together) and hands anything else to the full reader: whatever the body, it reads
/// what the two-pass reader read, or refuses it with the same error.
#[test]
fn the_envelope_read_once_agrees_with_the_two_pass_reader() {
    let accepted = std::sync::atomic::AtomicU64::new(0);
    let runs = fuzz("envelope read once", envelope_body(), |bytes| {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            return Ok(());
        };
        let before = envelope_as_before(text);
        let now = paypro_core::Envelope::<AsRead>::parse(text).map(|e| {
            (
                e.code.clone(),
                e.msg.clone(),
                e.timestamp,
                e.success,
                e.data.as_ref().map(|d| d.0.clone()),
                kept(&e.extra),
            )
        });
        if now != before {
            return Err(format!("{text:?}: now {now:?}, before {before:?}"));
        }
        if now.as_ref().is_ok_and(|e| e.4.is_some()) {
            accepted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(())
    });
    let accepted = accepted.into_inner();
    println!("envelope read once: {accepted} of {runs} bodies read with their data");
    assert!(
        accepted > 0,
        "no body read with its data: the strategy tests refusals only"
    );
}
