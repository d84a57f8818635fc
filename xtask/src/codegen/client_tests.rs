//! A country crate's `tests/spec/client.rs`: every endpoint over loopback HTTP through the
//! generated client, with the server checking path, header, timestamp and sign.

use proc_macro2::TokenStream;
use quote::quote;

use super::endpoint::type_prefix;
use super::tests::example_fn;
use super::{Country, EndpointPlan, ident, num, raw_literal, rust_file};
use crate::names;
use crate::spec::{DataShape, Unaccepted};

/// The answer the test server gives: the docs' example response, or a minimal accepted one.
fn answer_json(plan: &EndpointPlan) -> String {
    match (&plan.response_example, plan.spec.data) {
        (Some(ex), _) if ex.accepted => ex.json.clone(),
        (_, DataShape::Boolean) => r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":true}"#.into(),
        (_, DataShape::Object) => r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":{}}"#.into(),
    }
}

fn endpoint_test(country: &Country, plan: &EndpointPlan) -> TokenStream {
    let e = plan.spec;
    let m = names::module(&e.name);
    let module = ident(&m);
    let method = ident(&m);
    let example = example_fn(plan);
    let response_ty = ident(&format!("{}Response", type_prefix(e)));
    let test = ident(&format!("{m}_over_http"));
    let json = raw_literal(&answer_json(plan));
    let ts = num(plan.example.timestamp.unwrap_or(1_700_000_000_000));
    let reconcile = e.reconcile_with.as_ref().map(|target| {
        let query = country.endpoints.iter().find(|p| p.spec.name == *target).expect("checked");
        let qmodule = ident(&names::module(&query.spec.name));
        let rname = ident(&format!("reconcile_{m}"));
        let rtest = ident(&format!("{m}_reconciles_through_{}", names::module(&query.spec.name)));
        quote! {
            #[tokio::test]
            async fn #rtest() {
                let server = TestServer::start(|r| {
                    answer(r, &#qmodule::DESCRIPTOR, #ts, r#"{"code":"0000","msg":"success","data":{"tradeNo":"T-42","status":"0000"}}"#)
                })
                .await;
                let found = client(&server, #ts)
                    .#rname("T-42", ReconcileOptions::new(Duration::from_secs(5), Duration::from_millis(10)))
                    .await
                    .expect("reconciled");
                match found {
                    Reconciled::Final(reply) => assert_eq!(reply.data.status.as_ref().map(Status::code), Some("0000")),
                    other => panic!("{other:?}"),
                }
                let requests = server.requests();
                assert_eq!(requests.len(), 1);
                assert_eq!(requests[0].json().expect("JSON body")["tradeNo"], "T-42");
            }
        }
    });
    // Where the page says every code but the accepted one means "being processed", even a
    // listed refusal code is uncertain: money may have moved.
    let processing = (e.unaccepted == Unaccepted::Processing).then(|| {
        let ptest = ident(&format!("{m}_any_other_code_means_being_processed"));
        quote! {
            #[tokio::test]
            async fn #ptest() {
                let server = TestServer::start(|_| Answer::json(r#"{"code":"9402","msg":"refused","data":null}"#).from_sandbox()).await;
                match client(&server, #ts).#method(&examples::#example()).await {
                    Err(e @ Error::Uncertain { .. }) => assert!(e.may_have_moved_money()),
                    other => panic!("{other:?}"),
                }
                assert_eq!(server.requests().len(), 1, "sent exactly once");
            }
        }
    });
    quote! {
        #[tokio::test]
        async fn #test() {
            let server = TestServer::start(|r| answer(r, &#module::DESCRIPTOR, #ts, #json)).await;
            let reply = client(&server, #ts)
                .#method(&examples::#example())
                .await
                .expect("the gateway accepts the signed request");
            let expected: Envelope<#response_ty> = Envelope::parse(#json).expect("the answer decodes");
            assert_eq!(Some(reply.data), expected.data);
            assert_eq!(reply.http_status, 200);
            assert_eq!(server.requests().len(), 1, "sent exactly once");
        }

        #reconcile
        #processing
    }
}

/// For an unsigned notification with an example: the confirm flow over loopback HTTP.
fn confirm_tests(country: &Country) -> TokenStream {
    let n = country.file.spec.notification.get_ref();
    let Some(ex) = (!n.signed)
        .then_some(())
        .and(country.notification_example.as_ref())
    else {
        return quote!();
    };
    let example = crate::oracle::raw_object(&ex.json).expect("checked");
    let get = |key: &str| example.iter().find(|(k, _)| k == key).map(|(_, v)| &**v);
    let mut targets: Vec<&str> = country
        .endpoints
        .iter()
        .filter_map(|p| p.spec.reconcile_with.as_deref())
        .collect();
    targets.sort();
    targets.dedup();
    let json = raw_literal(&ex.json);
    let tests = targets.into_iter().map(|target| {
        let query = country.endpoints.iter().find(|p| p.spec.name == target).expect("checked").spec;
        let qmodule = ident(&names::module(&query.name));
        let short = names::module(query.name.strip_prefix("query-").unwrap_or(&query.name));
        let confirm = ident(&format!("confirm_{short}"));
        // Paypro's answer: the notification's values for the fields both carry; the amount as a
        // plain string (a different text for the same value).
        let mut agree = serde_json::Map::new();
        for r in query.response.iter().map(|r| r.get_ref()) {
            if let Some(raw) = get(&r.wire) {
                let value: serde_json::Value = serde_json::from_str(raw.get()).expect("JSON");
                let value = match (r.kind, &value) {
                    (crate::spec::ValueKind::Decimal, serde_json::Value::Number(n)) => {
                        let d: rust_decimal::Decimal = n.to_string().parse().expect("decimal");
                        serde_json::Value::from(d.normalize().to_string())
                    }
                    _ => value,
                };
                agree.insert(r.wire.clone(), value);
            }
        }
        let envelope = |data: &serde_json::Map<String, serde_json::Value>| {
            raw_literal(&serde_json::json!({"code": "0000", "msg": "success", "data": data}).to_string())
        };
        let good = envelope(&agree);
        let mut other_amount = agree.clone();
        let amount_case = other_amount.get("amount").cloned().map(|_| {
            other_amount.insert("amount".into(), serde_json::Value::from("999999"));
            let bad = envelope(&other_amount);
            quote! {
                let server = TestServer::start(|r| answer(r, &#qmodule::DESCRIPTOR, 1_700_000_000_000, #bad)).await;
                let claimed = UnconfirmedNotification::parse(#json.as_bytes()).unwrap();
                match claimed.#confirm(&client(&server, 1_700_000_000_000)).await {
                    Err(ConfirmError::Mismatch { field: "amount", .. }) => {}
                    other => panic!("{other:?}"),
                }
            }
        });
        let mut processing = agree.clone();
        processing.insert("status".into(), serde_json::Value::from("0015"));
        let processing = envelope(&processing);
        let test = ident(&format!("an_unsigned_callback_is_confirmed_by_{}", names::module(&query.name)));
        quote! {
            #[tokio::test]
            async fn #test() {
                use paypro_core::notify::ConfirmError;
                let server = TestServer::start(|r| answer(r, &#qmodule::DESCRIPTOR, 1_700_000_000_000, #good)).await;
                let claimed = UnconfirmedNotification::parse(#json.as_bytes()).unwrap();
                let trade_no = claimed.trade_no.clone();
                let confirmed = claimed.#confirm(&client(&server, 1_700_000_000_000)).await.expect("Paypro agrees");
                assert_eq!(confirmed.claimed.trade_no, trade_no);
                let sent = server.requests();
                assert_eq!(sent.len(), 1);
                assert_eq!(sent[0].path, #qmodule::DESCRIPTOR.path);
                assert_eq!(sent[0].json().unwrap()["tradeNo"].as_str(), trade_no.as_deref());

                #amount_case

                let server = TestServer::start(|r| answer(r, &#qmodule::DESCRIPTOR, 1_700_000_000_000, #processing)).await;
                let claimed = UnconfirmedNotification::parse(#json.as_bytes()).unwrap();
                match claimed.#confirm(&client(&server, 1_700_000_000_000)).await {
                    Err(ConfirmError::Mismatch { field: "status", .. }) => {}
                    other => panic!("{other:?}"),
                }
            }
        }
    });
    quote!(#(#tests)*)
}

pub fn generate(country: &Country) -> String {
    let confirm = confirm_tests(country);
    let duration_use = if country
        .endpoints
        .iter()
        .any(|p| p.spec.reconcile_with.is_some())
    {
        quote!(
            use std::time::Duration;
        )
    } else {
        quote!()
    };
    let krate = ident(&country.crate_ident());
    let tests = country.endpoints.iter().map(|p| endpoint_test(country, p));
    let first = &country.endpoints[0];
    let first_method = ident(&names::module(&first.spec.name));
    let first_module = ident(&names::module(&first.spec.name));
    let first_example = example_fn(first);
    let first_json = raw_literal(&answer_json(first));
    let first_ts = num(first.example.timestamp.unwrap_or(1_700_000_000_000));
    rust_file(
        &country.spec_path(),
        quote! {
            //! Every endpoint through the client over loopback HTTP. The server accepts a request
            //! only if its path, `merchantNo` header, timestamp and sign are what the spec says.

            #duration_use

            use #krate::*;
            use #krate::advanced::*;
            use paypro_core::descriptor::EndpointDescriptor;
            use paypro_testkit::{checked_answer, Answer, Received, TestServer};

            use crate::examples;

            fn answer(r: &Received, d: &EndpointDescriptor, ts: u64, json: &str) -> Answer {
                let secret = Secret::new(paypro_testkit::TEST_SECRET).unwrap();
                checked_answer(r, d, paypro_testkit::TEST_MERCHANT_NO, &secret, Some(ts), json)
            }

            fn config(server: &TestServer, ts: u64) -> Config {
                Config::new(paypro_testkit::TEST_MERCHANT_NO, Secret::new(paypro_testkit::TEST_SECRET).unwrap())
                    .base_url(server.url())
                    .clock(FixedClock(ts))
            }

            fn client(server: &TestServer, ts: u64) -> Client {
                Client::new(config(server, ts)).expect("a loopback base URL is valid")
            }

            #[test]
            fn no_base_url_is_either_the_sandbox_or_an_error() {
                let made = Client::new(Config::new("0000000001", Secret::new("s").unwrap()));
                match COUNTRY.sandbox_base_url {
                    Some(url) => assert_eq!(made.expect("the sandbox is the default").core().base_url(), url),
                    None => assert!(matches!(made, Err(ConfigError::NoBaseUrl { .. }))),
                }
            }

            #[test]
            fn debug_never_shows_the_secret() {
                let client = Client::new(Config::new("0000000001", Secret::new("very-secret-key").unwrap()).base_url("http://127.0.0.1:9"))
                    .expect("valid");
                let shown = format!("{client:?}");
                assert!(shown.contains("0000000001"));
                assert!(!shown.contains("very-secret-key"), "{shown}");
            }

            #[cfg(feature = "blocking")]
            #[test]
            fn the_blocking_client_sends_the_same_request() {
                let runtime = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(1)
                    .enable_all()
                    .build()
                    .expect("a runtime for the test server");
                let server = runtime.block_on(TestServer::start(|r| answer(r, &#first_module::DESCRIPTOR, #first_ts, #first_json)));
                let client = blocking::Client::new(config(&server, #first_ts)).expect("valid");
                let reply = client.#first_method(&examples::#first_example()).expect("accepted");
                assert_eq!(reply.http_status, 200);
                assert_eq!(server.requests().len(), 1);
            }

            #(#tests)*

            #confirm
        },
    )
}
