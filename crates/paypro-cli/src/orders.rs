//! `paypro orders`: the operator's view of the durable order store (`paypro-store`): the
//! orders, one order with its exact request and its actions, the outbox's pending and failed
//! actions, and one reconciliation run against a country's gateway.
//!
//! Everything goes through the library's own queries (`AnyStore::records`, `actions`,
//! `record`, `Lifecycle::reconciler`), never SQL of this tool's. Stored text (keys, errors,
//! request bodies) is escaped before it reaches the terminal; `--json` prints one JSON
//! document on stdout instead (failures stay one line on stderr).

use std::io::IsTerminal;
use std::time::Duration;

use clap::Subcommand;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use paypro_core::client::{Config, OrderQuery};
use paypro_core::descriptor::CountryDescriptor;
use paypro_core::notify::Flow;
use paypro_core::untrusted;
use paypro_store::{
    AnyStore, Checked, Lifecycle, OrderFilter, OrderRecord, PendingAction, StoreError,
};
use serde_json::{Value, json};

use crate::country_call::{need_merchant_no, with_connection};
use crate::fail::{Exit, Fail};
use crate::{Creds, output, secret};

/// "Every row": large enough for any store, and a valid SQL `LIMIT` on every platform.
const ALL: usize = i32::MAX as usize;

/// `paypro orders [--database-url URL] [--json] COMMAND`.
#[derive(clap::Args)]
pub struct Args {
    /// The order store: sqlite://FILE (an existing file), postgres://... (or DATABASE_URL).
    #[arg(
        long,
        env = "DATABASE_URL",
        hide_env_values = true,
        value_name = "URL",
        global = true
    )]
    database_url: Option<String>,
    /// Print one JSON document on stdout instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: OrdersCommand,
}

#[derive(Subcommand)]
enum OrdersCommand {
    /// The orders, newest first: key, state, expected amount, submission, checks, and why a
    /// person must look at it.
    List {
        /// Only the orders the reconciler gave up on.
        #[arg(long, conflicts_with = "open")]
        needs_person: bool,
        /// Only the orders that are not final.
        #[arg(long)]
        open: bool,
        /// At most this many orders.
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..))]
        limit: u32,
    },
    /// One order, every stored field (the exact request body sent included), and its actions.
    /// Exit 1 when the store has no such order.
    Show {
        /// `pay-in:TRADE_NO`, `payout:TRADE_NO`, or a bare TRADE_NO (a pay-in).
        order: String,
    },
    /// The outbox's actions not yet performed (failed attempts included), oldest first.
    Actions {
        /// At most this many actions.
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..))]
        limit: u32,
    },
    /// Query the due orders (unknown outcome, late callback, hinted) at a country's gateway
    /// once and apply the answers; prints what was queried and how many orders need a person.
    /// Credentials as for a call: PAYPRO_SECRET or --secret-file, PAYPRO_MERCHANT_NO,
    /// PAYPRO_BASE_URL or --base-url.
    Reconcile {
        /// The country whose orders these are (bd, eg, id, ke, mx).
        #[arg(long)]
        country: String,
    },
}

pub fn run(creds: &Creds, args: &Args) -> Result<(), Fail> {
    let url = args.database_url.as_deref().ok_or_else(|| {
        Fail::usage(
            "no order store: set DATABASE_URL or --database-url (sqlite://FILE or postgres://...)",
        )
    })?;
    // Checked before anything is opened: a credential or country mistake touches no store.
    let reconcile = match &args.command {
        OrdersCommand::Reconcile { country } => {
            Some(gateway_config(crate::country(country)?, creds)?)
        }
        _ => None,
    };
    existing_file(url)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Fail::new(Exit::Refused, format!("cannot start: {e}")))?;
    runtime.block_on(async move {
        let store = paypro_store::open(url).await.map_err(store_fail)?;
        match &args.command {
            OrdersCommand::List {
                needs_person,
                open,
                limit,
            } => {
                let filter = if *needs_person {
                    OrderFilter::NeedsPerson
                } else if *open {
                    OrderFilter::Open
                } else {
                    OrderFilter::All
                };
                let records = store
                    .records(filter, *limit as usize)
                    .await
                    .map_err(store_fail)?;
                list(&records, filter, args.json)
            }
            OrdersCommand::Show { order } => {
                let key = order_key(order);
                let Some(record) = store.record(&key).await.map_err(store_fail)? else {
                    return Err(Fail::new(Exit::Refused, not_found(&key)));
                };
                let actions: Vec<PendingAction> = store
                    .actions(false, ALL)
                    .await
                    .map_err(store_fail)?
                    .into_iter()
                    .filter(|a| a.key == record.key)
                    .collect();
                show(&record, &actions, args.json)
            }
            OrdersCommand::Actions { limit } => {
                let actions = store
                    .actions(true, *limit as usize)
                    .await
                    .map_err(store_fail)?;
                pending_actions(&actions, args.json)
            }
            OrdersCommand::Reconcile { .. } => {
                let (c, config) = reconcile.expect("checked above");
                let (checked, needs_person) = reconcile_with(store, c, config, args.json).await?;
                reconciled(c, checked, needs_person, args.json)
            }
        }
    })
}

/// The store key an operator means: `pay-in:X` and `payout:X` as given, a bare `X` a pay-in.
fn order_key(given: &str) -> String {
    match paypro_store::split_key(given) {
        (Some(_), _) => given.to_string(),
        (None, trade_no) => Flow::PayIn.order_key(trade_no),
    }
}

fn not_found(key: &str) -> String {
    let (flow, trade_no) = paypro_store::split_key(key);
    let other = match flow {
        Some(Flow::Payout) => Flow::PayIn,
        _ => Flow::Payout,
    };
    format!(
        "no order `{}` in the store (a {} is `{}`); `paypro orders list` lists them",
        cell(key),
        other.as_str(),
        cell(&other.order_key(trade_no))
    )
}

/// An `sqlite://FILE` that does not exist is a mistake here (opening it would create an empty
/// store and list nothing), not a new store.
fn existing_file(url: &str) -> Result<(), Fail> {
    let Some(path) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    else {
        return Ok(());
    };
    if path.is_empty() || std::path::Path::new(path).is_file() {
        return Ok(());
    }
    Err(Fail::usage(format!(
        "the SQLite store {} does not exist (a path relative to the working directory unless it starts with /: sqlite:///var/lib/shop/orders.db)",
        cell(path)
    )))
}

/// What a store failure means for the command: a URL naming no store is a usage error; any
/// other failure exits 1.
fn store_fail(e: StoreError) -> Fail {
    let exit = match e {
        StoreError::Url(_) => Exit::Usage,
        _ => Exit::Refused,
    };
    Fail::new(
        exit,
        format!("the order store: {}", cell(&output::error_chain(&e))),
    )
}

// ---- list ----

fn list(records: &[OrderRecord], filter: OrderFilter, json: bool) -> Result<(), Fail> {
    if json {
        let orders: Vec<Value> = records.iter().map(record_json).collect();
        return print_json(&json!({ "orders": orders }));
    }
    if records.is_empty() {
        let none = match filter {
            OrderFilter::NeedsPerson => "no order needs a person",
            OrderFilter::Open => "no open order",
            _ => "no order",
        };
        return output::print(none).map_err(Fail::unwritten);
    }
    let mut rows = vec![
        [
            "KEY",
            "STATE",
            "EXPECTED",
            "SUBMISSION",
            "CHECKS",
            "NEEDS PERSON",
        ]
        .map(String::from),
    ];
    for r in records {
        rows.push([
            cell(&r.key),
            state_text(r),
            r.order.expected().to_string(),
            r.submission.as_str().to_string(),
            r.checks.to_string(),
            r.needs_person.as_deref().map(cell).unwrap_or_default(),
        ]);
    }
    output::print(&table(&rows)).map_err(Fail::unwritten)
}

// ---- show ----

fn show(record: &OrderRecord, actions: &[PendingAction], json: bool) -> Result<(), Fail> {
    if json {
        let mut value = record_json(record);
        value["actions"] = actions.iter().map(action_json).collect();
        return print_json(&value);
    }
    let r = record;
    let none = || "-".to_string();
    let lines = [
        ("key", cell(&r.key)),
        (
            "flow",
            r.flow.map(|f| f.as_str().to_string()).unwrap_or_else(none),
        ),
        ("trade no", cell(&r.trade_no)),
        ("expected", r.order.expected().to_string()),
        ("state", state_text(r)),
        ("submission", r.submission.as_str().to_string()),
        (
            "endpoint",
            r.endpoint.as_deref().map(cell).unwrap_or_else(none),
        ),
        (
            "send error",
            r.send_error.as_deref().map(cell).unwrap_or_else(none),
        ),
        ("created", utc(r.created_ms)),
        ("updated", utc(r.updated_ms)),
        (
            "next check",
            r.check_after_ms
                .map(utc)
                .unwrap_or_else(|| "none (final, or needs a person)".into()),
        ),
        ("checks", r.checks.to_string()),
        (
            "last check error",
            r.last_check_error.as_deref().map(cell).unwrap_or_else(none),
        ),
        (
            "needs person",
            r.needs_person.as_deref().map(cell).unwrap_or_else(none),
        ),
    ];
    let mut text = String::new();
    for (label, value) in lines {
        text.push_str(&format!("{:<17} {value}\n", format!("{label}:")));
    }
    match &r.request {
        // As stored and sent, whole, on its own line (a JSON body: characters a terminal would
        // act on are written as JSON escapes, the same value).
        Some(body) => text.push_str(&format!("request:\n{}\n", output::json_text(body))),
        None => text.push_str("request:          - (not sent by the library)\n"),
    }
    if actions.is_empty() {
        text.push_str("actions:          none");
    } else {
        text.push_str("actions:\n");
        let mut rows = vec![action_header()];
        rows.extend(actions.iter().map(action_row));
        let table = table(&rows);
        let indented: Vec<String> = table.lines().map(|l| format!("  {l}")).collect();
        text.push_str(&indented.join("\n"));
    }
    output::print(&text).map_err(Fail::unwritten)
}

// ---- actions ----

fn pending_actions(actions: &[PendingAction], json: bool) -> Result<(), Fail> {
    if json {
        let list: Vec<Value> = actions.iter().map(action_json).collect();
        return print_json(&json!({ "actions": list }));
    }
    if actions.is_empty() {
        return output::print("no pending action").map_err(Fail::unwritten);
    }
    let mut rows = vec![action_header()];
    rows.extend(actions.iter().map(action_row));
    output::print(&table(&rows)).map_err(Fail::unwritten)
}

fn action_header() -> [String; 8] {
    [
        "ID",
        "IDEMPOTENCY KEY",
        "KEY",
        "ACTION",
        "STATUS",
        "ATTEMPTS",
        "DONE",
        "LAST ERROR",
    ]
    .map(String::from)
}

fn action_row(a: &PendingAction) -> [String; 8] {
    [
        a.id.to_string(),
        a.idempotency_key(),
        cell(&a.key),
        tagged(
            serde_json::to_value(&a.action).unwrap_or(Value::Null),
            "action",
        ),
        cell(&a.status),
        a.attempts.to_string(),
        a.done_ms.map(utc).unwrap_or_else(|| "pending".into()),
        a.last_error.as_deref().map(cell).unwrap_or_default(),
    ]
}

// ---- reconcile ----

/// The client configuration from the same credentials as a call, checked before the store
/// is opened.
fn gateway_config(
    c: &'static CountryDescriptor,
    creds: &Creds,
) -> Result<(&'static CountryDescriptor, Config), Fail> {
    let secret = secret::need_secret(creds)?;
    let merchant_no = need_merchant_no(creds)?;
    Ok((c, with_connection(Config::new(merchant_no, secret), creds)?))
}

/// Runs the reconciler until no order is due, with the country's client; returns what it
/// did and how many orders need a person now.
async fn reconcile_with(
    store: AnyStore,
    c: &'static CountryDescriptor,
    config: Config,
    json: bool,
) -> Result<(Checked, usize), Fail> {
    let client_fail = Fail::from;
    match c.code {
        "bd" => {
            run_reconciler(
                store,
                paypro_all::bd::Client::new(config).map_err(client_fail)?,
                json,
            )
            .await
        }
        "eg" => {
            run_reconciler(
                store,
                paypro_all::eg::Client::new(config).map_err(client_fail)?,
                json,
            )
            .await
        }
        "id" => {
            run_reconciler(
                store,
                paypro_all::id::Client::new(config).map_err(client_fail)?,
                json,
            )
            .await
        }
        "ke" => {
            run_reconciler(
                store,
                paypro_all::ke::Client::new(config).map_err(client_fail)?,
                json,
            )
            .await
        }
        "mx" => {
            run_reconciler(
                store,
                paypro_all::mx::Client::new(config).map_err(client_fail)?,
                json,
            )
            .await
        }
        other => Err(Fail::usage(format!(
            "`paypro orders reconcile` does not know the client of `{other}` yet"
        ))),
    }
}

async fn run_reconciler<Q: OrderQuery>(
    store: AnyStore,
    client: Q,
    json: bool,
) -> Result<(Checked, usize), Fail> {
    let bar = progress_bar(json);
    let lifecycle = Lifecycle::new(store, client);
    let checked = lifecycle
        .reconciler()
        .run_until_idle(|done, total| {
            bar.set_length(total);
            bar.set_position(done);
        })
        .await;
    bar.finish_and_clear();
    let checked = checked.map_err(store_fail)?;
    let needs_person = lifecycle
        .store()
        .records(OrderFilter::NeedsPerson, ALL)
        .await
        .map_err(store_fail)?
        .len();
    Ok((checked, needs_person))
}

/// A bar on stderr while orders are queried; hidden when stderr is not a terminal or the
/// output is JSON.
fn progress_bar(json: bool) -> ProgressBar {
    if json || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} querying orders {pos}/{len} {wide_bar} {elapsed}")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

fn reconciled(
    c: &CountryDescriptor,
    checked: Checked,
    needs_person: usize,
    json: bool,
) -> Result<(), Fail> {
    if json {
        return print_json(&json!({
            "country": c.code,
            "queried": checked.queried,
            "answered": checked.answered,
            "failed": checked.failed,
            "needs_person": needs_person,
        }));
    }
    let people = match needs_person {
        0 => "no order needs a person".to_string(),
        1 => "1 order needs a person: `paypro orders list --needs-person`".to_string(),
        n => format!("{n} orders need a person: `paypro orders list --needs-person`"),
    };
    output::print(&format!(
        "{} ({}): queried {}, answered {}, failed {}\n{people}",
        c.code, c.name, checked.queried, checked.answered, checked.failed
    ))
    .map_err(Fail::unwritten)
}

// ---- shared ----

fn record_json(r: &OrderRecord) -> Value {
    json!({
        "key": r.key,
        "flow": r.flow.map(Flow::as_str),
        "trade_no": r.trade_no,
        "expected": r.order.expected().to_string(),
        "state": serde_json::to_value(r.order.state()).unwrap_or(Value::Null),
        "final": r.order.is_final(),
        "submission": r.submission.as_str(),
        "endpoint": r.endpoint,
        "request": r.request,
        "send_error": r.send_error,
        "created_ms": r.created_ms,
        "updated_ms": r.updated_ms,
        "check_after_ms": r.check_after_ms,
        "checks": r.checks,
        "last_check_error": r.last_check_error,
        "needs_person": r.needs_person,
    })
}

fn action_json(a: &PendingAction) -> Value {
    json!({
        "id": a.id,
        "idempotency_key": a.idempotency_key(),
        "key": a.key,
        "flow": a.flow.map(Flow::as_str),
        "trade_no": a.trade_no,
        "action": serde_json::to_value(&a.action).unwrap_or(Value::Null),
        "alert": a.is_alert(),
        "status": a.status,
        "at_ms": a.at_ms,
        "attempts": a.attempts,
        "last_error": a.last_error,
        "done_ms": a.done_ms,
    })
}

/// The order's state as text: its name, then its facts (`paid amount=30000`).
fn state_text(r: &OrderRecord) -> String {
    tagged(
        serde_json::to_value(r.order.state()).unwrap_or(Value::Null),
        "state",
    )
}

/// A tagged value (`{"state":"paid","amount":"30000"}`) as one line: `paid amount=30000`.
fn tagged(value: Value, tag: &str) -> String {
    let Value::Object(fields) = value else {
        return cell(&value.to_string());
    };
    let mut words = Vec::new();
    if let Some(Value::String(name)) = fields.get(tag) {
        words.push(name.clone());
    }
    for (name, value) in &fields {
        if name == tag {
            continue;
        }
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Null => "none".to_string(),
            other => other.to_string(),
        };
        words.push(format!("{name}={text}"));
    }
    cell(&words.join(" "))
}

/// Stored text for one line, by the rule for received text (escaped, cut when long).
fn cell(text: &str) -> String {
    untrusted::text(text).to_string()
}

/// Rows in columns two spaces apart (the last column not padded).
fn table<const N: usize>(rows: &[[String; N]]) -> String {
    let mut widths = [0usize; N];
    for row in rows {
        for (w, text) in widths.iter_mut().zip(row) {
            *w = (*w).max(text.chars().count());
        }
    }
    let lines: Vec<String> = rows
        .iter()
        .map(|row| {
            let mut line = String::new();
            for (i, text) in row.iter().enumerate() {
                line.push_str(text);
                if i + 1 < N {
                    let pad = widths[i] - text.chars().count() + 2;
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
            line.trim_end().to_string()
        })
        .collect();
    lines.join("\n")
}

fn print_json(value: &Value) -> Result<(), Fail> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Fail::new(Exit::Refused, format!("cannot write JSON: {e}")))?;
    output::print(&output::json_text(&text)).map_err(Fail::unwritten)
}

/// Milliseconds since the epoch as `2026-05-01 10:00:00.123 UTC`.
fn utc(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let milli = ms.rem_euclid(1000);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}.{milli:03} UTC",
        s / 3600,
        s % 3600 / 60,
        s % 60
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0), "1970-01-01 00:00:00.000 UTC");
        assert_eq!(utc(951_782_400_123), "2000-02-29 00:00:00.123 UTC");
        assert_eq!(utc(1_767_225_599_999), "2025-12-31 23:59:59.999 UTC");
        assert_eq!(utc(-1), "1969-12-31 23:59:59.999 UTC");
    }

    #[test]
    fn keys_and_cells() {
        assert_eq!(order_key("T1"), "pay-in:T1");
        assert_eq!(order_key("pay-in:T1"), "pay-in:T1");
        assert_eq!(order_key("payout:T1"), "payout:T1");
        assert_eq!(cell("a\x1b[31mb\nc"), "a\\u{1b}[31mb\\nc");
        assert_eq!(
            tagged(json!({"state": "paid", "amount": "30000"}), "state"),
            "paid amount=30000"
        );
        assert_eq!(
            table(&[["a".to_string(), "b".into()], ["ccc".into(), "d".into()]]),
            "a    b\nccc  d"
        );
    }
}
