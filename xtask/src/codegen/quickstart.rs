//! A country crate's `examples/quickstart-<code>/`: the SDK's main job, end to end, offline.

use proc_macro2::TokenStream;
use quote::quote;

use super::endpoint::type_prefix;
use super::tests::builder_chain;
use super::{Country, Files, ident, rust_file};
use crate::names;
use crate::spec::FieldKind;

pub fn generate(country: &Country, root: &str, files: &mut Files) {
    let krate = ident(&country.crate_ident());
    let name = &country.file.spec.country.get_ref().name;
    let steps = country.endpoints.iter().map(|plan| {
        let chain: TokenStream = builder_chain(country, plan, false).parse().expect("chain");
        let title = format!("{} ({})", plan.spec.name, plan.spec.summary);
        quote! {
            let request = #chain;
            show(#title, &request, &credentials, now);
        }
    });
    // Show a rejected input on the first endpoint that has an amount.
    let rejection = country.endpoints.iter().find_map(|plan| {
        let f = plan
            .spec
            .request
            .iter()
            .map(|f| f.get_ref())
            .find(|f| f.kind == FieldKind::Amount)?;
        let setter = ident(&names::field_ident(&f.wire, f.rust.as_deref()));
        let chain: TokenStream = builder_chain(country, plan, false)
            .trim_end_matches(".build()?")
            .trim_end()
            .parse()
            .expect("chain");
        let what = escape_braces(&format!(
            "\n== a request the SDK refuses to send: {} with `{}` = \"12.50\"",
            plan.spec.name, f.wire
        ));
        let _ = type_prefix(plan.spec);
        Some(quote! {
            println!(#what);
            match #chain.#setter("12.50").build() {
                Ok(_) => println!("(unexpectedly accepted)"),
                Err(e) => println!("{e}"),
            }
        })
    });
    let intro = escape_braces(&format!(
        "Paypro {name}: every endpoint's request, built from the docs' example values, validated, signed and printed exactly as it would be sent."
    ));
    files.insert(
        format!("{root}/examples/quickstart-{}/main.rs", country.code()).into(),
        format!(
            "{}//! The SDK's main job, offline: typed requests for every endpoint, validated and\n\
             //! signed, printed as the exact HTTP exchange (nothing is sent).\n\
             //!\n\
             //! Set `PAYPRO_MERCHANT_NO` and `PAYPRO_SECRET` to sign with your own credentials;\n\
             //! otherwise the documented test merchant is used.\n\n\
             #[rustfmt::skip]\nmod run;\n\n\
             fn main() -> Result<(), Box<dyn std::error::Error>> {{\n    run::main()\n}}\n",
            super::rust_header(&country.spec_path())
        ),
    );
    files.insert(
        format!("{root}/examples/quickstart-{}/run.rs", country.code()).into(),
        rust_file(
            &country.spec_path(),
            quote! {
                //! Every endpoint of the country, then a refused request.

                use std::time::{SystemTime, UNIX_EPOCH};

                use #krate::{protocol, Credentials, Endpoint, PreparedRequest};

                fn show<E: Endpoint>(title: &str, request: &E, credentials: &Credentials, now: u64) {
                    let prepared = PreparedRequest::new(request, credentials, now);
                    println!("\n== {title}\n{prepared}");
                    println!("-- canonical string (before the secret): {}", request.canonical_string(prepared.timestamp));
                    println!("-- sign: {}", prepared.sign);
                }

                pub fn main() -> Result<(), Box<dyn std::error::Error>> {
                    let merchant_no = std::env::var("PAYPRO_MERCHANT_NO").unwrap_or_else(|_| protocol::TEST_MERCHANT_NO.to_string());
                    let secret = std::env::var("PAYPRO_SECRET").unwrap_or_else(|_| protocol::TEST_SECRET.to_string());
                    let credentials = Credentials::new(merchant_no, secret);
                    let now = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis() as u64;
                    println!(#intro);
                    println!("credentials: {credentials:?}");
                    #(#steps)*
                    #rejection
                    Ok(())
                }
            },
        ),
    );
}

/// Text usable as a literal format string.
fn escape_braces(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}
