//! `cargo xtask docs diff`: the seed pages (copied into tests/fixtures/docs) are in sync with
//! spec/; edited copies are reported line by line; unreadable pages exit 2 naming the line.

use std::path::{Path, PathBuf};
use std::process::Command;

const PAGES: &[&str] = &[
    "bangladesh-payment.txt",
    "egypt-payout.txt",
    "indonesia-payment.txt",
    "kenya-payment.txt",
    "mexico-payment.txt",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/docs")
        .join(name)
}

fn seed(name: &str) -> String {
    String::from_utf8_lossy(&std::fs::read(fixture(name)).unwrap()).into_owned()
}

/// Writes an edited copy of a seed page into this test's own directory.
fn edited(test: &str, name: &str, edit: impl FnOnce(String) -> String) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("docs")
        .join(test);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let original = seed(name);
    let changed = edit(original.clone());
    assert_ne!(changed, original, "the edit must change the page");
    std::fs::write(&path, changed).unwrap();
    path
}

fn replace(from: &str, to: &str) -> impl FnOnce(String) -> String {
    let (from, to) = (from.to_string(), to.to_string());
    move |page| {
        assert!(page.contains(&from), "the seed page has no `{from}`");
        page.replacen(&from, &to, 1)
    }
}

fn diff(pages: &[PathBuf], country: Option<&str>) -> xtask::docs::Report {
    xtask::docs::run(&root().join("spec"), pages, country, false)
}

#[test]
fn the_five_seed_pages_are_in_sync() {
    let pages: Vec<PathBuf> = PAGES.iter().map(|p| fixture(p)).collect();
    let report = diff(&pages, None);
    assert_eq!(report.differences, Vec::<String>::new());
    assert_eq!(report.unreadable, Vec::<String>::new());
    assert_eq!(report.exit_code(), 0);
}

#[test]
fn an_added_field_is_reported() {
    let page = edited("added", "mexico-payment.txt", |p| {
        replace(
            "    remarkNostring",
            "    currencyCodeYesstringCurrency code\n    remarkNostring",
        )(p)
    });
    let report = diff(&[page], None);
    assert_eq!(
        report.differences,
        ["mx pay-in: request field currencyCode is new (required, string)"]
    );
    assert_eq!(report.exit_code(), 1);
}

#[test]
fn a_removed_field_is_reported() {
    let page = edited(
        "removed",
        "kenya-payment.txt",
        replace(
            "    remarkNostringRemark, this field will be returned as-is\n",
            "",
        ),
    );
    let report = diff(&[page], None);
    assert_eq!(
        report.differences,
        ["ke pay-in: request field remark was removed"]
    );
}

#[test]
fn a_changed_requiredness_is_reported() {
    let page = edited(
        "required",
        "mexico-payment.txt",
        replace("mobileNostring", "mobileYesstring"),
    );
    assert_eq!(
        diff(&[page], None).differences,
        ["mx pay-in: mobile is now required"]
    );
}

#[test]
fn a_changed_type_is_reported_and_a_recorded_one_is_not() {
    let page = edited(
        "type",
        "egypt-payout.txt",
        replace("customerNameYesstring", "customerNameYeslong"),
    );
    assert_eq!(
        diff(&[page], None).differences,
        ["eg payout: request field customerName type string → long (the spec sends a JSON string)"]
    );
    // The page types `timestamp` as long; spec/eg.toml records that (`types`), so only a
    // change from the recorded word is a difference.
    let page = edited(
        "type-recorded",
        "egypt-payout.txt",
        replace("timestampYeslong", "timestampYesstring"),
    );
    assert_eq!(
        diff(&[page], None).differences,
        ["eg payout: request field timestamp type long → string (the spec sends a JSON string)"]
    );
}

#[test]
fn a_changed_path_is_reported() {
    let page = edited(
        "path",
        "mexico-payment.txt",
        replace("• /v1/paypro/payInApi", "• /v2/paypro/payInApi"),
    );
    assert_eq!(
        diff(&[page], None).differences,
        ["mx pay-in: path /v1/paypro/payInApi → /v2/paypro/payInApi"]
    );
}

#[test]
fn a_new_enum_value_is_reported_from_a_value_table_and_from_a_description() {
    let page = edited(
        "enum",
        "mexico-payment.txt",
        replace(
            "    vaVa repayment\n",
            "    vaVa repayment\n    speiSPEI transfer\n",
        ),
    );
    assert_eq!(
        diff(&[page], None).differences,
        ["mx pay-in: wayCode value spei is new"]
    );
    let page = edited(
        "enum-inline",
        "bangladesh-payment.txt",
        replace(
            "EWALLET_BKASH、EWALLET_NAGAD",
            "EWALLET_BKASH、EWALLET_NAGAD、EWALLET_UPAY",
        ),
    );
    assert_eq!(
        diff(&[page], None).differences,
        ["bd pay-in: wayCode value EWALLET_UPAY is new"]
    );
    let page = edited(
        "enum-removed",
        "mexico-payment.txt",
        replace("    storeconvenience store\n", ""),
    );
    assert_eq!(
        diff(&[page], None).differences,
        ["mx pay-in: wayCode value store was removed"]
    );
}

#[test]
fn a_changed_example_is_reported() {
    let page = edited(
        "example",
        "indonesia-payment.txt",
        replace("\"amount\": 1000000,", "\"amount\": 2000000,"),
    );
    assert_eq!(
        diff(&[page], None).differences,
        ["id pay-in: request example: amount 1000000 → 2000000"]
    );
    let page = edited(
        "response-example",
        "egypt-payout.txt",
        replace("\"desc\": \"CREATED\"", "\"desc\": \"PENDING\""),
    );
    assert_eq!(
        diff(&[page], None).differences,
        ["eg payout: response example: data.desc \"CREATED\" → \"PENDING\""]
    );
}

#[test]
fn a_new_response_field_is_reported() {
    let page = edited("response", "kenya-payment.txt", |p| {
        let at = p.find("    data.status").expect("a data.status row");
        format!(
            "{}    data.utrNostringBank reference\n{}",
            &p[..at],
            &p[at..]
        )
    });
    assert_eq!(
        diff(&[page], None).differences,
        ["ke pay-in: response field utr is new (optional, string)"]
    );
}

#[test]
fn another_countrys_page_exits_2_naming_the_navigation_line() {
    let report = diff(&[fixture("kenya-payment.txt")], Some("mx"));
    assert_eq!(report.exit_code(), 2);
    assert_eq!(report.unreadable.len(), 1);
    let msg = &report.unreadable[0];
    assert!(msg.contains("kenya-payment.txt:"), "{msg}");
    assert!(
        msg.ends_with("the page is about Kenya (ke), not mx"),
        "{msg}"
    );
    // A country the project has no spec for.
    let page = edited(
        "brazil",
        "kenya-payment.txt",
        replace("\n  • Kenya\n", "\n  • Brazil\n"),
    );
    let report = diff(&[page], None);
    assert_eq!(report.exit_code(), 2);
    assert!(
        report.unreadable[0].contains("about Brazil, a country with no spec/<code>.toml"),
        "{:?}",
        report.unreadable
    );
}

#[test]
fn a_page_that_is_not_an_api_page_exits_2_naming_the_line() {
    let page = edited("overview", "kenya-payment.txt", |p| {
        let end = p.find("\nPayment API").unwrap();
        format!(
            "{}\nOverview\n\n    Merchant NO: the 10-digit merchant ID.\n",
            &p[..end]
        )
    });
    let report = diff(std::slice::from_ref(&page), None);
    assert_eq!(report.exit_code(), 2);
    let nav_end = seed("kenya-payment.txt")
        [..seed("kenya-payment.txt").find("\nPayment API").unwrap()]
        .lines()
        .count();
    assert_eq!(
        report.unreadable,
        [format!(
            "{}:{}: not an API page: `Overview` has no `Request URL` section with a path",
            page.display(),
            nav_end + 2
        )]
    );
    // No navigation at all.
    let page = edited("no-nav", "kenya-payment.txt", |_| "Hello\nworld\n".into());
    assert!(
        diff(&[page], None).unreadable[0]
            .ends_with(":1: not a Paypro API page: no country navigation (no `• Overview` item, in any bullet style)")
    );
}

#[test]
fn a_broken_json_example_exits_2_naming_its_first_line() {
    let page = edited(
        "json",
        "mexico-payment.txt",
        replace(
            "\"tradeNo\": \"test_00000008\",\n      \"amount\"",
            "\"tradeNo\": \"test_00000008\"\n      \"amount\"",
        ),
    );
    let report = diff(std::slice::from_ref(&page), None);
    let line = seed("mexico-payment.txt")
        .lines()
        .position(|l| l.contains("\"sign\": \"0be92a"))
        .unwrap(); // the `{` is the line above; 1-based it is `line`
    assert_eq!(
        report.unreadable,
        [format!(
            "{}:{line}: the example starting here is not valid JSON: line {}: expected `,` or `}}`",
            page.display(),
            line + 4 // the line after the missing comma, where the parser stops
        )]
    );
}

#[test]
fn the_binary_exits_0_1_and_2() {
    let run = |args: &[&Path]| {
        Command::new(env!("CARGO_BIN_EXE_xtask"))
            .current_dir(root())
            .arg("docs")
            .arg("diff")
            .args(args)
            .output()
            .unwrap()
    };
    let pages: Vec<PathBuf> = PAGES.iter().map(|p| fixture(p)).collect();
    let refs: Vec<&Path> = pages.iter().map(PathBuf::as_path).collect();
    let ok = run(&refs);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(ok.stdout.is_empty());

    let changed = edited(
        "binary",
        "mexico-payment.txt",
        replace("mobileNostring", "mobileYesstring"),
    );
    let out = run(&[&changed, &fixture("kenya-payment.txt")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "mx pay-in: mobile is now required\n"
    );

    let missing = root().join("no-such-page.txt");
    let out = run(&[&missing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no-such-page.txt: cannot read the file")
    );
}

#[test]
fn apply_writes_the_changes_keeping_comments_then_gen_regenerates() {
    // A scratch checkout: a copy of spec/ (gen writes the crates and openapi/ next to it).
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("docs-apply");
    let _ = std::fs::remove_dir_all(&root);
    let spec = root.join("spec");
    std::fs::create_dir_all(&spec).unwrap();
    // The generator reads the workspace version from the root manifest.
    std::fs::copy(root_spec().join("../Cargo.toml"), root.join("Cargo.toml")).unwrap();
    for entry in std::fs::read_dir(root_spec()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), spec.join(entry.file_name())).unwrap();
    }
    let before = std::fs::read_to_string(spec.join("mx.toml")).unwrap();

    let page = edited("apply", "mexico-payment.txt", |p| {
        let p = replace("mobileNostring", "mobileYesstring")(p);
        let p = replace(
            "    vaVa repayment\n",
            "    vaVa repayment\n    speiSPEI transfer\n",
        )(p);
        let p = replace("• /v1/paypro/payInApi", "• /v2/paypro/payInApi")(p);
        replace(
            "    remarkNostring",
            "    referenceNostringBank reference\n    remarkNostring",
        )(p)
    });
    let report = xtask::docs::run(&spec, std::slice::from_ref(&page), None, true);
    assert_eq!(report.unreadable, Vec::<String>::new());
    assert_eq!(
        report.differences,
        [
            "mx pay-in: path /v1/paypro/payInApi → /v2/paypro/payInApi",
            "mx pay-in: mobile is now required",
            "mx pay-in: request field reference is new (optional, string)",
            "mx pay-in: wayCode value spei is new",
        ]
    );
    assert_eq!(report.applied, [spec.join("mx.toml")]);

    // Comments and layout stay; the changes are marked for review.
    let after = std::fs::read_to_string(spec.join("mx.toml")).unwrap();
    assert!(after.starts_with(before.lines().next().unwrap()));
    for line in before.lines().filter(|l| l.trim_start().starts_with('#')) {
        assert!(after.contains(line), "comment lost: {line}");
    }
    assert_eq!(
        after.matches("provenance = \"docs-import\"").count(),
        3,
        "{after}"
    );
    assert!(after.contains(
        "docs-import: path /v1/paypro/payInApi → /v2/paypro/payInApi; review against the page."
    ));
    // Cashier's path and fields are untouched: the new field went into pay-in.
    assert_eq!(
        after.matches("path = \"/v1/paypro/paymentLink\"").count(),
        1
    );

    // The page is now in sync with the edited spec, and gen regenerates from it.
    let again = xtask::docs::run(&spec, &[page], None, false);
    assert_eq!(again.differences, Vec::<String>::new());
    match xtask::run(&root, &spec, false) {
        Ok(_) => {}
        Err(e) => panic!("gen after --apply: {e:?}"),
    }
    match xtask::run(&root, &spec, true) {
        Ok(xtask::Outcome::UpToDate) => {}
        Ok(xtask::Outcome::Drifted(d)) => panic!("gen --check after gen: {}", d.report()),
        Err(e) => panic!("{e:?}"),
    }
    let generated = std::fs::read_to_string(root.join("crates/paypro-mx/src/pay_in.rs")).unwrap();
    assert!(generated.contains("/v2/paypro/payInApi"));
    assert!(generated.contains("\"spei\""));
    let openapi = std::fs::read_to_string(root.join("openapi/paypro-mx.json")).unwrap();
    assert!(openapi.contains("\"/v2/paypro/payInApi\""));
}

fn root_spec() -> PathBuf {
    root().join("spec")
}

/// Every bullet style a browser's copy may produce: `•`, `*`, `-`, `·`, followed by a space
/// or a no-break space (U+00A0).
const BULLETS: &[&str] = &[
    "• ",
    "•\u{a0}",
    "* ",
    "*\u{a0}",
    "- ",
    "-\u{a0}",
    "· ",
    "·\u{a0}",
];

#[test]
fn pages_with_any_bullet_style_are_read_and_in_sync() {
    for (i, bullet) in BULLETS.iter().enumerate() {
        let pages: Vec<PathBuf> = PAGES
            .iter()
            .filter(|_| *bullet != "• ")
            .map(|name| edited(&format!("bullets-{i}"), name, |p| p.replace("• ", bullet)))
            .collect();
        let report = diff(&pages, None);
        assert_eq!(report.unreadable, Vec::<String>::new(), "bullet {bullet:?}");
        assert_eq!(
            report.differences,
            Vec::<String>::new(),
            "bullet {bullet:?}"
        );
    }
    // The navigation line is still named when the country has no spec.
    let page = edited("bullets-brazil", "kenya-payment.txt", |p| {
        p.replace("• ", "*\u{a0}")
            .replacen("\n  *\u{a0}Kenya\n", "\n  *\u{a0}Brazil\n", 1)
    });
    let line = seed("kenya-payment.txt")
        .lines()
        .position(|l| l == "  • Kenya")
        .unwrap()
        + 1;
    assert_eq!(
        diff(std::slice::from_ref(&page), None).unreadable,
        [format!(
            "{}:{line}: the page is about Brazil, a country with no spec/<code>.toml",
            page.display()
        )]
    );
    // A new value in a description's bulleted list is still seen.
    let page = edited("bullets-values", "bangladesh-payment.txt", |p| {
        p.replace("• E-wallet", "- E-wallet").replace(
            "EWALLET_BKASH、EWALLET_NAGAD",
            "EWALLET_BKASH、EWALLET_NAGAD、EWALLET_UPAY",
        )
    });
    assert_eq!(
        diff(&[page], None).differences,
        ["bd pay-in: wayCode value EWALLET_UPAY is new"]
    );
}

#[derive(Clone, Copy)]
enum Layout {
    Tabs,
    Spaces,
    Pipes { separator: bool },
}

fn write_cells(indent: &str, cells: &[&str], layout: Layout) -> String {
    match layout {
        Layout::Tabs => format!("{indent}{}", cells.join("\t")),
        Layout::Spaces => format!("{indent}{}", cells.join("   ")),
        Layout::Pipes { .. } => format!("{indent}| {} |", cells.join(" | ")),
    }
}

/// A seed page with its tables laid out as `layout` instead of glued (the glued rows are split
/// with the glued reader, which `glued_rows_split_at_requiredness_then_type` tests).
fn relayout(page: &str, layout: Layout) -> String {
    let mut out = vec![];
    let mut in_values = false;
    for line in page.lines() {
        let indent = &line[..line.len() - line.trim_start().len()];
        let t = line.trim();
        let lower = t.to_ascii_lowercase();
        if let Some(at) = lower
            .strip_suffix("requiredtypedescription")
            .map(|head| head.len())
        {
            out.push(write_cells(
                indent,
                &[&t[..at], "Required", "Type", "Description"],
                layout,
            ));
            if let Layout::Pipes { separator: true } = layout {
                out.push(format!("{indent}|---|---|---|---|"));
            }
            in_values = false;
            continue;
        }
        if t == "wayCodeDescription" {
            out.push(write_cells(indent, &["wayCode", "Description"], layout));
            if let Layout::Pipes { separator: true } = layout {
                out.push(format!("{indent}|---|---|"));
            }
            in_values = true;
            continue;
        }
        if in_values && !t.is_empty() {
            let (value, description) = match t {
                "storeconvenience store" => ("store", "convenience store"),
                "vaVa repayment" => ("va", "Va repayment"),
                other => panic!("unexpected value row {other}"),
            };
            out.push(write_cells(indent, &[value, description], layout));
            continue;
        }
        in_values = false;
        match xtask::docs::table::split_glued(t) {
            Some((name, required, ty, description)) => {
                let required = if required { "Yes" } else { "No" };
                out.push(write_cells(
                    indent,
                    &[&name, required, &ty, &description],
                    layout,
                ));
            }
            None => out.push(line.to_string()),
        }
    }
    out.join("\n") + "\n"
}

const LAYOUTS: &[(&str, Layout)] = &[
    ("tabs", Layout::Tabs),
    ("spaces", Layout::Spaces),
    ("pipes", Layout::Pipes { separator: true }),
    ("pipes-bare", Layout::Pipes { separator: false }),
];

#[test]
fn tables_in_every_layout_are_read_and_in_sync() {
    for (label, layout) in LAYOUTS {
        let pages: Vec<PathBuf> = PAGES
            .iter()
            .map(|name| edited(&format!("layout-{label}"), name, |p| relayout(&p, *layout)))
            .collect();
        let report = diff(&pages, None);
        assert_eq!(report.unreadable, Vec::<String>::new(), "{label}");
        assert_eq!(report.differences, Vec::<String>::new(), "{label}");
        // The rows are really read: a change in each table is seen.
        let page = edited(
            &format!("layout-{label}-changed"),
            "mexico-payment.txt",
            |p| {
                let p = relayout(&p.replace("mobileNostring", "mobileYesstring"), *layout);
                let p = p.replacen("store", "spei", 1);
                p.replacen("data.paymentInfo", "data.paymentCode", 1)
            },
        );
        assert_eq!(
            diff(&[page], None).differences,
            [
                "mx pay-in: mobile is now required",
                "mx pay-in: wayCode value spei is new",
                "mx pay-in: wayCode value store was removed",
                "mx pay-in: response field paymentCode is new (required, string)",
                "mx pay-in: response field paymentInfo was removed",
            ],
            "{label}"
        );
    }
}

#[test]
fn a_table_row_that_cannot_be_read_exits_2_naming_its_line() {
    let line_of =
        |page: &str, needle: &str| page.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let cases: &[(&str, Layout, &str, &str, &str)] = &[
        (
            "tabs",
            Layout::Tabs,
            "mobile\tNo\tstring",
            "mobile\tMaybe\tstring",
            "`Maybe` is not a requiredness (yes or no)",
        ),
        (
            "pipes",
            Layout::Pipes { separator: true },
            "| amount | Yes | string |",
            "| amount | Yes | uint |",
            "`uint` is not a type word",
        ),
        (
            "spaces",
            Layout::Spaces,
            "data.status   Yes   string",
            "data.status   Yes   enum",
            "`enum` is not a type word",
        ),
    ];
    for (label, layout, from, to, why) in cases {
        let page = edited(&format!("unreadable-{label}"), "mexico-payment.txt", |p| {
            let p = relayout(&p, *layout);
            replace(from, to)(p)
        });
        let text = std::fs::read_to_string(&page).unwrap();
        let report = diff(std::slice::from_ref(&page), None);
        assert_eq!(report.exit_code(), 2, "{label}");
        let want = format!(
            "{}:{}: cannot read this table row: {why}",
            page.display(),
            line_of(&text, to)
        );
        assert!(
            report.unreadable[0].starts_with(&want),
            "{label}: {:?}",
            report.unreadable
        );
    }
    // A glued row with an unknown type word is not taken for the row above's description.
    let page = edited(
        "unreadable-glued",
        "kenya-payment.txt",
        replace(
            "    data.descYesstring",
            "    data.utrYesuuidBank reference\n    data.descYesstring",
        ),
    );
    let text = std::fs::read_to_string(&page).unwrap();
    let report = diff(std::slice::from_ref(&page), None);
    assert_eq!(report.exit_code(), 2);
    assert!(
        report.unreadable[0].starts_with(&format!(
            "{}:{}: cannot read this table row: after the name, no requiredness",
            page.display(),
            line_of(&text, "data.utrYesuuid")
        )),
        "{:?}",
        report.unreadable
    );
}

/// The Egypt payout page with its request example replaced by `block`.
fn egypt_with_request_example(block: &str) -> String {
    let page = seed("egypt-payout.txt");
    let start = page.find("    {\n      \"sign\"").unwrap();
    let end = start + page[start..].find("\n    }\n").unwrap() + "\n    }\n".len();
    format!("{}{block}{}", &page[..start], &page[end..])
}

#[test]
fn examples_are_read_in_linear_time() {
    // Every line of this example starts with `}`: a reader that tries a parse at each such
    // line does work quadratic in its size (96 KB took 24 s).
    let n = 20_000;
    let mut block = String::from("{\n  \"sign\": \"x\",\n  \"items\": [\n    {\"b\": 0\n");
    for i in 1..n {
        block.push_str(&format!("    }}, {{\"b\": {i}\n"));
    }
    block.push_str("    }\n  ]\n}\n");
    let text = egypt_with_request_example(&block);
    assert!(text.len() > 300_000);
    let mut work = xtask::docs::json::Work::default();
    let page = xtask::docs::page::parse_with_work(&text, &mut work).unwrap();
    assert_eq!(
        work.parses, 2,
        "one parse per example (request and response)"
    );
    assert!(work.bytes_scanned <= text.len(), "{work:?}");
    let items = &page.request_example.unwrap().0["items"];
    assert_eq!(items.as_array().map(Vec::len), Some(n));

    // The same lines after an unclosed `[`: the first `}` is the error, found at once.
    let mut block = String::from("{\n  \"items\": [\n");
    for _ in 0..n {
        block.push_str("}\n");
    }
    let text = egypt_with_request_example(&block);
    let mut work = xtask::docs::json::Work::default();
    let err = xtask::docs::page::parse_with_work(&text, &mut work).unwrap_err();
    let open = text.lines().position(|l| l == "{").unwrap() + 1;
    assert_eq!(err.line, open);
    assert_eq!(
        err.message,
        format!(
            "the example starting here is not valid JSON: line {}: `}}` closes the `[` opened on line {}",
            open + 2,
            open + 1
        )
    );
    assert_eq!(work.parses, 0);
    assert!(work.bytes_scanned < 64, "{work:?}");
}

/// The lines of the seed's first example block (from its `{` line to its closing `}` line).
fn example_block(page: &str, nth: usize) -> (usize, usize) {
    let lines: Vec<&str> = page.lines().collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|i| lines[*i].trim() == "{")
        .collect();
    let start = starts[nth];
    let indent = lines[start].len() - lines[start].trim_start().len();
    let end = (start + 1..lines.len())
        .find(|i| {
            lines[*i].trim() == "}" && lines[*i].len() - lines[*i].trim_start().len() == indent
        })
        .unwrap();
    (start, end)
}

/// The page with lines `start..=end` replaced by `with`.
fn splice(page: &str, (start, end): (usize, usize), with: &str) -> String {
    let lines: Vec<&str> = page.lines().collect();
    let mut out: Vec<String> = lines[..start].iter().map(|l| l.to_string()).collect();
    out.extend(with.lines().map(String::from));
    out.extend(lines[end + 1..].iter().map(|l| l.to_string()));
    out.join("\n") + "\n"
}

fn block_json(page: &str, block: (usize, usize)) -> serde_json::Value {
    let lines: Vec<&str> = page.lines().collect();
    serde_json::from_str(&lines[block.0..=block.1].join("\n")).unwrap()
}

#[test]
fn examples_are_read_however_the_page_writes_them() {
    // One-line JSON, with a changed value.
    let page = edited("example-one-line", "indonesia-payment.txt", |p| {
        let block = example_block(&p, 0);
        let mut json = block_json(&p, block);
        json["amount"] = 2000000.into();
        splice(&p, block, &format!("{json}"))
    });
    assert_eq!(
        diff(&[page], None).differences,
        ["id pay-in: request example: amount 1000000 → 2000000"]
    );
    // Indented with tabs, the first key on the `{` line, the `}` after the last value.
    let page = edited("example-indented", "mexico-payment.txt", |p| {
        let block = example_block(&p, 0);
        let lines: Vec<&str> = p.lines().collect();
        let inner: Vec<String> = lines[block.0 + 1..block.1]
            .iter()
            .map(|l| format!("\t\t{}", l.trim()))
            .collect();
        let text = format!("{{ {} }}", inner.join("\n").trim_start());
        splice(&p, block, &text)
    });
    assert_eq!(diff(&[page], None).differences, Vec::<String>::new());
    // Other headings (which example an unsaid one is follows from where it stands), a code
    // block's chrome between heading and example, and a changed value in the response.
    let page = edited("example-headings", "egypt-payout.txt", |p| {
        let p = replace("Request Parameter Example", "Example:")(p);
        let p = replace(
            "Successful Response Example",
            "JSON example\n    json\n    Copy",
        )(p);
        replace("\"desc\": \"CREATED\"", "\"desc\": \"PENDING\"")(p)
    });
    assert_eq!(
        diff(&[page], None).differences,
        ["eg payout: response example: data.desc \"CREATED\" → \"PENDING\""]
    );
    // The example on its heading's line.
    let page = edited("example-on-heading", "kenya-payment.txt", |p| {
        let block = example_block(&p, 0);
        let json = block_json(&p, block);
        let p = splice(&p, block, "");
        replace(
            "Request Parameter Example\n",
            &format!("Request Parameter Example: {json}\n"),
        )(p)
    });
    assert_eq!(diff(&[page], None).differences, Vec::<String>::new());
}

#[test]
fn a_missing_example_is_reported_and_a_second_one_is_unreadable() {
    let page = edited("example-missing", "egypt-payout.txt", |p| {
        let block = example_block(&p, 0);
        splice(&p, block, "")
    });
    assert_eq!(
        diff(&[page], None).differences,
        ["eg payout: request example is missing from the page"]
    );
    let page = edited("example-missing-response", "bangladesh-payment.txt", |p| {
        let block = example_block(&p, 1);
        let p = splice(&p, block, "");
        replace("Successful Response Example\n", "")(p)
    });
    assert_eq!(
        diff(&[page], None).differences,
        ["bd pay-in: response example is missing from the page"]
    );
    // Two request examples: the diff compares one, so the page is not read as if it had one.
    let page = edited("example-twice", "kenya-payment.txt", |p| {
        let block = example_block(&p, 0);
        let json = block_json(&p, block);
        replace(
            "    Response Result\n",
            &format!("    Request Parameter Example\n    {json}\n    Response Result\n"),
        )(p)
    });
    let text = std::fs::read_to_string(&page).unwrap();
    let second = text
        .lines()
        .collect::<Vec<_>>()
        .iter()
        .rposition(|l| l.trim_start().starts_with("{\""))
        .unwrap()
        + 1;
    let first = example_block(&text, 0).0 + 1;
    assert_eq!(
        diff(std::slice::from_ref(&page), None).unreadable,
        [format!(
            "{}:{second}: a second request example (the first starts on line {first}); the diff compares one",
            page.display()
        )]
    );
}

/// A copy of spec/ in this test's own directory, with `file` edited.
fn scratch_spec(test: &str, file: &str, edit: impl FnOnce(String) -> String) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("docs-spec")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(root_spec()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let changed = edit(text.clone());
    assert_ne!(changed, text, "the edit must change the spec");
    std::fs::write(dir.join(file), changed).unwrap();
    dir
}

#[test]
fn response_tables_are_compared_by_type_and_requiredness() {
    let page = edited("response-kinds", "kenya-payment.txt", |p| {
        let p = replace("data.statusYesstring", "data.statusYesint")(p);
        replace("data.descYesstring", "data.descNostring")(p)
    });
    assert_eq!(
        diff(std::slice::from_ref(&page), None).differences,
        [
            "ke pay-in: response field status type string → int (the spec reads a status from a JSON string)",
            "ke pay-in: response field desc is now optional",
        ]
    );
    // What spec/ke.toml records as the page's own wording is not a difference.
    let spec = scratch_spec("response-kinds", "ke.toml", |t| {
        replace(
            "# What the page (seeds/kenya-payment.txt) says where this spec deliberately differs.\n",
            "# What the page (seeds/kenya-payment.txt) says where this spec deliberately differs.\nresponse_types = { status = \"int\" }\nresponse_optional = [\"desc\"]\n",
        )(t)
    });
    let report = xtask::docs::run(&spec, &[page], None, false);
    assert_eq!(report.differences, Vec::<String>::new());
    // spec/id.toml records that the page marks qrString and vaNumber optional.
    let page = edited(
        "response-required",
        "indonesia-payment.txt",
        replace("data.qrStringnostring", "data.qrStringyesstring"),
    );
    assert_eq!(
        diff(&[page], None).differences,
        ["id pay-in: response field qrString is now required"]
    );
    // The data row against the endpoint's data shape.
    let page = edited(
        "response-data",
        "mexico-payment.txt",
        replace("dataYesObject", "dataYesarray"),
    );
    assert_eq!(
        diff(&[page], None).differences,
        ["mx pay-in: response data type object → array (the spec reads data as an object)"]
    );
}

#[test]
fn rules_stated_in_prose_are_compared_with_the_specs() {
    // Egypt's payout bounds changed in the description.
    let page = edited(
        "rules-bounds",
        "egypt-payout.txt",
        replace(
            "adjustable from a minimum of 100 to a maximum of 10,000",
            "adjustable from a minimum of 50 to a maximum of 20,000",
        ),
    );
    assert_eq!(
        diff(std::slice::from_ref(&page), None).differences,
        [
            "eg payout: amount: the page says between 50 and 20000 (adjustable), the spec says between 100 and 10000 (adjustable)"
        ]
    );
    // Recorded in [endpoint.docs] rules as the page's deliberate wording: not a difference.
    let spec = scratch_spec("rules-bounds", "eg.toml", |t| {
        replace(
            "types = { timestamp = \"long\" }\n\n[[endpoint]]\nname = \"query-pay-in\"",
            "types = { timestamp = \"long\" }\nrules = { amount = \"between 50 and 20000 (adjustable)\" }\n\n[[endpoint]]\nname = \"query-pay-in\"",
        )(t)
    });
    assert_eq!(
        xtask::docs::run(&spec, &[page], None, false).differences,
        Vec::<String>::new()
    );
    // The bounds no longer stated, or no longer adjustable.
    let page = edited(
        "rules-no-bounds",
        "egypt-payout.txt",
        replace(
            "Payment amount (adjustable from a minimum of 100 to a maximum of 10,000, no decimal points supported)",
            "Payment amount (no decimal points supported)",
        ),
    );
    assert_eq!(
        diff(&[page], None).differences,
        [
            "eg payout: amount: the page says no bounds, the spec says between 100 and 10000 (adjustable)"
        ]
    );
    let page = edited(
        "rules-fixed",
        "egypt-payout.txt",
        replace("adjustable from a minimum", "from a minimum"),
    );
    assert_eq!(
        diff(&[page], None).differences,
        [
            "eg payout: amount: the page says between 100 and 10000, the spec says between 100 and 10000 (adjustable)"
        ]
    );
    // Indonesia's mobile: digit count and prefixes.
    let page = edited(
        "rules-mobile",
        "indonesia-payment.txt",
        replace(
            "starting with 08 or 628, a total of 10-13 digits",
            "starting with 08 or 62, a total of 10-12 digits",
        ),
    );
    assert_eq!(
        diff(&[page], None).differences,
        [
            "id pay-in: mobile: the page says 10 to 12 digits, the spec says 10 to 13 digits",
            "id pay-in: mobile: the page says starts with 08 or 62, the spec says starts with 08 or 628",
        ]
    );
    // A length where the spec has none.
    let page = edited(
        "rules-length",
        "kenya-payment.txt",
        replace(
            "remarkNostringRemark, this field will be returned as-is",
            "remarkNostringRemark, at most 64 characters, returned as-is",
        ),
    );
    assert_eq!(
        diff(&[page], None).differences,
        ["ke pay-in: remark: the page says at most 64 characters, the spec says no length limit"]
    );
    // What cannot be read one way is not reported: a dotted number, advice, a partial count.
    for (name, from, to) in [
        ("egypt-payout.txt", "minimum of 100", "minimum of EGP 1.000"),
        (
            "kenya-payment.txt",
            "greater than KSH.50",
            "greater than KSH.100, minimum 100",
        ),
        (
            "indonesia-payment.txt",
            "a total of 10-13 digits",
            "the first 10-13 digits",
        ),
    ] {
        let page = edited("rules-unclear", name, replace(from, to));
        assert_eq!(
            diff(&[page], None).differences,
            Vec::<String>::new(),
            "{to}"
        );
    }
}

/// A scratch checkout named `name`: a copy of spec/ and the root manifest (gen writes the
/// crates and openapi/ next to it).
fn scratch_checkout(name: &str) -> (PathBuf, PathBuf) {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&root);
    let spec = root.join("spec");
    std::fs::create_dir_all(&spec).unwrap();
    std::fs::copy(root_spec().join("../Cargo.toml"), root.join("Cargo.toml")).unwrap();
    for entry in std::fs::read_dir(root_spec()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), spec.join(entry.file_name())).unwrap();
    }
    (root, spec)
}

/// Doc-comment lines of a generated file that open or close a code fence.
fn fences(rust: &str) -> usize {
    rust.lines()
        .filter(|l| {
            let t = l.trim_start();
            t.strip_prefix("///")
                .or_else(|| t.strip_prefix("//!"))
                .is_some_and(|d| d.trim_start().starts_with("```"))
        })
        .count()
}

#[test]
fn apply_never_writes_text_that_changes_the_meaning_of_generated_docs() {
    let (root, spec) = scratch_checkout("docs-apply-plain");
    let generated = root.join("crates/paypro-mx/src/pay_in.rs");
    if let Err(e) = xtask::run(&root, &spec, false) {
        panic!("gen: {e:?}");
    }
    let fences_before = fences(&std::fs::read_to_string(&generated).unwrap());

    let hostile = "```rust panic!(\"doctest\") `code` *emphasis* */ <script>x</script> &lt; [link](https://x.test/a_b)";
    let page = edited("apply-plain", "mexico-payment.txt", |p| {
        replace(
            "    remarkNostring",
            &format!(
                "    referenceNostring{hostile}\n    headingNostring# Not a heading\n    remarkNostring"
            ),
        )(p)
    });
    let report = xtask::docs::run(&spec, std::slice::from_ref(&page), None, true);
    assert_eq!(report.unreadable, Vec::<String>::new());
    assert_eq!(report.applied, [spec.join("mx.toml")]);
    if let Err(e) = xtask::run(&root, &spec, false) {
        panic!("gen after --apply: {e:?}");
    }
    let rust = std::fs::read_to_string(&generated).unwrap();
    assert_eq!(
        fences(&rust),
        fences_before,
        "a doc comment opens a code fence"
    );
    // The field's doc says the page's text, escaped: it renders as written (the generator
    // links the bare URL).
    let doc_of = |needle: &str| {
        rust.lines()
            .find(|l| l.trim_start().starts_with("///") && l.contains(needle))
            .unwrap_or_else(|| panic!("no doc line with {needle}"))
            .to_string()
    };
    let line = doc_of("panic!");
    assert!(
        line.contains(
            r#"\`\`\`rust panic!("doctest") \`code\` \*emphasis\* \*\/ \<script\>x\</script\> \&lt; \[link\](<https://x.test/a_b>)"#
        ),
        "{line}"
    );
    assert!(doc_of("Not a heading").contains(r"/// \# Not a heading"));
    // The runtime's description of the field (CLI help) is the page's text itself, without the
    // doc comment's escapes: the Rust string literal holds it exactly.
    for text in [hostile, "# Not a heading"] {
        assert!(
            rust.contains(&format!("{text:?}")),
            "the runtime description is not the page's text {text:?}"
        );
    }
    // The page's text never reaches a path or a value unchecked.
    let page = edited("apply-path", "mexico-payment.txt", |p| {
        replace("• /v1/paypro/payInApi", "• /v2/`<script>`/payInApi")(p)
    });
    let spec_before = std::fs::read_to_string(spec.join("mx.toml")).unwrap();
    let report = xtask::docs::run(&spec, std::slice::from_ref(&page), None, true);
    assert_eq!(
        std::fs::read_to_string(spec.join("mx.toml")).unwrap(),
        spec_before
    );
    assert!(
        report.unreadable[0].ends_with("--apply failed: the page's path `/v2/`<script>`/payInApi` is not a plain path (letters, digits, `/`, `_`, `.`, `-`); nothing was written"),
        "{:?}",
        report.unreadable
    );
}

#[test]
fn a_table_whose_header_cannot_be_read_exits_2_naming_its_heading() {
    // Kenya's response table, its header in words this reader does not know: the table would
    // otherwise be skipped and the page found in sync.
    let page = edited("unknown-header", "kenya-payment.txt", |p| {
        let at = p.find("Response Result").unwrap();
        let (head, tail) = p.split_at(at);
        format!(
            "{head}{}",
            tail.replacen(
                "ParameterRequiredTypeDescription",
                "FieldMandatoryKindNotes",
                1
            )
        )
    });
    let text = std::fs::read_to_string(&page).unwrap();
    let line = text
        .lines()
        .position(|l| l.trim() == "Response Result")
        .unwrap()
        + 1;
    assert_eq!(
        diff(std::slice::from_ref(&page), None).unreadable,
        [format!(
            "{}:{line}: no table under `Response Result` could be read (its header row must name the Required and Type columns)",
            page.display()
        )]
    );
}
