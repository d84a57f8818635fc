// @generated from spec/id.toml by `cargo xtask gen`; do not edit.
//! The country descriptor.
use paypro_core::descriptor::CountryDescriptor;
/// Indonesia: every endpoint and the notification, as data.
///
/// Sandbox: `https://openapi-test.paypro.tech/indonesia-pay`.
pub const COUNTRY: CountryDescriptor = CountryDescriptor {
    code: "id",
    name: "Indonesia",
    currency: "IDR",
    sandbox_base_url: Some("https://openapi-test.paypro.tech/indonesia-pay"),
    endpoints: &[
        &crate::pay_in::DESCRIPTOR,
        &crate::cashier::DESCRIPTOR,
        &crate::payout::DESCRIPTOR,
        &crate::query_pay_in::DESCRIPTOR,
        &crate::query_payout::DESCRIPTOR,
        &crate::balance::DESCRIPTOR,
        &crate::account_verify::DESCRIPTOR,
        &crate::voucher::DESCRIPTOR,
    ],
    notification: &crate::notification::NOTIFICATION,
};
