//! A country crate's `src/client.rs` and `src/blocking.rs`: one method per endpoint.

use proc_macro2::TokenStream;
use quote::quote;

use super::endpoint::{call_line, type_prefix};
use super::tests::builder_chain;
use super::{Country, EndpointPlan, doc_lines, ident, rust_file};
use crate::names;
use crate::spec::Effect;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    Async,
    Blocking,
}

fn base_url_doc(country: &Country) -> String {
    let c = country.file.spec.country.get_ref();
    match &c.sandbox_base_url {
        Some(url) => format!(
            "Without [`Config::base_url`] it talks to the {} sandbox, `{url}`; set the production URL Paypro gives you to move real money.",
            c.name
        ),
        None => format!(
            "The docs give no sandbox URL for {}, so [`Config::base_url`] is required: without it `new` fails with [`ConfigError::NoBaseUrl`].",
            c.name
        ),
    }
}

fn method(country: &Country, plan: &EndpointPlan, flavor: Flavor) -> TokenStream {
    let e = plan.spec;
    let prefix = type_prefix(e);
    let name = ident(&names::module(&e.name));
    let request = ident(&format!("{prefix}Request"));
    let response = ident(&format!("{prefix}Response"));
    let mut doc = format!("`{}`: {}\n\n{}", e.name, e.summary, call_line(e));
    doc.push_str(match e.effect {
        Effect::MovesMoney => "\n\nSent exactly once, never retried. On an error where [`Error::may_have_moved_money`] is true, the order may exist: reconcile before sending it again.",
        Effect::ReadOnly => "\n\nRetried on `NotSent` and `Unknown` within the configured `RetryPolicy`.",
    });
    let krate = country.crate_ident();
    if flavor == Flavor::Async {
        let chain = builder_chain(country, plan, false);
        doc.push_str(&format!(
            "\n\n```no_run\n# async fn demo() -> Result<(), Box<dyn std::error::Error>> {{\nuse {krate}::{{Client, Config, Secret}};\n\nlet client = Client::new(Config::new(\"0000000001\", Secret::new(\"app-secret\")?).base_url(\"https://gateway.example\"))?;\nlet request = {chain};\nlet reply = client.{name}(&request).await?;\nprintln!(\"{{:?}}\", reply.data);\n# Ok(())\n# }}\n```"
        ));
    }
    let doc = doc_lines(&doc);
    let reconcile = e.reconcile_with.as_ref().map(|target| {
        let query = country.endpoints.iter().find(|p| p.spec.name == *target).expect("checked").spec;
        let qprefix = type_prefix(query);
        let qrequest = ident(&format!("{qprefix}Request"));
        let qresponse = ident(&format!("{qprefix}Response"));
        let rname = ident(&format!("reconcile_{}", names::module(&e.name)));
        let rdoc = doc_lines(&format!(
            "After an uncertain [`Self::{name}`] (an error where [`Error::may_have_moved_money`] is true), finds out what happened: sends `{target}` for `trade_no` until the order's status is final or `options.deadline` passes."
        ));
        let (asyncness, awaiting) = match flavor {
            Flavor::Async => (quote!(async), quote!(.await)),
            Flavor::Blocking => (quote!(), quote!()),
        };
        quote! {
            #rdoc
            pub #asyncness fn #rname(
                &self,
                trade_no: impl Into<String>,
                options: ReconcileOptions,
            ) -> Result<Reconciled<#qresponse>, Error> {
                let query = #qrequest::builder().trade_no(trade_no).build()?;
                self.inner.reconcile(&query, |r| r.status.as_ref(), options) #awaiting
            }
        }
    });
    let (asyncness, awaiting) = match flavor {
        Flavor::Async => (quote!(async), quote!(.await)),
        Flavor::Blocking => (quote!(), quote!()),
    };
    quote! {
        #doc
        pub #asyncness fn #name(&self, request: &#request) -> Result<Reply<#response>, Error> {
            self.inner.send(request) #awaiting
        }

        #reconcile
    }
}

/// `impl OrderQuery for Client`: each flow's order query (the `reconcile_with` of the `pay-in`
/// and `payout` endpoints), read as an order event, for country-independent reconcilers.
fn order_query(country: &Country) -> TokenStream {
    // The query that reconciles an endpoint, when the country has the endpoint and the spec
    // names one; a country without both flows' queries gets no `OrderQuery`.
    let query_of = |endpoint: &str| {
        let target = country
            .endpoints
            .iter()
            .find(|p| p.spec.name == endpoint)?
            .spec
            .reconcile_with
            .as_ref()?;
        let query = country
            .endpoints
            .iter()
            .find(|p| p.spec.name == *target)
            .expect("checked")
            .spec;
        Some(ident(&format!("{}Request", type_prefix(query))))
    };
    let (Some(pay_in), Some(payout)) = (query_of("pay-in"), query_of("payout")) else {
        return quote!();
    };
    quote! {
        impl paypro_core::client::OrderQuery for Client {
            fn core(&self) -> &paypro_core::client::Client {
                &self.inner
            }

            async fn query_order(
                &self,
                flow: paypro_core::notify::Flow,
                trade_no: &str,
            ) -> Result<Option<paypro_core::order::Event>, Error> {
                match flow {
                    paypro_core::notify::Flow::PayIn => {
                        let query = #pay_in::builder().trade_no(trade_no).build()?;
                        Ok(self.inner.send(&query).await?.data.order_event())
                    }
                    paypro_core::notify::Flow::Payout => {
                        let query = #payout::builder().trade_no(trade_no).build()?;
                        Ok(self.inner.send(&query).await?.data.order_event())
                    }
                }
            }
        }
    }
}

pub fn generate(country: &Country, flavor: Flavor) -> String {
    let c = country.file.spec.country.get_ref();
    let order_query = match flavor {
        Flavor::Async => order_query(country),
        Flavor::Blocking => quote!(),
    };
    let methods = country.endpoints.iter().map(|p| method(country, p, flavor));
    let mut imports = vec![
        "paypro_core::client::Config",
        "paypro_core::client::ConfigError",
        "paypro_core::client::Error",
        "paypro_core::client::Reply",
    ];
    if country
        .endpoints
        .iter()
        .any(|p| p.spec.reconcile_with.is_some())
    {
        imports.extend([
            "paypro_core::client::ReconcileOptions",
            "paypro_core::client::Reconciled",
        ]);
    }
    let imports = super::merged_uses(&imports);
    let krate = country.crate_ident();
    let (core_client, module_doc, type_doc) = match flavor {
        Flavor::Async => (
            quote!(paypro_core::client::Client),
            "The async client (feature `client`, on by default).".to_string(),
            format!(
                "An async client for Paypro {}: one method per endpoint.\n\n{}\n\n```no_run\n# async fn demo() -> Result<(), Box<dyn std::error::Error>> {{\nuse {krate}::{{Client, Config, Secret}};\nlet client = Client::new(Config::new(\"0000000001\", Secret::new(std::env::var(\"PAYPRO_SECRET\")?)?).base_url(\"https://gateway.example\"))?;\n# let _ = client;\n# Ok(())\n# }}\n```",
                c.name,
                base_url_doc(country)
            ),
        ),
        Flavor::Blocking => (
            quote!(paypro_core::client::blocking::Client),
            "The blocking client (feature `blocking`), for programs without an async runtime."
                .to_string(),
            format!(
                "A blocking client for Paypro {}: the same methods as [`crate::Client`], without `async`.\n\n{}",
                c.name,
                base_url_doc(country)
            ),
        ),
    };
    let type_doc = doc_lines(&type_doc);
    rust_file(
        &country.spec_path(),
        quote! {
            #![doc = #module_doc]

            #imports

            #[allow(unused_imports)]
            use crate::*;
            #[allow(unused_imports)]
            use crate::advanced::*;

            #type_doc
            #[derive(Clone, Debug)]
            pub struct Client {
                inner: #core_client,
            }

            impl Client {
                /// A client with `config`; fails only when no base URL can be decided.
                pub fn new(config: Config) -> Result<Self, ConfigError> {
                    #core_client::new(&crate::country::COUNTRY, config).map(|inner| Client { inner })
                }

                /// The country-independent client underneath, generic over endpoints.
                pub fn core(&self) -> &#core_client {
                    &self.inner
                }

                #(#methods)*
            }

            #order_query
        },
    )
}
