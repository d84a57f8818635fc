//! `paypro sign`: the canonical string and sign of one JSON object.

use paypro_core::{RawObject, canonical_string_of_raw, sign_raw};

use crate::fail::Fail;
use crate::{Creds, output, secret};

pub fn run(creds: &Creds, json: bool) -> Result<(), Fail> {
    let secret = secret::need_secret(creds)?;
    let input = crate::piped_stdin("a JSON object")?;
    let text = std::str::from_utf8(&input).map_err(|_| Fail::usage("stdin is not UTF-8"))?;
    let object = RawObject::parse(text, "stdin")
        .map_err(|e| Fail::usage(format!("stdin is not a JSON object: {}", e.problem)))?;
    let canonical = canonical_string_of_raw(&object);
    let sign = sign_raw(&object, &secret);
    let text = if json {
        output::pretty(
            &serde_json::json!({"canonical": canonical, "sign": sign.as_str()}).to_string(),
        )
    } else {
        format!("canonical: {canonical}\nsign: {sign}")
    };
    output::print(&text).map_err(Fail::unwritten)
}

/// What to check when a sign does not match, after the canonical string it was made from.
pub fn check_hint(canonical: &str) -> String {
    format!(
        "the canonical string was `{canonical}`; check the secret (PAYPRO_SECRET or --secret-file: this merchant's app secret, nothing added) and the signing rule: the secret is appended to the canonical string before the MD5 unless --secret-placement prepend (or PAYPRO_SECRET_PLACEMENT) says otherwise, and Paypro's pages leave the placement open; `paypro doctor CC` asks the gateway which one it accepts"
    )
}
