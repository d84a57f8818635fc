// @generated from spec/bd.toml by `cargo xtask gen`; do not edit.
//! The docs' example responses and notification, decoded: every documented field (or
//! alias) lands in its typed field, everything else in `extra`.
#![allow(unused_imports)]
use paypro_bd::*;
#[allow(unused_imports)]
use paypro_bd::advanced::*;
#[test]
fn pay_in_response_example_decodes() {
    let envelope: Envelope<PayInResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{"kiliTradeNo":"68o0uwogz7mnzutt","status":"0015","desc":"Create","remark":"test","paymentLink":"https://checkout.tpservice.vip/#/order/bd/P1844547116046675970"}}"#,
        )
        .expect("the docs' example response decodes");
    assert!(envelope.is_accepted());
    let data = envelope.data.expect("the example has data");
    assert_eq!(data.platform_trade_no.as_deref(), Some("68o0uwogz7mnzutt"));
    assert_eq!(data.status.as_ref().map(Status::code), Some("0015"));
    assert_eq!(data.desc.as_deref(), Some("Create"));
    assert_eq!(data.remark.as_deref(), Some("test"));
    assert_eq!(
        data.payment_link.as_deref(),
        Some("https://checkout.tpservice.vip/#/order/bd/P1844547116046675970")
    );
    let extra: Vec<&str> = data.extra.iter().map(|(k, _)| k).collect();
    assert_eq!(extra, Vec:: < & str > ::from([]));
}
#[test]
fn pay_in_submit_response_example_decodes() {
    let envelope: Envelope<PayInSubmitResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":true}"#,
        )
        .expect("the docs' example response decodes");
    assert!(envelope.is_accepted());
    assert_eq!(envelope.data, Some(true));
}
#[test]
fn query_pay_in_response_example_decodes() {
    let envelope: Envelope<QueryPayInResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1729325978798,"success":true,"data":{}}"#,
        )
        .expect("the docs' example response decodes");
    assert!(envelope.is_accepted());
    let data = envelope.data.expect("the example has data");
    let extra: Vec<&str> = data.extra.iter().map(|(k, _)| k).collect();
    assert_eq!(extra, Vec:: < & str > ::from([]));
}
