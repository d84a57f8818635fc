//! The headings that divide a page into sections: `Request URL`, `Header`, `Body`,
//! `Response Result`, and any heading containing "example".

use super::page::bullet_item;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    None,
    Url,
    Method,
    Header,
    Body,
    Response,
    RequestExample,
    ResponseExample,
    Other,
    /// `Last Updated`: the page's content is over.
    End,
}

/// What an example heading says it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExampleHeading {
    Request,
    Response,
    /// `Example`: which one it is follows from where it stands (before or after the response
    /// table).
    Unsaid,
}

/// The section a heading line starts (other than an example's).
pub fn section(t: &str) -> Option<Section> {
    let compact: String = t
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    Some(match compact.as_str() {
        "requesturl" => Section::Url,
        "requestmethod" => Section::Method,
        "header" => Section::Header,
        "body" => Section::Body,
        "tips" | "briefdescription" => Section::Other,
        c if c.starts_with("responseresult") => Section::Response,
        c if c.starts_with("lastupdated") => Section::End,
        _ => return None,
    })
}

/// Whether a line is a heading introducing an example: it contains "example" and is shaped
/// like a heading (at most eight words of letters, no digits or sentence punctuation, a colon
/// only at the end, not a list item, not "for example …" or "e.g. …").
pub fn example(t: &str) -> Option<ExampleHeading> {
    let t = t.trim();
    let t = t.strip_suffix(':').unwrap_or(t).trim_end();
    let lower = t.to_lowercase();
    if !lower.contains("example")
        || bullet_item(t).is_some()
        || lower.starts_with("for example")
        || lower.starts_with("e.g")
        || t.split_whitespace().count() > 8
        || !t
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || "()-/&,'".contains(c))
    {
        return None;
    }
    const RESPONSE_WORDS: &[&str] = &[
        "response", "return", "result", "success", "fail", "error", "callback", "notif",
    ];
    Some(if lower.contains("request") {
        ExampleHeading::Request
    } else if RESPONSE_WORDS.iter().any(|w| lower.contains(w)) {
        ExampleHeading::Response
    } else {
        ExampleHeading::Unsaid
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_headings_and_what_is_not_one() {
        use ExampleHeading::*;
        for (line, want) in [
            ("Request Parameter Example", Request),
            ("Example of request parameters", Request),
            ("Successful Returned Example", Response),
            ("Successful return example", Response),
            ("Response example (JSON):", Response),
            ("Example", Unsaid),
            ("JSON example:", Unsaid),
        ] {
            assert_eq!(example(line), Some(want), "{line}");
        }
        for line in [
            "for example DANA",
            "E.g. example 08123",
            "Example: DANA",
            "• Example",
            "Amount, for example 100.",
            "See the example below for how the remark is returned as is to the merchant",
        ] {
            assert_eq!(example(line), None, "{line}");
        }
    }
}
