// @generated from spec/eg.toml by `cargo xtask gen`; do not edit.
//! One group per endpoint, built from the spec's example.
use paypro_eg::*;
#[allow(unused_imports)]
use paypro_eg::advanced::*;
use paypro_testkit::requests::{body_keys, errors_from_json, shape};
use crate::examples;
#[test]
fn pay_in_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::pay_in(), 1728609257212), @
        r#"
POST /v1/paypro/payIn
content-type: application/json
merchantNo: 0000000001

{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","timestamp":"1728609257212","tradeNo":"test_00000008","sign":"c6f5c0251e813e341b0df175727dc6d1"}

canonical: amount=300email=sdkjfksdjfk@gmail.commobile=6789123456notifyUrl=https://google.compayer=kevin zhangremark=testreturnUrl=http://abc.com/callback_pagetimestamp=1728609257212tradeNo=test_00000008
sign: c6f5c0251e813e341b0df175727dc6d1
"#
    );
}
#[test]
fn pay_in_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::pay_in(), 1728609257212), ["amount", "email", "mobile",
        "notifyUrl", "payer", "remark", "returnUrl", "sign", "timestamp", "tradeNo"]
    );
}
#[test]
fn pay_in_json_input_builds_the_same_request() {
    let from_json: PayInRequest = serde_json::from_str(
            r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
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
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(errors, [FieldError { field : "payer", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "payer", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(errors, [FieldError { field : "payer", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "payer", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(errors, [FieldError { field : "amount", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"100.5","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
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
        r#"{"amount":99,"email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::BelowMin { min : 100,
        got : 99 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":10001,"email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::AboveMax { max :
        10000, got : 10001 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":0,"email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::BelowMin { min : 100,
        got : 0 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":9223372036854775808,"email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::AboveMax { max :
        10000, got : 9223372036854775808 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(errors, [FieldError { field : "remark", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "remark", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(errors, [FieldError { field : "remark", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "remark", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":""}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(errors, [FieldError { field : "email", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "email", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(errors, [FieldError { field : "email", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "email", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"not a url","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
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
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"/paypro/notify","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
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
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"ftp://merchant.example/notify","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
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
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"javascript:alert(1)","payer":"kevin zhang","remark":"test","returnUrl":"http://abc.com/callback_page","tradeNo":"test_00000008"}"#,
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
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"not a url","tradeNo":"test_00000008"}"#,
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
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"/paypro/notify","tradeNo":"test_00000008"}"#,
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
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"ftp://merchant.example/notify","tradeNo":"test_00000008"}"#,
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
        r#"{"amount":"300","email":"sdkjfksdjfk@gmail.com","mobile":"6789123456","notifyUrl":"https://google.com","payer":"kevin zhang","remark":"test","returnUrl":"javascript:alert(1)","tradeNo":"test_00000008"}"#,
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
fn pay_in_adjusted_amount_limits_replace_the_documented_ones() {
    let adjusted = |amount: u64| {
        examples::pay_in().to_builder().amount(amount).amount_limits(99, 10001).build()
    };
    assert!(adjusted(99).is_ok(), "below the documented minimum, within the merchant's");
    assert!(
        adjusted(10001).is_ok(), "above the documented maximum, within the merchant's"
    );
    assert_eq!(
        adjusted(10002).unwrap_err().errors(), [FieldError { field : "amount", problem :
        Problem::AboveMax { max : 10001, got : 10002 } }]
    );
    let zero = examples::pay_in()
        .to_builder()
        .amount(0u64)
        .amount_limits(0, 10001)
        .build();
    assert_eq!(
        zero.unwrap_err().errors(), [FieldError { field : "amount", problem :
        Problem::BelowMin { min : 1, got : 0 } }]
    );
    assert!(
        examples::pay_in().to_builder().amount(10001).build().is_err(),
        "the documented bounds are the default"
    );
}
#[test]
fn payout_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::payout(), 1728611780130), @
        r#"
POST /v1/paypro/payOut
content-type: application/json
merchantNo: 0000000001

{"amount":"300","customerName":"kevin","notifyUrl":"https://google.com","remark":"test","timestamp":"1728611780130","tradeNo":"test_00000001","walletId":"01123456789","sign":"cadd256e99110db5767bff914077b9da"}

canonical: amount=300customerName=kevinnotifyUrl=https://google.comremark=testtimestamp=1728611780130tradeNo=test_00000001walletId=01123456789
sign: cadd256e99110db5767bff914077b9da
"#
    );
}
#[test]
fn payout_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::payout(), 1728611780130), ["amount", "customerName",
        "notifyUrl", "remark", "sign", "timestamp", "tradeNo", "walletId"]
    );
}
#[test]
fn payout_json_input_builds_the_same_request() {
    let from_json: PayoutRequest = serde_json::from_str(
            r#"{"amount":"300","customerName":"kevin","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
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
        r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "customerName", problem : Problem::Missing }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "customerName", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerName":"","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "customerName", problem : Problem::Empty }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "customerName", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"customerName":"kevin","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
    );
    assert_eq!(errors, [FieldError { field : "amount", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"100.5","customerName":"kevin","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
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
        r#"{"amount":99,"customerName":"kevin","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::BelowMin { min : 100,
        got : 99 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":10001,"customerName":"kevin","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::AboveMax { max :
        10000, got : 10001 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":0,"customerName":"kevin","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::BelowMin { min : 100,
        got : 0 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":9223372036854775808,"customerName":"kevin","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::AboveMax { max :
        10000, got : 9223372036854775808 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerName":"kevin","notifyUrl":"https://google.com","tradeNo":"test_00000001","walletId":"01123456789"}"#,
    );
    assert_eq!(errors, [FieldError { field : "remark", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "remark", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerName":"kevin","notifyUrl":"https://google.com","remark":"","tradeNo":"test_00000001","walletId":"01123456789"}"#,
    );
    assert_eq!(errors, [FieldError { field : "remark", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "remark", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerName":"kevin","notifyUrl":"https://google.com","remark":"test","walletId":"01123456789"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerName":"kevin","notifyUrl":"https://google.com","remark":"test","tradeNo":"","walletId":"01123456789"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerName":"kevin","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerName":"kevin","notifyUrl":"","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerName":"kevin","notifyUrl":"not a url","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
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
        r#"{"amount":"300","customerName":"kevin","notifyUrl":"/paypro/notify","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
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
        r#"{"amount":"300","customerName":"kevin","notifyUrl":"ftp://merchant.example/notify","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
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
        r#"{"amount":"300","customerName":"kevin","notifyUrl":"javascript:alert(1)","remark":"test","tradeNo":"test_00000001","walletId":"01123456789"}"#,
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
        r#"{"amount":"300","customerName":"kevin","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001"}"#,
    );
    assert_eq!(errors, [FieldError { field : "walletId", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "walletId", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"300","customerName":"kevin","notifyUrl":"https://google.com","remark":"test","tradeNo":"test_00000001","walletId":""}"#,
    );
    assert_eq!(errors, [FieldError { field : "walletId", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "walletId", "` ")));
    let _ = errors_from_json::<PayoutBuilder, PayoutRequest>;
}
#[test]
fn payout_adjusted_amount_limits_replace_the_documented_ones() {
    let adjusted = |amount: u64| {
        examples::payout().to_builder().amount(amount).amount_limits(99, 10001).build()
    };
    assert!(adjusted(99).is_ok(), "below the documented minimum, within the merchant's");
    assert!(
        adjusted(10001).is_ok(), "above the documented maximum, within the merchant's"
    );
    assert_eq!(
        adjusted(10002).unwrap_err().errors(), [FieldError { field : "amount", problem :
        Problem::AboveMax { max : 10001, got : 10002 } }]
    );
    let zero = examples::payout()
        .to_builder()
        .amount(0u64)
        .amount_limits(0, 10001)
        .build();
    assert_eq!(
        zero.unwrap_err().errors(), [FieldError { field : "amount", problem :
        Problem::BelowMin { min : 1, got : 0 } }]
    );
    assert!(
        examples::payout().to_builder().amount(10001).build().is_err(),
        "the documented bounds are the default"
    );
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
