//! Compares a parsed page with the spec, one line per difference, skipping what the spec's
//! `[endpoint.docs]` table records as deliberate.

mod example;
mod request;
mod response;
mod rules;
mod spec;

use toml::Value;

use super::apply::Change;
use super::page::Page;
pub use spec::SpecView;
use spec::str_of;

/// Which endpoint a page describes: the one with its path, or else the one whose path ends
/// with the same last segment (so a changed version prefix is reported as a changed path).
pub fn find_endpoint<'a>(spec: &SpecView<'a>, page: &Page) -> Option<&'a Value> {
    let endpoints = spec.country.get("endpoint")?.as_array()?;
    let path = |e: &Value| str_of(e, "path").unwrap_or("").to_string();
    let last = |p: &str| p.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
    endpoints.iter().find(|e| path(e) == page.path).or_else(|| {
        endpoints
            .iter()
            .find(|e| last(&path(e)) == last(&page.path))
    })
}

/// The path, the method and the header table.
fn diff_protocol(spec: &SpecView, endpoint: &Value, page: &Page, out: &mut Vec<String>) {
    let spec_path = str_of(endpoint, "path").unwrap_or("");
    if spec_path != page.path {
        out.push(format!("path {spec_path} → {}", page.path));
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
                request::req_word(h.required),
                h.ty
            ));
        } else if !h.required {
            out.push(format!("header {header} is now optional"));
        }
    }
    if !page.headers.is_empty() && !page.headers.iter().any(|h| h.name == header) {
        out.push(format!("header {header} was removed"));
    }
}

/// One line per difference between `page` and the spec's `endpoint`, and the changes among
/// them that `--apply` can write.
pub fn diff(spec: &SpecView, endpoint: &Value, page: &Page) -> (Vec<String>, Vec<Change>) {
    let name = str_of(endpoint, "name").unwrap_or("?");
    let mut out = vec![];
    let mut changes = vec![];
    diff_protocol(spec, endpoint, page, &mut out);
    if str_of(endpoint, "path").unwrap_or("") != page.path {
        changes.push(Change::Path {
            new: page.path.clone(),
        });
    }
    let fields = spec::request(spec, endpoint);
    request::diff(endpoint, &fields, page, &mut out, &mut changes);
    rules::diff(endpoint, &fields, page, &mut out);
    response::diff(spec, endpoint, page, &mut out);
    example::diff(endpoint, page, &mut out);
    let lines = out
        .into_iter()
        .map(|l| format!("{} {name}: {l}", spec.code))
        .collect();
    (lines, changes)
}
