//! What every country's generated request tests check, written once, with the test
//! credentials ([`crate::TEST_MERCHANT_NO`], [`crate::TEST_SECRET`]).

use crate::{TEST_MERCHANT_NO, TEST_SECRET};
use paypro_core::{Credentials, Endpoint, FieldError, PreparedRequest, Secret, ValidationError};

/// The test merchant.
pub fn test_credentials() -> Credentials {
    Credentials::new(TEST_MERCHANT_NO, test_secret())
}

/// The test secret.
pub fn test_secret() -> Secret {
    Secret::new(TEST_SECRET).expect("the test secret is not blank")
}

/// What a snapshot pins: request line, headers, body, canonical string and sign.
pub fn shape<E: Endpoint>(request: &E, timestamp: u64) -> String {
    let prepared = PreparedRequest::new(request, &test_credentials(), timestamp);
    let canonical = request.canonical_string(prepared.timestamp);
    format!(
        "{prepared}\n\ncanonical: {canonical}\nsign: {}",
        prepared.sign
    )
}

/// The body's keys, in the order they are sent.
pub fn body_keys<E: Endpoint>(request: &E, timestamp: u64) -> Vec<String> {
    let prepared = PreparedRequest::new(request, &test_credentials(), timestamp);
    let body: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&prepared.body).expect("the body is a JSON object");
    body.keys().cloned().collect()
}

/// Builds `T` from JSON input through its builder `B` and returns the broken rules.
pub fn errors_from_json<B, T>(json: &str) -> Vec<FieldError>
where
    B: serde::de::DeserializeOwned + TryInto<T, Error = ValidationError>,
{
    let builder: B = serde_json::from_str(json).expect("builder input is JSON");
    match builder.try_into() {
        Ok(_) => Vec::new(),
        Err(e) => e.errors().to_vec(),
    }
}
