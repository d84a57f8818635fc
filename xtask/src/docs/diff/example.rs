//! The page's request and response examples against the spec's, key by key.

use serde_json::Value as Json;
use toml::Value;

use super::spec::docs_quirk;
use crate::docs::page::Page;

fn json_text(v: &Json) -> String {
    v.to_string()
}

/// Compares two example objects key by key (one level into `data`), honouring the docs'
/// values recorded under `[endpoint.docs.<table>]`.
fn diff_example(
    label: &str,
    docs: &Json,
    spec: &Json,
    endpoint: &Value,
    table: &str,
    out: &mut Vec<String>,
    prefix: &str,
) {
    let (Some(d), Some(s)) = (docs.as_object(), spec.as_object()) else {
        if docs != spec {
            out.push(format!(
                "{label}: {} → {}",
                json_text(spec),
                json_text(docs)
            ));
        }
        return;
    };
    for (k, dv) in d {
        let key = format!("{prefix}{k}");
        match s.get(k) {
            None => out.push(format!("{label}: key {key} is new ({})", json_text(dv))),
            Some(sv) if sv.is_object() && dv.is_object() => {
                diff_example(label, dv, sv, endpoint, table, out, &format!("{key}."));
            }
            Some(sv) if sv != dv => {
                let recorded =
                    docs_quirk(endpoint, table, &key).and_then(|q| serde_json::to_value(q).ok());
                if recorded.as_ref() != Some(dv) {
                    out.push(format!(
                        "{label}: {key} {} → {}",
                        json_text(sv),
                        json_text(dv)
                    ));
                }
            }
            Some(_) => {}
        }
    }
    for k in s.keys().filter(|k| !d.contains_key(*k)) {
        out.push(format!("{label}: key {prefix}{k} was removed"));
    }
}

pub fn diff(endpoint: &Value, page: &Page, out: &mut Vec<String>) {
    let example = |key: &str| -> Option<Json> {
        let text = endpoint.get(key)?.get("json")?.as_str()?;
        serde_json::from_str(text).ok()
    };
    for (label, table, docs) in [
        ("request example", "example", &page.request_example),
        (
            "response example",
            "response_example",
            &page.response_example,
        ),
    ] {
        match (docs, example(table)) {
            (Some((d, _)), Some(s)) => diff_example(label, d, &s, endpoint, table, out, ""),
            (Some(_), None) => out.push(format!("{label} is new")),
            (None, Some(_)) if from_the_docs(endpoint, table) => {
                out.push(format!("{label} is missing from the page"))
            }
            _ => {}
        }
    }
}

/// Whether the spec's example is the docs' (`origin` `docs` or `docs-partial`, not
/// `constructed`): then the page should show one.
fn from_the_docs(endpoint: &Value, table: &str) -> bool {
    endpoint
        .get(table)
        .and_then(|e| e.get("origin"))
        .and_then(Value::as_str)
        .is_some_and(|o| o != "constructed")
}
