//! The client over loopback HTTP: every answer shape and failure class, and the money rules
//! (money-moving calls are sent once; reads are retried; uncertainty is reported as such).
#![cfg(feature = "client")]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::support::*;
use paypro_core::client::{
    Client, Config, ConfigError, Error, ReconcileOptions, Reconciled, RetryPolicy,
};
use paypro_core::{FailureCode, RawObject, Secret, Status, sign_raw};
use paypro_testkit::{Answer, TestServer};

#[tokio::test]
async fn a_signed_request_reaches_the_server_exactly_as_prepared() {
    let server = answering(Answer::json(accepted(
        r#"{"tradeNo":"T-1","status":"0015"}"#,
    )))
    .await;
    let reply = client(&server).send(&pay()).await.expect("accepted");
    assert_eq!(reply.data.status, Some(Status::Processing));
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let r = &requests[0];
    assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/v1/pay"));
    assert_eq!(r.header("merchantNo"), Some(MERCHANT));
    let body = r.json().expect("JSON");
    let sign = body.get("sign").expect("sign in the body");
    assert_eq!(body["timestamp"], "1728609257212");
    // Verified on the bytes received, as the gateway does.
    let received = RawObject::parse(&r.body, "body").unwrap();
    assert!(sign_raw(&received, &Secret::new(SECRET).unwrap()).matches(sign.as_str().unwrap()));
}

#[tokio::test]
async fn lenient_answers_in_every_documented_form() {
    for (data, amount) in [
        (r#"{"amount":"300"}"#, "300"),
        (r#"{"amount":300}"#, "300"),
        (r#"{"amount":3.0000}"#, "3.0000"),
        (r#"{"amount":"300.00"}"#, "300.00"),
        (r#"{"payAmount":"200.00","fee":0.10}"#, "200.00"),
    ] {
        let body = format!(
            r#"{{"msg":"success","code":"0000","timestamp":"1728609277476","success":"true","data":{data}}}"#
        );
        let server = answering(Answer::json(body)).await;
        let reply = client(&server).send(&query()).await.expect("accepted");
        assert_eq!(
            reply.data.amount.map(|d| d.to_string()).as_deref(),
            Some(amount),
            "{data}"
        );
        assert_eq!(reply.timestamp, Some(1728609277476));
    }
    let server = answering(Answer::json(accepted(
        r#"{"amount":"1","fee":0.10,"utr":"111"}"#,
    )))
    .await;
    let reply = client(&server).send(&query()).await.expect("accepted");
    assert_eq!(
        reply.data.extra.get("fee").unwrap().get(),
        "0.10",
        "unknown fields kept verbatim"
    );
    assert_eq!(reply.data.extra.get_str("utr").as_deref(), Some("111"));
}

#[tokio::test]
async fn every_documented_status_code() {
    let cases: Vec<(&str, Status)> = vec![
        ("0000", Status::Success),
        ("0001", Status::PartialPayment),
        ("0015", Status::Processing),
        (
            "00029",
            Status::Failed {
                code: FailureCode::Rejected,
                message: Some("REJECTED_TRANSACTION".into()),
            },
        ),
        (
            "0100019",
            Status::Failed {
                code: FailureCode::DailyLimitReached,
                message: Some("REJECTED_TRANSACTION".into()),
            },
        ),
        (
            "00032",
            Status::Failed {
                code: FailureCode::UnknownError,
                message: Some("REJECTED_TRANSACTION".into()),
            },
        ),
        (
            "8000",
            Status::Failed {
                code: FailureCode::SystemError,
                message: Some("REJECTED_TRANSACTION".into()),
            },
        ),
        (
            "5000",
            Status::Failed {
                code: FailureCode::SystemException,
                message: Some("REJECTED_TRANSACTION".into()),
            },
        ),
        (
            "7777",
            Status::Failed {
                code: FailureCode::Other("7777".into()),
                message: Some("REJECTED_TRANSACTION".into()),
            },
        ),
    ];
    for (code, expected) in cases {
        let data = format!(r#"{{"status":"{code}","message":"REJECTED_TRANSACTION"}}"#);
        let server = answering(Answer::json(accepted(&data))).await;
        let reply = client(&server).send(&query()).await.expect("accepted");
        assert_eq!(reply.data.status, Some(expected), "{code}");
    }
}

/// `9402` is the embedded sandbox's sign refusal, not a code of Paypro's: from a server that does
/// not mark its answers as the sandbox's it proves nothing, so the pay-in may have moved money.
#[tokio::test]
async fn a_sandbox_refusal_code_is_a_rejection_only_on_the_sandbox_s_marked_answer() {
    let refusal = r#"{"msg":"sign error","code":"9402","success":false,"data":null}"#;
    let server = answering(Answer::json(refusal)).await;
    match client(&server).send(&pay()).await {
        Err(e @ Error::Uncertain { .. }) => assert!(e.may_have_moved_money()),
        other => panic!("an unmarked 9402 must be uncertain: {other:?}"),
    }
    let server = answering(Answer::json(refusal).from_sandbox()).await;
    match client(&server).send(&pay()).await {
        Err(e @ Error::Rejected { .. }) => {
            assert!(e.nothing_happened());
            let Error::Rejected {
                code,
                msg,
                http_status,
            } = e
            else {
                unreachable!()
            };
            assert_eq!(
                (code.as_str(), msg.as_str(), http_status),
                ("9402", "sign error", 200)
            );
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn an_html_502_is_unreadable_and_keeps_the_page() {
    let server = answering(Answer::html(
        502,
        "<html><body>502 Bad Gateway</body></html>",
    ))
    .await;
    match client(&server).send(&pay()).await {
        Err(e @ Error::Unreadable { .. }) => {
            assert!(e.may_have_moved_money());
            let Error::Unreadable { status, body, .. } = e else {
                unreachable!()
            };
            assert_eq!(status, 502);
            assert_eq!(body, "<html><body>502 Bad Gateway</body></html>");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.requests().len(), 1, "a pay-in is never retried");
}

#[tokio::test]
async fn a_truncated_body_is_unreadable() {
    let body = accepted(r#"{"status":"0000"}"#);
    let cut = body[..20].to_string();
    let server = answering(Answer::Truncated {
        status: 200,
        body: cut.clone(),
        declared: body.len(),
    })
    .await;
    match client(&server).send(&pay()).await {
        Err(Error::Unreadable {
            status: 200,
            body,
            problem,
        }) => {
            assert_eq!(body, cut);
            assert!(problem.contains("cut off"), "{problem}");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_non_json_or_data_less_answer_is_unreadable() {
    let server = answering(Answer::json("OK")).await;
    assert!(matches!(
        client(&server).send(&pay()).await,
        Err(Error::Unreadable { status: 200, .. })
    ));
    let server = answering(Answer::json(r#"{"code":"0000","msg":"success"}"#)).await;
    match client(&server).send(&pay()).await {
        Err(Error::Unreadable { problem, .. }) => {
            assert!(problem.contains("without `data`"), "{problem}")
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn an_oversized_answer_is_refused_not_allocated() {
    let big = accepted(&format!(r#"{{"pad":"{}"}}"#, "x".repeat(4096)));
    let server = answering(Answer::json(big)).await;
    let client = Client::new(&COUNTRY, config(server.url()).max_response_bytes(1024)).unwrap();
    match client.send(&pay()).await {
        Err(Error::Unreadable { problem, .. }) => {
            assert!(problem.contains("1024-byte limit"), "{problem}")
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_payout_that_times_out_is_unknown_and_sent_once() {
    let server = answering(Answer::json(accepted("{}")).after(Duration::from_secs(3))).await;
    match client(&server).send(&pay()).await {
        Err(e @ Error::Unknown { .. }) => assert!(e.may_have_moved_money()),
        other => panic!("{other:?}"),
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(server.requests().len(), 1, "never sent twice");
}

#[tokio::test]
async fn a_dropped_connection_is_unknown_and_a_pay_in_is_not_retried() {
    let server = answering(Answer::Close).await;
    assert!(matches!(
        client(&server).send(&pay()).await,
        Err(Error::Unknown { .. })
    ));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn reads_are_retried_with_a_fresh_signature_within_the_policy() {
    let server = answering(Answer::Close).await;
    assert!(matches!(
        client(&server).send(&query()).await,
        Err(Error::Unknown { .. })
    ));
    assert_eq!(server.requests().len(), 3);

    let server = answering(Answer::Close).await;
    let no_retry = Client::new(&COUNTRY, config(server.url()).retry(RetryPolicy::NONE)).unwrap();
    assert!(no_retry.send(&query()).await.is_err());
    assert_eq!(server.requests().len(), 1);

    // The first attempt is dropped, the second answered: the caller sees the answer, and each
    // attempt carried its own timestamp and a valid sign.
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let server = TestServer::start(move |_| match seen.fetch_add(1, Ordering::SeqCst) {
        0 => Answer::Close,
        _ => Answer::json(accepted(r#"{"status":"0000"}"#)),
    })
    .await;
    let ticks = Arc::new(AtomicUsize::new(0));
    let clock = move || 1_700_000_000_000 + ticks.fetch_add(1, Ordering::SeqCst) as u64;
    let retrying = Client::new(&COUNTRY, config(server.url()).clock(clock)).unwrap();
    let reply = retrying
        .send(&query())
        .await
        .expect("the retry is answered");
    assert_eq!(reply.data.status, Some(Status::Success));
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let stamps: Vec<_> = requests
        .iter()
        .map(|r| r.json().unwrap()["timestamp"].clone())
        .collect();
    assert_ne!(stamps[0], stamps[1]);
    for r in &requests {
        let sign = r.json().unwrap()["sign"].clone();
        let received = RawObject::parse(&r.body, "body").unwrap();
        assert!(sign_raw(&received, &Secret::new(SECRET).unwrap()).matches(sign.as_str().unwrap()));
    }
}

#[tokio::test]
async fn a_refused_connection_is_not_sent() {
    let port = {
        // Not a TestServer: a port bound and released, so that nothing listens on it.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = Client::new(&COUNTRY, config(&format!("http://127.0.0.1:{port}"))).unwrap();
    match client.send(&pay()).await {
        Err(e @ Error::NotSent { .. }) => assert!(e.nothing_happened()),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn an_endpoint_of_another_country_is_not_sent() {
    let server = answering(Answer::json(accepted("{}"))).await;
    assert!(matches!(
        client(&server).send(&Foreign).await,
        Err(Error::NotSent { .. })
    ));
    assert!(server.requests().is_empty());
}

/// reqwest normalises the URL it sends to; a base URL written another way (an uppercase scheme
/// or host, an IPv4 address in another notation, dot segments, a trailing slash) must still be
/// read as the same URL, not as a redirect after the signed pay-in was sent.
#[tokio::test]
async fn a_base_url_written_another_way_is_the_same_url_not_a_redirect() {
    let server = answering(Answer::json(accepted(
        r#"{"tradeNo":"T-1","status":"0015"}"#,
    )))
    .await;
    let port = server.url().rsplit(':').next().unwrap().to_string();
    for base in [
        format!("http://127.000.000.001:{port}/"),
        format!("http://0x7F.1:{port}"),
        format!("http://127.0.0.1:{port}/a/../"),
        format!("http://127.0.0.1:{port}//"),
        format!("HTTP://127.0.0.1:{port}"),
    ] {
        let client = Client::new(&COUNTRY, config(&base)).unwrap_or_else(|e| panic!("{base}: {e}"));
        match client.send(&pay()).await {
            Ok(reply) => assert_eq!(reply.data.status, Some(Status::Processing), "{base}"),
            Err(e) => panic!("{base}: {e}"),
        }
    }
    assert_eq!(server.requests().len(), 5);
    assert!(server.requests().iter().all(|r| r.path == "/v1/pay"));
}

#[test]
fn base_urls_are_checked() {
    assert!(matches!(
        Client::new(
            &COUNTRY,
            Config::new(MERCHANT, Secret::new(SECRET).unwrap())
        ),
        Err(ConfigError::NoBaseUrl { country: "Zedland" })
    ));
    for bad in [
        "ftp://x",
        "https://",
        "http://host/path?x=1",
        "openapi.paypro.tech",
    ] {
        assert!(
            matches!(
                Client::new(
                    &COUNTRY,
                    Config::new(MERCHANT, Secret::new(SECRET).unwrap()).base_url(bad)
                ),
                Err(ConfigError::BadBaseUrl { .. })
            ),
            "{bad}"
        );
    }
    let c = Client::new(
        &COUNTRY,
        Config::new(MERCHANT, Secret::new(SECRET).unwrap()).base_url("https://h.example/mex-pay/"),
    )
    .unwrap();
    assert_eq!(c.base_url(), "https://h.example/mex-pay");
    let shown = format!("{c:?}");
    assert!(!shown.contains(SECRET), "{shown}");
    assert!(shown.contains(MERCHANT));
}

#[tokio::test]
async fn reconciliation_queries_until_final() {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let server = TestServer::start(move |_| match seen.fetch_add(1, Ordering::SeqCst) {
        0 => Answer::json(r#"{"code":"9410","msg":"order not exist"}"#).from_sandbox(),
        1 => Answer::json(accepted(r#"{"tradeNo":"T-1","status":"0015"}"#)),
        _ => Answer::json(accepted(r#"{"tradeNo":"T-1","status":"0000"}"#)),
    })
    .await;
    let options = ReconcileOptions::new(Duration::from_secs(5), Duration::from_millis(10));
    match client(&server)
        .reconcile(&query(), |d| d.status.as_ref(), options)
        .await
    {
        Ok(Reconciled::Final(reply)) => assert_eq!(reply.data.status, Some(Status::Success)),
        other => panic!("{other:?}"),
    }
    assert_eq!(calls.load(Ordering::SeqCst), 3);

    let short = ReconcileOptions::new(Duration::from_millis(400), Duration::from_millis(20));
    // Refused, uncertain or failed queries never conclude "not found, send it again".
    for answer in [
        Answer::json(r#"{"code":"9410","msg":"order not exist"}"#).from_sandbox(),
        Answer::json(r#"{"code":"9410","msg":"order not exist"}"#),
        Answer::json(r#"{"code":"1404","msg":"order not exist"}"#),
        Answer::json(r#"{"code":"502","msg":"bad gateway"}"#),
        Answer::Full {
            status: 502,
            content_type: "application/json".into(),
            body: r#"{"code":"502","msg":"bad gateway"}"#.into(),
        },
    ] {
        let server = answering(answer.clone()).await;
        match client(&server)
            .reconcile(&query(), |d| d.status.as_ref(), short)
            .await
        {
            Ok(Reconciled::Undetermined { last_error }) => {
                assert!(matches!(
                    last_error,
                    Error::Rejected { .. } | Error::Uncertain { .. } | Error::Unreadable { .. }
                ));
            }
            other => panic!("{answer:?}: {other:?}"),
        }
    }

    let server = answering(Answer::json(accepted(r#"{"status":"0015"}"#))).await;
    match client(&server)
        .reconcile(&query(), |d| d.status.as_ref(), short)
        .await
    {
        Ok(Reconciled::Pending(reply)) => assert_eq!(reply.data.status, Some(Status::Processing)),
        other => panic!("{other:?}"),
    }
}

#[cfg(feature = "blocking")]
mod blocking {
    use super::*;
    use paypro_core::client::blocking::Client as BlockingClient;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap()
    }

    #[test]
    fn the_blocking_client_classifies_like_the_async_one() {
        let rt = runtime();
        let ok = rt.block_on(answering(Answer::json(accepted(
            r#"{"status":"0001","amount":3.0000}"#,
        ))));
        let client = BlockingClient::new(&COUNTRY, config(ok.url())).unwrap();
        let reply = client.send(&pay()).expect("accepted");
        assert_eq!(reply.data.status, Some(Status::PartialPayment));
        assert_eq!(
            reply.data.amount.map(|d| d.to_string()).as_deref(),
            Some("3.0000")
        );

        let slow = rt.block_on(answering(
            Answer::json(accepted("{}")).after(Duration::from_secs(3)),
        ));
        let client = BlockingClient::new(&COUNTRY, config(slow.url())).unwrap();
        assert!(matches!(client.send(&pay()), Err(Error::Unknown { .. })));
        assert_eq!(
            slow.requests().len(),
            1,
            "a pay-in that timed out is not sent twice"
        );

        let dropped = rt.block_on(answering(Answer::Close));
        let client = BlockingClient::new(&COUNTRY, config(dropped.url())).unwrap();
        assert!(matches!(client.send(&query()), Err(Error::Unknown { .. })));
        assert_eq!(dropped.requests().len(), 3, "reads are retried");

        let html = rt.block_on(answering(Answer::html(502, "<html>bad gateway</html>")));
        let client = BlockingClient::new(&COUNTRY, config(html.url())).unwrap();
        assert!(matches!(
            client.send(&pay()),
            Err(Error::Unreadable { status: 502, .. })
        ));

        let rejected = rt.block_on(answering(
            Answer::json(r#"{"code":"9402","msg":"sign error"}"#).from_sandbox(),
        ));
        let client = BlockingClient::new(&COUNTRY, config(rejected.url())).unwrap();
        assert!(matches!(client.send(&pay()), Err(Error::Rejected { .. })));

        let unknown_code = rt.block_on(answering(Answer::json(
            r#"{"code":"1001","msg":"sign error"}"#,
        )));
        let client = BlockingClient::new(&COUNTRY, config(unknown_code.url())).unwrap();
        assert!(matches!(client.send(&pay()), Err(Error::Uncertain { .. })));

        let cut = rt.block_on(answering(Answer::Truncated {
            status: 200,
            body: "{\"code\"".into(),
            declared: 100,
        }));
        let client = BlockingClient::new(&COUNTRY, config(cut.url())).unwrap();
        assert!(matches!(
            client.send(&pay()),
            Err(Error::Unreadable { status: 200, .. })
        ));
    }

    /// One deadline for the whole exchange: an answer that drips one byte every 300 ms ends
    /// at the request time-out (reqwest's blocking client applied it per read and never ended).
    #[test]
    fn the_blocking_client_gives_up_on_a_dripping_answer() {
        let rt = runtime();
        let drip = rt.block_on(answering(Answer::Drip {
            status: 200,
            body: accepted(&format!(r#"{{"pad":"{}"}}"#, "x".repeat(200))),
            every: Duration::from_millis(300),
        }));
        let client = BlockingClient::new(
            &COUNTRY,
            config(drip.url()).request_timeout(Duration::from_secs(1)),
        )
        .unwrap();
        match client.send(&pay()) {
            Err(e @ Error::Unknown { .. }) => assert!(e.may_have_moved_money()),
            other => panic!("{other:?}"),
        }
        assert_eq!(drip.requests().len(), 1);
    }

    #[test]
    fn the_blocking_client_refuses_to_block_inside_a_runtime() {
        let rt = runtime();
        let server = rt.block_on(answering(Answer::json(accepted("{}"))));
        let client = BlockingClient::new(&COUNTRY, config(server.url())).unwrap();
        let inside = rt.block_on(async { client.send(&pay()) });
        assert!(matches!(inside, Err(Error::NotSent { .. })), "{inside:?}");
        assert!(server.requests().is_empty());
    }
}

/// A 3xx is never followed: the signed body is POSTed once, never to another host, and the
/// outcome is "may have moved" (the first POST may have been processed).
#[tokio::test]
async fn redirects_are_never_followed() {
    let elsewhere = answering(Answer::json(accepted(r#"{"status":"0000"}"#))).await;
    for status in [301, 302, 303, 307, 308] {
        for target in [
            format!("{}/v1/pay", elsewhere.url()),
            "/v1/pay".to_string(),
            "http://127.0.0.1:9/v1/pay".to_string(),
        ] {
            let server = answering(Answer::Redirect {
                status,
                location: target.clone(),
            })
            .await;
            match client(&server).send(&pay()).await {
                Err(e @ Error::Unreadable { .. }) => {
                    assert!(e.may_have_moved_money(), "{status} {target}");
                    let Error::Unreadable { status: got, .. } = e else {
                        unreachable!()
                    };
                    assert_eq!(got, status);
                }
                other => panic!("{status} to {target}: {other:?}"),
            }
            assert_eq!(
                server.requests().len(),
                1,
                "{status} to {target}: sent once"
            );
        }
    }
    assert!(
        elsewhere.requests().is_empty(),
        "the signed body never reaches another host"
    );
}

/// A merchant's own client that follows redirects cannot turn a redirect into a silent resend:
/// the answer is reported as unreadable (may have moved), never as the redirect target's.
#[tokio::test]
async fn a_supplied_client_that_follows_redirects_is_caught() {
    let target = answering(Answer::json(accepted(r#"{"status":"0000"}"#))).await;
    let server = answering(Answer::Redirect {
        status: 307,
        location: format!("{}/v1/pay", target.url()),
    })
    .await;
    let following = reqwest::Client::builder().build().unwrap();
    let client = Client::new(
        &COUNTRY,
        crate::support::config(server.url()).http_client(following),
    )
    .unwrap();
    match client.send(&pay()).await {
        Err(Error::Unreadable { problem, .. }) => {
            assert!(problem.contains("followed a redirect"), "{problem}")
        }
        other => panic!("{other:?}"),
    }
}

/// A 5xx (or 4xx) is never a refusal, whatever JSON it carries: not the gateway's own 502
/// envelope, not a 500 wrapping an accepted envelope.
#[tokio::test]
async fn an_error_status_is_unreadable_whatever_its_json_says() {
    for (status, body) in [
        (502, r#"{"code":"502","msg":"Bad Gateway"}"#.to_string()),
        (500, accepted(r#"{"status":"0000"}"#)),
        (503, r#"{"code":"9402","msg":"sign error"}"#.to_string()),
        (400, r#"{"code":"9422","msg":"bad field"}"#.to_string()),
    ] {
        let server = answering(Answer::Full {
            status,
            content_type: "application/json".into(),
            body,
        })
        .await;
        match client(&server).send(&pay()).await {
            Err(e @ Error::Unreadable { .. }) => assert!(e.may_have_moved_money()),
            other => panic!("{status}: {other:?}"),
        }
        assert_eq!(server.requests().len(), 1, "a pay-in is sent once");
    }
}

/// System errors and codes the spec does not know do not prove a refusal.
#[tokio::test]
async fn system_errors_and_unknown_codes_may_have_moved_money() {
    for code in ["8000", "5000", "00032", "1001", "9999"] {
        let server = answering(Answer::json(format!(
            r#"{{"code":"{code}","msg":"x","success":false,"data":null}}"#
        )))
        .await;
        match client(&server).send(&pay()).await {
            Err(e @ Error::Uncertain { .. }) => assert!(e.may_have_moved_money(), "{code}"),
            other => panic!("{code}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn the_default_client_says_who_it_is_and_a_shared_one_is_reused() {
    let server = answering(Answer::json(accepted(r#"{"status":"0000"}"#))).await;
    client(&server).send(&query()).await.expect("accepted");
    let ua = paypro_core::client::USER_AGENT;
    assert!(ua.starts_with("paypro-rs/"));
    assert_eq!(server.requests()[0].header("user-agent"), Some(ua));

    let server = answering(Answer::json(accepted(r#"{"status":"0000"}"#))).await;
    let pool = reqwest::Client::builder()
        .user_agent("merchant-pool/1")
        .build()
        .unwrap();
    let shared = Client::new(
        &COUNTRY,
        crate::support::config(server.url()).http_client(pool),
    )
    .unwrap();
    shared.send(&query()).await.expect("accepted");
    assert_eq!(
        server.requests()[0].header("user-agent"),
        Some("merchant-pool/1")
    );
}
