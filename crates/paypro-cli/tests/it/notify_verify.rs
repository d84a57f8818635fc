//! `paypro notify verify` prints exactly what was signed: every received value's JSON text byte
//! for byte, typed and unknown fields in separate places, and a non-zero exit with one sentence
//! when it cannot print or must not be trusted.

use crate::common;

use std::collections::HashMap;
use std::process::{Output, Stdio};

use common::{SECRET_ENV, code, command, fails_with, paypro, run, stderr, stdout};
use paypro_core::Secret;
use paypro_core::notify::sign_body;
use paypro_testkit::TEST_SECRET;
use serde_json::value::RawValue;

/// Mexico's documented callback, without its placeholder sign.
const MEXICO: &str = r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":30000,"status":"0000","message":"SUCCESS","utr":"111111111111","successTime":"2024-07-01 18:34:31","timestamp":"1724740395968"}"#;

fn signed(json: &str) -> String {
    sign_body(json, &Secret::new(TEST_SECRET).unwrap()).unwrap()
}

fn verify(country: Option<&str>, body: &str) -> Output {
    let mut args = vec!["notify", "verify"];
    if let Some(c) = country {
        args.extend(["--country", c]);
    }
    paypro(&args, body, &[SECRET_ENV])
}

/// A printed object's members, each value as its JSON text.
fn members(text: &str) -> HashMap<String, Box<RawValue>> {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// `section` (`typed` or `unknown`) of a `--country` output.
fn section(out: &Output, section: &str) -> HashMap<String, String> {
    let outer = members(&stdout(out));
    let inner = outer
        .get(section)
        .unwrap_or_else(|| panic!("no {section}: {}", stdout(out)));
    members(inner.get())
        .into_iter()
        .map(|(k, v)| (k, v.get().to_string()))
        .collect()
}

#[test]
fn typed_and_unknown_fields_are_printed_apart_with_their_received_text() {
    let body = signed(MEXICO);
    let out = verify(Some("mx"), &body);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let typed = section(&out, "typed");
    assert_eq!(typed["tradeNo"], r#""00000020""#);
    assert_eq!(typed["amount"], "30000");
    assert_eq!(typed["status"], r#""0000""#);
    assert_eq!(typed["timestamp"], r#""1724740395968""#);
    assert!(!typed.contains_key("utr"));
    assert_eq!(section(&out, "unknown")["utr"], r#""111111111111""#);
    let outer = members(&stdout(&out));
    assert_eq!(
        outer.len(),
        2,
        "only `typed` and `unknown`: {}",
        stdout(&out)
    );

    // Without a country: the received object itself.
    let out = verify(None, &body);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let all = members(&stdout(&out));
    assert_eq!(all["amount"].get(), "30000");
    assert_eq!(all["utr"].get(), r#""111111111111""#);
    assert_eq!(all.len(), 9, "every field, sign included");
}

#[test]
fn numbers_keep_their_text() {
    let body = signed(&MEXICO.replace("30000", "3.0000"));
    let out = verify(Some("mx"), &body);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(section(&out, "typed")["amount"], "3.0000");
    let out = verify(None, &body);
    assert_eq!(members(&stdout(&out))["amount"].get(), "3.0000");

    // Kenya sends `amount` as the number 3.0000 in an unsigned callback.
    let kenya = r#"{"platFormTradeNo":"5286e988","tradeNo":"00000020","amount":3.0000,"status":"00029","message":"REJECTED_TRANSACTION"}"#;
    let out = paypro(&["notify", "verify", "--country", "ke"], kenya, &[]);
    fails_with(&out, 1, &["unsigned", "confirm it with a query"]);
    assert_eq!(section(&out, "typed")["amount"], "3.0000");
    assert_eq!(section(&out, "typed")["status"], r#""00029""#);
}

#[test]
fn a_number_no_float_can_hold_is_printed_as_received_or_refused() {
    // An unknown field: nothing reads it, so it is printed as it came.
    let body = signed(&MEXICO.replace(r#""utr":"111111111111""#, r#""fee":1e400"#));
    let out = verify(Some("mx"), &body);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(section(&out, "unknown")["fee"], "1e400");
    assert!(!stdout(&out).contains("null"), "{}", stdout(&out));
    let out = verify(None, &body);
    assert_eq!(code(&out), 0);
    assert_eq!(members(&stdout(&out))["fee"].get(), "1e400");

    // As the amount, which must be a decimal: refused with the reason, nothing printed.
    let body = signed(&MEXICO.replace("30000", "1e400"));
    let out = verify(Some("mx"), &body);
    fails_with(&out, 1, &["cannot be acted on", "amount"]);
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
}

#[test]
fn a_field_named_like_a_typed_field_never_overwrites_it() {
    // `payproTradeNo` and `platFormTradeNo` are two spellings of one typed field: which was
    // meant is ambiguous, so the body is refused rather than one shown in the other's place.
    let body = signed(&MEXICO.replace(
        r#""platFormTradeNo":"5286e98841194687a95d25b5f3be346d""#,
        r#""payproTradeNo":"AAAA","platFormTradeNo":"BBBB""#,
    ));
    let out = verify(Some("mx"), &body);
    fails_with(&out, 1, &["cannot be acted on", "given twice"]);
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    // Unknown fields named like the output's own sections stay in `unknown`.
    let body = signed(&MEXICO.replace(
        r#""utr":"111111111111""#,
        r#""typed":{"status":"9999"},"unknown":"x","extra":"y""#,
    ));
    let out = verify(Some("mx"), &body);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let unknown = section(&out, "unknown");
    assert_eq!(unknown["typed"], r#"{"status":"9999"}"#);
    assert_eq!(unknown["unknown"], r#""x""#);
    assert_eq!(unknown["extra"], r#""y""#);
    assert_eq!(section(&out, "typed")["status"], r#""0000""#);
}

#[test]
fn unicode_is_printed_as_received() {
    let body = signed(&MEXICO.replace(
        r#""message":"SUCCESS""#,
        r#""message":"Pago recibido: ñandú 🦤","payer":"\u00e9t\u00e9""#,
    ));
    let out = verify(Some("mx"), &body);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        section(&out, "typed")["message"],
        r#""Pago recibido: ñandú 🦤""#
    );
    assert_eq!(section(&out, "unknown")["payer"], r#""\u00e9t\u00e9""#);
    let out = verify(None, &body);
    assert!(stdout(&out).contains(r#""\u00e9t\u00e9""#));
    assert!(stdout(&out).contains("ñandú 🦤"));
}

#[test]
fn a_forged_body_prints_nothing() {
    let body = signed(MEXICO);
    for forged in [
        body.replace("30000", "90000"),
        body.replace(r#""status":"0000""#, r#""status":"00029""#),
        body.replacen('{', r#"{"extra":"1","#, 1),
    ] {
        for country in [Some("mx"), None] {
            let out = verify(country, &forged);
            fails_with(&out, 1, &["signature does not match"]);
            assert!(stdout(&out).is_empty(), "{}", stdout(&out));
        }
    }
    let unsigned = MEXICO;
    let out = verify(Some("mx"), unsigned);
    fails_with(&out, 1, &["no `sign`"]);
    for country in [Some("mx"), None] {
        for not_one in [
            "[1,2]",
            "status=0000",
            r#"{"status":"0000","status":"00029"}"#,
        ] {
            let out = verify(country, not_one);
            fails_with(&out, 2, &["not a notification"]);
        }
    }
    let out = verify(Some("zz"), &body);
    fails_with(&out, 2, &["unknown country `zz`"]);
    let out = paypro(&["notify", "verify", "--country", "mx"], &body, &[]);
    fails_with(&out, 2, &["missing credentials"]);
}

#[cfg(target_os = "linux")]
#[test]
fn an_output_that_cannot_be_written_is_a_failure() {
    let body = signed(MEXICO);
    for args in [
        &["notify", "verify", "--country", "mx"][..],
        &["notify", "verify"][..],
    ] {
        let mut cmd = command(args, &[SECRET_ENV]);
        cmd.stdout(Stdio::from(std::fs::File::create("/dev/full").unwrap()));
        let out = run(cmd, &body);
        assert_ne!(code(&out), 0, "{args:?}");
        assert_eq!(stderr(&out).trim().lines().count(), 1, "{}", stderr(&out));
        assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
    }
}

#[test]
fn received_text_reaches_no_terminal_raw() {
    // A library error that quotes the body (a key given twice) is escaped on stderr.
    let out = verify(None, "{\"\\u001b[2J\":1,\"\\u001b[2J\":2}");
    fails_with(&out, 2, &[r"\u{1b}[2J", "twice"]);
    assert!(!stderr(&out).contains('\u{1b}'), "{:?}", stderr(&out));
    // A genuine callback's values print as JSON, a bidi override or 8-bit CSI as its escape.
    let body = signed(&MEXICO.replace("\"SUCCESS\"", "\"SUC\\u202eCESS\u{9b}2J\""));
    let out = verify(Some("mx"), &body);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(!shown.contains(['\u{202e}', '\u{9b}']), "{shown:?}");
    assert!(shown.contains(r#""SUC\u202eCESS\u009b2J""#), "{shown}");
    let typed = section(&out, "typed");
    let message: String = serde_json::from_str(&typed["message"]).unwrap();
    assert_eq!(message, "SUC\u{202e}CESS\u{9b}2J");
}
