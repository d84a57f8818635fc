//! Each country is a real subcommand: `paypro CC --help` and `paypro help CC` print its
//! endpoints on stdout with exit 0; an endpoint's `--help` its fields; `--list` every field's
//! JSON type, whether it is required, its rules and its allowed values, from the descriptors.

use crate::common;

use common::{code, paypro, stderr, stdout};
use paypro_core::descriptor::{FieldKind, WireType};

#[test]
fn country_help_lists_its_endpoints_on_stdout() {
    for c in paypro_all::COUNTRIES {
        for args in [
            vec![c.code, "--help"],
            vec![c.code, "-h"],
            vec!["help", c.code],
        ] {
            let out = paypro(&args, "", &[]);
            assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
            assert!(stderr(&out).is_empty(), "{args:?}: {}", stderr(&out));
            let help = stdout(&out);
            assert!(help.contains(c.name), "{args:?}: {help}");
            assert!(
                help.contains(&format!("Usage: paypro {}", c.code)),
                "{args:?}: {help}"
            );
            assert!(!help.contains("paypro-cli"), "{help}");
            for e in c.endpoints {
                assert!(
                    help.lines()
                        .any(|l| l.trim_start().starts_with(e.name) && l.contains(e.summary)),
                    "{args:?}: `{}` with its summary in {help}",
                    e.name
                );
            }
        }
    }
    // The top-level help names every country as a command.
    let out = paypro(&["--help"], "", &[]);
    assert_eq!(code(&out), 0);
    for c in paypro_all::COUNTRIES {
        assert!(
            stdout(&out)
                .lines()
                .any(|l| l.trim_start().starts_with(c.code) && l.contains(c.name)),
            "{}",
            stdout(&out)
        );
    }
}

#[test]
fn endpoint_help_shows_its_fields_and_what_it_does_to_money() {
    let out = paypro(&["mx", "pay-in", "--help"], "", &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let help = stdout(&out);
    assert!(help.contains("/v1/paypro/payInApi"), "{help}");
    assert!(help.contains("one of: store, va"), "{help}");
    assert!(help.contains("Moves money"), "{help}");
    assert!(
        help.contains("--dry-run") && help.contains("--data"),
        "{help}"
    );
    let out = paypro(&["help", "mx", "balance"], "", &[]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("Read-only"), "{}", stdout(&out));
    // Unknown endpoints and flags: one line, exit 2.
    let out = paypro(&["mx", "refund"], "", &[]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("paypro mx --list"),
        "{}",
        stderr(&out)
    );
    let out = paypro(&["help", "zz"], "", &[]);
    assert_eq!(code(&out), 2);
}

#[test]
fn list_shows_type_requirement_rules_and_allowed_values_of_every_field() {
    let mut enums = 0;
    let mut rules = 0;
    for c in paypro_all::COUNTRIES {
        let out = paypro(&[c.code, "--list"], "", &[]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let list = stdout(&out);
        for e in c.endpoints {
            let header = list
                .lines()
                .position(|l| l.starts_with(&format!("{} ", e.name)) && l.contains(e.path))
                .unwrap_or_else(|| panic!("{} {}: {list}", c.code, e.name));
            let lines: Vec<&str> = list
                .lines()
                .skip(header + 1)
                .take(e.request.len())
                .collect();
            for (f, line) in e.request.iter().zip(&lines) {
                let words: Vec<&str> = line.split_whitespace().collect();
                assert_eq!(words[0], f.wire, "{line}");
                let wire_type = match f.wire_type {
                    WireType::Number => "number",
                    _ => "string",
                };
                assert_eq!(words[1], wire_type, "{line}");
                assert_eq!(
                    words[2],
                    if f.required { "required" } else { "optional" },
                    "{line}"
                );
                if let FieldKind::Enum(values) = f.kind {
                    enums += 1;
                    assert!(
                        line.contains(&format!("one of: {}", values.join(", "))),
                        "{line}"
                    );
                }
                if let Some(min) = f.rules.min {
                    rules += 1;
                    assert!(line.contains(&format!("at least {min}")), "{line}");
                }
                if let Some(max) = f.rules.max {
                    assert!(line.contains(&format!("at most {max}")), "{line}");
                }
                if let Some((lo, hi)) = f.rules.digits {
                    rules += 1;
                    assert!(line.contains(&lo.to_string()) && line.contains(&hi.to_string()));
                    assert!(line.contains("digits"), "{line}");
                }
                for prefix in f.rules.prefixes {
                    rules += 1;
                    assert!(line.contains(prefix), "{line}");
                }
                if let Some(max_len) = f.rules.max_len {
                    rules += 1;
                    assert!(line.contains(&format!("at most {max_len} characters")));
                }
            }
        }
    }
    assert!(
        enums > 0 && rules > 0,
        "the spec has enums and rules to show"
    );
    // Mexico's wayCode, as the issue asked.
    let out = paypro(&["mx", "--list"], "", &[]);
    assert!(
        stdout(&out).lines().any(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            w.starts_with(&[
                "wayCode", "string", "required", "one", "of:", "store,", "va",
            ])
        }),
        "{}",
        stdout(&out)
    );
}
