// @generated from spec/eg.toml by `cargo xtask gen`; do not edit.
#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

#[rustfmt::skip]
pub mod advanced;
#[rustfmt::skip]
pub mod balance;
#[cfg(feature = "blocking")]
#[rustfmt::skip]
pub mod blocking;
#[cfg(feature = "client")]
#[rustfmt::skip]
mod client;
#[rustfmt::skip]
mod country;
#[rustfmt::skip]
mod exports;
#[rustfmt::skip]
mod notification;
#[rustfmt::skip]
pub mod pay_in;
#[rustfmt::skip]
pub mod payout;
#[rustfmt::skip]
pub mod query_pay_in;
#[rustfmt::skip]
pub mod query_payout;

pub use exports::*;
