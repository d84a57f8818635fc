// @generated from spec/id.toml by `cargo xtask gen`; do not edit.
//! One group per endpoint, built from the spec's example.
use paypro_id::*;
#[allow(unused_imports)]
use paypro_id::advanced::*;
use paypro_testkit::requests::{body_keys, errors_from_json, shape};
use crate::examples;
#[test]
fn pay_in_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::pay_in(), 1732988442913), @
        r#"
POST /v1/paypro/payIn
content-type: application/json
merchantNo: 0000000001

{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","timestamp":"1732988442913","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA","sign":"0c12d7a1765dbfc16f050d2a11996f7c"}

canonical: amount=1000000channelCode=EWALLETemail=kevin@example.commobile=6281245907765notifyUrl=https://google.comremark=testreturnUrl=http://abc.com/callback_pagetimestamp=1732988442913tradeNo=0b4ece82fa9749e8b8e57fa64931b7f8username=kevinwayCode=DANA
sign: 0c12d7a1765dbfc16f050d2a11996f7c
"#
    );
}
#[test]
fn pay_in_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::pay_in(), 1732988442913), ["amount", "channelCode",
        "email", "mobile", "notifyUrl", "remark", "returnUrl", "sign", "timestamp",
        "tradeNo", "username", "wayCode"]
    );
}
#[test]
fn pay_in_json_input_builds_the_same_request() {
    let from_json: PayInRequest = serde_json::from_str(
            r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
        )
        .expect("the example's fields build");
    assert_eq!(from_json, examples::pay_in());
    assert_eq!(examples::pay_in().to_builder().build(), Ok(examples::pay_in()));
}
#[test]
fn pay_in_rejects_input_that_breaks_each_rule() {
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","wayCode":"DANA"}"#,
    );
    assert_eq!(errors, [FieldError { field : "username", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "username", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"","wayCode":"DANA"}"#,
    );
    assert_eq!(errors, [FieldError { field : "username", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "username", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"08111111111111","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "mobile", problem : Problem::DigitCount { min : 10,
        max : 13, got : 14 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"081111111","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "mobile", problem : Problem::DigitCount { min : 10,
        max : 13, got : 9 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"081111111x","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::NotDigits }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"1111111111","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "mobile", problem : Problem::Prefix { allowed : &
        ["08", "628"] } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(errors, [FieldError { field : "email", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "email", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(errors, [FieldError { field : "email", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "email", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "channelCode", problem : Problem::Missing }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "channelCode", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"NOT_A_DOCUMENTED_VALUE","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "channelCode", problem : Problem::NotOneOf {
        allowed : & ["QRIS", "EWALLET", "VA"] } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "channelCode", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(errors, [FieldError { field : "channelCode", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "channelCode", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(errors, [FieldError { field : "amount", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1.5,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem :
        Problem::Amount(AmountError::HasDecimals) }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":0,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::BelowMin { min : 1,
        got : 0 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":9223372036854775808,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::AboveMax { max :
        9223372036854775807, got : 9223372036854775808 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"not a url","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "notifyUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why : "not an absolute URL" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"/paypro/notify","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "notifyUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why : "not an absolute URL" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"ftp://merchant.example/notify","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "notifyUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why :
        "the scheme is not http or https" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"javascript:alert(1)","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "notifyUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why :
        "the scheme is not http or https" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"not a url","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "returnUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why : "not an absolute URL" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "returnUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"/paypro/notify","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "returnUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why : "not an absolute URL" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "returnUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"ftp://merchant.example/notify","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "returnUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why :
        "the scheme is not http or https" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "returnUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"test","returnUrl":"javascript:alert(1)","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","wayCode":"DANA"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "returnUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why :
        "the scheme is not http or https" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "returnUrl", "` ")));
    let _ = errors_from_json::<PayInBuilder, PayInRequest>;
}
#[test]
fn cashier_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::cashier(), 1732988442913), @
        r#"
POST /v1/paypro/paymentLink
content-type: application/json
merchantNo: 0000000001

{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","timestamp":"1732988442913","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin","sign":"68310f3c37a5785dce6da09b1c0ace8d"}

canonical: amount=1000000channelCode=EWALLETemail=kevin@example.commobile=6281245907765notifyUrl=https://google.comreturnUrl=http://abc.com/callback_pagetimestamp=1732988442913tradeNo=0b4ece82fa9749e8b8e57fa64931b7f8username=kevin
sign: 68310f3c37a5785dce6da09b1c0ace8d
"#
    );
}
#[test]
fn cashier_json_input_builds_the_same_request() {
    let from_json: CashierRequest = serde_json::from_str(
            r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
        )
        .expect("the example's fields build");
    assert_eq!(from_json, examples::cashier());
    assert_eq!(examples::cashier().to_builder().build(), Ok(examples::cashier()));
}
#[test]
fn cashier_rejects_input_that_breaks_each_rule() {
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","username":"kevin"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"","username":"kevin"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(errors, [FieldError { field : "amount", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1.5,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem :
        Problem::Amount(AmountError::HasDecimals) }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":0,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::BelowMin { min : 1,
        got : 0 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":9223372036854775808,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::AboveMax { max :
        9223372036854775807, got : 9223372036854775808 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"08111111111111","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "mobile", problem : Problem::DigitCount { min : 10,
        max : 13, got : 14 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"081111111","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "mobile", problem : Problem::DigitCount { min : 10,
        max : 13, got : 9 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"081111111x","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::NotDigits }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"1111111111","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "mobile", problem : Problem::Prefix { allowed : &
        ["08", "628"] } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(errors, [FieldError { field : "email", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "email", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(errors, [FieldError { field : "email", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "email", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8"}"#,
    );
    assert_eq!(errors, [FieldError { field : "username", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "username", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":""}"#,
    );
    assert_eq!(errors, [FieldError { field : "username", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "username", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"NOT_A_DOCUMENTED_VALUE","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "channelCode", problem : Problem::NotOneOf {
        allowed : & ["QRIS", "EWALLET", "VA"] } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "channelCode", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"not a url","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "notifyUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why : "not an absolute URL" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"/paypro/notify","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "notifyUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why : "not an absolute URL" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"ftp://merchant.example/notify","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "notifyUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why :
        "the scheme is not http or https" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"javascript:alert(1)","returnUrl":"http://abc.com/callback_page","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "notifyUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why :
        "the scheme is not http or https" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"not a url","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "returnUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why : "not an absolute URL" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "returnUrl", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"/paypro/notify","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "returnUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why : "not an absolute URL" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "returnUrl", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"ftp://merchant.example/notify","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "returnUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why :
        "the scheme is not http or https" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "returnUrl", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":1000000,"channelCode":"EWALLET","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","returnUrl":"javascript:alert(1)","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","username":"kevin"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "returnUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why :
        "the scheme is not http or https" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "returnUrl", "` ")));
    let _ = errors_from_json::<CashierBuilder, CashierRequest>;
}
#[test]
fn payout_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::payout(), 1732985021335), @
        r#"
POST /v1/paypro/payOut
content-type: application/json
merchantNo: 0000000001

{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark","timestamp":1732985021335,"tradeNo":"39fa354542824ee789faf526f27c024f","sign":"278d2f5c8c37f2f8d6814382773b2291"}

canonical: amount=100000bankAccountNo=5464438554636bankCode=0002customerName=kevinemail=kevin@example.commobile=6281245907765notifyUrl=https://google.comremark=remarktimestamp=1732985021335tradeNo=39fa354542824ee789faf526f27c024f
sign: 278d2f5c8c37f2f8d6814382773b2291
"#
    );
}
#[test]
fn payout_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::payout(), 1732985021335), ["amount", "bankAccountNo",
        "bankCode", "customerName", "email", "mobile", "notifyUrl", "remark", "sign",
        "timestamp", "tradeNo"]
    );
}
#[test]
fn payout_json_input_builds_the_same_request() {
    let from_json: PayoutRequest = serde_json::from_str(
            r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
        )
        .expect("the example's fields build");
    assert_eq!(from_json, examples::payout());
    assert_eq!(examples::payout().to_builder().build(), Ok(examples::payout()));
}
#[test]
fn payout_rejects_input_that_breaks_each_rule() {
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark","tradeNo":""}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(errors, [FieldError { field : "amount", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":1.5,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem :
        Problem::Amount(AmountError::HasDecimals) }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":0,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::BelowMin { min : 1,
        got : 0 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":9223372036854775808,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::AboveMax { max :
        9223372036854775807, got : 9223372036854775808 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "customerName", problem : Problem::Missing }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "customerName", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "customerName", problem : Problem::Empty }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "customerName", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"08111111111111","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "mobile", problem : Problem::DigitCount { min : 10,
        max : 13, got : 14 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"081111111","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "mobile", problem : Problem::DigitCount { min : 10,
        max : 13, got : 9 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"081111111x","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::NotDigits }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"1111111111","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "mobile", problem : Problem::Prefix { allowed : &
        ["08", "628"] } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(errors, [FieldError { field : "email", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "email", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(errors, [FieldError { field : "email", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "email", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "bankAccountNo", problem : Problem::Missing }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "bankAccountNo", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "bankAccountNo", problem : Problem::Empty }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "bankAccountNo", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(errors, [FieldError { field : "bankCode", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "bankCode", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"https://google.com","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(errors, [FieldError { field : "bankCode", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "bankCode", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"not a url","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "notifyUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why : "not an absolute URL" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"/paypro/notify","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "notifyUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why : "not an absolute URL" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"ftp://merchant.example/notify","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "notifyUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why :
        "the scheme is not http or https" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"kevin@example.com","mobile":"6281245907765","notifyUrl":"javascript:alert(1)","remark":"remark","tradeNo":"39fa354542824ee789faf526f27c024f"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "notifyUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why :
        "the scheme is not http or https" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let _ = errors_from_json::<PayoutBuilder, PayoutRequest>;
}
#[test]
fn query_pay_in_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::query_pay_in(), 1728613488294), @
        r#"
POST /v1/paypro/queryPayInResult
content-type: application/json
merchantNo: 0000000001

{"timestamp":"1728613488294","tradeNo":"test_00000008","sign":"3c6f09275273e5d61b959d6f47845ae9"}

canonical: timestamp=1728613488294tradeNo=test_00000008
sign: 3c6f09275273e5d61b959d6f47845ae9
"#
    );
}
#[test]
fn query_pay_in_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::query_pay_in(), 1728613488294), ["sign", "timestamp",
        "tradeNo"]
    );
}
#[test]
fn query_pay_in_json_input_builds_the_same_request() {
    let from_json: QueryPayInRequest = serde_json::from_str(
            r#"{"tradeNo":"test_00000008"}"#,
        )
        .expect("the example's fields build");
    assert_eq!(from_json, examples::query_pay_in());
    assert_eq!(
        examples::query_pay_in().to_builder().build(), Ok(examples::query_pay_in())
    );
}
#[test]
fn query_pay_in_rejects_input_that_breaks_each_rule() {
    let errors = errors_from_json::<QueryPayInBuilder, QueryPayInRequest>(r#"{}"#);
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        QueryPayInBuilder,
        QueryPayInRequest,
    >(r#"{"tradeNo":""}"#);
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let _ = errors_from_json::<QueryPayInBuilder, QueryPayInRequest>;
}
#[test]
fn query_payout_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::query_payout(), 1728613320708), @
        r#"
POST /v1/paypro/queryPayOutResult
content-type: application/json
merchantNo: 0000000001

{"timestamp":"1728613320708","tradeNo":"test_00000002","sign":"97d8b2b6b81942d1ed0359930c10bda1"}

canonical: timestamp=1728613320708tradeNo=test_00000002
sign: 97d8b2b6b81942d1ed0359930c10bda1
"#
    );
}
#[test]
fn query_payout_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::query_payout(), 1728613320708), ["sign", "timestamp",
        "tradeNo"]
    );
}
#[test]
fn query_payout_json_input_builds_the_same_request() {
    let from_json: QueryPayoutRequest = serde_json::from_str(
            r#"{"tradeNo":"test_00000002"}"#,
        )
        .expect("the example's fields build");
    assert_eq!(from_json, examples::query_payout());
    assert_eq!(
        examples::query_payout().to_builder().build(), Ok(examples::query_payout())
    );
}
#[test]
fn query_payout_rejects_input_that_breaks_each_rule() {
    let errors = errors_from_json::<QueryPayoutBuilder, QueryPayoutRequest>(r#"{}"#);
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        QueryPayoutBuilder,
        QueryPayoutRequest,
    >(r#"{"tradeNo":""}"#);
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let _ = errors_from_json::<QueryPayoutBuilder, QueryPayoutRequest>;
}
#[test]
fn balance_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::balance(), 1724151084278), @
        r#"
POST /v1/paypro/queryBalance
content-type: application/json
merchantNo: 0000000001

{"timestamp":"1724151084278","sign":"3d8a385d462d3beed5324120d8215f3d"}

canonical: timestamp=1724151084278
sign: 3d8a385d462d3beed5324120d8215f3d
"#
    );
}
#[test]
fn balance_body_has_the_docs_example_keys() {
    assert_eq!(body_keys(& examples::balance(), 1724151084278), ["sign", "timestamp"]);
}
#[test]
fn balance_json_input_builds_the_same_request() {
    let from_json: BalanceRequest = serde_json::from_str(r#"{}"#)
        .expect("the example's fields build");
    assert_eq!(from_json, examples::balance());
    assert_eq!(examples::balance().to_builder().build(), Ok(examples::balance()));
}
#[test]
fn balance_rejects_input_that_breaks_each_rule() {
    let _ = errors_from_json::<BalanceBuilder, BalanceRequest>;
}
#[test]
fn account_verify_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::account_verify(), 1732988442913), @
        r#"
POST /v1/paypro/accountVerify
content-type: application/json
merchantNo: 0000000001

{"bankAccountNo":"5464438554636","bankCode":"0002","timestamp":"1732988442913","sign":"ee3a39088d2af4304b80b90d0d98775e"}

canonical: bankAccountNo=5464438554636bankCode=0002timestamp=1732988442913
sign: ee3a39088d2af4304b80b90d0d98775e
"#
    );
}
#[test]
fn account_verify_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::account_verify(), 1732988442913), ["bankAccountNo",
        "bankCode", "sign", "timestamp"]
    );
}
#[test]
fn account_verify_json_input_builds_the_same_request() {
    let from_json: AccountVerifyRequest = serde_json::from_str(
            r#"{"bankAccountNo":"5464438554636","bankCode":"0002"}"#,
        )
        .expect("the example's fields build");
    assert_eq!(from_json, examples::account_verify());
    assert_eq!(
        examples::account_verify().to_builder().build(), Ok(examples::account_verify())
    );
}
#[test]
fn account_verify_rejects_input_that_breaks_each_rule() {
    let errors = errors_from_json::<
        AccountVerifyBuilder,
        AccountVerifyRequest,
    >(r#"{"bankCode":"0002"}"#);
    assert_eq!(
        errors, [FieldError { field : "bankAccountNo", problem : Problem::Missing }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "bankAccountNo", "` ")));
    let errors = errors_from_json::<
        AccountVerifyBuilder,
        AccountVerifyRequest,
    >(r#"{"bankAccountNo":"","bankCode":"0002"}"#);
    assert_eq!(
        errors, [FieldError { field : "bankAccountNo", problem : Problem::Empty }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "bankAccountNo", "` ")));
    let errors = errors_from_json::<
        AccountVerifyBuilder,
        AccountVerifyRequest,
    >(r#"{"bankAccountNo":"5464438554636"}"#);
    assert_eq!(errors, [FieldError { field : "bankCode", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "bankCode", "` ")));
    let errors = errors_from_json::<
        AccountVerifyBuilder,
        AccountVerifyRequest,
    >(r#"{"bankAccountNo":"5464438554636","bankCode":""}"#);
    assert_eq!(errors, [FieldError { field : "bankCode", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "bankCode", "` ")));
    let _ = errors_from_json::<AccountVerifyBuilder, AccountVerifyRequest>;
}
#[test]
fn voucher_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::voucher(), 1728613320708), @
        r#"
POST /v1/paypro/indonesia/query/voucher
content-type: application/json
merchantNo: 0000000001
sign: 97d8b2b6b81942d1ed0359930c10bda1

{"timestamp":"1728613320708","tradeNo":"test_00000002"}

canonical: timestamp=1728613320708tradeNo=test_00000002
sign: 97d8b2b6b81942d1ed0359930c10bda1
"#
    );
}
#[test]
fn voucher_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::voucher(), 1728613320708), ["timestamp", "tradeNo"]
    );
}
#[test]
fn voucher_json_input_builds_the_same_request() {
    let from_json: VoucherRequest = serde_json::from_str(
            r#"{"tradeNo":"test_00000002"}"#,
        )
        .expect("the example's fields build");
    assert_eq!(from_json, examples::voucher());
    assert_eq!(examples::voucher().to_builder().build(), Ok(examples::voucher()));
}
#[test]
fn voucher_rejects_input_that_breaks_each_rule() {
    let errors = errors_from_json::<VoucherBuilder, VoucherRequest>(r#"{}"#);
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<VoucherBuilder, VoucherRequest>(r#"{"tradeNo":""}"#);
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let _ = errors_from_json::<VoucherBuilder, VoucherRequest>;
}
