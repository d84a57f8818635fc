//! ARCHITECTURE.md's invariant "secrets never appear in `Debug`, `Display`, logs or spans",
//! checked on every value that holds one (spans and logs: `tests/tracing.rs`).
#![cfg(feature = "client")]

use crate::support::*;
use paypro_core::client::{Client, Config, blocking};
use paypro_core::notify::Verifier;
use paypro_core::{Credentials, PreparedRequest, Secret, SecretPlacement};

const KEY: &str = "k3y-that-must-never-print";
const OLD_KEY: &str = "old-k3y-that-must-never-print";

fn secret() -> Secret {
    Secret::new(KEY).unwrap()
}

/// Every `Debug` (plain and pretty) and `Display` rendering of a value holding the secret.
fn renderings() -> Vec<(&'static str, String)> {
    let config = Config::new(MERCHANT, secret()).base_url("http://127.0.0.1:9");
    let client = Client::new(&COUNTRY, config.clone()).unwrap();
    let blocking = blocking::Client::new(&COUNTRY, config.clone()).unwrap();
    let credentials = Credentials::new(MERCHANT, secret());
    let prepared = PreparedRequest::new(&pay(), &credentials, 1_700_000_000_000);
    let verifier = Verifier::new(secret()).also_accept(Secret::new(OLD_KEY).unwrap());
    let prepended = secret().with_placement(SecretPlacement::Prepend);
    vec![
        ("Secret Debug", format!("{:?} {:#?}", secret(), secret())),
        ("Secret Display", secret().to_string()),
        ("prepended Secret", format!("{prepended:?} {prepended}")),
        ("Credentials", format!("{credentials:?} {credentials:#?}")),
        ("Config", format!("{config:?} {config:#?}")),
        ("Client", format!("{client:?} {client:#?}")),
        ("blocking Client", format!("{blocking:?}")),
        ("Verifier", format!("{verifier:?} {verifier:#?}")),
        ("PreparedRequest", format!("{prepared:?} {prepared}")),
    ]
}

#[test]
fn no_rendering_of_a_value_holding_a_secret_shows_it() {
    for (what, text) in renderings() {
        for key in [KEY, OLD_KEY] {
            assert!(!text.contains(key), "{what} shows the secret: {text}");
        }
    }
}

/// The check above can fail: the secret's own text is what it looks for.
#[test]
fn the_secret_is_really_there_to_be_hidden() {
    assert_eq!(secret().expose(), KEY);
}
