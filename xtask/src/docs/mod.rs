//! `cargo xtask docs diff PAGE... [--country CC]`: reads Paypro doc pages saved as text and
//! prints one line per difference from `spec/*.toml`. Exit 0 in sync, 1 with differences,
//! 2 when a page cannot be read (the message names the page and the line).
//!
//! Compared: path, method, headers; body rows (name, requiredness, type, values) and the rules
//! their descriptions state in prose; response rows (name, requiredness, type); the examples.
//! Deliberate deviations are recorded in the spec's `[endpoint.docs]` table (spec/README.md)
//! and are not differences.

pub mod apply;
pub mod diff;
pub mod heading;
pub mod json;
pub mod markdown;
pub mod page;
pub mod prose;
pub mod table;

use std::path::{Path, PathBuf};

/// What `docs diff` found.
#[derive(Debug, Default)]
pub struct Report {
    /// One line per difference, `<cc> <endpoint>: <what changed>`.
    pub differences: Vec<String>,
    /// Pages that could not be read: `<page>:<line>: <why>`.
    pub unreadable: Vec<String>,
    /// With `apply`: the spec files written.
    pub applied: Vec<PathBuf>,
}

impl Report {
    /// 0 in sync, 1 with differences, 2 when any page could not be read.
    pub fn exit_code(&self) -> u8 {
        if !self.unreadable.is_empty() {
            2
        } else if !self.differences.is_empty() {
            1
        } else {
            0
        }
    }
}

fn read_toml(path: &Path) -> Result<toml::Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Compares every page with the spec in `spec_dir`. `country`, when given, is the country the
/// pages must be about (a page of another country is unreadable for this run).
pub fn run(spec_dir: &Path, pages: &[PathBuf], country: Option<&str>, apply: bool) -> Report {
    let mut report = Report::default();
    let common = match read_toml(&spec_dir.join("common.toml")) {
        Ok(c) => c,
        Err(e) => {
            report.unreadable.push(e);
            return report;
        }
    };
    for path in pages {
        let shown = path.display();
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                report
                    .unreadable
                    .push(format!("{shown}: cannot read the file: {e}"));
                continue;
            }
        };
        let page = match page::parse(&text) {
            Ok(p) => p,
            Err(e) => {
                report
                    .unreadable
                    .push(format!("{shown}:{}: {}", e.line, e.message));
                continue;
            }
        };
        let nav_line = page.country_line;
        let Some(code) = page.country else {
            report.unreadable.push(format!(
                "{shown}:{nav_line}: the page is about {}, a country with no spec/<code>.toml",
                page.country_name
            ));
            continue;
        };
        if let Some(expected) = country.filter(|c| *c != code) {
            report.unreadable.push(format!(
                "{shown}:{nav_line}: the page is about {} ({code}), not {expected}",
                page.country_name
            ));
            continue;
        }
        let spec_file = spec_dir.join(format!("{code}.toml"));
        let spec_toml = match read_toml(&spec_file) {
            Ok(s) => s,
            Err(e) => {
                report.unreadable.push(e);
                continue;
            }
        };
        let view = diff::SpecView {
            code,
            country: &spec_toml,
            common: &common,
        };
        let Some(endpoint) = diff::find_endpoint(&view, &page) else {
            let line = page.path_line;
            report.unreadable.push(format!(
                "{shown}:{line}: no endpoint of {} has the path {} (or its last segment)",
                spec_file.display(),
                page.path
            ));
            continue;
        };
        let (lines, changes) = diff::diff(&view, endpoint, &page);
        report.differences.extend(lines);
        if apply && !changes.is_empty() {
            let name = endpoint
                .get("name")
                .and_then(toml::Value::as_str)
                .unwrap_or("");
            let result = std::fs::read_to_string(&spec_file)
                .map_err(|e| e.to_string())
                .and_then(|text| apply::apply(&text, name, &changes))
                .and_then(|new| std::fs::write(&spec_file, new).map_err(|e| e.to_string()));
            match result {
                Ok(()) => report.applied.push(spec_file.clone()),
                Err(e) => report
                    .unreadable
                    .push(format!("{}: --apply failed: {e}", spec_file.display())),
            }
        }
    }
    report
}
