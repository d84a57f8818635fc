//! Table rows however a browser's copy and paste lays them out. The layout is the header's:
//!
//! - glued: `tradeNoYesstringTransaction number` (cells run together; the row is split where
//!   a requiredness word is followed by a type word);
//! - tab-separated, or cells separated by runs of two or more spaces (or no-break spaces);
//! - pipe-separated, `| tradeNo | Yes | string | … |`, with or without a `|---|` row.
//!
//! A separated header names its columns (`Parameter`, `Required`, `Type`, `Description`, in
//! any order); a glued one is read in that order. A row that has the shape of a row but cannot
//! be read is an error naming the problem, never a silent continuation of the row above.

/// How a table's cells are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Glued,
    Tabs,
    Spaces,
    Pipes,
}

/// Where a row table's cells are, by the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub layout: Layout,
    name: usize,
    required: usize,
    ty: usize,
    description: Option<usize>,
}

/// A table header line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Header {
    /// `ParameterRequiredTypeDescription`: a header, body or response table.
    Rows(Columns),
    /// `wayCodeDescription`: the values of one field.
    Values { field: String, layout: Layout },
}

/// One line of a row table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowRead {
    Row {
        name: String,
        required: bool,
        /// The type word, lowercased.
        ty: String,
        description: String,
    },
    /// More of the previous row's description (`• E-wallet: …`).
    Continuation,
    /// A pipe table's `|---|---|` line.
    Separator,
    /// A row that cannot be read, and why.
    Unreadable(String),
}

/// One row of a value table: the value when the layout separates it from its description,
/// and the row's text (glued: value and description together).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueRow {
    pub value: Option<String>,
    pub text: String,
}

/// Requiredness words of a glued row (the row is split where one meets a type word).
const GLUED_REQUIRED: &[(&str, bool)] = &[
    ("yes", true),
    ("no", false),
    ("true", true),
    ("false", false),
];

/// Requiredness words of a separated cell.
const CELL_REQUIRED: &[(&str, bool)] = &[
    ("yes", true),
    ("y", true),
    ("true", true),
    ("required", true),
    ("mandatory", true),
    ("no", false),
    ("n", false),
    ("false", false),
    ("optional", false),
];

pub const TYPE_WORDS: &[&str] = &[
    "string", "long", "integer", "int", "number", "float", "double", "decimal", "boolean", "bool",
    "object", "array", "list", "date",
];

/// Column titles, compared lowercased without spaces.
const REQUIRED_TITLES: &[&str] = &["required", "mandatory", "isrequired", "require"];
const TYPE_TITLES: &[&str] = &["type", "datatype", "fieldtype"];
const DESCRIPTION_TITLES: &[&str] = &["description", "desc", "explanation", "remarks", "note"];

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '.'
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_name_char)
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}'
}

fn layout_of(t: &str) -> Layout {
    if t.starts_with('|') {
        Layout::Pipes
    } else if t.contains('\t') {
        Layout::Tabs
    } else if t
        .chars()
        .zip(t.chars().skip(1))
        .any(|(a, b)| is_space(a) && is_space(b))
    {
        Layout::Spaces
    } else {
        Layout::Glued
    }
}

/// The cells of a trimmed line in a separated layout.
fn cells(t: &str, layout: Layout) -> Vec<&str> {
    let mut out: Vec<&str> = match layout {
        Layout::Glued => vec![t],
        Layout::Tabs => t.split('\t').map(str::trim).collect(),
        Layout::Pipes => {
            let inner = t.strip_prefix('|').unwrap_or(t);
            let inner = inner.strip_suffix('|').unwrap_or(inner);
            inner.split('|').map(str::trim).collect()
        }
        Layout::Spaces => {
            let mut cells = vec![];
            let mut start = 0;
            let mut run_start = None;
            for (i, c) in t.char_indices() {
                match (is_space(c), run_start) {
                    (true, None) => run_start = Some(i),
                    (false, Some(r)) => {
                        // A run of two or more separates cells; one space is inside a cell.
                        if t[r..i].chars().count() >= 2 {
                            cells.push(t[start..r].trim());
                            start = i;
                        }
                        run_start = None;
                    }
                    _ => {}
                }
            }
            cells.push(t[start..].trim());
            cells
        }
    };
    while out.len() > 1 && out.last() == Some(&"") {
        out.pop();
    }
    out
}

fn title(cell: &str) -> String {
    cell.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Reads a line as a table header, if it is one.
pub fn header(line: &str) -> Option<Header> {
    let t = line.trim();
    let layout = layout_of(t);
    if layout == Layout::Glued {
        if title(t).ends_with("requiredtypedescription") {
            return Some(Header::Rows(Columns {
                layout,
                name: 0,
                required: 1,
                ty: 2,
                description: Some(3),
            }));
        }
        let field = t
            .strip_suffix("Description")
            .or_else(|| t.strip_suffix("description"))?;
        return (!field.is_empty() && field.chars().all(|c| c.is_ascii_alphanumeric())).then(
            || Header::Values {
                field: field.to_string(),
                layout,
            },
        );
    }
    let cs = cells(t, layout);
    let titles: Vec<String> = cs.iter().map(|c| title(c)).collect();
    let find = |set: &[&str]| titles.iter().position(|t| set.contains(&t.as_str()));
    match (
        find(REQUIRED_TITLES),
        find(TYPE_TITLES),
        find(DESCRIPTION_TITLES),
    ) {
        (Some(required), Some(ty), description) => {
            let name = (0..cs.len())
                .find(|i| ![Some(required), Some(ty), description].contains(&Some(*i)))?;
            Some(Header::Rows(Columns {
                layout,
                name,
                required,
                ty,
                description,
            }))
        }
        (None, None, Some(1))
            if cs.len() == 2
                && cs[0].chars().all(|c| c.is_ascii_alphanumeric())
                && !cs[0].is_empty() =>
        {
            Some(Header::Values {
                field: cs[0].to_string(),
                layout,
            })
        }
        _ => None,
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// Splits a glued table row into name, requiredness, type and description.
pub fn split_glued(text: &str) -> Option<(String, bool, String, String)> {
    let name_end = text.find(|c: char| !is_name_char(c)).unwrap_or(text.len());
    // Try every split of the leading identifier run: the name is the shortest prefix after
    // which a requiredness word and a type word follow.
    for cut in 1..=name_end {
        let (name, rest) = text.split_at(cut);
        for (word, required) in GLUED_REQUIRED {
            let Some(after) = strip_prefix_ci(rest, word) else {
                continue;
            };
            // The longest type word that fits (`integer` before `int`).
            let mut best: Option<&str> = None;
            for ty in TYPE_WORDS {
                if strip_prefix_ci(after, ty).is_some() && best.is_none_or(|b| ty.len() > b.len()) {
                    best = Some(ty);
                }
            }
            if let Some(ty) = best {
                let description = after[ty.len()..].trim().to_string();
                return Some((name.to_string(), *required, ty.to_string(), description));
            }
        }
    }
    None
}

/// Whether a glued line that did not split has the shape of a row rather than of prose: its
/// first word starts with a lowercase letter (field names are camelCase) and, inside the
/// leading name, a requiredness word (`Yes`, `No`, `yes`, `true`, …; not a lowercase `no`,
/// common in words) follows at least two characters and is followed by a letter
/// (`amountYesuintAmount`, `mobileyesuuid…`). `Payment method is …` and `• E-wallet: …` are
/// prose. A glued row whose requiredness word itself is unknown cannot be told from prose.
fn looks_like_glued_row(t: &str) -> bool {
    if !t.starts_with(|c: char| c.is_ascii_lowercase()) {
        return false;
    }
    let name_end = t.find(|c: char| !is_name_char(c)).unwrap_or(t.len());
    let head = &t[..name_end];
    const WORDS: &[&str] = &[
        "Yes", "YES", "No", "NO", "True", "TRUE", "False", "FALSE", "yes", "true", "false",
    ];
    (2..name_end).any(|cut| {
        WORDS.iter().any(|w| {
            head[cut..].starts_with(w)
                && head[cut + w.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        })
    })
}

fn required_word(cell: &str) -> Option<bool> {
    CELL_REQUIRED
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(cell))
        .map(|(_, r)| *r)
}

fn type_word(cell: &str) -> Option<&'static str> {
    TYPE_WORDS
        .iter()
        .find(|w| w.eq_ignore_ascii_case(cell))
        .copied()
}

fn is_separator_row(cs: &[&str]) -> bool {
    cs.iter().all(|c| {
        let c = c.trim_matches(':');
        !c.is_empty() && c.chars().all(|x| x == '-')
    })
}

/// Reads one line of a row table laid out as `columns` says.
pub fn read_row(line: &str, columns: &Columns) -> RowRead {
    let t = line.trim();
    if columns.layout == Layout::Glued {
        return match split_glued(t) {
            Some((name, required, ty, description)) => RowRead::Row {
                name,
                required,
                ty,
                description,
            },
            None if looks_like_glued_row(t) => RowRead::Unreadable(format!(
                "cannot read this table row: after the name, no requiredness (yes/no) followed by a type word ({})",
                TYPE_WORDS.join(", ")
            )),
            None => RowRead::Continuation,
        };
    }
    if columns.layout == Layout::Pipes && !t.starts_with('|') {
        return RowRead::Continuation;
    }
    let cs = cells(t, columns.layout);
    if columns.layout == Layout::Pipes && is_separator_row(&cs) {
        return RowRead::Separator;
    }
    if columns.layout != Layout::Pipes && cs.len() < 3 {
        return RowRead::Continuation;
    }
    let needed = columns.name.max(columns.required).max(columns.ty) + 1;
    if cs.len() < needed {
        return RowRead::Unreadable(format!(
            "cannot read this table row: {} cells where the header has at least {needed}",
            cs.len()
        ));
    }
    let name = cs[columns.name];
    if !is_name(name) {
        return RowRead::Unreadable(format!(
            "cannot read this table row: `{name}` is not a field name"
        ));
    }
    let Some(required) = required_word(cs[columns.required]) else {
        return RowRead::Unreadable(format!(
            "cannot read this table row: `{}` is not a requiredness (yes or no)",
            cs[columns.required]
        ));
    };
    let Some(ty) = type_word(cs[columns.ty]) else {
        return RowRead::Unreadable(format!(
            "cannot read this table row: `{}` is not a type word ({})",
            cs[columns.ty],
            TYPE_WORDS.join(", ")
        ));
    };
    // The description is its column and, when it is the last one, any cells the text's own
    // separators made after it.
    let description = match columns.description {
        Some(d) if d > columns.name.max(columns.required).max(columns.ty) => {
            cs.get(d..).map(|rest| rest.join(" ")).unwrap_or_default()
        }
        Some(d) => cs.get(d).map(|s| s.to_string()).unwrap_or_default(),
        None => String::new(),
    };
    RowRead::Row {
        name: name.to_string(),
        required,
        ty: ty.to_string(),
        description,
    }
}

/// Reads one line of a value table; `None` for a pipe table's separator line.
pub fn read_value_row(line: &str, layout: Layout) -> Option<ValueRow> {
    let t = line.trim();
    if layout == Layout::Glued || (layout == Layout::Pipes && !t.starts_with('|')) {
        return Some(ValueRow {
            value: None,
            text: t.to_string(),
        });
    }
    let cs = cells(t, layout);
    if layout == Layout::Pipes && is_separator_row(&cs) {
        return None;
    }
    if cs.len() < 2 && layout != Layout::Pipes {
        return Some(ValueRow {
            value: None,
            text: t.to_string(),
        });
    }
    Some(ValueRow {
        value: Some(cs[0].to_string()),
        text: cs.join(" "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, required: bool, ty: &str, description: &str) -> RowRead {
        RowRead::Row {
            name: name.into(),
            required,
            ty: ty.into(),
            description: description.into(),
        }
    }

    fn columns(header_line: &str) -> Columns {
        match header(header_line) {
            Some(Header::Rows(c)) => c,
            other => panic!("{header_line:?}: {other:?}"),
        }
    }

    #[test]
    fn glued_rows_split_at_requiredness_then_type() {
        assert_eq!(
            split_glued("tradeNoYesstringtradeNo (unique)"),
            Some((
                "tradeNo".into(),
                true,
                "string".into(),
                "tradeNo (unique)".into()
            ))
        );
        assert_eq!(
            split_glued("merchantNoyesstringno"),
            Some(("merchantNo".into(), true, "string".into(), "no".into()))
        );
        assert_eq!(
            split_glued("data.qrStringnostringReturned"),
            Some((
                "data.qrString".into(),
                false,
                "string".into(),
                "Returned".into()
            ))
        );
        assert_eq!(
            split_glued("amountyesfloatAmount"),
            Some(("amount".into(), true, "float".into(), "Amount".into()))
        );
        assert_eq!(split_glued("Payment method is DANA, LINKAJA return."), None);
    }

    #[test]
    fn every_layout_reads_the_same_row() {
        let want = row("tradeNo", true, "string", "Transaction number (unique)");
        for (head, line) in [
            (
                "ParameterRequiredTypeDescription",
                "tradeNoYesstringTransaction number (unique)",
            ),
            (
                "Parameter\tRequired\tType\tDescription",
                "tradeNo\tYes\tstring\tTransaction number (unique)",
            ),
            (
                "Parameter    Required  Type   Description",
                "tradeNo  Yes   string    Transaction number (unique)",
            ),
            (
                "Parameter\u{a0}\u{a0}Required\u{a0}\u{a0}Type\u{a0}\u{a0}Description",
                "tradeNo\u{a0}\u{a0}Yes\u{a0}\u{a0}string\u{a0}\u{a0}Transaction number (unique)",
            ),
            (
                "| Parameter | Required | Type | Description |",
                "| tradeNo | Yes | string | Transaction number (unique) |",
            ),
            (
                "|Parameter|Required|Type|Description",
                "|tradeNo|Yes|string|Transaction number (unique)",
            ),
            // Another column order, named by the header.
            (
                "| Parameter | Type | Required | Description |",
                "| tradeNo | string | Yes | Transaction number (unique) |",
            ),
        ] {
            assert_eq!(read_row(line, &columns(head)), want, "{head:?}");
        }
        let pipes = columns("| Parameter | Required | Type | Description |");
        assert_eq!(read_row("|---|:---:|---|---|", &pipes), RowRead::Separator);
        assert_eq!(
            read_row("Payment method is DANA.", &pipes),
            RowRead::Continuation
        );
        let tabs = columns("Parameter\tRequired\tType\tDescription");
        assert_eq!(
            read_row("• E-wallet: EWALLET_BKASH", &tabs),
            RowRead::Continuation
        );
        assert_eq!(
            read_row("data\tYes\tObject\t", &tabs),
            row("data", true, "object", "")
        );
    }

    #[test]
    fn a_row_shaped_line_that_cannot_be_read_says_why() {
        let tabs = columns("Parameter\tRequired\tType\tDescription");
        assert_eq!(
            read_row("amount\tMaybe\tstring\tAmount", &tabs),
            RowRead::Unreadable(
                "cannot read this table row: `Maybe` is not a requiredness (yes or no)".into()
            )
        );
        let RowRead::Unreadable(why) = read_row("amount\tYes\tuint\tAmount", &tabs) else {
            panic!()
        };
        assert!(
            why.starts_with("cannot read this table row: `uint` is not a type word"),
            "{why}"
        );
        let glued = columns("ParameterRequiredTypeDescription");
        for line in ["amountYesuintAmount", "mobileyesuuidUser's mobile"] {
            assert!(
                matches!(read_row(line, &glued), RowRead::Unreadable(_)),
                "{line}"
            );
        }
        for line in [
            "Payment method is DANA, LINKAJA return.",
            "• E-wallet: X",
            "returned when channelCode = QRIS",
            "Unknown codes are failures",
        ] {
            assert_eq!(read_row(line, &glued), RowRead::Continuation, "{line}");
        }
    }

    #[test]
    fn value_tables_in_every_layout() {
        for (head, line) in [
            ("wayCode\tDescription", "store\tconvenience store"),
            ("| wayCode | Description |", "| store | convenience store |"),
            ("wayCode   Description", "store   convenience store"),
        ] {
            let Some(Header::Values { field, layout }) = header(head) else {
                panic!("{head}")
            };
            assert_eq!(field, "wayCode");
            assert_eq!(
                read_value_row(line, layout).and_then(|r| r.value),
                Some("store".to_string())
            );
        }
        assert_eq!(
            header("wayCodeDescription"),
            Some(Header::Values {
                field: "wayCode".into(),
                layout: Layout::Glued
            })
        );
    }
}
