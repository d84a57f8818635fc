//! `paypro notify send`: the spec's example callback, overridden by `--data` and `--status`,
//! signed as Paypro signs it (Kenya's unsigned), POSTed once to a receiver on 127.0.0.1 that
//! verifies it with paypro-core's `Verifier`; exit 0 only when the receiver answered `OK`.

use crate::common;

use std::process::Output;
use std::time::Duration;

use common::{SECRET_ENV, code, fails_with, paypro, stderr, stdout};
use paypro_core::Secret;
use paypro_core::notify::Verifier;
use paypro_testkit::TEST_SECRET;
use paypro_testkit::{Answer, Received, TestServer};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap()
}

/// A receiver like a merchant's: verifies the signature with the test secret, reads the
/// country's notification, and answers `OK`; anything wrong gets `FAIL`.
fn verifying_receiver(rt: &tokio::runtime::Runtime, country: &'static str) -> TestServer {
    rt.block_on(TestServer::start(move |req: &Received| {
        let verifier = Verifier::new(Secret::new(TEST_SECRET).unwrap());
        let json = req.header("content-type") == Some("application/json");
        match paypro_all::ops::notification(country, req.body.as_bytes(), Some(&verifier)) {
            Ok(_) if json && req.method == "POST" => Answer::text(200, "OK"),
            _ => Answer::text(200, "FAIL"),
        }
    }))
}

fn send(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut all = vec!["notify", "send"];
    all.extend_from_slice(args);
    paypro(&all, "", env)
}

/// The one body the server received, as JSON.
fn received(server: &TestServer) -> serde_json::Map<String, serde_json::Value> {
    let requests = server.requests();
    assert_eq!(requests.len(), 1, "sent once: {requests:?}");
    requests[0].json().expect("a JSON object")
}

#[test]
fn a_signed_callback_from_the_example_with_overrides_is_acknowledged() {
    let rt = runtime();
    let receiver = verifying_receiver(&rt, "mx");
    let url = format!("{}/paypro/notify", receiver.url());
    let out = send(
        &[
            "mx",
            "--url",
            &url,
            "--data",
            r#"{"tradeNo":"order-42","amount":"300","utr":null,"extra":"x"}"#,
            "--status",
            "0001",
        ],
        &[SECRET_ENV],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(shown.contains("status: 200"), "{shown}");
    assert!(shown.contains("answer: OK"), "{shown}");
    let body = received(&receiver);
    assert_eq!(body["tradeNo"], "order-42");
    assert_eq!(body["amount"], "300");
    assert_eq!(body["status"], "0001");
    assert_eq!(body["extra"], "x");
    assert!(!body.contains_key("utr"), "null removes a field: {body:?}");
    // The example's other fields are kept, the docs' placeholder sign is replaced and the
    // timestamp is the time of sending, not the example's.
    assert_eq!(body["platFormTradeNo"], "5286e98841194687a95d25b5f3be346d");
    assert_eq!(body["successTime"], "2024-07-01 18:34:31");
    assert_ne!(body["sign"], "12222222222");
    assert_eq!(body["sign"].as_str().unwrap().len(), 32);
    let ts: u64 = body["timestamp"].as_str().unwrap().parse().unwrap();
    assert!(ts > 1_724_740_395_968, "{ts}");
    // The printed body is the one sent.
    assert!(
        shown.contains(&receiver.requests()[0].body),
        "{shown} vs {}",
        receiver.requests()[0].body
    );
}

#[test]
fn every_signed_country_verifies_and_kenya_is_unsigned() {
    let rt = runtime();
    for country in ["bd", "eg", "id", "mx"] {
        let receiver = verifying_receiver(&rt, country);
        let out = send(&[country, "--url", receiver.url()], &[SECRET_ENV]);
        assert_eq!(code(&out), 0, "{country}: {}", stderr(&out));
        let body = received(&receiver);
        assert_eq!(body["status"], "0000", "{country}");
        assert!(body.contains_key("tradeNo"), "{country}");
        // Bangladesh and Egypt have no example in the spec: the callback is built from their
        // notification fields, and the command says so.
        if matches!(country, "bd" | "eg") {
            assert!(
                stderr(&out).contains("no notification example"),
                "{}",
                stderr(&out)
            );
            let c = paypro_all::country(country).unwrap();
            let mut want: Vec<&str> = c.notification.fields.iter().map(|f| f.wire).collect();
            let mut got: Vec<&str> = body.keys().map(String::as_str).collect();
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "{country}");
        }
    }
    // Kenya: no secret needed, no sign sent, the amount's text as in the docs' example.
    let receiver =
        rt.block_on(TestServer::start(
            |req: &Received| match paypro_all::ops::notification("ke", req.body.as_bytes(), None) {
                Err(paypro_all::ops::OpsError::Unsigned { .. }) => Answer::text(200, "OK"),
                _ => Answer::text(200, "FAIL"),
            },
        ));
    let out = send(&["ke", "--url", receiver.url()], &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let raw = &receiver.requests()[0].body;
    assert!(!raw.contains("\"sign\""), "{raw}");
    assert!(raw.contains(r#""amount":3.0000"#), "{raw}");
}

#[test]
fn anything_but_ok_is_a_failure_with_the_answer_printed() {
    let rt = runtime();
    // The wrong secret: the verifying receiver refuses it.
    let receiver = verifying_receiver(&rt, "mx");
    let out = send(
        &["mx", "--url", receiver.url()],
        &[("PAYPRO_SECRET", "not-the-secret")],
    );
    fails_with(&out, 1, &["did not answer `OK`", "send it again"]);
    assert!(stdout(&out).contains("answer: FAIL"), "{}", stdout(&out));
    for (answer, needle) in [
        (Answer::text(200, "ok"), "did not answer `OK`"),
        (Answer::text(200, "OK\n"), "whitespace"),
        (Answer::text(200, ""), "did not answer `OK`"),
        (Answer::text(500, "OK"), "HTTP 500"),
        (Answer::text(404, "not found"), "HTTP 404"),
    ] {
        let shown_status = match &answer {
            Answer::Full { status, .. } => *status,
            _ => unreachable!(),
        };
        let server = rt.block_on(TestServer::start(move |_| answer.clone()));
        let out = send(&["id", "--url", server.url()], &[SECRET_ENV]);
        fails_with(&out, 1, &[needle]);
        assert!(
            stdout(&out).contains(&format!("status: {shown_status}")),
            "{}",
            stdout(&out)
        );
        assert_eq!(server.requests().len(), 1);
    }
    // An answer cannot drive the terminal: control characters are printed escaped.
    let server = rt.block_on(TestServer::start(|_| Answer::text(200, "\u{1b}[2JOK")));
    let out = send(&["id", "--url", server.url()], &[SECRET_ENV]);
    fails_with(&out, 1, &["did not answer `OK`"]);
    assert!(!stdout(&out).contains('\u{1b}'), "{:?}", stdout(&out));
    assert!(
        stdout(&out).contains("answer: \\u{1b}[2JOK"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_redirect_is_not_followed() {
    let rt = runtime();
    let elsewhere = verifying_receiver(&rt, "mx");
    let location = elsewhere.url().to_string();
    let redirecting = rt.block_on(TestServer::start(move |_| Answer::Redirect {
        status: 307,
        location: location.clone(),
    }));
    let out = send(&["mx", "--url", redirecting.url()], &[SECRET_ENV]);
    fails_with(&out, 1, &["redirect", "not followed"]);
    assert_eq!(redirecting.requests().len(), 1);
    assert!(
        elsewhere.requests().is_empty(),
        "the signed body went elsewhere"
    );
}

#[test]
fn no_receiver_and_a_silent_one() {
    // Not a TestServer: a port bound and released, so that nothing listens on it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = send(
        &["mx", "--url", &format!("http://127.0.0.1:{port}/n")],
        &[SECRET_ENV],
    );
    fails_with(&out, 3, &["not delivered"]);
    let rt = runtime();
    let slow = rt.block_on(TestServer::start(|_| {
        Answer::text(200, "OK").after(Duration::from_secs(5))
    }));
    let out = send(
        &["mx", "--url", slow.url(), "--timeout", "1"],
        &[SECRET_ENV],
    );
    fails_with(&out, 4, &["did not answer within 1 s", "may have acted"]);
}

/// Arguments, environment, and what stderr must say.
type Case<'a> = (Vec<&'a str>, &'a [(&'a str, &'a str)], &'a str);

#[test]
fn bad_arguments_are_refused_before_anything_is_sent() {
    let rt = runtime();
    let receiver = verifying_receiver(&rt, "mx");
    let url = receiver.url();
    let cases: Vec<Case> = vec![
        (
            vec!["mx", "--url", "ftp://127.0.0.1/n"],
            &[SECRET_ENV],
            "http or https",
        ),
        (
            vec!["mx", "--url", "file:///etc/passwd"],
            &[SECRET_ENV],
            "http or https",
        ),
        (
            vec!["mx", "--url", "not a url"],
            &[SECRET_ENV],
            "not an absolute URL",
        ),
        (
            vec!["mx", "--url", "/relative"],
            &[SECRET_ENV],
            "not an absolute URL",
        ),
        (
            vec!["mx", "--url", url, "--data", r#"{"sign":"x"}"#],
            &[SECRET_ENV],
            "must not give `sign`",
        ),
        (
            vec!["mx", "--url", url, "--data", "[1]"],
            &[SECRET_ENV],
            "--data is not a JSON object",
        ),
        (
            vec!["mx", "--url", url, "--status", " "],
            &[SECRET_ENV],
            "--status",
        ),
        (vec!["mx", "--url", url], &[], "missing credentials"),
        (
            vec!["zz", "--url", url],
            &[SECRET_ENV],
            "unknown country `zz`",
        ),
        (
            vec!["mx", "--url", url, "--timeout", "0"],
            &[SECRET_ENV],
            "--timeout",
        ),
    ];
    for (args, env, needle) in cases {
        let out = send(&args, env);
        fails_with(&out, 2, &[needle]);
    }
    assert!(receiver.requests().is_empty());
    let out = send(&["mx"], &[SECRET_ENV]);
    assert_eq!(code(&out), 2, "--url is required");
}

#[test]
fn a_password_in_the_url_is_never_printed() {
    // Not a TestServer: a port bound and released, so that nothing listens on it.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let cases: [(String, i32, &str); 3] = [
        // Nothing listens: the failure names the URL.
        (
            format!("http://ops:s3cr3t-pw@127.0.0.1:{closed}/n"),
            3,
            "not delivered",
        ),
        // Not a URL at all: named without the password all the same.
        (
            "http://ops:s3cr3t-pw@[::1/n".to_string(),
            2,
            "not an absolute URL",
        ),
        (
            "http://ops:s3cr3t-pw@/n".to_string(),
            2,
            "not an absolute URL",
        ),
    ];
    for (url, exit, needle) in cases {
        let out = send(&["mx", "--url", &url], &[SECRET_ENV]);
        fails_with(&out, exit, &[needle, "***@"]);
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert!(!all.contains("s3cr3t-pw"), "{all}");
    }
}

#[test]
fn kenya_defaults_to_success_and_the_message_follows_the_status() {
    let rt = runtime();
    let receiver = rt.block_on(TestServer::start(|_| Answer::text(200, "OK")));
    let sent = |args: &[&str]| {
        let before = receiver.requests().len();
        let out = send(args, &[SECRET_ENV]);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        let requests = receiver.requests();
        assert_eq!(requests.len(), before + 1);
        requests[before].json().expect("a JSON object")
    };
    let url = receiver.url();
    // Without --status: the success status, as for every other country.
    let body = sent(&["ke", "--url", url]);
    assert_eq!(body["status"], "0000", "{body:?}");
    assert_eq!(body["message"], "SUCCESS", "{body:?}");
    // The message follows the status chosen, by --status or by --data.
    for (cc, args, status, message) in [
        (
            "ke",
            vec!["--status", "00029"],
            "00029",
            "REJECTED_TRANSACTION",
        ),
        ("ke", vec!["--status", "0001"], "0001", "PARTIAL PAYMENT"),
        ("ke", vec!["--status", "0015"], "0015", "PAYING"),
        ("ke", vec!["--status", "4242"], "4242", "FAILED"),
        (
            "mx",
            vec!["--status", "00029"],
            "00029",
            "REJECTED_TRANSACTION",
        ),
        (
            "id",
            vec!["--data", r#"{"status":"0001"}"#],
            "0001",
            "PARTIAL PAYMENT",
        ),
        ("mx", vec!["--status", "0000"], "0000", "SUCCESS"),
    ] {
        let mut all = vec![cc, "--url", url];
        all.extend(args);
        let body = sent(&all);
        assert_eq!(body["status"], status, "{cc}: {body:?}");
        assert_eq!(body["message"], message, "{cc}: {body:?}");
    }
    // A message given with --data is the caller's, whatever the status.
    let body = sent(&[
        "ke",
        "--url",
        url,
        "--status",
        "00029",
        "--data",
        r#"{"message":"INSUFFICIENT_FUNDS"}"#,
    ]);
    assert_eq!(body["status"], "00029");
    assert_eq!(body["message"], "INSUFFICIENT_FUNDS");
}
