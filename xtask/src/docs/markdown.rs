//! A page's plain text as Markdown that renders as that same text. `--apply` writes page text
//! into spec doc strings, which are Markdown: they become rustdoc comments (where a line
//! starting with a fence would open a code block, and so a doctest), README text and OpenAPI
//! descriptions. Every character Markdown or HTML would read as syntax is backslash-escaped
//! (CommonMark escapes any ASCII punctuation), and `*/` is broken up; URLs are left as written
//! so that the generator still links them.

/// Characters escaped wherever they stand.
const ALWAYS: &str = "\\`*_[]<>|~";

/// Where a bare URL ends (as the generator's linker sees it, and before any syntax).
fn url_len(s: &str) -> usize {
    s.find(|c: char| c.is_whitespace() || "`<>\"'*()[]|\\".contains(c))
        .unwrap_or(s.len())
}

/// `text` escaped so that it renders as written.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (n, line) in text.lines().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        // Leading spaces would make an indented code block.
        let line = line.trim_start();
        let mut rest = line;
        let mut previous: Option<char> = None;
        while let Some(c) = rest.chars().next() {
            if rest.starts_with("http://") || rest.starts_with("https://") {
                let len = url_len(rest);
                out.push_str(&rest[..len]);
                previous = rest[..len].chars().last();
                rest = &rest[len..];
                continue;
            }
            let at_start = rest.len() == line.len();
            let escape = ALWAYS.contains(c)
                // `*/` would end a block comment: its `/` too.
                || (c == '/' && previous == Some('*'))
                // An entity (`&lt;`) would render as another character.
                || (c == '&' && rest[1..].starts_with(|d: char| d.is_ascii_alphanumeric() || d == '#'))
                // A heading, a list item, a block quote or a setext underline.
                || (at_start && "#-+=>".contains(c))
                // An ordered list item: `1.` or `1)` at the start.
                || ((c == '.' || c == ')')
                    && line[..line.len() - rest.len()].chars().all(|d| d.is_ascii_digit())
                    && !at_start);
            if escape {
                out.push('\\');
            }
            out.push(c);
            previous = Some(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The text Markdown `text` renders as, for strings shown as plain text (the runtime's field
/// descriptions, CLI help): a backslash escape is its character, and a code span stays as
/// written. The inverse of [`plain`] (which also drops a line's leading spaces).
pub fn rendered(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            if let Some(next) = rest[1..]
                .chars()
                .next()
                .filter(|n| n.is_ascii_punctuation())
            {
                out.push(next);
                rest = &rest[1 + next.len_utf8()..];
                continue;
            }
        }
        if c == '`' {
            // A code span: a run of backticks up to the next run of the same length, kept as
            // written (backslashes in it are literal); an unmatched run is literal too.
            let run = rest.len() - rest.trim_start_matches('`').len();
            let after = &rest[run..];
            let close = after.match_indices('`').find_map(|(at, _)| {
                let len = after[at..].len() - after[at..].trim_start_matches('`').len();
                let preceded = at > 0 && after.as_bytes()[at - 1] == b'`';
                (len == run && !preceded).then_some(at + len)
            });
            let end = run + close.unwrap_or(0);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rendered_is_the_text_plain_escaped() {
        for text in [
            "```rust panic!(\"doctest\") `code` *emphasis* */ <script>x</script> &lt; [link](https://x.test/a_b)",
            "# Not a heading",
            "- item",
            "1. one",
            "snake_case and C:\\path\\",
            "see https://a.test/x_y?a=1&b=2#frag, then [x](y)",
            "Payment amount (no decimals)",
        ] {
            assert_eq!(rendered(&plain(text)), text, "{text}");
        }
        // Hand-written Markdown: code spans stay as written, escapes render.
        assert_eq!(rendered("e.g. `DANA` or `a\\_b`"), "e.g. `DANA` or `a\\_b`");
        assert_eq!(rendered("the character '\\\\'"), "the character '\\'");
        assert_eq!(rendered("an unmatched ` stays"), "an unmatched ` stays");
        assert_eq!(rendered("``a ` b`` c"), "``a ` b`` c");
    }

    #[test]
    fn syntax_is_escaped_and_urls_are_not() {
        assert_eq!(plain("```rust"), r"\`\`\`rust");
        assert_eq!(plain("a */ b /* c"), r"a \*\/ b /\* c");
        assert_eq!(plain("<b>x</b> &lt; & y"), r"\<b\>x\</b\> \&lt; & y");
        assert_eq!(plain("# Title"), r"\# Title");
        assert_eq!(plain("- item"), r"\- item");
        assert_eq!(plain("1. one"), r"1\. one");
        assert_eq!(plain("2024 was"), "2024 was");
        assert_eq!(plain("    code"), "code");
        assert_eq!(
            plain("see https://a.test/x_y?a=1&b=2#frag, then [x](y)"),
            r"see https://a.test/x_y?a=1&b=2#frag, then \[x\](y)"
        );
        assert_eq!(plain("snake_case *em*"), r"snake\_case \*em\*");
        assert_eq!(
            plain("Payment amount (no decimals)"),
            "Payment amount (no decimals)"
        );
    }
}
