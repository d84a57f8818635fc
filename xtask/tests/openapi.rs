//! openapi/paypro-<cc>.json: written by `cargo xtask gen` (so `gen --check` covers them),
//! parsed by an OpenAPI 3.1 library (oas3), and every example valid against its schema
//! (jsonschema, draft 2020-12, the dialect of OpenAPI 3.1).

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

const COUNTRIES: &[&str] = &["bd", "eg", "id", "ke", "mx"];

/// The documents read by tools from PyPI.
#[path = "openapi/tools.rs"]
mod tools;

fn document(code: &str) -> (String, Value) {
    let path = root().join(format!("openapi/paypro-{code}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json = serde_json::from_str(&text).unwrap();
    (text, json)
}

/// A validator for `schema`, a schema of `doc` that may refer to `#/components/schemas/...`.
fn validator(doc: &Value, schema: &Value) -> jsonschema::Validator {
    let mut root = serde_json::json!({ "allOf": [schema] });
    root["components"] = doc["components"].clone();
    jsonschema::draft202012::new(&root)
        .unwrap_or_else(|e| panic!("the schema is not valid JSON Schema: {e}"))
}

/// Every media type object that has both a schema and examples: (where, schema, examples).
fn media_with_examples<'a>(
    at: String,
    v: &'a Value,
    out: &mut Vec<(String, &'a Value, &'a Value)>,
) {
    let mut all = vec![];
    every_object(at, v, &mut all);
    for (at, o) in all {
        if let (Some(schema), Some(examples)) = (o.get("schema"), o.get("examples")) {
            out.push((at, schema, examples));
        }
    }
}

#[test]
fn the_documents_are_what_gen_writes() {
    let specs =
        xtask::codegen::load(&root().join("spec"), &root()).unwrap_or_else(|e| panic!("{e:?}"));
    let files = xtask::codegen::generate(&specs).unwrap_or_else(|e| panic!("{e:?}"));
    for code in COUNTRIES {
        let path = PathBuf::from(format!("openapi/paypro-{code}.json"));
        let generated = files
            .get(&path)
            .unwrap_or_else(|| panic!("gen writes no {}", path.display()));
        assert_eq!(
            generated,
            &document(code).0,
            "{} is stale: run cargo xtask gen",
            path.display()
        );
    }
}

#[test]
fn every_document_parses_as_openapi_3_1_with_every_endpoint_and_the_webhook() {
    for code in COUNTRIES {
        let (text, _) = document(code);
        let spec = oas3::from_json(&text).unwrap_or_else(|e| panic!("paypro-{code}.json: {e}"));
        assert_eq!(spec.openapi, "3.1.0");
        let toml_text = std::fs::read_to_string(root().join(format!("spec/{code}.toml"))).unwrap();
        let paths: Vec<&str> = toml_text
            .lines()
            .filter_map(|l| l.strip_prefix("path = \""))
            .map(|l| l.trim_end_matches('"'))
            .collect();
        let documented = spec.paths.as_ref().expect("paths");
        assert_eq!(
            documented.len(),
            paths.len(),
            "{code}: one path per endpoint"
        );
        for p in paths {
            let item = documented
                .get(p)
                .unwrap_or_else(|| panic!("{code}: no path {p}"));
            let op = item
                .post
                .as_ref()
                .unwrap_or_else(|| panic!("{code} {p}: no POST"));
            assert!(
                op.parameters.iter().any(|param| matches!(param, oas3::spec::ObjectOrReference::Object(x) if x.name == "merchantNo")),
                "{code} {p}: no merchantNo header"
            );
        }
        assert!(
            spec.webhooks.contains_key("notification"),
            "{code}: no notification webhook"
        );
    }
}

#[test]
fn every_example_is_valid_against_its_schema() {
    let mut checked = 0;
    for code in COUNTRIES {
        let (_, json) = document(code);
        let mut found = vec![];
        media_with_examples(format!("paypro-{code}.json#"), &json, &mut found);
        assert!(!found.is_empty(), "{code}: no examples");
        for (at, schema, examples) in found {
            let validator = validator(&json, schema);
            for (name, example) in examples.as_object().unwrap() {
                let value = &example["value"];
                let errors: Vec<String> = validator
                    .iter_errors(value)
                    .map(|e| format!("{} at {}", e, e.instance_path()))
                    .collect();
                assert!(errors.is_empty(), "{at} example {name}: {errors:#?}");
                checked += 1;
            }
        }
    }
    // Request, response and notification examples of five countries.
    assert!(checked >= 15, "only {checked} examples");
}

#[test]
fn the_schemas_refuse_what_the_sdk_refuses() {
    // The validation above can fail: Mexico's pay-in example without its required wayCode,
    // with an unknown wayCode, or with a decimal amount is refused by the request schema.
    let (_, json) = document("mx");
    let media =
        &json["paths"]["/v1/paypro/payInApi"]["post"]["requestBody"]["content"]["application/json"];
    let validator = validator(&json, &media["schema"]);
    let example = &media["examples"]["docs"]["value"];
    assert!(validator.is_valid(example));
    let mut missing = example.clone();
    missing.as_object_mut().unwrap().remove("wayCode");
    assert!(!validator.is_valid(&missing));
    let mut unknown = example.clone();
    unknown["wayCode"] = "spei".into();
    assert!(!validator.is_valid(&unknown));
    let mut decimal = example.clone();
    decimal["amount"] = "12.50".into();
    assert!(!validator.is_valid(&decimal));
}

#[test]
fn check_reports_a_hand_edited_document_and_gen_deletes_a_stale_one() {
    let repo_spec = root().join("spec");
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("openapi-drift");
    let _ = std::fs::remove_dir_all(&root);
    let spec = root.join("spec");
    std::fs::create_dir_all(&spec).unwrap();
    // The generator reads the workspace version from the root manifest.
    std::fs::copy(repo_spec.join("../Cargo.toml"), root.join("Cargo.toml")).unwrap();
    for entry in std::fs::read_dir(&repo_spec).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), spec.join(entry.file_name())).unwrap();
    }
    xtask::run(&root, &spec, false).unwrap_or_else(|e| panic!("{e:?}"));
    let mx = root.join("openapi/paypro-mx.json");
    let text = std::fs::read_to_string(&mx).unwrap();
    std::fs::write(&mx, text.replace("\"3.1.0\"", "\"3.0.3\"")).unwrap();
    std::fs::write(root.join("openapi/paypro-xx.json"), "{}\n").unwrap();
    match xtask::run(&root, &spec, true) {
        Ok(xtask::Outcome::Drifted(d)) => {
            let report = d.report();
            assert!(report.contains("-  \"openapi\": \"3.0.3\","), "{report}");
            assert!(report.contains("+  \"openapi\": \"3.1.0\","), "{report}");
            assert!(
                report.contains("stale file (not generated by any spec): openapi/paypro-xx.json"),
                "{report}"
            );
        }
        _ => panic!("gen --check missed the drift"),
    }
    xtask::run(&root, &spec, false).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(std::fs::read_to_string(&mx).unwrap(), text);
    assert!(!root.join("openapi/paypro-xx.json").exists());
}

fn specs() -> xtask::codegen::Specs {
    xtask::codegen::load(&root().join("spec"), &root()).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Values around each rule of a field: bounds, lengths, prefixes, formats, and plain junk.
fn probes(f: &xtask::spec::RequestField) -> Vec<String> {
    let mut out: Vec<String> = ["", "abc", "-5", "0", "1", "12.5", "é"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    if let Some((lo, hi)) = xtask::rules::amount_bounds(f) {
        for v in [lo - 1, lo, lo + 1, hi - 1, hi] {
            out.push(v.to_string());
        }
        out.push((u128::from(hi) + 1).to_string());
    }
    if let Some([lo, hi]) = f.digits {
        let mut starts: Vec<String> = f.prefixes.clone();
        starts.extend(["", "1", "9"].map(String::from));
        for start in starts {
            for len in lo.saturating_sub(1)..=hi + 1 {
                let len = len as usize;
                if len >= start.len() {
                    out.push(format!("{start}{}", "5".repeat(len - start.len())));
                }
            }
            out.push(format!("{start}{}x", "5".repeat(lo as usize)));
        }
    }
    for p in &f.prefixes {
        out.push(format!("{p}abc"));
        out.push(format!("x{p}"));
    }
    if let Some(max) = f.max_len {
        for n in [max - 1, max, max + 1] {
            out.push("a".repeat(n as usize));
            out.push("é".repeat(n as usize));
        }
    }
    if f.format.is_some() {
        for v in [
            "https://shop.example/paypro/notify?x=%20",
            "HTTP://A.EXAMPLE",
            "http://[::1]/n",
            "https://a.example/cb\n",
            "https://a.example/c b",
            " https://a.example/cb",
            "https://a.example\\cb",
            "https://a.example/cb\u{85}",
            "https://a.example/cb\u{2028}",
            "https://a.example/cb\u{a0}",
            "ftp://a.example/cb",
            "https:///cb",
            "/paypro/notify",
            "012180000000000015",
            "012180000000000016",
            "01218000000000001",
            "0121800000000000150",
            "01218000000000001x",
        ] {
            out.push(v.to_string());
        }
    }
    for v in &f.values {
        out.push(v.wire.clone());
        out.push(v.wire.to_lowercase());
        out.push(format!("{} ", v.wire));
    }
    out
}

#[test]
fn request_schemas_refuse_exactly_what_the_builders_refuse() {
    // Every rule of the one rule table (xtask::rules) is in the schema: for values around each
    // rule, the request schema accepts a body exactly when the generator's checker (the
    // builders' rules, xtask::oracle) accepts the value, except for what the field's
    // x-paypro-rules-beyond-schema names, and an optional field sent empty (left out instead).
    let specs = specs();
    let mut checked = 0;
    for country in &specs.countries {
        let code = &country.spec.country.get_ref().code;
        let (_, doc) = document(code);
        for e in &country.spec.endpoint {
            let e = e.get_ref();
            let name = xtask::names::pascal(&e.name);
            let schema = &doc["components"]["schemas"][format!("{name}Request")];
            assert!(schema.is_object(), "{code} {}: no {name}Request", e.name);
            let validator = validator(&doc, schema);
            // The document's example: the spec's, with the sign computed.
            let base = &doc["paths"][&e.path]["post"]["requestBody"]["content"]["application/json"]
                ["examples"]["docs"]["value"];
            if base.is_null() {
                continue;
            }
            assert!(validator.is_valid(base), "{code} {}: the example", e.name);
            for f in &e.request {
                let f = f.get_ref();
                let field_schema = &schema["properties"][&f.wire];
                for probe in probes(f) {
                    let mut body = base.clone();
                    let value = match f.wire_type {
                        xtask::spec::WireType::String => Value::String(probe.clone()),
                        xtask::spec::WireType::Number => match serde_json::from_str(&probe) {
                            Ok(n @ Value::Number(_)) => n,
                            _ => continue,
                        },
                    };
                    body[&f.wire] = value;
                    let mut verdict = xtask::oracle::check_text(f, &probe);
                    if let (Some(format), Some(when), Ok(())) = (f.format, &f.format_when, &verdict)
                    {
                        if base[&when.field] == Value::String(when.is.clone()) && !probe.is_empty()
                        {
                            verdict = xtask::oracle::check_format(format, &probe);
                        }
                    }
                    let accepted = validator.is_valid(&body);
                    let at = format!("{code} {} `{}` = {probe:?}", e.name, f.wire);
                    match verdict {
                        Ok(()) if probe.is_empty() => {
                            assert!(
                                !f.required && !accepted,
                                "{at}: empty is left out, not sent"
                            )
                        }
                        Ok(()) => assert!(
                            accepted,
                            "{at}: the builders accept it, the schema refuses it"
                        ),
                        Err(why) if why.contains("check digit") => {
                            assert!(accepted, "{at}: {why}");
                            let beyond = doc_beyond(field_schema, schema, &f.wire);
                            assert!(
                                beyond.iter().any(|b| b.starts_with("clabe-check-digit")),
                                "{at}: the schema does not name the rule it cannot check"
                            );
                        }
                        Err(why) => assert!(
                            !accepted,
                            "{at}: the builders refuse it ({why}), the schema accepts it"
                        ),
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} probes");
}

/// The rules a field's schema (or its conditional format) says it cannot check.
fn doc_beyond(field: &Value, body: &Value, wire: &str) -> Vec<String> {
    let mut out: Vec<String> = field["x-paypro-rules-beyond-schema"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(String::from))
        .collect();
    for cond in body["allOf"].as_array().into_iter().flatten() {
        out.extend(
            cond["then"]["properties"][wire]["x-paypro-rules-beyond-schema"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(String::from)),
        );
    }
    out
}

#[test]
fn the_audit_s_values_are_refused() {
    // The audit's cases: an amount of -5 and "0", and the mobile "abc" (Indonesia, digits with
    // prefixes); Egypt's bounds; Mexico's CLABE rule when the account type is CLABE.
    let cases: &[(&str, &str, &str, Value)] = &[
        ("mx", "PayInRequest", "amount", json!("-5")),
        ("mx", "PayInRequest", "amount", json!("0")),
        ("id", "PayInRequest", "amount", json!(-5)),
        ("id", "PayInRequest", "amount", json!(0)),
        ("id", "PayInRequest", "mobile", json!("abc")),
        ("eg", "PayInRequest", "amount", json!("99")),
        ("eg", "PayInRequest", "amount", json!("10001")),
        ("mx", "PayInRequest", "notifyUrl", json!("/paypro/notify")),
        (
            "mx",
            "PayoutRequest",
            "customerAccount",
            json!("01218000000000001x"),
        ),
    ];
    for (code, name, field, value) in cases {
        let (_, doc) = document(code);
        let schema = &doc["components"]["schemas"][name];
        let media = doc["paths"]
            .as_object()
            .unwrap()
            .values()
            .map(|p| &p["post"]["requestBody"]["content"]["application/json"])
            .find(|m| m["schema"]["$ref"] == format!("#/components/schemas/{name}"))
            .unwrap_or_else(|| panic!("{code}: no operation uses {name}"));
        let mut body = media["examples"]["docs"]["value"].clone();
        let validator = validator(&doc, schema);
        assert!(validator.is_valid(&body), "{code} {name}: its example");
        body[*field] = value.clone();
        assert!(
            !validator.is_valid(&body),
            "{code} {name}: {field} = {value}"
        );
    }
}

use serde_json::json;

#[test]
fn a_string_amount_s_pattern_is_exactly_its_range() {
    let ranges = [
        (1, 9),
        (1, 10),
        (100, 10_000),
        (7, 1234),
        (1, i64::MAX as u64),
        (99, 101),
        (5, 5),
        (0, u64::MAX),
    ];
    for (lo, hi) in ranges {
        let pattern = xtask::openapi::range_pattern(lo, hi);
        let v =
            jsonschema::draft202012::new(&json!({"type": "string", "pattern": pattern})).unwrap();
        let mut values: Vec<u128> = vec![
            0, 1, 9, 10, 11, 99, 100, 101, 1000, 1234, 1235, 9999, 10_000, 10_001,
        ];
        for edge in [lo as u128, hi as u128] {
            for d in 0..=12u128 {
                values.push(edge.saturating_sub(d));
                values.push(edge + d);
            }
        }
        // Digits around i64::MAX one place at a time.
        let mut x: u128 = 1;
        for _ in 0..20 {
            values.push(x);
            values.push(x * 9);
            x *= 10;
        }
        for n in values {
            let inside = (lo as u128..=hi as u128).contains(&n);
            assert_eq!(
                v.is_valid(&json!(n.to_string())),
                inside,
                "{lo}..={hi}: {n} ({pattern})"
            );
        }
        for text in ["", "-5", "01", "00", "1.0", "1e3", " 1", "1 "] {
            assert!(!v.is_valid(&json!(text)), "{lo}..={hi}: {text:?}");
        }
    }
}

/// Every object in the document, depth first: (where, object).
fn every_object<'a>(at: String, v: &'a Value, out: &mut Vec<(String, &'a Value)>) {
    match v {
        Value::Object(map) => {
            out.push((at.clone(), v));
            for (k, child) in map {
                every_object(format!("{at}/{k}"), child, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                every_object(format!("{at}/{i}"), child, out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_envelope_status_amount_and_notification_are_shared_components() {
    for code in COUNTRIES {
        let (_, doc) = document(code);
        let schemas = doc["components"]["schemas"]
            .as_object()
            .expect("components");
        for name in ["Envelope", "Status", "Amount", "Notification"] {
            assert!(schemas.contains_key(name), "{code}: no {name}");
        }
        for (path, item) in doc["paths"].as_object().unwrap() {
            let op = &item["post"];
            let response = &op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"];
            let name = response
                .as_str()
                .and_then(|r| r.strip_prefix("#/components/schemas/"));
            let name =
                name.unwrap_or_else(|| panic!("{code} {path}: the response is not a named schema"));
            assert_eq!(
                schemas[name]["allOf"][0]["$ref"], "#/components/schemas/Envelope",
                "{code} {path}: {name} is not the envelope"
            );
            let data = &schemas[name]["allOf"][1]["properties"]["data"]["anyOf"][0]["$ref"];
            assert!(
                data.as_str().is_some_and(|d| d.ends_with("Data")),
                "{code} {path}: data is not named"
            );
            let body = &op["requestBody"]["content"]["application/json"]["schema"]["$ref"];
            assert!(
                body.as_str().is_some_and(|b| b.ends_with("Request")),
                "{code} {path}: the body is not named"
            );
        }
        assert_eq!(
            doc["webhooks"]["notification"]["post"]["requestBody"]["content"]["application/json"]["schema"]
                ["$ref"],
            "#/components/schemas/Notification",
            "{code}: the webhook"
        );
        // Every status and every received amount is the shared one.
        let mut all = vec![];
        every_object(format!("paypro-{code}.json#"), &doc, &mut all);
        for (at, s) in all {
            if let Some(props) = s.get("properties").and_then(Value::as_object) {
                if let Some(status) = props.get("status") {
                    assert_eq!(status["$ref"], "#/components/schemas/Status", "{at}/status");
                }
            }
        }
        let notification = &schemas["Notification"]["properties"];
        assert_eq!(
            notification["status"]["$ref"], "#/components/schemas/Status",
            "{code}"
        );
        assert!(
            notification
                .as_object()
                .unwrap()
                .values()
                .any(|p| p["$ref"] == "#/components/schemas/Amount"),
            "{code}: the notification's amount"
        );
    }
}

#[test]
fn order_numbers_and_texts_are_strings() {
    // Never `number | string`: a generated client would type tradeNo as `float | str`.
    for code in COUNTRIES {
        let (_, doc) = document(code);
        let mut all = vec![];
        every_object(format!("paypro-{code}.json#"), &doc, &mut all);
        let mut seen = 0;
        for (at, s) in all {
            let Some(props) = s.get("properties").and_then(Value::as_object) else {
                continue;
            };
            for (name, p) in props {
                if name.to_ascii_lowercase().ends_with("tradeno") {
                    assert_eq!(p["type"], "string", "{at}/{name}");
                    seen += 1;
                }
                if let Some(types) = p["type"].as_array() {
                    assert!(
                        !types.contains(&json!("number")),
                        "{at}/{name}: number | string outside the shared Amount"
                    );
                }
            }
        }
        assert!(seen >= 3, "{code}: only {seen} order numbers");
    }
}

#[test]
fn an_alias_is_one_property_with_its_other_spellings() {
    let specs = specs();
    let aliases: Vec<(String, Vec<String>)> = specs
        .common
        .spec
        .shared_field
        .iter()
        .map(|f| f.get_ref())
        .filter(|f| !f.aliases.is_empty())
        .map(|f| (f.wire.clone(), f.aliases.clone()))
        .collect();
    assert!(!aliases.is_empty());
    let mut found = 0;
    for code in COUNTRIES {
        let (_, doc) = document(code);
        let mut all = vec![];
        every_object(format!("paypro-{code}.json#"), &doc, &mut all);
        for (at, s) in all {
            let Some(props) = s.get("properties").and_then(Value::as_object) else {
                continue;
            };
            if at.contains("Request") {
                continue; // what is sent has one spelling
            }
            for (wire, spellings) in &aliases {
                for a in spellings {
                    assert!(!props.contains_key(a), "{at}: `{a}` is a second property");
                }
                if let Some(p) = props.get(wire) {
                    assert_eq!(p["x-aliases"], json!(spellings), "{at}/{wire}");
                    let d = p["description"].as_str().unwrap_or("");
                    assert!(
                        d.contains("reads every spelling into this one field"),
                        "{at}/{wire}: {d}"
                    );
                    found += 1;
                }
            }
        }
    }
    assert!(found >= 10, "only {found}");
}

/// Every example object: (where, example).
fn every_example(doc: &Value, code: &str) -> Vec<(String, Value)> {
    let mut found = vec![];
    media_with_examples(format!("paypro-{code}.json#"), doc, &mut found);
    found
        .into_iter()
        .flat_map(|(at, _, examples)| {
            examples
                .as_object()
                .unwrap()
                .iter()
                .map(move |(name, ex)| (format!("{at}/examples/{name}"), ex.clone()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_example_s_sign_is_what_its_description_says() {
    // Recomputed by the signing rule (shared/paypro-api/signing.md §3: the generator's oracle,
    // itself pinned to that page's worked vectors, and to two of them here).
    let specs = specs();
    let common = &specs.common.spec;
    let secret = &common.test_credentials.secret;
    let sign = |body: &serde_json::Map<String, Value>| {
        xtask::oracle::sign(body, secret, common.signing.secret_placement)
    };
    let (mut body_signs, mut header_signs) = (0, 0);
    for code in COUNTRIES {
        let (_, doc) = document(code);
        for (at, ex) in every_example(&doc, code) {
            let description = ex["description"].as_str().unwrap_or("");
            let claim = ex.get("x-paypro-sign").and_then(Value::as_str);
            let value = ex["value"].as_object().unwrap();
            let says_test = description.contains(&format!("with the test secret `{secret}`"));
            if let Some(header) = ex.get("x-paypro-sign-header") {
                assert_eq!(claim, Some("test-secret"), "{at}");
                assert_eq!(header, &json!(sign(value)), "{at}: the sign header");
                assert!(
                    says_test && description.contains(header.as_str().unwrap()),
                    "{at}: {description}"
                );
                header_signs += 1;
                continue;
            }
            let Some(shown) = value.get("sign") else {
                assert!(claim.is_none(), "{at}: a sign claim without a sign");
                continue;
            };
            match claim {
                Some("test-secret") => {
                    assert_eq!(
                        shown,
                        &json!(sign(value)),
                        "{at}: does not verify with `{secret}`"
                    );
                    assert!(says_test, "{at}: {description}");
                }
                Some("docs-unverifiable") => {
                    assert_ne!(shown, &json!(sign(value)), "{at}");
                    assert!(description.contains("unverifiable"), "{at}: {description}");
                }
                other => panic!("{at}: sign {shown} with no claim ({other:?}): {description}"),
            }
            body_signs += 1;
        }
    }
    assert!(body_signs >= 30, "only {body_signs} signed bodies");
    assert!(header_signs >= 1, "no header-signed example");
    // signing.md §4's self-made vectors: the Bangladesh pay-in and payment-query bodies.
    let (_, bd) = document("bd");
    let ex = |path: &str| {
        bd["paths"][path]["post"]["requestBody"]["content"]["application/json"]["examples"]["docs"]
            ["value"]["sign"]
            .clone()
    };
    assert_eq!(ex("/v1/paypro/payin"), "14c96c6e3ff59f7416d4b1a0c9d26883");
    assert_eq!(
        ex("/v1/paypro/queryPayInResult"),
        "399e2ccfe3ce8947beb4ef1a75f0d170"
    );
}

/// `..` ending a sentence (not `...`, nor `100..10,000`).
fn double_full_stop(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(1)).any(|i| {
        b[i] == b'.'
            && b[i + 1] == b'.'
            && (i == 0 || b[i - 1] != b'.')
            && b.get(i + 2).is_none_or(|c| c.is_ascii_whitespace())
    })
}

#[test]
fn descriptions_have_no_slips() {
    assert!(double_full_stop("Origin: the docs.. The source"));
    assert!(!double_full_stop("paths are `/api/...` and 100..10,000"));
    for code in COUNTRIES {
        let (_, doc) = document(code);
        let mut all = vec![];
        every_object(format!("paypro-{code}.json#"), &doc, &mut all);
        for (at, s) in all {
            if let Some(d) = s.get("description").and_then(Value::as_str) {
                assert!(!double_full_stop(d), "{at}: {d}");
                assert!(!d.contains("replaced by computed"), "{at}: {d}");
            }
        }
    }
}

#[test]
fn servers_and_an_empty_security_are_declared() {
    for code in COUNTRIES {
        let (_, doc) = document(code);
        let servers = doc["servers"]
            .as_array()
            .unwrap_or_else(|| panic!("{code}: no servers"));
        assert!(
            servers.iter().any(|s| s["url"]
                .as_str()
                .is_some_and(|u| u.starts_with("http://127.0.0.1:{port}/"))),
            "{code}: the embedded sandbox"
        );
        assert_eq!(doc["security"], json!([]), "{code}: security");
        assert!(
            doc["info"]["license"]["identifier"].is_string(),
            "{code}: license"
        );
        for (path, item) in doc["paths"].as_object().unwrap() {
            let params = item["post"]["parameters"].as_array().unwrap();
            assert!(
                params.iter().any(|p| p["name"] == "merchantNo"
                    && p["in"] == "header"
                    && p["required"] == true),
                "{code} {path}"
            );
            assert!(
                item["post"]["tags"]
                    .as_array()
                    .is_some_and(|t| !t.is_empty()),
                "{code} {path}: tags"
            );
        }
    }
}
