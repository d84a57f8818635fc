//! `paypro notify send CC --url URL [--data JSON] [--status CODE]`: a test callback for a
//! merchant's receiver, as Paypro would send it. The body is the country's notification
//! example from the spec (a country without one: its notification fields, with the values of
//! another country's example), with a fresh `timestamp` and the success status (Kenya's docs
//! example is a failure), then `--data`'s fields over it and `--status`; the status's message
//! (`message`/`desc`) follows the status unless `--data` gives it. Signed with the secret
//! (Kenya's are unsigned, like Kenya's real callbacks).
//! It is POSTed once as JSON to an http(s) URL; a redirect is never followed (it would send
//! the signed body elsewhere). The receiver's status and answer are printed; the exit code is
//! 0 only when it answered exactly `OK`, the acknowledgement Paypro waits for.

use std::time::Duration;

use paypro_all::ops::NOTIFICATION_EXAMPLES;
use paypro_core::descriptor::{CountryDescriptor, ValueKind};
use paypro_core::notify::sign_body;
use paypro_core::protocol::{NOTIFY_ACK, SIGN_FIELD, STATUS_MESSAGE_FIELDS, TIMESTAMP_FIELD};
use paypro_core::untrusted;
use paypro_core::{Clock, FailureCode, RawObject, Status, SystemClock};
use serde_json::value::RawValue;

use crate::fail::{Exit, Fail};
use crate::{Creds, output, secret};

/// How long the receiver has to answer, without `--timeout`.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// How much of the receiver's answer is read (and compared with `OK`); at most
/// [`paypro_core::untrusted::MAX_CHARS`] characters of it are shown.
const MAX_ANSWER_BYTES: usize = 64 * 1024;
/// The callback's status field.
const STATUS_FIELD: &str = "status";

#[derive(clap::Args)]
pub struct Args {
    /// Country code (bd, eg, id, ke, mx).
    country: String,
    /// Your receiver's URL (http or https only).
    #[arg(long)]
    url: String,
    /// Fields over the example's, as a JSON object (`tradeNo`, `amount`...); a field given as
    /// null is left out. `sign` is always computed.
    #[arg(long, value_name = "JSON")]
    data: Option<String>,
    /// The callback's `status` (0000 success, the default; 0001 partial, 0015 processing,
    /// others failure). The callback's `message` follows it unless --data gives one.
    #[arg(long, value_name = "CODE")]
    status: Option<String>,
}

pub fn run(creds: &Creds, args: &Args) -> Result<(), Fail> {
    let c = crate::country(&args.country)?;
    let url = receiver_url(&args.url)?;
    let timeout = match creds.timeout {
        Some(0) => return Err(Fail::usage("--timeout must be at least 1 second")),
        Some(secs) => Duration::from_secs(secs),
        None => DEFAULT_TIMEOUT,
    };
    let mut fields = example(c)?;
    if c.notification.timestamped {
        let now = SystemClock.now_millis();
        set(&mut fields, TIMESTAMP_FIELD, raw(&format!("\"{now}\"")));
    }
    // Success unless asked otherwise, whatever status the docs' example shows.
    set(&mut fields, STATUS_FIELD, string(Status::Success.code()));
    let given = match &args.data {
        Some(data) => overlay(&mut fields, data)?,
        None => Vec::new(),
    };
    if let Some(status) = &args.status {
        if status.trim().is_empty() {
            return Err(Fail::usage("--status must not be empty"));
        }
        set(&mut fields, STATUS_FIELD, string(status));
    }
    follow_status(&mut fields, &given);
    let json = object_text(&fields);
    let body = if c.notification.signed {
        let secret = secret::need_secret(creds)?;
        sign_body(&json, &secret).map_err(|e| Fail::usage(format!("the callback: {e}")))?
    } else {
        json
    };
    let answer = post(&url, &body, timeout)?;
    let shown = format!(
        "sent: {}\nstatus: {}\nanswer: {}",
        output::json_text(&body),
        answer.status,
        untrusted::text(&answer.text)
    );
    output::print(&shown).map_err(Fail::unwritten)?;
    acknowledged(&answer)
}

/// The URL, if it is an absolute http(s) one.
fn receiver_url(text: &str) -> Result<reqwest::Url, Fail> {
    let url = reqwest::Url::parse(text).map_err(|e| {
        Fail::usage(format!(
            "--url `{}` is not an absolute URL: {e}",
            untrusted::text(&untrusted::url(text))
        ))
    })?;
    match url.scheme() {
        "http" | "https" => Ok(url),
        other => Err(Fail::usage(format!(
            "--url must be an http or https URL (got the scheme `{other}`)"
        ))),
    }
}

/// The country's example fields, without `sign`.
fn example(c: &CountryDescriptor) -> Result<Vec<(String, Box<RawValue>)>, Fail> {
    let own = NOTIFICATION_EXAMPLES.iter().find(|e| e.country == c.code);
    let mut fields = match own {
        Some(e) => parse(e.json, "the spec's notification example")?,
        None => constructed(c)?,
    };
    fields.retain(|(name, _)| name != SIGN_FIELD);
    Ok(fields)
}

/// A country without an example: each of its notification fields, valued as in the first
/// other country's example that has it (every country's callback has the same fields), else a
/// neutral value of its kind.
fn constructed(c: &CountryDescriptor) -> Result<Vec<(String, Box<RawValue>)>, Fail> {
    let mut others = Vec::new();
    for e in NOTIFICATION_EXAMPLES {
        others.push((e.country, parse(e.json, "a notification example")?));
    }
    let mut borrowed_from = Vec::new();
    let mut fields = Vec::new();
    for f in c.notification.fields {
        if f.wire == SIGN_FIELD {
            continue;
        }
        let found = others.iter().find_map(|(code, fields)| {
            fields
                .iter()
                .find(|(name, _)| name == f.wire)
                .map(|(_, v)| (*code, v.clone()))
        });
        let value = match found {
            Some((code, value)) => {
                let name = paypro_all::country(code).map_or(code, |c| c.name);
                if !borrowed_from.contains(&name) {
                    borrowed_from.push(name);
                }
                value
            }
            None => raw(match f.kind {
                ValueKind::Status => "\"0000\"",
                ValueKind::Decimal => "\"100\"",
                ValueKind::Integer => "0",
                ValueKind::Boolean => "true",
                _ => "\"\"",
            }),
        };
        fields.push((f.wire.to_string(), value));
    }
    crate::note(format_args!(
        "{}'s spec has no notification example: the callback has its notification fields, valued as in {}'s example",
        c.name,
        if borrowed_from.is_empty() {
            "no other country".to_string()
        } else {
            borrowed_from.join(", ")
        }
    ));
    Ok(fields)
}

fn parse(json: &str, what: &str) -> Result<Vec<(String, Box<RawValue>)>, Fail> {
    RawObject::parse(json, what)
        .map(RawObject::into_entries)
        .map_err(|e| Fail::usage(format!("{what} is not a JSON object: {}", e.problem)))
}

/// `--data` over `fields`: each field replaces the one of its name (in place) or is added;
/// `null` removes it. Returns the names `--data` gave.
fn overlay(fields: &mut Vec<(String, Box<RawValue>)>, data: &str) -> Result<Vec<String>, Fail> {
    let data = RawObject::parse(data, "--data")
        .map_err(|e| Fail::usage(format!("--data is not a JSON object: {}", e.problem)))?;
    let mut given = Vec::new();
    for (name, value) in data.into_entries() {
        if name == SIGN_FIELD {
            return Err(Fail::usage(
                "--data must not give `sign`: it is computed from the other fields and the secret",
            ));
        }
        if value.get() == "null" {
            fields.retain(|(n, _)| *n != name);
        } else {
            set(fields, &name, value);
        }
        given.push(name);
    }
    Ok(given)
}

/// The callback's status's message (`message` or `desc`, where the callback has one) made to
/// say what its status says, unless `--data` gave it (`given`): the words the sandbox sends
/// with each status, by the status's variant.
fn follow_status(fields: &mut [(String, Box<RawValue>)], given: &[String]) {
    let Some(status) = fields
        .iter()
        .find(|(name, _)| name == STATUS_FIELD)
        .map(|(_, value)| {
            serde_json::from_str::<String>(value.get()).unwrap_or_else(|_| value.get().into())
        })
    else {
        return;
    };
    let words = match Status::from_code(&status) {
        Status::Success => "SUCCESS",
        Status::PartialPayment => "PARTIAL PAYMENT",
        Status::Processing => "PAYING",
        Status::Failed {
            code: FailureCode::Rejected,
            ..
        } => "REJECTED_TRANSACTION",
        _ => "FAILED",
    };
    for (name, value) in fields.iter_mut() {
        if STATUS_MESSAGE_FIELDS.contains(&name.as_str()) && !given.contains(name) {
            *value = string(words);
        }
    }
}

fn set(fields: &mut Vec<(String, Box<RawValue>)>, name: &str, value: Box<RawValue>) {
    match fields.iter_mut().find(|(n, _)| n == name) {
        Some((_, v)) => *v = value,
        None => fields.push((name.to_string(), value)),
    }
}

/// A JSON value known to be valid.
fn raw(json: &str) -> Box<RawValue> {
    RawValue::from_string(json.to_string()).expect("valid JSON literal")
}

/// `text` as a JSON string.
fn string(text: &str) -> Box<RawValue> {
    raw(&serde_json::Value::from(text).to_string())
}

/// The fields as one compact JSON object, each value's text as it is.
fn object_text(fields: &[(String, Box<RawValue>)]) -> String {
    let members: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("{}:{}", serde_json::Value::from(name.as_str()), value.get()))
        .collect();
    format!("{{{}}}", members.join(","))
}

/// The receiver's answer (at most [`MAX_ANSWER_BYTES`] of its body).
struct Answer {
    status: u16,
    text: String,
}

/// POSTs `body` once, following no redirect.
fn post(url: &reqwest::Url, body: &str, timeout: Duration) -> Result<Answer, Fail> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Fail::new(Exit::NotSent, format!("cannot start: {e}")))?;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(timeout)
        .timeout(timeout)
        .user_agent(concat!(
            "paypro-cli/",
            env!("CARGO_PKG_VERSION"),
            " notify send"
        ))
        .build()
        .map_err(|e| Fail::new(Exit::NotSent, format!("cannot build the HTTP client: {e}")))?;
    runtime.block_on(async {
        let mut response = client
            .post(url.clone())
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_string())
            .send()
            .await
            .map_err(|e| send_failure(&e, url, timeout))?;
        let status = response.status().as_u16();
        let mut bytes = Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    bytes.extend_from_slice(&chunk);
                    if bytes.len() >= MAX_ANSWER_BYTES {
                        bytes.truncate(MAX_ANSWER_BYTES);
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    return Err(Fail::new(
                        Exit::OutcomeUnknown,
                        format!(
                            "the receiver answered HTTP {status} but its body was cut off ({e}): it may have acted on the callback; Paypro would send it again"
                        ),
                    ));
                }
            }
        }
        Ok(Answer {
            status,
            text: String::from_utf8_lossy(&bytes).into_owned(),
        })
    })
}

/// Why nothing usable came back, by the error's kind.
fn send_failure(e: &reqwest::Error, url: &reqwest::Url, timeout: Duration) -> Fail {
    if e.is_connect() {
        Fail::new(
            Exit::NotSent,
            format!(
                "not delivered: cannot connect to {} ({}); nothing reached the receiver",
                untrusted::text(&untrusted::url(url.as_str())),
                output::error_chain(e)
            ),
        )
    } else if e.is_timeout() {
        Fail::new(
            Exit::OutcomeUnknown,
            format!(
                "sent, but the receiver did not answer within {} s: it may have acted on the callback; Paypro would send it again",
                timeout.as_secs()
            ),
        )
    } else {
        Fail::new(
            Exit::OutcomeUnknown,
            format!(
                "sent, but no answer ({}): the receiver may have acted on the callback",
                output::error_chain(e)
            ),
        )
    }
}

/// Exit 0 only for a 2xx answer that is exactly the acknowledgement.
fn acknowledged(answer: &Answer) -> Result<(), Fail> {
    let retries = format!(
        "Paypro would send it again ({} times within 24 h)",
        paypro_core::protocol::NOTIFY_RETRY_SCHEDULE.len()
    );
    if (200..300).contains(&answer.status) && answer.text == NOTIFY_ACK {
        return Ok(());
    }
    let why = if (300..400).contains(&answer.status) {
        format!(
            "the receiver answered with a redirect (HTTP {}), which is not followed: a signed callback is never re-sent elsewhere; give the final URL",
            answer.status
        )
    } else if !(200..300).contains(&answer.status) {
        format!("the receiver answered HTTP {}, not 2xx", answer.status)
    } else if answer.text.trim() == NOTIFY_ACK {
        format!(
            "the receiver answered `{NOTIFY_ACK}` with whitespace around it; Paypro's docs ask for exactly `{NOTIFY_ACK}` and do not say whether more is accepted"
        )
    } else {
        format!("the receiver did not answer `{NOTIFY_ACK}`")
    };
    Err(Fail::new(Exit::Refused, format!("{why}: {retries}")))
}
