//! `cargo xtask gen [--check]`: the generator behind the country crates. See `spec/README.md`.

pub mod codegen;
pub mod docs;
pub mod example;
pub mod names;
pub mod openapi;
pub mod oracle;
pub mod public_api;
pub mod rules;
pub mod spec;
pub mod sync;

use std::path::Path;

/// What a run did.
pub enum Outcome {
    /// Nothing differed.
    UpToDate,
    /// Files were written or deleted (gen), or drift was found (check).
    Drifted(sync::Drift),
}

/// Loads `spec_dir`, generates, and compares with (or, unless `check`, writes to) `root`.
/// Nothing is written when the spec has errors.
pub fn run(root: &Path, spec_dir: &Path, check: bool) -> Result<Outcome, Vec<spec::SpecError>> {
    let specs = codegen::load(spec_dir, root)?;
    let files = codegen::generate(&specs)?;
    let drift = sync::diff(root, &files);
    if drift.is_empty() {
        return Ok(Outcome::UpToDate);
    }
    if !check {
        if let Err(e) = sync::apply(root, &drift) {
            return Err(vec![spec::SpecError {
                file: root.to_path_buf(),
                line: 0,
                message: format!("writing the generated files failed: {e}"),
            }]);
        }
    }
    Ok(Outcome::Drifted(drift))
}
