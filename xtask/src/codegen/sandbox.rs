//! Against the sandbox: a country crate's `tests/spec/sandbox.rs` (every endpoint through the
//! client against paypro-mock).

use quote::quote;

use super::{Country, EndpointPlan, ident, rust_file};
use crate::names;
use crate::spec::{DataShape, Role};

pub(super) fn has_field(plan: &EndpointPlan, wire: &str) -> bool {
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

pub(super) fn first_with_role<'a>(
    country: &'a Country,
    role: Role,
) -> Option<&'a EndpointPlan<'a>> {
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
                use paypro_testkit::{Answer, TestServer};
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
                let config = MockConfig { settle_after: Duration::from_millis(5), time_factor: 0.001, ..MockConfig::default() };
                let gateway = MockGateway::start(config, &[&COUNTRY]).await.expect("the sandbox starts");
                #receiver
                let base_url = gateway.base_url(#code).expect("the sandbox serves this country");
                let client = Client::new(Config::new(paypro_testkit::TEST_MERCHANT_NO, Secret::new(paypro_testkit::TEST_SECRET).unwrap()).base_url(base_url)).expect("valid");
                #(#steps)*
            }
        },
    )
}
