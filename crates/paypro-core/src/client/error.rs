//! What went wrong, classified by what may have happened to the money.

use crate::ValidationError;
use crate::untrusted;

type Source = Box<dyn std::error::Error + Send + Sync>;

/// An error from a call. Each variant says what a merchant should do next:
///
/// | variant | reached Paypro? | money may have moved? | what to do |
/// |---|---|---|---|
/// | [`Error::Invalid`] | no | no | fix the request |
/// | [`Error::NotSent`] | no | no | retry as is (connection refused, DNS, TLS) |
/// | [`Error::Unknown`] | maybe | **yes** | a read: retry; a pay-in or payout: ask Paypro by `tradeNo` |
/// | [`Error::Rejected`] | yes, refused | no | read `code`/`msg`; fix or give up |
/// | [`Error::Uncertain`] | yes | **yes** | a read: retry; a pay-in or payout: ask Paypro by `tradeNo` |
/// | [`Error::Unreadable`] | yes | **yes** | a read: retry; a pay-in or payout: ask Paypro by `tradeNo` |
///
/// "Ask Paypro" is the country client's `reconcile_<endpoint>` (`reconcile_pay_in`,
/// `reconcile_payout`): it queries the order until its status is final or a deadline passes.
/// Act on what it finds; never send the pay-in or payout again on a guess, because the first
/// one may exist.
///
/// Only an HTTP 2xx answer whose outer `code` the spec lists as a refusal is `Rejected`; any
/// other code (system errors, codes nobody documented) is `Uncertain`, and any non-2xx answer
/// (a redirect, a proxy's 502, a 500 with a JSON body) is `Unreadable`, whatever its body says.
///
/// A money-moving call (pay-in, payout) is never retried automatically; reads are, on
/// `NotSent` and `Unknown`, within the [`crate::client::RetryPolicy`].
///
/// The fields keep what the gateway sent as received; `Display` shows it through
/// [`untrusted::text`] (escaped, one line, cut after [`untrusted::MAX_CHARS`] characters), so
/// a hostile answer cannot rewrite a terminal or forge log lines.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request breaks the spec's rules; nothing was sent.
    #[error("{0}; nothing was sent")]
    Invalid(#[from] ValidationError),
    /// The request never left: connection refused, DNS failure, TLS failure, bad URL.
    #[error("not sent: {reason}")]
    NotSent {
        /// What failed.
        reason: String,
        /// The underlying error.
        #[source]
        source: Option<Source>,
    },
    /// The request was (or may have been) sent, but no answer came: a time-out or a dropped
    /// connection. A pay-in or payout may or may not exist now.
    #[error(
        "sent, but no answer ({reason}): the outcome is unknown; query the order by tradeNo before trying again"
    )]
    Unknown {
        /// What happened.
        reason: String,
        /// The underlying error.
        #[source]
        source: Option<Source>,
    },
    /// Paypro answered (HTTP 2xx) with an outer `code` that the spec lists as a refusal
    /// (`spec/common.toml`, `[[outer_code]]`, which lists none today because Paypro documents
    /// none; or the embedded sandbox's `[[sandbox_code]]`, on its marked answers only): the
    /// request was refused before anything was created.
    #[error(
        "rejected by Paypro: code {}: {}",
        untrusted::text(code),
        untrusted::text(msg)
    )]
    Rejected {
        /// The outer `code`.
        code: String,
        /// The outer `msg`.
        msg: String,
        /// The HTTP status of the answer.
        http_status: u16,
    },
    /// Paypro answered (HTTP 2xx) with an outer `code` that does not prove the request was
    /// refused: a system error (`8000`, `5000`, `00032`), a code the spec does not know, or, on
    /// an endpoint whose docs say so (Bangladesh's pay-in submit), "being processed". The
    /// order may exist and money may have moved: reconcile by `tradeNo`, never resend blindly.
    #[error(
        "Paypro answered code {} ({}), which does not prove the request was refused: money may have moved{}",
        untrusted::text(code),
        untrusted::text(msg),
        meaning.map(|m| format!(" ({m})")).unwrap_or_default()
    )]
    Uncertain {
        /// The outer `code`.
        code: String,
        /// The outer `msg`.
        msg: String,
        /// The HTTP status of the answer.
        http_status: u16,
        /// What the spec says the code means, where it says.
        meaning: Option<&'static str>,
    },
    /// An answer came but cannot be read: any non-2xx answer (a redirect, which is never
    /// followed; an HTML error page from a proxy; a 5xx, even with a JSON body), a truncated or
    /// non-JSON body, a body over the size limit, or an accepted answer without `data`. The
    /// request may have been processed.
    #[error("unreadable answer (HTTP {status}): {problem}")]
    Unreadable {
        /// The HTTP status.
        status: u16,
        /// The start of the raw body (at most [`Error::KEPT_BODY_BYTES`] bytes, lossily decoded).
        body: String,
        /// What is wrong with it.
        problem: String,
    },
}

impl Error {
    /// How much of an unreadable body is kept in [`Error::Unreadable`].
    pub const KEPT_BODY_BYTES: usize = 4096;

    /// Whether money may have moved although the call failed: `Unknown`, `Uncertain` and
    /// `Unreadable`. After such an error on a pay-in or payout, reconcile before doing anything
    /// else.
    pub fn may_have_moved_money(&self) -> bool {
        matches!(
            self,
            Error::Unknown { .. } | Error::Uncertain { .. } | Error::Unreadable { .. }
        )
    }

    /// Whether it is certain that Paypro did nothing (`Invalid`, `NotSent`, `Rejected`).
    pub fn nothing_happened(&self) -> bool {
        !self.may_have_moved_money()
    }

    pub(crate) fn not_sent(reason: impl Into<String>, source: impl Into<Option<Source>>) -> Self {
        Error::NotSent {
            reason: reason.into(),
            source: source.into(),
        }
    }

    pub(crate) fn unknown(reason: impl Into<String>, source: impl Into<Option<Source>>) -> Self {
        Error::Unknown {
            reason: reason.into(),
            source: source.into(),
        }
    }

    pub(crate) fn unreadable(status: u16, body: &[u8], problem: impl Into<String>) -> Self {
        let kept = &body[..body.len().min(Self::KEPT_BODY_BYTES)];
        Error::Unreadable {
            status,
            body: String::from_utf8_lossy(kept).into_owned(),
            problem: problem.into(),
        }
    }
}

/// Why a client could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// No base URL was given and the docs give none for this country.
    #[error(
        "no base URL for {country}: the Paypro docs give no sandbox URL for {country}; set one with Config::base_url"
    )]
    NoBaseUrl {
        /// The country's name.
        country: &'static str,
    },
    /// The base URL is not an absolute http(s) URL.
    #[error("base URL `{}` is not usable: {reason}", untrusted::text(url))]
    BadBaseUrl {
        /// The URL given, without its user name and password ([`untrusted::url()`]).
        url: String,
        /// Why not.
        reason: String,
    },
    /// The HTTP client could not be built (e.g. the TLS backend failed to initialise).
    #[error("the HTTP client could not be built: {0}")]
    Http(#[source] reqwest::Error),
    /// The blocking client's private runtime could not be started.
    #[error("the blocking client's runtime could not be started: {0}")]
    Runtime(#[source] std::io::Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the gateway wrote reaches a log or terminal escaped and bounded; the fields keep it.
    #[test]
    fn gateway_text_in_a_message_is_escaped_and_cut() {
        let hostile = format!("\u{1b}[2J\nERROR forged line{}", "x".repeat(1_000_000));
        for e in [
            Error::Rejected {
                code: hostile.clone(),
                msg: hostile.clone(),
                http_status: 200,
            },
            Error::Uncertain {
                code: hostile.clone(),
                msg: hostile.clone(),
                http_status: 200,
                meaning: None,
            },
        ] {
            let text = e.to_string();
            assert!(
                !text.contains('\u{1b}') && !text.contains('\n'),
                "{text:.80}"
            );
            assert!(text.contains("\\u{1b}[2J"), "{text:.80}");
            assert!(text.len() < 1_000, "{}", text.len());
            assert!(text.contains("more bytes not shown"), "{text:.80}");
        }
    }
}
