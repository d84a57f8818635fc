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

fn document(code: &str) -> (String, Value) {
    let path = root().join(format!("openapi/paypro-{code}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json = serde_json::from_str(&text).unwrap();
    (text, json)
}

/// Every media type object that has both a schema and examples: (where, schema, examples).
fn media_with_examples<'a>(
    at: String,
    v: &'a Value,
    out: &mut Vec<(String, &'a Value, &'a Value)>,
) {
    match v {
        Value::Object(map) => {
            if let (Some(schema), Some(examples)) = (map.get("schema"), map.get("examples")) {
                out.push((at.clone(), schema, examples));
            }
            for (k, child) in map {
                media_with_examples(format!("{at}/{k}"), child, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                media_with_examples(format!("{at}/{i}"), child, out);
            }
        }
        _ => {}
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
            let validator = jsonschema::draft202012::new(schema)
                .unwrap_or_else(|e| panic!("{at}: the schema is not valid JSON Schema: {e}"));
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
    let validator = jsonschema::draft202012::new(&media["schema"]).unwrap();
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
