// @generated from spec/id.toml by `cargo xtask gen`; do not edit.
//! The docs' example responses and notification, decoded: every documented field (or
//! alias) lands in its typed field, everything else in `extra`.
#![allow(unused_imports)]
use paypro_id::*;
#[allow(unused_imports)]
use paypro_id::advanced::*;
#[test]
fn pay_in_response_example_decodes() {
    let envelope: Envelope<PayInResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{"tradeNo":"428c430ce59b47138674c971ff07a711","platFormTradeNo":"c167o1itir0fypid","status":"0015","desc":"Paying","remark":"11111","paymentUrl":"https://m.dana.id/link/pay?bizNo=20241130111212800110166014426619726&timestamp=1732957513413&mid=216620070017015566089&did=216650001079216397931&sign=grrLubmutsZrKVwAE9QTamSYl2%2BwnFiwdFHK5aYgYpL7Z7%2BMtX1MHD1PbXNWmpq42lzaFHILn6PfJf2znZyFv1BPQKZC%2Fney4WcgRLwQMoLlGxSdytlOoNVinegyPJgt5tEuqcvuXj9c2ra%2FIGCgi6N5g4N8Fyz6fU29E3OJuoyni6Q4B3SD1jR%2FXLTmMe%2FhkWy1oj9C9n3OHh5RsCjh%2FpVTxuRZxzDjSLIw7MXja7psomwU4D8V6mjCfI722u5iIgAMNv1zVH%2BHH60%2BDFFw4APaxfHM0DTTx%2FEhuAlmsJTkGk%2FTCDwU7OFm2nIhND4spV7JJDxn%2FWju3orXX96eSw%3D%3D&forceToH5=false","qrString":"00020101021226670021ID/.HTTPS://CFSUKSESS011893600922376110100202097611010020303UMI51440014ID.CO.QRIS.WWW0215ID20243249690030303UMI520465335802ID5902CF6015 JAKARTA SELATA6105127605405500005303360623605259d9faf8343bb48a186ca7c6e20703A0163049FE2","vaNumber":"189652365423658965"}}"#,
        )
        .expect("the docs' example response decodes");
    assert!(envelope.is_accepted());
    let data = envelope.data.expect("the example has data");
    assert_eq!(data.trade_no.as_deref(), Some("428c430ce59b47138674c971ff07a711"));
    assert_eq!(data.platform_trade_no.as_deref(), Some("c167o1itir0fypid"));
    assert_eq!(data.status.as_ref().map(Status::code), Some("0015"));
    assert_eq!(data.desc.as_deref(), Some("Paying"));
    assert_eq!(data.remark.as_deref(), Some("11111"));
    assert_eq!(
        data.payment_url.as_deref(),
        Some("https://m.dana.id/link/pay?bizNo=20241130111212800110166014426619726&timestamp=1732957513413&mid=216620070017015566089&did=216650001079216397931&sign=grrLubmutsZrKVwAE9QTamSYl2%2BwnFiwdFHK5aYgYpL7Z7%2BMtX1MHD1PbXNWmpq42lzaFHILn6PfJf2znZyFv1BPQKZC%2Fney4WcgRLwQMoLlGxSdytlOoNVinegyPJgt5tEuqcvuXj9c2ra%2FIGCgi6N5g4N8Fyz6fU29E3OJuoyni6Q4B3SD1jR%2FXLTmMe%2FhkWy1oj9C9n3OHh5RsCjh%2FpVTxuRZxzDjSLIw7MXja7psomwU4D8V6mjCfI722u5iIgAMNv1zVH%2BHH60%2BDFFw4APaxfHM0DTTx%2FEhuAlmsJTkGk%2FTCDwU7OFm2nIhND4spV7JJDxn%2FWju3orXX96eSw%3D%3D&forceToH5=false")
    );
    assert_eq!(
        data.qr_string.as_deref(),
        Some("00020101021226670021ID/.HTTPS://CFSUKSESS011893600922376110100202097611010020303UMI51440014ID.CO.QRIS.WWW0215ID20243249690030303UMI520465335802ID5902CF6015 JAKARTA SELATA6105127605405500005303360623605259d9faf8343bb48a186ca7c6e20703A0163049FE2")
    );
    assert_eq!(data.va_number.as_deref(), Some("189652365423658965"));
    let extra: Vec<&str> = data.extra.iter().map(|(k, _)| k).collect();
    assert_eq!(extra, Vec:: < & str > ::from([]));
}
#[test]
fn cashier_response_example_decodes() {
    let envelope: Envelope<CashierResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{"tradeNo":"428c430ce59b47138674c971ff07a711","platFormTradeNo":"c167o1itir0fypid","status":"0015","desc":"Paying","remark":"11111","paymentUrl":"http://paypro.example/cashier"}}"#,
        )
        .expect("the docs' example response decodes");
    assert!(envelope.is_accepted());
    let data = envelope.data.expect("the example has data");
    assert_eq!(data.trade_no.as_deref(), Some("428c430ce59b47138674c971ff07a711"));
    assert_eq!(data.platform_trade_no.as_deref(), Some("c167o1itir0fypid"));
    assert_eq!(data.status.as_ref().map(Status::code), Some("0015"));
    assert_eq!(data.desc.as_deref(), Some("Paying"));
    assert_eq!(data.remark.as_deref(), Some("11111"));
    assert_eq!(data.payment_url.as_deref(), Some("http://paypro.example/cashier"));
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
fn account_verify_response_example_decodes() {
    let envelope: Envelope<AccountVerifyResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{"bankAccountNo":"31111111","bankAccountName":"Sdr NAVAF BAYU KURNIAWA"}}"#,
        )
        .expect("the docs' example response decodes");
    assert!(envelope.is_accepted());
    let data = envelope.data.expect("the example has data");
    assert_eq!(data.bank_account_no.as_deref(), Some("31111111"));
    assert_eq!(data.bank_account_name.as_deref(), Some("Sdr NAVAF BAYU KURNIAWA"));
    let extra: Vec<&str> = data.extra.iter().map(|(k, _)| k).collect();
    assert_eq!(extra, Vec:: < & str > ::from([]));
}
#[test]
fn voucher_response_example_decodes() {
    let envelope: Envelope<VoucherResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728613339884,"success":true,"data":{"url":"https://voucher.paypro.tech/temp/20251021/a853c493cbee440cb5ea76c4efa9e919/8713255807.pdf","message":"Voucher generation succeeded"}}"#,
        )
        .expect("the docs' example response decodes");
    assert!(envelope.is_accepted());
    let data = envelope.data.expect("the example has data");
    assert_eq!(
        data.url.as_deref(),
        Some("https://voucher.paypro.tech/temp/20251021/a853c493cbee440cb5ea76c4efa9e919/8713255807.pdf")
    );
    assert_eq!(data.message.as_deref(), Some("Voucher generation succeeded"));
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
            r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":"30000","status":"0000","message":"SUCCESS","successTime":"2024-07-01 18:34:31","timestamp":"1724740395968","sign":"12222222222"}"#,
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
            r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":"30000","status":"0000","message":"SUCCESS","successTime":"2024-07-01 18:34:31","timestamp":"1724740395968","sign":"12222222222"}"#,
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
    assert_eq!(extra, Vec:: < & str > ::from([]));
    assert!(
        matches!(verifier
        .verify(r#"{"platFormTradeNo":"5286e98841194687a95d25b5f3be346d","tradeNo":"00000020","amount":"30000","status":"0000","message":"SUCCESS","successTime":"2024-07-01 18:34:31","timestamp":"1724740395968","sign":"12222222222"}"#
        .as_bytes()), Err(NotifyError::MalformedSign | NotifyError::BadSign |
        NotifyError::MissingSign))
    );
}
