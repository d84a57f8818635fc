// @generated from spec/mx.toml by `cargo xtask gen`; do not edit.
//! Each endpoint's request, built from the spec's example.
use paypro_mx::*;
#[allow(unused_imports)]
use paypro_mx::advanced::*;
/// The `pay-in` request built from the spec's example.
#[allow(dead_code)]
pub fn pay_in() -> PayInRequest {
    paypro_mx::PayInRequest::builder()
        .trade_no("test_00000008")
        .amount(300)
        .mobile("15745896325")
        .email("kevin@example.com")
        .payer("kevin zhang")
        .way_code(paypro_mx::pay_in::WayCode::Va)
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .remark("test")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `cashier` request built from the spec's example.
#[allow(dead_code)]
pub fn cashier() -> CashierRequest {
    paypro_mx::CashierRequest::builder()
        .trade_no("test_00000008")
        .amount(300)
        .mobile("15745896325")
        .email("kevin@example.com")
        .payer("kevin zhang")
        .way_code(paypro_mx::cashier::WayCode::Store)
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `payout` request built from the spec's example.
#[allow(dead_code)]
pub fn payout() -> PayoutRequest {
    paypro_mx::PayoutRequest::builder()
        .trade_no("test_00000001")
        .way_code("40012")
        .amount(300)
        .customer_name("kevin zhang")
        .customer_mobile("15745896325")
        .customer_email("kevin@example.com")
        .customer_account_type(paypro_mx::payout::CustomerAccountType::Clabe)
        .customer_account("012180000000000015")
        .notify_url("https://google.com")
        .remark("test")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `query-pay-in` request built from the spec's example.
#[allow(dead_code)]
pub fn query_pay_in() -> QueryPayInRequest {
    paypro_mx::QueryPayInRequest::builder()
        .trade_no("test_00000008")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `query-payout` request built from the spec's example.
#[allow(dead_code)]
pub fn query_payout() -> QueryPayoutRequest {
    paypro_mx::QueryPayoutRequest::builder()
        .trade_no("test_00000002")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `balance` request built from the spec's example.
#[allow(dead_code)]
pub fn balance() -> BalanceRequest {
    paypro_mx::BalanceRequest::builder()
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
