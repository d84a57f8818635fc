//! `paypro CC ENDPOINT` (a call, or `--dry-run` to print it) and `paypro CC --list`.

use std::time::Duration;

use clap::Parser;
use paypro_all::ops::{self, OpsError};
use paypro_core::client::{Config, FixedClock, RetryPolicy, blocking};
use paypro_core::descriptor::{CountryDescriptor, WireType};
use paypro_core::protocol::{SIGN_FIELD, TIMESTAMP_FIELD};
use paypro_core::{Credentials, RawObject};

use crate::call_outcome::{self, Call};
use crate::fail::Fail;
use crate::{Creds, output, secret};

#[derive(Parser)]
#[command(no_binary_name = true)]
struct CountryCall {
    /// The endpoint (see --list).
    endpoint: Option<String>,
    /// The request fields as JSON (else stdin).
    #[arg(long)]
    data: Option<String>,
    /// Print the exchange instead of sending it.
    #[arg(long)]
    dry_run: bool,
    /// List the endpoints and their fields.
    #[arg(long)]
    list: bool,
    /// Sign with this timestamp (milliseconds) instead of now.
    #[arg(long)]
    timestamp: Option<u64>,
    #[command(flatten)]
    creds: Creds,
}

pub fn run(country: &str, args: &[String], outer: &Creds) -> Result<(), Fail> {
    let c = crate::country(country)?;
    let call = CountryCall::try_parse_from(args)
        .map_err(|e| Fail::usage(e.to_string().trim().replace('\n', " ")))?;
    let creds = Creds::or(&call.creds, outer);
    if call.list {
        return output::print(&list(c)).map_err(Fail::unwritten);
    }
    let name = call.endpoint.as_deref().ok_or_else(|| {
        Fail::usage(format!(
            "name an endpoint; `paypro {} --list` lists them",
            c.code
        ))
    })?;
    let endpoint = c.endpoint(name).ok_or_else(|| {
        crate::schema::list_hint(
            OpsError::UnknownEndpoint {
                country: c.code,
                endpoint: name.to_string(),
            },
            c.code,
        )
    })?;
    let input = match &call.data {
        Some(data) => data.clone().into_bytes(),
        None => crate::stdin()?,
    };
    let fields = request_fields(&input)?;
    let trade_no = fields.get("tradeNo").map(text_of);
    let json = without_filled_in(fields);
    let secret = secret::need_secret(&creds)?;
    let merchant_no = creds.merchant_no.clone().ok_or_else(|| {
        Fail::usage("missing credentials: set PAYPRO_MERCHANT_NO or --merchant-no")
    })?;
    let now = call
        .timestamp
        .unwrap_or_else(|| paypro_core::Clock::now_millis(&paypro_core::SystemClock));
    if call.dry_run {
        let credentials = Credentials::new(merchant_no, secret);
        let prepared = ops::prepare(c.code, endpoint.name, &json, &credentials, now)?;
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
    let mut config = Config::new(merchant_no, secret).clock(FixedClock(now));
    if call.timestamp.is_none() {
        config = config.clock(paypro_core::SystemClock);
    }
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
    let client = blocking::Client::new(c, config).map_err(|e| Fail::usage(e.to_string()))?;
    let site = Call {
        country: c,
        endpoint,
        trade_no: trade_no.as_deref(),
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
        call_outcome::answer_lost(&format!("its answer could not be written ({e})"), &site)
    })
}

/// The request fields: a JSON object, each value kept as its text.
fn request_fields(input: &[u8]) -> Result<RawObject, Fail> {
    let text =
        std::str::from_utf8(input).map_err(|_| Fail::usage("the request fields are not UTF-8"))?;
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

/// The country's endpoints and their fields.
fn list(c: &CountryDescriptor) -> String {
    let mut out = Vec::new();
    for e in c.endpoints {
        out.push(format!("{:<18} POST {:<40} {}", e.name, e.path, e.summary));
        for f in e.request {
            out.push(format!(
                "    {:<22} {} {}",
                f.wire,
                match f.wire_type {
                    WireType::Number => "number",
                    _ => "string",
                },
                if f.required { "required" } else { "optional" }
            ));
        }
    }
    out.join("\n")
}
