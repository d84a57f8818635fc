//! `paypro schema`: JSON Schemas of a country's requests, responses and notification.

use paypro_all::ops;

use crate::fail::Fail;
use crate::output;

pub fn run(country: &str, endpoint: Option<&str>) -> Result<(), Fail> {
    let c = crate::country(country)?;
    let value = match endpoint {
        Some(name) => ops::schema(c.code, name).map_err(|e| list_hint(e, c.code))?,
        None => {
            let mut all = serde_json::Map::new();
            for e in c.endpoints {
                all.insert(e.name.to_string(), ops::schema(c.code, e.name)?);
            }
            all.insert("notification".into(), ops::notification_schema(c.code)?);
            serde_json::Value::Object(all)
        }
    };
    output::print(&output::pretty(&value.to_string())).map_err(Fail::unwritten)
}

/// An unknown endpoint's failure, pointing at `--list`.
pub fn list_hint(e: ops::OpsError, code: &str) -> Fail {
    let unknown_endpoint = matches!(e, ops::OpsError::UnknownEndpoint { .. });
    let mut fail = Fail::from(e);
    if unknown_endpoint {
        fail.message
            .push_str(&format!("; `paypro {code} --list` lists them"));
    }
    fail
}
