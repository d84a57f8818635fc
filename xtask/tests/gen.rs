//! The generator's contract: strict spec errors, nothing written on error, deterministic
//! output identical to the committed tree, drift detection, byte-for-byte restore, and a new
//! country from a spec file alone.

use std::path::{Path, PathBuf};
use std::process::Command;

use xtask::{Outcome, run};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A fresh scratch directory under target/, removed first if a previous run left it, with the
/// workspace manifest (the generator reads the workspace version from it).
fn scratch(name: &str) -> PathBuf {
    let dir = repo().join("target").join("xtask-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(repo().join("Cargo.toml"), dir.join("Cargo.toml")).unwrap();
    dir
}

/// A copy of spec/ under `root/spec`.
fn copy_spec(root: &Path) -> PathBuf {
    let spec = root.join("spec");
    std::fs::create_dir_all(&spec).unwrap();
    for entry in std::fs::read_dir(repo().join("spec")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), spec.join(entry.file_name())).unwrap();
    }
    spec
}

fn files_under(root: &Path, dir: &str) -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                out.push((
                    path.strip_prefix(base).unwrap().to_path_buf(),
                    std::fs::read(&path).unwrap(),
                ));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, &root.join(dir), &mut out);
    out.sort();
    out
}

fn errors_for(edit: impl Fn(&Path)) -> Vec<String> {
    let root = scratch(&format!(
        "err-{}",
        std::process::id() as u64 + rand_suffix()
    ));
    let spec = copy_spec(&root);
    edit(&spec);
    let result = run(&root, &spec, false);
    assert!(
        !root.join("crates").exists(),
        "nothing may be written when the spec has errors"
    );
    match result {
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
        Ok(_) => panic!("expected spec errors"),
    }
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

fn replace_in(spec: &Path, file: &str, from: &str, to: &str) {
    let path = spec.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn line_of(spec: &Path, file: &str, needle: &str) -> usize {
    let text = std::fs::read_to_string(spec.join(file)).unwrap();
    text[..text.find(needle).unwrap()].lines().count() + 1
}

#[test]
fn the_committed_tree_is_what_the_spec_generates() {
    let root = repo();
    match run(&root, &root.join("spec"), true) {
        Ok(Outcome::UpToDate) => {}
        Ok(Outcome::Drifted(d)) => panic!("drift:\n{}", d.report()),
        Err(e) => panic!("spec errors: {e:?}"),
    }
}

#[test]
fn output_is_deterministic() {
    let root = repo();
    let specs = xtask::codegen::load(&root.join("spec"), &root).unwrap();
    let a = xtask::codegen::generate(&specs).unwrap();
    let specs = xtask::codegen::load(&root.join("spec"), &root).unwrap();
    let b = xtask::codegen::generate(&specs).unwrap();
    assert_eq!(a, b);
    for (path, text) in &a {
        // JSON has no comments: an OpenAPI document says it in its `x-generated` key.
        let marker = if path.extension().is_some_and(|x| x == "json") {
            text.lines().find(|l| l.contains("\"x-generated\""))
        } else {
            text.lines().next()
        }
        .unwrap_or_default();
        assert!(
            marker.contains("@generated from spec/"),
            "{} is not marked: {marker:?}",
            path.display()
        );
    }
}

#[test]
fn a_deleted_country_crate_is_restored_byte_for_byte_and_stale_files_are_removed() {
    let root = scratch("restore");
    let spec = copy_spec(&root);
    std::fs::create_dir_all(root.join("crates/paypro-core/src/generated")).unwrap();
    assert!(matches!(run(&root, &spec, false), Ok(Outcome::Drifted(_))));
    for krate in [
        "paypro-bd",
        "paypro-mx",
        "paypro-id",
        "paypro-ke",
        "paypro-eg",
    ] {
        let dir = format!("crates/{krate}");
        assert_eq!(
            files_under(&root, &dir),
            files_under(&repo(), &dir),
            "{krate} differs from the committed tree"
        );
    }
    let before = files_under(&root, "crates/paypro-ke");
    std::fs::remove_dir_all(root.join("crates/paypro-ke")).unwrap();
    std::fs::write(root.join("crates/paypro-id/src/leftover.rs"), "// stale\n").unwrap();
    std::fs::create_dir_all(root.join("crates/paypro-zz/src")).unwrap();
    std::fs::write(
        root.join("crates/paypro-zz/Cargo.toml"),
        "# @generated from spec/zz.toml\n",
    )
    .unwrap();

    let Ok(Outcome::Drifted(drift)) = run(&root, &spec, true) else {
        panic!("check must see drift")
    };
    let report = drift.report();
    assert!(
        report.contains("+++ b/crates/paypro-ke/src/lib.rs"),
        "{report}"
    );
    assert!(
        report.contains("stale file (not generated by any spec): crates/paypro-id/src/leftover.rs"),
        "{report}"
    );
    assert!(
        report.contains("stale file (not generated by any spec): crates/paypro-zz/Cargo.toml"),
        "{report}"
    );
    assert!(
        root.join("crates/paypro-id/src/leftover.rs").exists(),
        "--check writes nothing"
    );

    assert!(matches!(run(&root, &spec, false), Ok(Outcome::Drifted(_))));
    assert_eq!(files_under(&root, "crates/paypro-ke"), before);
    assert!(!root.join("crates/paypro-id/src/leftover.rs").exists());
    assert!(!root.join("crates/paypro-zz").exists());
    assert!(matches!(run(&root, &spec, true), Ok(Outcome::UpToDate)));
}

#[test]
fn check_prints_a_unified_diff_of_a_hand_edit() {
    let root = scratch("hand-edit");
    let spec = copy_spec(&root);
    run(&root, &spec, false).unwrap();
    let path = root.join("crates/paypro-eg/src/payout.rs");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen(
            "path: \"/v1/paypro/payOut\"",
            "path: \"/v1/paypro/payout\"",
            1,
        ),
    )
    .unwrap();
    let Ok(Outcome::Drifted(drift)) = run(&root, &spec, true) else {
        panic!("drift expected")
    };
    let report = drift.report();
    assert!(
        report.contains("--- a/crates/paypro-eg/src/payout.rs"),
        "{report}"
    );
    assert!(
        report.contains("-    path: \"/v1/paypro/payout\","),
        "{report}"
    );
    assert!(
        report.contains("+    path: \"/v1/paypro/payOut\","),
        "{report}"
    );
    assert!(report.contains("@@ "), "{report}");
}

#[test]
fn spec_errors_name_file_line_and_rule() {
    // Unknown key (serde, with toml's span).
    let errs = errors_for(|s| {
        replace_in(
            s,
            "eg.toml",
            "currency = \"EGP\"",
            "currency = \"EGP\"\ncurency = \"EGP\"",
        )
    });
    assert!(
        errs.iter()
            .any(|e| e.starts_with("spec/eg.toml:") && e.contains("unknown field `curency`")),
        "{errs:?}"
    );

    // Duplicate wire name.
    let errs = errors_for(|s| {
        replace_in(s, "id.toml", "wire = \"username\"", "wire = \"tradeNo\"");
    });
    let line = {
        let root = scratch("line");
        let spec = copy_spec(&root);
        replace_in(
            &spec,
            "id.toml",
            "wire = \"username\"",
            "wire = \"tradeNo\"",
        );
        line_of(
            &spec,
            "id.toml",
            "[[endpoint.request]]\nwire = \"tradeNo\"\nkind = \"text\"\nrequired = true\ndoc = \"User name.\"",
        )
    };
    assert!(
        errs.contains(&format!(
            "spec/id.toml:{line}: endpoint `pay-in`, field `tradeNo`: duplicate wire name"
        )),
        "{errs:?}"
    );

    // Impossible constraint.
    let errs = errors_for(|s| replace_in(s, "eg.toml", "min = 100", "min = 100000"));
    assert!(
        errs.iter().any(|e| e.starts_with("spec/eg.toml:")
            && e.contains("min 100000 is greater than max 10000")),
        "{errs:?}"
    );

    // Missing example.
    let errs = errors_for(|s| {
        let text = std::fs::read_to_string(s.join("ke.toml")).unwrap();
        let start = text.find("[endpoint.example]").unwrap();
        let json = start + text[start..].find("json = '''").unwrap() + "json = '''".len();
        let end = json + text[json..].find("'''").unwrap() + 3;
        std::fs::write(
            s.join("ke.toml"),
            format!("{}{}", &text[..start], &text[end..]),
        )
        .unwrap();
    });
    assert!(
        errs.iter()
            .any(|e| e.starts_with("spec/ke.toml:") && e.contains("missing [endpoint.example]")),
        "{errs:?}"
    );

    // An example that breaks the spec's own rules: a decimal amount, a bad mobile, a stray key.
    let errs =
        errors_for(|s| replace_in(s, "eg.toml", "\"amount\":\"300\"", "\"amount\":\"300.5\""));
    assert!(
        errs.iter()
            .any(|e| e.contains("`amount` must be a whole number (no fraction)")),
        "{errs:?}"
    );
    let errs = errors_for(|s| {
        replace_in(
            s,
            "id.toml",
            "\"mobile\":\"6281245907765\"",
            "\"mobile\":\"7281245907765\"",
        )
    });
    assert!(
        errs.iter()
            .any(|e| e.contains("`mobile` must start with `08` or `628`")),
        "{errs:?}"
    );
    let errs = errors_for(|s| {
        replace_in(
            s,
            "mx.toml",
            "\"tradeNo\":\"test_00000008\"",
            "\"tradeNo\":\"test_00000008\",\"bogus\":\"1\"",
        )
    });
    assert!(
        errs.iter()
            .any(|e| e.contains("key `bogus` is not a request field")),
        "{errs:?}"
    );

    // Formats: an example that breaks one, and a format rule that cannot hold.
    let errs = errors_for(|s| {
        replace_in(
            s,
            "mx.toml",
            "\"customerAccount\":\"012180000000000015\"",
            "\"customerAccount\":\"012180000000000016\"",
        )
    });
    assert!(
        errs.iter()
            .any(|e| e.contains("`customerAccount` must be a CLABE (wrong check digit)")),
        "{errs:?}"
    );
    let errs = errors_for(|s| {
        replace_in(
            s,
            "mx.toml",
            "\"notifyUrl\":\"https://google.com\",\"returnUrl\"",
            "\"notifyUrl\":\"google.com\",\"returnUrl\"",
        )
    });
    assert!(
        errs.iter()
            .any(|e| e.contains("`notifyUrl` must be an absolute http(s) URL")),
        "{errs:?}"
    );
    let errs = errors_for(|s| {
        replace_in(
            s,
            "mx.toml",
            "format_when = { field = \"customerAccountType\", is = \"CLABE\" }",
            "format_when = { field = \"customerAccountType\", is = \"IBAN\" }",
        )
    });
    assert!(
        errs.iter().any(|e| e.starts_with("spec/mx.toml:")
            && e.contains("format_when: `IBAN` is not a value of `customerAccountType`")),
        "{errs:?}"
    );
    let errs = errors_for(|s| {
        replace_in(
            s,
            "eg.toml",
            "min = 100",
            "min = 100\nformat = \"http_url\"",
        )
    });
    assert!(
        errs.iter().any(|e| e.starts_with("spec/eg.toml:")
            && e.contains("format applies only to kind = \"text\"")),
        "{errs:?}"
    );

    // Timestamp of the wrong JSON type.
    let errs = errors_for(|s| {
        replace_in(
            s,
            "id.toml",
            "\"timestamp\":1732985021335",
            "\"timestamp\":\"1732985021335\"",
        )
    });
    assert!(
        errs.iter()
            .any(|e| e.contains("endpoint `payout`, example: `timestamp`")
                && e.contains("timestamp = \"number\"")),
        "{errs:?}"
    );

    // Not TOML at all, and a file whose name does not match its code.
    let errs = errors_for(|s| std::fs::write(s.join("zz.toml"), "[country\ncode = 1").unwrap());
    assert!(
        errs.iter().any(|e| e.starts_with("spec/zz.toml:1: ")),
        "{errs:?}"
    );
    let errs = errors_for(|s| {
        std::fs::copy(s.join("eg.toml"), s.join("xx.toml"))
            .map(|_| ())
            .unwrap()
    });
    assert!(
        errs.iter()
            .any(|e| e.starts_with("spec/xx.toml:")
                && e.contains("must match the file name `xx.toml`")),
        "{errs:?}"
    );
}

const SIXTH: &str = r#"
[country]
code = "zz"
name = "Zedland"
currency = "ZZD"
notes = ["A country made up for the generator's tests."]

[[endpoint]]
name = "pay-in"
role = "pay-in"
summary = "Create a pay-in."
path = "/api/zz/payIn"
sign = "body"
timestamp = "number"
effect = "moves-money"
reconcile_with = "query-pay-in"
provenance = "documented"
source = "xtask/tests/gen.rs"

[[endpoint.request]]
wire = "tradeNo"
kind = "text"
required = true
doc = "Order number."

[[endpoint.request]]
wire = "amount"
kind = "amount"
required = true
min = 10
max = 500
doc = "Amount."

[[endpoint.request]]
wire = "phone"
kind = "text"
required = true
digits = [9, 9]
prefixes = ["5"]
doc = "Phone."

[[endpoint.request]]
wire = "channel"
kind = "enum"
required = false
doc = "Channel."
values = [{ wire = "CARD", doc = "Card." }, { wire = "wallet", doc = "Wallet." }]

[[endpoint.response]]
wire = "platFormTradeNo"
rust = "platform_trade_no"
aliases = ["zzTradeNo"]
kind = "text"
doc = "Platform number."

[[endpoint.response]]
wire = "status"
kind = "status"
doc = "Status."

[endpoint.example]
origin = "docs"
json = '''
{"sign":"x","timestamp":1700000000000,"tradeNo":"T-1","amount":"250","phone":"512345678","channel":"wallet"}
'''

[endpoint.response_example]
origin = "docs"
json = '''
{"code":"0000","msg":"success","data":{"zzTradeNo":"p1","status":"0001","fee":1.50}}
'''

[[endpoint]]
name = "query-pay-in"
role = "query-pay-in"
summary = "Query a pay-in."
path = "/api/zz/query"
sign = "body"
timestamp = "string"
effect = "read-only"
provenance = "documented"
source = "xtask/tests/gen.rs"

[[endpoint.request]]
wire = "tradeNo"
kind = "text"
required = true
doc = "Order number."

[[endpoint.response]]
wire = "status"
kind = "status"
doc = "Status."

[endpoint.example]
origin = "docs"
json = '{"sign":"x","timestamp":"1700000000000","tradeNo":"T-1"}'

[[endpoint]]
name = "balance"
role = "balance"
summary = "Balance."
path = "/api/zz/balance"
sign = "header"
timestamp = "absent"
effect = "read-only"
provenance = "inferred"
source = "xtask/tests/gen.rs"

[[endpoint.response]]
wire = "availableAmount"
kind = "decimal"
doc = "Available."

[endpoint.example]
origin = "constructed"
note = "Made for the test."
json = '{}'

[notification]
signed = true
timestamped = true
provenance = "documented"
source = "xtask/tests/gen.rs"

[[notification.field]]
wire = "amount"
kind = "decimal"
doc = "Amount."

[notification.example]
origin = "docs"
json = '{"amount":3.0000,"utr":"9"}'
"#;

/// A sixth country is one spec file: the generated crate builds and its generated tests pass.
#[test]
fn a_sixth_country_needs_only_a_spec_file() {
    let root = scratch("sixth");
    let spec = root.join("spec");
    std::fs::create_dir_all(&spec).unwrap();
    std::fs::copy(repo().join("spec/common.toml"), spec.join("common.toml")).unwrap();
    std::fs::write(spec.join("zz.toml"), SIXTH).unwrap();
    run(&root, &spec, false).unwrap();
    let lib = std::fs::read_to_string(root.join("crates/paypro-zz/src/lib.rs")).unwrap();
    assert!(lib.starts_with("// @generated from spec/zz.toml"));
    for file in [
        "tests/spec/requests.rs",
        "examples/quickstart-zz/run.rs",
        "Cargo.toml",
    ] {
        assert!(root.join("crates/paypro-zz").join(file).exists(), "{file}");
    }
    // The whole generated tree is pinned as golden output (no nested cargo build): a change
    // to the generator shows here as a diff to review. `UPDATE_GOLDEN=1` rewrites it.
    let golden = repo().join("xtask/tests/fixtures/sixth-country");
    let mut generated = files_under(&root, "crates");
    generated.extend(files_under(&root, "openapi"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let _ = std::fs::remove_dir_all(&golden);
        for (path, bytes) in &generated {
            let to = golden.join(path);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::write(to, bytes).unwrap();
        }
    }
    let mut expected = files_under(&golden, "crates");
    expected.extend(files_under(&golden, "openapi"));
    let names =
        |files: &[(PathBuf, Vec<u8>)]| files.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&generated),
        names(&expected),
        "the generated files differ from xtask/tests/fixtures/sixth-country (UPDATE_GOLDEN=1 after review)"
    );
    for ((path, got), (_, want)) in generated.iter().zip(&expected) {
        if got != want {
            let diff = similar::TextDiff::from_lines(
                std::str::from_utf8(want).unwrap(),
                std::str::from_utf8(got).unwrap(),
            )
            .unified_diff()
            .header("golden", "generated")
            .to_string();
            panic!(
                "{} differs from the golden output (UPDATE_GOLDEN=1 after review):\n{diff}",
                path.display()
            );
        }
    }
    // The sixth country's crate names no other country crate.
    let manifest = std::fs::read_to_string(root.join("crates/paypro-zz/Cargo.toml")).unwrap();
    for other in [
        "paypro-bd",
        "paypro-mx",
        "paypro-id",
        "paypro-ke",
        "paypro-eg",
    ] {
        assert!(!manifest.contains(other), "{other} in {manifest}");
    }
}

/// A merchant who depends on paypro-id compiles no other country crate.
#[test]
fn a_country_crate_depends_on_no_other_country() {
    for krate in [
        "paypro-bd",
        "paypro-mx",
        "paypro-id",
        "paypro-ke",
        "paypro-eg",
    ] {
        let out = Command::new(env!("CARGO"))
            .args([
                "tree",
                "--offline",
                "-e",
                "normal,build",
                "--prefix",
                "none",
                "-p",
                krate,
            ])
            .current_dir(repo())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let tree = String::from_utf8_lossy(&out.stdout);
        let country_crates: Vec<&str> = tree
            .lines()
            .filter(|l| {
                l.starts_with("paypro-")
                    && !l.starts_with("paypro-core")
                    && !l.starts_with("paypro-derive")
            })
            .map(|l| l.split(' ').next().unwrap())
            .collect();
        assert!(
            country_crates.iter().all(|c| *c == krate),
            "{krate} pulls in {country_crates:?}"
        );
    }
}

/// Every `@generated` file of the repository, by path, with its bytes.
fn generated_files_of_the_repo() -> Vec<(PathBuf, Vec<u8>)> {
    let out = Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(repo())
        .output()
        .expect("git ls-files");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .split('\0')
        .filter(|p| !p.is_empty() && !p.starts_with("xtask/"))
        .filter_map(|p| {
            let bytes = std::fs::read(repo().join(p)).ok()?;
            let first = bytes.split(|b| *b == b'\n').next()?;
            // The generator's own header (Cargo.lock says "@generated by Cargo").
            String::from_utf8_lossy(first)
                .contains("@generated from spec")
                .then(|| (PathBuf::from(p), bytes))
        })
        .collect()
}

/// From `spec/` alone, in an empty directory, the generator writes every `@generated` file
/// of the repository byte for byte (the core's src/generated/, whole country crates,
/// paypro-all, examples, tests), and nothing else.
#[test]
fn every_generated_file_is_rebuilt_from_the_spec_alone() {
    let root = scratch("from-spec-alone");
    let spec = copy_spec(&root);
    match run(&root, &spec, false) {
        Ok(Outcome::Drifted(_)) => {}
        Ok(Outcome::UpToDate) => panic!("an empty tree cannot be up to date"),
        Err(e) => panic!("{e:?}"),
    }
    let expected = generated_files_of_the_repo();
    assert!(expected.len() > 100, "{} generated files", expected.len());
    for (path, bytes) in &expected {
        let written = std::fs::read(root.join(path))
            .unwrap_or_else(|_| panic!("{} was not rebuilt", path.display()));
        assert!(written == *bytes, "{} differs", path.display());
    }
    let written: Vec<PathBuf> = files_under(&root, "crates")
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    let expected: std::collections::BTreeSet<&PathBuf> = expected.iter().map(|(p, _)| p).collect();
    let extra: Vec<&PathBuf> = written.iter().filter(|p| !expected.contains(p)).collect();
    assert!(
        extra.is_empty(),
        "written but not in the repository: {extra:?}"
    );
}
