//! Text the SDK did not write (a gateway's `code` and `msg`, a receiver's answer) and URLs that
//! may hold a password, as a message, a log line or a terminal shows them: the one rule, used by
//! the client's errors and by the `paypro` command alike.
//!
//! - [`text`]: at most [`MAX_CHARS`] characters, cut on a character boundary with a note of how
//!   many bytes were not shown, every character a terminal could act on or hide escaped
//!   ([`is_hidden`]: control characters, bidirectional overrides, zero-width marks...), and a
//!   backslash doubled, so the text cannot pass for an escape either. It is one line, whatever
//!   was received.
//! - [`url()`]: a URL with its user name and password replaced by `***`, whether or not it parses.
//!
//! ```
//! use paypro_core::untrusted;
//!
//! assert_eq!(untrusted::text("order\u{1b}[2J\nnot exist").to_string(), r"order\u{1b}[2J\nnot exist");
//! assert_eq!(untrusted::url("https://user:pw@pay.example/v1"), "https://***@pay.example/v1");
//! ```

use std::fmt::{self, Display, Write};

/// How many characters of one piece of received text [`text`] shows. A gateway's messages are
/// a few words; 256 shows any of them whole, and the `paypro` command has documented this limit
/// since its first release, while keeping a hostile megabyte out of a log line.
pub const MAX_CHARS: usize = 256;

/// `received` as it may be shown: at most [`MAX_CHARS`] characters (cut on a character
/// boundary, then `… (N more bytes not shown)`), every [`is_hidden`] character written as Rust
/// writes it in a string literal (`\n`, `\t`, `\u{1b}`, `\u{202e}`) and a backslash doubled.
/// Nothing is allocated: the text is written as it is formatted.
pub fn text(received: &str) -> impl Display + '_ {
    Text(received)
}

struct Text<'a>(&'a str);

impl Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (shown, cut) = match self.0.char_indices().nth(MAX_CHARS) {
            None => (self.0, None),
            Some((at, _)) => (&self.0[..at], Some(self.0.len() - at)),
        };
        for c in shown.chars() {
            if c == '\\' {
                f.write_str("\\\\")?;
            } else if is_hidden(c) {
                for e in c.escape_debug() {
                    f.write_char(e)?;
                }
            } else {
                f.write_char(c)?;
            }
        }
        match cut {
            Some(bytes) => write!(f, "… ({bytes} more bytes not shown)"),
            None => Ok(()),
        }
    }
}

/// Whether a terminal or a log viewer could act on `c` or hide it: control characters (C0,
/// U+007F and C1 U+0080–U+009F, the 8-bit CSI among them), format characters (the bidirectional
/// embeddings and overrides U+202A–U+202E and isolates U+2066–U+2069, zero-width ones),
/// line and paragraph separators, private-use and unassigned code points. That is what Rust's
/// `escape_debug` escapes, less quotes and backslash, and less a combining mark after another
/// character (it only decorates it: accents in Bengali or Arabic text stay readable).
pub fn is_hidden(c: char) -> bool {
    if matches!(c, ' '..='~') {
        return false;
    }
    // `str::escape_debug` leaves a combining mark alone after the first character, and
    // escapes everything else `char::escape_debug` escapes.
    let mut buf = [0u8; 5];
    buf[0] = b'a';
    let len = 1 + c.encode_utf8(&mut buf[1..]).len();
    let pair = std::str::from_utf8(&buf[..len]).unwrap_or("a");
    !pair.escape_debug().skip(1).eq(std::iter::once(c))
}

/// `given` with any user name and password replaced by `***`, whether or not it parses: a
/// parsed URL as the WHATWG parser writes it (`https://***@pay.example/v1`); text that does not
/// parse with everything between the scheme (if any) and the last `@` hidden, since a password
/// may hold any character and hiding too much of a broken URL costs nothing. Not escaped: show
/// it with [`text`].
pub fn url(given: &str) -> String {
    if let Ok(mut parsed) = url::Url::parse(given) {
        if parsed.has_authority() && parsed.username().is_empty() && parsed.password().is_none() {
            return given.to_string();
        }
        if parsed.has_authority()
            && parsed.set_username("").is_ok()
            && parsed.set_password(None).is_ok()
        {
            return parsed.as_str().replacen("://", "://***@", 1);
        }
    }
    let (scheme, rest) = match given.find("://") {
        Some(i) => given.split_at(i + 3),
        None => ("", given),
    };
    match rest.rfind('@') {
        Some(at) => format!("{scheme}***{}", &rest[at..]),
        None => given.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(s: &str) -> String {
        text(s).to_string()
    }

    #[test]
    fn controls_bidi_and_backslashes_are_escaped() {
        assert_eq!(shown("order not exist"), "order not exist");
        assert_eq!(
            shown("a\u{1b}[2J\u{7}b\nc\td\\u{1b}\u{9b}\u{202e}\u{2028}\u{7f}\u{85}"),
            r"a\u{1b}[2J\u{7}b\nc\td\\u{1b}\u{9b}\u{202e}\u{2028}\u{7f}\u{85}"
        );
        // Every C0 and C1 control, DEL, and the bidirectional embeddings, overrides and
        // isolates; zero-width marks.
        let must_hide = (0u32..0x20)
            .chain(0x7f..=0x9f)
            .chain(0x202a..=0x202e)
            .chain(0x2066..=0x2069)
            .chain(0x200b..=0x200f)
            .filter_map(char::from_u32);
        for c in must_hide {
            assert!(is_hidden(c), "U+{:04X}", c as u32);
            let out = shown(&format!("x{c}y"));
            assert!(!out.contains(c), "U+{:04X}: {out}", c as u32);
            assert!(out.starts_with("x\\") && out.ends_with('y'), "{out}");
        }
        // Readable text stays readable: quotes, accents, combining marks, other scripts.
        let readable = "don't \"x\" é e\u{301} বাংলা العربية 中文 🦤";
        assert_eq!(shown(readable), readable);
    }

    #[test]
    fn long_text_is_cut_on_a_character_boundary_with_a_note() {
        let exact = "é".repeat(MAX_CHARS);
        assert_eq!(shown(&exact), exact);
        // Multi-byte characters at the cut: 2-, 3- and 4-byte ones.
        for c in ['é', '中', '🦤'] {
            let long = format!("{}{}", c.to_string().repeat(MAX_CHARS), c);
            let out = shown(&long);
            assert_eq!(
                out,
                format!(
                    "{}… ({} more bytes not shown)",
                    c.to_string().repeat(MAX_CHARS),
                    c.len_utf8()
                )
            );
        }
        // The cut counts characters as received, before escaping.
        let escapes = "\u{1b}".repeat(MAX_CHARS + 3);
        let out = shown(&escapes);
        assert_eq!(out.matches("\\u{1b}").count(), MAX_CHARS);
        assert!(out.ends_with("… (3 more bytes not shown)"), "{out}");
    }

    #[test]
    fn a_hostile_megabyte_becomes_one_short_line() {
        let hostile = format!(
            "\u{1b}[2J\nERROR forged line\u{202e}{}",
            "\u{9b}x\\".repeat(350_000)
        );
        assert!(hostile.len() > 1_000_000);
        let out = shown(&hostile);
        assert!(out.len() < 2_000, "{}", out.len());
        assert!(
            !out.contains(['\u{1b}', '\n', '\u{202e}', '\u{9b}']),
            "{out}"
        );
        assert!(
            out.starts_with(r"\u{1b}[2J\nERROR forged line\u{202e}"),
            "{out}"
        );
        assert!(out.ends_with(" more bytes not shown)"), "{out}");
    }

    #[test]
    fn urls_lose_their_user_name_and_password() {
        for (given, shown) in [
            ("https://pay.example/v1", "https://pay.example/v1"),
            (
                "https://pay.example/v1?mail=a@b.example",
                "https://pay.example/v1?mail=a@b.example",
            ),
            (
                "https://u:p4ss@pay.example/v1",
                "https://***@pay.example/v1",
            ),
            ("https://u@pay.example/v1", "https://***@pay.example/v1"),
            ("https://:p4ss@pay.example/v1", "https://***@pay.example/v1"),
            ("http://u:p4ss@/x", "http://***@/x"),
            ("http://u:p4ss@[::1/x", "http://***@[::1/x"),
            ("http://u:p4/ss@h/x", "http://***@h/x"),
            ("u:p4ss@h", "***@h"),
            ("not a url", "not a url"),
            ("http://h/\u{1b}[2J", "http://h/\u{1b}[2J"),
        ] {
            assert_eq!(url(given), shown, "{given}");
        }
        assert_eq!(
            text(&url("http://h/\u{1b}[2J")).to_string(),
            r"http://h/\u{1b}[2J"
        );
    }
}
