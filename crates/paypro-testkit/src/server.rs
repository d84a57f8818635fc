//! A server on 127.0.0.1 that speaks just enough HTTP/1.1 to take a request, record it (or,
//! for load runs, only count it), and answer exactly as the test says.

use std::sync::atomic::{AtomicU64, Ordering};
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
    /// ([`paypro_core::protocol::SANDBOX_HEADER`]): the sandbox's own codes are read as its refusals.
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

    /// Any status with a plain-text body (a receiver's `OK`).
    pub fn text(status: u16, body: impl Into<String>) -> Self {
        Answer::Full {
            status,
            content_type: "text/plain".into(),
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

type Handler = dyn Fn(&Received) -> Answer + Send + Sync;

/// What the server keeps of the requests it receives.
struct Log {
    /// Every request, or `None` for a counting server.
    requests: Option<Mutex<Vec<Received>>>,
    count: AtomicU64,
}

impl Log {
    fn record(&self, received: Received) {
        self.count.fetch_add(1, Ordering::Relaxed);
        if let Some(Ok(mut requests)) = self.requests.as_ref().map(Mutex::lock) {
            requests.push(received);
        }
    }
}

/// A server on `127.0.0.1` (a free port), stopped when dropped.
pub struct TestServer {
    url: String,
    log: Arc<Log>,
    stop: Option<oneshot::Sender<()>>,
}

impl TestServer {
    /// Starts a server that answers every request with `handler`'s answer and records it
    /// ([`TestServer::requests`]). It takes one request per connection and closes it after
    /// answering.
    pub async fn start(
        handler: impl Fn(&Received) -> Answer + Send + Sync + 'static,
    ) -> TestServer {
        TestServer::spawn(handler, false).await
    }

    /// Starts a server for load runs: it answers as [`TestServer::start`]'s does but keeps no
    /// request, only their number ([`TestServer::count`]; [`TestServer::requests`] stays
    /// empty), and after a complete answer ([`Answer::Full`]) keeps the connection open for the
    /// next request, as a merchant's receiver does (HTTP/1.1 keep-alive, unless the request says
    /// `connection: close`), so that a load run does not measure connection set-up.
    pub async fn counting(
        handler: impl Fn(&Received) -> Answer + Send + Sync + 'static,
    ) -> TestServer {
        TestServer::spawn(handler, true).await
    }

    async fn spawn(
        handler: impl Fn(&Received) -> Answer + Send + Sync + 'static,
        counting: bool,
    ) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let log = Arc::new(Log {
            requests: (!counting).then(|| Mutex::new(Vec::new())),
            count: AtomicU64::new(0),
        });
        let handler: Arc<Handler> = Arc::new(handler);
        let (stop, mut stopped) = oneshot::channel::<()>();
        let served = log.clone();
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    _ = &mut stopped => break,
                    accepted = listener.accept() => {
                        let Ok((stream, _)) = accepted else { continue };
                        tokio::spawn(serve(stream, handler.clone(), served.clone(), counting));
                    }
                }
            }
        });
        TestServer {
            url,
            log,
            stop: Some(stop),
        }
    }

    /// `http://127.0.0.1:PORT`, to use as a base URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Every request received so far (none for a [counting](TestServer::counting) server).
    pub fn requests(&self) -> Vec<Received> {
        self.log
            .requests
            .as_ref()
            .and_then(|r| r.lock().ok().map(|r| r.clone()))
            .unwrap_or_default()
    }

    /// How many requests were received so far.
    pub fn count(&self) -> u64 {
        self.log.count.load(Ordering::Relaxed)
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

/// Answers the requests of one connection: one, or with `keep_alive` as many as come while
/// every answer is complete.
async fn serve(mut stream: TcpStream, handler: Arc<Handler>, log: Arc<Log>, keep_alive: bool) {
    // Each answer goes out in one write; no waiting for the peer's ACK between answers.
    let _ = stream.set_nodelay(true);
    let mut buf = Vec::new();
    while let Some(received) = read_request(&mut stream, &mut buf).await {
        let answer = handler(&received);
        let keep_alive = keep_alive
            && !received
                .header("connection")
                .is_some_and(|v| v.eq_ignore_ascii_case("close"));
        log.record(received);
        if !respond(&mut stream, answer, keep_alive).await {
            return;
        }
    }
}

/// Reads the next request from `stream` (bytes already read and not yet used are in `buf`;
/// the request's are taken out of it). `None` when the connection ends before a whole head or
/// the head passes 1 MiB; a body cut short by the peer is taken as it came.
async fn read_request(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Option<Received> {
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = find(buf, b"\r\n\r\n") {
            break i + 4;
        }
        if buf.len() > 1 << 20 {
            return None;
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
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
    // A declared length near usize::MAX is read until the peer stops, never added past it.
    let wanted = head_end.saturating_add(length);
    while buf.len() < wanted {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let end = buf.len().min(wanted);
    let body = String::from_utf8_lossy(&buf[head_end..end]).into_owned();
    buf.drain(..end);
    Some(Received {
        method,
        path,
        headers,
        body,
    })
}

/// Writes `answer`; whether the connection stays open for another request (only after a
/// complete answer, with `keep_alive`).
async fn respond(stream: &mut TcpStream, mut answer: Answer, keep_alive: bool) -> bool {
    let mut extra = String::new();
    loop {
        match answer {
            Answer::Delayed(delay, inner) => {
                tokio::time::sleep(delay).await;
                answer = *inner;
            }
            Answer::Marked(inner) => {
                extra = format!("{}: test\r\n", paypro_core::protocol::SANDBOX_HEADER);
                answer = *inner;
            }
            Answer::Close => return false,
            Answer::Redirect { status, location } => {
                let head = format!(
                    "HTTP/1.1 {status} X\r\n{extra}location: {location}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                );
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.shutdown().await;
                return false;
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
                    return false;
                }
                for byte in body.as_bytes() {
                    tokio::time::sleep(every).await;
                    if stream.write_all(std::slice::from_ref(byte)).await.is_err() {
                        return false;
                    }
                }
                let _ = stream.shutdown().await;
                return false;
            }
            Answer::Full {
                status,
                content_type,
                body,
            } => {
                // HTTP/1.1 connections persist unless an answer says otherwise.
                let connection = if keep_alive {
                    ""
                } else {
                    "connection: close\r\n"
                };
                let head = format!(
                    "HTTP/1.1 {status} X\r\n{extra}content-type: {content_type}\r\ncontent-length: {}\r\n{connection}\r\n",
                    body.len()
                );
                let mut answer = head.into_bytes();
                answer.extend_from_slice(body.as_bytes());
                if stream.write_all(&answer).await.is_err() {
                    return false;
                }
                if keep_alive {
                    return true;
                }
                let _ = stream.shutdown().await;
                return false;
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
                return false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POST: &str = "POST /notify HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 2\r\n\r\n{}";
    /// The longest any read may take before the test gives up (a bound, not a measurement).
    const BOUND: Duration = Duration::from_secs(30);

    /// A raw HTTP/1.1 client: what it sends, and the answers it reads one at a time.
    struct Client {
        stream: TcpStream,
        got: Vec<u8>,
    }

    impl Client {
        async fn connect(server: &TestServer) -> Client {
            let addr = server.url().trim_start_matches("http://");
            Client {
                stream: TcpStream::connect(addr).await.expect("the server listens"),
                got: Vec::new(),
            }
        }

        async fn send(&mut self, bytes: &str) {
            self.stream.write_all(bytes.as_bytes()).await.unwrap();
        }

        /// The next answer (head and `content-length` body); `None` if the connection ends
        /// first.
        async fn answer(&mut self) -> Option<String> {
            let mut chunk = [0u8; 1024];
            loop {
                if let Some(end) = find(&self.got, b"\r\n\r\n").map(|i| i + 4) {
                    let head = String::from_utf8_lossy(&self.got[..end]).into_owned();
                    let length: usize = head
                        .lines()
                        .find_map(|l| l.strip_prefix("content-length: "))
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    if self.got.len() >= end + length {
                        let answer = String::from_utf8_lossy(&self.got[..end + length]);
                        let answer = answer.into_owned();
                        self.got.drain(..end + length);
                        return Some(answer);
                    }
                }
                let read = tokio::time::timeout(BOUND, self.stream.read(&mut chunk)).await;
                match read.expect("an answer or a close within the bound") {
                    Ok(0) | Err(_) => return None,
                    Ok(n) => self.got.extend_from_slice(&chunk[..n]),
                }
            }
        }

        /// Whether the server closed the connection (with nothing more sent).
        async fn closed(&mut self) -> bool {
            self.answer().await.is_none() && self.got.is_empty()
        }
    }

    #[tokio::test]
    async fn a_counting_server_counts_stores_nothing_and_keeps_the_connection() {
        let server = TestServer::counting(|_| Answer::text(200, "OK")).await;
        let mut client = Client::connect(&server).await;
        for n in 1..=3 {
            client.send(POST).await;
            let answer = client.answer().await.expect("an answer");
            assert!(answer.starts_with("HTTP/1.1 200 "), "{answer}");
            assert!(answer.ends_with("\r\n\r\nOK"), "{answer}");
            assert!(!answer.contains("connection: close"), "{answer}");
            assert_eq!(server.count(), n);
        }
        // Two requests in one write are two requests.
        client.send(&format!("{POST}{POST}")).await;
        client.answer().await.expect("the first answer");
        client.answer().await.expect("the second answer");
        assert_eq!(server.count(), 5);
        assert!(server.requests().is_empty(), "nothing stored");
    }

    #[tokio::test]
    async fn a_counting_server_closes_when_asked_or_after_an_incomplete_answer() {
        let server = TestServer::counting(|r| match r.path.as_str() {
            "/close" => Answer::Close,
            _ => Answer::text(200, "OK"),
        })
        .await;
        let mut client = Client::connect(&server).await;
        client
            .send(&POST.replace("host:", "connection: close\r\nhost:"))
            .await;
        let answer = client.answer().await.expect("an answer");
        assert!(answer.contains("connection: close"), "{answer}");
        assert!(client.closed().await);

        let mut client = Client::connect(&server).await;
        client.send(&POST.replace("/notify", "/close")).await;
        assert!(client.closed().await);
        assert_eq!(server.count(), 2);
    }

    #[tokio::test]
    async fn a_recording_server_takes_one_request_per_connection() {
        let server = TestServer::start(|_| Answer::text(200, "OK")).await;
        let mut client = Client::connect(&server).await;
        client.send(POST).await;
        let answer = client.answer().await.expect("an answer");
        assert!(answer.contains("connection: close"), "{answer}");
        assert!(client.closed().await);
        assert_eq!(server.count(), 1);
        let requests = server.requests();
        assert_eq!(requests.len(), 1);
        assert_eq!(
            (requests[0].method.as_str(), requests[0].path.as_str()),
            ("POST", "/notify")
        );
        assert_eq!(requests[0].body, "{}");
    }

    #[tokio::test]
    async fn a_length_near_usize_max_is_read_until_the_peer_stops() {
        let server = TestServer::start(|_| Answer::text(200, "OK")).await;
        let mut client = Client::connect(&server).await;
        let head = format!(
            "POST /huge HTTP/1.1\r\ncontent-length: {}\r\n\r\nabc",
            usize::MAX
        );
        client.send(&head).await;
        client.stream.shutdown().await.unwrap();
        let answer = client.answer().await.expect("an answer");
        assert!(answer.starts_with("HTTP/1.1 200 "), "{answer}");
        let requests = server.requests();
        assert_eq!(requests.len(), 1);
        assert_eq!(requests[0].body, "abc");
    }
}
