//! Fuzzing the runtime's readers of untrusted bytes: the raw object reader and the verifier.
//! `PAYPRO_FUZZ_SECS` sets each target's time (2 s by default); RELIABILITY.md has the long runs:
//!
//! ```sh
//! PAYPRO_FUZZ_SECS=600 cargo test --release -p paypro-core --features testing --test fuzz -- --nocapture
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
