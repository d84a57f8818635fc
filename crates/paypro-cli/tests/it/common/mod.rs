//! Running the built `paypro` binary from tests: a clean environment (no credentials but those
//! a test gives), stdin fed, and a check that nothing panicked.

#![allow(dead_code)] // Each test file uses its own part of this.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use paypro_testkit::{TEST_MERCHANT_NO, TEST_SECRET};

pub const SECRET_ENV: (&str, &str) = ("PAYPRO_SECRET", TEST_SECRET);
pub const MERCHANT_ENV: (&str, &str) = ("PAYPRO_MERCHANT_NO", TEST_MERCHANT_NO);

/// The command, with the credentials' environment variables (and DATABASE_URL) removed and `env` set.
pub fn command(args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_paypro"));
    cmd.args(args)
        .env_remove("PAYPRO_SECRET")
        .env_remove("PAYPRO_MERCHANT_NO")
        .env_remove("PAYPRO_BASE_URL")
        .env_remove("PAYPRO_SECRET_PLACEMENT")
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

/// Runs `cmd` with `stdin`; asserts it did not panic.
pub fn run(mut cmd: Command, stdin: &str) -> Output {
    let mut child = cmd.spawn().expect("the binary runs");
    // The command may exit before reading stdin (e.g. an unknown country): a broken pipe here
    // is not the test's concern.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{stderr}"
    );
    out
}

/// `paypro ARGS` with `stdin` and `env`.
pub fn paypro(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
    run(command(args, env), stdin)
}

pub fn code(out: &Output) -> i32 {
    out.status.code().expect("an exit code")
}

pub fn stdout_json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts the exit code and that stderr is one line containing every needle.
pub fn fails_with(out: &Output, exit: i32, needles: &[&str]) {
    let err = stderr(out);
    assert_eq!(code(out), exit, "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    for needle in needles {
        assert!(err.contains(needle), "`{needle}` not in: {err}");
    }
}
