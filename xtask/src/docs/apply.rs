//! `docs diff --apply`: writes the mechanical changes into the spec file with toml_edit, so
//! its comments and layout stay. Every change is marked `provenance = "docs-import"` (request
//! fields) or noted `docs-import: …` (the endpoint's path), with a note saying what to review.
//! Removed fields and changed examples are never applied: they need a person.
//!
//! Page text never changes the meaning of what is generated from the spec: a description is
//! written as Markdown that renders as the page's text (`markdown::plain`), and a path, field
//! name or value that is not plainly one is refused (nothing is written).

use super::markdown;
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, value};

/// A change `--apply` can make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Path {
        new: String,
    },
    Required {
        field: String,
        required: bool,
    },
    NewField {
        wire: String,
        required: bool,
        ty: String,
        description: String,
    },
    NewValue {
        field: String,
        value: String,
    },
}

fn note(text: String) -> toml_edit::Value {
    toml_edit::Value::from(format!("docs-import: {text}; review against the page."))
}

/// Appends to an array laid out like its last element (one per line stays one per line).
fn push_like_last(a: &mut Array, mut v: toml_edit::Value) {
    let prefix = a
        .iter()
        .last()
        .and_then(|last| last.decor().prefix())
        .and_then(|p| p.as_str())
        .map(String::from);
    match prefix.filter(|p| !p.is_empty()) {
        Some(p) => {
            v.decor_mut().set_prefix(p);
            a.push_formatted(v);
        }
        None => a.push(v),
    }
}

fn push_note(table: &mut Table, key: &str, text: String) {
    match table.get_mut(key).and_then(Item::as_array_mut) {
        Some(a) => push_like_last(a, note(text)),
        None => {
            let mut a = Array::new();
            a.push(note(text));
            table[key] = value(a);
        }
    }
}

/// Refuses page text that is not plainly a `what`: only ASCII letters, digits and `extra`.
fn plainly(what: &str, text: &str, extra: &str) -> Result<(), String> {
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || extra.contains(c))
    {
        return Ok(());
    }
    let allowed: Vec<String> = extra.chars().map(|c| format!("`{c}`")).collect();
    Err(format!(
        "the page's {what} `{text}` is not a plain {what} (letters, digits, {}); nothing was written",
        allowed.join(", ")
    ))
}

/// Applies `changes` to the endpoint named `endpoint` of the spec text; the new text.
pub fn apply(text: &str, endpoint: &str, changes: &[Change]) -> Result<String, String> {
    for change in changes {
        match change {
            Change::Path { new } => plainly("path", new, "/_.-")?,
            Change::Required { .. } => {}
            Change::NewField { wire, .. } => plainly("field name", wire, "_.")?,
            Change::NewValue { value, .. } => plainly("value", value, "_.-")?,
        }
    }
    let mut doc: DocumentMut = text.parse().map_err(|e| format!("{e}"))?;
    let endpoints = doc
        .get_mut("endpoint")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or("the spec has no [[endpoint]]")?;
    let e = endpoints
        .iter_mut()
        .find(|t| t.get("name").and_then(Item::as_str) == Some(endpoint))
        .ok_or_else(|| format!("no endpoint named {endpoint}"))?;
    for change in changes {
        match change {
            Change::Path { new } => {
                let old = e
                    .get("path")
                    .and_then(Item::as_str)
                    .unwrap_or("")
                    .to_string();
                e["path"] = value(new.as_str());
                push_note(e, "notes", format!("path {old} → {new}"));
            }
            Change::Required { field, required } => {
                let f = request_field(e, field)?;
                f["required"] = value(*required);
                f["provenance"] = value("docs-import");
                push_note(f, "notes", format!("required is now {required}"));
            }
            Change::NewField {
                wire,
                required,
                ty,
                description,
            } => {
                let mut f = Table::new();
                f["wire"] = value(wire.as_str());
                f["kind"] = value("text");
                if !matches!(ty.as_str(), "string") {
                    f["wire_type"] = value("number");
                }
                f["required"] = value(*required);
                f["doc"] = value(markdown::plain(
                    description.lines().next().unwrap_or("").trim(),
                ));
                f["provenance"] = value("docs-import");
                push_note(
                    &mut f,
                    "notes",
                    format!("new field, the page types it `{ty}`"),
                );
                // Right after the endpoint's last request field, so it stays in this endpoint.
                let requests = e
                    .entry("request")
                    .or_insert(Item::ArrayOfTables(ArrayOfTables::new()))
                    .as_array_of_tables_mut()
                    .ok_or("`request` is not an array of tables")?;
                if let Some(pos) = requests.iter().filter_map(Table::position).max() {
                    f.set_position(Some(pos));
                }
                requests.push(f);
            }
            Change::NewValue { field, value: v } => {
                let f = request_field(e, field)?;
                let values = f
                    .get_mut("values")
                    .and_then(Item::as_array_mut)
                    .ok_or_else(|| format!("{field} has no values list"))?;
                let mut entry = InlineTable::new();
                entry.insert("wire", v.as_str().into());
                entry.insert("doc", "Listed by the docs (docs-import).".into());
                push_like_last(values, toml_edit::Value::InlineTable(entry));
                f["provenance"] = value("docs-import");
                push_note(f, "notes", format!("value {v} is new"));
            }
        }
    }
    Ok(doc.to_string())
}

fn request_field<'t>(e: &'t mut Table, field: &str) -> Result<&'t mut Table, String> {
    e.get_mut("request")
        .and_then(Item::as_array_of_tables_mut)
        .and_then(|a| {
            a.iter_mut()
                .find(|t| t.get("wire").and_then(Item::as_str) == Some(field))
        })
        .ok_or_else(|| format!("no request field {field}"))
}
