//! A JSON example in a page, read once: its end is found by matching brackets outside strings
//! from its `{`, then the text up to there is parsed a single time. The work is linear in the
//! example's size whatever its lines look like (`Work` counts it, for the tests).

use serde_json::Value as Json;

use super::page::PageError;

/// What reading the examples of a page cost.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Work {
    /// Bytes looked at while finding where examples end.
    pub bytes_scanned: usize,
    /// Calls of the JSON parser.
    pub parses: usize,
}

/// An example read from the page.
#[derive(Debug)]
pub struct Example {
    pub value: Json,
    /// The index of the line after the one that closes the example.
    pub next: usize,
}

/// Reads the JSON object whose `{` is at byte `col` of `lines[start]`. An error names that
/// line and says where and what the problem is.
pub fn read(
    lines: &[&str],
    start: usize,
    col: usize,
    work: &mut Work,
) -> Result<Example, PageError> {
    let fail = |problem: String| PageError {
        line: start + 1,
        message: format!("the example starting here is not valid JSON: {problem}"),
    };
    // Open brackets: the closer each expects and the line (1-based) it was opened on.
    let mut open: Vec<(u8, usize)> = vec![];
    let mut end = None;
    'lines: for (i, line) in lines.iter().enumerate().skip(start) {
        let from = if i == start { col } else { 0 };
        let bytes = line.as_bytes();
        let mut in_string = false;
        let mut escaped = false;
        for (j, &b) in bytes.iter().enumerate().skip(from) {
            work.bytes_scanned += 1;
            if in_string {
                match b {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' => open.push((b'}', i + 1)),
                b'[' => open.push((b']', i + 1)),
                b'}' | b']' => match open.pop() {
                    Some((want, _)) if want == b => {
                        if open.is_empty() {
                            end = Some((i, j + 1));
                            break 'lines;
                        }
                    }
                    Some((want, opened)) => {
                        return Err(fail(format!(
                            "line {}: `{}` closes the `{}` opened on line {opened}",
                            i + 1,
                            b as char,
                            if want == b'}' { '{' } else { '[' }
                        )));
                    }
                    None => {
                        return Err(fail(format!(
                            "line {}: `{}` closes nothing",
                            i + 1,
                            b as char
                        )));
                    }
                },
                _ => {}
            }
        }
        if in_string {
            return Err(fail(format!(
                "line {}: a string is not closed on its line",
                i + 1
            )));
        }
    }
    let Some((last, end_col)) = end else {
        return Err(fail(format!(
            "the `{{` is never closed ({} bracket(s) still open at the end of the page)",
            open.len()
        )));
    };
    let rest = lines[last][end_col..].trim();
    if !rest.is_empty() {
        return Err(fail(format!(
            "line {}: `{rest}` after the example's closing `}}`",
            last + 1
        )));
    }
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate().take(last + 1).skip(start) {
        let from = if i == start { col } else { 0 };
        let to = if i == last { end_col } else { line.len() };
        text.push_str(&line[from..to]);
        text.push('\n');
    }
    work.parses += 1;
    let value = serde_json::from_str(&text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rfind(" at line ")
            .map_or(message.as_str(), |at| &message[..at]);
        fail(format!("line {}: {message}", start + e.line()))
    })?;
    Ok(Example {
        value,
        next: last + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        text.lines().collect()
    }

    #[test]
    fn the_end_is_found_outside_strings_and_parsed_once() {
        let text = "{\"a\": \"} ]\\\" {\",\n \"b\": [1, {\"c\": 2}]\n}\nafter";
        let mut work = Work::default();
        let ex = read(&lines(text), 0, 0, &mut work).unwrap();
        assert_eq!(ex.value["b"][1]["c"], 2);
        assert_eq!(ex.next, 3);
        assert_eq!(work.parses, 1);
        let one_line = lines("Example: {\"a\": 1}");
        assert_eq!(read(&one_line, 0, 9, &mut work).unwrap().value["a"], 1);
    }

    #[test]
    fn every_problem_names_its_line() {
        let mut work = Work::default();
        let err = |text: &str, work: &mut Work| read(&lines(text), 0, 0, work).unwrap_err();
        let e = err("{\n \"a\": [\n }\n}", &mut work);
        assert_eq!(e.line, 1);
        assert_eq!(
            e.message,
            "the example starting here is not valid JSON: line 3: `}` closes the `[` opened on line 2"
        );
        assert_eq!(
            err("{\n \"a\": 1\n \"b\": 2\n}", &mut work).message,
            "the example starting here is not valid JSON: line 3: expected `,` or `}`"
        );
        assert!(
            err("{\n \"a\": \"x\n}", &mut work)
                .message
                .ends_with("line 2: a string is not closed on its line")
        );
        assert!(
            err("{\n \"a\": {\n", &mut work)
                .message
                .contains("never closed")
        );
        assert!(
            err("{\"a\": 1} trailing", &mut work)
                .message
                .ends_with("line 1: `trailing` after the example's closing `}`")
        );
        assert_eq!(
            work.parses, 1,
            "only the one whose brackets match is parsed"
        );
    }
}
