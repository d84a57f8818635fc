//! openapi/paypro-<cc>.json read by tools nobody here wrote, from PyPI (pinned in
//! xtask/scripts/install-openapi-tools.sh, which installs them into a venv under target/):
//! openapi-spec-validator validates every document, and a client that openapi-python-client
//! generates from Mexico's document reads its examples (tests/openapi/client_check.py).
//!
//! Without the venv each test says what is missing on one line and passes;
//! PAYPRO_OPENAPI_TEST=require (set by .ci/run, which runs the script) makes that a failure.
//! PAYPRO_OPENAPI_VENV names another venv.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{COUNTRIES, root};

/// The venv's `bin/` when it has `tool`; else `None` after saying so (or a panic when required).
fn venv_bin(tool: &str) -> Option<PathBuf> {
    let venv = std::env::var_os("PAYPRO_OPENAPI_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/openapi-tools"));
    let bin = venv.join("bin");
    if bin.join(tool).is_file() {
        return Some(bin);
    }
    let missing = format!(
        "{tool} is not installed in {}: run xtask/scripts/install-openapi-tools.sh",
        venv.display()
    );
    if std::env::var("PAYPRO_OPENAPI_TEST").as_deref() == Ok("require") {
        panic!("PAYPRO_OPENAPI_TEST=require: {missing}");
    }
    eprintln!("skipped: {missing}");
    None
}

fn run(mut cmd: Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?}: cannot run: {e}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{text}",
        out.status
    );
    text
}

#[test]
fn openapi_spec_validator_accepts_every_document() {
    let Some(bin) = venv_bin("openapi-spec-validator") else {
        return;
    };
    for code in COUNTRIES {
        let mut cmd = Command::new(bin.join("openapi-spec-validator"));
        cmd.arg(root().join(format!("openapi/paypro-{code}.json")));
        let said = run(cmd);
        assert!(said.contains(": OK"), "{code}: {said}");
    }
}

#[test]
fn a_generated_python_client_reads_the_examples_into_one_field_each() {
    let Some(bin) = venv_bin("openapi-python-client") else {
        return;
    };
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("openapi-python-client");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let config = work.join("config.json");
    std::fs::write(
        &config,
        r#"{"package_name_override": "paypro_client", "project_name_override": "paypro-client"}"#,
    )
    .unwrap();
    let doc = root().join("openapi/paypro-mx.json");
    // Its post-generation hooks run ruff, which the venv has.
    let path = std::env::join_paths(std::iter::once(bin.clone()).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    let mut generate = Command::new(bin.join("openapi-python-client"));
    generate
        .args(["generate", "--meta", "none", "--path"])
        .arg(&doc)
        .arg("--output-path")
        .arg(work.join("out/paypro_client"))
        .arg("--config")
        .arg(&config)
        .env("PATH", &path);
    let said = run(generate);
    assert!(!said.contains("Warning"), "the generator warned:\n{said}");
    let mut check = Command::new(bin.join("python"));
    check
        .arg(root().join("xtask/tests/openapi/client_check.py"))
        .arg(&doc)
        .arg(work.join("out"));
    let said = run(check);
    assert!(
        said.contains("read Notification from the webhook's example"),
        "{said}"
    );
    assert!(said.contains("read PayInResponse"), "{said}");
    assert!(
        !said.contains(" 0 with an alias"),
        "no example read an alias: {said}"
    );
}
