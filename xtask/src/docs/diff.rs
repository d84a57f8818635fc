//! Comparing a read page with the spec: one line per difference, `cc endpoint: what`.

use serde_json::Value;

use super::page::{Page, Row, Unreadable};
use crate::spec::{CountrySpec, Endpoint, FieldKind, Loaded, Role, WireType};

/// The endpoint a page documents: by its request URL, else by its title.
fn endpoint<'a>(spec: &'a CountrySpec, page: &Page) -> Option<&'a Endpoint> {
    let endpoints = || spec.endpoint.iter().map(|e| e.get_ref());
    if let Some(e) = endpoints().find(|e| Some(&e.path) == page.path.as_ref()) {
        return Some(e);
    }
    let role = match page.title.to_lowercase().as_str() {
        "payment api" => Role::PayIn,
        "paymentpage api" | "payment page api" => Role::Cashier,
        "payout api" => Role::Payout,
        "payment query api" => Role::QueryPayIn,
        "payout query api" => Role::QueryPayout,
        "balance inquiry api" => Role::Balance,
        _ => return None,
    };
    endpoints().find(|e| e.role == role)
}

/// How the docs' type word reads as JSON: `string`, `number` or `object`.
fn json_kind(ty: &str) -> &'static str {
    match ty.to_lowercase().as_str() {
        "string" => "string",
        "object" => "object",
        "boolean" => "boolean",
        "array" => "array",
        _ => "number",
    }
}

/// The differences between `page` and the spec files, or why the page names no spec endpoint.
pub fn diff(page: &Page, specs: &[Loaded<CountrySpec>]) -> Result<Vec<String>, Unreadable> {
    let Some(file) = specs.iter().find(|s| {
        let c = s.spec.country.get_ref();
        c.name == page.country || c.docs_names.contains(&page.country)
    }) else {
        return Err(Unreadable {
            line: 1,
            problem: format!("no spec file is about {}", page.country),
        });
    };
    let spec = &file.spec;
    let cc = &spec.country.get_ref().code;
    let Some(e) = endpoint(spec, page) else {
        return Err(Unreadable {
            line: 1,
            problem: format!(
                "{cc}: the page `{}` ({}) matches no endpoint of {} by path or title",
                page.title,
                page.path.as_deref().unwrap_or("no path"),
                file.display_path.display()
            ),
        });
    };
    let at = format!("{cc} {}", e.name);
    let mut out = Vec::new();
    let mut say = |s: String| out.push(format!("{at}: {s}"));

    if let Some(path) = &page.path {
        if *path != e.path {
            say(format!("path {} → {path}", e.path));
        }
    }
    if let Some(method) = &page.method {
        if method != "POST" {
            say(format!("method POST → {method}"));
        }
    }
    for h in &page.headers {
        let known = h.name == "merchantNo" || (h.name == "sign");
        if !known {
            say(format!(
                "header {} is new ({})",
                h.name,
                if h.required { "required" } else { "optional" }
            ));
        }
    }

    // The body: `sign` and `timestamp` are the endpoint's keys, the rest its fields.
    let fields: Vec<_> = e.request.iter().map(|f| f.get_ref()).collect();
    let documented = |r: &Row| r.name == "sign" || r.name == "timestamp";
    for r in page.body.iter().filter(|r| !documented(r)) {
        match fields.iter().find(|f| f.wire == r.name) {
            None => say(format!(
                "request field {} is new ({}, {})",
                r.name,
                if r.required { "required" } else { "optional" },
                r.ty
            )),
            Some(f) => {
                if r.required != f.required {
                    say(format!(
                        "{} is now {}",
                        r.name,
                        if r.required { "required" } else { "optional" }
                    ));
                }
                match &f.docs_type {
                    // A deviation on record: the docs' word is what the spec expects.
                    Some(docs) if docs == &r.ty => {}
                    Some(docs) => say(format!("{} type {docs} → {}", r.name, r.ty)),
                    None => {
                        let sent = match (f.kind, f.wire_type) {
                            (FieldKind::Amount, WireType::Number) => "number",
                            _ => "string",
                        };
                        if json_kind(&r.ty) != sent {
                            say(format!("{} type {sent} → {}", r.name, r.ty));
                        }
                    }
                }
            }
        }
    }
    if !page.body.is_empty() {
        for f in &fields {
            if !page.body.iter().any(|r| r.name == f.wire) && !f.undocumented {
                say(format!("request field {} was removed", f.wire));
            }
        }
    }

    // Value tables: every row must start with a documented value of its field.
    for table in &page.values {
        let Some(f) = fields.iter().find(|f| f.wire == table.field) else {
            say(format!(
                "value table for {} names no request field",
                table.field
            ));
            continue;
        };
        for (row, _) in &table.rows {
            let known = f.values.iter().any(|v| row.starts_with(v.wire.as_str()));
            if !known {
                say(format!("{} value in row `{row}` is new", f.wire));
            }
        }
    }

    // The request example, without the signature and timestamp (placeholders in the docs).
    if let (Some(docs), Some(ex)) = (&page.request_example, &e.example) {
        let ours: Value = serde_json::from_str(&ex.get_ref().json).unwrap_or(Value::Null);
        for (key, value) in docs.as_object().into_iter().flatten() {
            if key == "sign" || key == "timestamp" {
                continue;
            }
            match ours.get(key) {
                None => say(format!("example: key {key} is new ({value})")),
                // Saved pages obfuscate e-mail addresses: the spec keeps a plausible one.
                Some(_) if value.as_str().is_some_and(|v| v.contains("[email")) => {}
                Some(v) if v != value => say(format!("example: {key} {v} → {value}")),
                Some(_) => {}
            }
        }
        for key in ours.as_object().into_iter().flatten().map(|(k, _)| k) {
            if key != "sign" && key != "timestamp" && docs.get(key).is_none() {
                say(format!("example: key {key} was removed"));
            }
        }
    }
    Ok(out)
}
