//! The response table against the fields the spec reads.

use std::collections::BTreeSet;

use toml::Value;

use super::request::req_word;
use super::spec::{SpecView, docs_list, response};
use crate::docs::page::Page;

pub fn diff(spec: &SpecView, endpoint: &Value, page: &Page, out: &mut Vec<String>) {
    let envelope: BTreeSet<&str> = spec
        .common
        .get("envelope")
        .and_then(Value::as_table)
        .map(|t| t.values().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let fields = response(spec, endpoint);
    let deliberately_absent = docs_list(endpoint, "response_absent");
    let mut seen = BTreeSet::new();
    for row in &page.response {
        let Some(name) = row.name.strip_prefix("data.") else {
            if !envelope.contains(row.name.as_str()) {
                out.push(format!("response envelope field {} is new", row.name));
            }
            continue;
        };
        match fields.iter().find(|f| f.answers_to(name)) {
            Some(f) => {
                seen.insert(f.wire.clone());
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
