//! `--timeout SECONDS` bounds the whole call: an answer that sends its status line and headers
//! and then drips one body byte every 0.5 s ends the command with exit 4 (sent, outcome
//! unknown). The bound asserted is only that the command ended, generously.

use crate::common;

use std::process::Output;
use std::time::{Duration, Instant};

use common::{MERCHANT_ENV, SECRET_ENV, command, fails_with};
use paypro_testkit::{Answer, TestServer};

/// How long the command may take before the test calls it stuck (it should take about 2 s).
const STUCK_AFTER: Duration = Duration::from_secs(20);
/// How long the server drips before its body is complete.
const DRIP_FOR: Duration = Duration::from_secs(60);
/// The pause before each body byte.
const DRIP_EVERY: Duration = Duration::from_millis(500);

/// A loopback server that answers every request with a 200 status line and headers announcing
/// a JSON body, then sends one body byte every 0.5 s (for [`DRIP_FOR`]); it records requests.
struct DripServer {
    server: TestServer,
    _runtime: tokio::runtime::Runtime,
}

impl DripServer {
    fn start() -> DripServer {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let bytes = (DRIP_FOR.as_millis() / DRIP_EVERY.as_millis()) as usize;
        let server = runtime.block_on(TestServer::start(move |_| Answer::Drip {
            status: 200,
            body: " ".repeat(bytes),
            every: DRIP_EVERY,
        }));
        DripServer {
            server,
            _runtime: runtime,
        }
    }

    fn requests(&self) -> usize {
        self.server.requests().len()
    }
}

/// Runs `paypro ARGS` against `server`; fails the test if it has not ended after
/// [`STUCK_AFTER`].
fn run_bounded(args: &[&str], stdin: &str, server: &DripServer) -> Output {
    let mut args = args.to_vec();
    args.extend(["--base-url", server.server.url(), "--timeout", "2"]);
    let mut child = command(&args, &[SECRET_ENV, MERCHANT_ENV]).spawn().unwrap();
    {
        use std::io::Write;
        let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    }
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > STUCK_AFTER {
            child.kill().unwrap();
            let _ = child.wait();
            panic!("`paypro {args:?}` still running after {STUCK_AFTER:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_dripping_answer_to_a_query_ends_with_exit_4() {
    let server = DripServer::start();
    let out = run_bounded(&["id", "query-pay-in"], r#"{"tradeNo":"drip-1"}"#, &server);
    fails_with(&out, 4, &["run it again"]);
    assert!(server.requests() >= 1);
}

#[test]
fn a_dripping_answer_to_a_pay_in_ends_with_exit_4_and_is_not_resent() {
    let server = DripServer::start();
    let pay_in = r#"{"tradeNo":"drip-2","username":"kevin","mobile":"6281245907765","email":"k@example.com","channelCode":"EWALLET","amount":1000,"notifyUrl":"http://127.0.0.1:9/n"}"#;
    let out = run_bounded(&["id", "pay-in"], pay_in, &server);
    fails_with(&out, 4, &["may have moved", "query-pay-in", "drip-2"]);
    assert_eq!(server.requests(), 1, "a pay-in is sent once");
}
