//! The merchant's app secret, kept out of every `Debug` and `Display`.

use std::fmt;

/// The app secret ("merchant key") that salts every signature.
///
/// It is never printed: `Debug` and `Display` both show `Secret([redacted])`, so a config or
/// client struct that holds one can be logged safely. Read it only through
/// [`Secret::expose`], and only to hand it to a signer.
///
/// ```
/// use paypro_core::Secret;
/// let secret = Secret::new("my-app-secret");
/// assert_eq!(format!("{secret:?}"), "Secret([redacted])");
/// assert_eq!(secret.to_string(), "Secret([redacted])");
/// assert_eq!(secret.expose(), "my-app-secret");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Box<str>);

impl Secret {
    /// Wraps the app secret.
    pub fn new(secret: impl Into<String>) -> Self {
        Secret(secret.into().into_boxed_str())
    }

    /// The secret itself, for signing. Never log what this returns.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret::new(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
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
