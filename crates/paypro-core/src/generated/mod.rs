// @generated from spec/common.toml by `cargo xtask gen`; do not edit.
//! Generated from the shared spec: protocol constants and status codes.
#[rustfmt::skip]
pub mod protocol;
#[rustfmt::skip]
pub mod status;
