// @generated from spec/mx.toml by `cargo xtask gen`; do not edit.
//! The docs' example responses and notification, decoded: every documented field (or
//! alias) lands in its typed field, everything else in `extra`.
#![allow(unused_imports)]
use paypro_mx::*;
#[allow(unused_imports)]
use paypro_mx::advanced::*;
#[test]
fn pay_in_response_example_decodes() {
    let envelope: Envelope<PayInResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{"tradeNo":"test_00000008","payproTradeNo":"68o0uwogz7mnzutt","status":"0015","desc":"Create","remark":"test","paymentInfo":"6841800930023213210"}}"#,
        )
        .expect("the docs' example response decodes");
    assert!(envelope.is_accepted());
    let data = envelope.data.expect("the example has data");
    assert_eq!(data.trade_no.as_deref(), Some("test_00000008"));
    assert_eq!(data.platform_trade_no.as_deref(), Some("68o0uwogz7mnzutt"));
    assert_eq!(data.status.as_ref().map(Status::code), Some("0015"));
    assert_eq!(data.desc.as_deref(), Some("Create"));
    assert_eq!(data.remark.as_deref(), Some("test"));
    assert_eq!(data.payment_info.as_deref(), Some("6841800930023213210"));
    let extra: Vec<&str> = data.extra.iter().map(|(k, _)| k).collect();
    assert_eq!(extra, Vec:: < & str > ::from([]));
}
#[test]
fn query_pay_in_response_example_decodes() {
    let envelope: Envelope<QueryPayInResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728613513280,"success":true,"data":{"tradeNo":"test_00000008","payproTradeNo":"68o0uwogz7mnzutt","status":"00029","amount":"300","receivedAmount":"230","createTime":"2024-10-11 9:30:13","successTime":"2024-10-11 10:30:13","message":"Collection order timed out without payment"}}"#,
        )
        .expect("the docs' example response decodes");
    assert!(envelope.is_accepted());
    let data = envelope.data.expect("the example has data");
    assert_eq!(data.trade_no.as_deref(), Some("test_00000008"));
    assert_eq!(data.platform_trade_no.as_deref(), Some("68o0uwogz7mnzutt"));
    assert_eq!(data.status.as_ref().map(Status::code), Some("00029"));
    assert_eq!(data.amount.map(| d | d.to_string()).as_deref(), Some("300"));
    assert_eq!(data.received_amount.map(| d | d.to_string()).as_deref(), Some("230"));
    assert_eq!(
        data.message.as_deref(), Some("Collection order timed out without payment")
    );
    assert_eq!(data.create_time.as_deref(), Some("2024-10-11 9:30:13"));
    assert_eq!(data.success_time.as_deref(), Some("2024-10-11 10:30:13"));
    let extra: Vec<&str> = data.extra.iter().map(|(k, _)| k).collect();
    assert_eq!(extra, Vec:: < & str > ::from([]));
}
#[test]
fn query_payout_response_example_decodes() {
    let envelope: Envelope<QueryPayoutResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728613339884,"success":true,"data":{"platFormTradeNo":"63mz9aepqczdw280","tradeNo":"test_00000002","orderAmount":"300.00","payAmount":"200.00","status":"0015","message":"in process"}}"#,
        )
        .expect("the docs' example response decodes");
    assert!(envelope.is_accepted());
    let data = envelope.data.expect("the example has data");
    assert_eq!(data.trade_no.as_deref(), Some("test_00000002"));
    assert_eq!(data.platform_trade_no.as_deref(), Some("63mz9aepqczdw280"));
    assert_eq!(data.order_amount.map(| d | d.to_string()).as_deref(), Some("300.00"));
    assert_eq!(data.pay_amount.map(| d | d.to_string()).as_deref(), Some("200.00"));
    assert_eq!(data.status.as_ref().map(Status::code), Some("0015"));
    assert_eq!(data.message.as_deref(), Some("in process"));
    let extra: Vec<&str> = data.extra.iter().map(|(k, _)| k).collect();
    assert_eq!(extra, Vec:: < & str > ::from([]));
}
#[test]
fn balance_response_example_decodes() {
    let envelope: Envelope<BalanceResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1719830171485,"success":true,"data":{"availablAmount":9998989.0000,"unsettledAmount":0.0000,"freezeAmount":0.0000}}"#,
        )
        .expect("the docs' example response decodes");
    assert!(envelope.is_accepted());
    let data = envelope.data.expect("the example has data");
    assert_eq!(
        data.available_amount.map(| d | d.to_string()).as_deref(), Some("9998989.0000")
    );
    assert_eq!(data.freeze_amount.map(| d | d.to_string()).as_deref(), Some("0.0000"));
    assert_eq!(
        data.unsettled_amount.map(| d | d.to_string()).as_deref(), Some("0.0000")
    );
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
    let genuine = sign_body(
            r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":30000,"status":"0000","message":"SUCCESS","utr":"111111111111","successTime":"2024-07-01 18:34:31","timestamp":"1724740395968","sign":"12222222222"}"#,
            &secret,
        )
        .expect("a JSON object");
    for alias in ["payproTradeNo", "kiliTradeNo"] {
        let body = replay::with_empty_field(&genuine, alias);
        assert!(verifier.verify(body.as_bytes()).is_ok(), "the signature still matches");
        assert!(
            matches!(Notification::verify(body.as_bytes(), & verifier),
            Err(NotifyError::Unusable(_))), "{alias}"
        );
    }
    let body = replay::spliced_after(&genuine, "status")
        .expect("in the example, the status is followed by another signed field");
    assert!(verifier.verify(body.as_bytes()).is_ok(), "the signature still matches");
    assert!(
        matches!(Notification::verify(body.as_bytes(), & verifier),
        Err(NotifyError::Unusable(_))), "{body}"
    );
    for name in ["status", "tradeNo"] {
        let body = replay::without_field(&genuine, name);
        let body = sign_body(&body, &secret).expect("a JSON object");
        assert!(
            matches!(Notification::verify(body.as_bytes(), & verifier),
            Err(NotifyError::Unusable(_))), "without {name}"
        );
    }
}
#[test]
fn notification_example_verifies_when_signed_and_parses() {
    use paypro_core::notify::{sign_body, Verifier, NotifyError};
    let body = sign_body(
            r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":30000,"status":"0000","message":"SUCCESS","utr":"111111111111","successTime":"2024-07-01 18:34:31","timestamp":"1724740395968","sign":"12222222222"}"#,
            &Secret::new(paypro_testkit::TEST_SECRET).unwrap(),
        )
        .expect("a JSON object");
    let verifier = Verifier::new(Secret::new(paypro_testkit::TEST_SECRET).unwrap());
    let data = Notification::verify(body.as_bytes(), &verifier)
        .expect("verifies and parses");
    assert_eq!(data.status.as_ref().map(Status::code), Some("0000"));
    assert_eq!(data.message.as_deref(), Some("SUCCESS"));
    assert_eq!(
        data.platform_trade_no.as_deref(), Some("5286e98841194687a95d25b5f3be346d")
    );
    assert_eq!(data.trade_no.as_deref(), Some("00000020"));
    assert_eq!(data.amount.map(| d | d.to_string()).as_deref(), Some("30000"));
    assert_eq!(data.success_time.as_deref(), Some("2024-07-01 18:34:31"));
    assert_eq!(data.timestamp, Some(1724740395968));
    let extra: Vec<&str> = data.extra.iter().map(|(k, _)| k).collect();
    assert_eq!(extra, Vec:: < & str > ::from(["utr"]));
    assert!(
        matches!(verifier
        .verify(r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":30000,"status":"0000","message":"SUCCESS","utr":"111111111111","successTime":"2024-07-01 18:34:31","timestamp":"1724740395968","sign":"12222222222"}"#
        .as_bytes()), Err(NotifyError::MalformedSign | NotifyError::BadSign |
        NotifyError::MissingSign))
    );
}
