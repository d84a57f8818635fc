//! `cargo xtask gen [--check]`.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask gen [--check] | cargo xtask docs diff PAGE...

  gen           regenerate crates/paypro-core/src/generated/ and crates/paypro-<cc>/ from spec/*.toml
  gen --check   regenerate in memory; print a unified diff and exit 1 if anything differs
  docs diff PAGE...
                compare Paypro doc pages saved as text with spec/: one line per difference;
                exit 0 in sync, 1 differences, 2 a page it cannot read (naming the line)";

/// The nearest directory at or above the current one that holds `spec/common.toml` and `xtask/`.
fn find_root() -> Option<PathBuf> {
    let start = std::env::current_dir().ok()?;
    start
        .ancestors()
        .find(|dir| {
            dir.join("spec/common.toml").is_file() && dir.join("xtask/Cargo.toml").is_file()
        })
        .map(PathBuf::from)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    if let ["docs", "diff", pages @ ..] = args.as_slice() {
        let Some(root) = find_root() else {
            eprintln!("error: run cargo xtask inside a paypro-rs checkout");
            return ExitCode::from(2);
        };
        if pages.is_empty() {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        let pages: Vec<&std::path::Path> = pages.iter().map(std::path::Path::new).collect();
        let verdict = xtask::docs::run(
            &root.join("spec"),
            &root,
            &pages,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        );
        return match verdict {
            xtask::docs::Verdict::InSync => {
                eprintln!("in sync: {} page(s) match the spec", pages.len());
                ExitCode::SUCCESS
            }
            xtask::docs::Verdict::Differences => ExitCode::from(1),
            xtask::docs::Verdict::Unreadable => ExitCode::from(2),
        };
    }
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
    // The root is found at run time from the current directory, never baked in at compile
    // time: with a shared CARGO_TARGET_DIR, one xtask binary serves several checkouts.
    let Some(root) = find_root() else {
        eprintln!(
            "error: run cargo xtask inside a paypro-rs checkout (no directory above {} has spec/common.toml and xtask/)",
            std::env::current_dir().map_or_else(|_| "here".into(), |d| d.display().to_string())
        );
        return ExitCode::from(2);
    };
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
