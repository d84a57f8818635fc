// @generated from spec/bd.toml by `cargo xtask gen`; do not edit.
//! The quickstart runs to its end on the embedded sandbox (no gateway in the environment).
//! Whether its callback arrives within the program's own wait is not checked: that is timing.

use std::process::Command;

#[test]
fn the_quickstart_runs_on_the_embedded_sandbox() {
    let out = Command::new(env!("CARGO_BIN_EXE_quickstart-bd"))
        .env_remove("PAYPRO_BASE_URL")
        .env_remove("PAYPRO_MERCHANT_NO")
        .env_remove("PAYPRO_SECRET")
        .output()
        .expect("the quickstart starts");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    for step in [
        "1. started the embedded Paypro sandbox at http://127.0.0.1:",
        "3. pay-in quickstart-",
        "5. query quickstart-",
        "6. and a request the SDK refuses to send: ",
    ] {
        assert!(stdout.contains(step), "no {step:?} in:\n{stdout}");
    }
}
