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
///
/// It also carries where the signing rule puts it ([`SecretPlacement`]): appended after the
/// canonical string by default, as `spec/common.toml` says; the docs leave room for doubt, so
/// [`Secret::with_placement`] (or `Config::secret_placement`) switches every signer and
/// verifier that uses this secret to the documented alternative.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret {
    value: Box<str>,
    placement: SecretPlacement,
}

/// Where the app secret goes in the signed bytes: after the canonical string (the spec's rule)
/// or before it (the alternative the docs leave open). `paypro doctor` asks a gateway which.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SecretPlacement {
    /// `MD5(canonical + secret)`.
    Append,
    /// `MD5(secret + canonical)`.
    Prepend,
}

impl SecretPlacement {
    /// The spec's rule (`[signing] secret_placement` in `spec/common.toml`).
    pub const SPEC: SecretPlacement = crate::protocol::SECRET_PLACEMENT;
    /// The documented alternative to try when the spec's rule is refused.
    pub const ALTERNATIVE: SecretPlacement = crate::protocol::ALTERNATIVE_SECRET_PLACEMENT;

    /// `"append"` or `"prepend"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            SecretPlacement::Append => "append",
            SecretPlacement::Prepend => "prepend",
        }
    }

    /// The other placement.
    pub const fn other(self) -> SecretPlacement {
        match self {
            SecretPlacement::Append => SecretPlacement::Prepend,
            SecretPlacement::Prepend => SecretPlacement::Append,
        }
    }
}

impl fmt::Display for SecretPlacement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for SecretPlacement {
    type Err = String;
    fn from_str(value: &str) -> Result<Self, String> {
        match value {
            "append" => Ok(SecretPlacement::Append),
            "prepend" => Ok(SecretPlacement::Prepend),
            other => Err(format!(
                "`{other}` is not a secret placement: use `append` or `prepend`"
            )),
        }
    }
}

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
        Ok(Secret {
            value: secret.into_boxed_str(),
            placement: SecretPlacement::SPEC,
        })
    }

    /// The same secret, placed by `placement` in every signature made or checked with it.
    pub fn with_placement(mut self, placement: SecretPlacement) -> Self {
        self.placement = placement;
        self
    }

    /// Where the signing rule puts this secret.
    pub fn placement(&self) -> SecretPlacement {
        self.placement
    }

    /// The secret itself, for signing. Never log what this returns.
    pub fn expose(&self) -> &str {
        &self.value
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
        if self.placement == SecretPlacement::SPEC {
            f.write_str("Secret([redacted])")
        } else {
            write!(f, "Secret([redacted], {})", self.placement)
        }
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
