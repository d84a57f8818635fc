//! Turning an HTTP answer into a typed reply or a classified error: shared by the async and
//! blocking clients.

use serde::Serialize;

use super::Error;
use crate::descriptor::{OuterOutcome, Unaccepted, outer_code, sandbox_code};
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

/// Who answered: the sandbox's own codes are read as refusals only on its marked answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Answerer {
    /// Any server: only Paypro's documented codes are known.
    Gateway,
    /// An answer carrying [`crate::protocol::SANDBOX_HEADER`].
    Sandbox,
}

impl Answerer {
    /// Reads the marker off an answer's headers.
    pub(crate) fn of(headers: &reqwest::header::HeaderMap) -> Answerer {
        if headers.contains_key(crate::protocol::SANDBOX_HEADER) {
            Answerer::Sandbox
        } else {
            Answerer::Gateway
        }
    }
}

/// Reads a complete answer. Only an HTTP 2xx answer is read at all; `unaccepted` says how an
/// outer code other than the accepted one is classified.
pub(crate) fn decode<T: FromRaw>(
    status: u16,
    body: &[u8],
    unaccepted: Unaccepted,
    answerer: Answerer,
) -> Result<Reply<T>, Error> {
    if let Some(problem) = not_an_answer(status) {
        return Err(Error::unreadable(status, body, problem));
    }
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
        Ok(envelope) => Err(not_accepted(
            envelope.code,
            envelope.msg.unwrap_or_default(),
            status,
            unaccepted,
            answerer,
        )),
        Err(e) => Err(Error::unreadable(status, body, e.to_string())),
    }
}

/// Why an HTTP status is not an answer to read: anything but 2xx. A redirect is never
/// followed (the signed body would be sent again, perhaps elsewhere) and an error status says
/// nothing reliable about the request, whatever its body claims.
fn not_an_answer(status: u16) -> Option<String> {
    match status {
        200..=299 => None,
        300..=399 => Some(format!(
            "HTTP {status} is a redirect, which is never followed: the request may have been processed where it was sent"
        )),
        _ => Some(format!(
            "HTTP {status} is not an answer to the request: it may have been processed"
        )),
    }
}

/// An HTTP 2xx answer whose outer code is not the accepted one: a refusal only where the spec
/// lists the code as one (Paypro's table; the sandbox's too on its own marked answers);
/// otherwise uncertain.
fn not_accepted(
    code: String,
    msg: String,
    http_status: u16,
    unaccepted: Unaccepted,
    answerer: Answerer,
) -> Error {
    let known = match answerer {
        Answerer::Sandbox => outer_code(&code).or_else(|| sandbox_code(&code)),
        Answerer::Gateway => outer_code(&code),
    };
    let meaning = match unaccepted {
        Unaccepted::Processing => Some(
            "this endpoint's docs say every code but 0000 means the order is being processed: wait for the notification or query it",
        ),
        _ => match known {
            Some(known) if known.outcome == OuterOutcome::Refused => {
                return Error::Rejected {
                    code,
                    msg,
                    http_status,
                };
            }
            Some(known) => Some(known.meaning),
            None => None,
        },
    };
    Error::Uncertain {
        code,
        msg,
        http_status,
        meaning,
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

    fn by_code<T: FromRaw>(status: u16, body: &[u8]) -> Result<Reply<T>, Error> {
        decode(status, body, Unaccepted::ByCode, Answerer::Sandbox)
    }

    fn from_gateway<T: FromRaw>(body: &[u8]) -> Result<Reply<T>, Error> {
        decode(200, body, Unaccepted::ByCode, Answerer::Gateway)
    }

    /// The sandbox's codes are its own: from a server that does not mark its answers as the
    /// sandbox's, `9402` proves nothing (Paypro documents no refusal codes), so money may have
    /// moved.
    #[test]
    fn a_sandbox_code_from_an_unmarked_answer_is_uncertain() {
        for known in crate::protocol::SANDBOX_CODES {
            let body = format!(r#"{{"code":"{}","msg":"m"}}"#, known.code);
            match from_gateway::<bool>(body.as_bytes()) {
                Err(e @ Error::Uncertain { meaning: None, .. }) => {
                    assert!(e.may_have_moved_money(), "{}", known.code)
                }
                other => panic!("{}: {other:?}", known.code),
            }
            let marked = by_code::<bool>(200, body.as_bytes());
            match known.outcome {
                OuterOutcome::Refused => {
                    assert!(matches!(marked, Err(Error::Rejected { .. })), "{marked:?}")
                }
                _ => assert!(matches!(marked, Err(Error::Uncertain { .. })), "{marked:?}"),
            }
        }
        // No code of Paypro's own table is a refusal: the docs publish none.
        assert!(
            crate::protocol::OUTER_CODES
                .iter()
                .all(|c| c.outcome != OuterOutcome::Refused)
        );
    }

    #[test]
    fn classifies_envelopes() {
        let ok: Reply<bool> =
            by_code(200, br#"{"code":"0000","msg":"success","data":true}"#).unwrap();
        assert!(ok.data);
        // A refusal code the spec lists: nothing happened.
        match by_code::<bool>(200, br#"{"code":"9402","msg":"sign error"}"#) {
            Err(Error::Rejected {
                code,
                msg,
                http_status: 200,
            }) => {
                assert_eq!((code.as_str(), msg.as_str()), ("9402", "sign error"));
            }
            other => panic!("{other:?}"),
        }
        match by_code::<bool>(502, b"<html>Bad Gateway</html>") {
            Err(Error::Unreadable {
                status: 502, body, ..
            }) => assert_eq!(body, "<html>Bad Gateway</html>"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            by_code::<bool>(200, br#"{"code":"0000"}"#),
            Err(Error::Unreadable { .. })
        ));
        assert!(matches!(
            by_code::<bool>(200, &[0xff, 0xfe]),
            Err(Error::Unreadable { .. })
        ));
    }

    #[test]
    fn system_errors_and_unknown_codes_are_uncertain() {
        for (code, meaning) in [
            ("8000", Some("SYSTEM ERROR.")),
            (
                "5000",
                Some("System operation exception: contact Paypro support."),
            ),
            ("00032", Some("UNKNOWN_ERROR.")),
            ("1001", None),
            ("502", None),
            ("", None),
        ] {
            let body = format!(r#"{{"code":"{code}","msg":"m"}}"#);
            match by_code::<bool>(200, body.as_bytes()) {
                Err(e @ Error::Uncertain { .. }) => {
                    assert!(e.may_have_moved_money());
                    let Error::Uncertain { meaning: m, .. } = e else {
                        unreachable!()
                    };
                    assert_eq!(m, meaning, "{code}");
                }
                other => panic!("{code}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_non_2xx_answer_is_never_a_refusal_whatever_its_body() {
        let refusal = br#"{"code":"9402","msg":"sign error","data":null}"#;
        let accepted = br#"{"code":"0000","msg":"success","data":true}"#;
        for status in [301, 302, 307, 308, 400, 404, 409, 500, 502, 503] {
            for body in [&refusal[..], &accepted[..], b"", b"<html>x</html>"] {
                match by_code::<bool>(status, body) {
                    Err(e @ Error::Unreadable { .. }) => assert!(e.may_have_moved_money()),
                    other => panic!("{status}: {other:?}"),
                }
            }
        }
    }

    #[test]
    fn processing_endpoints_never_read_a_code_as_a_refusal() {
        match decode::<bool>(
            200,
            br#"{"code":"9402","msg":"x"}"#,
            Unaccepted::Processing,
            Answerer::Sandbox,
        ) {
            Err(Error::Uncertain {
                meaning: Some(m), ..
            }) => assert!(m.contains("being processed")),
            other => panic!("{other:?}"),
        }
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
