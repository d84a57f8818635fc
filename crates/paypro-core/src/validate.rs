//! Checking request fields against the spec's rules, in one place.
//!
//! Generated builders call [`check_text`] and [`check_amount`] with the field's
//! [`FieldSpec`]; the sandbox calls the same functions on what it receives.

use std::fmt;

use crate::Amount;
use crate::amount::{AmountError, AmountInput};
use crate::descriptor::{FieldKind, FieldSpec, TextFormat};

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
    /// Not in the field's structured format.
    Format {
        /// The format required.
        format: TextFormat,
        /// What is wrong, in a few words (never the value itself).
        why: &'static str,
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
            Problem::Format { format, why } => {
                write!(f, "must be {} ({why})", format.describe())
            }
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

    /// Checks a field's conditional format ([`check_conditional_format`]) once both it and the
    /// field its rule depends on were read: `other` is that field's wire value.
    pub fn conditional_format(
        &mut self,
        field: &FieldSpec,
        value: Option<&str>,
        other: Option<&str>,
    ) {
        if let Some(value) = value {
            if let Err(problem) = check_conditional_format(field, value, other) {
                self.fail(field, problem);
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
    match (r.format, r.format_when) {
        (Some(format), None) => {
            check_format(format, value).map_err(|why| Problem::Format { format, why })
        }
        _ => Ok(()),
    }
}

/// Checks a field whose format applies only when another field has a given value (a CLABE when
/// `customerAccountType` is `CLABE`): `other` is that field's wire value in the same request.
/// Fields without such a rule, and empty values, pass.
pub fn check_conditional_format(
    field: &FieldSpec,
    value: &str,
    other: Option<&str>,
) -> Result<(), Problem> {
    match (field.rules.format, field.rules.format_when) {
        (Some(format), Some(when)) if other == Some(when.is) && !value.is_empty() => {
            check_format(format, value).map_err(|why| Problem::Format { format, why })
        }
        _ => Ok(()),
    }
}

/// The CLABE check digit (an ASCII digit) of its first 17 ASCII digits: weights 3, 7, 1
/// repeated, each product mod 10, and 10 minus the sum mod 10.
pub(crate) fn clabe_check_digit(first17: &[u8]) -> u8 {
    let sum: u32 = first17
        .iter()
        .zip([3u32, 7, 1].iter().cycle())
        .map(|(d, w)| (u32::from(d - b'0') * w) % 10)
        .sum();
    b'0' + ((10 - sum % 10) % 10) as u8
}

/// Whether `value` is in `format`; if not, what is wrong, in a few words that never repeat the
/// value. The one place each format's rule lives.
///
/// [`TextFormat::HttpUrl`]: an absolute `http` or `https` URL with a host, written without a
/// control character, white space or a backslash (which the URL parser would drop, strip or
/// read as `/`, so that the URL used would not be the text signed). The sandbox checks
/// `notifyUrl` and `returnUrl` by this same rule.
///
/// ```
/// use paypro_core::check_format;
/// use paypro_core::descriptor::TextFormat;
///
/// assert_eq!(check_format(TextFormat::HttpUrl, "https://shop.example/paypro/notify"), Ok(()));
/// assert_eq!(check_format(TextFormat::HttpUrl, "/paypro/notify"), Err("not an absolute URL"));
/// assert!(check_format(TextFormat::HttpUrl, "https://shop.example/notify\n").is_err());
/// assert_eq!(check_format(TextFormat::Clabe, "012180000000000015"), Ok(()));
/// assert_eq!(check_format(TextFormat::Clabe, "012180000000000016"), Err("wrong check digit"));
/// ```
pub fn check_format(format: TextFormat, value: &str) -> Result<(), &'static str> {
    match format {
        TextFormat::HttpUrl => {
            let url = url::Url::parse(value).map_err(|e| match e {
                url::ParseError::RelativeUrlWithoutBase => "not an absolute URL",
                url::ParseError::EmptyHost => "no host",
                _ => "not a URL",
            })?;
            if !matches!(url.scheme(), "http" | "https") {
                return Err("the scheme is not http or https");
            }
            if url.host_str().is_none_or(str::is_empty) {
                return Err("no host");
            }
            // The parser forgives what it drops (tabs, line breaks), strips (control characters
            // and spaces at the ends) or rewrites (a backslash read as `/`): the URL it reads
            // would not be the text that was signed.
            if value
                .chars()
                .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
            {
                return Err(URL_TEXT);
            }
            Ok(())
        }
        TextFormat::Clabe => {
            let digits = value.as_bytes();
            if digits.len() != 18 || !digits.iter().all(u8::is_ascii_digit) {
                return Err("not 18 digits");
            }
            if digits[17] == clabe_check_digit(&digits[..17]) {
                Ok(())
            } else {
                Err("wrong check digit")
            }
        }
    }
}

/// Why a URL holding a control character, white space or a backslash is refused.
const URL_TEXT: &str = "it holds a control character, white space or a backslash, which a URL parser drops or rewrites";

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

    const NOTIFY_URL: FieldSpec = FieldSpec {
        wire: "notifyUrl",
        kind: FieldKind::Text,
        wire_type: WireType::String,
        required: true,
        rules: Rules {
            format: Some(TextFormat::HttpUrl),
            ..Rules::NONE
        },
        doc: "",
    };

    /// What a builder does with a URL field (`Checker::required_text`, as generated): a URL
    /// with a line break, tab, space or backslash is refused, naming the field and the rule.
    #[test]
    fn a_builder_refuses_a_url_the_parser_would_rewrite() {
        for bad in [
            "https://a.example/cb\n",
            "https://a.example/c\tb",
            "https://a.example/c b",
            "https://a.example\\cb",
        ] {
            let mut c = Checker::new();
            assert_eq!(
                c.required_text(&NOTIFY_URL, Some(bad.into())),
                None,
                "{bad:?}"
            );
            let e = c.finish().unwrap_err();
            assert_eq!(
                e.field("notifyUrl").map(|e| &e.problem),
                Some(&Problem::Format {
                    format: TextFormat::HttpUrl,
                    why: URL_TEXT
                }),
                "{bad:?}"
            );
            assert_eq!(
                e.to_string(),
                format!(
                    "invalid request: `notifyUrl` must be an absolute http(s) URL ({URL_TEXT})"
                )
            );
        }
        let mut c = Checker::new();
        let good = "https://a.example/cb?x=%20";
        assert_eq!(
            c.required_text(&NOTIFY_URL, Some(good.into())).as_deref(),
            Some(good)
        );
    }

    #[test]
    fn formats_say_what_is_wrong_without_the_value() {
        use crate::descriptor::TextFormat::{Clabe, HttpUrl};
        for good in [
            "https://shop.example/paypro/notify?order=1&x=%20",
            "HTTP://SHOP.EXAMPLE",
            "http://127.0.0.1:8080/notify",
            "http://[::1]/n",
        ] {
            assert_eq!(check_format(HttpUrl, good), Ok(()), "{good}");
        }
        for (bad, why) in [
            ("not a url", "not an absolute URL"),
            ("", "not an absolute URL"),
            ("//shop.example/notify", "not an absolute URL"),
            ("https://", "no host"),
            (
                "ftp://shop.example/notify",
                "the scheme is not http or https",
            ),
            ("javascript:alert(1)", "the scheme is not http or https"),
            ("mailto:a@b.example", "the scheme is not http or https"),
            ("https://exa mple.com", "not a URL"),
        ] {
            assert_eq!(check_format(HttpUrl, bad), Err(why), "{bad}");
        }
        // What the URL parser would drop, strip or rewrite: what is signed would not be the
        // URL a parser reads.
        for bad in [
            "https://a.example/cb\n",
            "https://a.example/c\tb",
            "https://a.example/c\rb",
            "https://a.example/cb\u{0}",
            "https://a.example/cb\u{1b}",
            "https://a.example/cb\u{7f}",
            "https://a.example/cb\u{85}",
            "https://a.example/c b",
            " https://a.example/cb",
            "https://a.example/cb ",
            "https://a.example/cb\u{a0}",
            "https://a.example/cb\u{2028}",
            "https:\\\\a.example\\cb",
            "https://a.example\\cb",
        ] {
            assert_eq!(check_format(HttpUrl, bad), Err(URL_TEXT), "{bad:?}");
        }
        assert_eq!(check_format(Clabe, "002010077777777771"), Ok(()));
        for (bad, why) in [
            ("002010077777777772", "wrong check digit"),
            ("00201007777777777", "not 18 digits"),
            ("0020100777777777711", "not 18 digits"),
            ("00201007777777777x", "not 18 digits"),
            ("００２０１００７７７７７７７７７７１", "not 18 digits"),
        ] {
            assert_eq!(check_format(Clabe, bad), Err(why), "{bad}");
        }
        let problem = Problem::Format {
            format: Clabe,
            why: "wrong check digit",
        };
        assert_eq!(
            problem.to_string(),
            "must be a CLABE (18 digits, the last a check digit) (wrong check digit)"
        );
    }
}
