//! Test helpers (feature `testing`): a loopback HTTP server whose every answer a test decides.
//!
//! It speaks just enough HTTP/1.1 to take one request per connection, records it, and answers
//! exactly as told: JSON, an HTML error page, a body cut short, an answer that comes too late,
//! or no answer at all. Merchants can use it to test their own error handling.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! use paypro_core::testing::{Answer, TestServer};
//! let server = TestServer::start(|request| {
//!     assert_eq!(request.path, "/v1/paypro/queryBalance");
//!     Answer::json(r#"{"code":"0000","msg":"success","data":{"availableAmount":"10.00"}}"#)
//! })
//! .await;
//! assert!(server.url().starts_with("http://127.0.0.1:"));
//! # }
//! ```

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

/// A request the server received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received {
    /// `POST`.
    pub method: String,
    /// The request target, e.g. `/v1/paypro/payIn`.
    pub path: String,
    /// Headers in arrival order, names lowercased.
    pub headers: Vec<(String, String)>,
    /// The body as text (lossily decoded).
    pub body: String,
}

impl Received {
    /// A header's value (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as a JSON object, if it is one.
    pub fn json(&self) -> Option<serde_json::Map<String, serde_json::Value>> {
        match serde_json::from_str(&self.body) {
            Ok(serde_json::Value::Object(map)) => Some(map),
            _ => None,
        }
    }
}

/// How the server answers one request.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Answer {
    /// A complete answer with this status, content type and body.
    Full {
        /// HTTP status.
        status: u16,
        /// `content-type`.
        content_type: String,
        /// The body.
        body: String,
    },
    /// A `content-length` of `declared` bytes but only `body` sent before the connection closes.
    Truncated {
        /// HTTP status.
        status: u16,
        /// The bytes actually sent.
        body: String,
        /// The length announced.
        declared: usize,
    },
    /// A redirect: `status` (301, 302, 307, 308) with a `location` header and no body.
    Redirect {
        /// HTTP status.
        status: u16,
        /// Where it points.
        location: String,
    },
    /// A complete status line and headers, then the body one byte at a time, `every` apart
    /// (an answer that never quite stops coming).
    Drip {
        /// HTTP status.
        status: u16,
        /// The body.
        body: String,
        /// The pause before each byte.
        every: Duration,
    },
    /// Wait, then answer.
    Delayed(Duration, Box<Answer>),
    /// Close the connection without answering.
    Close,
    /// This answer with the embedded sandbox's marker header
    /// ([`crate::protocol::SANDBOX_HEADER`]): the sandbox's own codes are read as its refusals.
    Marked(Box<Answer>),
}

impl Answer {
    /// `200` with a JSON body.
    pub fn json(body: impl Into<String>) -> Self {
        Answer::Full {
            status: 200,
            content_type: "application/json".into(),
            body: body.into(),
        }
    }

    /// Any status with an HTML body (a proxy's error page).
    pub fn html(status: u16, body: impl Into<String>) -> Self {
        Answer::Full {
            status,
            content_type: "text/html".into(),
            body: body.into(),
        }
    }

    /// This answer, `delay` later.
    pub fn after(self, delay: Duration) -> Self {
        Answer::Delayed(delay, Box::new(self))
    }

    /// This answer, marked as the embedded sandbox's.
    pub fn from_sandbox(self) -> Self {
        Answer::Marked(Box::new(self))
    }
}

/// Why a gateway would refuse `request` for `endpoint`, if it would: method, path (relative to
/// the server's root), `merchantNo`, content type, the sign (body or header, recomputed over the
/// received body) and the timestamp (`Some(ms)`: it must be that one). `None`: it would accept.
pub fn refusal(
    request: &Received,
    endpoint: &crate::descriptor::EndpointDescriptor,
    merchant_no: &str,
    secret: &crate::Secret,
    timestamp_ms: Option<u64>,
) -> Option<String> {
    use crate::descriptor::{SignPlacement, TimestampWire};
    if request.method != crate::protocol::METHOD {
        return Some(format!("method {}", request.method));
    }
    if request.path != endpoint.path {
        return Some(format!(
            "path {} instead of {}",
            request.path, endpoint.path
        ));
    }
    if request.header(crate::protocol::MERCHANT_HEADER) != Some(merchant_no) {
        return Some("merchantNo header".into());
    }
    if request.header("content-type") != Some("application/json") {
        return Some("content-type".into());
    }
    // The sign is recomputed over the raw fields, as a gateway does (numbers keep their text).
    let Ok(raw) = crate::RawObject::parse(&request.body, "body") else {
        return Some("the body is not a JSON object".into());
    };
    let Some(body) = request.json() else {
        return Some("the body is not a JSON object".into());
    };
    let sent = match endpoint.sign {
        SignPlacement::Body => body
            .get(crate::protocol::SIGN_FIELD)
            .and_then(|s| s.as_str().map(str::to_string)),
        _ => request
            .header(crate::protocol::SIGN_FIELD)
            .map(str::to_string),
    };
    if !sent.is_some_and(|s| crate::sign_raw(&raw, secret).matches(&s)) {
        return Some("bad sign".into());
    }
    let stamp = body.get(crate::protocol::TIMESTAMP_FIELD);
    let ok = match (endpoint.timestamp, stamp, timestamp_ms) {
        (TimestampWire::Absent, None, _) => true,
        (TimestampWire::String, Some(v), Some(ts)) => v.as_str() == Some(ts.to_string().as_str()),
        (TimestampWire::String, Some(v), None) => v.as_str().is_some(),
        (TimestampWire::Number, Some(v), Some(ts)) => v.as_u64() == Some(ts),
        (TimestampWire::Number, Some(v), None) => v.is_u64(),
        _ => false,
    };
    if !ok {
        return Some("timestamp".into());
    }
    None
}

/// Answers `json` when [`refusal`] finds nothing wrong with `request`, otherwise a refusal
/// envelope as the embedded sandbox answers it (`code` 9422, marked with
/// [`crate::protocol::SANDBOX_HEADER`]; `msg` naming the problem), so the client under test sees
/// `Error::Rejected` with the reason.
pub fn checked_answer(
    request: &Received,
    endpoint: &crate::descriptor::EndpointDescriptor,
    merchant_no: &str,
    secret: &crate::Secret,
    timestamp_ms: Option<u64>,
    json: &str,
) -> Answer {
    match refusal(request, endpoint, merchant_no, secret, timestamp_ms) {
        None => Answer::json(json),
        Some(why) => Answer::json(
            serde_json::json!({"code": crate::protocol::sandbox_code::FIELD, "msg": why})
                .to_string(),
        )
        .from_sandbox(),
    }
}

type Handler = dyn Fn(&Received) -> Answer + Send + Sync;

/// A server on `127.0.0.1` (a free port), stopped when dropped.
pub struct TestServer {
    url: String,
    requests: Arc<Mutex<Vec<Received>>>,
    stop: Option<oneshot::Sender<()>>,
}

impl TestServer {
    /// Starts a server that answers every request with `handler`'s answer.
    pub async fn start(
        handler: impl Fn(&Received) -> Answer + Send + Sync + 'static,
    ) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let (stop, mut stopped) = oneshot::channel::<()>();
        let log = requests.clone();
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    _ = &mut stopped => break,
                    accepted = listener.accept() => {
                        let Ok((stream, _)) = accepted else { continue };
                        tokio::spawn(serve(stream, handler.clone(), log.clone()));
                    }
                }
            }
        });
        TestServer {
            url,
            requests,
            stop: Some(stop),
        }
    }

    /// `http://127.0.0.1:PORT`, to use as a base URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Received> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

async fn serve(mut stream: TcpStream, handler: Arc<Handler>, log: Arc<Mutex<Vec<Received>>>) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = find(&buf, b"\r\n\r\n") {
            break i + 4;
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
        if buf.len() > 1 << 20 {
            return;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next().unwrap_or_default().split(' ');
    let method = request_line.next().unwrap_or_default().to_string();
    let path = request_line.next().unwrap_or_default().to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    while buf.len() < head_end + length {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let end = buf.len().min(head_end + length);
    let received = Received {
        method,
        path,
        headers,
        body: String::from_utf8_lossy(&buf[head_end..end]).into_owned(),
    };
    let answer = handler(&received);
    if let Ok(mut log) = log.lock() {
        log.push(received);
    }
    respond(&mut stream, answer).await;
}

async fn respond(stream: &mut TcpStream, mut answer: Answer) {
    let mut extra = String::new();
    loop {
        match answer {
            Answer::Delayed(delay, inner) => {
                tokio::time::sleep(delay).await;
                answer = *inner;
            }
            Answer::Marked(inner) => {
                extra = format!("{}: test\r\n", crate::protocol::SANDBOX_HEADER);
                answer = *inner;
            }
            Answer::Close => return,
            Answer::Redirect { status, location } => {
                let head = format!(
                    "HTTP/1.1 {status} X\r\n{extra}location: {location}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                );
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.shutdown().await;
                return;
            }
            Answer::Drip {
                status,
                body,
                every,
            } => {
                let head = format!(
                    "HTTP/1.1 {status} X\r\n{extra}content-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                    body.len()
                );
                if stream.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                for byte in body.as_bytes() {
                    tokio::time::sleep(every).await;
                    if stream.write_all(std::slice::from_ref(byte)).await.is_err() {
                        return;
                    }
                }
                let _ = stream.shutdown().await;
                return;
            }
            Answer::Full {
                status,
                content_type,
                body,
            } => {
                let head = format!(
                    "HTTP/1.1 {status} X\r\n{extra}content-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.write_all(body.as_bytes()).await;
                let _ = stream.shutdown().await;
                return;
            }
            Answer::Truncated {
                status,
                body,
                declared,
            } => {
                let head = format!(
                    "HTTP/1.1 {status} X\r\n{extra}content-type: application/json\r\ncontent-length: {declared}\r\nconnection: close\r\n\r\n"
                );
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.write_all(body.as_bytes()).await;
                let _ = stream.flush().await;
                return;
            }
        }
    }
}

/// What every country's generated request tests check, written once: with the spec's test
/// credentials ([`crate::protocol::TEST_MERCHANT_NO`], [`crate::protocol::TEST_SECRET`]).
pub mod requests {
    use crate::protocol::{TEST_MERCHANT_NO, TEST_SECRET};
    use crate::{Credentials, Endpoint, FieldError, PreparedRequest, Secret, ValidationError};

    /// The test merchant.
    pub fn test_credentials() -> Credentials {
        Credentials::new(TEST_MERCHANT_NO, test_secret())
    }

    /// The test secret.
    pub fn test_secret() -> Secret {
        Secret::new(TEST_SECRET).expect("the test secret is not blank")
    }

    /// What a snapshot pins: request line, headers, body, canonical string and sign.
    pub fn shape<E: Endpoint>(request: &E, timestamp: u64) -> String {
        let prepared = PreparedRequest::new(request, &test_credentials(), timestamp);
        let canonical = request.canonical_string(prepared.timestamp);
        format!(
            "{prepared}\n\ncanonical: {canonical}\nsign: {}",
            prepared.sign
        )
    }

    /// The body's keys, in the order they are sent.
    pub fn body_keys<E: Endpoint>(request: &E, timestamp: u64) -> Vec<String> {
        let prepared = PreparedRequest::new(request, &test_credentials(), timestamp);
        let body: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&prepared.body).expect("the body is a JSON object");
        body.keys().cloned().collect()
    }

    /// Builds `T` from JSON input through its builder `B` and returns the broken rules.
    pub fn errors_from_json<B, T>(json: &str) -> Vec<FieldError>
    where
        B: serde::de::DeserializeOwned + TryInto<T, Error = ValidationError>,
    {
        let builder: B = serde_json::from_str(json).expect("builder input is JSON");
        match builder.try_into() {
            Ok(_) => Vec::new(),
            Err(e) => e.errors().to_vec(),
        }
    }
}

/// Valid values for fields with a structured format, for property tests.
pub mod values {
    /// A valid CLABE from any 17 digits: the digits and their check digit.
    pub fn clabe(first17: &str) -> String {
        let mut digits: String = first17
            .chars()
            .filter(char::is_ascii_digit)
            .take(17)
            .collect();
        while digits.len() < 17 {
            digits.push('0');
        }
        let check = crate::validate::clabe_check_digit(digits.as_bytes());
        digits.push(char::from(check));
        digits
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn a_made_clabe_passes_the_rule() {
            use crate::descriptor::TextFormat;
            for seed in ["01218000000000001", "", "99999999999999999", "12345"] {
                let clabe = super::clabe(seed);
                assert_eq!(
                    crate::check_format(TextFormat::Clabe, &clabe),
                    Ok(()),
                    "{clabe}"
                );
            }
            assert_eq!(super::clabe("01218000000000001"), "012180000000000015");
        }
    }
}

/// Reshapings of a genuine, signed callback that keep its signature valid: what an attacker
/// who captured one callback can do without the secret. A receiver must refuse to act on each.
pub mod replay {
    use crate::canonical_text;
    use crate::{RawObject, protocol::SIGN_FIELD};

    fn fields(body: &str) -> Option<Vec<(String, String)>> {
        let object = RawObject::parse(body, "body").ok()?;
        Some(
            object
                .iter()
                .map(|(k, v)| (k.to_string(), v.get().to_string()))
                .collect(),
        )
    }

    fn object(fields: &[(String, String)]) -> String {
        let parts: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{}:{v}", serde_json::Value::from(k.as_str())))
            .collect();
        format!("{{{}}}", parts.join(","))
    }

    /// Adds `"name":""` first: empty values are not signed, so the signature still matches.
    /// A body that is not a JSON object is returned as it is.
    pub fn with_empty_field(body: &str, name: &str) -> String {
        let Some(mut f) = fields(body) else {
            return body.to_string();
        };
        f.insert(0, (name.to_string(), "\"\"".to_string()));
        object(&f)
    }

    /// The body without `name` (not signature-preserving: re-sign it to test a genuine one).
    pub fn without_field(body: &str, name: &str) -> String {
        let Some(f) = fields(body) else {
            return body.to_string();
        };
        let kept: Vec<_> = f.into_iter().filter(|(k, _)| k != name).collect();
        object(&kept)
    }

    /// Merges `key` with the field that follows it in the canonical (sorted) order:
    /// `"status":"0000","successTime":"X"` becomes `"status":"0000successTime=X"`. The
    /// canonical string, and so the signature, is unchanged. `None` when `key` is missing, is
    /// not a string, or is last.
    pub fn spliced_after(body: &str, key: &str) -> Option<String> {
        let f = fields(body)?;
        let parsed = RawObject::parse(body, "body").ok()?;
        let mut signed: Vec<(&str, String)> = parsed
            .iter()
            .filter(|(k, _)| *k != SIGN_FIELD)
            .map(|(k, v)| (k, canonical_text(v.get()).into_owned()))
            .filter(|(_, t)| !t.is_empty())
            .collect();
        signed.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        let at = signed.iter().position(|(k, _)| *k == key)?;
        let (next, next_text) = signed.get(at + 1)?.clone();
        let (_, own_text) = &signed[at];
        let raw = f.iter().find(|(k, _)| k == key)?.1.clone();
        if !raw.starts_with('"') {
            return None;
        }
        let merged = format!("{own_text}{next}={next_text}");
        let out: Vec<(String, String)> = f
            .into_iter()
            .filter(|(k, _)| k != next)
            .map(|(k, v)| {
                if k == key {
                    (k, serde_json::Value::from(merged.as_str()).to_string())
                } else {
                    (k, v)
                }
            })
            .collect();
        Some(object(&out))
    }
}

/// proptest, for generated property tests (`paypro_core::testing::proptest::prelude::*`).
pub use proptest;

/// Runs `check` on `cases` values drawn from `strategy` (shrinking a failure to a minimal
/// input, which fails the calling test): the count-bounded sibling of [`fuzz`].
pub fn check_cases<S>(
    name: &str,
    cases: u32,
    strategy: S,
    check: impl Fn(S::Value) -> Result<(), String>,
) where
    S: proptest::strategy::Strategy,
{
    use proptest::test_runner::{Config, TestCaseError, TestRunner};
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(e) = runner.run(&strategy, |value| check(value).map_err(TestCaseError::fail)) {
        panic!("{name}: {e}");
    }
}

/// Time-bounded fuzzing with proptest's generators and shrinking: runs `check` on values drawn
/// from `strategy` for [`fuzz_budget`] (the `PAYPRO_FUZZ_SECS` environment variable, 2 s by
/// default), then prints `fuzz NAME: N executions in S s, 0 findings`. A finding (an `Err` or a
/// panic inside `check`) is shrunk to a minimal input and fails the calling test with it.
///
/// Long runs: `PAYPRO_FUZZ_SECS=600 cargo test --release --test fuzz -- --nocapture`.
pub fn fuzz<S>(name: &str, strategy: S, check: impl Fn(S::Value) -> Result<(), String>) -> u64
where
    S: proptest::strategy::Strategy,
{
    use proptest::test_runner::{Config, TestCaseError, TestRunner};
    let budget = fuzz_budget();
    let started = std::time::Instant::now();
    let batch = 32;
    let config = Config {
        cases: batch,
        failure_persistence: None,
        ..Config::default()
    };
    // A runner stops after `cases` successes, so each batch gets a fresh one whose random
    // stream is forked from the previous one's (new inputs every batch).
    let mut runner = TestRunner::new(config.clone());
    let mut executions = 0u64;
    let check = &check;
    while started.elapsed() < budget {
        let outcome = runner.run(&strategy, |value| check(value).map_err(TestCaseError::fail));
        executions += u64::from(batch);
        runner = TestRunner::new_with_rng(config.clone(), runner.new_rng());
        if let Err(e) = outcome {
            panic!("fuzz {name}: 1 finding after about {executions} executions: {e}");
        }
    }
    println!(
        "fuzz {name}: {executions} executions in {:.1} s, 0 findings",
        started.elapsed().as_secs_f64()
    );
    executions
}

/// How long each [`fuzz`] target runs: `PAYPRO_FUZZ_SECS` (seconds), 2 s by default.
pub fn fuzz_budget() -> Duration {
    std::env::var("PAYPRO_FUZZ_SECS")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map_or(Duration::from_secs(2), Duration::from_secs_f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Secret;
    use crate::descriptor::*;

    const QUERY: EndpointDescriptor = EndpointDescriptor {
        country: "zz",
        name: "query-pay-in",
        role: Role::QueryPayIn,
        summary: "",
        path: "/q",
        sign: SignPlacement::Body,
        timestamp: TimestampWire::String,
        effect: Effect::ReadOnly,
        unaccepted: Unaccepted::ByCode,
        provenance: Provenance::Documented,
        request: &[],
        response: DataShape::Boolean,
    };

    fn request(body: &str, path: &str, merchant: &str) -> Received {
        Received {
            method: "POST".into(),
            path: path.into(),
            headers: vec![
                ("content-type".into(), "application/json".into()),
                ("merchantno".into(), merchant.into()),
            ],
            body: body.into(),
        }
    }

    #[test]
    fn refusal_names_each_problem() {
        let secret = Secret::new("k").unwrap();
        let fields = crate::RawObject::parse(r#"{"timestamp":"5","tradeNo":"T"}"#, "b").unwrap();
        let sign = crate::sign_raw(&fields, &secret);
        let good = format!(r#"{{"timestamp":"5","tradeNo":"T","sign":"{sign}"}}"#);
        assert_eq!(
            refusal(&request(&good, "/q", "m"), &QUERY, "m", &secret, Some(5)),
            None
        );
        assert_eq!(
            refusal(&request(&good, "/q", "m"), &QUERY, "m", &secret, None),
            None
        );
        let refused = |r: Received, ts| refusal(&r, &QUERY, "m", &secret, ts).unwrap_or_default();
        assert!(refused(request(&good, "/other", "m"), Some(5)).starts_with("path"));
        assert_eq!(
            refused(request(&good, "/q", "x"), Some(5)),
            "merchantNo header"
        );
        assert_eq!(
            refused(request(&good.replace("\"T\"", "\"U\""), "/q", "m"), Some(5)),
            "bad sign"
        );
        assert_eq!(refused(request(&good, "/q", "m"), Some(6)), "timestamp");
        assert_eq!(
            refused(request("[1]", "/q", "m"), Some(5)),
            "the body is not a JSON object"
        );
        let mut get = request(&good, "/q", "m");
        get.method = "GET".into();
        assert_eq!(refused(get, Some(5)), "method GET");
        let ok = checked_answer(
            &request(&good, "/q", "m"),
            &QUERY,
            "m",
            &secret,
            Some(5),
            "{}",
        );
        assert_eq!(ok, Answer::json("{}"));
        match checked_answer(
            &request(&good, "/q", "m"),
            &QUERY,
            "m",
            &secret,
            Some(6),
            "{}",
        ) {
            Answer::Marked(inner) => match *inner {
                Answer::Full { body, .. } => {
                    assert_eq!(body, r#"{"code":"9422","msg":"timestamp"}"#)
                }
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn fuzz_counts_runs_and_fails_on_a_shrunk_finding() {
        let runs = super::fuzz("always fine", 0u32..1000, |_| Ok(()));
        assert!(runs >= 32, "{runs}");
        let found = std::panic::catch_unwind(|| {
            super::fuzz("breaks above 500", 0u32..1000, |n| {
                if n > 500 {
                    Err(format!("{n} is too big"))
                } else {
                    Ok(())
                }
            })
        });
        let message = *found.unwrap_err().downcast::<String>().unwrap();
        assert!(message.contains("1 finding"), "{message}");
        assert!(
            message.contains("501 is too big"),
            "shrunk to the smallest input: {message}"
        );
    }
}
