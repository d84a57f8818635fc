// @generated from spec/mx.toml by `cargo xtask gen`; do not edit.
//! The country descriptor.
use paypro_core::descriptor::CountryDescriptor;
/// Mexico: every endpoint and the notification, as data.
///
/// Sandbox: `https://openapi-sa-test.paypro.tech/mex-pay`.
pub const COUNTRY: CountryDescriptor = CountryDescriptor {
    code: "mx",
    name: "Mexico",
    currency: "MXN",
    sandbox_base_url: Some("https://openapi-sa-test.paypro.tech/mex-pay"),
    endpoints: &[
        &crate::pay_in::DESCRIPTOR,
        &crate::cashier::DESCRIPTOR,
        &crate::payout::DESCRIPTOR,
        &crate::query_pay_in::DESCRIPTOR,
        &crate::query_payout::DESCRIPTOR,
        &crate::balance::DESCRIPTOR,
    ],
    notification: &crate::notification::NOTIFICATION,
};
