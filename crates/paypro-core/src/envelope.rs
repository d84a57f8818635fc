//! The response envelope every endpoint answers with: `{msg, code, timestamp, success, data}`.

use serde::Serialize;

use crate::lenient::{self, FromRaw};
use crate::protocol::{ACCEPTED_CODE, envelope};
use crate::raw::{DecodeError, Extra, FieldIndex};
use serde_json::value::RawValue;

/// A decoded response. `code == "0000"` means only that the gateway *accepted the request*;
/// the transaction's state is the `status` inside `data`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Envelope<T> {
    /// The request-level code; `"0000"` = accepted.
    pub code: String,
    /// The request-level message (`"success"`).
    pub msg: Option<String>,
    /// The gateway's time, milliseconds (sent as a number or a string).
    pub timestamp: Option<u64>,
    /// The request-level flag (sent as a boolean or a string).
    pub success: Option<bool>,
    /// The typed `data`; `None` when absent or `null`.
    pub data: Option<T>,
    /// Top-level fields the spec does not know; on a rejected request whose `data` does not have
    /// the documented shape, also that `data`, raw.
    pub extra: Extra,
}

impl<T: FromRaw> Envelope<T> {
    /// Reads a response body leniently.
    ///
    /// ```
    /// use paypro_core::Envelope;
    /// let e: Envelope<bool> = Envelope::parse(
    ///     r#"{"msg":"success","code":"0000","timestamp":1728609277476,"success":true,"data":true}"#,
    /// ).unwrap();
    /// assert!(e.is_accepted());
    /// assert_eq!(e.data, Some(true));
    /// ```
    pub fn parse(body: &str) -> Result<Self, DecodeError> {
        // The body read once: its fields, and `data`'s where it is a flat object.
        let (index, objects) = FieldIndex::read_nested(body, "body")?;
        let mut code = None;
        let mut msg = None;
        let mut timestamp = None;
        let mut success = None;
        let mut data_at = None;
        let mut extra = Extra::default();
        for (i, (key, value)) in index.fields(body).values().enumerate() {
            match key {
                envelope::CODE => code = lenient::of::text(value, envelope::CODE)?,
                envelope::MSG => msg = lenient::of::text(value, envelope::MSG)?,
                envelope::TIMESTAMP => {
                    timestamp = lenient::of::integer(value, envelope::TIMESTAMP)?
                }
                envelope::SUCCESS => success = lenient::of::boolean(value, envelope::SUCCESS)?,
                envelope::DATA => data_at = Some((i, value.raw)),
                _ => lenient::of::keep(&mut extra, key, value.raw)?,
            }
        }
        let code = code.ok_or_else(|| DecodeError::new("body", "no `code` field"))?;
        let accepted = code == ACCEPTED_CODE;
        let data = match data_at {
            None => None,
            Some((_, "null")) => None,
            Some((i, raw)) => {
                let read = match objects.iter().find(|(at, _)| usize::from(*at) == i) {
                    Some((_, object)) => T::from_fields(object.fields(raw), envelope::DATA),
                    // Not a flat object: its reader reads it (the text is one JSON value).
                    None => serde_json::from_str::<&RawValue>(raw)
                        .map_err(|e| DecodeError::new(envelope::DATA, format!("not JSON ({e})")))
                        .and_then(|raw| T::from_raw(raw, envelope::DATA)),
                };
                match read {
                    Ok(data) => Some(data),
                    Err(e) if accepted => return Err(e),
                    Err(_) => {
                        lenient::of::keep(&mut extra, envelope::DATA, raw)?;
                        None
                    }
                }
            }
        };
        Ok(Envelope {
            code,
            msg,
            timestamp,
            success,
            data,
            extra,
        })
    }

    /// Whether the gateway accepted the request (`code == "0000"`).
    pub fn is_accepted(&self) -> bool {
        self.code == ACCEPTED_CODE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_envelope_forms() {
        let e: Envelope<bool> = Envelope::parse(
            r#"{"msg":"success","code":"0000","timestamp":"1719830171485","success":"true","data":"true","traceId":"x"}"#,
        )
        .unwrap();
        assert_eq!(e.timestamp, Some(1719830171485));
        assert_eq!(e.success, Some(true));
        assert_eq!(e.data, Some(true));
        assert_eq!(e.extra.get_str("traceId").as_deref(), Some("x"));
    }

    #[test]
    fn rejected_request_keeps_odd_data_raw() {
        let e: Envelope<bool> =
            Envelope::parse(r#"{"msg":"sign error","code":"1001","success":false,"data":{"x":1}}"#)
                .unwrap();
        assert!(!e.is_accepted());
        assert_eq!(e.data, None);
        assert_eq!(e.extra.get("data").unwrap().get(), r#"{"x":1}"#);
    }

    #[test]
    fn accepted_request_with_bad_data_is_an_error() {
        let err = Envelope::<bool>::parse(r#"{"code":"0000","data":{"x":1}}"#).unwrap_err();
        assert_eq!(err.path, "data");
        assert!(Envelope::<bool>::parse(r#"{"msg":"no code"}"#).is_err());
    }
}
