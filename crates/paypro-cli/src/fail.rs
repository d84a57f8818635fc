//! How the command ends when it fails: an exit code from the documented table and one
//! sentence for stderr.

use paypro_all::ops::OpsError;
use paypro_core::client::ConfigError;
use paypro_core::untrusted;

use crate::output;

/// The exit codes of the README's table (0 is success).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// 0: stdout was closed by its reader (`paypro ... | head -0`): the command ends quietly,
    /// as a filter does when nobody reads any more.
    Quiet = 0,
    /// 1: the gateway refused, or a notification must not be acted on (its signature is
    /// invalid, it is unsigned, or its fields cannot be read).
    Refused = 1,
    /// 2: usage or validation error (bad input, unknown country or endpoint, missing or
    /// unusable credentials).
    Usage = 2,
    /// 3: not sent.
    NotSent = 3,
    /// 4: sent, outcome unknown.
    OutcomeUnknown = 4,
    /// 5: an answer came that cannot be read.
    Unreadable = 5,
}

/// A failure: the exit code and one sentence.
#[derive(Debug)]
pub struct Fail {
    /// The exit code.
    pub exit: Exit,
    /// What went wrong (and what to do), one sentence.
    pub message: String,
}

impl Fail {
    /// A failure with `exit`.
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        Fail {
            exit,
            message: message.into(),
        }
    }

    /// A usage or validation error (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Fail::new(Exit::Usage, message)
    }
}

/// What an [`OpsError`] means for the command, by its variant. Call failures carry no advice
/// here: [`crate::call_outcome`] adds advice that fits the endpoint.
impl From<OpsError> for Fail {
    fn from(e: OpsError) -> Self {
        let exit = match &e {
            OpsError::UnknownCountry { .. }
            | OpsError::UnknownEndpoint { .. }
            | OpsError::NotRequestFields(_)
            | OpsError::Invalid(_)
            | OpsError::NotANotification(_) => Exit::Usage,
            OpsError::NeedsSecret { .. } => {
                return Fail::usage(format!(
                    "missing credentials: {e}; set PAYPRO_SECRET or --secret-file"
                ));
            }
            OpsError::BadSignature(_)
            | OpsError::Refused(_)
            | OpsError::Unusable(_)
            | OpsError::Unsigned { .. } => Exit::Refused,
            OpsError::Call(call) => {
                return Fail::new(
                    crate::call_outcome::exit_for(call),
                    crate::call_outcome::text(call),
                );
            }
            // The call went through; only its answer is lost.
            OpsError::Unprintable(_) => Exit::OutcomeUnknown,
            // A variant added later: assume the worst a call can mean.
            _ => Exit::OutcomeUnknown,
        };
        Fail::new(exit, e.to_string())
    }
}

/// Why a client could not be built, in the command's words, by the error's variant: the
/// library names its own setting (`Config::base_url`), a command user needs the flag and the
/// environment variable; a base URL is shown without its user name and password.
impl From<ConfigError> for Fail {
    fn from(e: ConfigError) -> Self {
        match &e {
            ConfigError::NoBaseUrl { country } => Fail::usage(format!(
                "no base URL for {country}: the Paypro docs give no sandbox URL for {country}; set PAYPRO_BASE_URL or --base-url"
            )),
            ConfigError::BadBaseUrl { url, reason } => Fail::usage(format!(
                "the base URL `{}` (PAYPRO_BASE_URL or --base-url) is not usable: {reason}",
                untrusted::text(&untrusted::url(url))
            )),
            // The HTTP client or the runtime could not be started (and a variant added later).
            _ => Fail::usage(output::error_chain(&e)),
        }
    }
}

impl Fail {
    /// The output could not be written (nothing was sent anywhere); a reader that closed
    /// stdout early ends the command quietly.
    pub fn unwritten(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Fail::closed();
        }
        Fail::new(Exit::Refused, format!("cannot write the output: {e}"))
    }

    /// Stdout was closed by its reader: exit 0, nothing on stderr.
    pub fn closed() -> Self {
        Fail::new(Exit::Quiet, "")
    }
}
