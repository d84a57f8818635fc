//! Writing results to stdout, and received text on a terminal: a piece of text or a URL through
//! paypro-core's one rule ([`paypro_core::untrusted`], also behind the client's errors), JSON
//! through [`json_text`], and [`terminal`], the last guard on every message. JSON is laid out
//! for reading without being re-encoded: every scalar keeps its text byte for byte (`3.0000`
//! stays `3.0000`, `1e400` stays `1e400`), but for a character a terminal would act on, written
//! as its JSON escape; and a write that fails is an error, never a panic or a silent success.

use std::io::Write;

use paypro_core::untrusted::is_hidden;
use serde_json::value::RawValue;

/// JSON text with every [`is_hidden`] character but line breaks and tabs written as a JSON escape
/// (`\u009b`, `\u202e`), and a carriage return (which could move the cursor back over what
/// was printed) as a space: the same JSON value, safe to print. Valid JSON has raw control
/// characters only as whitespace between tokens, so any other hidden character is inside a
/// string, where a `\u` escape means the same character.
pub fn json_text(text: &str) -> String {
    if !text
        .chars()
        .any(|c| is_hidden(c) && !matches!(c, '\n' | '\t'))
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => out.push(' '),
            c if is_hidden(c) => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` as sent to the terminal: every [`is_hidden`] character but line breaks and tabs
/// escaped. The last guard on what the command prints, for text that reached a message without
/// [`paypro_core::untrusted::text`] (a library's error quoting what it received); it escapes no
/// backslash, so text already escaped is unchanged.
pub fn terminal(text: &str) -> String {
    if !text
        .chars()
        .any(|c| is_hidden(c) && !matches!(c, '\n' | '\t'))
    {
        return text.to_string();
    }
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => c.to_string(),
            c if is_hidden(c) => c.escape_debug().to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// An error and its causes, as one line.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// Writes `text` and a newline to stdout.
pub fn print(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.write_all(b"\n")?;
    out.flush()
}

/// `text` (valid JSON) indented by two spaces per level, one member or element per line, as
/// `serde_json::to_string_pretty` would, but without parsing: only whitespace between tokens
/// changes, and characters a terminal would act on are written as JSON escapes ([`json_text`]).
pub fn pretty(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                out.push(b);
            }
            b'{' | b'[' => {
                out.push(b);
                let close = if b == b'{' { b'}' } else { b']' };
                let next = bytes[i..].iter().position(|c| !c.is_ascii_whitespace());
                if next.map(|n| bytes[i + n]) == Some(close) {
                    out.push(close);
                    i += next.unwrap_or(0) + 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => out.push(b),
        }
    }
    // Only ASCII was inserted or dropped outside strings, so the text is still UTF-8.
    let text = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    json_text(&text)
}

fn newline(out: &mut Vec<u8>, depth: usize) {
    out.push(b'\n');
    for _ in 0..depth {
        out.extend_from_slice(b"  ");
    }
}

/// A JSON object of `fields`, one per line at nesting `depth`, each value exactly its
/// received text (nested objects included, whitespace and all) but for characters a terminal
/// would act on, written as JSON escapes ([`json_text`]).
pub fn raw_object(fields: &[(String, Box<RawValue>)], depth: usize) -> String {
    if fields.is_empty() {
        return "{}".to_string();
    }
    let pad = "  ".repeat(depth + 1);
    let mut out = String::from("{");
    for (i, (name, value)) in fields.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&pad);
        out.push_str(&serde_json::Value::from(name.as_str()).to_string());
        out.push_str(": ");
        out.push_str(value.get());
    }
    out.push('\n');
    out.push_str(&"  ".repeat(depth));
    out.push('}');
    json_text(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_text_is_the_same_value_without_terminal_controls() {
        let text =
            "{\n  \"a\u{202e}\": \"x\u{9b}y\u{7f}z 🦤 é\\n\",\t\"b\": [1, \"\u{10fffd}\"]\r\n}";
        let safe = json_text(text);
        assert!(
            !safe.contains(['\u{202e}', '\u{9b}', '\u{7f}', '\u{10fffd}', '\r']),
            "{safe}"
        );
        assert!(
            safe.contains("🦤 é") && safe.contains("\\udbff\\udffd"),
            "{safe}"
        );
        let a: serde_json::Value = serde_json::from_str(text).unwrap();
        let b: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(a, b);
        assert_eq!(json_text("{\"a\": \"b\"}"), "{\"a\": \"b\"}");
    }

    #[test]
    fn the_terminal_guard_leaves_escaped_text_alone() {
        let once = paypro_core::untrusted::text("a\u{1b}b\\c").to_string();
        assert_eq!(terminal(&once), once);
        assert_eq!(terminal("line\nnext\u{1b}[2J"), "line\nnext\\u{1b}[2J");
    }

    #[test]
    fn pretty_lays_out_like_serde_json() {
        for text in [
            r#"{"a":1,"b":[1,2,{"c":"x,y:{z}"}],"d":{},"e":[],"f":"q\"uo\\te","g":null}"#,
            r#"[]"#,
            r#"{"nested":{"deeper":{"deepest":[true,false]}},"u":"ñandú 🦤"}"#,
        ] {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(
                pretty(text),
                serde_json::to_string_pretty(&value).unwrap(),
                "{text}"
            );
        }
    }

    #[test]
    fn pretty_keeps_every_scalar_byte_for_byte() {
        let text = r#"{ "amount" : 3.0000, "big": 1e400, "e": "\u00e9", "list": [ 1.50 , -0.0 ], "empty" : { } }"#;
        assert_eq!(
            pretty(text),
            "{\n  \"amount\": 3.0000,\n  \"big\": 1e400,\n  \"e\": \"\\u00e9\",\n  \"list\": [\n    1.50,\n    -0.0\n  ],\n  \"empty\": {}\n}"
        );
    }

    #[test]
    fn raw_object_keeps_values_verbatim() {
        let fields: Vec<(String, Box<RawValue>)> = vec![
            (
                "amount".into(),
                RawValue::from_string("3.0000".into()).unwrap(),
            ),
            (
                "nested".into(),
                RawValue::from_string(r#"{ "a" : 1 }"#.into()).unwrap(),
            ),
            ("q\"".into(), RawValue::from_string("1e400".into()).unwrap()),
        ];
        assert_eq!(
            raw_object(&fields, 1),
            "{\n    \"amount\": 3.0000,\n    \"nested\": { \"a\" : 1 },\n    \"q\\\"\": 1e400\n  }"
        );
        assert_eq!(raw_object(&[], 0), "{}");
    }
}
