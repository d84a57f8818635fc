//! The merchant's app secret, kept out of every `Debug` and `Display`.

use std::fmt;

/// The app secret ("merchant key") that salts every signature.
///
/// An empty or whitespace-only secret is refused: with it, anyone could sign a request or a
/// callback ("signed" with no key), so no `Secret` ever holds one.
///
/// It is never printed: `Debug` and `Display` both show `Secret([redacted])`, so a config or
/// client struct that holds one can be logged safely. Read it only through
/// [`Secret::expose`], and only to hand it to a signer.
///
/// ```
/// use paypro_core::{Secret, SecretError};
/// let secret = Secret::new("my-app-secret")?;
/// assert_eq!(format!("{secret:?}"), "Secret([redacted])");
/// assert_eq!(secret.to_string(), "Secret([redacted])");
/// assert_eq!(secret.expose(), "my-app-secret");
/// assert_eq!(Secret::new(" \n").unwrap_err(), SecretError::Blank);
/// # Ok::<(), SecretError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Box<str>);

/// Why a value cannot be an app secret.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SecretError {
    /// Empty, or nothing but white space.
    #[error("the app secret is empty (or only white space): every signature would be forgeable")]
    Blank,
}

impl Secret {
    /// Wraps the app secret; refuses an empty or whitespace-only one.
    pub fn new(secret: impl Into<String>) -> Result<Self, SecretError> {
        let secret = secret.into();
        if secret.trim().is_empty() {
            return Err(SecretError::Blank);
        }
        Ok(Secret(secret.into_boxed_str()))
    }

    /// The secret itself, for signing. Never log what this returns.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Secret {
    type Error = SecretError;
    fn try_from(value: String) -> Result<Self, SecretError> {
        Secret::new(value)
    }
}

impl TryFrom<&str> for Secret {
    type Error = SecretError;
    fn try_from(value: &str) -> Result<Self, SecretError> {
        Secret::new(value)
    }
}

impl std::str::FromStr for Secret {
    type Err = SecretError;
    fn from_str(value: &str) -> Result<Self, SecretError> {
        Secret::new(value)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_secrets_are_refused_in_every_form() {
        for blank in ["", " ", "\t\n", "\u{3000}"] {
            assert_eq!(Secret::new(blank), Err(SecretError::Blank), "{blank:?}");
            assert_eq!(Secret::try_from(blank), Err(SecretError::Blank));
            assert_eq!(Secret::try_from(blank.to_string()), Err(SecretError::Blank));
            assert_eq!(blank.parse::<Secret>(), Err(SecretError::Blank));
        }
        assert_eq!(Secret::new(" k ").unwrap().expose(), " k ", "kept as given");
    }
}
