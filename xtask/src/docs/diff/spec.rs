//! The spec side of a comparison, read from the country file's plain TOML (the generator's
//! typed loader checks it; the diff only needs names, kinds, rules, examples and the
//! `[endpoint.docs]` records of deliberate differences).

use toml::Value;

/// The spec side of one country: its file's TOML and common.toml's protocol and shared fields.
pub struct SpecView<'a> {
    pub code: &'a str,
    pub country: &'a Value,
    pub common: &'a Value,
}

pub fn str_of<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str)
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|a| a.as_str().map(String::from))
        .collect()
}

/// What `[endpoint.docs.<table>]` records for `key`.
pub fn docs_quirk<'v>(endpoint: &'v Value, table: &str, key: &str) -> Option<&'v Value> {
    endpoint.get("docs")?.get(table)?.get(key)
}

/// What `[endpoint.docs.<table>]` records for `key` as one string or a list of them.
pub fn docs_said(endpoint: &Value, table: &str, key: &str) -> Vec<String> {
    match docs_quirk(endpoint, table, key) {
        Some(Value::String(s)) => vec![s.clone()],
        other => strings(other),
    }
}

/// A list under `[endpoint.docs]` (`response_absent`).
pub fn docs_list(endpoint: &Value, key: &str) -> Vec<String> {
    strings(endpoint.get("docs").and_then(|d| d.get(key)))
}

/// A request field as the spec has it: requiredness, the JSON type it is sent as, its values
/// and its rules.
pub struct SpecField {
    pub wire: String,
    pub required: bool,
    /// `string` or `number`.
    pub wire_type: &'static str,
    pub values: Vec<String>,
    pub rules: SpecRules,
}

/// A request field's rules (`min`, `max`, `adjustable_bounds`, `digits`, `prefixes`,
/// `max_len`).
#[derive(Default)]
pub struct SpecRules {
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub adjustable: bool,
    pub digits: Option<(u64, u64)>,
    pub prefixes: Vec<String>,
    pub max_len: Option<u64>,
}

fn rules(f: &Value) -> SpecRules {
    let int = |k: &str| {
        f.get(k)
            .and_then(Value::as_integer)
            .and_then(|n| u64::try_from(n).ok())
    };
    let digits = f.get("digits").and_then(Value::as_array).and_then(|d| {
        let n = |i: usize| d.get(i)?.as_integer().and_then(|n| u64::try_from(n).ok());
        n(0).zip(n(1))
    });
    SpecRules {
        min: int("min"),
        max: int("max"),
        adjustable: f
            .get("adjustable_bounds")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        digits,
        prefixes: strings(f.get("prefixes")),
        max_len: int("max_len"),
    }
}

/// The request fields, `sign` and `timestamp` (unless absent) first.
pub fn request(spec: &SpecView, endpoint: &Value) -> Vec<SpecField> {
    let protocol = spec.common.get("protocol");
    let proto = |k: &str| protocol.and_then(|p| str_of(p, k)).unwrap_or(k).to_string();
    let mut fields = vec![SpecField {
        wire: proto("sign_field"),
        required: true,
        wire_type: "string",
        values: vec![],
        rules: SpecRules::default(),
    }];
    match str_of(endpoint, "timestamp").unwrap_or("string") {
        "absent" => {}
        ts => fields.push(SpecField {
            wire: proto("timestamp_field"),
            required: true,
            wire_type: if ts == "number" { "number" } else { "string" },
            values: vec![],
            rules: SpecRules::default(),
        }),
    }
    for f in endpoint
        .get("request")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        fields.push(SpecField {
            wire: str_of(f, "wire").unwrap_or("").to_string(),
            required: f.get("required").and_then(Value::as_bool).unwrap_or(false),
            wire_type: if str_of(f, "wire_type") == Some("number") {
                "number"
            } else {
                "string"
            },
            values: f
                .get("values")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|v| str_of(v, "wire").map(String::from))
                .collect(),
            rules: rules(f),
        });
    }
    fields
}

/// A response field the spec reads: its wire name, other spellings and how it is read
/// (`text`, `decimal`, `integer`, `boolean`, `status`).
pub struct SpecResponseField {
    pub wire: String,
    pub aliases: Vec<String>,
    pub kind: String,
}

impl SpecResponseField {
    pub fn answers_to(&self, name: &str) -> bool {
        self.wire == name || self.aliases.iter().any(|a| a == name)
    }
}

/// Every response field the spec reads (`use = "..."` resolved against common.toml).
pub fn response(spec: &SpecView, endpoint: &Value) -> Vec<SpecResponseField> {
    let shared = spec.common.get("shared_field").and_then(Value::as_array);
    let mut out = vec![];
    for f in endpoint
        .get("response")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let wire = str_of(f, "wire")
            .or_else(|| str_of(f, "use"))
            .unwrap_or("")
            .to_string();
        let mut aliases = strings(f.get("aliases"));
        let mut kind = str_of(f, "kind").unwrap_or("text").to_string();
        if let Some(used) = str_of(f, "use") {
            if let Some(s) = shared
                .into_iter()
                .flatten()
                .find(|s| str_of(s, "wire") == Some(used))
            {
                aliases.extend(strings(s.get("aliases")));
                kind = str_of(s, "kind").unwrap_or("text").to_string();
            }
        }
        out.push(SpecResponseField {
            wire,
            aliases,
            kind,
        });
    }
    out
}
