//! Test support for paypro-rs's own tests (never published; merchants never compile it).
//!
//! - [`TestServer`]: a loopback HTTP server whose every answer a test decides (JSON, text, an
//!   HTML error page, a body cut short, a drip, a redirect, no answer at all), recording each
//!   request; or, for load runs and benchmarks ([`TestServer::counting`]), only counting them,
//!   with keep-alive connections.
//! - [`checked_answer`]: answers only a request the embedded sandbox would accept, by the
//!   sandbox's own check ([`paypro_mock::checks::check`]): one request checker.
//! - [`TEST_MERCHANT_NO`], [`TEST_SECRET`]: the embedded sandbox's merchant, which every test
//!   and snapshot signs with.
//! - [`requests`] (what every generated request test checks), [`values`], [`replay`] (what an
//!   attacker can make of a captured callback), [`fuzz`] / [`check_cases`], and [`EXAMPLES`]
//!   (every endpoint's spec example with the exchange it must produce).
//! - [`break_sandbox_state`]: the sandbox's state broken as a panic would leave it.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! use paypro_testkit::{Answer, TestServer};
//! let server = TestServer::start(|request| {
//!     assert_eq!(request.path, "/v1/paypro/queryBalance");
//!     Answer::json(r#"{"code":"0000","msg":"success","data":{"availableAmount":"10.00"}}"#)
//! })
//! .await;
//! assert!(server.url().starts_with("http://127.0.0.1:"));
//! # }
//! ```

mod check;
mod fuzz;
#[rustfmt::skip]
mod generated;
pub mod replay;
pub mod requests;
mod server;
pub mod values;

pub use check::{checked_answer, refusal};
pub use fuzz::{check_cases, fuzz, fuzz_budget};
pub use generated::{EXAMPLES, Example};
pub use server::{Answer, Received, TestServer};

/// proptest, for generated property tests (`paypro_testkit::proptest::prelude::*`).
pub use proptest;

/// The test merchant: the embedded sandbox's ([`paypro_mock::SANDBOX_MERCHANT_NO`]).
pub const TEST_MERCHANT_NO: &str = paypro_mock::SANDBOX_MERCHANT_NO;
/// The test secret: the embedded sandbox's ([`paypro_mock::SANDBOX_SECRET`]).
pub const TEST_SECRET: &str = paypro_mock::SANDBOX_SECRET;

/// Breaks `gateway`'s state the way a panic while it is being changed does, so that a test can
/// see every endpoint report it.
pub fn break_sandbox_state(gateway: &paypro_mock::MockGateway) {
    gateway.break_state_for_tests();
}
