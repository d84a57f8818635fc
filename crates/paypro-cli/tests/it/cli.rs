//! The built `paypro` binary, every command, against the sandbox and loopback servers, with
//! the documented exit codes; and `--dry-run` for every spec example equal to its snapshot.
//! (`notify verify`, secrets, outcomes and time-outs have their own files.)

use crate::common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{MERCHANT_ENV, SECRET_ENV, code, paypro, stderr, stdout_json};
use paypro_mock::{MockConfig, MockGateway};
use paypro_testkit::TEST_MERCHANT_NO;
use paypro_testkit::{Answer, TestServer};

#[test]
fn sign_prints_the_canonical_string_and_sign() {
    let body = r#"{"amount":"300","notifyUrl":"https://google.com","remark":"test","returnUrl":"http://abc.com/callback_page","timestamp":"1728609257212","tradeNo":"test_00000008","wayCode":"EWALLET_BKASH","sign":"ignored"}"#;
    let out = paypro(&["sign"], body, &[SECRET_ENV]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "canonical: amount=300notifyUrl=https://google.comremark=testreturnUrl=http://abc.com/callback_pagetimestamp=1728609257212tradeNo=test_00000008wayCode=EWALLET_BKASH\nsign: 14c96c6e3ff59f7416d4b1a0c9d26883\n"
    );
    let out = paypro(
        &["sign", "--json"],
        r#"{"timestamp":"1729153976003","tradeNo":"133323384"}"#,
        &[SECRET_ENV],
    );
    assert_eq!(
        stdout_json(&out),
        serde_json::json!({"canonical": "timestamp=1729153976003tradeNo=133323384", "sign": "399e2ccfe3ce8947beb4ef1a75f0d170"})
    );

    let file = std::env::temp_dir().join(format!("paypro-secret-{}", std::process::id()));
    std::fs::write(&file, "TESTSECRET\n").unwrap();
    let out = paypro(
        &["sign", "--secret-file", file.to_str().unwrap()],
        r#"{"timestamp":"1729153976003","tradeNo":"133323384"}"#,
        &[],
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("399e2ccfe3ce8947beb4ef1a75f0d170"));
    let out = paypro(&["sign", "--secret", "TESTSECRET"], r#"{"a":"1"}"#, &[]);
    assert_eq!(code(&out), 0);
    assert!(
        stderr(&out).contains("visible to other users"),
        "{}",
        stderr(&out)
    );

    let out = paypro(&["sign"], "not json", &[SECRET_ENV]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("not a JSON object"),
        "{}",
        stderr(&out)
    );
    let out = paypro(&["sign"], r#"{"a":"1"}"#, &[]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("missing credentials"));
}

#[test]
fn dry_run_of_every_spec_example_equals_its_snapshot() {
    assert!(paypro_testkit::EXAMPLES.len() >= 31);
    for ex in paypro_testkit::EXAMPLES {
        let ts = ex.timestamp_ms.to_string();
        let out = paypro(
            &[
                ex.country,
                ex.endpoint,
                "--dry-run",
                "--data",
                ex.input,
                "--timestamp",
                &ts,
            ],
            "",
            &[SECRET_ENV, MERCHANT_ENV],
        );
        assert_eq!(
            code(&out),
            0,
            "{} {}: {}",
            ex.country,
            ex.endpoint,
            stderr(&out)
        );
        let shown = stdout_json(&out);
        let c = paypro_all::country(ex.country).unwrap();
        let d = c.endpoint(ex.endpoint).unwrap();
        assert_eq!(shown["method"], "POST");
        assert_eq!(shown["path"], d.path);
        assert_eq!(shown["body"], ex.body, "{} {}", ex.country, ex.endpoint);
        assert_eq!(shown["canonical"], ex.canonical);
        assert_eq!(shown["sign"], ex.sign);
        assert_eq!(shown["headers"]["merchantNo"], TEST_MERCHANT_NO);
        if d.sign == paypro_core::descriptor::SignPlacement::Header {
            assert_eq!(shown["headers"]["sign"], ex.sign);
        }
    }
}

/// Arguments, stdin, environment, and what stderr must say.
type Case<'a> = (Vec<&'a str>, &'a str, &'a [(&'a str, &'a str)], &'a str);

#[test]
fn bad_input_gets_exit_2_and_one_clear_sentence() {
    let both = [SECRET_ENV, MERCHANT_ENV];
    let cases: Vec<Case> = vec![
        (
            vec!["id", "pay-in", "--dry-run"],
            "not json",
            &both,
            "not JSON",
        ),
        (
            vec!["zz", "pay-in", "--dry-run"],
            "{}",
            &both,
            "unknown country `zz`",
        ),
        (
            vec!["id", "refund", "--dry-run"],
            "{}",
            &both,
            "unknown endpoint `refund`",
        ),
        (
            vec!["id", "query-pay-in", "--dry-run"],
            r#"{"tradeNo":"1"}"#,
            &[MERCHANT_ENV],
            "missing credentials",
        ),
        (
            vec!["id", "query-pay-in", "--dry-run"],
            r#"{"tradeNo":"1"}"#,
            &[SECRET_ENV],
            "missing credentials",
        ),
        (
            vec!["eg", "payout", "--dry-run"],
            r#"{"tradeNo":"1","customerName":"k","amount":"300.50","remark":"r","notifyUrl":"http://x","walletId":"1"}"#,
            &both,
            "`amount` must be a whole number",
        ),
        (
            vec!["eg", "payout", "--dry-run"],
            r#"{"tradeNo":"1","customerName":"k","amount":"99","remark":"r","notifyUrl":"http://x","walletId":"1"}"#,
            &both,
            "`amount` must be at least 100 (got 99)",
        ),
        (vec!["id", "--nope"], "", &both, "unexpected argument"),
    ];
    for (args, stdin, env, needle) in cases {
        let out = paypro(&args, stdin, env);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    }
    let out = paypro(&["frobnicate"], "", &[]);
    assert_eq!(code(&out), 2);
}

#[test]
fn list_and_schema() {
    let out = paypro(&["id", "--list"], "", &[]);
    assert_eq!(code(&out), 0);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("pay-in") && text.contains("/v1/paypro/payIn") && text.contains("mobile"),
        "{text}"
    );
    assert!(text.contains("voucher"));
    let out = paypro(&["schema", "ke", "payout"], "", &[]);
    assert_eq!(code(&out), 0);
    let schema = stdout_json(&out);
    assert!(
        schema["request"]["properties"]["mobile"].is_object(),
        "{schema}"
    );
    assert!(
        schema["response"]["properties"]["serialNumber"].is_object(),
        "{schema}"
    );
    let out = paypro(&["schema", "mx"], "", &[]);
    let all = stdout_json(&out);
    assert!(all["notification"]["properties"]["platFormTradeNo"].is_object());
    assert!(all["query-payout"].is_object());
    assert_eq!(code(&paypro(&["schema", "mx", "nope"], "", &[])), 2);
}

#[test]
fn calls_against_the_sandbox_and_each_failure_class() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let gateway = runtime
        .block_on(MockGateway::start(
            MockConfig::default().settle_after(Duration::from_millis(20)),
            paypro_all::COUNTRIES,
        ))
        .unwrap();
    let base = gateway.base_url("id").unwrap();
    let env = [SECRET_ENV, MERCHANT_ENV, ("PAYPRO_BASE_URL", base.as_str())];
    let pay_in = r#"{"tradeNo":"cli-1","username":"kevin","mobile":"6281245907765","email":"k@example.com","channelCode":"EWALLET","amount":1000,"notifyUrl":"http://127.0.0.1:9/n"}"#;
    let out = paypro(&["id", "pay-in"], pay_in, &env);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let reply = stdout_json(&out);
    assert_eq!(reply["data"]["status"], "0015");
    assert_eq!(reply["data"]["tradeNo"], "cli-1");
    let mut status = serde_json::Value::Null;
    for _ in 0..100 {
        let query = ["id", "query-pay-in", "--data", r#"{"tradeNo":"cli-1"}"#];
        let out = paypro(&query, "", &env);
        assert_eq!(code(&out), 0);
        status = stdout_json(&out)["data"]["status"].clone();
        if status == "0000" {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(status, "0000", "the order settles");
    let out = paypro(&["id", "balance"], "{}", &env);
    assert_eq!(code(&out), 0);

    // 1: the gateway refuses (a reused tradeNo).
    let out = paypro(&["id", "pay-in"], pay_in, &env);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("duplicate tradeNo"),
        "{}",
        stderr(&out)
    );
    // 2 from the base URL flag too: a wrong secret is refused by the gateway (1).
    let out = paypro(
        &["id", "balance", "--base-url", &base],
        "{}",
        &[("PAYPRO_SECRET", "wrong"), MERCHANT_ENV],
    );
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("sign error"));

    // 3: nothing listens.
    // Not a TestServer: a port bound and released, so that nothing listens on it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let closed = format!("http://127.0.0.1:{port}");
    let out = paypro(
        &["id", "pay-in", "--base-url", &closed],
        pay_in,
        &[SECRET_ENV, MERCHANT_ENV],
    );
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    // 4: no answer in time.
    let slow = runtime.block_on(TestServer::start(|_| {
        Answer::json("{}").after(Duration::from_secs(5))
    }));
    let out = paypro(
        &["id", "pay-in", "--base-url", slow.url(), "--timeout", "1"],
        pay_in,
        &[SECRET_ENV, MERCHANT_ENV],
    );
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert_eq!(slow.requests().len(), 1, "a pay-in is not retried");
    // 5: an HTML error page.
    let html = runtime.block_on(TestServer::start(|_| {
        Answer::html(502, "<html>Bad Gateway</html>")
    }));
    let out = paypro(
        &["id", "pay-in", "--base-url", html.url()],
        pay_in,
        &[SECRET_ENV, MERCHANT_ENV],
    );
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    // No base URL for a country without a documented sandbox.
    let out = paypro(&["ke", "balance"], "{}", &[SECRET_ENV, MERCHANT_ENV]);
    assert_eq!(code(&out), 2);
    drop(gateway);
}

/// `paypro mock` is the `paypro-mock` program inside the command: it lists every flag of the
/// sandbox's one definition (`paypro_mock::cli::SandboxArgs`, which the program takes, exactly:
/// crates/paypro-sandbox checks that side) with the same help and default, and takes each.
#[test]
fn mock_takes_every_flag_of_the_sandbox_program() {
    use clap::{Args, Command as ClapCommand};
    let out = common::run(common::command(&["mock", "--help"], &[]), "");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let help = String::from_utf8(out.stdout).unwrap();
    let listed: Vec<&str> = help
        .lines()
        .skip_while(|l| *l != "Options:")
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.trim_start().strip_prefix("--"))
        .filter_map(|l| l.split(' ').next())
        .collect();
    let sandbox = paypro_mock::cli::SandboxArgs::augment_args(ClapCommand::new("paypro-mock"));
    for arg in sandbox.get_arguments() {
        let long = arg.get_long().expect("a long flag");
        assert!(listed.contains(&long), "--{long} in {help}");
        let said = arg.get_help().expect("help").to_string();
        assert!(help.contains(&said), "--{long}: {said} in {help}");
        for default in arg.get_default_values() {
            let default = format!("[default: {}]", default.to_string_lossy());
            assert!(help.contains(&default), "--{long}: {default} in {help}");
        }
    }
    assert!(help.contains(paypro_mock::cli::AFTER_HELP), "{help}");
    // Each flag, with a value that is not its default, is taken.
    let mut child = common::command(
        &[
            "mock",
            "--port",
            "0",
            "--merchant-no",
            "8729248847",
            "--secret-placement",
            "prepend",
            "--max-orders",
            "7",
            "--max-connections",
            "3",
            "--max-amount",
            "1000",
            "--header-read-timeout-ms",
            "2000",
            "--request-timeout-ms",
            "3000",
            "--fault-delay-ms",
            "10",
        ],
        &[],
    )
    .spawn()
    .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let got: Vec<String> = (0..9).map_while(|_| lines.next()?.ok()).collect();
    child.kill().unwrap();
    let _ = child.wait();
    assert_eq!(got.len(), 9, "{got:?}");
    assert_eq!(got[5], "merchant 8729248847");
    assert_eq!(got[7], "secret-placement prepend");
    // Out of range, as the program says it.
    let out = common::run(common::command(&["mock", "--max-orders", "0"], &[]), "");
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("invalid value '0' for '--max-orders <N>'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn mock_names_a_taken_port_as_the_program_does() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = common::run(common::command(&["mock", "--port", &port], &[]), "");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let said = stderr(&out);
    assert!(
        said.starts_with(&format!(
            "paypro: port {port} on 127.0.0.1 is already in use"
        )),
        "{said}"
    );
    assert!(said.contains("--port 0"), "{said}");
    assert_eq!(said.lines().count(), 1, "one line: {said}");
}

#[test]
fn mock_prints_one_line_per_country_then_the_merchant_secret_and_dashboard() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_paypro"))
        .args(["mock", "--port", "0", "--merchant-no", "8729248847"])
        .env_remove("PAYPRO_SECRET")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let got: Vec<String> = (0..8).map(|_| lines.next().unwrap().unwrap()).collect();
    let base = got[2].split(' ').nth(1).unwrap().to_string();
    // The sandbox it started answers the CLI.
    let out = paypro(
        &[
            "id",
            "balance",
            "--base-url",
            &base,
            "--merchant-no",
            "8729248847",
        ],
        "{}",
        &[SECRET_ENV],
    );
    child.kill().unwrap();
    let _ = child.wait();
    assert_eq!(
        got[..5]
            .iter()
            .map(|l| l.split(' ').next().unwrap())
            .collect::<Vec<_>>(),
        ["bd", "eg", "id", "ke", "mx"]
    );
    assert!(
        got[2].starts_with("id http://127.0.0.1:") && got[2].ends_with("/indonesia-pay"),
        "{got:?}"
    );
    assert_eq!(got[5], "merchant 8729248847");
    assert_eq!(got[6], "secret TESTSECRET", "the sandbox's own test secret");
    assert!(
        got[7].starts_with("dashboard http://127.0.0.1:") && got[7].ends_with('/'),
        "{got:?}"
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}
