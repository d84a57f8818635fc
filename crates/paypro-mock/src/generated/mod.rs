// @generated from spec/common.toml by `cargo xtask gen`; do not edit.
//! Generated from the shared spec's `[test_credentials]`: the embedded sandbox's
//! merchant. Not a real merchant; the test crates and doc examples use it too.
/// The sandbox's merchant number (`MockConfig::default()`'s merchant).
pub const SANDBOX_MERCHANT_NO: &str = "0000000001";
/// The sandbox's app secret: published on purpose, so never a real one.
pub const SANDBOX_SECRET: &str = "TESTSECRET";
