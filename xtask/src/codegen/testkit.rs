//! `crates/paypro-testkit/src/generated/`: every endpoint's spec example with the exchange it
//! must produce with the test credentials. Test data, so it lives in the test-support crate
//! that no merchant compiles, not in paypro-all.

use quote::quote;

use super::{Country, Files, rust_file};

pub const DIR: &str = "crates/paypro-testkit/src/generated";

pub fn generate(countries: &[Country], files: &mut Files) {
    let mut examples = Vec::new();
    for c in countries {
        let code = c.code();
        for plan in &c.endpoints {
            let e = plan.spec;
            let name = &e.name;
            // The example as tool input: the request fields, without sign and timestamp.
            let mut input = serde_json::Map::new();
            for (index, text) in &plan.example.values {
                let f = e.request[*index].get_ref();
                let v = match f.wire_type {
                    crate::spec::WireType::Number => {
                        serde_json::Value::from(text.parse::<u64>().expect("amount"))
                    }
                    crate::spec::WireType::String => serde_json::Value::from(text.clone()),
                };
                input.insert(f.wire.clone(), v);
            }
            let input = serde_json::Value::Object(input).to_string();
            let ts = plan.example.timestamp.unwrap_or(0);
            let (body, canonical, sign) = (
                &plan.expected.body,
                &plan.expected.canonical,
                &plan.expected.sign,
            );
            examples.push(quote! {
                Example { country: #code, endpoint: #name, input: #input, timestamp_ms: #ts, body: #body, canonical: #canonical, sign: #sign },
            });
        }
    }
    files.insert(
        format!("{DIR}/mod.rs").into(),
        rust_file(
            "spec/*.toml",
            quote! {
                //! Generated from every country's spec: the request examples.

                /// A spec example and the exchange it must produce with the test credentials
                /// ([`crate::TEST_MERCHANT_NO`], [`crate::TEST_SECRET`]).
                #[derive(Clone, Copy, Debug)]
                pub struct Example {
                    /// Country code.
                    pub country: &'static str,
                    /// Endpoint name.
                    pub endpoint: &'static str,
                    /// The request fields as JSON (no sign, no timestamp).
                    pub input: &'static str,
                    /// The example's timestamp.
                    pub timestamp_ms: u64,
                    /// The body to send.
                    pub body: &'static str,
                    /// The canonical string.
                    pub canonical: &'static str,
                    /// The sign with the test secret.
                    pub sign: &'static str,
                }

                /// Every endpoint's example (the same the snapshot tests pin).
                pub const EXAMPLES: &[Example] = &[#(#examples)*];
            },
        ),
    );
}
