//! Compares a parsed page with the spec, one line per difference. The spec is read as plain
//! TOML here (the generator's typed loader checks it; this only needs names, types and
//! examples), including the `[endpoint.docs]` table where deliberate deviations are recorded.

use std::collections::BTreeSet;

use serde_json::Value as Json;
use toml::Value;

use super::apply::Change;
use super::page::Page;

/// The spec side of one country: its file's TOML and common.toml's protocol and shared fields.
pub struct SpecView<'a> {
    pub code: &'a str,
    pub country: &'a Value,
    pub common: &'a Value,
}

/// Which endpoint a page describes: the one with its path, or else the one whose path ends
/// with the same last segment (so a changed version prefix is reported as a changed path).
pub fn find_endpoint<'a>(spec: &SpecView<'a>, page: &Page) -> Option<&'a Value> {
    let endpoints = spec.country.get("endpoint")?.as_array()?;
    let path = |e: &Value| {
        e.get("path")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let last = |p: &str| p.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
    endpoints.iter().find(|e| path(e) == page.path).or_else(|| {
        endpoints
            .iter()
            .find(|e| last(&path(e)) == last(&page.path))
    })
}

fn str_of<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str)
}

fn docs_quirk<'v>(endpoint: &'v Value, table: &str, key: &str) -> Option<&'v Value> {
    endpoint.get("docs")?.get(table)?.get(key)
}

/// A request field as the spec has it: requiredness and the JSON type it is sent as.
struct SpecField {
    wire: String,
    required: bool,
    /// `string` or `number`.
    wire_type: &'static str,
    values: Vec<String>,
}

fn spec_request(spec: &SpecView, endpoint: &Value) -> Vec<SpecField> {
    let protocol = spec.common.get("protocol");
    let proto = |k: &str| protocol.and_then(|p| str_of(p, k)).unwrap_or(k).to_string();
    let mut fields = vec![SpecField {
        wire: proto("sign_field"),
        required: true,
        wire_type: "string",
        values: vec![],
    }];
    match str_of(endpoint, "timestamp").unwrap_or("string") {
        "absent" => {}
        ts => fields.push(SpecField {
            wire: proto("timestamp_field"),
            required: true,
            wire_type: if ts == "number" { "number" } else { "string" },
            values: vec![],
        }),
    }
    for f in endpoint
        .get("request")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        fields.push(SpecField {
            wire: str_of(f, "wire").unwrap_or("").to_string(),
            required: f.get("required").and_then(Value::as_bool).unwrap_or(false),
            wire_type: if str_of(f, "wire_type") == Some("number") {
                "number"
            } else {
                "string"
            },
            values: f
                .get("values")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|v| str_of(v, "wire").map(String::from))
                .collect(),
        });
    }
    fields
}

/// The docs' type words that describe a JSON type without a recorded deviation.
fn type_fits(docs: &str, wire_type: &str) -> bool {
    match wire_type {
        "number" => matches!(
            docs,
            "long" | "int" | "integer" | "number" | "float" | "double" | "decimal"
        ),
        _ => docs == "string",
    }
}

fn req_word(required: bool) -> &'static str {
    if required { "required" } else { "optional" }
}

/// Every response field name the spec reads, with its alternative spellings.
fn spec_response(spec: &SpecView, endpoint: &Value) -> Vec<(String, Vec<String>)> {
    let shared = spec.common.get("shared_field").and_then(Value::as_array);
    let mut out = vec![];
    for f in endpoint
        .get("response")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let wire = str_of(f, "wire")
            .or_else(|| str_of(f, "use"))
            .unwrap_or("")
            .to_string();
        let mut aliases: Vec<String> = f
            .get("aliases")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|a| a.as_str().map(String::from))
            .collect();
        if let Some(used) = str_of(f, "use") {
            if let Some(s) = shared
                .into_iter()
                .flatten()
                .find(|s| str_of(s, "wire") == Some(used))
            {
                aliases.extend(
                    s.get("aliases")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(|a| a.as_str().map(String::from)),
                );
            }
        }
        out.push((wire, aliases));
    }
    out
}

/// The page's value for a value-table row, told apart from its glued description with the
/// spec's known values; an unknown value is the row's first word (split at a case change).
fn row_value(row: &str, known: &[String]) -> String {
    if let Some(k) = known
        .iter()
        .filter(|k| row.starts_with(k.as_str()))
        .max_by_key(|k| k.len())
    {
        return k.clone();
    }
    let mut end = row.len();
    let chars: Vec<(usize, char)> = row.char_indices().collect();
    for w in chars.windows(2) {
        let ((_, a), (j, b)) = (w[0], w[1]);
        if b.is_whitespace() || (a.is_ascii_lowercase() && b.is_ascii_uppercase()) {
            end = j;
            break;
        }
    }
    row[..end].to_string()
}

/// Values listed inside a body row's description: `• E-wallet: EWALLET_BKASH、EWALLET_NAGAD`.
fn inline_values(description: &str) -> Vec<String> {
    let mut out = vec![];
    for line in description
        .lines()
        .filter(|l| l.trim_start().starts_with('•'))
    {
        if let Some((_, list)) = line.split_once(':') {
            for v in list.split(['、', ',', '/']) {
                let v = v.trim();
                if !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    out.push(v.to_string());
                }
            }
        }
    }
    out
}

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

/// One line per difference between `page` and the spec's `endpoint`, and the changes among
/// them that `--apply` can write.
pub fn diff(spec: &SpecView, endpoint: &Value, page: &Page) -> (Vec<String>, Vec<Change>) {
    let name = str_of(endpoint, "name").unwrap_or("?");
    let mut out = vec![];
    let mut changes = vec![];
    let spec_path = str_of(endpoint, "path").unwrap_or("");
    if spec_path != page.path {
        out.push(format!("path {spec_path} → {}", page.path));
        changes.push(Change::Path {
            new: page.path.clone(),
        });
    }
    let protocol = spec.common.get("protocol");
    let method = protocol.and_then(|p| str_of(p, "method")).unwrap_or("POST");
    if !page.method.is_empty() && !page.method.eq_ignore_ascii_case(method) {
        out.push(format!("method {method} → {}", page.method));
    }
    let header = protocol
        .and_then(|p| str_of(p, "merchant_header"))
        .unwrap_or("merchantNo");
    for h in &page.headers {
        if h.name != header {
            out.push(format!(
                "header {} is new ({}, {})",
                h.name,
                req_word(h.required),
                h.ty
            ));
        } else if !h.required {
            out.push(format!("header {header} is now optional"));
        }
    }
    if !page.headers.is_empty() && !page.headers.iter().any(|h| h.name == header) {
        out.push(format!("header {header} was removed"));
    }

    let fields = spec_request(spec, endpoint);
    for row in &page.body {
        let Some(f) = fields.iter().find(|f| f.wire == row.name) else {
            out.push(format!(
                "request field {} is new ({}, {})",
                row.name,
                req_word(row.required),
                row.ty
            ));
            changes.push(Change::NewField {
                wire: row.name.clone(),
                required: row.required,
                ty: row.ty.clone(),
                description: row.description.clone(),
            });
            continue;
        };
        let docs_required = docs_quirk(endpoint, "required", &f.wire).and_then(Value::as_bool);
        if row.required != f.required && docs_required != Some(row.required) {
            out.push(format!(
                "{} is now {}",
                row.name,
                if row.required { "required" } else { "optional" }
            ));
            changes.push(Change::Required {
                field: f.wire.clone(),
                required: row.required,
            });
        }
        let docs_type = docs_quirk(endpoint, "types", &f.wire).and_then(Value::as_str);
        let fits = match docs_type {
            Some(recorded) => recorded.eq_ignore_ascii_case(&row.ty),
            None => type_fits(&row.ty, f.wire_type),
        };
        if !fits {
            out.push(format!(
                "request field {} type {} → {} (the spec sends a JSON {})",
                row.name,
                docs_type.unwrap_or(if f.wire_type == "number" {
                    "long"
                } else {
                    "string"
                }),
                row.ty,
                f.wire_type
            ));
        }
        let listed = inline_values(&row.description);
        if !listed.is_empty() {
            diff_values(
                endpoint,
                &f.wire,
                &f.values,
                &listed,
                &mut out,
                &mut changes,
            );
        }
    }
    for f in &fields {
        if !page.body.iter().any(|r| r.name == f.wire) {
            out.push(format!("request field {} was removed", f.wire));
        }
    }
    for table in &page.values {
        let Some(f) = fields
            .iter()
            .find(|f| f.wire.eq_ignore_ascii_case(&table.field))
        else {
            out.push(format!(
                "value table {} names no request field",
                table.field
            ));
            continue;
        };
        let listed: Vec<String> = table
            .rows
            .iter()
            .map(|(r, _)| row_value(r, &f.values))
            .collect();
        diff_values(
            endpoint,
            &f.wire,
            &f.values,
            &listed,
            &mut out,
            &mut changes,
        );
    }

    let envelope: BTreeSet<&str> = spec
        .common
        .get("envelope")
        .and_then(Value::as_table)
        .map(|t| t.values().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let response = spec_response(spec, endpoint);
    let deliberately_absent: Vec<&str> = endpoint
        .get("docs")
        .and_then(|d| d.get("response_absent"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let mut seen = BTreeSet::new();
    for row in &page.response {
        let Some(field) = row.name.strip_prefix("data.") else {
            if !envelope.contains(row.name.as_str()) {
                out.push(format!("response envelope field {} is new", row.name));
            }
            continue;
        };
        match response
            .iter()
            .find(|(w, a)| w == field || a.iter().any(|a| a == field))
        {
            Some((w, _)) => {
                seen.insert(w.clone());
            }
            None => out.push(format!(
                "response field {field} is new ({}, {})",
                req_word(row.required),
                row.ty
            )),
        }
    }
    if !page.response.is_empty() {
        for (w, _) in &response {
            if !seen.contains(w) && !deliberately_absent.contains(&w.as_str()) {
                out.push(format!("response field {w} was removed"));
            }
        }
    }

    let example = |key: &str| -> Option<Json> {
        let text = endpoint.get(key)?.get("json")?.as_str()?;
        serde_json::from_str(text).ok()
    };
    match (&page.request_example, example("example")) {
        (Some(d), Some(s)) => {
            diff_example("request example", d, &s, endpoint, "example", &mut out, "")
        }
        (Some(_), None) => out.push("request example is new".into()),
        _ => {}
    }
    match (&page.response_example, example("response_example")) {
        (Some(d), Some(s)) => diff_example(
            "response example",
            d,
            &s,
            endpoint,
            "response_example",
            &mut out,
            "",
        ),
        (Some(_), None) => out.push("response example is new".into()),
        _ => {}
    }
    let lines = out
        .into_iter()
        .map(|l| format!("{} {name}: {l}", spec.code))
        .collect();
    (lines, changes)
}

fn diff_values(
    endpoint: &Value,
    field: &str,
    spec: &[String],
    docs: &[String],
    out: &mut Vec<String>,
    changes: &mut Vec<Change>,
) {
    let unlisted: Vec<&str> = docs_quirk(endpoint, "unlisted_values", field)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    for v in docs.iter().filter(|v| !spec.contains(v)) {
        out.push(format!("{field} value {v} is new"));
        changes.push(Change::NewValue {
            field: field.to_string(),
            value: v.clone(),
        });
    }
    for v in spec
        .iter()
        .filter(|v| !docs.contains(v) && !unlisted.contains(&v.as_str()))
    {
        out.push(format!("{field} value {v} was removed"));
    }
}
