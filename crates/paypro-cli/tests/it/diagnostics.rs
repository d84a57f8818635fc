//! What the command says when something is off: a sign that does not match (from
//! `notify verify` or from the gateway) shows the canonical string and points at the secret and
//! the signing rule; `-v` shows each retry; the advice fits the endpoint (a read is run again, a
//! money-moving call is queried, never resent).

use crate::common;

use std::process::Output;

use common::{MERCHANT_ENV, SECRET_ENV, code, fails_with, paypro, stderr, stdout};
use paypro_core::Secret;
use paypro_core::notify::sign_body;
use paypro_mock::{MockConfig, MockGateway};
use paypro_testkit::{Answer, TestServer};

const PAY_IN: &str = r#"{"tradeNo":"diag-1","username":"kevin","mobile":"6281245907765","email":"k@example.com","channelCode":"EWALLET","amount":1000,"notifyUrl":"http://127.0.0.1:9/n"}"#;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap()
}

fn now_ms() -> String {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis()
        .to_string()
}

/// The sign-checking advice: the canonical string and both things to check.
fn points_at_secret_and_rule(out: &Output, canonical: &str) {
    let err = stderr(out);
    assert!(
        err.contains(&format!("the canonical string was `{canonical}`")),
        "{err}"
    );
    assert!(err.contains("check the secret"), "{err}");
    assert!(err.contains("--secret-placement prepend"), "{err}");
    assert!(err.contains("paypro doctor CC"), "{err}");
}

#[test]
fn notify_verify_with_the_wrong_secret_shows_the_canonical_string() {
    let body = sign_body(
        r#"{"tradeNo":"00000020","amount":30000,"status":"0000","timestamp":"1724740395968"}"#,
        &Secret::new("the-real-secret").unwrap(),
    )
    .unwrap();
    for args in [
        &["notify", "verify"][..],
        &["notify", "verify", "--country", "mx"][..],
    ] {
        let out = paypro(args, &body, &[SECRET_ENV]);
        fails_with(&out, 1, &["signature does not match"]);
        points_at_secret_and_rule(
            &out,
            "amount=30000status=0000timestamp=1724740395968tradeNo=00000020",
        );
        assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    }
    // A body that is not a notification gets no such advice.
    let out = paypro(&["notify", "verify"], "[1]", &[SECRET_ENV]);
    fails_with(&out, 2, &["not a notification"]);
    assert!(!stderr(&out).contains("canonical"), "{}", stderr(&out));
}

#[test]
fn a_gateway_that_refuses_the_sign_gets_the_canonical_string() {
    let rt = runtime();
    let gateway = rt
        .block_on(MockGateway::start(
            MockConfig::default(),
            paypro_all::COUNTRIES,
        ))
        .unwrap();
    let base = gateway.base_url("id").unwrap();
    let ts = now_ms();
    let out = paypro(
        &["id", "balance", "--base-url", &base, "--timestamp", &ts],
        "",
        &[("PAYPRO_SECRET", "wrong"), MERCHANT_ENV],
    );
    fails_with(&out, 1, &["rejected", "sign"]);
    points_at_secret_and_rule(&out, &format!("timestamp={ts}"));
    // A refusal for another reason (a duplicate tradeNo) says nothing about signing.
    let env = [SECRET_ENV, MERCHANT_ENV, ("PAYPRO_BASE_URL", base.as_str())];
    assert_eq!(code(&paypro(&["id", "pay-in"], PAY_IN, &env)), 0);
    let out = paypro(&["id", "pay-in"], PAY_IN, &env);
    fails_with(&out, 1, &["duplicate tradeNo"]);
    assert!(!stderr(&out).contains("canonical"), "{}", stderr(&out));
    drop(gateway);
}

#[test]
fn a_code_nobody_documents_may_be_a_sign_refusal() {
    let rt = runtime();
    let server = rt.block_on(TestServer::start(|_| {
        Answer::json(r#"{"code":"7777","msg":"illegal request"}"#)
    }));
    let out = paypro(
        &[
            "id",
            "balance",
            "--base-url",
            server.url(),
            "--timestamp",
            "1724151084278",
        ],
        "",
        &[SECRET_ENV, MERCHANT_ENV],
    );
    fails_with(
        &out,
        4,
        &["7777", "run it again", "if this code refuses the sign"],
    );
    points_at_secret_and_rule(&out, "timestamp=1724151084278");
    // A code the spec knows (a system error) is not about the sign.
    let server = rt.block_on(TestServer::start(|_| {
        Answer::json(r#"{"code":"8000","msg":"SYSTEM ERROR"}"#)
    }));
    let out = paypro(
        &["id", "balance", "--base-url", server.url()],
        "",
        &[SECRET_ENV, MERCHANT_ENV],
    );
    fails_with(&out, 4, &["8000"]);
    assert!(!stderr(&out).contains("canonical"), "{}", stderr(&out));
}

/// Lines of stderr that report a retry.
fn retries(out: &Output) -> usize {
    stderr(out)
        .lines()
        .filter(|l| l.contains("retrying a read-only call"))
        .count()
}

#[test]
fn verbose_shows_retries_and_the_advice_fits_the_endpoint() {
    let rt = runtime();
    // Every connection is closed without an answer: sent, outcome unknown.
    let server = rt.block_on(TestServer::start(|_| Answer::Close));
    let query = ["id", "query-pay-in", "--data", r#"{"tradeNo":"diag-2"}"#];
    let env = [SECRET_ENV, MERCHANT_ENV, ("PAYPRO_BASE_URL", server.url())];

    // A read: retried by the client; -v shows each retry and the final count.
    let mut args = query.to_vec();
    args.push("-v");
    let out = paypro(&args, "", &env);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    let attempts = server.requests().len();
    assert!(attempts > 1, "a read is retried");
    assert_eq!(retries(&out), attempts - 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("attempts={attempts}")),
        "{}",
        stderr(&out)
    );
    let last = stderr(&out).trim().lines().last().unwrap().to_string();
    assert!(last.contains("run it again"), "{last}");
    assert!(!last.contains("query the order"), "{last}");
    assert!(!last.contains("may have moved"), "{last}");

    // Without -v: the same call, one line.
    let before = server.requests().len();
    let out = paypro(&query, "", &env);
    fails_with(&out, 4, &["run it again"]);
    assert_eq!(server.requests().len() - before, attempts);

    // A pay-in: sent once; -v shows one attempt and no retry; the advice is to query.
    let before = server.requests().len();
    let out = paypro(&["-v", "id", "pay-in"], PAY_IN, &env);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert_eq!(server.requests().len() - before, 1, "a pay-in is sent once");
    assert_eq!(retries(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("attempts=1"), "{}", stderr(&out));
    let last = stderr(&out).trim().lines().last().unwrap().to_string();
    for needle in [
        "may have moved",
        "paypro id query-pay-in",
        "diag-1",
        "do not send it again",
    ] {
        assert!(last.contains(needle), "`{needle}` in {last}");
    }
    assert!(!last.contains("run it again"), "{last}");
}
