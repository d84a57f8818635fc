// @generated from spec/id.toml by `cargo xtask gen`; do not edit.
//! Each endpoint's request, built from the spec's example.
use paypro_id::*;
#[allow(unused_imports)]
use paypro_id::advanced::*;
/// The `pay-in` request built from the spec's example.
#[allow(dead_code)]
pub fn pay_in() -> PayInRequest {
    paypro_id::PayInRequest::builder()
        .trade_no("0b4ece82fa9749e8b8e57fa64931b7f8")
        .username("kevin")
        .mobile("6281245907765")
        .email("kevin@example.com")
        .channel_code(paypro_id::pay_in::ChannelCode::Ewallet)
        .way_code("DANA")
        .amount(1000000)
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .remark("test")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `cashier` request built from the spec's example.
#[allow(dead_code)]
pub fn cashier() -> CashierRequest {
    paypro_id::CashierRequest::builder()
        .trade_no("0b4ece82fa9749e8b8e57fa64931b7f8")
        .amount(1000000)
        .mobile("6281245907765")
        .email("kevin@example.com")
        .username("kevin")
        .channel_code(paypro_id::cashier::ChannelCode::Ewallet)
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `payout` request built from the spec's example.
#[allow(dead_code)]
pub fn payout() -> PayoutRequest {
    paypro_id::PayoutRequest::builder()
        .trade_no("39fa354542824ee789faf526f27c024f")
        .amount(100000)
        .customer_name("kevin")
        .mobile("6281245907765")
        .email("kevin@example.com")
        .bank_account_no("5464438554636")
        .bank_code("0002")
        .notify_url("https://google.com")
        .remark("remark")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `query-pay-in` request built from the spec's example.
#[allow(dead_code)]
pub fn query_pay_in() -> QueryPayInRequest {
    paypro_id::QueryPayInRequest::builder()
        .trade_no("test_00000008")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `query-payout` request built from the spec's example.
#[allow(dead_code)]
pub fn query_payout() -> QueryPayoutRequest {
    paypro_id::QueryPayoutRequest::builder()
        .trade_no("test_00000002")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `balance` request built from the spec's example.
#[allow(dead_code)]
pub fn balance() -> BalanceRequest {
    paypro_id::BalanceRequest::builder()
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `account-verify` request built from the spec's example.
#[allow(dead_code)]
pub fn account_verify() -> AccountVerifyRequest {
    paypro_id::AccountVerifyRequest::builder()
        .bank_account_no("5464438554636")
        .bank_code("0002")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
/// The `voucher` request built from the spec's example.
#[allow(dead_code)]
pub fn voucher() -> VoucherRequest {
    paypro_id::VoucherRequest::builder()
        .trade_no("test_00000002")
        .build()
        .expect("the spec's example satisfies the spec's rules")
}
