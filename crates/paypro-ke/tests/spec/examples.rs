// @generated from spec/ke.toml by `cargo xtask gen`; do not edit.
//! Each endpoint's request, built from the spec's example.
use paypro_ke::*;
#[allow(unused_imports)]
use paypro_ke::advanced::*;
/// The `pay-in` request built from the spec's example.
#[allow(dead_code)]
pub fn pay_in() -> PayInRequest {
    paypro_ke::PayInRequest::builder()
        .amount(3)
        .remark("000000")
        .trade_no("00000001")
        .mobile("mobile")
        .notify_url("https://google.com")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `cashier` request built from the spec's example.
#[allow(dead_code)]
pub fn cashier() -> CashierRequest {
    paypro_ke::CashierRequest::builder()
        .amount(3)
        .remark("000000")
        .trade_no("00000001")
        .notify_url("https://google.com")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `payout` request built from the spec's example.
#[allow(dead_code)]
pub fn payout() -> PayoutRequest {
    paypro_ke::PayoutRequest::builder()
        .amount(50)
        .remark("000000")
        .trade_no("1000023")
        .mobile("254115555088")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `query-pay-in` request built from the spec's example.
#[allow(dead_code)]
pub fn query_pay_in() -> QueryPayInRequest {
    paypro_ke::QueryPayInRequest::builder()
        .trade_no("1000002")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `query-payout` request built from the spec's example.
#[allow(dead_code)]
pub fn query_payout() -> QueryPayoutRequest {
    paypro_ke::QueryPayoutRequest::builder()
        .trade_no("1000002")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `query-mpesa-code` request built from the spec's example.
#[allow(dead_code)]
pub fn query_mpesa_code() -> QueryMpesaCodeRequest {
    paypro_ke::QueryMpesaCodeRequest::builder()
        .code("SHL2A6WAQU")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
