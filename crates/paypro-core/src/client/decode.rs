//! Turning an HTTP answer into a typed reply or a classified error: shared by the async and
//! blocking clients.

use serde::Serialize;

use super::Error;
use crate::{Envelope, Extra, FromRaw};

/// An accepted answer (outer `code` = `0000`) with its typed `data`.
///
/// Acceptance says only that Paypro took the request; the transaction's state is the `status`
/// inside `data` (where the endpoint has one).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Reply<T> {
    /// The typed `data`.
    pub data: T,
    /// The outer `msg`.
    pub msg: Option<String>,
    /// The gateway's time, milliseconds.
    pub timestamp: Option<u64>,
    /// Top-level envelope fields the spec does not know.
    pub extra: Extra,
    /// The HTTP status.
    pub http_status: u16,
}

/// Reads a complete answer.
pub(crate) fn decode<T: FromRaw>(status: u16, body: &[u8]) -> Result<Reply<T>, Error> {
    let Ok(text) = std::str::from_utf8(body) else {
        return Err(Error::unreadable(status, body, "the body is not UTF-8"));
    };
    match Envelope::<T>::parse(text) {
        Ok(envelope) if envelope.is_accepted() => match envelope.data {
            Some(data) => Ok(Reply {
                data,
                msg: envelope.msg,
                timestamp: envelope.timestamp,
                extra: envelope.extra,
                http_status: status,
            }),
            None => Err(Error::unreadable(
                status,
                body,
                "accepted (code 0000) but without `data`",
            )),
        },
        Ok(envelope) => Err(Error::Rejected {
            code: envelope.code,
            msg: envelope.msg.unwrap_or_default(),
            http_status: status,
        }),
        Err(e) => Err(Error::unreadable(status, body, e.to_string())),
    }
}

/// Classifies a transport error: only a failure to connect proves nothing was sent.
pub(crate) fn transport_error(e: reqwest::Error) -> Error {
    if e.is_connect() || e.is_builder() {
        Error::not_sent(describe(&e), Some(Box::new(e) as _))
    } else if e.is_timeout() {
        Error::unknown("timed out waiting for the answer", Some(Box::new(e) as _))
    } else {
        Error::unknown(describe(&e), Some(Box::new(e) as _))
    }
}

/// A reqwest error with its causes, on one line.
fn describe(e: &reqwest::Error) -> String {
    let mut out = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

/// Accumulates a body up to a limit.
pub(crate) struct BodyBuffer {
    pub(crate) bytes: Vec<u8>,
    limit: usize,
}

impl BodyBuffer {
    pub(crate) fn new(limit: usize, declared: Option<u64>, status: u16) -> Result<Self, Error> {
        if declared.is_some_and(|n| n > limit as u64) {
            return Err(Error::unreadable(
                status,
                b"",
                format!(
                    "the answer declares {} bytes, over the {limit}-byte limit",
                    declared.unwrap_or(0)
                ),
            ));
        }
        Ok(BodyBuffer {
            bytes: Vec::with_capacity(declared.map_or(0, |n| n as usize)),
            limit,
        })
    }

    pub(crate) fn push(&mut self, chunk: &[u8], status: u16) -> Result<(), Error> {
        if self.bytes.len() + chunk.len() > self.limit {
            return Err(Error::unreadable(
                status,
                &self.bytes,
                format!("the answer is over the {}-byte limit", self.limit),
            ));
        }
        self.bytes.extend_from_slice(chunk);
        Ok(())
    }

    /// The connection failed while the body was arriving.
    pub(crate) fn cut_off(&self, status: u16, e: reqwest::Error) -> Error {
        if e.is_timeout() {
            Error::unknown(
                "timed out while the answer was arriving",
                Some(Box::new(e) as _),
            )
        } else {
            Error::unreadable(
                status,
                &self.bytes,
                format!("the answer was cut off: {}", describe(&e)),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_envelopes() {
        let ok: Reply<bool> =
            decode(200, br#"{"code":"0000","msg":"success","data":true}"#).unwrap();
        assert!(ok.data);
        match decode::<bool>(200, br#"{"code":"1001","msg":"sign error"}"#) {
            Err(Error::Rejected {
                code,
                msg,
                http_status: 200,
            }) => {
                assert_eq!((code.as_str(), msg.as_str()), ("1001", "sign error"));
            }
            other => panic!("{other:?}"),
        }
        match decode::<bool>(502, b"<html>Bad Gateway</html>") {
            Err(Error::Unreadable {
                status: 502, body, ..
            }) => assert_eq!(body, "<html>Bad Gateway</html>"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            decode::<bool>(200, br#"{"code":"0000"}"#),
            Err(Error::Unreadable { .. })
        ));
        assert!(matches!(
            decode::<bool>(200, &[0xff, 0xfe]),
            Err(Error::Unreadable { .. })
        ));
    }

    #[test]
    fn body_limit() {
        assert!(BodyBuffer::new(10, Some(11), 200).is_err());
        let mut b = BodyBuffer::new(10, None, 200).unwrap();
        b.push(b"12345", 200).unwrap();
        assert!(matches!(
            b.push(b"123456", 200),
            Err(Error::Unreadable { .. })
        ));
    }
}
