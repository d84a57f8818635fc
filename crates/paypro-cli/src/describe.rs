//! Each country as a subcommand with its endpoints as subcommands, and the field lists of
//! `--list` and of an endpoint's help, from the descriptors: each field's JSON type, whether it
//! is required, its rules and its allowed values.

use clap::{Arg, ArgAction, Command};
use paypro_core::descriptor::{
    CountryDescriptor, Effect, EndpointDescriptor, FieldKind, FieldSpec, WireType,
};

/// `paypro CC`: the country's endpoints as subcommands, and `--list`.
pub fn country_command(c: &'static CountryDescriptor) -> Command {
    let sandbox = match c.sandbox_base_url {
        Some(url) => format!("Without --base-url, calls go to the documented sandbox {url}."),
        None => "The docs give no sandbox URL for this country: give --base-url.".to_string(),
    };
    Command::new(c.code)
        .about(format!("{} ({}): call an endpoint", c.name, c.currency))
        .long_about(format!(
            "{} ({}): call an endpoint. The request fields (wire names) come as JSON on stdin or \
             --data; empty stdin, or a terminal, means {{}}. {sandbox}",
            c.name, c.currency
        ))
        .after_help(format!(
            "`paypro {code} ENDPOINT --help` shows an endpoint's fields; `paypro {code} --list` \
             every endpoint's.",
            code = c.code
        ))
        .arg(
            Arg::new("list")
                .long("list")
                .action(ArgAction::SetTrue)
                .help("List the endpoints and their fields: JSON type, required or optional, rules and allowed values"),
        )
        // An unknown endpoint gets the tool's own message (naming `--list`).
        .allow_external_subcommands(true)
        .subcommands(c.endpoints.iter().map(|e| endpoint_command(c, e)))
}

/// `paypro CC ENDPOINT`: its summary, fields and options.
fn endpoint_command(c: &CountryDescriptor, e: &'static EndpointDescriptor) -> Command {
    let effect = match e.effect {
        Effect::ReadOnly => "Read-only: safe to run again.",
        _ => {
            "Moves money: if the outcome is unknown, query the order by its tradeNo; never send it again on a guess."
        }
    };
    let mut fields = vec![format!("Fields (POST {}):", e.path)];
    if e.request.is_empty() {
        fields.push("  none (timestamp and sign are filled in)".to_string());
    }
    let mut documented = fields.clone();
    fields.extend(e.request.iter().map(|f| format!("  {}", field_line(f))));
    for f in e.request {
        documented.push(format!("  {}", field_line(f)));
        if !f.doc.is_empty() {
            documented.push(format!("      {}", f.doc));
        }
    }
    Command::new(e.name)
        .about(e.summary.to_string())
        .long_about(format!("{} ({}) {effect}", e.summary, c.name))
        .after_help(fields.join("\n"))
        .after_long_help(documented.join("\n"))
        .arg(
            Arg::new("data")
                .long("data")
                .value_name("JSON")
                .help("The request fields as a JSON object (else stdin; empty means {})"),
        )
        .arg(
            Arg::new("dry-run")
                .long("dry-run")
                .action(ArgAction::SetTrue)
                .help("Print the exchange (method, path, headers, body, canonical string, sign) instead of sending it"),
        )
        .arg(
            Arg::new("timestamp")
                .long("timestamp")
                .value_name("MS")
                .value_parser(clap::value_parser!(u64))
                .help("Sign with this timestamp (milliseconds) instead of now"),
        )
}

/// The country's endpoints and their fields, as `--list` prints them.
pub fn list(c: &CountryDescriptor) -> String {
    let mut out = Vec::new();
    for e in c.endpoints {
        let effect = match e.effect {
            Effect::ReadOnly => "read-only",
            _ => "moves money",
        };
        out.push(format!(
            "{} — POST {} ({effect}): {}",
            e.name, e.path, e.summary
        ));
        if e.request.is_empty() {
            out.push("    (no fields)".to_string());
        }
        for f in e.request {
            out.push(format!("    {}", field_line(f)));
        }
    }
    out.join("\n")
}

/// `wayCode  string  required  one of: store, va`.
fn field_line(f: &FieldSpec) -> String {
    let wire_type = match f.wire_type {
        WireType::Number => "number",
        _ => "string",
    };
    let required = if f.required { "required" } else { "optional" };
    let rules = rules(f);
    let mut line = format!("{:<22} {wire_type:<6} {required:<8}", f.wire);
    if !rules.is_empty() {
        line.push_str("  ");
        line.push_str(&rules.join("; "));
    }
    line.trim_end().to_string()
}

/// A field's rules and allowed values, in words.
fn rules(f: &FieldSpec) -> Vec<String> {
    let mut out = Vec::new();
    match f.kind {
        FieldKind::Amount => out.push("whole units, no decimals".to_string()),
        FieldKind::Enum(values) => out.push(format!("one of: {}", values.join(", "))),
        _ => {}
    }
    let r = &f.rules;
    if let Some(min) = r.min {
        out.push(format!("at least {min}"));
    }
    if let Some(max) = r.max {
        out.push(format!("at most {max}"));
    }
    if let Some((lo, hi)) = r.digits {
        out.push(if lo == hi {
            format!("{lo} digits")
        } else {
            format!("{lo} to {hi} digits")
        });
    }
    if !r.prefixes.is_empty() {
        out.push(format!("starts with {}", r.prefixes.join(" or ")));
    }
    if let Some(max_len) = r.max_len {
        out.push(format!("at most {max_len} characters"));
    }
    out
}
