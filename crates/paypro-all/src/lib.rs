// @generated from spec/*.toml by `cargo xtask gen`; do not edit.
//! Every Paypro country crate, for tools that serve or call all of them.

use paypro_core::descriptor::CountryDescriptor;

pub use paypro_bd as bd;
pub use paypro_eg as eg;
pub use paypro_id as id;
pub use paypro_ke as ke;
pub use paypro_mx as mx;

/// Every country, in spec-file order.
pub const COUNTRIES: &[&CountryDescriptor] = &[
    &paypro_bd::advanced::COUNTRY,
    &paypro_eg::advanced::COUNTRY,
    &paypro_id::advanced::COUNTRY,
    &paypro_ke::advanced::COUNTRY,
    &paypro_mx::advanced::COUNTRY,
];

#[rustfmt::skip]
pub mod ops;

/// A country by code (`id`).
pub fn country(code: &str) -> Option<&'static CountryDescriptor> {
    COUNTRIES.iter().copied().find(|c| c.code == code)
}
