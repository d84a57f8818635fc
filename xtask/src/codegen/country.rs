//! A country crate: Cargo.toml, README.md, src/, tests/.

use quote::quote;

use super::endpoint::{self, Reading, data_struct, provenance, type_prefix};
use super::{Country, Files, doc_lines, ident, rust_file, tests};
use crate::names;
use crate::spec::{Effect, Provenance, ResponseField};

pub fn generate(country: &Country, files: &mut Files) {
    let root = format!("crates/{}", country.crate_name());
    files.insert(format!("{root}/Cargo.toml").into(), cargo_toml(country));
    files.insert(format!("{root}/README.md").into(), readme(country));
    files.insert(format!("{root}/src/lib.rs").into(), lib_rs(country));
    files.insert(format!("{root}/src/country.rs").into(), country_rs(country));
    files.insert(
        format!("{root}/src/notification.rs").into(),
        notification_rs(country),
    );
    files.insert(format!("{root}/src/exports.rs").into(), exports_rs(country));
    files.insert(
        format!("{root}/src/advanced.rs").into(),
        advanced_rs(country),
    );
    files.insert(
        format!("{root}/src/client.rs").into(),
        super::client::generate(country, super::client::Flavor::Async),
    );
    files.insert(
        format!("{root}/src/blocking.rs").into(),
        super::client::generate(country, super::client::Flavor::Blocking),
    );
    for plan in &country.endpoints {
        files.insert(
            format!("{root}/src/{}.rs", names::module(&plan.spec.name)).into(),
            endpoint::generate(country, plan),
        );
    }
    tests::generate(country, &root, files);
    super::quickstart::generate(country, files);
}

fn c<'a>(country: &Country<'a>) -> &'a crate::spec::Country {
    country.file.spec.country.get_ref()
}

fn cargo_toml(country: &Country) -> String {
    let name = country.crate_name();
    let cn = &c(country).name;
    let keyword = cn.to_lowercase().replace(' ', "-");
    format!(
        r#"# @generated from {spec} by `cargo xtask gen`; do not edit.
[package]
name = "{name}"
description = "Paypro payment gateway SDK for {cn}: typed, validated, signed requests for every documented endpoint."
version.workspace = true
edition.workspace = true
rust-version.workspace = true
license.workspace = true
repository.workspace = true
readme = "README.md"
keywords = ["paypro", "payments", "payouts", "{keyword}"]
categories = ["api-bindings", "finance"]

[lib]
# The generated tests are tests/spec/ and the doctests; the library has no unit tests.
test = false

[features]
default = ["client", "rustls"]
# The HTTP client: `Client`, one async method per endpoint. Without it: types, signing and
# decoding only.
client = ["paypro-core/client"]
# TLS through rustls (default) or the platform's native TLS (additive).
rustls = ["paypro-core/rustls"]
native-tls = ["paypro-core/native-tls"]
# `blocking::Client`, for programs without an async runtime.
blocking = ["paypro-core/blocking"]
{axum_feature}# Derive `schemars::JsonSchema` for every request, response and notification type (additive).
schemars = ["dep:schemars", "paypro-core/schemars"]

[dependencies]
paypro-core.workspace = true
serde.workspace = true
schemars = {{ workspace = true, optional = true }}

[dev-dependencies]
insta.workspace = true
serde_json.workspace = true
# Test support (the loopback test server, the request check, test credentials); never published.
paypro-testkit.workspace = true
paypro-mock.workspace = true
tokio = {{ workspace = true, features = ["macros", "rt", "rt-multi-thread", "time"] }}

[package.metadata.docs.rs]
all-features = true
rustdoc-args = ["--cfg", "docsrs"]

[lints]
workspace = true
"#,
        spec = country.spec_path(),
        axum_feature = if country.file.spec.notification.get_ref().signed {
            "# axum extractors for notifications: `Notified<Notification>` verifies, then parses.\naxum = [\"paypro-core/axum\"]\n"
        } else {
            "# (No `axum` feature: this country's callbacks are unsigned, so there is nothing to verify;\n# read the body with `UnconfirmedNotification::parse` and confirm it with a query.)\n"
        },
    )
}

fn readme(country: &Country) -> String {
    let cc = c(country);
    let krate = country.crate_ident();
    let first = &country.endpoints[0];
    let prefix = type_prefix(first.spec);
    let chain = tests::builder_chain(country, first, false);
    let ts = first.example.timestamp.unwrap_or(0);
    let mut out = format!(
        "<!-- @generated from {spec} by `cargo xtask gen`; do not edit. -->\n# {name}\n\n\
         Typed, validated and signed requests for [Paypro](https://docs.paypro.tech)'s {cn} ({cur}) API: \
         pay-ins, payouts, queries{balance} and payment notifications. Generated from \
         [`{spec}`](../../{spec}); the shared runtime is [`paypro-core`](../paypro-core).\n\n\
         Each endpoint is a module with a request type (built and checked by its builder), a \
         response type (read leniently: numbers or strings, the docs' alternative field names, \
         unknown fields kept in `extra`) and a descriptor. A request is a plain value: \
         [`advanced::PreparedRequest::new`] turns it into the exact HTTP exchange, signed. The crate \
         root holds a merchant's vocabulary; the machinery (signing, the wire, descriptors) is in \
         [`advanced`].\n\n\
         ```rust\nuse {krate}::advanced::{{Credentials, PreparedRequest, Signable}};\n\n\
         let request = {chain};\n\
         let credentials = Credentials::new(\"0000000001\", {krate}::Secret::new(\"TESTSECRET\")?);\n\
         let prepared = PreparedRequest::new(&request, &credentials, {ts});\n\
         println!(\"{{prepared}}\");\n\
         // Why is my sign wrong? Compare the canonical string with the gateway's:\n\
         println!(\"{{}}\", request.canonical_string(prepared.timestamp));\n\
         # let _: &{krate}::{prefix}Request = &request;\n\
         # Ok::<(), Box<dyn std::error::Error>>(())\n```\n\n",
        spec = country.spec_path(),
        name = country.crate_name(),
        cn = cc.name,
        cur = cc.currency,
        balance = if country.endpoints.iter().any(|e| e.spec.name == "balance") {
            ", balance"
        } else {
            ""
        },
    );
    out.push_str(
        "## Calling Paypro\n\n\
         [`Client`] (feature `client`, on by default, TLS by rustls; `native-tls` additive) has one \
         async method per endpoint; `blocking::Client` (feature `blocking`) the same without \
         `async`. A pay-in or payout is sent exactly once; reads are retried on network errors. \
         Every error says whether money may have moved ([`Error::may_have_moved_money`]); after \
         such an error, `reconcile_<endpoint>` asks Paypro what happened before anything is \
         sent again. Without features `client`/`rustls` the crate is types, signing and \
         decoding only.\n\n",
    );
    out.push_str("## Sandbox\n\n");
    match &cc.sandbox_base_url {
        Some(url) => {
            out.push_str(&format!("The docs give the sandbox base URL `{url}`"));
            if let Some(m) = &cc.sandbox_merchant_no {
                out.push_str(&format!(" and the sandbox merchant number `{m}`"));
            }
            out.push_str(".\n\n");
        }
        None => out.push_str(
            "**Unknown.** The docs do not give a sandbox base URL for this country; ask Paypro for it.\n\n",
        ),
    }
    out.push_str("## Endpoints\n\n| endpoint | request type | path | effect | source |\n|---|---|---|---|---|\n");
    for plan in &country.endpoints {
        let e = plan.spec;
        out.push_str(&format!(
            "| `{}` | [`{}Request`] | `{}` | {} | {} |\n",
            e.name,
            type_prefix(e),
            e.path,
            match e.effect {
                Effect::MovesMoney => "moves money",
                Effect::ReadOnly => "read-only",
            },
            match e.provenance {
                Provenance::Documented => "documented",
                Provenance::Inferred => "**inferred** (no page in the docs)",
            }
        ));
    }
    let n = country.file.spec.notification.get_ref();
    out.push_str(&format!(
        "\n## Notifications\n\n{}{}\n",
        if n.signed {
            "Callbacks carry a `sign` over every other field. [`Notification::verify`] checks it on the raw body (with a [`Verifier`], which also takes an old secret during a key rotation) and then parses; answer `OK` ([`ACK`]) once the notification is recorded, and apply each one to the order's stored state ([`Order::apply`]): Paypro retries, and deliveries arrive out of order. With feature `axum`, `Notified<Notification>` is an axum extractor that verifies the body before your handler sees it; `paypro-axum`'s example receiver is one to copy."
        } else {
            "**Callbacks carry no signature** (and no timestamp): anyone who knows the URL can forge one. [`UnconfirmedNotification::parse`] reads one without trusting it; `confirm_pay_in` / `confirm_payout` query Paypro and return what Paypro says only if it agrees with the callback. Act on that, never on the callback."
        },
        if n.provenance == Provenance::Inferred {
            " **Inferred:** the docs' notification page for this country is missing; the fields follow the other countries'."
        } else {
            ""
        }
    ));
    if !cc.notes.is_empty() {
        out.push_str("\n## Notes from the docs\n\n");
        for note in &cc.notes {
            out.push_str(&format!("- {note}\n"));
        }
    }
    out
}

fn lib_rs(country: &Country) -> String {
    let mut modules: Vec<(String, bool)> = country
        .endpoints
        .iter()
        .map(|p| (names::module(&p.spec.name), true))
        .collect();
    modules.extend([
        ("advanced".into(), true),
        ("blocking".into(), true),
        ("client".into(), false),
        ("country".into(), false),
        ("exports".into(), false),
        ("notification".into(), false),
    ]);
    modules.sort();
    let mut out = super::rust_header(&country.spec_path());
    out.push_str("#![doc = include_str!(\"../README.md\")]\n#![warn(missing_docs)]\n\n");
    for (m, public) in modules {
        match m.as_str() {
            "blocking" => out.push_str("#[cfg(feature = \"blocking\")]\n"),
            "client" => out.push_str("#[cfg(feature = \"client\")]\n"),
            _ => {}
        }
        out.push_str("#[rustfmt::skip]\n");
        out.push_str(if public { "pub mod " } else { "mod " });
        out.push_str(&m);
        out.push_str(";\n");
    }
    out.push_str("\npub use exports::*;\n");
    out
}

fn exports_rs(country: &Country) -> String {
    let notification_ty = ident(notification_type(country));
    let signed = country.file.spec.notification.get_ref().signed;
    // The extractors only where there is a signature to verify (see `cargo_toml`).
    let axum_exports = if signed {
        quote! {
            #[cfg(feature = "axum")]
            #[doc(inline)]
            pub use paypro_core::extract::{Notified, Rejection, VerifiedNotification};
        }
    } else {
        quote!()
    };
    // An unsigned callback is acted on only once a query confirmed it.
    let confirm = if signed {
        quote!()
    } else {
        quote! {
            #[cfg(feature = "client")]
            #[doc(inline)]
            pub use paypro_core::notify::{ConfirmError, Confirmed};
        }
    };
    let items = country.endpoints.iter().map(|p| {
        let m = ident(&names::module(&p.spec.name));
        let prefix = type_prefix(p.spec);
        let req = ident(&format!("{prefix}Request"));
        let b = ident(&format!("{prefix}Builder"));
        let r = ident(&format!("{prefix}Response"));
        quote!(pub use crate::#m::{#b, #req, #r};)
    });
    rust_file(
        &country.spec_path(),
        quote! {
            //! What the crate root re-exports: a merchant's vocabulary. The machinery (signing,
            //! prepared requests, descriptors, raw objects) is in [`crate::advanced`].
            #(#items)*
            #[cfg(feature = "client")]
            pub use crate::client::Client;
            // Inlined: the crate's docs are whole without paypro-core's (`cargo doc --no-deps`).
            #[cfg(feature = "client")]
            #[doc(inline)]
            pub use paypro_core::client::{
                Config, ConfigError, Error, ReconcileOptions, Reconciled, Reply, RetryPolicy,
            };
            #[doc(inline)]
            pub use paypro_core::notify::{sign_body, Flow, NotifyError, Verified, Verifier, ACK};
            #confirm
            #[doc(inline)]
            pub use paypro_core::order::{Action, Event, Ignored, Order, OrderState, OrderStore};
            #axum_exports
            pub use crate::notification::#notification_ty;
            #[doc(inline)]
            pub use paypro_core::{
                is_fully_paid, Amount, AmountError, Decimal, Extra, FailureCode, FieldError,
                Secret, SecretError, SecretPlacement, Status, ValidationError,
            };
        },
    )
}

/// `src/advanced.rs`: the machinery under the merchant's vocabulary, in one marked module.
fn advanced_rs(country: &Country) -> String {
    rust_file(
        &country.spec_path(),
        quote! {
            //! The SDK's machinery: what the client does for you, for tools, tests and
            //! integrations that need the wire itself. Everyday code needs only the crate root.
            //!
            //! - Signing: [`Signable`], [`Sign`], [`WireValue`], [`JsonOut`]; a request's
            //!   exact exchange, [`PreparedRequest`] with [`Credentials`].
            //! - Reading answers: [`Envelope`], [`FromRaw`], [`RawObject`], [`DecodeError`].
            //! - The spec as data: [`COUNTRY`], [`NOTIFICATION`], [`descriptor`], [`protocol`].
            //! - Time: [`Clock`], [`FixedClock`], [`SystemClock`] (`Config::clock`).
            pub use crate::country::COUNTRY;
            pub use crate::notification::NOTIFICATION;
            #[cfg(feature = "client")]
            #[doc(inline)]
            pub use paypro_core::client::{Clock, FixedClock, SystemClock};
            #[doc(inline)]
            pub use paypro_core::{
                descriptor, notify, order, protocol, Credentials, DecodeError, Endpoint, Envelope,
                FromRaw, JsonOut, PreparedRequest, Problem, RawError, RawObject, Sign, Signable,
                WireValue,
            };
        },
    )
}

fn country_rs(country: &Country) -> String {
    let cc = c(country);
    let (code, name, currency) = (&cc.code, &cc.name, &cc.currency);
    let sandbox = match &cc.sandbox_base_url {
        Some(u) => quote!(Some(#u)),
        None => quote!(None),
    };
    let endpoints = country.endpoints.iter().map(|p| {
        let m = ident(&names::module(&p.spec.name));
        quote!(&crate::#m::DESCRIPTOR)
    });
    let sandbox_doc = match &cc.sandbox_base_url {
        Some(u) => format!("Sandbox: `{u}`."),
        None => "Sandbox: unknown (the docs give no URL).".to_string(),
    };
    let doc = doc_lines(&format!(
        "{name}: every endpoint and the notification, as data.\n\n{sandbox_doc}"
    ));
    rust_file(
        &country.spec_path(),
        quote! {
            //! The country descriptor.
            use paypro_core::descriptor::CountryDescriptor;

            #doc
            pub const COUNTRY: CountryDescriptor = CountryDescriptor {
                code: #code,
                name: #name,
                currency: #currency,
                sandbox_base_url: #sandbox,
                endpoints: &[#(#endpoints),*],
                notification: &crate::notification::NOTIFICATION,
            };
        },
    )
}

/// The notification's type name: `Notification`, or `UnconfirmedNotification` where callbacks
/// carry no signature (the name says what it is).
pub fn notification_type(country: &Country) -> &'static str {
    if country.file.spec.notification.get_ref().signed {
        "Notification"
    } else {
        "UnconfirmedNotification"
    }
}

/// `confirm_*` methods of an unsigned notification (one per query endpoint that confirms a
/// money-moving one), and the free functions they use.
fn confirm_methods(
    country: &Country,
    fields: &[&ResponseField],
) -> (proc_macro2::TokenStream, proc_macro2::TokenStream) {
    use crate::spec::ValueKind;
    let mut targets: Vec<&str> = country
        .endpoints
        .iter()
        .filter_map(|p| p.spec.reconcile_with.as_deref())
        .collect();
    targets.sort();
    targets.dedup();
    let mut methods = proc_macro2::TokenStream::new();
    let mut helpers = proc_macro2::TokenStream::new();
    for target in targets {
        let query = country
            .endpoints
            .iter()
            .find(|p| p.spec.name == target)
            .expect("checked")
            .spec;
        let prefix = type_prefix(query);
        let qrequest = ident(&format!("{prefix}Request"));
        let qresponse = ident(&format!("{prefix}Response"));
        let qmethod = ident(&names::module(&query.name));
        let short = names::module(query.name.strip_prefix("query-").unwrap_or(&query.name));
        let mut compared = Vec::new();
        let checks: Vec<_> = fields
            .iter()
            .filter(|f| matches!(f.kind, ValueKind::Text | ValueKind::Decimal | ValueKind::Status))
            .filter_map(|f| {
                let other = query
                    .response
                    .iter()
                    .map(|r| r.get_ref())
                    .find(|r| r.wire == f.wire && r.kind == f.kind)?;
                let mine = ident(&names::field_ident(&f.wire, f.rust.as_deref()));
                let theirs = ident(&names::field_ident(&other.wire, other.rust.as_deref()));
                let wire = &f.wire;
                compared.push(format!("`{wire}`"));
                Some(match f.kind {
                    ValueKind::Status => quote! {
                        confirm_field(#wire, claimed.#mine.as_ref().map(Status::code), actual.#theirs.as_ref().map(Status::code), true)?;
                    },
                    _ => quote! {
                        confirm_field(#wire, claimed.#mine.as_ref(), actual.#theirs.as_ref(), false)?;
                    },
                })
            })
            .collect();
        let doc = doc_lines(&format!(
            "Confirms the callback with `{target}`: queries its `tradeNo` and checks that Paypro's answer agrees on {} (the status must be present and equal). Act on the returned [`Confirmed::actual`], not on the callback.",
            compared.join(", ")
        ));
        let name = ident(&format!("confirm_{short}"));
        let name_blocking = ident(&format!("confirm_{short}_blocking"));
        let check = ident(&format!("check_{short}"));
        let build = ident(&format!("{short}_query"));
        methods.extend(quote! {
            #doc
            #[cfg(feature = "client")]
            pub async fn #name(self, client: &crate::Client) -> Result<Confirmed<Self, crate::#qresponse>, ConfirmError> {
                let actual = client.#qmethod(&#build(&self)?).await?;
                #check(&self, &actual.data)?;
                Ok(Confirmed::new(self, actual))
            }

            #doc
            #[cfg(feature = "blocking")]
            pub fn #name_blocking(self, client: &crate::blocking::Client) -> Result<Confirmed<Self, crate::#qresponse>, ConfirmError> {
                let actual = client.#qmethod(&#build(&self)?)?;
                #check(&self, &actual.data)?;
                Ok(Confirmed::new(self, actual))
            }
        });
        helpers.extend(quote! {
            #[cfg(feature = "client")]
            fn #build(claimed: &UnconfirmedNotification) -> Result<crate::#qrequest, ConfirmError> {
                let trade_no = claimed.trade_no.clone().ok_or(ConfirmError::NoTradeNo)?;
                crate::#qrequest::builder()
                    .trade_no(trade_no)
                    .build()
                    .map_err(|e| ConfirmError::Query(e.into()))
            }

            #[cfg(feature = "client")]
            fn #check(claimed: &UnconfirmedNotification, actual: &crate::#qresponse) -> Result<(), ConfirmError> {
                #(#checks)*
                Ok(())
            }
        });
    }
    (methods, helpers)
}

fn notification_rs(country: &Country) -> String {
    let n = country.file.spec.notification.get_ref();
    let fields: Vec<&ResponseField> = n.field.iter().map(|f| f.get_ref()).collect();
    let mut doc = format!(
        "A payment notification (callback) for a pay-in or payout result, as Paypro POSTs it to the `notifyUrl`.\n\nAnswer with the plain text [`{}`](crate::ACK), or Paypro retries (8 times in 24 h). Retries mean duplicates, and deliveries can arrive out of order: apply each one to the order's stored state, keyed by `tradeNo`, so that a duplicate, a stale status or a downgrade after success is ignored.\n\nReading is strict, because anyone can POST to a notify URL and empty values are not signed: an empty value reads as absent, two spellings of one field are refused, every value is checked against its kind (a status is 4 to 7 digits), a value containing `name=` for a field name is refused as spliced, and a callback without its required fields cannot be parsed.",
        country.common.protocol.notify_ack
    );
    if n.signed {
        doc.push_str("\n\nCallbacks carry `sign` over every other field (including ones this type does not know); verify it on the raw body before parsing.");
    } else {
        doc.push_str("\n\n**Unsigned:** this country's callbacks carry no `sign` and no `timestamp`, so anyone who knows the URL can forge one. Before acting on a callback, query the order and compare its tradeNo, amount and status.");
    }
    if n.provenance == Provenance::Inferred {
        doc.push_str("\n\n**Inferred:** the docs' notification page for this country is missing; these fields follow the other countries' pages.");
    }
    doc.push_str(&super::source_line(&n.source, &country.spec_path()));
    if !n.notes.is_empty() {
        doc.push_str("\n\nNotes from the docs:\n");
        for note in &n.notes {
            doc.push_str(&format!("\n- {note}"));
        }
    }
    let type_name = ident(notification_type(country));
    let body = data_struct(
        &type_name,
        &doc,
        &fields,
        &ident("FIELDS"),
        &country.common.protocol.status_message_fields,
        Reading::Notification,
    );
    let (signed, timestamped) = (n.signed, n.timestamped);
    let extra = if n.signed {
        quote! {
            /// Paypro signs this country's callbacks: a verified body can be read as one.
            impl paypro_core::notify::SignedNotification for Notification {}

            impl Notification {
                /// Verifies a raw callback body with `verifier` and parses it: the one-call form of
                /// [`Verifier::verify`](crate::Verifier::verify) then [`Verified::parse`](crate::Verified::parse)
                /// ([`Verifier::verify_and_parse`](crate::Verifier::verify_and_parse), which keeps no copy of the body).
                pub fn verify(body: &[u8], verifier: &paypro_core::notify::Verifier) -> Result<Self, paypro_core::notify::NotifyError> {
                    verifier.verify_and_parse(body)
                }
            }
        }
    } else {
        let (methods, helpers) = confirm_methods(country, &fields);
        quote! {
            use paypro_core::notify::{read_unsigned, NotifyError, Verifier};
            #[cfg(feature = "client")]
            use paypro_core::notify::{confirm_field, ConfirmError, Confirmed};
            #[cfg(feature = "client")]
            use paypro_core::Status;

            impl UnconfirmedNotification {
                /// Reads a callback body (at most 64 KiB, a JSON object without repeated keys).
                /// Nothing in it is trusted: this country's callbacks carry no signature.
                pub fn parse(body: &[u8]) -> Result<Self, NotifyError> {
                    read_unsigned(body, Verifier::DEFAULT_MAX_BODY_BYTES)
                }

                #methods
            }

            #helpers
        }
    };
    let prov = provenance(n.provenance);
    let mut imports = endpoint::DATA_STRUCT_IMPORTS.to_vec();
    imports.extend([
        "paypro_core::descriptor::NotificationDescriptor",
        "paypro_core::descriptor::Provenance",
        "serde::Serialize",
    ]);
    let imports = super::merged_uses(&imports);
    rust_file(
        &country.spec_path(),
        quote! {
            //! The payment notification.
            #imports

            /// What the spec says about this country's notifications.
            pub const NOTIFICATION: NotificationDescriptor = NotificationDescriptor {
                signed: #signed,
                timestamped: #timestamped,
                provenance: #prov,
                fields: FIELDS,
            };

            #body

            #extra
        },
    )
}
