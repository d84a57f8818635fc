//! A country's quickstart, `examples/quickstart-<code>/`: the SDK's main job, end to end,
//! offline (the README's first command, `cargo run -p quickstart-<code>`).
//!
//! Each is its own small package (never published) whose dependencies are what a merchant's
//! app has: the country crate, tokio and axum, plus the embedded sandbox. It is not an example
//! of the country crate because cargo builds a package's dev-dependencies (the test tools:
//! proptest, insta, paypro-testkit...) for its examples. Its test, `tests/run.rs`, runs it
//! on the sandbox.
//!
//! Merchants copy this file, so it is written as Rust source text in rustfmt's style, not as
//! token streams: prettyplease cannot lay out the `format!` arguments and long chains a person
//! would write, and a `#[rustfmt::skip]` file is not one to copy. `cargo fmt --check` (CI)
//! checks that the text stays rustfmt's.

use super::endpoint::type_prefix;
use super::sandbox::{first_with_role, has_field};
use super::tests::example_setters;
use super::{Country, EndpointPlan, Files, rust_header};
use crate::names;
use crate::spec::{ResponseField, Role, ValueKind};

/// Where the quickstarts live: one package each, `examples/quickstart-<code>/`.
pub const DIR: &str = "examples";

/// The quickstart package's name (also its program's).
pub fn package(country: &Country) -> String {
    format!("quickstart-{}", country.code())
}

pub fn generate(country: &Country, files: &mut Files) {
    let Some(text) = quickstart(country) else {
        return;
    };
    let root = format!("{DIR}/{}", package(country));
    files.insert(format!("{root}/src/main.rs").into(), text);
    files.insert(format!("{root}/Cargo.toml").into(), cargo_toml(country));
    files.insert(format!("{root}/tests/run.rs").into(), run_test(country));
}

/// The package: the program, with only what a merchant's app would depend on.
fn cargo_toml(country: &Country) -> String {
    let name = package(country);
    let krate = country.crate_name();
    let cn = &country.file.spec.country.get_ref().name;
    let receiver = first_with_role(country, Role::PayIn).is_some_and(|p| has_field(p, "notifyUrl"));
    let features = if country.file.spec.notification.get_ref().signed && receiver {
        ", features = [\"axum\"]"
    } else {
        ""
    };
    let (axum, tokio_features) = if receiver {
        (
            "# The merchant's callback receiver.\naxum.workspace = true\n",
            r#"["macros", "rt-multi-thread", "net", "sync", "time"]"#,
        )
    } else {
        ("", r#"["macros", "rt-multi-thread"]"#)
    };
    format!(
        r#"# @generated from {spec} by `cargo xtask gen`; do not edit.
[package]
name = "{name}"
description = "The SDK's main job in {cn}, offline: `cargo run -p {name}`. Builds what a merchant's app builds, and no test tool."
version.workspace = true
edition.workspace = true
rust-version.workspace = true
license.workspace = true
repository.workspace = true
publish = false

[[bin]]
name = "{name}"
path = "src/main.rs"
# A program to run; tests/run.rs runs it.
test = false

[dependencies]
{krate} = {{ path = "../../crates/{krate}"{features} }}
# The embedded sandbox the quickstart runs on when no gateway is configured.
paypro-mock.workspace = true
{axum}tokio = {{ workspace = true, features = {tokio_features} }}

[lints]
workspace = true
"#,
        spec = country.spec_path(),
    )
}

/// `tests/run.rs`: the program runs to its end on the embedded sandbox.
fn run_test(country: &Country) -> String {
    let name = package(country);
    let header = rust_header(&country.spec_path());
    format!(
        r#"{header}//! The quickstart runs to its end on the embedded sandbox (no gateway in the environment).
//! Whether its callback arrives within the program's own wait is not checked: that is timing.

use std::process::Command;

#[test]
fn the_quickstart_runs_on_the_embedded_sandbox() {{
    let out = Command::new(env!("CARGO_BIN_EXE_{name}"))
        .env_remove("PAYPRO_BASE_URL")
        .env_remove("PAYPRO_MERCHANT_NO")
        .env_remove("PAYPRO_SECRET")
        .output()
        .expect("the quickstart starts");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{{stdout}}\n{{stderr}}");
    for step in [
        "1. started the embedded Paypro sandbox at http://127.0.0.1:",
        "3. pay-in quickstart-",
        "5. query quickstart-",
        "6. and a request the SDK refuses to send: ",
    ] {{
        assert!(stdout.contains(step), "no {{step:?}} in:\n{{stdout}}");
    }}
}}
"#
    )
}

/// `show(VALUE.status.as_ref())`, or a fixed text where the type has no status field.
fn status_of(value: &str, fields: &[toml::Spanned<ResponseField>]) -> String {
    fields
        .iter()
        .map(|f| f.get_ref())
        .find(|f| f.kind == ValueKind::Status)
        .map_or_else(
            || "\"(no status field)\"".to_string(),
            |f| {
                let field = names::field_ident(&f.wire, f.rust.as_deref());
                format!("show({value}.{field}.as_ref())")
            },
        )
}

fn request_type(plan: &EndpointPlan) -> String {
    format!("{}Request", type_prefix(plan.spec))
}

fn quickstart(country: &Country) -> Option<String> {
    let krate = country.crate_ident();
    let code = country.code();
    let name = &country.file.spec.country.get_ref().name;
    let pay_in = first_with_role(country, Role::PayIn)?;
    let query = country
        .endpoints
        .iter()
        .find(|p| Some(p.spec.name.as_str()) == pay_in.spec.reconcile_with.as_deref())?;
    let (pay_ty, query_ty) = (request_type(pay_in), request_type(query));
    let pay_method = names::module(&pay_in.spec.name);
    let query_method = names::module(&query.spec.name);
    let notification = country.file.spec.notification.get_ref();
    let signed = notification.signed;
    let notify = has_field(pay_in, "notifyUrl");

    // The request: the spec's example, with this run's own trade number and receiver.
    let mut chain =
        format!("    let request = {pay_ty}::builder()\n        .trade_no(&trade_no)\n");
    for (wire, setter) in example_setters(country, pay_in) {
        if wire != "tradeNo" && wire != "notifyUrl" {
            chain.push_str(&format!("        {setter}\n"));
        }
    }
    if notify {
        chain.push_str("        .notify_url(&notify_url)\n");
    }
    chain.push_str("        .build()?;\n");

    let accepted = status_of("reply.data", &pay_in.spec.response);
    let found = status_of("found.data", &query.spec.response);
    let notified = status_of("notification", &notification.field);

    let mut uses: Vec<String> = Vec::new();
    let mut root_names = vec!["Client", "Config", "Secret", "Status"];
    root_names.push(&pay_ty);
    root_names.push(&query_ty);
    let mut receiver = String::new();
    let mut start_receiver = String::new();
    let mut wait =
        "\n    println!(\"3. (this pay-in takes no notifyUrl: no callback to wait for)\");\n"
            .to_string();
    if notify {
        root_names.push("ACK");
        uses.push("use axum::extract::State;".into());
        uses.push("use axum::routing::post;".into());
        let (item, state_ty) = if signed {
            root_names.extend(["Notification", "Notified", "Verifier"]);
            uses.push("use axum::extract::FromRef;".into());
            ("Notification", "Receiver")
        } else {
            root_names.push("UnconfirmedNotification");
            uses.push("use axum::body::Bytes;".into());
            uses.push("use axum::http::StatusCode;".into());
            (
                "UnconfirmedNotification",
                "mpsc::Sender<UnconfirmedNotification>",
            )
        };
        uses.push("use tokio::sync::mpsc;".into());
        receiver = if signed {
            format!(
                r#"
/// Your callback receiver's state: the verifier (for the `Notified` extractor) and where
/// verified callbacks go. A real receiver records each one durably before answering
/// (docs/lifecycle.md); this one hands it to `main`.
#[derive(Clone)]
struct Receiver {{
    verifier: Verifier,
    callbacks: mpsc::Sender<{item}>,
}}

impl FromRef<Receiver> for Verifier {{
    fn from_ref(receiver: &Receiver) -> Verifier {{
        receiver.verifier.clone()
    }}
}}

/// `POST /paypro/notify`: only a callback whose signature checks out reaches this handler
/// (anything else is answered 400 and Paypro retries); `ACK` tells Paypro it was recorded.
async fn notify(
    State(receiver): State<Receiver>,
    Notified(notification, _): Notified<{item}>,
) -> &'static str {{
    let _ = receiver.callbacks.send(notification).await;
    ACK
}}
"#
            )
        } else {
            format!(
                r#"
/// `POST /paypro/notify`: {name}'s callbacks carry no signature, so one is only a hint: it is
/// read here, and `main` confirms it with a query before believing it. A real receiver records
/// the hint durably before answering `ACK` (docs/lifecycle.md); this one hands it to `main`.
async fn notify(
    State(callbacks): State<{state_ty}>,
    body: Bytes,
) -> Result<&'static str, (StatusCode, String)> {{
    let claimed = {item}::parse(&body)
        .map_err(|e| (StatusCode::BAD_REQUEST, e.to_string()))?;
    let _ = callbacks.send(claimed).await;
    Ok(ACK)
}}
"#
            )
        };
        let (state, handled) = if signed {
            (
                "Receiver {\n        verifier: Verifier::new(secret.clone()),\n        callbacks,\n    }",
                format!(
                    "Ok(Some(notification)) => {{\n            let status = {notified};\n            println!(\"   verified; the order is {{status}}\");\n        }}"
                ),
            )
        } else {
            let claimed = status_of("claimed", &notification.field);
            (
                "callbacks",
                format!(
                    "Ok(Some(claimed)) => {{\n            let status = {};\n            println!(\"   read (unsigned in {name}: not trusted yet); it claims {{status}}\");\n            let confirmed = claimed.confirm_{pay_method}(&client).await?;\n            let status = confirmed.actual.data.status.as_ref();\n            println!(\"   confirmed by a query: {{}}\", show(status));\n        }}",
                    claimed
                ),
            )
        };
        wait = format!(
            r#"
    println!("4. waiting for the callback...");
    match tokio::time::timeout(Duration::from_secs(10), received.recv()).await {{
        {handled}
        _ => println!("   no callback within 10 s (a real gateway cannot reach 127.0.0.1)"),
    }}
"#
        );
        // The receiver starts before the pay-in, so the request can name it.
        start_receiver = format!(
            r#"
    // 2. Your callback receiver, on a free port of 127.0.0.1.
    let (callbacks, mut received) = mpsc::channel(8);
    let state = {state};
    let app = axum::Router::new()
        .route("/paypro/notify", post(notify))
        .with_state(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let notify_url = format!("http://{{}}/paypro/notify", listener.local_addr()?);
    tokio::spawn(async move {{ axum::serve(listener, app).await }});
    println!("2. your callback receiver listens at {{notify_url}}");
"#
        );
    }
    root_names.sort_by_key(|n| n.to_string());
    let mut root_use = format!("use {krate}::advanced::COUNTRY;\nuse {krate}::{{");
    root_use.push_str(&root_names.join(", "));
    root_use.push_str("};");
    let root_use = wrap_use(&root_use);
    uses.push(root_use);
    uses.sort();
    let uses = format!(
        "use std::time::{{Duration, SystemTime, UNIX_EPOCH}};\n\n{}",
        uses.join("\n")
    );
    let header = rust_header(&country.spec_path());
    Some(format!(
        r#"{header}//! The SDK's main job, end to end: a pay-in in {name} against the embedded sandbox,
//! {callback_story}the order queried.
//! No credentials, no network: `cargo run -p quickstart-{code}`.
//!
//! With `PAYPRO_BASE_URL`, `PAYPRO_MERCHANT_NO` and `PAYPRO_SECRET` set, it talks to that
//! gateway instead.

{uses}
{receiver}
fn show(status: Option<&Status>) -> String {{
    status.map_or_else(|| "without a status".to_string(), |s| s.to_string())
}}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {{
    // 1. A gateway: the one in the environment, or the embedded sandbox.
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let given = (
        env("PAYPRO_BASE_URL"),
        env("PAYPRO_MERCHANT_NO"),
        env("PAYPRO_SECRET"),
    );
    let (base_url, merchant_no, secret, sandbox) = match given {{
        (Some(url), Some(merchant_no), Some(secret)) => {{
            println!("1. using the gateway at {{url}}");
            (url, merchant_no, secret, None)
        }}
        _ => {{
            let config =
                paypro_mock::MockConfig::default().settle_after(Duration::from_millis(300));
            let sandbox = paypro_mock::MockGateway::start(config, &[&COUNTRY]).await?;
            let url = sandbox
                .base_url("{code}")
                .ok_or("the sandbox does not serve this country")?;
            println!(
                "1. started the embedded Paypro sandbox at {{url}} (no credentials, no network)"
            );
            let merchant_no = paypro_mock::SANDBOX_MERCHANT_NO.to_string();
            let secret = paypro_mock::SANDBOX_SECRET.to_string();
            (url, merchant_no, secret, Some(sandbox))
        }}
    }};
    let secret = Secret::new(secret)?; // a blank secret is refused here
{start_receiver}
    // 3. A pay-in: the spec's example, with this run's own trade number.
    let client = Client::new(Config::new(merchant_no, secret.clone()).base_url(base_url))?;
    let millis = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis();
    let trade_no = format!("quickstart-{{millis}}");
{chain}    let reply = client.{pay_method}(&request).await?;
    let status = {accepted};
    println!("3. pay-in {{trade_no}} accepted; the order is {{status}}");
{wait}
    // 5. The order as the gateway has it now.
    let query = {query_ty}::builder().trade_no(&trade_no).build()?;
    let found = client.{query_method}(&query).await?;
    let status = {found};
    println!("5. query {{trade_no}}: {{status}}");

    // 6. What the SDK refuses to send: amounts are whole units.
    match request.to_builder().amount("12.50").build() {{
        Ok(_) => println!("6. (unexpected) a decimal amount was accepted"),
        Err(e) => println!("6. and a request the SDK refuses to send: {{e}}"),
    }}
    drop(sandbox);
    Ok(())
}}
"#,
        callback_story = match (notify, signed) {
            (false, _) => "",
            (true, true) => "its callback received on your receiver and verified, ",
            (true, false) => "its unsigned callback received and confirmed by a query, ",
        },
    ))
}

/// A `use a::{...};` line of more than 100 columns, as rustfmt breaks it.
fn wrap_use(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.len() <= 100 {
                return line.to_string();
            }
            let Some((head, rest)) = line.split_once('{') else {
                return line.to_string();
            };
            let names = rest.trim_end_matches("};");
            let mut out = format!("{head}{{\n");
            let mut current = String::from("   ");
            for name in names.split(", ") {
                if current.len() + name.len() + 2 > 100 {
                    out.push_str(current.trim_end());
                    out.push('\n');
                    current = String::from("   ");
                }
                current.push(' ');
                current.push_str(name);
                current.push(',');
            }
            out.push_str(current.trim_end());
            out.push_str("\n};");
            out
        })
        .collect::<Vec<_>>()
        .join("\n")
}
