//! `cargo xtask docs diff`: the five saved seed pages agree with the spec; edited copies of them
//! are reported line by line; a page of a country without a spec, and a page that is not an API
//! page, cannot be read (exit 2) and say where.

use std::path::{Path, PathBuf};

use xtask::docs::{Verdict, run};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn seed(name: &str) -> String {
    std::fs::read_to_string(repo().join("xtask/tests/fixtures/docs").join(name)).unwrap()
}

/// Runs `docs diff` on pages given as text; the verdict, stdout and stderr.
fn diff(pages: &[(&str, String)]) -> (Verdict, String, String) {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("paypro-docs-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<PathBuf> = pages
        .iter()
        .map(|(name, text)| {
            let p = dir.join(name);
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect();
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let root = repo();
    let verdict = run(&root.join("spec"), &root, &refs, &mut out, &mut err);
    let _ = std::fs::remove_dir_all(&dir);
    (
        verdict,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn edited(name: &str, from: &str, to: &str) -> (Verdict, String, String) {
    let text = seed(name);
    assert!(text.contains(from), "{name} has no `{from}`");
    diff(&[(name, text.replacen(from, to, 1))])
}

#[test]
fn the_seed_pages_are_in_sync() {
    let names = [
        "bangladesh-payment.txt",
        "egypt-payout.txt",
        "indonesia-payment.txt",
        "kenya-payment.txt",
        "mexico-payment.txt",
    ];
    let pages: Vec<(&str, String)> = names.iter().map(|n| (*n, seed(n))).collect();
    let (verdict, out, err) = diff(&pages);
    assert!(matches!(verdict, Verdict::InSync), "{out}{err}");
    assert_eq!((out.as_str(), err.as_str()), ("", ""));
}

#[test]
fn each_kind_of_change_is_one_line() {
    let cases = [
        (
            "mexico-payment.txt",
            "    mobileNostringUser's mobile phone number",
            "    currencyCodeYesstringCurrency\n    mobileNostringUser's mobile phone number",
            "mx pay-in: request field currencyCode is new (required, string)\n",
        ),
        (
            "kenya-payment.txt",
            "    remarkNostringRemark, this field will be returned as-is\n",
            "",
            "ke pay-in: request field remark was removed\n",
        ),
        (
            "mexico-payment.txt",
            "mobileNostring",
            "mobileYesstring",
            "mx pay-in: mobile is now required\n",
        ),
        (
            "kenya-payment.txt",
            "amountYesstringAmount",
            "amountYeslongAmount",
            "ke pay-in: amount type string → long\n",
        ),
        (
            "mexico-payment.txt",
            "• /v1/paypro/payInApi",
            "• /v2/paypro/payInApi",
            "mx pay-in: path /v1/paypro/payInApi → /v2/paypro/payInApi\n",
        ),
        (
            "mexico-payment.txt",
            "    storeconvenience store\n",
            "    storeconvenience store\n    speiSPEI bank transfer\n",
            "mx pay-in: wayCode value in row `speiSPEI bank transfer` is new\n",
        ),
        (
            "mexico-payment.txt",
            "  \"remark\": \"test\",",
            "  \"remark\": \"changed\",",
            "mx pay-in: example: remark \"test\" → \"changed\"\n",
        ),
    ];
    for (page, from, to, expected) in cases {
        let (verdict, out, err) = edited(page, from, to);
        assert!(
            matches!(verdict, Verdict::Differences),
            "{page} {to:?}: {out}{err}"
        );
        assert_eq!(out, expected, "{page}: {from:?} → {to:?}");
        assert_eq!(err, "");
    }
}

#[test]
fn pages_it_cannot_read_exit_2_naming_the_line() {
    // A country with no spec file.
    let (verdict, out, err) = edited(
        "kenya-payment.txt",
        "  • Kenya\n\n    • Overview",
        "  • Pakistan\n\n    • Overview",
    );
    assert!(matches!(verdict, Verdict::Unreadable), "{out}{err}");
    assert!(
        err.contains("is about Pakistan, which has no spec"),
        "{err}"
    );
    assert!(err.contains(": line "), "{err}");
    // Not an API page: no request URL.
    let text = seed("mexico-payment.txt");
    let start = text.find("Request URL").unwrap();
    let overview = format!("{}This page has no API.\n", &text[..start]);
    let (verdict, _, err) = diff(&[("overview.txt", overview)]);
    assert!(matches!(verdict, Verdict::Unreadable));
    assert!(
        err.contains("is not an API page: no `Request URL` section"),
        "{err}"
    );
    // Not a Paypro page at all.
    let (verdict, _, err) = diff(&[("readme.txt", "# Hello\n".into())]);
    assert!(matches!(verdict, Verdict::Unreadable));
    assert!(
        err.contains("readme.txt: line 1: not a Paypro API page"),
        "{err}"
    );
}

#[test]
fn deviations_recorded_in_the_spec_are_not_differences() {
    // A scratch copy of the repository's spec, with Kenya's pay-in amount recorded as typed
    // `long` by the docs and its remark as missing from the docs' table on purpose.
    let root = std::env::temp_dir().join(format!("paypro-docs-spec-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("spec")).unwrap();
    std::fs::copy(repo().join("Cargo.toml"), root.join("Cargo.toml")).unwrap();
    for entry in std::fs::read_dir(repo().join("spec")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), root.join("spec").join(entry.file_name())).unwrap();
    }
    let ke = root.join("spec/ke.toml");
    let text = std::fs::read_to_string(&ke).unwrap();
    let amount = "wire = \"amount\"\nkind = \"amount\"\n";
    let remark = "wire = \"remark\"\nkind = \"text\"\n";
    assert!(text.contains(amount) && text.contains(remark));
    let text = text
        .replacen(amount, &format!("{amount}docs_type = \"long\"\n"), 1)
        .replacen(remark, &format!("{remark}undocumented = true\n"), 1);
    std::fs::write(&ke, text).unwrap();

    let page = seed("kenya-payment.txt")
        .replacen("amountYesstringAmount", "amountYeslongAmount", 1)
        .replacen(
            "    remarkNostringRemark, this field will be returned as-is\n",
            "",
            1,
        );
    let path = root.join("kenya.txt");
    std::fs::write(&path, &page).unwrap();
    let run_on = |p: &Path| {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let verdict = run(&root.join("spec"), &root, &[p], &mut out, &mut err);
        (
            verdict,
            String::from_utf8(out).unwrap() + &String::from_utf8(err).unwrap(),
        )
    };
    let (verdict, text) = run_on(&path);
    assert!(matches!(verdict, Verdict::InSync), "{text}");
    // The unedited page now differs from what the spec recorded about the docs.
    let plain = root.join("kenya-plain.txt");
    std::fs::write(&plain, seed("kenya-payment.txt")).unwrap();
    let (verdict, text) = run_on(&plain);
    assert!(matches!(verdict, Verdict::Differences));
    assert_eq!(text, "ke pay-in: amount type long → string\n");
    let _ = std::fs::remove_dir_all(&root);
}
