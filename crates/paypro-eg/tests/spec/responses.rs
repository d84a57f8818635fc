// @generated from spec/eg.toml by `cargo xtask gen`; do not edit.
//! The docs' example responses and notification, decoded: every documented field (or
//! alias) lands in its typed field, everything else in `extra`.
#![allow(unused_imports)]
use paypro_eg::*;
#[allow(unused_imports)]
use paypro_eg::advanced::*;
#[test]
fn payout_response_example_decodes() {
    let envelope: Envelope<PayoutResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728611805322,"success":true,"data":{"tradeNo":"test_111","platFormTradeNo":"2tjba3vz6wm6hx3l","status":"0015","desc":"CREATED","remark":"test"}}"#,
        )
        .expect("the docs' example response decodes");
    assert!(envelope.is_accepted());
    let data = envelope.data.expect("the example has data");
    assert_eq!(data.trade_no.as_deref(), Some("test_111"));
    assert_eq!(data.platform_trade_no.as_deref(), Some("2tjba3vz6wm6hx3l"));
    assert_eq!(data.status.as_ref().map(Status::code), Some("0015"));
    assert_eq!(data.desc.as_deref(), Some("CREATED"));
    assert_eq!(data.remark.as_deref(), Some("test"));
    let extra: Vec<&str> = data.extra.iter().map(|(k, _)| k).collect();
    assert_eq!(extra, Vec:: < & str > ::from([]));
}
#[test]
fn query_pay_in_response_example_decodes() {
    let envelope: Envelope<QueryPayInResponse> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":1728613513280,"success":true,"data":{"tradeNo":"test_00000008","platFormTradeNo":"68o0uwogz7mnzutt"}}"#,
        )
        .expect("the docs' example response decodes");
    assert!(envelope.is_accepted());
    let data = envelope.data.expect("the example has data");
    assert_eq!(data.trade_no.as_deref(), Some("test_00000008"));
    assert_eq!(data.platform_trade_no.as_deref(), Some("68o0uwogz7mnzutt"));
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
