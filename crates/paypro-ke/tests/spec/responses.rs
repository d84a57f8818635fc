// @generated from spec/ke.toml by `cargo xtask gen`; do not edit.
//! The docs' example responses and notification, decoded: every documented field (or
//! alias) lands in its typed field, everything else in `extra`.
#![allow(unused_imports)]
use paypro_ke::*;
#[allow(unused_imports)]
use paypro_ke::advanced::*;
#[test]
fn pay_in_response_example_decodes() {
    let envelope: Envelope<PayInResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1719829837779,"success":true,"data":{"serialNumber":"5286e98841194687a95d25b5f3be346d","status":"0015","desc":"CREDIT_INPROGRESS"}}"#,
        )
        .expect("the docs' example response decodes");
    assert!(envelope.is_accepted());
    let data = envelope.data.expect("the example has data");
    assert_eq!(data.serial_number.as_deref(), Some("5286e98841194687a95d25b5f3be346d"));
    assert_eq!(data.status.as_ref().map(Status::code), Some("0015"));
    assert_eq!(data.desc.as_deref(), Some("CREDIT_INPROGRESS"));
    let extra: Vec<&str> = data.extra.iter().map(|(k, _)| k).collect();
    assert_eq!(extra, Vec:: < & str > ::from([]));
}
#[test]
fn query_mpesa_code_response_example_decodes() {
    let envelope: Envelope<QueryMpesaCodeResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1719830071094,"success":true,"data":{}}"#,
        )
        .expect("the docs' example response decodes");
    assert!(envelope.is_accepted());
    let data = envelope.data.expect("the example has data");
    let extra: Vec<&str> = data.extra.iter().map(|(k, _)| k).collect();
    assert_eq!(extra, Vec:: < & str > ::from([]));
}
/// What an attacker can do with one captured callback and no secret: add an empty
/// second spelling of a field (empty values are not signed), splice two signed
/// fields into one value (pairs are joined with no separator), or drop a field a
/// receiver needs. Each is refused when read.
#[test]
fn a_captured_callback_cannot_be_reshaped() {
    use paypro_core::notify::{sign_body, NotifyError, Verifier};
    use paypro_testkit::replay;
    let secret = Secret::new(paypro_testkit::TEST_SECRET).unwrap();
    let verifier = Verifier::new(secret.clone());
    let _ = (&verifier, sign_body);
    let genuine = r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":3.0000,"status":"00029","message":"REJECTED_TRANSACTION","successTime":"2024-07-01 18:34:31"}"#
        .to_string();
    for alias in ["payproTradeNo", "kiliTradeNo"] {
        let body = replay::with_empty_field(&genuine, alias);
        assert!(
            matches!(UnconfirmedNotification::parse(body.as_bytes()),
            Err(NotifyError::Unusable(_))), "{alias}"
        );
    }
    let body = replay::spliced_after(&genuine, "status")
        .expect("in the example, the status is followed by another signed field");
    assert!(
        matches!(UnconfirmedNotification::parse(body.as_bytes()),
        Err(NotifyError::Unusable(_))), "{body}"
    );
    for name in ["tradeNo", "status"] {
        let body = replay::without_field(&genuine, name);
        assert!(
            matches!(UnconfirmedNotification::parse(body.as_bytes()),
            Err(NotifyError::Unusable(_))), "without {name}"
        );
    }
}
#[test]
fn notification_example_is_read_as_unconfirmed() {
    use paypro_core::notify::{Verifier, NotifyError};
    let data = UnconfirmedNotification::parse(
            r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":3.0000,"status":"00029","message":"REJECTED_TRANSACTION","successTime":"2024-07-01 18:34:31"}"#
                .as_bytes(),
        )
        .expect("the docs' example reads");
    assert_eq!(
        data.platform_trade_no.as_deref(), Some("5286e98841194687a95d25b5f3be346d")
    );
    assert_eq!(data.trade_no.as_deref(), Some("00000020"));
    assert_eq!(data.amount.map(| d | d.to_string()).as_deref(), Some("3.0000"));
    assert_eq!(data.status.as_ref().map(Status::code), Some("00029"));
    assert_eq!(data.message.as_deref(), Some("REJECTED_TRANSACTION"));
    assert_eq!(data.success_time.as_deref(), Some("2024-07-01 18:34:31"));
    let extra: Vec<&str> = data.extra.iter().map(|(k, _)| k).collect();
    assert_eq!(extra, Vec:: < & str > ::from([]));
    assert_eq!(
        Verifier::new(Secret::new(paypro_testkit::TEST_SECRET).unwrap())
        .verify(r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":3.0000,"status":"00029","message":"REJECTED_TRANSACTION","successTime":"2024-07-01 18:34:31"}"#
        .as_bytes()).unwrap_err(), NotifyError::MissingSign
    );
}
