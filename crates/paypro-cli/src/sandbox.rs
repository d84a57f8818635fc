//! `paypro mock`: the `paypro-mock` program inside the command. Its flags, defaults, help,
//! start-up lines and port-in-use message are the program's (`paypro_mock::cli`); the secret is
//! the command's as for every command (`PAYPRO_SECRET`, `--secret-file` or `--secret`; never
//! printed), else the sandbox's own test secret.

use paypro_mock::cli::{self, SandboxArgs};

use crate::fail::{Exit, Fail};
use crate::{Creds, secret};

/// Serves every country until Ctrl-C.
pub fn run(creds: &Creds, args: &SandboxArgs) -> Result<(), Fail> {
    let secret = secret::secret(creds)?;
    let runtime = tokio::runtime::Runtime::new()
        .map_err(|e| Fail::new(Exit::Refused, format!("cannot start: {e}")))?;
    runtime.block_on(async {
        let started = cli::start(args, secret, paypro_all::COUNTRIES)
            .await
            .map_err(|e| Fail::new(Exit::Refused, e.to_string()))?;
        started
            .print(&mut std::io::stdout().lock())
            .map_err(Fail::unwritten)?;
        if let Some(note) = started.note() {
            crate::note(format_args!("{note}"));
        }
        tokio::signal::ctrl_c()
            .await
            .map_err(|e| Fail::new(Exit::Refused, format!("cannot wait for Ctrl-C: {e}")))?;
        Ok(())
    })
}
