//! A country crate's `examples/quickstart-<code>/`: the SDK's main job, end to end, offline.

use super::{Country, Files};

pub fn generate(country: &Country, root: &str, files: &mut Files) {
    let Some(run) = super::sandbox::quickstart(country) else {
        return;
    };
    let name = &country.file.spec.country.get_ref().name;
    files.insert(
        format!("{root}/examples/quickstart-{}/main.rs", country.code()).into(),
        format!(
            "{}//! The SDK's main job, end to end: a {name} pay-in against the embedded sandbox, its\n\
             //! callback received and verified, the order queried. No credentials, no network.\n\
             //!\n\
             //! With `PAYPRO_BASE_URL`, `PAYPRO_MERCHANT_NO` and `PAYPRO_SECRET` set, it talks to that\n\
             //! gateway instead.\n\n\
             #[rustfmt::skip]\nmod run;\n\n\
             #[tokio::main]\nasync fn main() -> Result<(), Box<dyn std::error::Error>> {{\n    run::main().await\n}}\n",
            super::rust_header(&country.spec_path())
        ),
    );
    files.insert(
        format!("{root}/examples/quickstart-{}/run.rs", country.code()).into(),
        run,
    );
}
