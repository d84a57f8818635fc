//! The rules a field's description states in prose: amount bounds ("adjustable from a minimum
//! of 100 to a maximum of 10,000"), digit counts ("a total of 10-13 digits"), prefixes
//! ("starting with 08 or 628") and lengths ("at most 64 characters").
//!
//! Only what reads one way is a rule. A clause of advice ("recommended", "suggested", "e.g.",
//! "for example", "such as") states none. A statement this reader recognises but cannot pin
//! down (a number written `10.000`, "the first 11 digits", "from 010 to 018", "starting 6–9",
//! two different counts) is `Unclear`, and the diff says nothing about that kind of rule.

/// What a description says about one kind of rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading<T> {
    /// It states none.
    Absent,
    Read(T),
    /// It says something this reader cannot read one way.
    Unclear,
}

/// Amount bounds, inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bounds {
    pub min: Option<u64>,
    pub max: Option<u64>,
    /// The page calls them adjustable (per merchant).
    pub adjustable: bool,
}

/// Every rule a description states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    pub bounds: Reading<Bounds>,
    /// `[min, max]` count of digits.
    pub digits: Reading<(u64, u64)>,
    /// Sorted.
    pub prefixes: Reading<Vec<String>>,
    pub max_len: Reading<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Word(String),
    /// A number as written (digits, thousands commas removed) and its value; `None` when it
    /// cannot be read one way (`10.000`, `100.5`).
    Num(String, Option<u64>),
    Dash,
    Punct(char),
}

const ADVICE: &[&str] = &[
    "recommend",
    "suggest",
    "advis",
    "advice",
    "e.g",
    "for example",
    "such as",
    "prefer",
];

/// Splits at sentence and parenthesis boundaries (a `.` only before a space or the end:
/// `KSH.50` and `10.000` stay whole).
fn clauses(text: &str) -> Vec<String> {
    let mut out = vec![];
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let boundary = match c {
            ';' | '(' | ')' | '（' | '）' | '。' | '；' | '!' | '?' | '\n' | '[' | ']' | '【'
            | '】' => true,
            '.' => chars.peek().is_none_or(|n| n.is_whitespace()),
            _ => false,
        };
        if boundary {
            out.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    out.push(current);
    out.retain(|c| !c.trim().is_empty());
    out
}

fn tokens(clause: &str) -> Vec<Tok> {
    let chars: Vec<char> = clause.chars().collect();
    let mut out = vec![];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            let mut digits = String::new();
            let mut clear = true;
            while i < chars.len() {
                if chars[i].is_ascii_digit() {
                    digits.push(chars[i]);
                    i += 1;
                } else if chars[i] == ','
                    && chars.len() >= i + 4
                    && chars[i + 1..i + 4].iter().all(char::is_ascii_digit)
                    && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
                    && i > start
                {
                    i += 1; // a thousands separator
                } else if chars[i] == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
                    clear = false; // a decimal point or a dot as thousands separator
                    digits.push('.');
                    i += 1;
                } else {
                    break;
                }
            }
            let value = if clear { digits.parse().ok() } else { None };
            out.push(Tok::Num(digits, value));
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while i < chars.len() && chars[i].is_alphabetic() {
                word.extend(chars[i].to_lowercase());
                i += 1;
            }
            out.push(Tok::Word(word));
        } else {
            if matches!(c, '-' | '–' | '—' | '~' | '～' | '〜' | '－') {
                out.push(Tok::Dash);
            } else if !c.is_whitespace() {
                out.push(Tok::Punct(c));
            }
            i += 1;
        }
    }
    out
}

const MIN_PHRASES: &[&[&str]] = &[
    &["not", "less", "than"],
    &["no", "less", "than"],
    &["at", "least"],
    &["minimum"],
    &["min"],
];
const MAX_PHRASES: &[&[&str]] = &[
    &["not", "more", "than"],
    &["no", "more", "than"],
    &["not", "exceeding"],
    &["not", "exceed"],
    &["at", "most"],
    &["up", "to"],
    &["maximum"],
    &["max"],
];
const PREFIX_PHRASES: &[&[&str]] = &[
    &["starts", "with"],
    &["start", "with"],
    &["starting", "with"],
    &["begins", "with"],
    &["begin", "with"],
    &["beginning", "with"],
    &["prefixed", "with"],
    &["prefixed", "by"],
    &["prefix"],
    &["starting"],
    &["starts"],
    &["beginning"],
];
/// Words between a bound's phrase and its number (`minimum amount is 100`).
const FILLERS: &[&str] = &[
    "of", "is", "are", "a", "an", "the", "amount", "value", "limit", "be", "length", "single",
];
/// Currency words around a number (`KSH.50`, `100 EGP`).
const CURRENCIES: &[&str] = &[
    "ksh",
    "kes",
    "egp",
    "le",
    "idr",
    "rp",
    "mxn",
    "bdt",
    "tk",
    "taka",
    "usd",
    "peso",
    "pesos",
    "rupiah",
    "shilling",
    "shillings",
    "pound",
    "pounds",
];
const LENGTH_UNITS: &[&str] = &[
    "characters",
    "character",
    "chars",
    "char",
    "letters",
    "bytes",
    "bits",
];
const DIGIT_UNITS: &[&str] = &["digits", "digit"];

fn word(t: Option<&Tok>) -> Option<&str> {
    match t {
        Some(Tok::Word(w)) => Some(w),
        _ => None,
    }
}

fn is_word(t: Option<&Tok>, set: &[&str]) -> bool {
    word(t).is_some_and(|w| set.contains(&w))
}

/// The length of the longest phrase of `phrases` at `i`.
fn phrase_at(toks: &[Tok], i: usize, phrases: &[&[&str]]) -> Option<usize> {
    phrases
        .iter()
        .filter(|p| {
            p.iter()
                .enumerate()
                .all(|(k, w)| word(toks.get(i + k)) == Some(w))
        })
        .map(|p| p.len())
        .max()
}

#[derive(Default)]
struct Found {
    min: Vec<Option<u64>>,
    max: Vec<Option<u64>>,
    adjustable: bool,
    digits: Vec<Option<(u64, u64)>>,
    prefixes: Vec<Option<Vec<String>>>,
    max_len: Vec<Option<u64>>,
}

/// What follows a number: a length unit, a digit unit, or nothing that names a unit.
enum Unit {
    Length,
    Digits,
    None,
    Other,
}

fn unit_at(toks: &[Tok], i: usize) -> Unit {
    let mut i = i;
    if is_word(toks.get(i), CURRENCIES) {
        i += 1;
    }
    match toks.get(i) {
        Some(Tok::Word(w)) if LENGTH_UNITS.contains(&w.as_str()) => Unit::Length,
        Some(Tok::Word(w)) if DIGIT_UNITS.contains(&w.as_str()) => Unit::Digits,
        Some(Tok::Word(w))
            if !["to", "and", "or", "no", "per", "but", "inclusive"].contains(&w.as_str()) =>
        {
            Unit::Other
        }
        _ => Unit::None,
    }
}

/// After a bound's phrase: fillers, a currency, the number. `(number, index after it,
/// whether "length" was among the fillers)`.
fn number_after(toks: &[Tok], mut i: usize) -> Option<(Option<u64>, usize, bool)> {
    let mut length = false;
    while let Some(t) = toks.get(i) {
        match t {
            Tok::Word(w) if FILLERS.contains(&w.as_str()) => length |= w == "length",
            Tok::Punct(':' | '=' | '$' | '.') => {}
            Tok::Word(w) if CURRENCIES.contains(&w.as_str()) => {}
            _ => break,
        }
        i += 1;
    }
    match toks.get(i) {
        Some(Tok::Num(_, value)) => Some((*value, i + 1, length)),
        _ => None,
    }
}

/// A bound phrase at `i` (`minimum of 100`, `at most 64 characters`); the index after it.
fn bound(toks: &[Tok], i: usize, found: &mut Found) -> Option<usize> {
    let (is_min, len) = match (
        phrase_at(toks, i, MIN_PHRASES),
        phrase_at(toks, i, MAX_PHRASES),
    ) {
        (Some(n), _) => (true, n),
        (None, Some(n)) => (false, n),
        (None, None) => return None,
    };
    let (value, next, length_filler) = number_after(toks, i + len)?;
    // "length not exceeding 32": the word just before the phrase.
    let length_before = (i > 0 && is_word(toks.get(i - 1), &["length"]))
        || (i > 1 && is_word(toks.get(i - 2), &["length"]));
    let unit = if length_filler || length_before {
        Unit::Length
    } else {
        unit_at(toks, next)
    };
    match (unit, is_min) {
        (Unit::Length, false) => found.max_len.push(value),
        (Unit::Length, true) => found.max_len.push(None),
        (Unit::Digits, _) => found.digits.push(None),
        (Unit::None, true) => found.min.push(value),
        (Unit::None, false) => found.max.push(value),
        (Unit::Other, _) => {}
    }
    Some(next)
}

/// `between N and M` (bounds, or with a unit a digit count); `from N to M` and a bare `N-M`
/// are ranges of something this reader cannot name.
fn range(toks: &[Tok], i: usize, found: &mut Found) -> Option<usize> {
    let num = |k: usize| match toks.get(k) {
        Some(Tok::Num(_, v)) => Some(*v),
        _ => None,
    };
    if is_word(toks.get(i), &["between"]) {
        let a = num(i + 1)?;
        if !is_word(toks.get(i + 2), &["and"]) {
            return None;
        }
        let b = num(i + 3)?;
        match unit_at(toks, i + 4) {
            Unit::Digits => found.digits.push(a.zip(b).filter(|(a, b)| a <= b)),
            Unit::Length => found.max_len.push(None),
            Unit::None => {
                found.min.push(a);
                found.max.push(b);
            }
            Unit::Other => {}
        }
        return Some(i + 4);
    }
    if is_word(toks.get(i), &["from"])
        && num(i + 1).is_some()
        && is_word(toks.get(i + 2), &["to"])
        && num(i + 3).is_some()
    {
        found.min.push(None);
        return Some(i + 4);
    }
    None
}

/// A digit count at `i`: `12 digits`, `10-digit`, `10-13 digits`, `10 to 13 digits`.
fn digits(toks: &[Tok], i: usize, found: &mut Found) -> Option<usize> {
    let Some(Tok::Num(_, a)) = toks.get(i) else {
        return None;
    };
    let mut k = i + 1;
    let mut b = *a;
    if matches!(toks.get(k), Some(Tok::Dash)) || is_word(toks.get(k), &["to"]) {
        if let Some(Tok::Num(_, v)) = toks.get(k + 1) {
            b = *v;
            k += 2;
        }
    }
    if matches!(toks.get(k), Some(Tok::Dash)) {
        k += 1;
    }
    if !is_word(toks.get(k), DIGIT_UNITS) {
        if matches!(unit_at(toks, k), Unit::Length) {
            // `32 characters`: an exact length or a limit, the words do not say.
            found.max_len.push(None);
            return Some(k + 1);
        }
        if k > i + 1 {
            // A bare range (`100-10000`) bounds something this reader cannot name.
            found.min.push(None);
            return Some(k);
        }
        return None;
    }
    // "the first 11 digits", "10 or 12 digits": not a count of the whole value.
    let qualified = (i > 0 && is_word(toks.get(i - 1), &["first", "last", "leading", "trailing"]))
        || (i > 1 && is_word(toks.get(i - 2), &["first", "last", "leading", "trailing"]))
        || (i > 1
            && (is_word(toks.get(i - 1), &["or", "and"])
                || toks.get(i - 1) == Some(&Tok::Punct(',')))
            && matches!(toks.get(i - 2), Some(Tok::Num(..))));
    let count = a.zip(b).filter(|(a, b)| a <= b && !qualified);
    found.digits.push(count);
    Some(k + 1)
}

/// A prefix list at `i`: `starting with 08 or 628`, `starts with "2541", "2547"`.
fn prefixes(toks: &[Tok], i: usize, found: &mut Found) -> Option<usize> {
    let len = phrase_at(toks, i, PREFIX_PHRASES)?;
    let mut k = i + len;
    if is_word(toks.get(k), &["the"]) {
        k += 1;
    }
    let is_quote = |t: Option<&Tok>| {
        matches!(
            t,
            Some(Tok::Punct('"' | '\'' | '‘' | '’' | '“' | '”' | '`'))
        )
    };
    let mut items = vec![];
    loop {
        let mut j = k;
        while is_quote(toks.get(j)) {
            j += 1;
        }
        let plus = toks.get(j) == Some(&Tok::Punct('+'));
        if plus {
            j += 1;
        }
        let Some(Tok::Num(text, Some(_))) = toks.get(j) else {
            break;
        };
        items.push(if plus {
            format!("+{text}")
        } else {
            text.clone()
        });
        j += 1;
        while is_quote(toks.get(j)) {
            j += 1;
        }
        k = j;
        let sep = matches!(toks.get(k), Some(Tok::Punct(',' | '/' | '、')))
            || is_word(toks.get(k), &["or", "and"]);
        if !sep {
            break;
        }
        k += 1;
        if is_word(toks.get(k), &["or", "and"]) {
            k += 1; // ", or"
        }
    }
    let ranged = matches!(toks.get(k), Some(Tok::Dash)) || is_word(toks.get(k), &["to"]);
    // `10 digits starting 3, or 11 starting 03`: the list ran into another statement, whose
    // number it may have taken.
    let ran_on = phrase_at(toks, k, PREFIX_PHRASES).is_some() || is_word(toks.get(k), DIGIT_UNITS);
    if ran_on {
        found.digits.push(None);
    }
    if items.is_empty() || ranged || ran_on {
        found.prefixes.push(None);
    } else {
        items.sort();
        items.dedup();
        found.prefixes.push(Some(items));
    }
    Some(k.max(i + len))
}

fn combine<T: PartialEq + Clone>(readings: &[Option<T>]) -> Reading<T> {
    match readings.first() {
        None => Reading::Absent,
        Some(first) => match first {
            Some(v) if readings.iter().all(|r| r.as_ref() == Some(v)) => Reading::Read(v.clone()),
            _ => Reading::Unclear,
        },
    }
}

/// Reads the rules `description` states.
pub fn read(description: &str) -> Rules {
    let mut found = Found::default();
    for clause in clauses(description) {
        let lower = clause.to_lowercase();
        if ADVICE.iter().any(|a| lower.contains(a)) {
            continue;
        }
        let toks = tokens(&clause);
        let bounds_before = found.min.len() + found.max.len();
        let mut i = 0;
        while i < toks.len() {
            i = bound(&toks, i, &mut found)
                .or_else(|| range(&toks, i, &mut found))
                .or_else(|| prefixes(&toks, i, &mut found))
                .or_else(|| digits(&toks, i, &mut found))
                .unwrap_or(i + 1);
        }
        if found.min.len() + found.max.len() > bounds_before && is_word_in(&toks, "adjustable") {
            found.adjustable = true;
        }
    }
    let bounds = match (combine(&found.min), combine(&found.max)) {
        (Reading::Unclear, _) | (_, Reading::Unclear) => Reading::Unclear,
        (Reading::Absent, Reading::Absent) => Reading::Absent,
        (min, max) => {
            let value = |r: Reading<u64>| match r {
                Reading::Read(v) => Some(v),
                _ => None,
            };
            Reading::Read(Bounds {
                min: value(min),
                max: value(max),
                adjustable: found.adjustable,
            })
        }
    };
    Rules {
        bounds,
        digits: combine(&found.digits),
        prefixes: combine(&found.prefixes),
        max_len: combine(&found.max_len),
    }
}

fn is_word_in(toks: &[Tok], w: &str) -> bool {
    toks.iter().any(|t| matches!(t, Tok::Word(x) if x == w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Reading::*;

    fn bounds(min: Option<u64>, max: Option<u64>, adjustable: bool) -> Reading<Bounds> {
        Read(Bounds {
            min,
            max,
            adjustable,
        })
    }

    #[test]
    fn the_seed_pages_rules() {
        let r = read(
            "Payment amount (adjustable from a minimum of 100 to a maximum of 10,000, no decimal points supported)",
        );
        assert_eq!(r.bounds, bounds(Some(100), Some(10000), true));
        assert_eq!((r.digits, r.prefixes, r.max_len), (Absent, Absent, Absent));
        let r = read(
            "User's mobile phone number (starting with 08 or 628, a total of 10-13 digits of Indonesian mobile phone number)",
        );
        assert_eq!(r.prefixes, Read(vec!["08".into(), "628".into()]));
        assert_eq!(r.digits, Read((10, 13)));
        assert_eq!(r.bounds, Absent);
        // Advice is not a rule.
        let r = read(
            "Amount（The minimum amount is recommended to be greater than KSH.50, and only integers are supported）",
        );
        assert_eq!(r.bounds, Absent);
        for plain in [
            "Timestamp (1715941383720)",
            "Transaction number (uniqueness recommended: year, month, day, hour, minute, second + random number)",
            "Asynchronous callback URL (e.g., https://www.abc.com/); if not provided, the system will redirect to the default success page",
            "Except for the sign, concatenate the remaining fields in alphabetical order to form key1=value1key2=value2",
            "Payment types:\n• E-wallet: EWALLET_BKASH、EWALLET_NAGAD",
        ] {
            let r = read(plain);
            assert_eq!(
                (&r.bounds, &r.digits, &r.prefixes, &r.max_len),
                (&Absent, &Absent, &Absent, &Absent),
                "{plain}"
            );
        }
    }

    #[test]
    fn other_wordings() {
        assert_eq!(
            read("12 digits starting with 2541 or 2547").digits,
            Read((12, 12))
        );
        assert_eq!(
            read("12 digits starting with 2541 or 2547").prefixes,
            Read(vec!["2541".into(), "2547".into()])
        );
        assert_eq!(read("a 10-digit merchant ID").digits, Read((10, 10)));
        assert_eq!(read("between 10 and 13 digits").digits, Read((10, 13)));
        assert_eq!(
            read("Amount, at least KSH.50").bounds,
            bounds(Some(50), None, false)
        );
        assert_eq!(
            read("Amount: min 50, max 20,000 EGP").bounds,
            bounds(Some(50), Some(20000), false)
        );
        assert_eq!(
            read("Amount between 100 and 500").bounds,
            bounds(Some(100), Some(500), false)
        );
        assert_eq!(read("Remark, at most 64 characters").max_len, Read(64));
        assert_eq!(read("maximum length of 32").max_len, Read(32));
        assert_eq!(read("length not exceeding 32").max_len, Read(32));
        assert_eq!(read("Remark, at most 64 characters").bounds, Absent);
        assert_eq!(
            read("starts with \"+254\"").prefixes,
            Read(vec!["+254".into()])
        );
        assert_eq!(
            read("starting with 01, 02, or 03").prefixes,
            Read(vec!["01".into(), "02".into(), "03".into()])
        );
    }

    #[test]
    fn what_cannot_be_read_one_way_is_unclear() {
        // Egypt's pay-in advice on its mobile numbers.
        let r = read(
            "the first 11 digits from 010 to 018 must be accurate, otherwise collection may be affected",
        );
        assert_eq!((r.digits, r.bounds), (Unclear, Unclear));
        assert_eq!(
            read("10 digits starting 3, or 11 starting 03").digits,
            Unclear
        );
        assert_eq!(
            read("10 digits starting 3, or 11 starting 03").prefixes,
            Unclear
        );
        assert_eq!(read("mobile (10 digits starting 6–9)").prefixes, Unclear);
        assert_eq!(read("minimum of Rp 10.000").bounds, Unclear);
        assert_eq!(read("10 or 12 digits").digits, Unclear);
        assert_eq!(read("at most 13 digits").digits, Unclear);
        assert_eq!(read("starts with a letter").prefixes, Unclear);
        assert_eq!(read("minimum 100. Minimum 200.").bounds, Unclear);
        assert_eq!(read("32 characters").max_len, Unclear);
        assert_eq!(read("Amount 100-10000").bounds, Unclear);
    }
}
