// @generated from spec/eg.toml by `cargo xtask gen`; do not edit.
//! Each endpoint's request, built from the spec's example.
use paypro_eg::*;
#[allow(unused_imports)]
use paypro_eg::advanced::*;
/// The `pay-in` request built from the spec's example.
#[allow(dead_code)]
pub fn pay_in() -> PayInRequest {
    paypro_eg::PayInRequest::builder()
        .payer("kevin zhang")
        .amount(300)
        .remark("test")
        .trade_no("test_00000008")
        .mobile("6789123456")
        .email("sdkjfksdjfk@gmail.com")
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `payout` request built from the spec's example.
#[allow(dead_code)]
pub fn payout() -> PayoutRequest {
    paypro_eg::PayoutRequest::builder()
        .customer_name("kevin")
        .amount(300)
        .remark("test")
        .trade_no("test_00000001")
        .notify_url("https://google.com")
        .wallet_id("01123456789")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `query-pay-in` request built from the spec's example.
#[allow(dead_code)]
pub fn query_pay_in() -> QueryPayInRequest {
    paypro_eg::QueryPayInRequest::builder()
        .trade_no("test_00000008")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `query-payout` request built from the spec's example.
#[allow(dead_code)]
pub fn query_payout() -> QueryPayoutRequest {
    paypro_eg::QueryPayoutRequest::builder()
        .trade_no("test_00000002")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `balance` request built from the spec's example.
#[allow(dead_code)]
pub fn balance() -> BalanceRequest {
    paypro_eg::BalanceRequest::builder()
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
