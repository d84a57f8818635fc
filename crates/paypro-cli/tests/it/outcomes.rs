//! Each way a call can end, through the real client against loopback servers: the documented
//! exit code, and advice that fits the endpoint (a read is simply run again; after a
//! money-moving call whose outcome is unknown, the order is queried, never resent).

use crate::common;

use std::time::Duration;

use common::{MERCHANT_ENV, SECRET_ENV, fails_with, paypro, stderr};
use paypro_testkit::{Answer, TestServer};

const PAY_IN: &str = r#"{"tradeNo":"adv-1","username":"kevin","mobile":"6281245907765","email":"k@example.com","channelCode":"EWALLET","amount":1000,"notifyUrl":"http://127.0.0.1:9/n"}"#;
const PAYOUT: &str = r#"{"tradeNo":"adv-2","amount":100000,"bankAccountNo":"5464438554636","bankCode":"0002","customerName":"kevin","email":"k@example.com","mobile":"6281245907765","notifyUrl":"http://127.0.0.1:9/n"}"#;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap()
}

fn call(args: &[&str], stdin: &str, server: &TestServer) -> std::process::Output {
    let mut args = args.to_vec();
    args.extend(["--base-url", server.url(), "--timeout", "1"]);
    paypro(&args, stdin, &[SECRET_ENV, MERCHANT_ENV])
}

/// A money-moving call's unknown outcome: the money may have moved; query, do not resend.
fn says_query_never_resend(out: &std::process::Output, exit: i32, query: &str, trade_no: &str) {
    fails_with(out, exit, &["may have moved", query, trade_no]);
    let err = stderr(out);
    assert!(!err.contains("run it again"), "{err}");
    assert!(!err.contains("before trying again"), "{err}");
    assert!(!err.contains("retry"), "{err}");
}

/// A read's unknown outcome: run it again; nothing about money.
fn says_run_again(out: &std::process::Output, exit: i32) {
    fails_with(out, exit, &["run it again"]);
    assert!(!stderr(out).contains("may have moved"), "{}", stderr(out));
    assert!(!stderr(out).contains("query the order"), "{}", stderr(out));
}

#[test]
fn no_answer_in_time() {
    let rt = runtime();
    let slow = rt.block_on(TestServer::start(|_| {
        Answer::json("{}").after(Duration::from_secs(5))
    }));
    let out = call(&["id", "pay-in"], PAY_IN, &slow);
    says_query_never_resend(&out, 4, "paypro id query-pay-in", "adv-1");
    assert_eq!(slow.requests().len(), 1, "a pay-in is not retried");
    let out = call(&["id", "payout"], PAYOUT, &slow);
    says_query_never_resend(&out, 4, "paypro id query-payout", "adv-2");
    let out = call(&["id", "balance"], "{}", &slow);
    says_run_again(&out, 4);
}

#[test]
fn an_html_error_page() {
    let rt = runtime();
    let html = rt.block_on(TestServer::start(|_| {
        Answer::html(502, "<html>Bad Gateway</html>")
    }));
    let out = call(&["id", "pay-in"], PAY_IN, &html);
    says_query_never_resend(&out, 5, "paypro id query-pay-in", "adv-1");
    let out = call(&["id", "query-pay-in"], r#"{"tradeNo":"adv-1"}"#, &html);
    says_run_again(&out, 5);
}

#[test]
fn a_5xx_with_a_json_body_is_not_a_refusal() {
    let rt = runtime();
    let server = rt.block_on(TestServer::start(|_| Answer::Full {
        status: 502,
        content_type: "application/json".into(),
        body: r#"{"code":"502","msg":"bad gateway"}"#.into(),
    }));
    let out = call(&["id", "pay-in"], PAY_IN, &server);
    says_query_never_resend(&out, 5, "paypro id query-pay-in", "adv-1");
}

#[test]
fn a_system_error_code_is_an_unknown_outcome() {
    let rt = runtime();
    for code in ["8000", "5000", "00032", "7777"] {
        let body = format!(r#"{{"code":"{code}","msg":"system busy"}}"#);
        let server = rt.block_on(TestServer::start(move |_| Answer::json(body.clone())));
        let out = call(&["id", "pay-in"], PAY_IN, &server);
        says_query_never_resend(&out, 4, "paypro id query-pay-in", "adv-1");
        assert!(stderr(&out).contains(code), "{}", stderr(&out));
        assert_eq!(server.requests().len(), 1);
    }
}

#[test]
fn nothing_listening_is_not_sent() {
    // Not a TestServer: a port bound and released, so that nothing listens on it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let closed = format!("http://127.0.0.1:{port}");
    let out = paypro(
        &["id", "pay-in", "--base-url", &closed],
        PAY_IN,
        &[SECRET_ENV, MERCHANT_ENV],
    );
    fails_with(&out, 3, &["not sent"]);
    assert!(!stderr(&out).contains("may have moved"), "{}", stderr(&out));
}

/// What no terminal should receive from a gateway: escape sequences, a bell, a bidi override,
/// the 8-bit CSI.
const RAW: [char; 4] = ['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}'];

#[test]
fn gateway_text_in_a_failure_is_escaped_and_cut() {
    let rt = runtime();
    let hostile = format!("\u{1b}[2J\u{7}\u{202e}\u{9b}31m{}", "x".repeat(200_000));
    // Codes nobody documents (Uncertain), and an accepted answer whose `data` cannot be read
    // (Unreadable). A refusal's code and msg (Rejected) go through the same rule: see the unit
    // test in call_outcome.rs.
    for (body, exit) in [
        (
            serde_json::json!({"code": "7777", "msg": hostile}).to_string(),
            4,
        ),
        (
            serde_json::json!({"code": hostile, "msg": hostile}).to_string(),
            4,
        ),
        (
            serde_json::json!({"code": "0000", "msg": "success", "data": hostile}).to_string(),
            5,
        ),
    ] {
        let server = rt.block_on(TestServer::start(move |_| Answer::json(body.clone())));
        for (args, stdin) in [
            (&["id", "balance"][..], "{}"),
            (&["id", "pay-in"][..], PAY_IN),
        ] {
            let out = call(args, stdin, &server);
            let err = stderr(&out);
            assert_eq!(common::code(&out), exit, "{err}");
            assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
            for raw in RAW {
                assert!(!err.contains(raw), "{raw:?} in {err:?}");
            }
            assert!(err.len() < 4_000, "{} bytes: {}", err.len(), &err[..4_000]);
            if exit != 5 {
                assert!(err.contains(r"\u{1b}[2J\u{7}\u{202e}\u{9b}31mxxx"), "{err}");
                assert!(err.contains("more bytes not shown"), "{err}");
            }
        }
    }
}

#[test]
fn an_answer_printed_as_json_carries_no_terminal_control() {
    let rt = runtime();
    let body = serde_json::json!({
        "code": "0000",
        "msg": "success\u{9b}2J",
        "data": {"availableAmount": "1.00", "note\u{202e}": "a\u{85}b\u{2028}c\u{7f}d é ü 中 🦤"},
    })
    .to_string();
    let server = rt.block_on(TestServer::start(move |_| Answer::json(body.clone())));
    let out = call(&["id", "balance"], "{}", &server);
    let shown = common::stdout(&out);
    assert_eq!(common::code(&out), 0, "{}", stderr(&out));
    for raw in ['\u{9b}', '\u{202e}', '\u{85}', '\u{2028}', '\u{7f}'] {
        assert!(!shown.contains(raw), "{raw:?} in {shown:?}");
    }
    // Still JSON, with the same values; printable text is kept as it is.
    let json = common::stdout_json(&out);
    assert_eq!(json["msg"], "success\u{9b}2J", "{shown}");
    let extra = shown.contains("\\u202e") && shown.contains("é ü 中 🦤");
    assert!(extra, "{shown}");
}

#[test]
fn a_missing_base_url_names_the_flag_and_a_bad_one_hides_its_password() {
    let env = [SECRET_ENV, MERCHANT_ENV];
    // Kenya's docs give no sandbox URL.
    let out = paypro(
        &["ke", "query-pay-in", "--data", r#"{"tradeNo":"t-1"}"#],
        "",
        &env,
    );
    fails_with(
        &out,
        2,
        &["no base URL for Kenya", "PAYPRO_BASE_URL", "--base-url"],
    );
    assert!(!stderr(&out).contains("Config::"), "{}", stderr(&out));
    for bad in [
        "http://ops:s3cr3t-pw@/x",
        "http://ops:s3cr3t-pw@[::1/x",
        "ftp://ops:s3cr3t-pw@h/x",
    ] {
        let out = paypro(&["id", "balance", "--base-url", bad], "", &env);
        fails_with(&out, 2, &["base URL", "***"]);
        assert!(!stderr(&out).contains("s3cr3t-pw"), "{}", stderr(&out));
    }
}
