//! `paypro CC ENDPOINT` (a call, or `--dry-run` to print it) and `paypro CC --list`. The
//! request fields come from `--data` or stdin; empty stdin, or a terminal, means `{}`.

use std::time::Duration;

use clap::{ArgMatches, FromArgMatches};
use paypro_all::ops::{self, OpsError};
use paypro_core::client::{Config, FixedClock, RetryPolicy, blocking};
use paypro_core::descriptor::CountryDescriptor;
use paypro_core::protocol::{SIGN_FIELD, TIMESTAMP_FIELD};
use paypro_core::{Credentials, RawObject};

use crate::call_outcome::{self, Call};
use crate::fail::Fail;
use crate::{Creds, describe, output, secret};

/// `paypro CC ...`: `--list`, or the endpoint named by the subcommand.
pub fn run(c: &'static CountryDescriptor, matches: &ArgMatches) -> Result<(), Fail> {
    if matches.get_flag("list") {
        return output::print(&describe::list(c)).map_err(Fail::unwritten);
    }
    let Some((name, sub)) = matches.subcommand() else {
        return Err(Fail::usage(format!(
            "name an endpoint; `paypro {code} --help` or `paypro {code} --list` lists them",
            code = c.code
        )));
    };
    let endpoint = c.endpoint(name).ok_or_else(|| {
        crate::schema::list_hint(
            OpsError::UnknownEndpoint {
                country: c.code,
                endpoint: name.to_string(),
            },
            c.code,
        )
    })?;
    let creds = Creds::from_arg_matches(sub).map_err(|e| Fail::usage(e.to_string()))?;
    let input = match sub.get_one::<String>("data") {
        Some(data) => data.clone().into_bytes(),
        None => crate::stdin()?.unwrap_or_default(),
    };
    let fields = request_fields(&input)?;
    let trade_no = fields.get("tradeNo").map(text_of);
    let json = without_filled_in(fields);
    let secret = secret::need_secret(&creds)?;
    let merchant_no = need_merchant_no(&creds)?;
    let now = sub
        .get_one::<u64>("timestamp")
        .copied()
        .unwrap_or_else(|| paypro_core::Clock::now_millis(&paypro_core::SystemClock));
    // Signed once here with the time the call uses, so a sign refusal can show what was signed.
    let credentials = Credentials::new(merchant_no.clone(), secret.clone());
    let prepared = ops::prepare(c.code, endpoint.name, &json, &credentials, now)?;
    if sub.get_flag("dry-run") {
        let headers: serde_json::Map<String, serde_json::Value> = prepared
            .request
            .headers
            .iter()
            .map(|(k, v)| (k.to_string(), serde_json::Value::from(&**v)))
            .collect();
        let shown = serde_json::json!({
            "method": prepared.request.method,
            "path": prepared.request.path,
            "headers": headers,
            "body": prepared.request.body,
            "canonical": prepared.canonical,
            "sign": prepared.request.sign.as_str(),
        });
        return output::print(&output::pretty(&shown.to_string())).map_err(Fail::unwritten);
    }
    // Every attempt signs with `now`: what was sent is exactly `prepared`.
    let config = with_connection(
        Config::new(merchant_no, secret).clock(FixedClock(now)),
        &creds,
    )?;
    let client = blocking::Client::new(c, config)?;
    let site = Call {
        country: c,
        endpoint,
        trade_no: trade_no.as_deref(),
        canonical: &prepared.canonical,
    };
    let answer = match ops::send(&client, c.code, endpoint.name, &json) {
        Ok(answer) => answer,
        Err(OpsError::Call(e)) => return Err(call_outcome::fail(&e, &site)),
        Err(OpsError::Unprintable(e)) => {
            let what = format!("its answer cannot be written as JSON ({e})");
            return Err(call_outcome::answer_lost(&what, &site));
        }
        Err(e) => return Err(Fail::from(e)),
    };
    output::print(&output::pretty(answer.get())).map_err(|e| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Fail::closed()
        } else {
            call_outcome::answer_lost(&format!("its answer could not be written ({e})"), &site)
        }
    })
}

/// The merchant number (`--merchant-no` or PAYPRO_MERCHANT_NO); its absence is a usage error.
pub fn need_merchant_no(creds: &Creds) -> Result<String, Fail> {
    creds
        .merchant_no
        .clone()
        .ok_or_else(|| Fail::usage("missing credentials: set PAYPRO_MERCHANT_NO or --merchant-no"))
}

/// `config` with the base URL (`--base-url` or PAYPRO_BASE_URL; else the client's default, the
/// country's sandbox) and `--timeout`, which allows one attempt so that it bounds each call.
pub fn with_connection(mut config: Config, creds: &Creds) -> Result<Config, Fail> {
    if let Some(url) = &creds.base_url {
        config = config.base_url(url.clone());
    }
    if let Some(secs) = creds.timeout {
        if secs == 0 {
            return Err(Fail::usage("--timeout must be at least 1 second"));
        }
        // One attempt, so the time-out bounds the whole call.
        config = config
            .request_timeout(Duration::from_secs(secs))
            .connect_timeout(Duration::from_secs(secs))
            .retry(RetryPolicy::NONE);
    }
    Ok(config)
}

/// The request fields: a JSON object, each value kept as its text; nothing (or only
/// whitespace) is `{}`.
fn request_fields(input: &[u8]) -> Result<RawObject, Fail> {
    let text =
        std::str::from_utf8(input).map_err(|_| Fail::usage("the request fields are not UTF-8"))?;
    let text = if text.trim().is_empty() { "{}" } else { text };
    RawObject::parse(text, "the request fields").map_err(|e| {
        Fail::usage(format!(
            "the request fields are not a JSON object: {}",
            e.problem
        ))
    })
}

/// The fields as JSON without `sign` and `timestamp`, which the tool fills in.
fn without_filled_in(fields: RawObject) -> String {
    let kept: Vec<String> = fields
        .iter()
        .filter(|(name, _)| *name != SIGN_FIELD && *name != TIMESTAMP_FIELD)
        .map(|(name, value)| format!("{}:{}", serde_json::Value::from(name), value.get()))
        .collect();
    format!("{{{}}}", kept.join(","))
}

/// A value as text: a JSON string unquoted, anything else as it is.
fn text_of(raw: &serde_json::value::RawValue) -> String {
    serde_json::from_str::<String>(raw.get()).unwrap_or_else(|_| raw.get().to_string())
}
