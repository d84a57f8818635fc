//! `cargo xtask public-api [--check]`: the published crates' public API as reviewed text.
//!
//! rustdoc writes each crate's API as JSON (`--output-format json`, unstable, so run with
//! `RUSTC_BOOTSTRAP=1` on the stable toolchain). This module renders the items reachable from a
//! crate's root, one line each (`struct paypro_core::Secret`, `fn ...::new(secret: &str) ->
//! Result<Secret, SecretError>`, `use paypro_id::Config = paypro_core::client::Config`), into
//! `api/<crate>.txt`, and lists every type of another crate that a public signature names in
//! `api/external-types.txt`. `--check` fails on any difference: an API change is reviewed as a
//! diff of those files.
//!
//! The JSON is read as untyped `serde_json::Value`, so a new rustdoc format version breaks only
//! the rendering of what changed, not the build of the generator.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The crates whose API is pinned: everything published that a merchant links.
pub const CRATES: &[&str] = &[
    "paypro-core",
    "paypro-derive",
    "paypro-bd",
    "paypro-mx",
    "paypro-id",
    "paypro-ke",
    "paypro-eg",
    "paypro-all",
    "paypro-axum",
    "paypro-store",
    "paypro-mock",
];

/// Where the snapshots live, relative to the repository's root.
pub const DIR: &str = "api";

/// The rendered API of one crate, and the external types it names.
pub struct Api {
    pub lines: BTreeSet<String>,
    pub external: BTreeSet<String>,
}

/// Runs rustdoc (JSON) once over the workspace's libraries, with the features the workspace
/// builds them with (as `cargo doc --workspace` does, so CI's doc step has built their
/// dependencies already), and renders each pinned crate.
pub fn of_workspace(root: &Path) -> Result<BTreeMap<String, Api>, String> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(root)
        .env("RUSTC_BOOTSTRAP", "1")
        .env("RUSTDOCFLAGS", "-Z unstable-options --output-format json")
        .args(["doc", "--quiet", "--no-deps", "--workspace", "--lib"])
        .status()
        .map_err(|e| format!("cannot run cargo doc: {e}"))?;
    if !status.success() {
        return Err(format!("cargo doc (JSON) failed ({status})"));
    }
    let mut apis = BTreeMap::new();
    for krate in CRATES {
        let file = target
            .join("doc")
            .join(format!("{}.json", krate.replace('-', "_")));
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let json: Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        apis.insert(krate.to_string(), render(&json));
    }
    Ok(apis)
}

/// Renders a rustdoc JSON document.
pub fn render(doc: &Value) -> Api {
    let mut r = Renderer {
        doc,
        lines: BTreeSet::new(),
        external: BTreeSet::new(),
        seen: BTreeSet::new(),
    };
    let root = id_of(&doc["root"]);
    let name = doc["index"][&root]["name"]
        .as_str()
        .unwrap_or("crate")
        .to_string();
    r.module(&root, &name);
    Api {
        lines: r.lines,
        external: r.external,
    }
}

struct Renderer<'a> {
    doc: &'a Value,
    lines: BTreeSet<String>,
    external: BTreeSet<String>,
    /// Modules already walked (a module re-exported twice is listed once).
    seen: BTreeSet<String>,
}

fn id_of(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => String::new(),
    }
}

/// The ids of a module item's children.
fn module_items(module: &Value) -> Vec<String> {
    module["inner"]["module"]["items"]
        .as_array()
        .map(|a| a.iter().map(id_of).collect())
        .unwrap_or_default()
}

impl<'a> Renderer<'a> {
    fn item(&self, id: &str) -> Option<&'a Value> {
        let doc: &'a Value = self.doc;
        doc["index"].get(id)
    }

    fn module(&mut self, id: &str, path: &str) {
        if !self.seen.insert(id.to_string()) {
            return;
        }
        let Some(m) = self.item(id) else { return };
        for child in module_items(m) {
            self.child(&child, path);
        }
    }

    fn child(&mut self, id: &str, parent: &str) {
        self.named(id, parent, None);
    }

    /// Renders item `id` under `parent`, as `rename` when a re-export names it so.
    fn named(&mut self, id: &str, parent: &str, rename: Option<&str>) {
        let Some(item) = self.item(id) else { return };
        if item["visibility"] != "public" {
            return;
        }
        let inner = &item["inner"];
        // A re-export's name is its own (`pub use a::B as C` is `C`), not the item's.
        let name = rename
            .or_else(|| item["name"].as_str())
            .or_else(|| inner["use"]["name"].as_str())
            .unwrap_or("_");
        let path = format!("{parent}::{name}");
        let Some((kind, body)) = inner.as_object().and_then(|o| o.iter().next()) else {
            return;
        };
        match kind.as_str() {
            "module" => {
                self.lines.insert(format!("mod {path}"));
                self.module(id, &path);
            }
            "use" => {
                let source = body["source"].as_str().unwrap_or("?");
                let glob = body["is_glob"].as_bool().unwrap_or(false);
                let target = id_of(&body["id"]);
                let local_module = self
                    .item(&target)
                    .is_some_and(|t| t["inner"].get("module").is_some());
                if glob && local_module {
                    // `pub use exports::*`: its items are the parent's names.
                    let items = self.item(&target).map(module_items).unwrap_or_default();
                    for child in items {
                        self.child(&child, parent);
                    }
                    return;
                } else if glob {
                    self.lines.insert(format!("use {parent}::* = {source}::*"));
                } else {
                    self.lines.insert(format!("use {path} = {source}"));
                }
                // A re-export of another crate's item is a type this API exposes.
                if let Some(full) = self.external_path(&target) {
                    self.external.insert(full);
                }
                // A re-exported local item is rendered in full under its public path (a type
                // defined in a private module is reachable only so).
                if let Some(t) = self.item(&target) {
                    if t["inner"].get("module").is_some() {
                        self.module(&target, &path);
                    } else if self.seen.insert(format!("{target}@{path}")) {
                        self.named(&target, parent, Some(name));
                    }
                }
            }
            "struct" => {
                let generics = self.generics(&body["generics"]);
                self.lines.insert(format!("struct {path}{generics}"));
                if let Some(fields) = body["kind"]["plain"]["fields"].as_array() {
                    for f in fields {
                        self.field(&id_of(f), &path);
                    }
                    if body["kind"]["plain"]["has_stripped_fields"] == true {
                        self.lines
                            .insert(format!("struct {path} has private fields"));
                    }
                }
                if let Some(fields) = body["kind"]["tuple"].as_array() {
                    let shown = self.tuple_fields(fields);
                    self.lines.insert(format!("struct {path}({shown})"));
                }
                self.impls(&body["impls"], &path);
            }
            "enum" => {
                let generics = self.generics(&body["generics"]);
                self.lines.insert(format!("enum {path}{generics}"));
                if let Some(variants) = body["variants"].as_array() {
                    for v in variants {
                        self.variant(&id_of(v), &path);
                    }
                }
                self.impls(&body["impls"], &path);
            }
            "union" => {
                self.lines.insert(format!("union {path}"));
            }
            "trait" => {
                let generics = self.generics(&body["generics"]);
                self.lines.insert(format!("trait {path}{generics}"));
                if let Some(items) = body["items"].as_array() {
                    for i in items {
                        self.assoc(&id_of(i), &path);
                    }
                }
            }
            "function" => {
                let sig = self.function(&path, body);
                self.lines.insert(sig);
            }
            "constant" => {
                let ty = self.ty(&body["type"]);
                self.lines.insert(format!("const {path}: {ty}"));
            }
            "static" => {
                let ty = self.ty(&body["type"]);
                self.lines.insert(format!("static {path}: {ty}"));
            }
            "type_alias" => {
                let ty = self.ty(&body["type"]);
                self.lines.insert(format!("type {path} = {ty}"));
            }
            "macro" => {
                self.lines.insert(format!("macro {path}!"));
            }
            "proc_macro" => {
                let kind = body["kind"].as_str().unwrap_or("proc_macro");
                self.lines.insert(format!("{kind} {path}"));
            }
            other => {
                self.lines.insert(format!("{other} {path}"));
            }
        }
    }

    fn field(&mut self, id: &str, owner: &str) {
        let Some(f) = self.item(id) else { return };
        if f["visibility"] != "public" {
            return;
        }
        let name = f["name"].as_str().unwrap_or("_");
        let ty = self.ty(&f["inner"]["struct_field"]);
        self.lines.insert(format!("field {owner}.{name}: {ty}"));
    }

    fn field_type(&mut self, id: &str) -> String {
        match self.item(id) {
            Some(f) if f["visibility"] == "public" => self.ty(&f["inner"]["struct_field"]),
            _ => "_".to_string(),
        }
    }

    /// A tuple struct's or variant's fields: their types, `_` where private.
    fn tuple_fields(&mut self, fields: &[Value]) -> String {
        let shown: Vec<String> = fields
            .iter()
            .map(|f| match f {
                Value::Null => "_".to_string(),
                f => self.field_type(&id_of(f)),
            })
            .collect();
        shown.join(", ")
    }

    fn variant(&mut self, id: &str, owner: &str) {
        let Some(v) = self.item(id) else {
            return;
        };
        let name = v["name"].as_str().unwrap_or("_");
        let kind = &v["inner"]["variant"]["kind"];
        if let Some(fields) = kind["tuple"].as_array() {
            let shown = self.tuple_fields(fields);
            self.lines
                .insert(format!("variant {owner}::{name}({shown})"));
        } else if let Some(fields) = kind["struct"]["fields"].as_array() {
            self.lines.insert(format!("variant {owner}::{name} {{..}}"));
            for f in fields {
                let id = id_of(f);
                if let Some(fv) = self.item(&id) {
                    let fname = fv["name"].as_str().unwrap_or("_");
                    let ty = self.ty(&fv["inner"]["struct_field"]);
                    self.lines
                        .insert(format!("field {owner}::{name}.{fname}: {ty}"));
                }
            }
        } else {
            self.lines.insert(format!("variant {owner}::{name}"));
        }
    }

    /// A trait's associated item.
    fn assoc(&mut self, id: &str, owner: &str) {
        let Some(i) = self.item(id) else {
            return;
        };
        let name = i["name"].as_str().unwrap_or("_");
        let inner = &i["inner"];
        if let Some(f) = inner.get("function") {
            let sig = self.function(&format!("{owner}::{name}"), f);
            self.lines.insert(sig);
        } else if let Some(c) = inner.get("assoc_const") {
            let ty = self.ty(&c["type"]);
            self.lines.insert(format!("const {owner}::{name}: {ty}"));
        } else if inner.get("assoc_type").is_some() {
            self.lines.insert(format!("type {owner}::{name}"));
        }
    }

    /// Inherent methods and the traits a type implements (auto and blanket impls left out).
    fn impls(&mut self, impls: &Value, owner: &str) {
        let Some(ids) = impls.as_array() else { return };
        for id in ids {
            let Some(imp) = self.item(&id_of(id)) else {
                continue;
            };
            let body = &imp["inner"]["impl"];
            if body["is_synthetic"] == true || !body["blanket_impl"].is_null() {
                continue;
            }
            match body["trait"].as_object() {
                Some(t) => {
                    let name = self.path(&Value::Object(t.clone()));
                    let negative = if body["is_negative"] == true { "!" } else { "" };
                    self.lines
                        .insert(format!("impl {negative}{name} for {owner}"));
                }
                None => {
                    for item in body["items"].as_array().into_iter().flatten() {
                        let Some(m) = self.item(&id_of(item)) else {
                            continue;
                        };
                        if m["visibility"] != "public" {
                            continue;
                        }
                        let name = m["name"].as_str().unwrap_or("_");
                        if let Some(f) = m["inner"].get("function") {
                            let sig = self.function(&format!("{owner}::{name}"), f);
                            self.lines.insert(sig);
                        } else if let Some(c) = m["inner"].get("assoc_const") {
                            let ty = self.ty(&c["type"]);
                            self.lines.insert(format!("const {owner}::{name}: {ty}"));
                        }
                    }
                }
            }
        }
    }

    fn function(&mut self, name: &str, f: &Value) -> String {
        let header = &f["header"];
        let mut out = String::new();
        if header["is_const"] == true {
            out.push_str("const ");
        }
        if header["is_async"] == true {
            out.push_str("async ");
        }
        if header["is_unsafe"] == true {
            out.push_str("unsafe ");
        }
        out.push_str("fn ");
        out.push_str(name);
        out.push_str(&self.generics(&f["generics"]));
        let inputs: Vec<String> = f["sig"]["inputs"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|pair| {
                let arg = pair[0].as_str().unwrap_or("_").to_string();
                let ty = self.ty(&pair[1]);
                if arg == "self" {
                    match ty.as_str() {
                        "Self" => "self".to_string(),
                        "&Self" => "&self".to_string(),
                        "&mut Self" => "&mut self".to_string(),
                        _ => format!("self: {ty}"),
                    }
                } else {
                    format!("{arg}: {ty}")
                }
            })
            .collect();
        out.push('(');
        out.push_str(&inputs.join(", "));
        out.push(')');
        if !f["sig"]["output"].is_null() {
            let ty = self.ty(&f["sig"]["output"]);
            out.push_str(" -> ");
            out.push_str(&ty);
        }
        let bounds = self.where_clause(&f["generics"]);
        out.push_str(&bounds);
        out
    }

    /// `<T: Bound, 'a>`: parameter names with their bounds (synthetic `impl Trait` left out).
    fn generics(&mut self, g: &Value) -> String {
        let mut shown = Vec::new();
        for p in g["params"].as_array().into_iter().flatten() {
            let name = p["name"].as_str().unwrap_or("_");
            let kind = &p["kind"];
            if let Some(t) = kind.get("type") {
                if t["is_synthetic"] == true {
                    continue;
                }
                let bounds = self.bounds(&t["bounds"]);
                if bounds.is_empty() {
                    shown.push(name.to_string());
                } else {
                    shown.push(format!("{name}: {bounds}"));
                }
            } else if let Some(c) = kind.get("const") {
                let ty = self.ty(&c["type"]);
                shown.push(format!("const {name}: {ty}"));
            } else {
                shown.push(name.to_string());
            }
        }
        if shown.is_empty() {
            String::new()
        } else {
            format!("<{}>", shown.join(", "))
        }
    }

    fn where_clause(&mut self, g: &Value) -> String {
        let mut shown = Vec::new();
        for w in g["where_predicates"].as_array().into_iter().flatten() {
            if let Some(b) = w.get("bound_predicate") {
                let ty = self.ty(&b["type"]);
                let bounds = self.bounds(&b["bounds"]);
                shown.push(format!("{ty}: {bounds}"));
            }
        }
        if shown.is_empty() {
            String::new()
        } else {
            format!(" where {}", shown.join(", "))
        }
    }

    fn bounds(&mut self, bounds: &Value) -> String {
        let shown: Vec<String> = bounds
            .as_array()
            .into_iter()
            .flatten()
            .map(|b| {
                if let Some(t) = b.get("trait_bound") {
                    let m = match t["modifier"].as_str() {
                        Some("maybe") => "?",
                        _ => "",
                    };
                    format!("{m}{}", self.path(&t["trait"]))
                } else if let Some(l) = b.get("outlives") {
                    l.as_str().unwrap_or("'_").to_string()
                } else {
                    "?".to_string()
                }
            })
            .collect();
        shown.join(" + ")
    }

    /// A path (`resolved_path`) with its generic arguments, recording external types.
    fn path(&mut self, p: &Value) -> String {
        let id = id_of(&p["id"]);
        let shown = self.doc["paths"]
            .get(&id)
            .and_then(|s| s["path"].as_array())
            .map(|parts| {
                parts
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join("::")
            })
            .unwrap_or_else(|| p["path"].as_str().unwrap_or("?").to_string());
        if let Some(full) = self.external_path(&id) {
            self.external.insert(full);
        }
        let args = self.args(&p["args"]);
        format!("{shown}{args}")
    }

    fn args(&mut self, args: &Value) -> String {
        if let Some(a) = args.get("angle_bracketed") {
            let mut shown = Vec::new();
            for arg in a["args"].as_array().into_iter().flatten() {
                if let Some(t) = arg.get("type") {
                    shown.push(self.ty(t));
                } else if let Some(l) = arg.get("lifetime") {
                    shown.push(l.as_str().unwrap_or("'_").to_string());
                } else if let Some(c) = arg.get("const") {
                    shown.push(c["expr"].as_str().unwrap_or("_").to_string());
                } else {
                    shown.push("_".to_string());
                }
            }
            for c in a["constraints"].as_array().into_iter().flatten() {
                let name = c["name"].as_str().unwrap_or("_");
                if let Some(t) = c["binding"].get("equality").and_then(|e| e.get("type")) {
                    shown.push(format!("{name} = {}", self.ty(t)));
                } else {
                    shown.push(name.to_string());
                }
            }
            if shown.is_empty() {
                String::new()
            } else {
                format!("<{}>", shown.join(", "))
            }
        } else if let Some(p) = args.get("parenthesized") {
            let inputs: Vec<String> = p["inputs"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|t| self.ty(t))
                .collect();
            let output = if p["output"].is_null() {
                String::new()
            } else {
                format!(" -> {}", self.ty(&p["output"]))
            };
            format!("({}){output}", inputs.join(", "))
        } else {
            String::new()
        }
    }

    fn ty(&mut self, t: &Value) -> String {
        let Some((kind, v)) = t.as_object().and_then(|o| o.iter().next()) else {
            return match t.as_str() {
                Some("infer") => "_".to_string(),
                _ => "?".to_string(),
            };
        };
        match kind.as_str() {
            "resolved_path" => self.path(v),
            "generic" | "primitive" => v.as_str().unwrap_or("?").to_string(),
            "borrowed_ref" => {
                let lifetime = v["lifetime"]
                    .as_str()
                    .map(|l| format!("{l} "))
                    .unwrap_or_default();
                let m = if v["is_mutable"] == true { "mut " } else { "" };
                format!("&{lifetime}{m}{}", self.ty(&v["type"]))
            }
            "raw_pointer" => {
                let m = if v["is_mutable"] == true {
                    "mut"
                } else {
                    "const"
                };
                format!("*{m} {}", self.ty(&v["type"]))
            }
            "slice" => format!("[{}]", self.ty(v)),
            "array" => format!(
                "[{}; {}]",
                self.ty(&v["type"]),
                v["len"].as_str().unwrap_or("_")
            ),
            "tuple" => {
                let parts: Vec<String> = v
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|t| self.ty(t))
                    .collect();
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            "impl_trait" => format!("impl {}", self.bounds(v)),
            "dyn_trait" => {
                let traits: Vec<String> = v["traits"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|p| self.path(&p["trait"]))
                    .collect();
                let lifetime = v["lifetime"]
                    .as_str()
                    .map(|l| format!(" + {l}"))
                    .unwrap_or_default();
                format!("dyn {}{lifetime}", traits.join(" + "))
            }
            "qualified_path" => {
                let self_ty = self.ty(&v["self_type"]);
                let name = v["name"].as_str().unwrap_or("_");
                match v["trait"].as_object() {
                    Some(tr) => {
                        let tr = self.path(&Value::Object(tr.clone()));
                        format!("<{self_ty} as {tr}>::{name}")
                    }
                    None => format!("{self_ty}::{name}"),
                }
            }
            "function_pointer" => {
                let inputs: Vec<String> = v["sig"]["inputs"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|pair| self.ty(&pair[1]))
                    .collect();
                let output = if v["sig"]["output"].is_null() {
                    String::new()
                } else {
                    format!(" -> {}", self.ty(&v["sig"]["output"]))
                };
                format!("fn({}){output}", inputs.join(", "))
            }
            "pat" => self.ty(&v["type"]),
            other => format!("<{other}>"),
        }
    }

    /// `crate::path` of an item of another crate, unless it is one of ours or the standard
    /// library's.
    fn external_path(&self, id: &str) -> Option<String> {
        let summary = self.doc["paths"].get(id)?;
        let crate_id = id_of(&summary["crate_id"]);
        if crate_id == "0" {
            return None;
        }
        let parts: Vec<&str> = summary["path"]
            .as_array()?
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let krate = *parts.first()?;
        if krate.starts_with("paypro_") || matches!(krate, "std" | "core" | "alloc") {
            return None;
        }
        Some(parts.join("::"))
    }
}

/// Every pinned crate's API and the external types, as the files under `api/`.
pub fn snapshot(root: &Path) -> Result<BTreeMap<PathBuf, String>, String> {
    let mut files = BTreeMap::new();
    let mut external: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let apis = of_workspace(root)?;
    for (krate, api) in apis {
        let mut text = format!(
            "# The public API of {krate}, from rustdoc JSON (`cargo xtask public-api`).\n\
             # Review a change here as an API change; `cargo xtask public-api` rewrites it.\n"
        );
        for line in &api.lines {
            text.push_str(line);
            text.push('\n');
        }
        files.insert(PathBuf::from(DIR).join(format!("{krate}.txt")), text);
        for ty in api.external {
            external.entry(ty).or_default().insert(krate.clone());
        }
    }
    let mut text = String::from(
        "# Types of other crates that the published crates' public API names (a type, a re-export,\n\
         # a trait bound), with the crates that name them. Each is a dependency whose major\n\
         # version is part of our API.\n",
    );
    for (ty, crates) in &external {
        let crates: Vec<&str> = crates.iter().map(String::as_str).collect();
        text.push_str(&format!("{ty}  ({})\n", crates.join(", ")));
    }
    files.insert(PathBuf::from(DIR).join("external-types.txt"), text);
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A crate `demo` with a struct (one public field, one private, one method), a re-export of
    /// another crate's type, and a glob re-export of a private module holding a name.
    fn doc() -> Value {
        json!({
            "root": 0,
            "index": {
                "0": {"name": "demo", "visibility": "public", "inner": {"module": {"items": [1, 5, 6]}}},
                "1": {"name": "Money", "visibility": "public", "inner": {"struct": {
                    "generics": {"params": [], "where_predicates": []},
                    "kind": {"plain": {"fields": [2, 3], "has_stripped_fields": true}},
                    "impls": [4]}}},
                "2": {"name": "amount", "visibility": "public", "inner": {"struct_field": {"primitive": "u64"}}},
                "3": {"name": "secret", "visibility": "crate", "inner": {"struct_field": {"primitive": "u64"}}},
                "4": {"name": null, "visibility": "default", "inner": {"impl": {
                    "is_synthetic": false, "blanket_impl": null, "trait": null,
                    "items": [7]}}},
                "7": {"name": "value", "visibility": "public", "inner": {"function": {
                    "header": {"is_const": false, "is_async": false, "is_unsafe": false},
                    "generics": {"params": [], "where_predicates": []},
                    "sig": {"inputs": [["self", {"borrowed_ref": {"lifetime": null, "is_mutable": false, "type": {"generic": "Self"}}}]],
                            "output": {"resolved_path": {"path": "Decimal", "id": 100, "args": null}}}}}},
                "5": {"name": null, "visibility": "public", "inner": {"use": {
                    "source": "rust_decimal::Decimal", "name": "Decimal", "id": 100, "is_glob": false}}},
                "6": {"name": null, "visibility": "public", "inner": {"use": {
                    "source": "exports", "name": "exports", "id": 8, "is_glob": true}}},
                "8": {"name": "exports", "visibility": "crate", "inner": {"module": {"items": [9]}}},
                "9": {"name": null, "visibility": "public", "inner": {"use": {
                    "source": "crate::Money", "name": "Cash", "id": 1, "is_glob": false}}}
            },
            "paths": {
                "100": {"crate_id": 3, "path": ["rust_decimal", "decimal", "Decimal"], "kind": "struct"}
            }
        })
    }

    #[test]
    fn renders_items_fields_methods_and_re_exports() {
        let api = render(&doc());
        let lines: Vec<&str> = api.lines.iter().map(String::as_str).collect();
        assert_eq!(
            lines,
            [
                // The re-export is rendered in full under its public name too.
                "field demo::Cash.amount: u64",
                "field demo::Money.amount: u64",
                "fn demo::Cash::value(&self) -> rust_decimal::decimal::Decimal",
                "fn demo::Money::value(&self) -> rust_decimal::decimal::Decimal",
                "struct demo::Cash",
                "struct demo::Cash has private fields",
                "struct demo::Money",
                "struct demo::Money has private fields",
                "use demo::Cash = crate::Money",
                "use demo::Decimal = rust_decimal::Decimal",
            ]
        );
        assert_eq!(
            api.external.into_iter().collect::<Vec<_>>(),
            ["rust_decimal::decimal::Decimal"]
        );
    }
}
