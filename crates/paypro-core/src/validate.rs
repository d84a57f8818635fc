//! Checking request fields against the spec's rules, in one place.
//!
//! Generated builders call [`check_text`] and [`check_amount`] with the field's
//! [`FieldSpec`]; the sandbox calls the same functions on what it receives.

use std::fmt;

use crate::Amount;
use crate::amount::{AmountError, AmountInput};
use crate::descriptor::{FieldKind, FieldSpec};

/// One broken rule on one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field's wire name (`amount`, `mobile`).
    pub field: &'static str,
    /// The rule it breaks.
    pub problem: Problem,
}

/// The rule a field breaks. Messages never repeat text values (they may be card numbers or
/// phone numbers); amounts are repeated.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// A required field was not set.
    Missing,
    /// A required text field is empty.
    Empty,
    /// Not a valid amount.
    Amount(AmountError),
    /// Below the minimum.
    BelowMin {
        /// The smallest allowed value.
        min: u64,
        /// The value given.
        got: u64,
    },
    /// Above the maximum.
    AboveMax {
        /// The largest allowed value.
        max: u64,
        /// The value given.
        got: u64,
    },
    /// Not all ASCII digits.
    NotDigits,
    /// Wrong number of digits.
    DigitCount {
        /// The fewest digits allowed.
        min: u32,
        /// The most digits allowed.
        max: u32,
        /// How many were given.
        got: usize,
    },
    /// Does not start with an allowed prefix.
    Prefix {
        /// The allowed prefixes.
        allowed: &'static [&'static str],
    },
    /// Longer than allowed.
    TooLong {
        /// The most characters allowed.
        max: u32,
        /// How many were given.
        got: usize,
    },
    /// Not one of the documented values.
    NotOneOf {
        /// The documented values.
        allowed: &'static [&'static str],
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Missing => f.write_str("is required but was not set"),
            Problem::Empty => f.write_str("is required and must not be empty"),
            Problem::Amount(e) => write!(f, "{e}"),
            Problem::BelowMin { min, got } => write!(f, "must be at least {min} (got {got})"),
            Problem::AboveMax { max, got } => write!(f, "must be at most {max} (got {got})"),
            Problem::NotDigits => f.write_str("must contain only digits"),
            Problem::DigitCount { min, max, got } if min == max => {
                write!(f, "must be exactly {min} digits (got {got})")
            }
            Problem::DigitCount { min, max, got } => {
                write!(f, "must be {min} to {max} digits (got {got})")
            }
            Problem::Prefix { allowed } => {
                write!(f, "must start with {}", or_list(allowed))
            }
            Problem::TooLong { max, got } => {
                write!(f, "must be at most {max} characters (got {got})")
            }
            Problem::NotOneOf { allowed } => write!(f, "must be one of {}", or_list(allowed)),
        }
    }
}

fn or_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` {}", self.field, self.problem)
    }
}

/// A request that breaks the spec's rules; nothing was sent. Holds every broken rule, at least
/// one.
///
/// ```
/// # use paypro_core::{FieldError, Problem, ValidationError};
/// let e = ValidationError::new(vec![FieldError { field: "amount", problem: Problem::BelowMin { min: 100, got: 99 } }]);
/// assert_eq!(e.to_string(), "invalid request: `amount` must be at least 100 (got 99)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    errors: Vec<FieldError>,
}

impl ValidationError {
    /// Wraps a non-empty list of field errors.
    pub fn new(errors: Vec<FieldError>) -> Self {
        ValidationError { errors }
    }

    /// Every broken rule, in field order.
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// The error for one field, if it broke a rule.
    pub fn field(&self, wire: &str) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.field == wire)
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid request: ")?;
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationError {}

/// Collects field errors while a builder checks its fields.
#[derive(Debug, Default)]
pub struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    /// An empty checker.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a problem.
    pub fn fail(&mut self, field: &FieldSpec, problem: Problem) {
        self.errors.push(FieldError {
            field: field.wire,
            problem,
        });
    }

    /// Checks a required text (or enum wire) value; `None` when it is missing or breaks a rule.
    pub fn required_text(&mut self, field: &FieldSpec, value: Option<String>) -> Option<String> {
        match value {
            None => {
                self.fail(field, Problem::Missing);
                None
            }
            Some(v) => self.keep(field, v),
        }
    }

    /// Checks an optional text (or enum wire) value; unset and empty both become `None` (an
    /// empty value would be neither signed nor meaningful).
    pub fn optional_text(&mut self, field: &FieldSpec, value: Option<String>) -> Option<String> {
        match value {
            Some(v) if !v.is_empty() => self.keep(field, v),
            _ => None,
        }
    }

    fn keep(&mut self, field: &FieldSpec, value: String) -> Option<String> {
        match check_text(field, &value) {
            Ok(()) => Some(value),
            Err(problem) => {
                self.fail(field, problem);
                None
            }
        }
    }

    /// Checks a required amount (or the reason it could not be read).
    pub fn required_amount(
        &mut self,
        field: &FieldSpec,
        value: Option<AmountInput>,
    ) -> Option<Amount> {
        self.required_amount_within(field, value, None)
    }

    /// [`Checker::required_amount`], with the merchant's own `(min, max)` in place of the
    /// spec's bounds where the docs call them adjustable.
    pub fn required_amount_within(
        &mut self,
        field: &FieldSpec,
        value: Option<AmountInput>,
        limits: Option<(u64, u64)>,
    ) -> Option<Amount> {
        let checked = match value {
            None => Err(Problem::Missing),
            Some(AmountInput(Err(e))) => Err(Problem::Amount(e)),
            Some(AmountInput(Ok(a))) => {
                let (min, max) = limits.map_or((field.rules.min, field.rules.max), |(lo, hi)| {
                    (Some(lo), Some(hi))
                });
                check_amount_between(min, max, a).map(|()| a)
            }
        };
        match checked {
            Ok(a) => Some(a),
            Err(problem) => {
                self.fail(field, problem);
                None
            }
        }
    }

    /// Whether no rule was broken so far.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }

    /// The broken rules as an error.
    pub fn into_error(self) -> ValidationError {
        ValidationError::new(self.errors)
    }

    /// `Ok` when nothing failed.
    pub fn finish(self) -> Result<(), ValidationError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationError::new(self.errors))
        }
    }
}

/// Checks a text (or enum wire) value. Optional fields set to `""` pass: an empty value is
/// neither signed nor meaningful, as in Paypro's reference code.
pub fn check_text(field: &FieldSpec, value: &str) -> Result<(), Problem> {
    if value.is_empty() {
        return if field.required {
            Err(Problem::Empty)
        } else {
            Ok(())
        };
    }
    if let FieldKind::Enum(allowed) = field.kind {
        if !allowed.contains(&value) {
            return Err(Problem::NotOneOf { allowed });
        }
    }
    if let FieldKind::Amount = field.kind {
        let amount = Amount::parse(value).map_err(Problem::Amount)?;
        return check_amount(field, amount);
    }
    let r = &field.rules;
    if let Some((min, max)) = r.digits {
        if !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Problem::NotDigits);
        }
        let got = value.len();
        if got < min as usize || got > max as usize {
            return Err(Problem::DigitCount { min, max, got });
        }
    }
    if !r.prefixes.is_empty() && !r.prefixes.iter().any(|p| value.starts_with(p)) {
        return Err(Problem::Prefix {
            allowed: r.prefixes,
        });
    }
    if let Some(max) = r.max_len {
        let got = value.chars().count();
        if got > max as usize {
            return Err(Problem::TooLong { max, got });
        }
    }
    Ok(())
}

/// Checks an amount against its field's bounds.
pub fn check_amount(field: &FieldSpec, amount: Amount) -> Result<(), Problem> {
    check_amount_between(field.rules.min, field.rules.max, amount)
}

/// The one amount rule: at least 1 (a zero pay-in or payout is refused), at most
/// [`Amount::MAX`] (`i64::MAX`, the gateway's Java `long`), and within the given bounds.
fn check_amount_between(min: Option<u64>, max: Option<u64>, amount: Amount) -> Result<(), Problem> {
    let got = amount.get();
    let min = min.unwrap_or(1).max(1);
    let max = max.unwrap_or(Amount::MAX.get()).min(Amount::MAX.get());
    if got < min {
        return Err(Problem::BelowMin { min, got });
    }
    if got > max {
        return Err(Problem::AboveMax { max, got });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::descriptor::{Rules, WireType};

    const MOBILE: FieldSpec = FieldSpec {
        wire: "mobile",
        kind: FieldKind::Text,
        wire_type: WireType::String,
        required: true,
        rules: Rules {
            digits: Some((10, 13)),
            prefixes: &["08", "628"],
            ..Rules::NONE
        },
        doc: "",
    };
    const AMOUNT: FieldSpec = FieldSpec {
        wire: "amount",
        kind: FieldKind::Amount,
        wire_type: WireType::String,
        required: true,
        rules: Rules {
            min: Some(100),
            max: Some(10_000),
            ..Rules::NONE
        },
        doc: "",
    };
    const WAY: FieldSpec = FieldSpec {
        wire: "wayCode",
        kind: FieldKind::Enum(&["BKASH", "NAGAD"]),
        wire_type: WireType::String,
        required: false,
        rules: Rules {
            max_len: Some(5),
            ..Rules::NONE
        },
        doc: "",
    };

    #[test]
    fn mobile_rules() {
        assert_eq!(check_text(&MOBILE, "6281245907765"), Ok(()));
        assert_eq!(check_text(&MOBILE, "0812345678"), Ok(()));
        assert_eq!(check_text(&MOBILE, ""), Err(Problem::Empty));
        assert_eq!(check_text(&MOBILE, "+6281245907"), Err(Problem::NotDigits));
        assert_eq!(
            check_text(&MOBILE, "081234567"),
            Err(Problem::DigitCount {
                min: 10,
                max: 13,
                got: 9
            })
        );
        assert!(matches!(
            check_text(&MOBILE, "7281245907765"),
            Err(Problem::Prefix { .. })
        ));
    }

    #[test]
    fn amount_rules_also_on_text() {
        assert_eq!(check_amount(&AMOUNT, Amount::new(100)), Ok(()));
        assert_eq!(check_amount(&AMOUNT, Amount::new(10_000)), Ok(()));
        assert_eq!(
            check_amount(&AMOUNT, Amount::new(99)),
            Err(Problem::BelowMin { min: 100, got: 99 })
        );
        assert_eq!(
            check_text(&AMOUNT, "10001"),
            Err(Problem::AboveMax {
                max: 10_000,
                got: 10_001
            })
        );
        assert_eq!(
            check_text(&AMOUNT, "150.5"),
            Err(Problem::Amount(AmountError::HasDecimals))
        );
    }

    #[test]
    fn enums_and_optional_empty() {
        assert_eq!(check_text(&WAY, ""), Ok(()));
        assert_eq!(check_text(&WAY, "NAGAD"), Ok(()));
        let e = check_text(&WAY, "ROCKET").unwrap_err();
        assert_eq!(e.to_string(), "must be one of `BKASH` or `NAGAD`");
    }

    #[test]
    fn messages_name_the_field_and_rule_without_echoing_text() {
        let mut c = Checker::new();
        assert_eq!(c.required_text(&MOBILE, Some("12345".into())), None);
        assert_eq!(
            c.required_amount(&AMOUNT, Some(AmountInput(Ok(Amount::new(99))))),
            None
        );
        assert_eq!(c.optional_text(&WAY, Some(String::new())), None);
        assert!(!c.is_clean());
        let e = c.finish().unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid request: `mobile` must be 10 to 13 digits (got 5); `amount` must be at least 100 (got 99)"
        );
        assert!(e.field("mobile").is_some());
        assert!(!e.to_string().contains("12345"));
    }
}
