//! `docs/countries.md`: what the docs say, and leave open, for every country, from the specs'
//! notes and provenance. The README's short table of known gaps links here.

use std::fmt::Write as _;
use std::path::PathBuf;

use super::Specs;
use crate::spec::{Basis, CountrySpec, Effect, Provenance, ResponseProvenance};

/// Where the page is written.
pub const PATH: &str = "docs/countries.md";

pub fn generate(specs: &Specs, files: &mut super::Files) {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!-- @generated from spec/*.toml by `cargo xtask gen`; do not edit. -->"
    );
    out.push_str(
        "# The countries: what Paypro's docs say, and leave open\n\n\
         Each country's facts as the spec records them: where a page was not recovered, the\n\
         endpoint or field is marked *inferred* and the note says from what. Nothing here is\n\
         invented silently; each crate's docs carry the same notes.\n",
    );
    for file in &specs.countries {
        let spec = &file.spec;
        let c = spec.country.get_ref();
        let _ = writeln!(out, "\n## {} (`paypro-{}`)\n", c.name, c.code);
        let _ = writeln!(out, "- Currency: {}.", c.currency);
        match &c.sandbox_base_url {
            Some(url) => {
                let _ = writeln!(out, "- Paypro's sandbox: `{url}`.");
            }
            None => {
                let _ = writeln!(
                    out,
                    "- Paypro's sandbox: **no URL known**; set `Config::base_url`. The embedded sandbox serves the country offline."
                );
            }
        }
        if let Some(m) = &c.sandbox_merchant_no {
            let _ = writeln!(out, "- Sandbox merchant number: `{m}`.");
        }
        for note in &c.notes {
            let _ = writeln!(out, "- {}", one_line(note));
        }
        for mark in crate::spec::status_marks(&specs.common.spec.status, &c.code) {
            let _ = writeln!(out, "- {}", one_line(&mark));
        }
        for (basis, places) in marks_not_documented(spec) {
            let _ = writeln!(out, "- {} ({})", one_line(&basis), places.join("; "));
        }
        out.push_str("\n| endpoint | path | moves money | request page | response page |\n");
        out.push_str("|---|---|---|---|---|\n");
        for endpoint in &spec.endpoint {
            let e = endpoint.get_ref();
            let _ = writeln!(
                out,
                "| `{}` | `{}` | {} | {} | {} |",
                e.name,
                e.path,
                if e.effect == Effect::MovesMoney {
                    "yes"
                } else {
                    "no"
                },
                provenance(e.provenance),
                response_provenance(e.response_provenance),
            );
        }
        let n = spec.notification.get_ref();
        let _ = writeln!(
            out,
            "\nThe notification: {}, {}, page {}.",
            if n.signed {
                "signed"
            } else {
                "**unsigned** (confirm it by a query)"
            },
            if n.timestamped {
                "with a timestamp"
            } else {
                "without a timestamp"
            },
            provenance(n.provenance),
        );
        for note in &n.notes {
            let _ = writeln!(out, "- {}", one_line(note));
        }
        let inferred: Vec<String> = spec
            .endpoint
            .iter()
            .map(|e| e.get_ref())
            .filter(|e| {
                e.provenance == Provenance::Inferred
                    || e.response_provenance != ResponseProvenance::Documented
            })
            .flat_map(|e| {
                e.notes
                    .iter()
                    .chain(&e.response_notes)
                    .map(move |n| format!("`{}`: {}", e.name, one_line(n)))
            })
            .collect();
        if !inferred.is_empty() {
            out.push_str("\nWhat the inferred parts rest on:\n\n");
            for line in inferred {
                let _ = writeln!(out, "- {line}");
            }
        }
    }
    files.insert(PathBuf::from(PATH), out);
}

fn provenance(p: Provenance) -> &'static str {
    match p {
        Provenance::Documented => "documented",
        Provenance::Inferred => "*inferred*",
    }
}

/// The rules and paid amounts of a country that are not the pages' (inferred or SDK rules),
/// grouped by their mark: (mark, [`endpoint` field ...]).
fn marks_not_documented(spec: &CountrySpec) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    let mut add = |basis: &Basis, what: &str, place: String| {
        if basis.is_documented() {
            return;
        }
        let key = format!("{what}: {}", basis.text());
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, places)) => places.push(place),
            None => groups.push((key, vec![place])),
        }
    };
    for e in spec.endpoint.iter().map(|e| e.get_ref()) {
        for f in e.request.iter().map(|f| f.get_ref()) {
            if let Some(b) = &f.rule_basis {
                add(b, "Rules", format!("`{}` `{}`", e.name, f.wire));
            }
        }
        for f in e.response.iter().map(|f| f.get_ref()) {
            if let (true, Some(b)) = (f.paid, &f.paid_basis) {
                add(b, "Paid amount", format!("`{}` `{}`", e.name, f.wire));
            }
        }
    }
    for f in spec
        .notification
        .get_ref()
        .field
        .iter()
        .map(|f| f.get_ref())
    {
        if let (true, Some(b)) = (f.paid, &f.paid_basis) {
            add(b, "Paid amount", format!("notification `{}`", f.wire));
        }
    }
    groups
}

fn response_provenance(p: ResponseProvenance) -> &'static str {
    match p {
        ResponseProvenance::Documented => "documented",
        ResponseProvenance::Partial => "*partly inferred*",
        ResponseProvenance::Inferred => "*inferred*",
    }
}

/// A note on one line (Markdown list items), with its inner whitespace kept single.
fn one_line(note: &str) -> String {
    note.split_whitespace().collect::<Vec<_>>().join(" ")
}
