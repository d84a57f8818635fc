//! Who may talk to the sandbox, checked before any handler runs.
//!
//! - **Host.** A request must name a loopback host (`localhost`, `127.0.0.0/8`, `[::1]`, any
//!   port), or the address the sandbox was bound to when that is not a loopback one (any IP
//!   address when bound to all of them). A name that is not `localhost` is never served: a web
//!   page on a name its owner makes resolve to 127.0.0.1 (DNS rebinding) would otherwise read
//!   and drive the sandbox as if it were the same origin. Refused `421`.
//! - **Origin.** A request that changes something (any method but GET, HEAD and OPTIONS) on the
//!   sandbox's own paths (`/_admin/…`, the cashier page's `/_pay/…` actions, `/_faults/…`) must
//!   send no `Origin` or the sandbox's own (`http://` and the host it was sent to, or the
//!   sandbox's URL). A `POST` without an `Origin` must also be one no web page can send
//!   without asking first: a JSON content type or the [`ADMIN_HEADER`](crate::ADMIN_HEADER).
//!   Browsers send their page's origin with every such request, so a page on another site
//!   is refused; one that sends none (an old browser) cannot set either header on a form or a
//!   no-cors request. Refused `403`.
//!
//! The gateway's endpoints (signed, JSON only) are checked for the host only; their refusal is
//! the envelope (`9421`, [`codes::HOST`]). The dashboard, the admin API and the cashier page answer a short
//! text.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use url::Host;

use crate::checks::{Refusal, codes, is_json};
use crate::limits::envelope;
use crate::{ADMIN_HEADER, Shared};

/// A host as a request names it: the host and the port (80 when none is written).
type Named = (Host<String>, u16);

/// Checks a request's host and, for a change, its origin; then runs it.
pub(crate) async fn check(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    let own_path = path == "/" || path.starts_with("/_");
    let named = match host(&request) {
        Ok(named) if allowed(&named.0, shared.addr.ip()) => named,
        refused => {
            let (status, msg) = match refused {
                Ok(_) => (StatusCode::MISDIRECTED_REQUEST, host_refused(&request)),
                Err(problem) => (StatusCode::BAD_REQUEST, problem.to_string()),
            };
            return if own_path {
                text(status, &msg)
            } else {
                envelope(status, &Refusal::new(codes::HOST, msg))
            };
        }
    };
    let changes = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if own_path && changes {
        if let Err(msg) = origin(request.headers(), request.method(), &named, &shared.origin) {
            return text(StatusCode::FORBIDDEN, &msg);
        }
    }
    next.run(request).await
}

/// A short refusal for people (the dashboard, the admin API, the cashier page).
fn text(status: StatusCode, msg: &str) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        format!("{msg}\n"),
    )
        .into_response()
}

/// The host a request names: the authority of an absolute-form target (which overrides the
/// `Host` header), else its one `Host` header.
fn host(request: &Request) -> Result<Named, &'static str> {
    if let Some(authority) = request.uri().authority() {
        return parse(authority.as_str()).ok_or("the request target's host is not a valid host");
    }
    let mut all = request.headers().get_all(header::HOST).iter();
    let (Some(value), None) = (all.next(), all.next()) else {
        return Err("a request needs exactly one Host header");
    };
    value
        .to_str()
        .ok()
        .and_then(parse)
        .ok_or("the Host header is not a valid host")
}

fn host_refused(request: &Request) -> String {
    let named = request
        .uri()
        .authority()
        .map(|a| a.as_str().to_string())
        .or_else(|| {
            request
                .headers()
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        })
        .unwrap_or_default();
    format!(
        "this sandbox answers only to a loopback host (localhost, 127.0.0.1, [::1]) or the \
         address it was bound to, not to `{}`: a name that resolves to it could be a web page's \
         (DNS rebinding)",
        named.chars().take(100).collect::<String>()
    )
}

/// `host[:port]` as written in a `Host` header or an `Origin`'s authority; `None` when it is
/// anything else (user info, a path, characters no host has).
fn parse(authority: &str) -> Option<Named> {
    if authority.is_empty()
        || !authority
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
    {
        return None;
    }
    let url = url::Url::parse(&format!("http://{authority}/")).ok()?;
    Some((url.host()?.to_owned(), url.port_or_known_default()?))
}

/// Whether the sandbox, bound to `bound`, answers to `host`.
pub(crate) fn allowed(host: &Host<String>, bound: IpAddr) -> bool {
    let ip = match host {
        Host::Domain(name) => return name == "localhost",
        Host::Ipv4(ip) => IpAddr::V4(*ip),
        Host::Ipv6(ip) => IpAddr::V6(*ip).to_canonical(),
    };
    let bound = bound.to_canonical();
    ip.is_loopback() || (!bound.is_loopback() && (bound.is_unspecified() || ip == bound))
}

/// Whether a request that changes something comes from no web page or from the sandbox's own.
fn origin(
    headers: &HeaderMap,
    method: &Method,
    named: &Named,
    sandbox: &str,
) -> Result<(), String> {
    let mut all = headers.get_all(header::ORIGIN).iter();
    match (all.next(), all.next()) {
        (None, _) => {}
        (Some(value), None) => {
            let text = value.to_str().unwrap_or("(not text)");
            return match web_origin(text) {
                Some(o) if &o == named || Some(&o) == web_origin(sandbox).as_ref() => Ok(()),
                _ => Err(format!(
                    "a request from another origin (`{}`) may not change the sandbox: only its \
                     own pages (origin http://{}) and programs (no Origin) may",
                    text.chars().take(100).collect::<String>(),
                    authority(named)
                )),
            };
        }
        (Some(_), Some(_)) => {
            return Err(
                "a request with two Origin headers may not change the sandbox (no browser sends two)"
                    .into(),
            );
        }
    }
    if method != Method::POST {
        // Not a method a page on another site can use without asking first.
        return Ok(());
    }
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(is_json);
    if json || headers.contains_key(ADMIN_HEADER) {
        Ok(())
    } else {
        Err(format!(
            "a POST without an Origin must send `content-type: application/json` or the header \
             `{ADMIN_HEADER}: 1`, which no web page on another site can send: the sandbox takes \
             no form or simple request from a page that is not its own"
        ))
    }
}

/// An `http` origin (`http://host[:port]`, as browsers send it) as a host and port.
fn web_origin(text: &str) -> Option<Named> {
    let url = url::Url::parse(text).ok()?;
    if url.scheme() != "http" || url.path() != "/" || url.query().is_some() {
        return None;
    }
    Some((url.host()?.to_owned(), url.port_or_known_default()?))
}

fn authority((host, port): &Named) -> String {
    match port {
        80 => host.to_string(),
        port => format!("{host}:{port}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(text: &str) -> Host<String> {
        parse(text).unwrap_or_else(|| panic!("{text} parses")).0
    }

    #[test]
    fn loopback_names_are_served_wherever_the_sandbox_is_bound() {
        for bound in ["127.0.0.1", "::1", "10.1.2.3", "0.0.0.0", "::"] {
            let bound: IpAddr = bound.parse().unwrap();
            for name in [
                "localhost",
                "LOCALHOST:8080",
                "127.0.0.1:1",
                "127.255.0.9",
                "127.1",
                "0x7f000001",
                "[::1]:8080",
                "[::ffff:127.0.0.1]",
            ] {
                assert!(allowed(&host(name), bound), "{name} on {bound}");
            }
            for name in [
                "rebind.example",
                "localhost.",
                "app.localhost",
                "localhost.rebind.example",
                "127.0.0.1.nip.io",
            ] {
                assert!(!allowed(&host(name), bound), "{name} on {bound}");
            }
        }
    }

    #[test]
    fn a_non_loopback_bind_also_serves_its_own_address() {
        let bound: IpAddr = "10.1.2.3".parse().unwrap();
        assert!(allowed(&host("10.1.2.3:8080"), bound));
        assert!(allowed(&host("10.1.2.3"), bound));
        assert!(!allowed(&host("10.1.2.4:8080"), bound));
        assert!(!allowed(&host("192.168.0.1"), bound));
        let v6: IpAddr = "2001:db8::5".parse().unwrap();
        assert!(allowed(&host("[2001:db8::5]:8080"), v6));
        assert!(!allowed(&host("[2001:db8::6]"), v6));
        // Bound to every address: any address names it, a name still does not.
        for everywhere in ["0.0.0.0", "::"] {
            let everywhere: IpAddr = everywhere.parse().unwrap();
            assert!(allowed(&host("10.9.8.7:8080"), everywhere));
            assert!(allowed(&host("[2001:db8::7]"), everywhere));
            assert!(!allowed(&host("sandbox.internal:8080"), everywhere));
        }
        // Bound to loopback: another machine's address is someone else's.
        let local: IpAddr = "127.0.0.1".parse().unwrap();
        assert!(!allowed(&host("10.1.2.3"), local));
        assert!(!allowed(&host("0.0.0.0"), local));
    }

    #[test]
    fn only_a_plain_host_and_port_is_a_host() {
        for bad in [
            "",
            "a@127.0.0.1",
            "127.0.0.1/x",
            "127.0.0.1:99999",
            "127.0.0.1 ",
            "[::1",
            "localhost:8080?",
            "ex%61mple",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
        assert_eq!(parse("127.0.0.1").unwrap().1, 80);
        assert_eq!(parse("127.0.0.1:8080").unwrap().1, 8080);
    }
}
