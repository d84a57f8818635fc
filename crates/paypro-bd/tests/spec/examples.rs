// @generated from spec/bd.toml by `cargo xtask gen`; do not edit.
//! Each endpoint's request, built from the spec's example.
use paypro_bd::*;
#[allow(unused_imports)]
use paypro_bd::advanced::*;
/// The `pay-in` request built from the spec's example.
#[allow(dead_code)]
pub fn pay_in() -> PayInRequest {
    paypro_bd::PayInRequest::builder()
        .amount(300)
        .way_code(paypro_bd::pay_in::WayCode::EwalletBkash)
        .trade_no("test_00000008")
        .remark("test")
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `pay-in-submit` request built from the spec's example.
#[allow(dead_code)]
pub fn pay_in_submit() -> PayInSubmitRequest {
    paypro_bd::PayInSubmitRequest::builder()
        .platform_trade_no("test_00000008")
        .trx_id("11111111")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `payout` request built from the spec's example.
#[allow(dead_code)]
pub fn payout() -> PayoutRequest {
    paypro_bd::PayoutRequest::builder()
        .trade_no("test_00000001")
        .amount(300)
        .wallet_id("01123456789")
        .way_code(paypro_bd::payout::WayCode::EwalletBkash)
        .notify_url("https://google.com")
        .remark("test")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `query-pay-in` request built from the spec's example.
#[allow(dead_code)]
pub fn query_pay_in() -> QueryPayInRequest {
    paypro_bd::QueryPayInRequest::builder()
        .trade_no("133323384")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `query-payout` request built from the spec's example.
#[allow(dead_code)]
pub fn query_payout() -> QueryPayoutRequest {
    paypro_bd::QueryPayoutRequest::builder()
        .trade_no("test_00000001")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `balance` request built from the spec's example.
#[allow(dead_code)]
pub fn balance() -> BalanceRequest {
    paypro_bd::BalanceRequest::builder()
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
