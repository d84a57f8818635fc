//! The rules a body row's description states in prose (`prose.rs`) against the spec's rules
//! for that field, one line per kind of rule that differs: `amount: the page says between 50
//! and 20000 (adjustable), the spec says between 100 and 10000 (adjustable)`. A kind the page
//! states unclearly is skipped, and so is a reading `[endpoint.docs] rules` records.

use toml::Value;

use super::spec::{SpecField, SpecRules, docs_said};
use crate::docs::page::Page;
use crate::docs::prose::{self, Bounds, Reading};

fn bounds_text(b: &Bounds) -> String {
    let range = match (b.min, b.max) {
        (None, None) => return "no bounds".into(),
        (Some(a), Some(b)) => format!("between {a} and {b}"),
        (Some(a), None) => format!("at least {a}"),
        (None, Some(b)) => format!("at most {b}"),
    };
    if b.adjustable {
        format!("{range} (adjustable)")
    } else {
        range
    }
}

fn digits_text(d: Option<(u64, u64)>) -> String {
    match d {
        None => "no digit count".into(),
        Some((a, b)) if a == b => format!("{a} digits"),
        Some((a, b)) => format!("{a} to {b} digits"),
    }
}

fn prefixes_text(p: &[String]) -> String {
    if p.is_empty() {
        return "no prefix".into();
    }
    let mut p = p.to_vec();
    p.sort();
    format!("starts with {}", p.join(" or "))
}

fn max_len_text(m: Option<u64>) -> String {
    m.map_or("no length limit".into(), |m| {
        format!("at most {m} characters")
    })
}

/// Each kind of rule as the page and the spec say it; `None` where the page is unclear.
fn said(page: &prose::Rules, spec: &SpecRules) -> [(Option<String>, String); 4] {
    fn page_says<T>(r: &Reading<T>, text: impl Fn(Option<&T>) -> String) -> Option<String> {
        match r {
            Reading::Absent => Some(text(None)),
            Reading::Read(v) => Some(text(Some(v))),
            Reading::Unclear => None,
        }
    }
    let spec_bounds = Bounds {
        min: spec.min,
        max: spec.max,
        adjustable: spec.adjustable && (spec.min.is_some() || spec.max.is_some()),
    };
    [
        (
            page_says(&page.bounds, |b| {
                bounds_text(&b.cloned().unwrap_or_default())
            }),
            bounds_text(&spec_bounds),
        ),
        (
            page_says(&page.digits, |d| digits_text(d.copied())),
            digits_text(spec.digits),
        ),
        (
            page_says(&page.prefixes, |p| {
                prefixes_text(p.map_or(&[], Vec::as_slice))
            }),
            prefixes_text(&spec.prefixes),
        ),
        (
            page_says(&page.max_len, |m| max_len_text(m.copied())),
            max_len_text(spec.max_len),
        ),
    ]
}

pub fn diff(endpoint: &Value, fields: &[SpecField], page: &Page, out: &mut Vec<String>) {
    for row in &page.body {
        let Some(f) = fields.iter().find(|f| f.wire == row.name) else {
            continue;
        };
        let recorded = docs_said(endpoint, "rules", &f.wire);
        for (page_says, spec_says) in said(&prose::read(&row.description), &f.rules) {
            let Some(page_says) = page_says else { continue };
            if page_says != spec_says && !recorded.contains(&page_says) {
                out.push(format!(
                    "{}: the page says {page_says}, the spec says {spec_says}",
                    row.name
                ));
            }
        }
    }
}
