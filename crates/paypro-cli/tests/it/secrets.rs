//! Where the app secret comes from and what is refused: an empty or whitespace-only secret from
//! any source, `--secret` with `--secret-file`, a byte-order mark; a secret file others can
//! read gets a warning. One trailing line ending of a secret file is not part of the secret.

use crate::common;

use std::path::PathBuf;
use std::process::Output;
use std::time::{Duration, Instant};

use common::{MERCHANT_ENV, SECRET_ENV, code, command, fails_with, paypro, run, stderr, stdout};

/// `timestamp=1729153976003tradeNo=133323384` signed with `TESTSECRET`.
const OBJECT: &str = r#"{"timestamp":"1729153976003","tradeNo":"133323384"}"#;
const SIGN: &str = "399e2ccfe3ce8947beb4ef1a75f0d170";

/// A fresh file holding `bytes`, with Unix mode `mode`.
fn secret_file(name: &str, bytes: &[u8], mode: u32) -> PathBuf {
    let path = std::env::temp_dir().join(format!("paypro-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_file(&path);
    std::fs::write(&path, bytes).unwrap();
    set_mode(&path, mode);
    path
}

#[cfg(unix)]
fn set_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(not(unix))]
fn set_mode(_: &std::path::Path, _: u32) {}

fn sign_with_file(path: &std::path::Path) -> Output {
    paypro(
        &["sign", "--secret-file", path.to_str().unwrap()],
        OBJECT,
        &[],
    )
}

/// Every command that needs a secret, with `args` naming where the secret comes from.
fn every_command<'a>(args: &[&'a str]) -> Vec<(Vec<&'a str>, &'static str)> {
    let with = |mut command: Vec<&'a str>| {
        command.extend_from_slice(args);
        command
    };
    vec![
        (with(vec!["sign"]), OBJECT),
        (with(vec!["notify", "verify"]), OBJECT),
        (with(vec!["notify", "verify", "--country", "mx"]), OBJECT),
        (
            with(vec!["id", "query-pay-in", "--dry-run"]),
            r#"{"tradeNo":"1"}"#,
        ),
    ]
}

#[test]
fn an_empty_or_blank_secret_is_refused_naming_its_source() {
    for blank in ["", " ", " \t "] {
        let env = [("PAYPRO_SECRET", blank), MERCHANT_ENV];
        for (args, stdin) in every_command(&[]) {
            let out = paypro(&args, stdin, &env);
            fails_with(&out, 2, &["PAYPRO_SECRET"]);
            assert!(stdout(&out).is_empty(), "{args:?}");
        }
        for (args, stdin) in every_command(&["--secret", blank]) {
            let out = paypro(&args, stdin, &[MERCHANT_ENV]);
            fails_with(&out, 2, &["--secret"]);
            assert!(stdout(&out).is_empty(), "{args:?}");
        }
    }
    for (i, blank) in ["", "\n", "\r\n", "  \n", "\t"].iter().enumerate() {
        let file = secret_file(&format!("blank-{i}"), blank.as_bytes(), 0o600);
        let path = file.to_str().unwrap();
        for (args, stdin) in every_command(&["--secret-file", path]) {
            let out = paypro(&args, stdin, &[MERCHANT_ENV]);
            fails_with(&out, 2, &[path]);
            assert!(stdout(&out).is_empty(), "{args:?}");
        }
    }
}

#[test]
fn the_sandbox_refuses_a_blank_secret_too() {
    let mut cmd = command(&["mock", "--port", "0"], &[("PAYPRO_SECRET", " ")]);
    cmd.stdin(std::process::Stdio::null());
    let mut child = cmd.spawn().unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            let _ = child.wait();
            panic!("the sandbox started with a blank secret");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(2));
}

#[test]
fn secret_and_secret_file_together_are_a_usage_error() {
    let file = secret_file("both", b"TESTSECRET\n", 0o600);
    let path = file.to_str().unwrap();
    let out = paypro(
        &["sign", "--secret", "TESTSECRET", "--secret-file", path],
        OBJECT,
        &[],
    );
    fails_with(&out, 2, &["--secret", "--secret-file"]);
    // Given on both sides of the country.
    let out = paypro(
        &[
            "--secret",
            "TESTSECRET",
            "id",
            "query-pay-in",
            "--dry-run",
            "--secret-file",
            path,
        ],
        r#"{"tradeNo":"1"}"#,
        &[MERCHANT_ENV],
    );
    fails_with(&out, 2, &["--secret", "--secret-file"]);
    // PAYPRO_SECRET with one of them is not a conflict: the flag wins.
    let out = paypro(
        &["sign", "--secret-file", path],
        OBJECT,
        &[("PAYPRO_SECRET", "other")],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains(SIGN));
}

#[test]
fn one_trailing_line_ending_is_trimmed() {
    for (name, text) in [
        ("bare", "TESTSECRET"),
        ("lf", "TESTSECRET\n"),
        ("crlf", "TESTSECRET\r\n"),
    ] {
        let file = secret_file(name, text.as_bytes(), 0o600);
        let out = sign_with_file(&file);
        assert_eq!(code(&out), 0, "{name}: {}", stderr(&out));
        assert!(stdout(&out).contains(SIGN), "{name}: {}", stdout(&out));
        assert!(stderr(&out).is_empty(), "{name}: {}", stderr(&out));
    }
}

#[test]
fn a_byte_order_mark_is_refused() {
    let boms: [&[u8]; 3] = [b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"];
    for (i, bom) in boms.iter().enumerate() {
        let mut bytes = bom.to_vec();
        bytes.extend_from_slice(b"TESTSECRET\n");
        let file = secret_file(&format!("bom-{i}"), &bytes, 0o600);
        let out = sign_with_file(&file);
        fails_with(&out, 2, &["byte-order mark", file.to_str().unwrap()]);
        assert!(stdout(&out).is_empty());
    }
}

#[cfg(unix)]
#[test]
fn a_secret_file_others_can_read_gets_a_warning() {
    for (mode, shown) in [(0o644, "0644"), (0o640, "0640"), (0o604, "0604")] {
        let file = secret_file(&format!("mode-{shown}"), b"TESTSECRET\n", mode);
        let out = sign_with_file(&file);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert!(stdout(&out).contains(SIGN));
        let err = stderr(&out);
        assert!(
            err.contains("warning")
                && err.contains(shown)
                && err.contains("chmod 600")
                && err.contains(file.to_str().unwrap()),
            "{shown}: {err}"
        );
    }
    for mode in [0o600, 0o400] {
        let file = secret_file(&format!("mode-{mode:o}"), b"TESTSECRET\n", mode);
        let out = sign_with_file(&file);
        assert_eq!(code(&out), 0);
        assert!(stderr(&out).is_empty(), "{mode:o}: {}", stderr(&out));
    }
}

#[test]
fn a_good_secret_from_each_source_still_signs() {
    let out = paypro(&["sign"], OBJECT, &[SECRET_ENV]);
    assert!(stdout(&out).contains(SIGN), "{}", stderr(&out));
    let out = run(command(&["sign", "--secret", "TESTSECRET"], &[]), OBJECT);
    assert!(stdout(&out).contains(SIGN));
    assert!(stderr(&out).contains("visible to other users"));
}
