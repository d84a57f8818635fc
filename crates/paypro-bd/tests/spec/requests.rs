// @generated from spec/bd.toml by `cargo xtask gen`; do not edit.
//! One group per endpoint, built from the spec's example.
use paypro_bd::*;
#[allow(unused_imports)]
use paypro_bd::advanced::*;
use paypro_testkit::requests::{body_keys, errors_from_json, shape};
use crate::examples;
#[test]
fn pay_in_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::pay_in(), 1728609257212), @
        r#"
POST /v1/paypro/payin
content-type: application/json
merchantNo: 0000000001

{"amount":"300","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","timestamp":"1728609257212","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH","sign":"14c96c6e3ff59f7416d4b1a0c9d26883"}

canonical: amount=300notifyUrl=https://google.comremark=testreturnUrl=http://abc.com/callback_pagetimestamp=1728609257212tradeNo=test_00000008wayCode=EWALLET_BKASH
sign: 14c96c6e3ff59f7416d4b1a0c9d26883
"#
    );
}
#[test]
fn pay_in_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::pay_in(), 1728609257212), ["amount", "notifyUrl", "remark",
        "returnUrl", "sign", "timestamp", "tradeNo", "wayCode"]
    );
}
#[test]
fn pay_in_json_input_builds_the_same_request() {
    let from_json: PayInRequest = serde_json::from_str(
            r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH"}"#,
    );
    assert_eq!(errors, [FieldError { field : "amount", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"1.5","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":0,"notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":9223372036854775808,"notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(errors, [FieldError { field : "wayCode", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "wayCode", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"NOT_A_DOCUMENTED_VALUE"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "wayCode", problem : Problem::NotOneOf { allowed :
        & ["EWALLET_BKASH", "EWALLET_NAGAD", "BKASH", "NAGAD"] } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "wayCode", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":""}"#,
    );
    assert_eq!(errors, [FieldError { field : "wayCode", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "wayCode", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","wayCode":"EWALLET_BKASH"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"","wayCode":"EWALLET_BKASH"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","notifyUrl":"","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","notifyUrl":"not a url","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":"300","notifyUrl":"/paypro/notify","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":"300","notifyUrl":"ftp://merchant.example/notify","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":"300","notifyUrl":"javascript:alert(1)","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","returnUrl":"not a url","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","returnUrl":"/paypro/notify","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","returnUrl":"ftp://merchant.example/notify","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","returnUrl":"javascript:alert(1)","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH"}"#,
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
fn pay_in_submit_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::pay_in_submit(), 1728609257212), @
        r#"
POST /v1/paypro/payinSubmit
content-type: application/json
merchantNo: 0000000001

{"platFormTradeNo":"test_00000008","timestamp":"1728609257212","trxId":"11111111","sign":"8ecf0124570ea909c81f464abd4271e9"}

canonical: platFormTradeNo=test_00000008timestamp=1728609257212trxId=11111111
sign: 8ecf0124570ea909c81f464abd4271e9
"#
    );
}
#[test]
fn pay_in_submit_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::pay_in_submit(), 1728609257212), ["platFormTradeNo",
        "sign", "timestamp", "trxId"]
    );
}
#[test]
fn pay_in_submit_json_input_builds_the_same_request() {
    let from_json: PayInSubmitRequest = serde_json::from_str(
            r#"{"platFormTradeNo":"test_00000008","trxId":"11111111"}"#,
        )
        .expect("the example's fields build");
    assert_eq!(from_json, examples::pay_in_submit());
    assert_eq!(
        examples::pay_in_submit().to_builder().build(), Ok(examples::pay_in_submit())
    );
}
#[test]
fn pay_in_submit_rejects_input_that_breaks_each_rule() {
    let errors = errors_from_json::<
        PayInSubmitBuilder,
        PayInSubmitRequest,
    >(r#"{"trxId":"11111111"}"#);
    assert_eq!(
        errors, [FieldError { field : "platFormTradeNo", problem : Problem::Missing }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "platFormTradeNo", "` ")));
    let errors = errors_from_json::<
        PayInSubmitBuilder,
        PayInSubmitRequest,
    >(r#"{"platFormTradeNo":"","trxId":"11111111"}"#);
    assert_eq!(
        errors, [FieldError { field : "platFormTradeNo", problem : Problem::Empty }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "platFormTradeNo", "` ")));
    let errors = errors_from_json::<
        PayInSubmitBuilder,
        PayInSubmitRequest,
    >(r#"{"platFormTradeNo":"test_00000008"}"#);
    assert_eq!(errors, [FieldError { field : "trxId", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "trxId", "` ")));
    let errors = errors_from_json::<
        PayInSubmitBuilder,
        PayInSubmitRequest,
    >(r#"{"platFormTradeNo":"test_00000008","trxId":""}"#);
    assert_eq!(errors, [FieldError { field : "trxId", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "trxId", "` ")));
    let _ = errors_from_json::<PayInSubmitBuilder, PayInSubmitRequest>;
}
#[test]
fn payout_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::payout(), 1728611780130), @
        r#"
POST /v1/paypro/payout
content-type: application/json
merchantNo: 0000000001

{"amount":"300","notifyUrl":"https://google.com","remark":"test","timestamp":"1728611780130","tradeNo":"test_00000001","walletId":"01123456789","wayCode":"EWALLET_BKASH","sign":"4a0a11f4644a68a4795533f9d3bfe751"}

canonical: amount=300notifyUrl=https://google.comremark=testtimestamp=1728611780130tradeNo=test_00000001walletId=01123456789wayCode=EWALLET_BKASH
sign: 4a0a11f4644a68a4795533f9d3bfe751
"#
    );
}
#[test]
fn payout_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::payout(), 1728611780130), ["amount", "notifyUrl", "remark",
        "sign", "timestamp", "tradeNo", "walletId", "wayCode"]
    );
}
#[test]
fn payout_json_input_builds_the_same_request() {
    let from_json: PayoutRequest = serde_json::from_str(
            r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","walletId":"01123456789","wayCode":"EWALLET_BKASH"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","tradeNo":"","walletId":"01123456789","wayCode":"EWALLET_BKASH"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789","wayCode":"EWALLET_BKASH"}"#,
    );
    assert_eq!(errors, [FieldError { field : "amount", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"1.5","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":0,"notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":9223372036854775808,"notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","wayCode":"EWALLET_BKASH"}"#,
    );
    assert_eq!(errors, [FieldError { field : "walletId", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "walletId", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"","wayCode":"EWALLET_BKASH"}"#,
    );
    assert_eq!(errors, [FieldError { field : "walletId", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "walletId", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
    );
    assert_eq!(errors, [FieldError { field : "wayCode", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "wayCode", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789","wayCode":"NOT_A_DOCUMENTED_VALUE"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "wayCode", problem : Problem::NotOneOf { allowed :
        & ["EWALLET_BKASH", "EWALLET_ROCKET", "EWALLET_NAGAD", "BKASH", "NAGAD"] } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "wayCode", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789","wayCode":""}"#,
    );
    assert_eq!(errors, [FieldError { field : "wayCode", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "wayCode", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","remark":"test","tradeNo":"test_00000001","walletId":"01123456789","wayCode":"EWALLET_BKASH"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","notifyUrl":"","remark":"test","tradeNo":"test_00000001","walletId":"01123456789","wayCode":"EWALLET_BKASH"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","notifyUrl":"not a url","remark":"test","tradeNo":"test_00000001","walletId":"01123456789","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":"300","notifyUrl":"/paypro/notify","remark":"test","tradeNo":"test_00000001","walletId":"01123456789","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":"300","notifyUrl":"ftp://merchant.example/notify","remark":"test","tradeNo":"test_00000001","walletId":"01123456789","wayCode":"EWALLET_BKASH"}"#,
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
        r#"{"amount":"300","notifyUrl":"javascript:alert(1)","remark":"test","tradeNo":"test_00000001","walletId":"01123456789","wayCode":"EWALLET_BKASH"}"#,
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
        shape(& examples::query_pay_in(), 1729153976003), @
        r#"
POST /v1/paypro/queryPayInResult
content-type: application/json
merchantNo: 0000000001

{"timestamp":"1729153976003","tradeNo":"133323384","sign":"399e2ccfe3ce8947beb4ef1a75f0d170"}

canonical: timestamp=1729153976003tradeNo=133323384
sign: 399e2ccfe3ce8947beb4ef1a75f0d170
"#
    );
}
#[test]
fn query_pay_in_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::query_pay_in(), 1729153976003), ["sign", "timestamp",
        "tradeNo"]
    );
}
#[test]
fn query_pay_in_json_input_builds_the_same_request() {
    let from_json: QueryPayInRequest = serde_json::from_str(r#"{"tradeNo":"133323384"}"#)
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

{"timestamp":"1728613320708","tradeNo":"test_00000001","sign":"dfae0a98b9f25b113f18821771e4b33a"}

canonical: timestamp=1728613320708tradeNo=test_00000001
sign: dfae0a98b9f25b113f18821771e4b33a
"#
    );
}
#[test]
fn query_payout_json_input_builds_the_same_request() {
    let from_json: QueryPayoutRequest = serde_json::from_str(
            r#"{"tradeNo":"test_00000001"}"#,
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
