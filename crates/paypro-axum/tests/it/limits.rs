//! The example receiver's limits, over loopback TCP: half-open connections (slowloris) are
//! closed after the header-read time-out and a genuine callback is still served; a body that
//! never arrives gets 408; connections beyond the cap wait for a free slot.
//!
//! Every wait is bounded generously (`BOUND`); nothing asserts how fast anything is.

use crate::example as receiver;

use std::net::SocketAddr;
use std::time::Duration;

use crate::support::{State, create_order, performed, state};
use paypro_core::order::Action;
use paypro_id::{Secret, sign_body};
use receiver::Limits;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The longest any step may take before the test gives up.
const BOUND: Duration = Duration::from_secs(60);
const SECRET: &str = "TESTSECRET";
const CALLBACK: &str = r#"{"platFormTradeNo":"5286e988","tradeNo":"order-1","amount":"30000","status":"0000","message":"SUCCESS","timestamp":"1724740395968"}"#;
/// A request head that never ends.
const HALF_HEAD: &[u8] =
    b"POST /paypro/notify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";

/// The example receiver with one order (`order-1`, 30000), served within `limits`.
async fn start(limits: Limits) -> (State, SocketAddr) {
    let state = state().await;
    assert!(create_order(&state, "order-1", 30_000).await.unwrap());
    // Not a TestServer: this listener serves the example receiver under test.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(receiver::serve(listener, state.clone().app(), limits));
    (state, addr)
}

/// Posts the genuine, signed callback; its status and body.
async fn genuine_callback(addr: SocketAddr) -> (u16, String) {
    let body = sign_body(CALLBACK, &Secret::new(SECRET).unwrap()).unwrap();
    let send = reqwest::Client::new()
        .post(format!("http://{addr}/paypro/notify"))
        .header("content-type", "application/json")
        .body(body)
        .send();
    let response = tokio::time::timeout(BOUND, send)
        .await
        .expect("the genuine callback is answered within the bound")
        .expect("the receiver answers");
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// Opens a connection and sends `bytes`, then holds it.
async fn open(addr: SocketAddr, bytes: &[u8]) -> TcpStream {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(bytes).await.unwrap();
    stream
}

/// Reads until the server closes the connection (or resets it); what it sent.
async fn read_until_closed(stream: &mut TcpStream) -> Vec<u8> {
    let mut got = Vec::new();
    let read = tokio::time::timeout(BOUND, async {
        let mut buf = [0u8; 1024];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    });
    read.await
        .expect("the server closes the connection within the bound");
    got
}

async fn fulfilled(state: &State) -> usize {
    performed(state)
        .await
        .iter()
        .filter(|t| matches!(t.action, Action::Fulfil { .. }))
        .count()
}

#[tokio::test]
async fn half_open_connections_are_closed_and_a_genuine_callback_is_still_served() {
    let limits = Limits {
        header_read_timeout: Duration::from_millis(200),
        request_timeout: Duration::from_secs(5),
        max_connections: 8,
    };
    let (state, addr) = start(limits).await;

    // Far more half-open connections than the cap, all held.
    let mut attackers = Vec::new();
    for _ in 0..100 {
        attackers.push(open(addr, HALF_HEAD).await);
    }

    assert_eq!(genuine_callback(addr).await, (200, "OK".to_string()));
    assert_eq!(fulfilled(&state).await, 1);

    // The server closed every one of them: none holds a slot (or a file descriptor) forever.
    for stream in &mut attackers {
        let answer = read_until_closed(stream).await;
        assert!(
            !String::from_utf8_lossy(&answer).contains("200 OK"),
            "a half-open request is never served"
        );
    }
}

#[tokio::test]
async fn a_request_whose_body_never_arrives_gets_408() {
    let limits = Limits {
        request_timeout: Duration::from_millis(300),
        ..Limits::default()
    };
    let (state, addr) = start(limits).await;

    let head = b"POST /paypro/notify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"tradeNo\":";
    let mut stream = open(addr, head).await;
    let answer = String::from_utf8_lossy(&read_until_closed(&mut stream).await).into_owned();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(state.taken().is_empty());

    // The receiver still serves genuine callbacks.
    assert_eq!(genuine_callback(addr).await, (200, "OK".to_string()));
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_for_a_free_slot() {
    let limits = Limits {
        header_read_timeout: BOUND * 2, // the held connections are not timed out here
        max_connections: 4,
        ..Limits::default()
    };
    let (state, addr) = start(limits).await;

    let mut held = Vec::new();
    for _ in 0..4 {
        held.push(open(addr, HALF_HEAD).await);
    }
    // Connected after the four, so accepted after them: it waits for a slot.
    let waiting = tokio::spawn(genuine_callback(addr));
    // With every slot held, the callback cannot be served, however long this pause is; a
    // receiver without a cap would have served it by now.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(state.taken().is_empty(), "served beyond the connection cap");
    assert!(!waiting.is_finished());

    drop(held.pop()); // one slot frees
    assert_eq!(waiting.await.unwrap(), (200, "OK".to_string()));
    assert_eq!(fulfilled(&state).await, 1);
}
