//! Any notification signed by `sign_body` verifies; any single-character change to any value
//! makes it fail.

use paypro_core::Secret;
use paypro_core::notify::{Verifier, sign_body};
use proptest::prelude::*;
use serde_json::Value;

/// A value as raw JSON text: strings (ASCII, unicode, URL-ish) or numbers (integers, decimals
/// with trailing zeros).
fn raw_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 _=&?/:.-]{0,30}".prop_map(|s| Value::from(s).to_string()),
        "\\PC{1,12}".prop_map(|s| Value::from(s).to_string()),
        (0u64..10_000_000).prop_map(|n| n.to_string()),
        (0u64..100_000, 0u32..10_000).prop_map(|(i, f)| format!("{i}.{f:04}")),
    ]
}

fn object() -> impl Strategy<Value = Vec<(String, String)>> {
    proptest::collection::btree_map("[a-zA-Z][a-zA-Z0-9]{0,12}", raw_value(), 1..10)
        .prop_map(|m| {
            m.into_iter()
                .filter(|(k, _)| k != "sign")
                .collect::<Vec<_>>()
        })
        .prop_filter("at least one field", |v| !v.is_empty())
}

fn body_of(fields: &[(String, String)]) -> String {
    let parts: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}:{v}", Value::from(k.clone())))
        .collect();
    format!("{{{}}}", parts.join(","))
}

proptest! {
    #[test]
    fn signed_verifies_and_any_changed_value_does_not(
        fields in object(),
        secret in "[a-z]\\PC{0,29}",
        pick in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        with in "[a-zA-Z0-9]",
    ) {
        let secret = Secret::new(secret).unwrap();
        let body = sign_body(&body_of(&fields), &secret).unwrap();
        let verifier = Verifier::new(secret.clone()).max_body_bytes(1 << 20);
        let verified = verifier.verify(body.as_bytes()).expect("signed by the helper");
        for (k, v) in &fields {
            prop_assert_eq!(verified.get(k).unwrap().get(), v.as_str());
        }

        // Change one character of one value (inside the quotes for a string).
        let mut changed = fields.clone();
        let (_, value) = &mut changed[pick.index(fields.len())];
        let chars: Vec<char> = value.chars().collect();
        let (lo, hi) = if value.starts_with('"') { (1, chars.len() - 1) } else { (0, chars.len()) };
        prop_assume!(hi > lo);
        let i = lo + at.index(hi - lo);
        let replacement = with.chars().next().unwrap();
        prop_assume!(chars[i] != replacement && chars[i] != '\\' && (i == 0 || chars[i - 1] != '\\'));
        let mut new_chars = chars.clone();
        new_chars[i] = replacement;
        *value = new_chars.into_iter().collect();
        let sign = verified.get_str("sign").unwrap();
        let forged = format!("{},\"sign\":\"{sign}\"}}", body_of(&changed).trim_end_matches('}'));
        prop_assert!(verifier.verify(forged.as_bytes()).is_err(), "{}", forged);
    }
}
