//! `crates/paypro-all/`: every country crate and the list of their descriptors, for tools that
//! serve or call all of them (the sandbox, the CLI). A new spec file adds its country here.

use super::{Country, Files};

pub fn generate(countries: &[Country], version: &str, files: &mut Files) {
    let header = "@generated from spec/*.toml by `cargo xtask gen`; do not edit.";
    let mut manifest = format!(
        "# {header}\n[package]\nname = \"paypro-all\"\ndescription = \"Every Paypro country crate, and the list of their descriptors.\"\nversion.workspace = true\nedition.workspace = true\nrust-version.workspace = true\nlicense.workspace = true\nrepository.workspace = true\nreadme = \"../../README.md\"\nkeywords = [\"paypro\", \"payments\", \"payouts\"]\ncategories = [\"api-bindings\", \"finance\"]\n\n# Re-exports only: nothing to unit-test or doctest here.\n[lib]\ntest = false\ndoctest = false\n\n[features]\ndefault = []\n# Every country's `Client`.\nclient = ["
    );
    let clients: Vec<String> = countries
        .iter()
        .map(|c| format!("\"{}/client\"", c.crate_name()))
        .collect();
    manifest.push_str(&clients.join(", "));
    let blocking: Vec<String> = countries
        .iter()
        .map(|c| format!("\"{}/blocking\"", c.crate_name()))
        .collect();
    let schemas: Vec<String> = countries
        .iter()
        .map(|c| format!("\"{}/schemars\"", c.crate_name()))
        .collect();
    manifest.push_str(&format!(
        "]\n# Every country's `blocking::Client`, and `ops::send`.\nblocking = [\"client\", \"paypro-core/blocking\", {}]\n# JSON Schemas, and `ops::schema`.\nschemars = [\"dep:schemars\", {}]\n",
        blocking.join(", "),
        schemas.join(", ")
    ));
    manifest.push_str("\n[dependencies]\npaypro-core.workspace = true\nserde.workspace = true\nserde_json.workspace = true\nschemars = { workspace = true, optional = true }\n");
    for c in countries {
        manifest.push_str(&format!(
            "{} = {{ path = \"../{}\", version = \"{version}\", default-features = false }}\n",
            c.crate_name(),
            c.crate_name()
        ));
    }
    manifest.push_str("\n[package.metadata.docs.rs]\nall-features = true\nrustdoc-args = [\"--cfg\", \"docsrs\"]\n\n[lints]\nworkspace = true\n");
    files.insert("crates/paypro-all/Cargo.toml".into(), manifest);

    let mut lib = format!(
        "// {header}\n//! Every Paypro country crate, for tools that serve or call all of them.\n\nuse paypro_core::descriptor::CountryDescriptor;\n\n"
    );
    for c in countries {
        lib.push_str(&format!("pub use {} as {};\n", c.crate_ident(), c.code()));
    }
    lib.push_str("\n/// Every country, in spec-file order.\npub const COUNTRIES: &[&CountryDescriptor] = &[\n");
    for c in countries {
        lib.push_str(&format!("    &{}::advanced::COUNTRY,\n", c.crate_ident()));
    }
    lib.push_str("];\n\n#[rustfmt::skip]\npub mod ops;\n\n/// A country by code (`id`).\npub fn country(code: &str) -> Option<&'static CountryDescriptor> {\n    COUNTRIES.iter().copied().find(|c| c.code == code)\n}\n");
    files.insert("crates/paypro-all/src/lib.rs".into(), lib);
    files.insert(
        "crates/paypro-all/src/ops.rs".into(),
        super::ops::generate(countries),
    );
}
