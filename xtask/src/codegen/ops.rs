//! `crates/paypro-all/src/ops.rs`: every endpoint reachable by country and endpoint name, with
//! JSON in and JSON out, for tools (the CLI); and the spec's notification examples (`notify
//! send`). The request examples with their expected exchange are test data, paypro-testkit's
//! (`super::testkit`).

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
    let mut notification_examples = Vec::new();
    for c in countries {
        let krate = ident(&c.crate_ident());
        let code = c.code();
        for plan in &c.endpoints {
            let e = plan.spec;
            let name = &e.name;
            let module = ident(&names::module(&e.name));
            let request = ident(&format!("{}Request", type_prefix(e)));
            let builder = ident(&format!("{}Builder", type_prefix(e)));
            let response = ident(&format!("{}Response", type_prefix(e)));
            prepare_arms.push(quote! {
                (#code, #name) => prepare_as::<#krate::#module::#builder, #krate::#module::#request>(json, credentials, timestamp_ms),
            });
            send_arms.push(quote! {
                (#code, #name) => send_as::<#krate::#module::#builder, #krate::#module::#request>(client, json),
            });
            schema_arms.push(quote! {
                (#code, #name) => serde_json::json!({
                    "request": schemars::schema_for!(#krate::#module::#request),
                    "response": schemars::schema_for!(#krate::#module::#response),
                }),
            });
        }
        let n = c.file.spec.notification.get_ref();
        if let Some(example) = &n.example {
            let example = example.get_ref();
            let origin = match example.origin {
                crate::spec::Origin::Docs => "docs",
                crate::spec::Origin::DocsPartial => "docs-partial",
                crate::spec::Origin::Constructed => "constructed",
            };
            let json = example.json.trim();
            notification_examples.push(quote! {
                NotificationExample { country: #code, origin: #origin, json: #json },
            });
        }
        let notification_ty = ident(super::country::notification_type(c));
        notify_schema_arms.push(
            quote! { #code => serde_json::json!(schemars::schema_for!(#krate::#notification_ty)), },
        );
        notify_arms.push(if n.signed {
            quote! {
                #code => read_signed::<#krate::#notification_ty>(#code, body, verifier, |n| &n.extra),
            }
        } else {
            quote! {
                #code => read_unsigned(#code, body, #krate::#notification_ty::parse(body), |n| &n.extra),
            }
        });
    }
    // Each reader only where some country needs it (a generated crate has no dead code).
    let any_signed = countries
        .iter()
        .any(|c| c.file.spec.notification.get_ref().signed);
    let any_unsigned = countries
        .iter()
        .any(|c| !c.file.spec.notification.get_ref().signed);
    let read_signed_fn = if any_signed {
        quote! {
            fn read_signed<N: paypro_core::notify::SignedNotification>(
                country: &'static str,
                body: &[u8],
                verifier: Option<&Verifier>,
                unread: fn(&N) -> &Extra,
            ) -> Result<ReceivedNotification, OpsError> {
                let verifier = verifier.ok_or(OpsError::NeedsSecret { country })?;
                let verified: Verified = verifier.verify(body)?;
                let notification: N = verified.parse().map_err(OpsError::Unusable)?;
                Ok(ReceivedNotification::split(verified.fields().clone(), unread(&notification)))
            }

        }
    } else {
        quote!()
    };
    let read_unsigned_fn = if any_unsigned {
        quote! {
            fn read_unsigned<N>(
                country: &'static str,
                body: &[u8],
                parsed: Result<N, NotifyError>,
                unread: fn(&N) -> &Extra,
            ) -> Result<ReceivedNotification, OpsError> {
                let notification = parsed?;
                // `parsed` read this same body, so neither step below can fail.
                let text = std::str::from_utf8(body)
                    .map_err(|e| NotifyError::NotJson(e.to_string()))?;
                let fields = RawObject::read(text, "body")
                    .map_err(|e| NotifyError::NotJson(e.to_string()))?;
                Err(OpsError::Unsigned {
                    country,
                    received: Box::new(ReceivedNotification::split(fields, unread(&notification))),
                })
            }
        }
    } else {
        quote!()
    };
    rust_file(
        "spec/*.toml",
        quote! {
            //! Every endpoint by country and name, JSON in and JSON out: what a command-line tool
            //! needs without knowing the types. Every failure is an [`OpsError`] variant, so a
            //! tool decides what to do from the variant, never from a message.

            use std::fmt;

            use paypro_core::notify::{NotifyError, Verified, Verifier};
            use paypro_core::{
                Credentials, DecodeError, Endpoint, Extra, PreparedRequest, RawObject,
                ValidationError,
            };
            use serde::de::DeserializeOwned;
            use serde_json::value::RawValue;

            /// Why an operation of this module failed.
            #[derive(Debug)]
            #[non_exhaustive]
            pub enum OpsError {
                /// No country has this code.
                UnknownCountry {
                    /// The code given.
                    country: String,
                },
                /// The country has no endpoint by this name.
                UnknownEndpoint {
                    /// The country's code.
                    country: &'static str,
                    /// The name given.
                    endpoint: String,
                },
                /// The request fields do not fit the endpoint: not a JSON object, a value of the
                /// wrong JSON type, or a field the endpoint does not have (serde's message names
                /// it). Nothing was sent.
                NotRequestFields(serde_json::Error),
                /// Fields break the spec's rules; the error names each field and rule. Nothing
                /// was sent.
                Invalid(ValidationError),
                /// The body is not a notification: over the size limit, not JSON, not an
                /// object, a key given twice, or too many fields.
                NotANotification(NotifyError),
                /// The signature is missing, malformed, or does not match the secret: the
                /// notification is forged or altered (or the secret is wrong).
                BadSignature(NotifyError),
                /// The notification was refused for another reason (e.g. its timestamp).
                Refused(NotifyError),
                /// The signature checked out (or, unsigned, the body was read) but the fields
                /// cannot be acted on: two spellings of one field, a value of the wrong kind, a
                /// value spliced from two fields, or a required field missing.
                Unusable(DecodeError),
                /// The country's notifications are signed and no secret was given to verify one.
                NeedsSecret {
                    /// The country's code.
                    country: &'static str,
                },
                /// The country's notifications carry no signature: nothing in this one is
                /// verified. Its fields are here, read but not trusted; confirm it with a query.
                Unsigned {
                    /// The country's code.
                    country: &'static str,
                    /// What arrived.
                    received: Box<ReceivedNotification>,
                },
                /// The call failed; the error says whether money may have moved.
                #[cfg(feature = "client")]
                Call(paypro_core::client::Error),
                /// The call succeeded but its answer cannot be written as JSON.
                Unprintable(serde_json::Error),
            }

            impl fmt::Display for OpsError {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    match self {
                        OpsError::UnknownCountry { country } => {
                            let known: Vec<&str> = crate::COUNTRIES.iter().map(|c| c.code).collect();
                            write!(f, "unknown country `{country}`: use one of {}", known.join(", "))
                        }
                        OpsError::UnknownEndpoint { country, endpoint } => {
                            write!(f, "unknown endpoint `{endpoint}` for country `{country}`")
                        }
                        OpsError::NotRequestFields(e) => {
                            write!(f, "the request fields do not fit the endpoint: {e}; nothing was sent")
                        }
                        OpsError::Invalid(e) => write!(f, "{e}; nothing was sent"),
                        OpsError::NotANotification(e) | OpsError::BadSignature(e) | OpsError::Refused(e) => {
                            write!(f, "{e}")
                        }
                        OpsError::Unusable(e) => {
                            write!(f, "the notification cannot be acted on: {e}")
                        }
                        OpsError::NeedsSecret { country } => write!(
                            f,
                            "country `{country}` signs its notifications: a secret is needed to verify one"
                        ),
                        OpsError::Unsigned { country, .. } => write!(
                            f,
                            "country `{country}` does not sign its notifications: nothing in this one is verified"
                        ),
                        #[cfg(feature = "client")]
                        OpsError::Call(e) => write!(f, "{e}"),
                        OpsError::Unprintable(e) => {
                            write!(f, "the call succeeded but its answer cannot be written as JSON: {e}")
                        }
                    }
                }
            }

            impl std::error::Error for OpsError {
                fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                    match self {
                        OpsError::NotRequestFields(e) | OpsError::Unprintable(e) => Some(e),
                        OpsError::Invalid(e) => Some(e),
                        OpsError::NotANotification(e) | OpsError::BadSignature(e) | OpsError::Refused(e) => {
                            Some(e)
                        }
                        OpsError::Unusable(e) => Some(e),
                        #[cfg(feature = "client")]
                        OpsError::Call(e) => Some(e),
                        _ => None,
                    }
                }
            }

            impl From<NotifyError> for OpsError {
                fn from(e: NotifyError) -> Self {
                    match e {
                        NotifyError::TooLarge { .. }
                        | NotifyError::NotJson(_)
                        | NotifyError::NotAnObject(_)
                        | NotifyError::DuplicateKey(_)
                        | NotifyError::TooManyFields { .. } => OpsError::NotANotification(e),
                        NotifyError::Unusable(e) => OpsError::Unusable(e),
                        NotifyError::MissingSign | NotifyError::MalformedSign | NotifyError::BadSign => {
                            OpsError::BadSignature(e)
                        }
                        _ => OpsError::Refused(e),
                    }
                }
            }

            /// `UnknownCountry` or `UnknownEndpoint`, whichever is true.
            fn unknown(country: &str, endpoint: &str) -> OpsError {
                match crate::country(country) {
                    Some(c) => OpsError::UnknownEndpoint { country: c.code, endpoint: endpoint.to_string() },
                    None => OpsError::UnknownCountry { country: country.to_string() },
                }
            }

            /// A request turned into its exact HTTP exchange.
            #[derive(Clone, Debug)]
            pub struct Prepared {
                /// The exchange.
                pub request: PreparedRequest,
                /// The canonical string that was signed (without the secret).
                pub canonical: String,
            }

            /// Reads the request fields through the endpoint's builder, so every rule is checked
            /// and a broken one is named (`Invalid`).
            fn request_from<B: DeserializeOwned, E: TryFrom<B, Error = ValidationError>>(
                json: &str,
            ) -> Result<E, OpsError> {
                let builder: B = serde_json::from_str(json).map_err(OpsError::NotRequestFields)?;
                E::try_from(builder).map_err(OpsError::Invalid)
            }

            fn prepare_as<B: DeserializeOwned, E: Endpoint + TryFrom<B, Error = ValidationError>>(
                json: &str,
                credentials: &Credentials,
                timestamp_ms: u64,
            ) -> Result<Prepared, OpsError> {
                let request: E = request_from::<B, E>(json)?;
                let prepared = PreparedRequest::new(&request, credentials, timestamp_ms);
                let canonical = request.canonical_string(prepared.timestamp);
                Ok(Prepared { request: prepared, canonical })
            }

            /// Validates `json` (the request's fields by wire name) for `country`/`endpoint`,
            /// then signs it.
            pub fn prepare(
                country: &str,
                endpoint: &str,
                json: &str,
                credentials: &Credentials,
                timestamp_ms: u64,
            ) -> Result<Prepared, OpsError> {
                match (country, endpoint) {
                    #(#prepare_arms)*
                    _ => Err(unknown(country, endpoint)),
                }
            }

            #[cfg(feature = "blocking")]
            fn send_as<B: DeserializeOwned, E: Endpoint + TryFrom<B, Error = ValidationError>>(
                client: &paypro_core::client::blocking::Client,
                json: &str,
            ) -> Result<Box<RawValue>, OpsError>
            where
                E::Response: serde::Serialize,
            {
                let request: E = request_from::<B, E>(json)?;
                let reply = client.send(&request).map_err(OpsError::Call)?;
                serde_json::value::to_raw_value(&reply).map_err(OpsError::Unprintable)
            }

            /// Sends `json` to `country`/`endpoint` through `client` (a client for that country)
            /// and returns the typed answer as JSON text (received values keep their text).
            #[cfg(feature = "blocking")]
            pub fn send(
                client: &paypro_core::client::blocking::Client,
                country: &str,
                endpoint: &str,
                json: &str,
            ) -> Result<Box<RawValue>, OpsError> {
                match (country, endpoint) {
                    #(#send_arms)*
                    _ => Err(unknown(country, endpoint)),
                }
            }

            /// JSON Schemas of an endpoint's request (its input fields) and response.
            #[cfg(feature = "schemars")]
            pub fn schema(country: &str, endpoint: &str) -> Result<serde_json::Value, OpsError> {
                Ok(match (country, endpoint) {
                    #(#schema_arms)*
                    _ => return Err(unknown(country, endpoint)),
                })
            }

            /// The JSON Schema of `country`'s notification.
            #[cfg(feature = "schemars")]
            pub fn notification_schema(country: &str) -> Result<serde_json::Value, OpsError> {
                Ok(match country {
                    #(#notify_schema_arms)*
                    _ => return Err(OpsError::UnknownCountry { country: country.to_string() }),
                })
            }

            /// A notification's fields exactly as received (each value's JSON text byte for
            /// byte), split by whether the country's notification type reads them, so a typed
            /// field and an unknown one never share a place.
            #[derive(Clone, Debug)]
            #[non_exhaustive]
            pub struct ReceivedNotification {
                /// The fields the country's notification type reads, under the name they
                /// arrived with, in arrival order.
                pub typed: Vec<(String, Box<RawValue>)>,
                /// The fields it does not read (unknown to the spec, or a second spelling of a
                /// field already read), in arrival order.
                pub unknown: Vec<(String, Box<RawValue>)>,
            }

            impl ReceivedNotification {
                fn split(fields: RawObject, unread: &Extra) -> Self {
                    let (unknown, typed) = fields
                        .into_entries()
                        .into_iter()
                        .partition(|(key, _)| unread.get(key).is_some());
                    ReceivedNotification { typed, unknown }
                }
            }

            #read_signed_fn

            #read_unsigned_fn

            /// Reads a notification body for `country`. `Ok` only when its signature was
            /// verified with `verifier`; a country whose callbacks are unsigned gives
            /// [`OpsError::Unsigned`] with the fields, read but not trusted.
            pub fn notification(
                country: &str,
                body: &[u8],
                verifier: Option<&Verifier>,
            ) -> Result<ReceivedNotification, OpsError> {
                match country {
                    #(#notify_arms)*
                    _ => Err(OpsError::UnknownCountry { country: country.to_string() }),
                }
            }

            /// A country's notification (callback) example from the spec, as the docs print
            /// it (its `sign` is the docs' placeholder, not a signature).
            #[derive(Clone, Copy, Debug)]
            pub struct NotificationExample {
                /// Country code.
                pub country: &'static str,
                /// Where it comes from: `docs`, `docs-partial` (completed from a sibling
                /// country's page, see the spec's note) or `constructed`.
                pub origin: &'static str,
                /// The JSON body.
                pub json: &'static str,
            }

            /// The notification example of every country whose spec has one.
            pub const NOTIFICATION_EXAMPLES: &[NotificationExample] = &[#(#notification_examples)*];
        },
    )
}
