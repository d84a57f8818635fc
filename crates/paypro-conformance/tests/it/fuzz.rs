//! Fuzzing the generated parsers with hostile input: signed callbacks (verify, then the strict
//! typed parse), Kenya's unsigned callback reader, and response envelopes. Each target runs for
//! `PAYPRO_FUZZ_SECS` (2 s by default; RELIABILITY.md has the 10-minute runs):
//!
//! ```sh
//! PAYPRO_FUZZ_SECS=600 cargo test --release -p paypro-conformance --test it -- fuzz:: --nocapture
//! ```
//!
//! Properties: nothing panics, and whatever is accepted satisfies the rules a receiver relies
//! on (a status of 4 to 7 digits, a non-empty `tradeNo`, one spelling per field, no value
//! spliced from two fields).

use paypro_core::notify::{NotifyError, Verifier, sign_body};
use paypro_core::{Envelope, RawObject, Secret, Status};
use paypro_testkit::{fuzz, replay};
use proptest::prelude::*;

const SECRET: &str = "fuzz-secret";

/// Names a callback may carry: every documented one, their aliases, and strangers.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("status".to_string()),
        Just("tradeNo".to_string()),
        Just("platFormTradeNo".to_string()),
        Just("payproTradeNo".to_string()),
        Just("kiliTradeNo".to_string()),
        Just("amount".to_string()),
        Just("message".to_string()),
        Just("successTime".to_string()),
        Just("timestamp".to_string()),
        Just("utr".to_string()),
        Just("sign".to_string()),
        "[a-zA-Z]{1,12}",
        "\\PC{0,8}",
    ]
}

/// Values: documented shapes, near misses, splices, numbers of every size, nesting.
fn value() -> impl Strategy<Value = String> {
    let text = prop_oneof![
        Just("0000".to_string()),
        Just("0001".to_string()),
        Just("0015".to_string()),
        Just("00029".to_string()),
        Just(String::new()),
        Just("0000successTime=2024-07-01".to_string()),
        Just("T-1tradeNo=T-2".to_string()),
        "[0-9]{0,9}",
        "[0-9]{1,6}\\.[0-9]{0,4}",
        "\\PC{0,40}",
        "[a-z=&]{0,20}",
    ];
    prop_oneof![
        text.prop_map(|t| serde_json::Value::from(t).to_string()),
        "-?[0-9]{1,30}(\\.[0-9]{1,10})?(e[+-]?[0-9]{1,4})?",
        Just("null".to_string()),
        Just("true".to_string()),
        Just("{\"status\":\"0000\"}".to_string()),
        Just("[1,[2,[3]]]".to_string()),
        (1usize..200).prop_map(|depth| format!("{}1{}", "[".repeat(depth), "]".repeat(depth))),
    ]
}

fn object() -> impl Strategy<Value = String> {
    prop::collection::vec((name(), value()), 0..14).prop_map(|fields| {
        let parts: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{}:{v}", serde_json::Value::from(k.as_str())))
            .collect();
        format!("{{{}}}", parts.join(","))
    })
}

/// A body as an attacker would send it: arbitrary, or a genuine signed callback reshaped.
#[derive(Debug, Clone)]
enum Mutation {
    None,
    EmptyField(String),
    SpliceAfter(String),
    Truncate(usize),
    FlipByte(usize, u8),
    DuplicateFirstKey,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::None),
        name().prop_map(Mutation::EmptyField),
        name().prop_map(Mutation::SpliceAfter),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::FlipByte(i, b)),
        Just(Mutation::DuplicateFirstKey),
    ]
}

fn apply(body: &str, m: &Mutation) -> Vec<u8> {
    match m {
        Mutation::None => body.as_bytes().to_vec(),
        Mutation::EmptyField(n) => replay::with_empty_field(body, n).into_bytes(),
        Mutation::SpliceAfter(n) => replay::spliced_after(body, n)
            .unwrap_or_else(|| body.to_string())
            .into_bytes(),
        Mutation::Truncate(at) => body.as_bytes()[..at % (body.len() + 1)].to_vec(),
        Mutation::FlipByte(at, b) => {
            let mut bytes = body.as_bytes().to_vec();
            if !bytes.is_empty() {
                let i = at % bytes.len();
                bytes[i] = *b;
            }
            bytes
        }
        Mutation::DuplicateFirstKey => match RawObject::parse(body, "b").ok().and_then(|o| {
            o.iter()
                .next()
                .map(|(k, v)| (k.to_string(), v.get().to_string()))
        }) {
            Some((k, v)) => body
                .replacen('{', &format!("{{{}:{v},", serde_json::Value::from(k)), 1)
                .into_bytes(),
            None => body.as_bytes().to_vec(),
        },
    }
}

/// What every accepted notification must satisfy.
fn acceptable(
    status: Option<&Status>,
    trade_no: Option<&str>,
    body: &[u8],
    names: &[&str],
) -> Result<(), String> {
    let code = status
        .ok_or("accepted without a status")?
        .code()
        .to_string();
    if !(4..=7).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("accepted status {code:?}"));
    }
    if trade_no.is_none_or(str::is_empty) {
        return Err("accepted without a tradeNo".into());
    }
    let text = std::str::from_utf8(body).map_err(|_| "accepted a non-UTF-8 body")?;
    let object = RawObject::parse(text, "b").map_err(|e| format!("accepted a bad object: {e}"))?;
    let present: Vec<&str> = object
        .iter()
        .filter(|(_, v)| !matches!(v.get(), "\"\"" | "null"))
        .map(|(k, _)| k)
        .collect();
    let spellings = ["platFormTradeNo", "payproTradeNo", "kiliTradeNo"];
    if object.iter().filter(|(k, _)| spellings.contains(k)).count() > 1 {
        return Err("accepted two spellings of platFormTradeNo".into());
    }
    for (k, v) in object.iter() {
        let t = v.get();
        for n in names.iter().chain(&present) {
            if t.contains(&format!("{n}=")) {
                return Err(format!("accepted `{k}` = {t}, which contains `{n}=`"));
            }
        }
    }
    Ok(())
}

const NAMES: &[&str] = &[
    "status",
    "tradeNo",
    "platFormTradeNo",
    "payproTradeNo",
    "kiliTradeNo",
    "amount",
    "message",
    "successTime",
    "timestamp",
    "sign",
];

#[test]
fn fuzz_signed_callbacks_verify_then_parse() {
    let secret = Secret::new(SECRET).unwrap();
    let verifier = Verifier::new(secret.clone());
    fuzz(
        "signed callbacks (verify + strict parse)",
        (object(), any::<bool>(), mutation()),
        |(body, signed, m)| {
            let body = if signed {
                sign_body(&body, &secret).unwrap_or(body)
            } else {
                body
            };
            let bytes = apply(&body, &m);
            let mx = paypro_mx::Notification::verify(&bytes, &verifier);
            let id = paypro_id::Notification::verify(&bytes, &verifier);
            if let Ok(n) = &mx {
                acceptable(n.status.as_ref(), n.trade_no.as_deref(), &bytes, NAMES)?;
            }
            if let Ok(n) = &id {
                acceptable(n.status.as_ref(), n.trade_no.as_deref(), &bytes, NAMES)?;
            }
            if verifier.verify(&bytes).is_err() && (mx.is_ok() || id.is_ok()) {
                return Err("parsed a body that does not verify".into());
            }
            if let Err(NotifyError::BadSign) = &mx {
                if signed && matches!(m, Mutation::None) {
                    return Err("a body signed with the secret did not verify".into());
                }
            }
            Ok(())
        },
    );
}

#[test]
fn fuzz_kenya_unsigned_reader() {
    fuzz(
        "Kenya's unsigned callback reader",
        prop_oneof![
            (object(), mutation()).prop_map(|(b, m)| apply(&b, &m)),
            prop::collection::vec(any::<u8>(), 0..512),
        ],
        |bytes| {
            if let Ok(n) = paypro_ke::UnconfirmedNotification::parse(&bytes) {
                acceptable(n.status.as_ref(), n.trade_no.as_deref(), &bytes, NAMES)?;
            }
            Ok(())
        },
    );
}

#[test]
fn fuzz_response_envelopes() {
    let envelope = (
        prop_oneof![Just("\"0000\"".to_string()), value()],
        object(),
        prop::collection::vec((name(), value()), 0..4),
    )
        .prop_map(|(code, data, extra)| {
            let mut parts = vec![format!("\"code\":{code}"), format!("\"data\":{data}")];
            parts.extend(
                extra
                    .iter()
                    .map(|(k, v)| format!("{}:{v}", serde_json::Value::from(k.as_str()))),
            );
            format!("{{{}}}", parts.join(","))
        });
    fuzz(
        "response envelopes",
        prop_oneof![
            envelope,
            "\\PC{0,200}",
            (object(), mutation())
                .prop_map(|(b, m)| String::from_utf8_lossy(&apply(&b, &m)).into_owned()),
        ],
        |body| {
            if let Ok(e) = Envelope::<paypro_mx::QueryPayInResponse>::parse(&body) {
                if e.is_accepted() != (e.code == "0000") {
                    return Err(format!("accepted with code {:?}", e.code));
                }
                if let Some(status) = e.data.as_ref().and_then(|d| d.status.as_ref()) {
                    let code = status.code();
                    if !(4..=7).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                        return Err(format!("read status {code:?}"));
                    }
                }
            }
            let _ = Envelope::<paypro_id::QueryPayoutResponse>::parse(&body);
            let _ = Envelope::<bool>::parse(&body);
            Ok(())
        },
    );
}
