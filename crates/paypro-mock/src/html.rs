//! Writing HTML safely: every value put into a page goes through [`escape`], every value put
//! into a URL path through [`path_segment`] (then `escape`).

/// `s` as HTML text or a quoted attribute value: `& < > " '` become entities.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `s` as one URL path segment: every byte but the URL standard's unreserved ones
/// (`A-Z a-z 0-9 - . _ ~`) percent-encoded, so a `/`, `?` or `#` in a merchant's `tradeNo`
/// stays inside its segment.
pub(crate) fn path_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            escape(r#"<script>alert('x')</script>&"q""#),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;q&quot;"
        );
        assert_eq!(escape("plain-1"), "plain-1");
    }

    #[test]
    fn a_path_segment_keeps_its_slashes_and_queries_inside() {
        assert_eq!(path_segment("a/b?c#d e"), "a%2Fb%3Fc%23d%20e");
        assert_eq!(path_segment("ünï"), "%C3%BCn%C3%AF");
        assert_eq!(path_segment("Ok-1._~"), "Ok-1._~");
    }
}
