//! A server on 127.0.0.1 that speaks just enough HTTP/1.1 to take one request per
//! connection, records it, and answers exactly as the test says.

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
                extra = format!("{}: test\r\n", paypro_core::protocol::SANDBOX_HEADER);
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
