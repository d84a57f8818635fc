//! `paypro doctor CC` against sandboxes on either signing rule, an unknown merchant, a wrong
//! secret, a closed port, a plain-HTTP server asked for TLS, a gateway whose clock is off, a
//! server that is not a gateway, a wrong base path, and a hostile gateway (terminal escapes, a
//! megabyte of code, absurd timestamps). Every probe it sends is read-only.

use crate::common;

use common::{MERCHANT_ENV, SECRET_ENV, code, paypro, stderr, stdout};
use paypro_core::SecretPlacement;
use paypro_mock::{Merchant, MockConfig, MockGateway};
use paypro_testkit::{Answer, TestServer};
use paypro_testkit::{TEST_MERCHANT_NO, TEST_SECRET};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap()
}

/// A sandbox whose merchant signs with the secret at `placement`.
fn sandbox(runtime: &tokio::runtime::Runtime, placement: SecretPlacement) -> MockGateway {
    let secret = paypro_core::Secret::new(TEST_SECRET)
        .unwrap()
        .with_placement(placement);
    runtime
        .block_on(MockGateway::start(
            MockConfig::default().merchants(vec![Merchant::new(TEST_MERCHANT_NO, secret)]),
            paypro_all::COUNTRIES,
        ))
        .unwrap()
}

fn doctor(country: &str, base: &str, extra: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut args = vec!["doctor", country, "--base-url", base];
    args.extend_from_slice(extra);
    paypro(&args, "", env)
}

/// The report's line for `what`: `ok`, `warn` or `FAIL`, and its text.
fn line<'a>(report: &'a str, what: &str) -> (&'a str, &'a str) {
    report
        .lines()
        .find_map(|l| {
            let mut words = l.split_whitespace();
            let level = words.next()?;
            (words.next()? == what).then_some((level, l))
        })
        .unwrap_or_else(|| panic!("no `{what}` line in:\n{report}"))
}

#[test]
fn on_the_spec_rule_every_check_passes_and_only_reads_are_sent() {
    let rt = runtime();
    let gateway = sandbox(&rt, SecretPlacement::SPEC);
    for cc in ["id", "ke", "mx"] {
        let base = gateway.base_url(cc).unwrap();
        let out = doctor(cc, &base, &[], &[SECRET_ENV, MERCHANT_ENV]);
        let report = stdout(&out);
        assert_eq!(code(&out), 0, "{cc}: {report}{}", stderr(&out));
        for what in ["reachable", "answer", "clock", "merchant", "signing"] {
            assert_eq!(line(&report, what).0, "ok", "{cc} {what}: {report}");
        }
    }
    // Kenya has no balance endpoint: its probe is a query for an order that does not exist,
    // whose "order not exist" is told apart from a sign refusal by a wrongly signed call.
    let orders = rt
        .block_on(reqwest::get(format!("{}/_admin/orders", gateway.url())))
        .unwrap();
    let orders: serde_json::Value =
        serde_json::from_str(&rt.block_on(orders.text()).unwrap()).unwrap();
    assert_eq!(
        orders.as_array().map(Vec::len),
        Some(0),
        "nothing created: {orders}"
    );
}

#[test]
fn a_gateway_on_the_alternative_rule_is_found_and_the_setting_then_passes() {
    let rt = runtime();
    let gateway = sandbox(&rt, SecretPlacement::ALTERNATIVE);
    for cc in ["id", "ke"] {
        let base = gateway.base_url(cc).unwrap();
        let out = doctor(cc, &base, &[], &[SECRET_ENV, MERCHANT_ENV]);
        let report = stdout(&out);
        assert_eq!(code(&out), 1, "{cc}: {report}");
        let (level, text) = line(&report, "signing");
        assert_eq!(level, "FAIL", "{report}");
        assert!(
            text.contains("accepts it prepended") && text.contains("--secret-placement prepend"),
            "{text}"
        );
        assert_eq!(line(&report, "merchant").0, "ok", "{report}");

        let out = doctor(
            cc,
            &base,
            &["--secret-placement", "prepend"],
            &[SECRET_ENV, MERCHANT_ENV],
        );
        assert_eq!(code(&out), 0, "{cc}: {}", stdout(&out));
        assert!(
            line(&stdout(&out), "signing")
                .1
                .contains("not the spec's rule")
        );
    }
    // The environment variable does the same.
    let base = gateway.base_url("id").unwrap();
    let out = doctor(
        "id",
        &base,
        &[],
        &[
            SECRET_ENV,
            MERCHANT_ENV,
            ("PAYPRO_SECRET_PLACEMENT", "prepend"),
        ],
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let out = doctor(
        "id",
        &base,
        &[],
        &[
            SECRET_ENV,
            MERCHANT_ENV,
            ("PAYPRO_SECRET_PLACEMENT", "before"),
        ],
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

#[test]
fn a_wrong_secret_or_an_unknown_merchant_is_not_blamed_on_the_rule() {
    let rt = runtime();
    let gateway = sandbox(&rt, SecretPlacement::SPEC);
    let base = gateway.base_url("mx").unwrap();
    for env in [
        [("PAYPRO_SECRET", "NOT-THE-SECRET"), MERCHANT_ENV],
        [SECRET_ENV, ("PAYPRO_MERCHANT_NO", "9999999999")],
    ] {
        let out = doctor("mx", &base, &[], &env);
        let report = stdout(&out);
        assert_eq!(code(&out), 1, "{report}");
        let (level, text) = line(&report, "merchant");
        assert_eq!(level, "FAIL");
        assert!(text.contains("the signing rule is not the cause"), "{text}");
        assert!(
            !report
                .lines()
                .any(|l| l.split_whitespace().nth(1) == Some("signing")),
            "no verdict on the rule: {report}"
        );
    }
}

#[test]
fn no_connection_no_tls_a_skewed_clock_and_a_non_gateway_are_each_named() {
    let rt = runtime();
    // Nothing listens: exit 3, nothing sent.
    let closed = {
        // Not a TestServer: a port bound and released, so that nothing listens on it.
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let out = doctor(
        "id",
        &format!("http://127.0.0.1:{closed}"),
        &[],
        &[SECRET_ENV, MERCHANT_ENV],
    );
    assert_eq!(code(&out), 3, "{}", stdout(&out));
    assert_eq!(line(&stdout(&out), "reachable").0, "FAIL");

    // A plain-HTTP server asked for TLS: reachable, then the handshake fails (exit 3).
    let gateway = sandbox(&rt, SecretPlacement::SPEC);
    let tls = gateway.url().replace("http://", "https://");
    let out = doctor(
        "id",
        &format!("{tls}/indonesia-pay"),
        &[],
        &[SECRET_ENV, MERCHANT_ENV],
    );
    let report = stdout(&out);
    assert_eq!(code(&out), 3, "{report}");
    assert_eq!(line(&report, "reachable").0, "ok");
    assert_eq!(line(&report, "TLS").0, "FAIL", "{report}");

    // A gateway an hour behind: accepted, and the clock is flagged with its size.
    let hour_ago = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
        - 3_600_000;
    let skewed = rt.block_on(TestServer::start(move |_| {
        Answer::json(format!(
            r#"{{"msg":"success","code":"0000","timestamp":{hour_ago},"success":true,"data":{{"availableAmount":"1.00"}}}}"#
        ))
    }));
    let out = doctor("id", skewed.url(), &[], &[SECRET_ENV, MERCHANT_ENV]);
    let report = stdout(&out);
    assert_eq!(code(&out), 0, "{report}");
    let (level, text) = line(&report, "clock");
    assert_eq!(level, "warn", "{report}");
    assert!(text.contains("ahead of") && text.contains("ms"), "{text}");
    // The probe was the balance call, signed, read-only.
    let sent = skewed.requests();
    assert_eq!(sent.len(), 1);
    assert!(sent[0].path.ends_with("/queryBalance"), "{}", sent[0].path);

    // A web server that is not Paypro's: exit 5, said so.
    let page = rt.block_on(TestServer::start(|_| {
        Answer::html(502, "<h1>Bad gateway</h1>")
    }));
    let out = doctor("id", page.url(), &[], &[SECRET_ENV, MERCHANT_ENV]);
    assert_eq!(code(&out), 5, "{}", stdout(&out));
    let report = stdout(&out);
    let (level, text) = line(&report, "answer");
    assert_eq!(level, "FAIL", "{report}");
    assert!(
        text.contains("server error") && text.contains("wrong base URL or path"),
        "{text}"
    );
}

/// A server that answers every request with `body` (HTTP 200, JSON).
fn answering(rt: &tokio::runtime::Runtime, body: String) -> TestServer {
    rt.block_on(TestServer::start(move |_| Answer::json(body.clone())))
}

fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
}

#[test]
fn gateway_text_is_escaped_and_cut_on_both_streams() {
    let rt = runtime();
    // A refusal whose code and msg would drive the terminal, the code close to 1 MB long.
    let code_text = format!("\u{1b}]0;pwned\u{7}\u{1b}[2J{}", "9".repeat(900_000));
    let body = serde_json::json!({ "code": code_text, "msg": "\u{1b}[31mno\u{202e}\u{9b}1m" });
    let server = answering(&rt, body.to_string());
    let out = doctor("id", server.url(), &[], &[SECRET_ENV, MERCHANT_ENV]);
    let (report, err) = (stdout(&out), stderr(&out));
    assert_eq!(code(&out), 1, "{report}{err}");
    for (name, text) in [("stdout", &report), ("stderr", &err)] {
        for raw in ['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}'] {
            assert!(!text.contains(raw), "{name} has {raw:?}: {text:?}");
        }
        assert!(text.len() < 4_000, "{name} is {} bytes", text.len());
        assert!(
            text.contains(r"\u{1b}]0;pwned\u{7}\u{1b}[2J999"),
            "{name}: {text}"
        );
        assert!(
            text.contains(r"\u{1b}[31mno\u{202e}\u{9b}1m"),
            "{name}: {text}"
        );
        assert!(text.contains("more bytes not shown"), "{name}: {text}");
    }
    let (level, merchant) = line(&report, "merchant");
    assert_eq!(level, "FAIL", "{report}");
    assert_eq!(merchant.lines().count(), 1);
}

#[test]
fn an_absurd_gateway_timestamp_is_named_not_overflowed() {
    let rt = runtime();
    for timestamp in [
        i64::MIN.to_string(),
        format!("\"{}\"", i64::MIN),
        u64::MAX.to_string(),
        i64::MAX.to_string(),
        "-1".to_string(),
        "1e300".to_string(),
        format!("\"{}\"", "9".repeat(5_000)),
    ] {
        let body = format!(
            r#"{{"code":"0000","msg":"success","timestamp":{timestamp},"data":{{"availableAmount":"1.00"}}}}"#
        );
        let server = answering(&rt, body);
        let out = doctor("id", server.url(), &[], &[SECRET_ENV, MERCHANT_ENV]);
        let report = stdout(&out);
        assert_eq!(code(&out), 0, "{timestamp}: {report}{}", stderr(&out));
        let (level, text) = line(&report, "clock");
        assert_eq!(level, "warn", "{timestamp}: {report}");
        assert!(text.contains("not a plausible time"), "{timestamp}: {text}");
        assert!(text.len() < 1_000, "{timestamp}: {text}");
        assert_eq!(line(&report, "merchant").0, "ok", "{report}");
    }
    // Seconds where milliseconds are due: said so.
    let body = format!(
        r#"{{"code":"0000","msg":"success","timestamp":{},"data":{{"availableAmount":"1.00"}}}}"#,
        now_ms() / 1_000
    );
    let server = answering(&rt, body);
    let out = doctor("id", server.url(), &[], &[SECRET_ENV, MERCHANT_ENV]);
    let report = stdout(&out);
    let (level, text) = line(&report, "clock");
    assert_eq!(level, "warn");
    assert!(text.contains("read as seconds, it would be"), "{text}");
    // A clock a day off is still a skew, with its size.
    let day_ahead = now_ms() + 86_400_000;
    let body = format!(
        r#"{{"code":"0000","msg":"success","timestamp":{day_ahead},"data":{{"availableAmount":"1.00"}}}}"#
    );
    let server = answering(&rt, body);
    let out = doctor("id", server.url(), &[], &[SECRET_ENV, MERCHANT_ENV]);
    let report = stdout(&out);
    let (level, text) = line(&report, "clock");
    assert_eq!(level, "warn");
    assert!(text.contains("behind") && text.contains("ms"), "{text}");
}

#[test]
fn a_wrong_base_path_is_named_and_the_credentials_are_not_blamed() {
    let rt = runtime();
    let not_gateway = |report: &str| {
        let (level, text) = line(report, "answer");
        assert_eq!(level, "FAIL", "{report}");
        assert!(text.contains("wrong base URL or path"), "{text}");
        for what in ["merchant", "signing", "clock"] {
            assert!(
                !report
                    .lines()
                    .any(|l| l.split_whitespace().nth(1) == Some(what)),
                "no `{what}` verdict: {report}"
            );
        }
    };
    // The sandbox at a path it does not serve: HTTP 404 with its own envelope.
    let gateway = sandbox(&rt, SecretPlacement::SPEC);
    let out = doctor(
        "id",
        &format!("{}/not-the-base-path", gateway.url()),
        &[],
        &[SECRET_ENV, MERCHANT_ENV],
    );
    assert_eq!(code(&out), 5, "{}{}", stdout(&out), stderr(&out));
    not_gateway(&stdout(&out));
    assert!(
        stderr(&out).contains("wrong base URL or path"),
        "{}",
        stderr(&out)
    );
    // Any non-2xx answer, JSON or not, and a 2xx answer that is not JSON: one call, then stop.
    for answer in [
        Answer::Full {
            status: 404,
            content_type: "application/json".into(),
            body: r#"{"code":"404","msg":"not found"}"#.into(),
        },
        Answer::html(404, "<h1>Not Found</h1>"),
        Answer::html(405, "<h1>Method Not Allowed</h1>"),
        Answer::html(200, "<h1>Welcome to nginx!</h1>"),
    ] {
        let server = rt.block_on(TestServer::start(move |_| answer.clone()));
        let out = doctor("id", server.url(), &[], &[SECRET_ENV, MERCHANT_ENV]);
        let report = stdout(&out);
        assert_eq!(code(&out), 5, "{report}{}", stderr(&out));
        if report.contains("  FAIL  answer") {
            not_gateway(&report);
        } else {
            let (level, text) = line(&report, "envelope");
            assert_eq!(level, "FAIL", "{report}");
            assert!(text.contains("wrong base URL or path"), "{text}");
        }
        assert_eq!(server.requests().len(), 1, "one call, then stop");
    }
}

#[test]
fn a_password_in_the_base_url_is_never_printed() {
    let rt = runtime();
    let body = format!(
        r#"{{"code":"0000","msg":"success","timestamp":{},"data":{{"availableAmount":"1.00"}}}}"#,
        now_ms()
    );
    let server = answering(&rt, body);
    let closed = {
        // Not a TestServer: a port bound and released, so that nothing listens on it.
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    // The client refuses a base URL with a user name or password (the merchant number and
    // secret authenticate); the doctor checks the URL the same way, and names it without the
    // password, parseable or not.
    for base in [
        server.url().replace("http://", "http://ops:s3cr3t-pw@"),
        format!("http://ops:s3cr3t-pw@127.0.0.1:{closed}"),
        "ftp://ops:s3cr3t-pw@127.0.0.1/x".to_string(),
        "http://ops:s3cr3t-pw@/x".to_string(),
        "http://ops:s3cr3t-pw@[::1/x".to_string(),
    ] {
        let out = doctor("id", &base, &[], &[SECRET_ENV, MERCHANT_ENV]);
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert_eq!(code(&out), 2, "{base}: {all}");
        assert!(!all.contains("s3cr3t-pw"), "{base}: {all}");
        assert!(stderr(&out).contains("***"), "{base}: {all}");
    }
    assert!(server.requests().is_empty(), "nothing sent");
}
