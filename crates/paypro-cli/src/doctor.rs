//! `paypro doctor CC`: one screen on whether this machine can talk to a gateway with these
//! credentials, using read-only calls only.
//!
//! 0. **Base URL**: checked by the client's own rule (an http(s) URL with a host, no user name
//!    or password, no query); shown without a user name or password.
//! 1. **Reachability**: a TCP connection to the base URL's host and port.
//! 2. **TLS** (https): the signed call below completes its handshake. **Answer**: Paypro
//!    answers what it serves with HTTP 2xx and its JSON envelope; anything else (a 404 at a
//!    path it does not serve, a proxy's page) is a wrong base URL or path, and the doctor stops
//!    there: such an answer says nothing about the credentials.
//! 3. **Clock skew**: the answer envelope's `timestamp` against this machine's clock, with
//!    checked arithmetic; a value that is no time near this one is reported as such.
//! 4. **Merchant number**: whether the gateway accepted a signed call from it.
//! 5. **Signing rule**: the call is signed with the spec's secret placement. If it is not
//!    accepted, the same call signed with a certainly wrong secret shows how this gateway
//!    answers a bad signature; an answer unlike that one means the signature passed (the probe
//!    itself was answered). If the spec's placement is answered like a bad signature, the
//!    documented alternative is tried: answered otherwise, it is the gateway's rule.
//!
//! The probe is the country's balance endpoint, or where there is none, a query for a
//! `tradeNo` no order has (`paypro-doctor-<ms>`). Nothing that moves money is ever sent.
//! Outcomes are decided by the answers' HTTP status and outer codes, never by their text; what
//! the gateway said is shown by the rule for received text (`paypro_core::untrusted::text`).

use std::fmt::Write as _;
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

use paypro_all::ops;
use paypro_core::client::Config;
use paypro_core::descriptor::{CountryDescriptor, Effect, EndpointDescriptor, Role};
use paypro_core::protocol::{ACCEPTED_CODE, envelope};
use paypro_core::untrusted;
use paypro_core::{Credentials, RawObject, Secret, SecretPlacement};

use crate::country_call::with_connection;
use crate::fail::{Exit, Fail};
use crate::{Creds, output, secret};

/// How long each step may take, without `--timeout`.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// A clock further off than this is worth fixing (the docs state no tolerance).
const SKEW_WARNING_MS: u64 = 5_000;
/// The largest answer read.
const MAX_ANSWER: usize = 1024 * 1024;

pub fn run(c: &'static CountryDescriptor, creds: &Creds) -> Result<(), Fail> {
    let timeout = match creds.timeout {
        Some(0) => return Err(Fail::usage("--timeout must be at least 1 second")),
        Some(secs) => Duration::from_secs(secs),
        None => DEFAULT_TIMEOUT,
    };
    let merchant_no = crate::country_call::need_merchant_no(creds)?;
    let secret = secret::need_secret(creds)?;
    let base = base_url(c, creds, &merchant_no, &secret)?;
    let probe = probe(c);

    let mut report = Report::default();
    report.line(format_args!(
        "paypro doctor {} ({}): {}, merchant {}",
        c.code,
        c.name,
        untrusted::text(&untrusted::url(base.as_str())),
        untrusted::text(&merchant_no)
    ));

    // 1. Reachability.
    let (host, port) = (
        base.host_str().unwrap_or_default(),
        base.port_or_known_default().unwrap_or(443),
    );
    match reach(host, port, timeout) {
        Ok(addr) => report.ok("reachable", format_args!("{host}:{port} ({addr})")),
        Err(why) => {
            report.fail("reachable", format_args!("{host}:{port}: {why}"));
            report.print()?;
            return Err(Fail::new(
                Exit::NotSent,
                format!("{host}:{port} cannot be reached; nothing was sent"),
            ));
        }
    }

    // 2-5. The signed read-only call, with the spec's placement first.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Fail::new(Exit::NotSent, format!("cannot start: {e}")))?;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(timeout)
        .timeout(timeout)
        .build()
        .map_err(|e| Fail::new(Exit::NotSent, format!("no HTTP client: {e}")))?;
    let call_with = |make: &dyn Fn(SecretPlacement) -> Secret, placement: SecretPlacement| {
        let credentials = Credentials::new(merchant_no.clone(), make(placement));
        runtime.block_on(send(&http, &base, c, &probe, &credentials))
    };
    let call =
        |placement: SecretPlacement| call_with(&|p| secret.clone().with_placement(p), placement);
    let spec_placement = secret.placement();
    let first = call(spec_placement)?;
    let first = match first {
        Outcome::Answer(a) => a,
        Outcome::NoConnection(why) => {
            let what = if base.scheme() == "https" {
                "TLS"
            } else {
                "HTTP"
            };
            report.fail(
                what,
                format_args!("the TCP connection works but the call did not: {why}"),
            );
            report.print()?;
            return Err(Fail::new(
                Exit::NotSent,
                format!("no {what} exchange with {host}:{port}"),
            ));
        }
        Outcome::NoAnswer(why) => {
            report.fail("answer", format_args!("{why}"));
            report.print()?;
            return Err(Fail::new(
                Exit::OutcomeUnknown,
                "the gateway did not answer a read-only call in time",
            ));
        }
    };
    if base.scheme() == "https" {
        report.ok("TLS", format_args!("handshake completed"));
    }
    let asked = format!(
        "{} `{}` ({})",
        probe.label,
        probe.endpoint.path,
        untrusted::text(&untrusted::url(&probe.url(&base)))
    );
    // Paypro answers every call it serves with HTTP 2xx: anything else (a 404 at a path it
    // does not serve, a proxy's page) says nothing about the credentials, so nothing more is
    // concluded from it.
    if !(200..300).contains(&first.http_status) {
        let why = match first.http_status {
            300..=399 => "a redirect, which is not followed",
            500..=599 => "a server error (the gateway or a proxy in front of it failed)",
            _ => "not an answer from Paypro's API",
        };
        report.fail(
            "answer",
            format_args!(
                "HTTP {} to {asked}: {why}; wrong base URL or path? The base URL is the gateway's, without the endpoint's path (that is appended)",
                first.http_status
            ),
        );
        report.print()?;
        return Err(Fail::new(
            Exit::Unreadable,
            format!(
                "the read-only call was answered HTTP {}: wrong base URL or path; nothing about the credentials could be checked",
                first.http_status
            ),
        ));
    }
    report.ok(
        "answer",
        format_args!(
            "HTTP {} to {asked} in {} ms",
            first.http_status, first.elapsed_ms
        ),
    );
    let Some(first_code) = first.code.clone() else {
        report.fail(
            "envelope",
            format_args!(
                "the answer (HTTP {}) is not Paypro's JSON envelope: wrong base URL or path? The base URL is the gateway's, without the endpoint's path",
                first.http_status
            ),
        );
        report.print()?;
        return Err(Fail::new(
            Exit::Unreadable,
            "the answer is not Paypro's envelope: wrong base URL or path; nothing about the credentials could be checked",
        ));
    };
    match &first.clock {
        GatewayClock::Skew(skew) if skew.unsigned_abs() > SKEW_WARNING_MS => report.warn(
            "clock",
            format_args!(
                "this machine is {} ms {} the gateway's clock: fix it (NTP); signed timestamps far off may be refused",
                skew.unsigned_abs(),
                if *skew > 0 { "ahead of" } else { "behind" }
            ),
        ),
        GatewayClock::Skew(skew) => report.ok(
            "clock",
            format_args!("within {} ms of the gateway's", skew.unsigned_abs().max(1)),
        ),
        GatewayClock::Absurd { text, seconds } => report.warn(
            "clock",
            format_args!(
                "the gateway's timestamp `{}` is not a plausible time (milliseconds since 1970, within {} years of this machine's clock){}: its clock cannot be compared; if calls are refused for their timestamps, ask Paypro",
                untrusted::text(text),
                PLAUSIBLE_YEARS,
                if *seconds {
                    "; read as seconds, it would be"
                } else {
                    ""
                }
            ),
        ),
        GatewayClock::Missing => report.warn(
            "clock",
            format_args!("the answer carries no envelope timestamp to compare with"),
        ),
    }
    if first_code == ACCEPTED_CODE {
        report.ok(
            "merchant",
            format_args!("{merchant_no} is known: a call signed with its secret was accepted"),
        );
        report.ok(
            "signing",
            format_args!(
                "the secret {spec_placement}ed ({}) is accepted",
                whose(spec_placement)
            ),
        );
        return report.print();
    }

    // Not accepted. First learn how this gateway answers a signature it cannot match: the same
    // call signed with a secret that is certainly wrong. Codes then tell the cases apart.
    let wrong = match call_with(
        &|placement| {
            Secret::new(format!("{}#paypro-doctor-wrong", secret.expose()))
                .expect("not blank")
                .with_placement(placement)
        },
        spec_placement,
    )? {
        Outcome::Answer(a) => a,
        Outcome::NoConnection(why) | Outcome::NoAnswer(why) => {
            return inconclusive(report, &first, why);
        }
    };
    let refusal = wrong.code.clone();
    if refusal.as_deref() == Some(ACCEPTED_CODE) {
        report.fail(
            "signing",
            format_args!(
                "the gateway accepted a call signed with a wrong secret: it does not check signatures, so nothing here can be trusted (is this the gateway?)"
            ),
        );
        report.print()?;
        return Err(Fail::new(
            Exit::Refused,
            "the gateway does not check signatures",
        ));
    }
    if first.code != refusal {
        // The signature passed; the probe itself was answered (an order that does not exist).
        report.ok(
            "merchant",
            format_args!(
                "{merchant_no} is known: the gateway answered {} to the signed call, and {} to a wrongly signed one",
                first.describe(),
                wrong.describe()
            ),
        );
        report.ok(
            "signing",
            format_args!(
                "the secret {spec_placement}ed ({}) passes the signature check",
                whose(spec_placement)
            ),
        );
        return report.print();
    }
    // Refused like a wrong signature: is it the placement? The same call with the other one.
    let other = spec_placement.other();
    let second = match call(other)? {
        Outcome::Answer(a) => a,
        Outcome::NoConnection(why) | Outcome::NoAnswer(why) => {
            return inconclusive(report, &first, why);
        }
    };
    let verdict = if second.code != refusal {
        report.ok(
            "merchant",
            format_args!(
                "{merchant_no} is known: with the secret {other}ed the gateway answered {}",
                second.describe()
            ),
        );
        report.fail(
            "signing",
            format_args!(
                "the gateway refuses the secret {spec_placement}ed ({}, as it refuses a wrong secret) and accepts it {other}ed. Sign with it: `--secret-placement {other}` or PAYPRO_SECRET_PLACEMENT={other} for this tool, and Config::secret_placement(SecretPlacement::{}) in code using the library; if the spec's rule is the refused one, tell us, so the spec can change",
                first.describe(),
                match other {
                    SecretPlacement::Prepend => "Prepend",
                    _ => "Append",
                }
            ),
        );
        Err(Fail::new(
            Exit::Refused,
            format!("the gateway accepts only the secret {other}ed"),
        ))
    } else {
        report.fail(
            "merchant",
            format_args!(
                "refused whichever the placement, exactly as a wrong secret is ({}): the signing rule is not the cause. Check the merchant number and that the secret is this merchant's app secret for this environment (sandbox and production differ)",
                first.describe()
            ),
        );
        Err(Fail::new(
            Exit::Refused,
            format!(
                "the gateway refused both placements with {}",
                first.describe()
            ),
        ))
    };
    report.print()?;
    verdict
}

/// Says so when a follow-up call got no answer, and ends with "outcome unknown".
fn inconclusive(report: Report, first: &Answer, why: String) -> Result<(), Fail> {
    let mut report = report;
    report.fail(
        "signing",
        format_args!(
            "the signed call was answered {}, but a follow-up call got no answer: {why}",
            first.describe()
        ),
    );
    report.print()?;
    Err(Fail::new(
        Exit::OutcomeUnknown,
        "the signing rule could not be settled",
    ))
}

/// Who chose a placement, for the report.
fn whose(placement: SecretPlacement) -> &'static str {
    if placement == SecretPlacement::SPEC {
        "as the spec says"
    } else {
        "as set by --secret-placement, not the spec's rule"
    }
}

/// The read-only call the doctor makes.
struct Probe {
    endpoint: &'static EndpointDescriptor,
    json: String,
    label: &'static str,
}

impl Probe {
    /// Where it is sent: the endpoint's path after the base URL.
    fn url(&self, base: &reqwest::Url) -> String {
        format!(
            "{}{}",
            base.as_str().trim_end_matches('/'),
            self.endpoint.path
        )
    }
}

/// The base URL (`--base-url` or PAYPRO_BASE_URL, else the country's documented sandbox),
/// checked by the client's own rule, so the doctor calls only what a call would.
fn base_url(
    c: &'static CountryDescriptor,
    creds: &Creds,
    merchant_no: &str,
    secret: &Secret,
) -> Result<reqwest::Url, Fail> {
    let config = with_connection(Config::new(merchant_no, secret.clone()), creds)?;
    paypro_core::client::Client::new(c, config)?;
    let given = match (&creds.base_url, c.sandbox_base_url) {
        (Some(url), _) => url.trim(),
        (None, Some(url)) => url,
        // The client refuses this already (a country whose docs give no sandbox).
        (None, None) => {
            return Err(Fail::usage(
                "no base URL: set PAYPRO_BASE_URL or --base-url",
            ));
        }
    };
    reqwest::Url::parse(given).map_err(|e| {
        Fail::usage(format!(
            "the base URL `{}` is not usable: {e}",
            untrusted::text(&untrusted::url(given))
        ))
    })
}

/// The balance endpoint, or a query for an order that does not exist.
fn probe(c: &'static CountryDescriptor) -> Probe {
    let read_only = |role: Role| {
        c.endpoints
            .iter()
            .copied()
            .find(|e| e.role == role && e.effect == Effect::ReadOnly)
    };
    if let Some(endpoint) = read_only(Role::Balance) {
        return Probe {
            endpoint,
            json: "{}".into(),
            label: "the balance endpoint",
        };
    }
    let endpoint = read_only(Role::QueryPayIn)
        .or_else(|| {
            c.endpoints
                .iter()
                .copied()
                .find(|e| e.effect == Effect::ReadOnly && e.field("tradeNo").is_some())
        })
        .expect("every country has a read-only query by tradeNo");
    let ms = paypro_core::Clock::now_millis(&paypro_core::SystemClock);
    Probe {
        endpoint,
        json: serde_json::json!({ "tradeNo": format!("paypro-doctor-{ms}") }).to_string(),
        label: "a query for an order that does not exist",
    }
}

/// A TCP connection to `host:port`: the address that answered, or why none did.
fn reach(host: &str, port: u16, timeout: Duration) -> Result<String, String> {
    let addrs: Vec<_> = (host, port)
        .to_socket_addrs()
        .map_err(|e| format!("the name does not resolve: {e}"))?
        .collect();
    let mut last = String::from("no address");
    for addr in addrs {
        match TcpStream::connect_timeout(&addr, timeout) {
            Ok(_) => return Ok(addr.to_string()),
            Err(e) => last = format!("{addr}: {e}"),
        }
    }
    Err(last)
}

/// What one signed call got.
enum Outcome {
    Answer(Answer),
    /// No HTTP exchange: the connection or the TLS handshake failed.
    NoConnection(String),
    /// Sent, no answer in time.
    NoAnswer(String),
}

struct Answer {
    http_status: u16,
    code: Option<String>,
    msg: Option<String>,
    clock: GatewayClock,
    elapsed_ms: u128,
}

/// The gateway's clock, from the answer envelope's `timestamp`.
enum GatewayClock {
    /// This machine's clock minus the gateway's, in milliseconds.
    Skew(i64),
    /// A timestamp that is no time near this one (negative, not an integer, too large, or
    /// more than [`PLAUSIBLE_YEARS`] away): its text, and whether it would be one in seconds.
    Absurd { text: String, seconds: bool },
    /// No timestamp.
    Missing,
}

/// A gateway clock further off than this is taken for a value that is not a time at all.
const PLAUSIBLE_YEARS: u64 = 10;

impl GatewayClock {
    /// `theirs` (the envelope's timestamp text) against `ours` (milliseconds since the epoch),
    /// with checked arithmetic: a hostile value is reported, never overflowed.
    fn of(theirs: Option<String>, ours: u64) -> GatewayClock {
        let Some(text) = theirs else {
            return GatewayClock::Missing;
        };
        const YEAR_MS: u64 = 365 * 24 * 3_600 * 1_000 + 6 * 3_600 * 1_000;
        let skew = |theirs: u64| {
            let (ours, theirs) = (i64::try_from(ours).ok()?, i64::try_from(theirs).ok()?);
            ours.checked_sub(theirs)
                .filter(|skew| skew.unsigned_abs() <= PLAUSIBLE_YEARS * YEAR_MS)
        };
        let theirs = text.trim().parse::<u64>().ok();
        match theirs.and_then(skew) {
            Some(skew) => GatewayClock::Skew(skew),
            None => GatewayClock::Absurd {
                seconds: theirs
                    .and_then(|t| t.checked_mul(1_000))
                    .and_then(skew)
                    .is_some(),
                text,
            },
        }
    }
}

impl Answer {
    /// What the gateway answered, on one line, its text by the rule for received text.
    fn describe(&self) -> String {
        match (&self.code, &self.msg) {
            (Some(code), Some(msg)) => {
                format!("code {} `{}`", untrusted::text(code), untrusted::text(msg))
            }
            (Some(code), None) => format!("code {}", untrusted::text(code)),
            _ => format!("HTTP {} without an envelope", self.http_status),
        }
    }
}

async fn send(
    http: &reqwest::Client,
    base: &reqwest::Url,
    c: &'static CountryDescriptor,
    probe: &Probe,
    credentials: &Credentials,
) -> Result<Outcome, Fail> {
    let sent_ms = paypro_core::Clock::now_millis(&paypro_core::SystemClock);
    let prepared = ops::prepare(
        c.code,
        probe.endpoint.name,
        &probe.json,
        credentials,
        sent_ms,
    )?;
    let request = &prepared.request;
    let url = probe.url(base);
    let mut builder = http.post(&url).body(request.body.clone());
    for (name, value) in &request.headers {
        builder = builder.header(*name, value.as_ref());
    }
    let started = std::time::Instant::now();
    let response = match builder.send().await {
        Ok(response) => response,
        Err(e) if e.is_connect() => return Ok(Outcome::NoConnection(output::error_chain(&e))),
        Err(e) => return Ok(Outcome::NoAnswer(output::error_chain(&e))),
    };
    let http_status = response.status().as_u16();
    let mut body = Vec::new();
    let mut response = response;
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) if body.len() + chunk.len() <= MAX_ANSWER => {
                body.extend_from_slice(&chunk)
            }
            Ok(Some(_)) => break,
            Ok(None) => break,
            Err(e) => return Ok(Outcome::NoAnswer(output::error_chain(&e))),
        }
    }
    let received_ms = paypro_core::Clock::now_millis(&paypro_core::SystemClock);
    let elapsed_ms = started.elapsed().as_millis();
    let object = std::str::from_utf8(&body)
        .ok()
        .and_then(|text| RawObject::parse(text, "answer").ok());
    let text = |name: &str| {
        object.as_ref().and_then(|o| o.get(name)).map(|raw| {
            serde_json::from_str::<String>(raw.get()).unwrap_or_else(|_| raw.get().into())
        })
    };
    let code = text(envelope::CODE);
    let msg = text(envelope::MSG);
    // The gateway's clock against the middle of the exchange.
    let middle_ms = sent_ms + received_ms.saturating_sub(sent_ms) / 2;
    let clock = GatewayClock::of(text(envelope::TIMESTAMP), middle_ms);
    Ok(Outcome::Answer(Answer {
        http_status,
        code,
        msg,
        clock,
        elapsed_ms,
    }))
}

/// The screen: one line per check, `ok`, `warn` or `FAIL`.
#[derive(Default)]
struct Report {
    text: String,
}

impl Report {
    fn line(&mut self, args: std::fmt::Arguments<'_>) {
        let _ = writeln!(self.text, "{args}");
    }
    fn ok(&mut self, what: &str, args: std::fmt::Arguments<'_>) {
        let _ = writeln!(self.text, "  ok    {what:<9} {args}");
    }
    fn warn(&mut self, what: &str, args: std::fmt::Arguments<'_>) {
        let _ = writeln!(self.text, "  warn  {what:<9} {args}");
    }
    fn fail(&mut self, what: &str, args: std::fmt::Arguments<'_>) {
        let _ = writeln!(self.text, "  FAIL  {what:<9} {args}");
    }
    fn print(&self) -> Result<(), Fail> {
        // Received text is in it by `paypro_core::untrusted::text`; this guards the rest (error
        // chains).
        output::print(&output::terminal(self.text.trim_end())).map_err(Fail::unwritten)
    }
}
