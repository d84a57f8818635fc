//! `paypro`: sign, verify, call and sandbox the Paypro gateway.

use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use paypro_core::client::{Config, Error as CallError, FixedClock, blocking};
use paypro_core::notify::{NotifyError, Verifier};
use paypro_core::{Credentials, RawObject, Secret, canonical_string_of_raw, sign_raw};

const AFTER_HELP: &str = "\
Country calls:
  paypro CC ENDPOINT [--data JSON] [--dry-run] [--timestamp MS]
      CC is bd, mx, id, ke or eg; ENDPOINT a spec name such as pay-in, payout, query-pay-in,
      balance. The request fields (wire names) come as JSON on stdin or --data; timestamp and
      sign are filled in. --dry-run prints the exchange without sending it.
  paypro CC --list
      Lists the country's endpoints and their fields.

Credentials: PAYPRO_SECRET or --secret-file (a --secret on the command line is visible to
other users), PAYPRO_MERCHANT_NO or --merchant-no, PAYPRO_BASE_URL or --base-url (default:
the country's documented sandbox, where there is one).

Exit codes:
  0  success
  1  the gateway answered with a failure, or a notification's signature is invalid
  2  usage or validation error (bad input, unknown country or endpoint, missing credentials)
  3  not sent (connection refused, DNS, TLS)
  4  sent, outcome unknown (time-out, dropped connection): query before retrying
  5  unreadable answer (HTML error page, truncated or non-JSON body)";

#[derive(Parser)]
#[command(name = "paypro", version, about = "Sign, verify, call and sandbox the Paypro payment gateway.", after_help = AFTER_HELP)]
struct Cli {
    #[command(flatten)]
    creds: Creds,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone, Default)]
struct Creds {
    /// The gateway's base URL.
    #[arg(long, env = "PAYPRO_BASE_URL", global = true)]
    base_url: Option<String>,
    /// The merchant number (header merchantNo).
    #[arg(long, env = "PAYPRO_MERCHANT_NO", global = true)]
    merchant_no: Option<String>,
    /// A file holding the app secret (else PAYPRO_SECRET).
    #[arg(long, global = true)]
    secret_file: Option<std::path::PathBuf>,
    /// The app secret itself (visible to other users: prefer PAYPRO_SECRET or --secret-file).
    #[arg(long, global = true, hide_env_values = true)]
    secret: Option<String>,
    /// Request time-out in seconds.
    #[arg(long, global = true)]
    timeout: Option<u64>,
}

#[derive(Subcommand)]
enum Command {
    /// Read one JSON object on stdin; print its canonical string and sign.
    Sign {
        /// Print {"canonical": ..., "sign": ...} instead.
        #[arg(long)]
        json: bool,
    },
    /// Payment notifications.
    Notify {
        #[command(subcommand)]
        command: NotifyCommand,
    },
    /// Run the sandbox gateway in the foreground until interrupted.
    Mock {
        /// The port (0: any free port).
        #[arg(long, default_value_t = 0)]
        port: u16,
    },
    /// Print JSON Schemas of a country's requests, responses and notification.
    Schema {
        /// Country code.
        country: String,
        /// One endpoint only.
        endpoint: Option<String>,
    },
    #[command(external_subcommand)]
    Country(Vec<String>),
}

#[derive(Subcommand)]
enum NotifyCommand {
    /// Read a raw callback body on stdin; exit 0 and print it as JSON when its signature is valid.
    Verify {
        /// Parse it as this country's notification.
        #[arg(long)]
        country: Option<String>,
    },
}

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

/// A failure: the message (one sentence) and the exit code.
struct Fail(u8, String);

impl Fail {
    fn usage(msg: impl Into<String>) -> Self {
        Fail(2, msg.into())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Fail(code, msg)) => {
            eprintln!("paypro: {msg}");
            ExitCode::from(code)
        }
    }
}

fn run(cli: Cli) -> Result<(), Fail> {
    match cli.command {
        Command::Sign { json } => sign(&cli.creds, json),
        Command::Notify {
            command: NotifyCommand::Verify { country },
        } => verify(&cli.creds, country.as_deref()),
        Command::Mock { port } => mock(&cli.creds, port),
        Command::Schema { country, endpoint } => schema(&country, endpoint.as_deref()),
        Command::Country(args) => {
            let (country, rest) = args
                .split_first()
                .ok_or_else(|| Fail::usage("no command"))?;
            let call = CountryCall::try_parse_from(rest)
                .map_err(|e| Fail::usage(e.to_string().trim().replace('\n', " ")))?;
            let creds = merge(&cli.creds, &call.creds);
            country_call(country, call, &creds)
        }
    }
}

fn merge(outer: &Creds, inner: &Creds) -> Creds {
    Creds {
        base_url: inner.base_url.clone().or_else(|| outer.base_url.clone()),
        merchant_no: inner
            .merchant_no
            .clone()
            .or_else(|| outer.merchant_no.clone()),
        secret_file: inner
            .secret_file
            .clone()
            .or_else(|| outer.secret_file.clone()),
        secret: inner.secret.clone().or_else(|| outer.secret.clone()),
        timeout: inner.timeout.or(outer.timeout),
    }
}

fn secret(creds: &Creds) -> Result<Option<Secret>, Fail> {
    if let Some(path) = &creds.secret_file {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Fail::usage(format!(
                "cannot read the secret file {}: {e}",
                path.display()
            ))
        })?;
        return Secret::new(text.trim_end_matches(['\n', '\r']))
            .map(Some)
            .map_err(|e| Fail::usage(format!("the secret file {}: {e}", path.display())));
    }
    if let Some(s) = &creds.secret {
        eprintln!(
            "paypro: warning: a secret on the command line is visible to other users; use PAYPRO_SECRET or --secret-file"
        );
        return Secret::new(s.as_str())
            .map(Some)
            .map_err(|e| Fail::usage(format!("--secret: {e}")));
    }
    match std::env::var("PAYPRO_SECRET") {
        Ok(s) => Secret::new(s)
            .map(Some)
            .map_err(|e| Fail::usage(format!("PAYPRO_SECRET: {e}"))),
        Err(_) => Ok(None),
    }
}

fn need_secret(creds: &Creds) -> Result<Secret, Fail> {
    secret(creds)?
        .ok_or_else(|| Fail::usage("missing credentials: set PAYPRO_SECRET or --secret-file"))
}

fn stdin() -> Result<Vec<u8>, Fail> {
    let mut buf = Vec::new();
    std::io::stdin()
        .read_to_end(&mut buf)
        .map_err(|e| Fail::usage(format!("cannot read stdin: {e}")))?;
    Ok(buf)
}

fn print_json(value: &serde_json::Value) -> Result<(), Fail> {
    let text = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}").map_err(|e| Fail(1, format!("cannot write: {e}")))
}

fn sign(creds: &Creds, json: bool) -> Result<(), Fail> {
    let secret = need_secret(creds)?;
    let input = stdin()?;
    let text = std::str::from_utf8(&input).map_err(|_| Fail::usage("stdin is not UTF-8"))?;
    let object = RawObject::parse(text, "stdin")
        .map_err(|e| Fail::usage(format!("stdin is not a JSON object: {}", e.problem)))?;
    let canonical = canonical_string_of_raw(&object);
    let sign = sign_raw(&object, &secret);
    if json {
        print_json(&serde_json::json!({"canonical": canonical, "sign": sign.as_str()}))
    } else {
        println!("canonical: {canonical}\nsign: {sign}");
        Ok(())
    }
}

fn verify(creds: &Creds, country: Option<&str>) -> Result<(), Fail> {
    let body = stdin()?;
    let verifier = secret(creds)?.map(Verifier::new);
    let Some(country) = country else {
        let verifier = verifier.ok_or_else(|| {
            Fail::usage("missing credentials: set PAYPRO_SECRET or --secret-file")
        })?;
        return match verifier.verify(&body) {
            Ok(verified) => {
                let value: serde_json::Value =
                    serde_json::from_str(verified.body()).unwrap_or(serde_json::Value::Null);
                print_json(&value)
            }
            Err(e @ (NotifyError::NotAnObject(_) | NotifyError::TooLarge { .. })) => {
                Err(Fail::usage(e.to_string()))
            }
            Err(e) => Err(Fail(1, e.to_string())),
        };
    };
    let c = paypro_all::country(country).ok_or_else(|| unknown_country(country))?;
    match paypro_all::ops::notification(c.code, &body, verifier.as_ref()) {
        None => Err(unknown_country(country)),
        Some(Ok((json, true))) => print_json(&json),
        Some(Ok((json, false))) => {
            print_json(&json)?;
            Err(Fail(
                1,
                format!(
                    "{} callbacks are unsigned: nothing here is verified; confirm it with a query (paypro {} query-pay-in or query-payout) before acting on it",
                    c.name, c.code
                ),
            ))
        }
        Some(Err(reason)) if reason.starts_with("not a notification") => Err(Fail::usage(reason)),
        Some(Err(reason)) if reason.contains("needs a secret") => {
            Err(Fail::usage(format!("missing credentials: {reason}")))
        }
        Some(Err(reason)) => Err(Fail(1, reason)),
    }
}

fn unknown_country(code: &str) -> Fail {
    let known: Vec<&str> = paypro_all::COUNTRIES.iter().map(|c| c.code).collect();
    Fail::usage(format!(
        "unknown country `{code}`: use one of {}",
        known.join(", ")
    ))
}

fn country_call(country: &str, call: CountryCall, creds: &Creds) -> Result<(), Fail> {
    let c = paypro_all::country(country).ok_or_else(|| unknown_country(country))?;
    if call.list {
        for e in c.endpoints {
            println!("{:<18} POST {:<40} {}", e.name, e.path, e.summary);
            for f in e.request {
                println!(
                    "    {:<22} {} {}",
                    f.wire,
                    match f.wire_type {
                        paypro_core::descriptor::WireType::Number => "number",
                        _ => "string",
                    },
                    if f.required { "required" } else { "optional" }
                );
            }
        }
        return Ok(());
    }
    let endpoint = call.endpoint.as_deref().ok_or_else(|| {
        Fail::usage(format!(
            "name an endpoint; `paypro {country} --list` lists them"
        ))
    })?;
    if c.endpoint(endpoint).is_none() {
        return Err(Fail::usage(format!(
            "unknown endpoint `{endpoint}` for {}; `paypro {country} --list` lists them",
            c.name
        )));
    }
    let input = match &call.data {
        Some(data) => data.clone().into_bytes(),
        None => stdin()?,
    };
    let mut fields: serde_json::Map<String, serde_json::Value> =
        match serde_json::from_slice(&input) {
            Ok(serde_json::Value::Object(map)) => map,
            Ok(_) => return Err(Fail::usage("the request fields must be a JSON object")),
            Err(e) => return Err(Fail::usage(format!("the request fields are not JSON: {e}"))),
        };
    // Filled in by the tool.
    fields.remove("sign");
    fields.remove("timestamp");
    let json = serde_json::Value::Object(fields).to_string();
    let secret = need_secret(creds)?;
    let merchant_no = creds.merchant_no.clone().ok_or_else(|| {
        Fail::usage("missing credentials: set PAYPRO_MERCHANT_NO or --merchant-no")
    })?;
    let now = call
        .timestamp
        .unwrap_or_else(|| paypro_core::Clock::now_millis(&paypro_core::SystemClock));
    if call.dry_run {
        let credentials = Credentials::new(merchant_no, secret);
        let prepared = match paypro_all::ops::prepare(c.code, endpoint, &json, &credentials, now) {
            Some(Ok(p)) => p,
            Some(Err(e)) => return Err(Fail::usage(e)),
            None => return Err(Fail::usage(format!("unknown endpoint `{endpoint}`"))),
        };
        let headers: serde_json::Map<String, serde_json::Value> = prepared
            .request
            .headers
            .iter()
            .map(|(k, v)| (k.to_string(), serde_json::Value::from(v.as_str())))
            .collect();
        return print_json(&serde_json::json!({
            "method": prepared.request.method,
            "path": prepared.request.path,
            "headers": headers,
            "body": prepared.request.body,
            "canonical": prepared.canonical,
            "sign": prepared.request.sign.as_str(),
        }));
    }
    let mut config = Config::new(merchant_no, secret).clock(FixedClock(now));
    if call.timestamp.is_none() {
        config = config.clock(paypro_core::SystemClock);
    }
    if let Some(url) = &creds.base_url {
        config = config.base_url(url.clone());
    }
    if let Some(secs) = creds.timeout {
        config = config
            .request_timeout(Duration::from_secs(secs))
            .connect_timeout(Duration::from_secs(secs));
    }
    let client = blocking::Client::new(c, config).map_err(|e| Fail::usage(e.to_string()))?;
    match paypro_all::ops::send(&client, c.code, endpoint, &json) {
        None => Err(Fail::usage(format!("unknown endpoint `{endpoint}`"))),
        Some(Ok(reply)) => print_json(&reply),
        Some(Err(paypro_all::ops::SendError::Input(e))) => Err(Fail::usage(e)),
        Some(Err(paypro_all::ops::SendError::Call(e))) => Err(match &e {
            CallError::Rejected { .. } => Fail(1, e.to_string()),
            CallError::NotSent { .. } => Fail(3, e.to_string()),
            CallError::Unknown { .. } => Fail(4, e.to_string()),
            CallError::Unreadable { .. } => Fail(5, e.to_string()),
            _ => Fail::usage(e.to_string()),
        }),
    }
}

fn mock(creds: &Creds, port: u16) -> Result<(), Fail> {
    let secret = secret(creds)?.unwrap_or_else(|| {
        Secret::new(paypro_core::protocol::TEST_SECRET).expect("the test secret is not blank")
    });
    let merchant_no = creds
        .merchant_no
        .clone()
        .unwrap_or_else(|| paypro_core::protocol::TEST_MERCHANT_NO.to_string());
    let runtime =
        tokio::runtime::Runtime::new().map_err(|e| Fail(1, format!("cannot start: {e}")))?;
    runtime.block_on(async {
        let config = paypro_mock::MockConfig {
            bind: std::net::SocketAddr::from(([127, 0, 0, 1], port)),
            merchants: vec![paypro_mock::Merchant {
                merchant_no: merchant_no.clone(),
                secret,
                initial_balance: 1_000_000,
            }],
            ..paypro_mock::MockConfig::default()
        };
        let gateway = paypro_mock::MockGateway::start(config)
            .await
            .map_err(|e| Fail(1, format!("cannot listen on port {port}: {e}")))?;
        {
            let mut out = std::io::stdout().lock();
            for (code, url) in gateway.base_urls() {
                let _ = writeln!(out, "{code} {url}");
            }
            let _ = writeln!(out, "{merchant_no}");
            let _ = out.flush();
        }
        let _ = tokio::signal::ctrl_c().await;
        Ok(())
    })
}

fn schema(country: &str, endpoint: Option<&str>) -> Result<(), Fail> {
    let c = paypro_all::country(country).ok_or_else(|| unknown_country(country))?;
    let value = match endpoint {
        Some(name) => paypro_all::ops::schema(c.code, name).ok_or_else(|| {
            Fail::usage(format!(
                "unknown endpoint `{name}` for {}; `paypro {country} --list` lists them",
                c.name
            ))
        })?,
        None => {
            let mut all = serde_json::Map::new();
            for e in c.endpoints {
                if let Some(s) = paypro_all::ops::schema(c.code, e.name) {
                    all.insert(e.name.to_string(), s);
                }
            }
            if let Some(n) = paypro_all::ops::notification_schema(c.code) {
                all.insert("notification".into(), n);
            }
            serde_json::Value::Object(all)
        }
    };
    print_json(&value)
}
