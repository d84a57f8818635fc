//! `crates/paypro-all/src/ops.rs`: every endpoint reachable by country and endpoint name, with
//! JSON in and JSON out, for tools (the CLI); and every spec example with its expected shape.

use quote::quote;

use super::endpoint::type_prefix;
use super::{Country, ident, rust_file};
use crate::names;

pub fn generate(countries: &[Country]) -> String {
    let mut prepare_arms = Vec::new();
    let mut send_arms = Vec::new();
    let mut schema_arms = Vec::new();
    let mut notify_arms = Vec::new();
    let mut notify_schema_arms = Vec::new();
    let mut examples = Vec::new();
    for c in countries {
        let krate = ident(&c.crate_ident());
        let code = c.code();
        for plan in &c.endpoints {
            let e = plan.spec;
            let name = &e.name;
            let module = ident(&names::module(&e.name));
            let request = ident(&format!("{}Request", type_prefix(e)));
            let response = ident(&format!("{}Response", type_prefix(e)));
            prepare_arms.push(quote! { (#code, #name) => prepare_as::<#krate::#module::#request>(json, credentials, timestamp_ms), });
            send_arms.push(
                quote! { (#code, #name) => send_as::<#krate::#module::#request>(client, json), },
            );
            schema_arms.push(quote! {
                (#code, #name) => serde_json::json!({
                    "request": schemars::schema_for!(#krate::#module::#request),
                    "response": schemars::schema_for!(#krate::#module::#response),
                }),
            });
            // The example as CLI input: the request fields, without sign and timestamp.
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
        let n = c.file.spec.notification.get_ref();
        let notification_ty = ident(super::country::notification_type(c));
        notify_schema_arms.push(
            quote! { #code => serde_json::json!(schemars::schema_for!(#krate::#notification_ty)), },
        );
        notify_arms.push(if n.signed {
            quote! {
                #code => Some(match verifier {
                    Some(v) => #krate::Notification::verify(body, v).map(|n| (to_json(&n), true)).map_err(|e| e.to_string()),
                    None => Err("a signed country's notification needs a secret to verify it".to_string()),
                }),
            }
        } else {
            quote! {
                #code => Some(#krate::UnconfirmedNotification::parse(body).map(|n| (to_json(&n), false)).map_err(|e| e.to_string())),
            }
        });
    }
    rust_file(
        "spec/*.toml",
        quote! {
            //! Every endpoint by country and name, JSON in and JSON out: what a command-line tool
            //! needs without knowing the types.

            use paypro_core::notify::Verifier;
            use paypro_core::{Credentials, Endpoint, PreparedRequest};
            use serde::de::DeserializeOwned;

            /// A request turned into its exact HTTP exchange.
            #[derive(Clone, Debug)]
            pub struct Prepared {
                /// The exchange.
                pub request: PreparedRequest,
                /// The canonical string that was signed (without the secret).
                pub canonical: String,
            }

            fn to_json<T: serde::Serialize>(value: &T) -> serde_json::Value {
                serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
            }

            fn prepare_as<E: Endpoint + DeserializeOwned>(
                json: &str,
                credentials: &Credentials,
                timestamp_ms: u64,
            ) -> Result<Prepared, String> {
                let request: E = serde_json::from_str(json).map_err(|e| e.to_string())?;
                let prepared = PreparedRequest::new(&request, credentials, timestamp_ms);
                let canonical = request.canonical_string(prepared.timestamp);
                Ok(Prepared { request: prepared, canonical })
            }

            /// Validates `json` (the request's fields by wire name) for `country`/`endpoint`,
            /// then signs it. `None` when there is no such endpoint; `Err` names the broken rule.
            pub fn prepare(
                country: &str,
                endpoint: &str,
                json: &str,
                credentials: &Credentials,
                timestamp_ms: u64,
            ) -> Option<Result<Prepared, String>> {
                Some(match (country, endpoint) {
                    #(#prepare_arms)*
                    _ => return None,
                })
            }

            /// Why a call through [`send`] failed.
            #[cfg(feature = "blocking")]
            #[derive(Debug)]
            pub enum SendError {
                /// The input is not a valid request (the message names the field and rule).
                Input(String),
                /// The call failed.
                Call(paypro_core::client::Error),
            }

            #[cfg(feature = "blocking")]
            fn send_as<E: Endpoint + DeserializeOwned>(
                client: &paypro_core::client::blocking::Client,
                json: &str,
            ) -> Result<serde_json::Value, SendError>
            where
                E::Response: serde::Serialize,
            {
                let request: E = serde_json::from_str(json).map_err(|e| SendError::Input(e.to_string()))?;
                client.send(&request).map(|reply| to_json(&reply)).map_err(SendError::Call)
            }

            /// Sends `json` to `country`/`endpoint` through `client` (a client for that country)
            /// and returns the typed answer as JSON.
            #[cfg(feature = "blocking")]
            pub fn send(
                client: &paypro_core::client::blocking::Client,
                country: &str,
                endpoint: &str,
                json: &str,
            ) -> Option<Result<serde_json::Value, SendError>> {
                Some(match (country, endpoint) {
                    #(#send_arms)*
                    _ => return None,
                })
            }

            /// JSON Schemas of an endpoint's request (its input fields) and response.
            #[cfg(feature = "schemars")]
            pub fn schema(country: &str, endpoint: &str) -> Option<serde_json::Value> {
                Some(match (country, endpoint) {
                    #(#schema_arms)*
                    _ => return None,
                })
            }

            /// The JSON Schema of `country`'s notification.
            #[cfg(feature = "schemars")]
            pub fn notification_schema(country: &str) -> Option<serde_json::Value> {
                Some(match country {
                    #(#notify_schema_arms)*
                    _ => return None,
                })
            }

            /// Reads a notification body for `country`: verified and parsed where callbacks are
            /// signed (`Ok((json, true))`), parsed but unconfirmed where they are not
            /// (`Ok((json, false))`).
            pub fn notification(
                country: &str,
                body: &[u8],
                verifier: Option<&Verifier>,
            ) -> Option<Result<(serde_json::Value, bool), String>> {
                match country {
                    #(#notify_arms)*
                    _ => None,
                }
            }

            /// A spec example and the exchange it must produce with the test credentials.
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
    )
}
