//! A request field's rules as one table, read from the spec's `[[endpoint.request]]` keys
//! (`min`, `max`, `digits`, `prefixes`, `max_len`, `format`, `format_when`). Everything that
//! states a rule is written from [`of`]: the builders' `Rules` and their docs
//! (`codegen/endpoint.rs`), and the OpenAPI request schemas (`openapi.rs`). A new kind of rule
//! is a new [`Rule`] variant, and every `match` on it must then say how it is written.

use crate::spec::{FieldKind, FormatWhen, RequestField, TextFormat};

/// One rule of a request field, as the spec states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule<'a> {
    /// An amount: at least this many units.
    Min(u64),
    /// An amount: at most this many units.
    Max(u64),
    /// Only ASCII digits, this many (fewest, most).
    Digits(u32, u32),
    /// Starts with one of these.
    Prefixes(&'a [String]),
    /// At most this many characters.
    MaxLen(u32),
    /// A structured format; with a condition, only when another field has a given value.
    Format(TextFormat, Option<&'a FormatWhen>),
}

/// The field's rules, in the order the builders check them.
pub fn of(f: &RequestField) -> Vec<Rule<'_>> {
    let mut rules = Vec::new();
    if let Some(m) = f.min {
        rules.push(Rule::Min(m));
    }
    if let Some(m) = f.max {
        rules.push(Rule::Max(m));
    }
    if let Some([a, b]) = f.digits {
        rules.push(Rule::Digits(a, b));
    }
    if !f.prefixes.is_empty() {
        rules.push(Rule::Prefixes(&f.prefixes));
    }
    if let Some(m) = f.max_len {
        rules.push(Rule::MaxLen(m));
    }
    if let Some(format) = f.format {
        rules.push(Rule::Format(format, f.format_when.as_ref()));
    }
    rules
}

/// The smallest amount any request may carry, whatever its field's bounds: a zero pay-in or
/// payout is refused (`paypro_core::validate`, `check_amount_between`).
pub const AMOUNT_FLOOR: u64 = 1;
/// The largest amount any request may carry: `i64::MAX`, the gateway's Java `long`
/// (`paypro_core::Amount::MAX`).
pub const AMOUNT_CEILING: u64 = i64::MAX as u64;

/// The bounds an amount field's values must lie within: its own, inside the floor and the
/// ceiling every amount has. `None` for a field that is not an amount.
pub fn amount_bounds(f: &RequestField) -> Option<(u64, u64)> {
    (f.kind == FieldKind::Amount).then(|| {
        (
            f.min.unwrap_or(AMOUNT_FLOOR).max(AMOUNT_FLOOR),
            f.max.unwrap_or(AMOUNT_CEILING).min(AMOUNT_CEILING),
        )
    })
}

/// A format in words, for docs.
pub fn format_doc(format: TextFormat) -> &'static str {
    match format {
        TextFormat::HttpUrl => "an absolute http(s) URL",
        TextFormat::Clabe => {
            "a CLABE: 18 digits with a valid check digit (the Mexican banking standard, not from Paypro's pages)"
        }
    }
}

/// A rule in words (`at least 100`, `exactly 10 digits`), as the crates' docs write it.
pub fn describe(rule: &Rule<'_>) -> String {
    match rule {
        Rule::Min(min) => format!("at least {min}"),
        Rule::Max(max) => format!("at most {max}"),
        Rule::Digits(a, b) if a == b => format!("exactly {a} digits"),
        Rule::Digits(a, b) => format!("{a} to {b} digits"),
        Rule::Prefixes(p) => {
            let p: Vec<String> = p.iter().map(|p| format!("`{p}`")).collect();
            format!("starts with {}", p.join(" or "))
        }
        Rule::MaxLen(m) => format!("at most {m} characters"),
        Rule::Format(format, None) => format_doc(*format).to_string(),
        Rule::Format(format, Some(w)) => {
            format!("when `{}` is `{}`, {}", w.field, w.is, format_doc(*format))
        }
    }
}
