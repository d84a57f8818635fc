//! `cargo xtask gen [--check]`.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask gen [--check] | cargo xtask docs diff PAGE... | cargo xtask public-api [--check]

  gen           regenerate crates/paypro-core/src/generated/ and crates/paypro-<cc>/ from spec/*.toml
  gen --check   regenerate in memory; print a unified diff and exit 1 if anything differs
  docs diff PAGE... [--country CC] [--apply]
                compare Paypro doc pages saved as text with spec/*.toml: one line per
                difference; exit 0 in sync, 1 with differences, 2 for a page it cannot read;
                --apply writes new fields, requiredness, values and paths into the spec
  public-api [--check]
                write api/<crate>.txt (each published crate's public API, from rustdoc JSON)
                and api/external-types.txt; --check prints a diff and exits 1 on any change";

/// `cargo xtask public-api [--check]`.
fn public_api(check: bool) -> ExitCode {
    let Some(root) = find_root() else {
        eprintln!("error: run cargo xtask inside a paypro-rs checkout");
        return ExitCode::from(2);
    };
    let files = match xtask::public_api::snapshot(&root) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut changed = 0;
    for (path, text) in &files {
        let on_disk = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        if on_disk == *text {
            continue;
        }
        changed += 1;
        if check {
            let diff = similar::TextDiff::from_lines(&on_disk, text);
            let p = path.display().to_string();
            print!(
                "{}",
                diff.unified_diff()
                    .context_radius(1)
                    .header(&format!("a/{p}"), &format!("b/{p}"))
            );
        } else {
            if let Some(dir) = root.join(path).parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            if let Err(e) = std::fs::write(root.join(path), text) {
                eprintln!("error: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
            eprintln!("wrote {}", path.display());
        }
    }
    if check && changed > 0 {
        eprintln!(
            "the public API changed in {changed} file(s): review the diff, then run cargo xtask public-api"
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

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

fn docs_diff(args: &[&str]) -> ExitCode {
    let mut pages = vec![];
    let mut country = None;
    let mut apply = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match *arg {
            "--apply" => apply = true,
            "--country" => match it.next() {
                Some(c) => country = Some(c.to_string()),
                None => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            },
            a if a.starts_with("--") => {
                eprintln!("error: unknown option {a}\n{USAGE}");
                return ExitCode::from(2);
            }
            page => pages.push(PathBuf::from(page)),
        }
    }
    if pages.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let Some(root) = find_root() else {
        eprintln!("error: run cargo xtask inside a paypro-rs checkout");
        return ExitCode::from(2);
    };
    let report = xtask::docs::run(&root.join("spec"), &pages, country.as_deref(), apply);
    for line in &report.differences {
        println!("{line}");
    }
    for line in &report.unreadable {
        eprintln!("error: {line}");
    }
    for file in &report.applied {
        eprintln!(
            "wrote {} (changes marked docs-import; removed fields and examples are left to you): review it, then run cargo xtask gen",
            file.display()
        );
    }
    match report.exit_code() {
        0 => eprintln!("the spec is in sync with {} page(s)", pages.len()),
        1 => eprintln!("{} difference(s)", report.differences.len()),
        _ => {}
    }
    ExitCode::from(report.exit_code())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    if let ["docs", "diff", rest @ ..] = args.as_slice() {
        return docs_diff(rest);
    }
    match args.as_slice() {
        ["public-api"] => return public_api(false),
        ["public-api", "--check"] => return public_api(true),
        _ => {}
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
