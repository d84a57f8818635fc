//! A country crate's `tests/spec/`: tests generated from the spec's examples and rules.

use proc_macro2::TokenStream;
use quote::quote;
use serde_json::{Map, Value};

use super::endpoint::{enum_name, type_prefix};
use super::{Country, EndpointPlan, Files, ident, num, raw_literal, rust_file};
use crate::example::DataExample;
use crate::names;
use crate::spec::{FieldKind, Origin, ResponseField, SignPlacement, ValueKind};

/// The builder expression for an endpoint's example, as source text.
/// `in_test`: end with `.expect(..)` instead of `?`.
pub fn builder_chain(country: &Country, plan: &EndpointPlan, in_test: bool) -> String {
    let krate = country.crate_ident();
    let prefix = type_prefix(plan.spec);
    let mut out = format!("{krate}::{prefix}Request::builder()");
    for (_, setter) in example_setters(country, plan) {
        out.push_str(&format!("\n    {setter}"));
    }
    out.push_str(if in_test {
        "\n    .build()\n    .expect(\"the spec's example satisfies the spec's rules\")"
    } else {
        "\n    .build()?"
    });
    out
}

/// The example's builder calls, `(wire name, ".setter(arg)")`, in the example's order.
pub fn example_setters(country: &Country, plan: &EndpointPlan) -> Vec<(String, String)> {
    let krate = country.crate_ident();
    let e = plan.spec;
    let module = names::module(&e.name);
    let mut out = Vec::new();
    for (index, text) in &plan.example.values {
        let f = e.request[*index].get_ref();
        let setter = names::field_ident(&f.wire, f.rust.as_deref());
        let arg = match f.kind {
            FieldKind::Text => format!("{text:?}"),
            FieldKind::Amount => {
                let n: u64 = text.parse().expect("checked amount");
                if n > i32::MAX as u64 {
                    format!("{n}u64")
                } else {
                    n.to_string()
                }
            }
            FieldKind::Enum => {
                let v = f
                    .values
                    .iter()
                    .find(|v| v.wire == *text)
                    .expect("checked enum value");
                format!(
                    "{krate}::{module}::{}::{}",
                    enum_name(f),
                    names::variant_ident(&v.wire, v.rust.as_deref())
                )
            }
        };
        out.push((f.wire.clone(), format!(".{setter}({arg})")));
    }
    out
}

pub fn generate(country: &Country, root: &str, files: &mut Files) {
    let spec = country.spec_path();
    files.insert(
        format!("{root}/tests/spec/main.rs").into(),
        format!(
            "{}//! Tests generated from the spec: a snapshot of every request's exact shape, the docs'\n\
             //! example key sets (the body, canonical string and sign are the generator's own oracle's),\n\
             //! every rule's rejection, and the docs' response and notification examples.\n\n\
             #[cfg(feature = \"client\")]\n#[rustfmt::skip]\nmod client;\n#[rustfmt::skip]\nmod examples;\n#[rustfmt::skip]\nmod requests;\n#[rustfmt::skip]\nmod responses;\n#[cfg(feature = \"client\")]\n#[rustfmt::skip]\nmod sandbox;\n",
            super::rust_header(&spec)
        ),
    );
    files.insert(
        format!("{root}/tests/spec/requests.rs").into(),
        requests(country),
    );
    files.insert(
        format!("{root}/tests/spec/responses.rs").into(),
        responses(country),
    );
    files.insert(
        format!("{root}/tests/spec/examples.rs").into(),
        examples(country),
    );
    files.insert(
        format!("{root}/tests/spec/client.rs").into(),
        super::client_tests::generate(country),
    );
    files.insert(
        format!("{root}/tests/spec/sandbox.rs").into(),
        super::sandbox::test(country),
    );
}

/// The example function's name for an endpoint.
pub fn example_fn(plan: &EndpointPlan) -> proc_macro2::Ident {
    ident(&names::module(&plan.spec.name))
}

fn examples(country: &Country) -> String {
    let krate = ident(&country.crate_ident());
    let fns = country.endpoints.iter().map(|plan| {
        let name = example_fn(plan);
        let request_ty = ident(&format!("{}Request", type_prefix(plan.spec)));
        let chain: TokenStream = builder_chain(country, plan, true)
            .parse()
            .expect("builder chain");
        let doc = format!(
            " The `{}` request built from the spec's example.",
            plan.spec.name
        );
        quote! {
            #[doc = #doc]
            #[allow(dead_code)]
            pub fn #name() -> #request_ty {
                #chain
            }
        }
    });
    rust_file(
        &country.spec_path(),
        quote! {
            //! Each endpoint's request, built from the spec's example.
            use #krate::*;
            #[allow(unused_imports)]
            use #krate::advanced::*;

            #(#fns)*
        },
    )
}

fn requests(country: &Country) -> String {
    let krate = ident(&country.crate_ident());
    let merchant = &country.common.test_credentials.merchant_no;
    let tests = country
        .endpoints
        .iter()
        .map(|plan| endpoint_tests(plan, merchant, &country.common.protocol.method));
    rust_file(
        &country.spec_path(),
        quote! {
            //! One group per endpoint, built from the spec's example.

            use #krate::*;
            #[allow(unused_imports)]
            use #krate::advanced::*;
            use paypro_testkit::requests::{body_keys, errors_from_json, shape};

            use crate::examples;

            #(#tests)*
        },
    )
}

fn endpoint_tests(plan: &EndpointPlan, merchant: &str, method: &str) -> TokenStream {
    let e = plan.spec;
    let m = names::module(&e.name);
    let prefix = type_prefix(e);
    let request_ty = ident(&format!("{prefix}Request"));
    let builder_ty = ident(&format!("{prefix}Builder"));
    let example_name = example_fn(plan);
    let example_fn = quote!(examples::#example_name);
    let ts = num(plan.example.timestamp.unwrap_or(0));

    let x = &plan.expected;
    let mut snapshot = format!(
        "\n{method} {}\ncontent-type: application/json\nmerchantNo: {merchant}\n",
        e.path
    );
    if e.sign == SignPlacement::Header {
        snapshot.push_str(&format!("sign: {}\n", x.sign));
    }
    snapshot.push_str(&format!(
        "\n{}\n\ncanonical: {}\nsign: {}\n",
        x.body, x.canonical, x.sign
    ));
    let snapshot = raw_literal(&snapshot);

    let shape_test = ident(&format!("{m}_request_shape"));
    let json_test = ident(&format!("{m}_json_input_builds_the_same_request"));
    let rules_test = ident(&format!("{m}_rejects_input_that_breaks_each_rule"));

    let example_origin = e.example.as_ref().expect("checked").get_ref().origin;
    let keys_test = if example_origin == Origin::Docs {
        let name = ident(&format!("{m}_body_has_the_docs_example_keys"));
        let keys = &plan.example.keys;
        quote! {
            #[test]
            fn #name() {
                assert_eq!(body_keys(&#example_fn(), #ts), [#(#keys),*]);
            }
        }
    } else {
        quote!()
    };

    // The example's fields as builder JSON input (wire names, no sign/timestamp).
    let mut input = Map::new();
    for (index, text) in &plan.example.values {
        let f = e.request[*index].get_ref();
        let v = match f.wire_type {
            crate::spec::WireType::Number => Value::from(text.parse::<u64>().expect("amount")),
            crate::spec::WireType::String => Value::from(text.clone()),
        };
        input.insert(f.wire.clone(), v);
    }
    let input_json = raw_literal(&Value::Object(input.clone()).to_string());

    let rule_cases = rule_cases(plan, &input);
    let adjusted_test = adjusted_limits_test(plan, &example_fn);
    quote! {
        #[test]
        fn #shape_test() {
            insta::assert_snapshot!(shape(&#example_fn(), #ts), @#snapshot);
        }

        #keys_test

        #[test]
        fn #json_test() {
            let from_json: #request_ty = serde_json::from_str(#input_json).expect("the example's fields build");
            assert_eq!(from_json, #example_fn());
            assert_eq!(#example_fn().to_builder().build(), Ok(#example_fn()));
        }

        #[test]
        fn #rules_test() {
            #(#rule_cases)*
            let _ = errors_from_json::<#builder_ty, #request_ty>;
        }

        #adjusted_test
    }
}

/// For an amount whose bounds the docs call adjustable: the merchant's own bounds replace the
/// documented ones, and zero stays refused.
fn adjusted_limits_test(plan: &EndpointPlan, example_fn: &TokenStream) -> TokenStream {
    let m = names::module(&plan.spec.name);
    let Some(f) = plan
        .spec
        .request
        .iter()
        .map(|f| f.get_ref())
        .find(|f| f.adjustable_bounds)
    else {
        return quote!();
    };
    let name = ident(&format!(
        "{m}_adjusted_amount_limits_replace_the_documented_ones"
    ));
    let field = ident(&names::field_ident(&f.wire, f.rust.as_deref()));
    let limits = ident(&format!("{field}_limits"));
    let wire = &f.wire;
    let lo = f.min.unwrap_or(1).saturating_sub(1).max(1);
    let hi = f.max.unwrap_or(1_000) + 1;
    let (lo_l, hi_l, over_l) = (num(lo), num(hi), num(hi + 1));
    quote! {
        #[test]
        fn #name() {
            let adjusted = |amount: u64| #example_fn().to_builder().#field(amount).#limits(#lo_l, #hi_l).build();
            assert!(adjusted(#lo_l).is_ok(), "below the documented minimum, within the merchant's");
            assert!(adjusted(#hi_l).is_ok(), "above the documented maximum, within the merchant's");
            assert_eq!(
                adjusted(#over_l).unwrap_err().errors(),
                [FieldError { field: #wire, problem: Problem::AboveMax { max: #hi_l, got: #over_l } }]
            );
            let zero = #example_fn().to_builder().#field(0u64).#limits(0, #hi_l).build();
            assert_eq!(
                zero.unwrap_err().errors(),
                [FieldError { field: #wire, problem: Problem::BelowMin { min: 1, got: 0 } }]
            );
            assert!(#example_fn().to_builder().#field(#hi_l).build().is_err(), "the documented bounds are the default");
        }
    }
}

/// A format rule's cases: values that break it, where it applies to the example (a conditional
/// format only when the example meets its condition).
fn format_cases(
    f: &crate::spec::RequestField,
    format: crate::spec::TextFormat,
    input: &Map<String, Value>,
    case: &mut impl FnMut(&str, Option<Value>, TokenStream),
) {
    use crate::spec::TextFormat;
    if let Some(w) = &f.format_when {
        if input.get(&w.field).and_then(Value::as_str) != Some(w.is.as_str()) {
            return;
        }
    }
    let wire = f.wire.as_str();
    let mut broken = |value: &str, why: &str| {
        let format = match format {
            TextFormat::HttpUrl => quote!(paypro_core::descriptor::TextFormat::HttpUrl),
            TextFormat::Clabe => quote!(paypro_core::descriptor::TextFormat::Clabe),
        };
        case(
            wire,
            Some(Value::from(value)),
            quote!(Problem::Format { format: #format, why: #why }),
        );
    };
    match format {
        TextFormat::HttpUrl => {
            broken("not a url", "not an absolute URL");
            broken("/paypro/notify", "not an absolute URL");
            broken(
                "ftp://merchant.example/notify",
                "the scheme is not http or https",
            );
            broken("javascript:alert(1)", "the scheme is not http or https");
        }
        TextFormat::Clabe => {
            let good = input
                .get(wire)
                .and_then(Value::as_str)
                .expect("the example holds a CLABE");
            let last = good
                .chars()
                .last()
                .and_then(|c| c.to_digit(10))
                .expect("a digit");
            let mut wrong = good[..good.len() - 1].to_string();
            wrong.push(char::from_digit((last + 1) % 10, 10).expect("a digit"));
            broken(&wrong, "wrong check digit");
            broken("123", "not 18 digits");
            broken("01218000000000001x", "not 18 digits");
        }
    }
}

/// One case per declared rule: the example with one field broken, and the exact error.
fn rule_cases(plan: &EndpointPlan, input: &Map<String, Value>) -> Vec<TokenStream> {
    let e = plan.spec;
    let prefix = type_prefix(e);
    let request_ty = ident(&format!("{prefix}Request"));
    let builder_ty = ident(&format!("{prefix}Builder"));
    let mut cases = Vec::new();
    let mut case = |wire: &str, value: Option<Value>, problem: TokenStream| {
        let mut broken = input.clone();
        match value {
            Some(v) => broken.insert(wire.to_string(), v),
            None => broken.remove(wire),
        };
        let json = raw_literal(&Value::Object(broken).to_string());
        cases.push(quote! {
            let errors = errors_from_json::<#builder_ty, #request_ty>(#json);
            assert_eq!(errors, [FieldError { field: #wire, problem: #problem }]);
            assert!(errors[0].to_string().starts_with(concat!("`", #wire, "` ")));
        });
    };
    for field in &e.request {
        let f = field.get_ref();
        let wire = f.wire.as_str();
        if f.required {
            case(wire, None, quote!(Problem::Missing));
        }
        match f.kind {
            FieldKind::Amount => {
                let as_wire = |n: String| match f.wire_type {
                    crate::spec::WireType::Number => Value::from(n.parse::<f64>().expect("number")),
                    crate::spec::WireType::String => Value::from(n),
                };
                let base = f.min.unwrap_or(1).max(1);
                case(
                    wire,
                    Some(as_wire(format!("{base}.5"))),
                    quote!(Problem::Amount(AmountError::HasDecimals)),
                );
                if let Some(min) = f.min.filter(|m| *m > 0) {
                    let (min_l, got_l) = (num(min), num(min - 1));
                    case(
                        wire,
                        Some(Value::from(min - 1)),
                        quote!(Problem::BelowMin { min: #min_l, got: #got_l }),
                    );
                }
                if let Some(max) = f.max {
                    let (max_l, got_l) = (num(max), num(max + 1));
                    case(
                        wire,
                        Some(Value::from(max + 1)),
                        quote!(Problem::AboveMax { max: #max_l, got: #got_l }),
                    );
                }
                // Zero is never an amount, and nothing above the gateway's Java `long` is.
                let (floor, ceiling) = (base, f.max.unwrap_or(i64::MAX as u64));
                let (floor_l, ceiling_l, over_l) =
                    (num(floor), num(ceiling), num(i64::MAX as u64 + 1));
                case(
                    wire,
                    Some(Value::from(0)),
                    quote!(Problem::BelowMin { min: #floor_l, got: 0 }),
                );
                case(
                    wire,
                    Some(Value::from(i64::MAX as u64 + 1)),
                    quote!(Problem::AboveMax { max: #ceiling_l, got: #over_l }),
                );
            }
            FieldKind::Enum => {
                let values = f.values.iter().map(|v| &v.wire);
                case(
                    wire,
                    Some(Value::from("NOT_A_DOCUMENTED_VALUE")),
                    quote!(Problem::NotOneOf { allowed: &[#(#values),*] }),
                );
                if f.required {
                    case(wire, Some(Value::from("")), quote!(Problem::Empty));
                }
            }
            FieldKind::Text => {
                if f.required {
                    case(wire, Some(Value::from("")), quote!(Problem::Empty));
                }
                if let Some([lo, hi]) = f.digits {
                    let good_prefix = f.prefixes.first().cloned().unwrap_or_default();
                    let pad = |len: usize| {
                        let mut s = good_prefix.clone();
                        while s.len() < len {
                            s.push('1');
                        }
                        s.truncate(len);
                        s
                    };
                    let (lo_l, hi_l) = (num(lo), num(hi));
                    let long = pad(hi as usize + 1);
                    let got = num(long.len() as u64);
                    case(
                        wire,
                        Some(Value::from(long)),
                        quote!(Problem::DigitCount { min: #lo_l, max: #hi_l, got: #got }),
                    );
                    if (lo as usize) > good_prefix.len() + 1 {
                        let short = pad(lo as usize - 1);
                        let got = num(short.len() as u64);
                        case(
                            wire,
                            Some(Value::from(short)),
                            quote!(Problem::DigitCount { min: #lo_l, max: #hi_l, got: #got }),
                        );
                    }
                    let mut letters = pad(lo as usize);
                    letters.pop();
                    letters.push('x');
                    case(wire, Some(Value::from(letters)), quote!(Problem::NotDigits));
                    if !f.prefixes.is_empty() {
                        let start = ('0'..='9')
                            .find(|d| !f.prefixes.iter().any(|p| p.starts_with(*d)))
                            .expect("some digit starts no prefix");
                        let mut wrong: String = std::iter::repeat_n('1', lo as usize).collect();
                        wrong.replace_range(0..1, &start.to_string());
                        let prefixes = &f.prefixes;
                        case(
                            wire,
                            Some(Value::from(wrong)),
                            quote!(Problem::Prefix { allowed: &[#(#prefixes),*] }),
                        );
                    }
                } else if !f.prefixes.is_empty() {
                    let prefixes = &f.prefixes;
                    case(
                        wire,
                        Some(Value::from("\u{1}no-such-prefix")),
                        quote!(Problem::Prefix { allowed: &[#(#prefixes),*] }),
                    );
                }
                if let Some(format) = f.format {
                    format_cases(f, format, input, &mut case);
                }
                if let Some(max) = f.max_len {
                    let mut long = f.prefixes.first().cloned().unwrap_or_default();
                    while long.chars().count() <= max as usize {
                        long.push('1');
                    }
                    let got = num(long.chars().count() as u64);
                    let max = num(max);
                    if f.digits.is_none() {
                        case(
                            wire,
                            Some(Value::from(long)),
                            quote!(Problem::TooLong { max: #max, got: #got }),
                        );
                    }
                }
            }
        }
    }
    cases
}

fn responses(country: &Country) -> String {
    let krate = ident(&country.crate_ident());
    let mut tests = Vec::new();
    for plan in &country.endpoints {
        let Some(ex) = &plan.response_example else {
            continue;
        };
        let m = names::module(&plan.spec.name);
        let prefix = type_prefix(plan.spec);
        let response_ty = ident(&format!("{prefix}Response"));
        let name = ident(&format!("{m}_response_example_decodes"));
        let json = raw_literal(&ex.json);
        let accepted = if ex.accepted {
            quote!(assert!(envelope.is_accepted());)
        } else {
            quote!(assert!(!envelope.is_accepted());)
        };
        let data_checks = match ex.boolean {
            Some(b) => quote!(assert_eq!(envelope.data, Some(#b));),
            None => {
                let fields: Vec<&ResponseField> =
                    plan.spec.response.iter().map(|f| f.get_ref()).collect();
                let checks = field_checks(&fields, ex);
                quote! {
                    let data = envelope.data.expect("the example has data");
                    #checks
                }
            }
        };
        tests.push(quote! {
            #[test]
            fn #name() {
                let envelope: Envelope<#response_ty> =
                    Envelope::parse(#json).expect("the docs' example response decodes");
                #accepted
                #data_checks
            }
        });
    }
    if let Some(ex) = &country.notification_example {
        let n = country.file.spec.notification.get_ref();
        let fields: Vec<&ResponseField> = n.field.iter().map(|f| f.get_ref()).collect();
        let checks = field_checks(&fields, ex);
        let json = raw_literal(&ex.json);
        // Re-signing replaces the docs' placeholder `sign`, so that one field is not compared.
        let resigned = DataExample {
            json: ex.json.clone(),
            accepted: ex.accepted,
            boolean: ex.boolean,
            fields: ex
                .fields
                .iter()
                .filter(|d| fields[d.field].wire != "sign")
                .map(|d| crate::example::DecodedField {
                    field: d.field,
                    value: d.value.clone(),
                })
                .collect(),
            extra: {
                // A spec that does not declare `sign` keeps the added one in `extra`.
                let mut extra = ex.extra.clone();
                if !fields.iter().any(|f| f.wire == "sign") && !extra.iter().any(|k| k == "sign") {
                    extra.push("sign".into());
                    extra.sort();
                }
                extra
            },
        };
        let signed_checks = field_checks(&fields, &resigned);
        let present_aliases: Vec<&String> = ex
            .fields
            .iter()
            .flat_map(|d| fields[d.field].aliases.iter())
            .collect();
        let required: Vec<&String> = fields
            .iter()
            .filter(|f| f.required)
            .map(|f| &f.wire)
            .collect();
        // The splice needs a status followed, in the canonical order, by another signed field.
        let splice = fields
            .iter()
            .find(|f| f.kind == ValueKind::Status)
            .map(|f| f.wire.clone())
            .filter(|status| {
                let mut keys: Vec<String> = serde_json::from_str::<Map<String, Value>>(&ex.json)
                    .map(|m| {
                        m.iter()
                            .filter(|(k, v)| *k != "sign" && v.as_str() != Some(""))
                            .map(|(k, _)| k.clone())
                            .collect()
                    })
                    .unwrap_or_default();
                keys.sort();
                keys.iter()
                    .position(|k| k == status)
                    .is_some_and(|at| at + 1 < keys.len())
            });
        let (read, genuine, sign_again, keeps_signature) = if n.signed {
            (
                quote!(Notification::verify(body.as_bytes(), &verifier)),
                quote!(sign_body(#json, &secret).expect("a JSON object")),
                quote!(let body = sign_body(&body, &secret).expect("a JSON object");),
                quote!(assert!(verifier.verify(body.as_bytes()).is_ok(), "the signature still matches");),
            )
        } else {
            (
                quote!(UnconfirmedNotification::parse(body.as_bytes())),
                quote!(#json.to_string()),
                quote!(),
                quote!(),
            )
        };
        let splice_check = match &splice {
            Some(status) => quote! {
                let body = replay::spliced_after(&genuine, #status)
                    .expect("in the example, the status is followed by another signed field");
                #keeps_signature
                assert!(matches!(#read, Err(NotifyError::Unusable(_))), "{body}");
            },
            None => quote!(),
        };
        tests.push(quote! {
            /// What an attacker can do with one captured callback and no secret: add an empty
            /// second spelling of a field (empty values are not signed), splice two signed
            /// fields into one value (pairs are joined with no separator), or drop a field a
            /// receiver needs. Each is refused when read.
            #[test]
            fn a_captured_callback_cannot_be_reshaped() {
                use paypro_core::notify::{sign_body, NotifyError, Verifier};
                use paypro_testkit::replay;
                let secret = Secret::new(paypro_testkit::TEST_SECRET).unwrap();
                let verifier = Verifier::new(secret.clone());
                let _ = (&verifier, sign_body);
                let genuine = #genuine;
                for alias in [#(#present_aliases),*] {
                    let body = replay::with_empty_field(&genuine, alias);
                    #keeps_signature
                    assert!(matches!(#read, Err(NotifyError::Unusable(_))), "{alias}");
                }
                #splice_check
                for name in [#(#required),*] {
                    let body = replay::without_field(&genuine, name);
                    #sign_again
                    assert!(matches!(#read, Err(NotifyError::Unusable(_))), "without {name}");
                }
            }
        });
        if n.signed {
            tests.push(quote! {
                #[test]
                fn notification_example_verifies_when_signed_and_parses() {
                    use paypro_core::notify::{sign_body, Verifier, NotifyError};
                    // The docs' example carries a placeholder sign: re-signed with the test secret.
                    let body = sign_body(#json, &Secret::new(paypro_testkit::TEST_SECRET).unwrap()).expect("a JSON object");
                    let verifier = Verifier::new(Secret::new(paypro_testkit::TEST_SECRET).unwrap());
                    let data = Notification::verify(body.as_bytes(), &verifier).expect("verifies and parses");
                    #signed_checks
                    // As printed in the docs (placeholder sign) it is refused.
                    assert!(matches!(
                        verifier.verify(#json.as_bytes()),
                        Err(NotifyError::MalformedSign | NotifyError::BadSign | NotifyError::MissingSign)
                    ));
                }
            });
        } else {
            tests.push(quote! {
                #[test]
                fn notification_example_is_read_as_unconfirmed() {
                    use paypro_core::notify::{Verifier, NotifyError};
                    let data = UnconfirmedNotification::parse(#json.as_bytes()).expect("the docs' example reads");
                    #checks
                    // It carries no signature, so a verifier cannot accept it.
                    assert_eq!(Verifier::new(Secret::new(paypro_testkit::TEST_SECRET).unwrap()).verify(#json.as_bytes()).unwrap_err(), NotifyError::MissingSign);
                }
            });
        }
    }
    rust_file(
        &country.spec_path(),
        quote! {
            //! The docs' example responses and notification, decoded: every documented field (or
            //! alias) lands in its typed field, everything else in `extra`.
            #![allow(unused_imports)]

            use #krate::*;
            #[allow(unused_imports)]
            use #krate::advanced::*;

            #(#tests)*
        },
    )
}

fn field_checks(fields: &[&ResponseField], ex: &DataExample) -> TokenStream {
    let checks = ex.fields.iter().map(|d| {
        let f = fields[d.field];
        let name = ident(&names::field_ident(&f.wire, f.rust.as_deref()));
        match (&d.value, f.kind) {
            (None, _) => quote!(assert_eq!(data.#name, None);),
            (Some(v), ValueKind::Text) => quote!(assert_eq!(data.#name.as_deref(), Some(#v));),
            (Some(v), ValueKind::Decimal) => {
                quote!(assert_eq!(data.#name.map(|d| d.to_string()).as_deref(), Some(#v));)
            }
            (Some(v), ValueKind::Integer) => {
                let n = num(v.parse::<u64>().expect("decoded integer"));
                quote!(assert_eq!(data.#name, Some(#n));)
            }
            (Some(v), ValueKind::Boolean) => {
                let b = v == "true";
                quote!(assert_eq!(data.#name, Some(#b));)
            }
            (Some(v), ValueKind::Status) => {
                quote!(assert_eq!(data.#name.as_ref().map(Status::code), Some(#v));)
            }
        }
    });
    let extra = &ex.extra;
    quote! {
        #(#checks)*
        let extra: Vec<&str> = data.extra.iter().map(|(k, _)| k).collect();
        assert_eq!(extra, Vec::<&str>::from([#(#extra),*]));
    }
}
