//! Reading one Paypro documentation page saved as text (the browser's "save as text", as in
//! the seed pages): its country, title, request URL and method, tables and JSON examples.
//!
//! The saved tables have no cell separators (`notifyUrlYesstringasynchronous callback
//! address`), so a row is split where a required flag (`Yes`/`No`) is followed by a type word;
//! a field name never contains that pair.

use std::fmt;

/// Why a page cannot be read: the line (1-based) and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub line: usize,
    pub problem: String,
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}

/// One row of a parameter table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub name: String,
    pub required: bool,
    /// The docs' type word, as written (`string`, `long`, `float`...).
    pub ty: String,
    pub description: String,
    pub line: usize,
}

/// A table of values for one field (`Way Code`: `store`, `va`), rows as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueTable {
    pub field: String,
    pub rows: Vec<(String, usize)>,
}

/// What a page says.
#[derive(Debug, Clone)]
pub struct Page {
    /// The country's name in the navigation (`Mexico`).
    pub country: String,
    /// The page title (`Payment API`).
    pub title: String,
    pub path: Option<String>,
    pub method: Option<String>,
    pub headers: Vec<Row>,
    pub body: Vec<Row>,
    pub response: Vec<Row>,
    pub values: Vec<ValueTable>,
    /// The request example, then the answer example, as JSON.
    pub request_example: Option<serde_json::Value>,
    pub response_example: Option<serde_json::Value>,
}

/// Type words the docs use, longest first where one is a prefix of another.
const TYPES: &[&str] = &[
    "BigDecimal",
    "boolean",
    "Boolean",
    "decimal",
    "integer",
    "Integer",
    "double",
    "object",
    "Object",
    "string",
    "String",
    "number",
    "float",
    "array",
    "long",
    "Long",
    "int",
];

/// Splits a table row: `name`, the required flag, the type word, the description.
pub fn row(text: &str, line: usize) -> Option<Row> {
    let text = text.trim();
    for (i, _) in text.char_indices().skip(1) {
        let (name, rest) = text.split_at(i);
        if !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        {
            return None;
        }
        let flags = [("Yes", true), ("yes", true), ("No", false), ("no", false)];
        for (flag, required) in flags {
            let Some(after) = rest.strip_prefix(flag) else {
                continue;
            };
            if let Some(ty) = TYPES.iter().find(|t| after.starts_with(**t)) {
                return Some(Row {
                    name: name.to_string(),
                    required,
                    ty: ty.to_string(),
                    description: after[ty.len()..].trim().to_string(),
                    line,
                });
            }
        }
    }
    None
}

fn squashed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

fn bullet(text: &str) -> Option<&str> {
    text.trim().strip_prefix('•').map(str::trim)
}

/// Reads a page; `countries` are the names the navigation may show.
pub fn read(text: &str, countries: &[&str]) -> Result<Page, Unreadable> {
    let lines: Vec<&str> = text.lines().collect();
    let next_content = |from: usize| (from..lines.len()).find(|&j| !lines[j].trim().is_empty());
    // The navigation: `• <Country>` followed by `• Overview`.
    let mut nav = None;
    for (i, line) in lines.iter().enumerate() {
        if let Some(name) = bullet(line) {
            if let Some(j) = next_content(i + 1) {
                if bullet(lines[j]) == Some("Overview") {
                    nav = Some((i, name.to_string(), j));
                    break;
                }
            }
        }
    }
    let Some((nav_line, country, mut j)) = nav else {
        return Err(Unreadable {
            line: 1,
            problem:
                "not a Paypro API page: no country navigation (`• <Country>` then `• Overview`)"
                    .into(),
        });
    };
    if !countries.contains(&country.as_str()) {
        return Err(Unreadable {
            line: nav_line + 1,
            problem: format!(
                "the page is about {country}, which has no spec here (known: {})",
                countries.join(", ")
            ),
        });
    }
    // Skip the navigation list; the title is the first line after it.
    while j < lines.len() && (bullet(lines[j]).is_some() || lines[j].trim().is_empty()) {
        j += 1;
    }
    let title = lines
        .get(j)
        .map(|l| l.trim().to_string())
        .unwrap_or_default();
    let mut page = Page {
        country,
        title,
        path: None,
        method: None,
        headers: Vec::new(),
        body: Vec::new(),
        response: Vec::new(),
        values: Vec::new(),
        request_example: None,
        response_example: None,
    };
    let mut i = j;
    let mut in_body = false;
    while i < lines.len() {
        let line = lines[i].trim();
        let lower = line.to_lowercase();
        if lower == "request url" {
            if let Some(k) = next_content(i + 1) {
                page.path = bullet(lines[k]).map(str::to_string);
                i = k + 1;
                continue;
            }
        }
        if lower == "request method" {
            if let Some(k) = next_content(i + 1) {
                page.method = bullet(lines[k]).map(str::to_uppercase);
                i = k + 1;
                continue;
            }
        }
        if lower == "body" {
            in_body = true;
        }
        let sq = squashed(line);
        if sq.ends_with("requiredtypedescription") {
            // A parameter table: rows until the first line that is not one.
            let mut rows = Vec::new();
            let mut k = i + 1;
            while k < lines.len() {
                let t = lines[k].trim();
                if t.is_empty() {
                    if rows.is_empty() {
                        k += 1;
                        continue;
                    }
                    break;
                }
                match (row(t, k + 1), rows.last_mut(), bullet(t)) {
                    (Some(r), _, _) => rows.push(r),
                    // A list inside the previous row's description cell.
                    (None, Some(last), Some(item)) => {
                        last.description.push_str(&format!(" • {item}"));
                    }
                    _ => break,
                }
                k += 1;
            }
            if sq.starts_with("header") {
                page.headers = rows;
            } else if rows.iter().any(|r| r.name == "msg" || r.name == "code") {
                page.response = rows;
            } else if in_body || page.body.is_empty() {
                page.body = rows;
                in_body = false;
            }
            i = k;
            continue;
        }
        if sq.ends_with("description") && sq.len() > "description".len() && !line.contains(' ') {
            // A value table: `wayCodeDescription`, then `value description` rows.
            let field = line[..line.len() - "description".len()].to_string();
            let mut rows = Vec::new();
            let mut k = i + 1;
            while k < lines.len() && !lines[k].trim().is_empty() {
                rows.push((lines[k].trim().to_string(), k + 1));
                k += 1;
            }
            page.values.push(ValueTable { field, rows });
            i = k;
            continue;
        }
        if line.starts_with('{') {
            let (json, end) = json_block(&lines, i)?;
            if page.response.is_empty() && page.request_example.is_none() {
                page.request_example = Some(json);
            } else if page.response_example.is_none() {
                page.response_example = Some(json);
            }
            i = end + 1;
            continue;
        }
        i += 1;
    }
    if page.path.is_none() {
        return Err(Unreadable {
            line: j + 1,
            problem: format!(
                "`{}` is not an API page: no `Request URL` section",
                page.title
            ),
        });
    }
    if page.body.is_empty() && page.headers.is_empty() {
        return Err(Unreadable {
            line: j + 1,
            problem: "no parameter table (a header row ending in `Required Type Description`)"
                .into(),
        });
    }
    Ok(page)
}

/// The JSON object starting at line `start`: its value and its last line.
fn json_block(lines: &[&str], start: usize) -> Result<(serde_json::Value, usize), Unreadable> {
    let mut depth = 0i32;
    let mut text = String::new();
    for (k, line) in lines.iter().enumerate().skip(start) {
        text.push_str(line);
        text.push('\n');
        for c in line.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
        }
        if depth <= 0 {
            // Saved pages obfuscate e-mail addresses; any string stands in for them.
            let cleaned = text.replace('\t', " ");
            return serde_json::from_str(&cleaned)
                .map(|v| (v, k))
                .map_err(|e| Unreadable {
                    line: start + 1 + e.line().saturating_sub(1),
                    problem: format!("the JSON example does not parse: {e}"),
                });
        }
    }
    Err(Unreadable {
        line: start + 1,
        problem: "the JSON example never closes".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_split_where_a_flag_meets_a_type() {
        let r = row("platFormTradeNoYesstringPaypro transaction number", 7).unwrap();
        assert_eq!(
            (
                r.name.as_str(),
                r.required,
                r.ty.as_str(),
                r.description.as_str()
            ),
            (
                "platFormTradeNo",
                true,
                "string",
                "Paypro transaction number"
            )
        );
        let r = row("mobileNostringUser's mobile", 1).unwrap();
        assert_eq!((r.name.as_str(), r.required), ("mobile", false));
        let r = row("amountyesfloatAmount(does not support decimals)", 1).unwrap();
        assert_eq!(r.ty, "float");
        assert_eq!(
            row("data.qrStringnostringReturned", 1).unwrap().name,
            "data.qrString"
        );
        assert!(row("storeconvenience store", 1).is_none());
        assert!(row("Last Updated:", 1).is_none());
    }
}
