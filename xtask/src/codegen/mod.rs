//! Spec → files. Pure: returns every generated file's path and bytes; writing and checking
//! are `crate::sync`'s job.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;

use crate::example::{self, DataExample, Expected, RequestExample};
use crate::spec::{self, Common, CountrySpec, Loaded, SpecError};

mod all;
mod client;
mod client_tests;
pub mod core;
mod countries_doc;
mod country;
mod endpoint;
mod ops;
pub mod quickstart;
mod sandbox;
pub mod testkit;
mod tests;

/// The generated files, by path relative to the workspace root.
pub type Files = BTreeMap<PathBuf, String>;

/// Everything loaded from `spec/`.
pub struct Specs {
    pub common: Loaded<Common>,
    pub countries: Vec<Loaded<CountrySpec>>,
    /// The workspace's version (`[workspace.package] version` in the root `Cargo.toml`): the
    /// version requirement of the generated crates' dependencies on each other, which
    /// `cargo package` needs beside the path.
    pub version: String,
}

/// A country whose examples have been checked, ready for codegen.
pub struct Country<'a> {
    pub file: &'a Loaded<CountrySpec>,
    pub common: &'a Common,
    pub endpoints: Vec<EndpointPlan<'a>>,
    pub notification_example: Option<DataExample>,
}

/// One endpoint and its checked examples.
pub struct EndpointPlan<'a> {
    pub spec: &'a spec::Endpoint,
    pub example: RequestExample,
    pub expected: Expected,
    pub response_example: Option<DataExample>,
}

impl Country<'_> {
    pub fn code(&self) -> &str {
        &self.file.spec.country.get_ref().code
    }
    pub fn crate_name(&self) -> String {
        format!("paypro-{}", self.code())
    }
    pub fn crate_ident(&self) -> String {
        format!("paypro_{}", self.code())
    }
    pub fn spec_path(&self) -> String {
        path_text(&self.file.display_path)
    }
}

pub fn path_text(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// The first line of every generated Rust file.
pub fn rust_header(spec_path: &str) -> String {
    format!("// @generated from {spec_path} by `cargo xtask gen`; do not edit.\n")
}

/// Loads `spec/common.toml` and every other `spec/*.toml`. `display_root` is what paths in
/// errors and headers are relative to.
pub fn load(spec_dir: &Path, display_root: &Path) -> Result<Specs, Vec<SpecError>> {
    let display = |p: &Path| {
        p.strip_prefix(display_root)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| {
            vec![SpecError {
                file: display(p),
                line: 1,
                message: format!("cannot read: {e}"),
            }]
        })
    };
    let common_path = spec_dir.join("common.toml");
    let mut errors = Vec::new();
    let common = spec::parse::<Common>(&display(&common_path), read(&common_path)?);
    let mut entries: Vec<PathBuf> = std::fs::read_dir(spec_dir)
        .map_err(|e| {
            vec![SpecError {
                file: display(spec_dir),
                line: 1,
                message: format!("cannot list: {e}"),
            }]
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && !p.ends_with("common.toml"))
        .collect();
    entries.sort();
    let shared: Vec<spec::ResponseField> = common
        .as_ref()
        .map(|c| {
            c.spec
                .shared_field
                .iter()
                .map(|f| f.get_ref().clone())
                .collect()
        })
        .unwrap_or_default();
    let mut countries = Vec::new();
    for path in entries {
        let text = read(&path)?;
        match spec::with_shared_fields(shared.clone(), || {
            spec::parse::<CountrySpec>(&display(&path), text)
        }) {
            Ok(c) => countries.push(c),
            Err(e) => errors.push(e),
        }
    }
    let common = match common {
        Ok(c) => Some(c),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    if let Some(common) = &common {
        spec::check_common(common, &mut errors);
        for c in &mut countries {
            take_format_bases(&common.spec, c);
        }
    }
    for c in &countries {
        spec::check_country(c, &mut errors);
    }
    if let Some(common) = &common {
        for c in &mut countries {
            mark_statuses(&common.spec, c);
        }
    }
    let version = workspace_version(display_root).map_err(|message| {
        errors.push(SpecError {
            file: PathBuf::from("Cargo.toml"),
            line: 1,
            message,
        })
    });
    match (common, version, errors.is_empty()) {
        (Some(common), Ok(version), true) => Ok(Specs {
            common,
            countries,
            version,
        }),
        _ => Err(errors),
    }
}

/// Gives each request field whose only rule is a text format that format's shared mark
/// (common.toml's `[format_basis]`), unless it gives its own.
fn take_format_bases(common: &Common, country: &mut Loaded<CountrySpec>) {
    for e in &mut country.spec.endpoint {
        for f in &mut e.get_mut().request {
            f.get_mut().take_format_basis(&common.format_basis);
        }
    }
}

/// Gives each status field of a country its status codes' marks in that country.
fn mark_statuses(common: &Common, country: &mut Loaded<CountrySpec>) {
    let code = country.spec.country.get_ref().code.clone();
    let marks = spec::status_marks(&common.status, &code);
    let spec = &mut country.spec;
    let endpoint_fields = spec
        .endpoint
        .iter_mut()
        .flat_map(|e| e.get_mut().response.iter_mut());
    let notification_fields = spec.notification.get_mut().field.iter_mut();
    for f in endpoint_fields.chain(notification_fields) {
        let f = f.get_mut();
        if f.kind == spec::ValueKind::Status {
            f.status_marks = marks.clone();
        }
    }
}

/// `[workspace.package] version` of `root/Cargo.toml`.
fn workspace_version(root: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(root.join("Cargo.toml"))
        .map_err(|e| format!("cannot read the workspace manifest: {e}"))?;
    let manifest: toml::Table =
        toml::from_str(&text).map_err(|e| format!("the workspace manifest is not TOML: {e}"))?;
    manifest
        .get("workspace")
        .and_then(|w| w.get("package"))
        .and_then(|p| p.get("version"))
        .and_then(toml::Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| {
            "`[workspace.package] version` is missing: the generated crates' dependencies on each other need it".into()
        })
}

/// Checks every example and generates every file.
pub fn generate(specs: &Specs) -> Result<Files, Vec<SpecError>> {
    let mut errors = Vec::new();
    let common = &specs.common.spec;
    let mut plans = Vec::new();
    for file in &specs.countries {
        let mut endpoints = Vec::new();
        for endpoint in &file.spec.endpoint {
            let e = endpoint.get_ref();
            let Some(ex) = &e.example else { continue };
            let checked = match example::check_request(file, e, ex) {
                Ok(c) => c,
                Err(mut errs) => {
                    errors.append(&mut errs);
                    continue;
                }
            };
            let response_example = match &e.response_example {
                None => None,
                Some(re) => match example::check_response(file, e, re) {
                    Ok(d) => Some(d),
                    Err(err) => {
                        errors.push(err);
                        None
                    }
                },
            };
            endpoints.push(EndpointPlan {
                spec: e,
                expected: example::expected(
                    e,
                    &checked,
                    &common.protocol,
                    &common.test_credentials.secret,
                    common.signing.secret_placement,
                ),
                example: checked,
                response_example,
            });
        }
        let n = file.spec.notification.get_ref();
        let notification_example = match &n.example {
            None => None,
            Some(ex) => match example::check_notification(file, &n.field, ex) {
                Ok(d) => Some(d),
                Err(e) => {
                    errors.push(e);
                    None
                }
            },
        };
        plans.push(Country {
            file,
            common,
            endpoints,
            notification_example,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut files = Files::new();
    core::generate(&specs.common, &mut files);
    for plan in &plans {
        country::generate(plan, &mut files);
    }
    if !plans.is_empty() {
        all::generate(&plans, &specs.version, &mut files);
        testkit::generate(&plans, &mut files);
    }
    crate::openapi::generate(specs, &mut files);
    if !specs.countries.is_empty() {
        countries_doc::generate(specs, &mut files);
    }
    Ok(files)
}

/// Formats a token stream as a Rust file with the `@generated` header.
pub fn rust_file(spec_path: &str, tokens: TokenStream) -> String {
    let file: syn::File = match syn::parse2(tokens.clone()) {
        Ok(f) => f,
        Err(e) => panic!("generated code does not parse ({e}):\n{tokens}"),
    };
    format!("{}{}", rust_header(spec_path), prettyplease::unparse(&file))
}

/// Wraps bare `http(s)://` URLs in `<...>` so rustdoc renders them as links (URLs already in
/// backticks or angle brackets are left alone).
pub fn link_bare_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest
        .find("http://")
        .into_iter()
        .chain(rest.find("https://"))
        .min()
    {
        let before = &rest[..i];
        out.push_str(before);
        let url_len = rest[i..]
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | ',' | '"' | '`' | '>' | '\''))
            .unwrap_or(rest.len() - i);
        let mut url = &rest[i..i + url_len];
        while url.ends_with(['.', ';', ':']) {
            url = &url[..url.len() - 1];
        }
        let quoted = before.ends_with('`') || before.ends_with('<');
        if quoted {
            out.push_str(url);
        } else {
            out.push('<');
            out.push_str(url);
            out.push('>');
        }
        rest = &rest[i + url.len()..];
    }
    out.push_str(rest);
    out
}

/// [`link_bare_urls`] on the prose of a doc text, leaving fenced code blocks alone.
pub fn link_prose_urls(text: &str) -> String {
    let mut in_code = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            out.push(line.to_string());
        } else if in_code {
            out.push(line.to_string());
        } else {
            out.push(link_bare_urls(line));
        }
    }
    out.join("\n")
}

/// `#[doc = "..."]` attributes, one per line of `text`.
pub fn doc_lines(text: &str) -> TokenStream {
    let text = link_prose_urls(text);
    let lines = text.trim_end().lines().map(|l| {
        let l = if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        };
        quote::quote!(#[doc = #l])
    });
    quote::quote!(#(#lines)*)
}

/// `#![doc = "..."]` attributes, one per line of `text` (module docs).
pub fn inner_doc_lines(text: &str) -> TokenStream {
    let text = link_prose_urls(text);
    let lines = text.trim_end().lines().map(|l| {
        let l = if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        };
        quote::quote!(#![doc = #l])
    });
    quote::quote!(#(#lines)*)
}

/// An integer literal without a type suffix.
pub fn num(n: impl Into<u128>) -> proc_macro2::Literal {
    proc_macro2::Literal::u128_unsuffixed(n.into())
}

/// A raw string literal holding `text` (for inline snapshots and JSON).
pub fn raw_literal(text: &str) -> TokenStream {
    let mut hashes = String::from("#");
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{text}\"{hashes}")
        .parse()
        .expect("a raw string literal")
}

pub fn ident(name: &str) -> proc_macro2::Ident {
    proc_macro2::Ident::new(name, proc_macro2::Span::call_site())
}

/// `use` items for `paths` (`"paypro_core::descriptor::FieldSpec"`), merged into one tree per
/// crate and sorted, so a generated file imports each crate once.
pub fn merged_uses(paths: &[&str]) -> TokenStream {
    #[derive(Default)]
    struct Node(std::collections::BTreeMap<String, Node>, bool);
    fn tree(name: &str, node: &Node) -> String {
        let mut inner: Vec<String> = Vec::new();
        if node.1 {
            inner.push("self".to_string());
        }
        inner.extend(node.0.iter().map(|(k, v)| tree(k, v)));
        match (node.1, node.0.len()) {
            (true, 0) => name.to_string(),
            (false, 1) => format!("{name}::{}", inner[0]),
            _ => format!("{name}::{{{}}}", inner.join(", ")),
        }
    }
    let mut roots = Node::default();
    for path in paths {
        let mut node = &mut roots;
        for segment in path.split("::") {
            node = node.0.entry(segment.to_string()).or_default();
        }
        node.1 = true;
    }
    roots
        .0
        .iter()
        .map(|(root, node)| {
            let text = format!("use {};", tree(root, node));
            text.parse::<TokenStream>().expect("a use item")
        })
        .collect()
}

/// Where a generated item's facts come from, citing only what a clone holds: the Paypro pages
/// by name (from the spec's `source`) and the spec file that records them.
pub fn source_line(source: &str, spec_path: &str) -> String {
    let pages: Vec<&str> = source
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';'))
        .filter_map(|w| {
            if w.ends_with(".html") {
                Some(w)
            } else {
                // A page saved with the project brief: `seeds/indonesia-payment.txt`.
                w.strip_prefix("seeds/")
                    .and_then(|w| w.strip_suffix(".txt"))
            }
        })
        .collect();
    match pages.as_slice() {
        [] => format!(
            "\n\nSource: no Paypro page was recovered; the facts and their reasons are in `{spec_path}`."
        ),
        pages => format!(
            "\n\nSource: Paypro's page{} {}, as recorded (with the docs' contradictions) in `{spec_path}`.",
            if pages.len() > 1 { "s" } else { "" },
            pages
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
