// @generated from spec/bd.toml by `cargo xtask gen`; do not edit.
//! The country descriptor.
use paypro_core::descriptor::CountryDescriptor;
/// Bangladesh: every endpoint and the notification, as data.
///
/// Sandbox: unknown (the docs give no URL).
pub const COUNTRY: CountryDescriptor = CountryDescriptor {
    code: "bd",
    name: "Bangladesh",
    currency: "BDT",
    sandbox_base_url: None,
    endpoints: &[
        &crate::pay_in::DESCRIPTOR,
        &crate::pay_in_submit::DESCRIPTOR,
        &crate::payout::DESCRIPTOR,
        &crate::query_pay_in::DESCRIPTOR,
        &crate::query_payout::DESCRIPTOR,
        &crate::balance::DESCRIPTOR,
    ],
    notification: &crate::notification::NOTIFICATION,
};
