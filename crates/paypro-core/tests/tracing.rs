//! Tracing, in its own test binary: a thread-local subscriber and tests running on other
//! threads would race over tracing's per-callsite interest cache.
#![cfg(feature = "client")]

mod support;

use std::sync::{Arc, Mutex};

use paypro_testkit::Answer;
use support::*;

/// Logs captured from the client's spans and events.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn traces_name_the_call_but_never_the_secret_or_canonical_string() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let server = answering(Answer::json(accepted(r#"{"status":"0000"}"#))).await;
    client(&server).send(&pay()).await.expect("accepted");
    let server = answering(Answer::html(502, "<html>bad gateway</html>")).await;
    let _ = client(&server).send(&pay()).await;
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("paypro.call"), "{logs}");
    assert!(logs.contains("endpoint=\"pay-in\""), "{logs}");
    assert!(logs.contains("trade_no=\"T-1\""), "{logs}");
    assert!(logs.contains("outcome=\"accepted\""), "{logs}");
    assert!(logs.contains("outcome=\"unreadable\""), "{logs}");
    assert!(logs.contains("duration_ms="), "{logs}");
    assert!(!logs.contains(SECRET), "{logs}");
    assert!(
        !logs.contains("amount=300timestamp="),
        "the canonical string leaked: {logs}"
    );
}
