//! `paypro notify verify`: checks a callback's signature and prints exactly what was signed.
//! Every value is printed as its received JSON text; with `--country`, the fields the
//! country's notification reads (`typed`) and the others (`unknown`) are printed apart, so one
//! can never stand in for the other.

use paypro_all::ops::{self, OpsError, ReceivedNotification};
use paypro_core::notify::{NotifyError, Verifier};
use paypro_core::{RawObject, canonical_string_of_raw};

use crate::fail::{Exit, Fail};
use crate::{Creds, output, secret};

pub fn run(creds: &Creds, country: Option<&str>) -> Result<(), Fail> {
    let verifier = secret::secret(creds)?.map(Verifier::new);
    let country = country.map(crate::country).transpose()?;
    let body = crate::piped_stdin("the callback body")?;
    let Some(c) = country else {
        let verifier = verifier.ok_or_else(|| {
            Fail::usage("missing credentials: set PAYPRO_SECRET or --secret-file")
        })?;
        let verified = verifier
            .verify(&body)
            .map_err(|e| failure(OpsError::from(e), &body))?;
        let fields = verified.fields().clone().into_entries();
        return output::print(&output::raw_object(&fields, 0)).map_err(Fail::unwritten);
    };
    match ops::notification(c.code, &body, verifier.as_ref()) {
        Ok(received) => output::print(&sections(&received)).map_err(Fail::unwritten),
        Err(OpsError::Unsigned { received, .. }) => {
            output::print(&sections(&received)).map_err(Fail::unwritten)?;
            Err(Fail::new(
                Exit::Refused,
                format!(
                    "{} callbacks are unsigned: nothing here is verified; confirm it with a query (paypro {} query-pay-in or query-payout) before acting on it",
                    c.name, c.code
                ),
            ))
        }
        Err(e) => Err(failure(e, &body)),
    }
}

/// The failure for `e`; a sign that does not match also shows the canonical string of the
/// body, so the secret and the signing rule can be checked.
fn failure(e: OpsError, body: &[u8]) -> Fail {
    let bad_sign = matches!(e, OpsError::BadSignature(NotifyError::BadSign));
    let mut fail = Fail::from(e);
    if bad_sign {
        let object = std::str::from_utf8(body)
            .ok()
            .and_then(|text| RawObject::parse(text, "body").ok());
        if let Some(object) = object {
            let canonical = canonical_string_of_raw(&object);
            fail.message.push_str(&format!(
                ", or the secret or signing rule is not Paypro's: {}",
                crate::sign::check_hint(&canonical)
            ));
        }
    }
    fail
}

/// `{"typed": {...}, "unknown": {...}}`, values as received.
fn sections(received: &ReceivedNotification) -> String {
    format!(
        "{{\n  \"typed\": {},\n  \"unknown\": {}\n}}",
        output::raw_object(&received.typed, 1),
        output::raw_object(&received.unknown, 1)
    )
}
