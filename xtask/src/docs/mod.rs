//! `cargo xtask docs diff PAGE...`: Paypro doc pages saved as text, compared with `spec/`.
//!
//! Each page is read ([`page`]): its country from the navigation, its endpoint from the request
//! URL (or its title), the request URL and method, the header, body and value tables and the
//! JSON examples. Then [`diff`] prints one line per difference from the spec. Deviations the
//! spec records on purpose are not differences: a field whose docs type differs from what is
//! sent carries `docs_type` (the docs' word), a field the docs' table lacks carries
//! `undocumented = true`, and the docs' obfuscated e-mail addresses match anything.

pub mod diff;
pub mod page;

use std::path::Path;

use crate::spec::{CountrySpec, Loaded};

/// What a run found, for the exit code: 0 in sync, 1 differences, 2 a page it cannot read.
pub enum Verdict {
    InSync,
    Differences,
    Unreadable,
}

/// Compares each page with the spec under `spec_dir`, printing to `out` (differences) and `err`
/// (unreadable pages, naming the file and line).
pub fn run(
    spec_dir: &Path,
    root: &Path,
    pages: &[&Path],
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> Verdict {
    let specs = match crate::codegen::load(spec_dir, root) {
        Ok(specs) => specs,
        Err(errors) => {
            for e in errors {
                let _ = writeln!(err, "error: {e}");
            }
            return Verdict::Unreadable;
        }
    };
    let countries: Vec<&Loaded<CountrySpec>> = specs.countries.iter().collect();
    let names: Vec<&str> = countries
        .iter()
        .flat_map(|c| {
            let c = c.spec.country.get_ref();
            std::iter::once(c.name.as_str()).chain(c.docs_names.iter().map(String::as_str))
        })
        .collect();
    let mut verdict = Verdict::InSync;
    for path in pages {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                let _ = writeln!(err, "{}: cannot read: {e}", path.display());
                verdict = Verdict::Unreadable;
                continue;
            }
        };
        let result = page::read(&text, &names).and_then(|p| diff::diff(&p, &specs.countries));
        match result {
            Err(why) => {
                let _ = writeln!(err, "{}: {why}", path.display());
                verdict = Verdict::Unreadable;
            }
            Ok(lines) if lines.is_empty() => {}
            Ok(lines) => {
                for line in lines {
                    let _ = writeln!(out, "{line}");
                }
                if !matches!(verdict, Verdict::Unreadable) {
                    verdict = Verdict::Differences;
                }
            }
        }
    }
    verdict
}
