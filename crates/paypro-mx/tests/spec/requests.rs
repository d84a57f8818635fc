// @generated from spec/mx.toml by `cargo xtask gen`; do not edit.
//! One group per endpoint, built from the spec's example.
use paypro_mx::*;
#[allow(unused_imports)]
use paypro_mx::advanced::*;
use paypro_testkit::requests::{body_keys, errors_from_json, shape};
use crate::examples;
#[test]
fn pay_in_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::pay_in(), 1728609257212), @
        r#"
POST /v1/paypro/payInApi
content-type: application/json
merchantNo: 0000000001

{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","timestamp":"1728609257212","tradeNo":"test_00000008","wayCode":"va","sign":"9b2eb7f6473a3c1c597154b4f2de90cb"}

canonical: amount=300email=kevin@example.commobile=15745896325notifyUrl=https://google.compayer=kevin zhangremark=testreturnUrl=http://abc.com/callback_pagetimestamp=1728609257212tradeNo=test_00000008wayCode=va
sign: 9b2eb7f6473a3c1c597154b4f2de90cb
"#
    );
}
#[test]
fn pay_in_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::pay_in(), 1728609257212), ["amount", "email", "mobile",
        "notifyUrl", "payer", "remark", "returnUrl", "sign", "timestamp", "tradeNo",
        "wayCode"]
    );
}
#[test]
fn pay_in_json_input_builds_the_same_request() {
    let from_json: PayInRequest = serde_json::from_str(
            r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"va"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","wayCode":"va"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"","wayCode":"va"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"va"}"#,
    );
    assert_eq!(errors, [FieldError { field : "amount", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"1.5","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"va"}"#,
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
        r#"{"amount":0,"email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"va"}"#,
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
        r#"{"amount":9223372036854775808,"email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"va"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(errors, [FieldError { field : "wayCode", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "wayCode", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"NOT_A_DOCUMENTED_VALUE"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "wayCode", problem : Problem::NotOneOf { allowed :
        & ["store", "va"] } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "wayCode", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":""}"#,
    );
    assert_eq!(errors, [FieldError { field : "wayCode", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "wayCode", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"va"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"va"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"not a url","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"va"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"/paypro/notify","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"va"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"ftp://merchant.example/notify","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"va"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"javascript:alert(1)","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"va"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"not a url","tradeNo":"test_00000008","wayCode":"va"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"/paypro/notify","tradeNo":"test_00000008","wayCode":"va"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"ftp://merchant.example/notify","tradeNo":"test_00000008","wayCode":"va"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"javascript:alert(1)","tradeNo":"test_00000008","wayCode":"va"}"#,
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
        shape(& examples::cashier(), 1728609257212), @
        r#"
POST /v1/paypro/paymentLink
content-type: application/json
merchantNo: 0000000001

{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","timestamp":"1728609257212","tradeNo":"test_00000008","wayCode":"store","sign":"c72b4ba0a70914cacbc68a188f0e865e"}

canonical: amount=300email=kevin@example.commobile=15745896325notifyUrl=https://google.compayer=kevin zhangreturnUrl=http://abc.com/callback_pagetimestamp=1728609257212tradeNo=test_00000008wayCode=store
sign: c72b4ba0a70914cacbc68a188f0e865e
"#
    );
}
#[test]
fn cashier_json_input_builds_the_same_request() {
    let from_json: CashierRequest = serde_json::from_str(
            r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"store"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","wayCode":"store"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","tradeNo":"","wayCode":"store"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"store"}"#,
    );
    assert_eq!(errors, [FieldError { field : "amount", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":"1.5","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"store"}"#,
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
        r#"{"amount":0,"email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"store"}"#,
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
        r#"{"amount":9223372036854775808,"email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"store"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"NOT_A_DOCUMENTED_VALUE"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "wayCode", problem : Problem::NotOneOf { allowed :
        & ["store", "va"] } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "wayCode", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"store"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"store"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"not a url","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"store"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"/paypro/notify","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"store"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"ftp://merchant.example/notify","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"store"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"javascript:alert(1)","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"store"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","returnUrl":"not a url","tradeNo":"test_00000008","wayCode":"store"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","returnUrl":"/paypro/notify","tradeNo":"test_00000008","wayCode":"store"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","returnUrl":"ftp://merchant.example/notify","tradeNo":"test_00000008","wayCode":"store"}"#,
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
        r#"{"amount":"300","email":"kevin@example.com","mobile":"15745896325","notifyUrl":"https://google.com","payer":"kevin zhang","returnUrl":"javascript:alert(1)","tradeNo":"test_00000008","wayCode":"store"}"#,
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
        shape(& examples::payout(), 1728611780130), @
        r#"
POST /v1/paypro/payOut
content-type: application/json
merchantNo: 0000000001

{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","timestamp":"1728611780130","tradeNo":"test_00000001","wayCode":"40012","sign":"350e652bdcd141251f0f1a5c436ba312"}

canonical: amount=300customerAccount=012180000000000015customerAccountType=CLABEcustomerEmail=kevin@example.comcustomerMobile=15745896325customerName=kevin zhangnotifyUrl=https://google.comremark=testtimestamp=1728611780130tradeNo=test_00000001wayCode=40012
sign: 350e652bdcd141251f0f1a5c436ba312
"#
    );
}
#[test]
fn payout_json_input_builds_the_same_request() {
    let from_json: PayoutRequest = serde_json::from_str(
            r#"{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
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
        r#"{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","wayCode":"40012"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"","wayCode":"40012"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001"}"#,
    );
    assert_eq!(errors, [FieldError { field : "wayCode", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "wayCode", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":""}"#,
    );
    assert_eq!(errors, [FieldError { field : "wayCode", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "wayCode", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
    );
    assert_eq!(errors, [FieldError { field : "amount", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"1.5","customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
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
        r#"{"amount":0,"customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
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
        r#"{"amount":9223372036854775808,"customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
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
        r#"{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "customerName", problem : Problem::Missing }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "customerName", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "customerName", problem : Problem::Empty }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "customerName", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerAccount":"012180000000000015","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "customerAccountType", problem : Problem::Missing
        }]
    );
    assert!(
        errors[0].to_string().starts_with(concat!("`", "customerAccountType", "` "))
    );
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"NOT_A_DOCUMENTED_VALUE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "customerAccountType", problem : Problem::NotOneOf
        { allowed : & ["DebitCard", "CLABE"] } }]
    );
    assert!(
        errors[0].to_string().starts_with(concat!("`", "customerAccountType", "` "))
    );
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "customerAccountType", problem : Problem::Empty }]
    );
    assert!(
        errors[0].to_string().starts_with(concat!("`", "customerAccountType", "` "))
    );
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "customerAccount", problem : Problem::Missing }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "customerAccount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerAccount":"","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "customerAccount", problem : Problem::Empty }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "customerAccount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerAccount":"012180000000000016","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "customerAccount", problem : Problem::Format {
        format : paypro_core::descriptor::TextFormat::Clabe, why : "wrong check digit" }
        }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "customerAccount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerAccount":"123","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "customerAccount", problem : Problem::Format {
        format : paypro_core::descriptor::TextFormat::Clabe, why : "not 18 digits" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "customerAccount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerAccount":"01218000000000001x","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "customerAccount", problem : Problem::Format {
        format : paypro_core::descriptor::TextFormat::Clabe, why : "not 18 digits" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "customerAccount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"not a url","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
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
        r#"{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"/paypro/notify","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
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
        r#"{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"ftp://merchant.example/notify","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
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
        r#"{"amount":"300","customerAccount":"012180000000000015","customerAccountType":"CLABE","customerEmail":"kevin@example.com","customerMobile":"15745896325","customerName":"kevin zhang","notifyUrl":"javascript:alert(1)","remark":"test","tradeNo":"test_00000001","wayCode":"40012"}"#,
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
