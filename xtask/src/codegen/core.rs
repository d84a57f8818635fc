//! `crates/paypro-core/src/generated/` and `crates/paypro-mock/src/generated/` from
//! `spec/common.toml`.

use quote::quote;

use super::doc_lines;

use super::{Files, ident, inner_doc_lines, num, path_text, rust_file};
use crate::spec::{CodeSource, Common, Loaded, Outcome, OuterOutcome};

pub const DIR: &str = "crates/paypro-core/src/generated";
/// paypro-mock's generated part (the sandbox's merchant).
pub const MOCK_DIR: &str = "crates/paypro-mock/src/generated";

pub fn generate(common: &Loaded<Common>, files: &mut Files) {
    let spec_path = path_text(&common.display_path);
    let c = &common.spec;
    files.insert(
        format!("{DIR}/mod.rs").into(),
        rust_file(
            &spec_path,
            quote! {
                //! Generated from the shared spec: protocol constants and status codes.
                #[rustfmt::skip]
                pub mod protocol;
                #[rustfmt::skip]
                pub mod status;
            },
        ),
    );
    files.insert(format!("{DIR}/protocol.rs").into(), protocol(&spec_path, c));
    files.insert(format!("{DIR}/status.rs").into(), status(&spec_path, c));
    files.insert(
        format!("{MOCK_DIR}/mod.rs").into(),
        sandbox_credentials(&spec_path, c),
    );
}

/// The embedded sandbox's merchant (`[test_credentials]`): paypro-mock's, not paypro-core's, so
/// that no product crate carries a test secret.
fn sandbox_credentials(spec_path: &str, c: &Common) -> String {
    let (merchant_no, secret) = (&c.test_credentials.merchant_no, &c.test_credentials.secret);
    rust_file(
        spec_path,
        quote! {
            //! Generated from the shared spec's `[test_credentials]`: the embedded sandbox's
            //! merchant. Not a real merchant; the test crates and doc examples use it too.

            /// The sandbox's merchant number (`MockConfig::default()`'s merchant).
            pub const SANDBOX_MERCHANT_NO: &str = #merchant_no;
            /// The sandbox's app secret: published on purpose, so never a real one.
            pub const SANDBOX_SECRET: &str = #secret;
        },
    )
}

fn protocol(spec_path: &str, c: &Common) -> String {
    let p = &c.protocol;
    let e = &c.envelope;
    let (method, header, sign, ts, accepted, ack) = (
        &p.method,
        &p.merchant_header,
        &p.sign_field,
        &p.timestamp_field,
        &p.accepted_code,
        &p.notify_ack,
    );
    let schedule: Vec<_> = p
        .notify_retry_schedule_secs
        .iter()
        .map(|s| num(*s))
        .collect();
    let n = num(schedule.len() as u64);
    let status_message_fields = &p.status_message_fields;
    let rule = inner_doc_lines(&format!("The signature rule:\n\n{}", c.signing.rule.trim()));
    let notes = inner_doc_lines(
        &c.signing
            .notes
            .iter()
            .map(|n| format!("- {n}"))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let (msg, code, etimestamp, success, data) =
        (&e.msg, &e.code, &e.timestamp, &e.success, &e.data);
    let placement = |p: crate::spec::Placement| match p {
        crate::spec::Placement::Append => quote!(SecretPlacement::Append),
        crate::spec::Placement::Prepend => quote!(SecretPlacement::Prepend),
    };
    let (spec_placement, alternative) = (
        placement(c.signing.secret_placement),
        placement(c.signing.alternative_placement),
    );
    let outcome_tokens = |o: OuterOutcome| match o {
        OuterOutcome::Accepted => quote!(OuterOutcome::Accepted),
        OuterOutcome::Refused => quote!(OuterOutcome::Refused),
        OuterOutcome::Uncertain => quote!(OuterOutcome::Uncertain),
    };
    let outer = c.outer_code.iter().map(|o| {
        let o = o.get_ref();
        let code = &o.code;
        let outcome = outcome_tokens(o.outcome);
        let source = match o.source {
            CodeSource::Documented => quote!(CodeSource::Documented),
            CodeSource::Inferred => quote!(CodeSource::Inferred),
        };
        let meaning = &o.meaning;
        let note = o.note.as_deref().unwrap_or("");
        quote! {
            OuterCode { code: #code, outcome: #outcome, source: #source, meaning: #meaning, note: #note },
        }
    });
    let sandbox_codes = c.sandbox_code.iter().map(|o| {
        let o = o.get_ref();
        let (code, meaning) = (&o.code, &o.meaning);
        let outcome = outcome_tokens(o.outcome);
        quote! {
            OuterCode { code: #code, outcome: #outcome, source: CodeSource::Sandbox, meaning: #meaning, note: "" },
        }
    });
    let sandbox_consts = c.sandbox_code.iter().map(|o| {
        let o = o.get_ref();
        let name = quote::format_ident!("{}", o.name);
        let (code, meaning) = (&o.code, &o.meaning);
        quote! {
            #[doc = #meaning]
            pub const #name: &str = #code;
        }
    });
    let sandbox_header = &c.sandbox.answer_header;
    rust_file(
        spec_path,
        quote! {
            //! Protocol constants shared by every country.
            //!
            #rule
            //!
            //! Open questions, from the docs:
            //!
            #notes

            use std::time::Duration;

            use crate::descriptor::{CodeSource, OuterCode, OuterOutcome};
            use crate::SecretPlacement;

            /// The HTTP method of every call.
            pub const METHOD: &str = #method;
            /// The header carrying the merchant number.
            pub const MERCHANT_HEADER: &str = #header;
            /// The signature's field (or header) name; never part of the canonical string.
            pub const SIGN_FIELD: &str = #sign;
            /// Where the signing rule puts the app secret (`[signing] secret_placement`): the
            /// default of every [`Secret`](crate::Secret).
            pub const SECRET_PLACEMENT: SecretPlacement = #spec_placement;
            /// The documented alternative placement, tried by `paypro doctor` after a sign refusal.
            pub const ALTERNATIVE_SECRET_PLACEMENT: SecretPlacement = #alternative;
            /// The timestamp field (milliseconds since the Unix epoch).
            pub const TIMESTAMP_FIELD: &str = #ts;
            /// The outer `code` meaning the request was accepted. It does NOT mean the
            /// transaction succeeded: read `data.status` for that.
            pub const ACCEPTED_CODE: &str = #accepted;
            /// The plain-text answer that acknowledges a notification; anything else makes Paypro
            /// retry.
            pub const NOTIFY_ACK: &str = #ack;
            /// The `data` / notification fields whose text explains a status, first present wins
            /// (query pages call it `message`, create pages `desc`).
            pub const STATUS_MESSAGE_FIELDS: &[&str] = &[#(#status_message_fields),*];
            /// Paypro's delays between notification attempts (it gives up after the last).
            pub const NOTIFY_RETRY_SCHEDULE: [Duration; #n] = [#(Duration::from_secs(#schedule)),*];
            /// What each known outer `code` of an HTTP 2xx answer proves about the request.
            /// A code not listed here is uncertain: the money may have moved.
            pub const OUTER_CODES: &[OuterCode] = &[#(#outer)*];
            /// The header the embedded sandbox (paypro-mock) puts on every answer. Only on an
            /// answer that carries it is a [`SANDBOX_CODES`] code read as that table says.
            pub const SANDBOX_HEADER: &str = #sandbox_header;
            /// The embedded sandbox's own outer codes. They are not Paypro's: on an answer
            /// without [`SANDBOX_HEADER`] they are unknown codes, and so uncertain.
            pub const SANDBOX_CODES: &[OuterCode] = &[#(#sandbox_codes)*];

            /// The embedded sandbox's codes by name (`[[sandbox_code]]`).
            pub mod sandbox_code {
                #(#sandbox_consts)*
            }

            /// Wire names of the response envelope.
            pub mod envelope {
                /// Request-level message.
                pub const MSG: &str = #msg;
                /// Request-level code.
                pub const CODE: &str = #code;
                /// Gateway time.
                pub const TIMESTAMP: &str = #etimestamp;
                /// Request-level flag.
                pub const SUCCESS: &str = #success;
                /// The payload.
                pub const DATA: &str = #data;
            }
        },
    )
}

fn status(spec_path: &str, c: &Common) -> String {
    let statuses: Vec<_> = c.status.iter().map(|s| s.get_ref()).collect();
    let failures: Vec<_> = c.failure.iter().map(|f| f.get_ref()).collect();
    let variant_of = |o: Outcome| {
        ident(
            &statuses
                .iter()
                .find(|s| s.outcome == o)
                .expect("checked: every outcome is listed")
                .variant,
        )
    };
    let processing = variant_of(Outcome::Processing);
    let success = variant_of(Outcome::Success);
    let partial = variant_of(Outcome::Partial);
    let s_variants = statuses.iter().map(|s| {
        let basis = if s.documented_for.is_empty() {
            s.basis.text()
        } else {
            format!(
                "Documented for {}. Elsewhere: {}",
                s.documented_for.join(", "),
                s.basis.text()
            )
        };
        let doc = doc_lines(&format!("`{}`: {}\n\n{basis}", s.code, s.meaning));
        let v = ident(&s.variant);
        quote! { #doc #v, }
    });
    let s_from = statuses.iter().map(|s| {
        let (code, v) = (&s.code, ident(&s.variant));
        quote! { #code => Status::#v, }
    });
    let s_code = statuses.iter().map(|s| {
        let (code, v) = (&s.code, ident(&s.variant));
        quote! { Status::#v => #code, }
    });
    let s_meaning = statuses.iter().map(|s| {
        let (m, v) = (&s.meaning, ident(&s.variant));
        quote! { Status::#v => Some(#m), }
    });
    let f_variants = failures.iter().map(|f| {
        let doc = doc_lines(&format!("`{}`: {}", f.code, f.meaning));
        let v = ident(&f.variant);
        quote! { #doc #v, }
    });
    let f_from = failures.iter().map(|f| {
        let (code, v) = (&f.code, ident(&f.variant));
        quote! { #code => FailureCode::#v, }
    });
    let f_code = failures.iter().map(|f| {
        let (code, v) = (&f.code, ident(&f.variant));
        quote! { FailureCode::#v => #code, }
    });
    let f_meaning = failures.iter().map(|f| {
        let (m, v) = (&f.meaning, ident(&f.variant));
        quote! { FailureCode::#v => Some(#m), }
    });
    rust_file(
        spec_path,
        quote! {
            //! Transaction status codes.

            use std::fmt;

            /// A transaction's state: `data.status` in responses, `status` in notifications.
            ///
            /// Only [`Status::Processing`] is not final. Every code the spec does not name as a
            /// success, partial payment or processing is a failure.
            ///
            /// ```
            /// use paypro_core::{FailureCode, Status};
            /// assert_eq!(Status::from_code("0000"), Status::Success);
            /// assert_eq!(
            ///     Status::from_code("00029"),
            ///     Status::Failed { code: FailureCode::Rejected, message: None }
            /// );
            /// assert_eq!(Status::from_code("7777").code(), "7777");
            /// assert!(!Status::from_code("0015").is_final());
            /// ```
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            #[non_exhaustive]
            pub enum Status {
                #(#s_variants)*
                /// Any other code: the transaction failed.
                Failed {
                    /// The code, named where the docs name it.
                    code: FailureCode,
                    /// The gateway's explanation (`message` or `desc` next to the status), when
                    /// read from a response or notification.
                    message: Option<String>,
                },
            }

            impl Status {
                /// Reads a status code.
                pub fn from_code(code: &str) -> Status {
                    match code {
                        #(#s_from)*
                        other => Status::Failed { code: FailureCode::from_code(other), message: None },
                    }
                }

                /// The code as sent.
                pub fn code(&self) -> &str {
                    match self {
                        #(#s_code)*
                        Status::Failed { code, .. } => code.code(),
                    }
                }

                /// What the docs say the code means, where they say.
                pub fn meaning(&self) -> Option<&'static str> {
                    match self {
                        #(#s_meaning)*
                        Status::Failed { code, .. } => code.meaning(),
                    }
                }

                /// The gateway's explanation of a failure.
                pub fn failure_message(&self) -> Option<&str> {
                    match self {
                        Status::Failed { message, .. } => message.as_deref(),
                        _ => None,
                    }
                }

                /// Attaches the gateway's explanation to a failure (other statuses are unchanged).
                pub fn with_message(self, text: Option<String>) -> Status {
                    match self {
                        Status::Failed { code, message } => Status::Failed { code, message: message.or(text) },
                        other => other,
                    }
                }

                /// Whether money moved, in full or in part (success or partial payment).
                /// Not a reason to deliver: a partial payment is never "paid"; use
                /// [`crate::is_fully_paid`] (or a type's `is_fully_paid(expected)`) for that.
                pub fn moved_money(&self) -> bool {
                    matches!(self, Status::#success | Status::#partial)
                }

                /// Whether the transaction has reached its final state.
                pub fn is_final(&self) -> bool {
                    !matches!(self, Status::#processing)
                }
            }

            impl fmt::Display for Status {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    match self.meaning() {
                        Some(m) => write!(f, "{} ({})", self.code(), m)?,
                        None => f.write_str(self.code())?,
                    }
                    match self.failure_message() {
                        Some(m) => write!(f, ": {m}"),
                        None => Ok(()),
                    }
                }
            }

            impl serde::Serialize for Status {
                fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    s.serialize_str(self.code())
                }
            }

            #[cfg(feature = "schemars")]
            impl schemars::JsonSchema for Status {
                fn schema_name() -> std::borrow::Cow<'static, str> {
                    "Status".into()
                }
                fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                    schemars::json_schema!({
                        "type": "string",
                        "description": "Transaction status code: 0000 success, 0001 partial payment, 0015 processing, anything else failure."
                    })
                }
            }

            /// Why a transaction failed: the named failure codes, or the code as sent.
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            #[non_exhaustive]
            pub enum FailureCode {
                #(#f_variants)*
                /// A code the spec does not name.
                Other(String),
            }

            impl FailureCode {
                /// Reads a failure code.
                pub fn from_code(code: &str) -> FailureCode {
                    match code {
                        #(#f_from)*
                        other => FailureCode::Other(other.to_string()),
                    }
                }

                /// The code as sent.
                pub fn code(&self) -> &str {
                    match self {
                        #(#f_code)*
                        FailureCode::Other(code) => code,
                    }
                }

                /// What the docs say the code means, where they say.
                pub fn meaning(&self) -> Option<&'static str> {
                    match self {
                        #(#f_meaning)*
                        FailureCode::Other(_) => None,
                    }
                }
            }
        },
    )
}
