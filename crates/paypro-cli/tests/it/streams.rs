//! Stdin and stdout at their edges: a reader that closes stdout early ends the command quietly
//! (exit 0, nothing on stderr, no panic); empty stdin means `{}` for a call; a terminal on
//! stdin is never waited on (a call takes `{}`, `sign` and `notify verify` say to pipe).

use crate::common;

use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{MERCHANT_ENV, SECRET_ENV, code, command, fails_with, paypro, stderr, stdout_json};
use paypro_mock::{MockConfig, MockGateway};

/// How long a command may take before the test calls it stuck (it should take well under 1 s).
const STUCK_AFTER: Duration = Duration::from_secs(20);

const OBJECT: &str = r#"{"timestamp":"1729153976003","tradeNo":"133323384"}"#;

/// Runs `cmd` with its stdout's reading end closed before anything is written, and `stdin`.
fn with_stdout_closed(mut cmd: Command, stdin: &str) -> Output {
    let mut child = cmd.spawn().unwrap();
    drop(child.stdout.take());
    {
        use std::io::Write;
        let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    out
}

#[test]
fn a_reader_that_closes_stdout_early_ends_the_command_quietly() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let gateway = runtime
        .block_on(MockGateway::start(
            MockConfig::default(),
            paypro_all::COUNTRIES,
        ))
        .unwrap();
    let base = gateway.base_url("id").unwrap();
    let body = paypro_core::notify::sign_body(
        OBJECT,
        &paypro_core::Secret::new(paypro_testkit::TEST_SECRET).unwrap(),
    )
    .unwrap();
    let cases: Vec<(Vec<&str>, String)> = vec![
        (vec!["sign"], OBJECT.into()),
        (vec!["sign", "--json"], OBJECT.into()),
        (vec!["notify", "verify"], body),
        (vec!["mx", "--list"], String::new()),
        (vec!["mx", "--help"], String::new()),
        (vec!["help", "mx"], String::new()),
        (vec!["--help"], String::new()),
        (vec!["schema", "mx"], String::new()),
        (
            vec!["id", "query-pay-in", "--dry-run"],
            r#"{"tradeNo":"1"}"#.into(),
        ),
        (vec!["id", "balance", "--base-url", &base], String::new()),
    ];
    for (args, stdin) in cases {
        let out = with_stdout_closed(command(&args, &[SECRET_ENV, MERCHANT_ENV]), &stdin);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "{args:?}: {}", stderr(&out));
    }
    // The same through a shell pipeline, as a user types it.
    let paypro = env!("CARGO_BIN_EXE_paypro");
    let out = Command::new("bash")
        .args([
            "-c",
            &format!("set -o pipefail; echo '{OBJECT}' | '{paypro}' sign | head -c 0"),
        ])
        .env("PAYPRO_SECRET", "TESTSECRET")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    drop(gateway);
}

#[test]
fn a_stdout_that_fails_otherwise_is_still_an_error() {
    #[cfg(target_os = "linux")]
    {
        let mut cmd = command(&["sign"], &[SECRET_ENV]);
        cmd.stdout(Stdio::from(std::fs::File::create("/dev/full").unwrap()));
        let out = common::run(cmd, OBJECT);
        fails_with(&out, 1, &["cannot write"]);
    }
}

#[test]
fn empty_stdin_means_an_empty_object() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let gateway = runtime
        .block_on(MockGateway::start(
            MockConfig::default(),
            paypro_all::COUNTRIES,
        ))
        .unwrap();
    let base = gateway.base_url("mx").unwrap();
    let env = [SECRET_ENV, MERCHANT_ENV, ("PAYPRO_BASE_URL", base.as_str())];
    for stdin in ["", "  \n"] {
        let out = paypro(&["mx", "balance"], stdin, &env);
        assert_eq!(code(&out), 0, "{stdin:?}: {}", stderr(&out));
        assert!(stdout_json(&out)["data"].is_object());
    }
    // No stdin at all (the null device).
    let mut cmd = command(&["mx", "balance"], &env);
    cmd.stdin(Stdio::null());
    let out = cmd.output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // What is signed is exactly the timestamp.
    let out = paypro(
        &["mx", "balance", "--dry-run", "--timestamp", "1724151084278"],
        "",
        &env,
    );
    assert_eq!(
        stdout_json(&out)["canonical"],
        "timestamp=1724151084278",
        "{}",
        stderr(&out)
    );
    // An endpoint with required fields names them.
    let out = paypro(&["mx", "query-pay-in", "--dry-run"], "", &env);
    fails_with(&out, 2, &["tradeNo"]);
    drop(gateway);
}

/// A pseudo-terminal's follower side, to stand in for a terminal on stdin.
#[cfg(unix)]
fn terminal() -> (std::fs::File, std::fs::File) {
    use std::os::fd::FromRawFd;
    let (mut leader, mut follower) = (0, 0);
    let rc = unsafe {
        libc::openpty(
            &mut leader,
            &mut follower,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: openpty returned two fresh descriptors that nothing else owns.
    unsafe {
        (
            std::fs::File::from_raw_fd(leader),
            std::fs::File::from_raw_fd(follower),
        )
    }
}

/// Runs `args` with a terminal on stdin that nobody types into; fails if it is still running
/// after [`STUCK_AFTER`].
#[cfg(unix)]
fn at_a_terminal(args: &[&str]) -> Output {
    let (_leader, follower) = terminal();
    let mut cmd = command(args, &[SECRET_ENV, MERCHANT_ENV]);
    cmd.stdin(Stdio::from(follower));
    let mut child = cmd.spawn().unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > STUCK_AFTER {
            child.kill().unwrap();
            let _ = child.wait();
            panic!("`paypro {args:?}` waited on the terminal");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn a_terminal_on_stdin_is_not_waited_on() {
    let out = at_a_terminal(&["mx", "balance", "--dry-run", "--timestamp", "1724151084278"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout_json(&out)["canonical"], "timestamp=1724151084278");
    // --data wins over stdin, terminal or not.
    let out = at_a_terminal(&[
        "id",
        "query-pay-in",
        "--dry-run",
        "--data",
        r#"{"tradeNo":"7"}"#,
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    for args in [&["sign"][..], &["notify", "verify"][..]] {
        let out = at_a_terminal(args);
        fails_with(&out, 2, &["stdin is a terminal", "pipe"]);
    }
}
