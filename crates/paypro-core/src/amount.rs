//! Request amounts: whole units of the country's currency, never floats.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount in whole units of the country's currency (every documented request amount is
/// integer-only: "no decimals", "decimal points not supported").
///
/// How it travels (JSON string `"300"` or number `300`) is decided by the spec per field; it
/// is signed and sent as its digits either way. A whole-valued decimal (`"300.00"`, `300.0`)
/// is the same amount in every input form; a fraction is refused, never rounded. Zero and
/// values above [`Amount::MAX`] are refused when a request is built.
///
/// ```
/// use paypro_core::Amount;
/// assert_eq!(Amount::parse("300").unwrap().get(), 300);
/// assert_eq!(Amount::parse("300.00").unwrap().get(), 300);
/// assert!(Amount::parse("300.50").is_err());
/// assert!(Amount::parse("-1").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Amount(u64);

impl Amount {
    /// The largest amount a request may carry: `i64::MAX`, the gateway's Java `long`.
    pub const MAX: Amount = Amount(i64::MAX as u64);

    /// An amount of `units` whole currency units.
    pub const fn new(units: u64) -> Self {
        Amount(units)
    }

    /// The number of whole units.
    pub const fn get(self) -> u64 {
        self.0
    }

    /// Parses a number written in decimal (surrounding spaces allowed): digits, or a
    /// whole-valued decimal (`"300.00"`, `"3e2"`), which is the same amount; a fraction
    /// (`"300.5"`) is refused. It is sent as its digits (`300`), never with a decimal point.
    pub fn parse(text: &str) -> Result<Self, AmountError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(AmountError::NotANumber);
        }
        if t.bytes().all(|b| b.is_ascii_digit()) {
            return t.parse().map(Amount).map_err(|_| AmountError::TooLarge);
        }
        let parsed = if t.contains(['e', 'E']) {
            rust_decimal::Decimal::from_scientific(t)
        } else {
            rust_decimal::Decimal::from_str_exact(t)
        };
        match parsed {
            Ok(d) => d.into_amount(),
            Err(_) if looks_numeric(t) => Err(if t.starts_with('-') {
                AmountError::Negative
            } else {
                AmountError::TooLarge
            }),
            Err(_) => Err(AmountError::NotANumber),
        }
    }
}

/// Written like a number (digits, a point, an exponent), however large.
fn looks_numeric(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
        && t.parse::<f64>().is_ok()
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl From<u64> for Amount {
    fn from(units: u64) -> Self {
        Amount(units)
    }
}

impl From<u32> for Amount {
    fn from(units: u32) -> Self {
        Amount(units.into())
    }
}

/// Why a value is not a valid amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AmountError {
    /// `300.5`: Paypro takes whole units only (a whole-valued `300.00` is accepted as 300).
    #[error("must be a whole number (no fraction)")]
    HasDecimals,
    /// Below zero.
    #[error("must not be negative")]
    Negative,
    /// Not a number at all.
    #[error("must be a whole number written in digits")]
    NotANumber,
    /// More than `u64::MAX`.
    #[error("is too large")]
    TooLarge,
}

/// Something a builder accepts as an amount; conversion errors are reported by `build()` with
/// the field's name.
pub trait IntoAmount {
    /// Converts, or says why not.
    fn into_amount(self) -> Result<Amount, AmountError>;
}

impl IntoAmount for Amount {
    fn into_amount(self) -> Result<Amount, AmountError> {
        Ok(self)
    }
}

macro_rules! into_amount_unsigned {
    ($($t:ty),*) => {$(
        impl IntoAmount for $t {
            fn into_amount(self) -> Result<Amount, AmountError> {
                Ok(Amount(u64::from(self)))
            }
        }
    )*};
}
into_amount_unsigned!(u8, u16, u32, u64);

macro_rules! into_amount_signed {
    ($($t:ty),*) => {$(
        impl IntoAmount for $t {
            fn into_amount(self) -> Result<Amount, AmountError> {
                u64::try_from(self).map(Amount).map_err(|_| AmountError::Negative)
            }
        }
    )*};
}
into_amount_signed!(i8, i16, i32, i64);

impl IntoAmount for &str {
    fn into_amount(self) -> Result<Amount, AmountError> {
        Amount::parse(self)
    }
}

impl IntoAmount for String {
    fn into_amount(self) -> Result<Amount, AmountError> {
        Amount::parse(&self)
    }
}

impl IntoAmount for rust_decimal::Decimal {
    /// A whole-valued decimal (`150`, `150.00`); a fraction is refused, never rounded.
    fn into_amount(self) -> Result<Amount, AmountError> {
        if self.is_sign_negative() && !self.is_zero() {
            return Err(AmountError::Negative);
        }
        if !self.fract().is_zero() {
            return Err(AmountError::HasDecimals);
        }
        u64::try_from(self.trunc())
            .map(Amount)
            .map_err(|_| AmountError::TooLarge)
    }
}

impl IntoAmount for f64 {
    /// Only for convenience with whole values; a fractional float is refused, never rounded.
    fn into_amount(self) -> Result<Amount, AmountError> {
        if !self.is_finite() {
            return Err(AmountError::NotANumber);
        }
        if self < 0.0 {
            return Err(AmountError::Negative);
        }
        if self.fract() != 0.0 {
            return Err(AmountError::HasDecimals);
        }
        if self >= 18_446_744_073_709_551_616.0 {
            return Err(AmountError::TooLarge);
        }
        Ok(Amount(self as u64))
    }
}

/// An amount as received in input JSON: kept unconverted until `build()`, so a bad value is
/// reported with its field name instead of failing deserialization.
#[derive(Clone, Debug, PartialEq)]
pub struct AmountInput(pub Result<Amount, AmountError>);

impl<'de> Deserialize<'de> for AmountInput {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = AmountInput;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole amount as a JSON number or string")
            }
            fn visit_u64<E>(self, v: u64) -> Result<AmountInput, E> {
                Ok(AmountInput(v.into_amount()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<AmountInput, E> {
                Ok(AmountInput(v.into_amount()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<AmountInput, E> {
                Ok(AmountInput(v.into_amount()))
            }
            fn visit_str<E>(self, v: &str) -> Result<AmountInput, E> {
                Ok(AmountInput(Amount::parse(v)))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for AmountInput {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AmountInput".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A whole amount, as a JSON number or a string of digits.",
            "oneOf": [
                { "type": "integer", "minimum": 0 },
                { "type": "string", "pattern": "^[0-9]+$" }
            ]
        })
    }
}

impl Serialize for Amount {
    /// A JSON number. (A request sends an amount in the form its spec says: see
    /// `#[signable(number)]` and `#[signable(string)]` on [`crate::Signable`].)
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn parse_classifies_every_bad_form() {
        assert_eq!(Amount::parse(" 300 "), Ok(Amount(300)));
        assert_eq!(Amount::parse("300.00"), Ok(Amount(300)));
        assert_eq!(Amount::parse("1e3"), Ok(Amount(1000)));
        assert_eq!(Amount::parse("300.5"), Err(AmountError::HasDecimals));
        assert_eq!(Amount::parse("1.5e0"), Err(AmountError::HasDecimals));
        assert_eq!(Amount::parse("-5.00"), Err(AmountError::Negative));
        assert_eq!(Amount::parse("1e400"), Err(AmountError::TooLarge));
        assert_eq!(Amount::parse("-5"), Err(AmountError::Negative));
        assert_eq!(Amount::parse("abc"), Err(AmountError::NotANumber));
        assert_eq!(Amount::parse(""), Err(AmountError::NotANumber));
        assert_eq!(Amount::parse("-"), Err(AmountError::NotANumber));
        assert_eq!(
            Amount::parse("99999999999999999999999"),
            Err(AmountError::TooLarge)
        );
    }

    #[test]
    fn conversions() {
        assert_eq!((-1i32).into_amount(), Err(AmountError::Negative));
        assert_eq!(100.5f64.into_amount(), Err(AmountError::HasDecimals));
        assert_eq!(100.0f64.into_amount(), Ok(Amount(100)));
        assert_eq!(f64::NAN.into_amount(), Err(AmountError::NotANumber));
        assert_eq!(
            Decimal::from_str("300").unwrap().into_amount(),
            Ok(Amount(300))
        );
        assert_eq!(
            Decimal::from_str("300.0").unwrap().into_amount(),
            Ok(Amount(300)),
            "a whole-valued Decimal is accepted, as IntoAmount's docs say"
        );
        assert_eq!(
            Decimal::from_str("150.00").unwrap().into_amount(),
            Ok(Amount(150))
        );
        assert_eq!(
            Decimal::from_str("150.01").unwrap().into_amount(),
            Err(AmountError::HasDecimals)
        );
        assert_eq!(
            Decimal::from_str("-3").unwrap().into_amount(),
            Err(AmountError::Negative)
        );
    }

    #[test]
    fn input_from_json_keeps_the_error() {
        let parse = |s: &str| serde_json::from_str::<AmountInput>(s).unwrap().0;
        assert_eq!(parse("300"), Ok(Amount(300)));
        assert_eq!(parse("\"300\""), Ok(Amount(300)));
        assert_eq!(parse("300.5"), Err(AmountError::HasDecimals));
        assert_eq!(parse("\"300.5\""), Err(AmountError::HasDecimals));
        // A whole-valued decimal is the same amount in every form (issue: "300.0" was refused
        // while 300.0 was accepted).
        for whole in ["300.0", "\"300.0\"", "\"300.00\"", "3e2", "\"3e2\""] {
            assert_eq!(parse(whole), Ok(Amount(300)), "{whole}");
        }
        assert_eq!(parse("-2"), Err(AmountError::Negative));
        assert!(serde_json::from_str::<AmountInput>("true").is_err());
    }
}
