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
            let mut bytes = format!("{s}{{{}}}{s}", fields.join(",")).into_bytes();
            if let Some((at, b)) = flip.filter(|_| !bytes.is_empty()) {
                let at = at % bytes.len();
                bytes[at] = b;
            }
            if let Some(end) = cut {
                bytes.truncate(end % (bytes.len() + 1));
            }
            bytes
        })
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
