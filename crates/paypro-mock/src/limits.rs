//! What keeps the sandbox alive under its users: its own accept loop with a connection cap and
//! a header-read time-out, a time-out on every request, and a body read with a limit.
//!
//! Why not `axum::serve`: it has no connection cap and no header-read time-out (a slow client
//! holds a connection, and a file descriptor, for as long as it likes; with a 256 open-file
//! limit, 500 such connections starve every real request), and it cannot drop one connection on
//! demand, which the "connection dropped" fault needs. hyper's HTTP/1 connection has the
//! header-read time-out (it also closes idle keep-alive connections), and a semaphore caps the
//! connections; over the cap a connection gets a `503` envelope and is closed at once.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode};
use axum::response::Response;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, Semaphore, watch};

use crate::checks::{Refusal, codes};
use crate::{respond, time};

/// Lets a handler close its own connection without answering (the "dropped" fault): the
/// connection's task stops serving it when notified, which closes the socket.
#[derive(Clone, Debug)]
pub(crate) struct DropConnection(Arc<Notify>);

impl DropConnection {
    /// Closes the connection; the handler's answer, if any, is never written.
    pub(crate) fn now(&self) {
        self.0.notify_one();
    }
}

/// The numbers the accept loop needs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ServeLimits {
    pub(crate) max_connections: usize,
    pub(crate) header_read_timeout: Duration,
    pub(crate) request_timeout: Duration,
}

/// A refusal as an HTTP answer: the documented envelope, as JSON.
pub(crate) fn envelope(status: StatusCode, refusal: &Refusal) -> Response {
    json(
        status,
        respond::refused(refusal.code, &refusal.msg, time::now_ms()),
    )
}

/// A JSON answer.
pub(crate) fn json(status: StatusCode, body: String) -> Response {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap_or_default()
}

/// Reads a request body, refusing (`9413`) one over `max` bytes before reading past it.
pub(crate) async fn read_body(body: Body, max: usize) -> Result<Bytes, Refusal> {
    axum::body::to_bytes(body, max).await.map_err(|_| {
        Refusal::new(
            codes::TOO_LARGE,
            format!("body is over the {max}-byte limit (or was cut off)"),
        )
    })
}

/// Serves `app` on `listener` until `stop` fires.
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ServeLimits,
    mut stop: watch::Receiver<bool>,
) {
    // A semaphore counts at most `MAX_PERMITS`: a larger cap is that many (never a panic).
    let permits = Arc::new(Semaphore::new(
        limits.max_connections.clamp(1, Semaphore::MAX_PERMITS),
    ));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(Some(limits.header_read_timeout));
    let http = Arc::new(http);
    loop {
        let accepted = tokio::select! {
            _ = stop.changed() => return,
            accepted = listener.accept() => accepted,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            // Out of file descriptors (or another passing error): wait, then go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            tokio::spawn(busy(stream, limits.max_connections));
            continue;
        };
        let (app, http, mut stop) = (app.clone(), http.clone(), stop.clone());
        tokio::spawn(async move {
            let dropper = DropConnection(Arc::new(Notify::new()));
            let killed = dropper.0.clone();
            let service = hyper::service::service_fn(move |request: Request<_>| {
                let mut app = app.clone();
                let mut request = request.map(Body::new);
                request.extensions_mut().insert(dropper.clone());
                async move {
                    let answer = tokio::time::timeout(
                        limits.request_timeout,
                        tower_service::Service::call(&mut app, request),
                    )
                    .await;
                    let mut answer = answer
                        .unwrap_or_else(|_| Ok::<_, Infallible>(timed_out(limits.request_timeout)));
                    if let Ok(answer) = &mut answer {
                        mark(answer);
                    }
                    answer
                }
            });
            let connection = http.serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                _ = connection => {}
                _ = killed.notified() => {}
                _ = stop.changed() => {}
            }
            drop(permit);
        });
    }
}

/// The value of the marker header: who answered.
const MARK: &str = concat!("paypro-mock/", env!("CARGO_PKG_VERSION"));

/// Marks an answer as the sandbox's ([`paypro_core::protocol::SANDBOX_HEADER`]): the client
/// reads the sandbox's own codes ([`crate::codes`]) as refusals only on answers so marked, never
/// on a real gateway's.
fn mark(answer: &mut Response) {
    answer.headers_mut().insert(
        axum::http::HeaderName::from_static(paypro_core::protocol::SANDBOX_HEADER),
        axum::http::HeaderValue::from_static(MARK),
    );
}

fn timed_out(limit: Duration) -> Response {
    envelope(
        StatusCode::REQUEST_TIMEOUT,
        &Refusal::new(
            codes::TIMEOUT,
            format!(
                "the request took longer than the sandbox's {} s request time-out; an order it asked for may have been created",
                limit.as_secs_f64()
            ),
        ),
    )
}

/// Over the connection cap: a `503` envelope, then the connection is closed.
async fn busy(mut stream: TcpStream, cap: usize) {
    let body = respond::refused(
        codes::BUSY,
        &format!(
            "the sandbox already serves {cap} connections (its --max-connections); nothing was read"
        ),
        time::now_ms(),
    );
    let answer = format!(
        "HTTP/1.1 503 Service Unavailable\r\n{}: {MARK}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        paypro_core::protocol::SANDBOX_HEADER,
        body.len()
    );
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        stream.write_all(answer.as_bytes()).await?;
        stream.shutdown().await
    })
    .await;
}
