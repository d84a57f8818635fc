//! The response table against the fields the spec reads: names, requiredness and types, and
//! the `data` row against the endpoint's `data` shape. Envelope rows are compared by name.

use std::collections::BTreeSet;

use toml::Value;

use super::request::req_word;
use super::spec::{SpecResponseField, SpecView, docs_list, docs_quirk, response, str_of};
use crate::docs::page::{Page, Row};

const NUMBER_WORDS: &[&str] = &[
    "long", "int", "integer", "number", "float", "double", "decimal",
];

/// The page's type words that fit how the spec reads a field, and the JSON type they name:
/// text and status codes are strings (a status sent as a number loses its leading zeros),
/// decimals and integers are read from strings and numbers alike, booleans are booleans.
fn fitting_words(kind: &str) -> (Vec<&'static str>, &'static str) {
    match kind {
        "decimal" | "integer" => {
            let mut words = vec!["string"];
            words.extend(NUMBER_WORDS);
            (words, "string or number")
        }
        "boolean" => (vec!["boolean", "bool"], "boolean"),
        _ => (vec!["string"], "string"),
    }
}

fn article(kind: &str) -> String {
    match kind {
        "integer" => "an integer".into(),
        k => format!("a {k}"),
    }
}

/// A `data.<field>` row against the spec's field: requiredness (the page marks every response
/// field required unless `[endpoint.docs] response_optional` lists it) and type (what the spec
/// reads, or the word `[endpoint.docs] response_types` records).
fn diff_field(
    endpoint: &Value,
    name: &str,
    row: &Row,
    f: &SpecResponseField,
    out: &mut Vec<String>,
) {
    let required = !docs_list(endpoint, "response_optional").contains(&f.wire);
    if row.required != required {
        out.push(format!(
            "response field {name} is now {}",
            req_word(row.required)
        ));
    }
    let (words, json) = fitting_words(&f.kind);
    match docs_quirk(endpoint, "response_types", &f.wire).and_then(Value::as_str) {
        Some(recorded) if !recorded.eq_ignore_ascii_case(&row.ty) => out.push(format!(
            "response field {name} type {recorded} → {} (the spec reads {} from a JSON {json})",
            row.ty,
            article(&f.kind)
        )),
        Some(_) => {}
        None if !words.contains(&row.ty.as_str()) => out.push(format!(
            "response field {name} type {} → {} (the spec reads {} from a JSON {json})",
            words
                .join(" or ")
                .replace(&NUMBER_WORDS.join(" or "), "number"),
            row.ty,
            article(&f.kind)
        )),
        None => {}
    }
}

/// The envelope's `data` row against the endpoint's `data` shape (`object` or `boolean`).
fn diff_data(endpoint: &Value, row: &Row, out: &mut Vec<String>) {
    let shape = str_of(endpoint, "data").unwrap_or("object");
    let fits = match shape {
        "boolean" => matches!(row.ty.as_str(), "boolean" | "bool"),
        _ => row.ty == "object",
    };
    if !fits {
        out.push(format!(
            "response data type {shape} → {} (the spec reads data as {})",
            row.ty,
            if shape == "object" {
                "an object"
            } else {
                "a boolean"
            }
        ));
    }
}

pub fn diff(spec: &SpecView, endpoint: &Value, page: &Page, out: &mut Vec<String>) {
    let envelope: BTreeSet<&str> = spec
        .common
        .get("envelope")
        .and_then(Value::as_table)
        .map(|t| t.values().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let data_name = spec
        .common
        .get("envelope")
        .and_then(|e| str_of(e, "data"))
        .unwrap_or("data");
    let fields = response(spec, endpoint);
    let deliberately_absent = docs_list(endpoint, "response_absent");
    let mut seen = BTreeSet::new();
    for row in &page.response {
        let Some(name) = row.name.strip_prefix("data.") else {
            if row.name == data_name {
                diff_data(endpoint, row, out);
            } else if !envelope.contains(row.name.as_str()) {
                out.push(format!("response envelope field {} is new", row.name));
            }
            continue;
        };
        match fields.iter().find(|f| f.answers_to(name)) {
            Some(f) => {
                seen.insert(f.wire.clone());
                diff_field(endpoint, name, row, f, out);
            }
            None => out.push(format!(
                "response field {name} is new ({}, {})",
                req_word(row.required),
                row.ty
            )),
        }
    }
    if !page.response.is_empty() {
        for f in &fields {
            if !seen.contains(&f.wire) && !deliberately_absent.contains(&f.wire) {
                out.push(format!("response field {} was removed", f.wire));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_fits_each_kind() {
        for (kind, fits, does_not) in [
            ("text", &["string"][..], &["long", "boolean", "object"][..]),
            ("status", &["string"], &["int", "long"]),
            (
                "decimal",
                &["string", "float", "long", "decimal"],
                &["boolean", "object"],
            ),
            ("integer", &["string", "long", "int"], &["boolean", "array"]),
            ("boolean", &["boolean", "bool"], &["string", "int"]),
        ] {
            let (words, _) = fitting_words(kind);
            for w in fits {
                assert!(words.contains(w), "{kind} {w}");
            }
            for w in does_not {
                assert!(!words.contains(w), "{kind} {w}");
            }
        }
    }
}
