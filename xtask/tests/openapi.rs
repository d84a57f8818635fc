//! The generated OpenAPI documents: each one is read by an OpenAPI 3.1 library, and every
//! example in it (requests as the SDK signs them, the docs' answers and callbacks) is valid
//! against its own schema. A schema that a broken example passes would be worthless, so each
//! request schema is also shown to refuse a body without a required field.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn documents() -> Vec<(PathBuf, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi");
    let mut docs: Vec<(PathBuf, Value)> = std::fs::read_dir(&dir)
        .expect("openapi/ exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, serde_json::from_str(&text).expect("JSON"))
        })
        .collect();
    docs.sort_by(|a, b| a.0.cmp(&b.0));
    docs
}

/// Every (schema, example) pair of a document: request bodies, answers and the webhook.
fn examples(doc: &Value) -> Vec<(String, Value, Value)> {
    let mut out = Vec::new();
    let operations = doc["paths"]
        .as_object()
        .into_iter()
        .flatten()
        .chain(doc["webhooks"].as_object().into_iter().flatten());
    for (path, item) in operations {
        let op = &item["post"];
        let request = &op["requestBody"]["content"]["application/json"];
        if !request["example"].is_null() {
            out.push((
                format!("{path} request"),
                request["schema"].clone(),
                request["example"].clone(),
            ));
        }
        let answer = &op["responses"]["200"]["content"]["application/json"];
        if !answer["example"].is_null() {
            out.push((
                format!("{path} answer"),
                answer["schema"].clone(),
                answer["example"].clone(),
            ));
        }
    }
    out
}

#[test]
fn every_document_is_openapi_3_1_and_every_example_fits_its_schema() {
    let docs = documents();
    assert_eq!(docs.len(), 5, "one per country");
    for (path, doc) in &docs {
        let text = std::fs::read_to_string(path).unwrap();
        let spec = oas3::from_json(&text)
            .unwrap_or_else(|e| panic!("{}: not OpenAPI 3.1: {e}", path.display()));
        assert!(spec.openapi.starts_with("3.1"), "{}", spec.openapi);
        assert!(!spec.paths.as_ref().is_none_or(|p| p.is_empty()));
        assert!(doc["webhooks"]["notification"].is_object());
        assert!(
            doc["x-generated"]
                .as_str()
                .is_some_and(|g| g.starts_with("@generated from spec/")),
        );
        let pairs = examples(doc);
        assert!(pairs.len() > 3, "{}: examples", path.display());
        for (what, schema, example) in pairs {
            let validator = jsonschema::validator_for(&schema)
                .unwrap_or_else(|e| panic!("{} {what}: not a JSON Schema: {e}", path.display()));
            let errors: Vec<String> = validator
                .iter_errors(&example)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "{} {what}: the example breaks its schema: {errors:?}",
                path.display()
            );
        }
    }
}

#[test]
fn request_schemas_refuse_what_the_sdk_never_sends() {
    for (path, doc) in documents() {
        for (what, schema, example) in examples(&doc) {
            if !what.ends_with("request") || what.starts_with("notification") {
                continue;
            }
            let validator = jsonschema::validator_for(&schema).unwrap();
            let mut broken = example.clone();
            let object = broken.as_object_mut().unwrap();
            let required = schema["required"][0].as_str().expect("a required field");
            object.remove(required);
            assert!(
                !validator.is_valid(&broken),
                "{} {what}: valid without `{required}`",
                path.display()
            );
            let mut extra = example.clone();
            extra["notAField"] = Value::from("x");
            assert!(
                !validator.is_valid(&extra),
                "{} {what}: valid with an unknown field",
                path.display()
            );
        }
    }
}
