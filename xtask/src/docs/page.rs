//! Reads one Paypro doc page saved as text: the country from the navigation, the title,
//! request URL and method, the header, body, value and response tables (`table.rs`, in any
//! layout a browser's copy produces), and the examples (`json.rs`) after any heading
//! containing "example" (`heading.rs`). Every failure names its line; a table this reader
//! cannot read is a failure, never an empty table, and invalid JSON is a failure, never a
//! missing example.

use std::fmt;

use super::heading::{self, ExampleHeading, Section};
use super::json::{self, Work};
use super::table::{self, Columns, Header, Layout, RowRead, ValueRow};

/// A page that cannot be read: the line (1-based; 0 for the whole page) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// One row of a header, body or response table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub name: String,
    pub required: bool,
    /// The docs' type word, lowercased (`string`, `long`, `object`, …).
    pub ty: String,
    pub description: String,
    pub line: usize,
}

/// A value table (`wayCodeDescription`, `storeconvenience store`): the field it names and its
/// rows with their lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueTable {
    pub field: String,
    pub rows: Vec<(ValueRow, usize)>,
}

/// What a page says about one endpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The country as the navigation names it (`Mexico`, `Bengal`), and its line.
    pub country_name: String,
    pub country_line: usize,
    /// The spec's country code, when the name is one the project covers.
    pub country: Option<&'static str>,
    pub title: String,
    pub path: String,
    /// The line of the request URL's path (0 when there is none).
    pub path_line: usize,
    pub method: String,
    pub headers: Vec<Row>,
    pub body: Vec<Row>,
    pub values: Vec<ValueTable>,
    pub response: Vec<Row>,
    /// The examples and the lines they start on.
    pub request_example: Option<(serde_json::Value, usize)>,
    pub response_example: Option<(serde_json::Value, usize)>,
}

/// The navigation's country names and the spec codes they map to.
pub const COUNTRIES: &[(&str, &str)] = &[
    ("bengal", "bd"),
    ("bangladesh", "bd"),
    ("mexico", "mx"),
    ("indonesia", "id"),
    ("kenya", "ke"),
    ("egypt", "eg"),
];

/// The text of a bulleted line, or `None` when the line is not a bullet item. A browser's copy
/// writes a list item as `•`, `·`, `*` or `-` followed by a space or a no-break space (U+00A0);
/// `•` and `·` need no space, `*` and `-` do (`-1`, `*important*` are not items).
pub fn bullet_item(line: &str) -> Option<&str> {
    let t = line.trim();
    let is_space = |c: char| c == ' ' || c == '\u{a0}';
    let rest = if let Some(r) = t.strip_prefix(['•', '·']) {
        r
    } else {
        let r = t.strip_prefix(['*', '-'])?;
        if !r.starts_with(is_space) {
            return None;
        }
        r
    };
    Some(rest.trim_matches(|c: char| c.is_whitespace()))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Table {
    None,
    Rows(Columns),
    Values(Layout),
}

/// The header, body or response section being read: a table is expected there, so a section
/// with text but no table header this reader knows is an error, never an empty table.
#[derive(Default)]
struct TableSection {
    /// The heading's line and text.
    heading: Option<(usize, String)>,
    text: bool,
    found: bool,
}

impl TableSection {
    fn open(&mut self, section: Section, line: usize, heading: &str) {
        *self = TableSection::default();
        if matches!(section, Section::Header | Section::Body | Section::Response) {
            self.heading = Some((line, heading.to_string()));
        }
    }

    fn close(&mut self) -> Result<(), PageError> {
        let open = std::mem::take(self);
        match open.heading {
            Some((line, heading)) if open.text && !open.found => Err(PageError {
                line,
                message: format!(
                    "no table under `{heading}` could be read (its header row must name the Required and Type columns)"
                ),
            }),
            _ => Ok(()),
        }
    }
}

/// Parses a page. Every failure names the line it could not read.
pub fn parse(text: &str) -> Result<Page, PageError> {
    parse_with_work(text, &mut Work::default())
}

/// [`parse`], adding what reading its examples cost to `work`.
pub fn parse_with_work(text: &str, work: &mut Work) -> Result<Page, PageError> {
    let lines: Vec<&str> = text.lines().collect();
    let err = |line: usize, message: String| PageError { line, message };

    // The navigation: the country's own sub-list starts with an `Overview` item; the item just
    // above it (without a flag) names the country.
    let overview = lines
        .iter()
        .position(|l| bullet_item(l) == Some("Overview"))
        .ok_or_else(|| {
            err(
                1,
                "not a Paypro API page: no country navigation (no `• Overview` item, in any bullet style)"
                    .into(),
            )
        })?;
    let (country_line, country_name) = lines[..overview]
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, l)| bullet_item(l).map(|n| (i + 1, n.to_string())))
        .ok_or_else(|| err(overview + 1, "no country bullet above `• Overview`".into()))?;
    if !country_name
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c == ' ')
    {
        return Err(err(
            country_line,
            format!("cannot read the country name `{country_name}`"),
        ));
    }
    let country = COUNTRIES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(&country_name))
        .map(|(_, c)| *c);

    // The title: the first unindented line after the navigation.
    let (title_idx, title) = lines
        .iter()
        .enumerate()
        .skip(overview + 1)
        .find(|(_, l)| !l.trim().is_empty() && !l.starts_with(char::is_whitespace))
        .map(|(i, l)| (i, l.trim().to_string()))
        .ok_or_else(|| err(overview + 1, "no page title after the navigation".into()))?;

    let mut page = Page {
        country_name,
        country_line,
        country,
        title,
        path: String::new(),
        path_line: 0,
        method: String::new(),
        headers: vec![],
        body: vec![],
        values: vec![],
        response: vec![],
        request_example: None,
        response_example: None,
    };
    let mut section = Section::None;
    let mut tables = TableSection::default();
    let mut after_response = false;
    let mut table = Table::None;
    let mut i = title_idx + 1;
    while i < lines.len() {
        let raw = lines[i];
        let t = raw.trim();
        let lineno = i + 1;
        i += 1;
        if t.is_empty() {
            continue;
        }
        if let Some(s) = heading::section(t) {
            tables.close()?;
            if s == Section::End {
                break;
            }
            tables.open(s, lineno, t);
            after_response |= s == Section::Response;
            section = s;
            table = Table::None;
            continue;
        }
        // An example's heading, alone or followed by the example on its line.
        let (heading_text, json_at) = match t.find('{') {
            Some(at) => (&t[..at], Some(at)),
            None => (t, None),
        };
        if let Some(kind) = heading::example(heading_text) {
            tables.close()?;
            section = match kind {
                ExampleHeading::Request => Section::RequestExample,
                ExampleHeading::Response => Section::ResponseExample,
                ExampleHeading::Unsaid if after_response => Section::ResponseExample,
                ExampleHeading::Unsaid => Section::RequestExample,
            };
            table = Table::None;
            if json_at.is_none() {
                continue;
            }
        }
        tables.text = true;
        match table::header(t) {
            Some(Header::Rows(columns)) => {
                tables.found = true;
                table = Table::Rows(columns);
                continue;
            }
            Some(Header::Values { field, layout }) => {
                page.values.push(ValueTable {
                    field,
                    rows: vec![],
                });
                table = Table::Values(layout);
                continue;
            }
            None => {}
        }
        // The example: the first line of its section that starts with `{` (lines before it, such
        // as a code block's `json` or `Copy`, are not part of it).
        if matches!(section, Section::RequestExample | Section::ResponseExample) {
            if let Some(at) = json_at
                .filter(|at| t[..*at].trim().is_empty() || heading::example(&t[..*at]).is_some())
            {
                let col = raw.len() - raw.trim_start().len() + at;
                let (slot, label) = if section == Section::RequestExample {
                    (&mut page.request_example, "request")
                } else {
                    (&mut page.response_example, "response")
                };
                if let Some((_, first)) = slot {
                    return Err(err(
                        lineno,
                        format!(
                            "a second {label} example (the first starts on line {first}); the diff compares one"
                        ),
                    ));
                }
                let example = json::read(&lines, i - 1, col, work)?;
                *slot = Some((example.value, lineno));
                i = example.next;
                section = Section::Other;
            }
            continue;
        }
        match (section, table) {
            (_, Table::Values(layout)) => {
                if let Some(v) = page.values.last_mut() {
                    if bullet_item(t).is_some() {
                        continue;
                    }
                    if let Some(row) = table::read_value_row(t, layout) {
                        v.rows.push((row, lineno));
                    }
                }
            }
            (Section::Url, _) => {
                if let Some(p) = bullet_item(t) {
                    page.path = p.to_string();
                    page.path_line = lineno;
                }
            }
            (Section::Method, _) => {
                if let Some(m) = bullet_item(t) {
                    page.method = m.to_ascii_uppercase();
                }
            }
            (Section::Header | Section::Body | Section::Response, Table::Rows(columns)) => {
                let rows = match section {
                    Section::Header => &mut page.headers,
                    Section::Body => &mut page.body,
                    _ => &mut page.response,
                };
                match table::read_row(t, &columns) {
                    RowRead::Row {
                        name,
                        required,
                        ty,
                        description,
                    } => rows.push(Row {
                        name,
                        required,
                        ty,
                        description,
                        line: lineno,
                    }),
                    RowRead::Separator => {}
                    RowRead::Unreadable(why) => return Err(err(lineno, format!("{why}: `{t}`"))),
                    // A description that wraps onto its own line (`• E-wallet: …`).
                    RowRead::Continuation => match rows.last_mut() {
                        Some(last) => {
                            last.description.push('\n');
                            last.description.push_str(t);
                        }
                        None => {
                            return Err(err(
                                lineno,
                                format!(
                                    "cannot read this table row (no `name required type description` cells): `{t}`"
                                ),
                            ));
                        }
                    },
                }
            }
            _ => {}
        }
    }
    tables.close()?;
    if page.path.is_empty() {
        return Err(err(
            title_idx + 1,
            format!(
                "not an API page: `{}` has no `Request URL` section with a path",
                page.title
            ),
        ));
    }
    if page.body.is_empty() {
        return Err(err(
            title_idx + 1,
            format!("`{}` has no body table", page.title),
        ));
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_of_every_style_and_what_is_not_one() {
        for line in [
            "• Overview",
            "  •Overview",
            "·\u{a0}Overview",
            "* Overview",
            "-\u{a0}Overview",
        ] {
            assert_eq!(bullet_item(line), Some("Overview"), "{line:?}");
        }
        for line in ["-1 is refused", "*important*", "Overview", "--"] {
            assert_eq!(bullet_item(line), None, "{line:?}");
        }
    }
}
