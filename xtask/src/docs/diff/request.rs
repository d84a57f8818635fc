//! The body table and the value tables against the spec's request fields.

use toml::Value;

use super::spec::{SpecField, docs_quirk};
use crate::docs::apply::Change;
use crate::docs::page::{Page, bullet_item};

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

pub fn req_word(required: bool) -> &'static str {
    if required { "required" } else { "optional" }
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
    for item in description.lines().filter_map(bullet_item) {
        if let Some((_, list)) = item.split_once(':') {
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

/// The body rows against the spec's request fields, then the value tables.
pub fn diff(
    endpoint: &Value,
    fields: &[SpecField],
    page: &Page,
    out: &mut Vec<String>,
    changes: &mut Vec<Change>,
) {
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
            out.push(format!("{} is now {}", row.name, req_word(row.required)));
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
            diff_values(endpoint, &f.wire, &f.values, &listed, out, changes);
        }
    }
    for f in fields {
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
            .map(|(r, _)| {
                r.value
                    .clone()
                    .unwrap_or_else(|| row_value(&r.text, &f.values))
            })
            .collect();
        diff_values(endpoint, &f.wire, &f.values, &listed, out, changes);
    }
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
