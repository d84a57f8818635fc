// @generated from spec/ke.toml by `cargo xtask gen`; do not edit.
//! One group per endpoint, built from the spec's example.
use paypro_ke::*;
#[allow(unused_imports)]
use paypro_ke::advanced::*;
use paypro_testkit::requests::{body_keys, errors_from_json, shape};
use crate::examples;
#[test]
fn pay_in_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::pay_in(), 1715941383720), @
        r#"
POST /api/payin
content-type: application/json
merchantNo: 0000000001

{"amount":"3","mobile":"mobile","notifyUrl":"https://google.com","remark":"000000","timestamp":"1715941383720","tradeNo":"00000001","sign":"32d9c005653551235fca6150e3728601"}

canonical: amount=3mobile=mobilenotifyUrl=https://google.comremark=000000timestamp=1715941383720tradeNo=00000001
sign: 32d9c005653551235fca6150e3728601
"#
    );
}
#[test]
fn pay_in_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::pay_in(), 1715941383720), ["amount", "mobile", "notifyUrl",
        "remark", "sign", "timestamp", "tradeNo"]
    );
}
#[test]
fn pay_in_json_input_builds_the_same_request() {
    let from_json: PayInRequest = serde_json::from_str(
            r#"{"amount":"3","mobile":"mobile","notifyUrl":"https://google.com","remark":"000000","tradeNo":"00000001"}"#,
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
        r#"{"mobile":"mobile","notifyUrl":"https://google.com","remark":"000000","tradeNo":"00000001"}"#,
    );
    assert_eq!(errors, [FieldError { field : "amount", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"1.5","mobile":"mobile","notifyUrl":"https://google.com","remark":"000000","tradeNo":"00000001"}"#,
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
        r#"{"amount":0,"mobile":"mobile","notifyUrl":"https://google.com","remark":"000000","tradeNo":"00000001"}"#,
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
        r#"{"amount":9223372036854775808,"mobile":"mobile","notifyUrl":"https://google.com","remark":"000000","tradeNo":"00000001"}"#,
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
        r#"{"amount":"3","mobile":"mobile","notifyUrl":"https://google.com","remark":"000000"}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"3","mobile":"mobile","notifyUrl":"https://google.com","remark":"000000","tradeNo":""}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"3","notifyUrl":"https://google.com","remark":"000000","tradeNo":"00000001"}"#,
    );
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"3","mobile":"","notifyUrl":"https://google.com","remark":"000000","tradeNo":"00000001"}"#,
    );
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(r#"{"amount":"3","mobile":"mobile","remark":"000000","tradeNo":"00000001"}"#);
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"3","mobile":"mobile","notifyUrl":"","remark":"000000","tradeNo":"00000001"}"#,
    );
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        PayInBuilder,
        PayInRequest,
    >(
        r#"{"amount":"3","mobile":"mobile","notifyUrl":"not a url","remark":"000000","tradeNo":"00000001"}"#,
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
        r#"{"amount":"3","mobile":"mobile","notifyUrl":"/paypro/notify","remark":"000000","tradeNo":"00000001"}"#,
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
        r#"{"amount":"3","mobile":"mobile","notifyUrl":"ftp://merchant.example/notify","remark":"000000","tradeNo":"00000001"}"#,
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
        r#"{"amount":"3","mobile":"mobile","notifyUrl":"javascript:alert(1)","remark":"000000","tradeNo":"00000001"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "notifyUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why :
        "the scheme is not http or https" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let _ = errors_from_json::<PayInBuilder, PayInRequest>;
}
#[test]
fn cashier_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::cashier(), 1715941383720), @
        r#"
POST /api/payinConsole
content-type: application/json
merchantNo: 0000000001

{"amount":"3","notifyUrl":"https://google.com","remark":"000000","timestamp":"1715941383720","tradeNo":"00000001","sign":"660d82de9136ea3046df857ca162fe4b"}

canonical: amount=3notifyUrl=https://google.comremark=000000timestamp=1715941383720tradeNo=00000001
sign: 660d82de9136ea3046df857ca162fe4b
"#
    );
}
#[test]
fn cashier_json_input_builds_the_same_request() {
    let from_json: CashierRequest = serde_json::from_str(
            r#"{"amount":"3","notifyUrl":"https://google.com","remark":"000000","tradeNo":"00000001"}"#,
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
    >(r#"{"notifyUrl":"https://google.com","remark":"000000","tradeNo":"00000001"}"#);
    assert_eq!(errors, [FieldError { field : "amount", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":"1.5","notifyUrl":"https://google.com","remark":"000000","tradeNo":"00000001"}"#,
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
        r#"{"amount":0,"notifyUrl":"https://google.com","remark":"000000","tradeNo":"00000001"}"#,
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
        r#"{"amount":9223372036854775808,"notifyUrl":"https://google.com","remark":"000000","tradeNo":"00000001"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::AboveMax { max :
        9223372036854775807, got : 9223372036854775808 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(r#"{"amount":"3","notifyUrl":"https://google.com","remark":"000000"}"#);
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":"3","notifyUrl":"https://google.com","remark":"000000","tradeNo":""}"#,
    );
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(r#"{"amount":"3","remark":"000000","tradeNo":"00000001"}"#);
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(r#"{"amount":"3","notifyUrl":"","remark":"000000","tradeNo":"00000001"}"#);
    assert_eq!(errors, [FieldError { field : "notifyUrl", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let errors = errors_from_json::<
        CashierBuilder,
        CashierRequest,
    >(
        r#"{"amount":"3","notifyUrl":"not a url","remark":"000000","tradeNo":"00000001"}"#,
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
        r#"{"amount":"3","notifyUrl":"/paypro/notify","remark":"000000","tradeNo":"00000001"}"#,
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
        r#"{"amount":"3","notifyUrl":"ftp://merchant.example/notify","remark":"000000","tradeNo":"00000001"}"#,
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
        r#"{"amount":"3","notifyUrl":"javascript:alert(1)","remark":"000000","tradeNo":"00000001"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "notifyUrl", problem : Problem::Format { format :
        paypro_core::descriptor::TextFormat::HttpUrl, why :
        "the scheme is not http or https" } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "notifyUrl", "` ")));
    let _ = errors_from_json::<CashierBuilder, CashierRequest>;
}
#[test]
fn payout_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::payout(), 1715941383720), @
        r#"
POST /api/payout
content-type: application/json
merchantNo: 0000000001

{"amount":"50","mobile":"254115555088","remark":"000000","timestamp":"1715941383720","tradeNo":"1000023","sign":"8554e45dd059bbc0edc36e780a33c3b2"}

canonical: amount=50mobile=254115555088remark=000000timestamp=1715941383720tradeNo=1000023
sign: 8554e45dd059bbc0edc36e780a33c3b2
"#
    );
}
#[test]
fn payout_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::payout(), 1715941383720), ["amount", "mobile", "remark",
        "sign", "timestamp", "tradeNo"]
    );
}
#[test]
fn payout_json_input_builds_the_same_request() {
    let from_json: PayoutRequest = serde_json::from_str(
            r#"{"amount":"50","mobile":"254115555088","remark":"000000","tradeNo":"1000023"}"#,
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
    >(r#"{"mobile":"254115555088","remark":"000000","tradeNo":"1000023"}"#);
    assert_eq!(errors, [FieldError { field : "amount", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"1.5","mobile":"254115555088","remark":"000000","tradeNo":"1000023"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem :
        Problem::Amount(AmountError::HasDecimals) }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(r#"{"amount":0,"mobile":"254115555088","remark":"000000","tradeNo":"1000023"}"#);
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::BelowMin { min : 1,
        got : 0 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":9223372036854775808,"mobile":"254115555088","remark":"000000","tradeNo":"1000023"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "amount", problem : Problem::AboveMax { max :
        9223372036854775807, got : 9223372036854775808 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "amount", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(r#"{"amount":"50","mobile":"254115555088","remark":"000000"}"#);
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(r#"{"amount":"50","mobile":"254115555088","remark":"000000","tradeNo":""}"#);
    assert_eq!(errors, [FieldError { field : "tradeNo", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "tradeNo", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(r#"{"amount":"50","remark":"000000","tradeNo":"1000023"}"#);
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(r#"{"amount":"50","mobile":"","remark":"000000","tradeNo":"1000023"}"#);
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"50","mobile":"2541111111111","remark":"000000","tradeNo":"1000023"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "mobile", problem : Problem::DigitCount { min : 12,
        max : 12, got : 13 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(r#"{"amount":"50","mobile":"25411111111","remark":"000000","tradeNo":"1000023"}"#);
    assert_eq!(
        errors, [FieldError { field : "mobile", problem : Problem::DigitCount { min : 12,
        max : 12, got : 11 } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"50","mobile":"25411111111x","remark":"000000","tradeNo":"1000023"}"#,
    );
    assert_eq!(errors, [FieldError { field : "mobile", problem : Problem::NotDigits }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"50","mobile":"011111111111","remark":"000000","tradeNo":"1000023"}"#,
    );
    assert_eq!(
        errors, [FieldError { field : "mobile", problem : Problem::Prefix { allowed : &
        ["2541", "2547"] } }]
    );
    assert!(errors[0].to_string().starts_with(concat!("`", "mobile", "` ")));
    let errors = errors_from_json::<
        PayoutBuilder,
        PayoutRequest,
    >(
        r#"{"amount":"50","mobile":"254115555088","notifyUrl":"not a url","remark":"000000","tradeNo":"1000023"}"#,
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
        r#"{"amount":"50","mobile":"254115555088","notifyUrl":"/paypro/notify","remark":"000000","tradeNo":"1000023"}"#,
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
        r#"{"amount":"50","mobile":"254115555088","notifyUrl":"ftp://merchant.example/notify","remark":"000000","tradeNo":"1000023"}"#,
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
        r#"{"amount":"50","mobile":"254115555088","notifyUrl":"javascript:alert(1)","remark":"000000","tradeNo":"1000023"}"#,
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
        shape(& examples::query_pay_in(), 0), @
        r#"
POST /api/queryPayinResult
content-type: application/json
merchantNo: 0000000001

{"tradeNo":"1000002","sign":"7fb23f783095d0d2ff6db7d8183d30cd"}

canonical: tradeNo=1000002
sign: 7fb23f783095d0d2ff6db7d8183d30cd
"#
    );
}
#[test]
fn query_pay_in_body_has_the_docs_example_keys() {
    assert_eq!(body_keys(& examples::query_pay_in(), 0), ["sign", "tradeNo"]);
}
#[test]
fn query_pay_in_json_input_builds_the_same_request() {
    let from_json: QueryPayInRequest = serde_json::from_str(r#"{"tradeNo":"1000002"}"#)
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
        shape(& examples::query_payout(), 0), @
        r#"
POST /api/queryPayOutResult
content-type: application/json
merchantNo: 0000000001

{"tradeNo":"1000002","sign":"7fb23f783095d0d2ff6db7d8183d30cd"}

canonical: tradeNo=1000002
sign: 7fb23f783095d0d2ff6db7d8183d30cd
"#
    );
}
#[test]
fn query_payout_body_has_the_docs_example_keys() {
    assert_eq!(body_keys(& examples::query_payout(), 0), ["sign", "tradeNo"]);
}
#[test]
fn query_payout_json_input_builds_the_same_request() {
    let from_json: QueryPayoutRequest = serde_json::from_str(r#"{"tradeNo":"1000002"}"#)
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
fn query_mpesa_code_request_shape() {
    insta::assert_snapshot!(
        shape(& examples::query_mpesa_code(), 2222222222), @
        r#"
POST /api/queryResultByCode
content-type: application/json
merchantNo: 0000000001

{"code":"SHL2A6WAQU","timestamp":"2222222222","sign":"d61aeecf8326f0dd1e2523b7dbb1788e"}

canonical: code=SHL2A6WAQUtimestamp=2222222222
sign: d61aeecf8326f0dd1e2523b7dbb1788e
"#
    );
}
#[test]
fn query_mpesa_code_body_has_the_docs_example_keys() {
    assert_eq!(
        body_keys(& examples::query_mpesa_code(), 2222222222), ["code", "sign",
        "timestamp"]
    );
}
#[test]
fn query_mpesa_code_json_input_builds_the_same_request() {
    let from_json: QueryMpesaCodeRequest = serde_json::from_str(
            r#"{"code":"SHL2A6WAQU"}"#,
        )
        .expect("the example's fields build");
    assert_eq!(from_json, examples::query_mpesa_code());
    assert_eq!(
        examples::query_mpesa_code().to_builder().build(),
        Ok(examples::query_mpesa_code())
    );
}
#[test]
fn query_mpesa_code_rejects_input_that_breaks_each_rule() {
    let errors = errors_from_json::<
        QueryMpesaCodeBuilder,
        QueryMpesaCodeRequest,
    >(r#"{}"#);
    assert_eq!(errors, [FieldError { field : "code", problem : Problem::Missing }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "code", "` ")));
    let errors = errors_from_json::<
        QueryMpesaCodeBuilder,
        QueryMpesaCodeRequest,
    >(r#"{"code":""}"#);
    assert_eq!(errors, [FieldError { field : "code", problem : Problem::Empty }]);
    assert!(errors[0].to_string().starts_with(concat!("`", "code", "` ")));
    let _ = errors_from_json::<QueryMpesaCodeBuilder, QueryMpesaCodeRequest>;
}
