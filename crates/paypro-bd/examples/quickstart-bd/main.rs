// @generated from spec/bd.toml by `cargo xtask gen`; do not edit.
//! The SDK's main job, offline: typed requests for every endpoint, validated and
//! signed, printed as the exact HTTP exchange (nothing is sent).
//!
//! Set `PAYPRO_MERCHANT_NO` and `PAYPRO_SECRET` to sign with your own credentials;
//! otherwise the documented test merchant is used.

#[rustfmt::skip]
mod run;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    run::main()
}
