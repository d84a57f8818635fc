// @generated from spec/eg.toml by `cargo xtask gen`; do not edit.
//! The SDK's main job, end to end: a Egypt pay-in against the embedded sandbox, its
//! callback received and verified, the order queried. No credentials, no network.
//!
//! With `PAYPRO_BASE_URL`, `PAYPRO_MERCHANT_NO` and `PAYPRO_SECRET` set, it talks to that
//! gateway instead.

#[rustfmt::skip]
mod run;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    run::main().await
}
