// @generated from spec/ke.toml by `cargo xtask gen`; do not edit.
//! The country descriptor.
use paypro_core::descriptor::CountryDescriptor;
/// Kenya: every endpoint and the notification, as data.
///
/// Sandbox: unknown (the docs give no URL).
pub const COUNTRY: CountryDescriptor = CountryDescriptor {
    code: "ke",
    name: "Kenya",
    currency: "KES",
    sandbox_base_url: None,
    endpoints: &[
        &crate::pay_in::DESCRIPTOR,
        &crate::cashier::DESCRIPTOR,
        &crate::payout::DESCRIPTOR,
        &crate::query_pay_in::DESCRIPTOR,
        &crate::query_payout::DESCRIPTOR,
        &crate::query_mpesa_code::DESCRIPTOR,
    ],
    notification: &crate::notification::NOTIFICATION,
};
