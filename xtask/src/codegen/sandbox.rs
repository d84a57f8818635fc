//! Against the sandbox: a country crate's `tests/spec/sandbox.rs` (every endpoint through the
//! client against paypro-mock) and `examples/quickstart-<cc>/` (the README's first command:
//! a pay-in, its callback verified, the order queried, all offline).

use proc_macro2::TokenStream;
use quote::quote;

use super::endpoint::type_prefix;
use super::{Country, EndpointPlan, ident, rust_file};
use crate::names;
use crate::spec::{DataShape, Role};

fn has_field(plan: &EndpointPlan, wire: &str) -> bool {
    plan.spec.request.iter().any(|f| f.get_ref().wire == wire)
}

fn sandbox_trade_no(plan: &EndpointPlan) -> String {
    format!("sandbox-{}", plan.spec.name)
}

/// The rust name of the response field that carries Paypro's number.
fn platform_field(plan: &EndpointPlan) -> Option<proc_macro2::Ident> {
    plan.spec
        .response
        .iter()
        .map(|f| f.get_ref())
        .find_map(|f| {
            (f.wire == "platFormTradeNo" || f.wire == "serialNumber")
                .then(|| ident(&names::field_ident(&f.wire, f.rust.as_deref())))
        })
}

fn first_with_role<'a>(country: &'a Country, role: Role) -> Option<&'a EndpointPlan<'a>> {
    country.endpoints.iter().find(|p| p.spec.role == role)
}

/// `tests/spec/sandbox.rs`.
pub fn test(country: &Country) -> String {
    let krate = ident(&country.crate_ident());
    let code = country.code();
    let mut steps = Vec::new();
    // Money first, with sandbox trade numbers and a loopback notifyUrl.
    for plan in country
        .endpoints
        .iter()
        .filter(|p| matches!(p.spec.role, Role::PayIn | Role::Cashier | Role::Payout))
    {
        let m = names::module(&plan.spec.name);
        let method = ident(&m);
        let example = ident(&m);
        let reply = ident(&format!("{m}_reply"));
        let trade_no = sandbox_trade_no(plan);
        let notify = has_field(plan, "notifyUrl").then(|| quote!(.notify_url(receiver.url())));
        steps.push(quote! {
            let request = examples::#example().to_builder().trade_no(#trade_no) #notify .build().expect("valid");
            let #reply = client.#method(&request).await.expect(concat!(#m, " is accepted by the sandbox"));
            let _ = &#reply;
        });
    }
    let pay_in = first_with_role(country, Role::PayIn);
    let payout = first_with_role(country, Role::Payout);
    let kind_of = |role: Role| {
        if role == Role::Payout {
            quote!(Kind::Payout)
        } else {
            quote!(Kind::PayIn)
        }
    };
    for settled in [pay_in, payout].into_iter().flatten() {
        let trade_no = sandbox_trade_no(settled);
        let kind = kind_of(settled.spec.role);
        steps.push(quote! {
            settled(&gateway, #code, #kind, #trade_no).await;
        });
    }
    for plan in &country.endpoints {
        let m = names::module(&plan.spec.name);
        let method = ident(&m);
        let example = ident(&m);
        let by_trade_no = |source: Option<&EndpointPlan>| {
            let source = source.expect("a pay-in or payout to query");
            let trade_no = sandbox_trade_no(source);
            quote! {
                let request = examples::#example().to_builder().trade_no(#trade_no).build().expect("valid");
            }
        };
        let build = match plan.spec.role {
            Role::PayIn | Role::Cashier | Role::Payout => continue,
            Role::QueryPayIn | Role::Voucher => by_trade_no(pay_in),
            Role::QueryPayout => by_trade_no(payout),
            Role::PayInSubmit => {
                let source = pay_in.expect("a pay-in to submit for");
                let reply = ident(&format!("{}_reply", names::module(&source.spec.name)));
                let field = platform_field(source).expect("the pay-in answers Paypro's number");
                quote! {
                    let number = #reply.data.#field.clone().expect("Paypro's number");
                    let request = examples::#example().to_builder().platform_trade_no(number).build().expect("valid");
                }
            }
            Role::QueryReceipt => {
                let source = pay_in.expect("a pay-in with a receipt");
                let trade_no = sandbox_trade_no(source);
                quote! {
                    let receipt = gateway.order(#code, Kind::PayIn, #trade_no).and_then(|o| o.receipt).expect("a receipt");
                    let request = examples::#example().to_builder().code(receipt).build().expect("valid");
                }
            }
            Role::Balance | Role::AccountVerify => quote! { let request = examples::#example(); },
        };
        let check = match (plan.spec.role, plan.spec.data) {
            (_, DataShape::Boolean) => quote!(assert!(reply.data);),
            (Role::QueryPayIn | Role::QueryPayout, _) => quote! {
                assert_eq!(reply.data.status.as_ref().map(Status::code), Some("0000"));
            },
            _ => quote!(let _ = reply;),
        };
        steps.push(quote! {
            #build
            let reply = client.#method(&request).await.expect(concat!(#m, " is answered by the sandbox"));
            #check
        });
    }
    let needs_receiver = country.endpoints.iter().any(|p| {
        matches!(p.spec.role, Role::PayIn | Role::Cashier | Role::Payout)
            && has_field(p, "notifyUrl")
    });
    let (receiver, receiver_use) = if needs_receiver {
        (
            quote! {
                let receiver = TestServer::start(|_| Answer::Full { status: 200, content_type: "text/plain".into(), body: "OK".into() }).await;
            },
            quote!(
                use paypro_core::testing::{Answer, TestServer};
            ),
        )
    } else {
        (quote!(), quote!())
    };
    rust_file(
        &country.spec_path(),
        quote! {
            //! Every endpoint through the client against the sandbox (paypro-mock): created
            //! orders settle, and each read finds them.

            use std::time::Duration;

            use #krate::*;
            use #krate::advanced::*;
            #receiver_use
            use paypro_mock::{Kind, MockConfig, MockGateway};

            use crate::examples;

            async fn settled(gateway: &MockGateway, country: &str, kind: Kind, trade_no: &str) {
                for _ in 0..2000 {
                    if gateway.order(country, kind, trade_no).is_some_and(|o| o.status.is_final()) {
                        return;
                    }
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
                panic!("{trade_no} did not settle");
            }

            #[tokio::test]
            async fn every_endpoint_against_the_sandbox() {
                let config = MockConfig::default().settle_after(Duration::from_millis(5)).time_factor(0.001);
                let gateway = MockGateway::start(config, &[&COUNTRY]).await.expect("the sandbox starts");
                #receiver
                let base_url = gateway.base_url(#code).expect("the sandbox serves this country");
                let client = Client::new(Config::new(protocol::TEST_MERCHANT_NO, Secret::new(protocol::TEST_SECRET).unwrap()).base_url(base_url)).expect("valid");
                #(#steps)*
            }
        },
    )
}

/// `examples/quickstart-<cc>/run.rs`: the README's first command.
pub fn quickstart(country: &Country) -> Option<String> {
    let krate = ident(&country.crate_ident());
    let code = country.code();
    let name = &country.file.spec.country.get_ref().name;
    let pay_in = first_with_role(country, Role::PayIn)?;
    let query = country
        .endpoints
        .iter()
        .find(|p| Some(p.spec.name.as_str()) == pay_in.spec.reconcile_with.as_deref())?;
    let pay_method = ident(&names::module(&pay_in.spec.name));
    let pay_ty = ident(&format!("{}Request", type_prefix(pay_in.spec)));
    let query_method = ident(&names::module(&query.spec.name));
    let query_ty = ident(&format!("{}Request", type_prefix(query.spec)));
    let chain: TokenStream = super::tests::builder_chain(country, pay_in, false)
        .trim_end_matches(".build()?")
        .trim_end()
        .parse()
        .expect("chain");
    let notify = has_field(pay_in, "notifyUrl").then(|| quote!(.notify_url(&notify_url)));
    let signed = country.file.spec.notification.get_ref().signed;
    let verifier_use = if signed {
        quote!(
            use paypro_core::notify::Verifier;
        )
    } else {
        quote!()
    };
    use crate::spec::ValueKind;
    let status_field = |fields: &[toml::Spanned<crate::spec::ResponseField>]| {
        fields
            .iter()
            .map(|f| f.get_ref())
            .find(|f| f.kind == ValueKind::Status)
            .map(|f| ident(&names::field_ident(&f.wire, f.rust.as_deref())))
    };
    let n = country.file.spec.notification.get_ref();
    let notified_status = status_field(&n.field);
    let state = |value: TokenStream, field: &Option<proc_macro2::Ident>| match field {
        Some(f) => quote!(show(#value.#f.as_ref())),
        None => quote!({
            let _ = &#value;
            String::from("(no status field)")
        }),
    };
    let notified = state(quote!(notification), &notified_status);
    let claimed = state(quote!(claimed), &notified_status);
    let callback = if signed {
        quote! {
            let verifier = Verifier::new(secret.clone());
            let notification = Notification::verify(body.as_bytes(), &verifier)?;
            say(&format!("4. callback signature verified; the order is {}", #notified));
        }
    } else {
        quote! {
            let claimed = UnconfirmedNotification::parse(body.as_bytes())?;
            say(&format!("4. callback read (unsigned in {}: not trusted yet), it claims {}", #name, #claimed));
            let confirmed = claimed.confirm_pay_in(&client).await?;
            say(&format!("   confirmed by a query: {}", show(confirmed.actual.data.status.as_ref())));
        }
    };
    let reply_status = status_field(&pay_in.spec.response);
    let accepted = state(quote!(reply.data), &reply_status);
    Some(rust_file(
        &country.spec_path(),
        quote! {
            //! The whole payment flow: start the sandbox (or use PAYPRO_BASE_URL, PAYPRO_MERCHANT_NO
            //! and PAYPRO_SECRET), create a pay-in, receive and verify its callback on a local
            //! receiver, query the order.

            use std::time::{Duration, SystemTime, UNIX_EPOCH};

            use #krate::*;
            use #krate::advanced::{protocol, Endpoint, Signable, COUNTRY};
            #verifier_use
            use paypro_core::testing::{Answer, TestServer};

            fn say(line: &str) {
                println!("{line}");
            }

            fn show(status: Option<&Status>) -> String {
                status.map_or_else(|| "without a status".to_string(), |s| s.to_string())
            }

            pub async fn main() -> Result<(), Box<dyn std::error::Error>> {
                let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
                let (base_url, merchant_no, secret, sandbox) =
                    match (env("PAYPRO_BASE_URL"), env("PAYPRO_MERCHANT_NO"), env("PAYPRO_SECRET")) {
                        (Some(url), Some(merchant), Some(secret)) => {
                            say(&format!("1. using the gateway at {url}"));
                            (url, merchant, secret, None)
                        }
                        _ => {
                            let config = paypro_mock::MockConfig::default().settle_after(Duration::from_millis(300));
                            let sandbox = paypro_mock::MockGateway::start(config, &[&COUNTRY]).await?;
                            let url = sandbox.base_url(#code).ok_or("the sandbox does not serve this country")?;
                            say(&format!("1. started the embedded Paypro sandbox at {url} (no credentials, no network)"));
                            (url, protocol::TEST_MERCHANT_NO.to_string(), protocol::TEST_SECRET.to_string(), Some(sandbox))
                        }
                    };
                let secret = Secret::new(secret)?; // a blank PAYPRO_SECRET is refused here
                let receiver = TestServer::start(|_| Answer::Full { status: 200, content_type: "text/plain".into(), body: "OK".into() }).await;
                let notify_url = format!("{}/paypro/notify", receiver.url());
                say(&format!("   local callback receiver at {notify_url}"));

                let client = Client::new(Config::new(merchant_no.clone(), secret.clone()).base_url(base_url))?;
                let trade_no = format!("quickstart-{}", SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis());
                let request = #chain.trade_no(&trade_no) #notify .build()?;
                say(&format!(
                    "2. pay-in {trade_no}: POST {} {}",
                    <#pay_ty as Endpoint>::DESCRIPTOR.path,
                    request.fields_json()
                ));
                let reply = client.#pay_method(&request).await?;
                say(&format!("   accepted; the order is {}", #accepted));

                say("3. waiting for the callback...");
                let mut body = None;
                for _ in 0..100 {
                    if let Some(r) = receiver.requests().into_iter().next() {
                        body = Some(r.body);
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                match body {
                    Some(body) => {
                        say(&format!("   received: {body}"));
                        #callback
                    }
                    None => say("   no callback within 10 s (a real gateway cannot reach a local receiver)"),
                }

                let query = #query_ty::builder().trade_no(&trade_no).build()?;
                let found = client.#query_method(&query).await?;
                say(&format!("5. query {trade_no}: {}", show(found.data.status.as_ref())));

                match request.to_builder().amount("12.50").build() {
                    Ok(_) => say("6. (unexpected) a decimal amount was accepted"),
                    Err(e) => say(&format!("6. and a request the SDK refuses to send: {e}")),
                }
                drop(sandbox);
                Ok(())
            }
        },
    ))
}
