//! `cargo xtask gen [--check]`.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask gen [--check]

  gen           regenerate crates/paypro-core/src/generated/ and crates/paypro-<cc>/ from spec/*.toml
  gen --check   regenerate in memory; print a unified diff and exit 1 if anything differs";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let check = match args.as_slice() {
        ["gen"] => false,
        ["gen", "--check"] => true,
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace root")
        .to_path_buf();
    match xtask::run(&root, &root.join("spec"), check) {
        Ok(xtask::Outcome::UpToDate) => {
            eprintln!("generated code is up to date");
            ExitCode::SUCCESS
        }
        Ok(xtask::Outcome::Drifted(drift)) if check => {
            print!("{}", drift.report());
            eprintln!(
                "generated code is out of date ({} changed, {} stale): run `cargo xtask gen`",
                drift.changed.len(),
                drift.extra.len()
            );
            ExitCode::FAILURE
        }
        Ok(xtask::Outcome::Drifted(drift)) => {
            for (path, _, _) in &drift.changed {
                eprintln!("wrote {}", path.display());
            }
            for path in &drift.extra {
                eprintln!("deleted {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!("{} spec error(s); nothing was written", errors.len());
            ExitCode::from(2)
        }
    }
}
